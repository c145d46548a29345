// The demo behind `npm run demo`: runs the BUILT add-on (dist/) in the local Apps Script runtime
// over an invoice sheet for a simulated stretch of daily trigger runs, and collects what happened.
// Nothing is sent anywhere: each email the add-on hands to MailApp is written as a .eml file.
//
// This module does the work and the formatting; scripts/demo.ts is the command line around it, and
// test/demo/ calls runDemo() directly (against an already built dist/).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import { createRuntime, csvToCells, instantFromWall, isValidTimeZone, loadAddon, parseCsv } from '../local';
import type { LoadedAddon, Runtime, SentMail, TriggerInfo } from '../local';
import { mapHeaders } from '../src/domain/headers';
import { defaultSettings, parseSettingsToSave } from '../src/domain/settings';
import { EMAIL_STAGE_IDS, type Settings } from '../src/domain/types';
import { amountsClaimed, formatClaims, readSettingsFile, type DemoClaim } from './demoClaims';

// ---------------------------------------------------------------------------------------------
// Options

const ROOT = path.resolve(__dirname, '..');

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

function parseIsoDay(text: string): { year: number; month: number; day: number } | null {
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

// ---------------------------------------------------------------------------------------------
// Result

export type DemoEventKind =
  /** An email the add-on sent (written as a .eml file). */
  | 'sent'
  | 'preview'
  | 'skipped'
  | 'queued'
  | 'failed'
  /** A row that gets nothing (paid, paused, disputed, needs review), when it first shows so. */
  | 'held'
  /** A row with `Error: …` in its Status, when it first shows so. */
  | 'error'
  /** The run did nothing (no sheet, bad headers, crash…). */
  | 'stopped'
  /** A warning of the run (e.g. settings that could not be read). */
  | 'warning'
  /** Any other log row without an invoice. */
  | 'note';

export interface DemoEvent {
  /** Simulated day, YYYY-MM-DD in the spreadsheet's zone. */
  date: string;
  kind: DemoEventKind;
  invoice: string;
  client: string;
  /** Stage id as the log writes it ('reminder', 'firm', … 'final'), or ''. */
  stage: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  /** The log's Result, or the Status / message the event comes from. */
  result: string;
  /** The .eml file of a sent email. */
  file: string | null;
}

/** One email the add-on sent: to a client about one or several of its invoices, or the daily summary to you. */
export interface DemoEmail {
  date: string;
  /** The invoices it is about, in the log's order (none for the daily summary). */
  invoices: string[];
  client: string;
  /** The stage its wording follows: the most advanced of its invoices' stages ('summary' for the daily summary). */
  stage: string;
  from: string;
  senderName: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  html: string | null;
  /** Simulated send time, ISO. */
  sentAt: string;
  file: string;
}

export interface DemoDay {
  date: string;
  /** 1-based. */
  index: number;
  events: DemoEvent[];
  /** The run's own summary line from the log ('Sent 2 · 6 skipped · …'), when it wrote one. */
  summary: string | null;
}

export interface DemoTable {
  headers: string[];
  rows: string[][];
}

export interface DemoTotals {
  invoices: number;
  /** Emails to clients. */
  emails: number;
  /** Daily summaries to the user. */
  summaries: number;
  byStage: Record<string, number>;
  /** Invoices that got at least one email. */
  invoicesEmailed: number;
  /** Per client emailed: the emails sent to it, its invoices in them, and the (invoice, stage) follow-ups they carried. */
  byClient: ClientEmailCount[];
  skipped: number;
  queued: number;
  failed: number;
  rowErrors: number;
}

export interface ClientEmailCount {
  client: string;
  emails: number;
  invoices: number;
  /** One per (invoice, stage) sent: what one email per invoice would have taken on the same days. */
  followUps: number;
}

export interface DemoResult {
  options: ResolvedDemoOptions;
  /** The add-on's effective user, the From address. */
  userEmail: string;
  trigger: { id: string; handler: string; hour: number; timeZone: string };
  /** The alert "Turn on daily follow-ups" showed. */
  turnOnMessage: string | null;
  days: DemoDay[];
  events: DemoEvent[];
  emails: DemoEmail[];
  /** Invoice, Client, Status, Stage, Days Overdue, Last Follow-up, Next Follow-up (display values). */
  table: DemoTable;
  /** The Follow-up Log as displayed (header row first). */
  log: string[][];
  totals: DemoTotals;
  /** What each late invoice could claim on the last day, under the settings' late-payment regime. */
  claims: DemoClaim[];
  files: { outDir: string; emails: string[]; invoicesCsv: string; logCsv: string };
}

// ---------------------------------------------------------------------------------------------
// Running

const INVOICE_SHEET = 'Invoices';
const LOG_SHEET = 'Follow-up Log';
const DISPUTE_SHEET = 'Dispute Notes';
const SETTINGS_KEY = 'settings';
const LAST_RUN_KEY = 'lastRun';
const HELD_STATUSES = new Set(['Paid', 'Paused', 'Disputed', 'Needs review']);
/** The Status of an invoice whose client promised to pay ('Promised by 2026-11-13'). */
const PROMISED = 'Promised by ';
export const TABLE_FIELDS = ['invoice', 'client', 'status', 'stage', 'daysOverdue', 'lastFollowUp', 'nextFollowUp'] as const;
const TABLE_TITLES = ['Invoice', 'Client', 'Status', 'Stage', 'Days Overdue', 'Last Follow-up', 'Next Follow-up'];

export function addDaysIso(date: string, n: number): string {
  const d = parseIsoDay(date);
  if (!d) throw new Error(`not a date: ${date}`);
  return new Date(Date.UTC(d.year, d.month - 1, d.day + n)).toISOString().slice(0, 10);
}

/** The instant the zone's clock shows `date` at hour:minute (DST-aware). */
export function wallInstant(date: string, hour: number, minute: number, timeZone: string): number {
  const d = parseIsoDay(date);
  if (!d) throw new Error(`not a date: ${date}`);
  return instantFromWall({ ...d, hour, minute }, timeZone);
}

function readCsvCells(file: string, flag: string): ReturnType<typeof csvToCells> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new DemoUsageError(`${flag} ${file}: cannot be read (${err instanceof Error ? err.message : String(err)}).`);
  }
  let cells;
  try {
    cells = csvToCells(text);
  } catch (err) {
    throw new DemoUsageError(
      `${flag} ${file}: not valid CSV (${err instanceof Error ? err.message.replace(/^parseCsv: /, '') : String(err)}).`,
    );
  }
  // Trailing blank lines of an export are not rows.
  while (cells.length > 0 && cells[cells.length - 1]!.every((c) => c === '')) cells.pop();
  if (cells.length === 0) throw new DemoUsageError(`${flag} ${file} is empty: it needs a header row and one row per invoice.`);
  return cells;
}

