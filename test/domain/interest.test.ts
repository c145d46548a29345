import fc from 'fast-check';
import { addDays } from '../../src/domain/dates';
import {
  halfYearOf,
  lateInterest,
  latePaymentValues,
  simpleInterest,
  ukFixedSum,
  type LateInvoice,
} from '../../src/domain/interest';
import { roundMoney } from '../../src/domain/money';
import type { LatePaymentRegime, LatePaymentSettings } from '../../src/domain/types';

function settings(over: Partial<LatePaymentSettings> = {}): LatePaymentSettings {
  return {
    regime: 'uk',
    referenceRatePercent: 5,
    referenceRatePeriod: '2026-H1',
    marginPercent: 0,
    fixedCompensation: 0,
    attachLetter: false,
    ...over,
  };
}

const gbp = (balance: number, dueDate = '2026-03-01'): LateInvoice => ({ balance, currency: 'GBP', dueDate });

describe('UK: Late Payment of Commercial Debts (Interest) Act 1998', () => {
  test('the worked example: £1,000, 21 days late, base rate 5% → £7.48 interest plus £70', () => {
    const r = lateInterest(gbp(1000), settings(), '2026-03-22');
    expect(r).toMatchObject({ days: 21, ratePercent: 13, interest: 7.48, compensation: 70, amountClaimed: 1077.48 });
    expect(r.warnings).toEqual([]);
    expect(r.notApplied).toBeUndefined();
    expect(r.segments).toEqual([{ from: '2026-03-02', to: '2026-03-22', days: 21, ratePercent: 13, interest: 7.48 }]);
  });

  test.each([
    [500, 3.74, 40, 543.74],
    [999.99, 7.48, 40, 1047.47],
    [1000, 7.48, 70, 1077.48],
    [9999.99, 74.79, 70, 10144.78],
    [10000, 74.79, 100, 10174.79],
    [25000, 186.99, 100, 25286.99],
  ])('£%p 21 days late: interest £%p, fixed sum £%p, claimed £%p', (balance, interest, compensation, claimed) => {
    const r = lateInterest(gbp(balance), settings(), '2026-03-22');
    expect([r.interest, r.compensation, r.amountClaimed]).toEqual([interest, compensation, claimed]);
  });

  test('the fixed sum bands: under £1,000, under £10,000, £10,000 or more', () => {
    expect([ukFixedSum(0.01), ukFixedSum(999.99), ukFixedSum(1000), ukFixedSum(9999.99), ukFixedSum(10000)]).toEqual([
      40, 40, 70, 70, 100,
    ]);
  });

  describe('a rate change on 1 July (base rate 5% for H1, 4% for H2)', () => {
    const s = settings({ referenceRatePercent: 4, referenceRatePeriod: '2026-H2' });
    const earlierRates = [{ period: '2026-H1', percent: 5 }];

    test('interest that started running in June keeps the H1 rate after 1 July', () => {
      const r = lateInterest(gbp(1000, '2026-06-20'), s, '2026-07-11', { earlierRates });
      expect(r).toMatchObject({ days: 21, ratePercent: 13, interest: 7.48, compensation: 70 });
      expect(r.segments).toHaveLength(1);
      expect(r.warnings).toEqual([]);
    });

    test('an invoice due on 30 June starts running on 1 July, at the H2 rate', () => {
      const r = lateInterest(gbp(1000, '2026-06-30'), s, '2026-07-21', { earlierRates });
      expect(r).toMatchObject({ days: 21, ratePercent: 12, interest: 6.9 });
    });

    test('without the H1 rate, the H2 rate is used and the row says so', () => {
      const r = lateInterest(gbp(1000, '2026-06-20'), s, '2026-07-11');
      expect(r).toMatchObject({ ratePercent: 12, interest: 6.9 });
      expect(r.warnings.map((w) => w.code)).toEqual(['reference-rate-assumed']);
      expect(r.warnings[0]?.message).toContain('2026-H1');
    });
  });

  test('the fixed sum is in sterling: an invoice in dollars gets interest only, with a warning', () => {
    const r = lateInterest({ balance: 1000, currency: 'USD', dueDate: '2026-03-01' }, settings(), '2026-03-22');
    expect(r).toMatchObject({ interest: 7.48, compensation: 0, amountClaimed: 1007.48 });
    expect(r.warnings.map((w) => w.code)).toEqual(['compensation-needs-conversion']);
  });
});

