// The built add-on on the sheets people already keep (docs/own-sheet.md): every fixture of
// test/fixtures/sheets loaded into the local runtime with its formats and formulas, then preview,
// a confirmed run, setup and the sidebar's reads. No user cell changes, nothing paid is chased.
import fc from 'fast-check';
import { loadSheetFixtures, type SheetFixture } from '../fixtures/sheetFixtures';
import {
  everyAction,
  loadFixture,
  OWN_SHEET,
  statusesByFirstCell,
  statusesByRow,
  userCells,
  type Loaded,
} from './ownSheetFixtures';

const FIXTURES = loadSheetFixtures();
const byName = (name: string): SheetFixture => FIXTURES.find((f) => f.name === name)!;

/** The user's columns: all of them, but the five status columns of a sheet the add-on made. */
function userColumns(f: SheetFixture, width: number): number[] {
  const all = Array.from({ length: width }, (_, i) => i + 1);
  return f.name === 'made-by-the-add-on' ? all.slice(0, 5) : all;
}

function afterEveryAction(f: SheetFixture): { t: Loaded; before: string; after: string } {
  const t = loadFixture(f);
  const columns = userColumns(f, t.width);
  const before = userCells(t, columns);
  everyAction(t);
  return { t, before, after: userCells(t, columns) };
}

const mails = (t: Loaded) => t.runtime.mail.sent.map((m) => ({ subject: m.subject, to: m.to.join(','), body: m.body }));

describe.each(FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, f) => {
  it('no cell of a user column (value or formula) changes across preview, run, setup and the sidebar', () => {
    const { before, after } = afterEveryAction(f);
    expect(after).toBe(before);
  });
});

