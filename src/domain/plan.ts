// The plan: for a snapshot of the sheet, the settings, the history and today, what every row's
// status is and which follow-up emails are due. The same plan drives preview, menu and trigger runs.
import { evaluateInvoice, emptyHistory, isPaid, type Evaluation, type InvoiceHistory } from './stages';
import { checkScanned, placeholderValues, scanTemplate, type PlaceholderContext, type ScannedTemplate } from './templates';
import { stageLabel } from './settings';
import { SETTLED_LABELS } from './payment';
import { isEmailStage, stageEmail, type RecipientsRule } from './stageTable';
import { defaultTemplates, formalNoticeFor } from './defaultTemplates';
import { emailLocale, invoiceLanguage } from './language';
import { withPromises, type PromiseRecord } from './promise';
import { dueDateHold, firstRunDate, type DueDateChecks } from './dueDates';
import type { LateInterest } from './interest';
import { formalLetterFor, lateInterestFor, type PlannedDocument } from './notice';
import type { LogRecord } from './records';
import type {
  EmailLanguage,
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
  TemplateId,
  Templates,
} from './types';

/** Who an email goes to. */
type Recipients = Pick<EmailContent, 'to' | 'cc' | 'bcc'>;

/**
 * An email about one invoice, as plain data: who it goes to and what its words are made from.
 * `emailWords` makes its subject, text and HTML when it is sent or shown: a plan keeps no words for
 * the many emails it never sends.
 */
export interface InvoiceEmail extends Recipients {
  key: string;
  row: number;
  invoice: Invoice;
  /** The template its words are made from: the row's own (without a billing contact, stating the interest). */
  template: Template;
  /** The late-payment interest its words state, when a regime is on (docs/late-payment.md). */
  late?: LateInterest;
  /** The formal letter to attach as a PDF (formal notice with attachLetter on; docs/late-payment.md). */
  letter?: PlannedDocument;
}

export interface FollowUpEmail extends InvoiceEmail {
  stage: EmailStageId;
  /** Earlier stages that were due but are not sent because this one supersedes them (catch-up). */
  superseded: EmailStageId[];
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
export type PromiseMissedEmail = InvoiceEmail & { promisedDate: IsoDate };

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
  /** The templates of the default email language (settings.emailLanguage). */
  templates: Templates;
  /** The templates of each email language (README "Languages"); a language absent uses its defaults. */
  templatesByLanguage?: Partial<Record<EmailLanguage, Templates>>;
  ctx: SheetContext;
  /** The user's own address, for CC/BCC-self; null when unknown. */
  selfEmail: string | null;
  /** Promises recorded in the sidebar, merged with the Promised Date column. */
  promises?: readonly PromiseRecord[];
  /** The Follow-up Log as read: the formal letter lists every follow-up sent. */
  log?: readonly LogRecord[];
  /**
   * What a due date that looks like a typo is checked against (src/domain/dueDates.ts). Without it:
   * the first run is the earliest date of `log` (or today), and no due date is confirmed.
   */
  dueDates?: DueDateChecks;
}

/** The templates of one email language: the user's, else that language's defaults. */
function templatesIn(input: PlanInput, language: EmailLanguage): Templates {
  const given = input.templatesByLanguage?.[language];
  if (given !== undefined) return given;
  return language === (input.settings.emailLanguage ?? 'en') ? input.templates : defaultTemplates(language);
}

/** The wording of an email that is not a stage of its own (docs/escalation.md): the user's template, in the client's language. */
function extraTemplate(input: PlanInput, id: 'promiseMissed' | 'thankYou', invoice: Invoice): Template {
  return templatesIn(input, invoiceLanguage(invoice, input.settings))[id];
}

/**
 * The template of a stage's email for this row: a stage can have its own wording without a billing
 * contact, and the default formal notice states the interest when some applies.
 */
