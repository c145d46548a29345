// The server side of the sidebar (SPEC §3–§4). Every function returns plain JSON. Reads need no
// lock; writes take the document lock, like a run, so they never interleave with one.
import { addDays } from '../domain/dates';
import { defaultTemplates } from '../domain/defaultTemplates';
import { formatMoney } from '../domain/money';
import { invoiceKey } from '../domain/parse';
import { DISPUTE_EVENTS, DISPUTE_HEADERS, DISPUTE_SHEET, type LedgerEntry } from '../domain/records';
import { isPaid } from '../domain/stages';
import { PLACEHOLDERS, placeholderValues } from '../domain/templates';
import { TEMPLATE_IDS, type Template, type TemplateId } from '../domain/types';
import type { ValidationIssue } from '../domain/validation';
import { withDocumentLock } from '../gas/lock';
import { activeSpreadsheet, appendRows, sheetWithHeaders, textCell } from '../gas/sheet';
import { DocumentStore, StoreError } from '../gas/store';
import { installDailyTrigger, isDailyTriggerOn, removeDailyTriggers } from '../gas/triggers';
import {
  loadConfig,
  resetTemplate as resetStoredTemplate,
  saveSettings as saveStoredSettings,
  saveTemplate as saveStoredTemplate,
} from './config';
import { settleUnsureSend, unsureSends } from './review';
import {
  errorMessage,
  LAST_RUN_KEY,
  readSnapshot,
  runFollowUpsIn,
  summaryText,
  UserFacingError,
  type RunSummary,
  type Snapshot,
} from './run';
import type { InvoiceView, OverviewView, SaveResult, SidebarData, SidebarTemplate } from './sidebarTypes';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Longest dispute note kept (a cell holds 50,000 characters; a note is a few sentences). */
export const MAX_NOTE_LENGTH = 2000;

const TEMPLATE_LABELS: Record<TemplateId, string> = {
  nudge: 'Courtesy nudge (before due)',
  reminder: 'Reminder (day 1)',
  firm: 'Firm reminder (day 7)',
  escalate: 'Billing contact (day 14)',
  formal: 'Formal notice (day 21)',
  dispute: 'Dispute opening message',
};

function spreadsheet(): Spreadsheet {
  const ss = activeSpreadsheet();
  if (!ss) throw new Error('Open the spreadsheet first.');
  return ss;
}

function storeOf(ss: Spreadsheet): DocumentStore {
  return DocumentStore.forSpreadsheet(ss.getId());
}

/** Everything the sidebar's first screen needs, in one round trip. */
export function sidebarData(): SidebarData {
  const ss = spreadsheet();
  const store = storeOf(ss);
  const config = loadConfig(store);
  const templates = TEMPLATE_IDS.map((id) => templateView(id, config.templates[id]));
  const base = {
    templates,
    placeholders: [...PLACEHOLDERS],
    settings: config.settings,
    dailyOn: isDailyTriggerOn(ss),
    timeZone: ss.getSpreadsheetTimeZone(),
    locale: ss.getSpreadsheetLocale(),
    sheetName: config.settings.sheetName,
  };
  const lastRun = readLastRun(store);
  const selection = currentSelection(ss);
  let snap: Snapshot;
  try {
    snap = readSnapshot(ss, store, 'read');
  } catch (err) {
    const message = err instanceof UserFacingError ? err.message : errorMessage(err);
    return {
      ...base,
      today: '',
      selected: null,
      selectionNote: message,
      overview: { counts: [], dueToday: [], overdueTotals: [], lastRun, failures: [] },
      warnings: [...config.warnings, message],
    };
  }
  const { selected, note } = selectedInvoice(selection, snap);
  return {
    ...base,
    today: snap.ctx.today,
    selected,
    selectionNote: note,
    overview: overview(snap, lastRun),
    warnings: config.warnings,
  };
}

/** The invoice on the selected row ("use selected row" in the sidebar). */
export function selectedInvoiceData(): { selected: InvoiceView | null; selectionNote: string | null } {
  const ss = spreadsheet();
  const selection = currentSelection(ss);
  const { selected, note } = selectedInvoice(selection, readSnapshot(ss, storeOf(ss), 'read'));
  return { selected, selectionNote: note };
}

