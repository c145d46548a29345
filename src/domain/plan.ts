// The plan: for a snapshot of the sheet, the settings, the history and today, what every row's
// status is and which follow-up emails are due. The same plan drives preview, menu and trigger runs.
import { evaluateInvoice, emptyHistory, isPaid, type Evaluation, type InvoiceHistory } from './stages';
import { checkTemplate, placeholderValues, placeholdersIn } from './templates';
import { stageLabel } from './settings';
import { SETTLED_LABELS } from './payment';
import { formalNoticeFor } from './defaultTemplates';
import { withPromises, type PromiseRecord } from './promise';
import { dueDateHold, firstRunDate, type DueDateChecks } from './dueDates';
import type { LateInterest } from './interest';
import { formalLetterFor, lateInterestFor, type PlannedDocument } from './notice';
import type { LogRecord } from './records';
import type {
  EmailStageId,
  InvalidRow,
  Invoice,
  IsoDate,
  ParsedRow,
  RowOutcome,
  Settings,
  EmailContent,
  SheetContext,
  Template,
  Templates,
} from './types';

export interface FollowUpEmail extends EmailContent {
  key: string;
  row: number;
  invoice: Invoice;
  stage: EmailStageId;
  /** Earlier stages that were due but are not sent because this one supersedes them (catch-up). */
  superseded: EmailStageId[];
  /** The formal letter to attach as a PDF (formal notice with attachLetter on; docs/late-payment.md). */
  letter?: PlannedDocument;
}

export interface RowPlan {
  row: number;
  key: string | null;
  invoice: string;
  client: string;
  /** Why nothing can be done for this row (written on the row as "Error: …"). */
  error: string | null;
  /**
   * What the row is when it is not an invoice to chase and not an error: settled (Paid, Void…),
   * held for review, or not an invoice (a total, a note, a credit note). Nothing is ever sent for it.
   */
  outcome: Exclude<RowOutcome, { kind: 'error' }> | null;
  evaluation: Evaluation | null;
  email: FollowUpEmail | null;
  /** The decision stage was reached today: log it once (no email). */
  decision: { superseded: EmailStageId[] } | null;
  /** The "promise missed" email due today (no stage of its own; see docs/escalation.md). */
  promiseMissed?: PromiseMissedEmail | null;
  /** How the due date was worked out when the sheet gave none ("due 2026-10-31 from Terms 'Net 30'"): the status says so. */
  dueNote?: string;
}

/** The one email the day after a missed promise: like a follow-up, about the promised date rather than a stage. */
export type PromiseMissedEmail = Omit<FollowUpEmail, 'stage' | 'superseded'> & { promisedDate: IsoDate };

export interface Plan {
  rows: RowPlan[];
  /** Emails due now, oldest due date first (that is the order they use the daily quota in). */
  emails: FollowUpEmail[];
  /** "Promise missed" emails due now (sent by the run once it records them; docs/escalation.md). */
  promiseMissed: PromiseMissedEmail[];
}

export interface PlanInput {
  rows: ParsedRow[];
  histories: Map<string, InvoiceHistory>;
  settings: Settings;
  templates: Templates;
  ctx: SheetContext;
  /** The user's own address, for CC/BCC-self; null when unknown. */
  selfEmail: string | null;
  /** Promises recorded in the sidebar, merged with the Promised Date column. */
  promises?: readonly PromiseRecord[];
  /**
   * The run sends the "promise missed" emails (`Plan.promiseMissed`) and records them. Without it, a
   * missed promise lets the schedule resume at once, so no invoice waits for an email nobody sends.
   */
  sendPromiseMissed?: boolean;
  /** The Follow-up Log as read: the formal letter lists every follow-up sent. */
  log?: readonly LogRecord[];
  /**
   * What a due date that looks like a typo is checked against (src/domain/dueDates.ts). Without it:
   * the first run is the earliest date of `log` (or today), and no due date is confirmed.
   */
  dueDates?: DueDateChecks;
}

