import fc from 'fast-check';
import { binaryString } from '../arbitraries';
import {
  currencyDecimals,
  currencyFitsSymbol,
  currencyForLocale,
  currencyForSymbol,
  formatMoney,
  isCurrencyCode,
  MAX_AMOUNT,
  parseAmount,
  plainDecimal,
  roundMoney,
  sumMoney,
  sumsByCurrency,
  toMinorUnits,
  fromMinorUnits,
  usesDecimalComma,
} from '../../src/domain/money';
import type { CellValue } from '../../src/domain/types';

type Expect = { amount: number; currency?: string | null; symbol?: string | null };

function ok(value: CellValue, locale: string, expected: Expect): void {
  const r = parseAmount(value, locale, 'Amount');
  expect(r).toEqual({
    ok: true,
    value: { amount: expected.amount, currency: expected.currency ?? null, symbol: expected.symbol ?? null },
  });
}

describe('parseAmount', () => {
  test.each<[CellValue, string, Expect]>([
    [1200, 'en_US', { amount: 1200 }],
    [1200.456, 'en_US', { amount: 1200.46 }],
    [0, 'en_US', { amount: 0 }],
    [-0, 'en_US', { amount: 0 }],
    ['1200', 'en_US', { amount: 1200 }],
    ['  1200  ', 'en_US', { amount: 1200 }],
    ['$1,200.00', 'en_US', { amount: 1200, symbol: '$' }],
    ['$ 1,200.00', 'en_US', { amount: 1200, symbol: '$' }],
    ['1,200.50', 'en_US', { amount: 1200.5 }],
    ['1,200', 'en_US', { amount: 1200 }],
    ['1.200', 'en_US', { amount: 1.2 }],
    ['1.200', 'de_DE', { amount: 1200 }],
    ['1,200', 'de_DE', { amount: 1.2 }],
    ['1.200,50 €', 'de_DE', { amount: 1200.5, currency: 'EUR' }],
    ['1.200,50€', 'de_DE', { amount: 1200.5, currency: 'EUR' }],
    ['1 200,50', 'fr_FR', { amount: 1200.5 }],
    ['1\u202f200,50\u00a0€', 'fr_FR', { amount: 1200.5, currency: 'EUR' }],
    ['1 200', 'fr_FR', { amount: 1200 }],
    // Both marks present: the last is the decimal mark in every locale.
    ['1,200.50', 'de_DE', { amount: 1200.5 }],
    ['1.200,50', 'en_US', { amount: 1200.5 }],
    ['1.234.567,89', 'es_ES', { amount: 1234567.89 }],
    ['1,234,567', 'de_DE', { amount: 1234567 }],
    // One separator not followed by exactly three digits is a decimal mark everywhere.
    ['12,5', 'en_US', { amount: 12.5 }],
    ['12.50', 'de_DE', { amount: 12.5 }],
    ['0,500', 'en_US', { amount: 0.5 }],
    ['1234,567', 'en_US', { amount: 1234.57 }],
    ['.5', 'en_US', { amount: 0.5 }],
    ["1'200.50", 'de_CH', { amount: 1200.5 }],
    ['1’200.50', 'de_CH', { amount: 1200.5 }],
    ['1,20,000.00', 'en_IN', { amount: 120000 }],
    ['₹1,20,000', 'en_IN', { amount: 120000, currency: 'INR' }],
    ['EUR 17', 'en_US', { amount: 17, currency: 'EUR' }],
    ['17 EUR', 'en_US', { amount: 17, currency: 'EUR' }],
    ['17 eur', 'en_US', { amount: 17, currency: 'EUR' }],
    ['USD1,200', 'en_US', { amount: 1200, currency: 'USD' }],
    ['1200USD', 'en_US', { amount: 1200, currency: 'USD' }],
    ['£1,200.50', 'en_GB', { amount: 1200.5, currency: 'GBP' }],
    ['€17', 'en_US', { amount: 17, currency: 'EUR' }],
    ['¥1,200', 'ja_JP', { amount: 1200, symbol: '¥' }],
    ['US$1,200.50', 'en_CA', { amount: 1200.5, currency: 'USD' }],
    ['C$10', 'en_US', { amount: 10, currency: 'CAD' }],
    ['R$ 1.200,50', 'pt_BR', { amount: 1200.5, currency: 'BRL' }],
    ['$17 USD', 'en_US', { amount: 17, currency: 'USD' }],
    ['CHF 1200', 'de_CH', { amount: 1200, currency: 'CHF' }],
    ['1 200,50 kr', 'sv_SE', { amount: 1200.5, symbol: 'kr' }],
    ['1.200,50 kr.', 'da_DK', { amount: 1200.5, symbol: 'kr' }],
    ['R 1 200,50', 'en_ZA', { amount: 1200.5, currency: 'ZAR' }],
    ['1 200,50 zł', 'pl_PL', { amount: 1200.5, currency: 'PLN' }],
    ['1.005', 'en_US', { amount: 1.01 }],
    ['2.675', 'en_US', { amount: 2.68 }],
    ['1200.5', 'ja_JP', { amount: 1201 }],
    ['JPY 1200.5', 'en_US', { amount: 1201, currency: 'JPY' }],
    ['1.2345 KWD', 'en_US', { amount: 1.235, currency: 'KWD' }],
    ['+17', 'en_US', { amount: 17 }],
    ['-0', 'en_US', { amount: 0 }],
  ])('%j in %s', (value, locale, expected) => {
    ok(value, locale, expected);
  });

  test.each<[CellValue, string]>([
    [-5, "Amount '-5' is negative"],
    ['-5', "Amount '-5' is negative"],
    ['5-', "Amount '5-' is negative"],
    ['−5', "Amount '−5' is negative"],
    ['$-5', "Amount '$-5' is negative"],
    ['-$5', "Amount '-$5' is negative"],
    ['(200)', "Amount '(200)' is negative (an amount in brackets) — write the amount owed as a positive number"],
    ['($200.00)', "Amount '($200.00)' is negative (an amount in brackets) — write the amount owed as a positive number"],
    ['', 'Amount is empty'],
    ['   ', 'Amount is empty'],
    ['abc', "Amount 'abc' is not a number"],
    ['12abc', "Amount '12abc' is not a number"],
    ['1,200,50', "Amount '1,200,50' is not a number"],
    ['1.2.3', "Amount '1.2.3' is not a number"],
    ['1,2,3', "Amount '1,2,3' is not a number"],
    ['1 20', "Amount '1 20' is not a number"],
    ['1.200.50,5.3', "Amount '1.200.50,5.3' is not a number"],
    ['$', "Amount '$' is not a number"],
    ['EUR', "Amount 'EUR' is not a number"],
    ['XYZ 17', "Amount 'XYZ 17' is not a number"],
    ['EURO 17', "Amount 'EURO 17' is not a number"],
    ['1e5', "Amount '1e5' is not a number"],
    [NaN, "Amount 'NaN' is not a number"],
    [Infinity, "Amount 'Infinity' is not a number"],
    [-Infinity, "Amount '-Infinity' is not a number"],
    [true, "Amount 'TRUE' is not a number"],
    [{ date: '2026-01-01' }, "Amount '2026-01-01' is not a number"],
    ['€17 USD', "Amount '€17 USD' names two currencies (EUR and USD)"],
    ['$17 EUR', "Amount '$17 EUR' names two currencies (dollars and EUR)"],
    [1e15, "Amount '1000000000000000' is too large"],
    ['1,000,000,000,000', "Amount '1,000,000,000,000' is too large"],
  ])('%j is refused', (value, message) => {
    expect(parseAmount(value, 'en_US', 'Amount')).toEqual({ ok: false, error: message });
  });

  test('the label is used', () => {
    expect(parseAmount('x', 'en_US', 'Amount paid')).toEqual({ ok: false, error: "Amount paid 'x' is not a number" });
  });

  test('rounds to the currency hint when the text names none', () => {
    expect(parseAmount('1200.5', 'en_US', 'Amount', 'JPY')).toEqual({
      ok: true,
      value: { amount: 1201, currency: null, symbol: null },
    });
    expect(parseAmount(1200.5, 'ja_JP', 'Amount', 'USD')).toEqual({
      ok: true,
      value: { amount: 1200.5, currency: null, symbol: null },
    });
    expect(parseAmount('EUR 1200.555', 'ja_JP', 'Amount', 'JPY')).toEqual({
      ok: true,
      value: { amount: 1200.56, currency: 'EUR', symbol: null },
    });
  });

  test('long text is refused quickly and quoted short', () => {
    const r = parseAmount('1'.repeat(100_000), 'en_US', 'Amount');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeLessThan(120);
  });

  test('never throws; successes are finite, non-negative and within range', () => {
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      binaryString({ maxLength: 30 }),
      fc.string({
        unit: fc.constantFrom('1', '0', '9', ',', '.', ' ', "'", '$', '€', '-', '(', ')', 'E', 'U', 'R', 'k', 'r'),
        maxLength: 20,
      }),
      fc.double(),
      fc.boolean(),
      fc.string().map((date) => ({ date })),
    );
    fc.assert(
      fc.property(cell, fc.constantFrom('en_US', 'de_DE', 'fr_FR', 'en_IN', 'ja_JP', '', 'xx'), (value, locale) => {
        const r = parseAmount(value, locale, 'Amount');
        if (r.ok) {
          expect(Number.isFinite(r.value.amount)).toBe(true);
          expect(r.value.amount).toBeGreaterThanOrEqual(0);
          expect(r.value.amount).toBeLessThanOrEqual(MAX_AMOUNT);
          expect(Object.is(r.value.amount, -0)).toBe(false);
        } else {
          expect(r.error).toMatch(/^Amount/);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('a number cell keeps its value (rounded to cents)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999_999 }), (cents) => {
        const r = parseAmount(cents / 100, 'en_US', 'Amount');
        expect(r.ok && Math.round(r.value.amount * 100)).toBe(cents);
      }),
    );
  });
});

describe('currencies', () => {
  test.each([
    ['en_US', 'USD'],
    ['en-US', 'USD'],
    ['en_GB', 'GBP'],
    ['de_DE', 'EUR'],
    ['fr_FR', 'EUR'],
    ['es_ES', 'EUR'],
    ['it_IT', 'EUR'],
    ['nl_NL', 'EUR'],
    ['en_IE', 'EUR'],
    ['de_CH', 'CHF'],
    ['en_AU', 'AUD'],
    ['en_CA', 'CAD'],
    ['fr_CA', 'CAD'],
    ['en_NZ', 'NZD'],
    ['en_IN', 'INR'],
    ['ja_JP', 'JPY'],
    ['zh_CN', 'CNY'],
    ['ko_KR', 'KRW'],
    ['pt_BR', 'BRL'],
    ['pt_PT', 'EUR'],
    ['es_MX', 'MXN'],
    ['sv_SE', 'SEK'],
    ['de', 'EUR'],
    ['', 'USD'],
    ['xx_YY', 'USD'],
  ])('currencyForLocale(%s) = %s', (locale, code) => {
    expect(currencyForLocale(locale)).toBe(code);
    expect(isCurrencyCode(code)).toBe(true);
  });

  test.each([
    ['USD', true],
    ['EUR', true],
    ['JPY', true],
    ['usd', false],
    ['XYZ', false],
    ['EURO', false],
    ['', false],
    ['US', false],
  ])('isCurrencyCode(%s) = %s', (code, expected) => {
    expect(isCurrencyCode(code)).toBe(expected);
  });

  test.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['KWD', 3],
    ['XYZ', 2],
  ])('currencyDecimals(%s) = %d', (code, n) => {
    expect(currencyDecimals(code)).toBe(n);
  });

  test('shared symbols', () => {
    expect(currencyFitsSymbol('CAD', '$')).toBe(true);
    expect(currencyFitsSymbol('EUR', '$')).toBe(false);
    expect(currencyForSymbol('$', 'AUD')).toBe('AUD');
    expect(currencyForSymbol('$', 'EUR')).toBe('USD');
    expect(currencyForSymbol('¥', 'CNY')).toBe('CNY');
    expect(currencyForSymbol('¥', 'USD')).toBe('JPY');
    expect(currencyForSymbol('kr', 'NOK')).toBe('NOK');
  });

  test('decimal marks by locale', () => {
    expect(usesDecimalComma('de_DE')).toBe(true);
    expect(usesDecimalComma('de_CH')).toBe(false);
    expect(usesDecimalComma('es_MX')).toBe(false);
    expect(usesDecimalComma('en_ZA')).toBe(true);
    expect(usesDecimalComma('en_US')).toBe(false);
  });
});

