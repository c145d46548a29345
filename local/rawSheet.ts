// Test-side access to a sheet: put and read cells as stored (no conversions, no call counted), and
// simulate a user editing the sheet (sorting, inserting, deleting rows) while a run is under way.

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
import { isoDate, wallFromSerial } from './timezone';

export class RawSheet {
  readonly #spreadsheet: SpreadsheetModel;
  readonly #sheet: SheetModel;

  constructor(spreadsheet: SpreadsheetModel, sheet: SheetModel) {
    this.#spreadsheet = spreadsheet;
    this.#sheet = sheet;
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

  /** Puts one cell exactly as given (strings are never converted; see RawCell). */
  setRaw(row: number, column: number, value: RawCell): this {
    this.#ensure(row, column);
    writeRawValue(this.#sheet.cellForWrite(row, column), value, this.#ctx());
    return this;
  }

  /** Puts a block of raw cells, top-left at (startRow, startColumn). */
  loadRows(values: readonly (readonly RawCell[])[], options: { startRow?: number; startColumn?: number } = {}): this {
    const startRow = options.startRow ?? 1;
    const startColumn = options.startColumn ?? 1;
    values.forEach((row, i) => row.forEach((value, j) => this.setRaw(startRow + i, startColumn + j, value)));
    return this;
  }

  /** Sets a cell's number format without touching its value (e.g. to make a number a date cell). */
  setNumberFormat(row: number, column: number, format: string): this {
    this.#ensure(row, column);
    this.#sheet.cellForWrite(row, column).numberFormat = format;
    return this;
  }

  /** Makes a checkbox cell with the given state. */
  setCheckbox(row: number, column: number, checked: boolean): this {
    this.#ensure(row, column);
    const cell = this.#sheet.cellForWrite(row, column);
    cell.validation = { criteria: 'CHECKBOX', values: [], allowInvalid: false, helpText: '' };
    cell.value = checked;
    return this;
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
  fontWeightAt(row: number, column: number): string {
    return this.#cell(row, column)?.fontWeight ?? 'normal';
  }
  hasContentAt(row: number, column: number): boolean {
    return hasContent(this.#cell(row, column));
  }
  columnWidth(column: number): number | null {
    return this.#sheet.columnWidths.get(column) ?? null;
  }

  // ---- a user editing the sheet mid-run ----

  /** Sorts the data rows (below `headerRows`, default the frozen rows or 1) by a column. */
  sortBy(column: number, options: { ascending?: boolean; headerRows?: number } = {}): this {
    const ascending = options.ascending !== false;
    const first = (options.headerRows ?? (this.#sheet.frozenRows || 1)) + 1;
    const last = this.lastRow();
    if (last <= first) return this;
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
    return this;
  }

  /** Inserts a row before `row` (pushing the rest down), optionally filled with raw values. */
  insertRowAt(row: number, values: readonly RawCell[] = []): this {
    this.#sheet.insertRows(row, 1);
    values.forEach((value, j) => this.setRaw(row, j + 1, value));
    return this;
  }

  /** Moves `count` columns from `start` to stand before the column at `destination` (numbered before the move). */
  moveColumns(start: number, count: number, destination: number): this {
    this.#sheet.moveColumns(start, count, destination);
    return this;
  }

  /** Inserts an empty column before `column` (the rest move right, with their metadata). */
  insertColumnAt(column: number): this {
    this.#sheet.insertColumns(column, 1);
    return this;
  }

  deleteRowAt(row: number): this {
    if (row < 1 || row > this.#sheet.maxRows) throw new Error(`raw sheet: no row ${row}`);
    this.#sheet.deleteRows(row, 1);
    return this;
  }
}
