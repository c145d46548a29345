// The follow-up run (SPEC §1–§2): read once, plan, send at most once, write back in blocks.
// Used by the menu (send after a confirmation, or preview) and by the daily trigger.
import { mapHeaders, describeHeaderProblem, FIELD_HEADERS, type HeaderMap } from '../domain/headers';
import { buildHistories, hasSent, stageFromText, type StatusMemory } from '../domain/history';
import { cellText } from '../domain/dates';
import { currencyForLocale } from '../domain/money';
import { parseInvoiceRows } from '../domain/parse';
import {
  planFollowUps,
  recipientCount,
  statusCells,
  type FollowUpEmail,
  type Plan,
  type RowPlan,
  type StatusCells,
} from '../domain/plan';
import {
  DISPUTE_HEADERS,
  DISPUTE_SHEET,
  LOG_HEADERS,
  LOG_SHEET,
  ledgerId,
  parseDisputeRows,
  parseLogRows,
  type DisputeRecord,
  type LedgerEntry,
  type LogLine,
  type LogRecord,
} from '../domain/records';
import { locateRows, rowFingerprint, type RowIdentity } from '../domain/relocate';
import { stageLabel } from '../domain/settings';
import { evaluateInvoice, emptyHistory, isEmailStage, withPassed, withSent, type InvoiceHistory } from '../domain/stages';
import {
  STATUS_FIELDS,
  type CellValue,
  type EmailStageId,
  type Invoice,
  type SheetContext,
  type StageId,
  type StatusField,
} from '../domain/types';
import { withDocumentLock } from '../gas/lock';
import { remainingDailyQuota, selfEmail, sendFollowUpEmail } from '../gas/mail';
import {
  appendRows,
  DateConverter,
  flush,
  readAllCells,
  setColumnFormat,
  sheetWithHeaders,
  textCell,
  todayIn,
  withHeaderRow,
  writeBlock,
  type WritableCell,
} from '../gas/sheet';
import { DocumentStore } from '../gas/store';
import { loadConfig, type Config } from './config';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** send: the real thing; preview: dry run with `preview` log rows; statuses: refresh the status columns only. */
export type RunMode = 'send' | 'preview' | 'statuses';
export type RunTrigger = 'menu' | 'daily' | 'sidebar';

export interface RunSummary {
  mode: RunMode;
  trigger: RunTrigger;
  sent: number;
  previewed: number;
  skipped: number;
  queued: number;
  failed: number;
  /** Rows with an error written on them. */
  rowErrors: number;
  /** Nothing was done, and why (lock held, user cancelled, sheet missing…). */
  stopped: string | null;
  /** The user said No to the confirmation. */
  cancelled: boolean;
  warnings: string[];
}

/** A problem the user can fix, told in their words (not a bug). */
export class UserFacingError extends Error {}

export const LEDGER_PREFIX = 'ledger:';
export const LAST_RUN_KEY = 'lastRun';
/** Apps Script stops a run at 6 minutes; stop sending well before, and carry on next run. */
const SEND_TIME_BUDGET_MS = 4.5 * 60 * 1000;
const LOCK_WAIT_MS = 10 * 1000;

const MAY_HAVE_GONE_OUT =
  'this email may or may not have gone out. Check your Sent mail, then answer the question the next Run follow-ups asks; until then nothing more is sent for this invoice';
export const UNKNOWN_OUTCOME = `failed: the run was interrupted while sending, so ${MAY_HAVE_GONE_OUT}`;

export interface RunOptions {
  mode: RunMode;
  trigger: RunTrigger;
  /** Asked before anything is sent (menu runs); returning false cancels the run. */
  confirmSends?: (emails: FollowUpEmail[]) => boolean;
}

