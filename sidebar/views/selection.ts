// The invoice on the selected row: Sheets does not tell the sidebar when the selection changes,
// so the user asks for it with "Use selected row" (one getSelectedInvoice call).
import { stageLabel } from '../../src/domain/settings';
import { STAGE_IDS, type StageId } from '../../src/domain/types';
import { call } from '../api';
import { h } from '../dom';
import type { InvoiceView, Store } from '../state';
import { announce, busy, errorText } from '../ui';

export function useSelectedRowButton(store: Store, label = 'Use selected row'): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'secondary' }, label);
  button.addEventListener('click', () => {
    void busy(button, 'Reading the row…', async () => {
      try {
        const result = await call('getSelectedInvoice');
        store.setSelected(result.selected, result.selectionNote);
        announce(
          result.selected
            ? `Now showing ${result.selected.invoice} (row ${result.selected.row}).`
            : (result.selectionNote ?? 'No invoice selected.'),
          result.selected ? 'ok' : 'info',
        );
      } catch (error) {
        announce(errorText('Reading the selected row', error), 'error');
      }
    });
  });
  return button;
}

/** 'INV-1 · Acme (row 2)' */
export function invoiceTitle(inv: InvoiceView): string {
  return `${inv.invoice || '(no number)'} · ${inv.client || '(no client)'} (row ${inv.row})`;
}

/** Whole days overdue in words. */
export function overdueText(days: number | null): string {
  if (days === null) return '—';
  if (days > 0) return `${days} day${days === 1 ? '' : 's'} overdue`;
  if (days === 0) return 'due today';
  return `due in ${-days} day${days === -1 ? '' : 's'}`;
}

/** The emails that are not stages, by the word the log records them with (docs/escalation.md). */
const OTHER_EMAILS: Record<string, string> = {
  promiseMissed: 'Promise missed',
  thankYou: 'Thank-you',
  summary: 'Daily summary',
};

/** A stage id in words (the firm stage is 'Firm reminder', promiseMissed 'Promise missed'); anything else as it is, or '—'. */
export function stageName(stage: string): string {
  if ((STAGE_IDS as readonly string[]).includes(stage)) return stageLabel(stage as StageId);
  return Object.prototype.hasOwnProperty.call(OTHER_EMAILS, stage) ? (OTHER_EMAILS[stage] ?? stage) : stage || '—';
}
