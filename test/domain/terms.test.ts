// Payment terms instead of a due date (docs/own-sheet.md "Terms instead of a due date"):
// the Terms cell read, the due date worked out, the header rule and the messages, the status note.
import { describeHeaderProblem, findHeaderRow, mapHeaders } from '../../src/domain/headers';
import { parseInvoiceSheet } from '../../src/domain/parse';
import { planFollowUps, statusCells } from '../../src/domain/plan';
import { defaultSettings } from '../../src/domain/settings';
import { defaultTemplates } from '../../src/domain/defaultTemplates';
import { dueDateFromTerms, parseTerms, readTerms } from '../../src/domain/terms';
import type { CellValue, ParsedRow } from '../../src/domain/types';

describe('parseTerms', () => {
  test.each<[CellValue, number, boolean]>([
    ['Net 30', 30, false],
    ['NET30', 30, false],
    ['net-30', 30, false],
    ['Net 30 days', 30, false],
    ['N30', 30, false],
    ['n/30', 30, false],
    ['30 days', 30, false],
    ['30 Days net', 30, false],
    ['7 days', 7, false],
    ['Payable within 30 days', 30, false],
    ['2/10 Net 30', 30, false],
    ['2% 10 Net 30', 30, false],
    ['14 Tage', 14, false],
    ['14 Tage netto', 14, false],
    ['Zahlbar innerhalb von 14 Tagen', 14, false],
    ['30 jours', 30, false],
    ['à 30 jours', 30, false],
    ['30 jours net', 30, false],
    ['30 días', 30, false],
    ['pago a 30 dias', 30, false],
    ['30 giorni', 30, false],
    ['30 dagen', 30, false],
    ['45', 45, false],
    [60, 60, false],
    ['Due on receipt', 0, false],
    ['Upon receipt', 0, false],
    ['DUE UPON RECEIPT', 0, false],
    ['À réception', 0, false],
    ['sofort', 0, false],
    ['Net 0', 0, false],
    ['EOM', 0, true],
    ['Net EOM', 0, true],
    ['End of month', 0, true],
    ['Net 15 EOM', 15, true],
    ['15 EOM', 15, true],
    ['EOM 15', 15, true],
    ['EOM+15', 15, true],
    ['30 days EOM', 30, true],
  ])('%j → %d days%s', (cell, days, endOfMonth) => {
    expect(parseTerms(cell)).toEqual({ days, endOfMonth });
  });

  test.each<CellValue>(['', 'Net', 'COD', 'Custom', 'Net 400', '30 jours fin de mois', -5, 2.5, true, { date: '2026-11-01' }])(
    '%j is not read',
    (cell) => {
      expect(parseTerms(cell)).toBeNull();
    },
  );

  test('a cell that cannot be read names the forms understood', () => {
    expect(readTerms('Custom')).toEqual({
      ok: false,
      error:
        "Terms 'Custom' are not payment terms the add-on reads — write Net 30, 30 days, Due on receipt, EOM or Net 15 EOM, or add a Due Date column",
    });
  });
});

describe('dueDateFromTerms', () => {
  test.each<[string, string, string]>([
    ['2026-10-01', 'Net 30', '2026-10-31'],
    ['2026-12-15', 'Net 30', '2027-01-14'],
    ['2026-11-20', 'Due on receipt', '2026-11-20'],
    ['2026-11-02', 'EOM', '2026-11-30'],
    ['2026-12-31', 'EOM', '2026-12-31'],
    ['2028-02-10', 'EOM', '2028-02-29'],
    ['2026-10-10', 'Net 15 EOM', '2026-11-15'],
    ['2026-12-03', 'Net 15 EOM', '2027-01-15'],
    ['2026-01-31', 'Net 30 EOM', '2026-03-02'],
  ])('issued %s, %s → due %s', (issued, terms, due) => {
    expect(dueDateFromTerms(issued, parseTerms(terms)!)).toBe(due);
  });
});

