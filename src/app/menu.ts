// What the menu items do: run or preview from the menu, the daily trigger run, sidebar, triggers.
import { DEFAULT_SHEET_NAME_HINT, setUpInvoiceSheetIn } from './setup';
import { loadConfig, saveSettings } from './config';
import { LAST_RUN_KEY, runFollowUpsIn, summaryText, type RunMode } from './run';
import type { FollowUpEmail } from '../domain/plan';
import { stageLabel } from '../domain/settings';
import { activePorts, triggerPorts } from '../gas/ports';
import { addMenu, askYesNoCancel, confirm, promptText, showAlert, showSidebarFromFile } from '../gas/ui';
import type { Ports } from './ports';
import { errorMessage } from './send';
import { settleUnsureSend, unsureSendQuestion, unsureSends } from './review';

export const MENU_TITLE = 'Follow-ups';

/** Builds the Follow-ups menu: nothing else, so it works in every auth mode. */
export function buildMenu(): void {
  addMenu(MENU_TITLE, [
    { caption: 'Run follow-ups', functionName: 'runFollowUps' },
    { caption: 'Preview follow-ups', functionName: 'previewFollowUps' },
    { caption: 'Open sidebar', functionName: 'showSidebar' },
    'separator',
    { caption: 'Set up invoice sheet', functionName: 'setUpInvoiceSheet' },
    { caption: 'Turn on daily follow-ups', functionName: 'turnOnDailyFollowUps' },
    { caption: 'Turn off daily follow-ups', functionName: 'turnOffDailyFollowUps' },
  ]);
}

function requirePorts(): Ports {
  const ports = activePorts();
  if (!ports) throw new Error('Open a spreadsheet first.');
  return ports;
}

const MAX_LISTED = 10;

export function confirmationText(emails: FollowUpEmail[]): string {
  const lines = emails.slice(0, MAX_LISTED).map((e) => {
    const cc = e.cc.length > 0 ? ` (cc ${e.cc.join(', ')})` : '';
    return `• ${e.invoice.invoice}, ${e.invoice.client}: ${stageLabel(e.stage).toLowerCase()} to ${e.to.join(', ')}${cc}`;
  });
  if (emails.length > MAX_LISTED) lines.push(`…and ${emails.length - MAX_LISTED} more.`);
  const n = emails.length;
  return `Send ${n} follow-up email${n === 1 ? '' : 's'} now?\n\n${lines.join('\n')}`;
}

/**
 * Every email is signed with the sender name, so none can go out without one: ask for it the first
 * time (the daily trigger cannot ask, so turning it on asks too). Returns false if the user cancels.
 */
function ensureSenderName(ports: Ports): boolean {
  const store = ports.store;
  const { settings, warnings } = loadConfig(store);
  if (settings.senderName.trim() !== '') return true;
  if (warnings.length > 0) showAlert('Invoice Follow-ups: please check', warnings.join('\n'));
  for (;;) {
    const answer = promptText(
      'Your name for the emails',
      'Follow-ups are signed with this name and sent from your Gmail address (for example "Sam Rivera" or "Rivera Design Studio").',
    );
    if (answer === null) return false;
    const problems = saveSettings(store, { ...settings, senderName: answer.trim() }).issues.map((i) => i.message);
    if (problems.length === 0 && answer.trim() !== '') return true;
    showAlert('Your name for the emails', problems[0] ?? 'Please enter a name.');
  }
}

export function runFromMenu(mode: RunMode): void {
  const ports = requirePorts();
  if (!ensureSenderName(ports)) return;
  reportStoppedDailyRun(ports);
  if (mode === 'send') askAboutUnsureSends(ports);
  const summary = runFollowUpsIn(ports, {
    mode,
    trigger: 'menu',
    confirmSends:
      mode === 'send' ? (emails) => emails.length === 0 || confirm('Run follow-ups', confirmationText(emails)) : undefined,
  });
  if (summary.stopped && !summary.cancelled) showAlert('Invoice Follow-ups', summary.stopped);
  else ports.spreadsheet.toast(summaryText(summary));
  if (summary.warnings.length > 0) showAlert('Invoice Follow-ups: please check', summary.warnings.join('\n'));
}

/** A daily run that stopped emailed nobody: the next menu run says so, once. */
function reportStoppedDailyRun(ports: Ports): void {
  const store = ports.store;
  const last = store.readJson(LAST_RUN_KEY).value as {
    at?: unknown;
    trigger?: unknown;
    stopped?: unknown;
    seen?: unknown;
  } | null;
  if (!last || last.trigger !== 'daily' || typeof last.stopped !== 'string' || last.seen === true || typeof last.at !== 'string')
    return;
  showAlert('The last daily run did not finish', `On ${last.at.slice(0, 10)}: ${last.stopped}`);
  store.writeJson(LAST_RUN_KEY, { ...last, seen: true });
}

/** Asks the user to settle each send whose outcome is unknown (see review.ts). */
function askAboutUnsureSends(ports: Ports): void {
  for (const entry of unsureSends(ports)) {
    const answer = askYesNoCancel('Was this follow-up sent?', unsureSendQuestion(entry));
    if (answer === 'cancel') return;
    settleUnsureSend(ports, entry, answer === 'yes');
  }
}

/** The time-driven run: never touches the UI (there is no one to see it). */
export function runDaily(triggerUid: string | undefined): void {
  let ports: Ports | null;
  try {
    ports = triggerPorts(triggerUid);
  } catch (err) {
    // Deleted, or its owner lost access: nothing can be sent, and nobody is watching. Say why
    // (no invoice data in the message) where the owner can find it: the execution log.
    console.error(
      `Daily follow-ups: the spreadsheet of this trigger could not be opened (${errorMessage(err)}); nothing was sent.`,
    );
    return;
  }
  if (!ports) {
    console.error(
      'Daily follow-ups: the spreadsheet of this trigger could not be found; turn daily follow-ups off and on again.',
    );
    return;
  }
  runFollowUpsIn(ports, { mode: 'send', trigger: 'daily' });
}

export function openSidebar(): void {
  showSidebarFromFile('Sidebar', 'Invoice Follow-ups');
}

export function setUpFromMenu(): void {
  const result = setUpInvoiceSheetIn(requirePorts());
  showAlert('Set up invoice sheet', result.message);
}

export function turnOnDaily(): void {
  const ports = requirePorts();
  if (!ensureSenderName(ports)) return;
  const { settings } = loadConfig(ports.store);
  ports.triggers.install(settings.sendHour);
  const hour = String(settings.sendHour).padStart(2, '0');
  showAlert(
    'Daily follow-ups are on',
    `Every day between ${hour}:00 and ${hour}:59 (${ports.spreadsheet.timeZone}), the follow-ups that are due are sent ` +
      `from your Gmail. Paid, paused and disputed invoices get nothing. ${DEFAULT_SHEET_NAME_HINT}`,
  );
}

export function turnOffDaily(): void {
  const removed = requirePorts().triggers.remove();
  showAlert(
    'Daily follow-ups are off',
    removed > 0
      ? 'No more follow-ups go out on their own. You can still run them from this menu.'
      : 'Daily follow-ups were not on for this spreadsheet.',
  );
}
