// The spreadsheet data model behind the fakes: cells as Sheets stores them, plus the conversions
// between that and what Apps Script hands out (getValues / getDisplayValues) or accepts (setValues).
//
// As in Sheets, a date cell is a number (a serial day count in the spreadsheet's wall time) with a
// date format. So a number written into a date-formatted cell reads back as a Date, and changing
// the spreadsheet's time zone keeps the wall time and moves the instant.

import type { CriteriaName } from './enums';
import { DATE_FORMAT, DATE_TIME_FORMAT, GENERAL_FORMAT, isDateTimeFormat, numberFormatter, isTextFormat } from './cellFormat';
import { isDate } from './core';
import {
  calendarDateIn,
  instantFromSerial,
  isoDate,
  parseIsoDate,
  serialFromInstant,
  serialFromWall,
  wallFromSerial,
} from './timezone';
import { MetadataList, type MetadataState } from './metadata';
import { parseUserEntered } from './userEntered';

/** A stored value: '' is an empty cell. */
export type Scalar = string | number | boolean;

export interface ValidationRule {
  criteria: CriteriaName;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface Cell {
  value: Scalar;
  /** A formula ('=SUM(A1:A3)'); `value` is then its computed result, if a test supplied one. */
  formula?: string;
  /** Whether `value` of a formula cell was supplied (the fake cannot evaluate formulas). */
  computed?: boolean;
  numberFormat?: string;
  validation?: ValidationRule;
  fontWeight?: string;
  fontColor?: string;
  background?: string;
  horizontalAlignment?: string;
  wrap?: boolean;
  note?: string;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const MAX_CELL_CHARS = 50_000;
/** What a formula cell reads as when no test supplied its computed value. */
export const UNEVALUATED_FORMULA = '#ERROR!';

const FORMAT_KEYS = [
  'numberFormat',
  'validation',
  'fontWeight',
  'fontColor',
  'background',
  'horizontalAlignment',
  'wrap',
] as const;

function formatOnly(cell: Cell | undefined): Cell | undefined {
  if (!cell) return undefined;
  const copy: Cell = { value: '' };
  let any = false;
  for (const key of FORMAT_KEYS) {
    if (cell[key] !== undefined) {
      Object.assign(copy, { [key]: cell[key] });
      any = true;
    }
  }
  return any ? copy : undefined;
}

export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== '' || cell.formula !== undefined);
}

/** A sheet's settings (everything but its cells and metadata), as saved and restored. */
interface SheetFields {
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  tabColor: string | null;
  deleted: boolean;
  columnWidths: ReadonlyArray<readonly [number, number]>;
  hiddenColumns: readonly number[];
}

/** A deep copy of everything a sheet holds; `SheetModel.restoreState` puts it back into the same object. */
export interface SheetState extends SheetFields {
  readonly rows: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>;
  readonly metadata: MetadataState;
}

/** A copy of stored rows: new row arrays, a new object per cell (holes kept). */
function copyRows(rows: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>): (Cell | undefined)[][] {
  return rows.map((row) => (row ? row.map((cell) => (cell ? { ...cell } : cell)) : row)) as (Cell | undefined)[][];
}

export class SheetModel {
  name: string;
  readonly id: number;
  maxRows: number;
  maxColumns: number;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  deleted = false;
  /** Developer metadata on the sheet and its rows and columns. */
  readonly metadata = new MetadataList();
  /** rows[r-1][c-1]; missing entries are empty, unformatted cells. */
  #rows: (Cell | undefined)[][] = [];

  constructor(name: string, id: number, maxRows = DEFAULT_ROWS, maxColumns = DEFAULT_COLUMNS) {
    this.name = name;
    this.id = id;
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
  }

