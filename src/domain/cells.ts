// Cell readers for the invoice rows (README "The invoice sheet"): names, addresses, ticks, links,
// invoice numbers. Each returns a Result whose error is written for a freelancer; nothing throws.
import { cellText, shown } from './dates';
import { plainDecimal } from './money';
import type { CellValue, InputField, Result } from './types';

/** How each input column is named in messages. */
export const FIELD_LABELS: Record<InputField, string> = {
  invoice: 'Invoice number',
  client: 'Client',
  email: 'Email',
  amount: 'Amount',
  currency: 'Currency',
  issueDate: 'Issue date',
  dueDate: 'Due date',
  paidDate: 'Paid date',
  amountPaid: 'Amount paid',
  contactName: 'Contact name',
  billingEmail: 'Billing email',
  paused: 'Paused',
  paymentLink: 'Payment link',
  balance: 'Balance',
  userStatus: 'Status',
  promisedDate: 'Promised date',
  consumer: 'Consumer',
  terms: 'Terms',
  language: 'Language',
  phone: 'Phone',
};

export const MAX_INVOICE_LENGTH = 100;
export const MAX_NAME_LENGTH = 200;
const MAX_LINK_LENGTH = 2000;
const MAX_EMAIL_TEXT = 2000;

// ---------------------------------------------------------------------------------------------
// Cells

/** Anything that is not a CellValue (undefined, null, objects from a careless caller) reads as ''. */
export function asCell(value: unknown): CellValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value !== null && typeof value === 'object' && typeof (value as { date?: unknown }).date === 'string') {
    return value as CellValue;
  }
  return '';
}

export function isBlank(value: CellValue): boolean {
  return typeof value === 'string' && value.trim() === '';
}

const SPREADSHEET_ERRORS = new Set([
  '#REF!',
  '#N/A',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#ERROR!',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
]);

/** The error code when a cell shows a spreadsheet error ('#REF!'), else null. */
export function spreadsheetError(value: CellValue): string | null {
  // Every code has a '#': most cells are read without trimming or upper-casing them.
  if (typeof value !== 'string' || !value.includes('#')) return null;
  const code = value.trim().toUpperCase();
  return SPREADSHEET_ERRORS.has(code) ? code : null;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const INVISIBLE_CHARS = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * The normalised invoice number: trimmed, inner whitespace collapsed, upper-cased; numbers as
 * plain decimals (1001 → '1001'). Two rows with equal keys are the same invoice.
 */
export function invoiceKey(value: CellValue): string {
  const cell = asCell(value);
  if (typeof cell === 'number') return Number.isFinite(cell) ? plainDecimal(cell) : '';
  return cellText(cell).replace(INVISIBLE_CHARS, '').replace(CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim().toUpperCase();
}

/**
 * Text for a name or number that goes into emails: control characters and line breaks become a
 * single space (names are later HTML-escaped; a line break in a name is a pasting accident, not
 * meaning), then trimmed. Otherwise the text is kept exactly as written.
 */
function cleanText(text: string): string {
  return text.replace(INVISIBLE_CHARS, '').replace(CONTROL_CHARS, ' ').trim();
}

export function textField(value: CellValue, label: string, noun: string, max: number): Result<string> {
  if (typeof value === 'boolean') return { ok: false, error: `${label} '${cellText(value)}' is not ${noun}` };
  const text = typeof value === 'number' ? (Number.isFinite(value) ? plainDecimal(value) : '') : cleanText(cellText(value));
  if (text.length > max) return { ok: false, error: `${label} is too long (more than ${max} characters)` };
  return { ok: true, value: text };
}

// ---------------------------------------------------------------------------------------------
// Email addresses

const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/** A plain address 'name@example.com': one '@', no spaces, quotes or brackets, a dotted domain. */
export function isEmailAddress(address: string): boolean {
  if (address.length > 254) return false;
  const at = address.indexOf('@');
  if (at <= 0 || at !== address.lastIndexOf('@')) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((l) => l.length <= 63 && DOMAIN_LABEL.test(l))) return false;
  return /\p{L}/u.test(labels[labels.length - 1] ?? '');
}

/** Split on ',' and ';' outside double quotes ('"Doe, Jane" <jane@x.com>' is one address). */
function splitAddresses(text: string): string[] | null {
  // Without quotes every ',' and ';' separates (the usual cell): no character-by-character walk.
  if (!text.includes('"')) return text.split(/[,;]/);
  const pieces: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if ((ch === ',' || ch === ';') && !quoted) {
      pieces.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (quoted) return null;
  pieces.push(current);
  return pieces;
}

/** 'Jane Doe <jane@x.com>' → 'jane@x.com'; a bare address as it is; null when the brackets are wrong. */
function addressOf(piece: string): string | null {
  let address = piece;
  if (piece.includes('<') || piece.includes('>')) {
    const match = /^(?:\s*"[^"]*"\s*|[^"<>]*)<([^<>]*)>$/.exec(piece);
    if (!match) return null;
    address = (match[1] ?? '').trim();
  }
  return address.replace(/^mailto:/i, '');
}

