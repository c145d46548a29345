// Fault matrix (issue "Prove it"): a month of daily runs, once fault-free, then once per fault —
// the N-th call of one service method over the whole month fails (before or after its effect) —
// and after each faulted month the invariants are checked against the fault-free one:
// (a) no (invoice, stage) email twice; (b) every baseline email went out (maybe later) or its row
// is held for review / logged as failed or queued, and nothing else went out; (c) statuses land on
// their own rows; (d) every email sent has its log row; (e) dailyFollowUps never throws.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addDays, setUp, type Row } from '../integration/harness';
import { FIXED_STATUS, inputCells, logRows, newMonth, rowInvariants, runMonth, baselineOf, key, monthViolations } from './month';
import { callsToFail, CLASSES, runWithFault, type FaultClass, type Outcome } from './faults';

// ---- the fault-free month ----------------------------------------------------------------------

const base = newMonth();
const baseInputs = inputCells(base);
const baseRun = runMonth(base);
const baseline = baselineOf(base, baseInputs);
const baseMails = baseline.mails;
const baseStatuses = baseline.statuses;

describe('the fault-free month (baseline)', () => {
  it('sends every stage it should, once, and keeps its own invariants', () => {
    expect(baseRun.throws).toEqual([]);
    expect(baseMails.map((m) => `${m.day} ${key(m)}`)).toEqual([
      '2026-11-02 INV-108:formal',
      '2026-11-02 INV-102:firm',
      '2026-11-03 INV-101:reminder',
      '2026-11-06 INV-102:escalate',
      '2026-11-06 INV-103:reminder',
      '2026-11-09 INV-101:firm',
      '2026-11-12 INV-103:firm',
      '2026-11-13 INV-102:formal',
      '2026-11-15 INV-106:reminder',
      '2026-11-16 INV-101:escalate',
      '2026-11-19 INV-103:escalate',
      '2026-11-21 INV-106:firm',
      '2026-11-23 INV-101:formal',
      '2026-11-23 INV-107:reminder',
      '2026-11-26 INV-103:formal',
      '2026-11-28 INV-106:escalate',
      '2026-11-29 INV-107:firm',
      '2026-12-05 INV-106:formal',
      '2026-12-06 INV-107:escalate',
    ]);
    expect(rowInvariants(base, baseInputs)).toEqual([]);
    expect(monthViolations(base, baseline)).toEqual([]);
    for (const [invoice, re] of Object.entries(FIXED_STATUS)) expect(baseStatuses[invoice]?.Status).toMatch(re);
    expect(base.sent().find((m) => m.subject.includes('INV-103'))?.text).toContain('$2,000.00'); // the balance
    // The overlapping runs found the lock held, sent nothing and said so.
    expect(logRows(base).filter((r) => /^skipped: Another follow-up run is in progress/.test(r.Result ?? ''))).toHaveLength(2);
  });

  it('calls every service the matrix injects faults into', () => {
    expect(CLASSES.filter((c) => !(baseRun.calls[c.method]! > 0)).map((c) => c.method)).toEqual([]);
  });

  // Each faulted month starts on its fault's day from the fault-free month's saved state
  // (month.ts, recordMonth): it must end exactly as the same month run from its first day.
  it.each([
    ['a send killed mid-month', CLASSES.find((c) => c.kill && c.method === 'MailApp.sendEmail')!, 10],
    [
      'a store write failing after its effect, late in the month',
      CLASSES.find((c) => c.method === 'DeveloperMetadata.setValue' && c.when === 'after')!,
      40,
    ],
  ] as const)('%s: the month started on the fault day ends as the month run from day 1', (_title, c, nth) => {
    const fromFaultDay = runWithFault(c, nth, baseline);
    const whole = runWithFault(c, nth, baseline, undefined, 'first-day');
    expect(whole.fired).toBe(true);
    expect(fromFaultDay).toEqual(whole);
  });
});

// ---- invariants of one faulted month -------------------------------------------------------------

// ---- the matrix ------------------------------------------------------------------------------------

const outcomes: Outcome[] = [];
let runsTotal = baseRun.runs;

const title = (c: FaultClass): string =>
  c.kill
    ? `the run killed ${c.when} ${c.method}`
    : `fault on ${c.method} (${c.when === 'before' ? 'fails before its effect' : 'fails after its effect'}${c.message ? `: "${c.message}"` : ''})`;

