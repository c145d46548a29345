// When the store cannot record the next send, sending stops before that email (never after), the
// sends made are logged, and the owner is told by email the same day what happened and what to do
// (README "When the platform refuses"), in the spreadsheet's language. The alert goes through the one
// send path like any email, with its own record (one a day), so a second run that day does not send it again.
import { languageWords } from '../domain/defaultTemplates';
import { summaryLanguage } from '../domain/language';
import { escapeHtml } from '../domain/templates';
import type { RunPlan } from './planRun';
import type { Ports } from './ports';
import type { RunClaim } from './runClaim';
import type { Outcomes } from './send';
import { errorMessage, ownEmailRecord, pruneOwnEmailRecords, sendAtMostOnce } from './sendOnce';

interface AfterSending {
  run: Pick<RunPlan, 'today'>;
  senderName: string;
  claim: RunClaim | null;
}

/** After a sending run: tidies the records of earlier days' own emails; tells the owner when the store stopped sending. */
export function afterSending(ports: Ports, outcomes: Pick<Outcomes, 'stop' | 'counts'>, after: AfterSending): void {
  try {
    pruneOwnEmailRecords(ports, after.run.today);
  } catch (err) {
    console.error(`Could not tidy the records of earlier summaries: ${errorMessage(err)}`);
  }
  if (outcomes.stop?.code !== 'storeFull') return;
  alertStoreFull(ports, outcomes.counts.sent, after);
}

/** Emails the owner that sending stopped for want of room in the store (at most once a day). */
export function alertStoreFull(ports: Ports, sentToday: number, after: AfterSending): void {
  const self = ports.mail.selfEmail();
  if (self === null) return;
  const address = ports.spreadsheet.url();
  // In the spreadsheet's language, as the daily summary (README "Languages").
  const words = languageWords(summaryLanguage(ports.spreadsheet.locale)).summary.storeFull;
  const subject = words.subject;
  const text = words.lines(address, sentToday).join('\n');
  const html = `<p>${text.split('\n').map(escapeHtml).join('<br>')}</p>`;
  const record = ownEmailRecord('storeFull', after.run.today, self, subject);
  const outcome = sendAtMostOnce(
    ports,
    { to: [self], cc: [], bcc: [], subject, text, html },
    [record],
    after.senderName,
    after.claim,
  );
  if (outcome.code !== 'sent' && outcome.code !== 'taken') {
    console.error(`Could not email you that the storage is full: ${outcome.message}`);
  }
}