/**
 * One or more addresses separated by ',' or ';'. Display names are dropped ('Jane <jane@x.com>'
 * → 'jane@x.com'); addresses are de-duplicated case-insensitively, first spelling and order
 * kept. '' → ok([]): whether an address is required is the caller's decision. Line breaks are
 * refused anywhere (they could add mail headers). Never throws.
 */
export function parseEmailList(value: CellValue, label: string): Result<string[]> {
  const cell = asCell(value);
  if (typeof cell !== 'string') {
    return { ok: false, error: `${label} '${shown(cellText(cell))}' is not a valid address` };
  }
  if (/[\r\n\u2028\u2029\u0085]/.test(cell)) {
    return { ok: false, error: `${label} has a line break in it — put the addresses on one line, separated by commas` };
  }
  const text = cell.replace(/\t/g, ' ').trim();
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(text)) {
    return { ok: false, error: `${label} '${shown(text)}' contains an invisible control character` };
  }
  if (text.length > MAX_EMAIL_TEXT) return { ok: false, error: `${label} is too long (more than ${MAX_EMAIL_TEXT} characters)` };
  const pieces = splitAddresses(text);
  if (pieces === null) return { ok: false, error: `${label} '${shown(text)}' has a quote that is never closed` };
  const addresses: string[] = [];
  const seen = new Set<string>();
  for (const raw of pieces) {
    const piece = raw.trim();
    if (piece === '') continue;
    const address = addressOf(piece);
    if (address === null || !isEmailAddress(address)) {
      return { ok: false, error: `${label} '${shown(piece)}' is not a valid address` };
    }
    const lower = address.toLowerCase();
    if (!seen.has(lower)) {
      seen.add(lower);
      addresses.push(address);
    }
  }
  return { ok: true, value: addresses };
}

// ---------------------------------------------------------------------------------------------
// Other cells

const TICKED = new Set(['true', 'yes', 'y', 'x', '✓', '✔', '☑', '✅', '1', 'on', 'paused', 'hold', 'on hold']);
const UNTICKED = new Set(['', 'false', 'no', 'n', '0', 'off', '☐']);

/** A checkbox, or text that reads as one: TRUE / yes / x / ✓ are ticked; '', FALSE, no are not. */
export function parseTick(value: CellValue, label: string): Result<boolean> {
  const cell = asCell(value);
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  if (typeof cell === 'number') {
    if (cell === 1) return { ok: true, value: true };
    if (cell === 0) return { ok: true, value: false };
  }
  const text = cellText(cell).trim().toLowerCase();
  if (typeof cell === 'string' && TICKED.has(text)) return { ok: true, value: true };
  if (typeof cell === 'string' && UNTICKED.has(text)) return { ok: true, value: false };
  return { ok: false, error: `${label} '${shown(cellText(cell))}' is not understood — tick the box, or write yes or no` };
}

/** '' or an http(s) address; anything else ('javascript:…', 'www.x.com', text) is refused. */
export function parsePaymentLink(value: CellValue, label: string): Result<string> {
  const cell = asCell(value);
  const text = typeof cell === 'string' ? cell.trim() : cellText(cell);
  if (text === '') return { ok: true, value: '' };
  const refuse = (why: string): Result<string> => ({ ok: false, error: `${label} '${shown(text)}' ${why}` });
  if (typeof cell !== 'string') return refuse('is not a web address — it must start with https://');
  if (text.length > MAX_LINK_LENGTH)
    return { ok: false, error: `${label} is too long (more than ${MAX_LINK_LENGTH} characters)` };
  if (!/^https?:\/\//i.test(text)) return refuse('is not a web address — it must start with https:// (or http://)');
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f-\u009f<>"'`\\]/.test(text)) return refuse('has spaces or characters a web address cannot contain');
  const host = /^https?:\/\/(?:[^/?#@]*@)?([^/?#:]+)(?::\d{1,5})?(?:[/?#]|$)/i.exec(text)?.[1] ?? '';
  if (!/^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+$/u.test(host) && host.toLowerCase() !== 'localhost') {
    return refuse('is not a complete web address');
  }
  return { ok: true, value: text };
}
