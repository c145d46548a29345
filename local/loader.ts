// loadAddon(): runs the built server code (dist/*.js) in a vm context whose globals are the fakes,
// the way Apps Script loads a project's files into one global scope.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vm from 'node:vm';
import { isDate, type AuthModeName } from './core';
import { AuthMode } from './enums';
import type { Runtime } from './runtime';
import type { TriggerInfo } from './script';

export interface LoadOptions {
  runtime: Runtime;
  /** Directory of the built project. Default 'dist'. */
  distDir?: string;
  /** Stop a file's top-level code after this long (real time). Default 10 s. */
  loadTimeoutMs?: number;
}

/** JSON-shaped data, what crosses google.script.run. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface ScriptRunOptions {
  /**
   * What happens when the server function returns a Date (or a function, or a cycle) somewhere.
   * 'throw' (default) fails the call loudly; 'null' is what the browser sees in reality: the
   * success handler receives null.
   */
  illegalResult?: 'throw' | 'null';
}

// Evaluated inside the context: the context's own Date, made to read the simulated clock.
// A constructor function rather than `class extends Date`, because `Date()` must stay callable.
const CLOCK_PATCH = `(function (now) {
  'use strict';
  var RealDate = globalThis.Date;
  function SimulatedDate() {
    if (!new.target) return new RealDate(now()).toString();
    var args = Array.prototype.slice.call(arguments);
    return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target);
  }
  SimulatedDate.prototype = RealDate.prototype;
  Object.setPrototypeOf(SimulatedDate, RealDate);
  Object.defineProperty(SimulatedDate, 'now', { value: function now_() { return now(); }, writable: true, configurable: true });
  Object.defineProperty(SimulatedDate, 'name', { value: 'Date' });
  Object.defineProperty(SimulatedDate, 'length', { value: 7 });
  Object.defineProperty(RealDate.prototype, 'constructor', { value: SimulatedDate, writable: true, configurable: true });
  globalThis.Date = SimulatedDate;
  return { Date: RealDate, Error: Error, Array: Array };
})`;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export class ScriptRunError extends Error {}

/** Checks and copies a value as google.script.run would carry it, or reports the illegal property. */
function toJson(
  value: unknown,
  key: string,
  ancestors: Set<object>,
): { ok: true; value: JsonValue } | { ok: false; key: string } {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === 'string' || typeof value === 'boolean') return { ok: true, value };
  if (typeof value === 'number') return { ok: true, value: Number.isFinite(value) ? value : null };
  if (typeof value !== 'object' || isDate(value)) return { ok: false, key };
  if (ancestors.has(value)) return { ok: false, key };
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const out: JsonValue[] = [];
      for (let i = 0; i < value.length; i++) {
        const item = toJson(value[i] as unknown, String(i), ancestors);
        if (!item.ok) return item;
        out.push(item.value);
      }
      return { ok: true, value: out };
    }
    const out: { [k: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue; // undefined fields are dropped
      const item = toJson(v, k, ancestors);
      if (!item.ok) return item;
      out[k] = item.value;
    }
    return { ok: true, value: out };
  } finally {
    ancestors.delete(value);
  }
}

function illegal(key: string): ScriptRunError {
  return new ScriptRunError(`Failed due to illegal value in property: ${key}`);
}

type AddonFunction = (...args: unknown[]) => unknown;

const compiled = new Map<string, { version: string; script: vm.Script }>();

/**
 * A file of the built project compiled once and run in each new context (as many as a test makes),
 * named by its file: URL so V8 coverage (npm test) attributes the code to the file. A rebuild
 * changes the file (its inode, size or time), and then it is read and compiled again. Reading the
 * 1 MB bundle for every new context took 5% of the fault matrix.
 */
function compiledScript(filename: string): vm.Script {
  const stat = fs.statSync(filename);
  const version = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  const cached = compiled.get(filename);
  if (cached && cached.version === version) return cached.script;
  const script = new vm.Script(fs.readFileSync(filename, 'utf8'), { filename: pathToFileURL(filename).href });
  compiled.set(filename, { version, script });
  return script;
}

