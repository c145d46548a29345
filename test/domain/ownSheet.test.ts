// Adopting the sheet a user already keeps (docs/own-sheet.md): headers as people write them,
// ownership of the status columns, the column mapping, payment words, rows that are not invoices,
// what the cell shows, and dates typed as text.
import fc from 'fast-check';
import { findHeaderRow, headerKey, mapHeaders, statusColumnTitle, type HeaderOptions } from '../../src/domain/headers';
import { adoptableLegacyStatusColumns } from '../../src/domain/legacyColumns';
import { creditAmount, parseAmount } from '../../src/domain/money';
import { parseDateCell } from '../../src/domain/dates';
import { parseInvoiceSheet } from '../../src/domain/parse';
import { paymentTruth, readPaidCell, statusMeaning, type PaymentFacts } from '../../src/domain/payment';
import { outcomeStatus, planFollowUps, statusCells } from '../../src/domain/plan';
import { defaultSettings } from '../../src/domain/settings';
import { defaultTemplates } from '../../src/domain/defaultTemplates';
import type { CellValue, ParsedRow, SheetField } from '../../src/domain/types';

/** The rows of `parseInvoiceSheet`, the parser's one entry point, from sheet row `firstRow`. */
function parseRows(
  rows: CellValue[][],
  columns: Parameters<typeof parseInvoiceSheet>[1],
  ctx: Parameters<typeof parseInvoiceSheet>[2],
  firstRow = 2,
  grids: Omit<NonNullable<Parameters<typeof parseInvoiceSheet>[3]>, 'firstRow'> = {},
): ParsedRow[] {
  return parseInvoiceSheet(rows, columns, ctx, { ...grids, firstRow }).rows;
}

const OWNED: HeaderOptions = { owned: {} };

describe('headers as people write them', () => {
  test.each<[string, string]>([
    ['Invoice No.', 'invoicenumber'],
    ['Invoice #', 'invoicenumber'],
    ['Invoice Nr', 'invoicenumber'],
    ['N° facture', 'numberfacture'],
    ['Amount (EUR)', 'amount'],
    ['Amount ($)', 'amount'],
    ['Due Date (dd/mm/yyyy)', 'duedate'],
    ['Échéance', 'echeance'],
    ['  E-MAIL address ', 'emailaddress'],
    ['Paid (Y/N)', 'paidyn'],
  ])('%s → %s', (header, key) => {
    expect(headerKey(header)).toBe(key);
  });

  test.each<[string, SheetField]>([
    ['Client Name', 'client'],
    ['Customer Name', 'client'],
    ['Email Address', 'email'],
    ['Total Due', 'amount'],
    ['Invoice Amount', 'amount'],
    ['Date Due', 'dueDate'],
    ['Date Paid', 'paidDate'],
    ['Paid', 'paidDate'],
    ['Payment Received', 'paidDate'],
    ['Amount Received', 'amountPaid'],
    ['Payment Amount', 'amountPaid'],
    ['Received', 'amountPaid'],
    ['Balance', 'balance'],
    ['Balance Due', 'balance'],
    ['Outstanding', 'balance'],
    ['Amount Outstanding', 'balance'],
    ['Amount Owed', 'balance'],
    ['Promised Date', 'promisedDate'],
    ['Promise Date', 'promisedDate'],
    ['Promised By', 'promisedDate'],
    ['Expected Payment Date', 'promisedDate'],
    ['Invoice Status', 'userStatus'],
    ['Payment Status', 'userStatus'],
    ['Inv #', 'invoice'],
    ['Invoice No', 'invoice'],
    ['InvoiceNumber', 'invoice'],
    ['Customer Email', 'email'],
  ])('%s is the %s column', (header, field) => {
    const map = mapHeaders([header], OWNED);
    expect(map.columns[field]).toBe(0);
  });
});

