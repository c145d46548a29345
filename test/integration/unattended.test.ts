// The unattended daily run on the built add-on (README "Duplicates", "When the platform
// refuses", "Copies", "Disclosure"): races in every lock combination, a kill right after a send, a
// full store, planted records, a copy, a lost spreadsheet, forged entry calls, mail limits.
import { addDays, setUp } from './harness';

const DUE = '2026-11-02';
const SAM = 'me@example.com';
const KIM = 'kim@example.com';
const PLATFORMS = [
  { triggerDocumentContext: true, userTriggersListClock: true },
  { triggerDocumentContext: false, userTriggersListClock: true },
  { triggerDocumentContext: true, userTriggersListClock: false },
  { triggerDocumentContext: false, userTriggersListClock: false },
];
const title = (p: (typeof PLATFORMS)[number]): string =>
  `${p.triggerDocumentContext ? 'with' : 'without'} a document context, clock triggers ${p.userTriggersListClock ? '' : 'not '}listed`;
const EACH_PLATFORM = PLATFORMS.map((p) => [title(p), p] as const);

type T = ReturnType<typeof setUp>;

function twoDue(platform: (typeof PLATFORMS)[number], extra: Parameters<typeof setUp>[0] = { today: '' }): T {
  const t = setUp({
    ...extra,
    today: addDays(DUE, 1),
    rows: [
      { invoice: 'A', client: 'Alpha', due: DUE },
      { invoice: 'B', client: 'Beta', due: DUE },
    ],
    runtime: { ...platform, ...extra.runtime },
  });
  t.ensureTrigger();
  return t;
}

/** How many times each invoice's reminder went out to a client (emails to the user left out). */
function sendsPerInvoice(t: T): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of t.runtime.mail.sent.filter((x) => /in case it slipped through/.test(x.body))) {
    const invoice = /^Invoice (\S+) from /.exec(m.subject)?.[1];
    if (invoice) out[invoice] = (out[invoice] ?? 0) + 1;
  }
  return out;
}

/** A menu run (Run follow-ups, Yes) of the user `who`, as an execution of its own with the spreadsheet open. */
function menuRun(t: T, who: string): void {
  const id = t.runtime.spreadsheets.list()[0]!.id;
  t.runtime.withContext({ activeSpreadsheetId: id, uiAvailable: true, inTrigger: false, documentContext: undefined }, () =>
    t.runtime.asUser(who, () => {
      // Yes to "Send … now?", OK to whatever it says after (sent, or another run is in progress).
      t.runtime.ui.answerEveryDialog((buttons) => (buttons === 'YES_NO' ? 'YES' : 'OK'));
      try {
        t.addon.call('runFollowUps');
      } finally {
        t.runtime.ui.answerEveryDialog(null);
      }
    }),
  );
}

describe('one sending run per spreadsheet, whatever locks the platform gives', () => {
  it.each(EACH_PLATFORM)('%s: a menu run started just before the daily run sends: each follow-up once', (_t, platform) => {
    const t = twoDue(platform);
    t.runtime.faults.beforeCall('MailApp.sendEmail', 1, () => menuRun(t, SAM));
    t.daily();
    expect(sendsPerInvoice(t)).toEqual({ A: 1, B: 1 });
    t.goTo(addDays(DUE, 2));
    t.daily();
    menuRun(t, SAM);
    expect(sendsPerInvoice(t)).toEqual({ A: 1, B: 1 });
  });

  it.each(EACH_PLATFORM)("%s: another editor's menu run during the daily run: each follow-up once", (_t, platform) => {
    const t = twoDue(platform);
    t.runtime.faults.beforeCall('MailApp.sendEmail', 2, () => menuRun(t, KIM));
    t.daily();
    expect(sendsPerInvoice(t)).toEqual({ A: 1, B: 1 });
    expect(t.log().filter((r) => r.Result === 'sent')).toHaveLength(2);
  });

  it.each(EACH_PLATFORM)('%s: the daily run fires while a menu run sends: each follow-up once', (_t, platform) => {
    const t = twoDue(platform);
    const trigger = t.ensureTrigger();
    t.runtime.faults.beforeCall('MailApp.sendEmail', 1, () => t.addon.runTrigger(trigger.id));
    menuRun(t, SAM);
    expect(sendsPerInvoice(t)).toEqual({ A: 1, B: 1 });
  });

  it.each(EACH_PLATFORM)(
    '%s: the daily run while the confirmation is open is not blocked, and the menu sends nothing twice',
    (_t, p) => {
      const t = twoDue(p);
      const trigger = t.ensureTrigger();
      // The dialog "Send 2 follow-up emails now?" is a Ui.alert: the daily trigger fires while it is open.
      t.runtime.faults.beforeCall('Ui.alert', 1, () => t.addon.runTrigger(trigger.id));
      menuRun(t, SAM);
      expect(sendsPerInvoice(t)).toEqual({ A: 1, B: 1 });
      // The daily run sent them (it was not locked out), not the menu run.
      expect(t.stored('lastRun')).toMatchObject({ trigger: 'menu', sent: 0 });
      expect(t.log().filter((r) => r.Result === 'sent')).toHaveLength(2);
    },
  );

  it('two runs that write their claims before either reads them back: exactly one sends', () => {
    const t = twoDue(PLATFORMS[1]!);
    // The daily run's claim is the first metadata the run adds; the menu run claims at that moment too.
    t.runtime.faults.beforeCall('Spreadsheet.addDeveloperMetadata', 1, () => menuRun(t, KIM));
    t.daily();
    expect(sendsPerInvoice(t)).toEqual({ A: 1, B: 1 });
  });
});

