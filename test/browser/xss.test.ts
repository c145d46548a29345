// Markup in a client name, an invoice number, a note or a template is shown as the characters it
// is, on every tab, and never runs.
import { HEADERS } from '../integration/harness';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { TABS, expectText, browserSession } from './browser';

jest.setTimeout(30_000);

const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '<script>window.__xss=1</script>';
const SVG = '"><svg onload=window.__xss=1>';
const JS_LINK = '<a href="javascript:window.__xss=1">pay here</a>';

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');

const session = browserSession();
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidebar-xss-'));
  fs.writeFileSync(
    path.join(dir, 'invoices.csv'),
    csv([
      HEADERS,
      [IMG, SCRIPT, JS_LINK, 'ada@client.example', '', '1000', '', 'USD', '2026-10-01', '2026-11-17', '', 'FALSE', ''],
      [
        'INV-X2',
        SVG,
        IMG,
        'bob@client.example',
        '',
        '500',
        '',
        'USD',
        '2026-10-01',
        '2026-11-20',
        '',
        'FALSE',
        'https://pay.example/x2',
      ],
      // A javascript: link is refused by the add-on: the row's error quotes it, as text.
      [
        'INV-X3',
        IMG,
        '',
        'cy@client.example',
        '',
        '500',
        '',
        'USD',
        '2026-10-01',
        '2026-11-20',
        '',
        'FALSE',
        'javascript:window.__xss=1',
      ],
    ]),
  );
  fs.writeFileSync(
    path.join(dir, 'disputes.csv'),
    csv([
      ['Timestamp', 'Invoice', 'Event', 'Note'],
      ['2026-11-21', 'INV-X2', 'Dispute opened', `${IMG}${SCRIPT}`],
    ]),
  );
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Nothing ran, and nothing that could run was created. */
async function expectInert(page: Page): Promise<void> {
  const state = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    // The Clients tab's aging chart is the sidebar's own SVG, drawn from numbers; a phone link dials digits only.
    active: document.querySelectorAll('img, svg:not(.aging-chart), object, embed, iframe:not(.html-frame), [onerror], [onload]')
      .length,
    scripts: document.scripts.length,
    jsLinks: [...document.querySelectorAll('a')].filter((a) => !/^(https:|tel:\+?\d+$)/.test(a.getAttribute('href') ?? ''))
      .length,
  }));
  expect(state).toEqual({ xss: undefined, active: 0, scripts: 2, jsLinks: 0 });
}

it('payloads in the sheet, a note and a template never execute and appear as text', async () => {
  const s = await session.open({ invoicesCsv: path.join(dir, 'invoices.csv'), disputesCsv: path.join(dir, 'disputes.csv') });
  try {
    const { page } = s;
    await expectInert(page);
    // Overview: client names in "going out today".
    await expectText(page.locator('#panel-overview'), SCRIPT);

    // Disputes: invoice number, client, contact (in the dispute message), a note.
    await s.tab('disputes');
    const disputes = page.locator('#panel-disputes');
    await expectText(disputes, `${IMG} · ${SCRIPT} (row 2)`);
    await page.getByLabel('First note (what the client raised)').fill(`${SCRIPT} ${IMG} ${JS_LINK}`);
    await page.getByRole('button', { name: 'Open dispute' }).click();
    await expectText(disputes, 'Status Disputed', `${SCRIPT} ${IMG} ${JS_LINK}`);
    await expectInert(page);
    const gmail = await page.getByRole('link', { name: 'Open in Gmail' }).getAttribute('href');
    expect(gmail).toMatch(/^https:\/\/mail\.google\.com\/mail\/\?view=cm&fs=1&/);
    expect(new URL(gmail!).searchParams.get('body')).toContain(SCRIPT);
    await s.useRow(3);
    await expectText(disputes, `INV-X2 · ${SVG} (row 3)`, `${IMG}${SCRIPT}`);
    await expectInert(page);

    // Templates: markup typed into a template, saved, reloaded, previewed for both rows.
    await s.tab('templates');
    const body = page.getByLabel('Message', { exact: true });
    await body.fill(`${IMG} Dear {{contact_name}} at {{client}} ${SCRIPT} ${JS_LINK} {{payment_link}} {{invoice}}`);
    await page.getByLabel('Subject', { exact: true }).fill(`${SCRIPT} {{client}}`);
    await page.getByRole('button', { name: 'Save template' }).click();
    await expectText(page.locator('#status'), 'Saved');
    await s.reload();
    await expectInert(page);
    await s.tab('templates');
    const preview = page.locator('#panel-templates .preview');
    await expectText(
      preview,
      `Subject: ${SCRIPT} ${SVG}`,
      `${IMG} Dear ${IMG} at ${SVG} ${SCRIPT} ${JS_LINK} https://pay.example/x2 INV-X2`,
    );
    await page.locator('details.html-version summary').click();
    // The HTML version: escaped by the server's code, in a frame that runs no script.
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await expectText(frame.locator('body'), IMG, SCRIPT);
    expect(await frame.locator('img, svg, script').count()).toBe(0);
    await s.useRow(4);
    await expectText(preview, "Payment link 'javascript:window.__xss=1' is not a web address");
    await s.tab('disputes');
    await expectText(page.locator('#panel-disputes'), `INV-X3 · ${IMG} (row 4)`, "Payment link 'javascript:window.__xss=1'");
    await expectInert(page);

    for (const tab of TABS) {
      await s.tab(tab);
      await expectInert(page);
    }
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
});
