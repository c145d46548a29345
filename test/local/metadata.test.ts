import { createRuntime } from '../../local';

function setup() {
  const runtime = createRuntime();
  const app = runtime.globals.SpreadsheetApp;
  const spreadsheet = app.getActiveSpreadsheet();
  if (!spreadsheet) throw new Error('expected an active spreadsheet');
  const sheet = spreadsheet.getSheetByName('Sheet1');
  if (!sheet) throw new Error('expected Sheet1');
  runtime.sheet('Sheet1').loadRows([['Invoice', 'Client', 'Status']]);
  return { runtime, app, spreadsheet, sheet };
}

/** Where the metadata with this key is: its column, or null when none is found. */
function columnOf(sheet: ReturnType<typeof setup>['sheet'], key: string): number | null {
  const [found] = sheet.createDeveloperMetadataFinder().withKey(key).find();
  return found?.getLocation().getColumn()?.getColumn() ?? null;
}

describe('developer metadata on columns', () => {
  it('is added to a whole column (A1 or row/column form) and read back with its location', () => {
    const { app, sheet } = setup();
    sheet.getRange('C:C').addDeveloperMetadata('owned', 'status', app.DeveloperMetadataVisibility.PROJECT);
    sheet.getRange(1, 2, sheet.getMaxRows(), 1).addDeveloperMetadata('input');
    const [status] = sheet.getRange('C:C').getDeveloperMetadata();
    expect(status?.getKey()).toBe('owned');
    expect(status?.getValue()).toBe('status');
    expect(status?.getVisibility()).toBe(app.DeveloperMetadataVisibility.PROJECT);
    const location = status?.getLocation();
    expect(location?.getLocationType()).toBe(app.DeveloperMetadataLocationType.COLUMN);
    expect(location?.getColumn()?.getColumn()).toBe(3);
    expect(location?.getColumn()?.getLastRow()).toBe(1000);
    expect(location?.getRow()).toBeNull();
    expect(location?.getSheet()).toBeNull();
    const [input] = sheet.getRange('B:B').getDeveloperMetadata();
    expect(input?.getValue()).toBeNull();
    expect(input?.getVisibility()).toBe(app.DeveloperMetadataVisibility.DOCUMENT);
    expect(input?.getId()).not.toBe(status?.getId());
  });

  it('refuses a range that is not a whole row or column, with Apps Script message', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('C1:C10').addDeveloperMetadata('owned')).toThrow(/arbitrary ranges is not currently supported/);
    expect(() => sheet.getRange('B:C').addDeveloperMetadata('owned')).toThrow(/entire row or column/);
  });

  it('follows its column through inserts before it, and not through inserts after it', () => {
    const { sheet } = setup();
    sheet.getRange('C:C').addDeveloperMetadata('owned', 'status');
    sheet.insertColumnsBefore(1, 2);
    expect(columnOf(sheet, 'owned')).toBe(5);
    sheet.insertColumnsAfter(5, 1);
    expect(columnOf(sheet, 'owned')).toBe(5);
    sheet.insertColumns(2);
    expect(columnOf(sheet, 'owned')).toBe(6);
    expect(sheet.getRange(1, 6).getValues()).toEqual([['Status']]);
  });

  it('is removed with its column; columns after it move left', () => {
    const { sheet } = setup();
    sheet.getRange('B:B').addDeveloperMetadata('client');
    sheet.getRange('C:C').addDeveloperMetadata('owned');
    sheet.deleteColumn(2);
    expect(columnOf(sheet, 'client')).toBeNull();
    expect(columnOf(sheet, 'owned')).toBe(2);
    sheet.deleteColumns(1, 1);
    expect(columnOf(sheet, 'owned')).toBe(1);
  });

  it('moves with moveColumns (destination counted before the move), cells included', () => {
    const { sheet } = setup();
    sheet.getRange('C:C').addDeveloperMetadata('owned');
    sheet.moveColumns(sheet.getRange('C:C'), 1);
    expect(columnOf(sheet, 'owned')).toBe(1);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['Status', 'Invoice', 'Client']]);
    sheet.moveColumns(sheet.getRange('A:A'), 4);
    expect(columnOf(sheet, 'owned')).toBe(3);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['Invoice', 'Client', 'Status']]);
  });

  it('stays put when rows are inserted, deleted or sorted', () => {
    const { runtime, sheet } = setup();
    runtime.sheet('Sheet1').loadRows([
      ['Invoice', 'Client', 'Status'],
      ['B', 'x', ''],
      ['A', 'y', ''],
    ]);
    sheet.getRange('C:C').addDeveloperMetadata('owned');
    sheet.insertRowsBefore(1, 3);
    sheet.deleteRows(1, 2);
    sheet.getRange(3, 1, 2, 3).sort(1);
    expect(columnOf(sheet, 'owned')).toBe(3);
  });
});

