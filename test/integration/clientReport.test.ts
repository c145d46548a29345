// getClientReport() on the built add-on (README "Learning from every client"): figures on a sheet
// with known dates, worked out by hand below; advice said once in the daily summary.
import { addDays, setUp, type Row } from './harness';

const TODAY = '2026-12-01';

const ROWS: Row[] = [
  // Slow Co: paid 25, 20 and 30 days late (Sep 1 → Sep 26, Oct 1 → Oct 21, Oct 15 → Nov 14); one unpaid, 11 days late.
  { invoice: 'S1', client: 'Slow Co', amount: 1000, due: '2026-09-01', paidDate: '2026-09-26' },
  { invoice: 'S2', client: 'Slow Co', amount: 2000, due: '2026-10-01', paidDate: '2026-10-21' },
  { invoice: 'S3', client: 'Slow Co', amount: 6000, due: '2026-10-15', paidDate: '2026-11-14' },
  { invoice: 'S4', client: 'Slow Co', amount: 500, due: '2026-11-20' },
  // Quick Ltd: paid a day early and on the day; two small unpaid invoices not yet late (0.10 + 0.20 = 0.30 exactly).
  { invoice: 'Q1', client: 'Quick Ltd', amount: 100.1, currency: 'EUR', due: '2026-10-01', paidDate: '2026-09-30' },
  { invoice: 'Q2', client: 'Quick Ltd', amount: 200.2, currency: 'EUR', due: '2026-11-01', paidDate: '2026-11-01' },
  { invoice: 'Q3', client: 'Quick Ltd', amount: 0.1, currency: 'EUR', due: '2026-12-05' },
  { invoice: 'Q4', client: 'Quick Ltd', amount: 0.2, currency: 'EUR', due: TODAY },
  // Nippon KK: 52 days late (Oct 10 → Dec 1), in yen. Mid Co: 82 days (Sep 10 → Dec 1). Old Ltd: 153 days (Jul 1 → Dec 1).
  { invoice: 'J1', client: 'Nippon KK', amount: 150000, currency: 'JPY', due: '2026-10-10' },
  { invoice: 'M1', client: 'Mid Co', amount: 100, paid: 40, due: '2026-09-10' },
  { invoice: 'O1', client: 'Old Ltd', amount: 50, currency: 'EUR', due: '2026-07-01' },
];

type Report = {
  asOf: string;
  aging: Array<Record<string, number | string>>;
  clients: Array<Record<string, unknown> & { client: string; advice: Array<{ code: string; text: string }> }>;
};

describe('getClientReport', () => {
  it('gives each client its paid history, what it owes and advice, and the aging per currency', () => {
    const t = setUp({ today: TODAY, rows: ROWS });
    const r = t.addon.callAsScriptRun('getClientReport') as Report;
    expect(r.asOf).toBe(TODAY);
    expect(r.aging).toEqual([
      { currency: 'EUR', current: 0.3, days1to30: 0, days31to60: 0, days61to90: 0, over90: 50 },
      { currency: 'JPY', current: 0, days1to30: 0, days31to60: 150000, days61to90: 0, over90: 0 },
      // Mid Co's 100 less the 40 paid.
      { currency: 'USD', current: 0, days1to30: 500, days31to60: 0, days61to90: 60, over90: 0 },
    ]);
    const { advice: slowAdvice, ...slow } = r.clients.find((c) => c.client === 'Slow Co')!;
    expect(slow).toEqual({
      client: 'Slow Co',
      invoices: 4,
      paidInvoices: 3,
      averageDaysLate: 25,
      onTimePercent: 0,
      longestDaysLate: 30,
      disputes: 0,
      overdue: [{ currency: 'USD', amount: 500 }],
    });
    expect(slowAdvice.map((a) => a.code)).toEqual(['deposit', 'milestones', 'shorterTerms', 'contractTerms']);
    expect(slowAdvice[0]!.text).toBe(
      'Slow Co paid its last 3 invoices 25 days late on average: ask a 50% deposit before the next project.',
    );
    expect(r.clients.find((c) => c.client === 'Quick Ltd')).toEqual({
      client: 'Quick Ltd',
      invoices: 4,
      paidInvoices: 2,
      averageDaysLate: 0,
      onTimePercent: 100,
      longestDaysLate: 0,
      disputes: 0,
      overdue: [],
      advice: [],
    });
    expect(r.clients.find((c) => c.client === 'Nippon KK')).toMatchObject({
      paidInvoices: 0,
      averageDaysLate: null,
      onTimePercent: null,
      longestDaysLate: 52,
      overdue: [{ currency: 'JPY', amount: 150000 }],
      advice: [{ code: 'contractTerms' }],
    });
    expect(r.clients.map((c) => c.client)).toEqual(['Mid Co', 'Nippon KK', 'Old Ltd', 'Quick Ltd', 'Slow Co']);
  });

  it('says new advice once in the daily summary', () => {
    const t = setUp({ today: TODAY, rows: ROWS, settings: { dailySummary: true } });
    t.daily();
    const me = t.runtime.options.userEmail;
    const first = t.sent().filter((m) => m.to.includes(me));
    expect(first).toHaveLength(1);
    expect(first[0]!.text).toContain('What to change with these clients');
    expect(first[0]!.text).toContain('Slow Co paid its last 3 invoices 25 days late on average');
    for (let d = 1; d <= 8; d++) {
      t.goTo(addDays(TODAY, d));
      t.daily();
    }
    const later = t
      .sent()
      .filter((m) => m.to.includes(me))
      .slice(1);
    expect(later.length).toBeGreaterThan(0);
    for (const m of later) expect(m.text).not.toContain('Slow Co paid its last 3 invoices');
  });
});
