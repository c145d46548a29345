// The menu's and the daily trigger's use cases on a plain-object Environment (src/app/ports.ts): no
// Apps Script, no built bundle. The contract itself is tested on the bundle (test/integration).
import { runDaily, runFromMenu } from '../../src/app/menu';
import type { Environment, Ports, TriggerOwnerIo } from '../../src/app/ports';
import { fakePorts, invoice } from './fakePorts';

const TODAY = '2026-11-10';

function environment(ports: Ports | (() => Ports | null), withUi: boolean) {
  const dialogs: string[] = [];
  const ownerMail: string[] = [];
  const ownerStore = new Map<string, string>();
  const ownerIo: TriggerOwnerIo = {
    store: {
      room: () => 10_000,
      entrySize: (key, value) => key.length + JSON.stringify(value).length,
      refresh: () => undefined,
      readJson: (key) => ({ value: ownerStore.has(key) ? (JSON.parse(ownerStore.get(key)!) as unknown) : null, warning: null }),
      writeJson: (key, value) => void ownerStore.set(key, JSON.stringify(value)),
      delete: (key) => void ownerStore.delete(key),
    },
    spreadsheet: { flush: () => undefined },
    mail: { send: (m) => void ownerMail.push(m.subject), remainingDailyQuota: () => 100 },
    selfEmail: () => 'owner@example.test',
  };
  const open = typeof ports === 'function' ? ports : () => ports;
  const env: Environment = {
    ui: {
      hasUi: () => withUi,
      addMenu: () => undefined,
      showAlert: (title, message) => void dialogs.push(`${title}: ${message}`),
      confirm: (title) => (dialogs.push(title), true),
      promptText: () => null,
      askYesNoCancel: () => 'cancel',
      showSidebar: () => undefined,
    },
    activePorts: open,
    triggerPorts: open,
    authorization: { urlIfNeeded: () => null, needed: () => null, record: () => undefined, clear: () => undefined },
    daily: {
      isDailyTrigger: (uid) => uid === 'real-uid',
      spreadsheetInfo: () => ({ id: 'ss', name: 'Invoices 2026', url: 'https://docs.google.com/spreadsheets/d/ss/edit' }),
      ownerIo: () => ownerIo,
    },
  };
  return { env, dialogs, ownerMail };
}

describe('runDaily on plain ports', () => {
  it('called with a user interface (from a page), or with a made-up trigger id: opens nothing, sends nothing', () => {
    let opened = 0;
    const ports = fakePorts(TODAY, [invoice('A', '2026-11-09')]);
    for (const [withUi, uid] of [
      [true, 'real-uid'],
      [false, 'made-up'],
    ] as const) {
      const { env } = environment(() => (opened++, ports), withUi);
      runDaily(env, uid);
    }
    expect(opened).toBe(0);
    expect(ports.outbox).toEqual([]);
  });

  it('a real trigger: sends what is due, then the summary to the user', () => {
    const ports = fakePorts(TODAY, [invoice('A', '2026-11-09')]);
    const { env } = environment(ports, false);
    runDaily(env, 'real-uid');
    expect(ports.outbox.map((m) => m.to)).toEqual([['a@client.test'], ['me@example.test']]);
  });

  it('a spreadsheet that cannot be opened: the owner is emailed once, and again after it recovered and failed anew', () => {
    const ports = fakePorts(TODAY, []);
    let lost = true;
    const { env, ownerMail } = environment(() => {
      if (lost) throw new Error('Requested entity was not found.');
      return ports;
    }, false);
    runDaily(env, 'real-uid');
    runDaily(env, 'real-uid');
    expect(ownerMail).toEqual(['Invoice follow-ups could not run: “Invoices 2026” cannot be opened']);
    lost = false;
    runDaily(env, 'real-uid');
    lost = true;
    runDaily(env, 'real-uid');
    expect(ownerMail).toHaveLength(2);
  });
});

describe('runFromMenu on plain ports', () => {
  it('asks before any lock is taken, then sends what was confirmed', () => {
    const ports = fakePorts(TODAY, [invoice('A', '2026-11-09')]);
    let lockedDuringDialog: boolean | null = null;
    let locked = false;
    const withLock = ports.lock.withLock;
    ports.lock.withLock = (work) => withLock(() => ((locked = true), work()));
    const { env, dialogs } = environment(ports, true);
    env.ui.confirm = (title) => {
      dialogs.push(title);
      lockedDuringDialog = locked;
      return true;
    };
    runFromMenu(env, 'send');
    expect(dialogs[0]).toBe('Run follow-ups');
    expect(lockedDuringDialog).toBe(false);
    expect(ports.outbox).toHaveLength(1);
  });
});
