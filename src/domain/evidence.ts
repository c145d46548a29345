// The evidence pack for one invoice at "decide next step": a printable HTML record of the invoice,
// every follow-up, the dispute notes and promises, the amounts claimed and the small-claims limits
// to check (docs/late-payment.md, "The evidence pack"). Every value from the sheet is escaped.
import type { LateInterest } from './interest';
import {
  dateText,
  esc,
  followUpTableHtml,
  moneyText,
  partyHtml,
  printableDocument,
  type LetterParty,
  type SentFollowUp,
} from './letter';
import { smallClaimsFit, type SmallClaimsLimit } from './smallClaims';
import type { IsoDate } from './types';

export interface EvidenceInvoice {
  invoice: string;
  issueDate: IsoDate | null;
  dueDate: IsoDate;
  amount: number;
  amountPaid: number;
  balance: number;
  currency: string;
  contactName: string;
  emails: string[];
  billingEmails: string[];
  paymentLink: string;
}

export interface EvidenceDisputeNote {
  date: IsoDate | null;
  event: string;
  note: string;
}

export interface EvidencePromise {
  /** When the promise was recorded. */
  recorded: IsoDate | null;
  promisedDate: IsoDate;
  note: string;
}

export interface EvidencePackInput {
  generatedOn: IsoDate;
  locale: string;
  sender: LetterParty;
  client: LetterParty;
  invoice: EvidenceInvoice;
  late: LateInterest;
  followUps: SentFollowUp[];
  disputeNotes: EvidenceDisputeNote[];
  promises: EvidencePromise[];
  /** The small-claims table (the defaults or the user's edited copy). */
  smallClaims: readonly SmallClaimsLimit[];
  /** The row of the court the user expects to use, shown first. */
  jurisdictionId?: string;
}

function definitionRows(rows: [string, string][]): string {
  return `<table class="facts"><tbody>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>`;
}

function invoiceHtml(input: EvidencePackInput): string {
  const inv = input.invoice;
  const m = (n: number): string => moneyText(n, inv.currency, input.locale);
  return (
    '<h2>The invoice</h2>' +
    definitionRows([
      ['Invoice', esc(inv.invoice)],
      ['Issued', dateText(inv.issueDate, input.locale)],
      ['Due', dateText(inv.dueDate, input.locale)],
      ['Days late', String(input.late.days)],
      ['Amount', m(inv.amount)],
      ['Paid', m(inv.amountPaid)],
      ['Balance', m(inv.balance)],
      ['Contact', esc(inv.contactName) || '—'],
      ['Emails', esc(inv.emails.join(', ')) || '—'],
      ['Billing contact', esc(inv.billingEmails.join(', ')) || '—'],
      ['Payment link', esc(inv.paymentLink) || '—'],
    ])
  );
}

function claimHtml(input: EvidencePackInput): string {
  const late = input.late;
  const m = (n: number): string => moneyText(n, late.currency, input.locale);
  const totals = definitionRows([
    ['Balance', m(late.balance)],
    ['Interest', m(late.interest)],
    ['Compensation', m(late.compensation)],
    ['Amount claimed', `<strong>${m(late.amountClaimed)}</strong>`],
  ]);
  const segments = late.segments.map(
    (s) =>
      `<tr><td>${dateText(s.from, input.locale)}</td><td>${dateText(s.to, input.locale)}</td><td class="num">${s.days}</td>` +
      `<td class="num">${esc(`${Number(s.ratePercent.toFixed(3))}%`)}</td><td class="num">${m(s.interest)}</td></tr>`,
  );
  const segmentTable =
    segments.length === 0
      ? ''
      : '<table><thead><tr><th>From</th><th>To</th><th class="num">Days</th><th class="num">Rate a year</th><th class="num">Interest</th></tr></thead>' +
        `<tbody>${segments.join('')}</tbody></table>`;
  const notes = [late.notApplied?.message ?? '', ...late.warnings.map((w) => w.message)].filter((n) => n !== '');
  const noteList = notes.length === 0 ? '' : `<ul>${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`;
  return `<h2>Amounts claimed on ${dateText(input.generatedOn, input.locale)}</h2>${totals}${segmentTable}${noteList}`;
}

function disputeHtml(notes: EvidenceDisputeNote[], locale: string): string {
  if (notes.length === 0) return '<h2>Dispute notes</h2><p>No dispute notes are on record.</p>';
  const rows = notes.map((n) => `<tr><td>${dateText(n.date, locale)}</td><td>${esc(n.event)}</td><td>${esc(n.note)}</td></tr>`);
  return `<h2>Dispute notes</h2><table><thead><tr><th>Date</th><th>Event</th><th>Note</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function promisesHtml(promises: EvidencePromise[], locale: string): string {
  if (promises.length === 0) return '<h2>Promises to pay</h2><p>No promises to pay are on record.</p>';
  const rows = promises.map(
    (p) => `<tr><td>${dateText(p.recorded, locale)}</td><td>${dateText(p.promisedDate, locale)}</td><td>${esc(p.note)}</td></tr>`,
  );
  return (
    '<h2>Promises to pay</h2><table><thead><tr><th>Recorded</th><th>Promised to pay by</th><th>Note</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

const FIT_WORDS = { within: 'Within the limit', over: 'Over the limit', 'other-currency': 'Another currency' } as const;

function smallClaimsHtml(input: EvidencePackInput): string {
  const chosen = input.smallClaims.filter((r) => r.id === input.jurisdictionId);
  const rows = [...chosen, ...input.smallClaims.filter((r) => r.id !== input.jurisdictionId)].map(
    (r) =>
      `<tr><td>${esc(r.jurisdiction)}</td><td>${esc(r.court)}</td><td class="num">${moneyText(r.limit, r.currency, input.locale)}</td>` +
      `<td>${FIT_WORDS[smallClaimsFit(input.late.amountClaimed, input.late.currency, r)]}</td><td>${esc(r.note)}</td>` +
      `<td>${esc(r.source)}</td><td class="nowrap">${esc(r.asOf)}</td></tr>`,
  );
  return (
    '<h2>Small-claims limits to check</h2>' +
    `<p>The amount claimed, ${moneyText(input.late.amountClaimed, input.late.currency, input.locale)}, against public limits as they stood on the date shown. ` +
    '<strong>Check your court’s current limit before filing</strong>: limits change, and some courts count interest or costs differently.</p>' +
    '<table class="small"><thead><tr><th>Place</th><th>Court</th><th class="num">Limit</th><th>This claim</th><th>Notes</th><th>Source</th><th>As of</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

/**
 * The evidence pack for one invoice: the invoice, the timeline of follow-ups (date, stage,
 * recipients, subject), dispute notes, promises to pay, the amounts claimed with how they were
 * worked out, and the small-claims limits to check.
 */
export function evidencePackHtml(input: EvidencePackInput): string {
  const body =
    `<h1>Evidence pack: invoice ${esc(input.invoice.invoice)}</h1>` +
    `<p class="muted">Prepared by ${esc(input.sender.name)} on ${dateText(input.generatedOn, input.locale)}. A record of the facts, not legal advice.</p>` +
    `<div class="parties">${partyHtml(input.client)}${partyHtml(input.sender)}</div>` +
    invoiceHtml(input) +
    claimHtml(input) +
    '<h2>Follow-ups sent</h2>' +
    followUpTableHtml(input.followUps, input.locale) +
    promisesHtml(input.promises, input.locale) +
    disputeHtml(input.disputeNotes, input.locale) +
    smallClaimsHtml(input);
  return printableDocument(`Evidence pack — invoice ${input.invoice.invoice} — ${input.client.name}`, body);
}
