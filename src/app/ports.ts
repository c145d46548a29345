// What a use case needs from Apps Script, as small typed interfaces. src/gas/ports.ts implements
// them over SpreadsheetApp, MailApp, PropertiesService and LockService; unit tests of src/app pass
// plain objects. Cells cross as plain values: dates are `{ date }` calendar dates, strings stay text.
import type { PlannedDocument } from '../domain/notice';
import type { CellValue, EmailContent, IsoDate, StatusField } from '../domain/types';

/** A cell as the add-on writes it: a plain value, or a timestamp (epoch ms) for the log. */
export type OutCell = CellValue | { at: number };

/**
 * The data range three ways, parallel grids: values, what each cell shows, and formulas ('' for none;
 * a row may be shorter than the others, even empty: its missing cells are '').
 */
export interface SheetGrids {
  cells: CellValue[][];
  display: string[][];
  formulas: string[][];
}

/** One sheet of the spreadsheet. */
export interface SheetPort {
  readonly name: string;
  /** Every cell of the data range in one read ([] for an empty sheet). */
  readCells(): CellValue[][];
  /** The data range's values, displayed values and formulas (one range, three reads). */
  readGrids(): SheetGrids;
  /** The data range's values and formulas (one range, two reads). */
  readCellsAndFormulas(): Pick<SheetGrids, 'cells' | 'formulas'>;
  /** What the first `width` columns of the first `rows` rows show (one read; [] when either is 0). */
  readDisplay(rows: number, width: number): string[][];
  /** The add-on's own status columns as they stand now, 0-based (one look-up of their marks). */
  ownedColumns(): Partial<Record<StatusField, number>>;
  /** Marks a column (1-based) as the add-on's own status column for `field`. */
  markOwned(column: number, field: StatusField): void;
  /** Writes a block at (row, column), 1-based, in one call; the grid grows when needed. */
  writeCells(row: number, column: number, values: OutCell[][]): void;
  /** One row's cells (row 1-based; [] beyond the last row). */
  readRow(row: number): CellValue[];
  /** The last row with content (0 for an empty sheet). */
  lastRow(): number;
  /** The last column with content (0 for an empty sheet). */
  lastColumn(): number;
  /** Shows the data cells of a column as dates or as money. */
  formatColumn(column: number, format: 'date' | 'money' | 'text'): void;
  /** Checkbox validation on a column's data cells (without writing FALSE into them). */
  checkboxColumn(column: number): void;
  /** Bold, frozen header row over `columns` columns. */
  freezeHeader(columns: number): void;
}

/** The add-on's own sheets (Follow-up Log, Dispute Notes): created with their header when missing. */
export interface OwnSheetPort {
  /** The sheet, or null when it does not exist yet (a read never creates it). */
  find(name: string): SheetPort | null;
  /** The sheet, created with a bold frozen header row when missing. */
  ensure(name: string, headers: readonly string[]): SheetPort;
  /** Puts a header row above row 1 (the old row 1 moves down). */
  insertHeaderRow(sheet: SheetPort, headers: readonly string[]): void;
  /** Appends one row atomically (safe while another execution holds the lock). */
  appendRowAtomic(sheet: SheetPort, row: OutCell[]): void;
}

export interface SpreadsheetPort extends OwnSheetPort {
  readonly id: string;
  readonly timeZone: string;
  readonly locale: string;
  /** Today's calendar date in the spreadsheet's time zone. */
  today(): IsoDate;
  /** The sheet and row the user has selected. */
  selection(): { sheetName: string; row: number };
  /** Applies pending writes now. */
  flush(): void;
  /** A new empty sheet, or null when one with that name exists. */
  createSheet(name: string): SheetPort | null;
  /** A short message in the corner of the spreadsheet. */
  toast(message: string): void;
  /** The names of the spreadsheet's sheets, in tab order. */
  sheetNames(): string[];
  /** The spreadsheet's address (the daily summary links to it). */
  url(): string;
}

/** Whether daily follow-ups are on, and whose trigger runs them (every editor sees the same). */
export interface DailyStatus {
  on: boolean;
  /** The address of the person whose trigger runs them (null when off or unknown). */
  owner: string | null;
  hour: number | null;
  /** The trigger is this user's. */
  mine: boolean;
}