describe('developer metadata on sheets and the spreadsheet', () => {
  it('keeps settings on the spreadsheet; setValue and remove change them', () => {
    const { app, spreadsheet } = setup();
    spreadsheet.addDeveloperMetadata('settings', '{"minGapDays":3}');
    const [settings] = spreadsheet.getDeveloperMetadata();
    expect(settings?.getLocation().getLocationType()).toBe(app.DeveloperMetadataLocationType.SPREADSHEET);
    expect(settings?.getLocation().getSpreadsheet()?.getId()).toBe(spreadsheet.getId());
    settings?.setValue('{"minGapDays":5}');
    expect(spreadsheet.createDeveloperMetadataFinder().withKey('settings').find()[0]?.getValue()).toBe('{"minGapDays":5}');
    settings?.remove();
    expect(spreadsheet.getDeveloperMetadata()).toHaveLength(0);
  });

  it('the finder filters by key, value, location type and visibility; the spreadsheet finder sees every sheet', () => {
    const { app, spreadsheet, sheet } = setup();
    sheet.addDeveloperMetadata('invoices', app.DeveloperMetadataVisibility.PROJECT);
    sheet.getRange('A:A').addDeveloperMetadata('column', 'invoice');
    sheet.getRange('3:3').addDeveloperMetadata('row', 'x');
    spreadsheet.addDeveloperMetadata('column', 'elsewhere');
    const T = app.DeveloperMetadataLocationType;
    expect(sheet.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['invoices']);
    expect(sheet.getDeveloperMetadata()[0]?.getValue()).toBeNull();
    expect(spreadsheet.createDeveloperMetadataFinder().withKey('column').find()).toHaveLength(2);
    expect(sheet.createDeveloperMetadataFinder().withKey('column').find()).toHaveLength(1);
    expect(spreadsheet.createDeveloperMetadataFinder().withValue('invoice').find()).toHaveLength(1);
    expect(spreadsheet.createDeveloperMetadataFinder().withLocationType(T.ROW).find()[0]?.getLocation().getRow()?.getRow()).toBe(
      3,
    );
    const project = spreadsheet.createDeveloperMetadataFinder().withVisibility(app.DeveloperMetadataVisibility.PROJECT).find();
    expect(project.map((m) => m.getLocation().getSheet()?.getName())).toEqual(['Sheet1']);
  });

  it('enforces 30,000 characters of metadata per sheet and per spreadsheet', () => {
    const { spreadsheet, sheet } = setup();
    sheet.getRange('A:A').addDeveloperMetadata('k', 'x'.repeat(29_990));
    expect(() => sheet.getRange('B:B').addDeveloperMetadata('key', 'y'.repeat(20))).toThrow(/limit of 30000 characters/);
    spreadsheet.addDeveloperMetadata('big', 'z'.repeat(29_000)); // the spreadsheet's own budget is separate
    const [big] = spreadsheet.getDeveloperMetadata();
    expect(() => big?.setValue('z'.repeat(30_000))).toThrow(/limit of 30000 characters/);
    expect(big?.getValue()).toHaveLength(29_000);
  });

  it('counts calls like every other service', () => {
    const { runtime, sheet } = setup();
    sheet.getRange('C:C').addDeveloperMetadata('owned');
    sheet.createDeveloperMetadataFinder().withKey('owned').find();
    expect(runtime.calls.count('Range.addDeveloperMetadata')).toBe(1);
    expect(runtime.calls.count('DeveloperMetadataFinder.find')).toBe(1);
  });
});