/** 'to: a, b; cc: c; bcc: d' (the log's Recipients) → lists. */
export function parseRecipients(text: string): { to: string[]; cc: string[]; bcc: string[] } {
  const out = { to: [] as string[], cc: [] as string[], bcc: [] as string[] };
  for (const part of text.split(';')) {
    const m = /^\s*(to|cc|bcc):\s*(.*)$/i.exec(part);
    if (!m) continue;
    const list = m[2]!
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    out[m[1]!.toLowerCase() as 'to' | 'cc' | 'bcc'].push(...list);
  }
  return out;
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x.toLowerCase() === b[i]!.toLowerCase());
}

/** A file-name-safe piece: letters, digits, '.', '_' and '-' only. */
export function safeFilePart(text: string): string {
  const cleaned = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 60);
  return cleaned === '' ? 'x' : cleaned;
}

/** One recorded message as a real RFC 5322 message (what the add-on handed to MailApp). */
export async function composeEml(mail: SentMail, fallbackName: string): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const message = {
    from: { name: mail.name ?? fallbackName, address: mail.from },
    to: mail.to,
    cc: mail.cc.length > 0 ? mail.cc : undefined,
    bcc: mail.bcc.length > 0 ? mail.bcc : undefined,
    replyTo: mail.replyTo ?? undefined,
    subject: mail.subject,
    text: mail.body,
    html: mail.htmlBody ?? undefined,
    date: new Date(mail.atMs),
    // Keep the Bcc header in the file, so the .eml shows who was blind-copied.
    keepBcc: true,
    headers: { 'X-Invoice-Follow-ups-Demo': 'not sent: written by npm run demo' },
    attachments: mail.attachments.map((a) => ({
      filename: a.name ?? 'attachment',
      content: a.content,
      ...(a.contentType === null ? {} : { contentType: a.contentType }),
    })),
  };
  const info = await transport.sendMail(message);
  const out: unknown = info.message;
  if (!Buffer.isBuffer(out)) throw new Error('nodemailer did not return the message as a buffer');
  return out;
}

function columnIndex(headerRow: string[], field: (typeof TABLE_FIELDS)[number]): number | undefined {
  return mapHeaders(headerRow).columns[field];
}

function statusByRow(rows: string[][]): Map<string, { invoice: string; client: string; status: string }> {
  const out = new Map<string, { invoice: string; client: string; status: string }>();
  const header = rows[0] ?? [];
  const [inv, cli, st] = [columnIndex(header, 'invoice'), columnIndex(header, 'client'), columnIndex(header, 'status')];
  if (st === undefined) return out;
  rows.slice(1).forEach((row, i) => {
    const invoice = inv === undefined ? '' : (row[inv] ?? '').trim();
    const key = invoice !== '' ? `inv:${invoice}` : `row:${i + 2}`;
    out.set(key, {
      invoice: invoice !== '' ? invoice : `row ${i + 2}`,
      client: cli === undefined ? '' : (row[cli] ?? ''),
      status: (row[st] ?? '').trim(),
    });
  });
  return out;
}

function emptyEvent(date: string, kind: DemoEventKind): DemoEvent {
  return { date, kind, invoice: '', client: '', stage: '', to: [], cc: [], bcc: [], subject: '', result: '', file: null };
}

/** One row of the Follow-up Log, by column name; `outcome` is null in a log without an Outcome column. */
interface LogRow {
  invoice: string;
  client: string;
  stage: string;
  recipients: string;
  subject: string;
  result: string;
  outcome: string | null;
}

/** The log's rows (header first) as records, columns found by their header. */
function readLogRows(rows: string[][]): LogRow[] {
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const cell = (row: string[], name: string): string => (header.includes(name) ? (row[header.indexOf(name)] ?? '') : '');
  return rows.slice(1).map((row) => ({
    invoice: cell(row, 'invoice').trim(),
    client: cell(row, 'client'),
    stage: cell(row, 'stage').trim(),
    recipients: cell(row, 'recipients'),
    subject: cell(row, 'subject'),
    result: cell(row, 'result').trim(),
    outcome: header.includes('outcome') ? cell(row, 'outcome').trim().toLowerCase() : null,
  }));
}

const OUTCOME_CODES: readonly DemoEventKind[] = ['sent', 'preview', 'skipped', 'queued', 'failed'];

/** The outcome code a Result's words begin with ('skipped: superseded' → 'skipped'), or ''. */
function outcomeInWords(words: string): string {
  if (words === 'sent' || words.startsWith('sent ')) return 'sent';
  return OUTCOME_CODES.find((code) => code !== 'sent' && words.startsWith(code)) ?? '';
}

/**
 * What a log row records, the one place the demo decides on it: the Outcome column's code when the
 * log has one, the first word of the Result in a log written before that column existed.
 * 'summary' is a daily run's own summary row; 'run stopped' the row a stopped daily run leaves
 * (the demo reports that once, from the run's saved outcome).
 */
export function logRowOutcome(row: LogRow): DemoEventKind | 'summary' | 'run stopped' {
  const words = row.result.toLowerCase();
  const logged = row.outcome ?? outcomeInWords(words);
  const code = DEMO_KIND_OF_OUTCOME[logged] ?? logged;
  if (row.invoice === '' && (logged === 'summary' || row.subject === 'Daily run')) return 'summary';
  if (row.invoice === '' && (logged === 'stopped' || (code === 'skipped' && words.includes('the daily run stopped'))))
    return 'run stopped';
  if (row.invoice === '') return 'note';
  return OUTCOME_CODES.find((k) => k === code) ?? 'note';
}

/** The log's finer outcome codes, as the demo's timeline groups them. */
const DEMO_KIND_OF_OUTCOME: Readonly<Record<string, DemoEventKind>> = {
  superseded: 'skipped',
  decision: 'skipped',
  unsure: 'failed',
};

/** The add-on loaded over the demo's sheets, with daily follow-ups turned on from its menu. */
interface DemoSession {
  runtime: Runtime;
  addon: LoadedAddon;
  /** The add-on's store (the spreadsheet's developer metadata, README "Where the add-on keeps its data"). */
  documentProps: { get(key: string): string | null };
  trigger: TriggerInfo;
  /** When the trigger fires: hour and minute in its zone. */
  hour: number;
  minute: number;
  zone: string;
  /** The alert "Turn on daily follow-ups" showed. */
  turnOnMessage: string | null;
}

/** A local runtime holding the invoice sheet (and dispute notes), the sender name saved in the settings. */
function createDemoRuntime(options: ResolvedDemoOptions): Runtime {
  const invoiceCells = readCsvCells(options.sheet, '--sheet');
  const disputeCells = options.disputes === null ? null : readCsvCells(options.disputes, '--disputes');
  const runtime = createRuntime({
    timeZone: options.tz,
    locale: options.locale,
    now: wallInstant(options.from, defaultSettings().sendHour, 0, options.tz),
  });
  runtime.addSheet(INVOICE_SHEET, invoiceCells);
  if (disputeCells) runtime.addSheet(DISPUTE_SHEET, disputeCells);
  const settings = options.settings;
  runtime.properties.document(runtime.spreadsheets.active()!.id).set(SETTINGS_KEY, JSON.stringify(settings));
  return runtime;
}

