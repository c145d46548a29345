// Settings kept per spreadsheet: the defaults, and the one parser of untrusted settings (the saved
// store, the sidebar form, a save request). Every rule lives here once; problems come back as
// ValidationIssues ({field, code, message}) so a form can put each beside its field.
import { isIsoDate } from './dates';
import { languageOf, supportedLanguagesText } from './language';
import { isCurrencyCode } from './money';
import { stageRow } from './stageTable';
import {
  STAGE_IDS,
  type EmailLanguage,
  type LatePaymentRegime,
  type LatePaymentSettings,
  type Settings,
  type StageId,
} from './types';
import { issue, type IssueCode, type ValidationIssue } from './validation';

export const SETTINGS_VERSION = 1;

export function defaultSettings(): Settings {
  return {
    version: 1,
    sheetName: 'Invoices',
    stageDays: defaultStageDays(),
    minGapDays: 3,
    replyByDays: 7,
    senderName: '',
    ccSelf: false,
    bccSelf: false,
    sendHour: 9,
    skipWeekends: false,
    currency: '',
    latePayment: {
      regime: 'off',
      referenceRatePercent: 0,
      referenceRatePeriod: '',
      marginPercent: 8,
      fixedCompensation: 0,
      attachLetter: false,
    },
    groupByClient: true,
    holidays: [],
    thankYouWhenPaid: false,
    dailySummary: true,
    emailLanguage: 'en',
  };
}

/** Each stage's day in a new spreadsheet, from the stage table. */
function defaultStageDays(): Settings['stageDays'] {
  return Object.fromEntries(STAGE_IDS.map((s) => [s, stageRow(s).defaultDay])) as Settings['stageDays'];
}

export function stageLabel(stage: StageId): string {
  return stageRow(stage).label;
}

export const LATE_PAYMENT_REGIMES: readonly LatePaymentRegime[] = ['off', 'uk', 'eu', 'custom'];

/** The lowest margin over the reference rate the EU directive allows (points a year). */
export const EU_MIN_MARGIN = 8;

// ---- reading one value ---------------------------------------------------------------------------

/** A value read from untrusted data, or why it cannot be used. */
type Read<T> = { ok: true; value: T } | { ok: false; code: IssueCode };

const good = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = <T>(code: IssueCode): Read<T> => ({ ok: false, code });

/** A number as typed in a form or saved as JSON: 7, '7', ' -3 ', '−3', '4.5', '4,5'. '' and null are empty. */
function numberOf(v: unknown): Read<number | null> {
  if (v === null || v === undefined) return good(null);
  if (typeof v === 'number') return Number.isFinite(v) ? good(v) : bad('not-a-number');
  if (typeof v !== 'string') return bad('not-a-number');
  const t = v.trim().replace(/^\u2212/, '-');
  if (t === '') return good(null);
  if (!/^[-+]?\d{1,9}(?:[.,]\d{1,6})?$/.test(t)) return bad('not-a-number');
  return good(Number(t.replace(',', '.')));
}

function wholeNumber(v: unknown, min: number, max: number): Read<number> {
  const n = numberOf(v);
  if (!n.ok) return n;
  if (n.value === null) return bad('required');
  if (!Number.isInteger(n.value)) return bad('not-a-whole-number');
  return n.value < min || n.value > max ? bad('out-of-range') : good(n.value);
}

function decimal(v: unknown, min: number, max: number): Read<number> {
  const n = numberOf(v);
  if (!n.ok) return n;
  if (n.value === null) return bad('required');
  return n.value < min || n.value > max ? bad('out-of-range') : good(n.value);
}

const onOff = (v: unknown): Read<boolean> => (typeof v === 'boolean' ? good(v) : bad('wrong-type'));

function plainName(v: unknown): Read<string> {
  if (typeof v !== 'string') return bad('wrong-type');
  const t = v.trim();
  if (t.length > 100) return bad('too-long');
  return /[\r\n<>"\u2028\u2029\u0085]/.test(t) ? bad('not-plain-text') : good(t);
}

function sheetName(v: unknown): Read<string> {
  if (typeof v !== 'string') return bad('wrong-type');
  return v.trim() === '' ? bad('required') : good(v.trim());
}

function currencyCode(v: unknown): Read<string> {
  if (typeof v !== 'string') return bad('wrong-type');
  const t = v.trim().toUpperCase();
  return t === '' || isCurrencyCode(t) ? good(t) : bad('not-allowed');
}

function regime(v: unknown): Read<LatePaymentRegime> {
  return typeof v === 'string' && (LATE_PAYMENT_REGIMES as readonly string[]).includes(v)
    ? good(v as LatePaymentRegime)
    : bad('not-allowed');
}

/** Most non-sending dates kept (a few years of public holidays and closures). */
const MAX_HOLIDAYS = 200;

/** Non-sending dates: a list of 'YYYY-MM-DD' (from JSON or a form), kept sorted without repeats. */
function holidayList(v: unknown): Read<string[]> {
  if (!Array.isArray(v)) return bad('wrong-type');
  const dates = v.map((d) => (typeof d === 'string' ? d.trim() : ''));
  if (!dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && isIsoDate(d))) return bad('bad-format');
  const unique = [...new Set(dates)].sort();
  return unique.length > MAX_HOLIDAYS ? bad('too-long') : good(unique);
}

