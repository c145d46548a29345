import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRuntime, loadAddon } from '../../local';
import { SpreadsheetModel } from '../../local/sheetModel';

// A tiny hand-written "built add-on" whose functions write, flush, send and take locks.
const MAIN_JS = `
var SEEN = [];
function sheet_() { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1'); }
function writeFlushWriteSend() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheetByName('Sheet1');
  sheet.appendRow(['flushed']);
  SpreadsheetApp.flush();
  sheet.appendRow(['pending']);
  sheet.getRange('A1').setNumberFormat('0.00');
  ss.insertSheet('Extra');
  ss.addDeveloperMetadata('pending-key', 'v');
  PropertiesService.getDocumentProperties().setProperty('progress', 'sending');
  MailApp.sendEmail('client@example.com', 'Invoice', 'Body');
  sheet.appendRow(['after send']);
  return 'finished';
}
function keepsGoing() {
  var errors = [];
  try { writeFlushWriteSend(); } catch (e) { errors.push(String(e)); }
  try { sheet_().appendRow(['in catch']); } catch (e) { errors.push(String(e)); }
  try { PropertiesService.getUserProperties().setProperty('x', '1'); } catch (e) { errors.push(String(e)); }
  try { MailApp.sendEmail('other@example.com', 'S', 'B'); } catch (e) { errors.push(String(e)); }
  SEEN = errors;
  return 'swallowed';
}
function editMetadata() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.createDeveloperMetadataFinder().withKey('state').find()[0].setValue('changed');
  ss.createDeveloperMetadataFinder().withKey('gone').find()[0].remove();
  sheet_().getRange('B:B').addDeveloperMetadata('column-key');
  sheet_().insertColumnsBefore(1, 1);
  MailApp.sendEmail('client@example.com', 'Invoice', 'Body');
}
function appendAndSend(label) {
  sheet_().appendRow([label]);
  MailApp.sendEmail('client@example.com', label, 'Body');
  sheet_().appendRow([label + ' done']);
  return label;
}
function holdDocumentLockAround() {
  var lock = LockService.getDocumentLock();
  var got = lock.tryLock(0);
  MailApp.getRemainingDailyQuota(); // where the test nests another execution
  return got;
}
function tryDocumentLock() { return LockService.getDocumentLock().tryLock(10000); }
function holdUserLockAround() {
  var got = LockService.getUserLock().tryLock(0);
  MailApp.getRemainingDailyQuota();
  return got;
}
function tryUserLock() { return LockService.getUserLock().tryLock(0); }
function context_() {
  var ui;
  try { SpreadsheetApp.getUi(); ui = true; } catch (e) { ui = false; }
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var mail;
  try { MailApp.sendEmail('probe@example.com', 'probe', 'probe'); mail = 'sent'; } catch (e) { mail = String(e); }
  return { active: ss ? ss.getId() : null, ui: ui, user: Session.getEffectiveUser().getEmail(),
    documentProperties: PropertiesService.getDocumentProperties() !== null, mail: mail };
}
function contextAroundNested() {
  var before = context_();
  MailApp.getRemainingDailyQuota();
  return [before, context_()];
}
function reportContext() { return context_(); }
function fails() { MailApp.getRemainingDailyQuota(); throw new Error('boom'); }
function probeMail() {
  try { MailApp.sendEmail('probe@example.com', 'probe', 'probe'); return 'sent'; } catch (e) { return String(e); }
}
function mailAroundNested() {
  var before = probeMail();
  MailApp.getRemainingDailyQuota();
  return [before, probeMail()];
}
var SHEET_ID = null;
function triggerWrite() {
  var sheet = SpreadsheetApp.openById(SHEET_ID).getSheetByName('Sheet1');
  sheet.appendRow(['from trigger']);
  sheet.appendRow(['second']);
  return 'ok';
}
`;

const distDir = (() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-dist-exec-'));
  fs.writeFileSync(path.join(dir, 'main.js'), MAIN_JS);
  return dir;
})();

const KILLED = 'Exceeded maximum execution time';
const KIM = 'kim@example.com';

function load() {
  const runtime = createRuntime({ now: '2026-11-24T14:00:00Z', userEmail: 'me@example.com' });
  runtime.sheet('Sheet1').loadRows([['Invoice']]);
  return { runtime, addon: loadAddon({ distDir, runtime }) };
}

function column(runtime: ReturnType<typeof load>['runtime'], sheet = 'Sheet1'): unknown[] {
  return runtime
    .sheet(sheet)
    .rows()
    .map((row) => row[0]);
}

function metadataKeys(runtime: ReturnType<typeof load>['runtime']): string[] {
  return (runtime.spreadsheets.active()?.model.metadata.entries ?? []).map((e) => `${e.key}=${e.value}`);
}

