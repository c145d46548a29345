// Money: reading amounts typed in many styles, and writing them for the spreadsheet's locale.
//
// Every convention comes from the small tables below (never from `Intl`), so the output is the
// same in Apps Script and in Node.
//
// Amounts are plain numbers in major units (1200.5 = 1,200.50), rounded to the currency's minor
// units. Rounding is done on the decimal digits, not on binary fractions, so '1.005' rounds to
// 1.01 as a person would expect.
import { cellText, localeParts, shown } from './dates';
import { memoized } from './memo';
import type { CellValue, Result } from './types';

/** The largest amount accepted (a trillion minus a cent): beyond it a typo is far likelier than an invoice. */
export const MAX_AMOUNT = 999_999_999_999.99;

/**
 * A parsed amount.
 * - `currency` is set when the text names exactly one currency: an ISO code ('EUR 17'), or a
 *   symbol that belongs to one currency ('€', '£', '₹', 'US$', 'C$', 'R$' …).
 * - `symbol` is set instead when the text uses a symbol shared by several currencies: '$' (any
 *   dollar or peso), '¥' (yen or yuan), 'kr' (Swedish, Norwegian, Danish, Icelandic crown). The
 *   row's currency then decides which one it is (see `currencyFitsSymbol` / `currencyForSymbol`),
 *   and a '$' amount on a row whose Currency says EUR is a conflict to report.
 * - Both are null when the amount has no currency marker at all.
 */
export interface ParsedAmount {
  amount: number;
  currency: string | null;
  symbol: string | null;
}

// ---------------------------------------------------------------------------------------------
// Currencies

/** Common ISO 4217 codes with their number of minor-unit digits. */
const CURRENCY_DECIMALS: ReadonlyMap<string, number> = new Map([
  ['USD', 2],
  ['EUR', 2],
  ['GBP', 2],
  ['JPY', 0],
  ['CNY', 2],
  ['CHF', 2],
  ['CAD', 2],
  ['AUD', 2],
  ['NZD', 2],
  ['HKD', 2],
  ['SGD', 2],
  ['TWD', 2],
  ['KRW', 0],
  ['INR', 2],
  ['IDR', 2],
  ['MYR', 2],
  ['THB', 2],
  ['PHP', 2],
  ['VND', 0],
  ['PKR', 2],
  ['BDT', 2],
  ['LKR', 2],
  ['NPR', 2],
  ['SEK', 2],
  ['NOK', 2],
  ['DKK', 2],
  ['ISK', 0],
  ['PLN', 2],
  ['CZK', 2],
  ['HUF', 2],
  ['RON', 2],
  ['BGN', 2],
  ['RSD', 2],
  ['UAH', 2],
  ['RUB', 2],
  ['TRY', 2],
  ['ILS', 2],
  ['AED', 2],
  ['SAR', 2],
  ['QAR', 2],
  ['KWD', 3],
  ['BHD', 3],
  ['OMR', 3],
  ['JOD', 3],
  ['EGP', 2],
  ['MAD', 2],
  ['TND', 3],
  ['ZAR', 2],
  ['NGN', 2],
  ['KES', 2],
  ['GHS', 2],
  ['UGX', 0],
  ['TZS', 2],
  ['XOF', 0],
  ['XAF', 0],
  ['BRL', 2],
  ['MXN', 2],
  ['ARS', 2],
  ['CLP', 0],
  ['COP', 2],
  ['PEN', 2],
  ['UYU', 2],
  ['PYG', 0],
  ['BOB', 2],
  ['GEL', 2],
  ['AMD', 2],
  ['AZN', 2],
  ['KZT', 2],
  ['MNT', 2],
  ['BYN', 2],
  ['MKD', 2],
  ['ALL', 2],
  ['BAM', 2],
  ['MDL', 2],
  ['JMD', 2],
  ['TTD', 2],
  ['DOP', 2],
  ['CRC', 2],
  ['GTQ', 2],
]);

/** True for a known ISO 4217 code written in capitals ('USD'; not 'usd', not 'XYZ'). */
export function isCurrencyCode(s: string): boolean {
  return typeof s === 'string' && /^[A-Z]{3}$/.test(s) && CURRENCY_DECIMALS.has(s);
}

/** Minor-unit digits: 0 for JPY, KRW…, 3 for KWD, BHD…, 2 for the rest (and unknown codes). */
export function currencyDecimals(code: string): number {
  return CURRENCY_DECIMALS.get(code) ?? 2;
}

