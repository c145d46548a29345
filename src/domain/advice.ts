// Advice about a client from its payments (README "Learning from every client"): each piece has a
// code, a documented threshold and a sentence naming the evidence. Pure.
import { daysBetween } from './dates';
import { en } from './lang/en';
import type { SummaryWords } from './lang/words';
import { formatMoney } from './money';
import type { Invoice, IsoDate } from './types';

export const ADVICE_CODES = ['deposit', 'milestones', 'shorterTerms', 'contractTerms'] as const;
export type AdviceCode = (typeof ADVICE_CODES)[number];

/**
 * What a piece of advice says, as data: the client and the evidence figures. Words are made from it
 * in each language (the README's English in the sidebar, the spreadsheet's language in the daily summary).
 */
export type AdviceFacts =
  | { code: 'deposit'; client: string; paid: number; averageDaysLate: number }
  | { code: 'deposit'; client: string; formalNotice: string }
  | { code: 'milestones'; client: string; invoice: string; amount: number; currency: string; daysLate: number }
  | { code: 'milestones'; client: string; disputed: string[] }
  | { code: 'shorterTerms'; client: string; late: number; paid: number; termsFrom: number | null }
  | { code: 'contractTerms'; client: string; daysLate: number; invoice: string | null };

export interface Advice {
  code: AdviceCode;
  text: string;
  facts: AdviceFacts;
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

function deposit(f: ClientFacts): AdviceFacts | null {
  if (f.averageDaysLate !== null && f.averageDaysLate >= ADVICE_THRESHOLDS.depositAverageDaysLate)
    return { code: 'deposit', client: f.client, paid: f.paidLate.length, averageDaysLate: f.averageDaysLate };
  const formal = f.formalNotice[0];
  return formal ? { code: 'deposit', client: f.client, formalNotice: formal.invoice } : null;
}

function milestones(f: ClientFacts): AdviceFacts | null {
  const large = f.paidLate.find((p) => p.daysLate > 0 && p.invoice.amount >= ADVICE_THRESHOLDS.largeInvoiceAmount);
  if (large) {
    const { invoice, amount, currency } = large.invoice;
    return { code: 'milestones', client: f.client, invoice, amount, currency, daysLate: large.daysLate };
  }
  if (f.disputed.length > 0) return { code: 'milestones', client: f.client, disputed: f.disputed.map((i) => i.invoice) };
  return null;
}

function shorterTerms(f: ClientFacts): AdviceFacts | null {
  const paid = f.paidLate.length;
  const late = f.paidLate.filter((p) => p.daysLate > 0).length;
  if (paid < ADVICE_THRESHOLDS.shorterTermsMinPaid || (100 * (paid - late)) / paid >= ADVICE_THRESHOLDS.shorterTermsOnTimeBelow)
    return null;
  const withIssue = f.invoices.filter((i) => i.issueDate !== null);
  const terms = withIssue.length > 0 ? Math.max(...withIssue.map((i) => daysBetween(i.issueDate as IsoDate, i.dueDate))) : null;
  return { code: 'shorterTerms', client: f.client, late, paid, termsFrom: terms !== null && terms > 14 ? terms : null };
}

function contractTerms(f: ClientFacts): AdviceFacts | null {
  if (f.longestDaysLate < ADVICE_THRESHOLDS.contractDaysLate) return null;
  const worst =
    f.paidLate.find((p) => p.daysLate === f.longestDaysLate)?.invoice ??
    f.invoices.find((i) => daysBetween(i.dueDate, f.today) === f.longestDaysLate);
  return { code: 'contractTerms', client: f.client, daysLate: f.longestDaysLate, invoice: worst ? worst.invoice : null };
}

/** A piece of advice in one language's words; amounts in `locale`. */
export function adviceText(a: AdviceFacts, words: SummaryWords['advice'], locale: string): string {
  switch (a.code) {
    case 'deposit':
      return 'formalNotice' in a
        ? words.depositFormal(a.client, a.formalNotice)
        : words.depositAverage(a.client, a.paid, a.averageDaysLate);
    case 'milestones':
      return 'disputed' in a
        ? words.milestonesDisputed(a.client, a.disputed.length, a.disputed.join(', '))
        : words.milestonesLarge(a.client, a.invoice, formatMoney(a.amount, a.currency, locale), a.daysLate);
    case 'shorterTerms':
      return words.shorterTerms(a.client, a.late, a.paid, a.termsFrom);
    case 'contractTerms':
      return words.contractTerms(a.client, a.daysLate, a.invoice);
  }
}

/** The advice for one client, in the order of ADVICE_CODES (none for a client who pays on time). */
export function adviceFor(f: ClientFacts): Advice[] {
  return [deposit(f), milestones(f), shorterTerms(f), contractTerms(f)]
    .filter((a): a is AdviceFacts => a !== null)
    .map((facts) => ({ code: facts.code, text: adviceText(facts, en.summary.advice, 'en_US'), facts }));
}