/** Everything a run reads, turned into plain values. */
export interface Snapshot {
  config: Config;
  ctx: SheetContext;
  dates: DateConverter;
  invoiceSheet: Sheet;
  header: HeaderMap;
  grid: CellValue[][];
  log: LogRecord[];
  ledger: LedgerEntry[];
  disputes: DisputeRecord[];
  plan: Plan;
  histories: Map<string, InvoiceHistory>;
  invoices: Map<string, Invoice>;
  identities: RowIdentity[];
}

function emptySummary(mode: RunMode, trigger: RunTrigger): RunSummary {
  return {
    mode,
    trigger,
    sent: 0,
    previewed: 0,
    skipped: 0,
    queued: 0,
    failed: 0,
    rowErrors: 0,
    stopped: null,
    cancelled: false,
    warnings: [],
  };
}

export function runFollowUpsIn(ss: Spreadsheet, options: RunOptions): RunSummary {
  const started = Date.now();
  const summary = emptySummary(options.mode, options.trigger);
  let store: DocumentStore | null = null;
  try {
    const locked = withDocumentLock(LOCK_WAIT_MS, () => {
      store = DocumentStore.forSpreadsheet(ss.getId());
      runLocked(ss, store, options, summary, started);
    });
    if (!locked.acquired) {
      summary.stopped =
        locked.reason === 'busy'
          ? 'Another follow-up run is in progress in this spreadsheet, so this run sent nothing.'
          : 'This run could not lock the spreadsheet (Apps Script gave it no document to lock), so it sent nothing. Run follow-ups from the menu instead, and tell us about it.';
      noteSkippedRun(ss, summary.stopped);
    }
  } catch (err) {
    summary.stopped = err instanceof UserFacingError ? err.message : `Unexpected problem: ${errorMessage(err)}`;
    // Nobody watches a trigger run: the log sheet says it stopped (the menu shows an alert instead).
    if (options.trigger === 'daily') noteSkippedRun(ss, `the daily run stopped: ${summary.stopped}`);
  }
  if (options.mode !== 'statuses') recordOutcome(ss, store, summary);
  return summary;
}

function runLocked(ss: Spreadsheet, store: DocumentStore, options: RunOptions, summary: RunSummary, started: number): void {
  let snap = readSnapshot(ss, store);
  summary.warnings.push(...snap.config.warnings);
  const recovery = recoverLedger(snap, store);
  const recoveryLines = recovery.lines;

  let emails = snap.plan.emails;
  if (options.mode === 'send' && options.confirmSends) {
    if (!options.confirmSends(emails)) {
      appendLogLines(ss, snap.dates, recoveryLines);
      summary.stopped = 'Cancelled: nothing was sent.';
      summary.cancelled = true;
      return;
    }
    // The dialog may have stayed open for minutes: plan again from the sheet as it is now and
    // send only what the user saw and what is still due.
    const seen = new Set(emails.map(emailSignature));
    snap = readSnapshot(ss, store);
    emails = snap.plan.emails.filter((e) => seen.has(emailSignature(e)));
  }

  const lines: LogLine[] = [...recoveryLines];
  const histories = new Map(snap.histories);
  const recorded: string[] = [...recovery.settled];
  if (options.mode === 'preview') {
    for (const e of emails) {
      lines.push(logLine(e, 'preview'));
      summary.previewed++;
    }
  } else if (options.mode === 'send') {
    sendEmails(emails, snap, store, summary, lines, histories, recorded, started);
  }
  if (options.mode === 'send') recordStepsWithoutEmail(snap.plan.rows, lines, histories, summary);
  summary.rowErrors = snap.plan.rows.filter((r) => r.error !== null).length;
  if (options.trigger === 'daily') {
    // A time-driven run has no one to show a toast to: its summary goes in the log instead.
    lines.push({
      invoice: '',
      client: '',
      stage: '',
      recipients: '',
      subject: 'Daily run',
      result: summaryText(summary),
      threadId: '',
    });
  }

  writeStatuses(snap, histories);
  appendLogLines(ss, snap.dates, lines);
  flush();
  // The log now holds these sends: the ledger entries have done their job.
  for (const id of recorded) store.delete(id);
}

