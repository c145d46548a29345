// The machinery every fake service shares: the simulated clock, the call log, fault injection,
// the auth-mode gate, and the "realm" (which Date/Error/Array constructors values are made with).

export type ClockInput = string | number | Date;
export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

function toMs(input: ClockInput): number {
  const ms = typeof input === 'number' ? input : typeof input === 'string' ? Date.parse(input) : input.getTime();
  if (!Number.isFinite(ms)) throw new Error(`clock: not a valid time: ${String(input)}`);
  return ms;
}

/** Simulated time. Nothing in the runtime reads the real clock. */
export class Clock {
  #now: number;
  constructor(start: ClockInput) {
    this.#now = toMs(start);
  }
  now(): number {
    return this.#now;
  }
  set(time: ClockInput): void {
    this.#now = toMs(time);
  }
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`clock.advance: expected a non-negative duration, got ${ms}`);
    this.#now += ms;
  }
  /** The current time as an ISO string, for records. */
  iso(): string {
    return new Date(this.#now).toISOString();
  }
}

/**
 * A call filter: an exact name ('Range.getValues'), a service ('Range' matches 'Range.*'),
 * a prefix ending in '.' ('Range.'), or a RegExp. 'Range.getValue' does not match 'Range.getValues'.
 */
export type CallFilter = string | RegExp;

function matches(name: string, filter: CallFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (filter instanceof RegExp) return filter.test(name);
  if (filter.endsWith('.')) return name.startsWith(filter);
  return name === filter || name.startsWith(`${filter}.`);
}

export interface CallRecord {
  name: string;
  /** Simulated time of the call (ms since epoch). */
  at: number;
}

/** Every call of a fake service method, in order. */
export class CallLog {
  #records: CallRecord[] = [];
  record(name: string, at: number): void {
    this.#records.push({ name, at });
  }
  count(filter?: CallFilter): number {
    let n = 0;
    for (const record of this.#records) if (matches(record.name, filter)) n++;
    return n;
  }
  list(filter?: CallFilter): string[] {
    return this.#records.filter((r) => matches(r.name, filter)).map((r) => r.name);
  }
  entries(): CallRecord[] {
    return this.#records.map((r) => ({ ...r }));
  }
  byName(): Record<string, number> {
    const tally: Record<string, number> = {};
    for (const { name } of this.#records) tally[name] = (tally[name] ?? 0) + 1;
    return tally;
  }
  reset(): void {
    this.#records = [];
  }
  /** The calls so far (runtime.saveState); the records themselves never change. */
  save(): readonly CallRecord[] {
    return [...this.#records];
  }
  restore(records: readonly CallRecord[]): void {
    this.#records = [...records];
  }
}

export interface FaultOptions {
  /** Message of the thrown Apps Script exception (without the "Exception: " prefix). */
  message?: string;
  /** Throw this exact error instead of an Apps Script exception. */
  error?: Error;
  /** How many consecutive calls fail, starting with the n-th. Default 1. */
  times?: number;
}

interface Fault {
  method: string;
  when: 'before' | 'after';
  nth: number;
  times: number;
  seen: number;
  message: string;
  error: Error | null;
  /** The call kills the execution (killBefore / killAfter). */
  kill: boolean;
}

/** What a fault does to the call it fires on. */
export interface FiredFault {
  when: 'before' | 'after';
  message: string;
  error: Error | null;
  kill: boolean;
}

/** Apps Script's message when the platform stops an execution at its time limit (6 minutes). */
export const KILL_MESSAGE = 'Exceeded maximum execution time';

export interface PendingFault {
  method: string;
  when: 'before' | 'after';
  /** A kill (killBefore / killAfter) rather than a failure. */
  kill: boolean;
  /** Calls still to be seen before the fault fires (0 = the next call fails). */
  callsUntilFailure: number;
  remainingFailures: number;
}

function defaultFaultMessage(method: string): string {
  if (method === 'MailApp.sendEmail' || method === 'GmailApp.sendEmail') {
    return 'Service invoked too many times for one day: email.';
  }
  const service = method.split('.')[0] ?? method;
  return `Service error: ${service} (fault injected on ${method})`;
}

/** Fault injection: make the n-th call of a method (counted from when the fault is set) throw. */
export class Faults {
  #faults: Fault[] = [];
  #hooks: Array<{ method: string; nth: number; seen: number; run: () => void }> = [];
  #onKillArmed: () => void = () => undefined;

  /**
   * Runs `run` just before the n-th call of a method (counted from now), once: a way to make the
   * user edit the sheet (sort, insert, delete rows) at an exact point of a run.
   */
  beforeCall(method: string, nth: number, run: () => void): void {
    if (!Number.isInteger(nth) || nth < 1) throw new Error(`faults.beforeCall: n must be a positive integer, got ${nth}`);
    this.#hooks.push({ method, nth, seen: 0, run });
  }

  /** The n-th call throws before doing anything. `options`: a message, an Error, or FaultOptions. */
  failOn(method: string, nth = 1, options: string | Error | FaultOptions = {}): void {
    this.#add(method, 'before', nth, options);
  }

  /** The n-th call performs its effect, then throws: "it happened, but the script never heard". */
  failAfter(method: string, nth = 1, options: string | Error | FaultOptions = {}): void {
    this.#add(method, 'after', nth, options);
  }

  /**
   * The n-th call of a method (counted from now, in every execution) kills the execution it runs
   * in, before its effect: the call throws "Exceeded maximum execution time", every later service
   * call of that execution throws the same without effect, and the spreadsheet writes it did not
   * flush are lost when it ends (see Executions in execution.ts).
   */
  killBefore(method: string, nth = 1): void {
    this.#add(method, 'before', nth, KILL_MESSAGE, true);
    this.#onKillArmed();
  }

  /** As killBefore, but the n-th call has its effect first (a write it made is still unflushed). */
  killAfter(method: string, nth = 1): void {
    this.#add(method, 'after', nth, KILL_MESSAGE, true);
    this.#onKillArmed();
  }

  /** Whether a kill is set and has not fired yet. */
  killArmed(): boolean {
    return this.#faults.some((f) => f.kill);
  }

  /** Used by the runtime: told when a kill is set (it starts keeping durable copies then). */
  onKillArmed(listener: () => void): void {
    this.#onKillArmed = listener;
  }

  clear(): void {
    this.#faults = [];
    this.#hooks = [];
  }

  /** No fault and no beforeCall hook is waiting. */
  idle(): boolean {
    return this.#faults.length === 0 && this.#hooks.length === 0;
  }

  pending(): PendingFault[] {
    return this.#faults.map((f) => ({
      method: f.method,
      when: f.when,
      kill: f.kill,
      callsUntilFailure: Math.max(0, f.nth - 1 - f.seen),
      remainingFailures: Math.min(f.times, f.nth - 1 + f.times - f.seen),
    }));
  }

