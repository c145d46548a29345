// The server side of the sidebar (see README "The sidebar"). Every function returns plain JSON.
// Reads need no lock; writes take the document lock, like a run, so they never interleave with one.
import { dueNotices, type Notice } from './notices';
import { addDays } from '../domain/dates';
import { defaultTemplates, templateLabel } from '../domain/defaultTemplates';
import { formatMoney } from '../domain/money';
import { outcomeStatus, type RowPlan } from '../domain/plan';
import { invoiceKey } from '../domain/parse';
import { statusCode, statusWords } from '../domain/stages';
import { missingSenderName } from '../domain/settings';
import { overdueByCurrency } from './planRun';
import { PLACEHOLDERS } from '../domain/templates';
import { isEmailLanguage, languageOwnName } from '../domain/language';
import {
  EMAIL_LANGUAGES,
  TEMPLATE_IDS,
  type EmailLanguage,
  type Settings,
  type Template,
  type TemplateId,
} from '../domain/types';
import type { ValidationIssue } from '../domain/validation';
import { evidencePackDocument, loadSmallClaims, saveSmallClaims } from './evidence';
import {
  loadConfig,
  type Config,
  resetTemplate as resetStoredTemplate,
  saveSettings as saveStoredSettings,
  saveTemplate as saveStoredTemplate,
} from './config';
import { changeAuthor } from './changeJournal';
import { cleanMapping, cleanNotPayment } from './columns';
import { columnsView, saveColumns } from './columnMapping';
import { recordDispute } from './disputes';
import { callsDue } from './callsDue';
import { changePromise } from './promises';
import { confirmDueDate } from './dueDates';
import { noteThankYouSetting } from './notices';
import { invoiceView } from './invoiceView';
import { StoreRefusedError, TRY_AGAIN, type Environment, type Ports, type StorePort } from './ports';
import { settleUnsureSend, unsureSends } from './review';
import { LAST_RUN_KEY, runFollowUpsIn, summaryText, type RunSummary } from './run';
import { readView, type SheetView } from './sheetView';
import { errorMessage } from './sendOnce';
import { HeaderProblem, UserFacingError } from './snapshot';
import type {
  ColumnsView,
  DueTodayView,
  InvoiceView,
  OverviewStatusCode,
  OverviewView,
  PdfDownload,
  SaveResult,
  SidebarData,
  SidebarTemplate,
  SmallClaimsView,
} from './sidebarTypes';

function portsHere(env: Environment): Ports {
  const ports = env.activePorts();
  if (!ports) throw new Error('Open the spreadsheet first.');
  return ports;
}

/** Everything the sidebar's first screen needs, in one round trip. */
export function sidebarData(env: Environment): SidebarData {
  const ports = portsHere(env);
  const config = loadConfig(ports.store);
  const base = {
    templates: templateViews(config, config.settings.emailLanguage),
    templatesByLanguage: Object.fromEntries(
      EMAIL_LANGUAGES.map((language) => [language, templateViews(config, language)]),
    ) as SidebarData['templatesByLanguage'],
    languages: EMAIL_LANGUAGES.map((code) => ({ code, name: languageOwnName(code) })),
    placeholders: [...PLACEHOLDERS],
    settings: config.settings,
    dailyOn: ports.triggers.isOn(),
    timeZone: ports.spreadsheet.timeZone,
    locale: ports.spreadsheet.locale,
    sheetName: config.settings.sheetName,
    authorization: dailyAuthorization(env),
    sheetNames: ports.spreadsheet.sheetNames(),
  };
  const lastRun = readLastRun(ports.store);
  const selection = ports.spreadsheet.selection();
  let view: SheetView;
  try {
    view = readView(ports);
  } catch (err) {
    const message = err instanceof UserFacingError ? err.message : errorMessage(err);
    return {
      ...base,
      today: '',
      selected: null,
      selectionNote: message,
      overview: { counts: [], dueToday: [], overdueTotals: [], lastRun, failures: [] },
      warnings: [...config.warnings, message],
      // A header the add-on cannot read: the sidebar opens on the Columns step.
      ...(err instanceof HeaderProblem ? { columns: columnsView(ports, null) } : {}),
    };
  }
  const { selected, note } = selectedInvoice(selection, view);
  return {
    ...base,
    today: view.snapshot.ctx.today,
    selected,
    selectionNote: note,
    overview: { ...overview(view, lastRun, dueNotices(view.snapshot, view.run, ports.store).notices), calls: callsDue(view) },
    warnings: [...config.warnings, ...view.run.warnings],
  };
}

/** The invoice on the selected row ("use selected row" in the sidebar). */
export function selectedInvoiceData(env: Environment): { selected: InvoiceView | null; selectionNote: string | null } {
  const ports = portsHere(env);
  const selection = ports.spreadsheet.selection();
  const { selected, note } = selectedInvoice(selection, readView(ports));
  return { selected, selectionNote: note };
}

