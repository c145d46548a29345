// Utilities: Java-pattern date formatting/parsing in any zone, UUIDs, sleep (advances the
// simulated clock), base64, digests, blobs and CSV parsing.

import { createHash } from 'node:crypto';
import { type Host, isDate } from './core';
import type { Faked } from './faked';
import { Charset, DigestAlgorithm, MacAlgorithm, RsaAlgorithm, enumName } from './enums';
import { formatJavaDate, parseJavaDate } from './javaDate';
import { isValidTimeZone } from './timezone';
import { parseCsv } from './csv';

type GUtilities = GoogleAppsScript.Utilities.Utilities;
type GBlob = GoogleAppsScript.Base.Blob;

export const MAX_SLEEP_MS = 300_000;

function toSignedBytes(buffer: Uint8Array): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

function fromBytes(bytes: readonly number[]): Buffer {
  return Buffer.from(bytes.map((b) => b & 0xff));
}

function encodeText(text: string, charset?: GoogleAppsScript.Utilities.Charset): Buffer {
  if (charset !== undefined && enumName(charset) === 'US_ASCII') {
    const ascii = Array.from(text, (ch) => (ch.charCodeAt(0) < 128 ? ch : '?')).join('');
    return Buffer.from(ascii, 'latin1');
  }
  return Buffer.from(text, 'utf8');
}

type BlobMethods =
  | 'copyBlob'
  | 'getAs'
  | 'getBlob'
  | 'getBytes'
  | 'getContentType'
  | 'getDataAsString'
  | 'getName'
  | 'isGoogleType'
  | 'setBytes'
  | 'setContentType'
  | 'setDataFromString'
  | 'setName';

export class FakeBlob implements Faked<GBlob, BlobMethods> {
  #data: Buffer;
  #contentType: string | null;
  #name: string | null;
  readonly #host: Host;

  constructor(host: Host, data: Buffer, contentType: string | null, name: string | null) {
    this.#host = host;
    this.#data = data;
    this.#contentType = contentType;
    this.#name = name;
  }
  copyBlob(): FakeBlob {
    return this.#host.wrap('Blob', new FakeBlob(this.#host, Buffer.from(this.#data), this.#contentType, this.#name));
  }
  getAs(contentType: string): FakeBlob {
    if (contentType !== this.#contentType)
      throw this.#host.error(`Conversion from ${this.#contentType} to ${contentType} is not supported by the fake.`);
    return this.copyBlob();
  }
  getBlob(): FakeBlob {
    return this.copyBlob();
  }
  getBytes(): number[] {
    return this.#host.list(toSignedBytes(this.#data));
  }
  getContentType(): string | null {
    return this.#contentType;
  }
  getDataAsString(charset?: string): string {
    return this.#data.toString(charset && /ascii/i.test(charset) ? 'latin1' : 'utf8');
  }
  getName(): string | null {
    return this.#name;
  }
  isGoogleType(): boolean {
    return false;
  }
  setBytes(data: number[]): this {
    this.#data = fromBytes(data);
    return this;
  }
  setContentType(contentType: string | null): this {
    this.#contentType = contentType;
    return this;
  }
  setDataFromString(text: string, _charset?: string): this {
    this.#data = Buffer.from(text, 'utf8');
    return this;
  }
  setName(name: string): this {
    this.#name = name;
    return this;
  }
  toString(): string {
    return 'Blob';
  }
}

export interface UtilitiesWorld {
  host: Host;
  /** Deterministic randomness in [0, 1), so UUIDs repeat between runs. */
  random(): number;
}

type UtilitiesMethods =
  | 'base64Decode'
  | 'base64DecodeWebSafe'
  | 'base64Encode'
  | 'base64EncodeWebSafe'
  | 'computeDigest'
  | 'formatDate'
  | 'formatString'
  | 'getUuid'
  | 'newBlob'
  | 'parseCsv'
  | 'parseDate'
  | 'sleep';

type UtilitiesEnums = 'Charset' | 'DigestAlgorithm' | 'MacAlgorithm' | 'RsaAlgorithm';

const DIGESTS: Record<string, string> = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

export class FakeUtilities implements Faked<GUtilities, UtilitiesMethods>, Pick<GUtilities, UtilitiesEnums> {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm;
  readonly RsaAlgorithm = RsaAlgorithm;
  readonly #world: UtilitiesWorld;

  constructor(world: UtilitiesWorld) {
    this.#world = world;
  }
  get #host(): Host {
    return this.#world.host;
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

  getUuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.#world.random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  sleep(milliseconds: number): void {
    if (typeof milliseconds !== 'number' || milliseconds < 0 || milliseconds > MAX_SLEEP_MS) {
      throw this.#host.error('Invalid argument: milliseconds (0 to 300000)');
    }
    this.#host.clock.advance(milliseconds);
  }

  base64Encode(data: number[] | string, charset?: GoogleAppsScript.Utilities.Charset): string {
    return (typeof data === 'string' ? encodeText(data, charset) : fromBytes(data)).toString('base64');
  }
  base64EncodeWebSafe(data: number[] | string, charset?: GoogleAppsScript.Utilities.Charset): string {
    return this.base64Encode(data, charset).replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string, _charset?: GoogleAppsScript.Utilities.Charset): number[] {
    return this.#host.list(toSignedBytes(Buffer.from(encoded, 'base64')));
  }
  base64DecodeWebSafe(encoded: string, charset?: GoogleAppsScript.Utilities.Charset): number[] {
    return this.base64Decode(encoded.replace(/-/g, '+').replace(/_/g, '/'), charset);
  }
  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: number[] | string,
    charset?: GoogleAppsScript.Utilities.Charset,
  ): number[] {
    const name = DIGESTS[enumName(algorithm)];
    if (!name) throw this.#host.error(`Digest algorithm ${enumName(algorithm)} is not supported by the fake.`);
    const input = typeof value === 'string' ? encodeText(value, charset) : fromBytes(value);
    return this.#host.list(toSignedBytes(createHash(name).update(input).digest()));
  }
  newBlob(data: number[] | string, contentType?: string, name?: string): FakeBlob {
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : fromBytes(data);
    return this.#host.wrap('Blob', new FakeBlob(this.#host, buffer, contentType ?? null, name ?? null));
  }
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return template.replace(/%(%|s|d|i|f|\.\d+f)/g, (token) => {
      if (token === '%%') return '%';
      const arg = args[i++];
      if (token === '%s') return String(arg);
      if (token === '%d' || token === '%i') return String(Math.trunc(Number(arg)));
      const digits = /\.(\d+)f/.exec(token)?.[1];
      return Number(arg).toFixed(digits === undefined ? 6 : Number(digits));
    });
  }
  parseCsv(csv: string, delimiter?: string): string[][] {
    return this.#host.list(parseCsv(csv, delimiter ?? ',').map((row) => this.#host.list(row)));
  }
  toString(): string {
    return 'Utilities';
  }
}
