// Finding the invoice sheet's columns by their header names (README "The invoice sheet" and
// docs/own-sheet.md): case, spaces, punctuation and accents are ignored, '#', 'No', 'Nr' and
// 'Number' are one word, and the headers people really write are accepted, so the add-on adopts
// the tracker a user already keeps. Problems come back as structured issues, worded separately.
import { cellText, shown } from './dates';
import { INPUT_FIELDS, STATUS_FIELDS, type CellValue, type InputField, type SheetField, type StatusField } from './types';

export interface FieldHeader {
  /** The canonical header, as the add-on writes it. */
  title: string;
  /** Other headers accepted for the column, as people write them (best first). */
  aliases: string[];
  /** Headers accepted only when no better one is present (e.g. 'Date' for the issue date). */
  weaker?: string[];
  required: boolean;
}

export const FIELD_HEADERS: Record<SheetField, FieldHeader> = {
  invoice: {
    title: 'Invoice',
    aliases: ['Invoice #', 'Invoice No', 'Invoice Number', 'Number', 'Inv #', 'InvoiceNumber', 'Num'],
    weaker: [
      'Invoice ID',
      'Invoice Ref',
      'Document Number',
      'Rechnungsnummer',
      'Rechnung Nr',
      'Numéro de facture',
      'N° facture',
      'Facture',
    ],
    required: true,
  },
  client: {
    title: 'Client',
    aliases: ['Customer', 'Company', 'Client Name', 'Customer Name', 'Company Name', 'Organisation', 'Organization'],
    weaker: ['Name', 'Bill To', 'Billed To', 'Account', 'Business Name', 'Kunde', 'Nom du client'],
    required: true,
  },
  email: {
    title: 'Email',
    aliases: ['Client Email', 'Contact Email', 'Email Address', 'E-mail', 'Customer Email', 'EmailAddress', 'Send To'],
    weaker: ['Email ID', 'E-Mail-Adresse', 'Courriel', 'Adresse e-mail'],
    required: true,
  },
  amount: {
    title: 'Amount',
    aliases: [
      'Total',
      'Invoice Total',
      'Invoice Amount',
      'Total Amount',
      'Grand Total',
      'Amount Invoiced',
      'Total (incl. VAT)',
      'Gross Amount',
      'Betrag',
      'Rechnungsbetrag',
      'Montant',
      'Montant TTC',
      'Total TTC',
    ],
    weaker: ['Amount Due', 'Total Due', 'Due Amount', 'Amt Due', 'Invoice Value', 'Value', 'Fee'],
    required: true,
  },
  currency: { title: 'Currency', aliases: ['Currency Code', 'Curr', 'CCY', 'Währung', 'Devise'], required: false },
  issueDate: {
    title: 'Issue Date',
    aliases: ['Issued', 'Invoice Date', 'Date Issued', 'Issued On', 'Date Sent', 'Sent Date', 'Sent On', 'InvoiceDate'],
    weaker: ['Date', 'Datum', 'Rechnungsdatum', 'Date de facture', "Date d'émission"],
    required: false,
  },
  dueDate: {
    title: 'Due Date',
    aliases: ['Due', 'Date Due', 'Due On', 'Payment Due', 'Payment Due Date', 'Due By', 'DueDate'],
    weaker: ['Fälligkeit', 'Fällig am', 'Fälligkeitsdatum', 'Échéance', "Date d'échéance"],
    required: true,
  },
  paidDate: {
    title: 'Paid Date',
    aliases: ['Paid', 'Paid On', 'Payment Date', 'Date Paid', 'Payment Received', 'Date Received', 'Paid?', 'Paid (Y/N)'],
    weaker: ['Is Paid', 'Paid (Yes/No)', 'Bezahlt', 'Bezahlt am', 'Zahlungsdatum', 'Payé', 'Date de paiement'],
    required: false,
  },
  amountPaid: {
    title: 'Amount Paid',
    aliases: [
      'Paid Amount',
      'Amount Received',
      'Payment Amount',
      'Received',
      'Total Paid',
      'Payments',
      'InvoiceAmountPaid',
      'Amt Paid',
      'Paid Amt',
      'Amt Received',
      'Received Amount',
      'Paid To Date',
      'Paid So Far',
    ],
    weaker: [
      'Payment',
      'Payments Received',
      'Amount Paid To Date',
      'Amount Paid So Far',
      'Bezahlter Betrag',
      'Gezahlter Betrag',
      'Erhaltener Betrag',
      'Montant payé',
      'Montant réglé',
      'Montant reçu',
      'Importe pagado',
      'Monto pagado',
      'Valor pago',
      'Importo pagato',
      'Betaald bedrag',
    ],
    required: false,
  },
  balance: {
    title: 'Balance',
    aliases: [
      'Balance Due',
      'Outstanding',
      'Amount Outstanding',
      'Outstanding Amount',
      'Outstanding Balance',
      'Amount Owed',
      'Open Amount',
      'Amount Open',
      'Remaining Amount',
      'Balance Remaining',
      'Amount Left',
      'Still Owed',
      'Amt Outstanding',
      'Amt Owed',
    ],
    weaker: [
      'Open Balance',
      'Owed',
      'Remaining',
      'Remaining Balance',
      'Amount Remaining',
      'Left To Pay',
      'Unpaid Amount',
      'InvoiceAmountDue',
      'Offener Betrag',
      'Restbetrag',
      'Reste à payer',
      'Solde',
      'Saldo',
      'Saldo pendiente',
      'Importe pendiente',
      'Valor em aberto',
      'Importo residuo',
      'Openstaand',
      'Openstaand bedrag',
      'Ausstehender Betrag',
      'Montant restant',
      'Restant dû',
    ],
    required: false,
  },
  contactName: {
    title: 'Contact Name',
    aliases: ['Contact', 'Contact Person', 'Attention', 'Attn'],
    weaker: ['Ansprechpartner'],
    required: false,
  },
  billingEmail: {
    title: 'Billing Email',
    aliases: ['Accounts Payable', 'AP Email', 'Billing Contact', 'Accounts Payable Email', 'Billing Email Address'],
    weaker: ['Finance Email', 'Accounts Email', 'Invoice Email'],
    required: false,
  },
  paused: {
    title: 'Paused',
    aliases: ['Hold', 'On Hold', 'Pause', 'Do Not Chase', "Don't Chase", 'Stop Reminders', 'No Reminders'],
    required: false,
  },
  paymentLink: {
    title: 'Payment Link',
    aliases: ['Pay Link', 'Payment URL', 'Pay Online', 'Online Payment Link'],
    weaker: ['Invoice Link', 'Stripe Link', 'PayPal Link'],
    required: false,
  },
  userStatus: {
    title: 'Status',
    aliases: ['Invoice Status', 'Payment Status', 'Paid Status'],
    weaker: ['State', 'Statut', 'Zahlungsstatus'],
    required: false,
  },
  promisedDate: {
    title: 'Promised Date',
    aliases: ['Promise Date', 'Promised By', 'Expected Payment Date', 'Promised Payment Date', 'Payment Promised'],
    weaker: ['Expected Payment', 'Expected Date'],
    required: false,
  },
  consumer: {
    title: 'Consumer',
    aliases: ['Individual', 'B2C', 'Is Consumer', 'Private Client'],
    required: false,
  },
  terms: {
    title: 'Terms',
    aliases: ['Payment Terms', 'Terms of Payment', 'Zahlungsziel', 'Conditions de paiement', 'Condiciones de pago'],
    weaker: ['Credit Terms', 'Zahlungsbedingungen', 'Délai de paiement', 'Plazo de pago'],
    required: false,
  },
  language: {
    title: 'Language',
    aliases: ['Lang', 'Sprache', 'Langue', 'Idioma', 'Taal', 'Lingua', 'Língua', 'Email Language', 'Client Language'],
    required: false,
  },
  phone: {
    title: 'Phone',
    aliases: ['Tel', 'Telephone', 'Mobile', 'Phone Number', 'Billing Phone', 'Telephone Number', 'Mobile Number', 'Cell'],
    weaker: ['Telefon', 'Telefonnummer', 'Téléphone', 'Teléfono', 'Telefone', 'Telefono', 'Telefoon', 'Contact Phone'],
    required: false,
  },
  status: { title: 'Status', aliases: [], required: false },
  stage: { title: 'Stage', aliases: [], required: false },
  daysOverdue: { title: 'Days Overdue', aliases: [], required: false },
  lastFollowUp: { title: 'Last Follow-up', aliases: [], required: false },
  nextFollowUp: { title: 'Next Follow-up', aliases: [], required: false },
};

