// One email per client, end to end on the built add-on (docs/escalation.md "One email per client").
import { addDays, setUp, type Row } from './harness';

const DUE = '2026-11-02';
const TODAY = addDays(DUE, 1);

/** Four overdue invoices of one client, one inbox, no billing contact: reminder, reminder, firm, escalation. */
const ACME: Row[] = [
  { invoice: 'A-1', client: 'Acme Ltd', email: 'ap@acme.test', due: addDays(TODAY, -1), amount: 100 },
  { invoice: 'A-2', client: 'acme  ltd', email: 'ap@acme.test', due: addDays(TODAY, -3), amount: 200 },
  { invoice: 'A-3', client: 'Acme Ltd', email: 'ap@acme.test', due: addDays(TODAY, -8), amount: 300 },
  { invoice: 'A-4', client: 'Acme Ltd', email: 'ap@acme.test', due: addDays(TODAY, -15), amount: 400 },
];

const ledgerKeys = (t: ReturnType<typeof setUp>): string[] =>
  (t.runtime.spreadsheets.active()?.model.metadata.entries ?? []).map((e) => e.key).filter((k) => k.startsWith('ifu:ledger:'));

describe('a client with four overdue invoices', () => {
  let t: ReturnType<typeof setUp>;
  beforeAll(() => {
    t = setUp({ today: TODAY, rows: ACME });
    t.daily();
  });

  it('gets one email listing all four, in the wording of the most advanced stage', () => {
    const sent = t.sent();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ subject: '4 overdue invoices from Sam Rivera', to: ['ap@acme.test'], cc: [] });
    const listed = [...sent[0]!.text.matchAll(/^- Invoice (\S+):/gm)].map((m) => m[1]);
    expect(listed).toEqual(['A-4', 'A-3', 'A-2', 'A-1']); // oldest due date first
    expect(sent[0]!.text).toMatch(/If someone else handles payments at Acme Ltd/); // the escalation's words
    for (const n of ['A-1', 'A-2', 'A-3', 'A-4']) expect(sent[0]!.html).toContain(`>${n}</td>`);
  });

  it('records each invoice as its own stage: one sent log row each, with the email subject and recipients', () => {
    const sentRows = t.log().filter((r) => r.Outcome === 'sent');
    expect(sentRows.map((r) => `${r.Invoice}:${r.Stage}`).sort()).toEqual([
      'A-1:reminder',
      'A-2:reminder',
      'A-3:firm',
      'A-4:escalate',
    ]);
    for (const r of sentRows)
      expect(r).toMatchObject({ Subject: '4 overdue invoices from Sam Rivera', Recipients: 'to: ap@acme.test' });
    const superseded = t.log().filter((r) => r.Outcome === 'superseded');
    expect(superseded.map((r) => `${r.Invoice}:${r.Stage}`).sort()).toEqual(['A-3:reminder', 'A-4:firm', 'A-4:reminder']);
    const s = t.statuses();
    expect([s['A-1']?.Stage, s['A-2']?.Stage, s['A-3']?.Stage, s['A-4']?.Stage]).toEqual([
      'reminder',
      'reminder',
      'firm',
      'escalate',
    ]);
    expect(ledgerKeys(t)).toEqual([]);
  });

  it('a second run the same day sends nothing more', () => {
    t.goTo(TODAY, 15);
    t.daily();
    expect(t.sent()).toHaveLength(1);
  });

  it('with grouping off, every invoice gets its own email, as before', () => {
    const off = setUp({ today: TODAY, rows: ACME, settings: { groupByClient: false } });
    off.daily();
    expect(off.sent().map((m) => m.subject)).toEqual([
      'Invoice A-4 from Sam Rivera',
      'Invoice A-3 from Sam Rivera',
      'Invoice A-2 from Sam Rivera',
      'Invoice A-1 from Sam Rivera',
    ]);
    expect(off.log().filter((r) => r.Outcome === 'sent')).toHaveLength(4);
  });
});

