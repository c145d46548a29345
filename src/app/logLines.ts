// The Follow-up Log rows a run produces: an outcome code for the add-on, the same in words for people.
import type { WaitReason } from '../domain/group';
import type { FollowUpEmail, RowPlan } from '../domain/plan';
import type { LogLine, Outcome } from '../domain/records';
import type { EmailStageId, StageId } from '../domain/types';

const MAY_HAVE_GONE_OUT =
  'this email may or may not have gone out. Check your Sent mail, then answer the question the next Run follow-ups asks; until then nothing more is sent for this invoice';
export const INTERRUPTED = `failed: the run was interrupted while sending, so ${MAY_HAVE_GONE_OUT}`;
export const QUEUED_QUOTA = 'queued: daily email quota; it goes out on the next run';
export const QUEUED_TIME = 'queued: time limit of this run; it goes out on the next run';
export const QUEUED_ROOM = 'queued: this run recorded as many sends as it can; it goes out on the next run';

/** The words of an invoice waiting for its client's next email (docs/escalation.md "One email per client"). */
export function queuedForClientWords(minGapDays: number, why: WaitReason = 'gap'): string {
  if (why === 'listFull')
    return `queued: today's email to the client lists as many invoices as one email holds; this one goes in its next email`;
  const every = minGapDays <= 1 ? 'a day' : `every ${minGapDays} days`;
  return `queued: waits for the client's next email (one email per client ${every})`;
}
export const DECISION_RESULT =
  'skipped: no email at this stage. Decide the next step: a collections agency, small-claims court or continued direct contact';

/** The words of a send that failed after the message may have left. */
export function unsureWords(message: string): string {
  return `failed: ${message}. So ${MAY_HAVE_GONE_OUT}`;
}

export function recipientsText(e: Pick<FollowUpEmail, 'to' | 'cc' | 'bcc'>): string {
  const parts = [`to: ${e.to.join(', ')}`];
  if (e.cc.length > 0) parts.push(`cc: ${e.cc.join(', ')}`);
  if (e.bcc.length > 0) parts.push(`bcc: ${e.bcc.join(', ')}`);
  return parts.join('; ');
}

/** A log row about an email (or, with `stage`, about an earlier stage it superseded). */
export function emailLine(
  e: Pick<FollowUpEmail, 'invoice' | 'stage' | 'to' | 'cc' | 'bcc'> & { subject: string },
  outcome: Outcome,
  result: string,
  stage: EmailStageId = e.stage,
): LogLine {
  const self = stage === e.stage;
  return {
    invoice: e.invoice.invoice,
    client: e.invoice.client,
    stage,
    recipients: self ? recipientsText(e) : '',
    subject: self ? e.subject : '',
    outcome,
    result,
    threadId: '',
  };
}

/** A log row about a step of a row that sends nothing. */
export function rowLine(row: RowPlan, stage: StageId, outcome: Outcome, result: string): LogLine {
  return { invoice: row.invoice, client: row.client, stage, recipients: '', subject: '', outcome, result, threadId: '' };
}

/** A log row about the run itself (no invoice). */
export function runLine(outcome: Outcome, subject: string, result: string): LogLine {
  return { invoice: '', client: '', stage: '', recipients: '', subject, outcome, result, threadId: '' };
}
