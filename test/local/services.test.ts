import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRuntime } from '../../local';

describe('PropertiesService', () => {
  it('refuses a property over 9 KB (key + value, UTF-8)', () => {
    const props = createRuntime().globals.PropertiesService.getUserProperties();
    props.setProperty('k', 'x'.repeat(9 * 1024 - 1)); // exactly 9216 bytes with the key
    expect(() => props.setProperty('k', 'x'.repeat(9 * 1024))).toThrow('Argument too large: value');
    expect(() => props.setProperty('k', 'é'.repeat(4608))).toThrow('Argument too large: value'); // 2 bytes each
    expect(props.getProperty('k')).toHaveLength(9215);
  });

  it('keeps document properties per spreadsheet, and has none without an active document', () => {
    const runtime = createRuntime();
    const first = runtime.spreadsheets.active()?.id ?? '';
    runtime.globals.PropertiesService.getDocumentProperties()?.setProperty('sheetName', 'Invoices');
    const other = runtime.spreadsheets.create({ id: 'other' });
    runtime.setActiveSpreadsheet(other.id);
    expect(runtime.globals.PropertiesService.getDocumentProperties()?.getProperty('sheetName')).toBeNull();
    expect(runtime.properties.document(first).get('sheetName')).toBe('Invoices');
    runtime.setActiveSpreadsheet(null);
    expect(runtime.globals.PropertiesService.getDocumentProperties()).toBeNull();
  });
});

describe('LockService', () => {
  it('a lock taken in a nested execution is released at its end; the enclosing one keeps its own', () => {
    const runtime = createRuntime();
    const outer = runtime.globals.LockService.getDocumentLock()!;
    expect(outer.tryLock(0)).toBe(true); // the test's own execution
    runtime.beginExecution();
    const inner = runtime.globals.LockService.getUserLock();
    expect(inner.tryLock(0)).toBe(true);
    expect(outer.tryLock(0)).toBe(false); // the same Lock object, used from another execution
    runtime.endExecution();
    expect(runtime.locks.state('user')).toBe('free');
    expect(runtime.locks.state('document')).toBe('by-code-under-test');
    runtime.endExecution();
    expect(runtime.locks.state('document')).toBe('free');
  });

  it('makes two lock objects contend, and has no document lock outside a document', () => {
    const runtime = createRuntime();
    const a = runtime.globals.LockService.getUserLock();
    const b = runtime.globals.LockService.getUserLock();
    expect(a.tryLock(0)).toBe(true);
    expect(b.tryLock(100)).toBe(false);
    runtime.endExecution();
    expect(b.tryLock(0)).toBe(true);
    runtime.setActiveSpreadsheet(null);
    expect(runtime.globals.LockService.getDocumentLock()).toBeNull();
  });
});

