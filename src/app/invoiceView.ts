// An invoice as the sidebar shows it (Disputes tab, template preview): plain JSON from one read.
import { clientKey, type ListedInvoice } from '../domain/group';
import { formatMoney } from '../domain/money';
import type { LedgerEntry, LogRecord } from '../domain/records';
import { CALL_LOG_STAGE, isCallOutcome } from '../domain/calls';
import { statusCells, type RowPlan } from '../domain/plan';
import { emailLocale, invoiceLanguage } from '../domain/language';
import { isChasedWhenOverdue, isPaid, statusCode, type StatusCode } from '../domain/stages';
import { lateInterestFor } from '../domain/notice';
import { placeholderValues } from '../domain/templates';
import type { SheetView } from './sheetView';
import type { FollowUpView, InvoiceView } from './sidebarTypes';
import { promiseView } from './promiseRecords';
import type { LateInterest } from '../domain/interest';
import type { Invoice } from '../domain/types';

/** The row's status as a code: its evaluation's, 'paid' for a row the sheet says is paid, else null. */
function rowStatusCode(plan: RowPlan): StatusCode | null {
  if (plan.evaluation !== null && plan.error === null) return statusCode(plan.evaluation.status);
  return plan.outcome?.kind === 'settled' && plan.outcome.code === 'paid' ? 'paid' : null;
}

/** The invoice on sheet row `row`, or null when that row has none. */
export function invoiceView({ snapshot, run }: SheetView, row: number): InvoiceView | null {
  const plan = run.plan.rows.find((r) => r.row === row);
  if (!plan) return null;
  const key = plan.key;
  const invoice = key ? run.invoices.get(key) : undefined;
  const history = key ? run.histories.get(key) : undefined;
  const ctx = snapshot.ctx;
  const language = invoice ? invoiceLanguage(invoice, snapshot.config.settings) : snapshot.config.settings.emailLanguage;
  const unsure: LedgerEntry[] = key ? snapshot.ledger.filter((e) => e.key === key && e.state !== 'sent') : [];
  return {
    row,
    key,
    invoice: plan.invoice,
    client: plan.client,
    status: statusCells(plan, plan.evaluation, history).status,
    statusCode: rowStatusCode(plan),
    stage: history?.lastSentStage ?? '',
    amountText: invoice ? formatMoney(invoice.amount, invoice.currency, ctx.locale) : '',
    balanceText: invoice ? formatMoney(isPaid(invoice) ? 0 : invoice.balance, invoice.currency, ctx.locale) : '',
    currency: invoice?.currency ?? '',
    dueDate: invoice?.dueDate ?? null,
    daysOverdue: plan.evaluation?.daysOverdue ?? null,
    error: plan.error,
    emails: invoice?.emails ?? [],
    language,
    // Written as this client's emails are: in the row's language (README "Languages").
    values: invoice
      ? placeholderValues(invoice, {
          today: ctx.today,
          locale: emailLocale(language, ctx.locale),
          language,
          replyByDays: snapshot.config.settings.replyByDays,
          senderName: snapshot.config.settings.senderName,
          ...lateValues(invoice, snapshot),
        })
      : {},
    disputeOpen: history?.disputeOpen ?? false,
    disputeNotes: key
      ? snapshot.disputes.filter((d) => d.key === key).map((d) => ({ date: d.date, event: d.event, note: d.note }))
      : [],
    followUps: key
      ? snapshot.log
          .filter((l) => l.key === key)
          .map((l) => ({ date: l.date, stage: l.stage, result: l.result, recipients: l.recipients ?? '', ...callOf(l) }))
      : [],
    unsureSends: unsure.map((e) => ({ stage: e.stage, date: e.date, recipients: e.recipients })),
    promise: invoice ? promiseView(invoice, snapshot.promises, ctx.today) : null,
    dueDateDoubt: plan.outcome?.kind === 'held' && plan.outcome.code === 'implausible-due-date' ? plan.outcome.message : null,
    clientInvoices: invoice ? clientInvoices(run, invoice) : [],
  };
}

/** A call's outcome, by its code in the log (a row typed by hand with other words is shown as it is). */
function callOf(l: LogRecord): Pick<FollowUpView, 'call'> {
  if (l.stage !== CALL_LOG_STAGE || !isCallOutcome(l.outcome)) return {};
  return { call: { outcome: l.outcome, promisedDate: l.promisedDate ?? null } };
}

/** The invoice and its client's other unpaid, chased invoices that are overdue today, oldest due first. */
function clientInvoices(run: SheetView['run'], selected: Invoice): ListedInvoice[] {
  const client = clientKey(selected.client);
  const listed = (inv: Invoice): ListedInvoice => {
    const { invoice, issueDate, dueDate, balance, currency, paymentLink } = inv;
    return { invoice, issueDate, dueDate, balance, currency, paymentLink };
  };
  const others = run.plan.rows.flatMap((row) => {
    const inv = row.key !== null && row.key !== selected.key && row.error === null ? run.invoices.get(row.key) : undefined;
    // Not paused, disputed, promised, or left to the user.
    const chased =
      row.evaluation !== null && (row.evaluation.daysOverdue ?? 0) > 0 && isChasedWhenOverdue(statusCode(row.evaluation.status));
    return inv && chased && !isPaid(inv) && clientKey(inv.client) === client ? [listed(inv)] : [];
  });
  return [listed(selected), ...others].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/** The interest on the invoice today, for {{interest}}, {{compensation}} and {{amount_claimed}} in the preview. */
function lateValues(invoice: Invoice, snapshot: SheetView['snapshot']): { late?: LateInterest } {
  const late = lateInterestFor(invoice, snapshot.config.settings, snapshot.ctx.today);
  return late === undefined ? {} : { late };
}
