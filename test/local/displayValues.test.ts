import { createRuntime } from '../../local';

function display(value: number | boolean | string | { date: string }, format?: string, locale = 'en_US'): string {
  const runtime = createRuntime({ locale });
  const sheet = runtime.globals.SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName('Sheet1');
  if (!sheet) throw new Error('expected Sheet1');
  runtime.sheet('Sheet1').setRaw(1, 1, value);
  if (format !== undefined) sheet.getRange(1, 1).setNumberFormat(format);
  const shown = sheet.getRange(1, 1).getDisplayValue();
  expect(sheet.getRange('A1:B1').getDisplayValues()[0]?.[0]).toBe(shown);
  return shown;
}

describe('display values follow the number format, as Sheets shows them', () => {
  it.each([
    [42, '0000', '0042'],
    [42, '"INV-"0000', 'INV-0042'],
    [1234.5, '#,##0.00', '1,234.50'],
    [1234567.891, '#,##0.00', '1,234,567.89'],
    [1234.5, '[$€]#,##0.00', '€1,234.50'],
    [1234.5, '[$£-809]#,##0.00', '£1,234.50'],
    [1234.5, '€#,##0.00', '€1,234.50'],
    [-1234.5, '[$€]#,##0.00', '-€1,234.50'],
    [-5, '#,##0.00;(#,##0.00)', '(5.00)'],
    [0.125, '0.00%', '12.50%'],
    [0.5, '0%', '50%'],
    [2.675, '0.00', '2.68'],
    [1234.5, undefined, '1234.5'],
    [1 / 3, undefined, '0.3333333333'],
    [42, '@', '42'],
  ])('%p with %p reads %p', (value, format, expected) => {
    expect(display(value, format)).toBe(expected);
  });

  it.each([
    ['yyyy-mm-dd', '2026-03-05'],
    ['dd/mm/yyyy', '05/03/2026'],
    ['d mmm yyyy', '5 Mar 2026'],
    ['mmmm d, yyyy', 'March 5, 2026'],
    ['ddd d mmm', 'Thu 5 Mar'],
  ])('a date with %p reads %p', (format, expected) => {
    expect(display({ date: '2026-03-05' }, format)).toBe(expected);
  });

  it('uses the spreadsheet locale separators', () => {
    expect(display(1234.5, '#,##0.00', 'de_DE')).toBe('1.234,50');
    expect(display(1234.5, undefined, 'de_DE')).toBe('1234,5');
  });

  it('shows booleans as TRUE/FALSE and text as typed (also under @)', () => {
    expect(display(true)).toBe('TRUE');
    expect(display(false)).toBe('FALSE');
    expect(display('0042', '@')).toBe('0042');
  });
});

describe('reading a block', () => {
  function bigSheet(rows: number, columns: number) {
    const runtime = createRuntime();
    const data = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => (c % 3 === 0 ? `text ${r}` : c % 3 === 1 ? r * 1.5 : { date: '2026-01-15' })),
    );
    runtime.addSheet('Big', data);
    const sheet = runtime.globals.SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName('Big');
    if (!sheet) throw new Error('expected Big');
    sheet.getRange(1, 2, rows, 1).setNumberFormat('#,##0.00');
    return { runtime, range: sheet.getRange(1, 1, rows, columns) };
  }

  it('getNumberFormats is one call for the whole block', () => {
    const { runtime, range } = bigSheet(10, 4);
    const formats = range.getNumberFormats();
    expect(formats[0]).toEqual(['0.###############', '#,##0.00', 'yyyy-mm-dd', '0.###############']);
    expect(runtime.calls.count('Range.getNumberFormats')).toBe(1);
  });

  // Their cost is measured by npm run bench (timed assertions in tests fail on a busy machine).
  it('getValues and getDisplayValues on 50,000 × 20 return every row, fresh each call', () => {
    const { range } = bigSheet(50_000, 20);
    const values = range.getValues();
    const shown = range.getDisplayValues();
    expect(values).toHaveLength(50_000);
    expect(shown).toHaveLength(50_000);
    expect(shown[7]).toEqual(expect.arrayContaining(['text 7', '10.50', '2026-01-15']));
    expect(range.getValues()[0]).not.toBe(values[0]);
  });
});
