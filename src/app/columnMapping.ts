// The sidebar's Columns step (docs/own-sheet.md "Two columns, one meaning"): each field with the
// sheet's headers to choose from, pre-filled with the best guesses, the first rows as the add-on
// will read them with that choice, and the choice saved per spreadsheet.
import { cellText, formatDateForEmail } from '../domain/dates';
import { FIELD_HEADERS, headerKey, type ColumnMapping, type HeaderMap } from '../domain/headers';
import { currencyForLocale, formatMoney } from '../domain/money';
import { parseInvoiceSheet } from '../domain/parse';
import { outcomeStatus } from '../domain/plan';
import { INPUT_FIELDS, type CellValue, type InputField, type ParsedRow } from '../domain/types';
import { changeAuthor, recordChange } from './changeJournal';
import {
  cleanMapping,
  cleanNotPayment,
  COLUMN_MAPPING_KEY,
  NOT_PAYMENT_KEY,
  readColumnMapping,
  readHeader,
  readNotPaymentColumns,
  type SheetHeader,
} from './columns';
import { loadConfig } from './config';
import type { Ports, SheetGrids } from './ports';
import type { ColumnFieldView, ColumnQuestionView, ColumnRowView, ColumnsView } from './sidebarTypes';

/** How many data rows the step shows as the add-on will read them. */
const PREVIEW_ROWS = 3;

/** The Columns step for the saved choice (`mapping` null) or for a choice being made in the sidebar. */
export function columnsView(ports: Ports, mapping: ColumnMapping | null, notPayment: string[] | null = null): ColumnsView {
  const { settings } = loadConfig(ports.store);
  const saved = readColumnMapping(ports.store);
  const savedNot = readNotPaymentColumns(ports.store);
  const not = notPayment ?? savedNot;
  const sheet = ports.spreadsheet.find(settings.sheetName);
  const empty = { sheetName: settings.sheetName, headerRow: null, headers: [], fields: [], rows: [], saved, questions: [] };
  if (!sheet)
    return { ...empty, notPayment: savedNot, problems: [`There is no sheet named '${settings.sheetName}'.`], needed: true };
  const grids = sheet.readGrids();
  const owned = sheet.ownedColumns();
  const read = (choice: ColumnMapping, notRead: readonly string[]) =>
    readHeader(grids.cells, owned, choice, sheet.name, [], notRead);
  const savedReading = read(saved, savedNot);
  const first = read(mapping ?? saved, not);
  const base = first.ok ? first.header : first.closest;
  // Where two columns claim one meaning, the best-ranked is the guess; the preview reads with it.
  const chosen = { ...guesses(base?.map ?? null), ...(mapping ?? saved) };
  const reading = read(chosen, not);
  const header = reading.ok ? reading.header : (reading.closest ?? base);
  // Every column in question, answered or not: from the saved choice, with none set aside.
  const asked = read(saved, []);
  const askedHeader = asked.ok ? asked.header : asked.closest;
  return {
    sheetName: sheet.name,
    headerRow: header ? header.index + 1 : null,
    headers: headerTexts(grids.cells[header?.index ?? 0] ?? [], owned),
    fields: header ? fieldViews(header, grids.cells, base?.map.issues ?? []) : [],
    rows: reading.ok ? previewRows(ports, reading.header, grids) : [],
    problems: reading.ok ? [] : [reading.problem],
    needed: !savedReading.ok,
    saved,
    questions: questions(askedHeader?.map ?? null, mapping ?? saved, not),
    notPayment: savedNot,
  };
}

/**
 * Saves the user's choice when the sheet can be read with it; says why not otherwise. A choice that
 * changes which column is read for a field is noted in the change journal for the daily summary.
 * `rawNotPayment` (the headers that are not payment columns) is kept as saved when not given.
 */
export function saveColumns(ports: Ports, raw: unknown, rawNotPayment?: unknown): { problems: string[]; view: ColumnsView } {
  const mapping = cleanMapping(raw);
  const notPayment =
    rawNotPayment === undefined || rawNotPayment === null ? readNotPaymentColumns(ports.store) : cleanNotPayment(rawNotPayment);
  const view = columnsView(ports, mapping, notPayment);
  if (view.problems.length > 0) return { problems: view.problems, view };
  // The choice as it will be saved (no guesses filled in) must let runs go ahead.
  const stillAsked = unansweredQuestion(ports, mapping, notPayment);
  if (stillAsked !== null) return { problems: [stillAsked], view };
  const before = columnsView(ports, null);
  ports.store.writeJson(COLUMN_MAPPING_KEY, mapping);
  if (notPayment.length > 0) ports.store.writeJson(NOT_PAYMENT_KEY, notPayment);
  else ports.store.delete(NOT_PAYMENT_KEY);
  const after = columnsView(ports, null);
  const changed = [...changedColumns(before, after), ...setAside(before.notPayment, after.notPayment)];
  if (changed.length > 0) recordChange(ports.store, { ...changeAuthor(ports), what: 'columns', detail: changed.join(', ') });
  return { problems: [], view: after };
}

