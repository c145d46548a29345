// The run's steps on plain-object ports: each returns its result, none writes through an argument,
// the read never writes, and the log carries outcome codes beside the words.
import { recordDispute } from '../../src/app/disputes';
import { appendLog } from '../../src/app/log';
import { planRun } from '../../src/app/planRun';
import { runFollowUpsIn } from '../../src/app/run';
import { sendPlanned } from '../../src/app/send';
import { readSnapshot } from '../../src/app/snapshot';
import { writeStatuses } from '../../src/app/statuses';
import { LOG_HEADERS } from '../../src/domain/records';
import { fakePorts, fakeSheet, invoice, logRows } from './fakePorts';

const TODAY = '2026-11-10';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

describe('readSnapshot', () => {
  it('reads only: a log with a lost header row and no Outcome column is read, not mended', () => {
    const ports = fakePorts(TODAY, [invoice('A', '2026-11-09')]);
    const log = fakeSheet('Follow-up Log', [[{ date: '2026-11-02' }, 'A', 'Client A', 'reminder', '', '', 'sent', '']]);
    ports.sheets.set('Follow-up Log', log);
    const snapshot = readSnapshot(ports);
    expect(snapshot.log).toEqual([expect.objectContaining({ key: 'A', stage: 'reminder', outcome: 'sent' })]);
    expect(log.writes + ports.sheets.get('Invoices')!.writes).toBe(0);
    expect(ports.storeWrites).toEqual([]);
  });
});

describe('planRun', () => {
  it('is pure: a frozen snapshot plans without a write to it', () => {
    const ports = fakePorts(TODAY, [invoice('A', '2026-11-09'), invoice('B', '2026-11-01')]);
    const snapshot = deepFreeze(readSnapshot(ports));
    const run = planRun(snapshot);
    expect(run.emails.map((e) => [e.key, e.stage])).toEqual([
      ['B', 'firm'],
      ['A', 'reminder'],
    ]);
  });
});

describe('sendPlanned', () => {
  it('writes the ledger before and after each send and returns outcome codes; its input is untouched', () => {
    const ports = fakePorts(TODAY, [invoice('A', '2026-11-09'), invoice('B', '2026-11-01')]);
    const run = deepFreeze(planRun(readSnapshot(ports)));
    const out = sendPlanned(run, ports, { mode: 'send', started: ports.now(), claim: null });
    expect(ports.storeWrites.filter(([k]) => k.startsWith('ledger:'))).toEqual([
      ['ledger:B\u0000firm', 'sending'],
      ['ledger:B\u0000firm', 'sent'],
      ['ledger:A\u0000reminder', 'sending'],
      ['ledger:A\u0000reminder', 'sent'],
    ]);
    expect(out.lines.map((l) => [l.invoice, l.stage, l.outcome])).toEqual([
      ['B', 'reminder', 'superseded'],
      ['B', 'firm', 'sent'],
      ['A', 'reminder', 'sent'],
    ]);
    expect(out.counts).toMatchObject({ sent: 2, skipped: 1 });
    expect(out.histories.get('A')?.lastSentStage).toBe('reminder');
    expect(run.histories.get('A')?.lastSentStage ?? null).toBeNull();
  });

  it('an error after the message may have left (the quota moved): outcome unsure, the ledger says unknown, the invoice needs review', () => {
    const ports = fakePorts(TODAY, [invoice('A', '2026-11-09')]);
    let quota = 100;
    ports.mail.remainingDailyQuota = () => quota;
    ports.failSend = () => {
      quota -= 1;
      return new Error('Service error: Gmail');
    };
    const out = sendPlanned(planRun(readSnapshot(ports)), ports, { mode: 'send', started: ports.now(), claim: null });
    expect(out.lines.map((l) => l.outcome)).toEqual(['unsure']);
    expect(out.lines[0]?.result).toMatch(/^failed: Service error: Gmail\. So this email may or may not have gone out/);
    expect(ports.storeWrites.at(-1)).toEqual(['ledger:A\u0000reminder', 'unknown']);
    expect(out.histories.get('A')?.needsReview).not.toBeNull();
  });

  it('a refused address: outcome failed, ledger entry removed (nothing went out)', () => {
    const ports = fakePorts(TODAY, [invoice('A', '2026-11-09')]);
    ports.failSend = () => new Error('Invalid email: a@client.test');
    const out = sendPlanned(planRun(readSnapshot(ports)), ports, { mode: 'send', started: ports.now(), claim: null });
    expect(out.lines.map((l) => [l.outcome, l.result])).toEqual([['failed', 'failed: Invalid email: a@client.test']]);
    expect([...ports.props.keys()].filter((k) => k.startsWith('ledger:'))).toEqual([]);
  });

  it.each([
    ['German', 'Dienst zu oft aufgerufen: E-Mail'],
    ['French', 'Argument trop volumineux : subject'],
    ['an unknown English refusal', 'Limit Exceeded: Email Recipients Per Message.'],
  ])('a refusal in %s with the quota unchanged: not sent (failed, retried next run), never unsure', (_lang, message) => {
    const ports = fakePorts(TODAY, [invoice('A', '2026-11-09')]);
    ports.failSend = () => new Error(message);
    const out = sendPlanned(planRun(readSnapshot(ports)), ports, { mode: 'send', started: ports.now(), claim: null });
    expect(out.lines.map((l) => [l.outcome, l.result])).toEqual([['failed', `failed: ${message}`]]);
    expect(out.histories.get('A')?.needsReview ?? null).toBeNull();
    expect([...ports.props.keys()].filter((k) => k.startsWith('ledger:'))).toEqual([]);
  });
});

