// ScriptApp: enums, installable triggers (recorded readably, with Apps Script's and add-ons' limits).

import { INTERNAL, type Host } from './core';
import type { Faked } from './faked';
import { AuthMode, AuthorizationStatus, EventType, InstallationSource, TriggerSource, Weekday } from './enums';
import { MS_PER_DAY, instantFromWall, isValidTimeZone, wallTime } from './timezone';
import type { FakeSpreadsheet } from './spreadsheet';

type GScriptApp = GoogleAppsScript.Script.ScriptApp;
type GTrigger = GoogleAppsScript.Script.Trigger;
type GTriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;
type GClockTriggerBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;
type GSpreadsheetTriggerBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
type GAuthorizationInfo = GoogleAppsScript.Script.AuthorizationInfo;

export const MAX_TRIGGERS_PER_USER = 20;

export interface TriggerInfo {
  id: string;
  handler: string;
  eventType: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  source: 'CLOCK' | 'SPREADSHEETS';
  /** Spreadsheet id for spreadsheet triggers; null for time-driven ones. */
  sourceId: string | null;
  /** The document active when the trigger was created (an add-on's triggers belong to one). */
  documentId: string | null;
  user: string;
  hour: number | null;
  nearMinute: number | null;
  everyMinutes: number | null;
  everyHours: number | null;
  everyDays: number | null;
  everyWeeks: number | null;
  weekDay: string | null;
  monthDay: number | null;
  /** One-off: ISO instant. */
  at: string | null;
  /** One-off: milliseconds after creation. */
  after: number | null;
  timezone: string;
  createdAt: string;
}

export interface TriggerTableState {
  readonly triggers: readonly TriggerInfo[];
  readonly counter: number;
}

export class TriggerTable {
  readonly #triggers: TriggerInfo[] = [];
  #counter = 0;

