// PropertiesService adapter: per-spreadsheet JSON values (settings, templates, send ledger, last run).
type Properties = GoogleAppsScript.Properties.Properties;

/** Apps Script refuses a property over 9 KB; we refuse a little earlier, with a message. */
export const MAX_PROPERTY_BYTES = 9000;

export class StoreError extends Error {}

export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The spreadsheet's own property store. When a time-driven run has no document (an add-on trigger
 * may run without one), the user's store is used under a per-spreadsheet prefix instead.
 */
export class DocumentStore {
  /** All properties, read once per execution (one service call instead of one per key). */
  private cache: Record<string, string> | null = null;

  private constructor(
    private readonly props: Properties,
    private readonly prefix: string,
  ) {}

  private all(): Record<string, string> {
    if (!this.cache) this.cache = this.props.getProperties();
    return this.cache;
  }

  static forSpreadsheet(spreadsheetId: string): DocumentStore {
    const doc = PropertiesService.getDocumentProperties();
    if (doc) return new DocumentStore(doc, '');
    return new DocumentStore(PropertiesService.getUserProperties(), `doc:${spreadsheetId}:`);
  }

  readJson(key: string): { value: unknown; warning: string | null } {
    const raw = this.all()[this.prefix + key];
    if (raw === undefined) return { value: null, warning: null };
    try {
      return { value: JSON.parse(raw) as unknown, warning: null };
    } catch {
      return { value: null, warning: `Saved ${key} data was damaged and has been ignored.` };
    }
  }

  writeJson(key: string, value: unknown): void {
    const json = JSON.stringify(value);
    const bytes = utf8Bytes(this.prefix + key) + utf8Bytes(json);
    if (bytes > MAX_PROPERTY_BYTES) {
      throw new StoreError(
        `This is too large to save (${(bytes / 1024).toFixed(1)} KB; the limit is ${MAX_PROPERTY_BYTES / 1000} KB).`,
      );
    }
    this.props.setProperty(this.prefix + key, json);
    this.all()[this.prefix + key] = json;
  }

  delete(key: string): void {
    this.props.deleteProperty(this.prefix + key);
    delete this.all()[this.prefix + key];
  }

  /** Every value whose key starts with `keyPrefix`, in one read. */
  readAllJson(keyPrefix: string): Array<{ key: string; value: unknown }> {
    const all = this.all();
    const out: Array<{ key: string; value: unknown }> = [];
    for (const k of Object.keys(all)) {
      if (!k.startsWith(this.prefix + keyPrefix)) continue;
      try {
        out.push({ key: k.slice(this.prefix.length), value: JSON.parse(all[k] ?? 'null') as unknown });
      } catch {
        out.push({ key: k.slice(this.prefix.length), value: null });
      }
    }
    return out;
  }
}
