// The demo's simulation: runs the BUILT add-on (dist/) in the local Apps Script runtime over an
// invoice sheet for a stretch of daily trigger runs, writes each email as a .eml file and collects
// what happened as a DemoResult.
import { EMAIL_STAGE_IDS } from '../../src/domain/stageTable';
import * as fs from 'node:fs';
import * as path from 'node:path';
import nodemailer from 'nodemailer';
import { createRuntime, csvToCells, instantFromWall, loadAddon, parseCsv } from '../../local';
import type { LoadedAddon, Runtime, SentMail, TriggerInfo } from '../../local';
import { LAST_RUN_KEY } from '../../src/app/run';
import { SETTINGS_KEY } from '../../src/app/config';
import { mapHeaders, type HeaderMap } from '../../src/domain/headers';
import { OWNED_COLUMN_KEY } from '../../src/gas/columns';
import type { StatusField } from '../../src/domain/types';
import { DISPUTE_SHEET, LOG_SHEET } from '../../src/domain/records';
import { defaultSettings } from '../../src/domain/settings';
import { statusCodeOf, type StatusCode } from '../../src/domain/stages';
import { amountsClaimed } from '../demoClaims';
import { DemoUsageError, parseIsoDay, resolveDemoOptions, type DemoOptions, type ResolvedDemoOptions } from './options';
import type { ClientEmailCount, DemoDay, DemoEmail, DemoEvent, DemoEventKind, DemoResult, DemoTotals } from './result';

/** The demo's invoice sheet has the name the add-on looks for by default. */
const INVOICE_SHEET = defaultSettings().sheetName;
/** The add-on's statuses that hold an invoice's follow-ups (a Promised one shows as 'Promised by …'). */
const HELD_STATUSES: ReadonlySet<StatusCode> = new Set<StatusCode>(['paid', 'paused', 'disputed', 'needs-review']);
/** The Status of an invoice whose client promised to pay ('Promised by 2026-11-13'). */
export const PROMISED = 'Promised by ';
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

/** The add-on's own status columns (0-based), found by the marks it leaves on them, as the add-on finds them. */
function ownedColumnsIn(runtime: Runtime): Partial<Record<StatusField, number>> {
  const owned: Partial<Record<StatusField, number>> = {};
  const sheet = runtime.spreadsheetObject().getSheetByName(INVOICE_SHEET);
  for (const mark of sheet?.createDeveloperMetadataFinder().withKey(OWNED_COLUMN_KEY).find() ?? []) {
    const field = mark.getValue() as StatusField;
    const column = mark.getLocation().getColumn()?.getColumn();
    if (column !== undefined && (owned[field] === undefined || column - 1 < owned[field])) owned[field] = column - 1;
  }
  return owned;
}

/** The columns of the demo's invoice sheet, read as the add-on reads them (its own status columns by their marks). */
function sheetColumns(runtime: Runtime, headerRow: string[]): HeaderMap['columns'] {
  return mapHeaders(headerRow, { owned: ownedColumnsIn(runtime) }).columns;
}

function statusByRow(runtime: Runtime, rows: string[][]): Map<string, { invoice: string; client: string; status: string }> {
  const out = new Map<string, { invoice: string; client: string; status: string }>();
  const columns = sheetColumns(runtime, rows[0] ?? []);
  const [inv, cli, st] = [columns.invoice, columns.client, columns.status];
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

export function mostAdvancedStage(stages: string[]): string {
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
    const code = statusCodeOf(row.status);
    const held = (code !== null && HELD_STATUSES.has(code)) || row.status.startsWith(PROMISED);
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
    const now = statusByRow(this.session.runtime, displayRowsOf(this.session.runtime, INVOICE_SHEET));
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
  const columns = sheetColumns(session.runtime, rows[0] ?? []);
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
  const columns = sheetColumns(runtime, sheetRows[0] ?? []);
  const indexes = TABLE_FIELDS.map((f) => columns[f]);
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
/** The last simulated day. */
export function lastDay(options: ResolvedDemoOptions): string {
  return addDaysIso(options.from, options.days - 1);
}

export function countCsvRows(file: string): number {
  const rows = parseCsv(fs.readFileSync(file, 'utf8')).filter((r) => r.some((c) => c.trim() !== ''));
  return Math.max(0, rows.length - 1);
}
