// SpreadsheetApp and its Spreadsheet / Sheet / Range objects, on top of sheetModel.ts.

import { INTERNAL, type Host, isDate } from './core';
import type { Faked } from './faked';
import { DataValidationCriteria, type CriteriaName } from './enums';
import { parseA1 } from './a1';
import { isValidTimeZone } from './timezone';
import {
  type Cell,
  CellWriteError,
  SheetModel,
  SpreadsheetModel,
  type SpreadsheetState,
  type ValidationRule,
  displayCell,
  hasContent,
  numberFormatOf,
  readCell,
  writeUserValue,
} from './sheetModel';
import type { FakeUi } from './ui';
import {
  ARBITRARY_RANGE_MESSAGE,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  FakeDeveloperMetadataFinder,
  type FakeDeveloperMetadata,
  type Located,
  type MetadataWorld,
  newEntry,
  visibleTo,
  wrapMetadata,
} from './metadata';

type GVisibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export interface ToastRecord {
  spreadsheetId: string;
  message: string;
  title: string;
  timeoutSeconds: number | null;
  at: string;
}

/** Everything the spreadsheet fakes need from the runtime around them. */
export interface SheetsWorld {
  host: Host;
  store: SpreadsheetStore;
  /** The Ui, or an Apps Script exception when there is none (time-driven trigger). */
  ui(): FakeUi;
  recordToast(toast: ToastRecord): void;
  /** The script project running (the runtime's scriptId): it sees DOCUMENT metadata and its own PROJECT metadata. */
  scriptId: string;
  /** SpreadsheetApp.flush(): what was written so far is durable (see execution.ts). */
  flush(): void;
}

export interface SpreadsheetInit {
  id?: string;
  name?: string;
  timeZone?: string;
  locale?: string;
  /** Sheet names to start with; default ['Sheet1']. */
  sheets?: string[];
}

/** All spreadsheets this runtime knows, and which one is "active" (bound / open). */
export interface SpreadsheetStoreState {
  readonly models: ReadonlyArray<{ readonly id: string; readonly model: SpreadsheetModel; readonly state: SpreadsheetState }>;
  readonly activeId: string | null;
  readonly counter: number;
}

export class SpreadsheetStore {
  readonly #byId = new Map<string, SpreadsheetModel>();
  #activeId: string | null = null;
  #counter = 0;
  readonly #defaults: { timeZone: string; locale: string };

  constructor(defaults: { timeZone: string; locale: string }) {
    this.#defaults = defaults;
  }

