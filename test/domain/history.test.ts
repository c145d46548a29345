import fc from 'fast-check';
import { buildHistories, hasSent, type StatusMemory } from '../../src/domain/history';
import {
  DISPUTE_EVENTS,
  type DisputeKind,
  outcomeFromWords,
  parseDisputeRows,
  parseLogRows,
  withHeaderRow,
  LOG_HEADERS,
  type LedgerEntry,
  type LogRecord,
  type Outcome,
} from '../../src/domain/records';
import { locateRows, rowFingerprint, sameInputCells } from '../../src/domain/relocate';
import type { CellValue } from '../../src/domain/types';

const none = new Map<string, StatusMemory>();

function sentLog(key: string, stage: string, date: string, outcome: Outcome = 'sent'): LogRecord {
  return { key, stage, date, outcome, result: outcome };
}

describe('buildHistories', () => {
  it('takes the furthest stage and latest date from the log', () => {
    const h = buildHistories({
      log: [
        sentLog('A', 'reminder', '2026-01-02'),
        sentLog('A', 'firm', '2026-01-08'),
        sentLog('A', 'escalate', '2026-01-09', 'failed'),
      ],
      disputes: [],
      ledger: [],
      statusMemory: none,
    }).get('A');
    expect(h?.lastSentStage).toBe('firm');
    expect(h?.lastFollowUp).toBe('2026-01-08');
  });

  it('preview, queued and skipped rows are not sends; a logged decision is remembered', () => {
    const h = buildHistories({
      log: [
        sentLog('A', 'reminder', '2026-01-02', 'preview'),
        sentLog('A', 'firm', '2026-01-02', 'queued'),
        sentLog('A', 'final', '2026-02-01', 'decision'),
      ],
      disputes: [],
      ledger: [],
      statusMemory: none,
    }).get('A');
    expect(h?.lastSentStage).toBeNull();
    expect(h?.decisionLogged).toBe(true);
  });

  it('the Stage column still counts when log rows were deleted', () => {
    const memory = new Map<string, StatusMemory>([['A', { stage: 'escalate', lastFollowUp: '2026-01-15' }]]);
    const h = buildHistories({
      log: [sentLog('A', 'reminder', '2026-01-02')],
      disputes: [],
      ledger: [],
      statusMemory: memory,
    }).get('A');
    expect(h?.lastSentStage).toBe('escalate');
    expect(h?.lastFollowUp).toBe('2026-01-15');
  });

  const entry = (state: LedgerEntry['state']): LedgerEntry => ({
    key: 'A',
    invoice: 'A',
    client: 'Acme',
    stage: 'firm',
    state,
    date: '2026-01-08',
    recipients: 'to: a@b.co',
    subject: 'Invoice A',
  });

  it('a ledger entry marked sent counts as sent even without a log row', () => {
    const h = buildHistories({ log: [], disputes: [], ledger: [entry('sent')], statusMemory: none }).get('A');
    expect(h?.lastSentStage).toBe('firm');
    expect(h?.needsReview).toBeNull();
  });

  it.each(['sending', 'unknown'] as const)('a %s ledger entry without a log row holds the invoice for review', (state) => {
    const h = buildHistories({ log: [], disputes: [], ledger: [entry(state)], statusMemory: none }).get('A');
    expect(h?.needsReview).toMatch(/may not have been sent/);
  });

  it('a sending entry whose send reached the log is settled', () => {
    const h = buildHistories({
      log: [sentLog('A', 'firm', '2026-01-08')],
      disputes: [],
      ledger: [entry('sending')],
      statusMemory: none,
    }).get('A');
    expect(h?.needsReview).toBeNull();
    expect(hasSent([sentLog('A', 'firm', '2026-01-08')], 'A', 'firm')).toBe(true);
  });

  it('disputes: the latest open/resolve event wins', () => {
    const d = (date: string, kind: DisputeKind) => ({ key: 'A', date, kind, event: DISPUTE_EVENTS[kind], note: '' });
    const open = buildHistories({
      log: [],
      ledger: [],
      statusMemory: none,
      disputes: [d('2026-01-03', 'open'), d('2026-01-04', 'note')],
    }).get('A');
    expect(open?.disputeOpen).toBe(true);
    const resolved = buildHistories({
      log: [],
      ledger: [],
      statusMemory: none,
      disputes: [d('2026-01-05', 'resolve'), d('2026-01-03', 'open')],
    }).get('A');
    expect(resolved?.disputeOpen).toBe(false);
    expect(resolved?.disputeResolvedOn).toBe('2026-01-05');
  });
});

