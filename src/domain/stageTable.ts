// The escalation stages in one table (README "How the schedule works"): each stage's label, default
// day, settings hint, templates, recipients and the status it leaves the row in. Every other list
// of stages (ids, template ids, default days, labels, hints) is derived from this table, so a stage
// is added or changed here alone.

/**
 * Who a stage's email goes to: `usual` the Email contact; `billing` the Billing Email contact with the
 * usual contact copied (the usual contact alone when the row has none); `usualCopyBilling` the usual
 * contact with the billing contact copied.
 */
export type RecipientsRule = 'usual' | 'billing' | 'usualCopyBilling';

/** What a stage leaves the invoice's Status as once reached: a code for the program, the words for the sheet. */
interface StatusWords {
  readonly code: string;
  readonly words: string;
}

/** One email stage's templates: the one-invoice template has the stage's id. */
interface StageEmail {
  /** The "several invoices" template (docs/escalation.md, "One email per client"). */
  readonly list: string;
  /** The template used instead when the row has no Billing Email. */
  readonly noBilling?: string;
  readonly recipients: RecipientsRule;
  /** The template's name in the sidebar, before its day ('Billing contact' → 'Billing contact (day 14)'). */
  readonly templateLabel: string;
  /** When the template is used, in a sentence under the template picker. */
  readonly templateHint: string;
  /** The formal notice: its default wording states late-payment interest, and the formal letter goes with it. */
  readonly formalNotice?: true;
}

interface StageRow {
  readonly label: string;
  /** Days after the due date in a new spreadsheet (negative: before it); null = off. */
  readonly defaultDay: number | null;
  /** The hint beside the stage's day in Settings. */
  readonly hint: string;
  /** The stage cannot be turned off. */
  readonly required?: true;
  /** The stage goes out before the due date (a negative day). */
  readonly beforeDue?: true;
  /** The stage's email; absent for the decision stage, which only flags the row. */
  readonly email?: StageEmail;
  /** The Status once this stage is reached (the stages not listed leave it to the dates). */
  readonly reached?: StatusWords;
  /** The daily summary asks the user to act once this stage's email went out. */
  readonly summaryNeed?: 'call';
}

/** The stages in escalation order. */
export const STAGE_TABLE = {
  nudge: {
    label: 'Courtesy nudge',
    defaultDay: null,
    hint: 'Before due: negative, e.g. -3. Empty = off.',
    beforeDue: true,
    email: {
      list: 'nudgeList',
      recipients: 'usual',
      templateLabel: 'Courtesy nudge',
      templateHint: 'A courtesy note before the due date (when the courtesy nudge is on in Settings).',
    },
  },
  reminder: {
    label: 'Reminder',
    defaultDay: 1,
    hint: 'Always on.',
    required: true,
    email: {
      list: 'reminderList',
      recipients: 'usual',
      templateLabel: 'Reminder',
      templateHint: 'The first follow-up after the due date.',
    },
  },
  firm: {
    label: 'Firm reminder',
    defaultDay: 7,
    hint: 'Empty = off.',
    email: {
      list: 'firmList',
      recipients: 'usual',
      templateLabel: 'Firm reminder',
      templateHint: 'A firmer reminder, with a reply-by date.',
    },
  },
  escalate: {
    label: 'Escalation',
    defaultDay: 14,
    hint: 'To the billing contact. Empty = off.',
    email: {
      list: 'escalateList',
      noBilling: 'escalateNoBilling',
      recipients: 'billing',
      templateLabel: 'Billing contact',
      templateHint: 'To the Billing Email contact, with your usual contact copied.',
    },
    reached: { code: 'call-client', words: 'Call client' },
    summaryNeed: 'call',
  },
  formal: {
    label: 'Formal notice',
    defaultDay: 21,
    hint: 'Empty = off.',
    email: {
      list: 'formalList',
      recipients: 'usualCopyBilling',
      templateLabel: 'Formal notice',
      templateHint: 'The formal notice, with a reply-by date.',
      formalNotice: true,
    },
    reached: { code: 'final-notice', words: 'Final notice' },
  },
  final: {
    label: 'Decision',
    defaultDay: 30,
    hint: 'No email: flags the row. Empty = off.',
    reached: { code: 'decide', words: 'Decide next step' },
  },
} as const satisfies Record<string, StageRow>;

type Table = typeof STAGE_TABLE;
export type StageId = keyof Table;
/** Stages that send an email (the decision stage only flags the row for a decision). */
export type EmailStageId = { [K in StageId]: Table[K] extends { email: StageEmail } ? K : never }[StageId];
export type ListTemplateId = { [K in EmailStageId]: Table[K]['email']['list'] }[EmailStageId];
/** The templates used instead of a stage's own when the row has no Billing Email. */
export type NoBillingTemplateId = {
  [K in EmailStageId]: Table[K]['email'] extends { noBilling: infer T } ? T : never;
}[EmailStageId];

/** A stage's row of the table, as its general shape. */
export function stageRow(stage: StageId): StageRow {
  return STAGE_TABLE[stage];
}

/** The stage ids in escalation order. */
export const STAGE_IDS = Object.keys(STAGE_TABLE) as readonly StageId[];

/** Whether an id (a stage's, or any template's) is an email stage's. */
export function isEmailStage(id: string): id is EmailStageId {
  return Object.prototype.hasOwnProperty.call(STAGE_TABLE, id) && stageRow(id as StageId).email !== undefined;
}

export const EMAIL_STAGE_IDS: readonly EmailStageId[] = STAGE_IDS.filter(isEmailStage);

/** A stage's email row (every email stage has one). */
export function stageEmail(stage: EmailStageId): StageEmail {
  return stageRow(stage).email!;
}

/** The stage that sends nothing and flags the row for the user's decision. */
export const DECISION_STAGE = STAGE_IDS.find((s) => !isEmailStage(s)) as Exclude<StageId, EmailStageId>;

/** The stage that is always on: the first follow-up after the due date. */
export const FIRST_FOLLOW_UP = STAGE_IDS.find((s) => stageRow(s).required === true) as EmailStageId;

/** The Status a stage leaves the row in, as code and words. */
export type ReachedStatus = { [K in StageId]: Table[K] extends { reached: infer R } ? R : never }[StageId];

/** The Status once `stage` is reached, or undefined when the dates decide it. */
export function reachedStatus(stage: StageId): ReachedStatus | undefined {
  return stageRow(stage).reached as ReachedStatus | undefined;
}

export const REACHED_STATUSES: readonly ReachedStatus[] = STAGE_IDS.flatMap((s) => {
  const reached = reachedStatus(s);
  return reached === undefined ? [] : [reached];
});