describe('the header row', () => {
  test('Terms and an invoice date make the Due Date column unnecessary', () => {
    const map = mapHeaders(['Invoice #', 'Client', 'Email', 'Invoice Date', 'Payment Terms', 'Amount'], { owned: {} });
    expect(map.columns).toMatchObject({ issueDate: 3, terms: 4 });
    expect(map.missingRequired).toEqual([]);
    expect(map.issues).toEqual([]);
  });

  test.each(['Terms', 'Payment Terms', 'Terms of Payment', 'Zahlungsziel', 'Conditions de paiement', 'Condiciones de pago'])(
    '%s is the Terms column, and a plain Date is the invoice date beside it',
    (header) => {
      const map = mapHeaders(['Invoice', 'Client', 'Email', 'Date', header, 'Amount'], { owned: {} });
      expect([map.columns.terms, map.missingRequired]).toEqual([4, []]);
    },
  );

  test('Terms without an invoice date is not enough, and the message says both ways to fix it', () => {
    const map = mapHeaders(['Invoice', 'Client', 'Email', 'Terms', 'Amount'], { owned: {} });
    expect(map.missingRequired).toEqual(['dueDate']);
    expect(describeHeaderProblem(map, 'Invoices')).toBe(
      "The sheet 'Invoices' has no 'Due Date' column (also accepted: Due, Date Due, Due On, Payment Due). For due dates: " +
        'add a Due Date column, or a Terms column (e.g. Net 30) beside the invoice date — the Terms column is there, ' +
        'but no invoice date column (Issue Date, Invoice Date or Date). Headers found: Invoice, Client, Email, Terms, Amount.',
    );
    expect(map.issues[0]?.message).toBe(
      "No 'Due Date' column (also accepted: Due, Date Due, Due On, Payment Due) — add a Due Date column, or a Terms column " +
        '(e.g. Net 30) beside the invoice date, or choose which column it is (sidebar › Columns)',
    );
  });

  test('an invoice date without Terms: the same two ways', () => {
    const map = mapHeaders(['Invoice', 'Client', 'Email', 'Invoice Date', 'Amount'], { owned: {} });
    expect(describeHeaderProblem(map, 'Invoices')).toContain(
      'For due dates: add a Due Date column, or a Terms column (e.g. Net 30) beside the invoice date. Headers found:',
    );
  });

  test('a header row with Terms and a date is found under a title; the closest row names the Terms way too', () => {
    const found = findHeaderRow([['Invoices 2026'], ['Invoice', 'Client', 'Email', 'Date', 'Terms', 'Amount']], { owned: {} });
    expect(found.ok && found.index).toBe(1);
    const none = findHeaderRow([['Invoice', 'Client', 'Email', 'Amount']], { owned: {} });
    expect(!none.ok && none.issue.message).toMatch(
      /Row 1 comes closest but has no 'Due Date' column \(for due dates, a Terms column such as Net 30 beside the invoice date also works\)\.$/,
    );
  });
});

const HEADER = ['Invoice', 'Client', 'Email', 'Invoice Date', 'Terms', 'Amount'];
const COLUMNS = mapHeaders(HEADER, { owned: {} }).columns;
const CTX = { locale: 'en_US', defaultCurrency: 'USD' };

function rowOf(issued: CellValue, terms: CellValue, n = 1): CellValue[] {
  return [`T-${n}`, 'Acme', 'ap@acme.test', issued, terms, 100];
}

function dueOf(r: ParsedRow): string {
  return r.ok ? `${r.invoice.dueDate} from ${r.invoice.dueFromTerms ?? '(the sheet)'}` : `error: ${r.invalid.error}`;
}

describe('rows without a Due Date column', () => {
  test.each<[CellValue, CellValue, string]>([
    [{ date: '2026-10-01' }, 'Net 30', '2026-10-31 from Net 30'],
    [{ date: '2026-11-20' }, 'Due on receipt', '2026-11-20 from Due on receipt'],
    [{ date: '2026-10-10' }, 'Net 15 EOM', '2026-11-15 from Net 15 EOM'],
    [{ date: '2026-11-02' }, 'EOM', '2026-11-30 from EOM'],
    ['10/01/2026', '30 days', '2026-10-31 from 30 days'],
    [{ date: '2026-10-01' }, 45, '2026-11-15 from 45 days'],
    [
      { date: '2026-11-05' },
      'Custom',
      "error: Terms 'Custom' are not payment terms the add-on reads — write Net 30, 30 days, Due on receipt, EOM or Net 15 EOM, or add a Due Date column",
    ],
    [
      { date: '2026-11-05' },
      '',
      'error: Terms is empty — write Net 30, 30 days, Due on receipt, EOM or Net 15 EOM: the due date is worked out from them and the issue date',
    ],
    ['', 'Net 30', 'error: Issue date is empty — the due date is worked out from it and the Terms (Net 30)'],
    ['soon', 'Net 30', "error: Issue date 'soon' is not a date — write it like 11/24/2026 or 2026-11-24"],
    [{ date: '2026-11-05' }, '#REF!', 'error: Terms shows a spreadsheet error (#REF!) — fix the formula in that cell'],
  ])('issued %j, Terms %j → %s', (issued, terms, expected) => {
    expect(dueOf(parseInvoiceSheet([rowOf(issued, terms)], COLUMNS, CTX).rows[0]!)).toBe(expected);
  });

  test('a sheet warning says once how the due dates were worked out', () => {
    const sheet = parseInvoiceSheet(
      [rowOf({ date: '2026-10-01' }, 'Net 30', 1), rowOf({ date: '2026-10-02' }, 'Net 30', 2)],
      COLUMNS,
      CTX,
    );
    expect(sheet.warnings).toEqual([
      {
        field: 'terms',
        code: 'due-from-terms',
        message:
          'There is no Due Date column, so the due dates of 2 invoices are worked out from the Terms column and the invoice date ' +
          '(Net 30: 30 days after it; EOM: the end of its month; Net 15 EOM: 15 days after that) — add a Due Date column to set them yourself',
      },
    ]);
  });
});

