// The one send path: every email the add-on sends (client emails, "promise missed", thank-you, the
// daily summary, the owner's alerts) goes through `sendAtMostOnce` (README "Duplicates: what the
// add-on promises"). The protocol, in order:
//   1. room: the records this email needs must fit in the store, measured on the records themselves;
//   2. fresh check: this run still holds the spreadsheet, and no other run recorded these sends;
//   3. the "sending" records are written and flushed (SpreadsheetApp.flush), so that a kill of the
//      execution at any later instruction leaves them in the spreadsheet;
//   4. MailApp is called, with the remaining quota read just before;
//   5. the records say what happened: "sent"; removed when MailApp refused before sending (the
//      quota did not move, whatever the language of its message); "unknown" otherwise, held for
//      the user's answer, never sent again blindly.
// These records are the only writes in the middle of a run (src/app/run.ts): everything else a run
// writes waits for the end, so a kill mid-run leaves nothing but what the next run needs to know.
import { recipientCount } from '../domain/plan';
import type { LedgerEntry, OwnEmailKind, OwnEmailRecord } from '../domain/records';
import type { IsoDate } from '../domain/types';
import { StoreFullError, type MailMessage, type SendIo, type StorePort } from './ports';
import type { RunClaim } from './runClaim';

type Ports = SendIo;

/** One send's records: one ledger entry per invoice of the email (or one for a notice or a summary). */
export interface SendRecord {
  id: string;
  entry: LedgerEntry | OwnEmailRecord;
}

const OWN_EMAIL_PREFIX = 'mail:';

/** The record of today's email of one kind to the user (the daily summary, an alert). */
export function ownEmailRecord(kind: OwnEmailKind, date: IsoDate, to: string, subject: string): SendRecord {
  return { id: `${OWN_EMAIL_PREFIX}${kind}:${date}`, entry: { kind, state: 'sending', date, recipients: `to: ${to}`, subject } };
}

/** Removes the records of emails to the user from days before `today` (they only guard their own day). */
export function pruneOwnEmailRecords(ports: SendIo & { store: Pick<StorePort, 'readAllJson'> }, today: IsoDate): void {
  for (const { key, value } of ports.store.readAllJson(OWN_EMAIL_PREFIX)) {
    const date = (value as Partial<OwnEmailRecord> | null)?.date;
    if (typeof date !== 'string' || date < today) deleteQuietly(ports, key);
  }
}

/** Why MailApp refused before sending: the daily quota, an address, a permission, or anything else. */
export type Refusal = 'quota' | 'address' | 'permission' | 'other';

export type SendOutcome =
  | { code: 'sent' }
  /** Nothing went out; a later run may try again. */
  | { code: 'refused'; refusal: Refusal; message: string }
  /** It may have gone out: held for the user's answer. */
  | { code: 'unsure'; message: string }
  /** The records could not be written (`full`: no room in the store; else the store refused): nothing was sent. */
  | { code: 'unrecorded'; full: boolean; message: string }
  /** Another run holds the spreadsheet or recorded one of these sends: nothing was sent. */
  | { code: 'taken' };

/** Sends one email at most once (see the protocol above). `claim` is null only for an alert about a run that could not claim. */
export function sendAtMostOnce(
  ports: Ports,
  email: MailMessage,
  records: readonly SendRecord[],
  senderName: string,
  claim: RunClaim | null,
): SendOutcome {
  const needed = records.reduce((n, r) => n + ports.store.entrySize(r.id, r.entry), 0);
  if (needed > ports.store.room()) return { code: 'unrecorded', full: true, message: STORE_FULL };
  if (!stillClear(ports, records, claim)) return { code: 'taken' };
  const unrecorded = writeSending(ports, records);
  if (unrecorded !== null) return { code: 'unrecorded', ...unrecorded };
  const quotaBefore = quotaNow(ports);
  try {
    ports.mail.send(email, senderName);
  } catch (err) {
    return afterFailure(ports, records, errorMessage(err), quotaBefore, recipientCount(email));
  }
  settleRecords(ports, records, 'sent');
  return { code: 'sent' };
}

