// The Columns step (docs/own-sheet.md "Two columns, one meaning"): each field with a drop-down of
// the sheet's headers, pre-filled with the best guesses, a question for each column that looks like
// money paid or owed but is not read ("A payment column the add-on does not know"), the first rows as
// the add-on will read them, and Save. Every header and cell value is shown as text.
import type { ColumnFieldView, ColumnQuestionView, ColumnRowView, ColumnsView } from '../../src/app/sidebarTypes';
import { call } from '../api';
import { fill, h, uid } from '../dom';
import { announce, busy, errorText, section } from '../ui';

type Mapping = Record<string, string>;
type Answer = ColumnQuestionView['answer'];

const ANSWERS: Array<[Answer, string]> = [
  ['amountPaid', 'Amount Paid (money received)'],
  ['balance', 'Balance (still owed)'],
  ['none', 'Not a payment column'],
];

/** What a column that looks like money paid or owed is: Amount Paid, Balance or neither (the guess pre-selected). */
function questionCard(q: ColumnQuestionView, onAnswer: (header: string, answer: Answer) => void): HTMLElement {
  const name = uid('question');
  const options = ANSWERS.map(([value, label]) => {
    const id = uid('answer');
    const input = h('input', {
      type: 'radio',
      name,
      id,
      value,
      checked: q.answer === value,
      onchange: () => onAnswer(q.header, value),
    });
    return h('div', { class: 'choice' }, input, h('label', { for: id }, label));
  });
  return h(
    'fieldset',
    { class: 'question' },
    h('legend', null, `What is the column '${q.header}'?`),
    h('p', { class: 'hint' }, q.message),
    options,
  );
}

/** The choice after answering a question: the column read for the field chosen, or for none (and set aside). */
function answered(choice: Mapping, notPayment: Set<string>, header: string, answer: Answer): Mapping {
  const next: Mapping = {};
  for (const [field, column] of Object.entries(choice)) if (column !== header) next[field] = column;
  if (answer === 'none') notPayment.add(header);
  else {
    notPayment.delete(header);
    next[answer] = header;
  }
  return next;
}

/** One drop-down per field: '' is "none" (or "not chosen" for a required field). */
function fieldRow(
  field: ColumnFieldView,
  headers: string[],
  onChange: () => void,
): { el: HTMLElement; select: HTMLSelectElement } {
  const id = uid('column');
  const none = h('option', { value: '' }, field.required ? '— choose —' : '— none —');
  const options = headers.map((header) => h('option', { value: header }, header));
  const select = h('select', { id, 'data-field': field.field, onchange: onChange }, none, options);
  select.value = headers.includes(field.header) ? field.header : '';
  const label = h('label', { for: id }, field.required ? `${field.title} (required)` : field.title);
  const problem = field.problem ? h('p', { class: 'error-text' }, field.problem) : null;
  return { el: h('div', { class: 'field' }, label, select, problem), select };
}

function fieldsCard(view: ColumnsView, onChange: () => void): { el: HTMLElement; read(): Mapping } {
  const rows = view.fields.map((field) => ({ field, ...fieldRow(field, view.headers, onChange) }));
  const where = view.headerRow === null ? 'No header row found yet.' : `Header row: ${view.headerRow} of '${view.sheetName}'.`;
  const el = section(
    'Columns',
    h('p', { class: 'hint' }, where),
    rows.map((r) => r.el),
  );
  const read = (): Mapping => {
    const mapping: Mapping = {};
    for (const { field, select } of rows) {
      // Saved: what the user changed, and every field that needed a choice.
      if (select.value !== field.header || field.problem !== null || view.saved[field.field] !== undefined)
        mapping[field.field] = select.value;
    }
    return mapping;
  };
  return { el, read };
}

function rowItem(row: ColumnRowView): HTMLElement {
  const cells = row.cells.map((c) => h('li', null, h('strong', null, `${c.label}: `), c.text));
  const note = row.note === '' ? null : h('li', { class: 'hint' }, row.note);
  return h('li', null, `Row ${row.row}`, h('ul', null, cells, note));
}

function previewCard(view: ColumnsView): HTMLElement {
  const problems = view.problems.map((p) => h('p', { class: 'error-text' }, p));
  const rows = view.rows.length > 0 ? h('ol', { class: 'plain' }, view.rows.map(rowItem)) : null;
  const hint = h('p', { class: 'hint' }, 'The first rows, as the add-on will read them with these columns.');
  return section('How your rows read', problems, rows ? [hint, rows] : null);
}

async function preview(mapping: Mapping | null, notPayment: string[] | null, show: (view: ColumnsView) => void): Promise<void> {
  try {
    show(await call('previewColumnMapping', mapping, notPayment));
  } catch (error) {
    announce(errorText('Reading the columns', error), 'error');
  }
}

/** Saves the choice; true when it was saved. */
async function save(mapping: Mapping, notPayment: string[], show: (view: ColumnsView) => void): Promise<boolean> {
  try {
    const result = await call('saveColumnMapping', mapping, notPayment);
    if (!result.ok) {
      announce(`Columns not saved: ${result.problems.join(' ')}`, 'error');
      return false;
    }
    if (result.columns) show(result.columns);
    announce('Columns saved: every run reads your sheet this way.');
    return true;
  } catch (error) {
    announce(errorText('Saving the columns', error), 'error');
    return false;
  }
}

/** The Columns step: opened with the view the server sent (a run is blocked), or loaded on demand. */
export function columnsView(initial: ColumnsView | null): { el: HTMLElement } {
  const el = h('div', { class: 'columns-step', id: 'columns-step', tabindex: '-1' });
  // The choice being made: kept across previews until it is saved (null: the saved "not a payment column" list).
  let choice: Mapping = {};
  let notPayment: Set<string> | null = null;
  const show = (view: ColumnsView): void => {
    const notRead = (notPayment ??= new Set(view.questions.filter((q) => q.answer === 'none').map((q) => q.header)));
    let fields: { read(): Mapping } = { read: () => ({}) };
    const onChange = (): void => {
      choice = { ...choice, ...fields.read() };
      void preview(choice, [...notRead], show);
    };
    const onAnswer = (header: string, answer: Answer): void => {
      choice = answered(choice, notRead, header, answer);
      void preview(choice, [...notRead], show);
    };
    const card = fieldsCard(view, onChange);
    fields = card;
    const asked =
      view.questions.length > 0
        ? section(
            'Payment columns?',
            view.questions.map((q) => questionCard(q, onAnswer)),
          )
        : null;
    const button = h('button', { type: 'button', class: 'primary' }, 'Save columns');
    const saveChoice = async (): Promise<void> => {
      if (await save({ ...choice, ...card.read() }, [...notRead], show)) {
        choice = {};
        notPayment = null;
      }
    };
    button.addEventListener('click', () => void busy(button, 'Saving…', saveChoice));
    fill(el, asked, card.el, previewCard(view), h('div', { class: 'actions' }, button));
  };
  if (initial) show(initial);
  else {
    const open = h('button', { type: 'button', class: 'secondary' }, 'Check which column is which');
    open.addEventListener('click', () => void busy(open, 'Reading…', () => preview(null, null, show)));
    fill(el, section('Columns', h('p', { class: 'hint' }, 'The columns the add-on reads, and your choices.'), open));
  }
  return { el };
}
