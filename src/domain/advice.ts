// Advice about a client from its payments (README "Learning from every client"): each piece has a
// code, a documented threshold and a sentence naming the evidence. Pure.
import { daysBetween } from './dates';
import { formatMoney } from './money';
import type { Invoice, IsoDate } from './types';

export const ADVICE_CODES = ['deposit', 'milestones', 'shorterTerms', 'contractTerms'] as const;
export type AdviceCode = (typeof ADVICE_CODES)[number];

export interface Advice {
  code: AdviceCode;
  text: string;
}

/** The thresholds, as the README documents them. */
export const ADVICE_THRESHOLDS = {
  /** deposit: the paid invoices were this many days late on average, or more. */
  depositAverageDaysLate: 14,
  /** milestones: an invoice of at least this amount (in its own currency) paid late, or any dispute. */
  largeInvoiceAmount: 5000,
  /** shorterTerms: at least this many paid invoices… */
  shorterTermsMinPaid: 2,
  /** …of which fewer than this percentage were paid on time. */
  shorterTermsOnTimeBelow: 50,
  /** contractTerms: an invoice this many days late or more (paid, or still unpaid today). */
  contractDaysLate: 30,
} as const;

/** What the advice is decided from: one client's invoices and what the report worked out. */
export interface ClientFacts {
  client: string;
  invoices: readonly Invoice[];
  paidLate: ReadonlyArray<{ invoice: Invoice; daysLate: number }>;
  averageDaysLate: number | null;
  longestDaysLate: number;
  disputed: readonly Invoice[];
  /** Invoices whose formal notice went out. */
  formalNotice: readonly Invoice[];
  today: IsoDate;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function deposit(f: ClientFacts): Advice | null {
  const t = ADVICE_THRESHOLDS.depositAverageDaysLate;
  const ask = 'ask a 50% deposit before the next project';
  if (f.averageDaysLate !== null && f.averageDaysLate >= t) {
    const n = f.paidLate.length;
    const which = n === 1 ? 'its last invoice' : `its last ${n} invoices`;
    return { code: 'deposit', text: `${f.client} paid ${which} ${f.averageDaysLate} days late on average: ${ask}.` };
  }
  const formal = f.formalNotice[0];
  if (formal) return { code: 'deposit', text: `Invoice ${formal.invoice} of ${f.client} needed a formal notice: ${ask}.` };
  return null;
}

function milestones(f: ClientFacts): Advice | null {
  const large = f.paidLate.find((p) => p.daysLate > 0 && p.invoice.amount >= ADVICE_THRESHOLDS.largeInvoiceAmount);
  const split = 'split the next project into milestone payments';
  if (large) {
    const amount = formatMoney(large.invoice.amount, large.invoice.currency, 'en_US');
    return {
      code: 'milestones',
      text: `${f.client} paid invoice ${large.invoice.invoice} (${amount}) ${plural(large.daysLate, 'day')} late: ${split}.`,
    };
  }
  if (f.disputed.length > 0) {
    const list = f.disputed.map((i) => i.invoice).join(', ');
    return {
      code: 'milestones',
      text: `${f.client} disputed ${plural(f.disputed.length, 'invoice')} (${list}): ${split}, each signed off as it is delivered.`,
    };
  }
  return null;
}

function shorterTerms(f: ClientFacts): Advice | null {
  const paid = f.paidLate.length;
  const late = f.paidLate.filter((p) => p.daysLate > 0).length;
  if (paid < ADVICE_THRESHOLDS.shorterTermsMinPaid || (100 * (paid - late)) / paid >= ADVICE_THRESHOLDS.shorterTermsOnTimeBelow)
    return null;
  const withIssue = f.invoices.filter((i) => i.issueDate !== null);
  const terms = withIssue.length > 0 ? Math.max(...withIssue.map((i) => daysBetween(i.issueDate as IsoDate, i.dueDate))) : null;
  const given = terms !== null && terms > 14 ? ` from ${terms} days to 14` : '';
  return {
    code: 'shorterTerms',
    text: `${f.client} paid ${late} of its ${paid} paid invoices late: shorten the payment terms${given} and invoice on delivery.`,
  };
}

function contractTerms(f: ClientFacts): Advice | null {
  if (f.longestDaysLate < ADVICE_THRESHOLDS.contractDaysLate) return null;
  const worst =
    f.paidLate.find((p) => p.daysLate === f.longestDaysLate)?.invoice ??
    f.invoices.find((i) => daysBetween(i.dueDate, f.today) === f.longestDaysLate);
  const which = worst ? `invoice ${worst.invoice}` : 'an invoice';
  return {
    code: 'contractTerms',
    text: `${f.client} was ${f.longestDaysLate} days late on ${which}: before the next project, have a signed contract with payment terms and late fees.`,
  };
}

/** The advice for one client, in the order of ADVICE_CODES (none for a client who pays on time). */
export function adviceFor(f: ClientFacts): Advice[] {
  return [deposit(f), milestones(f), shorterTerms(f), contractTerms(f)].filter((a): a is Advice => a !== null);
}