describe('rounding', () => {
  test.each([
    [1.005, 'USD', 1.01],
    [2.675, 'USD', 2.68],
    [0.125, 'EUR', 0.13],
    [1.004, 'USD', 1],
    [9.995, 'USD', 10],
    [999.999, 'USD', 1000],
    [1200.5, 'JPY', 1201],
    [1200.4, 'JPY', 1200],
    [1.2345, 'KWD', 1.235],
    [1e-7, 'USD', 0],
    [-1.005, 'USD', -1.01],
  ])('roundMoney(%d, %s) = %d', (n, code, expected) => {
    expect(roundMoney(n, code)).toBe(expected);
  });

  test.each([
    [1e21, '1000000000000000000000'],
    [1.5e-7, '0.00000015'],
    [-0, '0'],
    [12.5, '12.5'],
  ])('plainDecimal(%d) = %s', (n, s) => {
    expect(plainDecimal(n)).toBe(s);
  });
});

describe('formatMoney', () => {
  test.each([
    [1200.5, 'USD', 'en_US', '$1,200.50'],
    [1200.5, 'GBP', 'en_GB', '£1,200.50'],
    [1200.5, 'EUR', 'en_GB', '€1,200.50'],
    [1200.5, 'USD', 'en_GB', 'US$1,200.50'],
    [1200.5, 'EUR', 'de_DE', '1.200,50 €'],
    [1200.5, 'EUR', 'fr_FR', '1 200,50 €'],
    [1200.5, 'EUR', 'es_ES', '1.200,50 €'],
    [1200.5, 'EUR', 'nl_NL', '€ 1.200,50'],
    [1200, 'JPY', 'ja_JP', '¥1,200'],
    [1200.5, 'JPY', 'ja_JP', '¥1,201'],
    [1200.5, 'XYZ', 'en_US', '1,200.50 XYZ'],
    [1200.5, 'XYZ', 'de_DE', '1.200,50 XYZ'],
    [1200.5, 'USD', 'en_CA', 'US$1,200.50'],
    [1200.5, 'CAD', 'en_CA', '$1,200.50'],
    [1200.5, 'CAD', 'en_US', 'CA$1,200.50'],
    [1200.5, 'AUD', 'en_AU', '$1,200.50'],
    [1200.5, 'CHF', 'de_CH', "CHF 1'200.50"],
    [1200.5, 'CHF', 'en_US', '1,200.50 CHF'],
    [120000, 'INR', 'en_IN', '₹1,20,000.00'],
    [1200.5, 'BRL', 'pt_BR', 'R$ 1.200,50'],
    [1200.5, 'SEK', 'sv_SE', '1 200,50 kr'],
    [1200.5, 'SEK', 'en_US', '1,200.50 SEK'],
    [1200.5, 'CNY', 'zh_CN', '¥1,200.50'],
    [1200, 'JPY', 'zh_CN', 'JP¥1,200'],
    [1200.5, 'CNY', 'en_US', 'CN¥1,200.50'],
    [0, 'USD', 'en_US', '$0.00'],
    [999, 'USD', 'en_US', '$999.00'],
    [1234567.891, 'USD', 'en_US', '$1,234,567.89'],
    [1.2345, 'KWD', 'en_US', '1.235 KWD'],
    [-5, 'USD', 'en_US', '-$5.00'],
  ])('formatMoney(%d, %s, %s) = %s', (amount, code, locale, expected) => {
    expect(formatMoney(amount, code, locale)).toBe(expected);
  });

  test('does not throw on odd input', () => {
    expect(formatMoney(NaN, 'USD', 'en_US')).toBe('NaN USD');
    expect(() => formatMoney(1e300, 'USD', 'en_US')).not.toThrow();
  });

  test('format → parse round trip', () => {
    const locales = [
      'en_US',
      'en_GB',
      'de_DE',
      'fr_FR',
      'ja_JP',
      'en_IN',
      'de_CH',
      'pt_BR',
      'sv_SE',
      'nl_NL',
      'en_CA',
      'zh_CN',
      'da_DK',
      'en_ZA',
    ];
    const codes = ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'INR', 'CAD', 'SEK', 'DKK', 'BRL', 'KWD', 'CNY', 'ZAR', 'AUD'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999_999_999 }),
        fc.constantFrom(...locales),
        fc.constantFrom(...codes),
        (minor, locale, code) => {
          const amount = roundMoney(minor / 1000, code);
          const text = formatMoney(amount, code, locale);
          const r = parseAmount(text, locale, 'Amount', code);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.value.amount).toBe(amount);
          const resolved = r.value.currency ?? (r.value.symbol !== null ? currencyForSymbol(r.value.symbol, code) : null);
          expect(resolved).toBe(code);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('money in whole minor units', () => {
  it("rounds once, half-up by magnitude, to the currency's minor unit", () => {
    expect(toMinorUnits(12.345, 'EUR')).toBe(1235);
    expect(toMinorUnits(1.005, 'USD')).toBe(101);
    expect(toMinorUnits(-1.005, 'USD')).toBe(-101);
    expect(toMinorUnits(1234.5, 'JPY')).toBe(1235);
    expect(toMinorUnits(1.2345, 'KWD')).toBe(1235);
    expect(fromMinorUnits(1235, 'EUR')).toBe(12.35);
    expect(fromMinorUnits(1235, 'JPY')).toBe(1235);
  });

  it('adds per currency in the order currencies first appear, never across currencies', () => {
    const sums = sumsByCurrency([
      { currency: 'GBP', amount: 0.1 },
      { currency: 'EUR', amount: 2 },
      { currency: 'GBP', amount: 0.2 },
      { currency: 'JPY', amount: 1000 },
    ]);
    expect(sums).toEqual([
      { currency: 'GBP', amount: 0.3 },
      { currency: 'EUR', amount: 2 },
      { currency: 'JPY', amount: 1000 },
    ]);
    expect(sumsByCurrency([])).toEqual([]);
  });

  it('adds without binary fractions: 0.1 + 0.2 is 0.3, a hundred cents are a euro', () => {
    expect(sumMoney([0.1, 0.2], 'EUR')).toBe(0.3);
    expect(
      sumMoney(
        Array.from({ length: 100 }, () => 0.01),
        'EUR',
      ),
    ).toBe(1);
    expect(sumMoney([], 'GBP')).toBe(0);
  });

  it('a sum of cent amounts equals the sum of their cents, whatever the order', () => {
    const cents = fc.array(fc.integer({ min: -99_999_999, max: 99_999_999 }), { maxLength: 40 });
    fc.assert(
      fc.property(cents, (list) => {
        const exact = list.reduce((a, b) => a + b, 0);
        const amounts = list.map((c) => c / 100);
        expect(toMinorUnits(sumMoney(amounts, 'EUR'), 'EUR')).toBe(exact);
        expect(sumMoney([...amounts].reverse(), 'EUR')).toBe(sumMoney(amounts, 'EUR'));
        expect(sumMoney(amounts, 'EUR')).toBe(roundMoney(exact / 100, 'EUR'));
      }),
    );
  });
});
