import fc from 'fast-check';
import { binaryString } from '../arbitraries';
import { mapHeaders } from '../../src/domain/headers';
import {
  invoiceKey,
  isEmailAddress,
  parseEmailList,
  parseInvoiceSheet,
  parsePaymentLink,
  parseTick,
} from '../../src/domain/parse';
import type { CellValue, InputField, Invoice, InvalidRow, ParsedRow } from '../../src/domain/types';

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

const HEAD: [InputField, string][] = [
  ['invoice', 'Invoice'],
  ['client', 'Client'],
  ['email', 'Email'],
  ['amount', 'Amount'],
  ['currency', 'Currency'],
  ['issueDate', 'Issue Date'],
  ['dueDate', 'Due Date'],
  ['paidDate', 'Paid Date'],
  ['amountPaid', 'Amount Paid'],
  ['contactName', 'Contact Name'],
  ['billingEmail', 'Billing Email'],
  ['paused', 'Paused'],
  ['paymentLink', 'Payment Link'],
];
const COLUMNS = mapHeaders(
  HEAD.map(([, h]) => h),
  { owned: {} },
).columns;
const BASE: Partial<Record<InputField, CellValue>> = {
  invoice: 'INV-1',
  client: 'Acme Ltd',
  email: 'ap@acme.test',
  amount: 1200,
  dueDate: { date: '2026-03-31' },
  paused: false,
};
const EN_US = { locale: 'en_US', defaultCurrency: 'USD' };

function row(over: Partial<Record<InputField, CellValue>> = {}): CellValue[] {
  const cells = { ...BASE, ...over };
  return HEAD.map(([field]) => cells[field] ?? '');
}

function parseOne(over: Partial<Record<InputField, CellValue>>, ctx = EN_US): ParsedRow {
  const parsed = parseRows([row(over)], COLUMNS, ctx);
  expect(parsed).toHaveLength(1);
  return parsed[0] as ParsedRow;
}

function valid(over: Partial<Record<InputField, CellValue>>, ctx = EN_US): Invoice {
  const r = parseOne(over, ctx);
  if (!r.ok) throw new Error(`expected a valid row, got: ${r.invalid.error}`);
  return r.invoice;
}

function error(over: Partial<Record<InputField, CellValue>>, ctx = EN_US): string {
  const r = parseOne(over, ctx);
  if (r.ok) throw new Error('expected an invalid row');
  return r.invalid.error;
}

describe('invoiceKey', () => {
  test.each<[CellValue, string]>([
    ['INV-7', 'INV-7'],
    ['  inv-7 ', 'INV-7'],
    ['inv   7', 'INV 7'],
    ['inv\t\n7', 'INV 7'],
    ['inv\u00a07', 'INV 7'],
    ['INV\u200b-7', 'INV-7'],
    [1001, '1001'],
    [1001.5, '1001.5'],
    [1e21, '1000000000000000000000'],
    [-0, '0'],
    [NaN, ''],
    [Infinity, ''],
    [true, 'TRUE'],
    [{ date: '2026-01-02' }, '2026-01-02'],
    ['', ''],
  ])('%j → %s', (value, key) => {
    expect(invoiceKey(value)).toBe(key);
  });

  test('text and number forms of one invoice number agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(invoiceKey(n)).toBe(invoiceKey(` ${n} `));
      }),
    );
  });
});