  create(init: SpreadsheetInit = {}): SpreadsheetModel {
    this.#counter++;
    const id = init.id ?? `fake-spreadsheet-${this.#counter}`;
    if (this.#byId.has(id)) throw new Error(`spreadsheets.create: id ${id} already exists`);
    const timeZone = init.timeZone ?? this.#defaults.timeZone;
    if (!isValidTimeZone(timeZone)) throw new Error(`spreadsheets.create: unknown time zone ${timeZone}`);
    const model = new SpreadsheetModel({
      id,
      name: init.name ?? `Spreadsheet ${this.#counter}`,
      timeZone,
      locale: init.locale ?? this.#defaults.locale,
    });
    for (const name of init.sheets ?? ['Sheet1']) model.addSheet(name);
    this.#byId.set(id, model);
    return model;
  }

  get(id: string): SpreadsheetModel | undefined {
    return this.#byId.get(id);
  }

  /**
   * "Make a copy": a new spreadsheet (new id; name default "Copy of …") with a deep copy of the
   * sheets, cells, formats and developer metadata, the same time zone and locale.
   */
  copy(sourceId: string, name?: string): SpreadsheetModel {
    const source = this.#byId.get(sourceId);
    if (!source) throw new Error(`spreadsheets.copy: no spreadsheet with id ${sourceId}`);
    this.#counter++;
    let id = `fake-spreadsheet-${this.#counter}`;
    while (this.#byId.has(id)) id = `fake-spreadsheet-${++this.#counter}`;
    const copy = source.cloneAs({ id, name: name ?? `Copy of ${source.name}` });
    this.#byId.set(id, copy);
    return copy;
  }

  /** Forgets a spreadsheet (trashed, deleted, access lost): openById then fails as for an unknown id. */
  remove(id: string): void {
    if (!this.#byId.delete(id)) throw new Error(`spreadsheets.remove: no spreadsheet with id ${id}`);
  }

  all(): SpreadsheetModel[] {
    return [...this.#byId.values()];
  }

  /** Every spreadsheet, deep-copied, and which one is active (runtime.saveState). */
  saveState(): SpreadsheetStoreState {
    const models = [...this.#byId].map(([id, model]) => ({ id, model, state: model.saveState() }));
    return { models, activeId: this.#activeId, counter: this.#counter };
  }

  /** Puts the spreadsheets back into the same model objects; one made since is forgotten. */
  restoreState(saved: SpreadsheetStoreState): void {
    this.#byId.clear();
    for (const { id, model, state } of saved.models) {
      model.restoreState(state);
      this.#byId.set(id, model);
    }
    this.#activeId = saved.activeId;
    this.#counter = saved.counter;
  }

  active(): SpreadsheetModel | null {
    return this.#activeId === null ? null : (this.#byId.get(this.#activeId) ?? null);
  }

  setActive(id: string | null): void {
    if (id !== null && !this.#byId.has(id)) throw new Error(`setActiveSpreadsheet: no spreadsheet with id ${id}`);
    this.#activeId = id;
  }

  /** The id set as active, even when that spreadsheet was removed since (active() is null then). */
  get activeId(): string | null {
    return this.#activeId;
  }

  /** Puts back an active id saved earlier (the end of an execution), removed or not. */
  restoreActive(id: string | null): void {
    this.#activeId = id;
  }
}

// ---- helpers shared by the fakes ----

function describeArgs(args: unknown[]): string {
  return args
    .map((a) => {
      if (Array.isArray(a)) return Array.isArray(a[0]) ? 'Object[][]' : `${typeof a[0] === 'number' ? 'number' : 'Object'}[]`;
      if (a === null) return 'null';
      if (isDate(a)) return 'Date';
      return typeof a === 'string' ? 'String' : typeof a === 'object' ? 'Object' : typeof a;
    })
    .join(',');
}

function signatureError(host: Host, method: string, args: unknown[]): Error {
  return host.error(`The parameters (${describeArgs(args)}) don't match the method signature for ${method}.`);
}

function checkCoordinates(host: Host, sheet: SheetModel, row: number, column: number, numRows: number, numColumns: number): void {
  if (row < 1) throw host.error('The starting row of the range is too small.');
  if (column < 1) throw host.error('The starting column of the range is too small.');
  if (numRows < 1) throw host.error('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw host.error('The number of columns in the range must be at least 1.');
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw host.error('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

function isWholeNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

function makeRange(
  world: SheetsWorld,
  spreadsheet: SpreadsheetModel,
  sheet: SheetModel,
  row: number,
  column: number,
  numRows = 1,
  numColumns = 1,
): FakeRange {
  checkCoordinates(world.host, sheet, row, column, numRows, numColumns);
  return world.host.wrap('Range', new FakeRange(world, { spreadsheet, sheet, row, column, numRows, numColumns }));
}

function makeSheet(world: SheetsWorld, spreadsheet: SpreadsheetModel, sheet: SheetModel): FakeSheet {
  return world.host.wrap('Sheet', new FakeSheet(world, spreadsheet, sheet));
}

export function makeSpreadsheet(world: SheetsWorld, spreadsheet: SpreadsheetModel): FakeSpreadsheet {
  return world.host.wrap('Spreadsheet', new FakeSpreadsheet(world, spreadsheet));
}

// ---- developer metadata plumbing ----

function sheetMetadataWorld(world: SheetsWorld, spreadsheet: SpreadsheetModel, sheet: SheetModel): MetadataWorld {
  return {
    host: world.host,
    spreadsheet: () => makeSpreadsheet(world, spreadsheet),
    sheet: () => makeSheet(world, spreadsheet, sheet),
    line: (type, index) =>
      type === 'COLUMN'
        ? makeRange(world, spreadsheet, sheet, 1, index, sheet.maxRows, 1)
        : makeRange(world, spreadsheet, sheet, index, 1, 1, sheet.maxColumns),
    list: () => sheet.metadata,
    nextId: () => spreadsheet.nextMetadataId(),
    project: world.scriptId,
  };
}

function spreadsheetMetadataWorld(world: SheetsWorld, spreadsheet: SpreadsheetModel): MetadataWorld {
  return {
    host: world.host,
    spreadsheet: () => makeSpreadsheet(world, spreadsheet),
    sheet: () => null,
    line: () => {
      throw new Error('spreadsheet-level metadata has no row or column');
    },
    list: () => spreadsheet.metadata,
    nextId: () => spreadsheet.nextMetadataId(),
    project: world.scriptId,
  };
}

/** The metadata of a sheet (and its rows and columns) this script project sees. */
function sheetMetadata(world: SheetsWorld, spreadsheet: SpreadsheetModel, sheet: SheetModel): Located[] {
  const located = sheetMetadataWorld(world, spreadsheet, sheet);
  return sheet.metadata.entries.filter(visibleTo(world.scriptId)).map((entry) => ({ entry, world: located }));
}

/** The spreadsheet-level metadata this script project sees. */
function ownSpreadsheetMetadata(world: SheetsWorld, spreadsheet: SpreadsheetModel): Located[] {
  const located = spreadsheetMetadataWorld(world, spreadsheet);
  return spreadsheet.metadata.entries.filter(visibleTo(world.scriptId)).map((entry) => ({ entry, world: located }));
}

/** All the metadata of a spreadsheet (its sheets, rows and columns included) this script project sees. */
function spreadsheetMetadata(world: SheetsWorld, spreadsheet: SpreadsheetModel): Located[] {
  const own = ownSpreadsheetMetadata(world, spreadsheet);
  return own.concat(spreadsheet.sheets.flatMap((sheet) => sheetMetadata(world, spreadsheet, sheet)));
}

function metadataFinder(world: SheetsWorld, all: () => Located[]): FakeDeveloperMetadataFinder {
  return world.host.wrap('DeveloperMetadataFinder', new FakeDeveloperMetadataFinder(world.host, all));
}

/** The row or column a range stands for as a metadata location, or null when it is neither. */
function lineOf(ref: RangeRef): { type: 'ROW' | 'COLUMN'; index: number } | null {
  const { sheet, row, column, numRows, numColumns } = ref;
  if (numColumns === 1 && row === 1 && numRows === sheet.maxRows) return { type: 'COLUMN', index: column };
  if (numRows === 1 && column === 1 && numColumns === sheet.maxColumns) return { type: 'ROW', index: row };
  return null;
}

/**
 * The selected range (or its current cell) on a sheet, or null when the selection is elsewhere.
 * Built from the model, so asking for it counts one call, not a chain of internal ones.
 */
function selectedRange(
  world: SheetsWorld,
  spreadsheet: SpreadsheetModel,
  sheet: SheetModel,
  cellOnly: boolean,
): FakeRange | null {
  const selection = spreadsheet.selection;
  if (!selection || selection.sheetId !== sheet.id) return null;
  const [numRows, numColumns] = cellOnly ? [1, 1] : [selection.numRows, selection.numColumns];
  return makeRange(world, spreadsheet, sheet, selection.row, selection.column, numRows, numColumns);
}

/** Resolves A1 notation against a sheet (or another sheet of the spreadsheet when prefixed). */
function rangeFromA1(world: SheetsWorld, spreadsheet: SpreadsheetModel, defaultSheet: SheetModel, notation: string): FakeRange {
  const parsed = parseA1(notation);
  if (!parsed) throw world.host.error('Range not found');
  const sheet = parsed.sheetName === null ? defaultSheet : spreadsheet.sheetByName(parsed.sheetName);
  if (!sheet) throw world.host.error('Range not found');
  const lastRow = parsed.lastRow ?? sheet.maxRows;
  const lastColumn = parsed.lastColumn ?? sheet.maxColumns;
  return makeRange(
    world,
    spreadsheet,
    sheet,
    parsed.row,
    parsed.column,
    lastRow - parsed.row + 1,
    lastColumn - parsed.column + 1,
  );
}

/** Sheets' sort order: numbers (and dates) < text < booleans; blanks always last. */
function compareCells(a: Cell | undefined, b: Cell | undefined, ascending: boolean): number {
  const blankA = !hasContent(a);
  const blankB = !hasContent(b);
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  const rank = (v: unknown): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const va = a?.value ?? '';
  const vb = b?.value ?? '';
  let result = rank(va) - rank(vb);
  if (result === 0) {
    if (typeof va === 'string' && typeof vb === 'string') result = va.localeCompare(vb, 'en', { sensitivity: 'base' });
    else result = Number(va) - Number(vb);
  }
  return ascending ? result : -result;
}

interface SortSpec {
  column: number;
  ascending: boolean;
}

function sortSpecs(host: Host, spec: unknown): SortSpec[] {
  const one = (s: unknown): SortSpec => {
    if (typeof s === 'number') return { column: s, ascending: true };
    if (s && typeof s === 'object' && 'column' in s && typeof s.column === 'number') {
      const ascending = 'ascending' in s ? s.ascending !== false : true;
      return { column: s.column, ascending };
    }
    throw host.error("The parameters (Object) don't match the method signature for SpreadsheetApp.Range.sort.");
  };
  return Array.isArray(spec) ? spec.map(one) : [one(spec)];
}

// ---- DataValidation ----

/** A built rule; product code only hands it to setDataValidation. */
export class FakeDataValidation {
  readonly [INTERNAL]: ValidationRule;
  constructor(rule: ValidationRule) {
    this[INTERNAL] = rule;
  }
  toString(): string {
    return 'DataValidation';
  }
}

type DataValidationBuilderMethods = 'build' | 'requireCheckbox';

export class FakeDataValidationBuilder implements Faked<GDataValidationBuilder, DataValidationBuilderMethods> {
  readonly #host: Host;
  #rule: Partial<ValidationRule> & { allowInvalid: boolean; helpText: string; values: unknown[] };
  constructor(host: Host, rule?: ValidationRule) {
    this.#host = host;
    this.#rule = rule ? { ...rule } : { allowInvalid: true, helpText: '', values: [] };
  }
  #criteria(criteria: CriteriaName, values: unknown[]): this {
    this.#rule.criteria = criteria;
    this.#rule.values = values;
    return this;
  }
  build(): FakeDataValidation {
    const { criteria } = this.#rule;
    if (!criteria) throw this.#host.error('You must specify a data validation criteria before building the rule.');
    return this.#host.wrap('DataValidation', new FakeDataValidation({ ...this.#rule, criteria }));
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): this {
    const values =
      checkedValue === undefined ? [] : uncheckedValue === undefined ? [checkedValue] : [checkedValue, uncheckedValue];
    return this.#criteria('CHECKBOX', values);
  }
  toString(): string {
    return 'DataValidationBuilder';
  }
}

function ruleOf(host: Host, rule: unknown): ValidationRule | null {
  if (rule === null) return null;
  if (rule instanceof FakeDataValidation) return rule[INTERNAL];
  const internal = (rule as { [INTERNAL]?: unknown } | undefined)?.[INTERNAL];
  if (internal && typeof internal === 'object' && 'criteria' in internal) return internal as ValidationRule;
  throw host.error("The parameters (Object) don't match the method signature for SpreadsheetApp.Range.setDataValidation.");
}

// ---- Range ----

/** What clear({ formatOnly }) removes (validation rules stay, as in Sheets). */
const CLEARED_FORMATS = ['numberFormat', 'fontWeight', 'fontColor', 'background', 'horizontalAlignment', 'wrap'] as const;

interface RangeRef {
  spreadsheet: SpreadsheetModel;
  sheet: SheetModel;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

type RangeMethods =
  | 'addDeveloperMetadata'
  | 'getDeveloperMetadata'
  | 'clear'
  | 'getColumn'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFormulas'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNumberFormats'
  | 'getRow'
  | 'getValues'
  | 'setDataValidation'
  | 'setFontWeight'
  | 'setNumberFormat'
  | 'setValues'
  | 'sort';

export class FakeRange implements Faked<GRange, RangeMethods> {
  readonly [INTERNAL]: RangeRef;
  readonly #world: SheetsWorld;

  constructor(world: SheetsWorld, ref: RangeRef) {
    this.#world = world;
    this[INTERNAL] = ref;
  }

  get #host(): Host {
    return this.#world.host;
  }
  get #ctx(): { timeZone: string; locale: string } {
    const { spreadsheet } = this[INTERNAL];
    return { timeZone: spreadsheet.timeZone, locale: spreadsheet.locale };
  }

  /** Re-checks the bounds (the sheet may have shrunk since) and visits every cell position. */
  #positions(): { row: number; column: number; i: number; j: number }[] {
    const { sheet, row, column, numRows, numColumns } = this[INTERNAL];
    checkCoordinates(this.#host, sheet, row, column, numRows, numColumns);
    const out: { row: number; column: number; i: number; j: number }[] = [];
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numColumns; j++) out.push({ row: row + i, column: column + j, i, j });
    }
    return out;
  }

  /** One value per cell, in arrays of the add-on's realm; no object per cell beyond what is returned. */
  #grid<T>(read: (cell: Cell | undefined) => T): T[][] {
    const { sheet, row, column, numRows, numColumns } = this[INTERNAL];
    checkCoordinates(this.#host, sheet, row, column, numRows, numColumns);
    const RealmArray = this.#host.realm.Array;
    const rows = new RealmArray<T[]>(numRows);
    for (let i = 0; i < numRows; i++) {
      const cells = sheet.rowCells(row + i);
      const values = new RealmArray<T>(numColumns);
      for (let j = 0; j < numColumns; j++) values[j] = read(cells?.[column - 1 + j]);
      rows[i] = values;
    }
    return rows;
  }

  #topLeft(): Cell | undefined {
    const { sheet, row, column } = this[INTERNAL];
    return sheet.cell(row, column);
  }

  #checkGrid(values: unknown, method: string): unknown[][] {
    const { numRows, numColumns } = this[INTERNAL];
    if (!Array.isArray(values) || !values.every((r) => Array.isArray(r))) {
      throw signatureError(this.#host, `SpreadsheetApp.Range.${method}`, [values]);
    }
    const grid = values as unknown[][];
    if (grid.length !== numRows) {
      throw this.#host.error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${numRows}.`,
      );
    }
    for (const row of grid) {
      if (row.length !== numColumns) {
        throw this.#host.error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numColumns}.`,
        );
      }
    }
    return grid;
  }

  /** Applies an edit to every cell; all-or-nothing, like a single Apps Script call. */
  #edit(edit: (cell: Cell, i: number, j: number) => void): this {
    const { sheet } = this[INTERNAL];
    const staged: { row: number; column: number; cell: Cell }[] = [];
    for (const { row, column, i, j } of this.#positions()) {
      const existing = sheet.cell(row, column);
      const cell: Cell = existing ? { ...existing } : { value: '' };
      try {
        edit(cell, i, j);
      } catch (error) {
        if (error instanceof CellWriteError) throw this.#host.error(error.message);
        throw error;
      }
      staged.push({ row, column, cell });
    }
    for (const { row, column, cell } of staged) sheet.setCell(row, column, cell);
    return this;
  }

  #writeValue(cell: Cell, value: unknown): void {
    writeUserValue(cell, value, this.#ctx);
  }

  // -- values --

  getValues(): unknown[][] {
    const { sheet, row, column, numRows, numColumns } = this[INTERNAL];
    checkCoordinates(this.#host, sheet, row, column, numRows, numColumns);
    const { timeZone } = this.#ctx;
    const host = this.#host;
    const makeDate = (ms: number): Date => host.makeDate(ms);
    const RealmArray = host.realm.Array;
    // The #grid loop written out for values (the read of every run, on every row): no call per cell
    // for a plain value, only a number may be a date and only then is readCell needed.
    const rows = new RealmArray<unknown[]>(numRows);
    for (let i = 0; i < numRows; i++) {
      const cells = sheet.rowCells(row + i);
      const values = new RealmArray<unknown>(numColumns);
      for (let j = 0; j < numColumns; j++) {
        const cell = cells?.[column - 1 + j];
        values[j] =
          cell !== undefined && cell.formula === undefined && typeof cell.value !== 'number'
            ? cell.value
            : readCell(cell, timeZone, makeDate);
      }
      rows[i] = values;
    }
    return rows;
  }
  getDisplayValues(): string[][] {
    const ctx = this.#ctx;
    return this.#grid((cell) => displayCell(cell, ctx));
  }
  getDisplayValue(): string {
    return displayCell(this.#topLeft(), this.#ctx);
  }
  /** Each cell's formula as typed ('=SUM(F2:F9)'), '' for a cell without one. */
  getFormulas(): string[][] {
    return this.#grid((cell) => cell?.formula ?? '');
  }
  setValues(values: unknown[][]): this {
    const grid = this.#checkGrid(values, 'setValues');
    return this.#edit((cell, i, j) => this.#writeValue(cell, grid[i]?.[j]));
  }

  // -- formats --

  getNumberFormats(): string[][] {
    return this.#grid((cell) => numberFormatOf(cell));
  }
  setNumberFormat(numberFormat: string): this {
    return this.#edit((cell) => {
      cell.numberFormat = numberFormat;
    });
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): this {
    return this.#edit((cell) => {
      if (fontWeight === null) delete cell.fontWeight;
      else cell.fontWeight = String(fontWeight);
    });
  }

