// Templates tab: live preview for the selected invoice (rendered in the browser by the server's own
// template code), placeholders inserted at the cursor, validation, save / reload, reset, unsaved
// edits, progress while saving.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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

describe('the new emails', () => {
  // One client with three overdue invoices (its name written two ways, with markup in it), one of
  // its invoices paid and one not due yet; another client; an invoice promised by its column.
  const CSV = [
    'Invoice,Client,Contact Name,Email,Billing Email,Amount,Amount Paid,Currency,Issue Date,Due Date,Paid Date,Paused,Payment Link,Promised Date',
    'INV-1,<i>Acme</i> & Sons,Pat Lee,pat@acme.example,,1000,,USD,2026-10-01,2026-11-20,,FALSE,https://pay.example/1?a=1&b=2,',
    'INV-2,<i>Acme</i> & Sons,Pat Lee,pat@acme.example,,500,,USD,2026-10-01,2026-11-10,,FALSE,,',
    'INV-3,<i>acme</i>  & sons,Pat Lee,pat@acme.example,,250,,USD,2026-10-01,2026-11-01,,FALSE,,',
    'INV-4,<i>Acme</i> & Sons,Pat Lee,pat@acme.example,,900,,USD,2026-10-01,2026-11-01,2026-11-15,FALSE,,',
    'INV-5,<i>Acme</i> & Sons,Pat Lee,pat@acme.example,,300,,USD,2026-11-01,2026-12-10,,FALSE,,',
    'INV-6,Zeta Ltd,Zoe,zoe@zeta.example,,700,,USD,2026-10-01,2026-11-01,,FALSE,,',
    'INV-7,Kite Co,Kim,kim@kite.example,,800,,USD,2026-10-01,2026-11-01,,FALSE,,2026-12-01',
  ].join('\n');
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ifu-lists-'));
    fs.writeFileSync(path.join(dir, 'invoices.csv'), CSV);
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  const options = () => ({ invoicesCsv: path.join(dir, 'invoices.csv'), disputesCsv: null });

  it("lists the selected client's overdue invoices in the 'several invoices' preview, every value escaped in the HTML", () =>
    withSidebar(options(), async ({ page }) => {
      const panel = page.locator('#panel-templates');
      await chooseTemplate(page, 'Reminder — several invoices');
      await expectText(
        panel,
        'When one client has several invoices due the same day',
        'Listing <i>Acme</i> & Sons’s 3 overdue invoices: INV-3, INV-2, INV-1.',
      );
      expect(await subject(page).inputValue()).toBe('{{invoice_count}} overdue invoices from {{sender_name}}');
      await expectText(
        preview(page),
        'Subject: 3 overdue invoices from Sam Rivera Design',
        'The invoices below for <i>Acme</i> & Sons are past their due date.',
        '- Invoice INV-3: issued October 1, 2026, due November 1, 2026, 23 days overdue, balance $250.00',
        '- Invoice INV-1: issued October 1, 2026, due November 20, 2026, 4 days overdue, balance $1,000.00, pay at https://pay.example/1?a=1&b=2',
      );
      expect(await textOf(preview(page))).not.toMatch(/INV-4|INV-5|INV-6/);
      await page.locator('details.html-version summary').click();
      const html = await page.locator('iframe.html-frame').evaluate((f: HTMLIFrameElement) => f.srcdoc);
      expect(html).toContain('<p>The invoices below for &lt;i&gt;Acme&lt;/i&gt; &amp; Sons are past their due date.');
      expect(html).toContain('<table');
      expect(html).toContain('<a href="https://pay.example/1?a=1&amp;b=2">Pay online</a>');
      expect(html).not.toContain('<i>');

      // Live: counts and totals follow the edit; one invoice's values are refused, by name.
      await body(page).fill('Total {{total_balance}} for {{invoice_count}} invoices:\n{{invoices}}\n{{sender_name}}');
      await expectText(preview(page), 'Total $1,750.00 for 3 invoices: - Invoice INV-3');
      await page.getByRole('button', { name: 'Save template' }).click();
      await expectText(page.locator('#status'), 'Saved the “Reminder — several invoices” template.');
      await body(page).fill('{{balance}} {{invoices}}');
      await expectText(panel, 'Message: {{balance}} is about one invoice');
      await expectText(preview(page), 'Fix the problems above to see the preview.');
    }));

  it('every new template is in the picker, under its group, with its own placeholders', () =>
    withSidebar(options(), async ({ page }) => {
      const groups = await page
        .getByLabel('Template', { exact: true })
        .locator('optgroup')
        .evaluateAll((els) =>
          els.map((g) => [g.getAttribute('label'), [...g.querySelectorAll('option')].map((o) => o.textContent)]),
        );
      expect(groups).toEqual([
        [
          'One invoice',
          [
            'Courtesy nudge (before due)',
            'Reminder (day 1)',
            'Firm reminder (day 7)',
            'Billing contact (day 14)',
            'Escalation without a billing contact (day 14)',
            'Formal notice (day 21)',
          ],
        ],
        [
          'Several invoices of one client',
          [
            'Courtesy nudge — several invoices',
            'Reminder — several invoices',
            'Firm reminder — several invoices',
            'Escalation — several invoices',
            'Formal notice — several invoices',
          ],
        ],
        ['Other emails', ['Promise missed', 'Thank-you when paid', 'Dispute opening message']],
      ]);
      const offered = () => page.getByLabel('Placeholder', { exact: true }).locator('option').allTextContents();
      await chooseTemplate(page, 'Formal notice — several invoices');
      expect(await offered()).toEqual([
        '{{client}}',
        '{{contact_name}}',
        '{{reply_by}}',
        '{{sender_name}}',
        '{{invoices}}',
        '{{invoice_count}}',
        '{{total_balance}}',
      ]);
      await chooseTemplate(page, 'Thank-you when paid');
      expect(await offered()).not.toContain('{{invoices}}');
      await expectText(preview(page), 'Thank you: the payment for invoice INV-1 ($1,000.00) has arrived.');
      await chooseTemplate(page, 'Escalation without a billing contact (day 14)');
      await expectText(preview(page), 'Could you please pass this message to whoever handles payments at <i>Acme</i> & Sons');
    }));

  it('the overview counts Promised invoices between the overdue and the not-due ones', () =>
    withSidebar(options(), async ({ page }) => {
      await page.click('#tab-overview');
      const statuses = await page.locator('#panel-overview table.counts th').allTextContents();
      expect(statuses).toContain('Promised');
      expect(statuses.indexOf('Promised')).toBeGreaterThan(statuses.indexOf('Overdue'));
      expect(statuses.indexOf('Promised')).toBeLessThan(statuses.indexOf('Not due'));
      expect(await textOf(page.getByRole('row', { name: /Promised/ }))).toBe('Promised 1');
    }));
});
