// Settings: stage days, days between follow-ups, reply-by window, sender name, CC/BCC me, send
// hour (spreadsheet time zone), skip weekends, default currency; and the daily trigger on/off.
// Checked here with the server's own rules (validateSettings) for messages per field, and the
// server's answer is shown when it still refuses.
import { stageLabel, validateSettings } from '../../src/domain/settings';
import { STAGE_IDS, type Settings, type StageId } from '../../src/domain/types';
import { call } from '../api';
import { fill, h, uid } from '../dom';
import type { SettingsView, Store } from '../state';
import { announce, busy, errorText, problemList, section } from '../ui';

type FieldKey = StageId | 'minGapDays' | 'replyByDays' | 'senderName' | 'sendHour' | 'currency' | 'form';

const STAGE_HINTS: Record<StageId, string> = {
  nudge: 'Before due: negative, e.g. -3. Empty = off.',
  reminder: 'Always on.',
  firm: 'Empty = off.',
  escalate: 'To the billing contact. Empty = off.',
  formal: 'Empty = off.',
  final: 'No email: flags the row. Empty = off.',
};

/** Which field a message of validateSettings (or the server) is about. */
export function fieldOf(problem: string): FieldKey {
  const p = problem.toLowerCase();
  if (p.startsWith('days between')) return 'minGapDays';
  if (p.startsWith('reply-by')) return 'replyByDays';
  if (p.startsWith('sender name') || p.startsWith('your name')) return 'senderName';
  if (p.startsWith('send hour')) return 'sendHour';
  if (p.startsWith('default currency')) return 'currency';
  // "Firm reminder (day 0) must come after reminder (day 1)": the stage the message starts with.
  const stages = [...STAGE_IDS].sort((a, b) => stageLabel(b).length - stageLabel(a).length);
  const first = stages.find((s) => p.startsWith(stageLabel(s).toLowerCase()));
  if (first) return first;
  if (p.includes('courtesy nudge')) return 'nudge';
  if (p.startsWith('the reminder stage')) return 'reminder';
  return 'form';
}

