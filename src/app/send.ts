// Step 3 of a run: send the planned client emails at most once each (the ledger records every
// invoice's send before and after it), and say what happened to each invoice as an outcome code.
import type { ClientEmail } from '../domain/group';
import { emailWords, recipientCount, type FollowUpEmail, type RowPlan } from '../domain/plan';
import type { LedgerEntry, LogLine } from '../domain/records';
import { stageLabel } from '../domain/settings';
import { DECISION_STAGE } from '../domain/stageTable';
import { emptyHistory, withSkipped, withSent, type InvoiceHistory } from '../domain/stages';
import type { IsoDate } from '../domain/types';
import { ledgerKey } from './ledger';
import {
  DECISION_RESULT,
  emailLine,
  QUEUED_QUOTA,
  QUEUED_ROOM,
  QUEUED_TIME,
  queuedForClientWords,
  recipientsText,
  rowLine,
  unsureWords,
} from './logLines';
import { queuedInLog, type RunPlan } from './planRun';
import type { Ports } from './ports';
import type { RunClaim } from './runClaim';
import { sendAtMostOnce, STORE_FULL, type Refusal, type SendRecord } from './sendOnce';

/** Apps Script stops a run at 6 minutes; stop sending well before, and carry on next run. */
const SEND_TIME_BUDGET_MS = 4.5 * 60 * 1000;
/**
 * A run settles its sends early (a write to the Follow-up Log each time the send record fills up)
 * at most this often; the rest wait for the next run. A run's sheet calls then stay the same
 * whatever the size of the sheet (README "Performance").
 */
const MAX_EARLY_SETTLES = 12;

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
  /** How many of `lines` (from the first) are in the log already, and of `settled` deleted (settled during the run). */
  early: { lines: number; settled: number };
  counts: OutcomeCounts;
  /** An email was handed to Gmail (which can take a while: rows may have moved meanwhile). */
  mailed: boolean;
  /** What stopped sending before the end of the plan (the store was full; another run took over). */
  stop: SendingStop;
}

export interface SendOptions {
  mode: 'send' | 'preview' | 'statuses';
  /** When the run started (ms since the epoch), for the time budget. */
  started: number;
  /**
   * Appends these log rows now, then deletes these ledger entries: when the send record fills up
   * during a run, the sends already made are settled and the run goes on.
   */
  settleEarly?: (lines: LogLine[], settled: string[]) => void;
  /** This run's claim on the spreadsheet (runClaim.ts), checked fresh before each send. */
  claim: RunClaim | null;
}

export function sendPlanned(run: RunPlan, ports: Ports, options: SendOptions): Outcomes {
  const none: Outcomes = {
    lines: [],
    histories: run.histories,
    settled: [],
    early: { lines: 0, settled: 0 },
    counts: { sent: 0, previewed: 0, skipped: 0, queued: 0, failed: 0 },
    mailed: false,
    stop: null,
  };
  if (options.mode === 'preview') {
    const lines = run.clientEmails.flatMap((c) => c.invoices.map((e) => emailLine(sentIn(e, c), 'preview', 'preview')));
    return { ...none, lines, counts: { ...none.counts, previewed: run.clientEmails.length } };
  }
  if (options.mode !== 'send') return none;
  const sent = sendAll(run, ports, options);
  const steps = decisionsLogged(run.plan.rows, sent.histories);
  const waiting = waitingLines(run);
  return {
    ...sent,
    lines: [...sent.lines, ...waiting, ...steps.lines],
    histories: steps.histories,
    counts: { ...sent.counts, queued: sent.counts.queued + run.waiting.length, skipped: sent.counts.skipped + steps.skipped },
  };
}

/** One invoice as it went out inside its client's email: that email's recipients and subject. */
type InvoiceInEmail = FollowUpEmail & { subject: string };

/** The invoice's record in its client's email. */
function sentIn(e: FollowUpEmail, c: ClientEmail): InvoiceInEmail {
  return { ...e, to: c.to, cc: c.cc, bcc: c.bcc, subject: c.subject };
}

/** Invoices that wait for their client's next email: one `queued` row each, logged once while waiting. */
function waitingLines(run: RunPlan): LogLine[] {
  if (run.waiting.length === 0) return [];
  const before = queuedInLog(run.log);
  return run.waiting
    .filter((w) => !before.has(ledgerKey(w.email.key, w.email.stage)))
    .map((w) => {
      const subject = emailWords(w.email, run.words).subject;
      return emailLine({ ...w.email, subject }, 'queued', queuedForClientWords(run.minGapDays, w.why));
    });
}

