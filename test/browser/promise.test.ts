// The promise to pay in the sidebar (docs/escalation.md, "Promises"), against the built add-on:
// "Client promised to pay by …" recorded and withdrawn from the selected invoice's card (kept in the
// add-on's own store, never in a user's cell), the server's refusals shown by the date, a promise
// from the Promised Date column shown read-only, a missed promise flagged once the day has passed,
// and the "promise missed" template previewed with the promised date.
import { instantFromWall } from '../../local';
import type { PreviewServer } from '../../scripts/previewServer';
import { browserSession, expectText, sheetStatus, textOf, type Sidebar } from './browser';

jest.setTimeout(30_000);

const session = browserSession();
const TODAY = '2026-11-24';
const ZONE = 'America/New_York';

/** Every cell of the user's columns (the sample's, up to Promised Date), as the sheet holds them. */
function userCells(server: PreviewServer): string {
  const rows = server.runtime.sheet('Invoices').rows();
  const width = (rows[0] ?? []).indexOf('Promised Date') + 1;
  expect(width).toBeGreaterThan(0);
  return JSON.stringify(rows.map((r) => r.slice(0, width)));
}

/** The promises in the add-on's own store (the spreadsheet's developer metadata); null when absent. */
function storedPromises(server: PreviewServer): unknown {
  const entry = server.runtime.spreadsheets.active()?.model.metadata.entries.find((e) => e.key === 'ifu:promises');
  return entry?.value ? (JSON.parse(entry.value) as unknown) : null;
}

/** Writes a date into the row's Promised Date cell, as the user typing it in the sheet. */
function promisedInColumn(server: PreviewServer, row: number, date: string): void {
  const header = server.runtime.sheet('Invoices').rows()[0] ?? [];
  server.runtime.sheet('Invoices').setRaw(row, header.indexOf('Promised Date') + 1, { date });
}

/** The server's clock at 08:00 on `day` (the sidebar keeps the day it was opened on). */
function serverDay(server: PreviewServer, day: string): void {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  server.runtime.clock.set(instantFromWall({ year, month, day: date, hour: 8, minute: 0 }, ZONE));
}

