import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { callAsScriptRun, createRuntime, loadAddon } from '../../local';

// A tiny hand-written "built add-on": plain script files sharing one global scope.
const MAIN_JS = `
function onOpen(e) {
  SpreadsheetApp.getUi().createMenu('Follow-ups').addItem('Run follow-ups', 'runFollowUps').addToUi();
  return String(e && e.authMode);
}
function nowIso() { return new Date().toISOString(); }
function nowMs() { return Date.now(); }
function dateChecks() {
  var value = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange(1, 1).getValues()[0][0];
  class Later extends Date {}
  return {
    cellIsDate: value instanceof Date,
    cellIso: value.toISOString(),
    withArgs: new Date(0).toISOString(),
    asFunction: typeof Date(),
    subclass: new Later(5) instanceof Date,
    constructorIsDate: new Date().constructor === Date,
    arrayIsArray: SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getRange(1, 1).getValues() instanceof Array,
  };
}
function sendTo(addresses) {
  var sent = 0;
  for (var i = 0; i < addresses.length; i++) { MailApp.sendEmail(addresses[i], 'Invoice', 'Body'); sent++; }
  return sent;
}
function caught() {
  try { SpreadsheetApp.openById('nope'); } catch (e) { return [e instanceof Error, e.name, e.message]; }
}
function echo(value) { return value; }
function returnsDate() { return { when: new Date() }; }
function nothing() {}
function secret_() { return 'hidden'; }
function daily(e) {
  var ui;
  try { SpreadsheetApp.getUi(); ui = 'available'; } catch (err) { ui = err.message; }
  return { noActiveSpreadsheet: SpreadsheetApp.getActiveSpreadsheet() === null, uid: e.triggerUid, ui: ui };
}
function sidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('part').setTitle('Part')); }
function notFaked() { try { HtmlService.createTemplateFromFile('page'); } catch (e) { return e.message; } }
function dailyMail(e) {
  var status = String(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus());
  try { MailApp.sendEmail('a@x.com', 'Invoice', 'Body'); return [status, 'sent']; } catch (err) { return [status, String(err)]; }
}
function holdLock() { return LockService.getDocumentLock().tryLock(0); }
`;
const HELPERS_JS = `var LOADED_AFTER_MAIN = typeof onOpen === 'function';`;

