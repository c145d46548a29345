// Templates: pick one, edit subject and message, insert placeholders at the cursor, see a live
// preview for the invoice on the selected row (rendered with the server's own template code), save
// with validation (each issue beside the subject or the message, by its field), reset to the default.
import { placeholdersFor, renderTemplate, validateTemplate } from '../../src/domain/templates';
import { FIRST_FOLLOW_UP } from '../../src/domain/stageTable';
import type { EmailLanguage, Template, TemplateId } from '../../src/domain/types';
import { call } from '../api';
import { fill, h, uid } from '../dom';
import type { Store, TemplateView } from '../state';
import { announce, ask, busy, errorText } from '../ui';
import { createForm, type Form } from './form';
import { invoiceTitle, useSelectedRowButton } from './selection';
import { previewInput, TEMPLATE_GROUPS, TEMPLATE_HINTS } from './templatePreview';

export interface TemplatesView {
  el: HTMLElement;
  isDirty(): boolean;
  /** Asks before unsaved edits are lost; true when it is fine to go on (and the edits are dropped). */
  confirmDiscard(reason: string): Promise<boolean>;
}

/** The template being edited: which one, in which language, and its subject and message fields. */
interface Editor {
  current: TemplateId;
  language: EmailLanguage;
  subject: HTMLInputElement;
  body: HTMLTextAreaElement;
  saved(): TemplateView;
  draft(): Template;
  isDirty(): boolean;
}

/** The templates of one language (the default language's when the server sent no others). */
function languageTemplates(store: Store, language: EmailLanguage): TemplateView[] {
  return store.data.templatesByLanguage?.[language] ?? store.data.templates;
}

function editor(store: Store): Editor {
  const subject = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'true' });
  const body = h('textarea', { rows: 12, spellcheck: 'true' });
  const first = store.data.templates.some((t) => t.id === FIRST_FOLLOW_UP)
    ? FIRST_FOLLOW_UP
    : (store.data.templates[0]?.id ?? FIRST_FOLLOW_UP);
  const ed: Editor = {
    current: first,
    // The selected row's client language first: the preview is that client's email.
    language: store.selected?.language ?? store.data.settings.emailLanguage ?? 'en',
    subject,
    body,
    saved: () => languageTemplates(store, ed.language).find((t) => t.id === ed.current)!,
    draft: () => ({ subject: subject.value, body: body.value }),
    isDirty: () => subject.value !== ed.saved().subject || body.value !== ed.saved().body,
  };
  return ed;
}

/** The preview card: the email for the selected invoice, or why it would not go out. */
function previewCard(store: Store, ed: Editor): { el: HTMLElement; render(): void } {
  const previewFor = h('p', { class: 'hint' });
  const out = h('div', { class: 'preview', 'aria-live': 'polite' });
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
  function render(): void {
    const inv = store.selected;
    const none = store.data.selectionNote ?? 'Select an invoice row, then click “Use selected row”.';
    fill(previewFor, inv ? `For ${invoiceTitle(inv)}` : none);
    htmlToggle.hidden = true;
    if (!inv) return fill(out);
    const error = (text: string): void => fill(out, h('p', { class: 'error-text' }, text));
    if (inv.error) return error(`Row ${inv.row} cannot be processed, so nothing is sent for it: ${inv.error}`);
    const fix = (): void => fill(out, h('p', { class: 'hint' }, 'Fix the problems above to see the preview.'));
    if (validateTemplate(ed.draft(), ed.current).length > 0) return fix();
    const input = previewInput(ed.current, ed.draft(), inv, store, ed.language);
    if (input.note) previewFor.append(h('span', { class: 'preview-note' }, ` ${input.note}`));
    if (inv.language !== ed.language)
      previewFor.append(h('span', { class: 'preview-note' }, ` ${otherLanguageNote(store, inv.language)}`));
    const result = renderTemplate(input.template, input.values, input.blocks);
    if (!result.ok && 'missing' in result) {
      const names = result.missing.map((m) => `{{${m}}}`).join(', ');
      return error(
        `Row ${inv.row} has no value for ${names}: this email would not be sent for this invoice, and the row would say why.`,
      );
    }
    if (!result.ok) return fix();
    fill(
      out,
      h('p', { class: 'preview-subject' }, h('span', { class: 'label' }, 'Subject: '), result.subject),
      h('div', { class: 'preview-body', 'data-testid': 'preview-body' }, result.text),
    );
    htmlToggle.hidden = false;
    latestHtml = result.html;
    if (htmlToggle.open) frame.srcdoc = latestHtml;
  }
  const el = h(
    'section',
    { class: 'card', 'aria-label': 'Preview' },
    h('h2', null, 'Preview'),
    previewFor,
    useSelectedRowButton(store),
    out,
    htmlToggle,
  );
  return { el, render };
}

