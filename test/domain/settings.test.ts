import fc from 'fast-check';
import { STAGE_IDS } from '../../src/domain/types';
import { defaultSettings, parseSettings, parseSettingsToSave, storedSettingsWarning } from '../../src/domain/settings';

const fields = (raw: unknown): Array<[string, string]> => parseSettings(raw).issues.map((i) => [i.field, i.code]);

describe('settings from storage', () => {
  it('valid saved settings are used as they are', () => {
    const saved = { ...defaultSettings(), senderName: 'Sam', minGapDays: 5 };
    expect(parseSettings(JSON.parse(JSON.stringify(saved)))).toEqual({ settings: saved, issues: [] });
  });

  it('one bad value falls back alone: the other settings (stage days, name) are kept, with a warning', () => {
    const saved = {
      ...defaultSettings(),
      senderName: 'Sam\nBcc: x@y.z',
      stageDays: { nudge: -2, reminder: 2, firm: 8, escalate: 15, formal: 22, final: 35 },
    };
    const { settings, issues } = parseSettings(saved);
    expect(settings.stageDays).toEqual(saved.stageDays);
    expect(settings.senderName).toBe('');
    expect(issues).toEqual([expect.objectContaining({ field: 'senderName', code: 'not-plain-text' })]);
    expect(storedSettingsWarning(issues)).toMatch(/the default is used for: your name for the emails\.$/);
    expect(parseSettings(settings).issues).toEqual([]);
  });

  it('stage days out of order fall back to the default schedule only, the issue on the later stage', () => {
    const saved = { ...defaultSettings(), senderName: 'Sam', stageDays: { ...defaultSettings().stageDays, firm: 30 } };
    const { settings, issues } = parseSettings(saved);
    expect(settings.stageDays).toEqual(defaultSettings().stageDays);
    expect(settings.senderName).toBe('Sam');
    expect(issues).toEqual([
      {
        field: 'stageDays.escalate',
        code: 'out-of-order',
        message: 'Escalation (day 14) must come after firm reminder (day 30).',
      },
    ]);
    expect(storedSettingsWarning(issues)).toMatch(/stage days/);
  });

  it('a bad stage day falls back alone and is reported once', () => {
    const { settings, issues } = parseSettings({
      ...defaultSettings(),
      stageDays: { ...defaultSettings().stageDays, firm: 'soon' },
    });
    expect(settings.stageDays.firm).toBe(7);
    expect(issues).toEqual([
      {
        field: 'stageDays.firm',
        code: 'not-a-number',
        message: 'Firm reminder day must be a whole number (or empty to turn it off).',
      },
    ]);
  });

  it.each([null, undefined])('nothing saved (%s): defaults, no issue', (raw) => {
    expect(parseSettings(raw)).toEqual({ settings: defaultSettings(), issues: [] });
  });

  it('settings saved before late-payment interest existed load with its default, quietly', () => {
    const { latePayment: _ignored, ...old } = { ...defaultSettings(), senderName: 'Sam' };
    const { settings, issues } = parseSettings(old);
    expect(settings).toEqual({ ...defaultSettings(), senderName: 'Sam' });
    expect(storedSettingsWarning(issues)).toBeNull();
  });

  it('escalation settings: defaults, a holiday list kept sorted without repeats, and bad values falling back alone', () => {
    expect(defaultSettings()).toMatchObject({ groupByClient: true, holidays: [], thankYouWhenPaid: false, dailySummary: true });
    const saved = { ...defaultSettings(), holidays: [' 2026-12-25', '2026-01-01', '2026-12-25'], groupByClient: false };
    expect(parseSettings(saved)).toEqual({
      settings: { ...defaultSettings(), holidays: ['2026-01-01', '2026-12-25'], groupByClient: false },
      issues: [],
    });
    const bad = parseSettings({ ...defaultSettings(), holidays: ['2026-02-30'], thankYouWhenPaid: 'yes', dailySummary: 1 });
    expect(bad.settings).toMatchObject({ holidays: [], thankYouWhenPaid: false, dailySummary: true });
    expect(bad.issues.map((i) => [i.field, i.code])).toEqual([
      ['holidays', 'bad-format'],
      ['thankYouWhenPaid', 'wrong-type'],
      ['dailySummary', 'wrong-type'],
    ]);
    expect(parseSettings({ ...defaultSettings(), holidays: '2026-12-25' }).issues[0]).toMatchObject({
      field: 'holidays',
      code: 'wrong-type',
    });
    const many = Array.from({ length: 201 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    expect(parseSettings({ ...defaultSettings(), holidays: many }).issues[0]).toMatchObject({
      field: 'holidays',
      code: 'too-long',
    });
    expect(storedSettingsWarning(bad.issues)).toMatch(/days without follow-ups, thank-you when paid, daily summary/);
  });

  it('damaged late-payment settings fall back alone, and the warning names them', () => {
    const saved = { ...defaultSettings(), senderName: 'Sam', latePayment: { regime: 'uk', referenceRatePercent: 'x' } };
    const { settings, issues } = parseSettings(saved);
    expect(settings.senderName).toBe('Sam');
    expect(settings.latePayment).toEqual({ ...defaultSettings().latePayment, regime: 'uk' });
    expect(storedSettingsWarning(issues)).toMatch(
      /\(Reference rate must be .*\); the default is used for: late-payment interest\.$/,
    );
  });

  it.each([
    ['a string', 'x', ''],
    ['an array', [], ''],
    ['another version', { version: 2 }, 'version'],
  ])('%s: defaults with one issue', (_n, raw, field) => {
    const { settings, issues } = parseSettings(raw);
    expect(settings).toEqual(defaultSettings());
    expect(issues.map((i) => i.field)).toEqual([field]);
    expect(storedSettingsWarning(issues)).toMatch(/the defaults are used/);
  });

  it('refuses a currency that is not a real code; a code in small letters is taken', () => {
    expect(fields({ ...defaultSettings(), currency: 'DOL' })).toEqual([['currency', 'not-allowed']]);
    expect(parseSettings({ ...defaultSettings(), currency: ' eur ' }).settings.currency).toBe('EUR');
  });

  it('takes numbers as a form types them', () => {
    const { settings, issues } = parseSettings({
      ...defaultSettings(),
      stageDays: { nudge: '−3', reminder: ' 2 ', firm: '', escalate: '14', formal: '21', final: '30' },
      minGapDays: '4',
      sendHour: '7',
    });
    expect(issues).toEqual([]);
    expect(settings.stageDays).toEqual({ nudge: -3, reminder: 2, firm: null, escalate: 14, formal: 21, final: 30 });
    expect([settings.minGapDays, settings.sendHour]).toEqual([4, 7]);
  });

  it.each<[string, unknown, string]>([
    ['minGapDays', 0, 'out-of-range'],
    ['minGapDays', 2.5, 'not-a-whole-number'],
    ['minGapDays', 'three', 'not-a-number'],
    ['replyByDays', 91, 'out-of-range'],
    ['sendHour', 24, 'out-of-range'],
    ['ccSelf', 'yes', 'wrong-type'],
    ['senderName', 'x'.repeat(101), 'too-long'],
    ['sheetName', '  ', 'required'],
  ])('%s = %j → %s', (field, value, code) => {
    expect(fields({ ...defaultSettings(), [field]: value })).toEqual([[field, code]]);
  });
});

describe('late-payment interest', () => {
  const late = (lp: Record<string, unknown>) => ({
    ...defaultSettings(),
    latePayment: { ...defaultSettings().latePayment, ...lp },
  });

  it('defaults to off', () => {
    expect(defaultSettings().latePayment).toEqual({
      regime: 'off',
      referenceRatePercent: 0,
      referenceRatePeriod: '',
      marginPercent: 8,
      fixedCompensation: 0,
      attachLetter: false,
    });
  });

  it('keeps a valid UK setup, rates as typed', () => {
    const { settings, issues } = parseSettings(
      late({ regime: 'uk', referenceRatePercent: '4,75', referenceRatePeriod: '2026-h2', attachLetter: true }),
    );
    expect(issues).toEqual([]);
    expect(settings.latePayment).toMatchObject({ regime: 'uk', referenceRatePercent: 4.75, referenceRatePeriod: '2026-H2' });
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ regime: 'fr' }, 'latePayment.regime', 'not-allowed'],
    [{ referenceRatePercent: 'high' }, 'latePayment.referenceRatePercent', 'not-a-number'],
    [{ referenceRatePercent: 101 }, 'latePayment.referenceRatePercent', 'out-of-range'],
    [{ referenceRatePercent: -1 }, 'latePayment.referenceRatePercent', 'out-of-range'],
    [{ referenceRatePeriod: '2026-Q3' }, 'latePayment.referenceRatePeriod', 'bad-format'],
    [{ regime: 'eu', marginPercent: 7 }, 'latePayment.marginPercent', 'out-of-range'],
    [{ fixedCompensation: -40 }, 'latePayment.fixedCompensation', 'out-of-range'],
    [{ attachLetter: 'yes' }, 'latePayment.attachLetter', 'wrong-type'],
  ])('%j → %s %s, and that field alone falls back', (lp, field, code) => {
    const { settings, issues } = parseSettings(late({ ...lp }));
    expect(issues.map((i) => [i.field, i.code])).toEqual([[field, code]]);
    expect(parseSettings(settings).issues).toEqual([]);
  });

  it('a custom margin under 8 is fine', () => {
    expect(fields(late({ regime: 'custom', marginPercent: 5, fixedCompensation: 25 }))).toEqual([]);
  });
});

