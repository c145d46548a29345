// The formal letter: a complete, printable HTML document (A4, inline CSS, nothing fetched) that
// Apps Script turns into the PDF attached to the formal notice (docs/late-payment.md, "The formal
// letter"). Every value that comes from the sheet or the settings is HTML-escaped.
import { addDays, formatDateForEmail, isIsoDate, maxDate } from './dates';
import type { LateInterest } from './interest';
import { formatMoney, sumMoney } from './money';
import { stageLabel } from './settings';
import { escapeHtml } from './templates';
import { STAGE_IDS, type IsoDate, type StageId } from './types';

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
  locale: string;
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

export function dateText(d: IsoDate | null, locale: string): string {
  return d !== null && isIsoDate(d) ? esc(formatDateForEmail(d, locale)) : '—';
}

export function moneyText(amount: number, currency: string, locale: string): string {
  return esc(formatMoney(amount, currency, locale));
}

function stageText(stage: string): string {
  return (STAGE_IDS as readonly string[]).includes(stage) ? stageLabel(stage as StageId) : stage;
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
export function printableDocument(title: string, body: string): string {
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    `<title>${esc(title)}</title><style>${CSS}</style></head><body>${body}</body></html>`
  );
}

export function partyHtml(party: LetterParty): string {
  const lines = [party.name, ...(party.addressLines ?? []), party.email ?? ''].filter((l) => l.trim() !== '');
  return `<div class="party">${lines.map((l, i) => (i === 0 ? `<strong>${esc(l)}</strong>` : esc(l))).join('<br>')}</div>`;
}

/** Sums by currency ('£1,077.48 and €1,045.52'): invoices in several currencies are never added together. */
function totalsByCurrency(lines: { currency: string; amount: number }[], locale: string): string {
  const byCurrency = new Map<string, number[]>();
  for (const l of lines) byCurrency.set(l.currency, [...(byCurrency.get(l.currency) ?? []), l.amount]);
  return [...byCurrency].map(([currency, amounts]) => moneyText(sumMoney(amounts, currency), currency, locale)).join(' and ');
}

