// The add-on's own sheets (Follow-up Log, Dispute Notes) and the send ledger, as plain records.
import { CALL_OUTCOMES, type CALL_LOG_STAGE } from './calls';
import { cellText } from './dates';
import { normalizeHeader } from './headers';
import { invoiceKey } from './parse';
import type { CellValue, EmailStageId, IsoDate, StageId } from './types';

export const LOG_SHEET = 'Follow-up Log';
export const LOG_HEADERS = [
  'Timestamp',
  'Invoice',
  'Client',
  'Stage',
  'Recipients',
  'Subject',
  'Result',
  'Gmail Thread',
  // Appended after the original columns, so a log written before they existed stays readable.
  'Outcome',
  // The date a "promise missed" email is about (docs/escalation.md, "Promises"), as a date cell.
  'Promised Date',
] as const;

/**
 * Emails about an invoice that are not stages of the schedule, by the word the log's Stage column
 * holds for them: the "promise missed" email and the thank-you when paid (docs/escalation.md).
 */
export const NOTICE_WORDS = ['promiseMissed', 'thankYou'] as const;
export type NoticeWord = (typeof NOTICE_WORDS)[number];

/** What a log row or a send-ledger entry is about: a stage of the schedule, or a notice. */
export type LedgerStage = EmailStageId | NoticeWord;

/**
 * What happened, as data (the Outcome column); the Result column says it in words for people.
 * sent: the email went out · preview: dry run · superseded: an earlier stage passed over by a later
 * one (catch-up) · skipped: a stage passed without an email (no billing contact) · decision: the
 * decide-next-step stage was flagged · queued: waits for the next run (quota, time limit) · failed:
 * nothing went out · unsure: the email may have gone out (held for review) · stopped: a run that
 * did nothing · summary: a daily run's totals · reached, promised, disputed, noAnswer, wrongContact:
 * a call the user recorded in the sidebar (Stage `call`; README "The day-14 call").
 */
export const OUTCOMES = [
  'sent',
  'preview',
  'superseded',
  'skipped',
  'decision',
  'queued',
  'failed',
  'unsure',
  'stopped',
  'summary',
  ...CALL_OUTCOMES,
] as const;
export type Outcome = (typeof OUTCOMES)[number];

function isOutcome(text: string): text is Outcome {
  return (OUTCOMES as readonly string[]).includes(text);
}

/**
 * The outcome of a log row written before the Outcome column existed, from its Result words. The
 * only place that reads the words; null when they say nothing the add-on recognises.
 */
export function outcomeFromWords(result: string): Outcome | null {
  const r = result.trim().toLowerCase();
  if (r === 'sent' || r === 'preview') return r;
  if (r.startsWith('skipped: superseded')) return 'superseded';
  if (r.startsWith('skipped: no email at this stage')) return 'decision';
  if (r.startsWith('skipped')) return 'skipped';
  if (r.startsWith('queued')) return 'queued';
  if (r.startsWith('failed')) return r.includes('may or may not have gone out') ? 'unsure' : 'failed';
  return null;
}

export const DISPUTE_SHEET = 'Dispute Notes';
export const DISPUTE_HEADERS = ['Timestamp', 'Invoice', 'Event', 'Note', 'Event Code'] as const;
export const DISPUTE_EVENTS = { open: 'Dispute opened', note: 'Note', resolve: 'Dispute resolved' } as const;
/** What a dispute event does, as code: its Event Code cell (the Event cell holds the words). */
export type DisputeKind = keyof typeof DISPUTE_EVENTS;

const isDisputeKind = (code: string): code is DisputeKind => Object.prototype.hasOwnProperty.call(DISPUTE_EVENTS, code);

/** A row written before the Event Code column existed: its kind from the words it was written with. */
function disputeKindFromWords(event: string): DisputeKind | null {
  const found = (Object.keys(DISPUTE_EVENTS) as DisputeKind[]).find((k) => DISPUTE_EVENTS[k] === event);
  return found ?? null;
}

/** A row the run appends to the log; the adapter adds the timestamp. */
export interface LogLine {
  invoice: string;
  client: string;
  stage: StageId | NoticeWord | typeof CALL_LOG_STAGE | '';
  recipients: string;
  subject: string;
  outcome: Outcome;
  /** The outcome in words (`sent`, `skipped: <why>`, `failed: <why>`…). */
  result: string;
  threadId: string;
  /** When the action happened, if not now (a send recorded after the run that made it). */
  date?: IsoDate;
  /** The promise a "promise missed" email is about. */
  promisedDate?: IsoDate;
}

/** What the run needs back from a log row. */
export interface LogRecord {
  date: IsoDate | null;
  key: string;
  stage: string;
  outcome: Outcome | null;
  result: string;
  recipients?: string;
  /** The email's subject, when the row has one (the formal letter and the evidence pack list it). */
  subject?: string;
  /** The Client cell, when the row has one (one email per client counts the days between emails). */
  client?: string;
  /** The promise a "promise missed" row is about (its Promised Date cell). */
  promisedDate?: IsoDate;
}

