// The day-14 call on the built add-on (README "The day-14 call"): listed in the daily summary and
// the sidebar from the escalation day, recorded with recordCall, and each outcome's effect on the
// following days' emails; bad input refused with nothing changed.
import { addDays, HEADERS, rowCells, setUp, type Row } from './harness';

const DUE = '2026-11-02';

type PhoneRow = Row & { phone?: string | number };

function start(rows: PhoneRow[], settings = {}) {
  const t = setUp({ today: addDays(DUE, 1), rows, settings: { dailySummary: true, ...settings } });
  // The harness's sheet with a Phone column added at the end.
  t.runtime.addSheet('Invoices', [[...HEADERS, 'Phone'], ...rows.map((r) => [...rowCells(r), r.phone ?? ''])]);
  return t;
}

type T = ReturnType<typeof start>;
type Answer = { ok: boolean; problems?: string[]; invoice?: { invoice: string; status: string } | null; calls?: Card[] };
type Card = {
  invoice: string;
  client: string;
  contact: string;
  phone: string;
  tel: string | null;
  owed: string;
  daysLate: number;
  noPhone: string | null;
  talkingPoints: string[];
};

const call = <R>(t: T, name: string, ...args: unknown[]) => t.addon.callAsScriptRun(name, ...args) as R;
const toMe = (t: T) => t.sent().filter((m) => m.to.includes(t.runtime.options.userEmail));
const toClient = (t: T, email: string) => t.sent().filter((m) => m.to.includes(email) || m.cc.includes(email));

const ROWS: PhoneRow[] = [
  {
    invoice: 'A',
    client: 'Northwind',
    contact: 'Pat Lee',
    email: 'pat@northwind.test',
    due: DUE,
    amount: 1200,
    paid: 200,
    phone: '+44 20 7946 0958',
  },
  { invoice: 'B', client: 'Globex', email: 'gil@globex.test', billing: 'ap@globex.test', due: DUE, amount: 300, currency: 'EUR' },
];

/** Daily runs on the days `from`..`to` after DUE. */
function days(t: T, from: number, to: number): void {
  for (let d = from; d <= to; d++) {
    t.goTo(addDays(DUE, d));
    t.daily();
  }
}

/** The days after DUE an email went to `email` (to or copied). */
function emailDays(t: T, email: string): number[] {
  return toClient(t, email).map((m) => Math.round((Date.parse(m.at.slice(0, 10)) - Date.parse(DUE)) / 86_400_000));
}

