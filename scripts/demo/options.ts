// The demo's options (`npm run demo -- …`): parsed from the command line, checked, and resolved
// against the defaults (the sample sheet, disputes and payments; the built dist/).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { isValidTimeZone } from '../../local';
import { defaultSettings, parseSettingsToSave } from '../../src/domain/settings';
import type { Settings } from '../../src/domain/types';
import { readSettingsFile } from '../demoClaims';

const ROOT = path.resolve(__dirname, '../..');

export const DEMO_DEFAULTS = {
  sheet: path.join(ROOT, 'sample', 'invoices.csv'),
  disputes: path.join(ROOT, 'sample', 'disputes.csv'),
  payments: path.join(ROOT, 'sample', 'payments.csv'),
  from: '2026-11-02',
  days: 30,
  tz: 'America/New_York',
  locale: 'en_US',
  sender: 'Sam Rivera Design',
  out: 'outbox',
  distDir: path.join(ROOT, 'dist'),
} as const;

export const MAX_DAYS = 366;

export interface DemoOptions {
  /** Invoice sheet as CSV (default: the bundled sample). */
  sheet?: string | null;
  /** Dispute Notes as CSV. Default: the bundled sample's, but only with the bundled sheet. */
  disputes?: string | null;
  /** Payments that arrive during the month (Invoice, Paid Date). Default: the bundled sample's, with the bundled sheet. */
  payments?: string | null;
  /** First simulated day, YYYY-MM-DD. */
  from?: string;
  days?: number;
  /** The spreadsheet's time zone. */
  tz?: string;
  /** The spreadsheet's locale. */
  locale?: string;
  /** Sender name in the add-on's settings. */
  sender?: string;
  /** Where the .eml files and the CSVs go. */
  out?: string;
  /** The built add-on. Default: dist/ of this repository. */
  distDir?: string;
  /** Settings as a JSON file (the sidebar's "Export settings"). Default: the defaults. */
  settingsFile?: string | null;
}

export interface ResolvedDemoOptions {
  sheet: string;
  /** True when `sheet` is the bundled sample. */
  sampleSheet: boolean;
  disputes: string | null;
  payments: string | null;
  from: string;
  days: number;
  tz: string;
  locale: string;
  sender: string;
  out: string;
  distDir: string;
  settingsFile: string | null;
  /** The settings the demo saves (from --settings, signed by `sender`). */
  settings: Settings;
}

/** A mistake in the options, told in words; the CLI prints it and exits with status 1. */
export class DemoUsageError extends Error {
  override name = 'DemoUsageError';
}

export const USAGE = `Usage: npm run demo -- [options]
       npx tsx scripts/demo.ts [options]      (uses the dist/ already built)

Runs the built add-on (dist/) locally over an invoice sheet for a simulated month of daily
09:00 runs, and prints what it would send. Nothing leaves your machine: each email is written
as a .eml file instead of being sent.

Options:
  --sheet FILE      invoice sheet exported from Google Sheets as CSV (File › Download › CSV);
                    columns are found by header name. Default: sample/invoices.csv
  --disputes FILE   rows for the 'Dispute Notes' sheet (Timestamp, Invoice, Event, Note).
                    Default: sample/disputes.csv with the bundled sample, none with --sheet
  --payments FILE   payments arriving during the month (Invoice, Paid Date): on that morning the
                    Paid Date cell is filled in, as you would. Default: sample/payments.csv with
                    the bundled sample, none with --sheet
  --from DATE       first simulated day, YYYY-MM-DD (default ${DEMO_DEFAULTS.from})
  --days N          number of simulated days, 1-${MAX_DAYS} (default ${DEMO_DEFAULTS.days})
  --tz ZONE         the spreadsheet's time zone (default ${DEMO_DEFAULTS.tz})
  --locale LOCALE   the spreadsheet's locale, e.g. en_US, en_GB, de_DE (default ${DEMO_DEFAULTS.locale})
  --sender NAME     your name as the emails are signed (default "${DEMO_DEFAULTS.sender}")
  --out DIR         where the .eml files and CSVs go (default ${DEMO_DEFAULTS.out}/);
                    old *.eml files in it are removed first
  --settings FILE   settings as JSON, as the sidebar's "Export settings" saves them (e.g. to try
                    a late-payment regime: the amounts claimed are printed at the end)
  --help            show this help
`;

/** Parses the command line. Returns null for --help. Throws DemoUsageError. */
export function parseDemoArgs(argv: string[]): DemoOptions | null {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: {
        sheet: { type: 'string' },
        disputes: { type: 'string' },
        payments: { type: 'string' },
        from: { type: 'string' },
        days: { type: 'string' },
        tz: { type: 'string' },
        locale: { type: 'string' },
        sender: { type: 'string' },
        out: { type: 'string' },
        settings: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const needsValue = /Option '(--[\w-]+)(?: <value>)?' argument (?:is ambiguous|missing)/.exec(message);
    if (needsValue) throw new DemoUsageError(`${needsValue[1]} needs a value (see --help).`);
    throw new DemoUsageError(`${message.replace(/\. To specify a positional argument.*$/s, '.')} (see --help)`);
  }
  const v = parsed.values;
  if (v.help) return null;
  const options: DemoOptions = {};
  if (v.sheet !== undefined) options.sheet = v.sheet;
  if (v.disputes !== undefined) options.disputes = v.disputes;
  if (v.payments !== undefined) options.payments = v.payments;
  if (v.from !== undefined) options.from = v.from;
  if (v.days !== undefined) {
    if (!/^\d+$/.test(v.days.trim()))
      throw new DemoUsageError(`--days must be a whole number of days from 1 to ${MAX_DAYS} (got '${v.days}').`);
    options.days = Number(v.days.trim());
  }
  if (v.tz !== undefined) options.tz = v.tz;
  if (v.locale !== undefined) options.locale = v.locale;
  if (v.sender !== undefined) options.sender = v.sender;
  if (v.out !== undefined) options.out = v.out;
  if (v.settings !== undefined) options.settingsFile = v.settings;
  return options;
}

