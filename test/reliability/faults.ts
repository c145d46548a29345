// The fault classes of the matrix and one faulted month (test/reliability/fault-matrix.test.ts and
// platforms.test.ts): the N-th call of one service method fails, before or after its effect.
import {
  DEFAULT_PLATFORM,
  MONTH_DAYS,
  monthViolations,
  newMonth,
  recordMonth,
  rowInvariants,
  runMonth,
  startAtCall,
  type Baseline,
  type FaultStart,
  type Month,
  type Platform,
  type RecordedMonth,
  type Tally,
} from './month';

export type When = 'before' | 'after';

export interface FaultClass {
  method: string;
  when: When;
  /** The Apps Script message the fault throws (default: the runtime's). */
  message?: string;
  /** At most this many of its calls are made to fail (spread over the month, first and last included). Default 3. */
  samples?: number;
  /** These calls of the month are made to fail (instead of `samples` spread evenly). */
  at?: number[];
  /**
   * The platform kills the execution at that call (the 6-minute limit) instead of the call failing:
   * every later call of that run is refused, and its spreadsheet writes not yet flushed are lost.
   */
  kill?: true;
}

/**
 * Every call site class of the issue; sendEmail both before it sends and after it sent. The samples
 * are the distinct situations, not every call (FAULT_MATRIX_FULL=1 fails every call). Of the
 * month's 19 sends: the first, the second of the same run, the second of a later two-send run, one
 * mid-month, the second of the last two-send run and the last (`SENDS`: each stage is among them).
 * Other classes fail on their first, middle and last call of the month.
 */
/** Sends of the fault-free month (see the baseline in fault-matrix.test.ts): 1–2, 4–5 and 13–14 share a run. */
const SENDS = [1, 2, 5, 10, 14, 19];

export const CLASSES: FaultClass[] = [
  { method: 'MailApp.sendEmail', when: 'before', at: SENDS },
  // MailApp refuses an over-quota send before sending, so a fault *after* a send that went out is
  // a timeout or a crash, never the quota message (the default message of this fault).
  { method: 'MailApp.sendEmail', when: 'after', at: SENDS, message: 'Service error: Gmail (the request timed out)' },
  // MailApp refusing an address before sending: nothing went out, so it may be retried.
  { method: 'MailApp.sendEmail', when: 'before', message: 'Invalid email: someone@client.test' },
  { method: 'Range.setValues', when: 'before' },
  { method: 'Sheet.appendRow', when: 'before' },
  // The store (the spreadsheet's developer metadata, README "Where the add-on keeps its data").
  { method: 'Spreadsheet.addDeveloperMetadata', when: 'before' },
  { method: 'DeveloperMetadata.setValue', when: 'before' },
  { method: 'DeveloperMetadata.remove', when: 'before' },
  { method: 'Spreadsheet.getDeveloperMetadata', when: 'before' },
  { method: 'Lock.tryLock', when: 'before' },
  { method: 'Range.getValues', when: 'before' },
  // Every daily run opens the spreadsheet once: a few days stand for all of them.
  { method: 'SpreadsheetApp.openById', when: 'before', message: 'Requested entity was not found.' },
  // Beyond the issue's list: writes that happened although the script heard an error.
  { method: 'Range.setValues', when: 'after' },
  { method: 'DeveloperMetadata.setValue', when: 'after' },
  { method: 'Spreadsheet.addDeveloperMetadata', when: 'after' },
  // Kills (README "Duplicates"): right after a send, before the status write, before the log append.
  { method: 'MailApp.sendEmail', when: 'after', kill: true, at: SENDS },
  { method: 'Range.setValues', when: 'before', kill: true },
  { method: 'Sheet.appendRow', when: 'before', kill: true, samples: 2 },
  { method: 'SpreadsheetApp.flush', when: 'after', kill: true },
];

/** FAULT_MATRIX_FULL=1 makes every call of every method fail in turn (a few minutes). */
export const FULL = process.env.FAULT_MATRIX_FULL === '1';

/** The calls of a class the default run makes fail, out of `count` in the month. */
export function callsToFail(c: FaultClass, count: number): number[] {
  if (FULL) return sample(count, Infinity);
  return c.at ? c.at.filter((n) => n <= count) : sample(count, c.samples ?? 3);
}

/** Spread `count` call numbers over at most `max` samples, first and last included. */
export function sample(count: number, max: number): number[] {
  if (count <= max) return Array.from({ length: count }, (_, i) => i + 1);
  const out = new Set<number>();
  for (let i = 0; i < max; i++) out.add(1 + Math.round((i * (count - 1)) / (max - 1)));
  return [...out];
}