function halfYear(v: unknown): Read<string> {
  if (typeof v !== 'string') return bad('wrong-type');
  const t = v.trim().toUpperCase();
  return t === '' || /^(19|20)\d\d-H[12]$/.test(t) ? good(t) : bad('bad-format');
}

/** A language given as a code or a name ('de', 'German', 'Deutsch'); kept as its code. */
function emailLanguage(v: unknown): Read<EmailLanguage> {
  if (typeof v !== 'string') return bad('wrong-type');
  const language = languageOf(v);
  return language === null ? bad('not-allowed') : good(language);
}

// ---- the words, one sentence per field -------------------------------------------------------------

const MESSAGES: Record<string, string> = {
  sheetName: 'The invoice sheet name is empty.',
  minGapDays: 'Days between follow-ups must be a whole number from 1 to 60.',
  replyByDays: 'Reply-by window must be a whole number of days from 1 to 90.',
  senderName: 'Sender name must be plain text of at most 100 characters (no line breaks, quotes or angle brackets).',
  sendHour: 'Send hour must be a whole hour from 0 to 23.',
  ccSelf: 'CC me must be on or off.',
  bccSelf: 'BCC me must be on or off.',
  skipWeekends: 'Skip weekends must be on or off.',
  currency: 'Default currency must be a currency code such as USD, EUR or GBP, or empty.',
  latePayment: 'Late-payment interest settings could not be read.',
  'latePayment.regime': 'Late-payment interest must be off, UK, EU or custom.',
  'latePayment.referenceRatePercent': 'Reference rate must be a number of percent from 0 to 100.',
  'latePayment.referenceRatePeriod': 'The half-year of the reference rate must look like 2026-H1 or 2026-H2 (or be empty).',
  'latePayment.marginPercent': 'The interest rate must be a number of percent from 0 to 100.',
  'latePayment.fixedCompensation': 'The fixed sum per invoice must be a number, 0 or more.',
  'latePayment.attachLetter': 'Attach the letter must be on or off.',
  groupByClient: 'One email per client must be on or off.',
  holidays: `Days without follow-ups must be real dates written like 2026-12-25, at most ${MAX_HOLIDAYS} of them.`,
  thankYouWhenPaid: 'Thank-you when paid must be on or off.',
  dailySummary: 'Daily summary must be on or off.',
  emailLanguage: `The email language must be one of ${supportedLanguagesText()}.`,
};

/**
 * Reads the fields of one object: `take` keeps a field that reads well, else gives its fallback and
 * notes an issue in `issues`. A field not given at all takes its fallback quietly.
 */
