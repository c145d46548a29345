import { evidencePackHtml, type EvidencePackInput } from '../../src/domain/evidence';
import { lateInterest } from '../../src/domain/interest';
import { isCurrencyCode } from '../../src/domain/money';
import { isIsoDate } from '../../src/domain/dates';
import { SMALL_CLAIMS_LIMITS, smallClaimsFit, smallClaimsTable } from '../../src/domain/smallClaims';
import type { LatePaymentSettings } from '../../src/domain/types';
import { externalReferences, foreignTags } from './printableHtml';

const UK: LatePaymentSettings = {
  regime: 'uk',
  referenceRatePercent: 5,
  referenceRatePeriod: '2026-H1',
  marginPercent: 0,
  fixedCompensation: 0,
  attachLetter: false,
};

function input(over: Partial<EvidencePackInput> = {}): EvidencePackInput {
  return {
    generatedOn: '2026-03-22',
    locale: 'en_GB',
    sender: { name: 'Ada Studio Ltd', email: 'ada@studio.example' },
    client: { name: 'Acme Widgets', addressLines: ['2 High Street', 'York'] },
    invoice: {
      invoice: 'INV-0042',
      issueDate: '2026-01-30',
      dueDate: '2026-03-01',
      amount: 1200,
      amountPaid: 200,
      balance: 1000,
      currency: 'GBP',
      contactName: 'Sam Payer',
      emails: ['sam@acme.example'],
      billingEmails: ['ap@acme.example'],
      paymentLink: 'https://pay.example/inv-0042',
    },
    late: lateInterest({ balance: 1000, currency: 'GBP', dueDate: '2026-03-01' }, UK, '2026-03-22'),
    followUps: [
      {
        date: '2026-03-21',
        invoice: 'INV-0042',
        stage: 'formal',
        recipients: 'sam@acme.example',
        subject: 'Formal notice INV-0042',
      },
      { date: '2026-03-02', invoice: 'INV-0042', stage: 'reminder', recipients: 'sam@acme.example', subject: 'Invoice INV-0042' },
    ],
    disputeNotes: [{ date: '2026-03-10', event: 'Note', note: 'Client says the logo files were late' }],
    promises: [{ recorded: '2026-03-05', promisedDate: '2026-03-12', note: 'Will pay after the board meets' }],
    smallClaims: SMALL_CLAIMS_LIMITS,
    jurisdictionId: 'gb-eng-wls',
    ...over,
  };
}

describe('evidencePackHtml', () => {
  test('a complete printable document with nothing fetched', () => {
    const html = evidencePackHtml(input());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('@page { size: A4');
    expect(externalReferences(html)).toEqual([]);
    expect(foreignTags(html)).toEqual([]);
  });

  test('the invoice, its contacts and the amounts claimed with how they were worked out', () => {
    const html = evidencePackHtml(input());
    for (const text of ['INV-0042', 'Acme Widgets', '30 January 2026', '1 March 2026', '£1,200.00', '£200.00', '£1,000.00']) {
      expect(html).toContain(text);
    }
    for (const text of ['Sam Payer', 'sam@acme.example', 'ap@acme.example', 'https://pay.example/inv-0042'])
      expect(html).toContain(text);
    for (const text of ['£7.48', '£70.00', '£1,077.48', '2 March 2026', '22 March 2026', '13%']) expect(html).toContain(text);
  });

  test('the timeline of follow-ups in date order, with stage, recipients and subject', () => {
    const html = evidencePackHtml(input());
    const reminder = html.indexOf('Invoice INV-0042</td>');
    const formal = html.indexOf('Formal notice INV-0042');
    expect(reminder).toBeGreaterThan(0);
    expect(formal).toBeGreaterThan(reminder);
    expect(html).toContain('<td>Reminder</td>');
    expect(html).toContain('<td>Formal notice</td>');
    expect(html).toContain('21 March 2026');
  });

  test('dispute notes and promises to pay', () => {
    const html = evidencePackHtml(input());
    expect(html).toContain('Client says the logo files were late');
    expect(html).toContain('12 March 2026');
    expect(html).toContain('Will pay after the board meets');
    const empty = evidencePackHtml(input({ disputeNotes: [], promises: [] }));
    expect(empty).toContain('No dispute notes are on record.');
    expect(empty).toContain('No promises to pay are on record.');
  });

  test('the small-claims table: dated, sourced, the chosen court first, and "check your court"', () => {
    const html = evidencePackHtml(input({ jurisdictionId: 'gb-sct' }));
    expect(html).toContain('Check your court’s current limit');
    expect(html.indexOf('Scotland')).toBeLessThan(html.indexOf('England and Wales'));
    expect(html).toContain('£10,000.00');
    expect(html).toContain('US$12,500.00');
    expect(html).toContain('scotcourts.gov.uk/taking-action/simple-procedure');
    expect(html).toContain('2026-12-01');
    expect(html).toContain('Within the limit');
    expect(html).toContain('Another currency');
  });

  test('a claim over the limit is marked', () => {
    const late = lateInterest({ balance: 12000, currency: 'GBP', dueDate: '2026-03-01' }, UK, '2026-03-22');
    const html = evidencePackHtml(input({ late, smallClaims: SMALL_CLAIMS_LIMITS.filter((r) => r.id === 'gb-eng-wls') }));
    expect(html).toContain('Over the limit');
  });

  test('why nothing is claimed, and the calculation warnings, are shown', () => {
    const consumer = lateInterest({ balance: 1000, currency: 'GBP', dueDate: '2026-03-01' }, UK, '2026-03-22', {
      consumer: true,
    });
    expect(evidencePackHtml(input({ late: consumer }))).toContain('this client is marked as a consumer');
    const outdated = lateInterest({ balance: 1000, currency: 'GBP', dueDate: '2026-06-01' }, UK, '2026-07-22');
    expect(evidencePackHtml(input({ late: outdated }))).toContain('Update it in Settings');
  });

  test('every value from the sheet stays text', () => {
    const base = input();
    const html = evidencePackHtml(
      input({
        client: { name: '<script>alert(1)</script>' },
        invoice: {
          ...base.invoice,
          invoice: '<b>INV</b>',
          contactName: '<i>x</i>',
          paymentLink: '"><a href="https://evil.example">',
        },
        followUps: [
          { date: '2026-03-02', invoice: 'x', stage: 'reminder', recipients: '<a@b>', subject: '<img src=x onerror=alert(1)>' },
        ],
        disputeNotes: [{ date: null, event: '<hr>', note: '=HYPERLINK("https://evil.example")' }],
        promises: [{ recorded: null, promisedDate: '2026-03-12', note: '<iframe src="https://evil.example">' }],
      }),
    );
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('=HYPERLINK(&quot;https://evil.example&quot;)');
    expect(foreignTags(html)).toEqual([]);
    expect(externalReferences(html)).toEqual([]);
  });
});

