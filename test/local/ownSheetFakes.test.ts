// Fakes the own-sheet wiring uses: Range.getFormulas, Spreadsheet.getSheets, and the raw sheet's
// column moves and inserts (a user rearranging columns between runs; marks follow the columns).
import { createRuntime } from '../../local';

function setup() {
  const runtime = createRuntime();
  const ss = runtime.globals.SpreadsheetApp.getActiveSpreadsheet()!;
  const raw = runtime.addSheet('Invoices', [
    ['Invoice', 'Amount', 'Status'],
    ['A-1', 100, 'Paid'],
    ['Total', { formula: '=SUM(B2:B2)', value: 100 }, ''],
  ]);
  return { runtime, ss, raw, sheet: ss.getSheetByName('Invoices')! };
}

describe('own-sheet fakes', () => {
  it('getFormulas gives each formula as typed and "" for other cells', () => {
    const { sheet } = setup();
    expect(sheet.getDataRange().getFormulas()).toEqual([
      ['', '', ''],
      ['', '', ''],
      ['', '=SUM(B2:B2)', ''],
    ]);
  });

  it('getSheets lists the sheets in tab order', () => {
    const { ss } = setup();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Invoices']);
  });

  it("a raw column move or insert carries cells and a column's metadata along", () => {
    const { raw, sheet } = setup();
    sheet.getRange(1, 3, sheet.getMaxRows(), 1).addDeveloperMetadata('mine', 'status');
    raw.moveColumns(3, 1, 1);
    raw.insertColumnAt(1);
    expect(raw.displayRows()[0]).toEqual(['', 'Status', 'Invoice', 'Amount']);
    const [mark] = sheet.createDeveloperMetadataFinder().withKey('mine').find();
    expect(mark?.getLocation().getColumn()?.getColumn()).toBe(2);
  });
});
