// The follow-up run end to end on the built add-on (README "How the schedule works", "The invoice sheet").
import fc from 'fast-check';
import { isDate } from '../../local';
import { addDays, setUp, type Row } from './harness';

const DUE = '2026-11-02';

const PLATFORMS = [
  { triggerDocumentContext: true, userTriggersListClock: true },
  { triggerDocumentContext: false, userTriggersListClock: true },
  { triggerDocumentContext: true, userTriggersListClock: false },
  { triggerDocumentContext: false, userTriggersListClock: false },
];
const platformTitle = (p: (typeof PLATFORMS)[number]): string =>
  `document context ${p.triggerDocumentContext ? 'yes' : 'no'}, clock triggers listed per document ${p.userTriggersListClock ? 'yes' : 'no'}`;

// The platform behaviours nobody documents (README "Where the add-on keeps its data"): the month holds in each.
describe.each(PLATFORMS.map((p) => [platformTitle(p), p] as const))(
  'a month of daily runs over a mixed sheet (%s)',
  (_title, platform) => {
    const rows: Row[] = [
      {
        invoice: 'LATE-1',
        client: 'Northwind',
        email: 'pat@northwind.test',
        billing: 'ap@northwind.test',
        due: DUE,
        amount: 2400,
      },
      { invoice: 'PAID-1', due: DUE, paidDate: '2026-11-03' },
      { invoice: 'PAUSED-1', due: DUE, paused: true },
      { invoice: 'BROKEN-1', due: '31/02/2026' },
      { invoice: 'PART-1', due: DUE, amount: 3000, paid: 1000 },
    ];
    let t: ReturnType<typeof setUp>;
    beforeAll(() => {
      t = setUp({ today: DUE, rows, runtime: { ...platform } });
      t.runtime.addSheet('Dispute Notes', [
        ['Timestamp', 'Invoice', 'Event', 'Note'],
        [{ date: '2026-10-30' }, 'PART-1', 'Dispute opened', 'scope question'],
      ]);
      for (let d = 0; d < 40; d++) {
        t.goTo(addDays(DUE, d));
        t.daily();
      }
    });

    it('sends each stage on due+1, +7, +14, +21 exactly once, and nothing from +30 on', () => {
      const late = t.sent().filter((m) => m.subject.includes('LATE-1'));
      const days = late.map((m) => Math.round((Date.parse(m.at) - Date.parse(`${DUE}T14:00:00Z`)) / 86_400_000));
      expect(days).toEqual([1, 7, 14, 21]);
    });

    it('escalate reaches the billing contact with the usual contact copied; formal copies billing', () => {
      const late = t.sent().filter((m) => m.subject.includes('LATE-1'));
      expect(late.map((m) => [m.to, m.cc])).toEqual([
        [['pat@northwind.test'], []],
        [['pat@northwind.test'], []],
        [['ap@northwind.test'], ['pat@northwind.test']],
        [['pat@northwind.test'], ['ap@northwind.test']],
      ]);
      expect(new Set(late.map((m) => m.subject)).size).toBe(1);
    });

    it('paid, paused, disputed and error rows get nothing', () => {
      expect(t.sent().filter((m) => !m.subject.includes('LATE-1'))).toEqual([]);
      const s = t.statuses();
      expect(s['PAID-1']?.Status).toBe('Paid');
      expect(s['PAUSED-1']?.Status).toBe('Paused');
      expect(s['PART-1']?.Status).toBe('Disputed');
      expect(s['BROKEN-1']?.Status).toBe("Error: Due date '31/02/2026' is not a real date");
    });

    it('status columns hold the right values, with real date cells', () => {
      const s = t.statuses()['LATE-1']!;
      expect(s).toMatchObject({
        Status: 'Decide next step',
        Stage: 'formal',
        'Days Overdue': '39',
        'Last Follow-up': '2026-11-23',
        'Next Follow-up': '',
      });
      const sheet = t.runtime.sheet('Invoices');
      const header = sheet.rows()[0] as string[];
      expect(sheet.cellDate(2, header.indexOf('Last Follow-up') + 1)).toBe('2026-11-23');
    });

    it('one sent log row per email, and the decision logged once', () => {
      const sentRows = t.log().filter((r) => r.Result === 'sent');
      expect(sentRows.map((r) => `${r.Invoice}:${r.Stage}`)).toEqual([
        'LATE-1:reminder',
        'LATE-1:firm',
        'LATE-1:escalate',
        'LATE-1:formal',
      ]);
      expect(t.log().filter((r) => r.Stage === 'final')).toHaveLength(1);
      expect(sentRows.every((r) => isDate(r.Timestamp) || /^\d{4}-\d{2}-\d{2}/.test(r.Timestamp ?? ''))).toBe(true);
    });
  },
);

