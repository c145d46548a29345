// At "decide next step": the evidence pack of the invoice as a PDF download, and the small-claims
// table it checks the claim against, editable per spreadsheet (README "Interest, the letter and the
// evidence pack"). Downloads are Blob URLs with a `download` attribute: they work inside the
// sidebar's sandboxed frame and create no file in the user's Drive.
import type { SmallClaimsLimit } from '../../src/domain/smallClaims';
import { call } from '../api';
import { fill, h } from '../dom';
import type { InvoiceView, Store } from '../state';
import { announce, busy, errorText, problemList } from '../ui';

/** The bytes of a base64 string. */
function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * Offers a file to save: a visible link (kept, in case the browser holds back the automatic
 * download) that is also clicked once. `h()` allows only https and mailto links, so this blob:
 * link is made by hand.
 */
function offerDownload(holder: HTMLElement, fileName: string, data: Blob, label: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(data);
  link.download = fileName;
  link.textContent = label;
  link.className = 'download';
  fill(holder, link);
  link.click();
}

let smallClaims: Promise<SmallClaimsLimit[]> | null = null;

/** The small-claims table, read once per sidebar (and again after it is saved). */
function smallClaimsRows(): Promise<SmallClaimsLimit[]> {
  smallClaims ??= call('getSmallClaimsTable').then(
    (view) => view.rows,
    (error: unknown) => {
      smallClaims = null;
      throw error;
    },
  );
  return smallClaims;
}

function courtPicker(): HTMLSelectElement {
  const select = h('select', { id: 'evidence-court' }, h('option', { value: '' }, 'No court first'));
  smallClaimsRows().then(
    (rows) => {
      for (const r of rows)
        select.appendChild(h('option', { value: r.id }, `${r.jurisdiction}: ${r.court}, up to ${r.limit} ${r.currency}`));
    },
    () => undefined,
  );
  return select;
}

/** The "Evidence pack" card of an invoice at its final stage. */
export function evidenceCard(inv: InvoiceView): HTMLElement {
  const court = courtPicker();
  const link = h('p', { class: 'download-link', 'aria-live': 'polite' });
  const download = h('button', { type: 'button', class: 'primary' }, 'Download evidence pack (PDF)');
  download.addEventListener('click', () => {
    void busy(download, 'Preparing the PDF…', async () => {
      try {
        const pack = await call('getEvidencePack', inv.invoice, court.value);
        offerDownload(
          link,
          pack.fileName,
          new Blob([bytesOf(pack.base64)], { type: 'application/pdf' }),
          `Save ${pack.fileName}`,
        );
        announce(`Evidence pack ready: ${pack.fileName}`);
      } catch (error) {
        announce(errorText('Preparing the evidence pack', error), 'error');
      }
    });
  });
  return h(
    'section',
    { class: 'card', 'aria-label': 'Evidence pack' },
    h('h2', null, 'Evidence pack'),
    h(
      'p',
      null,
      'A PDF record of this invoice: every follow-up sent (date, stage, recipients, subject), dispute notes, promises to pay, the amounts claimed and the small-claims limits to check.',
    ),
    h('label', { for: 'evidence-court' }, 'Court to check first'),
    court,
    h('div', { class: 'actions' }, download),
    link,
    smallClaimsEditor(),
    h('p', { class: 'hint' }, 'A record of the facts, not legal advice. Check your court’s current limit before filing.'),
  );
}

const COLUMNS: Array<[keyof SmallClaimsLimit, string]> = [
  ['jurisdiction', 'Place'],
  ['court', 'Court'],
  ['limit', 'Limit'],
  ['currency', 'Currency'],
  ['asOf', 'Checked on (YYYY-MM-DD)'],
  ['note', 'Notes'],
  ['source', 'Source'],
];

/** One row of the editor: a small fieldset of labelled inputs, and a Remove button. */
function rowEditor(row: SmallClaimsLimit, index: number, remove: () => void): HTMLElement {
  const fields = COLUMNS.map(([key, label]) =>
    h(
      'label',
      { class: 'field' },
      label,
      h('input', { type: key === 'limit' ? 'number' : 'text', 'data-key': key, value: String(row[key]), 'data-id': row.id }),
    ),
  );
  return h(
    'fieldset',
    { class: 'small-claims-row' },
    h('legend', null, `Row ${index + 1}`),
    fields,
    h('button', { type: 'button', class: 'link', onclick: remove }, 'Remove this row'),
  );
}

