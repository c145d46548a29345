// Disputes, for the invoice on the selected row: its state, a promise to pay, open / note / resolve, the history,
// the dispute-opening message to send yourself (Gmail compose or copy — never sent by the add-on),
// sends whose outcome is unknown, and the options when the invoice reaches its final stage.
import { callHistoryLabel } from '../../src/domain/calls';
import type { FollowUpView } from '../../src/app/sidebarTypes';
import { DECISION_STAGE, reachedStatus } from '../../src/domain/stageTable';
import { renderTemplate } from '../../src/domain/templates';
import { call } from '../api';
import { fill, h, uid, type Child } from '../dom';
import type { InvoiceView, Store } from '../state';
import { announce, ask, busy, errorText, facts, formatDate, section } from '../ui';
import { evidenceCard } from './decision';
import { dueDateCheck } from './dueDate';
import { promiseCard } from './promise';
import { invoiceTitle, overdueText, stageName, useSelectedRowButton } from './selection';

const MAX_NOTE = 2000;

/** https://mail.google.com/mail/?view=cm… — a compose window, filled in, that the user sends (or not). */
function gmailComposeUrl(to: readonly string[], subject: string, body: string): string {
  const q = (s: string): string => encodeURIComponent(s);
  return `https://mail.google.com/mail/?view=cm&fs=1&to=${q(to.join(','))}&su=${q(subject)}&body=${q(body)}`;
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // The sidebar's frame may not be allowed the async clipboard: fall back to a selection copy.
  }
  const area = h('textarea', { class: 'offscreen', 'aria-hidden': 'true', tabindex: -1 });
  area.value = text;
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('The browser did not allow copying; select the text in the preview and copy it by hand.');
}

/** 'of $2,400.00' after a partial balance; 'Paid (…)' for a paid row (a row paid by date keeps its full balance text). */
function balanceText(inv: InvoiceView): string {
  if (inv.statusCode === 'paid') return `Paid (${inv.amountText || 'amount unknown'})`;
  if (!inv.balanceText) return '—';
  const of = inv.amountText && inv.amountText !== inv.balanceText ? ` of ${inv.amountText}` : '';
  return `${inv.balanceText}${of}`;
}

function invoiceCard(store: Store, inv: InvoiceView): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-label': 'Selected invoice' },
    h('h2', null, invoiceTitle(inv)),
    facts([
      ['Status', h('span', { class: `status ${inv.error ? 'bad' : ''}` }, inv.status || '—')],
      ['Balance', balanceText(inv)],
      ['Due', formatDate(inv.dueDate, store.data.locale)],
      ['Overdue', overdueText(inv.daysOverdue)],
      ['Email', inv.emails.length > 0 ? inv.emails.join(', ') : '—'],
    ]),
    dueDateCheck(store, inv),
    useSelectedRowButton(store),
  );
}

type DisputeAction = 'open' | 'note' | 'resolve';

/** The note box of the Disputes tab, kept across re-renders so a half-written note survives. */
interface NoteBox {
  id: string;
  area: HTMLTextAreaElement;
}

/** Records a dispute event with the note typed so far; the invoice comes back with its new status. */
function recordDispute(
  store: Store,
  note: NoteBox,
  inv: InvoiceView,
  action: DisputeAction,
  button: HTMLButtonElement,
  words: [string, string],
): void {
  const text = note.area.value.trim();
  if (action !== 'resolve' && text === '') {
    announce(action === 'open' ? 'Write what the client raised as the first note.' : 'Write the note first.', 'error');
    note.area.focus();
    return;
  }
  void busy(button, words[0], async () => {
    try {
      const result = await call('recordDispute', action, inv.invoice, text);
      if (!result.ok) return announce(result.problems.join(' '), 'error');
      note.area.value = '';
      store.setSelected(result.invoice ?? null, result.invoice ? null : `${inv.invoice} is no longer on the sheet.`);
      store.markStale();
      announce(words[1]);
      note.area.focus();
    } catch (error) {
      announce(errorText('Saving the dispute', error), 'error');
    }
  });
}

function openDisputeCard(store: Store, note: NoteBox, inv: InvoiceView): HTMLElement {
  const label = h('label', { for: note.id }, 'First note (what the client raised)');
  const open = h('button', { type: 'button', class: 'primary' }, 'Open dispute');
  const done = `Dispute opened for ${inv.invoice}: the row shows Disputed and no follow-ups go out for it.`;
  open.addEventListener('click', () => recordDispute(store, note, inv, 'open', open, ['Opening…', done]));
  return section(
    'Dispute',
    h('p', null, 'Open a dispute when the client questions the work or the invoice. Follow-ups stop until you resolve it.'),
    h('div', { class: 'field' }, label, note.area),
    h('div', { class: 'actions' }, open),
  );
}