describe('escalation without a billing contact', () => {
  it('goes to the usual contact asking them to pass it on, flags "Call client", formal follows', () => {
    const t = setUp({ today: DUE, rows: [{ invoice: 'NB-1', due: DUE, email: 'pat@client.test' }] });
    for (let d = 0; d < 25; d++) {
      t.goTo(addDays(DUE, d));
      t.daily();
      if (d === 16) expect(t.statuses()['NB-1']).toMatchObject({ Status: 'Call client', Stage: 'escalate' });
    }
    const days = t.sent().map((m) => Math.round((Date.parse(m.at) - Date.parse(`${DUE}T14:00:00Z`)) / 86_400_000));
    expect(days).toEqual([1, 7, 14, 21]);
    expect(t.sent().every((m) => m.to.join() === 'pat@client.test' && m.cc.length === 0)).toBe(true);
    expect(t.sent()[2]?.text).toMatch(/pass this message to whoever handles payments/);
    expect(
      t
        .log()
        .filter((r) => r.Stage === 'escalate')
        .map((r) => r.Result),
    ).toEqual(['sent']);
  });
});

describe('catch-up, re-runs and gaps', () => {
  it('first seen 10 days late: one firm email, no burst; the reminder is logged as superseded', () => {
    const t = setUp({ today: addDays(DUE, 10), rows: [{ invoice: 'A', due: DUE }] });
    t.daily();
    expect(t.sent().map((m) => m.text.includes('10 days overdue'))).toEqual([true]);
    expect(
      t
        .log()
        .filter((r) => r.Invoice === 'A')
        .map((r) => `${r.Stage} ${r.Result}`),
    ).toEqual(['reminder skipped: superseded by the firm reminder', 'firm sent']);
  });

  it('a same-day re-run (menu after trigger) sends nothing more', () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }] });
    t.daily();
    t.goTo(addDays(DUE, 1), 15);
    t.addon.call('runFollowUps');
    expect(t.sent()).toHaveLength(1);
    expect(t.runtime.ui.toasts.at(-1)?.message).toMatch(/^Sent 0/);
  });

  it('minGapDays holds the next email back, and the Next Follow-up says when', () => {
    const t = setUp({ today: addDays(DUE, 5), rows: [{ invoice: 'A', due: DUE }], settings: { minGapDays: 4 } });
    t.daily();
    t.goTo(addDays(DUE, 7));
    t.daily();
    expect(t.sent()).toHaveLength(1);
    expect(t.statuses().A?.['Next Follow-up']).toBe(addDays(DUE, 9));
    t.goTo(addDays(DUE, 9));
    t.daily();
    expect(t.sent()).toHaveLength(2);
  });
});

describe('time zones', () => {
  it('days are calendar days in the spreadsheet zone (Auckland), whatever the script zone (Los Angeles)', () => {
    const t = setUp({
      today: '2026-11-02',
      timeZone: 'Pacific/Auckland',
      rows: [{ invoice: 'NZ-1', due: '2026-11-02' }],
      runtime: { scriptTimeZone: 'America/Los_Angeles' },
    });
    t.goTo('2026-11-02', 23); // still the due date in Auckland (but already the 3rd in UTC? no: 10:00 UTC)
    t.daily();
    expect(t.sent()).toHaveLength(0);
    expect(t.statuses()['NZ-1']?.Status).toBe('Due today');
    t.goTo('2026-11-03', 9); // 2026-11-02 20:00 UTC and 12:00 in Los Angeles: day 1 in Auckland
    t.daily();
    expect(t.sent()).toHaveLength(1);
    expect(t.statuses()['NZ-1']).toMatchObject({ Status: 'Overdue', 'Days Overdue': '1', 'Last Follow-up': '2026-11-03' });
  });
});