/** Reads the add-on's store: one developer metadata entry per value, keys prefixed `ifu:`. */
function addonStore(runtime: Runtime): { get(key: string): string | null } {
  const model = runtime.spreadsheets.active()!.model;
  return { get: (key) => model.metadata.entries.find((e) => e.key === `ifu:${key}`)?.value ?? null };
}

/** Loads the built add-on and clicks "Turn on daily follow-ups", as a user would. */
function startSession(options: ResolvedDemoOptions): DemoSession {
  const runtime = createDemoRuntime(options);
  const addon = loadAddon({ runtime, distDir: options.distDir });
  // The sidebar's switch: the menu item would first refuse a sheet it cannot read, and the demo
  // shows what the daily run does with any sheet.
  const answer = addon.callAsScriptRun('setDailyFollowUps', true) as { ok: boolean; problems?: string[] };
  const turnOnMessage = answer.ok ? null : (answer.problems ?? []).join(' ');
  const trigger = runtime.triggers.list().find((t) => t.eventType === 'CLOCK' && t.handler === 'dailyFollowUps');
  if (!trigger) {
    const said = turnOnMessage ? ` It said: "${turnOnMessage}"` : '';
    throw new Error(`Turning on daily follow-ups created no time-driven trigger.${said}`);
  }
  return {
    runtime,
    addon,
    documentProps: addonStore(runtime),
    trigger,
    hour: trigger.hour ?? defaultSettings().sendHour,
    minute: trigger.nearMinute ?? 0,
    zone: trigger.timezone || options.tz,
    turnOnMessage,
  };
}

/** Creates the output folder and removes the .eml files of an earlier demo. */
function clearOutbox(out: string): void {
  fs.mkdirSync(out, { recursive: true });
  for (const f of fs.readdirSync(out)) if (f.toLowerCase().endsWith('.eml')) fs.rmSync(path.join(out, f), { force: true });
}

/**
 * Names each .eml file after its day, what it is about and its stage, numbered when one repeats:
 * `2026-11-02_INV-2026-041_reminder.eml` for one invoice, `2026-11-02_Northwind-Studio_2-invoices_reminder.eml`
 * for a client email about several.
 */
class EmlNames {
  private readonly used = new Set<string>();
  constructor(private readonly outDir: string) {}

  next(date: string, invoices: string[], client: string, stage: string): string {
    const about =
      invoices.length === 1 ? safeFilePart(invoices[0]!) : `${safeFilePart(client || 'client')}_${invoices.length}-invoices`;
    return this.named(`${date}_${about}_${safeFilePart(stage || 'email')}`);
  }

  /** The day's summary to the user. */
  summary(date: string): string {
    return this.named(`${date}_daily-summary`);
  }

  private named(base: string): string {
    let name = base;
    for (let n = 2; this.used.has(name); n++) name = `${base}-${n}`;
    this.used.add(name);
    return path.join(this.outDir, `${name}.eml`);
  }
}

type InvoiceStatuses = ReturnType<typeof statusByRow>;

/** What one day's run did, from the log, the outbox, the sheet and the saved run outcome. */
interface DayObservation {
  events: DemoEvent[];
  summary: string | null;
  /** Emails of this day, each with the events (log rows) it carried, all with its `file`. */
  mails: DayMail[];
}

/** One email MailApp recorded, with the log rows that tell it (several for a client email). */
interface DayMail {
  events: DemoEvent[];
  mail: SentMail;
  file: string;
}

/** The recipients and subject of an email as the log shows them, matched against what MailApp sent. */
function isMailOf(mail: SentMail, event: DemoEvent): boolean {
  return (
    mail.subject === event.subject && sameList(mail.to, event.to) && sameList(mail.cc, event.cc) && sameList(mail.bcc, event.bcc)
  );
}

/** The event a log row tells, for a row that is not a summary nor a stopped run. */
function eventFromLogRow(date: string, row: LogRow, kind: DemoEventKind): DemoEvent {
  return {
    ...emptyEvent(date, kind),
    invoice: row.invoice,
    client: row.client,
    stage: row.stage,
    ...parseRecipients(row.recipients),
    subject: row.subject,
    result: row.result,
  };
}

const SENT_EARLIER = 'sent (recorded in the log; the email itself went out on an earlier run)';

/** The order of the stages an email's wording can follow (docs/escalation.md): the most advanced names the email. */
const STAGE_ORDER: readonly string[] = EMAIL_STAGE_IDS;

function mostAdvancedStage(stages: string[]): string {
  return stages.reduce((a, b) => (STAGE_ORDER.indexOf(b) > STAGE_ORDER.indexOf(a) ? b : a), stages[0] ?? '');
}

/** An email of the day being paired with its log rows (indexes into the day's events). */
interface OpenMail {
  mail: SentMail;
  client: string;
  invoices: Set<string>;
  rows: number[];
}

/**
 * The email a sent log row tells: one already paired today with a row of the same client, same
 * subject and recipients, not yet carrying this invoice (a client email logs one row per invoice);
 * else a new one from `unlogged`, preferring one whose text names the invoice.
 */
function pairSentRow(event: DemoEvent, open: OpenMail[], unlogged: SentMail[]): OpenMail | null {
  const same = open.find((o) => o.client === event.client && !o.invoices.has(event.invoice) && isMailOf(o.mail, event));
  if (same) return same;
  const candidates = unlogged.filter((m) => isMailOf(m, event));
  const mail = candidates.find((m) => m.body.includes(event.invoice)) ?? candidates[0];
  if (!mail) return null;
  unlogged.splice(unlogged.indexOf(mail), 1);
  const opened: OpenMail = { mail, client: event.client, invoices: new Set(), rows: [] };
  open.push(opened);
  return opened;
}

/** Each paired email named and its events given its file. */
function namePairedMails(date: string, events: DemoEvent[], open: OpenMail[], names: EmlNames): DayMail[] {
  return open.map((o) => {
    const rows = o.rows.map((i) => events[i]!);
    const stage = mostAdvancedStage(rows.map((e) => e.stage));
    const file = names.next(date, [...o.invoices], o.client, stage);
    for (const i of o.rows) events[i] = { ...events[i]!, file };
    return { events: o.rows.map((i) => events[i]!), mail: o.mail, file };
  });
}

