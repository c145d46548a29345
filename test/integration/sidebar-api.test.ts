// The server functions the sidebar calls, through google.script.run's JSON-only boundary.
import { addDays, setUp } from './harness';

const DUE = '2026-11-02';

function open(today = addDays(DUE, 1)) {
  const t = setUp({
    today,
    rows: [
      { invoice: 'INV-1', client: 'Acme <b>Ltd</b>', due: DUE, amount: 1200, paid: 200 },
      { invoice: 'INV-2', due: addDays(DUE, 20) },
      { invoice: 'BAD-1', due: 'soon' },
    ],
  });
  t.runtime.select('Invoices', 2, 3);
  const run = <T>(name: string, ...args: unknown[]) => t.addon.callAsScriptRun(name, ...args) as T;
  return { ...t, run };
}

describe('getSidebarData', () => {
  it('returns everything the first screen needs as plain JSON, in one call', () => {
    const t = open();
    const data = t.run<Record<string, any>>('getSidebarData');
    expect(data.templates.map((x: { id: string }) => x.id)).toEqual([
      'nudge',
      'reminder',
      'firm',
      'escalate',
      'formal',
      'dispute',
      'escalateNoBilling',
      'promiseMissed',
      'thankYou',
      'nudgeList',
      'reminderList',
      'firmList',
      'escalateList',
      'formalList',
    ]);
    expect(data.placeholders).toContain('balance');
    expect(data.settings.senderName).toBe('Sam Rivera');
    expect(data.selected).toMatchObject({
      invoice: 'INV-1',
      client: 'Acme <b>Ltd</b>',
      balanceText: '$1,000.00',
      dueDate: DUE,
      daysOverdue: 1,
      status: 'Overdue',
    });
    expect(data.selected.values).toMatchObject({ invoice: 'INV-1', balance: '$1,000.00', due_date: 'November 2, 2026' });
    expect(data.overview.dueToday).toEqual([
      { invoice: 'INV-1', invoices: ['INV-1'], client: 'Acme <b>Ltd</b>', stage: 'reminder', to: ['inv-1@client.test'] },
    ]);
    expect(data.overview.counts).toEqual(
      expect.arrayContaining([
        { status: 'Overdue', code: 'overdue', count: 1 },
        { status: 'Error', code: 'error', count: 1 },
      ]),
    );
    expect(data.overview.overdueTotals).toEqual([{ currency: 'USD', amount: 1000, text: '$1,000.00' }]);
    expect(t.runtime.mail.sent).toHaveLength(0);
  });

  it('says what to do when the selection is not an invoice row', () => {
    const t = open();
    t.runtime.select('Invoices', 1, 1);
    expect(t.run<Record<string, unknown>>('getSelectedInvoice')).toEqual({
      selected: null,
      selectionNote: expect.stringMatching(/not the header/),
    });
  });
});

describe('templates', () => {
  it('an unknown placeholder is refused with its name; a valid one is saved and still there after reopening', () => {
    const t = open();
    const bad = t.run<Record<string, any>>('saveTemplate', 'reminder', { subject: 'Invoice {{invoice}}', body: 'Hi {{amout}}' });
    expect(bad.ok).toBe(false);
    expect(bad.problems.join(' ')).toMatch(/\{\{amout\}\}.*did you mean \{\{amount\}\}/);
    const good = t.run<Record<string, any>>('saveTemplate', 'reminder', {
      subject: 'Invoice {{invoice}}',
      body: 'Hi, {{balance}} is due. {{sender_name}}',
    });
    expect(good).toEqual({ ok: true });
    const data = t.run<Record<string, any>>('getSidebarData');
    expect(data.templates[1]).toMatchObject({ body: 'Hi, {{balance}} is due. {{sender_name}}', isDefault: false });
    const reset = t.run<Record<string, any>>('resetTemplate', 'reminder');
    expect(reset.isDefault).toBe(true);
    expect(t.run<Record<string, any>>('getSidebarData').templates[1].isDefault).toBe(true);
  });

  it('a placeholder a template cannot fill is refused by the server, by field and code; a list template is saved', () => {
    const t = open();
    const bad = t.run<Record<string, any>>('saveTemplate', 'firm', { subject: 'Invoice {{invoice}}', body: '{{invoices}}' });
    expect(bad).toEqual({
      ok: false,
      problems: ['Message: {{invoices}} can only be used in the emails that list several invoices.'],
      issues: [
        {
          field: 'body',
          code: 'not-in-this-template',
          message: 'Message: {{invoices}} can only be used in the emails that list several invoices.',
        },
      ],
    });
    const list = { subject: '{{invoice_count}} invoices', body: 'Dear {{client}},\n{{invoices}}\n{{total_balance}}' };
    expect(t.run<Record<string, any>>('saveTemplate', 'reminderList', list)).toEqual({ ok: true });
    const saved = t.run<Record<string, any>>('getSidebarData').templates.find((x: { id: string }) => x.id === 'reminderList');
    expect(saved).toMatchObject({ ...list, label: 'Reminder — several invoices', isDefault: false });
    expect(t.run<Record<string, any>>('getSidebarData').selected.clientInvoices).toEqual([
      { invoice: 'INV-1', issueDate: null, dueDate: DUE, balance: 1000, currency: 'USD', paymentLink: '' },
    ]);
  });

  it('an oversized template is refused with a message before Apps Script limits bite', () => {
    const t = open();
    const r = t.run<Record<string, any>>('saveTemplate', 'firm', { subject: 'Invoice {{invoice}}', body: 'x'.repeat(19_000) });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatch(/too large to save/);
  });
});

