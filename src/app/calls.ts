// The day-14 call (README "The day-14 call"): the calls to make, from the plan, and recording one
// from the sidebar. A call is a Follow-up Log row (Stage `call`, Outcome its code); `promised`
// records a promise to pay, `disputed` opens a dispute, `wrongContact` keeps the new address.
import { CALL_LOG_STAGE, CALL_OUTCOME_WORDS, isCallOutcome, type CallCard, type CallOutcome } from '../domain/calls';
import { isEmailAddress, invoiceKey } from '../domain/parse';
import { isPaid } from '../domain/stages';
import { DISPUTE_EVENTS, DISPUTE_HEADERS, DISPUTE_SHEET, type DisputeRecord, type LogLine } from '../domain/records';
import type { Invoice, IsoDate } from '../domain/types';
import { callsDue } from './callsDue';
import { readCallContacts, withCallContact, CALL_CONTACTS_KEY } from './callRecords';
import { invoiceView } from './invoiceView';
import { appendLog, appendOwnRows } from './log';
import { planRun } from './planRun';
import { TRY_AGAIN, type Ports } from './ports';
import { promisedDateIssue } from './promises';
import { writePromises } from './promiseRecords';
import { runPipeline } from './run';
import { type SheetView } from './sheetView';
import { readSnapshot, UserFacingError, type Snapshot } from './snapshot';
import type { InvoiceView, SaveResult } from './sidebarTypes';

/** Longest note kept with a call (as a dispute note). */
const MAX_NOTE_LENGTH = 2000;

/** The call as the sidebar sent it, checked. */
interface CallRequest {
  invoiceNumber: string;
  key: string;
  outcome: CallOutcome;
  promisedDate: IsoDate | null;
  note: string;
  contactEmail: string | null;
}

/** The sidebar's arguments checked (the promised date against today later), or the problem to show. */
function callRequest(invoiceNumber: unknown, outcome: unknown, details: unknown): CallRequest | string {
  if (typeof invoiceNumber !== 'string' || invoiceKey(invoiceNumber) === '') return 'Select an invoice first.';
  if (!isCallOutcome(outcome)) return `Unknown call outcome: choose one of ${Object.keys(CALL_OUTCOME_WORDS).join(', ')}.`;
  const d = details !== null && typeof details === 'object' ? (details as Record<string, unknown>) : {};
  const note = typeof d.note === 'string' ? d.note.replace(/\r\n?/g, '\n').trim() : '';
  if (note.length > MAX_NOTE_LENGTH) return `The note is too long (${note.length} characters; the limit is ${MAX_NOTE_LENGTH}).`;
  const email = typeof d.contactEmail === 'string' ? d.contactEmail.trim() : '';
  if (outcome === 'wrongContact' && !isEmailAddress(email))
    return email === ''
      ? 'Give the address of the right contact (who handles payments).'
      : `'${email.slice(0, 100)}' is not an email address: write it like name@example.com.`;
  const promisedDate = typeof d.promisedDate === 'string' ? d.promisedDate.trim() : '';
  if (outcome === 'promised' && promisedDate === '') return 'Give the date they promised to pay by (like 2026-12-19).';
  return {
    invoiceNumber,
    key: invoiceKey(invoiceNumber),
    outcome,
    promisedDate: outcome === 'promised' ? promisedDate : null,
    note,
    contactEmail: outcome === 'wrongContact' ? email : null,
  };
}

/** Records a call and refreshes the status columns; returns the invoice again (or why nothing changed). */
export function recordCall(
  ports: Ports,
  invoiceNumber: unknown,
  outcome: unknown,
  details: unknown,
): SaveResult & { invoice?: InvoiceView | null; calls?: CallCard[] } {
  const request = callRequest(invoiceNumber, outcome, details);
  if (typeof request === 'string') return { ok: false, problems: [request] };
  let refused: string | null = null;
  const result = runPipeline(ports, { mode: 'statuses', trigger: 'sidebar' }, (p) => {
    const view = viewWithCall(p, request);
    if (typeof view === 'string') {
      refused = view;
      throw new UserFacingError(view);
    }
    return view;
  });
  if (refused !== null) return { ok: false, problems: [refused] };
  if (!result.view) return { ok: false, problems: [result.lockRefused ? TRY_AGAIN : (result.summary.stopped ?? TRY_AGAIN)] };
  const rowNow = result.view.run.plan.rows.find((r) => r.key === request.key);
  return { ok: true, invoice: rowNow ? invoiceView(result.view, rowNow.row) : null, calls: callsDue(result.view) };
}

