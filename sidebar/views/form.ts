// A form whose fields are named by the paths the domain's validation issues use ('senderName',
// 'stageDays.firm', 'latePayment.referenceRatePercent'…): each issue is shown beside the field it
// names, by `field`, never by reading its words. Issues on no field are listed under the form.
import type { ValidationIssue } from '../../src/domain/validation';
import { fill, h, uid } from '../dom';
import { problemList } from '../ui';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface Form {
  /** A labelled control with its hint and its own message; `compact` puts a short input beside the label. */
  field(path: string, label: string, control: Control, hint?: string, compact?: boolean): HTMLElement;
  /** A checkbox with its label after it, and its own message. */
  checkbox(path: string, label: string): { row: HTMLElement; box: HTMLInputElement };
  /** Shows each issue beside its field (the rest in the summary); [] clears them all. */
  showIssues(issues: readonly ValidationIssue[], heading?: string): void;
  /** A refusal that names no field (the store is full, a run holds the lock): its words under the form. */
  showWords(words: readonly string[], heading: string): void;
  /** Focuses the first shown field, in the page's order, that has an issue. */
  focusFirst(issues: readonly ValidationIssue[]): void;
  /** Where the summary of the problems goes (place it near the Save button). */
  summary: HTMLElement;
}

export function createForm(): Form {
  const errors = new Map<string, HTMLElement>();
  const controls = new Map<string, Control>();
  const summary = h('div', { 'aria-live': 'polite' });

  function describe(path: string, control: Control, hint?: string): { id: string; err: HTMLElement; hintEl: HTMLElement | null } {
    const id = uid(path.replace(/\W/g, '-'));
    control.id = id;
    control.setAttribute('aria-describedby', hint ? `${id}-hint ${id}-error` : `${id}-error`);
    const err = h('p', { id: `${id}-error`, class: 'field-error', 'data-field': path });
    errors.set(path, err);
    controls.set(path, control);
    return { id, err, hintEl: hint ? h('p', { id: `${id}-hint`, class: 'hint' }, hint) : null };
  }

  function showIssues(issues: readonly ValidationIssue[], heading = 'Not saved. Please check:'): void {
    for (const [path, err] of errors) {
      const mine = issues.filter((i) => i.field === path);
      fill(err, mine.map((i) => i.message).join(' '));
      controls.get(path)?.setAttribute('aria-invalid', String(mine.length > 0));
    }
    fill(
      summary,
      issues.length > 0 ? [h('p', { class: 'error-text' }, heading), problemList(issues.map((i) => i.message))] : null,
    );
  }

  return {
    summary,
    showIssues,
    field(path, label, control, hint, compact = false) {
      const { id, err, hintEl } = describe(path, control, hint);
      const labelEl = h('label', { for: id }, label);
      if (compact) return h('div', { class: 'field compact' }, h('div', null, labelEl, hintEl), control, err);
      return h('div', { class: 'field' }, labelEl, control, hintEl, err);
    },
    checkbox(path, label) {
      const box = h('input', { type: 'checkbox' });
      const { id, err } = describe(path, box);
      return { box, row: h('div', { class: 'check' }, box, h('label', { for: id }, label), err) };
    },
    showWords(words, heading) {
      showIssues([]);
      fill(summary, h('p', { class: 'error-text' }, heading), problemList(words));
    },
    focusFirst(issues) {
      const fields = new Set(issues.map((i) => i.field));
      const shown = [...controls].filter(([path, control]) => fields.has(path) && !control.closest('[hidden]'));
      const first = shown
        .map(([, control]) => control)
        .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
      first?.focus();
    },
  };
}
