// A due date that looks like a typo (docs/own-sheet.md): held for review when it is more than a year
// before the first run, before 2000 or after 2100, unless the user confirmed that very date.
import fc from 'fast-check';
import { addDays } from '../../src/domain/dates';
import { defaultTemplates } from '../../src/domain/defaultTemplates';
import { dueDateDoubt, dueDateHold, firstRunDate, oneYearBefore } from '../../src/domain/dueDates';
import { planFollowUps } from '../../src/domain/plan';
import { defaultSettings } from '../../src/domain/settings';
import type { Invoice, IsoDate } from '../../src/domain/types';
import { invoiceDue } from './invoiceFixture';

const iso = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

const none = new Map<string, IsoDate>();

describe('dueDateDoubt', () => {
  it('the issue: 1926-11-20 looks like a typo, with "check the year"', () => {
    expect(dueDateDoubt('1926-11-20', '2026-11-24')).toBe(
      'Due date 1926-11-20 looks like a typo (check the year): it is before 2000',
    );
    expect(dueDateDoubt('2126-11-20', '2026-11-24')).toMatch(/check the year\): it is after 2100$/);
    expect(dueDateDoubt('2025-11-23', '2026-11-24')).toMatch(
      /more than a year before the add-on's first run on this sheet \(2026-11-24\)/,
    );
    expect(dueDateDoubt('2025-11-24', '2026-11-24')).toBeNull();
  });

  it('property: a due date within a year before today (and from 2000 on) is never held for this reason', () => {
    fc.assert(
      fc.property(
        iso('2001-01-01', '2099-12-31'),
        fc.integer({ min: 0, max: 365 }),
        fc.integer({ min: 0, max: 2000 }),
        (today, back, logAge) => {
          const due = addDays(today, -back);
          fc.pre(due >= '2000-01-01' && due >= oneYearBefore(today));
          // Whatever the first run was (today, or a log that started any time before it).
          const firstRun = firstRunDate([{ date: addDays(today, -logAge) }, { date: null }], today);
          expect(dueDateDoubt(due, firstRun)).toBeNull();
          expect(dueDateHold({ key: 'K', dueDate: due }, { firstRun, confirmed: none })).toBeNull();
        },
      ),
    );
  });

  it('property: any due date before 2000 is always held, unless that very date was confirmed', () => {
    fc.assert(
      fc.property(iso('1900-01-01', '1999-12-31'), iso('2000-01-01', '2100-12-31'), (due, firstRun) => {
        const hold = dueDateHold({ key: 'K', dueDate: due }, { firstRun, confirmed: none });
        expect(hold).toMatchObject({ kind: 'held', code: 'implausible-due-date' });
        expect(hold?.message).toContain(`Due date ${due} looks like a typo (check the year)`);
        expect(dueDateHold({ key: 'K', dueDate: due }, { firstRun, confirmed: new Map([['K', due]]) })).toBeNull();
        // A confirmation is of one date: another one is checked again.
        const other = new Map([['K', addDays(due, 1)]]);
        expect(dueDateHold({ key: 'K', dueDate: due }, { firstRun, confirmed: other })).not.toBeNull();
      }),
    );
  });

  it('property: future due dates up to 2100 are never held', () => {
    fc.assert(
      fc.property(iso('2000-01-01', '2100-12-31'), fc.integer({ min: 0, max: 40_000 }), (firstRun, ahead) => {
        const due = addDays(firstRun, ahead);
        fc.pre(due <= '2100-12-31');
        expect(dueDateDoubt(due, firstRun)).toBeNull();
      }),
    );
  });
});

describe('firstRunDate and oneYearBefore', () => {
  it('the earliest dated log row, never after today', () => {
    expect(firstRunDate([], '2026-11-24')).toBe('2026-11-24');
    expect(firstRunDate([{ date: '2026-03-01' }, { date: null }, { date: '2025-12-31' }], '2026-11-24')).toBe('2025-12-31');
    expect(firstRunDate([{ date: '2027-01-01' }], '2026-11-24')).toBe('2026-11-24');
  });
  it('the same day a year earlier; 29 February is 28 February', () => {
    expect(oneYearBefore('2026-11-24')).toBe('2025-11-24');
    expect(oneYearBefore('2028-02-29')).toBe('2027-02-28');
  });
});

describe('the plan', () => {
  const invoice = (dueDate: IsoDate, extra: Partial<Invoice> = {}): Invoice =>
    invoiceDue(dueDate, { amount: 1200, balance: 1200, ...extra });

  const plan = (inv: Invoice, confirmed = none) =>
    planFollowUps({
      rows: [{ ok: true, invoice: inv }],
      histories: new Map(),
      settings: { ...defaultSettings(), senderName: 'Sam' },
      templates: defaultTemplates(),
      ctx: { timeZone: 'UTC', locale: 'en_US', today: '2026-11-24' },
      selfEmail: null,
      dueDates: { firstRun: '2026-11-24', confirmed },
    });

  it('holds an unpaid invoice due 1926-11-20: no email, Needs review', () => {
    const p = plan(invoice('1926-11-20'));
    expect(p.emails).toEqual([]);
    expect(p.rows[0]).toMatchObject({ outcome: { kind: 'held', code: 'implausible-due-date' }, email: null, error: null });
  });

  it('a paid invoice with such a date is simply paid; a confirmed one gets the formal notice only', () => {
    expect(plan(invoice('1926-11-20', { paidDate: '2026-01-01' })).rows[0]!.outcome).toBeNull();
    const p = plan(invoice('1926-11-20'), new Map([['INV-1', '1926-11-20']]));
    expect(p.emails.map((e) => [e.stage, e.superseded])).toEqual([['formal', ['reminder', 'firm', 'escalate']]]);
  });
});