function selectedInvoice(
  selection: { sheetName: string; row: number },
  view: SheetView,
): { selected: InvoiceView | null; note: string | null } {
  const sheetName = view.snapshot.sheetName;
  if (selection.sheetName !== sheetName) {
    return { selected: null, note: `Select a row on the '${sheetName}' sheet, then click “Use selected row”.` };
  }
  if (selection.row <= view.snapshot.headerRow + 1)
    return { selected: null, note: 'Select one of the invoice rows (not the header), then click “Use selected row”.' };
  const selected = invoiceView(view, selection.row);
  return selected
    ? { selected, note: null }
    : { selected: null, note: `Row ${selection.row} has no invoice. Select an invoice row, then click “Use selected row”.` };
}

/** What goes out today: one entry per client email (listing its invoices), then each notice. */
function dueToday(run: SheetView['run'], notices: readonly Notice[]): DueTodayView[] {
  const emails = run.clientEmails.map((e) => {
    const invoices = e.invoices.map((i) => i.invoice.invoice);
    return { invoice: invoices.join(', '), invoices, client: e.client, stage: e.stage, to: e.to };
  });
  const others = notices.map(({ word, email }) => ({
    invoice: email.invoice.invoice,
    invoices: [email.invoice.invoice],
    client: email.invoice.client,
    stage: word,
    to: email.to,
  }));
  return [...emails, ...others];
}

function overview({ snapshot, run }: SheetView, lastRun: OverviewView['lastRun'], notices: readonly Notice[]): OverviewView {
  const counts = new Map<string, OverviewView['counts'][number]>();
  for (const row of run.plan.rows) {
    const { status, code } = overviewStatus(row);
    const known = counts.get(status);
    if (known) known.count++;
    else counts.set(status, { status, code, count: 1 });
  }
  const weekAgo = addDays(snapshot.ctx.today, -7);
  const failures = snapshot.log
    .filter((l) => (l.outcome === 'failed' || l.outcome === 'unsure') && l.date !== null && l.date >= weekAgo)
    .slice(-10)
    .map((l) => ({ date: l.date, invoice: l.key, stage: l.stage, result: l.result }));
  return {
    counts: [...counts.values()],
    // One entry per client email (docs/escalation.md "One email per client"), listing its invoices.
    dueToday: dueToday(run, notices),
    overdueTotals: overdueByCurrency(run).map(({ currency, balance }) => ({
      currency,
      amount: balance,
      text: formatMoney(balance, currency, snapshot.ctx.locale),
    })),
    lastRun,
    failures,
  };
}

/** A row's status as the overview counts it, with its code: rows that are not chased say what they are (no code). */
function overviewStatus(row: RowPlan): { status: string; code: OverviewStatusCode | null } {
  // Every copy counts as one kind ('Duplicate'), not one kind per row it copies.
  if (row.outcome?.code === 'duplicate') return { status: 'Duplicate', code: null };
  if (row.outcome?.kind === 'held') return { status: statusWords('needs-review'), code: 'needs-review' };
  if (row.outcome) return { status: outcomeStatus(row.outcome), code: null };
  if (row.error !== null || row.evaluation === null) return { status: 'Error', code: 'error' };
  return { status: row.evaluation.status, code: statusCode(row.evaluation.status) };
}

