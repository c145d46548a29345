// What the add-on remembers of each invoice, merged from every place that memory lives:
// the Follow-up Log, the Stage / Last Follow-up columns, the send ledger and the Dispute Notes.
// Merging takes the furthest-along answer, so losing one source never causes a second send.
import { type DisputeRecord, type LedgerEntry, type LedgerStage, type LogRecord } from './records';
import { isEmailStage } from './stageTable';
import { emptyHistory, stageOrder, withSkipped, withPromiseMissedSent, withSent, type InvoiceHistory } from './stages';
import { STAGE_IDS, type EmailStageId, type IsoDate, type StageId } from './types';

/** The Stage and Last Follow-up cells of a row, as last written by the add-on. */
export interface StatusMemory {
  stage: EmailStageId | null;
  lastFollowUp: IsoDate | null;
}

export function stageFromText(text: string): StageId | null {
  const t = text.trim().toLowerCase();
  return (STAGE_IDS as readonly string[]).includes(t) ? (t as StageId) : null;
}

export interface HistorySources {
  log: LogRecord[];
  disputes: DisputeRecord[];
  ledger: LedgerEntry[];
  statusMemory: Map<string, StatusMemory>;
}

/** Every invoice's history from its sources (the log's Outcome codes, never its words). */
export function buildHistories(sources: HistorySources): Map<string, InvoiceHistory> {
  const histories = new Map<string, InvoiceHistory>();
  const get = (key: string): InvoiceHistory => {
    let h = histories.get(key);
    if (!h) {
      h = emptyHistory();
      histories.set(key, h);
    }
    return h;
  };
  const recordSent = (key: string, stage: EmailStageId, day: IsoDate | null): void => {
    const h = get(key);
    const next = day ? withSent(h, stage, day) : { ...h, lastSentStage: laterStage(h.lastSentStage, stage) };
    histories.set(key, next);
  };

  for (const r of sources.log) {
    if (r.outcome === 'sent' && recordNotice(r.key, r.stage, r.date, r.promisedDate ?? null, get, histories)) continue;
    const stage = stageFromText(r.stage);
    if (!stage) continue;
    if (!isEmailStage(stage)) {
      if (r.outcome === 'decision') get(r.key).decisionLogged = true;
    } else if (r.outcome === 'sent') recordSent(r.key, stage, r.date);
    else if (r.outcome === 'skipped' || r.outcome === 'superseded') histories.set(r.key, withSkipped(get(r.key), stage));
  }
  mergeStatusMemory(sources, get, recordSent);
  mergeLedger(sources, get, recordSent, histories);
  mergeDisputes(sources, get);
  return histories;
}

type Get = (key: string) => InvoiceHistory;

/**
 * A notice that went out (docs/escalation.md): the "promise missed" email for its promised date (the
 * schedule resumes from it), or the thank-you. False when `stage` names no notice.
 */
function recordNotice(
  key: string,
  stage: string,
  day: IsoDate | null,
  promisedDate: IsoDate | null,
  get: Get,
  histories: Map<string, InvoiceHistory>,
): boolean {
  if (stage === 'thankYou') {
    histories.set(key, { ...get(key), thankYouSent: true });
    return true;
  }
  if (stage !== 'promiseMissed') return false;
  // Without its date (a damaged row) the email still counts as the latest follow-up.
  const h = get(key);
  if (day !== null && promisedDate !== null) histories.set(key, withPromiseMissedSent(h, promisedDate, day));
  else if (day !== null && (!h.lastFollowUp || day > h.lastFollowUp)) histories.set(key, { ...h, lastFollowUp: day });
  return true;
}
type RecordSent = (key: string, stage: EmailStageId, day: IsoDate | null) => void;

function mergeStatusMemory(sources: HistorySources, get: Get, recordSent: RecordSent): void {
  for (const [key, memory] of sources.statusMemory) {
    if (memory.stage) recordSent(key, memory.stage, memory.lastFollowUp);
    else if (memory.lastFollowUp) {
      const h = get(key);
      if (!h.lastFollowUp || memory.lastFollowUp > h.lastFollowUp) h.lastFollowUp = memory.lastFollowUp;
    }
  }
}

function mergeLedger(sources: HistorySources, get: Get, recordSent: RecordSent, histories: Map<string, InvoiceHistory>): void {
  for (const e of sources.ledger) {
    if (e.state === 'sent') {
      if (!recordNotice(e.key, e.stage, e.date, e.promisedDate ?? null, get, histories))
        recordSent(e.key, e.stage as EmailStageId, e.date);
    } else if (!hasSentEntry(sources.log, e)) {
      get(e.key).needsReview = `the ${e.stage} email of ${e.date} may not have been sent`;
    }
  }
}

function mergeDisputes(sources: HistorySources, get: Get): void {
  const byDate = [...sources.disputes].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  for (const d of byDate) {
    const h = get(d.key);
    if (d.kind === 'open') h.disputeOpen = true;
    else if (d.kind === 'resolve') {
      h.disputeOpen = false;
      h.disputeResolvedOn = d.date;
    }
  }
}

function laterStage(a: EmailStageId | null, b: EmailStageId): EmailStageId {
  return a !== null && stageOrder(a) > stageOrder(b) ? a : b;
}

/** True when the log already has a `sent` row for this invoice and stage. */
export function hasSent(log: LogRecord[], key: string, stage: LedgerStage): boolean {
  return log.some((r) => r.key === key && r.stage === stage && r.outcome === 'sent');
}

/** True when the log already has the `sent` row of this ledger entry (a "promise missed" one: for its promised date). */
export function hasSentEntry(log: LogRecord[], e: Pick<LedgerEntry, 'key' | 'stage' | 'promisedDate'>): boolean {
  if (e.stage !== 'promiseMissed') return hasSent(log, e.key, e.stage);
  return log.some((r) => r.key === e.key && r.stage === e.stage && r.outcome === 'sent' && r.promisedDate === e.promisedDate);
}
