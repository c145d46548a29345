// Which columns are the add-on's: marked ones, or on an older sheet the five it can adopt once; a
// user's own column named like one of them is an input, and the header may sit below a title.
import { OPEN_COLUMNS_STEP, readHeader } from '../../src/app/columns';
import { runFollowUpsIn } from '../../src/app/run';
import type { CellValue } from '../../src/domain/types';
import { fakePorts, invoice, INVOICE_HEADERS } from './fakePorts';

const LEGACY = ['Status', 'Stage', 'Days Overdue', 'Last Follow-up', 'Next Follow-up'];
const grid = (header: string[], ...rows: CellValue[][]): CellValue[][] => [header, ...rows];

describe('readHeader', () => {
  it("adopts an older sheet's five status columns when they hold only add-on values", () => {
    const cells = grid(
      [...INVOICE_HEADERS, ...LEGACY],
      [...invoice('A', '2026-11-01'), 'Overdue', 'reminder', 3, { date: '2026-11-02' }, ''],
    );
    const reading = readHeader(cells, {}, {}, 'Invoices');
    expect(reading.ok && reading.header.adopt).toEqual({
      status: 7,
      stage: 8,
      daysOverdue: 9,
      lastFollowUp: 10,
      nextFollowUp: 11,
    });
  });

  it("never adopts once the add-on has marked columns, and a user's Status is an input", () => {
    const cells = grid([...INVOICE_HEADERS, 'Status'], [...invoice('A', '2026-11-01'), 'Paid']);
    const unmarked = readHeader(cells, {}, {}, 'Invoices');
    expect(unmarked.ok && unmarked.header.adopt).toEqual({});
    expect(unmarked.ok && unmarked.header.map.columns).toMatchObject({ userStatus: 7 });
    expect(unmarked.ok && unmarked.header.map.missingStatus).toHaveLength(5);
    const marked = readHeader(grid([...INVOICE_HEADERS, ...LEGACY]), { status: 9 }, {}, 'Invoices');
    expect(marked.ok && marked.header.adopt).toEqual({});
  });

  it('finds the header below a title, and stops at two amount columns with the way to choose', () => {
    const below = readHeader([['My invoices 2026'], [], INVOICE_HEADERS], {}, {}, 'Invoices');
    expect(below.ok && below.header.index).toBe(2);
    const twice = readHeader(grid(['Invoice', 'Client', 'Email', 'Amount', 'Total', 'Due Date']), {}, {}, 'Invoices');
    expect(twice.ok).toBe(false);
    expect(!twice.ok && twice.problem).toContain(OPEN_COLUMNS_STEP);
    const chosen = readHeader(
      grid(['Invoice', 'Client', 'Email', 'Amount', 'Total', 'Due Date']),
      {},
      { amount: 'Total' },
      'Invoices',
    );
    expect(chosen.ok && chosen.header.map.columns.amount).toBe(4);
  });
});

describe('a run on a sheet with a Status column of the user', () => {
  it("adds and marks its own columns beside it, titled apart, and never writes the user's", () => {
    const ports = fakePorts('2026-11-10', []);
    const sheet = ports.sheets.get('Invoices')!;
    sheet.cells = [
      [...INVOICE_HEADERS, 'Status'],
      [...invoice('A', '2026-11-09'), 'Unpaid'],
      [...invoice('B', '2026-11-01'), 'Paid'],
    ];
    runFollowUpsIn(ports, { mode: 'send', trigger: 'daily' });
    expect(sheet.cells[0]).toEqual([
      ...INVOICE_HEADERS,
      'Status',
      'Follow-up Status',
      'Stage',
      'Days Overdue',
      'Last Follow-up',
      'Next Follow-up',
    ]);
    expect(sheet.owned).toEqual({ status: 9, stage: 10, daysOverdue: 11, lastFollowUp: 12, nextFollowUp: 13 });
    expect(sheet.cells.slice(1).map((r) => [r[7], r[8]])).toEqual([
      ['Unpaid', 'Overdue'],
      ['Paid', 'Paid'],
    ]);
    expect(ports.outbox.flatMap((e) => (e.invoices ?? []).map((i) => i.key))).toEqual(['A']);
  });
});