const EURO_REGIONS = [
  'AT',
  'BE',
  'BG',
  'CY',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PT',
  'SI',
  'SK',
  'MC',
  'SM',
  'VA',
  'AD',
  'ME',
  'XK',
];
const REGION_CURRENCY: ReadonlyMap<string, string> = new Map([
  ...EURO_REGIONS.map((r): [string, string] => [r, 'EUR']),
  ['US', 'USD'],
  ['PR', 'USD'],
  ['EC', 'USD'],
  ['SV', 'USD'],
  ['GB', 'GBP'],
  ['CH', 'CHF'],
  ['LI', 'CHF'],
  ['AU', 'AUD'],
  ['CA', 'CAD'],
  ['NZ', 'NZD'],
  ['IN', 'INR'],
  ['JP', 'JPY'],
  ['CN', 'CNY'],
  ['KR', 'KRW'],
  ['HK', 'HKD'],
  ['SG', 'SGD'],
  ['TW', 'TWD'],
  ['ID', 'IDR'],
  ['MY', 'MYR'],
  ['TH', 'THB'],
  ['PH', 'PHP'],
  ['VN', 'VND'],
  ['PK', 'PKR'],
  ['BD', 'BDT'],
  ['SE', 'SEK'],
  ['NO', 'NOK'],
  ['DK', 'DKK'],
  ['IS', 'ISK'],
  ['PL', 'PLN'],
  ['CZ', 'CZK'],
  ['HU', 'HUF'],
  ['RO', 'RON'],
  ['RS', 'RSD'],
  ['UA', 'UAH'],
  ['RU', 'RUB'],
  ['TR', 'TRY'],
  ['IL', 'ILS'],
  ['AE', 'AED'],
  ['SA', 'SAR'],
  ['EG', 'EGP'],
  ['MA', 'MAD'],
  ['ZA', 'ZAR'],
  ['NG', 'NGN'],
  ['KE', 'KES'],
  ['BR', 'BRL'],
  ['MX', 'MXN'],
  ['AR', 'ARS'],
  ['CL', 'CLP'],
  ['CO', 'COP'],
  ['PE', 'PEN'],
  ['UY', 'UYU'],
  ['PY', 'PYG'],
  ['BO', 'BOB'],
  ['GE', 'GEL'],
  ['AM', 'AMD'],
  ['AZ', 'AZN'],
  ['KZ', 'KZT'],
  ['MN', 'MNT'],
  ['BY', 'BYN'],
]);
/** For a locale without a region ('de', 'ja'). */
const LANGUAGE_CURRENCY: ReadonlyMap<string, string> = new Map([
  ['en', 'USD'],
  ['de', 'EUR'],
  ['fr', 'EUR'],
  ['es', 'EUR'],
  ['it', 'EUR'],
  ['nl', 'EUR'],
  ['pt', 'EUR'],
  ['fi', 'EUR'],
  ['el', 'EUR'],
  ['et', 'EUR'],
  ['lv', 'EUR'],
  ['lt', 'EUR'],
  ['sk', 'EUR'],
  ['sl', 'EUR'],
  ['ca', 'EUR'],
  ['ga', 'EUR'],
  ['ja', 'JPY'],
  ['zh', 'CNY'],
  ['ko', 'KRW'],
  ['sv', 'SEK'],
  ['nb', 'NOK'],
  ['no', 'NOK'],
  ['nn', 'NOK'],
  ['da', 'DKK'],
  ['pl', 'PLN'],
  ['cs', 'CZK'],
  ['hu', 'HUF'],
  ['ro', 'RON'],
  ['ru', 'RUB'],
  ['uk', 'UAH'],
  ['tr', 'TRY'],
  ['he', 'ILS'],
  ['iw', 'ILS'],
  ['hi', 'INR'],
  ['th', 'THB'],
  ['id', 'IDR'],
  ['in', 'IDR'],
  ['vi', 'VND'],
  ['ms', 'MYR'],
  ['fil', 'PHP'],
]);

/** The currency of the spreadsheet's locale: en_US USD, en_GB GBP, de_DE EUR … (fallback USD). */
export function currencyForLocale(locale: string): string {
  const { language, region } = localeParts(locale);
  return REGION_CURRENCY.get(region) ?? LANGUAGE_CURRENCY.get(language) ?? 'USD';
}

/** Currencies written with a '$' sign, and the other shared symbols. */
const SYMBOL_FAMILIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['$', ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'TWD', 'MXN', 'ARS', 'CLP', 'COP', 'UYU', 'JMD', 'TTD', 'DOP']],
  ['¥', ['JPY', 'CNY']],
  ['kr', ['SEK', 'NOK', 'DKK', 'ISK']],
]);

/** Does `code` use the shared symbol ('$', '¥', 'kr')? */
export function currencyFitsSymbol(code: string, symbol: string): boolean {
  return (SYMBOL_FAMILIES.get(symbol) ?? []).includes(code);
}

/**
 * Which currency a shared symbol means when nothing else says: the preferred currency (the row's
 * or the spreadsheet's) when it uses that symbol, otherwise the symbol's best-known currency
 * ('$' → USD, '¥' → JPY, 'kr' → SEK).
 */
export function currencyForSymbol(symbol: string, preferred: string): string {
  const family = SYMBOL_FAMILIES.get(symbol) ?? [];
  if (family.includes(preferred)) return preferred;
  return family[0] ?? preferred;
}

/** Words for a shared symbol in messages ("is in dollars"). */
export function symbolWords(symbol: string): string {
  if (symbol === '$') return 'dollars';
  if (symbol === '¥') return 'yen or yuan';
  if (symbol === 'kr') return 'crowns (kr)';
  return symbol;
}

