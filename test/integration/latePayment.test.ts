// Late-payment interest and the formal letter, end to end on the built add-on
// (README "Interest, the letter and the evidence pack", docs/late-payment.md).
import { pdfText } from '../local/pdfText';
import { addDays, setUp } from './harness';

const DUE = '2026-03-01';
const LONDON = { timeZone: 'Europe/London', runtime: { locale: 'en_GB' } };

function london(rows: Parameters<typeof setUp>[0]['rows']) {
  // The letter of each invoice, one email each (one email per client has its own tests: grouping.test.ts).
  const t = setUp({ ...LONDON, today: DUE, rows, settings: { groupByClient: false } });
  const run = <T>(name: string, ...args: unknown[]) => t.addon.callAsScriptRun(name, ...args) as T;
  return { ...t, run };
}

function saveLatePayment(t: ReturnType<typeof london>, latePayment: Record<string, unknown>): void {
  const data = t.run<{ settings: Record<string, unknown> }>('getSidebarData');
  const saved = t.run<{ ok: boolean; problems?: string[] }>('saveSettings', { ...data.settings, latePayment });
  expect(saved).toMatchObject({ ok: true });
}

const UK = {
  regime: 'uk',
  referenceRatePercent: 5,
  referenceRatePeriod: '2026-H1',
  marginPercent: 8,
  fixedCompensation: 0,
  attachLetter: true,
};

describe('the UK regime with the letter attached', () => {
  let t: ReturnType<typeof london>;
  beforeAll(() => {
    t = london([
      { invoice: 'INV-1001', client: 'Northwind Ltd', email: 'pat@northwind.test', due: DUE, amount: 1000, currency: 'GBP' },
      {
        invoice: 'INV-1002',
        client: 'Northwind Ltd',
        email: 'pat@northwind.test',
        due: '2026-03-15',
        amount: 500,
        currency: 'GBP',
      },
    ]);
    saveLatePayment(t, UK);
    for (let d = 1; d <= 21; d++) {
      t.goTo(addDays(DUE, d));
      t.daily();
    }
  }, 120_000);

  it('states the interest and the compensation in the day-21 formal notice (£1,000, 21 days, 5% → £7.48 + £70)', () => {
    const formal = t.runtime.mail.sent.filter((m) => m.subject.includes('INV-1001')).at(-1)!;
    expect(formal.at.slice(0, 10)).toBe('2026-03-22');
    expect(formal.body).toContain('Late-payment interest of £7.48 and compensation of £70.00');
    expect(formal.body).toContain('the amount claimed is £1,077.48');
    expect(formal.body).toContain('The attached letter sets out');
  });

  it('attaches a PDF letter naming the invoices, the amounts and the follow-ups sent', () => {
    const formal = t.runtime.mail.sent.filter((m) => m.subject.includes('INV-1001')).at(-1)!;
    expect(formal.attachments).toHaveLength(1);
    const [pdf] = formal.attachments;
    expect(pdf).toMatchObject({ name: 'Formal notice INV-1001.pdf', contentType: 'application/pdf' });
    const text = pdfText(pdf!.content).replace(/\s+/g, ' ');
    expect(text).toContain('INV-1001');
    expect(text).toContain('£7.48');
    expect(text).toContain('£70.00');
    expect(text).toContain('£1,077.48');
    // The client's other open invoice is on the statement too: £500, 7 days late → £1.25 + £40.
    expect(text).toContain('INV-1002');
    expect(text).toContain('£541.25');
    // Earlier follow-ups with their recipients, and the date to pay by (today + 7 days).
    expect(text).toContain('pat@northwind.test');
    expect(text).toContain('29 March 2026');
  });

  it('gives the live preview the same values', () => {
    t.runtime.select('Invoices', 2, 1);
    const { selected } = t.run<{ selected: { values: Record<string, string> } }>('getSelectedInvoice');
    expect(selected.values).toMatchObject({ interest: '£7.48', compensation: '£70.00', amount_claimed: '£1,077.48' });
  });

  it('sends no letter with the earlier stages', () => {
    const earlier = t.runtime.mail.sent.filter((m) => m.subject.includes('INV-1001')).slice(0, -1);
    expect(earlier.length).toBeGreaterThan(0);
    expect(earlier.every((m) => m.attachments.length === 0)).toBe(true);
  });
});

describe('a template using the interest on a row where none applies', () => {
  it('is not sent, and the row says why', () => {
    const t = london([{ invoice: 'INV-7', client: 'Jo Bloggs', due: DUE, amount: 1000, currency: 'GBP' }]);
    saveLatePayment(t, { ...UK, attachLetter: false });
    t.runtime.sheet('Invoices').setRaw(1, 14, 'Consumer').setRaw(2, 14, true);
    const reminder = t.run<{ ok: boolean }>('saveTemplate', 'reminder', {
      subject: 'Invoice {{invoice}}',
      body: 'Interest so far: {{interest}}.',
    });
    expect(reminder).toMatchObject({ ok: true });
    t.goTo(addDays(DUE, 1));
    t.daily();
    expect(t.runtime.mail.sent).toEqual([]);
    expect(t.statuses()['INV-7']?.Status).toMatch(/uses \{\{interest\}\}.*this client is marked as a consumer/);
  });
});

describe('the evidence pack and the small-claims table, through google.script.run', () => {
  it('returns the pack of an invoice as a base64 PDF, and refuses an invoice not on the sheet', () => {
    const t = london([{ invoice: 'INV-9', client: 'Northwind Ltd', due: DUE, amount: 1000, currency: 'GBP' }]);
    saveLatePayment(t, UK);
    t.goTo(addDays(DUE, 21));
    const pack = t.run<{ fileName: string; base64: string }>('getEvidencePack', 'inv-9', 'gb-eng-wls');
    expect(pack.fileName).toBe('Evidence pack INV-9 2026-03-22.pdf');
    const text = pdfText(Buffer.from(pack.base64, 'base64')).replace(/\s+/g, ' ');
    expect(text).toContain('Evidence pack: invoice INV-9');
    expect(text).toContain('£1,077.48');
    expect(text).toContain('Within the limit');
    expect(() => t.run('getEvidencePack', 'NOPE-1')).toThrow(/NOPE-1 is not on the 'Invoices' sheet/);
  }, 60_000);

  it('keeps an edited small-claims table per spreadsheet, refuses a bad row, and restores the defaults', () => {
    const t = london([]);
    const table = t.run<{ rows: Array<Record<string, unknown>>; edited: boolean }>('getSmallClaimsTable');
    expect(table.edited).toBe(false);
    expect(table.rows).toHaveLength(16);
    const mine = [{ ...table.rows[0], limit: 12_000 }];
    expect(t.run('saveSmallClaimsTable', [{ ...mine[0], currency: 'pounds' }])).toEqual({
      ok: false,
      problems: ['Row 1: the currency must be a code such as GBP.'],
    });
    expect(t.run('saveSmallClaimsTable', mine)).toEqual({ ok: true });
    expect(t.run<{ rows: unknown[]; edited: boolean }>('getSmallClaimsTable')).toMatchObject({ rows: mine, edited: true });
    expect(t.run('saveSmallClaimsTable', null)).toEqual({ ok: true });
    expect(t.run<{ edited: boolean }>('getSmallClaimsTable').edited).toBe(false);
  });
});
