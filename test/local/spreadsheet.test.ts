import * as vm from 'node:vm';
import { createRuntime } from '../../local';

function setup(options: Parameters<typeof createRuntime>[0] = {}) {
  const runtime = createRuntime(options);
  const app = runtime.globals.SpreadsheetApp;
  const spreadsheet = app.getActiveSpreadsheet();
  if (!spreadsheet) throw new Error('expected an active spreadsheet');
  const sheet = spreadsheet.getSheetByName('Sheet1');
  if (!sheet) throw new Error('expected Sheet1');
  return { runtime, app, spreadsheet, sheet, raw: runtime.sheet('Sheet1') };
}

function iso(value: unknown): string {
  if (!(value instanceof Date)) throw new Error(`expected a Date, got ${String(value)}`);
  return value.toISOString();
}

describe('date cells', () => {
  it('come back as midnight of that date in the spreadsheet zone (Pacific/Auckland)', () => {
    const { sheet, raw } = setup({ timeZone: 'Pacific/Auckland' });
    raw.setRaw(1, 1, { date: '2026-11-24' });
    expect(iso(sheet.getRange(1, 1).getValues()[0]?.[0])).toBe('2026-11-23T11:00:00.000Z');
  });

  it('come back as midnight of that date in the spreadsheet zone (America/Los_Angeles)', () => {
    const { sheet, raw } = setup({ timeZone: 'America/Los_Angeles' });
    raw.loadRows([[{ date: '2026-11-24' }, { date: '2026-07-01' }, { date: '2026-03-08' }]]);
    expect(sheet.getRange('A1:C1').getValues()[0]?.map(iso)).toEqual([
      '2026-11-24T08:00:00.000Z', // PST
      '2026-07-01T07:00:00.000Z', // PDT
      '2026-03-08T08:00:00.000Z', // DST starts at 02:00 that day: midnight is still PST
    ]);
  });

  it('a Date written comes back as that instant; its calendar date is in the sheet zone', () => {
    const { sheet, raw } = setup({ timeZone: 'Pacific/Auckland' });
    const written = new Date('2026-11-24T15:30:00.000Z'); // 04:30 on the 25th in Auckland
    sheet.getRange(2, 2).setValues([[written]]);
    expect(iso(sheet.getRange(2, 2).getValues()[0]?.[0])).toBe(written.toISOString());
    expect(raw.cellDate(2, 2)).toBe('2026-11-25');
    expect(raw.valueAt(2, 2)).toEqual({ dateTime: '2026-11-25T04:30:00' });
  });

  it('accepts Dates from another realm', () => {
    const { sheet } = setup({ timeZone: 'UTC' });
    const foreign: unknown = vm.runInNewContext('new Date(Date.UTC(2026, 10, 24))');
    expect(foreign instanceof Date).toBe(false);
    sheet.getRange(1, 1).setValues([[foreign]]);
    expect(iso(sheet.getRange(1, 1).getValues()[0]?.[0])).toBe('2026-11-24T00:00:00.000Z');
  });
});

