// The daily summary in the spreadsheet's language on the built add-on (README "Languages"): a German
// or French spreadsheet gets its summary in German or French (headings, counts, call cards, advice,
// dates and amounts); a spreadsheet in a language the emails have no words for gets English.
import { addDays, HEADERS, rowCells, setUp, type Row } from './harness';

const DUE = '2026-11-02';

type PhoneRow = Row & { phone?: string | number };

const ROWS: PhoneRow[] = [
  {
    invoice: 'A',
    client: 'Northwind',
    contact: 'Pat Lee',
    email: 'pat@northwind.test',
    due: DUE,
    amount: 1200,
    paid: 200,
    currency: 'EUR',
    phone: '+44 20 7946 0958',
  },
  { invoice: 'B', client: 'Globex', email: 'gil@globex.test', billing: 'ap@globex.test', due: DUE, amount: 300, currency: 'EUR' },
  // Slow Co: paid 25, 20 and 30 days late, so the summary gives advice with those figures.
  { invoice: 'S1', client: 'Slow Co', amount: 1000, due: '2026-09-01', paidDate: '2026-09-26' },
  { invoice: 'S2', client: 'Slow Co', amount: 2000, due: '2026-10-01', paidDate: '2026-10-21' },
  { invoice: 'S3', client: 'Slow Co', amount: 6000, due: '2026-10-15', paidDate: '2026-11-14' },
];

/** The summaries of daily runs from the day after DUE to day 14 (the escalation: calls to make), on a sheet in `locale`. */
function summaries(locale: string) {
  const t = setUp({ today: addDays(DUE, 1), rows: ROWS, runtime: { locale }, settings: { dailySummary: true } });
  t.runtime.addSheet('Invoices', [[...HEADERS, 'Phone'], ...ROWS.map((r) => [...rowCells(r), r.phone ?? ''])]);
  for (let d = 1; d <= 14; d++) {
    t.goTo(addDays(DUE, d));
    t.daily();
  }
  const me = t.runtime.options.userEmail;
  return t.sent().filter((m) => m.to.includes(me));
}

/** The summary's own English words: none may be left in a translated one. */
const ENGLISH = [
  'Invoice follow-ups today',
  'followed up',
  'need you',
  'Calls to make',
  'Needs you',
  'Sent\n',
  'Still owed',
  'overdue',
  'for invoice',
  'about invoice',
  'days late',
  'No phone number',
  'Did the invoice arrive',
  'When can they pay',
  'call the client',
  'What to change with these clients',
  'deposit',
  'Open the spreadsheet',
  'Reminder',
  'Escalation',
];

const all = (mails: ReadonlyArray<{ subject: string; text: string; html: string }>) =>
  mails.map((m) => `${m.subject}\n${m.text}\n${m.html}`).join('\n');

