// The daily summary (docs/escalation.md, "Daily summary"): after a daily run that sent, queued or
// failed something, or found an invoice newly needing the user, one email to the user says what
// happened; nothing on quiet days. It also discloses (README "Disclosure: what the owner is told") every email sent in the
// user's name and every change any editor made to settings or templates since the last summary.
// It is written in the spreadsheet's language when the emails have words for it, else in English
// (README "Languages"). Pure: the run gathers the facts as codes and records, this says them.
import { adviceText, type AdviceFacts } from './advice';
import { noPhoneText, type CallCard } from './calls';
import { formatDateForEmail } from './dates';
import { languageWords } from './defaultTemplates';
import type { SummaryWords } from './lang/words';
import { summaryLanguage } from './language';
import { formatMoney } from './money';
import { NOTICE_WORDS, type LedgerStage, type NoticeWord } from './records';
import { escapeHtml } from './templates';
import type { EmailLanguage, StageId } from './types';

/** One follow-up of the run, as the log recorded it. */
export interface SummaryOutcome {
  invoice: string;
  client: string;
  /** What it was: a stage's email or a notice (the words are the summary's language's). */
  stage: LedgerStage;
  result: 'sent' | 'queued' | 'failed';
  /** Why, for queued and failed ones (the run's own words, in English: README "Languages"). */
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
  /** The spreadsheet's locale: the summary's language, dates and amounts. */
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
  advice?: readonly AdviceFacts[];
}

export interface SummaryEmail {
  subject: string;
  text: string;
  html: string;
}

/** Who made a change, for people, when Google did not reveal their address (the change journal's English). */
export const HIDDEN_EDITOR = languageWords('en').summary.hiddenEditor;

/** The words and formats one summary is written in. */
interface Voice {
  language: EmailLanguage;
  locale: string;
  w: SummaryWords;
}

function voiceOf(locale: string): Voice {
  const language = summaryLanguage(locale);
  return { language, locale, w: languageWords(language).summary };
}

/** A stage's email or a notice, in the summary's language ('Reminder', 'Mahnung', 'Promesse non tenue'). */
function stageWords(stage: LedgerStage, v: Voice): string {
  return (NOTICE_WORDS as readonly string[]).includes(stage)
    ? v.w.notices[stage as NoticeWord]
    : (languageWords(v.language).letter.stages[stage as StageId] ?? stage);
}

/** A value on one line (a line break in a subject or an address cannot start a line of its own). */
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** An ISO instant as '24 November 2026 14:05 UTC' in the summary's language; anything else as it is. */
function whenText(at: string, v: Voice): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(at);
  return m ? `${formatDateForEmail(m[1] as string, v.locale, v.language)} ${m[2]} UTC` : oneLine(at);
}

/** '24 November 2026 14:05 UTC, bob@example.com changed the settings: your name for the emails, CC me'. */
function changeLine(c: SummaryChange, v: Voice): string {
  // The journal keeps its own English for a hidden editor: said in the summary's language here.
  const named = c.by !== null && oneLine(c.by) !== '' ? oneLine(c.by).split(', ') : [];
  const who = named.length > 0 ? named.map((p) => (p === HIDDEN_EDITOR ? v.w.hiddenEditor : p)).join(', ') : v.w.hiddenEditor;
  const what = (v.w.changeWhat as Record<string, string>)[c.what] ?? c.what;
  const detail = oneLine(c.detail);
  return `${whenText(c.at, v)}, ${v.w.changeBy(who, what)}${detail ? `${v.w.colon}${detail}` : ''}`;
}

function subjectOf(outcomes: readonly SummaryOutcome[], needs: readonly NeedsUser[], more: SummaryDisclosure, v: Voice): string {
  const n = (r: SummaryOutcome['result']): number => outcomes.filter((o) => o.result === r).length;
  const emails = more.sentEmails?.length ?? 0;
  const changes = more.changes?.length ?? 0;
  const c = v.w.counts;
  const parts = [
    // Counted in invoices (a client email can follow up several), as the rest of the summary lists them.
    n('sent') > 0 ? c.followedUp(n('sent')) : '',
    n('sent') === 0 && emails > 0 ? c.emailsSent(emails) : '',
    n('queued') > 0 ? c.waiting(n('queued')) : '',
    n('failed') > 0 ? c.failed(n('failed')) : '',
    needs.length > 0 ? c.needYou(needs.length) : '',
    changes > 0 ? c.changes(changes) : '',
  ];
  return v.w.subject(parts.filter((p) => p !== '').join(', '));
}

