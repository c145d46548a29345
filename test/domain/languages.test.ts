// Email languages (README "Languages"): every default template in every language, the words around
// them, the Language column and setting, and dates and amounts written in the email's language.
import * as fc from 'fast-check';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { templateDocs } from '../../scripts/templateDocsLib';
import { formatDateForEmail } from '../../src/domain/dates';
import { defaultTemplates, formalNoticeFor, languageWords } from '../../src/domain/defaultTemplates';
import { emailLocale, languageOf, parseLanguageCell } from '../../src/domain/language';
import { formatMoney } from '../../src/domain/money';
import { parseSettings } from '../../src/domain/settings';
import { PLACEHOLDERS, placeholdersFor, renderTemplate, validateTemplate, type Placeholder } from '../../src/domain/templates';
import { EMAIL_LANGUAGES, TEMPLATE_IDS, type EmailLanguage } from '../../src/domain/types';

const OTHERS = EMAIL_LANGUAGES.filter((l) => l !== 'en');

/** A value for every placeholder, each recognisable in the rendered text. */
const VALUES = Object.fromEntries(PLACEHOLDERS.map((p) => [p, `<${p.toUpperCase()}>`])) as Record<Placeholder, string>;

/** Every text a language writes to a client: templates, the interest notice, the list and the letter. */
function allWords(language: EmailLanguage): string {
  const w = languageWords(language);
  const templates = defaultTemplates(language);
  const l = w.list;
  const t = w.letter;
  return [
    ...TEMPLATE_IDS.flatMap((id) => [templates[id].subject, templates[id].body]),
    ...Object.values(w.listSubjects),
    ...w.formalWithInterest,
    w.letterLine,
    ...l.heads,
    l.invoice,
    l.issued,
    l.due,
    l.balance,
    l.payAt,
    l.payOnline,
    l.daysOverdue(1),
    l.daysOverdue(5),
    l.dueToday,
    l.dueIn(3),
    t.title,
    t.documentTitle,
    t.dear('X'),
    t.intro('X'),
    ...t.statementHeads,
    t.total,
    t.followUpsHeading,
    ...t.followUpHeads,
    t.noFollowUps,
    ...Object.values(t.stages),
    t.paymentHeading,
    t.payBy('X', 'Y'),
    t.howToPay,
    t.payOnline,
    t.closing,
    t.basisEu('X', 'Y'),
    t.basisCustom('X'),
    t.counted,
  ].join('\n');
}

describe('default templates in every language', () => {
  it.each(EMAIL_LANGUAGES)('%s: every template is valid and renders with every placeholder it can use', (language) => {
    const templates = defaultTemplates(language);
    for (const id of TEMPLATE_IDS) {
      expect(validateTemplate(templates[id], id)).toEqual([]);
      const r = renderTemplate(templates[id], VALUES);
      if (!r.ok) throw new Error(`${language} ${id}: ${JSON.stringify(r)}`);
      expect(r.text).not.toMatch(/\{\{|\}\}/);
      expect(r.text).toContain('<SENDER_NAME>');
      // The same placeholders as the English default: the same facts in every language.
      const used = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();
      const en = defaultTemplates('en')[id];
      expect([...new Set(used(templates[id].body))]).toEqual([...new Set(used(en.body))]);
      for (const name of used(templates[id].subject + templates[id].body))
        expect(placeholdersFor(id)).toContain(name as Placeholder);
    }
  });

  it.each(OTHERS)('%s: no English stock phrase is left', (language) => {
    // Placeholder names are the same in every language: only the words around them count.
    const words = allWords(language).replace(/\{\{\w+\}\}/g, '');
    for (const phrase of [
      /Kind regards/i,
      /\boverdue\b/i,
      /\bInvoice\b/,
      /\bHello\b/,
      /\bThank you\b/i,
      /\bPlease\b/,
      /\bRegards\b/,
      /\bdue on\b/,
      /\bamount claimed\b/i,
      /Yours sincerely/,
      /\bFollow-up\b/i,
      /\bbalance\b/,
    ])
      expect(words).not.toMatch(phrase);
  });

  it.each(OTHERS)('%s: differs from English in every template', (language) => {
    const en = defaultTemplates('en');
    const mine = defaultTemplates(language);
    for (const id of TEMPLATE_IDS) expect(mine[id].body).not.toBe(en[id].body);
  });

  it.each(EMAIL_LANGUAGES)(
    '%s: the default formal notice states the interest, and names the letter when attached',
    (language) => {
      const formal = defaultTemplates(language).formal;
      const plain = formalNoticeFor(formal, { interestApplies: false, letterAttached: true }, language);
      expect(plain).toBe(formal);
      const withInterest = formalNoticeFor(formal, { interestApplies: true, letterAttached: false }, language);
      expect(withInterest.body).toContain('{{amount_claimed}}');
      expect(withInterest.body).not.toContain(languageWords(language).letterLine);
      const withLetter = formalNoticeFor(formal, { interestApplies: true, letterAttached: true }, language);
      expect(withLetter.body).toContain(languageWords(language).letterLine);
      expect(validateTemplate(withLetter, 'formal')).toEqual([]);
      // A template the user wrote is sent as written.
      const mine = { subject: formal.subject, body: `${formal.body} ` };
      expect(formalNoticeFor(mine, { interestApplies: true, letterAttached: true }, language)).toBe(mine);
    },
  );

  it('uses formal address in each language', () => {
    expect(allWords('de')).toMatch(/\bSie\b/);
    expect(allWords('de')).not.toMatch(/\b(du|dich|dir|dein)\b/);
    expect(allWords('fr')).toMatch(/\bvous\b/);
    expect(allWords('fr')).not.toMatch(/\b(tu|toi|ton|ta)\b/);
    expect(allWords('es')).toMatch(/\b(usted|le ruego|Le escribo)\b/);
    expect(allWords('nl')).toMatch(/\bu\b/);
    expect(allWords('nl')).not.toMatch(/\b(jij|je|jouw)\b/);
  });

  it('names the EU directive as each language writes it', () => {
    expect(languageWords('de').letter.basisEu('x', 'y')).toContain('Richtlinie 2011/7/EU');
    expect(languageWords('fr').letter.basisEu('x', 'y')).toContain('directive 2011/7/UE');
    expect(languageWords('es').letter.basisEu('x', 'y')).toContain('Directiva 2011/7/UE');
    expect(languageWords('nl').letter.basisEu('x', 'y')).toContain('Richtlijn 2011/7/EU');
  });
});