describe.each(CLASSES.map((c) => [title(c), c] as const))('%s', (_title, c) => {
  const total = baseRun.calls[c.method] ?? 0;
  const ns = callsToFail(c, total);
  it(`${ns.length} of its ${total} calls in the month fail in turn; the invariants hold after each`, () => {
    const failures: string[] = [];
    for (const nth of ns) {
      const o = runWithFault(c, nth, baseline);
      outcomes.push(o);
      runsTotal += o.runs;
      if (!o.fired) failures.push(`call ${nth}: the fault never fired`);
      for (const v of o.violations) failures.push(`call ${nth}: ${v}`);
      // A killed run ends in the platform's exception: that is the kill, not the add-on throwing.
      if (c.method !== 'SpreadsheetApp.openById' && !c.kill && o.throws > 0)
        failures.push(`call ${nth}: (e) dailyFollowUps threw ${o.throws} time(s)`);
    }
    expect(failures).toEqual([]);
  });
});

// ---- product bugs the matrix found (minimal repros) ------------------------------------------------

const DUE = '2026-11-02';

describe('product bugs the matrix found (fixed; each test failed before the fix)', () => {
  // Was a product bug, fixed (src/app/menu.ts runDaily → src/gas/triggers.ts spreadsheetForTrigger): when
  // SpreadsheetApp.openById throws (the spreadsheet was deleted, or its owner lost access:
  // "Requested entity was not found."), the exception escapes dailyFollowUps. Nothing is logged
  // (runtime.logs stays empty) and no lastRun is written, whereas the null case of the same
  // function logs a console.error and returns. Expected: no throw, the reason recorded, nothing sent.
  it('the trigger cannot open its spreadsheet (deleted): dailyFollowUps records why and does not throw', () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }] });
    t.ensureTrigger();
    t.runtime.faults.failOn('SpreadsheetApp.openById', 1, { message: 'Requested entity was not found.', times: 100 });
    expect(() => t.daily()).not.toThrow();
    // No follow-up; one email to the owner saying which spreadsheet and what to do (README "When the platform refuses").
    expect(t.sent().map((m) => m.to)).toEqual([['me@example.com']]);
    const lastRun = t.stored('lastRun') === null ? null : JSON.stringify(t.stored('lastRun'));
    const logged = t.runtime.logs.some((l) => /spreadsheet|not found/i.test(l.message));
    expect(logged || (lastRun !== null && /stopped/.test(lastRun))).toBe(true);
  });

  // The Follow-up Log is created with insertSheet, then its header is written with a separate
  // setValues. If that write fails (any transient Sheets error), the sheet would exist without a
  // header; the next append (src/app/log.ts) puts it back. Without that, the next run appends
  // log lines from row 1, the user sees a log with no header, and parseLogRows skips row 1 as if
  // it were the header, so the add-on forgets that line (a `sent` row there is lost from the
  // send memory). Found by the matrix: Range.setValues, 1st call of the month.
  it('a failed header write: the next run puts the Follow-up Log header back', () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }] });
    t.ensureTrigger();
    t.runtime.faults.failOn('Range.setValues', 1); // the first write of the first run: the log header
    t.daily();
    t.goTo(addDays(DUE, 2));
    t.daily();
    expect(t.runtime.sheet('Follow-up Log').displayRows()[0]?.slice(0, 7)).toEqual([
      'Timestamp',
      'Invoice',
      'Client',
      'Stage',
      'Recipients',
      'Subject',
      'Result',
    ]);
  });
});

// ---- interleaved runs ------------------------------------------------------------------------------

