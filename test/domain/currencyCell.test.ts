// A Currency column as people fill it (docs/own-sheet.md "Currency"): codes, symbols read
// by the spreadsheet's currency, and names with their code. One path: the symbols of money.ts.
import { mapHeaders } from '../../src/domain/headers';
import { currencyOfMarker } from '../../src/domain/money';
import { parseInvoiceSheet } from '../../src/domain/parse';
import { currencyOfCell } from '../../src/domain/rowCurrency';
import type { CellValue, ParsedRow } from '../../src/domain/types';

describe('currencyOfCell', () => {
  test.each<[string, string]>([
    ['EUR', 'EUR'],
    ['eur', 'EUR'],
    [' gbp ', 'GBP'],
    ['€', 'EUR'],
    ['£', 'GBP'],
    ['zł', 'PLN'],
    ['ZŁ', 'PLN'],
    ['CHF', 'CHF'],
    ['Fr.', 'CHF'],
    ['R$', 'BRL'],
    ['A$', 'AUD'],
    ['US$', 'USD'],
    ['C$', 'CAD'],
    ['₹', 'INR'],
    ['United States Dollar - USD', 'USD'],
    ['Euro (EUR)', 'EUR'],
    ['Pound Sterling – GBP', 'GBP'],
    ['Pound Sterling — GBP', 'GBP'],
    ['USD - US Dollar', 'USD'],
    ['CAD: Canadian Dollar', 'CAD'],
    ['U.S. Dollar (USD)', 'USD'],
    ['Swiss Franc [CHF]', 'CHF'],
    ['Euro €', 'EUR'],
    ['USD ($)', 'USD'],
    ['$ USD', 'USD'],
    ['CAD $', 'CAD'],
  ])('%j → %s', (text, code) => {
    expect(currencyOfCell(text, ['USD'])).toBe(code);
  });

  test.each<[string, string[], string]>([
    ['$', ['USD'], 'USD'],
    ['$', ['CAD'], 'CAD'],
    ['$', ['AUD'], 'AUD'],
    ['$', ['NZD'], 'NZD'],
    // A spreadsheet whose own currency has no '$' (a setting of EUR): the locale's dollar, then the best-known one.
    ['$', ['EUR', 'AUD'], 'AUD'],
    ['$', ['EUR', 'EUR'], 'USD'],
    ['kr', ['SEK'], 'SEK'],
    ['kr', ['NOK'], 'NOK'],
    ['kr.', ['DKK'], 'DKK'],
    ['Kr', ['USD'], 'SEK'],
    ['¥', ['CNY'], 'CNY'],
    ['¥', ['JPY'], 'JPY'],
  ])('the shared symbol %j with the spreadsheet currency %j → %s', (text, preferred, code) => {
    expect(currencyOfCell(text, preferred)).toBe(code);
    expect(currencyOfMarker(text, preferred)).toBe(code);
  });

  test.each([
    '',
    '   ',
    'US Dollars',
    'Euros',
    'EURO',
    'XYZ',
    '¤',
    'Dollar ($)', // a name with only a shared symbol: which dollar is not said
    'Canadian Dollar ($)',
    'USD EUR', // two currencies
    'EUR ($)',
    'Euro - usd and more 17',
    '17',
    'x'.repeat(61),
  ])('%j names no currency', (text) => {
    expect(currencyOfCell(text, ['USD'])).toBeNull();
  });
});

describe('the Currency column of a sheet', () => {
  const HEADER = ['Invoice', 'Client', 'Email', 'Amount', 'Currency', 'Due Date'];
  const columns = mapHeaders(HEADER, { owned: {} }).columns;
  const read = (currency: CellValue, locale: string, amount: CellValue = 100, defaultCurrency = ''): ParsedRow =>
    parseInvoiceSheet([['I-1', 'Acme', 'ap@acme.test', amount, currency, { date: '2026-11-01' }]], columns, {
      locale,
      defaultCurrency,
    }).rows[0]!;
  const currencyOf = (r: ParsedRow): string => (r.ok ? r.invoice.currency : `error: ${r.invalid.error}`);

  test.each<[CellValue, string, string]>([
    ['€', 'en_US', 'EUR'],
    ['£', 'en_US', 'GBP'],
    ['United States Dollar - USD', 'de_DE', 'USD'],
    ['Euro (EUR)', 'en_GB', 'EUR'],
    ['$', 'en_US', 'USD'],
    ['$', 'en_CA', 'CAD'],
    ['$', 'en_AU', 'AUD'],
    ['$', 'es_MX', 'MXN'],
    ['kr', 'sv_SE', 'SEK'],
    ['kr', 'nb_NO', 'NOK'],
    ['zł', 'pl_PL', 'PLN'],
    ['R$', 'pt_BR', 'BRL'],
    ['CHF', 'de_CH', 'CHF'],
  ])('%j in %s is %s', (cell, locale, code) => {
    expect(currencyOf(read(cell, locale))).toBe(code);
  });

  test("the add-on's currency setting decides '$' before the locale does", () => {
    expect(currencyOf(read('$', 'en_US', 100, 'CAD'))).toBe('CAD');
    expect(currencyOf(read('$', 'en_AU', 100, 'EUR'))).toBe('AUD');
  });

  test('a symbol in the Currency column agrees or disagrees with the amount as a code does', () => {
    expect(currencyOf(read('$', 'en_CA', '$950.00'))).toBe('CAD');
    expect(currencyOf(read('€', 'en_US', '€1,200'))).toBe('EUR');
    expect(currencyOf(read('€', 'en_US', '$1,200'))).toBe("error: Amount '$1,200' is in dollars but Currency says EUR");
    expect(currencyOf(read('£', 'en_US', 'EUR 17'))).toBe("error: Amount 'EUR 17' is in EUR but Currency says GBP");
  });

  test('a cell that names no currency is an error naming what is understood', () => {
    expect(currencyOf(read('US Dollars', 'en_US'))).toBe(
      "error: Currency 'US Dollars' is not a currency code or symbol — write a code such as USD, EUR or GBP, " +
        'a symbol such as €, £ or $, or a name with its code (Euro (EUR))',
    );
    expect(currencyOf(read(840, 'en_US'))).toMatch(/^error: Currency '840' is not a currency code or symbol/);
  });
});
