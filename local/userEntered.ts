// What Sheets makes of a string written through setValue(s)/appendRow: the same conversions as
// typing it into a cell. Numbers, booleans, dates (in the spreadsheet's locale order), percentages
// and amounts with a currency symbol become typed values; anything else stays text.

import { MONTHS } from './javaDate';
import { separatorsFor, DATE_FORMAT, DATE_TIME_FORMAT, TIME_FORMAT } from './cellFormat';
import { isRealDate, serialFromWall } from './timezone';

export type Entry =
  | { kind: 'text'; text: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'number'; value: number; format?: string }
  | { kind: 'date'; serial: number; format: string };

/** en_US (and es_US) write month first; most other locales day first. */
function isMonthFirst(locale: string): boolean {
  return /^(en_US|es_US|en_PH|fil)/.test(locale) || locale === 'en';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface NumberPatterns {
  decimal: string;
  group: string;
  plain: RegExp;
  grouped: RegExp;
  currencies: { symbol: string; pattern: RegExp }[];
}

const CURRENCY_SYMBOLS = ['$', '£', '€', '¥', '₹'];
const patternCache = new Map<string, NumberPatterns>();

/** The locale's number shapes, compiled once per locale. */
function numberPatterns(locale: string): NumberPatterns {
  let patterns = patternCache.get(locale);
  if (!patterns) {
    const seps = separatorsFor(locale);
    // Grouping by a (narrow) no-break space is typed as an ordinary space.
    const group = seps.group === '\u00a0' || seps.group === '\u202f' ? ' ' : seps.group;
    const d = escapeRegExp(seps.decimal);
    const g = escapeRegExp(group);
    patterns = {
      decimal: seps.decimal,
      group,
      plain: new RegExp(`^[+-]?(\\d+(${d}\\d*)?|${d}\\d+)([eE][+-]?\\d+)?$`),
      grouped: new RegExp(`^[+-]?\\d{1,3}(${g}\\d{3})+(${d}\\d+)?$`),
      currencies: CURRENCY_SYMBOLS.map((symbol) => {
        const s = escapeRegExp(symbol);
        return { symbol, pattern: new RegExp(`^([+-]?)${s}\\s?([\\d.,\\s]+)$|^([+-]?[\\d.,\\s]*\\d)\\s?${s}$`) };
      }),
    };
    patternCache.set(locale, patterns);
  }
  return patterns;
}

function parseLocaleNumber(text: string, locale: string): { value: number; grouped: boolean; decimals: number } | null {
  const { decimal, group, plain, grouped } = numberPatterns(locale);
  const isGrouped = grouped.test(text);
  if (!isGrouped && !plain.test(text)) return null;
  const normalized = (isGrouped ? text.split(group).join('') : text).replace(decimal, '.');
  const value = Number(normalized);
  if (!Number.isFinite(value)) return null;
  const decimals = (normalized.split('.')[1] ?? '').replace(/[eE].*/, '').length;
  return { value, grouped: isGrouped, decimals };
}

function numberEntry(text: string, locale: string): Entry | null {
  // Cheap exit: every number shape contains a digit.
  if (!/\d/.test(text)) return null;
  const number = parseLocaleNumber(text, locale);
  if (number) {
    return number.grouped
      ? { kind: 'number', value: number.value, format: number.decimals > 0 ? '#,##0.00' : '#,##0' }
      : { kind: 'number', value: number.value };
  }
  const percent = /^(.*\d)\s?%$/.exec(text);
  if (percent?.[1]) {
    const inner = parseLocaleNumber(percent[1], locale);
    if (inner) return { kind: 'number', value: inner.value / 100, format: inner.decimals > 0 ? '0.00%' : '0%' };
  }
  for (const { symbol, pattern } of numberPatterns(locale).currencies) {
    const match = pattern.exec(text);
    if (!match) continue;
    const sign = match[1] === '-' ? -1 : 1;
    const amount = parseLocaleNumber((match[2] ?? match[3] ?? '').trim(), locale);
    if (!amount) continue;
    const format = match[2] !== undefined ? `"${symbol}"#,##0.00` : `#,##0.00 "${symbol}"`;
    return { kind: 'number', value: sign * amount.value, format };
  }
  return null;
}

function twoDigitYear(year: number): number {
  return year < 30 ? 2000 + year : 1900 + year;
}

interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
}

function parseTime(text: string | undefined): TimeOfDay | null | undefined {
  if (text === undefined || text === '') return undefined;
  const match = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(text.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2]);
  const second = Number(match[3] ?? '0');
  const ampm = match[4]?.toUpperCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'PM' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { hour, minute, second };
}

function monthIndex(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const index = MONTHS.findIndex((m) => m.toLowerCase() === lower || m.slice(0, 3).toLowerCase() === lower);
  return index === -1 ? null : index + 1;
}

function dateEntry(text: string, locale: string): Entry | null {
  if (!/\d/.test(text)) return null;
  let year: number;
  let month: number;
  let day: number;
  let rest: string | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](.+))?$/.exec(text))) {
    [year, month, day, rest] = [Number(match[1]), Number(match[2]), Number(match[3]), match[4]];
  } else if ((match = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?: (.+))?$/.exec(text))) {
    const first = Number(match[1]);
    const second = Number(match[3]);
    // Dots are a day-first habit; slashes follow the locale.
    const monthFirst = match[2] === '/' && isMonthFirst(locale);
    [month, day] = monthFirst ? [first, second] : [second, first];
    const y = match[4] ?? '';
    year = y.length === 2 ? twoDigitYear(Number(y)) : Number(y);
    rest = match[5];
  } else if ((match = /^(\d{1,2})[ -]([A-Za-z]{3,9}\.?)[ -](\d{4})$/.exec(text))) {
    const m = monthIndex(match[2] ?? '');
    if (m === null) return null;
    [year, month, day] = [Number(match[3]), m, Number(match[1])];
  } else if ((match = /^([A-Za-z]{3,9}\.?) (\d{1,2}),? (\d{4})$/.exec(text))) {
    const m = monthIndex(match[1] ?? '');
    if (m === null) return null;
    [year, month, day] = [Number(match[3]), m, Number(match[2])];
  } else {
    return null;
  }
  if (!isRealDate(year, month, day)) return null; // '2026-02-31' stays text, as in Sheets
  const time = parseTime(rest);
  if (time === null) return null;
  const serial = serialFromWall({ year, month, day, ...(time ?? {}) });
  return { kind: 'date', serial, format: time ? DATE_TIME_FORMAT : DATE_FORMAT };
}

/** Converts one entered string; `input` has no leading '=' or apostrophe (the caller handles those). */
export function parseUserEntered(input: string, locale: string): Entry {
  const text = input.trim();
  if (text === '') return { kind: 'text', text: input };
  if (/^(true|false)$/i.test(text)) return { kind: 'boolean', value: text.toLowerCase() === 'true' };
  const number = numberEntry(text, locale);
  if (number) return number;
  const date = dateEntry(text, locale);
  if (date) return date;
  const time = parseTime(text);
  if (time) return { kind: 'date', serial: (time.hour * 3600 + time.minute * 60 + time.second) / 86400, format: TIME_FORMAT };
  return { kind: 'text', text: input };
}
