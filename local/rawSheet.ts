// Test-side access to a spreadsheet and its sheets: put and read cells as stored (no conversions,
// no call counted), and simulate a user (or another tool) editing the sheet (sorting, inserting,
// deleting rows, adding metadata) while a run is under way. Such an edit is the user's, not the
// run's: it is durable at once (a later kill of the run does not undo it, see execution.ts).

import { toCsv } from './csv';
import { isDateTimeFormat, hasTimePart } from './cellFormat';
import {
  type Cell,
  type RawCell,
  type RawDump,
  type SheetModel,
  type SpreadsheetModel,
  cellCalendarDate,
  displayCell,
  dumpCell,
  hasContent,
  numberFormatOf,
  writeRawValue,
} from './sheetModel';
import { isValidTimeZone, isoDate, wallFromSerial } from './timezone';
import { METADATA_CHAR_LIMIT, type MetadataEntry } from './metadata';

/** Told after each test-side edit (the runtime makes it durable); a no-op when nobody listens. */
type Edited = () => void;
const NOBODY: Edited = () => undefined;

export class RawSheet {
  readonly #spreadsheet: SpreadsheetModel;
  readonly #sheet: SheetModel;
  readonly #edited: Edited;

  constructor(spreadsheet: SpreadsheetModel, sheet: SheetModel, edited: Edited = NOBODY) {
    this.#spreadsheet = spreadsheet;
    this.#sheet = sheet;
    this.#edited = edited;
  }