describe('a kill at any instruction: what was sent is never sent again', () => {
  it.each(EACH_PLATFORM)('%s: killed right after the first send, before anything else', (_t, platform) => {
    const t = twoDue(platform);
    t.runtime.faults.killAfter('MailApp.sendEmail', 1);
    expect(() => t.daily()).toThrow(/Exceeded maximum execution time/);
    expect(sendsPerInvoice(t)).toEqual({ A: 1 });
    // The record flushed before MailApp survived the kill; nothing else of the run did.
    expect(t.stored('ledger:A\u0000reminder')).toMatchObject({ state: 'sending' });
    for (let d = 2; d < 10; d++) {
      t.goTo(addDays(DUE, d));
      t.daily();
    }
    expect(sendsPerInvoice(t)).toEqual({ A: 1, B: 1 });
    expect(t.statuses().A?.Status).toBe('Needs review');
    expect(t.log().find((r) => r.Invoice === 'A')?.Result).toMatch(/may or may not have gone out/);
  });

  it.each([1, 2, 3])('killed after send %i of three, then runs for a month: no duplicate, every invoice reached', (n) => {
    const t = setUp({
      today: addDays(DUE, 1),
      rows: ['A', 'B', 'C'].map((invoice) => ({ invoice, client: `Client ${invoice}`, due: DUE })),
      runtime: { triggerDocumentContext: false },
    });
    t.ensureTrigger();
    t.runtime.faults.killAfter('MailApp.sendEmail', n);
    expect(() => t.daily()).toThrow(/Exceeded maximum execution time/);
    for (let d = 2; d < 30; d++) {
      t.goTo(addDays(DUE, d));
      t.daily();
    }
    const reminders = t.runtime.mail.sent.filter((m) => /in case it slipped through/.test(m.body)).map((m) => m.subject);
    expect(new Set(reminders).size).toBe(reminders.length);
    expect(reminders).toHaveLength(3);
  });
});

/** Fills the spreadsheet's metadata with another project's entry (invisible to the add-on) so that `room` characters are left. */
function leaveRoom(t: T, room: number): void {
  const raw = t.runtime.spreadsheets.list()[0]!;
  const used = raw.model.metadata.entries.reduce((n, e) => n + e.key.length + (e.value?.length ?? 0), 0);
  raw.plantMetadata({ key: 'other-tool', value: 'x'.repeat(30_000 - used - room - 'other-tool'.length), visibility: 'PROJECT' });
}