/** Events of a day's new log rows, each sent one paired with the email MailApp recorded for it. */
function logEvents(date: string, rows: LogRow[], newMails: SentMail[], names: EmlNames) {
  const events: DemoEvent[] = [];
  const summaries: DayMail[] = [];
  const open: OpenMail[] = [];
  const unlogged = [...newMails];
  let summary: string | null = null;
  for (const row of rows) {
    const outcome = logRowOutcome(row);
    if (outcome === 'summary' && row.recipients !== '') {
      // The daily summary the add-on emailed to the user (docs/escalation.md, "Daily summary").
      const paired = summaryEmailEvent(date, row, unlogged, names);
      events.push(paired.event);
      if (paired.mail) summaries.push({ events: [paired.event], mail: paired.mail, file: paired.event.file! });
      continue;
    }
    if (outcome === 'summary') summary = row.result;
    if (outcome === 'summary' || outcome === 'run stopped') continue;
    const event = eventFromLogRow(date, row, outcome);
    const paired = outcome === 'sent' ? pairSentRow(event, open, unlogged) : null;
    if (paired) {
      paired.invoices.add(event.invoice);
      paired.rows.push(events.length);
    }
    events.push(outcome === 'sent' && !paired ? { ...event, result: SENT_EARLIER } : event);
  }
  const mails = [...namePairedMails(date, events, open, names), ...summaries];
  return { events, mails, summary, unlogged };
}

/** The daily summary's log row, paired with the email MailApp recorded for it (taken out of `unlogged`). */
function summaryEmailEvent(date: string, row: LogRow, unlogged: SentMail[], names: EmlNames) {
  const base: DemoEvent = { ...emptyEvent(date, row.result === 'sent' ? 'sent' : 'note'), ...parseRecipients(row.recipients) };
  const event: DemoEvent = {
    ...base,
    stage: 'summary',
    subject: row.subject,
    result: `Daily summary to you: ${row.subject}${row.result === 'sent' ? '' : ` (${row.result})`}`,
  };
  const index = row.result === 'sent' ? unlogged.findIndex((m) => isMailOf(m, event)) : -1;
  if (index < 0) return { event, mail: null };
  return { event: { ...event, file: names.summary(date) }, mail: unlogged.splice(index, 1)[0]! };
}

/** An email the log does not mention (it should not happen): shown all the same. */
function unloggedMailEvent(date: string, mail: SentMail, names: EmlNames): DayMail {
  const invoice = /\b(?:invoice|rechnung|facture)\s+(\S+)/i.exec(mail.subject)?.[1] ?? '?';
  const event: DemoEvent = {
    ...emptyEvent(date, 'sent'),
    invoice,
    to: mail.to,
    cc: mail.cc,
    bcc: mail.bcc,
    subject: mail.subject,
    result: 'sent, but not recorded in the Follow-up Log',
    file: names.next(date, [invoice], '', ''),
  };
  return { events: [event], mail, file: event.file! };
}

/** Rows that get nothing, or have an error, on the day they first show so. */
function statusEvents(date: string, before: InvoiceStatuses, now: InvoiceStatuses): DemoEvent[] {
  const events: DemoEvent[] = [];
  for (const [key, row] of now) {
    if (before.get(key)?.status === row.status) continue;
    const held = HELD_STATUSES.has(row.status) || row.status.startsWith(PROMISED);
    const kind = row.status.startsWith('Error:') ? 'error' : held ? 'held' : null;
    if (kind) events.push({ ...emptyEvent(date, kind), invoice: row.invoice, client: row.client, result: row.status });
  }
  return events;
}

/** A run's saved outcome (a trigger has no UI): why it stopped, and its warnings when they changed. */
function savedOutcomeEvents(date: string, lastRun: string, previousWarnings: string) {
  let parsed: { stopped?: unknown; warnings?: unknown };
  try {
    parsed = JSON.parse(lastRun) as typeof parsed;
  } catch {
    // Not ours to judge: the add-on reads it back with its own checks.
    return { events: [], warnings: previousWarnings };
  }
  const events: DemoEvent[] = [];
  if (typeof parsed.stopped === 'string' && parsed.stopped !== '')
    events.push({ ...emptyEvent(date, 'stopped'), result: parsed.stopped });
  const warnings = Array.isArray(parsed.warnings) ? parsed.warnings.filter((w): w is string => typeof w === 'string') : [];
  const joined = warnings.join('\n');
  if (joined !== previousWarnings) for (const w of warnings) events.push({ ...emptyEvent(date, 'warning'), result: w });
  return { events, warnings: joined };
}

function displayRowsOf(runtime: Runtime, sheet: string): string[][] {
  return runtime.hasSheet(sheet) ? runtime.sheet(sheet).displayRows() : [];
}

/** Reads, day after day, what is new since the day before: emails, log rows, statuses, run outcome. */
class DayWatcher {
  private mailSeen = 0;
  private logSeen: number;
  private logsSeen: number;
  private statuses: InvoiceStatuses = new Map();
  private lastWarnings = '';
  private previousLastRun: string | null;

  constructor(
    private readonly session: DemoSession,
    private readonly names: EmlNames,
  ) {
    this.logSeen = displayRowsOf(session.runtime, LOG_SHEET).length;
    this.logsSeen = session.runtime.logs.length;
    this.previousLastRun = session.documentProps.get(LAST_RUN_KEY);
  }

  observe(date: string): DayObservation {
    const sent = this.session.runtime.mail.sent;
    const newMails = sent.slice(this.mailSeen);
    this.mailSeen = sent.length;
    const logged = logEvents(date, this.newLogRows(), newMails, this.names);
    const unlogged = logged.unlogged.map((mail) => unloggedMailEvent(date, mail, this.names));
    const events = [...logged.events, ...unlogged.flatMap((u) => u.events), ...this.statusChanges(date)];
    events.push(...this.outcomeChanges(date), ...this.consoleErrors(date));
    return { events, summary: logged.summary, mails: [...logged.mails, ...unlogged] };
  }

  private newLogRows(): LogRow[] {
    const rows = displayRowsOf(this.session.runtime, LOG_SHEET);
    const fresh = readLogRows([rows[0] ?? [], ...rows.slice(Math.max(1, this.logSeen))]);
    this.logSeen = rows.length;
    return fresh;
  }

  private statusChanges(date: string): DemoEvent[] {
    const now = statusByRow(displayRowsOf(this.session.runtime, INVOICE_SHEET));
    const events = statusEvents(date, this.statuses, now);
    this.statuses = now;
    return events;
  }

  private outcomeChanges(date: string): DemoEvent[] {
    const lastRun = this.session.documentProps.get(LAST_RUN_KEY);
    const isNew = lastRun !== null && lastRun !== this.previousLastRun;
    this.previousLastRun = lastRun;
    if (!lastRun || !isNew) return [];
    const outcome = savedOutcomeEvents(date, lastRun, this.lastWarnings);
    this.lastWarnings = outcome.warnings;
    return outcome.events;
  }

  private consoleErrors(date: string): DemoEvent[] {
    const logs = this.session.runtime.logs;
    const fresh = logs.slice(this.logsSeen).filter((entry) => entry.level === 'error');
    this.logsSeen = logs.length;
    return fresh.map((entry) => ({ ...emptyEvent(date, 'stopped'), result: entry.message }));
  }
}