describe('the gap per client', () => {
  // A: reminder on day 1, firm on day 7. C: reminder on day 4. B's reminder falls due on day 6,
  // inside the client's gap after C's email (3 days): it waits and joins A's firm email on day 7.
  const rows: Row[] = [
    { invoice: 'G-A', client: 'Globex', email: 'pay@globex.test', due: DUE },
    { invoice: 'G-B', client: 'Globex', email: 'pay@globex.test', due: addDays(DUE, 5) },
    { invoice: 'G-C', client: 'Globex', email: 'pay@globex.test', due: addDays(DUE, 3) },
  ];
  let t: ReturnType<typeof setUp>;
  const days: Record<string, string[]> = {};
  beforeAll(() => {
    t = setUp({ today: DUE, rows });
    for (let d = 0; d <= 10; d++) {
      t.goTo(addDays(DUE, d));
      const before = t.sent().length;
      t.daily();
      if (d === 6) {
        days.waitingNext = [t.statuses()['G-B']?.['Next Follow-up'] ?? ''];
        t.goTo(addDays(DUE, d), 15); // a second run the same day: still waiting, logged once
        t.daily();
      }
      const now = t.sent().slice(before);
      if (now.length > 0) days[addDays(DUE, d)] = now.map((m) => m.subject);
    }
  });

  it('sends at most one email a day and at least minGapDays apart; the waiting invoice joins the next email', () => {
    expect(days).toEqual({
      waitingNext: [addDays(DUE, 7)],
      [addDays(DUE, 1)]: ['Invoice G-A from Sam Rivera'],
      [addDays(DUE, 4)]: ['Invoice G-C from Sam Rivera'],
      [addDays(DUE, 7)]: ['2 overdue invoices from Sam Rivera'],
      [addDays(DUE, 10)]: ['Invoice G-C from Sam Rivera'],
    });
    const joined = t.sent().find((m) => m.subject.startsWith('2 overdue'))!;
    expect([...joined.text.matchAll(/^- Invoice (\S+):/gm)].map((m) => m[1])).toEqual(['G-A', 'G-B']);
    expect(joined.text).toMatch(/Please confirm the payment status by/); // the firm wording (A's stage)
  });

  it('logs the waiting invoice once as queued, in words of its own', () => {
    const queued = t.log().filter((r) => r.Outcome === 'queued');
    expect(queued.map((r) => [r.Invoice, r.Stage, r.Result])).toEqual([
      ['G-B', 'reminder', "queued: waits for the client's next email (one email per client every 3 days)"],
    ]);
    const sentRows = t.log().filter((r) => r.Outcome === 'sent');
    expect(sentRows.map((r) => `${r.Invoice}:${r.Stage}`)).toEqual([
      'G-A:reminder',
      'G-C:reminder',
      'G-A:firm',
      'G-B:reminder',
      'G-C:firm',
    ]);
  });
});

