// Settings: stage days, days between follow-ups, reply-by window, sender name, CC/BCC me, send
// hour (spreadsheet time zone), skip weekends, default currency, which emails go out (one per
// client, thank-you, daily summary, days without follow-ups), late-payment interest; and the
// daily trigger on/off. The whole settings object goes back on saving. The form's values go, as typed, through the domain's own parseSettingsToSave
// (the rules the server applies again on saving); every issue is shown beside the field it names.
import { parseSettingsToSave, stageLabel } from '../../src/domain/settings';
import { stageRow } from '../../src/domain/stageTable';
import { STAGE_IDS, type Settings, type StageId } from '../../src/domain/types';
import type { ValidationIssue } from '../../src/domain/validation';
import { call } from '../api';
import { fill, h } from '../dom';
import type { SettingsView, Store } from '../state';
import { announce, busy, errorText, section } from '../ui';
import { createForm, type Form } from './form';
import { exportSettingsCard } from './decision';
import { columnsView } from './columns';
import { latePaymentCard, type LatePaymentCard } from './latePayment';
import { emailOptionsCard, type EmailOptionsCard } from './emailOptions';

interface Controls {
  stageDays: Record<StageId, HTMLInputElement>;
  minGapDays: HTMLInputElement;
  replyByDays: HTMLInputElement;
  senderName: HTMLInputElement;
  sendHour: HTMLSelectElement;
  currency: HTMLInputElement;
  emailLanguage: HTMLSelectElement;
  ccSelf: HTMLInputElement;
  bccSelf: HTMLInputElement;
  skipWeekends: HTMLInputElement;
  sheetName: HTMLSelectElement;
  late: LatePaymentCard;
  emails: EmailOptionsCard;
}

const numberInput = (): HTMLInputElement =>
  h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'short' });

function stagesCard(form: Form, c: Controls): HTMLElement {
  return section(
    'When each stage goes out',
    h('p', { class: 'hint' }, 'Days after the due date, counted in the spreadsheet’s time zone.'),
    STAGE_IDS.map((s) => form.field(`stageDays.${s}`, `${stageLabel(s)} (day)`, c.stageDays[s], stageRow(s).hint, true)),
    form.field('minGapDays', 'Days between follow-ups', c.minGapDays, 'At least this many days apart.', true),
    form.field('replyByDays', 'Reply-by window (days)', c.replyByDays, 'For {{reply_by}}: today plus this many days.', true),
  );
}

function sendingCard(
  form: Form,
  timeZone: string,
  languages: ReadonlyArray<{ code: string; name: string }>,
): { el: HTMLElement; c: Omit<Controls, 'stageDays' | 'minGapDays' | 'replyByDays' | 'late' | 'sheetName' | 'emails'> } {
  const senderName = h('input', { type: 'text', autocomplete: 'name', maxlength: 100 });
  const hours = Array.from({ length: 24 }, (_, i) => h('option', { value: String(i) }, `${String(i).padStart(2, '0')}:00`));
  const sendHour = h('select', null, hours);
  const currency = h('input', { type: 'text', autocomplete: 'off', maxlength: 3, class: 'short', spellcheck: 'false' });
  const emailLanguage = h(
    'select',
    null,
    languages.map((l) => h('option', { value: l.code }, l.name)),
  );
  const cc = form.checkbox('ccSelf', 'CC me on every follow-up');
  const bcc = form.checkbox('bccSelf', 'BCC me on every follow-up');
  const weekends = form.checkbox('skipWeekends', 'Skip weekends (wait for Monday)');
  const currencyHint = 'For rows without one: USD, EUR… Empty = from the spreadsheet’s locale.';
  const el = section(
    'Sending',
    form.field('senderName', 'Your name (signs every email)', senderName),
    cc.row,
    bcc.row,
    form.field('sendHour', 'Send hour', sendHour, `In the spreadsheet’s time zone: ${timeZone}.`),
    weekends.row,
    form.field('currency', 'Default currency', currency, currencyHint, true),
    form.field('emailLanguage', 'Email language', emailLanguage, 'For clients whose row has no Language.'),
  );
  return {
    el,
    c: { senderName, sendHour, currency, emailLanguage, ccSelf: cc.box, bccSelf: bcc.box, skipWeekends: weekends.box },
  };
}

function loadForm(c: Controls, s: SettingsView): void {
  for (const stage of STAGE_IDS) c.stageDays[stage].value = s.stageDays[stage] === null ? '' : String(s.stageDays[stage]);
  c.minGapDays.value = String(s.minGapDays);
  c.replyByDays.value = String(s.replyByDays);
  c.senderName.value = s.senderName;
  c.sendHour.value = String(s.sendHour);
  c.currency.value = s.currency;
  c.emailLanguage.value = s.emailLanguage ?? 'en';
  c.ccSelf.checked = s.ccSelf;
  c.bccSelf.checked = s.bccSelf;
  c.skipWeekends.checked = s.skipWeekends;
  c.sheetName.value = s.sheetName;
  c.late.load(s.latePayment);
  c.emails.load(s);
}

