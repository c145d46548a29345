// The add-on as a published Editor add-on (README "Install it", "Where the add-on keeps its data",
// "Daily follow-ups: who runs them", "Check setup"): one store in every context, a lock in every
// context, one daily trigger per spreadsheet owned by one editor, authorisation, Check setup.
import { addDays, setUp } from './harness';

const DUE = '2026-11-02';
const SAM = 'me@example.com';
const KIM = 'kim@example.com';
const PLATFORMS = [
  { triggerDocumentContext: true, userTriggersListClock: true },
  { triggerDocumentContext: false, userTriggersListClock: false },
];
const contextTitle = (p: (typeof PLATFORMS)[number]): string => (p.triggerDocumentContext ? 'with' : 'without');

function dailyTriggers(t: ReturnType<typeof setUp>) {
  return t.runtime.triggers.list().filter((x) => x.handler === 'dailyFollowUps');
}

describe('the store: one in every context', () => {
  it('moves what the document properties held into the spreadsheet once, and never overwrites it', () => {
    const t = setUp({ today: DUE, rows: [{ invoice: 'A', due: DUE }], settings: { senderName: 'Old Name' } });
    t.runtime.properties.document().set('template:firm', JSON.stringify({ version: 1, subject: 'S {{invoice}}', body: 'B' }));
    const first = t.addon.call('getSidebarData') as { settings: { senderName: string } };
    expect(first.settings.senderName).toBe('Old Name');
    expect(t.stored('migrated')).toMatchObject({ keys: 2 });
    expect(t.stored('template:firm')).toMatchObject({ subject: 'S {{invoice}}' });
    // A later change to the old store is not copied over what the new one holds.
    t.runtime.properties.document().set('settings', JSON.stringify({ senderName: 'Changed' }));
    const again = t.addon.call('getSidebarData') as { settings: { senderName: string } };
    expect(again.settings.senderName).toBe('Old Name');
    expect(t.runtime.calls.count('Spreadsheet.addDeveloperMetadata')).toBe(3);
  });

  it("moves the old fallback (the user's store under doc:<id>:) when the document store has nothing", () => {
    const t = setUp({ today: DUE, rows: [{ invoice: 'A', due: DUE }] });
    const settings = JSON.parse(t.runtime.properties.document().get('settings')!) as Record<string, unknown>;
    t.runtime.properties.document().delete('settings');
    const id = t.runtime.spreadsheets.active()!.id;
    t.runtime.properties.user().set(`doc:${id}:settings`, JSON.stringify({ ...settings, senderName: 'From User Store' }));
    const data = t.addon.call('getSidebarData') as { settings: { senderName: string } };
    expect(data.settings.senderName).toBe('From User Store');
  });

  it.each(PLATFORMS.map((p) => [contextTitle(p), p] as const))(
    'a daily run %s a document context reads the settings the sidebar saved and writes the run record the menu reads',
    (_title, platform) => {
      const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }], runtime: platform });
      t.ensureTrigger();
      const data = t.addon.callAsScriptRun('getSidebarData') as { settings: Record<string, unknown> };
      expect((t.addon.callAsScriptRun('saveSettings', { ...data.settings, senderName: 'Kim Saved' }) as { ok: boolean }).ok).toBe(
        true,
      );
      t.daily();
      expect(t.runtime.mail.sent.map((m) => m.name)).toEqual(['Kim Saved']);
      expect(t.stored('lastRun')).toMatchObject({ trigger: 'daily', sent: 1 });
    },
  );

  it('six custom templates of 3,000 characters: a run of 20 sends what the ledger has room for, the rest the next day, none twice', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ invoice: `W-${i}`, due: addDays(DUE, -1) }));
    const t = setUp({ today: DUE, rows });
    const body = `${'Dear client, '.repeat(230)} {{invoice}}`;
    for (const id of ['nudge', 'reminder', 'firm', 'escalate', 'formal', 'dispute']) {
      const saved = t.addon.callAsScriptRun('saveTemplate', id, { subject: `Invoice {{invoice}} (${id})`, body }) as {
        ok: boolean;
      };
      expect(saved.ok).toBe(true);
    }
    // One template grown to 8,000 characters would take settings and templates past 20,000: refused, nothing lost.
    const tooMuch = t.addon.callAsScriptRun('saveTemplate', 'firm', {
      subject: 'Invoice {{invoice}}',
      body: `${'y'.repeat(8_000)} {{invoice}}`,
    }) as {
      ok: boolean;
      problems?: string[];
    };
    expect(tooMuch.ok).toBe(false);
    expect(tooMuch.problems?.[0]).toMatch(/^This is too large to save: settings and templates can take 20,000 characters/);
    expect(t.stored('template:firm')).toMatchObject({ subject: 'Invoice {{invoice}} (firm)' });
    t.daily();
    const first = t.sent().length;
    expect(first).toBeGreaterThanOrEqual(16);
    expect(t.log().filter((r) => /^queued/.test(r.Result ?? ''))).toHaveLength(20 - first);
    t.goTo(addDays(DUE, 1));
    t.daily();
    expect(new Set(t.sent().map((m) => m.subject)).size).toBe(20);
    expect(t.sent()).toHaveLength(20);
    expect(t.runtime.spreadsheets.active()!.model.metadata.size()).toBeLessThanOrEqual(30_000);
  });
});

