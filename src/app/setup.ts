// "Set up invoice sheet": a well-formed Invoices sheet with one example row. Never touches an existing one.
import { FIELD_HEADERS } from '../domain/headers';
import { addDays } from '../domain/dates';
import { currencyForLocale } from '../domain/money';
import { defaultSettings } from '../domain/settings';
import { STATUS_FIELDS, type CellValue, type SheetField, type StatusField } from '../domain/types';
import type { Ports } from './ports';

export const RUNS_ARE_LOGGED_HINT = 'Each run is recorded in the Follow-up Log sheet.';

/** Column order of a new sheet: what the user fills in first, then what the add-on writes. */
export const SETUP_COLUMNS: SheetField[] = [
  'invoice',
  'client',
  'contactName',
  'email',
  'billingEmail',
  'phone',
  'amount',
  'amountPaid',
  'currency',
  'language',
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
/** Plain text, so a number typed as '+44 20 7946 0000' or '0151 496 0000' stays as written. */
const TEXT_FIELDS: SheetField[] = ['phone'];

function isStatusField(field: SheetField): field is StatusField {
  return (STATUS_FIELDS as readonly SheetField[]).includes(field);
}

export function setUpInvoiceSheetIn(ports: Ports): { created: boolean; message: string } {
  const name = defaultSettings().sheetName;
  const sheet = ports.spreadsheet.createSheet(name);
  if (!sheet) {
    return {
      created: false,
      message: `A sheet named '${name}' already exists, so nothing was changed. Rename it first if you want a fresh one.`,
    };
  }
  const today = ports.spreadsheet.today();
  const example: Partial<Record<SheetField, CellValue>> = {
    invoice: 'INV-0001',
    client: 'Example Client Ltd',
    contactName: 'Alex Example',
    email: 'alex@example.com',
    // A fictional number (555-01xx): the day-14 call card shows it (README "The day-14 call").
    phone: '+1 555 0100',
    amount: 1200,
    currency: currencyForLocale(ports.spreadsheet.locale),
    issueDate: { date: addDays(today, -30) },
    dueDate: { date: today },
    // Ticked so the example row never emails anyone.
    paused: true,
  };
  sheet.writeCells(1, 1, [SETUP_COLUMNS.map((f) => FIELD_HEADERS[f].title), SETUP_COLUMNS.map((f) => example[f] ?? '')]);
  sheet.freezeHeader(SETUP_COLUMNS.length);
  SETUP_COLUMNS.forEach((field, i) => {
    if (DATE_FIELDS.includes(field)) sheet.formatColumn(i + 1, 'date');
    if (MONEY_FIELDS.includes(field)) sheet.formatColumn(i + 1, 'money');
    if (TEXT_FIELDS.includes(field)) sheet.formatColumn(i + 1, 'text');
  });
  sheet.checkboxColumn(SETUP_COLUMNS.indexOf('paused') + 1);
  // The status columns are the add-on's own: marked, so they stay its own wherever they are moved.
  SETUP_COLUMNS.forEach((field, i) => {
    if (isStatusField(field)) sheet.markOwned(i + 1, field);
  });
  return {
    created: true,
    message:
      `Created the '${name}' sheet with one example row (paused, so it never sends). Add your invoices below it: ` +
      'Invoice, Client, Email, Amount and Due Date are required. The last five columns are filled in by the add-on.',
  };
}