describe('two runs at once', () => {
  it('menu Run follow-ups while a trigger run holds the lock: sends nothing, says so; runs normally once the lock is free', () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }] });
    t.runtime.locks.holdDocumentLock();
    // The confirmation comes before any lock is taken (no dialog under a lock), then the lock is refused.
    t.runtime.ui.respondWith('YES', 'OK');
    t.addon.call('runFollowUps');
    expect(t.sent()).toHaveLength(0);
    expect(t.runtime.ui.alerts.at(-1)?.prompt).toMatch(/Another follow-up run is in progress/);
    expect(logRows(t).at(-1)?.Result).toMatch(/^skipped: Another follow-up run is in progress/);
    t.runtime.locks.releaseHeld();
    t.runtime.ui.respondWith('YES');
    t.addon.call('runFollowUps');
    expect(t.sent()).toHaveLength(1);
    expect(t.statuses().A).toMatchObject({ Status: 'Overdue', Stage: 'reminder' });
  });

  function nestedScenario(nestedRun: (t: ReturnType<typeof setUp>) => void) {
    const rows: Row[] = ['A', 'B', 'C'].map((invoice) => ({ invoice, due: DUE }));
    const t = setUp({ today: addDays(DUE, 1), rows });
    t.ensureTrigger();
    let nested = 'not started';
    t.runtime.faults.beforeCall('MailApp.sendEmail', 2, () => {
      try {
        nestedRun(t);
        nested = 'returned';
      } catch (err) {
        nested = `threw ${String(err)}`;
      }
    });
    t.daily();
    return { t, nested };
  }

  /** The user clicks Run follow-ups in the open spreadsheet: another execution, with its own context. */
  const menuRunElsewhere = (t: ReturnType<typeof setUp>): void => {
    const id = t.runtime.spreadsheets.list()[0]!.id;
    t.runtime.setActiveSpreadsheet(id);
    t.runtime.setUiAvailable(true);
    t.runtime.setDocumentContext(undefined);
    try {
      t.addon.call('runFollowUps');
    } finally {
      t.runtime.setActiveSpreadsheet(null);
      t.runtime.setUiAvailable(false);
      t.runtime.setDocumentContext(id);
    }
  };

  it("a menu run started in the middle of a trigger run's sends finds the lock held: nothing twice", () => {
    const { t, nested } = nestedScenario((t) => {
      t.runtime.ui.respondWith('OK'); // the lock alert (the in-flight send is not asked about)
      menuRunElsewhere(t);
    });
    expect(nested).toBe('returned');
    expect(t.runtime.ui.alerts.at(-1)?.prompt).toMatch(/Another follow-up run is in progress/);
    expect(t.sent().map((m) => m.subject)).toEqual([
      'Invoice A from Sam Rivera',
      'Invoice B from Sam Rivera',
      'Invoice C from Sam Rivera',
    ]);
    expect(
      logRows(t)
        .filter((r) => r.Result === 'sent')
        .map((r) => r.Invoice),
    ).toEqual(['A', 'B', 'C']);
    expect(logRows(t).filter((r) => /^skipped: Another follow-up run/.test(r.Result ?? ''))).toHaveLength(1);
    expect(Object.values(t.statuses()).map((s) => `${s.Status}/${s.Stage}`)).toEqual([
      'Overdue/reminder',
      'Overdue/reminder',
      'Overdue/reminder',
    ]);
    t.goTo(addDays(DUE, 2));
    t.daily();
    expect(t.sent()).toHaveLength(3);
  });

  // Was a product bug (fixed): the menu asked about "unsure" sends before it takes the document lock, and counts ledger entries
  // in state `sending` as unsure. While another execution (the daily trigger) is sending, its
  // in-flight entry is shown to the user as "may not have been sent, because the run was
  // interrupted" — untrue — and the answer is then dropped without a word (settleUnsureSend cannot
  // get the lock and askAboutUnsureSends ignores its false result); had the trigger run finished
  // while the dialog was open, a "Yes" would add a second `sent` log row for that email.
  // Repro: 3 invoices due yesterday; during the trigger run's 2nd MailApp.sendEmail, call
  // runFollowUps from the menu: the first dialog is "Was this follow-up sent? Invoice B …".
  // Expected: only the "another run is in progress" alert (ask about unsure sends under the lock).
  it('the menu run does not ask about an email another execution is sending right now', () => {
    const { t } = nestedScenario((t) => {
      t.runtime.ui.respondWith('OK');
      menuRunElsewhere(t);
    });
    const shownByTheMenuRun = t.runtime.ui.alerts
      .filter((a) => !['Turn on daily follow-ups?', 'Daily follow-ups are on'].includes(a.title))
      .map((a) => a.prompt);
    expect(shownByTheMenuRun).toEqual([expect.stringMatching(/Another follow-up run is in progress/)]);
  });

  it('a second trigger execution started mid-send sends nothing and logs that it was locked out', () => {
    const { t, nested } = nestedScenario((t) => t.daily());
    expect(nested).toBe('returned');
    expect(t.sent()).toHaveLength(3);
    expect(new Set(t.sent().map((m) => m.subject)).size).toBe(3);
    expect(logRows(t).filter((r) => /^skipped: Another follow-up run/.test(r.Result ?? ''))).toHaveLength(1);
    // Next day nothing is resent.
    t.goTo(addDays(DUE, 2));
    t.daily();
    expect(t.sent()).toHaveLength(3);
  });
});

