// Templates tab in several languages (README "Languages"): the language picker, the preview in the
// selected row's language, a template saved and reset for one language only, and the Settings' default.
import type { Page } from 'playwright-core';
import { browserSession, eventually, expectText, type Sidebar } from './browser';

jest.setTimeout(30_000);

const session = browserSession();

const subject = (page: Page) => page.getByLabel('Subject', { exact: true });
const language = (page: Page) => page.getByLabel('Language', { exact: true });
const preview = (page: Page) => page.locator('#panel-templates .preview');

/** The sample sheet with a Sprache column: row 2 (INV-2026-041) German, row 9 French, the rest empty. */
function withLanguages(server: Sidebar['server']): void {
  const sheet = server.runtime.sheet('Invoices');
  sheet.setRaw(1, 15, 'Sprache');
  sheet.setRaw(2, 15, 'Deutsch');
  sheet.setRaw(9, 15, 'fr');
}

function stored(s: Sidebar, key: string): string | null {
  const entry = s.server.runtime.spreadsheets.active()?.model.metadata.entries.find((e) => e.key === `ifu:${key}`);
  return entry?.value ?? null;
}

it('opens the selected client’s language, previews in it, and saves and resets that language only', async () => {
  const s = await session.open({}, withLanguages);
  try {
    const { page } = s;
    await s.tab('templates');
    expect(await language(page).inputValue()).toBe('de');
    expect(await subject(page).inputValue()).toBe('Rechnung {{invoice}} von {{sender_name}}');
    await expectText(preview(page), 'Rechnung INV-2026-041 von Sam Rivera Design', 'war am 1. November 2026 fällig');

    await subject(page).fill('Erinnerung: Rechnung {{invoice}}');
    await page.getByRole('button', { name: 'Save template' }).click();
    await eventually(() => expect(stored(s, 'template:de:reminder')).toContain('Erinnerung: Rechnung {{invoice}}'));
    expect(stored(s, 'template:en:reminder')).toBeNull();

    // English keeps its default; German keeps the edit.
    await language(page).selectOption('en');
    expect(await subject(page).inputValue()).toBe('Invoice {{invoice}} from {{sender_name}}');
    await expectText(page.locator('#panel-templates'), 'written in Deutsch');
    await language(page).selectOption('de');
    expect(await subject(page).inputValue()).toBe('Erinnerung: Rechnung {{invoice}}');

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Reset to default' }).click();
    const confirm = page.getByRole('button', { name: 'Reset', exact: true });
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await eventually(() => expect(stored(s, 'template:de:reminder')).toBeNull());
    await eventually(async () => expect(await subject(page).inputValue()).toBe('Rechnung {{invoice}} von {{sender_name}}'));

    // A French row brings French up.
    await s.useRow(9);
    await eventually(async () => expect(await language(page).inputValue()).toBe('fr'));
    await expectText(preview(page), 'Facture INV-2026-048');
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
});

it('offers the default email language in Settings', async () => {
  const s = await session.open({});
  try {
    const { page } = s;
    await s.tab('settings');
    const select = page.getByLabel('Email language');
    expect(await select.inputValue()).toBe('en');
    await select.selectOption('nl');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await eventually(() => expect(JSON.parse(stored(s, 'settings') ?? '{}').emailLanguage).toBe('nl'));
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
});
