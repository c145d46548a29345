// The follow-up run as a one-way pipeline (see README "How the schedule works"):
// readSnapshot → planRun → sendPlanned → writeStatuses → appendLog, each step returning its result.
// Used by the menu (send after a confirmation, or preview), the daily trigger and the sidebar.
//
// Read once, decide, write once (README "Architecture: one daily run"). The only writes in the
// middle of a run are the at-most-once records: the run's claim, each email's "sending" record
// (src/app/sendOnce.ts, flushed before MailApp is called) and, when those records fill the store,
// the log rows that settle them (at most MAX_EARLY_SETTLES times, src/app/send.ts). The status
// columns and the rest of the log are written at the end; the last-run record after the lock.
import type { ClientEmail } from '../domain/group';
import type { LogLine } from '../domain/records';
import { appendLog, noteStoppedRun } from './log';
import { recoverLedger, markUnknown, type Recovery } from './ledger';
import { runLine } from './logLines';
import { dueNotices, keepConfirmedNotices, sendNotices, type Notice } from './notices';
import { keepConfirmed, type RunPlan } from './planRun';
import type { Ports } from './ports';
import { anotherRunSending, claimSendingRun, type RunClaim } from './runClaim';
import { sendPlanned, type Outcomes } from './send';
import { errorMessage } from './sendOnce';
import { afterSending, alertStoreFull } from './storeFull';
import { withDailySummary } from './dailySummary';
import { loadConfig } from './config';
import { readView, type SheetView } from './sheetView';
import { UserFacingError } from './snapshot';
import { writeStatuses } from './statuses';

/** send: the real thing; preview: dry run with `preview` log rows; statuses: refresh the status columns only. */
export type RunMode = 'send' | 'preview' | 'statuses';
export type RunTrigger = 'menu' | 'daily' | 'sidebar';

export interface RunSummary {
  mode: RunMode;
  trigger: RunTrigger;
  sent: number;
  previewed: number;
  skipped: number;
  queued: number;
  failed: number;
  /** Rows with an error written on them. */
  rowErrors: number;
  /** Nothing was done, and why (lock held, user cancelled, sheet missing…). */
  stopped: string | null;
  /** The user said No to the confirmation. */
  cancelled: boolean;
  warnings: string[];
}

export const LAST_RUN_KEY = 'lastRun';

export interface RunOptions {
  mode: RunMode;
  trigger: RunTrigger;
  /**
   * Asked before anything is sent (menu runs), with one email per client and the notices ("promise
   * missed", thank-you); returning false cancels the run.
   */
  confirmSends?: (emails: ClientEmail[], notices: Notice[]) => boolean;
}

/** What a finished run read and planned (the sidebar shows an invoice from it without reading again). */
export interface RunResult {
  summary: RunSummary;
  /** Null when the run stopped before it had read the sheet. */
  view: SheetView | null;
  /** Another execution held the lock (or there was none to take). */
  lockRefused: boolean;
}

function emptySummary(mode: RunMode, trigger: RunTrigger): RunSummary {
  return {
    mode,
    trigger,
    sent: 0,
    previewed: 0,
    skipped: 0,
    queued: 0,
    failed: 0,
    rowErrors: 0,
    stopped: null,
    cancelled: false,
    warnings: [],
  };
}

const STOPPED_BUSY = 'Another follow-up run is in progress in this spreadsheet, so this run sent nothing.';
const STOPPED_NO_LOCK =
  'This run could not lock the spreadsheet (Apps Script gave it no document to lock), so it sent nothing. Run follow-ups from the menu instead, and tell us about it.';

export function runFollowUpsIn(ports: Ports, options: RunOptions): RunSummary {
  return runPipeline(ports, options).summary;
}

/** What the user confirmed before the run took the lock: only these go out. */
interface Confirmed {
  emails: ClientEmail[];
  notices: Notice[];
}

/**
 * A run: asks first (no lock is held while a dialog is open), then takes the lock, claims the
 * spreadsheet when it sends, plans again and sends only what was confirmed and is still due.
 */