describe('log and dispute sheets', () => {
  it('finds columns by header name, even when the user reordered them', () => {
    const values: CellValue[][] = [
      ['Result', 'Invoice', 'Stage', 'Timestamp'],
      ['sent', 'inv-7', 'reminder', { date: '2026-02-01' }],
      ['', '', '', ''],
    ];
    expect(parseLogRows(values)).toEqual([
      { key: 'INV-7', stage: 'reminder', outcome: 'sent', result: 'sent', date: '2026-02-01' },
    ]);
  });

  it('reads the Client cell when the log has a Client column (one email per client)', () => {
    const values: CellValue[][] = [
      ['Timestamp', 'Invoice', 'Client', 'Stage', 'Result'],
      [{ date: '2026-02-01' }, 'INV-7', 'Acme Ltd', 'reminder', 'sent'],
      [{ date: '2026-02-02' }, 'INV-8', '', 'reminder', 'sent'],
    ];
    expect(parseLogRows(values).map((r) => r.client)).toEqual(['Acme Ltd', undefined]);
  });

  it('decides dispute events on the Event Code column; rows from before it by their words', () => {
    const values: CellValue[][] = [
      ['Timestamp', 'Invoice', 'Event', 'Note', 'Event Code'],
      [{ date: '2026-02-01' }, 'A', 'Dispute opened (reworded)', '', 'open'],
      [{ date: '2026-02-02' }, 'B', DISPUTE_EVENTS.open, '', ''],
      [{ date: '2026-02-03' }, 'C', 'Something typed by hand', '', ''],
    ];
    expect(parseDisputeRows(values).map((d) => [d.key, d.kind])).toEqual([
      ['A', 'open'],
      ['B', 'open'],
      ['C', null],
    ]);
  });

  it('decides on the Outcome column, not on the words beside it', () => {
    const values: CellValue[][] = [
      [...LOG_HEADERS],
      [{ date: '2026-02-01' }, 'A', 'C', 'reminder', '', '', 'skipped: reworded later', '', 'sent'],
    ];
    expect(parseLogRows(values)[0]?.outcome).toBe('sent');
    const h = buildHistories({ log: parseLogRows(values), disputes: [], ledger: [], statusMemory: none }).get('A');
    expect(h?.lastSentStage).toBe('reminder');
  });

  it('a log written before the Outcome column is read by its words, once', () => {
    const old: Array<[string, Outcome | null]> = [
      ['sent', 'sent'],
      ['preview', 'preview'],
      ['skipped: superseded by the formal notice', 'superseded'],
      ['skipped: no email at this stage. Decide the next step', 'decision'],
      ['skipped: this row has no Billing Email', 'skipped'],
      ['queued: daily email quota; it goes out on the next run', 'queued'],
      ['failed: Invalid email: x', 'failed'],
      ['failed: the run was interrupted while sending, so this email may or may not have gone out.', 'unsure'],
      ['something else', null],
    ];
    for (const [words, code] of old) expect(outcomeFromWords(words)).toBe(code);
    const rows = parseLogRows([
      ['Timestamp', 'Invoice', 'Client', 'Stage', 'Recipients', 'Subject', 'Result', 'Gmail Thread'],
      [{ date: '2026-02-01' }, 'A', 'C', 'firm', '', '', 'sent', ''],
    ]);
    expect(rows[0]?.outcome).toBe('sent');
  });

  it('a log whose header row was lost reads with the header put back (without writing)', () => {
    const cells: CellValue[][] = [[{ date: '2026-02-01' }, 'A', 'C', 'firm', '', '', 'sent', '', 'sent']];
    expect(parseLogRows(withHeaderRow(cells, LOG_HEADERS))).toHaveLength(1);
  });

  it('reads dispute events', () => {
    const values: CellValue[][] = [
      ['Timestamp', 'Invoice', 'Event', 'Note'],
      [{ date: '2026-02-01' }, 'A-1', 'Dispute opened', '=not a formula'],
    ];
    expect(parseDisputeRows(values)).toEqual([
      { key: 'A-1', date: '2026-02-01', kind: 'open', event: 'Dispute opened', note: '=not a formula' },
    ]);
  });
});

describe('locateRows', () => {
  const columns = { invoice: 0, client: 1, amount: 2 };
  const rows: CellValue[][] = [
    ['A', 'Acme', 10],
    ['B', 'Beta', 20],
    ['', 'No number', 30],
  ];
  const targets = rows.map((r) => ({ key: r[0] === '' ? null : String(r[0]), fingerprint: rowFingerprint(r, columns) }));

  it('finds rows after a sort and an inserted row', () => {
    const now = [
      ['', 'No number', 30],
      ['new', 'Newco', 5],
      ['B', 'Beta', 20],
      ['A', 'Acme', 10],
    ] as CellValue[][];
    expect(locateRows(targets, now, columns)).toEqual([5, 4, 2]);
  });

  it('a deleted row is not found, and a key now used twice falls back to the row content', () => {
    const now = [
      ['A', 'Acme', 10],
      ['A', 'Copy', 11],
    ] as CellValue[][];
    expect(locateRows(targets, now, columns)).toEqual([2, null, null]);
  });

  it('a fingerprint made only when asked for finds the same rows', () => {
    const lazy = targets.map((t, i) => ({ key: t.key, fingerprint: () => rowFingerprint(rows[i] ?? [], columns) }));
    const now = [
      ['A', 'Copy', 11],
      ['', 'No number', 30],
      ['A', 'Acme', 10],
    ] as CellValue[][];
    expect(locateRows(lazy, now, columns)).toEqual(locateRows(targets, now, columns));
    expect(locateRows(lazy, now, columns)).toEqual([4, null, 3]);
  });
});

describe('sameInputCells', () => {
  const cell = fc.oneof(
    fc.constantFrom<CellValue | undefined>(undefined, '', 0, '0', true, 'true', { date: '2026-01-02' }, 'd:2026-01-02'),
    fc.string({ maxLength: 3 }),
    fc.integer({ min: -3, max: 3 }),
  ) as fc.Arbitrary<CellValue>;
  const columnsOf = fc.constantFrom(
    { invoice: 0, client: 1, amount: 2 },
    { invoice: 2, client: 0, amount: 1 },
    { invoice: 0, amount: 2 },
    { client: 1, amount: 2, dueDate: 0 },
  );

  it("says the same as comparing the two rows' fingerprints", () => {
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 3, maxLength: 3 }),
        fc.array(cell, { minLength: 3, maxLength: 3 }),
        columnsOf,
        columnsOf,
        (a, b, was, now) => {
          expect(sameInputCells(a, was, b, now)).toBe(rowFingerprint(a, was) === rowFingerprint(b, now));
          expect(sameInputCells(a, was, a, was)).toBe(true);
        },
      ),
    );
  });
});
