// Payment truth on a user's own sheet (docs/own-sheet.md): their Status words, a Paid column that
// holds a date, a tick or yes/no, a Balance, an Amount Received. When the sources disagree the row
// is held for the user, never chased; nor is a row whose Status says part was paid with no amount
// paid or balance to say how much.
import { cellText, formatDateForEmail, parseDateCell, shown, type DateOrder } from './dates';
import { formatMoney, fromMinorUnits, toMinorUnits } from './money';
import { CHASED_STATUS_WORDS } from './stages';
import type { CellValue, HeldCode, IsoDate, Result, SettledCode } from './types';

/** What a Status word means for the follow-ups. */
export type StatusMeaning =
  | { kind: 'settled'; code: SettledCode }
  | { kind: 'disputed' }
  | { kind: 'on-hold' }
  /**
   * `unpaid`: the word says outright that the money has not come (Unpaid, Overdue, Partially paid).
   * `partial`: the word says part of it was paid: how much must be read from Amount Paid or Balance.
   */
  | { kind: 'chase'; unpaid: boolean; partial?: boolean };

/**
 * The Status words the add-on understands, one table per meaning, as people write them (English,
 * Spanish, Portuguese, Italian, Dutch, German, French, and the words of invoicing tools). Case,
 * accents, emoji and punctuation do not count (`statusKey`): 'Pagada', 'PAGADA ✅' and 'pagadá'
 * are one word. A word belongs to one table only.
 */
