// A due date that looks like a typo (docs/own-sheet.md): the selected invoice's card says why it is
// held and offers "The year looks wrong — it is right", which confirms the date as it is (kept in the
// add-on's own records, never in a cell). Correcting the cell needs no button: the next run reads it.
import { call } from '../api';
import { h } from '../dom';
import type { InvoiceView, Store } from '../state';
import { announce, ask, busy, errorText, formatDate } from '../ui';

function confirm(store: Store, inv: InvoiceView, button: HTMLButtonElement): void {
  const when = formatDate(inv.dueDate, store.data.locale);
  const detail =
    'Follow-ups then go out as for any invoice due that day: only the latest step that is due is sent, and any ' +
    'late-payment interest is counted from that date. To correct the year instead, change the cell in the sheet.';
  void ask(`Chase ${inv.invoice} as due on ${when}?`, 'Yes, the date is right', 'Cancel', detail).then((go) => {
    if (!go) return;
    void busy(button, 'Confirming…', async () => {
      try {
        const result = await call('confirmDueDate', inv.invoice);
        if (!result.ok) return announce(`Not confirmed: ${result.problems.join(' ')}`, 'error');
        store.setSelected(result.invoice ?? null, result.invoice ? null : `${inv.invoice} is no longer on the sheet.`);
        store.markStale();
        announce(`Due date confirmed: ${inv.invoice} is chased as due on ${when}.`);
      } catch (error) {
        announce(errorText('Confirming the due date', error), 'error');
      }
    });
  });
}

/** The button that settles a due date in doubt (the Status above says why); null when it is not in doubt. */
export function dueDateCheck(store: Store, inv: InvoiceView): HTMLElement | null {
  if (!inv.dueDateDoubt) return null;
  const button = h('button', { type: 'button', class: 'secondary' }, 'The year looks wrong — it is right');
  button.addEventListener('click', () => confirm(store, inv, button));
  return h(
    'div',
    { class: 'due-date-check', 'data-testid': 'due-date-check' },
    h(
      'p',
      { class: 'hint' },
      'Nothing is sent for this invoice until you correct its due date in the sheet, or confirm it here.',
    ),
    h('div', { class: 'actions' }, button),
  );
}
