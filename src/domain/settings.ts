// Settings kept per spreadsheet: defaults, and validation of what a user (or a corrupt store) gives us.
import { isCurrencyCode } from './money';
import { STAGE_IDS, type Settings, type StageId } from './types';

export const SETTINGS_VERSION = 1;

export function defaultSettings(): Settings {
  return {
    version: 1,
    sheetName: 'Invoices',
    stageDays: { nudge: null, reminder: 1, firm: 7, escalate: 14, formal: 21, final: 30 },
    minGapDays: 3,
    replyByDays: 7,
    senderName: '',
    ccSelf: false,
    bccSelf: false,
    sendHour: 9,
    skipWeekends: false,
    currency: '',
  };
}

const STAGE_LABELS: Record<StageId, string> = {
  nudge: 'Courtesy nudge',
  reminder: 'Reminder',
  firm: 'Firm reminder',
  escalate: 'Escalation',
  formal: 'Formal notice',
  final: 'Decision',
};

export function stageLabel(stage: StageId): string {
  return STAGE_LABELS[stage];
}

function isWholeNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/**
 * Checks settings as a whole. Returns the problems in words; an empty list means valid.
 * Enabled stage days must rise in stage order, so "the latest stage due" is well defined.
 */
export function validateSettings(s: Settings): string[] {
  const problems: string[] = [];
  if (typeof s.sheetName !== 'string' || s.sheetName.trim() === '') problems.push('The invoice sheet name is empty.');
  let previous: { stage: StageId; day: number } | null = null;
  for (const stage of STAGE_IDS) {
    const day = s.stageDays[stage];
    if (day === null) {
      if (stage === 'reminder') problems.push('The reminder stage cannot be turned off.');
      continue;
    }
    if (!isWholeNumber(day) || Math.abs(day) > 365) {
      problems.push(`${stageLabel(stage)} day must be a whole number of days (got ${String(day)}).`);
      continue;
    }
    if (stage === 'nudge' && day >= 0)
      problems.push('The courtesy nudge goes out before the due date: use a negative day such as -3.');
    if (stage !== 'nudge' && day < 0) problems.push(`${stageLabel(stage)} day must be 0 or later (days after the due date).`);
    if (previous && day <= previous.day) {
      problems.push(
        `${stageLabel(stage)} (day ${day}) must come after ${stageLabel(previous.stage).toLowerCase()} (day ${previous.day}).`,
      );
    }
    previous = { stage, day };
  }
  if (!isWholeNumber(s.minGapDays) || s.minGapDays < 1 || s.minGapDays > 60)
    problems.push('Days between follow-ups must be a whole number from 1 to 60.');
  if (!isWholeNumber(s.replyByDays) || s.replyByDays < 1 || s.replyByDays > 90)
    problems.push('Reply-by window must be a whole number of days from 1 to 90.');
  if (typeof s.senderName !== 'string' || /[\r\n<>"]/.test(s.senderName) || s.senderName.length > 100) {
    problems.push('Sender name must be plain text of at most 100 characters (no line breaks, quotes or angle brackets).');
  }
  if (!isWholeNumber(s.sendHour) || s.sendHour < 0 || s.sendHour > 23)
    problems.push('Send hour must be a whole hour from 0 to 23.');
  if (typeof s.ccSelf !== 'boolean' || typeof s.bccSelf !== 'boolean' || typeof s.skipWeekends !== 'boolean') {
    problems.push('CC me, BCC me and Skip weekends must be on or off.');
  }
  if (typeof s.currency !== 'string' || !(s.currency === '' || isCurrencyCode(s.currency))) {
    problems.push('Default currency must be a currency code such as USD, EUR or GBP, or empty.');
  }
  return problems;
}

/**
 * Turns stored (untrusted) JSON into settings: known fields of the right type are kept, anything
 * else falls back to the default. Returns the warnings a user should see.
 */
export function settingsFromStored(raw: unknown): { settings: Settings; warnings: string[] } {
  const defaults = defaultSettings();
  if (raw === null || raw === undefined) return { settings: defaults, warnings: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings: defaults, warnings: ['Saved settings could not be read; the defaults are used.'] };
  }
  const r = raw as Record<string, unknown>;
  if (r.version !== SETTINGS_VERSION) {
    return { settings: defaults, warnings: ['Saved settings are from an unknown version; the defaults are used.'] };
  }
  const merged: Settings = { ...defaults };
  const pick = <K extends keyof Settings>(key: K, ok: (v: unknown) => boolean): void => {
    if (key in r && ok(r[key])) merged[key] = r[key] as Settings[K];
  };
  pick('sheetName', (v) => typeof v === 'string');
  pick('minGapDays', isWholeNumber);
  pick('replyByDays', isWholeNumber);
  pick('senderName', (v) => typeof v === 'string');
  pick('ccSelf', (v) => typeof v === 'boolean');
  pick('bccSelf', (v) => typeof v === 'boolean');
  pick('sendHour', isWholeNumber);
  pick('skipWeekends', (v) => typeof v === 'boolean');
  pick('currency', (v) => typeof v === 'string');
  const days = r.stageDays;
  if (days && typeof days === 'object' && !Array.isArray(days)) {
    const stageDays = { ...defaults.stageDays };
    for (const stage of STAGE_IDS) {
      const v = (days as Record<string, unknown>)[stage];
      if (v === null || isWholeNumber(v)) stageDays[stage] = v;
    }
    merged.stageDays = stageDays;
  }
  const problems = validateSettings(merged);
  if (problems.length === 0) return { settings: merged, warnings: [] };
  // Keep what is valid: put back the default of one setting at a time until the whole is valid,
  // so one bad value does not throw away the user's stage days or name.
  const reset: string[] = [];
  let repaired = merged;
  for (const key of RESETTABLE) {
    if (validateSettings(repaired).length === 0) break;
    const candidate = { ...repaired, [key]: defaults[key] };
    if (validateSettings(candidate).length < validateSettings(repaired).length) {
      repaired = candidate;
      reset.push(SETTING_NAMES[key]);
    }
  }
  if (validateSettings(repaired).length > 0) {
    return { settings: defaults, warnings: [`Saved settings are not valid (${problems[0]}); the defaults are used.`] };
  }
  return {
    settings: repaired,
    warnings: [`Saved settings had a value that is not valid (${problems[0]}); the default is used for: ${reset.join(', ')}.`],
  };
}

const RESETTABLE = [
  'stageDays',
  'minGapDays',
  'replyByDays',
  'senderName',
  'sendHour',
  'currency',
  'sheetName',
  'ccSelf',
  'bccSelf',
  'skipWeekends',
] as const;

const SETTING_NAMES: Record<(typeof RESETTABLE)[number], string> = {
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
};
