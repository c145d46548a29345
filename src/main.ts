// The only file whose exports Apps Script sees: the build turns each export into a top-level
// function (menu items, triggers and google.script.run targets). Each is one call into src/app,
// handed the Apps Script adapters (env(): src/gas/environment.ts) — the one place they are wired.
import {
  buildMenu,
  checkSetupFromMenu,
  openSidebar,
  reviewAuthorizationFromMenu,
  runDaily,
  runFromMenu,
  setUpFromMenu,
  turnOffDaily,
  turnOnDaily,
} from './app/menu';
import {
  columnMappingPreview,
  confirmDueDateFromSidebar,
  recordDisputeEvent,
  recordPromiseFromSidebar,
  saveColumnMappingFromSidebar,
  resetTemplateFromSidebar,
  saveSettingsFromSidebar,
  saveTemplateFromSidebar,
  selectedInvoiceData,
  setDailyFromSidebar,
  settleUnsureFromSidebar,
  sidebarData,
  evidencePackDownload,
  saveSmallClaimsFromSidebar,
  smallClaimsData,
  withdrawPromiseFromSidebar,
} from './app/sidebarApi';
import { callsData, clientReportData, recordCallFromSidebar, type ClientReportJson } from './app/callsApi';
import type { CallCard, CallOutcome } from './domain/calls';
import type { DisputeAction } from './app/disputes';
import type {
  ColumnsView,
  InvoiceView,
  PdfDownload,
  SaveResult,
  SidebarData,
  SidebarTemplate,
  SmallClaimsView,
} from './app/sidebarTypes';
import type { LedgerStage } from './domain/records';
import { appsScriptEnvironment as env } from './gas/environment';
import type { EmailLanguage, InputField, IsoDate, Settings, Template, TemplateId } from './domain/types';

/**
 * Simple trigger: builds the menu. In AuthMode.NONE (an add-on not yet used in this file) it
 * touches nothing else; otherwise it may add an item saying the daily run needs permission again.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(env(), e !== undefined && String(e.authMode) !== 'NONE');
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu: sends what is due now, after a confirmation. */
export function runFollowUps(): void {
  runFromMenu(env(), 'send');
}

/** Menu: dry run — writes statuses and `preview` log rows, sends nothing. */
export function previewFollowUps(): void {
  runFromMenu(env(), 'preview');
}

/** Time-driven trigger: never touches the UI. */
export function dailyFollowUps(e?: GoogleAppsScript.Events.TimeDriven): void {
  runDaily(env(), e?.triggerUid);
}

export function showSidebar(): void {
  openSidebar(env());
}

export function setUpInvoiceSheet(): void {
  setUpFromMenu(env());
}

export function turnOnDailyFollowUps(): void {
  turnOnDaily(env());
}

export function turnOffDailyFollowUps(): void {
  turnOffDaily(env());
}

/** Menu: what the add-on can see and do here, and what the last daily run could reach. */
export function checkSetup(): void {
  checkSetupFromMenu(env());
}

/** Menu (only while a daily run stopped for want of authorisation): says so, once. */
export function reviewAuthorization(): void {
  reviewAuthorizationFromMenu(env());
}

// ---- called by the sidebar through google.script.run (plain JSON in and out) ----

/** Everything the sidebar's first screen needs, in one round trip. */
export function getSidebarData(): SidebarData {
  return sidebarData(env());
}

export function getSelectedInvoice(): { selected: InvoiceView | null; selectionNote: string | null } {
  return selectedInvoiceData(env());
}

export function saveTemplate(id: TemplateId, template: Template, language?: EmailLanguage): SaveResult {
  return saveTemplateFromSidebar(env(), id, template, language);
}

export function resetTemplate(id: TemplateId, language?: EmailLanguage): SidebarTemplate {
  return resetTemplateFromSidebar(env(), id, language);
}

export function saveSettings(settings: Settings): SaveResult & { dailyOn?: boolean } {
  return saveSettingsFromSidebar(env(), settings);
}

export function setDailyFollowUps(on: boolean): SaveResult & { dailyOn: boolean } {
  return setDailyFromSidebar(env(), on);
}

export function recordDispute(
  action: DisputeAction,
  invoice: string,
  note: string,
): SaveResult & { invoice?: InvoiceView | null } {
  return recordDisputeEvent(env(), action, invoice, note);
}

export function settleUnsureFollowUp(invoice: string, stage: LedgerStage, wasSent: boolean): SaveResult {
  return settleUnsureFromSidebar(env(), invoice, stage, wasSent);
}

/** "Client promised to pay by …" from the sidebar, kept in the add-on's own records (docs/escalation.md, "Promises"). */
export function recordPromise(invoice: string, promisedDate: IsoDate): SaveResult & { invoice?: InvoiceView | null } {
  return recordPromiseFromSidebar(env(), invoice, promisedDate);
}

/** Takes back the promise recorded in the sidebar: the follow-ups resume. */
export function withdrawPromise(invoice: string): SaveResult & { invoice?: InvoiceView | null } {
  return withdrawPromiseFromSidebar(env(), invoice);
}

/**
 * "The year looks wrong — it is right": confirms the due date of an invoice held because it looks
 * like a typo (docs/own-sheet.md); it is then chased as it is. Kept in the add-on's own records.
 */
export function confirmDueDate(invoice: string): SaveResult & { invoice?: InvoiceView | null } {
  return confirmDueDateFromSidebar(env(), invoice);
}

/** The evidence pack of an invoice as a PDF, for the sidebar's download link (README "Interest, the letter and the evidence pack"). */
export function getEvidencePack(invoice: string, jurisdictionId?: string): PdfDownload {
  return evidencePackDownload(env(), invoice, jurisdictionId);
}

export function getSmallClaimsTable(): SmallClaimsView {
  return smallClaimsData(env());
}

export function saveSmallClaimsTable(rows: SmallClaimsView['rows'] | null): SaveResult {
  return saveSmallClaimsFromSidebar(env(), rows);
}

/**
 * The Columns step: each field's column and the first rows as they would be read with `mapping`
 * (null: as saved), and `notPayment`, the headers said not to be payment columns (absent: as saved).
 */
export function previewColumnMapping(
  mapping: Partial<Record<InputField, string>> | null,
  notPayment?: string[] | null,
): ColumnsView {
  return columnMappingPreview(env(), mapping, notPayment);
}

/** Saves the column choice, and the headers that are not payment columns (absent: kept as saved). */
export function saveColumnMapping(
  mapping: Partial<Record<InputField, string>>,
  notPayment?: string[] | null,
): SaveResult & { columns?: ColumnsView } {
  return saveColumnMappingFromSidebar(env(), mapping, notPayment);
}

/**
 * What came of the day-14 call (README "The day-14 call"): `promised` records a promise to pay,
 * `disputed` opens a dispute with the note, `wrongContact` copies `contactEmail` on the client's
 * later follow-ups; each call is a Follow-up Log row. Dates are 'YYYY-MM-DD'.
 */
export function recordCall(
  invoice: string,
  outcome: CallOutcome,
  details: { promisedDate?: IsoDate; note?: string; contactEmail?: string },
): SaveResult & { invoice?: InvoiceView | null; calls?: CallCard[] } {
  return recordCallFromSidebar(env(), invoice, outcome, details);
}

/** The calls to make now (README "The day-14 call"). */
export function getCalls(): CallCard[] {
  return callsData(env());
}

/** Every client's payment history, overdue amounts and advice, and the aging per currency (README "Learning from every client"). */
export function getClientReport(): ClientReportJson {
  return clientReportData(env());
}