/** The payments file as [invoice, paid date] pairs (rows without a real date are left out). */
function readPayments(file: string | null): Array<{ invoice: string; date: string }> {
  if (file === null) return [];
  const [header = [], ...rows] = readCsvCells(file, '--payments').map((r) =>
    r.map((c) => (typeof c === 'object' && c !== null && 'date' in c ? c.date : String(c))),
  );
  const at = (name: string): number => header.findIndex((h) => h.trim().toLowerCase() === name);
  const [inv, paid] = [at('invoice'), at('paid date')];
  if (inv < 0 || paid < 0) throw new DemoUsageError(`--payments ${file}: it needs the columns Invoice and Paid Date.`);
  return rows
    .map((r) => ({ invoice: (r[inv] ?? '').trim(), date: (r[paid] ?? '').trim() }))
    .filter((p) => parseIsoDay(p.date) !== null);
}

/** The payments of `date` written into the Paid Date cells, as the user would that morning. */
function recordPayments(session: DemoSession, payments: Array<{ invoice: string; date: string }>, date: string): DemoEvent[] {
  const due = payments.filter((p) => p.date === date);
  if (due.length === 0) return [];
  const sheet = session.runtime.sheet(INVOICE_SHEET);
  const rows = sheet.displayRows();
  const columns = mapHeaders(rows[0] ?? []).columns;
  const events: DemoEvent[] = [];
  for (const p of due) {
    const row = rows.findIndex(
      (r, i) => i > 0 && columns.invoice !== undefined && (r[columns.invoice] ?? '').trim() === p.invoice,
    );
    if (row < 0 || columns.paidDate === undefined) continue;
    sheet.setRaw(row + 1, columns.paidDate + 1, { date: p.date });
    events.push({
      ...emptyEvent(date, 'note'),
      invoice: p.invoice,
      client: rows[row]![columns.client ?? -1] ?? '',
      result: `paid: you filled in its Paid Date (${p.date})`,
    });
  }
  return events;
}

/** Runs the daily trigger at its hour on `date`; an exception becomes the day's first event. */
function runDailyTrigger(session: DemoSession, date: string): DemoEvent[] {
  session.runtime.clock.set(wallInstant(date, session.hour, session.minute, session.zone));
  try {
    session.addon.runTrigger(session.trigger.id);
    return [];
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return [{ ...emptyEvent(date, 'stopped'), result: `The run stopped with an error: ${message}` }];
  }
}

/** Writes each email of a day as a .eml file (at its event's `file`). */
async function writeEmails(date: string, mails: DayObservation['mails'], sender: string): Promise<DemoEmail[]> {
  const emails: DemoEmail[] = [];
  for (const { events, mail, file } of mails) {
    fs.writeFileSync(file, await composeEml(mail, sender));
    const invoices = events.map((e) => e.invoice).filter((i) => i !== '');
    emails.push({
      date,
      invoices,
      client: events[0]?.client ?? '',
      stage: invoices.length > 0 ? mostAdvancedStage(events.map((e) => e.stage)) : events[0]?.stage || 'email',
      from: mail.from,
      senderName: mail.name,
      to: mail.to,
      cc: mail.cc,
      bcc: mail.bcc,
      subject: mail.subject,
      text: mail.body,
      html: mail.htmlBody,
      sentAt: mail.at,
      file,
    });
  }
  return emails;
}

/** The simulated days, one daily trigger run each. */
async function simulateDays(session: DemoSession, options: ResolvedDemoOptions) {
  const watcher = new DayWatcher(session, new EmlNames(options.out));
  const payments = readPayments(options.payments);
  const days: DemoDay[] = [];
  const emails: DemoEmail[] = [];
  for (let i = 0; i < options.days; i++) {
    const date = addDaysIso(options.from, i);
    const paid = recordPayments(session, payments, date);
    const stopped = runDailyTrigger(session, date);
    const seen = watcher.observe(date);
    emails.push(...(await writeEmails(date, seen.mails, options.sender)));
    days.push({ date, index: i + 1, events: [...paid, ...stopped, ...seen.events], summary: seen.summary });
  }
  return { days, emails };
}

/** The invoice rows at the end, in the table's columns (display values; blank rows left out). */
function finalTableRows(runtime: Runtime): string[][] {
  const sheetRows = runtime.sheet(INVOICE_SHEET).displayRows();
  const indexes = TABLE_FIELDS.map((f) => columnIndex(sheetRows[0] ?? [], f));
  return sheetRows
    .slice(1)
    .filter((r) => r.some((c) => c.trim() !== ''))
    .map((r) => indexes.map((i) => (i === undefined ? '' : (r[i] ?? ''))));
}

/** The invoice sheet and the log at the end, as CSV files in the output folder. */
function writeSheetCsvs(runtime: Runtime, out: string): { invoicesCsv: string; logCsv: string } {
  const invoicesCsv = path.join(out, 'Invoices.csv');
  const logCsv = path.join(out, 'Follow-up-Log.csv');
  fs.writeFileSync(invoicesCsv, runtime.sheet(INVOICE_SHEET).toCsv());
  fs.writeFileSync(logCsv, runtime.hasSheet(LOG_SHEET) ? runtime.sheet(LOG_SHEET).toCsv() : '');
  return { invoicesCsv, logCsv };
}

/** Per client emailed, in the order first emailed: emails, invoices in them and (invoice, stage) follow-ups. */
function countByClient(emails: DemoEmail[], events: DemoEvent[]): ClientEmailCount[] {
  const byClient = new Map<string, { emails: number; invoices: Set<string>; followUps: number }>();
  for (const e of emails) {
    const count = byClient.get(e.client) ?? { emails: 0, invoices: new Set<string>(), followUps: 0 };
    count.emails += 1;
    for (const invoice of e.invoices) count.invoices.add(invoice);
    count.followUps += events.filter((ev) => ev.kind === 'sent' && ev.file === e.file).length;
    byClient.set(e.client, count);
  }
  return [...byClient].map(([client, c]) => ({ client, emails: c.emails, invoices: c.invoices.size, followUps: c.followUps }));
}

function countTotals(tableRows: string[][], allEmails: DemoEmail[], events: DemoEvent[]): DemoTotals {
  const emails = allEmails.filter((e) => e.invoices.length > 0);
  const byStage: Record<string, number> = {};
  for (const e of emails) byStage[e.stage || 'email'] = (byStage[e.stage || 'email'] ?? 0) + 1;
  const statusCol = TABLE_FIELDS.indexOf('status');
  const count = (kind: DemoEventKind): number => events.filter((e) => e.kind === kind).length;
  return {
    invoices: tableRows.length,
    emails: emails.length,
    summaries: allEmails.length - emails.length,
    byStage,
    invoicesEmailed: new Set(emails.flatMap((e) => e.invoices)).size,
    byClient: countByClient(emails, events),
    skipped: count('skipped'),
    queued: count('queued'),
    failed: count('failed'),
    rowErrors: tableRows.filter((r) => (r[statusCol] ?? '').startsWith('Error:')).length,
  };
}

