import fc from 'fast-check';
import { addDays, daysBetween } from '../../src/domain/dates';
import { defaultTemplates } from '../../src/domain/defaultTemplates';
import { planFollowUps, statusCells, withWords, wordsContext, type PlanInput } from '../../src/domain/plan';
import { promisedDateFor, promiseState, withPromises, type PromiseRecord } from '../../src/domain/promise';
import { defaultSettings } from '../../src/domain/settings';
import { emptyHistory, evaluateInvoice, withPromiseMissedSent, withSent, type InvoiceHistory } from '../../src/domain/stages';
import type { Invoice, IsoDate } from '../../src/domain/types';

const DUE = '2026-11-02';

function invoice(over: Partial<Invoice> = {}): Invoice {
  return {
    row: 2,
    key: 'INV-1',
    invoice: 'INV-1',
    client: 'Acme',
    emails: ['pat@acme.test'],
    amount: 1000,
    amountPaid: 0,
    balance: 1000,
    currency: 'USD',
    issueDate: null,
    dueDate: DUE,
    paidDate: null,
    contactName: '',
    billingEmails: ['ap@acme.test'],
    paused: false,
    paymentLink: '',
    ...over,
  };
}

const record = (promisedDate: IsoDate, recordedOn: IsoDate, over: Partial<PromiseRecord> = {}): PromiseRecord => ({
  key: 'INV-1',
  promisedDate,
  recordedOn,
  ...over,
});

describe('the promise in force', () => {
  it('the column alone, a record alone, and the later of both', () => {
    expect(promisedDateFor(invoice({ promisedDate: '2026-11-19' }), [])).toBe('2026-11-19');
    expect(promisedDateFor(invoice(), [record('2026-11-20', '2026-11-05')])).toBe('2026-11-20');
    expect(promisedDateFor(invoice({ promisedDate: '2026-11-19' }), [record('2026-11-25', '2026-11-05')])).toBe('2026-11-25');
    expect(promisedDateFor(invoice({ promisedDate: '2026-11-30' }), [record('2026-11-25', '2026-11-05')])).toBe('2026-11-30');
  });

  it("the latest record counts; a withdrawn one cancels the add-on's promise but not the column", () => {
    const records = [record('2026-11-20', '2026-11-05'), record('2026-11-28', '2026-11-10')];
    expect(promisedDateFor(invoice(), records)).toBe('2026-11-28');
    expect(promisedDateFor(invoice(), [...records, record('2026-11-28', '2026-11-12', { withdrawn: true })])).toBeNull();
    expect(
      promisedDateFor(invoice({ promisedDate: '2026-11-19' }), [record('2026-11-28', '2026-11-12', { withdrawn: true })]),
    ).toBe('2026-11-19');
    expect(promisedDateFor(invoice(), [record('2026-11-20', '2026-11-05', { key: 'OTHER' })])).toBeNull();
  });

  it('withPromises puts each invoice its own promise', () => {
    const [a, b] = withPromises([invoice(), invoice({ key: 'INV-2' })], [record('2026-11-20', '2026-11-05')]);
    expect(a?.promisedDate).toBe('2026-11-20');
    expect(b?.promisedDate).toBeUndefined();
  });

  it('holding through the promised date, missed the day after, none once its email went', () => {
    expect(promiseState(null, null, '2026-11-20')).toEqual({ kind: 'none' });
    expect(promiseState('2026-11-19', null, '2026-11-19')).toEqual({
      kind: 'holding',
      promisedDate: '2026-11-19',
      resumesOn: '2026-11-20',
    });
    expect(promiseState('2026-11-19', null, '2026-11-20')).toEqual({ kind: 'missed', promisedDate: '2026-11-19' });
    expect(promiseState('2026-11-19', '2026-11-19', '2026-11-20')).toEqual({ kind: 'none' });
    expect(promiseState('2026-11-25', '2026-11-19', '2026-11-26')).toEqual({ kind: 'missed', promisedDate: '2026-11-25' });
  });
});

interface Day {
  day: IsoDate;
  what: string;
}

/** Daily runs: records each stage email, decision and "promise missed" email as a run would. */
function simulate(inv: Invoice, days: IsoDate[], start: InvoiceHistory = emptyHistory(), settings = defaultSettings()): Day[] {
  let h = start;
  const out: Day[] = [];
  for (const day of days) {
    const e = evaluateInvoice(inv, h, settings, day);
    if (e.promiseMissedDue !== undefined) {
      out.push({ day, what: 'promiseMissed' });
      h = withPromiseMissedSent(h, e.promiseMissedDue, day);
    } else if (e.dueToday?.stage === 'final') {
      out.push({ day, what: 'final' });
      h = { ...h, decisionLogged: true };
    } else if (e.dueToday) {
      out.push({ day, what: e.dueToday.stage });
      h = withSent(h, e.dueToday.stage, day);
    }
  }
  return out;
}