/** The placeholder picker: inserts `{{name}}` where the cursor was in the subject or the message. */
function placeholderPicker(store: Store, ed: Editor, changed: () => void): { el: HTMLElement; load(): void } {
  const id = uid('ph');
  const select = h('select', { id });
  // Only the placeholders the template being edited can fill.
  const load = (): void =>
    fill(
      select,
      placeholdersFor(ed.current)
        .filter((p) => store.data.placeholders.includes(p))
        .map((p) => h('option', { value: p }, `{{${p}}}`)),
    );
  let last: HTMLInputElement | HTMLTextAreaElement = ed.body;
  ed.subject.addEventListener('focus', () => (last = ed.subject));
  ed.body.addEventListener('focus', () => (last = ed.body));
  const insert = h('button', { type: 'button', class: 'secondary' }, 'Insert');
  insert.addEventListener('click', () => {
    const start = last.selectionStart ?? last.value.length;
    last.setRangeText(`{{${select.value}}}`, start, last.selectionEnd ?? start, 'end');
    last.focus();
    changed();
  });
  return { el: h('div', { class: 'field inline' }, h('label', { for: id }, 'Placeholder'), select, insert), load };
}

function saveTemplate(store: Store, ed: Editor, form: Form, button: HTMLButtonElement, refresh: () => void): void {
  const t = ed.draft();
  const found = validateTemplate(t, ed.current);
  if (found.length > 0) {
    refresh();
    const more = found.length > 1 ? ` (and ${found.length - 1} more)` : '';
    return announce(`Not saved: ${found[0]?.message}${more}.`, 'error');
  }
  const id = ed.current;
  const language = ed.language;
  void busy(button, 'Saving…', async () => {
    try {
      const result = await call('saveTemplate', id, t, language);
      if (!result.ok) {
        if (result.issues) form.showIssues(result.issues, 'Not saved:');
        else form.showWords(result.problems, 'Not saved:');
        return announce(`Not saved: ${result.problems.join(' ')}`, 'error');
      }
      const old = languageTemplates(store, language).find((x) => x.id === id)!;
      store.replaceTemplate({ ...old, ...t, isDefault: t.subject === old.defaultSubject && t.body === old.defaultBody });
      announce(`Saved the “${old.label}” template.`);
    } catch (error) {
      announce(errorText('Saving the template', error), 'error');
    }
  });
}

function resetTemplate(store: Store, ed: Editor, button: HTMLButtonElement, load: () => void): void {
  const id = ed.current;
  const language = ed.language;
  const label = ed.saved().label;
  const detail = 'Your version of this template will be replaced.';
  void ask(`Reset “${label}” to the default text?`, 'Reset', 'Cancel', detail).then((go) => {
    if (!go) return;
    void busy(button, 'Resetting…', async () => {
      try {
        store.replaceTemplate(await call('resetTemplate', id, language));
        if (ed.current === id && ed.language === language) load();
        announce(`“${label}” is back to the default text.`);
      } catch (error) {
        announce(errorText('Resetting the template', error), 'error');
      }
    });
  });
}

/** The template picker; switching asks first when there are unsaved edits. */
function templatePicker(store: Store, ed: Editor, confirmDiscard: (reason: string) => Promise<boolean>, load: () => void) {
  const option = (t: TemplateView): HTMLOptionElement => h('option', { value: t.id }, t.label);
  const grouped = new Set(TEMPLATE_GROUPS.flatMap(([, ids]) => ids));
  const select = h(
    'select',
    null,
    TEMPLATE_GROUPS.map(([label, ids]) =>
      h('optgroup', { label }, ids.flatMap((id) => store.data.templates.filter((t) => t.id === id)).map(option)),
    ),
    store.data.templates.filter((t) => !grouped.has(t.id)).map(option),
  );
  select.addEventListener('change', () => {
    const next = select.value as TemplateId;
    if (next === ed.current) return;
    select.value = ed.current;
    void confirmDiscard('switch templates').then((go) => {
      if (!go) return;
      ed.current = next;
      load();
    });
  });
  return select;
}

