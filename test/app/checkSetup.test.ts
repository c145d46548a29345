// The record each daily run leaves for Check setup (README "Check setup"): the Intl facts are
// measured again once a week, the rest every run.
import { DAILY_CONTEXT_KEY, recordDailyContext, type DailyContextRecord } from '../../src/app/checkSetup';
import { fakePorts } from './fakePorts';

const DAY = 86_400_000;

function recordOn(ports: ReturnType<typeof fakePorts>, at: number): DailyContextRecord {
  ports.now = () => at;
  recordDailyContext(ports, 'trigger-1');
  return ports.store.readJson(DAILY_CONTEXT_KEY).value as DailyContextRecord;
}

describe('the daily context record', () => {
  it('measures the Intl facts on the first run and keeps them for a week, then measures again', () => {
    const ports = fakePorts('2026-11-10', []);
    const start = ports.now();
    const first = recordOn(ports, start);
    expect(first.intl?.deMoney).toMatch(/1\.234,50/);
    expect(first.intlAt).toBe(new Date(start).toISOString());

    // A planted value shows whether the facts were measured again or kept.
    ports.store.writeJson(DAILY_CONTEXT_KEY, { ...first, intl: { ...first.intl!, deMoney: 'kept' } });
    const sixDays = recordOn(ports, start + 6 * DAY);
    expect(sixDays.at).toBe(new Date(start + 6 * DAY).toISOString());
    expect(sixDays.intl?.deMoney).toBe('kept');
    expect(sixDays.intlAt).toBe(first.intlAt);

    const eightDays = recordOn(ports, start + 8 * DAY);
    expect(eightDays.intl?.deMoney).toMatch(/1\.234,50/);
    expect(eightDays.intlAt).toBe(new Date(start + 8 * DAY).toISOString());
  });

  it('measures again when the last record has no date for them, or one in the future', () => {
    const ports = fakePorts('2026-11-10', []);
    const start = ports.now();
    const first = recordOn(ports, start);
    for (const intlAt of [undefined, new Date(start + DAY).toISOString(), 'not a date']) {
      ports.store.writeJson(DAILY_CONTEXT_KEY, { ...first, intl: { ...first.intl!, deMoney: 'planted' }, intlAt });
      expect(recordOn(ports, start + 60_000).intl?.deMoney).toMatch(/1\.234,50/);
    }
  });
});
