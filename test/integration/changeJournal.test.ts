// The change journal on the built add-on (README "Disclosure: what the owner is told"): another editor's save through the
// sidebar is noted with their address, for the owner's daily summary.
import { setUp } from './harness';

function open() {
  return setUp({ today: '2026-11-24', runtime: { userEmail: 'owner@x.test' } });
}

type T = ReturnType<typeof open>;
const changes = (t: T) => t.stored('changes') as Array<Record<string, unknown>> | null;

describe('changes made through the sidebar', () => {
  it("another editor's settings change is noted with their address and the fields that changed", () => {
    const t = open();
    t.runtime.setUser({ active: 'bob@x.test' });
    const settings = (t.addon.callAsScriptRun('getSidebarData') as Record<string, any>).settings;
    expect(t.addon.callAsScriptRun('saveSettings', { ...settings })).toEqual({ ok: true, dailyOn: false });
    expect(changes(t)).toBeNull();
    const saved = t.addon.callAsScriptRun('saveSettings', { ...settings, senderName: 'Not Sam', bccSelf: true });
    expect(saved).toEqual({ ok: true, dailyOn: false });
    expect(changes(t)).toEqual([
      {
        at: expect.stringMatching(/^2026-11-24T/),
        by: 'bob@x.test',
        what: 'settings',
        detail: 'your name for the emails, BCC me',
      },
    ]);
  });

  it('an editor whose address Google does not reveal is noted as unknown; templates too', () => {
    const t = open();
    t.runtime.setUser({ active: '' });
    const template = (t.addon.callAsScriptRun('getSidebarData') as Record<string, any>).templates.find(
      (x: { id: string }) => x.id === 'reminder',
    );
    const edited = { subject: 'Pay {{invoice}} now', body: template.body };
    expect(t.addon.callAsScriptRun('saveTemplate', 'reminder', edited)).toEqual({ ok: true });
    t.addon.callAsScriptRun('resetTemplate', 'reminder');
    expect(changes(t)).toEqual([
      expect.objectContaining({ by: null, what: 'template', detail: 'Reminder (day 1)' }),
      expect.objectContaining({ by: null, what: 'templateReset', detail: 'Reminder (day 1)' }),
    ]);
  });

  it('a column choice that changes what is read is noted once; turning daily follow-ups on and off is not a setting', () => {
    const t = open();
    t.runtime.setUser({ active: 'bob@x.test' });
    expect(t.addon.callAsScriptRun('saveColumnMapping', { email: 'Billing Email' })).toEqual(
      expect.objectContaining({ ok: true }),
    );
    expect(t.addon.callAsScriptRun('saveColumnMapping', { email: 'Billing Email' })).toEqual(
      expect.objectContaining({ ok: true }),
    );
    expect(t.addon.callAsScriptRun('setDailyFollowUps', true)).toEqual({ ok: true, dailyOn: true });
    expect(t.addon.callAsScriptRun('setDailyFollowUps', true)).toEqual({ ok: true, dailyOn: true });
    expect(t.addon.callAsScriptRun('setDailyFollowUps', false)).toEqual({ ok: true, dailyOn: false });
    expect(changes(t)?.map((c) => [c.by, c.what, c.detail])).toEqual([['bob@x.test', 'columns', 'Email, Billing Email']]);
  });
});
