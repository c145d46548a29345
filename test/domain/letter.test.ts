import { lateInterest } from '../../src/domain/interest';
import {
  formalLetterHtml,
  letterReplyBy,
  PROTOCOL_ENCLOSURES,
  type FormalLetterInput,
  type StatementLine,
} from '../../src/domain/letter';
import type { LatePaymentSettings } from '../../src/domain/types';
import { externalReferences, foreignTags } from './printableHtml';

const UK: LatePaymentSettings = {
  regime: 'uk',
  referenceRatePercent: 5,
  referenceRatePeriod: '2026-H1',
  marginPercent: 0,
  fixedCompensation: 0,
  attachLetter: true,
};
const TODAY = '2026-03-22';

function line(invoice: string, balance: number, dueDate: string, consumer = false): StatementLine {
  return {
    invoice,
    issueDate: '2026-01-30',
    dueDate,
    amount: balance,
    balance,
    currency: 'GBP',
    late: lateInterest({ balance, currency: 'GBP', dueDate }, UK, TODAY, { consumer }),
  };
}

function input(over: Partial<FormalLetterInput> = {}): FormalLetterInput {
  return {
    sender: { name: 'Ada Studio Ltd', addressLines: ['1 Mill Lane', 'Leeds LS1 1AA'], email: 'ada@studio.example' },
    client: { name: 'Acme Widgets', addressLines: ['2 High Street', 'York'] },
    contactName: 'Sam Payer',
    date: TODAY,
    replyBy: '2026-03-29',
    locale: 'en_GB',
    invoices: [line('INV-0042', 1000, '2026-03-01'), line('INV-0043', 500, '2026-03-01')],
    followUps: [
      { date: '2026-03-02', invoice: 'INV-0042', stage: 'reminder', recipients: 'sam@acme.example', subject: 'Invoice INV-0042' },
      {
        date: '2026-03-15',
        invoice: 'INV-0042',
        stage: 'escalate',
        recipients: 'ap@acme.example, sam@acme.example',
        subject: 'Invoice INV-0042 — overdue',
      },
    ],
    paymentLines: ['Sort code 12-34-56, account 12345678'],
    paymentLink: 'https://pay.example/inv-0042',
    ...over,
  };
}

