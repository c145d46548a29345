// The daily summary (docs/escalation.md, "Daily summary"): after a daily run that sent, queued or
// failed something, or found an invoice newly needing the user, one email to the user says what
// happened; nothing on quiet days. Pure: the run gathers the facts, this says them.
import { formatMoney } from './money';
import { escapeHtml } from './templates';

/** One follow-up of the run, as the log recorded it. */
export interface SummaryOutcome {
  invoice: string;
  client: string;
  /** What it was, in words ('Reminder', 'Formal notice', '3 invoices'…). */
  what: string;
  result: 'sent' | 'queued' | 'failed';
  /** Why, for queued and failed ones. */
  reason?: string;
}

/** Why an invoice needs the user now (`promise`: the client missed the date they promised to pay by). */
export type NeedCode = 'call' | 'decide' | 'review' | 'promise';

export interface NeedsUser {
  invoice: string;
  client: string;
  need: NeedCode;
}

export interface SummaryTotals {
  locale: string;
  /** What is overdue, per currency. */
  overdue: Array<{ currency: string; balance: number; count: number }>;
}

export interface SummaryEmail {
  subject: string;
  text: string;
  html: string;
}

const NEED_WORDS: Record<NeedCode, string> = {
  call: 'call the client (the escalation went out)',
  decide: 'decide the next step (the formal notice was not answered)',
  review: 'check your Sent mail (a follow-up may not have gone out)',
  promise: 'the client missed the date they promised to pay by',
};

function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function subjectOf(outcomes: readonly SummaryOutcome[], needs: readonly NeedsUser[]): string {
  const n = (r: SummaryOutcome['result']): number => outcomes.filter((o) => o.result === r).length;
  const parts = [
    // Counted in invoices (a client email can follow up several), as the rest of the summary lists them.
    n('sent') > 0 ? `${counted(n('sent'), 'invoice')} followed up` : '',
    n('queued') > 0 ? `${n('queued')} waiting` : '',
    n('failed') > 0 ? `${n('failed')} failed` : '',
    needs.length > 0 ? `${counted(needs.length, 'invoice')} need${needs.length === 1 ? 's' : ''} you` : '',
  ];
  return `Invoice follow-ups today: ${parts.filter((p) => p !== '').join(', ')}`;
}

/** The sections of the summary as headed lists of lines (plain words; escaped for HTML later). */
function sections(
  outcomes: readonly SummaryOutcome[],
  needs: readonly NeedsUser[],
  totals: SummaryTotals,
): Array<[string, string[]]> {
  const line = (o: SummaryOutcome): string =>
    `${o.what} for invoice ${o.invoice} (${o.client})${o.reason ? `: ${o.reason}` : ''}`;
  const of = (r: SummaryOutcome['result']): string[] => outcomes.filter((o) => o.result === r).map(line);
  const owed = totals.overdue.map(
    (t) => `${formatMoney(t.balance, t.currency, totals.locale)} overdue on ${counted(t.count, 'invoice')}`,
  );
  const all: Array<[string, string[]]> = [
    ['Needs you', needs.map((x) => `Invoice ${x.invoice} (${x.client}): ${NEED_WORDS[x.need]}`)],
    ['Failed (nothing went out)', of('failed')],
    ['Sent', of('sent')],
    ['Waiting for the next run', of('queued')],
    ['Still owed', owed],
  ];
  return all.filter(([, lines]) => lines.length > 0);
}

const isLink = (url: string): boolean => /^https:\/\/[^\s<>"'`\\]+$/i.test(url);

/**
 * The summary email of a daily run, or null on a quiet day (nothing sent, queued or failed, and no
 * invoice newly needing the user). Every value from the sheet is escaped in the HTML version.
 */
export function dailySummaryEmail(
  outcomes: readonly SummaryOutcome[],
  needsUser: readonly NeedsUser[],
  totals: SummaryTotals,
  spreadsheetUrl: string,
): SummaryEmail | null {
  if (outcomes.length === 0 && needsUser.length === 0) return null;
  const parts = sections(outcomes, needsUser, totals);
  const link = isLink(spreadsheetUrl) ? spreadsheetUrl : '';
  const text = [
    ...parts.flatMap(([head, lines]) => [head, ...lines.map((l) => `- ${l}`), '']),
    link ? `Open the spreadsheet: ${link}` : '',
  ].join('\n');
  const html =
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head>' +
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; line-height: 1.5;">' +
    parts
      .map(([head, lines]) => `<h3>${escapeHtml(head)}</h3><ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`)
      .join('\n') +
    (link ? `<p><a href="${escapeHtml(link)}">Open the spreadsheet</a></p>` : '') +
    '</body></html>';
  return { subject: subjectOf(outcomes, needsUser), text: text.trimEnd(), html };
}