describe('parseEmailList', () => {
  test.each<[CellValue, string[]]>([
    ['', []],
    ['   ', []],
    ['jane@x.com', ['jane@x.com']],
    [' jane@x.com ', ['jane@x.com']],
    ['jane@x.com, bob@y.org', ['jane@x.com', 'bob@y.org']],
    ['jane@x.com;bob@y.org', ['jane@x.com', 'bob@y.org']],
    ['jane@x.com;; ,bob@y.org,', ['jane@x.com', 'bob@y.org']],
    ['Jane Doe <jane@x.com>', ['jane@x.com']],
    ['"Doe, Jane" <jane@x.com>; bob@y.org', ['jane@x.com', 'bob@y.org']],
    ['<jane@x.com>', ['jane@x.com']],
    ['jane@x.com, JANE@X.COM, bob@y.org, jane@x.com', ['jane@x.com', 'bob@y.org']],
    ['mailto:jane@x.com', ['jane@x.com']],
    ["o'brien+invoices@sub.example.co.uk", ["o'brien+invoices@sub.example.co.uk"]],
    ['jane@x.com\tbob@y.org'.replace('\t', ', '), ['jane@x.com', 'bob@y.org']],
    ['josé@exämple.de', ['josé@exämple.de']],
  ])('%j → %j', (value, list) => {
    expect(parseEmailList(value, 'Email')).toEqual({ ok: true, value: list });
  });

  test.each<[CellValue, string]>([
    ['bob@@x', "Email 'bob@@x' is not a valid address"],
    ['bob', "Email 'bob' is not a valid address"],
    ['bob@x', "Email 'bob@x' is not a valid address"],
    ['@x.com', "Email '@x.com' is not a valid address"],
    ['bob@', "Email 'bob@' is not a valid address"],
    ['bob smith@x.com', "Email 'bob smith@x.com' is not a valid address"],
    ['jane@x.com, bob@y', "Email 'bob@y' is not a valid address"],
    ['"bob"@x.com', 'Email \'"bob"@x.com\' is not a valid address'],
    ['Jane <jane@x.com', "Email 'Jane <jane@x.com' is not a valid address"],
    ['Jane <jane@x.com> <b@y.org>', "Email 'Jane <jane@x.com> <b@y.org>' is not a valid address"],
    ['jane@x.com>', "Email 'jane@x.com>' is not a valid address"],
    ['jane@x..com', "Email 'jane@x..com' is not a valid address"],
    ['.jane@x.com', "Email '.jane@x.com' is not a valid address"],
    ['jane@-x.com', "Email 'jane@-x.com' is not a valid address"],
    ['jane@x.123', "Email 'jane@x.123' is not a valid address"],
    ['"Doe, Jane <jane@x.com>', "Email '\"Doe, Jane <jane@x.com>' has a quote that is never closed"],
    ['jane@x.com\nBcc: evil@y.org', 'Email has a line break in it — put the addresses on one line, separated by commas'],
    ['jane@x.com\r', 'Email has a line break in it — put the addresses on one line, separated by commas'],
    [42, "Email '42' is not a valid address"],
    [true, "Email 'TRUE' is not a valid address"],
  ])('%j is refused', (value, message) => {
    expect(parseEmailList(value, 'Email')).toEqual({ ok: false, error: message });
  });

  test('never throws; every address returned is plain and valid, without duplicates', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          binaryString({ maxLength: 60 }),
          fc.string({
            unit: fc.constantFrom('a', 'B', '@', '.', ',', ';', ' ', '<', '>', '"', 'x', 'c', 'o', 'm', '\n'),
            maxLength: 40,
          }),
        ),
        (s) => {
          const r = parseEmailList(s, 'Email');
          if (!r.ok) return;
          const lower = r.value.map((a) => a.toLowerCase());
          expect(new Set(lower).size).toBe(lower.length);
          for (const a of r.value) {
            expect(isEmailAddress(a)).toBe(true);
            expect(a).not.toMatch(/[\s<>",;]/);
            expect(a.split('@')).toHaveLength(2);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('small cell readers', () => {
  test.each<[CellValue, boolean]>([
    [true, true],
    ['TRUE', true],
    ['true', true],
    ['yes', true],
    ['Yes', true],
    ['x', true],
    ['X', true],
    ['✓', true],
    ['On hold', true],
    [1, true],
    [false, false],
    ['', false],
    ['FALSE', false],
    ['no', false],
    [0, false],
  ])('parseTick(%j) = %s', (value, ticked) => {
    expect(parseTick(value, 'Paused')).toEqual({ ok: true, value: ticked });
  });

  test.each<CellValue>(['maybe', 2, { date: '2026-01-01' }])('parseTick(%j) is refused', (value) => {
    const r = parseTick(value, 'Paused');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^Paused '.*' is not understood — tick the box, or write yes or no$/);
  });

  test.each<[CellValue, string]>([
    ['', ''],
    ['https://pay.example.com/inv/7?x=1#a', 'https://pay.example.com/inv/7?x=1#a'],
    [' http://pay.example.com ', 'http://pay.example.com'],
    ['HTTPS://PAY.EXAMPLE.COM', 'HTTPS://PAY.EXAMPLE.COM'],
  ])('parsePaymentLink(%j) = %s', (value, link) => {
    expect(parsePaymentLink(value, 'Payment link')).toEqual({ ok: true, value: link });
  });

  test.each<CellValue>([
    'javascript:alert(1)',
    'JavaScript://x.com/%0aalert(1)',
    'data:text/html,<b>x</b>',
    'www.pay.example.com',
    'ftp://pay.example.com',
    'https://',
    'https://pay example.com',
    'https://pay.example.com/"onmouseover="x',
    'https://pay.example.com/<script>',
    'https://nodot',
    42,
    true,
  ])('parsePaymentLink(%j) is refused', (value) => {
    const r = parsePaymentLink(value, 'Payment link');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^Payment link '/);
  });
});

describe('parseInvoiceSheet rows', () => {
  test('a complete valid row', () => {
    const inv = valid({
      invoice: ' inv-7 ',
      client: '  Acme & Sons <Ltd> ',
      email: 'Jane <jane@acme.test>; bob@acme.test',
      amount: '$1,200.00',
      currency: 'usd',
      issueDate: { date: '2026-03-01' },
      dueDate: '2026-03-31',
      paidDate: '',
      amountPaid: 200.5,
      contactName: ' Jane ',
      billingEmail: 'ap@acme.test',
      paused: 'no',
      paymentLink: 'https://pay.example.com/7',
    });
    expect(inv).toEqual<Invoice>({
      row: 2,
      key: 'INV-7',
      invoice: 'inv-7',
      client: 'Acme & Sons <Ltd>',
      emails: ['jane@acme.test', 'bob@acme.test'],
      amount: 1200,
      amountPaid: 200.5,
      balance: 999.5,
      currency: 'USD',
      issueDate: '2026-03-01',
      dueDate: '2026-03-31',
      paidDate: null,
      contactName: 'Jane',
      billingEmails: ['ap@acme.test'],
      paused: false,
      paid: false,
      disputed: false,
      paymentLink: 'https://pay.example.com/7',
      userStatus: '',
      promisedDate: null,
    });
  });

  test('row numbers start at firstRow and skip nothing but blank rows', () => {
    const blank = HEAD.map(([f]) => (f === 'paused' ? false : '   '));
    const parsed = parseRows([row({ invoice: 'A' }), blank, [], row({ invoice: 'B' })], COLUMNS, EN_US, 5);
    expect(parsed.map((p) => (p.ok ? [p.invoice.row, p.invoice.key] : p.invalid.row))).toEqual([
      [5, 'A'],
      [8, 'B'],
    ]);
  });

  test('a row with only a ticked checkbox is not blank', () => {
    const cells = HEAD.map(([f]) => (f === 'paused' ? true : ''));
    const parsed = parseRows([cells], COLUMNS, EN_US);
    expect(parsed).toHaveLength(1);
    expect(parsed[0]?.ok).toBe(false);
  });

  test('missing columns and short rows read as empty cells', () => {
    const columns = mapHeaders(['Invoice', 'Client', 'Email', 'Amount', 'Due Date'], { owned: {} }).columns;
    const parsed = parseRows(
      [
        ['INV-1', 'Acme', 'a@acme.test', 10, '2026-01-31'],
        ['INV-2', 'Beta'],
      ],
      columns,
      EN_US,
    );
    expect(parsed[0]?.ok).toBe(true);
    expect(parsed[1]).toEqual({
      ok: false,
      invalid: {
        row: 3,
        key: 'INV-2',
        invoice: 'INV-2',
        client: 'Beta',
        error: 'Email is empty; Amount is empty; Due date is empty',
        outcome: { kind: 'error', code: 'invalid-cells', message: 'Email is empty; Amount is empty; Due date is empty' },
      },
    });
  });

  test.each<[Partial<Record<InputField, CellValue>>, string]>([
    [{ invoice: '' }, 'Invoice number is empty'],
    [{ invoice: true }, "Invoice number 'TRUE' is not an invoice number"],
    [{ invoice: 'x'.repeat(101) }, 'Invoice number is too long (more than 100 characters)'],
    [{ client: '' }, 'Client is empty'],
    [{ client: '  ' }, 'Client is empty'],
    [{ client: false }, "Client 'FALSE' is not a name"],
    [{ email: '' }, 'Email is empty'],
    [{ email: ' ; , ' }, 'Email is empty'],
    [{ email: 'bob@@x' }, "Email 'bob@@x' is not a valid address"],
    [{ amount: '' }, 'Amount is empty'],
    [{ amount: 'abc' }, "Amount 'abc' is not a number"],
    [
      { currency: 'EURO' },
      "Currency 'EURO' is not a currency code or symbol — write a code such as USD, EUR or GBP, a symbol such as €, £ or $, or a name with its code (Euro (EUR))",
    ],
    [
      { currency: '¤' },
      "Currency '¤' is not a currency code or symbol — write a code such as USD, EUR or GBP, a symbol such as €, £ or $, or a name with its code (Euro (EUR))",
    ],
    [
      { currency: 17 },
      "Currency '17' is not a currency code or symbol — write a code such as USD, EUR or GBP, a symbol such as €, £ or $, or a name with its code (Euro (EUR))",
    ],
    [{ amount: '€1,200', currency: 'USD' }, "Amount '€1,200' is in EUR but Currency says USD"],
    [{ amount: 'GBP 10', currency: 'EUR' }, "Amount 'GBP 10' is in GBP but Currency says EUR"],
    [{ amount: '$1,200', currency: 'EUR' }, "Amount '$1,200' is in dollars but Currency says EUR"],
    [{ dueDate: '' }, 'Due date is empty'],
    [{ dueDate: '31/02/2026' }, "Due date '31/02/2026' is not a real date"],
    [
      { dueDate: 46000 },
      "Due date '46000' is a plain number, not a date — format the column as a date (Format › Number › Date) and type the date again",
    ],
    [{ issueDate: 'soon' }, "Issue date 'soon' is not a date — write it like 11/24/2026 or 2026-11-24"],
    [{ issueDate: { date: '2026-04-01' } }, 'Due date (March 31, 2026) is before the issue date (April 1, 2026)'],
    [
      { paidDate: 'yesterday' },
      "Paid date 'yesterday' is not a date — write it like 11/24/2026 or 2026-11-24 (or tick it, or write yes or no)",
    ],
    [{ amountPaid: 'lots' }, "Amount paid 'lots' is not a number"],
    [{ amountPaid: -1 }, "Amount paid '-1' is negative"],
    [{ amountPaid: '€100' }, "Amount paid '€100' is in EUR but the invoice is in USD"],
    [{ amountPaid: '¥100' }, "Amount paid '¥100' is in yen or yuan but the invoice is in USD"],
    [{ contactName: true }, "Contact name 'TRUE' is not a name"],
    [{ billingEmail: 'ap@' }, "Billing email 'ap@' is not a valid address"],
    [{ paused: 'maybe' }, "Paused 'maybe' is not understood — tick the box, or write yes or no"],
    [
      { paymentLink: 'javascript:alert(1)' },
      "Payment link 'javascript:alert(1)' is not a web address — it must start with https:// (or http://)",
    ],
    [{ client: '#REF!' }, 'Client shows a spreadsheet error (#REF!) — fix the formula in that cell'],
    [{ amount: '#N/A' }, 'Amount shows a spreadsheet error (#N/A) — fix the formula in that cell'],
    [{ dueDate: ' #VALUE! ' }, 'Due date shows a spreadsheet error (#VALUE!) — fix the formula in that cell'],
    [{ email: '#NAME?' }, 'Email shows a spreadsheet error (#NAME?) — fix the formula in that cell'],
    [{ amountPaid: '#DIV/0!' }, 'Amount paid shows a spreadsheet error (#DIV/0!) — fix the formula in that cell'],
    [{ invoice: '#ERROR!' }, 'Invoice number shows a spreadsheet error (#ERROR!) — fix the formula in that cell'],
    [{ paused: '#NUM!' }, 'Paused shows a spreadsheet error (#NUM!) — fix the formula in that cell'],
    [{ paymentLink: '#NULL!' }, 'Payment link shows a spreadsheet error (#NULL!) — fix the formula in that cell'],
  ])('%j → %s', (over, message) => {
    expect(error(over)).toBe(message);
  });

  test('several problems are joined in column order, at most three', () => {
    expect(error({ amount: 'abc', client: '', dueDate: 'x' })).toBe(
      "Client is empty; Amount 'abc' is not a number; Due date 'x' is not a date — write it like 11/24/2026 or 2026-11-24",
    );
    expect(error({ amount: 'abc', client: '', dueDate: 'x', paused: 'maybe', email: 'no' })).toBe(
      "Client is empty; Email 'no' is not a valid address; Amount 'abc' is not a number; and 2 more problems",
    );
    // Column order is the sheet's, not the field list's.
    const columns = mapHeaders(['Due Date', 'Amount', 'Invoice', 'Client', 'Email'], { owned: {} }).columns;
    const [r] = parseRows([['x', 'abc', 'INV-1', 'Acme', 'a@acme.test']], columns, EN_US);
    expect(r?.ok === false && r.invalid.error).toMatch(/^Due date 'x'.*; Amount 'abc'/);
  });

  test('an invalid row still carries its key, invoice and client for the log', () => {
    const r = parseOne({ invoice: ' inv  9 ', client: 'Beta\nCorp', amount: 'abc' });
    expect(r).toEqual({
      ok: false,
      invalid: {
        row: 2,
        key: 'INV 9',
        invoice: 'inv  9',
        client: 'Beta Corp',
        error: "Amount 'abc' is not a number",
        outcome: { kind: 'error', code: 'invalid-cells', message: "Amount 'abc' is not a number" },
      },
    });
    const noKey = parseOne({ invoice: '', amount: 1 });
    expect(noKey.ok === false && noKey.invalid.key).toBeNull();
  });

  describe('currency', () => {
    test.each<[Partial<Record<InputField, CellValue>>, { locale: string; defaultCurrency: string }, string, number]>([
      [{ amount: 100 }, EN_US, 'USD', 100],
      [{ amount: 100 }, { locale: 'en_US', defaultCurrency: 'EUR' }, 'EUR', 100],
      [{ amount: 100 }, { locale: 'de_DE', defaultCurrency: '' }, 'EUR', 100],
      [{ amount: 100 }, { locale: 'ja_JP', defaultCurrency: '' }, 'JPY', 100],
      [{ amount: 100, currency: 'gbp' }, EN_US, 'GBP', 100],
      [{ amount: 'EUR 17' }, EN_US, 'EUR', 17],
      [{ amount: '€17', currency: 'EUR' }, EN_US, 'EUR', 17],
      [{ amount: '$17' }, EN_US, 'USD', 17],
      [{ amount: '$17' }, { locale: 'en_AU', defaultCurrency: 'AUD' }, 'AUD', 17],
      [{ amount: '$17', currency: 'CAD' }, EN_US, 'CAD', 17],
      [{ amount: '$17' }, { locale: 'de_DE', defaultCurrency: 'EUR' }, 'USD', 17],
      [{ amount: '1.200,50' }, { locale: 'de_DE', defaultCurrency: 'EUR' }, 'EUR', 1200.5],
      [{ amount: 1200.5, currency: 'JPY' }, EN_US, 'JPY', 1201],
      [{ amount: '1200.5 JPY' }, EN_US, 'JPY', 1201],
      [{ amount: '1200.5' }, { locale: 'ja_JP', defaultCurrency: 'USD' }, 'USD', 1200.5],
    ])('%j in %j → %s %d', (over, ctx, currency, amount) => {
      const inv = valid(over, ctx);
      expect(inv.currency).toBe(currency);
      expect(inv.amount).toBe(amount);
    });
  });

  describe('balance', () => {
    test.each<[CellValue, CellValue, number, number]>([
      [1200, '', 0, 1200],
      [1200, 0, 0, 1200],
      [1200, 200, 200, 1000],
      [1200, '$200.10', 200.1, 999.9],
      [0.3, 0.1, 0.1, 0.2],
      [100, 150, 150, 0],
      [100, 100, 100, 0],
    ])('amount %j, paid %j → balance %d', (amount, paid, amountPaid, balance) => {
      const inv = valid({ amount, amountPaid: paid });
      expect(inv.amountPaid).toBe(amountPaid);
      expect(inv.balance).toBe(balance);
    });
  });

  test.each<[CellValue, boolean]>([
    [true, true],
    ['TRUE', true],
    ['yes', true],
    ['x', true],
    ['✓', true],
    [false, false],
    ['', false],
    ['no', false],
  ])('paused %j → %s', (paused, expected) => {
    expect(valid({ paused }).paused).toBe(expected);
  });

  test('dates in several forms; a paid date in the future is fine; an unticked Paid box is no date', () => {
    const inv = valid({ issueDate: '1 Mar 2026', dueDate: '03/31/2026', paidDate: { date: '2099-01-01' } });
    expect([inv.issueDate, inv.dueDate, inv.paidDate]).toEqual(['2026-03-01', '2026-03-31', '2099-01-01']);
    expect(valid({ paidDate: false }).paidDate).toBeNull();
    expect(valid({ dueDate: '31/03/2026' }, { locale: 'en_GB', defaultCurrency: 'GBP' }).dueDate).toBe('2026-03-31');
    expect(valid({ issueDate: { date: '2026-03-31' } }).issueDate).toBe('2026-03-31'); // same day as due is fine
  });

  test('names keep their text but not line breaks or control characters', () => {
    const inv = valid({ client: 'Smith & <Co> "Ltd"', contactName: 'Ann\r\nMarie\u0007' });
    expect(inv.client).toBe('Smith & <Co> "Ltd"');
    expect(inv.contactName).toBe('Ann Marie');
    expect(valid({ invoice: 1001 }).invoice).toBe('1001');
    expect(valid({ invoice: 1001 }).key).toBe('1001');
  });

  describe('duplicate invoice numbers', () => {
    test('every row sharing a number is an error, naming all the rows', () => {
      const parsed = parseRows(
        [row({ invoice: 'INV-7' }), row({ invoice: 'INV-8' }), row({ invoice: 'inv-7 ' }), row({ invoice: 'INV-9' })],
        COLUMNS,
        EN_US,
        4,
      );
      // Rows 4 and 6 share INV-7.
      expect(parsed.map((p) => p.ok)).toEqual([false, true, false, true]);
      expect((parsed[0] as { invalid: InvalidRow }).invalid.error).toBe(
        "Invoice number 'INV-7' is used on rows 4 and 6 — each invoice needs its own number",
      );
      expect((parsed[2] as { invalid: InvalidRow }).invalid.error).toBe(
        "Invoice number 'inv-7' is used on rows 4 and 6 — each invoice needs its own number",
      );
    });

    test('a number and its text form are the same invoice; an invalid twin still counts', () => {
      const parsed = parseRows(
        [row({ invoice: 1001 }), row({ invoice: '1001', amount: 'abc' }), row({ invoice: '1001' })],
        COLUMNS,
        EN_US,
      );
      expect(parsed.every((p) => !p.ok)).toBe(true);
      expect((parsed[1] as { invalid: InvalidRow }).invalid.error).toBe(
        "Invoice number '1001' is used on rows 2, 3 and 4 — each invoice needs its own number; Amount 'abc' is not a number",
      );
    });

    test('blank rows and error cells are not duplicates', () => {
      const parsed = parseRows([row({ invoice: '#REF!' }), row({ invoice: '#REF!' })], COLUMNS, EN_US);
      for (const p of parsed)
        expect(p.ok === false && p.invalid.error).toBe(
          'Invoice number shows a spreadsheet error (#REF!) — fix the formula in that cell',
        );
    });

    test('property: rows that differ are all flagged; an identical copy is a duplicate of the first', () => {
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom('A-1', 'a-1', 'B-2', 'C-3', 'D-4', ' d-4', 'E-5'), { minLength: 1, maxLength: 12 }),
          (numbers) => {
            const parsed = parseRows(
              numbers.map((n) => row({ invoice: n })),
              COLUMNS,
              EN_US,
            );
            expect(parsed).toHaveLength(numbers.length);
            // The rows differ only by how the number is written: one kind of row per spelling.
            const spellings = new Map<string, Set<string>>();
            for (const n of numbers) {
              const key = n.trim().toUpperCase();
              spellings.set(key, (spellings.get(key) ?? new Set()).add(n));
            }
            numbers.forEach((n, i) => {
              const p = parsed[i] as ParsedRow;
              const first = numbers.indexOf(n);
              if (first < i) {
                expect(!p.ok && p.invalid.outcome).toMatchObject({ kind: 'not-invoice', code: 'duplicate', of: first + 2 });
                return;
              }
              const shared = (spellings.get(n.trim().toUpperCase())?.size ?? 0) > 1;
              expect(p.ok).toBe(!shared);
              if (!p.ok) expect(p.invalid.error).toMatch(/is used on rows .* — each invoice needs its own number/);
            });
          },
        ),
      );
    });

    test('two identical rows are one invoice: the first is read, the second is a duplicate of it', () => {
      const parsed = parseRows([row({ invoice: 'INV-7' }), row({ invoice: 'INV-8' }), row({ invoice: 'INV-7' })], COLUMNS, EN_US);
      expect(parsed.map((p) => p.ok)).toEqual([true, true, false]);
      expect((parsed[2] as { invalid: InvalidRow }).invalid).toMatchObject({
        row: 4,
        key: null,
        invoice: 'INV-7',
        error: 'Duplicate of row 2: the same invoice INV-7 in every cell the add-on reads, so it is followed up once, on row 2',
        outcome: { kind: 'not-invoice', code: 'duplicate', of: 2 },
      });
    });

    test('a copy beside a row that differs: the copy is a duplicate, the rows that differ are errors naming each other', () => {
      const parsed = parseRows(
        [row({ invoice: 'INV-7' }), row({ invoice: 'INV-7' }), row({ invoice: 'INV-7', amount: 999 })],
        COLUMNS,
        EN_US,
      );
      const [first, copy, other] = parsed.map((p) =>
        p.ok ? 'ok' : (p.invalid.outcome?.code ?? 'error') + ': ' + p.invalid.error,
      );
      expect(first).toBe("invalid-cells: Invoice number 'INV-7' is used on rows 2 and 4 — each invoice needs its own number");
      expect(copy).toMatch(/^duplicate: Duplicate of row 2:/);
      expect(other).toBe("invalid-cells: Invoice number 'INV-7' is used on rows 2 and 4 — each invoice needs its own number");
    });

    test('what the cell shows counts: the same value shown in another currency is not a copy', () => {
      const rows = [row({ invoice: 'INV-7' }), row({ invoice: 'INV-7' })];
      const amountCol = COLUMNS.amount as number;
      const display = [[], []] as string[][];
      display[0]![amountCol] = '$100.00';
      display[1]![amountCol] = '€100.00';
      const parsed = parseRows(rows, COLUMNS, EN_US, 2, { display });
      expect(parsed.map((p) => p.ok || p.invalid.outcome?.code)).toEqual(['invalid-cells', 'invalid-cells']);
    });
  });

  const ordinaryCell: fc.Arbitrary<unknown> = fc.oneof(
    binaryString({ maxLength: 40 }),
    fc.constantFrom('', ' ', '#REF!', 'TRUE', 'yes', '$1,200', '31/02/2026', 'a@b.co', 'https://x.io', 'javascript:x', '\n'),
    fc.double(),
    fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e300, Number.MAX_VALUE, -1),
    fc.integer(),
    fc.boolean(),
    fc.string({ maxLength: 12 }).map((date) => ({ date })),
    fc.constantFrom({ date: '2026-02-30' }, { date: '0000-01-01' }, { date: '9999-12-31' }, null, undefined, {}, []),
  );
  const anyCell: fc.Arbitrary<unknown> = fc.oneof(
    { arbitrary: ordinaryCell, weight: 30 },
    { arbitrary: fc.constant('y'.repeat(200_000)), weight: 1 },
  );
  const garbageRow = fc.array(anyCell, { maxLength: 16 }) as fc.Arbitrary<CellValue[]>;

  test('never throws for any cells, returns one result per non-blank row, in order, with readable errors', () => {
    fc.assert(
      fc.property(
        fc.array(garbageRow, { maxLength: 8 }),
        fc.constantFrom('en_US', 'de_DE', 'ja_JP', '', 'zz'),
        (rows, locale) => {
          const parsed = parseRows(rows, COLUMNS, { locale, defaultCurrency: '' });
          expect(parsed.length).toBeLessThanOrEqual(rows.length);
          // One expect per case, on the list of what is wrong: 1,500 cases of up to 8 rows each.
          const wrong: string[] = [];
          let last = 0;
          for (const p of parsed) {
            const r = p.ok ? p.invoice.row : p.invalid.row;
            if (!(r > last)) wrong.push(`row ${r} after row ${last}`);
            last = r;
            if (p.ok) {
              const { emails, balance, amount } = p.invoice;
              if (emails.length === 0) wrong.push(`row ${r}: valid without an email`);
              if (!(Number.isFinite(balance) && balance >= 0 && balance <= amount))
                wrong.push(`row ${r}: balance ${balance} of ${amount}`);
            } else {
              const { error } = p.invalid;
              // The safety net ('could not be read') never fires; every error is one readable line.
              if (error === '' || error.includes('could not be read') || /[\n\r]/.test(error) || error.length >= 1000) {
                wrong.push(`row ${r}: error ${JSON.stringify(error.slice(0, 200))}`);
              }
            }
          }
          expect(wrong).toEqual([]);
        },
      ),
      { numRuns: 1500 },
    );
  });

  test('a valid row stays valid, unchanged, whatever garbage the other rows hold', () => {
    const good = row({ invoice: 'GOOD-1', amount: '$1,200.00', amountPaid: 100 });
    const [alone] = parseRows([good], COLUMNS, EN_US);
    expect(alone?.ok).toBe(true);
    fc.assert(
      fc.property(fc.array(garbageRow, { maxLength: 6 }), fc.array(garbageRow, { maxLength: 6 }), (before, after) => {
        const safe = (rs: CellValue[][]) => rs.filter((r) => invoiceKey((r[0] ?? '') as CellValue) !== 'GOOD-1');
        const rows = [...safe(before), good, ...safe(after)];
        const parsed = parseRows(rows, COLUMNS, EN_US);
        const mine = parsed.find((p) => p.ok && p.invoice.key === 'GOOD-1');
        expect(mine).toBeDefined();
        if (mine?.ok && alone?.ok) expect(mine.invoice).toEqual({ ...alone.invoice, row: 2 + safe(before).length });
      }),
      { numRuns: 500 },
    );
  });
});
