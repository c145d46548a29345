// The add-on's store: settings, templates, send ledger, last run, column mapping and the daily
// trigger's records, as JSON values in the spreadsheet's own developer metadata (spreadsheet level,
// PROJECT visibility). Every execution that can open the spreadsheet reads the same store — the
// menu, the sidebar, and a daily run with or without the document's property store (README
// "Where the add-on keeps its data").
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
/** Characters one send-ledger entry takes at most (a long subject and three recipients). */
export const LEDGER_ENTRY_CHARS = 600;

const KEY_PREFIX = 'ifu:';
const MIGRATED_KEY = 'migrated';
/**
 * Keys whose writes may use the room kept for a run (the ledger and what a run records, such as
 * the invoices found paid for the thank-you). Promises recorded in the sidebar (`promises`) are the
 * user's data and count with the settings: a few dozen characters each, pruned by the run once paid.
 */
const RUN_KEYS = /^(ledger:|lastRun$|lastDailyContext$|dailyTrigger$|migrated$|thankYou$)/;

export class StoreError extends Error {}

function isRunKey(key: string): boolean {
  return RUN_KEYS.test(key);
}

/** The spreadsheet's store, read once per execution (one service call for every key). */
export class DocumentStore {
  private entries: Map<string, Metadata> | null = null;
  private values = new Map<string, string>();

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
    for (const m of this.ss.getDeveloperMetadata()) {
      const key = m.getKey();
      if (!key.startsWith(KEY_PREFIX)) continue;
      entries.set(key.slice(KEY_PREFIX.length), m);
      this.values.set(key.slice(KEY_PREFIX.length), m.getValue() ?? '');
    }
    this.entries = entries;
    return entries;
  }

  /** Characters the store uses now: everything, and settings/templates/mapping alone. */
  usage(): { total: number; config: number } {
    this.all();
    let total = 0;
    let config = 0;
    for (const [key, value] of this.values) {
      const n = KEY_PREFIX.length + key.length + value.length;
      total += n;
      if (!isRunKey(key)) config += n;
    }
    return { total, config };
  }

  /** How many more emails a run can record in the send ledger. */
  ledgerRoom(): number {
    return Math.max(0, Math.floor((METADATA_LIMIT - this.usage().total) / LEDGER_ENTRY_CHARS));
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
    const existing = this.all().get(key);
    if (existing) existing.setValue(json);
    else {
      this.ss.addDeveloperMetadata(KEY_PREFIX + key, json, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
      this.entries = null; // read again on next use: the new entry's handle comes with it
    }
    this.values.set(key, json);
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
    if (total + delta > METADATA_LIMIT) {
      throw new StoreError(
        `The add-on's storage in this spreadsheet is full (${METADATA_LIMIT.toLocaleString('en')} characters). Nothing was changed.`,
      );
    }
  }

  delete(key: string): void {
    const existing = this.all().get(key);
    if (!existing) return;
    existing.remove();
    this.entries?.delete(key);
    this.values.delete(key);
  }

  /** Every value whose key starts with `keyPrefix`, in one read. */
  readAllJson(keyPrefix: string): Array<{ key: string; value: unknown }> {
    this.all();
    const out: Array<{ key: string; value: unknown }> = [];
    for (const [key, raw] of this.values) {
      if (!key.startsWith(keyPrefix)) continue;
      try {
        out.push({ key, value: JSON.parse(raw) as unknown });
      } catch {
        out.push({ key, value: null });
      }
    }
    return out;
  }
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
