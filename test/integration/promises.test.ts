// Promises to pay on the built add-on (docs/escalation.md, "Promises"): recorded in the sidebar,
// kept, missed and withdrawn, and a crash while the "promise missed" email goes out.
import { pdfText } from '../local/pdfText';
import { addDays, HEADERS, setUp } from './harness';

const DUE = '2026-11-02';
const PAID_DATE_COLUMN = HEADERS.indexOf('Paid Date') + 1;

type T = ReturnType<typeof setUp>;

function start(rows = [{ invoice: 'A', client: 'Northwind', email: 'pat@northwind.test', due: DUE }]) {
  const t = setUp({ today: addDays(DUE, 1), rows });
  t.runtime.select('Invoices', 2, 1);
  return t;
}

const call = <R>(t: T, name: string, ...args: unknown[]) => t.addon.callAsScriptRun(name, ...args) as R;

type Answer = { ok: boolean; problems?: string[]; issues?: Array<{ field: string; code: string }>; invoice?: any };

/** Daily runs from `from` to `to` (days after DUE), each at 09:00. */
function dailyRuns(t: T, from: number, to: number, before?: (day: number) => void): void {
  for (let d = from; d <= to; d++) {
    t.goTo(addDays(DUE, d));
    before?.(d);
    t.daily();
  }
}

/** Each email as [days after DUE, the log's Stage word]. */
function sentDays(t: T): Array<[number, string]> {
  return t
    .log()
    .filter((r) => r.Outcome === 'sent')
    .map((r) => [Math.round((Date.parse(r.Timestamp!.slice(0, 10)) - Date.parse(DUE)) / 86_400_000), r.Stage!]);
}

/** Every cell of the user's columns (the first 13), as the sheet holds them. */
function userCells(t: T): string {
  return JSON.stringify(
    t.runtime
      .sheet('Invoices')
      .rows()
      .map((r) => r.slice(0, HEADERS.length)),
  );
}

describe('a promise recorded in the sidebar', () => {
  it('is refused in words for a date that is not real, in the past or for an unknown invoice; nothing is stored', () => {
    const t = start();
    t.daily();
    const bad = call<Answer>(t, 'recordPromise', 'A', '2026-02-30');
    expect(bad).toMatchObject({ ok: false, issues: [{ field: 'promisedDate', code: 'bad-format' }] });
    const past = call<Answer>(t, 'recordPromise', 'A', DUE);
    expect(past).toMatchObject({ ok: false, issues: [{ field: 'promisedDate', code: 'out-of-range' }] });
    expect(past.problems?.[0]).toMatch(/in the past/);
    expect(call<Answer>(t, 'recordPromise', 'NOPE', addDays(DUE, 9)).problems?.[0]).toMatch(/not on the 'Invoices' sheet/);
    expect(call<Answer>(t, 'withdrawPromise', 'A').problems).toEqual([
      'There is no promise recorded in the sidebar for this invoice.',
    ]);
    expect(t.stored('promises')).toBeNull();
  });

  it('holds every follow-up until the date, shows Promised, and never writes a user cell', () => {
    const t = start();
    t.daily();
    const before = userCells(t);
    const answer = call<Answer>(t, 'recordPromise', 'A', addDays(DUE, 10));
    expect(answer.ok).toBe(true);
    expect(answer.invoice).toMatchObject({ invoice: 'A', status: `Promised by ${addDays(DUE, 10)}` });
    expect(answer.invoice.promise).toEqual({ date: addDays(DUE, 10), source: 'sidebar', missed: false });
    expect(userCells(t)).toBe(before);
    expect(t.statuses().A).toMatchObject({ Status: `Promised by ${addDays(DUE, 10)}`, 'Next Follow-up': addDays(DUE, 11) });
    // Kept in the add-on's own store, compactly.
    expect(t.stored('promises')).toEqual([['A', addDays(DUE, 10), addDays(DUE, 1)]]);
    const withdrawn = call<Answer>(t, 'withdrawPromise', 'A');
    expect(withdrawn.invoice.promise).toBeNull();
    expect(withdrawn.invoice.status).toBe('Overdue');
    expect(userCells(t)).toBe(before);
  });
});

describe('the evidence pack', () => {
  it('lists the promises recorded in the sidebar, and their withdrawal', () => {
    const t = start();
    t.daily();
    call(t, 'recordPromise', 'A', addDays(DUE, 10));
    t.goTo(addDays(DUE, 2));
    call(t, 'withdrawPromise', 'A');
    const pack = call<{ base64: string }>(t, 'getEvidencePack', 'A');
    const text = pdfText(Buffer.from(pack.base64, 'base64')).replace(/\s+/g, ' ');
    expect(text).toContain('Recorded in the sidebar');
    expect(text).toContain('Withdrawn in the sidebar');
  });
});

