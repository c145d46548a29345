// The send ledger: each send is recorded in the store before and after it happens, so a run that
// dies mid-send never leads to a second email. The log settles the entries.
import { hasSentEntry } from '../domain/history';
import { ledgerId, type LedgerEntry, type LedgerStage, type LogLine } from '../domain/records';
import { stageLabel } from '../domain/settings';
import { INTERRUPTED } from './logLines';
import { LEDGER_PREFIX, type Snapshot } from './snapshot';
import type { StorePort } from './ports';

/** The store key of an invoice's send of one stage (or of one notice: "promise missed", thank-you). */
export function ledgerKey(key: string, stage: LedgerStage): string {
  return LEDGER_PREFIX + ledgerId(key, stage);
}

const NOTICE_LABELS: Record<string, string> = { promiseMissed: 'Promise missed', thankYou: 'Thank-you' };

/** What a ledger entry or log row is about, in words ('Reminder', 'Promise missed'…). */
export function ledgerStageLabel(stage: LedgerStage): string {
  return NOTICE_LABELS[stage] ?? stageLabel(stage as Exclude<LedgerStage, 'promiseMissed' | 'thankYou'>);
}

export interface Recovery {
  /** Log rows for sends an earlier run left half-recorded. */
  lines: LogLine[];
  /** Ledger keys to delete once the log holds these rows. */
  settled: string[];
  /** Sends that died mid-way: their outcome is unknown until the user says. */
  unknown: LedgerEntry[];
}

/**
 * Settles sends an earlier run left half-recorded. `sent` entries that never reached the log are
 * logged now; `sending` entries mean the run died mid-send: the outcome is unknown, so the invoice
 * is held for the user to review rather than risk a second email.
 */
export function recoverLedger(snapshot: Snapshot): Recovery {
  const recovery: Recovery = { lines: [], settled: [], unknown: [] };
  for (const entry of snapshot.ledger) {
    const id = ledgerKey(entry.key, entry.stage);
    if (hasSentEntry(snapshot.log, entry)) {
      recovery.settled.push(id);
      continue;
    }
    const base = {
      invoice: entry.invoice,
      client: entry.client,
      stage: entry.stage,
      recipients: entry.recipients,
      subject: entry.subject,
      threadId: '',
      // A "promise missed" email is logged with the promise it is about, whatever became of it.
      ...(entry.promisedDate === undefined ? {} : { promisedDate: entry.promisedDate }),
    };
    if (entry.state === 'sent') {
      recovery.lines.push({ ...base, outcome: 'sent', result: 'sent', date: entry.date });
      recovery.settled.push(id);
    } else if (entry.state === 'sending') {
      recovery.unknown.push({ ...entry, state: 'unknown' });
      recovery.lines.push({ ...base, outcome: 'unsure', result: INTERRUPTED });
    }
  }
  return recovery;
}

/** Records the sends whose outcome is unknown, so they are asked about. */
export function markUnknown(entries: LedgerEntry[], store: StorePort): void {
  for (const entry of entries) store.writeJson(ledgerKey(entry.key, entry.stage), entry);
}
