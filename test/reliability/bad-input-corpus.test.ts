// Bad-input corpus (issue "Prove it"): over a hundred malformed rows mixed with good rows in one
// sheet, then fast-check cell values in random cells. One run never throws; every bad row gets a
// readable "Error: …"; the good rows get exactly what they get in a sheet of good rows only.
import fc from 'fast-check';
import { binaryString } from '../arbitraries';
import type { RawCell } from '../../local/sheetModel';
import { addDays, HEADERS, setUp } from '../integration/harness';

const TODAY = '2026-11-24';
const day = (n: number): { date: string } => ({ date: addDays(TODAY, n) });

type Cells = Partial<Record<(typeof HEADERS)[number], RawCell>>;

function rowOf(cells: Cells): RawCell[] {
  return HEADERS.map((h) => (h in cells ? (cells[h as keyof Cells] as RawCell) : ''));
}

// ---- good rows: every kind of valid row, due at every stage on TODAY -------------------------------

const GOOD: Cells[] = [
  {
    Invoice: 'G-01',
    Client: 'Reminder Co',
    Email: 'a@good.test',
    Amount: 1200,
    Currency: 'USD',
    'Due Date': day(-1),
    Paused: false,
  },
  {
    Invoice: 'G-02',
    Client: 'Firm & Sons <Ltd>',
    'Contact Name': 'Jo',
    Email: 'Jo Smith <jo@good.test>; jo2@good.test',
    Amount: '$1,200.50',
    'Due Date': day(-7),
    Paused: false,
  },
  {
    Invoice: 'G-03',
    Client: 'Escalate AG',
    Email: 'c@good.test',
    'Billing Email': 'ap@good.test',
    Amount: 'EUR 17',
    Currency: 'EUR',
    'Due Date': day(-14),
    Paused: false,
  },
  {
    Invoice: 'G-04',
    Client: 'Formal Ltd',
    Email: 'd@good.test',
    'Billing Email': 'ap-d@good.test',
    Amount: 99.99,
    'Due Date': day(-21),
    Paused: false,
  },
  { Invoice: 'G-05', Client: 'Not Due Inc', Email: 'e@good.test', Amount: 10, 'Due Date': day(3), Paused: false },
  {
    Invoice: 'G-06',
    Client: 'Paid Inc',
    Email: 'f@good.test',
    Amount: 10,
    'Due Date': day(-5),
    'Paid Date': day(-2),
    Paused: false,
  },
  { Invoice: 'G-07', Client: 'Held Inc', Email: 'g@good.test', Amount: 10, 'Due Date': day(-5), Paused: true },
  { Invoice: 'G-08', Client: 'Decide Co', Email: 'h@good.test', Amount: 5000, 'Due Date': day(-30), Paused: false },
  { Invoice: 'G-09', Client: 'Today Co', Email: 'i@good.test', Amount: 10, 'Due Date': day(0), Paused: false },
  {
    Invoice: 'G-10',
    Client: 'Partial Co',
    Email: 'j@good.test',
    Amount: 3000,
    'Amount Paid': 1000,
    'Due Date': day(-1),
    'Payment Link': 'https://pay.good.test/j?x=1',
    Paused: false,
  },
  {
    Invoice: 1001,
    Client: '=HYPERLINK("x")',
    Email: 'k@good.test',
    Amount: '1200',
    'Due Date': addDays(TODAY, -1),
    Paused: 'yes',
  },
  {
    Invoice: 'G-12',
    Client: 'Text Date Co',
    Email: 'mailto:l@good.test',
    Amount: 15,
    'Due Date': addDays(TODAY, -7),
    'Issue Date': day(-40),
    Paused: 'no',
  },
];

// ---- bad rows: each a good-looking row with one (or a few) cells broken ---------------------------

interface BadCase {
  name: string;
  cells: Cells;
  error: RegExp;
}

let serial = 0;
/** A row that would get a reminder today if it were valid, with `cells` replaced. */
function bad(name: string, cells: Cells, error: RegExp): BadCase {
  serial++;
  const n = String(serial).padStart(3, '0');
  const base: Cells = {
    Invoice: `B-${n}`,
    Client: `Bad ${n}`,
    Email: `b${n}@bad.test`,
    Amount: 100,
    Currency: 'USD',
    'Due Date': day(-1),
    Paused: false,
  };
  return { name, cells: { ...base, ...cells }, error };
}