/** The wording of an email that is not a stage of its own (docs/escalation.md): the user's template. */
function extraTemplate(input: PlanInput, id: 'escalateNoBilling' | 'promiseMissed' | 'thankYou'): Template {
  return input.templates[id];
}

/**
 * The template of a stage's email for this row: the escalation has its own wording without a billing
 * contact, and the default formal notice states the interest when some applies.
 */
function templateFor(invoice: Invoice, stage: EmailStageId, input: PlanInput, late: LateInterest | undefined): Template {
  if (stage === 'escalate' && invoice.billingEmails.length === 0) {
    return extraTemplate(input, 'escalateNoBilling');
  }
  const template = input.templates[stage];
  if (stage !== 'formal') return template;
  const interestApplies = late !== undefined && late.notApplied === undefined;
  const letterAttached = input.settings.latePayment?.attachLetter === true;
  // The same four wordings at most for every formal notice of a run: each worked out once.
  let variants = formalVariants.get(template);
  if (variants === undefined) formalVariants.set(template, (variants = []));
  const which = (interestApplies ? 2 : 0) + (letterAttached ? 1 : 0);
  return (variants[which] ??= formalNoticeFor(template, { interestApplies, letterAttached }));
}

const formalVariants = new WeakMap<Template, Template[]>();

function unique(list: string[], exclude: string[] = []): string[] {
  // The usual case, one address and nothing to leave out: an array of its size (a pushed-to array
  // keeps room for 17), as every due email keeps its recipients.
  if (list.length <= 1 && exclude.length === 0) return list.slice();
  const seen = new Set(exclude.map((e) => e.toLowerCase()));
  const out: string[] = [];
  for (const e of list) {
    const k = e.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(e);
    }
  }
  return out;
}

/**
 * Who gets a stage's email: escalate goes to the billing contact with the usual contact copied (to the
 * usual contact alone when the row has none); formal copies the billing contact.
 */
export function recipientsFor(
  invoice: Invoice,
  stage: EmailStageId,
  settings: Settings,
  selfEmail: string | null,
): { to: string[]; cc: string[]; bcc: string[] } {
  let to = invoice.emails;
  let cc: string[] = [];
  if (stage === 'escalate' && invoice.billingEmails.length > 0) {
    to = invoice.billingEmails;
    cc = invoice.emails;
  } else if (stage === 'formal') {
    cc = invoice.billingEmails;
  }
  to = unique(to);
  // Addresses the user gave after a call with the wrong contact (README "The day-14 call").
  if (invoice.extraCc) cc = [...cc, ...invoice.extraCc];
  if (settings.ccSelf && selfEmail) cc = [...cc, selfEmail];
  cc = unique(cc, to);
  const bcc = settings.bccSelf && selfEmail ? unique([selfEmail], [...to, ...cc]) : [];
  return { to, cc, bcc };
}

export function recipientCount(email: Pick<FollowUpEmail, 'to' | 'cc' | 'bcc'>): number {
  return email.to.length + email.cc.length + email.bcc.length;
}

/** MailApp refuses an email to more than 50 recipients (To, Cc and Bcc together). */
export const MAX_RECIPIENTS = 50;

/** Recipients as planned, or why this row's email cannot go (more than one email may have). */
function checkedRecipients(recipients: Pick<FollowUpEmail, 'to' | 'cc' | 'bcc'>, what: string): string | null {
  const n = recipientCount(recipients);
  if (n <= MAX_RECIPIENTS) return null;
  return (
    `The ${what} email would go to ${n} addresses (To, Cc and Bcc together), and one email can have at most ${MAX_RECIPIENTS}, ` +
    'so it was not sent. Keep only the people who handle this invoice in the Email and Billing Email cells'
  );
}

const PLACEHOLDER_LABELS: Record<string, string> = {
  contact_name: 'a Contact Name',
  payment_link: 'a Payment Link',
  issue_date: 'an Issue Date',
  sender_name: 'a sender name (set it in the sidebar settings)',
};

const LATE_PAYMENT_PLACEHOLDERS: readonly string[] = ['interest', 'compensation', 'amount_claimed'];

