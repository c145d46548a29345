// Days without follow-ups (docs/escalation.md, "Holidays") on the built add-on: a follow-up due on
// one goes out on the next sending day, and Next Follow-up says so.
import { addDays, setUp } from './harness';

const DUE = '2026-11-02'; // a Monday
const HOLIDAY = addDays(DUE, 1); // the reminder's day

function sentOn(t: ReturnType<typeof setUp>): Array<[string, string]> {
  return t
    .log()
    .filter((r) => r.Outcome === 'sent')
    .map((r) => [r.Timestamp!.slice(0, 10), r.Stage!]);
}

describe('days without follow-ups', () => {
  it('a reminder due on a holiday goes the next sending day; the holiday run sends nothing and says when', () => {
    const t = setUp({
      today: DUE,
      rows: [{ invoice: 'A', client: 'Acme', email: 'pat@acme.test', due: DUE }],
      settings: { holidays: [HOLIDAY] },
    });
    t.daily();
    t.goTo(HOLIDAY);
    t.daily();
    expect(t.sent()).toEqual([]);
    expect(t.statuses().A?.['Next Follow-up']).toBe(addDays(HOLIDAY, 1));
    t.goTo(addDays(HOLIDAY, 1));
    t.daily();
    expect(sentOn(t)).toEqual([[addDays(HOLIDAY, 1), 'reminder']]);
  });

  it('without the holiday the same reminder goes on its own day', () => {
    const t = setUp({ today: HOLIDAY, rows: [{ invoice: 'A', client: 'Acme', email: 'pat@acme.test', due: DUE }] });
    t.daily();
    expect(sentOn(t)).toEqual([[HOLIDAY, 'reminder']]);
  });
});
