// SpreadsheetApp adapter: reads a sheet once into plain cells, writes back in whole blocks.
// Dates cross here: Date cells become calendar dates in the spreadsheet's zone and back.
import type { CellValue, DateCell, IsoDate } from '../domain/types';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A value as it is written to a cell: text, a number, a boolean, a Date, or '' for empty. */
export type WritableCell = string | number | boolean | Date;

const FIFTEEN_MINUTES = 15 * 60 * 1000;

function isDate(v: unknown): v is Date {
  // `instanceof` first (the quick answer for every date cell of a large sheet), then the tag: a Date
  // may come from another realm (the local runtime's fakes).
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

/**
 * Converts between Date cells and calendar dates in one time zone with as few Utilities calls as
 * possible: a zone's UTC offset only changes at a multiple of 15 minutes (UTC), so one offset
 * look-up serves every instant in that quarter hour.
 */
export class DateConverter {
  private readonly offsets = new Map<number, number>();
  private readonly dates = new Map<IsoDate, Date>();
  /** Date cells repeat (many invoices share a due date): remember each instant's answer. */
  private readonly isoByInstant = new Map<number, IsoDate>();
  private readonly cells = new Map<IsoDate, DateCell>();

  constructor(readonly timeZone: string) {}

  toIsoDate(d: Date): IsoDate {
    const ms = d.getTime();
    const known = this.isoByInstant.get(ms);
    if (known !== undefined) return known;
    const bucket = Math.floor(ms / FIFTEEN_MINUTES);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      const z = Utilities.formatDate(d, this.timeZone, 'Z'); // e.g. "+1300", "-0800"
      const sign = z.startsWith('-') ? -1 : 1;
      offset = sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * 60 * 1000;
      this.offsets.set(bucket, offset);
    }
    const iso = new Date(ms + offset).toISOString().slice(0, 10);
    this.isoByInstant.set(ms, iso);
    return iso;
  }

  /** Midnight of a calendar date in the zone: the value Sheets holds for a date cell. */
  toDate(iso: IsoDate): Date {
    let d = this.dates.get(iso);
    if (!d) {
      d = Utilities.parseDate(iso, this.timeZone, 'yyyy-MM-dd');
      this.dates.set(iso, d);
    }
    return new Date(d.getTime());
  }

  toCell(v: unknown): CellValue {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if (isDate(v)) return Number.isNaN(v.getTime()) ? '' : this.dateCell(this.toIsoDate(v));
    return '';
  }

  /** One shared, frozen cell per calendar date: a large sheet holds a few hundred distinct dates. */
  private dateCell(iso: IsoDate): DateCell {
    let cell = this.cells.get(iso);
    if (!cell) {
      cell = Object.freeze({ date: iso });
      this.cells.set(iso, cell);
    }
    return cell;
  }
}

/** Today's calendar date in a zone. */
export function todayIn(timeZone: string): IsoDate {
  return Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd');
}

/** Every cell of a sheet's data range, in one read. An empty sheet gives []. */
export function readAllCells(sheet: Sheet, dates: DateConverter): CellValue[][] {
  if (sheet.getLastRow() === 0) return [];
  // Converted in place: getValues() hands back a fresh array, and a copy of 10,000 rows costs time.
  const cells = sheet.getDataRange().getValues() as unknown[][];
  for (const row of cells) for (let i = 0; i < row.length; i++) row[i] = dates.toCell(row[i]);
  return cells as CellValue[][];
}

/** The data range's values, displayed values and formulas: one range, three reads. An empty sheet gives []. */
export function readAllGrids(
  sheet: Sheet,
  dates: DateConverter,
): { cells: CellValue[][]; display: string[][]; formulas: string[][] } {
  if (sheet.getLastRow() === 0) return { cells: [], display: [], formulas: [] };
  const range = sheet.getDataRange();
  return { ...valuesAndFormulas(range, dates), display: range.getDisplayValues() };
}

