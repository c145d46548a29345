// Time-zone arithmetic on top of Intl: wall-clock fields of an instant in a zone, and back.
// Also the Sheets serial-number form of a date (days since 1899-12-30, in the sheet's wall time).

export const MS_PER_DAY = 86_400_000;
/** Day 0 of a Sheets date serial, as a UTC timestamp of its wall-clock time. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

export interface WallTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export interface WallFields {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Java-style custom ids ('GMT+2', 'GMT-05:30') are fixed offsets; Intl does not know them. */
function fixedOffsetMinutes(timeZone: string): number | null {
  const match = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  if (fixedOffsetMinutes(timeZone) !== null) return true;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function utcWall(ms: number): WallTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/**
 * The wall-clock fields of an instant in a zone. Throws a RangeError for an unknown zone. Goes
 * through the zone's offset (cached per quarter hour) rather than Intl every time: a run formats
 * thousands of date cells, and formatToParts is the slowest step of the fake runtime.
 */
export function wallTime(ms: number, timeZone: string): WallTime {
  const fixed = fixedOffsetMinutes(timeZone);
  if (fixed !== null) return utcWall(ms + fixed * 60_000);
  return utcWall(ms + offsetMs(ms, timeZone));
}

/** The wall-clock fields of an instant in a named zone, as Intl reads them. */
function intlWallTime(ms: number, timeZone: string): WallTime {
  const fields: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  return {
    year: fields.era === 'BC' ? 1 - yearOfEra : yearOfEra,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS[fields.weekday ?? ''] ?? 0,
  };
}

// Zones change offset only on quarter-hour boundaries, so the offset is constant within one.
const QUARTER_HOUR = 900_000;
const offsetCache = new Map<string, number>();

/** Milliseconds to add to UTC to get the zone's wall time at that instant. */
export function offsetMs(ms: number, timeZone: string): number {
  const bucket = Math.floor(ms / QUARTER_HOUR);
  const key = `${timeZone}|${bucket}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const start = bucket * QUARTER_HOUR;
    const fixed = fixedOffsetMinutes(timeZone);
    const w = fixed === null ? intlWallTime(start, timeZone) : utcWall(start + fixed * 60_000);
    offset = wallAsUtc(w) - start;
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** Wall fields as if they were UTC (overflowing fields roll over, as Java's lenient calendar does). */
export function wallAsUtc(fields: WallFields): number {
  const ms = Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
    fields.millisecond ?? 0,
  );
  // Date.UTC maps years 0-99 to 1900-1999; put them back.
  if (fields.year >= 0 && fields.year < 100) {
    const d = new Date(ms);
    d.setUTCFullYear(d.getUTCFullYear() - 1900);
    return d.getTime();
  }
  return ms;
}

/**
 * The instant at which the zone's clock shows these wall fields. A time skipped by a DST jump
 * moves forward (02:30 on a spring-forward night is 03:30), and a repeated time (fall back) is
 * read as standard time, its second occurrence — as Java's calendar and ICU do by default.
 */
export function instantFromWall(fields: WallFields, timeZone: string): number {
  const local = wallAsUtc(fields);
  // The offsets in force a day either side; a zone changes offset at most once in between.
  const before = offsetMs(local - MS_PER_DAY, timeZone);
  const after = offsetMs(local + MS_PER_DAY, timeZone);
  const fits = (offset: number): boolean => offsetMs(local - offset, timeZone) === offset;
  const candidates = [before, after].filter(fits).map((offset) => local - offset);
  if (candidates.length > 0) return Math.max(...candidates);
  // In a gap: no offset reproduces the wall time; move forward by using the smaller offset.
  return local - Math.min(before, after);
}

function pad(n: number, width: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).padStart(width, '0');
}

export function isoDate(w: { year: number; month: number; day: number }): string {
  return `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}`;
}

/** 'YYYY-MM-DD' of an instant in a zone. */
export function calendarDateIn(ms: number, timeZone: string): string {
  return isoDate(wallTime(ms, timeZone));
}

/** Parses 'YYYY-MM-DD' strictly (a real calendar date), or returns null. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(wallAsUtc({ year, month, day }));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

// ---- Sheets serial numbers: a date cell is a number of days in the sheet's wall time ----

export function serialFromWall(fields: WallFields): number {
  return (wallAsUtc(fields) - SERIAL_EPOCH) / MS_PER_DAY;
}

/** Wall-clock fields of a serial (rounded to the millisecond, as Sheets keeps them). */
export function wallFromSerial(serial: number): WallTime {
  return utcWall(SERIAL_EPOCH + Math.round(serial * MS_PER_DAY));
}

export function serialFromInstant(ms: number, timeZone: string): number {
  return (ms + offsetMs(ms, timeZone) - SERIAL_EPOCH) / MS_PER_DAY;
}

const instantCache = new Map<string, Map<number, number>>();

/** The instant a serial denotes in a zone (what getValues returns for a date cell). */
export function instantFromSerial(serial: number, timeZone: string): number {
  let zone = instantCache.get(timeZone);
  if (!zone) {
    zone = new Map();
    instantCache.set(timeZone, zone);
  }
  let ms = zone.get(serial);
  if (ms === undefined) {
    ms = instantFromWall(wallFromSerial(serial), timeZone);
    if (zone.size > 50_000) zone.clear();
    zone.set(serial, ms);
  }
  return ms;
}
