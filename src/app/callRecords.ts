// The addresses the user gave after a call with the wrong contact (README "The day-14 call"): kept
// in the add-on's own store, never in a user's cell, and copied on every later follow-up to the client.
import { isIsoDate } from '../domain/dates';
import { clientKey } from '../domain/group';
import type { Invoice, IsoDate, ParsedRow } from '../domain/types';
import type { StorePort } from './ports';

export const CALL_CONTACTS_KEY = 'callContacts';
/** Addresses kept per client (the latest ones; one email has room for 50 recipients in all). */
const KEEP_PER_CLIENT = 5;

/** One address as stored: [client key, address, the day it was given]. */
export type CallContact = [string, string, IsoDate];

export function readCallContacts(store: Pick<StorePort, 'readJson'>): CallContact[] {
  const raw = store.readJson(CALL_CONTACTS_KEY).value;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (r): r is CallContact =>
      Array.isArray(r) && typeof r[0] === 'string' && typeof r[1] === 'string' && typeof r[2] === 'string' && isIsoDate(r[2]),
  );
}

/** The records with one address added for the client (an address given again moves to the end). */
export function withCallContact(records: readonly CallContact[], client: string, email: string, day: IsoDate): CallContact[] {
  const key = clientKey(client);
  const lower = email.toLowerCase();
  const others = records.filter((r) => !(r[0] === key && r[1].toLowerCase() === lower));
  const mine = [...others.filter((r) => r[0] === key), [key, email, day] as CallContact].slice(-KEEP_PER_CLIENT);
  return [...others.filter((r) => r[0] !== key), ...mine];
}

/** The addresses to copy, by client key. */
export function contactsByClient(records: readonly CallContact[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, email] of records) {
    const list = out.get(key);
    if (list) list.push(email);
    else out.set(key, [email]);
  }
  return out;
}

/** The rows with each client's added addresses on its invoices (copied by the plan's recipients). */
export function withExtraCc(rows: ParsedRow[], contacts: ReadonlyMap<string, string[]>): ParsedRow[] {
  if (contacts.size === 0) return rows;
  return rows.map((r) => {
    if (!r.ok) return r;
    const extra = contacts.get(clientKey(r.invoice.client));
    if (!extra) return r;
    const invoice: Invoice = { ...r.invoice, extraCc: extra };
    return { ok: true, invoice };
  });
}