/**
 * Runs the built add-on as a user would: the invoice sheet, the sender name in the settings,
 * "Turn on daily follow-ups" from the menu, then the daily trigger at its hour for each day.
 */
export async function runDemo(input: DemoOptions = {}): Promise<DemoResult> {
  const options = resolveDemoOptions(input);
  const session = startSession(options);
  clearOutbox(options.out);
  const { days, emails } = await simulateDays(session, options);
  const { runtime, trigger } = session;
  const tableRows = finalTableRows(runtime);
  const csvs = writeSheetCsvs(runtime, options.out);
  const events = days.flatMap((d) => d.events);
  return {
    options,
    userEmail: runtime.options.userEmail,
    trigger: { id: trigger.id, handler: trigger.handler, hour: session.hour, timeZone: session.zone },
    turnOnMessage: session.turnOnMessage,
    days,
    events,
    emails,
    table: { headers: TABLE_TITLES, rows: tableRows },
    log: displayRowsOf(runtime, LOG_SHEET),
    totals: countTotals(tableRows, emails, events),
    claims: amountsClaimed(readCsvCells(options.sheet, '--sheet'), options.settings, lastDay(options), options.locale),
    files: { outDir: options.out, emails: emails.map((e) => e.file), ...csvs },
  };
}

/** Rows in a CSV file (header excluded), for the report's header. */
export function countCsvRows(file: string): number {
  const rows = parseCsv(fs.readFileSync(file, 'utf8')).filter((r) => r.some((c) => c.trim() !== ''));
  return Math.max(0, rows.length - 1);
}

// ---------------------------------------------------------------------------------------------
// Formatting

export interface FormatOptions {
  /** ANSI colours (only for a terminal). */
  color: boolean;
  /** Line width to fit in. Default 100. */
  width?: number;
  /** Paths are shown relative to this directory when inside it. Default: process.cwd(). */
  cwd?: string;
}

const ANSI = {
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  cyan: '\x1b[36m',
  reset: '\x1b[0m',
};
type Style = keyof Omit<typeof ANSI, 'reset'>;

function paint(color: boolean, style: Style | null, text: string): string {
  return color && style ? `${ANSI[style]}${text}${ANSI.reset}` : text;
}

/** Display width: code points (what the sample's accented names need). */
export function textWidth(text: string): number {
  return [...text].length;
}

export function truncate(text: string, width: number): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  if (chars.length <= width) return chars.join('');
  if (width <= 1) return chars.slice(0, width).join('');
  return `${chars.slice(0, width - 1).join('')}…`;
}

function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - textWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Word-wraps `text` to `width`, continuation lines indented by `indent` spaces. */
export function wrap(text: string, firstWidth: number, width: number, indent: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  let limit = firstWidth;
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate) <= limit || line === '') {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
    limit = width - indent;
  }
  if (line !== '') lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : ' '.repeat(indent) + l));
}

/** 'Label    text', the text wrapped under itself. */
function labelled(label: string, text: string, width: number): string[] {
  const lines = wrap(text, width - 9, width, 9);
  return lines.map((l, i) => (i === 0 ? label.padEnd(9) + l : l));
}

function relativePath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function dayLabel(date: string): string {
  return `${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]} ${date}`;
}

const SYMBOL: Record<DemoEventKind, { mark: string; style: Style | null }> = {
  sent: { mark: '✉', style: 'green' },
  preview: { mark: '○', style: 'cyan' },
  skipped: { mark: '·', style: 'dim' },
  queued: { mark: '↻', style: 'yellow' },
  failed: { mark: '✗', style: 'red' },
  held: { mark: '·', style: 'dim' },
  error: { mark: '!', style: 'red' },
  stopped: { mark: '!', style: 'red' },
  warning: { mark: '!', style: 'yellow' },
  note: { mark: '·', style: 'dim' },
};

const HELD_TEXT: Record<string, string> = {
  Paid: 'Paid: nothing to send',
  Paused: 'Paused: no follow-ups while the Paused box is ticked',
  Disputed: 'Disputed: never escalated automatically while the dispute is open',
  'Needs review': 'Needs review: nothing more is sent until you check your Sent mail',
};

function eventText(e: DemoEvent): string {
  if (e.kind === 'held' && e.result.startsWith(PROMISED)) return `${e.result}: no follow-ups until the day after`;
  if (e.kind === 'held') return HELD_TEXT[e.result] ?? e.result;
  if (e.kind === 'error') return `${e.result} (nothing is sent for this row until it is fixed)`;
  return e.result;
}

/** Column widths and colour of the timeline, fitted to its events. */
interface TimelineLayout {
  width: number;
  color: boolean;
  invW: number;
  cliW: number;
  stageW: number;
  /** Where the text after the invoice and client columns starts. */
  textCol: number;
}

function timelineLayout(result: DemoResult, fmt: FormatOptions): TimelineLayout {
  const invoiceEvents = result.events.filter((e) => e.invoice !== '');
  // A client email about several invoices shows '2 invoices' in this column.
  const grouped = result.emails.some((e) => e.invoices.length > 1) ? 10 : 7;
  const invW = Math.min(16, Math.max(grouped, ...invoiceEvents.map((e) => textWidth(e.invoice))));
  const cliW = Math.min(22, Math.max(6, ...invoiceEvents.map((e) => textWidth(e.client))));
  const stageW = Math.max(8, ...invoiceEvents.filter((e) => e.stage !== '').map((e) => textWidth(e.stage)));
  return { width: fmt.width ?? 100, color: fmt.color, invW, cliW, stageW, textCol: 5 + invW + 2 + cliW + 2 };
}

/** '  ✉  ', the event's mark in its colour. */
function eventPrefix(e: DemoEvent, color: boolean): string {
  const s = SYMBOL[e.kind];
  return `  ${paint(color, s.style, s.mark)}  `;
}

/** The invoice and client columns. */
function eventHead(e: DemoEvent, l: TimelineLayout): string {
  return `${pad(truncate(e.invoice, l.invW), l.invW)}  ${pad(truncate(e.client, l.cliW), l.cliW)}  `;
}

/**
 * A sent (or previewed) email: stage → recipients, copies on the same line when they fit. A client
 * email about several invoices (`events`, one per log row) shows as one email: 'N invoices' in the
 * invoice column, its invoices listed after the stage, the recipients on the next line when they do
 * not fit.
 */