describe('dates and amounts in the email language', () => {
  it.each([
    ['de', '1. Oktober 2026', '1.000,00 €'],
    ['fr', '1 octobre 2026', '1 000,00 €'],
    ['es', '1 de octubre de 2026', '1.000,00 €'],
    ['nl', '1 oktober 2026', '€ 1.000,00'],
    ['it', '1 ottobre 2026', '1.000,00 €'],
    ['pt', '1 de outubro de 2026', '1.000,00 €'],
    ['en', '1 October 2026', '€1,000.00'],
  ] as const)('%s from an English (UK) sheet: %s, %s', (language, date, money) => {
    const locale = emailLocale(language, 'en_GB');
    expect(formatDateForEmail('2026-10-01', locale, language)).toBe(date);
    expect(formatMoney(1000, 'EUR', locale)).toBe(money);
  });

  it('keeps the sheet’s own conventions when the sheet is in the email language', () => {
    expect(emailLocale('fr', 'fr_CA')).toBe('fr_CA');
    expect(emailLocale('de', 'de_CH')).toBe('de_CH');
    expect(emailLocale('en', 'en_US')).toBe('en_US');
    expect(formatDateForEmail('2026-10-01', 'en_US', 'en')).toBe('October 1, 2026');
    // English emails keep the spreadsheet's locale whatever it is, as they always have.
    expect(emailLocale('en', 'de_DE')).toBe('de_DE');
    expect(emailLocale('de', 'en_US')).toBe('de_DE');
  });

  it('writes every date of every language with the month of that date', () => {
    const days = fc.integer({ min: 0, max: 365 * 200 }).map((n) => {
      const d = new Date(Date.UTC(1950, 0, 1) + n * 86_400_000);
      return d.toISOString().slice(0, 10);
    });
    fc.assert(
      fc.property(days, fc.constantFrom(...EMAIL_LANGUAGES), (iso, language) => {
        const text = formatDateForEmail(iso, emailLocale(language, 'en_GB'), language);
        const [y, , d] = iso.split('-').map(Number);
        expect(text).toContain(String(y));
        expect(text).toMatch(new RegExp(`(^|\\D)${d}(\\D|$)`));
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      }),
    );
  });
});

describe('the Language column', () => {
  it.each([
    ['de', 'de'],
    ['DE', 'de'],
    ['de-DE', 'de'],
    ['fr_CA', 'fr'],
    ['pt-BR', 'pt'],
    ['German', 'de'],
    ['Deutsch', 'de'],
    ['deutsch', 'de'],
    ['Français', 'fr'],
    ['francais', 'fr'],
    ['FRENCH', 'fr'],
    ['Spanish', 'es'],
    ['Español', 'es'],
    ['espanol', 'es'],
    ['Dutch', 'nl'],
    ['Nederlands', 'nl'],
    ['Italian', 'it'],
    ['Italiano', 'it'],
    ['Portuguese', 'pt'],
    ['Português', 'pt'],
    [' English ', 'en'],
    ['en_US', 'en'],
  ])('reads %j as %s', (text, code) => {
    expect(languageOf(text)).toBe(code);
    expect(parseLanguageCell(text, 'Language')).toEqual({ ok: true, value: code });
  });

  it('leaves an empty cell to the default language', () => {
    expect(parseLanguageCell('', 'Language')).toEqual({ ok: true, value: null });
    expect(parseLanguageCell('   ', 'Language')).toEqual({ ok: true, value: null });
  });

  it.each(['Klingon', 'ja', 'zh-CN', 'Deutschland', 'e', '42'])('refuses %j, naming the languages there are', (text) => {
    const r = parseLanguageCell(text, 'Language');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain(text);
      for (const name of ['English', 'German', 'French', 'Spanish', 'Dutch', 'Italian', 'Portuguese'])
        expect(r.error).toContain(name);
    }
  });
});

describe('the default email language setting', () => {
  it('is English unless chosen, by code or by name', () => {
    expect(parseSettings({ version: 1 }).settings.emailLanguage).toBe('en');
    expect(parseSettings({ version: 1, emailLanguage: 'Deutsch' }).settings.emailLanguage).toBe('de');
    expect(parseSettings({ version: 1, emailLanguage: 'nl' }).settings.emailLanguage).toBe('nl');
  });

  it('refuses a language it does not write in', () => {
    const { settings, issues } = parseSettings({ version: 1, emailLanguage: 'Klingon' });
    expect(settings.emailLanguage).toBe('en');
    expect(issues).toEqual([expect.objectContaining({ field: 'emailLanguage', code: 'not-allowed' })]);
  });
});

describe('docs/templates', () => {
  it.each(templateDocs().map((d) => [d.path, d.text]))('%s is current (npm run docs:templates)', (file, text) => {
    const onDisk = readFileSync(path.join(__dirname, '../..', file), 'utf8');
    expect(onDisk).toBe(text);
  });
});