function fieldReader(
  r: Record<string, unknown>,
  prefix = '',
): {
  issues: ValidationIssue[];
  take: <T>(key: string, read: (v: unknown) => Read<T>, fallback: T) => T;
} {
  const issues: ValidationIssue[] = [];
  const take = <T>(key: string, read: (v: unknown) => Read<T>, fallback: T): T => {
    if (!(key in r) || r[key] === undefined) return fallback;
    const got = read(r[key]);
    if (got.ok) return got.value;
    const path = prefix + key;
    issues.push(issue(path, got.code, MESSAGES[path] ?? `${path} is not valid.`));
    return fallback;
  };
  return { issues, take };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

// ---- stage days --------------------------------------------------------------------------------------

type StageRead = { ok: true; value: number | null } | { ok: false; code: IssueCode; message: string };

/** One stage day: a whole number of days in the stage's direction, or null (off) where allowed. */
function stageDay(stage: StageId, v: unknown): StageRead {
  const row = stageRow(stage);
  const label = row.label;
  const n = numberOf(v);
  if (!n.ok || (n.value !== null && !Number.isInteger(n.value))) {
    const off = row.required === true ? '' : ' (or empty to turn it off)';
    return { ok: false, code: n.ok ? 'not-a-whole-number' : n.code, message: `${label} day must be a whole number${off}.` };
  }
  if (n.value !== null && Math.abs(n.value) > 365)
    return { ok: false, code: 'out-of-range', message: `${label} day must be from -365 to 365.` };
  if (n.value === null) {
    return row.required === true
      ? { ok: false, code: 'required', message: `The ${label.toLowerCase()} stage cannot be turned off.` }
      : n;
  }
  if (row.beforeDue === true && n.value >= 0) {
    const message = `The ${label.toLowerCase()} goes out before the due date: use a negative day such as -3.`;
    return { ok: false, code: 'out-of-range', message };
  }
  if (row.beforeDue !== true && n.value < 0)
    return { ok: false, code: 'out-of-range', message: `${label} day must be 0 or later (days after the due date).` };
  return n;
}

/** Issues for enabled stage days that do not rise in stage order ("the latest stage due" must be well defined). */
function orderIssues(days: Settings['stageDays']): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  let previous: { stage: StageId; day: number } | null = null;
  for (const stage of STAGE_IDS) {
    const day = days[stage];
    if (day === null) continue;
    if (previous && day <= previous.day) {
      const before = `${stageLabel(previous.stage).toLowerCase()} (day ${previous.day})`;
      issues.push(issue(`stageDays.${stage}`, 'out-of-order', `${stageLabel(stage)} (day ${day}) must come after ${before}.`));
    }
    previous = { stage, day };
  }
  return issues;
}

/** Stage days: each bad day falls back alone; days out of order bring back the default schedule. */
function parseStageDays(raw: unknown): { stageDays: Settings['stageDays']; issues: ValidationIssue[] } {
  const defaults = defaultSettings().stageDays;
  if (raw === undefined) return { stageDays: defaults, issues: [] };
  if (!isRecord(raw))
    return { stageDays: defaults, issues: [issue('stageDays', 'wrong-type', 'The stage days could not be read.')] };
  const issues: ValidationIssue[] = [];
  const days = { ...defaults };
  for (const stage of STAGE_IDS) {
    if (!(stage in raw) || raw[stage] === undefined) continue;
    const got = stageDay(stage, raw[stage]);
    if (got.ok) days[stage] = got.value;
    else issues.push(issue(`stageDays.${stage}`, got.code, got.message));
  }
  // Days out of order bring the default schedule back; when a day was already refused, the order
  // is not reported again (its default may be what is out of order).
  const order = orderIssues(days);
  const stageDays = order.length > 0 ? defaults : days;
  return { stageDays, issues: issues.length > 0 ? issues : order };
}

// ---- late-payment interest ---------------------------------------------------------------------------

function parseLatePayment(raw: unknown): { latePayment: LatePaymentSettings; issues: ValidationIssue[] } {
  const defaults = defaultSettings().latePayment;
  if (raw === undefined) return { latePayment: defaults, issues: [] };
  if (!isRecord(raw)) return { latePayment: defaults, issues: [issue('latePayment', 'wrong-type', MESSAGES.latePayment ?? '')] };
  const { issues, take } = fieldReader(raw, 'latePayment.');
  const rate = (v: unknown): Read<number> => decimal(v, 0, 100);
  const lp: LatePaymentSettings = {
    regime: take('regime', regime, defaults.regime),
    referenceRatePercent: take('referenceRatePercent', rate, defaults.referenceRatePercent),
    referenceRatePeriod: take('referenceRatePeriod', halfYear, defaults.referenceRatePeriod),
    marginPercent: take('marginPercent', rate, defaults.marginPercent),
    fixedCompensation: take('fixedCompensation', (v) => decimal(v, 0, 1e9), defaults.fixedCompensation),
    attachLetter: take('attachLetter', onOff, defaults.attachLetter),
  };
  if (lp.regime === 'eu' && lp.marginPercent < EU_MIN_MARGIN) {
    const message = `For the EU rules the margin is at least ${EU_MIN_MARGIN} points over the reference rate.`;
    return {
      latePayment: { ...lp, marginPercent: EU_MIN_MARGIN },
      issues: [...issues, issue('latePayment.marginPercent', 'out-of-range', message)],
    };
  }
  return { latePayment: lp, issues };
}

// ---- the whole ----------------------------------------------------------------------------------------

/**
 * Turns untrusted data (the store, the sidebar form, a save request) into settings. Each field that
 * is given but not valid falls back alone to its default and adds an issue; a field not given at all
 * (settings saved before it existed) takes its default quietly. Numbers may come as form text ('7').
 * `parseSettings({ ...defaultSettings(), minGapDays: 0 })` → minGapDays 3 and one issue
 * `{ field: 'minGapDays', code: 'out-of-range', … }`.
 */
