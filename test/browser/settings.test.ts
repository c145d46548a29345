// Settings tab: messages per field (checked in the browser with the server's own rules), saving,
// the daily trigger on/off.
import { eventually, expectText, browserSession, textOf, type Sidebar } from './browser';

jest.setTimeout(30_000);

const session = browserSession();

async function withSidebar(test: (s: Sidebar) => Promise<void>): Promise<void> {
  const s = await session.open();
  try {
    await s.tab('settings');
    await test(s);
    expect(s.errors).toEqual([]);
  } finally {
    await s.close();
  }
}

/** The error message shown under a field (through its aria-describedby). */
async function fieldError(s: Sidebar, label: string): Promise<string> {
  const input = s.page.getByLabel(label, { exact: true });
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.length ? textOf(s.page.locator(`[id="${ids[0]}"]`)) : '';
}

const stored = (s: Sidebar) => JSON.parse(s.server.runtime.properties.document().get('settings') ?? '{}');

it('shows a message on each bad field and saves nothing', () =>
  withSidebar(async (s) => {
    const { page } = s;
    expect(await page.getByLabel('Firm reminder (day)').inputValue()).toBe('7');
    expect(await page.getByLabel('Courtesy nudge (day)').inputValue()).toBe('');
    await expectText(page.locator('#panel-settings'), 'In the spreadsheet’s time zone: America/New_York.');

    await page.getByLabel('Days between follow-ups').fill('0');
    await page.getByLabel('Firm reminder (day)').fill('soon');
    await page.getByLabel('Courtesy nudge (day)').fill('3');
    await page.getByLabel('Default currency').fill('US$');
    await page.getByLabel('Your name (signs every email)').fill('   ');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expectText(page.locator('#alert'), 'Settings not saved');
    expect(await fieldError(s, 'Days between follow-ups')).toBe('Days between follow-ups must be a whole number from 1 to 60.');
    expect(await fieldError(s, 'Firm reminder (day)')).toBe(
      'Firm reminder day must be a whole number (or empty to turn it off).',
    );
    expect(await fieldError(s, 'Courtesy nudge (day)')).toBe(
      'The courtesy nudge goes out before the due date: use a negative day such as -3.',
    );
    expect(await fieldError(s, 'Default currency')).toMatch(/Default currency must be a currency code such as USD/);
    expect(await fieldError(s, 'Your name (signs every email)')).toMatch(/Your name for the emails is empty/);
    expect(await fieldError(s, 'Reply-by window (days)')).toBe('');
    expect(await page.getByLabel('Days between follow-ups').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Reply-by window (days)').getAttribute('aria-invalid')).toBe('false');
    // Focus goes to the first field with a problem.
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).closest('.field')?.textContent)).toMatch(
      /Courtesy nudge/,
    );
    expect(s.callNames()).toEqual(['getSidebarData']);

    // Rules across fields: stage days must rise.
    await page.getByLabel('Days between follow-ups').fill('3');
    await page.getByLabel('Courtesy nudge (day)').fill('-3');
    await page.getByLabel('Default currency').fill('eur');
    await page.getByLabel('Your name (signs every email)').fill('Sam Rivera Design');
    await page.getByLabel('Firm reminder (day)').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await eventually(async () =>
      expect(await fieldError(s, 'Firm reminder (day)')).toBe('Firm reminder (day 0) must come after reminder (day 1).'),
    );
    expect(await fieldError(s, 'Days between follow-ups')).toBe('');
    expect(s.callNames()).toEqual(['getSidebarData']);
    expect(stored(s).minGapDays).toBe(3);
  }));

it('saves good settings (still there after reopening) and turns the daily trigger on and off', () =>
  withSidebar(async (s) => {
    const { page, server } = s;
    await expectText(page.locator('#panel-settings'), 'Off. Nothing is sent unless you use Run follow-ups');
    await page.getByLabel('Courtesy nudge (day)').fill('-2');
    await page.getByLabel('Formal notice (day)').fill('');
    await page.getByLabel('Days between follow-ups').fill('4');
    await page.getByLabel('Send hour').selectOption('7');
    await page.getByLabel('Skip weekends (wait for Monday)').check();
    await page.getByLabel('BCC me on every follow-up').check();
    await page.getByLabel('Default currency').fill('eur');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expectText(page.locator('#status'), 'Settings saved.');
    expect(stored(s)).toMatchObject({
      stageDays: { nudge: -2, reminder: 1, firm: 7, escalate: 14, formal: null, final: 30 },
      minGapDays: 4,
      sendHour: 7,
      skipWeekends: true,
      bccSelf: true,
      ccSelf: false,
      currency: 'EUR',
      senderName: 'Sam Rivera Design',
    });

    await page.getByRole('button', { name: 'Turn on daily follow-ups' }).click();
    await expectText(page.locator('#panel-settings'), 'On. Follow-ups go out every day around 07:00 (America/New_York).');
    expect(server.runtime.triggers.list()).toEqual([expect.objectContaining({ handler: 'dailyFollowUps', hour: 7 })]);

    await s.reload();
    await s.tab('settings');
    expect(await page.getByLabel('Courtesy nudge (day)').inputValue()).toBe('-2');
    expect(await page.getByLabel('Formal notice (day)').inputValue()).toBe('');
    expect(await page.getByLabel('Send hour').inputValue()).toBe('7');
    expect(await page.getByLabel('Skip weekends (wait for Monday)').isChecked()).toBe(true);
    expect(await page.getByLabel('Default currency').inputValue()).toBe('EUR');
    await expectText(page.locator('#panel-settings'), 'On.');

    await page.getByRole('button', { name: 'Turn off daily follow-ups' }).click();
    await expectText(page.locator('#status'), 'Daily follow-ups are off.');
    expect(server.runtime.triggers.list()).toEqual([]);
    expect(s.callNames()).toEqual(['getSidebarData', 'saveSettings', 'setDailyFollowUps', 'getSidebarData', 'setDailyFollowUps']);
  }));