export const STATUS_WORDS = {
  paid: [
    // English and invoicing tools (QuickBooks, Xero, Zoho, FreshBooks, Wave, Stripe, Invoice Ninja)
    'Paid',
    'Paid in full',
    'Fully paid',
    'Overpaid',
    'Closed',
    'Settled',
    'Received',
    'Payment received',
    'Marked as paid',
    'Marked paid',
    'Auto-paid',
    'Deposited',
    // Spanish
    'Pagada',
    'Pagado',
    'Pagada totalmente',
    'Cobrada',
    'Cobrado',
    'Liquidada',
    'Liquidado',
    'Saldada',
    'Saldado',
    // Portuguese
    'Pago',
    'Paga',
    'Quitada',
    'Quitado',
    'Recebida',
    'Recebido',
    'Pagamento recebido',
    // Italian
    'Pagata',
    'Pagato',
    'Saldata',
    'Saldato',
    'Incassata',
    'Incassato',
    'Pagamento ricevuto',
    // Dutch
    'Betaald',
    'Voldaan',
    'Betaling ontvangen',
    // German
    'Bezahlt',
    'Beglichen',
    'Ausgeglichen',
    'Zahlung erhalten',
    'Zahlung eingegangen',
    // French
    'Payé',
    'Payée',
    'Réglé',
    'Réglée',
    'Acquitté',
    'Acquittée',
    'Soldé',
    'Soldée',
    'Encaissé',
    'Encaissée',
    'Paiement reçu',
  ],
  void: ['Void', 'Voided', 'Deleted', 'Reversed', 'Storniert', 'Storno', 'Stornata', 'Stornato', 'Ongeldig'],
  cancelled: [
    'Cancelled',
    'Canceled',
    // Spanish, Portuguese ('cancelada' is also Latin-American for 'settled': either way nothing is sent)
    'Cancelada',
    'Cancelado',
    'Anulada',
    'Anulado',
    // Italian, Dutch, German, French
    'Annullata',
    'Annullato',
    'Geannuleerd',
    'Annulliert',
    'Annulé',
    'Annulée',
  ],
  'written-off': [
    'Written off',
    'Write off',
    'Writeoff',
    'Bad debt',
    'Uncollectible',
    'Incobrable',
    'Incobrável',
    'Inesigibile',
    'Oninbaar',
    'Afgeschreven',
    'Abgeschrieben',
    'Uneinbringlich',
    'Irrécouvrable',
  ],
  refunded: [
    'Refunded',
    'Refund',
    'Reembolsada',
    'Reembolsado',
    'Rimborsata',
    'Rimborsato',
    'Terugbetaald',
    'Erstattet',
    'Rückerstattet',
    'Remboursé',
    'Remboursée',
  ],
  draft: [
    'Draft',
    'Not sent',
    'Unsent',
    'Borrador',
    'No enviada',
    'Rascunho',
    'Não enviada',
    'Bozza',
    'Non inviata',
    'Concept',
    'Niet verzonden',
    'Entwurf',
    'Nicht versendet',
    'Brouillon',
    'Non envoyée',
  ],
  disputed: [
    'Disputed',
    'In dispute',
    'Dispute',
    // Spanish, Portuguese
    'Disputado',
    'Disputada',
    'En disputa',
    'Em disputa',
    'Contestada',
    'Contestado',
    'En litigio',
    // Italian
    'Contestata',
    'Contestato',
    'In contestazione',
    'Contenzioso',
    // Dutch
    'Betwist',
    'In geschil',
    // German
    'Strittig',
    'Bestritten',
    'Reklamiert',
    // French
    'Contestée',
    'Contesté',
    'En litige',
    'Litige',
  ],
  'on-hold': [
    'On hold',
    'Hold',
    'Paused',
    // Spanish, Portuguese ('en espera' / 'em espera' is how shops translate "on hold")
    'En espera',
    'En pausa',
    'Pausada',
    'Suspendida',
    'Em espera',
    'Em pausa',
    'Suspensa',
    // Italian (not 'in attesa': that is "awaiting [payment]", chased)
    'Sospesa',
    'Sospeso',
    'In pausa',
    // Dutch (not 'in afwachting': that is "awaiting", chased)
    'Gepauzeerd',
    'In de wacht',
    'Aangehouden',
    // German, French
    'Pausiert',
    'Angehalten',
    'Zurückgestellt',
    'En pause',
    'Suspendue',
    'Suspendu',
  ],
  /** Chased: the word says outright that the money has not come (a paid date beside it is a contradiction). */
  unpaid: [
    'Unpaid',
    'Not paid',
    'Overdue',
    'Past due',
    'Late',
    // Spanish
    'Vencida',
    'Vencido',
    'Impagada',
    'Impagado',
    'Impaga',
    'No pagada',
    'No pagado',
    'Sin pagar',
    'Atrasada',
    'En mora',
    // Portuguese
    'Não pago',
    'Não paga',
    'Em atraso',
    'Atrasado',
    // Italian
    'Non pagata',
    'Non pagato',
    'Da pagare',
    'Scaduta',
    'Scaduto',
    'Insoluta',
    'Insoluto',
    'Non saldata',
    'In ritardo',
    // Dutch
    'Onbetaald',
    'Niet betaald',
    'Vervallen',
    'Achterstallig',
    'Te laat',
    // German
    'Offen',
    'Unbezahlt',
    'Nicht bezahlt',
    'Überfällig',
    'Ueberfaellig',
    // French
    'Impayé',
    'Impayée',
    'Non payé',
    'Non payée',
    'Non réglée',
    'En retard',
    'Échue',
    'À payer',
  ],
  /** Chased, for the balance: part was paid, and Amount Paid or Balance says how much. */
  partial: [
    'Partially paid',
    'PartiallyPaid',
    'Partial',
    'Part paid',
    'Partly paid',
    'Partial payment',
    'Part payment',
    // Spanish, Portuguese
    'Parcialmente pagada',
    'Parcialmente pagado',
    'Pagada parcialmente',
    'Pago parcial',
    'Parcial',
    'Parcialmente paga',
    'Parcialmente pago',
    'Pagamento parcial',
    // Italian
    'Parzialmente pagata',
    'Parzialmente pagato',
    'Pagata parzialmente',
    'Pagamento parziale',
    'Parziale',
    // Dutch
    'Gedeeltelijk betaald',
    'Deels betaald',
    'Deelbetaling',
    // German
    'Teilweise bezahlt',
    'Teilbezahlt',
    'Teilweise beglichen',
    'Teilzahlung',
    // French
    'Partiellement payée',
    'Partiellement payé',
    'Payée partiellement',
    'Paiement partiel',
    'Partiellement réglée',
  ],
  /** Chased: the invoice is out and nothing says it is paid (a paid date beside it wins). */
  chase: [
    'Sent',
    'Open',
    'Due',
    'Current',
    'Awaiting',
    'Authorised',
    'Authorized',
    'Outstanding',
    'Pending',
    'Awaiting payment',
    'Payment pending',
    'Issued',
    'Invoiced',
    'Viewed',
    'Marked as sent',
    'Reminder sent',
    // The add-on's own status words, when a copy of its column is read
    ...CHASED_STATUS_WORDS,
    // Spanish
    'Pendiente',
    'Pendiente de pago',
    'Pendiente de cobro',
    'Pago pendiente',
    'Enviada',
    'Emitida',
    'Abierta',
    'Por cobrar',
    // Portuguese
    'Em aberto',
    'Pendente',
    'Pagamento pendente',
    'Aguardando pagamento',
    'Enviado',
    'Emitido',
    'A receber',
    // Italian
    'In attesa',
    'In attesa di pagamento',
    'Inviata',
    'Emessa',
    'Aperta',
    'Da incassare',
    // Dutch
    'Openstaand',
    'In afwachting',
    'In afwachting van betaling',
    'Verzonden',
    'Verstuurd',
    // German
    'Fällig',
    'Faellig',
    'Ausstehend',
    'Zahlung ausstehend',
    'Versendet',
    'Versandt',
    'Gesendet',
    'Gemahnt',
    // French
    'En attente',
    'En attente de paiement',
    'Envoyée',
    'Émise',
    'Ouverte',
    'Relancée',
  ],
} as const satisfies Record<string, readonly string[]>;

/** A table of `STATUS_WORDS`: what its words mean. */
export type StatusWordTable = keyof typeof STATUS_WORDS;

