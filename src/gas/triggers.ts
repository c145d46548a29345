// ScriptApp adapter: the one daily time-driven trigger of a spreadsheet, and the authorisation it
// runs with (README "Daily follow-ups: who runs them"). Triggers are found with getProjectTriggers()
// (an add-on's clock triggers may be missing from getUserTriggers(spreadsheet)), and belong to this
// spreadsheet by the record in its store.
import type { AuthorizationNeeded, DailyStatus, TriggerResult } from '../app/ports';
import type { DocumentStore } from './store';

const HANDLER = 'dailyFollowUps';
/** User property mapping a trigger to its spreadsheet: a time-driven run may have no active one. */
const TRIGGER_KEY_PREFIX = 'dailyTrigger:';
/** User property: the name and address of a trigger's spreadsheet, for the message when it cannot be opened. */
const TRIGGER_INFO_PREFIX = 'dailyTriggerInfo:';
/** The store record every editor reads: which trigger runs the daily follow-ups, whose, at what hour. */
export const DAILY_KEY = 'dailyTrigger';
/** Where a daily run that needed authorisation says so (the user's store and the document's). */
const AUTHORIZATION_KEY = 'authorizationNeeded';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

/**
 * `uid: null` once turned off: a trigger still running for it retires itself. `spreadsheetId` is the
 * spreadsheet the record belongs to: "Make a copy" copies the store but not the trigger, so a record
 * of another spreadsheet is a copy's inheritance and means nothing here (README "Copies").
 */
interface DailyRecord {
  uid: string | null;
  owner: string | null;
  hour: number | null;
  spreadsheetId?: string;
}

/** This spreadsheet's record (null when there is none, or when it was copied from another spreadsheet). */
function readRecord(store: DocumentStore, ss: Spreadsheet): DailyRecord | null {
  const value = store.readJson(DAILY_KEY).value as Partial<DailyRecord> | null;
  if (!value || typeof value !== 'object') return null;
  if (typeof value.spreadsheetId === 'string' && value.spreadsheetId !== ss.getId()) return null;
  return {
    uid: typeof value.uid === 'string' ? value.uid : null,
    owner: typeof value.owner === 'string' ? value.owner : null,
    hour: typeof value.hour === 'number' ? value.hour : null,
    ...(typeof value.spreadsheetId === 'string' ? { spreadsheetId: value.spreadsheetId } : {}),
  };
}

export function effectiveUserEmail(): string | null {
  try {
    return Session.getEffectiveUser().getEmail() || null;
  } catch {
    return null;
  }
}

/** This user's daily triggers of this spreadsheet: the recorded one, and any mapped to it. */
function myDailyTriggers(ss: Spreadsheet, store: DocumentStore): Trigger[] {
  const record = readRecord(store, ss);
  const user = PropertiesService.getUserProperties();
  return ScriptApp.getProjectTriggers().filter((t) => {
    if (t.getHandlerFunction() !== HANDLER) return false;
    const uid = t.getUniqueId();
    return uid === record?.uid || user.getProperty(TRIGGER_KEY_PREFIX + uid) === ss.getId();
  });
}

export function dailyStatus(ss: Spreadsheet, store: DocumentStore): DailyStatus {
  const record = readRecord(store, ss);
  const me = effectiveUserEmail();
  const mine = myDailyTriggers(ss, store);
  if (record?.uid && record.owner !== me) return { on: true, owner: record.owner, hour: record.hour, mine: false };
  if (mine.length > 0) return { on: true, owner: me, hour: record?.hour ?? null, mine: true };
  return { on: false, owner: null, hour: null, mine: false };
}

function deleteTriggers(triggers: Trigger[]): void {
  const user = PropertiesService.getUserProperties();
  for (const t of triggers) {
    user.deleteProperty(TRIGGER_KEY_PREFIX + t.getUniqueId());
    user.deleteProperty(TRIGGER_INFO_PREFIX + t.getUniqueId());
    ScriptApp.deleteTrigger(t);
  }
}