function missingMessage(what: string, missing: string[], late: LateInterest | undefined): string {
  const email = `The ${what} email`;
  const lateNames = missing.filter((m) => LATE_PAYMENT_PLACEHOLDERS.includes(m));
  if (lateNames.length > 0) {
    const names = lateNames.map((m) => `{{${m}}}`).join(' and ');
    const why = late?.notApplied?.message ?? 'Late-payment interest is turned off in Settings.';
    return `${email} uses ${names}, and none applies to this row, so it was not sent. ${why}`;
  }
  const values = missing.map((m) => PLACEHOLDER_LABELS[m] ?? `a value for {{${m}}}`).join(' and ');
  return `${email} needs ${values}, and this row has none, so it was not sent`;
}

type Rendered = Pick<FollowUpEmail, 'subject' | 'text' | 'html'>;

/**
 * A template checked for one invoice: how to fill it in, or why it cannot be sent (`what` names the
 * email in that message). The words themselves are only made when an email is sent or shown.
 */
function rendered(
  invoice: Invoice,
  template: Template,
  what: string,
  input: PlanInput,
  late: LateInterest | undefined = lateInterestFor(invoice, input.settings, input.ctx.today),
): (() => Rendered) | string {
  const valuesNow = () =>
    placeholderValues(
      invoice,
      {
        today: input.ctx.today,
        locale: input.ctx.locale,
        replyByDays: input.settings.replyByDays,
        senderName: input.settings.senderName,
        ...(late === undefined ? {} : { late }),
      },
      placeholdersIn(template),
    );
  const r = checkTemplate(template, valuesNow());
  // The values are made again when the words are (the same ones): a plan keeps no values for the
  // many emails it never renders.
  if (r.ok) return () => (checkTemplate(template, valuesNow()) as Extract<typeof r, { ok: true }>).render();
  if ('missing' in r) return missingMessage(what, r.missing, late);
  return `The ${what} template has a problem: ${r.problems.join('; ')}`;
}

/** How each planned email fills in its words, and the words once made. */
interface Words {
  render: () => Rendered;
  made?: Rendered;
}
const wordsByEmail = new WeakMap<object, Words>();

function wordsOf(email: object): Rendered {
  const words = wordsByEmail.get(email);
  // A copy of an email (`{ ...email }`) holds its words as plain values: only the original gets here.
  if (words === undefined) throw new Error('An email without words');
  return (words.made ??= words.render());
}

// The same getters for every email: emails then share their shape, where a closure per email would
// give each its own (README "Performance").
const WORD_GETTERS: PropertyDescriptorMap = {
  subject: {
    get: function (this: object) {
      return wordsOf(this).subject;
    },
    enumerable: true,
  },
  text: {
    get: function (this: object) {
      return wordsOf(this).text;
    },
    enumerable: true,
  },
  html: {
    get: function (this: object) {
      return wordsOf(this).html;
    },
    enumerable: true,
  },
};

/** An email whose subject, text and HTML are filled in the first time they are read, then kept. */
function withWords<T extends object>(email: T, render: () => Rendered): T & Rendered {
  wordsByEmail.set(email, { render });
  return Object.defineProperties(email, WORD_GETTERS) as T & Rendered;
}

function planEmail(invoice: Invoice, stage: EmailStageId, superseded: EmailStageId[], input: PlanInput): FollowUpEmail | string {
  const late = lateInterestFor(invoice, input.settings, input.ctx.today);
  const words = rendered(invoice, templateFor(invoice, stage, input, late), stageLabel(stage).toLowerCase(), input, late);
  if (typeof words === 'string') return words;
  const recipients = recipientsFor(invoice, stage, input.settings, input.selfEmail);
  const tooMany = checkedRecipients(recipients, stageLabel(stage).toLowerCase());
  if (tooMany !== null) return tooMany;
  const letter =
    stage === 'formal' && input.settings.latePayment?.attachLetter === true
      ? { letter: formalLetterFor(invoice, { ...input, log: input.log ?? [] }) }
      : {};
  return withWords({ key: invoice.key, row: invoice.row, invoice, stage, superseded, ...recipients, ...letter }, words);
}

