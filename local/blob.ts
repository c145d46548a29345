// Blob (Utilities.newBlob) and its PDF conversion. `getAs('application/pdf')` on an HTML blob
// prints the HTML to a real PDF with headless Chromium, as Apps Script's own conversion does on
// Google's side, so tests can read the text of the PDF the add-on attaches.

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import type { Host } from './core';
import type { Faked } from './faked';
import { printToPdf, type PrintingChromium } from './pdfPrinter';

type GBlob = GoogleAppsScript.Base.Blob;

/** Where the PDF conversion finds Chromium (LOCAL_CHROMIUM overrides). */
export function chromiumPath(): string {
  return process.env.LOCAL_CHROMIUM ?? '/usr/bin/chromium';
}

/**
 * The Chromium that prints: the default one, already running when LOCAL_CHROMIUM_WS gives its
 * Playwright server endpoint (`npm test` starts one for the whole run); one that LOCAL_CHROMIUM
 * names is always started by the printer itself.
 */
function printingChromium(): PrintingChromium {
  const executablePath = chromiumPath();
  const endpoint = process.env.LOCAL_CHROMIUM === undefined ? process.env.LOCAL_CHROMIUM_WS : undefined;
  return endpoint ? { executablePath, endpoint } : { executablePath };
}

/** Apps Script bytes are Java bytes: -128..127. */
function toJavaBytes(data: Uint8Array): number[] {
  return Array.from(data, (b) => (b > 127 ? b - 256 : b));
}

function fromJavaBytes(data: readonly number[]): Uint8Array {
  return Uint8Array.from(data, (b) => b & 0xff);
}

/**
 * PDFs already printed in this process, by Chromium's path and the SHA-1 of their HTML: the print
 * is a pure function of the HTML, so a test that makes the same letter again (a new runtime on the
 * same sheet and day) reuses the first print.
 */
const printed = new Map<string, Uint8Array>();

/** Prints an HTML document to PDF with headless Chromium (checked at getAs); throws when it fails. */
export function htmlToPdf(html: Uint8Array): Uint8Array {
  const chromium = printingChromium();
  const key = `${chromium.executablePath}\0${crypto.createHash('sha1').update(html).digest('hex')}`;
  const known = printed.get(key);
  if (known) return new Uint8Array(known);
  const pdf = printToPdf(chromium, html);
  printed.set(key, pdf);
  return new Uint8Array(pdf);
}

/** Throws the runtime's own message when the PDF conversion cannot find Chromium. */
function requireChromium(chromium: string): void {
  if (!fs.existsSync(chromium)) {
    throw new Error(`Blob.getAs('application/pdf') needs Chromium at ${chromium} (set LOCAL_CHROMIUM to another path)`);
  }
}

type BlobMethods = 'getAs' | 'getBlob' | 'getBytes' | 'getContentType' | 'getDataAsString' | 'getName' | 'setName';

export class FakeBlob implements Faked<GBlob, BlobMethods> {
  readonly #host: Host;
  /** The bytes, or how to make them: a PDF is printed when first read, not when converted. */
  #data: Uint8Array | (() => Uint8Array);
  readonly #contentType: string | null;
  #name: string | null;

  constructor(host: Host, data: Uint8Array | (() => Uint8Array), contentType: string | null, name: string | null) {
    this.#host = host;
    this.#data = data;
    this.#contentType = contentType;
    this.#name = name;
  }

  /**
   * The content as Node bytes (for the mail fake and tests). A PDF is printed on the first read:
   * most letters a test sends are never opened.
   */
  get data(): Uint8Array {
    if (typeof this.#data === 'function') this.#data = this.#data();
    return this.#data;
  }

  getAs(contentType: string): FakeBlob {
    if (contentType !== 'application/pdf') throw this.#host.error(`Converting to ${String(contentType)} is not faked`);
    if (this.#contentType !== 'text/html') {
      throw this.#host.error(`Converting from ${String(this.#contentType)} to ${contentType} is not supported.`);
    }
    const name = this.#name === null ? null : this.#name.replace(/\.[^.]*$/, '') + '.pdf';
    // A missing Chromium is said at the conversion, as before; the print waits for the first read.
    requireChromium(chromiumPath());
    const html = this.data;
    return wrapBlob(this.#host, new FakeBlob(this.#host, () => htmlToPdf(html), 'application/pdf', name));
  }
  getBlob(): FakeBlob {
    return this;
  }
  getBytes(): number[] {
    return this.#host.list(toJavaBytes(this.data));
  }
  getContentType(): string | null {
    return this.#contentType;
  }
  getDataAsString(): string {
    return Buffer.from(this.data).toString('utf8');
  }
  getName(): string | null {
    return this.#name;
  }
  setName(name: string): FakeBlob {
    this.#name = String(name);
    return this;
  }
  toString(): string {
    return 'Blob';
  }
}

function wrapBlob(host: Host, blob: FakeBlob): FakeBlob {
  return host.wrap('Blob', blob);
}

/** Utilities.newBlob: a string is stored as UTF-8, a byte array as given. */
export function newBlob(host: Host, data: string | readonly number[], contentType?: string, name?: string): FakeBlob {
  const bytes = typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'utf8')) : fromJavaBytes(data);
  return wrapBlob(host, new FakeBlob(host, bytes, contentType ?? null, name ?? null));
}

/** Utilities.base64Encode of a byte array or a UTF-8 string. */
export function base64Encode(data: string | readonly number[]): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(fromJavaBytes(data));
  return bytes.toString('base64');
}