const everyDay = (from: IsoDate, n: number): IsoDate[] => Array.from({ length: n }, (_, i) => addDays(from, i));

describe('a promise in the schedule', () => {
  it('"the client promised to pay on the 19th": nothing until then, one email on the 20th, then the schedule resumes', () => {
    const afterFirm = withSent(withSent(emptyHistory(), 'reminder', addDays(DUE, 1)), 'firm', addDays(DUE, 7));
    const inv = invoice({ promisedDate: '2026-11-19' });
    const s = defaultSettings();
    const holding = evaluateInvoice(inv, afterFirm, s, '2026-11-16');
    expect(holding).toMatchObject({ status: 'Promised', promisedDate: '2026-11-19', nextFollowUp: '2026-11-20', dueToday: null });
    expect(statusCells({ error: null, outcome: null } as never, holding, undefined).status).toBe('Promised by 2026-11-19');
    const events = simulate(inv, everyDay(addDays(DUE, 9), 40), afterFirm);
    expect(events).toEqual([
      { day: '2026-11-20', what: 'promiseMissed' },
      { day: '2026-11-23', what: 'formal' }, // escalate (day 14) superseded; minGapDays after the promise email
      { day: '2026-12-02', what: 'final' }, // day 30, after the reply-by date of 2026-11-30
    ]);
  });

  it('a paid invoice is not told it missed its promise', () => {
    const e = evaluateInvoice(
      invoice({ promisedDate: '2026-11-19', paidDate: '2026-11-18' }),
      emptyHistory(),
      defaultSettings(),
      '2026-11-20',
    );
    expect(e.status).toBe('Paid');
    expect(e.promiseMissedDue).toBeUndefined();
  });

  it('plans the promise-missed email quoting the date, to the contact with billing copied', () => {
    const input: PlanInput = {
      rows: [{ ok: true, invoice: invoice() }],
      histories: new Map([['INV-1', withSent(emptyHistory(), 'reminder', addDays(DUE, 1))]]),
      settings: { ...defaultSettings(), senderName: 'Sam Rivera' },
      templates: defaultTemplates(),
      ctx: { timeZone: 'America/New_York', locale: 'en_US', today: '2026-11-11' },
      selfEmail: null,
      promises: [record('2026-11-10', '2026-11-04')],
    };
    const plan = planFollowUps(input);
    expect(plan.emails).toEqual([]);
    expect(plan.promiseMissed).toHaveLength(1);
    expect(plan.promiseMissed[0]).toMatchObject({ promisedDate: '2026-11-10', to: ['pat@acme.test'], cc: ['ap@acme.test'] });
    expect(withWords(plan.promiseMissed[0]!, wordsContext(input)).text).toMatch(/would be paid by November 10, 2026/);
    expect(plan.rows[0]?.promiseMissed?.key).toBe('INV-1');
    // The day before, the promise still holds: nothing goes out.
    const holding = planFollowUps({ ...input, ctx: { ...input.ctx, today: '2026-11-10' } });
    expect(holding.emails).toEqual([]);
    expect(holding.promiseMissed).toEqual([]);
    expect(holding.rows[0]?.evaluation?.status).toBe('Promised');
    // Once its email went out, the schedule resumes after the gap.
    const history = withPromiseMissedSent(input.histories.get('INV-1')!, '2026-11-10', '2026-11-11');
    const after = planFollowUps({ ...input, histories: new Map([['INV-1', history]]) });
    expect(after.promiseMissed).toEqual([]);
  });
});

describe('promise properties', () => {
  it('nothing goes out while a promise holds; its missed email at most once; the gap is kept after it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 40 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        (promiseOffset, steps, minGapDays) => {
          const promisedDate = addDays(DUE, promiseOffset);
          const settings = { ...defaultSettings(), minGapDays };
          let at = -3;
          const days = steps.map((st) => addDays(DUE, (at += st)));
          const events = simulate(invoice({ promisedDate }), days, emptyHistory(), settings);
          const emails = events.filter((e) => e.what !== 'final');
          for (const e of emails) expect(e.day > promisedDate || e.what === 'nudge').toBe(true);
          expect(emails.filter((e) => e.what === 'promiseMissed').length).toBeLessThanOrEqual(1);
          for (let i = 1; i < emails.length; i++) {
            expect(daysBetween(emails[i - 1]!.day, emails[i]!.day)).toBeGreaterThanOrEqual(minGapDays);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
