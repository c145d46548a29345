// createRuntime(): one simulated Apps Script world — an active spreadsheet, a user, a mailbox,
// property stores, locks, triggers, a clock — and the fake globals that expose it.

import { format } from 'node:util';
import { type AuthModeName, CallLog, Clock, type ClockInput, Faults, Host, type Realm } from './core';
import { type ExecutionContext, type ExecutionEnd, Executions } from './execution';
import { FakeHtmlService } from './html';
import { LockTable, FakeLockService } from './lock';
import { FakeMailApp, Mailbox, type MailboxState, type MailWorld } from './mail';
import { FakePropertiesService, PropertyStore } from './properties';
import { RawSheet, RawSpreadsheet } from './rawSheet';
import { FakeScriptApp, TriggerTable, type ScriptWorld, type TriggerTableState } from './script';
import { FakeSession } from './session';
import {
  FakeSpreadsheetApp,
  SpreadsheetStore,
  makeSpreadsheet,
  type FakeSpreadsheet,
  type SheetsWorld,
  type SpreadsheetInit,
  type SpreadsheetStoreState,
} from './spreadsheet';
import type { SpreadsheetModel, RawCell } from './sheetModel';
import { isValidTimeZone } from './timezone';

export { RawSpreadsheet };
import { FakeUi, UiRecorder, type UiState } from './ui';
import { FakeUtilities } from './utilities';

export interface RuntimeOptions {
  /** Simulated start time. Default 2026-11-24T14:00:00Z (09:00 in New York). */
  now?: ClockInput;
  /** Time zone of the active spreadsheet. */
  timeZone?: string;
  /** Locale of the active spreadsheet ('en_US', 'en_GB', 'de_DE', …). */
  locale?: string;
  /** The script project's time zone (Session.getScriptTimeZone, default trigger zone). */
  scriptTimeZone?: string;
  /** The effective user (who authorized the script; owner of triggers, sender of mail). */
  userEmail?: string;
  /** Session.getActiveUser().getEmail(); '' when Apps Script would not reveal it. Default userEmail. */
  activeUserEmail?: string;
  /** Session.getActiveUserLocale(). Default 'en'. */
  userLocale?: string;
  /** The active spreadsheet; null for none (an add-on's time-driven trigger). */
  spreadsheet?: SpreadsheetInit | null;
  /** MailApp.getRemainingDailyQuota() at the start. Default 100. */
  mailQuota?: number;
  authMode?: AuthModeName;
  /** Print Logger/console output as well as recording it. */
  echoLogs?: boolean;
  /** Where HtmlService finds .html files. Default 'dist' (the loader sets its distDir). */
  htmlDir?: string;
  /** Caption of createAddonMenu() menus. */
  addonName?: string;
  /** Apply add-on trigger rules (hourly at most, one time-driven trigger per document). Default true. */
  isAddOn?: boolean;
  scriptId?: string;
  /**
   * Whether an add-on's time-driven trigger sees the document it was created in (document
   * properties and lock) although getActiveSpreadsheet() is null there. Default true; false models
   * a run with no document context at all, which the add-on must survive (it fails closed).
   */
  triggerDocumentContext?: boolean;
  /**
   * Whether ScriptApp.getUserTriggers(spreadsheet) lists time-driven triggers created in that
   * document. Default true; false models the platform listing them only in getProjectTriggers().
   */
  userTriggersListClock?: boolean;
}

export interface ResolvedOptions {
  now: ClockInput;
  timeZone: string;
  locale: string;
  scriptTimeZone: string;
  userEmail: string;
  activeUserEmail: string;
  userLocale: string;
  mailQuota: number;
  authMode: AuthModeName;
  echoLogs: boolean;
  htmlDir: string;
  addonName: string;
  isAddOn: boolean;
  scriptId: string;
  triggerDocumentContext: boolean;
  userTriggersListClock: boolean;
}

export interface LogEntry {
  source: 'Logger' | 'console';
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
  at: string;
}

export class FakeLogger implements GoogleAppsScript.Base.Logger {
  readonly #entries: LogEntry[];
  readonly #emit: (entry: LogEntry) => void;
  readonly #clock: Clock;
  #buffer: string[] = [];

