// The sidebar in a real browser: opening (one server call), tabs by keyboard, the overview, a
// failing server call, accessibility (axe-core) and a screenshot of every tab.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT, TABS, eventually, expectText, browserSession, screenshotPath, seriousA11yViolations, textOf } from './browser';

jest.setTimeout(30_000);

const session = browserSession();

describe('opening', () => {
  it('makes exactly one server call (getSidebarData), and clicking through the tabs makes none but the Clients report', async () => {
    const s = await session.open();
    try {
      expect(s.callNames()).toEqual(['getSidebarData']);
      const { page } = s;
      expect(await page.getAttribute('#tab-overview', 'aria-selected')).toBe('true');
      const overview = page.locator('#panel-overview');
      // What goes out today, the overdue totals per currency, counts by status, the last run.
      await expectText(
        overview,
        'Today: November 24, 2026',
        'INV-2026-041, INV-2026-051 · Northwind Studio One email listing 2 invoices, as formal notice → priya@northwind.example',
        'INV-2026-053 · Cedar & Pine Legal Promise missed → tom@cedarpine.example',
        'Escalation → buchhaltung@mueller-soehne.example',
        'Reminder → ana@tidewater.example',
        '$14,370.50 (USD)',
        '€1,750.00 (EUR)',
        'No run yet.',
        'None in the last 7 days.',
      );
      // Invoices found long overdue get the formal notice first (no decision before a notice went out).
      await expectText(overview, 'INV-2026-049 · <b>Pixel</b> & Co', 'Formal notice → sam@pixelco.example');
      // Eight: the sample's two promises to pay (INV-2026-052 and -053) have passed by November 24.
      expect(await textOf(overview.getByRole('row', { name: /Overdue/ }))).toBe('Overdue 8');
      for (const tab of TABS) await s.tab(tab);
      expect(await page.isHidden('#panel-templates')).toBe(true);
      // The Clients tab reads the client report when it opens (payments change in the sheet).
      expect(s.callNames()).toEqual(['getSidebarData', 'getClientReport']);
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('tabs work from the keyboard: arrows, Home and End move a roving tab stop', async () => {
    const s = await session.open();
    try {
      const { page } = s;
      await page.focus('#tab-overview');
      const selected = () => page.getAttribute('[role="tab"][aria-selected="true"]', 'id');
      const focused = () => page.evaluate(() => document.activeElement?.id);
      await page.keyboard.press('ArrowRight');
      expect([await selected(), await focused()]).toEqual(['tab-templates', 'tab-templates']);
      expect(await page.isVisible('#panel-templates')).toBe(true);
      expect(await page.isHidden('#panel-overview')).toBe(true);
      await page.keyboard.press('End');
      expect(await selected()).toBe('tab-settings');
      await page.keyboard.press('ArrowRight');
      expect(await selected()).toBe('tab-overview');
      await page.keyboard.press('ArrowLeft');
      expect(await selected()).toBe('tab-settings');
      await page.keyboard.press('Home');
      expect([await selected(), await focused()]).toEqual(['tab-overview', 'tab-overview']);
      // One tab stop for the whole tab list: Tab goes on into the panel.
      expect(await page.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('panel-overview');
      // Focus is visible.
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
      expect(outline).not.toBe('none');
    } finally {
      await s.close();
    }
  });
});

describe('going out today', () => {
  it('names every invoice of a client email, and the emails that are not stages', async () => {
    // The run's client emails and "promise missed" emails, as the server lists them in the overview.
    const dueToday = [
      { invoice: 'INV-1', client: 'Acme', stage: 'formal', to: ['pat@acme.example'], invoices: ['INV-1', 'INV-2', 'INV-3'] },
      { invoice: 'INV-7', client: 'Kite Co', stage: 'promiseMissed', to: ['kim@kite.example'] },
      { invoice: 'INV-9', client: 'Zeta', stage: 'reminder', to: ['zoe@zeta.example'], invoices: ['INV-9'] },
    ];
    const s = await session.open({}, (_server, page) =>
      page.route('**/__run', async (route) => {
        const response = await route.fetch();
        const reply = (await response.json()) as { ok: boolean; value: { overview: { dueToday: unknown[] } } };
        if ((route.request().postDataJSON() as { name: string }).name === 'getSidebarData')
          reply.value.overview.dueToday = dueToday;
        await route.fulfill({ response, json: reply });
      }),
    );
    try {
      const items = await s.page.locator('#panel-overview ul.list li').allInnerTexts();
      expect(items.map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
        'INV-1, INV-2, INV-3 · Acme One email listing 3 invoices, as formal notice → pat@acme.example',
        'INV-7 · Kite Co Promise missed → kim@kite.example',
        'INV-9 · Zeta Reminder → zoe@zeta.example',
      ]);
      expect(s.errors).toEqual([]);
    } finally {
      await s.page.unrouteAll({ behavior: 'ignoreErrors' });
      await s.close();
    }
  });
});

describe('a failing server call', () => {
  it('shows a readable message and lets the user try again', async () => {
    const s = await session.open({}, (server) =>
      server.runtime.faults.failOn('Spreadsheet.getSpreadsheetTimeZone', 1, {
        message: 'Service Spreadsheets timed out while accessing document with id 1abc.',
      }),
    );
    try {
      const { page } = s;
      const alert = page.locator('#alert');
      await expectText(alert, 'Opening the sidebar failed', 'Google took too long to answer');
      expect(await textOf(alert)).not.toContain('Exception');
      await page.locator('#panel-overview').getByRole('button', { name: 'Try again' }).click();
      await expectText(page.locator('#panel-overview'), 'Today: November 24, 2026');
      expect(await textOf(alert)).toBe('');
      expect(s.callNames()).toEqual(['getSidebarData', 'getSidebarData']);

      // A write that fails: the message says what failed, the edit is kept, the button works again.
      await s.tab('templates');
      const body = page.getByLabel('Message', { exact: true });
      await body.fill('Hello {{client}}, {{balance}} please. {{sender_name}}');
      s.server.runtime.faults.failOn('Spreadsheet.addDeveloperMetadata', 1, { message: 'Service unavailable: Spreadsheets' });
      const save = page.getByRole('button', { name: 'Save template' });
      await save.click();
      await expectText(alert, 'Saving the template failed: Service unavailable: Spreadsheets');
      await eventually(async () => expect(await save.isEnabled()).toBe(true));
      expect(await body.inputValue()).toBe('Hello {{client}}, {{balance}} please. {{sender_name}}');
      await expectText(page.locator('#panel-templates'), 'Unsaved changes.');
      await save.click();
      await expectText(page.locator('#status'), 'Saved the “Reminder (day 1)” template.');
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('says so when google.script.run is missing (the page opened outside Sheets)', async () => {
    const s = await session.open();
    try {
      const { page } = s;
      await page.route(s.server.url, async (route) => {
        const response = await route.fetch();
        const html = await response.text();
        const body = html.replace(/<script>\s*\(function \(\) \{\s*'use strict';\s*var NAMES[\s\S]*?<\/script>/, '');
        expect(body.length).toBeLessThan(html.length);
        await route.fulfill({ response, body });
      });
      await s.reload();
      await expectText(page.locator('#alert'), 'only works inside Google Sheets');
      expect(s.callNames()).toEqual(['getSidebarData']);
    } finally {
      await s.close();
    }
  });
});

describe('every tab', () => {
  it('has no serious or critical axe-core violations, and is saved as a screenshot', async () => {
    // A sheet with a history (daily runs since mid-September), a follow-up due today, and the
    // final-stage invoice selected.
    const s = await session.open({ historyFrom: '2026-09-16', today: '2026-11-26', selectRow: 10 });
    try {
      const { page } = s;
      for (const tab of TABS) {
        await s.tab(tab);
        if (tab === 'templates') {
          await page.locator('details.html-version summary').click();
          const frame = page.frames().find((f) => f !== page.mainFrame())!;
          await expectText(frame.locator('body'), 'Kind regards');
        }
        expect({ tab, violations: await seriousA11yViolations(page) }).toEqual({ tab, violations: [] });
        // (A full-page screenshot does not paint the sandboxed frame: close it for the picture.)
        if (tab === 'templates') await page.locator('details.html-version summary').click();
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: screenshotPath(`sidebar-${tab}.png`), fullPage: true });
      }
      // The confirmation dialog.
      await s.tab('templates');
      await page.getByRole('button', { name: 'Reset to default' }).click();
      await page.getByRole('dialog').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      // Settings with messages on the fields.
      await s.tab('settings');
      await page.getByLabel('Days between follow-ups').fill('0');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await expectText(page.locator('#alert'), 'Settings not saved');
      expect(await seriousA11yViolations(page)).toEqual([]);

      fs.mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
      fs.copyFileSync(screenshotPath('sidebar-overview.png'), path.join(ROOT, 'docs', 'sidebar-overview.png'));
      expect(s.errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