describe('a full store stops sending before an email, never after', () => {
  const rows = ['A', 'B', 'C', 'D'].map((invoice) => ({ invoice, client: `Client ${invoice}`, due: DUE }));

  // On day 7 the run adds, in order: its claim, then one send record per email (A, B, C, D).
  it.each([
    ['before the claim', 1, 50, 0],
    ['before the first email', 2, 150, 0],
    ['after one email', 3, 150, 1],
    ['after two emails', 4, 150, 2],
  ])('full %s: that many sent and logged, the owner told, the rest sent once when there is room', (_w, nth, room, sent) => {
    const t = setUp({ today: addDays(DUE, 1), rows, runtime: { triggerDocumentContext: false } });
    t.ensureTrigger();
    t.daily();
    expect(sendsPerInvoice(t)).toEqual({ A: 1, B: 1, C: 1, D: 1 });
    t.goTo(addDays(DUE, 7));
    t.runtime.faults.beforeCall('Spreadsheet.addDeveloperMetadata', nth, () => leaveRoom(t, room));
    t.daily();
    const firm = () => t.runtime.mail.sent.filter((m) => /Please confirm the payment status/.test(m.body));
    expect(firm()).toHaveLength(sent);
    expect(t.log().filter((r) => r.Stage === 'firm' && r.Result === 'sent')).toHaveLength(sent);
    const alerts = () => t.runtime.mail.sent.filter((m) => /storage is full/.test(m.subject));
    if (nth > 1) {
      expect(alerts().map((m) => m.to)).toEqual([[SAM]]);
      expect(alerts()[0]!.body).toMatch(/What to do: remove an add-on you no longer use/);
    }
    // The next run, with room again (the other tool's data removed): the rest go, nothing twice.
    const raw = t.runtime.spreadsheets.list()[0]!;
    raw.model.metadata.entries = raw.model.metadata.entries.filter((e) => e.key !== 'other-tool');
    t.goTo(addDays(DUE, 8));
    t.daily();
    t.goTo(addDays(DUE, 9));
    t.daily();
    const subjects = firm().map((m) => m.subject);
    expect(subjects.sort()).toEqual(['A', 'B', 'C', 'D'].map((i) => `Invoice ${i} from Sam Rivera`));
    expect(alerts().length).toBe(nth > 1 ? 1 : 0);
  });
});

describe("other tools' data counts", () => {
  it('a save the store has no room for (other tools fill it) is refused in words the owner can act on; nothing changes', () => {
    const t = twoDue(PLATFORMS[0]!);
    leaveRoom(t, 100);
    const data = t.addon.callAsScriptRun('getSidebarData') as { templates: Array<{ id: string; body: string }> };
    const body = `${data.templates.find((x) => x.id === 'firm')!.body}\n\nP.S. ${'Thanks again. '.repeat(20)}`;
    const saved = t.addon.callAsScriptRun('saveTemplate', 'firm', { subject: 'Invoice {{invoice}}', body }) as {
      ok: boolean;
      problems: string[];
    };
    expect(saved.ok).toBe(false);
    expect(saved.problems.join(' ')).toMatch(
      /storage for add-ons is full: .*shared by every add-on and tool that uses this file.*Remove an add-on you no longer use.*Nothing was changed/,
    );
    expect(t.stored('template:firm')).toBeNull();
  });
});

describe('planted records are not trusted', () => {
  it('document-visible entries with the add-on keys are ignored, and Check setup says so', () => {
    const t = twoDue(PLATFORMS[0]!);
    const raw = t.runtime.spreadsheets.list()[0]!;
    const settings = { ...(t.stored('settings') as object), senderName: 'Mallory', ccSelf: false };
    raw.plantMetadata({ key: 'ifu:settings', value: JSON.stringify(settings), visibility: 'DOCUMENT' });
    raw.plantMetadata({
      key: 'ifu:template:reminder',
      value: JSON.stringify({ version: 1, subject: 'Pay to evil {{invoice}}', body: 'Wire to X' }),
      visibility: 'DOCUMENT',
    });
    t.daily();
    expect(t.runtime.mail.sent.map((m) => [m.name, m.subject])).toEqual([
      ['Sam Rivera', 'Invoice A from Sam Rivera'],
      ['Sam Rivera', 'Invoice B from Sam Rivera'],
    ]);
    t.runtime.ui.respondWith('OK');
    t.addon.call('checkSetup');
    expect(t.runtime.ui.alerts.at(-1)!.prompt).toMatch(
      /Ignored: 2 entries with the add-on's names but visible to the whole document/,
    );
  });
});

describe('one value per key', () => {
  it('a key two executions added at once: the newer entry counts, and the next write leaves one', () => {
    const t = twoDue(PLATFORMS[0]!);
    const raw = t.runtime.spreadsheets.list()[0]!;
    const settings = t.stored('settings') as Record<string, unknown>;
    raw.plantMetadata({
      key: 'ifu:settings',
      value: JSON.stringify({ ...settings, senderName: 'Newer Name' }),
      visibility: 'PROJECT',
      project: t.runtime.options.scriptId,
    });
    const data = t.addon.callAsScriptRun('getSidebarData') as { settings: Record<string, unknown> };
    expect(data.settings.senderName).toBe('Newer Name');
    t.addon.callAsScriptRun('saveSettings', { ...data.settings, senderName: 'Saved Name' });
    expect(
      raw.model.metadata.entries.filter((e) => e.key === 'ifu:settings').map((e) => JSON.parse(e.value!).senderName),
    ).toEqual(['Saved Name']);
  });
});

