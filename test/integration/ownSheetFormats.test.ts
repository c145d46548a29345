// The built add-on on sheets that write currencies, amounts, dates and due dates as people do
// (docs/own-sheet.md): currency symbols and names, accounting formats, month names typed
// as text in French and German, and Terms instead of a Due Date column.
import { loadSheetFixtures, type SheetFixture } from '../fixtures/sheetFixtures';
import { everyAction, loadFixture, statusesByFirstCell, userCells, type Loaded } from './ownSheetFixtures';

const FIXTURES = loadSheetFixtures();
const byName = (name: string): SheetFixture => FIXTURES.find((f) => f.name === name)!;

function afterEveryAction(name: string): Loaded {
  const t = loadFixture(byName(name));
  const columns = Array.from({ length: t.width }, (_, i) => i + 1);
  const before = userCells(t, columns);
  everyAction(t);
  expect(userCells(t, columns)).toBe(before);
  return t;
}

const mails = (t: Loaded) => t.runtime.mail.sent.map((m) => ({ subject: m.subject, to: m.to.join(','), body: m.body }));

const TERMS_RULE = 'worked out from the Terms column and the invoice date';

test("Terms instead of a Due Date column: each row's status says how its due date came about, and the overdue ones are chased", () => {
  const t = afterEveryAction('terms-instead-of-due-date');
  expect(statusesByFirstCell(t, /^Status$/, 1)).toEqual({
    'T-401': "Final notice (due 2026-10-31 from Terms 'Net 30')",
    'T-402': "Overdue (due 2026-11-20 from Terms 'Due on receipt')",
    'T-403': "Overdue (due 2026-11-15 from Terms 'Net 15 EOM')",
    'T-404': "Not due (due 2026-11-30 from Terms 'EOM')",
    'T-405':
      "Error: Terms 'Custom' are not payment terms the add-on reads — write Net 30, 30 days, Due on receipt, EOM or Net 15 EOM, or add a Due Date column",
  });
  expect(mails(t).map((m) => m.to)).toEqual(['ap@brightlabs.test', 'ap@northwind.test', 'owner@cornercafe.test']);
  expect(mails(t)[1]?.body).toContain('was due on November 15, 2026 and is now 9 days overdue');
  // Said once per run, as a date column read day first is: the preview and the run.
  expect(t.runtime.ui.alerts.filter((a) => a.prompt.includes(TERMS_RULE))).toHaveLength(2);
});

test('Currency symbols and names (€, £, United States Dollar - USD): each email is in its invoice’s currency', () => {
  const t = afterEveryAction('currency-symbols-and-names');
  expect(statusesByFirstCell(t, /^Status$/, 1)).toEqual({
    'CS-201': 'Overdue',
    'CS-202': 'Overdue',
    'CS-203': 'Overdue',
    'CS-204': 'Not due',
  });
  const amounts = mails(t).map((m) => [m.to, /(€|£|US\$)[\d,.]*\d/.exec(m.body)?.[0]]);
  expect(amounts).toEqual([
    ['compta@lyon.test', '€1,200.00'],
    ['ap@leeds.test', '£800.00'],
    ['ap@denver.test', 'US$1,500.00'],
  ]);
});

test('an accounting export: the credit note and the paid invoice get no email; the unpaid ones do, for their full amount', () => {
  const t = afterEveryAction('accounting-format-export');
  expect(statusesByFirstCell(t, /^Status$/, 1)).toEqual({
    'AC-301': 'Final notice',
    'AC-302': 'Credit note',
    'AC-303': 'Paid',
    'AC-304': 'Overdue',
  });
  expect(mails(t).map((m) => m.to)).toEqual(['ap@coolcars.test', 'geeta@kalapatapu.test']);
  expect(mails(t)[0]?.body).toContain('The outstanding balance is $1,200.00.');
  expect(mails(t)[1]?.body).toContain('Invoice AC-304 for $450.00 was due on November 19, 2026.');
});

test('month names typed as text: the French and German due dates are the days they name', () => {
  const fr = afterEveryAction('french-month-names-fr');
  expect(statusesByFirstCell(fr, /^Status$/, 1)).toEqual({
    'F-0101': 'Final notice',
    'F-0102': 'Paid',
    'F-0103': 'Not due',
    'F-0104': 'Paid',
  });
  expect(mails(fr).map((m) => m.to)).toEqual(['compta@dupont.test']);
  expect(mails(fr)[0]?.body).toContain('due on 3 October 2026, is now 52 days overdue');
  const de = afterEveryAction('german-month-names-de');
  expect(statusesByFirstCell(de, /^Follow-up Status$/, 1)).toEqual({
    'RE-2026-031': 'Final notice',
    'RE-2026-032': 'Paid',
    'RE-2026-033': 'Not due',
    'RE-2026-034': 'Final notice',
  });
  expect(mails(de).map((m) => m.to)).toEqual(['buchhaltung@mueller.test', 'ap@fischer.test']);
  expect(mails(de)[0]?.body).toContain('due on 31 October 2026');
});