describe('rows of a sheet with both a Due Date and a Terms column', () => {
  const columns = mapHeaders([...HEADER, 'Due Date'], { owned: {} }).columns;
  const read = (due: CellValue, terms: CellValue, issued: CellValue = { date: '2026-10-01' }) =>
    parseInvoiceSheet([[...rowOf(issued, terms), due]], columns, CTX);

  test('the Due Date is the due date; an unreadable Terms cell is no problem then', () => {
    expect(dueOf(read({ date: '2026-11-20' }, 'Net 30').rows[0]!)).toBe('2026-11-20 from (the sheet)');
    expect(dueOf(read({ date: '2026-11-20' }, 'Custom').rows[0]!)).toBe('2026-11-20 from (the sheet)');
    expect(read({ date: '2026-11-20' }, 'Net 30').warnings).toEqual([]);
  });

  test('a blank Due Date is worked out from the Terms, and the warning says which rows', () => {
    const sheet = read('', 'Net 30');
    expect(dueOf(sheet.rows[0]!)).toBe('2026-10-31 from Net 30');
    expect(sheet.warnings[0]?.message).toMatch(
      /^The due date of 1 invoice with a blank Due Date is worked out from the Terms column/,
    );
  });

  test('a blank Due Date and blank Terms: both named', () => {
    expect(dueOf(read('', '').rows[0]!)).toBe(
      'error: Due date is empty, and so is Terms — write the due date, or terms such as Net 30',
    );
  });

  test('without a Terms column, a blank Due Date is the error it always was', () => {
    const plain = mapHeaders(['Invoice', 'Client', 'Email', 'Amount', 'Due Date'], { owned: {} }).columns;
    const r = parseInvoiceSheet([['I-1', 'Acme', 'ap@acme.test', 100, '']], plain, CTX).rows[0]!;
    expect(dueOf(r)).toBe('error: Due date is empty');
  });
});

describe("the row's status says the due date was worked out", () => {
  const rows = parseInvoiceSheet(
    [rowOf({ date: '2026-10-01' }, 'Net 30', 1), rowOf({ date: '2026-11-20' }, 'Net 30', 2)],
    COLUMNS,
    CTX,
  ).rows;
  const plan = planFollowUps({
    rows,
    histories: new Map(),
    settings: { ...defaultSettings(), senderName: 'Sam' },
    templates: defaultTemplates(),
    ctx: { timeZone: 'UTC', locale: 'en_US', today: '2026-11-24' },
    selfEmail: null,
  });

  test('the usual status, with how the due date came about', () => {
    expect(plan.rows.map((r) => statusCells(r, r.evaluation, undefined).status)).toEqual([
      "Overdue (due 2026-10-31 from Terms 'Net 30')",
      "Not due (due 2026-12-20 from Terms 'Net 30')",
    ]);
  });

  test('the overdue one is chased from the worked-out due date', () => {
    expect(plan.emails.map((e) => [e.key, e.invoice.dueDate])).toEqual([['T-1', '2026-10-31']]);
  });

  test('a paid row says Paid, nothing more', () => {
    const paid = parseInvoiceSheet(
      [[...rowOf({ date: '2026-10-01' }, 'Net 30'), { date: '2026-10-20' }]],
      mapHeaders([...HEADER, 'Paid Date'], { owned: {} }).columns,
      CTX,
    ).rows;
    const p = planFollowUps({
      rows: paid,
      histories: new Map(),
      settings: defaultSettings(),
      templates: defaultTemplates(),
      ctx: { timeZone: 'UTC', locale: 'en_US', today: '2026-11-24' },
      selfEmail: null,
    });
    expect(statusCells(p.rows[0]!, p.rows[0]!.evaluation, undefined).status).toBe('Paid');
  });
});