describe('the daily summary in the spreadsheet’s language', () => {
  it('a German spreadsheet (de_DE) gets it in German: headings, counts, call cards, advice, amounts', () => {
    const mails = summaries('de_DE');
    expect(mails.length).toBeGreaterThan(1);
    const [first] = mails;
    const escalation = mails.at(-1)!;
    expect(first!.subject).toMatch(/^Rechnungsverfolgung heute: \d+ Rechnungen? nachgefasst/);
    expect(first!.text).toContain('Gesendet\n- Zahlungserinnerung für Rechnung A (Northwind)');
    expect(first!.text).toMatch(/Noch offen\n- 1\.300,00 € überfällig bei 2 Rechnungen/);
    expect(first!.text).toContain('Was sich bei diesen Kunden ändern sollte');
    expect(first!.text).toContain('Slow Co hat die letzten 3 Rechnungen im Schnitt 25 Tage zu spät bezahlt');
    expect(first!.text).toContain('Tabelle öffnen: https://');
    expect(escalation.subject).toContain('brauch');
    expect(escalation.text).toContain(
      'Anrufe\n- Rufen Sie Pat Lee bei Northwind unter +44 20 7946 0958 wegen Rechnung A an: 1.000,00 € offen, 14 Tage im Verzug.',
    );
    expect(escalation.text).toContain('Ist die Rechnung angekommen');
    expect(escalation.text).toContain(
      'Keine Telefonnummer in der Zeile: Schreiben Sie stattdessen direkt an einen anderen Kontakt bei Globex (ap@globex.test).',
    );
    expect(escalation.text).toContain('Rechnung A (Northwind): den Kunden anrufen');
    expect(escalation.html).toContain('<h3>Anrufe</h3>');
    expect(escalation.html).toContain('unter <a href="tel:+442079460958">+44 20 7946 0958</a>');
    const words = all(mails);
    for (const english of ENGLISH) expect([english, words.includes(english)]).toEqual([english, false]);
  });

  it('a French spreadsheet (fr_CA) gets it in French, with French amounts', () => {
    const mails = summaries('fr_CA');
    const escalation = mails.at(-1)!;
    expect(mails[0]!.subject).toMatch(/^Relances de factures aujourd’hui : \d+ factures? relancées?/);
    expect(mails[0]!.text).toContain('Ce qu’il faut changer avec ces clients');
    expect(mails[0]!.text).toContain('Slow Co a payé ses 3 dernières factures avec 25 jours de retard en moyenne');
    expect(escalation.text).toContain(
      'Appels à passer\n- Appelez Pat Lee chez Northwind au +44 20 7946 0958 au sujet de la facture A :',
    );
    expect(escalation.text).toContain('14 jours de retard.');
    expect(escalation.text).toContain('Aucun numéro de téléphone sur la ligne');
    expect(escalation.text).toContain('Reste dû\n');
    expect(escalation.text).toMatch(/: 1\s000,00\s€ dus, /u);
    const words = all(mails);
    for (const english of ENGLISH) expect([english, words.includes(english)]).toEqual([english, false]);
  });

  it.each(['en_US', 'ja_JP'])('a %s spreadsheet keeps English', (locale) => {
    const mails = summaries(locale);
    const escalation = mails.at(-1)!;
    expect(mails[0]!.subject).toMatch(/^Invoice follow-ups today: \d+ invoices? followed up/);
    expect(mails[0]!.text).toContain('Slow Co paid its last 3 invoices 25 days late on average');
    expect(escalation.text).toContain('Calls to make\n- Call Pat Lee at Northwind on +44 20 7946 0958 about invoice A:');
    expect(escalation.text).toContain('Did the invoice arrive');
    expect(escalation.text).toContain('No phone number on the row');
  });

  it('the alert that a full store stopped sending follows the spreadsheet’s language too', () => {
    const rows = ['A', 'B'].map((invoice) => ({ invoice, client: `Client ${invoice}`, due: DUE }));
    const t = setUp({ today: addDays(DUE, 1), rows, runtime: { locale: 'de_AT', triggerDocumentContext: false } });
    t.ensureTrigger();
    t.daily();
    t.goTo(addDays(DUE, 7));
    // The claim is stored, then the store is full before the first email's record.
    t.runtime.faults.beforeCall('Spreadsheet.addDeveloperMetadata', 2, () => {
      const raw = t.runtime.spreadsheets.list()[0]!;
      const used = raw.model.metadata.entries.reduce((n, e) => n + e.key.length + (e.value?.length ?? 0), 0);
      raw.plantMetadata({
        key: 'other-tool',
        value: 'x'.repeat(30_000 - used - 150 - 'other-tool'.length),
        visibility: 'PROJECT',
      });
    });
    t.daily();
    const alerts = t.runtime.mail.sent.filter((m) => /Speicher der Tabelle ist voll/.test(m.subject));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.body).toContain('0 E-Mails sind vor dem Stopp hinausgegangen');
    expect(alerts[0]!.body).toContain('Was zu tun ist: Entfernen Sie ein Add-on');
    expect(t.runtime.mail.sent.filter((m) => /storage is full/.test(m.subject))).toEqual([]);
  });
});