/** The sections of the summary as headed lists of lines (plain words; escaped for HTML later). */
function sections(
  outcomes: readonly SummaryOutcome[],
  needs: readonly NeedsUser[],
  totals: SummaryTotals,
  more: SummaryDisclosure,
  v: Voice,
): Array<[string, string[]]> {
  const { w } = v;
  const line = (o: SummaryOutcome): string =>
    `${w.outcome(stageWords(o.stage, v), o.invoice, o.client)}${o.reason ? `${w.colon}${o.reason}` : ''}`;
  const of = (r: SummaryOutcome['result']): string[] => outcomes.filter((o) => o.result === r).map(line);
  const owed = totals.overdue.map((t) => w.overdue(formatMoney(t.balance, t.currency, totals.locale), t.count));
  const emails = (more.sentEmails ?? []).map((e) => `${oneLine(e.subject)} — ${oneLine(e.recipients)}`);
  const all: Array<[string, string[]]> = [
    [w.heads.needs, needs.map((x) => w.needLine(x.invoice, x.client, w.needs[x.need]))],
    // An editor's change is sent in the user's name from the next run on: said before what went out.
    [w.heads.changes, (more.changes ?? []).map((c) => changeLine(c, v))],
    [w.heads.failed, of('failed')],
    [w.heads.sent, of('sent')],
    [w.heads.queued, of('queued')],
    [w.heads.owed, owed],
    [w.heads.emails, emails],
    [w.heads.advice, (more.advice ?? []).map((a) => adviceText(a, w.advice, totals.locale))],
  ];
  return all.filter(([, lines]) => lines.length > 0);
}

/** A call card's parts in the summary's language: who, the sentence around the number, what instead, what to ask. */
function callParts(card: CallCard, v: Voice): { who: string; sentence: (number: string) => string; instead: string | null } {
  const who = card.contact !== '' ? v.w.callWho(card.contact, card.client) : card.client;
  return {
    who,
    sentence: (number) => v.w.call(who, number, card.invoice, card.owed, card.daysLate),
    instead: noPhoneText(card, v.w),
  };
}

/** The card in plain text lines (the summary's text version). */
function callLines(card: CallCard, v: Voice): string[] {
  const { sentence, instead } = callParts(card, v);
  return [
    sentence(card.tel !== null ? v.w.onNumber(card.phone) : v.w.noNumber),
    ...(instead !== null ? [instead] : []),
    ...v.w.talkingPoints.map((p) => `  • ${p}`),
  ];
}

/** One call card in HTML: the number as a `tel:` link (its target is digits and + only, so it needs no escaping beyond the usual). */
function callHtml(card: CallCard, v: Voice): string {
  const { sentence, instead } = callParts(card, v);
  // The sentence is escaped around a marker, then the marker becomes the link.
  const marker = '\u0000';
  const number =
    card.tel !== null
      ? escapeHtml(v.w.onNumber(marker)).replace(
          marker,
          () => `<a href="tel:${escapeHtml(card.tel ?? '')}">${escapeHtml(card.phone)}</a>`,
        )
      : escapeHtml(v.w.noNumber);
  const text = escapeHtml(sentence(marker)).replace(marker, () => number);
  const points = v.w.talkingPoints.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  return `<li>${text}${instead !== null ? `<br>${escapeHtml(instead)}` : ''}<ul>${points}</ul></li>`;
}

function callsHtml(calls: readonly CallCard[], v: Voice): string {
  return calls.length > 0 ? `<h3>${escapeHtml(v.w.heads.calls)}</h3><ul>${calls.map((c) => callHtml(c, v)).join('')}</ul>\n` : '';
}

const isLink = (url: string): boolean => /^https:\/\/[^\s<>"'`\\]+$/i.test(url);

/**
 * The summary email of a daily run, or null on a quiet day (nothing sent, queued or failed, no
 * invoice newly needing the user, no email sent and no change since the last summary). Every value
 * from the sheet, the store or another editor is escaped in the HTML version. It is written in the
 * language of `totals.locale` when the emails have words for it, else in English.
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
  const v = voiceOf(totals.locale);
  const parts = sections(outcomes, needsUser, totals, more, v);
  const link = isLink(spreadsheetUrl) ? spreadsheetUrl : '';
  const calls = more.calls ?? [];
  const text = [
    ...(calls.length > 0 ? [v.w.heads.calls, ...calls.flatMap((c) => callLines(c, v).map((l) => `- ${l}`)), ''] : []),
    ...parts.flatMap(([head, lines]) => [head, ...lines.map((l) => `- ${l}`), '']),
    link ? `${v.w.open}: ${link}` : '',
  ].join('\n');
  const html =
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head>' +
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; line-height: 1.5;">' +
    callsHtml(calls, v) +
    parts
      .map(([head, lines]) => `<h3>${escapeHtml(head)}</h3><ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`)
      .join('\n') +
    (link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(v.w.open)}</a></p>` : '') +
    '</body></html>';
  return { subject: subjectOf(outcomes, needsUser, more, v), text: text.trimEnd(), html };
}