describe('what each row gets', () => {
  it("a user's Status column is read: Paid, on hold and unknown words are not chased; the add-on's own column has a distinct title", () => {
    const { t } = afterEveryAction(byName('own-status-and-pipeline-stage'));
    const header = t.runtime.sheet(OWN_SHEET).displayRows()[0];
    expect(header).toEqual(expect.arrayContaining(['Stage', 'Status', 'Follow-up Status', 'Follow-up Stage']));
    const s = statusesByFirstCell(t, /^Follow-up Status$/, 1);
    expect(s).toMatchObject({ 'P-2': 'Paid', 'P-3': 'Paused' });
    expect(s['P-1']).toMatch(/^Needs review: Status 'Pending approval'/);
    expect(mails(t)).toEqual([]);
  });

  it('Paid Yes/No beside a Balance: the paid one is not chased, the contradiction is held, the balance is quoted', () => {
    const { t } = afterEveryAction(byName('paid-yes-no-and-balance'));
    const s = statusesByFirstCell(t, /^Status$/, 1);
    expect(s['AU-2']).toBe('Paid');
    expect(s['AU-3']).toMatch(/^Needs review: Paid is ticked, but Balance is/);
    expect(mails(t).map((m) => m.to)).toEqual(['ap@bondi.test']);
  });

  it('a Paid tick box and a Date Paid column: either one stops the follow-ups', () => {
    const { t } = afterEveryAction(byName('uk-freelancer-tick-and-date'));
    const s = statusesByFirstCell(t, /^Status$/, 1);
    expect([s['0101'], s['0102']]).toEqual(['Paid', 'Paid']);
    expect(mails(t).map((m) => m.to)).toEqual(['ap@dover.test']);
    expect(mails(t)[0]?.body).toContain('£980.00');
  });

  it('the balance quoted is the Amount Due / Outstanding column, not the total', () => {
    const wave = afterEveryAction(byName('wave-style-export')).t;
    expect(mails(wave).find((m) => m.subject.includes('28'))?.body).toContain('$800.00');
    const sheetxai = afterEveryAction(byName('sheetxai-style-log')).t;
    expect(mails(sheetxai).map((m) => m.to)).toEqual(['ap@blueyonder.test']);
    expect(mails(sheetxai)[0]?.body).toContain('$1,500.00');
  });

  it('a header under a title and a dashboard: statuses are written below it, on the right rows', () => {
    const { t } = afterEveryAction(byName('quickbooks-invoice-list'));
    const s = statusesByFirstCell(t, /^Status$/, 4);
    expect(s).toMatchObject({ '1037': 'Final notice', '1038': 'Paid', '1039': 'Credit note', '(TOTAL)': 'Total row' });
    const rows = t.runtime.sheet(OWN_SHEET).displayRows();
    expect(rows.slice(0, 4).every((row) => row.slice(10).every((c) => c === ''))).toBe(true); // title rows untouched
  });

  it('notes, credit notes and a total summed by formula get a short status and no email', () => {
    const { t } = afterEveryAction(byName('notes-totals-credit-notes'));
    const s = statusesByFirstCell(t, /^Status$/, 1);
    expect(s).toMatchObject({ 'N-1': 'Final notice', 'CN-1': 'Credit note' });
    expect(Object.values(s)).toEqual(expect.arrayContaining(['Note', 'Total row']));
    expect(mails(t).map((m) => m.subject)).toEqual(['Invoice N-1 from Sam Rivera']);
  });

  it('what the cell shows is what the email says: INV-0042 and euros from the number format', () => {
    const { t } = afterEveryAction(byName('number-formats-shown'));
    const [mail] = mails(t);
    expect(mail?.subject).toContain('INV-0042');
    expect(mail?.body).toContain('€1,000.00');
  });

  it('a day-first text date column in an en_US sheet is read day first, and the run says so once', () => {
    const { t } = afterEveryAction(byName('day-first-text-in-us-sheet'));
    expect(mails(t)[0]?.body).toContain('October 31, 2026');
    const warnings = t.runtime.ui.alerts.filter((a) => /can only be day\/month\/year/.test(a.prompt));
    expect(warnings).toHaveLength(2); // the preview and the run, one message each
  });

  it("the sidebar's overview counts rows that are not chased by what they are, and shows the sheet's warnings", () => {
    const notes = loadFixture(byName('notes-totals-credit-notes'));
    const data = notes.addon.call('getSidebarData') as {
      overview: { counts: { status: string; code: string | null; count: number }[] };
    };
    // Not the add-on's own statuses: no code (the sidebar lists them after its own).
    expect(data.overview.counts).toEqual(
      expect.arrayContaining([
        { status: 'Credit note', code: null, count: 1 },
        { status: 'Total row', code: null, count: 1 },
        { status: 'Note', code: null, count: 1 },
        { status: 'Overdue', code: 'overdue', count: 1 },
      ]),
    );
    const dayFirst = loadFixture(byName('day-first-text-in-us-sheet'));
    const warned = dayFirst.addon.call('getSidebarData') as { warnings: string[] };
    expect(warned.warnings.filter((w) => /can only be day\/month\/year/.test(w))).toHaveLength(1);
  });

  it('a sheet made by an earlier version has its five status columns adopted, not duplicated', () => {
    const { t } = afterEveryAction(byName('made-by-the-add-on'));
    const header = t.runtime.sheet(OWN_SHEET).displayRows()[0];
    expect(header).toEqual([
      'Invoice',
      'Client',
      'Email',
      'Amount',
      'Due Date',
      'Status',
      'Stage',
      'Days Overdue',
      'Last Follow-up',
      'Next Follow-up',
    ]);
    expect(mails(t).map((m) => m.to)).toEqual(['ap@acme.test']);
  });

  it("a formula the user typed into the add-on's column stays; an older sheet with formulas in its status columns is not adopted", () => {
    const t = loadFixture(byName('own-status-and-pipeline-stage'));
    everyAction(t);
    const sheet = t.runtime.sheet(OWN_SHEET);
    const days = (sheet.displayRows()[0] ?? []).indexOf('Days Overdue') + 1;
    sheet.setRaw(3, days, { formula: '=TODAY()-E3', value: 23 });
    t.runtime.clock.set('2026-11-25T09:00:00Z');
    t.addon.call('runFollowUps');
    expect(sheet.formulaAt(3, days)).toBe('=TODAY()-E3');
    const legacy = byName('made-by-the-add-on');
    const withFormula = { ...legacy, formulas: [[], ['', '', '', '', '', '', '', '=TODAY()-E2']] };
    const old = loadFixture(withFormula);
    everyAction(old);
    const header = old.runtime.sheet(OWN_SHEET).displayRows()[0];
    expect(header?.slice(10)).toEqual([
      'Follow-up Status',
      'Follow-up Stage',
      'Follow-up Days Overdue',
      'Last Follow-up Sent',
      'Next Follow-up Due',
    ]);
    expect(old.runtime.sheet(OWN_SHEET).formulaAt(2, 8)).toBe('=TODAY()-E2');
  });

  it('two columns for one meaning: runs stop and point to the Columns step; the saved choice is used', () => {
    const blocked = afterEveryAction(byName('net-and-gross-columns')).t;
    expect(mails(blocked)).toEqual([]);
    expect(blocked.runtime.ui.alerts.some((a) => /'Amount' and 'Total'.*Open the sidebar › Columns/.test(a.prompt))).toBe(true);
    const data = blocked.addon.call('getSidebarData') as {
      columns?: { needed: boolean; fields: { field: string; header: string }[] };
    };
    expect(data.columns?.needed).toBe(true);
    expect(data.columns?.fields.find((x) => x.field === 'amount')?.header).toBe('Amount');
    const saved = blocked.addon.call('saveColumnMapping', { amount: 'Total' }) as { ok: boolean };
    expect(saved.ok).toBe(true);
    blocked.addon.call('runFollowUps');
    expect(mails(blocked)[0]?.body).toContain('£1,200.00');
  });

  it('the Columns step previews the first rows as the add-on will read them, without saving', () => {
    const t = loadFixture(byName('net-and-gross-columns'));
    const view = t.addon.call('previewColumnMapping', { amount: 'Amount' }) as {
      rows: { cells: { label: string; text: string }[] }[];
      saved: object;
    };
    expect(view.rows[0]?.cells.find((c) => c.label === 'Amount')?.text).toBe('£1,000.00');
    expect(view.saved).toEqual({});
  });
});

