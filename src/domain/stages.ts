// The escalation stage machine (README "How the schedule works"): for one invoice on one day, what state it is in and
// what, if anything, is due today. Pure: the same answer in the preview, a menu run and a trigger run.
import { addDays, daysBetween } from './dates';
import { nextSendingDay } from './holidays';
import { promiseState } from './promise';
import {
  DECISION_STAGE,
  EMAIL_STAGE_IDS,
  isEmailStage,
  REACHED_STATUSES,
  reachedStatus,
  STAGE_IDS,
  type ReachedStatus,
} from './stageTable';
import type { EmailStageId, Invoice, IsoDate, Settings, StageId } from './types';

/** The statuses the dates and the row decide; the stage table gives those a stage leaves the row in. */
const OTHER_STATUSES = {
  'not-due': 'Not due',
  'due-today': 'Due today',
  overdue: 'Overdue',
  disputed: 'Disputed',
  paused: 'Paused',
  paid: 'Paid',
  'needs-review': 'Needs review',
  promised: 'Promised',
} as const;
type OtherStatus = keyof typeof OTHER_STATUSES;

/** A status as the program decides on it (`statusCode` gives it for the words the Status cell shows). */
export type StatusCode = OtherStatus | ReachedStatus['code'];
/** A status in the words the Status cell shows. */
export type Status = (typeof OTHER_STATUSES)[OtherStatus] | ReachedStatus['words'];

/** Every status's code and words, in the add-on's order (README "How the schedule works"). */
const STATUS_ROWS: ReadonlyArray<{ code: StatusCode; words: Status }> = [
  ...(['not-due', 'due-today', 'overdue'] as const).map((code) => ({ code, words: OTHER_STATUSES[code] })),
  ...REACHED_STATUSES,
  ...(['disputed', 'paused', 'paid', 'needs-review', 'promised'] as const).map((code) => ({ code, words: OTHER_STATUSES[code] })),
];

export const STATUSES: readonly Status[] = STATUS_ROWS.map((r) => r.words);

/** The add-on's own Status words for an invoice it still chases (besides Overdue), as a copy of its column may show them. */
export const CHASED_STATUS_WORDS: readonly Status[] = [
  OTHER_STATUSES['not-due'],
  OTHER_STATUSES['due-today'],
  ...REACHED_STATUSES.map((r) => r.words),
];

/** The code of a status the add-on decided on (`Evaluation.status`). */
export function statusCode(status: Status): StatusCode {
  return statusCodeOf(status)!;
}

/** The words the Status cell shows for a status code. */
export function statusWords(code: StatusCode): Status {
  return STATUS_ROWS.find((r) => r.code === code)!.words;
}

/** The code of a Status cell's words when they are one of the add-on's own statuses, else null. */
export function statusCodeOf(words: string): StatusCode | null {
  return STATUS_ROWS.find((r) => r.words === words)?.code ?? null;
}

/** What an email stage leaves the row in: follow-ups still go out (the decision stage's is the user's to act on). */
const EMAIL_REACHED_CODES: readonly StatusCode[] = EMAIL_STAGE_IDS.flatMap((s) => {
  const reached = reachedStatus(s);
  return reached === undefined ? [] : [reached.code];
});

/** An overdue invoice in this status is still chased: Overdue, or a status an email stage leaves it in. */
export function isChasedWhenOverdue(code: StatusCode): boolean {
  return code === 'overdue' || EMAIL_REACHED_CODES.includes(code);
}