// ---- the sheet edited while a run is under way -----------------------------------------------------

describe('rows inserted, deleted and sorted between read and write: statuses land on their own invoice', () => {
  const rows: Row[] = [
    { invoice: 'C', due: addDays(DUE, -13) },
    { invoice: 'A', due: DUE },
    { invoice: 'B', due: addDays(DUE, -6), paused: true },
    { invoice: 'D', due: addDays(DUE, -6), billing: 'ap@d.test' },
    { invoice: 'E', due: addDays(DUE, 5) },
  ];
  const NEW = ['NEW', 'Newco', '', 'new@x.test', '', 5, '', 'USD', '', { date: DUE }, '', false, ''];
  type T = ReturnType<typeof setUp>;
  // The RawSheet is taken before the run: inside a trigger run there is no active spreadsheet.
  const edit = (sheet: ReturnType<T['runtime']['sheet']>): void => {
    sheet.sortBy(1, { ascending: false }); // E, D, C, B, A
    sheet.insertRowAt(3, NEW); // E, NEW, D, C, B, A
    sheet.deleteRowAt(5); // C
  };
  /** Day 1 run (statuses and log exist), then the day-8 run with the edit at `point`. */
  function scenario(point: { method: string; nth: number } | null): { t: T; byInvoice: Record<string, string> } {
    const t = setUp({ today: addDays(DUE, 1), rows });
    t.daily();
    t.goTo(addDays(DUE, 8));
    const sheet = t.runtime.sheet('Invoices');
    if (point) t.runtime.faults.beforeCall(point.method, point.nth, () => edit(sheet));
    t.daily();
    if (!point) edit(sheet); // the control: the same edit, after the run
    const cols = ['Status', 'Stage', 'Days Overdue', 'Last Follow-up', 'Next Follow-up'];
    const byInvoice = Object.fromEntries(Object.entries(t.statuses()).map(([k, s]) => [k, cols.map((c) => s[c]).join(' | ')]));
    return { t, byInvoice };
  }
  const control = scenario(null);

  it('the control run (edit after the run) sends and writes as expected', () => {
    expect(control.byInvoice).toMatchObject({
      A: 'Overdue | firm | 8 | 2026-11-10 | 2026-11-16',
      B: 'Paused |  | 14 |  | ',
      D: 'Call client | escalate | 14 | 2026-11-10 | 2026-11-17',
      E: 'Overdue | reminder | 3 | 2026-11-10 | 2026-11-14',
      NEW: ' |  |  |  | ',
    });
  });

  it.each([
    { method: 'Range.getValues', nth: 2 }, // the log read, after the invoice sheet was read
    // The run's claim is its first new entry (before it reads the sheet); the first ledger entry is the second.
    { method: 'Spreadsheet.addDeveloperMetadata', nth: 2 }, // the first ledger entry (before the first send)
    { method: 'MailApp.sendEmail', nth: 1 },
    { method: 'MailApp.sendEmail', nth: 3 },
    { method: 'DeveloperMetadata.setValue', nth: 3 }, // the second email's ledger entry, after it was sent
    { method: 'Range.getValues', nth: 3 }, // the re-read before the status write
    { method: 'Range.setValues', nth: 2 }, // the log append, after the status write
  ])('edited before $method #$nth', (point) => {
    const { t, byInvoice } = scenario(point);
    expect(t.runtime.calls.count(point.method)).toBeGreaterThanOrEqual(point.nth); // the edit happened
    expect(Object.keys(t.statuses())).toEqual(['E', 'NEW', 'D', 'B', 'A']);
    expect(byInvoice).toEqual(
      expect.objectContaining({ A: control.byInvoice.A, B: control.byInvoice.B, D: control.byInvoice.D, E: control.byInvoice.E }),
    );
    expect(byInvoice.NEW).toBe(' |  |  |  | ');
    expect(
      t
        .sent()
        .map((m) => m.subject.split(' ')[1])
        .sort(),
    ).toEqual(
      control.t
        .sent()
        .map((m) => m.subject.split(' ')[1])
        .sort(),
    );
  });

  // The status block is located from a read of the sheet, then written with one setValues. A row
  // inserted, deleted or sorted between that read and the write (a user editing the sheet at that
  // moment) would shift every status onto another invoice's row — including Stage and Last
  // Follow-up, which the add-on also uses as send memory. So the sheet is read again after the
  // write (src/app/statuses.ts), and rows that moved are rewritten or cleared.
  it('edited just before the status write (Range.setValues #1)', () => {
    const { byInvoice } = scenario({ method: 'Range.setValues', nth: 1 });
    expect(byInvoice).toEqual(
      expect.objectContaining({
        A: control.byInvoice.A,
        B: control.byInvoice.B,
        D: control.byInvoice.D,
        E: control.byInvoice.E,
        NEW: ' |  |  |  | ',
      }),
    );
  });
});