describe('a copy of the spreadsheet', () => {
  it("shows daily follow-ups off, never touches the original's trigger, and turning on makes its own", () => {
    const t = twoDue(PLATFORMS[0]!);
    const original = t.runtime.spreadsheets.list()[0]!;
    const originalTrigger = t.ensureTrigger();
    const copy = t.runtime.spreadsheets.copy(original.id);
    t.runtime.setActiveSpreadsheet(copy.id);
    t.runtime.ui.respondWith('OK');
    t.addon.call('checkSetup');
    expect(t.runtime.ui.alerts.at(-1)!.prompt).toContain('Daily follow-ups: off.');
    t.runtime.ui.respondWith('OK');
    t.addon.call('turnOffDailyFollowUps');
    expect(t.runtime.ui.alerts.at(-1)!.prompt).toBe('Daily follow-ups were not on for this spreadsheet.');
    expect(t.runtime.triggers.get(originalTrigger.id)).toBeDefined();
    t.runtime.ui.respondWith('YES', 'OK');
    t.addon.call('turnOnDailyFollowUps');
    const triggers = t.runtime.triggers.list().filter((x) => x.handler === 'dailyFollowUps');
    expect(triggers.map((x) => x.id)).toContain(originalTrigger.id);
    expect(triggers).toHaveLength(2);
    // Each trigger runs its own spreadsheet, once.
    t.runtime.setActiveSpreadsheet(original.id);
    for (const trigger of triggers) t.addon.runTrigger(trigger.id);
    expect(
      t.runtime
        .sheet('Follow-up Log', original.id)
        .displayRows()
        .filter((r) => r[6] === 'sent'),
    ).toHaveLength(2);
    expect(
      t.runtime
        .sheet('Follow-up Log', copy.id)
        .displayRows()
        .filter((r) => r[6] === 'sent'),
    ).toHaveLength(2);
    expect(t.runtime.triggers.get(originalTrigger.id)).toBeDefined();
  });
});

describe('no silent stops', () => {
  it('a trigger whose spreadsheet cannot be opened emails its owner once, and again only after recovering and failing anew', () => {
    const t = twoDue(PLATFORMS[1]!, { today: '', settings: { dailySummary: false } });
    const lost = { message: 'Requested entity was not found.', times: 2 };
    t.runtime.faults.failOn('SpreadsheetApp.openById', 1, lost);
    t.daily();
    t.goTo(addDays(DUE, 2));
    t.daily();
    const alerts = () => t.runtime.mail.sent.filter((m) => /cannot be opened/.test(m.subject));
    expect(alerts()).toHaveLength(1);
    expect(alerts()[0]).toMatchObject({ to: [SAM] });
    expect(alerts()[0]!.subject).toContain('“Invoices”');
    expect(alerts()[0]!.body).toMatch(/restore it from Google Drive/);
    expect(sendsPerInvoice(t)).toEqual({});
    t.goTo(addDays(DUE, 3));
    t.daily();
    expect(sendsPerInvoice(t)).toEqual({ A: 1, B: 1 });
    t.runtime.faults.failOn('SpreadsheetApp.openById', 1, lost);
    t.goTo(addDays(DUE, 4));
    t.daily();
    expect(alerts()).toHaveLength(2);
  });

  it('Check setup warns when the last daily run is more than a day old', () => {
    const t = twoDue(PLATFORMS[0]!);
    t.daily();
    t.runtime.ui.respondWith('OK');
    t.addon.call('checkSetup');
    expect(t.runtime.ui.alerts.at(-1)!.prompt).not.toMatch(/WARNING/);
    t.goTo(addDays(DUE, 4));
    t.runtime.ui.respondWith('OK');
    t.addon.call('checkSetup');
    expect(t.runtime.ui.alerts.at(-1)!.prompt).toMatch(/WARNING: the last daily run was 3 day\(s\) ago/);
    expect(t.runtime.ui.alerts.at(-1)!.prompt).toMatch(/Intl money: de-DE .*€/);
  });
});

