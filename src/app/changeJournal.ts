// The change journal (README "Disclosure: what the owner is told"): any editor can change the settings, templates, column
// choices and daily run that the owner's trigger then uses to send in the owner's name, so every real
// change is noted here with when and by whom; the owner's daily summary lists them, then clears them.
// It never gets in the way: a journal that cannot be written is logged, not thrown, because saving
// the user's settings must not fail for it. It is bounded: past MAX_CHANGES the oldest changes fold
// into one entry that still names who and what, so a burst of small changes cannot push one out.
import { CHANGE_CODES, HIDDEN_EDITOR, type ChangeCode } from '../domain/summary';
import type { PlatformPort, Ports, StorePort } from './ports';

export type { ChangeCode };

/** Where the journal is kept: a run key of the store (it takes the room kept for runs, not the settings'). */
export const CHANGES_KEY = 'changes';
/** The most entries kept (the oldest beyond it fold into one 'earlier' entry). */
export const MAX_CHANGES = 30;
const MAX_DETAIL = 200;
const MAX_BY = 254;

/** One change: when (an ISO instant), who (null: Google did not reveal the address), what, and in words which. */
export interface Change {
  at: string;
  by: string | null;
  what: ChangeCode;
  /** Short words for people: which settings ('your name for the emails, CC me'), which template ('Firm reminder (day 7)'). */
  detail: string;
}

/** When and by whom a change is being made. */
export type ChangeAuthor = Pick<Change, 'at' | 'by'>;

/** The moment of a save and the user making it (for an editor, the active user, not the trigger's owner). */
export function changeAuthor(ports: Pick<Ports, 'platform' | 'now'>): ChangeAuthor {
  return { at: new Date(ports.now()).toISOString(), by: whoActs(ports.platform) };
}

/** The address of the user acting now, or null when Google does not reveal it ('' from Apps Script). */
function whoActs(platform: PlatformPort): string | null {
  try {
    const address = platform.activeUser ? platform.activeUser() : platform.context().user;
    return address && address.trim() !== '' ? clip(address.trim(), MAX_BY) : null;
  } catch (err) {
    console.error(`Could not tell who is making a change: ${messageOf(err)}`);
    return null;
  }
}

/**
 * Appends a change to the journal. Never throws: a journal that cannot be written (the store is
 * full or unreachable) is logged with console.error, and the caller's save stands.
 * `recordChange(store, { at: '2026-11-24T14:05:00.000Z', by: 'bob@example.com', what: 'settings', detail: 'CC me' })`
 */
export function recordChange(store: StorePort, change: Change): void {
  try {
    const entry: Change = {
      at: change.at,
      by: change.by === null || change.by.trim() === '' ? null : clip(change.by.trim(), MAX_BY),
      what: change.what,
      detail: clip(change.detail, MAX_DETAIL),
    };
    store.writeJson(CHANGES_KEY, bounded([...readChanges(store), entry]));
  } catch (err) {
    console.error(`Could not note a change (${change.what}) for the daily summary: ${messageOf(err)}`);
  }
}

/** The journal, oldest first; entries that are not changes (a damaged or edited store) are left out. */
export function readChanges(store: StorePort): Change[] {
  const { value } = store.readJson(CHANGES_KEY);
  if (!Array.isArray(value)) return [];
  return value.filter(isChange).map(({ at, by, what, detail }) => ({ at, by, what, detail }));
}

/**
 * Removes the changes made at or before `at` (an ISO instant), once a summary listing them went out.
 * Never throws: changes that could not be removed are listed again in the next summary.
 */
export function clearChangesUpTo(store: StorePort, at: string): void {
  try {
    const upTo = Date.parse(at);
    const all = readChanges(store);
    const left = all.filter((c) => !(Date.parse(c.at) <= upTo));
    if (left.length === all.length) return;
    if (left.length === 0) store.delete(CHANGES_KEY);
    else store.writeJson(CHANGES_KEY, left);
  } catch (err) {
    console.error(`Could not clear the changes listed in the daily summary: ${messageOf(err)}`);
  }
}

function isChange(v: unknown): v is Change {
  if (v === null || typeof v !== 'object') return false;
  const c = v as Record<string, unknown>;
  return (
    typeof c.at === 'string' &&
    !Number.isNaN(Date.parse(c.at)) &&
    (c.by === null || typeof c.by === 'string') &&
    (CHANGE_CODES as readonly unknown[]).includes(c.what) &&
    typeof c.detail === 'string'
  );
}

/** At most MAX_CHANGES entries: the oldest fold into one 'earlier' entry naming everyone and everything in them. */
function bounded(changes: Change[]): Change[] {
  if (changes.length <= MAX_CHANGES) return changes;
  const cut = changes.length - MAX_CHANGES + 1;
  return [folded(changes.slice(0, cut)), ...changes.slice(cut)];
}

/** What a change touched, as items of a list ('your name for the emails', 'Firm reminder (day 7)'). */
const TOUCHED: Record<ChangeCode, (detail: string) => string[]> = {
  settings: (d) => d.split(', '),
  earlier: (d) => d.split(', '),
  template: (d) => [d],
  templateReset: (d) => [d],
  columns: () => ['the columns read'],
};

function folded(old: readonly Change[]): Change {
  const unique = (items: string[]): string[] => [...new Set(items.filter((s) => s !== ''))];
  const people = unique(old.flatMap((c) => (c.by ?? HIDDEN_EDITOR).split(', ')));
  const named = people.filter((p) => p !== HIDDEN_EDITOR);
  const by = named.length === people.length ? named : [...named, HIDDEN_EDITOR];
  return {
    at: old[old.length - 1]?.at ?? new Date(0).toISOString(),
    by: named.length === 0 ? null : clip(by.join(', '), MAX_BY),
    what: 'earlier',
    detail: clip(unique(old.flatMap((c) => TOUCHED[c.what](c.detail))).join(', '), MAX_DETAIL),
  };
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