describe('the menu and the quota count client emails', () => {
  const rows: Row[] = [
    ...ACME,
    { invoice: 'B-1', client: 'Beta', email: 'b@beta.test', due: addDays(TODAY, -5) },
    { invoice: 'C-1', client: 'Gamma', email: 'c@gamma.test', due: addDays(TODAY, -1) },
  ];

  it('the confirmation lists one line per client email, and the toast counts emails', () => {
    const t = setUp({ today: TODAY, rows });
    t.runtime.ui.respondWith('YES');
    t.addon.call('runFollowUps');
    const prompt = t.runtime.ui.alerts[0]?.prompt ?? '';
    expect(prompt).toMatch(/^Send 3 follow-up emails now\?/);
    expect(prompt).toContain('• A-4, A-3, A-2, A-1, Acme Ltd: ');
    expect(t.sent()).toHaveLength(3);
    expect(t.runtime.ui.toasts.at(-1)?.message).toBe('Sent 3 · 3 skipped · 0 queued · 0 failed');
  });

  it('an invoice paid while the confirmation is open changes the client email: it is not sent', () => {
    const t = setUp({ today: TODAY, rows });
    const sheet = t.runtime.sheet('Invoices');
    t.runtime.faults.beforeCall('Ui.alert', 1, () => sheet.setRaw(2, 11, { date: TODAY })); // A-1 paid
    t.runtime.ui.respondWith('YES');
    t.addon.call('runFollowUps');
    expect(t.sent().map((m) => m.subject)).toEqual(['Invoice B-1 from Sam Rivera', 'Invoice C-1 from Sam Rivera']);
    expect(t.log().filter((r) => r.Invoice?.startsWith('A-') && r.Outcome === 'sent')).toEqual([]);
  });

  it('quota for 2 recipients: two client emails go (oldest first), the third is queued', () => {
    const t = setUp({ today: TODAY, rows, runtime: { mailQuota: 2 } });
    t.daily();
    expect(t.sent().map((m) => m.subject)).toEqual(['4 overdue invoices from Sam Rivera', 'Invoice B-1 from Sam Rivera']);
    expect(
      t
        .log()
        .filter((r) => r.Outcome === 'queued')
        .map((r) => [r.Invoice, r.Result]),
    ).toEqual([['C-1', 'queued: daily email quota; it goes out on the next run']]);
  });

  it('the sidebar lists one entry per client email due today, with its invoices', () => {
    const t = setUp({ today: TODAY, rows });
    const data = t.addon.callAsScriptRun('getSidebarData') as {
      overview: { dueToday: Array<{ invoices: string[]; client: string }> };
    };
    expect(data.overview.dueToday.map((d) => [d.client, d.invoices])).toEqual([
      ['Acme Ltd', ['A-4', 'A-3', 'A-2', 'A-1']],
      ['Beta', ['B-1']],
      ['Gamma', ['C-1']],
    ]);
  });
});

describe('faults while sending a client email', () => {
  it('a timeout after the send holds every invoice of the email for review; nothing is sent twice', () => {
    const t = setUp({ today: TODAY, rows: ACME });
    t.runtime.faults.failAfter('MailApp.sendEmail', 1, { message: 'Service error: Gmail (the request timed out)' });
    t.daily();
    t.runtime.faults.clear();
    expect(t.sent()).toHaveLength(1);
    const s = t.statuses();
    for (const n of ['A-1', 'A-2', 'A-3', 'A-4']) expect(s[n]?.Status).toBe('Needs review');
    expect(t.log().filter((r) => r.Outcome === 'unsure')).toHaveLength(4);
    for (let d = 1; d <= 10; d++) {
      t.goTo(addDays(TODAY, d));
      t.daily();
    }
    expect(t.sent()).toHaveLength(1);
  });

  it('an address refused before sending: all of its invoices logged as failed, ledger cleared, sent on a later run', () => {
    const t = setUp({ today: TODAY, rows: ACME });
    t.runtime.faults.failOn('MailApp.sendEmail', 1, { message: 'Invalid email: ap@acme.test' });
    t.daily();
    t.runtime.faults.clear();
    expect(t.sent()).toHaveLength(0);
    expect(t.log().filter((r) => r.Outcome === 'failed')).toHaveLength(4);
    expect(ledgerKeys(t)).toEqual([]);
    t.goTo(addDays(TODAY, 1));
    t.daily();
    expect(t.sent().map((m) => m.subject)).toEqual(['4 overdue invoices from Sam Rivera']);
  });

  it('a run that dies mid-send holds every invoice of the email for review', () => {
    const t = setUp({ today: TODAY, rows: ACME });
    t.runtime.faults.failOn('MailApp.sendEmail', 1, { message: 'Execution killed' });
    t.runtime.faults.beforeCall('MailApp.sendEmail', 1, () => {
      // From here on every write fails: the execution is gone.
      for (const method of [
        'Spreadsheet.addDeveloperMetadata',
        'DeveloperMetadata.setValue',
        'DeveloperMetadata.remove',
        'Range.setValues',
        'Sheet.appendRow',
      ])
        t.runtime.faults.failOn(method, 1, { message: 'Execution killed', times: 1000 });
    });
    t.daily();
    t.runtime.faults.clear();
    t.goTo(addDays(TODAY, 1));
    t.daily();
    expect(t.sent()).toHaveLength(0);
    const s = t.statuses();
    for (const n of ['A-1', 'A-2', 'A-3', 'A-4']) expect(s[n]?.Status).toBe('Needs review');
  });
});

