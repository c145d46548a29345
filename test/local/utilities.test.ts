import * as vm from 'node:vm';
import fc from 'fast-check';
import { createRuntime, formatJavaDate, parseJavaDate } from '../../local';

const { Utilities } = createRuntime().globals;

function fmt(isoInstant: string, zone: string, pattern: string): string {
  return Utilities.formatDate(new Date(isoInstant), zone, pattern);
}

describe('Utilities.formatDate (Java SimpleDateFormat)', () => {
  it.each([
    // DST edges in New York: spring forward 2026-03-08 07:00Z, fall back 2026-11-01 06:00Z
    ['2026-03-08T06:59:59Z', 'America/New_York', 'yyyy-MM-dd HH:mm:ss z', '2026-03-08 01:59:59 EST'],
    ['2026-03-08T07:00:00Z', 'America/New_York', 'yyyy-MM-dd HH:mm:ss z', '2026-03-08 03:00:00 EDT'],
    ['2026-11-01T05:30:00Z', 'America/New_York', 'HH:mm z Z', '01:30 EDT -0400'],
    ['2026-11-01T06:30:00Z', 'America/New_York', 'HH:mm z Z', '01:30 EST -0500'],
    // London: BST from 2026-03-29 01:00Z
    ['2026-03-29T00:59:00Z', 'Europe/London', 'HH:mm z', '00:59 GMT'],
    ['2026-03-29T01:00:00Z', 'Europe/London', 'HH:mm z', '02:00 BST'],
    // The date line: midnight in Auckland is the previous day in UTC
    ['2026-11-24T11:00:00Z', 'Pacific/Auckland', 'yyyy-MM-dd HH:mm z Z XXX', '2026-11-25 00:00 NZDT +1300 +13:00'],
    ['2026-11-24T11:00:00Z', 'America/Los_Angeles', 'yyyy-MM-dd HH:mm', '2026-11-24 03:00'],
    ['2026-11-24T00:00:00Z', 'Asia/Kolkata', 'HH:mm z X XX XXX', '05:30 IST +05 +0530 +05:30'],
    ['2026-11-24T00:00:00Z', 'UTC', 'z Z X', 'UTC +0000 Z'],
    ['2026-11-24T10:00:00Z', 'GMT+2', 'HH:mm z', '12:00 GMT+02:00'],
    // Names, 12-hour clocks, quoting
    ['2026-11-24T09:00:00Z', 'UTC', 'EEE EEEE MMM MMMM', 'Tue Tuesday Nov November'],
    ['2026-11-24T00:30:00Z', 'UTC', 'hh:mm a k K H', '12:30 AM 24 0 0'],
    ['2026-11-24T12:15:00Z', 'UTC', 'h a K k', '12 PM 0 12'],
    ['2026-11-24T09:00:00Z', 'UTC', "'Today is' EEEE", 'Today is Tuesday'],
    ['2026-11-24T09:00:00Z', 'UTC', "h 'o''clock' a", "9 o'clock AM"],
    ['2026-11-24T09:00:00Z', 'UTC', "''yy''", "'26'"],
    // Numbers and padding
    ['2026-03-05T00:00:00.005Z', 'UTC', 'y yy yyyy yyyyy M MM d dd ss.S ss.SSS', '2026 26 2026 02026 3 03 5 05 00.5 00.005'],
    ['2026-02-01T00:00:00Z', 'UTC', 'D DDD F u G', '32 032 1 7 AD'],
    ['2026-12-31T00:00:00Z', 'UTC', 'D', '365'],
    // US week rules: the week containing Jan 1 is week 1 (of the next week-year)
    ['2026-12-27T12:00:00Z', 'UTC', 'YYYY-ww yyyy', '2027-01 2026'],
    ['2026-01-03T12:00:00Z', 'UTC', 'w W', '1 1'],
    ['2026-01-04T12:00:00Z', 'UTC', 'w W', '2 2'],
  ])('%s in %s as "%s"', (instant, zone, pattern, expected) => {
    expect(fmt(instant, zone, pattern)).toBe(expected);
  });

  it('throws for an unknown pattern letter, an unknown zone and a non-Date', () => {
    expect(() => fmt('2026-11-24T00:00:00Z', 'UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
    expect(() => fmt('2026-11-24T00:00:00Z', 'Mars/Olympus', 'yyyy')).toThrow('Invalid time zone id "Mars/Olympus"');
    expect(() => Utilities.formatDate('2026-11-24' as unknown as Date, 'UTC', 'yyyy')).toThrow(
      "don't match the method signature for Utilities.formatDate",
    );
  });

  it('accepts a Date from another realm', () => {
    const foreign = vm.runInNewContext('new Date(Date.UTC(2026, 10, 24, 9))') as Date;
    expect(Utilities.formatDate(foreign, 'America/New_York', 'yyyy-MM-dd HH:mm')).toBe('2026-11-24 04:00');
  });
});

describe('Utilities.parseDate', () => {
  it.each([
    ['2026-11-24', 'Pacific/Auckland', 'yyyy-MM-dd', '2026-11-23T11:00:00.000Z'],
    ['24/11/2026 09:30', 'Europe/London', 'dd/MM/yyyy HH:mm', '2026-11-24T09:30:00.000Z'],
    ['11/24/2026 09:30:15', 'America/New_York', 'MM/dd/yyyy HH:mm:ss', '2026-11-24T14:30:15.000Z'],
    ['20261124', 'UTC', 'yyyyMMdd', '2026-11-24T00:00:00.000Z'],
    ['4 Nov 2026', 'UTC', 'd MMM yyyy', '2026-11-04T00:00:00.000Z'],
    ['2026-11-24T09:00', 'UTC', 'yyyy-MM-dd', '2026-11-24T00:00:00.000Z'], // trailing text ignored, as in Java
    ['2026-02-31', 'UTC', 'yyyy-MM-dd', '2026-03-03T00:00:00.000Z'], // lenient, as in Java
    ['2026-03-08 02:30', 'America/New_York', 'yyyy-MM-dd HH:mm', '2026-03-08T07:30:00.000Z'], // skipped hour moves forward
    ['2026-11-01 01:30', 'America/New_York', 'yyyy-MM-dd HH:mm', '2026-11-01T06:30:00.000Z'], // repeated hour: standard time
  ])('%s in %s with "%s"', (text, zone, pattern, expected) => {
    const parsed = Utilities.parseDate(text, zone, pattern);
    expect(parsed).toBeInstanceOf(Date);
    expect(parsed.toISOString()).toBe(expected);
  });

  it('throws for text that does not match', () => {
    expect(() => Utilities.parseDate('tomorrow', 'UTC', 'yyyy-MM-dd')).toThrow('Unparseable date: "tomorrow"');
  });

  it('round-trips any instant through its formatted wall time in any zone (property)', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/London', 'Pacific/Auckland', 'Asia/Kolkata', 'America/Santiago'];
    const pattern = 'yyyy-MM-dd HH:mm:ss.SSS';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.constantFrom(...zones), (ms, zone) => {
        const text = formatJavaDate(ms, zone, pattern);
        const parsed = parseJavaDate(text, zone, pattern, 0);
        expect(parsed).not.toBeNull();
        // Exact, except in a repeated (fall-back) hour, where the later (standard time) instant is chosen.
        expect(formatJavaDate(parsed ?? 0, zone, pattern)).toBe(text);
        expect(parsed ?? 0).toBeGreaterThanOrEqual(ms);
      }),
      { numRuns: 500 },
    );
  });
});

describe('other Utilities', () => {});