/** What became of one client email (each of its invoices recorded on its own). */
interface EmailOutcome {
  /** full: the store could not record it; taken: another run holds the spreadsheet. */
  result: 'sent' | 'quota' | 'failed' | 'full' | 'unrecorded' | 'taken';
  lines: LogLine[];
  /** The ledger keys to delete once logged (sends that went out). */
  settled: string[];
  /** The invoices' histories after it (empty: unchanged). */
  histories: Array<[string, InvoiceHistory]>;
  counts: Partial<OutcomeCounts>;
}

/** Why the rest of a run's emails wait for the next run: the time budget, the quota. */
function queueReason(email: ClientEmail, quota: number, elapsed: number): string | null {
  if (elapsed > SEND_TIME_BUDGET_MS) return QUEUED_TIME;
  if (recipientCount(email) > quota) return QUEUED_QUOTA;
  return null;
}

/** Characters the send records of one client email take in the store. */
function recordsSize(email: ClientEmail, today: IsoDate, ports: Ports): number {
  return sendRecordsOf(email, today).reduce((n, r) => n + ports.store.entrySize(r.id, r.entry), 0);
}

/** What stopped this run's sending before its end, if anything: the store was full, or another run took over. */
export type SendingStop = { code: 'storeFull'; message: string } | { code: 'unrecorded' } | { code: 'taken' } | null;

function sendAll(run: RunPlan, ports: Ports, options: SendOptions): Outcomes {
  const lines: LogLine[] = [];
  const settled: string[] = [];
  const histories = new Map(run.histories);
  const counts: OutcomeCounts = { sent: 0, previewed: 0, skipped: 0, queued: 0, failed: 0 };
  let queuedBefore: Set<string> | null = null;
  let quota = run.clientEmails.length > 0 ? ports.mail.remainingDailyQuota() : 0;
  let early = { lines: 0, settled: 0 };
  let settles = 0;
  let queue: string | null = null;
  let stop: SendingStop = null;
  let mailed = false;
  for (const email of run.clientEmails) {
    if (stop !== null) break;
    if (
      !queue &&
      options.settleEarly &&
      settled.length > early.settled &&
      recordsSize(email, run.today, ports) > ports.store.room()
    ) {
      if (settles === MAX_EARLY_SETTLES) queue = QUEUED_ROOM;
      else {
        // The log rows first, then the ledger entries they settle (at most once: docs/escalation.md).
        options.settleEarly(lines.slice(early.lines), settled.slice(early.settled));
        early = { lines: lines.length, settled: settled.length };
        settles++;
      }
    }
    queue ??= queueReason(email, quota, ports.now() - options.started);
    if (queue) {
      // Logged once: an invoice waiting for quota day after day does not fill the log.
      queuedBefore ??= queuedInLog(run.log);
      for (const e of email.invoices) {
        if (!queuedBefore.has(ledgerKey(e.key, e.stage))) lines.push(emailLine(sentIn(e, email), 'queued', queue));
      }
      counts.queued += email.invoices.length;
      continue;
    }
    const outcome = sendOne(email, run, histories, ports, options.claim);
    mailed ||= !['full', 'unrecorded', 'taken'].includes(outcome.result);
    lines.push(...outcome.lines);
    settled.push(...outcome.settled);
    for (const [key, history] of outcome.histories) histories.set(key, history);
    for (const [k, n] of Object.entries(outcome.counts)) counts[k as keyof OutcomeCounts] += n;
    if (outcome.result === 'quota') queue = QUEUED_QUOTA;
    else if (outcome.result === 'sent') quota -= recipientCount(email);
    else if (outcome.result === 'full') stop = { code: 'storeFull', message: STORE_FULL };
    else if (outcome.result === 'unrecorded') stop = { code: 'unrecorded' };
    else if (outcome.result === 'taken') stop = { code: 'taken' };
  }
  return { lines, histories, settled, early, counts, mailed, stop };
}