describe('setValues conversions (what Sheets does with entered text)', () => {
  it('keeps an apostrophe-prefixed string as text without the apostrophe', () => {
    const { sheet, raw } = setup();
    sheet.getRange(1, 1, 1, 3).setValues([["'=not a formula", "'123", "'TRUE"]]);
    expect(sheet.getRange(1, 1, 1, 3).getValues()).toEqual([['=not a formula', '123', 'TRUE']]);
    expect(raw.formulaAt(1, 1)).toBeNull();
  });

  it('converts numeric and boolean strings', () => {
    const { sheet } = setup();
    const input = [['123', '-5', '+7', '1.5', '1e3', 'TRUE', 'false', '007', ' 42 ']];
    sheet.getRange(1, 1, 1, input[0]?.length ?? 0).setValues(input);
    expect(sheet.getRange(1, 1, 1, 9).getValues()).toEqual([[123, -5, 7, 1.5, 1000, true, false, 7, 42]]);
  });

  it('converts grouped numbers, currency amounts and percentages', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['1,200.50', '$1,200.00', '5%']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([[1200.5, 1200, 0.05]]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['1,200.50', '$1,200.00', '5%']]);
  });

  it('keeps other strings as text, including "EUR 17" and invoice numbers with letters', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([['EUR 17', 'INV-001', 'hello']]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['EUR 17', 'INV-001', 'hello']]);
  });

  it('turns date-looking strings into date cells in the locale order; impossible dates stay text', () => {
    const us = setup({ locale: 'en_US', timeZone: 'UTC' });
    us.sheet.getRange('A1:D1').setValues([['2026-11-24', '11/24/2026', '24/11/2026', '2026-02-31']]);
    expect(us.raw.cellDate(1, 1)).toBe('2026-11-24');
    expect(us.raw.cellDate(1, 2)).toBe('2026-11-24');
    expect(us.sheet.getRange('C1:D1').getValues()).toEqual([['24/11/2026', '2026-02-31']]);

    const gb = setup({ locale: 'en_GB', timeZone: 'Europe/London' });
    gb.sheet.getRange('A1:B1').setValues([['24/11/2026', '11/24/2026']]);
    expect(gb.raw.cellDate(1, 1)).toBe('2026-11-24');
    expect(gb.sheet.getRange('B1').getValues()[0]?.[0]).toBe('11/24/2026');
  });

  it('keeps text as typed in a plain-text (@) formatted cell', () => {
    const { sheet } = setup();
    const cell = sheet.getRange(1, 1).setNumberFormat('@');
    cell.setValues([['007']]);
    expect(cell.getValues()[0]?.[0]).toBe('007');
    cell.setValues([['=1+1']]);
    expect(cell.getValues()[0]?.[0]).toBe('=1+1');
  });

  it('treats null and undefined as empty and refuses over-long text', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['x', 'y']]);
    sheet.getRange('A1:B1').setValues([[null, undefined]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(() => sheet.getRange(1, 1).setValues([['x'.repeat(50_001)]])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });
});