  /** Called by the host on every call; returns the fault that fires on this call, if any. */
  take(method: string): FiredFault | null {
    for (const hook of this.#hooks) {
      if (hook.method === method && ++hook.seen === hook.nth) hook.run();
    }
    this.#hooks = this.#hooks.filter((h) => h.seen < h.nth);
    let fired: Fault | null = null;
    for (const fault of this.#faults) {
      if (fault.method !== method) continue;
      fault.seen++;
      if (!fired && fault.seen >= fault.nth && fault.seen < fault.nth + fault.times) fired = fault;
    }
    this.#faults = this.#faults.filter((f) => f.seen < f.nth - 1 + f.times);
    return fired ? { when: fired.when, message: fired.message, error: fired.error, kill: fired.kill } : null;
  }

  #add(method: string, when: 'before' | 'after', nth: number, options: string | Error | FaultOptions, kill = false): void {
    if (!Number.isInteger(nth) || nth < 1) throw new Error(`faults: n must be a positive integer, got ${nth}`);
    const opts: FaultOptions =
      typeof options === 'string' ? { message: options } : options instanceof Error ? { error: options } : options;
    const times = opts.times ?? 1;
    if (!(times >= 1)) throw new Error(`faults: times must be at least 1, got ${times}`);
    const message = (opts.message ?? defaultFaultMessage(method)).replace(/^Exception: /, '');
    this.#faults.push({ method, when, nth, times, seen: 0, message, error: opts.error ?? null, kill });
  }
}

/** Constructors values are created with: Node's by default, the vm context's once an add-on is loaded. */
export interface Realm {
  Date: DateConstructor;
  Error: ErrorConstructor;
  Array: ArrayConstructor;
}

export const NODE_REALM: Realm = { Date, Error, Array };

/** A Date from any realm (a vm context's Dates fail `instanceof Date` here). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Key of the non-API internals of a fake object; product code never sees symbol keys. */
export const INTERNAL: unique symbol = Symbol('fake-internal');

// ---- the auth-mode gate ----

const SPREADSHEET_SCOPES =
  'https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets';

