// Developer metadata: key/value tags on the spreadsheet, a sheet, or a whole row or column. A
// column's metadata follows the column when columns are inserted, deleted or moved (and goes with
// it when it is deleted); sorting rows moves no metadata.

import type { Host } from './core';
import type { Faked } from './faked';
import { appsScriptEnum, enumName } from './enums';
import type { FakeRange, FakeSheet, FakeSpreadsheet } from './spreadsheet';

type GDeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type GFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
type GLocation = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;
type GVisibility = GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
type GLocationType = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;

export const DeveloperMetadataVisibility = appsScriptEnum<typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility>([
  'DOCUMENT',
  'PROJECT',
]);
export const DeveloperMetadataLocationType = appsScriptEnum<typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType>([
  'SPREADSHEET',
  'SHEET',
  'ROW',
  'COLUMN',
]);

type Visibility = keyof typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
type LocationType = keyof typeof GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;

/** One piece of metadata. `index` is the row or column number for ROW / COLUMN locations, else 0. */
export interface MetadataEntry {
  id: number;
  key: string;
  value: string | null;
  visibility: Visibility;
  locationType: LocationType;
  index: number;
  /**
   * The script project that created a PROJECT entry (the runtime's scriptId for the add-on's own);
   * null for DOCUMENT entries. Absent (an entry a test pushed into `entries` by hand): the running
   * script's own.
   */
  project?: string | null;
}

/**
 * Whether a script project sees an entry. Sheets API guide "Read & write developer metadata" and
 * the Apps Script reference "Enum DeveloperMetadataVisibility": PROJECT-visible metadata "is only
 * visible to and accessible by the developer project that created the metadata"; DOCUMENT-visible
 * metadata "is accessible from any developer project with access to the document".
 */
export function visibleTo(project: string): (entry: MetadataEntry) => boolean {
  return (entry) => entry.visibility === 'DOCUMENT' || (entry.project ?? project) === project;
}

/** A saved copy of a metadata list: each entry object with a copy of its fields (see MetadataList.save). */
export type MetadataState = ReadonlyArray<{ readonly entry: MetadataEntry; readonly saved: Readonly<MetadataEntry> }>;

/**
 * Characters of metadata (keys plus values) one sheet, or the spreadsheet itself, may hold:
 * 30,000, per the Sheets API guide "Read & write developer metadata" (limits section). The
 * message is the fake's own; no public page quotes Apps Script's wording.
 */
export const METADATA_CHAR_LIMIT = 30_000;
export const METADATA_LIMIT_MESSAGE = `The developer metadata on this location would exceed the limit of ${METADATA_CHAR_LIMIT} characters.`;
/** Apps Script's message when a range is neither whole rows nor whole columns. */
export const ARBITRARY_RANGE_MESSAGE =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

/** The metadata of one owner (a sheet with its rows and columns, or the spreadsheet itself). */
export class MetadataList {
  entries: MetadataEntry[] = [];

  /** A copy of the entries that `restore` puts back into the same entry objects. */
  save(): MetadataState {
    return this.entries.map((entry) => ({ entry, saved: { ...entry } }));
  }

  /** Puts a saved list back; entry objects other code holds (DeveloperMetadata fakes) stay valid. */
  restore(state: MetadataState): void {
    this.entries = state.map(({ entry, saved }) => Object.assign(entry, saved));
  }

  /** Replaces the entries with copies of another list's (new entry objects, same ids). */
  copyFrom(other: MetadataList): void {
    this.entries = other.entries.map((entry) => ({ ...entry }));
  }

  /** Characters of keys and values: every entry counts, visible to the caller or not. */
  size(): number {
    let chars = 0;
    for (const e of this.entries) chars += e.key.length + (e.value?.length ?? 0);
    return chars;
  }

  /** Renumbers ROW or COLUMN entries; `to` returns the new index, or 0 when the row/column is gone. */
  remap(type: 'ROW' | 'COLUMN', to: (index: number) => number): void {
    this.entries = this.entries.filter((e) => {
      if (e.locationType !== type) return true;
      e.index = to(e.index);
      return e.index > 0;
    });
  }
}

/** Where the fakes for a metadata entry come from (the spreadsheet fakes build them). */
export interface MetadataWorld {
  host: Host;
  spreadsheet(): FakeSpreadsheet;
  /** The sheet the entry is on; null for spreadsheet-level metadata. */
  sheet(): FakeSheet | null;
  /** The whole row or column `index` of that sheet. */
  line(type: 'ROW' | 'COLUMN', index: number): FakeRange;
  list(): MetadataList;
  nextId(): number;
  /** The script project adding metadata (the runtime's scriptId). */
  project: string;
}

export function checkLimit(host: Host, list: MetadataList, extra: number): void {
  if (list.size() + extra > METADATA_CHAR_LIMIT) throw host.error(METADATA_LIMIT_MESSAGE);
}

