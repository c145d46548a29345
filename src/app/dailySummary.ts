// The daily summary (docs/escalation.md, "Daily summary"): after a daily trigger run, one plain
// email to the user's own address says what went out, what waits, what failed and what needs them,
// with the overdue totals and a link to the spreadsheet. Nothing on quiet days; it takes the quota
// last, after every email to a client, and is logged with the outcome `summary`.
import { hasSentEntry } from '../domain/history';
import { STAGE_IDS, stageRow, type StageId } from '../domain/stageTable';
import type { LedgerStage, LogLine } from '../domain/records';
import { dailySummaryEmail, type NeedCode, type NeedsUser, type SummaryOutcome, type SummaryTotals } from '../domain/summary';
import { clearChangesUpTo, readChanges } from './changeJournal';
import { summaryCalls } from './callsDue';
import { newAdvice, rememberAdvice } from './clientReport';
import type { NoticeRun } from './notices';
import { overdueByCurrency } from './planRun';
import type { Ports } from './ports';
import type { Outcomes } from './send';
import { ownEmailRecord, sendAtMostOnce } from './sendOnce';

/** What the user is asked to do once a stage's email went out (the stage table says which stages ask). */
function summaryNeed(stage: string): NeedCode | undefined {
  return (STAGE_IDS as readonly string[]).includes(stage) ? stageRow(stage as StageId).summaryNeed : undefined;
}

const RESULT_OF: Partial<Record<LogLine['outcome'], SummaryOutcome['result']>> = {
  sent: 'sent',
  queued: 'queued',
  failed: 'failed',
  unsure: 'failed',
};

/** The run's follow-ups and notices as the summary lists them (steps without an email are left out). */
function summaryOutcomes(lines: readonly LogLine[]): SummaryOutcome[] {
  const out: SummaryOutcome[] = [];
  for (const line of lines) {
    const result = RESULT_OF[line.outcome];
    if (result === undefined || line.invoice === '' || line.stage === '') continue;
    const stage = line.stage as LedgerStage;
    const reason = line.result.replace(/^(queued|failed):\s*/, '');
    out.push({ invoice: line.invoice, client: line.client, stage, result, ...(result === 'sent' ? {} : { reason }) });
  }
  return out;
}

/** The invoices that came to need the user in this run, each once per reason. */
function needsUser({ snapshot }: NoticeRun, lines: readonly LogLine[]): NeedsUser[] {
  const needs = new Map<string, NeedsUser>();
  const add = (invoice: string, client: string, need: NeedCode): void =>
    void needs.set(`${need}\u0000${invoice}`, { invoice, client, need });
  for (const line of lines) {
    const need = summaryNeed(line.stage);
    if (need !== undefined && line.outcome === 'sent') add(line.invoice, line.client, need);
    else if (line.outcome === 'decision') add(line.invoice, line.client, 'decide');
    else if (line.outcome === 'unsure') add(line.invoice, line.client, 'review');
    // A missed promise, once: the day its email goes (not each day it waits for the client's gap).
    else if (line.stage === 'promiseMissed' && line.outcome === 'sent') add(line.invoice, line.client, 'promise');
  }
  // Sends an earlier run left half-done are held for review from this run on.
  for (const entry of snapshot.ledger) {
    if (entry.state === 'sending' && !hasSentEntry(snapshot.log, entry)) add(entry.invoice, entry.client, 'review');
  }
  return [...needs.values()];
}

/** What is overdue, per currency. */
function overdueTotals({ snapshot, run }: NoticeRun): SummaryTotals {
  return { locale: snapshot.ctx.locale, overdue: overdueByCurrency(run) };
}

function summaryLine(recipients: string, subject: string, result: string): LogLine {
  return { invoice: '', client: '', stage: '', recipients, subject, outcome: 'summary', result, threadId: '' };
}

/**
 * The run's outcomes with the daily summary added: after a daily run only, when the setting is on —
 * or when someone other than the user the run sends as changed settings or templates (an editor who
 * turned the summary off is told about too).
 */
export function withDailySummary(input: NoticeRun, outcomes: Outcomes, ports: Ports): Outcomes {
  if (input.trigger !== 'daily' || (!input.snapshot.config.settings.dailySummary && !changedByOthers(ports))) return outcomes;
  const summary = sendDailySummary(input, outcomes, ports);
  return { ...outcomes, lines: [...outcomes.lines, ...summary.lines], mailed: outcomes.mailed || summary.mailed };
}

function changedByOthers(ports: Ports): boolean {
  const self = ports.mail.selfEmail();
  return readChanges(ports.store).some((c) => c.by === null || c.by !== self);
}

/** Sends the summary of a daily run to the user, when there is something to say; the log says what became of it. */
function sendDailySummary(input: NoticeRun, outcomes: Outcomes, ports: Ports): { lines: LogLine[]; mailed: boolean } {
  const changes = readChanges(ports.store);
  const needs = needsUser(input, outcomes.lines);
  // The calls that became due and the advice not said before (README "The day-14 call").
  const advice = newAdvice(input, ports.store);
  const email = dailySummaryEmail(summaryOutcomes(outcomes.lines), needs, overdueTotals(input), ports.spreadsheet.url(), {
    sentEmails: sentEmails(outcomes.lines),
    changes,
    calls: summaryCalls(input, needs),
    advice: advice.facts,
  });
  if (email === null) return { lines: [], mailed: false };
  const self = ports.mail.selfEmail();
  if (self === null) {
    return {
      lines: [summaryLine('', email.subject, 'skipped: the daily summary was not sent: Google did not give your address')],
      mailed: false,
    };
  }
  const recipients = `to: ${self}`;
  if (ports.mail.remainingDailyQuota() < 1) {
    return {
      lines: [summaryLine(recipients, email.subject, 'skipped: the daily summary was not sent: no email quota left today')],
      mailed: false,
    };
  }
  const record = ownEmailRecord('summary', input.run.today, self, email.subject);
  const message = { to: [self], cc: [], bcc: [], ...email };
  const outcome = sendAtMostOnce(ports, message, [record], input.snapshot.config.settings.senderName, input.claim);
  if (outcome.code === 'taken') return { lines: [], mailed: false };
  if (outcome.code !== 'sent') {
    const why = outcome.code === 'unsure' ? `it may not have gone out (${outcome.message})` : `${outcome.message}`;
    return {
      lines: [summaryLine(recipients, email.subject, `failed: the daily summary was not sent: ${why}`)],
      mailed: outcome.code !== 'unrecorded',
    };
  }
  // Told: the changes listed leave the journal (one made during this run stays for the next summary).
  const last = changes[changes.length - 1];
  if (last) clearChangesUpTo(ports.store, last.at);
  if (advice.facts.length > 0) rememberAdvice(ports.store, advice.told);
  return { lines: [summaryLine(recipients, email.subject, 'sent')], mailed: true };
}

/** Every email this run sent in the owner's name, once each (a client email has one log row per invoice). */
function sentEmails(lines: readonly LogLine[]): Array<{ recipients: string; subject: string }> {
  const seen = new Map<string, { recipients: string; subject: string }>();
  for (const l of lines) {
    if (l.outcome === 'sent' && l.recipients !== '')
      seen.set(`${l.recipients}\u0000${l.subject}`, { recipients: l.recipients, subject: l.subject });
  }
  return [...seen.values()];
}
