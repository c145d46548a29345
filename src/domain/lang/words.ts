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

/** The words of the owner's daily summary (README "Languages": it follows the spreadsheet's locale). */
export interface SummaryWords {
  /** The subject around the counts ('Invoice follow-ups today: 2 invoices followed up, 1 failed'). */
  subject: (counts: string) => string;
  counts: {
    followedUp: (n: number) => string;
    emailsSent: (n: number) => string;
    waiting: (n: number) => string;
    failed: (n: number) => string;
    needYou: (n: number) => string;
    changes: (n: number) => string;
  };
  heads: {
    calls: string;
    needs: string;
    changes: string;
    failed: string;
    sent: string;
    queued: string;
    owed: string;
    emails: string;
    advice: string;
  };
  /** What a notice that is not a stage's email was, in a line about a send. */
  notices: { promiseMissed: string; thankYou: string };
  /** What comes before a detail or a reason (': ', in French ' : '). */
  colon: string;
  /** 'Reminder for invoice INV-1 (Acme)'. */
  outcome: (what: string, invoice: string, client: string) => string;
  /** Why an invoice needs the user now, by NeedCode. */
  needs: { call: string; decide: string; review: string; promise: string };
  /** 'Invoice INV-1 (Acme): call the client…'. */
  needLine: (invoice: string, client: string, need: string) => string;
  /** '$1,200.00 overdue on 2 invoices'. */
  overdue: (amount: string, count: number) => string;
  /** What a change was, by ChangeCode. */
  changeWhat: { settings: string; template: string; templateReset: string; columns: string; earlier: string };
  hiddenEditor: string;
  /** 'bob@example.com changed the settings'. */
  changeBy: (who: string, what: string) => string;
  /** The person to call: 'Ann at Acme'. */
  callWho: (contact: string, client: string) => string;
  /** 'on +44 20…' in the text version (the HTML version links the number alone). */
  onNumber: (phone: string) => string;
  noNumber: string;
  /** 'Call Ann at Acme on … about invoice INV-1: €1.200,00 owed, 15 days late.' */
  call: (who: string, number: string, invoice: string, owed: string, daysLate: number) => string;
  noPhone: (client: string, others: string) => string;
  badPhone: (cell: string, client: string, others: string) => string;
  talkingPoints: readonly [string, string, string, string];
  advice: {
    depositAverage: (client: string, paid: number, days: number) => string;
    depositFormal: (client: string, invoice: string) => string;
    milestonesLarge: (client: string, invoice: string, amount: string, days: number) => string;
    milestonesDisputed: (client: string, count: number, list: string) => string;
    /** `from`: today's payment terms in days when above 14 (null: not said). */
    shorterTerms: (client: string, late: number, paid: number, from: number | null) => string;
    /** `invoice`: the latest one (null: not known). */
    contractTerms: (client: string, days: number, invoice: string | null) => string;
  };
  open: string;
  /** The alert that sending stopped because the store is full: its subject and its lines (`sent`: emails that went out first). */
  storeFull: { subject: string; lines: (address: string, sent: number) => readonly string[] };
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
  summary: SummaryWords;
}

/** The body of a list email: greeting, opening, the invoices (a list, a table in HTML), the request, sign-off. */
export function listBody(greeting: string, opening: string, ask: string, signOff: string): readonly string[] {
  return [greeting, '', opening, '', '{{invoices}}', '', ask, '', signOff, '{{sender_name}}'];
}
