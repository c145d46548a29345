// One email per client (docs/escalation.md, "One email per client"): the invoices of one client that
// are due for a follow-up in the same run go out as one email listing each of them, in the wording
// of the most advanced stage among them; at most one email a day, and at least minGapDays between
// two, per client. Each invoice keeps its own stage record. Pure.
import { addDays, daysBetween, formatDateForEmail } from './dates';
import { defaultTemplates, languageWords } from './defaultTemplates';
import { emailLocale, invoiceLanguage } from './language';
import type { ListWords } from './lang/words';
import { formatMoney, sumsByCurrency } from './money';
import { emailWords, type FollowUpEmail, type WordsContext } from './plan';
import { stageOrder } from './stages';
import { checkTemplate, escapeHtml, type HtmlBlocks, type Placeholder } from './templates';
import {
  listTemplateId,
  type EmailContent,
  type EmailLanguage,
  type EmailStageId,
  type Invoice,
  type IsoDate,
  type Settings,
  type Template,
  type Templates,
} from './types';

/** One email to one client: a single invoice's own email, or a list of several. */
export interface ClientEmail extends EmailContent {
  clientKey: string;
  client: string;
  /** The most advanced stage among the invoices: the wording of the email. */
  stage: EmailStageId;
  /** The invoices it covers, each with its own stage (each is recorded as that stage sent). */
  invoices: FollowUpEmail[];
}

/** What the add-on remembers of each client: the day of the latest email to it, and today. */
export interface ClientHistory {
  today: IsoDate;
  locale: string;
  /** By clientKey. */
  lastEmailOn: ReadonlyMap<string, IsoDate>;
  /** At most this many invoices in one email (the send record's room), besides MAX_INVOICES_PER_EMAIL. */
  maxInvoices?: number;
}

/** Why an invoice waits for its client's next email: the gap between two, or a full list today. */
export type WaitReason = 'gap' | 'listFull';

export interface Grouped {
  emails: ClientEmail[];
  /** Invoices whose email waits for the client's gap: they join the client's next email. */
  waiting: Array<{ email: FollowUpEmail; until: IsoDate; why: WaitReason }>;
}

function wordsContextOf(settings: Settings, history: ClientHistory): WordsContext {
  return {
    today: history.today,
    locale: history.locale,
    language: settings.emailLanguage ?? 'en',
    replyByDays: settings.replyByDays,
    senderName: settings.senderName,
  };
}

/** Who the client is: the Client cell, case and spacing ignored. */
export function clientKey(client: string): string {
  return client.trim().toLowerCase().replace(/\s+/g, ' ');
}

const addressKey = (list: string[]): string =>
  list
    .map((a) => a.trim().toLowerCase())
    .sort()
    .join(',');
const recipientsKey = (e: FollowUpEmail): string => `${addressKey(e.to)}|${addressKey(e.cc)}`;
const maxStage = (emails: FollowUpEmail[]): number => Math.max(...emails.map((e) => stageOrder(e.stage)));

/** An invoice's own email, its words made now (it goes out, or is shown). */
function single(email: FollowUpEmail, settings: Settings, history: ClientHistory): ClientEmail {
  const { to, cc, bcc, stage } = email;
  const { subject, text, html } = emailWords(email, wordsContextOf(settings, history));
  const client = email.invoice.client;
  return { clientKey: clientKey(client), client, stage, invoices: [email], to, cc, bcc, subject, text, html };
}