describe('EU: Directive 2011/7/EU', () => {
  const eur = (balance: number, dueDate: string): LateInvoice => ({ balance, currency: 'EUR', dueDate });
  const s = settings({ regime: 'eu', referenceRatePercent: 2, referenceRatePeriod: '2026-H2', marginPercent: 8 });

  test('ECB rate + 8 points plus €40: €2,000, 30 days late at 2.15% → €16.68 + €40', () => {
    const r = lateInterest(
      eur(2000, '2026-03-01'),
      { ...s, referenceRatePercent: 2.15, referenceRatePeriod: '2026-H1' },
      '2026-03-31',
    );
    // 2000 × 10.15% × 30 / 365 = 16.684… → 16.68
    expect(r).toMatchObject({ days: 30, ratePercent: 10.15, interest: 16.68, compensation: 40, amountClaimed: 2056.68 });
  });

  test('each half-year at its own rate across 1 July', () => {
    const r = lateInterest(eur(1000, '2026-06-20'), s, '2026-07-10', { earlierRates: [{ period: '2026-H1', percent: 2.15 }] });
    expect(r.segments).toEqual([
      { from: '2026-06-21', to: '2026-06-30', days: 10, ratePercent: 10.15, interest: 2.78 },
      { from: '2026-07-01', to: '2026-07-10', days: 10, ratePercent: 10, interest: 2.74 },
    ]);
    expect(r).toMatchObject({ days: 20, interest: 5.52, compensation: 40, amountClaimed: 1045.52, ratePercent: 10 });
  });

  test('a country margin above 8 points is used; below 8 falls back to 8 with a warning', () => {
    expect(lateInterest(eur(1000, '2026-07-01'), { ...s, marginPercent: 9 }, '2026-07-31').ratePercent).toBe(11);
    const low = lateInterest(eur(1000, '2026-07-01'), { ...s, marginPercent: 7 }, '2026-07-31');
    expect(low.ratePercent).toBe(10);
    expect(low.warnings.map((w) => w.code)).toEqual(['margin-below-minimum']);
  });

  test('the fixed €40 is not converted: an invoice in zloty gets interest and a warning', () => {
    const r = lateInterest({ balance: 1000, currency: 'PLN', dueDate: '2026-07-01' }, s, '2026-07-31');
    expect(r.compensation).toBe(0);
    expect(r.interest).toBe(8.22); // 1000 × 10% × 30 / 365 = 8.219…
    expect(r.warnings.map((w) => w.code)).toEqual(['compensation-needs-conversion']);
  });
});

describe('custom regime', () => {
  const s = settings({ regime: 'custom', marginPercent: 10, fixedCompensation: 25, referenceRatePeriod: '' });

  test('$1,200 at 10% a year, 30 days late, $25 fee → $9.86 + $25', () => {
    const r = lateInterest({ balance: 1200, currency: 'USD', dueDate: '2026-05-01' }, s, '2026-05-31');
    expect(r).toMatchObject({ days: 30, ratePercent: 10, interest: 9.86, compensation: 25, amountClaimed: 1234.86 });
    expect(r.warnings).toEqual([]);
  });

  test('rounds to the currency: yen to whole units, dinar to three places', () => {
    expect(lateInterest({ balance: 100000, currency: 'JPY', dueDate: '2026-05-01' }, s, '2026-05-31').interest).toBe(822);
    expect(lateInterest({ balance: 1000, currency: 'KWD', dueDate: '2026-05-01' }, s, '2026-05-31').interest).toBe(8.219);
  });
});

describe('when nothing applies, the row says why', () => {
  test.each<[string, Partial<LatePaymentSettings>, LateInvoice, string, boolean, string]>([
    ['off', { regime: 'off' }, gbp(1000), '2026-03-22', false, 'off'],
    ['a consumer', {}, gbp(1000), '2026-03-22', true, 'consumer'],
    ['nothing owed', {}, gbp(0), '2026-03-22', false, 'nothing-owed'],
    ['on the due date', {}, gbp(1000), '2026-03-01', false, 'not-late'],
    ['before the due date', {}, gbp(1000), '2026-02-20', false, 'not-late'],
    ['a rate that is not a number', { referenceRatePercent: Number.NaN }, gbp(1000), '2026-03-22', false, 'invalid-settings'],
  ])('%s', (_name, over, invoice, today, consumer, code) => {
    const r = lateInterest(invoice, settings(over), today, { consumer });
    expect(r.notApplied?.code).toBe(code);
    expect(r.notApplied?.message).toMatch(/\w/);
    expect([r.interest, r.compensation, r.amountClaimed]).toEqual([0, 0, invoice.balance]);
    expect(latePaymentValues(r, 'en_GB')).toEqual({});
  });
});

describe('the reference rate and its half-year', () => {
  test('a rate for a half-year that has passed is flagged', () => {
    const r = lateInterest(gbp(1000, '2026-07-01'), settings(), '2026-07-22');
    // Interest on this invoice started in H2, so the H1 rate was also only an assumption for it.
    expect(r.warnings.map((w) => w.code)).toEqual(['reference-rate-outdated', 'reference-rate-assumed']);
    expect(r.warnings[0]?.message).toContain('2026-H2');
    // An invoice late since H1 still has its right rate, but the setting is flagged for newer ones.
    const older = lateInterest(gbp(1000, '2026-06-01'), settings(), '2026-07-22');
    expect(older.warnings.map((w) => w.code)).toEqual(['reference-rate-outdated']);
  });

  test('a rate without its half-year is used for every day, with a warning', () => {
    const r = lateInterest(gbp(1000), settings({ referenceRatePeriod: '' }), '2026-03-22');
    expect(r.interest).toBe(7.48);
    expect(r.warnings.map((w) => w.code)).toEqual(['reference-rate-period-unknown']);
  });

  test('halfYearOf', () => {
    expect([halfYearOf('2026-01-01'), halfYearOf('2026-06-30'), halfYearOf('2026-07-01'), halfYearOf('2026-12-31')]).toEqual([
      '2026-H1',
      '2026-H1',
      '2026-H2',
      '2026-H2',
    ]);
  });
});