function readLastRun(store: StorePort): OverviewView['lastRun'] {
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

/** The language a sidebar call names; none (or not a language) is the default email language. */
function languageArg(language: unknown): EmailLanguage | undefined {
  return typeof language === 'string' && isEmailLanguage(language) ? language : undefined;
}

export function saveTemplateFromSidebar(env: Environment, id: unknown, template: unknown, language?: unknown): SaveResult {
  if (!isTemplateId(id)) return { ok: false, problems: ['Unknown template.'] };
  if (language !== undefined && language !== null && languageArg(language) === undefined)
    return { ok: false, problems: ['Unknown language.'] };
  const t = template as Partial<Template> | null;
  if (!t || typeof t.subject !== 'string' || typeof t.body !== 'string')
    return { ok: false, problems: ['The template needs a subject and a message.'] };
  const checked: Template = { subject: t.subject, body: t.body };
  return withStore(env, (store, ports) => saveStoredTemplate(store, id, checked, changeAuthor(ports), languageArg(language)));
}

export function resetTemplateFromSidebar(env: Environment, id: unknown, language?: unknown): SidebarTemplate {
  if (!isTemplateId(id)) throw new Error('Unknown template.');
  if (language !== undefined && language !== null && languageArg(language) === undefined) throw new Error('Unknown language.');
  let lang: EmailLanguage = 'en';
  const result = withStore(env, (store, ports) => {
    lang = languageArg(language) ?? loadConfig(store).settings.emailLanguage;
    resetStoredTemplate(store, id, changeAuthor(ports), lang);
    return [];
  });
  if (!result.ok) throw new Error(result.problems.join(' '));
  return templateView(id, defaultTemplates(lang)[id], lang, loadConfig(portsHere(env).store).settings.stageDays);
}

/** The templates of one language as the sidebar shows them. */
function templateViews(config: Config, language: EmailLanguage): SidebarTemplate[] {
  return TEMPLATE_IDS.map((id) =>
    templateView(id, config.templatesByLanguage[language][id], language, config.settings.stageDays),
  );
}

/** A template as the sidebar shows it, with its default beside it for "Reset". */
function templateView(id: TemplateId, t: Template, language: EmailLanguage, stageDays: Settings['stageDays']): SidebarTemplate {
  const d = defaultTemplates(language)[id];
  return {
    id,
    language,
    label: templateLabel(id, stageDays),
    subject: t.subject,
    body: t.body,
    isDefault: t.subject === d.subject && t.body === d.body,
    defaultSubject: d.subject,
    defaultBody: d.body,
  };
}

/** A daily run that stopped for want of authorisation, for the sidebar's banner (null: none). */
function dailyAuthorization(env: Environment): SidebarData['authorization'] {
  try {
    return env.authorization.needed();
  } catch {
    return null;
  }
}

// ---- settings and the daily trigger ---------------------------------------------------------

/** Saves the settings form (every field checked by the domain's parseSettings; nothing trusted). */
export function saveSettingsFromSidebar(env: Environment, raw: unknown): SaveResult & { dailyOn?: boolean } {
  const ports = portsHere(env);
  const result = withStore(env, (store) => {
    const before = loadConfig(store).settings;
    const hourBefore = before.sendHour;
    const { settings, issues } = saveStoredSettings(store, raw, changeAuthor(ports));
    if (issues.length === 0)
      noteThankYouSetting(store, before.thankYouWhenPaid, settings.thankYouWhenPaid, ports.spreadsheet.today());
    // The daily trigger runs at the send hour: move it when the hour changes.
    if (issues.length === 0 && settings.sendHour !== hourBefore && ports.triggers.status().mine) {
      const moved = ports.triggers.install(settings.sendHour);
      if (!moved.ok) return [`Settings saved, but the daily run stays at its old hour: ${moved.message}`];
    }
    return issues;
  });
  return result.ok ? { ok: true, dailyOn: ports.triggers.isOn() } : result;
}

export function setDailyFromSidebar(env: Environment, on: unknown): SaveResult & { dailyOn: boolean } {
  const ports = portsHere(env);
  const result = withStore(env, (store) => {
    if (on === true) {
      const { settings } = loadConfig(store);
      const missing = missingSenderName(settings);
      if (missing) return [`${missing.message} Save it in Settings first.`];
      const status = ports.triggers.status();
      if (status.on && !status.mine)
        return [
          `Daily follow-ups are on, run by ${status.owner ?? 'another editor'}. To run them from your account, use Turn on daily follow-ups in the menu.`,
        ];
      const installed = ports.triggers.install(settings.sendHour);
      if (!installed.ok) return [installed.message];
    } else {
      ports.triggers.remove();
    }
    return [];
  });
  return { ...result, dailyOn: ports.triggers.isOn() };
}

// ---- the Columns step ------------------------------------------------------------------------

/**
 * The Columns step for a choice being made (null: the saved one), with the headers said not to be
 * payment columns (null or absent: as saved); nothing is saved.
 */
export function columnMappingPreview(env: Environment, mapping: unknown, notPayment?: unknown): ColumnsView {
  const choice = mapping === null || mapping === undefined ? null : cleanMapping(mapping);
  const notRead = notPayment === null || notPayment === undefined ? null : cleanNotPayment(notPayment);
  return columnsView(portsHere(env), choice, notRead);
}

/** Saves the column choice (and the headers that are not payment columns) when the sheet can be read with it. */
export function saveColumnMappingFromSidebar(
  env: Environment,
  mapping: unknown,
  notPayment?: unknown,
): SaveResult & { columns?: ColumnsView } {
  const ports = portsHere(env);
  const locked = ports.lock.withLock(() => saveColumns(ports, mapping, notPayment));
  if (!locked.acquired) return { ok: false, problems: [TRY_AGAIN] };
  const { problems, view } = locked.value;
  return problems.length > 0 ? { ok: false, problems } : { ok: true, columns: view };
}

// ---- disputes ---------------------------------------------------------------------------------

/** Records a dispute event for the invoice and refreshes the status columns; returns the invoice again. */
export function recordDisputeEvent(
  env: Environment,
  action: unknown,
  invoiceNumber: unknown,
  note: unknown,
): SaveResult & { invoice?: InvoiceView | null } {
  return recordDispute(portsHere(env), action, invoiceNumber, note);
}

// ---- promises to pay ------------------------------------------------------------------------------

/** "Client promised to pay by …": kept in the add-on's own records; returns the invoice again. */
export function recordPromiseFromSidebar(
  env: Environment,
  invoiceNumber: unknown,
  promisedDate: unknown,
): SaveResult & { invoice?: InvoiceView | null } {
  const date = typeof promisedDate === 'string' ? promisedDate.trim() : '';
  return changePromise(portsHere(env), invoiceNumber, { kind: 'record', promisedDate: date });
}

/** Takes back the promise recorded in the sidebar (a Promised Date column stays as it is). */
export function withdrawPromiseFromSidebar(
  env: Environment,
  invoiceNumber: unknown,
): SaveResult & { invoice?: InvoiceView | null } {
  return changePromise(portsHere(env), invoiceNumber, { kind: 'withdraw' });
}

// ---- a due date that looks like a typo ------------------------------------------------------------

/** "The year looks wrong — it is right": the due date is chased as it is (docs/own-sheet.md); returns the invoice again. */
export function confirmDueDateFromSidebar(
  env: Environment,
  invoiceNumber: unknown,
): SaveResult & { invoice?: InvoiceView | null } {
  return confirmDueDate(portsHere(env), invoiceNumber);
}

// ---- the evidence pack and the small-claims table ----------------------------------------------

/** The evidence pack of an invoice as a PDF for the sidebar to download (README "Interest, the letter and the evidence pack"). */
export function evidencePackDownload(env: Environment, invoiceNumber: unknown, jurisdictionId: unknown): PdfDownload {
  if (typeof invoiceNumber !== 'string' || invoiceKey(invoiceNumber) === '') throw new Error('Select an invoice first.');
  const ports = portsHere(env);
  const view = readView(ports);
  const court = typeof jurisdictionId === 'string' && jurisdictionId !== '' ? jurisdictionId : undefined;
  const document = evidencePackDocument(view, invoiceNumber, loadSmallClaims(ports.store).rows, court);
  if (!document) throw new Error(`Invoice ${invoiceNumber} is not on the '${view.snapshot.sheetName}' sheet any more.`);
  return { fileName: document.fileName, base64: ports.documents.pdfBase64(document) };
}

export function smallClaimsData(env: Environment): SmallClaimsView {
  const { rows, issues, edited } = loadSmallClaims(portsHere(env).store);
  return { rows, problems: issues.map((i) => i.message), edited };
}

/** Saves the edited small-claims table (null: back to the defaults). */
export function saveSmallClaimsFromSidebar(env: Environment, rows: unknown): SaveResult {
  return withStore(env, (store) => saveSmallClaims(store, rows).map((i) => i.message));
}

// ---- sends whose outcome is unknown ---------------------------------------------------------------

export function settleUnsureFromSidebar(env: Environment, invoiceNumber: unknown, stage: unknown, wasSent: unknown): SaveResult {
  if (typeof invoiceNumber !== 'string' || typeof stage !== 'string' || typeof wasSent !== 'boolean')
    return { ok: false, problems: ['Missing answer.'] };
  const ports = portsHere(env);
  const key = invoiceKey(invoiceNumber);
  const entry = unsureSends(ports).find((e) => e.key === key && e.stage === stage);
  if (!entry) return { ok: false, problems: ['This was already settled.'] };
  if (!settleUnsureSend(ports, entry, wasSent)) return { ok: false, problems: [TRY_AGAIN] };
  runFollowUpsIn(ports, { mode: 'statuses', trigger: 'sidebar' });
  return { ok: true };
}

// ---- helpers ------------------------------------------------------------------------------------

/**
 * Runs a write under the document lock and turns refusals into words; what `write` refuses as
 * validation issues also travels as `issues`, for the form to put beside its fields.
 */
function withStore(
  env: Environment,
  write: (store: StorePort, ports: Ports) => ReadonlyArray<string | ValidationIssue>,
): SaveResult {
  const ports = portsHere(env);
  try {
    const locked = ports.lock.withLock(() => write(ports.store, ports));
    if (!locked.acquired) return { ok: false, problems: [TRY_AGAIN] };
    if (locked.value.length === 0) return { ok: true };
    const issues = locked.value.filter((p): p is ValidationIssue => typeof p !== 'string');
    const problems = locked.value.map((p) => (typeof p === 'string' ? p : p.message));
    return issues.length > 0 ? { ok: false, problems, issues } : { ok: false, problems };
  } catch (err) {
    if (err instanceof StoreRefusedError) return { ok: false, problems: [err.message] };
    throw err;
  }
}
