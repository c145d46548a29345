// The send ledger: each send is recorded in the store before and after it happens, so a run that
// dies mid-send never leads to a second email. The log settles the entries.
import { hasSent } from '../domain/history';
import { ledgerId, type LedgerEntry, type LogLine } from '../domain/records';
import type { EmailStageId } from '../domain/types';
import { INTERRUPTED } from './logLines';
import { LEDGER_PREFIX, type Snapshot } from './snapshot';
import type { StorePort } from './ports';

/** The store key of an invoice's send of one stage. */
export function ledgerKey(key: string, stage: EmailStageId): string {
  return LEDGER_PREFIX + ledgerId(key, stage);
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
    if (hasSent(snapshot.log, entry.key, entry.stage)) {
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