/**
 * Steps that send nothing but must be logged once: the decision stage, and an escalation with no
 * billing contact. Stages they supersede are logged as skipped too.
 */
function recordStepsWithoutEmail(
  rows: RowPlan[],
  lines: LogLine[],
  histories: Map<string, InvoiceHistory>,
  summary: RunSummary,
): void {
  for (const row of rows) {
    if (!row.key) continue;
    const step = row.decision
      ? { stage: 'final' as const, superseded: row.decision.superseded, result: DECISION_RESULT, by: 'the decision stage' }
      : row.passed
        ? {
            stage: row.passed.stage,
            superseded: row.passed.superseded,
            result: row.passed.reason,
            by: `the ${stageLabel(row.passed.stage).toLowerCase()}`,
          }
        : null;
    if (!step) continue;
    for (const stage of step.superseded) lines.push(rowLine(row, stage, `skipped: superseded by ${step.by}`));
    lines.push(rowLine(row, step.stage, step.result));
    summary.skipped += step.superseded.length + 1;
    let h = histories.get(row.key) ?? emptyHistory();
    for (const stage of step.superseded) h = withPassed(h, stage);
    h = step.stage === 'final' ? { ...h, decisionLogged: true } : withPassed(h, step.stage);
    histories.set(row.key, h);
  }
}

const DECISION_RESULT =
  'skipped: no email at this stage. Decide the next step: a collections agency, small-claims court or continued direct contact';

export function readSnapshot(ss: Spreadsheet, store: DocumentStore, purpose: 'run' | 'read' = 'run'): Snapshot {
  const config = loadConfig(store);
  const timeZone = ss.getSpreadsheetTimeZone();
  const ctx: SheetContext = { timeZone, locale: ss.getSpreadsheetLocale(), today: todayIn(timeZone) };
  const dates = new DateConverter(timeZone);
  const invoiceSheet = ss.getSheetByName(config.settings.sheetName);
  if (!invoiceSheet) {
    throw new UserFacingError(
      `There is no sheet named '${config.settings.sheetName}'. Use Follow-ups › Set up invoice sheet, or rename your invoice sheet.`,
    );
  }
  const grid = readAllCells(invoiceSheet, dates);
  const header = mapHeaders(grid[0] ?? []);
  const problem = describeHeaderProblem(header, config.settings.sheetName);
  if (problem) throw new UserFacingError(problem);
  // A run (under the lock) repairs a lost header row; a read (the sidebar) only reads.
  const repair = purpose === 'run';
  const logSheet = ss.getSheetByName(LOG_SHEET);
  const log = logSheet ? parseLogRows(withHeaderRow(logSheet, readAllCells(logSheet, dates), LOG_HEADERS, repair)) : [];
  const disputeSheet = ss.getSheetByName(DISPUTE_SHEET);
  const disputes = disputeSheet
    ? parseDisputeRows(withHeaderRow(disputeSheet, readAllCells(disputeSheet, dates), DISPUTE_HEADERS, repair))
    : [];
  const ledger = readLedger(store);
  const base = { config, ctx, dates, invoiceSheet, header, grid, log, ledger, disputes };
  return { ...base, ...planFrom(base) };
}

type SnapshotBase = Pick<Snapshot, 'config' | 'ctx' | 'header' | 'grid' | 'log' | 'ledger' | 'disputes'>;

