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

/** Renders a date serial with a Sheets date/time format. */
export function formatSerial(serial: number, format: string): string {
  const w = wallFromSerial(serial);
  const tokens = tokenizeDateFormat(splitSections(format)[0] ?? format);
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

function plainDigits(n: number): string {
  // No exponent notation for ordinary magnitudes.
  return Math.abs(n) < 1e21 ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : String(n);
}

/** Sheets' automatic number display: up to 10 significant digits, no grouping. */
export function formatGeneralNumber(n: number, locale: string): string {
  if (!Number.isFinite(n)) return '#NUM!';
  const text = Number.isInteger(n) && Math.abs(n) < 1e15 ? String(n) : plainDigits(Number(n.toPrecision(10)));
  return text.replace('.', separatorsFor(locale).decimal);
}

function applyNumberPattern(n: number, section: string, locale: string): string {
  const seps = separatorsFor(locale);
  let prefix = '';
  let core = '';
  let suffix = '';
  let percent = false;
  let i = 0;
  const appendLiteral = (text: string): void => {
    if (core === '') prefix += text;
    else suffix += text;
  };
  while (i < section.length) {
    const ch = section.charAt(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      appendLiteral(section.slice(i + 1, end === -1 ? section.length : end));
      i = end === -1 ? section.length : end + 1;
    } else if (ch === '\\') {
      appendLiteral(section.charAt(i + 1));
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end === -1 ? section.length : end);
      if (inner.startsWith('$')) appendLiteral(inner.slice(1).split('-')[0] ?? ''); // [$€-407] → €
      i = end === -1 ? section.length : end + 1;
    } else if ('0#?,.'.includes(ch) && suffix === '') {
      core += ch;
      i++;
    } else if (ch === '_' || ch === '*') {
      i += 2; // spacing directives
    } else {
      if (ch === '%') percent = true;
      appendLiteral(ch);
      i++;
    }
  }
  if (!/[0#?]/.test(core)) return prefix + suffix;
  const value = percent ? n * 100 : n;
  const [intPattern = '', fracPattern = ''] = core.split('.');
  const minFrac = (fracPattern.match(/0/g) ?? []).length;
  const maxFrac = (fracPattern.match(/[0#?]/g) ?? []).length;
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const grouping = /[0#?],[0#?]/.test(intPattern);
  const [intDigits = '0', fracDigitsRaw = ''] = plainDigits(roundTo(value, maxFrac)).split('.');
  let fracDigits = fracDigitsRaw.padEnd(maxFrac, '0');
  while (fracDigits.length > minFrac && fracDigits.endsWith('0')) fracDigits = fracDigits.slice(0, -1);
  let intText = intDigits === '0' && minInt === 0 ? '' : intDigits.padStart(minInt, '0');
  if (grouping) intText = intText.replace(/\B(?=(\d{3})+(?!\d))/g, seps.group);
  return prefix + intText + (fracDigits ? seps.decimal + fracDigits : '') + suffix;
}

/** Renders a number with a Sheets number format ('0.00', '#,##0', '"$"#,##0.00;("$"#,##0.00)', '0%'). */
export function formatNumber(n: number, format: string | undefined, locale: string): string {
  if (!format || format === GENERAL_FORMAT || /^general$/i.test(format) || isTextFormat(format)) {
    return formatGeneralNumber(n, locale);
  }
  if (!Number.isFinite(n)) return '#NUM!';
  if (isDateTimeFormat(format)) return formatSerial(n, format);
  if (/E[+-]/i.test(format.replace(/"[^"]*"/g, ''))) return formatGeneralNumber(n, locale);
  const sections = splitSections(format);
  const positive = sections[0] ?? '';
  if (n < 0) {
    const negative = sections[1];
    return negative !== undefined ? applyNumberPattern(-n, negative, locale) : '-' + applyNumberPattern(-n, positive, locale);
  }
  if (n === 0 && sections[2] !== undefined) return applyNumberPattern(0, sections[2], locale);
  return applyNumberPattern(n, positive, locale);
}
