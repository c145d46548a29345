// The add-on's own sheets (Follow-up Log, Dispute Notes) and the send ledger, as plain records.
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
] as const;

export const DISPUTE_SHEET = 'Dispute Notes';
export const DISPUTE_HEADERS = ['Timestamp', 'Invoice', 'Event', 'Note'] as const;
export const DISPUTE_EVENTS = { open: 'Dispute opened', note: 'Note', resolve: 'Dispute resolved' } as const;

/** A row the run appends to the log; the adapter adds the timestamp. */
export interface LogLine {
  invoice: string;
  client: string;
  stage: StageId | '';
  recipients: string;
  subject: string;
  result: string;
  threadId: string;
  /** When the action happened, if not now (a send recorded after the run that made it). */
  date?: IsoDate;
}

/** What the run needs back from a log row. */
export interface LogRecord {
  date: IsoDate | null;
  key: string;
  stage: string;
  result: string;
  recipients?: string;
}

export interface DisputeRecord {
  date: IsoDate | null;
  key: string;
  event: string;
  note: string;
}

/** A send recorded in document properties before and after it happens (at-most-once). */
export interface LedgerEntry {
  key: string;
  invoice: string;
  client: string;
  stage: EmailStageId;
  /** sending: written before the send; sent: written after; unknown: a run died between the two. */
  state: 'sending' | 'sent' | 'unknown';
  date: IsoDate;
  recipients: string;
  subject: string;
}

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
  const [date, invoice, , stage, recipients, , result] = columnsOf(values[0], LOG_HEADERS) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const out: LogRecord[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i] ?? [];
    const key = invoiceKey(row[invoice] ?? '');
    if (key === '') continue;
    const record: LogRecord = { date: cellDate(row[date]), key, stage: textOf(row[stage]), result: textOf(row[result]) };
    const to = textOf(row[recipients]);
    if (to !== '') record.recipients = to;
    out.push(record);
  }
  return out;
}

export function parseDisputeRows(values: CellValue[][]): DisputeRecord[] {
  const [date, invoice, event, note] = columnsOf(values[0], DISPUTE_HEADERS) as [number, number, number, number];
  const out: DisputeRecord[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i] ?? [];
    const key = invoiceKey(row[invoice] ?? '');
    if (key === '') continue;
    out.push({ date: cellDate(row[date]), key, event: textOf(row[event]), note: textOf(row[note]) });
  }
  return out;
}

export function ledgerId(key: string, stage: EmailStageId): string {
  return `${key}\u0000${stage}`;
}
