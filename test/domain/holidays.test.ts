import fc from 'fast-check';
import { addDays, isWeekend } from '../../src/domain/dates';
import { isSendingDay, nextSendingDay } from '../../src/domain/holidays';
import { defaultSettings } from '../../src/domain/settings';
import { emptyHistory, evaluateInvoice, withSent } from '../../src/domain/stages';
import type { Invoice } from '../../src/domain/types';
import { invoiceDue } from './invoiceFixture';

const invoice = (dueDate: string): Invoice => invoiceDue(dueDate, { emails: ['pat@acme.test'], amount: 100, balance: 100 });

describe('sending days', () => {
  const xmas = { skipWeekends: true, holidays: ['2026-12-24', '2026-12-25', '2026-12-28'] };

  it('a holiday is not a sending day; with skip weekends, neither is a weekend', () => {
    expect(isSendingDay('2026-12-25', xmas)).toBe(false);
    expect(isSendingDay('2026-12-26', xmas)).toBe(false);
    expect(isSendingDay('2026-12-26', { ...xmas, skipWeekends: false })).toBe(true);
    expect(isSendingDay('2026-12-29', xmas)).toBe(true);
  });

  it('the next sending day jumps over holidays and the weekend between them', () => {
    expect(nextSendingDay('2026-12-24', xmas)).toBe('2026-12-29');
    expect(nextSendingDay('2026-12-23', xmas)).toBe('2026-12-23');
    expect(nextSendingDay('2026-12-25', { skipWeekends: false, holidays: xmas.holidays })).toBe('2026-12-26');
  });

  it('a follow-up due on a holiday goes out on the next sending day, and Next Follow-up says so', () => {
    const s = { ...defaultSettings(), holidays: ['2026-12-25'] };
    const due = '2026-12-24'; // the reminder is due on the 25th
    expect(evaluateInvoice(invoice(due), emptyHistory(), s, '2026-12-20').nextFollowUp).toBe('2026-12-26');
    expect(evaluateInvoice(invoice(due), emptyHistory(), s, '2026-12-25')).toMatchObject({
      dueToday: null,
      nextFollowUp: '2026-12-26',
    });
    expect(evaluateInvoice(invoice(due), emptyHistory(), s, '2026-12-26').dueToday?.stage).toBe('reminder');
  });

  it('property: over daily runs, nothing goes out on a non-sending day and nothing is lost', () => {
    const isoDate = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(
        isoDate,
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 20 }),
        fc.boolean(),
        (due, offsets, skipWeekends) => {
          const holidays = [...new Set(offsets.map((o) => addDays(due, o)))].sort();
          const s = { ...defaultSettings(), holidays, skipWeekends };
          let h = emptyHistory();
          const sent: string[] = [];
          for (let d = 0; d < 120; d++) {
            const day = addDays(due, d);
            const e = evaluateInvoice(invoice(due), h, s, day);
            if (!e.dueToday || e.dueToday.stage === 'final') continue;
            expect(holidays.includes(day)).toBe(false);
            if (skipWeekends) expect(isWeekend(day)).toBe(false);
            sent.push(e.dueToday.stage);
            h = withSent(h, e.dueToday.stage, day);
          }
          expect(sent.at(-1)).toBe('formal');
        },
      ),
      { numRuns: 200 },
    );
  });
});
