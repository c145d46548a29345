// Rows that are not invoices (docs/own-sheet.md): a total row under the invoices, a note typed in
// a row of its own, a credit note, the header row pasted again. They get no error and no email,
// only a short status.
import { isBlank } from './cells';
import { cellText, shown } from './dates';
import { creditAmount, formatMoney } from './money';
import type { CellValue, InputField, RowOutcome } from './types';

/** Extra views of the rows, parallel to them: what each cell shows, and its formula ('' for none). */
export interface RowGrids {
  display?: unknown[][];
  formulas?: unknown[][];
}

/** 'Total', 'Grand total', 'Subtotal', 'Totals:', 'Total due', 'Total 2026', 'Sum', 'Summe', 'Gesamt', 'Sous-total'. */
const TOTAL_LABEL =
  /^(?:(?:grand|sub)\s*-?\s*)?totals?(?:\s+(?:due|amount|outstanding|owed|invoiced|paid|\d{4}))?\s*:?$|^(?:sum|summe|gesamt(?:summe)?|zwischensumme|sous-?\s*total|total g[ée]n[ée]ral|totaux)\s*:?$/i;

const SUM_FORMULA = /^=\s*(?:SUM|SUBTOTAL|SUMIF|SUMIFS|SUMME|SOMME)\s*\(/i;

export interface NotInvoiceInput {
  /** Every cell of the row as read (labels often sit in a column the add-on does not read); only text is looked at. */
  cells: readonly unknown[];
  get: (field: InputField) => CellValue;
  /** The Amount cell's formula, '' when none or unknown. */
  amountFormula: string;
  locale: string;
  currency: string;
  /** The header row's names, for a copy of it further down (`headerNames`); absent: not looked for. */
  header?: HeaderNames;
}

/** The header row's names by column, each as `headerName` makes it: [column, name] for every named column. */
export type HeaderNames = ReadonlyArray<readonly [number, string]>;

/** How many cells must repeat the header row's names for a row to be a copy of it. */
const HEADER_COPY_MATCHES = 3;

/** A header cell's name for comparing: case and spacing ignored ('Due  date ' = 'due date'). */
function headerName(cell: unknown): string {
  return typeof cell === 'string' ? cell.toLowerCase().replace(/\s+/g, '') : '';
}

/** The header row's names, once per sheet, for `notInvoiceOutcome` to find a copy of it. */
export function headerNames(headerCells: readonly unknown[]): HeaderNames {
  const names: Array<readonly [number, string]> = [];
  headerCells.forEach((cell, col) => {
    const name = headerName(cell);
    if (name !== '') names.push([col, name]);
  });
  return names;
}

/** `cell` is `name` once case and spacing are ignored; most cells are told apart by their first letter. */
function sameName(cell: string, name: string): boolean {
  const first = cell.charAt(0);
  if (first.toLowerCase().charAt(0) !== name.charAt(0) && first.trim() !== '') return false;
  return headerName(cell) === name;
}

/** The row repeats the header row's names (at least three cells, each in its own column). */
function isHeaderCopy(cells: readonly unknown[], names: HeaderNames): boolean {
  // Fewer named columns than needed: no row can be a copy. Most rows fail on their first cells.
  if (names.length < HEADER_COPY_MATCHES) return false;
  let matches = 0;
  for (let i = 0; i < names.length; i++) {
    const [col, name] = names[i] as readonly [number, string];
    const cell = cells[col];
    if (typeof cell === 'string' && cell.length >= name.length && sameName(cell, name)) matches++;
    if (matches >= HEADER_COPY_MATCHES) return true;
    // Not enough named columns left to reach the count.
    if (matches + (names.length - i - 1) < HEADER_COPY_MATCHES) return false;
  }
  return false;
}

/**
 * A row the add-on takes for something other than an invoice, or null:
 * - the header row pasted again: at least three cells repeat its names (case and spacing ignored);
 * - a credit note: a negative or bracketed amount ('-150.00', '(150.00)');
 * - a total row: a Total / Subtotal / Sum label (the whole cell) with no email and no due date,
 *   or an amount summed by formula (=SUM(…)) with no email;
 * - a note: no invoice number, email, amount or due date, only other text.
 */
export function notInvoiceOutcome(row: NotInvoiceInput): RowOutcome | null {
  const { get } = row;
  if (row.header !== undefined && isHeaderCopy(row.cells, row.header)) {
    return {
      kind: 'not-invoice',
      code: 'header',
      message: 'Header row: this row repeats the column names of the header, so it is not an invoice',
    };
  }
  const credit = creditAmount(get('amount'), row.locale);
  if (credit !== null) {
    const amount = formatMoney(-credit, row.currency, row.locale);
    return {
      kind: 'not-invoice',
      code: 'credit-note',
      message: `Credit note: the amount is negative (${amount}), so nothing is sent`,
    };
  }
  const noEmail = isBlank(get('email'));
  // Only a row without an email can be a total: the others need no label search.
  const label = noEmail ? row.cells.find((c): c is string => typeof c === 'string' && TOTAL_LABEL.test(c.trim())) : undefined;
  if (noEmail && ((label !== undefined && isBlank(get('dueDate'))) || SUM_FORMULA.test(row.amountFormula.trim()))) {
    const what = label !== undefined ? `it says '${shown(cellText(label), 30)}'` : 'its amount is a sum';
    return { kind: 'not-invoice', code: 'total', message: `Total row: ${what} and has no email, so it is not an invoice` };
  }
  if (noEmail && isBlank(get('invoice')) && isBlank(get('amount')) && isBlank(get('dueDate'))) {
    return {
      kind: 'not-invoice',
      code: 'note',
      message: 'Note: this row has no invoice number, email, amount or due date, so it is not an invoice',
    };
  }
  return null;
}
