// Step 5 of a run: the Follow-up Log rows, appended in one write. The Outcome column holds the
// code the add-on decides on; the Result column says the same in words.
import { hasHeaderRow, LOG_HEADERS, LOG_SHEET, type LogLine } from '../domain/records';
import type { OutCell, Ports, SheetPort } from './ports';

/** A log row's cells, in the order of LOG_HEADERS. */
function logCells(line: LogLine, now: number): OutCell[] {
  return [
    line.date ? { date: line.date } : { at: now },
    line.invoice,
    line.client,
    line.stage,
    line.recipients,
    line.subject,
    line.result,
    line.threadId,
    line.outcome,
    line.promisedDate ? { date: line.promisedDate } : '',
  ];
}

/** Appends log rows in one write, creating the Follow-up Log the first time and mending its header row. */
export function appendLog(lines: LogLine[], ports: Ports): void {
  if (lines.length === 0) return;
  const now = ports.now();
  appendOwnRows(
    LOG_SHEET,
    LOG_HEADERS,
    lines.map((l) => logCells(l, now)),
    ports,
  );
}

/** Appends rows to one of the add-on's own sheets in one write (created, and its header mended, when needed). */
export function appendOwnRows(name: string, headers: readonly string[], rows: OutCell[][], ports: Ports): void {
  const sheet = ports.spreadsheet.ensure(name, headers);
  const at = mendHeader(sheet, headers, ports) + 1;
  sheet.writeCells(at, 1, rows);
}

/**
 * Puts back a lost header row, and adds the headers of columns added since the sheet was written
 * (the log's Outcome and Promised Date, the Dispute Notes' Event Code). Returns the last row with
 * content afterwards.
 */
function mendHeader(sheet: SheetPort, headers: readonly string[], ports: Ports): number {
  const last = sheet.lastRow();
  const first = last > 0 ? sheet.readRow(1) : [];
  if (!hasHeaderRow([first], headers)) {
    ports.spreadsheet.insertHeaderRow(sheet, headers);
    return last + 1;
  }
  // Headers added since the sheet was made (the log's Outcome and Promised Date…) go after the last one it has.
  let from = headers.length;
  while (from > 0 && (first[from - 1] ?? '') === '') from--;
  if (from < headers.length) sheet.writeCells(1, from + 1, [headers.slice(from)]);
  return last;
}

/** A run that did nothing says why in the log, even while another run holds the lock. */
export function noteStoppedRun(ports: Ports, why: string): void {
  try {
    const sheet = ports.spreadsheet.ensure(LOG_SHEET, LOG_HEADERS);
    const line: LogLine = {
      invoice: '',
      client: '',
      stage: '',
      recipients: '',
      subject: '',
      outcome: 'stopped',
      result: `skipped: ${why}`,
      threadId: '',
    };
    ports.spreadsheet.appendRowAtomic(sheet, logCells(line, ports.now()));
  } catch {
    // The run outcome (last run in the store) still records it.
  }
}