/** The data range's values and formulas: one range, two reads. An empty sheet gives []. */
export function readCellsAndFormulas(sheet: Sheet, dates: DateConverter): { cells: CellValue[][]; formulas: string[][] } {
  if (sheet.getLastRow() === 0) return { cells: [], formulas: [] };
  return valuesAndFormulas(sheet.getDataRange(), dates);
}

/** The row of formulas of a row that has none: one shared empty row (readers take a missing cell as ''). */
const NO_FORMULAS: string[] = Object.freeze([]) as unknown as string[];

function valuesAndFormulas(range: GoogleAppsScript.Spreadsheet.Range, dates: DateConverter) {
  const cells = range.getValues() as unknown[][];
  for (const row of cells) for (let i = 0; i < row.length; i++) row[i] = dates.toCell(row[i]);
  // Most rows have no formula: one shared empty row for them keeps a large sheet's formulas small.
  const formulas = range.getFormulas();
  for (let r = 0; r < formulas.length; r++) if (!formulas[r]!.some((f) => f !== '')) formulas[r] = NO_FORMULAS;
  return { cells: cells as CellValue[][], formulas };
}

/**
 * What the first `width` columns of the first `rows` rows show, in one read (displayed text is
 * slow to make and large: a run reads it only for the columns that need it). [] when either is 0.
 */
export function readDisplayBlock(sheet: Sheet, rows: number, width: number): string[][] {
  if (rows <= 0 || width <= 0) return [];
  return sheet.getRange(1, 1, rows, width).getDisplayValues();
}

/**
 * Text the add-on writes stays text: Sheets would turn "=…" into a formula and "007" into 7.
 * The leading apostrophe is Sheets' own "this is text" marker and is not part of the value.
 */
export function textCell(s: string): string {
  return s === '' ? '' : `'${s}`;
}

/** Writes a 2-D block at (row, column), 1-based, in one call. */
export function writeBlock(sheet: Sheet, row: number, column: number, values: WritableCell[][]): void {
  if (values.length === 0 || (values[0]?.length ?? 0) === 0) return;
  ensureSize(sheet, row + values.length - 1, column + (values[0]?.length ?? 0) - 1);
  sheet.getRange(row, column, values.length, values[0]!.length).setValues(values);
}

/** Grows the grid when a write would fall outside it (Sheets throws instead of growing). */
function ensureSize(sheet: Sheet, lastRow: number, lastColumn: number): void {
  const maxRows = sheet.getMaxRows();
  if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (lastColumn > maxColumns) sheet.insertColumnsAfter(maxColumns, lastColumn - maxColumns);
}

/** The named sheet, created with a bold frozen header row when missing. */
export function sheetWithHeaders(ss: Spreadsheet, name: string, headers: readonly string[]): Sheet {
  const existing = ss.getSheetByName(name);
  if (existing) return existing;
  // insertSheet makes the new sheet active; the user stays where they were.
  const active = ss.getActiveSheet();
  const sheet = ss.insertSheet(name);
  if (active) ss.setActiveSheet(active);
  const header = sheet.getRange(1, 1, 1, headers.length);
  header.setValues([headers.map((h) => textCell(h))]);
  header.setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

export function setColumnFormat(sheet: Sheet, column: number, format: string): void {
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  sheet.getRange(2, column, rows, 1).setNumberFormat(format);
}

export function activeSpreadsheet(): Spreadsheet | null {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/**
 * Checkbox validation on a column without writing FALSE into every cell (insertCheckboxes would,
 * and those cells would then count as content: getLastRow() would report the whole column).
 */
export function setCheckboxColumn(sheet: Sheet, column: number): void {
  const rule = SpreadsheetApp.newDataValidation().requireCheckbox().build();
  sheet.getRange(2, column, Math.max(sheet.getMaxRows() - 1, 1), 1).setDataValidation(rule);
}

export function boldFrozenHeader(sheet: Sheet, columns: number): void {
  sheet.getRange(1, 1, 1, columns).setFontWeight('bold');
  sheet.setFrozenRows(1);
}
