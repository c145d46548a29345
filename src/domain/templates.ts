// Email templates (README: "The sidebar"): '{{name}}' placeholders, checked when a template is saved and filled
// in per invoice. The HTML version escapes every value; the subject is kept on one line.
import { addDays, daysBetween, formatDateForEmail, isIsoDate, shown } from './dates';
import { latePaymentValues, type LateInterest } from './interest';
import { formatMoney } from './money';
import { LIST_TEMPLATE_IDS, type EmailLanguage, type Invoice, type IsoDate, type Template, type TemplateId } from './types';
import { issue, type IssueCode, type ValidationIssue } from './validation';

export const PLACEHOLDERS = [
  'invoice',
  'client',
  'contact_name',
  'amount',
  'balance',
  'currency',
  'issue_date',
  'due_date',
  'days_overdue',
  'reply_by',
  'sender_name',
  'payment_link',
  'interest',
  'compensation',
  'amount_claimed',
  'promised_date',
  'invoices',
  'invoice_count',
  'total_balance',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

/**
 * What a list template ("several invoices") may use: the client's and the sender's words and the
 * list itself. One invoice's values ({{invoice}}, {{balance}}…) have no meaning in it.
 */
const LIST_PLACEHOLDERS: readonly Placeholder[] = [
  'client',
  'contact_name',
  'sender_name',
  'reply_by',
  'invoices',
  'invoice_count',
  'total_balance',
];
/** Placeholders only some templates can fill. */
const ONLY_IN: Partial<Record<Placeholder, readonly TemplateId[]>> = {
  invoices: LIST_TEMPLATE_IDS,
  invoice_count: LIST_TEMPLATE_IDS,
  total_balance: LIST_TEMPLATE_IDS,
  promised_date: ['promiseMissed'],
};

const isListTemplate = (id: TemplateId): boolean => (LIST_TEMPLATE_IDS as readonly string[]).includes(id);

/** The placeholders a template can use, in the order of PLACEHOLDERS. */
export function placeholdersFor(id: TemplateId): Placeholder[] {
  if (isListTemplate(id)) return PLACEHOLDERS.filter((p) => LIST_PLACEHOLDERS.includes(p));
  return PLACEHOLDERS.filter((p) => ONLY_IN[p]?.includes(id) ?? true);
}

/** Why a known placeholder cannot be used in this template (a sentence), or null when it can. */
function outOfPlace(name: Placeholder, id: TemplateId): string | null {
  if (placeholdersFor(id).includes(name)) return null;
  if (name === 'promised_date') return `{{promised_date}} can only be used in the "promise missed" email`;
  if (ONLY_IN[name] !== undefined) return `{{${name}}} can only be used in the emails that list several invoices`;
  return `{{${name}}} is about one invoice: an email listing several invoices can use {{invoices}}, {{invoice_count}} and {{total_balance}} instead`;
}

/** Issues for placeholders written in a template that cannot fill them (each name once, by field). */
function scopeIssues(id: TemplateId, texts: Array<['subject' | 'body', string]>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const [field, text] of texts) {
    for (const name of scan(text).names) {
      const inSubject = field === 'subject' && name === 'invoices' ? '{{invoices}} is a list: put it in the message' : null;
      const why = isPlaceholder(name) && !seen.has(name) ? (inSubject ?? outOfPlace(name, id)) : null;
      if (why === null) continue;
      seen.add(name);
      const where = field === 'subject' ? 'Subject' : 'Message';
      issues.push(issue(field, 'not-in-this-template', `${where}: ${why}.`));
    }
  }
  return issues;
}

/** A Set, so names like 'constructor' or '__proto__' are simply unknown. */
const KNOWN = new Set<string>(PLACEHOLDERS);

function isPlaceholder(name: string): name is Placeholder {
  return KNOWN.has(name);
}

export const MAX_SUBJECT_LENGTH = 250;
export const MAX_BODY_LENGTH = 20_000;

// ---------------------------------------------------------------------------------------------
// Scanning

type Segment = { kind: 'text'; text: string } | { kind: 'placeholder'; name: Placeholder };

/** A problem in one text, before it is known whether the text is the subject or the message. */
type ScanProblem = Omit<ValidationIssue, 'field'>;

interface Scan {
  segments: Segment[];
  names: string[];
  problems: ScanProblem[];
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? Math.max(a.length, b.length);
}

