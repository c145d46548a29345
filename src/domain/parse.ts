// Reading the invoice rows (README "The invoice sheet", docs/own-sheet.md): every cell is read by
// its field's parser, a row with a problem becomes an InvalidRow whose message is written for a
// freelancer, and rows that are not invoices to chase (totals, notes, credit notes, paid, void,
// held) say what they are instead of an error. Nothing here throws, whatever the cells hold.
import {
  asCell,
  FIELD_LABELS,
  invoiceKey,
  isBlank,
  MAX_INVOICE_LENGTH,
  MAX_NAME_LENGTH,
  parseEmailList,
  parsePaymentLink,
  parseTick,
  spreadsheetError,
  textField,
} from './cells';
import { cellText, dateOrderForLocale, formatDateForEmail, parseDateCell, shown, type DateOrder } from './dates';
import type { HeaderMap } from './headers';
import { currencyForLocale, parseAmount, roundMoney } from './money';
import {
  paymentTruth,
  readPaidCell,
  SETTLED_LABELS,
  statusMeaning,
  unknownStatusMessage,
  type PaidMark,
  type PaymentColumns,
  type StatusMeaning,
} from './payment';
import { headerNames, notInvoiceOutcome, type HeaderNames, type RowGrids } from './notInvoice';
import { dayFirstColumns, type SheetWarning } from './dateColumns';
import { currencyOfCell, CURRENCY_CELL_FORMS, resolveCurrency, shownCurrency } from './rowCurrency';
import { dueDateFromTerms, readTerms, termsWarnings, TERMS_FORMS, type PaymentTerms } from './terms';
import { parseLanguageCell } from './language';
import {
  type CellValue,
  type EmailLanguage,
  type InputField,
  type Invoice,
  type IsoDate,
  type ParsedRow,
  type RowOutcome,
} from './types';

export { invoiceKey, isEmailAddress, parseEmailList, parsePaymentLink, parseTick } from './cells';
export type { SheetWarning } from './dateColumns';

export interface ParseContext {
  locale: string;
  /** Currency when neither the Amount text nor the Currency column names one ('' → the locale's). */
  defaultCurrency: string;
}

/** Extra views of the same rows: what each cell shows, and its formula (both optional, parallel to the rows). */
export type ParseGrids = RowGrids;

/** The fields whose displayed text the rows are read by ('INV-0042' for 42, '€1.200' for 1200). */
const SHOWN_FIELDS = ['invoice', 'amount'] as const satisfies readonly InputField[];

/** How many columns from the first a reader needs the displayed text of (0: none). */
export function shownWidth(columns: HeaderMap['columns']): number {
  let width = 0;
  for (const field of SHOWN_FIELDS) {
    const col = columns[field];
    if (col !== undefined) width = Math.max(width, col + 1);
  }
  return width;
}

interface Problem {
  order: number;
  message: string;
}

/** Everything read from one row so far. */
interface Fields {
  invoiceText: string;
  key: string;
  duplicateKey: string;
  client: string;
  emails: string[];
  stated: string | null;
  currency: string;
  amount: number | null;
  amountPaid: number | null;
  balance: number | null;
  issueDate: IsoDate | null;
  dueDate: IsoDate | null;
  paid: PaidMark | null;
  contactName: string;
  billingEmails: string[];
  paused: boolean;
  paymentLink: string;
  statusWord: string;
  meaning: StatusMeaning | null;
  promisedDate: IsoDate | null;
  consumer: boolean;
  /** The Terms cell read: null when blank, unreadable (`termsProblem` says why) or not in the sheet. */
  terms: PaymentTerms | null;
  termsText: string;
  termsProblem: string | null;
  /** The Due Date cell is blank, or the sheet has no Due Date column. */
  dueEmpty: boolean;
  /** The Terms the due date was worked out from ('' when the sheet gave the due date). */
  dueFromTerms: string;
  /** The row's Language (null: none given, the default email language applies). */
  language: EmailLanguage | null;
  phone: string;
}

/** What one row offers a field parser: the context, what the cell shows, how each date column is read. */
interface RowScope {
  ctx: ParseContext;
  fallback: string;
  shows: (field: InputField) => string;
  /** The order of a date typed as numbers, per date column (day first for the columns found so). */
  dateOrders: DateOrders;
  /** The other columns that say whether the invoice is paid (beside `paidDate`). */
  morePaid: readonly CellValue[];
}

type DateField = 'issueDate' | 'dueDate' | 'promisedDate' | 'paidDate';
type DateOrders = Record<DateField, DateOrder>;

/** A field that could not be read: the problem, and what was read anyway (the invoice number as written). */
class FieldProblem {
  constructor(
    readonly error: string,
    readonly set: Partial<Fields>,
  ) {}
}