function planFrom(base: SnapshotBase) {
  const { config, ctx, header, grid, disputes } = base;
  const dataRows = grid.slice(1);
  const rows = parseInvoiceRows(dataRows, header.columns, {
    locale: ctx.locale,
    defaultCurrency: config.settings.currency || currencyForLocale(ctx.locale),
  });
  const statusMemory = new Map<string, StatusMemory>();
  const stageCol = header.columns.stage;
  const lastCol = header.columns.lastFollowUp;
  const invoiceCol = header.columns.invoice;
  const identities: RowIdentity[] = [];
  const invoices = new Map<string, Invoice>();
  for (const parsed of rows) {
    const rowNumber = parsed.ok ? parsed.invoice.row : parsed.invalid.row;
    const cells = dataRows[rowNumber - 2] ?? [];
    const key = parsed.ok ? parsed.invoice.key : parsed.invalid.key;
    identities.push({ key, fingerprint: rowFingerprint(cells, header.columns) });
    if (parsed.ok) invoices.set(parsed.invoice.key, parsed.invoice);
    if (!key || invoiceCol === undefined) continue;
    const stage = stageCol === undefined ? null : stageFromText(cellText(cells[stageCol] ?? ''));
    const last = lastCol === undefined ? undefined : cells[lastCol];
    const memory: StatusMemory = {
      stage: stage && isEmailStage(stage) ? stage : null,
      lastFollowUp: last !== undefined && typeof last === 'object' ? last.date : null,
    };
    if (memory.stage || memory.lastFollowUp) statusMemory.set(key, memory);
  }
  const histories = buildHistories({ log: base.log, disputes, ledger: base.ledger, statusMemory });
  const plan = planFollowUps({
    rows,
    histories,
    settings: config.settings,
    templates: config.templates,
    ctx,
    selfEmail: config.settings.ccSelf || config.settings.bccSelf ? selfEmail() : null,
  });
  return { plan, histories, invoices, identities };
}

export function readLedger(store: DocumentStore): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const { value } of store.readAllJson(LEDGER_PREFIX)) {
    if (value && typeof value === 'object' && typeof (value as LedgerEntry).key === 'string') out.push(value as LedgerEntry);
  }
  return out;
}

/**
 * Settles sends an earlier run left half-recorded. `sent` entries that never reached the log are
 * logged now; `sending` entries mean the run died mid-send: the outcome is unknown, so the invoice
 * is held for the user to review rather than risk a second email.
 */
function recoverLedger(snap: Snapshot, store: DocumentStore): { lines: LogLine[]; settled: string[] } {
  const lines: LogLine[] = [];
  const settled: string[] = [];
  for (const entry of snap.ledger) {
    const id = LEDGER_PREFIX + ledgerId(entry.key, entry.stage);
    if (hasSent(snap.log, entry.key, entry.stage)) {
      settled.push(id);
      continue;
    }
    const base = {
      invoice: entry.invoice,
      client: entry.client,
      stage: entry.stage,
      recipients: entry.recipients,
      subject: entry.subject,
      threadId: '',
    };
    if (entry.state === 'sent') {
      lines.push({ ...base, result: 'sent', date: entry.date });
      settled.push(id);
    } else if (entry.state === 'sending') {
      entry.state = 'unknown';
      store.writeJson(id, entry);
      lines.push({ ...base, result: UNKNOWN_OUTCOME });
    }
  }
  return { lines, settled };
}

function emailSignature(e: FollowUpEmail): string {
  return JSON.stringify([e.key, e.stage, e.to, e.cc, e.bcc, e.subject, e.text]);
}

