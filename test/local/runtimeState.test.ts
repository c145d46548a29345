// runtime.saveState / restoreState: everything the simulated world holds between executions goes
// back as it was, and the add-on then does exactly what it did the first time from that point (the
// fault matrix starts each faulted month from the fault-free month's state on its fault day).
import { addDays, setUp } from '../integration/harness';

const START = '2026-11-02';
type Month = ReturnType<typeof setUp>;

function newMonth(): Month {
  const t = setUp({
    today: START,
    rows: [
      { invoice: 'A-1', due: addDays(START, -8), amount: 500 },
      { invoice: 'B-1', due: addDays(START, -1), amount: 120, billing: 'ap@b.test' },
      { invoice: 'C-1', due: addDays(START, 3), amount: 75 },
    ],
    settings: { dailySummary: true },
  });
  t.ensureTrigger();
  return t;
}

/** Everything a test can observe of the world, as plain data. */
function world(t: Month) {
  const r = t.runtime;
  return {
    now: r.clock.now(),
    calls: r.calls.entries(),
    spreadsheets: r.spreadsheets.list().map((s) => ({
      id: s.id,
      name: s.name,
      sheets: s.sheetNames().map((name) => ({ name, rows: s.sheet(name).rows() })),
      metadata: s.model.metadata.entries.map((e) => ({ ...e })),
      sheetMetadata: s.model.sheets.map((sheet) => sheet.metadata.entries.map((e) => ({ ...e }))),
    })),
    mail: r.mail.sent.map((m) => ({ ...m, attachments: m.attachments.map((a) => a.name) })),
    quota: r.mail.remainingQuota,
    triggers: r.triggers.list(),
    properties: [
      r.properties.document().all(),
      r.properties.user().all(),
      r.properties.user('kim@b.test').all(),
      r.properties.script().all(),
    ],
    logs: r.logs.map((l) => ({ ...l })),
    ui: [r.ui.dialogs.length, r.ui.toasts.length, r.ui.menus.length],
    locks: [r.locks.state('document'), r.locks.state('script')],
  };
}

/** A week of daily runs, one overlapping a run that holds the lock, and a few edits of the test's own. */
function aWeekLater(t: Month): void {
  for (let d = 1; d <= 7; d++) {
    t.goTo(addDays(START, d));
    t.daily();
    if (d === 3) {
      t.runtime.locks.holdDocumentLock();
      t.daily();
      t.runtime.locks.releaseHeld();
    }
  }
  t.runtime.properties.script().set('note', 'written after the save');
  t.runtime.properties.document().set('later', 'yes');
  t.runtime.properties.user('kim@b.test').set('seen', 'a store made after the save');
  t.runtime.triggers.remove(t.ensureTrigger().id);
  t.addon.fireOnOpen(); // the menu
  t.runtime.globals.console.log('a line of the test');
  t.runtime.locks.holdScriptLock();
  t.runtime.spreadsheets.create({ name: 'Another' });
  t.runtime.addSheet('Scratch', [['x']]);
  t.runtime.mail.setRemainingQuota(3);
}

describe('runtime.saveState / restoreState', () => {
  it('puts every part of the world back, and the add-on then does the same again', () => {
    const t = newMonth();
    t.daily();
    const saved = t.runtime.saveState();
    const before = world(t);

    aWeekLater(t);
    const first = world(t);
    expect(first.mail.length).toBeGreaterThan(before.mail.length);
    expect(first).not.toEqual(before);

    t.runtime.restoreState(saved);
    expect(world(t)).toEqual(before);

    aWeekLater(t);
    expect(world(t)).toEqual(first);
    // A state can be restored more than once.
    t.runtime.restoreState(saved);
    expect(world(t)).toEqual(before);
  });

  it('refuses to save during an execution or with a fault waiting; restoring drops waiting faults', () => {
    const t = newMonth();
    let during: unknown = null;
    t.runtime.faults.beforeCall('Range.getValues', 1, () => {
      try {
        t.runtime.saveState();
      } catch (error) {
        during = error;
      }
    });
    t.daily();
    expect(String(during)).toMatch(/only between executions/);

    const saved = t.runtime.saveState();
    t.runtime.faults.failOn('MailApp.sendEmail', 1);
    expect(() => t.runtime.saveState()).toThrow(/no fault or beforeCall hook waiting/);
    t.runtime.restoreState(saved);
    expect(t.runtime.faults.pending()).toEqual([]);
  });
});
