// Calendar dates as 'YYYY-MM-DD' strings, in the spreadsheet's time zone.
//
// All arithmetic works on the year/month/day numbers (a proleptic Gregorian day count), never on
// `Date` objects, so time zones and daylight saving can never shift a day. Locale behaviour comes
// from the small explicit tables below, not from `Intl`, so Apps Script and Node give identical
// results.
import { memoized } from './memo';
import type { CellValue, IsoDate, Result } from './types';

export type DateOrder = 'MDY' | 'DMY' | 'YMD';

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

// ---------------------------------------------------------------------------------------------
// Small helpers shared by the domain's parsers (money, parse): showing a cell in a message.

/** A locale such as 'en_US', 'en-us', 'zh_Hans_CN' or 'es_419', split into language and region. */
// A run asks for one locale thousands of times: each locale is split once.
export const localeParts: (locale: string) => Readonly<{ language: string; region: string }> = memoized(
  (locale: string) => Object.freeze(splitLocale(locale)),
  64,
);

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A region subtag: two letters ('US') or three digits ('419'). */
function isRegion(p: string): boolean {
  if (p.length === 2) return isAsciiLetter(p.charCodeAt(0)) && isAsciiLetter(p.charCodeAt(1));
  return p.length === 3 && isAsciiDigit(p.charCodeAt(0)) && isAsciiDigit(p.charCodeAt(1)) && isAsciiDigit(p.charCodeAt(2));
}

// Called for every amount and date written in an email: no regular expressions, no arrays.
function splitLocale(locale: string): { language: string; region: string } {
  const text = String(locale ?? '').trim();
  let language: string | null = null;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 45;
    if (c !== 45 && c !== 95) continue; // '-' or '_' ends a part
    const part = text.slice(start, i);
    start = i + 1;
    if (part === '') continue;
    if (language === null) language = part.toLowerCase();
    else if (isRegion(part)) return { language, region: part.toUpperCase() };
  }
  return { language: language ?? '', region: '' };
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

/** A real day of a month, for whole numbers (what isoParts reads). */
function isRealDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function isRealDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && isRealDay(y, m, d);
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

/** The digit value of the character at `i`, or -1 when it is not an ASCII digit. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * 'YYYY-MM-DD' read character by character (what /^(\d{4})-(\d{2})-(\d{2})$/ accepts), or null.
 * Dates are read for every row of a large sheet, so this avoids a regular expression and its match array.
 */
