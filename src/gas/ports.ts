// The ports of src/app/ports.ts over Apps Script: the only place a use case's reads and writes
// meet SpreadsheetApp, MailApp, PropertiesService, LockService and ScriptApp.
import { pdfBase64 } from './pdf';
import type { CellValue } from '../domain/types';
import type {
  TriggerOwnerIo,
  ExecutionContext,
  LockPort,
  MailPort,
  OutCell,
  PlatformPort,
  Ports,
  SheetPort,
  SpreadsheetPort,
  TriggerPort,
} from '../app/ports';
import { markOwnedColumn, ownedColumns, sheetNames } from './columns';
import { lockKind, withLock } from './lock';
import { remainingDailyQuota, selfEmail, sendFollowUpEmail } from './mail';
import {
  activeSpreadsheet,
  boldFrozenHeader,
  DateConverter,
  readAllCells,
  readAllGrids,
  readCellsAndFormulas,
  readDisplayBlock,
  setCheckboxColumn,
  setColumnFormat,
  sheetWithHeaders,
  textCell,
  todayIn,
  writeBlock,
  type WritableCell,
} from './sheet';
import { CONFIG_LIMIT, DocumentStore, METADATA_LIMIT } from './store';
import {
  authorizationUrlIfNeeded,
  claimDailyRun,
  dailyStatus,
  effectiveUserEmail,
  installDailyTrigger,
  removeDailyTriggers,
  spreadsheetForTrigger,
  triggerSourceIdOf,
} from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** How long a run or a sidebar write waits for another execution's lock. */
const LOCK_WAIT_MS = 10 * 1000;
const FORMATS = { date: 'yyyy-mm-dd', money: '#,##0.00', text: '@' } as const;

/** A cell the add-on writes, as Sheets takes it: text stays text, calendar dates become date cells. */
function writable(v: OutCell, dates: DateConverter): WritableCell {
  if (typeof v === 'string') return textCell(v);
  if (typeof v === 'object') return 'at' in v ? new Date(v.at) : dates.toDate(v.date);
  return v;
}

/**
 * Row 1 of each sheet as this execution last read or wrote it, by sheet name: the header row of
 * the add-on's own sheets is checked before every append, and a run appends to the Follow-up Log
 * several times, so it is read from the sheet once per execution (README "Performance").
 */
type HeaderRows = Map<string, CellValue[]>;

class SheetAdapter implements SheetPort {
  constructor(
    readonly sheet: Sheet,
    private readonly dates: DateConverter,
    readonly key: string,
    private readonly headerRows: HeaderRows,
  ) {}

  get name(): string {
    return this.sheet.getName();
  }

  readCells() {
    const cells = readAllCells(this.sheet, this.dates);
    if (cells[0]) this.headerRows.set(this.key, [...cells[0]]);
    return cells;
  }

  readGrids() {
    return readAllGrids(this.sheet, this.dates);
  }

  readCellsAndFormulas() {
    return readCellsAndFormulas(this.sheet, this.dates);
  }

  readDisplay(rows: number, width: number) {
    return readDisplayBlock(this.sheet, rows, width);
  }

  ownedColumns() {
    const found = ownedColumns(this.sheet);
    const zeroBased: ReturnType<SheetPort['ownedColumns']> = {};
    for (const [field, column] of Object.entries(found)) zeroBased[field as keyof typeof found] = column - 1;
    return zeroBased;
  }

  markOwned(column: number, field: Parameters<SheetPort['markOwned']>[1]): void {
    markOwnedColumn(this.sheet, column, field);
  }

  readRow(row: number) {
    const known = row === 1 ? this.headerRows.get(this.key) : undefined;
    if (known) return [...known];
    const width = this.sheet.getLastColumn();
    if (row > this.sheet.getLastRow() || width === 0) return [];
    const values = (this.sheet.getRange(row, 1, 1, width).getValues()[0] ?? []).map((v) => this.dates.toCell(v));
    if (row === 1) this.headerRows.set(this.key, [...values]);
    return values;
  }