export function runPipeline(ports: Ports, options: RunOptions, read: (ports: Ports) => SheetView = readView): RunResult {
  const started = ports.now();
  let result: RunResult = { summary: emptySummary(options.mode, options.trigger), view: null, lockRefused: false };
  try {
    const asked = options.mode === 'send' && options.confirmSends ? askFirst(ports, options, read) : { confirmed: null };
    if ('cancelled' in asked) result = asked.cancelled;
    else if ('busy' in asked) result = refused(result, STOPPED_BUSY, ports);
    else {
      const locked = ports.lock.withLock(() => runLocked(ports, options, { started, read, confirmed: asked.confirmed }));
      if (locked.acquired) result = locked.value;
      else result = refused(result, locked.reason === 'busy' ? STOPPED_BUSY : STOPPED_NO_LOCK, ports);
    }
  } catch (err) {
    result.summary.stopped = err instanceof UserFacingError ? err.message : `Unexpected problem: ${errorMessage(err)}`;
    // Nobody watches a trigger run: the log sheet says it stopped (the menu shows an alert instead).
    if (options.trigger === 'daily') noteStoppedRun(ports, `the daily run stopped: ${result.summary.stopped}`);
  }
  if (options.mode !== 'statuses') recordLastRun(ports, result.summary);
  return result;
}

/** A run that another execution kept from going ahead: nothing sent, and the log says why. */
function refused(result: RunResult, message: string, ports: Ports): RunResult {
  noteStoppedRun(ports, message);
  return { ...result, summary: { ...result.summary, stopped: message }, lockRefused: true };
}

/**
 * Plans without any lock and asks the user; a No ends the run with nothing sent or written. When
 * another run is sending right now it says so instead of asking.
 */
function askFirst(
  ports: Ports,
  options: RunOptions,
  read: (ports: Ports) => SheetView,
): { confirmed: Confirmed } | { cancelled: RunResult } | { busy: true } {
  if (anotherRunSending(ports)) return { busy: true };
  const view = read(ports);
  const due = dueNotices(view.snapshot, view.run, ports.store);
  if (options.confirmSends?.(view.run.clientEmails, due.notices) === false) {
    const summary = { ...emptySummary(options.mode, options.trigger), stopped: 'Cancelled: nothing was sent.', cancelled: true };
    return { cancelled: { summary, view, lockRefused: false } };
  }
  return { confirmed: { emails: view.run.clientEmails, notices: due.notices } };
}

interface LockedRun {
  started: number;
  read: (ports: Ports) => SheetView;
  /** What the user confirmed (menu runs); null: everything due. */
  confirmed: Confirmed | null;
}

function runLocked(ports: Ports, options: RunOptions, locked: LockedRun): RunResult {
  const summary = emptySummary(options.mode, options.trigger);
  let claim: RunClaim | null = null;
  if (options.mode === 'send') {
    const claimed = claimSendingRun(ports, options.trigger, ports.mail.selfEmail());
    if (!claimed.ok) {
      noteStoppedRun(ports, claimed.message);
      if (claimed.reason === 'full') {
        const senderName = loadConfig(ports.store).settings.senderName;
        alertStoreFull(ports, 0, { run: { today: ports.spreadsheet.today() }, senderName, claim: null });
      }
      return { summary: { ...summary, stopped: claimed.message }, view: null, lockRefused: claimed.reason === 'busy' };
    }
    claim = claimed.claim;
  }
  let after: (() => void) | null = null;
  try {
    const done = runClaimed(ports, options, locked, claim);
    after = done.after;
    return done.result;
  } finally {
    claim?.release();
    // After the claim is gone: its room may be what the owner's alert needs (README "When the platform refuses").
    after?.();
  }
}

