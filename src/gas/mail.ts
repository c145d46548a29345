// MailApp adapter (scope script.send_mail: send-only, not the restricted full-mailbox scope).
import type { PlannedLetter } from '../domain/notice';
import type { FollowUpEmail } from '../domain/plan';

export function remainingDailyQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

export function sendFollowUpEmail(email: FollowUpEmail, senderName: string): void {
  const message: GoogleAppsScript.Mail.MailAdvancedParameters = {
    to: email.to.join(','),
    subject: email.subject,
    body: email.text,
    htmlBody: email.html,
  };
  if (email.cc.length > 0) message.cc = email.cc.join(',');
  if (email.bcc.length > 0) message.bcc = email.bcc.join(',');
  if (senderName !== '') message.name = senderName;
  if (email.letter !== undefined) message.attachments = [letterPdf(email.letter)];
  MailApp.sendEmail(message);
}

/**
 * An HTML document as a PDF, by Apps Script's own conversion (no Drive, no extra scope); see
 * docs/late-payment.md, "The formal letter".
 */
export function pdfOf(document: PlannedLetter): GoogleAppsScript.Base.Blob {
  const html = Utilities.newBlob(document.html, 'text/html', document.fileName.replace(/\.pdf$/i, '') + '.html');
  return html.getAs('application/pdf').setName(document.fileName);
}

/** The letter's PDF; a failed conversion is refused before anything is sent, so the next run tries again. */
function letterPdf(letter: PlannedLetter): GoogleAppsScript.Base.Blob {
  try {
    return pdfOf(letter);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`Invalid argument: the formal letter could not be made into a PDF (${why.replace(/^Exception:\s*/, '')})`);
  }
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