/** What a field parser read (the fields it sets), or the problem. A read field is its record alone: one object per cell. */
type FieldResult = Partial<Fields> | FieldProblem;
type FieldParser = (cell: CellValue, scope: RowScope, sofar: Readonly<Fields>) => FieldResult;

const NOTHING_READ: Partial<Fields> = Object.freeze({});
const done = (set: Partial<Fields>): FieldResult => set;
const fail = (error: string, set: Partial<Fields> = NOTHING_READ): FieldResult => new FieldProblem(error, set);

function readInvoiceNumber(cell: CellValue, scope: RowScope): FieldResult {
  const text = textField(cell, FIELD_LABELS.invoice, 'an invoice number', MAX_INVOICE_LENGTH);
  if (!text.ok) return fail(text.error, typeof cell === 'string' ? { invoiceText: shown(cell, MAX_INVOICE_LENGTH) } : {});
  if (text.value === '') return fail('Invoice number is empty');
  // What the cell shows counts ('INV-0042' for 42 formatted "INV-"0000); the key stays the stored
  // value, so the history of an invoice does not change when its format does.
  const showsAs = typeof cell === 'number' ? shown(scope.shows('invoice'), MAX_INVOICE_LENGTH) : '';
  const key = invoiceKey(cell);
  return done({ invoiceText: showsAs !== '' ? showsAs : text.value, key, duplicateKey: key });
}

// Field records written out per field (not `{ [field]: value }`): a literal of known shape is far
// cheaper to build and merge, and these run for every cell of a large sheet.
function nameSet(field: 'client' | 'contactName', value: string): Partial<Fields> {
  return field === 'client' ? { client: value } : { contactName: value };
}

function paymentSet(field: 'amountPaid' | 'balance', value: number | null): Partial<Fields> {
  return field === 'amountPaid' ? { amountPaid: value } : { balance: value };
}

function dateSet(field: 'issueDate' | 'dueDate' | 'promisedDate', value: IsoDate | null): Partial<Fields> {
  if (field === 'issueDate') return { issueDate: value };
  return field === 'dueDate' ? { dueDate: value } : { promisedDate: value };
}

function readName(field: 'client' | 'contactName', required: boolean): FieldParser {
  return (cell) => {
    const text = textField(cell, FIELD_LABELS[field], 'a name', MAX_NAME_LENGTH);
    if (!text.ok) return fail(text.error, typeof cell === 'string' ? nameSet(field, shown(cell, MAX_NAME_LENGTH)) : {});
    if (required && text.value === '') return fail(`${FIELD_LABELS[field]} is empty`);
    return done(nameSet(field, text.value));
  };
}

const MAX_CELL_ADDRESSES = 50;

function readEmails(field: 'email' | 'billingEmail'): FieldParser {
  return (cell) => {
    const list = parseEmailList(cell, FIELD_LABELS[field]);
    if (!list.ok) return fail(list.error);
    if (field === 'email' && list.value.length === 0) return fail('Email is empty');
    // One email can go to at most 50 addresses (MailApp's limit): a cell with more can never be chased.
    if (list.value.length > MAX_CELL_ADDRESSES)
      return fail(
        `${FIELD_LABELS[field]} has ${list.value.length} addresses, and one email can go to at most ${MAX_CELL_ADDRESSES}: keep only the people who handle this invoice`,
      );
    return done(field === 'email' ? { emails: list.value } : { billingEmails: list.value });
  };
}

/** A code, a symbol ('$' by the spreadsheet's currency) or a name with its code ('Euro (EUR)'). */
function readCurrencyColumn(cell: CellValue, scope: RowScope): FieldResult {
  if (isBlank(cell)) return done({ stated: null, currency: scope.fallback });
  const code = typeof cell === 'string' ? currencyOfCell(cell, [scope.fallback, currencyForLocale(scope.ctx.locale)]) : null;
  if (code !== null) return done({ stated: code, currency: code });
  return fail(`Currency '${shown(cellText(cell))}' is not a currency code or symbol — write ${CURRENCY_CELL_FORMS}`);
}

function readAmount(cell: CellValue, scope: RowScope, sofar: Readonly<Fields>): FieldResult {
  const label = FIELD_LABELS.amount;
  const parsed = parseAmount(cell, scope.ctx.locale, label, sofar.currency);
  if (!parsed.ok) return fail(parsed.error);
  const marked = typeof cell === 'number' ? shownCurrency(scope.shows('amount'), scope.ctx.locale, parsed.value.amount) : null;
  const amountRead = marked ?? parsed.value;
  const text = marked !== null ? scope.shows('amount') : cellText(cell);
  const resolved = resolveCurrency(amountRead, sofar.stated, scope.fallback, { label, text, statedWhere: 'Currency says' });
  if (!resolved.ok) return fail(resolved.error);
  return done({ currency: resolved.value, amount: roundMoney(parsed.value.amount, resolved.value) });
}

