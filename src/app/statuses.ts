// Step 4 of a run: the status columns, written in blocks into the add-on's own columns only (those
// marked as its own, see docs/own-sheet.md), each row found again where it stands now. A column of
// the user's is never written, whatever its name. Nothing is written when nothing would change.
import { statusColumnTitle, type HeaderMap } from '../domain/headers';
import { nextSendingDay } from '../domain/holidays';
import { statusCells, type StatusCells } from '../domain/plan';
import { locateRows, rowFingerprint, sameInputCells, type RowIdentity } from '../domain/relocate';
import { emptyHistory, evaluateInvoice, type InvoiceHistory } from '../domain/stages';
import { STATUS_FIELDS, type CellValue, type StatusField } from '../domain/types';
import type { RunPlan } from './planRun';
import { readHeader, type SheetHeader } from './columns';
import type { OutCell, Ports, SheetGrids, SheetPort } from './ports';
import { rememberOwnedColumns } from './ownedColumns';
import type { Snapshot } from './snapshot';

export interface StatusInput {
  snapshot: Snapshot;
  run: RunPlan;
  /** Each invoice's history after the run. */
  histories: Map<string, InvoiceHistory>;
  /** The sheet may have changed since the snapshot (emails went out meanwhile): read it again first. */
  reread: boolean;
}

/** The sheet's cells and formulas ('' for none), parallel. */
type Grid = Pick<SheetGrids, 'cells' | 'formulas'>;

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
  const { snapshot } = input;
  const sheet = ports.spreadsheet.find(snapshot.sheetName);
  if (!sheet) return { blocks: 0 };
  const cells = statusCellsByRow(input);
  adoptLegacyColumns(sheet, snapshot);
  if (!input.reread && snapshot.header.missingStatus.length === 0 && unchanged(input, cells)) {
    if (!snapshot.ownedRemembered) remember(ports, snapshot, { cells: snapshot.grid }, snapshot.headerRow, snapshot.header);
    return { blocks: 0 };
  }
  let current: Grid = input.reread ? sheet.readCellsAndFormulas() : { cells: snapshot.grid, formulas: snapshot.formulas };
  // Columns the snapshot took from where they stood last time are found by their marks before a write.
  const read =
    input.reread || snapshot.ownedRemembered
      ? headerNow(sheet, current, snapshot)
      : { index: snapshot.headerRow, map: snapshot.header, adopt: {} };
  if (read === null) return { blocks: 0 };
  let header: SheetHeader = read;
  if (header.map.missingStatus.length > 0) header = addStatusColumns(sheet, current.cells, header);
  const identities = identitiesOf(input);
  let blocks = 0;
  let seen: { cells: CellValue[][]; header: SheetHeader } | null = null;
  for (let pass = 0; pass < 3; pass++) {
    if (current.cells.length <= header.index + 1) break;
    blocks += writeStatusBlocks(sheet, header, current, identities, cells, pass === 0 ? 'keep' : 'clear');
    const after = sheet.readCells();
    // The marks are looked up again only when the header row changed (columns moved meanwhile).
    const changedHeader = !sameHeaderRow(current.cells, after, header.index);
    const headerAfter = changedHeader ? headerNow(sheet, { cells: after, formulas: [] }, snapshot) : header;
    seen = headerAfter && { cells: after, header: headerAfter };
    if (headerAfter === null || sameRows(current.cells, after, header, headerAfter)) break;
    // Rows moved meanwhile: read them again, with their formulas, for the next pass.
    current = sheet.readCellsAndFormulas();
    header = headerAfter;
    if (header.map.missingStatus.length > 0) break; // status columns deleted meanwhile: next run
  }
  if (seen) remember(ports, snapshot, { cells: seen.cells }, seen.header.index, seen.header.map);
  return { blocks };
}

/** Where the status columns stand now, found by their marks (or just added), for the next run's read. */
function remember(ports: Ports, snapshot: Snapshot, grid: Pick<Grid, 'cells'>, index: number, map: HeaderMap): void {
  if (Object.keys(snapshot.adopt).length > 0) return;
  rememberOwnedColumns(ports.store, { sheet: snapshot.sheetName, row: index, grid: grid.cells }, map.columns);
}

