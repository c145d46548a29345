// Overview (the first tab): counts by status, what goes out today, the total overdue per currency,
// the last run, recent failures and warnings. Refresh asks the server again.
import { call } from '../api';
import { fill, h } from '../dom';
import type { Store } from '../state';
import { announce, busy, errorText, formatDate, formatInstant, section } from '../ui';
import { stageName } from './selection';
import type { OverviewStatusCode } from '../../src/app/sidebarTypes';

/**
 * The order a user reads statuses in: from what needs action to what is done. Keyed by the domain's
 * status codes, so a status added there must be placed here; statuses without a code (Void, Credit note…) go last.
 */
const STATUS_RANK: Record<OverviewStatusCode, number> = {
  decide: 0,
  'needs-review': 1,
  'call-client': 2,
  'final-notice': 3,
  overdue: 4,
  'due-today': 5,
  promised: 6,
  'not-due': 7,
  disputed: 8,
  paused: 9,
  paid: 10,
  error: 11,
};
const statusRank = (code: OverviewStatusCode | null): number =>
  code === null ? Object.keys(STATUS_RANK).length : STATUS_RANK[code];

type Data = Store['data'];
type Overview = Data['overview'];

function warningsNotice(d: Data): HTMLElement | null {
  if (d.warnings.length === 0) return null;
  return h(
    'div',
    { class: 'notice warn', role: 'note' },
    h('strong', null, 'Please check'),
    h(
      'ul',
      null,
      d.warnings.map((w) => h('li', null, w)),
    ),
  );
}

/** A daily run sent nothing for want of permission: say so, with the link that gives it. */
function authorizationNotice(d: Data): HTMLElement | null {
  if (!d.authorization) return null;
  const link = d.authorization.url
    ? h('a', { href: d.authorization.url, target: '_blank', rel: 'noopener' }, 'Give the add-on its permissions again')
    : 'Choose any item of the Invoice Follow-ups menu to give them again.';
  return h(
    'div',
    { class: 'notice warn', role: 'alert' },
    h('strong', null, `The daily run of ${formatInstant(d.authorization.at, d.locale, d.timeZone)} sent nothing`),
    h('p', null, 'The add-on needs your permission again (its permissions changed, or access was withdrawn). '),
    h('p', null, link),
  );
}

function dueTodayCard(d: Data, o: Overview): HTMLElement {
  if (o.dueToday.length === 0) {
    const off = d.dailyOn ? '' : ' (Daily follow-ups are off: see Settings.)';
    return section('Going out today', h('p', { class: 'hint' }, `Nothing is due today.${off}`));
  }
  const when = d.dailyOn
    ? `At the daily run around ${String(d.settings.sendHour).padStart(2, '0')}:00 (${d.timeZone}).`
    : 'Daily follow-ups are off: use Run follow-ups in the menu to send these.';
  const items = o.dueToday.map((x) => {
    const several = x.invoices !== undefined && x.invoices.length > 1 ? x.invoices : null;
    const what = several
      ? `One email listing ${several.length} invoices, as ${stageName(x.stage).toLowerCase()}`
      : stageName(x.stage);
    return h(
      'li',
      null,
      h('strong', null, several ? several.join(', ') : x.invoice),
      ` · ${x.client}`,
      h('div', { class: 'hint' }, `${what} → ${x.to.join(', ')}`),
    );
  });
  return section('Going out today', h('p', { class: 'hint' }, when), h('ul', { class: 'plain list' }, items));
}

function overdueCard(o: Overview): HTMLElement {
  if (o.overdueTotals.length === 0) return section('Overdue', h('p', { class: 'hint' }, 'Nothing is overdue.'));
  const items = o.overdueTotals.map((t) => h('li', null, h('strong', null, t.text), ` (${t.currency})`));
  return section('Overdue', h('ul', { class: 'plain totals' }, items));
}

function countsCard(o: Overview): HTMLElement {
  if (o.counts.length === 0) return section('Invoices by status', h('p', { class: 'hint' }, 'No invoices found.'));
  const rows = [...o.counts]
    .sort((a, b) => statusRank(a.code) - statusRank(b.code))
    .map((c) => h('tr', null, h('th', { scope: 'row' }, c.status), h('td', null, String(c.count))));
  return section('Invoices by status', h('table', { class: 'counts' }, h('tbody', null, rows)));
}

function lastRunCard(d: Data, o: Overview): HTMLElement {
  if (!o.lastRun) return section('Last run', h('p', { class: 'hint' }, 'No run yet.'));
  return section(
    'Last run',
    h('p', null, formatInstant(o.lastRun.at, d.locale, d.timeZone)),
    h('p', null, o.lastRun.summary),
    o.lastRun.stopped ? h('p', { class: 'error-text' }, `Stopped: ${o.lastRun.stopped}`) : null,
  );
}

function failuresCard(d: Data, o: Overview): HTMLElement {
  if (o.failures.length === 0) return section('Recent failures', h('p', { class: 'hint' }, 'None in the last 7 days.'));
  const items = o.failures.map((f) =>
    h(
      'li',
      null,
      h('strong', null, f.invoice),
      ` · ${stageName(f.stage)} · ${formatDate(f.date, d.locale)}`,
      h('div', { class: 'error-text' }, f.result),
    ),
  );
  return section('Recent failures', h('ul', { class: 'plain list' }, items));
}

function refreshButton(store: Store): HTMLButtonElement {
  const refresh = h('button', { type: 'button', class: 'secondary' }, 'Refresh');
  refresh.addEventListener('click', () => {
    void busy(refresh, 'Refreshing…', async () => {
      try {
        store.replaceAll(await call('getSidebarData'));
        announce('Overview refreshed.');
      } catch (error) {
        announce(errorText('Refreshing', error), 'error');
      }
    }).then(() => {
      // Re-rendering moved the button: give the keyboard its place back.
      if (document.activeElement === document.body) refresh.focus();
    });
  });
  return refresh;
}

export function overviewView(store: Store): { el: HTMLElement } {
  const el = h('div', { class: 'view' });
  const refresh = refreshButton(store);
  function render(): void {
    const d = store.data;
    const o = d.overview;
    const stale = 'Something changed since this overview was read: click Refresh.';
    fill(
      el,
      authorizationNotice(d),
      warningsNotice(d),
      store.overviewStale ? h('p', { class: 'notice' }, stale) : null,
      h(
        'div',
        { class: 'row-between' },
        h('p', { class: 'today' }, d.today ? `Today: ${formatDate(d.today, d.locale)}` : ''),
        refresh,
      ),
      dueTodayCard(d, o),
      overdueCard(o),
      countsCard(o),
      lastRunCard(d, o),
      failuresCard(d, o),
    );
  }
  store.on('overview', render);
  store.on('settings', render);
  render();
  return { el };
}