  writeCells(row: number, column: number, values: OutCell[][]): void {
    const dates = this.dates;
    const header = row === 1 ? this.headerRows.get(this.key) : undefined;
    if (header) header.splice(column - 1, values[0]?.length ?? 0, ...(values[0] ?? []).map(headerCell));
    writeBlock(
      this.sheet,
      row,
      column,
      values.map((r) => r.map((v) => writable(v, dates))),
    );
  }

  lastRow(): number {
    return this.sheet.getLastRow();
  }

  lastColumn(): number {
    return this.sheet.getLastColumn();
  }

  formatColumn(column: number, format: keyof typeof FORMATS): void {
    setColumnFormat(this.sheet, column, FORMATS[format]);
  }

  checkboxColumn(column: number): void {
    setCheckboxColumn(this.sheet, column);
  }

  freezeHeader(columns: number): void {
    boldFrozenHeader(this.sheet, columns);
  }
}

/** A written cell as a read gives it back (a header row holds text). */
function headerCell(v: OutCell): CellValue {
  if (typeof v !== 'object') return v;
  return 'date' in v ? v : '';
}

function rawSheet(sheet: SheetPort): Sheet {
  return (sheet as SheetAdapter).sheet;
}

function spreadsheetPort(ss: Spreadsheet): SpreadsheetPort {
  const timeZone = ss.getSpreadsheetTimeZone();
  const dates = new DateConverter(timeZone);
  const headerRows: HeaderRows = new Map();
  const adapter = (sheet: Sheet, name: string) => new SheetAdapter(sheet, dates, name, headerRows);
  return {
    id: ss.getId(),
    timeZone,
    locale: ss.getSpreadsheetLocale(),
    today: () => todayIn(timeZone),
    find(name) {
      const sheet = ss.getSheetByName(name);
      return sheet ? adapter(sheet, name) : null;
    },
    ensure: (name, headers) => adapter(sheetWithHeaders(ss, name, headers), name),
    createSheet: (name) => (ss.getSheetByName(name) ? null : adapter(ss.insertSheet(name), name)),
    insertHeaderRow(sheet, headers) {
      const raw = rawSheet(sheet);
      if (raw.getLastRow() > 0) raw.insertRowsBefore(1, 1);
      writeBlock(raw, 1, 1, [headers.map((h) => textCell(h))]);
      headerRows.set((sheet as SheetAdapter).key, [...headers]);
    },
    appendRowAtomic(sheet, row) {
      // appendRow is atomic in Sheets, so it is safe while another run holds the lock.
      rawSheet(sheet).appendRow(row.map((v) => writable(v, dates)));
    },
    selection: () => ({ sheetName: ss.getActiveSheet().getName(), row: ss.getActiveRange()?.getRow() ?? 0 }),
    flush: () => SpreadsheetApp.flush(),
    toast: (message) => ss.toast(message, 'Invoice Follow-ups', 10),
    sheetNames: () => sheetNames(ss),
    url: () => ss.getUrl(),
  };
}

const lockPort: LockPort = { withLock: (work) => withLock(LOCK_WAIT_MS, work) };

/** MailApp (the send ledger's room is the store's own, `StorePort.ledgerRoom`). */
const mailPort: MailPort = { remainingDailyQuota, send: sendFollowUpEmail, selfEmail };

function triggerPort(ss: Spreadsheet, store: () => DocumentStore): TriggerPort {
  return {
    isOn: () => dailyStatus(ss, store()).on,
    status: () => dailyStatus(ss, store()),
    install: (hour) => installDailyTrigger(ss, hour, store()),
    remove: () => removeDailyTriggers(ss, store()),
    claimRun: (uid) => claimDailyRun(ss, store(), uid),
  };
}

