// Dispute events from the sidebar: the event is appended to the Dispute Notes and the statuses are
// refreshed, from one read of the invoice sheet under the lock.
import { buildHistories } from '../domain/history';
import { invoiceKey } from '../domain/parse';
import { DISPUTE_EVENTS, DISPUTE_HEADERS, DISPUTE_SHEET, type DisputeRecord } from '../domain/records';
import { invoiceView } from './invoiceView';
import { appendOwnRows } from './log';
import { planRun } from './planRun';
import { TRY_AGAIN, type Ports } from './ports';
import { runPipeline } from './run';
import { type SheetView } from './sheetView';
import { readSnapshot, UserFacingError, type Snapshot } from './snapshot';
import type { InvoiceView, SaveResult } from './sidebarTypes';

export type DisputeAction = 'open' | 'note' | 'resolve';

/** Longest dispute note kept (a cell holds 50,000 characters; a note is a few sentences). */
const MAX_NOTE_LENGTH = 2000;

type DisputeRequest = { action: DisputeAction; invoiceNumber: string; key: string; text: string };

/** The sidebar's arguments checked, or the problem to show. */
function disputeRequest(action: unknown, invoiceNumber: unknown, note: unknown): DisputeRequest | string {
  if (action !== 'open' && action !== 'note' && action !== 'resolve') return 'Unknown dispute action.';
  if (typeof invoiceNumber !== 'string' || invoiceKey(invoiceNumber) === '') return 'Select an invoice first.';
  const text = typeof note === 'string' ? note.replace(/\r\n?/g, '\n').trim() : '';
  if (text.length > MAX_NOTE_LENGTH) return `The note is too long (${text.length} characters; the limit is ${MAX_NOTE_LENGTH}).`;
  if (action === 'note' && text === '') return 'Write the note first.';
  return { action, invoiceNumber, key: invoiceKey(invoiceNumber), text };
}

/** Records a dispute event for the invoice and refreshes the status columns; returns the invoice again. */
export function recordDispute(
  ports: Ports,
  action: unknown,
  invoiceNumber: unknown,
  note: unknown,
): SaveResult & { invoice?: InvoiceView | null } {
  const request = disputeRequest(action, invoiceNumber, note);
  if (typeof request === 'string') return { ok: false, problems: [request] };
  let refused: string | null = null;
  // The event is planned into the snapshot the refresh reads, and the sidebar is shown from it.
  const result = runPipeline(ports, { mode: 'statuses', trigger: 'sidebar' }, (p) => {
    const view = viewWithEvent(p, request);
    refused = view.refused;
    if (refused !== null) throw new UserFacingError(refused);
    return view;
  });
  if (refused) return { ok: false, problems: [refused] };
  if (!result.view) return { ok: false, problems: [result.lockRefused ? TRY_AGAIN : (result.summary.stopped ?? TRY_AGAIN)] };
  const rowNow = result.view.run.plan.rows.find((r) => r.key === request.key);
  return { ok: true, invoice: rowNow ? invoiceView(result.view, rowNow.row) : null };
}

/** The sheet read once, with the event appended (when it may be) and planned in. */
function viewWithEvent(ports: Ports, request: DisputeRequest): SheetView & { refused: string | null } {
  const before = readSnapshot(ports);
  const event: DisputeRecord = {
    date: before.ctx.today,
    key: request.key,
    kind: request.action,
    event: DISPUTE_EVENTS[request.action],
    note: request.text,
  };
  const snapshot = { ...before, disputes: [...before.disputes, event] };
  const run = planRun(snapshot);
  const row = run.plan.rows.find((r) => r.key === request.key);
  const refused = disputeRefusal(request, row ? disputeOpen(before, request.key) : null, before.sheetName);
  if (row && refused === null) {
    appendOwnRows(
      DISPUTE_SHEET,
      DISPUTE_HEADERS,
      [[{ at: ports.now() }, row.invoice, event.event, request.text, request.action]],
      ports,
    );
  }
  return { snapshot, run, refused };
}

/** Whether a dispute is open on the invoice, from the dispute events alone. */
function disputeOpen(snapshot: Snapshot, key: string): boolean {
  const disputes = snapshot.disputes.filter((d) => d.key === key);
  return buildHistories({ log: [], ledger: [], disputes, statusMemory: new Map() }).get(key)?.disputeOpen ?? false;
}

/** Why this dispute action cannot be taken (`open` is null when the invoice is not on the sheet). */
function disputeRefusal(request: DisputeRequest, open: boolean | null, sheetName: string): string | null {
  if (open === null) return `Invoice ${request.invoiceNumber} is not on the '${sheetName}' sheet any more.`;
  if (request.action === 'open' && open) return 'A dispute is already open for this invoice.';
  if (request.action === 'resolve' && !open) return 'There is no open dispute on this invoice.';
  return null;
}