/** Why the choice, exactly as it would be saved, still leaves a payment column unanswered (null: none). */
function unansweredQuestion(ports: Ports, mapping: ColumnMapping, notPayment: readonly string[]): string | null {
  const sheet = ports.spreadsheet.find(loadConfig(ports.store).settings.sheetName);
  if (!sheet) return null;
  const reading = readHeader(sheet.readGrids().cells, sheet.ownedColumns(), mapping, sheet.name, [], notPayment);
  if (reading.ok) return null;
  const likely = reading.closest?.map.issues.find((i) => i.code === 'likely-payment-column');
  return likely ? `${likely.message}.` : null;
}

/** The fields now read from another column than before, by their titles ('Email, Due Date'). */
function changedColumns(before: ColumnsView, after: ColumnsView): string[] {
  const read = (view: ColumnsView, title: string): string => view.fields.find((f) => f.title === title)?.header ?? '';
  return after.fields.filter((f) => read(before, f.title) !== f.header).map((f) => f.title);
}

/** The headers newly said not to be payment columns, in the journal's words. */
function setAside(before: readonly string[], after: readonly string[]): string[] {
  return after.filter((h) => !before.includes(h)).map((h) => `'${h}' not a payment column`);
}

function guesses(map: HeaderMap | null): ColumnMapping {
  const out: ColumnMapping = {};
  for (const issue of map?.issues ?? []) {
    const field = issue.field as InputField | null;
    const guessed = issue.code === 'ambiguous' || issue.code === 'likely-payment-column';
    if (
      guessed &&
      field &&
      (INPUT_FIELDS as readonly string[]).includes(field) &&
      issue.candidates[0] &&
      out[field] === undefined
    )
      out[field] = issue.candidates[0];
  }
  return out;
}

/** The columns in question and where each answer stands: set aside, chosen for a field, or the guess. */
function questions(map: HeaderMap | null, choice: ColumnMapping, notPayment: readonly string[]): ColumnQuestionView[] {
  const notRead = new Set(notPayment.map((h) => headerKey(h)));
  return (map?.issues ?? []).flatMap((issue) => {
    const header = issue.candidates[0];
    const guess = issue.field;
    if (issue.code !== 'likely-payment-column' || header === undefined || (guess !== 'amountPaid' && guess !== 'balance'))
      return [];
    const chosen = choice.amountPaid === header ? 'amountPaid' : choice.balance === header ? 'balance' : null;
    const answer = notRead.has(headerKey(header)) ? 'none' : (chosen ?? guess);
    return [{ header, guess, answer, message: issue.message }];
  });
}

/** The headers of the user's columns (the add-on's own are not offered). */
function headerTexts(row: CellValue[], owned: Record<string, number>): string[] {
  const ownedColumns = new Set(Object.values(owned));
  return row.map((cell, i) => (ownedColumns.has(i) ? '' : cellText(cell ?? '').trim())).filter((h) => h !== '');
}

/** Each field, read with the guesses filled in; `issues` are those of the choice as made so far. */
function fieldViews(header: SheetHeader, cells: CellValue[][], issues: HeaderMap['issues']): ColumnFieldView[] {
  const row = cells[header.index] ?? [];
  const order = [...INPUT_FIELDS].sort((a, b) => Number(FIELD_HEADERS[b].required) - Number(FIELD_HEADERS[a].required));
  return order.map((field) => {
    const column = header.map.columns[field];
    const issue = issues.find((i) => i.field === field) ?? header.map.issues.find((i) => i.field === field);
    return {
      field,
      title: FIELD_HEADERS[field].title,
      required: FIELD_HEADERS[field].required,
      header: column === undefined ? '' : cellText(row[column] ?? '').trim(),
      candidates: issue?.candidates ?? (header.map.candidates[field] ?? []).map((c) => c.header),
      problem: issue?.message ?? null,
    };
  });
}

/** The first data rows as the add-on reads them: what an email would say, or what the row gets instead. */
function previewRows(ports: Ports, header: SheetHeader, grids: SheetGrids): ColumnRowView[] {
  const { settings } = loadConfig(ports.store);
  const locale = ports.spreadsheet.locale;
  const from = header.index + 1;
  const parsed = parseInvoiceSheet(
    grids.cells.slice(from),
    header.map.columns,
    { locale, defaultCurrency: settings.currency || currencyForLocale(locale) },
    {
      firstRow: from + 1,
      paidColumns: header.map.paidColumns,
      display: grids.display.slice(from),
      formulas: grids.formulas.slice(from),
      headerCells: grids.cells[header.index] ?? [],
    },
  );
  return parsed.rows.slice(0, PREVIEW_ROWS).map((row) => rowView(row, locale));
}

function rowView(parsed: ParsedRow, locale: string): ColumnRowView {
  if (!parsed.ok) {
    const { invalid } = parsed;
    const outcome = invalid.outcome && invalid.outcome.kind !== 'error' ? outcomeStatus(invalid.outcome) : null;
    return { row: invalid.row, cells: [{ label: 'Invoice', text: invalid.invoice }], note: outcome ?? `Error: ${invalid.error}` };
  }
  const i = parsed.invoice;
  return {
    row: i.row,
    cells: [
      { label: 'Invoice', text: i.invoice },
      { label: 'Client', text: i.client },
      { label: 'Email', text: i.emails.join(', ') },
      { label: 'Amount', text: formatMoney(i.amount, i.currency, locale) },
      { label: 'Balance', text: formatMoney(i.balance, i.currency, locale) },
      { label: 'Due', text: formatDateForEmail(i.dueDate, locale) },
    ],
    note: i.paid ? 'Paid' : '',
  };
}