function isoParts(s: string): { y: number; m: number; d: number } | null {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y0 = digitAt(s, 0);
  const y1 = digitAt(s, 1);
  const y2 = digitAt(s, 2);
  const y3 = digitAt(s, 3);
  const m0 = digitAt(s, 5);
  const m1 = digitAt(s, 6);
  const d0 = digitAt(s, 8);
  const d1 = digitAt(s, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  return { y: y0 * 1000 + y1 * 100 + y2 * 10 + y3, m: m0 * 10 + m1, d: d0 * 10 + d1 };
}

function ymd(d: IsoDate): { y: number; m: number; d: number } {
  const p = isoParts(typeof d === 'string' ? d : String(d));
  if (p === null || !isRealDay(p.y, p.m, p.d)) {
    throw new RangeError(`Not a calendar date: '${shown(String(d))}'`);
  }
  return p;
}

/**
 * Date arithmetic runs several times per invoice on a large sheet, over a few hundred distinct dates:
 * each date's day number, and each day number's date, is worked out once (README "Performance").
 */
const DAY_MEMO_LIMIT = 4096;

const dayNumberOf = memoized((d: IsoDate): number => {
  const p = ymd(d);
  return dayNumber(p.y, p.m, p.d);
}, DAY_MEMO_LIMIT);

const isoOfDay = memoized((z: number): IsoDate => {
  const p = fromDayNumber(z);
  return toIso(p.y, p.m, p.d);
}, DAY_MEMO_LIMIT);

// ---------------------------------------------------------------------------------------------
// Public date arithmetic. These throw a RangeError for a string that is not an IsoDate: callers
// pass dates that came out of parseDateCell, so a bad one is a programming error.

/** True for a real calendar date written 'YYYY-MM-DD' ('2026-02-29' is false). */
export function isIsoDate(s: string): boolean {
  if (typeof s !== 'string') return false;
  const p = isoParts(s);
  return p !== null && isRealDay(p.y, p.m, p.d);
}

/** d plus n calendar days (n may be negative; it must be a whole number). */
export function addDays(d: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  return isoOfDay(dayNumberOf(d) + n);
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

/**
 * Month names read in dates typed as text, full and abbreviated, in English, French, German,
 * Spanish, Italian, Dutch and Portuguese (January first). Emails are written in English (MONTHS).
 * No spelling means two months: 'mar' is March in every language that uses it.
 */
const MONTH_SPELLINGS: readonly (readonly string[])[] = [
  ['jan', 'janvier', 'janv', 'januar', 'jänner', 'jän', 'jaenner', 'enero', 'ene', 'gennaio', 'gen', 'januari', 'janeiro'],
  ['feb', 'février', 'févr', 'fév', 'februar', 'febrero', 'febbraio', 'februari', 'fevereiro', 'fev'],
  ['mar', 'mars', 'märz', 'maerz', 'mär', 'mrz', 'marzo', 'maart', 'mrt', 'março'],
  ['apr', 'avril', 'avr', 'abril', 'abr', 'aprile'],
  ['mai', 'mayo', 'maggio', 'mag', 'mei', 'maio'],
  ['jun', 'juin', 'juni', 'junio', 'giugno', 'giu', 'junho'],
  ['jul', 'juillet', 'juil', 'juli', 'julio', 'luglio', 'lug', 'julho'],
  ['aug', 'août', 'augustus', 'agosto', 'ago'],
  ['sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'set', 'settembre', 'sett', 'setembro'],
  ['oct', 'octobre', 'oktober', 'okt', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
  ['nov', 'novembre', 'noviembre', 'novembro'],
  ['dec', 'décembre', 'déc', 'dezember', 'dez', 'diciembre', 'dic', 'dicembre', 'dezembro'],
];

/** A word as month and weekday names are compared: lower case, accents dropped ('Déc' → 'dec', 'März' → 'marz'). */
function nameKey(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(
  MONTHS.flatMap((name, i): [string, number][] =>
    [name, ...(MONTH_SPELLINGS[i] ?? [])].map((spelling): [string, number] => [nameKey(spelling), i + 1]),
  ),
);

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** Weekdays in the other languages, written in full ('lundi 3 mai 2026', 'Montag, 3. Mai 2026'). */
const OTHER_WEEKDAYS: ReadonlySet<string> = new Set(
  [
    'lundi mardi mercredi jeudi vendredi samedi dimanche',
    'montag dienstag mittwoch donnerstag freitag samstag sonntag',
    'lunes martes miércoles jueves viernes sábado domingo',
    'lunedì martedì mercoledì giovedì venerdì sabato domenica',
    'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag',
  ]
    .join(' ')
    .split(' ')
    .map(nameKey),
);
function isWeekdayName(word: string): boolean {
  if (OTHER_WEEKDAYS.has(word)) return true;
  return WEEKDAYS.some((w) => word === w || word === w.slice(0, 3) || (word.length >= 3 && w.startsWith(word)));
}

/** Little words around a date written out: '3 de mayo de 2026', 'le 3 mai 2026', 'Montag, den 3. Mai 2026'. */
const DATE_FILLERS: ReadonlySet<string> = new Set(['de', 'del', 'le', 'el', 'il', 'den']);

/** How each email language other than English writes a date in words ('1. Oktober 2026', '1 de octubre de 2026'). */
const DATE_WORDS: Readonly<Record<string, { months: string; pattern: (day: number, month: string, y: number) => string }>> = {
  de: {
    months: 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember',
    pattern: (day, month, y) => `${day}. ${month} ${y}`,
  },
  fr: {
    months: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
    pattern: (day, month, y) => `${day} ${month} ${y}`,
  },
  es: {
    months: 'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
    pattern: (day, month, y) => `${day} de ${month} de ${y}`,
  },
  nl: {
    months: 'januari februari maart april mei juni juli augustus september oktober november december',
    pattern: (day, month, y) => `${day} ${month} ${y}`,
  },
  it: {
    months: 'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
    pattern: (day, month, y) => `${day} ${month} ${y}`,
  },
  pt: {
    months: 'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
    pattern: (day, month, y) => `${day} de ${month} de ${y}`,
  },
};

/** A date in words in an email language other than English, or null for English (or a language without words). */
function dateInLanguage(d: IsoDate, language: string): string | null {
  const words = DATE_WORDS[language];
  const p = words === undefined ? null : isoParts(typeof d === 'string' ? d : String(d));
  const month = p === null ? undefined : words?.months.split(' ')[p.m - 1];
  return p === null || month === undefined || words === undefined ? null : words.pattern(p.d, month, p.y);
}

/**
 * 'November 24, 2026' in month-first locales, '24 November 2026' elsewhere: never ambiguous. With an
 * email `language` other than English, that language's words: de '1. Oktober 2026', fr '1 octobre 2026',
 * es '1 de octubre de 2026', nl '1 oktober 2026', it '1 ottobre 2026', pt '1 de outubro de 2026'.
 */
export function formatDateForEmail(d: IsoDate, locale: string, language = 'en'): string {
  if (language !== 'en') {
    const inLanguage = dateInLanguage(d, language);
    if (inLanguage !== null) return inLanguage;
  }
  return dateText(d, locale);
}

function dateText(d: IsoDate, locale: string): string {
  const p = isoParts(typeof d === 'string' ? d : String(d));
  if (p === null) return String(d);
  const { y, d: day } = p;
  const month = MONTHS[p.m - 1];
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

/** How a date typed as text is read: the order, and the locale named when the order explains a refusal. */
interface DateReading {
  label: string;
  text: string;
  order: DateOrder;
  locale: string;
}

function yearLastDate(r: DateReading, first: number, second: number, year: number, separator: string): Result<IsoDate | null> {
  const dmy = isRealDate(year, second, first);
  const mdy = isRealDate(year, first, second);
  // Dotted dates (24.11.2026) are day-first wherever they are written.
  const order: DateOrder = separator === '.' ? 'DMY' : r.order;
  if (order === 'YMD') {
    // A year-first spreadsheet gives no rule for a year-last date: accept only an unambiguous one.
    if (dmy && mdy && first !== second) {
      return {
        ok: false,
        error: `${r.label} '${shown(r.text)}' could be read two ways — write it as year-month-day, e.g. 2026-11-24`,
      };
    }
    if (dmy) return checkYear(r.label, r.text, year, second, first);
    return checkYear(r.label, r.text, year, first, second);
  }
  const [day, month] = order === 'DMY' ? [first, second] : [second, first];
  const otherWorks = order === 'DMY' ? mdy : dmy;
  const where = r.locale ? `this spreadsheet's locale (${shown(r.locale, 20)})` : 'this spreadsheet';
  const hint =
    otherWorks && separator !== '.'
      ? ` — ${where} reads dates as ${ORDER_WORDS[order]}; write 2026-11-24, or change the locale in File › Settings › Locale`
      : '';
  return checkYear(r.label, r.text, year, month, day, hint);
}

/** Numbers only: '24/11/2026', '11-24-2026', '24.11.2026', '2026/11/24', '2026. 11. 24.' */
function parseNumericDate(r: DateReading, core: string): Result<IsoDate | null> | null {
  const { label, text, order } = r;
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
    return yearLastDate(r, Number(a), Number(b), Number(c), match[2] ?? '/');
  }
  if (a.length <= 2 && b.length <= 2 && c.length <= 2) return TWO_DIGIT_YEAR(label, text);
  return notADate(label, text, order);
}

/**
 * Which order a date typed as numbers proves by itself: 'DMY' for '31/10/2026' (no 31st month),
 * 'MDY' for '10/31/2026', null when both readings (or neither) are real dates.
 */
export function provenDateOrder(value: CellValue): 'DMY' | 'MDY' | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{1,2})\s*([/-])\s*(\d{1,2})\s*\2\s*(\d{4})(?:[\sT]+\d{1,2}:\d{2}.*)?$/.exec(value.trim());
  if (!match) return null;
  const [first, second, year] = [Number(match[1]), Number(match[3]), Number(match[4])];
  const dmy = isRealDate(year, second, first);
  const mdy = isRealDate(year, first, second);
  if (dmy && !mdy) return 'DMY';
  if (mdy && !dmy) return 'MDY';
  return null;
}

/**
 * Month names (MONTH_SPELLINGS): '24 Nov 2026', 'Nov 24, 2026', 'November 24 2026', '24-Nov-2026',
 * '2026-Nov-24', '31 déc. 2026', '1er mars 2026', '31. Oktober 2026', '3 de mayo de 2026'.
 */
function parseNamedMonthDate(r: DateReading, core: string): Result<IsoDate | null> | null {
  const { label, text, order } = r;
  const words = nameKey(core)
    .split(/[\s,/.-]+/)
    .filter((w) => w !== '' && !DATE_FILLERS.has(w));
  if (words.length > 0 && isWeekdayName(words[0] ?? '') && !MONTH_BY_NAME.has(words[0] ?? '')) words.shift();
  if (words.length !== 3) return null;
  const monthAt = words.findIndex((w) => MONTH_BY_NAME.has(w));
  if (monthAt === -1) return null;
  const month = MONTH_BY_NAME.get(words[monthAt] ?? '') ?? 0;
  const rest = words.filter((_, i) => i !== monthAt);
  // Ordinals: 1st, 2nd, 3rd, 4th; 1er / 1re (French); 1º / 1ª (Spanish, Portuguese, Italian: 'o', 'a' once accents go).
  const numbers = rest.map((w) => /^(\d{1,4})(?:st|nd|rd|th|er|re|o|a)?$/.exec(w)?.[1]);
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
 * A date from a cell: a date cell as it is, text in ISO form, numbers in the locale's order (or
 * `order` when the caller knows better, e.g. a day-first column) or with an English month name.
 * Dotted dates are day-first always. '' is "no date" (ok null). Never throws.
 *
 * @example parseDateCell('03.11.2026', 'en_US', 'Due date') // { ok: true, value: '2026-11-03' }
 */
export function parseDateCell(value: CellValue, locale: string, label: string, order?: DateOrder): Result<IsoDate | null> {
  const reading: DateReading = { label, text: '', order: order ?? dateOrderForLocale(locale), locale: String(locale ?? '') };
  return parseDateValue(value, reading);
}

function parseDateValue(value: CellValue, reading: DateReading): Result<IsoDate | null> {
  const { label, order } = reading;
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
    const p = isoParts(date);
    if (p === null) return { ok: false, error: `${label} '${shown(date)}' is not a real date` };
    // A real date in range is already written as checkYear would write it.
    if (isRealDay(p.y, p.m, p.d) && p.y >= MIN_YEAR && p.y <= MAX_YEAR) return { ok: true, value: date };
    return checkYear(label, date, p.y, p.m, p.d);
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
  const r = { ...reading, text };
  return parseNumericDate(r, core) ?? parseNamedMonthDate(r, core) ?? notADate(label, text, order);
}
