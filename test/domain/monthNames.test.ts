// Dates typed as text with month names in English, French, German, Spanish, Italian, Dutch and
// Portuguese (docs/own-sheet.md "Dates typed as text"): every spelling, full and
// abbreviated, as people and Sheets write them, reads as the right calendar day in any locale.
import fc from 'fast-check';
import { parseDateCell } from '../../src/domain/dates';

/** Each language's month names as written (an independent list: not the add-on's table). */
const MONTHS: Record<string, readonly (readonly string[])[]> = {
  en: [
    ['January', 'Jan'],
    ['February', 'Feb'],
    ['March', 'Mar'],
    ['April', 'Apr'],
    ['May'],
    ['June', 'Jun'],
    ['July', 'Jul'],
    ['August', 'Aug'],
    ['September', 'Sep', 'Sept'],
    ['October', 'Oct'],
    ['November', 'Nov'],
    ['December', 'Dec'],
  ],
  fr: [
    ['janvier', 'janv.'],
    ['février', 'févr.', 'fév.', 'fevrier'],
    ['mars'],
    ['avril', 'avr.'],
    ['mai'],
    ['juin'],
    ['juillet', 'juil.'],
    ['août', 'aout'],
    ['septembre', 'sept.'],
    ['octobre', 'oct.'],
    ['novembre', 'nov.'],
    ['décembre', 'déc.', 'decembre'],
  ],
  de: [
    ['Januar', 'Jan.', 'Jänner'],
    ['Februar', 'Feb.'],
    ['März', 'Maerz', 'Mär.', 'Mrz.'],
    ['April', 'Apr.'],
    ['Mai'],
    ['Juni', 'Jun.'],
    ['Juli', 'Jul.'],
    ['August', 'Aug.'],
    ['September', 'Sep.', 'Sept.'],
    ['Oktober', 'Okt.'],
    ['November', 'Nov.'],
    ['Dezember', 'Dez.'],
  ],
  es: [
    ['enero', 'ene.'],
    ['febrero', 'feb.'],
    ['marzo', 'mar.'],
    ['abril', 'abr.'],
    ['mayo'],
    ['junio', 'jun.'],
    ['julio', 'jul.'],
    ['agosto', 'ago.'],
    ['septiembre', 'setiembre', 'sept.'],
    ['octubre', 'oct.'],
    ['noviembre', 'nov.'],
    ['diciembre', 'dic.'],
  ],
  it: [
    ['gennaio', 'gen'],
    ['febbraio', 'feb'],
    ['marzo', 'mar'],
    ['aprile', 'apr'],
    ['maggio', 'mag'],
    ['giugno', 'giu'],
    ['luglio', 'lug'],
    ['agosto', 'ago'],
    ['settembre', 'set'],
    ['ottobre', 'ott'],
    ['novembre', 'nov'],
    ['dicembre', 'dic'],
  ],
  nl: [
    ['januari', 'jan'],
    ['februari', 'feb'],
    ['maart', 'mrt'],
    ['april', 'apr'],
    ['mei'],
    ['juni', 'jun'],
    ['juli', 'jul'],
    ['augustus', 'aug'],
    ['september', 'sep'],
    ['oktober', 'okt'],
    ['november', 'nov'],
    ['december', 'dec'],
  ],
  pt: [
    ['janeiro', 'jan.'],
    ['fevereiro', 'fev.'],
    ['março', 'mar.'],
    ['abril', 'abr.'],
    ['maio', 'mai.'],
    ['junho', 'jun.'],
    ['julho', 'jul.'],
    ['agosto', 'ago.'],
    ['setembro', 'set.'],
    ['outubro', 'out.'],
    ['novembro', 'nov.'],
    ['dezembro', 'dez.'],
  ],
};

/** How each language writes a day, a month name and a year. */
const WRITTEN: Record<string, ((day: number, month: string, year: number) => string)[]> = {
  en: [(d, m, y) => `${d} ${m} ${y}`, (d, m, y) => `${m} ${d}, ${y}`, (d, m, y) => `${d}-${m}-${y}`],
  fr: [(d, m, y) => `${d === 1 ? '1er' : d} ${m} ${y}`, (d, m, y) => `${d} ${m} ${y}`],
  de: [(d, m, y) => `${d}. ${m} ${y}`, (d, m, y) => `${d} ${m} ${y}`],
  es: [(d, m, y) => `${d} de ${m} de ${y}`, (d, m, y) => `${d} ${m} ${y}`],
  it: [(d, m, y) => `${d} ${m} ${y}`],
  nl: [(d, m, y) => `${d} ${m} ${y}`],
  pt: [(d, m, y) => `${d} de ${m} de ${y}`, (d, m, y) => `${d} ${m} ${y}`],
};

const LOCALES = ['en_US', 'en_GB', 'fr_FR', 'de_DE', 'es_ES', 'it_IT', 'nl_NL', 'pt_BR', 'ja_JP'];

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const iso = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const spelling = fc.constantFrom(
  ...Object.entries(MONTHS).flatMap(([language, months]) =>
    months.flatMap((names, i) => names.map((name) => ({ language, month: i + 1, name }))),
  ),
);