describe('placeholders', () => {
  test('{{interest}}, {{compensation}}, {{amount_claimed}} in the locale', () => {
    const r = lateInterest(gbp(1000), settings(), '2026-03-22');
    expect(latePaymentValues(r, 'en_GB')).toEqual({ interest: '£7.48', compensation: '£70.00', amount_claimed: '£1,077.48' });
    expect(latePaymentValues(r, 'de_DE')).toEqual({ interest: '7,48 £', compensation: '70,00 £', amount_claimed: '1.077,48 £' });
  });
});

test('simpleInterest rounds an exact half up (no binary fraction decides)', () => {
  // 36.50 × 1% × 5 / 365 = 0.005 exactly
  expect(simpleInterest(36.5, 'GBP', 1, 5)).toBe(0.01);
  expect(simpleInterest(36.5, 'GBP', 1, 4)).toBe(0);
});

// ---------------------------------------------------------------------------------------------
// Properties

const currencies = fc.constantFrom('GBP', 'EUR', 'USD', 'JPY', 'KWD');
const regimes = fc.constantFrom<LatePaymentRegime>('uk', 'eu', 'custom');
const dueDates = fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2020-01-01', n));
const rates = fc.integer({ min: -200, max: 2000 }).map((n) => n / 100);
const balances = fc.integer({ min: 1, max: 100_000_000_00 }).map((n) => n / 100);
const anySettings = fc.record({
  regime: regimes,
  referenceRatePercent: rates,
  referenceRatePeriod: fc.constantFrom('', '2024-H1', '2025-H2', '2027-H1'),
  marginPercent: rates,
  fixedCompensation: fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
  attachLetter: fc.boolean(),
});
const earlierRates = fc.array(fc.record({ period: fc.constantFrom('2021-H1', '2023-H2', '2026-H1'), percent: rates }), {
  maxLength: 3,
});

describe('properties', () => {
  test('interest grows (weakly) with the days late', () => {
    fc.assert(
      fc.property(
        balances,
        currencies,
        dueDates,
        anySettings,
        earlierRates,
        fc.nat(800),
        fc.nat(400),
        (b, c, due, s, er, d, more) => {
          const invoice = { balance: b, currency: c, dueDate: due };
          const early = lateInterest(invoice, s, addDays(due, d), { earlierRates: er });
          const later = lateInterest(invoice, s, addDays(due, d + more), { earlierRates: er });
          expect(later.interest).toBeGreaterThanOrEqual(early.interest);
        },
      ),
    );
  });

  test('nothing up to and including the due date', () => {
    fc.assert(
      fc.property(balances, currencies, dueDates, anySettings, fc.nat(400), (b, c, due, s, before) => {
        const r = lateInterest({ balance: b, currency: c, dueDate: due }, s, addDays(due, -before));
        expect([r.interest, r.compensation, r.days]).toEqual([0, 0, 0]);
      }),
    );
  });

  test('never for a consumer', () => {
    fc.assert(
      fc.property(balances, currencies, dueDates, anySettings, fc.nat(2000), (b, c, due, s, d) => {
        const r = lateInterest({ balance: b, currency: c, dueDate: due }, s, addDays(due, d), { consumer: true });
        expect([r.interest, r.compensation, r.amountClaimed]).toEqual([0, 0, b]);
      }),
    );
  });

  test('never negative, and every amount is in whole minor units', () => {
    fc.assert(
      fc.property(balances, currencies, dueDates, anySettings, earlierRates, fc.nat(3000), (b, c, due, s, er, d) => {
        const r = lateInterest({ balance: roundMoney(b, c), currency: c, dueDate: due }, s, addDays(due, d), {
          earlierRates: er,
        });
        for (const amount of [r.interest, r.compensation, r.amountClaimed, ...r.segments.map((x) => x.interest)]) {
          expect(amount).toBeGreaterThanOrEqual(0);
          expect(roundMoney(amount, c)).toBe(amount);
        }
      }),
    );
  });

  test('a single rate gives balance × rate × days / 365 to within half a minor unit', () => {
    fc.assert(
      fc.property(
        balances,
        fc.integer({ min: 0, max: 3000 }).map((n) => n / 100),
        fc.nat(1500),
        (b, rate, d) => {
          const s = settings({ regime: 'custom', marginPercent: rate });
          const r = lateInterest({ balance: b, currency: 'USD', dueDate: '2026-01-01' }, s, addDays('2026-01-01', d));
          expect(Math.abs(r.interest - (b * rate * d) / 36500)).toBeLessThanOrEqual(0.005 + 1e-6 * b);
        },
      ),
    );
  });
});
