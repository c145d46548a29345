// "The year looks wrong — it is right" in the sidebar (docs/own-sheet.md "A due date that looks like a
// typo"): the user confirms a due date the add-on held as a probable typo. The confirmation is kept in
// the add-on's own store (src/app/dueDateRecords.ts); the statuses are refreshed from one read of the
// sheet, under the lock, as for a promise.
import { dueDateDoubt } from '../domain/dueDates';
import { invoiceKey } from '../domain/parse';
import { isPaid } from '../domain/stages';
import type { Invoice, IsoDate } from '../domain/types';
import { invoiceView } from './invoiceView';
import { planRun } from './planRun';
import { TRY_AGAIN, type Ports } from './ports';
import { DUE_DATES_KEY, dueDateChecks } from './dueDateRecords';
import { runPipeline } from './run';
import { type SheetView } from './sheetView';
import { readSnapshot, UserFacingError } from './snapshot';
import type { InvoiceView, SaveResult } from './sidebarTypes';

/**
 * The confirmations worth keeping with `key` confirming `dueDate`: none for an invoice that is paid
 * or whose due date was corrected since (its cell no longer holds the date confirmed). Those of
 * invoices not read today (a row with an error) are kept.
 */
function keptWith(
  confirmed: ReadonlyMap<string, IsoDate>,
  invoices: ReadonlyMap<string, Invoice>,
  key: string,
  dueDate: IsoDate,
): Array<[string, IsoDate]> {
  const kept: Array<[string, IsoDate]> = [];
  for (const [k, date] of confirmed) {
    const invoice = invoices.get(k);
    if (k === key || (invoice && (isPaid(invoice) || invoice.dueDate !== date))) continue;
    kept.push([k, date]);
  }
  return [...kept, [key, dueDate]];
}

/** The sheet read once, the confirmation saved (when the due date is in doubt) and planned in. */
function viewWithConfirmation(ports: Ports, key: string, invoiceNumber: string): SheetView | { refused: string } {
  const before = readSnapshot(ports);
  const { invoices } = planRun(before);
  const invoice = invoices.get(key);
  if (!invoice)
    return { refused: `Invoice ${invoiceNumber} is not on the '${before.sheetName}' sheet (or its row has an error).` };
  const checks = dueDateChecks(before);
  if (dueDateDoubt(invoice.dueDate, checks.firstRun) === null)
    return {
      refused: `The due date of ${invoiceNumber} (${invoice.dueDate}) does not look like a typo: there is nothing to confirm.`,
    };
  const entries = keptWith(before.confirmedDueDates, invoices, key, invoice.dueDate);
  ports.store.writeJson(DUE_DATES_KEY, entries);
  const snapshot = { ...before, confirmedDueDates: new Map(entries) };
  return { snapshot, run: planRun(snapshot) };
}

/** Confirms the due date of an invoice held as a probable typo and refreshes the statuses; returns the invoice again. */
export function confirmDueDate(ports: Ports, invoiceNumber: unknown): SaveResult & { invoice?: InvoiceView | null } {
  if (typeof invoiceNumber !== 'string' || invoiceKey(invoiceNumber) === '')
    return { ok: false, problems: ['Select an invoice first.'] };
  const key = invoiceKey(invoiceNumber);
  let refused: string | null = null;
  const result = runPipeline(ports, { mode: 'statuses', trigger: 'sidebar' }, (p) => {
    const view = viewWithConfirmation(p, key, invoiceNumber);
    if ('refused' in view) {
      refused = view.refused;
      throw new UserFacingError(view.refused);
    }
    return view;
  });
  if (refused) return { ok: false, problems: [refused] };
  if (!result.view) return { ok: false, problems: [result.lockRefused ? TRY_AGAIN : (result.summary.stopped ?? TRY_AGAIN)] };
  const rowNow = result.view.run.plan.rows.find((r) => r.key === key);
  return { ok: true, invoice: rowNow ? invoiceView(result.view, rowNow.row) : null };
}
