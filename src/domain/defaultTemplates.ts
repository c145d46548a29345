// The templates a new spreadsheet starts with (README: "How the schedule works"): plain, courteous English, one step
// firmer at each stage.
//
// Every emailing stage shares one subject so that all follow-ups of an invoice stay in a single
// conversation in the client's inbox. The dispute message uses it too: it is about the same
// invoice. Bodies only use placeholders every valid row has (invoice, client, amount, balance,
// currency, due_date, days_overdue, reply_by, sender_name) — never issue_date, contact_name or
// payment_link, which a row may leave empty. The amount owed is always {{balance}}, so a partial
// payment is reflected. The "several invoices" variants (docs/escalation.md, "One email per client")
// list the client's invoices with {{invoices}} and have a subject of their own.
import { EMAIL_STAGE_IDS, stageEmail, stageRow, type EmailStageId } from './stageTable';
import { TEMPLATE_IDS, type Settings, type Template, type TemplateId, type Templates } from './types';

export const FOLLOW_UP_SUBJECT = 'Invoice {{invoice}} from {{sender_name}}';

/** The body of a list email: the opening, the invoices (a list, a table in HTML), the request. */
function listBody(opening: string, ask: string): readonly string[] {
  return ['Hello,', '', opening, '', '{{invoices}}', '', ask, '', 'Kind regards,', '{{sender_name}}'];
}

/** The lines of each default message (the one-invoice emails share FOLLOW_UP_SUBJECT). */
const DEFAULT_BODIES: Record<TemplateId, readonly string[]> = {
  nudge: [
    'Hello,',
    '',
    'A quick courtesy note for {{client}}: invoice {{invoice}} for {{balance}} is due on {{due_date}}.',
    '',
    'If it is already scheduled for payment, thank you, and please disregard this message. If anything is missing on your side to process it, just reply and I will sort it out.',
    '',
    'Kind regards,',
    '{{sender_name}}',
  ],
  reminder: [
    'Hello,',
    '',
    'Invoice {{invoice}} for {{balance}} was due on {{due_date}}. I am sending this in case it slipped through.',
    '',
    'Could you let me know when you expect to process it? If it has already been paid, thank you, and please ignore this note.',
    '',
    'Kind regards,',
    '{{sender_name}}',
  ],
  firm: [
    'Hello,',
    '',
    'Invoice {{invoice}} for {{client}} was due on {{due_date}} and is now {{days_overdue}} days overdue. The amount outstanding is {{balance}}.',
    '',
    'Please confirm the payment status by {{reply_by}}: when the payment will be made, or what is holding it up.',
    '',
    'Thank you,',
    '{{sender_name}}',
  ],
  escalate: [
    'Hello,',
    '',
    'I am writing to the accounts payable / billing contact at {{client}} about invoice {{invoice}}. It was due on {{due_date}} and is now {{days_overdue}} days overdue, with {{balance}} outstanding.',
    '',
    'I have copied my usual contact, who I have written to before; I hope you can help get this invoice processed. Could you confirm by {{reply_by}} when payment will be made, or let me know if you need anything from me, such as a copy of the invoice or a purchase order number?',
    '',
    'Kind regards,',
    '{{sender_name}}',
  ],
  formal: [
    'Hello,',
    '',
    'This is a formal notice that invoice {{invoice}} to {{client}}, due on {{due_date}}, is now {{days_overdue}} days overdue. The outstanding balance is {{balance}}.',
    '',
    'Please pay the outstanding balance by {{reply_by}}. If it is not paid by then, I will pursue other options to recover it.',
    '',
    'If the payment is already on its way, please reply with the details so that I can match it.',
    '',
    'Regards,',
    '{{sender_name}}',
  ],
  dispute: [
    'Hello,',
    '',
    'I would like to check in about invoice {{invoice}} ({{balance}} outstanding, due on {{due_date}}).',
    '',
    'Is there something about the delivered work or the invoice that I can address? If anything fell short of what {{client}} expected, I would rather hear it and put it right. Please let me know, and we can find a way forward together.',
    '',
    'Kind regards,',
    '{{sender_name}}',
  ],
  escalateNoBilling: [
    'Hello,',
    '',
    'Invoice {{invoice}} for {{client}} was due on {{due_date}} and is now {{days_overdue}} days overdue, with {{balance}} outstanding.',
    '',
    'I have not been able to get this invoice paid so far. Could you please pass this message to whoever handles payments at {{client}}, or reply with their email address so that I can write to them directly? I would appreciate an answer by {{reply_by}}.',
    '',
    'Kind regards,',
    '{{sender_name}}',
  ],
  promiseMissed: [
    'Hello,',
    '',
    'You let me know that invoice {{invoice}} for {{client}} would be paid by {{promised_date}}. I have not received the payment yet; {{balance}} is still outstanding.',
    '',
    'Could you check what happened and let me know by {{reply_by}} when the payment will be made? If it is already on its way, thank you, and please reply with the details so that I can match it.',
    '',
    'Kind regards,',
    '{{sender_name}}',
  ],
  thankYou: [
    'Hello,',
    '',
    'Thank you: the payment for invoice {{invoice}} ({{amount}}) has arrived. I appreciate it.',
    '',
    'Kind regards,',
    '{{sender_name}}',
  ],
  nudgeList: listBody(
    'A quick courtesy note for {{client}}: the invoices below are coming due.',
    'If they are already scheduled for payment, thank you, and please disregard this message.',
  ),
  reminderList: listBody(
    'The invoices below for {{client}} are past their due date. I am sending this in case they slipped through.',
    'Could you let me know when you expect to process them? If they have already been paid, thank you, and please ignore this note.',
  ),
  firmList: listBody(
    'The invoices below for {{client}} are overdue.',
    'Please confirm the payment status by {{reply_by}}: when the payment will be made, or what is holding it up.',
  ),
  escalateList: listBody(
    'I am writing about the overdue invoices below for {{client}}, which I have not been able to get paid so far.',
    'Could you confirm by {{reply_by}} when payment will be made? If someone else handles payments at {{client}}, please pass this message to them or reply with their email address.',
  ),
  formalList: listBody(
    'This is a formal notice that the invoices below to {{client}} are overdue.',
    'Please pay the outstanding balance by {{reply_by}}. If it is not paid by then, I will pursue other options to recover it.',
  ),
};