/** Turning on: done, or refused with a code and words for the user (the old schedule is kept). */
export type TriggerResult = { ok: true } | { ok: false; code: 'too-many' | 'one-per-document' | 'failed'; message: string };

/** The one daily time-driven trigger of this spreadsheet. */
export interface TriggerPort {
  isOn(): boolean;
  status(): DailyStatus;
  /** Replaces this user's daily trigger with one at `hour` in the spreadsheet's time zone. */
  install(hour: number): TriggerResult;
  /** Removes this user's daily triggers and marks them off for everyone; returns how many there were. */
  remove(): number;
  /** Whether the time-driven trigger `uid` still runs this spreadsheet (a replaced one retires itself). */
  claimRun(uid: string | undefined): boolean;
}

/** What this execution can reach (Check setup, and the record every daily run keeps). */
export interface ExecutionContext {
  activeSpreadsheet: boolean;
  documentStore: boolean;
  documentLock: boolean;
  /** Emails MailApp will still send today (null when it would not say). */
  emailQuota: number | null;
  /** All the manifest's permissions are granted, or the user must authorise again. */
  authorization: 'granted' | 'required';
  user: string | null;
}

/** The platform facts of this execution and the store's room. */
export interface PlatformPort {
  context(): ExecutionContext;
  /** Characters the store uses, of its limits. */
  storeUsage(): { total: number; totalLimit: number; config: number; configLimit: number };
  /** What Trigger.getTriggerSourceId() returns for this user's trigger `uid` ('unavailable' when it cannot be read). */
  triggerSourceId(uid: string): string | null;
  /**
   * The address of the user acting now (Session.getActiveUser): for an editor using the sidebar, the
   * editor, where `context().user` is whoever authorised the script. '' when Google does not reveal it.
   */
  activeUser?(): string | null;
}

/** A store write refused, in words for the user (too large, settings full). Nothing was changed. */
export class StoreRefusedError extends Error {}

/** A store write refused because the store has no room (the owner can act on it: README "When the platform refuses"). */
export class StoreFullError extends StoreRefusedError {}

/** The store of settings, templates and the send ledger shared by every context (JSON values). */
export interface StorePort {
  readJson(key: string): { value: unknown; warning: string | null };
  /** Throws (in words for the owner; a StoreFullError when there is no room) when the value cannot be stored, before anything is lost. */
  writeJson(key: string, value: unknown): void;
  delete(key: string): void;
  readAllJson(keyPrefix: string): Array<{ key: string; value: unknown }>;
  /** About how many more sends the send ledger can record (to plan how many invoices one email lists). */
  ledgerRoom(): number;
  /** Characters still free in the store (metadata of other tools that this script cannot see is not counted). */
  room(): number;
  /** Characters a write of `value` under `key` takes. */
  entrySize(key: string, value: unknown): number;
  /** Reads the store again from the spreadsheet on next use (another execution may have written it). */
  refresh(): void;
  /**
   * The entries of a key that several executions add to at once (each its own entry), read fresh
   * from the spreadsheet (one look-up, whatever the size of the store), each with an order every
   * execution agrees on.
   */
  readShared(key: string): Array<{ value: unknown; order: number }>;
  /** Adds one more entry under a shared key (throws, like writeJson, when there is no room). */
  addShared(key: string, value: unknown): void;
  /** Removes the entries of a shared key whose value `matches`. */
  removeShared(key: string, matches: (value: unknown) => boolean): void;
  /** Entries with the add-on's keys that are ignored (DOCUMENT-visible: anyone with edit access can add those). */
  ignoredEntries(): number;
}

/**
 * One email as MailApp sends it: a client email (docs/escalation.md "One email per client") or any
 * single email. A formal letter goes as a PDF attachment: the email's own, else the first listed invoice's.
 */
export interface MailMessage extends EmailContent {
  letter?: PlannedDocument;
  invoices?: ReadonlyArray<{ letter?: PlannedDocument }>;
}

export interface MailPort {
  remainingDailyQuota(): number;
  send(email: MailMessage, senderName: string): void;
  /** The user's own address (for CC/BCC-self), or null when Apps Script will not say. */
  selfEmail(): string | null;
}

/** busy: another execution holds the lock; unavailable: no lock could be had. */
export type Locked<T> = { acquired: true; value: T } | { acquired: false; reason: 'busy' | 'unavailable' };

