// The calls to make (README "The day-14 call"): one card per invoice at or past the escalation day,
// with the number as a tel: link, what is owed and what to ask, and a form to record the call.
import { call, type ServerArgs } from '../api';
import { h, uid } from '../dom';
import type { SidebarData, Store } from '../state';
import { announce, busy, errorText, section } from '../ui';

type CallCard = NonNullable<SidebarData['overview']['calls']>[number];
type Outcome = ServerArgs<'recordCall'>[1];

const OUTCOMES: Array<[Outcome, string]> = [
  ['reached', 'Reached them'],
  ['promised', 'They promised to pay'],
  ['disputed', 'They dispute it'],
  ['noAnswer', 'No answer'],
  ['wrongContact', 'Wrong contact'],
];

/** The number as a link to dial, or why there is none. */
function number(card: CallCard): HTMLElement {
  if (card.tel !== null) return h('p', null, 'Call ', h('a', { href: `tel:${card.tel}`, class: 'tel' }, card.phone));
  return h('p', { class: 'hint', 'data-testid': 'no-phone' }, card.noPhone ?? 'No phone number.');
}

/** The form that records what came of the call. */
function recordForm(store: Store, card: CallCard, done: (calls: CallCard[]) => void): HTMLElement {
  const id = uid('call');
  const select = h(
    'select',
    { id: `${id}-outcome` },
    OUTCOMES.map(([v, label]) => h('option', { value: v }, label)),
  );
  const date = h('input', { id: `${id}-date`, type: 'date', min: store.data.today || null });
  const email = h('input', { id: `${id}-email`, type: 'email', autocomplete: 'off' });
  const note = h('textarea', { id: `${id}-note`, rows: 2 });
  const dateRow = h('p', { hidden: true }, h('label', { for: date.id }, 'Promised to pay by'), date);
  const emailRow = h(
    'p',
    { hidden: true },
    h('label', { for: email.id }, 'Who handles payments (their address, copied from now on)'),
    email,
  );
  select.addEventListener('change', () => {
    dateRow.hidden = select.value !== 'promised';
    emailRow.hidden = select.value !== 'wrongContact';
  });
  const button = h('button', { type: 'button', class: 'primary' }, 'Record call');
  button.addEventListener('click', () => {
    void busy(button, 'Recording…', async () => {
      try {
        const details = {
          promisedDate: date.value || undefined,
          note: note.value || undefined,
          contactEmail: email.value || undefined,
        };
        const result = await call('recordCall', card.invoice, select.value as Outcome, details);
        if (!result.ok) return announce(`Not recorded: ${result.problems.join(' ')}`, 'error');
        store.markStale();
        announce(`Call about ${card.invoice} recorded.`);
        done(result.calls ?? []);
      } catch (error) {
        announce(errorText('Recording the call', error), 'error');
      }
    });
  });
  return h(
    'div',
    { class: 'call-form' },
    h('p', null, h('label', { for: select.id }, 'What came of the call'), select),
    dateRow,
    emailRow,
    h('p', null, h('label', { for: note.id }, 'What they said'), note),
    h('div', { class: 'actions' }, button),
  );
}

/** One call card. */
export function callCardView(store: Store, card: CallCard, done: (calls: CallCard[]) => void): HTMLElement {
  const who = card.contact !== '' ? `${card.contact} at ${card.client}` : card.client;
  return h(
    'article',
    { class: 'call-card', 'data-testid': 'call-card', 'aria-label': `Call about invoice ${card.invoice}` },
    h('h3', null, who),
    number(card),
    h('p', null, `Invoice ${card.invoice}: ${card.owed} owed, ${card.daysLate} days late.`),
    h('p', { class: 'hint' }, 'Ask:'),
    h(
      'ul',
      null,
      card.talkingPoints.map((p) => h('li', null, p)),
    ),
    recordForm(store, card, done),
  );
}

/** The "Calls to make" section; it redraws itself from the list a recorded call returns. */
export function callsSection(store: Store): HTMLElement {
  const list = h('div', null);
  const draw = (calls: CallCard[]): void => {
    list.replaceChildren(
      ...(calls.length === 0
        ? [h('p', { class: 'hint' }, 'No calls to make: a call is listed from the escalation day until you record it.')]
        : calls.map((c) => callCardView(store, c, draw))),
    );
  };
  draw(store.data.overview.calls ?? []);
  // A fresh read of the sheet (Refresh) brings the calls of today.
  store.on('overview', () => draw(store.data.overview.calls ?? []));
  return section('Calls to make', list);
}
