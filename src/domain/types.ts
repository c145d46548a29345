// Plain data shared by the domain, the use cases and the adapters. No Apps Script names here.

/** A calendar date in the spreadsheet's time zone, 'YYYY-MM-DD'. */
export type IsoDate = string;

/** A date cell, already turned into a calendar date (in the spreadsheet's zone) by the adapter. */
export interface DateCell {
  readonly date: IsoDate;
}

/**
 * One cell as the domain sees it. The sheet adapter turns `Date` cells into `DateCell`s
 * (so the domain never sees a Date from another realm) and empty cells into ''.
 */
export type CellValue = string | number | boolean | DateCell;

export const STAGE_IDS = ['nudge', 'reminder', 'firm', 'escalate', 'formal', 'final'] as const;
export type StageId = (typeof STAGE_IDS)[number];
/** Stages that send an email (`final` only flags the row for a decision). */
export type EmailStageId = Exclude<StageId, 'final'>;

/** The "several invoices" variant of each email stage: one email listing a client's invoices (docs/escalation.md). */
export const LIST_TEMPLATE_IDS = ['nudgeList', 'reminderList', 'firmList', 'escalateList', 'formalList'] as const;
export type ListTemplateId = (typeof LIST_TEMPLATE_IDS)[number];

export const TEMPLATE_IDS = [
  'nudge',
  'reminder',
  'firm',
  'escalate',
  'formal',
  'dispute',
  /** The day-14 escalation when the row has no Billing Email. */
  'escalateNoBilling',
  /** The day after a missed promise to pay; may use {{promised_date}}. */
  'promiseMissed',
  /** Once an invoice the add-on followed up is paid (setting thankYouWhenPaid). */
  'thankYou',
  ...LIST_TEMPLATE_IDS,
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/** The list template of an email stage ('firm' → 'firmList'). */
export function listTemplateId(stage: EmailStageId): ListTemplateId {
  return `${stage}List`;
}

/** An email as the add-on writes it: its recipients and its words, in plain text and HTML. */
export interface EmailContent {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  html: string;
}

export interface Template {
  subject: string;
  body: string;
}
export type Templates = Record<TemplateId, Template>;

export interface Settings {
  version: 1;
  /** Name of the invoice sheet. */
  sheetName: string;
  /** Days after the due date for each stage; null = stage turned off. nudge is negative (before due). */
  stageDays: Record<StageId, number | null>;
  minGapDays: number;
  replyByDays: number;
  senderName: string;
  ccSelf: boolean;
  bccSelf: boolean;
  /** Hour of day (0-23, spreadsheet time zone) of the daily run. */
  sendHour: number;
  skipWeekends: boolean;
  /** ISO currency code used when a row has none; '' = from the spreadsheet locale. */
  currency: string;
  latePayment: LatePaymentSettings;
  /** One email per client listing its due invoices (docs/escalation.md); off = one email per invoice. */
  groupByClient: boolean;
  /** Dates on which nothing is sent (a follow-up due on one goes out on the next sending day). */
  holidays: IsoDate[];
  /** One thank-you email when an invoice is paid, for invoices paid after this was turned on. */
  thankYouWhenPaid: boolean;
  /** One summary email after a daily run that did something or found something needing the user. */
  dailySummary: boolean;
}

/** Where and when a run happens: all in the spreadsheet's terms. */
export interface SheetContext {
  timeZone: string;
  /** Spreadsheet locale as Apps Script reports it, e.g. 'en_US', 'en_GB', 'de_DE'. */
  locale: string;
  today: IsoDate;
}

export const INPUT_FIELDS = [
  'invoice',
  'client',
  'email',
  'amount',
  'currency',
  'issueDate',
  'dueDate',
  'paidDate',
  'amountPaid',
  'contactName',
  'billingEmail',
  'paused',
  'paymentLink',
  'balance',
  'userStatus',
  'promisedDate',
  'consumer',
  'terms',
] as const;
export type InputField = (typeof INPUT_FIELDS)[number];

export const STATUS_FIELDS = ['status', 'stage', 'daysOverdue', 'lastFollowUp', 'nextFollowUp'] as const;
export type StatusField = (typeof STATUS_FIELDS)[number];

export type SheetField = InputField | StatusField;

/** A valid invoice row. Money is in major units (1200.5 = 1,200.50). */
export interface Invoice {
  /** 1-based sheet row at the time of reading. */
  row: number;
  /** Normalised invoice number: the key of all history (log, ledger, disputes). */
  key: string;
  /** Invoice number as the user wrote it. */
  invoice: string;
  client: string;
  emails: string[];
  amount: number;
  amountPaid: number;
  balance: number;
  currency: string;
  issueDate: IsoDate | null;
  dueDate: IsoDate;
  paidDate: IsoDate | null;
  contactName: string;
  billingEmails: string[];
  paused: boolean;
  paymentLink: string;
  /** Paid by the sheet's word (a ticked Paid, Status 'Paid', Balance 0) even without a paid date. */
  paid?: boolean;
  /** The user's own Status word as written ('' or absent when the sheet has none); see docs/own-sheet.md. */
  userStatus?: string;
  /** The user's own Status says Disputed: treated like a dispute opened in the sidebar. */
  disputed?: boolean;
  /** The client promised to pay by this date (a Promised Date column); absent or null when none. */
  promisedDate?: IsoDate | null;
  /** The client is a consumer (a Consumer column ticked or Yes): no statutory interest (docs/late-payment.md). */
  consumer?: boolean;
  /** The due date was worked out from these payment terms ('Net 30') and the issue date: the sheet gave none. */
  dueFromTerms?: string;
}

/** A row that cannot be processed; `error` is written for a freelancer, not a programmer. */
export interface InvalidRow {
  row: number;
  /** Normalised invoice number when the row has one. */
  key: string | null;
  invoice: string;
  client: string;
  /** The message written on the row (for every kind, not only errors). */
  error: string;
  /** What the row is; absent means an error (rows made before outcomes existed). */
  outcome?: RowOutcome;
}

/**
 * Rows that are not invoices: a total row, a note, a credit note, the header row pasted again, a
 * copy of another row of the same invoice. Nothing is sent; the row says what it is.
 */
export type NotInvoiceCode = 'total' | 'note' | 'credit-note' | 'header' | 'duplicate';
/** Invoices the user's sheet says are finished: nothing is sent. */
export type SettledCode = 'paid' | 'void' | 'cancelled' | 'written-off' | 'refunded' | 'draft';
/** Invoices held for the user to look at: nothing is sent until the row is clear. */
export type HeldCode =
  | 'unknown-status-word'
  | 'conflicting-payment'
  | 'implausible-due-date'
  /** The Status says part was paid and no Amount Paid or Balance says how much. */
  | 'partial-payment-unknown';

/**
 * Why a row is not chased, as a code for the program and a message for the user. `error` rows are
 * written as "Error: …"; the other kinds say what the row is (see docs/own-sheet.md).
 */
export type RowOutcome =
  | { kind: 'error'; code: 'invalid-cells'; message: string }
  /** `of`: for a 'duplicate', the row it repeats (the one that is chased). */
  | { kind: 'not-invoice'; code: NotInvoiceCode; message: string; of?: number }
  | { kind: 'settled'; code: SettledCode; message: string }
  | { kind: 'held'; code: HeldCode; message: string };

export type ParsedRow = { ok: true; invoice: Invoice } | { ok: false; invalid: InvalidRow };

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
/** Late-payment interest and compensation (README: "Interest, the letter and the evidence pack"). */
export type LatePaymentRegime = 'off' | 'uk' | 'eu' | 'custom';
export interface LatePaymentSettings {
  regime: LatePaymentRegime;
  /** Reference rate in percent a year (uk: Bank of England base rate; eu: ECB reference rate). */
  referenceRatePercent: number;
  /** The half-year the reference rate applies to, 'YYYY-H1' or 'YYYY-H2'; '' when not given. */
  referenceRatePeriod: string;
  /** eu: points over the reference rate (at least 8); custom: the yearly rate; uk: ignored (8 by law). */
  marginPercent: number;
  /** custom: fixed compensation per invoice, in the invoice's currency. */
  fixedCompensation: number;
  attachLetter: boolean;
}
