import { describeHeaderProblem, FIELD_HEADERS, headerKey, mapHeaders, normalizeHeader } from '../../src/domain/headers';
import { INPUT_FIELDS, STATUS_FIELDS, type CellValue, type SheetField } from '../../src/domain/types';

describe('normalizeHeader', () => {
  test.each<[CellValue, string]>([
    ['Invoice #', 'invoice'],
    ['Amount Due', 'amountdue'],
    ['Invoice No.', 'invoiceno'],
    ['  DUE   date ', 'duedate'],
    ['E-mail', 'email'],
    ['Last Follow-up', 'lastfollowup'],
    ['Client’s name', 'clientsname'],
    ['Fälligkeit', 'fälligkeit'],
    [42, '42'],
    [true, 'true'],
    ['', ''],
    ['#', ''],
  ])('%j → %s', (h, expected) => {
    expect(normalizeHeader(h)).toBe(expected);
  });
});

describe('FIELD_HEADERS', () => {
  test('canonical titles are the documented column names', () => {
    expect(FIELD_HEADERS.invoice.title).toBe('Invoice');
    expect(FIELD_HEADERS.dueDate.title).toBe('Due Date');
    expect(FIELD_HEADERS.status.title).toBe('Status');
    expect(FIELD_HEADERS.daysOverdue.title).toBe('Days Overdue');
    expect(FIELD_HEADERS.lastFollowUp.title).toBe('Last Follow-up');
    expect(FIELD_HEADERS.nextFollowUp.title).toBe('Next Follow-up');
    expect(FIELD_HEADERS.stage.title).toBe('Stage');
  });

  test('exactly the documented fields are required', () => {
    const required = INPUT_FIELDS.filter((f) => FIELD_HEADERS[f].required);
    expect(required.sort()).toEqual(['amount', 'client', 'dueDate', 'email', 'invoice']);
    for (const f of STATUS_FIELDS) expect(FIELD_HEADERS[f].required).toBe(false);
  });

  test("no header name belongs to two fields (a Status column is the add-on's or the user's, by ownership)", () => {
    const owner = new Map<string, SheetField>();
    for (const field of Object.keys(FIELD_HEADERS) as SheetField[]) {
      const spec = FIELD_HEADERS[field];
      for (const name of [spec.title, ...spec.aliases, ...(spec.weaker ?? [])]) {
        const key = headerKey(name);
        if (field === 'userStatus' && name === 'Status') continue;
        expect([key, owner.get(key) ?? field]).toEqual([key, field]);
        owner.set(key, field);
      }
    }
  });

  // Every alias the README names, and the collisions real trackers have.
  test.each<[string, SheetField]>([
    ['Invoice', 'invoice'],
    ['Invoice #', 'invoice'],
    ['Invoice No', 'invoice'],
    ['Invoice No.', 'invoice'],
    ['Invoice Number', 'invoice'],
    ['Number', 'invoice'],
    ['Client', 'client'],
    ['Customer', 'client'],
    ['Company', 'client'],
    ['Email', 'email'],
    ['Client Email', 'email'],
    ['Contact Email', 'email'],
    ['Amount', 'amount'],
    ['Total', 'amount'],
    ['Amount Due', 'amount'],
    ['Invoice Total', 'amount'],
    ['Currency', 'currency'],
    ['Issue Date', 'issueDate'],
    ['Issued', 'issueDate'],
    ['Date', 'issueDate'],
    ['Due Date', 'dueDate'],
    ['Due', 'dueDate'],
    ['Paid Date', 'paidDate'],
    ['Paid', 'paidDate'],
    ['Paid On', 'paidDate'],
    ['Payment Date', 'paidDate'],
    ['Amount Paid', 'amountPaid'],
    ['Paid Amount', 'amountPaid'],
    ['Contact Name', 'contactName'],
    ['Contact', 'contactName'],
    ['Billing Email', 'billingEmail'],
    ['Accounts Payable', 'billingEmail'],
    ['AP Email', 'billingEmail'],
    ['Billing Contact', 'billingEmail'],
    ['Paused', 'paused'],
    ['Hold', 'paused'],
    ['On Hold', 'paused'],
    ['Payment Link', 'paymentLink'],
    // A user's Status column is an input; the add-on's status columns are found by their marks.
    ['Status', 'userStatus'],
  ])('%s → %s', (header, field) => {
    expect(mapHeaders([header], { owned: {} }).columns[field as SheetField]).toBe(0);
  });

  test.each(['Notes', 'constructor', '__proto__', 'toString', 'hasOwnProperty', '', 'Stage', 'Days Overdue', 'Next Follow-up'])(
    '%s is not a field',
    (h) => {
      expect(mapHeaders([h], { owned: {} }).columns).toEqual({});
    },
  );
});