  constructor(entries: LogEntry[], clock: Clock, emit: (entry: LogEntry) => void) {
    this.#entries = entries;
    this.#clock = clock;
    this.#emit = emit;
  }
  log(data: unknown, ...values: unknown[]): this {
    const message = typeof data === 'string' ? format(data, ...values) : format(data);
    const entry: LogEntry = { source: 'Logger', level: 'log', message, at: this.#clock.iso() };
    this.#entries.push(entry);
    this.#buffer.push(message);
    this.#emit(entry);
    return this;
  }
  getLog(): string {
    return this.#buffer.join('\n');
  }
  clear(): void {
    this.#buffer = [];
  }
  toString(): string {
    return 'Logger';
  }
}

export interface FakeConsole {
  log(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  debug(...args: unknown[]): void;
  time(label?: string): void;
  timeEnd(label?: string): void;
}

export interface FakeGlobals {
  SpreadsheetApp: FakeSpreadsheetApp;
  MailApp: FakeMailApp;
  /** Not faked: the add-on sends through MailApp; every GmailApp call throws "not faked". */
  GmailApp: object;
  PropertiesService: FakePropertiesService;
  LockService: FakeLockService;
  ScriptApp: FakeScriptApp;
  Session: FakeSession;
  Utilities: FakeUtilities;
  HtmlService: FakeHtmlService;
  Logger: FakeLogger;
  console: FakeConsole;
}

export interface LockHoldOptions {
  /** The other execution lets go after this long (simulated). Default: never, until releaseHeld(). */
  releaseAfterMs?: number;
}

export type Runtime = ReturnType<typeof createRuntime>;

/** The simulated world behind the fakes: state shared by the services and the test handles. */
interface World {
  opts: ResolvedOptions;
  clock: Clock;
  calls: CallLog;
  faults: Faults;
  host: Host;
  store: SpreadsheetStore;
  ui: UiRecorder;
  mailbox: Mailbox;
  triggers: TriggerTable;
  lockTable: LockTable;
  logs: LogEntry[];
  scriptStore: PropertyStore;
  state: { uiAvailable: boolean; effectiveUser: string; activeUser: string; documentContext: string | null | undefined };
  documentStores: Stores;
  userStores: Stores;
  /**
   * The document whose properties and lock the execution sees. It follows the active spreadsheet,
   * except in an add-on's time-driven trigger: there getActiveSpreadsheet() is null, yet the
   * trigger belongs to the document it was created in (ScriptApp.getUserTriggers(doc) lists it).
   */
  documentContextId(): string | null;
  activeModel(): SpreadsheetModel;
  lockKey(scope: 'document' | 'script' | 'user', spreadsheetId?: string): string;
  emit(entry: LogEntry): void;
  sheetsWorld: SheetsWorld;
  executions: Executions;
  /** Raw access for tests; their edits are reported to the executions (durable at once). */
  raw(model: SpreadsheetModel): RawSpreadsheet;
}

/** Defaults of every runtime option. */
function resolveOptions(options: RuntimeOptions): ResolvedOptions {
  const opts: ResolvedOptions = {
    now: options.now ?? '2026-11-24T14:00:00.000Z',
    timeZone: options.timeZone ?? 'America/New_York',
    locale: options.locale ?? 'en_US',
    scriptTimeZone: options.scriptTimeZone ?? 'America/Los_Angeles',
    userEmail: options.userEmail ?? 'me@example.com',
    activeUserEmail: options.activeUserEmail ?? options.userEmail ?? 'me@example.com',
    userLocale: options.userLocale ?? 'en',
    mailQuota: options.mailQuota ?? 100,
    authMode: options.authMode ?? 'FULL',
    echoLogs: options.echoLogs ?? false,
    htmlDir: options.htmlDir ?? 'dist',
    addonName: options.addonName ?? 'Invoice Follow-ups',
    isAddOn: options.isAddOn ?? true,
    scriptId: options.scriptId ?? 'fake-script-id',
    triggerDocumentContext: options.triggerDocumentContext ?? true,
    userTriggersListClock: options.userTriggersListClock ?? true,
  };
  for (const zone of [opts.timeZone, opts.scriptTimeZone]) {
    if (!isValidTimeZone(zone)) throw new Error(`createRuntime: unknown time zone ${zone}`);
  }
  return opts;
}

/** A property store per key (a document id, a user's email), created on first use. */
interface Stores {
  get(key: string): PropertyStore;
  readonly all: ReadonlyMap<string, PropertyStore>;
}

function storesBy(prefix: string): Stores {
  const all = new Map<string, PropertyStore>();
  return {
    all,
    get: (key) => {
      let found = all.get(key);
      if (!found) {
        found = new PropertyStore(`${prefix}:${key}`);
        all.set(key, found);
      }
      return found;
    },
  };
}

/** Prints a log entry as well as recording it, when asked to. */
function echoer(echoLogs: boolean): (entry: LogEntry) => void {
  return (entry) => {
    if (!echoLogs) return;
    const line = `[${entry.source}] ${entry.message}\n`;
    if (entry.level === 'error' || entry.level === 'warn') process.stderr.write(line);
    else process.stdout.write(line);
  };
}

type WorldState = World['state'];

/** The context an execution saves at its start and puts back at its end. */
function contextAccess(host: Host, store: SpreadsheetStore, state: WorldState) {
  return {
    readContext: (): ExecutionContext => ({
      activeSpreadsheetId: store.activeId,
      uiAvailable: state.uiAvailable,
      authMode: host.authMode,
      inTrigger: host.inTrigger,
      documentContext: state.documentContext,
      effectiveUser: state.effectiveUser,
      activeUser: state.activeUser,
    }),
    writeContext: (context: ExecutionContext): void => {
      store.restoreActive(context.activeSpreadsheetId);
      state.uiAvailable = context.uiAvailable;
      host.authMode = context.authMode;
      host.inTrigger = context.inTrigger;
      state.documentContext = context.documentContext;
      state.effectiveUser = context.effectiveUser;
      state.activeUser = context.activeUser;
    },
  };
}

function createWorld(opts: ResolvedOptions, spreadsheet: SpreadsheetInit | null | undefined): World {
  const clock = new Clock(opts.now);
  const calls = new CallLog();
  const faults = new Faults();
  const host = new Host({ clock, calls, faults });
  host.authMode = opts.authMode;
  const store = new SpreadsheetStore({ timeZone: opts.timeZone, locale: opts.locale });
  if (spreadsheet !== null) store.setActive(store.create({ name: 'Invoices', ...(spreadsheet ?? {}) }).id);
  const ui = new UiRecorder();
  const state: WorldState = {
    uiAvailable: true,
    effectiveUser: opts.userEmail,
    activeUser: opts.activeUserEmail,
    documentContext: undefined,
  };
  const lockTable = new LockTable(host);
  const executions = new Executions({
    host,
    faults,
    store,
    ...contextAccess(host, store, state),
    releaseLocks: (execution) => lockTable.releaseExecutionLocks(execution),
  });
  const activeModel = (): SpreadsheetModel => {
    const active = store.active();
    if (!active) throw new Error('runtime: there is no active spreadsheet (setActiveSpreadsheet(null) was called)');
    return active;
  };
  return {
    opts,
    clock,
    calls,
    faults,
    host,
    store,
    ui,
    state,
    activeModel,
    mailbox: new Mailbox(opts.mailQuota),
    triggers: new TriggerTable(),
    lockTable,
    executions,
    raw: (model) => new RawSpreadsheet(model, () => executions.commit()),
    logs: [],
    scriptStore: new PropertyStore('script'),
    documentStores: storesBy('document'),
    userStores: storesBy('user'),
    documentContextId: () => (state.documentContext === undefined ? (store.active()?.id ?? null) : state.documentContext),
    lockKey: (scope, spreadsheetId) =>
      scope === 'script'
        ? 'script'
        : scope === 'user'
          ? `user:${state.effectiveUser}`
          : `document:${spreadsheetId ?? activeModel().id}`,
    emit: echoer(opts.echoLogs),
    sheetsWorld: sheetsWorld(opts, { host, store, ui, state, executions }),
  };
}

/** What the spreadsheet fakes see of the world. */
function sheetsWorld(
  opts: ResolvedOptions,
  w: { host: Host; store: SpreadsheetStore; ui: UiRecorder; state: WorldState; executions: Executions },
): SheetsWorld {
  const { host, ui, state } = w;
  return {
    host,
    store: w.store,
    ui: () => {
      if (!state.uiAvailable) throw host.error('Cannot call SpreadsheetApp.getUi() from this context.');
      return host.wrap('Ui', new FakeUi(host, ui, opts.addonName));
    },
    recordToast: (toast) => ui.toasts.push(toast),
    scriptId: opts.scriptId,
    flush: () => w.executions.flush(),
  };
}

function createConsole(w: World): FakeConsole {
  const consoleAt =
    (level: LogEntry['level']) =>
    (...args: unknown[]): void => {
      const entry: LogEntry = { source: 'console', level, message: format(...args), at: w.clock.iso() };
      w.logs.push(entry);
      w.emit(entry);
    };
  const timers = new Map<string, number>();
  return {
    log: consoleAt('log'),
    info: consoleAt('info'),
    warn: consoleAt('warn'),
    error: consoleAt('error'),
    debug: consoleAt('debug'),
    time: (label = 'default') => void timers.set(label, w.clock.now()),
    timeEnd: (label = 'default') => consoleAt('log')(`${label}: ${w.clock.now() - (timers.get(label) ?? w.clock.now())}ms`),
  };
}

function scriptWorld(w: World): ScriptWorld {
  return {
    host: w.host,
    triggers: w.triggers,
    scriptTimeZone: () => w.opts.scriptTimeZone,
    activeDocumentId: () => w.store.active()?.id ?? null,
    userEmail: () => w.state.effectiveUser,
    scriptId: w.opts.scriptId,
    isAddOn: w.opts.isAddOn,
    authorizationRequired: () => w.host.authorizationRequired,
    userTriggersListClock: w.opts.userTriggersListClock,
  };
}

function createGlobals(w: World): FakeGlobals {
  const { host, state } = w;
  const mailWorld: MailWorld = { host, sender: () => state.effectiveUser };
  const documentId = (): string | null => w.documentContextId();
  const documentStore = (): PropertyStore | null => {
    const id = documentId();
    return id ? w.documentStores.get(id) : null;
  };
  return {
    SpreadsheetApp: host.wrap('SpreadsheetApp', new FakeSpreadsheetApp(w.sheetsWorld)),
    MailApp: host.wrap('MailApp', new FakeMailApp(mailWorld, w.mailbox)),
    GmailApp: host.wrap('GmailApp', { toString: () => 'GmailApp' }),
    PropertiesService: host.wrap(
      'PropertiesService',
      new FakePropertiesService({
        host,
        documentStore,
        userStore: () => w.userStores.get(state.effectiveUser),
        scriptStore: () => w.scriptStore,
      }),
    ),
    LockService: host.wrap(
      'LockService',
      new FakeLockService({ host, table: w.lockTable, documentId, userEmail: () => state.effectiveUser }),
    ),
    ScriptApp: host.wrap('ScriptApp', new FakeScriptApp(scriptWorld(w))),
    Session: host.wrap(
      'Session',
      new FakeSession({
        host,
        effectiveUser: () => state.effectiveUser,
        activeUser: () => state.activeUser,
        userLocale: () => w.opts.userLocale,
        scriptTimeZone: () => w.opts.scriptTimeZone,
      }),
    ),
    Utilities: host.wrap('Utilities', new FakeUtilities(host)),
    HtmlService: host.wrap('HtmlService', new FakeHtmlService({ host, htmlDir: () => w.opts.htmlDir })),
    Logger: host.wrap('Logger', new FakeLogger(w.logs, w.clock, w.emit)),
    console: createConsole(w),
  };
}

/** Test handles on the spreadsheets, property stores and locks of the world. */
function storeHandles(w: World) {
  return {
    spreadsheets: {
      /** Creates another spreadsheet (reachable with SpreadsheetApp.openById). */
      create: (init: SpreadsheetInit = {}): RawSpreadsheet => w.raw(w.store.create(init)),
      get: (id: string): RawSpreadsheet => {
        const model = w.store.get(id);
        if (!model) throw new Error(`runtime: no spreadsheet with id ${id}`);
        return w.raw(model);
      },
      active: (): RawSpreadsheet | null => {
        const model = w.store.active();
        return model ? w.raw(model) : null;
      },
      list: (): RawSpreadsheet[] => w.store.all().map((m) => w.raw(m)),
      /**
       * "Make a copy" (Drive): a new id, name default "Copy of …", a deep copy of the sheets,
       * cells, formats and developer metadata of every visibility, the same time zone and locale.
       * Not copied: triggers (they stay on the original document) and the document property
       * store. Whether a copy carries an add-on's document properties is documented nowhere; the
       * fake assumes it does not, so the add-on must not count on them in a copy.
       */
      copy: (id: string, name?: string): RawSpreadsheet => w.raw(w.store.copy(id, name)),
      /**
       * The spreadsheet is trashed, deleted or no longer shared with the user: SpreadsheetApp.openById
       * throws as for an id that never existed; if it was the active one, there is no active one.
       * Objects the add-on already holds on it keep working (the fake does not revoke them).
       */
      remove: (id: string): void => w.store.remove(id),
    },

    properties: {
      /** The document store of a spreadsheet (default: the active one). */
      document: (spreadsheetId?: string): PropertyStore => w.documentStores.get(spreadsheetId ?? w.activeModel().id),
      user: (email?: string): PropertyStore => w.userStores.get(email ?? w.state.effectiveUser),
      script: (): PropertyStore => w.scriptStore,
    },

    locks: {
      holdDocumentLock: (options: LockHoldOptions & { spreadsheetId?: string } = {}): void =>
        w.lockTable.holdElsewhere(w.lockKey('document', options.spreadsheetId), options.releaseAfterMs),
      holdScriptLock: (options: LockHoldOptions = {}): void =>
        w.lockTable.holdElsewhere(w.lockKey('script'), options.releaseAfterMs),
      holdUserLock: (options: LockHoldOptions = {}): void => w.lockTable.holdElsewhere(w.lockKey('user'), options.releaseAfterMs),
      releaseHeld: (): void => w.lockTable.releaseHeld(),
      state: (scope: 'document' | 'script' | 'user', spreadsheetId?: string) =>
        w.lockTable.isHeld(w.lockKey(scope, spreadsheetId)),
    },
  };
}

/** What the loader and tests switch: auth, trigger context, active spreadsheet, UI, user. */
function contextControls(w: World) {
  return {
    setAuthMode(mode: AuthModeName): void {
      w.host.authMode = mode;
    },
    /**
     * The user must authorize the script again (true) or has (false). While required,
     * ScriptApp.getAuthorizationInfo(...).getAuthorizationStatus() answers REQUIRED, and in a
     * trigger run every mail, spreadsheet and trigger call throws "Authorization is required to
     * perform that action."
     */
    setAuthorizationRequired(required: boolean): void {
      w.host.authorizationRequired = required;
    },
    /** Used by the loader: the execution is a trigger's (see setAuthorizationRequired). */
    setTriggerRun(inTrigger: boolean): void {
      w.host.inTrigger = inTrigger;
    },
    /** Which spreadsheet is active (bound/open); null as in an add-on's time-driven trigger. */
    setActiveSpreadsheet(id: string | null): void {
      w.store.setActive(id);
    },
    /**
     * The document whose properties and lock the execution sees; undefined = the active spreadsheet.
     * runTrigger sets it for time-driven triggers (see RuntimeOptions.triggerDocumentContext).
     */
    setDocumentContext(id: string | null | undefined): void {
      w.state.documentContext = id;
    },
    /** Whether SpreadsheetApp.getUi() works (false in time-driven triggers). */
    setUiAvailable(available: boolean): void {
      w.state.uiAvailable = available;
    },
    setUser(users: { effective?: string; active?: string }): void {
      if (users.effective !== undefined) w.state.effectiveUser = users.effective;
      if (users.active !== undefined) w.state.activeUser = users.active;
    },
    /**
     * Runs `work` as another user (effective and active user both `email`: their user properties,
     * their user lock, their mail quota's sender), then puts the users back, even if `work` throws.
     * For "another editor's" run nested in a run: `runtime.asUser(KIM, () => addon.call('runFollowUps'))`.
     */
    asUser<T>(email: string, work: () => T): T {
      return withContext(w, { effectiveUser: email, activeUser: email }, work);
    },
    /**
     * Runs `work` with parts of the context switched (e.g. a menu run in the open document nested
     * in a time-driven run: `{ activeSpreadsheetId: id, uiAvailable: true, documentContext: undefined }`),
     * then puts the whole context back, even if `work` throws.
     */
    withContext<T>(changes: Partial<ExecutionContext>, work: () => T): T {
      return withContext(w, changes, work);
    },
  };
}

function withContext<T>(w: World, changes: Partial<ExecutionContext>, work: () => T): T {
  const { readContext, writeContext } = contextAccess(w.host, w.store, w.state);
  const saved = readContext();
  if (changes.activeSpreadsheetId !== undefined && changes.activeSpreadsheetId !== null) {
    w.store.setActive(changes.activeSpreadsheetId); // throws for an unknown id
  }
  writeContext({ ...saved, ...changes });
  try {
    return work();
  } finally {
    writeContext(saved);
  }
}

/** Raw access to sheets and spreadsheet objects, never counted as service calls. */
function sheetHelpers(w: World) {
  return {
    /** Selects cells in the active spreadsheet, as the user clicking them. */
    select(sheetName: string, row: number, column: number, numRows = 1, numColumns = 1): void {
      const model = w.activeModel();
      const sheet = model.sheetByName(sheetName);
      if (!sheet) throw new Error(`runtime.select: no sheet named "${sheetName}"`);
      model.activeSheetId = sheet.id;
      model.selection = { sheetId: sheet.id, row, column, numRows, numColumns };
      w.executions.commit();
    },
    /** Raw access to a sheet of the active spreadsheet (or of `spreadsheetId`). Throws if it does not exist. */
    sheet(name: string, spreadsheetId?: string): RawSheet {
      const model = spreadsheetId ? w.store.get(spreadsheetId) : w.activeModel();
      if (!model) throw new Error(`runtime: no spreadsheet with id ${spreadsheetId}`);
      return w.raw(model).sheet(name);
    },
    /** Adds (or returns) a sheet of the active spreadsheet, optionally filled with raw rows. */
    addSheet(name: string, rows?: readonly (readonly RawCell[])[]): RawSheet {
      return w.raw(w.activeModel()).addSheet(name, rows);
    },
    hasSheet(name: string): boolean {
      return w.activeModel().sheetByName(name) !== undefined;
    },

    /** A Spreadsheet object as Apps Script puts in event objects (e.source); not counted as a call. */
    spreadsheetObject(id?: string): FakeSpreadsheet {
      const model = id === undefined ? w.activeModel() : w.store.get(id);
      if (!model) throw new Error(`runtime: no spreadsheet with id ${id}`);
      return makeSpreadsheet(w.sheetsWorld, model);
    },
  };
}

/** What the loader needs: realms, the HTML directory, the end of an execution, globals. */
function loaderHooks(w: World & { globals: FakeGlobals }) {
  return {
    /** A Date in the realm product code runs in (the vm's once an add-on is loaded). */
    makeDate(ms: number): Date {
      return w.host.makeDate(ms);
    },
    /** Used by the loader: values the fakes create come from this realm. */
    useRealm(realm: Realm): void {
      w.host.realm = realm;
    },
    setHtmlDir(dir: string): void {
      w.opts.htmlDir = dir;
    },
    /**
     * Start of an execution (the loader's call/runTrigger/fireOnOpen; nested when one is running).
     * It saves the context, which endExecution puts back.
     */
    beginExecution(): void {
      w.executions.begin();
    },
    /**
     * End of the current execution: if it was killed, every spreadsheet goes back to its durable
     * copy; Apps Script releases the locks it still held (its own only); the context it started
     * in is put back. Called without beginExecution, it ends the test's own "execution" (locks
     * taken by test code driving runtime.globals directly, a kill of it).
     */
    endExecution(): ExecutionEnd {
      return w.executions.end();
    },

    /** Puts the fake globals on an object (default globalThis); returns a function that undoes it. */
    installGlobals(target: object = globalThis): () => void {
      const saved = new Map<string, PropertyDescriptor | undefined>();
      for (const [name, value] of Object.entries(w.globals)) {
        saved.set(name, Object.getOwnPropertyDescriptor(target, name));
        Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
      }
      return () => {
        for (const [name, descriptor] of saved) {
          if (descriptor) Object.defineProperty(target, name, descriptor);
          else Reflect.deleteProperty(target, name);
        }
      };
    },
  };
}

/** Everything the world holds between executions (runtime.saveState), for restoreState to put back. */
export interface RuntimeState {
  readonly now: number;
  readonly calls: ReturnType<CallLog['save']>;
  readonly host: { authMode: AuthModeName; authorizationRequired: boolean; inTrigger: boolean };
  readonly state: WorldState;
  readonly spreadsheets: SpreadsheetStoreState;
  readonly ui: UiState;
  readonly mail: MailboxState;
  readonly triggers: TriggerTableState;
  readonly locks: ReturnType<LockTable['save']>;
  readonly logs: readonly LogEntry[];
  readonly properties: { script: PropertyValues; document: Map<string, PropertyValues>; user: Map<string, PropertyValues> };
  readonly nextExecution: number;
}

type PropertyValues = ReturnType<PropertyStore['save']>;

const saveStores = (stores: Stores): Map<string, PropertyValues> =>
  new Map([...stores.all].map(([key, store]) => [key, store.save()]));

function restoreStores(stores: Stores, saved: ReadonlyMap<string, PropertyValues>): void {
  for (const [key, store] of stores.all) store.restore(saved.get(key) ?? new Map());
  for (const [key, values] of saved) stores.get(key).restore(values);
}

/** Only between executions, with no fault waiting: a running execution's state is not all in the world. */
function saveWorld(w: World): RuntimeState {
  if (w.executions.depth !== 0 || !w.faults.idle()) {
    throw new Error('runtime.saveState: only between executions, with no fault or beforeCall hook waiting');
  }
  const { authMode, authorizationRequired, inTrigger } = w.host;
  return {
    now: w.clock.now(),
    calls: w.calls.save(),
    host: { authMode, authorizationRequired, inTrigger },
    state: { ...w.state },
    spreadsheets: w.store.saveState(),
    ui: w.ui.save(),
    mail: w.mailbox.save(),
    triggers: w.triggers.save(),
    locks: w.lockTable.save(),
    logs: [...w.logs],
    properties: { script: w.scriptStore.save(), document: saveStores(w.documentStores), user: saveStores(w.userStores) },
    nextExecution: w.executions.nextId,
  };
}

/** Puts a saved state back into the same objects (fakes and raw handles keep working); faults are dropped. */
function restoreWorld(w: World, saved: RuntimeState): void {
  w.faults.clear();
  w.executions.restore(saved.nextExecution);
  w.clock.set(saved.now);
  w.calls.restore(saved.calls);
  Object.assign(w.host, saved.host);
  Object.assign(w.state, saved.state);
  w.store.restoreState(saved.spreadsheets);
  w.ui.restore(saved.ui);
  w.mailbox.restore(saved.mail);
  w.triggers.restore(saved.triggers);
  w.lockTable.restore(saved.locks);
  w.logs.splice(0, w.logs.length, ...saved.logs);
  w.scriptStore.restore(saved.properties.script);
  restoreStores(w.documentStores, saved.properties.document);
  restoreStores(w.userStores, saved.properties.user);
}

export function createRuntime(options: RuntimeOptions = {}) {
  const world = createWorld(resolveOptions(options), options.spreadsheet);
  const globals = createGlobals(world);
  const { host, state } = world;
  return {
    options: world.opts,
    globals,
    clock: world.clock,
    calls: world.calls,
    faults: world.faults,
    logs: world.logs,
    ui: world.ui,
    mail: world.mailbox,
    triggers: world.triggers,
    ...storeHandles(world),
    ...contextControls(world),
    ...sheetHelpers(world),
    ...loaderHooks({ ...world, globals }),
    get authMode(): AuthModeName {
      return host.authMode;
    },
    get uiAvailable(): boolean {
      return state.uiAvailable;
    },
    /** Whether the execution running now was killed (runtime.faults.killBefore / killAfter). */
    get killed(): boolean {
      return host.execution.killed !== null;
    },
    /** How many executions are running: 0 in the test's own code, 1 inside addon.call, 2 nested, … */
    get executionDepth(): number {
      return world.executions.depth;
    },
    /**
     * Everything the simulated world holds, deep-copied: spreadsheets, stores, mail, triggers,
     * locks, UI, logs, the call log and the clock. Only between executions, with no fault waiting.
     */
    saveState: (): RuntimeState => saveWorld(world),
    /** Back to a state saveState took of this runtime (any number of times); waiting faults are dropped. */
    restoreState: (saved: RuntimeState): void => restoreWorld(world, saved),
  };
}