describe('formalLetterHtml', () => {
  test('a complete, printable A4 document with nothing fetched', () => {
    const html = formalLetterHtml(input());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('@page { size: A4');
    expect(html).toMatch(/<\/html>$/);
    expect(externalReferences(html)).toEqual([]);
    expect(foreignTags(html)).toEqual([]);
  });

  test('names the parties, the date, each invoice with its interest and compensation, and the totals', () => {
    const html = formalLetterHtml(input());
    for (const text of [
      'Ada Studio Ltd',
      '1 Mill Lane',
      'Acme Widgets',
      'Dear Sam Payer,',
      '22 March 2026',
      'INV-0042',
      'INV-0043',
    ]) {
      expect(html).toContain(text);
    }
    // £1,000: £7.48 + £70; £500: £3.74 + £40; totals £1,500.00, £11.22, £110.00, £1,621.22
    for (const amount of ['£7.48', '£70.00', '£1,077.48', '£3.74', '£40.00', '£543.74', '£11.22', '£110.00', '£1,621.22']) {
      expect(html).toContain(amount);
    }
    expect(html).toContain('Late Payment of Commercial Debts (Interest) Act 1998');
    expect(html).toContain('13% a year');
    expect(html).toContain('continues to run until payment');
  });

  test('lists every follow-up sent, with its date and recipients, and the date to pay by', () => {
    const html = formalLetterHtml(input());
    for (const text of ['2 March 2026', '15 March 2026', 'Reminder', 'Escalation', 'ap@acme.example, sam@acme.example']) {
      expect(html).toContain(text);
    }
    expect(html).toContain('Invoice INV-0042 — overdue');
    expect(html).toContain('Please pay £1,621.22 by 29 March 2026');
    expect(html).toContain('Sort code 12-34-56');
    expect(html).toContain('Pay online: https://pay.example/inv-0042');
  });

  test('every value from the sheet stays text', () => {
    const evil = '<script>alert("x")</script> & <b>Co</b>';
    const html = formalLetterHtml(
      input({
        client: { name: evil, addressLines: ['<img src=x onerror=alert(1)>'] },
        contactName: '"><i>',
        invoices: [line('<INV-1>', 1000, '2026-03-01')],
        followUps: [{ date: '2026-03-02', invoice: '<INV-1>', stage: '<stage>', recipients: '<a@b>', subject: "<u>'hi'</u>" }],
        paymentLink: 'javascript:alert(1)"><a href="https://evil.example',
        paymentLines: ['<hr>'],
      }),
    );
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;INV-1&gt;');
    expect(html).toContain('&lt;u&gt;&#39;hi&#39;&lt;/u&gt;');
    expect(externalReferences(html)).toEqual([]);
    expect(foreignTags(html)).toEqual([]);
  });

  test('a consumer row claims nothing and says why', () => {
    const html = formalLetterHtml(input({ invoices: [line('INV-7', 1000, '2026-03-01', true)] }));
    expect(html).toContain('this client is marked as a consumer');
    expect(html).toContain('Please pay £1,000.00 by');
    expect(html).not.toContain('Late Payment of Commercial Debts');
  });

  test('invoices in two currencies are totalled separately', () => {
    const eur: StatementLine = {
      ...line('INV-9', 1000, '2026-03-01'),
      currency: 'EUR',
      late: lateInterest({ balance: 1000, currency: 'EUR', dueDate: '2026-03-01' }, { ...UK, regime: 'eu' }, TODAY),
    };
    const html = formalLetterHtml(input({ invoices: [line('INV-0042', 1000, '2026-03-01'), eur] }));
    // €1,000 × 13% × 21 / 365 = €7.48, plus €40
    expect(html).toContain('£1,077.48 and €1,047.48');
  });

  test('no follow-ups on record is said plainly', () => {
    expect(formalLetterHtml(input({ followUps: [] }))).toContain('No earlier follow-ups are on record.');
  });
});

describe('the Pre-Action Protocol for Debt Claims option', () => {
  test('a letter of claim: 30 days to reply, the enclosures named, how the debt arose', () => {
    const html = formalLetterHtml(input({ preActionProtocol: true }));
    expect(html).toContain('Letter of claim');
    expect(html).toContain('Pre-Action Protocol for Debt Claims');
    expect(html).toContain('within 30 days of the date of this letter, by 21 April 2026');
    for (const enclosure of PROTOCOL_ENCLOSURES) expect(html).toContain(enclosure);
    expect(html).toContain('Information Sheet');
    expect(html).toContain('Reply Form');
    expect(html).toContain('Financial Statement');
    expect(html).toContain('You may ask us for a copy of the agreement');
    expect(html).toContain('1 Mill Lane, Leeds LS1 1AA or ada@studio.example');
    expect(html).toContain('Please pay £1,621.22 by 21 April 2026');
    expect(externalReferences(html)).toEqual([]);
    expect(foreignTags(html)).toEqual([]);
  });

  test('the reply-by date is never sooner than 30 days after the letter', () => {
    expect(letterReplyBy({ date: TODAY, replyBy: '2026-03-29', preActionProtocol: true })).toBe('2026-04-21');
    expect(letterReplyBy({ date: TODAY, replyBy: '2026-05-01', preActionProtocol: true })).toBe('2026-05-01');
    expect(letterReplyBy({ date: TODAY, replyBy: '2026-03-29' })).toBe('2026-03-29');
  });

  test('says when no interest or charges are being added', () => {
    const html = formalLetterHtml(input({ preActionProtocol: true, invoices: [line('INV-7', 800, '2026-03-01', true)] }));
    expect(html).toContain('No interest or other charges are being added.');
  });

  test('the agreement the user describes is used, escaped', () => {
    const html = formalLetterHtml(input({ preActionProtocol: true, agreement: 'Written agreement dated 3 <January> 2026' }));
    expect(html).toContain('Written agreement dated 3 &lt;January&gt; 2026');
  });
});
