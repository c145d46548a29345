// A due date that looks like a typo, in the sidebar (docs/own-sheet.md): the selected invoice's card
// says why it is held and offers "The year looks wrong — it is right"; after a confirmation the date
// is kept in the add-on's own store (no user cell written) and the invoice is chased as it is.
import type { PreviewServer } from '../../scripts/previewServer';
import { browserSession, eventually, expectText, sheetStatus, textOf } from './browser';

jest.setTimeout(30_000);

const session = browserSession();

/** The sample's first invoice (row 2) with its due date typed 1926 instead of 2026, and no issue date. */
function typo(server: PreviewServer): void {
  const sheet = server.runtime.sheet('Invoices');
  const header = sheet.rows()[0] ?? [];
  sheet.setRaw(2, header.indexOf('Due Date') + 1, { date: '1926-11-01' });
  // (With its issue date left in, the row would be an error: a due date before the issue date.)
  sheet.setRaw(2, header.indexOf('Issue Date') + 1, '');
}

function storedDueDates(server: PreviewServer): unknown {
  const entry = server.runtime.spreadsheets.active()?.model.metadata.entries.find((e) => e.key === 'ifu:dueDates');
  return entry?.value ? (JSON.parse(entry.value) as unknown) : null;
}

it('shows why the due date is held and confirms it with one button (and a question)', async () => {
  const s = await session.open({}, typo);
  try {
    const { page, server } = s;
    await s.tab('disputes');
    const card = page.getByRole('region', { name: 'Selected invoice' });
    await expectText(card, 'Needs review: Due date 1926-11-01 looks like a typo (check the year)');
    const button = card.getByRole('button', { name: 'The year looks wrong — it is right' });
    await button.click();
    // A question first: Cancel leaves everything as it was.
    const dialog = page.getByRole('dialog');
    await expectText(dialog, 'Chase INV-2026-041 as due on November 1, 1926?');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(s.callNames()).not.toContain('confirmDueDate');

    await button.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Yes, the date is right' }).click();
    await expectText(page.locator('#status'), 'Due date confirmed: INV-2026-041 is chased as due on November 1, 1926.');
    await eventually(async () => expect(await textOf(card)).not.toContain('Needs review'));
    expect(await card.getByRole('button', { name: 'The year looks wrong — it is right' }).count()).toBe(0);
    expect(storedDueDates(server)).toEqual([['INV-2026-041', '1926-11-01']]);
    expect(sheetStatus(server, 'INV-2026-041')).not.toContain('Needs review');
    expect(server.calls.filter((c) => c.name === 'confirmDueDate').map((c) => c.args)).toEqual([['INV-2026-041']]);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
});

it('an invoice whose due date is not in doubt has no such button', async () => {
  const s = await session.open({});
  try {
    await s.tab('disputes');
    const card = s.page.getByRole('region', { name: 'Selected invoice' });
    await expectText(card, 'INV-2026-041');
    expect(await card.getByRole('button', { name: 'The year looks wrong — it is right' }).count()).toBe(0);
  } finally {
    await s.close();
  }
});