/** Columns whose meaning decides whether a client is chased: never guessed between two columns. */
const PAYMENT_FIELDS: ReadonlySet<SheetField> = new Set(['amountPaid', 'balance', 'userStatus']);

/** 'Invoice #' → 'invoice', 'Amount Due' → 'amountdue', 'Invoice No.' → 'invoiceno' (kept for the sheet adapter). */
export function normalizeHeader(h: CellValue): string {
  return cellText(h)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const NUMBER_WORDS = new Set(['no', 'nr', 'num', 'nbr', 'number', 'nummer', 'numero']);

/** A bracketed note that says nothing about meaning: a currency, a symbol, a date format ('(EUR)', '($)', '(dd/mm/yyyy)'). */
function isUnitNote(inner: string): boolean {
  const t = inner.trim();
  return /^[A-Za-z]{3}$/.test(t) || !/\p{L}/u.test(t) || /^[dmyj]+([/.\-\s]+[dmyj]+)+$/i.test(t);
}

/**
 * The key headers are matched on: accents, case, spaces and punctuation dropped; '#', 'No',
 * 'Nr', 'Num' and 'N°' all read 'number'; a bracketed unit dropped.
 * 'Invoice No.' → 'invoicenumber', 'Amount (EUR)' → 'amount', 'Échéance' → 'echeance'.
 */
export function headerKey(h: CellValue): string {
  const text = cellText(h)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\(([^()]*)\)/g, (whole, inner: string) => (isUnitNote(inner) ? ' ' : whole))
    .replace(/#|n[°º]/g, ' number ');
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .map((w) => (NUMBER_WORDS.has(w) ? 'number' : w))
    .join('');
}

const ALL_FIELDS: readonly SheetField[] = [...INPUT_FIELDS, ...STATUS_FIELDS];

interface AliasHit {
  field: SheetField;
  /** 0 = the title or a strong alias, 1 = a weaker one. */
  rank: number;
}

/** header key → field. Status titles are kept apart: whether 'Status' is the user's depends on ownership. */
function buildAliasTable(): ReadonlyMap<string, AliasHit> {
  const map = new Map<string, AliasHit>();
  for (const field of ALL_FIELDS) {
    if ((STATUS_FIELDS as readonly string[]).includes(field) || field === 'userStatus') continue;
    const spec = FIELD_HEADERS[field];
    for (const name of [spec.title, ...spec.aliases]) map.set(headerKey(name), { field, rank: 0 });
    for (const name of spec.weaker ?? []) map.set(headerKey(name), { field, rank: 1 });
  }
  for (const name of FIELD_HEADERS.userStatus.aliases) map.set(headerKey(name), { field: 'userStatus', rank: 0 });
  for (const name of FIELD_HEADERS.userStatus.weaker ?? []) map.set(headerKey(name), { field: 'userStatus', rank: 1 });
  return map;
}
const ALIASES = buildAliasTable();

const STATUS_BY_TITLE: ReadonlyMap<string, StatusField> = new Map(
  STATUS_FIELDS.map((f) => [headerKey(FIELD_HEADERS[f].title), f]),
);

// ---------------------------------------------------------------------------------------------
// Mapping a header row

export type HeaderIssueCode =
  | 'no-header-row'
  | 'missing-required'
  | 'ambiguous'
  | 'mapped-column-missing'
  /** A column the add-on does not read that looks like money paid or owed (src/domain/likelyColumns.ts). */
  | 'likely-payment-column';

/** One problem with the header row, for a form (the mapping step) and in words. */
export interface HeaderIssue {
  field: SheetField | null;
  code: HeaderIssueCode;
  message: string;
  /** Headers the user can choose from (ambiguous: the columns claiming the field). */
  candidates: string[];
  /** A blocking issue stops the run until the sheet or the column mapping is fixed. */
  blocking: boolean;
}

export interface HeaderCandidate {
  column: number;
  header: string;
  rank: number;
}

/** The user's choices from the column-mapping step: field → header text ('' = "this sheet has no such column"). */
export type ColumnMapping = Partial<Record<InputField, string>>;

export interface HeaderOptions {
  /**
   * The add-on's own status columns (recognised by the run through developer metadata): status
   * fields come only from here, and a user column named 'Status', 'Stage', … is the user's.
   */
  owned: Partial<Record<StatusField, number>>;
  mapping?: ColumnMapping;
}

export interface HeaderMap {
  /** 0-based column index of each field found. A field claimed by two columns is left out (see `issues`). */
  columns: Partial<Record<SheetField, number>>;
  missingRequired: InputField[];
  /** Status columns the add-on will append. */
  missingStatus: StatusField[];
  /** Fields claimed by more than one column, with the headers as written. */
  duplicates: { field: SheetField; headers: string[] }[];
  /** Every non-empty header, trimmed, in column order. */
  headers: string[];
  /**
   * Every column that says whether an invoice is paid ('Paid?' tick box and 'Date Paid' side by
   * side are common): all are read, and any one that says paid stops the follow-ups. The first is
   * `columns.paidDate`. Pass it to `parseInvoiceSheet` as `paidColumns`. (Only with `owned`
   * given: a caller without it reads one Paid column, so two are an `ambiguous` issue for it.)
   */
  paidColumns: number[];
  /** Every column that could be each field, best first: what a mapping step offers. */
  candidates: Partial<Record<SheetField, HeaderCandidate[]>>;
  issues: HeaderIssue[];
}

interface Column {
  index: number;
  header: string;
}

function headerColumns(headerRow: CellValue[]): Column[] {
  const out: Column[] = [];
  (Array.isArray(headerRow) ? headerRow : []).forEach((cell, index) => {
    const header = cellText(cell ?? '').trim();
    if (header !== '') out.push({ index, header });
  });
  return out;
}

/** What a column can mean on its own: a user's 'Status' is the userStatus input, the other status titles nothing. */
function hitFor(header: string): AliasHit | null {
  const key = headerKey(header);
  const status = STATUS_BY_TITLE.get(key);
  if (status !== undefined) return status === 'status' ? { field: 'userStatus', rank: 0 } : null;
  return ALIASES.get(key) ?? null;
}

function gatherCandidates(columns: Column[], options: HeaderOptions, taken: Set<number>): Map<SheetField, HeaderCandidate[]> {
  const byField = new Map<SheetField, HeaderCandidate[]>();
  for (const { index, header } of columns) {
    if (taken.has(index)) continue;
    const hit = hitFor(header);
    if (hit === null) continue;
    const list = byField.get(hit.field) ?? [];
    list.push({ column: index, header, rank: hit.rank });
    byField.set(hit.field, list);
  }
  for (const list of byField.values()) list.sort((a, b) => a.rank - b.rank || a.column - b.column);
  return byField;
}

/**
 * 'Amount Due' / 'Due Amount' / 'Total Due' beside a plainer 'Amount' or 'Total' is what is still
 * owed (QuickBooks, Wave and Xero exports put the two side by side): it becomes the Balance when
 * there is none.
 */
function amountDueAsBalance(byField: Map<SheetField, HeaderCandidate[]>, amountChosen: boolean): void {
  const amounts = byField.get('amount') ?? [];
  const due = amounts.filter((c) => c.rank === 1 && /^(?:(?:amount|amt|total)due|dueamount)$/.test(headerKey(c.header)));
  const plainer = amountChosen || amounts.some((c) => c.rank === 0);
  if (due.length !== 1 || !plainer || byField.has('balance')) return;
  const [only] = due;
  if (only === undefined) return;
  byField.set(
    'amount',
    amounts.filter((c) => c !== only),
  );
  byField.set('balance', [{ ...only, rank: 0 }]);
}

function listWords(items: string[], last: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1] ?? ''}`;
}

function ambiguousIssue(field: SheetField, claims: HeaderCandidate[]): HeaderIssue {
  const headers = claims.map((c) => c.header);
  const quoted = listWords(
    headers.map((h) => `'${shown(h, 40)}'`),
    'and',
  );
  return {
    field,
    code: 'ambiguous',
    message:
      `${quoted} ${headers.length === 2 ? 'both' : 'all'} look like the ${FIELD_HEADERS[field].title} column — ` +
      'choose which one the add-on reads (sidebar › Columns), or rename the others',
    candidates: headers,
    blocking: true,
  };
}

/** Picks each field's column from its candidates; two equally good claims (or any two for payment fields) are a question. */
function resolveFields(byField: Map<SheetField, HeaderCandidate[]>): {
  columns: Partial<Record<SheetField, number>>;
  issues: HeaderIssue[];
  duplicates: HeaderMap['duplicates'];
} {
  const columns: Partial<Record<SheetField, number>> = {};
  const issues: HeaderIssue[] = [];
  const duplicates: HeaderMap['duplicates'] = [];
  for (const field of ALL_FIELDS) {
    const list = byField.get(field) ?? [];
    const [best] = list;
    if (best === undefined) continue;
    const claims = PAYMENT_FIELDS.has(field) ? list : list.filter((c) => c.rank === best.rank);
    // Several Paid columns are read together (`paidColumns`): the first is the column, no question.
    if (field === 'paidDate') {
      columns[field] = best.column;
      continue;
    }
    if (claims.length > 1) {
      issues.push(ambiguousIssue(field, claims));
      duplicates.push({ field, headers: claims.map((c) => c.header) });
    } else {
      columns[field] = best.column;
    }
  }
  return { columns, issues, duplicates };
}

function findColumn(columns: Column[], header: string): Column | undefined {
  const wanted = header.trim().toLowerCase();
  return columns.find((c) => c.header.toLowerCase() === wanted) ?? columns.find((c) => headerKey(c.header) === headerKey(header));
}

/** The user's saved choices: fields they mapped (or mapped to "none") and the columns those use. */
function applyMapping(
  columns: Column[],
  mapping: ColumnMapping | undefined,
): { chosen: Partial<Record<SheetField, number>>; settled: Set<SheetField>; taken: Set<number>; issues: HeaderIssue[] } {
  const chosen: Partial<Record<SheetField, number>> = {};
  const settled = new Set<SheetField>();
  const taken = new Set<number>();
  const issues: HeaderIssue[] = [];
  for (const field of INPUT_FIELDS) {
    const header = mapping?.[field];
    if (typeof header !== 'string') continue;
    if (header.trim() === '') {
      settled.add(field);
      continue;
    }
    const column = findColumn(columns, header);
    if (column === undefined) {
      issues.push({
        field,
        code: 'mapped-column-missing',
        message: `The column '${shown(header, 40)}' chosen for ${FIELD_HEADERS[field].title} is no longer in the header row — choose again`,
        candidates: [],
        blocking: false,
      });
      continue;
    }
    chosen[field] = column.index;
    settled.add(field);
    taken.add(column.index);
  }
  return { chosen, settled, taken, issues };
}

/** The other way to give due dates: payment terms beside the invoice date (docs/own-sheet.md "Terms instead of a due date"). */
export const DUE_DATE_OR_TERMS = 'add a Due Date column, or a Terms column (e.g. Net 30) beside the invoice date';

function missingIssue(field: InputField): HeaderIssue {
  const spec = FIELD_HEADERS[field];
  const also = spec.aliases.length > 0 ? ` (also accepted: ${spec.aliases.slice(0, 4).join(', ')})` : '';
  const fix = field === 'dueDate' ? DUE_DATE_OR_TERMS : 'add it';
  return {
    field,
    code: 'missing-required',
    message: `No '${spec.title}' column${also} — ${fix}, or choose which column it is (sidebar › Columns)`,
    candidates: [],
    blocking: true,
  };
}

/**
 * Required fields without a column. Due Date is not needed when a Terms column and an issue date
 * are both there: each row's due date is worked out from them.
 */
function missingRequiredFields(columns: Partial<Record<SheetField, number>>, ambiguous: Set<SheetField | null>): InputField[] {
  const termsInstead = columns.terms !== undefined && columns.issueDate !== undefined;
  return INPUT_FIELDS.filter(
    (f) => FIELD_HEADERS[f].required && columns[f] === undefined && !ambiguous.has(f) && !(f === 'dueDate' && termsInstead),
  );
}

function paidColumnsOf(chosen: number | undefined, mapped: boolean, found: HeaderCandidate[]): number[] {
  if (chosen === undefined) return [];
  if (mapped) return [chosen];
  return [chosen, ...found.map((c) => c.column).filter((c) => c !== chosen)];
}

/**
 * The columns of a header row. The add-on's status columns are exactly `options.owned` (a user's
 * 'Status' column is the userStatus input); `options.mapping` (the user's saved choices) wins over
 * the automatic match.
 *
 * @example mapHeaders(['Invoice #', 'Customer Name', 'Email Address', 'Total Due', 'Date Due'], { owned: {} }).columns
 *   // { invoice: 0, client: 1, email: 2, amount: 3, dueDate: 4 }
 */
export function mapHeaders(headerRow: CellValue[], options: HeaderOptions): HeaderMap {
  const all = headerColumns(headerRow);
  const owned = options.owned;
  const ownedIndexes = new Set(Object.values(owned).filter((i): i is number => Number.isInteger(i)));
  const mapped = applyMapping(
    all.filter((c) => !ownedIndexes.has(c.index)),
    options.mapping,
  );
  const byField = gatherCandidates(all, options, new Set([...ownedIndexes, ...mapped.taken]));
  if (!mapped.settled.has('balance')) amountDueAsBalance(byField, mapped.chosen.amount !== undefined);
  for (const field of mapped.settled) byField.delete(field);
  const resolved = resolveFields(byField);
  const columns: Partial<Record<SheetField, number>> = { ...resolved.columns, ...mapped.chosen };
  for (const field of STATUS_FIELDS) if (owned[field] !== undefined) columns[field] = owned[field];
  const ambiguous = new Set(resolved.issues.map((i) => i.field));
  const missingRequired = missingRequiredFields(columns, ambiguous);
  const candidates: HeaderMap['candidates'] = {};
  for (const [field, list] of gatherCandidates(all, options, ownedIndexes)) candidates[field] = list;
  return {
    columns,
    missingRequired,
    missingStatus: STATUS_FIELDS.filter((f) => columns[f] === undefined),
    duplicates: resolved.duplicates,
    headers: all.map((c) => c.header),
    paidColumns: paidColumnsOf(columns.paidDate, mapped.settled.has('paidDate'), byField.get('paidDate') ?? []),
    candidates,
    issues: [...missingRequired.map(missingIssue), ...resolved.issues, ...mapped.issues],
  };
}

// ---------------------------------------------------------------------------------------------
// The header row, anywhere in the top rows

/** Said wherever a missing Due Date column is named. */
const TERMS_NOTE = ' (for due dates, a Terms column such as Net 30 beside the invoice date also works)';

/** How many rows from the top are searched for the header row. */
export const HEADER_SEARCH_ROWS = 20;

const REQUIRED_TITLES = INPUT_FIELDS.filter((f) => FIELD_HEADERS[f].required).map((f) => FIELD_HEADERS[f].title);

export type HeaderRowResult =
  | { ok: true; index: number; map: HeaderMap }
  | { ok: false; issue: HeaderIssue; closest: { index: number; map: HeaderMap } | null };

/**
 * The header row: the first of the top rows (0-based index) that names every required column.
 * A title row or two above it is common. When none does, one `no-header-row` issue says where
 * the header must be and what the closest row lacks.
 */
export function findHeaderRow(topRows: CellValue[][], options: HeaderOptions): HeaderRowResult {
  const rows = (Array.isArray(topRows) ? topRows : []).slice(0, HEADER_SEARCH_ROWS);
  let closest: { index: number; map: HeaderMap; found: number } | null = null;
  for (let index = 0; index < rows.length; index++) {
    const map = mapHeaders(rows[index] ?? [], options);
    if (map.headers.length === 0) continue;
    if (map.missingRequired.length === 0) return { ok: true, index, map };
    const found = REQUIRED_TITLES.length - map.missingRequired.length;
    if (found > 0 && (closest === null || found > closest.found)) closest = { index, map, found };
  }
  const lacking =
    closest === null
      ? ''
      : ` Row ${closest.index + 1} comes closest but has no ${listWords(
          closest.map.missingRequired.map((f) => `'${FIELD_HEADERS[f].title}'`),
          'or',
        )} column${closest.map.missingRequired.includes('dueDate') ? TERMS_NOTE : ''}.`;
  const message =
    `No header row found: put the column names (${REQUIRED_TITLES.join(', ')}) in one row within the first ` +
    `${HEADER_SEARCH_ROWS} rows, above the invoices — a title row above it is fine.${lacking}`;
  return {
    ok: false,
    issue: { field: null, code: 'no-header-row', message, candidates: [], blocking: true },
    closest: closest === null ? null : { index: closest.index, map: closest.map },
  };
}

/**
 * One message about the header row, or null when it is usable: an empty header row, missing
 * required columns, or a field claimed by two columns (the add-on could read the wrong one — e.g.
 * overlook that an invoice was marked paid — so it asks).
 */
export function describeHeaderProblem(map: HeaderMap, sheetName: string): string | null {
  if (map.headers.length === 0) {
    return (
      `The sheet '${shown(sheetName)}' has no headers in row 1. Put the column names in row 1 ` +
      `(${REQUIRED_TITLES.join(', ')}), or use Extensions › Invoice Follow-ups › Set up invoice sheet.`
    );
  }
  const found = `Headers found: ${map.headers.map((h) => shown(h, 40)).join(', ')}.`;
  if (map.missingRequired.length > 0) {
    const aliasNote = (f: InputField): string => {
      const spec = FIELD_HEADERS[f];
      return spec.aliases.length > 0 ? ` (also accepted: ${spec.aliases.slice(0, 4).join(', ')})` : '';
    };
    const [only] = map.missingRequired;
    const what =
      map.missingRequired.length === 1 && only !== undefined
        ? `has no '${FIELD_HEADERS[only].title}' column${aliasNote(only)}`
        : `is missing the columns ${listWords(
            map.missingRequired.map((f) => `'${FIELD_HEADERS[f].title}'${aliasNote(f)}`),
            'and',
          )}`;
    const terms = map.missingRequired.includes('dueDate') ? ` For due dates: ${DUE_DATE_OR_TERMS}${termsHalf(map)}.` : '';
    return `The sheet '${shown(sheetName)}' ${what}.${terms} ${found}`;
  }
  const ambiguous = map.issues.filter((i) => i.code === 'ambiguous');
  if (ambiguous.length > 0) {
    return `The sheet '${shown(sheetName)}' has two columns for one meaning: ${ambiguous.map((i) => i.message).join('; ')}.`;
  }
  return null;
}

/** When a Terms column is there but the invoice date is not (or the other way round): which half is missing. */
function termsHalf(map: HeaderMap): string {
  if (map.columns.terms !== undefined && map.columns.issueDate === undefined)
    return ` — the Terms column is there, but no invoice date column (Issue Date, Invoice Date or Date)`;
  return '';
}

// ---------------------------------------------------------------------------------------------
// The add-on's own status columns

const FALLBACK_STATUS_TITLES: Record<StatusField, string> = {
  status: 'Follow-up Status',
  stage: 'Follow-up Stage',
  daysOverdue: 'Follow-up Days Overdue',
  lastFollowUp: 'Last Follow-up Sent',
  nextFollowUp: 'Next Follow-up Due',
};

/**
 * The header for a new status column: the canonical title when no column already uses it,
 * otherwise a distinct one ('Follow-up Status'), numbered when even that is taken.
 *
 * @example statusColumnTitle('status', ['Invoice', 'Status']) // 'Follow-up Status'
 */
export function statusColumnTitle(field: StatusField, existingHeaders: CellValue[]): string {
  const taken = new Set((Array.isArray(existingHeaders) ? existingHeaders : []).map((h) => headerKey(h ?? '')));
  const title = FIELD_HEADERS[field].title;
  if (!taken.has(headerKey(title))) return title;
  const other = FALLBACK_STATUS_TITLES[field];
  if (!taken.has(headerKey(other))) return other;
  for (let n = 2; ; n++) if (!taken.has(headerKey(`${other} ${n}`))) return `${other} ${n}`;
}
