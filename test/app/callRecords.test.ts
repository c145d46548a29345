// The addresses given after a call with the wrong contact (README "The day-14 call"): one per
// address and client, the latest few kept, copied on that client's invoices only.
import { contactsByClient, withCallContact, withExtraCc, type CallContact } from '../../src/app/callRecords';
import type { ParsedRow } from '../../src/domain/types';
import { invoiceDue } from '../domain/invoiceFixture';

describe('call contacts', () => {
  it('keeps one record per address and client (given again: moved to the end), at most five per client', () => {
    let records: CallContact[] = [];
    records = withCallContact(records, 'Acme', 'a@acme.test', '2026-11-01');
    records = withCallContact(records, ' ACME ', 'b@acme.test', '2026-11-02');
    records = withCallContact(records, 'Globex', 'g@globex.test', '2026-11-02');
    records = withCallContact(records, 'acme', 'A@acme.test', '2026-11-03');
    expect(contactsByClient(records)).toEqual(
      new Map([
        ['globex', ['g@globex.test']],
        ['acme', ['b@acme.test', 'A@acme.test']],
      ]),
    );
    for (let i = 0; i < 7; i++) records = withCallContact(records, 'Acme', `x${i}@acme.test`, '2026-11-04');
    expect(contactsByClient(records).get('acme')).toEqual([
      'x2@acme.test',
      'x3@acme.test',
      'x4@acme.test',
      'x5@acme.test',
      'x6@acme.test',
    ]);
  });

  it('adds the addresses to the client’s invoices only', () => {
    const rows: ParsedRow[] = [
      { ok: true, invoice: invoiceDue('2026-11-01', { client: 'Acme' }) },
      { ok: true, invoice: invoiceDue('2026-11-01', { client: 'Other', key: 'INV-2', invoice: 'INV-2' }) },
      { ok: false, invalid: { row: 4, key: null, invoice: '', client: 'Acme', error: 'Error' } },
    ];
    const out = withExtraCc(rows, new Map([['acme', ['ap@acme.test']]]));
    expect(out.map((r) => (r.ok ? (r.invoice.extraCc ?? null) : 'invalid'))).toEqual([['ap@acme.test'], null, 'invalid']);
    expect(withExtraCc(rows, new Map())).toBe(rows);
  });
});
