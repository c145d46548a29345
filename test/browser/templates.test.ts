// Templates tab: live preview for the selected invoice (rendered in the browser by the server's own
// template code), placeholders inserted at the cursor, validation, save / reload, reset, unsaved
// edits, progress while saving.
import type { Page } from 'playwright-core';
import { eventually, expectText, browserSession, type BrowserSession, textOf, type Sidebar } from './browser';

jest.setTimeout(30_000);

const session = browserSession();

const subject = (page: Page) => page.getByLabel('Subject', { exact: true });
const body = (page: Page) => page.getByLabel('Message', { exact: true });
const preview = (page: Page) => page.locator('#panel-templates .preview');
const chooseTemplate = (page: Page, label: string) => page.getByLabel('Template', { exact: true }).selectOption({ label });

async function withSidebar(options: Parameters<BrowserSession['open']>[0], test: (s: Sidebar) => Promise<void>): Promise<void> {
  const s = await session.open(options);
  try {
    await s.tab('templates');
    await test(s);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
}

describe('preview', () => {
  it("shows the selected invoice's number, balance and dates, and follows “Use selected row”", () =>
    withSidebar({}, async ({ page, server, useRow, callNames }) => {
      // Row 2: INV-2026-041, $2,400.00, due 2026-11-01.
      await expectText(page.locator('#panel-templates'), 'For INV-2026-041 · Northwind Studio (row 2)');
      await expectText(
        preview(page),
        'Subject: Invoice INV-2026-041 from Sam Rivera Design',
        'Invoice INV-2026-041 for $2,400.00 was due on November 1, 2026.',
        'Sam Rivera Design',
      );
      // Firm: days overdue and the reply-by date (today + 7).
      await chooseTemplate(page, 'Firm reminder (day 7)');
      await expectText(preview(page), 'is now 23 days overdue', 'by December 1, 2026');
      // The preview follows the edit, keystroke by keystroke.
      await body(page).fill('Balance {{balance}} — issued {{issue_date}}');
      await expectText(preview(page), 'Balance $2,400.00 — issued October 2, 2026');
      await body(page).fill('Hi {{contact_name}}');
      await expectText(preview(page), 'Hi Priya Raman');

      // Another row, picked in the sheet: the preview changes only when asked (Sheets pushes nothing).
      server.select(9);
      await page.waitForTimeout(50);
      expect(await textOf(preview(page))).toContain('Hi Priya Raman');
      await useRow(9);
      await expectText(page.locator('#panel-templates'), 'For INV-2026-048 · Tidewater Outfitters (row 9)');
      await expectText(preview(page), 'Hi Ana Souza');
      await body(page).fill('{{invoice}}: {{balance}} due {{due_date}}');
      await expectText(preview(page), 'INV-2026-048: $960.50 due November 19, 2026');
      expect(callNames()).toEqual(['getSidebarData', 'getSelectedInvoice']);

      // A value the row does not have: the preview says the email would not go out.
      await useRow(4);
      await body(page).fill('Pay {{payment_link}}');
      await expectText(preview(page), 'Row 4 has no value for {{payment_link}}: this email would not be sent');
      // A row with an error: nothing is sent for it, and the preview says why.
      await useRow(11);
      await expectText(preview(page), "Row 11 cannot be processed, so nothing is sent for it: Amount 'TBD' is not a number");
      // The header row: the server's note.
      await useRow(1);
      await expectText(page.locator('#panel-templates'), 'Select one of the invoice rows (not the header)');
    }));

  it('shows the HTML version only in a sandboxed frame', () =>
    withSidebar({}, async ({ page }) => {
      await page.locator('details.html-version summary').click();
      const frame = page.locator('iframe.html-frame');
      expect(await frame.getAttribute('sandbox')).toBe('');
      expect(await frame.evaluate((f: HTMLIFrameElement) => f.srcdoc)).toContain(
        '<p>Invoice INV-2026-041 for $2,400.00 was due on November 1, 2026.',
      );
      const inner = page.frames().find((f) => f !== page.mainFrame());
      await eventually(async () => expect(await inner!.locator('body').innerText()).toContain('Kind regards'));
    }));
});

describe('editing', () => {
  it('inserts a placeholder at the cursor; a template saved is still there after reopening', () =>
    withSidebar({}, async (s) => {
      const { page } = s;
      await chooseTemplate(page, 'Firm reminder (day 7)');
      await body(page).fill('Hello  — {{balance}} is {{days_overdue}} days late. {{sender_name}}');
      await body(page).evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(6, 6));
      await page.getByLabel('Placeholder', { exact: true }).selectOption('contact_name');
      await page.getByRole('button', { name: 'Insert' }).click();
      expect(await body(page).inputValue()).toBe(
        'Hello {{contact_name}} — {{balance}} is {{days_overdue}} days late. {{sender_name}}',
      );
      // The cursor is after the inserted placeholder, in the message.
      expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).selectionStart)).toBe(22);
      // Into the subject, at its end.
      await subject(page).click();
      await subject(page).press('End');
      await page.getByLabel('Placeholder', { exact: true }).selectOption('client');
      await page.getByRole('button', { name: 'Insert' }).click();
      expect(await subject(page).inputValue()).toBe('Invoice {{invoice}} from {{sender_name}}{{client}}');
      await subject(page).fill('Invoice {{invoice}}: {{days_overdue}} days overdue');
      await expectText(page.locator('#panel-templates'), 'Unsaved changes.');
      await expectText(
        preview(page),
        'Subject: Invoice INV-2026-041: 23 days overdue',
        'Hello Priya Raman — $2,400.00 is 23 days late.',
      );
      await page.getByRole('button', { name: 'Save template' }).click();
      await expectText(page.locator('#status'), 'Saved the “Firm reminder (day 7)” template.');
      expect(await textOf(page.locator('#panel-templates'))).not.toContain('Unsaved changes.');

      await s.reload();
      await s.tab('templates');
      await chooseTemplate(page, 'Firm reminder (day 7)');
      expect(await subject(page).inputValue()).toBe('Invoice {{invoice}}: {{days_overdue}} days overdue');
      expect(await body(page).inputValue()).toBe(
        'Hello {{contact_name}} — {{balance}} is {{days_overdue}} days late. {{sender_name}}',
      );
      await expectText(page.locator('#panel-templates'), 'Your own text');
      expect(s.callNames()).toEqual(['getSidebarData', 'saveTemplate', 'getSidebarData']);

      // Reset to default: asks first; Cancel keeps it, Reset brings the default back.
      await page.getByRole('button', { name: 'Reset to default' }).click();
      const dialog = page.getByRole('dialog');
      await expectText(dialog, 'Reset “Firm reminder (day 7)” to the default text?');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(await body(page).inputValue()).toContain('Hello {{contact_name}}');
      expect(s.callNames()).not.toContain('resetTemplate');
      await page.getByRole('button', { name: 'Reset to default' }).click();
      await dialog.getByRole('button', { name: 'Reset' }).click();
      await expectText(page.locator('#status'), 'is back to the default text');
      expect(await body(page).inputValue()).toContain('Please confirm the payment status by {{reply_by}}');
      await expectText(page.locator('#panel-templates'), 'Default text.');
      await s.reload();
      await s.tab('templates');
      await chooseTemplate(page, 'Firm reminder (day 7)');
      expect(await subject(page).inputValue()).toBe('Invoice {{invoice}} from {{sender_name}}');
    }));

  it('refuses an unknown placeholder, naming it — at once in the browser, and shows the server’s own refusals', () =>
    withSidebar({}, async (s) => {
      const { page } = s;
      await body(page).fill('Hi, {{amout}} is due. {{sender_name}}');
      const panel = page.locator('#panel-templates');
      await expectText(panel, 'This template cannot be saved yet:', 'Unknown placeholder {{amout}} — did you mean {{amount}}?');
      expect(await body(page).getAttribute('aria-invalid')).toBe('true');
      await expectText(preview(page), 'Fix the problems above to see the preview.');
      await page.getByRole('button', { name: 'Save template' }).click();
      await expectText(page.locator('#alert'), 'Not saved: Message: Unknown placeholder {{amout}}');
      expect(s.callNames()).toEqual(['getSidebarData']);
      await subject(page).fill('Invoice {{ number }}');
      await expectText(panel, 'Subject: Unknown placeholder {{number}}');

      // Valid for the browser, refused by the server (too large for the document's storage): its problems are shown.
      await subject(page).fill('Invoice {{invoice}}');
      await body(page).fill(`{{balance}} ${'x'.repeat(19_000)}`);
      await page.getByRole('button', { name: 'Save template' }).click();
      await expectText(page.locator('#alert'), 'Not saved:', 'too large to save');
      await expectText(panel, 'too large to save');
      expect(s.callNames()).toEqual(['getSidebarData', 'saveTemplate']);
    }));

  it('warns before unsaved edits are lost: switching template, leaving the tab, closing', () =>
    withSidebar({}, async (s) => {
      const { page } = s;
      await body(page).fill('My edit {{balance}} {{sender_name}}');
      const select = page.getByLabel('Template', { exact: true });
      // Switch template → asked; "Keep editing" keeps the edit and the template.
      await select.selectOption({ label: 'Formal notice (day 21)' });
      const dialog = page.getByRole('dialog');
      await expectText(dialog, 'Discard your unsaved changes to “Reminder (day 1)”?', 'switch templates');
      await dialog.getByRole('button', { name: 'Keep editing' }).click();
      expect(await select.inputValue()).toBe('reminder');
      expect(await body(page).inputValue()).toBe('My edit {{balance}} {{sender_name}}');
      // Leave the tab → asked; "Keep editing" stays.
      await page.click('#tab-settings');
      await expectText(dialog, 'leave the Templates tab');
      await dialog.getByRole('button', { name: 'Keep editing' }).click();
      expect(await page.isVisible('#panel-templates')).toBe(true);
      expect(await page.getAttribute('#tab-templates', 'aria-selected')).toBe('true');
      // Closing the sidebar → the browser's own "leave site?" question.
      let asked = '';
      page.once('dialog', (d) => {
        asked = d.type();
        void d.dismiss();
      });
      await page.close({ runBeforeUnload: true }).catch(() => undefined);
      await eventually(() => expect(asked).toBe('beforeunload'));
      expect(page.isClosed()).toBe(false);
      // Leave the tab → Discard: the edit is gone.
      await page.click('#tab-settings');
      await dialog.getByRole('button', { name: 'Discard changes' }).click();
      expect(await page.isVisible('#panel-settings')).toBe(true);
      await s.tab('templates');
      expect(await body(page).inputValue()).toContain('I am sending this in case it slipped through.');
      // Nothing unsaved: switching templates asks nothing.
      await select.selectOption({ label: 'Formal notice (day 21)' });
      expect(await page.getByRole('dialog').count()).toBe(0);
      expect(await body(page).inputValue()).toContain('This is a formal notice');
    }));

  it('shows progress while saving and cannot be double-submitted', () =>
    withSidebar({ latencyMs: 400 }, async (s) => {
      const { page } = s;
      await body(page).fill('Paid? {{balance}} {{sender_name}}');
      const save = page.getByRole('button', { name: 'Save template' });
      await save.click();
      const busy = page.locator('#panel-templates button[aria-busy="true"]');
      await expectText(busy, 'Saving…');
      expect(await busy.isDisabled()).toBe(true);
      await busy.click({ force: true }).catch(() => undefined);
      await busy.dispatchEvent('click');
      await expectText(page.locator('#status'), 'Saved the “Reminder (day 1)” template.');
      expect(s.callNames()).toEqual(['getSidebarData', 'saveTemplate']);
      expect(await save.isEnabled()).toBe(true);
    }));
});
