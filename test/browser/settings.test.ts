// Settings tab: messages per field (checked in the browser with the server's own rules), saving,
// the daily trigger on/off.
import { callAsScriptRun } from '../../local';
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

/** A server function called as google.script.run would (JSON in, JSON out). */
const run = (s: Sidebar, name: string, ...args: unknown[]): any => callAsScriptRun(s.server.addon, name, ...args);

// The add-on's store: the spreadsheet's developer metadata (README "Where the add-on keeps its data").
const stored = (s: Sidebar) =>
  JSON.parse(s.server.runtime.spreadsheets.active()?.model.metadata.entries.find((e) => e.key === 'ifu:settings')?.value ?? '{}');

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

/** The message shown for one field path (the form keys each message by the issue's `field`). */
const issueAt = (s: Sidebar, field: string) => textOf(s.page.locator(`#panel-settings [data-field="${field}"]`));

it('puts each issue beside the field it names: an empty sender name under “Your name”', () =>
  withSidebar(async (s) => {
    const { page } = s;
    await page.getByLabel('Your name (signs every email)').fill('');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expectText(page.locator('#alert'), 'Settings not saved');
    expect(await issueAt(s, 'senderName')).toBe('Your name for the emails is empty: every follow-up is signed with it.');
    for (const other of ['minGapDays', 'stageDays.firm', 'latePayment.referenceRatePercent'])
      expect(await issueAt(s, other)).toBe('');
    expect(await page.getByLabel('Your name (signs every email)').getAttribute('aria-invalid')).toBe('true');
    expect(s.callNames()).toEqual(['getSidebarData']);
    // The server applies the same rule, and answers with the same issue, by field and code.
    const settings = run(s, 'getSidebarData').settings;
    expect(run(s, 'saveSettings', { ...settings, senderName: ' ' })).toEqual({
      ok: false,
      problems: ['Your name for the emails is empty: every follow-up is signed with it.'],
      issues: [
        {
          field: 'senderName',
          code: 'required',
          message: 'Your name for the emails is empty: every follow-up is signed with it.',
        },
      ],
    });
  }));

it('late-payment interest: only the fields of the chosen rules, saved and read back through the server', () =>
  withSidebar(async (s) => {
    const { page } = s;
    const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Late-payment interest' }) });
    await expectText(card, 'No interest or compensation is claimed.', 'This is not legal advice');
    expect(await page.getByLabel('Reference rate (% a year)').isVisible()).toBe(false);
    await page.getByLabel('Rules', { exact: true }).selectOption('eu');
    expect(await page.getByLabel('Reference rate (% a year)').isVisible()).toBe(true);
    expect(await page.getByLabel('Fixed sum per invoice').isVisible()).toBe(false);
    await page.getByLabel('Reference rate (% a year)').fill('2,15');
    await page.getByLabel('Half-year of that rate').fill('2026-h2');
    await page.getByLabel('Points over the reference rate').fill('9');
    await page.getByLabel('Attach a formal letter (PDF) to the formal notice').check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expectText(page.locator('#status'), 'Settings saved.');
    const expected = {
      regime: 'eu',
      referenceRatePercent: 2.15,
      referenceRatePeriod: '2026-H2',
      marginPercent: 9,
      fixedCompensation: 0,
      attachLetter: true,
    };
    expect(stored(s).latePayment).toEqual(expected);
    expect(run(s, 'getSidebarData').settings.latePayment).toEqual(expected);

    await s.reload();
    await s.tab('settings');
    expect(await page.getByLabel('Rules', { exact: true }).inputValue()).toBe('eu');
    expect(await page.getByLabel('Reference rate (% a year)').inputValue()).toBe('2.15');
    expect(await page.getByLabel('Half-year of that rate').inputValue()).toBe('2026-H2');
    expect(await page.getByLabel('Attach a formal letter (PDF) to the formal notice').isChecked()).toBe(true);
    await page.getByLabel('Rules', { exact: true }).selectOption('custom');
    expect(await page.getByLabel('Reference rate (% a year)').isVisible()).toBe(false);
    expect(await page.getByLabel('Fixed sum per invoice').isVisible()).toBe(true);
    expect(await page.getByLabel('Interest (% a year)').isVisible()).toBe(true);
  }));