describe('promise kept', () => {
  it('nothing is sent until the date; paid before it, nothing more ever', () => {
    const t = start();
    t.daily(); // the reminder, day 1
    t.goTo(addDays(DUE, 3));
    call(t, 'recordPromise', 'A', addDays(DUE, 10));
    dailyRuns(t, 3, 30, (d) => {
      if (d === 9) t.runtime.sheet('Invoices').setRaw(2, PAID_DATE_COLUMN, { date: addDays(DUE, 9) });
    });
    expect(sentDays(t)).toEqual([[1, 'reminder']]);
    expect(t.statuses().A?.Status).toBe('Paid');
    // The run drops the records of a paid invoice.
    expect(t.stored('promises')).toBeNull();
  });
});

describe('promise missed', () => {
  it('one "promise missed" email the day after, quoting the date; then the schedule resumes after minGapDays', () => {
    const t = start();
    t.daily();
    t.goTo(addDays(DUE, 3));
    call(t, 'recordPromise', 'A', addDays(DUE, 8));
    dailyRuns(t, 3, 25);
    expect(sentDays(t)).toEqual([
      [1, 'reminder'],
      [9, 'promiseMissed'],
      [12, 'firm'],
      [15, 'escalate'],
      [21, 'formal'],
    ]);
    const missed = t.sent()[1]!;
    expect(missed.text).toContain('would be paid by November 10, 2026');
    expect(missed.to).toEqual(['pat@northwind.test']);
    const row = t.log().find((r) => r.Stage === 'promiseMissed')!;
    expect(row).toMatchObject({ Outcome: 'sent', 'Promised Date': addDays(DUE, 8) });
  });

  it('a new promise after a missed one holds the follow-ups again; missing it gets its own email', () => {
    const t = start();
    t.daily();
    t.goTo(addDays(DUE, 3));
    call(t, 'recordPromise', 'A', addDays(DUE, 5));
    dailyRuns(t, 3, 8);
    call(t, 'recordPromise', 'A', addDays(DUE, 20));
    dailyRuns(t, 9, 21);
    expect(sentDays(t)).toEqual([
      [1, 'reminder'],
      [6, 'promiseMissed'],
      [21, 'promiseMissed'],
    ]);
    expect(t.sent()[2]!.text).toContain('would be paid by November 22, 2026');
  });
});

describe('promise withdrawn', () => {
  it('the schedule resumes at once: the firm reminder goes on its own day', () => {
    const t = start();
    t.daily();
    t.goTo(addDays(DUE, 3));
    call(t, 'recordPromise', 'A', addDays(DUE, 12));
    dailyRuns(t, 3, 5);
    call(t, 'withdrawPromise', 'A');
    dailyRuns(t, 6, 8);
    expect(sentDays(t)).toEqual([
      [1, 'reminder'],
      [7, 'firm'],
    ]);
  });
});

describe('a crash while the "promise missed" email goes out', () => {
  /** Makes every later write of the run fail, as if the execution had been killed. */
  function dieAfterThis(t: T): void {
    for (const method of [
      'Spreadsheet.addDeveloperMetadata',
      'DeveloperMetadata.setValue',
      'DeveloperMetadata.remove',
      'Range.setValues',
      'Sheet.appendRow',
    ]) {
      t.runtime.faults.failOn(method, 1, { message: 'Execution killed', times: 1000 });
    }
  }

  it('between the ledger write and the send: never resent blindly, the invoice is held for review', () => {
    const t = start();
    t.daily();
    t.goTo(addDays(DUE, 3));
    call(t, 'recordPromise', 'A', addDays(DUE, 5));
    dailyRuns(t, 3, 5);
    t.goTo(addDays(DUE, 6));
    t.runtime.faults.failAfter('MailApp.sendEmail', 1, 'Execution killed');
    t.runtime.faults.beforeCall('MailApp.sendEmail', 1, () => dieAfterThis(t));
    t.daily();
    t.runtime.faults.clear();
    expect(t.sent()).toHaveLength(2);
    dailyRuns(t, 7, 15);
    expect(t.sent()).toHaveLength(2);
    expect(t.statuses().A?.Status).toBe('Needs review');
    const rows = t.log().filter((r) => r.Stage === 'promiseMissed');
    expect(rows.map((r) => [r.Outcome, r['Promised Date']])).toEqual([['unsure', addDays(DUE, 5)]]);
    // The user checks Sent mail: it was sent. The schedule resumes from it; the promise is not told again.
    t.goTo(addDays(DUE, 16), 10);
    t.runtime.ui.respondWith('YES', 'YES');
    t.addon.call('runFollowUps');
    expect(t.runtime.ui.alerts.map((a) => a.title)).toContain('Was this follow-up sent?');
    expect(sentDays(t)).toEqual([
      [1, 'reminder'],
      [6, 'promiseMissed'],
      [16, 'escalate'],
    ]);
    dailyRuns(t, 17, 20);
    expect(t.sent()).toHaveLength(3);
  });
});

