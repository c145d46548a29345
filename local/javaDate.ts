// Java SimpleDateFormat, which Utilities.formatDate / parseDate implement (US English names,
// US week rules: weeks start on Sunday, week 1 contains January 1).

import { MS_PER_DAY, instantFromWall, offsetMs, wallAsUtc, wallTime, type WallTime } from './timezone';

export const MONTHS = [
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
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const PATTERN_LETTERS = 'GyYMLwWDdFEuaHkKhmsSzZX';

type Token = { kind: 'field'; letter: string; count: number } | { kind: 'literal'; text: string };

/** Splits a Java pattern into fields and literal text ('quoted', '' = one quote). */
export function tokenizeJavaPattern(pattern: string): Token[] {
  const tokens: Token[] = [];
  const pushLiteral = (text: string): void => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += text;
    else tokens.push({ kind: 'literal', text });
  };
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      if (pattern.charAt(i + 1) === "'") {
        pushLiteral("'");
        i += 2;
        continue;
      }
      let text = '';
      i++;
      for (;;) {
        if (i >= pattern.length) throw new Error(`Unterminated quote in pattern "${pattern}"`);
        if (pattern.charAt(i) === "'") {
          if (pattern.charAt(i + 1) === "'") {
            text += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += pattern.charAt(i);
        i++;
      }
      pushLiteral(text);
    } else if (/[a-zA-Z]/.test(ch)) {
      if (!PATTERN_LETTERS.includes(ch)) throw new Error(`Illegal pattern character '${ch}'`);
      let count = 1;
      while (pattern.charAt(i + count) === ch) count++;
      tokens.push({ kind: 'field', letter: ch, count });
      i += count;
    } else {
      pushLiteral(ch);
      i++;
    }
  }
  return tokens;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function dayOfYear(w: WallTime): number {
  return Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / MS_PER_DAY) + 1;
}

/** Week-based year and week number, US rules (first day Sunday, minimal days in first week 1). */
function usWeek(w: WallTime): { weekYear: number; week: number } {
  const saturday = new Date(Date.UTC(w.year, w.month - 1, w.day + (6 - w.weekday)));
  if (saturday.getUTCFullYear() > w.year) return { weekYear: w.year + 1, week: 1 };
  const jan1Weekday = new Date(Date.UTC(w.year, 0, 1)).getUTCDay();
  return { weekYear: w.year, week: Math.floor((dayOfYear(w) - 1 + jan1Weekday) / 7) + 1 };
}

function offsetText(offsetMinutes: number, style: 'Z' | 'X1' | 'X2' | 'X3' | 'GMT'): string {
  if (offsetMinutes === 0 && style.startsWith('X')) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  switch (style) {
    case 'X1':
      return `${sign}${hh}`;
    case 'Z':
    case 'X2':
      return `${sign}${hh}${mm}`;
    case 'X3':
      return `${sign}${hh}:${mm}`;
    case 'GMT':
      return `GMT${sign}${hh}:${mm}`;
  }
}

const SHORT_NAME_LOCALES = ['en-US', 'en-GB', 'en-AU', 'en-IN'];

/** Java's `z`: an abbreviation where one is known ('EST', 'CEST', 'NZDT'), else 'GMT+09:00'. */
function zoneName(ms: number, timeZone: string, long: boolean): string {
  const offsetMinutes = Math.round(offsetMs(ms, timeZone) / 60_000);
  if (/^GMT[+-]/.test(timeZone)) return offsetText(offsetMinutes, 'GMT');
  const nameIn = (locale: string): string => {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: long ? 'long' : 'short' }).formatToParts(
      new Date(ms),
    );
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  };
  if (long) return nameIn('en-US');
  for (const locale of SHORT_NAME_LOCALES) {
    const name = nameIn(locale);
    if (name && !/^GMT[+-]/.test(name)) return name;
  }
  return offsetMinutes === 0 ? 'GMT' : offsetText(offsetMinutes, 'GMT');
}

/** What a format field is rendered from: the wall time, the count of letters, the instant and zone. */
interface FieldInput {
  w: WallTime;
  n: number;
  ms: number;
  timeZone: string;
}

