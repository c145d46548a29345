// What the thank-you when paid needs to remember (docs/escalation.md, "Thank-you when paid"): the
// day the setting was turned on, and the day a run first found each invoice paid when the sheet
// gives no Paid Date. Kept compact in the add-on's store under one key:
//   { since: day turned on, seenOn: last run that saw the sheet, paid: { invoice key: day found paid } }
// `paid` holds only invoices whose thank-you is still to go, so it stays a handful of entries.
// A payment counts as found by a run only when the add-on's own Status cell (written by an earlier
// run since the setting was turned on) still showed the invoice unpaid: an invoice paid before the
// setting was turned on never gets a thank-you.
import { cellText } from '../domain/dates';
import { SETTLED_LABELS } from '../domain/payment';
import { isPaid, thankYouDue, type InvoiceHistory } from '../domain/stages';
import type { Invoice, IsoDate } from '../domain/types';
import type { RunPlan } from './planRun';
import type { StorePort } from './ports';
import { errorMessage } from './sendOnce';
import type { Snapshot } from './snapshot';

export const THANK_YOU_KEY = 'thankYou';

interface Stored {
  since: IsoDate;
  seenOn: IsoDate | null;
  paid: Record<string, IsoDate>;
}

function readStored(store: StorePort): Stored | null {
  const raw = store.readJson(THANK_YOU_KEY).value as Partial<Stored> | null;
  if (!raw || typeof raw !== 'object' || typeof raw.since !== 'string') return null;
  const paid = raw.paid && typeof raw.paid === 'object' ? raw.paid : {};
  return { since: raw.since, seenOn: typeof raw.seenOn === 'string' ? raw.seenOn : null, paid };
}

/** Settings saved: turned on, the day is kept (a thank-you only for payments from then on); turned off, forgotten. */
export function noteThankYouSetting(store: StorePort, wasOn: boolean, isOn: boolean, today: IsoDate): void {
  if (isOn && !wasOn) store.writeJson(THANK_YOU_KEY, { since: today, seenOn: null, paid: {} });
  else if (!isOn && wasOn) store.delete(THANK_YOU_KEY);
}

export interface ThankYouBook {
  /** The day the setting was turned on (null: off, or turned on before this version kept the day). */
  since: IsoDate | null;
  /** The day each invoice without a Paid Date was first found paid. */
  paidSeenOn: Map<string, IsoDate>;
  /** Saves what this run saw (`thanked`: invoices whose thank-you went out). */
  save(store: StorePort, thanked?: string[]): void;
}

/** The add-on's own Status cell of the row still shows it unpaid (the last run saw it so). */
function lastSeenUnpaid(snapshot: Snapshot, invoice: Invoice): boolean {
  const column = snapshot.header.columns.status;
  if (column === undefined) return false;
  const shown = cellText(snapshot.grid[invoice.row - 1]?.[column] ?? '').trim();
  return shown !== '' && shown !== SETTLED_LABELS.paid;
}

/** What the store remembers, with the invoices this run finds paid added. */
export function thankYouBook(
  snapshot: Snapshot,
  run: RunPlan,
  histories: Map<string, InvoiceHistory>,
  store: StorePort,
): ThankYouBook {
  const stored = snapshot.config.settings.thankYouWhenPaid ? readStored(store) : null;
  const none: ThankYouBook = { since: null, paidSeenOn: new Map(), save: () => undefined };
  if (!stored) return none;
  const today = run.today;
  const seenSince = stored.seenOn !== null && stored.seenOn >= stored.since;
  const paidSeenOn = new Map<string, IsoDate>();
  for (const invoice of run.invoices.values()) {
    const h = histories.get(invoice.key);
    if (!isPaid(invoice) || invoice.paidDate !== null || !h || h.lastSentStage === null || h.thankYouSent === true) continue;
    const known = stored.paid[invoice.key];
    if (known !== undefined) paidSeenOn.set(invoice.key, known);
    else if (seenSince && lastSeenUnpaid(snapshot, invoice)) paidSeenOn.set(invoice.key, today);
  }
  const save = (into: StorePort, thanked: string[] = []): void => {
    for (const key of thanked) paidSeenOn.delete(key);
    const next: Stored = { since: stored.since, seenOn: today, paid: Object.fromEntries(paidSeenOn) };
    if (JSON.stringify(next) === JSON.stringify(stored)) return;
    try {
      into.writeJson(THANK_YOU_KEY, next);
    } catch (err) {
      console.error(`Could not record the invoices found paid: ${errorMessage(err)}`);
    }
  };
  return { since: stored.since, paidSeenOn, save };
}

/** The paid invoices whose thank-you is due now (exactly once each; never for one paid before the setting). */
export function thankYousDue(run: RunPlan, book: ThankYouBook, histories: Map<string, InvoiceHistory>): Invoice[] {
  if (book.since === null) return [];
  const due: Invoice[] = [];
  for (const invoice of run.invoices.values()) {
    const h = histories.get(invoice.key);
    if (!h) continue;
    const paidSeenOn = book.paidSeenOn.get(invoice.key) ?? null;
    if (thankYouDue(invoice, { ...h, paidSeenOn }, book.since)) due.push(invoice);
  }
  return due;
}
