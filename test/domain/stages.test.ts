import fc from 'fast-check';
import { addDays, daysBetween, isWeekend } from '../../src/domain/dates';
import { defaultSettings, parseSettings } from '../../src/domain/settings';
import { emptyHistory, evaluateInvoice, stageOrder, thankYouDue, withSent, type InvoiceHistory } from '../../src/domain/stages';
import type { EmailStageId, Invoice, IsoDate, Settings } from '../../src/domain/types';
import { invoiceDue } from './invoiceFixture';

const invoice = invoiceDue;

interface Sent {
  stage: EmailStageId;
  day: IsoDate;
}

/** Runs the stage machine on each of `runDays`, recording sends as a run would. */
function simulate(inv: Invoice, settings: Settings, runDays: IsoDate[], start: InvoiceHistory = emptyHistory()) {
  let history = start;
  const sent: Sent[] = [];
  const superseded: EmailStageId[] = [];
  let decisions = 0;
  for (const day of runDays) {
    const e = evaluateInvoice(inv, history, settings, day);
    if (!e.dueToday) continue;
    if (e.dueToday.stage === 'final') {
      decisions++;
      superseded.push(...e.dueToday.superseded);
      history = { ...history, decisionLogged: true };
      continue;
    }
    sent.push({ stage: e.dueToday.stage, day });
    superseded.push(...e.dueToday.superseded);
    history = withSent(history, e.dueToday.stage, day);
  }
  return { sent, superseded, decisions, history };
}

function everyDay(from: IsoDate, n: number): IsoDate[] {
  return Array.from({ length: n }, (_, i) => addDays(from, i));
}

describe('a month of daily runs', () => {
  const due = '2026-11-02';
  it('sends each stage on due+1, +7, +14, +21 exactly once and nothing from +30 on', () => {
    const { sent, decisions } = simulate(invoice(due), defaultSettings(), everyDay(due, 60));
    expect(sent).toEqual([
      { stage: 'reminder', day: addDays(due, 1) },
      { stage: 'firm', day: addDays(due, 7) },
      { stage: 'escalate', day: addDays(due, 14) },
      { stage: 'formal', day: addDays(due, 21) },
    ]);
    expect(decisions).toBe(1);
  });

  it('reports the status that matches the last stage sent', () => {
    const s = defaultSettings();
    const h = simulate(invoice(due), s, everyDay(due, 15)).history;
    expect(evaluateInvoice(invoice(due), h, s, addDays(due, 15)).status).toBe('Call client');
    const h2 = simulate(invoice(due), s, everyDay(due, 22)).history;
    expect(evaluateInvoice(invoice(due), h2, s, addDays(due, 22)).status).toBe('Final notice');
    expect(evaluateInvoice(invoice(due), h2, s, addDays(due, 30)).status).toBe('Decide next step');
    expect(evaluateInvoice(invoice(due), emptyHistory(), s, addDays(due, -2)).status).toBe('Not due');
    expect(evaluateInvoice(invoice(due), emptyHistory(), s, due).status).toBe('Due today');
  });

  it('says when the next follow-up is due', () => {
    const s = defaultSettings();
    const afterReminder = withSent(emptyHistory(), 'reminder', addDays(due, 1));
    expect(evaluateInvoice(invoice(due), afterReminder, s, addDays(due, 2)).nextFollowUp).toBe(addDays(due, 7));
    expect(evaluateInvoice(invoice(due), emptyHistory(), s, addDays(due, -5)).nextFollowUp).toBe(addDays(due, 1));
  });
});

