// Calendar dates as 'YYYY-MM-DD' strings, in the spreadsheet's time zone.
//
// All arithmetic works on the year/month/day numbers (a proleptic Gregorian day count), never on
// `Date` objects, so time zones and daylight saving can never shift a day. Locale behaviour comes
// from the small explicit tables below, not from `Intl`, so Apps Script and Node give identical
// results.
import type { CellValue, IsoDate, Result } from './types';

export type DateOrder = 'MDY' | 'DMY' | 'YMD';

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

// ---------------------------------------------------------------------------------------------
// Small helpers shared by the domain's parsers (money, parse): showing a cell in a message.

/** A locale such as 'en_US', 'en-us', 'zh_Hans_CN' or 'es_419', split into language and region. */
export function localeParts(locale: string): { language: string; region: string } {
  const known = localePartsCache.get(locale);
  if (known) return known;
  const parsed = splitLocale(locale);
  localePartsCache.set(locale, parsed);
  return parsed;
}

/** A run asks about the same one or two locales for every row. */
const localePartsCache = new Map<string, { language: string; region: string }>();

function splitLocale(locale: string): { language: string; region: string } {
  const parts = String(locale ?? '')
    .trim()
    .split(/[-_]/)
    .filter((p) => p !== '');
  const language = (parts[0] ?? '').toLowerCase();
  let region = '';
  for (const p of parts.slice(1)) {
    if (/^[A-Za-z]{2}$/.test(p) || /^\d{3}$/.test(p)) {
      region = p.toUpperCase();
      break;
    }
  }
  return { language, region };
}

/** The text of a cell as the user would recognise it (for messages). */
export function cellText(value: CellValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value !== null && typeof value === 'object' && typeof value.date === 'string') return value.date;
  return '';
}

/**
 * A value quoted for an error message: trimmed, control characters and line breaks shown as a
 * space, and long text shortened, so a message always fits on one line of a status cell.
 */
export function shown(text: string, max = 60): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

