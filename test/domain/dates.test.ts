import fc from 'fast-check';
import { binaryString } from '../arbitraries';
import {
  addDays,
  cellText,
  dateOrderForLocale,
  dayOfWeek,
  daysBetween,
  formatDateForEmail,
  isIsoDate,
  isWeekend,
  localeParts,
  maxDate,
  nextWeekday,
  parseDateCell,
  shown,
} from '../../src/domain/dates';
import type { CellValue } from '../../src/domain/types';

// An independent oracle for calendar arithmetic: Node's Date in UTC (tests only; the domain never uses Date).
const DAY_MS = 86_400_000;
function oracleIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
function oracleMs(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
}
/** Arbitrary real dates between 1900-01-01 and 2200-12-31. */
const isoDate = fc
  .integer({ min: Date.UTC(1900, 0, 1) / DAY_MS, max: Date.UTC(2200, 11, 31) / DAY_MS })
  .map((day) => oracleIso(day * DAY_MS));

const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  binaryString({ maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('0', '1', '2', '9', '/', '-', '.', ' ', 'T', ':', 'N', 'o', 'v', ','), maxLength: 25 }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.string({ maxLength: 12 }).map((date) => ({ date })),
  isoDate.map((date) => ({ date })),
  fc.constant('x'.repeat(100_000)),
);

describe('isIsoDate', () => {
  test.each([
    ['2026-11-24', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2026-02-29', false],
    ['1900-02-29', false],
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-1-5', false],
    ['26-11-24', false],
    ['2026-11-24T00:00', false],
    ['', false],
    [' 2026-11-24', false],
  ])('%s → %s', (s, expected) => {
    expect(isIsoDate(s)).toBe(expected);
  });
});

describe('addDays and daysBetween', () => {
  test.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 365, '2025-02-28'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2026-03-29', 0, '2026-03-29'],
    ['2026-11-24', -30, '2026-10-25'],
    ['2026-03-28', 2, '2026-03-30'], // across a DST change in Europe
  ])('addDays(%s, %d) = %s', (d, n, expected) => {
    expect(addDays(d, n)).toBe(expected);
    expect(daysBetween(d, expected)).toBe(n);
    expect(daysBetween(expected, d)).toBe(0 - n);
  });

  test('refuses what is not a date or a whole number of days', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-10', 1.5)).toThrow(RangeError);
    expect(() => daysBetween('nope', '2026-02-10')).toThrow(RangeError);
  });

  test('matches a UTC calendar oracle', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -40_000, max: 40_000 }), (d, n) => {
        expect(addDays(d, n)).toBe(oracleIso(oracleMs(d) + n * DAY_MS));
      }),
    );
  });

  test('daysBetween(a, addDays(a, n)) = n and addDays inverts itself', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -100_000, max: 100_000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(addDays(addDays(d, n), -n)).toBe(d);
      }),
    );
  });

  test('daysBetween of two dates matches the oracle', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(daysBetween(a, b)).toBe(Math.round((oracleMs(b) - oracleMs(a)) / DAY_MS));
      }),
    );
  });
});

describe('weekdays', () => {
  test.each([
    ['1970-01-01', 4],
    ['2000-01-01', 6],
    ['2026-11-24', 2],
    ['2026-11-29', 0],
    ['1900-01-01', 1],
  ])('dayOfWeek(%s) = %d', (d, w) => {
    expect(dayOfWeek(d)).toBe(w);
  });

  test('dayOfWeek matches the oracle', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        expect(dayOfWeek(d)).toBe(new Date(oracleMs(d)).getUTCDay());
      }),
    );
  });

  test.each([
    ['2026-11-27', '2026-11-27'], // Friday
    ['2026-11-28', '2026-11-30'], // Saturday → Monday
    ['2026-11-29', '2026-11-30'], // Sunday → Monday
    ['2026-11-30', '2026-11-30'], // Monday
  ])('nextWeekday(%s) = %s', (d, expected) => {
    expect(nextWeekday(d)).toBe(expected);
  });

  test('isWeekend', () => {
    expect(isWeekend('2026-11-28')).toBe(true);
    expect(isWeekend('2026-11-29')).toBe(true);
    expect(isWeekend('2026-11-27')).toBe(false);
  });

  test('nextWeekday is never a weekend, never earlier, at most two days later, and a weekday stays', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        const next = nextWeekday(d);
        expect(isWeekend(next)).toBe(false);
        const gap = daysBetween(d, next);
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(2);
        if (!isWeekend(d)) expect(next).toBe(d);
      }),
    );
  });
});

