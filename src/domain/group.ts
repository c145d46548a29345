// One email per client (docs/escalation.md, "One email per client"): the invoices of one client that
// are due for a follow-up in the same run go out as one email listing each of them, in the wording
// of the most advanced stage among them; at most one email a day, and at least minGapDays between
// two, per client. Each invoice keeps its own stage record. Pure.
import { addDays, daysBetween, formatDateForEmail } from './dates';
import { formatMoney } from './money';
import type { FollowUpEmail } from './plan';
import { stageOrder } from './stages';
import { escapeHtml } from './templates';
import type { EmailStageId, IsoDate, Settings } from './types';

/** One email to one client: a single invoice's own email, or a list of several. */
export interface ClientEmail {
  clientKey: string;
  client: string;
  /** The most advanced stage among the invoices: the wording of the email. */
  stage: EmailStageId;
  /** The invoices it covers, each with its own stage (each is recorded as that stage sent). */
  invoices: FollowUpEmail[];
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  html: string;
}

/** What the add-on remembers of each client: the day of the latest email to it, and today. */
export interface ClientHistory {
  today: IsoDate;
  locale: string;
  /** By clientKey. */
  lastEmailOn: ReadonlyMap<string, IsoDate>;
}

export interface Grouped {
  emails: ClientEmail[];
  /** Invoices whose email waits for the client's gap: they join the client's next email. */
  waiting: Array<{ email: FollowUpEmail; until: IsoDate }>;
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

function single(email: FollowUpEmail): ClientEmail {
  const { to, cc, bcc, subject, text, html, stage } = email;
  const client = email.invoice.client;
  return { clientKey: clientKey(client), client, stage, invoices: [email], to, cc, bcc, subject, text, html };
}

function bucket<T>(items: readonly T[], keyOf: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(keyOf(item), [...(out.get(keyOf(item)) ?? []), item]);
  return out;
}

/** The recipients group that goes today: the most advanced stage, then the most invoices, then the oldest due date. */
function firstGroup(groups: FollowUpEmail[][]): FollowUpEmail[] {
  const oldest = (g: FollowUpEmail[]): string => g.map((e) => e.invoice.dueDate).sort()[0] ?? '';
  return (
    [...groups].sort((a, b) => maxStage(b) - maxStage(a) || b.length - a.length || oldest(a).localeCompare(oldest(b)))[0] ?? []
  );
}

/** One client's emails today: one group sent (or none inside its gap), the rest waiting. */
function forClient(emails: FollowUpEmail[], settings: Settings, history: ClientHistory): Grouped {
  const last = history.lastEmailOn.get(clientKey(emails[0]?.invoice.client ?? ''));
  if (last !== undefined && daysBetween(last, history.today) < settings.minGapDays) {
    const until = addDays(last, settings.minGapDays);
    return { emails: [], waiting: emails.map((email) => ({ email, until })) };
  }
  const going = firstGroup([...bucket(emails, recipientsKey).values()]);
  const until = addDays(history.today, settings.minGapDays);
  const waiting = emails.filter((e) => !going.includes(e)).map((email) => ({ email, until }));
  const sent = going.length === 1 && going[0] ? single(going[0]) : combined(going, settings, history);
  return { emails: [sent], waiting };
}

/**
 * The client emails of a run. With `groupByClient` off, every invoice's email goes as planned.
 * Emails come out oldest due date first (the order they use the daily quota in).
 */
export function groupFollowUps(emails: readonly FollowUpEmail[], settings: Settings, clientHistory: ClientHistory): Grouped {
  if (!settings.groupByClient) return { emails: emails.map(single), waiting: [] };
  const out: Grouped = { emails: [], waiting: [] };
  for (const group of bucket(emails, (e) => clientKey(e.invoice.client)).values()) {
    const one = forClient(group, settings, clientHistory);
    out.emails.push(...one.emails);
    out.waiting.push(...one.waiting);
  }
  const oldest = (c: ClientEmail): string => c.invoices.map((e) => e.invoice.dueDate).sort()[0] ?? '';
  out.emails.sort((a, b) => oldest(a).localeCompare(oldest(b)));
  return out;
}

// ---- the words of a list email ------------------------------------------------------------------

/** Opening and request of a list email, by stage ({client} and {reply_by} are filled in). */
const GROUP_WORDS: Record<EmailStageId, { opening: string; ask: string }> = {
  nudge: {
    opening: 'A quick courtesy note for {client}: the invoices below are coming due.',
    ask: 'If they are already scheduled for payment, thank you, and please disregard this message.',
  },
  reminder: {
    opening: 'The invoices below for {client} are past their due date. I am sending this in case they slipped through.',
    ask: 'Could you let me know when you expect to process them? If they have already been paid, thank you, and please ignore this note.',
  },
  firm: {
    opening: 'The invoices below for {client} are overdue.',
    ask: 'Please confirm the payment status by {reply_by}: when the payment will be made, or what is holding it up.',
  },
  escalate: {
    opening: 'I am writing about the overdue invoices below for {client}, which I have not been able to get paid so far.',
    ask: 'Could you confirm by {reply_by} when payment will be made? If someone else handles payments at {client}, please pass this message to them or reply with their email address.',
  },
  formal: {
    opening: 'This is a formal notice that the invoices below to {client} are overdue.',
    ask: 'Please pay the outstanding balance by {reply_by}. If it is not paid by then, I will pursue other options to recover it.',
  },
};

interface Line {
  invoice: string;
  issued: string;
  due: string;
  overdue: string;
  balance: string;
  link: string;
}

function lineOf(e: FollowUpEmail, history: ClientHistory): Line {
  const inv = e.invoice;
  const days = daysBetween(inv.dueDate, history.today);
  return {
    invoice: inv.invoice,
    issued: inv.issueDate ? formatDateForEmail(inv.issueDate, history.locale) : '',
    due: formatDateForEmail(inv.dueDate, history.locale),
    overdue: days > 0 ? `${days} ${days === 1 ? 'day' : 'days'} overdue` : days === 0 ? 'due today' : `due in ${-days} days`,
    balance: formatMoney(inv.balance, inv.currency, history.locale),
    link: inv.paymentLink.trim(),
  };
}

function subjectOf(emails: FollowUpEmail[], settings: Settings, today: IsoDate): string {
  const overdue = emails.every((e) => e.invoice.dueDate < today);
  const soon = emails.every((e) => e.invoice.dueDate > today);
  const kind = overdue ? 'overdue invoices' : soon ? 'invoices coming due' : 'invoices';
  const from = settings.senderName.trim() === '' ? '' : ` from ${settings.senderName.trim()}`;
  return `${emails.length} ${kind}${from}`;
}

function textLine(l: Line): string {
  const parts = [
    l.issued ? `issued ${l.issued}` : '',
    `due ${l.due}`,
    l.overdue,
    `balance ${l.balance}`,
    l.link ? `pay at ${l.link}` : '',
  ];
  return `- Invoice ${l.invoice}: ${parts.filter((p) => p !== '').join(', ')}`;
}

const isLink = (url: string): boolean => /^https?:\/\/[^\s<>"'`\\]+$/i.test(url);

function htmlTable(lines: Line[]): string {
  const cell = (s: string): string => `<td style="padding: 4px 8px; border-bottom: 1px solid #ddd;">${s}</td>`;
  const head = ['Invoice', 'Issued', 'Due', 'Overdue', 'Balance', 'Pay'].map(
    (h) => `<th style="text-align: left; padding: 4px 8px;">${h}</th>`,
  );
  const rows = lines.map((l) => {
    const link = isLink(l.link) ? `<a href="${escapeHtml(l.link)}">Pay online</a>` : escapeHtml(l.link);
    return `<tr>${[l.invoice, l.issued, l.due, l.overdue, l.balance].map((v) => cell(escapeHtml(v))).join('')}${cell(link)}</tr>`;
  });
  return `<table style="border-collapse: collapse;"><tr>${head.join('')}</tr>${rows.join('')}</table>`;
}

/** The list email of several invoices: plain text with a list, HTML with a table (every value escaped). */
function combined(emails: FollowUpEmail[], settings: Settings, history: ClientHistory): ClientEmail {
  const first = emails[0] as FollowUpEmail;
  const stage = emails.reduce((a, e) => (stageOrder(e.stage) > stageOrder(a) ? e.stage : a), first.stage);
  const client = first.invoice.client;
  const replyBy = formatDateForEmail(addDays(history.today, settings.replyByDays), history.locale);
  const fill = (s: string, esc: (v: string) => string): string =>
    s.replace(/\{client\}/g, esc(client)).replace(/\{reply_by\}/g, esc(replyBy));
  const words = GROUP_WORDS[stage];
  const lines = [...emails].sort((a, b) => a.invoice.dueDate.localeCompare(b.invoice.dueDate)).map((e) => lineOf(e, history));
  const sender = settings.senderName.trim();
  const text = [
    'Hello,',
    '',
    fill(words.opening, String),
    '',
    ...lines.map(textLine),
    '',
    fill(words.ask, String),
    '',
    'Kind regards,',
    sender,
  ].join('\n');
  const p = (s: string): string => `<p>${s}</p>`;
  const html =
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head>' +
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; line-height: 1.5;">' +
    [
      p('Hello,'),
      p(fill(words.opening, escapeHtml)),
      htmlTable(lines),
      p(fill(words.ask, escapeHtml)),
      p(`Kind regards,<br>${escapeHtml(sender)}`),
    ].join('\n') +
    '</body></html>';
  const { to, cc, bcc } = first;
  return {
    clientKey: clientKey(client),
    client,
    stage,
    invoices: emails,
    to,
    cc,
    bcc,
    subject: subjectOf(emails, settings, history.today),
    text,
    html,
  };
}
