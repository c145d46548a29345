// Never claim more than is owed (docs/own-sheet.md "A payment column the add-on does not know"): the
// common spellings of paid and owed columns are read; a column the add-on does not read whose header
// speaks of money paid or owed and which holds amounts is asked about; unrelated numbers never are.
import fc from 'fast-check';
import { findHeaderRow, mapHeaders } from '../../src/domain/headers';
import { likelyPaymentColumns } from '../../src/domain/likelyColumns';
import type { CellValue } from '../../src/domain/types';
import { loadSheetFixtures } from '../fixtures/sheetFixtures';

const BASE = ['Invoice', 'Client', 'Email', 'Amount', 'Due Date'];
const baseRow: CellValue[] = ['A-1', 'Acme', 'ap@acme.test', 1200, { date: '2026-11-10' }];

/** The likely payment columns of a sheet with `extra` columns after the base ones, each holding `value`. */
function likely(extra: string[], value: CellValue = 300, header = [...BASE, ...extra]) {
  const grid: CellValue[][] = [header, [...baseRow, ...extra.map(() => value)]];
  return likelyPaymentColumns(grid, 0, mapHeaders(header, { owned: {} }), []).map((l) => [l.header, l.field]);
}

describe('the obvious spellings are simply read', () => {
  it.each([
    ['amt_paid', 'amountPaid'],
    ['Paid Amt', 'amountPaid'],
    ['Paid Amount', 'amountPaid'],
    ['Amount Paid So Far', 'amountPaid'],
    ['Importe pagado', 'amountPaid'],
    ['Amount outstanding', 'balance'],
    ['Remaining', 'balance'],
    ['Open Amount', 'balance'],
    ['Saldo', 'balance'],
    ['Restbetrag', 'balance'],
    ['Reste à payer', 'balance'],
    ['Openstaand bedrag', 'balance'],
  ])('%s → %s', (header, field) => {
    const map = mapHeaders([...BASE, header], { owned: {} });
    expect(map.columns).toMatchObject({ [field]: 5, amount: 3 });
    expect(map.issues).toEqual([]);
  });

  it('Due Amount beside Total is the Balance; alone it is the Amount', () => {
    const beside = mapHeaders(['Invoice', 'Client', 'Email', 'Total', 'Due Amount', 'Due Date'], { owned: {} });
    expect(beside.columns).toMatchObject({ amount: 3, balance: 4 });
    const alone = mapHeaders(['Invoice', 'Client', 'Email', 'Due Amount', 'Due Date'], { owned: {} });
    expect(alone.columns).toMatchObject({ amount: 3 });
    expect(alone.columns.balance).toBeUndefined();
  });
});

describe('likelyPaymentColumns', () => {
  it('asks about headers of money paid or owed that are not read, with the guess', () => {
    expect(likely(['Received so far (inc. deposit)'])).toEqual([['Received so far (inc. deposit)', 'amountPaid']]);
    expect(likely(['Amt rcvd'])).toEqual([['Amt rcvd', 'amountPaid']]);
    expect(likely(['Bezahlt bisher'])).toEqual([['Bezahlt bisher', 'amountPaid']]);
    expect(likely(['Still owing'])).toEqual([['Still owing', 'balance']]);
    expect(likely(['Not yet paid'])).toEqual([['Not yet paid', 'balance']]);
    expect(likely(['Balance after credit'])).toEqual([['Balance after credit', 'balance']]);
    expect(likely(['Payment 1', 'Payment 2'])).toEqual([
      ['Payment 1', 'amountPaid'],
      ['Payment 2', 'amountPaid'],
    ]);
    expect(likely(['Left (€)'], '€250.00')).toEqual([['Left (€)', 'balance']]);
  });

  it('a deposit counts only beside the Amount', () => {
    const beside = ['Invoice', 'Client', 'Email', 'Amount', 'Deposit', 'Due Date'];
    const grid: CellValue[][] = [beside, ['A-1', 'Acme', 'a@b.test', 1200, 300, { date: '2026-11-10' }]];
    expect(likelyPaymentColumns(grid, 0, mapHeaders(beside, { owned: {} }), [])).toEqual([
      { column: 4, header: 'Deposit', field: 'amountPaid' },
    ]);
    expect(likely(['Notes', 'Deposit'])).toEqual([]);
  });

  it('never asks about unrelated numbers, dates, tick boxes, empty columns, or a column set aside', () => {
    expect(likely(['Hours', 'Rate', 'VAT', 'Tax paid', 'Days remaining', 'Payment terms', 'Paid %', 'Fees paid'])).toEqual([]);
    expect(likely(['Payment received on'], { date: '2026-11-01' })).toEqual([]);
    expect(likely(['Paid flag'], 1)).toEqual([]);
    expect(likely(['Received so far'], '')).toEqual([]);
    expect(likely(['Remaining work'], 'design review')).toEqual([]);
    const header = [...BASE, 'Received so far'];
    const grid: CellValue[][] = [header, [...baseRow, 700]];
    expect(likelyPaymentColumns(grid, 0, mapHeaders(header, { owned: {} }), ['received so far'])).toEqual([]);
  });

  it('property: a column named by an unrelated word is never asked about, whatever numbers it holds', () => {
    const unrelated = fc.constantFrom(
      'Hours',
      'Rate',
      'VAT',
      'Tax',
      'Qty',
      'Quantity',
      'Discount',
      'Net',
      'Project',
      'Hourly rate',
      'Days',
      'Terms (days)',
      'Cost',
      'Expenses',
      'Mileage',
      'PO Number',
      'Tax paid',
      'Days outstanding',
      'Payment method',
    );
    fc.assert(
      fc.property(
        fc.array(unrelated, { minLength: 1, maxLength: 4 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (extra, n) => {
          expect(likely([...new Set(extra)], n)).toEqual([]);
        },
      ),
    );
  });

  it('no fixture sheet is asked about but the one with a payment column the add-on does not know', () => {
    const asked = loadSheetFixtures().flatMap((f) => {
      const found = findHeaderRow(f.rows, { owned: {}, mapping: f.mapping });
      if (!found.ok) return [];
      return likelyPaymentColumns(f.rows, found.index, found.map, []).map((l) => `${f.name}: ${l.header} → ${l.field}`);
    });
    expect(asked).toEqual(['received-so-far-column: Received so far (inc. deposit) → amountPaid']);
  });
});