/** Amount Paid and Balance: in the invoice's currency; blank is "no information". A negative balance is an overpayment: nothing owed. */
function readPaymentAmount(field: 'amountPaid' | 'balance'): FieldParser {
  return (cell, scope, sofar) => {
    if (isBlank(cell)) return done(paymentSet(field, null));
    const label = FIELD_LABELS[field];
    const parsed = parseAmount(cell, scope.ctx.locale, label, sofar.currency);
    if (!parsed.ok) {
      if (field === 'balance' && /negative/.test(parsed.error)) return done({ balance: 0 });
      return fail(parsed.error);
    }
    const where = { label, text: cellText(cell), statedWhere: 'the invoice is in' };
    const resolved = resolveCurrency(parsed.value, sofar.currency, sofar.currency, where);
    if (!resolved.ok) return fail(resolved.error);
    return done(paymentSet(field, roundMoney(parsed.value.amount, sofar.currency)));
  };
}

const DUE_EMPTY: Partial<Fields> = Object.freeze({ dueDate: null, dueEmpty: true });

function readDate(field: 'issueDate' | 'dueDate' | 'promisedDate'): FieldParser {
  return (cell, scope) => {
    const parsed = parseDateCell(cell, scope.ctx.locale, FIELD_LABELS[field], scope.dateOrders[field]);
    if (!parsed.ok) return fail(parsed.error);
    if (parsed.value === null && field === 'dueDate') return done(DUE_EMPTY);
    return done(dateSet(field, parsed.value));
  };
}

/** Every Paid column read: paid when any says so, dated by the first date found. */
function readPaid(cell: CellValue, scope: RowScope): FieldResult {
  const { locale } = scope.ctx;
  const order = scope.dateOrders.paidDate;
  let paid: PaidMark = { paid: false, date: null };
  for (let i = -1; i < scope.morePaid.length; i++) {
    const each = i < 0 ? cell : (scope.morePaid[i] as CellValue);
    const mark = readPaidCell(each, locale, FIELD_LABELS.paidDate, false, order);
    if (!mark.ok) return fail(mark.error);
    paid = { paid: paid.paid || mark.value.paid, date: paid.date ?? mark.value.date };
  }
  return done({ paid });
}

function readStatusWord(cell: CellValue): FieldResult {
  return done({ statusWord: shown(cellText(cell), 60), meaning: statusMeaning(cell) });
}

function readPaused(cell: CellValue): FieldResult {
  const tick = parseTick(cell, FIELD_LABELS.paused);
  return tick.ok ? done({ paused: tick.value }) : fail(tick.error);
}

function readConsumer(cell: CellValue): FieldResult {
  const tick = parseTick(cell, FIELD_LABELS.consumer);
  return tick.ok ? done({ consumer: tick.value }) : fail(tick.error);
}

/** Payment terms: a problem only when the row has no due date of its own (see `settleDueDate`). */
function readTermsCell(cell: CellValue): FieldResult {
  if (isBlank(cell)) return done(NOTHING_READ);
  const terms = readTerms(cell, FIELD_LABELS.terms);
  if (!terms.ok) return done({ termsProblem: terms.error });
  return done({ terms: terms.value, termsText: typeof cell === 'number' ? `${cell} days` : shown(cellText(cell), 40) });
}

function readLanguage(cell: CellValue): FieldResult {
  const language = parseLanguageCell(cellText(cell), FIELD_LABELS.language);
  return language.ok ? done({ language: language.value }) : fail(language.error);
}

function readPaymentLink(cell: CellValue): FieldResult {
  const link = parsePaymentLink(cell, FIELD_LABELS.paymentLink);
  return link.ok ? done({ paymentLink: link.value }) : fail(link.error);
}

/** The number is for a person to dial: any text is kept as written, never an error (src/domain/phone.ts reads it). */
function readPhone(cell: CellValue): FieldResult {
  return done({ phone: shown(cellText(cell), MAX_NAME_LENGTH) });
}

/** One parser per input column, in reading order (the currency before the amounts that use it). */
const FIELD_PARSERS: readonly [InputField, FieldParser][] = [
  ['invoice', readInvoiceNumber],
  ['client', readName('client', true)],
  ['email', readEmails('email')],
  ['currency', readCurrencyColumn],
  ['amount', readAmount],
  ['amountPaid', readPaymentAmount('amountPaid')],
  ['balance', readPaymentAmount('balance')],
  ['issueDate', readDate('issueDate')],
  ['dueDate', readDate('dueDate')],
  ['paidDate', readPaid],
  ['promisedDate', readDate('promisedDate')],
  ['contactName', readName('contactName', false)],
  ['billingEmail', readEmails('billingEmail')],
  ['paused', readPaused],
  ['paymentLink', readPaymentLink],
  ['userStatus', readStatusWord],
  ['consumer', readConsumer],
  ['terms', readTermsCell],
  ['language', readLanguage],
  ['phone', readPhone],
];

