// "Client promised to pay by …" for the invoice on the selected row (docs/escalation.md, "Promises"):
// record a date (kept in the add-on's own records, never in a cell), withdraw it, or see the one the
// Promised Date column gives. No follow-ups go out until the day after the promise.
import { issue, type ValidationIssue } from '../../src/domain/validation';
import { call } from '../api';
import { h } from '../dom';
import type { InvoiceView, Store } from '../state';
import { announce, busy, errorText, formatDate, section } from '../ui';
import { createForm, type Form } from './form';

type PromiseView = NonNullable<InvoiceView['promise']>;

/** What a change answers: the invoice as it is now, shown in place of the old one. */
function showInvoice(store: Store, inv: InvoiceView, fresh: InvoiceView | null | undefined): void {
  store.setSelected(fresh ?? null, fresh ? null : `${inv.invoice} is no longer on the sheet.`);
  store.markStale();
}

function checkDate(date: string, today: string): ValidationIssue[] {
  if (date === '') return [issue('promisedDate', 'required', 'Choose the date the client promised to pay by.')];
  if (today !== '' && date < today) return [issue('promisedDate', 'out-of-range', 'The promised date cannot be in the past.')];
  return [];
}

function record(store: Store, inv: InvoiceView, form: Form, input: HTMLInputElement, button: HTMLButtonElement): void {
  const date = input.value;
  const found = checkDate(date, store.data.today);
  form.showIssues(found, 'Not recorded:');
  if (found.length > 0) return void input.focus();
  void busy(button, 'Recording…', async () => {
    try {
      const result = await call('recordPromise', inv.invoice, date);
      if (!result.ok) {
        if (result.issues) form.showIssues(result.issues, 'Not recorded:');
        else form.showWords(result.problems, 'Not recorded:');
        return announce(`Not recorded: ${result.problems.join(' ')}`, 'error');
      }
      showInvoice(store, inv, result.invoice);
      const when = formatDate(date, store.data.locale);
      announce(`Recorded: ${inv.invoice} is promised by ${when}. No follow-ups go out for it until then.`);
    } catch (error) {
      announce(errorText('Recording the promise', error), 'error');
    }
  });
}

function withdraw(store: Store, inv: InvoiceView, button: HTMLButtonElement): void {
  void busy(button, 'Withdrawing…', async () => {
    try {
      const result = await call('withdrawPromise', inv.invoice);
      if (!result.ok) return announce(`Not withdrawn: ${result.problems.join(' ')}`, 'error');
      showInvoice(store, inv, result.invoice);
      announce(`Promise withdrawn: follow-ups for ${inv.invoice} go on as scheduled.`);
    } catch (error) {
      announce(errorText('Withdrawing the promise', error), 'error');
    }
  });
}

/** The promise in force: its date, where it comes from, whether it was missed, and Withdraw for the add-on's own. */
function promiseInForce(store: Store, inv: InvoiceView, p: PromiseView): HTMLElement {
  const when = formatDate(p.date, store.data.locale);
  const missed = p.missed
    ? h(
        'p',
        { class: 'error-text', 'data-testid': 'promise-missed' },
        `Missed: ${when} passed without payment. One “promise missed” email goes out, then follow-ups resume.`,
      )
    : h('p', { class: 'hint' }, `No follow-ups go out for this invoice until ${when} has passed.`);
  if (p.source === 'column') {
    return section(
      'Promise to pay',
      h('p', null, h('strong', null, `Client promised to pay by ${when}`), ' (from your Promised Date column).'),
      missed,
      h('p', { class: 'hint' }, 'Change or clear it in the sheet.'),
    );
  }
  const button = h('button', { type: 'button', class: 'secondary' }, 'Withdraw');
  button.addEventListener('click', () => withdraw(store, inv, button));
  return section(
    'Promise to pay',
    h('p', null, h('strong', null, `Client promised to pay by ${when}`), ' (recorded here).'),
    missed,
    h('div', { class: 'actions' }, button),
  );
}

/** "Client promised to pay by …": a date and a button. */
function recordPromiseCard(store: Store, inv: InvoiceView): HTMLElement {
  const form = createForm();
  const input = h('input', { type: 'date', min: store.data.today || null });
  const button = h('button', { type: 'button', class: 'primary' }, 'Record promise');
  button.addEventListener('click', () => record(store, inv, form, input, button));
  return section(
    'Promise to pay',
    form.field(
      'promisedDate',
      'Client promised to pay by',
      input,
      'No follow-ups go out until then. If the date passes unpaid, one “promise missed” email goes out, then follow-ups resume.',
    ),
    form.summary,
    h('div', { class: 'actions' }, button),
  );
}

/** The promise card of an unpaid invoice. */
export function promiseCard(store: Store, inv: InvoiceView): HTMLElement {
  return inv.promise ? promiseInForce(store, inv, inv.promise) : recordPromiseCard(store, inv);
}