function quietly<T>(read: () => T, otherwise: T): T {
  try {
    return read();
  } catch {
    return otherwise;
  }
}

/** What this execution can reach; every read is guarded (Check setup must not fail). */
export function executionContext(): ExecutionContext {
  return {
    activeSpreadsheet: quietly(() => SpreadsheetApp.getActiveSpreadsheet() !== null, false),
    documentStore: quietly(() => PropertiesService.getDocumentProperties() !== null, false),
    documentLock: quietly(() => lockKind() === 'document', false),
    emailQuota: quietly<number | null>(() => remainingDailyQuota(), null),
    authorization: quietly(() => (authorizationUrlIfNeeded() === null ? 'granted' : 'required'), 'granted'),
    user: effectiveUserEmail(),
  };
}

/** Session.getActiveUser's address ('' when Google does not reveal it; null when it cannot be asked). */
function activeUserEmail(): string | null {
  return quietly<string | null>(() => Session.getActiveUser().getEmail(), null);
}

function platformPort(store: () => DocumentStore): PlatformPort {
  return {
    context: executionContext,
    storeUsage: () => ({ ...store().usage(), totalLimit: METADATA_LIMIT, configLimit: CONFIG_LIMIT }),
    triggerSourceId: (uid) => quietly(() => triggerSourceIdOf(uid), 'unavailable'),
    activeUser: activeUserEmail,
  };
}

/** The ports of one spreadsheet. The store is opened on first use (inside the run's error handling). */
export function portsFor(ss: Spreadsheet): Ports {
  let store: DocumentStore | null = null;
  const openStore = (): DocumentStore => (store ??= DocumentStore.forSpreadsheet(ss));
  let sheets: SpreadsheetPort | null = null;
  return {
    get spreadsheet() {
      return (sheets ??= spreadsheetPort(ss));
    },
    get store() {
      return openStore();
    },
    mail: mailPort,
    documents: { pdfBase64 },
    lock: lockPort,
    triggers: triggerPort(ss, openStore),
    platform: platformPort(openStore),
    now: () => Date.now(),
    pause: (ms) => Utilities.sleep(ms),
  };
}

/** The ports of the spreadsheet the user has open, or null (no active spreadsheet). */
export function activePorts(): Ports | null {
  const ss = activeSpreadsheet();
  return ss ? portsFor(ss) : null;
}

/**
 * The send path's ports for an email to the trigger's owner about a spreadsheet that cannot be
 * opened: its record lives in the owner's user store (PropertiesService writes are immediate, so
 * there is nothing to flush).
 */
export function triggerOwnerIo(): TriggerOwnerIo {
  const user = PropertiesService.getUserProperties();
  return {
    store: {
      room: () => USER_STORE_ROOM,
      entrySize: (key, value) => key.length + JSON.stringify(value).length,
      refresh: () => undefined,
      readJson(key) {
        const raw = user.getProperty(key);
        try {
          return { value: raw === null ? null : (JSON.parse(raw) as unknown), warning: null };
        } catch {
          return { value: null, warning: null };
        }
      },
      writeJson: (key, value) => void user.setProperty(key, JSON.stringify(value)),
      delete: (key) => void user.deleteProperty(key),
    },
    spreadsheet: { flush: () => undefined },
    mail: mailPort,
    selfEmail,
  };
}

/** The user store holds 500 KB per user and script; the alert's record takes a few hundred characters. */
const USER_STORE_ROOM = 100_000;

/** Whether this execution has a user interface (a menu or sidebar call has one; a time-driven trigger never does). */
export function hasUi(): boolean {
  try {
    SpreadsheetApp.getUi();
    return true;
  } catch {
    return false;
  }
}

/** The ports of the spreadsheet a time-driven run belongs to (throws when it cannot be opened). */
export function triggerPorts(triggerUid: string | undefined): Ports | null {
  const ss = spreadsheetForTrigger(triggerUid);
  return ss ? portsFor(ss) : null;
}