/** The built project's .js files, in the order Apps Script loads them (by name). */
function projectFiles(distDir: string): string[] {
  if (!fs.existsSync(distDir)) throw new Error(`loadAddon: ${distDir} does not exist (run npm run build first)`);
  const files = fs
    .readdirSync(distDir)
    .filter((f) => f.endsWith('.js'))
    .sort();
  if (files.length === 0) throw new Error(`loadAddon: no .js files in ${distDir}`);
  return files;
}

/** A vm context whose globals are the fakes and whose Date reads the simulated clock. */
function addonContext(runtime: Runtime): vm.Context {
  const sandbox: Record<string, unknown> = { ...runtime.globals };
  const context = vm.createContext(sandbox, { name: 'apps-script' });
  const patch: unknown = vm.runInContext(CLOCK_PATCH, context, { filename: 'apps-script-runtime.js' });
  if (typeof patch !== 'function') throw new Error('loadAddon: clock patch did not evaluate to a function');
  const realm = (patch as (now: () => number) => { Date: DateConstructor; Error: ErrorConstructor; Array: ArrayConstructor })(
    () => runtime.clock.now(),
  );
  runtime.useRealm(realm);
  return context;
}

/** Calls a function the way the sidebar's google.script.run does: JSON in, JSON out. */
function scriptRunCaller(has: (name: string) => boolean, call: (name: string, ...args: unknown[]) => unknown) {
  return (runOptions: ScriptRunOptions, name: string, ...args: unknown[]): JsonValue => {
    if (name.endsWith('_') || !has(name)) throw new ScriptRunError(`Script function not found: ${name}`);
    const jsonArgs: JsonValue[] = [];
    args.forEach((arg, i) => {
      const checked = toJson(arg, String(i), new Set());
      if (!checked.ok) throw illegal(checked.key);
      jsonArgs.push(checked.value);
    });
    const result = call(name, ...jsonArgs.map((a) => JSON.parse(JSON.stringify(a)) as JsonValue));
    if (result === undefined) return null;
    const checked = toJson(result, 'result', new Set());
    if (!checked.ok) {
      if (runOptions.illegalResult === 'null') return null;
      throw illegal(checked.key);
    }
    return checked.value;
  };
}

