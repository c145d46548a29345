// The month and a reduced fault matrix on the platform behaviours nobody documents (README "Where
// the add-on keeps its data"): a daily run without the document's property store and lock, and
// getUserTriggers(spreadsheet) not listing clock triggers. The full matrix runs in the default
// combination (fault-matrix.test.ts); here each fault class fails once per combination, on its first
// call of the month in one and its last call in the next, so every class fails on both.
import { CLASSES, classLabel, runWithFault, sample } from './faults';
import {
  baselineOf,
  DEFAULT_PLATFORM,
  inputCells,
  key,
  mailFacts,
  monthViolations,
  newMonth,
  OTHER_PLATFORMS,
  platformName,
  runMonth,
  type Baseline,
} from './month';

const reference = newMonth(DEFAULT_PLATFORM);
runMonth(reference);
const referenceMails = mailFacts(reference).map((m) => `${m.day} ${key(m)}`);

describe.each(OTHER_PLATFORMS.map((p, i) => [platformName(p), p, i] as const))('%s', (_name, platform, index) => {
  const t = newMonth(platform);
  const inputs = inputCells(t);
  const run = runMonth(t);
  const baseline: Baseline = baselineOf(t, inputs);

  it('the fault-free month sends what the default platform sends, each email once, and keeps its invariants', () => {
    expect(run.throws).toEqual([]);
    expect(referenceMails.length).toBeGreaterThan(10);
    expect(baseline.mails.map((m) => `${m.day} ${key(m)}`)).toEqual(referenceMails);
    expect(monthViolations(t, baseline)).toEqual([]);
    expect(t.runtime.triggers.list().filter((x) => x.handler === 'dailyFollowUps')).toHaveLength(1);
  });

  it.each(CLASSES.map((c, i) => [classLabel(c), c, i] as const))(
    'a fault on %s, its first or last call of the month: no duplicate, the invariants hold',
    (_title, c, classIndex) => {
      const firstAndLast = sample(run.calls[c.method] ?? 0, 2);
      expect(firstAndLast.length).toBeGreaterThan(0);
      const ns = [firstAndLast[(index + classIndex) % firstAndLast.length]!];
      const failures: string[] = [];
      for (const nth of ns) {
        const o = runWithFault(c, nth, baseline, platform);
        if (!o.fired) failures.push(`call ${nth}: the fault never fired`);
        if (o.duplicates > 0) failures.push(`call ${nth}: ${o.duplicates} duplicate(s)`);
        for (const v of o.violations) failures.push(`call ${nth}: ${v}`);
        if (c.method !== 'SpreadsheetApp.openById' && !c.kill && o.throws > 0) failures.push(`call ${nth}: dailyFollowUps threw`);
      }
      expect(failures).toEqual([]);
    },
  );
});