// ---- the trigger loses its spreadsheet ----------------------------------------------------------------

describe("the trigger's spreadsheet is gone", () => {
  it('openById fails (spreadsheet deleted): nothing is sent on that day or after, while it stays gone', () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }] });
    t.ensureTrigger();
    t.runtime.faults.failOn('SpreadsheetApp.openById', 1, { message: 'Requested entity was not found.', times: 100 });
    for (let d = 1; d < 4; d++) {
      t.goTo(addDays(DUE, d));
      try {
        t.daily();
      } catch {
        // whether the run throws is checked elsewhere; here only "nothing is sent" is checked
      }
    }
    // No follow-up; the owner is told once, not every day.
    expect(t.sent().map((m) => m.to)).toEqual([['me@example.com']]);
  });

  it("the trigger's record of its spreadsheet is gone (owner removed): logs an error, sends nothing, no throw", () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }] });
    const trigger = t.ensureTrigger();
    const user = t.runtime.properties.user();
    for (const k of user.keys()) if (k.includes(trigger.id)) user.delete(k);
    expect(() => t.daily()).not.toThrow();
    expect(t.sent().map((m) => m.to)).toEqual([['me@example.com']]);
    expect(t.sent()[0]?.text).toMatch(/the add-on no longer knows which/);
    expect(t.runtime.logs.filter((l) => l.level === 'error').map((l) => l.message)).toEqual([
      expect.stringMatching(/spreadsheet of this trigger could not be opened \(no spreadsheet is recorded for this trigger\)/),
    ]);
  });
});

/** A faulted month with no violation at all and no throw. */
const clean = (o: Outcome): boolean => o.violations.length === 0 && o.throws === 0;

afterAll(() => {
  const byClass = CLASSES.map((c) => {
    const os = outcomes.filter((o) => o.cls === c);
    const sum = (f: (o: Outcome) => number): number => os.reduce((n, o) => n + f(o), 0);
    return {
      method: c.method,
      when: c.when,
      message: c.message ?? '(runtime default)',
      callsInMonth: baseRun.calls[c.method] ?? 0,
      faultsInjected: os.length,
      fired: os.filter((o) => o.fired).length,
      survived: os.filter(clean).length,
      throws: sum((o) => o.throws),
      duplicates: sum((o) => o.duplicates),
      delayedEmails: sum((o) => o.delayed),
      heldForReview: sum((o) => o.heldForReview),
      loggedNotSent: sum((o) => o.loggedNotSent),
      violations: os.flatMap((o) => o.violations.map((v) => `call ${o.nth}: ${v}`)).slice(0, 20),
    };
  });
  const summary = {
    generated: 'test/reliability/fault-matrix.test.ts',
    baselineCalls: baseRun.calls,
    baselineEmails: baseMails.length,
    faultsInjected: outcomes.length,
    faultsFired: outcomes.filter((o) => o.fired).length,
    survived: outcomes.filter(clean).length,
    runs: runsTotal,
    duplicatesFound: outcomes.reduce((n, o) => n + o.duplicates, 0),
    throwsOutOfDailyFollowUps: outcomes.reduce((n, o) => n + o.throws, 0),
    violations: outcomes.reduce((n, o) => n + o.violations.length, 0),
    byClass,
  };
  const dir = path.join(__dirname, '../../test-artifacts');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'fault-matrix.json'), `${JSON.stringify(summary, null, 2)}\n`);
});
