// What every client's payments teach (README "Learning from every client"): each client's paid
// history, what it owes, and the aging of unpaid balances per currency. Pure; money is added in
// integer minor units and given back in major units rounded to the currency's minor unit.
import { adviceFor, type Advice, type ClientFacts } from './advice';
import { daysBetween } from './dates';
import { clientKey } from './group';
import { fromMinorUnits, toMinorUnits } from './money';
import { isPaid } from './stages';
import type { Invoice, IsoDate } from './types';

export interface AgingRow {
  currency: string;
  /** Not yet due, or due today. */
  current: number;
  days1to30: number;
  days31to60: number;
  days61to90: number;
  over90: number;
}

export interface ClientRow {
  client: string;
  invoices: number;
  /** Invoices with a Paid Date (their lateness is known). */
  paidInvoices: number;
  /** Mean days late of the paid invoices, to one decimal; null without paid invoices. */
  averageDaysLate: number | null;
  /** Share of the paid invoices paid by their due date, in whole percent; null without paid invoices. */
  onTimePercent: number | null;
  /** The most days late of any invoice: paid ones at payment, unpaid ones today (0 when none was late). */
  longestDaysLate: number;
  /** Invoices with a dispute (opened in the sidebar or Status Disputed). */
  disputes: number;
  overdue: Array<{ currency: string; amount: number }>;
  advice: Advice[];
}

export interface ClientReport {
  asOf: IsoDate;
  aging: AgingRow[];
  clients: ClientRow[];
}

export interface ReportInput {
  today: IsoDate;
  /** Every invoice row the sheet holds as an invoice (paid ones too). */
  invoices: readonly Invoice[];
  /** Invoice keys with a dispute. */
  disputed: ReadonlySet<string>;
  /** Invoice keys whose formal notice went out. */
  formalNotice: ReadonlySet<string>;
}

type Bucket = Exclude<keyof AgingRow, 'currency'>;
const BUCKETS: readonly Bucket[] = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'];

/** The aging bucket of a balance `late` days past its due date. */
export function agingBucket(late: number): Bucket {
  if (late <= 0) return 'current';
  if (late <= 30) return 'days1to30';
  if (late <= 60) return 'days31to60';
  return late <= 90 ? 'days61to90' : 'over90';
}

/** Days late of a paid invoice: paid date − due date, 0 when on time (null: no paid date to tell). */
export function paidDaysLate(invoice: Invoice): number | null {
  return invoice.paidDate === null ? null : Math.max(0, daysBetween(invoice.dueDate, invoice.paidDate));
}

function isUnpaid(invoice: Invoice): boolean {
  return !isPaid(invoice) && invoice.balance > 0;
}

export function clientReport(input: ReportInput): ClientReport {
  const byClient = new Map<string, Invoice[]>();
  for (const inv of input.invoices) {
    const key = clientKey(inv.client);
    const list = byClient.get(key);
    if (list) list.push(inv);
    else byClient.set(key, [inv]);
  }
  const clients = [...byClient.values()].map((list) => clientRow(list, input));
  clients.sort((a, b) => a.client.localeCompare(b.client));
  return { asOf: input.today, aging: aging(input.invoices, input.today), clients };
}

function aging(invoices: readonly Invoice[], today: IsoDate): AgingRow[] {
  const sums = new Map<string, Record<Bucket, number>>();
  for (const inv of invoices) {
    if (!isUnpaid(inv)) continue;
    const row = sums.get(inv.currency) ?? { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 };
    row[agingBucket(daysBetween(inv.dueDate, today))] += toMinorUnits(inv.balance, inv.currency);
    sums.set(inv.currency, row);
  }
  return [...sums]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, row]) => {
      const out = { currency } as AgingRow;
      for (const b of BUCKETS) out[b] = fromMinorUnits(row[b], currency);
      return out;
    });
}

function clientRow(list: readonly Invoice[], input: ReportInput): ClientRow {
  const paid = list.filter((i) => i.paidDate !== null);
  const lateness = paid.map((i) => paidDaysLate(i) ?? 0);
  const openLate = list.filter(isUnpaid).map((i) => Math.max(0, daysBetween(i.dueDate, input.today)));
  const total = lateness.reduce((a, b) => a + b, 0);
  const overdueMinor = new Map<string, number>();
  for (const i of list)
    if (isUnpaid(i) && daysBetween(i.dueDate, input.today) > 0)
      overdueMinor.set(i.currency, (overdueMinor.get(i.currency) ?? 0) + toMinorUnits(i.balance, i.currency));
  const facts: ClientFacts = {
    client: (list[0] as Invoice).client.trim(),
    invoices: list,
    paidLate: paid.map((i, n) => ({ invoice: i, daysLate: lateness[n] as number })),
    averageDaysLate: paid.length > 0 ? Math.round((total / paid.length) * 10) / 10 : null,
    longestDaysLate: Math.max(0, ...lateness, ...openLate),
    disputed: list.filter((i) => input.disputed.has(i.key)),
    formalNotice: list.filter((i) => input.formalNotice.has(i.key)),
    today: input.today,
  };
  return {
    client: facts.client,
    invoices: list.length,
    paidInvoices: paid.length,
    averageDaysLate: facts.averageDaysLate,
    onTimePercent: paid.length > 0 ? Math.round((100 * lateness.filter((d) => d === 0).length) / paid.length) : null,
    longestDaysLate: facts.longestDaysLate,
    disputes: facts.disputed.length,
    overdue: [...overdueMinor]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, minor]) => ({ currency, amount: fromMinorUnits(minor, currency) })),
    advice: adviceFor(facts),
  };
}