const offsetMinutesOf = ({ ms, timeZone }: FieldInput): number => Math.round(offsetMs(ms, timeZone) / 60_000);
const yearText = (year: number, n: number): string => (n === 2 ? pad(year % 100, 2) : pad(year, n));
const monthText = ({ w, n }: FieldInput): string => {
  const name = MONTHS[w.month - 1] ?? '';
  return n >= 4 ? name : n === 3 ? name.slice(0, 3) : pad(w.month, n);
};

/** SimpleDateFormat's pattern letters, one renderer each. */
const FIELD_TEXT: Record<string, (input: FieldInput) => string> = {
  G: ({ w }) => (w.year > 0 ? 'AD' : 'BC'),
  y: ({ w, n }) => yearText(w.year, n),
  Y: ({ w, n }) => yearText(usWeek(w).weekYear, n),
  M: monthText,
  L: monthText,
  w: ({ w, n }) => pad(usWeek(w).week, n),
  W: ({ w, n }) => pad(Math.floor((w.day - 1 + new Date(Date.UTC(w.year, w.month - 1, 1)).getUTCDay()) / 7) + 1, n),
  D: ({ w, n }) => pad(dayOfYear(w), n),
  d: ({ w, n }) => pad(w.day, n),
  F: ({ w, n }) => pad(Math.floor((w.day - 1) / 7) + 1, n),
  E: ({ w, n }) => (n >= 4 ? (WEEKDAY_NAMES[w.weekday] ?? '') : (WEEKDAY_NAMES[w.weekday] ?? '').slice(0, 3)),
  u: ({ w, n }) => pad(w.weekday === 0 ? 7 : w.weekday, n),
  a: ({ w }) => (w.hour < 12 ? 'AM' : 'PM'),
  H: ({ w, n }) => pad(w.hour, n),
  k: ({ w, n }) => pad(w.hour === 0 ? 24 : w.hour, n),
  K: ({ w, n }) => pad(w.hour % 12, n),
  h: ({ w, n }) => pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n),
  m: ({ w, n }) => pad(w.minute, n),
  s: ({ w, n }) => pad(w.second, n),
  S: ({ w, n }) => pad(w.millisecond, n),
  z: (input) => zoneName(input.ms, input.timeZone, input.n >= 4),
  Z: (input) => offsetText(offsetMinutesOf(input), 'Z'),
  X: (input) => {
    if (input.n > 3) throw new Error('invalid ISO 8601 format: length=' + input.n);
    return offsetText(offsetMinutesOf(input), input.n === 1 ? 'X1' : input.n === 2 ? 'X2' : 'X3');
  },
};

/** Formats an instant like Java's SimpleDateFormat in the given zone. */
export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  const w = wallTime(ms, timeZone);
  let out = '';
  for (const token of tokenizeJavaPattern(pattern)) {
    out += token.kind === 'literal' ? token.text : (FIELD_TEXT[token.letter]?.({ w, n: token.count, ms, timeZone }) ?? '');
  }
  return out;
}

// ---- parsing (lenient, like SimpleDateFormat's default) ----

const NUMERIC_LETTERS = 'yYMLwWDdFuHkKhmsS';

function isNumericField(token: Token | undefined): boolean {
  return (
    token?.kind === 'field' &&
    NUMERIC_LETTERS.includes(token.letter) &&
    !((token.letter === 'M' || token.letter === 'L') && token.count >= 3)
  );
}

function matchName(text: string, pos: number, names: readonly string[]): { index: number; length: number } | null {
  const rest = text.slice(pos).toLowerCase();
  // Longest match first: 'March' before 'Mar'.
  let best: { index: number; length: number } | null = null;
  names.forEach((name, index) => {
    for (const candidate of [name, name.slice(0, 3)]) {
      if (rest.startsWith(candidate.toLowerCase()) && (!best || candidate.length > best.length)) {
        best = { index, length: candidate.length };
      }
    }
  });
  return best;
}

/** What parsing has read so far. */
interface ParseState {
  fields: { year: number; month: number; day: number; hour: number; minute: number; second: number; millisecond: number };
  pm: boolean | null;
  hour12: number | null;
  offsetMinutes: number | null;
  twoDigitYear: boolean;
}

