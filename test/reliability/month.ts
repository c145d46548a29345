// A month of daily follow-ups over a mixed sheet, and the invariants every run of it must keep
// whatever fails along the way. Shared by the fault matrix and the security checks.
import type { RuntimeState } from '../../local';
import { addDays, setUp, type Row } from '../integration/harness';

export const START = '2026-11-02';
export const TIME_ZONE = 'America/New_York';
/** Days the daily trigger runs in the month (faults are counted over these). */
export const MONTH_DAYS = 35;
/** Extra fault-free days after the month, so a fault on the last day can still settle. */
export const SETTLE_DAYS = 2;
/** Days on which a second (overlapping) run finds the document lock held by another execution. */
export const OVERLAP_DAYS = [4, 18];

export const MONTH_ROWS: Row[] = [
  // On time: every stage, billing contact for escalate/formal.
  {
    invoice: 'INV-101',
    client: 'Northwind',
    contact: 'Pat',
    email: 'pat@northwind.test',
    billing: 'ap@northwind.test',
    due: START,
    amount: 2400,
  },
  // First seen ten days late: catch-up (firm only); no billing contact (the escalation asks the usual contact to pass it on).
  { invoice: 'INV-102', client: 'Contoso', email: 'kim@contoso.test', due: addDays(START, -10), amount: 800 },
  // Partly paid: emails quote the balance.
  {
    invoice: 'INV-103',
    client: 'Fabrikam',
    email: 'lee@fabrikam.test',
    billing: 'billing@fabrikam.test',
    due: addDays(START, 3),
    amount: 3000,
    paid: 1000,
  },
  { invoice: 'INV-104', client: 'Paused Co', email: 'ops@paused.test', due: addDays(START, -5), paused: true },
  { invoice: 'INV-105', client: 'Paid Co', email: 'ops@paid.test', due: addDays(START, -2), paidDate: addDays(START, -1) },
  {
    invoice: 'INV-106',
    client: 'Tailspin',
    email: 'ana@tailspin.test',
    billing: 'ap@tailspin.test',
    due: addDays(START, 12),
    amount: 500,
  },
  { invoice: 'INV-107', client: 'Wingtip', email: 'joe@wingtip.test; sue@wingtip.test', due: addDays(START, 20), amount: 120 },
  // 25 days late when first seen: the formal notice only, then the decision.
  {
    invoice: 'INV-108',
    client: 'Litware',
    email: 'max@litware.test',
    billing: 'pay@litware.test',
    due: addDays(START, -25),
    amount: 9000,
  },
  { invoice: 'INV-109', client: 'Broken', email: 'bob@@broken.test', due: START },
  // Disputed before the month starts: never emailed.
  { invoice: 'INV-110', client: 'Adatum', email: 'eve@adatum.test', due: addDays(START, -3), amount: 700 },
];

/** Rows whose status never changes over the month, whatever happens. */
export const FIXED_STATUS: Record<string, RegExp> = {
  'INV-104': /^Paused$/,
  'INV-105': /^Paid$/,
  'INV-109': /^Error: Email 'bob@@broken\.test' is not a valid address/,
  'INV-110': /^Disputed$/,
};

export type EmailStage = 'nudge' | 'reminder' | 'firm' | 'escalate' | 'formal';

/** Each default template says something only it says. */
const STAGE_MARKERS: Array<[EmailStage, RegExp]> = [
  ['nudge', /A quick courtesy note/],
  ['reminder', /in case it slipped through/],
  ['firm', /Please confirm the payment status by/],
  // With a billing contact / without one (to the usual contact, asking them to pass it on).
  ['escalate', /accounts payable \/ billing contact|pass this message to whoever handles payments/],
  ['formal', /This is a formal notice/],
];

export interface MailFact {
  invoice: string;
  stage: EmailStage | 'unknown';
  /** Calendar day of the send in the spreadsheet's zone. */
  day: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
}

// One formatter for every call: the invariants read the day of each email after every run.
const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const dayIn = (iso: string): string => DAY_FORMAT.format(new Date(iso));

/** Emails to the user themselves (the daily summary, the add-on's alerts): not follow-ups. */
export function ownerMails(t: Month): typeof t.runtime.mail.sent {
  const self = t.runtime.options.userEmail;
  return t.runtime.mail.sent.filter((m) => m.to.length === 1 && m.to[0] === self);
}

/** The follow-ups sent to clients (emails to the user themselves left out). */
export function mailFacts(t: Month): MailFact[] {
  const own = new Set(ownerMails(t));
  return t.runtime.mail.sent
    .filter((m) => !own.has(m))
    .map((m) => ({
      invoice: /^Invoice (\S+) from /.exec(m.subject)?.[1] ?? '?',
      stage: STAGE_MARKERS.find(([, re]) => re.test(m.body))?.[0] ?? 'unknown',
      day: dayIn(m.at),
      to: m.to,
      cc: m.cc,
      bcc: m.bcc,
      subject: m.subject,
    }));
}

