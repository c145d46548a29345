// The add-on's store: settings, templates, send ledger, last run, column mapping and the daily
// trigger's records, as JSON values in the spreadsheet's own developer metadata (spreadsheet level,
// PROJECT visibility). Every execution that can open the spreadsheet reads the same store — the
// menu, the sidebar, and a daily run with or without the document's property store (README
// "Where the add-on keeps its data").
//
// Only PROJECT-visible entries are the add-on's: DOCUMENT-visible ones with the same keys can be
// added by any editor through the Sheets API, so they are never read (Check setup counts them).
import { StoreFullError, StoreRefusedError } from '../app/ports';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Metadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/** Google Sheets keeps at most this many characters (keys plus values) of metadata per spreadsheet. */
export const METADATA_LIMIT = 30_000;
/**
 * Settings, templates and the column mapping may take this much, so that the send ledger and the
 * run records always have room (about 250 characters per email in flight during a run).
 */
export const CONFIG_LIMIT = 20_000;
/** One setting or template may take this much (as the document's property store allowed). */
export const VALUE_LIMIT = 9_000;
/**
 * Characters a typical send-ledger entry takes (a subject and a few recipients): only to plan how
 * many invoices one email may list. Each send checks the room its own entries take.
 */
const TYPICAL_LEDGER_ENTRY_CHARS = 600;
/** Within this many characters of the limit, a refused write is taken as the store being full. */
const NEAR_LIMIT_CHARS = 5_000;

const KEY_PREFIX = 'ifu:';
const MIGRATED_KEY = 'migrated';
/**
 * Keys whose writes may use the room kept for a run (the ledger and what a run records, such as
 * the invoices found paid for the thank-you). Promises recorded in the sidebar (`promises`) are the
 * user's data and count with the settings: a few dozen characters each, pruned by the run once paid.
 */
const RUN_KEYS = /^(ledger:|run$|lastRun$|lastDailyContext$|dailyTrigger$|migrated$|thankYou$|changes$|ownedColumns$)/;

/** Keys several executions add entries to at once (each run its own claim): read with a finder, never as one value. */
const SHARED_KEYS = new Set([`${KEY_PREFIX}run`]);

export class StoreError extends StoreRefusedError {}
/** No room left in the spreadsheet's metadata (the sidebar shows its words, as a StoreError's). */
class StoreFull extends StoreFullError {}

function isRunKey(key: string): boolean {
  return RUN_KEYS.test(key);
}

/** The spreadsheet's store, read once per execution (one service call for every key) and again on `refresh()`. */
export class DocumentStore {
  private entries: Map<string, Metadata> | null = null;
  private values = new Map<string, string>();
  /** Characters of visible metadata on the spreadsheet that are not the add-on's (other tools, planted entries). */
  private others = 0;
  /** DOCUMENT-visible entries with the add-on's keys: never read (anyone with edit access can add them). */
  private planted = 0;
  /** Characters of the add-on's shared-key entries (the runs' claims), kept out of the key map. */
  private sharedChars = 0;
  /** Older entries of a key added twice by two executions at once. */
  private duplicates: Metadata[] = [];

  constructor(private readonly ss: Spreadsheet) {}

  static forSpreadsheet(ss: Spreadsheet): DocumentStore {
    const store = new DocumentStore(ss);
    migrateDocumentProperties(store, ss.getId());
    return store;
  }

  private all(): Map<string, Metadata> {
    if (this.entries) return this.entries;
    const entries = new Map<string, Metadata>();
    this.values = new Map();
    this.others = 0;
    this.planted = 0;
    const project = SpreadsheetApp.DeveloperMetadataVisibility.PROJECT;
    this.sharedChars = 0;
    this.duplicates = [];
    for (const m of this.ss.getDeveloperMetadata()) {
      const key = m.getKey();
      const own = key.startsWith(KEY_PREFIX) && String(m.getVisibility()) === String(project);
      if (!own || SHARED_KEYS.has(key)) {
        const size = key.length + (m.getValue() ?? '').length;
        if (own) this.sharedChars += size;
        else this.others += size;
        if (!own && key.startsWith(KEY_PREFIX)) this.planted++;
        continue;
      }
      const name = key.slice(KEY_PREFIX.length);
      const earlier = entries.get(name);
      // Two executions that each added the key (neither saw the other's): the newer entry counts,
      // the older is removed on the next write of that key.
      if (earlier) this.sharedChars += key.length + Math.min(values(earlier), values(m));
      if (earlier && earlier.getId() > m.getId()) {
        this.duplicates.push(m);
        continue;
      }
      if (earlier) this.duplicates.push(earlier);
      entries.set(name, m);
      this.values.set(name, m.getValue() ?? '');
    }
    this.entries = entries;
    return entries;
  }

