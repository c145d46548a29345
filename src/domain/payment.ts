// Payment truth on a user's own sheet (docs/own-sheet.md): their Status words, a Paid column that
// holds a date, a tick or yes/no, a Balance, an Amount Received. When the sources disagree the row
// is held for the user, never chased.
import { cellText, formatDateForEmail, parseDateCell, shown, type DateOrder } from './dates';
import { currencyDecimals, formatMoney } from './money';
import type { CellValue, HeldCode, IsoDate, Result, SettledCode } from './types';

/** What a Status word means for the follow-ups. */
export type StatusMeaning =
  | { kind: 'settled'; code: SettledCode }
  | { kind: 'disputed' }
  | { kind: 'on-hold' }
  /** `unpaid`: the word says outright that the money has not come (Unpaid, Overdue, Partially paid). */
  | { kind: 'chase'; unpaid: boolean };

const SETTLED_WORDS: ReadonlyMap<string, SettledCode> = new Map([
  ...[
    'paid',
    'paid in full',
    'fully paid',
    'overpaid',
    'closed',
    'settled',
    'received',
    'payment received',
    'bezahlt',
    'payé',
    'payée',
    'pagado',
  ].map((w): [string, SettledCode] => [w, 'paid']),
  ...['void', 'voided', 'storniert'].map((w): [string, SettledCode] => [w, 'void']),
  ...['cancelled', 'canceled', 'annulé', 'annulée', 'cancelado'].map((w): [string, SettledCode] => [w, 'cancelled']),
  ...['written off', 'write off', 'writeoff', 'written-off', 'bad debt', 'uncollectible'].map((w): [string, SettledCode] => [
    w,
    'written-off',
  ]),
  ...['refunded', 'refund'].map((w): [string, SettledCode] => [w, 'refunded']),
  ...['draft', 'not sent', 'entwurf', 'brouillon'].map((w): [string, SettledCode] => [w, 'draft']),
]);
const UNPAID_WORDS = [
  'unpaid',
  'not paid',
  'overdue',
  'past due',
  'late',
  'partially paid',
  'partiallypaid',
  'partial',
  'part paid',
  'impayé',
  'impayée',
  'en retard',
  'überfällig',
  'offen',
];
const CHASE_WORDS = [
  'sent',
  'open',
  'due',
  'current',
  'awaiting',
  'authorised',
  'authorized',
  'outstanding',
  'pending',
  'awaiting payment',
  'issued',
  'invoiced',
  'viewed',
  'reminder sent',
  'en attente',
  'pendiente',
  'not due',
  'due today',
  'call client',
  'final notice',
  'decide next step',
];
const DISPUTED_WORDS = ['disputed', 'in dispute', 'dispute'];
const ON_HOLD_WORDS = ['on hold', 'hold', 'paused'];

/** How each settled kind is named on the row's status ('Paid', 'Void', …). */
export const SETTLED_LABELS: Record<SettledCode, string> = {
  paid: 'Paid',
  void: 'Void',
  cancelled: 'Cancelled',
  'written-off': 'Written off',
  refunded: 'Refunded',
  draft: 'Draft',
};

/** The words understood, for the message that names an unknown one. */
export const UNDERSTOOD_STATUS_WORDS = [
  'Paid',
  'Void',
  'Cancelled',
  'Written off',
  'Refunded',
  'Draft',
  'Disputed',
  'On hold',
  'Unpaid',
  'Sent',
  'Open',
  'Overdue',
  'Partially paid',
  'Due',
];

/** 'Partially-Paid ✅' → 'partially paid'. */
function statusKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[_\-–]+/g, ' ')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What a user's Status cell means; null for a word the add-on does not know. Blank means chase.
 *
 * @example statusMeaning('Written off') // { kind: 'settled', code: 'written-off' }
 */
export function statusMeaning(value: CellValue): StatusMeaning | null {
  if (typeof value === 'boolean') return value ? { kind: 'settled', code: 'paid' } : { kind: 'chase', unpaid: true };
  const key = statusKey(cellText(value));
  if (key === '') return { kind: 'chase', unpaid: false };
  const settled = SETTLED_WORDS.get(key);
  if (settled !== undefined) return { kind: 'settled', code: settled };
  if (DISPUTED_WORDS.includes(key)) return { kind: 'disputed' };
  if (ON_HOLD_WORDS.includes(key)) return { kind: 'on-hold' };
  if (UNPAID_WORDS.includes(key)) return { kind: 'chase', unpaid: true };
  if (CHASE_WORDS.includes(key)) return { kind: 'chase', unpaid: false };
  return null;
}

export function unknownStatusMessage(value: CellValue): string {
  return (
    `Status '${shown(cellText(value), 40)}' is not a word the add-on knows (it understands ` +
    `${UNDERSTOOD_STATUS_WORDS.join(', ')}) — change the word, or choose another column as Status`
  );
}

