import fc from 'fast-check';
import { addDays, daysBetween } from '../../src/domain/dates';
import { defaultTemplates } from '../../src/domain/defaultTemplates';
import { clientKey, groupFollowUps, MAX_INVOICES_PER_EMAIL, type ClientHistory } from '../../src/domain/group';
import { emailWords, planFollowUps, type FollowUpEmail } from '../../src/domain/plan';
import { defaultSettings } from '../../src/domain/settings';
import { emptyHistory, withSent, type InvoiceHistory } from '../../src/domain/stages';
import type { EmailStageId, Invoice, IsoDate, ParsedRow, Settings } from '../../src/domain/types';

const TODAY = '2026-11-20';

function invoice(over: Partial<Invoice> = {}): Invoice {
  return {
    row: 2,
    key: 'INV-1',
    invoice: 'INV-1',
    client: 'Acme',
    emails: ['pat@acme.test'],
    amount: 1000,
    amountPaid: 0,
    balance: 1000,
    currency: 'USD',
    issueDate: '2026-10-01',
    dueDate: '2026-11-01',
    paidDate: null,
    contactName: '',
    billingEmails: [],
    paused: false,
    paymentLink: '',
    ...over,
  };
}

const settings = (over: Partial<Settings> = {}): Settings => ({ ...defaultSettings(), senderName: 'Sam Rivera Design', ...over });

/** The emails planFollowUps makes for these invoices today (each with its own history). */
function planned(
  invoices: Invoice[],
  today: IsoDate,
  histories = new Map<string, InvoiceHistory>(),
  s = settings(),
): FollowUpEmail[] {
  const rows: ParsedRow[] = invoices.map((invoice) => ({ ok: true, invoice }));
  return planFollowUps({
    rows,
    histories,
    settings: s,
    templates: defaultTemplates(),
    ctx: { timeZone: 'UTC', locale: 'en_US', today },
    selfEmail: null,
  }).emails;
}

const history = (lastEmailOn: Record<string, IsoDate> = {}, today = TODAY): ClientHistory => ({
  today,
  locale: 'en_US',
  lastEmailOn: new Map(Object.entries(lastEmailOn)),
});

describe('one email per client', () => {
  const three = [
    invoice({ key: 'A', invoice: 'INV-A', dueDate: '2026-11-18', paymentLink: 'https://pay.test/a?x=1&y=2' }),
    invoice({ key: 'B', invoice: 'INV-B', dueDate: '2026-11-12', client: ' acme ' }),
    invoice({ key: 'C', invoice: 'INV-C<script>', dueDate: '2026-10-25' }),
  ];

  it('four… three overdue invoices of one client: one email listing each, worded for the most advanced stage', () => {
    const emails = planned(three, TODAY);
    expect(emails.map((e) => e.stage).sort()).toEqual(['firm', 'formal', 'reminder']);
    const { emails: out, waiting } = groupFollowUps(emails, settings(), history());
    expect(waiting).toEqual([]);
    expect(out).toHaveLength(1);
    const one = out[0]!;
    expect(one.subject).toBe('3 overdue invoices from Sam Rivera Design');
    expect(one.stage).toBe('formal');
    expect(one.to).toEqual(['pat@acme.test']);
    expect(one.invoices.map((e) => [e.key, e.stage])).toEqual(
      expect.arrayContaining([
        ['A', 'reminder'],
        ['B', 'firm'],
        ['C', 'formal'],
      ]),
    );
    expect(one.text).toMatch(/formal notice/);
    expect(one.text).toContain(
      '- Invoice INV-C<script>: issued October 1, 2026, due October 25, 2026, 26 days overdue, balance $1,000.00',
    );
    expect(one.text).toContain('pay at https://pay.test/a?x=1&y=2');
    expect(one.text.indexOf('INV-C')).toBeLessThan(one.text.indexOf('INV-B')); // oldest due first
    expect(one.html).not.toContain('<script>');
    expect(one.html).toContain('INV-C&lt;script&gt;');
    expect(one.html).toContain('<a href="https://pay.test/a?x=1&amp;y=2">');
  });

  it('a single invoice keeps its own email, words and subject', () => {
    const [email] = planned([three[0]!], TODAY);
    const { emails: out } = groupFollowUps([email!], settings(), history());
    const words = emailWords(email!, {
      today: TODAY,
      locale: 'en_US',
      replyByDays: settings().replyByDays,
      senderName: settings().senderName,
    });
    expect(out[0]).toMatchObject({ ...words, invoices: [email] });
  });

  it('different clients get their own emails, oldest due first', () => {
    const emails = planned(
      [three[0]!, invoice({ key: 'Z', client: 'Zeta', emails: ['z@zeta.test'], dueDate: '2026-11-10' })],
      TODAY,
    );
    const { emails: out } = groupFollowUps(emails, settings(), history());
    expect(out.map((e) => e.client)).toEqual(['Zeta', 'Acme']);
  });

  it('inside the client gap every invoice waits and joins the next email', () => {
    const emails = planned(three, TODAY);
    const { emails: out, waiting } = groupFollowUps(emails, settings(), history({ acme: '2026-11-19' }));
    expect(out).toEqual([]);
    expect(waiting.map((w) => w.until)).toEqual(['2026-11-22', '2026-11-22', '2026-11-22']);
  });

  it('another recipients group of the same client waits (at most one email a day)', () => {
    const withBilling = invoice({ key: 'D', invoice: 'INV-D', billingEmails: ['ap@acme.test'], dueDate: '2026-11-05' });
    const emails = planned([three[0]!, withBilling], TODAY); // a reminder to pat@, an escalation to ap@
    const { emails: out, waiting } = groupFollowUps(emails, settings(), history());
    expect(out.map((e) => [e.stage, e.to])).toEqual([['escalate', ['ap@acme.test']]]);
    expect(waiting.map((w) => [w.email.key, w.until])).toEqual([['A', '2026-11-23']]);
  });

  it('turned off: one email per invoice, as planned', () => {
    const emails = planned(three, TODAY);
    const { emails: out } = groupFollowUps(emails, settings({ groupByClient: false }), history({ acme: TODAY }));
    expect(out.map((e) => e.invoices.length)).toEqual([1, 1, 1]);
  });

  it('the client key ignores case and spacing', () => {
    expect(clientKey('  Sam  Rivera ')).toBe(clientKey('sam rivera'));
  });
});

