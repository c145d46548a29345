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
  const none: Outcomes = {
    lines: [],
    histories: run.histories,
    settled: [],
    counts: { sent: 0, previewed: 0, skipped: 0, queued: 0, failed: 0 },
    mailed: false,
  };
  if (options.mode === 'preview') {
    const lines = run.emails.map((e) => emailLine(e, 'preview', 'preview'));
    return { ...none, lines, counts: { ...none.counts, previewed: run.emails.length } };
  }
  if (options.mode !== 'send') return none;
  const sent = sendAll(run, ports, options.started);
  const steps = stepsWithoutEmail(run.plan.rows, sent.histories);
  return {
    ...sent,
    lines: [...sent.lines, ...steps.lines],
    histories: steps.histories,
    counts: { ...sent.counts, skipped: sent.counts.skipped + steps.skipped },
  };
}

/** What became of one email. */
interface EmailOutcome {
  result: 'sent' | 'quota' | 'failed';
  lines: LogLine[];
  /** The ledger key to delete once logged (a send that went out). */
  settled: string | null;
  /** The invoice's history after it (null: unchanged). */
  history: InvoiceHistory | null;
  counts: Partial<OutcomeCounts>;
}

function sendAll(run: RunPlan, ports: Ports, started: number): Outcomes {
  const lines: LogLine[] = [];
  const settled: string[] = [];
  const histories = new Map(run.histories);
  const counts: OutcomeCounts = { sent: 0, previewed: 0, skipped: 0, queued: 0, failed: 0 };
  let queuedBefore: Set<string> | null = null;
  let quota = run.emails.length > 0 ? ports.mail.remainingDailyQuota() : 0;
  let queue: string | null = null;
  let mailed = false;
  for (const email of run.emails) {
    if (!queue && ports.now() - started > SEND_TIME_BUDGET_MS) queue = QUEUED_TIME;
    if (!queue && recipientCount(email) > quota) queue = QUEUED_QUOTA;
    if (queue) {
      // Logged once: an invoice waiting for quota day after day does not fill the log.
      queuedBefore ??= queuedInLog(run.log);
      if (!queuedBefore.has(ledgerKey(email.key, email.stage))) lines.push(emailLine(email, 'queued', queue));
      counts.queued++;
      continue;
    }
    mailed = true;
    const outcome = sendOne(email, run.today, histories.get(email.key) ?? emptyHistory(), run.senderName, ports);
    lines.push(...outcome.lines);
    if (outcome.settled) settled.push(outcome.settled);
    if (outcome.history) histories.set(email.key, outcome.history);
    for (const [k, n] of Object.entries(outcome.counts)) counts[k as keyof OutcomeCounts] += n;
    if (outcome.result === 'quota') queue = QUEUED_QUOTA;
    else if (outcome.result === 'sent') quota -= recipientCount(email);
  }
  return { lines, histories, settled, counts, mailed };
}

/** Sends one email between two ledger writes; says what became of it. */
function sendOne(email: FollowUpEmail, today: IsoDate, history: InvoiceHistory, senderName: string, ports: Ports): EmailOutcome {
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
  ports.store.writeJson(id, entry);
  try {
    ports.mail.send(email, senderName);
  } catch (err) {
    return sendFailed(email, entry, errorMessage(err), history, ports);
  }
  try {
    ports.store.writeJson(id, { ...entry, state: 'sent' });
  } catch {
    // The log row written below records the send; the next run reconciles the ledger with it.
  }
  const by = `superseded by the ${stageLabel(email.stage).toLowerCase()}`;
  const lines = email.superseded.map((stage) => emailLine(email, 'superseded', `skipped: ${by}`, stage));
  return {
    result: 'sent',
    lines: [...lines, emailLine(email, 'sent', 'sent')],
    settled: id,
    history: withSent(history, email.stage, today),
    counts: { sent: 1, skipped: email.superseded.length },
  };
}

function sendFailed(
  email: FollowUpEmail,
  entry: LedgerEntry,
  message: string,
  history: InvoiceHistory,
  ports: Ports,
): EmailOutcome {
  const id = ledgerKey(email.key, email.stage);
  const none = { settled: null, history: null };
  if (isQuotaRefusal(message)) {
    // The quota ran out sooner than MailApp said: this and the rest go out on the next run.
    ports.store.delete(id);
    return { ...none, result: 'quota', lines: [emailLine(email, 'queued', QUEUED_QUOTA)], counts: { queued: 1 } };
  }
  if (isRefusedBeforeSending(message)) {
    // MailApp checks addresses before sending: nothing went out, so the next run may try again.
    ports.store.delete(id);
    return { ...none, result: 'failed', lines: [emailLine(email, 'failed', `failed: ${message}`)], counts: { failed: 1 } };
  }
  // Anything else may have happened after the message left: hold the invoice for review.
  ports.store.writeJson(id, { ...entry, state: 'unknown' });
  return {
    ...none,
    result: 'failed',
    lines: [emailLine(email, 'unsure', unsureWords(message))],
    history: { ...history, needsReview: `the ${email.stage} email may not have been sent` },
    counts: { failed: 1 },
  };
}

/**
 * MailApp errors that mean nothing was sent, by how their message starts: the daily quota (the
 * rest waits for the next run), a malformed address, and a missing permission or authorisation
 * (MailApp refuses before sending). Anything else may have happened after the message left.
 */
const REFUSED_BEFORE_SENDING: ReadonlyArray<{ code: 'quota' | 'address' | 'permission'; pattern: RegExp }> = [
  { code: 'quota', pattern: /^service invoked too many times for one day: email/i },
  { code: 'address', pattern: /^invalid (email|argument)/i },
  { code: 'permission', pattern: /^authorization is required/i },
  { code: 'permission', pattern: /^you do not have permission/i },
  { code: 'permission', pattern: /^(the script|this add-on) does not have permission/i },
];

function refusalCode(message: string): 'quota' | 'address' | 'permission' | null {
  return REFUSED_BEFORE_SENDING.find((r) => r.pattern.test(message))?.code ?? null;
}

function isRefusedBeforeSending(message: string): boolean {
  return refusalCode(message) !== null;
}

function isQuotaRefusal(message: string): boolean {
  return refusalCode(message) === 'quota';
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
function stepsWithoutEmail(
  rows: RowPlan[],
  before: Map<string, InvoiceHistory>,
): { lines: LogLine[]; histories: Map<string, InvoiceHistory>; skipped: number } {
  const lines: LogLine[] = [];
  const histories = new Map(before);
  let skipped = 0;
  for (const row of rows) {
    const step = row.key ? stepWithoutEmail(row) : null;
    if (!row.key || !step) continue;
    for (const stage of step.superseded) lines.push(rowLine(row, stage, 'superseded', `skipped: superseded by ${step.by}`));
    lines.push(rowLine(row, step.stage, step.outcome, step.result));
    skipped += step.superseded.length + 1;
    let h = histories.get(row.key) ?? emptyHistory();
    for (const stage of step.superseded) h = withPassed(h, stage);
    h = step.stage === 'final' ? { ...h, decisionLogged: true } : withPassed(h, step.stage as EmailStageId);
    histories.set(row.key, h);
  }
  return { lines, histories, skipped };
}