/** Symbols that belong to one currency (longest first when matching). */
const SYMBOL_CURRENCY: ReadonlyMap<string, string> = new Map([
  ['US$', 'USD'],
  ['U$S', 'USD'],
  ['CA$', 'CAD'],
  ['C$', 'CAD'],
  ['AU$', 'AUD'],
  ['A$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['S$', 'SGD'],
  ['NT$', 'TWD'],
  ['MX$', 'MXN'],
  ['R$', 'BRL'],
  ['CN¥', 'CNY'],
  ['JP¥', 'JPY'],
  ['RMB', 'CNY'],
  ['元', 'CNY'],
  ['円', 'JPY'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['₪', 'ILS'],
  ['₱', 'PHP'],
  ['₫', 'VND'],
  ['฿', 'THB'],
  ['₴', 'UAH'],
  ['₦', 'NGN'],
  ['zł', 'PLN'],
  ['Kč', 'CZK'],
  ['Ft', 'HUF'],
  ['Rs', 'INR'],
  ['Rs.', 'INR'],
  ['Rp', 'IDR'],
  ['RM', 'MYR'],
  ['Fr.', 'CHF'],
  ['lei', 'RON'],
  ['R', 'ZAR'],
]);
const SHARED_SYMBOL_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['$', '$'],
  ['¥', '¥'],
  ['￥', '¥'],
  ['kr.', 'kr'],
  ['kr', 'kr'],
  ['Kr', 'kr'],
]);
/** The one-currency symbols by their lower case ('ZŁ', 'RS', 'ft'), for a Currency cell typed in capitals. */
const SYMBOL_CURRENCY_ANY_CASE: ReadonlyMap<string, string> = new Map(
  [...SYMBOL_CURRENCY].map(([symbol, code]): [string, string] => [symbol.toLowerCase(), code]),
);
/** Every marker, longest first, so 'US$' is found before '$'. */
const MARKERS: readonly string[] = [...SYMBOL_CURRENCY.keys(), ...SHARED_SYMBOL_SPELLINGS.keys()].sort(
  (a, b) => b.length - a.length,
);

// ---------------------------------------------------------------------------------------------
// Number conventions

/** Languages that write 1.200,50 (decimal comma). */
const DECIMAL_COMMA_LANGUAGES = new Set([
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'pt',
  'ru',
  'pl',
  'sv',
  'da',
  'nb',
  'no',
  'nn',
  'fi',
  'cs',
  'sk',
  'hu',
  'ro',
  'tr',
  'el',
  'uk',
  'id',
  'in',
  'vi',
  'bg',
  'hr',
  'sl',
  'lt',
  'lv',
  'et',
  'ca',
  'eu',
  'gl',
  'sr',
  'bs',
  'mk',
  'sq',
  'be',
  'kk',
  'az',
  'uz',
  'ka',
  'hy',
  'is',
  'af',
  'mn',
]);
/** Regions where that language nevertheless writes 1,200.50 (or 1'200.50) … */
const DECIMAL_POINT_LOCALES = new Set([
  'de_CH',
  'de_LI',
  'it_CH',
  'es_MX',
  'es_US',
  'es_PR',
  'es_DO',
  'es_GT',
  'es_HN',
  'es_NI',
  'es_PA',
  'es_SV',
  'es_PE',
  'es_419',
]);
/** … and English regions that write 1 200,50. */
const DECIMAL_COMMA_LOCALES = new Set(['en_ZA', 'en_DE', 'en_NL', 'en_BE', 'en_SE', 'en_DK', 'en_FI', 'en_AT', 'en_SI']);

function localeKey(locale: string): { language: string; key: string } {
  const { language, region } = localeParts(locale);
  return { language, key: region ? `${language}_${region}` : language };
}

/** True when the locale writes its decimals after a comma (1.200,50). */
export function usesDecimalComma(locale: string): boolean {
  const { language, key } = localeKey(locale);
  if (DECIMAL_POINT_LOCALES.has(key)) return false;
  if (DECIMAL_COMMA_LOCALES.has(key)) return true;
  return DECIMAL_COMMA_LANGUAGES.has(language);
}

interface NumberStyle {
  decimal: string;
  group: string;
  /** Indian grouping: 1,20,000.00 */
  indian: boolean;
}

/** Decimal-comma languages that group thousands with a dot (the others use a space: fr, sv, pl, ru, cs, …). */
const DOT_GROUP_LANGUAGES: ReadonlySet<string> = new Set([
  'de',
  'es',
  'it',
  'nl',
  'pt',
  'da',
  'tr',
  'el',
  'id',
  'in',
  'vi',
  'hr',
  'sl',
  'ro',
  'sr',
  'bs',
  'mk',
  'is',
  'ca',
  'gl',
  'eu',
  'az',
]);

function numberStyle(locale: string): NumberStyle {
  const { language, key } = localeKey(locale);
  if (key === 'de_CH' || key === 'de_LI' || key === 'it_CH') return { decimal: '.', group: "'", indian: false };
  const indian = key === 'en_IN' || key === 'hi_IN' || language === 'hi';
  if (!usesDecimalComma(locale)) return { decimal: '.', group: ',', indian };
  return { decimal: ',', group: DOT_GROUP_LANGUAGES.has(language) ? '.' : ' ', indian: false };
}