it('an invalid reference rate is shown beside its field and nothing is saved', () =>
  withSidebar(async (s) => {
    const { page } = s;
    const before = stored(s);
    await page.getByLabel('Rules', { exact: true }).selectOption('uk');
    await page.getByLabel('Reference rate (% a year)').fill('about 5');
    await page.getByLabel('Half-year of that rate').fill('2026-Q3');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expectText(page.locator('#alert'), 'Settings not saved');
    expect(await issueAt(s, 'latePayment.referenceRatePercent')).toBe(
      'Reference rate must be a number of percent from 0 to 100.',
    );
    expect(await fieldError(s, 'Reference rate (% a year)')).toBe('Reference rate must be a number of percent from 0 to 100.');
    expect(await issueAt(s, 'latePayment.referenceRatePeriod')).toMatch(/must look like 2026-H1 or 2026-H2/);
    expect(await issueAt(s, 'senderName')).toBe('');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).closest('.field')?.textContent)).toMatch(
      /Reference rate/,
    );
    expect(s.callNames()).toEqual(['getSidebarData']);
    expect(stored(s)).toEqual(before);
    // The server refuses the same value by field and code, and saves nothing.
    const settings = run(s, 'getSidebarData').settings;
    const refused = run(s, 'saveSettings', {
      ...settings,
      latePayment: { ...settings.latePayment, regime: 'uk', referenceRatePercent: 140 },
    });
    expect(refused.issues).toEqual([
      expect.objectContaining({ field: 'latePayment.referenceRatePercent', code: 'out-of-range' }),
    ]);
    expect(stored(s)).toEqual(before);
  }));

it('which emails go out: one per client, thank-you, daily summary and days without follow-ups round-trip, nothing else lost', () =>
  withSidebar(async (s) => {
    const { page } = s;
    const holidays = page.getByLabel('Days without follow-ups');
    expect(await page.getByLabel('One email per client').isChecked()).toBe(true);
    expect(await page.getByLabel('Thank-you when paid').isChecked()).toBe(false);
    expect(await page.getByLabel('Daily summary to me').isChecked()).toBe(true);
    expect(await holidays.inputValue()).toBe('');
    // Saved first: a late-payment choice that must survive the save of the other fields.
    const before = run(s, 'getSidebarData').settings;
    const latePayment = { ...before.latePayment, regime: 'custom', marginPercent: 6, fixedCompensation: 30 };
    expect(run(s, 'saveSettings', { ...before, latePayment })).toEqual({ ok: true, dailyOn: false });
    await s.reload();
    await s.tab('settings');

    // A date that is not real: the issue beside the field, naming the line; nothing saved.
    await holidays.fill('2026-12-25\n2026-02-30\n\nnext friday');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expectText(page.locator('#alert'), 'Settings not saved');
    expect(await fieldError(s, 'Days without follow-ups')).toBe(
      'Days without follow-ups must be real dates written like 2026-12-25, at most 200 of them. Not a date: 2026-02-30, next friday.',
    );
    expect(await holidays.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(stored(s).holidays).toEqual([]);

    await holidays.fill('2026-12-26\n 2026-12-25 \n\n2026-12-25');
    await page.getByLabel('One email per client').uncheck();
    await page.getByLabel('Thank-you when paid').check();
    await page.getByLabel('Daily summary to me').uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expectText(page.locator('#status'), 'Settings saved.');
    expect(stored(s)).toMatchObject({
      groupByClient: false,
      thankYouWhenPaid: true,
      dailySummary: false,
      holidays: ['2026-12-25', '2026-12-26'],
      latePayment,
      senderName: 'Sam Rivera Design',
    });
    expect(await fieldError(s, 'Days without follow-ups')).toBe('');

    await s.reload();
    await s.tab('settings');
    expect(await holidays.inputValue()).toBe('2026-12-25\n2026-12-26');
    expect(await page.getByLabel('One email per client').isChecked()).toBe(false);
    expect(await page.getByLabel('Thank-you when paid').isChecked()).toBe(true);
    expect(await page.getByLabel('Daily summary to me').isChecked()).toBe(false);
    expect(await page.getByLabel('Rules', { exact: true }).inputValue()).toBe('custom');
    expect(s.callNames()).toEqual(['getSidebarData', 'getSidebarData', 'saveSettings', 'getSidebarData']);
  }));