function sendEmails(
  emails: FollowUpEmail[],
  snap: Snapshot,
  store: DocumentStore,
  summary: RunSummary,
  lines: LogLine[],
  histories: Map<string, InvoiceHistory>,
  recorded: string[],
  started: number,
): void {
  let quota = emails.length > 0 ? remainingDailyQuota() : 0;
  let queueRest: string | null = null;
  let latest: Map<string, string> | undefined;
  const today = snap.ctx.today;
  for (const email of emails) {
    if (!queueRest && Date.now() - started > SEND_TIME_BUDGET_MS)
      queueRest = 'queued: time limit of this run; it goes out on the next run';
    if (!queueRest && recipientCount(email) > quota) queueRest = 'queued: daily email quota; it goes out on the next run';
    if (queueRest) {
      // Logged once: an invoice waiting for quota day after day does not fill the log.
      latest ??= latestResults(snap.log);
      if (!(latest.get(`${email.key}\u0000${email.stage}`) ?? '').startsWith('queued')) lines.push(logLine(email, queueRest));
      summary.queued++;
      continue;
    }
    const entry: LedgerEntry = {
      key: email.key,
      invoice: email.invoice.invoice,
      client: email.invoice.client,
      stage: email.stage,
      state: 'sending',
      date: today,
      recipients: recipientsText(email),
      subject: email.subject,
    };
    const id = LEDGER_PREFIX + ledgerId(email.key, email.stage);
    // Written before the send: if the run dies during it, the next run knows not to send blindly.
    store.writeJson(id, entry);
    try {
      sendFollowUpEmail(email, snap.config.settings.senderName);
    } catch (err) {
      const message = errorMessage(err);
      summary.failed++;
      if (isQuotaRefusal(message)) {
        // The quota ran out sooner than MailApp said: this and the rest go out on the next run.
        store.delete(id);
        summary.failed--;
        summary.queued++;
        queueRest = 'queued: daily email quota; it goes out on the next run';
        lines.push(logLine(email, queueRest));
      } else if (isRefusedBeforeSending(message)) {
        // MailApp checks addresses before sending: nothing went out, so the next run may try again.
        store.delete(id);
        lines.push(logLine(email, `failed: ${message}`));
      } else {
        // Anything else may have happened after the message left: hold the invoice for review.
        store.writeJson(id, { ...entry, state: 'unknown' });
        lines.push(logLine(email, `failed: ${message}. So ${MAY_HAVE_GONE_OUT}`));
        histories.set(email.key, {
          ...(histories.get(email.key) ?? emptyHistory()),
          needsReview: `the ${email.stage} email may not have been sent`,
        });
      }
      continue;
    }
    quota -= recipientCount(email);
    recorded.push(id);
    try {
      store.writeJson(id, { ...entry, state: 'sent' });
    } catch {
      // The log row written below records the send; the next run reconciles the ledger with it.
    }
    for (const stage of email.superseded)
      lines.push(logLine(email, `skipped: superseded by the ${stageLabel(email.stage).toLowerCase()}`, stage));
    summary.skipped += email.superseded.length;
    lines.push(logLine(email, 'sent'));
    summary.sent++;
    histories.set(email.key, withSent(histories.get(email.key) ?? emptyHistory(), email.stage, today));
  }
}

/** The latest log result of each invoice and stage. */
function latestResults(log: LogRecord[]): Map<string, string> {
  const latest = new Map<string, string>();
  for (const r of log) latest.set(`${r.key}\u0000${r.stage}`, r.result);
  return latest;
}

/** Errors MailApp raises before anything is sent: a malformed address, the daily quota. */
function isRefusedBeforeSending(message: string): boolean {
  return /^invalid (email|argument)/i.test(message) || isQuotaRefusal(message);
}

function isQuotaRefusal(message: string): boolean {
  return /^service invoked too many times for one day: email/i.test(message);
}

function recipientsText(e: Pick<FollowUpEmail, 'to' | 'cc' | 'bcc'>): string {
  const parts = [`to: ${e.to.join(', ')}`];
  if (e.cc.length > 0) parts.push(`cc: ${e.cc.join(', ')}`);
  if (e.bcc.length > 0) parts.push(`bcc: ${e.bcc.join(', ')}`);
  return parts.join('; ');
}

function logLine(e: FollowUpEmail, result: string, stage: EmailStageId = e.stage): LogLine {
  const self = stage === e.stage;
  return {
    invoice: e.invoice.invoice,
    client: e.invoice.client,
    stage,
    recipients: self ? recipientsText(e) : '',
    subject: self ? e.subject : '',
    result,
    threadId: '',
  };
}