function openedDisputeCard(store: Store, note: NoteBox, inv: InvoiceView): HTMLElement {
  const gap = store.data.settings.minGapDays;
  const days = `${gap} day${gap === 1 ? '' : 's'}`;
  const add = h('button', { type: 'button', class: 'primary' }, 'Add note');
  const resolve = h('button', { type: 'button', class: 'secondary' }, 'Resolve dispute');
  add.addEventListener('click', () => recordDispute(store, note, inv, 'note', add, ['Adding…', 'Note added.']));
  resolve.addEventListener('click', () => {
    const detail = `Follow-ups resume. The next email waits at least ${days} (days between follow-ups).`;
    void ask(`Resolve the dispute on ${inv.invoice}?`, 'Resolve', 'Cancel', detail).then((go) => {
      const done = `Dispute resolved: follow-ups for ${inv.invoice} resume, the next one at least ${gap} days from now.`;
      if (go) recordDispute(store, note, inv, 'resolve', resolve, ['Resolving…', done]);
    });
  });
  return section(
    'Dispute',
    h('p', null, h('strong', null, 'A dispute is open. '), 'No follow-ups go out for this invoice until you resolve it.'),
    h('div', { class: 'field' }, h('label', { for: note.id }, 'Note'), note.area),
    h('div', { class: 'actions' }, add, resolve),
    h(
      'p',
      { class: 'hint' },
      `When you resolve it, the schedule resumes; the next email waits at least ${days} (the days between follow-ups).`,
    ),
  );
}

function copyButton(text: string): HTMLButtonElement {
  const copy = h('button', { type: 'button', class: 'secondary' }, 'Copy');
  copy.addEventListener('click', () => {
    void busy(copy, 'Copying…', async () => {
      try {
        await copyText(text);
        announce('Copied the message: paste it into an email to your client.');
      } catch (error) {
        announce(errorText('Copying', error), 'error');
      }
    });
  });
  return copy;
}

function writeToClient(store: Store, inv: InvoiceView): HTMLElement {
  // In the client's language, as every email to them (README "Languages").
  const own = inv.language !== undefined ? store.data.templatesByLanguage?.[inv.language] : undefined;
  const template = (own ?? store.data.templates).find((t) => t.id === 'dispute');
  const result = template ? renderTemplate(template, inv.values) : null;
  if (!result || !result.ok) {
    const why =
      result && 'missing' in result
        ? `The dispute message needs ${result.missing.map((m) => `{{${m}}}`).join(', ')}, which row ${inv.row} does not have.`
        : 'The dispute message template has a problem: fix it on the Templates tab.';
    return section('Write to client', h('p', { class: 'error-text' }, why));
  }
  const gmail = h(
    'a',
    {
      class: 'button primary',
      href: gmailComposeUrl(inv.emails, result.subject, result.text),
      target: '_blank',
      rel: 'noopener noreferrer',
    },
    'Open in Gmail',
  );
  return section(
    'Write to client',
    h(
      'p',
      { class: 'hint' },
      'The dispute-opening message, filled in for this invoice. It opens in Gmail for you to edit and send: the add-on never sends it.',
    ),
    h(
      'div',
      { class: 'preview' },
      h('p', { class: 'preview-subject' }, h('span', { class: 'label' }, 'Subject: '), result.subject),
      h('div', { class: 'preview-body' }, result.text),
    ),
    h('div', { class: 'actions' }, gmail, copyButton(`Subject: ${result.subject}\n\n${result.text}`)),
  );
}

type UnsureSend = InvoiceView['unsureSends'][number];

/** "It was sent" / "It was not sent" for a send whose outcome is unknown. */
function settleButton(store: Store, inv: InvoiceView, u: UnsureSend, wasSent: boolean): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'secondary' }, wasSent ? 'It was sent' : 'It was not sent');
  button.addEventListener('click', () => {
    void busy(button, 'Saving…', async () => {
      try {
        const result = await call('settleUnsureFollowUp', inv.invoice, u.stage, wasSent);
        if (!result.ok) return announce(result.problems.join(' '), 'error');
        const fresh = await call('getSelectedInvoice');
        store.setSelected(fresh.selected, fresh.selectionNote);
        store.markStale();
        const stage = stageName(u.stage);
        announce(
          wasSent ? `Recorded: the ${stage} email was sent.` : `Recorded: the ${stage} email was not sent; it can go out again.`,
        );
      } catch (error) {
        announce(errorText('Saving your answer', error), 'error');
      }
    });
  });
  return button;
}

function unsureCard(store: Store, inv: InvoiceView): HTMLElement | null {
  if (inv.unsureSends.length === 0) return null;
  const items = inv.unsureSends.map((u) =>
    h(
      'li',
      null,
      h(
        'p',
        null,
        `${stageName(u.stage)} email of ${formatDate(u.date, store.data.locale)}${u.recipients ? ` (${u.recipients})` : ''}`,
      ),
      h('div', { class: 'actions' }, settleButton(store, inv, u, true), settleButton(store, inv, u, false)),
    ),
  );
  return section(
    'Did these go out?',
    h('p', null, 'A run was interrupted while sending. Check your Gmail Sent folder, then tell the add-on:'),
    h('ul', { class: 'plain' }, items),
  );
}