  /** Reads the store again from the spreadsheet on next use: another execution may have written it. */
  refresh(): void {
    this.entries = null;
  }

  /** Entries with the add-on's keys that it ignores because anyone with edit access could have added them. */
  ignoredEntries(): number {
    this.all();
    return this.planted;
  }

  /**
   * Keeps the handle of the entry just added (found with one look-up): reading the whole store again
   * after each new send record would cost a call per entry, per send.
   */
  private keepHandle(key: string): void {
    const found = this.sharedEntries(key).sort((a, b) => b.getId() - a.getId());
    const newest = found[0];
    if (!newest || !this.entries) {
      this.entries = null;
      return;
    }
    this.entries.set(key, newest);
    this.duplicates.push(...found.slice(1));
  }

  /** This project's entries of a key, found fresh in the spreadsheet with one look-up. */
  private sharedEntries(key: string): Metadata[] {
    return this.ss
      .createDeveloperMetadataFinder()
      .withKey(KEY_PREFIX + key)
      .withVisibility(SpreadsheetApp.DeveloperMetadataVisibility.PROJECT)
      .find();
  }

  /** The entries of a key several executions add to at once, read fresh, with the order the spreadsheet gave each. */
  readShared(key: string): Array<{ value: unknown; order: number }> {
    return this.sharedEntries(key).map((m) => ({ value: parseOrNull(m.getValue() ?? ''), order: m.getId() }));
  }

