// Small UI helpers shared by the views: status messages, busy buttons, a confirmation dialog,
// and formatting of the ISO dates that cross google.script.run.
import { formatDateForEmail } from '../src/domain/dates';
import { ServerError } from './api';
import { byId, fill, h, type Child } from './dom';

/** A short message in the live region (read out by screen readers); errors use role=alert. */
export function announce(message: string, kind: 'ok' | 'error' | 'info' = 'ok'): void {
  const status = byId('status');
  const alert = byId('alert');
  if (kind === 'error') {
    fill(status);
    fill(
      alert,
      h('span', null, message),
      h('button', { type: 'button', class: 'link', 'aria-label': 'Dismiss', onclick: () => fill(alert) }, '×'),
    );
  } else {
    fill(alert);
    fill(status, message);
  }
}

export function clearMessages(): void {
  fill(byId('status'));
  fill(byId('alert'));
}

/** The words for a failed call or any other error. */
export function errorText(action: string, error: unknown): string {
  const message = error instanceof ServerError ? error.message : error instanceof Error ? error.message : String(error);
  return `${action} failed: ${message}`;
}

/**
 * Runs `work` with the button showing progress; a second click while it runs does nothing.
 * Returns undefined when the button was already busy.
 */
export async function busy<T>(button: HTMLButtonElement, label: string, work: () => Promise<T>): Promise<T | undefined> {
  if (button.dataset.busy === 'true') return undefined;
  const text = button.textContent ?? '';
  button.dataset.busy = 'true';
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = label;
  try {
    return await work();
  } finally {
    delete button.dataset.busy;
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = text;
  }
}

/** Asks a yes/no question in a modal dialog (Sheets sidebars should not rely on window.confirm). */
export function ask(question: string, confirmLabel: string, cancelLabel = 'Cancel', detail?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const titleId = 'ask-title';
    const dialog = h('dialog', { class: 'ask', 'aria-labelledby': titleId });
    const done = (answer: boolean): void => {
      dialog.close();
      dialog.remove();
      resolve(answer);
    };
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      done(false);
    });
    fill(
      dialog,
      h('p', { id: titleId, class: 'ask-question' }, question),
      detail ? h('p', { class: 'hint' }, detail) : null,
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: 'primary', onclick: () => done(true) }, confirmLabel),
        h('button', { type: 'button', class: 'secondary', onclick: () => done(false) }, cancelLabel),
      ),
    );
    document.body.appendChild(dialog);
    dialog.showModal();
    (dialog.querySelector('button.secondary') as HTMLButtonElement).focus();
  });
}

/** 'YYYY-MM-DD' as the spreadsheet's locale writes it in words ('November 2, 2026'). */
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  return formatDateForEmail(iso, locale);
}

/** An instant (ISO) in the spreadsheet's zone, e.g. 'Nov 24, 2026, 9:00 AM'. */
export function formatInstant(iso: string, locale: string, timeZone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleString(locale.replace(/_/g, '-'), { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return d.toISOString();
  }
}

/** A list of problems (from the client check or the server's refusal). */
export function problemList(problems: readonly string[], id?: string): HTMLElement {
  return h(
    'ul',
    { class: 'problems', id },
    problems.map((p) => h('li', null, p)),
  );
}

/** A titled section. */
export function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card' }, h('h2', null, title), children);
}

/** Label: value rows. */
export function facts(rows: Array<[string, Child]>): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
  );
}
