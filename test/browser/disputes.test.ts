// Disputes tab: open a dispute (the row shows Disputed, the daily run sends nothing for it), notes,
// resolve (the schedule resumes after minGapDays), "Write to client", sends whose outcome is
// unknown, and the final stage's options.
import {
  dailyTrigger,
  eventually,
  expectText,
  browserSession,
  type BrowserSession,
  sheetStatus,
  textOf,
  type Sidebar,
} from './browser';

jest.setTimeout(30_000);

const session = browserSession();

const DAY = 24 * 3600_000;

async function withSidebar(
  options: Parameters<BrowserSession['open']>[0],
  test: (s: Sidebar) => Promise<void>,
  before?: Parameters<BrowserSession['open']>[1],
): Promise<void> {
  const s = await session.open(options, before);
  try {
    await s.tab('disputes');
    await test(s);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
}

/** Emails sent for an invoice so far (its number is in every subject). */
const mailsFor = (s: Sidebar, invoice: string) => s.server.runtime.mail.sent.filter((m) => m.subject.includes(invoice));

it('open → Disputed and nothing sent by the daily run; notes; resolve → the schedule resumes after minGapDays', () =>
  withSidebar({}, async (s) => {
    const { page, server } = s;
    const panel = page.locator('#panel-disputes');
    await expectText(
      panel,
      'INV-2026-041 · Northwind Studio (row 2)',
      'Status Overdue',
      'Balance $2,400.00',
      'Due November 1, 2026',
      'Overdue 23 days overdue',
    );
    const note = page.getByLabel('First note (what the client raised)');
    // A first note is required.
    await page.getByRole('button', { name: 'Open dispute' }).click();
    await expectText(page.locator('#alert'), 'Write what the client raised as the first note.');
    expect(s.callNames()).toEqual(['getSidebarData']);

    await note.fill('=HYPERLINK("http://evil.test") Priya says the logo files were not delivered');
    await page.getByRole('button', { name: 'Open dispute' }).click();
    await expectText(page.locator('#status'), 'Dispute opened for INV-2026-041');
    await expectText(
      panel,
      'Status Disputed',
      'A dispute is open.',
      'Dispute opened',
      '=HYPERLINK("http://evil.test") Priya says the logo files were not delivered',
    );
    expect(sheetStatus(server, 'INV-2026-041')).toBe('Disputed');
    const notes = server.runtime.sheet('Dispute Notes');
    expect(notes.rows().at(-1)?.[3]).toBe('=HYPERLINK("http://evil.test") Priya says the logo files were not delivered');
    expect(notes.formulaAt(notes.rows().length, 4)).toBeNull();

    // The daily run: other invoices get their follow-ups, this one nothing.
    const trigger = dailyTrigger(server);
    server.addon.runTrigger(trigger);
    expect(server.runtime.mail.sent.length).toBeGreaterThan(0);
    expect(mailsFor(s, 'INV-2026-041')).toEqual([]);

    // A dated note.
    await page.getByLabel('Note', { exact: true }).fill('Sent the logo files again');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expectText(page.locator('#status'), 'Note added.');
    await expectText(
      panel.locator('ol.timeline').first(),
      'November 24, 2026 Dispute opened',
      'November 24, 2026 Note Sent the logo files again',
    );

    // Resolve: asks first, and says the next email waits minGapDays.
    await page.getByRole('button', { name: 'Resolve dispute' }).click();
    const dialog = page.getByRole('dialog');
    await expectText(dialog, 'Resolve the dispute on INV-2026-041?', 'The next email waits at least 3 days');
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    await expectText(
      page.locator('#status'),
      'Dispute resolved: follow-ups for INV-2026-041 resume, the next one at least 3 days from now.',
    );
    await expectText(panel, 'Status Overdue', 'Open dispute', 'Dispute resolved');
    expect(sheetStatus(server, 'INV-2026-041')).toBe('Overdue');

    server.runtime.clock.advance(DAY);
    server.addon.runTrigger(trigger);
    expect(mailsFor(s, 'INV-2026-041')).toEqual([]);
    server.runtime.clock.advance(2 * DAY);
    server.addon.runTrigger(trigger);
    expect(mailsFor(s, 'INV-2026-041').map((m) => m.to)).toEqual([['priya@northwind.example']]);
    expect(s.callNames()).toEqual(['getSidebarData', 'recordDispute', 'recordDispute', 'recordDispute']);

    // The overview knows it is out of date.
    await s.tab('overview');
    await expectText(page.locator('#panel-overview'), 'Something changed since this overview was read');
  }));

it('“Write to client” opens the dispute message in a Gmail compose window, never sends it; Copy copies it', () =>
  withSidebar({}, async (s) => {
    const { page, server } = s;
    const link = page.getByRole('link', { name: 'Open in Gmail' });
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    const href = new URL((await link.getAttribute('href'))!);
    expect(`${href.origin}${href.pathname}`).toBe('https://mail.google.com/mail/');
    expect(href.searchParams.get('view')).toBe('cm');
    expect(href.searchParams.get('fs')).toBe('1');
    expect(href.searchParams.get('to')).toBe('priya@northwind.example');
    expect(href.searchParams.get('su')).toBe('Invoice INV-2026-041 from Sam Rivera Design');
    expect(href.searchParams.get('body')).toContain(
      'I would like to check in about invoice INV-2026-041 ($2,400.00 outstanding, due on November 1, 2026).',
    );
    expect(href.searchParams.get('body')).toContain(
      'Is there something about the delivered work or the invoice that I can address?',
    );
    await expectText(page.locator('#panel-disputes'), 'the add-on never sends it');

    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.getByRole('button', { name: 'Copy' }).click();
    await expectText(page.locator('#status'), 'Copied the message');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^Subject: Invoice INV-2026-041 from Sam Rivera Design\n\nHello,\n\nI would like to check in/);
    expect(server.runtime.mail.sent).toEqual([]);
  }));