describe('writeStatuses', () => {
  it('writes one block when statuses change, and nothing on a re-run that changes nothing', () => {
    const ports = fakePorts(TODAY, [invoice('A', '2026-11-09'), invoice('B', '2026-12-01')]);
    const sheet = ports.sheets.get('Invoices')!;
    runFollowUpsIn(ports, { mode: 'send', trigger: 'daily' });
    expect(sheet.cells[0]).toEqual(expect.arrayContaining(['Status', 'Stage', 'Last Follow-up']));
    const writes = sheet.writes;
    const snapshot = readSnapshot(ports);
    const run = planRun(snapshot);
    expect(writeStatuses({ snapshot, run, histories: run.histories, reread: false }, ports)).toEqual({ blocks: 0 });
    expect(sheet.writes).toBe(writes);
  });
});

describe('appendLog', () => {
  const line = { invoice: 'A', client: 'C', stage: 'reminder' as const, recipients: '', subject: '', threadId: '' };

  it('writes the Outcome code beside the words, and adds the Outcome header to an older log', () => {
    const ports = fakePorts(TODAY, []);
    const old = LOG_HEADERS.slice(0, -1);
    ports.sheets.set('Follow-up Log', fakeSheet('Follow-up Log', [[...old]]));
    appendLog([{ ...line, outcome: 'queued', result: 'queued: daily email quota; it goes out on the next run' }], ports);
    expect(logRows(ports)).toEqual([
      expect.objectContaining({ Invoice: 'A', Outcome: 'queued', Result: expect.stringMatching(/^queued: /) }),
    ]);
  });

  it('puts a lost header row back before appending', () => {
    const ports = fakePorts(TODAY, []);
    ports.sheets.set(
      'Follow-up Log',
      fakeSheet('Follow-up Log', [[{ date: TODAY }, 'B', 'C', 'firm', '', '', 'sent', '', 'sent']]),
    );
    appendLog([{ ...line, outcome: 'sent', result: 'sent' }], ports);
    expect(logRows(ports).map((r) => [r.Invoice, r.Outcome])).toEqual([
      ['B', 'sent'],
      ['A', 'sent'],
    ]);
  });
});

describe('a dispute click', () => {
  it('reads the invoice sheet at most twice (the refresh reuses its snapshot for the sidebar)', () => {
    const ports = fakePorts(TODAY, [invoice('A', '2026-11-09'), invoice('B', '2026-12-01')]);
    runFollowUpsIn(ports, { mode: 'send', trigger: 'daily' });
    const sheet = ports.sheets.get('Invoices')!;
    const before = sheet.reads;
    const result = recordDispute(ports, 'open', 'A', 'Client says the logo is missing');
    expect(result).toMatchObject({ ok: true, invoice: { key: 'A', status: 'Disputed', disputeOpen: true } });
    expect(sheet.reads - before).toBeLessThanOrEqual(2);
    expect(recordDispute(ports, 'open', 'A', '')).toEqual({
      ok: false,
      problems: ['A dispute is already open for this invoice.'],
    });
  });

  it('another run holds the lock: nothing is recorded, and the sidebar says to try again', () => {
    const ports = fakePorts(TODAY, [invoice('A', '2026-11-09')]);
    ports.lockHeld = true;
    expect(recordDispute(ports, 'note', 'A', 'Called')).toEqual({
      ok: false,
      problems: ['A follow-up run is in progress: try again in a minute.'],
    });
    expect(ports.sheets.has('Dispute Notes')).toBe(false);
  });
});
