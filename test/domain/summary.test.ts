import { dailySummaryEmail, type SummaryOutcome } from '../../src/domain/summary';

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
      what: 'Reminder',
      result: 'sent',
    }));
    const failed: SummaryOutcome = {
      invoice: 'INV-X',
      client: 'Zeta',
      what: 'Firm reminder',
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
      what: 'Reminder',
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
});
