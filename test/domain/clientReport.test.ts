// The client report and its advice (README "Learning from every client"): thresholds at their
// edges, aging buckets at theirs, money added in minor units.
import fc from 'fast-check';
import { addDays } from '../../src/domain/dates';
import { ADVICE_THRESHOLDS } from '../../src/domain/advice';
import { agingBucket, clientReport } from '../../src/domain/clientReport';
import { mapHeaders } from '../../src/domain/headers';
import { readPhone } from '../../src/domain/phone';
import type { Invoice } from '../../src/domain/types';
import { invoiceDue } from './invoiceFixture';

const TODAY = '2026-12-01';
let n = 0;

/** A paid invoice of `client`, `late` days late (paid before the due date when negative). */
function paid(client: string, late: number, over: Partial<Invoice> = {}): Invoice {
  const key = `P${++n}`;
  const due = '2026-10-01';
  return invoiceDue(due, { key, invoice: key, client, paidDate: addDays(due, late), amountPaid: 1000, balance: 0, ...over });
}

function report(invoices: Invoice[], disputed: string[] = [], formal: string[] = []) {
  return clientReport({ today: TODAY, invoices, disputed: new Set(disputed), formalNotice: new Set(formal) });
}

const codes = (invoices: Invoice[], disputed: string[] = [], formal: string[] = []) =>
  report(invoices, disputed, formal).clients[0]!.advice.map((a) => a.code);

describe('advice thresholds', () => {
  const avg = ADVICE_THRESHOLDS.depositAverageDaysLate;

  it('deposit from an average of 14 days late, not 13.5; none for a client who pays on time', () => {
    expect(codes([paid('Slow Co', avg), paid('Slow Co', avg)])).toContain('deposit');
    expect(codes([paid('Slow Co', avg), paid('Slow Co', avg - 1)])).not.toContain('deposit');
    const slow = report([paid('Slow Co', 25), paid('Slow Co', 20), paid('Slow Co', 30)]).clients[0]!;
    expect(slow.advice.find((a) => a.code === 'deposit')?.text).toBe(
      'Slow Co paid its last 3 invoices 25 days late on average: ask a 50% deposit before the next project.',
    );
    expect(codes([paid('Prompt', 0), paid('Prompt', -3), paid('Prompt', 0)])).toEqual([]);
  });

  it('deposit when an invoice needed the formal notice, whatever the average', () => {
    const inv = paid('Acme', 0);
    expect(codes([inv], [], [inv.key])).toEqual(['deposit']);
  });

  it('milestones for a large invoice paid late (from 5,000) or a dispute', () => {
    const big = ADVICE_THRESHOLDS.largeInvoiceAmount;
    expect(codes([paid('Acme', 1, { amount: big })])).toContain('milestones');
    expect(codes([paid('Acme', 1, { amount: big - 0.01 })])).not.toContain('milestones');
    expect(codes([paid('Acme', 0, { amount: big * 2 })])).not.toContain('milestones');
    const inv = invoiceDue('2026-12-10', { key: 'D1', invoice: 'D1' });
    expect(report([inv], ['D1']).clients[0]!.advice).toEqual([
      {
        code: 'milestones',
        text: 'Acme disputed 1 invoice (D1): split the next project into milestone payments, each signed off as it is delivered.',
        facts: { code: 'milestones', client: 'Acme', disputed: ['D1'] },
      },
    ]);
  });

  it('shorterTerms when fewer than half of 2+ paid invoices were on time', () => {
    expect(codes([paid('Acme', 3), paid('Acme', 0), paid('Acme', 2)])).toContain('shorterTerms');
    expect(codes([paid('Acme', 3), paid('Acme', 0)])).not.toContain('shorterTerms');
    expect(codes([paid('Acme', 3)])).not.toContain('shorterTerms');
  });

  it('contractTerms from 30 days late (paid, or unpaid today), not 29', () => {
    const d = ADVICE_THRESHOLDS.contractDaysLate;
    expect(codes([paid('Acme', d)])).toContain('contractTerms');
    expect(codes([paid('Acme', d - 1)])).not.toContain('contractTerms');
    expect(codes([invoiceDue(addDays(TODAY, -d))])).toEqual(['contractTerms']);
    expect(codes([invoiceDue(addDays(TODAY, -(d - 1)))])).toEqual([]);
  });
});

describe('the report', () => {
  it('null averages without paid invoices; an invoice paid early is 0 days late', () => {
    const r = report([invoiceDue(TODAY), paid('Quick', -5)]);
    expect(r.clients.map((c) => [c.client, c.paidInvoices, c.averageDaysLate, c.onTimePercent])).toEqual([
      ['Acme', 0, null, null],
      ['Quick', 1, 0, 100],
    ]);
  });

  it('aging buckets: due today is current, 30 days is 1–30, 31 is 31–60, 91 is over 90', () => {
    expect([0, -4, 1, 30, 31, 60, 61, 90, 91].map(agingBucket)).toEqual([
      'current',
      'current',
      'days1to30',
      'days1to30',
      'days31to60',
      'days31to60',
      'days61to90',
      'days61to90',
      'over90',
    ]);
  });

  it('adds money in minor units: any cents add up exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_00 }), { minLength: 1, maxLength: 20 }), (cents) => {
        const invoices = cents.map((c, i) =>
          invoiceDue(TODAY, { key: `K${i}`, invoice: `K${i}`, amount: c / 100, balance: c / 100, currency: 'EUR' }),
        );
        const total = cents.reduce((a, b) => a + b, 0);
        expect(report(invoices).aging).toEqual([
          { currency: 'EUR', current: total / 100, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 },
        ]);
      }),
    );
  });
});

describe('phone numbers', () => {
  it.each(['Phone', 'Tel', 'Telephone', 'Mobile', 'Phone Number', 'Billing Phone', 'Telefon', 'Téléphone', 'Teléfono'])(
    'reads a %s column as the phone',
    (title) => {
      const map = mapHeaders(['Invoice', 'Client', 'Email', 'Billing Email', 'Due Date', title], { owned: {} });
      expect(map.columns.phone).toBe(5);
      expect(map.columns.billingEmail).toBe(3);
    },
  );

  it('dials digits and a leading + only, and refuses what is not a number', () => {
    expect(readPhone('+44 20 7946 0958')).toEqual({ shown: '+44 20 7946 0958', tel: '+442079460958' });
    expect(readPhone('(555) 010-1234 ext. 12').tel).toBe('5550101234');
    expect(readPhone('0049-30-123456').tel).toBe('004930123456');
    expect(readPhone('n/a').tel).toBeNull();
    expect(readPhone('').tel).toBeNull();
    fc.assert(fc.property(fc.string(), (s) => /^\+?\d*$/.test(readPhone(s).tel ?? '')));
  });
});