  // -- checkboxes and validation --

  setDataValidation(rule: FakeDataValidation | null): this {
    const spec = ruleOf(this.#host, rule);
    return this.#edit((cell) => {
      if (spec) cell.validation = spec;
      else delete cell.validation;
    });
  }

  // -- clearing --

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): this {
    const o = options ?? {};
    const everything = !(o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly);
    return this.#edit((cell) => {
      if (everything || o.contentsOnly) this.#writeValue(cell, '');
      if (everything || o.formatOnly) for (const key of CLEARED_FORMATS) delete cell[key];
      if (o.validationsOnly) delete cell.validation;
      if (o.commentsOnly) delete cell.note;
    });
  }

  // -- geometry --

  getRow(): number {
    return this[INTERNAL].row;
  }
  getColumn(): number {
    return this[INTERNAL].column;
  }
  getLastRow(): number {
    return this[INTERNAL].row + this[INTERNAL].numRows - 1;
  }
  getLastColumn(): number {
    return this[INTERNAL].column + this[INTERNAL].numColumns - 1;
  }
  // -- developer metadata (whole rows and columns only, as in Apps Script) --

  addDeveloperMetadata(key: string, valueOrVisibility?: string | GVisibility, visibility?: GVisibility): this {
    const ref = this[INTERNAL];
    const line = lineOf(ref);
    if (!line) throw this.#host.error(ARBITRARY_RANGE_MESSAGE);
    newEntry(sheetMetadataWorld(this.#world, ref.spreadsheet, ref.sheet), line, key, valueOrVisibility, visibility);
    return this;
  }
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    const ref = this[INTERNAL];
    const { row, column, numRows, numColumns } = ref;
    const inRange = ({ entry }: Located): boolean =>
      (entry.locationType === 'COLUMN' &&
        row === 1 &&
        numRows === ref.sheet.maxRows &&
        entry.index >= column &&
        entry.index < column + numColumns) ||
      (entry.locationType === 'ROW' &&
        column === 1 &&
        numColumns === ref.sheet.maxColumns &&
        entry.index >= row &&
        entry.index < row + numRows);
    const found = sheetMetadata(this.#world, ref.spreadsheet, ref.sheet).filter(inRange);
    return this.#host.list(found.map(({ entry, world }) => wrapMetadata(world, entry)));
  }

  sort(sortSpecObj: unknown): this {
    const { sheet, row, column, numRows, numColumns } = this[INTERNAL];
    const specs = sortSpecs(this.#host, sortSpecObj);
    for (const spec of specs) {
      if (spec.column < column || spec.column >= column + numColumns) {
        throw this.#host.error('The sort column must be within the range.');
      }
    }
    sheet.sortRows(row, row + numRows - 1, (a, b) => {
      for (const spec of specs) {
        const result = compareCells(a[spec.column - 1], b[spec.column - 1], spec.ascending);
        if (result !== 0) return result;
      }
      return 0;
    });
    return this;
  }
  toString(): string {
    return 'Range';
  }
}

// ---- Sheet ----

type SheetMethods =
  | 'addDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'getDeveloperMetadata'
  | 'moveColumns'
  | 'appendRow'
  | 'clear'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'deleteRows'
  | 'getActiveRange'
  | 'getDataRange'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getRange'
  | 'insertColumns'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'setFrozenRows'
  | 'sort';

export class FakeSheet implements Faked<GSheet, SheetMethods> {
  readonly [INTERNAL]: { spreadsheet: SpreadsheetModel; sheet: SheetModel };
  readonly #world: SheetsWorld;

  constructor(world: SheetsWorld, spreadsheet: SpreadsheetModel, sheet: SheetModel) {
    this.#world = world;
    this[INTERNAL] = { spreadsheet, sheet };
  }

  get #host(): Host {
    return this.#world.host;
  }
  get #sheet(): SheetModel {
    const { sheet } = this[INTERNAL];
    if (sheet.deleted) throw this.#host.error(`The sheet ${sheet.name} has been deleted.`);
    return sheet;
  }
  get #spreadsheet(): SpreadsheetModel {
    return this[INTERNAL].spreadsheet;
  }

  getName(): string {
    return this.#sheet.name;
  }

  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): FakeRange {
    if (typeof rowOrA1 === 'string' && column === undefined) {
      return rangeFromA1(this.#world, this.#spreadsheet, this.#sheet, rowOrA1);
    }
    const args = [rowOrA1, column, numRows, numColumns].filter((a) => a !== undefined);
    if (!isWholeNumber(rowOrA1) || !isWholeNumber(column) || args.some((a) => !isWholeNumber(a))) {
      throw signatureError(this.#host, 'SpreadsheetApp.Sheet.getRange', args);
    }
    return makeRange(this.#world, this.#spreadsheet, this.#sheet, rowOrA1, column, numRows ?? 1, numColumns ?? 1);
  }
  getDataRange(): FakeRange {
    const sheet = this.#sheet;
    return makeRange(this.#world, this.#spreadsheet, sheet, 1, 1, Math.max(sheet.lastRow(), 1), Math.max(sheet.lastColumn(), 1));
  }
  getLastRow(): number {
    return this.#sheet.lastRow();
  }
  getLastColumn(): number {
    return this.#sheet.lastColumn();
  }
  getMaxRows(): number {
    return this.#sheet.maxRows;
  }
  getMaxColumns(): number {
    return this.#sheet.maxColumns;
  }

  getActiveRange(): FakeRange | null {
    return selectedRange(this.#world, this.#spreadsheet, this.#sheet, false);
  }

  // -- rows and columns --

  #checkRows(position: number, count: number): void {
    if (!isWholeNumber(position) || !isWholeNumber(count) || position < 1 || count < 1 || position > this.#sheet.maxRows) {
      throw this.#host.error('Those rows are out of bounds.');
    }
  }
  #checkColumns(position: number, count: number): void {
    if (!isWholeNumber(position) || !isWholeNumber(count) || position < 1 || count < 1 || position > this.#sheet.maxColumns) {
      throw this.#host.error('Those columns are out of bounds.');
    }
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.#checkRows(afterPosition, howMany);
    this.#sheet.insertRows(afterPosition + 1, howMany, afterPosition);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.#checkRows(beforePosition, howMany);
    // Rows inserted above take the formatting of the row they are inserted above... except at row 1.
    this.#sheet.insertRows(beforePosition, howMany, beforePosition > 1 ? beforePosition - 1 : undefined);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    const sheet = this.#sheet;
    if (
      !isWholeNumber(rowPosition) ||
      !isWholeNumber(howMany) ||
      rowPosition < 1 ||
      howMany < 1 ||
      rowPosition + howMany - 1 > sheet.maxRows
    ) {
      throw this.#host.error('Those rows are out of bounds.');
    }
    if (howMany >= sheet.maxRows - sheet.frozenRows && rowPosition <= sheet.frozenRows + 1) {
      throw this.#host.error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    sheet.deleteRows(rowPosition, howMany);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.#checkColumns(afterPosition, howMany);
    this.#sheet.insertColumns(afterPosition + 1, howMany, afterPosition);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.#checkColumns(beforePosition, howMany);
    this.#sheet.insertColumns(beforePosition, howMany, beforePosition > 1 ? beforePosition - 1 : undefined);
    return this;
  }
  insertColumns(columnIndex: number, numColumns?: number): void {
    this.insertColumnsBefore(columnIndex, numColumns ?? 1);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    const sheet = this.#sheet;
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > sheet.maxColumns) {
      throw this.#host.error('Those columns are out of bounds.');
    }
    if (howMany >= sheet.maxColumns - sheet.frozenColumns && columnPosition <= sheet.frozenColumns + 1) {
      throw this.#host.error('Sorry, it is not possible to delete all non-frozen columns.');
    }
    sheet.deleteColumns(columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): this {
    this.deleteColumns(columnPosition, 1);
    return this;
  }
  /** destinationIndex is counted before the move, as documented for Sheet.moveColumns. */
  moveColumns(columnSpec: FakeRange, destinationIndex: number): void {
    const ref = columnSpec[INTERNAL];
    const sheet = this.#sheet;
    if (ref.sheet !== sheet) throw this.#host.error('Target range and sheet must be on the same sheet.');
    if (!isWholeNumber(destinationIndex) || destinationIndex < 1 || destinationIndex > sheet.maxColumns + 1) {
      throw this.#host.error('Those columns are out of bounds.');
    }
    const inside = destinationIndex > ref.column && destinationIndex < ref.column + ref.numColumns;
    if (!inside) sheet.moveColumns(ref.column, ref.numColumns, destinationIndex);
  }

  addDeveloperMetadata(key: string, valueOrVisibility?: string | GVisibility, visibility?: GVisibility): this {
    const world = sheetMetadataWorld(this.#world, this.#spreadsheet, this.#sheet);
    newEntry(world, { type: 'SHEET', index: 0 }, key, valueOrVisibility, visibility);
    return this;
  }
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    const own = sheetMetadata(this.#world, this.#spreadsheet, this.#sheet).filter(({ entry }) => entry.locationType === 'SHEET');
    return this.#host.list(own.map(({ entry, world }) => wrapMetadata(world, entry)));
  }
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    const sheet = this.#sheet;
    return metadataFinder(this.#world, () => sheetMetadata(this.#world, this.#spreadsheet, sheet));
  }

  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents)) throw signatureError(this.#host, 'SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const sheet = this.#sheet;
    const row = sheet.lastRow() + 1;
    // Sheets grows the grid to fit, as typing below the last row would.
    if (row > sheet.maxRows) sheet.insertRows(sheet.maxRows + 1, row - sheet.maxRows, sheet.maxRows);
    if (rowContents.length > sheet.maxColumns) {
      sheet.insertColumns(sheet.maxColumns + 1, rowContents.length - sheet.maxColumns, sheet.maxColumns);
    }
    if (rowContents.length === 0) return this;
    const range = new FakeRange(this.#world, {
      spreadsheet: this.#spreadsheet,
      sheet,
      row,
      column: 1,
      numRows: 1,
      numColumns: rowContents.length,
    });
    range.setValues([rowContents]);
    return this;
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): this {
    const sheet = this.#sheet;
    const all = new FakeRange(this.#world, {
      spreadsheet: this.#spreadsheet,
      sheet,
      row: 1,
      column: 1,
      numRows: sheet.maxRows,
      numColumns: sheet.maxColumns,
    });
    all.clear(options);
    return this;
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows > this.#sheet.maxRows) throw this.#host.error('Those rows are out of bounds.');
    this.#sheet.frozenRows = rows;
  }
  sort(columnPosition: number, ascending?: boolean): this {
    const sheet = this.#sheet;
    if (columnPosition < 1 || columnPosition > sheet.maxColumns) throw this.#host.error('Those columns are out of bounds.');
    const first = sheet.frozenRows + 1;
    const last = sheet.lastRow();
    if (last > first) {
      sheet.sortRows(first, last, (a, b) => compareCells(a[columnPosition - 1], b[columnPosition - 1], ascending !== false));
    }
    return this;
  }
  toString(): string {
    return 'Sheet';
  }
}