describe('catch-up, gaps and stops', () => {
  const due = '2026-03-10';
  const s = defaultSettings();

  it('first seen 10 days late: one firm email, the reminder logged as superseded, no burst', () => {
    const { sent, superseded } = simulate(invoice(due), s, everyDay(addDays(due, 10), 3));
    expect(sent).toEqual([{ stage: 'firm', day: addDays(due, 10) }]);
    expect(superseded).toEqual(['reminder']);
  });

  it('first seen 47 days late: the formal notice, then the decision after its reply-by date', () => {
    const { sent, decisions, superseded } = simulate(invoice(due), s, everyDay(addDays(due, 47), 10));
    expect(sent).toEqual([{ stage: 'formal', day: addDays(due, 47) }]);
    expect(superseded).toEqual(['reminder', 'firm', 'escalate']);
    expect(decisions).toBe(1);
    const afterNotice = withSent(emptyHistory(), 'formal', addDays(due, 47));
    expect(evaluateInvoice(invoice(due), afterNotice, s, addDays(due, 50))).toMatchObject({
      status: 'Final notice',
      dueToday: null,
      nextFollowUp: addDays(due, 55),
    });
    expect(evaluateInvoice(invoice(due), afterNotice, s, addDays(due, 54)).dueToday).toBeNull();
    expect(evaluateInvoice(invoice(due), afterNotice, s, addDays(due, 55))).toMatchObject({
      status: 'Decide next step',
      dueToday: { stage: 'final', superseded: [] },
    });
  });

  it('with the formal notice turned off, the decision waits for the last email stage and its reply-by date', () => {
    const noFormal = { ...s, stageDays: { ...s.stageDays, formal: null } };
    const h = withSent(emptyHistory(), 'escalate', addDays(due, 40));
    expect(evaluateInvoice(invoice(due), h, noFormal, addDays(due, 47)).dueToday).toBeNull();
    expect(evaluateInvoice(invoice(due), h, noFormal, addDays(due, 48)).dueToday?.stage).toBe('final');
  });

  it('a decision logged before (by an older version) is not logged again and keeps its status', () => {
    const h = { ...emptyHistory(), lastSkippedStage: 'formal' as const, decisionLogged: true };
    expect(evaluateInvoice(invoice(due), h, s, addDays(due, 45))).toMatchObject({ status: 'Decide next step', dueToday: null });
  });

  it('waits minGapDays after the last follow-up', () => {
    const h = withSent(emptyHistory(), 'reminder', addDays(due, 5));
    const e = evaluateInvoice(invoice(due), h, s, addDays(due, 7));
    expect(e.dueToday).toBeNull();
    expect(e.nextFollowUp).toBe(addDays(due, 8));
    expect(evaluateInvoice(invoice(due), h, s, addDays(due, 8)).dueToday?.stage).toBe('firm');
  });

  it('a same-day re-run sends nothing more', () => {
    const day = addDays(due, 1);
    const h = withSent(emptyHistory(), 'reminder', day);
    expect(evaluateInvoice(invoice(due), h, s, day).dueToday).toBeNull();
  });

  it.each([
    ['paid date set', { paidDate: '2026-03-11' }, 'Paid'],
    ['paid in full', { amountPaid: 1000 }, 'Paid'],
    ['paused', { paused: true }, 'Paused'],
  ] as const)('%s: nothing is due', (_name, over, status) => {
    const e = evaluateInvoice(invoice(due, over), emptyHistory(), s, addDays(due, 9));
    expect(e.status).toBe(status);
    expect(e.dueToday).toBeNull();
  });

  it('a partial payment keeps escalating', () => {
    const e = evaluateInvoice(invoice(due, { amountPaid: 400, balance: 600 }), emptyHistory(), s, addDays(due, 1));
    expect(e.dueToday?.stage).toBe('reminder');
  });

  it('an open dispute pauses; resolving resumes no sooner than minGapDays later', () => {
    const open = { ...emptyHistory(), disputeOpen: true };
    expect(evaluateInvoice(invoice(due), open, s, addDays(due, 9)).status).toBe('Disputed');
    const resolved = { ...emptyHistory(), disputeResolvedOn: addDays(due, 9) };
    expect(evaluateInvoice(invoice(due), resolved, s, addDays(due, 10)).dueToday).toBeNull();
    expect(evaluateInvoice(invoice(due), resolved, s, addDays(due, 12)).dueToday?.stage).toBe('firm');
  });

  it('needs review holds everything back', () => {
    const h = { ...emptyHistory(), needsReview: 'the reminder may not have been sent' };
    const e = evaluateInvoice(invoice(due), h, s, addDays(due, 9));
    expect(e.status).toBe('Needs review');
    expect(e.dueToday).toBeNull();
  });

  it('the courtesy nudge goes out before the due date when turned on', () => {
    const withNudge = { ...s, stageDays: { ...s.stageDays, nudge: -3 } };
    const { sent } = simulate(invoice(due), withNudge, everyDay(addDays(due, -10), 12));
    expect(sent.map((x) => [x.stage, daysBetween(due, x.day)])).toEqual([
      ['nudge', -3],
      ['reminder', 1],
    ]);
  });

  it('skip weekends moves a Saturday send to Monday', () => {
    const friday = '2026-11-20';
    const weekendSettings = { ...s, skipWeekends: true };
    const { sent } = simulate(invoice(friday), weekendSettings, everyDay(friday, 5));
    expect(sent).toEqual([{ stage: 'reminder', day: '2026-11-23' }]);
  });
});