describe('faults', () => {
  it('a send that throws after the message left: the others still go out, that invoice is held for review, never resent', () => {
    const rows = ['A', 'B', 'C'].map((invoice) => ({ invoice, due: DUE }));
    const t = setUp({ today: addDays(DUE, 1), rows });
    t.runtime.faults.failAfter('MailApp.sendEmail', 2, 'Service error: Gmail');
    t.daily();
    expect(t.sent().map((m) => m.subject)).toEqual(['A', 'B', 'C'].map((i) => `Invoice ${i} from Sam Rivera`));
    expect(t.statuses().B?.Status).toBe('Needs review');
    expect(t.log().find((r) => r.Invoice === 'B')?.Result).toMatch(
      /^failed: Service error: Gmail\. So this email may or may not have gone out/,
    );
    for (let d = 2; d < 12; d++) {
      t.goTo(addDays(DUE, d));
      t.daily();
    }
    expect(t.sent().filter((m) => m.subject.includes(' B '))).toHaveLength(1);
  });

  it.each(['Service error: Gmail', 'Erreur de service : Gmail', 'Dienstfehler: Gmail'])(
    'MailApp refuses before sending ("%s", the quota unchanged): not sent, not under review, sent by the next run',
    (message) => {
      const rows = ['A', 'B'].map((invoice) => ({ invoice, due: DUE }));
      const t = setUp({ today: addDays(DUE, 1), rows });
      t.runtime.faults.failOn('MailApp.sendEmail', 2, message);
      t.daily();
      expect(t.sent().map((m) => m.subject)).toEqual(['Invoice A from Sam Rivera']);
      expect(t.statuses().B?.Status).toBe('Overdue');
      expect(t.log().find((r) => r.Invoice === 'B')?.Outcome).toBe('failed');
      t.goTo(addDays(DUE, 2));
      t.daily();
      expect(t.sent().filter((m) => m.subject.includes(' B '))).toHaveLength(1);
    },
  );

  /** Makes every later write of the run fail, as if the execution had been killed. */
  function dieAfterThis(t: ReturnType<typeof setUp>): void {
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

  it('a crash after sending but before recording: no second send, the row is flagged; the user settles it', () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }] });
    t.ensureTrigger();
    t.runtime.faults.failAfter('MailApp.sendEmail', 1, 'Execution killed');
    t.runtime.faults.beforeCall('MailApp.sendEmail', 1, () => dieAfterThis(t));
    t.daily();
    t.runtime.faults.clear();
    expect(t.sent()).toHaveLength(1);
    for (let d = 2; d < 12; d++) {
      t.goTo(addDays(DUE, d));
      t.daily();
    }
    expect(t.sent()).toHaveLength(1);
    expect(t.statuses().A?.Status).toBe('Needs review');
    expect(
      t
        .log()
        .filter((r) => r.Invoice === 'A')
        .map((r) => r.Result),
    ).toEqual([expect.stringMatching(/^failed: the run was interrupted while sending/)]);
    // The user checks Sent mail: it was sent. The invoice then moves on (firm reminder, day 12).
    t.goTo(addDays(DUE, 12), 10);
    t.runtime.ui.respondWith('YES', 'YES');
    t.addon.call('runFollowUps');
    expect(t.runtime.ui.alerts.map((a) => a.title).slice(2)).toEqual(['Was this follow-up sent?', 'Run follow-ups']);
    expect(t.sent()).toHaveLength(2);
    expect(t.sent()[1]?.text).toMatch(/12 days overdue/);
    expect(
      t
        .log()
        .filter((r) => r.Result === 'sent')
        .map((r) => r.Timestamp?.slice(0, 10)),
    ).toEqual([addDays(DUE, 1), addDays(DUE, 12)]);
  });

  it('the user says the unsure email was not sent: it goes out again, once', () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }] });
    t.ensureTrigger();
    t.runtime.faults.failOn('MailApp.sendEmail', 1, 'Execution killed');
    t.runtime.faults.beforeCall('MailApp.sendEmail', 1, () => dieAfterThis(t));
    t.daily();
    t.runtime.faults.clear();
    expect(t.sent()).toHaveLength(0);
    t.goTo(addDays(DUE, 2), 10);
    t.runtime.ui.respondWith('NO', 'YES');
    t.addon.call('runFollowUps');
    t.runtime.ui.respondWith('YES');
    t.addon.call('runFollowUps');
    expect(t.sent()).toHaveLength(1);
    expect(t.log().map((r) => r.Result)).toContain('failed: not sent (checked by you in Sent mail); it will be sent again');
  });

  it('a crash after the send was recorded but before the log was written: logged next run, never resent', () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }] });
    t.ensureTrigger();
    t.runtime.faults.beforeCall('MailApp.sendEmail', 1, () =>
      t.runtime.faults.failOn('Range.setValues', 1, { message: 'Execution killed', times: 1000 }),
    );
    t.daily();
    t.runtime.faults.clear();
    expect(t.sent()).toHaveLength(1);
    const logged = t.runtime.hasSheet('Follow-up Log') ? t.log().map((r) => r.Result) : [];
    expect(logged.filter((r) => r === 'sent')).toEqual([]); // the run died before its log write
    t.goTo(addDays(DUE, 2));
    t.daily();
    expect(t.sent()).toHaveLength(1);
    expect(
      t
        .log()
        .filter((r) => r.Result === 'sent')
        .map((r) => `${r.Invoice}:${r.Stage}`),
    ).toEqual(['A:reminder']);
    expect(t.statuses().A).toMatchObject({ Status: 'Overdue', Stage: 'reminder' });
    expect(
      t.runtime.properties
        .document()
        .keys()
        .filter((k) => k.startsWith('ledger:')),
    ).toEqual([]);
  });

  it('rows sorted, inserted and deleted between read and write: each status lands on its own invoice', () => {
    const rows: Row[] = [
      { invoice: 'C', due: addDays(DUE, -20) },
      { invoice: 'A', due: DUE },
      { invoice: 'B', due: addDays(DUE, 5), paused: true },
      { invoice: 'D', due: addDays(DUE, 3) },
    ];
    const t = setUp({ today: addDays(DUE, 1), rows });
    const sheet = t.runtime.sheet('Invoices');
    t.runtime.faults.beforeCall('MailApp.sendEmail', 1, () => {
      sheet.sortBy(1); // by invoice number: A, B, C, D
      sheet.insertRowAt(2, ['NEW', 'Newco', '', 'new@x.test', '', 5, '', 'USD', '', { date: DUE }, '', false, '']);
      sheet.deleteRowAt(6); // D
    });
    t.daily();
    const s = t.statuses();
    expect(Object.keys(s)).toEqual(['NEW', 'A', 'B', 'C']);
    expect(s.A).toMatchObject({ Status: 'Overdue', Stage: 'reminder', 'Days Overdue': '1' });
    expect(s.B).toMatchObject({ Status: 'Paused', Stage: '' });
    expect(s.C).toMatchObject({ Status: 'Final notice', Stage: 'formal', 'Days Overdue': '21' });
    expect(s.NEW?.Status).toBe('');
  });

  it('another run holds the lock: this run sends nothing and says so in the log', () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }] });
    t.runtime.locks.holdDocumentLock();
    t.daily();
    expect(t.sent()).toHaveLength(0);
    expect(t.log().at(-1)?.Result).toMatch(/^skipped: Another follow-up run is in progress/);
    t.runtime.locks.releaseHeld();
    t.daily();
    expect(t.sent()).toHaveLength(1);
  });

  it("no document context in a trigger run: the user's lock guards it, and it sends from the same store", () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }], runtime: { triggerDocumentContext: false } });
    t.daily();
    expect(t.sent()).toHaveLength(1);
    expect(t.runtime.calls.count('LockService.getUserLock')).toBeGreaterThan(0);
    t.daily();
    expect(t.sent()).toHaveLength(1);
  });

  it('stops sending well before the 6-minute limit; the rest is queued for the next run', () => {
    const rows = [1, 2, 3, 4].map((n) => ({ invoice: `T${n}`, due: addDays(DUE, -n) }));
    const t = setUp({ today: DUE, rows });
    t.ensureTrigger();
    t.runtime.faults.beforeCall('MailApp.sendEmail', 2, () => t.runtime.clock.advance(5 * 60 * 1000));
    t.daily();
    expect(t.sent()).toHaveLength(2);
    expect(
      t
        .log()
        .filter((r) => (r.Result ?? '').startsWith('queued: time limit'))
        .map((r) => r.Invoice),
    ).toEqual(['T2', 'T1']);
    t.goTo(addDays(DUE, 1));
    t.daily();
    expect(t.sent()).toHaveLength(4);
  });

  it('a daily run that stops is in the log and the run outcome; the next menu run says so once', () => {
    const t = setUp({ today: DUE, rows: [{ invoice: 'A', due: DUE }] });
    t.ensureTrigger();
    t.runtime.sheet('Invoices').setRaw(1, 10, 'When');
    t.daily();
    expect(t.log().at(-1)?.Result).toMatch(/^skipped: the daily run stopped: The sheet 'Invoices' has no 'Due Date' column/);
    expect((t.stored('lastRun') as { stopped?: string }).stopped).toMatch(/no 'Due Date' column/);
    t.runtime.ui.respondWith('OK', 'OK');
    t.addon.call('runFollowUps');
    expect(t.runtime.ui.alerts.map((a) => a.title)).toEqual([
      'Turn on daily follow-ups?',
      'Daily follow-ups are on',
      'The last daily run did not finish',
      'Invoice Follow-ups',
    ]);
    t.runtime.ui.respondWith('OK');
    t.addon.call('runFollowUps');
    expect(t.runtime.ui.alerts.map((a) => a.title).slice(4)).toEqual(['Invoice Follow-ups']);
  });

  it('an email waiting for quota day after day is logged as queued once', () => {
    const rows = [3, 2, 1].map((n) => ({ invoice: `W${n}`, due: addDays(DUE, -n) }));
    const t = setUp({ today: DUE, rows, runtime: { mailQuota: 1 } });
    t.daily();
    t.runtime.mail.setRemainingQuota(0);
    t.goTo(addDays(DUE, 1));
    t.daily();
    const queued = t
      .log()
      .filter((r) => (r.Result ?? '').startsWith('queued'))
      .map((r) => r.Invoice);
    expect(queued).toEqual(['W2', 'W1']);
    expect(t.statuses().W1).toMatchObject({ Status: 'Overdue', Stage: '', 'Next Follow-up': addDays(DUE, 1) });
  });

  it('quota 2 with 5 due: the oldest 2 go out, 3 are queued and go out on the next run', () => {
    const rows = [5, 4, 3, 2, 1].map((n) => ({ invoice: `Q${n}`, due: addDays(DUE, -n) }));
    const t = setUp({ today: DUE, rows, runtime: { mailQuota: 2 } });
    t.daily();
    expect(t.sent().map((m) => m.subject.split(' ')[1])).toEqual(['Q5', 'Q4']);
    expect(
      t
        .log()
        .filter((r) => (r.Result ?? '').startsWith('queued: daily email quota'))
        .map((r) => r.Invoice),
    ).toEqual(['Q3', 'Q2', 'Q1']);
    t.runtime.mail.setRemainingQuota(100);
    t.goTo(addDays(DUE, 1));
    t.daily();
    expect(t.sent().map((m) => m.subject.split(' ')[1])).toEqual(['Q5', 'Q4', 'Q3', 'Q2', 'Q1']);
  });
});

