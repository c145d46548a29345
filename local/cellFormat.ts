// Sheets number formats (the 'yyyy-mm-dd' / '#,##0.00' kind, not Java patterns): telling a date
// format from a number format, and rendering a cell's display value.

import { wallFromSerial } from './timezone';
import { MONTHS, WEEKDAY_NAMES } from './javaDate';

/** The format Sheets reports for a cell nobody formatted. */
export const GENERAL_FORMAT = '0.###############';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
export const TIME_FORMAT = 'hh:mm:ss';

type DateToken =
  | { kind: 'literal'; text: string }
  | { kind: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'; count: number }
  | { kind: 'ampm'; style: 'AM/PM' | 'am/pm' | 'A/P' | 'a/p' }
  | { kind: 'fraction'; digits: number };

const tokenCache = new Map<string, DateToken[]>();

function tokenizeDateFormat(format: string): DateToken[] {
  let tokens = tokenCache.get(format);
  if (!tokens) {
    tokens = tokenizeUncached(format);
    tokenCache.set(format, tokens);
  }
  return tokens;
}

function tokenizeUncached(format: string): DateToken[] {
  const tokens: DateToken[] = [];
  const literal = (text: string): void => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else tokens.push({ kind: 'literal', text });
  };
  let i = 0;
  while (i < format.length) {
    const ch = format.charAt(i);
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      literal(format.slice(i + 1, end === -1 ? format.length : end));
      i = end === -1 ? format.length : end + 1;
    } else if (ch === '\\') {
      literal(format.charAt(i + 1));
      i += 2;
    } else if (ch === '[') {
      const end = format.indexOf(']', i);
      i = end === -1 ? format.length : end + 1; // colours, locales: not shown
    } else if (/^(AM\/PM|am\/pm|A\/P|a\/p)/.test(format.slice(i))) {
      const style = format.slice(i, format.charAt(i + 1) === '/' ? i + 3 : i + 5) as 'AM/PM' | 'am/pm' | 'A/P' | 'a/p';
      tokens.push({ kind: 'ampm', style });
      i += style.length;
    } else if ('ymdhs'.includes(lower)) {
      let count = 1;
      while (format.charAt(i + count).toLowerCase() === lower) count++;
      const kind = ({ y: 'year', m: 'month', d: 'day', h: 'hour', s: 'second' } as const)[lower as 'y' | 'm' | 'd' | 'h' | 's'];
      tokens.push({ kind, count });
      i += count;
    } else if (ch === '.' && format.charAt(i + 1) === '0' && tokens[tokens.length - 1]?.kind === 'second') {
      let digits = 0;
      while (format.charAt(i + 1 + digits) === '0') digits++;
      tokens.push({ kind: 'fraction', digits });
      i += 1 + digits;
    } else {
      literal(ch);
      i++;
    }
  }
  // 'm' is minutes right after an hour or right before a second (skipping literals).
  const fields = tokens.filter((t) => t.kind !== 'literal');
  fields.forEach((token, index) => {
    if (token.kind !== 'month' || token.count > 2) return;
    const prev = fields[index - 1];
    const next = fields[index + 1];
    if (prev?.kind === 'hour' || next?.kind === 'second') (token as { kind: string }).kind = 'minute';
  });
  return tokens;
}

const dateFormatCache = new Map<string, boolean>();

/** Whether a format shows numbers as dates or times (so the cell's value is a Date). */
export function isDateTimeFormat(format: string | undefined): boolean {
  if (!format || isTextFormat(format)) return false;
  let isDate = dateFormatCache.get(format);
  if (isDate === undefined) {
    const firstSection = splitSections(format)[0] ?? '';
    isDate = tokenizeDateFormat(firstSection).some((t) => t.kind !== 'literal' && t.kind !== 'fraction');
    dateFormatCache.set(format, isDate);
  }
  return isDate;
}

export function hasTimePart(format: string): boolean {
  return tokenizeDateFormat(format).some((t) => t.kind === 'hour' || t.kind === 'minute' || t.kind === 'second');
}

/** '@' is "plain text": entered strings are kept as typed, never converted. */
export function isTextFormat(format: string | undefined): boolean {
  return format === '@';
}

