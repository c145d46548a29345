// The plan: for a snapshot of the sheet, the settings, the history and today, what every row's
// status is and which follow-up emails are due. The same plan drives preview, menu and trigger runs.
import { evaluateInvoice, emptyHistory, type Evaluation, type InvoiceHistory } from './stages';
import { placeholderValues, renderTemplate } from './templates';
import { stageLabel } from './settings';
import { SETTLED_LABELS } from './payment';
import { formalNoticeFor } from './defaultTemplates';
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
  SheetContext,
  StageId,
  Templates,
} from './types';

export interface FollowUpEmail {
  key: string;
  row: number;
  invoice: Invoice;
  stage: EmailStageId;
  /** Earlier stages that were due but are not sent because this one supersedes them (catch-up). */
  superseded: EmailStageId[];
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  html: string;
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
  /** An email stage passed today without an email, and why (logged as skipped). */
  passed: { stage: EmailStageId; superseded: EmailStageId[]; reason: string } | null;
}

export interface Plan {
  rows: RowPlan[];
  /** Emails due now, oldest due date first (that is the order they use the daily quota in). */
  emails: FollowUpEmail[];
}

export interface PlanInput {
  rows: ParsedRow[];
  histories: Map<string, InvoiceHistory>;
  settings: Settings;
  templates: Templates;
  ctx: SheetContext;
  /** The user's own address, for CC/BCC-self; null when unknown. */
  selfEmail: string | null;
  /** The Follow-up Log as read: the formal letter lists every follow-up sent. */
  log?: readonly LogRecord[];
}

function unique(list: string[], exclude: string[] = []): string[] {
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

/** Who gets a stage's email: escalate goes to the billing contact (planned only when the row has one), formal copies it. */
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
  if (settings.ccSelf && selfEmail) cc = [...cc, selfEmail];
  cc = unique(cc, to);
  const bcc = settings.bccSelf && selfEmail ? unique([selfEmail], [...to, ...cc]) : [];
  return { to, cc, bcc };
}

export function recipientCount(email: Pick<FollowUpEmail, 'to' | 'cc' | 'bcc'>): number {
  return email.to.length + email.cc.length + email.bcc.length;
}

const PLACEHOLDER_LABELS: Record<string, string> = {
  contact_name: 'a Contact Name',
  payment_link: 'a Payment Link',
  issue_date: 'an Issue Date',
  sender_name: 'a sender name (set it in the sidebar settings)',
};

const LATE_PAYMENT_PLACEHOLDERS: readonly string[] = ['interest', 'compensation', 'amount_claimed'];

function missingMessage(stage: StageId, missing: string[], late: LateInterest | undefined): string {
  const email = `The ${stageLabel(stage).toLowerCase()} email`;
  const lateNames = missing.filter((m) => LATE_PAYMENT_PLACEHOLDERS.includes(m));
  if (lateNames.length > 0) {
    const names = lateNames.map((m) => `{{${m}}}`).join(' and ');
    const why = late?.notApplied?.message ?? 'Late-payment interest is turned off in Settings.';
    return `${email} uses ${names}, and none applies to this row, so it was not sent. ${why}`;
  }
  const what = missing.map((m) => PLACEHOLDER_LABELS[m] ?? `a value for {{${m}}}`).join(' and ');
  return `${email} needs ${what}, and this row has none, so it was not sent`;
}

/** The template of a stage for this row: the default formal notice states the interest when some applies. */
function templateFor(
  stage: EmailStageId,
  input: PlanInput,
  late: LateInterest | undefined,
): PlanInput['templates'][EmailStageId] {
  const template = input.templates[stage];
  if (stage !== 'formal') return template;
  const interestApplies = late !== undefined && late.notApplied === undefined;
  return formalNoticeFor(template, { interestApplies, letterAttached: input.settings.latePayment?.attachLetter === true });
}

function planEmail(invoice: Invoice, stage: EmailStageId, superseded: EmailStageId[], input: PlanInput): FollowUpEmail | string {
  const late = lateInterestFor(invoice, input.settings, input.ctx.today);
  const values = placeholderValues(invoice, {
    today: input.ctx.today,
    locale: input.ctx.locale,
    replyByDays: input.settings.replyByDays,
    senderName: input.settings.senderName,
    ...(late === undefined ? {} : { late }),
  });
  const rendered = renderTemplate(templateFor(stage, input, late), values);
  if (!rendered.ok) {
    if ('missing' in rendered) return missingMessage(stage, rendered.missing, late);
    return `The ${stageLabel(stage).toLowerCase()} template has a problem: ${rendered.problems.join('; ')}`;
  }
  return {
    key: invoice.key,
    row: invoice.row,
    invoice,
    stage,
    superseded,
    ...recipientsFor(invoice, stage, input.settings, input.selfEmail),
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    ...(stage === 'formal' && input.settings.latePayment?.attachLetter === true
      ? { letter: formalLetterFor(invoice, { ...input, log: input.log ?? [] }) }
      : {}),
  };
}

const NO_BILLING_CONTACT =
  'skipped: this row has no Billing Email, so there is no other contact to escalate to. Call the client instead';

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
    passed: null,
  };
}

/** The plan of an invoice row: its evaluation today and the email, decision or skip that is due. */
function plannedInvoice(inv: Invoice, input: PlanInput): RowPlan {
  const history = input.histories.get(inv.key) ?? emptyHistory();
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
    passed: null,
  };
  const due = evaluation.dueToday;
  if (!due) return plan;
  if (due.stage === 'final') return { ...plan, decision: { superseded: due.superseded } };
  if (due.stage === 'escalate' && inv.billingEmails.length === 0) {
    // The escalation is a different contact; with none on the row, the step is a phone call.
    return { ...plan, passed: { stage: 'escalate', superseded: due.superseded, reason: NO_BILLING_CONTACT } };
  }
  const email = planEmail(inv, due.stage, due.superseded, input);
  return typeof email === 'string' ? { ...plan, error: email } : { ...plan, email };
}

/**
 * Every row's plan and the emails due now. Only invoice rows to chase can yield an email: rows
 * that are settled, held, not invoices or in error never do.
 */
export function planFollowUps(input: PlanInput): Plan {
  const rows = input.rows.map((parsed) => (parsed.ok ? plannedInvoice(parsed.invoice, input) : plannedAside(parsed.invalid)));
  const emails = rows.flatMap((r) => (r.email !== null ? [r.email] : []));
  emails.sort((a, b) => a.invoice.dueDate.localeCompare(b.invoice.dueDate) || a.row - b.row);
  return { rows, emails };
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
};

/** The Status cell of a row that is not chased: 'Paid', 'Void', 'Credit note', 'Total row', 'Needs review: …'. */
export function outcomeStatus(outcome: Exclude<RowOutcome, { kind: 'error' }>): string {
  if (outcome.kind === 'held') return `Needs review: ${outcome.message}`;
  if (outcome.kind === 'settled') return SETTLED_LABELS[outcome.code];
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
  return {
    status: evaluation.status,
    stage: evaluation.stageSent ?? '',
    daysOverdue: evaluation.daysOverdue ?? '',
    lastFollowUp: evaluation.lastFollowUp ?? '',
    nextFollowUp: evaluation.nextFollowUp ?? '',
  };
}