/**
 * The default formal notice when late-payment interest applies to the row (docs/late-payment.md):
 * it states the interest, the compensation and the amount claimed, and asks for that amount.
 */
const FORMAL_WITH_INTEREST: readonly string[] = [
  'Hello,',
  '',
  'This is a formal notice that invoice {{invoice}} to {{client}}, due on {{due_date}}, is now {{days_overdue}} days overdue. The outstanding balance is {{balance}}.',
  '',
  'Late-payment interest of {{interest}} and compensation of {{compensation}} are now due on it, so the amount claimed is {{amount_claimed}}. Interest continues to run daily until payment.',
  '',
  'Please pay the amount claimed by {{reply_by}}. If it is not paid by then, I will pursue other options to recover it.',
  '',
  'If the payment is already on its way, please reply with the details so that I can match it.',
  '',
  'Regards,',
  '{{sender_name}}',
];

/** The default formal notice, as one text: every formal notice of a run is compared with it. */
const DEFAULT_FORMAL_BODY = DEFAULT_BODIES.formal.join('\n');

const LETTER_LINE = 'The attached letter sets out the statement of account and how the interest is worked out.';

/**
 * The formal notice as sent for one row. The untouched default becomes the one that states the
 * interest when some applies to the row (a regime is on, the client is a business, money is owed),
 * with a line about the attached letter when one goes with it. A template the user edited is theirs:
 * it is sent as written (they can use {{interest}}, {{compensation}} and {{amount_claimed}} in it).
 */
export function formalNoticeFor(template: Template, row: { interestApplies: boolean; letterAttached: boolean }): Template {
  if (!row.interestApplies || template.body !== DEFAULT_FORMAL_BODY) return template;
  const lines = [...FORMAL_WITH_INTEREST];
  if (row.letterAttached) lines.splice(5, 0, '', LETTER_LINE);
  return { subject: template.subject, body: lines.join('\n') };
}

/** The subject of an email listing several invoices of one client ('3 overdue invoices from Sam Rivera Design'). */
const LIST_SUBJECT = '{{invoice_count}} overdue invoices from {{sender_name}}';
const LIST_SUBJECTS: Partial<Record<TemplateId, string>> = {
  nudgeList: '{{invoice_count}} invoices coming due from {{sender_name}}',
  reminderList: LIST_SUBJECT,
  firmList: LIST_SUBJECT,
  escalateList: LIST_SUBJECT,
  formalList: LIST_SUBJECT,
};

export function defaultTemplates(): Templates {
  const templates = {} as Templates;
  for (const id of TEMPLATE_IDS)
    templates[id] = { subject: LIST_SUBJECTS[id] ?? FOLLOW_UP_SUBJECT, body: DEFAULT_BODIES[id].join('\n') };
  return templates;
}

/** The names of the templates that are not a stage's own. */
const OTHER_LABELS: Partial<Record<TemplateId, string>> = {
  dispute: 'Dispute opening message',
  promiseMissed: 'Promise missed',
  thankYou: 'Thank-you when paid',
};

/** When a stage's email goes out, as its template's name says it: '(day 7)', '(before due)', '(off)'. */
function dayWords(stage: EmailStageId, stageDays: Settings['stageDays']): string {
  if (stageRow(stage).beforeDue === true) return '(before due)';
  const day = stageDays[stage];
  return day === null ? '(off)' : `(day ${day})`;
}

/**
 * A template's name as the sidebar and the change journal show it, with the day its stage goes out
 * on in these settings (the firm reminder's is 'Firm reminder (day 7)' by default).
 */
export function templateLabel(id: TemplateId, stageDays: Settings['stageDays']): string {
  const other = OTHER_LABELS[id];
  if (other !== undefined) return other;
  for (const stage of EMAIL_STAGE_IDS) {
    const email = stageEmail(stage);
    if (id === stage) return `${email.templateLabel} ${dayWords(stage, stageDays)}`;
    if (id === email.noBilling) return `${stageRow(stage).label} without a billing contact ${dayWords(stage, stageDays)}`;
    if (id === email.list) return `${stageRow(stage).label} — several invoices`;
  }
  return id;
}