function emptyFields(fallback: string): Fields {
  return {
    invoiceText: '',
    key: '',
    duplicateKey: '',
    client: '',
    emails: [],
    stated: null,
    currency: fallback,
    amount: null,
    amountPaid: null,
    balance: null,
    issueDate: null,
    dueDate: null,
    paid: null,
    contactName: '',
    billingEmails: [],
    paused: false,
    paymentLink: '',
    statusWord: '',
    meaning: { kind: 'chase', unpaid: false },
    promisedDate: null,
    consumer: false,
    terms: null,
    termsText: '',
    termsProblem: null,
    dueEmpty: false,
    dueFromTerms: '',
    language: null,
    phone: '',
  };
}

/**
 * A column's answers so far, by cell: a sheet repeats its clients, addresses, dates and amounts, and
 * a cell read once is not parsed again. An answer that also depends on the row (`memoOn`) is kept
 * with what it depended on, and used only when that is the same. Cleared when full, so it stays small.
 */
interface Remembered {
  a: unknown;
  b: unknown;
  c: unknown;
  result: FieldResult;
}
type Memo = Map<unknown, Remembered>;
const MEMO_LIMIT = 4096;

/**
 * What decides a field's answer besides its cell: nothing ('cell'); for an amount, what a number
 * shows, the Currency column and the currency so far ('amount'); for a payment, the currency ('payment').
 */
type MemoOn = 'cell' | 'amount' | 'payment';

/** One input column as a sheet reads it: its parser, where its cell is, and where its problems sort. */
interface ColumnRead {
  field: InputField;
  parse: FieldParser;
  col: number | undefined;
  order: number;
  /** Remembered answers (null for a column whose answer depends on more than `memoOn` says). */
  memo: Memo | null;
  memoOn: MemoOn;
}

/** The invoice number depends on what its cell shows, the Paid columns on each other: those are always read. */
function memoFor(field: InputField, morePaid: boolean): { memo: Memo | null; memoOn: MemoOn } {
  if (field === 'invoice' || (field === 'paidDate' && morePaid)) return { memo: null, memoOn: 'cell' };
  if (field === 'amount') return { memo: new Map(), memoOn: 'amount' };
  if (field === 'amountPaid' || field === 'balance') return { memo: new Map(), memoOn: 'payment' };
  return { memo: new Map(), memoOn: 'cell' };
}