/** A class in a few words, for test titles: `Range.setValues (kill before)`. */
export function classLabel(c: FaultClass): string {
  return `${c.method} (${c.kill ? 'kill ' : ''}${c.when})${c.message ? ` "${c.message}"` : ''}`;
}

/** Makes the `nth` call of the class's method fail (or kill its run), before or after its effect. */
function armFault(faults: Month['runtime']['faults'], c: FaultClass, nth: number): void {
  const options = c.message ? { message: c.message } : {};
  if (c.kill && c.when === 'before') faults.killBefore(c.method, nth);
  else if (c.kill) faults.killAfter(c.method, nth);
  else if (c.when === 'before') faults.failOn(c.method, nth, options);
  else faults.failAfter(c.method, nth, options);
}

export interface Outcome extends Tally {
  cls: FaultClass;
  method: string;
  when: When;
  nth: number;
  fired: boolean;
  throws: number;
  duplicates: number;
  violations: string[];
  runs: number;
  /** The month's end as data: every email (when, to whom, what), the statuses and the log. */
  end: string;
}

/** The fault-free month recorded for a baseline, with each day's row invariants (the days before a fault). */
interface Recording {
  recorded: RecordedMonth;
  daily: string[][];
}

const recordings = new WeakMap<Baseline, Recording>();

/** The row invariants after day `d` of the month (none on the settle days), in words. */
function dayProblems(t: Month, inputs: string[][], d: number): string[] {
  return d < MONTH_DAYS ? rowInvariants(t, inputs).map((p) => `(c) day ${d}: ${p}`) : [];
}

function recordingOf(baseline: Baseline, platform: Platform): Recording {
  let recording = recordings.get(baseline);
  if (!recording) {
    const t = newMonth(platform);
    const daily: string[][] = [];
    const recorded = recordMonth(t, (d) => {
      daily[d] = dayProblems(t, baseline.inputs, d);
    });
    recording = { recorded, daily };
    recordings.set(baseline, recording);
  }
  return recording;
}

/** Where the month starts: on the day of the faulted call (the default), or on the first day in a new runtime. */
function startOf(c: FaultClass, nth: number, recording: Recording, from: 'fault-day' | 'first-day', platform: Platform) {
  if (from === 'fault-day') return startAtCall(recording.recorded, c.method, nth);
  return { t: newMonth(platform), from: 0, nth, runsBefore: 0 };
}

/**
 * Runs a faulted month from its start (month.ts, startAtCall) to its settle days, the class's fault
 * armed on the start's call; `fired` says whether it fired within the month.
 */
export function runFaultedMonth(start: FaultStart, c: FaultClass, afterDay?: (day: number) => void) {
  const faults = start.t.runtime.faults;
  armFault(faults, c, start.nth);
  let fired = false;
  const result = runMonth(start.t, {
    from: start.from,
    ...(afterDay ? { afterDay } : {}),
    beforeSettle: () => {
      fired = faults.pending().length === 0;
      faults.clear();
    },
  });
  return { fired, result };
}

/**
 * The month with the `nth` call of the class failing, checked against the baseline. It starts on
 * the day of that call from the fault-free month's state (month.ts, recordMonth); `from:
 * 'first-day'` runs it whole instead (the matrix checks that both end the same).
 */
export function runWithFault(
  c: FaultClass,
  nth: number,
  baseline: Baseline,
  platform: Platform = DEFAULT_PLATFORM,
  from: 'fault-day' | 'first-day' = 'fault-day',
): Outcome {
  const recording = recordingOf(baseline, platform);
  const start = startOf(c, nth, recording, from, platform);
  const { t } = start;
  const daily: string[] = recording.daily.slice(0, start.from).flat();
  const { fired, result } = runFaultedMonth(start, c, (d) => daily.push(...dayProblems(t, baseline.inputs, d)));
  const tally: Tally = { onTime: 0, delayed: 0, heldForReview: 0, loggedNotSent: 0 };
  const all = [...new Set(daily)].concat(monthViolations(t, baseline, tally));
  const violations = all;
  const duplicates = violations.filter((v) => v.startsWith('(a) duplicate')).length;
  return {
    cls: c,
    method: c.method,
    when: c.when,
    nth,
    fired,
    throws: result.throws.length,
    duplicates,
    violations,
    runs: start.runsBefore + result.runs,
    end: JSON.stringify({
      mails: t.sent().map(({ at, to, cc, subject, text }) => [at, to, cc, subject, text]),
      statuses: t.statuses(),
      log: t.log(),
    }),
    ...tally,
  };
}
