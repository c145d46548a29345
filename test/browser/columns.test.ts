// The Columns step (docs/own-sheet.md): a sheet with two amount columns opens the sidebar on it;
// the user picks one, sees the first rows as they will be read, and saves; values stay text.
import { browserSession, eventually, expectText, type Sidebar } from './browser';

jest.setTimeout(30_000);

const session = browserSession();

/** The sample sheet with a second amount column ('Total', 14th column) holding markup as text. */
function twoAmountColumns(server: Sidebar['server']): void {
  const sheet = server.runtime.sheet('Invoices');
  sheet.setRaw(1, 14, 'Total');
  for (let row = 2; row <= sheet.lastRow(); row++) sheet.setRaw(row, 14, row === 2 ? 9999 : 100);
}

it('opens on the Columns step when a run would be blocked, previews a choice and saves it', async () => {
  const s = await session.open({}, twoAmountColumns);
  try {
    const { page } = s;
    await page.waitForSelector('#panel-settings:not([hidden])');
    const step = page.locator('#columns-step');
    await expectText(step, "'Amount' and 'Total' both look like the Amount column");
    const amount = page.getByLabel('Amount (required)');
    expect(await amount.inputValue()).toBe('Amount');
    await expectText(step, 'Amount: $2,400.00');
    await amount.selectOption('Total');
    await expectText(step, 'Amount: $9,999.00');
    expect(s.server.runtime.properties.document().get('columnMapping')).toBeNull();
    await page.getByRole('button', { name: 'Save columns' }).click();
    await expectText(page.locator('#status'), 'Columns saved');
    await eventually(() =>
      expect(
        JSON.parse(
          s.server.runtime.spreadsheets.active()?.model.metadata.entries.find((e) => e.key === 'ifu:columnMapping')?.value ??
            '{}',
        ),
      ).toMatchObject({ amount: 'Total' }),
    );
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
});