/** Where each numeric pattern letter puts its number (week fields are read but do not steer the result). */
type NumericSetter = (state: ParseState, value: number, digits: string, count: number) => void;
const setYear: NumericSetter = (st, value, digits, count) => {
  st.fields.year = value;
  st.twoDigitYear = count <= 2 && /^\d{2}$/.test(digits);
};
const setMonth: NumericSetter = (st, value) => void (st.fields.month = value);
const NUMERIC_FIELD: Record<string, NumericSetter> = {
  y: setYear,
  Y: setYear,
  M: setMonth,
  L: setMonth,
  d: (st, value) => void (st.fields.day = value),
  H: (st, value) => void (st.fields.hour = value),
  k: (st, value) => void (st.fields.hour = value === 24 ? 0 : value),
  h: (st, value) => void (st.hour12 = value === 12 ? 0 : value),
  K: (st, value) => void (st.hour12 = value),
  m: (st, value) => void (st.fields.minute = value),
  s: (st, value) => void (st.fields.second = value),
  S: (st, value) => void (st.fields.millisecond = value),
  D: (st, value) => {
    st.fields.month = 1;
    st.fields.day = value;
  },
};

/** Reads a text field (month or weekday name, AM/PM, era, zone) at `pos`; returns its length, or null. */
function readTextField(letter: string, rest: string, st: ParseState): number | null {
  if (letter === 'M' || letter === 'L' || letter === 'E') {
    const found = matchName(rest, 0, letter === 'E' ? WEEKDAY_NAMES : MONTHS);
    if (found && letter !== 'E') st.fields.month = found.index + 1;
    return found?.length ?? null;
  }
  if (letter === 'a' || letter === 'G') {
    const word = (letter === 'a' ? /^(AM|PM)/i : /^(AD|BC)/i).exec(rest)?.[1];
    if (word && letter === 'a') st.pm = word.toUpperCase() === 'PM';
    return word ? 2 : null;
  }
  if (letter === 'z' || letter === 'Z' || letter === 'X') {
    const offset = /^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})?|^Z/.exec(rest);
    if (!offset) return null;
    st.offsetMinutes = offset[0] === 'Z' ? 0 : (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3] ?? '0'));
    return offset[0].length;
  }
  return 0;
}

/** The instant parsing arrived at: 12-hour clock, two-digit years (Java's window), explicit offset. */
function parsedInstant(st: ParseState, timeZone: string, nowMs: number): number {
  const { fields } = st;
  if (st.hour12 !== null) fields.hour = st.hour12 + (st.pm ? 12 : 0);
  else if (st.pm && fields.hour < 12) fields.hour += 12;
  if (st.twoDigitYear) {
    // Java puts a two-digit year within 80 years before and 20 years after now.
    const start = new Date(nowMs).getUTCFullYear() - 80;
    let year = Math.floor(start / 100) * 100 + fields.year;
    if (year < start) year += 100;
    fields.year = year;
  }
  if (st.offsetMinutes !== null) return wallAsUtc(fields) - st.offsetMinutes * 60_000;
  return instantFromWall(fields, timeZone);
}

/**
 * Parses text with a Java pattern in a zone. Like SimpleDateFormat.parse: lenient (month 13 rolls
 * into the next year, Feb 31 into March), and text after the pattern is ignored. Returns null when
 * the text does not match.
 */
export function parseJavaDate(text: string, timeZone: string, pattern: string, nowMs: number): number | null {
  const tokens = tokenizeJavaPattern(pattern);
  const st: ParseState = {
    fields: { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 },
    pm: null,
    hour12: null,
    offsetMinutes: null,
    twoDigitYear: false,
  };
  let pos = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (!token) continue;
    if (token.kind === 'literal') {
      if (!text.startsWith(token.text, pos)) return null;
      pos += token.text.length;
    } else if (isNumericField(token)) {
      // Abutting numeric fields ('yyyyMMdd') take exactly `count` digits; otherwise as many as there are.
      const fixedWidth = isNumericField(tokens[t + 1]);
      const digits = (fixedWidth ? new RegExp(`^[+-]?\\d{${token.count}}`) : /^[+-]?\d+/).exec(text.slice(pos))?.[0];
      if (digits === undefined) return null;
      pos += digits.length;
      NUMERIC_FIELD[token.letter]?.(st, Number(digits), digits, token.count);
    } else {
      const length = readTextField(token.letter, text.slice(pos), st);
      if (length === null) return null;
      pos += length;
    }
  }
  return parsedInstant(st, timeZone, nowMs);
}