describe('sheets as people keep them, second round: every row says what it is, and who is emailed', () => {
  const PARTIAL_HELD =
    'but there is no Amount Paid or Balance column to read how much: add one, or the emails would claim the full amount';
  /** Per fixture: the add-on's Status column title, each row's status by sheet row, and the addresses emailed. */
  const ROUND_TWO: Record<string, { title: RegExp; statuses: Record<number, string | RegExp>; emailed: string[] }> = {
    'spanish-tracker-es': {
      title: /^Status$/,
      statuses: { 2: 'Paid', 3: 'Call client', 4: 'Final notice', 5: 'Cancelled', 6: 'Paid', 7: 'Not due', 8: 'Paused' },
      emailed: ['admin@lumen.test', 'hola@tallersur.test'],
    },
    'mixed-languages-it-pt-nl': {
      title: /^Follow-up Status$/,
      statuses: {
        2: 'Paid',
        3: 'Overdue',
        4: 'Final notice',
        5: 'Cancelled',
        6: 'Disputed',
        7: 'Overdue',
        8: 'Final notice',
        9: 'Paid',
        10: 'Paused',
        11: 'Overdue',
        12: 'Paid',
        13: 'Overdue',
        14: 'Final notice',
        15: 'Overdue',
        16: 'Disputed',
        17: 'Cancelled',
      },
      emailed: [
        'administratie@molen.test',
        'boekhouding@polder.test',
        'contas@porto.test',
        'conti@verdi.test',
        'facturen@gracht.test',
        'fatture@ferri.test',
        'financeiro@lisboa.test',
      ],
    },
    'duplicate-rows-pasted-twice': {
      title: /^Status$/,
      statuses: {
        2: 'Call client',
        3: 'Overdue',
        4: 'Duplicate of row 2',
        5: /^Error: Invoice number 'INV-103' is used on rows 5 and 6 — each invoice needs its own number$/,
        6: /^Error: Invoice number 'INV-103' is used on rows 5 and 6 — each invoice needs its own number$/,
        7: /^Error: Invoice number 'INV-105' is used on rows 7 and 9 — each invoice needs its own number$/,
        8: 'Duplicate of row 7',
        9: /^Error: Invoice number 'INV-105' is used on rows 7 and 9 — each invoice needs its own number$/,
      },
      emailed: ['ap@acme.test', 'billing@birch.test'],
    },
    'header-pasted-again': {
      title: /^Status$/,
      statuses: { 2: 'Paid', 3: 'Final notice', 5: 'Header row', 6: 'Overdue', 7: 'Paid' },
      emailed: ['hello@kite.test', 'owner@harbour.test'],
    },
    'partially-paid-no-payment-column': {
      title: /^Follow-up Status$/,
      statuses: {
        2: `Needs review: Status says 'Partially paid' ${PARTIAL_HELD}`,
        3: `Needs review: Status says '💸 Partially paid' ${PARTIAL_HELD}`,
        4: `Needs review: Status says 'Partial' ${PARTIAL_HELD}`,
        5: `Needs review: Status says 'Pago parcial' ${PARTIAL_HELD}`,
        6: 'Overdue',
        7: 'Paid',
        8: 'Paid',
        9: 'Overdue',
      },
      emailed: ['ap@elm.test', 'ap@hazel.test'],
    },
  };

  it.each(Object.keys(ROUND_TWO))('%s', (name) => {
    const expected = ROUND_TWO[name]!;
    const { t, before, after } = afterEveryAction(byName(name));
    expect(after).toBe(before);
    const statuses = statusesByRow(t, expected.title);
    expect(Object.keys(statuses).map(Number)).toEqual(Object.keys(expected.statuses).map(Number));
    for (const [row, status] of Object.entries(expected.statuses)) {
      if (typeof status === 'string') expect([row, statuses[Number(row)]]).toEqual([row, status]);
      else expect([row, statuses[Number(row)]]).toEqual([row, expect.stringMatching(status)]);
    }
    // Each client once (one email per client), and only invoices to chase.
    expect(
      mails(t)
        .map((m) => m.to)
        .sort(),
    ).toEqual(expected.emailed);
  });

  it('an invoice pasted twice is emailed once, and the copy keeps its label on the next runs', () => {
    const { t } = afterEveryAction(byName('duplicate-rows-pasted-twice'));
    expect(mails(t).filter((m) => m.subject.includes('INV-101'))).toHaveLength(1);
    t.runtime.clock.set('2026-11-25T09:00:00Z');
    t.addon.call('runFollowUps');
    expect(statusesByRow(t, /^Status$/)[4]).toBe('Duplicate of row 2');
    expect(mails(t).filter((m) => m.subject.includes('INV-101'))).toHaveLength(1);
  });

  it('a part-paid invoice with an Amount Paid is chased for the balance only', () => {
    const { t } = afterEveryAction(byName('mixed-languages-it-pt-nl'));
    const ferri = mails(t).find((m) => m.to === 'fatture@ferri.test');
    expect(ferri?.body).toContain('€1,500.00');
    expect(ferri?.body).not.toContain('€2,000.00');
  });
});