describe('property: every month name of every language reads as the right day', () => {
  test('any spelling, any real day, any year 2000–2100, as the language writes it, in any locale', () => {
    fc.assert(
      fc.property(
        spelling,
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 31 }),
        fc.nat(),
        fc.constantFrom(...LOCALES),
        fc.constantFrom<(s: string) => string>(
          (s) => s,
          (s) => s.toUpperCase(),
          (s) => s.toLowerCase(),
        ),
        ({ language, month, name }, year, dayWanted, pick, locale, casing) => {
          const day = Math.min(dayWanted, daysIn(year, month));
          const forms = WRITTEN[language] ?? [];
          const text = forms[pick % forms.length]!(day, casing(name), year);
          expect(parseDateCell(text, locale, 'Due date')).toEqual({ ok: true, value: iso(year, month, day) });
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('every spelling is covered: each one reads on the 15th of its month', () => {
    for (const [language, months] of Object.entries(MONTHS)) {
      months.forEach((names, i) => {
        for (const name of names) {
          const text = (WRITTEN[language] ?? [])[0]!(15, name, 2026);
          expect([text, parseDateCell(text, 'en_US', 'Due date')]).toEqual([text, { ok: true, value: iso(2026, i + 1, 15) }]);
        }
      });
    }
  });

  test('a day its month does not have is not a real date, in every language', () => {
    fc.assert(
      fc.property(spelling, fc.integer({ min: 2000, max: 2100 }), ({ language, month, name }, year) => {
        const day = daysIn(year, month) + 1;
        if (day > 31) return;
        const text = (WRITTEN[language] ?? [])[0]!(day, name, year);
        const r = parseDateCell(text, 'fr_FR', 'Due date');
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatch(/is not a real date$/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the forms named in README "Using your own sheet"', () => {
  test.each<[string, string, string]>([
    ['31 déc. 2026', 'fr_FR', '2026-12-31'],
    ['3 mai 2026', 'fr_FR', '2026-05-03'],
    ['1er mars 2026', 'fr_FR', '2026-03-01'],
    ['31 oct. 2026', 'fr_FR', '2026-10-31'],
    ['15 août 2026', 'fr_FR', '2026-08-15'],
    ['2 févr. 2026', 'fr_FR', '2026-02-02'],
    ['9 sept. 2026', 'fr_FR', '2026-09-09'],
    ['4 juillet 2026', 'fr_FR', '2026-07-04'],
    ['lundi 3 mai 2026', 'fr_FR', '2026-05-03'],
    ['31. Oktober 2026', 'de_DE', '2026-10-31'],
    ['3. Mai 2026', 'de_DE', '2026-05-03'],
    ['1. Dez. 2026', 'de_DE', '2026-12-01'],
    ['31 Okt 2026', 'de_DE', '2026-10-31'],
    ['1. Januar 2026', 'de_DE', '2026-01-01'],
    ['28. Februar 2026', 'de_DE', '2026-02-28'],
    ['3. März 2026', 'de_DE', '2026-03-03'],
    ['3. Maerz 2026', 'de_DE', '2026-03-03'],
    ['Montag, den 3. Mai 2026', 'de_DE', '2026-05-03'],
    ['3 de mayo de 2026', 'es_ES', '2026-05-03'],
    ['1º de mayo de 2026', 'es_ES', '2026-05-01'],
    ['3 maggio 2026', 'it_IT', '2026-05-03'],
    ['3 mei 2026', 'nl_NL', '2026-05-03'],
    ['3 de maio de 2026', 'pt_BR', '2026-05-03'],
    // A date typed in another language than the spreadsheet's is read all the same.
    ['31 déc. 2026', 'en_US', '2026-12-31'],
    ['31. Oktober 2026', 'en_GB', '2026-10-31'],
    // English as before.
    ['Nov 24, 2026', 'en_US', '2026-11-24'],
    ['Tue, 24 Nov 2026', 'en_GB', '2026-11-24'],
  ])('%s (%s) → %s', (text, locale, expected) => {
    expect(parseDateCell(text, locale, 'Due date')).toEqual({ ok: true, value: expected });
  });

  test.each<[string, string]>([
    ['30 févr. 2026', "Due date '30 févr. 2026' is not a real date"],
    ['31. Juni 2026', "Due date '31. Juni 2026' is not a real date"],
    ['3 mai 26', "Due date '3 mai 26' has a two-digit year — write the year in full (e.g. 2026)"],
    ['3 Maibaum 2026', "Due date '3 Maibaum 2026' is not a date — write it like 24/11/2026 or 2026-11-24"],
    ['mai 2026', "Due date 'mai 2026' is not a date — write it like 24/11/2026 or 2026-11-24"],
  ])('%s is refused: %s', (text, message) => {
    expect(parseDateCell(text, 'fr_FR', 'Due date')).toEqual({ ok: false, error: message });
  });
});