describe("the add-on's own status columns", () => {
  const USER = [
    'Invoice',
    'Client',
    'Email',
    'Amount',
    'Due Date',
    'Status',
    'Stage',
    'Days Overdue',
    'Last Follow-up',
    'Next Follow-up',
  ];

  test("with ownership given, same-named user columns are the user's: Status is an input, the rest are left alone", () => {
    const map = mapHeaders(USER, OWNED);
    expect(map.columns).toEqual({ invoice: 0, client: 1, email: 2, amount: 3, dueDate: 4, userStatus: 5 });
    expect(map.missingStatus).toEqual(['status', 'stage', 'daysOverdue', 'lastFollowUp', 'nextFollowUp']);
  });

  test('owned columns are the status fields, whatever their headers', () => {
    const map = mapHeaders([...USER, 'Follow-up Status', 'Follow-up Stage'], { owned: { status: 10, stage: 11 } });
    expect(map.columns.status).toBe(10);
    expect(map.columns.stage).toBe(11);
    expect(map.columns.userStatus).toBe(5);
    expect(map.missingStatus).toEqual(['daysOverdue', 'lastFollowUp', 'nextFollowUp']);
  });

  test.each<[SheetField, string[], string]>([
    ['status', ['Invoice'], 'Status'],
    ['status', ['Invoice', 'STATUS'], 'Follow-up Status'],
    ['status', ['Status', 'Follow-up Status'], 'Follow-up Status 2'],
    ['stage', ['Stage'], 'Follow-up Stage'],
    ['daysOverdue', ['Days overdue'], 'Follow-up Days Overdue'],
    ['lastFollowUp', ['Last Follow-Up'], 'Last Follow-up Sent'],
    ['nextFollowUp', ['Next follow up'], 'Next Follow-up Due'],
  ])('statusColumnTitle(%s, %j) = %s', (field, existing, title) => {
    expect(statusColumnTitle(field as 'status', existing)).toBe(title);
  });

  const MADE = [
    'Invoice',
    'Client',
    'Email',
    'Amount',
    'Due Date',
    'Status',
    'Stage',
    'Days Overdue',
    'Last Follow-up',
    'Next Follow-up',
  ];
  test('legacy columns holding only what the add-on writes are adopted', () => {
    const grid: CellValue[][] = [
      MADE,
      ['A', 'B', 'c@d.test', 1, { date: '2026-01-01' }, 'Error: Due date is empty', '', '', '', ''],
      ['A2', 'B', 'c@d.test', 1, { date: '2026-01-01' }, 'Final notice', 'formal', 22, { date: '2026-01-22' }, '2026-01-29'],
    ];
    expect(adoptableLegacyStatusColumns(grid, 0)).toEqual({
      status: 5,
      stage: 6,
      daysOverdue: 7,
      lastFollowUp: 8,
      nextFollowUp: 9,
    });
  });

  test.each<[string, CellValue[][]]>([
    ['a user word in Status', [MADE, ['A', 'B', 'c@d.test', 1, '', 'Pending', '', '', '', '']]],
    ['a user word in Stage', [MADE, ['A', 'B', 'c@d.test', 1, '', '', 'Design', '', '', '']]],
    ['text in Days Overdue', [MADE, ['A', 'B', 'c@d.test', 1, '', '', '', 'late', '', '']]],
    ['a note in Last Follow-up', [MADE, ['A', 'B', 'c@d.test', 1, '', '', '', '', 'called Tue', '']]],
    [
      'only Status, no other status columns',
      [
        ['Invoice', 'Status'],
        ['A', 'Paid'],
      ],
    ],
    ['the columns out of order', [['Invoice', 'Stage', 'Status', 'Days Overdue', 'Last Follow-up', 'Next Follow-up'], []]],
  ])('not adopted: %s', (_why, grid) => {
    expect(adoptableLegacyStatusColumns(grid, 0)).toEqual({});
  });
});