describe('the list templates', () => {
  const acme = [
    invoice({ key: 'A', invoice: 'INV-A', dueDate: '2026-11-18', contactName: 'Pat <Lee>' }),
    invoice({ key: 'B', invoice: 'INV-B', dueDate: '2026-11-16', balance: 250.5, currency: 'EUR' }),
    invoice({ key: 'C', invoice: 'INV-C', dueDate: '2026-11-15', balance: 99.5 }),
  ];

  it("words a client's email by the stage's list template: {{invoices}} as a list and a table, counts and totals", () => {
    const reminderList = {
      subject: '{{invoice_count}} invoices for {{client}}',
      body: 'Dear {{contact_name}},\n\n{{invoices}}\n\nIn all {{total_balance}}, by {{reply_by}}.\n{{sender_name}}',
    };
    const emails = planned(acme, TODAY);
    expect(emails.map((e) => e.stage).sort()).toEqual(['reminder', 'reminder', 'reminder']);
    const [one] = groupFollowUps(emails, settings(), history(), { reminderList }).emails;
    expect(one!.subject).toBe('3 invoices for Acme');
    expect(one!.text).toBe(
      [
        'Dear Pat <Lee>,',
        '',
        '- Invoice INV-C: issued October 1, 2026, due November 15, 2026, 5 days overdue, balance $99.50',
        '- Invoice INV-B: issued October 1, 2026, due November 16, 2026, 4 days overdue, balance €250.50',
        '- Invoice INV-A: issued October 1, 2026, due November 18, 2026, 2 days overdue, balance $1,000.00',
        '',
        'In all $1,099.50 and €250.50, by November 27, 2026.',
        'Sam Rivera Design',
      ].join('\n'),
    );
    expect(one!.html).toContain('<p>Dear Pat &lt;Lee&gt;,</p>\n<table');
    expect(one!.html).toContain('<td style="padding: 4px 8px; border-bottom: 1px solid #ddd;">INV-B</td>');
    expect(one!.html).not.toContain('<Lee>');
  });

  it('the defaults word the email as before; other stages keep their default list wording', () => {
    const emails = planned(acme, TODAY);
    const byDefault = groupFollowUps(emails, settings(), history()).emails[0]!;
    const own = { subject: 'Firm {{invoice_count}}', body: '{{invoices}} {{sender_name}}' };
    const otherStage = groupFollowUps(emails, settings(), history(), { firmList: own }).emails[0]!;
    expect(otherStage).toEqual(byDefault);
    expect(byDefault.subject).toBe('3 overdue invoices from Sam Rivera Design');
    expect(byDefault.text).toMatch(/^Hello,\n\nThe invoices below for Acme are past their due date/);
  });

  it('a list template that needs a value the invoices lack falls back to the default, so they still go together', () => {
    const noContact = acme.map((i) => ({ ...i, contactName: '' }));
    const reminderList = { subject: 'Hi {{contact_name}}', body: '{{invoices}}' };
    const [one] = groupFollowUps(planned(noContact, TODAY), settings(), history(), { reminderList }).emails;
    expect(one!.subject).toBe('3 overdue invoices from Sam Rivera Design');
    expect(one!.invoices).toHaveLength(3);
  });

  it('the default subject says when some invoices are not overdue yet', () => {
    const s = settings({ stageDays: { ...defaultSettings().stageDays, nudge: -3 } });
    const emails = planned([acme[0]!, invoice({ key: 'N', invoice: 'INV-N', dueDate: '2026-11-22' })], TODAY, new Map(), s);
    expect(emails.map((e) => e.stage).sort()).toEqual(['nudge', 'reminder']);
    expect(groupFollowUps(emails, s, history()).emails[0]!.subject).toBe('2 invoices from Sam Rivera Design');
  });
});