function readRows(list: HTMLElement): Array<Record<string, unknown>> {
  return [...list.querySelectorAll('fieldset')].map((set) => {
    const row: Record<string, unknown> = {};
    for (const input of set.querySelectorAll('input')) {
      const key = input.dataset.key ?? '';
      row[key] = key === 'limit' ? (input.value === '' ? null : Number(input.value)) : input.value;
      row.id = input.dataset.id ?? '';
    }
    return row;
  });
}

function blankRow(): SmallClaimsLimit {
  return { id: '', jurisdiction: '', court: '', limit: 0, currency: '', note: '', source: '', asOf: '' };
}

/** Saves the table (null: back to the defaults); the court list is read again. */
async function saveTable(rows: Array<Record<string, unknown>> | null, problems: HTMLElement): Promise<boolean> {
  const result = await call('saveSmallClaimsTable', rows as SmallClaimsLimit[] | null);
  if (!result.ok) {
    fill(problems, problemList(result.problems));
    return false;
  }
  fill(problems);
  smallClaims = null;
  announce(rows === null ? 'Small-claims table back to the defaults.' : 'Small-claims table saved.');
  return true;
}

/** The small-claims table as rows of fields, folded away until opened. */
function smallClaimsEditor(): HTMLElement {
  const list = h('div', { class: 'small-claims' });
  const problems = h('div', { 'aria-live': 'polite' });
  let rows: SmallClaimsLimit[] = [];
  const render = (): void =>
    fill(
      list,
      rows.map((r, i) =>
        rowEditor(r, i, () => {
          rows = readRows(list).filter((_, j) => j !== i) as unknown as SmallClaimsLimit[];
          render();
        }),
      ),
    );
  const details = h('details', null, h('summary', null, 'Small-claims limits (editable)'), problems, list);
  details.addEventListener('toggle', () => {
    if (!details.open || rows.length > 0) return;
    smallClaimsRows().then(
      (loaded) => {
        rows = loaded;
        render();
      },
      (error: unknown) => announce(errorText('Reading the small-claims table', error), 'error'),
    );
  });
  const add = h('button', { type: 'button', class: 'secondary' }, 'Add a row');
  add.addEventListener('click', () => {
    rows = [...(readRows(list) as unknown as SmallClaimsLimit[]), blankRow()];
    render();
  });
  const save = h('button', { type: 'button', class: 'primary' }, 'Save the table');
  save.addEventListener('click', () => void busy(save, 'Saving…', () => saveTable(readRows(list), problems).catch(failed)));
  const reset = h('button', { type: 'button', class: 'secondary' }, 'Restore the defaults');
  reset.addEventListener('click', () => {
    void busy(reset, 'Restoring…', async () => {
      if ((await saveTable(null, problems).catch(failed)) === true) {
        rows = await smallClaimsRows();
        render();
      }
    });
  });
  details.appendChild(h('div', { class: 'actions' }, add, save, reset));
  return details;
}

function failed(error: unknown): false {
  announce(errorText('Saving the small-claims table', error), 'error');
  return false;
}

/** "Export settings": the saved settings as a JSON file, which `npm run demo -- --settings FILE` takes too. */
export function exportSettingsCard(store: Store): HTMLElement {
  const link = h('p', { class: 'download-link', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'secondary' }, 'Export settings');
  button.addEventListener('click', () => {
    const json = JSON.stringify(store.data.settings, null, 2) + '\n';
    offerDownload(
      link,
      'follow-up-settings.json',
      new Blob([json], { type: 'application/json' }),
      'Save follow-up-settings.json',
    );
  });
  return h(
    'section',
    { class: 'card', 'aria-label': 'Export settings' },
    h('h2', null, 'Export settings'),
    h('p', { class: 'hint' }, 'The saved settings as a JSON file: keep a copy, or try them on the sample sheet with the demo.'),
    h('div', { class: 'actions' }, button),
    link,
  );
}
