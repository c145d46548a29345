// The built add-on shell (README "Deploy to your own spreadsheet"): globals, menu in every auth mode, setup, daily trigger, sidebar.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRuntime, isDate, loadAddon } from '../../local';
import { DIST, setUp } from './harness';

const PUBLIC_GLOBALS = ['onOpen', 'onInstall', 'runFollowUps', 'dailyFollowUps', 'showSidebar'];
const MENU_CAPTIONS = [
  'Run follow-ups',
  'Preview follow-ups',
  'Open sidebar',
  'Set up invoice sheet',
  'Turn on daily follow-ups',
  'Turn off daily follow-ups',
  'Check setup',
];

describe('dist/', () => {
  it('holds the manifest, plain script files and one self-contained sidebar', () => {
    const files = fs.readdirSync(DIST).sort();
    expect(files).toEqual(['Code.js', 'Sidebar.html', 'appsscript.json']);
    const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
    for (const name of PUBLIC_GLOBALS) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    const html = fs.readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
    expect(html).toMatch(/<base target="_top"\s*\/?>/);
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']?https?:/i);
    const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual(
      expect.arrayContaining([
        'https://www.googleapis.com/auth/script.send_mail',
        'https://www.googleapis.com/auth/spreadsheets',
      ]),
    );
    expect(manifest.oauthScopes).not.toContain('https://mail.google.com/');
    // An Editor add-on's manifest has no addOns section (that is for Workspace add-ons).
    expect(manifest.addOns).toBeUndefined();
  });

  it('defines the public globals as functions and runs no service call while loading', () => {
    const runtime = createRuntime({ authMode: 'NONE' });
    const addon = loadAddon({ runtime, distDir: DIST });
    for (const name of PUBLIC_GLOBALS) expect(addon.has(name)).toBe(true);
    expect(addon.evaluate(PUBLIC_GLOBALS.map((n) => `typeof ${n}`).join('+","+'))).toBe(
      PUBLIC_GLOBALS.map(() => 'function').join(','),
    );
    expect(runtime.calls.count()).toBe(0);
  });
});

describe('onOpen', () => {
  it.each(['NONE', 'LIMITED', 'FULL'] as const)('builds the add-on menu in AuthMode.%s and touches nothing else', (mode) => {
    const runtime = createRuntime();
    const addon = loadAddon({ runtime, distDir: DIST });
    runtime.setAuthMode(mode);
    addon.call('onOpen', { authMode: mode });
    const menu = runtime.ui.menus[0]!;
    expect(menu.addon).toBe(true);
    expect(menu.caption).toBe('Invoice Follow-ups');
    const captions = menu.items.flatMap((i) => ('caption' in i && 'functionName' in i ? [i.caption] : []));
    expect(captions).toEqual(MENU_CAPTIONS);
    for (const item of menu.items) if ('functionName' in item) expect(addon.has(item.functionName)).toBe(true);
    // Beyond the menu, only the property stores that say whether a daily run needs permission again.
    const allowed =
      mode === 'NONE'
        ? /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/
        : /^(SpreadsheetApp\.getUi|Ui\.|Menu\.|PropertiesService\.|Properties\.getProperty)/;
    expect(runtime.calls.list().filter((c) => !allowed.test(c))).toEqual([]);
  });

  it('onInstall builds the same menu', () => {
    const runtime = createRuntime();
    const addon = loadAddon({ runtime, distDir: DIST });
    addon.call('onInstall', { authMode: 'FULL' });
    expect(runtime.ui.menus).toHaveLength(1);
  });
});

