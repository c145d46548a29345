// A daily trigger whose spreadsheet cannot be opened (deleted, trashed, access lost) would fail
// every day with nobody told: an add-on's trigger failures email no one. So it emails its owner
// once — which spreadsheet, why, what to do — and again only after it has recovered and failed anew
// (README "No silent stops"). The record of that email is kept in the owner's own store (the
// spreadsheet's is out of reach) and goes through the one send path like every email.
import { escapeHtml } from '../domain/templates';
import type { SendIo, TriggerOwnerIo } from './ports';
import { errorMessage, sendAtMostOnce } from './sendOnce';

export interface LostSpreadsheet {
  uid: string;
  name: string | null;
  url: string | null;
  /** Why it could not be opened, as the platform said it. */
  why: string;
}

const recordId = (uid: string): string => `triggerFailure:${uid}`;

/** Emails the owner that the trigger cannot open its spreadsheet, unless this failure was told already. */
export function alertLostSpreadsheet(io: TriggerOwnerIo, lost: LostSpreadsheet, today: string): void {
  const self = io.selfEmail();
  if (self === null) return;
  const subject = `Invoice follow-ups could not run: ${lost.name ? `“${lost.name}”` : 'your spreadsheet'} cannot be opened`;
  const which = lost.name
    ? `the spreadsheet “${lost.name}”${lost.url ? ` (${lost.url})` : ''}`
    : (lost.url ?? 'one of your spreadsheets (the add-on no longer knows which: its record is gone)');
  const text = [
    `The daily follow-ups of ${which} did not run today, and nothing was sent.`,
    `Google said: ${lost.why}`,
    '',
    'What to do:',
    '- If it was moved to the bin, restore it from Google Drive: the next daily run then goes ahead as usual.',
    '- If you lost access, ask its owner to share it with you again (with edit access).',
    '- If you no longer use it, turn its daily follow-ups off: open https://script.google.com/home/triggers and delete the ' +
      '"dailyFollowUps" trigger, or remove the add-on (Extensions › Add-ons › Manage add-ons).',
    '',
    'You get this email once. If the spreadsheet comes back and is lost again, you will be told again.',
  ].join('\n');
  const html = `<p>${text.split('\n').map(escapeHtml).join('<br>')}</p>`;
  const entry = { kind: 'triggerFailure', state: 'sending', date: today, recipients: `to: ${self}`, subject } as const;
  const outcome = sendAtMostOnce(
    io,
    { to: [self], cc: [], bcc: [], subject, text, html },
    [{ id: recordId(lost.uid), entry }],
    '',
    null,
  );
  if (outcome.code === 'refused' || outcome.code === 'unrecorded' || outcome.code === 'unsure') {
    console.error(`Daily follow-ups: could not email you that the spreadsheet cannot be opened: ${outcome.message}`);
  }
}

/** The spreadsheet opened again: a later failure is told anew. */
export function noteSpreadsheetReachable(io: Pick<SendIo, 'store'>, uid: string): void {
  try {
    if (io.store.readJson(recordId(uid)).value !== null) io.store.delete(recordId(uid));
  } catch (err) {
    console.error(`Daily follow-ups: could not clear the record of an earlier failure: ${errorMessage(err)}`);
  }
}