function mailEventLines(events: DemoEvent[], l: TimelineLayout): string[] {
  const e = events[0]!;
  const several = events.length > 1;
  const head = several ? { ...e, invoice: `${events.length} invoices` } : e;
  const stage = several ? mostAdvancedStage(events.map((x) => x.stage)) : e.stage;
  const parts = [
    several ? events.map((x) => x.invoice).join(', ') : '',
    `→ ${e.to.join(', ')}`,
    e.cc.length > 0 ? `(cc ${e.cc.join(', ')})` : '',
    e.bcc.length > 0 ? `(bcc ${e.bcc.join(', ')})` : '',
  ].filter((x) => x !== '');
  const start = `${eventPrefix(e, l.color)}${eventHead(head, l)}${pad(stage, l.stageW)}  `;
  const indent = l.textCol + l.stageW + 2;
  const lines: string[] = [];
  if (indent + textWidth(parts.join(' ')) <= l.width) {
    lines.push(start + parts.join(' '));
  } else {
    const [first, ...rest] = parts.map((x) => wrap(x, l.width - indent, l.width, indent));
    lines.push(start + first!.join('\n'));
    for (const part of rest) lines.push(' '.repeat(indent) + part.join('\n'));
  }
  // A sent event that says more than 'sent' (sent on an earlier run, missing from the log).
  if (e.kind === 'sent' && !['sent', 'preview', ''].includes(e.result))
    lines.push(' '.repeat(l.textCol) + paint(l.color, 'yellow', e.result));
  return lines;
}

/** Any other event: its words wrapped after the invoice, client and stage columns (or the mark alone). */
function textEventLine(e: DemoEvent, l: TimelineLayout): string {
  const style = SYMBOL[e.kind].style;
  if (e.invoice === '') {
    const body = wrap(eventText(e), l.width - 5, l.width, 5);
    return eventPrefix(e, l.color) + body.map((t) => paint(l.color, style, t)).join('\n');
  }
  const stage = e.stage !== '' ? `${pad(e.stage, l.stageW)}  ` : '';
  const startCol = l.textCol + textWidth(stage);
  const text = wrap(eventText(e), l.width - startCol, l.width, startCol);
  return `${eventPrefix(e, l.color)}${eventHead(e, l)}${stage}${text.map((t) => paint(l.color, style, t)).join('\n')}`;
}

function eventLines(events: DemoEvent[], l: TimelineLayout): string[] {
  const e = events[0]!;
  return e.invoice !== '' && (e.kind === 'sent' || e.kind === 'preview') ? mailEventLines(events, l) : [textEventLine(e, l)];
}

/** A day's events, the log rows of one client email (sent, the same .eml file, one after another) together. */
function emailsTogether(events: DemoEvent[]): DemoEvent[][] {
  const out: DemoEvent[][] = [];
  for (const e of events) {
    const last = out[out.length - 1]?.[0];
    const sameEmail = last !== undefined && e.kind === 'sent' && last.kind === 'sent' && e.file !== null && e.file === last.file;
    if (sameEmail) out[out.length - 1]!.push(e);
    else out.push([e]);
  }
  return out;
}

/** Consecutive quiet days (nothing due, or the previous day's stop message again) share one line. */
type TimelineEntry = { quiet: DemoDay[]; label: string } | { day: DemoDay };

