// The Clients tab against the built add-on (README "The day-14 call" and "Learning from every
// client"): the call cards with their tel: links, recording a call, the client table, the advice of
// the selected row's client and the aging chart as accessible inline SVG; axe-core finds nothing
// serious; the pictures in docs/ are made here.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { browserSession, eventually, expectText, ROOT, seriousA11yViolations, textOf, type Sidebar } from './browser';

jest.setTimeout(60_000);

const session = browserSession();
const TODAY = '2026-11-24';

const CSV = [
  'Invoice,Client,Contact Name,Email,Billing Email,Amount,Amount Paid,Currency,Issue Date,Due Date,Paid Date,Paused,Payment Link,Phone',
  'INV-101,Slow Co,Dana Slow,dana@slow.example,ap@slow.example,6000,,USD,2026-08-01,2026-09-01,2026-09-26,FALSE,,+1 (555) 010-1234',
  'INV-102,Slow Co,Dana Slow,dana@slow.example,ap@slow.example,2000,,USD,2026-09-01,2026-10-01,2026-10-21,FALSE,,+1 (555) 010-1234',
  'INV-103,Slow Co,Dana Slow,dana@slow.example,ap@slow.example,1500,,USD,2026-10-06,2026-11-05,,FALSE,,+1 (555) 010-1234',
  'INV-104,Prompt Ltd,Ana Prompt,ana@prompt.example,,900,,USD,2026-09-15,2026-10-15,2026-10-14,FALSE,,',
  'INV-105,Prompt Ltd,Ana Prompt,ana@prompt.example,,1200,,EUR,2026-10-31,2026-11-30,,FALSE,,',
  'INV-106,Quiet GmbH,Jo Quiet,jo@quiet.example,,3000,,EUR,2026-08-10,2026-09-10,,FALSE,,',
  'INV-107,Mid LLC,Max Mid,max@mid.example,,800,,USD,2026-09-20,2026-10-20,,FALSE,,ask reception',
].join('\n');

async function open(selectRow?: number): Promise<Sidebar> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clients-'));
  fs.writeFileSync(path.join(dir, 'invoices.csv'), CSV);
  return session.open({ today: TODAY, invoicesCsv: path.join(dir, 'invoices.csv'), disputesCsv: null, selectRow });
}

const cards = (s: Sidebar) => s.page.getByTestId('call-card');

it('lists the calls with tel: links, and a recorded call leaves the list', async () => {
  const s = await open();
  try {
    await s.tab('clients');
    await eventually(async () => expect(await cards(s).count()).toBe(3));
    // Longest late first: Quiet GmbH (75 days, no phone), Mid LLC (35, a word for a number), Slow Co (19).
    const slow = cards(s).filter({ hasText: 'Slow Co' });
    expect(await slow.getByRole('link', { name: '+1 (555) 010-1234' }).getAttribute('href')).toBe('tel:+15550101234');
    expect(await textOf(slow)).toContain('Invoice INV-103: $1,500.00 owed, 19 days late.');
    expect(await textOf(slow)).toContain('Who processes payments');
    expect(await textOf(cards(s).filter({ hasText: 'Quiet GmbH' }).getByTestId('no-phone'))).toMatch(
      /No phone number on the row: send a direct message/,
    );
    await slow.getByLabel('What came of the call').selectOption('promised');
    await slow.getByLabel('Promised to pay by').fill('2026-12-04');
    await slow.getByRole('button', { name: 'Record call' }).click();
    await expectText(s.page.locator('#status'), 'Call about INV-103 recorded.');
    await eventually(async () => expect(await cards(s).count()).toBe(2));
    const log = s.server.runtime.sheet('Follow-up Log').displayRows();
    expect(log.find((r) => r[1] === 'INV-103')).toEqual(expect.arrayContaining(['call', 'promised']));
    // Refused in words: a promise without a date.
    const quiet = cards(s).filter({ hasText: 'Quiet GmbH' });
    await quiet.getByLabel('What came of the call').selectOption('promised');
    await quiet.getByRole('button', { name: 'Record call' }).click();
    await expectText(s.page.locator('#alert'), 'Not recorded: Give the date they promised to pay by');
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
});

it('shows the clients, the selected client’s advice and the aging chart, accessibly (axe), and is pictured in docs/', async () => {
  // Row 4 is INV-103 of Slow Co.
  const s = await open(4);
  try {
    const { page } = s;
    await s.tab('clients');
    const chart = page.locator('svg[role="img"]').first();
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toBe(
      'Unpaid EUR balances by days past due. Not yet due: €1,200.00; 1–30 days: €0.00; 31–60 days: €0.00; 61–90 days: €3,000.00; Over 90 days: €0.00.',
    );
    expect(await chart.locator('title').textContent()).toContain('Unpaid EUR balances');
    const table = page.getByRole('table', { name: 'Clients' });
    expect(await textOf(table.getByRole('row', { name: /Slow Co/ }))).toBe('Slow Co 3 2 22.5 0% 25 0 $1,500.00');
    const selected = page.locator('section', { has: page.getByRole('heading', { name: 'Selected row: Slow Co' }) });
    expect(await textOf(selected)).toContain('Slow Co paid its last 2 invoices 22.5 days late on average: ask a 50% deposit');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ROOT, 'docs', 'sidebar-clients.png'), fullPage: true });
    await cards(s)
      .filter({ hasText: 'Slow Co' })
      .screenshot({ path: path.join(ROOT, 'docs', 'sidebar-call.png') });
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
});