// ---- Spreadsheet ----

/** insertSheet's options (templates are accepted but not copied by the fake). */
type SheetTemplateOption = { template?: GSheet | FakeSheet };

type SpreadsheetMethods =
  | 'addDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'getDeveloperMetadata'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getId'
  | 'getName'
  | 'getRange'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'setActiveSheet'
  | 'toast';

export class FakeSpreadsheet implements Faked<GSpreadsheet, SpreadsheetMethods> {
  readonly [INTERNAL]: SpreadsheetModel;
  readonly #world: SheetsWorld;

  constructor(world: SheetsWorld, model: SpreadsheetModel) {
    this.#world = world;
    this[INTERNAL] = model;
  }
  get #model(): SpreadsheetModel {
    return this[INTERNAL];
  }
  get #host(): Host {
    return this.#world.host;
  }

  getId(): string {
    return this.#model.id;
  }
  getName(): string {
    return this.#model.name;
  }
  /** Faked on purpose: the address Google gives a spreadsheet, made from its id (nothing is served there). */
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(this.#model.id)}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.#model.timeZone;
  }
  getSpreadsheetLocale(): string {
    return this.#model.locale;
  }
  getSheets(): FakeSheet[] {
    const sheets = this.#model.sheets.filter((sheet) => !sheet.deleted);
    return this.#host.list(sheets.map((sheet) => makeSheet(this.#world, this.#model, sheet)));
  }
  getSheetByName(name: string): FakeSheet | null {
    const sheet = this.#model.sheetByName(name);
    return sheet ? makeSheet(this.#world, this.#model, sheet) : null;
  }
  insertSheet(
    nameOrIndexOrOptions?: string | number | SheetTemplateOption,
    indexOrOptions?: number | SheetTemplateOption,
    _options?: SheetTemplateOption,
  ): FakeSheet {
    const model = this.#model;
    let name: string | undefined;
    let index: number | undefined;
    if (typeof nameOrIndexOrOptions === 'string') name = nameOrIndexOrOptions;
    if (typeof nameOrIndexOrOptions === 'number') index = nameOrIndexOrOptions;
    if (typeof indexOrOptions === 'number') index = indexOrOptions;
    if (name === undefined) {
      let n = model.sheets.length + 1;
      while (model.sheetByName(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (name.trim() === '') throw this.#host.error('Invalid argument: sheetName');
    if (model.sheetByName(name)) {
      throw this.#host.error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    if (index !== undefined && (index < 0 || index > model.sheets.length)) throw this.#host.error('Invalid argument: sheetIndex');
    const sheet = model.addSheet(name, index);
    model.activeSheetId = sheet.id; // the new sheet becomes the active one
    return makeSheet(this.#world, model, sheet);
  }
  getActiveSheet(): FakeSheet {
    return makeSheet(this.#world, this.#model, this.#model.activeSheet());
  }
  setActiveSheet(sheet: FakeSheet, _restoreSelection?: boolean): FakeSheet {
    this.#model.activeSheetId = sheet[INTERNAL].sheet.id;
    return sheet;
  }
  getActiveRange(): FakeRange | null {
    return selectedRange(this.#world, this.#model, this.#model.activeSheet(), false);
  }
  getRange(a1Notation: string): FakeRange {
    return rangeFromA1(this.#world, this.#model, this.#model.activeSheet(), a1Notation);
  }
  addDeveloperMetadata(key: string, valueOrVisibility?: string | GVisibility, visibility?: GVisibility): this {
    newEntry(
      spreadsheetMetadataWorld(this.#world, this.#model),
      { type: 'SPREADSHEET', index: 0 },
      key,
      valueOrVisibility,
      visibility,
    );
    return this;
  }
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    const own = ownSpreadsheetMetadata(this.#world, this.#model);
    return this.#host.list(own.map(({ entry, world }) => wrapMetadata(world, entry)));
  }
  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    return metadataFinder(this.#world, () => spreadsheetMetadata(this.#world, this.#model));
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.#world.recordToast({
      spreadsheetId: this.#model.id,
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? null,
      at: this.#host.clock.iso(),
    });
  }
  toString(): string {
    return 'Spreadsheet';
  }
}

// ---- SpreadsheetApp ----

type SpreadsheetAppMethods = 'flush' | 'getUi' | 'newDataValidation' | 'openById' | 'create';

/**
 * The real typings say getActiveSpreadsheet() never returns null; in an add-on's time-driven
 * trigger it does, and product code must cope, so the fake is typed (and behaves) that way.
 */
export interface NullableActive {
  getActiveSpreadsheet(): FakeSpreadsheet | null;
  getActiveSheet(): FakeSheet | null;
  getActiveRange(): FakeRange | null;
}

export type FakeSpreadsheetAppApi = Faked<GSpreadsheetApp, SpreadsheetAppMethods> &
  Pick<GSpreadsheetApp, 'DataValidationCriteria' | 'DeveloperMetadataVisibility' | 'DeveloperMetadataLocationType'> &
  NullableActive;

export class FakeSpreadsheetApp implements FakeSpreadsheetAppApi {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly #world: SheetsWorld;

  constructor(world: SheetsWorld) {
    this.#world = world;
  }

  getActiveSpreadsheet(): FakeSpreadsheet | null {
    const active = this.#world.store.active();
    return active ? makeSpreadsheet(this.#world, active) : null;
  }
  getActiveSheet(): FakeSheet | null {
    const active = this.#world.store.active();
    return active ? makeSheet(this.#world, active, active.activeSheet()) : null;
  }
  getActiveRange(): FakeRange | null {
    const active = this.#world.store.active();
    return active ? selectedRange(this.#world, active, active.activeSheet(), false) : null;
  }
  openById(id: string): FakeSpreadsheet {
    const model = this.#world.store.get(id);
    if (!model) {
      throw this.#world.host.error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    }
    return makeSpreadsheet(this.#world, model);
  }
  create(name: string, rows?: number, columns?: number): FakeSpreadsheet {
    const model = this.#world.store.create({ name, sheets: [] });
    model.addSheet('Sheet1', undefined, { rows, columns });
    return makeSpreadsheet(this.#world, model);
  }
  /**
   * SpreadsheetApp.flush() reference: "Applies all pending Spreadsheet changes". The fake's writes
   * are visible at once; flush makes them durable: an execution killed later keeps them.
   */
  flush(): void {
    this.#world.flush();
  }
  getUi(): FakeUi {
    return this.#world.ui();
  }
  newDataValidation(): FakeDataValidationBuilder {
    return this.#world.host.wrap('DataValidationBuilder', new FakeDataValidationBuilder(this.#world.host));
  }
  toString(): string {
    return 'SpreadsheetApp';
  }
}
