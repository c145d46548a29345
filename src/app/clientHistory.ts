// What the add-on remembers of each client for "one email per client" (docs/escalation.md): the day
// of the latest email that may have reached it, from the Follow-up Log and the send ledger.
import { clientKey } from '../domain/group';
import type { LedgerEntry, LogRecord } from '../domain/records';
import type { Invoice, IsoDate } from '../domain/types';

/**
 * The latest day an email went (or may have gone) to each client, by `clientKey`: `sent` log rows,
 * `unsure` ones (the email may have left) unless the user said since that it was not sent, and every
 * send-ledger entry (a send not yet in the log).
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
  for (const r of mayHaveGone(log)) note(r.client ?? invoices.get(r.key)?.client, r.date);
  for (const e of ledger) note(e.client, e.date);
  return out;
}

/** The `sent` log rows, and the `unsure` ones not answered since by a `failed` row of the same invoice and stage. */
function mayHaveGone(log: LogRecord[]): LogRecord[] {
  const answered = new Set<string>();
  const out: LogRecord[] = [];
  for (let i = log.length - 1; i >= 0; i--) {
    const r = log[i] as LogRecord;
    const id = `${r.key}\u0000${r.stage}`;
    if (r.outcome === 'failed') answered.add(id);
    else if (r.outcome === 'sent' || (r.outcome === 'unsure' && !answered.has(id))) out.push(r);
  }
  return out;
}