function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format.charAt(i);
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      current += ch + format.charAt(i + 1);
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Renders a date serial with the tokens of a Sheets date/time format. */
function renderDate(serial: number, tokens: readonly DateToken[]): string {
  const w = wallFromSerial(serial);
  const twelveHour = tokens.some((t) => t.kind === 'ampm');
  let out = '';
  for (const token of tokens) {
    switch (token.kind) {
      case 'literal':
        out += token.text;
        break;
      case 'year':
        out += token.count <= 2 ? pad(w.year % 100, 2) : pad(w.year, 4);
        break;
      case 'month': {
        const name = MONTHS[w.month - 1] ?? '';
        if (token.count >= 5) out += name.charAt(0);
        else if (token.count === 4) out += name;
        else if (token.count === 3) out += name.slice(0, 3);
        else out += pad(w.month, token.count);
        break;
      }
      case 'day': {
        const name = WEEKDAY_NAMES[w.weekday] ?? '';
        if (token.count >= 4) out += name;
        else if (token.count === 3) out += name.slice(0, 3);
        else out += pad(w.day, token.count);
        break;
      }
      case 'hour': {
        const hour = twelveHour ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
        out += pad(hour, Math.min(token.count, 2));
        break;
      }
      case 'minute':
        out += pad(w.minute, Math.min(token.count, 2));
        break;
      case 'second':
        out += pad(w.second, Math.min(token.count, 2));
        break;
      case 'fraction':
        out += '.' + pad(w.millisecond, 3).slice(0, token.digits);
        break;
      case 'ampm': {
        const pm = w.hour >= 12;
        const full = token.style === 'AM/PM' || token.style === 'am/pm';
        const text = full ? (pm ? 'PM' : 'AM') : pm ? 'P' : 'A';
        out += token.style === token.style.toLowerCase() ? text.toLowerCase() : text;
        break;
      }
    }
  }
  return out;
}

// ---- numbers ----

interface Separators {
  decimal: string;
  group: string;
}
const separatorCache = new Map<string, Separators>();

/** Decimal and grouping separators of a spreadsheet locale ('en_US', 'de_DE'). */
export function separatorsFor(locale: string): Separators {
  let seps = separatorCache.get(locale);
  if (!seps) {
    let parts: Intl.NumberFormatPart[];
    try {
      parts = new Intl.NumberFormat(locale.replace('_', '-')).formatToParts(1234567.5);
    } catch {
      parts = new Intl.NumberFormat('en-US').formatToParts(1234567.5);
    }
    seps = {
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
    };
    separatorCache.set(locale, seps);
  }
  return seps;
}

function roundTo(n: number, decimals: number): number {
  return Number(`${Math.round(Number(`${n}e${decimals}`))}e-${decimals}`);
}

/** Digits of a non-negative number without exponent notation ('1e21' and up fall back to String). */
function plainDigits(n: number, decimals: number): string {
  if (n < 1e21) return n.toFixed(decimals);
  return String(n);
}

/** Sheets' automatic number display: up to 10 significant digits, no grouping. */
function formatGeneralNumber(n: number, decimal: string): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const short = String(n);
  if (short.length <= 11 && !short.includes('e')) return decimal === '.' ? short : short.replace('.', decimal);
  let text = String(Number(n.toPrecision(10)));
  if (text.includes('e')) text = (n < 0 ? '-' : '') + plainDigits(Math.abs(Number(n.toPrecision(10))), 10).replace(/\.?0+$/, '');
  return decimal === '.' ? text : text.replace('.', decimal);
}

/** One section of a number format ('"INV-"0000', '[$€]#,##0.00', '0.00%'), parsed once. */
interface NumberPattern {
  prefix: string;
  suffix: string;
  percent: boolean;
  hasDigits: boolean;
  minInt: number;
  minFrac: number;
  maxFrac: number;
  grouping: boolean;
}

/** What a bracketed part shows: `[$€-407]` → '€', `[$£-809]` → '£'; colours and conditions show nothing. */
function bracketText(inner: string): string {
  return inner.startsWith('$') ? (inner.slice(1).split('-')[0] ?? '') : '';
}

