// Sheets as people keep them, second round (docs/own-sheet.md): Status words in seven
// languages and of invoicing tools, never claiming the full amount of a part-paid invoice, the
// header row pasted again, and two identical rows of one invoice.
import fc from 'fast-check';
import { binaryString } from '../arbitraries';
import { mapHeaders } from '../../src/domain/headers';
import { parseInvoiceSheet } from '../../src/domain/parse';
import {
  paymentTruth,
  STATUS_WORDS,
  statusKey,
  statusMeaning,
  TABLE_MEANINGS,
  type PaymentFacts,
  type StatusMeaning,
  type StatusWordTable,
} from '../../src/domain/payment';
import { outcomeStatus } from '../../src/domain/plan';
import { locateRows, rowFingerprint } from '../../src/domain/relocate';
import type { CellValue } from '../../src/domain/types';

/** A meaning in a few words: 'paid', 'void', 'disputed', 'on-hold', 'unpaid', 'partial', 'chase', 'unknown'. */
function meaningName(m: StatusMeaning | null): string {
  if (m === null) return 'unknown';
  if (m.kind === 'settled') return m.code;
  if (m.kind === 'chase') return m.partial === true ? 'partial' : m.unpaid ? 'unpaid' : 'chase';
  return m.kind;
}

describe('Status words', () => {
  const REQUIRED: Record<string, string[]> = {
    paid: [
      'Pagada',
      'Pagado',
      'Pago',
      'Paga',
      'Pagata',
      'Pagato',
      'Betaald',
      'Bezahlt',
      'Payée',
      'Réglée',
      'Marked as paid',
      'Paid ✅',
      '✅ Paid',
    ],
    void: ['Void', 'Storniert'],
    cancelled: ['Anulada', 'Anulado', 'Annullata', 'Geannuleerd', 'Annulée', 'Cancelada', 'Cancelled'],
    unpaid: [
      'Não pago',
      'Non pagata',
      'Non pagato',
      'Da pagare',
      'Scaduta',
      'Onbetaald',
      'Vervallen',
      'Offen',
      'Unbezahlt',
      'Überfällig',
      'Impayée',
      'En retard',
      'Vencida',
      'Vencido',
      'Unpaid',
      'Overdue',
    ],
    partial: [
      'Partially paid',
      'Partial',
      '💸 Partially paid',
      'Parcialmente pagada',
      'Pago parcial',
      'Parzialmente pagata',
      'Gedeeltelijk betaald',
      'Teilweise bezahlt',
      'Teilbezahlt',
      'Partiellement payée',
    ],
    chase: [
      'Em aberto',
      'Pendente',
      'Openstaand',
      'Fällig',
      'Pendiente',
      'Viewed',
      'Sent',
      'Open',
      // "Awaiting": the invoice waits for payment, it is not put on hold.
      'In afwachting',
      'In attesa',
      '',
    ],
    disputed: ['Disputado', 'Contestata', 'Betwist', 'Strittig', 'Contestée', 'En disputa', 'Disputed'],
    'on-hold': ['En espera', 'Em espera', 'On hold', 'Sospesa', 'Pausiert', 'En pause'],
  };

  test.each(Object.entries(REQUIRED).flatMap(([meaning, words]) => words.map((w) => [w, meaning] as const)))(
    '%j means %s',
    (word, meaning) => {
      expect(meaningName(statusMeaning(word))).toBe(meaning);
    },
  );

  test('every word of every table means what its table means: no word is in two tables', () => {
    const seen = new Map<string, StatusWordTable>();
    for (const table of Object.keys(STATUS_WORDS) as StatusWordTable[]) {
      for (const word of STATUS_WORDS[table]) {
        const key = statusKey(word);
        expect([word, seen.get(key) ?? table]).toEqual([word, table]);
        seen.set(key, table);
        expect([word, statusMeaning(word)]).toEqual([word, TABLE_MEANINGS[table]]);
      }
    }
    expect(seen.size).toBeGreaterThan(250);
  });

  test.each<[string, string]>([
    ['PAGADA', 'paid'],
    ['pagada.', 'paid'],
    ['  Réglée  ', 'paid'],
    ['Reglee', 'paid'],
    ['Ueberfaellig', 'unpaid'],
    ['Uberfallig', 'unpaid'],
    ['Partially-Paid!', 'partial'],
    ['paid_in_full', 'paid'],
    ['Payée\u0301', 'paid'],
    ['Paye\u0301e', 'paid'], // the accent typed as its own mark (NFD)
    ['✅', 'paid'],
    ['✔️', 'paid'],
    ['🤷', 'unknown'],
    ['❌', 'unknown'],
    ['-', 'chase'],
    ['Pending approval', 'unknown'],
    ['Awaiting approval', 'unknown'],
  ])('%j means %s', (word, meaning) => {
    expect(meaningName(statusMeaning(word))).toBe(meaning);
  });

  test('a tick box in the Status column: ticked is paid, unticked is unpaid', () => {
    expect(meaningName(statusMeaning(true))).toBe('paid');
    expect(meaningName(statusMeaning(false))).toBe('unpaid');
  });

  const EMOJI = ['✅', '💸', '🔴', '🟢', '⏳', '👍🏽', '🇪🇸', '✔️', '❗', '💰', '🧾', '👨‍👩‍👧'];
  const PUNCTUATION = ['.', '!', '?', ':', ' - ', '(', ')', '*', '"', '…', '–', '/', '·'];
  const decoration = fc
    .array(fc.oneof(fc.constantFrom(...EMOJI), fc.constantFrom(...PUNCTUATION), fc.constant(' ')), { maxLength: 4 })
    .map((parts) => parts.join(''));
  const anyWord = fc.oneof(
    fc.constantFrom(...(Object.values(STATUS_WORDS) as ReadonlyArray<readonly string[]>).flat()),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    binaryString({ maxLength: 20 }),
  );

  test('property: statusKey is idempotent', () => {
    fc.assert(
      fc.property(anyWord, (word) => {
        const key = statusKey(word);
        expect(statusKey(key)).toBe(key);
      }),
      { numRuns: 2000 },
    );
  });

  test('property: emoji and punctuation around a word, and its case, do not change its key or its meaning', () => {
    const known = fc.constantFrom(...(Object.values(STATUS_WORDS) as ReadonlyArray<readonly string[]>).flat());
    fc.assert(
      fc.property(known, decoration, decoration, fc.boolean(), (word, before, after, upper) => {
        const written = `${before}${upper ? word.toUpperCase() : word}${after}`;
        expect(statusKey(written)).toBe(statusKey(word));
        expect(statusMeaning(written)).toEqual(statusMeaning(word));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a Status that says part was paid never claims the full amount', () => {
  const facts = (over: Partial<PaymentFacts>): PaymentFacts => ({
    amount: 1000,
    currency: 'USD',
    locale: 'en_US',
    meaning: statusMeaning('Partially paid') as StatusMeaning,
    statusWord: 'Partially paid',
    paid: null,
    amountPaid: null,
    balance: null,
    ...over,
  });

  test('no Amount Paid or Balance column: held, saying what to add', () => {
    expect(paymentTruth(facts({}))).toEqual({
      kind: 'held',
      code: 'partial-payment-unknown',
      message:
        "Status says 'Partially paid' but there is no Amount Paid or Balance column to read how much: add one, or the emails would claim the full amount",
    });
  });

  test('the column is there but empty on this row: held, saying which cell to fill', () => {
    const truth = paymentTruth(facts({ paymentColumns: { amountPaid: true, balance: false } }));
    expect(truth).toMatchObject({
      kind: 'held',
      code: 'partial-payment-unknown',
      message:
        "Status says 'Partially paid' but Amount Paid is empty on this row: write how much was paid (or what is still owed), or the emails would claim the full amount",
    });
  });

  test('with an amount paid or a balance, it is chased for the balance', () => {
    expect(paymentTruth(facts({ amountPaid: 400 }))).toEqual({ kind: 'chase', balance: 600, amountPaid: 400, paidDate: null });
    expect(paymentTruth(facts({ balance: 250 }))).toEqual({ kind: 'chase', balance: 250, amountPaid: 750, paidDate: null });
  });

  test('every partial word of every language is held the same way; an unpaid word is chased', () => {
    for (const word of STATUS_WORDS.partial) {
      const truth = paymentTruth(facts({ meaning: statusMeaning(word) as StatusMeaning, statusWord: word }));
      expect([word, truth.kind === 'held' && truth.code]).toEqual([word, 'partial-payment-unknown']);
    }
    const unpaid = paymentTruth(facts({ meaning: statusMeaning('Unpaid') as StatusMeaning, statusWord: 'Unpaid' }));
    expect(unpaid).toMatchObject({ kind: 'chase', balance: 1000 });
  });

  test('a paid date beside it is still a contradiction, said as such', () => {
    const truth = paymentTruth(facts({ paid: { paid: true, date: '2026-11-02' } }));
    expect(truth).toMatchObject({ kind: 'held', code: 'conflicting-payment' });
  });
});

describe('rows that repeat: the header pasted again, an invoice pasted twice', () => {
  const HEADER = ['Invoice', 'Client', 'Email', 'Amount', 'Due Date', 'Notes'];
  const COLUMNS = mapHeaders(HEADER, { owned: {} }).columns;
  const EN_US = { locale: 'en_US', defaultCurrency: 'USD' };
  const invoice = (n: string, amount = 100, notes = ''): CellValue[] => [
    n,
    'Acme',
    'ap@acme.test',
    amount,
    { date: '2026-11-01' },
    notes,
  ];
  const read = (rows: CellValue[][]) =>
    parseInvoiceSheet(rows, COLUMNS, EN_US, { headerCells: HEADER }).rows.map((r) =>
      r.ok ? `chase ${r.invoice.key}` : `${r.invalid.outcome?.code ?? 'error'}`,
    );

  test('the header row pasted again, in other case and spacing, is a Header row', () => {
    const copy = ['INVOICE', ' client ', 'Email', 'amount', 'Due  Date', ''];
    expect(read([invoice('A-1'), copy, invoice('A-2')])).toEqual(['chase A-1', 'header', 'chase A-2']);
    const parsed = parseInvoiceSheet([copy], COLUMNS, EN_US, { headerCells: HEADER }).rows[0]!;
    expect(!parsed.ok && parsed.invalid.outcome && outcomeStatus(parsed.invalid.outcome as never)).toBe('Header row');
  });

  test('three cells repeating the header are enough; two are not', () => {
    expect(read([['Invoice', 'Client', 'Email', '', '', '']])).toEqual(['header']);
    expect(read([['Invoice', 'Client', 'x@y.test', 5, { date: '2026-11-01' }, '']])).toEqual(['chase INVOICE']);
  });

  test('without the header cells, nothing is taken for a header copy', () => {
    const rows = parseInvoiceSheet([HEADER], COLUMNS, EN_US).rows;
    expect(rows.map((r) => !r.ok && r.invalid.outcome?.code)).toEqual(['invalid-cells']);
  });

  test('an unread column may differ: the copy is still a Duplicate of the first row', () => {
    const rows = parseInvoiceSheet([invoice('A-1', 100, 'October'), invoice('A-1', 100, 'November')], COLUMNS, EN_US, {
      firstRow: 7,
      headerCells: HEADER,
    }).rows;
    expect(rows[0]!.ok).toBe(true);
    const copy = rows[1]!;
    expect(copy.ok).toBe(false);
    if (!copy.ok) {
      expect(copy.invalid.outcome).toMatchObject({ kind: 'not-invoice', code: 'duplicate', of: 7 });
      expect(outcomeStatus(copy.invalid.outcome as never)).toBe('Duplicate of row 7');
    }
  });

  test('rows that differ in a cell the add-on reads stay an error on both', () => {
    expect(read([invoice('A-1', 100), invoice('A-1', 120)])).toEqual(['invalid-cells', 'invalid-cells']);
  });
});

describe('status cells find identical rows again', () => {
  const columns = { invoice: 0, client: 1, amount: 2 };
  const copy: CellValue[] = ['A-1', 'Acme', 10];
  const targets = [
    { key: 'A-1', fingerprint: rowFingerprint(copy, columns) },
    { key: 'B-1', fingerprint: rowFingerprint(['B-1', 'Beta', 5], columns) },
    { key: null, fingerprint: rowFingerprint(copy, columns) },
  ];

  it('two rows with the same input cells are matched in order, wherever they stand now', () => {
    const now: CellValue[][] = [['B-1', 'Beta', 5], copy, ['new', 'Newco', 1], copy];
    expect(locateRows(targets, now, columns)).toEqual([3, 2, 5]);
  });

  it('one copy deleted meanwhile: the row left is found by its number, and the copy is not written anywhere', () => {
    expect(locateRows(targets, [copy, ['B-1', 'Beta', 5]], columns)).toEqual([2, 3, null]);
  });

  it('three copies where two were planned: none is written (the next run labels them)', () => {
    expect(locateRows(targets, [copy, copy, copy, ['B-1', 'Beta', 5]], columns)).toEqual([null, 5, null]);
  });
});