/** Removes this user's daily triggers of the spreadsheet and marks it off for every editor. */
export function removeDailyTriggers(ss: Spreadsheet, store: DocumentStore): number {
  const record = readRecord(store, ss);
  const triggers = myDailyTriggers(ss, store);
  deleteTriggers(triggers);
  const someoneElses = record?.uid && !triggers.some((t) => t.getUniqueId() === record.uid) ? 1 : 0;
  if (record)
    store.writeJson(DAILY_KEY, { uid: null, owner: null, hour: null, offBy: effectiveUserEmail(), spreadsheetId: ss.getId() });
  return triggers.length + someoneElses;
}

type Created = { ok: true; trigger: Trigger } | Extract<TriggerResult, { ok: false }>;

function create(ss: Spreadsheet, hour: number): Created {
  try {
    const trigger = ScriptApp.newTrigger(HANDLER)
      .timeBased()
      .atHour(hour)
      .everyDays(1)
      .inTimezone(ss.getSpreadsheetTimeZone())
      .create();
    return { ok: true, trigger };
  } catch (err) {
    return refusal(err instanceof Error ? err.message : String(err));
  }
}

/** What Apps Script's refusal to create a trigger means for the user, as a code and words. */
function refusal(message: string): Extract<TriggerResult, { ok: false }> {
  if (/too many time-based triggers in this document/i.test(message))
    return {
      ok: false,
      code: 'one-per-document',
      message:
        'Google allows this add-on one daily trigger per spreadsheet for each person, and yours exists already. Turn daily follow-ups off, then on again.',
    };
  if (/too many triggers/i.test(message))
    return {
      ok: false,
      code: 'too-many',
      message:
        'Google allows 20 triggers per person for this add-on, and you have reached it (each spreadsheet with daily follow-ups on uses one). Turn daily follow-ups off in a spreadsheet you no longer use, then try again.',
    };
  return {
    ok: false,
    code: 'failed',
    message: `Google refused to create the daily trigger (${message.replace(/^Exception:\s*/, '')}).`,
  };
}

/**
 * Puts the daily trigger at `hour`: the new one is created before the old one is deleted, so a
 * refusal leaves the previous schedule running. An add-on may have only one time-driven trigger per
 * document, so when that is the refusal the old one makes room, and comes back if the new one fails.
 */
export function installDailyTrigger(ss: Spreadsheet, hour: number, store: DocumentStore): TriggerResult {
  let old = myDailyTriggers(ss, store);
  const oldHour = readRecord(store, ss)?.hour ?? hour;
  let created = create(ss, hour);
  if (!created.ok && created.code === 'one-per-document' && old.length > 0) {
    deleteTriggers(old);
    old = [];
    created = create(ss, hour);
    if (!created.ok) {
      const back = create(ss, oldHour);
      if (back.ok) saveRecord(ss, store, back.trigger, oldHour);
      return created;
    }
  }
  if (!created.ok) return created;
  deleteTriggers(old);
  saveRecord(ss, store, created.trigger, hour);
  return { ok: true };
}

function saveRecord(ss: Spreadsheet, store: DocumentStore, trigger: Trigger, hour: number): void {
  const user = PropertiesService.getUserProperties();
  user.setProperty(TRIGGER_KEY_PREFIX + trigger.getUniqueId(), ss.getId());
  // Kept with the trigger, so that it can say which spreadsheet it cannot open (README "No silent stops").
  user.setProperty(TRIGGER_INFO_PREFIX + trigger.getUniqueId(), JSON.stringify({ name: ss.getName(), url: ss.getUrl() }));
  store.writeJson(DAILY_KEY, { uid: trigger.getUniqueId(), owner: effectiveUserEmail(), hour, spreadsheetId: ss.getId() });
}

/**
 * Whether the trigger `uid` runs this spreadsheet's daily follow-ups. A trigger replaced by another
 * editor's, or left running after another editor turned them off, deletes itself and sends nothing.
 * A trigger from before the store kept a record (or whose record lacks its spreadsheet) is adopted
 * when it was made for this spreadsheet.
 */
