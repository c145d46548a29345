// The client's language end to end on the built add-on (README "Languages"): a sheet mixing German,
// French and English clients sends each its own words, with its own dates and amounts; the formal
// letter follows; an unknown language is a row error and nothing is sent for that row.
import { pdfText } from '../local/pdfText';
import { addDays, HEADERS, rowCells, setUp, type Row } from './harness';

const DUE = '2026-10-01';
const LANGUAGE_COLUMN = 'Sprache';

function mixedSheet(rows: Array<[Row, string]>, settings: Record<string, unknown> = {}) {
  const t = setUp({
    today: DUE,
    timeZone: 'Europe/London',
    runtime: { locale: 'en_GB' },
    settings: { groupByClient: false, ...settings },
  });
  t.runtime.addSheet('Invoices', [[...HEADERS, LANGUAGE_COLUMN], ...rows.map(([r, language]) => [...rowCells(r), language])]);
  const run = <T>(name: string, ...args: unknown[]) => t.addon.callAsScriptRun(name, ...args) as T;
  return { ...t, run };
}

const CLIENTS: Array<[Row, string]> = [
  [{ invoice: 'DE-1', client: 'Müller GmbH', email: 'anna@mueller.test', due: DUE, amount: 1000, currency: 'EUR' }, 'Deutsch'],
  [{ invoice: 'FR-1', client: 'Dupont SARL', email: 'luc@dupont.test', due: DUE, amount: 1000, currency: 'EUR' }, 'fr_FR'],
  [{ invoice: 'EN-1', client: 'Northwind Ltd', email: 'pat@northwind.test', due: DUE, amount: 1000, currency: 'EUR' }, ''],
  [{ invoice: 'ES-1', client: 'García SL', email: 'eva@garcia.test', due: DUE, amount: 1000, currency: 'EUR' }, 'español'],
  [{ invoice: 'NL-1', client: 'De Vries BV', email: 'jan@devries.test', due: DUE, amount: 1000, currency: 'EUR' }, 'NL'],
  [{ invoice: 'XX-1', client: 'Klingon Corp', email: 'k@klingon.test', due: DUE, amount: 1000, currency: 'EUR' }, 'Klingon'],
];

describe('a sheet mixing languages', () => {
  let t: ReturnType<typeof mixedSheet>;
  const mailTo = (address: string) => t.sent().filter((m) => m.to.includes(address));
  beforeAll(() => {
    t = mixedSheet(CLIENTS);
    for (let d = 1; d <= 7; d++) {
      t.goTo(addDays(DUE, d));
      t.daily();
    }
  }, 120_000);

  it('writes the day-1 reminder to each client in its own language, dates and amounts', () => {
    const [de] = mailTo('anna@mueller.test');
    expect(de?.subject).toBe('Rechnung DE-1 von Sam Rivera');
    expect(de?.text).toContain('die Rechnung DE-1 über 1.000,00 € war am 1. Oktober 2026 fällig');
    expect(de?.text).toContain('Freundliche Grüße');
    const [fr] = mailTo('luc@dupont.test');
    expect(fr?.subject).toBe('Facture FR-1 – Sam Rivera');
    expect(fr?.text).toContain("d'un montant de 1 000,00 € était payable le 1 octobre 2026");
    const [en] = mailTo('pat@northwind.test');
    expect(en?.subject).toBe('Invoice EN-1 from Sam Rivera');
    expect(en?.text).toContain('Invoice EN-1 for €1,000.00 was due on 1 October 2026');
    const [es] = mailTo('eva@garcia.test');
    expect(es?.text).toContain('venció el 1 de octubre de 2026');
    expect(es?.text).toContain('1.000,00 €');
    const [nl] = mailTo('jan@devries.test');
    expect(nl?.text).toContain('Factuur NL-1 van € 1.000,00 is op 1 oktober 2026 vervallen');
  });

  it('writes the firm reminder with its reply-by date in the same language', () => {
    const de = mailTo('anna@mueller.test').at(-1)!;
    expect(de.at.slice(0, 10)).toBe('2026-10-08');
    expect(de.text).toContain('seit 7 Tagen überfällig');
    expect(de.text).toContain('bis zum 15. Oktober 2026');
    const fr = mailTo('luc@dupont.test').at(-1)!;
    expect(fr.text).toContain("d'ici le 15 octobre 2026");
  });

  it('writes the HTML version in the client language too, every value escaped', () => {
    const de = mailTo('anna@mueller.test')[0]!;
    expect(de.html).toContain('1. Oktober 2026');
    expect(de.html).toContain('Freundliche Grüße');
  });

  it('sends nothing for a row whose language is unknown, and says on the row which languages there are', () => {
    expect(mailTo('k@klingon.test')).toHaveLength(0);
    const status = Object.values(t.statuses()['XX-1'] ?? {}).join(' ');
    expect(status).toContain('Klingon');
    expect(status).toMatch(/English, German, French, Spanish, Dutch, Italian or Portuguese/);
  });
});

describe('one email per client, in the client language', () => {
  it('lists a German client’s invoices in German', () => {
    const rows: Array<[Row, string]> = [
      [{ invoice: 'DE-1', client: 'Müller GmbH', email: 'anna@mueller.test', due: DUE, amount: 1000, currency: 'EUR' }, 'de'],
      [{ invoice: 'DE-2', client: 'Müller GmbH', email: 'anna@mueller.test', due: DUE, amount: 250.5, currency: 'EUR' }, 'de'],
    ];
    const t = mixedSheet(rows, { groupByClient: true });
    t.goTo(addDays(DUE, 1));
    t.daily();
    const [mail] = t.sent();
    expect(mail?.subject).toBe('2 überfällige Rechnungen von Sam Rivera');
    expect(mail?.text).toContain('- Rechnung DE-1: fällig am 1. Oktober 2026, 1 Tag überfällig, offen 1.000,00 €');
    expect(mail?.html).toContain('<th style="text-align: left; padding: 4px 8px;">Fällig</th>');
  }, 60_000);
});