export function parseIsoDay(text: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : null;
}

function checkReadableFile(file: string, flag: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new DemoUsageError(`${flag} ${file}: no such file.`);
  }
  if (!stat.isFile()) throw new DemoUsageError(`${flag} ${file}: not a file.`);
}

/** The settings of --settings FILE, or null without one. */
function settingsFrom(file: string | null): Settings | null {
  if (file === null) return null;
  checkReadableFile(file, '--settings');
  try {
    return readSettingsFile(file);
  } catch (err) {
    throw new DemoUsageError(err instanceof Error ? err.message : String(err));
  }
}

/** The day, length, zone and locale of the simulation, checked. */
function checkCalendarOptions(from: string, days: number, tz: string, locale: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) {
    throw new DemoUsageError(`--from '${from}' is not a date: use YYYY-MM-DD, for example ${DEMO_DEFAULTS.from}.`);
  }
  if (!parseIsoDay(from))
    throw new DemoUsageError(`--from ${from} is not a real calendar date (YYYY-MM-DD, for example ${DEMO_DEFAULTS.from}).`);
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
    throw new DemoUsageError(`--days must be a whole number of days from 1 to ${MAX_DAYS} (got ${String(days)}).`);
  }
  if (!isValidTimeZone(tz)) {
    throw new DemoUsageError(
      `--tz '${tz}' is not a known time zone: use an IANA name such as America/New_York, Europe/Berlin or Asia/Tokyo.`,
    );
  }
  if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale)) {
    throw new DemoUsageError(
      `--locale '${locale}' is not a locale as Google Sheets names them: use for example en_US, en_GB, de_DE or fr_FR.`,
    );
  }
}

/** The sender name, checked by the same rule as the sidebar's (the settings' senderName field). */
function checkSender(sender: string): void {
  if (sender.trim() === '') throw new DemoUsageError('--sender is empty: the emails are signed with this name.');
  const problem = parseSettingsToSave({ ...defaultSettings(), senderName: sender }).issues.find((i) => i.field === 'senderName');
  if (problem) throw new DemoUsageError(`--sender "${sender}": ${problem.message}`);
}

/** The input files, the output folder and the built add-on, checked. */
function checkFiles(sheet: string, disputes: string | null, payments: string | null, out: string, distDir: string): void {
  checkReadableFile(sheet, '--sheet');
  if (disputes !== null) checkReadableFile(disputes, '--disputes');
  if (payments !== null) checkReadableFile(payments, '--payments');
  if (fs.existsSync(out) && !fs.statSync(out).isDirectory())
    throw new DemoUsageError(`--out ${out} exists and is not a directory.`);
  if (!fs.existsSync(path.join(distDir, 'Code.js'))) {
    throw new DemoUsageError(
      `The built add-on is missing (${path.join(distDir, 'Code.js')}): run \`npm run build\` first, or use \`npm run demo\`, which builds it.`,
    );
  }
}

/** Fills in the defaults and checks every option. Throws DemoUsageError with a readable message. */
export function resolveDemoOptions(input: DemoOptions = {}): ResolvedDemoOptions {
  const customSheet = input.sheet !== undefined && input.sheet !== null;
  const sheet = path.resolve(customSheet ? (input.sheet as string) : DEMO_DEFAULTS.sheet);
  const disputesInput = input.disputes ?? (customSheet ? null : DEMO_DEFAULTS.disputes);
  const disputes = disputesInput === null ? null : path.resolve(disputesInput);
  const paymentsInput = input.payments ?? (customSheet ? null : DEMO_DEFAULTS.payments);
  const payments = paymentsInput === null ? null : path.resolve(paymentsInput);
  const from = input.from ?? DEMO_DEFAULTS.from;
  const days = input.days ?? DEMO_DEFAULTS.days;
  const tz = input.tz ?? DEMO_DEFAULTS.tz;
  const locale = input.locale ?? DEMO_DEFAULTS.locale;
  const settingsFile = input.settingsFile ?? null;
  const fromFile = settingsFrom(settingsFile);
  const sender = input.sender ?? (fromFile?.senderName || DEMO_DEFAULTS.sender);
  const out = path.resolve(input.out ?? DEMO_DEFAULTS.out);
  const distDir = path.resolve(input.distDir ?? DEMO_DEFAULTS.distDir);
  checkCalendarOptions(from, days, tz, locale);
  checkSender(sender);
  checkFiles(sheet, disputes, payments, out, distDir);
  const settings = { ...(fromFile ?? defaultSettings()), senderName: sender.trim() };
  const sampleSheet = !customSheet;
  const where = { sheet, sampleSheet, disputes, payments, out, distDir, settingsFile };
  return { ...where, from, days, tz, locale, sender: sender.trim(), settings };
}