describe('developer metadata visibility: this project, other projects, other tools', () => {
  function planted() {
    const s = setup();
    const raw = s.runtime.spreadsheets.active()!;
    raw.plantMetadata({ key: 'ifu:settings', value: '{"by":"another tool"}', visibility: 'DOCUMENT' });
    raw.plantMetadata({ key: 'ifu:settings', value: '{"by":"another project"}', visibility: 'PROJECT', project: 'other' });
    raw.plantMetadata({ key: 'ifu:ledger', value: 'mine', visibility: 'PROJECT', project: s.runtime.options.scriptId });
    return { ...s, raw };
  }

  it('addDeveloperMetadata records the creating project for PROJECT entries, none for DOCUMENT ones', () => {
    const { runtime, app, spreadsheet, sheet } = setup();
    spreadsheet.addDeveloperMetadata('own', 'v', app.DeveloperMetadataVisibility.PROJECT);
    spreadsheet.addDeveloperMetadata('shared', 'v');
    sheet.getRange('B:B').addDeveloperMetadata('column', app.DeveloperMetadataVisibility.PROJECT);
    const model = runtime.spreadsheets.active()!.model;
    expect(model.metadata.entries.map((e) => [e.key, e.visibility, e.project])).toEqual([
      ['own', 'PROJECT', 'fake-script-id'],
      ['shared', 'DOCUMENT', null],
    ]);
    expect(model.sheets[0]?.metadata.entries[0]?.project).toBe('fake-script-id');
  });

  it('the spreadsheet shows DOCUMENT entries and its own PROJECT entries, never another project’s', () => {
    const { app, spreadsheet, raw } = planted();
    const seen = (list: { getKey(): string; getValue(): string | null }[]) => list.map((m) => `${m.getKey()}=${m.getValue()}`);
    const expected = ['ifu:settings={"by":"another tool"}', 'ifu:ledger=mine'];
    expect(seen(spreadsheet.getDeveloperMetadata())).toEqual(expected);
    expect(seen(spreadsheet.createDeveloperMetadataFinder().find())).toEqual(expected);
    expect(seen(spreadsheet.createDeveloperMetadataFinder().withKey('ifu:settings').find())).toEqual([expected[0]]);
    const hidden = raw.model.metadata.entries.find((e) => e.project === 'other')!;
    expect(spreadsheet.createDeveloperMetadataFinder().withId(hidden.id).find()).toEqual([]);
    expect(
      spreadsheet
        .createDeveloperMetadataFinder()
        .withVisibility(app.DeveloperMetadataVisibility.PROJECT)
        .find()
        .map((m) => m.getKey()),
    ).toEqual(['ifu:ledger']);
    // The raw entries (what test helpers read) hold all three.
    expect(raw.model.metadata.entries.map((e) => [e.key, e.visibility, e.project])).toEqual([
      ['ifu:settings', 'DOCUMENT', null],
      ['ifu:settings', 'PROJECT', 'other'],
      ['ifu:ledger', 'PROJECT', 'fake-script-id'],
    ]);
  });

  it('sheets and whole columns hide another project’s entries too', () => {
    const { runtime, spreadsheet, sheet } = setup();
    sheet.getRange('C:C').addDeveloperMetadata('mine');
    const model = runtime.spreadsheets.active()!.model;
    const sheetModel = model.sheetByName('Sheet1')!;
    for (const [locationType, index] of [
      ['SHEET', 0],
      ['COLUMN', 3],
    ] as const) {
      sheetModel.metadata.entries.push({
        id: model.nextMetadataId(),
        key: `theirs-${locationType}`,
        value: null,
        visibility: 'PROJECT',
        locationType,
        index,
        project: 'other',
      });
    }
    expect(sheet.getDeveloperMetadata()).toEqual([]);
    expect(
      sheet
        .getRange('C:C')
        .getDeveloperMetadata()
        .map((m) => m.getKey()),
    ).toEqual(['mine']);
    expect(
      sheet
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getKey()),
    ).toEqual(['mine']);
    expect(
      spreadsheet
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getKey()),
    ).toEqual(['mine']);
    sheet.insertColumnsBefore(1, 1); // hidden entries move with their column all the same
    expect(sheetModel.metadata.entries.map((e) => e.index)).toEqual([4, 0, 4]);
  });

  it('the 30,000-character limit counts every entry, visible or not', () => {
    const { runtime, spreadsheet } = setup();
    const raw = runtime.spreadsheets.active()!;
    raw.plantMetadata({ key: 'other', value: 'x'.repeat(29_990), visibility: 'PROJECT' }); // 29,995 characters
    expect(spreadsheet.getDeveloperMetadata()).toEqual([]);
    expect(() => spreadsheet.addDeveloperMetadata('mine', 'yy')).toThrow(/limit of 30000 characters/); // 30,001
    spreadsheet.addDeveloperMetadata('mine', 'y'); // 30,000 exactly
    expect(spreadsheet.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['mine']);
    expect(() => raw.plantMetadata({ key: 'more', value: 'z', visibility: 'DOCUMENT' })).toThrow(/exceed 30000/);
  });

  it('plantMetadata: another project by default for PROJECT, no project for DOCUMENT', () => {
    const { runtime } = setup();
    const raw = runtime.spreadsheets.active()!;
    expect(raw.plantMetadata({ key: 'k', visibility: 'PROJECT' })).toMatchObject({
      key: 'k',
      value: null,
      locationType: 'SPREADSHEET',
      project: 'another-project',
    });
    expect(() => raw.plantMetadata({ key: 'k', visibility: 'DOCUMENT', project: 'p' })).toThrow(/belongs to no project/);
  });

  it('an entry pushed by hand without a project counts as the running script’s own (older test helpers)', () => {
    const { runtime, spreadsheet } = setup();
    runtime.spreadsheets.active()!.model.metadata.entries.push({
      id: 1,
      key: 'by-hand',
      value: 'v',
      visibility: 'PROJECT',
      locationType: 'SPREADSHEET',
      index: 0,
    });
    expect(spreadsheet.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['by-hand']);
  });
});