describe('the default email language in Settings', () => {
  it('writes to clients without a Language in the chosen language, and keeps it in the settings', () => {
    const rows: Array<[Row, string]> = [
      [{ invoice: 'A-1', client: 'Acme', email: 'a@acme.test', due: DUE, amount: 99, currency: 'EUR' }, ''],
      [{ invoice: 'B-1', client: 'Beta', email: 'b@beta.test', due: DUE, amount: 99, currency: 'EUR' }, 'English'],
    ];
    const t = mixedSheet(rows);
    const data = t.run<{ settings: Record<string, unknown> }>('getSidebarData');
    expect(data.settings.emailLanguage).toBe('en');
    expect(t.run('saveSettings', { ...data.settings, emailLanguage: 'French' })).toMatchObject({ ok: true });
    expect(t.run<{ settings: Record<string, unknown> }>('getSidebarData').settings.emailLanguage).toBe('fr');
    t.goTo(addDays(DUE, 1));
    t.daily();
    expect(t.sent().find((m) => m.to.includes('a@acme.test'))?.subject).toBe('Facture A-1 – Sam Rivera');
    expect(t.sent().find((m) => m.to.includes('b@beta.test'))?.subject).toBe('Invoice B-1 from Sam Rivera');
  }, 60_000);

  it('refuses a language it does not write in', () => {
    const t = mixedSheet([]);
    const data = t.run<{ settings: Record<string, unknown> }>('getSidebarData');
    const saved = t.run<{ ok: boolean; problems: string[] }>('saveSettings', { ...data.settings, emailLanguage: 'Klingon' });
    expect(saved.ok).toBe(false);
    expect(saved.problems.join(' ')).toMatch(/German/);
  }, 60_000);
});

describe('templates per language', () => {
  it('an edited German template replaces the German default only; reset brings it back', () => {
    const rows: Array<[Row, string]> = [
      [{ invoice: 'DE-1', client: 'Müller GmbH', email: 'anna@mueller.test', due: DUE, amount: 10, currency: 'EUR' }, 'de'],
      [{ invoice: 'EN-1', client: 'Northwind', email: 'pat@northwind.test', due: DUE, amount: 10, currency: 'EUR' }, 'en'],
    ];
    const t = mixedSheet(rows);
    const mine = { subject: 'Erinnerung {{invoice}}', body: 'Hallo, bitte zahlen Sie {{balance}}.\n{{sender_name}}' };
    expect(t.run('saveTemplate', 'reminder', mine, 'de')).toMatchObject({ ok: true });
    const data = t.run<{ templatesByLanguage: Record<string, Array<{ id: string; subject: string; isDefault: boolean }>> }>(
      'getSidebarData',
    );
    expect(data.templatesByLanguage.de?.find((x) => x.id === 'reminder')).toMatchObject({
      subject: mine.subject,
      isDefault: false,
    });
    expect(data.templatesByLanguage.en?.find((x) => x.id === 'reminder')?.isDefault).toBe(true);
    expect(data.templatesByLanguage.fr?.find((x) => x.id === 'reminder')?.isDefault).toBe(true);
    t.goTo(addDays(DUE, 1));
    t.daily();
    expect(t.sent().find((m) => m.to.includes('anna@mueller.test'))?.text).toBe('Hallo, bitte zahlen Sie 10,00 €.\nSam Rivera');
    expect(t.sent().find((m) => m.to.includes('pat@northwind.test'))?.subject).toBe('Invoice EN-1 from Sam Rivera');
    const reset = t.run<{ subject: string; language: string; isDefault: boolean }>('resetTemplate', 'reminder', 'de');
    expect(reset).toMatchObject({ subject: 'Rechnung {{invoice}} von {{sender_name}}', language: 'de', isDefault: true });
  }, 60_000);
});

describe('the formal letter in the client language', () => {
  it('attaches a German letter with German dates, amounts and the EU directive', () => {
    const rows: Array<[Row, string]> = [
      [{ invoice: 'DE-9', client: 'Müller GmbH', email: 'anna@mueller.test', due: DUE, amount: 1000, currency: 'EUR' }, 'de'],
    ];
    const t = mixedSheet(rows);
    const data = t.run<{ settings: Record<string, unknown> }>('getSidebarData');
    const latePayment = {
      regime: 'eu',
      referenceRatePercent: 2,
      referenceRatePeriod: '2026-H2',
      marginPercent: 8,
      fixedCompensation: 0,
      attachLetter: true,
    };
    expect(t.run('saveSettings', { ...data.settings, latePayment })).toMatchObject({ ok: true });
    for (let d = 1; d <= 21; d++) {
      t.goTo(addDays(DUE, d));
      t.daily();
    }
    const formal = t.sent().at(-1)!;
    expect(formal.text).toContain('hiermit teile ich Ihnen förmlich mit');
    expect(formal.text).toContain('Verzugszinsen von');
    expect(formal.text).toContain('Das beigefügte Schreiben');
    const mail = t.runtime.mail.sent.at(-1)!;
    expect(mail.attachments[0]?.name).toBe('Mahnung DE-9.pdf');
    const text = pdfText(mail.attachments[0]!.content).replace(/\s+/g, ' ');
    expect(text).toContain('Mahnung: offene Rechnungen');
    expect(text).toContain('Richtlinie 2011/7/EU');
    expect(text).toContain('1.000,00 €');
    expect(text).toContain('Oktober 2026');
    expect(text).not.toMatch(/\bInvoice\b|Yours sincerely/);
  }, 120_000);
});