describe('daily follow-ups: who runs them', () => {
  it('a second editor sees who runs them, and replaces them only after confirming; the old trigger then retires itself', () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }] });
    t.ensureTrigger();
    const sams = dailyTriggers(t)[0]!;
    t.runtime.setUser({ effective: KIM, active: KIM });
    t.runtime.ui.respondWith('NO');
    t.addon.call('turnOnDailyFollowUps');
    expect(t.runtime.ui.alerts.at(-1)?.prompt).toMatch(new RegExp(`Daily follow-ups: on, run by ${SAM} at 09:00`));
    expect(dailyTriggers(t)).toHaveLength(1);
    const data = t.addon.callAsScriptRun('setDailyFollowUps', true) as { ok: boolean; problems?: string[] };
    expect(data.problems?.[0]).toMatch(new RegExp(`run by ${SAM}`));
    t.runtime.ui.respondWith('YES', 'YES', 'OK');
    t.addon.call('turnOnDailyFollowUps');
    const kims = dailyTriggers(t).find((x) => x.user === KIM)!;
    expect(kims).toBeDefined();
    // Sam's trigger fires: it sees it was replaced, deletes itself and sends nothing.
    t.runtime.setUser({ effective: SAM, active: SAM });
    t.addon.runTrigger(sams.id);
    expect(t.sent()).toHaveLength(0);
    expect(dailyTriggers(t).map((x) => x.user)).toEqual([KIM]);
    t.runtime.setUser({ effective: KIM, active: KIM });
    t.addon.runTrigger(kims.id);
    expect(t.sent()).toHaveLength(1);
  });

  it('Turn off finds the trigger with getProjectTriggers when getUserTriggers(spreadsheet) omits it', () => {
    const t = setUp({ today: DUE, rows: [{ invoice: 'A', due: DUE }], runtime: { userTriggersListClock: false } });
    t.ensureTrigger();
    t.runtime.ui.respondWith('OK');
    t.addon.call('turnOffDailyFollowUps');
    expect(t.runtime.ui.alerts.at(-1)?.prompt).toMatch(/No more follow-ups go out on their own/);
    expect(dailyTriggers(t)).toHaveLength(0);
    t.ensureTrigger();
    expect(dailyTriggers(t)).toHaveLength(1);
  });

  it('a trigger that cannot be created keeps the old one and says what to do', () => {
    const t = setUp({ today: DUE, rows: [{ invoice: 'A', due: DUE }] });
    const old = t.ensureTrigger();
    t.runtime.faults.failOn('ClockTriggerBuilder.create', 1, {
      message: 'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    });
    t.runtime.ui.respondWith('YES', 'OK');
    t.addon.call('turnOnDailyFollowUps');
    expect(t.runtime.ui.alerts.at(-1)?.title).toBe('Daily follow-ups were not turned on');
    expect(t.runtime.ui.alerts.at(-1)?.prompt).toMatch(/20 triggers per person.*Turn daily follow-ups off in a spreadsheet/);
    expect(dailyTriggers(t).map((x) => x.id)).toEqual([old.id]);
  });

  it('moving the hour past the one-trigger-per-document rule: the new trigger replaces the old one', () => {
    const t = setUp({ today: DUE, rows: [{ invoice: 'A', due: DUE }] });
    t.ensureTrigger();
    const data = t.addon.callAsScriptRun('getSidebarData') as { settings: Record<string, unknown> };
    t.addon.callAsScriptRun('saveSettings', { ...data.settings, sendHour: 14 });
    expect(dailyTriggers(t).map((x) => x.hour)).toEqual([14]);
  });

  it('turning on refuses, with the reason, when the sheet cannot be read; otherwise says what the first run would send', () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE, email: 'a@client.test' }] });
    t.runtime.ui.respondWith('NO');
    t.addon.call('turnOnDailyFollowUps');
    expect(t.runtime.ui.alerts.at(-1)?.prompt).toMatch(/the first run would send 1 email:\n• A to a@client\.test/);
    expect(dailyTriggers(t)).toHaveLength(0);
    t.runtime.sheet('Invoices').setRaw(1, 10, 'When');
    t.runtime.ui.respondWith('OK');
    t.addon.call('turnOnDailyFollowUps');
    expect(t.runtime.ui.alerts.at(-1)?.title).toBe('Daily follow-ups were not turned on');
    expect(t.runtime.ui.alerts.at(-1)?.prompt).toMatch(/The invoice sheet cannot be read: .*Due Date/);
    expect(dailyTriggers(t)).toHaveLength(0);
  });

  it('turning on with no sender name refuses with the reason when the user cancels the question', () => {
    const t = setUp({ today: DUE, rows: [{ invoice: 'A', due: DUE }], settings: { senderName: '' } });
    t.runtime.ui.respondToPrompt('', 'CANCEL');
    t.runtime.ui.respondWith('OK');
    t.addon.call('turnOnDailyFollowUps');
    expect(t.runtime.ui.alerts.at(-1)?.prompt).toMatch(/Your name for the emails is empty/);
    expect(dailyTriggers(t)).toHaveLength(0);
  });
});

