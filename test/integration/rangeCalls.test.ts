// Range calls of one daily run of the built add-on (README "Performance"): a run reads the invoice
// sheet once, decides, and writes once; the only writes in the middle of a run are the send
// records and the log rows that settle them, at most MAX_EARLY_SETTLES times (src/app/send.ts).
// These counts are what `npm run bench` reports; each Range call is a round trip in Apps Script.
import { addDays, setUp, type Row } from './harness';

const TODAY = '2026-11-24';

/** `n` invoices of 400 clients: a third paid, the rest due over the last 60 days and the next 30. */
function invoices(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => {
    const due = addDays(TODAY, 30 - (i % 90));
    return {
      invoice: `INV-${String(i + 1).padStart(6, '0')}`,
      client: `Client ${i % 400}`,
      email: `billing${i % 400}@client${i % 400}.test`,
      amount: 500 + (i % 50) * 25,
      due,
      paidDate: i % 3 === 0 ? addDays(due, 2) : undefined,
    };
  });
}

function rangeCalls(t: ReturnType<typeof setUp>, run: () => void): { all: number; reads: number; writes: number } {
  t.runtime.calls.reset();
  run();
  return {
    all: t.runtime.calls.count(/^Range\./),
    reads: t.runtime.calls.count(/^Range\.(getValues|getDisplayValues|getFormulas)$/),
    writes: t.runtime.calls.count(/^Range\.setValues$/),
  };
}

/** The first run (adds the status columns, sends the quota) and a same-day re-run, on `n` invoices. */
function measure(n: number) {
  const t = setUp({ today: TODAY, rows: invoices(n) });
  t.ensureTrigger();
  const first = rangeCalls(t, () => t.daily());
  const emails = t.sent().length;
  t.runtime.clock.advance(600_000);
  const rerun = rangeCalls(t, () => t.daily());
  return { first, rerun, emails, sentAgain: t.sent().length - emails };
}

describe('Range calls of a daily run (README "Performance")', () => {
  const small = measure(1_000);
  const large = measure(8_000);

  it('a same-day re-run with nothing to send: values, formulas, displayed text, the log, one append', () => {
    for (const m of [small, large]) {
      expect(m.sentAgain).toBe(0);
      expect(m.rerun.all).toBeLessThanOrEqual(6);
      expect(m.rerun.reads).toBeLessThanOrEqual(4);
      expect(m.rerun.writes).toBe(1);
    }
    expect(large.rerun).toEqual(small.rerun);
  });

  it('a first run that sends the quota stays within 40 Range calls, however many invoices are due', () => {
    expect(small.emails).toBeGreaterThan(50);
    expect(large.emails).toBeGreaterThan(50);
    expect(small.first.all).toBeLessThanOrEqual(40);
    expect(large.first.all).toBeLessThanOrEqual(40);
  });

  it('a send record with little room: the run settles early at most 12 times, the rest wait for the next run', () => {
    const t = setUp({ today: TODAY, rows: invoices(3_000) });
    // Another tool's data leaves the add-on room for a few sends at a time (README "Where the add-on keeps its data").
    t.runtime.spreadsheets.list()[0]!.plantMetadata({ key: 'otherTool', value: 'x'.repeat(24_000), visibility: 'DOCUMENT' });
    t.ensureTrigger();
    const first = rangeCalls(t, () => t.daily());
    expect(first.all).toBeLessThanOrEqual(40);
    const sent = t.sent().length;
    expect(sent).toBeGreaterThan(12);
    expect(sent).toBeLessThan(100);
    const waiting = t.log().filter((r) => (r.Result ?? '').startsWith('queued: this run recorded as many sends as it can'));
    expect(waiting.length).toBeGreaterThan(0);
    // The next run sends what waited, each email once.
    t.runtime.clock.advance(3_600_000);
    t.daily();
    const subjects = t.sent().map((m) => `${m.to} ${m.subject}`);
    expect(subjects.length).toBeGreaterThan(sent);
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it('no Range call per row or per cell', () => {
    const t = setUp({ today: TODAY, rows: invoices(200) });
    t.ensureTrigger();
    t.runtime.calls.reset();
    t.daily();
    for (const perCell of ['getValue', 'setValue', 'getDisplayValue', 'getFormula']) {
      expect(t.runtime.calls.count(`Range.${perCell}`)).toBe(0);
    }
  });
});