describe('ScriptApp triggers', () => {
  it('creates a daily trigger at an hour in a zone, lists, finds and deletes it', () => {
    const runtime = createRuntime();
    const { ScriptApp } = runtime.globals;
    const trigger = ScriptApp.newTrigger('dailyFollowUps')
      .timeBased()
      .atHour(9)
      .everyDays(1)
      .inTimezone('Europe/Berlin')
      .create();
    expect(runtime.triggers.list()).toEqual([
      expect.objectContaining({
        handler: 'dailyFollowUps',
        eventType: 'CLOCK',
        hour: 9,
        everyDays: 1,
        timezone: 'Europe/Berlin',
      }),
    ]);
    expect(trigger.getHandlerFunction()).toBe('dailyFollowUps');
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(trigger.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(trigger.getTriggerSourceId()).toBeNull();
    const spreadsheet = runtime.globals.SpreadsheetApp.getActiveSpreadsheet();
    if (!spreadsheet) throw new Error('expected a spreadsheet');
    expect(ScriptApp.getUserTriggers(spreadsheet).map((t) => t.getUniqueId())).toEqual([trigger.getUniqueId()]);
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
    ScriptApp.deleteTrigger(trigger);
    expect(runtime.triggers.list()).toEqual([]);
  });

  it('userTriggersListClock: false lists time-driven triggers only in getProjectTriggers()', () => {
    const runtime = createRuntime({ userTriggersListClock: false });
    const { ScriptApp, SpreadsheetApp } = runtime.globals;
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    if (!spreadsheet) throw new Error('expected a spreadsheet');
    const daily = ScriptApp.newTrigger('dailyFollowUps').timeBased().atHour(9).everyDays(1).create();
    const onOpen = ScriptApp.newTrigger('opened').forSpreadsheet(spreadsheet).create();
    expect(ScriptApp.getUserTriggers(spreadsheet).map((t) => t.getUniqueId())).toEqual([onOpen.getUniqueId()]);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([daily.getUniqueId(), onOpen.getUniqueId()]);
  });

  it('getAuthorizationInfo answers REQUIRED with a URL once re-authorization is required', () => {
    const runtime = createRuntime();
    const { ScriptApp } = runtime.globals;
    const info = (): ReturnType<typeof ScriptApp.getAuthorizationInfo> => ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    expect(info().getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.NOT_REQUIRED);
    expect(info().getAuthorizationUrl()).toBe('');
    runtime.setAuthorizationRequired(true);
    expect(info().getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.REQUIRED);
    expect(info().getAuthorizationUrl()).toMatch(/^https:\/\/script\.google\.com\//);
    runtime.setTriggerRun(true);
    expect(() => runtime.globals.SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      'Authorization is required to perform that action.',
    );
    expect(info().getAuthorizationStatus()).toBe(ScriptApp.AuthorizationStatus.REQUIRED); // still answerable
  });

  it('defaults the zone to the script time zone and computes the next run', () => {
    const runtime = createRuntime({ scriptTimeZone: 'America/Los_Angeles', now: '2026-11-24T18:00:00Z' });
    const trigger = runtime.globals.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(9).create();
    const info = runtime.triggers.get(trigger.getUniqueId());
    expect(info?.timezone).toBe('America/Los_Angeles');
    // 18:00Z is 10:00 in LA, past 9:00: the next run is tomorrow 09:00 PST.
    expect(new Date(runtime.triggers.nextRun(trigger.getUniqueId(), runtime.clock.now()) ?? 0).toISOString()).toBe(
      '2026-11-25T17:00:00.000Z',
    );
  });
});

describe('MailApp', () => {
  it('records messages as data, with the simulated time, in every overload', () => {
    const runtime = createRuntime({ now: '2026-11-24T14:00:00Z' });
    const { MailApp } = runtime.globals;
    MailApp.sendEmail({
      to: 'a@client.com',
      cc: 'b@client.com',
      subject: 'Invoice 42',
      body: 'text',
      htmlBody: '<p>text</p>',
      name: 'Studio',
    });
    MailApp.sendEmail('c@client.com', 'Subject', 'Body');
    MailApp.sendEmail('d@client.com', 'Subject', 'Body', { bcc: 'me@example.com', replyTo: 'billing@studio.com' });
    MailApp.sendEmail('e@client.com', 'reply@studio.com', 'Subject', 'Body');
    expect(runtime.mail.sent).toHaveLength(4);
    expect(runtime.mail.sent[0]).toMatchObject({
      to: ['a@client.com'],
      cc: ['b@client.com'],
      subject: 'Invoice 42',
      htmlBody: '<p>text</p>',
      name: 'Studio',
      from: 'me@example.com',
      at: '2026-11-24T14:00:00.000Z',
    });
    expect(runtime.mail.sent[2]).toMatchObject({ bcc: ['me@example.com'], replyTo: 'billing@studio.com' });
    expect(runtime.mail.sent[3]).toMatchObject({ to: ['e@client.com'], replyTo: 'reply@studio.com', subject: 'Subject' });
    expect(runtime.mail.to('b@client.com')).toHaveLength(1);
  });

  it('charges the quota per recipient and refuses past it', () => {
    const runtime = createRuntime({ mailQuota: 3 });
    const { MailApp } = runtime.globals;
    MailApp.sendEmail({ to: 'a@x.com, b@x.com', subject: 's', body: 'b' });
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(() => MailApp.sendEmail({ to: 'a@x.com', cc: 'c@x.com', subject: 's', body: 'b' })).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(runtime.mail.sent).toHaveLength(1);
  });

  it('refuses malformed addresses, including a semicolon-separated list', () => {
    const { MailApp } = createRuntime().globals;
    expect(() => MailApp.sendEmail('not-an-address', 's', 'b')).toThrow('Invalid email: not-an-address');
    expect(() => MailApp.sendEmail('a@x.com; b@x.com', 's', 'b')).toThrow('Invalid email: a@x.com; b@x.com');
    expect(() => MailApp.sendEmail('Ann Smith <ann@x.com>', 's', 'b')).not.toThrow();
  });

  it('refuses more than 50 recipients (to + cc + bcc) in one message, before sending, the quota untouched', () => {
    const runtime = createRuntime({ mailQuota: 200 });
    const { MailApp } = runtime.globals;
    const list = (prefix: string, n: number): string => Array.from({ length: n }, (_, i) => `${prefix}${i}@x.com`).join(', ');
    expect(() =>
      MailApp.sendEmail({ to: list('to', 20), cc: list('cc', 20), bcc: list('bcc', 11), subject: 's', body: 'b' }),
    ).toThrow('Limit Exceeded: Email Recipients Per Message.');
    expect(() => MailApp.sendEmail(list('to', 51), 's', 'b')).toThrow('Limit Exceeded: Email Recipients Per Message.');
    expect(runtime.mail.sent).toEqual([]);
    expect(MailApp.getRemainingDailyQuota()).toBe(200);
    MailApp.sendEmail({ to: list('to', 20), cc: list('cc', 20), bcc: list('bcc', 10), subject: 's', body: 'b' });
    expect(runtime.mail.sent).toHaveLength(1);
    expect(MailApp.getRemainingDailyQuota()).toBe(150);
  });

  it('refuses a subject over 250 characters, nothing sent', () => {
    const runtime = createRuntime();
    const { MailApp } = runtime.globals;
    expect(() => MailApp.sendEmail('a@x.com', 's'.repeat(251), 'b')).toThrow('Argument too large: subject');
    expect(runtime.mail.sent).toEqual([]);
    MailApp.sendEmail('a@x.com', 's'.repeat(250), 'b');
    expect(runtime.mail.sent).toHaveLength(1);
  });
});

describe('Session', () => {});

describe('Ui', () => {
  it('answers alerts from the scripted responses, and refuses unscripted or impossible answers', () => {
    const runtime = createRuntime();
    const ui = runtime.globals.SpreadsheetApp.getUi();
    expect(() => ui.alert('Send 3 emails?')).toThrow('the test scripted no answer');
    runtime.ui.respondWith('YES', 'CLOSE');
    expect(ui.alert('Run follow-ups', 'Send 3 emails?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    expect(ui.alert('Done')).toBe(ui.Button.CLOSE);
    expect(runtime.ui.alerts.map((a) => [a.title, a.prompt, a.buttons, a.response])).toEqual([
      ['Run follow-ups', 'Send 3 emails?', 'YES_NO', 'YES'],
      ['', 'Done', 'OK', 'CLOSE'],
    ]);
    runtime.ui.respondWith('YES');
    expect(() => ui.alert('Only OK here')).toThrow('not one of them');
    runtime.ui.respondToPrompt('Acme', 'OK');
    const response = ui.prompt('Client name?', ui.ButtonSet.OK_CANCEL);
    expect([response.getResponseText(), response.getSelectedButton()]).toEqual(['Acme', ui.Button.OK]);
  });
});

describe('HtmlService', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'html-service-'));
  fs.writeFileSync(
    path.join(dir, 'page.html'),
    '<h1><?= title ?></h1><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?><?!= raw ?>',
  );

  it('throws like Apps Script for a missing file', () => {
    const { HtmlService } = createRuntime({ htmlDir: dir }).globals;
    expect(() => HtmlService.createHtmlOutputFromFile('Sidebar')).toThrow('No HTML file named Sidebar was found.');
  });
});

describe('Logger and console', () => {
  it('are recorded, not printed', () => {
    const runtime = createRuntime();
    runtime.globals.Logger.log('sent %s emails', 3);
    runtime.globals.console.warn('careful', { row: 2 });
    expect(runtime.logs.map((l) => [l.source, l.level, l.message])).toEqual([
      ['Logger', 'log', 'sent 3 emails'],
      ['console', 'warn', 'careful { row: 2 }'],
    ]);
    expect(runtime.globals.Logger.getLog()).toBe('sent 3 emails');
  });
});