/** What the add-on remembers of one invoice (from the log, the status columns, the ledger and disputes). */
export interface InvoiceHistory {
  /** Latest (by stage order) stage whose email was sent. */
  lastSentStage: EmailStageId | null;
  /** Latest stage skipped without an email (superseded by a later one, or logged as skipped by an older version). */
  lastSkippedStage: EmailStageId | null;
  /** Calendar date of the latest follow-up email. */
  lastFollowUp: IsoDate | null;
  /** The decision stage (`final`) has already been logged. */
  decisionLogged: boolean;
  /** A send whose outcome is unknown: nothing more goes out until the user says what happened. */
  needsReview: string | null;
  disputeOpen: boolean;
  /** Date the latest dispute was resolved: the next email waits minGapDays from then. */
  disputeResolvedOn: IsoDate | null;
  /** The date each stage's email went out, when known (the decision waits for the notice's reply-by date). */
  sentOn?: Partial<Record<EmailStageId, IsoDate>>;
  /** The promised date whose "promise missed" email went out (docs/escalation.md, "Promises"). */
  promiseMissedFor?: IsoDate | null;
  /** The thank-you email for the payment went out. */
  thankYouSent?: boolean;
  /** The first run that found the invoice paid (for a paid invoice without a Paid Date). */
  paidSeenOn?: IsoDate | null;
}

export function emptyHistory(): InvoiceHistory {
  return {
    lastSentStage: null,
    lastSkippedStage: null,
    lastFollowUp: null,
    decisionLogged: false,
    needsReview: null,
    disputeOpen: false,
    disputeResolvedOn: null,
  };
}

/** The last enabled email stage: the notice the decision waits for (settings validation guarantees rising days). */
function noticeStage(settings: Settings): EmailStageId | null {
  let notice: EmailStageId | null = null;
  for (const stage of EMAIL_STAGE_IDS) if (settings.stageDays[stage] !== null) notice = stage;
  return notice;
}

export function stageOrder(stage: StageId): number {
  return STAGE_IDS.indexOf(stage);
}

export { isEmailStage };

/** Paid: a paid date, the sheet's own word (a ticked Paid, Status 'Paid', Balance 0), or paid in full. */
export function isPaid(invoice: Invoice): boolean {
  return invoice.paid === true || invoice.paidDate !== null || invoice.amountPaid >= invoice.amount;
}

/**
 * A thank-you email is due (docs/escalation.md, "Thank-you when paid"): the invoice is paid, the
 * add-on had written to the client about it, no thank-you went yet, and it was paid on or after the
 * day the setting was turned on (`settingTurnedOnDate`; null = off). An invoice whose payment day is
 * unknown (paid by the sheet's word, never seen unpaid-then-paid by a run) gets none.
 */
export function thankYouDue(invoice: Invoice, history: InvoiceHistory, settingTurnedOnDate: IsoDate | null): boolean {
  if (settingTurnedOnDate === null || !isPaid(invoice) || history.thankYouSent === true) return false;
  if (history.lastSentStage === null) return false;
  const paidOn = invoice.paidDate ?? history.paidSeenOn ?? null;
  return paidOn !== null && paidOn >= settingTurnedOnDate;
}

export interface Evaluation {
  status: Status;
  /** Calendar days since the due date (negative before it); null once paid. */
  daysOverdue: number | null;
  /** Stage shown in the Stage column: the last one whose email was sent. */
  stageSent: EmailStageId | null;
  lastFollowUp: IsoDate | null;
  nextFollowUp: IsoDate | null;
  /** What should happen today: an email stage to send, or the decision stage to flag. */
  dueToday: { stage: StageId; superseded: EmailStageId[] } | null;
  /** The date the client promised to pay by, while it holds the follow-ups (Status 'Promised'). */
  promisedDate?: IsoDate;
  /** The promised date whose "promise missed" email is due today (instead of any stage). */
  promiseMissedDue?: IsoDate;
}

/** Earliest date the next email may go out, given the gap rule and a resolved dispute. */
function earliestSendDate(history: InvoiceHistory, settings: Settings): IsoDate | null {
  const afterLast = history.lastFollowUp ? addDays(history.lastFollowUp, settings.minGapDays) : null;
  const afterDispute = history.disputeResolvedOn ? addDays(history.disputeResolvedOn, settings.minGapDays) : null;
  if (afterLast && afterDispute) return afterLast > afterDispute ? afterLast : afterDispute;
  return afterLast ?? afterDispute;
}