describe('two columns, one meaning', () => {
  test('Amount and Total: a question with both candidates, nothing guessed', () => {
    const map = mapHeaders(['Invoice', 'Client', 'Email', 'Amount', 'Total', 'Due Date'], OWNED);
    expect(map.columns.amount).toBeUndefined();
    expect(map.missingRequired).toEqual([]);
    expect(map.issues).toEqual([
      expect.objectContaining({ field: 'amount', code: 'ambiguous', candidates: ['Amount', 'Total'], blocking: true }),
    ]);
  });

  test('the saved mapping answers it', () => {
    const map = mapHeaders(['Invoice', 'Client', 'Email', 'Amount', 'Total', 'Due Date'], {
      owned: {},
      mapping: { amount: 'total' },
    });
    expect(map.columns.amount).toBe(4);
    expect(map.issues).toEqual([]);
  });

  test('a mapping to "" says the sheet has no such column; a mapped column that disappeared is a warning', () => {
    const map = mapHeaders(['Invoice', 'Client', 'Email', 'Amount', 'Due Date', 'Paid'], {
      owned: {},
      mapping: { paidDate: '', client: 'Customer' },
    });
    expect(map.columns.paidDate).toBeUndefined();
    expect(map.columns.client).toBe(1);
    expect(map.issues).toEqual([expect.objectContaining({ field: 'client', code: 'mapped-column-missing', blocking: false })]);
  });

  test('Amount Due beside a plainer Amount is the balance (QuickBooks, Wave and Xero put them side by side)', () => {
    const map = mapHeaders(['Invoice', 'Client', 'Email', 'Total', 'Amount Due', 'Due Date'], OWNED);
    expect(map.columns).toMatchObject({ amount: 3, balance: 4 });
    expect(map.issues).toEqual([]);
    expect(mapHeaders(['Amount Due'], OWNED).columns).toEqual({ amount: 0 });
  });

  test('Balance and Outstanding both present: asked, never guessed (it decides who is chased)', () => {
    const map = mapHeaders(['Invoice', 'Client', 'Email', 'Amount', 'Due Date', 'Balance', 'Outstanding'], OWNED);
    expect(map.columns.balance).toBeUndefined();
    expect(map.issues.map((i) => [i.field, i.code])).toEqual([['balance', 'ambiguous']]);
  });

  test('a strong name beats a weak one: Invoice Date over Date', () => {
    const map = mapHeaders(['Date', 'Invoice Date', 'Invoice', 'Client', 'Email', 'Amount', 'Due Date'], OWNED);
    expect(map.columns.issueDate).toBe(1);
    expect(map.candidates.issueDate?.map((c) => c.header)).toEqual(['Invoice Date', 'Date']);
  });
});

describe('findHeaderRow', () => {
  const HEADER = ['Invoice', 'Client', 'Email', 'Amount', 'Due Date'];
  test('under a title row and a blank row', () => {
    const found = findHeaderRow([['Invoices 2026'], [], HEADER, ['A', 'B', 'c@d.test', 1, '2026-01-01']], { owned: {} });
    expect(found.ok && found.index).toBe(2);
  });

  test('none: a message that says where the header must be and what the closest row lacks', () => {
    const found = findHeaderRow([['My invoices'], ['Invoice', 'Client', 'Amount']], { owned: {} });
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.issue).toMatchObject({ code: 'no-header-row', field: null, blocking: true });
    expect(found.issue.message).toBe(
      'No header row found: put the column names (Invoice, Client, Email, Amount, Due Date) in one row within the first 20 rows, ' +
        "above the invoices — a title row above it is fine. Row 2 comes closest but has no 'Email' or 'Due Date' column " +
        '(for due dates, a Terms column such as Net 30 beside the invoice date also works).',
    );
    expect(found.closest?.index).toBe(1);
  });

  test('an empty sheet', () => {
    const found = findHeaderRow([], { owned: {} });
    expect(found.ok).toBe(false);
  });
});