/** The (key, value?, visibility?) overloads of addDeveloperMetadata, as one entry (id assigned). */
export function newEntry(
  world: MetadataWorld,
  location: { type: LocationType; index: number },
  key: string,
  second?: string | GVisibility,
  third?: GVisibility,
): MetadataEntry {
  if (typeof key !== 'string' || key === '') throw world.host.error('Invalid argument: key');
  const secondIsVisibility = third === undefined && second !== undefined && enumName(second) in DeveloperMetadataVisibility;
  const value = second === undefined || secondIsVisibility ? null : String(second);
  const visibility = enumName(secondIsVisibility ? second : (third ?? 'DOCUMENT')) as Visibility;
  if (!(visibility in DeveloperMetadataVisibility)) throw world.host.error('Invalid argument: visibility');
  checkLimit(world.host, world.list(), key.length + (value?.length ?? 0));
  const entry: MetadataEntry = {
    id: world.nextId(),
    key,
    value,
    visibility,
    locationType: location.type,
    index: location.index,
    project: visibility === 'PROJECT' ? world.project : null,
  };
  world.list().entries.push(entry);
  return entry;
}

type LocationMethods = 'getLocationType' | 'getColumn' | 'getRow' | 'getSheet' | 'getSpreadsheet';

export class FakeDeveloperMetadataLocation implements Faked<GLocation, LocationMethods> {
  readonly #world: MetadataWorld;
  readonly #entry: MetadataEntry;
  constructor(world: MetadataWorld, entry: MetadataEntry) {
    this.#world = world;
    this.#entry = entry;
  }
  getLocationType(): GLocationType {
    return DeveloperMetadataLocationType[this.#entry.locationType];
  }
  getColumn(): FakeRange | null {
    return this.#entry.locationType === 'COLUMN' ? this.#world.line('COLUMN', this.#entry.index) : null;
  }
  getRow(): FakeRange | null {
    return this.#entry.locationType === 'ROW' ? this.#world.line('ROW', this.#entry.index) : null;
  }
  getSheet(): FakeSheet | null {
    return this.#entry.locationType === 'SHEET' ? this.#world.sheet() : null;
  }
  getSpreadsheet(): FakeSpreadsheet | null {
    return this.#entry.locationType === 'SPREADSHEET' ? this.#world.spreadsheet() : null;
  }
  toString(): string {
    return 'DeveloperMetadataLocation';
  }
}

type MetadataMethods = 'getId' | 'getKey' | 'getValue' | 'setValue' | 'getVisibility' | 'getLocation' | 'remove';

export class FakeDeveloperMetadata implements Faked<GDeveloperMetadata, MetadataMethods> {
  readonly #world: MetadataWorld;
  readonly #entry: MetadataEntry;
  constructor(world: MetadataWorld, entry: MetadataEntry) {
    this.#world = world;
    this.#entry = entry;
  }
  getId(): number {
    return this.#entry.id;
  }
  getKey(): string {
    return this.#entry.key;
  }
  getValue(): string | null {
    return this.#entry.value;
  }
  setValue(value: string): this {
    const text = String(value);
    checkLimit(this.#world.host, this.#world.list(), text.length - (this.#entry.value?.length ?? 0));
    this.#entry.value = text;
    return this;
  }
  getVisibility(): GVisibility {
    return DeveloperMetadataVisibility[this.#entry.visibility];
  }
  getLocation(): FakeDeveloperMetadataLocation {
    return this.#world.host.wrap('DeveloperMetadataLocation', new FakeDeveloperMetadataLocation(this.#world, this.#entry));
  }
  remove(): void {
    const list = this.#world.list();
    list.entries = list.entries.filter((e) => e !== this.#entry);
  }
  toString(): string {
    return 'DeveloperMetadata';
  }
}

export function wrapMetadata(world: MetadataWorld, entry: MetadataEntry): FakeDeveloperMetadata {
  return world.host.wrap('DeveloperMetadata', new FakeDeveloperMetadata(world, entry));
}

/** An entry with the world its fakes are built in. */
export interface Located {
  entry: MetadataEntry;
  world: MetadataWorld;
}

type FinderMethods = 'withId' | 'withKey' | 'withValue' | 'withLocationType' | 'withVisibility' | 'find';

export class FakeDeveloperMetadataFinder implements Faked<GFinder, FinderMethods> {
  readonly #host: Host;
  readonly #all: () => Located[];
  readonly #tests: ((e: MetadataEntry) => boolean)[] = [];
  constructor(host: Host, all: () => Located[]) {
    this.#host = host;
    this.#all = all;
  }
  #where(test: (e: MetadataEntry) => boolean): this {
    this.#tests.push(test);
    return this;
  }
  withId(id: number): this {
    return this.#where((e) => e.id === id);
  }
  withKey(key: string): this {
    return this.#where((e) => e.key === key);
  }
  withValue(value: string): this {
    return this.#where((e) => e.value === value);
  }
  withLocationType(locationType: GLocationType): this {
    return this.#where((e) => e.locationType === enumName(locationType));
  }
  withVisibility(visibility: GVisibility): this {
    return this.#where((e) => e.visibility === enumName(visibility));
  }
  find(): FakeDeveloperMetadata[] {
    const found = this.#all().filter(({ entry }) => this.#tests.every((test) => test(entry)));
    return this.#host.list(found.map(({ entry, world }) => wrapMetadata(world, entry)));
  }
  toString(): string {
    return 'DeveloperMetadataFinder';
  }
}
