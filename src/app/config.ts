// Settings and templates of one spreadsheet, read from its store and validated; damaged or
// invalid data falls back to the defaults with a warning the user can see, never a crash.
import { defaultTemplates, templateLabel } from '../domain/defaultTemplates';
import { changedSettingNames, parseSettings, parseSettingsToSave, storedSettingsWarning } from '../domain/settings';
import { isEmailLanguage, languageName } from '../domain/language';
import { validateTemplate } from '../domain/templates';
import {
  EMAIL_LANGUAGES,
  TEMPLATE_IDS,
  type EmailLanguage,
  type Settings,
  type Template,
  type TemplateId,
  type Templates,
} from '../domain/types';
import type { ValidationIssue } from '../domain/validation';
import { recordChange, type ChangeAuthor } from './changeJournal';
import type { StorePort } from './ports';

export const SETTINGS_KEY = 'settings';
const TEMPLATE_KEY_PREFIX = 'template:';
const TEMPLATE_VERSION = 1;

export interface Config {
  settings: Settings;
  /** The templates of the default email language (settings.emailLanguage). */
  templates: Templates;
  /** The templates of every email language: the user's edits over that language's defaults (README "Languages"). */
  templatesByLanguage: Record<EmailLanguage, Templates>;
  warnings: string[];
}

/**
 * A saved template's key: 'template:firm' for the default email language (as templates were saved
 * before emails had languages), 'template:de:firm' for another language.
 */
function templateKey(id: TemplateId, language: EmailLanguage | null): string {
  return language === null ? TEMPLATE_KEY_PREFIX + id : `${TEMPLATE_KEY_PREFIX}${language}:${id}`;
}

/** The template id and language of a saved template's key (null language: saved before languages), or null. */
function keyParts(key: string): { id: TemplateId; language: EmailLanguage | null } | null {
  const parts = key.slice(TEMPLATE_KEY_PREFIX.length).split(':');
  const id = parts[parts.length - 1] ?? '';
  const language = parts.length === 2 ? (parts[0] ?? '') : null;
  if (!(TEMPLATE_IDS as readonly string[]).includes(id) || parts.length > 2) return null;
  if (language !== null && !isEmailLanguage(language)) return null;
  return { id: id as TemplateId, language };
}

/** A template's name with its language when that is not English ('Firm reminder (day 7), German'). */
function templateName(id: TemplateId, language: EmailLanguage, stageDays: Settings['stageDays']): string {
  const label = templateLabel(id, stageDays);
  return language === 'en' ? label : `${label}, ${languageName(language)}`;
}

export function loadConfig(store: StorePort): Config {
  const warnings: string[] = [];
  const stored = store.readJson(SETTINGS_KEY);
  if (stored.warning) warnings.push(stored.warning);
  // Each saved value that is not valid falls back alone to its default (the rest is kept), with a warning.
  const { settings, issues } = parseSettings(stored.value);
  const settingsWarning = storedSettingsWarning(issues);
  if (settingsWarning) warnings.push(settingsWarning);

  const byLanguage = {} as Record<EmailLanguage, Templates>;
  for (const language of EMAIL_LANGUAGES) byLanguage[language] = defaultTemplates(language);
  const saved = store
    .readAllJson(TEMPLATE_KEY_PREFIX)
    .map(({ key, value }) => ({ parts: keyParts(key), value }))
    // A template saved for a language wins over one saved before languages.
    .sort((a, b) => (a.parts?.language === null ? -1 : 0) - (b.parts?.language === null ? -1 : 0));
  for (const { parts, value } of saved) {
    if (parts === null) continue;
    const language = parts.language ?? settings.emailLanguage;
    const t = templateFromStored(value);
    if (t && validateTemplate(t, parts.id).length === 0) byLanguage[language][parts.id] = t;
    else {
      const name = language === 'en' ? parts.id : `${languageName(language)} ${parts.id}`;
      warnings.push(`The saved ${name} template could not be used; the default ${name} template is used instead.`);
    }
  }
  return { settings, templates: byLanguage[settings.emailLanguage], templatesByLanguage: byLanguage, warnings };
}

