// What the menu items do: run or preview from the menu, the daily trigger run, sidebar, triggers.
import { RUNS_ARE_LOGGED_HINT, setUpInvoiceSheetIn } from './setup';
import { changeAuthor } from './changeJournal';
import { loadConfig, saveSettings } from './config';
import { LAST_RUN_KEY, readView, runFollowUpsIn, summaryText, type RunMode } from './run';
import type { ClientEmail } from '../domain/group';
import { missingSenderName, stageLabel } from '../domain/settings';
import {
  activePorts,
  authorizationNeeded,
  authorizationUrlIfNeeded,
  clearAuthorizationNeeded,
  hasUi,
  isDailyTrigger,
  recordAuthorizationNeeded,
  triggerOwnerIo,
  triggerPorts,
  triggerSpreadsheetInfo,
} from '../gas/ports';
import { alertLostSpreadsheet, noteSpreadsheetReachable } from './triggerHealth';
import { addMenu, askYesNoCancel, confirm, promptText, showAlert, showSidebarFromFile } from '../gas/ui';
import { checkSetupText, dailyLine, recordDailyContext } from './checkSetup';
import type { Notice } from './notices';
import type { Ports } from './ports';
import { errorMessage } from './sendOnce';
import { settleUnsureSend, unsureSendQuestion, unsureSends } from './review';

const AUTHORIZE_CAPTION = 'Daily follow-ups need your permission again';

/**
 * Builds the add-on menu (Extensions › Invoice Follow-ups). In AuthMode.NONE it touches nothing
 * else; otherwise it adds an item when a daily run stopped for want of authorisation.
 */
export function buildMenu(authorized: boolean): void {
  const warning =
    authorized && readAuthorizationRecord() ? [{ caption: AUTHORIZE_CAPTION, functionName: 'reviewAuthorization' }] : [];
  addMenu([
    ...warning,
    { caption: 'Run follow-ups', functionName: 'runFollowUps' },
    { caption: 'Preview follow-ups', functionName: 'previewFollowUps' },
    { caption: 'Open sidebar', functionName: 'showSidebar' },
    'separator',
    { caption: 'Set up invoice sheet', functionName: 'setUpInvoiceSheet' },
    { caption: 'Turn on daily follow-ups', functionName: 'turnOnDailyFollowUps' },
    { caption: 'Turn off daily follow-ups', functionName: 'turnOffDailyFollowUps' },
    { caption: 'Check setup', functionName: 'checkSetup' },
  ]);
}

function readAuthorizationRecord(): ReturnType<typeof authorizationNeeded> {
  try {
    return authorizationNeeded();
  } catch {
    return null;
  }
}

function requirePorts(): Ports {
  const ports = activePorts();
  if (!ports) throw new Error('Open a spreadsheet first.');
  return ports;
}

const MAX_LISTED = 10;

/** One client email in a list: its invoices, client, stage and recipients. */
function emailListLine(e: ClientEmail): string {
  const cc = e.cc.length > 0 ? ` (cc ${e.cc.join(', ')})` : '';
  const invoices = e.invoices.map((i) => i.invoice.invoice).join(', ');
  return `• ${invoices}, ${e.client}: ${stageLabel(e.stage).toLowerCase()} to ${e.to.join(', ')}${cc}`;
}

/** One notice in a list: its invoice, client, kind and recipients. */
function noticeListLine({ word, email }: Notice): string {
  const kind = word === 'promiseMissed' ? 'promise missed' : 'thank-you';
  return `• ${email.invoice.invoice}, ${email.invoice.client}: ${kind} to ${email.to.join(', ')}`;
}

export function confirmationText(emails: ClientEmail[], notices: readonly Notice[] = []): string {
  const all = [...emails.map(emailListLine), ...notices.map(noticeListLine)];
  const lines = all.slice(0, MAX_LISTED);
  if (all.length > MAX_LISTED) lines.push(`…and ${all.length - MAX_LISTED} more.`);
  const n = all.length;
  return `Send ${n} follow-up email${n === 1 ? '' : 's'} now?\n\n${lines.join('\n')}`;
}

/**
 * Every email is signed with the sender name, so none can go out without one: ask for it the first
 * time (the daily trigger cannot ask, so turning it on asks too). Returns false if the user cancels.
 */