describe('the menu', () => {
  it('Run follow-ups confirms "Send N follow-ups" first; No sends nothing', () => {
    const t = setUp({
      today: addDays(DUE, 1),
      rows: [
        { invoice: 'A', due: DUE, email: 'a@client.test' },
        { invoice: 'B', due: DUE },
      ],
    });
    t.runtime.ui.respondWith('NO');
    t.addon.call('runFollowUps');
    expect(t.runtime.ui.alerts[0]?.prompt).toMatch(/^Send 2 follow-up emails now\?/);
    expect(t.runtime.ui.alerts[0]?.prompt).toContain('A, Client A: reminder to a@client.test');
    expect(t.sent()).toHaveLength(0);
    t.runtime.ui.respondWith('YES');
    t.addon.call('runFollowUps');
    expect(t.sent()).toHaveLength(2);
    expect(t.runtime.ui.toasts.at(-1)?.message).toBe('Sent 2 · 0 skipped · 0 queued · 0 failed');
  });

  it('rows paid while the confirmation is open are not sent', () => {
    const t = setUp({
      today: addDays(DUE, 1),
      rows: [
        { invoice: 'A', due: DUE },
        { invoice: 'B', due: DUE },
      ],
    });
    const sheet = t.runtime.sheet('Invoices');
    t.runtime.faults.beforeCall('Ui.alert', 1, () => sheet.setRaw(3, 11, { date: addDays(DUE, 1) }));
    t.runtime.ui.respondWith('YES');
    t.addon.call('runFollowUps');
    expect(t.sent().map((m) => m.subject)).toEqual(['Invoice A from Sam Rivera']);
    expect(t.statuses().B?.Status).toBe('Paid');
  });

  it('Preview writes statuses and preview log rows, and sends nothing', () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }] });
    t.addon.call('previewFollowUps');
    expect(t.sent()).toHaveLength(0);
    expect(t.log().map((r) => r.Result)).toEqual(['preview']);
    expect(t.statuses().A).toMatchObject({ Status: 'Overdue', Stage: '', 'Next Follow-up': addDays(DUE, 1) });
    expect(t.runtime.ui.toasts.at(-1)?.message).toMatch(/^Previewed 1 follow-up \(nothing sent\)/);
    t.runtime.ui.respondWith('YES');
    t.addon.call('runFollowUps');
    expect(t.sent()).toHaveLength(1);
  });

  it('a missing header is one clear message, and nothing is written or sent', () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }] });
    t.runtime.sheet('Invoices').setRaw(1, 10, 'When');
    t.runtime.ui.respondWith('OK');
    t.addon.call('runFollowUps');
    expect(t.runtime.ui.alerts.at(-1)?.prompt).toMatch(/no 'Due Date' column/);
    expect(t.sent()).toHaveLength(0);
  });
});

