// The only file whose exports Apps Script sees: the build turns each export into a top-level
// function (menu items, triggers and google.script.run targets). Each is one call into src/app.
import { buildMenu, openSidebar, runDaily, runFromMenu, setUpFromMenu, turnOffDaily, turnOnDaily } from './app/menu';

/** Simple trigger: builds the menu (works in AuthMode.NONE: touches nothing else). */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu: sends what is due now, after a confirmation. */
export function runFollowUps(): void {
  runFromMenu('send');
}

/** Menu: dry run — writes statuses and `preview` log rows, sends nothing. */
export function previewFollowUps(): void {
  runFromMenu('preview');
}

/** Time-driven trigger: never touches the UI. */
export function dailyFollowUps(e?: GoogleAppsScript.Events.TimeDriven): void {
  runDaily(e?.triggerUid);
}

export function showSidebar(): void {
  openSidebar();
}

export function setUpInvoiceSheet(): void {
  setUpFromMenu();
}

export function turnOnDailyFollowUps(): void {
  turnOnDaily();
}

export function turnOffDailyFollowUps(): void {
  turnOffDaily();
}
