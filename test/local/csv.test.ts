import { createRuntime, csvToCells, parseCsv, toCsv } from '../../local';

describe('parseCsv (RFC 4180)', () => {
  it('handles quotes, escaped quotes, embedded commas and newlines, CRLF and a final newline', () => {
    const text = 'Invoice,Client,Note\r\n42,"Acme, Inc.","said ""hi""\nthen left"\r\n43,Bob,\r\n';
    expect(parseCsv(text)).toEqual([
      ['Invoice', 'Client', 'Note'],
      ['42', 'Acme, Inc.', 'said "hi"\nthen left'],
      ['43', 'Bob', ''],
    ]);
  });

  it('keeps empty fields and refuses an unterminated quote', () => {
    expect(parseCsv('a,,b\n,,')).toEqual([
      ['a', '', 'b'],
      ['', '', ''],
    ]);
    expect(() => parseCsv('"open')).toThrow('unterminated quoted field');
  });
});

describe('csvToCells', () => {
  it('types fields as a Sheets import does: numbers, booleans, ISO dates; other text stays text', () => {
    expect(csvToCells('42,1200.5,TRUE,false,2026-11-24,2026-02-31,$1200,INV-7,')).toEqual([
      [42, 1200.5, true, false, { date: '2026-11-24' }, '2026-02-31', '$1200', 'INV-7', ''],
    ]);
  });
});

describe('CSV through a sheet and back', () => {
  it('loads date cells that getValues returns as Dates, and exports display values with ISO dates', () => {
    const runtime = createRuntime({ timeZone: 'America/Los_Angeles' });
    const csv = 'Invoice,Amount,Due Date,Paused,Client\r\n42,1200.5,2026-11-24,FALSE,"Acme, Inc."\r\n';
    const sheet = runtime.addSheet('Invoices', csvToCells(csv));
    const values = runtime.globals.SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName('Invoices')?.getDataRange().getValues();
    const due = values?.[1]?.[2];
    expect(due instanceof Date ? due.toISOString() : due).toBe('2026-11-24T08:00:00.000Z');
    sheet.setNumberFormat(2, 3, 'd mmm yyyy'); // a display format does not leak into the CSV
    expect(sheet.toCsv()).toBe(csv);
    expect(toCsv([[' padded', 'x']])).toBe('" padded",x\r\n');
  });
});