  list(): TriggerInfo[] {
    return this.#triggers.map((t) => ({ ...t }));
  }
  get(id: string): TriggerInfo | undefined {
    const t = this.#triggers.find((x) => x.id === id);
    return t ? { ...t } : undefined;
  }
  nextId(): string {
    this.#counter++;
    return String(7_000_000_000_000n + BigInt(this.#counter) * 7919n);
  }
  add(trigger: TriggerInfo): void {
    this.#triggers.push(trigger);
  }
  remove(id: string): boolean {
    const index = this.#triggers.findIndex((t) => t.id === id);
    if (index === -1) return false;
    this.#triggers.splice(index, 1);
    return true;
  }
  clear(): void {
    this.#triggers.length = 0;
  }
  /** The triggers, copied (runtime.saveState). */
  save(): TriggerTableState {
    return { triggers: this.#triggers.map((t) => ({ ...t })), counter: this.#counter };
  }
  restore(saved: TriggerTableState): void {
    this.#triggers.splice(0, this.#triggers.length, ...saved.triggers.map((t) => ({ ...t })));
    this.#counter = saved.counter;
  }

  /**
   * When a time-driven trigger next fires after `afterMs`: for daily/weekly triggers at
   * `hour:nearMinute` (Apps Script picks a moment within the hour; this takes its start),
   * for hourly ones on the hour. Null for kinds it does not model.
   */
  nextRun(id: string, afterMs: number): number | null {
    const t = this.get(id);
    if (!t || t.eventType !== 'CLOCK') return null;
    if (t.everyDays === null) return null;
    const hour = t.hour ?? 0;
    const minute = t.nearMinute ?? 0;
    for (let dayOffset = 0; dayOffset < 2; dayOffset++) {
      const w = wallTime(afterMs + dayOffset * MS_PER_DAY, t.timezone);
      const candidate = instantFromWall({ year: w.year, month: w.month, day: w.day, hour, minute }, t.timezone);
      if (candidate > afterMs) return candidate;
    }
    return null;
  }
}

export interface ScriptWorld {
  host: Host;
  triggers: TriggerTable;
  scriptTimeZone(): string;
  activeDocumentId(): string | null;
  userEmail(): string;
  scriptId: string;
  /** Apps Script's extra rules for add-ons (at most hourly, one time-driven trigger per document). */
  isAddOn: boolean;
  authorizationRequired(): boolean;
  /** Whether getUserTriggers(document) includes time-driven triggers (RuntimeOptions.userTriggersListClock). */
  userTriggersListClock: boolean;
}

/** Real typings say getTriggerSourceId() returns a string; for time-driven triggers it is null. */
export type FakeTriggerApi = Faked<GTrigger, Exclude<keyof GTrigger, 'getTriggerSourceId'>> & {
  getTriggerSourceId(): string | null;
};

export class FakeTrigger implements FakeTriggerApi {
  readonly [INTERNAL]: { id: string };
  readonly #world: ScriptWorld;
  constructor(world: ScriptWorld, id: string) {
    this.#world = world;
    this[INTERNAL] = { id };
  }
  #info(): TriggerInfo {
    const info = this.#world.triggers.get(this[INTERNAL].id);
    if (!info) throw this.#world.host.error('Trigger not found. It may have been deleted.');
    return info;
  }
  getUniqueId(): string {
    return this[INTERNAL].id;
  }
  getHandlerFunction(): string {
    return this.#info().handler;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return EventType[this.#info().eventType];
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return TriggerSource[this.#info().source];
  }
  getTriggerSourceId(): string | null {
    return this.#info().sourceId;
  }
  toString(): string {
    return 'Trigger';
  }
}

function baseInfo(world: ScriptWorld, handler: string): TriggerInfo {
  return {
    id: '',
    handler,
    eventType: 'CLOCK',
    source: 'CLOCK',
    sourceId: null,
    documentId: world.activeDocumentId(),
    user: world.userEmail(),
    hour: null,
    nearMinute: null,
    everyMinutes: null,
    everyHours: null,
    everyDays: null,
    everyWeeks: null,
    weekDay: null,
    monthDay: null,
    at: null,
    after: null,
    timezone: world.scriptTimeZone(),
    createdAt: world.host.clock.iso(),
  };
}

function install(world: ScriptWorld, info: TriggerInfo): FakeTrigger {
  const mine = world.triggers.list().filter((t) => t.user === info.user);
  if (mine.length >= MAX_TRIGGERS_PER_USER) {
    throw world.host.error(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  }
  if (
    world.isAddOn &&
    info.eventType === 'CLOCK' &&
    mine.some((t) => t.eventType === 'CLOCK' && t.documentId === info.documentId)
  ) {
    throw world.host.error('This add-on has created too many time-based triggers in this document for this Google user account.');
  }
  const stored = { ...info, id: world.triggers.nextId(), createdAt: world.host.clock.iso() };
  world.triggers.add(stored);
  return world.host.wrap('Trigger', new FakeTrigger(world, stored.id));
}

export class FakeClockTriggerBuilder implements Faked<
  GClockTriggerBuilder,
  'at' | 'atHour' | 'nearMinute' | 'everyDays' | 'inTimezone' | 'create'
> {
  readonly #world: ScriptWorld;
  readonly #info: TriggerInfo;
  constructor(world: ScriptWorld, handler: string) {
    this.#world = world;
    this.#info = baseInfo(world, handler);
  }
  #invalid(what: string): Error {
    return this.#world.host.error(`Invalid argument: ${what}`);
  }
  #int(n: unknown, min: number, max: number, what: string): number {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw this.#invalid(what);
    return n;
  }
  at(date: GoogleAppsScript.Base.Date | Date): this {
    this.#info.at = new Date(date.getTime()).toISOString();
    return this;
  }
  atHour(hour: number): this {
    this.#info.hour = this.#int(hour, 0, 23, 'hour');
    return this;
  }
  nearMinute(minute: number): this {
    this.#info.nearMinute = this.#int(minute, 0, 59, 'minute');
    return this;
  }
  everyDays(n: number): this {
    this.#info.everyDays = this.#int(n, 1, 366, 'days');
    return this;
  }
  inTimezone(timezone: string): this {
    if (!isValidTimeZone(timezone)) throw this.#invalid('timezone');
    this.#info.timezone = timezone;
    return this;
  }
  create(): FakeTrigger {
    const i = this.#info;
    if (i.everyDays === null && i.at === null) {
      throw this.#world.host.error('Time-based trigger has no schedule: call everyDays() or at() before create().');
    }
    if (i.hour !== null && i.everyDays === null) throw this.#world.host.error('atHour() must be combined with everyDays().');
    return install(this.#world, { ...i });
  }
  toString(): string {
    return 'ClockTriggerBuilder';
  }
}

export class FakeSpreadsheetTriggerBuilder implements Faked<GSpreadsheetTriggerBuilder, 'create'> {
  readonly #world: ScriptWorld;
  readonly #info: TriggerInfo;
  constructor(world: ScriptWorld, handler: string, spreadsheetId: string) {
    this.#world = world;
    this.#info = { ...baseInfo(world, handler), source: 'SPREADSHEETS', sourceId: spreadsheetId, documentId: spreadsheetId };
    this.#info.eventType = 'ON_OPEN';
  }
  create(): FakeTrigger {
    return install(this.#world, { ...this.#info });
  }
  toString(): string {
    return 'SpreadsheetTriggerBuilder';
  }
}

export class FakeTriggerBuilder implements Faked<GTriggerBuilder, 'timeBased' | 'forSpreadsheet'> {
  readonly #world: ScriptWorld;
  readonly #handler: string;
  constructor(world: ScriptWorld, handler: string) {
    this.#world = world;
    this.#handler = handler;
  }
  timeBased(): FakeClockTriggerBuilder {
    return this.#world.host.wrap('ClockTriggerBuilder', new FakeClockTriggerBuilder(this.#world, this.#handler));
  }
  forSpreadsheet(sheet: FakeSpreadsheet | string): FakeSpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet[INTERNAL].id;
    return this.#world.host.wrap('SpreadsheetTriggerBuilder', new FakeSpreadsheetTriggerBuilder(this.#world, this.#handler, id));
  }
  toString(): string {
    return 'TriggerBuilder';
  }
}

export class FakeAuthorizationInfo implements Faked<GAuthorizationInfo, keyof GAuthorizationInfo> {
  readonly #required: boolean;
  constructor(required: boolean) {
    this.#required = required;
  }
  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return this.#required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED;
  }
  getAuthorizationUrl(): string {
    return this.#required ? 'https://script.google.com/macros/auth?fake=1' : '';
  }
  toString(): string {
    return 'AuthorizationInfo';
  }
}

type ScriptAppMethods = 'deleteTrigger' | 'getAuthorizationInfo' | 'getProjectTriggers' | 'newTrigger';

type ScriptAppEnums = 'AuthMode' | 'AuthorizationStatus' | 'EventType' | 'InstallationSource' | 'TriggerSource' | 'WeekDay';

export class FakeScriptApp implements Faked<GScriptApp, ScriptAppMethods>, Pick<GScriptApp, ScriptAppEnums> {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly EventType = EventType;
  readonly InstallationSource = InstallationSource;
  readonly TriggerSource = TriggerSource;
  readonly WeekDay = Weekday;
  readonly #world: ScriptWorld;

  constructor(world: ScriptWorld) {
    this.#world = world;
  }
  #trigger(info: TriggerInfo): FakeTrigger {
    return this.#world.host.wrap('Trigger', new FakeTrigger(this.#world, info.id));
  }
  newTrigger(functionName: string): FakeTriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '') throw this.#world.host.error('Invalid argument: functionName');
    return this.#world.host.wrap('TriggerBuilder', new FakeTriggerBuilder(this.#world, functionName));
  }
  getProjectTriggers(): FakeTrigger[] {
    const user = this.#world.userEmail();
    return this.#world.host.list(
      this.#world.triggers
        .list()
        .filter((t) => t.user === user)
        .map((t) => this.#trigger(t)),
    );
  }
  /** Triggers this user created for (or, time-driven, while in) the given spreadsheet. */
  getUserTriggers(document: FakeSpreadsheet | GoogleAppsScript.Document.Document | GoogleAppsScript.Forms.Form): FakeTrigger[] {
    const id = (document as Partial<FakeSpreadsheet>)[INTERNAL]?.id;
    const user = this.#world.userEmail();
    const listed = (t: TriggerInfo): boolean => this.#world.userTriggersListClock || t.eventType !== 'CLOCK';
    const mine = this.#world.triggers
      .list()
      .filter((t) => t.user === user && id !== undefined && t.documentId === id && listed(t));
    return this.#world.host.list(mine.map((t) => this.#trigger(t)));
  }
  deleteTrigger(trigger: FakeTrigger): void {
    const id = (trigger as Partial<FakeTrigger>)[INTERNAL]?.id;
    if (id === undefined)
      throw this.#world.host.error("The parameters (Object) don't match the method signature for ScriptApp.deleteTrigger.");
    this.#world.triggers.remove(id);
  }
  getAuthorizationInfo(_authMode: GoogleAppsScript.Script.AuthMode): FakeAuthorizationInfo {
    return this.#world.host.wrap('AuthorizationInfo', new FakeAuthorizationInfo(this.#world.authorizationRequired()));
  }
  toString(): string {
    return 'ScriptApp';
  }
}
