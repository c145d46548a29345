// Step 4 of a run: the status columns, written in blocks into the add-on's own columns only,
// each row found again where it stands now. Nothing is written when nothing would change.
import { FIELD_HEADERS, mapHeaders, type HeaderMap } from '../domain/headers';
import { statusCells, type StatusCells } from '../domain/plan';
import { locateRows, rowFingerprint, type RowIdentity } from '../domain/relocate';
import { emptyHistory, evaluateInvoice, type InvoiceHistory } from '../domain/stages';
import { STATUS_FIELDS, type CellValue, type StatusField } from '../domain/types';
import type { RunPlan } from './planRun';
import type { OutCell, Ports, SheetPort } from './ports';
import type { Snapshot } from './snapshot';

export interface StatusInput {
  snapshot: Snapshot;
  run: RunPlan;
  /** Each invoice's history after the run. */
  histories: Map<string, InvoiceHistory>;
  /** The sheet may have changed since the snapshot (emails went out meanwhile): read it again first. */
  reread: boolean;
}

export interface Written {
  /** Status blocks written (0 when every status cell already said the same). */
  blocks: number;
}

/**
 * Finds each planned row where it stands now and writes the status columns in blocks. The sheet is
 * read again right after: if a user moved rows in the moment between that read and the write,
 * values may have landed on the wrong rows, so the write is done again from the sheet as it is
 * then, with rows that cannot be identified cleared (they get their status on the next run).
 */
export function writeStatuses(input: StatusInput, ports: Ports): Written {
  const sheet = ports.spreadsheet.find(input.snapshot.sheetName);
  if (!sheet) return { blocks: 0 };
  const cells = statusCellsByRow(input);
  let current = input.reread ? sheet.readCells() : input.snapshot.grid;
  let header = input.reread ? mapHeaders(current[0] ?? []) : input.snapshot.header;
  if (!input.reread && header.missingStatus.length === 0 && unchanged(input, cells)) return { blocks: 0 };
  if (header.missingStatus.length > 0) header = addStatusColumns(sheet, current[0] ?? [], header);
  const identities = identitiesOf(input);
  let blocks = 0;
  for (let pass = 0; pass < 3; pass++) {
    if (current.length <= 1) break;
    blocks += writeStatusBlocks(sheet, header, current.slice(1), identities, cells, pass === 0 ? 'keep' : 'clear');
    const after = sheet.readCells();
    const headerAfter = mapHeaders(after[0] ?? []);
    if (sameRows(current, after, header, headerAfter)) break;
    current = after;
    header = headerAfter;
    if (header.missingStatus.length > 0) break; // status columns deleted meanwhile: next run
  }
  return { blocks };
}

/** The status cells of every planned row, in plan order. */
function statusCellsByRow({ snapshot, run, histories }: StatusInput): StatusCells[] {
  const { ctx, config } = snapshot;
  return run.plan.rows.map((row) => {
    const invoice = row.key ? run.invoices.get(row.key) : undefined;
    const history = row.key ? histories.get(row.key) : undefined;
    // Only rows whose history changed during this run (a send, a skip) need evaluating again.
    const changed = row.key !== null && history !== run.histories.get(row.key);
    const evaluation =
      invoice && row.error === null && changed
        ? evaluateInvoice(invoice, history ?? emptyHistory(), config.settings, ctx.today)
        : row.evaluation;
    return statusCells(row, evaluation, history);
  });
}

/** True when every planned row's status cells in the snapshot already hold these values. */
function unchanged({ snapshot, run }: StatusInput, cells: StatusCells[]): boolean {
  const columns = snapshot.header.columns;
  return run.plan.rows.every((row, i) => {
    const now = snapshot.grid[row.row - 1];
    const next = cells[i];
    if (!now || !next) return false;
    return STATUS_FIELDS.every((field) => sameCell(now[columns[field] as number], statusValue(next, field)));
  });
}

function sameCell(now: CellValue | undefined, next: OutCell): boolean {
  if (now === undefined || now === '') return next === '';
  if (typeof now === 'object') return typeof next === 'object' && 'date' in next && next.date === now.date;
  return now === next;
}

function identitiesOf({ snapshot, run }: StatusInput): RowIdentity[] {
  const columns = snapshot.header.columns;
  return run.plan.rows.map((row) => ({ key: row.key, fingerprint: rowFingerprint(snapshot.grid[row.row - 1] ?? [], columns) }));
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

/** Writes the status columns of `dataRows` (rows not planned keep their cells, or are cleared); returns the blocks written. */
function writeStatusBlocks(
  sheet: SheetPort,
  header: HeaderMap,
  dataRows: CellValue[][],
  identities: RowIdentity[],
  cells: StatusCells[],
  others: 'keep' | 'clear',
): number {
  const targets = locateRows(identities, dataRows, header.columns);
  const columns = STATUS_FIELDS.map((field) => ({ field, index: header.columns[field] as number }));
  const block = new Map<StatusField, OutCell[]>();
  for (const { field, index } of columns)
    block.set(field, others === 'keep' ? dataRows.map((row) => row[index] ?? '') : dataRows.map(() => ''));
  targets.forEach((at, i) => {
    const rowCells = cells[i];
    if (at === null || at === undefined || !rowCells) return;
    for (const { field } of columns) block.get(field)![at - 2] = statusValue(rowCells, field);
  });
  // One setValues per run of adjacent status columns (one in all when the add-on placed them).
  const sorted = [...columns].sort((a, b) => a.index - b.index);
  let start = 0;
  let blocks = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i]!.index === sorted[i - 1]!.index + 1) continue;
    const group = sorted.slice(start, i);
    sheet.writeCells(
      2,
      group[0]!.index + 1,
      dataRows.map((_, r) => group.map(({ field }) => block.get(field)![r]!)),
    );
    blocks++;
    start = i;
  }
  return blocks;
}

function statusValue(cells: StatusCells, field: StatusField): OutCell {
  const v = cells[field];
  if ((field === 'lastFollowUp' || field === 'nextFollowUp') && v !== '') return { date: String(v) };
  return v;
}

/** Appends the missing status headers after the last column (see README "The invoice sheet") and formats them. */
function addStatusColumns(sheet: SheetPort, headerRow: CellValue[], header: HeaderMap): HeaderMap {
  const first = sheet.lastColumn() + 1;
  const titles = header.missingStatus.map((f) => FIELD_HEADERS[f].title);
  sheet.writeCells(1, first, [titles]);
  header.missingStatus.forEach((field, i) => {
    if (field === 'lastFollowUp' || field === 'nextFollowUp') sheet.formatColumn(first + i, 'date');
  });
  const padded: CellValue[] = [...headerRow];
  while (padded.length < first - 1) padded.push('');
  return mapHeaders([...padded, ...titles]);
}
