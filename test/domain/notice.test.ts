// The formal notice with late-payment interest (docs/late-payment.md): the placeholders, the
// default notice that states them only when interest applies, the letter planned as data, and
// the Consumer column.
import fc from 'fast-check';
import { defaultTemplates, formalNoticeFor } from '../../src/domain/defaultTemplates';
import { mapHeaders } from '../../src/domain/headers';
import { formalLetterFor, lateInterestFor, sentFollowUps } from '../../src/domain/notice';
import { parseInvoiceSheet } from '../../src/domain/parse';
import { planFollowUps, withWords, wordsContext, type PlanInput } from '../../src/domain/plan';
import type { LogRecord } from '../../src/domain/records';
import { defaultSettings } from '../../src/domain/settings';
import { emptyHistory, withSent } from '../../src/domain/stages';
import { validateTemplate } from '../../src/domain/templates';
import type { Invoice, LatePaymentSettings, ParsedRow, Settings } from '../../src/domain/types';

const UK: LatePaymentSettings = {
  regime: 'uk',
  referenceRatePercent: 5,
  referenceRatePeriod: '2026-H1',
  marginPercent: 8,
  fixedCompensation: 0,
  attachLetter: false,
};

function invoice(over: Partial<Invoice> = {}): Invoice {
  return {
    row: 2,
    key: 'INV-1001',
    invoice: 'INV-1001',
    client: 'Northwind Ltd',
    emails: ['pat@northwind.test'],
    amount: 1000,
    amountPaid: 0,
    balance: 1000,
    currency: 'GBP',
    issueDate: '2026-02-01',
    dueDate: '2026-03-01',
    paidDate: null,
    contactName: 'Pat',
    billingEmails: [],
    paused: false,
    paymentLink: '',
    ...over,
  };
}

function settings(late: Partial<LatePaymentSettings> = {}): Settings {
  return { ...defaultSettings(), senderName: 'Sam Rivera', latePayment: { ...UK, ...late } };
}

/** The plan on day 21 (2026-03-22) of an invoice whose first three stages went out. */
function formalDay(rows: Invoice[], s: Settings, log: LogRecord[] = []): PlanInput {
  let h = emptyHistory();
  for (const [stage, date] of [
    ['reminder', '2026-03-02'],
    ['firm', '2026-03-08'],
    ['escalate', '2026-03-15'],
  ] as const)
    h = withSent(h, stage, date);
  return {
    rows: rows.map((i): ParsedRow => ({ ok: true, invoice: i })),
    histories: new Map(rows.map((i) => [i.key, h])),
    settings: s,
    templates: defaultTemplates(),
    ctx: { timeZone: 'Europe/London', locale: 'en_GB', today: '2026-03-22' },
    selfEmail: null,
    log,
  };
}

/** The plan with each email's words made, as a run sends or shows them. */
function planWithWords(planInput: PlanInput) {
  const plan = planFollowUps(planInput);
  const words = wordsContext(planInput);
  return {
    ...plan,
    emails: plan.emails.map((e) => withWords(e, words)),
    promiseMissed: plan.promiseMissed.map((e) => withWords(e, words)),
  };
}

describe('the placeholders', () => {
  it('are accepted by the template check', () => {
    expect(
      validateTemplate({ subject: 'Invoice {{invoice}}', body: '{{interest}} {{compensation}} {{amount_claimed}}' }),
    ).toEqual([]);
  });

  it('an email that uses them is held where no interest applies, and says why', () => {
    const templates = { ...defaultTemplates(), formal: { subject: 'Invoice {{invoice}}', body: 'Interest: {{interest}}' } };
    const consumer = planWithWords({ ...formalDay([invoice({ consumer: true })], settings()), templates });
    expect(consumer.emails).toEqual([]);
    expect(consumer.rows[0]?.error).toMatch(/uses \{\{interest\}\}, and none applies to this row.*marked as a consumer/);
    const off = planWithWords({ ...formalDay([invoice()], settings({ regime: 'off' })), templates });
    expect(off.rows[0]?.error).toMatch(/turned off in Settings/);
  });
});

describe('the default formal notice', () => {
  it('states £7.48 interest and £70 compensation (£1,000, 21 days, base rate 5%)', () => {
    const plan = planWithWords(formalDay([invoice()], settings()));
    expect(plan.emails).toHaveLength(1);
    expect(plan.emails[0]?.text).toContain(
      'Late-payment interest of £7.48 and compensation of £70.00 are now due on it, so the amount claimed is £1,077.48.',
    );
    expect(plan.emails[0]?.letter).toBeUndefined();
  });

  it('says nothing of interest when the regime is off or the client is a consumer', () => {
    for (const [s, inv] of [
      [settings({ regime: 'off' }), invoice()],
      [settings(), invoice({ consumer: true })],
    ] as const) {
      const [email] = planWithWords(formalDay([inv], s)).emails;
      expect(email?.text).toBe(planWithWords(formalDay([inv], settings({ regime: 'off' }))).emails[0]?.text);
      expect(email?.text).not.toMatch(/interest/i);
    }
  });

  it('is left as written once the user edited it', () => {
    const edited = { subject: 'Invoice {{invoice}}', body: 'Please pay {{balance}}.' };
    expect(formalNoticeFor(edited, { interestApplies: true, letterAttached: true })).toBe(edited);
  });

  it('every variant is a valid template', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (interestApplies, letterAttached) => {
        expect(validateTemplate(formalNoticeFor(defaultTemplates().formal, { interestApplies, letterAttached }))).toEqual([]);
      }),
    );
  });
});