export function claimDailyRun(ss: Spreadsheet, store: DocumentStore, uid: string | undefined): boolean {
  if (!uid) return false;
  const record = readRecord(store, ss);
  const madeHere = PropertiesService.getUserProperties().getProperty(TRIGGER_KEY_PREFIX + uid) === ss.getId();
  if (record?.uid === uid || (!record && madeHere)) {
    if (record?.spreadsheetId !== ss.getId() || record.uid !== uid)
      store.writeJson(DAILY_KEY, { uid, owner: effectiveUserEmail(), hour: record?.hour ?? null, spreadsheetId: ss.getId() });
    return true;
  }
  if (!record) return false;
  deleteTriggers(ScriptApp.getProjectTriggers().filter((t) => t.getUniqueId() === uid));
  return false;
}

/**
 * Whether `uid` is one of this project's daily time-driven triggers of this user: a call from a page
 * (google.script.run) with a made-up or copied id is not. Throws when ScriptApp cannot be asked.
 */
export function isDailyTrigger(uid: unknown): boolean {
  if (typeof uid !== 'string' || uid === '') return false;
  return ScriptApp.getProjectTriggers().some(
    (t) => t.getUniqueId() === uid && t.getHandlerFunction() === HANDLER && t.getEventType() === ScriptApp.EventType.CLOCK,
  );
}

/** What Trigger.getTriggerSourceId() returns for the trigger `uid` (undocumented for an add-on's clock trigger). */
export function triggerSourceIdOf(uid: string): string | null {
  const trigger = ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === uid);
  return trigger ? (trigger.getTriggerSourceId() as string | null) : null;
}

/** The name and address of the spreadsheet a trigger was made for, as recorded when it was made. */
export function triggerSpreadsheetInfo(uid: string): { id: string | null; name: string | null; url: string | null } {
  const user = PropertiesService.getUserProperties();
  const id = user.getProperty(TRIGGER_KEY_PREFIX + uid);
  let info: { name?: unknown; url?: unknown } = {};
  try {
    info = JSON.parse(user.getProperty(TRIGGER_INFO_PREFIX + uid) ?? '{}') as typeof info;
  } catch {
    // A damaged record: the id alone is said.
  }
  const url = typeof info.url === 'string' ? info.url : id ? `https://docs.google.com/spreadsheets/d/${id}/edit` : null;
  return { id, name: typeof info.name === 'string' ? info.name : null, url };
}

/** The spreadsheet a time-driven run belongs to: the active one, or the one saved for its trigger. */
export function spreadsheetForTrigger(triggerUid: string | undefined): Spreadsheet | null {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  if (!triggerUid) return null;
  const id = PropertiesService.getUserProperties().getProperty(TRIGGER_KEY_PREFIX + triggerUid);
  return id ? SpreadsheetApp.openById(id) : null;
}

// ---- authorisation -------------------------------------------------------------------------------

/** The authorisation URL when this user must authorise the add-on again, else null. */
export function authorizationUrlIfNeeded(): string | null {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  if (info.getAuthorizationStatus() !== ScriptApp.AuthorizationStatus.REQUIRED) return null;
  return info.getAuthorizationUrl() || '';
}

function propertyStores(): GoogleAppsScript.Properties.Properties[] {
  const stores: GoogleAppsScript.Properties.Properties[] = [];
  for (const open of [() => PropertiesService.getDocumentProperties(), () => PropertiesService.getUserProperties()]) {
    try {
      const store = open() as GoogleAppsScript.Properties.Properties | null;
      if (store) stores.push(store);
    } catch {
      // Limited mode has no user store; a run without a document has no document store.
    }
  }
  return stores;
}

/** Records that a daily run stopped for want of authorisation, wherever this execution can write. */
export function recordAuthorizationNeeded(url: string, at: Date): void {
  const value = JSON.stringify({ at: at.toISOString(), url });
  for (const store of propertyStores()) store.setProperty(AUTHORIZATION_KEY, value);
}

/** The last such record this execution can read, or null. */
export function authorizationNeeded(): AuthorizationNeeded | null {
  for (const store of propertyStores()) {
    try {
      const value = JSON.parse(store.getProperty(AUTHORIZATION_KEY) ?? 'null') as Partial<AuthorizationNeeded> | null;
      if (value && typeof value.at === 'string') return { at: value.at, url: typeof value.url === 'string' ? value.url : '' };
    } catch {
      // A damaged record says nothing.
    }
  }
  return null;
}

export function clearAuthorizationNeeded(): void {
  for (const store of propertyStores()) store.deleteProperty(AUTHORIZATION_KEY);
}