  #fields(): SheetFields {
    return {
      name: this.name,
      maxRows: this.maxRows,
      maxColumns: this.maxColumns,
      frozenRows: this.frozenRows,
      frozenColumns: this.frozenColumns,
      hidden: this.hidden,
      tabColor: this.tabColor,
      deleted: this.deleted,
      columnWidths: [...this.columnWidths],
      hiddenColumns: [...this.hiddenColumns],
    };
  }

  /** Sets the settings and a copy of `rows` (the source stays untouched). */
  #assign(fields: SheetFields, rows: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>): void {
    this.name = fields.name;
    this.maxRows = fields.maxRows;
    this.maxColumns = fields.maxColumns;
    this.frozenRows = fields.frozenRows;
    this.frozenColumns = fields.frozenColumns;
    this.hidden = fields.hidden;
    this.tabColor = fields.tabColor;
    this.deleted = fields.deleted;
    this.columnWidths.clear();
    for (const [column, width] of fields.columnWidths) this.columnWidths.set(column, width);
    this.hiddenColumns.clear();
    for (const column of fields.hiddenColumns) this.hiddenColumns.add(column);
    this.#rows = copyRows(rows);
  }

  /** A deep copy of the sheet: cells, formats, settings and metadata. */
  saveState(): SheetState {
    return { ...this.#fields(), rows: copyRows(this.#rows), metadata: this.metadata.save() };
  }

  /**
   * Puts a saved state back into this very object (fakes and raw handles keep working), and the
   * metadata into the same entry objects. The state stays untouched: it can be restored again.
   */
  restoreState(state: SheetState): void {
    this.#assign(state, state.rows);
    this.metadata.restore(state.metadata);
  }

  /** A new sheet with a deep copy of this one (same sheet id, metadata with the same ids). */
  clone(): SheetModel {
    const copy = new SheetModel(this.name, this.id, this.maxRows, this.maxColumns);
    copy.#assign(this.#fields(), this.#rows);
    copy.metadata.copyFrom(this.metadata);
    return copy;
  }

  /** The stored cells of a row (missing = empty), for reading a block fast. */
  rowCells(row: number): readonly (Cell | undefined)[] | undefined {
    return this.#rows[row - 1];
  }

  cell(row: number, column: number): Cell | undefined {
    return this.#rows[row - 1]?.[column - 1];
  }

  /** The cell, created empty if needed (for writing). */
  cellForWrite(row: number, column: number): Cell {
    let rowCells = this.#rows[row - 1];
    if (!rowCells) {
      rowCells = [];
      this.#rows[row - 1] = rowCells;
    }
    let cell = rowCells[column - 1];
    if (!cell) {
      cell = { value: '' };
      rowCells[column - 1] = cell;
    }
    return cell;
  }

  setCell(row: number, column: number, cell: Cell | undefined): void {
    let rowCells = this.#rows[row - 1];
    if (!rowCells) {
      if (!cell) return;
      rowCells = [];
      this.#rows[row - 1] = rowCells;
    }
    rowCells[column - 1] = cell;
  }

  lastRow(): number {
    for (let r = Math.min(this.#rows.length, this.maxRows); r >= 1; r--) {
      const rowCells = this.#rows[r - 1];
      if (rowCells?.some((cell) => hasContent(cell))) return r;
    }
    return 0;
  }

  lastColumn(): number {
    let last = 0;
    for (const rowCells of this.#rows) {
      if (!rowCells) continue;
      for (let c = rowCells.length; c > last; c--) {
        if (hasContent(rowCells[c - 1])) {
          last = c;
          break;
        }
      }
    }
    return Math.min(last, this.maxColumns);
  }

  /** Inserts empty rows before `beforeRow`; they take the formats of `formatFrom` (a row number). */
  insertRows(beforeRow: number, count: number, formatFrom?: number): void {
    const template = formatFrom ? this.#rows[formatFrom - 1] : undefined;
    const fresh = Array.from({ length: count }, () => (template ? template.map(formatOnly) : []));
    if (beforeRow - 1 <= this.#rows.length) this.#rows.splice(beforeRow - 1, 0, ...fresh);
    this.maxRows += count;
    this.metadata.remap('ROW', (r) => (r >= beforeRow ? r + count : r));
  }

  deleteRows(startRow: number, count: number): void {
    this.#rows.splice(startRow - 1, count);
    this.maxRows -= count;
    this.metadata.remap('ROW', (r) => (r < startRow ? r : r >= startRow + count ? r - count : 0));
  }

  insertColumns(beforeColumn: number, count: number, formatFrom?: number): void {
    for (const rowCells of this.#rows) {
      if (!rowCells) continue;
      const template = formatFrom ? rowCells[formatFrom - 1] : undefined;
      const fresh = Array.from({ length: count }, () => formatOnly(template));
      if (beforeColumn - 1 <= rowCells.length) rowCells.splice(beforeColumn - 1, 0, ...fresh);
    }
    this.maxColumns += count;
    this.metadata.remap('COLUMN', (c) => (c >= beforeColumn ? c + count : c));
  }

  deleteColumns(startColumn: number, count: number): void {
    for (const rowCells of this.#rows) rowCells?.splice(startColumn - 1, count);
    this.maxColumns -= count;
    this.metadata.remap('COLUMN', (c) => (c < startColumn ? c : c >= startColumn + count ? c - count : 0));
  }

  /**
   * Moves columns `start..start+count-1` so that they sit before the column that was at
   * `destination` (numbered before the move; maxColumns + 1 = to the end), cells and metadata alike.
   */
  moveColumns(start: number, count: number, destination: number): void {
    const order: number[] = [];
    for (let c = 1; c <= this.maxColumns; c++) if (c < start || c >= start + count) order.push(c);
    const block = Array.from({ length: count }, (_, i) => start + i);
    const at = destination > this.maxColumns ? order.length : order.indexOf(destination);
    order.splice(at, 0, ...block);
    const newPosition = new Map(order.map((c, i) => [c, i + 1]));
    for (let r = 0; r < this.#rows.length; r++) {
      const rowCells = this.#rows[r];
      if (rowCells) this.#rows[r] = order.map((c) => rowCells[c - 1]);
    }
    this.metadata.remap('COLUMN', (c) => newPosition.get(c) ?? c);
  }

  /** Reorders whole rows `fromRow..toRow` by a comparator on row cells. */
  sortRows(fromRow: number, toRow: number, compare: (a: (Cell | undefined)[], b: (Cell | undefined)[]) => number): void {
    const slice: (Cell | undefined)[][] = [];
    for (let r = fromRow; r <= toRow; r++) slice.push(this.#rows[r - 1] ?? []);
    slice.sort(compare);
    slice.forEach((rowCells, i) => {
      this.#rows[fromRow - 1 + i] = rowCells;
    });
  }
}

export interface SelectionState {
  sheetId: number;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** A deep copy of everything a spreadsheet holds; `SpreadsheetModel.restoreState` puts it back. */
export interface SpreadsheetState {
  readonly name: string;
  readonly timeZone: string;
  readonly locale: string;
  readonly activeSheetId: number | null;
  readonly selection: SelectionState | null;
  readonly nextSheetId: number;
  readonly nextMetadataId: number;
  readonly metadata: MetadataState;
  /** The sheet objects, in order, each with its saved state. */
  readonly sheets: ReadonlyArray<{ readonly sheet: SheetModel; readonly state: SheetState }>;
}

export class SpreadsheetModel {
  readonly id: string;
  name: string;
  timeZone: string;
  locale: string;
  readonly sheets: SheetModel[] = [];
  activeSheetId: number | null = null;
  selection: SelectionState | null = null;
  /** Developer metadata on the spreadsheet itself. */
  readonly metadata = new MetadataList();
  #nextSheetId = 0;
  #nextMetadataId = 0;

  constructor(init: { id: string; name: string; timeZone: string; locale: string }) {
    this.id = init.id;
    this.name = init.name;
    this.timeZone = init.timeZone;
    this.locale = init.locale;
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  /** A deep copy of the spreadsheet: its sheets (cells, formats, settings, metadata) and its own metadata. */
  saveState(): SpreadsheetState {
    return {
      name: this.name,
      timeZone: this.timeZone,
      locale: this.locale,
      activeSheetId: this.activeSheetId,
      selection: this.selection && { ...this.selection },
      nextSheetId: this.#nextSheetId,
      nextMetadataId: this.#nextMetadataId,
      metadata: this.metadata.save(),
      sheets: this.sheets.map((sheet) => ({ sheet, state: sheet.saveState() })),
    };
  }

  /**
   * Puts a saved state back into this object and its sheet objects: a sheet inserted since is
   * marked deleted (its fakes then throw), a sheet deleted since comes back. The state stays
   * untouched.
   */
  restoreState(state: SpreadsheetState): void {
    const kept = new Set(state.sheets.map(({ sheet }) => sheet));
    for (const sheet of this.sheets) if (!kept.has(sheet)) sheet.deleted = true;
    for (const { sheet, state: sheetState } of state.sheets) sheet.restoreState(sheetState);
    this.sheets.splice(0, this.sheets.length, ...state.sheets.map(({ sheet }) => sheet));
    this.name = state.name;
    this.timeZone = state.timeZone;
    this.locale = state.locale;
    this.activeSheetId = state.activeSheetId;
    this.selection = state.selection && { ...state.selection };
    this.#nextSheetId = state.nextSheetId;
    this.#nextMetadataId = state.nextMetadataId;
    this.metadata.restore(state.metadata);
  }

  /**
   * A new spreadsheet (another id and name) with a deep copy of this one: sheets with their ids,
   * cells, formats and metadata of every visibility, the same time zone and locale. No selection.
   */
  cloneAs(init: { id: string; name: string }): SpreadsheetModel {
    const copy = new SpreadsheetModel({ id: init.id, name: init.name, timeZone: this.timeZone, locale: this.locale });
    copy.sheets.push(...this.sheets.map((sheet) => sheet.clone()));
    copy.metadata.copyFrom(this.metadata);
    copy.activeSheetId = this.activeSheetId;
    copy.#nextSheetId = this.#nextSheetId;
    copy.#nextMetadataId = this.#nextMetadataId;
    return copy;
  }

  addSheet(name: string, index?: number, size?: { rows?: number; columns?: number }): SheetModel {
    // Sheet ids: 0 for the first, then stable pseudo-random looking numbers.
    const id = this.#nextSheetId === 0 ? 0 : 1_000_000_000 + this.#nextSheetId * 7919;
    this.#nextSheetId++;
    const sheet = new SheetModel(name, id, size?.rows, size?.columns);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    return sheet;
  }

  /** Metadata ids are spreadsheet-scoped, positive and stable-looking. */
  nextMetadataId(): number {
    this.#nextMetadataId++;
    return 100_000 + this.#nextMetadataId * 7919;
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  activeSheet(): SheetModel {
    const active = this.activeSheetId === null ? undefined : this.sheetById(this.activeSheetId);
    const first = active ?? this.sheets.find((s) => !s.hidden) ?? this.sheets[0];
    if (!first) throw new Error(`spreadsheet ${this.id} has no sheets`);
    return first;
  }
}

// ---- reading cells ----

export interface CellContext {
  timeZone: string;
  locale: string;
}

/**
 * A cell value as getValues returns it: a date cell becomes `makeDate(instant)` (a Date of the
 * add-on's realm), anything else its stored value.
 */
export function readCell<D>(cell: Cell | undefined, timeZone: string, makeDate: (ms: number) => D): Scalar | D {
  if (!cell) return '';
  if (cell.formula !== undefined && !cell.computed) return UNEVALUATED_FORMULA;
  const { value } = cell;
  if (typeof value === 'number' && cell.numberFormat !== undefined && isDateTimeFormat(cell.numberFormat)) {
    return makeDate(instantFromSerial(value, timeZone));
  }
  return value;
}

export function displayCell(cell: Cell | undefined, ctx: CellContext): string {
  if (!cell) return '';
  if (cell.formula !== undefined && !cell.computed) return UNEVALUATED_FORMULA;
  const { value } = cell;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return numberFormatter(cell.numberFormat, ctx.locale)(value);
  return value;
}

export function numberFormatOf(cell: Cell | undefined): string {
  return cell?.numberFormat ?? GENERAL_FORMAT;
}

/** 'YYYY-MM-DD' of a date cell (its calendar date in the sheet's wall time), else null. */
export function cellCalendarDate(cell: Cell | undefined): string | null {
  if (!cell || typeof cell.value !== 'number' || !isDateTimeFormat(cell.numberFormat)) return null;
  return isoDate(wallFromSerial(cell.value));
}

// ---- writing cells as Apps Script does (the user-entered conversions) ----

export class CellWriteError extends Error {}

function setPlainValue(cell: Cell, value: Scalar): void {
  cell.value = value;
  delete cell.formula;
  delete cell.computed;
}

function setDateSerial(cell: Cell, serial: number, format: string): void {
  setPlainValue(cell, serial);
  // An existing date/time format wins, as in Sheets; otherwise the entry's own format applies.
  if (!isDateTimeFormat(cell.numberFormat)) cell.numberFormat = format;
}

/** Writes one value the way Range.setValues does. Throws CellWriteError with Apps Script's message. */
export function writeUserValue(cell: Cell, value: unknown, ctx: CellContext): void {
  if (value === null || value === undefined || value === '') {
    setPlainValue(cell, '');
    return;
  }
  if (isDate(value)) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new CellWriteError('Invalid Date value.');
    const serial = serialFromInstant(ms, ctx.timeZone);
    setDateSerial(cell, serial, Number.isInteger(serial) ? DATE_FORMAT : DATE_TIME_FORMAT);
    return;
  }
  if (typeof value === 'boolean') {
    setPlainValue(cell, value);
    return;
  }
  if (typeof value === 'number') {
    setPlainValue(cell, value);
    return;
  }
  const text = String(value);
  if (text.length > MAX_CELL_CHARS) {
    throw new CellWriteError(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
  }
  if (isTextFormat(cell.numberFormat)) {
    setPlainValue(cell, text);
    return;
  }
  if (text.startsWith('=') && text.length > 1) {
    setPlainValue(cell, '');
    cell.formula = text;
    return;
  }
  if (text.startsWith("'")) {
    setPlainValue(cell, text.slice(1));
    return;
  }
  const entry = parseUserEntered(text, ctx.locale);
  switch (entry.kind) {
    case 'text':
      setPlainValue(cell, entry.text);
      break;
    case 'boolean':
      setPlainValue(cell, entry.value);
      break;
    case 'number':
      setPlainValue(cell, entry.value);
      if (entry.format && !cell.numberFormat) cell.numberFormat = entry.format;
      break;
    case 'date':
      setDateSerial(cell, entry.serial, entry.format);
      break;
  }
}

// ---- raw cells, for tests and the CSV loader ----

/**
 * A cell as a test puts it, without Sheets' conversions: strings stay strings ('=x' is text),
 * `{ date: 'YYYY-MM-DD' }` is a date cell, `{ dateTime: 'YYYY-MM-DDTHH:mm:ss' }` a date-time cell
 * (wall time in the sheet's zone), a Date is that instant, `{ formula, value? }` a formula cell
 * with an optional computed value.
 */
export type RawCell =
  | string
  | number
  | boolean
  | null
  | Date
  | { date: string }
  | { dateTime: string }
  | { formula: string; value?: string | number | boolean };

/** A stored cell as a raw dump shows it. */
export type RawDump = string | number | boolean | { date: string } | { dateTime: string } | { formula: string; value?: Scalar };

export function writeRawValue(cell: Cell, raw: RawCell, ctx: CellContext): void {
  if (raw === null || raw === '') {
    setPlainValue(cell, '');
    return;
  }
  if (isDate(raw)) {
    const serial = serialFromInstant(raw.getTime(), ctx.timeZone);
    setDateSerial(cell, serial, Number.isInteger(serial) ? DATE_FORMAT : DATE_TIME_FORMAT);
    return;
  }
  if (typeof raw !== 'object') {
    setPlainValue(cell, raw);
    return;
  }
  if ('formula' in raw) {
    setPlainValue(cell, raw.value ?? '');
    cell.formula = raw.formula;
    cell.computed = raw.value !== undefined;
    return;
  }
  if ('date' in raw) {
    const parsed = parseIsoDate(raw.date);
    if (!parsed) throw new Error(`raw cell: not a real date 'YYYY-MM-DD': ${raw.date}`);
    setDateSerial(cell, serialFromWall(parsed), DATE_FORMAT);
    return;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(raw.dateTime);
  if (!m) throw new Error(`raw cell: expected 'YYYY-MM-DDTHH:mm(:ss)', got ${raw.dateTime}`);
  const [year, month, day, hour, minute, second] = m.slice(1).map((x) => Number(x ?? '0'));
  setDateSerial(
    cell,
    serialFromWall({ year: year ?? 0, month: month ?? 1, day: day ?? 1, hour, minute, second }),
    DATE_TIME_FORMAT,
  );
}

export function dumpCell(cell: Cell | undefined): RawDump {
  if (!cell) return '';
  if (cell.formula !== undefined) return cell.computed ? { formula: cell.formula, value: cell.value } : { formula: cell.formula };
  const { value } = cell;
  if (typeof value === 'number' && isDateTimeFormat(cell.numberFormat)) {
    const w = wallFromSerial(value);
    const date = isoDate(w);
    if (w.hour === 0 && w.minute === 0 && w.second === 0 && w.millisecond === 0) return { date };
    const time = [w.hour, w.minute, w.second].map((n) => String(n).padStart(2, '0')).join(':');
    return { dateTime: `${date}T${time}` };
  }
  return value;
}

/** Calendar date of an instant in the sheet's zone (re-exported for helpers). */
export { calendarDateIn };