function runClaimed(
  ports: Ports,
  options: RunOptions,
  locked: LockedRun,
  claim: RunClaim | null,
): { result: RunResult; after: (() => void) | null } {
  const summary = emptySummary(options.mode, options.trigger);
  const { snapshot, run: planned } = locked.read(ports);
  summary.warnings.push(...snapshot.config.warnings, ...planned.warnings);
  const recovery = recoverLedger(snapshot);
  markUnknown(recovery.unknown, ports.store);
  // Plans again from the sheet as it is now; a menu run sends only what the user saw and confirmed.
  const run = locked.confirmed ? keepConfirmed(planned, locked.confirmed.emails) : planned;
  const allDue = dueNotices(snapshot, run, ports.store);
  const due = locked.confirmed ? keepConfirmedNotices(allDue, locked.confirmed.notices) : allDue;
  // Recovered rows go in the log first, with the first sends settled during the run if any.
  let pending: Recovery | null = recovery;
  const settleEarly = (lines: LogLine[], settled: string[]): void => {
    settle([...(pending?.lines ?? []), ...lines], [...(pending?.settled ?? []), ...settled], ports);
    pending = null;
  };
  const sent = sendPlanned(run, ports, { mode: options.mode, started: locked.started, settleEarly, claim });
  // The "promise missed" and thank-you emails, then the daily summary (docs/escalation.md).
  const notices = { snapshot, run, due, mode: options.mode, trigger: options.trigger, claim };
  const outcomes = withDailySummary(notices, sendNotices(sent, notices, ports), ports);
  const done = summarize(summary, run, outcomes);
  writeStatuses({ snapshot, run, histories: outcomes.histories, reread: outcomes.mailed }, ports);
  const rest = pending ?? { lines: [], settled: [], unknown: [] };
  settle(logLines(rest, outcomes, done), [...rest.settled, ...outcomes.settled.slice(outcomes.early.settled)], ports);
  const senderName = snapshot.config.settings.senderName;
  const after = options.mode === 'send' ? () => afterSending(ports, outcomes, { run, senderName, claim: null }) : null;
  return { result: { summary: done, view: { snapshot, run }, lockRefused: false }, after };
}

/** Appends log rows, then deletes the ledger entries they settle: the log now holds these sends. */
function settle(lines: LogLine[], settled: string[], ports: Ports): void {
  appendLog(lines, ports);
  ports.spreadsheet.flush();
  for (const id of settled) ports.store.delete(id);
}

function summarize(summary: RunSummary, run: RunPlan, outcomes: Outcomes): RunSummary {
  const stopped = outcomes.stop?.code === 'storeFull' ? `Sending stopped: ${outcomes.stop.message}.` : null;
  const warnings = stopped ? [...summary.warnings, stopped] : summary.warnings;
  return { ...summary, ...outcomes.counts, warnings, rowErrors: run.plan.rows.filter((r) => r.error !== null).length };
}

/** The log rows not yet appended: recovered sends, then this run's (those settled during the run excluded). */
function logLines(recovery: Pick<Recovery, 'lines'>, outcomes: Outcomes, summary: RunSummary): LogLine[] {
  const lines = [...recovery.lines, ...outcomes.lines.slice(outcomes.early.lines)];
  // A time-driven run has no one to show a toast to: its summary goes in the log instead.
  if (summary.trigger === 'daily') lines.push(runLine('summary', 'Daily run', summaryText(summary)));
  return lines;
}

function recordLastRun(ports: Ports, summary: RunSummary): void {
  try {
    ports.store.writeJson(LAST_RUN_KEY, {
      at: new Date(ports.now()).toISOString(),
      ...summary,
      warnings: summary.warnings.slice(0, 5),
    });
  } catch (err) {
    console.error(`Could not record the run outcome: ${errorMessage(err)}`);
  }
}

export function summaryText(s: RunSummary): string {
  if (s.stopped) return s.stopped;
  const verb =
    s.mode === 'preview' ? `Previewed ${s.previewed} follow-up${s.previewed === 1 ? '' : 's'} (nothing sent)` : `Sent ${s.sent}`;
  const parts = [verb, `${s.skipped} skipped`, `${s.queued} queued`, `${s.failed} failed`];
  if (s.rowErrors > 0) parts.push(`${s.rowErrors} row${s.rowErrors === 1 ? '' : 's'} with errors`);
  return parts.join(' · ');
}