export function settingsView(store: Store): { el: HTMLElement } {
  const errors = new Map<FieldKey, HTMLElement>();
  const inputs = new Map<FieldKey, HTMLInputElement | HTMLSelectElement>();

  /** A labelled control with its hint and its own error message; `compact` puts a short input beside the label. */
  function field(
    key: FieldKey,
    label: string,
    control: HTMLInputElement | HTMLSelectElement,
    hint?: string,
    compact = false,
  ): HTMLElement {
    const id = uid(key);
    const errId = `${id}-error`;
    const hintId = `${id}-hint`;
    control.id = id;
    control.setAttribute('aria-describedby', hint ? `${hintId} ${errId}` : errId);
    const err = h('p', { id: errId, class: 'field-error' });
    errors.set(key, err);
    inputs.set(key, control);
    const hintEl = hint ? h('p', { id: hintId, class: 'hint' }, hint) : null;
    if (compact)
      return h('div', { class: 'field compact' }, h('div', null, h('label', { for: id }, label), hintEl), control, err);
    return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl, err);
  }

  const numberInput = (): HTMLInputElement =>
    h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'short' });
  const checkbox = (label: string): { row: HTMLElement; box: HTMLInputElement } => {
    const id = uid('check');
    const box = h('input', { type: 'checkbox', id });
    return { box, row: h('div', { class: 'check' }, box, h('label', { for: id }, label)) };
  };

  const stageInputs = Object.fromEntries(STAGE_IDS.map((s) => [s, numberInput()])) as Record<StageId, HTMLInputElement>;
  const minGap = numberInput();
  const replyBy = numberInput();
  const sender = h('input', { type: 'text', autocomplete: 'name', maxlength: 100 });
  const hour = h(
    'select',
    null,
    Array.from({ length: 24 }, (_, i) => h('option', { value: String(i) }, `${String(i).padStart(2, '0')}:00`)),
  );
  const currency = h('input', { type: 'text', autocomplete: 'off', maxlength: 3, class: 'short', spellcheck: 'false' });
  const cc = checkbox('CC me on every follow-up');
  const bcc = checkbox('BCC me on every follow-up');
  const weekends = checkbox('Skip weekends (wait for Monday)');
  const formErrors = h('div', { 'aria-live': 'polite' });
  const save = h('button', { type: 'button', class: 'primary' }, 'Save settings');

  const dailyState = h('p', { 'aria-live': 'polite' });
  const dailyButton = h('button', { type: 'button', class: 'secondary' });

  function load(s: SettingsView): void {
    for (const stage of STAGE_IDS) stageInputs[stage].value = s.stageDays[stage] === null ? '' : String(s.stageDays[stage]);
    minGap.value = String(s.minGapDays);
    replyBy.value = String(s.replyByDays);
    sender.value = s.senderName;
    hour.value = String(s.sendHour);
    currency.value = s.currency;
    cc.box.checked = s.ccSelf;
    bcc.box.checked = s.bccSelf;
    weekends.box.checked = s.skipWeekends;
    showProblems([]);
    renderDaily();
  }

  function renderDaily(): void {
    const on = store.data.dailyOn;
    const h24 = `${String(store.data.settings.sendHour).padStart(2, '0')}:00`;
    fill(
      dailyState,
      h('strong', null, on ? 'On. ' : 'Off. '),
      on
        ? `Follow-ups go out every day around ${h24} (${store.data.timeZone}).`
        : 'Nothing is sent unless you use Run follow-ups in the menu.',
    );
    dailyButton.textContent = on ? 'Turn off daily follow-ups' : 'Turn on daily follow-ups';
  }

  /** Reads the form. Whole numbers only; an empty stage day turns the stage off. */
  function read(): { settings: Settings; problems: string[] } {
    const problems: string[] = [];
    const whole = (input: HTMLInputElement, what: string, allowEmpty: boolean): number | null => {
      const t = input.value.trim().replace(/^\u2212/, '-');
      if (t === '' && allowEmpty) return null;
      if (!/^[-+]?\d{1,4}$/.test(t)) {
        problems.push(`${what} must be a whole number${allowEmpty ? ' (or empty to turn it off)' : ''}.`);
        return NaN;
      }
      return Number(t);
    };
    const stageDays = {} as Record<StageId, number | null>;
    for (const stage of STAGE_IDS) stageDays[stage] = whole(stageInputs[stage], `${stageLabel(stage)} day`, stage !== 'reminder');
    const settings: Settings = {
      ...store.data.settings,
      stageDays,
      minGapDays: whole(minGap, 'Days between follow-ups', false) ?? NaN,
      replyByDays: whole(replyBy, 'Reply-by window', false) ?? NaN,
      senderName: sender.value.trim(),
      sendHour: Number(hour.value),
      currency: currency.value.trim().toUpperCase(),
      ccSelf: cc.box.checked,
      bccSelf: bcc.box.checked,
      skipWeekends: weekends.box.checked,
    };
    if (settings.senderName === '') problems.push('Your name for the emails is empty: every follow-up is signed with it.');
    // The server's own rules, for what the per-field checks above did not already say.
    const seen = new Set(problems.map(fieldOf));
    for (const p of validateSettings(settings)) if (!seen.has(fieldOf(p))) problems.push(p);
    return { settings, problems };
  }

  function showProblems(problems: readonly string[]): void {
    const byField = new Map<FieldKey, string[]>();
    for (const p of problems) byField.set(fieldOf(p), [...(byField.get(fieldOf(p)) ?? []), p]);
    for (const [key, err] of errors) {
      const list = byField.get(key) ?? [];
      fill(err, list.join(' '));
      inputs.get(key)?.setAttribute('aria-invalid', String(list.length > 0));
    }
    fill(
      formErrors,
      problems.length > 0 ? [h('p', { class: 'error-text' }, 'Not saved. Please check:'), problemList(problems)] : null,
    );
  }

  /** Focuses the first field (in the form's order) that has a problem. */
  function focusFirstProblem(problems: readonly string[]): void {
    const keys = new Set(problems.map(fieldOf));
    for (const [key, input] of inputs) {
      if (keys.has(key)) {
        input.focus();
        return;
      }
    }
  }

  save.addEventListener('click', () => {
    const { settings, problems } = read();
    if (problems.length > 0) {
      showProblems(problems);
      focusFirstProblem(problems);
      announce(`Settings not saved: ${problems[0]}`, 'error');
      return;
    }
    void busy(save, 'Saving…', async () => {
      try {
        const result = await call('saveSettings', settings);
        if (!result.ok) {
          showProblems(result.problems);
          focusFirstProblem(result.problems);
          announce(`Settings not saved: ${result.problems.join(' ')}`, 'error');
          return;
        }
        showProblems([]);
        store.setSettings(settings, result.dailyOn ?? store.data.dailyOn);
        announce('Settings saved.');
      } catch (error) {
        announce(errorText('Saving the settings', error), 'error');
      }
    });
  });

  dailyButton.addEventListener('click', () => {
    const on = !store.data.dailyOn;
    void busy(dailyButton, on ? 'Turning on…' : 'Turning off…', async () => {
      try {
        const result = await call('setDailyFollowUps', on);
        store.setDailyOn(result.dailyOn);
        renderDaily();
        if (!result.ok) announce(result.problems.join(' '), 'error');
        else announce(result.dailyOn ? 'Daily follow-ups are on.' : 'Daily follow-ups are off.');
      } catch (error) {
        announce(errorText('Changing daily follow-ups', error), 'error');
      }
    });
  });

  store.on('settings', () => load(store.data.settings));

  const el = h(
    'div',
    { class: 'view' },
    section('Daily follow-ups', dailyState, h('div', { class: 'actions' }, dailyButton)),
    h(
      'form',
      {
        class: 'settings',
        novalidate: true,
        onsubmit: (e: Event) => {
          e.preventDefault();
          save.click();
        },
      },
      section(
        'When each stage goes out',
        h('p', { class: 'hint' }, 'Days after the due date, counted in the spreadsheet’s time zone.'),
        STAGE_IDS.map((s) => field(s, `${stageLabel(s)} (day)`, stageInputs[s], STAGE_HINTS[s], true)),
        field('minGapDays', 'Days between follow-ups', minGap, 'At least this many days apart.', true),
        field('replyByDays', 'Reply-by window (days)', replyBy, 'For {{reply_by}}: today plus this many days.', true),
      ),
      section(
        'Sending',
        field('senderName', 'Your name (signs every email)', sender),
        cc.row,
        bcc.row,
        field('sendHour', 'Send hour', hour, `In the spreadsheet’s time zone: ${store.data.timeZone}.`),
        weekends.row,
        field(
          'currency',
          'Default currency',
          currency,
          'For rows without one: USD, EUR… Empty = from the spreadsheet’s locale.',
          true,
        ),
      ),
      formErrors,
      h('div', { class: 'actions' }, save),
    ),
  );
  load(store.data.settings);
  return { el };
}