function templateFor(invoice: Invoice, stage: EmailStageId, input: RunInput, late: LateInterest | undefined): Template {
  const email = stageEmail(stage);
  const language = invoiceLanguage(invoice, input.settings);
  const templates = templatesIn(input, language);
  const noBilling = email.noBilling as TemplateId | undefined;
  if (noBilling !== undefined && invoice.billingEmails.length === 0) return templates[noBilling];
  const template = templates[stage];
  if (email.formalNotice !== true) return template;
  const interestApplies = late !== undefined && late.notApplied === undefined;
  const letterAttached = input.settings.latePayment?.attachLetter === true;
  return input.formalNotice(template, { interestApplies, letterAttached }, language);
}

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
 * Who gets a stage's email, by the stage's rule in the stage table: the billing contact with the usual
 * contact copied (to the usual contact alone when the row has none), the usual contact with the
 * billing contact copied, or the usual contact alone.
 */
export function recipientsFor(
  invoice: Invoice,
  stage: EmailStageId,
  settings: Settings,
  selfEmail: string | null,
): { to: string[]; cc: string[]; bcc: string[] } {
  return recipientsBy(invoice, stageEmail(stage).recipients, settings, selfEmail);
}

function recipientsBy(
  invoice: Invoice,
  rule: RecipientsRule,
  settings: Settings,
  selfEmail: string | null,
): { to: string[]; cc: string[]; bcc: string[] } {
  let to = invoice.emails;
  let cc: string[] = [];
  if (rule === 'billing' && invoice.billingEmails.length > 0) {
    to = invoice.billingEmails;
    cc = invoice.emails;
  } else if (rule === 'usualCopyBilling') {
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

/** An email's words. */
export type EmailWords = Pick<EmailContent, 'subject' | 'text' | 'html'>;

/** What an email's words are filled in with besides its invoice: the day, the locale and the settings. */
export type WordsContext = Omit<PlaceholderContext, 'late'>;

export function wordsContext(input: Pick<PlanInput, 'ctx' | 'settings'>): WordsContext {
  const { ctx, settings } = input;
  return {
    today: ctx.today,
    locale: ctx.locale,
    language: settings.emailLanguage ?? 'en',
    replyByDays: settings.replyByDays,
    senderName: settings.senderName,
  };
}

/** The invoice as an email's words see it: a "promise missed" email quotes its promised date. */
function wordsInvoice(email: InvoiceEmail | PromiseMissedEmail): Invoice {
  return 'promisedDate' in email ? { ...email.invoice, promisedDate: email.promisedDate } : email.invoice;
}

/** The placeholder values of an invoice, dates and amounts written in its email language (README "Languages"). */
function valuesFor(invoice: Invoice, scanned: ScannedTemplate, words: WordsContext, late: LateInterest | undefined) {
  const language = invoiceLanguage(invoice, { emailLanguage: words.language ?? 'en' });
  const ctx = { ...words, language, locale: emailLocale(language, words.locale) };
  return placeholderValues(invoice, late === undefined ? ctx : { ...ctx, late }, scanned.used);
}

/** The subject, text and HTML of a planned email (planning checked that its template can be filled in). */
export function emailWords(email: InvoiceEmail | PromiseMissedEmail, words: WordsContext): EmailWords {
  const scanned = scanTemplate(email.template);
  const r = checkScanned(scanned, valuesFor(wordsInvoice(email), scanned, words, email.late));
  if (!r.ok) throw new Error(`The email for invoice ${email.invoice.invoice} cannot be filled in`);
  return r.render();
}

/** An email with its words made, ready to send or show. */
export function withWords<T extends InvoiceEmail | PromiseMissedEmail>(email: T, words: WordsContext): T & EmailWords {
  return { ...email, ...emailWords(email, words) };
}

/**
 * Whether a template can be filled in for one invoice: null, or why it cannot be sent (`what` names
 * the email in that message). Only the check: the words are made when the email is sent or shown.
 */
function problemWith(
  invoice: Invoice,
  template: Template,
  what: string,
  input: RunInput,
  late: LateInterest | undefined = lateInterestFor(invoice, input.settings, input.ctx.today),
): string | null {
  const scanned = input.scanned(template);
  const r = checkScanned(scanned, valuesFor(invoice, scanned, input.words, late));
  if (r.ok) return null;
  if ('missing' in r) return missingMessage(what, r.missing, late);
  return `The ${what} template has a problem: ${r.problems.join('; ')}`;
}

/**
 * A plan's input with what the run works out once for all its emails: each template scanned once,
 * the formal notice's few wordings made once. Lives as long as one plan.
 */
interface RunInput extends PlanInput {
  words: WordsContext;
  scanned: (t: Template) => ScannedTemplate;
  formalNotice: (t: Template, row: { interestApplies: boolean; letterAttached: boolean }, language: EmailLanguage) => Template;
}

function runInput(input: PlanInput): RunInput {
  const scans = new Map<Template, ScannedTemplate>();
  const variants = new Map<Template, Template[]>();
  return {
    ...input,
    words: wordsContext(input),
    scanned: (t) => {
      let known = scans.get(t);
      if (known === undefined) scans.set(t, (known = scanTemplate(t)));
      return known;
    },
    formalNotice: (t, row, language) => {
      let made = variants.get(t);
      if (made === undefined) variants.set(t, (made = []));
      return (made[(row.interestApplies ? 2 : 0) + (row.letterAttached ? 1 : 0)] ??= formalNoticeFor(t, row, language));
    },
  };
}

/** The late-payment interest as an email keeps it: only when some is worked out. */
const lateField = (late: LateInterest | undefined): { late?: LateInterest } => (late === undefined ? {} : { late });

function planEmail(invoice: Invoice, stage: EmailStageId, superseded: EmailStageId[], input: RunInput): FollowUpEmail | string {
  const late = lateInterestFor(invoice, input.settings, input.ctx.today);
  const template = templateFor(invoice, stage, input, late);
  const problem = problemWith(invoice, template, stageLabel(stage).toLowerCase(), input, late);
  if (problem !== null) return problem;
  const recipients = recipientsFor(invoice, stage, input.settings, input.selfEmail);
  const tooMany = checkedRecipients(recipients, stageLabel(stage).toLowerCase());
  if (tooMany !== null) return tooMany;
  const letter =
    stageEmail(stage).formalNotice === true && input.settings.latePayment?.attachLetter === true
      ? { letter: formalLetterFor(invoice, { ...input, log: input.log ?? [] }) }
      : {};
  return {
    key: invoice.key,
    row: invoice.row,
    invoice,
    stage,
    superseded,
    ...recipients,
    template,
    ...lateField(late),
    ...letter,
  };
}

/** The "promise missed" email: to the usual contact, the billing contact copied, quoting the promised date. */
function planPromiseMissed(invoice: Invoice, promisedDate: IsoDate, input: RunInput): PromiseMissedEmail | string {
  const template = extraTemplate(input, 'promiseMissed', invoice);
  const late = lateInterestFor(invoice, input.settings, input.ctx.today);
  const problem = problemWith({ ...invoice, promisedDate }, template, 'promise missed', input, late);
  if (problem !== null) return problem;
  const recipients = recipientsBy(invoice, 'usualCopyBilling', input.settings, input.selfEmail);
  const tooMany = checkedRecipients(recipients, 'promise missed');
  if (tooMany !== null) return tooMany;
  return { key: invoice.key, row: invoice.row, invoice, promisedDate, ...recipients, template, ...lateField(late) };
}

/** The thank-you for a paid invoice (when `thankYouDue` says so): to the usual contact, or why it cannot go. */
export function planThankYou(invoice: Invoice, input: PlanInput): InvoiceEmail | string {
  const template = extraTemplate(input, 'thankYou', invoice);
  const late = lateInterestFor(invoice, input.settings, input.ctx.today);
  const problem = problemWith(invoice, template, 'thank-you', runInput(input), late);
  if (problem !== null) return problem;
  const recipients = recipientsBy(invoice, 'usual', input.settings, input.selfEmail);
  const tooMany = checkedRecipients(recipients, 'thank-you');
  if (tooMany !== null) return tooMany;
  return { key: invoice.key, row: invoice.row, invoice, ...recipients, template, ...lateField(late) };
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
function plannedInvoice(inv: Invoice, input: RunInput, checks: DueDateChecks): RowPlan {
  const held = heldInvoice(inv, checks);
  if (held !== null) return held;
  const history = input.histories.get(inv.key) ?? NO_HISTORY;
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
  if (!isEmailStage(due.stage)) return { ...plan, decision: { superseded: due.superseded } };
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
  const run = runInput(input);
  let next = 0;
  const rows = input.rows.map((parsed) =>
    parsed.ok ? plannedInvoice(invoices[next++] ?? parsed.invoice, run, checks) : plannedAside(parsed.invalid),
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
