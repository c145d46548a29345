// A due date that looks like a typo, on the built add-on (docs/own-sheet.md "A due date that looks
// like a typo"): 1926-11-20 holds the invoice for review and sends nothing — no email, no letter, no
// interest — until the user confirms it in the sidebar (confirmDueDate) or corrects the cell; once
// confirmed, only the latest stage that is due goes out (the formal notice).
import { defaultSettings } from '../../src/domain/settings';
import { addDays, HEADERS, setUp } from './harness';

const TODAY = '2026-11-24';
const DUE_COLUMN = HEADERS.indexOf('Due Date') + 1;

type T = ReturnType<typeof setUp>;
type Answer = { ok: boolean; problems?: string[]; invoice?: { status: string; dueDateDoubt: string | null } | null };

const call = <R>(t: T, name: string, ...args: unknown[]) => t.addon.callAsScriptRun(name, ...args) as R;

/** The sheet of the issue: a 1926 typo beside an ordinary overdue invoice; interest and the letter on. */
function start(due = '1926-11-20') {
  const latePayment = { ...defaultSettings().latePayment, regime: 'custom' as const, marginPercent: 8, attachLetter: true };
  const t = setUp({
    today: TODAY,
    settings: { latePayment },
    rows: [
      { invoice: 'INV-1', client: 'Acme', email: 'ap@acme.test', amount: 1200, due },
      { invoice: 'INV-2', client: 'Globex', email: 'ap@globex.test', amount: 500, due: addDays(TODAY, -1) },
    ],
  });
  t.runtime.select('Invoices', 2, 1);
  return t;
}

const mailTo = (t: T, who: string) => t.runtime.mail.sent.filter((m) => m.to.includes(who));

describe('a due date that looks like a typo', () => {
  it('1926-11-20: nothing is sent, the row says check the year; other rows go on', () => {
    const t = start();
    t.daily();
    expect(mailTo(t, 'ap@acme.test')).toEqual([]);
    expect(mailTo(t, 'ap@globex.test')).toHaveLength(1);
    const status = t.statuses()['INV-1']!['Status'];
    expect(status).toMatch(/^Needs review: Due date 1926-11-20 looks like a typo \(check the year\)/);
    expect(status).toContain('correct the cell, or confirm the date in the sidebar');
    expect(t.log().filter((r) => r.Invoice === 'INV-1')).toEqual([]);
    // The preview from the menu sends nothing for it either, and the sidebar offers the confirmation.
    const sidebar = call<{ selected: { dueDateDoubt: string | null } }>(t, 'getSidebarData');
    expect(sidebar.selected.dueDateDoubt).toMatch(/check the year/);
  });

  it('confirmed in the sidebar: kept in the store, and the next run sends the formal notice only', () => {
    const t = start();
    t.daily();
    const cellsBefore = JSON.stringify(
      t.runtime
        .sheet('Invoices')
        .rows()
        .map((r) => r.slice(0, HEADERS.length)),
    );
    const answer = call<Answer>(t, 'confirmDueDate', 'INV-1');
    expect(answer.ok).toBe(true);
    expect(answer.invoice?.dueDateDoubt).toBeNull();
    expect(answer.invoice?.status).not.toMatch(/Needs review/);
    expect(t.stored('dueDates')).toEqual([['INV-1', '1926-11-20']]);
    expect(
      JSON.stringify(
        t.runtime
          .sheet('Invoices')
          .rows()
          .map((r) => r.slice(0, HEADERS.length)),
      ),
    ).toBe(cellsBefore);
    expect(mailTo(t, 'ap@acme.test')).toEqual([]);

    t.goTo(addDays(TODAY, 1));
    t.daily();
    const mails = mailTo(t, 'ap@acme.test');
    expect(mails).toHaveLength(1);
    // The formal notice, with its letter: the user confirmed the date, so it is chased as it is.
    expect(mails[0]!.body).toMatch(/21 days overdue|formal/i);
    expect(mails[0]!.attachments).toHaveLength(1);
    const stages = t
      .log()
      .filter((r) => r.Invoice === 'INV-1')
      .map((r) => [r.Stage, r.Outcome]);
    expect(stages).toEqual([
      ['reminder', 'superseded'],
      ['firm', 'superseded'],
      ['escalate', 'superseded'],
      ['formal', 'sent'],
    ]);
    expect(t.statuses()['INV-1']!['Status']).toBe('Final notice');
  });

  it('a confirmation is refused for a date that is not in doubt, and for an invoice not on the sheet', () => {
    const t = start();
    expect(call<Answer>(t, 'confirmDueDate', 'INV-2').problems?.[0]).toMatch(/does not look like a typo/);
    expect(call<Answer>(t, 'confirmDueDate', 'NOPE').problems?.[0]).toMatch(/not on the 'Invoices' sheet/);
    expect(call<Answer>(t, 'confirmDueDate', '').problems).toEqual(['Select an invoice first.']);
    expect(t.stored('dueDates')).toBeNull();
  });

  it('corrected in the cell: chased from the new date at once; a confirmation was of the old date only', () => {
    const t = start();
    call<Answer>(t, 'confirmDueDate', 'INV-1');
    t.runtime.sheet('Invoices').setRaw(2, DUE_COLUMN, { date: '1925-11-20' });
    t.daily();
    expect(mailTo(t, 'ap@acme.test')).toEqual([]);
    expect(t.statuses()['INV-1']!['Status']).toMatch(/^Needs review: Due date 1925-11-20 looks like a typo/);
    t.runtime.sheet('Invoices').setRaw(2, DUE_COLUMN, { date: '2026-11-20' });
    t.goTo(addDays(TODAY, 1));
    t.daily();
    expect(mailTo(t, 'ap@acme.test').map((m) => m.subject)).toEqual([expect.stringMatching(/INV-1/)]);
    expect(t.statuses()['INV-1']!['Status']).toBe('Overdue');
  });

  it('more than a year before the first run (the earliest Follow-up Log date, or today) is held; less is chased', () => {
    const t = start(addDays(TODAY, -400));
    t.daily();
    expect(t.statuses()['INV-1']!['Status']).toMatch(
      /more than a year before the add-on's first run on this sheet \(2026-11-24\)/,
    );
    expect(mailTo(t, 'ap@acme.test')).toEqual([]);
    const recent = start(addDays(TODAY, -300));
    recent.daily();
    expect(mailTo(recent, 'ap@acme.test')).toHaveLength(1);
  });

  it('the first run is the earliest Follow-up Log date: a sheet in use for months keeps its older invoices chased', () => {
    const t = start(addDays(TODAY, -300));
    t.daily(); // the first run: the log starts today
    t.goTo(addDays(TODAY, 200));
    // 500 days overdue, but within a year of the first run: chased.
    t.daily();
    expect(t.statuses()['INV-1']!['Status']).not.toMatch(/Needs review/);
    t.runtime.sheet('Invoices').setRaw(2, DUE_COLUMN, { date: addDays(TODAY, -380) });
    t.goTo(addDays(TODAY, 201));
    t.daily();
    expect(t.statuses()['INV-1']!['Status']).toMatch(/first run on this sheet \(2026-11-24\)/);
  });

  it('after 2100 is held too', () => {
    const t = start('2126-11-20');
    t.daily();
    expect(t.statuses()['INV-1']!['Status']).toMatch(
      /^Needs review: Due date 2126-11-20 looks like a typo \(check the year\): it is after 2100/,
    );
  });
});