describe('grouping properties', () => {
  const clients = ['Acme', 'Zeta', 'Nova'];
  const invoicesArb = fc.array(
    fc.record({ client: fc.integer({ min: 0, max: 2 }), dueOffset: fc.integer({ min: -20, max: 20 }), billing: fc.boolean() }),
    { minLength: 1, maxLength: 8 },
  );
  const calendarArb = fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 5, maxLength: 25 });

  it('no client gets two emails on one day or closer than minGapDays; no invoice gets a stage twice', () => {
    fc.assert(
      fc.property(invoicesArb, calendarArb, fc.integer({ min: 1, max: 6 }), (specs, steps, minGapDays) => {
        const s = settings({ minGapDays });
        const start = '2026-11-01';
        const invoices = specs.map((x, i) =>
          invoice({
            row: i + 2,
            key: `I${i}`,
            invoice: `I${i}`,
            client: clients[x.client]!,
            emails: [`c${x.client}@client.test`],
            billingEmails: x.billing ? [`ap${x.client}@client.test`] : [],
            dueDate: addDays(start, x.dueOffset),
          }),
        );
        const histories = new Map<string, InvoiceHistory>();
        const lastEmailOn = new Map<string, IsoDate>();
        const sentDays = new Map<string, IsoDate[]>();
        const stagesSent = new Map<string, EmailStageId[]>();
        let day = start;
        for (const step of steps) {
          day = addDays(day, step);
          const grouped = groupFollowUps(planned(invoices, day, histories, s), s, { today: day, locale: 'en_US', lastEmailOn });
          for (const email of grouped.emails) {
            sentDays.set(email.clientKey, [...(sentDays.get(email.clientKey) ?? []), day]);
            lastEmailOn.set(email.clientKey, day);
            for (const e of email.invoices) {
              histories.set(e.key, withSent(histories.get(e.key) ?? emptyHistory(), e.stage, day));
              stagesSent.set(e.key, [...(stagesSent.get(e.key) ?? []), e.stage]);
            }
          }
        }
        for (const days of sentDays.values()) {
          for (let i = 1; i < days.length; i++) expect(daysBetween(days[i - 1]!, days[i]!)).toBeGreaterThanOrEqual(minGapDays);
        }
        for (const stages of stagesSent.values()) expect(new Set(stages).size).toBe(stages.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe('a client with more invoices due than one email lists', () => {
  const many = (n: number): Invoice[] =>
    Array.from({ length: n }, (_, i) =>
      invoice({ row: i + 2, key: `INV-${i + 1}`, invoice: `INV-${i + 1}`, dueDate: addDays('2026-11-01', -i) }),
    );

  it(`lists at most ${MAX_INVOICES_PER_EMAIL}, the oldest due first; the others wait for the next email`, () => {
    const out = groupFollowUps(planned(many(25), TODAY), settings(), history());
    expect(out.emails).toHaveLength(1);
    const listed = out.emails[0]!.invoices.map((e) => e.invoice.dueDate);
    expect(listed).toHaveLength(MAX_INVOICES_PER_EMAIL);
    const waiting = out.waiting.map((w) => w.email.invoice.dueDate);
    expect(waiting).toHaveLength(5);
    // Every waiting invoice is due later than every listed one, and waits the client's gap.
    expect(waiting.every((w) => listed.every((l) => w >= l))).toBe(true);
    expect(out.waiting.every((w) => w.until === addDays(TODAY, settings().minGapDays))).toBe(true);
    expect(out.waiting.map((w) => w.why)).toEqual(Array(5).fill('listFull'));
  });

  it('lists no more than the send record has room for (at least one)', () => {
    expect(
      groupFollowUps(planned(many(6), TODAY), settings(), { ...history(), maxInvoices: 3 }).emails[0]!.invoices,
    ).toHaveLength(3);
    expect(
      groupFollowUps(planned(many(6), TODAY), settings(), { ...history(), maxInvoices: 0 }).emails[0]!.invoices,
    ).toHaveLength(1);
  });
});
