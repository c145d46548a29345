// Never claim more than is owed (docs/own-sheet.md "A payment column the add-on does not know"): a
// column the add-on does not read, whose header speaks of money paid or owed ('Paid so far', 'Still
// owed', 'Amt rcvd') and which holds amounts, may say that part of an invoice was paid. The run stops
// and the sidebar's Columns step asks about it (Amount Paid, Balance, or not a payment column), with
// the guess pre-filled. Conservative: only a header with such a word and a column of amounts count,
// and a header that also names something else (tax, hours, a rate, terms, a date) never does.
import { cellText } from './dates';
import { headerKey, type HeaderMap } from './headers';
import type { CellValue } from './types';

/** A column that looks like a payment or balance column the add-on does not read, and its best guess. */
export interface LikelyPaymentColumn {
  /** 0-based column index. */
  column: number;
  header: string;
  field: 'amountPaid' | 'balance';
}

/** Words of money received (English, German, Spanish, Portuguese, Italian, Dutch, French; accents dropped). */
const PAID_WORDS = new Set([
  'paid',
  'received',
  'receipts',
  'collected',
  'payment',
  'payments',
  'rcvd',
  'recd',
  'bezahlt',
  'gezahlt',
  'erhalten',
  'eingegangen',
  'pagado',
  'pagada',
  'cobrado',
  'pago',
  'pagos',
  'recebido',
  'pagato',
  'incassato',
  'betaald',
  'ontvangen',
  'paye',
  'payee',
  'regle',
  'recu',
  'encaisse',
]);

/** Words of money still owed. */
const OWED_WORDS = new Set([
  'balance',
  'owed',
  'owing',
  'outstanding',
  'remaining',
  'remainder',
  'unpaid',
  'left',
  'open',
  'due',
  'saldo',
  'rest',
  'restbetrag',
  'offen',
  'offener',
  'offene',
  'ausstehend',
  'openstaand',
  'resterend',
  'pendiente',
  'restante',
  'residuo',
  'dovuto',
  'aberto',
  'restant',
  'reste',
  'solde',
]);

/** Words of money received that count only in a column beside the Amount (a 'Deposit' elsewhere may be anything). */
const BESIDE_AMOUNT_WORDS = new Set(['deposit', 'deposits', 'settled', 'cleared', 'credited']);

const NEGATIONS = new Set(['not', 'non', 'nicht', 'yet', 'noch', 'pas']);

/** A header naming one of these is about something else: it is never asked about. */
const UNRELATED_WORDS = new Set([
  'tax',
  'taxes',
  'vat',
  'tva',
  'mwst',
  'ust',
  'iva',
  'gst',
  'hst',
  'pst',
  'btw',
  'hours',
  'hour',
  'hrs',
  'rate',
  'rates',
  'qty',
  'quantity',
  'discount',
  'day',
  'days',
  'tage',
  'dias',
  'jours',
  'term',
  'terms',
  'method',
  'type',
  'date',
  'dates',
  'datum',
  'fecha',
  'data',
  'id',
  'ref',
  'reference',
  'number',
  'no',
  'nr',
  'num',
  'link',
  'url',
  'count',
  'percent',
  'pct',
  'fee',
  'fees',
  'cost',
  'costs',
  'expense',
  'expenses',
  'commission',
  'tip',
  'tips',
  'year',
  'month',
  'week',
  'status',
  'note',
  'notes',
  'by',
  'via',
  'account',
  'iban',
  'bank',
  // Header words, not stage ids: a "Reminder" column is the user's own note.
  ...'reminder reminders'.split(' '),
  'invoices',
]);

/** The words of a header: camelCase and snake_case split, accents dropped, lower case. */
function headerWords(header: string): string[] {
  return header
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** What a header's words suggest, or null: owed words (or a negated paid word) win over paid words. */
function guessFromHeader(header: string, besideAmount: boolean): LikelyPaymentColumn['field'] | null {
  if (header.includes('%')) return null;
  const words = headerWords(header);
  if (words.some((w) => UNRELATED_WORDS.has(w))) return null;
  const paid = words.some((w) => PAID_WORDS.has(w) || (besideAmount && BESIDE_AMOUNT_WORDS.has(w)));
  const owed = words.some((w) => OWED_WORDS.has(w));
  if (owed || (paid && words.some((w) => NEGATIONS.has(w)))) return 'balance';
  return paid ? 'amountPaid' : null;
}

/** A number, or text that reads as an amount ('$1,200.00', '1.200,50 €', '(150.00)', 'EUR 17'). */
function isAmount(cell: CellValue): boolean {
  if (typeof cell === 'number') return Number.isFinite(cell);
  if (typeof cell !== 'string') return false;
  const t = cell.trim();
  return (
    /\d/.test(t) && /^\(?[-+]?\s*(?:[A-Za-z]{3}|\p{Sc})?\s*[-+]?\d[\d.,'\s\u00a0\u202f]*\s*(?:[A-Za-z]{3}|\p{Sc})?\)?$/u.test(t)
  );
}

/** How many data rows are looked at (a column of amounts shows itself in the first few hundred). */
const ROWS_LOOKED_AT = 500;

/** The column holds amounts: at least one, most of its filled cells, and not only 0s and 1s (a tick box). */
function holdsAmounts(rows: readonly CellValue[][], column: number): boolean {
  let filled = 0;
  let amounts = 0;
  let flagsOnly = true;
  for (const row of rows.slice(0, ROWS_LOOKED_AT)) {
    const cell = row[column] ?? '';
    if (cellText(cell).trim() === '') continue;
    filled++;
    if (!isAmount(cell)) continue;
    amounts++;
    if (!(cell === 0 || cell === 1 || cell === '0' || cell === '1')) flagsOnly = false;
  }
  return amounts > 0 && amounts * 2 >= filled && !flagsOnly;
}

/** Columns the header map reads, or could read (claimed by a field, chosen by the user). */
function knownColumns(map: HeaderMap): Set<number> {
  const known = new Set<number>(Object.values(map.columns).filter((c): c is number => Number.isInteger(c)));
  for (const list of Object.values(map.candidates)) for (const c of list ?? []) known.add(c.column);
  return known;
}

/**
 * Columns the add-on does not read that look like money paid or owed, with the guess. `headerIndex`
 * is the 0-based header row of `grid`; `notPayment` are headers the user said are not payment columns.
 *
 * @example likelyPaymentColumns([['Invoice', 'Client', 'Email', 'Amount', 'Due', 'Paid so far'], ['A', 'B', 'a@b.c', 100, '', 40]], 0, map, [])
 *   // [{ column: 5, header: 'Paid so far', field: 'amountPaid' }]
 */
export function likelyPaymentColumns(
  grid: readonly CellValue[][],
  headerIndex: number,
  map: HeaderMap,
  notPayment: readonly string[],
): LikelyPaymentColumn[] {
  const headerRow = grid[headerIndex] ?? [];
  const rows = grid.slice(headerIndex + 1);
  const known = knownColumns(map);
  const dismissed = new Set(notPayment.map((h) => headerKey(h)));
  const amount = map.columns.amount;
  const out: LikelyPaymentColumn[] = [];
  headerRow.forEach((cell, column) => {
    const header = cellText(cell ?? '').trim();
    if (header === '' || known.has(column) || dismissed.has(headerKey(header))) return;
    const besideAmount = amount !== undefined && Math.abs(column - amount) === 1;
    const field = guessFromHeader(header, besideAmount);
    if (field !== null && holdsAmounts(rows, column)) out.push({ column, header, field });
  });
  return out;
}
