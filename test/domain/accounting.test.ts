// Accounting number formats in Amount, Amount Paid and Balance (docs/own-sheet.md "What
// the cell shows"): '(1,200.00)' is −1,200 (a credit), and a dash alone ('$ -', '-', '€ -', '—') is 0.
import { mapHeaders } from '../../src/domain/headers';
import { creditAmount, parseAmount } from '../../src/domain/money';
import { parseInvoiceSheet } from '../../src/domain/parse';
import type { CellValue, ParsedRow } from '../../src/domain/types';

describe('the accounting zero', () => {
  test.each<[string, string, string | null, string | null]>([
    ['$ -', 'en_US', null, '$'],
    ['$-', 'en_US', null, '$'],
    ['-', 'en_US', null, null],
    ['—', 'en_US', null, null],
    ['–', 'en_GB', null, null],
    ['€ -', 'de_DE', 'EUR', null],
    ['- €', 'fr_FR', 'EUR', null],
    ['£ -', 'en_GB', 'GBP', null],
    ['  $\u00a0-  ', 'en_US', null, '$'],
  ])('%j is 0', (text, locale, currency, symbol) => {
    expect(parseAmount(text, locale, 'Balance')).toEqual({ ok: true, value: { amount: 0, currency, symbol } });
    expect(creditAmount(text, locale)).toBeNull();
  });

  test.each(['--', '$ - -', '(-)', '-$-', '$ —5x'])('%j is not an amount', (text) => {
    expect(parseAmount(text, 'en_US', 'Amount')).toEqual({ ok: false, error: `Amount '${text}' is not a number` });
  });
});

describe('accounting brackets', () => {
  test.each<[string, string, number]>([
    ['(1,200.00)', 'en_US', 1200],
    ['($1,200.00)', 'en_US', 1200],
    ['$(1,200.00)', 'en_US', 1200],
    ['$ (1,200.00)', 'en_US', 1200],
    ['(1.200,00 €)', 'de_DE', 1200],
    ['(1.200,00) €', 'de_DE', 1200],
    ['€ (1.200,00)', 'de_DE', 1200],
    ['( 150 )', 'en_US', 150],
    ['-150.00', 'en_US', 150],
    ['150.00 CR', 'en_US', 150],
  ])('%j is a credit of %d', (text, locale, amount) => {
    expect(creditAmount(text, locale)).toBe(amount);
  });

  test.each(['(-150)', '-150 CR', '()', '(abc)', '($ -)'])('%j is not a credit', (text) => {
    expect(creditAmount(text, 'en_US')).toBeNull();
  });

  test('an amount owed is never negative: brackets are refused by parseAmount with the reason', () => {
    expect(parseAmount('$(1,200.00)', 'en_US', 'Amount paid')).toEqual({
      ok: false,
      error: "Amount paid '$(1,200.00)' is negative (an amount in brackets) — write the amount owed as a positive number",
    });
  });
});

describe('an accounting-format sheet', () => {
  const HEADER = ['Invoice', 'Client', 'Email', 'Due Date', 'Amount', 'Amount Paid', 'Balance'];
  const columns = mapHeaders(HEADER, { owned: {} }).columns;
  const read = (amount: CellValue, paid: CellValue, balance: CellValue, locale = 'en_US'): ParsedRow =>
    parseInvoiceSheet([['A-1', 'Acme', 'ap@acme.test', { date: '2026-11-01' }, amount, paid, balance]], columns, {
      locale,
      defaultCurrency: '',
    }).rows[0]!;
  const what = (r: ParsedRow): string =>
    r.ok
      ? `${r.invoice.paid === true ? 'paid' : 'chase'} ${r.invoice.amount}/${r.invoice.amountPaid}/${r.invoice.balance} ${r.invoice.currency}`
      : `${r.invalid.outcome?.kind ?? 'error'}: ${r.invalid.error}`;

  test.each<[CellValue, CellValue, CellValue, string]>([
    ['$1,200.00', '$ -', '$1,200.00', 'chase 1200/0/1200 USD'],
    ['$1,200.00', '-', '', 'chase 1200/0/1200 USD'],
    ['$1,200.00', '—', '', 'chase 1200/0/1200 USD'],
    ['$1,200.00', '$200.00', '$1,000.00', 'chase 1200/200/1000 USD'],
    // A Balance of $ - is nothing owed: paid.
    ['$800.00', '$800.00', '$ -', 'paid 800/800/0 USD'],
    ['$800.00', '', '$ -', 'paid 800/800/0 USD'],
    ['$800.00', '', '-', 'paid 800/800/0 USD'],
    // An overpayment or a credit in the Balance: nothing owed.
    ['$800.00', '', '(50.00)', 'paid 800/800/0 USD'],
    // The invoice itself in brackets is a credit note, as a negative amount is.
    ['(1,200.00)', '$ -', '(1,200.00)', 'not-invoice: Credit note: the amount is negative (-$1,200.00), so nothing is sent'],
    ['($1,200.00)', '', '', 'not-invoice: Credit note: the amount is negative (-$1,200.00), so nothing is sent'],
  ])('Amount %j, Amount Paid %j, Balance %j → %s', (amount, paid, balance, expected) => {
    expect(what(read(amount, paid, balance))).toBe(expected);
  });

  test('in euros, in a German spreadsheet', () => {
    expect(what(read('1.200,00 €', '€ -', '1.200,00 €', 'de_DE'))).toBe('chase 1200/0/1200 EUR');
    expect(what(read('1.200,00 €', '1.200,00 €', '- €', 'de_DE'))).toBe('paid 1200/1200/0 EUR');
  });

  test('an Amount Paid in brackets is still an error, as a negative one is', () => {
    expect(what(read('$1,200.00', '(200.00)', ''))).toBe(
      "error: Amount paid '(200.00)' is negative (an amount in brackets) — write the amount owed as a positive number",
    );
  });
});
