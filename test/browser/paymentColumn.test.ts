// A payment column the add-on does not know (docs/own-sheet.md), in the sidebar: the Columns step
// opens with a question about it, the guess pre-selected and pre-filled in its field; the user keeps
// the guess or says "Not a payment column", and the answer is saved in the add-on's store.
import type { PreviewServer } from '../../scripts/previewServer';
import { browserSession, eventually, expectText } from './browser';

jest.setTimeout(30_000);

const session = browserSession();
const HEADER = 'Still owed (after credits)';

/** The sample sheet with one more column, after the last: what each client still owes, as numbers. */
function stillOwedColumn(server: PreviewServer): void {
  const sheet = server.runtime.sheet('Invoices');
  const column = (sheet.rows()[0] ?? []).length + 1;
  sheet.setRaw(1, column, HEADER);
  for (let row = 2; row <= sheet.lastRow(); row++) sheet.setRaw(row, column, row === 2 ? 1400 : 0);
}

function stored(server: PreviewServer, key: string): unknown {
  const entry = server.runtime.spreadsheets.active()?.model.metadata.entries.find((e) => e.key === `ifu:${key}`);
  return entry?.value ? (JSON.parse(entry.value) as unknown) : null;
}

it('asks what the column is, with the guess pre-selected; "Not a payment column" is saved as such', async () => {
  const s = await session.open({}, stillOwedColumn);
  try {
    const { page, server } = s;
    await page.waitForSelector('#panel-settings:not([hidden])');
    const step = page.locator('#columns-step');
    const question = step.getByRole('group', { name: `What is the column '${HEADER}'?` });
    await expectText(question, 'looks like what is still owed, but the add-on does not read it');
    expect(await question.getByLabel('Balance (still owed)').isChecked()).toBe(true);
    expect(await page.getByLabel('Balance', { exact: true }).inputValue()).toBe(HEADER);
    await expectText(step, 'Balance: $1,400.00');

    await question.getByLabel('Not a payment column').check();
    await eventually(async () => expect(await page.getByLabel('Balance', { exact: true }).inputValue()).toBe(''));
    expect(
      await step
        .getByRole('group', { name: `What is the column '${HEADER}'?` })
        .getByLabel('Not a payment column')
        .isChecked(),
    ).toBe(true);
    await expectText(step, 'Balance: $2,400.00');
    expect(stored(server, 'notPaymentColumns')).toBeNull();

    await page.getByRole('button', { name: 'Save columns' }).click();
    await expectText(page.locator('#status'), 'Columns saved');
    await eventually(() => expect(stored(server, 'notPaymentColumns')).toEqual([HEADER]));
    expect(stored(server, 'columnMapping')).not.toMatchObject({ balance: HEADER });
    expect(server.calls.filter((c) => c.name === 'saveColumnMapping').map((c) => c.args[1])).toEqual([[HEADER]]);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
});

it('keeping the guess saves the column as the Balance', async () => {
  const s = await session.open({}, stillOwedColumn);
  try {
    const { page, server } = s;
    await page.waitForSelector('#panel-settings:not([hidden])');
    await page.getByRole('button', { name: 'Save columns' }).click();
    await expectText(page.locator('#status'), 'Columns saved');
    await eventually(() => expect(stored(server, 'columnMapping')).toMatchObject({ balance: HEADER }));
    expect(stored(server, 'notPaymentColumns')).toBeNull();
    // Answered: no longer a question.
    expect(await page.locator('#columns-step fieldset.question').count()).toBe(0);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
});