export type Month = ReturnType<typeof setUp>;

/** The sheet, the dispute, the trigger: everything up to (not including) the first daily run. */
/** The platform behaviours nobody documents (local/README.md): the month must hold in each. */
export interface Platform {
  /** An add-on's time-driven run gets the document's property store and lock. */
  triggerDocumentContext: boolean;
  /** getUserTriggers(spreadsheet) lists the add-on's clock triggers. */
  userTriggersListClock: boolean;
}

export const DEFAULT_PLATFORM: Platform = { triggerDocumentContext: true, userTriggersListClock: true };
export const OTHER_PLATFORMS: Platform[] = [
  { triggerDocumentContext: false, userTriggersListClock: true },
  { triggerDocumentContext: true, userTriggersListClock: false },
  { triggerDocumentContext: false, userTriggersListClock: false },
];

export function platformName(p: Platform): string {
  return `${p.triggerDocumentContext ? 'with' : 'without'} document context, clock triggers ${p.userTriggersListClock ? '' : 'not '}listed per document`;
}

export function newMonth(platform: Platform = DEFAULT_PLATFORM): Month {
  const t = setUp({ today: START, rows: MONTH_ROWS, timeZone: TIME_ZONE, runtime: { ...platform } });
  t.runtime.addSheet('Dispute Notes', [
    ['Timestamp', 'Invoice', 'Event', 'Note'],
    [{ date: addDays(START, -2) }, 'INV-110', 'Dispute opened', 'says the last milestone is not delivered'],
  ]);
  t.ensureTrigger();
  t.runtime.calls.reset();
  return t;
}

export interface DayHooks {
  /** The first day to run (index from 0; default 0): the runtime holds that day's start (see recordMonth). */
  from?: number;
  /** Called before each day's runs (day index from 0), with the daily trigger executions so far. */
  beforeDay?: (day: number, runs: number) => void;
  /** Called after each daily run (day index from 0). */
  afterDay?: (day: number) => void;
  /** Called before the settle days start (faults cleared there). */
  beforeSettle?: () => void;
}

export interface MonthResult {
  /** Errors thrown out of dailyFollowUps (the loader's runTrigger rethrows them). */
  throws: string[];
  /** Daily trigger executions, the overlapping ones included. */
  runs: number;
  /** Service call counts over the month (settle days excluded). */
  calls: Record<string, number>;
}

/** Runs the daily trigger at 09:00 every day of the month, then the settle days. */
export function runMonth(t: Month, hooks: DayHooks = {}): MonthResult {
  const throws: string[] = [];
  let runs = 0;
  const daily = (): void => {
    runs++;
    try {
      t.daily();
    } catch (err) {
      throws.push(String(err));
    }
  };
  let calls: Record<string, number> = {};
  for (let d = hooks.from ?? 0; d < MONTH_DAYS + SETTLE_DAYS; d++) {
    if (d === MONTH_DAYS) {
      calls = t.runtime.calls.byName();
      hooks.beforeSettle?.();
    }
    hooks.beforeDay?.(d, runs);
    t.goTo(addDays(START, d));
    daily();
    if (OVERLAP_DAYS.includes(d)) {
      // Another execution holds the lock (the document's, or without one the user's): this second run must send nothing.
      t.goTo(addDays(START, d), 10);
      t.runtime.locks.holdDocumentLock();
      t.runtime.locks.holdUserLock();
      daily();
      t.runtime.locks.releaseHeld();
    }
    hooks.afterDay?.(d);
  }
  return { throws, runs, calls };
}

// ---- a faulted month starts on its fault's day ------------------------------------------------

/** The fault-free month at the start of one of its days. */
interface DayStart {
  state: RuntimeState;
  /** Service calls of the month before that day, by method. */
  calls: Record<string, number>;
  /** Daily trigger executions before that day. */
  runs: number;
}

/**
 * A fault-free month run in a runtime of its own, its state saved at the start of every day. A
 * faulted month is the same as the fault-free one up to the day its fault fires, so it starts
 * there (startAtCall) instead of on the first day: about 40% fewer daily runs in the fault matrix.
 * test/local/runtimeState.test.ts checks that a restored runtime runs exactly as the first time.
 */
export interface RecordedMonth {
  month: Month;
  days: DayStart[];
}