describe('the small-claims table', () => {
  test('every default row is dated, sourced and in a real currency; ids are unique', () => {
    for (const row of SMALL_CLAIMS_LIMITS) {
      expect(isCurrencyCode(row.currency)).toBe(true);
      expect(isIsoDate(row.asOf)).toBe(true);
      expect(row.limit).toBeGreaterThan(0);
      expect(row.source).toMatch(/\w/);
    }
    expect(new Set(SMALL_CLAIMS_LIMITS.map((r) => r.id)).size).toBe(SMALL_CLAIMS_LIMITS.length);
  });

  test('the public figures', () => {
    const limit = (id: string): string => {
      const row = SMALL_CLAIMS_LIMITS.find((r) => r.id === id);
      return `${row?.limit} ${row?.currency}`;
    };
    expect(limit('gb-eng-wls')).toBe('10000 GBP');
    expect(limit('gb-sct')).toBe('5000 GBP');
    expect(limit('gb-nir')).toBe('5000 GBP');
    expect(limit('us-ca-individual')).toBe('12500 USD');
    expect(limit('us-ca-business')).toBe('6250 USD');
    expect(limit('us-tx')).toBe('20000 USD');
    expect(limit('us-ny-nyc')).toBe('10000 USD');
  });

  test('smallClaimsFit compares only in the same currency', () => {
    const row = SMALL_CLAIMS_LIMITS[0]!;
    expect(smallClaimsFit(10000, 'GBP', row)).toBe('within');
    expect(smallClaimsFit(10000.01, 'GBP', row)).toBe('over');
    expect(smallClaimsFit(10, 'EUR', row)).toBe('other-currency');
  });

  test('the edited table: nothing saved gives the defaults; bad rows are reported by field', () => {
    expect(smallClaimsTable(undefined).rows).toEqual(SMALL_CLAIMS_LIMITS);
    const { rows, issues } = smallClaimsTable([
      { jurisdiction: 'Wales', court: 'County Court', limit: 10000, currency: 'GBP', note: '', source: 'me', asOf: '2026-11-30' },
      { jurisdiction: 'Nowhere', limit: 'lots', currency: 'GBP', asOf: '2026-11-30' },
      { jurisdiction: 'Mars', limit: 5, currency: 'XXX', asOf: '2026-11-30' },
      { jurisdiction: 'Moon', limit: 5, currency: 'EUR', asOf: '30/11/2026' },
      { limit: 5, currency: 'EUR', asOf: '2026-11-30' },
      null,
    ]);
    expect(rows).toEqual([
      {
        id: 'row-1',
        jurisdiction: 'Wales',
        court: 'County Court',
        limit: 10000,
        currency: 'GBP',
        note: '',
        source: 'me',
        asOf: '2026-11-30',
      },
    ]);
    expect(issues.map((i) => [i.row, i.field, i.code])).toEqual([
      [1, 'limit', 'not-a-number'],
      [2, 'currency', 'not-a-currency'],
      [3, 'asOf', 'not-a-date'],
      [4, 'jurisdiction', 'missing'],
      [5, 'jurisdiction', 'missing'],
    ]);
    expect(issues[0]?.message).toBe('Row 2: the limit must be a positive number.');
  });
});
