// The calls to make (README "The day-14 call"): from the plan, read-only, so the daily summary and
// the sidebar list the same cards. Recording a call is src/app/calls.ts.
import { callCard, callDay, CALL_LOG_STAGE, type CallCard } from '../domain/calls';
import { invoiceKey } from '../domain/parse';
import { isPaid } from '../domain/stages';
import type { Invoice } from '../domain/types';
import type { SheetView } from './sheetView';
import type { Snapshot } from './snapshot';

/** The invoices a call was recorded for (any outcome: the call was made), from one pass over the log. */
function callsRecorded(snapshot: Snapshot): Set<string> {
  const out = new Set<string>();
  for (const r of snapshot.log) if (r.stage === CALL_LOG_STAGE) out.add(r.key);
  return out;
}

/**
 * The calls to make now: unpaid invoices, not disputed nor paused, at or past the escalation day,
 * with no call recorded yet; longest late first.
 */
export function callsDue({ snapshot, run }: SheetView): CallCard[] {
  const day = callDay(snapshot.config.settings);
  if (day === null) return [];
  const out: CallCard[] = [];
  const called = callsRecorded(snapshot);
  for (const row of run.plan.rows) {
    const invoice = row.key !== null && row.error === null ? run.invoices.get(row.key) : undefined;
    const days = row.evaluation?.daysOverdue ?? null;
    if (!invoice || days === null || days < day || !callable(invoice, run.histories.get(invoice.key)?.disputeOpen)) continue;
    if (!called.has(invoice.key)) out.push(callCard(invoice, days, snapshot.ctx.locale));
  }
  return out.sort((a, b) => b.daysLate - a.daysLate);
}

function callable(invoice: Invoice, disputeOpen: boolean | undefined): boolean {
  return !isPaid(invoice) && !invoice.paused && invoice.disputed !== true && disputeOpen !== true;
}

/** The cards of the calls the run's escalations made due (the daily summary lists them that day). */
export function summaryCalls({ snapshot, run }: SheetView, needs: ReadonlyArray<{ invoice: string; need: string }>): CallCard[] {
  const out: CallCard[] = [];
  for (const n of needs) {
    const invoice = n.need === 'call' ? run.invoices.get(invoiceKey(n.invoice)) : undefined;
    const row = invoice ? run.plan.rows.find((r) => r.key === invoice.key) : undefined;
    if (invoice) out.push(callCard(invoice, row?.evaluation?.daysOverdue ?? 0, snapshot.ctx.locale));
  }
  return out;
}