/** The date an email planned for `date` can actually go out. */
function sendableOn(date: IsoDate, earliest: IsoDate | null, settings: Settings): IsoDate {
  return nextSendingDay(earliest && earliest > date ? earliest : date, settings);
}

/** The furthest stage dealt with, by email or without one. */
function furthestStage(history: InvoiceHistory): EmailStageId | null {
  const { lastSentStage: sent, lastSkippedStage: skipped } = history;
  if (sent === null) return skipped;
  if (skipped === null) return sent;
  return stageOrder(skipped) > stageOrder(sent) ? skipped : sent;
}

function statusFor(days: number, stageReached: EmailStageId | null, decided: boolean): Status {
  if (decided) return reachedStatus(DECISION_STAGE)!.words;
  const reached = stageReached === null ? undefined : reachedStatus(stageReached);
  if (reached !== undefined) return reached.words;
  if (days > 0) return 'Overdue';
  if (days === 0) return 'Due today';
  return 'Not due';
}

/**
 * The day the invoice reaches the decision stage (docs/escalation.md, "Decision comes after a
 * notice"): the `final` day, and not before the day after the notice's reply-by date. Null while the
 * notice has not gone out, or when the decision stage is turned off.
 */
export function decisionDate(invoice: Invoice, history: InvoiceHistory, settings: Settings): IsoDate | null {
  const finalDay = settings.stageDays.final;
  if (finalDay === null) return null;
  const onFinalDay = addDays(invoice.dueDate, finalDay);
  if (history.decisionLogged) return onFinalDay;
  const notice = noticeStage(settings);
  const handled = furthestStage(history);
  if (notice === null || handled === null || stageOrder(handled) < stageOrder(notice)) return null;
  const noticeOn = history.sentOn?.[notice] ?? (history.lastSentStage === notice ? history.lastFollowUp : null);
  if (noticeOn === null) return onFinalDay;
  const afterReplyBy = addDays(noticeOn, settings.replyByDays + 1);
  return afterReplyBy > onFinalDay ? afterReplyBy : onFinalDay;
}

type Base = Omit<Evaluation, 'status'>;

/** Paid, held for review, paused or disputed: nothing is due. */
function stoppedStatus(invoice: Invoice, history: InvoiceHistory): Status | null {
  if (isPaid(invoice)) return 'Paid';
  if (history.needsReview !== null) return 'Needs review';
  if (invoice.paused) return 'Paused';
  if (history.disputeOpen || invoice.disputed === true) return 'Disputed';
  return null;
}

export function evaluateInvoice(invoice: Invoice, history: InvoiceHistory, settings: Settings, today: IsoDate): Evaluation {
  const days = daysBetween(invoice.dueDate, today);
  const base: Base = {
    daysOverdue: days,
    stageSent: history.lastSentStage,
    lastFollowUp: history.lastFollowUp,
    nextFollowUp: null,
    dueToday: null,
  };
  const stopped = stoppedStatus(invoice, history);
  if (stopped === 'Paid') return { ...base, status: stopped, daysOverdue: null };
  if (stopped !== null) return { ...base, status: stopped };
  const promise = promiseState(invoice.promisedDate ?? null, history.promiseMissedFor ?? null, today);
  if (promise.kind === 'none') return scheduled(invoice, history, settings, today, base);
  const on = sendableOn(promise.kind === 'holding' ? promise.resumesOn : today, earliestSendDate(history, settings), settings);
  if (promise.kind === 'holding') return { ...base, status: 'Promised', promisedDate: promise.promisedDate, nextFollowUp: on };
  // The promise was missed: one email says so (no stage with it), then the schedule resumes.
  const status = scheduled(invoice, history, settings, today, base).status;
  if (on !== today) return { ...base, status, nextFollowUp: on };
  return { ...base, status, nextFollowUp: today, promiseMissedDue: promise.promisedDate };
}

