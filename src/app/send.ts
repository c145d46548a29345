// Step 3 of a run: send the planned emails at most once each (the ledger records every send
// before and after it), and say what happened to each as an outcome code.
import { recipientCount, type FollowUpEmail, type RowPlan } from '../domain/plan';
import type { LedgerEntry, LogLine } from '../domain/records';
import { stageLabel } from '../domain/settings';
import { emptyHistory, withPassed, withSent, type InvoiceHistory } from '../domain/stages';
import type { EmailStageId, IsoDate, StageId } from '../domain/types';
import { ledgerKey } from './ledger';
import { DECISION_RESULT, emailLine, QUEUED_QUOTA, QUEUED_TIME, recipientsText, rowLine, unsureWords } from './logLines';
import { queuedInLog, type RunPlan } from './planRun';
import type { Ports } from './ports';

/** Apps Script stops a run at 6 minutes; stop sending well before, and carry on next run. */
const SEND_TIME_BUDGET_MS = 4.5 * 60 * 1000;

export interface OutcomeCounts {
  sent: number;
  previewed: number;
  skipped: number;
  queued: number;
  failed: number;
}

export interface Outcomes {
  /** Log rows, in the order things happened. */
  lines: LogLine[];
  /** Each invoice's history after this run. */
  histories: Map<string, InvoiceHistory>;
  /** Ledger keys to delete once the log holds these sends. */
  settled: string[];
  counts: OutcomeCounts;
  /** An email was handed to Gmail (which can take a while: rows may have moved meanwhile). */
  mailed: boolean;
}

export interface SendOptions {
  mode: 'send' | 'preview' | 'statuses';
  /** When the run started (ms since the epoch), for the time budget. */
  started: number;
}

export function sendPlanned(run: RunPlan, ports: Ports, options: SendOptions): Outcomes {
  const out: Outcomes = {
    lines: [],
    histories: new Map(run.histories),
    settled: [],
    counts: { sent: 0, previewed: 0, skipped: 0, queued: 0, failed: 0 },
    mailed: false,
  };
  if (options.mode === 'preview') {
    out.lines = run.emails.map((e) => emailLine(e, 'preview', 'preview'));
    out.counts.previewed = run.emails.length;
  } else if (options.mode === 'send') {
    sendAll(run, ports, options.started, out);
    recordStepsWithoutEmail(run.plan.rows, out);
  }
  return out;
}

/** Why the rest of the emails wait for the next run, if they do. */
type Queue = { words: string } | null;

function sendAll(run: RunPlan, ports: Ports, started: number, out: Outcomes): void {
  const { emails } = run;
  let queuedBefore: Set<string> | null = null;
  let quota = emails.length > 0 ? ports.mail.remainingDailyQuota() : 0;
  let queue: Queue = null;
  for (const email of emails) {
    if (!queue && ports.now() - started > SEND_TIME_BUDGET_MS) queue = { words: QUEUED_TIME };
    if (!queue && recipientCount(email) > quota) queue = { words: QUEUED_QUOTA };
    if (queue) {
      // Logged once: an invoice waiting for quota day after day does not fill the log.
      queuedBefore ??= queuedInLog(run.log);
      if (!queuedBefore.has(ledgerKey(email.key, email.stage))) out.lines.push(emailLine(email, 'queued', queue.words));
      out.counts.queued++;
      continue;
    }
    const result = sendOne(email, run, ports, out);
    if (result === 'quota') queue = { words: QUEUED_QUOTA };
    else if (result === 'sent') quota -= recipientCount(email);
  }
}

/** Sends one email between two ledger writes; says what became of it. */
function sendOne(email: FollowUpEmail, run: RunPlan, ports: Ports, out: Outcomes): 'sent' | 'quota' | 'failed' {
  const { store } = ports;
  const today = run.today;
  const entry: LedgerEntry = {
    key: email.key,
    invoice: email.invoice.invoice,
    client: email.invoice.client,
    stage: email.stage,
    state: 'sending',
    date: today,
    recipients: recipientsText(email),
    subject: email.subject,
  };
  const id = ledgerKey(email.key, email.stage);
  // Written before the send: if the run dies during it, the next run knows not to send blindly.
  store.writeJson(id, entry);
  out.mailed = true;
  try {
    ports.mail.send(email, run.senderName);
  } catch (err) {
    return sendFailed(email, entry, errorMessage(err), ports, out);
  }
  out.settled.push(id);
  try {
    store.writeJson(id, { ...entry, state: 'sent' });
  } catch {
    // The log row written below records the send; the next run reconciles the ledger with it.
  }
  recordSent(email, today, out);
  return 'sent';
}