function ensureSenderName(ports: Ports): boolean {
  const store = ports.store;
  const { settings, warnings } = loadConfig(store);
  if (!missingSenderName(settings)) return true;
  if (warnings.length > 0) showAlert('Invoice Follow-ups: please check', warnings.join('\n'));
  for (;;) {
    const answer = promptText(
      'Your name for the emails',
      'Follow-ups are signed with this name and sent from your Gmail address (for example "Sam Rivera" or "Rivera Design Studio").',
    );
    if (answer === null) return false;
    const problems = saveSettings(store, { ...settings, senderName: answer.trim() }, changeAuthor(ports)).issues.map(
      (i) => i.message,
    );
    const missing = missingSenderName({ ...settings, senderName: answer });
    if (problems.length === 0 && !missing) return true;
    showAlert('Your name for the emails', problems[0] ?? missing?.message ?? 'Please enter a name.');
  }
}

export function runFromMenu(mode: RunMode): void {
  const ports = requirePorts();
  if (!ensureSenderName(ports)) return;
  reportStoppedDailyRun(ports);
  reportAuthorization();
  if (mode === 'send') askAboutUnsureSends(ports);
  const summary = runFollowUpsIn(ports, {
    mode,
    trigger: 'menu',
    confirmSends:
      mode === 'send'
        ? (emails, notices) =>
            emails.length + notices.length === 0 || confirm('Run follow-ups', confirmationText(emails, notices))
        : undefined,
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

/**
 * The time-driven run: never touches the UI (there is no one to see it). It acts only for one of
 * this project's daily triggers, in an execution without a UI: called from a page
 * (google.script.run) it does nothing and writes nothing. It checks its authorisation first:
 * without it, nothing is sent and the next open says so.
 */
export function runDaily(triggerUid: unknown): void {
  const entry = dailyEntryCheck(triggerUid);
  if (entry === 'refused') {
    console.warn('dailyFollowUps runs only from its daily trigger; this call did nothing.');
    return;
  }
  if (!authorizedForDailyRun() || entry !== 'trigger' || typeof triggerUid !== 'string') return;
  let ports: Ports | null;
  try {
    ports = triggerPorts(triggerUid);
    if (!ports) throw new Error('no spreadsheet is recorded for this trigger');
  } catch (err) {
    // Deleted, trashed, or its owner lost access: nothing can be sent, and nobody is watching.
    console.error(
      `Daily follow-ups: the spreadsheet of this trigger could not be opened (${errorMessage(err)}); nothing was sent.`,
    );
    tellOwnerSpreadsheetLost(triggerUid, errorMessage(err));
    return;
  }
  noteSpreadsheetReachable(triggerOwnerIo(), triggerUid);
  runClaimedDaily(ports, triggerUid);
}

/** trigger: a real daily trigger's run; refused: a call from a page or with a made-up id; unknown: ScriptApp could not say. */
function dailyEntryCheck(triggerUid: unknown): 'trigger' | 'refused' | 'unknown' {
  if (hasUi()) return 'refused';
  try {
    return isDailyTrigger(triggerUid) ? 'trigger' : 'refused';
  } catch {
    // Without authorisation ScriptApp refuses: the authorisation check says so, then nothing runs.
    return 'unknown';
  }
}

function tellOwnerSpreadsheetLost(uid: string, why: string): void {
  try {
    const info = triggerSpreadsheetInfo(uid);
    const today = new Date().toISOString().slice(0, 10);
    alertLostSpreadsheet(triggerOwnerIo(), { uid, name: info.name, url: info.url, why }, today);
  } catch (err) {
    console.error(`Daily follow-ups: could not tell you that the spreadsheet cannot be opened (${errorMessage(err)}).`);
  }
}

function runClaimedDaily(ports: Ports, triggerUid: string): void {
  try {
    if (!ports.triggers.claimRun(triggerUid)) {
      console.log('Daily follow-ups: this trigger was replaced or turned off by an editor; it has removed itself.');
      return;
    }
  } catch (err) {
    console.error(`Daily follow-ups: could not check this trigger (${errorMessage(err)}); nothing was sent.`);
    return;
  }
  recordDailyContext(ports, triggerUid);
  runFollowUpsIn(ports, { mode: 'send', trigger: 'daily' });
}

/** False (and recorded, for the next open) when the user must authorise the add-on again. */
function authorizedForDailyRun(): boolean {
  let url: string | null;
  try {
    url = authorizationUrlIfNeeded();
  } catch (err) {
    url = '';
    console.error(`Daily follow-ups: could not check authorisation (${errorMessage(err)}).`);
  }
  if (url === null) {
    clearQuietly();
    return true;
  }
  try {
    recordAuthorizationNeeded(url, new Date());
  } catch (err) {
    console.error(`Daily follow-ups: could not record that authorisation is needed (${errorMessage(err)}).`);
  }
  console.error(
    'Daily follow-ups: the add-on needs your permission again, so nothing was sent. Open the spreadsheet to give it.',
  );
  return false;
}

function clearQuietly(): void {
  try {
    if (authorizationNeeded()) clearAuthorizationNeeded();
  } catch {
    // Nothing recorded where this run can write.
  }
}

const AUTHORIZATION_TEXT =
  'The daily run sent nothing because the add-on needs your permission again (its permissions changed, or access was withdrawn). ' +
  'You gave it by choosing this item, so the next daily run sends again. Choose Check setup to confirm.';

/** Says once, in an interactive run, that a daily run stopped for want of authorisation. */
function reportAuthorization(): void {
  const record = readAuthorizationRecord();
  if (!record) return;
  showAlert('Daily follow-ups sent nothing', `On ${record.at.slice(0, 10)}: ${AUTHORIZATION_TEXT}`);
  clearAuthorizationNeeded();
}

/** Menu item shown while a daily run's authorisation record stands. */
export function reviewAuthorizationFromMenu(): void {
  if (readAuthorizationRecord()) reportAuthorization();
  else showAlert('Daily follow-ups', 'The add-on has the permissions it needs.');
}

export function openSidebar(): void {
  showSidebarFromFile('Sidebar', 'Invoice Follow-ups');
}

export function setUpFromMenu(): void {
  const result = setUpInvoiceSheetIn(requirePorts());
  showAlert('Set up invoice sheet', result.message);
}

/** Turning on checks first: the sender name, who runs them now, the sheet, and what the first run would send. */
export function turnOnDaily(): void {
  const ports = requirePorts();
  if (!ensureSenderName(ports)) {
    const missing = missingSenderName(loadConfig(ports.store).settings);
    if (missing) showAlert('Daily follow-ups were not turned on', missing.message);
    return;
  }
  const status = ports.triggers.status();
  if (status.on && !status.mine && !confirm('Daily follow-ups are on already', replaceQuestion(status, ports))) return;
  let emails: ClientEmail[];
  try {
    emails = readView(ports).run.clientEmails;
  } catch (err) {
    showAlert('Daily follow-ups were not turned on', `The invoice sheet cannot be read: ${errorMessage(err)}`);
    return;
  }
  const { settings } = loadConfig(ports.store);
  const hour = String(settings.sendHour).padStart(2, '0');
  if (!confirm('Turn on daily follow-ups?', firstRunText(emails, hour, ports.spreadsheet.timeZone))) return;
  const result = ports.triggers.install(settings.sendHour);
  if (!result.ok) {
    showAlert('Daily follow-ups were not turned on', `${result.message} Nothing else was changed.`);
    return;
  }
  clearAuthorizationNeeded();
  showAlert(
    'Daily follow-ups are on',
    `Every day between ${hour}:00 and ${hour}:59 (${ports.spreadsheet.timeZone}), the follow-ups that are due are sent ` +
      `from your Gmail. Paid, paused and disputed invoices get nothing. ${RUNS_ARE_LOGGED_HINT}`,
  );
}

function replaceQuestion(status: ReturnType<Ports['triggers']['status']>, ports: Ports): string {
  return (
    `${dailyLine(status, ports.spreadsheet.timeZone)}\n\nRun them from your account instead? ` +
    `${status.owner ?? 'Their'} trigger stops sending at its next run, and yours sends from your Gmail.`
  );
}

const FIRST_LISTED = 5;

export function firstRunText(emails: ClientEmail[], hour: string, timeZone: string): string {
  const n = emails.length;
  const head = `Every day between ${hour}:00 and ${hour}:59 (${timeZone}), the follow-ups that are due are sent from your Gmail.`;
  if (n === 0) return `${head}\n\nIf it ran now, the first run would send nothing.`;
  const lines = emails
    .slice(0, FIRST_LISTED)
    .map((e) => `• ${e.invoices.map((i) => i.invoice.invoice).join(', ')} to ${e.to.join(', ')}`);
  if (n > FIRST_LISTED) lines.push(`…and ${n - FIRST_LISTED} more.`);
  return `${head}\n\nIf it ran now, the first run would send ${n} email${n === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}

export function turnOffDaily(): void {
  const ports = requirePorts();
  const before = ports.triggers.status();
  const removed = ports.triggers.remove();
  const someoneElse = before.on && !before.mine ? ` ${before.owner ?? 'The other editor'}'s trigger stops at its next run.` : '';
  showAlert(
    'Daily follow-ups are off',
    removed > 0
      ? `No more follow-ups go out on their own. You can still run them from this menu.${someoneElse}`
      : 'Daily follow-ups were not on for this spreadsheet.',
  );
}

export function checkSetupFromMenu(): void {
  showAlert('Check setup', checkSetupText(requirePorts()));
}
