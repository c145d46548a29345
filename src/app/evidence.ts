// The evidence pack of one invoice at "decide next step", and the small-claims table it checks the
// claim against, kept per spreadsheet (README "Interest, the letter and the evidence pack").
import { evidencePackHtml, type EvidencePromise } from '../domain/evidence';
import { fileNamePart, lateInterestShown, sentFollowUps, type PlannedDocument } from '../domain/notice';
import { invoiceKey } from '../domain/parse';
import type { PromiseRecord } from '../domain/promise';
import { smallClaimsTable, type SmallClaimsIssue, type SmallClaimsLimit } from '../domain/smallClaims';
import { isPaid } from '../domain/stages';
import type { Invoice } from '../domain/types';
import type { StorePort } from './ports';
import type { SheetView } from './sheetView';

const SMALL_CLAIMS_KEY = 'smallClaims';

/** The small-claims table: the user's saved copy, or the defaults; `issues` are rows of the saved copy left out. */
export function loadSmallClaims(store: StorePort): { rows: SmallClaimsLimit[]; issues: SmallClaimsIssue[]; edited: boolean } {
  const saved = store.readJson(SMALL_CLAIMS_KEY).value;
  return { ...smallClaimsTable(saved), edited: Array.isArray(saved) };
}

/** Saves an edited table when every row is good; null restores the defaults. Returns the problems. */
export function saveSmallClaims(store: StorePort, rows: unknown): SmallClaimsIssue[] {
  if (rows === null) {
    store.delete(SMALL_CLAIMS_KEY);
    return [];
  }
  if (!Array.isArray(rows)) return [{ row: 0, field: 'jurisdiction', code: 'missing', message: 'The table is empty.' }];
  const checked = smallClaimsTable(rows);
  if (checked.issues.length === 0) store.writeJson(SMALL_CLAIMS_KEY, checked.rows);
  return checked.issues;
}

/** The invoice's promises: the Promised Date column and those recorded in the sidebar, oldest first. */
function promisesOf(invoice: Invoice, records: readonly PromiseRecord[]): EvidencePromise[] {
  const promised = invoice.promisedDate;
  const column: EvidencePromise[] = promised
    ? [{ recorded: null, promisedDate: promised, note: 'From the Promised Date column' }]
    : [];
  const recorded = records
    .filter((r) => r.key === invoice.key)
    .sort((a, b) => a.recordedOn.localeCompare(b.recordedOn))
    .map((r) => ({
      recorded: r.recordedOn,
      promisedDate: r.promisedDate,
      note: r.withdrawn === true ? 'Withdrawn in the sidebar' : 'Recorded in the sidebar',
    }));
  return [...column, ...recorded];
}

/** The evidence pack of an invoice on the sheet, as a document to print; null when the invoice is not there. */
export function evidencePackDocument(
  view: SheetView,
  invoiceNumber: string,
  smallClaims: readonly SmallClaimsLimit[],
  jurisdictionId?: string,
): PlannedDocument | null {
  const { snapshot, run } = view;
  const key = invoiceKey(invoiceNumber);
  const invoice = run.invoices.get(key);
  if (!invoice) return null;
  const { settings } = snapshot.config;
  const today = snapshot.ctx.today;
  const owed = isPaid(invoice) ? 0 : invoice.balance;
  const late = lateInterestShown(invoice, settings, today);
  const html = evidencePackHtml({
    generatedOn: today,
    locale: snapshot.ctx.locale,
    sender: { name: settings.senderName, email: snapshot.selfEmail ?? '' },
    client: { name: invoice.client, email: invoice.emails.join(', ') },
    invoice: { ...invoice, balance: owed },
    late,
    followUps: sentFollowUps(snapshot.log, [invoice]),
    disputeNotes: snapshot.disputes.filter((d) => d.key === key).map(({ date, event, note }) => ({ date, event, note })),
    promises: promisesOf(invoice, snapshot.promises),
    smallClaims,
    ...(jurisdictionId ? { jurisdictionId } : {}),
  });
  return { fileName: `Evidence pack ${fileNamePart(invoice.invoice)} ${today}.pdf`, html };
}