/** The clock event object Apps Script hands a time-driven trigger. */
function clockEvent(triggerUid: string, nowMs: number): Record<string, unknown> {
  const now = new Date(nowMs);
  return {
    authMode: AuthMode.FULL,
    triggerUid,
    year: now.getUTCFullYear(),
    month: now.getUTCMonth() + 1,
    'day-of-month': now.getUTCDate(),
    'day-of-week': now.getUTCDay() === 0 ? 7 : now.getUTCDay(),
    'week-of-year': Math.ceil(((now.getTime() - Date.UTC(now.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7),
    hour: now.getUTCHours(),
    minute: now.getUTCMinutes(),
    second: now.getUTCSeconds(),
    timezone: 'UTC',
  };
}

/** Runs a function as one execution, after `setup` has set the execution's context. */
type Execute = (setup: (() => void) | null, name: string, args: unknown[]) => unknown;

/**
 * Runs a trigger's handler as Apps Script does for an add-on: a time-driven one with no active
 * spreadsheet, no UI, full authorization and a clock event object. The context is the
 * execution's: it is put back when the execution ends.
 */
function triggerRunner(runtime: Runtime, execute: Execute) {
  return (trigger: string | TriggerInfo): unknown => {
    const info = typeof trigger === 'string' ? (runtime.triggers.get(trigger) ?? null) : trigger;
    if (!info) throw new Error(`runTrigger: no trigger ${String(trigger)}`);
    const isClock = info.eventType === 'CLOCK';
    const setup = (): void => {
      runtime.setActiveSpreadsheet(isClock ? null : info.sourceId);
      runtime.setDocumentContext(isClock ? (runtime.options.triggerDocumentContext ? info.documentId : null) : undefined);
      runtime.setUiAvailable(false);
      runtime.setAuthMode('FULL');
      runtime.setTriggerRun(true);
    };
    return execute(setup, info.handler, [clockEvent(info.id, runtime.clock.now())]);
  };
}

/**
 * Opens the spreadsheet: calls onOpen(e) in the given auth mode (an add-on not yet used in this
 * file gets NONE; one already used gets LIMITED). The mode is the execution's (put back after).
 */
function onOpenFirer(runtime: Runtime, execute: Execute) {
  return (authMode: AuthModeName = 'LIMITED'): unknown => {
    const active = runtime.spreadsheets.active();
    const event: Record<string, unknown> = { authMode: AuthMode[authMode] };
    if (authMode !== 'NONE' && active) {
      event.source = runtime.spreadsheetObject(active.id);
      event.user = runtime.options.userEmail;
    }
    return execute(() => runtime.setAuthMode(authMode), 'onOpen', [event]);
  };
}

/**
 * One execution: begins (nested in the running one, if any), runs, ends. A killed execution's
 * end restores the spreadsheets first; then its kill exception ("Exceeded maximum execution
 * time") is thrown to the caller, even if the add-on caught it or threw something else after.
 */
function executor(runtime: Runtime, fn: (name: string) => AddonFunction): Execute {
  return (setup, name, args) => {
    const run = fn(name);
    runtime.beginExecution();
    let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
    try {
      setup?.();
      outcome = { ok: true, value: run(...args) };
    } catch (error) {
      outcome = { ok: false, error };
    }
    const { killedBy } = runtime.endExecution();
    if (killedBy) throw killedBy;
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };
}

export function loadAddon(options: LoadOptions) {
  const { runtime } = options;
  const distDir = path.resolve(options.distDir ?? 'dist');
  const files = projectFiles(distDir);
  const context = addonContext(runtime);
  runtime.setHtmlDir(distDir);
  for (const file of files) {
    compiledScript(path.join(distDir, file)).runInContext(context, { timeout: options.loadTimeoutMs ?? 10_000 });
  }
  const has = (name: string): boolean =>
    IDENTIFIER.test(name) && vm.runInContext(`typeof ${name} === 'function'`, context) === true;
  const execute = executor(runtime, (name) => {
    if (!has(name)) throw new Error(`The add-on (${distDir}) defines no top-level function ${name}`);
    return vm.runInContext(name, context) as AddonFunction;
  });
  /**
   * Calls a top-level function as one execution, in the context as it is (nested in the running
   * execution when called from a beforeCall hook). At its end, its locks are released and the
   * context is put back; a killed one restores the spreadsheets, then throws its kill exception.
   */
  const call = (name: string, ...args: unknown[]): unknown => execute(null, name, args);
  const callAsScriptRunWith = scriptRunCaller(has, call);
  const runTrigger = triggerRunner(runtime, execute);
  const fireOnOpen = onOpenFirer(runtime, execute);

  return {
    context,
    files,
    distDir,
    has,
    call,
    callAsScriptRun: (name: string, ...args: unknown[]): JsonValue => callAsScriptRunWith({}, name, ...args),
    callAsScriptRunWith,
    runTrigger,
    fireOnOpen,
    /** Evaluates an expression in the add-on's global scope (for inspection in tests). */
    evaluate: (code: string): unknown => vm.runInContext(code, context),
  };
}

export type LoadedAddon = ReturnType<typeof loadAddon>;

/** google.script.run semantics: JSON-only arguments and result, private (`name_`) functions hidden. */
export function callAsScriptRun(addon: LoadedAddon, name: string, ...args: unknown[]): JsonValue {
  return addon.callAsScriptRun(name, ...args);
}