/** The sheet and row the user has selected (read before anything could change the active sheet). */
function currentSelection(ss: Spreadsheet): { sheetName: string; row: number } {
  return { sheetName: ss.getActiveSheet().getName(), row: ss.getActiveRange()?.getRow() ?? 0 };
}

function selectedInvoice(
  selection: { sheetName: string; row: number },
  snap: Snapshot,
): { selected: InvoiceView | null; note: string | null } {
  const sheetName = snap.invoiceSheet.getName();
  if (selection.sheetName !== sheetName) {
    return { selected: null, note: `Select a row on the '${sheetName}' sheet, then click “Use selected row”.` };
  }
  if (selection.row < 2)
    return { selected: null, note: 'Select one of the invoice rows (not the header), then click “Use selected row”.' };
  const selected = invoiceView(snap, selection.row);
  return selected
    ? { selected, note: null }
    : { selected: null, note: `Row ${selection.row} has no invoice. Select an invoice row, then click “Use selected row”.` };
}

export function invoiceView(snap: Snapshot, row: number): InvoiceView | null {
  const plan = snap.plan.rows.find((r) => r.row === row);
  if (!plan) return null;
  const key = plan.key;
  const invoice = key ? snap.invoices.get(key) : undefined;
  const history = key ? snap.histories.get(key) : undefined;
  const ctx = snap.ctx;
  const unsure: LedgerEntry[] = key ? snap.ledger.filter((e) => e.key === key && e.state !== 'sent') : [];
  return {
    row,
    key,
    invoice: plan.invoice,
    client: plan.client,
    status: plan.error !== null ? `Error: ${plan.error}` : (plan.evaluation?.status ?? ''),
    stage: history?.lastSentStage ?? '',
    amountText: invoice ? formatMoney(invoice.amount, invoice.currency, ctx.locale) : '',
    balanceText: invoice ? formatMoney(isPaid(invoice) ? 0 : invoice.balance, invoice.currency, ctx.locale) : '',
    currency: invoice?.currency ?? '',
    dueDate: invoice?.dueDate ?? null,
    daysOverdue: plan.evaluation?.daysOverdue ?? null,
    error: plan.error,
    emails: invoice?.emails ?? [],
    values: invoice
      ? placeholderValues(invoice, {
          today: ctx.today,
          locale: ctx.locale,
          replyByDays: snap.config.settings.replyByDays,
          senderName: snap.config.settings.senderName,
        })
      : {},
    disputeOpen: history?.disputeOpen ?? false,
    disputeNotes: key
      ? snap.disputes.filter((d) => d.key === key).map((d) => ({ date: d.date, event: d.event, note: d.note }))
      : [],
    followUps: key
      ? snap.log
          .filter((l) => l.key === key)
          .map((l) => ({ date: l.date, stage: l.stage, result: l.result, recipients: l.recipients ?? '' }))
      : [],
    unsureSends: unsure.map((e) => ({ stage: e.stage, date: e.date, recipients: e.recipients })),
  };
}

function overview(snap: Snapshot, lastRun: OverviewView['lastRun']): OverviewView {
  const counts = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const row of snap.plan.rows) {
    const status = row.error !== null ? 'Error' : (row.evaluation?.status ?? 'Error');
    counts.set(status, (counts.get(status) ?? 0) + 1);
    const invoice = row.key && row.error === null ? snap.invoices.get(row.key) : undefined;
    if (invoice && !isPaid(invoice) && (row.evaluation?.daysOverdue ?? 0) > 0) {
      totals.set(invoice.currency, (totals.get(invoice.currency) ?? 0) + invoice.balance);
    }
  }
  const failures = snap.log
    .filter((l) => l.result.startsWith('failed') && l.date !== null && l.date >= addDays(snap.ctx.today, -7))
    .slice(-10)
    .map((l) => ({ date: l.date, invoice: l.key, stage: l.stage, result: l.result }));
  return {
    counts: [...counts].map(([status, count]) => ({ status, count })),
    dueToday: snap.plan.emails.map((e) => ({ invoice: e.invoice.invoice, client: e.invoice.client, stage: e.stage, to: e.to })),
    overdueTotals: [...totals]
      .sort()
      .map(([currency, amount]) => ({ currency, amount, text: formatMoney(amount, currency, snap.ctx.locale) })),
    lastRun,
    failures,
  };
}