describe('a killed execution (faults.killAfter / killBefore)', () => {
  it('killAfter: the send happens, the property stays, unflushed sheet writes are lost; the call throws after restoring', () => {
    const { runtime, addon } = load();
    const format = runtime.sheet('Sheet1').numberFormatAt(1, 1);
    runtime.faults.killAfter('MailApp.sendEmail');
    expect(() => addon.call('writeFlushWriteSend')).toThrow(KILLED);
    expect(column(runtime)).toEqual(['Invoice', 'flushed']);
    expect(runtime.sheet('Sheet1').numberFormatAt(1, 1)).toBe(format);
    expect(format).not.toBe('0.00');
    expect(runtime.hasSheet('Extra')).toBe(false);
    expect(metadataKeys(runtime)).toEqual([]);
    expect(runtime.properties.document().get('progress')).toBe('sending');
    expect(runtime.mail.sent.map((m) => m.to)).toEqual([['client@example.com']]);
    expect(runtime.killed).toBe(false); // the test's own code was not killed
  });

  it('killBefore: the send never happens; the kill exception is an Apps Script exception', () => {
    const { runtime, addon } = load();
    runtime.faults.killBefore('MailApp.sendEmail');
    let thrown: unknown;
    try {
      addon.call('writeFlushWriteSend');
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toBe(`Exception: ${KILLED}`);
    expect(runtime.mail.sent).toEqual([]);
    expect(runtime.properties.document().get('progress')).toBe('sending');
    expect(column(runtime)).toEqual(['Invoice', 'flushed']);
  });

  it('the add-on may catch the kill, but every later call throws without effect, and call still throws', () => {
    const { runtime, addon } = load();
    runtime.faults.killAfter('SpreadsheetApp.flush');
    const callsBefore = runtime.calls.count();
    expect(() => addon.call('keepsGoing')).toThrow(KILLED);
    expect(addon.evaluate('SEEN')).toEqual([
      `Exception: ${KILLED}`,
      `Exception: ${KILLED}`,
      `Exception: ${KILLED}`,
      `Exception: ${KILLED}`,
    ]);
    // getActiveSpreadsheet, getSheetByName, appendRow, flush; the refused calls are not recorded
    expect(runtime.calls.count() - callsBefore).toBe(4);
    expect(column(runtime)).toEqual(['Invoice', 'flushed']); // flushed by the killed call itself (killAfter)
    expect(runtime.properties.user().keys()).toEqual([]);
    expect(runtime.mail.sent).toEqual([]);
  });

  it('restores developer metadata into the same entries, removed entries and moved columns included', () => {
    const { runtime, addon } = load();
    const ss = runtime.globals.SpreadsheetApp.getActiveSpreadsheet()!;
    ss.addDeveloperMetadata('state', 'initial');
    ss.addDeveloperMetadata('gone', 'x');
    const entries = [...runtime.spreadsheets.active()!.model.metadata.entries];
    runtime.faults.killAfter('MailApp.sendEmail');
    expect(() => addon.call('editMetadata')).toThrow(KILLED);
    expect(metadataKeys(runtime)).toEqual(['state=initial', 'gone=x']);
    expect(runtime.spreadsheets.active()!.model.metadata.entries).toEqual(entries);
    expect(runtime.spreadsheets.active()!.model.metadata.entries[0]).toBe(entries[0]);
    expect(runtime.sheet('Sheet1').maxColumns).toBe(26);
    expect(runtime.sheet('Sheet1').valueAt(1, 1)).toBe('Invoice');
    expect(ss.getSheetByName('Sheet1')!.createDeveloperMetadataFinder().withKey('column-key').find()).toEqual([]);
    expect(runtime.mail.sent).toHaveLength(1);
  });

  it('a run with no kill armed keeps everything and takes no copy of any spreadsheet', () => {
    const { runtime, addon } = load();
    const saveState = jest.spyOn(SpreadsheetModel.prototype, 'saveState');
    try {
      expect(addon.call('writeFlushWriteSend')).toBe('finished');
      expect(saveState).not.toHaveBeenCalled();
    } finally {
      saveState.mockRestore();
    }
    expect(column(runtime)).toEqual(['Invoice', 'flushed', 'pending', 'after send']);
    expect(runtime.hasSheet('Extra')).toBe(true);
  });

  it('a kill armed but not reached: the run ends normally and keeps everything; the next run is killed', () => {
    const { runtime, addon } = load();
    runtime.faults.killBefore('MailApp.sendEmail', 2);
    expect(addon.call('appendAndSend', 'one')).toBe('one');
    expect(column(runtime)).toEqual(['Invoice', 'one', 'one done']);
    expect(runtime.faults.pending()).toEqual([
      { method: 'MailApp.sendEmail', when: 'before', kill: true, callsUntilFailure: 0, remainingFailures: 1 },
    ]);
    expect(() => addon.call('appendAndSend', 'two')).toThrow(KILLED);
    expect(column(runtime)).toEqual(['Invoice', 'one', 'one done']);
    expect(runtime.mail.sent.map((m) => m.subject)).toEqual(['one']);
  });

  it("a user's edit made during the run (a beforeCall hook) survives the run's kill", () => {
    const { runtime, addon } = load();
    runtime.faults.beforeCall('MailApp.sendEmail', 1, () => runtime.sheet('Sheet1').setRaw(10, 2, 'typed by the user'));
    runtime.faults.killAfter('MailApp.sendEmail');
    expect(() => addon.call('writeFlushWriteSend')).toThrow(KILLED);
    expect(runtime.sheet('Sheet1').valueAt(10, 2)).toBe('typed by the user');
    expect(runtime.hasSheet('Extra')).toBe(true); // written before the user's edit: durable with it (see README)
  });

  it("the test's own code can be killed too: runtime.killed, then endExecution restores", () => {
    const { runtime } = load();
    const { SpreadsheetApp } = runtime.globals;
    runtime.faults.killAfter('Range.setValues');
    SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Sheet1')!.appendRow(['pending']);
    const range = SpreadsheetApp.getActiveSpreadsheet()!.getSheetByName('Sheet1')!.getRange(1, 2);
    expect(() => range.setValues([['x']])).toThrow(KILLED);
    expect(runtime.killed).toBe(true);
    expect(() => SpreadsheetApp.getActiveSpreadsheet()).toThrow(KILLED);
    expect(column(runtime)).toEqual(['Invoice', 'pending']); // still visible until the execution ends
    expect(String(runtime.endExecution().killedBy)).toBe(`Exception: ${KILLED}`);
    expect(runtime.killed).toBe(false);
    expect(runtime.sheet('Sheet1').rows()).toEqual([['Invoice']]);
    expect(SpreadsheetApp.getActiveSpreadsheet()).not.toBeNull();
  });
});

describe('nested executions', () => {
  it('the outer execution keeps its document lock: the inner one waits 10 s in vain, the lock stays held', () => {
    const { runtime, addon } = load();
    let inner: unknown;
    let during: string | undefined;
    runtime.faults.beforeCall('MailApp.getRemainingDailyQuota', 1, () => {
      const start = runtime.clock.now();
      inner = addon.call('tryDocumentLock');
      expect(runtime.clock.now() - start).toBe(10_000);
      during = runtime.locks.state('document');
      expect(runtime.executionDepth).toBe(1);
    });
    expect(addon.call('holdDocumentLockAround')).toBe(true);
    expect(inner).toBe(false);
    expect(during).toBe('by-code-under-test');
    expect(runtime.locks.state('document')).toBe('free'); // released when the outer ended
    expect(addon.call('tryDocumentLock')).toBe(true);
  });

  it('asUser: another editor has a user lock (and a user) of their own; the user is put back', () => {
    const { runtime, addon } = load();
    const seen: unknown[] = [];
    runtime.faults.beforeCall('MailApp.getRemainingDailyQuota', 1, () => {
      seen.push(addon.call('tryUserLock')); // the same user: held by the outer execution
      seen.push(runtime.asUser(KIM, () => addon.call('tryUserLock')));
      seen.push(runtime.asUser(KIM, () => (addon.call('reportContext') as { user: string }).user));
    });
    expect(addon.call('holdUserLockAround')).toBe(true);
    expect(seen).toEqual([false, true, KIM]);
    expect((addon.call('reportContext') as { user: string }).user).toBe('me@example.com');
  });

  it("a trigger run nested in a menu run gets the trigger's context; the menu run's comes back after", () => {
    const { runtime, addon } = load();
    const id = runtime.spreadsheets.active()!.id;
    const trigger = runtime.globals.ScriptApp.newTrigger('reportContext').timeBased().everyDays(1).atHour(9).create();
    let inner: unknown;
    runtime.faults.beforeCall('MailApp.getRemainingDailyQuota', 1, () => {
      inner = addon.runTrigger(trigger.getUniqueId());
    });
    const [before, after] = addon.call('contextAroundNested') as unknown[];
    const menu = { active: id, ui: true, user: 'me@example.com', documentProperties: true, mail: 'sent' };
    expect(before).toEqual(menu);
    expect(inner).toEqual({ active: null, ui: false, user: 'me@example.com', documentProperties: true, mail: 'sent' });
    expect(after).toEqual(menu);
    // The trigger flag too: once authorization is required, only the trigger run is refused.
    runtime.setAuthorizationRequired(true);
    runtime.globals.ScriptApp.deleteTrigger(trigger); // an add-on has one time-driven trigger per document
    const probe = runtime.globals.ScriptApp.newTrigger('probeMail').timeBased().everyDays(1).atHour(10).create();
    runtime.faults.beforeCall('MailApp.getRemainingDailyQuota', 1, () => {
      inner = addon.runTrigger(probe.getUniqueId());
    });
    expect(addon.call('mailAroundNested')).toEqual(['sent', 'sent']);
    expect(inner).toBe('Exception: Authorization is required to perform that action.');
  });

  it('a menu run by another editor nested in a trigger run (withContext + asUser); the trigger context comes back', () => {
    const { runtime, addon } = load();
    const id = runtime.spreadsheets.active()!.id;
    const trigger = runtime.globals.ScriptApp.newTrigger('contextAroundNested').timeBased().everyDays(1).atHour(9).create();
    let inner: unknown;
    runtime.faults.beforeCall('MailApp.getRemainingDailyQuota', 1, () => {
      inner = runtime.withContext({ activeSpreadsheetId: id, uiAvailable: true, documentContext: undefined }, () =>
        runtime.asUser(KIM, () => addon.call('reportContext')),
      );
    });
    const [before, after] = addon.runTrigger(trigger.getUniqueId()) as unknown[];
    const daily = { active: null, ui: false, user: 'me@example.com', documentProperties: true, mail: 'sent' };
    expect(before).toEqual(daily);
    expect(inner).toEqual({ active: id, ui: true, user: KIM, documentProperties: true, mail: 'sent' });
    expect(after).toEqual(daily);
    expect(runtime.spreadsheets.active()?.id).toBe(id);
    expect(runtime.uiAvailable).toBe(true);
  });

  it('an inner execution that throws or changes the context leaves the outer one as it was', () => {
    const { runtime, addon } = load();
    const id = runtime.spreadsheets.active()!.id;
    const other = runtime.spreadsheets.create({ id: 'other' });
    runtime.faults.beforeCall('MailApp.getRemainingDailyQuota', 1, () => {
      runtime.faults.beforeCall('MailApp.getRemainingDailyQuota', 1, () => {
        runtime.setActiveSpreadsheet(other.id); // inside the inner execution
        runtime.setUiAvailable(false);
        runtime.setAuthMode('LIMITED');
      });
      expect(() => addon.call('fails')).toThrow('boom');
    });
    const [, after] = addon.call('contextAroundNested') as Array<{ active: string; ui: boolean }>;
    expect(after).toMatchObject({ active: id, ui: true, mail: 'sent' });
    expect(runtime.authMode).toBe('FULL');
  });

  it('a nested run killed: its unflushed writes are lost, the outer run goes on and keeps its own', () => {
    const { runtime, addon } = load();
    let inner: unknown;
    runtime.faults.beforeCall('MailApp.sendEmail', 1, () => {
      runtime.faults.killAfter('MailApp.sendEmail'); // the inner run's send
      try {
        addon.call('appendAndSend', 'inner');
      } catch (error) {
        inner = String(error);
      }
    });
    expect(addon.call('appendAndSend', 'outer')).toBe('outer');
    expect(inner).toBe(`Exception: ${KILLED}`);
    expect(column(runtime)).toEqual(['Invoice', 'outer', 'outer done']);
    expect(runtime.mail.sent.map((m) => m.subject)).toEqual(['inner', 'outer']);
  });

  it('the outer run killed after a nested run ended normally: the nested run stays written', () => {
    const { runtime, addon } = load();
    runtime.faults.beforeCall('MailApp.sendEmail', 1, () => addon.call('appendAndSend', 'inner'));
    runtime.faults.killBefore('MailApp.sendEmail', 2); // the outer run's send (the inner sends first)
    expect(() => addon.call('appendAndSend', 'outer')).toThrow(KILLED);
    expect(column(runtime)).toEqual(['Invoice', 'outer', 'inner', 'inner done']);
    expect(runtime.mail.sent.map((m) => m.subject)).toEqual(['inner']);
  });

  it('a trigger run killed: the context is put back and its writes are undone', () => {
    const { runtime, addon } = load();
    const id = runtime.spreadsheets.active()!.id;
    addon.evaluate(`SHEET_ID = '${id}'`);
    const trigger = runtime.globals.ScriptApp.newTrigger('triggerWrite').timeBased().everyDays(1).atHour(9).create();
    runtime.faults.killBefore('Sheet.appendRow', 2);
    expect(() => addon.runTrigger(trigger.getUniqueId())).toThrow(KILLED);
    expect(column(runtime)).toEqual(['Invoice']);
    expect(runtime.spreadsheets.active()?.id).toBe(id);
    expect(runtime.uiAvailable).toBe(true);
    expect(runtime.executionDepth).toBe(0);
  });
});
