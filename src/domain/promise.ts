// Promise to pay (docs/escalation.md, "Promises"): a date the client promised to pay by holds every
// follow-up until then; the day after a missed promise one "promise missed" email goes out, then the
// schedule resumes. Pure: the app layer stores the records and the log remembers the email.
import { addDays } from './dates';
import type { Invoice, IsoDate } from './types';

/** A promise recorded in the sidebar ("Client promised to pay by…"), kept by the add-on as data. */
export interface PromiseRecord {
  /** The invoice's key (normalised invoice number). */
  key: string;
  promisedDate: IsoDate;
  /** The day the user recorded it. */
  recordedOn: IsoDate;
  /** The user took the promise back (recorded by mistake, or the client withdrew it). */
  withdrawn?: boolean;
}

/** The latest record of each invoice (by recordedOn, then by order): withdrawn records count, and cancel. */
function latestRecords(records: readonly PromiseRecord[]): Map<string, PromiseRecord> {
  const latest = new Map<string, PromiseRecord>();
  for (const r of records) {
    const known = latest.get(r.key);
    if (!known || r.recordedOn >= known.recordedOn) latest.set(r.key, r);
  }
  return latest;
}

/**
 * The promised date in force for an invoice: the `Promised Date` column and the add-on's latest
 * record that is not withdrawn; when both hold a date, the later one (the client's latest word, and
 * the one that sends nothing too early).
 */
export function promisedDateFor(invoice: Invoice, records: readonly PromiseRecord[]): IsoDate | null {
  const recorded = latestRecords(records.filter((r) => r.key === invoice.key)).get(invoice.key);
  const fromRecord = recorded && recorded.withdrawn !== true ? recorded.promisedDate : null;
  const fromColumn = invoice.promisedDate ?? null;
  if (fromRecord === null) return fromColumn;
  if (fromColumn === null) return fromRecord;
  return fromRecord > fromColumn ? fromRecord : fromColumn;
}

/** Every invoice with the promise in force put on it (`promisedDate`), ready for the planner. */
export function withPromises(invoices: readonly Invoice[], records: readonly PromiseRecord[]): Invoice[] {
  const latest = latestRecords(records);
  return invoices.map((inv) => {
    const recorded = latest.get(inv.key);
    return recorded ? { ...inv, promisedDate: promisedDateFor(inv, [recorded]) } : inv;
  });
}

/**
 * Where an invoice stands with its promise today. `holding`: nothing goes out until `resumesOn`
 * (the day after the promise). `missed`: the promise passed and its email has not gone out yet.
 * `none`: no promise, or its missed email already went (the schedule runs as usual).
 */
export type PromiseState =
  { kind: 'none' } | { kind: 'holding'; promisedDate: IsoDate; resumesOn: IsoDate } | { kind: 'missed'; promisedDate: IsoDate };

/** `missedEmailFor`: the promised date whose "promise missed" email already went out (from the log). */
export function promiseState(promisedDate: IsoDate | null, missedEmailFor: IsoDate | null, today: IsoDate): PromiseState {
  if (promisedDate === null) return { kind: 'none' };
  if (today <= promisedDate) return { kind: 'holding', promisedDate, resumesOn: addDays(promisedDate, 1) };
  if (missedEmailFor === promisedDate) return { kind: 'none' };
  return { kind: 'missed', promisedDate };
}