/** The send records of a client email: one ledger entry per invoice (each invoice-stage is sent at most once on its own). */
function sendRecordsOf(email: ClientEmail, today: IsoDate): SendRecord[] {
  return email.invoices.map((planned) => {
    const e = sentIn(planned, email);
    const entry: LedgerEntry = {
      key: e.key,
      invoice: e.invoice.invoice,
      client: e.invoice.client,
      stage: e.stage,
      state: 'sending',
      date: today,
      recipients: recipientsText(e),
      subject: e.subject,
    };
    return { id: ledgerKey(e.key, e.stage), entry };
  });
}

/** Sends one client email through the one send path; says what became of each of its invoices. */
function sendOne(
  email: ClientEmail,
  run: RunPlan,
  before: Map<string, InvoiceHistory>,
  ports: Ports,
  claim: RunClaim | null,
): EmailOutcome {
  const invoices = email.invoices.map((e) => sentIn(e, email));
  const records = sendRecordsOf(email, run.today);
  const none = { lines: [], settled: [], histories: [], counts: {} };
  const outcome = sendAtMostOnce(ports, email, records, run.senderName, claim);
  if (outcome.code === 'taken') return { ...none, result: 'taken' };
  if (outcome.code === 'unrecorded') {
    const lines = invoices.map((e) => emailLine(e, 'queued', `queued: ${outcome.message}; it goes out on the next run`));
    return { ...none, result: outcome.full ? 'full' : 'unrecorded', lines, counts: { queued: invoices.length } };
  }
  if (outcome.code === 'refused') return refusedOutcome(invoices, outcome.refusal, outcome.message);
  if (outcome.code === 'unsure') return unsureOutcome(invoices, outcome.message, before);
  const lines = invoices.flatMap((e) => {
    const by = `superseded by the ${stageLabel(e.stage).toLowerCase()}`;
    return [...e.superseded.map((stage) => emailLine(e, 'superseded', `skipped: ${by}`, stage)), emailLine(e, 'sent', 'sent')];
  });
  return {
    result: 'sent',
    lines,
    settled: records.map((x) => x.id),
    histories: invoices.map((e) => [e.key, withSent(before.get(e.key) ?? emptyHistory(), e.stage, run.today)]),
    counts: { sent: 1, skipped: invoices.reduce((n, e) => n + e.superseded.length, 0) },
  };
}

/** MailApp refused before sending: nothing went out, so the next run may try again. */
function refusedOutcome(invoices: InvoiceInEmail[], refusal: Refusal, message: string): EmailOutcome {
  const none = { settled: [], histories: [] };
  if (refusal === 'quota') {
    // The quota ran out sooner than MailApp said: this and the rest go out on the next run.
    const lines = invoices.map((e) => emailLine(e, 'queued', QUEUED_QUOTA));
    return { ...none, result: 'quota', lines, counts: { queued: invoices.length } };
  }
  const words = `failed: ${message}`;
  return { ...none, result: 'failed', lines: invoices.map((e) => emailLine(e, 'failed', words)), counts: { failed: 1 } };
}

/** It may have gone out: each invoice is held for the user's answer. */
function unsureOutcome(invoices: InvoiceInEmail[], message: string, before: Map<string, InvoiceHistory>): EmailOutcome {
  return {
    settled: [],
    result: 'failed',
    lines: invoices.map((e) => emailLine(e, 'unsure', unsureWords(message))),
    histories: invoices.map((e) => [
      e.key,
      { ...(before.get(e.key) ?? emptyHistory()), needsReview: `the ${e.stage} email may not have been sent` },
    ]),
    counts: { failed: 1 },
  };
}

/**
 * The decision stage sends nothing but is logged once, with the stages it supersedes logged as
 * superseded (docs/escalation.md, "The decision comes after a notice").
 */
function decisionsLogged(
  rows: RowPlan[],
  before: Map<string, InvoiceHistory>,
): { lines: LogLine[]; histories: Map<string, InvoiceHistory>; skipped: number } {
  const lines: LogLine[] = [];
  const histories = new Map(before);
  let skipped = 0;
  for (const row of rows) {
    if (!row.key || !row.decision) continue;
    const { superseded } = row.decision;
    for (const stage of superseded) lines.push(rowLine(row, stage, 'superseded', 'skipped: superseded by the decision stage'));
    lines.push(rowLine(row, DECISION_STAGE, 'decision', DECISION_RESULT));
    skipped += superseded.length + 1;
    let h = histories.get(row.key) ?? emptyHistory();
    for (const stage of superseded) h = withSkipped(h, stage);
    histories.set(row.key, { ...h, decisionLogged: true });
  }
  return { lines, histories, skipped };
}
