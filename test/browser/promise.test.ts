// The promise to pay in the sidebar (docs/escalation.md, "Promises"): "Client promised to pay by …"
// recorded and withdrawn from the selected invoice's card, a promise from the Promised Date column
// shown read-only, a missed promise flagged, and the "promise missed" template previewed with the
// promised date. recordPromise / withdrawPromise answer through promiseShim.ts.
import { browserSession, expectText, textOf, type Sidebar } from './browser';
import { shimPromises, type PromiseShim, type ShownPromise } from './promiseShim';

jest.setTimeout(30_000);

const session = browserSession();
const TODAY = '2026-11-24';

async function withSidebar(preset: Record<string, ShownPromise>, test: (s: Sidebar, shim: PromiseShim) => Promise<void>) {
  const shim: PromiseShim = { promises: new Map(Object.entries(preset)) };
  const s = await session.open({ today: TODAY }, (server, page) => shimPromises(page, server, TODAY, shim));
  try {
    await test(s, shim);
    expect(s.errors).toEqual([]);
  } finally {
    await s.page.unrouteAll({ behavior: 'ignoreErrors' });
    await s.close();
  }
}

const card = (s: Sidebar) =>
  s.page.locator('#panel-disputes section', { has: s.page.getByRole('heading', { name: 'Promise to pay' }) });

it('records a promise (checked in the browser, then by the server, beside the date) and withdraws it', () =>
  withSidebar({}, async (s, shim) => {
    const { page } = s;
    await s.tab('disputes');
    const date = page.getByLabel('Client promised to pay by');
    const record = page.getByRole('button', { name: 'Record promise' });
    await record.click();
    await expectText(card(s), 'Choose the date the client promised to pay by.');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await date.fill('2026-11-20');
    await record.click();
    await expectText(card(s), 'The promised date cannot be in the past.');
    expect(s.callNames()).toEqual(['getSidebarData']);

    // Refused by the server: its issue goes beside the date.
    await date.fill('2028-01-05');
    await record.click();
    await expectText(card(s), 'The promised date must be within a year.');
    await expectText(page.locator('#alert'), 'Not recorded: The promised date must be within a year.');

    await date.fill('2026-12-05');
    await record.click();
    await expectText(page.locator('#status'), 'Recorded: INV-2026-041 is promised by December 5, 2026.');
    await expectText(card(s), 'Client promised to pay by December 5, 2026 (recorded here).', 'until December 5, 2026 has passed');
    expect(await page.getByLabel('Client promised to pay by').count()).toBe(0);
    expect(shim.promises.get('INV-2026-041')).toEqual({ date: '2026-12-05', source: 'sidebar', missed: false });
    await s.tab('overview');
    await expectText(page.locator('#panel-overview'), 'Something changed since this overview was read');

    await s.tab('disputes');
    await card(s).getByRole('button', { name: 'Withdraw' }).click();
    await expectText(page.locator('#status'), 'Promise withdrawn: follow-ups for INV-2026-041 go on as scheduled.');
    await expectText(card(s), 'Client promised to pay by');
    expect(await page.getByRole('button', { name: 'Record promise' }).isVisible()).toBe(true);
    expect(s.server.calls.filter((c) => /Promise$/.test(c.name)).map((c) => [c.name, ...c.args])).toEqual([
      ['recordPromise', 'INV-2026-041', '2028-01-05'],
      ['recordPromise', 'INV-2026-041', '2026-12-05'],
      ['withdrawPromise', 'INV-2026-041'],
    ]);
  }));

it('a promise from the Promised Date column is shown read-only, and a missed one is flagged', () =>
  withSidebar({ 'INV-2026-044': { date: '2026-11-20', source: 'column', missed: true } }, async (s) => {
    await s.tab('disputes');
    await s.useRow(5);
    await expectText(
      card(s),
      'Client promised to pay by November 20, 2026 (from your Promised Date column).',
      'Missed: November 20, 2026 passed without payment. One “promise missed” email goes out, then follow-ups resume.',
      'Change or clear it in the sheet.',
    );
    expect(await card(s).getByRole('button').count()).toBe(0);
    expect(await card(s).locator('input').count()).toBe(0);
  }));

it('the "promise missed" template is previewed with the promised date, or a sample one', () =>
  withSidebar({ 'INV-2026-041': { date: '2026-12-05', source: 'sidebar', missed: false } }, async (s) => {
    const { page } = s;
    await s.tab('templates');
    await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Promise missed' });
    const panel = page.locator('#panel-templates');
    await expectText(
      panel,
      'The day after a promised date passes without payment.',
      'With the date the client promised: December 5, 2026.',
    );
    await expectText(panel.locator('.preview'), 'invoice INV-2026-041 for Northwind Studio would be paid by December 5, 2026.');
    // {{promised_date}} is offered here, and refused in another template.
    expect(
      await page.getByLabel('Placeholder', { exact: true }).locator('option', { hasText: '{{promised_date}}' }).count(),
    ).toBe(1);
    await s.useRow(5);
    await expectText(panel, 'With a sample promised date (November 23, 2026)');
    await expectText(panel.locator('.preview'), 'would be paid by November 23, 2026');
    await page.getByLabel('Template', { exact: true }).selectOption({ label: 'Reminder (day 1)' });
    expect(
      await page.getByLabel('Placeholder', { exact: true }).locator('option', { hasText: '{{promised_date}}' }).count(),
    ).toBe(0);
    await page.getByLabel('Message', { exact: true }).fill('Promised {{promised_date}} {{sender_name}}');
    await expectText(panel, 'Message: {{promised_date}} can only be used in the "promise missed" email.');
    expect(await textOf(panel.locator('.preview'))).toContain('Fix the problems above');
  }));
