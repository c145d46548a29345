// Reading the invoice rows (SPEC §2): every cell is checked, and a row with a problem becomes an
// InvalidRow whose error is written for a freelancer. Nothing here throws, whatever the cells hold.
import { cellText, formatDateForEmail, parseDateCell, shown } from './dates';
import type { HeaderMap } from './headers';
import {
  currencyDecimals,
  currencyFitsSymbol,
  currencyForLocale,
  currencyForSymbol,
  isCurrencyCode,
  parseAmount,
  plainDecimal,
  roundMoney,
  symbolWords,
  type ParsedAmount,
} from './money';
import { INPUT_FIELDS, type CellValue, type InputField, type Invoice, type IsoDate, type ParsedRow, type Result } from './types';

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
};

const MAX_INVOICE_LENGTH = 100;
const MAX_NAME_LENGTH = 200;
const MAX_LINK_LENGTH = 2000;
const MAX_EMAIL_TEXT = 2000;

// ---------------------------------------------------------------------------------------------
// Cells

/** Anything that is not a CellValue (undefined, null, objects from a careless caller) reads as ''. */
function asCell(value: unknown): CellValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value !== null && typeof value === 'object' && typeof (value as { date?: unknown }).date === 'string') {
    return value as CellValue;
  }
  return '';
}