  /** Adds one more entry under a shared key. */
  addShared(key: string, value: unknown): void {
    const json = JSON.stringify(value);
    if (this.room() < KEY_PREFIX.length + key.length + json.length) throw new StoreFull(this.fullMessage());
    try {
      this.ss.addDeveloperMetadata(KEY_PREFIX + key, json, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
    } catch (err) {
      throw refusedForSize(err) ? new StoreFull(this.fullMessage()) : err;
    }
    this.sharedChars += KEY_PREFIX.length + key.length + json.length;
  }

  /** Removes the entries of a shared key whose value matches. */
  removeShared(key: string, matches: (value: unknown) => boolean): void {
    for (const m of this.sharedEntries(key)) {
      const raw = m.getValue() ?? '';
      if (!matches(parseOrNull(raw))) continue;
      m.remove();
      this.sharedChars -= KEY_PREFIX.length + key.length + raw.length;
    }
  }

  /** Characters a write of `value` under `key` takes in the store. */
  entrySize(key: string, value: unknown): number {
    return KEY_PREFIX.length + key.length + JSON.stringify(value).length;
  }

  /** Characters still free in the spreadsheet's metadata, as far as this script can see it. */
  room(): number {
    return Math.max(0, METADATA_LIMIT - this.usage().total - this.others);
  }

  /** Characters the store uses now: everything, and settings/templates/mapping alone. */
  usage(): { total: number; config: number } {
    this.all();
    let total = this.sharedChars;
    let config = 0;
    for (const [key, value] of this.values) {
      const n = KEY_PREFIX.length + key.length + value.length;
      total += n;
      if (!isRunKey(key)) config += n;
    }
    return { total, config };
  }

  /** About how many more sends a run can record in the send ledger (to plan how many invoices one email lists). */
  ledgerRoom(): number {
    return Math.floor(this.room() / TYPICAL_LEDGER_ENTRY_CHARS);
  }

  has(key: string): boolean {
    return this.all().has(key);
  }

  readJson(key: string): { value: unknown; warning: string | null } {
    this.all();
    const raw = this.values.get(key);
    if (raw === undefined) return { value: null, warning: null };
    try {
      return { value: JSON.parse(raw) as unknown, warning: null };
    } catch {
      return { value: null, warning: `Saved ${key} data was damaged and has been ignored.` };
    }
  }

  writeJson(key: string, value: unknown): void {
    this.writeRaw(key, JSON.stringify(value));
  }

  /** Stores `json` as it is (migration keeps a damaged value damaged, so its warning still shows). */
  writeRaw(key: string, json: string): void {
    this.checkRoom(key, json);
    this.removeDuplicates(key);
    const existing = this.all().get(key);
    try {
      if (existing) existing.setValue(json);
      else {
        this.ss.addDeveloperMetadata(KEY_PREFIX + key, json, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
        this.keepHandle(key);
      }
    } catch (err) {
      const nearLimit = this.room() < json.length + NEAR_LIMIT_CHARS;
      throw refusedForSize(err) || nearLimit ? new StoreFull(this.fullMessage()) : err;
    }
    this.values.set(key, json);
  }

  /**
   * What to say when the spreadsheet refuses a write for size: the limit is shared with every other
   * add-on and tool that keeps data in this file, including data this script cannot see.
   */
  private fullMessage(): string {
    const ours = this.usage().total;
    return (
      `The spreadsheet's storage for add-ons is full: Google keeps ${METADATA_LIMIT.toLocaleString('en')} characters of add-on data ` +
      `per spreadsheet, shared by every add-on and tool that uses this file, and Invoice Follow-ups uses ` +
      `${ours.toLocaleString('en')} of them. Remove an add-on you no longer use from this spreadsheet, or reset templates you ` +
      `do not use (sidebar › Templates). Nothing was changed.`
    );
  }

  /** Refuses, before anything is lost, a write that would not fit (see README "Where the add-on keeps its data"). */
  private checkRoom(key: string, json: string): void {
    const before = this.values.get(key);
    const delta = json.length - (before?.length ?? -(KEY_PREFIX.length + key.length));
    const { total, config } = this.usage();
    if (!isRunKey(key) && json.length > VALUE_LIMIT) {
      throw new StoreError(
        `This is too large to save (${json.length.toLocaleString('en')} characters; the limit is ${VALUE_LIMIT.toLocaleString('en')}). Nothing was changed.`,
      );
    }
    if (!isRunKey(key) && config + delta > CONFIG_LIMIT) {
      throw new StoreError(
        `This is too large to save: settings and templates can take ${CONFIG_LIMIT.toLocaleString('en')} characters in a spreadsheet ` +
          `and this would make ${(config + delta).toLocaleString('en')}. Shorten a template, or reset one you do not use. Nothing was changed.`,
      );
    }
    if (delta > 0 && total + this.others + delta > METADATA_LIMIT) throw new StoreFull(this.fullMessage());
  }

  private removeDuplicates(key: string): void {
    const doubles = this.duplicates.filter((m) => m.getKey() === KEY_PREFIX + key);
    if (doubles.length === 0) return;
    for (const m of doubles) m.remove();
    this.duplicates = this.duplicates.filter((m) => !doubles.includes(m));
  }

  delete(key: string): void {
    this.removeDuplicates(key);
    const existing = this.all().get(key);
    if (!existing) return;
    // The entry may be gone already (another execution removed it): then there is nothing to remove.
    existing.remove();
    this.entries?.delete(key);
    this.values.delete(key);
  }

  /** Every value whose key starts with `keyPrefix`, in one read. */
  readAllJson(keyPrefix: string): Array<{ key: string; value: unknown }> {
    this.all();
    const out: Array<{ key: string; value: unknown }> = [];
    for (const [key, raw] of this.values) if (key.startsWith(keyPrefix)) out.push({ key, value: parseOrNull(raw) });
    return out;
  }
}

const values = (m: Metadata): number => (m.getValue() ?? '').length;

function parseOrNull(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

/**
 * Whether the spreadsheet refused a metadata write for its size. The wording is not documented (and
 * may be in the user's language): a size word in the message, or any refusal while the store is
 * within NEAR_LIMIT_CHARS of the limit (metadata this script cannot see may fill the rest), is read as that.
 */
function refusedForSize(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /exceed|limit|too large|too many characters/i.test(message);
}

/**
 * Copies what earlier versions kept in the document's property store (or, without one, in the
 * user's store under `doc:<id>:`) into the spreadsheet's store, once. A key already in the new
 * store is never overwritten, so running it twice changes nothing; it is marked done only where the
 * document's property store could be read (a run without it may not see all the old data).
 */
function migrateDocumentProperties(store: DocumentStore, spreadsheetId: string): void {
  if (store.has(MIGRATED_KEY)) return;
  const doc = documentProperties();
  const old: Record<string, string> = { ...userPropertiesOf(spreadsheetId), ...(doc?.getProperties() ?? {}) };
  for (const [key, raw] of Object.entries(old)) {
    if (key === 'dailySpreadsheetId' || store.has(key)) continue;
    try {
      store.writeRaw(key, raw);
    } catch (err) {
      console.error(`Could not move saved ${key} into the spreadsheet: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (doc) store.writeJson(MIGRATED_KEY, { at: new Date().toISOString(), keys: Object.keys(old).length });
}

function documentProperties(): GoogleAppsScript.Properties.Properties | null {
  try {
    return PropertiesService.getDocumentProperties();
  } catch {
    return null;
  }
}

/** The old fallback: this spreadsheet's values in the user's store (null in limited mode). */
function userPropertiesOf(spreadsheetId: string): Record<string, string> {
  const prefix = `doc:${spreadsheetId}:`;
  const out: Record<string, string> = {};
  try {
    const all = PropertiesService.getUserProperties().getProperties();
    for (const [k, v] of Object.entries(all)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  } catch {
    // Limited mode: no user store; the document's store has it all.
  }
  return out;
}