describe('the send record (ledger) nearly full', () => {
  /** Fills the add-on's store so that the send ledger has room for `entries` sends when the next run starts. */
  function leaveRoomFor(t: ReturnType<typeof setUp>, entries: number): void {
    const list = t.runtime.spreadsheets.active()!.model.metadata;
    const used = list.entries
      .filter((e) => e.key.startsWith('ifu:'))
      .reduce((n, e) => n + e.key.length + (e.value?.length ?? 0), 0);
    const filler = 30_000 - used - 'ifu:filler'.length - entries * 600 - 100;
    list.entries.push({
      id: 999_999,
      key: 'ifu:filler',
      value: 'x'.repeat(filler),
      visibility: 'PROJECT',
      locationType: 'SPREADSHEET',
      index: 0,
    });
  }
  const singles: Row[] = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ invoice: `S-${n}`, client: `Solo ${n}`, due: addDays(TODAY, -n) }));

  it('room for 3 sends, 7 clients due: the sends made are settled during the run and all 7 go out, once', () => {
    const t = setUp({ today: addDays(TODAY, -10), rows: singles });
    t.daily(); // nothing due yet: the store now holds what a run keeps
    leaveRoomFor(t, 3);
    t.goTo(TODAY);
    t.daily();
    expect(t.sent()).toHaveLength(7);
    expect(t.log().filter((r) => r.Outcome === 'sent')).toHaveLength(7);
    expect(t.log().filter((r) => r.Outcome === 'queued')).toEqual([]);
    expect(ledgerKeys(t)).toEqual([]);
    t.goTo(TODAY, 15);
    t.daily();
    expect(t.sent()).toHaveLength(7);
  });

  it('room for 3 sends and a client email of 4 invoices: it lists 3, the fourth waits for the next email', () => {
    const t = setUp({ today: addDays(TODAY, -20), rows: ACME });
    t.daily();
    leaveRoomFor(t, 3);
    t.goTo(TODAY);
    t.daily();
    expect(t.sent().map((m) => m.subject)).toEqual(['3 overdue invoices from Sam Rivera']);
    const rows = t.log().filter((r) => r.Invoice !== '');
    expect(rows.filter((r) => r.Outcome === 'sent').map((r) => r.Invoice)).toEqual(['A-4', 'A-3', 'A-2']);
    expect(rows.filter((r) => r.Outcome === 'queued').map((r) => [r.Invoice, r.Result])).toEqual([
      ['A-1', "queued: today's email to the client lists as many invoices as one email holds; this one goes in its next email"],
    ]);
    expect(ledgerKeys(t)).toEqual([]);
  });
});

describe('a client with 25 invoices due at once', () => {
  const rows: Row[] = Array.from({ length: 25 }, (_, i) => ({
    invoice: `M-${String(i + 1).padStart(2, '0')}`,
    client: 'Many Ltd',
    email: 'ap@many.test',
    due: addDays(TODAY, -1 - (i % 3)),
    amount: 100 + i,
  }));

  it('gets one email listing 20; the other 5 wait and go in its next email, each stage once', () => {
    const t = setUp({ today: TODAY, rows });
    t.daily();
    expect(t.sent()).toHaveLength(1);
    expect(t.sent()[0]!.subject).toBe('20 overdue invoices from Sam Rivera');
    const waiting = t.log().filter((r) => r.Outcome === 'queued');
    expect(waiting).toHaveLength(5);
    expect(new Set(waiting.map((r) => r.Result))).toEqual(
      new Set(["queued: today's email to the client lists as many invoices as one email holds; this one goes in its next email"]),
    );
    expect(ledgerKeys(t)).toEqual([]);
    for (let d = 1; d <= 3; d++) {
      t.goTo(addDays(TODAY, d));
      t.daily();
    }
    expect(t.sent()).toHaveLength(2);
    const sentRows = t.log().filter((r) => r.Outcome === 'sent');
    expect(new Set(sentRows.map((r) => `${r.Invoice}:${r.Stage}`)).size).toBe(sentRows.length);
    expect(new Set(sentRows.map((r) => r.Invoice)).size).toBe(25);
  });
});
