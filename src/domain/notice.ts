// What the formal notice carries beyond its words (docs/late-payment.md): the interest worked out
// for the row, and the formal letter as data ({fileName, html}) that the mail adapter turns into
// the attached PDF. Pure: the log, the rows and the settings come in as plain records.
import { addDays } from './dates';
import { lateInterest, type LateInterest } from './interest';
import { languageWords } from './defaultTemplates';
import { emailLocale, invoiceLanguage } from './language';
import { formalLetterHtml, type SentFollowUp, type StatementLine } from './letter';
import type { LogRecord } from './records';
import { isPaid } from './stages';
import type { Invoice, IsoDate, ParsedRow, Settings, SheetContext } from './types';

/** A PDF to make, planned as data: its file name and the HTML it is printed from. */
export interface PlannedDocument {
  fileName: string;
  html: string;
}

/** The interest and compensation on an invoice today; undefined when the regime is off. */
export function lateInterestFor(invoice: Invoice, settings: Settings, today: IsoDate): LateInterest | undefined {
  const late = settings.latePayment;
  if (late === undefined || late.regime === 'off') return undefined;
  const owed = isPaid(invoice) ? 0 : invoice.balance;
  return lateInterest({ balance: owed, currency: invoice.currency, dueDate: invoice.dueDate }, late, today, {
    consumer: invoice.consumer === true,
  });
}

/** The interest on an invoice as the letter and the evidence pack show it: with the regime off, it says so. */
export function lateInterestShown(invoice: Invoice, settings: Settings, today: IsoDate): LateInterest {
  const owed = isPaid(invoice) ? 0 : invoice.balance;
  const off = { ...settings.latePayment, regime: 'off' as const };
  return (
    lateInterestFor(invoice, settings, today) ??
    lateInterest({ balance: owed, currency: invoice.currency, dueDate: invoice.dueDate }, off, today)
  );
}

/** A file name part without the characters no mail client or file system takes. */
export function fileNamePart(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\\/:*?"<>|]+/g, '-').slice(0, 80);
}

/** The log's sends of these invoices, oldest first, as the letter lists them. */
export function sentFollowUps(log: readonly LogRecord[], invoices: readonly Invoice[]): SentFollowUp[] {
  const numbers = new Map(invoices.map((i) => [i.key, i.invoice]));
  return log
    .filter((r) => r.outcome === 'sent' && r.date !== null && numbers.has(r.key))
    .map((r) => ({
      date: r.date ?? '',
      invoice: numbers.get(r.key) ?? r.key,
      stage: r.stage,
      recipients: r.recipients ?? '',
      subject: r.subject ?? '',
    }));
}

/** The client's invoices still open (the row itself first), by due date. */
function openInvoicesOf(invoice: Invoice, rows: readonly ParsedRow[]): Invoice[] {
  const client = invoice.client.trim().toLowerCase();
  const others = rows.flatMap((r) =>
    r.ok &&
    r.invoice.key !== invoice.key &&
    r.invoice.client.trim().toLowerCase() === client &&
    !isPaid(r.invoice) &&
    r.invoice.balance > 0
      ? [r.invoice]
      : [],
  );
  return [invoice, ...others].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

function statementLine(invoice: Invoice, settings: Settings, today: IsoDate): StatementLine {
  return {
    invoice: invoice.invoice,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    amount: invoice.amount,
    balance: isPaid(invoice) ? 0 : invoice.balance,
    currency: invoice.currency,
    late: lateInterestShown(invoice, settings, today),
  };
}

export interface LetterContext {
  rows: readonly ParsedRow[];
  log: readonly LogRecord[];
  settings: Settings;
  ctx: SheetContext;
  selfEmail: string | null;
}

/** The formal letter for an invoice's formal notice: all the client's open invoices and every follow-up sent. */
export function formalLetterFor(invoice: Invoice, input: LetterContext): PlannedDocument {
  const { settings, ctx } = input;
  const invoices = openInvoicesOf(invoice, input.rows);
  const language = invoiceLanguage(invoice, settings);
  const html = formalLetterHtml({
    sender: { name: settings.senderName, email: input.selfEmail ?? '' },
    client: { name: invoice.client, email: invoice.emails.join(', ') },
    contactName: invoice.contactName,
    date: ctx.today,
    replyBy: addDays(ctx.today, Math.round(settings.replyByDays)),
    locale: emailLocale(language, ctx.locale),
    language,
    invoices: invoices.map((i) => statementLine(i, settings, ctx.today)),
    followUps: sentFollowUps(input.log, invoices),
    paymentLink: invoice.paymentLink,
  });
  return { fileName: `${languageWords(language).letter.documentTitle} ${fileNamePart(invoice.invoice)}.pdf`, html };
}
