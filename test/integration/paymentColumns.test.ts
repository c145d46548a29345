// Never claim more than is owed, on the built add-on (docs/own-sheet.md "A payment column the add-on
// does not know"): amt_paid and Open Amount are simply read; a column that looks like money paid but is
// not read stops the run with "Open the sidebar › Columns" before anything is sent, the Columns step
// pre-fills the guess, and once the user confirms it (or says it is not a payment column) runs go ahead.
import { loadSheetFixtures, type SheetFixture } from '../fixtures/sheetFixtures';
import { everyAction, loadFixture, statusesByFirstCell, userCells, type Loaded } from './ownSheetFixtures';

const FIXTURES = loadSheetFixtures();
const byName = (name: string): SheetFixture => FIXTURES.find((f) => f.name === name)!;
const RECEIVED = 'Received so far (inc. deposit)';

const mails = (t: Loaded) => t.runtime.mail.sent.map((m) => ({ subject: m.subject, to: m.to.join(','), body: m.body }));
const call = <R>(t: Loaded, name: string, ...args: unknown[]) => t.addon.callAsScriptRun(name, ...args) as R;

interface Columns {
  needed: boolean;
  problems: string[];
  fields: Array<{ field: string; header: string; problem: string | null }>;
  questions: Array<{ header: string; guess: string; answer: string; message: string }>;
  rows: Array<{ cells: Array<{ label: string; text: string }> }>;
  notPayment: string[];
}
type Saved = { ok: boolean; problems?: string[]; columns?: Columns };

/** Yes to every confirmation, OK to every message. */
function answerEveryDialog(t: Loaded): void {
  t.runtime.ui.nextResponse = (_kind, buttons) => ({ button: buttons.startsWith('YES') ? 'YES' : 'OK', text: '' });
}

function blockedSheet(): Loaded {
  const t = loadFixture(byName('received-so-far-column'));
  answerEveryDialog(t);
  t.addon.call('runFollowUps');
  return t;
}

describe('a payment column the add-on does not know', () => {
  it('stops the run before anything is sent, pointing to the Columns step, which pre-fills the guess', () => {
    const t = blockedSheet();
    expect(mails(t)).toEqual([]);
    const alert = t.runtime.ui.alerts.map((a) => a.prompt).find((p) => p.includes(RECEIVED));
    expect(alert).toMatch(/looks like what was paid, but the add-on does not read it.*Open the sidebar › Columns/s);
    const data = call<{ columns?: Columns }>(t, 'getSidebarData');
    expect(data.columns?.needed).toBe(true);
    expect(data.columns?.questions).toEqual([
      expect.objectContaining({ header: RECEIVED, guess: 'amountPaid', answer: 'amountPaid' }),
    ]);
    expect(data.columns?.fields.find((f) => f.field === 'amountPaid')).toMatchObject({ header: RECEIVED });
    // The preview reads the rows with the guess: the balance is what is still owed.
    expect(data.columns?.rows[0]?.cells.find((c) => c.label === 'Balance')?.text).toBe('$500.00');
    // Unrelated numbers (Hours, Rate, VAT) are not asked about.
    expect(data.columns?.questions.map((q) => q.header)).toEqual([RECEIVED]);
  });

  it('confirmed as Amount Paid: the choice is saved and the email quotes the balance', () => {
    const t = blockedSheet();
    const saved = call<Saved>(t, 'saveColumnMapping', { amountPaid: RECEIVED });
    expect(saved.ok).toBe(true);
    expect(saved.columns?.needed).toBe(false);
    t.addon.call('runFollowUps');
    const umbrella = mails(t).find((m) => m.to === 'ap@umbrella.test');
    expect(umbrella?.body).toContain('$500.00');
    expect(umbrella?.body).not.toContain('$1,200.00');
  });

  it('"not a payment column": saved as such (kept in the store, not in a cell), and runs go ahead', () => {
    const t = blockedSheet();
    const before = userCells(
      t,
      Array.from({ length: t.width }, (_, i) => i + 1),
    );
    const saved = call<Saved>(t, 'saveColumnMapping', {}, [RECEIVED]);
    expect(saved.ok).toBe(true);
    expect(saved.columns?.questions).toEqual([expect.objectContaining({ header: RECEIVED, answer: 'none' })]);
    expect(storedNotPayment(t)).toEqual([RECEIVED]);
    t.addon.call('runFollowUps');
    expect(mails(t).map((m) => m.to)).toEqual(['ap@umbrella.test', 'ap@wayne.test']);
    expect(
      userCells(
        t,
        Array.from({ length: t.width }, (_, i) => i + 1),
      ),
    ).toBe(before);
  });

  it('saving without answering is refused in words; the preview shows an answer before it is saved', () => {
    const t = blockedSheet();
    const refused = call<Saved>(t, 'saveColumnMapping', {});
    expect(refused.ok).toBe(false);
    expect(refused.problems?.[0]).toMatch(/looks like what was paid/);
    const preview = call<Columns>(t, 'previewColumnMapping', { balance: RECEIVED }, []);
    expect(preview.questions).toEqual([expect.objectContaining({ header: RECEIVED, answer: 'balance' })]);
    expect(preview.rows[0]?.cells.find((c) => c.label === 'Balance')?.text).toBe('$700.00');
    expect(call<Columns>(t, 'previewColumnMapping', null).notPayment).toEqual([]);
  });

  it('the mapped fixture: read as Amount Paid, every action leaves the user cells alone', () => {
    const t = loadFixture(byName('received-so-far-column-mapped'));
    everyAction(t);
    expect(mails(t).find((m) => m.to === 'ap@umbrella.test')?.body).toContain('$500.00');
  });
});

describe('the obvious spellings are simply read', () => {
  it('amt_paid beside Total and an Open Amount: the email quotes the balance, the paid one is not chased', () => {
    const t = loadFixture(byName('amt-paid-and-open-amount'));
    everyAction(t);
    expect(mails(t).map((m) => m.to)).toEqual(['ap@initech.test']);
    expect(mails(t)[0]?.body).toContain('$1,000.00');
    expect(statusesByFirstCell(t, /^Status$/, 1)['P-2']).toBe('Paid');
  });

  it('the 1926 fixture: held for review, the other invoice chased', () => {
    const t = loadFixture(byName('due-date-typo-1926'));
    everyAction(t);
    expect(mails(t).map((m) => m.to)).toEqual(['ap@globex.test']);
    expect(statusesByFirstCell(t, /^Status$/, 1)['T-1']).toMatch(/^Needs review: Due date 1926-11-20 looks like a typo/);
  });
});

/** The "not a payment column" list in the add-on's store (the spreadsheet's developer metadata). */
function storedNotPayment(t: Loaded): unknown {
  const entry = t.runtime.spreadsheets.active()?.model.metadata.entries.find((e) => e.key === 'ifu:notPaymentColumns');
  return entry?.value ? (JSON.parse(entry.value) as unknown) : null;
}