/** The placeholder a misspelt name most likely meant, or null. */
function suggestionFor(name: string): Placeholder | null {
  if (name.length > 40) return null;
  const squashed = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  for (const p of PLACEHOLDERS) if (p.replace(/_/g, '') === squashed) return p;
  let best: Placeholder | null = null;
  let bestDistance = Infinity;
  for (const p of PLACEHOLDERS) {
    const d = levenshtein(name.toLowerCase(), p);
    if (d < bestDistance) {
      best = p;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= 2 && bestDistance < name.length / 2 ? best : null;
}

function near(text: string, at: number): string {
  return shown(text.slice(at, at + 30), 30);
}

function scan(text: string): Scan {
  return scanText(text);
}

/** What one '{{…}}' (or a stray '}}') at `at` turns out to be, and where scanning goes on. */
type Token = { next: number } & ({ kind: 'name'; name: Placeholder } | { kind: 'problem'; problem: ScanProblem | null });

function problem(code: IssueCode, message: string, suggestion?: string): ScanProblem {
  return suggestion === undefined ? { code, message } : { code, message, suggestion };
}

/** Reads the placeholder that opens at `open`; `names` gets every name written, known or not. */
function readPlaceholder(text: string, open: number, names: string[]): Token {
  let j = open;
  while (text[j] === '{') j++;
  const end = text.indexOf('}}', j);
  if (end === -1) {
    return {
      kind: 'problem',
      next: text.length,
      problem: problem('bad-braces', `'{{' is never closed with '}}' (near '${near(text, open)}')`),
    };
  }
  let k = end;
  while (text[k] === '}') k++;
  const raw = text.slice(open, k);
  const inner = text.slice(j, end);
  if (inner.includes('{') || inner.includes('}'))
    return {
      kind: 'problem',
      next: k,
      problem: problem('bad-braces', `Placeholders cannot be nested or contain braces: '${shown(raw, 40)}'`),
    };
  const name = inner.trim();
  if (j - open > 2 || k - end > 2) {
    const message = `Too many braces in '${shown(raw, 40)}' — write {{${shown(name, 30) || 'name'}}}`;
    return { kind: 'problem', next: k, problem: problem('bad-braces', message) };
  }
  if (name === '')
    return {
      kind: 'problem',
      next: k,
      problem: problem('empty-placeholder', 'Empty placeholder {{}} — put a name inside, e.g. {{invoice}}'),
    };
  if (!names.includes(name)) names.push(name);
  if (isPlaceholder(name)) return { kind: 'name', next: k, name };
  const suggestion = suggestionFor(name);
  const unknown = `Unknown placeholder {{${shown(name, 40)}}}`;
  return suggestion !== null
    ? {
        kind: 'problem',
        next: k,
        problem: problem('unknown-placeholder', `${unknown} — did you mean {{${suggestion}}}?`, suggestion),
      }
    : { kind: 'problem', next: k, problem: problem('unknown-placeholder', unknown) };
}

function scanText(text: string): Scan {
  const segments: Segment[] = [];
  const names: string[] = [];
  const problems: ScanProblem[] = [];
  const note = (p: ScanProblem | null): void => {
    if (p && !problems.some((q) => q.message === p.message)) problems.push(p);
  };
  let i = 0;
  let textStart = 0;
  while (i < text.length) {
    const open = text.indexOf('{{', i);
    const close = text.indexOf('}}', i);
    if (open === -1 && close === -1) break;
    if (close !== -1 && (open === -1 || close < open)) {
      note(problem('bad-braces', `'}}' without an opening '{{' (near '${near(text, close)}')`));
      i = close + 2;
      while (text[i] === '}') i++;
      continue;
    }
    const token = readPlaceholder(text, open, names);
    i = token.next;
    if (token.kind === 'problem') {
      note(token.problem);
      continue;
    }
    if (open > textStart) segments.push({ kind: 'text', text: text.slice(textStart, open) });
    segments.push({ kind: 'placeholder', name: token.name });
    textStart = token.next;
  }
  if (textStart < text.length) segments.push({ kind: 'text', text: text.slice(textStart) });
  return { segments, names, problems };
}

/**
 * Everything that stops a template from being saved: issues on field 'subject' or 'body', worded
 * for the sidebar ('Message: Unknown placeholder {{amout}} — did you mean {{amount}}?'). With the
 * template's id, a placeholder that template cannot fill is refused too (code 'not-in-this-template').
 */
export function validateTemplate(t: Template, id?: TemplateId): ValidationIssue[] {
  const subject = typeof t?.subject === 'string' ? t.subject : '';
  const body = typeof t?.body === 'string' ? t.body : '';
  const issues: ValidationIssue[] = [];
  if (subject.trim() === '') issues.push(issue('subject', 'required', 'The subject is empty'));
  else if (/[\r\n\u2028\u2029\u0085]/.test(subject))
    issues.push(issue('subject', 'not-one-line', 'The subject must be on one line'));
  if (subject.length > MAX_SUBJECT_LENGTH)
    issues.push(issue('subject', 'too-long', `The subject is longer than ${MAX_SUBJECT_LENGTH} characters`));
  if (body.trim() === '') issues.push(issue('body', 'required', 'The message is empty'));
  if (body.length > MAX_BODY_LENGTH) issues.push(issue('body', 'too-long', 'The message is longer than 20,000 characters'));
  for (const p of scan(subject).problems) issues.push({ field: 'subject', ...p, message: `Subject: ${p.message}` });
  for (const p of scan(body).problems) issues.push({ field: 'body', ...p, message: `Message: ${p.message}` });
  if (id !== undefined)
    issues.push(
      ...scopeIssues(id, [
        ['subject', subject],
        ['body', body],
      ]),
    );
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Rendering

/** &, <, >, " and ' as HTML entities. */
export function escapeHtml(s: string): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function isLinkable(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^https?:\/\/[^\s\u0000-\u001f\u007f<>"'`\\]+$/i.test(url);
}

function valueOf(values: Partial<Record<Placeholder, string>>, name: Placeholder): string | undefined {
  if (values === null || typeof values !== 'object' || !Object.prototype.hasOwnProperty.call(values, name)) return undefined;
  const v: unknown = values[name];
  return typeof v === 'string' ? v : undefined;
}

function toLines(s: string): string {
  return s.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n');
}

/** Raw HTML, already escaped, that stands as a block of its own for a placeholder (the table of {{invoices}}). */
export type HtmlBlocks = Partial<Record<Placeholder, string>>;

/** Text as paragraphs: a blank line separates two, a single line break is a <br>. */
function paragraphs(html: string): string[] {
  return html
    .split(/\n[ \t]*(?:\n[ \t]*)+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${p.split('\n').join('<br>')}</p>`);
}

function bodyHtml(segments: Segment[], values: Partial<Record<Placeholder, string>>, blocks: HtmlBlocks): string {
  const out: string[] = [];
  let pieces: string[] = [];
  for (const seg of segments) {
    const block = seg.kind === 'placeholder' ? valueOf(blocks, seg.name) : undefined;
    if (block !== undefined) {
      out.push(...paragraphs(pieces.join('')), block);
      pieces = [];
    } else if (seg.kind === 'text') pieces.push(escapeHtml(toLines(seg.text)));
    else {
      const v = valueOf(values, seg.name) ?? '';
      pieces.push(
        seg.name === 'payment_link' && isLinkable(v) ? `<a href="${escapeHtml(v)}">${escapeHtml(v)}</a>` : escapeHtml(toLines(v)),
      );
    }
  }
  out.push(...paragraphs(pieces.join('')));
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head>' +
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; line-height: 1.5;">' +
    out.join('\n') +
    '</body></html>'
  );
}

export type RenderResult =
  | { ok: true; subject: string; text: string; html: string }
  | { ok: false; missing: Placeholder[] }
  | { ok: false; problems: string[] };

/**
 * Fill in a template. A placeholder without a value (absent or '') makes the result
 * `{ ok: false, missing }`: that email must not be sent. The subject is put on one line after
 * substitution; `html` escapes every value and only turns an http(s) payment link into a link.
 */
export function renderTemplate(t: Template, values: Partial<Record<Placeholder, string>>, blocks: HtmlBlocks = {}): RenderResult {
  const checked = checkTemplate(t, values, blocks);
  return checked.ok ? { ok: true, ...checked.render() } : checked;
}

/**
 * What scanning a template yields: the same for every invoice, so a run that fills in one template
 * for many invoices scans it once (`scanTemplate`) and checks each invoice against the scan
 * (`checkScanned`). Callers treat it as read-only.
 */
export interface ScannedTemplate {
  problems: string[];
  subject: Segment[];
  body: Segment[];
  used: Placeholder[];
}

export function scanTemplate(t: Template): ScannedTemplate {
  const problems = validateTemplate(t).map((i) => i.message);
  const subject = problems.length > 0 ? [] : scan(t.subject).segments;
  const body = problems.length > 0 ? [] : scan(t.body).segments;
  const used: Placeholder[] = [];
  for (const seg of [...subject, ...body]) {
    if (seg.kind === 'placeholder' && !used.includes(seg.name)) used.push(seg.name);
  }
  return { problems, subject, body, used };
}

export type CheckResult =
  | { ok: true; render: () => { subject: string; text: string; html: string } }
  | { ok: false; missing: Placeholder[] }
  | { ok: false; problems: string[] };

/**
 * Whether a template can be filled in for these values (same failures as `renderTemplate`), with
 * the filling-in left for when the words are needed: only emails sent or shown are ever rendered.
 */
export function checkTemplate(t: Template, values: Partial<Record<Placeholder, string>>, blocks: HtmlBlocks = {}): CheckResult {
  return checkScanned(scanTemplate(t), values, blocks);
}

/** `checkTemplate` for a template already scanned. */
export function checkScanned(
  s: ScannedTemplate,
  values: Partial<Record<Placeholder, string>>,
  blocks: HtmlBlocks = {},
): CheckResult {
  if (s.problems.length > 0) return { ok: false, problems: s.problems };
  const missing = s.used.filter((name) => (valueOf(values, name) ?? '').trim() === '');
  if (missing.length > 0) return { ok: false, missing };
  const plain = (segments: Segment[]): string =>
    segments.map((seg) => (seg.kind === 'text' ? seg.text : (valueOf(values, seg.name) ?? ''))).join('');
  const render = (): { subject: string; text: string; html: string } => {
    const subject = cappedSubject(
      plain(s.subject)
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
        .replace(/ {2,}/g, ' ')
        .trim(),
    );
    return { subject, text: toLines(plain(s.body)), html: bodyHtml(s.body, values, blocks) };
  };
  return { ok: true, render };
}

/**
 * A subject MailApp accepts: at most MAX_SUBJECT_LENGTH characters (longer ones are refused), cut
 * with an ellipsis. Values from the sheet can make a template's subject longer than it was saved.
 * `cappedSubject('Invoice ' + 'x'.repeat(300)).length` is 250.
 */
export function cappedSubject(subject: string): string {
  if (subject.length <= MAX_SUBJECT_LENGTH) return subject;
  return `${[...subject.slice(0, MAX_SUBJECT_LENGTH - 1)]
    .join('')
    .replace(/[\ud800-\udbff]$/, '')
    .trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------
// Values for one invoice

export interface PlaceholderContext {
  today: IsoDate;
  /** The locale amounts are written in (the email language's, src/domain/language.ts emailLocale). */
  locale: string;
  /** The language dates are written in ('en' when absent). */
  language?: EmailLanguage;
  replyByDays: number;
  senderName: string;
  /** The late-payment interest worked out for the invoice today, when a regime is on (docs/late-payment.md). */
  late?: LateInterest;
}

/**
 * The placeholder values for an invoice: money in the locale's style, dates in words
 * ('24 November 2026'), days_overdue as a whole number (negative before the due date), reply_by
 * = today + replyByDays; interest, compensation and amount_claimed from `ctx.late` when some apply;
 * promised_date from the promise in force on the invoice (`invoice.promisedDate`).
 * Optional values that are empty are left out, so a template that needs them reports them as missing.
 */
export function placeholderValues(
  invoice: Invoice,
  ctx: PlaceholderContext,
  only?: readonly Placeholder[],
): Partial<Record<Placeholder, string>> {
  const values: Partial<Record<Placeholder, string>> = {};
  // A plan needs only the values its template uses: money and dates in words are not made for nothing.
  const wanted = (name: Placeholder): boolean => only === undefined || only.includes(name);
  const put = (name: Placeholder, value: () => string | null | undefined): void => {
    if (!wanted(name)) return;
    const made = value();
    const v = typeof made === 'string' ? made.trim() : '';
    if (v !== '') values[name] = v;
  };
  put('invoice', () => invoice.invoice);
  put('client', () => invoice.client);
  put('contact_name', () => invoice.contactName);
  put('currency', () => invoice.currency);
  if (Number.isFinite(invoice.amount)) put('amount', () => formatMoney(invoice.amount, invoice.currency, ctx.locale));
  if (Number.isFinite(invoice.balance)) put('balance', () => formatMoney(invoice.balance, invoice.currency, ctx.locale));
  if (invoice.issueDate !== null && isIsoDate(invoice.issueDate)) {
    const issueDate = invoice.issueDate;
    put('issue_date', () => formatDateForEmail(issueDate, ctx.locale, ctx.language));
  }
  if (isIsoDate(invoice.dueDate)) {
    put('due_date', () => formatDateForEmail(invoice.dueDate, ctx.locale, ctx.language));
    if (isIsoDate(ctx.today)) put('days_overdue', () => String(daysBetween(invoice.dueDate, ctx.today)));
  }
  if (isIsoDate(ctx.today) && Number.isFinite(ctx.replyByDays)) {
    put('reply_by', () => formatDateForEmail(addDays(ctx.today, Math.round(ctx.replyByDays)), ctx.locale, ctx.language));
  }
  put('sender_name', () => ctx.senderName);
  put('payment_link', () => invoice.paymentLink);
  const promised = invoice.promisedDate;
  if (promised !== undefined && promised !== null && isIsoDate(promised))
    put('promised_date', () => formatDateForEmail(promised, ctx.locale, ctx.language));
  if (ctx.late !== undefined) Object.assign(values, latePaymentValues(ctx.late, ctx.locale));
  return values;
}