/** Runs `t` (fresh from newMonth) fault-free, saving each day's start; afterDay sees each day as in runMonth. */
export function recordMonth(t: Month, afterDay?: (day: number) => void): RecordedMonth {
  const days: DayStart[] = [];
  const result = runMonth(t, {
    beforeDay: (d, runs) => {
      if (d < MONTH_DAYS) days.push({ state: t.runtime.saveState(), calls: t.runtime.calls.byName(), runs });
    },
    ...(afterDay ? { afterDay } : {}),
  });
  if (result.throws.length > 0) throw new Error(`the fault-free month threw: ${result.throws.join('; ')}`);
  return { month: t, days };
}

/** Where a faulted month starts: the runtime back at that day's start, and which call of the rest to fail. */
export interface FaultStart {
  t: Month;
  /** The day (index from 0) whose runs make the call; the last day when the month makes fewer calls. */
  from: number;
  /** The call to fail, counted from that day's start. */
  nth: number;
  /** Daily trigger executions before that day (all fault-free). */
  runsBefore: number;
}

/** Puts the recorded month's runtime back at the start of the day that makes the `nth` call of `method`. */
export function startAtCall(recorded: RecordedMonth, method: string, nth: number): FaultStart {
  let from = 0;
  recorded.days.forEach((day, d) => {
    if ((day.calls[method] ?? 0) < nth) from = d;
  });
  const day = recorded.days[from]!;
  recorded.month.runtime.restoreState(day.state);
  return { t: recorded.month, from, nth: nth - (day.calls[method] ?? 0), runsBefore: day.runs };
}

const INPUT_COLUMNS = 13;

/** The input cells (display values) of every row, to check nothing but the status columns is written. */
export function inputCells(t: Month): string[][] {
  return t.runtime
    .sheet('Invoices')
    .displayRows()
    .map((r) => r.slice(0, INPUT_COLUMNS));
}

export const LOG_HEADERS = ['Timestamp', 'Invoice', 'Client', 'Stage', 'Recipients', 'Subject', 'Result', 'Gmail Thread'];

/** Whether the Follow-up Log exists without its header row (row 1 is a log line). */
export function logIsHeaderless(t: Month): boolean {
  if (!t.runtime.hasSheet('Follow-up Log')) return false;
  const first = t.runtime.sheet('Follow-up Log').displayRows()[0] ?? [];
  return first.length > 0 && first[0] !== 'Timestamp';
}

/**
 * The Follow-up Log as records. Columns by position (the add-on's layout), so a log whose
 * header row is missing is still read in full rather than losing its first line.
 */
export function logRows(t: Month): Record<string, string>[] {
  if (!t.runtime.hasSheet('Follow-up Log')) return [];
  const rows = t.runtime.sheet('Follow-up Log').displayRows();
  const data = logIsHeaderless(t) ? rows : rows.slice(1);
  return data.map((row) => Object.fromEntries(LOG_HEADERS.map((h, i) => [h, row[i] ?? ''])));
}

/**
 * Checks that hold at any moment of the month: fixed rows keep their status, no Stage names an
 * email that did not go out for that invoice, and the input cells are untouched (nothing written
 * to another row). Returns the violations in words.
 */