// ---- properties ------------------------------------------------------------------------------

const isoDate = fc
  .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** Valid settings: rising stage days, some stages turned off. */
const settingsArb = fc
  .record({
    nudge: fc.option(fc.integer({ min: -10, max: -1 }), { nil: null }),
    gaps: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 5, maxLength: 5 }),
    firstDay: fc.integer({ min: 0, max: 5 }),
    off: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    minGapDays: fc.integer({ min: 1, max: 10 }),
    skipWeekends: fc.boolean(),
  })
  .map(({ nudge, gaps, firstDay, off, minGapDays, skipWeekends }) => {
    const s = defaultSettings();
    let day = firstDay;
    const days = [day];
    for (const g of gaps.slice(0, 4)) days.push((day += g));
    s.stageDays = {
      nudge,
      reminder: days[0]!,
      firm: off[0] ? null : days[1]!,
      escalate: off[1] ? null : days[2]!,
      formal: off[2] ? null : days[3]!,
      final: off[3] ? null : days[4]!,
    };
    s.minGapDays = minGapDays;
    s.skipWeekends = skipWeekends;
    return s;
  });

/** Run days: increasing offsets from the due date, with random holes (missed runs). */
const runOffsets = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 40 }).chain((steps) =>
  fc.integer({ min: -15, max: 40 }).map((start) => {
    const out: number[] = [];
    let at = start;
    for (const step of steps) out.push((at += step));
    return out;
  }),
);

