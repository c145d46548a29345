// "Client promised to pay by …" in the sidebar (docs/escalation.md, "Promises"): recording or
// withdrawing a promise saves it in the add-on's own records (src/app/promiseRecords.ts) and
// refreshes the statuses from one read of the sheet, under the lock.
import { addDays, isIsoDate } from '../domain/dates';
import { invoiceKey } from '../domain/parse';
import type { PromiseRecord } from '../domain/promise';
import { isPaid } from '../domain/stages';
import type { IsoDate } from '../domain/types';
import type { ValidationIssue } from '../domain/validation';
import { invoiceView } from './invoiceView';
import { planRun } from './planRun';
import { TRY_AGAIN, type Ports } from './ports';
import { writePromises } from './promiseRecords';
import { runPipeline } from './run';
import { type SheetView } from './sheetView';
import { readSnapshot, UserFacingError } from './snapshot';
import type { InvoiceView, SaveResult } from './sidebarTypes';

/** A promise further ahead than this is refused (it would hold the follow-ups for more than a year). */
const MAX_DAYS_AHEAD = 366;

function issue(message: string, code: ValidationIssue['code']): ValidationIssue {
  return { field: 'promisedDate', code, message };
}

/** Why this date cannot be recorded as a promise today (null: it can). */
export function promisedDateIssue(promisedDate: unknown, today: IsoDate): ValidationIssue | null {
  if (typeof promisedDate !== 'string' || !isIsoDate(promisedDate)) {
    return issue('The promised date must be a real date, written like 2026-12-19.', 'bad-format');
  }
  if (promisedDate < today) return issue('The promised date is in the past: give today or a later date.', 'out-of-range');
  if (promisedDate > addDays(today, MAX_DAYS_AHEAD)) {
    return issue('The promised date is more than a year ahead: give a nearer date.', 'out-of-range');
  }
  return null;
}

type PromiseChange = { kind: 'record'; promisedDate: IsoDate } | { kind: 'withdraw' };

/** The records after the change, or why it cannot be made. */
function changed(
  records: readonly PromiseRecord[],
  key: string,
  change: PromiseChange,
  today: IsoDate,
): { records: PromiseRecord[] } | { refused: string; issue?: ValidationIssue } {
  if (change.kind === 'record') {
    const problem = promisedDateIssue(change.promisedDate, today);
    if (problem) return { refused: problem.message, issue: problem };
    // A second promise recorded the same day replaces the first (a typo corrected).
    const others = records.filter((r) => !(r.key === key && r.recordedOn === today));
    return { records: [...others, { key, promisedDate: change.promisedDate, recordedOn: today }] };
  }
  const mine = records.filter((r) => r.key === key);
  const latest = mine.sort((a, b) => a.recordedOn.localeCompare(b.recordedOn))[mine.length - 1];
  if (!latest || latest.withdrawn === true) return { refused: 'There is no promise recorded in the sidebar for this invoice.' };
  // Appended, so the evidence pack shows the promise and its withdrawal.
  return { records: [...records, { key, promisedDate: latest.promisedDate, recordedOn: today, withdrawn: true }] };
}

/** Records or withdraws a promise and refreshes the status columns; returns the invoice again. */
export function changePromise(
  ports: Ports,
  invoiceNumber: unknown,
  change: PromiseChange,
): SaveResult & { invoice?: InvoiceView | null } {
  if (typeof invoiceNumber !== 'string' || invoiceKey(invoiceNumber) === '')
    return { ok: false, problems: ['Select an invoice first.'] };
  const key = invoiceKey(invoiceNumber);
  let refusal: { refused: string; issue?: ValidationIssue } | null = null;
  const result = runPipeline(ports, { mode: 'statuses', trigger: 'sidebar' }, (p) => {
    const view = viewWithChange(p, key, invoiceNumber, change);
    if ('refused' in view) {
      refusal = view;
      throw new UserFacingError(view.refused);
    }
    return view;
  });
  const refused = refusal as { refused: string; issue?: ValidationIssue } | null;
  if (refused) return { ok: false, problems: [refused.refused], ...(refused.issue ? { issues: [refused.issue] } : {}) };
  if (!result.view) return { ok: false, problems: [result.lockRefused ? TRY_AGAIN : (result.summary.stopped ?? TRY_AGAIN)] };
  const rowNow = result.view.run.plan.rows.find((r) => r.key === key);
  return { ok: true, invoice: rowNow ? invoiceView(result.view, rowNow.row) : null };
}

/** The sheet read once, the change saved (when it may be made) and planned in. */
function viewWithChange(
  ports: Ports,
  key: string,
  invoiceNumber: string,
  change: PromiseChange,
): SheetView | { refused: string; issue?: ValidationIssue } {
  const before = readSnapshot(ports);
  const today = before.ctx.today;
  const invoice = planRun(before).invoices.get(key);
  if (!invoice)
    return { refused: `Invoice ${invoiceNumber} is not on the '${before.sheetName}' sheet (or its row has an error).` };
  if (change.kind === 'record' && isPaid(invoice))
    return { refused: `Invoice ${invoiceNumber} is paid: there is nothing to promise.` };
  const next = changed(before.promises, key, change, today);
  if ('refused' in next) return next;
  writePromises(ports.store, next.records);
  const snapshot = { ...before, promises: next.records };
  return { snapshot, run: planRun(snapshot) };
}