it('the final stage lays out the options with the balance, the days overdue and what was sent when', () =>
  withSidebar({ historyFrom: '2026-09-16', selectRow: 10 }, async ({ page }) => {
    const final = page.locator('#panel-disputes section.final');
    await expectText(
      final,
      'Decide the next step',
      '$2,200.00 is 70 days overdue',
      'Reminder · September 16, 2026',
      'Firm reminder · September 22, 2026',
      'Formal notice · October 6, 2026',
      'Collections agency.',
      'keeps a percentage of what it recovers',
      'often somewhere around 20–50%',
      'Small-claims court.',
      'Limits and fees vary by jurisdiction: check your local limit',
      'Continued direct pressure.',
      'pause ongoing work or services',
    );
    // Not on an ordinary overdue invoice.
    expect(await page.locator('#panel-disputes section.final').count()).toBe(1);
  }));

it('a send whose outcome is unknown is shown with “It was sent” / “It was not sent”', () =>
  withSidebar(
    {},
    async (s) => {
      const { page, server } = s;
      const panel = page.locator('#panel-disputes');
      await expectText(panel, 'Status Needs review', 'Did these go out?', 'Formal notice email of November 24, 2026');
      await page.getByRole('button', { name: 'It was sent' }).click();
      await expectText(page.locator('#status'), 'Recorded: the Formal notice email was sent.');
      await eventually(async () => expect(await textOf(panel)).not.toContain('Did these go out?'));
      expect(await textOf(panel)).not.toContain('Needs review');
      expect(sheetStatus(server, 'INV-2026-041')).not.toBe('Needs review');
      expect(s.callNames()).toEqual(['getSidebarData', 'settleUnsureFollowUp', 'getSelectedInvoice']);
    },
    (server) => {
      // INV-2026-041's send (the third of the day, after the two formal notices of older invoices)
      // happens, then MailApp throws: the add-on cannot know whether it went out.
      const trigger = dailyTrigger(server);
      server.runtime.faults.failAfter('MailApp.sendEmail', 3, { message: 'Service error: Mail' });
      server.addon.runTrigger(trigger);
      expect(server.runtime.mail.sent.map((m) => m.subject)).toContain('2 overdue invoices from Sam Rivera Design');
      expect(sheetStatus(server, 'INV-2026-041')).toBe('Needs review');
      server.select(2);
    },
  ));

it('asks for a row when none is selected, and shows a row error in words', () =>
  withSidebar({ selectRow: 1 }, async ({ page, useRow }) => {
    const panel = page.locator('#panel-disputes');
    await expectText(panel, 'No invoice selected', 'Select one of the invoice rows (not the header)');
    await useRow(7);
    await expectText(panel, "This row cannot be processed: Email 'leo@@brightside.example' is not a valid address");
    expect(await page.getByRole('button', { name: 'Open dispute' }).count()).toBe(0);
    await useRow(3);
    await expectText(panel, 'Status Paid', 'Balance Paid ($850.00)');
  }));

it('the history names each call by what came of it, with the date promised', () =>
  withSidebar({}, async ({ page, server, useRow }) => {
    server.addon.call('recordCall', 'INV-2026-041', 'noAnswer', {});
    server.addon.call('recordCall', 'INV-2026-041', 'promised', { promisedDate: '2026-12-04', note: 'Priya will pay Friday' });
    await useRow(2);
    const history = page.locator('#panel-disputes ol.timeline li');
    await expectText(history.filter({ hasText: 'Call: no answer' }), 'Call: no answer');
    await expectText(
      history.filter({ hasText: 'promised to pay' }),
      'Call: promised to pay by December 4, 2026',
      'Priya will pay Friday',
    );
    // Not the log's bare stage code.
    expect((await history.allTextContents()).join('\n')).not.toMatch(/\bcall —/);
  }));
