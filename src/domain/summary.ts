// The daily summary (docs/escalation.md, "Daily summary"): after a daily run that sent, queued or
// failed something, or found an invoice newly needing the user, one email to the user says what
// happened; nothing on quiet days. It also discloses (README "Disclosure: what the owner is told") every email sent in the
// user's name and every change any editor made to settings or templates since the last summary.
// Pure: the run gathers the facts, this says them.
import { callLines, type CallCard } from './calls';
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

/** One email the run sent in the user's name (README "Disclosure: what the owner is told"). */
export interface SentEmailLine {
  recipients: string;
  subject: string;
}

/** What a change to settings, templates, columns or the daily run was (the change journal's codes). */
export const CHANGE_CODES = ['settings', 'template', 'templateReset', 'columns', 'earlier'] as const;
export type ChangeCode = (typeof CHANGE_CODES)[number];

/**
 * One change since the last summary: when (an ISO instant), who (null: Google did not reveal the
 * address), what (a ChangeCode) and details in words ("your name for the emails, CC me").
 */
export interface SummaryChange {
  at: string;
  by: string | null;
  what: string;
  detail: string;
}

/** What the summary discloses besides the run itself: every email sent and every change since the last one. */
export interface SummaryDisclosure {
  sentEmails?: readonly SentEmailLine[];
  changes?: readonly SummaryChange[];
  /** The calls that became due in this run (README "The day-14 call"). */
  calls?: readonly CallCard[];
  /** Advice about a client said for the first time (README "Learning from every client"). */
  advice?: readonly string[];
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

const CHANGE_WORDS: Record<ChangeCode, string> = {
  settings: 'changed the settings',
  template: 'edited a template',
  templateReset: 'reset a template to the default',
  columns: 'changed which columns are read',
  earlier: 'made earlier changes, not listed one by one',
};

/** Who made a change, for people: their address, or words when Google did not reveal it. */
export const HIDDEN_EDITOR = 'an editor (Google did not show their address)';

/** A change code in words ('template' → 'edited a template'); an unknown code as it is. */
function changeWords(code: string): string {
  return (CHANGE_WORDS as Record<string, string>)[code] ?? code;
}

function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A value on one line (a line break in a subject or an address cannot start a line of its own). */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** An ISO instant as '2026-11-24 14:05 UTC'; anything else as it is. */
function whenText(at: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(at);
  return m ? `${m[1]} ${m[2]} UTC` : oneLine(at);
}

/** '2026-11-24 14:05 UTC, bob@example.com changed the settings: your name for the emails, CC me'. */
function changeLine(c: SummaryChange): string {
  const who = c.by !== null && oneLine(c.by) !== '' ? oneLine(c.by) : HIDDEN_EDITOR;
  const detail = oneLine(c.detail);
  return `${whenText(c.at)}, ${who} ${changeWords(c.what)}${detail ? `: ${detail}` : ''}`;
}

function subjectOf(outcomes: readonly SummaryOutcome[], needs: readonly NeedsUser[], more: SummaryDisclosure): string {
  const n = (r: SummaryOutcome['result']): number => outcomes.filter((o) => o.result === r).length;
  const emails = more.sentEmails?.length ?? 0;
  const changes = more.changes?.length ?? 0;
  const parts = [
    // Counted in invoices (a client email can follow up several), as the rest of the summary lists them.
    n('sent') > 0 ? `${counted(n('sent'), 'invoice')} followed up` : '',
    n('sent') === 0 && emails > 0 ? `${counted(emails, 'email')} sent` : '',
    n('queued') > 0 ? `${n('queued')} waiting` : '',
    n('failed') > 0 ? `${n('failed')} failed` : '',
    needs.length > 0 ? `${counted(needs.length, 'invoice')} need${needs.length === 1 ? 's' : ''} you` : '',
    changes > 0 ? `${counted(changes, 'change')} to settings or templates` : '',
  ];
  return `Invoice follow-ups today: ${parts.filter((p) => p !== '').join(', ')}`;
}

/** The sections of the summary as headed lists of lines (plain words; escaped for HTML later). */
function sections(
  outcomes: readonly SummaryOutcome[],
  needs: readonly NeedsUser[],
  totals: SummaryTotals,
  more: SummaryDisclosure,
): Array<[string, string[]]> {
  const line = (o: SummaryOutcome): string =>
    `${o.what} for invoice ${o.invoice} (${o.client})${o.reason ? `: ${o.reason}` : ''}`;
  const of = (r: SummaryOutcome['result']): string[] => outcomes.filter((o) => o.result === r).map(line);
  const owed = totals.overdue.map(
    (t) => `${formatMoney(t.balance, t.currency, totals.locale)} overdue on ${counted(t.count, 'invoice')}`,
  );
  const emails = (more.sentEmails ?? []).map((e) => `${oneLine(e.subject)} — ${oneLine(e.recipients)}`);
  const all: Array<[string, string[]]> = [
    ['Needs you', needs.map((x) => `Invoice ${x.invoice} (${x.client}): ${NEED_WORDS[x.need]}`)],
    // An editor's change is sent in the user's name from the next run on: said before what went out.
    ['Changes since the last summary', (more.changes ?? []).map(changeLine)],
    ['Failed (nothing went out)', of('failed')],
    ['Sent', of('sent')],
    ['Waiting for the next run', of('queued')],
    ['Still owed', owed],
    ['Emails sent in your name', emails],
    ['What to change with these clients', [...(more.advice ?? [])]],
  ];
  return all.filter(([, lines]) => lines.length > 0);
}

/** One call card in HTML: the number as a `tel:` link (its target is digits and + only, so it needs no escaping beyond the usual). */
function callHtml(card: CallCard): string {
  const who = escapeHtml(card.contact !== '' ? `${card.contact} at ${card.client}` : card.client);
  const number =
    card.tel !== null ? `<a href="tel:${escapeHtml(card.tel)}">${escapeHtml(card.phone)}</a>` : '(no number to dial)';
  const owed = `${escapeHtml(card.owed)} owed, ${card.daysLate} days late`;
  const instead = card.noPhone !== null ? `<br>${escapeHtml(card.noPhone)}` : '';
  const points = card.talkingPoints.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  return `<li>Call ${who} ${number} about invoice ${escapeHtml(card.invoice)}: ${owed}.${instead}<ul>${points}</ul></li>`;
}

function callsHtml(calls: readonly CallCard[]): string {
  return calls.length > 0 ? `<h3>Calls to make</h3><ul>${calls.map(callHtml).join('')}</ul>\n` : '';
}

const isLink = (url: string): boolean => /^https:\/\/[^\s<>"'`\\]+$/i.test(url);

/**
 * The summary email of a daily run, or null on a quiet day (nothing sent, queued or failed, no
 * invoice newly needing the user, no email sent and no change since the last summary). Every value
 * from the sheet, the store or another editor is escaped in the HTML version.
 * `more`: every email sent in the user's name and every change to settings or templates (README
 * "Disclosure: what the owner is told"); changes alone are worth a summary (an editor changed the sender name today).
 */
export function dailySummaryEmail(
  outcomes: readonly SummaryOutcome[],
  needsUser: readonly NeedsUser[],
  totals: SummaryTotals,
  spreadsheetUrl: string,
  more: SummaryDisclosure = {},
): SummaryEmail | null {
  const quiet = (more.sentEmails?.length ?? 0) === 0 && (more.changes?.length ?? 0) === 0;
  if (outcomes.length === 0 && needsUser.length === 0 && quiet) return null;
  const parts = sections(outcomes, needsUser, totals, more);
  const link = isLink(spreadsheetUrl) ? spreadsheetUrl : '';
  const calls = more.calls ?? [];
  const text = [
    ...(calls.length > 0 ? ['Calls to make', ...calls.flatMap((c) => callLines(c).map((l) => `- ${l}`)), ''] : []),
    ...parts.flatMap(([head, lines]) => [head, ...lines.map((l) => `- ${l}`), '']),
    link ? `Open the spreadsheet: ${link}` : '',
  ].join('\n');
  const html =
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head>' +
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; line-height: 1.5;">' +
    callsHtml(calls) +
    parts
      .map(([head, lines]) => `<h3>${escapeHtml(head)}</h3><ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`)
      .join('\n') +
    (link ? `<p><a href="${escapeHtml(link)}">Open the spreadsheet</a></p>` : '') +
    '</body></html>';
  return { subject: subjectOf(outcomes, needsUser, more), text: text.trimEnd(), html };
}
