// The formal letter: a complete, printable HTML document (A4, inline CSS, nothing fetched) that
// Apps Script turns into the PDF attached to the formal notice (docs/late-payment.md, "The formal
// letter"). Every value that comes from the sheet or the settings is HTML-escaped.
import { addDays, formatDateForEmail, isIsoDate, maxDate } from './dates';
import { languageWords } from './defaultTemplates';
import type { LetterWords } from './lang/words';
import type { LateInterest } from './interest';
import { formatMoney, sumsByCurrency } from './money';
import { stageLabel } from './settings';
import { escapeHtml } from './templates';
import { STAGE_IDS, type EmailLanguage, type IsoDate, type StageId } from './types';

export interface LetterParty {
  name: string;
  addressLines?: string[];
  email?: string;
}

/** One open invoice of the client, with what the engine worked out for it. */
export interface StatementLine {
  invoice: string;
  issueDate: IsoDate | null;
  dueDate: IsoDate;
  amount: number;
  balance: number;
  currency: string;
  late: LateInterest;
}

/** A follow-up that went out (from the Follow-up Log). */
export interface SentFollowUp {
  date: IsoDate;
  invoice: string;
  stage: string;
  recipients: string;
  subject: string;
}

export interface FormalLetterInput {
  sender: LetterParty;
  client: LetterParty;
  /** The person the letter is addressed to; the client's name when empty. */
  contactName?: string;
  /** Date of the letter. */
  date: IsoDate;
  /** Pay or reply by. With the pre-action protocol it is at least 30 days after `date`. */
  replyBy: IsoDate;
  /** The locale amounts are written in (the letter language's). */
  locale: string;
  /** The letter's language ('en' when absent); the Pre-Action Protocol part is English, as that protocol is. */
  language?: EmailLanguage;
  invoices: StatementLine[];
  followUps: SentFollowUp[];
  /** How to pay: bank details, one line each. */
  paymentLines?: string[];
  paymentLink?: string;
  /** How the debt arose (the agreement, its date); a general sentence is used when empty. */
  agreement?: string;
  /** UK client who is an individual or a sole trader: follow the Pre-Action Protocol for Debt Claims. */
  preActionProtocol?: boolean;
}

/** The protocol gives the debtor 30 days from the date of the letter of claim to reply. */
const PROTOCOL_REPLY_DAYS = 30;

export const PROTOCOL_ENCLOSURES = [
  'Information Sheet (Annex 1 of the Pre-Action Protocol for Debt Claims)',
  'Reply Form (Annex 1 of the Protocol)',
  'Financial Statement (Annex 2 of the Protocol)',
  'The statement of account in this letter',
] as const;

// ---------------------------------------------------------------------------------------------
// Pieces shared with the evidence pack

export const esc = escapeHtml;

export function dateText(d: IsoDate | null, locale: string, language: EmailLanguage = 'en'): string {
  return d !== null && isIsoDate(d) ? esc(formatDateForEmail(d, locale, language)) : '—';
}

export function moneyText(amount: number, currency: string, locale: string): string {
  return esc(formatMoney(amount, currency, locale));
}

function stageText(stage: string, language: EmailLanguage): string {
  if (!(STAGE_IDS as readonly string[]).includes(stage)) return stage;
  return language === 'en' ? stageLabel(stage as StageId) : languageWords(language).letter.stages[stage as StageId];
}

const CSS = [
  '@page { size: A4; margin: 20mm 18mm; }',
  'body { font-family: Georgia, "Times New Roman", serif; font-size: 11pt; line-height: 1.45; color: #111; margin: 0; }',
  'h1 { font-size: 15pt; margin: 18pt 0 8pt; } h2 { font-size: 12pt; margin: 16pt 0 6pt; }',
  '.parties { margin-bottom: 12pt; } .parties .party { display: inline-block; width: 48%; vertical-align: top; }',
  '.party p, .party { margin: 0; } .muted { color: #555; font-size: 9.5pt; }',
  'table { border-collapse: collapse; width: 100%; margin: 6pt 0; font-size: 9.5pt; page-break-inside: auto; }',
  'th, td { border: 0.5pt solid #999; padding: 3pt 5pt; text-align: left; vertical-align: top; }',
  'td.num, th.num { text-align: right; white-space: nowrap; } tr { page-break-inside: avoid; }',
  '.total td { font-weight: bold; } .note td { font-style: italic; color: #444; border-top: none; }',
  '.nowrap { white-space: nowrap; } table.small { font-size: 8.5pt; } table.facts th { width: 30%; }',
].join('\n');

/** A whole HTML document: A4, inline CSS, no external resources. */
export function printableDocument(title: string, body: string, language: EmailLanguage = 'en'): string {
  return (
    `<!DOCTYPE html><html lang="${esc(language)}"><head><meta charset="utf-8">` +
    `<title>${esc(title)}</title><style>${CSS}</style></head><body>${body}</body></html>`
  );
}