/** The header row of the sheet as it is now (the add-on's columns found by their marks), or null. */
function headerNow(sheet: SheetPort, grid: Grid, snapshot: Snapshot): SheetHeader | null {
  const reading = readHeader(
    grid.cells,
    sheet.ownedColumns(),
    snapshot.mapping,
    snapshot.sheetName,
    grid.formulas,
    snapshot.notPayment,
  );
  return reading.ok ? reading.header : null;
}

function sameHeaderRow(before: CellValue[][], after: CellValue[][], index: number): boolean {
  const [was, now] = [before[index] ?? [], after[index] ?? []];
  return was.length === now.length && was.every((cell, i) => sameCell(cell, now[i] as OutCell));
}

/** A sheet made before the add-on marked its columns: its status columns become the add-on's, once. */
function adoptLegacyColumns(sheet: SheetPort, snapshot: Snapshot): void {
  for (const [field, index] of Object.entries(snapshot.adopt)) sheet.markOwned(index + 1, field as StatusField);
}

/** The status cells of every planned row, in plan order. */
function statusCellsByRow({ snapshot, run, histories }: StatusInput): StatusCells[] {
  const { ctx, config } = snapshot;
  // An invoice waiting for its client's next email (docs/escalation.md "One email per client").
  const waitsUntil = new Map(run.waiting.map((w) => [w.email.key, nextSendingDay(w.until, config.settings)]));
  return run.plan.rows.map((row) => {
    const invoice = row.key ? run.invoices.get(row.key) : undefined;
    const history = row.key ? histories.get(row.key) : undefined;
    // Only rows whose history changed during this run (a send, a skip) need evaluating again.
    const changed = row.key !== null && history !== run.histories.get(row.key);
    const evaluation =
      invoice && row.error === null && changed
        ? evaluateInvoice(invoice, history ?? emptyHistory(), config.settings, ctx.today)
        : row.evaluation;
    const cells = statusCells(row, evaluation, history);
    const until = row.key ? waitsUntil.get(row.key) : undefined;
    return until !== undefined && !changed && (cells.nextFollowUp === '' || cells.nextFollowUp < until)
      ? { ...cells, nextFollowUp: until }
      : cells;
  });
}

/** True when every planned row's status cells in the snapshot already hold these values. */
function unchanged({ snapshot, run }: StatusInput, cells: StatusCells[]): boolean {
  const columns = snapshot.header.columns;
  return run.plan.rows.every((row, i) => {
    const now = snapshot.grid[row.row - 1];
    const next = cells[i];
    if (!now || !next) return false;
    return STATUS_FIELDS.every((field) => sameStatus(now[columns[field] as number], next, field));
  });
}

/** `sameCell` against a status value, without making a date cell only to compare it. */
function sameStatus(now: CellValue | undefined, cells: StatusCells, field: StatusField): boolean {
  const v = cells[field];
  if (now === undefined || now === '') return v === '';
  const isDate = (field === 'lastFollowUp' || field === 'nextFollowUp') && v !== '';
  if (typeof now === 'object') return isDate && now.date === String(v);
  return !isDate && now === v;
}

function sameCell(now: CellValue | undefined, next: OutCell): boolean {
  if (now === undefined || now === '') return next === '';
  if (typeof now === 'object') return typeof next === 'object' && 'date' in next && next.date === now.date;
  return now === next;
}

function identitiesOf({ snapshot, run }: StatusInput): RowIdentity[] {
  const columns = snapshot.header.columns;
  return run.plan.rows.map((row) => ({
    key: row.key,
    fingerprint: () => rowFingerprint(snapshot.grid[row.row - 1] ?? [], columns),
  }));
}

/** Rows stand where they stood: same input cells in the same order, status columns in place. */
function sameRows(before: CellValue[][], after: CellValue[][], headerBefore: SheetHeader, headerAfter: SheetHeader): boolean {
  if (before.length !== after.length || headerBefore.index !== headerAfter.index) return false;
  const [was, now] = [headerBefore.map.columns, headerAfter.map.columns];
  if (STATUS_FIELDS.some((f) => was[f] !== now[f])) return false;
  for (let i = headerBefore.index + 1; i < before.length; i++) {
    if (!sameInputCells(before[i] ?? [], was, after[i] ?? [], now)) return false;
  }
  return true;
}

