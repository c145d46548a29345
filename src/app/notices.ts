// Step 3b of a run, right after the follow-ups (docs/escalation.md): the notices about an invoice
// that are not stages of the schedule — the "promise missed" email and the thank-you when paid —
// each sent at most once between two ledger writes, then the daily summary to the user, which takes
// the quota last. A client that already got an email in this run gets no second one today.
import { daysBetween } from '../domain/dates';
import { clientKey } from '../domain/group';
import { planThankYou, recipientCount, withWords, type EmailWords, type InvoiceEmail, type PlanInput } from '../domain/plan';
import type { LedgerEntry, LogLine, NoticeWord } from '../domain/records';
import { emptyHistory, withPromiseMissedSent, type InvoiceHistory } from '../domain/stages';
import type { IsoDate } from '../domain/types';
import { ledgerKey } from './ledger';
import { QUEUED_QUOTA, recipientsText, unsureWords } from './logLines';
import { queuedInLog, type RunPlan } from './planRun';
import type { Ports, StorePort } from './ports';
import { prunePromises, writePromises } from './promiseRecords';
import type { RunClaim } from './runClaim';
import type { Outcomes } from './send';
import { errorMessage, sendAtMostOnce } from './sendOnce';
import type { Snapshot } from './snapshot';
import { thankYouBook, thankYousDue, type ThankYouBook } from './thankYou';

export { noteThankYouSetting } from './thankYou';

export interface NoticeRun {
  snapshot: Snapshot;
  run: RunPlan;
  mode: 'send' | 'preview' | 'statuses';
  trigger: 'menu' | 'daily' | 'sidebar';
  /** This run's claim on the spreadsheet (runClaim.ts). */
  claim: RunClaim | null;
}

/** A notice due in this run. */
export interface Notice {
  word: NoticeWord;
  /** The email with its words made: notices are few, and a menu run shows them before sending. */
  email: InvoiceEmail & EmailWords;
  promisedDate?: IsoDate;
}

/** The notices due in a run, worked out before anything is sent (a menu run lists them for confirmation). */
export interface DueNotices {
  notices: Notice[];
  book: ThankYouBook;
}

export function dueNotices(snapshot: Snapshot, run: RunPlan, store: StorePort): DueNotices {
  const book = thankYouBook(snapshot, run, run.histories, store);
  const notices: Notice[] = [
    ...run.plan.promiseMissed.map((email) => ({
      word: 'promiseMissed' as const,
      email: withWords(email, run.words),
      promisedDate: email.promisedDate,
    })),
    ...thankYouEmails(snapshot, run, book),
  ];
  return { notices, book };
}

const noticeSignature = ({ word, email }: Notice): string =>
  JSON.stringify([email.key, word, email.to, email.cc, email.bcc, email.subject, email.text]);

/** The notices of a fresh plan that the user saw and confirmed. */
export function keepConfirmedNotices(due: DueNotices, confirmed: readonly Notice[]): DueNotices {
  const seen = new Set(confirmed.map(noticeSignature));
  return { ...due, notices: due.notices.filter((n) => seen.has(noticeSignature(n))) };
}

/** The run's outcomes with the notices sent added. */
export function sendNotices(outcomes: Outcomes, input: NoticeRun & { due: DueNotices }, ports: Ports): Outcomes {
  const { run, due } = input;
  keepPromises(input, ports);
  if (input.mode === 'preview') {
    const lines = due.notices.map((n) => noticeLine(n, 'preview', 'preview'));
    const counts = { ...outcomes.counts, previewed: outcomes.counts.previewed + lines.length };
    due.book.save(ports.store);
    return { ...outcomes, lines: [...outcomes.lines, ...lines], counts };
  }
  if (input.mode !== 'send') {
    due.book.save(ports.store);
    return outcomes;
  }
  const sent = sendAll(due.notices, outcomes, run, ports, input.claim);
  due.book.save(ports.store, sent.thanked);
  return { ...outcomes, ...sent.outcomes };
}

/** Drops the promise records that are done with (paid invoices, promises long past); a failed write waits for the next run. */
function keepPromises({ snapshot, run }: NoticeRun, ports: Ports): void {
  const kept = prunePromises(snapshot.promises, run.invoices, run.today);
  if (kept.length === snapshot.promises.length) return;
  try {
    writePromises(ports.store, kept);
  } catch (err) {
    console.error(`Could not tidy the recorded promises: ${errorMessage(err)}`);
  }
}

/** The thank-you emails due (setting thankYouWhenPaid), each rendered for its invoice. */
function thankYouEmails(snapshot: Snapshot, run: RunPlan, book: ThankYouBook): Notice[] {
  const histories = run.histories;
  const input: PlanInput = {
    rows: [],
    histories,
    settings: snapshot.config.settings,
    templates: snapshot.config.templates,
    templatesByLanguage: snapshot.config.templatesByLanguage,
    ctx: snapshot.ctx,
    selfEmail: snapshot.selfEmail,
  };
  const out: Notice[] = [];
  for (const invoice of thankYousDue(run, book, histories)) {
    const email = planThankYou(invoice, input);
    // A thank-you that cannot be written (no contact name for a template that needs one) is not sent.
    if (typeof email !== 'string') out.push({ word: 'thankYou', email: withWords(email, run.words) });
  }
  return out;
}