function isBlank(value: CellValue): boolean {
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
  if (typeof value !== 'string') return null;
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

function textField(value: CellValue, label: string, noun: string, max: number): Result<string> {
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

// ---------------------------------------------------------------------------------------------
// Rows

export interface ParseContext {
  locale: string;
  /** Currency when neither the Amount text nor the Currency column names one ('' → the locale's). */
  defaultCurrency: string;
}

interface Problem {
  order: number;
  message: string;
}

function listRows(rows: number[]): string {
  const shownRows = rows.slice(0, 5).map(String);
  const more = rows.length - shownRows.length;
  if (more > 0) return `${shownRows.join(', ')} and ${more} more`;
  if (shownRows.length <= 1) return shownRows.join('');
  return `${shownRows.slice(0, -1).join(', ')} and ${shownRows[shownRows.length - 1] ?? ''}`;
}

function joinProblems(problems: Problem[]): string {
  const messages: string[] = [];
  for (const p of [...problems].sort((a, b) => a.order - b.order)) {
    if (!messages.includes(p.message)) messages.push(p.message);
  }
  if (messages.length <= 3) return messages.join('; ');
  const rest = messages.length - 3;
  return `${messages.slice(0, 3).join('; ')}; and ${rest} more problem${rest === 1 ? '' : 's'}`;
}

interface RowReading {
  row: number;
  key: string;
  invoiceText: string;
  clientText: string;
  /** Key used for duplicate detection ('' when the invoice cell is empty, an error or a tick box). */
  duplicateKey: string;
  invoice: Invoice | null;
  problems: Problem[];
}

function resolveCurrency(
  parsed: ParsedAmount,
  stated: string | null,
  fallback: string,
  label: string,
  text: string,
  statedWhere: string,
): Result<string> {
  if (parsed.currency !== null) {
    if (stated !== null && stated !== parsed.currency) {
      return { ok: false, error: `${label} '${shown(text)}' is in ${parsed.currency} but ${statedWhere} ${stated}` };
    }
    return { ok: true, value: parsed.currency };
  }
  if (parsed.symbol !== null) {
    if (stated !== null) {
      if (currencyFitsSymbol(stated, parsed.symbol)) return { ok: true, value: stated };
      return { ok: false, error: `${label} '${shown(text)}' is in ${symbolWords(parsed.symbol)} but ${statedWhere} ${stated}` };
    }
    return { ok: true, value: currencyForSymbol(parsed.symbol, fallback) };
  }
  return { ok: true, value: stated ?? fallback };
}

function readRow(
  cells: readonly unknown[],
  columns: HeaderMap['columns'],
  ctx: ParseContext,
  rowNumber: number,
): RowReading | null {
  const cellOf = (field: InputField): CellValue => {
    const col = columns[field];
    return col === undefined ? '' : asCell(cells[col]);
  };
  const values = new Map<InputField, CellValue>(INPUT_FIELDS.map((f) => [f, cellOf(f)]));
  const get = (field: InputField): CellValue => values.get(field) ?? '';

  // An unticked checkbox (FALSE) in Paused or Paid Date is as good as empty.
  const blank = INPUT_FIELDS.every((f) => {
    const v = get(f);
    return isBlank(v) || (v === false && (f === 'paused' || f === 'paidDate'));
  });
  if (blank) return null;

  const problems: Problem[] = [];
  const add = (field: InputField, message: string): void => {
    problems.push({ order: columns[field] ?? Number.MAX_SAFE_INTEGER, message });
  };
  /** The cell, or null after reporting a spreadsheet error in it. */
  const usable = (field: InputField): CellValue | null => {
    const v = get(field);
    const code = spreadsheetError(v);
    if (code === null) return v;
    add(field, `${FIELD_LABELS[field]} shows a spreadsheet error (${code}) — fix the formula in that cell`);
    return null;
  };

  // Invoice number
  let invoiceText = '';
  let key = '';
  let duplicateKey = '';
  const invoiceCell = usable('invoice');
  if (invoiceCell !== null) {
    const text = textField(invoiceCell, FIELD_LABELS.invoice, 'an invoice number', MAX_INVOICE_LENGTH);
    if (!text.ok) add('invoice', text.error);
    else if (text.value === '') add('invoice', 'Invoice number is empty');
    else {
      invoiceText = text.value;
      key = invoiceKey(invoiceCell);
      duplicateKey = key;
    }
    if (!text.ok && typeof invoiceCell === 'string') invoiceText = shown(invoiceCell, MAX_INVOICE_LENGTH);
  } else {
    invoiceText = shown(cellText(get('invoice')));
  }

  // Client
  let client = '';
  const clientCell = usable('client');
  if (clientCell !== null) {
    const text = textField(clientCell, FIELD_LABELS.client, 'a name', MAX_NAME_LENGTH);
    if (!text.ok) add('client', text.error);
    else if (text.value === '') add('client', 'Client is empty');
    else client = text.value;
    if (!text.ok && typeof clientCell === 'string') client = shown(clientCell, MAX_NAME_LENGTH);
  }

  // Email
  let emails: string[] = [];
  const emailCell = usable('email');
  if (emailCell !== null) {
    const list = parseEmailList(emailCell, FIELD_LABELS.email);
    if (!list.ok) add('email', list.error);
    else if (list.value.length === 0) add('email', 'Email is empty');
    else emails = list.value;
  }

  // Currency column
  let stated: string | null = null;
  const currencyCell = usable('currency');
  if (currencyCell !== null && !isBlank(currencyCell)) {
    const code = cellText(currencyCell).trim().toUpperCase();
    if (typeof currencyCell === 'string' && isCurrencyCode(code)) stated = code;
    else {
      add(
        'currency',
        `Currency '${shown(cellText(currencyCell))}' is not a currency code — use a three-letter code such as USD, EUR or GBP`,
      );
    }
  }
  const wanted = String(ctx.defaultCurrency ?? '')
    .trim()
    .toUpperCase();
  const fallback = /^[A-Z]{3}$/.test(wanted) ? wanted : currencyForLocale(ctx.locale);

  // Amount
  let currency = stated ?? fallback;
  let amount: number | null = null;
  const amountCell = usable('amount');
  if (amountCell !== null) {
    const parsed = parseAmount(amountCell, ctx.locale, FIELD_LABELS.amount, currency);
    if (!parsed.ok) add('amount', parsed.error);
    else {
      const resolved = resolveCurrency(
        parsed.value,
        stated,
        fallback,
        FIELD_LABELS.amount,
        cellText(amountCell),
        'Currency says',
      );
      if (!resolved.ok) add('amount', resolved.error);
      else {
        currency = resolved.value;
        amount = roundMoney(parsed.value.amount, currency);
      }
    }
  }

  // Amount paid
  let amountPaid = 0;
  const paidCell = usable('amountPaid');
  if (paidCell !== null && !isBlank(paidCell)) {
    const parsed = parseAmount(paidCell, ctx.locale, FIELD_LABELS.amountPaid, currency);
    if (!parsed.ok) add('amountPaid', parsed.error);
    else {
      const resolved = resolveCurrency(
        parsed.value,
        currency,
        currency,
        FIELD_LABELS.amountPaid,
        cellText(paidCell),
        'the invoice is in',
      );
      if (!resolved.ok) add('amountPaid', resolved.error);
      else amountPaid = roundMoney(parsed.value.amount, currency);
    }
  }

  // Dates
  const dateOf = (field: 'issueDate' | 'dueDate' | 'paidDate'): IsoDate | null => {
    const cell = usable(field);
    if (cell === null) return null;
    if (field === 'paidDate' && typeof cell === 'boolean') {
      if (cell) add(field, 'Paid date is a ticked box — write the date the invoice was paid instead');
      return null;
    }
    const parsed = parseDateCell(cell, ctx.locale, FIELD_LABELS[field]);
    if (!parsed.ok) {
      add(field, parsed.error);
      return null;
    }
    if (parsed.value === null && field === 'dueDate') add(field, 'Due date is empty');
    return parsed.value;
  };
  const issueDate = dateOf('issueDate');
  const dueDate = dateOf('dueDate');
  const paidDate = dateOf('paidDate');
  if (issueDate !== null && dueDate !== null && dueDate < issueDate) {
    add(
      'dueDate',
      `Due date (${formatDateForEmail(dueDate, ctx.locale)}) is before the issue date (${formatDateForEmail(issueDate, ctx.locale)})`,
    );
  }

  // Contact name
  let contactName = '';
  const contactCell = usable('contactName');
  if (contactCell !== null) {
    const text = textField(contactCell, FIELD_LABELS.contactName, 'a name', MAX_NAME_LENGTH);
    if (!text.ok) add('contactName', text.error);
    else contactName = text.value;
  }

  // Billing email
  let billingEmails: string[] = [];
  const billingCell = usable('billingEmail');
  if (billingCell !== null) {
    const list = parseEmailList(billingCell, FIELD_LABELS.billingEmail);
    if (!list.ok) add('billingEmail', list.error);
    else billingEmails = list.value;
  }

  // Paused
  let paused = false;
  const pausedCell = usable('paused');
  if (pausedCell !== null) {
    const tick = parseTick(pausedCell, FIELD_LABELS.paused);
    if (!tick.ok) add('paused', tick.error);
    else paused = tick.value;
  }

  // Payment link
  let paymentLink = '';
  const linkCell = usable('paymentLink');
  if (linkCell !== null) {
    const link = parsePaymentLink(linkCell, FIELD_LABELS.paymentLink);
    if (!link.ok) add('paymentLink', link.error);
    else paymentLink = link.value;
  }

  let invoice: Invoice | null = null;
  if (problems.length === 0 && amount !== null && dueDate !== null) {
    const scale = 10 ** currencyDecimals(currency);
    const balanceUnits = Math.max(0, Math.round(amount * scale) - Math.round(amountPaid * scale));
    invoice = {
      row: rowNumber,
      key,
      invoice: invoiceText,
      client,
      emails,
      amount,
      amountPaid,
      balance: roundMoney(balanceUnits / scale, currency),
      currency,
      issueDate,
      dueDate,
      paidDate,
      contactName,
      billingEmails,
      paused,
      paymentLink,
    };
  }
  return {
    row: rowNumber,
    key,
    invoiceText,
    clientText: shown(client, MAX_NAME_LENGTH),
    duplicateKey,
    invoice,
    problems,
  };
}

/**
 * The data rows (header excluded) as valid invoices or invalid rows with a reason. Row numbers
 * are 1-based sheet rows starting at `firstRow`. Rows whose input cells are all empty are
 * left out. When a row has several problems they are joined with '; ' in the sheet's column
 * order (at most three, then "and N more problems"). Every row sharing an invoice number with
 * another is invalid. Never throws.
 */
export function parseInvoiceRows(
  rows: CellValue[][],
  columns: HeaderMap['columns'],
  ctx: ParseContext,
  firstRow = 2,
): ParsedRow[] {
  const readings: RowReading[] = [];
  const safeRows: readonly unknown[] = Array.isArray(rows) ? rows : [];
  const safeColumns = columns ?? {};
  const start = Number.isInteger(firstRow) ? firstRow : 2;
  safeRows.forEach((raw, index) => {
    const rowNumber = start + index;
    const cells: readonly unknown[] = Array.isArray(raw) ? raw : [];
    let reading: RowReading | null;
    try {
      reading = readRow(cells, safeColumns, ctx, rowNumber);
    } catch {
      // A last safety net: a bug here must cost one row, never the run.
      reading = {
        row: rowNumber,
        key: '',
        invoiceText: '',
        clientText: '',
        duplicateKey: '',
        invoice: null,
        problems: [{ order: 0, message: 'This row could not be read — check its cells for unusual values' }],
      };
    }
    if (reading !== null) readings.push(reading);
  });

  const rowsByKey = new Map<string, number[]>();
  for (const r of readings) {
    if (r.duplicateKey === '') continue;
    const list = rowsByKey.get(r.duplicateKey);
    if (list) list.push(r.row);
    else rowsByKey.set(r.duplicateKey, [r.row]);
  }
  const invoiceOrder = safeColumns.invoice ?? -1;
  return readings.map((r): ParsedRow => {
    const shared = r.duplicateKey === '' ? undefined : rowsByKey.get(r.duplicateKey);
    const problems = [...r.problems];
    if (shared !== undefined && shared.length > 1) {
      problems.push({
        order: invoiceOrder,
        message: `Invoice number '${shown(r.invoiceText)}' is used on rows ${listRows(shared)} — each invoice needs its own number`,
      });
    }
    if (problems.length === 0 && r.invoice !== null) return { ok: true, invoice: r.invoice };
    return {
      ok: false,
      invalid: {
        row: r.row,
        key: r.key === '' ? null : r.key,
        invoice: r.invoiceText,
        client: r.clientText,
        error: joinProblems(problems) || 'This row could not be read — check its cells for unusual values',
      },
    };
  });
}