/** A follow-up's name in the history: the stage's, or for a call what came of it. */
function followUpName(f: FollowUpView, locale: string): string {
  if (!f.call) return stageName(f.stage);
  return callHistoryLabel(f.call.outcome, f.call.promisedDate === null ? null : formatDate(f.call.promisedDate, locale));
}

function historyCard(store: Store, inv: InvoiceView): HTMLElement {
  const locale = store.data.locale;
  const when = (date: string | null): HTMLElement => h('span', { class: 'when' }, formatDate(date, locale));
  const notes: Child = inv.disputeNotes.length
    ? h(
        'ol',
        { class: 'timeline' },
        inv.disputeNotes.map((n) =>
          h('li', null, when(n.date), ' ', h('strong', null, n.event), n.note ? h('div', { class: 'note' }, n.note) : null),
        ),
      )
    : h('p', { class: 'hint' }, 'No dispute notes.');
  const sent: Child = inv.followUps.length
    ? h(
        'ol',
        { class: 'timeline' },
        inv.followUps.map((f) =>
          h(
            'li',
            null,
            when(f.date),
            ' ',
            h('strong', null, followUpName(f, locale)),
            ` — ${f.result}`,
            f.recipients ? h('div', { class: 'hint' }, f.recipients) : null,
          ),
        ),
      )
    : h('p', { class: 'hint' }, 'No follow-ups yet.');
  return section('History', h('h3', null, 'Dispute notes'), notes, h('h3', null, 'Follow-ups'), sent);
}

function noInvoiceCard(store: Store): HTMLElement {
  return section(
    'No invoice selected',
    h('p', null, store.data.selectionNote ?? 'Select an invoice row in the sheet, then click “Use selected row”.'),
    useSelectedRowButton(store),
  );
}

export function disputesView(store: Store): { el: HTMLElement } {
  const el = h('div', { class: 'view' });
  const noteId = uid('note');
  const note: NoteBox = { id: noteId, area: h('textarea', { id: noteId, rows: 3, maxlength: MAX_NOTE }) };
  let shownKey: string | null = null;

  function render(): void {
    const inv = store.selected;
    if (inv && inv.key !== shownKey) note.area.value = '';
    shownKey = inv?.key ?? null;
    if (!inv) return fill(el, noInvoiceCard(store));
    const usable = Boolean(inv.key) && !inv.error;
    const decide = inv.statusCode === reachedStatus(DECISION_STAGE)?.code;
    const cannot = `This row cannot be processed: ${inv.error}. Fix it in the sheet, then click “Use selected row”.`;
    fill(
      el,
      invoiceCard(store, inv),
      inv.error ? h('p', { class: 'error-text' }, cannot) : null,
      usable && inv.statusCode !== 'paid' ? promiseCard(store, inv) : null,
      decide ? finalStage(store, inv) : null,
      decide ? evidenceCard(inv) : null,
      unsureCard(store, inv),
      usable ? (inv.disputeOpen ? openedDisputeCard(store, note, inv) : openDisputeCard(store, note, inv)) : null,
      usable ? writeToClient(store, inv) : null,
      historyCard(store, inv),
    );
  }

  store.on('selected', render);
  store.on('templates', render);
  store.on('settings', render);
  render();
  return { el };
}

/** The final stage: no more emails; the options, with the amount and what was sent when. */
function finalStage(store: Store, inv: InvoiceView): HTMLElement {
  const locale = store.data.locale;
  const sent = inv.followUps.filter((f) => /^sent\b/i.test(f.result));
  return h(
    'section',
    { class: 'card final' },
    h('h2', null, 'Decide the next step'),
    h('p', null, `No more emails go out. ${inv.balanceText || 'The balance'} is ${overdueText(inv.daysOverdue)}.`),
    h('h3', null, 'What was sent'),
    sent.length
      ? h(
          'ul',
          { class: 'plain' },
          sent.map((f) =>
            h(
              'li',
              null,
              h('strong', null, stageName(f.stage)),
              ` · ${formatDate(f.date, locale)}`,
              f.recipients ? h('div', { class: 'hint' }, f.recipients) : null,
            ),
          ),
        )
      : h('p', { class: 'hint' }, 'No follow-up emails are recorded for this invoice.'),
    h('h3', null, 'Your options'),
    h(
      'ul',
      { class: 'options' },
      h(
        'li',
        null,
        h('strong', null, 'Collections agency. '),
        'An agency chases the debt and keeps a percentage of what it recovers — often somewhere around 20–50%, depending on the agency, the amount and the age of the debt. Ask for their rate in writing first.',
      ),
      h(
        'li',
        null,
        h('strong', null, 'Small-claims court. '),
        'For amounts within the small-claims limit. Limits and fees vary by jurisdiction: check your local limit before filing.',
      ),
      h(
        'li',
        null,
        h('strong', null, 'Continued direct pressure. '),
        'Call the client, pause ongoing work or services until the invoice is paid, or offer a payment plan.',
      ),
    ),
    h('p', { class: 'hint' }, 'General information, not legal advice.'),
  );
}