type Sent = { outcomes: Pick<Outcomes, 'lines' | 'histories' | 'settled' | 'counts' | 'mailed'>; thanked: string[] };

function sendAll(notices: Notice[], outcomes: Outcomes, run: RunPlan, ports: Ports, claim: RunClaim | null): Sent {
  // A run whose sending stopped (store full, another run took over) sends no notice either.
  let stopped = outcomes.stop !== null;
  const lines = [...outcomes.lines];
  const histories = new Map(outcomes.histories);
  const settled = [...outcomes.settled];
  const counts = { ...outcomes.counts };
  const emailed = new Set(outcomes.lines.filter((l) => l.outcome === 'sent').map((l) => clientKey(l.client)));
  const thanked: string[] = [];
  let mailed = outcomes.mailed;
  let quota = notices.length > 0 ? ports.mail.remainingDailyQuota() : 0;
  const queuedBefore = notices.length > 0 ? queuedInLog(run.log) : new Set<string>();
  for (const notice of notices) {
    if (stopped) break;
    const client = clientKey(notice.email.invoice.client);
    // One email per client a day, and a "promise missed" email no sooner than minGapDays after the
    // client's last email: it waits for a later run (nothing is logged for it).
    if (emailed.has(client) || (notice.word === 'promiseMissed' && withinGap(run, client))) continue;
    if (recipientCount(notice.email) > quota) {
      // Logged once: a notice waiting for quota day after day does not fill the log.
      if (!queuedBefore.has(ledgerKey(notice.email.key, notice.word))) lines.push(noticeLine(notice, 'queued', QUEUED_QUOTA));
      counts.queued++;
      continue;
    }
    const history = histories.get(notice.email.key) ?? emptyHistory();
    const result = sendOne(notice, run, history, ports, claim);
    if (result.line) lines.push(result.line);
    histories.set(notice.email.key, result.history);
    mailed ||= result.result !== 'stop';
    if (result.result === 'sent') {
      settled.push(ledgerKey(notice.email.key, notice.word));
      emailed.add(client);
      quota -= recipientCount(notice.email);
      counts.sent++;
      if (notice.word === 'thankYou') thanked.push(notice.email.key);
    } else if (result.result === 'failed') counts.failed++;
    else {
      counts.queued += result.line ? 1 : 0;
      stopped = result.result === 'stop';
    }
  }
  return { outcomes: { lines, histories, settled, counts, mailed }, thanked };
}

function withinGap(run: RunPlan, client: string): boolean {
  const last = run.lastEmailOn.get(client);
  return last !== undefined && daysBetween(last, run.today) < run.minGapDays;
}

function noticeLine(notice: Notice, outcome: LogLine['outcome'], result: string): LogLine {
  const { email } = notice;
  return {
    invoice: email.invoice.invoice,
    client: email.invoice.client,
    stage: notice.word,
    recipients: recipientsText(email),
    subject: email.subject,
    outcome,
    result,
    threadId: '',
    ...(notice.promisedDate === undefined ? {} : { promisedDate: notice.promisedDate }),
  };
}

/**
 * Sends one notice through the one send path. A refusal before sending lets a later run try again;
 * when it may have gone out the invoice is held for review: a notice is never worth a second email.
 */
function sendOne(
  notice: Notice,
  run: RunPlan,
  history: InvoiceHistory,
  ports: Ports,
  claim: RunClaim | null,
): { result: 'sent' | 'queued' | 'failed' | 'stop'; line: LogLine | null; history: InvoiceHistory } {
  const { email } = notice;
  const entry: LedgerEntry = {
    key: email.key,
    invoice: email.invoice.invoice,
    client: email.invoice.client,
    stage: notice.word,
    ...(notice.promisedDate === undefined ? {} : { promisedDate: notice.promisedDate }),
    state: 'sending',
    date: run.today,
    recipients: recipientsText(email),
    subject: email.subject,
  };
  const outcome = sendAtMostOnce(ports, email, [{ id: ledgerKey(email.key, notice.word), entry }], run.senderName, claim);
  if (outcome.code === 'taken') return { result: 'stop', line: null, history };
  if (outcome.code === 'unrecorded') {
    // Not recorded, so not sent: it waits for the next run.
    const line = noticeLine(notice, 'queued', `queued: ${outcome.message}; it goes out on the next run`);
    return { result: 'stop', line, history };
  }
  if (outcome.code === 'refused') {
    const quota = outcome.refusal === 'quota';
    const line = quota ? noticeLine(notice, 'queued', QUEUED_QUOTA) : noticeLine(notice, 'failed', `failed: ${outcome.message}`);
    return { result: quota ? 'queued' : 'failed', line, history };
  }
  if (outcome.code === 'unsure') {
    const needsReview = `the ${notice.word} email may not have been sent`;
    return {
      result: 'failed',
      line: noticeLine(notice, 'unsure', unsureWords(outcome.message)),
      history: { ...history, needsReview },
    };
  }
  const after =
    notice.promisedDate === undefined
      ? { ...history, thankYouSent: true }
      : withPromiseMissedSent(history, notice.promisedDate, run.today);
  return { result: 'sent', line: noticeLine(notice, 'sent', 'sent'), history: after };
}