async function withSidebar(before: (server: PreviewServer) => void, test: (s: Sidebar) => Promise<void>) {
  const s = await session.open({ today: TODAY }, before);
  try {
    await test(s);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
}

const card = (s: Sidebar) =>
  s.page.locator('#panel-disputes section', { has: s.page.getByRole('heading', { name: 'Promise to pay' }) });
const selectedInvoice = (s: Sidebar) => s.page.getByRole('region', { name: 'Selected invoice' });
const promiseCalls = (s: Sidebar) => s.server.calls.filter((c) => /Promise$/.test(c.name)).map((c) => [c.name, ...c.args]);

it('records a promise in the add-on’s store (no user cell written), shows it, and withdraws it', () =>
  withSidebar(
    () => undefined,
    async (s) => {
      const { page, server } = s;
      const cells = userCells(server);
      await s.tab('disputes');
      const date = page.getByLabel('Client promised to pay by');
      await date.fill('2026-12-05');
      await page.getByRole('button', { name: 'Record promise' }).click();
      await expectText(page.locator('#status'), 'Recorded: INV-2026-041 is promised by December 5, 2026.');
      await expectText(
        card(s),
        'Client promised to pay by December 5, 2026 (recorded here).',
        'until December 5, 2026 has passed',
      );
      expect(await date.count()).toBe(0);
      await expectText(selectedInvoice(s), 'Promised by 2026-12-05');
      // The server kept it in its own store and its own Status column; the user's cells are as they were.
      expect(storedPromises(server)).toEqual([['INV-2026-041', '2026-12-05', TODAY]]);
      expect(sheetStatus(server, 'INV-2026-041')).toBe('Promised by 2026-12-05');
      expect(userCells(server)).toBe(cells);

      await s.tab('overview');
      await expectText(page.locator('#panel-overview'), 'Something changed since this overview was read');
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expectText(page.locator('#panel-overview table.counts'), 'Promised 1');

      await s.tab('disputes');
      await card(s).getByRole('button', { name: 'Withdraw' }).click();
      await expectText(page.locator('#status'), 'Promise withdrawn: follow-ups for INV-2026-041 go on as scheduled.');
      await expectText(card(s), 'Client promised to pay by');
      expect(await page.getByRole('button', { name: 'Record promise' }).isVisible()).toBe(true);
      expect(await textOf(selectedInvoice(s))).not.toContain('Promised');
      expect(sheetStatus(server, 'INV-2026-041')).not.toContain('Promised');
      expect(storedPromises(server)).toEqual([
        ['INV-2026-041', '2026-12-05', TODAY],
        ['INV-2026-041', '2026-12-05', TODAY, 1],
      ]);
      expect(userCells(server)).toBe(cells);
      expect(promiseCalls(s)).toEqual([
        ['recordPromise', 'INV-2026-041', '2026-12-05'],
        ['withdrawPromise', 'INV-2026-041'],
      ]);
    },
  ));

it('a date the server refuses (past by its clock, or more than a year ahead) shows its message by the field', () =>
  withSidebar(
    () => undefined,
    async (s) => {
      const { page, server } = s;
      await s.tab('disputes');
      const date = page.getByLabel('Client promised to pay by');
      const record = page.getByRole('button', { name: 'Record promise' });
      const fieldError = card(s).locator('.field-error[data-field="promisedDate"]');
      // Checked in the browser first: nothing reaches the server.
      await record.click();
      await expectText(card(s), 'Choose the date the client promised to pay by.');
      expect(await date.getAttribute('aria-invalid')).toBe('true');
      expect(promiseCalls(s)).toEqual([]);

      await date.fill('2027-12-01');
      await record.click();
      await expectText(fieldError, 'The promised date is more than a year ahead: give a nearer date.');
      await expectText(page.locator('#alert'), 'Not recorded: The promised date is more than a year ahead');
      expect(await date.getAttribute('aria-invalid')).toBe('true');

      // The sidebar was opened yesterday: its day lets the date through, the server's does not.
      serverDay(server, '2026-11-26');
      await date.fill('2026-11-25');
      await record.click();
      await expectText(fieldError, 'The promised date is in the past: give today or a later date.');
      expect(await date.isVisible()).toBe(true);
      expect(promiseCalls(s)).toEqual([
        ['recordPromise', 'INV-2026-041', '2027-12-01'],
        ['recordPromise', 'INV-2026-041', '2026-11-25'],
      ]);
      expect(storedPromises(server)).toBeNull();
    },
  ));

it('a promise from the Promised Date column is shown read-only, and flagged once missed', () =>
  withSidebar(
    (server) => promisedInColumn(server, 5, '2026-11-20'),
    async (s) => {
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
    },
  ));

it('a promise recorded here is flagged missed once the server’s day is past it', () =>
  withSidebar(
    () => undefined,
    async (s) => {
      const { page, server } = s;
      await s.tab('disputes');
      await page.getByLabel('Client promised to pay by').fill('2026-11-25');
      await page.getByRole('button', { name: 'Record promise' }).click();
      await expectText(card(s), 'Client promised to pay by November 25, 2026 (recorded here).');
      expect(await card(s).getByTestId('promise-missed').count()).toBe(0);

      serverDay(server, '2026-11-27');
      await s.useRow(2);
      await expectText(card(s), 'Missed: November 25, 2026 passed without payment.');
      // Still the add-on's own promise: it can be withdrawn.
      expect(await card(s).getByRole('button', { name: 'Withdraw' }).isVisible()).toBe(true);
    },
  ));

it('the "promise missed" template is previewed with the promised date, or a sample one', () =>
  withSidebar(
    (server) => promisedInColumn(server, 2, '2026-12-05'),
    async (s) => {
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
    },
  ));
