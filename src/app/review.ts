// Sends whose outcome is unknown (a run was interrupted mid-send): the user checks their Sent mail
// and says what happened. Only then does the invoice move on, so nothing is ever sent twice blindly.
import { ledgerId, type LedgerEntry } from '../domain/records';
import { stageLabel } from '../domain/settings';
import { withDocumentLock } from '../gas/lock';
import { DateConverter } from '../gas/sheet';
import { DocumentStore } from '../gas/store';
import { appendLogLines, LEDGER_PREFIX, readLedger } from './run';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Sends a finished run found half-done (`unknown`). A `sending` entry may be a send another
 * execution is making right now: it is not asked about until a run under the lock has settled it.
 */
export function unsureSends(ss: Spreadsheet): LedgerEntry[] {
  return readLedger(DocumentStore.forSpreadsheet(ss.getId())).filter((e) => e.state === 'unknown');
}

export function unsureSendQuestion(e: LedgerEntry): string {
  return (
    `Invoice ${e.invoice} (${e.client}): the ${stageLabel(e.stage).toLowerCase()} email of ${e.date} to ${e.recipients.replace(/^to: /, '')} ` +
    'may not have been sent, because the run was interrupted.\n\nIs it in your Sent mail?\n\n' +
    'Yes: it was sent (the invoice moves on).\nNo: it was not sent (it goes out on this run).\nCancel: decide later.'
  );
}

/** Records the user's answer: a `sent` or `failed` log row, and the ledger entry is settled. */
export function settleUnsureSend(ss: Spreadsheet, entry: LedgerEntry, wasSent: boolean): boolean {
  const done = withDocumentLock(10 * 1000, () => {
    const store = DocumentStore.forSpreadsheet(ss.getId());
    // Answered twice (two dialogs, or the sidebar and the menu)? Only the first answer counts.
    const id = LEDGER_PREFIX + ledgerId(entry.key, entry.stage);
    const still = store.readJson(id).value as LedgerEntry | null;
    if (!still || still.state !== 'unknown') return false;
    const dates = new DateConverter(ss.getSpreadsheetTimeZone());
    appendLogLines(ss, dates, [
      {
        invoice: entry.invoice,
        client: entry.client,
        stage: entry.stage,
        recipients: entry.recipients,
        subject: entry.subject,
        result: wasSent ? 'sent' : 'failed: not sent (checked by you in Sent mail); it will be sent again',
        threadId: '',
        // A confirmed send is dated when it went out, so the next follow-up keeps its schedule.
        date: wasSent ? entry.date : undefined,
      },
    ]);
    store.delete(id);
    return true;
  });
  return done.acquired && done.value;
}
