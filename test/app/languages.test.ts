// Templates per language in the store (README "Languages"): a template saved before emails had
// languages counts as the default language's, and keeps its language when the default changes.
import { loadConfig, saveSettings, saveTemplate, resetTemplate } from '../../src/app/config';
import { defaultTemplates } from '../../src/domain/defaultTemplates';
import { fakePorts } from './fakePorts';

const OLD = { version: 1, subject: 'Old {{invoice}}', body: 'Old text {{balance}} {{sender_name}}' };

function withOldTemplate() {
  const ports = fakePorts('2026-10-02', []);
  ports.props.set('template:firm', JSON.stringify(OLD));
  return ports;
}

describe('templates per language in the store', () => {
  it('reads a template saved before languages as the default language’s edit', () => {
    const config = loadConfig(withOldTemplate().store);
    expect(config.templatesByLanguage.en.firm.subject).toBe(OLD.subject);
    expect(config.templates.firm.subject).toBe(OLD.subject);
    expect(config.templatesByLanguage.de.firm).toEqual(defaultTemplates('de').firm);
  });

  it('counts it as the default language’s whatever that is', () => {
    const ports = withOldTemplate();
    const settings = JSON.parse(ports.props.get('settings')!) as Record<string, unknown>;
    ports.props.set('settings', JSON.stringify({ ...settings, emailLanguage: 'nl' }));
    const config = loadConfig(ports.store);
    expect(config.templatesByLanguage.nl.firm.subject).toBe(OLD.subject);
    expect(config.templatesByLanguage.en.firm).toEqual(defaultTemplates('en').firm);
  });

  it('keeps it with its language when the default language changes', () => {
    const ports = withOldTemplate();
    expect(saveSettings(ports.store, { emailLanguage: 'de' }).issues).toEqual([]);
    const config = loadConfig(ports.store);
    expect(config.settings.emailLanguage).toBe('de');
    expect(config.templatesByLanguage.en.firm.subject).toBe(OLD.subject);
    expect(config.templatesByLanguage.de.firm).toEqual(defaultTemplates('de').firm);
    expect(ports.props.has('template:firm')).toBe(false);
    expect(ports.props.get('template:en:firm')).toContain(OLD.subject);
  });

  it('gives the plain keys to the new default language’s templates', () => {
    const ports = withOldTemplate();
    const mine = { subject: 'Zweite Erinnerung {{invoice}}', body: 'Bitte zahlen Sie {{balance}}.' };
    expect(saveTemplate(ports.store, 'firm', mine, undefined, 'de')).toEqual([]);
    expect(ports.props.get('template:de:firm')).toContain(mine.subject);
    expect(saveSettings(ports.store, { emailLanguage: 'de' }).issues).toEqual([]);
    expect(ports.props.get('template:firm')).toContain(mine.subject);
    expect(ports.props.has('template:de:firm')).toBe(false);
    const config = loadConfig(ports.store);
    expect(config.templates.firm).toEqual(mine);
    expect(config.templatesByLanguage.en.firm.subject).toBe(OLD.subject);
  });

  it('saves and resets one language without touching another', () => {
    const ports = withOldTemplate();
    const mine = { subject: 'Zweite Erinnerung {{invoice}}', body: 'Bitte zahlen Sie {{balance}}.' };
    expect(saveTemplate(ports.store, 'firm', mine, undefined, 'de')).toEqual([]);
    let config = loadConfig(ports.store);
    expect(config.templatesByLanguage.de.firm).toEqual(mine);
    expect(config.templatesByLanguage.en.firm.subject).toBe(OLD.subject);
    resetTemplate(ports.store, 'firm', undefined, 'de');
    config = loadConfig(ports.store);
    expect(config.templatesByLanguage.de.firm).toEqual(defaultTemplates('de').firm);
    expect(config.templatesByLanguage.en.firm.subject).toBe(OLD.subject);
  });

  it('refuses a template with an unknown placeholder in any language', () => {
    const ports = fakePorts('2026-10-02', []);
    const issues = saveTemplate(ports.store, 'reminder', { subject: 'Rechnung {{rechnung}}', body: 'x' }, undefined, 'de');
    expect(issues.map((i) => i.code)).toContain('unknown-placeholder');
    expect(loadConfig(ports.store).templatesByLanguage.de.reminder).toEqual(defaultTemplates('de').reminder);
  });
});
