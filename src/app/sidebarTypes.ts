// What crosses google.script.run between the sidebar and the server: plain JSON only (Apps Script
// refuses Date objects there), so dates travel as 'YYYY-MM-DD' strings. The sidebar imports these
// types; the server functions in src/main.ts return them.
import type { CallCard, CallOutcome } from '../domain/calls';
import type { LedgerStage } from '../domain/records';
import type { ListedInvoice } from '../domain/group';
import type { SmallClaimsLimit } from '../domain/smallClaims';
import type { StatusCode } from '../domain/stages';
import type { Placeholder } from '../domain/templates';
import type { EmailLanguage, EmailStageId, InputField, IsoDate, Settings, TemplateId } from '../domain/types';
import type { ValidationIssue } from '../domain/validation';

export interface SidebarTemplate {
  id: TemplateId;
  /** The email language the template is in. */
  language: EmailLanguage;
  label: string;
  subject: string;
  body: string;
  isDefault: boolean;
  defaultSubject: string;
  defaultBody: string;
}

export interface DisputeNoteView {
  date: IsoDate | null;
  event: string;
  note: string;
}

export interface FollowUpView {
  date: IsoDate | null;
  stage: string;
  result: string;
  recipients: string;
  /** A call's outcome and the date promised on it (README "The day-14 call"); absent for an email. */
  call?: { outcome: CallOutcome; promisedDate: IsoDate | null };
}

export interface UnsureSendView {
  /** A stage, or a notice ('promiseMissed', 'thankYou'). */
  stage: LedgerStage;
  date: IsoDate;
  recipients: string;
}

/** The invoice on the selected row, with what the sidebar shows and previews. */
export interface InvoiceView {
  row: number;
  /** Normalised invoice number: the key every action on this invoice uses. */
  key: string | null;
  invoice: string;
  client: string;
  status: string;
  /** The status as a code, for the sidebar to decide on (null for a row in error or not an invoice to chase). */
  statusCode: StatusCode | null;
  stage: string;
  amountText: string;
  balanceText: string;
  currency: string;
  dueDate: IsoDate | null;
  daysOverdue: number | null;
  /** Why the row cannot be processed (null when valid). */
  error: string | null;
  emails: string[];
  /** Values of the placeholders for this row (formatted), for the live template preview. */
  /** The language this client's emails are written in (the row's Language, else the default). */
  language: EmailLanguage;
  values: Partial<Record<Placeholder, string>>;
  disputeOpen: boolean;
  disputeNotes: DisputeNoteView[];
  followUps: FollowUpView[];
  unsureSends: UnsureSendView[];
  /**
   * The promise to pay in force (docs/escalation.md, "Promises"): from the Promised Date column or
   * recorded in the sidebar (only that one can be withdrawn); `missed` once its date has passed.
   */
  promise: { date: IsoDate; source: 'column' | 'sidebar'; missed: boolean } | null;
  /**
   * Why the due date looks like a typo while the invoice is held for it (docs/own-sheet.md): the
   * sidebar offers "The year looks wrong — it is right" (`confirmDueDate`). Null otherwise.
   */
  dueDateDoubt: string | null;
  /**
   * The client's invoices a list email would name today: this one and the client's other overdue
   * invoices, oldest due first (the Templates tab previews the "several invoices" emails with them).
   */
  clientInvoices: ListedInvoice[];
}

/** One email due today: one per client, listing its invoices (docs/escalation.md "One email per client"). */
export interface DueTodayView {
  /** The invoice numbers, comma-separated. */
  invoice: string;
  /** Each invoice number the email lists. */
  invoices: string[];
  client: string;
  /** The stage of the email, or the email that is not a stage ("promise missed", the thank-you). */
  stage: EmailStageId | 'promiseMissed' | 'thankYou';
  to: string[];
}

export interface LastRunView {
  at: string;
  summary: string;
  stopped: string | null;
}

/** A status the overview counts, as a code: the add-on's own, or a row it cannot read. */
export type OverviewStatusCode = StatusCode | 'error';