test('maxDate tolerates null', () => {
  expect(maxDate(null, null)).toBeNull();
  expect(maxDate('2026-01-02', null)).toBe('2026-01-02');
  expect(maxDate(null, '2026-01-02')).toBe('2026-01-02');
  expect(maxDate('2026-01-02', '2025-12-31')).toBe('2026-01-02');
  expect(maxDate('2025-12-31', '2026-01-02')).toBe('2026-01-02');
});

describe('locales', () => {
  test.each([
    ['en_US', 'MDY'],
    ['en-US', 'MDY'],
    ['en-us', 'MDY'],
    ['en_PH', 'MDY'],
    ['es_US', 'MDY'],
    ['fil_PH', 'MDY'],
    ['en', 'MDY'],
    ['en_GB', 'DMY'],
    ['en_AU', 'DMY'],
    ['en_IN', 'DMY'],
    ['en_IE', 'DMY'],
    ['de_DE', 'DMY'],
    ['fr_FR', 'DMY'],
    ['es_ES', 'DMY'],
    ['es_MX', 'DMY'],
    ['pt_BR', 'DMY'],
    ['zh_HK', 'DMY'],
    ['fr_CA', 'YMD'],
    ['en_CA', 'YMD'],
    ['ja_JP', 'YMD'],
    ['zh_CN', 'YMD'],
    ['zh_TW', 'YMD'],
    ['ko_KR', 'YMD'],
    ['hu_HU', 'YMD'],
    ['lt_LT', 'YMD'],
    ['sv_SE', 'YMD'],
    ['', 'DMY'],
    ['xx_YY', 'DMY'],
  ])('dateOrderForLocale(%s) = %s', (locale, order) => {
    expect(dateOrderForLocale(locale)).toBe(order);
  });

  test('localeParts', () => {
    expect(localeParts('en_US')).toEqual({ language: 'en', region: 'US' });
    expect(localeParts('zh-Hans-CN')).toEqual({ language: 'zh', region: 'CN' });
    expect(localeParts('es_419')).toEqual({ language: 'es', region: '419' });
    expect(localeParts('DE')).toEqual({ language: 'de', region: '' });
  });
});

