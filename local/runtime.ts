// createRuntime(): one simulated Apps Script world — an active spreadsheet, a user, a mailbox,
// property stores, locks, triggers, a clock — and the fake globals that expose it.

import { format } from 'node:util';
import { type AuthModeName, CallLog, Clock, type ClockInput, Faults, Host, NODE_REALM, type Realm } from './core';
import { FakeHtmlService, type HtmlWorld } from './html';
import { LockTable, FakeLockService } from './lock';
import { FakeMailApp, Mailbox, type MailWorld } from './mail';
import { FakePropertiesService, PropertyStore } from './properties';
import { RawSheet } from './rawSheet';
import { FakeScriptApp, TriggerTable, type ScriptWorld } from './script';
import { FakeSession } from './session';
import {
  FakeSpreadsheetApp,
  SpreadsheetStore,
  makeSpreadsheet,
  type FakeSpreadsheet,
  type SheetsWorld,
  type SpreadsheetInit,
} from './spreadsheet';
import type { SpreadsheetModel, RawCell } from './sheetModel';
import { isValidTimeZone } from './timezone';
import { FakeUi, UiRecorder } from './ui';
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

/** A spreadsheet as tests see it: its settings and raw access to its sheets. */
export class RawSpreadsheet {
  readonly model: SpreadsheetModel;
  constructor(model: SpreadsheetModel) {
    this.model = model;
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
  }
  get locale(): string {
    return this.model.locale;
  }
  set locale(locale: string) {
    this.model.locale = locale;
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
    return new RawSheet(this.model, sheet);
  }
  /** Adds a sheet (optionally with raw rows), or returns the existing one. */
  addSheet(name: string, rows?: readonly (readonly RawCell[])[]): RawSheet {
    const sheet = this.model.sheetByName(name) ?? this.model.addSheet(name);
    const raw = new RawSheet(this.model, sheet);
    if (rows) raw.loadRows(rows);
    return raw;
  }
  deleteSheet(name: string): void {
    const sheet = this.model.sheetByName(name);
    if (!sheet) return;
    this.model.sheets.splice(this.model.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
  }
}

export interface LockHoldOptions {
  /** The other execution lets go after this long (simulated). Default: never, until releaseHeld(). */
  releaseAfterMs?: number;
}

export type Runtime = ReturnType<typeof createRuntime>;

export function createRuntime(options: RuntimeOptions = {}) {
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

  const clock = new Clock(opts.now);
  const calls = new CallLog();
  const faults = new Faults();
  const host = new Host({ clock, calls, faults });
  host.authMode = opts.authMode;

  const store = new SpreadsheetStore({ timeZone: opts.timeZone, locale: opts.locale });
  if (options.spreadsheet !== null) {
    const active = store.create({ name: 'Invoices', ...(options.spreadsheet ?? {}) });
    store.setActive(active.id);
  }

  const ui = new UiRecorder();
  let uiAvailable = true;
  const mailbox = new Mailbox(opts.mailQuota);
  const triggers = new TriggerTable();
  const lockTable = new LockTable(host);
  const documentStores = new Map<string, PropertyStore>();
  const userStores = new Map<string, PropertyStore>();
  const scriptStore = new PropertyStore('script');
  const logs: LogEntry[] = [];
  let effectiveUser = opts.userEmail;
  let activeUser = opts.activeUserEmail;

  const documentStore = (id: string): PropertyStore => {
    let s = documentStores.get(id);
    if (!s) {
      s = new PropertyStore(`document:${id}`);
      documentStores.set(id, s);
    }
    return s;
  };
  const userStore = (email: string): PropertyStore => {
    let s = userStores.get(email);
    if (!s) {
      s = new PropertyStore(`user:${email}`);
      userStores.set(email, s);
    }
    return s;
  };
  const emit = (entry: LogEntry): void => {
    if (!opts.echoLogs) return;
    const line = `[${entry.source}] ${entry.message}\n`;
    if (entry.level === 'error' || entry.level === 'warn') process.stderr.write(line);
    else process.stdout.write(line);
  };

  const sheetsWorld: SheetsWorld = {
    host,
    store,
    ui: () => {
      if (!uiAvailable) throw host.error('Cannot call SpreadsheetApp.getUi() from this context.');
      return host.wrap('Ui', new FakeUi(host, ui, opts.addonName));
    },
    recordToast: (toast) => ui.toasts.push(toast),
  };
  const mailWorld: MailWorld = { host, sender: () => effectiveUser };
  const scriptWorld: ScriptWorld = {
    host,
    triggers,
    scriptTimeZone: () => opts.scriptTimeZone,
    activeDocumentId: () => store.active()?.id ?? null,
    userEmail: () => effectiveUser,
    scriptId: opts.scriptId,
    isAddOn: opts.isAddOn,
    authorizationRequired: () => host.authorizationRequired,
    userTriggersListClock: opts.userTriggersListClock,
  };
  const htmlWorld: HtmlWorld = { host, htmlDir: () => opts.htmlDir };

  const consoleAt =
    (level: LogEntry['level']) =>
    (...args: unknown[]): void => {
      const entry: LogEntry = { source: 'console', level, message: format(...args), at: clock.iso() };
      logs.push(entry);
      emit(entry);
    };
  const timers = new Map<string, number>();
  const fakeConsole: FakeConsole = {
    log: consoleAt('log'),
    info: consoleAt('info'),
    warn: consoleAt('warn'),
    error: consoleAt('error'),
    debug: consoleAt('debug'),
    time: (label = 'default') => void timers.set(label, clock.now()),
    timeEnd: (label = 'default') => consoleAt('log')(`${label}: ${clock.now() - (timers.get(label) ?? clock.now())}ms`),
  };

  // The document whose properties and lock the execution sees. It follows the active spreadsheet,
  // except in an add-on's time-driven trigger: there getActiveSpreadsheet() is null, yet the trigger
  // belongs to the document it was created in (ScriptApp.getUserTriggers(doc) lists it).
  let documentContext: string | null | undefined;
  const documentContextId = (): string | null => (documentContext === undefined ? (store.active()?.id ?? null) : documentContext);

  const globals: FakeGlobals = {
    SpreadsheetApp: host.wrap('SpreadsheetApp', new FakeSpreadsheetApp(sheetsWorld)),
    MailApp: host.wrap('MailApp', new FakeMailApp(mailWorld, mailbox)),
    GmailApp: host.wrap('GmailApp', { toString: () => 'GmailApp' }),
    PropertiesService: host.wrap(
      'PropertiesService',
      new FakePropertiesService({
        host,
        documentStore: () => {
          const id = documentContextId();
          return id ? documentStore(id) : null;
        },
        userStore: () => userStore(effectiveUser),
        scriptStore: () => scriptStore,
      }),
    ),
    LockService: host.wrap(
      'LockService',
      new FakeLockService({
        host,
        table: lockTable,
        documentId: () => documentContextId(),
        userEmail: () => effectiveUser,
      }),
    ),
    ScriptApp: host.wrap('ScriptApp', new FakeScriptApp(scriptWorld)),
    Session: host.wrap(
      'Session',
      new FakeSession({
        host,
        effectiveUser: () => effectiveUser,
        activeUser: () => activeUser,
        userLocale: () => opts.userLocale,
        scriptTimeZone: () => opts.scriptTimeZone,
      }),
    ),
    Utilities: host.wrap('Utilities', new FakeUtilities(host)),
    HtmlService: host.wrap('HtmlService', new FakeHtmlService(htmlWorld)),
    Logger: host.wrap('Logger', new FakeLogger(logs, clock, emit)),
    console: fakeConsole,
  };

  const activeModel = (): SpreadsheetModel => {
    const active = store.active();
    if (!active) throw new Error('runtime: there is no active spreadsheet (setActiveSpreadsheet(null) was called)');
    return active;
  };
  const lockKey = (scope: 'document' | 'script' | 'user', spreadsheetId?: string): string => {
    if (scope === 'script') return 'script';
    if (scope === 'user') return `user:${effectiveUser}`;
    return `document:${spreadsheetId ?? activeModel().id}`;
  };

  return {
    options: opts,
    globals,
    clock,
    calls,
    faults,
    logs,
    ui,
    mail: mailbox,
    triggers,

    spreadsheets: {
      /** Creates another spreadsheet (reachable with SpreadsheetApp.openById). */
      create: (init: SpreadsheetInit = {}): RawSpreadsheet => new RawSpreadsheet(store.create(init)),
      get: (id: string): RawSpreadsheet => {
        const model = store.get(id);
        if (!model) throw new Error(`runtime: no spreadsheet with id ${id}`);
        return new RawSpreadsheet(model);
      },
      active: (): RawSpreadsheet | null => {
        const model = store.active();
        return model ? new RawSpreadsheet(model) : null;
      },
      list: (): RawSpreadsheet[] => store.all().map((m) => new RawSpreadsheet(m)),
    },

    properties: {
      /** The document store of a spreadsheet (default: the active one). */
      document: (spreadsheetId?: string): PropertyStore => documentStore(spreadsheetId ?? activeModel().id),
      user: (email?: string): PropertyStore => userStore(email ?? effectiveUser),
      script: (): PropertyStore => scriptStore,
    },

    locks: {
      holdDocumentLock: (options: LockHoldOptions & { spreadsheetId?: string } = {}): void =>
        lockTable.holdElsewhere(lockKey('document', options.spreadsheetId), options.releaseAfterMs),
      holdScriptLock: (options: LockHoldOptions = {}): void => lockTable.holdElsewhere(lockKey('script'), options.releaseAfterMs),
      holdUserLock: (options: LockHoldOptions = {}): void => lockTable.holdElsewhere(lockKey('user'), options.releaseAfterMs),
      releaseHeld: (): void => lockTable.releaseHeld(),
      state: (scope: 'document' | 'script' | 'user', spreadsheetId?: string) => lockTable.isHeld(lockKey(scope, spreadsheetId)),
    },

    get authMode(): AuthModeName {
      return host.authMode;
    },
    setAuthMode(mode: AuthModeName): void {
      host.authMode = mode;
    },
    /**
     * The user must authorize the script again (true) or has (false). While required,
     * ScriptApp.getAuthorizationInfo(...).getAuthorizationStatus() answers REQUIRED, and in a
     * trigger run every mail, spreadsheet and trigger call throws "Authorization is required to
     * perform that action."
     */
    setAuthorizationRequired(required: boolean): void {
      host.authorizationRequired = required;
    },
    /** Used by the loader: the execution is a trigger's (see setAuthorizationRequired). */
    setTriggerRun(inTrigger: boolean): void {
      host.inTrigger = inTrigger;
    },
    /** Which spreadsheet is active (bound/open); null as in an add-on's time-driven trigger. */
    setActiveSpreadsheet(id: string | null): void {
      store.setActive(id);
    },
    /**
     * The document whose properties and lock the execution sees; undefined = the active spreadsheet.
     * runTrigger sets it for time-driven triggers (see RuntimeOptions.triggerDocumentContext).
     */
    setDocumentContext(id: string | null | undefined): void {
      documentContext = id;
    },
    /** Whether SpreadsheetApp.getUi() works (false in time-driven triggers). */
    setUiAvailable(available: boolean): void {
      uiAvailable = available;
    },
    get uiAvailable(): boolean {
      return uiAvailable;
    },
    setUser(users: { effective?: string; active?: string }): void {
      if (users.effective !== undefined) effectiveUser = users.effective;
      if (users.active !== undefined) activeUser = users.active;
    },

    /** Selects cells in the active spreadsheet, as the user clicking them. */
    select(sheetName: string, row: number, column: number, numRows = 1, numColumns = 1): void {
      const model = activeModel();
      const sheet = model.sheetByName(sheetName);
      if (!sheet) throw new Error(`runtime.select: no sheet named "${sheetName}"`);
      model.activeSheetId = sheet.id;
      model.selection = { sheetId: sheet.id, row, column, numRows, numColumns };
    },
    /** Raw access to a sheet of the active spreadsheet (or of `spreadsheetId`). Throws if it does not exist. */
    sheet(name: string, spreadsheetId?: string): RawSheet {
      const model = spreadsheetId ? store.get(spreadsheetId) : activeModel();
      if (!model) throw new Error(`runtime: no spreadsheet with id ${spreadsheetId}`);
      return new RawSpreadsheet(model).sheet(name);
    },
    /** Adds (or returns) a sheet of the active spreadsheet, optionally filled with raw rows. */
    addSheet(name: string, rows?: readonly (readonly RawCell[])[]): RawSheet {
      return new RawSpreadsheet(activeModel()).addSheet(name, rows);
    },
    hasSheet(name: string): boolean {
      return activeModel().sheetByName(name) !== undefined;
    },

    /** A Spreadsheet object as Apps Script puts in event objects (e.source); not counted as a call. */
    spreadsheetObject(id?: string): FakeSpreadsheet {
      const model = id === undefined ? activeModel() : store.get(id);
      if (!model) throw new Error(`runtime: no spreadsheet with id ${id}`);
      return makeSpreadsheet(sheetsWorld, model);
    },

    /** A Date in the realm product code runs in (the vm's once an add-on is loaded). */
    makeDate(ms: number): Date {
      return host.makeDate(ms);
    },
    /** Used by the loader: values the fakes create come from this realm. */
    useRealm(realm: Realm): void {
      host.realm = realm;
    },
    useNodeRealm(): void {
      host.realm = NODE_REALM;
    },
    setHtmlDir(dir: string): void {
      opts.htmlDir = dir;
    },
    /** End of one execution: Apps Script releases the locks it still held. */
    endExecution(): void {
      lockTable.releaseExecutionLocks();
    },

    /** Puts the fake globals on an object (default globalThis); returns a function that undoes it. */
    installGlobals(target: object = globalThis): () => void {
      const saved = new Map<string, PropertyDescriptor | undefined>();
      for (const [name, value] of Object.entries(globals)) {
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
