// What a demo run collects, day by day: the events, the emails written as .eml files, the final
// table and the totals (scripts/demo/simulate.ts makes it, scripts/demo/report.ts prints it).
import { type DemoClaim } from '../demoClaims';
import { type ResolvedDemoOptions } from './options';

export type DemoEventKind =
  /** An email the add-on sent (written as a .eml file). */
  | 'sent'
  | 'preview'
  | 'skipped'
  | 'queued'
  | 'failed'
  /** A row that gets nothing (paid, paused, disputed, needs review), when it first shows so. */
  | 'held'
  /** A row with `Error: …` in its Status, when it first shows so. */
  | 'error'
  /** The run did nothing (no sheet, bad headers, crash…). */
  | 'stopped'
  /** A warning of the run (e.g. settings that could not be read). */
  | 'warning'
  /** Any other log row without an invoice. */
  | 'note';

export interface DemoEvent {
  /** Simulated day, YYYY-MM-DD in the spreadsheet's zone. */
  date: string;
  kind: DemoEventKind;
  invoice: string;
  client: string;
  /** Stage id as the log writes it ('reminder', 'firm', … 'final'), or ''. */
  stage: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  /** The log's Result, or the Status / message the event comes from. */
  result: string;
  /** The .eml file of a sent email. */
  file: string | null;
}

/** One email the add-on sent: to a client about one or several of its invoices, or the daily summary to you. */
export interface DemoEmail {
  date: string;
  /** The invoices it is about, in the log's order (none for the daily summary). */
  invoices: string[];
  client: string;
  /** The stage its wording follows: the most advanced of its invoices' stages ('summary' for the daily summary). */
  stage: string;
  from: string;
  senderName: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  html: string | null;
  /** Simulated send time, ISO. */
  sentAt: string;
  file: string;
}

export interface DemoDay {
  date: string;
  /** 1-based. */
  index: number;
  events: DemoEvent[];
  /** The run's own summary line from the log ('Sent 2 · 6 skipped · …'), when it wrote one. */
  summary: string | null;
}

export interface DemoTable {
  headers: string[];
  rows: string[][];
}

export interface DemoTotals {
  invoices: number;
  /** Emails to clients. */
  emails: number;
  /** Daily summaries to the user. */
  summaries: number;
  byStage: Record<string, number>;
  /** Invoices that got at least one email. */
  invoicesEmailed: number;
  /** Per client emailed: the emails sent to it, its invoices in them, and the (invoice, stage) follow-ups they carried. */
  byClient: ClientEmailCount[];
  skipped: number;
  queued: number;
  failed: number;
  rowErrors: number;
}

export interface ClientEmailCount {
  client: string;
  emails: number;
  invoices: number;
  /** One per (invoice, stage) sent: what one email per invoice would have taken on the same days. */
  followUps: number;
}

export interface DemoResult {
  options: ResolvedDemoOptions;
  /** The add-on's effective user, the From address. */
  userEmail: string;
  trigger: { id: string; handler: string; hour: number; timeZone: string };
  /** The alert "Turn on daily follow-ups" showed. */
  turnOnMessage: string | null;
  days: DemoDay[];
  events: DemoEvent[];
  emails: DemoEmail[];
  /** Invoice, Client, Status, Stage, Days Overdue, Last Follow-up, Next Follow-up (display values). */
  table: DemoTable;
  /** The Follow-up Log as displayed (header row first). */
  log: string[][];
  totals: DemoTotals;
  /** What each late invoice could claim on the last day, under the settings' late-payment regime. */
  claims: DemoClaim[];
  files: { outDir: string; emails: string[]; invoicesCsv: string; logCsv: string };
}
