// The promises to pay recorded in the sidebar, as compact records in the add-on's own store (never
// in a user's cell; docs/escalation.md "Promises"), and what the run keeps of them.
import { addDays, isIsoDate } from '../domain/dates';
import { promisedDateFor, type PromiseRecord } from '../domain/promise';
import { isPaid } from '../domain/stages';
import type { Invoice, IsoDate } from '../domain/types';
import type { StorePort } from './ports';

export const PROMISES_KEY = 'promises';
/** Records of a promise this long past are dropped by the run (its "promise missed" email is long done). */
const KEEP_DAYS_PAST = 60;
/** Records kept per invoice (the latest ones: the evidence pack lists them). */
const KEEP_PER_INVOICE = 3;

/** One record as stored: [key, promisedDate, recordedOn] and a 1 when withdrawn (a few dozen characters). */
type StoredPromise = [string, IsoDate, IsoDate] | [string, IsoDate, IsoDate, 1];

function fromStored(raw: unknown): PromiseRecord | null {
  if (!Array.isArray(raw) || raw.length < 3) return null;
  const [key, promisedDate, recordedOn, withdrawn] = raw as unknown[];
  if (typeof key !== 'string' || key === '' || typeof promisedDate !== 'string' || typeof recordedOn !== 'string') return null;
  if (!isIsoDate(promisedDate) || !isIsoDate(recordedOn)) return null;
  return withdrawn === 1 ? { key, promisedDate, recordedOn, withdrawn: true } : { key, promisedDate, recordedOn };
}

function toStored(r: PromiseRecord): StoredPromise {
  return r.withdrawn === true ? [r.key, r.promisedDate, r.recordedOn, 1] : [r.key, r.promisedDate, r.recordedOn];
}

/** The recorded promises (a damaged record is left out). */
export function readPromises(store: StorePort): PromiseRecord[] {
  const raw = store.readJson(PROMISES_KEY).value;
  if (!Array.isArray(raw)) return [];
  return raw.map(fromStored).filter((r): r is PromiseRecord => r !== null);
}

/** Saves the records (none: the key is removed). */
export function writePromises(store: StorePort, records: readonly PromiseRecord[]): void {
  if (records.length === 0) store.delete(PROMISES_KEY);
  else store.writeJson(PROMISES_KEY, records.map(toStored));
}

/**
 * The records worth keeping after a run: none for a paid invoice, none whose latest record is a
 * withdrawal made before today, none for a promise long past, and the latest few per invoice.
 */
export function prunePromises(
  records: readonly PromiseRecord[],
  invoices: ReadonlyMap<string, Invoice>,
  today: IsoDate,
): PromiseRecord[] {
  const byKey = new Map<string, PromiseRecord[]>();
  for (const r of records) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  const oldest = addDays(today, -KEEP_DAYS_PAST);
  const kept: PromiseRecord[] = [];
  for (const [key, list] of byKey) {
    const invoice = invoices.get(key);
    if (invoice && isPaid(invoice)) continue;
    const sorted = [...list].sort((a, b) => a.recordedOn.localeCompare(b.recordedOn));
    const latest = sorted[sorted.length - 1]!;
    if (latest.withdrawn === true && latest.recordedOn < today) continue;
    kept.push(...sorted.filter((r) => r.promisedDate >= oldest).slice(-KEEP_PER_INVOICE));
  }
  return kept;
}

/** Where the invoice stands with its promise, for the sidebar (null: no promise). */
export function promiseView(
  invoice: Invoice,
  records: readonly PromiseRecord[],
  today: IsoDate,
): { date: IsoDate; source: 'column' | 'sidebar'; missed: boolean } | null {
  const date = promisedDateFor(invoice, records);
  if (date === null || isPaid(invoice)) return null;
  const fromColumn = invoice.promisedDate ?? null;
  // The column wins a tie: withdrawing the sidebar's record would leave the same date in force.
  return { date, source: date === fromColumn ? 'column' : 'sidebar', missed: today > date };
}
