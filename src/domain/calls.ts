// The day-14 call (README "The day-14 call"): who to call, the number, what is owed and what to ask.
// Pure: the sidebar and the daily summary show the same card, built from the invoice and its plan.
import { en } from './lang/en';
import type { SummaryWords } from './lang/words';
import { formatMoney } from './money';
import { readPhone } from './phone';
import type { Invoice, Settings } from './types';

/** What came of a call, as the sidebar records it (the Outcome cell of its Follow-up Log row). */
export const CALL_OUTCOMES = ['reached', 'promised', 'disputed', 'noAnswer', 'wrongContact'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export function isCallOutcome(value: unknown): value is CallOutcome {
  return typeof value === 'string' && (CALL_OUTCOMES as readonly string[]).includes(value);
}

/** The Stage cell of a call's Follow-up Log row. */
export const CALL_LOG_STAGE = 'call';

/** A call outcome in words, for the log's Result cell and the sidebar's buttons. */
export const CALL_OUTCOME_WORDS: Record<CallOutcome, string> = {
  reached: 'Reached them',
  promised: 'They promised to pay',
  disputed: 'They dispute it',
  noAnswer: 'No answer',
  wrongContact: 'Wrong contact',
};

/** What came of a call, as the invoice's history shows it after "Call: ". */
const CALL_HISTORY_WORDS: Record<CallOutcome, string> = {
  reached: 'reached them',
  promised: 'promised to pay',
  disputed: 'they dispute it',
  noAnswer: 'no answer',
  wrongContact: 'wrong contact',
};

/** A call in the invoice's history ('Call: promised to pay by Nov 30, 2026', 'Call: no answer'); `promisedOn` as shown. */
export function callHistoryLabel(outcome: CallOutcome, promisedOn: string | null): string {
  const by = outcome === 'promised' && promisedOn !== null ? ` by ${promisedOn}` : '';
  return `Call: ${CALL_HISTORY_WORDS[outcome]}${by}`;
}

/** What to ask on the call: the method's four questions, in order. */
export const TALKING_POINTS: readonly string[] = en.summary.talkingPoints;

/** One call to make, as plain JSON (the sidebar receives it through google.script.run). */
export interface CallCard {
  invoice: string;
  client: string;
  /** The person to ask for ('' when the row names none). */
  contact: string;
  /** The Phone cell as written ('' when none). */
  phone: string;
  /** The `tel:` target (digits and a leading + only); null when there is no number to dial. */
  tel: string | null;
  /** What is owed, in major units, and in words. */
  balance: number;
  currency: string;
  owed: string;
  daysLate: number;
  talkingPoints: string[];
  /** Said instead of the number when there is none to dial (null when there is). */
  noPhone: string | null;
  /** The other addresses to write to when there is no number to dial. */
  others: string[];
}

/** Calls are due from the escalation day on (null: that stage is turned off, so no call is due). */
export function callDay(settings: Settings): number | null {
  return settings.stageDays.escalate;
}

/** The card of the call to make about this invoice, `daysLate` days after its due date. */
export function callCard(invoice: Invoice, daysLate: number, locale: string): CallCard {
  const phone = readPhone(invoice.phone ?? '');
  const other = invoice.billingEmails.length > 0 ? invoice.billingEmails : invoice.emails;
  const card = {
    invoice: invoice.invoice,
    client: invoice.client,
    contact: invoice.contactName,
    phone: phone.shown,
    tel: phone.tel,
    balance: invoice.balance,
    currency: invoice.currency,
    owed: formatMoney(invoice.balance, invoice.currency, locale),
    daysLate,
    talkingPoints: [...TALKING_POINTS],
    others: [...other],
  };
  return { ...card, noPhone: noPhoneText(card, en.summary) };
}

/** What to do instead of calling, in one language's words (null when there is a number to dial). */
export function noPhoneText(card: Pick<CallCard, 'tel' | 'phone' | 'client' | 'others'>, words: SummaryWords): string | null {
  if (card.tel !== null) return null;
  const others = card.others.join(', ');
  return card.phone === '' ? words.noPhone(card.client, others) : words.badPhone(card.phone, card.client, others);
}