export function parseSettings(raw: unknown): { settings: Settings; issues: ValidationIssue[] } {
  const defaults = defaultSettings();
  if (raw === null || raw === undefined) return { settings: defaults, issues: [] };
  if (!isRecord(raw)) {
    return { settings: defaults, issues: [issue('', 'wrong-type', 'Saved settings could not be read; the defaults are used.')] };
  }
  const r = raw;
  if (r.version !== SETTINGS_VERSION) {
    const message = 'Saved settings are from an unknown version; the defaults are used.';
    return { settings: defaults, issues: [issue('version', 'unknown-version', message)] };
  }
  const { issues, take } = fieldReader(r);
  const whole = (min: number, max: number) => (v: unknown) => wholeNumber(v, min, max);
  const days = parseStageDays(r.stageDays);
  const late = parseLatePayment(r.latePayment);
  const settings: Settings = {
    version: 1,
    sheetName: take('sheetName', sheetName, defaults.sheetName),
    stageDays: days.stageDays,
    minGapDays: take('minGapDays', whole(1, 60), defaults.minGapDays),
    replyByDays: take('replyByDays', whole(1, 90), defaults.replyByDays),
    senderName: take('senderName', plainName, defaults.senderName),
    ccSelf: take('ccSelf', onOff, defaults.ccSelf),
    bccSelf: take('bccSelf', onOff, defaults.bccSelf),
    sendHour: take('sendHour', whole(0, 23), defaults.sendHour),
    skipWeekends: take('skipWeekends', onOff, defaults.skipWeekends),
    currency: take('currency', currencyCode, defaults.currency),
    latePayment: late.latePayment,
    groupByClient: take('groupByClient', onOff, defaults.groupByClient),
    holidays: take('holidays', holidayList, defaults.holidays),
    thankYouWhenPaid: take('thankYouWhenPaid', onOff, defaults.thankYouWhenPaid),
    dailySummary: take('dailySummary', onOff, defaults.dailySummary),
    emailLanguage: take('emailLanguage', emailLanguage, defaults.emailLanguage),
  };
  return { settings, issues: [...issues, ...days.issues, ...late.issues] };
}

/** Every follow-up is signed with the sender name: nothing can be sent (or saved from a form) without one. */
export function missingSenderName(settings: Settings): ValidationIssue | null {
  if (settings.senderName.trim() !== '') return null;
  return issue('senderName', 'required', 'Your name for the emails is empty: every follow-up is signed with it.');
}

/** parseSettings, plus what a save needs that a new spreadsheet's stored settings may lack (a sender name). */
export function parseSettingsToSave(raw: unknown): { settings: Settings; issues: ValidationIssue[] } {
  const { settings, issues } = parseSettings(raw);
  const missing = issues.some((i) => i.field === 'senderName') ? null : missingSenderName(settings);
  return { settings, issues: missing ? [...issues, missing] : issues };
}

const SETTING_NAMES: Record<string, string> = {
  stageDays: 'stage days',
  minGapDays: 'days between follow-ups',
  replyByDays: 'reply-by window',
  senderName: 'your name for the emails',
  sendHour: 'send hour',
  currency: 'default currency',
  sheetName: 'invoice sheet name',
  ccSelf: 'CC me',
  bccSelf: 'BCC me',
  skipWeekends: 'skip weekends',
  latePayment: 'late-payment interest',
  groupByClient: 'one email per client',
  holidays: 'days without follow-ups',
  thankYouWhenPaid: 'thank-you when paid',
  dailySummary: 'daily summary',
  emailLanguage: 'email language',
};

/** The warning a user sees when saved settings had issues (each bad value fell back alone), or null. */
export function storedSettingsWarning(issues: readonly ValidationIssue[]): string | null {
  const first = issues[0];
  if (!first) return null;
  if (first.field === '' || first.field === 'version') return first.message;
  const names = [...new Set(issues.map((i) => SETTING_NAMES[i.field.split('.')[0] ?? ''] ?? i.field))];
  return `Saved settings had a value that is not valid (${first.message}); the default is used for: ${names.join(', ')}.`;
}

/**
 * The settings that differ between two versions, in words (a field without words by its name):
 * `changedSettingNames(s, { ...s, senderName: 'Ann', ccSelf: true })` → ['your name for the emails', 'CC me'].
 */
export function changedSettingNames(before: Settings, after: Settings): string[] {
  const keys = (Object.keys(after) as Array<keyof Settings>).filter((k) => k !== 'version');
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k])).map((k) => SETTING_NAMES[k] ?? k);
}
