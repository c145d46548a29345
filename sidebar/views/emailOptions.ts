// The "Which emails go out" card of the Settings tab (docs/escalation.md): one email per client,
// the thank-you when paid, the daily summary, and the days on which nothing is sent. The form hands
// the values as typed to the domain's parseSettings, which says what is wrong and where.
import { isIsoDate } from '../../src/domain/dates';
import type { Settings } from '../../src/domain/types';
import type { ValidationIssue } from '../../src/domain/validation';
import { h } from '../dom';
import { section } from '../ui';
import type { Form } from './form';

type Options = Pick<Settings, 'groupByClient' | 'thankYouWhenPaid' | 'dailySummary' | 'holidays'>;

export interface EmailOptionsCard {
  el: HTMLElement;
  load(settings: Options): void;
  /** The values as typed, for parseSettings (the dates one per line, blank lines left out). */
  read(): Record<keyof Options, unknown>;
  /** The issues of the holidays field, naming the lines that are not dates. */
  explain(issues: readonly ValidationIssue[]): ValidationIssue[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function holidayLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function emailOptionsCard(form: Form): EmailOptionsCard {
  const group = form.checkbox('groupByClient', 'One email per client');
  const thanks = form.checkbox('thankYouWhenPaid', 'Thank-you when paid');
  const summary = form.checkbox('dailySummary', 'Daily summary to me');
  const holidays = h('textarea', { rows: 4, spellcheck: 'false', placeholder: '2026-12-25\n2026-12-26' });
  const hint = (text: string): HTMLElement => h('p', { class: 'hint' }, text);
  const el = section(
    'Which emails go out',
    group.row,
    hint(
      'A client with several invoices due the same day gets one email listing them, at most one a day and the days between follow-ups apart.',
    ),
    thanks.row,
    hint('One short email when an invoice you followed up is paid (only invoices paid after you turn this on).'),
    summary.row,
    hint('After a daily run that sent something or found something needing you: one email to your own address.'),
    form.field(
      'holidays',
      'Days without follow-ups',
      holidays,
      'One date per line, like 2026-12-25. A follow-up due on one goes out on the next sending day.',
    ),
  );
  return {
    el,
    load(s) {
      group.box.checked = s.groupByClient;
      thanks.box.checked = s.thankYouWhenPaid;
      summary.box.checked = s.dailySummary;
      holidays.value = s.holidays.join('\n');
    },
    read: () => ({
      groupByClient: group.box.checked,
      thankYouWhenPaid: thanks.box.checked,
      dailySummary: summary.box.checked,
      holidays: holidayLines(holidays.value),
    }),
    explain(issues) {
      const bad = holidayLines(holidays.value).filter((d) => !DATE.test(d) || !isIsoDate(d));
      const which = bad.length > 0 ? ` Not a date: ${bad.slice(0, 3).join(', ')}${bad.length > 3 ? '…' : ''}.` : '';
      return issues.map((i) => (i.field === 'holidays' ? { ...i, message: `${i.message}${which}` } : i));
    },
  };
}