// ---------------------------------------------------------------------------------------------
// Decimal rounding on digit strings

/** A finite number as plain decimal digits ('1e-7' → '0.0000001', 1e21 → '1000000000000000000000'). */
export function plainDecimal(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const s = String(Object.is(n, -0) ? 0 : n);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!match) return s;
  const sign = match[1] ?? '';
  const digits = (match[2] ?? '') + (match[3] ?? '');
  const point = (match[2] ?? '').length + Number(match[4]);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Round non-negative decimal digits 'int.frac' half-up to `decimals` places. */
function roundDigits(intPart: string, fracPart: string, decimals: number): number {
  const whole = (intPart.replace(/^0+(?=\d)/, '') || '0') + fracPart.slice(0, decimals).padEnd(decimals, '0');
  const next = fracPart.charAt(decimals);
  let units = whole.split('');
  if (next !== '' && next >= '5') {
    // Add one to the last digit, carrying.
    let i = units.length - 1;
    while (i >= 0) {
      if (units[i] === '9') {
        units[i] = '0';
        i--;
      } else {
        units[i] = String(Number(units[i]) + 1);
        break;
      }
    }
    if (i < 0) units = ['1', ...units];
  }
  const all = units.join('');
  const text = decimals > 0 ? `${all.slice(0, all.length - decimals) || '0'}.${all.slice(all.length - decimals)}` : all;
  return Number(text);
}

/** An amount rounded half-up to the currency's minor units (negative amounts round by magnitude). */
export function roundMoney(amount: number, currency: string): number {
  // A whole amount has nothing to round (most invoices): skip the digit-by-digit path.
  if (!Number.isFinite(amount) || Number.isInteger(amount)) return amount === 0 ? 0 : amount;
  const negative = amount < 0;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(plainDecimal(Math.abs(amount)));
  if (!match) return amount;
  const rounded = roundDigits(match[1] ?? '0', match[2] ?? '', currencyDecimals(currency));
  return negative && rounded !== 0 ? -rounded : rounded;
}

/**
 * An amount in whole minor units of its currency (cents, pence; yen are already whole), rounded
 * half-up once: 12.345 EUR → 1235. Sums and differences of money are taken on these integers, so
 * no binary fraction ever decides a rounding (README: "Money: how amounts are added and rounded").
 */
export function toMinorUnits(amount: number, currency: string): number {
  return Math.round(roundMoney(amount, currency) * 10 ** currencyDecimals(currency));
}

/** Whole minor units back to an amount of the currency: 1235 EUR → 12.35. */
export function fromMinorUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyDecimals(currency);
}

/** The sum of amounts in one currency, added in whole minor units: [0.1, 0.2] EUR → 0.3. */
export function sumMoney(amounts: readonly number[], currency: string): number {
  return fromMinorUnits(
    amounts.reduce((sum, a) => sum + toMinorUnits(a, currency), 0),
    currency,
  );
}

/**
 * Amounts added up per currency, in the order the currencies first appear, each sum taken in whole
 * minor units: [£1, €2, £0.5] → [{ GBP, 1.5 }, { EUR, 2 }]. Currencies are never added together.
 */
export function sumsByCurrency(
  items: ReadonlyArray<{ currency: string; amount: number }>,
): Array<{ currency: string; amount: number }> {
  const minor = new Map<string, number>();
  for (const { currency, amount } of items) minor.set(currency, (minor.get(currency) ?? 0) + toMinorUnits(amount, currency));
  return [...minor].map(([currency, units]) => ({ currency, amount: fromMinorUnits(units, currency) }));
}

// ---------------------------------------------------------------------------------------------
// Reading an amount

type AmountText = { ok: true; digits: string } | { ok: false };

/** Is `s` digits grouped in threes with `sep` ('1,200,000'), or Indian-style ('1,20,000')? */
function isGrouped(s: string, sep: string): boolean {
  const parts = s.split(sep);
  if (parts.length < 2) return false;
  const [first, ...rest] = parts;
  if (first === undefined || !/^\d{1,3}$/.test(first) || (first.length > 1 && first.startsWith('0')) || first === '0')
    return false;
  if (rest.every((p) => /^\d{3}$/.test(p))) return true;
  // Indian: 1,20,00,000 — groups of two, the last of three.
  if (sep !== ',') return false;
  const last = rest[rest.length - 1] ?? '';
  return /^\d{1,2}$/.test(first) && /^\d{3}$/.test(last) && rest.slice(0, -1).every((p) => /^\d{2}$/.test(p));
}

/**
 * Normalise the number part ('1.200,50', "1'200.50", '1 200,50') to '1200.50'. The locale only
 * decides a genuinely ambiguous form: one separator followed by exactly three digits ('1.200',
 * '1,200'). Everything else has one reading in every locale:
 *   - both ',' and '.' → the last one is the decimal mark ('1,200.50' is 1200.5 even in de_DE);
 *   - a separator used twice or more → thousands ('1.200.000');
 *   - one separator followed by one, two or four-plus digits → decimal ('12,5', '1.50');
 *   - spaces and apostrophes only ever separate thousands.
 */
