import { dailySummaryEmail, type SummaryChange, type SummaryOutcome } from '../../src/domain/summary';

const totals = { locale: 'en_US', overdue: [{ currency: 'USD', balance: 4200, count: 3 }] };
const URL = 'https://docs.google.com/spreadsheets/d/abc/edit';

describe('the daily summary', () => {
  it('a quiet day sends nothing', () => {
    expect(dailySummaryEmail([], [], totals, URL)).toBeNull();
  });

  it('a day that sent ten emails says so, with what needs the user first and the total still owed', () => {
    const sent: SummaryOutcome[] = Array.from({ length: 10 }, (_, i) => ({
      invoice: `INV-${i}`,
      client: 'Acme',
      stage: 'reminder',
      result: 'sent',
    }));
    const failed: SummaryOutcome = {
      invoice: 'INV-X',
      client: 'Zeta',
      stage: 'firm',
      result: 'failed',
      reason: 'invalid address',
    };
    const email = dailySummaryEmail([...sent, failed], [{ invoice: 'INV-9', client: 'Acme', need: 'call' }], totals, URL)!;
    expect(email.subject).toBe('Invoice follow-ups today: 10 invoices followed up, 1 failed, 1 invoice needs you');
    const order = ['Needs you', 'Failed', 'Sent', 'Still owed'].map((h) => email.text.indexOf(h));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(email.text).toContain('- Invoice INV-9 (Acme): call the client');
    expect(email.text).toContain('- Firm reminder for invoice INV-X (Zeta): invalid address');
    expect(email.text).toContain('- $4,200.00 overdue on 3 invoices');
    expect(email.text.match(/^- Reminder for invoice/gm)).toHaveLength(10);
    expect(email.text).toContain(`Open the spreadsheet: ${URL}`);
  });

  it('escapes every value from the sheet in the HTML, and links only an https address', () => {
    const o: SummaryOutcome = {
      invoice: '<img src=x onerror=alert(1)>',
      client: 'A&B',
      stage: 'reminder',
      result: 'queued',
      reason: 'quota',
    };
    const email = dailySummaryEmail([o], [], totals, 'javascript:alert(1)')!;
    expect(email.subject).toBe('Invoice follow-ups today: 1 waiting');
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.html).toContain('A&amp;B');
    expect(email.html).not.toContain('javascript:');
    expect(email.text).not.toContain('Open the spreadsheet');
  });

  it('needing the user alone is enough for a summary', () => {
    const email = dailySummaryEmail(
      [],
      [{ invoice: 'INV-1', client: 'Acme', need: 'decide' }],
      { locale: 'en_US', overdue: [] },
      URL,
    );
    expect(email?.subject).toBe('Invoice follow-ups today: 1 invoice needs you');
    expect(email?.text).not.toContain('Still owed');
  });

  describe('disclosure (README "Disclosure: what the owner is told"): every email sent in the user’s name and every change since the last summary', () => {
    const noTotals = { locale: 'en_US', overdue: [] };
    const changes: SummaryChange[] = [
      { at: '2026-11-24T14:05:00.000Z', by: 'bob@x.test', what: 'settings', detail: 'your name for the emails, CC me' },
      { at: '2026-11-24T15:30:00.000Z', by: null, what: 'template', detail: 'Firm reminder (day 7)' },
      { at: '2026-11-24T16:00:00.000Z', by: 'eve@x.test', what: 'templateReset', detail: 'Reminder (day 1)' },
    ];

    it('changes alone are worth a summary, each with when, who and what', () => {
      const email = dailySummaryEmail([], [], noTotals, URL, { changes, sentEmails: [] })!;
      expect(email).not.toBeNull();
      expect(email.subject).toBe('Invoice follow-ups today: 3 changes to settings or templates');
      expect(email.text.split('\n').slice(0, 4)).toEqual([
        'Changes since the last summary',
        '- November 24, 2026 14:05 UTC, bob@x.test changed the settings: your name for the emails, CC me',
        '- November 24, 2026 15:30 UTC, an editor (Google did not show their address) edited a template: Firm reminder (day 7)',
        '- November 24, 2026 16:00 UTC, eve@x.test reset a template to the default: Reminder (day 1)',
      ]);
      expect(email.html).toContain('<h3>Changes since the last summary</h3>');
    });

    it('lists every email sent, subject then recipients, after what the run did', () => {
      const sentEmails = [
        { subject: 'Invoice INV-1 from Sam', recipients: 'to: a@client.test; cc: me@x.test' },
        { subject: 'Thank you', recipients: 'to: b@client.test' },
      ];
      const sent: SummaryOutcome = { invoice: 'INV-1', client: 'Acme', stage: 'reminder', result: 'sent' };
      const email = dailySummaryEmail([sent], [], totals, URL, { sentEmails, changes: [changes[0]!] })!;
      expect(email.subject).toBe('Invoice follow-ups today: 1 invoice followed up, 1 change to settings or templates');
      expect(email.text).toContain('Emails sent in your name\n- Invoice INV-1 from Sam — to: a@client.test; cc: me@x.test\n');
      expect(email.text).toContain('- Thank you — to: b@client.test');
      const order = ['Changes since the last summary', 'Sent', 'Still owed', 'Emails sent in your name'].map((h) =>
        email.text.indexOf(`${h}\n`),
      );
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(order).not.toContain(-1);
    });

    it('emails sent alone are worth a summary too', () => {
      const email = dailySummaryEmail([], [], noTotals, URL, { sentEmails: [{ subject: 'Hello', recipients: 'to: a@b.test' }] });
      expect(email?.subject).toBe('Invoice follow-ups today: 1 email sent');
      expect(dailySummaryEmail([], [], noTotals, URL, { sentEmails: [], changes: [] })).toBeNull();
    });

    it('escapes every value in the HTML, and keeps each on one line in the text', () => {
      const evil = '<img src=x onerror=alert(1)>';
      const email = dailySummaryEmail([], [], noTotals, URL, {
        sentEmails: [{ subject: `${evil}\n- forged line`, recipients: `to: "x" <${evil}>` }],
        changes: [{ at: `<b>${evil}`, by: `${evil}@x.test`, what: `<i>${evil}`, detail: `A&B ${evil}` }],
      })!;
      expect(email.html).not.toMatch(/<img|<b>|<i>/);
      expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(email.html).toContain('A&amp;B');
      expect(email.text).not.toMatch(/^- forged line/m);
      expect(email.text).toContain('- <img src=x onerror=alert(1)> - forged line — to: "x" <<img');
    });
  });
});