/** What the words of each table mean. */
export const TABLE_MEANINGS: Readonly<Record<StatusWordTable, StatusMeaning>> = {
  paid: { kind: 'settled', code: 'paid' },
  void: { kind: 'settled', code: 'void' },
  cancelled: { kind: 'settled', code: 'cancelled' },
  'written-off': { kind: 'settled', code: 'written-off' },
  refunded: { kind: 'settled', code: 'refunded' },
  draft: { kind: 'settled', code: 'draft' },
  disputed: { kind: 'disputed' },
  'on-hold': { kind: 'on-hold' },
  unpaid: { kind: 'chase', unpaid: true },
  partial: { kind: 'chase', unpaid: true, partial: true },
  chase: { kind: 'chase', unpaid: false },
};

/** Every word's key, and what it means: built once from the tables. */
const MEANING_BY_KEY: ReadonlyMap<string, StatusMeaning> = new Map(
  (Object.keys(STATUS_WORDS) as StatusWordTable[]).flatMap((table) =>
    STATUS_WORDS[table].map((word): [string, StatusMeaning] => [statusKey(word), TABLE_MEANINGS[table]]),
  ),
);

/** A Status cell holding only a tick (✅, ✔, ☑, ✓) means paid, as in a Paid column. */
const TICK_ONLY = /^\s*[\u2705\u2714\u2611\u2713]\uFE0F?\s*$/u;
/** An emoji or other symbol, kept from a Status cell that holds nothing else. */
const SYMBOL = /[\p{So}\p{Sk}\p{Extended_Pictographic}]/u;

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

/**
 * The key a Status word is looked up by: lower case, accents folded, emoji and punctuation gone,
 * spaces single. Idempotent: a key is its own key.
 *
 * @example statusKey('✅ Partially-Paid!') // 'partially paid'
 * @example statusKey('Réglée') // 'reglee'
 */
export function statusKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What a user's Status cell means; null for a word the add-on does not know. Blank means chase.
 *
 * @example statusMeaning('Written off') // { kind: 'settled', code: 'written-off' }
 * @example statusMeaning('💸 Pago parcial') // { kind: 'chase', unpaid: true, partial: true }
 */
export function statusMeaning(value: CellValue): StatusMeaning | null {
  if (typeof value === 'boolean') return value ? TABLE_MEANINGS.paid : TABLE_MEANINGS.unpaid;
  const text = cellText(value);
  const key = statusKey(text);
  if (key === '') {
    // Only a symbol: a tick is paid; another emoji is not a word the add-on can read.
    if (TICK_ONLY.test(text)) return TABLE_MEANINGS.paid;
    return SYMBOL.test(text) ? null : TABLE_MEANINGS.chase;
  }
  return MEANING_BY_KEY.get(key) ?? null;
}

export function unknownStatusMessage(value: CellValue): string {
  return (
    `Status '${shown(cellText(value), 40)}' is not a word the add-on knows (it understands ` +
    `${UNDERSTOOD_STATUS_WORDS.join(', ')}, and the same in Spanish, Portuguese, Italian, Dutch, German and French) — ` +
    'change the word, or choose another column as Status'
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
  /** The columns the sheet has to say how much was paid (absent: none). */
  paymentColumns?: PaymentColumns;
}

/** Which of Amount Paid and Balance the sheet has. */
export interface PaymentColumns {
  amountPaid: boolean;
  balance: boolean;
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

/** Why a row whose Status says part was paid is held: nothing says how much, and what to add. */
function partialUnknownMessage(f: PaymentFacts): string {
  const says = `Status says '${shown(f.statusWord, 30)}' but`;
  const claim = 'or the emails would claim the full amount';
  const { amountPaid = false, balance = false } = f.paymentColumns ?? {};
  if (!amountPaid && !balance) {
    return `${says} there is no Amount Paid or Balance column to read how much: add one, ${claim}`;
  }
  const empty = amountPaid && balance ? 'Amount Paid and Balance are' : amountPaid ? 'Amount Paid is' : 'Balance is';
  return `${says} ${empty} empty on this row: write how much was paid (or what is still owed), ${claim}`;
}

/**
 * The payment truth of a row: what is owed (the Balance column when there is one, else Amount −
 * Amount Paid), whether it is paid, or held with the reason — when one source says paid and
 * another says owed (Status 'Paid' but Balance 300; Paid ticked but 'Overdue'), or when the Status
 * says part was paid and no Amount Paid or Balance says how much (never claim the full amount).
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
  if (f.meaning.kind === 'chase' && f.meaning.partial === true && f.amountPaid === null && f.balance === null) {
    return { kind: 'held', code: 'partial-payment-unknown', message: partialUnknownMessage(f) };
  }
  const minor = (n: number): number => toMinorUnits(n, f.currency);
  const owedAfter = (paidOrOwed: number): number => fromMinorUnits(Math.max(0, minor(f.amount) - minor(paidOrOwed)), f.currency);
  const amountPaid = f.amountPaid ?? (f.balance !== null ? owedAfter(f.balance) : 0);
  const balance = f.balance ?? owedAfter(amountPaid);
  const paidDate = f.paid?.date ?? null;
  // Paid by the sheet's word: nothing is owed, whatever Amount − Amount Paid would say.
  if (paid.length > 0) return { kind: 'paid', balance: 0, amountPaid, paidDate };
  return { kind: 'chase', balance, amountPaid, paidDate };
}