describe('authorisation', () => {
  it.each(PLATFORMS.map((p) => [contextTitle(p), p] as const))(
    'a daily run %s a document context that needs authorisation sends nothing; the next open says so',
    (_title, platform) => {
      const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }], runtime: platform });
      t.ensureTrigger();
      t.runtime.setAuthorizationRequired(true);
      expect(() => t.daily()).not.toThrow();
      expect(t.sent()).toHaveLength(0);
      t.runtime.setAuthorizationRequired(false);
      // The sidebar (full mode) shows the banner with the link.
      const data = t.addon.callAsScriptRun('getSidebarData') as { authorization: { url: string } | null };
      expect(data.authorization?.url).toMatch(/^https:\/\/script\.google\.com/);
      // Opening the file (full mode, as a bound script's or an add-on's once used) adds the menu item.
      t.addon.fireOnOpen('FULL');
      const captions = t.runtime.ui.menus.at(-1)!.items.flatMap((i) => ('caption' in i ? [i.caption] : []));
      expect(captions[0]).toBe('Daily follow-ups need your permission again');
      // A menu run says it once; the next daily run sends.
      t.runtime.ui.respondWith('OK', 'YES');
      t.addon.call('runFollowUps');
      expect(t.runtime.ui.alerts.slice(-2).map((a) => a.title)).toEqual(['Daily follow-ups sent nothing', 'Run follow-ups']);
      expect(t.sent()).toHaveLength(1);
    },
  );

  it('in limited mode the open reads the document store: the menu item shows where the run could write there', () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }] });
    t.ensureTrigger();
    t.runtime.setAuthorizationRequired(true);
    t.daily();
    t.runtime.setAuthorizationRequired(false);
    t.addon.fireOnOpen('LIMITED');
    const captions = t.runtime.ui.menus.at(-1)!.items.flatMap((i) => ('caption' in i ? [i.caption] : []));
    expect(captions).toContain('Daily follow-ups need your permission again');
  });

  it('a MailApp permission error means nothing was sent: no row goes under review, the next run sends', () => {
    const t = setUp({
      today: addDays(DUE, 1),
      rows: [
        { invoice: 'A', due: DUE },
        { invoice: 'B', due: DUE },
      ],
    });
    t.ensureTrigger();
    t.runtime.faults.failOn('MailApp.sendEmail', 1, {
      message:
        'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
      times: 2,
    });
    t.daily();
    expect(t.sent()).toHaveLength(0);
    expect(Object.values(t.statuses()).map((s) => s.Status)).not.toContain('Needs review');
    t.goTo(addDays(DUE, 2));
    t.daily();
    expect(t.sent()).toHaveLength(2);
  });
});

describe('Check setup', () => {
  it.each(PLATFORMS.map((p) => [contextTitle(p), p] as const))(
    'says what this execution and the last daily run (%s a document context) could reach',
    (_title, platform) => {
      const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }], runtime: platform });
      t.ensureTrigger();
      t.daily();
      t.runtime.ui.respondWith('OK');
      t.addon.call('checkSetup');
      const text = t.runtime.ui.alerts.at(-1)!.prompt;
      if (process.env.PRINT_CHECK_SETUP === '1') console.log(text);
      expect(text).toMatch(/^Invoice sheet: "Invoices", 1 row\(s\) read\.\n {2}columns: Invoice, Client/);
      expect(text).toContain(`Daily follow-ups: on, run by you (${SAM}) at 09:00 (America/New_York).`);
      expect(text).toMatch(
        /This execution \(me@example\.com\):\n {2}active spreadsheet: yes · document store: yes · document lock: yes/,
      );
      const doc = platform.triggerDocumentContext ? 'yes' : 'no';
      expect(text).toMatch(
        new RegExp(
          `Last daily run \\(2026-11-03 14:00 UTC\\) could reach:\\n {2}active spreadsheet: no · document store: ${doc} · document lock: ${doc}`,
        ),
      );
      expect(text).toMatch(/email quota left: 99 · authorisation: all permissions granted/);
      expect(text).toMatch(/Storage in this spreadsheet: [\d,]+ of 30,000 characters/);
    },
  );
});
