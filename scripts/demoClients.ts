// The demo's last part (README "The day-14 call" and "Learning from every client"): the calls the
// daily summaries listed, on their days, then the client table and the aging of unpaid balances as
// a text chart, from getClientReport() of the built add-on over the sheet as the month left it.
import * as fs from 'node:fs';
import { createRuntime, csvToCells, instantFromWall, loadAddon } from '../local';
import type { DemoResult } from './demoLib';

interface Report {
  asOf: string;
  aging: Array<{ currency: string; current: number; days1to30: number; days31to60: number; days61to90: number; over90: number }>;
  clients: Array<{
    client: string;
    invoices: number;
    paidInvoices: number;
    averageDaysLate: number | null;
    onTimePercent: number | null;
    longestDaysLate: number;
    disputes: number;
    overdue: Array<{ currency: string; amount: number }>;
    advice: Array<{ code: string; text: string }>;
  }>;
}

const BUCKETS = [
  ['current', 'Not yet due'],
  ['days1to30', '1–30 days'],
  ['days31to60', '31–60 days'],
  ['days61to90', '61–90 days'],
  ['over90', 'Over 90 days'],
] as const;
const BAR_WIDTH = 30;

/** The "Calls to make" lines of each day's summary email. */
export function callsOnTheirDays(result: DemoResult): string[] {
  const out: string[] = [];
  for (const e of result.emails) {
    if (e.invoices.length > 0 || !e.to.includes(result.userEmail)) continue;
    const lines = e.text.split('\n');
    const start = lines.indexOf('Calls to make');
    if (start < 0) continue;
    for (const line of lines.slice(start + 1)) {
      if (line.trim() === '') break;
      if (line.startsWith('- Call ')) out.push(`${e.date}  ${line.slice(2)}`);
      else if (!line.startsWith('-   •')) out.push(`            ${line.slice(2)}`);
    }
  }
  return out;
}

/** The report of the built add-on over the sheet as the month left it (the add-on's own columns left out). */
export function clientReportAtEnd(result: DemoResult): Report {
  const { options } = result;
  const width = (csvToCells(fs.readFileSync(options.sheet, 'utf8'))[0] ?? []).length;
  const cells = csvToCells(fs.readFileSync(result.files.invoicesCsv, 'utf8')).map((r) => r.slice(0, width));
  const last = result.days[result.days.length - 1]?.date ?? options.from;
  const [year, month, day] = last.split('-').map(Number) as [number, number, number];
  const runtime = createRuntime({
    timeZone: options.tz,
    locale: options.locale,
    now: new Date(instantFromWall({ year, month, day, hour: 18, minute: 0 }, options.tz)).toISOString(),
  });
  runtime.addSheet('Invoices', cells);
  const log = fs.readFileSync(result.files.logCsv, 'utf8');
  if (log.trim() !== '') runtime.addSheet('Follow-up Log', csvToCells(log));
  runtime.properties.document(runtime.spreadsheets.active()!.id).set('settings', JSON.stringify(options.settings));
  return loadAddon({ runtime, distDir: options.distDir }).callAsScriptRun('getClientReport') as unknown as Report;
}

function money(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale.replace('_', '-'), { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

const pad = (s: string, n: number): string => (s.length >= n ? s.slice(0, n) : s + ' '.repeat(n - s.length));

function clientTable(report: Report, locale: string): string[] {
  const head = `${pad('Client', 24)} ${pad('Invoices', 8)} ${pad('Paid', 5)} ${pad('Avg late', 8)} ${pad('On time', 7)} ${pad('Longest', 7)} ${pad('Disputes', 8)} Overdue`;
  const rows = report.clients.flatMap((c) => [
    `${pad(c.client, 24)} ${pad(String(c.invoices), 8)} ${pad(String(c.paidInvoices), 5)} ${pad(c.averageDaysLate === null ? '—' : String(c.averageDaysLate), 8)} ${pad(c.onTimePercent === null ? '—' : `${c.onTimePercent}%`, 7)} ${pad(String(c.longestDaysLate), 7)} ${pad(String(c.disputes), 8)} ${c.overdue.map((o) => money(o.amount, o.currency, locale)).join(', ') || '—'}`,
    ...c.advice.map((a) => `    → [${a.code}] ${a.text}`),
  ]);
  return [head, ...rows];
}

function agingChart(report: Report, locale: string): string[] {
  return report.aging.flatMap((row) => {
    const max = Math.max(...BUCKETS.map(([k]) => row[k]), 0);
    return [
      `${row.currency}`,
      ...BUCKETS.map(([k, label]) => {
        const bar = max > 0 ? '█'.repeat(Math.round((row[k] / max) * BAR_WIDTH)) : '';
        return `  ${pad(label, 13)} ${pad(bar, BAR_WIDTH)} ${money(row[k], row.currency, locale)}`;
      }),
    ];
  });
}

/** The demo's closing sections as text. */
export function formatClients(result: DemoResult): string {
  const calls = callsOnTheirDays(result);
  const report = clientReportAtEnd(result);
  const locale = result.options.locale;
  return [
    '',
    'Calls to make (listed in the daily summary on the day each became due)',
    ...(calls.length > 0 ? calls.map((l) => `  ${l}`) : ['  none']),
    '',
    `Clients on ${report.asOf}`,
    ...clientTable(report, locale).map((l) => `  ${l}`),
    '',
    'Aging of unpaid balances',
    ...(report.aging.length > 0 ? agingChart(report, locale).map((l) => `  ${l}`) : ['  nothing unpaid']),
    '',
  ].join('\n');
}
