import { defaultTemplates } from '../../src/domain/defaultTemplates';
import {
  emailWords,
  planFollowUps,
  planThankYou,
  recipientsFor,
  statusCells,
  withWords,
  wordsContext,
  type PlanInput,
} from '../../src/domain/plan';
import { defaultSettings } from '../../src/domain/settings';
import { emptyHistory, withSent, type InvoiceHistory } from '../../src/domain/stages';
import type { Invoice, ParsedRow } from '../../src/domain/types';

function invoice(over: Partial<Invoice> = {}): Invoice {
  return {
    row: 2,
    key: 'INV-1',
    invoice: 'INV-1',
    client: 'Acme <b>Ltd</b>',
    emails: ['pat@acme.test'],
    amount: 1200,
    amountPaid: 200,
    balance: 1000,
    currency: 'USD',
    issueDate: '2026-10-01',
    dueDate: '2026-11-01',
    paidDate: null,
    contactName: '',
    billingEmails: ['ap@acme.test'],
    paused: false,
    paymentLink: '',
    ...over,
  };
}

function input(
  rows: ParsedRow[],
  today: string,
  histories = new Map<string, InvoiceHistory>(),
  over: Partial<PlanInput> = {},
): PlanInput {
  const settings = { ...defaultSettings(), senderName: 'Sam Rivera' };
  return {
    rows,
    histories,
    settings,
    templates: defaultTemplates(),
    ctx: { timeZone: 'America/New_York', locale: 'en_US', today },
    selfEmail: 'sam@studio.test',
    ...over,
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

describe('recipientsFor', () => {
  const s = defaultSettings();
  it('escalate goes to the billing contact with the usual contact copied', () => {
    expect(recipientsFor(invoice(), 'escalate', s, null)).toEqual({ to: ['ap@acme.test'], cc: ['pat@acme.test'], bcc: [] });
  });
  it('escalate without a billing contact goes to the usual contact', () => {
    expect(recipientsFor(invoice({ billingEmails: [] }), 'escalate', s, null)).toEqual({
      to: ['pat@acme.test'],
      cc: [],
      bcc: [],
    });
  });
  it('formal copies the billing contact; reminder does not', () => {
    expect(recipientsFor(invoice(), 'formal', s, null).cc).toEqual(['ap@acme.test']);
    expect(recipientsFor(invoice(), 'reminder', s, null).cc).toEqual([]);
  });
  it('CC and BCC self come from the settings, never twice', () => {
    const r = recipientsFor(invoice(), 'reminder', { ...s, ccSelf: true, bccSelf: true }, 'sam@studio.test');
    expect(r).toEqual({ to: ['pat@acme.test'], cc: ['sam@studio.test'], bcc: [] });
    expect(recipientsFor(invoice(), 'reminder', { ...s, bccSelf: true }, 'sam@studio.test').bcc).toEqual(['sam@studio.test']);
  });
});

describe('planFollowUps', () => {
  it('renders the due email with the balance, escaped HTML and a stable subject', () => {
    const plan = planWithWords(input([{ ok: true, invoice: invoice() }], '2026-11-02'));
    expect(plan.emails).toHaveLength(1);
    const email = plan.emails[0]!;
    expect(email.stage).toBe('reminder');
    expect(email.subject).toBe('Invoice INV-1 from Sam Rivera');
    expect(email.text).toContain('$1,000.00');
    expect(email.text).not.toContain('$1,200.00');
    expect(email.html).not.toContain('<b>Ltd</b>');
    const later = planWithWords(
      input(
        [{ ok: true, invoice: invoice() }],
        '2026-11-08',
        new Map([['INV-1', withSent(emptyHistory(), 'reminder', '2026-11-02')]]),
      ),
    );
    expect(later.emails[0]?.stage).toBe('firm');
    expect(later.emails[0]?.subject).toBe(email.subject);
  });

  it('a planned email is plain data: a copy has the same words as the original', () => {
    const planInput = input([{ ok: true, invoice: invoice() }], '2026-11-02');
    const email = planFollowUps(planInput).emails[0]!;
    expect(Object.values(Object.getOwnPropertyDescriptors(email)).every((d) => 'value' in d)).toBe(true);
    const copy = structuredClone(email);
    expect(copy).toEqual(email);
    expect(emailWords(copy, wordsContext(planInput))).toEqual(emailWords(email, wordsContext(planInput)));
    expect(emailWords(copy, wordsContext(planInput)).subject).toBe('Invoice INV-1 from Sam Rivera');
  });

  it('a missing placeholder value: no email, and the row says which value', () => {
    const templates = defaultTemplates();
    templates.reminder = { subject: 'Invoice {{invoice}}', body: 'Hi {{contact_name}}, {{payment_link}}' };
    const plan = planWithWords(input([{ ok: true, invoice: invoice() }], '2026-11-02', new Map(), { templates }));
    expect(plan.emails).toEqual([]);
    expect(plan.rows[0]?.error).toMatch(/Contact Name/);
    expect(plan.rows[0]?.error).toMatch(/Payment Link/);
    expect(statusCells(plan.rows[0]!, plan.rows[0]!.evaluation, undefined).status).toMatch(/^Error: The reminder email needs/);
  });

  it('no sender name: nothing is sent and the row says to set it', () => {
    const settings = { ...defaultSettings(), senderName: '' };
    const plan = planWithWords(input([{ ok: true, invoice: invoice() }], '2026-11-02', new Map(), { settings }));
    expect(plan.emails).toEqual([]);
    expect(plan.rows[0]?.error).toMatch(/sender name/);
  });

  it('orders emails oldest due date first, and keeps invalid rows with their message', () => {
    const rows: ParsedRow[] = [
      { ok: true, invoice: invoice({ row: 2, key: 'B', invoice: 'B', dueDate: '2026-11-01' }) },
      { ok: false, invalid: { row: 3, key: 'C', invoice: 'C', client: 'Co', error: "Due date '31/02/2026' is not a real date" } },
      { ok: true, invoice: invoice({ row: 4, key: 'A', invoice: 'A', dueDate: '2026-10-31' }) },
    ];
    const plan = planWithWords(input(rows, '2026-11-02'));
    expect(plan.emails.map((e) => e.key)).toEqual(['A', 'B']);
    const invalid = plan.rows.find((r) => r.key === 'C')!;
    const history = { ...emptyHistory(), lastSentStage: 'firm' as const, lastFollowUp: '2026-10-20' };
    expect(statusCells(invalid, null, history)).toEqual({
      status: "Error: Due date '31/02/2026' is not a real date",
      stage: 'firm',
      daysOverdue: '',
      lastFollowUp: '2026-10-20',
      nextFollowUp: '',
    });
  });

  it('an escalation without a billing contact goes to the usual contact, asking them to pass it on', () => {
    const history = withSent(withSent(emptyHistory(), 'reminder', '2026-11-02'), 'firm', '2026-11-08');
    const plan = planWithWords(
      input([{ ok: true, invoice: invoice({ billingEmails: [] }) }], '2026-11-15', new Map([['INV-1', history]])),
    );
    expect(plan.emails).toHaveLength(1);
    const email = plan.emails[0]!;
    expect(email).toMatchObject({ stage: 'escalate', to: ['pat@acme.test'], cc: [], superseded: [] });
    expect(email.text).toMatch(/pass this message to whoever handles payments/);
    expect(email.text).not.toMatch(/accounts payable \/ billing contact/);
  });

  it('with a billing contact the escalation keeps the escalate template', () => {
    const history = withSent(withSent(emptyHistory(), 'reminder', '2026-11-02'), 'firm', '2026-11-08');
    const plan = planWithWords(input([{ ok: true, invoice: invoice() }], '2026-11-15', new Map([['INV-1', history]])));
    expect(plan.emails[0]).toMatchObject({ stage: 'escalate', to: ['ap@acme.test'], cc: ['pat@acme.test'] });
    expect(plan.emails[0]?.text).toMatch(/accounts payable \/ billing contact/);
  });

  it("the user's own no-billing wording is used when given", () => {
    const history = withSent(withSent(emptyHistory(), 'reminder', '2026-11-02'), 'firm', '2026-11-08');
    const templates = {
      ...defaultTemplates(),
      escalateNoBilling: { subject: 'About {{invoice}}', body: 'Please forward. {{sender_name}}' },
    };
    const plan = planWithWords(
      input([{ ok: true, invoice: invoice({ billingEmails: [] }) }], '2026-11-15', new Map([['INV-1', history]]), { templates }),
    );
    expect(plan.emails[0]).toMatchObject({ subject: 'About INV-1', text: 'Please forward. Sam Rivera' });
  });

  it('found 34 days late: the formal notice goes out, not the decision', () => {
    const plan = planWithWords(input([{ ok: true, invoice: invoice() }], '2026-12-05'));
    expect(plan.emails.map((e) => [e.stage, e.superseded])).toEqual([['formal', ['reminder', 'firm', 'escalate']]]);
    expect(plan.rows[0]?.decision).toBeNull();
  });

  it('the decision stage sends nothing and is flagged once the notice reply-by date passed', () => {
    const history = withSent(emptyHistory(), 'formal', '2026-11-22');
    const plan = planWithWords(input([{ ok: true, invoice: invoice() }], '2026-12-05', new Map([['INV-1', history]])));
    expect(plan.emails).toEqual([]);
    expect(plan.rows[0]?.decision?.superseded).toEqual([]);
    expect(plan.rows[0]?.evaluation?.status).toBe('Decide next step');
  });
});

describe('planThankYou', () => {
  it('thanks the usual contact for the amount, in plain text and escaped HTML', () => {
    const thanksInput = input([], '2026-11-21');
    const planned = planThankYou(invoice({ paidDate: '2026-11-20', amountPaid: 1200, balance: 0 }), thanksInput);
    const email = typeof planned === 'string' ? planned : withWords(planned, wordsContext(thanksInput));
    expect(email).toMatchObject({ key: 'INV-1', to: ['pat@acme.test'], cc: [], subject: 'Invoice INV-1 from Sam Rivera' });
    expect(typeof email !== 'string' && email.text).toMatch(/payment for invoice INV-1 \(\$1,200\.00\) has arrived/);
  });
  it('a template value missing on the row: no email, and why', () => {
    const templates = { ...defaultTemplates(), thankYou: { subject: 'Thanks', body: 'Dear {{contact_name}}' } };
    expect(planThankYou(invoice(), input([], '2026-11-21', new Map(), { templates }))).toMatch(
      /thank-you email needs a Contact Name/,
    );
  });
});