describe('the formal letter, planned as data', () => {
  const log: LogRecord[] = [
    {
      date: '2026-03-02',
      key: 'INV-1001',
      stage: 'reminder',
      outcome: 'sent',
      result: 'sent',
      recipients: 'to: pat@northwind.test',
      subject: 'Invoice INV-1001 from Sam Rivera',
    },
    { date: '2026-03-03', key: 'INV-1001', stage: 'firm', outcome: 'preview', result: 'preview' },
    { date: '2026-03-04', key: 'OTHER', stage: 'reminder', outcome: 'sent', result: 'sent' },
  ];

  it('goes with the formal notice only, when attachLetter is on', () => {
    const plan = planWithWords(formalDay([invoice()], settings({ attachLetter: true }), log));
    const letter = plan.emails[0]?.letter;
    expect(letter?.fileName).toBe('Formal notice INV-1001.pdf');
    expect(letter?.html).toContain('INV-1001');
    expect(letter?.html).toContain('£1,077.48');
    expect(plan.emails[0]?.text).toContain('The attached letter sets out');
  });

  it('lists the client’s other open invoices and only the follow-ups that went out', () => {
    const other = invoice({ row: 3, key: 'INV-1002', invoice: 'INV-1002', dueDate: '2026-03-15', amount: 500, balance: 500 });
    const paid = invoice({ row: 4, key: 'INV-0999', invoice: 'INV-0999', paid: true });
    const stranger = invoice({ row: 5, key: 'X-1', invoice: 'X-1', client: 'Someone Else' });
    const rows = [invoice(), other, paid, stranger].map((i): ParsedRow => ({ ok: true, invoice: i }));
    const s = settings({ attachLetter: true });
    const ctx = { timeZone: 'Europe/London', locale: 'en_GB', today: '2026-03-22' };
    const { html } = formalLetterFor(invoice(), { rows, log, settings: s, ctx, selfEmail: null });
    expect(html).toContain('INV-1002');
    expect(html).toContain('£541.25');
    expect(html).not.toContain('INV-0999');
    expect(html).not.toContain('X-1');
    expect(sentFollowUps(log, [invoice()])).toEqual([
      {
        date: '2026-03-02',
        invoice: 'INV-1001',
        stage: 'reminder',
        recipients: 'to: pat@northwind.test',
        subject: 'Invoice INV-1001 from Sam Rivera',
      },
    ]);
  });

  it('a file name keeps no character a file system refuses', () => {
    const ctx = { timeZone: 'Europe/London', locale: 'en_GB', today: '2026-03-22' };
    const odd = invoice({ invoice: 'A/B:C*?"<>|' });
    expect(formalLetterFor(odd, { rows: [], log: [], settings: settings(), ctx, selfEmail: null }).fileName).toBe(
      'Formal notice A-B-C-.pdf',
    );
  });
});

describe('the Consumer column', () => {
  const header = ['Invoice', 'Client', 'Email', 'Amount', 'Due Date', 'B2C'];
  const parse = (cell: string | boolean) =>
    parseInvoiceSheet(
      [['INV-1', 'Jo', 'jo@x.test', 100, { date: '2026-03-01' }, cell]],
      mapHeaders(header, { owned: {} }).columns,
      {
        locale: 'en_GB',
        defaultCurrency: 'GBP',
      },
    ).rows[0]!;

  it('is read from a tick or Yes/No under any of its names', () => {
    expect(mapHeaders(['Invoice', 'Individual'], { owned: {} }).columns.consumer).toBe(1);
    expect(mapHeaders(['Invoice', 'Consumer'], { owned: {} }).columns.consumer).toBe(1);
    const ticked = parse(true);
    expect(ticked.ok && ticked.invoice.consumer).toBe(true);
    const no = parse('No');
    expect(no.ok && no.invoice.consumer === true).toBe(false);
    expect(no.ok).toBe(true);
    expect(parse('maybe').ok).toBe(false);
  });

  it('makes the row claim nothing', () => {
    expect(lateInterestFor(invoice({ consumer: true }), settings(), '2026-03-22')?.notApplied?.code).toBe('consumer');
    expect(lateInterestFor(invoice(), settings({ regime: 'off' }), '2026-03-22')).toBeUndefined();
  });
});
