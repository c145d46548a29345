// PropertiesService with Apps Script's limits: 9 KB per property (key + value, UTF-8) and 500 KB
// per store. Values are strings; anything else is String()-ed, as Apps Script does.

import type { Host } from './core';
import type { Faked } from './faked';

type GProperties = GoogleAppsScript.Properties.Properties;
type GPropertiesService = GoogleAppsScript.Properties.PropertiesService;

export const MAX_PROPERTY_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** One property store (document / user / script), with test access that bypasses the limits. */
export class PropertyStore {
  readonly #values = new Map<string, string>();
  readonly label: string;

  constructor(label: string) {
    this.label = label;
  }
  get(key: string): string | null {
    return this.#values.get(key) ?? null;
  }
  /** Test helper: sets a value directly (no limits, no call counted). */
  set(key: string, value: string): void {
    this.#values.set(key, value);
  }
  delete(key: string): void {
    this.#values.delete(key);
  }
  keys(): string[] {
    return [...this.#values.keys()];
  }
  /** The values, copied (runtime.saveState). */
  save(): ReadonlyMap<string, string> {
    return new Map(this.#values);
  }
  restore(saved: ReadonlyMap<string, string>): void {
    this.#values.clear();
    for (const [key, value] of saved) this.#values.set(key, value);
  }
  all(): Record<string, string> {
    return Object.fromEntries(this.#values);
  }
  clear(): void {
    this.#values.clear();
  }
  /** Total size as Apps Script counts it: keys plus values, UTF-8. */
  size(): number {
    let total = 0;
    for (const [k, v] of this.#values) total += bytes(k) + bytes(v);
    return total;
  }
  /** Replaces the contents, checking Apps Script's limits first (all-or-nothing). */
  commit(host: Host, next: Map<string, string>): void {
    let total = 0;
    for (const [k, v] of next) {
      const size = bytes(k) + bytes(v);
      if (size > MAX_PROPERTY_BYTES) throw host.error('Argument too large: value');
      total += size;
    }
    if (total > MAX_STORE_BYTES) {
      throw host.error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
    this.#values.clear();
    for (const [k, v] of next) this.#values.set(k, v);
  }
  snapshot(): Map<string, string> {
    return new Map(this.#values);
  }
}

type PropertiesMethods = 'deleteProperty' | 'getProperties' | 'getProperty' | 'setProperty';

function checkKey(host: Host, key: unknown): string {
  if (key === null || key === undefined || String(key) === '') throw host.error('Invalid argument: key');
  return String(key);
}

export class FakeProperties implements Faked<GProperties, PropertiesMethods> {
  readonly #host: Host;
  readonly #store: PropertyStore;

  constructor(host: Host, store: PropertyStore) {
    this.#host = host;
    this.#store = store;
  }
  getProperty(key: string): string | null {
    return this.#store.get(checkKey(this.#host, key));
  }
  setProperty(key: string, value: string): this {
    const next = this.#store.snapshot();
    next.set(checkKey(this.#host, key), String(value));
    this.#store.commit(this.#host, next);
    return this;
  }
  getProperties(): { [key: string]: string } {
    // A copy: changing it does not change the store.
    return this.#store.all();
  }
  deleteProperty(key: string): this {
    this.#store.delete(checkKey(this.#host, key));
    return this;
  }
  toString(): string {
    return 'Properties';
  }
}

export interface PropertiesWorld {
  host: Host;
  /** The active document's store, or null when there is no active document. */
  documentStore(): PropertyStore | null;
  userStore(): PropertyStore;
  scriptStore(): PropertyStore;
}

/** Real typings say getDocumentProperties() is never null; outside a document it is. */
export type FakePropertiesServiceApi = Faked<GPropertiesService, 'getUserProperties'> & {
  getDocumentProperties(): FakeProperties | null;
};

export class FakePropertiesService implements FakePropertiesServiceApi {
  readonly #world: PropertiesWorld;
  constructor(world: PropertiesWorld) {
    this.#world = world;
  }
  #wrap(store: PropertyStore): FakeProperties {
    return this.#world.host.wrap('Properties', new FakeProperties(this.#world.host, store));
  }
  getDocumentProperties(): FakeProperties | null {
    const store = this.#world.documentStore();
    return store ? this.#wrap(store) : null;
  }
  getUserProperties(): FakeProperties {
    return this.#wrap(this.#world.userStore());
  }
  toString(): string {
    return 'PropertiesService';
  }
}