  /** Runs a test-side edit and reports it once. */
  #edit(work: () => void): this {
    work();
    this.#edited();
    return this;
  }

  get name(): string {
    return this.#sheet.name;
  }
  get sheetId(): number {
    return this.#sheet.id;
  }
  get maxRows(): number {
    return this.#sheet.maxRows;
  }
  get maxColumns(): number {
    return this.#sheet.maxColumns;
  }
  get frozenRows(): number {
    return this.#sheet.frozenRows;
  }
  get hidden(): boolean {
    return this.#sheet.hidden;
  }
  lastRow(): number {
    return this.#sheet.lastRow();
  }
  lastColumn(): number {
    return this.#sheet.lastColumn();
  }

  #ctx(): { timeZone: string; locale: string } {
    return { timeZone: this.#spreadsheet.timeZone, locale: this.#spreadsheet.locale };
  }
  /** Grows the grid so that (row, column) exists (a test may load more than 1000 rows). */
  #ensure(row: number, column: number): void {
    if (row < 1 || column < 1) throw new Error(`raw sheet: row and column are 1-based, got (${row}, ${column})`);
    const sheet = this.#sheet;
    if (row > sheet.maxRows) sheet.insertRows(sheet.maxRows + 1, row - sheet.maxRows);
    if (column > sheet.maxColumns) sheet.insertColumns(sheet.maxColumns + 1, column - sheet.maxColumns);
  }

  #put(row: number, column: number, value: RawCell): void {
    this.#ensure(row, column);
    writeRawValue(this.#sheet.cellForWrite(row, column), value, this.#ctx());
  }

  /** Puts one cell exactly as given (strings are never converted; see RawCell). */
  setRaw(row: number, column: number, value: RawCell): this {
    return this.#edit(() => this.#put(row, column, value));
  }

  /** Puts a block of raw cells, top-left at (startRow, startColumn). */
  loadRows(values: readonly (readonly RawCell[])[], options: { startRow?: number; startColumn?: number } = {}): this {
    const startRow = options.startRow ?? 1;
    const startColumn = options.startColumn ?? 1;
    return this.#edit(() =>
      values.forEach((row, i) => row.forEach((value, j) => this.#put(startRow + i, startColumn + j, value))),
    );
  }

  /** Sets a cell's number format without touching its value (e.g. to make a number a date cell). */
  setNumberFormat(row: number, column: number, format: string): this {
    return this.#edit(() => {
      this.#ensure(row, column);
      this.#sheet.cellForWrite(row, column).numberFormat = format;
    });
  }

  #cell(row: number, column: number): Cell | undefined {
    return this.#sheet.cell(row, column);
  }

  /** The stored cells up to the last row/column with content. */
  rows(): RawDump[][] {
    const lastRow = this.lastRow();
    const lastColumn = this.lastColumn();
    const out: RawDump[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const row: RawDump[] = [];
      for (let c = 1; c <= lastColumn; c++) row.push(dumpCell(this.#cell(r, c)));
      out.push(row);
    }
    return out;
  }

  /** One stored cell (see RawDump). */
  valueAt(row: number, column: number): RawDump {
    return dumpCell(this.#cell(row, column));
  }

  /** What the user sees, up to the last row/column with content. */
  displayRows(): string[][] {
    const ctx = this.#ctx();
    return this.#block((cell) => displayCell(cell, ctx));
  }

  /** Display values, but date cells as 'yyyy-MM-dd' (or 'yyyy-MM-dd HH:mm:ss' with a time), for CSV. */
  csvRows(): string[][] {
    const ctx = this.#ctx();
    return this.#block((cell) => {
      if (cell && typeof cell.value === 'number' && cell.formula === undefined && isDateTimeFormat(cell.numberFormat)) {
        const w = wallFromSerial(cell.value);
        const date = isoDate(w);
        if (!hasTimePart(cell.numberFormat ?? '')) return date;
        return `${date} ${[w.hour, w.minute, w.second].map((n) => String(n).padStart(2, '0')).join(':')}`;
      }
      return displayCell(cell, ctx);
    });
  }

  toCsv(): string {
    return toCsv(this.csvRows());
  }

  #block<T>(read: (cell: Cell | undefined) => T): T[][] {
    const lastRow = this.lastRow();
    const lastColumn = this.lastColumn();
    const out: T[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const row: T[] = [];
      for (let c = 1; c <= lastColumn; c++) row.push(read(this.#cell(r, c)));
      out.push(row);
    }
    return out;
  }

  formulaAt(row: number, column: number): string | null {
    return this.#cell(row, column)?.formula ?? null;
  }
  /** 'YYYY-MM-DD' of a date cell in the sheet's zone, or null when the cell is not a date. */
  cellDate(row: number, column: number): string | null {
    return cellCalendarDate(this.#cell(row, column));
  }
  numberFormatAt(row: number, column: number): string {
    return numberFormatOf(this.#cell(row, column));
  }
  isCheckbox(row: number, column: number): boolean {
    return this.#cell(row, column)?.validation?.criteria === 'CHECKBOX';
  }

  // ---- a user editing the sheet mid-run ----

  /** Sorts the data rows (below `headerRows`, default the frozen rows or 1) by a column. */
  sortBy(column: number, options: { ascending?: boolean; headerRows?: number } = {}): this {
    const ascending = options.ascending !== false;
    const first = (options.headerRows ?? (this.#sheet.frozenRows || 1)) + 1;
    const last = this.lastRow();
    if (last <= first) return this;
    return this.#edit(() => this.#sort(column, first, last, ascending));
  }

  #sort(column: number, first: number, last: number, ascending: boolean): void {
    const key = (row: (Cell | undefined)[]): [number, number | string | boolean] => {
      const cell = row[column - 1];
      if (!hasContent(cell)) return [3, ''];
      const v = cell?.value ?? '';
      return [typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2, typeof v === 'string' ? v.toLowerCase() : v];
    };
    this.#sheet.sortRows(first, last, (a, b) => {
      const [ra, va] = key(a);
      const [rb, vb] = key(b);
      if (ra === 3 || rb === 3) return ra - rb; // blanks last either way
      const result = ra !== rb ? ra - rb : va < vb ? -1 : va > vb ? 1 : 0;
      return ascending ? result : -result;
    });
  }

  /** Inserts a row before `row` (pushing the rest down), optionally filled with raw values. */
  insertRowAt(row: number, values: readonly RawCell[] = []): this {
    return this.#edit(() => {
      this.#sheet.insertRows(row, 1);
      values.forEach((value, j) => this.#put(row, j + 1, value));
    });
  }

  /** Moves `count` columns from `start` to stand before the column at `destination` (numbered before the move). */
  moveColumns(start: number, count: number, destination: number): this {
    return this.#edit(() => this.#sheet.moveColumns(start, count, destination));
  }

  /** Inserts an empty column before `column` (the rest move right, with their metadata). */
  insertColumnAt(column: number): this {
    return this.#edit(() => this.#sheet.insertColumns(column, 1));
  }

  deleteRowAt(row: number): this {
    if (row < 1 || row > this.#sheet.maxRows) throw new Error(`raw sheet: no row ${row}`);
    return this.#edit(() => this.#sheet.deleteRows(row, 1));
  }
}

/** Metadata as another tool (another script project, an editor through the Sheets API) adds it. */
export interface PlantedMetadata {
  key: string;
  value?: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  /** The project that owns a PROJECT entry; default 'another-project'. Not allowed for DOCUMENT. */
  project?: string;
}

/** A spreadsheet as tests see it: its settings and raw access to its sheets. */
export class RawSpreadsheet {
  readonly model: SpreadsheetModel;
  readonly #edited: Edited;
  constructor(model: SpreadsheetModel, edited: Edited = NOBODY) {
    this.model = model;
    this.#edited = edited;
  }
  get id(): string {
    return this.model.id;
  }
  get name(): string {
    return this.model.name;
  }
  get timeZone(): string {
    return this.model.timeZone;
  }
  set timeZone(zone: string) {
    if (!isValidTimeZone(zone)) throw new Error(`unknown time zone ${zone}`);
    this.model.timeZone = zone;
    this.#edited();
  }
  get locale(): string {
    return this.model.locale;
  }
  set locale(locale: string) {
    this.model.locale = locale;
    this.#edited();
  }
  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }
  hasSheet(name: string): boolean {
    return this.model.sheetByName(name) !== undefined;
  }
  /** Raw access to an existing sheet; throws when it does not exist (so a missing sheet is noticed). */
  sheet(name: string): RawSheet {
    const sheet = this.model.sheetByName(name);
    if (!sheet) throw new Error(`no sheet named "${name}" in ${this.model.id} (sheets: ${this.sheetNames().join(', ')})`);
    return new RawSheet(this.model, sheet, this.#edited);
  }
  /** Adds a sheet (optionally with raw rows), or returns the existing one. */
  addSheet(name: string, rows?: readonly (readonly RawCell[])[]): RawSheet {
    const sheet = this.model.sheetByName(name) ?? this.model.addSheet(name);
    this.#edited();
    const raw = new RawSheet(this.model, sheet, this.#edited);
    if (rows) raw.loadRows(rows);
    return raw;
  }
  deleteSheet(name: string): void {
    const sheet = this.model.sheetByName(name);
    if (!sheet) return;
    this.model.sheets.splice(this.model.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    this.#edited();
  }

  /**
   * Adds spreadsheet-level developer metadata as another tool would: a DOCUMENT entry (anyone
   * with edit access can add one through the Sheets API), or a PROJECT entry of another project
   * (invisible to the add-on, yet counted in the 30,000-character limit). Returns the raw entry.
   */
  plantMetadata(planted: PlantedMetadata): MetadataEntry {
    const { key, visibility } = planted;
    const value = planted.value ?? null;
    if (visibility !== 'DOCUMENT' && visibility !== 'PROJECT') throw new Error(`plantMetadata: visibility ${String(visibility)}`);
    if (visibility === 'DOCUMENT' && planted.project !== undefined) {
      throw new Error('plantMetadata: a DOCUMENT entry belongs to no project');
    }
    const list = this.model.metadata;
    if (list.size() + key.length + (value?.length ?? 0) > METADATA_CHAR_LIMIT) {
      throw new Error(`plantMetadata: the spreadsheet's metadata would exceed ${METADATA_CHAR_LIMIT} characters`);
    }
    const entry: MetadataEntry = {
      id: this.model.nextMetadataId(),
      key,
      value,
      visibility,
      locationType: 'SPREADSHEET',
      index: 0,
      project: visibility === 'PROJECT' ? (planted.project ?? 'another-project') : null,
    };
    list.entries.push(entry);
    this.#edited();
    return entry;
  }
}
