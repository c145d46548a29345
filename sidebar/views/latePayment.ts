// The "Late-payment interest" card of the Settings tab: the regime, and only the fields that regime
// uses (README: "Interest, the letter and the evidence pack"). The form hands the values as typed to
// the domain's parseSettings, which says what is wrong and where.
import type { LatePaymentRegime, LatePaymentSettings } from '../../src/domain/types';
import { h } from '../dom';
import { section } from '../ui';
import type { Form } from './form';

const REGIMES: Array<[LatePaymentRegime, string]> = [
  ['off', 'Off'],
  ['uk', 'UK: Late Payment of Commercial Debts Act'],
  ['eu', 'EU: Late Payment Directive'],
  ['custom', 'My own rate and fixed sum'],
];

const REGIME_NOTES: Record<LatePaymentRegime, string> = {
  off: 'No interest or compensation is claimed.',
  uk: 'Business clients: 8% a year over the Bank of England base rate, from the day after the due date, plus £40, £70 or £100 per invoice depending on its amount.',
  eu: 'Business clients: the ECB reference rate plus at least 8 points a year, plus €40 per invoice.',
  custom: 'Your own yearly rate and a fixed sum per invoice.',
};

/** Which fields each regime uses; the others are hidden. */
const SHOWN: Record<LatePaymentRegime, ReadonlyArray<keyof LatePaymentSettings>> = {
  off: [],
  uk: ['referenceRatePercent', 'referenceRatePeriod', 'attachLetter'],
  eu: ['referenceRatePercent', 'referenceRatePeriod', 'marginPercent', 'attachLetter'],
  custom: ['marginPercent', 'fixedCompensation', 'attachLetter'],
};

export interface LatePaymentCard {
  el: HTMLElement;
  load(settings: LatePaymentSettings): void;
  /** The values as typed, for parseSettings. */
  read(): Record<keyof LatePaymentSettings, unknown>;
}

type RowKey = Exclude<keyof LatePaymentSettings, 'regime'>;

/** The fields after the regime, each in its row (hidden unless the regime uses it). */
function latePaymentRows(form: Form) {
  const text = (): HTMLInputElement => h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', class: 'short' });
  const rate = text();
  const period = h('input', { type: 'text', autocomplete: 'off', class: 'short', placeholder: '2026-H2', spellcheck: 'false' });
  const margin = text();
  const fixed = text();
  const letter = form.checkbox('latePayment.attachLetter', 'Attach a formal letter (PDF) to the formal notice');
  const at = (key: RowKey): string => `latePayment.${key}`;
  const rows: Record<RowKey, HTMLElement> = {
    referenceRatePercent: form.field(
      at('referenceRatePercent'),
      'Reference rate (% a year)',
      rate,
      'The central bank rate for the half-year.',
      true,
    ),
    referenceRatePeriod: form.field(
      at('referenceRatePeriod'),
      'Half-year of that rate',
      period,
      'e.g. 2026-H2 for July–December.',
      true,
    ),
    marginPercent: form.field(at('marginPercent'), 'Interest (% a year)', margin, undefined, true),
    fixedCompensation: form.field(at('fixedCompensation'), 'Fixed sum per invoice', fixed, 'In the invoice’s currency.', true),
    attachLetter: letter.row,
  };
  return { rows, rate, period, margin, fixed, letter: letter.box };
}

export function latePaymentCard(form: Form): LatePaymentCard {
  const regime = h(
    'select',
    null,
    REGIMES.map(([value, label]) => h('option', { value }, label)),
  );
  const { rows, rate, period, margin, fixed, letter } = latePaymentRows(form);
  const note = h('p', { class: 'hint' });
  const marginLabel = h('span');
  rows.marginPercent.querySelector('label')?.replaceChildren(marginLabel);
  function showFor(r: LatePaymentRegime): void {
    for (const [key, row] of Object.entries(rows)) row.hidden = !SHOWN[r].includes(key as RowKey);
    note.textContent = REGIME_NOTES[r];
    marginLabel.textContent = r === 'eu' ? 'Points over the reference rate' : 'Interest (% a year)';
  }
  regime.addEventListener('change', () => showFor(regime.value as LatePaymentRegime));
  const el = section(
    'Late-payment interest',
    form.field('latePayment.regime', 'Rules', regime),
    note,
    Object.values(rows),
    h('p', { class: 'hint' }, 'This is not legal advice: check the rules that apply to you and your client.'),
  );
  return {
    el,
    load(lp) {
      regime.value = lp.regime;
      rate.value = String(lp.referenceRatePercent);
      period.value = lp.referenceRatePeriod;
      margin.value = String(lp.marginPercent);
      fixed.value = String(lp.fixedCompensation);
      letter.checked = lp.attachLetter;
      showFor(lp.regime);
    },
    read: () => ({
      regime: regime.value,
      referenceRatePercent: rate.value,
      referenceRatePeriod: period.value,
      marginPercent: margin.value,
      fixedCompensation: fixed.value,
      attachLetter: letter.checked,
    }),
  };
}