function normaliseNumber(s: string, decimalComma: boolean, threeDigitsGroup = false): AmountText {
  const bad: AmountText = { ok: false };
  if (!/^[\d.,' ]+$/.test(s) || !/\d/.test(s)) return bad;
  let intPart = s;
  let fracPart = '';
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  const commas = s.split(',').length - 1;
  const dots = s.split('.').length - 1;
  let decimalAt = -1;
  if (commas > 0 && dots > 0) {
    decimalAt = Math.max(lastComma, lastDot);
    const mark = s.charAt(decimalAt);
    if (s.split(mark).length - 1 > 1) return bad; // two decimal marks
  } else if (commas + dots === 1) {
    const at = Math.max(lastComma, lastDot);
    const mark = s.charAt(at);
    const before = s.slice(0, at);
    const after = s.slice(at + 1);
    const couldGroup = /^\d{3}$/.test(after) && isGrouped(`${before.replace(/[ ']/g, '')}${mark}${after}`, mark);
    if (!couldGroup) decimalAt = at;
    else if (!threeDigitsGroup && (mark === ',') === decimalComma) decimalAt = at;
  }
  if (decimalAt >= 0) {
    intPart = s.slice(0, decimalAt);
    fracPart = s.slice(decimalAt + 1);
    if (!/^\d+$/.test(fracPart)) return bad;
  }
  if (intPart === '') intPart = '0';
  // The integer part: plain digits, or digits grouped consistently with one separator.
  if (!/^\d+$/.test(intPart)) {
    const seps = new Set(intPart.replace(/\d/g, ''));
    if (seps.size !== 1) return bad;
    const [sep] = [...seps];
    if (sep === undefined || !isGrouped(intPart, sep)) return bad;
    intPart = intPart.split(sep).join('');
  }
  return { ok: true, digits: fracPart ? `${intPart}.${fracPart}` : intPart };
}

/** Strip one currency marker from the start or end of `s`. */
function takeMarker(s: string, atStart: boolean): { rest: string; marker: string } | null {
  for (const marker of MARKERS) {
    if (!(atStart ? s.startsWith(marker) : s.endsWith(marker))) continue;
    // A symbol made of letters ('R', 'kr', 'Ft') must stand apart: the 'R' of '17 EUR' is not a rand.
    const neighbour = atStart ? s.charAt(marker.length) : s.charAt(s.length - marker.length - 1);
    const edge = atStart ? marker.charAt(marker.length - 1) : marker.charAt(0);
    if (/\p{L}/u.test(edge) && /\p{L}/u.test(neighbour)) continue;
    return { rest: (atStart ? s.slice(marker.length) : s.slice(0, s.length - marker.length)).trim(), marker };
  }
  const code = atStart ? /^([A-Za-z]{3})(?![A-Za-z])/.exec(s) : /(?<![A-Za-z])([A-Za-z]{3})$/.exec(s);
  if (code && isCurrencyCode((code[1] ?? '').toUpperCase())) {
    const len = (code[1] ?? '').length;
    return { rest: (atStart ? s.slice(len) : s.slice(0, s.length - len)).trim(), marker: (code[1] ?? '').toUpperCase() };
  }
  return null;
}

/** Spaces of every width are spaces; typographic apostrophes, the U+2212 minus and dashes are plain ones. */
function plainAmountText(value: string): string {
  return value
    .replace(/[\u00a0\u2007\u2009\u202f\t]/g, ' ')
    .trim()
    .replace(/[’‘′]/g, "'")
    .replace(/[\u2212\u2012-\u2015]/g, '-');
}

/** A leading or trailing sign taken off: '-5' → { rest: '5', negative: true }. */
function takeSign(s: string): { rest: string; negative: boolean } {
  if (s.startsWith('-') || s.endsWith('-'))
    return { rest: (s.startsWith('-') ? s.slice(1) : s.slice(0, -1)).trim(), negative: true };
  return { rest: s.startsWith('+') ? s.slice(1).trim() : s, negative: false };
}

/** Currency markers before and after the number ('US$ 17', '17 EUR', '€-5'), and what is left. */
function takeMarkers(start: string, negativeAlready: boolean): { rest: string; markers: string[]; negative: boolean } {
  let s = start;
  let negative = negativeAlready;
  const markers: string[] = [];
  for (let i = 0; i < 2; i++) {
    const before = takeMarker(s, true);
    if (before) {
      markers.push(before.marker);
      s = before.rest;
    }
    const after = takeMarker(s, false);
    if (after) {
      markers.push(after.marker);
      s = after.rest;
    }
    if (!negative && s.startsWith('-')) {
      negative = true;
      s = s.slice(1).trim();
    }
  }
  return { rest: s, markers, negative };
}

/** The one currency the markers name, or the shared symbol they use; an error text when they disagree. */
function markerCurrency(markers: string[], label: string, text: string): Result<{ named: string | null; symbol: string | null }> {
  let named: string | null = null;
  let symbol: string | null = null;
  for (const m of markers) {
    const code = isCurrencyCode(m) ? m : SYMBOL_CURRENCY.get(m);
    const shared = SHARED_SYMBOL_SPELLINGS.get(m);
    if (code !== undefined) {
      if (named !== null && named !== code)
        return { ok: false, error: `${label} '${shown(text)}' names two currencies (${named} and ${code})` };
      named = code;
    } else if (shared !== undefined) {
      if (symbol !== null && symbol !== shared) return { ok: false, error: `${label} '${shown(text)}' is not a number` };
      symbol = shared;
    }
  }
  if (named !== null && symbol !== null) {
    // '$17 USD' is fine; '$ 17 EUR' is not.
    if (!currencyFitsSymbol(named, symbol)) {
      return { ok: false, error: `${label} '${shown(text)}' names two currencies (${symbolWords(symbol)} and ${named})` };
    }
    symbol = null;
  }
  return { ok: true, value: { named, symbol } };
}

function parseNumberCell(value: number, label: string, currency: string): Result<ParsedAmount> {
  if (!Number.isFinite(value)) return { ok: false, error: `${label} '${shown(String(value))}' is not a number` };
  if (value < 0) return { ok: false, error: `${label} '${shown(plainDecimal(value))}' is negative` };
  if (value > MAX_AMOUNT) return { ok: false, error: `${label} '${shown(plainDecimal(value))}' is too large` };
  return { ok: true, value: { amount: roundMoney(value, currency), currency: null, symbol: null } };
}

/** An amount typed as text, with its sign: a minus ('-5', '€-5', '5-') or accounting brackets ('(5)', '$(5)'). */
interface SignedAmount extends ParsedAmount {
  negative: boolean;
  /** The sign was accounting brackets. */
  brackets: boolean;
}

/** '(x)' → 'x' with brackets true; anything else as it is. */
function takeBrackets(s: string): { rest: string; brackets: boolean } {
  return s.length > 2 && s.startsWith('(') && s.endsWith(')')
    ? { rest: s.slice(1, -1).trim(), brackets: true }
    : { rest: s, brackets: false };
}

/** Sign, currency markers and accounting brackets taken off, in any order people write them ('($1,200.00)', '$ (1,200.00)', '(1.200,00) €'). */
function takeSignAndMarkers(plain: string): { rest: string; markers: string[]; negative: boolean; brackets: boolean } | null {
  const outer = takeBrackets(plain);
  const signed = takeSign(outer.rest);
  const marked = takeMarkers(signed.rest, signed.negative);
  const inner = outer.brackets ? { rest: marked.rest, brackets: false } : takeBrackets(marked.rest);
  const brackets = outer.brackets || inner.brackets;
  if (brackets && marked.negative) return null; // '(-5)': two signs
  const again = inner.brackets ? takeMarkers(inner.rest, false) : { rest: inner.rest, markers: [], negative: false };
  if (again.negative) return null;
  return { rest: again.rest, markers: [...marked.markers, ...again.markers], negative: marked.negative || brackets, brackets };
}

/**
 * Text read as a signed amount. An accounting zero — a dash alone, with or without a currency
 * marker ('-', '$ -', '€ -', '—') — is 0. Never throws.
 */
function readSignedText(value: string, locale: string, label: string, currency: string): Result<SignedAmount> {
  const text = value.replace(/[\u00a0\u2007\u2009\u202f\t]/g, ' ').trim();
  if (text === '') return { ok: false, error: `${label} is empty` };
  const notANumber: Result<SignedAmount> = { ok: false, error: `${label} '${shown(text)}' is not a number` };
  if (text.length > 60) return notANumber;
  const marked = takeSignAndMarkers(plainAmountText(value));
  if (marked === null) return notANumber;
  const found = markerCurrency(marked.markers, label, text);
  if (!found.ok) return found;
  const { named, symbol } = found.value;
  if (marked.rest === '' && marked.negative && !marked.brackets) {
    return { ok: true, value: { amount: 0, currency: named, symbol, negative: false, brackets: false } };
  }
  const roundingCurrency = named ?? (symbol !== null ? currencyForSymbol(symbol, currency) : currency);
  const moneyHabits = marked.markers.length > 0 && currencyDecimals(roundingCurrency) <= 2;
  const number = normaliseNumber(marked.rest, usesDecimalComma(locale), moneyHabits);
  if (!number.ok) return notANumber;
  const [intPart = '0', fracPart = ''] = number.digits.split('.');
  const amount = roundDigits(intPart, fracPart, currencyDecimals(roundingCurrency));
  if (!Number.isFinite(amount) || amount > MAX_AMOUNT) return { ok: false, error: `${label} '${shown(text)}' is too large` };
  const negative = marked.negative && amount !== 0;
  return { ok: true, value: { amount, currency: named, symbol, negative, brackets: negative && marked.brackets } };
}

/**
 * An amount from a cell. Numbers are taken as they are; text may carry a currency code or
 * symbol before or after it. Negative amounts (a minus or accounting brackets), NaN and Infinity
 * are refused; an accounting zero ('$ -', '-', '€ -', '—') is 0. Never throws.
 *
 * Text that names a currency is read by money's own habits: one separator followed by exactly
 * three digits groups thousands ('1.200 €' is 1200 euros in any locale, nobody writes 1.20 € as
 * '1.200 €'); without a currency marker the locale decides ('1.200' is 1.2 in en_US).
 *
 * The amount is rounded to the minor units of the currency the text names, else of
 * `currency` (the row's currency when the caller knows it; by default the locale's).
 */
export function parseAmount(
  value: CellValue,
  locale: string,
  label: string,
  currency: string = currencyForLocale(locale),
): Result<ParsedAmount> {
  if (typeof value === 'number') return parseNumberCell(value, label, currency);
  if (typeof value !== 'string') return { ok: false, error: `${label} '${shown(cellText(value))}' is not a number` };
  const read = readSignedText(value, locale, label, currency);
  if (!read.ok) return read;
  const { amount, currency: named, symbol, negative, brackets } = read.value;
  if (negative) {
    const text = shown(value.replace(/[\u00a0\u2007\u2009\u202f\t]/g, ' ').trim());
    const why = brackets ? ' (an amount in brackets) — write the amount owed as a positive number' : '';
    return { ok: false, error: `${label} '${text}' is negative${why}` };
  }
  return { ok: true, value: { amount, currency: named, symbol } };
}

/**
 * The amount of a credit note: a negative number, or text that would be an amount but for a minus
 * sign or accounting brackets ('-150.00', '(150.00)', '($150.00)', '€-150', '150.00 CR'). null for
 * anything else.
 *
 * @example creditAmount('(150.00)', 'en_US') // 150
 */
export function creditAmount(value: CellValue, locale: string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value < 0 ? -value : null;
  if (typeof value !== 'string') return null;
  const t = plainAmountText(value);
  const credited = /^(.+?)\s*\b(?:CR|Cr)$/.exec(t)?.[1];
  const read = readSignedText(credited ?? t, locale, 'Amount', currencyForLocale(locale));
  if (!read.ok || read.value.amount <= 0) return null;
  // '150.00 CR' is a credit as it stands; '-150.00 CR' says it twice and is not read.
  return read.value.negative !== (credited !== undefined) ? read.value.amount : null;
}

/**
 * The currency one marker names on its own, or null: an ISO code in any case ('EUR', 'eur'), a
 * symbol of one currency ('€', '£', 'R$', 'zł', 'Fr.'), or a shared symbol ('$', '¥', 'kr') read
 * as the first of `preferred` that uses it ('$' is CAD for a Canadian spreadsheet), else as its
 * best-known currency ('$' → USD).
 *
 * @example currencyOfMarker('$', ['EUR', 'AUD']) // 'AUD'
 */
export function currencyOfMarker(text: string, preferred: readonly string[]): string | null {
  const t = String(text ?? '').trim();
  const code = t.toUpperCase();
  if (isCurrencyCode(code)) return code;
  const unique = SYMBOL_CURRENCY.get(t) ?? SYMBOL_CURRENCY_ANY_CASE.get(t.toLowerCase());
  if (unique !== undefined) return unique;
  const shared = SHARED_SYMBOL_SPELLINGS.get(t) ?? SHARED_SYMBOL_SPELLINGS.get(t.toLowerCase());
  if (shared === undefined) return null;
  return currencyForSymbol(shared, preferred.find((c) => currencyFitsSymbol(c, shared)) ?? '');
}

/** Is `text` a symbol shared by several currencies ('$', '¥', 'kr')? */
export function isSharedSymbol(text: string): boolean {
  const t = String(text ?? '').trim();
  return SHARED_SYMBOL_SPELLINGS.has(t) || SHARED_SYMBOL_SPELLINGS.has(t.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Writing an amount

type Placement = 'before' | 'beforeSpace' | 'after';

/** Languages that write the symbol after the number (1.200,50 €). */
const SYMBOL_AFTER_LANGUAGES: ReadonlySet<string> = new Set([
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'pl',
  'sv',
  'da',
  'nb',
  'no',
  'nn',
  'fi',
  'cs',
  'sk',
  'hu',
  'ro',
  'ru',
  'uk',
  'be',
  'el',
  'lt',
  'lv',
  'et',
  'bg',
  'hr',
  'sl',
  'sr',
  'bs',
  'mk',
  'ca',
  'eu',
  'gl',
  'is',
  'vi',
  'kk',
  'az',
  'ka',
  'hy',
  'sq',
]);

/** Where the symbol goes: after the number in most of continental Europe, before it elsewhere. */
function symbolPlacement(locale: string): Placement {
  const { language, key } = localeKey(locale);
  if (
    key === 'pt_BR' ||
    language === 'nl' ||
    key === 'de_CH' ||
    key === 'de_LI' ||
    key === 'it_CH' ||
    key === 'en_ZA' ||
    key === 'es_419' ||
    key === 'es_AR' ||
    key === 'es_CO' ||
    key === 'es_CL'
  ) {
    return 'beforeSpace';
  }
  if (DECIMAL_POINT_LOCALES.has(key)) return 'before';
  return SYMBOL_AFTER_LANGUAGES.has(language) ? 'after' : 'before';
}

/** Dollar-sign prefixes used when '$' alone would be ambiguous. */
const DOLLAR_PREFIX: ReadonlyMap<string, string> = new Map([
  ['USD', 'US$'],
  ['CAD', 'CA$'],
  ['AUD', 'A$'],
  ['NZD', 'NZ$'],
  ['HKD', 'HK$'],
  ['SGD', 'S$'],
  ['TWD', 'NT$'],
  ['MXN', 'MX$'],
]);
/** Symbols that mean one currency wherever they appear. */
const UNIQUE_SYMBOL: ReadonlyMap<string, string> = new Map([
  ['EUR', '€'],
  ['GBP', '£'],
  ['INR', '₹'],
  ['KRW', '₩'],
  ['ILS', '₪'],
  ['PHP', '₱'],
  ['VND', '₫'],
  ['THB', '฿'],
  ['UAH', '₴'],
  ['NGN', '₦'],
  ['RUB', '₽'],
  ['TRY', '₺'],
  ['BRL', 'R$'],
]);
/** Letter symbols used only in the currency's own country (else the ISO code is clearer). */
const LOCAL_SYMBOL: ReadonlyMap<string, string> = new Map([
  ['SEK', 'kr'],
  ['NOK', 'kr'],
  ['DKK', 'kr.'],
  ['PLN', 'zł'],
  ['CZK', 'Kč'],
  ['HUF', 'Ft'],
  ['CHF', 'CHF'],
  ['ZAR', 'R'],
]);

/** The symbol to print for `currency` in `locale`, or null to print the ISO code after the number. */
function symbolFor(currency: string, locale: string): string | null {
  const own = currencyForLocale(locale);
  const { language } = localeParts(locale);
  const unique = UNIQUE_SYMBOL.get(currency);
  if (unique !== undefined) return unique;
  if (currencyFitsSymbol(currency, '$')) {
    // '$' alone only for the locale's own dollar (USD in en_US, CAD in en_CA, MXN in es_MX).
    if (currency === own) return '$';
    return DOLLAR_PREFIX.get(currency) ?? null;
  }
  if (currency === 'JPY') return language === 'zh' ? 'JP¥' : '¥';
  if (currency === 'CNY') return language === 'zh' ? '¥' : 'CN¥';
  if (currency === own) return LOCAL_SYMBOL.get(currency) ?? null;
  return null;
}

function groupDigits(int: string, group: string, indian: boolean): string {
  if (int.length <= 3) return int;
  if (indian) {
    const last = int.slice(-3);
    const head = int.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, group);
    return `${head}${group}${last}`;
  }
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

/**
 * An amount written for the locale: en_US '$1,200.50', en_GB '£1,200.50', de_DE '1.200,50 €',
 * fr_FR '1 200,50 €', ja_JP '¥1,200', unknown currency '1,200.50 XYZ'. Spaces are ordinary
 * spaces (U+0020) throughout — thousands in fr/sv/pl…, and between a number and a symbol or code.
 */
export function formatMoney(amount: number, currency: string, locale: string): string {
  if (typeof amount !== 'number' || typeof currency !== 'string' || typeof locale !== 'string')
    return anyMoneyText(amount, currency, locale);
  return moneyWords(`${amount}\u0000${currency}\u0000${locale}`);
}

/** A plan writes the amounts of thousands of due emails, in one currency and locale: each once. */
const moneyWords = memoized((key: string): string => {
  const [amount = '', currency = '', locale = ''] = key.split('\u0000');
  return anyMoneyText(Number(amount), currency, locale);
}, 4096);

/** Any value as money words: a non-finite amount is shown as it is, with its code. */
function anyMoneyText(amount: number, currency: string, locale: string): string {
  const code = String(currency ?? '').toUpperCase();
  if (!Number.isFinite(amount)) return `${String(amount)} ${code}`.trim();
  return moneyText(amount, code, locale);
}

function moneyText(amount: number, code: string, locale: string): string {
  const decimals = currencyDecimals(code);
  const rounded = roundMoney(amount, code);
  const negative = rounded < 0;
  const digits = plainDecimal(Math.abs(rounded));
  const [intRaw = '0', fracRaw = ''] = digits.split('.');
  const style = numberStyle(locale);
  let number = groupDigits(intRaw, style.group, style.indian);
  if (decimals > 0) number += style.decimal + fracRaw.padEnd(decimals, '0').slice(0, decimals);
  const sign = negative ? '-' : '';
  const symbol = symbolFor(code, locale);
  if (symbol === null) return `${sign}${number} ${code}`;
  switch (symbolPlacement(locale)) {
    case 'after':
      return `${sign}${number} ${symbol}`;
    case 'beforeSpace':
      return `${sign}${symbol} ${number}`;
    default:
      return /[A-Za-z.]$/.test(symbol) ? `${sign}${symbol} ${number}` : `${sign}${symbol}${number}`;
  }
}