describe('disputes', () => {
  it('open → Disputed and nothing sent; notes stay text; resolve → the schedule resumes after minGapDays', () => {
    const t = open();
    const opened = t.run<Record<string, any>>(
      'recordDispute',
      'open',
      'INV-1',
      '=IMPORTXML("http://evil.test") says scope not delivered',
    );
    expect(opened.ok).toBe(true);
    expect(opened.invoice).toMatchObject({ status: 'Disputed', disputeOpen: true });
    expect(t.statuses()['INV-1']?.Status).toBe('Disputed');
    const notes = t.runtime.sheet('Dispute Notes');
    expect(notes.rows()[1]?.[3]).toBe('=IMPORTXML("http://evil.test") says scope not delivered');
    expect(notes.formulaAt(2, 4)).toBeNull();

    t.daily();
    expect(t.runtime.mail.sent).toHaveLength(0);

    t.goTo(addDays(DUE, 8), 11);
    expect(t.run<Record<string, any>>('recordDispute', 'note', 'INV-1', 'Call booked').ok).toBe(true);
    const resolved = t.run<Record<string, any>>('recordDispute', 'resolve', 'INV-1', 'Sent the missing export');
    expect(resolved.invoice.disputeNotes.map((n: { event: string }) => n.event)).toEqual([
      'Dispute opened',
      'Note',
      'Dispute resolved',
    ]);
    expect(resolved.invoice.status).toBe('Overdue');
    t.goTo(addDays(DUE, 9));
    t.daily();
    expect(t.runtime.mail.sent).toHaveLength(0); // minGapDays (3) after the resolution
    t.goTo(addDays(DUE, 11));
    t.daily();
    expect(t.runtime.mail.sent.map((m) => m.subject)).toEqual(['Invoice INV-1 from Sam Rivera']);
  });

  it('refuses what makes no sense, in words', () => {
    const t = open();
    expect(t.run<Record<string, any>>('recordDispute', 'resolve', 'INV-1', '').problems).toEqual([
      'There is no open dispute on this invoice.',
    ]);
    expect(t.run<Record<string, any>>('recordDispute', 'note', 'INV-1', '   ').problems).toEqual(['Write the note first.']);
    expect(t.run<Record<string, any>>('recordDispute', 'open', 'NOPE', 'x').problems[0]).toMatch(/not on the 'Invoices' sheet/);
    expect(t.run<Record<string, any>>('recordDispute', 'open', 'INV-1', 'x'.repeat(2001)).problems[0]).toMatch(/too long/);
  });
});

describe('settings', () => {
  it('validated with messages; a new send hour moves the daily trigger', () => {
    const t = open();
    t.ensureTrigger();
    const data = t.run<Record<string, any>>('getSidebarData');
    expect(data.dailyOn).toBe(true);
    const bad = t.run<Record<string, any>>('saveSettings', {
      ...data.settings,
      minGapDays: 0,
      stageDays: { ...data.settings.stageDays, firm: 0 },
    });
    expect(bad.ok).toBe(false);
    expect(bad.problems.join(' ')).toMatch(/Days between follow-ups/);
    expect(bad.problems.join(' ')).toMatch(/Firm reminder \(day 0\) must come after reminder/);
    const good = t.run<Record<string, any>>('saveSettings', { ...data.settings, sendHour: 7, skipWeekends: true });
    expect(good).toEqual({ ok: true, dailyOn: true });
    expect(t.runtime.triggers.list()).toEqual([expect.objectContaining({ hour: 7 })]);
    expect(t.run<Record<string, any>>('setDailyFollowUps', false)).toEqual({ ok: true, dailyOn: false });
    expect(t.runtime.triggers.list()).toEqual([]);
  });
});
