// "Set up invoice sheet": a well-formed Invoices sheet with one example row. Never touches an existing one.
import { FIELD_HEADERS } from '../domain/headers';
import { addDays } from '../domain/dates';
import { currencyForLocale } from '../domain/money';
import { defaultSettings } from '../domain/settings';
import type { SheetField } from '../domain/types';
import {
  boldFrozenHeader,
  DateConverter,
  setCheckboxColumn,
  setColumnFormat,
  textCell,
  todayIn,
  writeBlock,
  type WritableCell,
} from '../gas/sheet';

export const DEFAULT_SHEET_NAME_HINT = 'Each run is recorded in the Follow-up Log sheet.';

/** Column order of a new sheet: what the user fills in first, then what the add-on writes. */
export const SETUP_COLUMNS: SheetField[] = [
  'invoice',
  'client',
  'contactName',
  'email',
  'billingEmail',
  'amount',
  'amountPaid',
  'currency',
  'issueDate',
  'dueDate',
  'paidDate',
  'paused',
  'paymentLink',
  'status',
  'stage',
  'daysOverdue',
  'lastFollowUp',
  'nextFollowUp',
];

const DATE_FIELDS: SheetField[] = ['issueDate', 'dueDate', 'paidDate', 'lastFollowUp', 'nextFollowUp'];
const MONEY_FIELDS: SheetField[] = ['amount', 'amountPaid'];

export function setUpInvoiceSheetIn(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): { created: boolean; message: string } {
  const name = defaultSettings().sheetName;
  if (ss.getSheetByName(name)) {
    return {
      created: false,
      message: `A sheet named '${name}' already exists, so nothing was changed. Rename it first if you want a fresh one.`,
    };
  }
  const sheet = ss.insertSheet(name);
  const timeZone = ss.getSpreadsheetTimeZone();
  const dates = new DateConverter(timeZone);
  const today = todayIn(timeZone);
  const example: Partial<Record<SheetField, WritableCell>> = {
    invoice: textCell('INV-0001'),
    client: textCell('Example Client Ltd'),
    contactName: textCell('Alex Example'),
    email: textCell('alex@example.com'),
    amount: 1200,
    currency: textCell(currencyForLocale(ss.getSpreadsheetLocale())),
    issueDate: dates.toDate(addDays(today, -30)),
    dueDate: dates.toDate(today),
    // Ticked so the example row never emails anyone.
    paused: true,
  };
  writeBlock(sheet, 1, 1, [
    SETUP_COLUMNS.map((f) => textCell(FIELD_HEADERS[f].title)),
    SETUP_COLUMNS.map((f) => example[f] ?? ''),
  ]);
  boldFrozenHeader(sheet, SETUP_COLUMNS.length);
  SETUP_COLUMNS.forEach((field, i) => {
    if (DATE_FIELDS.includes(field)) setColumnFormat(sheet, i + 1, 'yyyy-mm-dd');
    if (MONEY_FIELDS.includes(field)) setColumnFormat(sheet, i + 1, '#,##0.00');
  });
  setCheckboxColumn(sheet, SETUP_COLUMNS.indexOf('paused') + 1);
  return {
    created: true,
    message:
      `Created the '${name}' sheet with one example row (paused, so it never sends). Add your invoices below it: ` +
      'Invoice, Client, Email, Amount and Due Date are required. The last five columns are filled in by the add-on.',
  };
}
