// The Clients tab (README "Learning from every client"): the calls to make, the selected row's
// client with its advice, every client's payments, and the aging of unpaid balances per currency
// as an inline SVG chart (role="img", a title) with the same numbers as a table.
import { call, type ServerResult } from '../api';
import { h } from '../dom';
import type { Store } from '../state';
import { errorText, section } from '../ui';
import { callsSection } from './calls';

type Report = ServerResult<'getClientReport'>;
type ClientRow = Report['clients'][number];
type AgingRow = Report['aging'][number];

const BUCKETS: Array<[Exclude<keyof AgingRow, 'currency'>, string]> = [
  ['current', 'Not yet due'],
  ['days1to30', '1–30 days'],
  ['days31to60', '31–60 days'],
  ['days61to90', '61–90 days'],
  ['over90', 'Over 90 days'],
];

function money(amount: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale.replace('_', '-'), { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** One currency's aging as horizontal bars, labelled; the chart's words say every number too. */
function agingChart(row: AgingRow, locale: string): Element {
  const max = Math.max(...BUCKETS.map(([k]) => row[k]), 0);
  const words = BUCKETS.map(([k, label]) => `${label}: ${money(row[k], row.currency, locale)}`).join('; ');
  const label = `Unpaid ${row.currency} balances by days past due. ${words}.`;
  const chart = svg('svg', { role: 'img', 'aria-label': label, viewBox: '0 0 280 150', width: '100%', class: 'aging-chart' });
  chart.appendChild(svg('title', {}, label));
  BUCKETS.forEach(([k, name], i) => {
    const y = 8 + i * 28;
    const width = max > 0 ? Math.max(row[k] > 0 ? 2 : 0, Math.round((row[k] / max) * 150)) : 0;
    chart.appendChild(svg('text', { x: 0, y: y + 14, 'font-size': 11, fill: '#202124' }, name));
    chart.appendChild(svg('rect', { x: 84, y: y + 2, width, height: 16, fill: i === 0 ? '#1a73e8' : '#c5221f' }));
    const amount = svg(
      'text',
      { x: 88 + width, y: y + 14, 'font-size': 11, fill: '#202124' },
      money(row[k], row.currency, locale),
    );
    chart.appendChild(amount);
  });
  return chart;
}

function agingTable(row: AgingRow, locale: string): HTMLElement {
  return h(
    'table',
    { class: 'numbers' },
    h('caption', null, `Unpaid ${row.currency} balances`),
    h(
      'tbody',
      null,
      BUCKETS.map(([k, name]) =>
        h('tr', null, h('th', { scope: 'row' }, name), h('td', null, money(row[k], row.currency, locale))),
      ),
    ),
  );
}

/** The numbers of one client, and its advice. */
function clientCard(c: ClientRow, locale: string): HTMLElement {
  const owed = c.overdue.map((o) => money(o.amount, o.currency, locale)).join(', ') || 'nothing';
  const late = c.averageDaysLate === null ? 'no paid invoices with a paid date yet' : `${c.averageDaysLate} days late on average`;
  return h(
    'article',
    { class: 'client-card', 'data-testid': 'client-card' },
    h('h3', null, c.client),
    h(
      'p',
      null,
      `${c.invoices} invoices, ${c.paidInvoices} paid: ${late}${c.onTimePercent === null ? '' : `, ${c.onTimePercent}% on time`}. Overdue: ${owed}.`,
    ),
    c.advice.length > 0
      ? h(
          'ul',
          { class: 'advice' },
          c.advice.map((a) => h('li', { 'data-code': a.code }, a.text)),
        )
      : h('p', { class: 'hint' }, 'No advice: this client pays as agreed.'),
  );
}

function clientTable(clients: ClientRow[], locale: string): HTMLElement {
  const head = ['Client', 'Invoices', 'Paid', 'Avg days late', 'On time', 'Longest late', 'Disputes', 'Overdue'];
  return h(
    'div',
    { class: 'table-scroll', role: 'region', 'aria-label': 'Clients table', tabindex: 0 },
    h(
      'table',
      { class: 'numbers clients' },
      h('caption', null, 'Clients'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          head.map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        null,
        clients.map((c) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, c.client),
            h('td', null, c.invoices),
            h('td', null, c.paidInvoices),
            h('td', null, c.averageDaysLate ?? '—'),
            h('td', null, c.onTimePercent === null ? '—' : `${c.onTimePercent}%`),
            h('td', null, c.longestDaysLate),
            h('td', null, c.disputes),
            h('td', null, c.overdue.map((o) => money(o.amount, o.currency, locale)).join(', ') || '—'),
          ),
        ),
      ),
    ),
  );
}

function reportView(store: Store, report: Report): HTMLElement[] {
  const locale = store.data.locale;
  const selected = store.selected;
  const mine = selected ? report.clients.find((c) => c.client.toLowerCase() === selected.client.trim().toLowerCase()) : undefined;
  return [
    ...(mine ? [section(`Selected row: ${mine.client}`, clientCard(mine, locale))] : []),
    section(
      'Aging of unpaid balances',
      report.aging.length === 0
        ? h('p', { class: 'hint' }, 'Nothing unpaid.')
        : report.aging.map((row) => h('figure', { class: 'aging' }, agingChart(row, locale), agingTable(row, locale))),
    ),
    section(
      'Clients',
      clientTable(report.clients, locale),
      report.clients.map((c) => clientCard(c, locale)),
    ),
  ];
}

export interface ClientsView {
  el: HTMLElement;
  /** Reads the report (each time the tab opens: payments change in the sheet). */
  load(): void;
}

export function clientsView(store: Store): ClientsView {
  const body = h('div', { 'aria-live': 'polite' }, h('p', { class: 'hint loading' }, 'Loading…'));
  const el = h('div', null, callsSection(store), body);
  const load = (): void => {
    call('getClientReport').then(
      (report) => body.replaceChildren(...reportView(store, report)),
      (error: unknown) => body.replaceChildren(h('p', { class: 'error-text' }, errorText('Reading the clients', error))),
    );
  };
  return { el, load };
}