describe('the day-14 call', () => {
  it('is listed in the day-14 summary (with a tel: link) and in the sidebar until a call is recorded', () => {
    const t = start(ROWS);
    days(t, 1, 13);
    expect(call<Card[]>(t, 'getCalls')).toEqual([]);
    const before = toMe(t).length;
    days(t, 14, 14);
    const summary = toMe(t)[before]!;
    expect(summary.text).toContain('Calls to make');
    expect(summary.text).toContain(
      'Call Pat Lee at Northwind on +44 20 7946 0958 about invoice A: $1,000.00 owed, 14 days late.',
    );
    expect(summary.text).toContain('Did the invoice arrive');
    expect(summary.text).toContain('Who processes payments');
    expect(summary.text).toContain('When can they pay?');
    expect(summary.text).toContain('anything about the work or the invoice');
    expect(summary.html).toContain('<a href="tel:+442079460958">+44 20 7946 0958</a>');
    expect(summary.text).toMatch(
      /No phone number on the row: send a direct message to another contact at Globex \(ap@globex\.test\)/,
    );
    const cards = call<Card[]>(t, 'getCalls');
    expect(cards.map((c) => [c.invoice, c.tel, c.daysLate])).toEqual([
      ['A', '+442079460958', 14],
      ['B', null, 14],
    ]);
    const data = call<{ overview: { calls: Card[] } }>(t, 'getSidebarData');
    expect(data.overview.calls.map((c) => c.invoice)).toEqual(['A', 'B']);
    // The next day's summary does not list the calls again; the sidebar still does.
    const count = toMe(t).length;
    days(t, 15, 15);
    expect(
      toMe(t)
        .slice(count)
        .map((m) => m.text)
        .join('\n'),
    ).not.toContain('Calls to make');
    expect(call<Card[]>(t, 'getCalls').map((c) => c.invoice)).toEqual(['A', 'B']);
    const answer = call<Answer>(t, 'recordCall', 'A', 'noAnswer', {});
    expect(answer.ok).toBe(true);
    expect(answer.calls?.map((c) => c.invoice)).toEqual(['B']);
    const row = t.log().find((r) => r.Stage === 'call')!;
    expect(row).toMatchObject({ Invoice: 'A', Client: 'Northwind', Outcome: 'noAnswer' });
  });

  it('promised: holds the follow-ups until the date, then the promise-missed email the day after', () => {
    const t = start(ROWS);
    days(t, 1, 14);
    const answer = call<Answer>(t, 'recordCall', 'A', 'promised', { promisedDate: addDays(DUE, 25), note: 'Paying on the 27th' });
    expect(answer).toMatchObject({ ok: true, invoice: { invoice: 'A', status: `Promised by ${addDays(DUE, 25)}` } });
    expect(t.log().find((r) => r.Stage === 'call')).toMatchObject({ Outcome: 'promised', 'Promised Date': addDays(DUE, 25) });
    days(t, 15, 27);
    // Reminder, firm, escalation; nothing while the promise holds (the formal notice of day 21 waits); the promise-missed email on day 26.
    expect(emailDays(t, 'pat@northwind.test')).toEqual([1, 7, 14, 26]);
    expect(
      t
        .log()
        .filter((r) => r.Invoice === 'A' && r.Outcome === 'sent')
        .map((r) => r.Stage),
    ).toEqual(['reminder', 'firm', 'escalate', 'promiseMissed']);
  });

  it('disputed: opens a dispute with the note and nothing more is sent', () => {
    const t = start(ROWS);
    days(t, 1, 14);
    const answer = call<Answer>(t, 'recordCall', 'A', 'disputed', { note: 'Says the logo files were never delivered' });
    expect(answer.ok).toBe(true);
    const notes = t.runtime.sheet('Dispute Notes').displayRows();
    expect(notes[1]).toEqual(expect.arrayContaining(['A', 'Dispute opened', 'Says the logo files were never delivered', 'open']));
    days(t, 15, 40);
    expect(emailDays(t, 'pat@northwind.test')).toEqual([1, 7, 14]);
    expect(call<Card[]>(t, 'getCalls').map((c) => c.invoice)).toEqual(['B']);
  });

  it('wrongContact: keeps the address in the store (no user cell) and copies it on every later follow-up', () => {
    const t = start(ROWS);
    days(t, 1, 14);
    const cells = JSON.stringify(
      t.runtime
        .sheet('Invoices')
        .rows()
        .map((r) => r.slice(0, HEADERS.length + 1)),
    );
    const answer = call<Answer>(t, 'recordCall', 'A', 'wrongContact', { contactEmail: 'payables@northwind.test' });
    expect(answer.ok).toBe(true);
    expect(
      JSON.stringify(
        t.runtime
          .sheet('Invoices')
          .rows()
          .map((r) => r.slice(0, HEADERS.length + 1)),
      ),
    ).toBe(cells);
    expect(t.stored('callContacts')).toEqual([['northwind', 'payables@northwind.test', addDays(DUE, 14)]]);
    expect(t.log().find((r) => r.Stage === 'call')).toMatchObject({ Outcome: 'wrongContact' });
    days(t, 15, 21);
    const formal = toClient(t, 'pat@northwind.test').at(-1)!;
    expect(emailDays(t, 'pat@northwind.test').at(-1)).toBe(21);
    expect(formal.cc).toContain('payables@northwind.test');
    // Before the call, nobody copied it.
    expect(toClient(t, 'payables@northwind.test')).toHaveLength(1);
  });

  it('refuses bad input in words and changes nothing', () => {
    const t = start(ROWS);
    days(t, 1, 14);
    const logBefore = JSON.stringify(t.log());
    const problems = (args: unknown[]) => call<Answer>(t, 'recordCall', ...args);
    const cases: Array<[unknown[], RegExp]> = [
      [['NOPE', 'reached', {}], /not on the 'Invoices' sheet/],
      [['A', 'shouted', {}], /Unknown call outcome/],
      [['A', 'promised', {}], /date they promised to pay by/],
      [['A', 'promised', { promisedDate: addDays(DUE, 2) }], /in the past/],
      [['A', 'promised', { promisedDate: '2026-02-30' }], /real date/],
      [['A', 'wrongContact', { contactEmail: 'not an address' }], /not an email address/],
      [['A', 'wrongContact', {}], /Give the address/],
      [['', 'reached', {}], /Select an invoice/],
    ];
    for (const [args, message] of cases) {
      const answer = problems(args);
      expect(answer.ok).toBe(false);
      expect(answer.problems?.[0]).toMatch(message);
    }
    expect(JSON.stringify(t.log())).toBe(logBefore);
    expect(t.stored('promises')).toBeNull();
    expect(t.stored('callContacts')).toBeNull();
    expect(t.runtime.hasSheet('Dispute Notes')).toBe(false);
  });

  it('reads phone numbers as people type them, and a bad one is shown, not fatal', () => {
    const t = start([
      { invoice: 'P1', due: DUE, phone: '(555) 010-1234' },
      { invoice: 'P2', due: DUE, phone: '0049-30-123456' },
      { invoice: 'P3', due: DUE, phone: 442079460958 },
      { invoice: 'P4', due: DUE, phone: 'ask reception' },
    ]);
    days(t, 1, 14);
    const cards = call<Card[]>(t, 'getCalls');
    expect(cards.map((c) => [c.invoice, c.phone, c.tel])).toEqual([
      ['P1', '(555) 010-1234', '5550101234'],
      ['P2', '0049-30-123456', '004930123456'],
      ['P3', '442079460958', '442079460958'],
      ['P4', 'ask reception', null],
    ]);
    expect(cards[3]!.noPhone).toMatch(/holds no number to dial/);
    expect(t.statuses().P4!.Status).not.toMatch(/Error/);
  });
});