/** A Paid cell: paid or not, and the date when it holds one. */
export interface PaidMark {
  paid: boolean;
  date: IsoDate | null;
}

const PAID_YES = new Set(['true', 'yes', 'y', 'x', '✓', '✔', '☑', '✅', 'paid', 'ja', 'oui', 'si', 'sí', 'done']);
const PAID_NO = new Set(['false', 'no', 'n', '☐', '✗', '✘', 'unpaid', 'not paid', 'nein', 'non', '-', '–']);

/**
 * A Paid / Paid Date cell: a date (paid that day), a checkbox, Yes/No, TRUE/FALSE, ✓, 1/0, or
 * blank (not paid). Dates typed as text follow `parseDateCell` (and the column's `dayFirst` rule).
 */
export function readPaidCell(
  value: CellValue,
  locale: string,
  label: string,
  dayFirst = false,
  /** The locale's date order, when the caller has it already (a sheet reads it once, not per cell). */
  localeOrder?: DateOrder,
): Result<PaidMark> {
  if (typeof value === 'boolean') return { ok: true, value: { paid: value, date: null } };
  if (value === 1 || value === 0) return { ok: true, value: { paid: value === 1, date: null } };
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (word === '') return { ok: true, value: { paid: false, date: null } };
    if (PAID_YES.has(word)) return { ok: true, value: { paid: true, date: null } };
    if (PAID_NO.has(word)) return { ok: true, value: { paid: false, date: null } };
  }
  const date = parseDateCell(value, locale, label, dayFirst ? 'DMY' : localeOrder);
  if (!date.ok) return { ok: false, error: `${date.error} (or tick it, or write yes or no)` };
  return { ok: true, value: { paid: date.value !== null, date: date.value } };
}

/** Everything the row says about payment, already read. null = the sheet has no such column or the cell is blank. */
export interface PaymentFacts {
  amount: number;
  currency: string;
  locale: string;
  meaning: StatusMeaning;
  /** The user's Status word as written ('' when none). */
  statusWord: string;
  paid: PaidMark | null;
  amountPaid: number | null;
  balance: number | null;
}

export type PaymentTruth =
  | { kind: 'chase'; balance: number; amountPaid: number; paidDate: IsoDate | null }
  | { kind: 'paid'; balance: number; amountPaid: number; paidDate: IsoDate | null }
  | { kind: 'held'; code: HeldCode; message: string };

/** Which sources say the invoice is paid, in words ("Status says Paid", "Paid is ticked"). */
function paidClaims(f: PaymentFacts): string[] {
  const claims: string[] = [];
  if (f.meaning.kind === 'settled' && f.meaning.code === 'paid') claims.push(`Status says ${shown(f.statusWord, 30)}`);
  if (f.paid?.paid) claims.push(f.paid.date ? `Paid is ${formatDateForEmail(f.paid.date, f.locale)}` : 'Paid is ticked');
  if (f.balance === 0) claims.push('Balance is 0');
  if (f.amountPaid !== null && f.amountPaid >= f.amount && f.amount > 0) claims.push('Amount Paid covers the amount');
  return claims;
}

/** Which sources say money is still owed. */
function owedClaims(f: PaymentFacts): string[] {
  const claims: string[] = [];
  if (f.balance !== null && f.balance > 0) claims.push(`Balance is ${formatMoney(f.balance, f.currency, f.locale)}`);
  if (f.meaning.kind === 'chase' && f.meaning.unpaid) claims.push(`Status says ${shown(f.statusWord, 30)}`);
  return claims;
}

/**
 * The payment truth of a row: what is owed (the Balance column when there is one, else Amount −
 * Amount Paid), whether it is paid, or — when one source says paid and another says owed (Status
 * 'Paid' but Balance 300; Paid ticked but 'Overdue') — held with the reason.
 */
export function paymentTruth(f: PaymentFacts): PaymentTruth {
  const paid = paidClaims(f);
  const owed = owedClaims(f);
  if (paid.length > 0 && owed.length > 0) {
    return {
      kind: 'held',
      code: 'conflicting-payment',
      message: `${paid.join(' and ')}, but ${owed.join(' and ')} — correct whichever is wrong`,
    };
  }
  const scale = 10 ** currencyDecimals(f.currency);
  const units = (n: number): number => Math.round(n * scale);
  const amountPaid = f.amountPaid ?? (f.balance !== null ? Math.max(0, units(f.amount) - units(f.balance)) / scale : 0);
  const balance = f.balance ?? Math.max(0, units(f.amount) - units(amountPaid)) / scale;
  const paidDate = f.paid?.date ?? null;
  // Paid by the sheet's word: nothing is owed, whatever Amount − Amount Paid would say.
  if (paid.length > 0) return { kind: 'paid', balance: 0, amountPaid, paidDate };
  return { kind: 'chase', balance, amountPaid, paidDate };
}
