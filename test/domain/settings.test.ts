import { defaultSettings, settingsFromStored, validateSettings } from '../../src/domain/settings';

describe('settings from storage', () => {
  it('valid saved settings are used as they are', () => {
    const saved = { ...defaultSettings(), senderName: 'Sam', minGapDays: 5 };
    expect(settingsFromStored(JSON.parse(JSON.stringify(saved)))).toEqual({ settings: saved, warnings: [] });
  });

  it('one bad value falls back alone: the other settings (stage days, name) are kept, with a warning', () => {
    const saved = {
      ...defaultSettings(),
      senderName: 'Sam\nBcc: x@y.z',
      stageDays: { nudge: -2, reminder: 2, firm: 8, escalate: 15, formal: 22, final: 35 },
    };
    const { settings, warnings } = settingsFromStored(saved);
    expect(settings.stageDays).toEqual(saved.stageDays);
    expect(settings.senderName).toBe('');
    expect(warnings).toEqual([expect.stringMatching(/the default is used for: your name for the emails/)]);
    expect(validateSettings(settings)).toEqual([]);
  });

  it('stage days out of order fall back to the default schedule only', () => {
    const saved = { ...defaultSettings(), senderName: 'Sam', stageDays: { ...defaultSettings().stageDays, firm: 30 } };
    const { settings, warnings } = settingsFromStored(saved);
    expect(settings.stageDays).toEqual(defaultSettings().stageDays);
    expect(settings.senderName).toBe('Sam');
    expect(warnings[0]).toMatch(/stage days/);
  });

  it.each([null, undefined])('nothing saved (%s): defaults, no warning', (raw) => {
    expect(settingsFromStored(raw)).toEqual({ settings: defaultSettings(), warnings: [] });
  });

  it.each([
    ['a string', 'x'],
    ['an array', []],
    ['another version', { version: 2 }],
  ])('%s: defaults with a warning', (_n, raw) => {
    const { settings, warnings } = settingsFromStored(raw);
    expect(settings).toEqual(defaultSettings());
    expect(warnings).toHaveLength(1);
  });

  it('refuses a currency that is not a real code', () => {
    expect(validateSettings({ ...defaultSettings(), currency: 'DOL' })).toEqual([expect.stringMatching(/currency code/)]);
    expect(validateSettings({ ...defaultSettings(), currency: 'EUR' })).toEqual([]);
  });
});