function readLastRun(store: DocumentStore): OverviewView['lastRun'] {
  const raw = store.readJson(LAST_RUN_KEY).value as (RunSummary & { at?: string }) | null;
  if (!raw || typeof raw !== 'object' || typeof raw.at !== 'string') return null;
  try {
    return { at: raw.at, summary: summaryText(raw), stopped: raw.stopped ?? null };
  } catch {
    return null;
  }
}

// ---- templates ----------------------------------------------------------------------------------

function isTemplateId(id: unknown): id is TemplateId {
  return typeof id === 'string' && (TEMPLATE_IDS as readonly string[]).includes(id);
}

export function saveTemplateFromSidebar(id: unknown, template: unknown): SaveResult {
  if (!isTemplateId(id)) return { ok: false, problems: ['Unknown template.'] };
  const t = template as Partial<Template> | null;
  if (!t || typeof t.subject !== 'string' || typeof t.body !== 'string')
    return { ok: false, problems: ['The template needs a subject and a message.'] };
  return withStore((store) => saveStoredTemplate(store, id, { subject: t.subject as string, body: t.body as string }));
}

export function resetTemplateFromSidebar(id: unknown): SidebarTemplate {
  if (!isTemplateId(id)) throw new Error('Unknown template.');
  const result = withStore((store) => {
    resetStoredTemplate(store, id);
    return [];
  });
  if (!result.ok) throw new Error(result.problems.join(' '));
  return templateView(id, defaultTemplates()[id]);
}

/** A template as the sidebar shows it, with its default beside it for "Reset". */
function templateView(id: TemplateId, t: Template): SidebarTemplate {
  const d = defaultTemplates()[id];
  return {
    id,
    label: TEMPLATE_LABELS[id],
    subject: t.subject,
    body: t.body,
    isDefault: t.subject === d.subject && t.body === d.body,
    defaultSubject: d.subject,
    defaultBody: d.body,
  };
}

// ---- settings and the daily trigger ---------------------------------------------------------

/** Saves the settings form (every field checked by the domain's parseSettings; nothing trusted). */
export function saveSettingsFromSidebar(raw: unknown): SaveResult & { dailyOn?: boolean } {
  const ss = spreadsheet();
  const result = withStore((store) => {
    const hourBefore = loadConfig(store).settings.sendHour;
    const { settings, issues } = saveStoredSettings(store, raw);
    // The daily trigger runs at the send hour: move it when the hour changes.
    if (issues.length === 0 && settings.sendHour !== hourBefore && isDailyTriggerOn(ss))
      installDailyTrigger(ss, settings.sendHour, store);
    return issues;
  });
  return result.ok ? { ok: true, dailyOn: isDailyTriggerOn(ss) } : result;
}

export function setDailyFromSidebar(on: unknown): SaveResult & { dailyOn: boolean } {
  const ss = spreadsheet();
  const result = withStore((store) => {
    if (on === true) {
      const { settings } = loadConfig(store);
      if (settings.senderName.trim() === '')
        return ['Save your name for the emails in Settings first: every follow-up is signed with it.'];
      installDailyTrigger(ss, settings.sendHour, store);
    } else removeDailyTriggers(ss);
    return [];
  });
  return { ...result, dailyOn: isDailyTriggerOn(ss) };
}

// ---- disputes ---------------------------------------------------------------------------------

export type DisputeAction = 'open' | 'note' | 'resolve';

