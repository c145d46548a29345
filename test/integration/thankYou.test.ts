// The thank-you when paid on the built add-on (docs/escalation.md, "Thank-you when paid"): once per
// invoice the add-on followed up, never for one paid before the setting was turned on.
import { addDays, HEADERS, setUp } from './harness';

const DUE = '2026-11-02';
const AMOUNT_PAID = HEADERS.indexOf('Amount Paid') + 1;
const PAID_DATE = HEADERS.indexOf('Paid Date') + 1;
const ROW = { A: 2, B: 3, D: 4, E: 5, F: 6 } as const;

function start() {
  return setUp({
    today: addDays(DUE, 1),
    rows: [
      { invoice: 'A', due: DUE },
      { invoice: 'B', due: DUE },
      { invoice: 'D', due: DUE },
      { invoice: 'E', due: DUE },
      { invoice: 'F', due: addDays(DUE, 20) },
    ],
  });
}

type T = ReturnType<typeof start>;

const thankYous = (t: T) => t.log().filter((r) => r.Stage === 'thankYou' && r.Outcome === 'sent');

describe('thank-you when paid', () => {
  it('off by default: a paid invoice gets nothing', () => {
    const t = start();
    t.daily();
    t.runtime.sheet('Invoices').setRaw(ROW.A, PAID_DATE, { date: addDays(DUE, 2) });
    t.goTo(addDays(DUE, 2));
    t.daily();
    expect(t.sent()).toHaveLength(4);
    expect(thankYous(t)).toEqual([]);
  });

  it('exactly once per invoice paid after it was turned on; never for one paid before, nor one never followed up', () => {
    const t = start();
    const sheet = t.runtime.sheet('Invoices');
    t.daily(); // reminders for A, B, D and E
    // Paid before the setting is turned on: B by its amount (no date), D with a Paid Date.
    sheet.setRaw(ROW.B, AMOUNT_PAID, 1000);
    sheet.setRaw(ROW.D, PAID_DATE, { date: addDays(DUE, 1) });
    t.goTo(addDays(DUE, 2));
    expect(t.addon.callAsScriptRun('saveSettings', { thankYouWhenPaid: true })).toMatchObject({ ok: true });
    expect(t.stored('thankYou')).toEqual({ since: addDays(DUE, 2), seenOn: null, paid: {} });
    t.daily();
    for (let d = 3; d <= 12; d++) {
      t.goTo(addDays(DUE, d));
      if (d === 4) sheet.setRaw(ROW.A, AMOUNT_PAID, 1000); // paid, no date: found by this run
      if (d === 5) sheet.setRaw(ROW.E, PAID_DATE, { date: addDays(DUE, 5) });
      if (d === 5) sheet.setRaw(ROW.F, PAID_DATE, { date: addDays(DUE, 5) });
      t.daily();
    }
    expect(thankYous(t).map((r) => [r.Invoice, r.Timestamp!.slice(0, 10)])).toEqual([
      ['A', addDays(DUE, 4)],
      ['E', addDays(DUE, 5)],
    ]);
    const mail = t.sent().find((m) => m.to.includes('a@client.test') && m.text.includes('Thank you'));
    expect(mail?.text).toContain('the payment for invoice A ($1,000.00) has arrived');
    // Nothing left to remember once each thank-you went.
    expect(t.stored('thankYou')).toEqual({ since: addDays(DUE, 2), seenOn: addDays(DUE, 12), paid: {} });
  });

  it('a client emailed today waits for the next run; turned off, what it remembered is dropped', () => {
    const t = setUp({
      today: addDays(DUE, 1),
      rows: [
        { invoice: 'A', client: 'Northwind', email: 'pat@northwind.test', due: DUE },
        { invoice: 'B', client: 'Northwind', email: 'pat@northwind.test', due: addDays(DUE, 6) },
      ],
    });
    t.addon.callAsScriptRun('saveSettings', { thankYouWhenPaid: true });
    t.daily(); // A's reminder
    t.goTo(addDays(DUE, 7));
    t.runtime.sheet('Invoices').setRaw(2, PAID_DATE, { date: addDays(DUE, 7) });
    t.daily(); // B's reminder goes; A's thank-you to the same client waits
    t.goTo(addDays(DUE, 8));
    t.daily();
    expect(thankYous(t).map((r) => [r.Invoice, r.Timestamp!.slice(0, 10)])).toEqual([['A', addDays(DUE, 8)]]);
    t.addon.callAsScriptRun('saveSettings', { thankYouWhenPaid: false });
    expect(t.stored('thankYou')).toBeNull();
  });
});