/** Why the call cannot be recorded on this invoice today (null: it can). */
function refusal(request: CallRequest, invoice: Invoice | undefined, snapshot: Snapshot): string | null {
  if (!invoice) return `Invoice ${request.invoiceNumber} is not on the '${snapshot.sheetName}' sheet (or its row has an error).`;
  if (request.outcome === 'promised') {
    if (isPaid(invoice)) return `Invoice ${request.invoiceNumber} is paid: there is nothing to promise.`;
    return promisedDateIssue(request.promisedDate, snapshot.ctx.today)?.message ?? null;
  }
  return null;
}

/** The sheet read once; the call saved (when it may be) with its effect, and planned in. */
function viewWithCall(ports: Ports, request: CallRequest): SheetView | string {
  const before = readSnapshot(ports);
  const invoice = planRun(before).invoices.get(request.key);
  const refused = refusal(request, invoice, before);
  if (refused !== null || !invoice) return refused ?? TRY_AGAIN;
  const today = before.ctx.today;
  let snapshot: Snapshot = before;
  if (request.outcome === 'promised' && request.promisedDate !== null) {
    const others = before.promises.filter((r) => !(r.key === request.key && r.recordedOn === today));
    const promises = [...others, { key: request.key, promisedDate: request.promisedDate, recordedOn: today }];
    writePromises(ports.store, promises);
    snapshot = { ...snapshot, promises };
  } else if (request.outcome === 'disputed') {
    snapshot = { ...snapshot, disputes: [...snapshot.disputes, openDispute(ports, request, invoice, before)] };
  } else if (request.outcome === 'wrongContact' && request.contactEmail !== null) {
    const contacts = withCallContact(readCallContacts(ports.store), invoice.client, request.contactEmail, today);
    ports.store.writeJson(CALL_CONTACTS_KEY, contacts);
    snapshot = { ...snapshot, callContacts: contacts };
  }
  const line = callLine(request, invoice);
  appendLog([line], ports);
  snapshot = {
    ...snapshot,
    log: [...snapshot.log, { date: today, key: request.key, stage: line.stage, outcome: line.outcome, result: line.result }],
  };
  return { snapshot, run: planRun(snapshot) };
}

/** A call saying the client disputes the invoice opens a dispute with the note (a note when one is open already). */
function openDispute(ports: Ports, request: CallRequest, invoice: Invoice, snapshot: Snapshot): DisputeRecord {
  const history = planRun(snapshot).histories.get(request.key);
  const kind = history?.disputeOpen === true || invoice.disputed === true ? 'note' : 'open';
  const note = request.note !== '' ? request.note : 'Disputed on the phone.';
  const event: DisputeRecord = { date: snapshot.ctx.today, key: request.key, kind, event: DISPUTE_EVENTS[kind], note };
  appendOwnRows(DISPUTE_SHEET, DISPUTE_HEADERS, [[{ at: ports.now() }, invoice.invoice, event.event, note, kind]], ports);
  return event;
}

/** The call's Follow-up Log row: Stage `call`, Outcome its code, Result in words. */
function callLine(request: CallRequest, invoice: Invoice): LogLine {
  const words = [
    `call: ${CALL_OUTCOME_WORDS[request.outcome]}`,
    request.promisedDate !== null ? ` by ${request.promisedDate}` : '',
    request.contactEmail !== null ? ` (now copying ${request.contactEmail})` : '',
    request.note !== '' ? ` — ${request.note}` : '',
  ].join('');
  return {
    invoice: invoice.invoice,
    client: invoice.client,
    stage: CALL_LOG_STAGE,
    recipients: request.contactEmail ?? invoice.phone ?? '',
    subject: '',
    outcome: request.outcome,
    result: words,
    threadId: '',
    ...(request.promisedDate !== null ? { promisedDate: request.promisedDate } : {}),
  };
}