describe('payment words', () => {
  test.each<[CellValue, string]>([
    ['Paid', 'settled:paid'],
    ['PAID IN FULL', 'settled:paid'],
    ['Void', 'settled:void'],
    ['Cancelled', 'settled:cancelled'],
    ['canceled', 'settled:cancelled'],
    ['Written off', 'settled:written-off'],
    ['written-off', 'settled:written-off'],
    ['Refunded', 'settled:refunded'],
    ['Draft', 'settled:draft'],
    ['Disputed', 'disputed'],
    ['On hold', 'on-hold'],
    ['Unpaid', 'chase:unpaid'],
    ['Overdue', 'chase:unpaid'],
    ['Partially paid', 'chase:unpaid'],
    ['Sent', 'chase'],
    ['Open', 'chase'],
    ['Due', 'chase'],
    ['', 'chase'],
    ['✅ Paid', 'settled:paid'],
    ['bezahlt', 'settled:paid'],
    ['payée', 'settled:paid'],
  ])('%j', (word, meaning) => {
    const m = statusMeaning(word);
    const text =
      m === null
        ? 'unknown'
        : m.kind === 'settled'
          ? `settled:${m.code}`
          : m.kind === 'chase'
            ? m.unpaid
              ? 'chase:unpaid'
              : 'chase'
            : m.kind;
    expect(text).toBe(meaning);
  });

  test('an unknown word is null', () => {
    expect(statusMeaning('Pending approval')).toBeNull();
  });

  test.each<[CellValue, { paid: boolean; date: string | null } | string]>([
    [true, { paid: true, date: null }],
    [false, { paid: false, date: null }],
    ['Yes', { paid: true, date: null }],
    ['No', { paid: false, date: null }],
    ['TRUE', { paid: true, date: null }],
    ['FALSE', { paid: false, date: null }],
    ['✓', { paid: true, date: null }],
    [1, { paid: true, date: null }],
    [0, { paid: false, date: null }],
    ['', { paid: false, date: null }],
    [{ date: '2026-11-02' }, { paid: true, date: '2026-11-02' }],
    ['02.11.2026', { paid: true, date: '2026-11-02' }],
    ['soon', "Paid date 'soon' is not a date — write it like 11/24/2026 or 2026-11-24 (or tick it, or write yes or no)"],
  ])('Paid cell %j', (cell, expected) => {
    const read = readPaidCell(cell, 'en_US', 'Paid date');
    expect(read.ok ? read.value : read.error).toEqual(expected);
  });

  const facts = (over: Partial<PaymentFacts>): PaymentFacts => ({
    amount: 1000,
    currency: 'USD',
    locale: 'en_US',
    meaning: { kind: 'chase', unpaid: false },
    statusWord: '',
    paid: null,
    amountPaid: null,
    balance: null,
    ...over,
  });

  test('the balance column is what is owed; without it, amount − amount paid', () => {
    expect(paymentTruth(facts({ balance: 300 }))).toEqual({ kind: 'chase', balance: 300, amountPaid: 700, paidDate: null });
    expect(paymentTruth(facts({ amountPaid: 250 }))).toEqual({ kind: 'chase', balance: 750, amountPaid: 250, paidDate: null });
    expect(paymentTruth(facts({ balance: 0 }))).toMatchObject({ kind: 'paid', balance: 0 });
  });

  test.each<[string, Partial<PaymentFacts>, string]>([
    [
      'Status Paid, Balance 300',
      { meaning: { kind: 'settled', code: 'paid' }, statusWord: 'Paid', balance: 300 },
      'Status says Paid, but Balance is $300.00 — correct whichever is wrong',
    ],
    [
      'Paid ticked, balance left',
      { paid: { paid: true, date: null }, balance: 50 },
      'Paid is ticked, but Balance is $50.00 — correct whichever is wrong',
    ],
    [
      'Paid dated, Status Unpaid',
      { paid: { paid: true, date: '2026-11-02' }, meaning: { kind: 'chase', unpaid: true }, statusWord: 'Unpaid' },
      'Paid is November 2, 2026, but Status says Unpaid — correct whichever is wrong',
    ],
  ])('held, never chased: %s', (_what, over, message) => {
    expect(paymentTruth(facts(over))).toEqual({ kind: 'held', code: 'conflicting-payment', message });
  });
});

describe('amounts read by their own symbols', () => {
  test.each<[string, string, number, string | null]>([
    ['1.200 €', 'en_US', 1200, 'EUR'],
    ['€1.200,50', 'en_US', 1200.5, 'EUR'],
    ['1.000,00 €', 'en_GB', 1000, 'EUR'],
    ['£1.200', 'de_DE', 1200, 'GBP'],
    ['1,200 €', 'de_DE', 1200, 'EUR'],
  ])('%s in %s', (text, locale, amount, currency) => {
    const read = parseAmount(text, locale, 'Amount');
    expect(read.ok && [read.value.amount, read.value.currency]).toEqual([amount, currency]);
  });

  test('without a currency marker the locale still decides', () => {
    const read = parseAmount('1.200', 'en_US', 'Amount');
    expect(read.ok && read.value.amount).toBe(1.2);
  });

  test.each<[CellValue, number | null]>([
    [-150, 150],
    ['-150.00', 150],
    ['(150.00)', 150],
    ['€-150', 150],
    ['-€150', 150],
    ['150.00-', 150],
    ['150.00 CR', 150],
    ['150', null],
    [150, null],
    ['(abc)', null],
    ['', null],
  ])('credit amount of %j', (cell, credit) => {
    expect(creditAmount(cell, 'en_US')).toBe(credit);
  });
});

