// Bad input (README "The invoice sheet"): each bad row gets a readable "Error: …", nothing is sent for it,
// nothing becomes a formula, and the good rows go on as if the bad ones were not there.
import { addDays, HEADERS, rowCells, setUp, type Row } from './harness';

const DUE = '2026-11-02';
const TODAY = addDays(DUE, 1);

type Cell = string | number | boolean | { date: string } | { formula: string; value: string };

const CASES: Array<{ name: string; row: Row; cells?: Partial<Record<string, Cell>>; error: RegExp }> = [
  {
    name: 'two @ in an email',
    row: { invoice: 'E1', due: DUE, email: 'bob@@client.test' },
    error: /^Error: Email 'bob@@client\.test' is not a valid address/,
  },
  {
    name: 'a space inside an email',
    row: { invoice: 'E2', due: DUE, email: 'bob smith@client.test' },
    error: /^Error: Email .*bob smith@client\.test/,
  },
  {
    name: 'an email with no domain dot',
    row: { invoice: 'E3', due: DUE, email: 'bob@localhost' },
    error: /^Error: Email .*bob@localhost/,
  },
  {
    name: 'a line break in an email (header injection)',
    row: { invoice: 'E4', due: DUE, email: 'bob@client.test\nBcc: all@evil.test' },
    error: /^Error: Email/,
  },
  {
    name: 'an impossible date',
    row: { invoice: 'D1', due: '31/02/2026' },
    error: /^Error: Due date '31\/02\/2026' is not a real date/,
  },
  {
    name: 'an impossible ISO date typed as text',
    row: { invoice: 'D2', due: DUE },
    cells: { 'Due Date': '2026-02-30' },
    error: /^Error: Due date '2026-02-30' is not a real date/,
  },
  { name: 'a two-digit year', row: { invoice: 'D3', due: '11/01/26' }, error: /^Error: Due date '11\/01\/26'.*year in full/ },
  { name: 'a text amount', row: { invoice: 'A1', due: DUE, amount: 'TBD' }, error: /^Error: Amount 'TBD' is not a number/ },
  {
    name: 'a currency that contradicts the Currency column',
    row: { invoice: 'A4', due: DUE, amount: 'EUR 17', currency: 'USD' },
    error: /^Error: .*EUR.*USD|^Error: .*USD.*EUR/,
  },
  {
    name: 'a formula error in the amount',
    row: { invoice: 'A5', due: DUE },
    cells: { Amount: { formula: '=A1/0', value: '#DIV/0!' } },
    error: /^Error: Amount shows a spreadsheet error \(#DIV\/0!\)/,
  },
  { name: 'an empty client', row: { invoice: 'C1', due: DUE, client: '' }, error: /^Error: Client is empty/ },
  {
    name: 'a payment link that is not a web address',
    row: { invoice: 'L1', due: DUE },
    cells: { 'Payment Link': 'javascript:alert(1)' },
    error: /^Error: Payment link 'javascript:alert\(1\)' is not a web address/,
  },
];

/** Rows that are not invoices to chase (docs/own-sheet.md): no error, no email, a short status. */
const NOT_CHASED: typeof CASES = [
  { name: 'an accounting negative is a credit note', row: { invoice: 'A2', due: DUE, amount: '(200)' }, error: /^Credit note$/ },
  { name: 'a negative amount is a credit note', row: { invoice: 'A3', due: DUE, amount: -5 }, error: /^Credit note$/ },
  {
    name: 'a ticked box in Paid Date means paid',
    row: { invoice: 'P1', due: DUE },
    cells: { 'Paid Date': true },
    error: /^Paid$/,
  },
];

describe('each bad row gets a readable error and no email; the good row still gets its email', () => {
  it.each(CASES)('$name', expectStatusBesideGoodRow);
});

describe('a row that is not an invoice to chase says what it is; the good row still gets its email', () => {
  it.each(NOT_CHASED)('$name', expectStatusBesideGoodRow);
});

function expectStatusBesideGoodRow({ row, cells, error }: (typeof CASES)[number]): void {
  const good: Row = { invoice: 'GOOD-1', due: DUE, client: 'Good Client' };
  const bad = rowCells(row) as Cell[];
  for (const [header, value] of Object.entries(cells ?? {})) bad[HEADERS.indexOf(header)] = value as Cell;
  const t = setUp({ today: TODAY, rows: [good] });
  t.runtime.sheet('Invoices').loadRows([bad], { startRow: 3 });
  t.daily();
  const s = t.statuses();
  expect(s[row.invoice]?.Status).toMatch(error);
  expect(s['GOOD-1']?.Status).toBe('Overdue');
  expect(t.sent().map((m) => m.to)).toEqual([['good-1@client.test']]);
}

it('duplicate invoice numbers: both rows in error, neither emailed; other rows go on', () => {
  const t = setUp({
    today: TODAY,
    rows: [
      { invoice: 'INV-7', due: DUE, email: 'first@client.test' },
      { invoice: 'OK-1', due: DUE },
      { invoice: 'inv-7 ', due: DUE, email: 'second@client.test' },
    ],
  });
  t.daily();
  const rows = t.runtime.sheet('Invoices').displayRows();
  const status = rows[0]!.indexOf('Status');
  expect(rows[1]![status]).toMatch(/^Error: Invoice number 'INV-7' is used on rows 2 and 4/);
  expect(rows[3]![status]).toMatch(/^Error: Invoice number .* is used on rows 2 and 4/);
  expect(t.sent().map((m) => m.to[0])).toEqual(['ok-1@client.test']);
});

it('HTML and formulas in names stay text: escaped in the email, never a formula in any cell written', () => {
  const client = '<img src=x onerror=alert(1)> =HYPERLINK("http://evil.test")';
  // First seen on day 7: the firm reminder, whose text names the client.
  const t = setUp({ today: addDays(DUE, 7), rows: [{ invoice: '=1+1', due: DUE, client }] });
  t.runtime.sheet('Invoices').setRaw(2, 1, '=1+1'); // typed with an apostrophe: text, not a formula
  t.daily();
  const [mail] = t.sent();
  expect(mail?.html).not.toContain('<img');
  expect(mail?.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  expect(mail?.text).toContain('<img src=x'); // the plain-text part is text
  for (const sheetName of ['Invoices', 'Follow-up Log']) {
    const sheet = t.runtime.sheet(sheetName);
    const rows = sheet.rows();
    rows.forEach((row, r) => row.forEach((_, c) => expect(sheet.formulaAt(r + 1, c + 1)).toBeNull()));
  }
  const log = t.log().find((r) => r.Result === 'sent');
  expect(log?.Invoice).toBe('=1+1');
  expect(log?.Client).toBe(client);
});

it('a header row with a missing required column gives one message that names it and lists what was found', () => {
  const t = setUp({ today: TODAY, rows: [{ invoice: 'A', due: DUE }] });
  t.runtime.sheet('Invoices').setRaw(1, 4, 'Mail');
  t.runtime.ui.respondWith('OK');
  t.addon.call('previewFollowUps');
  const alert = t.runtime.ui.alerts.at(-1)?.prompt ?? '';
  expect(alert).toMatch(/no 'Email' column/);
  expect(alert).toMatch(/Headers found: Invoice, Client, Contact Name, Mail/);
  expect(t.runtime.sheet('Invoices').rows()[0]).not.toContain('Status'); // nothing written
});

it('a missing invoice sheet is one clear message', () => {
  const t = setUp({ today: TODAY, rows: [] });
  t.runtime.spreadsheets.active()!.deleteSheet('Invoices');
  t.runtime.ui.respondWith('OK');
  t.addon.call('previewFollowUps');
  expect(t.runtime.ui.alerts.at(-1)?.prompt).toMatch(
    /There is no sheet named 'Invoices'\. Use Extensions › Invoice Follow-ups › Set up invoice sheet/,
  );
});

it('damaged saved settings fall back to the defaults with a visible warning, never a crash', () => {
  const t = setUp({ today: TODAY, rows: [{ invoice: 'A', due: DUE }] });
  t.runtime.properties.document().set('settings', '{"version":1,"minGapDays":"three"');
  t.runtime.ui.respondWith('OK');
  t.runtime.ui.respondToPrompt('Sam Rivera'); // the defaults have no sender name
  t.runtime.ui.respondWith('YES');
  t.addon.call('runFollowUps');
  expect(t.sent()).toHaveLength(1);
  expect(t.runtime.ui.alerts[0]?.prompt).toMatch(/Saved settings data was damaged/);
});