/** Records a dispute event for the invoice and refreshes the status columns; returns the invoice again. */
export function recordDisputeEvent(
  action: unknown,
  invoiceNumber: unknown,
  note: unknown,
): SaveResult & { invoice?: InvoiceView | null } {
  if (action !== 'open' && action !== 'note' && action !== 'resolve') return { ok: false, problems: ['Unknown dispute action.'] };
  if (typeof invoiceNumber !== 'string' || invoiceKey(invoiceNumber) === '')
    return { ok: false, problems: ['Select an invoice first.'] };
  const text = typeof note === 'string' ? note.replace(/\r\n?/g, '\n').trim() : '';
  if (text.length > MAX_NOTE_LENGTH)
    return { ok: false, problems: [`The note is too long (${text.length} characters; the limit is ${MAX_NOTE_LENGTH}).`] };
  if (action === 'note' && text === '') return { ok: false, problems: ['Write the note first.'] };
  const ss = spreadsheet();
  const key = invoiceKey(invoiceNumber);
  const store = storeOf(ss);
  const snap = readSnapshot(ss, store, 'read');
  const row = snap.plan.rows.find((r) => r.key === key);
  if (!row)
    return { ok: false, problems: [`Invoice ${invoiceNumber} is not on the '${snap.invoiceSheet.getName()}' sheet any more.`] };
  const open = snap.histories.get(key)?.disputeOpen ?? false;
  if (action === 'open' && open) return { ok: false, problems: ['A dispute is already open for this invoice.'] };
  if (action === 'resolve' && !open) return { ok: false, problems: ['There is no open dispute on this invoice.'] };
  const locked = withDocumentLock(10 * 1000, () => {
    const sheet = sheetWithHeaders(ss, DISPUTE_SHEET, DISPUTE_HEADERS);
    appendRows(sheet, [[new Date(), textCell(row.invoice), textCell(DISPUTE_EVENTS[action]), textCell(text)]]);
  });
  if (!locked.acquired) return { ok: false, problems: ['A follow-up run is in progress: try again in a minute.'] };
  // The row shows Disputed (or its schedule again) at once, not at the next run.
  runFollowUpsIn(ss, { mode: 'statuses', trigger: 'sidebar' });
  const after = readSnapshot(ss, store, 'read');
  const rowNow = after.plan.rows.find((r) => r.key === key);
  return { ok: true, invoice: rowNow ? invoiceView(after, rowNow.row) : null };
}

// ---- sends whose outcome is unknown ---------------------------------------------------------------

export function settleUnsureFromSidebar(invoiceNumber: unknown, stage: unknown, wasSent: unknown): SaveResult {
  if (typeof invoiceNumber !== 'string' || typeof stage !== 'string' || typeof wasSent !== 'boolean')
    return { ok: false, problems: ['Missing answer.'] };
  const ss = spreadsheet();
  const key = invoiceKey(invoiceNumber);
  const entry = unsureSends(ss).find((e) => e.key === key && e.stage === stage);
  if (!entry) return { ok: false, problems: ['This was already settled.'] };
  if (!settleUnsureSend(ss, entry, wasSent))
    return { ok: false, problems: ['A follow-up run is in progress: try again in a minute.'] };
  runFollowUpsIn(ss, { mode: 'statuses', trigger: 'sidebar' });
  return { ok: true };
}

// ---- helpers ------------------------------------------------------------------------------------

/**
 * Runs a write under the document lock and turns refusals into words; what `write` refuses as
 * validation issues also travels as `issues`, for the form to put beside its fields.
 */
function withStore(write: (store: DocumentStore) => ReadonlyArray<string | ValidationIssue>): SaveResult {
  const ss = spreadsheet();
  try {
    const locked = withDocumentLock(10 * 1000, () => write(storeOf(ss)));
    if (!locked.acquired) return { ok: false, problems: ['A follow-up run is in progress: try again in a minute.'] };
    if (locked.value.length === 0) return { ok: true };
    const issues = locked.value.filter((p): p is ValidationIssue => typeof p !== 'string');
    const problems = locked.value.map((p) => (typeof p === 'string' ? p : p.message));
    return issues.length > 0 ? { ok: false, problems, issues } : { ok: false, problems };
  } catch (err) {
    if (err instanceof StoreError) return { ok: false, problems: [err.message] };
    throw err;
  }
}