/** Splits a section into the text before the digits, the digit pattern and the text after. */
function splitPattern(section: string): { prefix: string; core: string; suffix: string } {
  const parts = { prefix: '', core: '', suffix: '' };
  const literal = (text: string): void => {
    if (parts.core === '') parts.prefix += text;
    else parts.suffix += text;
  };
  let i = 0;
  while (i < section.length) {
    const ch = section.charAt(i);
    const closing = ch === '"' ? section.indexOf('"', i + 1) : ch === '[' ? section.indexOf(']', i) : -2;
    const end = closing === -1 ? section.length : closing;
    if (ch === '"') literal(section.slice(i + 1, end));
    else if (ch === '[') literal(bracketText(section.slice(i + 1, end)));
    else if (ch === '\\') literal(section.charAt(i + 1));
    else if ('0#?,.'.includes(ch) && parts.suffix === '') parts.core += ch;
    else if (ch !== '_' && ch !== '*') literal(ch);
    i = closing === -2 ? i + (ch === '\\' || ch === '_' || ch === '*' ? 2 : 1) : end + 1;
  }
  return parts;
}

function parsePattern(section: string): NumberPattern {
  const { prefix, core, suffix } = splitPattern(section);
  const [intPattern = '', fracPattern = ''] = core.split('.');
  const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;
  return {
    prefix,
    suffix,
    percent: (prefix + suffix).includes('%'),
    hasDigits: /[0#?]/.test(core),
    minInt: count(intPattern, /0/g),
    minFrac: count(fracPattern, /0/g),
    maxFrac: count(fracPattern, /[0#?]/g),
    grouping: /[0#?],[0#?]/.test(intPattern),
  };
}

function applyPattern(n: number, p: NumberPattern, seps: Separators): string {
  if (!p.hasDigits) return p.prefix + p.suffix;
  const value = p.percent ? n * 100 : n;
  const digits = plainDigits(p.maxFrac > 0 ? roundTo(value, p.maxFrac) : Math.round(value), p.maxFrac);
  const dot = digits.indexOf('.');
  const intDigits = dot === -1 ? digits : digits.slice(0, dot);
  let fracDigits = dot === -1 ? '' : digits.slice(dot + 1);
  while (fracDigits.length > p.minFrac && fracDigits.endsWith('0')) fracDigits = fracDigits.slice(0, -1);
  let intText = intDigits === '0' && p.minInt === 0 ? '' : intDigits.padStart(p.minInt, '0');
  if (p.grouping && intText.length > 3) intText = intText.replace(/\B(?=(\d{3})+(?!\d))/g, seps.group);
  return p.prefix + intText + (fracDigits ? seps.decimal + fracDigits : '') + p.suffix;
}

/** A cell's number format, turned once into a function from number to display text. */
type NumberFormatter = (n: number) => string;

function compileNumberFormat(format: string | undefined, locale: string): NumberFormatter {
  const seps = separatorsFor(locale);
  if (!format || format === GENERAL_FORMAT || /^general$/i.test(format) || isTextFormat(format)) {
    return (n) => formatGeneralNumber(n, seps.decimal);
  }
  if (isDateTimeFormat(format)) {
    const tokens = tokenizeDateFormat(splitSections(format)[0] ?? format);
    const seen = new Map<number, string>(); // a sheet repeats its dates: render each once
    return (n) => {
      let text = seen.get(n);
      if (text === undefined) {
        text = Number.isFinite(n) ? renderDate(n, tokens) : '#NUM!';
        if (seen.size > 10_000) seen.clear();
        seen.set(n, text);
      }
      return text;
    };
  }
  if (/E[+-]/i.test(format.replace(/"[^"]*"/g, ''))) return (n) => formatGeneralNumber(n, seps.decimal);
  const [positive, negative, zero] = splitSections(format).map(parsePattern);
  const pos = positive ?? parsePattern('');
  return (n) => {
    if (!Number.isFinite(n)) return '#NUM!';
    if (n < 0) return negative ? applyPattern(-n, negative, seps) : '-' + applyPattern(-n, pos, seps);
    return n === 0 && zero ? applyPattern(0, zero, seps) : applyPattern(n, pos, seps);
  };
}

const formatterCache = new Map<string, Map<string | undefined, NumberFormatter>>();

/**
 * The display function of a Sheets number format in a locale, compiled once and cached:
 * `numberFormatter('"INV-"0000', 'en_US')(42)` is 'INV-0042'.
 */
export function numberFormatter(format: string | undefined, locale: string): NumberFormatter {
  let byFormat = formatterCache.get(locale);
  if (!byFormat) {
    byFormat = new Map();
    formatterCache.set(locale, byFormat);
  }
  let formatter = byFormat.get(format);
  if (!formatter) {
    formatter = compileNumberFormat(format, locale);
    byFormat.set(format, formatter);
  }
  return formatter;
}
