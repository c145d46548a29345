// Payment terms (docs/own-sheet.md "Terms instead of a due date"): a sheet without a Due Date
// column but with an invoice date and a Terms column ('Net 30', '30 days', 'Due on receipt', 'EOM',
// 'Net 15 EOM', '14 Tage', '30 jours') has each row's due date worked out from the two.
import type { SheetWarning } from './dateColumns';
import { addDays, cellText, shown } from './dates';
import type { CellValue, IsoDate, ParsedRow, Result } from './types';

/** Terms as read: `days` after the invoice date, or after the end of its month when `endOfMonth`. */
export interface PaymentTerms {
  days: number;
  endOfMonth: boolean;
}

/** The forms understood, for the message about a Terms cell that cannot be read. */
export const TERMS_FORMS = 'Net 30, 30 days, Due on receipt, EOM or Net 15 EOM';

/** The longest terms read: a year. Beyond it a typo is likelier than a credit term. */
const MAX_TERM_DAYS = 365;

const RECEIPT = new Set([
  'due on receipt',
  'due upon receipt',
  'upon receipt',
  'on receipt',
  'payable on receipt',
  'payable upon receipt',
  'receipt',
  'due immediately',
  'immediate',
  'immediately',
  'payable immediately',
  'sofort',
  'sofort zahlbar',
  'zahlbar sofort',
  'sofort ohne abzug',
  'a reception',
  'a reception de facture',
  'a reception de la facture',
  'des reception',
  'comptant',
  'al contado',
  'contado',
  'pago inmediato',
  'inmediato',
]);

const END_OF_MONTH = new Set([
  'eom',
  'net eom',
  'end of month',
  'end of the month',
  'fin de mois',
  'monatsende',
  'ende des monats',
]);

const DAY_WORDS = '(?:days?|d|tage|tagen|tg|jours?|j|dias|giorni|gg|dagen)';
const LEAD = '(?:(?:payable|due|zahlbar|pago|payment)\\s+)?(?:(?:within|in|innerhalb(?:\\s+von)?|a|sous)\\s+)?';
const NET_DAYS = new RegExp(`^${LEAD}(?:(?:net|n)\\s*/?\\s*)?(\\d{1,3})\\s*${DAY_WORDS}?\\s*(?:net|netto|nets|ohne abzug)?$`);
/** 'Net 15 EOM', '15 EOM', '30 days EOM', 'EOM 15', 'EOM + 15'. */
const DAYS_EOM = new RegExp(`^(?:net\\s*)?(\\d{1,3})\\s*${DAY_WORDS}?\\s*eom$`);
const EOM_DAYS = new RegExp(`^eom\\s*\\+?\\s*(\\d{1,3})\\s*${DAY_WORDS}?$`);
/** An early-payment discount before the terms: '2/10 Net 30', '2% 10 Net 30', '2/10, n/30'. */
const DISCOUNT = /^\d+(?:[.,]\d+)?\s*%?\s*[/ ]\s*\d+\s*,?\s*(?=(?:net|n)\b|n\/)/;

/** 'Net-30 Days.' → 'net 30 days'; 'À réception' → 'a reception'. */
function termsKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-–—_:]+/g, ' ')
    .replace(/\.+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function withinLimit(days: number): PaymentTerms | null {
  return days <= MAX_TERM_DAYS ? { days, endOfMonth: false } : null;
}

/**
 * What a Terms cell says, or null when it cannot be read (blank included): a number of days
 * ('Net 30', 'NET30', 'n/30', '30 days', '14 Tage', '30 jours', 30), on receipt (0 days), the end
 * of the invoice month ('EOM'), or days after it ('Net 15 EOM').
 *
 * @example parseTerms('Net 15 EOM') // { days: 15, endOfMonth: true }
 */
export function parseTerms(value: CellValue): PaymentTerms | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? withinLimit(value) : null;
  if (typeof value !== 'string' || value.length > 80) return null;
  const key = termsKey(value).replace(DISCOUNT, '');
  if (key === '') return null;
  if (RECEIPT.has(key)) return { days: 0, endOfMonth: false };
  if (END_OF_MONTH.has(key)) return { days: 0, endOfMonth: true };
  const eom = DAYS_EOM.exec(key) ?? EOM_DAYS.exec(key);
  if (eom) {
    const terms = withinLimit(Number(eom[1]));
    return terms && { ...terms, endOfMonth: true };
  }
  const net = NET_DAYS.exec(key);
  return net ? withinLimit(Number(net[1])) : null;
}

/** A Terms cell read, or the message naming the forms understood. */
export function readTerms(value: CellValue, label = 'Terms'): Result<PaymentTerms> {
  const terms = parseTerms(value);
  if (terms !== null) return { ok: true, value: terms };
  return {
    ok: false,
    error: `${label} '${shown(cellText(value), 40)}' are not payment terms the add-on reads — write ${TERMS_FORMS}, or add a Due Date column`,
  };
}

/** The last day of the month of `d`. */
function endOfMonth(d: IsoDate): IsoDate {
  const [y = 0, m = 1] = d.split('-').map(Number);
  const next =
    m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/**
 * The due date of an invoice issued on `issued` with these terms: Net 30 is 30 days after the
 * invoice date, EOM the last day of its month, Net 15 EOM 15 days after that.
 *
 * @example dueDateFromTerms('2026-10-10', { days: 15, endOfMonth: true }) // '2026-11-15'
 */
export function dueDateFromTerms(issued: IsoDate, terms: PaymentTerms): IsoDate {
  return addDays(terms.endOfMonth ? endOfMonth(issued) : issued, terms.days);
}

/**
 * Said once per run, like a date column read day first: how many rows had their due date worked
 * out from the Terms column (each row's status says so too). None when no row did.
 */
export function termsWarnings(rows: readonly ParsedRow[], hasDueColumn: boolean): SheetWarning[] {
  let count = 0;
  for (const r of rows) if (r.ok && r.invoice.dueFromTerms !== undefined) count++;
  if (count === 0) return [];
  const rule = 'Net 30: 30 days after it; EOM: the end of its month; Net 15 EOM: 15 days after that';
  const invoices = `${count} invoice${count === 1 ? '' : 's'}`;
  const message = hasDueColumn
    ? `The due date of ${invoices} with a blank Due Date is worked out from the Terms column and the invoice date (${rule}) — fill in the Due Date to set it yourself`
    : `There is no Due Date column, so ${count === 1 ? 'the due date of 1 invoice is' : `the due dates of ${invoices} are`} worked out from the Terms column and the invoice date (${rule}) — add a Due Date column to set them yourself`;
  return [{ field: 'terms', code: 'due-from-terms', message }];
}
