// Settings and templates of one spreadsheet, read from its store and validated; damaged or
// invalid data falls back to the defaults with a warning the user can see, never a crash.
import { defaultTemplates, templateLabel } from '../domain/defaultTemplates';
import { changedSettingNames, parseSettings, parseSettingsToSave, storedSettingsWarning } from '../domain/settings';
import { validateTemplate } from '../domain/templates';
import { TEMPLATE_IDS, type Settings, type Template, type TemplateId, type Templates } from '../domain/types';
import type { ValidationIssue } from '../domain/validation';
import { recordChange, type ChangeAuthor } from './changeJournal';
import type { StorePort } from './ports';

export const SETTINGS_KEY = 'settings';
const TEMPLATE_KEY_PREFIX = 'template:';
const TEMPLATE_VERSION = 1;

export interface Config {
  settings: Settings;
  templates: Templates;
  warnings: string[];
}

export function loadConfig(store: StorePort): Config {
  const warnings: string[] = [];
  const stored = store.readJson(SETTINGS_KEY);
  if (stored.warning) warnings.push(stored.warning);
  // Each saved value that is not valid falls back alone to its default (the rest is kept), with a warning.
  const { settings, issues } = parseSettings(stored.value);
  const settingsWarning = storedSettingsWarning(issues);
  if (settingsWarning) warnings.push(settingsWarning);

  const templates = defaultTemplates();
  for (const { key, value } of store.readAllJson(TEMPLATE_KEY_PREFIX)) {
    const id = key.slice(TEMPLATE_KEY_PREFIX.length) as TemplateId;
    if (!(TEMPLATE_IDS as readonly string[]).includes(id)) continue;
    const t = templateFromStored(value);
    if (t && validateTemplate(t, id).length === 0) templates[id] = t;
    else warnings.push(`The saved ${id} template could not be used; the default ${id} template is used instead.`);
  }
  return { settings, templates, warnings };
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
  store.writeJson(SETTINGS_KEY, settings);
  const changed = changedSettingNames(current, settings);
  if (author && changed.length > 0) recordChange(store, { ...author, what: 'settings', detail: changed.join(', ') });
  return { settings, issues };
}

/**
 * Saves a template after validation; returns the issues (nothing is saved when there are any).
 * With an `author`, a template that really changed is noted in the change journal.
 */
export function saveTemplate(store: StorePort, id: TemplateId, template: Template, author?: ChangeAuthor): ValidationIssue[] {
  const issues = validateTemplate(template, id);
  if (issues.length > 0) return issues;
  const before = templateInUse(store, id);
  store.writeJson(TEMPLATE_KEY_PREFIX + id, { version: TEMPLATE_VERSION, ...template });
  if (author && !sameTemplate(before, template))
    recordChange(store, { ...author, what: 'template', detail: templateLabel(id, stageDaysIn(store)) });
  return issues;
}

/** Goes back to the default template; with an `author`, noted in the change journal when it was not the default. */
export function resetTemplate(store: StorePort, id: TemplateId, author?: ChangeAuthor): void {
  const before = templateInUse(store, id);
  store.delete(TEMPLATE_KEY_PREFIX + id);
  if (author && !sameTemplate(before, defaultTemplates()[id]))
    recordChange(store, { ...author, what: 'templateReset', detail: templateLabel(id, stageDaysIn(store)) });
}

/** The stage days in force, for a template's name. */
function stageDaysIn(store: StorePort): Settings['stageDays'] {
  return parseSettings(store.readJson(SETTINGS_KEY).value).settings.stageDays;
}

/** The template a run uses now: the saved one when it can be used, else the default (as loadConfig reads it). */
function templateInUse(store: StorePort, id: TemplateId): Template {
  const saved = templateFromStored(store.readJson(TEMPLATE_KEY_PREFIX + id).value);
  return saved && validateTemplate(saved, id).length === 0 ? saved : defaultTemplates()[id];
}

const sameTemplate = (a: Template, b: Template): boolean => a.subject === b.subject && a.body === b.body;