function writeDist(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-dist-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const distDir = writeDist({
  'main.js': MAIN_JS,
  'z-helpers.js': HELPERS_JS,
  'page.html': '<p>Hello <?= name ?></p><?!= include("part") ?>',
  'part.html': '<i>part</i>',
  'appsscript.json': '{}',
});

function load(options: Parameters<typeof createRuntime>[0] = {}) {
  const runtime = createRuntime({ now: '2026-11-24T14:00:00Z', ...options });
  return { runtime, addon: loadAddon({ distDir, runtime }) };
}

describe('loadAddon', () => {
  it('runs every .js file in name order in one global scope, defining nothing itself', () => {
    const { addon } = load();
    expect(addon.files).toEqual(['main.js', 'z-helpers.js']);
    expect(addon.has('onOpen')).toBe(true);
    expect(addon.has('dailyFollowUps')).toBe(false);
    expect(addon.evaluate('LOADED_AFTER_MAIN')).toBe(true);
    const bare = loadAddon({ distDir: writeDist({ 'a.js': 'function other() {}' }), runtime: createRuntime() });
    expect(bare.has('onOpen')).toBe(false);
    expect(() => bare.call('onOpen')).toThrow('defines no top-level function onOpen');
  });

  it('shows the simulated clock to new Date() and Date.now() inside the add-on', () => {
    const { runtime, addon } = load();
    expect(addon.call('nowIso')).toBe('2026-11-24T14:00:00.000Z');
    runtime.clock.advance(3_600_000);
    expect(addon.call('nowIso')).toBe('2026-11-24T15:00:00.000Z');
    expect(addon.call('nowMs')).toBe(Date.parse('2026-11-24T15:00:00Z'));
  });

  it('hands out same-realm Dates and arrays, and keeps Date working normally', () => {
    const { runtime, addon } = load({ timeZone: 'Pacific/Auckland' });
    runtime.sheet('Sheet1').setRaw(1, 1, { date: '2026-11-24' });
    expect(addon.call('dateChecks')).toEqual({
      cellIsDate: true,
      cellIso: '2026-11-23T11:00:00.000Z',
      withArgs: '1970-01-01T00:00:00.000Z',
      asFunction: 'string',
      subclass: true,
      constructorIsDate: true,
      arrayIsArray: true,
    });
  });

  it('throws same-realm Apps Script exceptions', () => {
    const { addon } = load();
    expect(addon.call('caught')).toEqual([
      true,
      'Exception',
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    ]);
  });

  it('counts the calls made by the add-on', () => {
    const { runtime, addon } = load();
    addon.call('sendTo', ['a@x.com', 'b@x.com']);
    expect(runtime.calls.count('MailApp.sendEmail')).toBe(2);
    expect(runtime.mail.sent).toHaveLength(2);
  });

  it('injects faults into the add-on: failOn stops before the effect, failAfter after it', () => {
    const { runtime, addon } = load();
    runtime.faults.failOn('MailApp.sendEmail', 2);
    expect(() => addon.call('sendTo', ['a@x.com', 'b@x.com', 'c@x.com'])).toThrow('Service invoked too many times');
    expect(runtime.mail.sent.map((m) => m.to[0])).toEqual(['a@x.com']);

    runtime.faults.failAfter('MailApp.sendEmail', 1);
    expect(() => addon.call('sendTo', ['d@x.com'])).toThrow();
    expect(runtime.mail.sent.map((m) => m.to[0])).toEqual(['a@x.com', 'd@x.com']);
  });

  it('opens in AuthMode.NONE: the menu is built, data services are refused', () => {
    const { runtime, addon } = load();
    expect(addon.fireOnOpen('NONE')).toBe('NONE');
    expect(runtime.ui.menu('Follow-ups')?.items).toEqual([{ caption: 'Run follow-ups', functionName: 'runFollowUps' }]);
    runtime.setAuthMode('NONE');
    expect(() => addon.call('sendTo', ['a@x.com'])).toThrow('You do not have permission to call MailApp.sendEmail');
  });

  it('runs a time-driven trigger with no active spreadsheet and no UI', () => {
    const { runtime, addon } = load();
    const trigger = runtime.globals.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(9).create();
    expect(addon.runTrigger(trigger.getUniqueId())).toEqual({
      noActiveSpreadsheet: true,
      uid: trigger.getUniqueId(),
      ui: 'Cannot call SpreadsheetApp.getUi() from this context.',
    });
    expect(runtime.spreadsheets.active()).not.toBeNull(); // restored afterwards
    expect(runtime.uiAvailable).toBe(true);
  });

  it('a trigger run after authorization is revoked: status REQUIRED, mail and sheet calls throw', () => {
    const { runtime, addon } = load();
    const trigger = runtime.globals.ScriptApp.newTrigger('dailyMail').timeBased().everyDays(1).atHour(9).create();
    expect(addon.runTrigger(trigger.getUniqueId())).toEqual(['NOT_REQUIRED', 'sent']);
    runtime.setAuthorizationRequired(true);
    expect(addon.runTrigger(trigger.getUniqueId())).toEqual([
      'REQUIRED',
      'Exception: Authorization is required to perform that action.',
    ]);
    expect(runtime.mail.sent).toHaveLength(1);
    // Interactive calls are not refused (the user is there to authorize); the trigger flag is cleared.
    expect(addon.call('sendTo', ['b@x.com'])).toBe(1);
    runtime.setAuthorizationRequired(false);
    expect(addon.runTrigger(trigger.getUniqueId())).toEqual(['NOT_REQUIRED', 'sent']);
  });

  it('serves .html files from the built project; what is not faked says so', () => {
    const { runtime, addon } = load();
    addon.call('sidebar');
    expect(runtime.ui.html).toEqual([expect.objectContaining({ kind: 'sidebar', title: 'Part', html: '<i>part</i>' })]);
    expect(addon.call('notFaked')).toMatch(/^not faked: HtmlService.createTemplateFromFile/);
  });

  it('releases the locks an execution still holds when it ends', () => {
    const { addon } = load();
    expect(addon.call('holdLock')).toBe(true);
    expect(addon.call('holdLock')).toBe(true); // a new execution: the lock was released
  });
});

describe('callAsScriptRun (google.script.run semantics)', () => {
  it('round-trips JSON: undefined fields dropped, undefined in arrays → null, undefined result → null', () => {
    const { addon } = load();
    expect(callAsScriptRun(addon, 'echo', { a: 1, b: undefined, list: [1, undefined] })).toEqual({ a: 1, list: [1, null] });
    expect(callAsScriptRun(addon, 'nothing')).toBeNull();
  });

  it('rejects a Date argument, a function, or a cyclic value', () => {
    const { addon } = load();
    expect(() => callAsScriptRun(addon, 'echo', new Date())).toThrow('Failed due to illegal value in property: 0');
    expect(() => callAsScriptRun(addon, 'echo', { nested: { at: new Date() } })).toThrow(
      'Failed due to illegal value in property: at',
    );
    expect(() => callAsScriptRun(addon, 'echo', () => 1)).toThrow('Failed due to illegal value in property: 0');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => callAsScriptRun(addon, 'echo', cyclic)).toThrow('Failed due to illegal value in property: self');
  });

  it('rejects a Date in the result (or yields null, as the browser really sees)', () => {
    const { addon } = load();
    expect(() => callAsScriptRun(addon, 'returnsDate')).toThrow('Failed due to illegal value in property: when');
    expect(addon.callAsScriptRunWith({ illegalResult: 'null' }, 'returnsDate')).toBeNull();
  });

  it('cannot call private (name_) or missing functions', () => {
    const { addon } = load();
    expect(() => callAsScriptRun(addon, 'secret_')).toThrow('Script function not found: secret_');
    expect(() => callAsScriptRun(addon, 'missing')).toThrow('Script function not found: missing');
  });
});