function rowLine(row: RowPlan, stage: StageId, result: string): LogLine {
  return { invoice: row.invoice, client: row.client, stage, recipients: '', subject: '', result, threadId: '' };
}

/** Appends log rows in one write, creating the Follow-up Log sheet the first time. */
export function appendLogLines(ss: Spreadsheet, dates: DateConverter, lines: LogLine[]): void {
  if (lines.length === 0) return;
  const now = new Date();
  appendRows(
    sheetWithHeaders(ss, LOG_SHEET, LOG_HEADERS),
    lines.map((l) => [
      l.date ? dates.toDate(l.date) : now,
      textCell(l.invoice),
      textCell(l.client),
      textCell(l.stage),
      textCell(l.recipients),
      textCell(l.subject),
      textCell(l.result),
      textCell(l.threadId),
    ]),
  );
}

/**
 * Finds each planned row where it stands now and writes the status columns in blocks. The sheet is
 * read again right after: if a user moved rows in the moment between that read and the write,
 * values may have landed on the wrong rows, so the write is done again from the sheet as it is
 * then, with rows that cannot be identified cleared (they get their status on the next run).
 */
function writeStatuses(snap: Snapshot, histories: Map<string, InvoiceHistory>): void {
  let current = readAllCells(snap.invoiceSheet, snap.dates);
  let header = mapHeaders(current[0] ?? []);
  if (header.missingStatus.length > 0) header = addStatusColumns(snap.invoiceSheet, current[0] ?? [], header);
  const cells = statusCellsByRow(snap, histories);
  for (let pass = 0; pass < 3; pass++) {
    if (current.length <= 1) return;
    writeStatusBlocks(snap, header, current.slice(1), cells, pass === 0 ? 'keep' : 'clear');
    const after = readAllCells(snap.invoiceSheet, snap.dates);
    const headerAfter = mapHeaders(after[0] ?? []);
    if (sameRows(current, after, header, headerAfter)) return;
    current = after;
    header = headerAfter;
    if (header.missingStatus.length > 0) return; // status columns deleted meanwhile: next run
  }
}

/** The status cells of every planned row, in plan order. */
function statusCellsByRow(snap: Snapshot, histories: Map<string, InvoiceHistory>): StatusCells[] {
  const { ctx, config } = snap;
  return snap.plan.rows.map((row) => {
    const invoice = row.key ? snap.invoices.get(row.key) : undefined;
    const history = row.key ? histories.get(row.key) : undefined;
    // Only rows whose history changed during this run (a send, a skip) need evaluating again.
    const changed = row.key !== null && history !== snap.histories.get(row.key);
    const evaluation =
      invoice && row.error === null && changed
        ? evaluateInvoice(invoice, history ?? emptyHistory(), config.settings, ctx.today)
        : row.evaluation;
    return statusCells(row, evaluation, history);
  });
}

/** Rows stand where they stood: same input cells in the same order, status columns in place. */
function sameRows(before: CellValue[][], after: CellValue[][], headerBefore: HeaderMap, headerAfter: HeaderMap): boolean {
  if (before.length !== after.length) return false;
  if (STATUS_FIELDS.some((f) => headerBefore.columns[f] !== headerAfter.columns[f])) return false;
  for (let i = 1; i < before.length; i++) {
    if (rowFingerprint(before[i] ?? [], headerBefore.columns) !== rowFingerprint(after[i] ?? [], headerAfter.columns))
      return false;
  }
  return true;
}