describe('saving', () => {
  it('needs a sender name, said once', () => {
    expect(parseSettingsToSave(defaultSettings()).issues).toEqual([
      { field: 'senderName', code: 'required', message: 'Your name for the emails is empty: every follow-up is signed with it.' },
    ]);
    expect(parseSettingsToSave({ ...defaultSettings(), senderName: 'Sam "x"' }).issues.map((i) => i.code)).toEqual([
      'not-plain-text',
    ]);
    expect(parseSettingsToSave({ ...defaultSettings(), senderName: ' Sam ' })).toEqual({
      settings: { ...defaultSettings(), senderName: 'Sam' },
      issues: [],
    });
  });
});

/** Every field path an issue can name ('' = the settings as a whole). */
const SETTINGS_FIELDS = [
  '',
  'version',
  'sheetName',
  ...STAGE_IDS.map((s) => `stageDays.${s}`),
  'stageDays',
  'minGapDays',
  'replyByDays',
  'senderName',
  'ccSelf',
  'bccSelf',
  'sendHour',
  'skipWeekends',
  'currency',
  'latePayment',
  'latePayment.regime',
  'latePayment.referenceRatePercent',
  'latePayment.referenceRatePeriod',
  'latePayment.marginPercent',
  'latePayment.fixedCompensation',
  'latePayment.attachLetter',
  'groupByClient',
  'holidays',
  'thankYouWhenPaid',
  'dailySummary',
] as const;