/** The form as typed, over the saved settings (for the fields the form does not show). */
function readForm(c: Controls, saved: SettingsView): { settings: Settings; issues: ValidationIssue[] } {
  const { settings, issues } = parseSettingsToSave({
    ...saved,
    stageDays: Object.fromEntries(STAGE_IDS.map((s) => [s, c.stageDays[s].value])),
    minGapDays: c.minGapDays.value,
    replyByDays: c.replyByDays.value,
    senderName: c.senderName.value,
    sendHour: c.sendHour.value,
    currency: c.currency.value,
    emailLanguage: c.emailLanguage.value,
    ccSelf: c.ccSelf.checked,
    bccSelf: c.bccSelf.checked,
    skipWeekends: c.skipWeekends.checked,
    sheetName: c.sheetName.value,
    latePayment: c.late.read(),
    ...c.emails.read(),
  });
  return { settings, issues: c.emails.explain(issues) };
}

function dailyCard(store: Store): { el: HTMLElement; render(): void } {
  const state = h('p', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'secondary' });
  function render(): void {
    const on = store.data.dailyOn;
    const at = `${String(store.data.settings.sendHour).padStart(2, '0')}:00`;
    const how = on
      ? `Follow-ups go out every day around ${at} (${store.data.timeZone}).`
      : 'Nothing is sent unless you use Run follow-ups in the menu.';
    fill(state, h('strong', null, on ? 'On. ' : 'Off. '), how);
    button.textContent = on ? 'Turn off daily follow-ups' : 'Turn on daily follow-ups';
  }
  button.addEventListener('click', () => {
    const on = !store.data.dailyOn;
    void busy(button, on ? 'Turning on…' : 'Turning off…', async () => {
      try {
        const result = await call('setDailyFollowUps', on);
        store.setDailyOn(result.dailyOn);
        render();
        if (!result.ok) announce(result.problems.join(' '), 'error');
        else announce(result.dailyOn ? 'Daily follow-ups are on.' : 'Daily follow-ups are off.');
      } catch (error) {
        announce(errorText('Changing daily follow-ups', error), 'error');
      }
    });
  });
  return { el: section('Daily follow-ups', state, h('div', { class: 'actions' }, button)), render };
}

/** The invoice sheet picker: the spreadsheet's sheets, and the saved name even when it is missing. */
function sheetCard(form: Form, store: Store): { el: HTMLElement; select: HTMLSelectElement } {
  const names = store.data.sheetNames ?? [];
  const saved = store.data.settings.sheetName;
  const all = names.includes(saved) ? names : [saved, ...names];
  const select = h(
    'select',
    null,
    all.map((name) => h('option', { value: name }, name)),
  );
  const hint = 'The sheet your invoices are on. Its header row may sit below a title.';
  return { el: section('Invoice sheet', form.field('sheetName', 'Invoice sheet', select, hint)), select };
}

/** Shows why the settings were not saved: beside each field, in the summary and in the alert. */
function refuse(form: Form, issues: readonly ValidationIssue[]): void {
  form.showIssues(issues);
  form.focusFirst(issues);
  announce(`Settings not saved: ${issues.map((i) => i.message).join(' ')}`, 'error');
}

/** Checks the form, then saves it; the server checks again and may still refuse, per field. */
function save(store: Store, form: Form, c: Controls, button: HTMLButtonElement): void {
  const { settings, issues } = readForm(c, store.data.settings);
  if (issues.length > 0) return refuse(form, issues);
  void busy(button, 'Saving…', async () => {
    try {
      const result = await call('saveSettings', settings);
      if (!result.ok) {
        if (result.issues) refuse(form, c.emails.explain(result.issues));
        else announce(`Settings not saved: ${result.problems.join(' ')}`, 'error');
        return;
      }
      form.showIssues([]);
      store.setSettings(settings, result.dailyOn ?? store.data.dailyOn);
      announce('Settings saved.');
    } catch (error) {
      announce(errorText('Saving the settings', error), 'error');
    }
  });
}

export function settingsView(store: Store): { el: HTMLElement } {
  const form = createForm();
  const sending = sendingCard(form, store.data.timeZone, store.data.languages ?? []);
  const sheet = sheetCard(form, store);
  const c: Controls = {
    stageDays: Object.fromEntries(STAGE_IDS.map((s) => [s, numberInput()])) as Record<StageId, HTMLInputElement>,
    minGapDays: numberInput(),
    replyByDays: numberInput(),
    ...sending.c,
    sheetName: sheet.select,
    late: latePaymentCard(form),
    emails: emailOptionsCard(form),
  };
  const daily = dailyCard(store);
  const button = h('button', { type: 'button', class: 'primary' }, 'Save settings');
  button.addEventListener('click', () => save(store, form, c, button));
  const load = (): void => {
    loadForm(c, store.data.settings);
    form.showIssues([]);
    daily.render();
  };
  store.on('settings', load);
  const submit = (e: Event): void => {
    e.preventDefault();
    button.click();
  };
  const settingsForm = h('form', { class: 'settings', novalidate: true, onsubmit: submit });
  fill(
    settingsForm,
    sheet.el,
    stagesCard(form, c),
    sending.el,
    c.emails.el,
    c.late.el,
    form.summary,
    h('div', { class: 'actions' }, button),
  );
  load();
  const columns = columnsView(store.data.columns ?? null);
  return { el: h('div', { class: 'view' }, daily.el, columns.el, settingsForm, exportSettingsCard(store)) };
}