describe('setValues dimension checks', () => {
  it('throws exactly like Apps Script for a row-count mismatch', () => {
    const { sheet } = setup();
    expect(() =>
      sheet.getRange(1, 1, 3, 2).setValues([
        [1, 2],
        [3, 4],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  it('throws exactly like Apps Script for a column-count mismatch', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('throws an Apps Script exception (name "Exception") and writes nothing', () => {
    const { sheet, raw } = setup();
    let caught: unknown;
    try {
      sheet.getRange(1, 1, 2, 1).setValues([['a'], ['x'.repeat(60_000)]]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).name).toBe('Exception');
    expect(String(caught)).toMatch(/^Exception: Your input contains more than/);
    expect(raw.valueAt(1, 1)).toBe(''); // all or nothing
  });

  it('refuses a one-dimensional array', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([1, 2] as unknown as unknown[][])).toThrow(
      "don't match the method signature for SpreadsheetApp.Range.setValues",
    );
  });
});

describe('getValues', () => {
  it('returns a new array every time, with "" for empty cells and typed values', () => {
    const { sheet, raw } = setup();
    raw.loadRows([['text', 12.5, true, '#REF!', '#N/A', '#DIV/0!']]);
    const first = sheet.getRange(1, 1, 2, 6).getValues();
    expect(first).toEqual([
      ['text', 12.5, true, '#REF!', '#N/A', '#DIV/0!'],
      ['', '', '', '', '', ''],
    ]);
    first[0]![0] = 'changed';
    expect(sheet.getRange(1, 1).getValues()[0]?.[0]).toBe('text');
    expect(sheet.getRange(1, 1, 2, 6).getValues()).not.toBe(first);
  });
});

describe('getDisplayValues', () => {
  it('formats numbers, dates and booleans per number format', () => {
    const { sheet, raw } = setup({ timeZone: 'UTC' });
    raw.loadRows([
      [
        1234.5,
        1234.5,
        0.256,
        { date: '2026-11-04' },
        { date: '2026-11-04' },
        { date: '2026-11-04' },
        { date: '2026-11-04' },
        true,
        7,
      ],
    ]);
    raw.setNumberFormat(1, 1, '0.00');
    raw.setNumberFormat(1, 2, '#,##0.00');
    raw.setNumberFormat(1, 3, '0.0%');
    raw.setNumberFormat(1, 5, 'dd/mm/yyyy');
    raw.setNumberFormat(1, 6, 'mm/dd/yyyy');
    raw.setNumberFormat(1, 7, 'd mmm yyyy');
    expect(sheet.getRange(1, 1, 1, 9).getDisplayValues()).toEqual([
      ['1234.50', '1,234.50', '25.6%', '2026-11-04', '04/11/2026', '11/04/2026', '4 Nov 2026', 'TRUE', '7'],
    ]);
  });

  it('shows date-times with yyyy-mm-dd hh:mm:ss and numbers in the locale', () => {
    const { sheet } = setup({ timeZone: 'Europe/Berlin', locale: 'de_DE' });
    sheet.getRange('A1').setValues([[new Date('2026-11-24T08:05:09Z')]]);
    sheet
      .getRange('B1')
      .setValues([[1234.5]])
      .setNumberFormat('#,##0.00');
    sheet.getRange('C1').setValues([['1,5']]); // a decimal comma in de_DE
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['2026-11-24 09:05:09', '1.234,50', '1,5']]);
    expect(sheet.getRange('C1').getValues()[0]?.[0]).toBe(1.5);
  });
});

describe('ranges and sheet geometry', () => {
  it('throws when a range is outside the sheet or has no rows', () => {
    const { sheet } = setup();
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('A999:A1001')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
  });

  it('appendRow writes below the data, converting like setValues, and grows the sheet', () => {
    const { sheet, raw } = setup();
    raw.setRaw(1000, 1, 'last row of the grid');
    sheet.appendRow([
      'INV-1',
      '=A1',
      '2026-11-24',
      'x',
      'y',
      'z',
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'i',
      'j',
      'k',
      'l',
      'm',
      'n',
      'o',
      'p',
      'q',
      'r',
      's',
      't',
      'too wide',
    ]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getMaxColumns()).toBe(27);
    expect(raw.valueAt(1001, 1)).toBe('INV-1');
    expect(raw.formulaAt(1001, 2)).toBe('=A1');
    expect(raw.cellDate(1001, 3)).toBe('2026-11-24');
  });

  it('inserts and deletes rows, keeping Sheets rules', () => {
    const { sheet, raw } = setup();
    raw.loadRows([['h'], ['a'], ['b']]);
    sheet.insertRowsAfter(1, 2);
    expect(raw.rows()).toEqual([['h'], [''], [''], ['a'], ['b']]);
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    expect(raw.rows()).toEqual([['h'], ['a'], ['b']]);
    sheet.setFrozenRows(1);
    expect(() => sheet.deleteRows(2, 999)).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    expect(() => sheet.deleteRows(1000, 5)).toThrow('Those rows are out of bounds.');
  });

  it('sorts the rows below the frozen header by a column', () => {
    const { sheet, raw } = setup();
    raw.loadRows([
      ['Invoice', 'Amount'],
      ['C', 3],
      ['A', ''],
      ['B', 1],
    ]);
    sheet.setFrozenRows(1);
    sheet.sort(2);
    expect(raw.rows()).toEqual([
      ['Invoice', 'Amount'],
      ['B', 1],
      ['C', 3],
      ['A', ''],
    ]);
    sheet.sort(1, false);
    expect(raw.rows().map((r) => r[0])).toEqual(['Invoice', 'C', 'B', 'A']);
  });
});

describe('spreadsheets and sheets', () => {
  it('opens other spreadsheets by id, refuses unknown ids, and has no active one in a trigger', () => {
    const { runtime, app } = setup();
    const other = runtime.spreadsheets.create({ id: 'other-id', name: 'Other', timeZone: 'Europe/London', locale: 'en_GB' });
    other.addSheet('Invoices', [['Invoice']]);
    const opened = app.openById('other-id');
    expect([opened.getName(), opened.getSpreadsheetTimeZone(), opened.getSpreadsheetLocale()]).toEqual([
      'Other',
      'Europe/London',
      'en_GB',
    ]);
    expect(opened.getSheetByName('Invoices')?.getRange('A1').getValues()[0]?.[0]).toBe('Invoice');
    expect(() => app.openById('missing')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
    runtime.setActiveSpreadsheet(null);
    expect(app.getActiveSpreadsheet()).toBeNull();
  });
});

describe('test helpers', () => {
  it('simulate a user editing mid-run without counting service calls', () => {
    const { runtime, raw } = setup();
    raw.loadRows([['Invoice'], ['C'], ['A'], ['B']]);
    runtime.calls.reset();
    raw.sortBy(1);
    expect(raw.rows().map((r) => r[0])).toEqual(['Invoice', 'A', 'B', 'C']);
    raw.insertRowAt(2, ['NEW']);
    raw.deleteRowAt(5);
    expect(raw.rows().map((r) => r[0])).toEqual(['Invoice', 'NEW', 'A', 'B']);
    expect(runtime.calls.count()).toBe(0);
  });

  it('dump raw cells, dates and formulas', () => {
    const { raw } = setup();
    raw.loadRows([
      [{ date: '2026-11-24' }, { formula: '=A1', value: 'x' }, "'quoted stays", { dateTime: '2026-11-24T09:30:00' }],
    ]);
    expect(raw.rows()).toEqual([
      [{ date: '2026-11-24' }, { formula: '=A1', value: 'x' }, "'quoted stays", { dateTime: '2026-11-24T09:30:00' }],
    ]);
    expect(raw.cellDate(1, 4)).toBe('2026-11-24');
    expect(raw.cellDate(1, 3)).toBeNull();
  });
});

describe('the spreadsheet address (faked on purpose: nothing is served there)', () => {
  it('getUrl is the Google Sheets address made from the spreadsheet id, the same on every call', () => {
    const { spreadsheet } = setup();
    const url = spreadsheet.getUrl();
    expect(url).toBe(`https://docs.google.com/spreadsheets/d/${spreadsheet.getId()}/edit`);
    expect(spreadsheet.getUrl()).toBe(url);
  });
});

describe('copies and removed spreadsheets', () => {
  it('copy: a new id, a deep copy of sheets, cells, formats and metadata of every visibility, same zone and locale', () => {
    const { runtime, app, spreadsheet, sheet, raw } = setup({ timeZone: 'Europe/Berlin', locale: 'de_DE' });
    const original = runtime.spreadsheets.active()!;
    raw.loadRows([
      ['Invoice', 'Due'],
      ['A-1', { date: '2026-11-24' }],
    ]);
    sheet.getRange('A2').setNumberFormat('@');
    sheet.getRange('B:B').addDeveloperMetadata('due', app.DeveloperMetadataVisibility.PROJECT);
    spreadsheet.addDeveloperMetadata('settings', '{}');
    original.plantMetadata({ key: 'theirs', visibility: 'PROJECT', project: 'other' });
    const log = spreadsheet.insertSheet('Log');
    runtime.properties.document().set('settings', '{"senderName":"Sam"}');
    runtime.globals.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(9).create();

    const copy = runtime.spreadsheets.copy(spreadsheet.getId());
    expect(copy.id).not.toBe(original.id);
    expect(copy.name).toBe(`Copy of ${original.name}`);
    expect([copy.timeZone, copy.locale]).toEqual(['Europe/Berlin', 'de_DE']);
    expect(copy.sheetNames()).toEqual(['Sheet1', 'Log']);
    expect(copy.sheet('Sheet1').rows()).toEqual([
      ['Invoice', 'Due'],
      ['A-1', { date: '2026-11-24' }],
    ]);
    expect(copy.sheet('Sheet1').numberFormatAt(2, 1)).toBe('@');
    expect(copy.sheet('Log').sheetId).toBe(original.sheet('Log').sheetId);
    expect(log.getName()).toBe('Log');
    expect(copy.model.metadata.entries).toEqual(original.model.metadata.entries);
    expect(copy.model.metadata.entries[0]).not.toBe(original.model.metadata.entries[0]);
    expect(copy.model.sheetByName('Sheet1')!.metadata.entries).toEqual(original.model.sheetByName('Sheet1')!.metadata.entries);
    // Deep: changing the copy leaves the original alone.
    copy.sheet('Sheet1').setRaw(2, 1, 'changed');
    const opened = app.openById(copy.id);
    opened.getDeveloperMetadata()[0]!.setValue('{"copy":true}');
    expect(opened.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['settings']); // 'theirs' stays hidden
    expect(raw.valueAt(2, 1)).toBe('A-1');
    expect(spreadsheet.getDeveloperMetadata()[0]!.getValue()).toBe('{}');
    // Not copied: the document properties and the triggers.
    expect(runtime.properties.document(copy.id).keys()).toEqual([]);
    expect(runtime.triggers.list().map((t) => t.documentId)).toEqual([original.id]);
    expect(runtime.spreadsheets.copy(original.id, 'Archive 2026').name).toBe('Archive 2026');
  });

  it('remove: openById then fails as for an unknown id; a removed active spreadsheet is no longer active', () => {
    const { runtime, app, spreadsheet } = setup();
    const other = runtime.spreadsheets.create({ id: 'other-id' });
    expect(app.openById('other-id').getId()).toBe('other-id');
    runtime.spreadsheets.remove(other.id);
    expect(() => app.openById('other-id')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
    expect(() => runtime.spreadsheets.get('other-id')).toThrow('no spreadsheet with id other-id');
    expect(runtime.spreadsheets.list().map((s) => s.id)).toEqual([spreadsheet.getId()]);
    runtime.spreadsheets.remove(spreadsheet.getId());
    expect(app.getActiveSpreadsheet()).toBeNull();
    expect(runtime.globals.PropertiesService.getDocumentProperties()).toBeNull();
    expect(() => runtime.spreadsheets.remove('other-id')).toThrow('no spreadsheet with id other-id');
  });
});

describe('the spreadsheet model: saveState / restoreState', () => {
  it('restores into the same objects (fakes and raw handles keep working), as many times as asked', () => {
    const { runtime, spreadsheet, sheet, raw } = setup({ timeZone: 'Europe/London' });
    raw.loadRows([['A'], ['B']]);
    sheet.getRange('A:A').addDeveloperMetadata('column', 'v');
    spreadsheet.addDeveloperMetadata('k', 'v');
    const original = runtime.spreadsheets.active()!;
    const model = original.model;
    const entry = model.metadata.entries[0]!;
    const saved = model.saveState();

    raw.setRaw(1, 1, 'changed');
    raw.insertRowAt(1, ['new']);
    sheet.setFrozenRows(1);
    sheet.insertColumnsBefore(1, 2);
    const extra = spreadsheet.insertSheet('Extra');
    original.deleteSheet('Sheet1');
    spreadsheet.getDeveloperMetadata()[0]!.setValue('w');
    spreadsheet.addDeveloperMetadata('later');
    original.timeZone = 'Asia/Tokyo';

    model.restoreState(saved);
    expect(raw.rows()).toEqual([['A'], ['B']]);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['A'], ['B']]);
    expect(raw.frozenRows).toBe(0);
    expect(raw.maxColumns).toBe(26);
    expect(sheet.createDeveloperMetadataFinder().find()[0]!.getLocation().getColumn()!.getColumn()).toBe(1);
    expect(() => extra.getName()).toThrow('The sheet Extra has been deleted.');
    expect(original.sheetNames()).toEqual(['Sheet1']);
    expect(model.metadata.entries).toEqual([entry]);
    expect(model.metadata.entries[0]).toBe(entry);
    expect(entry.value).toBe('v');
    expect(original.timeZone).toBe('Europe/London');

    raw.setRaw(2, 1, 'again');
    model.restoreState(saved); // the saved state was not consumed
    expect(raw.rows()).toEqual([['A'], ['B']]);
  });
});