/**
 * The schedule of an invoice being chased. Catch-up: only the latest email stage due is sent, the
 * earlier ones are superseded; the decision comes only once every email stage is behind it.
 */
function scheduled(invoice: Invoice, history: InvoiceHistory, settings: Settings, today: IsoDate, base: Base): Evaluation {
  const days = base.daysOverdue ?? 0;
  const handled = furthestStage(history);
  // The email stages ahead of the furthest one handled start at `first` (EMAIL_STAGE_IDS is in stage
  // order); `target` is the last enabled one reached today (-1: none). No arrays: this runs for every invoice.
  const stages = EMAIL_STAGE_IDS;
  const first = handled === null ? 0 : stages.indexOf(handled) + 1;
  const reached = (i: number): boolean => {
    const day = settings.stageDays[stages[i]!];
    return day !== null && day <= days;
  };
  let target = -1;
  for (let i = first; i < stages.length; i++) if (reached(i)) target = i;
  const decision = decisionDate(invoice, history, settings);
  const decided = decision !== null && decision <= today;
  const status = statusFor(days, handled, decided);
  const earliest = earliestSendDate(history, settings);
  const at = (nextFollowUp: IsoDate | null, dueToday: Evaluation['dueToday']): Evaluation => ({
    daysOverdue: base.daysOverdue,
    stageSent: base.stageSent,
    lastFollowUp: base.lastFollowUp,
    nextFollowUp,
    dueToday,
    status,
  });

  if (target >= 0) {
    const on = sendableOn(today, earliest, settings);
    if (on !== today) return at(on, base.dueToday);
    // The earlier stages reached today are superseded by the target (catch-up).
    // An array of its size (a pushed-to array keeps room for 17): every due email keeps it.
    let count = 0;
    for (let i = first; i < target; i++) if (reached(i)) count++;
    const superseded = new Array<EmailStageId>(count);
    for (let i = first, k = 0; i < target; i++) if (reached(i)) superseded[k++] = stages[i]!;
    return at(today, { stage: stages[target]!, superseded });
  }
  // The decision stage sends nothing, so neither the gap nor weekends hold it back.
  if (decided) return at(base.nextFollowUp, history.decisionLogged ? null : { stage: DECISION_STAGE, superseded: [] });
  for (let i = first; i < stages.length; i++) {
    const day = settings.stageDays[stages[i]!];
    if (day !== null) return at(sendableOn(addDays(invoice.dueDate, day), earliest, settings), base.dueToday);
  }
  return at(decision, base.dueToday);
}

/** History after `stage` was skipped without an email. */
export function withSkipped(history: InvoiceHistory, stage: EmailStageId): InvoiceHistory {
  const keepOld = history.lastSkippedStage !== null && stageOrder(history.lastSkippedStage) > stageOrder(stage);
  return { ...history, lastSkippedStage: keepOld ? history.lastSkippedStage : stage };
}

/** History after an email of `stage` went out on `day`. */
export function withSent(history: InvoiceHistory, stage: EmailStageId, day: IsoDate): InvoiceHistory {
  const keepOld = history.lastSentStage !== null && stageOrder(history.lastSentStage) > stageOrder(stage);
  const known = history.sentOn?.[stage];
  return {
    ...history,
    lastSentStage: keepOld ? history.lastSentStage : stage,
    lastFollowUp: history.lastFollowUp && history.lastFollowUp > day ? history.lastFollowUp : day,
    sentOn: { ...history.sentOn, [stage]: known !== undefined && known < day ? known : day },
  };
}

/** History after the "promise missed" email for `promisedDate` went out on `day`: the schedule resumes from it. */
export function withPromiseMissedSent(history: InvoiceHistory, promisedDate: IsoDate, day: IsoDate): InvoiceHistory {
  return {
    ...history,
    promiseMissedFor: promisedDate,
    lastFollowUp: history.lastFollowUp && history.lastFollowUp > day ? history.lastFollowUp : day,
  };
}
