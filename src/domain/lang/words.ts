// The shape of one email language's words (README: "Languages", "Adding a language"): every default
// template, the words around a list of invoices, and the formal letter. Each language fills it in its own file.
import type { StageId, TemplateId } from '../types';

/** The words of the list in an email about several invoices. */
export interface ListWords {
  /** Column heads of the HTML table: invoice, issued, due, overdue, balance, pay. */
  heads: readonly [string, string, string, string, string, string];
  /** The start of a line of the plain-text list ('Invoice'). */
  invoice: string;
  issued: string;
  due: string;
  balance: string;
  payAt: string;
  payOnline: string;
  daysOverdue: (days: number) => string;
  dueToday: string;
  dueIn: (days: number) => string;
  /** Joins sums in several currencies ('$10.00 and €5.00'). */
  and: string;
}

/** The words of the formal letter (the statement of account, the follow-ups, the request to pay). */
export interface LetterWords {
  title: string;
  documentTitle: string;
  dear: (name: string) => string;
  intro: (owed: string) => string;
  statementHeads: readonly [string, string, string, string, string, string, string, string];
  total: string;
  followUpsHeading: string;
  followUpHeads: readonly [string, string, string, string, string];
  noFollowUps: string;
  stages: Record<StageId, string>;
  paymentHeading: string;
  payBy: (owed: string, date: string) => string;
  howToPay: string;
  payOnline: string;
  closing: string;
  basisUk: (rates: string) => string;
  basisEu: (rates: string, fixed: string) => string;
  basisCustom: (rates: string) => string;
  counted: string;
}

export interface LanguageWords {
  /** The subject of every one-invoice email, so that an invoice's follow-ups stay in one conversation. */
  subject: string;
  /** The subjects of a list email: all overdue, all coming due, or both. */
  listSubjects: { overdue: string; soon: string; mixed: string };
  /** The lines of each default message. */
  bodies: Record<TemplateId, readonly string[]>;
  /**
   * The default formal notice when late-payment interest applies: the same lines as `bodies.formal`
   * with the interest stated; the line about an attached letter goes in after its sixth line.
   */
  formalWithInterest: readonly string[];
  letterLine: string;
  list: ListWords;
  letter: LetterWords;
}

/** The body of a list email: greeting, opening, the invoices (a list, a table in HTML), the request, sign-off. */
export function listBody(greeting: string, opening: string, ask: string, signOff: string): readonly string[] {
  return [greeting, '', opening, '', '{{invoices}}', '', ask, '', signOff, '{{sender_name}}'];
}
