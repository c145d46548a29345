import { createRuntime } from '../../local';

describe('call log', () => {
  it('records every service call by name and filters by name, service, prefix or RegExp', () => {
    const runtime = createRuntime();
    const { SpreadsheetApp } = runtime.globals;
    const sheet = SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName('Sheet1');
    sheet?.getRange(1, 1).setValues([['x']]);
    sheet?.getRange(1, 1, 1, 2).getValues();
    sheet?.getRange(1, 1).getDisplayValue();
    expect(runtime.calls.list()).toEqual([
      'SpreadsheetApp.getActiveSpreadsheet',
      'Spreadsheet.getSheetByName',
      'Sheet.getRange',
      'Range.setValues',
      'Sheet.getRange',
      'Range.getValues',
      'Sheet.getRange',
      'Range.getDisplayValue',
    ]);
    expect(runtime.calls.count()).toBe(8);
    expect(runtime.calls.count('Range')).toBe(3);
    expect(runtime.calls.count('Range.getDisplayValue')).toBe(1); // exact: not getDisplayValues
    expect(runtime.calls.count('Range.get')).toBe(0); // not a prefix unless it ends with '.'
    expect(runtime.calls.count(/^Range\.get/)).toBe(2);
    expect(() => (sheet as unknown as { getTabColor(): string }).getTabColor()).toThrow('not faked: Sheet.getTabColor');
    expect(runtime.calls.byName()).toMatchObject({ 'Sheet.getRange': 3, 'Range.getValues': 1 });
    runtime.calls.reset();
    expect(runtime.calls.count()).toBe(0);
  });

  it('does not count enum access, test helpers or internal calls', () => {
    const runtime = createRuntime();
    void runtime.globals.ScriptApp.AuthMode.FULL;
    runtime.sheet('Sheet1').setRaw(1, 1, 'x');
    runtime.globals.SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName('Sheet1')?.appendRow(['y']);
    expect(runtime.calls.list()).toEqual([
      'SpreadsheetApp.getActiveSpreadsheet',
      'Spreadsheet.getSheetByName',
      'Sheet.appendRow',
    ]);
  });
});

describe('fault injection', () => {
  it('failOn makes the n-th call (counted from now) throw, once', () => {
    const runtime = createRuntime();
    const { MailApp } = runtime.globals;
    MailApp.sendEmail('a@x.com', 's', 'b'); // before the fault: not counted
    runtime.faults.failOn('MailApp.sendEmail', 2);
    MailApp.sendEmail('b@x.com', 's', 'b');
    expect(() => MailApp.sendEmail('c@x.com', 's', 'b')).toThrow('Service invoked too many times for one day: email.');
    MailApp.sendEmail('d@x.com', 's', 'b');
    expect(runtime.mail.sent.map((m) => m.to[0])).toEqual(['a@x.com', 'b@x.com', 'd@x.com']);
    expect(runtime.faults.pending()).toEqual([]);
  });

  it('failAfter performs the effect and then throws ("sent, but the script never heard")', () => {
    const runtime = createRuntime();
    runtime.faults.failAfter('MailApp.sendEmail', 1, 'Service error: Mail');
    let caught: unknown;
    try {
      runtime.globals.MailApp.sendEmail('a@x.com', 's', 'b');
    } catch (error) {
      caught = error;
    }
    expect(String(caught)).toBe('Exception: Service error: Mail');
    expect(runtime.mail.sent).toHaveLength(1);
  });

  it('fails several calls with { times }, with a generic default message elsewhere', () => {
    const runtime = createRuntime();
    const sheet = runtime.globals.SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName('Sheet1');
    const range = sheet?.getRange(1, 1);
    runtime.faults.failOn('Range.getValues', 1, { times: 2 });
    expect(() => range?.getValues()).toThrow(/Service error: Range/);
    expect(() => range?.getValues()).toThrow(/Service error: Range/);
    expect(range?.getValues()).toEqual([['']]);
  });
});

describe('clock', () => {
  it('is set, advanced and read in simulated time', () => {
    const runtime = createRuntime({ now: '2026-11-24T09:00:00Z' });
    expect(runtime.clock.now()).toBe(Date.parse('2026-11-24T09:00:00Z'));
    runtime.clock.advance(60_000);
    expect(runtime.clock.iso()).toBe('2026-11-24T09:01:00.000Z');
    runtime.clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(runtime.clock.iso()).toBe('2027-01-01T00:00:00.000Z');
    expect(() => runtime.clock.set('not a date')).toThrow('not a valid time');
  });
});

describe('auth modes', () => {
  it('NONE: a menu can be built, data services throw like Apps Script', () => {
    const runtime = createRuntime({ authMode: 'NONE' });
    const { SpreadsheetApp, ScriptApp, PropertiesService, MailApp } = runtime.globals;
    expect(ScriptApp.AuthMode.NONE).toBeDefined();
    SpreadsheetApp.getUi().createAddonMenu().addItem('Open sidebar', 'showSidebar').addToUi();
    expect(runtime.ui.menus).toHaveLength(1);
    expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly',
    );
    expect(() => PropertiesService.getDocumentProperties()).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    expect(() => MailApp.sendEmail('a@x.com', 's', 'b')).toThrow(
      'Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
  });
});

describe('installGlobals', () => {
  it('puts the fakes on an object and takes them off again', () => {
    const runtime = createRuntime();
    const target: Record<string, unknown> = {};
    const uninstall = runtime.installGlobals(target);
    expect(target.SpreadsheetApp).toBe(runtime.globals.SpreadsheetApp);
    uninstall();
    expect('SpreadsheetApp' in target).toBe(false);
  });
});