export function partyHtml(party: LetterParty): string {
  const lines = [party.name, ...(party.addressLines ?? []), party.email ?? ''].filter((l) => l.trim() !== '');
  return `<div class="party">${lines.map((l, i) => (i === 0 ? `<strong>${esc(l)}</strong>` : esc(l))).join('<br>')}</div>`;
}

/** Sums by currency ('£1,077.48 and €1,045.52'): invoices in several currencies are never added together. */
function totalsByCurrency(lines: { currency: string; amount: number }[], locale: string, language: EmailLanguage): string {
  const and = ` ${languageWords(language).list.and} `;
  return sumsByCurrency(lines)
    .map(({ currency, amount }) => moneyText(amount, currency, locale))
    .join(and);
}

/** Column heads as a table row. */
const headRow = (heads: readonly string[], numeric: readonly number[] = []): string =>
  `<tr>${heads.map((t, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${esc(t)}</th>`).join('')}</tr>`;

export function followUpTableHtml(followUps: SentFollowUp[], locale: string, language: EmailLanguage = 'en'): string {
  const w = languageWords(language).letter;
  if (followUps.length === 0) return `<p>${esc(w.noFollowUps)}</p>`;
  const rows = [...followUps]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map(
      (f) =>
        `<tr><td class="nowrap">${dateText(f.date, locale, language)}</td><td class="nowrap">${esc(f.invoice)}</td>` +
        `<td>${esc(stageText(f.stage, language))}</td><td>${esc(f.recipients)}</td><td>${esc(f.subject)}</td></tr>`,
    );
  return `<table><thead>${headRow(w.followUpHeads)}</thead><tbody>${rows.join('')}</tbody></table>`;
}

// ---------------------------------------------------------------------------------------------
// The statement of account

function statementRow(line: StatementLine, locale: string, language: EmailLanguage): string {
  const m = (n: number): string => moneyText(n, line.currency, locale);
  const row =
    `<tr><td class="nowrap">${esc(line.invoice)}</td><td class="nowrap">${dateText(line.issueDate, locale, language)}</td>` +
    `<td class="nowrap">${dateText(line.dueDate, locale, language)}</td>` +
    `<td class="num">${line.late.days}</td><td class="num">${m(line.balance)}</td><td class="num">${m(line.late.interest)}</td>` +
    `<td class="num">${m(line.late.compensation)}</td><td class="num">${m(line.late.amountClaimed)}</td></tr>`;
  const why = line.late.notApplied;
  const skip = why === undefined || why.code === 'off' || why.code === 'not-late';
  return skip ? row : `${row}<tr class="note"><td colspan="8">${esc(why.message)}</td></tr>`;
}

function statementTableHtml(lines: StatementLine[], locale: string, language: EmailLanguage): string {
  const w = languageWords(language).letter;
  const head = `<thead>${headRow(w.statementHeads, [3, 4, 5, 6, 7])}</thead>`;
  const sum = (pick: (l: StatementLine) => number): string =>
    totalsByCurrency(
      lines.map((l) => ({ currency: l.currency, amount: pick(l) })),
      locale,
      language,
    );
  const total =
    `<tr class="total"><td colspan="4">${esc(w.total)}</td><td class="num">${sum((l) => l.balance)}</td>` +
    `<td class="num">${sum((l) => l.late.interest)}</td><td class="num">${sum((l) => l.late.compensation)}</td>` +
    `<td class="num">${sum((l) => l.late.amountClaimed)}</td></tr>`;
  return `<table>${head}<tbody>${lines.map((l) => statementRow(l, locale, language)).join('')}${total}</tbody></table>`;
}

function percent(n: number): string {
  return `${Number(n.toFixed(3))}%`;
}

/** One sentence per regime in use, saying on what basis interest and compensation are claimed. */
function interestBasisHtml(lines: StatementLine[], locale: string, w: LetterWords): string {
  const applied = lines.filter((l) => l.late.notApplied === undefined);
  const regimes = new Set(applied.map((l) => l.late.regime));
  const rates = (r: string): string =>
    [
      ...new Set(applied.filter((l) => l.late.regime === r).flatMap((l) => l.late.segments.map((s) => percent(s.ratePercent)))),
    ].join(', ');
  const parts: string[] = [];
  if (regimes.has('uk')) parts.push(esc(w.basisUk(rates('uk'))));
  if (regimes.has('eu')) parts.push(esc(w.basisEu(rates('eu'), formatMoney(40, 'EUR', locale))));
  if (regimes.has('custom')) parts.push(esc(w.basisCustom(rates('custom'))));
  if (parts.length === 0) return '';
  return `<p>${parts.join(' ')} ${esc(w.counted)}</p>`;
}

// ---------------------------------------------------------------------------------------------
// The letter

/** The reply-by date printed: with the protocol, never sooner than 30 days after the letter. */
export function letterReplyBy(input: Pick<FormalLetterInput, 'date' | 'replyBy' | 'preActionProtocol'>): IsoDate {
  if (input.preActionProtocol !== true) return input.replyBy;
  return maxDate(input.replyBy, addDays(input.date, PROTOCOL_REPLY_DAYS)) ?? input.replyBy;
}

function agreementText(input: FormalLetterInput): string {
  const given = (input.agreement ?? '').trim();
  if (given !== '') return esc(given);
  return 'The debt is the price of the work and goods invoiced above, supplied at your request on the terms stated on each invoice. You may ask us for a copy of the agreement.';
}

function contactLine(sender: LetterParty): string {
  const address = (sender.addressLines ?? []).filter((l) => l.trim() !== '').join(', ');
  const ways = [address, sender.email ?? ''].filter((w) => w.trim() !== '').map(esc);
  return ways.length > 0 ? ways.join(' or ') : esc(sender.name);
}

function protocolHtml(input: FormalLetterInput, replyBy: IsoDate): string {
  const enclosures = PROTOCOL_ENCLOSURES.map((e) => `<li>${esc(e)}</li>`).join('');
  return (
    '<h2>Pre-Action Protocol for Debt Claims</h2>' +
    '<p>This is a letter of claim under the Pre-Action Protocol for Debt Claims.</p>' +
    `<p>${agreementText(input)}</p>` +
    `<p>Please reply within ${PROTOCOL_REPLY_DAYS} days of the date of this letter, by ${dateText(replyBy, input.locale)}, ` +
    `using the enclosed Reply Form, sent to ${contactLine(input.sender)}. The Information Sheet explains your options. ` +
    'If you ask for documents or say on the Reply Form that you are getting debt advice, we will allow reasonable time, ' +
    'and will not start court proceedings less than 30 days after receiving your completed Reply Form or after sending you the documents you asked for, whichever is later.</p>' +
    `<p>To pay, or to discuss paying in instalments, contact us at ${contactLine(input.sender)}.</p>` +
    `<p>Enclosed:</p><ol>${enclosures}</ol>`
  );
}

function paymentHtml(input: FormalLetterInput, w: LetterWords): string {
  const lines = (input.paymentLines ?? []).filter((l) => l.trim() !== '').map(esc);
  const link = (input.paymentLink ?? '').trim();
  if (link !== '') lines.push(`${esc(w.payOnline)}: ${esc(link)}`);
  return lines.length > 0 ? `<p><strong>${esc(w.howToPay)}</strong><br>${lines.join('<br>')}</p>` : '';
}

function headerHtml(input: FormalLetterInput, protocol: boolean, w: LetterWords): string {
  const title = protocol ? 'Letter of claim: unpaid invoices' : w.title;
  const greeting = (input.contactName ?? '').trim() || input.client.name;
  return (
    `<div class="parties">${partyHtml(input.client)}${partyHtml(input.sender)}</div>` +
    `<p>${dateText(input.date, input.locale, input.language)}</p><h1>${esc(title)}</h1><p>${esc(w.dear(greeting))}</p>`
  );
}

/** The basis of the interest; the protocol also wants to hear when no interest or charges are added. */
function basisHtml(input: FormalLetterInput, protocol: boolean, w: LetterWords): string {
  const basis = interestBasisHtml(input.invoices, input.locale, w);
  return basis === '' && protocol ? '<p>No interest or other charges are being added.</p>' : basis;
}

/**
 * The formal letter to a client: their open invoices with interest and compensation, every
 * follow-up already sent, and the date to pay by; with `preActionProtocol`, the letter of claim the
 * Pre-Action Protocol for Debt Claims asks for (30 days to reply, its enclosures listed).
 */
export function formalLetterHtml(input: FormalLetterInput): string {
  const protocol = input.preActionProtocol === true;
  // The Pre-Action Protocol is a procedure of the courts of England and Wales: its letter is in English.
  const language = protocol ? 'en' : (input.language ?? 'en');
  const w = languageWords(language).letter;
  const replyBy = letterReplyBy(input);
  const owed = totalsByCurrency(
    input.invoices.map((l) => ({ currency: l.currency, amount: l.late.amountClaimed })),
    input.locale,
    language,
  );
  const inLanguage = { ...input, language };
  const body =
    headerHtml(inLanguage, protocol, w) +
    `<p>${w.intro(owed)}</p>` +
    statementTableHtml(input.invoices, input.locale, language) +
    basisHtml(input, protocol, w) +
    `<h2>${esc(w.followUpsHeading)}</h2>` +
    followUpTableHtml(input.followUps, input.locale, language) +
    `<h2>${esc(w.paymentHeading)}</h2><p>${w.payBy(owed, dateText(replyBy, input.locale, language))}</p>` +
    paymentHtml(input, w) +
    (protocol ? protocolHtml(input, replyBy) : '') +
    `<p>${esc(w.closing)}</p><p>${esc(input.sender.name)}</p>`;
  const title = protocol ? 'Letter of claim' : w.documentTitle;
  return printableDocument(`${title} — ${input.client.name}`, body, language);
}
