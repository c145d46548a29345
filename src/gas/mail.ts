// MailApp adapter (scope script.send_mail: send-only, not the restricted full-mailbox scope).
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
  MailApp.sendEmail(message);
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