/** The field's answer, from the column's memo when the same cell was read before in the same circumstances. */
function parseCell(read: ColumnRead, cell: CellValue, scope: RowScope, sofar: Readonly<Fields>): FieldResult {
  const { memo, memoOn } = read;
  if (memo === null || (memoOn !== 'cell' && typeof cell === 'object')) return read.parse(cell, scope, sofar);
  let a: unknown, b: unknown, c: unknown;
  if (memoOn === 'amount') {
    a = typeof cell === 'number' ? scope.shows('amount') : '';
    b = sofar.stated;
    c = sofar.currency;
  } else if (memoOn === 'payment') a = sofar.currency;
  const known = memo.get(cell);
  if (known !== undefined && known.a === a && known.b === b && known.c === c) return known.result;
  const result = read.parse(cell, scope, sofar);
  if (known === undefined && memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(cell, { a, b, c, result });
  return result;
}

/** Reads every field with its parser; problems are ordered by the sheet's column order. `values` parallels `reads`. */
function readFields(values: readonly CellValue[], reads: readonly ColumnRead[], scope: RowScope, dueOrder: number) {
  // One fresh record per row, filled in place: a copy per field costs more than the parsing.
  const fields = emptyFields(scope.fallback);
  const problems: Problem[] = [];
  for (let i = 0; i < reads.length; i++) {
    const read = reads[i] as ColumnRead;
    const { field, order } = read;
    const cell = values[i] as CellValue;
    const code = spreadsheetError(cell);
    if (code !== null) {
      problems.push({
        order,
        message: `${FIELD_LABELS[field]} shows a spreadsheet error (${code}) — fix the formula in that cell`,
      });
      if (field === 'invoice') fields.invoiceText = shown(cellText(cell));
      continue;
    }
    const result = parseCell(read, cell, scope, fields);
    if (result instanceof FieldProblem) {
      Object.assign(fields, result.set);
      problems.push({ order, message: result.error });
    } else Object.assign(fields, result);
  }
  if (fields.dueEmpty) settleDueDate(fields, problems, reads, dueOrder);
  if (fields.issueDate !== null && fields.dueDate !== null && fields.dueDate < fields.issueDate) {
    const locale = scope.ctx.locale;
    problems.push({
      order: dueOrder,
      message: `Due date (${formatDateForEmail(fields.dueDate, locale)}) is before the issue date (${formatDateForEmail(fields.issueDate, locale)})`,
    });
  }
  return { fields, problems };
}

/**
 * A row without a due date: worked out from its Terms and issue date when the sheet has a Terms
 * column (docs/own-sheet.md "Terms instead of a due date"); otherwise 'Due date is empty'.
 */
function settleDueDate(fields: Fields, problems: Problem[], reads: readonly ColumnRead[], dueOrder: number): void {
  const column = (field: InputField): ColumnRead | undefined => reads.find((r) => r.field === field && r.col !== undefined);
  const terms = column('terms');
  if (terms === undefined) {
    problems.push({ order: dueOrder, message: 'Due date is empty' });
    return;
  }
  const said = (order: number | undefined): boolean => problems.some((p) => p.order === order);
  if (fields.termsProblem !== null) problems.push({ order: terms.order, message: fields.termsProblem });
  else if (fields.terms === null && !said(terms.order)) {
    const message =
      column('dueDate') === undefined
        ? `Terms is empty — write ${TERMS_FORMS}: the due date is worked out from them and the issue date`
        : `Due date is empty, and so is Terms — write the due date, or terms such as Net 30`;
    problems.push({ order: terms.order, message });
  }
  const issue = column('issueDate');
  if (fields.issueDate === null && !said(issue?.order)) {
    const message = `Issue date is empty — the due date is worked out from it and the Terms${fields.termsText ? ` (${fields.termsText})` : ''}`;
    problems.push({ order: issue?.order ?? terms.order, message });
  }
  if (fields.terms === null || fields.issueDate === null) return;
  fields.dueDate = dueDateFromTerms(fields.issueDate, fields.terms);
  fields.dueFromTerms = fields.termsText;
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
  /** Set when the row is not an invoice to chase for a reason other than its cells' problems. */
  outcome: RowOutcome | null;
}

/** A valid row's invoice (paid or to chase), or the reason it is held. */
function invoiceOf(fields: Fields, rowNumber: number, locale: string, paymentColumns: PaymentColumns): Invoice | RowOutcome {
  const amount = fields.amount ?? 0;
  const meaning = fields.meaning ?? { kind: 'chase', unpaid: false };
  const truth = paymentTruth({
    amount,
    currency: fields.currency,
    locale,
    meaning,
    statusWord: fields.statusWord,
    paid: fields.paid,
    amountPaid: fields.amountPaid,
    balance: fields.balance,
    paymentColumns,
  });
  if (truth.kind === 'held') return { kind: 'held', code: truth.code, message: truth.message };
  return {
    row: rowNumber,
    key: fields.key,
    invoice: fields.invoiceText,
    client: fields.client,
    emails: fields.emails,
    amount,
    amountPaid: truth.amountPaid,
    balance: truth.balance,
    currency: fields.currency,
    issueDate: fields.issueDate,
    dueDate: fields.dueDate ?? '',
    paidDate: truth.paidDate,
    paid: truth.kind === 'paid',
    contactName: fields.contactName,
    billingEmails: fields.billingEmails,
    paused: fields.paused || meaning.kind === 'on-hold',
    disputed: meaning.kind === 'disputed',
    paymentLink: fields.paymentLink,
    userStatus: fields.statusWord,
    promisedDate: fields.promisedDate,
    ...(fields.consumer ? { consumer: true } : {}),
    ...(fields.dueFromTerms !== '' ? { dueFromTerms: fields.dueFromTerms } : {}),
    ...(fields.language !== null ? { language: fields.language } : {}),
    ...(fields.phone !== '' ? { phone: fields.phone } : {}),
  };
}

/** What the row is, decided from its payment words once its cells are read. */
function decide(
  fields: Fields,
  problems: Problem[],
  rowNumber: number,
  sheet: Pick<SheetScope, 'ctx' | 'paymentColumns'>,
): { invoice: Invoice | null; outcome: RowOutcome | null } {
  const meaning = fields.meaning;
  if (meaning !== null && meaning.kind === 'settled' && (meaning.code !== 'paid' || problems.length > 0)) {
    const word = SETTLED_LABELS[meaning.code];
    return {
      invoice: null,
      outcome: {
        kind: 'settled',
        code: meaning.code,
        message: `${word}: the Status column says '${shown(fields.statusWord, 30)}', so nothing is sent`,
      },
    };
  }
  if (problems.length > 0) return { invoice: null, outcome: null };
  if (meaning === null) {
    return {
      invoice: null,
      outcome: { kind: 'held', code: 'unknown-status-word', message: unknownStatusMessage(fields.statusWord) },
    };
  }
  const read = invoiceOf(fields, rowNumber, sheet.ctx.locale, sheet.paymentColumns);
  return 'kind' in read ? { invoice: null, outcome: read } : { invoice: read, outcome: null };
}

function gridCell(grid: unknown[][] | undefined, index: number, col: number | undefined): string {
  if (col === undefined || !Array.isArray(grid)) return '';
  const row = grid[index];
  const value = Array.isArray(row) ? row[col] : undefined;
  return typeof value === 'string' ? value : '';
}

/** An unticked checkbox (FALSE) in Paused or Paid is as good as empty. `values` parallels `reads`. */
function isBlankRow(values: readonly CellValue[], reads: readonly ColumnRead[]): boolean {
  for (let i = 0; i < reads.length; i++) {
    const v = values[i] as CellValue;
    if (isBlank(v)) continue;
    const f = (reads[i] as ColumnRead).field;
    if (!(v === false && (f === 'paused' || f === 'paidDate' || f === 'consumer'))) return false;
  }
  return true;
}

/** What a sheet decides once for all its rows: where each field is, how its dates read, its other Paid columns. */
interface SheetScope {
  columns: HeaderMap['columns'];
  reads: readonly ColumnRead[];
  /** Position of each field in `reads`. */
  readAt: Readonly<Record<InputField, number>>;
  /** Paid-like columns other than `columns.paidDate`. */
  morePaidColumns: number[];
  ctx: ParseContext;
  fallback: string;
  grids: RowGrids;
  dateOrders: DateOrders;
  /** Which of Amount Paid and Balance the sheet has (a Status 'Partially paid' needs one). */
  paymentColumns: PaymentColumns;
  /** The header row's names, for a copy of it further down; undefined when not given. */
  header: HeaderNames | undefined;
}

function sheetScope(
  columns: HeaderMap['columns'],
  ctx: ParseContext,
  fallback: string,
  options: ParseOptions,
  dayFirst: ReadonlySet<InputField>,
): SheetScope {
  const paidColumns = (options.paidColumns ?? []).filter((c) => Number.isInteger(c));
  const morePaidColumns = paidColumns.filter((c) => c !== columns.paidDate);
  const reads = FIELD_PARSERS.map(([field, parse]): ColumnRead => {
    const col = columns[field];
    return { field, parse, col, order: col ?? Number.MAX_SAFE_INTEGER, ...memoFor(field, morePaidColumns.length > 0) };
  });
  const readAt = {} as Record<InputField, number>;
  reads.forEach((r, i) => (readAt[r.field] = i));
  const localeOrder = dateOrderForLocale(ctx.locale);
  const orderOf = (field: DateField): DateOrder => (dayFirst.has(field) ? 'DMY' : localeOrder);
  return {
    columns,
    reads,
    readAt,
    morePaidColumns,
    ctx,
    fallback,
    grids: options,
    paymentColumns: { amountPaid: columns.amountPaid !== undefined, balance: columns.balance !== undefined },
    header: Array.isArray(options.headerCells) ? headerNames(options.headerCells) : undefined,
    dateOrders: {
      issueDate: orderOf('issueDate'),
      dueDate: orderOf('dueDate'),
      promisedDate: orderOf('promisedDate'),
      paidDate: orderOf('paidDate'),
    },
  };
}

const NO_CELLS: readonly CellValue[] = Object.freeze([]);

function readRow(cells: readonly unknown[], index: number, rowNumber: number, sheet: SheetScope): RowReading | null {
  const { columns, ctx, grids, reads, readAt } = sheet;
  const values: CellValue[] = new Array<CellValue>(reads.length);
  for (let i = 0; i < reads.length; i++) {
    const col = (reads[i] as ColumnRead).col;
    values[i] = col === undefined ? '' : asCell(cells[col]);
  }
  if (isBlankRow(values, reads)) return null;
  const get = (field: InputField): CellValue => values[readAt[field]] as CellValue;
  const shows = (field: InputField): string => gridCell(grids.display, index, columns[field]);
  const notInvoice = notInvoiceOutcome({
    cells,
    get,
    amountFormula: gridCell(grids.formulas, index, columns.amount),
    locale: ctx.locale,
    currency: sheet.fallback,
    header: sheet.header,
  });
  if (notInvoice !== null) {
    const invoiceText = shown(shows('invoice') || cellText(get('invoice')), MAX_INVOICE_LENGTH);
    const clientText = shown(cellText(get('client')), MAX_NAME_LENGTH);
    return {
      row: rowNumber,
      key: '',
      invoiceText,
      clientText,
      duplicateKey: '',
      invoice: null,
      problems: [],
      outcome: notInvoice,
    };
  }
  const morePaid = sheet.morePaidColumns.length === 0 ? NO_CELLS : sheet.morePaidColumns.map((c) => asCell(cells[c]));
  const scope: RowScope = { ctx, fallback: sheet.fallback, shows, dateOrders: sheet.dateOrders, morePaid };
  const { fields, problems } = readFields(values, reads, scope, columns.dueDate ?? Number.MAX_SAFE_INTEGER);
  const { invoice, outcome } = decide(fields, problems, rowNumber, sheet);
  // A row the user marked settled (Void, Paid on a half-filled row…) is not an error and does not
  // clash with the invoice that reuses its number.
  const settled = outcome !== null && outcome.kind === 'settled';
  return {
    row: rowNumber,
    key: fields.key,
    invoiceText: fields.invoiceText,
    clientText: shown(fields.client, MAX_NAME_LENGTH),
    duplicateKey: settled ? '' : fields.duplicateKey,
    invoice,
    problems: settled ? [] : problems,
    outcome,
  };
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

const UNREADABLE = 'This row could not be read — check its cells for unusual values';

function safeReadRow(raw: unknown, index: number, rowNumber: number, sheet: SheetScope): RowReading | null {
  const cells: readonly unknown[] = Array.isArray(raw) ? raw : [];
  try {
    return readRow(cells, index, rowNumber, sheet);
  } catch {
    // A last safety net: a bug here must cost one row, never the run.
    const problems = [{ order: 0, message: UNREADABLE }];
    return { row: rowNumber, key: '', invoiceText: '', clientText: '', duplicateKey: '', invoice: null, problems, outcome: null };
  }
}

/** The reading as a ParsedRow, with the rows it shares its invoice number with (when more than itself). */
function toParsedRow(r: RowReading, shared: number[] | undefined, invoiceOrder: number): ParsedRow {
  if (r.problems.length === 0 && r.invoice !== null && (shared === undefined || shared.length <= 1)) {
    return { ok: true, invoice: r.invoice };
  }
  const problems = [...r.problems];
  if (shared !== undefined && shared.length > 1) {
    problems.push({
      order: invoiceOrder,
      message: `Invoice number '${shown(r.invoiceText)}' is used on rows ${listRows(shared)} — each invoice needs its own number`,
    });
  }
  if (problems.length === 0 && r.invoice !== null) return { ok: true, invoice: r.invoice };
  const outcome: RowOutcome =
    problems.length === 0 && r.outcome !== null
      ? r.outcome
      : { kind: 'error', code: 'invalid-cells', message: joinProblems(problems) || UNREADABLE };
  const key = r.key === '' ? null : r.key;
  return {
    ok: false,
    invalid: { row: r.row, key, invoice: r.invoiceText, client: r.clientText, error: outcome.message, outcome },
  };
}

export interface ParseOptions extends RowGrids {
  /** 1-based sheet row of the first data row (2 when the header is in row 1). */
  firstRow?: number;
  /** Every Paid-like column (`HeaderMap.paidColumns`); by default only `columns.paidDate`. */
  paidColumns?: number[];
  /** The header row's cells: a data row repeating them (the header pasted again) is a 'Header row'. */
  headerCells?: readonly unknown[];
}

/** The rows as parsed, and findings about whole columns (a date column read day first). */
export interface ParsedSheet {
  rows: ParsedRow[];
  warnings: SheetWarning[];
}

/**
 * The data rows (header excluded) as invoices or rows with an outcome, plus column warnings.
 * `display` (what each cell shows) and `formulas` are optional grids parallel to `rows`.
 * Rows whose input cells are all empty are left out. A row that repeats an earlier row of its
 * invoice number in every cell read is a 'duplicate' of it (the earlier one is read as usual);
 * every other row sharing an invoice number with another is invalid. Never throws.
 */
export function parseInvoiceSheet(
  rows: CellValue[][],
  columns: HeaderMap['columns'],
  ctx: ParseContext,
  options: ParseOptions = {},
): ParsedSheet {
  const safeRows: readonly unknown[] = Array.isArray(rows) ? rows : [];
  const safeColumns = columns ?? {};
  const start = Number.isInteger(options.firstRow) ? (options.firstRow as number) : 2;
  const wanted = String(ctx.defaultCurrency ?? '')
    .trim()
    .toUpperCase();
  const fallback = /^[A-Z]{3}$/.test(wanted) ? wanted : currencyForLocale(ctx.locale);
  const days = dayFirstColumns(safeRows, safeColumns, ctx.locale);
  const sheet = sheetScope(safeColumns, ctx, fallback, options, days.dayFirst);
  const readings = readAllRows(safeRows, start, sheet);
  const rowsByKey = sharedNumbers(readings);
  const copies = copiesOfRows(
    rowsByKey,
    (row) => safeRows[row - start],
    (row) => row - start,
    sheet,
  );
  const invoiceOrder = safeColumns.invoice ?? -1;
  const parsed = readings.map((r): ParsedRow => {
    const original = copies.size === 0 ? undefined : copies.get('ok' in r ? r.invoice.row : r.row);
    if (original !== undefined) return duplicateRow(r, original);
    if (!('ok' in r)) return toParsedRow(r, r.duplicateKey === '' ? undefined : rowsByKey.get(r.duplicateKey), invoiceOrder);
    const shared = r.invoice.key === '' ? undefined : rowsByKey.get(r.invoice.key);
    return shared === undefined ? r : toParsedRow(readingOf(r.invoice), shared, invoiceOrder);
  });
  return { rows: parsed, warnings: [...days.warnings, ...termsWarnings(parsed, safeColumns.dueDate !== undefined)] };
}

/** A row read well: its ParsedRow as it is returned. */
type ReadWell = { ok: true; invoice: Invoice };

/**
 * Every row read: a row read well is its invoice at once (its reading is no longer needed unless
 * its number turns out to be shared, and can be told again from the invoice); the others keep
 * their reading. A large sheet then keeps one object per row, not three, while it is read.
 */
function readAllRows(rows: readonly unknown[], start: number, sheet: SheetScope): Array<ReadWell | RowReading> {
  const out: Array<ReadWell | RowReading> = [];
  for (let index = 0; index < rows.length; index++) {
    const reading = safeReadRow(rows[index], index, start + index, sheet);
    if (reading === null) continue;
    out.push(reading.invoice !== null && reading.problems.length === 0 ? { ok: true, invoice: reading.invoice } : reading);
  }
  return out;
}

/** The reading of a row read well, told again from its invoice (what `readRow` returned for it). */
function readingOf(invoice: Invoice): RowReading {
  const { row, key } = invoice;
  const clientText = shown(invoice.client, MAX_NAME_LENGTH);
  return { row, key, invoiceText: invoice.invoice, clientText, duplicateKey: key, invoice, problems: [], outcome: null };
}

/**
 * Rows that repeat an earlier row of the same invoice number in every cell the add-on reads (its
 * value, and what the invoice number and amount show): each copy's row, and the row it copies. Those
 * copies are taken out of `rowsByKey`; a number left on one row is no longer shared.
 */
function copiesOfRows(
  rowsByKey: Map<string, number[]>,
  cellsOf: (row: number) => unknown,
  indexOf: (row: number) => number,
  sheet: SheetScope,
): Map<number, number> {
  const copies = new Map<number, number>();
  for (const [key, rows] of rowsByKey) {
    const distinct: number[] = [];
    for (const row of rows) {
      const same = distinct.find((first) => sameInputs(first, row, cellsOf, indexOf, sheet));
      if (same === undefined) distinct.push(row);
      else copies.set(row, same);
    }
    if (distinct.length === rows.length) continue;
    if (distinct.length > 1) rowsByKey.set(key, distinct);
    else rowsByKey.delete(key);
  }
  return copies;
}

/** Two rows hold the same value in every cell the add-on reads, and show the same invoice number and amount. */
function sameInputs(
  a: number,
  b: number,
  cellsOf: (row: number) => unknown,
  indexOf: (row: number) => number,
  sheet: SheetScope,
): boolean {
  const [rowA, rowB] = [cellsOf(a), cellsOf(b)];
  if (!Array.isArray(rowA) || !Array.isArray(rowB)) return false;
  const columns = [...sheet.reads.map((r) => r.col), ...sheet.morePaidColumns];
  for (const col of columns) {
    if (col !== undefined && !sameValue(asCell(rowA[col]), asCell(rowB[col]))) return false;
  }
  const shows = (row: number, field: InputField) => gridCell(sheet.grids.display, indexOf(row), sheet.columns[field]);
  return SHOWN_FIELDS.every((field) => shows(a, field) === shows(b, field));
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (typeof a === 'object' || typeof b === 'object') {
    return typeof a === 'object' && typeof b === 'object' && a.date === b.date;
  }
  return Object.is(a, b) || a === b;
}

/** A copy of an earlier row of the same invoice: labelled, not chased, not an error. */
function duplicateRow(r: ReadWell | RowReading, original: number): ParsedRow {
  const { row, invoiceText, clientText } = 'ok' in r ? readingOf(r.invoice) : r;
  const message =
    `Duplicate of row ${original}: the same invoice ${shown(invoiceText)} in every cell the add-on reads, ` +
    `so it is followed up once, on row ${original}`;
  const outcome: RowOutcome = { kind: 'not-invoice', code: 'duplicate', message, of: original };
  return { ok: false, invalid: { row, key: null, invoice: invoiceText, client: clientText, error: message, outcome } };
}

/** The rows of each invoice number used more than once (a list per number only for those). */
function sharedNumbers(readings: ReadonlyArray<ReadWell | RowReading>): Map<string, number[]> {
  const firstRowOf = new Map<string, number>();
  const rowsByKey = new Map<string, number[]>();
  for (const r of readings) {
    const { row, duplicateKey } = 'ok' in r ? { row: r.invoice.row, duplicateKey: r.invoice.key } : r;
    if (duplicateKey === '') continue;
    const first = firstRowOf.get(duplicateKey);
    if (first === undefined) firstRowOf.set(duplicateKey, row);
    else {
      const list = rowsByKey.get(duplicateKey);
      if (list) list.push(row);
      else rowsByKey.set(duplicateKey, [first, row]);
    }
  }
  return rowsByKey;
}