describe('stage machine properties', () => {
  it('generated settings are valid', () => {
    fc.assert(fc.property(settingsArb, (s) => parseSettings(s).issues.length === 0));
  });

  it('no stage twice, never two emails on one day, never before due + offset, gaps respected', () => {
    fc.assert(
      fc.property(isoDate, settingsArb, runOffsets, (due, settings, offsets) => {
        const days = offsets.map((o) => addDays(due, o));
        const { sent, decisions } = simulate(invoice(due), settings, days);
        const stages = sent.map((x) => x.stage);
        expect(new Set(stages).size).toBe(stages.length);
        for (let i = 1; i < sent.length; i++) {
          expect(stageOrder(sent[i]!.stage)).toBeGreaterThan(stageOrder(sent[i - 1]!.stage));
          expect(daysBetween(sent[i - 1]!.day, sent[i]!.day)).toBeGreaterThanOrEqual(settings.minGapDays);
        }
        for (const x of sent) {
          expect(daysBetween(due, x.day)).toBeGreaterThanOrEqual(settings.stageDays[x.stage]!);
          if (settings.skipWeekends) expect(isWeekend(x.day)).toBe(false);
        }
        expect(decisions).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it('running every day never leaves a stage unsent that a daily schedule reaches (no lost stages)', () => {
    fc.assert(
      fc.property(isoDate, settingsArb, (due, settings) => {
        const s = { ...settings, minGapDays: 1, skipWeekends: false };
        const { sent } = simulate(invoice(due), s, everyDay(addDays(due, -15), 120));
        const expected = (['nudge', 'reminder', 'firm', 'escalate', 'formal'] as const).filter((st) => s.stageDays[st] !== null);
        expect(sent.map((x) => x.stage)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('the decision never comes before the notice went out and its reply-by date passed, whatever the run days', () => {
    fc.assert(
      fc.property(isoDate, settingsArb, runOffsets, fc.integer({ min: 1, max: 30 }), (due, settings, offsets, replyByDays) => {
        const s = { ...settings, replyByDays };
        const days = offsets.map((o) => addDays(due, o));
        const notice = (['formal', 'escalate', 'firm', 'reminder'] as const).find((st) => s.stageDays[st] !== null)!;
        let history = emptyHistory();
        let noticeOn: IsoDate | null = null;
        for (const day of days) {
          const e = evaluateInvoice(invoice(due), history, s, day);
          if (e.status === 'Decide next step' || e.dueToday?.stage === 'final') {
            expect(noticeOn).not.toBeNull();
            expect(daysBetween(noticeOn!, day)).toBeGreaterThan(replyByDays);
            expect(daysBetween(due, day)).toBeGreaterThanOrEqual(s.stageDays.final!);
          }
          if (!e.dueToday) continue;
          if (e.dueToday.stage === 'final') history = { ...history, decisionLogged: true };
          else {
            history = withSent(history, e.dueToday.stage, day);
            if (e.dueToday.stage === notice) noticeOn = day;
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a history from any source never makes an earlier stage due again', () => {
    fc.assert(
      fc.property(
        isoDate,
        settingsArb,
        fc.integer({ min: -5, max: 60 }),
        fc.constantFrom<EmailStageId>('reminder', 'firm', 'escalate', 'formal'),
        (due, settings, offset, last) => {
          const h = withSent(emptyHistory(), last, addDays(due, -20));
          const e = evaluateInvoice(invoice(due), h, settings, addDays(due, offset));
          if (e.dueToday) expect(stageOrder(e.dueToday.stage)).toBeGreaterThan(stageOrder(last));
        },
      ),
    );
  });
});

describe('thank-you when paid', () => {
  const due = '2026-11-02';
  const chased = withSent(emptyHistory(), 'reminder', '2026-11-03');
  const paid = invoice(due, { paidDate: '2026-11-10' });

  it('due once for an invoice paid after the setting was turned on, that the add-on had followed up', () => {
    expect(thankYouDue(paid, chased, '2026-11-05')).toBe(true);
    expect(thankYouDue(paid, { ...chased, thankYouSent: true }, '2026-11-05')).toBe(false);
  });

  it('never for invoices paid before the setting was turned on, with the setting off, unpaid or never chased', () => {
    expect(thankYouDue(paid, chased, '2026-11-11')).toBe(false);
    expect(thankYouDue(paid, chased, null)).toBe(false);
    expect(thankYouDue(invoice(due), chased, '2026-11-05')).toBe(false);
    expect(thankYouDue(paid, emptyHistory(), '2026-11-05')).toBe(false);
  });

  it('without a Paid Date: the day a run first found it paid counts; unknown means no thank-you', () => {
    const byWord = invoice(due, { paid: true });
    expect(thankYouDue(byWord, chased, '2026-11-05')).toBe(false);
    expect(thankYouDue(byWord, { ...chased, paidSeenOn: '2026-11-12' }, '2026-11-05')).toBe(true);
    expect(thankYouDue(byWord, { ...chased, paidSeenOn: '2026-11-01' }, '2026-11-05')).toBe(false);
  });
});
