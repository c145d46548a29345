// Step 1 of a run: read everything once, as plain values. Reads only, never writes (a lost header
// row of the add-on's own sheets is put back by the step that appends to them; status columns to
// adopt are marked by the step that writes them).
import type { ColumnMapping, HeaderMap } from '../domain/headers';
import {
  DISPUTE_HEADERS,
  DISPUTE_SHEET,
  LOG_HEADERS,
  LOG_SHEET,
  parseDisputeRows,
  parseLogRows,
  withHeaderRow,
  type DisputeRecord,
  type LedgerEntry,
  type LogRecord,
} from '../domain/records';
import type { PromiseRecord } from '../domain/promise';
import { shownWidth } from '../domain/parse';
import type { CellValue, IsoDate, SheetContext, StatusField } from '../domain/types';
import { readColumnMapping, readHeader, readNotPaymentColumns } from './columns';
import { loadConfig, type Config } from './config';
import type { Ports, StorePort } from './ports';
import { readPromises } from './promiseRecords';
import { readConfirmedDueDates } from './dueDateRecords';
import { readCallContacts, type CallContact } from './callRecords';
import { ownedColumnsOf } from './ownedColumns';

/** A problem the user can fix, told in their words (not a bug). */
export class UserFacingError extends Error {}

/** The header row cannot be read as it is: the sidebar's Columns step is where to fix it. */
export class HeaderProblem extends UserFacingError {}

export const LEDGER_PREFIX = 'ledger:';

/** Everything a run reads, turned into plain values. */
export interface Snapshot {
  config: Config;
  ctx: SheetContext;
  /** The invoice sheet's name as it is in the spreadsheet. */
  sheetName: string;
  header: HeaderMap;
  /** 0-based row of the header in `grid` (title rows may stand above it). */
  headerRow: number;
  /** Status columns of a sheet made before the add-on marked its columns: marked when statuses are written. */
  adopt: Partial<Record<StatusField, number>>;
  /**
   * The status columns were taken from where a run last found them by their marks (the header row
   * reads the same): a write finds them by their marks first (src/app/ownedColumns.ts).
   */
  ownedRemembered?: boolean;
  /** The user's saved column choices (sidebar › Columns). */
  mapping: ColumnMapping;
  /** Headers the user said are not payment columns (sidebar › Columns). */
  notPayment: string[];
  /** Things about the header row the user should know (a saved column choice no longer found). */
  headerNotes: string[];
  /** The invoice sheet's cells from row 1. */
  grid: CellValue[][];
  /**
   * What each cell shows (only as far as `shownWidth` of the columns: the rest is not read) and each
   * cell's formula ('' for none), parallel to `grid`.
   */
  display: string[][];
  formulas: string[][];
  log: LogRecord[];
  ledger: LedgerEntry[];
  /** How many sends the send ledger has room for now (a client email takes one place per invoice). */
  ledgerRoom: number;
  disputes: DisputeRecord[];
  /** Promises to pay recorded in the sidebar (docs/escalation.md, "Promises"). */
  promises: PromiseRecord[];
  /** Due dates the user confirmed in the sidebar though they look like a typo: invoice key → date. */
  confirmedDueDates: ReadonlyMap<string, IsoDate>;
  /** The user's own address when CC/BCC-self is on. */
  selfEmail: string | null;
  /** Addresses given after a call with the wrong contact (README "The day-14 call"). */
  callContacts?: CallContact[];
}

export function readSnapshot(ports: Ports): Snapshot {
  const { spreadsheet, store } = ports;
  const config = loadConfig(store);
  const ctx: SheetContext = { timeZone: spreadsheet.timeZone, locale: spreadsheet.locale, today: spreadsheet.today() };
  const invoiceSheet = spreadsheet.find(config.settings.sheetName);
  if (!invoiceSheet) {
    throw new UserFacingError(
      `There is no sheet named '${config.settings.sheetName}'. Use Extensions › Invoice Follow-ups › Set up invoice sheet, or rename your invoice sheet.`,
    );
  }
  const { cells: grid, formulas } = invoiceSheet.readCellsAndFormulas();
  const mapping = readColumnMapping(store);
  const notPayment = readNotPaymentColumns(store);
  const owned = ownedColumnsOf(invoiceSheet, grid, store);
  const reading = readHeader(grid, owned.columns, mapping, invoiceSheet.name, formulas, notPayment);
  if (!reading.ok) throw new HeaderProblem(reading.problem);
  // Displayed text only as far as the last column the rows are read by it (README "Performance").
  const display = invoiceSheet.readDisplay(grid.length, shownWidth(reading.header.map.columns));
  const logSheet = spreadsheet.find(LOG_SHEET);
  const log = logSheet ? parseLogRows(withHeaderRow(logSheet.readCells(), LOG_HEADERS)) : [];
  const disputeSheet = spreadsheet.find(DISPUTE_SHEET);
  const disputes = disputeSheet ? parseDisputeRows(withHeaderRow(disputeSheet.readCells(), DISPUTE_HEADERS)) : [];
  const { ccSelf, bccSelf } = config.settings;
  return {
    config,
    ctx,
    sheetName: invoiceSheet.name,
    header: reading.header.map,
    headerRow: reading.header.index,
    adopt: reading.header.adopt,
    ownedRemembered: owned.remembered,
    mapping,
    notPayment,
    headerNotes: reading.notes,
    grid,
    display,
    formulas,
    log,
    ledger: readLedger(store),
    ledgerRoom: store.ledgerRoom(),
    disputes,
    promises: readPromises(store),
    confirmedDueDates: readConfirmedDueDates(store),
    selfEmail: ccSelf || bccSelf ? ports.mail.selfEmail() : null,
    callContacts: readCallContacts(store),
  };
}

/** The send ledger: every send recorded before and after it happened, not yet settled by the log. */
export function readLedger(store: StorePort): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const { value } of store.readAllJson(LEDGER_PREFIX)) {
    if (value && typeof value === 'object' && typeof (value as LedgerEntry).key === 'string') out.push(value as LedgerEntry);
  }
  return out;
}
