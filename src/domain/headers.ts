// Finding the invoice sheet's columns by their header names (SPEC §2): case, spaces and
// punctuation are ignored and common aliases are accepted, so users can reorder, rename within
// reason and add their own columns.
import { cellText, shown } from './dates';
import { INPUT_FIELDS, STATUS_FIELDS, type CellValue, type InputField, type SheetField, type StatusField } from './types';

export interface FieldHeader {
  /** The canonical header, as the add-on writes it. */
  title: string;
  /** Other headers accepted for the column. */
  aliases: string[];
  required: boolean;
}

export const FIELD_HEADERS: Record<SheetField, FieldHeader> = {
  invoice: { title: 'Invoice', aliases: ['Invoice #', 'Invoice No', 'Invoice Number', 'Number'], required: true },
  client: { title: 'Client', aliases: ['Customer', 'Company'], required: true },
  email: { title: 'Email', aliases: ['Client Email', 'Contact Email'], required: true },
  amount: { title: 'Amount', aliases: ['Total', 'Amount Due', 'Invoice Total'], required: true },
  currency: { title: 'Currency', aliases: [], required: false },
  issueDate: { title: 'Issue Date', aliases: ['Issued', 'Date', 'Invoice Date'], required: false },
  dueDate: { title: 'Due Date', aliases: ['Due'], required: true },
  paidDate: { title: 'Paid Date', aliases: ['Paid', 'Paid On', 'Payment Date'], required: false },
  amountPaid: { title: 'Amount Paid', aliases: ['Paid Amount'], required: false },
  contactName: { title: 'Contact Name', aliases: ['Contact'], required: false },
  billingEmail: {
    title: 'Billing Email',
    aliases: ['Accounts Payable', 'AP Email', 'Billing Contact'],
    required: false,
  },
  paused: { title: 'Paused', aliases: ['Hold', 'On Hold'], required: false },
  paymentLink: { title: 'Payment Link', aliases: [], required: false },
  status: { title: 'Status', aliases: [], required: false },
  stage: { title: 'Stage', aliases: [], required: false },
  daysOverdue: { title: 'Days Overdue', aliases: [], required: false },
  lastFollowUp: { title: 'Last Follow-up', aliases: [], required: false },
  nextFollowUp: { title: 'Next Follow-up', aliases: [], required: false },
};

export interface HeaderMap {
  /** 0-based column index of each field found (the first column when a field appears twice). */
  columns: Partial<Record<SheetField, number>>;
  missingRequired: InputField[];
  /** Status columns the add-on will append. */
  missingStatus: StatusField[];
  /** Fields whose column appears more than once, with the headers as written. */
  duplicates: { field: SheetField; headers: string[] }[];
  /** Every non-empty header, trimmed, in column order. */
  headers: string[];
}

/** 'Invoice #' → 'invoice', 'Amount Due' → 'amountdue', 'Invoice No.' → 'invoiceno'. */
export function normalizeHeader(h: CellValue): string {
  return cellText(h)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const ALL_FIELDS: readonly SheetField[] = [...INPUT_FIELDS, ...STATUS_FIELDS];

/** normalised header → field. A Map, so a header such as 'constructor' never finds a prototype. */
const FIELD_BY_HEADER: ReadonlyMap<string, SheetField> = (() => {
  const map = new Map<string, SheetField>();
  for (const field of ALL_FIELDS) {
    const spec = FIELD_HEADERS[field];
    for (const name of [spec.title, ...spec.aliases]) map.set(normalizeHeader(name), field);
  }
  return map;
})();

/** The field a header names, or null. */
export function fieldForHeader(h: CellValue): SheetField | null {
  return FIELD_BY_HEADER.get(normalizeHeader(h)) ?? null;
}

export function mapHeaders(headerRow: CellValue[]): HeaderMap {
  const columns: Partial<Record<SheetField, number>> = {};
  const seen = new Map<SheetField, string[]>();
  const headers: string[] = [];
  (Array.isArray(headerRow) ? headerRow : []).forEach((cell, index) => {
    const text = cellText(cell ?? '').trim();
    if (text === '') return;
    headers.push(text);
    const field = fieldForHeader(text);
    if (field === null) return;
    const written = seen.get(field);
    if (written === undefined) {
      seen.set(field, [text]);
      columns[field] = index;
    } else {
      written.push(text);
    }
  });
  const duplicates = [...seen.entries()]
    .filter(([, written]) => written.length > 1)
    .map(([field, written]) => ({ field, headers: written }));
  return {
    columns,
    missingRequired: INPUT_FIELDS.filter((f) => FIELD_HEADERS[f].required && columns[f] === undefined),
    missingStatus: STATUS_FIELDS.filter((f) => columns[f] === undefined),
    duplicates,
    headers,
  };
}

function listWords(items: string[], last: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1] ?? ''}`;
}

function aliasNote(field: SheetField): string {
  const spec = FIELD_HEADERS[field];
  return spec.aliases.length > 0 ? ` (also accepted: ${spec.aliases.join(', ')})` : '';
}

/**
 * One message about the header row, or null when it is usable: an empty header row, missing
 * required columns, or a column that appears twice.
 *
 * Any duplicated field is a problem, not only required ones: with both 'Paid' and 'Paid Date'
 * (or two 'Status' columns) the add-on could read or write the wrong one — e.g. overlook that an
 * invoice was marked paid — so it asks the user to keep one.
 */
export function describeHeaderProblem(map: HeaderMap, sheetName: string): string | null {
  const required = INPUT_FIELDS.filter((f) => FIELD_HEADERS[f].required).map((f) => FIELD_HEADERS[f].title);
  if (map.headers.length === 0) {
    return (
      `The sheet '${shown(sheetName)}' has no headers in row 1. Put the column names in row 1 ` +
      `(${required.join(', ')}), or use Follow-ups › Set up invoice sheet.`
    );
  }
  const found = `Headers found: ${map.headers.map((h) => shown(h, 40)).join(', ')}.`;
  if (map.missingRequired.length > 0) {
    const [only] = map.missingRequired;
    const what =
      map.missingRequired.length === 1 && only !== undefined
        ? `has no '${FIELD_HEADERS[only].title}' column${aliasNote(only)}`
        : `is missing the columns ${listWords(
            map.missingRequired.map((f) => `'${FIELD_HEADERS[f].title}'${aliasNote(f)}`),
            'and',
          )}`;
    return `The sheet '${shown(sheetName)}' ${what}. ${found}`;
  }
  if (map.duplicates.length > 0) {
    const parts = map.duplicates.map(
      (d) =>
        `${listWords(
          d.headers.map((h) => `'${shown(h, 40)}'`),
          'and',
        )} ${d.headers.length === 2 ? 'both' : 'all'} mean the ${FIELD_HEADERS[d.field].title} column`,
    );
    return `The sheet '${shown(sheetName)}' has a column twice: ${parts.join('; ')}. Keep one of them and rename or delete the others.`;
  }
  return null;
}