describe('a "promise missed" email in menu runs and beside other emails to the client', () => {
  /** A's promise (day 8) recorded on day 3; runs up to `day`, daily. */
  function missedBy(day: number, rows?: Parameters<typeof start>[0]) {
    const t = start(rows);
    t.daily();
    t.goTo(addDays(DUE, 3));
    call(t, 'recordPromise', 'A', addDays(DUE, 8));
    dailyRuns(t, 3, day - 1);
    t.goTo(addDays(DUE, day));
    return t;
  }

  it('is listed in the menu confirmation; No sends nothing, Yes sends it', () => {
    const t = missedBy(9);
    t.runtime.ui.respondWith('NO');
    t.addon.call('runFollowUps');
    const prompt = t.runtime.ui.alerts.at(-1)?.prompt ?? '';
    expect(prompt).toMatch(/^Send 1 follow-up email now\?/);
    expect(prompt).toContain('• A, Northwind: promise missed to pat@northwind.test');
    expect(sentDays(t)).toEqual([[1, 'reminder']]);
    t.runtime.ui.respondWith('YES');
    t.addon.call('runFollowUps');
    expect(sentDays(t)).toEqual([
      [1, 'reminder'],
      [9, 'promiseMissed'],
    ]);
  });

  it('is previewed by Preview follow-ups, and nothing is sent', () => {
    const t = missedBy(9);
    t.addon.call('previewFollowUps');
    expect(
      t
        .log()
        .filter((r) => r.Outcome === 'preview')
        .map((r) => [r.Invoice, r.Stage]),
    ).toEqual([['A', 'promiseMissed']]);
    expect(sentDays(t)).toEqual([[1, 'reminder']]);
  });

  it("waits minGapDays after the client's last email about another invoice", () => {
    const rows = [
      { invoice: 'A', client: 'Northwind', email: 'pat@northwind.test', due: DUE },
      { invoice: 'B', client: 'Northwind', email: 'pat@northwind.test', due: addDays(DUE, 7) },
    ];
    const t = missedBy(10, rows);
    t.daily();
    const days = sentDays(t);
    // B's reminder went on day 8; A's promise missed (due day 9) waits 3 days from it.
    expect(days).toContainEqual([8, 'reminder']);
    expect(days.filter(([, stage]) => stage === 'promiseMissed')).toEqual([]);
    dailyRuns(t, 11, 11);
    expect(sentDays(t).filter(([, stage]) => stage === 'promiseMissed')).toEqual([[11, 'promiseMissed']]);
  });
});

describe('a "promise missed" email with no quota left', () => {
  it('waits for quota, logged as queued once however many runs it waits', () => {
    const t = start();
    t.daily();
    t.goTo(addDays(DUE, 3));
    call(t, 'recordPromise', 'A', addDays(DUE, 8));
    dailyRuns(t, 3, 8);
    dailyRuns(t, 9, 11, () => t.runtime.mail.setRemainingQuota(0));
    const waiting = t.log().filter((r) => r.Stage === 'promiseMissed');
    expect(waiting.map((r) => [r.Outcome, r.Result])).toEqual([
      ['queued', 'queued: daily email quota; it goes out on the next run'],
    ]);
    dailyRuns(t, 12, 12, () => t.runtime.mail.setRemainingQuota(100));
    expect(sentDays(t)).toContainEqual([12, 'promiseMissed']);
  });
});

describe('a missed promise in the daily summary', () => {
  it('is listed once, the day its email goes, not each day it waits for the client', () => {
    const rows = [
      { invoice: 'A', client: 'Northwind', email: 'pat@northwind.test', due: DUE },
      { invoice: 'B', client: 'Northwind', email: 'pat@northwind.test', due: addDays(DUE, 7) },
    ];
    const t = setUp({ today: addDays(DUE, 1), rows, settings: { dailySummary: true } });
    t.daily();
    t.goTo(addDays(DUE, 3));
    call(t, 'recordPromise', 'A', addDays(DUE, 8));
    dailyRuns(t, 3, 11);
    const summaries = t.sent().filter((m) => m.subject.startsWith('Invoice follow-ups today'));
    const listing = summaries
      .filter((m) => m.text.includes('the client missed the date they promised to pay by'))
      .map((m) => m.at.slice(0, 10));
    expect(sentDays(t).filter(([, stage]) => stage === 'promiseMissed')).toEqual([[11, 'promiseMissed']]);
    expect(listing).toEqual([addDays(DUE, 11)]);
  });
});