function writeStatusBlocks(
  snap: Snapshot,
  header: HeaderMap,
  dataRows: CellValue[][],
  cells: StatusCells[],
  others: 'keep' | 'clear',
): void {
  const { invoiceSheet, dates } = snap;
  const targets = locateRows(snap.identities, dataRows, header.columns);
  const columns = STATUS_FIELDS.map((field) => ({ field, index: header.columns[field] as number }));
  const block = new Map<StatusField, WritableCell[]>();
  for (const { field, index } of columns) {
    block.set(
      field,
      dataRows.map((row) => (others === 'keep' ? writable(row[index], dates) : '')),
    );
  }
  targets.forEach((at, i) => {
    const rowCells = cells[i];
    if (at === null || at === undefined || !rowCells) return;
    for (const { field } of columns) block.get(field)![at - 2] = statusValue(rowCells, field, dates);
  });

  // One setValues per run of adjacent status columns (one in all when the add-on placed them).
  const sorted = [...columns].sort((a, b) => a.index - b.index);
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i]!.index === sorted[i - 1]!.index + 1) continue;
    const run = sorted.slice(start, i);
    const values = dataRows.map((_, r) => run.map(({ field }) => block.get(field)![r]!));
    writeBlock(invoiceSheet, 2, run[0]!.index + 1, values);
    start = i;
  }
}

function statusValue(cells: StatusCells, field: StatusField, dates: DateConverter): WritableCell {
  const v = cells[field];
  if (field === 'lastFollowUp' || field === 'nextFollowUp') return v === '' ? '' : dates.toDate(String(v));
  return typeof v === 'number' ? v : textCell(v);
}

/** A cell read from the sheet, written back unchanged. */
function writable(v: CellValue | undefined, dates: DateConverter): WritableCell {
  if (v === undefined || v === '') return '';
  if (typeof v === 'object') return dates.toDate(v.date);
  return typeof v === 'string' ? textCell(v) : v;
}

/** Appends the missing status headers after the last column (SPEC §2) and formats them. */
function addStatusColumns(sheet: Sheet, headerRow: CellValue[], header: HeaderMap): HeaderMap {
  const first = sheet.getLastColumn() + 1;
  const titles = header.missingStatus.map((f) => FIELD_HEADERS[f].title);
  writeBlock(sheet, 1, first, [titles.map((t) => textCell(t))]);
  header.missingStatus.forEach((field, i) => {
    if (field === 'lastFollowUp' || field === 'nextFollowUp') setColumnFormat(sheet, first + i, 'yyyy-mm-dd');
  });
  const padded: CellValue[] = [...headerRow];
  while (padded.length < first - 1) padded.push('');
  return mapHeaders([...padded, ...titles]);
}

function noteSkippedRun(ss: Spreadsheet, why: string): void {
  try {
    // appendRow is atomic in Sheets, so it is safe while the other run holds the lock.
    const sheet = sheetWithHeaders(ss, LOG_SHEET, LOG_HEADERS);
    sheet.appendRow([new Date(), '', '', '', '', '', textCell(`skipped: ${why}`), '']);
  } catch {
    // The run outcome below still records it.
  }
}

function recordOutcome(ss: Spreadsheet, store: DocumentStore | null, summary: RunSummary): void {
  try {
    const target = store ?? DocumentStore.forSpreadsheet(ss.getId());
    target.writeJson(LAST_RUN_KEY, { at: new Date().toISOString(), ...summary, warnings: summary.warnings.slice(0, 5) });
  } catch (err) {
    console.error(`Could not record the run outcome: ${errorMessage(err)}`);
  }
}

export function errorMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text
    .replace(/^Exception:\s*/, '')
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}

export function summaryText(s: RunSummary): string {
  if (s.stopped) return s.stopped;
  const verb =
    s.mode === 'preview' ? `Previewed ${s.previewed} follow-up${s.previewed === 1 ? '' : 's'} (nothing sent)` : `Sent ${s.sent}`;
  const parts = [verb, `${s.skipped} skipped`, `${s.queued} queued`, `${s.failed} failed`];
  if (s.rowErrors > 0) parts.push(`${s.rowErrors} row${s.rowErrors === 1 ? '' : 's'} with errors`);
  return parts.join(' · ');
}
