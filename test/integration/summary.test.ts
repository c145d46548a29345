// The daily summary on the built add-on (docs/escalation.md, "Daily summary"): after a daily run
// with something to report, one email to the user; nothing on quiet days; after every client
// email, with the quota last.
import { addDays, setUp, type Row } from './harness';

const DUE = '2026-11-02';

function start(rows: Row[], settings = {}) {
  return setUp({ today: DUE, rows, settings: { dailySummary: true, ...settings } });
}

type T = ReturnType<typeof start>;

const toMe = (t: T) => t.sent().filter((m) => m.to.includes(t.runtime.options.userEmail));
const toClients = (t: T) => t.sent().filter((m) => !m.to.includes(t.runtime.options.userEmail));
const summaryRows = (t: T) => t.log().filter((r) => r.Outcome === 'summary' && r.Subject !== 'Daily run');

describe('the daily summary', () => {
  it('comes after the client emails of a day, to the user, saying what went out, what is owed, with the link', () => {
    const t = start([
      { invoice: 'A', client: 'Northwind', due: DUE, amount: 1200 },
      { invoice: 'B', client: 'Globex', due: addDays(DUE, -1), amount: 300, currency: 'EUR' },
    ]);
    t.goTo(addDays(DUE, 1));
    t.daily();
    const mails = t.sent();
    // Oldest due date first, the summary last.
    expect(mails.map((m) => m.to)).toEqual([['b@client.test'], ['a@client.test'], [t.runtime.options.userEmail]]);
    const summary = mails[2]!;
    expect(summary.subject).toBe('Invoice follow-ups today: 2 invoices followed up');
    expect(summary.text).toContain('- Reminder for invoice A (Northwind)');
    expect(summary.text).toContain('- Reminder for invoice B (Globex)');
    expect(summary.text).toContain('$1,200.00 overdue on 1 invoice');
    expect(summary.text).toContain('€300.00 overdue on 1 invoice');
    const id = t.runtime.spreadsheets.active()!.id;
    expect(summary.text).toContain(`Open the spreadsheet: https://docs.google.com/spreadsheets/d/${id}/edit`);
    expect(summaryRows(t)).toEqual([
      expect.objectContaining({
        Invoice: '',
        Stage: '',
        Subject: summary.subject,
        Result: 'sent',
        Recipients: `to: ${t.runtime.options.userEmail}`,
      }),
    ]);
  });

  it('only on days with something to report, never on quiet days, over a month', () => {
    const t = start([{ invoice: 'A', client: 'Northwind', billing: 'ap@northwind.test', due: DUE }]);
    const days: string[] = [];
    for (let d = 0; d < 35; d++) {
      t.goTo(addDays(DUE, d));
      t.daily();
      if (toMe(t).length > days.length) days.push(addDays(DUE, d));
    }
    // The reminder, the firm reminder, the escalation, the formal notice and the decision.
    expect(days).toEqual([addDays(DUE, 1), addDays(DUE, 7), addDays(DUE, 14), addDays(DUE, 21), addDays(DUE, 30)]);
    expect(toClients(t)).toHaveLength(4);
    const [, , escalation, , decision] = toMe(t);
    expect(escalation?.text).toContain('Invoice A (Northwind): call the client (the escalation went out)');
    expect(escalation?.subject).toBe('Invoice follow-ups today: 1 invoice followed up, 1 invoice needs you');
    expect(decision?.subject).toBe('Invoice follow-ups today: 1 invoice needs you');
    expect(decision?.text).toContain('decide the next step');
    expect(summaryRows(t)).toHaveLength(5);
  });

  it('takes the quota last: with none left after the client emails it is skipped, and the log says so', () => {
    const t = start([
      { invoice: 'A', due: DUE },
      { invoice: 'B', due: DUE },
    ]);
    t.goTo(addDays(DUE, 1));
    t.ensureTrigger();
    t.runtime.mail.setRemainingQuota(2);
    t.daily();
    expect(toClients(t)).toHaveLength(2);
    expect(toMe(t)).toHaveLength(0);
    expect(summaryRows(t).map((r) => r.Result)).toEqual(['skipped: the daily summary was not sent: no email quota left today']);
  });

  it('says what waits for quota and what failed', () => {
    const t = start([
      { invoice: 'A', due: DUE },
      { invoice: 'B', due: DUE },
      { invoice: 'C', due: DUE, email: 'c1@client.test, c2@client.test' },
    ]);
    t.goTo(addDays(DUE, 1));
    t.ensureTrigger();
    // A is refused (nothing goes out), B takes one, C needs two: it waits, and one is left for the summary.
    t.runtime.mail.setRemainingQuota(2);
    t.runtime.faults.failOn('MailApp.sendEmail', 1, 'Invalid email: a@client.test');
    t.daily();
    const summary = toMe(t)[0]!;
    expect(summary.subject).toBe('Invoice follow-ups today: 1 invoice followed up, 1 waiting, 1 failed');
    expect(summary.text).toMatch(/Failed \(nothing went out\)\n- Reminder for invoice A \(Client A\): Invalid email/);
    expect(summary.text).toContain('Waiting for the next run\n- Reminder for invoice C (Client C): daily email quota');
  });

  it('is not sent after menu runs, nor when turned off', () => {
    const menu = start([{ invoice: 'A', due: DUE }]);
    menu.goTo(addDays(DUE, 1), 10);
    menu.runtime.ui.respondWith('YES');
    menu.addon.call('runFollowUps');
    expect(toClients(menu)).toHaveLength(1);
    expect(toMe(menu)).toHaveLength(0);
    const off = start([{ invoice: 'A', due: DUE }], { dailySummary: false });
    off.goTo(addDays(DUE, 1));
    off.daily();
    expect(toClients(off)).toHaveLength(1);
    expect(toMe(off)).toHaveLength(0);
  });
});