describe('property: no user cell changes, whatever the sheet and whatever the user does between runs', () => {
  const USER_TITLES = [
    'Status',
    'Stage',
    'Days Overdue',
    'Notes',
    'Last Follow-up',
    'Next Follow-up',
    'Project',
    'Follow-up Status',
  ];
  const action = fc.constantFrom('run', 'preview', 'sort', 'move', 'insert', 'statuses');

  it('random extra columns (names like the add-on’s, formulas) and any sequence of runs, sorts and column moves', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...USER_TITLES), { maxLength: 3 }),
        fc.array(action, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (extra, actions, rowCount) => {
          const header = ['Invoice', 'Client', 'Email', 'Amount', 'Due Date', ...extra];
          const rows = Array.from({ length: rowCount }, (_, i) => [
            `R-${i}`,
            `Client ${i}`,
            `r${i}@client.test`,
            100 * (i + 1),
            { date: `2026-11-0${i + 1}` },
            ...extra.map((title, j) => (j === 0 ? { formula: `=D${i + 2}*2` } : i % 2 === 0 ? 'Paid' : `${title} ${i}`)),
          ]);
          const t = loadFixture({ name: 'random', source: 'property', locale: 'en_US', rows: [header, ...rows] as never });
          const userIds = () => userCellsById(t, header);
          const before = userIds();
          for (const a of actions) perform(t, a);
          expect(userIds()).toEqual(before);
        },
      ),
      { numRuns: 12 },
    );
  });
});

/** The user's cells by invoice and header title, wherever rows and columns stand now. */
function userCellsById(t: Loaded, titles: string[]): Record<string, unknown> {
  const sheet = t.runtime.sheet(OWN_SHEET);
  const rows = sheet.rows();
  const header = (rows[0] ?? []).map(String);
  const out: Record<string, unknown> = {};
  const invoiceCol = header.indexOf('Invoice');
  for (const row of rows.slice(1)) {
    for (const title of titles) {
      const c = header.indexOf(title);
      out[`${String(row[invoiceCol])}|${title}`] = c === -1 ? 'MISSING' : row[c];
    }
  }
  out.titles = titles.map((title) => header.filter((h) => h === title).length);
  return out;
}

function perform(t: Loaded, a: string): void {
  t.runtime.ui.nextResponse = (_kind, buttons) => ({ button: buttons.startsWith('YES') ? 'YES' : 'OK', text: '' });
  const sheet = t.runtime.sheet(OWN_SHEET);
  if (a === 'run') t.addon.call('runFollowUps');
  else if (a === 'preview') t.addon.call('previewFollowUps');
  else if (a === 'statuses') t.addon.call('getSidebarData');
  else if (a === 'sort') sheet.sortBy(2, { ascending: false, headerRows: 1 });
  else if (a === 'move' && sheet.lastColumn() > 2) sheet.moveColumns(sheet.lastColumn(), 1, 1);
  else if (a === 'insert') sheet.insertColumnAt(2);
}
