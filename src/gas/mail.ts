// MailApp adapter (scope script.send_mail: send-only, not the restricted full-mailbox scope).
import type { PlannedDocument } from '../domain/notice';
import type { MailMessage } from '../app/ports';
import { pdfOf } from './pdf';

export function remainingDailyQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

/** Sends one email in one MailApp call (a client email listing several invoices included). */
export function sendFollowUpEmail(email: MailMessage, senderName: string): void {
  const message: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to: email.to.join(','),
    subject: email.subject,
    body: email.text,
    htmlBody: email.html,
  };
  if (email.cc.length > 0) message.cc = email.cc.join(',');
  if (email.bcc.length > 0) message.bcc = email.bcc.join(',');
  if (senderName !== '') message.name = senderName;
  const letters = lettersOf(email);
  if (letters.length > 0) message.attachments = letters.map(letterPdf);
  MailApp.sendEmail(message);
}

/**
 * The formal letter to attach: the email's own, else the first listed invoice's. Each invoice's letter
 * already lists all the client's open invoices and the total claimed (docs/late-payment.md), so a
 * client email carries one: two would read as claiming the total twice.
 */
function lettersOf(email: MailMessage): PlannedDocument[] {
  if (email.letter !== undefined) return [email.letter];
  const first = (email.invoices ?? []).find((i) => i.letter !== undefined)?.letter;
  return first === undefined ? [] : [first];
}

/** The letter's PDF; a failed conversion is refused before anything is sent, so the next run tries again. */
function letterPdf(letter: PlannedDocument): GoogleAppsScript.Base.Blob {
  let why: string;
  try {
    return pdfOf(letter);
  } catch (err) {
    why = (err instanceof Error ? err.message : String(err)).replace(/^Exception:\s*/, '');
  }
  throw new Error(`Invalid argument: the formal letter could not be made into a PDF (${why})`);
}

/** The user's own address (for CC/BCC-self), or null when Apps Script will not say. */
export function selfEmail(): string | null {
  try {
    const email = Session.getEffectiveUser().getEmail();
    return email === '' ? null : email;
  } catch {
    return null;
  }
}
