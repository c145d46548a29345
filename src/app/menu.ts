// What the menu items do: run or preview from the menu, the daily trigger run, sidebar, triggers.
import { RUNS_ARE_LOGGED_HINT, setUpInvoiceSheetIn } from './setup';
import { changeAuthor } from './changeJournal';
import { loadConfig, saveSettings } from './config';
import { LAST_RUN_KEY, runFollowUpsIn, summaryText, type RunMode } from './run';
import { readView } from './sheetView';
import type { ClientEmail } from '../domain/group';
import { missingSenderName, stageLabel } from '../domain/settings';
import { alertLostSpreadsheet, noteSpreadsheetReachable } from './triggerHealth';
import { checkSetupText, dailyLine, recordDailyContext } from './checkSetup';
import type { Notice } from './notices';
import type { AuthorizationNeeded, Environment, Ports } from './ports';
import { errorMessage } from './sendOnce';
import { settleUnsureSend, unsureSendQuestion, unsureSends } from './review';

const AUTHORIZE_CAPTION = 'Daily follow-ups need your permission again';

/**
 * Builds the add-on menu (Extensions › Invoice Follow-ups). In AuthMode.NONE it touches nothing
 * else; otherwise it adds an item when a daily run stopped for want of authorisation.
 */
export function buildMenu(env: Environment, authorized: boolean): void {
  const warning =
    authorized && readAuthorizationRecord(env) ? [{ caption: AUTHORIZE_CAPTION, functionName: 'reviewAuthorization' }] : [];
  env.ui.addMenu([
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

function readAuthorizationRecord(env: Environment): AuthorizationNeeded | null {
  try {
    return env.authorization.needed();
  } catch {
    return null;
  }
}

function requirePorts(env: Environment): Ports {
  const ports = env.activePorts();
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
function ensureSenderName(env: Environment, ports: Ports): boolean {
  const store = ports.store;
  const { settings, warnings } = loadConfig(store);
  if (!missingSenderName(settings)) return true;
  if (warnings.length > 0) env.ui.showAlert('Invoice Follow-ups: please check', warnings.join('\n'));
  for (;;) {
    const answer = env.ui.promptText(
      'Your name for the emails',
      'Follow-ups are signed with this name and sent from your Gmail address (for example "Sam Rivera" or "Rivera Design Studio").',
    );
    if (answer === null) return false;
    const problems = saveSettings(store, { ...settings, senderName: answer.trim() }, changeAuthor(ports)).issues.map(
      (i) => i.message,
    );
    const missing = missingSenderName({ ...settings, senderName: answer });
    if (problems.length === 0 && !missing) return true;
    env.ui.showAlert('Your name for the emails', problems[0] ?? missing?.message ?? 'Please enter a name.');
  }
}

export function runFromMenu(env: Environment, mode: RunMode): void {
  const ports = requirePorts(env);
  if (!ensureSenderName(env, ports)) return;
  reportStoppedDailyRun(env, ports);
  reportAuthorization(env);
  if (mode === 'send') askAboutUnsureSends(env, ports);
  const summary = runFollowUpsIn(ports, {
    mode,
    trigger: 'menu',
    confirmSends:
      mode === 'send'
        ? (emails, notices) =>
            emails.length + notices.length === 0 || env.ui.confirm('Run follow-ups', confirmationText(emails, notices))
        : undefined,
  });
  if (summary.stopped && !summary.cancelled) env.ui.showAlert('Invoice Follow-ups', summary.stopped);
  else ports.spreadsheet.toast(summaryText(summary));
  if (summary.warnings.length > 0) env.ui.showAlert('Invoice Follow-ups: please check', summary.warnings.join('\n'));
}

/** A daily run that stopped emailed nobody: the next menu run says so, once. */
function reportStoppedDailyRun(env: Environment, ports: Ports): void {
  const store = ports.store;
  const last = store.readJson(LAST_RUN_KEY).value as {
    at?: unknown;
    trigger?: unknown;
    stopped?: unknown;
    seen?: unknown;
  } | null;
  if (!last || last.trigger !== 'daily' || typeof last.stopped !== 'string' || last.seen === true || typeof last.at !== 'string')
    return;
  env.ui.showAlert('The last daily run did not finish', `On ${last.at.slice(0, 10)}: ${last.stopped}`);
  store.writeJson(LAST_RUN_KEY, { ...last, seen: true });
}

/** Asks the user to settle each send whose outcome is unknown (see review.ts). */
function askAboutUnsureSends(env: Environment, ports: Ports): void {
  for (const entry of unsureSends(ports)) {
    const answer = env.ui.askYesNoCancel('Was this follow-up sent?', unsureSendQuestion(entry));
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
export function runDaily(env: Environment, triggerUid: unknown): void {
  const entry = dailyEntryCheck(env, triggerUid);
  if (entry === 'refused') {
    console.warn('dailyFollowUps runs only from its daily trigger; this call did nothing.');
    return;
  }
  if (!authorizedForDailyRun(env) || entry !== 'trigger' || typeof triggerUid !== 'string') return;
  let ports: Ports | null;
  try {
    ports = env.triggerPorts(triggerUid);
    if (!ports) throw new Error('no spreadsheet is recorded for this trigger');
  } catch (err) {
    // Deleted, trashed, or its owner lost access: nothing can be sent, and nobody is watching.
    console.error(
      `Daily follow-ups: the spreadsheet of this trigger could not be opened (${errorMessage(err)}); nothing was sent.`,
    );
    tellOwnerSpreadsheetLost(env, triggerUid, errorMessage(err));
    return;
  }
  noteSpreadsheetReachable(env.daily.ownerIo(), triggerUid);
  runClaimedDaily(ports, triggerUid);
}

/** trigger: a real daily trigger's run; refused: a call from a page or with a made-up id; unknown: ScriptApp could not say. */
function dailyEntryCheck(env: Environment, triggerUid: unknown): 'trigger' | 'refused' | 'unknown' {
  if (env.ui.hasUi()) return 'refused';
  try {
    return env.daily.isDailyTrigger(triggerUid) ? 'trigger' : 'refused';
  } catch {
    // Without authorisation ScriptApp refuses: the authorisation check says so, then nothing runs.
    return 'unknown';
  }
}

function tellOwnerSpreadsheetLost(env: Environment, uid: string, why: string): void {
  try {
    const info = env.daily.spreadsheetInfo(uid);
    const today = new Date().toISOString().slice(0, 10);
    alertLostSpreadsheet(env.daily.ownerIo(), { uid, name: info.name, url: info.url, why }, today);
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
function authorizedForDailyRun(env: Environment): boolean {
  let url: string | null;
  try {
    url = env.authorization.urlIfNeeded();
  } catch (err) {
    url = '';
    console.error(`Daily follow-ups: could not check authorisation (${errorMessage(err)}).`);
  }
  if (url === null) {
    clearQuietly(env);
    return true;
  }
  try {
    env.authorization.record(url, new Date());
  } catch (err) {
    console.error(`Daily follow-ups: could not record that authorisation is needed (${errorMessage(err)}).`);
  }
  console.error(
    'Daily follow-ups: the add-on needs your permission again, so nothing was sent. Open the spreadsheet to give it.',
  );
  return false;
}

function clearQuietly(env: Environment): void {
  try {
    if (env.authorization.needed()) env.authorization.clear();
  } catch {
    // Nothing recorded where this run can write.
  }
}

const AUTHORIZATION_TEXT =
  'The daily run sent nothing because the add-on needs your permission again (its permissions changed, or access was withdrawn). ' +
  'You gave it by choosing this item, so the next daily run sends again. Choose Check setup to confirm.';

/** Says once, in an interactive run, that a daily run stopped for want of authorisation. */
function reportAuthorization(env: Environment): void {
  const record = readAuthorizationRecord(env);
  if (!record) return;
  env.ui.showAlert('Daily follow-ups sent nothing', `On ${record.at.slice(0, 10)}: ${AUTHORIZATION_TEXT}`);
  env.authorization.clear();
}

/** Menu item shown while a daily run's authorisation record stands. */
export function reviewAuthorizationFromMenu(env: Environment): void {
  if (readAuthorizationRecord(env)) reportAuthorization(env);
  else env.ui.showAlert('Daily follow-ups', 'The add-on has the permissions it needs.');
}

export function openSidebar(env: Environment): void {
  env.ui.showSidebar('Sidebar', 'Invoice Follow-ups');
}

export function setUpFromMenu(env: Environment): void {
  const result = setUpInvoiceSheetIn(requirePorts(env));
  env.ui.showAlert('Set up invoice sheet', result.message);
}

/** Turning on checks first: the sender name, who runs them now, the sheet, and what the first run would send. */
export function turnOnDaily(env: Environment): void {
  const ports = requirePorts(env);
  if (!ensureSenderName(env, ports)) {
    const missing = missingSenderName(loadConfig(ports.store).settings);
    if (missing) env.ui.showAlert('Daily follow-ups were not turned on', missing.message);
    return;
  }
  const status = ports.triggers.status();
  if (status.on && !status.mine && !env.ui.confirm('Daily follow-ups are on already', replaceQuestion(status, ports))) return;
  let emails: ClientEmail[];
  try {
    emails = readView(ports).run.clientEmails;
  } catch (err) {
    env.ui.showAlert('Daily follow-ups were not turned on', `The invoice sheet cannot be read: ${errorMessage(err)}`);
    return;
  }
  const { settings } = loadConfig(ports.store);
  const hour = String(settings.sendHour).padStart(2, '0');
  if (!env.ui.confirm('Turn on daily follow-ups?', firstRunText(emails, hour, ports.spreadsheet.timeZone))) return;
  const result = ports.triggers.install(settings.sendHour);
  if (!result.ok) {
    env.ui.showAlert('Daily follow-ups were not turned on', `${result.message} Nothing else was changed.`);
    return;
  }
  env.authorization.clear();
  env.ui.showAlert(
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

export function turnOffDaily(env: Environment): void {
  const ports = requirePorts(env);
  const before = ports.triggers.status();
  const removed = ports.triggers.remove();
  const someoneElse = before.on && !before.mine ? ` ${before.owner ?? 'The other editor'}'s trigger stops at its next run.` : '';
  env.ui.showAlert(
    'Daily follow-ups are off',
    removed > 0
      ? `No more follow-ups go out on their own. You can still run them from this menu.${someoneElse}`
      : 'Daily follow-ups were not on for this spreadsheet.',
  );
}

export function checkSetupFromMenu(env: Environment): void {
  env.ui.showAlert('Check setup', checkSetupText(requirePorts(env)));
}
