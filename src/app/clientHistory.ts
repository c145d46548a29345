// What the add-on remembers of each client for "one email per client" (docs/escalation.md): the day
// of the latest email that may have reached it, from the Follow-up Log and the send ledger.
import { clientKey } from '../domain/group';
import type { LedgerEntry, LogRecord } from '../domain/records';
import type { Invoice, IsoDate } from '../domain/types';

/**
 * The latest day an email went (or may have gone) to each client, by `clientKey`: `sent` log rows,
 * `unsure` ones (the email may have left), and every send-ledger entry (a send not yet in the log).
 * A log row written without a Client cell is matched to its client through the invoice sheet.
 */
export function lastEmailOn(
  log: LogRecord[],
  ledger: LedgerEntry[],
  invoices: ReadonlyMap<string, Invoice>,
): Map<string, IsoDate> {
  const out = new Map<string, IsoDate>();
  const note = (client: string | undefined, day: IsoDate | null): void => {
    if (client === undefined || client.trim() === '' || day === null) return;
    const key = clientKey(client);
    const before = out.get(key);
    if (before === undefined || day > before) out.set(key, day);
  };
  for (const r of log) {
    if (r.outcome !== 'sent' && r.outcome !== 'unsure') continue;
    note(r.client ?? invoices.get(r.key)?.client, r.date);
  }
  for (const e of ledger) note(e.client, e.date);
  return out;
}