export interface DisputeRecord {
  date: IsoDate | null;
  key: string;
  /** What the event does (null: words the add-on does not know, e.g. typed by hand). */
  kind: DisputeKind | null;
  event: string;
  note: string;
}

/** A send recorded in document properties before and after it happens (at-most-once). */
export interface LedgerEntry {
  key: string;
  invoice: string;
  client: string;
  stage: LedgerStage;
  /** The promise a "promise missed" email is about. */
  promisedDate?: IsoDate;
  /** sending: written before the send; sent: written after; unknown: a run died between the two. */
  state: 'sending' | 'sent' | 'unknown';
  date: IsoDate;
  recipients: string;
  subject: string;
}

/**
 * The send record of an email to the user themselves: the daily summary, or the alert that the
 * store is full. One of each kind a day; kept until the next day so a second run that day sends none.
 */
export interface OwnEmailRecord {
  kind: OwnEmailKind;
  state: 'sending' | 'sent' | 'unknown';
  date: IsoDate;
  recipients: string;
  subject: string;
}
export type OwnEmailKind = 'summary' | 'storeFull' | 'triggerFailure';

/** A cell's text, trimmed ('' for a missing cell). */
function textOf(v: CellValue | undefined): string {
  return v === undefined ? '' : cellText(v).trim();
}

function cellDate(v: CellValue | undefined): IsoDate | null {
  return v !== undefined && typeof v === 'object' ? v.date : null;
}

/** Column index of each expected header in row 1 (found by name; missing headers fall back to position). */
function columnsOf(header: CellValue[] | undefined, expected: readonly string[]): number[] {
  const found = (header ?? []).map((h) => normalizeHeader(h));
  return expected.map((name, i) => {
    const at = found.indexOf(normalizeHeader(name));
    return at >= 0 ? at : i;
  });
}

/** Parses the Follow-up Log sheet (header row included). Rows without an invoice are ignored. */
export function parseLogRows(values: CellValue[][]): LogRecord[] {
  const [date, invoice, , stage, recipients, subject, result, , outcome, promised] = columnsOf(values[0], LOG_HEADERS) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // The Client column only by its name: a log without one leaves `client` out.
  const client = (values[0] ?? []).map((h) => normalizeHeader(h)).indexOf(normalizeHeader('Client'));
  const out: LogRecord[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i] ?? [];
    const key = invoiceKey(row[invoice] ?? '');
    if (key === '') continue;
    const words = textOf(row[result]);
    const code = textOf(row[outcome]);
    const record: LogRecord = {
      date: cellDate(row[date]),
      key,
      stage: textOf(row[stage]),
      outcome: isOutcome(code) ? code : outcomeFromWords(words),
      result: words,
    };
    const to = textOf(row[recipients]);
    if (to !== '') record.recipients = to;
    const about = textOf(row[subject]);
    if (about !== '') record.subject = about;
    const who = client >= 0 ? textOf(row[client]) : '';
    if (who !== '') record.client = who;
    const promisedDate = cellDate(row[promised]);
    if (promisedDate !== null) record.promisedDate = promisedDate;
    out.push(record);
  }
  return out;
}

export function parseDisputeRows(values: CellValue[][]): DisputeRecord[] {
  const [date, invoice, event, note, code] = columnsOf(values[0], DISPUTE_HEADERS) as [number, number, number, number, number];
  const out: DisputeRecord[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i] ?? [];
    const key = invoiceKey(row[invoice] ?? '');
    if (key === '') continue;
    const words = textOf(row[event]);
    const coded = textOf(row[code]);
    const kind = isDisputeKind(coded) ? coded : disputeKindFromWords(words);
    out.push({ date: cellDate(row[date]), key, kind, event: words, note: textOf(row[note]) });
  }
  return out;
}

/** True when row 1 looks like these headers (most of them present, in any order). */
export function hasHeaderRow(cells: CellValue[][], headers: readonly string[]): boolean {
  const first = cells[0];
  if (!first) return false;
  const found = new Set(first.map((c) => normalizeHeader(c)));
  return headers.filter((h) => found.has(normalizeHeader(h))).length * 2 > headers.length;
}

/**
 * The cells of one of the add-on's own sheets with its header as row 1: a header write that failed
 * once would otherwise leave a data row there, read as the header and so forgotten. Reads only;
 * the run that next appends puts the header back in the sheet.
 */
export function withHeaderRow(cells: CellValue[][], headers: readonly string[]): CellValue[][] {
  return hasHeaderRow(cells, headers) ? cells : [[...headers], ...cells];
}

/** One entry per invoice and stage; one "promise missed" entry per invoice (it holds the promised date). */
export function ledgerId(key: string, stage: LedgerStage): string {
  return `${key}\u0000${stage}`;
}