// ---------------------------------------------------------------------------------------------
// Day numbers

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function isRealDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of dayNumber (civil_from_days). */
function fromDayNumber(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function toIso(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function ymd(d: IsoDate): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!match || !isRealDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new RangeError(`Not a calendar date: '${shown(String(d))}'`);
  }
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** Day numbers of the dates seen so far: a sheet has thousands of rows but few distinct dates. */
const dayNumbers = new Map<string, number>();
const MAX_REMEMBERED_DATES = 50_000;
const isoDates = new Map<number, IsoDate>();

function dayNumberOf(d: IsoDate): number {
  const known = dayNumbers.get(d);
  if (known !== undefined) return known;
  const p = ymd(d);
  const n = dayNumber(p.y, p.m, p.d);
  if (dayNumbers.size >= MAX_REMEMBERED_DATES) dayNumbers.clear();
  dayNumbers.set(d, n);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Public date arithmetic. These throw a RangeError for a string that is not an IsoDate: callers
// pass dates that came out of parseDateCell, so a bad one is a programming error.

/** True for a real calendar date written 'YYYY-MM-DD' ('2026-02-29' is false). */
export function isIsoDate(s: string): boolean {
  if (typeof s !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** d plus n calendar days (n may be negative; it must be a whole number). */
export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  const z = dayNumberOf(d) + n;
  // Runs ask for the same few hundred dates again and again (one per invoice): remember them.
  let iso = isoDates.get(z);
  if (iso === undefined) {
    const p = fromDayNumber(z);
    iso = toIso(p.y, p.m, p.d);
    if (isoDates.size >= MAX_REMEMBERED_DATES) isoDates.clear();
    isoDates.set(z, iso);
  }
  return iso;
}

/** to − from in calendar days. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumberOf(d) + 4) % 7) + 7) % 7;
}

export function isWeekend(d: IsoDate): boolean {
  const w = dayOfWeek(d);
  return w === 0 || w === 6;
}

/** d itself when it is Monday to Friday, otherwise the following Monday. */
export function nextWeekday(d: IsoDate): IsoDate {
  const w = dayOfWeek(d);
  if (w === 6) return addDays(d, 2);
  if (w === 0) return addDays(d, 1);
  return d;
}

/** The later of two dates; null counts as "no date". */
export function maxDate(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null || a === undefined) return b ?? null;
  if (b === null || b === undefined) return a;
  return a >= b ? a : b;
}

// ---------------------------------------------------------------------------------------------
// Locale conventions

/**
 * Month-first locales. Google Sheets follows CLDR's short date patterns: month-first ('M/d/yyyy')
 * is used in the United States and its territories, in US Spanish and Puerto Rico, and in the
 * Philippines (English and Filipino). A bare 'en' is CLDR's US English. Everything else that is
 * not listed in YMD_* below reads day first.
 */
const MDY_LOCALES = new Set([
  'en_US',
  'en_AS',
  'en_GU',
  'en_MP',
  'en_PR',
  'en_UM',
  'en_VI',
  'en_MH',
  'en_FM',
  'en_PW',
  'es_US',
  'es_PR',
  'en_PH',
  'fil_PH',
  'tl_PH',
  'en',
]);
/** Month-first by language alone (Filipino / Tagalog in any region). */
const MDY_LANGUAGES = new Set(['fil', 'tl']);

/**
 * Year-first languages (CLDR 'y/MM/dd', 'y. MM. dd.', 'y-MM-dd'): Japanese, Chinese, Korean,
 * Hungarian, Lithuanian, Swedish, Mongolian, Basque, Persian. Hong Kong, Macau and Singapore
 * Chinese read day first (CLDR 'd/M/y'), so those regions are excluded below.
 */
const YMD_LANGUAGES = new Set(['ja', 'zh', 'ko', 'hu', 'lt', 'sv', 'mn', 'eu', 'fa']);
const YMD_EXCEPTIONS = new Set(['zh_HK', 'zh_MO', 'zh_SG', 'sv_FI']);
/** Year-first in one region only: Canada (both English and French: 'y-MM-dd'), South Africa ('y/MM/dd'). */
const YMD_LOCALES = new Set(['en_CA', 'fr_CA', 'en_ZA', 'af_ZA']);

/** How the spreadsheet's locale orders day, month and year in a date typed as numbers. */
export function dateOrderForLocale(locale: string): DateOrder {
  const { language, region } = localeParts(locale);
  const key = region ? `${language}_${region}` : language;
  if (MDY_LOCALES.has(key) || MDY_LANGUAGES.has(language)) return 'MDY';
  if (YMD_LOCALES.has(key)) return 'YMD';
  if (YMD_LANGUAGES.has(language) && !YMD_EXCEPTIONS.has(key)) return 'YMD';
  return 'DMY';
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** English month names; emails are written in English. */
const MONTH_BY_NAME = new Map<string, number>();
MONTHS.forEach((name, i) => {
  MONTH_BY_NAME.set(name.toLowerCase(), i + 1);
  MONTH_BY_NAME.set(name.slice(0, 3).toLowerCase(), i + 1);
});
MONTH_BY_NAME.set('sept', 9);

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
function isWeekdayName(word: string): boolean {
  return WEEKDAYS.some((w) => word === w || word === w.slice(0, 3) || (word.length >= 3 && w.startsWith(word)));
}

/** 'November 24, 2026' in month-first locales, '24 November 2026' elsewhere: never ambiguous. */
export function formatDateForEmail(d: IsoDate, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!match) return String(d);
  const y = Number(match[1]);
  const month = MONTHS[Number(match[2]) - 1];
  const day = Number(match[3]);
  if (month === undefined) return d;
  return dateOrderForLocale(locale) === 'MDY' ? `${month} ${day}, ${y}` : `${day} ${month} ${y}`;
}

// ---------------------------------------------------------------------------------------------
// Reading a date cell

const ORDER_WORDS: Record<DateOrder, string> = {
  DMY: 'day/month/year',
  MDY: 'month/day/year',
  YMD: 'year/month/day',
};

function exampleFor(order: DateOrder): string {
  if (order === 'MDY') return '11/24/2026 or 2026-11-24';
  if (order === 'DMY') return '24/11/2026 or 2026-11-24';
  return '2026-11-24';
}

function notADate(label: string, text: string, order: DateOrder): Result<IsoDate | null> {
  return { ok: false, error: `${label} '${shown(text)}' is not a date — write it like ${exampleFor(order)}` };
}

function checkYear(label: string, text: string, y: number, m: number, d: number, hint = ''): Result<IsoDate | null> {
  if (!isRealDate(y, m, d)) return { ok: false, error: `${label} '${shown(text)}' is not a real date${hint}` };
  if (y < MIN_YEAR || y > MAX_YEAR) {
    return { ok: false, error: `${label} '${shown(text)}' has the year ${y} — use a year between ${MIN_YEAR} and ${MAX_YEAR}` };
  }
  return { ok: true, value: toIso(y, m, d) };
}

const TWO_DIGIT_YEAR = (label: string, text: string): Result<IsoDate | null> => ({
  ok: false,
  error: `${label} '${shown(text)}' has a two-digit year — write the year in full (e.g. 2026)`,
});

/** Numbers only: '24/11/2026', '11-24-2026', '24.11.2026', '2026/11/24', '2026. 11. 24.' */
function parseNumericDate(text: string, core: string, order: DateOrder, label: string): Result<IsoDate | null> | null {
  const match = /^(\d{1,4})\s*([/.-])\s*(\d{1,4})\s*\2\s*(\d{1,4})\.?$/.exec(core);
  if (!match) return null;
  const [a, b, c] = [match[1] ?? '', match[3] ?? '', match[4] ?? ''];
  if (a.length === 4) {
    // Year first is read the same way everywhere: nobody writes year/day/month.
    if (b.length > 2 || c.length > 2) return notADate(label, text, order);
    return checkYear(label, text, Number(a), Number(b), Number(c));
  }
  if (c.length === 4) {
    if (a.length > 2 || b.length > 2) return notADate(label, text, order);
    const first = Number(a);
    const second = Number(b);
    const year = Number(c);
    const dmy = isRealDate(year, second, first);
    const mdy = isRealDate(year, first, second);
    if (order === 'YMD') {
      // A year-first spreadsheet gives no rule for a year-last date: accept only an unambiguous one.
      if (dmy && mdy && first !== second) {
        return {
          ok: false,
          error: `${label} '${shown(text)}' could be read two ways — write it as year-month-day, e.g. 2026-11-24`,
        };
      }
      if (dmy) return checkYear(label, text, year, second, first);
      return checkYear(label, text, year, first, second);
    }
    const [day, month] = order === 'DMY' ? [first, second] : [second, first];
    const otherWorks = order === 'DMY' ? mdy : dmy;
    const hint = otherWorks ? ` — this spreadsheet reads dates as ${ORDER_WORDS[order]}` : '';
    return checkYear(label, text, year, month, day, hint);
  }
  if (a.length <= 2 && b.length <= 2 && c.length <= 2) return TWO_DIGIT_YEAR(label, text);
  return notADate(label, text, order);
}

/** English month names: '24 Nov 2026', 'Nov 24, 2026', 'November 24 2026', '24-Nov-2026', '2026-Nov-24'. */
function parseNamedMonthDate(text: string, core: string, order: DateOrder, label: string): Result<IsoDate | null> | null {
  const words = core
    .toLowerCase()
    .split(/[\s,/.-]+/)
    .filter((w) => w !== '');
  if (words.length > 0 && isWeekdayName(words[0] ?? '') && !MONTH_BY_NAME.has(words[0] ?? '')) words.shift();
  if (words.length !== 3) return null;
  const monthAt = words.findIndex((w) => MONTH_BY_NAME.has(w));
  if (monthAt === -1) return null;
  const month = MONTH_BY_NAME.get(words[monthAt] ?? '') ?? 0;
  const rest = words.filter((_, i) => i !== monthAt);
  const numbers = rest.map((w) => /^(\d{1,4})(?:st|nd|rd|th)?$/.exec(w)?.[1]);
  const [x, y] = numbers;
  if (x === undefined || y === undefined) return null;
  let dayText: string;
  let yearText: string;
  if (monthAt === 1 && x.length === 4) {
    // 2026-Nov-24
    [yearText, dayText] = [x, y];
  } else if (monthAt === 0 || monthAt === 1) {
    // Nov 24 2026 / 24 Nov 2026
    [dayText, yearText] = [x, y];
  } else {
    return null;
  }
  if (dayText.length > 2) return notADate(label, text, order);
  if (yearText.length !== 4) return yearText.length <= 2 ? TWO_DIGIT_YEAR(label, text) : notADate(label, text, order);
  return checkYear(label, text, Number(yearText), month, Number(dayText));
}

/**
 * A date from a cell: a date cell as it is, text in ISO form, numbers in the locale's order or
 * with an English month name. '' is "no date" (ok null). Never throws.
 */
export function parseDateCell(value: CellValue, locale: string, label: string): Result<IsoDate | null> {
  const order = dateOrderForLocale(locale);
  if (typeof value === 'boolean') {
    return { ok: false, error: `${label} '${value ? 'TRUE' : 'FALSE'}' is not a date` };
  }
  if (typeof value === 'number') {
    return {
      ok: false,
      error:
        `${label} '${shown(String(value))}' is a plain number, not a date — ` +
        'format the column as a date (Format › Number › Date) and type the date again',
    };
  }
  if (value !== null && typeof value === 'object') {
    const date = typeof value.date === 'string' ? value.date : '';
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!match) return { ok: false, error: `${label} '${shown(date)}' is not a real date` };
    return checkYear(label, date, Number(match[1]), Number(match[2]), Number(match[3]));
  }
  if (typeof value !== 'string') return { ok: true, value: null };
  const text = value.trim();
  if (text === '') return { ok: true, value: null };
  if (text.length > 80) return notADate(label, text, order);

  // ISO date, optionally with a time: '2026-11-24', '2026-11-24T10:00:00Z', '2026-11-24 10:00'.
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (iso) return checkYear(label, text, Number(iso[1]), Number(iso[2]), Number(iso[3]));

  // A time after the date ('24/11/2026 14:30', 'Nov 24, 2026 2:30 PM') is ignored.
  const core = text.replace(/[\sT]+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?$/i, '').trim();
  return (
    parseNumericDate(text, core, order, label) ?? parseNamedMonthDate(text, core, order, label) ?? notADate(label, text, order)
  );
}