/** The "promise missed" email: to the usual contact, the billing contact copied, quoting the promised date. */
function planPromiseMissed(invoice: Invoice, promisedDate: IsoDate, input: PlanInput): PromiseMissedEmail | string {
  const words = rendered({ ...invoice, promisedDate }, extraTemplate(input, 'promiseMissed'), 'promise missed', input);
  if (typeof words === 'string') return words;
  const recipients = recipientsFor(invoice, 'formal', input.settings, input.selfEmail);
  const tooMany = checkedRecipients(recipients, 'promise missed');
  if (tooMany !== null) return tooMany;
  return withWords({ key: invoice.key, row: invoice.row, invoice, promisedDate, ...recipients }, words);
}

/** An email about an invoice that is not a stage: the thank-you when it is paid. */
export type InvoiceEmail = Omit<FollowUpEmail, 'stage' | 'superseded'>;

/** The thank-you for a paid invoice (when `thankYouDue` says so): to the usual contact, or why it cannot go. */
export function planThankYou(invoice: Invoice, input: PlanInput): InvoiceEmail | string {
  const words = rendered(invoice, extraTemplate(input, 'thankYou'), 'thank-you', input);
  if (typeof words === 'string') return words;
  const recipients = recipientsFor(invoice, 'reminder', input.settings, input.selfEmail);
  const tooMany = checkedRecipients(recipients, 'thank-you');
  if (tooMany !== null) return tooMany;
  return withWords({ key: invoice.key, row: invoice.row, invoice, ...recipients }, words);
}

/** The plan of a row that is not an invoice to chase: an error, or what the row is. Nothing is sent. */
function plannedAside(invalid: InvalidRow): RowPlan {
  const { row, key, invoice, client, error } = invalid;
  const outcome = invalid.outcome;
  const aside = outcome !== undefined && outcome.kind !== 'error' ? outcome : null;
  return {
    row,
    key,
    invoice,
    client,
    error: aside === null ? error : null,
    outcome: aside,
    evaluation: null,
    email: null,
    decision: null,
  };
}

const NO_HISTORY: InvoiceHistory = Object.freeze(emptyHistory());

/** An unpaid invoice held before it is evaluated (a due date that looks like a typo): nothing is sent. */
function heldInvoice(inv: Invoice, checks: DueDateChecks): RowPlan | null {
  const hold = isPaid(inv) ? null : dueDateHold(inv, checks);
  if (hold === null) return null;
  const { row, key, invoice, client } = inv;
  return { row, key, invoice, client, error: null, outcome: hold, evaluation: null, email: null, decision: null };
}

/** The plan of an invoice row: its evaluation today and the email, decision or skip that is due. */
function plannedInvoice(inv: Invoice, input: PlanInput, checks: DueDateChecks): RowPlan {
  const held = heldInvoice(inv, checks);
  if (held !== null) return held;
  const known = input.histories.get(inv.key) ?? NO_HISTORY;
  const missedFor = inv.promisedDate ?? null;
  // A copy only when it changes something (most invoices have no promise): this runs for every row.
  const history =
    input.sendPromiseMissed === true || (known.promiseMissedFor ?? null) === missedFor
      ? known
      : { ...known, promiseMissedFor: missedFor };
  const evaluation = evaluateInvoice(inv, history, input.settings, input.ctx.today);
  const plan: RowPlan = {
    row: inv.row,
    key: inv.key,
    invoice: inv.invoice,
    client: inv.client,
    error: null,
    outcome: null,
    evaluation,
    email: null,
    decision: null,
    ...(inv.dueFromTerms !== undefined ? { dueNote: `due ${inv.dueDate} from Terms '${inv.dueFromTerms}'` } : {}),
  };
  if (evaluation.promiseMissedDue !== undefined) {
    const missed = planPromiseMissed(inv, evaluation.promiseMissedDue, input);
    return typeof missed === 'string' ? { ...plan, error: missed } : { ...plan, promiseMissed: missed };
  }
  const due = evaluation.dueToday;
  if (!due) return plan;
  if (due.stage === 'final') return { ...plan, decision: { superseded: due.superseded } };
  const email = planEmail(inv, due.stage, due.superseded, input);
  return typeof email === 'string' ? { ...plan, error: email } : { ...plan, email };
}

