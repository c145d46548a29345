// Disputes, for the invoice on the selected row: its state, open / note / resolve, the history,
// the dispute-opening message to send yourself (Gmail compose or copy — never sent by the add-on),
// sends whose outcome is unknown, and the options when the invoice reaches its final stage.
import { stageLabel } from '../../src/domain/settings';
import { renderTemplate } from '../../src/domain/templates';
import { STAGE_IDS, type StageId } from '../../src/domain/types';
import { call } from '../api';
import { fill, h, uid, type Child } from '../dom';
import type { InvoiceView, Store } from '../state';
import { announce, ask, busy, errorText, facts, formatDate, section } from '../ui';
import { invoiceTitle, overdueText, useSelectedRowButton } from './selection';

const MAX_NOTE = 2000;

export function stageName(stage: string): string {
  return (STAGE_IDS as readonly string[]).includes(stage) ? stageLabel(stage as StageId) : stage || '—';
}

/** https://mail.google.com/mail/?view=cm… — a compose window, filled in, that the user sends (or not). */
export function gmailComposeUrl(to: readonly string[], subject: string, body: string): string {
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

export function disputesView(store: Store): { el: HTMLElement } {
  const el = h('div', { class: 'view' });
  const noteId = uid('note');
  const note = h('textarea', { id: noteId, rows: 3, maxlength: MAX_NOTE });
  let shownKey: string | null = null;

  function invoiceCard(inv: InvoiceView): HTMLElement {
    return h(
      'section',
      { class: 'card', 'aria-label': 'Selected invoice' },
      h('h2', null, invoiceTitle(inv)),
      facts([
        ['Status', h('span', { class: `status ${inv.error ? 'bad' : ''}` }, inv.status || '—')],
        // A row paid by date (no Amount Paid) still has its full amount as balanceText: say Paid.
        [
          'Balance',
          inv.status === 'Paid'
            ? `Paid (${inv.amountText || 'amount unknown'})`
            : inv.balanceText
              ? `${inv.balanceText}${inv.amountText && inv.amountText !== inv.balanceText ? ` of ${inv.amountText}` : ''}`
              : '—',
        ],
        ['Due', formatDate(inv.dueDate, store.data.locale)],
        ['Overdue', overdueText(inv.daysOverdue)],
        ['Email', inv.emails.length > 0 ? inv.emails.join(', ') : '—'],
      ]),
      useSelectedRowButton(store),
    );
  }

  function disputeActions(inv: InvoiceView): HTMLElement {
    const gap = store.data.settings.minGapDays;
    const label = h('label', { for: noteId }, inv.disputeOpen ? 'Note' : 'First note (what the client raised)');
    const act = (action: 'open' | 'note' | 'resolve', button: HTMLButtonElement, progress: string, done: string): void => {
      const text = note.value.trim();
      if ((action === 'note' || action === 'open') && text === '') {
        announce(action === 'open' ? 'Write what the client raised as the first note.' : 'Write the note first.', 'error');
        note.focus();
        return;
      }
      void busy(button, progress, async () => {
        try {
          const result = await call('recordDispute', action, inv.invoice, text);
          if (!result.ok) {
            announce(result.problems.join(' '), 'error');
            return;
          }
          note.value = '';
          store.setSelected(result.invoice ?? null, result.invoice ? null : `${inv.invoice} is no longer on the sheet.`);
          store.markStale();
          announce(done);
          note.focus();
        } catch (error) {
          announce(errorText('Saving the dispute', error), 'error');
        }
      });
    };
    if (!inv.disputeOpen) {
      const open = h('button', { type: 'button', class: 'primary' }, 'Open dispute');
      open.addEventListener('click', () =>
        act(
          'open',
          open,
          'Opening…',
          `Dispute opened for ${inv.invoice}: the row shows Disputed and no follow-ups go out for it.`,
        ),
      );
      return section(
        'Dispute',
        h('p', null, 'Open a dispute when the client questions the work or the invoice. Follow-ups stop until you resolve it.'),
        h('div', { class: 'field' }, label, note),
        h('div', { class: 'actions' }, open),
      );
    }
    const add = h('button', { type: 'button', class: 'primary' }, 'Add note');
    const resolve = h('button', { type: 'button', class: 'secondary' }, 'Resolve dispute');
    add.addEventListener('click', () => act('note', add, 'Adding…', 'Note added.'));
    resolve.addEventListener('click', () => {
      void ask(
        `Resolve the dispute on ${inv.invoice}?`,
        'Resolve',
        'Cancel',
        `Follow-ups resume. The next email waits at least ${gap} day${gap === 1 ? '' : 's'} (days between follow-ups).`,
      ).then((go) => {
        if (go)
          act(
            'resolve',
            resolve,
            'Resolving…',
            `Dispute resolved: follow-ups for ${inv.invoice} resume, the next one at least ${gap} days from now.`,
          );
      });
    });
    return section(
      'Dispute',
      h('p', null, h('strong', null, 'A dispute is open. '), 'No follow-ups go out for this invoice until you resolve it.'),
      h('div', { class: 'field' }, label, note),
      h('div', { class: 'actions' }, add, resolve),
      h(
        'p',
        { class: 'hint' },
        `When you resolve it, the schedule resumes; the next email waits at least ${gap} day${gap === 1 ? '' : 's'} (the days between follow-ups).`,
      ),
    );
  }

  function writeToClient(inv: InvoiceView): HTMLElement {
    const template = store.data.templates.find((t) => t.id === 'dispute');
    const result = template ? renderTemplate(template, inv.values) : null;
    if (!result || !result.ok) {
      const why =
        result && 'missing' in result
          ? `The dispute message needs ${result.missing.map((m) => `{{${m}}}`).join(', ')}, which row ${inv.row} does not have.`
          : 'The dispute message template has a problem: fix it on the Templates tab.';
      return section('Write to client', h('p', { class: 'error-text' }, why));
    }
    const copy = h('button', { type: 'button', class: 'secondary' }, 'Copy');
    copy.addEventListener('click', () => {
      void busy(copy, 'Copying…', async () => {
        try {
          await copyText(`Subject: ${result.subject}\n\n${result.text}`);
          announce('Copied the message: paste it into an email to your client.');
        } catch (error) {
          announce(errorText('Copying', error), 'error');
        }
      });
    });
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
      h(
        'div',
        { class: 'actions' },
        h(
          'a',
          {
            class: 'button primary',
            href: gmailComposeUrl(inv.emails, result.subject, result.text),
            target: '_blank',
            rel: 'noopener noreferrer',
          },
          'Open in Gmail',
        ),
        copy,
      ),
    );
  }

  function unsure(inv: InvoiceView): HTMLElement | null {
    if (inv.unsureSends.length === 0) return null;
    return section(
      'Did these go out?',
      h('p', null, 'A run was interrupted while sending. Check your Gmail Sent folder, then tell the add-on:'),
      h(
        'ul',
        { class: 'plain' },
        inv.unsureSends.map((u) => {
          const yes = h('button', { type: 'button', class: 'secondary' }, 'It was sent');
          const no = h('button', { type: 'button', class: 'secondary' }, 'It was not sent');
          const settle = (button: HTMLButtonElement, wasSent: boolean): void => {
            void busy(button, 'Saving…', async () => {
              try {
                const result = await call('settleUnsureFollowUp', inv.invoice, u.stage, wasSent);
                if (!result.ok) {
                  announce(result.problems.join(' '), 'error');
                  return;
                }
                const fresh = await call('getSelectedInvoice');
                store.setSelected(fresh.selected, fresh.selectionNote);
                store.markStale();
                announce(
                  wasSent
                    ? `Recorded: the ${stageName(u.stage)} email was sent.`
                    : `Recorded: the ${stageName(u.stage)} email was not sent; it can go out again.`,
                );
              } catch (error) {
                announce(errorText('Saving your answer', error), 'error');
              }
            });
          };
          yes.addEventListener('click', () => settle(yes, true));
          no.addEventListener('click', () => settle(no, false));
          return h(
            'li',
            null,
            h(
              'p',
              null,
              `${stageName(u.stage)} email of ${formatDate(u.date, store.data.locale)}${u.recipients ? ` (${u.recipients})` : ''}`,
            ),
            h('div', { class: 'actions' }, yes, no),
          );
        }),
      ),
    );
  }

  function history(inv: InvoiceView): HTMLElement {
    const locale = store.data.locale;
    const notes: Child = inv.disputeNotes.length
      ? h(
          'ol',
          { class: 'timeline' },
          inv.disputeNotes.map((n) =>
            h(
              'li',
              null,
              h('span', { class: 'when' }, formatDate(n.date, locale)),
              ' ',
              h('strong', null, n.event),
              n.note ? h('div', { class: 'note' }, n.note) : null,
            ),
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
              h('span', { class: 'when' }, formatDate(f.date, locale)),
              ' ',
              h('strong', null, stageName(f.stage)),
              ` — ${f.result}`,
              f.recipients ? h('div', { class: 'hint' }, f.recipients) : null,
            ),
          ),
        )
      : h('p', { class: 'hint' }, 'No follow-ups yet.');
    return section('History', h('h3', null, 'Dispute notes'), notes, h('h3', null, 'Follow-ups'), sent);
  }

  function render(): void {
    const inv = store.selected;
    if (!inv) {
      shownKey = null;
      fill(
        el,
        section(
          'No invoice selected',
          h('p', null, store.data.selectionNote ?? 'Select an invoice row in the sheet, then click “Use selected row”.'),
          useSelectedRowButton(store),
        ),
      );
      return;
    }
    if (inv.key !== shownKey) note.value = '';
    shownKey = inv.key;
    fill(
      el,
      invoiceCard(inv),
      inv.error
        ? h(
            'p',
            { class: 'error-text' },
            `This row cannot be processed: ${inv.error}. Fix it in the sheet, then click “Use selected row”.`,
          )
        : null,
      inv.status === 'Decide next step' ? finalStage(store, inv) : null,
      unsure(inv),
      inv.key && !inv.error ? disputeActions(inv) : null,
      inv.key && !inv.error ? writeToClient(inv) : null,
      history(inv),
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
