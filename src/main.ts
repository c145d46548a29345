// The only file whose exports Apps Script sees: the build turns each export into a top-level
// function (menu items, triggers and google.script.run targets). Each is one call into src/app.
import { buildMenu, openSidebar, runDaily, runFromMenu, setUpFromMenu, turnOffDaily, turnOnDaily } from './app/menu';
import {
  columnMappingPreview,
  recordDisputeEvent,
  saveColumnMappingFromSidebar,
  resetTemplateFromSidebar,
  saveSettingsFromSidebar,
  saveTemplateFromSidebar,
  selectedInvoiceData,
  setDailyFromSidebar,
  settleUnsureFromSidebar,
  sidebarData,
} from './app/sidebarApi';
import type { DisputeAction } from './app/disputes';
import type { ColumnsView, InvoiceView, SaveResult, SidebarData, SidebarTemplate } from './app/sidebarTypes';
import type { EmailStageId, InputField, Settings, Template, TemplateId } from './domain/types';

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

// ---- called by the sidebar through google.script.run (plain JSON in and out) ----

/** Everything the sidebar's first screen needs, in one round trip. */
export function getSidebarData(): SidebarData {
  return sidebarData();
}

export function getSelectedInvoice(): { selected: InvoiceView | null; selectionNote: string | null } {
  return selectedInvoiceData();
}

export function saveTemplate(id: TemplateId, template: Template): SaveResult {
  return saveTemplateFromSidebar(id, template);
}

export function resetTemplate(id: TemplateId): SidebarTemplate {
  return resetTemplateFromSidebar(id);
}

export function saveSettings(settings: Settings): SaveResult & { dailyOn?: boolean } {
  return saveSettingsFromSidebar(settings);
}

export function setDailyFollowUps(on: boolean): SaveResult & { dailyOn: boolean } {
  return setDailyFromSidebar(on);
}

export function recordDispute(
  action: DisputeAction,
  invoice: string,
  note: string,
): SaveResult & { invoice?: InvoiceView | null } {
  return recordDisputeEvent(action, invoice, note);
}

export function settleUnsureFollowUp(invoice: string, stage: EmailStageId, wasSent: boolean): SaveResult {
  return settleUnsureFromSidebar(invoice, stage, wasSent);
}

/** The Columns step: each field's column and the first rows as they would be read with `mapping` (null: as saved). */
export function previewColumnMapping(mapping: Partial<Record<InputField, string>> | null): ColumnsView {
  return columnMappingPreview(mapping);
}

export function saveColumnMapping(mapping: Partial<Record<InputField, string>>): SaveResult & { columns?: ColumnsView } {
  return saveColumnMappingFromSidebar(mapping);
}