export function rowInvariants(t: Month, initialInputs: string[][]): string[] {
  const problems: string[] = [];
  const inputs = inputCells(t);
  if (JSON.stringify(inputs) !== JSON.stringify(initialInputs)) problems.push('input cells changed');
  const mailed = new Map<string, Set<string>>();
  for (const m of mailFacts(t)) {
    if (!mailed.has(m.invoice)) mailed.set(m.invoice, new Set());
    mailed.get(m.invoice)!.add(m.stage);
  }
  for (const [invoice, s] of Object.entries(t.statuses())) {
    const status = s.Status ?? '';
    const stage = s.Stage ?? '';
    const fixed = FIXED_STATUS[invoice];
    if (fixed && status !== '' && !fixed.test(status)) problems.push(`${invoice}: status '${status}' (expected ${fixed})`);
    if (fixed && stage !== '') problems.push(`${invoice}: stage '${stage}' on a row that is never emailed`);
    if (stage !== '' && !mailed.get(invoice)?.has(stage))
      problems.push(`${invoice}: Stage '${stage}' but no ${stage} email went out for it`);
    if (/undefined|NaN|\[object/.test(status)) problems.push(`${invoice}: status '${status}'`);
  }
  return problems;
}

// ---- the invariants of a month against its fault-free baseline (the fault matrix) ----------------

export const key = (m: Pick<MailFact, 'invoice' | 'stage'>): string => `${m.invoice}:${m.stage}`;

/** What the fault-free month did: every faulted month is checked against it. */
export interface Baseline {
  mails: MailFact[];
  byKey: Map<string, MailFact>;
  inputs: string[][];
  statuses: Record<string, Record<string, string>>;
}

export function baselineOf(t: Month, inputs: string[][]): Baseline {
  const mails = mailFacts(t);
  return { mails, byKey: new Map(mails.map((m) => [key(m), m])), inputs, statuses: t.statuses() };
}

export interface Tally {
  /** Baseline emails that went out on their day / later / not at all but held for review / logged as failed or queued. */
  onTime: number;
  delayed: number;
  heldForReview: number;
  loggedNotSent: number;
}

export function monthViolations(t: Month, base: Baseline, tally?: Tally): string[] {
  const problems: string[] = [];
  if (logIsHeaderless(t)) problems.push('(log) the Follow-up Log has no header row');
  const mails = mailFacts(t);
  const log = logRows(t);
  const statuses = t.statuses();
  const logFor = (invoice: string, stage: string, re: RegExp): boolean =>
    log.some((r) => r.Invoice === invoice && r.Stage === stage && re.test(r.Result ?? ''));

  // (a) no (invoice, stage) twice
  const seen = new Map<string, number>();
  for (const m of mails) {
    if (m.stage === 'unknown') problems.push(`(a) an email whose stage is unknown: ${m.subject}`);
    seen.set(key(m), (seen.get(key(m)) ?? 0) + 1);
  }
  for (const [k, n] of seen) if (n > 1) problems.push(`(a) duplicate: ${k} sent ${n} times`);

  // (b) every baseline email is accounted for; nothing else went out
  for (const b of base.mails) {
    const sent = mails.find((m) => key(m) === key(b));
    if (sent) {
      if (sent.day < b.day) problems.push(`(b) ${key(b)} went out early (${sent.day}, baseline ${b.day})`);
      else if (tally) tally[sent.day === b.day ? 'onTime' : 'delayed']++;
      if (JSON.stringify([sent.to, sent.cc]) !== JSON.stringify([b.to, b.cc]))
        problems.push(`(b) ${key(b)} went to other recipients`);
    } else if (statuses[b.invoice]?.Status === 'Needs review') {
      if (tally) tally.heldForReview++;
    } else if (logFor(b.invoice, b.stage, /^(failed|queued): \S/)) {
      if (tally) tally.loggedNotSent++;
    } else problems.push(`(b) ${key(b)} never went out and nothing says why (status '${statuses[b.invoice]?.Status}')`);
  }
  for (const m of mails)
    if (!base.byKey.has(key(m))) problems.push(`(b) ${key(m)} went out on ${m.day}, the fault-free month never sent it`);

  // (c) statuses: fixed rows, Stage only names stages emailed for that invoice, input cells intact;
  // at the end every row shows what it shows in the fault-free month, or Needs review.
  problems.push(...rowInvariants(t, base.inputs).map((p) => `(c) ${p}`));
  for (const [invoice, s] of Object.entries(base.statuses)) {
    const now = statuses[invoice]?.Status;
    if (now !== s.Status && now !== 'Needs review')
      problems.push(`(c) ${invoice}: final status '${now}', fault-free month '${s.Status}'`);
    if (
      now === 'Needs review' &&
      !log.some((r) => r.Invoice === invoice && /^failed: .*may or may not have gone out/.test(r.Result ?? ''))
    ) {
      problems.push(`(c) ${invoice} is Needs review but no log row says why`);
    }
  }

  // (d) every email sent has its log row
  for (const m of mails) {
    if (!logFor(m.invoice, m.stage, /^sent$/) && !logFor(m.invoice, m.stage, /^failed: .*may or may not have gone out/)) {
      problems.push(`(d) ${key(m)} was sent on ${m.day} but the log has no sent/failed row for it`);
    }
  }
  const sentRows = log.filter((r) => r.Result === 'sent');
  for (const r of sentRows)
    if (!mails.some((m) => m.invoice === r.Invoice && m.stage === r.Stage))
      problems.push(`(d) log says ${r.Invoice}:${r.Stage} sent, no such email`);
  const sentRowKeys = sentRows.map((r) => `${r.Invoice}:${r.Stage}`);
  if (new Set(sentRowKeys).size !== sentRowKeys.length)
    problems.push(`(d) duplicate sent rows in the log: ${sentRowKeys.join(', ')}`);

  // (f) emails to the user: the summary and each alert at most once a day
  const ownSeen = new Set<string>();
  for (const m of ownerMails(t)) {
    const k = `${dayIn(m.at)} ${m.subject.replace(/^Invoice follow-ups today: .*/, 'summary')}`;
    if (ownSeen.has(k)) problems.push(`(f) an email to you went twice on one day: ${k}`);
    ownSeen.add(k);
  }

  // (e) is checked by the caller (the openById class has a test of its own)
  return problems;
}