/** The language picker: each language's templates are edited apart; switching asks first when there are unsaved edits. */
function languagePicker(store: Store, ed: Editor, confirmDiscard: (reason: string) => Promise<boolean>, load: () => void) {
  const languages = store.data.languages ?? [];
  const select = h(
    'select',
    { 'data-testid': 'template-language' },
    languages.map((l) => h('option', { value: l.code }, l.name)),
  );
  select.value = ed.language;
  select.addEventListener('change', () => {
    const next = select.value as EmailLanguage;
    if (next === ed.language) return;
    select.value = ed.language;
    void confirmDiscard('switch languages').then((go) => {
      if (!go) return;
      ed.language = next;
      load();
    });
  });
  return select;
}

/** Why the preview's client gets other words than the ones edited. */
function otherLanguageNote(store: Store, language: EmailLanguage): string {
  const name = store.data.languages?.find((l) => l.code === language)?.name ?? language;
  return `This client's emails are written in ${name}: pick ${name} above to see and edit their words.`;
}

/** A row selected: its client's language comes up in the editor, unless unsaved edits would be lost. */
function followSelectedLanguage(store: Store, ed: Editor, load: () => void, render: () => void): void {
  const language = store.selected?.language;
  if (language === undefined || language === ed.language || ed.isDirty()) return render();
  ed.language = language;
  load();
}

/** Save template and Reset to default. */
function actionButtons(store: Store, ed: Editor, form: Form, refresh: () => void, load: () => void): HTMLElement {
  const save = h(
    'button',
    { type: 'button', class: 'primary', onclick: () => saveTemplate(store, ed, form, save, refresh) },
    'Save template',
  );
  const reset = h(
    'button',
    { type: 'button', class: 'secondary', onclick: () => resetTemplate(store, ed, reset, load) },
    'Reset to default',
  );
  return h('div', { class: 'actions' }, save, reset);
}

export function templatesView(store: Store): TemplatesView {
  const ed = editor(store);
  const form = createForm();
  const templateState = h('p', { class: 'hint' });
  const preview = previewCard(store, ed);

  function refresh(): void {
    const t = ed.saved();
    const isDefault = ed.subject.value === t.defaultSubject && ed.body.value === t.defaultBody;
    const own = 'Your own text (Reset to default brings the original back).';
    fill(templateState, ed.isDirty() ? h('strong', null, 'Unsaved changes. ') : null, isDefault ? 'Default text.' : own);
    form.showIssues(validateTemplate(ed.draft(), ed.current), 'This template cannot be saved yet:');
    preview.render();
  }
  function load(): void {
    select.value = ed.current;
    languageSelect.value = ed.language;
    fill(templateHint, TEMPLATE_HINTS[ed.current]);
    picker.load();
    ed.subject.value = ed.saved().subject;
    ed.body.value = ed.saved().body;
    refresh();
  }
  async function confirmDiscard(reason: string): Promise<boolean> {
    if (!ed.isDirty()) return true;
    const question = `Discard your unsaved changes to “${ed.saved().label}”?`;
    const go = await ask(question, 'Discard changes', 'Keep editing', `You are about to ${reason}.`);
    if (go) load();
    return go;
  }
  const select = templatePicker(store, ed, confirmDiscard, load);
  const languageSelect = languagePicker(store, ed, confirmDiscard, load);
  const templateHint = h('p', { class: 'hint' });
  const picker = placeholderPicker(store, ed, refresh);
  const actions = actionButtons(store, ed, form, refresh, load);
  ed.subject.addEventListener('input', refresh);
  ed.body.addEventListener('input', refresh);
  store.on('selected', () => followSelectedLanguage(store, ed, load, preview.render));
  store.on('templates', () => (ed.isDirty() ? refresh() : load()));

  const el = h(
    'div',
    { class: 'view' },
    form.field('language', 'Language', languageSelect),
    form.field('template', 'Template', select),
    templateHint,
    templateState,
    form.field('subject', 'Subject', ed.subject),
    form.field('body', 'Message', ed.body),
    picker.el,
    h('p', { class: 'hint' }, 'Inserted where the cursor was in the subject or the message.'),
    form.summary,
    actions,
    preview.el,
  );
  load();
  return { el, isDirty: ed.isDirty, confirmDiscard };
}