export interface LockPort {
  /** Runs `work` under the document lock (or, without a document, the user's), waiting a few seconds for it. */
  withLock<T>(work: () => T): Locked<T>;
}

/** Documents made by the add-on (the evidence pack), as files. */
export interface DocumentPort {
  /** The document printed as a PDF, base64-encoded (google.script.run carries strings, not blobs). */
  pdfBase64(document: PlannedDocument): string;
}

export interface Ports {
  spreadsheet: SpreadsheetPort;
  store: StorePort;
  mail: MailPort;
  documents: DocumentPort;
  lock: LockPort;
  triggers: TriggerPort;
  platform: PlatformPort;
  /** Milliseconds since the epoch (the send time budget, log timestamps). */
  now(): number;
  /** Waits this long (Utilities.sleep): a run that met another's claim tries again a moment later. */
  pause(ms: number): void;
}

/** What a refused lock means for the user. */
export const TRY_AGAIN = 'A follow-up run is in progress: try again in a minute.';

// ---- beyond one spreadsheet: what the menu, the sidebar and the daily trigger need ----------------

export interface MenuItem {
  caption: string;
  functionName: string;
}

/** The spreadsheet's user interface (SpreadsheetApp.getUi, HtmlService): menus, dialogs, the sidebar. */
export interface UiPort {
  /** Whether this execution has a user interface (a time-driven trigger never does). */
  hasUi(): boolean;
  addMenu(items: Array<MenuItem | 'separator'>): void;
  showAlert(title: string, message: string): void;
  confirm(title: string, message: string): boolean;
  /** One line of text; null when the user cancels. */
  promptText(title: string, message: string): string | null;
  askYesNoCancel(title: string, message: string): 'yes' | 'no' | 'cancel';
  showSidebar(file: string, title: string): void;
}

/** A daily run that stopped for want of authorisation, as recorded for the next open. */
export interface AuthorizationNeeded {
  at: string;
  url: string;
}

/** Whether the user must authorise the add-on again, and the record of a daily run that could not. */
export interface AuthorizationPort {
  /** The authorisation URL when the user must authorise again, else null. */
  urlIfNeeded(): string | null;
  needed(): AuthorizationNeeded | null;
  record(url: string, at: Date): void;
  clear(): void;
}

/** The daily triggers of this project, as the trigger run itself sees them (README "When the platform refuses"). */
export interface DailyTriggersPort {
  /** Whether `uid` is one of this project's daily time-driven triggers of this user (throws when ScriptApp cannot say). */
  isDailyTrigger(uid: unknown): boolean;
  /** The name and address of the spreadsheet the trigger was made for, as recorded then. */
  spreadsheetInfo(uid: string): { id: string | null; name: string | null; url: string | null };
  /** The send path's ports for an email to the trigger's owner (its record in the owner's own store). */
  ownerIo(): TriggerOwnerIo;
}

/**
 * Everything the use cases need from the platform beyond one spreadsheet's ports. src/main.ts
 * builds it over Apps Script (src/gas/environment.ts); tests pass plain objects.
 */
export interface Environment {
  ui: UiPort;
  /** The ports of the spreadsheet the user has open, or null. */
  activePorts(): Ports | null;
  /** The ports of a daily trigger's spreadsheet: null when none is recorded; throws when it cannot be opened. */
  triggerPorts(uid: string): Ports | null;
  authorization: AuthorizationPort;
  daily: DailyTriggersPort;
}

/**
 * What the send path needs: a store for its records (the spreadsheet's, or for an alert about a
 * spreadsheet that cannot be opened the owner's own), a way to apply pending writes, and MailApp.
 */
export interface SendIo {
  store: Pick<StorePort, 'room' | 'entrySize' | 'refresh' | 'readJson' | 'writeJson' | 'delete'>;
  spreadsheet: Pick<SpreadsheetPort, 'flush'>;
  mail: Pick<MailPort, 'send' | 'remainingDailyQuota'>;
}

/** The send path's ports for an email to a trigger's owner about a spreadsheet it cannot open. */
export interface TriggerOwnerIo extends SendIo {
  /** The owner's address (null when Google will not say). */
  selfEmail(): string | null;
}