/** Writes the status columns of `dataRows` (rows not planned keep their cells, or are cleared); returns the blocks written. */
function writeStatusBlocks(
  sheet: SheetPort,
  header: SheetHeader,
  grid: Grid,
  identities: RowIdentity[],
  cells: StatusCells[],
  others: 'keep' | 'clear',
): number {
  const dataRows = grid.cells.slice(header.index + 1);
  const firstRow = header.index + 2;
  const targets = locateRows(identities, dataRows, header.map.columns, firstRow);
  const columns = STATUS_FIELDS.map((field) => ({ field, index: header.map.columns[field] as number }));
  const block = new Map<StatusField, OutCell[]>();
  for (const { field, index } of columns)
    block.set(field, others === 'keep' ? dataRows.map((row) => row[index] ?? '') : dataRows.map(() => ''));
  targets.forEach((at, i) => {
    const rowCells = cells[i];
    if (at === null || at === undefined || !rowCells) return;
    for (const { field } of columns) block.get(field)![at - firstRow] = statusValue(rowCells, field);
  });
  // One setValues per run of adjacent status columns (one in all when the add-on placed them).
  const sorted = [...columns].sort((a, b) => a.index - b.index);
  const formulas = grid.formulas.slice(header.index + 1);
  let start = 0;
  let blocks = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i < sorted.length && sorted[i]!.index === sorted[i - 1]!.index + 1) continue;
    const group = sorted.slice(start, i);
    const values = dataRows.map((_, r) => group.map(({ field }) => block.get(field)![r]!));
    blocks += writeAroundFormulas(sheet, firstRow, group[0]!.index, values, formulas);
    start = i;
  }
  return blocks;
}

/**
 * Writes a block of status columns from `firstRow`, in one call unless a cell in it holds a
 * formula (typed there by the user): those rows are left as they are and the block is split.
 */
function writeAroundFormulas(
  sheet: SheetPort,
  firstRow: number,
  column: number,
  values: OutCell[][],
  formulas: string[][],
): number {
  const width = values[0]?.length ?? 0;
  const hasFormula = (r: number): boolean => {
    const row = formulas[r];
    for (let j = 0; row && j < width; j++) if ((row[column + j] ?? '') !== '') return true;
    return false;
  };
  let blocks = 0;
  let from = 0;
  for (let r = 0; r <= values.length; r++) {
    if (r < values.length && !hasFormula(r)) continue;
    if (r > from) {
      sheet.writeCells(firstRow + from, column + 1, values.slice(from, r));
      blocks++;
    }
    from = r + 1;
  }
  return blocks;
}

function statusValue(cells: StatusCells, field: StatusField): OutCell {
  const v = cells[field];
  if ((field === 'lastFollowUp' || field === 'nextFollowUp') && v !== '') return { date: String(v) };
  return v;
}

/**
 * Appends the missing status columns after the last column (see README "The invoice sheet"), each
 * marked as the add-on's own; a title a column of the user's already uses gets a distinct one.
 */
function addStatusColumns(sheet: SheetPort, grid: CellValue[][], header: SheetHeader): SheetHeader {
  const first = sheet.lastColumn() + 1;
  const titles: string[] = [];
  const existing = [...(grid[header.index] ?? [])];
  for (const field of header.map.missingStatus) titles.push(statusColumnTitle(field, [...existing, ...titles]));
  sheet.writeCells(header.index + 1, first, [titles]);
  const columns: HeaderMap['columns'] = { ...header.map.columns };
  header.map.missingStatus.forEach((field, i) => {
    sheet.markOwned(first + i, field);
    if (field === 'lastFollowUp' || field === 'nextFollowUp') sheet.formatColumn(first + i, 'date');
    columns[field] = first - 1 + i;
  });
  return { ...header, map: { ...header.map, columns, missingStatus: [] } };
}