describe('mapHeaders', () => {
  test('finds columns by name in any order, ignoring extra columns', () => {
    const map = mapHeaders(['Notes', 'due', 'AMOUNT DUE', 'Invoice #', '', 'Customer', 'E-mail', 'Status', 'constructor'], {
      owned: {},
    });
    expect(map.columns).toEqual({ dueDate: 1, amount: 2, invoice: 3, client: 5, email: 6, userStatus: 7 });
    expect(map.missingRequired).toEqual([]);
    expect(map.missingStatus).toEqual(['status', 'stage', 'daysOverdue', 'lastFollowUp', 'nextFollowUp']);
    expect(map.duplicates).toEqual([]);
    expect(map.headers).toEqual(['Notes', 'due', 'AMOUNT DUE', 'Invoice #', 'Customer', 'E-mail', 'Status', 'constructor']);
    expect(Object.prototype.hasOwnProperty.call(map.columns, 'constructor')).toBe(false);
  });

  test('lists missing required columns in field order', () => {
    const map = mapHeaders(['Client', 'Invoice'], { owned: {} });
    expect(map.missingRequired).toEqual(['email', 'amount', 'dueDate']);
  });

  test('two headers for one field: neither is guessed, both are reported as a question', () => {
    const map = mapHeaders(['Invoice', 'Paid', 'Client', 'Paid Date', 'Invoice #', 'Number'], { owned: {} });
    expect(map.columns.invoice).toBeUndefined();
    expect(map.issues.filter((i) => i.code === 'ambiguous').map((i) => [i.field, i.candidates])).toEqual([
      ['invoice', ['Invoice', 'Invoice #', 'Number']],
    ]);
    expect(map.duplicates).toEqual([{ field: 'invoice', headers: ['Invoice', 'Invoice #', 'Number'] }]);
  });

  test('several Paid columns (a tick box beside a date) are all read, never a question', () => {
    const map = mapHeaders(['Invoice', 'Paid', 'Client', 'Paid Date'], { owned: {} });
    expect(map.columns.paidDate).toBe(1);
    expect(map.paidColumns).toEqual([1, 3]);
    expect(map.issues).toEqual(expect.not.arrayContaining([expect.objectContaining({ field: 'paidDate' })]));
  });

  test('Paid, Paid Amount, Date and Contact do not collide with their neighbours', () => {
    const map = mapHeaders(['Paid', 'Paid Amount', 'Date', 'Due Date', 'Contact', 'Contact Email', 'Number', 'Invoice Total'], {
      owned: {},
    });
    expect(map.columns).toEqual({
      paidDate: 0,
      amountPaid: 1,
      issueDate: 2,
      dueDate: 3,
      contactName: 4,
      email: 5,
      invoice: 6,
      amount: 7,
    });
    expect(map.duplicates).toEqual([]);
  });

  test('non-text header cells and an empty row', () => {
    expect(mapHeaders([1, true, { date: '2026-01-01' }, ''], { owned: {} }).headers).toEqual(['1', 'TRUE', '2026-01-01']);
    const empty = mapHeaders([], { owned: {} });
    expect(empty.headers).toEqual([]);
    expect(empty.missingRequired).toEqual(['invoice', 'client', 'email', 'amount', 'dueDate']);
  });
});

describe('describeHeaderProblem', () => {
  test('a usable header row is fine', () => {
    expect(
      describeHeaderProblem(mapHeaders(['Invoice', 'Client', 'Email', 'Amount', 'Due Date'], { owned: {} }), 'Invoices'),
    ).toBeNull();
  });

  test('one missing column, with its aliases and the headers found', () => {
    expect(describeHeaderProblem(mapHeaders(['Invoice', 'Client', 'Email', 'Amount'], { owned: {} }), 'Invoices')).toBe(
      "The sheet 'Invoices' has no 'Due Date' column (also accepted: Due, Date Due, Due On, Payment Due). " +
        'For due dates: add a Due Date column, or a Terms column (e.g. Net 30) beside the invoice date. Headers found: Invoice, Client, Email, Amount.',
    );
  });

  test('several missing columns', () => {
    expect(describeHeaderProblem(mapHeaders(['Invoice', 'Client', 'Notes'], { owned: {} }), 'Sheet1')).toBe(
      "The sheet 'Sheet1' is missing the columns 'Email' (also accepted: Client Email, Contact Email, Email Address, E-mail), " +
        "'Amount' (also accepted: Total, Invoice Total, Invoice Amount, Total Amount) and 'Due Date' (also accepted: Due, Date Due, Due On, Payment Due). " +
        'For due dates: add a Due Date column, or a Terms column (e.g. Net 30) beside the invoice date. Headers found: Invoice, Client, Notes.',
    );
  });

  test('an empty header row', () => {
    const msg = describeHeaderProblem(mapHeaders(['', '  '], { owned: {} }), 'Invoices');
    expect(msg).toMatch(/^The sheet 'Invoices' has no headers in row 1/);
    expect(msg).toContain('Invoice, Client, Email, Amount, Due Date');
    expect(msg).toContain('Set up invoice sheet');
  });

  test('a duplicated column', () => {
    const msg = describeHeaderProblem(
      mapHeaders(['Invoice', 'Client', 'Email', 'Amount', 'Due Date', 'Invoice #'], { owned: {} }),
      'Invoices',
    );
    expect(msg).toBe(
      "The sheet 'Invoices' has two columns for one meaning: 'Invoice' and 'Invoice #' both look like the Invoice column — " +
        'choose which one the add-on reads (sidebar › Columns), or rename the others.',
    );
  });

  test('a duplicated payment column is also reported (two Balance columns)', () => {
    const msg = describeHeaderProblem(
      mapHeaders(['Invoice', 'Client', 'Email', 'Amount', 'Due Date', 'Balance', 'Outstanding'], { owned: {} }),
      'Invoices',
    );
    expect(msg).toContain("'Balance' and 'Outstanding' both look like the Balance column");
  });

  test('missing columns are reported before duplicates', () => {
    const msg = describeHeaderProblem(mapHeaders(['Invoice', 'Number', 'Client', 'Email', 'Amount'], { owned: {} }), 'Invoices');
    expect(msg).toMatch(/has no 'Due Date' column/);
  });
});