function timelineEntries(days: DemoDay[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let previousStops = '';
  for (const day of days) {
    const onlyStops =
      day.events.length > 0 && day.events.every((e) => e.invoice === '' && (e.kind === 'stopped' || e.kind === 'warning'));
    const stops = onlyStops ? day.events.map((e) => e.result).join('\n') : '';
    const label =
      day.events.length === 0 ? '(nothing due)' : stops !== '' && stops === previousStops ? '(stopped again, as above)' : null;
    previousStops = stops;
    const last = entries[entries.length - 1];
    if (label === null) entries.push({ day });
    else if (last && 'quiet' in last && last.label === label) last.quiet.push(day);
    else entries.push({ quiet: [day], label });
  }
  return entries;
}

function quietLine(quiet: DemoDay[], label: string, color: boolean): string {
  const first = quiet[0]!;
  const last = quiet[quiet.length - 1]!;
  const span = quiet.length === 1 ? dayLabel(first.date) : `${dayLabel(first.date)} – ${dayLabel(last.date)}`;
  return paint(color, 'dim', `${span}   ${label}`);
}

/** The day-by-day timeline, quiet days collapsed. */
export function formatTimeline(result: DemoResult, fmt: FormatOptions): string[] {
  const layout = timelineLayout(result, fmt);
  return timelineEntries(result.days).flatMap((entry) =>
    'quiet' in entry
      ? [quietLine(entry.quiet, entry.label, fmt.color)]
      : [
          paint(fmt.color, 'bold', `${dayLabel(entry.day.date)}   day ${entry.day.index}`),
          ...emailsTogether(entry.day.events).flatMap((e) => eventLines(e, layout)),
        ],
  );
}

/** The final status table, aligned and fitted to the width (long values truncated). */
export function formatTable(table: DemoTable, fmt: FormatOptions): string[] {
  const width = (fmt.width ?? 100) - 2;
  const gap = 2;
  const n = table.headers.length;
  const numeric = table.headers.map((h) => /days/i.test(h));
  const content = table.headers.map((_, i) =>
    Math.max(1, ...table.rows.map((r) => textWidth((r[i] ?? '').replace(/\s+/g, ' ')))),
  );
  // Headers wider than their values go on two lines ('Days' / 'Overdue').
  const headerLines = table.headers.map((h, i) => {
    if (textWidth(h) <= content[i]! || !h.includes(' ')) return [h];
    const words = h.split(' ');
    let best: [string, string] = [h, ''];
    for (let k = 1; k < words.length; k++) {
      const a = words.slice(0, k).join(' ');
      const b = words.slice(k).join(' ');
      if (Math.max(a.length, b.length) < Math.max(best[0].length, best[1].length)) best = [a, b];
    }
    return best;
  });
  const widths = table.headers.map((_, i) => Math.max(content[i]!, ...headerLines[i]!.map(textWidth)));
  // Shrink the widest text columns (Client, Status) until it fits; the others only if it must.
  const flexible = table.headers.map((h) => /^(client|status)$/i.test(h));
  const minWidth = headerLines.map((l, i) => Math.max(...l.map(textWidth), flexible[i] ? 10 : 6));
  const total = (): number => widths.reduce((a, b) => a + b, 0) + gap * (n - 1);
  for (const pass of [true, false]) {
    while (total() > width) {
      let widest = -1;
      for (let i = 0; i < n; i++) {
        if ((pass && !flexible[i]) || widths[i]! <= minWidth[i]!) continue;
        if (widest === -1 || widths[i]! > widths[widest]!) widest = i;
      }
      if (widest === -1) break;
      widths[widest]! -= 1;
    }
  }
  const c = fmt.color;
  const out: string[] = [];
  const height = Math.max(...headerLines.map((l) => l.length));
  for (let line = 0; line < height; line++) {
    const cells = headerLines.map((l, i) => {
      const text = l.length === height ? (l[line] ?? '') : line === height - 1 ? (l[0] ?? '') : '';
      return pad(text, widths[i]!, numeric[i] ? 'right' : 'left');
    });
    out.push(`  ${paint(c, 'bold', cells.join(' '.repeat(gap)).trimEnd())}`);
  }
  out.push(`  ${widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap))}`);
  if (table.rows.length === 0) out.push('  (no invoice rows)');
  for (const row of table.rows) {
    const cells = row.map((v, i) => {
      const text = pad(truncate(v, widths[i]!), widths[i]!, numeric[i] ? 'right' : 'left');
      return i === 2 && v.startsWith('Error:') ? paint(c, 'red', text) : text;
    });
    out.push(`  ${cells.join(' '.repeat(gap)).trimEnd()}`);
  }
  return out;
}

export function nothingSentNotice(outDir: string, cwd: string): string {
  return `Nothing leaves this machine: no email is sent. Each email the add-on would send is written to ${relativePath(outDir, cwd)}/ as a .eml file.`;
}

/** The header printed before the run. */
export function formatIntro(options: ResolvedDemoOptions, fmt: FormatOptions): string[] {
  const cwd = fmt.cwd ?? process.cwd();
  const width = fmt.width ?? 100;
  const last = addDaysIso(options.from, options.days - 1);
  const invoices = countCsvRows(options.sheet);
  const disputes = options.disputes === null ? 0 : countCsvRows(options.disputes);
  const field = (label: string, text: string): string[] => labelled(label, text, width);
  return [
    paint(fmt.color, 'bold', 'Invoice Follow-ups — local demo'),
    ...wrap(nothingSentNotice(options.out, cwd), width, width, 0),
    '',
    ...field('Sheet', `${relativePath(options.sheet, cwd)}: ${invoices} invoice row${invoices === 1 ? '' : 's'}`),
    ...(options.disputes === null
      ? []
      : field('Disputes', `${relativePath(options.disputes, cwd)}: ${disputes} note${disputes === 1 ? '' : 's'}`)),
    ...paymentsField(options, cwd, field),
    ...field(
      'Runs',
      `the built add-on (${relativePath(options.distDir, cwd)}/), daily trigger at 09:00 ${options.tz}, ` +
        `${options.from} → ${last} (${options.days} day${options.days === 1 ? '' : 's'})`,
    ),
    ...field('Sender', `"${options.sender}", spreadsheet locale ${options.locale}`),
    '',
  ];
}

/** The intro's line about the payments arriving during the month (none without a payments file). */
function paymentsField(options: ResolvedDemoOptions, cwd: string, field: (label: string, text: string) => string[]): string[] {
  if (options.payments === null) return [];
  const n = countCsvRows(options.payments);
  return field('Payments', `${relativePath(options.payments, cwd)}: ${n} payment${n === 1 ? '' : 's'} arriving during the month`);
}

/** Totals, files and the closing notice. */
export function formatSummary(result: DemoResult, fmt: FormatOptions): string[] {
  const cwd = fmt.cwd ?? process.cwd();
  const width = fmt.width ?? 100;
  const t = result.totals;
  const stageOrder: readonly string[] = [...EMAIL_STAGE_IDS, 'dispute'];
  const stages = Object.entries(t.byStage)
    .sort(([a], [b]) => ((stageOrder.indexOf(a) + 99) % 99) - ((stageOrder.indexOf(b) + 99) % 99))
    .map(([s, k]) => `${k} ${s}`);
  const emailWord = `${t.emails} email${t.emails === 1 ? '' : 's'}`;
  const totals =
    `${emailWord} for ${t.invoicesEmailed} of ${t.invoices} invoices` +
    (stages.length > 0 ? ` (${stages.join(', ')})` : '') +
    ` · ${t.skipped} skipped · ${t.queued} queued · ${t.failed} failed · ${t.rowErrors} row${t.rowErrors === 1 ? '' : 's'} with errors` +
    (t.summaries > 0 ? ` · ${t.summaries} daily summar${t.summaries === 1 ? 'y' : 'ies'} to you` : '');
  const out = result.files.outDir;
  const files = result.files.emails.length;
  const lines = labelled('Totals', totals, width);
  lines.push(...clientEmailLines(t.byClient).flatMap((text, i) => labelled(i === 0 ? 'Clients' : '', text, width)));
  const example = result.files.emails[0];
  lines.push(
    ...labelled(
      'Files',
      `${relativePath(out, cwd)}/: ${files} .eml file${files === 1 ? '' : 's'}${example ? `, e.g. ${path.basename(example)} (open one in any mail app)` : ''}`,
      width,
    ),
  );
  lines.push(
    ...labelled(
      '',
      `${relativePath(result.files.invoicesCsv, cwd)}: the invoice sheet at the end, with its status columns`,
      width,
    ),
  );
  lines.push(...labelled('', `${relativePath(result.files.logCsv, cwd)}: the Follow-up Log`, width));
  lines.push('');
  const closing =
    files === 0
      ? 'Nothing left this machine: no email was sent (and the add-on had none to send).'
      : `Nothing left this machine: no email was sent. The ${files === 1 ? 'email' : `${files} emails`} the add-on would have sent ${files === 1 ? 'is a .eml file' : 'are .eml files'} in ${relativePath(out, cwd)}/.`;
  lines.push(...wrap(closing, width, width, 0).map((l) => paint(fmt.color, 'bold', l)));
  return lines;
}

/**
 * 'Northwind Studio: 4 emails for 2 invoices (8 with one email per invoice)', for each client whose
 * emails carried several invoices: one email per client (README "What the demo shows") against one
 * per (invoice, stage) sent on the same days.
 */
export function clientEmailLines(byClient: ClientEmailCount[]): string[] {
  return byClient
    .filter((c) => c.invoices > 1)
    .map(
      (c) =>
        `${c.client}: ${c.emails} email${c.emails === 1 ? '' : 's'} for ${c.invoices} invoices` +
        (c.followUps > c.emails ? ` (${c.followUps} with one email per invoice)` : ''),
    );
}

/** Everything the CLI prints after the run. */
export function formatReport(result: DemoResult, fmt: FormatOptions): string {
  return [
    ...formatTimeline(result, fmt),
    '',
    paint(fmt.color, 'bold', `Invoices at the end (${result.days[result.days.length - 1]?.date ?? result.options.from})`),
    ...formatTable(result.table, fmt),
    '',
    ...claimLines(result),
    ...formatSummary(result, fmt),
  ].join('\n');
}

/** The last simulated day. */
function lastDay(options: ResolvedDemoOptions): string {
  return addDaysIso(options.from, options.days - 1);
}

function claimLines(result: DemoResult): string[] {
  const lines = formatClaims(result.claims, result.options.settings.latePayment.regime, lastDay(result.options));
  return lines.length > 0 ? [...lines, ''] : [];
}