const long = (n: number, unit = 'x'): string => unit.repeat(n);

const CASES: BadCase[] = [
  // Email
  bad('two @', { Email: 'bob@@client.test' }, /^Error: Email 'bob@@client\.test' is not a valid address$/),
  bad('space inside', { Email: 'bob smith@client.test' }, /^Error: Email 'bob smith@client\.test' is not a valid address$/),
  bad('no domain dot', { Email: 'bob@localhost' }, /^Error: Email 'bob@localhost' is not a valid address$/),
  bad('no local part', { Email: '@client.test' }, /^Error: Email '@client\.test' is not a valid address$/),
  bad('no domain', { Email: 'bob@' }, /^Error: Email 'bob@' is not a valid address$/),
  bad('no @ at all', { Email: 'bob' }, /^Error: Email 'bob' is not a valid address$/),
  bad('double dot in domain', { Email: 'bob@client..test' }, /^Error: Email 'bob@client\.\.test' is not a valid address$/),
  bad('leading dot', { Email: '.bob@client.test' }, /^Error: Email '\.bob@client\.test' is not a valid address$/),
  bad('trailing dot in local part', { Email: 'bob.@client.test' }, /^Error: Email 'bob\.@client\.test' is not a valid address$/),
  bad('numeric top-level domain', { Email: 'bob@client.123' }, /^Error: Email 'bob@client\.123' is not a valid address$/),
  bad('underscore in domain', { Email: 'bob@cli_ent.test' }, /^Error: Email 'bob@cli_ent\.test' is not a valid address$/),
  bad(
    'one good, one bad',
    { Email: 'ok@client.test; bad@@client.test' },
    /^Error: Email 'bad@@client\.test' is not a valid address$/,
  ),
  bad('unclosed quote', { Email: '"Bob <bob@client.test>' }, /^Error: Email .* has a quote that is never closed$/),
  bad(
    'unclosed angle bracket',
    { Email: 'Bob <bob@client.test' },
    /^Error: Email 'Bob <bob@client\.test' is not a valid address$/,
  ),
  bad(
    'LF header injection',
    { Email: 'bob@client.test\nBcc: all@evil.test' },
    /^Error: Email has a line break in it — put the addresses on one line/,
  ),
  bad('CRLF header injection', { Email: 'bob@client.test\r\nCc: x@evil.test' }, /^Error: Email has a line break in it/),
  bad('Unicode line separator', { Email: 'bob@client.test\u2028x@evil.test' }, /^Error: Email has a line break in it/),
  bad(
    'NUL character',
    { Email: 'bob\u0000@client.test' },
    /^Error: Email 'bob @client\.test' contains an invisible control character$/,
  ),
  bad('bell character', { Email: 'bob@client.test\u0007' }, /^Error: Email .* contains an invisible control character$/),
  bad(
    'HTML as address',
    { Email: '<script>alert(1)</script>@x.test' },
    /^Error: Email '<script>alert\(1\)<\/script>@x\.test' is not a valid address$/,
  ),
  bad('a number', { Email: 42 }, /^Error: Email '42' is not a valid address$/),
  bad('a ticked box', { Email: true }, /^Error: Email 'TRUE' is not a valid address$/),
  bad('a date', { Email: day(0) }, /^Error: Email '.*' is not a valid address$/),
  bad('empty', { Email: '' }, /^Error: Email is empty$/),
  bad('only separators', { Email: ' ; , ' }, /^Error: Email is empty$/),
  bad('2,001 characters', { Email: `${long(1990)}@client.test` }, /^Error: Email is too long \(more than 2000 characters\)$/),
  bad('50,000 characters', { Email: long(50_000, 'a@b.c ') }, /^Error: Email is too long/),
  bad(
    'tab-separated',
    { Email: 'a@client.test\tb@client.test' },
    /^Error: Email 'a@client\.test b@client\.test' is not a valid address$/,
  ),
  bad(
    'billing: two @',
    { 'Billing Email': 'ap@@client.test' },
    /^Error: Billing email 'ap@@client\.test' is not a valid address$/,
  ),
  bad(
    'billing: line break',
    { 'Billing Email': 'ap@client.test\nBcc: x@evil.test' },
    /^Error: Billing email has a line break in it/,
  ),
  bad('billing: a number', { 'Billing Email': 7 }, /^Error: Billing email '7' is not a valid address$/),
  // Dates
  bad('31 February', { 'Due Date': '31/02/2026' }, /^Error: Due date '31\/02\/2026' is not a real date/),
  bad('30 February, ISO text', { 'Due Date': '2026-02-30' }, /^Error: Due date '2026-02-30' is not a real date$/),
  bad('month 13', { 'Due Date': '2026-13-01' }, /^Error: Due date '2026-13-01' is not a real date$/),
  bad('day 32', { 'Due Date': '01/32/2026' }, /^Error: Due date '01\/32\/2026' is not a real date/),
  bad(
    'two-digit year',
    { 'Due Date': '11/01/26' },
    /^Error: Due date '11\/01\/26' has a two-digit year — write the year in full/,
  ),
  bad('all zeros', { 'Due Date': '00/00/0000' }, /^Error: Due date '00\/00\/0000' is not a real date/),
  bad(
    'a word',
    { 'Due Date': 'tomorrow' },
    /^Error: Due date 'tomorrow' is not a date — write it like 11\/24\/2026 or 2026-11-24$/,
  ),
  bad('words', { 'Due Date': 'next Friday' }, /^Error: Due date 'next Friday' is not a date/),
  bad('named month, no year', { 'Due Date': '24 Nov' }, /^Error: Due date '24 Nov' is not a date/),
  bad('30 Feb with a month name', { 'Due Date': 'Feb 30, 2026' }, /^Error: Due date 'Feb 30, 2026' is not a real date$/),
  bad('four parts', { 'Due Date': '1/2/3/4' }, /^Error: Due date '1\/2\/3\/4' is not a date/),
  bad(
    'a plain number',
    { 'Due Date': 46000 },
    /^Error: Due date '46000' is a plain number, not a date — format the column as a date/,
  ),
  bad('a ticked box', { 'Due Date': true }, /^Error: Due date 'TRUE' is not a date$/),
  bad('empty', { 'Due Date': '' }, /^Error: Due date is empty$/),
  bad('spaces only', { 'Due Date': '   ' }, /^Error: Due date is empty$/),
  bad(
    'year 1850 (a date cell)',
    { 'Due Date': { date: '1850-01-01' } },
    /^Error: Due date '1850-01-01' has the year 1850 — use a year between 1900 and 2200$/,
  ),
  bad('year 9999 (a date cell)', { 'Due Date': { date: '9999-12-31' } }, /^Error: Due date '9999-12-31' has the year 9999/),
  bad('5,000 characters', { 'Due Date': long(5000, '1') }, /^Error: Due date '1{10,}…' is not a date/),
  bad('control characters', { 'Due Date': '2026\u0000-11\u0007-01' }, /^Error: Due date '2026 -11 -01' is not a date/),
  bad('HTML', { 'Due Date': '<b>2026-11-01</b>' }, /^Error: Due date '<b>2026-11-01<\/b>' is not a date/),
  bad(
    'due before issue',
    { 'Issue Date': day(0), 'Due Date': day(-1) },
    /^Error: Due date \(November 23, 2026\) is before the issue date \(November 24, 2026\)$/,
  ),
  bad('issue date is a word', { 'Issue Date': 'last week' }, /^Error: Issue date 'last week' is not a date/),
  bad('issue date impossible', { 'Issue Date': '2026-04-31' }, /^Error: Issue date '2026-04-31' is not a real date$/),
  bad('paid date is a word', { 'Paid Date': 'yesterday' }, /^Error: Paid date 'yesterday' is not a date/),
  // A Paid column may hold a tick or a word (docs/own-sheet.md): the row is paid, never chased.
  bad('paid date is a ticked box', { 'Paid Date': true }, /^Paid$/),
  bad('paid date is a plain number', { 'Paid Date': 3 }, /^Error: Paid date '3' is a plain number, not a date/),
  bad('paid date says "paid"', { 'Paid Date': 'paid' }, /^Paid$/),
  // Amounts
  bad('TBD', { Amount: 'TBD' }, /^Error: Amount 'TBD' is not a number$/),
  bad('words', { Amount: 'five hundred' }, /^Error: Amount 'five hundred' is not a number$/),
  // A negative amount is a credit note (docs/own-sheet.md): no error, no email, the row says so.
  bad('accounting negative', { Amount: '(200)' }, /^Credit note$/),
  bad('negative number', { Amount: -5 }, /^Credit note$/),
  bad('negative text', { Amount: '-$5' }, /^Credit note$/),
  bad('trailing minus', { Amount: '5-' }, /^Credit note$/),
  bad('empty', { Amount: '' }, /^Error: Amount is empty$/),
  bad('two decimal points', { Amount: '1.2.3' }, /^Error: Amount '1\.2\.3' is not a number$/),
  bad('letters after digits', { Amount: '12abc' }, /^Error: Amount '12abc' is not a number$/),
  bad('too large', { Amount: 1e16 }, /^Error: Amount '10000000000000000' is too large$/),
  bad('1e308', { Amount: 1e308 }, /^Error: Amount '.*' is too large$/),
  bad('too large as text', { Amount: '$9,999,999,999,999' }, /^Error: Amount '\$9,999,999,999,999' is too large$/),
  bad('a ticked box', { Amount: true }, /^Error: Amount 'TRUE' is not a number$/),
  bad('a date', { Amount: day(0) }, /^Error: Amount '.*' is not a number$/),
  bad(
    'two currencies',
    { Amount: 'USD 5 EUR', Currency: '' },
    /^Error: Amount 'USD 5 EUR' names two currencies \(USD and EUR\)$/,
  ),
  bad('symbol and other code', { Amount: '$17 EUR', Currency: '' }, /^Error: Amount '\$17 EUR' names two currencies/),
  bad('EUR text, USD column', { Amount: 'EUR 17', Currency: 'USD' }, /^Error: Amount 'EUR 17' is in EUR but Currency says USD$/),
  bad('euro sign, USD column', { Amount: '€17', Currency: 'USD' }, /^Error: Amount '€17' is in .* but Currency says USD$/),
  bad('61 characters', { Amount: long(61, '1') }, /^Error: Amount '1{10,}…' is not a number$/),
  bad('HTML', { Amount: '<b>100</b>' }, /^Error: Amount '<b>100<\/b>' is not a number$/),
  bad('control character', { Amount: '10\u00000' }, /^Error: Amount '10 0' is not a number$/),
  bad('amount paid is a word', { 'Amount Paid': 'lots' }, /^Error: Amount paid 'lots' is not a number$/),
  bad('amount paid negative', { 'Amount Paid': -1 }, /^Error: Amount paid '-1' is negative$/),
  bad(
    'amount paid in another currency',
    { 'Amount Paid': 'EUR 5' },
    /^Error: Amount paid 'EUR 5' is in EUR but the invoice is in USD$/,
  ),
  // Currency
  bad(
    'currency in words',
    { Currency: 'US Dollars' },
    /^Error: Currency 'US Dollars' is not a currency code or symbol — write a code such as USD, EUR or GBP, a symbol such as €, £ or \$, or a name with its code \(Euro \(EUR\)\)$/,
  ),
  // A symbol or a name with its code is a currency; a sign no currency uses is not.
  bad('currency sign of no currency', { Currency: '¤' }, /^Error: Currency '¤' is not a currency code/),
  bad('a name with only a shared symbol', { Currency: 'Dollar ($)' }, /^Error: Currency 'Dollar \(\$\)' is not a currency code/),
  bad('unknown code', { Currency: 'XYZ' }, /^Error: Currency 'XYZ' is not a currency code/),
  bad('four letters', { Currency: 'EURO' }, /^Error: Currency 'EURO' is not a currency code/),
  bad('a number', { Currency: 840 }, /^Error: Currency '840' is not a currency code/),
  bad('a ticked box', { Currency: true }, /^Error: Currency 'TRUE' is not a currency code/),
  // Invoice number and client
  bad('invoice number empty', { Invoice: '' }, /^Error: Invoice number is empty$/),
  bad('invoice number is a ticked box', { Invoice: true }, /^Error: Invoice number 'TRUE' is not an invoice number$/),
  bad(
    'invoice number 101 characters',
    { Invoice: long(101, 'N') },
    /^Error: Invoice number is too long \(more than 100 characters\)$/,
  ),
  bad('invoice number 50,000 characters', { Invoice: long(50_000, 'N') }, /^Error: Invoice number is too long/),
  bad(
    'duplicate number (1st)',
    { Invoice: 'DUP-1' },
    /^Error: Invoice number 'DUP-1' is used on rows \d+ and \d+ — each invoice needs its own number$/,
  ),
  bad(
    'duplicate number (2nd, other case and spaces)',
    { Invoice: ' dup-1 ' },
    /^Error: Invoice number 'dup-1' is used on rows \d+ and \d+ — each invoice needs its own number$/,
  ),
  bad('triplicate number (1st)', { Invoice: 'DUP-3' }, /^Error: Invoice number 'DUP-3' is used on rows \d+, \d+ and \d+/),
  bad('triplicate number (2nd)', { Invoice: 'DUP-3' }, /^Error: Invoice number 'DUP-3' is used on rows \d+, \d+ and \d+/),
  bad('triplicate number (3rd)', { Invoice: 'dup-3' }, /^Error: Invoice number 'dup-3' is used on rows \d+, \d+ and \d+/),
  bad('client empty', { Client: '' }, /^Error: Client is empty$/),
  bad('client spaces only', { Client: '   ' }, /^Error: Client is empty$/),
  bad('client is a ticked box', { Client: true }, /^Error: Client 'TRUE' is not a name$/),
  bad('client 201 characters', { Client: long(201, 'C') }, /^Error: Client is too long \(more than 200 characters\)$/),
  bad('client 50,000 characters', { Client: long(50_000, 'C') }, /^Error: Client is too long/),
  bad('contact name is a ticked box', { 'Contact Name': false }, /^Error: Contact name 'FALSE' is not a name$/),
  bad('contact name 201 characters', { 'Contact Name': long(201, 'c') }, /^Error: Contact name is too long/),
  // Paused
  bad('paused: maybe', { Paused: 'maybe' }, /^Error: Paused 'maybe' is not understood — tick the box, or write yes or no$/),
  bad('paused: 2', { Paused: 2 }, /^Error: Paused '2' is not understood/),
  bad('paused: a date', { Paused: day(0) }, /^Error: Paused '.*' is not understood/),
  bad('paused: TRUEE', { Paused: 'TRUEE' }, /^Error: Paused 'TRUEE' is not understood/),
  bad('paused: HTML', { Paused: '<input checked>' }, /^Error: Paused '<input checked>' is not understood/),
  // Payment link
  bad(
    'javascript: link',
    { 'Payment Link': 'javascript:alert(1)' },
    /^Error: Payment link 'javascript:alert\(1\)' is not a web address — it must start with https:\/\//,
  ),
  bad('no scheme', { 'Payment Link': 'www.pay.test/x' }, /^Error: Payment link 'www\.pay\.test\/x' is not a web address/),
  bad('ftp link', { 'Payment Link': 'ftp://pay.test/x' }, /^Error: Payment link 'ftp:\/\/pay\.test\/x' is not a web address/),
  bad(
    'data: link',
    { 'Payment Link': 'data:text/html,<script>alert(1)</script>' },
    /^Error: Payment link 'data:text\/html,<script>alert\(1\)<\/script>' is not a web address/,
  ),
  bad('scheme only', { 'Payment Link': 'https://' }, /^Error: Payment link 'https:\/\/' is not a complete web address$/),
  bad(
    'host without a dot',
    { 'Payment Link': 'https://pay' },
    /^Error: Payment link 'https:\/\/pay' is not a complete web address$/,
  ),
  bad(
    'space in link',
    { 'Payment Link': 'https://pay.test/a b' },
    /^Error: Payment link 'https:\/\/pay\.test\/a b' has spaces or characters a web address cannot contain$/,
  ),
  bad(
    'quote and tag in link',
    { 'Payment Link': 'https://pay.test/"><script>' },
    /^Error: Payment link .* has spaces or characters a web address cannot contain$/,
  ),
  bad('a number', { 'Payment Link': 42 }, /^Error: Payment link '42' is not a web address/),
  bad(
    '2,001 characters',
    { 'Payment Link': `https://pay.test/${long(2000)}` },
    /^Error: Payment link is too long \(more than 2000 characters\)$/,
  ),
  // Spreadsheet error values, typed or computed
  bad(
    '#REF! in Invoice',
    { Invoice: { formula: '=Sheet9!A1', value: '#REF!' } },
    /^Error: Invoice number shows a spreadsheet error \(#REF!\) — fix the formula in that cell$/,
  ),
  bad(
    '#N/A in Client',
    { Client: { formula: '=VLOOKUP(1,A:A,2,0)', value: '#N/A' } },
    /^Error: Client shows a spreadsheet error \(#N\/A\)/,
  ),
  bad('#REF! text in Email', { Email: '#REF!' }, /^Error: Email shows a spreadsheet error \(#REF!\)/),
  bad(
    '#DIV/0! in Amount',
    { Amount: { formula: '=1/0', value: '#DIV/0!' } },
    /^Error: Amount shows a spreadsheet error \(#DIV\/0!\)/,
  ),
  bad(
    '#NUM! in Amount Paid',
    { 'Amount Paid': { formula: '=SQRT(-1)', value: '#NUM!' } },
    /^Error: Amount paid shows a spreadsheet error \(#NUM!\)/,
  ),
  bad('#VALUE! in Currency', { Currency: '#VALUE!' }, /^Error: Currency shows a spreadsheet error \(#VALUE!\)/),
  bad(
    '#NAME? in Due Date',
    { 'Due Date': { formula: '=TODAYY()', value: '#NAME?' } },
    /^Error: Due date shows a spreadsheet error \(#NAME\?\)/,
  ),
  bad(
    'uncomputed formula in Due Date',
    { 'Due Date': { formula: '=TODAY()' } },
    /^Error: Due date shows a spreadsheet error \(#ERROR!\)/,
  ),
  bad(
    '#VALUE! in Paid Date',
    { 'Paid Date': { formula: '=A1+"x"', value: '#VALUE!' } },
    /^Error: Paid date shows a spreadsheet error \(#VALUE!\)/,
  ),
  bad('#NULL! in Contact Name', { 'Contact Name': '#NULL!' }, /^Error: Contact name shows a spreadsheet error \(#NULL!\)/),
  bad(
    '#SPILL! in Billing Email',
    { 'Billing Email': { formula: '=A1:A2', value: '#SPILL!' } },
    /^Error: Billing email shows a spreadsheet error \(#SPILL!\)/,
  ),
  bad('#CALC! in Payment Link', { 'Payment Link': '#CALC!' }, /^Error: Payment link shows a spreadsheet error \(#CALC!\)/),
  bad('#ERROR! in Paused', { Paused: { formula: '=+' } }, /^Error: Paused shows a spreadsheet error \(#ERROR!\)/),
  bad(
    'formula whose value is not an address',
    { Email: { formula: '=A1', value: 'nobody' } },
    /^Error: Email 'nobody' is not a valid address$/,
  ),
  // Several problems at once: at most three, then a count
  bad(
    'five problems',
    { Email: 'x@@y.test', Amount: 'TBD', 'Due Date': 'soon', Paused: 'maybe', 'Payment Link': 'nope' },
    /^Error: Email 'x@@y\.test' is not a valid address; Amount 'TBD' is not a number; Due date 'soon' is not a date — .*; and 2 more problems$/,
  ),
];

// ---- readable errors -----------------------------------------------------------------------------------

/** What must never reach a Status cell, once the row's own text is taken out of it. */
const UNREADABLE = [
  /undefined/,
  /NaN/,
  /\[object/,
  /\bnull\b/,
  /\b(Type|Reference|Range|Syntax)Error\b/,
  /\n\s*at /,
  /\.(js|ts):\d+/,
  /Exception/,
  /=>|function\s*\(/,
  /prototype/,
];

/** The Status text minus every piece of the row's own cells it quotes (a cell may say "NaN"). */
function withoutQuotedCells(status: string, cells: readonly unknown[]): string {
  let out = status;
  for (const c of cells) {
    const text = typeof c === 'object' && c !== null ? JSON.stringify(c) : String(c);
    const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim(); // eslint-disable-line no-control-regex
    for (const piece of [flat, flat.slice(0, 59)]) if (piece.length > 0) out = out.split(piece).join('');
  }
  return out;
}

function unreadable(status: string, cells: readonly unknown[]): string[] {
  const text = withoutQuotedCells(status, cells);
  return UNREADABLE.filter((re) => re.test(text)).map((re) => `${re} in '${status.slice(0, 120)}'`);
}

// ---- the mixed sheet ---------------------------------------------------------------------------------

type Setup = ReturnType<typeof setUp>;

function sheetWith(rows: RawCell[][]): Setup {
  const t = setUp({ today: TODAY, rows: [] });
  t.runtime.sheet('Invoices').loadRows(rows, { startRow: 2 });
  return t;
}

function statusColumn(t: Setup): { status: number; rows: string[][] } {
  const rows = t.runtime.sheet('Invoices').displayRows();
  return { status: rows[0]!.indexOf('Status'), rows };
}

const STATUS_HEADERS = ['Status', 'Stage', 'Days Overdue', 'Last Follow-up', 'Next Follow-up'];

/** Status columns and emails of the good invoices, by invoice number. */
function goodOutcome(t: Setup): Record<string, unknown> {
  const rows = t.runtime.sheet('Invoices').displayRows();
  const header = rows[0]!;
  const out: Record<string, unknown> = {};
  for (const row of rows.slice(1)) {
    const invoice = row[0] ?? '';
    if (!/^(G-\d+|1001)$/.test(invoice)) continue;
    out[invoice] = {
      status: STATUS_HEADERS.map((h) => row[header.indexOf(h)]),
      mails: t.runtime.mail.sent
        .filter((m) => m.subject.startsWith(`Invoice ${invoice} from`))
        .map((m) => ({ to: m.to, cc: m.cc, subject: m.subject, body: m.body, html: m.htmlBody })),
    };
  }
  return out;
}

describe('the corpus: bad rows mixed with good ones, one run', () => {
  // Good rows at the top, between and below the bad ones.
  const layout: Array<{ kind: 'good'; cells: Cells } | { kind: 'bad'; c: BadCase }> = [];
  const every = Math.floor(CASES.length / GOOD.length);
  CASES.forEach((c, i) => {
    const g = GOOD[i / every];
    if (i % every === 0 && g) layout.push({ kind: 'good', cells: g });
    layout.push({ kind: 'bad', c });
  });
  for (const g of GOOD) if (!layout.some((l) => l.kind === 'good' && l.cells === g)) layout.push({ kind: 'good', cells: g });

  const mixed = sheetWith(layout.map((l) => rowOf(l.kind === 'good' ? l.cells : l.c.cells)));
  let thrown: unknown = null;
  try {
    mixed.daily();
  } catch (err) {
    thrown = err;
  }
  const onlyGood = sheetWith(GOOD.map(rowOf));
  onlyGood.daily();
  const { status, rows } = statusColumn(mixed);

  it(`has at least 100 bad rows (${CASES.length}) and every good row (${GOOD.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100);
    expect(layout.filter((l) => l.kind === 'good')).toHaveLength(GOOD.length);
  });

  it('the run does not throw and finishes (its summary is in the log)', () => {
    expect(thrown).toBeNull();
    const errors = CASES.filter((c) => c.error.source.startsWith('^Error')).length;
    expect(mixed.log().at(-1)?.Result).toMatch(new RegExp(`^Sent \\d+ · .* · ${errors} rows with errors$`));
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const at = layout.findIndex((l) => l.kind === 'bad' && l.c === c) + 1; // 0-based display row
    const row = rows[at]!;
    const s = row[status] ?? '';
    expect(s).toMatch(c.error);
    expect(unreadable(s, Object.values(c.cells))).toEqual([]);
    expect(row[status + 1]).toBe(''); // no stage
    const address = String(c.cells.Email);
    expect(
      mixed.runtime.mail.sent.filter((m) => m.to.join() === address || m.subject.includes(` ${String(c.cells.Invoice).trim()} `)),
    ).toEqual([]);
  });

  it("no email goes anywhere but to the good rows' addresses", () => {
    const good = new Set(onlyGood.runtime.mail.sent.flatMap((m) => [...m.to, ...m.cc, ...m.bcc]));
    const sentTo = mixed.runtime.mail.sent.flatMap((m) => [...m.to, ...m.cc, ...m.bcc]);
    expect(sentTo.filter((a) => !good.has(a))).toEqual([]);
    expect(onlyGood.runtime.mail.sent.length).toBeGreaterThanOrEqual(6);
  });

  it('good rows get exactly what they get in a sheet with only the good rows', () => {
    const alone = goodOutcome(onlyGood);
    expect(Object.keys(alone)).toHaveLength(GOOD.length);
    expect(goodOutcome(mixed)).toEqual(alone);
    for (const [invoice, o] of Object.entries(alone)) {
      const st = (o as { status: string[] }).status[0] ?? '';
      expect([invoice, st]).toEqual([invoice, expect.not.stringMatching(/^Error|^$/)]);
    }
  });

  it('the log has a readable line for every good email, and the run summary counts the errors', () => {
    const sent = mixed
      .log()
      .filter((r) => r.Result === 'sent')
      .map((r) => r.Invoice)
      .sort();
    expect(sent).toEqual(
      onlyGood
        .log()
        .filter((r) => r.Result === 'sent')
        .map((r) => r.Invoice)
        .sort(),
    );
  });
});

// ---- generated cell values ------------------------------------------------------------------------------

const errorValues = ['#REF!', '#N/A', '#DIV/0!', '#VALUE!', '#NAME?', '#ERROR!', '#NUM!', '#NULL!', '#SPILL!', '#CALC!'];

const cellValue: fc.Arbitrary<RawCell> = fc.oneof(
  binaryString({ maxLength: 40 }), // any code points (control characters included)
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\t',
    '\n',
    'TRUE',
    'FALSE',
    '=1+1',
    '+1',
    '-1',
    '@x',
    'undefined',
    'null',
    'NaN',
    '__proto__',
    'constructor',
    '{{invoice}}',
    '<b>x</b>',
    ...errorValues,
  ),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, 0.1 + 0.2),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: true, min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z') }),
  fc.constant('x'.repeat(50_000)),
  fc.constantFrom(...errorValues).map((value) => ({ formula: '=A0', value })),
);

/** The add-on's notion of "the same invoice number" (invisible characters out, spaces collapsed, case ignored). */
function invoiceKeyOf(v: unknown): string {
  return String(v)
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ') // eslint-disable-line no-control-regex
    .replace(/\s+/g, ' ')
    .trim()
    .toUpperCase();
}

/** Good rows of the property's baseline sheet (a smaller set: one load of the add-on per run). */
const PROP_GOOD = GOOD.slice(0, 10);
const propBaseline = (() => {
  const t = sheetWith(PROP_GOOD.map(rowOf));
  t.daily();
  const rows = t.runtime.sheet('Invoices').displayRows();
  const header = rows[0]!;
  return {
    byRow: rows.slice(1).map((r) => STATUS_HEADERS.map((h) => r[header.indexOf(h)])),
    mails: (invoice: string) =>
      t.runtime.mail.sent.filter((m) => m.subject.startsWith(`Invoice ${invoice} from`)).map((m) => [m.to, m.cc, m.body]),
  };
})();

describe('generated cell values in random cells', () => {
  it('never throw, never leave a non-empty row without a status, never touch the untouched rows', () => {
    const edit = fc.record({
      row: fc.nat({ max: PROP_GOOD.length - 1 }),
      column: fc.nat({ max: HEADERS.length - 1 }),
      value: cellValue,
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const cells = PROP_GOOD.map(rowOf);
        for (const e of edits) cells[e.row]![e.column] = e.value;
        const t = sheetWith(cells);
        expect(() => t.daily()).not.toThrow();
        const rows = t.runtime.sheet('Invoices').displayRows();
        const header = rows[0]!;
        const status = header.indexOf('Status');
        const touched = new Set(edits.map((e) => e.row));
        // An edit can make another row's invoice number a duplicate: those rows are exempt below.
        const invoiceEdits = edits.filter((e) => e.column === 0).map((e) => invoiceKeyOf(e.value));
        rows.slice(1).forEach((row, i) => {
          const inputs = row.slice(0, HEADERS.length);
          const s = row[status] ?? '';
          if (inputs.some((v) => v.trim() !== '' && v !== 'FALSE')) expect([i, s]).toEqual([i, expect.stringMatching(/\S/)]);
          expect(unreadable(s, cells[i] ?? [])).toEqual([]);
          const invoice = String(PROP_GOOD[i]!.Invoice);
          if (touched.has(i) || invoiceEdits.includes(invoiceKeyOf(invoice))) return;
          expect([invoice, STATUS_HEADERS.map((h) => row[header.indexOf(h)])]).toEqual([invoice, propBaseline.byRow[i]]);
          const mails = t.runtime.mail.sent
            .filter((m) => m.subject.startsWith(`Invoice ${invoice} from`))
            .map((m) => [m.to, m.cc, m.body]);
          expect([invoice, mails]).toEqual([invoice, propBaseline.mails(invoice)]);
        });
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 100) },
    );
  });
});
