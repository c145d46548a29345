// Utilities: Java-pattern date formatting and parsing in any zone; blobs (newBlob) and base64.

import { base64Encode, newBlob, type FakeBlob } from './blob';
import { type Host, isDate } from './core';
import type { Faked } from './faked';
import { formatJavaDate, parseJavaDate } from './javaDate';
import { isValidTimeZone } from './timezone';

type GUtilities = GoogleAppsScript.Utilities.Utilities;

export class FakeUtilities implements Faked<GUtilities, 'formatDate' | 'parseDate' | 'newBlob' | 'base64Encode' | 'sleep'> {
  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
  }

  /** Utilities.sleep(milliseconds) reference: at most 300,000 ms. Never really sleeps: the simulated clock moves on. */
  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || !(milliseconds >= 0) || milliseconds > 300_000) {
      throw this.#host.error('Invalid argument: milliseconds');
    }
    this.#host.clock.advance(Math.round(milliseconds));
  }

  #zone(timeZone: string): string {
    if (!isValidTimeZone(timeZone)) {
      // Apps Script silently formats in GMT for an unknown zone id; the fake refuses so the bug shows.
      throw this.#host.error(`Invalid time zone id "${String(timeZone)}" (the real Utilities would silently use GMT).`);
    }
    return timeZone;
  }

  formatDate(date: GoogleAppsScript.Base.Date | Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      const describe = (v: unknown): string =>
        isDate(v) ? 'Date' : v === null ? 'null' : typeof v === 'string' ? 'String' : typeof v;
      throw this.#host.error(
        `The parameters (${[date, timeZone, format].map(describe).join(',')}) don't match the method signature for Utilities.formatDate.`,
      );
    }
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw this.#host.error('Invalid argument: date');
    const zone = this.#zone(timeZone);
    try {
      return formatJavaDate(ms, zone, format);
    } catch (error) {
      // A bad pattern: Java's IllegalArgumentException message, as an Apps Script exception.
      throw this.#host.error(error instanceof Error ? error.message : String(error));
    }
  }

  parseDate(date: string, timeZone: string, format: string): Date {
    const zone = this.#zone(timeZone);
    let ms: number | null;
    try {
      ms = parseJavaDate(String(date), zone, format, this.#host.clock.now());
    } catch (error) {
      throw this.#host.error(error instanceof Error ? error.message : String(error));
    }
    if (ms === null || Number.isNaN(ms)) throw this.#host.error(`Unparseable date: "${String(date)}"`);
    return this.#host.makeDate(ms);
  }

  newBlob(data: string | number[], contentType?: string, name?: string): FakeBlob {
    if (typeof data !== 'string' && !Array.isArray(data)) {
      throw this.#host.error("The parameters don't match the method signature for Utilities.newBlob.");
    }
    return newBlob(this.#host, data, contentType, name);
  }

  base64Encode(data: string | number[]): string {
    return base64Encode(data);
  }

  toString(): string {
    return 'Utilities';
  }
}