function bucket<T>(items: readonly T[], keyOf: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

/** The recipients group that goes today: the most advanced stage, then the most invoices, then the oldest due date. */
function firstGroup(groups: FollowUpEmail[][]): FollowUpEmail[] {
  const oldest = (g: FollowUpEmail[]): string => g.map((e) => e.invoice.dueDate).sort()[0] ?? '';
  return (
    [...groups].sort((a, b) => maxStage(b) - maxStage(a) || b.length - a.length || oldest(a).localeCompare(oldest(b)))[0] ?? []
  );
}

/**
 * At most this many invoices in one email: a longer list is hard to act on, and each listed invoice
 * takes a place in the send record while the email goes (`ClientHistory.maxInvoices`, the room the
 * store has). The others wait and join the client's next email.
 */
export const MAX_INVOICES_PER_EMAIL = 20;

/** The invoices an email lists when there are too many: the most advanced stage first, then the oldest due. */
function mostPressing(group: FollowUpEmail[], history: ClientHistory): FollowUpEmail[] {
  const max = Math.max(1, Math.min(MAX_INVOICES_PER_EMAIL, history.maxInvoices ?? MAX_INVOICES_PER_EMAIL));
  if (group.length <= max) return group;
  const ranked = [...group].sort(
    (a, b) => stageOrder(b.stage) - stageOrder(a.stage) || a.invoice.dueDate.localeCompare(b.invoice.dueDate),
  );
  return ranked.slice(0, max);
}

/** The user's list templates: one set (the default email language's), or a set per email language. */
export type ListTemplates = Partial<Templates> | ((language: EmailLanguage) => Partial<Templates>);

/** One client's emails today: one group sent (or none inside its gap), the rest waiting. */
function forClient(emails: FollowUpEmail[], settings: Settings, history: ClientHistory, templates: ListTemplates): Grouped {
  const last = history.lastEmailOn.get(clientKey(emails[0]?.invoice.client ?? ''));
  if (last !== undefined && daysBetween(last, history.today) < settings.minGapDays) {
    const until = addDays(last, settings.minGapDays);
    return { emails: [], waiting: emails.map((email) => ({ email, until, why: 'gap' as const })) };
  }
  const group = firstGroup([...bucket(emails, recipientsKey).values()]);
  const going = mostPressing(group, history);
  const until = addDays(history.today, settings.minGapDays);
  const waiting = emails
    .filter((e) => !going.includes(e))
    .map((email) => ({ email, until, why: group.includes(email) ? ('listFull' as const) : ('gap' as const) }));
  const sent =
    going.length === 1 && going[0] ? single(going[0], settings, history) : combined(going, settings, history, templates);
  return { emails: [sent], waiting };
}

/**
 * The client emails of a run. With `groupByClient` off, every invoice's email goes as planned.
 * Emails come out oldest due date first (the order they use the daily quota in). An email listing
 * several invoices is worded by the stage's list template (`templates`, the defaults for those absent).
 */
export function groupFollowUps(
  emails: readonly FollowUpEmail[],
  settings: Settings,
  clientHistory: ClientHistory,
  templates: ListTemplates = {},
): Grouped {
  if (!settings.groupByClient) return { emails: emails.map((e) => single(e, settings, clientHistory)), waiting: [] };
  const out: Grouped = { emails: [], waiting: [] };
  for (const group of bucket(emails, (e) => clientKey(e.invoice.client)).values()) {
    const one = forClient(group, settings, clientHistory, templates);
    out.emails.push(...one.emails);
    out.waiting.push(...one.waiting);
  }
  const oldest = (c: ClientEmail): string => c.invoices.map((e) => e.invoice.dueDate).sort()[0] ?? '';
  out.emails.sort((a, b) => oldest(a).localeCompare(oldest(b)));
  return out;
}

// ---- the words of a list email ------------------------------------------------------------------

/** One invoice as a list email shows it. */
export type ListedInvoice = Pick<Invoice, 'invoice' | 'issueDate' | 'dueDate' | 'balance' | 'currency' | 'paymentLink'>;

/** What a list email says besides its invoices. */
export interface ListContext {
  today: IsoDate;
  /** The locale amounts are written in (the email language's). */
  locale: string;
  /** The email's language ('en' when absent). */
  language?: EmailLanguage;
  client: string;
  /** The contact name of the invoices ('' for none). */
  contactName: string;
  senderName: string;
  replyByDays: number;
}

interface Line {
  invoice: string;
  issued: string;
  due: string;
  overdue: string;
  balance: string;
  link: string;
}

function lineOf(inv: ListedInvoice, today: IsoDate, locale: string, language: EmailLanguage): Line {
  const days = daysBetween(inv.dueDate, today);
  const w = languageWords(language).list;
  return {
    invoice: inv.invoice,
    issued: inv.issueDate ? formatDateForEmail(inv.issueDate, locale, language) : '',
    due: formatDateForEmail(inv.dueDate, locale, language),
    overdue: days > 0 ? w.daysOverdue(days) : days === 0 ? w.dueToday : w.dueIn(-days),
    balance: formatMoney(inv.balance, inv.currency, locale),
    link: inv.paymentLink.trim(),
  };
}

function textLine(l: Line, w: ListWords): string {
  const parts = [
    l.issued ? `${w.issued} ${l.issued}` : '',
    `${w.due} ${l.due}`,
    l.overdue,
    `${w.balance} ${l.balance}`,
    l.link ? `${w.payAt} ${l.link}` : '',
  ];
  return `- ${w.invoice} ${l.invoice}: ${parts.filter((p) => p !== '').join(', ')}`;
}

const isLink = (url: string): boolean => /^https?:\/\/[^\s<>"'`\\]+$/i.test(url);

function htmlTable(lines: Line[], w: ListWords): string {
  const cell = (s: string): string => `<td style="padding: 4px 8px; border-bottom: 1px solid #ddd;">${s}</td>`;
  const head = w.heads.map((h) => `<th style="text-align: left; padding: 4px 8px;">${escapeHtml(h)}</th>`);
  const rows = lines.map((l) => {
    const link = isLink(l.link) ? `<a href="${escapeHtml(l.link)}">${escapeHtml(w.payOnline)}</a>` : escapeHtml(l.link);
    return `<tr>${[l.invoice, l.issued, l.due, l.overdue, l.balance].map((v) => cell(escapeHtml(v))).join('')}${cell(link)}</tr>`;
  });
  return `<table style="border-collapse: collapse;"><tr>${head.join('')}</tr>${rows.join('')}</table>`;
}

/** The balances added up per currency, in the order the currencies first appear ('$1,200.00 and €300.00'). */
function totalBalance(invoices: readonly ListedInvoice[], locale: string, and: string): string {
  return sumsByCurrency(invoices.map((inv) => ({ currency: inv.currency, amount: inv.balance })))
    .map(({ currency, amount }) => formatMoney(amount, currency, locale))
    .join(` ${and} `);
}

/**
 * The placeholder values of a list template for these invoices (listed oldest due first): {{invoices}}
 * as a plain-text list, and in `blocks` as the HTML table in which every value is escaped.
 */
export function listValues(
  invoices: readonly ListedInvoice[],
  ctx: ListContext,
): { values: Partial<Record<Placeholder, string>>; blocks: HtmlBlocks } {
  const language = ctx.language ?? 'en';
  const w = languageWords(language).list;
  const sorted = [...invoices].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const lines = sorted.map((inv) => lineOf(inv, ctx.today, ctx.locale, language));
  const values: Partial<Record<Placeholder, string>> = {
    client: ctx.client,
    sender_name: ctx.senderName.trim(),
    reply_by: formatDateForEmail(addDays(ctx.today, ctx.replyByDays), ctx.locale, language),
    invoices: lines.map((l) => textLine(l, w)).join('\n'),
    invoice_count: String(sorted.length),
    total_balance: totalBalance(sorted, ctx.locale, w.and),
  };
  if (ctx.contactName.trim() !== '') values.contact_name = ctx.contactName.trim();
  return { values, blocks: { invoices: htmlTable(lines, w) } };
}

/** The default list template without the sender's name (the last resort when there is none to sign with). */
function unsigned(t: Template): Template {
  // The subject loses the words that lead to the name too ('from', 'von', 'de', 'van', a dash).
  const subject = t.subject.replace(/\s*(?:\bfrom\b|\bvon\b|\bde\b|\bvan\b|[–-])?\s*\{\{sender_name\}\}/g, '');
  return { subject, body: t.body.replace(/\{\{sender_name\}\}/g, '') };
}

/** A default subject says what the invoices are: overdue, coming due, or both. A subject the user wrote is theirs. */
function truthfulSubject(t: Template, fallback: Template, invoices: readonly ListedInvoice[], ctx: ListContext): Template {
  if (t.subject !== fallback.subject) return t;
  const today = ctx.today;
  const kind = invoices.every((i) => i.dueDate < today) ? 'overdue' : invoices.every((i) => i.dueDate > today) ? 'soon' : 'mixed';
  return { subject: languageWords(ctx.language ?? 'en').listSubjects[kind], body: t.body };
}

/**
 * The words of a list email: the user's list template of the stage, else (a value it needs is
 * missing, e.g. {{contact_name}}) the default one, so that the invoices always go out together.
 */
function listWords(stage: EmailStageId, templates: Partial<Templates>, invoices: readonly ListedInvoice[], ctx: ListContext) {
  const id = listTemplateId(stage);
  const fallback = defaultTemplates(ctx.language ?? 'en')[id];
  const filled = listValues(invoices, ctx);
  const truthful = (t: Template): Template => truthfulSubject(t, fallback, invoices, ctx);
  for (const t of [truthful(templates[id] ?? fallback), truthful(fallback), unsigned(truthful(fallback))]) {
    const checked = checkTemplate(t, filled.values, filled.blocks);
    if (checked.ok) return checked.render();
  }
  throw new Error(`The default ${id} template cannot be filled in`);
}

/** The list email of several invoices: plain text with a list, HTML with a table (every value escaped). */
function combined(emails: FollowUpEmail[], settings: Settings, history: ClientHistory, templates: ListTemplates): ClientEmail {
  const sorted = [...emails].sort((a, b) => a.invoice.dueDate.localeCompare(b.invoice.dueDate));
  const first = emails[0] as FollowUpEmail;
  const stage = emails.reduce((a, e) => (stageOrder(e.stage) > stageOrder(a) ? e.stage : a), first.stage);
  const client = first.invoice.client;
  // One email, one language: the oldest invoice's (a client's rows normally agree).
  const language = invoiceLanguage((sorted[0] ?? first).invoice, settings);
  const own =
    typeof templates === 'function' ? templates(language) : language === (settings.emailLanguage ?? 'en') ? templates : {};
  const { subject, text, html } = listWords(
    stage,
    own,
    sorted.map((e) => e.invoice),
    {
      today: history.today,
      locale: emailLocale(language, history.locale),
      language,
      client,
      contactName: sorted.find((e) => e.invoice.contactName.trim() !== '')?.invoice.contactName ?? '',
      senderName: settings.senderName,
      replyByDays: settings.replyByDays,
    },
  );
  const { to, cc, bcc } = first;
  return { clientKey: clientKey(client), client, stage, invoices: emails, to, cc, bcc, subject, text, html };
}
