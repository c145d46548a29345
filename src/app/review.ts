// Sends whose outcome is unknown (a run was interrupted mid-send): the user checks their Sent mail
// and says what happened. Only then does the invoice move on, so nothing is ever sent twice blindly.
import type { LedgerEntry } from '../domain/records';
import { ledgerKey, ledgerStageLabel } from './ledger';
import { appendLog } from './log';
import type { Ports } from './ports';
import { readLedger } from './snapshot';

/**
 * Sends a finished run found half-done (`unknown`). A `sending` entry may be a send another
 * execution is making right now: it is not asked about until a run under the lock has settled it.
 */
export function unsureSends(ports: Ports): LedgerEntry[] {
  return readLedger(ports.store).filter((e) => e.state === 'unknown');
}

export function unsureSendQuestion(e: LedgerEntry): string {
  return (
    `Invoice ${e.invoice} (${e.client}): the ${ledgerStageLabel(e.stage).toLowerCase()} email of ${e.date} to ${e.recipients.replace(/^to: /, '')} ` +
    'may not have been sent, because the run was interrupted.\n\nIs it in your Sent mail?\n\n' +
    'Yes: it was sent (the invoice moves on).\nNo: it was not sent (it goes out on this run).\nCancel: decide later.'
  );
}

/** Records the user's answer: a `sent` or `failed` log row, and the ledger entry is settled. */
export function settleUnsureSend(ports: Ports, entry: LedgerEntry, wasSent: boolean): boolean {
  const done = ports.lock.withLock(() => {
    // Answered twice (two dialogs, or the sidebar and the menu)? Only the first answer counts.
    const id = ledgerKey(entry.key, entry.stage);
    const still = ports.store.readJson(id).value as LedgerEntry | null;
    if (!still || still.state !== 'unknown') return false;
    appendLog(
      [
        {
          invoice: entry.invoice,
          client: entry.client,
          stage: entry.stage,
          recipients: entry.recipients,
          subject: entry.subject,
          outcome: wasSent ? 'sent' : 'failed',
          result: wasSent ? 'sent' : 'failed: not sent (checked by you in Sent mail); it will be sent again',
          threadId: '',
          // A confirmed send is dated when it went out, so the next follow-up keeps its schedule.
          date: wasSent ? entry.date : undefined,
          ...(entry.promisedDate === undefined ? {} : { promisedDate: entry.promisedDate }),
        },
      ],
      ports,
    );
    ports.store.delete(id);
    return true;
  });
  return done.acquired && done.value;
}