export const STORE_FULL =
  "the add-on's storage in this spreadsheet has no room to record this email before sending it, so it was not sent";

/**
 * This run still holds the spreadsheet (its claim, read fresh), and no run recorded these sends. A
 * run holding its claim read the store after claiming, so what it holds is current; an alert sent
 * without a claim reads the store again first.
 */
function stillClear(ports: Ports, records: readonly SendRecord[], claim: RunClaim | null): boolean {
  if (claim === null) ports.store.refresh();
  else if (!claim.stillOurs()) return false;
  return records.every((r) => ports.store.readJson(r.id).value === null);
}

/** Writes every record as `sending` and flushes; on a refusal removes those written and says why. */
function writeSending(ports: Ports, records: readonly SendRecord[]): { full: boolean; message: string } | null {
  const written: string[] = [];
  try {
    for (const { id, entry } of records) {
      ports.store.writeJson(id, { ...entry, state: 'sending' });
      written.push(id);
    }
    ports.spreadsheet.flush();
    return null;
  } catch (err) {
    for (const id of written) deleteQuietly(ports, id);
    return { full: err instanceof StoreFullError, message: errorMessage(err) };
  }
}

function afterFailure(
  ports: Ports,
  records: readonly SendRecord[],
  message: string,
  quotaBefore: number | null,
  recipients: number,
): SendOutcome {
  const quotaAfter = quotaBefore === null ? null : quotaNow(ports);
  const known = refusalCode(message);
  // The quota counts recipients of emails that went out: unchanged, nothing went out.
  const refusedBeforeSending = quotaBefore !== null && quotaAfter !== null ? quotaAfter === quotaBefore : known !== null;
  if (!refusedBeforeSending) {
    settleRecords(ports, records, 'unknown');
    return { code: 'unsure', message };
  }
  for (const { id } of records) deleteQuietly(ports, id);
  flushQuietly(ports);
  const refusal: Refusal = known ?? (quotaBefore !== null && quotaBefore < recipients ? 'quota' : 'other');
  return { code: 'refused', refusal, message };
}

/** Marks the records `sent` or `unknown`, flushed; a failed write is reconciled by the next run (the log row says it). */
function settleRecords(ports: Ports, records: readonly SendRecord[], state: 'sent' | 'unknown'): void {
  for (const { id, entry } of records) {
    try {
      ports.store.writeJson(id, { ...entry, state });
    } catch (err) {
      console.error(`Could not record the ${state} state of a send: ${errorMessage(err)}`);
    }
  }
  flushQuietly(ports);
}

function quotaNow(ports: Ports): number | null {
  try {
    return ports.mail.remainingDailyQuota();
  } catch {
    return null;
  }
}

function deleteQuietly(ports: Ports, id: string): void {
  try {
    ports.store.delete(id);
  } catch (err) {
    console.error(`Could not remove a send record: ${errorMessage(err)}`);
  }
}

function flushQuietly(ports: Ports): void {
  try {
    ports.spreadsheet.flush();
  } catch (err) {
    console.error(`Could not apply the send records: ${errorMessage(err)}`);
  }
}

/**
 * MailApp errors that say nothing was sent, by how their English message starts: the daily quota,
 * a malformed address, a missing permission. Used for the words, and to decide only when the
 * remaining quota cannot be read; any other language is decided by the quota.
 */
const REFUSED_BEFORE_SENDING: ReadonlyArray<{ code: Exclude<Refusal, 'other'>; pattern: RegExp }> = [
  { code: 'quota', pattern: /^service invoked too many times for one day: email/i },
  { code: 'address', pattern: /^invalid (email|argument)/i },
  { code: 'permission', pattern: /^authorization is required/i },
  { code: 'permission', pattern: /^you do not have permission/i },
  { code: 'permission', pattern: /^(the script|this add-on) does not have permission/i },
];

export function refusalCode(message: string): Exclude<Refusal, 'other'> | null {
  return REFUSED_BEFORE_SENDING.find((r) => r.pattern.test(message))?.code ?? null;
}

export function errorMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text
    .replace(/^Exception:\s*/, '')
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}