export interface OverviewView {
  /** Rows per status; `code` is null for what the add-on does not chase (Void, Duplicate…). */
  counts: Array<{ status: string; code: OverviewStatusCode | null; count: number }>;
  dueToday: DueTodayView[];
  overdueTotals: Array<{ currency: string; amount: number; text: string }>;
  lastRun: LastRunView | null;
  failures: Array<{ date: IsoDate | null; invoice: string; stage: string; result: string }>;
  /** The calls to make (README "The day-14 call"). */
  calls?: CallCard[];
}

export interface SidebarData {
  /** The templates of the default email language (settings.emailLanguage). */
  templates: SidebarTemplate[];
  /** The templates of every email language, for the language picker of the Templates tab. */
  templatesByLanguage: Record<EmailLanguage, SidebarTemplate[]>;
  /** The email languages: code and name in the language itself ('de', 'Deutsch'). */
  languages: Array<{ code: EmailLanguage; name: string }>;
  placeholders: Placeholder[];
  settings: Settings;
  dailyOn: boolean;
  timeZone: string;
  locale: string;
  today: IsoDate;
  sheetName: string;
  selected: InvoiceView | null;
  /** Why no invoice is selected (wrong sheet, header row, empty row…). */
  selectionNote: string | null;
  overview: OverviewView;
  /** Problems the user should see (damaged settings, a sheet that cannot be read…). */
  warnings: string[];
  /** A daily run sent nothing because the add-on needs the user's permission again (null: none). */
  authorization: { at: string; url: string } | null;
  /** The spreadsheet's sheet names (the invoice sheet picker in Settings). */
  sheetNames?: string[];
  /** The Columns step; `needed` when a run is blocked by the header row. */
  columns?: ColumnsView;
}

/**
 * The answer to a change. A refusal has `problems` in words; when it is about the fields of a form
 * (settings, a template) it also has `issues`, one per field problem, for the form to show each
 * beside its field by `field` and `code`.
 */
export type SaveResult = { ok: true } | { ok: false; problems: string[]; issues?: ValidationIssue[] };

/** A PDF for the sidebar to offer as a download (the evidence pack). */
export interface PdfDownload {
  fileName: string;
  base64: string;
}

/** The small-claims table as the sidebar edits it (README "Interest, the letter and the evidence pack"). */
export interface SmallClaimsView {
  rows: SmallClaimsLimit[];
  /** Rows of the saved copy that were left out, and why. */
  problems: string[];
  /** The user's own copy (false: the defaults). */
  edited: boolean;
}

/** One field of the Columns step: the column it is read from ('' for none) and the likely ones. */
export interface ColumnFieldView {
  field: InputField;
  title: string;
  required: boolean;
  header: string;
  candidates: string[];
  /** Why this field needs a choice (missing, or two columns claim it), or null. */
  problem: string | null;
}

/** A data row as the add-on will read it: labelled values, or what the row gets instead (`note`). */
export interface ColumnRowView {
  row: number;
  cells: Array<{ label: string; text: string }>;
  note: string;
}

/**
 * A column the add-on does not read that looks like money paid or owed (docs/own-sheet.md "A payment
 * column the add-on does not know"): what the user says it is, pre-filled with the guess.
 */
export interface ColumnQuestionView {
  header: string;
  guess: 'amountPaid' | 'balance';
  /** The answer as it stands: the guess until the user answers (or the saved "not a payment column"). */
  answer: 'amountPaid' | 'balance' | 'none';
  message: string;
}

/** The Columns step of the sidebar (docs/own-sheet.md). */
export interface ColumnsView {
  sheetName: string;
  /** 1-based header row, null when none was found. */
  headerRow: number | null;
  /** The headers of the user's columns, for the drop-downs. */
  headers: string[];
  fields: ColumnFieldView[];
  rows: ColumnRowView[];
  /** Why the sheet cannot be read with this choice (empty when it can). */
  problems: string[];
  /** Runs are blocked until a choice is saved: the sidebar opens on this step. */
  needed: boolean;
  saved: Partial<Record<InputField, string>>;
  /** Columns that look like money paid or owed and are not read: what each is. */
  questions: ColumnQuestionView[];
  /** The headers saved as "not a payment column". */
  notPayment: string[];
}
