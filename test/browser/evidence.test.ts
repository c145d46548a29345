// The evidence pack at "decide next step": downloaded from the sidebar as a PDF (a Blob URL with a
// download attribute, no Drive file), whose text holds the invoice, the follow-ups and the
// small-claims check; the small-claims table edited in the sidebar; settings exported as JSON.
import { pdfText } from '../local/pdfText';
import { browserSession, downloadedBytes, eventually, expectText, type Sidebar } from './browser';

jest.setTimeout(90_000);

const session = browserSession();

// The add-on's store: the spreadsheet's developer metadata (README "Where the add-on keeps its data").
const storedSmallClaims = (server: Sidebar['server']): string | null | undefined =>
  server.runtime.spreadsheets.active()?.model.metadata.entries.find((e) => e.key === 'ifu:smallClaims')?.value;

async function withSidebar(test: (s: Sidebar) => Promise<void>): Promise<void> {
  const s = await session.open({ historyFrom: '2026-09-16', selectRow: 10 });
  try {
    await test(s);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
}

it('downloads the evidence pack of an invoice at its final stage, with the follow-ups and the court chosen first', () =>
  withSidebar(async (s) => {
    const { page } = s;
    await s.tab('disputes');
    const card = page.locator('section[aria-label="Evidence pack"]');
    await expectText(card, 'Evidence pack', 'Download evidence pack (PDF)');
    await card
      .getByLabel('Court to check first')
      .selectOption({ label: 'California: Superior Court, small claims, up to 6250 USD' });
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    // The local runtime prints the PDF with Chromium synchronously, holding up this process meanwhile.
    await card.getByRole('button', { name: 'Download evidence pack (PDF)' }).click({ timeout: 60_000 });
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Evidence pack INV-2026-049 2026-11-24.pdf');
    expect(download.url()).toMatch(/^blob:/);
    const text = pdfText(await downloadedBytes(download)).replace(/\s+/g, ' ');
    expect(text).toContain('Evidence pack: invoice INV-2026-049');
    expect(text).toContain('$2,200.00');
    expect(text).toContain('sam@pixelco.example');
    expect(text).toMatch(/September 16, 2026.*September 22, 2026.*October 6, 2026/);
    expect(text).toContain('Check your court’s current limit before filing');
    // The court chosen comes first in the small-claims table, and the claim fits under its limit.
    expect(text.indexOf('$6,250.00')).toBeLessThan(text.indexOf('England and Wales'));
    expect(text).toContain('Within the limit');
    await expectText(card, 'Save Evidence pack INV-2026-049 2026-11-24.pdf');
    expect(s.callNames()).toEqual(['getSidebarData', 'getSmallClaimsTable', 'getEvidencePack']);
  }));

it('edits the small-claims table: a bad row is refused by field, a good table is saved, the defaults come back', () =>
  withSidebar(async (s) => {
    const { page, server } = s;
    await s.tab('disputes');
    const card = page.locator('section[aria-label="Evidence pack"]');
    await card.getByText('Small-claims limits (editable)').click();
    const first = card.locator('fieldset').first();
    await expectText(first, 'Row 1');
    await first.getByLabel('Limit').fill('-5');
    await card.getByRole('button', { name: 'Save the table' }).click();
    await expectText(card, 'Row 1: the limit must be a positive number.');
    await first.getByLabel('Limit').fill('12000');
    await card.getByRole('button', { name: 'Save the table' }).click();
    await expectText(page.locator('#status'), 'Small-claims table saved.');
    const saved = JSON.parse(storedSmallClaims(server) ?? 'null') as Array<{ limit: number }>;
    expect(saved[0]?.limit).toBe(12000);
    await card.getByRole('button', { name: 'Restore the defaults' }).click();
    await expectText(page.locator('#status'), 'Small-claims table back to the defaults.');
    expect(storedSmallClaims(server)).toBeUndefined();
    // The table is drawn again after the answer: wait for it (a loaded machine draws late).
    await eventually(async () => expect(await card.locator('fieldset').first().getByLabel('Limit').inputValue()).toBe('10000'));
  }));

it('exports the saved settings as a JSON file', () =>
  withSidebar(async (s) => {
    const { page } = s;
    await s.tab('settings');
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export settings' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('follow-up-settings.json');
    const settings = JSON.parse((await downloadedBytes(download)).toString('utf8')) as Record<string, unknown>;
    expect(settings).toMatchObject({ senderName: 'Sam Rivera Design', latePayment: { regime: 'off' } });
  }));
