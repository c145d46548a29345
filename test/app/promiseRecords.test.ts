// The promise records the run keeps (src/app/promiseRecords.ts): compact, and pruned once done with.
import { prunePromises, promiseView, readPromises, writePromises } from '../../src/app/promiseRecords';
import type { PromiseRecord } from '../../src/domain/promise';
import type { Invoice } from '../../src/domain/types';
import { fakePorts } from './fakePorts';

const TODAY = '2026-12-01';

function invoice(key: string, extra: Partial<Invoice> = {}): Invoice {
  return { key, invoice: key, paid: false, paidDate: null, amount: 100, amountPaid: 0, ...extra } as Invoice;
}

describe('promise records', () => {
  it('are stored as short tuples and read back; damaged ones are left out', () => {
    const ports = fakePorts(TODAY, []);
    const records: PromiseRecord[] = [
      { key: 'A', promisedDate: '2026-12-10', recordedOn: TODAY },
      { key: 'A', promisedDate: '2026-12-10', recordedOn: '2026-12-02', withdrawn: true },
    ];
    writePromises(ports.store, records);
    expect(ports.store.readJson('promises').value).toEqual([
      ['A', '2026-12-10', TODAY],
      ['A', '2026-12-10', '2026-12-02', 1],
    ]);
    expect(readPromises(ports.store)).toEqual(records);
    ports.store.writeJson('promises', [['B', '2026-02-30', TODAY], 'junk', ['C', '2026-12-03', TODAY]]);
    expect(readPromises(ports.store)).toEqual([{ key: 'C', promisedDate: '2026-12-03', recordedOn: TODAY }]);
    writePromises(ports.store, []);
    expect(ports.store.readJson('promises').value).toBeNull();
  });

  it('are dropped for a paid invoice, a withdrawal made before today, a promise long past; three kept per invoice', () => {
    const invoices = new Map([
      ['PAID', invoice('PAID', { paidDate: '2026-11-30' })],
      ['OPEN', invoice('OPEN')],
    ]);
    const records: PromiseRecord[] = [
      { key: 'PAID', promisedDate: '2026-12-05', recordedOn: '2026-11-20' },
      { key: 'GONE', promisedDate: '2026-12-05', recordedOn: '2026-11-20' },
      { key: 'GONE', promisedDate: '2026-12-05', recordedOn: '2026-11-25', withdrawn: true },
      { key: 'TODAY', promisedDate: '2026-12-05', recordedOn: TODAY, withdrawn: true },
      { key: 'OLD', promisedDate: '2026-09-01', recordedOn: '2026-08-20' },
      ...['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'].map((d) => ({
        key: 'OPEN',
        promisedDate: '2026-12-20',
        recordedOn: d,
      })),
    ];
    expect(prunePromises(records, invoices, TODAY)).toEqual([
      { key: 'TODAY', promisedDate: '2026-12-05', recordedOn: TODAY, withdrawn: true },
      ...['2026-11-02', '2026-11-03', '2026-11-04'].map((d) => ({ key: 'OPEN', promisedDate: '2026-12-20', recordedOn: d })),
    ]);
  });

  it('say where the promise comes from: the column wins a tie, the sidebar a later date', () => {
    const records: PromiseRecord[] = [{ key: 'A', promisedDate: '2026-12-10', recordedOn: TODAY }];
    expect(promiseView(invoice('A'), records, TODAY)).toEqual({ date: '2026-12-10', source: 'sidebar', missed: false });
    expect(promiseView(invoice('A', { promisedDate: '2026-12-10' }), records, TODAY)?.source).toBe('column');
    expect(promiseView(invoice('A'), records, '2026-12-11')?.missed).toBe(true);
    expect(promiseView(invoice('A', { paidDate: TODAY }), records, TODAY)).toBeNull();
    expect(promiseView(invoice('B'), records, TODAY)).toBeNull();
  });
});