describe('dates typed as text', () => {
  test('dotted dates are day-first in every locale', () => {
    expect(parseDateCell('03.11.2026', 'en_US', 'Due date')).toEqual({ ok: true, value: '2026-11-03' });
    expect(parseDateCell('03/11/2026', 'en_US', 'Due date')).toEqual({ ok: true, value: '2026-03-11' });
  });

  test('a refusal names the locale and where to change it', () => {
    const read = parseDateCell('24/11/2026', 'en_US', 'Due date');
    expect(!read.ok && read.error).toMatch(/locale \(en_US\) reads dates as month\/day\/year.*File › Settings › Locale/);
  });

  const COLUMNS = mapHeaders(['Invoice', 'Client', 'Email', 'Amount', 'Due Date'], OWNED).columns;
  const row = (n: number, due: CellValue): CellValue[] => [`D-${n}`, 'Leeds', 'a@leeds.test', 10, due];

  test('a column holding both orders keeps the locale and says so', () => {
    const sheet = parseInvoiceSheet([row(1, '31/10/2026'), row(2, '10/31/2026')], COLUMNS, {
      locale: 'en_US',
      defaultCurrency: '',
    });
    expect(sheet.warnings.map((w) => w.code)).toEqual(['mixed-date-order']);
    expect(sheet.rows.map((r) => r.ok)).toEqual([false, true]);
  });

  test('property: a column with one unambiguous day-first date is read day first throughout', () => {
    const day = fc.record({ d: fc.integer({ min: 1, max: 28 }), m: fc.integer({ min: 1, max: 12 }) });
    fc.assert(
      fc.property(
        fc.array(day, { minLength: 0, maxLength: 8 }),
        fc.integer({ min: 13, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        (days, d13, m13) => {
          const all = [{ d: d13, m: m13 }, ...days];
          const text = (x: { d: number; m: number }) => `${String(x.d).padStart(2, '0')}/${String(x.m).padStart(2, '0')}/2026`;
          const sheet = parseInvoiceSheet(
            all.map((x, i) => row(i, text(x))),
            COLUMNS,
            { locale: 'en_US', defaultCurrency: '' },
          );
          expect(sheet.warnings.map((w) => w.code)).toEqual(['day-first-column']);
          sheet.rows.forEach((r, i) => {
            const x = all[i]!;
            expect(r.ok && r.invoice.dueDate).toBe(`2026-${String(x.m).padStart(2, '0')}-${String(x.d).padStart(2, '0')}`);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  test('property: without a day-first proof, the locale decides (no warning)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ a: fc.integer({ min: 1, max: 12 }), b: fc.integer({ min: 1, max: 28 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        (days) => {
          const sheet = parseInvoiceSheet(
            days.map((x, i) => row(i, `${x.a}/${x.b}/2026`)),
            COLUMNS,
            { locale: 'en_US', defaultCurrency: '' },
          );
          expect(sheet.warnings).toEqual([]);
          sheet.rows.forEach((r, i) => {
            const x = days[i]!;
            expect(r.ok && r.invoice.dueDate).toBe(`2026-${String(x.a).padStart(2, '0')}-${String(x.b).padStart(2, '0')}`);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('rows of a sheet the user keeps', () => {
  const HEAD = [
    'Invoice',
    'Client',
    'Email',
    'Amount',
    'Due Date',
    'Paid',
    'Status',
    'Balance Due',
    'Amount Received',
    'Promised Date',
    'Notes',
  ];
  const map = mapHeaders(HEAD, OWNED);
  const EN_US = { locale: 'en_US', defaultCurrency: 'USD' };
  const base = ['INV-9', 'Acme', 'ap@acme.test', 1000, { date: '2026-11-01' }, '', '', '', '', '', ''];
  const one = (over: Record<number, CellValue>, grids = {}): ParsedRow => {
    const cells = base.map((c, i) => (i in over ? over[i]! : c));
    return parseRows([cells], map.columns, EN_US, 2, { ...grids, paidColumns: map.paidColumns })[0]!;
  };
  const kind = (r: ParsedRow): string =>
    r.ok ? (r.invoice.paid ? 'paid' : 'chase') : `${r.invalid.outcome?.kind}:${r.invalid.outcome?.code}`;

  test.each<[string, Record<number, CellValue>, string]>([
    ["Paid 'No' is not an error", { 5: 'No' }, 'chase'],
    ['Paid ticked', { 5: true }, 'paid'],
    ['Paid dated', { 5: { date: '2026-11-03' } }, 'paid'],
    ['Status Void', { 6: 'Void' }, 'settled:void'],
    ['Status Void on a row with a broken email: still Void, not an error', { 6: 'Void', 2: 'nobody' }, 'settled:void'],
    ['Status Paid on a broken row', { 6: 'Paid', 3: 'abc' }, 'settled:paid'],
    ['Status Pending approval', { 6: 'Pending approval' }, 'held:unknown-status-word'],
    ['Status Paid, Balance Due 300', { 6: 'Paid', 7: 300 }, 'held:conflicting-payment'],
    ['Balance Due 0', { 7: 0 }, 'paid'],
    ['Balance Due negative (overpaid)', { 7: -20 }, 'paid'],
    ['Amount Received in full', { 8: '$1,000.00' }, 'paid'],
    ['credit note in brackets', { 3: '(150.00)' }, 'not-invoice:credit-note'],
    ['credit note negative', { 3: -150 }, 'not-invoice:credit-note'],
    ['a note on its own row', { 0: '', 2: '', 3: '', 4: '', 1: 'Acme pays on the 15th' }, 'not-invoice:note'],
    ['a Total row', { 0: '', 1: 'Grand Total', 2: '', 4: '', 3: 5400 }, 'not-invoice:total'],
    ['a client called Total Energies with no email is still an error', { 1: 'Total Energies', 2: '' }, 'error:invalid-cells'],
  ])('%s', (_what, over, expected) => {
    expect(kind(one(over))).toBe(expected);
  });

  test('an amount summed by formula with no email is a total row', () => {
    const r = one({ 0: '', 1: '', 2: '', 4: '', 3: 5400 }, { formulas: [['', '', '', '=SUM(D2:D9)']] });
    expect(kind(r)).toBe('not-invoice:total');
  });

  test("Disputed and On hold act like the add-on's own", () => {
    const disputed = one({ 6: 'Disputed' });
    const held = one({ 6: 'On hold' });
    expect(disputed.ok && disputed.invoice.disputed).toBe(true);
    expect(held.ok && held.invoice.paused).toBe(true);
  });

  test('the balance quoted is the best source: Balance Due over Amount − Amount Received', () => {
    const r = one({ 7: 300, 8: 500 });
    expect(r.ok && [r.invoice.balance, r.invoice.amountPaid]).toEqual([300, 500]);
  });

  test('Promised Date is read', () => {
    const r = one({ 9: { date: '2026-12-10' } });
    expect(r.ok && r.invoice.promisedDate).toBe('2026-12-10');
  });

  test('what the cell shows: the invoice number and the currency of a formatted amount', () => {
    const r = one({ 0: 42 }, { display: [['INV-0042', '', '', '1.000,00 €']] });
    expect(r.ok && [r.invoice.invoice, r.invoice.key, r.invoice.currency, r.invoice.amount]).toEqual([
      'INV-0042',
      '42',
      'EUR',
      1000,
    ]);
  });

  test('a display that shows another amount is not trusted for the currency', () => {
    const r = one({}, { display: [['', '', '', '€1.00']] });
    expect(r.ok && r.invoice.currency).toBe('USD');
  });

  test('a credit note that reuses an invoice number does not make the invoice a duplicate', () => {
    const rows = parseRows(
      [base.slice(), ['INV-9', 'Acme', 'ap@acme.test', -100, { date: '2026-11-01' }, '', '', '', '', '', '']],
      map.columns,
      EN_US,
    );
    expect(rows.map(kind)).toEqual(['chase', 'not-invoice:credit-note']);
  });
});

describe('the plan for rows that are not chased', () => {
  test.each<[string, string]>([
    ['settled:paid', 'Paid'],
    ['settled:void', 'Void'],
    ['settled:cancelled', 'Cancelled'],
    ['settled:written-off', 'Written off'],
    ['settled:refunded', 'Refunded'],
    ['settled:draft', 'Draft'],
    ['not-invoice:total', 'Total row'],
    ['not-invoice:note', 'Note'],
    ['not-invoice:credit-note', 'Credit note'],
  ])('%s → %s', (kc, status) => {
    const [kind, code] = kc.split(':') as ['settled', 'void'];
    expect(outcomeStatus({ kind, code, message: 'x' })).toBe(status);
  });

  test('held rows say Needs review and why; history is kept', () => {
    const parsed: ParsedRow = {
      ok: false,
      invalid: {
        row: 2,
        key: 'P-1',
        invoice: 'P-1',
        client: 'Acme',
        error: "Status 'Pending approval' is not a word the add-on knows",
        outcome: {
          kind: 'held',
          code: 'unknown-status-word',
          message: "Status 'Pending approval' is not a word the add-on knows",
        },
      },
    };
    const plan = planFollowUps({
      rows: [parsed],
      histories: new Map(),
      settings: defaultSettings(),
      templates: defaultTemplates(),
      ctx: { timeZone: 'UTC', locale: 'en_US', today: '2026-12-01' },
      selfEmail: null,
    });
    expect(plan.emails).toEqual([]);
    expect(plan.rows[0]?.error).toBeNull();
    const cells = statusCells(plan.rows[0]!, null, {
      ...emptyHistoryLike(),
      lastSentStage: 'reminder',
      lastFollowUp: '2026-11-02',
    });
    expect(cells).toEqual({
      status: "Needs review: Status 'Pending approval' is not a word the add-on knows",
      stage: 'reminder',
      daysOverdue: '',
      lastFollowUp: '2026-11-02',
      nextFollowUp: '',
    });
  });

  test('property: no settled, held or not-invoice row ever yields an email, whatever else is on the sheet', () => {
    const outcome = fc.oneof(
      fc
        .constantFrom('paid', 'void', 'cancelled', 'written-off', 'refunded', 'draft')
        .map((code) => ({ kind: 'settled' as const, code })),
      fc.constantFrom('unknown-status-word', 'conflicting-payment').map((code) => ({ kind: 'held' as const, code })),
      fc.constantFrom('total', 'note', 'credit-note').map((code) => ({ kind: 'not-invoice' as const, code })),
    );
    const dueDay = fc.integer({ min: 1, max: 60 }).map((n) => `2026-10-${String((n % 28) + 1).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(outcome, dueDay, fc.boolean()), { minLength: 1, maxLength: 12 }), (specs) => {
        const rows: ParsedRow[] = specs.map(([o, due, chase], i) =>
          chase
            ? { ok: true, invoice: invoiceFor(`C-${i}`, i + 2, due) }
            : {
                ok: false,
                invalid: {
                  row: i + 2,
                  key: `X-${i}`,
                  invoice: `X-${i}`,
                  client: 'Acme',
                  error: 'x',
                  outcome: { ...o, message: 'x' } as never,
                },
              },
        );
        const plan = planFollowUps({
          rows,
          histories: new Map(),
          settings: { ...defaultSettings(), senderName: 'Sam' },
          templates: defaultTemplates(),
          ctx: { timeZone: 'UTC', locale: 'en_US', today: '2026-12-01' },
          selfEmail: null,
        });
        for (const email of plan.emails) expect(email.key.startsWith('C-')).toBe(true);
        for (const row of plan.rows)
          if (row.key?.startsWith('X-')) {
            expect(row.email).toBeNull();
            expect(row.decision).toBeNull();
            expect(statusCells(row, row.evaluation, undefined).status.startsWith('Error:')).toBe(false);
          }
      }),
      { numRuns: 200 },
    );
  });
});

function emptyHistoryLike() {
  return {
    lastSentStage: null,
    lastSkippedStage: null,
    lastFollowUp: null,
    decisionLogged: false,
    needsReview: null,
    disputeOpen: false,
    disputeResolvedOn: null,
  };
}

function invoiceFor(key: string, row: number, dueDate: string) {
  return {
    row,
    key,
    invoice: key,
    client: 'Acme',
    emails: ['ap@acme.test'],
    amount: 100,
    amountPaid: 0,
    balance: 100,
    currency: 'USD',
    issueDate: null,
    dueDate,
    paidDate: null,
    contactName: '',
    billingEmails: ['billing@acme.test'],
    paused: false,
    paymentLink: '',
  };
}