describe('service calls', () => {
  it('a run with no sends reads and writes the sheet in a constant number of Range calls', () => {
    const counts = [10, 200].map((n) => {
      const rows = Array.from({ length: n }, (_, i) => ({ invoice: `N${i}`, due: addDays(DUE, 10 + (i % 30)) }));
      const t = setUp({ today: DUE, rows });
      t.daily(); // first run appends the status columns
      t.runtime.calls.reset();
      t.goTo(addDays(DUE, 1));
      t.daily();
      return {
        range: t.runtime.calls.count('Range'),
        perCell: t.runtime.calls.count('Range.getValue') + t.runtime.calls.count('Range.setValue'),
        finders: t.runtime.calls.count('DeveloperMetadataFinder.find'),
      };
    });
    expect(counts[0]).toEqual(counts[1]);
    // The invoice sheet read three ways (values, display values, formulas), the five status
    // columns' positions from their marks, the log read, the status block written and checked,
    // and the log appended.
    expect(counts[1]!.range).toBeLessThanOrEqual(13);
    expect(counts[1]!.perCell).toBe(0);
    // The add-on's columns found in one look-up per run; the run's claim (README "Duplicates"): the
    // claims read before it is written, expired ones cleared, read back after the flush, removed.
    expect(counts[1]!.finders).toBe(5);
  });
});

describe('property: the built add-on never sends a stage twice', () => {
  it('for random due dates, settings and run days (daily trigger and menu runs mixed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 40 }),
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 6 }), menu: fc.boolean() }), { minLength: 3, maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (firstOffset, runs, minGapDays) => {
          const t = setUp({ today: addDays(DUE, firstOffset), rows: [{ invoice: 'P', due: DUE }], settings: { minGapDays } });
          let day = addDays(DUE, firstOffset);
          for (const run of runs) {
            day = addDays(day, run.gap);
            t.goTo(day, run.menu ? 16 : 9);
            if (run.menu) {
              t.runtime.ui.respondWith('YES');
              t.addon.call('runFollowUps');
              t.runtime.ui.clearResponses(); // nothing due: no confirmation was shown
            } else t.daily();
          }
          const sent = t
            .log()
            .filter((r) => r.Result === 'sent')
            .map((r) => r.Stage);
          expect(new Set(sent).size).toBe(sent.length);
          expect(t.sent()).toHaveLength(sent.length);
          const days = t.sent().map((m) => m.at.slice(0, 10));
          expect(new Set(days).size).toBe(days.length);
        },
      ),
      { numRuns: 25 },
    );
  });
});