describe('Set up invoice sheet', () => {
  it('creates a well-formed Invoices sheet once, and refuses to touch an existing one', () => {
    const runtime = createRuntime({ timeZone: 'Europe/London', locale: 'en_GB', now: '2026-11-24T10:00:00Z' });
    const addon = loadAddon({ runtime, distDir: DIST });
    runtime.ui.respondWith('OK');
    addon.call('setUpInvoiceSheet');
    const sheet = runtime.sheet('Invoices');
    const rows = sheet.rows();
    expect(rows[0]).toEqual(
      expect.arrayContaining(['Invoice', 'Client', 'Email', 'Amount', 'Due Date', 'Paused', 'Status', 'Next Follow-up']),
    );
    expect(rows).toHaveLength(2);
    const header = rows[0] as string[];
    const at = (h: string) => header.indexOf(h) + 1;
    expect(sheet.cellDate(2, at('Due Date'))).toBe('2026-11-24');
    expect(sheet.isCheckbox(2, at('Paused'))).toBe(true);
    expect(sheet.isCheckbox(50, at('Paused'))).toBe(true);
    expect(rows[1]?.[at('Paused') - 1]).toBe(true); // the example never emails anyone
    expect(rows[1]?.[at('Currency') - 1]).toBe('GBP');
    // Phone and Language are the user's to fill in; a phone number is kept as written (plain text).
    expect(at('Phone')).toBeGreaterThan(at('Email'));
    expect(at('Language')).toBeGreaterThan(at('Currency'));
    expect(rows[1]?.[at('Phone') - 1]).toBe('+1 555 0100');
    expect(sheet.numberFormatAt(50, at('Phone'))).toBe('@');
    expect(rows[1]?.[at('Language') - 1]).toBe('');
    expect(sheet.numberFormatAt(2, at('Due Date'))).toBe('yyyy-mm-dd');
    expect(runtime.ui.alerts.at(-1)?.prompt).toMatch(/Created the 'Invoices' sheet/);

    // Second time: the user's sheet (now with their own data) is left alone.
    sheet.setRaw(3, 1, 'MY-INVOICE');
    const before = JSON.stringify(sheet.rows());
    runtime.ui.respondWith('OK');
    addon.call('setUpInvoiceSheet');
    expect(JSON.stringify(runtime.sheet('Invoices').rows())).toBe(before);
    expect(runtime.ui.alerts.at(-1)?.prompt).toMatch(/already exists, so nothing was changed/);
  });

  it('the new sheet passes a preview run without errors (the example row is paused)', () => {
    const runtime = createRuntime({ now: '2026-11-24T15:00:00Z' });
    const addon = loadAddon({ runtime, distDir: DIST });
    runtime.ui.respondWith('OK');
    addon.call('setUpInvoiceSheet');
    runtime.ui.respondToPrompt('Sam Rivera');
    addon.call('previewFollowUps');
    const rows = runtime.sheet('Invoices').rows();
    const header = rows[0] as string[];
    expect(rows[1]?.[header.indexOf('Status')]).toBe('Paused');
    expect(runtime.mail.sent).toHaveLength(0);
    // Every column of the new sheet is one the add-on reads (none is a question or left unread).
    const data = addon.call('getSidebarData') as { warnings: string[] };
    expect(data.warnings).toEqual([]);
  });
});

describe('daily follow-ups trigger', () => {
  it('turning on twice leaves one trigger at the send hour in the spreadsheet zone; off leaves none', () => {
    const t = setUp({ today: '2026-11-24', timeZone: 'Pacific/Auckland', settings: { sendHour: 8 } });
    t.runtime.ui.respondWith('YES', 'OK', 'YES', 'OK');
    t.addon.call('turnOnDailyFollowUps');
    t.addon.call('turnOnDailyFollowUps');
    const triggers = t.runtime.triggers.list();
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({ handler: 'dailyFollowUps', hour: 8, everyDays: 1, timezone: 'Pacific/Auckland' });
    expect(t.runtime.ui.alerts.at(-1)?.prompt).toMatch(/between 08:00 and 08:59 \(Pacific\/Auckland\)/);
    t.runtime.ui.respondWith('OK');
    t.addon.call('turnOffDailyFollowUps');
    expect(t.runtime.triggers.list()).toHaveLength(0);
    expect(t.runtime.ui.alerts.at(-1)?.title).toBe('Daily follow-ups are off');
  });

  it('asks for the sender name first when none is set, and saves it', () => {
    const t = setUp({ today: '2026-11-24', settings: { senderName: '' } });
    t.runtime.ui.respondToPrompt('Rivera Design');
    t.runtime.ui.respondWith('YES', 'OK');
    t.addon.call('turnOnDailyFollowUps');
    const data = t.addon.call('getSidebarData') as { settings: { senderName: string } };
    expect(data.settings.senderName).toBe('Rivera Design');
    expect(t.runtime.triggers.list()).toHaveLength(1);
  });

  it('the trigger run opens the spreadsheet by the id saved for its trigger, with no UI', () => {
    const t = setUp({ today: '2026-11-02', rows: [{ invoice: 'A-1', due: '2026-11-01' }] });
    t.daily();
    expect(t.sent()).toHaveLength(1);
    expect(t.runtime.calls.count('SpreadsheetApp.openById')).toBe(1);
    expect(t.runtime.ui.toasts).toHaveLength(0);
  });
});

describe('sidebar', () => {
  it('showSidebar opens dist/Sidebar.html: the built sidebar, with its script and styles inlined', () => {
    const runtime = createRuntime();
    const addon = loadAddon({ runtime, distDir: DIST });
    addon.call('showSidebar');
    expect(runtime.ui.sidebars).toHaveLength(1);
    const html = runtime.ui.sidebars[0]?.html ?? '';
    expect(html).toBe(fs.readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8'));
    expect(html).toMatch(/<script>[\s\S]*getSidebarData[\s\S]*<\/script>/);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    expect(runtime.ui.sidebars[0]?.title).toBe('Invoice Follow-ups');
  });
});

it('date cells the add-on writes are real dates', () => {
  const t = setUp({ today: '2026-11-02', rows: [{ invoice: 'A-1', due: '2026-11-01' }] });
  t.daily();
  const rows = t.runtime.sheet('Invoices').rows();
  const header = rows[0] as string[];
  expect(isDate(rows[1]?.[header.indexOf('Last Follow-up')])).toBe(false); // raw rows hold serials…
  expect(t.runtime.sheet('Invoices').cellDate(2, header.indexOf('Last Follow-up') + 1)).toBe('2026-11-02'); // …of date cells
});
