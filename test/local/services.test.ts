import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRuntime } from '../../local';

describe('PropertiesService', () => {
  it('stores strings, chains, copies, and String()s other values', () => {
    const runtime = createRuntime();
    const props = runtime.globals.PropertiesService.getDocumentProperties();
    if (!props) throw new Error('expected document properties');
    expect(props.getProperty('missing')).toBeNull();
    props.setProperty('a', '1').setProperty('b', 2 as unknown as string);
    expect(props.getProperty('b')).toBe('2');
    const copy = props.getProperties();
    copy.a = 'changed';
    expect(props.getProperty('a')).toBe('1');
    props.setProperties({ c: '3' }, true);
    expect(props.getKeys()).toEqual(['c']);
    props.deleteProperty('c').setProperty('d', '4');
    expect(props.getProperties()).toEqual({ d: '4' });
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  it('refuses a property over 9 KB (key + value, UTF-8)', () => {
    const props = createRuntime().globals.PropertiesService.getUserProperties();
    props.setProperty('k', 'x'.repeat(9 * 1024 - 1)); // exactly 9216 bytes with the key
    expect(() => props.setProperty('k', 'x'.repeat(9 * 1024))).toThrow('Argument too large: value');
    expect(() => props.setProperty('k', 'é'.repeat(4608))).toThrow('Argument too large: value'); // 2 bytes each
    expect(props.getProperty('k')).toHaveLength(9215);
  });

  it('refuses to grow a store past 500 KB, leaving it unchanged', () => {
    const runtime = createRuntime();
    const props = runtime.globals.PropertiesService.getScriptProperties();
    const chunk = 'x'.repeat(9000);
    // 56 × 9,005 bytes = 504,280: under the 512,000-byte limit; one more 9,008 is over.
    for (let i = 0; i < 56; i++) props.setProperty(`key${String(i).padStart(2, '0')}`, chunk);
    expect(runtime.properties.script().size()).toBe(56 * 9005);
    expect(() => props.setProperty('one-more', chunk)).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(props.getProperty('one-more')).toBeNull();
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
  it('acquires a free lock at once', () => {
    const runtime = createRuntime();
    const lock = runtime.globals.LockService.getDocumentLock();
    expect(lock?.tryLock(1000)).toBe(true);
    expect(lock?.hasLock()).toBe(true);
    lock?.releaseLock();
    expect(lock?.hasLock()).toBe(false);
  });

  it('waits (in simulated time) and fails while another execution holds it', () => {
    const runtime = createRuntime({ now: '2026-11-24T09:00:00Z' });
    runtime.locks.holdDocumentLock();
    const lock = runtime.globals.LockService.getDocumentLock();
    expect(lock?.tryLock(5000)).toBe(false);
    expect(new Date(runtime.clock.now()).toISOString()).toBe('2026-11-24T09:00:05.000Z');
    expect(() => lock?.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    runtime.locks.releaseHeld();
    expect(lock?.tryLock(0)).toBe(true);
  });

  it('gets the lock when the other execution lets go within the timeout', () => {
    const runtime = createRuntime({ now: '2026-11-24T09:00:00Z' });
    runtime.locks.holdScriptLock({ releaseAfterMs: 2000 });
    const lock = runtime.globals.LockService.getScriptLock();
    lock.waitLock(10_000);
    expect(lock.hasLock()).toBe(true);
    expect(new Date(runtime.clock.now()).toISOString()).toBe('2026-11-24T09:00:02.000Z');
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

  it('enforces add-on rules: one time-driven trigger per document, nothing more often than hourly', () => {
    const runtime = createRuntime();
    const { ScriptApp } = runtime.globals;
    ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(9).create();
    expect(() => ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(10).create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    runtime.setActiveSpreadsheet(runtime.spreadsheets.create().id);
    expect(() => ScriptApp.newTrigger('often').timeBased().everyMinutes(30).create()).toThrow('more often than once per hour');
  });

  it('enforces 20 triggers per user, and validates the schedule', () => {
    const runtime = createRuntime({ isAddOn: false });
    const { ScriptApp } = runtime.globals;
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('f20').timeBased().everyHours(1).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(() => ScriptApp.newTrigger('x').timeBased().atHour(24)).toThrow('Invalid argument: hour');
    expect(() => ScriptApp.newTrigger('x').timeBased().everyHours(3)).toThrow('Invalid argument: hours');
    expect(() => ScriptApp.newTrigger('x').timeBased().inTimezone('Nowhere/City')).toThrow('Invalid argument: timezone');
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
});

describe('Session', () => {
  it('reports the users, locale and script zone', () => {
    const runtime = createRuntime({
      userEmail: 'owner@studio.com',
      activeUserEmail: '',
      scriptTimeZone: 'Europe/Paris',
      userLocale: 'fr',
    });
    const { Session } = runtime.globals;
    expect(Session.getEffectiveUser().getEmail()).toBe('owner@studio.com');
    expect(Session.getActiveUser().getEmail()).toBe('');
    expect(Session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(Session.getActiveUserLocale()).toBe('fr');
    expect(Session.getTemporaryActiveUserKey()).toBe(Session.getTemporaryActiveUserKey());
  });
});

describe('Ui', () => {
  it('records menus as data', () => {
    const runtime = createRuntime();
    const ui = runtime.globals.SpreadsheetApp.getUi();
    ui.createMenu('Follow-ups')
      .addItem('Run follow-ups', 'runFollowUps')
      .addSeparator()
      .addSubMenu(ui.createMenu('More').addItem('Open sidebar', 'showSidebar'))
      .addToUi();
    expect(runtime.ui.menus).toEqual([
      {
        caption: 'Follow-ups',
        addon: false,
        items: [
          { caption: 'Run follow-ups', functionName: 'runFollowUps' },
          { separator: true },
          { caption: 'More', addon: false, items: [{ caption: 'Open sidebar', functionName: 'showSidebar' }] },
        ],
      },
    ]);
  });

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

  it('records sidebars and dialogs, and has no UI in a trigger context', () => {
    const runtime = createRuntime();
    const { SpreadsheetApp, HtmlService } = runtime.globals;
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>hi</p>').setTitle('Follow-ups'));
    SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput('<p>sure?</p>').setWidth(400), 'Confirm');
    expect(runtime.ui.sidebars).toEqual([expect.objectContaining({ title: 'Follow-ups', html: '<p>hi</p>' })]);
    expect(runtime.ui.modalDialogs).toEqual([expect.objectContaining({ title: 'Confirm', width: 400 })]);
    runtime.setUiAvailable(false);
    expect(() => SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('HtmlService', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'html-service-'));
  fs.writeFileSync(
    path.join(dir, 'page.html'),
    '<h1><?= title ?></h1><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?><?!= raw ?>',
  );

  it('reads project HTML files and evaluates templates (escaped, raw, code scriptlets)', () => {
    const { HtmlService } = createRuntime({ htmlDir: dir }).globals;
    expect(HtmlService.createHtmlOutputFromFile('page').getContent()).toContain('<?= title ?>');
    const template = HtmlService.createTemplateFromFile('page');
    template.title = 'Invoices & <Co>';
    template.items = ['a', '<b>'];
    template.raw = '<script>ok</script>';
    expect(template.evaluate().getContent()).toBe(
      '<h1>Invoices &amp; &lt;Co&gt;</h1><li>a</li><li>&lt;b&gt;</li><script>ok</script>',
    );
  });

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