/**
 * Every row's plan and the emails due now. Only invoice rows to chase can yield an email: rows
 * that are settled, held, not invoices or in error never do.
 */
export function planFollowUps(input: PlanInput): Plan {
  const invoices = withPromises(
    input.rows.flatMap((r) => (r.ok ? [r.invoice] : [])),
    input.promises ?? [],
  );
  const checks = input.dueDates ?? { firstRun: firstRunDate(input.log ?? [], input.ctx.today), confirmed: new Map() };
  let next = 0;
  const rows = input.rows.map((parsed) =>
    parsed.ok ? plannedInvoice(invoices[next++] ?? parsed.invoice, input, checks) : plannedAside(parsed.invalid),
  );
  const emails = rows.flatMap((r) => (r.email !== null ? [r.email] : []));
  emails.sort((a, b) => a.invoice.dueDate.localeCompare(b.invoice.dueDate) || a.row - b.row);
  const promiseMissed = rows.flatMap((r) => (r.promiseMissed ? [r.promiseMissed] : []));
  return { rows, emails, promiseMissed };
}

/** The five status cells of a row, as plain values (dates as IsoDate; the adapter makes date cells). */
export interface StatusCells {
  status: string;
  stage: string;
  daysOverdue: number | '';
  lastFollowUp: IsoDate | '';
  nextFollowUp: IsoDate | '';
}

const NOT_INVOICE_STATUS: Record<string, string> = {
  total: 'Total row',
  note: 'Note',
  'credit-note': 'Credit note',
  header: 'Header row',
};

/**
 * The Status cell of a row that is not chased: 'Paid', 'Void', 'Credit note', 'Total row', 'Header
 * row', 'Duplicate of row 7', 'Needs review: …'.
 */
export function outcomeStatus(outcome: Exclude<RowOutcome, { kind: 'error' }>): string {
  if (outcome.kind === 'held') return `Needs review: ${outcome.message}`;
  if (outcome.kind === 'settled') return SETTLED_LABELS[outcome.code];
  if (outcome.code === 'duplicate' && outcome.of !== undefined) return `Duplicate of row ${outcome.of}`;
  return NOT_INVOICE_STATUS[outcome.code] ?? outcome.message;
}

/**
 * Status cells for a row. Invalid rows keep the stage and last follow-up the add-on remembers, so
 * a typo that makes a row invalid for a day does not erase its history.
 */
export function statusCells(row: RowPlan, evaluation: Evaluation | null, history: InvoiceHistory | undefined): StatusCells {
  if (row.outcome !== null && row.outcome !== undefined) {
    return {
      status: outcomeStatus(row.outcome),
      stage: history?.lastSentStage ?? '',
      daysOverdue: '',
      lastFollowUp: history?.lastFollowUp ?? '',
      nextFollowUp: '',
    };
  }
  if (row.error !== null || evaluation === null) {
    return {
      status: `Error: ${row.error ?? 'this row could not be read'}`,
      stage: history?.lastSentStage ?? '',
      daysOverdue: evaluation?.daysOverdue ?? '',
      lastFollowUp: history?.lastFollowUp ?? '',
      nextFollowUp: '',
    };
  }
  const status = evaluation.promisedDate !== undefined ? `Promised by ${evaluation.promisedDate}` : evaluation.status;
  return {
    // A due date worked out from the Terms is said on the row (docs/own-sheet.md "Terms instead of a due date").
    status: row.dueNote !== undefined && status !== 'Paid' ? `${status} (${row.dueNote})` : status,
    stage: evaluation.stageSent ?? '',
    daysOverdue: evaluation.daysOverdue ?? '',
    lastFollowUp: evaluation.lastFollowUp ?? '',
    nextFollowUp: evaluation.nextFollowUp ?? '',
  };
}
