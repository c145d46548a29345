// Overview (the first tab): counts by status, what goes out today, the total overdue per currency,
// the last run, recent failures and warnings. Refresh asks the server again.
import { call } from '../api';
import { fill, h } from '../dom';
import type { Store } from '../state';
import { announce, busy, errorText, formatDate, formatInstant, section } from '../ui';
import { stageName } from './disputes';

/** The order a user reads statuses in: from what needs action to what is done. */
const STATUS_ORDER = [
  'Decide next step',
  'Needs review',
  'Call client',
  'Final notice',
  'Overdue',
  'Due today',
  'Not due',
  'Disputed',
  'Paused',
  'Paid',
  'Error',
];
const statusRank = (status: string): number => {
  const i = STATUS_ORDER.indexOf(status);
  return i === -1 ? STATUS_ORDER.length : i;
};

export function overviewView(store: Store): { el: HTMLElement } {
  const el = h('div', { class: 'view' });
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

  function render(): void {
    const d = store.data;
    const o = d.overview;
    fill(
      el,
      d.warnings.length > 0
        ? h(
            'div',
            { class: 'notice warn', role: 'note' },
            h('strong', null, 'Please check'),
            h(
              'ul',
              null,
              d.warnings.map((w) => h('li', null, w)),
            ),
          )
        : null,
      store.overviewStale ? h('p', { class: 'notice' }, 'Something changed since this overview was read: click Refresh.') : null,
      h(
        'div',
        { class: 'row-between' },
        h('p', { class: 'today' }, d.today ? `Today: ${formatDate(d.today, d.locale)}` : ''),
        refresh,
      ),
      section(
        'Going out today',
        o.dueToday.length === 0
          ? h(
              'p',
              { class: 'hint' },
              d.dailyOn ? 'Nothing is due today.' : 'Nothing is due today. (Daily follow-ups are off: see Settings.)',
            )
          : [
              h(
                'p',
                { class: 'hint' },
                d.dailyOn
                  ? `At the daily run around ${String(d.settings.sendHour).padStart(2, '0')}:00 (${d.timeZone}).`
                  : 'Daily follow-ups are off: use Run follow-ups in the menu to send these.',
              ),
              h(
                'ul',
                { class: 'plain list' },
                o.dueToday.map((x) =>
                  h(
                    'li',
                    null,
                    h('strong', null, x.invoice),
                    ` · ${x.client}`,
                    h('div', { class: 'hint' }, `${stageName(x.stage)} → ${x.to.join(', ')}`),
                  ),
                ),
              ),
            ],
      ),
      section(
        'Overdue',
        o.overdueTotals.length === 0
          ? h('p', { class: 'hint' }, 'Nothing is overdue.')
          : h(
              'ul',
              { class: 'plain totals' },
              o.overdueTotals.map((t) => h('li', null, h('strong', null, t.text), ` (${t.currency})`)),
            ),
      ),
      section(
        'Invoices by status',
        o.counts.length === 0
          ? h('p', { class: 'hint' }, 'No invoices found.')
          : h(
              'table',
              { class: 'counts' },
              h(
                'tbody',
                null,
                [...o.counts]
                  .sort((a, b) => statusRank(a.status) - statusRank(b.status))
                  .map((c) => h('tr', null, h('th', { scope: 'row' }, c.status), h('td', null, String(c.count)))),
              ),
            ),
      ),
      section(
        'Last run',
        o.lastRun
          ? [
              h('p', null, formatInstant(o.lastRun.at, d.locale, d.timeZone)),
              h('p', null, o.lastRun.summary),
              o.lastRun.stopped ? h('p', { class: 'error-text' }, `Stopped: ${o.lastRun.stopped}`) : null,
            ]
          : h('p', { class: 'hint' }, 'No run yet.'),
      ),
      section(
        'Recent failures',
        o.failures.length === 0
          ? h('p', { class: 'hint' }, 'None in the last 7 days.')
          : h(
              'ul',
              { class: 'plain list' },
              o.failures.map((f) =>
                h(
                  'li',
                  null,
                  h('strong', null, f.invoice),
                  ` · ${stageName(f.stage)} · ${formatDate(f.date, d.locale)}`,
                  h('div', { class: 'error-text' }, f.result),
                ),
              ),
            ),
      ),
    );
  }

  store.on('overview', render);
  store.on('settings', render);
  render();
  return { el };
}