describe('entry points', () => {
  it('dailyFollowUps called from a page does nothing and writes nothing, even with the real trigger id', () => {
    const t = twoDue(PLATFORMS[0]!);
    const trigger = t.ensureTrigger();
    const raw = t.runtime.spreadsheets.list()[0]!;
    const before = JSON.stringify([raw.model.metadata.entries, raw.sheetNames(), t.runtime.sheet('Invoices').displayRows()]);
    for (const uid of [trigger.id, 'forged-uid', undefined])
      t.addon.callAsScriptRun('dailyFollowUps', { triggerUid: uid ?? null });
    expect(t.runtime.mail.sent).toHaveLength(0);
    expect(JSON.stringify([raw.model.metadata.entries, raw.sheetNames(), t.runtime.sheet('Invoices').displayRows()])).toBe(
      before,
    );
  });

  it('a made-up trigger id without a user interface does nothing and writes no trigger record', () => {
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', due: DUE }] });
    t.runtime.withContext({ activeSpreadsheetId: null, uiAvailable: false, inTrigger: true }, () =>
      t.addon.call('dailyFollowUps', { triggerUid: '1234567890' }),
    );
    expect(t.runtime.mail.sent).toHaveLength(0);
    expect(t.stored('dailyTrigger')).toBeNull();
    t.runtime.ui.respondWith('OK');
    t.addon.call('checkSetup');
    expect(t.runtime.ui.alerts.at(-1)!.prompt).toContain('Daily follow-ups: off.');
  });
});

describe('mail limits', () => {
  it('a cell of 60 addresses is a row error in plain words; the other rows go', () => {
    const many = Array.from({ length: 60 }, (_, i) => `p${i}@big.test`).join(', ');
    const t = setUp({
      today: addDays(DUE, 1),
      rows: [
        { invoice: 'A', email: many, due: DUE },
        { invoice: 'B', due: DUE },
      ],
    });
    t.ensureTrigger();
    t.daily();
    expect(t.runtime.mail.sent.map((m) => m.subject)).toEqual(['Invoice B from Sam Rivera']);
    expect(t.statuses().A?.Status).toMatch(/^Error: Email has 60 addresses, and one email can go to at most 50/);
  });

  it('a subject longer than 250 characters is cut, and the email goes', () => {
    const client = 'Very Long Client Name '.repeat(6).trim();
    const t = setUp({ today: addDays(DUE, 1), rows: [{ invoice: 'A', client, due: DUE }] });
    const data = t.addon.callAsScriptRun('getSidebarData') as { templates: Array<{ id: string; body: string }> };
    const body = data.templates.find((x) => x.id === 'reminder')!.body;
    const subject = `Invoice {{invoice}} for {{client}} — a friendly reminder from {{sender_name}} about {{client}}`;
    expect(t.addon.callAsScriptRun('saveTemplate', 'reminder', { subject, body })).toEqual({ ok: true });
    t.ensureTrigger();
    t.daily();
    const sent = t.runtime.mail.sent.map((m) => m.subject);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.length).toBe(250);
    expect(sent[0]!.endsWith('…')).toBe(true);
  });
});

describe("the owner's daily summary: disclosure", () => {
  it('lists every email sent with its recipients and every change since the last summary, with who made it', () => {
    const t = twoDue(PLATFORMS[0]!, { today: '', settings: { dailySummary: true }, runtime: { userEmail: SAM } });
    t.runtime.asUser(KIM, () => {
      const data = t.addon.callAsScriptRun('getSidebarData') as { settings: Record<string, unknown> };
      t.addon.callAsScriptRun('saveSettings', { ...data.settings, senderName: 'Kim Not Sam' });
    });
    t.daily();
    const summary = t.runtime.mail.sent.find((m) => m.to[0] === SAM)!;
    expect(summary.body).toMatch(/Changes since the last summary/);
    expect(summary.body).toContain(KIM);
    expect(summary.body).toMatch(/your name for the emails/);
    expect(summary.body).toMatch(/Emails sent in your name/);
    expect(summary.body).toContain('Invoice A from Kim Not Sam');
    expect(summary.body).toContain('a@client.test');
    expect(summary.htmlBody).not.toContain('<script');
    // Told once: the next summary does not list the change again.
    t.goTo(addDays(DUE, 8));
    t.daily();
    const later = t.runtime.mail.sent.filter((m) => m.to[0] === SAM);
    expect(later.length).toBe(2);
    expect(later[1]!.body).not.toContain(KIM);
  });
});
