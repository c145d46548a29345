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

/** Formats an instant like Java's SimpleDateFormat in the given zone. */
export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  const w = wallTime(ms, timeZone);
  let out = '';
  for (const token of tokenizeJavaPattern(pattern)) {
    if (token.kind === 'literal') {
      out += token.text;
      continue;
    }
    const n = token.count;
    switch (token.letter) {
      case 'G':
        out += w.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'Y': {
        const { weekYear } = usWeek(w);
        out += n === 2 ? pad(weekYear % 100, 2) : pad(weekYear, n);
        break;
      }
      case 'M':
      case 'L': {
        const name = MONTHS[w.month - 1] ?? '';
        out += n >= 4 ? name : n === 3 ? name.slice(0, 3) : pad(w.month, n);
        break;
      }
      case 'w':
        out += pad(usWeek(w).week, n);
        break;
      case 'W': {
        const firstWeekday = new Date(Date.UTC(w.year, w.month - 1, 1)).getUTCDay();
        out += pad(Math.floor((w.day - 1 + firstWeekday) / 7) + 1, n);
        break;
      }
      case 'D':
        out += pad(dayOfYear(w), n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'F':
        out += pad(Math.floor((w.day - 1) / 7) + 1, n);
        break;
      case 'E': {
        const name = WEEKDAY_NAMES[w.weekday] ?? '';
        out += n >= 4 ? name : name.slice(0, 3);
        break;
      }
      case 'u':
        out += pad(w.weekday === 0 ? 7 : w.weekday, n);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(w.millisecond, n);
        break;
      case 'z':
        out += zoneName(ms, timeZone, n >= 4);
        break;
      case 'Z':
        out += offsetText(Math.round(offsetMs(ms, timeZone) / 60_000), 'Z');
        break;
      case 'X': {
        if (n > 3) throw new Error('invalid ISO 8601 format: length=' + n);
        out += offsetText(Math.round(offsetMs(ms, timeZone) / 60_000), n === 1 ? 'X1' : n === 2 ? 'X2' : 'X3');
        break;
      }
    }
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

/**
 * Parses text with a Java pattern in a zone. Like SimpleDateFormat.parse: lenient (month 13 rolls
 * into the next year, Feb 31 into March), and text after the pattern is ignored. Returns null when
 * the text does not match.
 */
export function parseJavaDate(text: string, timeZone: string, pattern: string, nowMs: number): number | null {
  const tokens = tokenizeJavaPattern(pattern);
  const fields = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  let pm: boolean | null = null;
  let hour12: number | null = null;
  let explicitOffsetMinutes: number | null = null;
  let twoDigitYear = false;
  let pos = 0;

  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (!token) continue;
    if (token.kind === 'literal') {
      if (!text.startsWith(token.text, pos)) return null;
      pos += token.text.length;
      continue;
    }
    const { letter, count } = token;
    if (isNumericField(token)) {
      // Abutting numeric fields ('yyyyMMdd') take exactly `count` digits; otherwise as many as there are.
      const fixedWidth = isNumericField(tokens[t + 1]);
      const match = (fixedWidth ? new RegExp(`^[+-]?\\d{${count}}`) : /^[+-]?\d+/).exec(text.slice(pos));
      if (!match) return null;
      const digits = match[0];
      pos += digits.length;
      const value = Number(digits);
      switch (letter) {
        case 'y':
        case 'Y':
          fields.year = value;
          twoDigitYear = count <= 2 && /^\d{2}$/.test(digits);
          break;
        case 'M':
        case 'L':
          fields.month = value;
          break;
        case 'd':
          fields.day = value;
          break;
        case 'H':
          fields.hour = value;
          break;
        case 'k':
          fields.hour = value === 24 ? 0 : value;
          break;
        case 'h':
          hour12 = value === 12 ? 0 : value;
          break;
        case 'K':
          hour12 = value;
          break;
        case 'm':
          fields.minute = value;
          break;
        case 's':
          fields.second = value;
          break;
        case 'S':
          fields.millisecond = value;
          break;
        case 'D':
          fields.month = 1;
          fields.day = value;
          break;
        default:
          break; // week fields are accepted but do not steer the result
      }
      continue;
    }
    switch (letter) {
      case 'M':
      case 'L': {
        const found = matchName(text, pos, MONTHS);
        if (!found) return null;
        fields.month = found.index + 1;
        pos += found.length;
        break;
      }
      case 'E': {
        const found = matchName(text, pos, WEEKDAY_NAMES);
        if (!found) return null;
        pos += found.length;
        break;
      }
      case 'a': {
        const ampm = /^(AM|PM)/i.exec(text.slice(pos));
        if (!ampm?.[1]) return null;
        pm = ampm[1].toUpperCase() === 'PM';
        pos += 2;
        break;
      }
      case 'G': {
        const era = /^(AD|BC)/i.exec(text.slice(pos));
        if (!era) return null;
        pos += 2;
        break;
      }
      case 'z':
      case 'Z':
      case 'X': {
        const offset = /^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})?|^Z/.exec(text.slice(pos));
        if (!offset) return null;
        explicitOffsetMinutes =
          offset[0] === 'Z' ? 0 : (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3] ?? '0'));
        pos += offset[0].length;
        break;
      }
    }
  }

  if (hour12 !== null) fields.hour = hour12 + (pm ? 12 : 0);
  else if (pm !== null && pm && fields.hour < 12) fields.hour += 12;
  if (twoDigitYear) {
    // Java puts a two-digit year within 80 years before and 20 years after now.
    const nowYear = new Date(nowMs).getUTCFullYear();
    const start = nowYear - 80;
    let year = Math.floor(start / 100) * 100 + fields.year;
    if (year < start) year += 100;
    fields.year = year;
  }
  if (explicitOffsetMinutes !== null) return wallAsUtc(fields) - explicitOffsetMinutes * 60_000;
  return instantFromWall(fields, timeZone);
}