describe('parseDateCell', () => {
  test.each<[CellValue, string, string | null]>([
    ['', 'en_US', null],
    ['   ', 'en_US', null],
    [{ date: '2026-11-24' }, 'en_US', '2026-11-24'],
    ['2026-11-24', 'en_US', '2026-11-24'],
    ['2026-11-24', 'en_GB', '2026-11-24'],
    [' 2026-11-24 ', 'ja_JP', '2026-11-24'],
    ['2026-11-24T10:30:00Z', 'en_GB', '2026-11-24'],
    ['2026-11-24T23:59:59.123+05:30', 'en_GB', '2026-11-24'],
    ['2026-11-24 10:30', 'en_GB', '2026-11-24'],
    ['24/11/2026', 'en_GB', '2026-11-24'],
    ['11/24/2026', 'en_US', '2026-11-24'],
    ['3/4/2026', 'en_US', '2026-03-04'],
    ['3/4/2026', 'en_GB', '2026-04-03'],
    ['24.11.2026', 'de_DE', '2026-11-24'],
    ['24-11-2026', 'nl_NL', '2026-11-24'],
    ['24/11/2026 14:30', 'en_GB', '2026-11-24'],
    ['11/24/2026 2:30 PM', 'en_US', '2026-11-24'],
    ['2026/11/24', 'en_US', '2026-11-24'],
    ['2026/11/24', 'ja_JP', '2026-11-24'],
    ['2026. 11. 24.', 'hu_HU', '2026-11-24'],
    ['2026.11.24', 'ko_KR', '2026-11-24'],
    ['24/11/2026', 'ja_JP', '2026-11-24'], // year-last in a year-first locale: unambiguous
    ['05/05/2026', 'ja_JP', '2026-05-05'],
    ['24 Nov 2026', 'en_US', '2026-11-24'],
    ['Nov 24, 2026', 'en_GB', '2026-11-24'],
    ['November 24 2026', 'de_DE', '2026-11-24'],
    ['24-Nov-2026', 'en_US', '2026-11-24'],
    ['24 november 2026', 'en_US', '2026-11-24'],
    ['Sept 3, 2026', 'en_US', '2026-09-03'],
    ['3rd March 2026', 'en_GB', '2026-03-03'],
    ['Tue, 24 Nov 2026', 'en_GB', '2026-11-24'],
    ['Tuesday, November 24, 2026', 'en_US', '2026-11-24'],
    ['2026-Nov-24', 'en_US', '2026-11-24'],
    ['29/02/2024', 'en_GB', '2024-02-29'],
  ])('%j in %s → %s', (value, locale, expected) => {
    expect(parseDateCell(value, locale, 'Due date')).toEqual({ ok: true, value: expected });
  });

  test.each<[CellValue, string, string]>([
    ['31/02/2026', 'en_GB', "Due date '31/02/2026' is not a real date"],
    ['31/04/2026', 'en_GB', "Due date '31/04/2026' is not a real date"],
    ['29/02/2027', 'en_GB', "Due date '29/02/2027' is not a real date"],
    ['2026-13-01', 'en_US', "Due date '2026-13-01' is not a real date"],
    ['2026-02-30', 'en_US', "Due date '2026-02-30' is not a real date"],
    ['31 Apr 2026', 'en_US', "Due date '31 Apr 2026' is not a real date"],
    [{ date: '2026-02-30' }, 'en_US', "Due date '2026-02-30' is not a real date"],
    [
      '11/24/2026',
      'en_GB',
      "Due date '11/24/2026' is not a real date — this spreadsheet's locale (en_GB) reads dates as day/month/year; write 2026-11-24, or change the locale in File › Settings › Locale",
    ],
    [
      '24/11/2026',
      'en_US',
      "Due date '24/11/2026' is not a real date — this spreadsheet's locale (en_US) reads dates as month/day/year; write 2026-11-24, or change the locale in File › Settings › Locale",
    ],
  ])('%j in %s is not a real date', (value, locale, message) => {
    expect(parseDateCell(value, locale, 'Due date')).toEqual({ ok: false, error: message });
  });

  test('no order hint when no order would have worked', () => {
    const r = parseDateCell('13/13/2026', 'en_GB', 'Due date');
    expect(r).toEqual({ ok: false, error: "Due date '13/13/2026' is not a real date" });
  });

  test.each(['24/11/26', '11/24/26', '24 Nov 26', 'Nov 24, 26', '26-11-24'])('two-digit year %s is refused', (text) => {
    const r = parseDateCell(text, 'en_GB', 'Issue date');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(`Issue date '${text}'`);
      expect(r.error).toContain('write the year in full');
    }
  });

  test('a year-last date that reads two ways in a year-first locale is refused', () => {
    const r = parseDateCell('05/06/2026', 'ja_JP', 'Due date');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/could be read two ways.*year-month-day/);
  });

  test.each<[CellValue, RegExp]>([
    [46000, /^Due date '46000' is a plain number, not a date — format the column as a date/],
    [46000.5, /plain number/],
    [true, /^Due date 'TRUE' is not a date$/],
    [false, /^Due date 'FALSE' is not a date$/],
    ['abc', /^Due date 'abc' is not a date — write it like 24\/11\/2026 or 2026-11-24$/],
    ['24 Foo 2026', /is not a date/],
    ['24/11', /is not a date/],
    ['24/11/2026/1', /is not a date/],
    ['24/11-2026', /is not a date/],
    ['1899-12-30', /has the year 1899 — use a year between 1900 and 2200/],
    [{ date: '1899-12-30' }, /has the year 1899/],
    ['24/11/3026', /has the year 3026/],
    [{ date: 'garbage' }, /^Due date 'garbage' is not a real date$/],
  ])('%j is refused', (value, message) => {
    const r = parseDateCell(value, 'en_GB', 'Due date');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  test('the error example follows the locale', () => {
    const us = parseDateCell('soon', 'en_US', 'Due date');
    const jp = parseDateCell('soon', 'ja_JP', 'Due date');
    expect(us.ok || us.error).toContain('11/24/2026');
    expect(jp.ok || jp.error).toContain('2026-11-24');
    expect(jp.ok || jp.error).not.toContain('24/11');
  });

  test('huge and multi-line text is quoted short and on one line', () => {
    const r = parseDateCell('x'.repeat(10_000), 'en_GB', 'Due date');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeLessThan(200);
    const r2 = parseDateCell('next\nweek', 'en_GB', 'Due date');
    expect(r2.ok || r2.error).not.toMatch(/\n/);
  });

  test('never throws, and a success is always a real date within the supported years', () => {
    fc.assert(
      fc.property(anyCell, fc.constantFrom('en_US', 'en_GB', 'ja_JP', 'de_DE', '', 'zz'), (value, locale) => {
        const r = parseDateCell(value, locale, 'Due date');
        if (r.ok && r.value !== null) {
          expect(isIsoDate(r.value)).toBe(true);
          expect(r.value >= '1900-01-01' && r.value <= '2200-12-31').toBe(true);
        }
        if (!r.ok) expect(r.error).toMatch(/^Due date /);
      }),
      { numRuns: 2000 },
    );
  });

  test('round-trips ISO text, date cells, locale-order text and email wording', () => {
    const locales = ['en_US', 'en_GB', 'de_DE', 'ja_JP', 'fr_CA', 'hu_HU'];
    fc.assert(
      fc.property(isoDate, fc.constantFrom(...locales), (d, locale) => {
        expect(parseDateCell(d, locale, 'x')).toEqual({ ok: true, value: d });
        expect(parseDateCell({ date: d }, locale, 'x')).toEqual({ ok: true, value: d });
        const [y, m, day] = d.split('-');
        const order = dateOrderForLocale(locale);
        const typed = order === 'MDY' ? `${m}/${day}/${y}` : order === 'DMY' ? `${day}.${m}.${y}` : `${y}/${m}/${day}`;
        expect(parseDateCell(typed, locale, 'x')).toEqual({ ok: true, value: d });
        expect(parseDateCell(formatDateForEmail(d, locale), locale, 'x')).toEqual({ ok: true, value: d });
      }),
    );
  });
});

describe('formatDateForEmail', () => {
  test.each([
    ['2026-11-24', 'en_US', 'November 24, 2026'],
    ['2026-11-24', 'en-US', 'November 24, 2026'],
    ['2026-11-24', 'en_GB', '24 November 2026'],
    ['2026-11-24', 'de_DE', '24 November 2026'],
    ['2026-11-24', 'ja_JP', '24 November 2026'],
    ['2026-01-05', 'en_US', 'January 5, 2026'],
    ['2026-01-05', 'fr_FR', '5 January 2026'],
  ])('%s in %s → %s', (d, locale, expected) => {
    expect(formatDateForEmail(d, locale)).toBe(expected);
  });
});

test('cellText and shown', () => {
  expect(cellText(true)).toBe('TRUE');
  expect(cellText(12.5)).toBe('12.5');
  expect(cellText({ date: '2026-01-02' })).toBe('2026-01-02');
  expect(shown('a\nb\r\nc')).toBe('a b c');
  expect(shown('x'.repeat(100))).toHaveLength(60);
  expect(shown('x'.repeat(100)).endsWith('…')).toBe(true);
});