const SCOPES_BY_SERVICE: Record<string, string> = {
  SpreadsheetApp: SPREADSHEET_SCOPES,
  Spreadsheet: SPREADSHEET_SCOPES,
  Sheet: SPREADSHEET_SCOPES,
  Range: SPREADSHEET_SCOPES,
  DataValidation: SPREADSHEET_SCOPES,
  DataValidationBuilder: SPREADSHEET_SCOPES,
  DeveloperMetadata: SPREADSHEET_SCOPES,
  DeveloperMetadataFinder: SPREADSHEET_SCOPES,
  DeveloperMetadataLocation: SPREADSHEET_SCOPES,
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
  GmailApp: 'https://mail.google.com/',
  ScriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  TriggerBuilder: 'https://www.googleapis.com/auth/script.scriptapp',
  ClockTriggerBuilder: 'https://www.googleapis.com/auth/script.scriptapp',
  SpreadsheetTriggerBuilder: 'https://www.googleapis.com/auth/script.scriptapp',
  Trigger: 'https://www.googleapis.com/auth/script.scriptapp',
  Session: 'https://www.googleapis.com/auth/userinfo.email',
  User: 'https://www.googleapis.com/auth/userinfo.email',
};

/** AuthMode.NONE (an add-on's onOpen before the user used it in this file): the menu, nothing else. */
function allowedWithoutAuth(name: string): boolean {
  if (name === 'SpreadsheetApp.getUi' || name === 'Ui.createMenu' || name === 'Ui.createAddonMenu') return true;
  const service = name.split('.')[0];
  // Logger and Utilities need no authorization at all.
  return service === 'Menu' || service === 'Logger' || service === 'Utilities';
}

/** AuthMode.LIMITED: the open spreadsheet, its UI and its document properties; no mail, no triggers. */
function forbiddenInLimited(name: string): boolean {
  const service = name.split('.')[0] ?? '';
  if (['MailApp', 'GmailApp', 'TriggerBuilder', 'ClockTriggerBuilder', 'SpreadsheetTriggerBuilder'].includes(service)) {
    return true;
  }
  return [
    'ScriptApp.newTrigger',
    'ScriptApp.getProjectTriggers',
    'ScriptApp.getUserTriggers',
    'ScriptApp.deleteTrigger',
    'SpreadsheetApp.openById',
    'SpreadsheetApp.openByUrl',
    'SpreadsheetApp.create',
    'PropertiesService.getUserProperties',
    'PropertiesService.getScriptProperties',
  ].includes(name);
}

export function isAllowedIn(mode: AuthModeName, name: string): boolean {
  if (mode === 'FULL') return true;
  if (mode === 'NONE') return allowedWithoutAuth(name);
  return !forbiddenInLimited(name);
}

/** Services that stop working in a trigger once the user must authorize the script again. */
const NEEDS_AUTHORIZATION = new Set(Object.keys(SCOPES_BY_SERVICE).filter((service) => !['Session', 'User'].includes(service)));
const AUTHORIZATION_CHECKS = new Set([
  'ScriptApp.getAuthorizationInfo',
  'AuthorizationInfo.getAuthorizationStatus',
  'AuthorizationInfo.getAuthorizationUrl',
]);

/** Whether a call fails for want of (re-)authorization. */
export function needsAuthorization(name: string): boolean {
  return !AUTHORIZATION_CHECKS.has(name) && NEEDS_AUTHORIZATION.has(name.split('.')[0] ?? '');
}

/** Apps Script's error when a trigger runs after the user must authorize the script again. */
export const AUTHORIZATION_REQUIRED_MESSAGE = 'Authorization is required to perform that action.';

export function permissionMessage(name: string): string {
  const scopes = SCOPES_BY_SERVICE[name.split('.')[0] ?? ''];
  return `You do not have permission to call ${name}.${scopes ? ` Required permissions: ${scopes}` : ''}`;
}

// ---- the host every fake calls through ----

export interface HostOptions {
  clock: Clock;
  calls: CallLog;
  faults: Faults;
}

type AnyMethod = (...args: unknown[]) => unknown;

/** The execution running now, as the host sees it (the runtime keeps a stack of them, execution.ts). */
export interface ExecutionState {
  /** Distinguishes executions (a lock belongs to the execution that took it). */
  readonly id: number;
  /** The exception that killed the execution, once killed; every later call throws then. */
  killed: Error | null;
}