export function followUpTableHtml(followUps: SentFollowUp[], locale: string): string {
  if (followUps.length === 0) return '<p>No earlier follow-ups are on record.</p>';
  const rows = [...followUps]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map(
      (f) =>
        `<tr><td class="nowrap">${dateText(f.date, locale)}</td><td class="nowrap">${esc(f.invoice)}</td><td>${esc(stageText(f.stage))}</td>` +
        `<td>${esc(f.recipients)}</td><td>${esc(f.subject)}</td></tr>`,
    );
  return (
    '<table><thead><tr><th>Date</th><th>Invoice</th><th>Follow-up</th><th>Sent to</th><th>Subject</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

// ---------------------------------------------------------------------------------------------
// The statement of account

function statementRow(line: StatementLine, locale: string): string {
  const m = (n: number): string => moneyText(n, line.currency, locale);
  const row =
    `<tr><td class="nowrap">${esc(line.invoice)}</td><td class="nowrap">${dateText(line.issueDate, locale)}</td>` +
    `<td class="nowrap">${dateText(line.dueDate, locale)}</td>` +
    `<td class="num">${line.late.days}</td><td class="num">${m(line.balance)}</td><td class="num">${m(line.late.interest)}</td>` +
    `<td class="num">${m(line.late.compensation)}</td><td class="num">${m(line.late.amountClaimed)}</td></tr>`;
  const why = line.late.notApplied;
  const skip = why === undefined || why.code === 'off' || why.code === 'not-late';
  return skip ? row : `${row}<tr class="note"><td colspan="8">${esc(why.message)}</td></tr>`;
}

function statementTableHtml(lines: StatementLine[], locale: string): string {
  const head =
    '<thead><tr><th>Invoice</th><th>Issued</th><th>Due</th><th class="num">Days late</th><th class="num">Balance</th>' +
    '<th class="num">Interest</th><th class="num">Compensation</th><th class="num">Amount claimed</th></tr></thead>';
  const sum = (pick: (l: StatementLine) => number): string =>
    totalsByCurrency(
      lines.map((l) => ({ currency: l.currency, amount: pick(l) })),
      locale,
    );
  const total =
    `<tr class="total"><td colspan="4">Total</td><td class="num">${sum((l) => l.balance)}</td>` +
    `<td class="num">${sum((l) => l.late.interest)}</td><td class="num">${sum((l) => l.late.compensation)}</td>` +
    `<td class="num">${sum((l) => l.late.amountClaimed)}</td></tr>`;
  return `<table>${head}<tbody>${lines.map((l) => statementRow(l, locale)).join('')}${total}</tbody></table>`;
}

function percent(n: number): string {
  return `${Number(n.toFixed(3))}%`;
}

/** One sentence per regime in use, saying on what basis interest and compensation are claimed. */
function interestBasisHtml(lines: StatementLine[], locale: string): string {
  const applied = lines.filter((l) => l.late.notApplied === undefined);
  const regimes = new Set(applied.map((l) => l.late.regime));
  const rates = (r: string): string =>
    [
      ...new Set(applied.filter((l) => l.late.regime === r).flatMap((l) => l.late.segments.map((s) => percent(s.ratePercent)))),
    ].join(', ');
  const parts: string[] = [];
  if (regimes.has('uk')) {
    parts.push(
      `Statutory interest under the Late Payment of Commercial Debts (Interest) Act 1998, at 8% a year over the Bank of England base rate (${esc(rates('uk'))} a year), and the fixed sum the Act allows for each invoice.`,
    );
  }
  if (regimes.has('eu')) {
    parts.push(
      `Interest for late payment at the reference rate plus the statutory margin (${esc(rates('eu'))} a year), under Directive 2011/7/EU as implemented in national law, and the fixed compensation of ${moneyText(40, 'EUR', locale)} for each invoice in euro.`,
    );
  }
  if (regimes.has('custom'))
    parts.push(`Interest at ${esc(rates('custom'))} a year and the fixed fee per invoice set out in our terms.`);
  if (parts.length === 0) return '';
  const counted = 'Interest is simple interest for each day from the day after the due date, on a 365-day year.';
  return `<p>${parts.join(' ')} ${counted} It continues to run until payment.</p>`;
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

function paymentHtml(input: FormalLetterInput): string {
  const lines = (input.paymentLines ?? []).filter((l) => l.trim() !== '').map(esc);
  const link = (input.paymentLink ?? '').trim();
  if (link !== '') lines.push(`Pay online: ${esc(link)}`);
  return lines.length > 0 ? `<p><strong>How to pay</strong><br>${lines.join('<br>')}</p>` : '';
}

function headerHtml(input: FormalLetterInput, protocol: boolean): string {
  const title = protocol ? 'Letter of claim: unpaid invoices' : 'Formal notice: unpaid invoices';
  const greeting = (input.contactName ?? '').trim() || input.client.name;
  return (
    `<div class="parties">${partyHtml(input.client)}${partyHtml(input.sender)}</div>` +
    `<p>${dateText(input.date, input.locale)}</p><h1>${esc(title)}</h1><p>Dear ${esc(greeting)},</p>`
  );
}

/** The basis of the interest; the protocol also wants to hear when no interest or charges are added. */
function basisHtml(input: FormalLetterInput, protocol: boolean): string {
  const basis = interestBasisHtml(input.invoices, input.locale);
  return basis === '' && protocol ? '<p>No interest or other charges are being added.</p>' : basis;
}

/**
 * The formal letter to a client: their open invoices with interest and compensation, every
 * follow-up already sent, and the date to pay by; with `preActionProtocol`, the letter of claim the
 * Pre-Action Protocol for Debt Claims asks for (30 days to reply, its enclosures listed).
 */
export function formalLetterHtml(input: FormalLetterInput): string {
  const protocol = input.preActionProtocol === true;
  const replyBy = letterReplyBy(input);
  const owed = totalsByCurrency(
    input.invoices.map((l) => ({ currency: l.currency, amount: l.late.amountClaimed })),
    input.locale,
  );
  const body =
    headerHtml(input, protocol) +
    `<p>Our records show that the invoices below are unpaid. As of the date of this letter the amount due is ${owed}.</p>` +
    statementTableHtml(input.invoices, input.locale) +
    basisHtml(input, protocol) +
    '<h2>Our earlier follow-ups</h2>' +
    followUpTableHtml(input.followUps, input.locale) +
    `<h2>Payment</h2><p>Please pay ${owed} by ${dateText(replyBy, input.locale)}. If it is not paid by then, we will consider other options, which may include a claim in court.</p>` +
    paymentHtml(input) +
    (protocol ? protocolHtml(input, replyBy) : '') +
    `<p>Yours sincerely,</p><p>${esc(input.sender.name)}</p>`;
  return printableDocument(`${protocol ? 'Letter of claim' : 'Formal notice'} — ${input.client.name}`, body);
}