function recordSent(email: FollowUpEmail, today: IsoDate, out: Outcomes): void {
  const by = `superseded by the ${stageLabel(email.stage).toLowerCase()}`;
  for (const stage of email.superseded) out.lines.push(emailLine(email, 'superseded', `skipped: ${by}`, stage));
  out.counts.skipped += email.superseded.length;
  out.lines.push(emailLine(email, 'sent', 'sent'));
  out.counts.sent++;
  out.histories.set(email.key, withSent(out.histories.get(email.key) ?? emptyHistory(), email.stage, today));
}

function sendFailed(email: FollowUpEmail, entry: LedgerEntry, message: string, ports: Ports, out: Outcomes): 'quota' | 'failed' {
  const id = ledgerKey(email.key, email.stage);
  if (isQuotaRefusal(message)) {
    // The quota ran out sooner than MailApp said: this and the rest go out on the next run.
    ports.store.delete(id);
    out.counts.queued++;
    out.lines.push(emailLine(email, 'queued', QUEUED_QUOTA));
    return 'quota';
  }
  out.counts.failed++;
  if (isRefusedBeforeSending(message)) {
    // MailApp checks addresses before sending: nothing went out, so the next run may try again.
    ports.store.delete(id);
    out.lines.push(emailLine(email, 'failed', `failed: ${message}`));
    return 'failed';
  }
  // Anything else may have happened after the message left: hold the invoice for review.
  ports.store.writeJson(id, { ...entry, state: 'unknown' });
  out.lines.push(emailLine(email, 'unsure', unsureWords(message)));
  out.histories.set(email.key, {
    ...(out.histories.get(email.key) ?? emptyHistory()),
    needsReview: `the ${email.stage} email may not have been sent`,
  });
  return 'failed';
}

/** Errors MailApp raises before anything is sent: a malformed address, the daily quota. */
function isRefusedBeforeSending(message: string): boolean {
  return /^invalid (email|argument)/i.test(message) || isQuotaRefusal(message);
}

function isQuotaRefusal(message: string): boolean {
  return /^service invoked too many times for one day: email/i.test(message);
}

export function errorMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text
    .replace(/^Exception:\s*/, '')
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}

interface StepWithoutEmail {
  stage: StageId;
  superseded: EmailStageId[];
  outcome: 'decision' | 'skipped';
  result: string;
  by: string;
}

function stepWithoutEmail(row: RowPlan): StepWithoutEmail | null {
  if (row.decision) {
    return {
      stage: 'final',
      superseded: row.decision.superseded,
      outcome: 'decision',
      result: DECISION_RESULT,
      by: 'the decision stage',
    };
  }
  const skipped = row.passed;
  if (!skipped) return null;
  const by = `the ${stageLabel(skipped.stage).toLowerCase()}`;
  return { stage: skipped.stage, superseded: skipped.superseded, outcome: 'skipped', result: skipped.reason, by };
}

/**
 * Steps that send nothing but must be logged once: the decision stage, and an escalation with no
 * billing contact. Stages they supersede are logged as superseded.
 */
function recordStepsWithoutEmail(rows: RowPlan[], out: Outcomes): void {
  for (const row of rows) {
    const step = row.key ? stepWithoutEmail(row) : null;
    if (!row.key || !step) continue;
    for (const stage of step.superseded) out.lines.push(rowLine(row, stage, 'superseded', `skipped: superseded by ${step.by}`));
    out.lines.push(rowLine(row, step.stage, step.outcome, step.result));
    out.counts.skipped += step.superseded.length + 1;
    let h = out.histories.get(row.key) ?? emptyHistory();
    for (const stage of step.superseded) h = withPassed(h, stage);
    h = step.stage === 'final' ? { ...h, decisionLogged: true } : withPassed(h, step.stage as EmailStageId);
    out.histories.set(row.key, h);
  }
}
