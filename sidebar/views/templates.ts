// Templates: pick one, edit subject and message, insert placeholders at the cursor, see a live
// preview for the invoice on the selected row (rendered with the server's own template code), save
// with validation, reset to the default.
import { renderTemplate, validateTemplate } from '../../src/domain/templates';
import type { Template, TemplateId } from '../../src/domain/types';
import { call } from '../api';
import { fill, h, uid } from '../dom';
import type { Store, TemplateView } from '../state';
import { announce, ask, busy, errorText, problemList } from '../ui';
import { invoiceTitle, useSelectedRowButton } from './selection';

export interface TemplatesView {
  el: HTMLElement;
  isDirty(): boolean;
  /** Asks before unsaved edits are lost; true when it is fine to go on (and the edits are dropped). */
  confirmDiscard(reason: string): Promise<boolean>;
}

export function templatesView(store: Store): TemplatesView {
  let current: TemplateId = store.data.templates.some((t) => t.id === 'reminder')
    ? 'reminder'
    : (store.data.templates[0]?.id ?? 'reminder');
  let lastField: 'subject' | 'body' = 'body';
  const saved = (): TemplateView => store.data.templates.find((t) => t.id === current)!;

  const ids = {
    select: uid('tpl'),
    subject: uid('subject'),
    body: uid('body'),
    ph: uid('ph'),
    problems: uid('problems'),
    state: uid('state'),
  };

  const select = h(
    'select',
    { id: ids.select },
    store.data.templates.map((t) => h('option', { value: t.id }, t.label)),
  );
  const subject = h('input', {
    id: ids.subject,
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'true',
    'aria-describedby': ids.problems,
  });
  const body = h('textarea', { id: ids.body, rows: 12, spellcheck: 'true', 'aria-describedby': ids.problems });
  const phSelect = h(
    'select',
    { id: ids.ph },
    store.data.placeholders.map((p) => h('option', { value: p }, `{{${p}}}`)),
  );
  const insert = h('button', { type: 'button', class: 'secondary' }, 'Insert');
  const templateState = h('p', { id: ids.state, class: 'hint' });
  const problems = h('div', { id: ids.problems, 'aria-live': 'polite' });
  const save = h('button', { type: 'button', class: 'primary' }, 'Save template');
  const reset = h('button', { type: 'button', class: 'secondary' }, 'Reset to default');

  const previewFor = h('p', { class: 'hint' });
  const previewOut = h('div', { class: 'preview', 'aria-live': 'polite' });
  // The HTML version in a sandboxed frame (no scripts, no same-origin access), never in this page.
  const frame = h('iframe', {
    sandbox: '',
    title: 'HTML version of the email',
    class: 'html-frame',
    referrerpolicy: 'no-referrer',
  });
  const htmlToggle = h('details', { class: 'html-version' }, h('summary', null, 'HTML version'), frame);
  let latestHtml = '';
  htmlToggle.addEventListener('toggle', () => {
    if (htmlToggle.open) frame.srcdoc = latestHtml;
  });

  const draft = (): Template => ({ subject: subject.value, body: body.value });
  const isDirty = (): boolean => subject.value !== saved().subject || body.value !== saved().body;

  function load(): void {
    const t = saved();
    select.value = t.id;
    subject.value = t.subject;
    body.value = t.body;
    refresh();
  }

  function refresh(): void {
    const t = saved();
    const dirty = isDirty();
    const isDefault = subject.value === t.defaultSubject && body.value === t.defaultBody;
    fill(
      templateState,
      dirty ? h('strong', null, 'Unsaved changes. ') : null,
      isDefault ? 'Default text.' : 'Your own text (Reset to default brings the original back).',
    );
    const found = validateTemplate(draft());
    fill(
      problems,
      found.length > 0 ? [h('p', { class: 'error-text' }, 'This template cannot be saved yet:'), problemList(found)] : null,
    );
    subject.setAttribute('aria-invalid', String(found.some((p) => p.startsWith('Subject') || p.startsWith('The subject'))));
    body.setAttribute('aria-invalid', String(found.some((p) => p.startsWith('Message') || p.startsWith('The message'))));
    renderPreview();
  }

  function renderPreview(): void {
    const inv = store.selected;
    fill(
      previewFor,
      inv ? `For ${invoiceTitle(inv)}` : (store.data.selectionNote ?? 'Select an invoice row, then click “Use selected row”.'),
    );
    htmlToggle.hidden = true;
    if (!inv) {
      fill(previewOut);
      return;
    }
    if (inv.error) {
      fill(
        previewOut,
        h('p', { class: 'error-text' }, `Row ${inv.row} cannot be processed, so nothing is sent for it: ${inv.error}`),
      );
      return;
    }
    const result = renderTemplate(draft(), inv.values);
    if (!result.ok) {
      if ('missing' in result) {
        fill(
          previewOut,
          h(
            'p',
            { class: 'error-text' },
            `Row ${inv.row} has no value for ${result.missing.map((m) => `{{${m}}}`).join(', ')}: this email would not be sent for this invoice, and the row would say why.`,
          ),
        );
      } else {
        fill(previewOut, h('p', { class: 'hint' }, 'Fix the problems above to see the preview.'));
      }
      return;
    }
    fill(
      previewOut,
      h('p', { class: 'preview-subject' }, h('span', { class: 'label' }, 'Subject: '), result.subject),
      h('div', { class: 'preview-body', 'data-testid': 'preview-body' }, result.text),
    );
    htmlToggle.hidden = false;
    latestHtml = result.html;
    if (htmlToggle.open) frame.srcdoc = latestHtml;
  }

  const remember = (field: 'subject' | 'body') => () => {
    lastField = field;
  };
  subject.addEventListener('focus', remember('subject'));
  body.addEventListener('focus', remember('body'));
  subject.addEventListener('input', refresh);
  body.addEventListener('input', refresh);

  insert.addEventListener('click', () => {
    const field = lastField === 'subject' ? subject : body;
    const text = `{{${phSelect.value}}}`;
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    field.setRangeText(text, start, end, 'end');
    field.focus();
    refresh();
  });

  select.addEventListener('change', () => {
    const next = select.value as TemplateId;
    if (next === current) return;
    select.value = current;
    void confirmDiscard('switch templates').then((go) => {
      if (!go) return;
      current = next;
      load();
    });
  });

  save.addEventListener('click', () => {
    const t = draft();
    const found = validateTemplate(t);
    if (found.length > 0) {
      refresh();
      announce(`Not saved: ${found[0]}${found.length > 1 ? ` (and ${found.length - 1} more)` : ''}.`, 'error');
      return;
    }
    const id = current;
    void busy(save, 'Saving…', async () => {
      try {
        const result = await call('saveTemplate', id, t);
        if (!result.ok) {
          fill(problems, h('p', { class: 'error-text' }, 'Not saved:'), problemList(result.problems));
          announce(`Not saved: ${result.problems.join(' ')}`, 'error');
          return;
        }
        const old = store.data.templates.find((x) => x.id === id)!;
        store.replaceTemplate({ ...old, ...t, isDefault: t.subject === old.defaultSubject && t.body === old.defaultBody });
        announce(`Saved the “${old.label}” template.`);
      } catch (error) {
        announce(errorText('Saving the template', error), 'error');
      }
    });
  });

  reset.addEventListener('click', () => {
    const id = current;
    const label = saved().label;
    void ask(`Reset “${label}” to the default text?`, 'Reset', 'Cancel', 'Your version of this template will be replaced.').then(
      (go) => {
        if (!go) return;
        void busy(reset, 'Resetting…', async () => {
          try {
            const t = await call('resetTemplate', id);
            store.replaceTemplate(t);
            if (current === id) load();
            announce(`“${label}” is back to the default text.`);
          } catch (error) {
            announce(errorText('Resetting the template', error), 'error');
          }
        });
      },
    );
  });

  async function confirmDiscard(reason: string): Promise<boolean> {
    if (!isDirty()) return true;
    const go = await ask(
      `Discard your unsaved changes to “${saved().label}”?`,
      'Discard changes',
      'Keep editing',
      `You are about to ${reason}.`,
    );
    if (go) load();
    return go;
  }

  store.on('selected', renderPreview);
  store.on('templates', () => {
    if (!isDirty()) load();
    else refresh();
  });

  const el = h(
    'div',
    { class: 'view' },
    h('div', { class: 'field' }, h('label', { for: ids.select }, 'Template'), select),
    templateState,
    h('div', { class: 'field' }, h('label', { for: ids.subject }, 'Subject'), subject),
    h('div', { class: 'field' }, h('label', { for: ids.body }, 'Message'), body),
    h('div', { class: 'field inline' }, h('label', { for: ids.ph }, 'Placeholder'), phSelect, insert),
    h('p', { class: 'hint' }, 'Inserted where the cursor was in the subject or the message.'),
    problems,
    h('div', { class: 'actions' }, save, reset),
    h(
      'section',
      { class: 'card', 'aria-label': 'Preview' },
      h('h2', null, 'Preview'),
      previewFor,
      useSelectedRowButton(store),
      previewOut,
      htmlToggle,
    ),
  );
  load();
  return { el, isDirty, confirmDiscard };
}