function templateFromStored(raw: unknown): Template | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (r.version !== TEMPLATE_VERSION || typeof r.subject !== 'string' || typeof r.body !== 'string') return null;
  return { subject: r.subject, body: r.body };
}

/**
 * Saves settings given as untrusted data (the sidebar form, the menu's name prompt) over the saved
 * ones: a field not given keeps its saved value. Returns the issues; nothing is saved when there are any.
 * With an `author`, the fields that really changed are noted in the change journal for the daily summary.
 */
export function saveSettings(
  store: StorePort,
  raw: unknown,
  author?: ChangeAuthor,
): { settings: Settings; issues: ValidationIssue[] } {
  const current = loadConfig(store).settings;
  const merged = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? { ...current, ...raw } : raw;
  const { settings, issues } = parseSettingsToSave(merged);
  if (issues.length > 0) return { settings, issues };
  if (settings.emailLanguage !== current.emailLanguage) moveDefaultLanguage(store, current.emailLanguage, settings.emailLanguage);
  store.writeJson(SETTINGS_KEY, settings);
  const changed = changedSettingNames(current, settings);
  if (author && changed.length > 0) recordChange(store, { ...author, what: 'settings', detail: changed.join(', ') });
  return { settings, issues };
}

/**
 * The default language's templates are kept under the plain keys: when the default changes, they are
 * saved under the language they were written in (so they keep going to the same clients), and the new
 * default language's templates take the plain keys.
 */
function moveDefaultLanguage(store: StorePort, from: EmailLanguage, to: EmailLanguage): void {
  const saved = store.readAllJson(TEMPLATE_KEY_PREFIX).map(({ key, value }) => ({ key, value, parts: keyParts(key) }));
  for (const { key, value, parts } of saved) {
    if (parts === null || parts.language !== null) continue;
    if (!saved.some((t) => t.key === templateKey(parts.id, from))) store.writeJson(templateKey(parts.id, from), value);
    store.delete(key);
  }
  for (const { key, value, parts } of saved) {
    if (parts === null || parts.language !== to) continue;
    store.writeJson(templateKey(parts.id, null), value);
    store.delete(key);
  }
}

/**
 * Saves a template of one language (the default email language when none is given) after
 * validation; returns the issues (nothing is saved when there are any). With an `author`, a template
 * that really changed is noted in the change journal.
 */
export function saveTemplate(
  store: StorePort,
  id: TemplateId,
  template: Template,
  author?: ChangeAuthor,
  language?: EmailLanguage,
): ValidationIssue[] {
  const issues = validateTemplate(template, id);
  if (issues.length > 0) return issues;
  const config = loadConfig(store);
  const lang = language ?? config.settings.emailLanguage;
  const before = config.templatesByLanguage[lang][id];
  const isDefault = lang === config.settings.emailLanguage;
  store.writeJson(templateKey(id, isDefault ? null : lang), { version: TEMPLATE_VERSION, ...template });
  if (isDefault) store.delete(templateKey(id, lang));
  if (author && !sameTemplate(before, template))
    recordChange(store, { ...author, what: 'template', detail: templateName(id, lang, config.settings.stageDays) });
  return issues;
}

/** Goes back to a language's default template; with an `author`, noted in the change journal when it was not the default. */
export function resetTemplate(store: StorePort, id: TemplateId, author?: ChangeAuthor, language?: EmailLanguage): void {
  const config = loadConfig(store);
  const lang = language ?? config.settings.emailLanguage;
  const before = config.templatesByLanguage[lang][id];
  store.delete(templateKey(id, lang));
  if (lang === config.settings.emailLanguage) store.delete(templateKey(id, null));
  if (author && !sameTemplate(before, defaultTemplates(lang)[id]))
    recordChange(store, { ...author, what: 'templateReset', detail: templateName(id, lang, config.settings.stageDays) });
}

const sameTemplate = (a: Template, b: Template): boolean => a.subject === b.subject && a.body === b.body;