describe('any input', () => {
  const known = new Set<string>(SETTINGS_FIELDS);
  const settingsLike = fc.record(
    {
      version: fc.constantFrom(1, 1, 1, 2),
      sheetName: fc.oneof(fc.string(), fc.jsonValue()),
      stageDays: fc.oneof(
        fc.jsonValue(),
        fc.record({
          nudge: fc.oneof(fc.constant(null), fc.integer({ min: -400, max: 400 }), fc.string()),
          reminder: fc.oneof(fc.integer({ min: -5, max: 40 }), fc.jsonValue()),
          firm: fc.integer({ min: -5, max: 40 }),
          escalate: fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 60 })),
        }),
      ),
      minGapDays: fc.jsonValue(),
      senderName: fc.oneof(fc.string(), fc.jsonValue()),
      currency: fc.oneof(fc.constantFrom('EUR', 'usd', '', 'XYZ'), fc.jsonValue()),
      latePayment: fc.oneof(
        fc.jsonValue(),
        fc.record(
          {
            regime: fc.oneof(fc.constantFrom('off', 'uk', 'eu', 'custom'), fc.jsonValue()),
            referenceRatePercent: fc.oneof(fc.double(), fc.string(), fc.jsonValue()),
            referenceRatePeriod: fc.oneof(fc.constantFrom('2026-H1', '2026-h2', '26-H1'), fc.jsonValue()),
            marginPercent: fc.oneof(fc.double({ min: -10, max: 120, noNaN: true }), fc.jsonValue()),
            fixedCompensation: fc.jsonValue(),
            attachLetter: fc.jsonValue(),
          },
          { requiredKeys: [] },
        ),
      ),
      holidays: fc.oneof(fc.array(fc.constantFrom('2026-12-25', '2026-02-30', 'x', ' 2027-01-01')), fc.jsonValue()),
      groupByClient: fc.jsonValue(),
    },
    { requiredKeys: ['version'] },
  );

  it('any JSON yields valid settings, and issues that name real fields with words', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), settingsLike), (raw) => {
        const { settings, issues } = parseSettings(JSON.parse(JSON.stringify(raw ?? null)));
        expect(parseSettings(settings).issues).toEqual([]);
        for (const i of issues) {
          expect(known.has(i.field)).toBe(true);
          expect(i.message.length).toBeGreaterThan(10);
        }
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