/**
 * What every fake object is wrapped in: each call of an API method is recorded, checked against
 * the auth mode, and offered to fault injection. The fakes' own classes hold only behaviour.
 */
export class Host {
  readonly clock: Clock;
  readonly calls: CallLog;
  readonly faults: Faults;
  authMode: AuthModeName = 'FULL';
  realm: Realm = NODE_REALM;
  /** The user must authorize the script again (scopes changed, access revoked). */
  authorizationRequired = false;
  /** The execution is an installable trigger's (no user present to authorize). */
  inTrigger = false;
  /** The execution running now (set by the runtime's execution stack). */
  execution: ExecutionState = { id: 0, killed: null };

  constructor(options: HostOptions) {
    this.clock = options.clock;
    this.calls = options.calls;
    this.faults = options.faults;
  }

  /** An Apps Script exception: `e.name === 'Exception'`, so `String(e)` reads "Exception: message". */
  error(message: string): Error {
    const error = new this.realm.Error(message);
    error.name = 'Exception';
    return error;
  }

  /** A Date in the realm the product code runs in. */
  makeDate(ms: number): Date {
    return new this.realm.Date(ms);
  }

  /** An array in the product code's realm (so `instanceof Array` holds inside the vm). */
  list<T>(items: readonly T[]): T[] {
    return this.realm.Array.from(items);
  }

  /**
   * Runs one service call: record, auth gate, faults, effect. A killed execution's calls are
   * refused before anything (not recorded, not offered to faults or beforeCall hooks): the
   * execution no longer exists on the platform.
   */
  invoke<R>(name: string, effect: () => R): R {
    if (this.execution.killed) throw this.error(KILL_MESSAGE);
    this.calls.record(name, this.clock.now());
    if (!isAllowedIn(this.authMode, name)) throw this.error(permissionMessage(name));
    if (this.authorizationRequired && this.inTrigger && needsAuthorization(name)) {
      throw this.error(AUTHORIZATION_REQUIRED_MESSAGE);
    }
    const fault = this.faults.take(name);
    if (fault?.when === 'before') throw this.#fire(fault);
    const result = effect();
    if (fault?.when === 'after') throw this.#fire(fault);
    return result;
  }

  /** The error a fault throws; a kill also marks the execution running now (after any hook) as killed. */
  #fire(fault: FiredFault): Error {
    const error = fault.error ?? this.error(fault.message);
    if (fault.kill) this.execution.killed = error;
    return error;
  }

  /**
   * Wraps a fake so that every call of its API methods goes through `invoke` as `Service.method`.
   * Data properties (enums such as `ui.Button`) and symbol-keyed internals pass through untouched.
   * A method the fake does not have reads as a function that throws `not faked: Service.method`:
   * the runtime fakes only what the add-on calls, so a new call is noticed and faked on purpose.
   */
  wrap<T extends object>(service: string, target: T): T {
    const wrappers = new Map<string, AnyMethod>();
    const proxy: T = new Proxy(target, {
      get: (obj, prop) => {
        const value: unknown = Reflect.get(obj, prop, obj);
        if (typeof prop !== 'string' || prop in Object.prototype) return value;
        if (value === undefined && looksLikeApiMethod(prop)) return notFaked(`${service}.${prop}`);
        if (typeof value !== 'function') return value;
        let wrapper = wrappers.get(prop);
        if (!wrapper) {
          const method = value as AnyMethod;
          wrapper = (...args: unknown[]): unknown => {
            const result = this.invoke(`${service}.${prop}`, () => method.apply(obj, args));
            return result === obj ? proxy : result; // chaining returns the wrapped object
          };
          wrappers.set(prop, wrapper);
        }
        return wrapper;
      },
    });
    return proxy;
  }
}

/** Names Apps Script gives methods (getX, setX, insertX, …), as opposed to probes such as toJSON or then. */
const API_METHOD =
  /^(get|set|add|create|insert|delete|remove|clear|copy|move|hide|show|is|has|new|open|find|with|require|auto|append|sort|activate|check|uncheck|protect|merge|flush|update|send|build|evaluate|on|at|after|every|in|near|base64|compute|format|parse|sleep|log|alert|prompt|try|wait|release)(?:[A-Z0-9]|$)/;

function looksLikeApiMethod(name: string): boolean {
  return API_METHOD.test(name) && name !== 'toJSON';
}

/** What product code gets for a method the runtime does not fake. */
function notFaked(name: string): () => never {
  return () => {
    throw new Error(`not faked: ${name} (fake it in local/ with a test, see local/README.md)`);
  };
}
