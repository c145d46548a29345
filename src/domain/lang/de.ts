// German default wording (README: "Languages"): formal address (Sie), one step firmer at each stage.
import { listBody, type LanguageWords } from './words';

const GREETING = 'Guten Tag,';
const FRIENDLY = 'Viele Grüße';
const KIND = 'Freundliche Grüße';
const FORMAL = 'Mit freundlichen Grüßen';
const ALREADY_PAID =
  'Falls die Zahlung bereits veranlasst ist, vielen Dank – dann betrachten Sie diese Nachricht bitte als gegenstandslos.';
const CONFIRM =
  'Bitte bestätigen Sie mir bis zum {{reply_by}} den Stand der Zahlung: wann der Betrag überwiesen wird oder was die Zahlung derzeit aufhält.';
const PAY_OR_ELSE =
  'Sollte die Zahlung bis dahin nicht eingehen, werde ich weitere Schritte zur Durchsetzung meiner Forderung einleiten.';
const ON_ITS_WAY =
  'Falls die Zahlung bereits unterwegs ist, antworten Sie bitte mit den Zahlungsdetails, damit ich sie zuordnen kann.';
const FORMAL_OPENING =
  'hiermit teile ich Ihnen förmlich mit, dass die Rechnung {{invoice}} an {{client}}, fällig am {{due_date}}, inzwischen seit {{days_overdue}} Tagen überfällig ist. Der offene Betrag beläuft sich auf {{balance}}.';

export const de: LanguageWords = {
  subject: 'Rechnung {{invoice}} von {{sender_name}}',
  listSubjects: {
    overdue: '{{invoice_count}} überfällige Rechnungen von {{sender_name}}',
    soon: '{{invoice_count}} bald fällige Rechnungen von {{sender_name}}',
    mixed: '{{invoice_count}} Rechnungen von {{sender_name}}',
  },
  bodies: {
    nudge: [
      GREETING,
      '',
      'nur ein kurzer Hinweis für {{client}}: Die Rechnung {{invoice}} über {{balance}} ist am {{due_date}} fällig.',
      '',
      `${ALREADY_PAID} Sollte Ihnen für die Bearbeitung noch etwas fehlen, antworten Sie einfach auf diese E-Mail, und ich kümmere mich darum.`,
      '',
      FRIENDLY,
      '{{sender_name}}',
    ],
    reminder: [
      GREETING,
      '',
      'die Rechnung {{invoice}} über {{balance}} war am {{due_date}} fällig. Ich schreibe Ihnen, falls sie im Tagesgeschäft untergegangen sein sollte.',
      '',
      'Könnten Sie mir kurz mitteilen, wann Sie die Zahlung voraussichtlich veranlassen? Falls die Rechnung bereits bezahlt ist, vielen Dank – dann betrachten Sie diese Nachricht bitte als gegenstandslos.',
      '',
      KIND,
      '{{sender_name}}',
    ],
    firm: [
      GREETING,
      '',
      'die Rechnung {{invoice}} an {{client}} war am {{due_date}} fällig und ist inzwischen seit {{days_overdue}} Tagen überfällig. Der offene Betrag beläuft sich auf {{balance}}.',
      '',
      CONFIRM,
      '',
      'Vielen Dank und freundliche Grüße',
      '{{sender_name}}',
    ],
    escalate: [
      GREETING,
      '',
      'ich wende mich an Sie als Ansprechpartner für Buchhaltung und Rechnungsprüfung bei {{client}}, und zwar wegen der Rechnung {{invoice}}. Sie war am {{due_date}} fällig und ist inzwischen seit {{days_overdue}} Tagen überfällig; offen sind {{balance}}.',
      '',
      'Meinen bisherigen Ansprechpartner, an den ich mich bereits gewandt habe, habe ich in Kopie gesetzt. Ich hoffe, Sie können dabei helfen, dass die Rechnung bearbeitet wird. Könnten Sie mir bis zum {{reply_by}} bestätigen, wann die Zahlung erfolgt, oder mir mitteilen, ob Sie noch etwas von mir benötigen, etwa eine Kopie der Rechnung oder eine Bestellnummer?',
      '',
      FORMAL,
      '{{sender_name}}',
    ],
    formal: [
      GREETING,
      '',
      FORMAL_OPENING,
      '',
      `Bitte begleichen Sie den offenen Betrag bis zum {{reply_by}}. ${PAY_OR_ELSE}`,
      '',
      ON_ITS_WAY,
      '',
      FORMAL,
      '{{sender_name}}',
    ],
    dispute: [
      GREETING,
      '',
      'ich möchte mich wegen der Rechnung {{invoice}} bei Ihnen melden (offen: {{balance}}, fällig am {{due_date}}).',
      '',
      'Gibt es bei der gelieferten Leistung oder bei der Rechnung etwas, das ich klären kann? Falls etwas nicht den Erwartungen von {{client}} entsprochen hat, möchte ich das gern wissen und in Ordnung bringen. Geben Sie mir bitte Bescheid – gemeinsam finden wir sicher eine Lösung.',
      '',
      KIND,
      '{{sender_name}}',
    ],
    escalateNoBilling: [
      GREETING,
      '',
      'die Rechnung {{invoice}} an {{client}} war am {{due_date}} fällig und ist inzwischen seit {{days_overdue}} Tagen überfällig; offen sind {{balance}}.',
      '',
      'Leider ist die Rechnung bisher nicht beglichen worden. Könnten Sie diese Nachricht bitte an die Person weiterleiten, die bei {{client}} für Zahlungen zuständig ist, oder mir deren E-Mail-Adresse nennen, damit ich mich direkt an sie wenden kann? Über eine Antwort bis zum {{reply_by}} würde ich mich freuen.',
      '',
      FORMAL,
      '{{sender_name}}',
    ],
    promiseMissed: [
      GREETING,
      '',
      'Sie hatten mir mitgeteilt, dass die Rechnung {{invoice}} an {{client}} bis zum {{promised_date}} bezahlt wird. Die Zahlung ist bei mir bisher nicht eingegangen; offen sind weiterhin {{balance}}.',
      '',
      'Könnten Sie bitte nachsehen, woran es liegt, und mir bis zum {{reply_by}} mitteilen, wann die Zahlung erfolgt? Falls sie bereits unterwegs ist, vielen Dank – antworten Sie bitte mit den Zahlungsdetails, damit ich sie zuordnen kann.',
      '',
      KIND,
      '{{sender_name}}',
    ],
    thankYou: [
      GREETING,
      '',
      'vielen Dank: Die Zahlung für die Rechnung {{invoice}} ({{amount}}) ist eingegangen. Das weiß ich sehr zu schätzen.',
      '',
      FRIENDLY,
      '{{sender_name}}',
    ],
    nudgeList: listBody(
      GREETING,
      'nur ein kurzer Hinweis für {{client}}: Die unten aufgeführten Rechnungen werden demnächst fällig.',
      ALREADY_PAID,
      FRIENDLY,
    ),
    reminderList: listBody(
      GREETING,
      'die unten aufgeführten Rechnungen an {{client}} haben ihr Fälligkeitsdatum überschritten. Ich schreibe Ihnen, falls sie im Tagesgeschäft untergegangen sein sollten.',
      'Könnten Sie mir kurz mitteilen, wann Sie die Zahlung voraussichtlich veranlassen? Falls die Rechnungen bereits bezahlt sind, vielen Dank – dann betrachten Sie diese Nachricht bitte als gegenstandslos.',
      KIND,
    ),
    firmList: listBody(
      GREETING,
      'die unten aufgeführten Rechnungen an {{client}} sind überfällig.',
      CONFIRM,
      'Vielen Dank und freundliche Grüße',
    ),
    escalateList: listBody(
      GREETING,
      'ich schreibe Ihnen wegen der unten aufgeführten überfälligen Rechnungen an {{client}}, die bisher leider nicht beglichen worden sind.',
      'Könnten Sie mir bis zum {{reply_by}} bestätigen, wann die Zahlung erfolgt? Falls bei {{client}} jemand anderes für Zahlungen zuständig ist, leiten Sie diese Nachricht bitte weiter oder nennen Sie mir die E-Mail-Adresse dieser Person.',
      FORMAL,
    ),
    formalList: listBody(
      GREETING,
      'hiermit teile ich Ihnen förmlich mit, dass die unten aufgeführten Rechnungen an {{client}} überfällig sind.',
      `Bitte begleichen Sie den offenen Betrag bis zum {{reply_by}}. ${PAY_OR_ELSE}`,
      FORMAL,
    ),
  },
  formalWithInterest: [
    GREETING,
    '',
    FORMAL_OPENING,
    '',
    'Auf die Rechnung sind inzwischen Verzugszinsen von {{interest}} und eine Pauschale von {{compensation}} angefallen; der geforderte Betrag beläuft sich damit auf {{amount_claimed}}. Die Zinsen laufen bis zum Zahlungseingang täglich weiter.',
    '',
    `Bitte zahlen Sie den geforderten Betrag bis zum {{reply_by}}. ${PAY_OR_ELSE}`,
    '',
    ON_ITS_WAY,
    '',
    FORMAL,
    '{{sender_name}}',
  ],
  letterLine: 'Das beigefügte Schreiben enthält die Kontoübersicht und die Berechnung der Zinsen.',
  list: {
    heads: ['Rechnung', 'Ausgestellt', 'Fällig', 'Verzug', 'Offen', 'Zahlung'],
    invoice: 'Rechnung',
    issued: 'ausgestellt am',
    due: 'fällig am',
    balance: 'offen',
    payAt: 'zahlbar unter',
    payOnline: 'Online bezahlen',
    daysOverdue: (days) => `${days} ${days === 1 ? 'Tag' : 'Tage'} überfällig`,
    dueToday: 'heute fällig',
    dueIn: (days) => `fällig in ${days} ${days === 1 ? 'Tag' : 'Tagen'}`,
    and: 'und',
  },
  letter: {
    title: 'Mahnung: offene Rechnungen',
    documentTitle: 'Mahnung',
    dear: () => 'Sehr geehrte Damen und Herren,',
    intro: (owed) =>
      `nach unseren Unterlagen sind die unten aufgeführten Rechnungen noch nicht bezahlt. Zum Datum dieses Schreibens beläuft sich der fällige Betrag auf ${owed}.`,
    statementHeads: ['Rechnung', 'Ausgestellt', 'Fällig', 'Tage im Verzug', 'Offen', 'Zinsen', 'Pauschale', 'Forderung'],
    total: 'Summe',
    followUpsHeading: 'Unsere bisherigen Erinnerungen',
    followUpHeads: ['Datum', 'Rechnung', 'Schreiben', 'Gesendet an', 'Betreff'],
    noFollowUps: 'Es sind keine früheren Erinnerungen verzeichnet.',
    stages: {
      nudge: 'Freundlicher Hinweis',
      reminder: 'Zahlungserinnerung',
      firm: 'Nachdrückliche Erinnerung',
      escalate: 'Eskalation',
      formal: 'Mahnung',
      final: 'Entscheidung',
    },
    paymentHeading: 'Zahlung',
    payBy: (owed, date) =>
      `Bitte zahlen Sie ${owed} bis zum ${date}. Sollte die Zahlung bis dahin nicht eingehen, werden wir weitere Schritte prüfen, gegebenenfalls auch gerichtliche.`,
    howToPay: 'Zahlungsweise',
    payOnline: 'Online bezahlen',
    closing: 'Mit freundlichen Grüßen',
    basisUk: (rates) =>
      `Gesetzliche Zinsen nach dem Late Payment of Commercial Debts (Interest) Act 1998 (Vereinigtes Königreich) in Höhe von 8 Prozentpunkten über dem Leitzins der Bank of England (${rates} pro Jahr) sowie der nach diesem Gesetz je Rechnung zulässige Pauschalbetrag.`,
    basisEu: (rates, fixed) =>
      `Verzugszinsen in Höhe des Referenzzinssatzes zuzüglich des gesetzlichen Aufschlags (${rates} pro Jahr) nach der Richtlinie 2011/7/EU in ihrer Umsetzung in nationales Recht (in Deutschland § 288 BGB) sowie die Pauschale von ${fixed} je Rechnung in Euro.`,
    basisCustom: (rates) =>
      `Zinsen in Höhe von ${rates} pro Jahr sowie die in unseren Bedingungen festgelegte Pauschale je Rechnung.`,
    counted:
      'Die Zinsen werden als einfache Zinsen für jeden Tag ab dem Tag nach der Fälligkeit auf Basis eines Jahres mit 365 Tagen berechnet. Sie laufen bis zum Zahlungseingang weiter.',
  },
  summary: {
    subject: (counts) => `Rechnungsverfolgung heute: ${counts}`,
    counts: {
      followedUp: (n) => `${n} ${n === 1 ? 'Rechnung' : 'Rechnungen'} nachgefasst`,
      emailsSent: (n) => `${n} ${n === 1 ? 'E-Mail' : 'E-Mails'} gesendet`,
      waiting: (n) => `${n} wartend`,
      failed: (n) => `${n} fehlgeschlagen`,
      needYou: (n) => `${n} ${n === 1 ? 'Rechnung braucht' : 'Rechnungen brauchen'} Sie`,
      changes: (n) => `${n} ${n === 1 ? 'Änderung' : 'Änderungen'} an Einstellungen oder Vorlagen`,
    },
    heads: {
      calls: 'Anrufe',
      needs: 'Braucht Sie',
      changes: 'Änderungen seit der letzten Zusammenfassung',
      failed: 'Fehlgeschlagen (nichts versendet)',
      sent: 'Gesendet',
      queued: 'Wartet auf den nächsten Lauf',
      owed: 'Noch offen',
      emails: 'In Ihrem Namen gesendete E-Mails',
      advice: 'Was sich bei diesen Kunden ändern sollte',
    },
    notices: { promiseMissed: 'Zahlungszusage nicht eingehalten', thankYou: 'Dankeschön' },
    colon: ': ',
    outcome: (what, invoice, client) => `${what} für Rechnung ${invoice} (${client})`,
    needs: {
      call: 'den Kunden anrufen (die Eskalation ist verschickt)',
      decide: 'über den nächsten Schritt entscheiden (auf die Mahnung kam keine Antwort)',
      review: 'Ihre gesendeten E-Mails prüfen (eine Erinnerung ist womöglich nicht verschickt worden)',
      promise: 'der Kunde hat das zugesagte Zahlungsdatum nicht eingehalten',
    },
    needLine: (invoice, client, need) => `Rechnung ${invoice} (${client}): ${need}`,
    overdue: (amount, count) => `${amount} überfällig bei ${count} ${count === 1 ? 'Rechnung' : 'Rechnungen'}`,
    changeWhat: {
      settings: 'hat die Einstellungen geändert',
      template: 'hat eine Vorlage bearbeitet',
      templateReset: 'hat eine Vorlage auf den Standard zurückgesetzt',
      columns: 'hat geändert, welche Spalten gelesen werden',
      earlier: 'hat frühere Änderungen vorgenommen, nicht einzeln aufgeführt',
    },
    hiddenEditor: 'ein Bearbeiter (Google hat die Adresse nicht angezeigt)',
    changeBy: (who, what) => `${who} ${what}`,
    callWho: (contact, client) => `${contact} bei ${client}`,
    onNumber: (phone) => `unter ${phone}`,
    noNumber: '(keine Nummer zum Wählen)',
    call: (who, number, invoice, owed, daysLate) =>
      `Rufen Sie ${who} ${number} wegen Rechnung ${invoice} an: ${owed} offen, ${daysLate} ${daysLate === 1 ? 'Tag' : 'Tage'} im Verzug.`,
    noPhone: (client, others) =>
      `Keine Telefonnummer in der Zeile: Schreiben Sie stattdessen direkt an einen anderen Kontakt bei ${client} (${others}).`,
    badPhone: (cell, client, others) =>
      `Die Telefon-Zelle ('${cell}') enthält keine wählbare Nummer: Schreiben Sie stattdessen direkt an einen anderen Kontakt bei ${client} (${others}).`,
    talkingPoints: [
      'Ist die Rechnung angekommen, und bei der richtigen Person?',
      'Wer bearbeitet dort die Zahlungen (Name und Adresse)?',
      'Wann kann gezahlt werden? Fragen Sie nach einem Datum.',
      'Gibt es an der Leistung oder an der Rechnung etwas zu korrigieren?',
    ],
    advice: {
      depositAverage: (client, paid, days) =>
        `${client} hat ${paid === 1 ? 'die letzte Rechnung' : `die letzten ${paid} Rechnungen`} im Schnitt ${days} Tage zu spät bezahlt: Verlangen Sie vor dem nächsten Projekt eine Anzahlung von 50 %.`,
      depositFormal: (client, invoice) =>
        `Rechnung ${invoice} von ${client} brauchte eine Mahnung: Verlangen Sie vor dem nächsten Projekt eine Anzahlung von 50 %.`,
      milestonesLarge: (client, invoice, amount, days) =>
        `${client} hat Rechnung ${invoice} (${amount}) ${days} ${days === 1 ? 'Tag' : 'Tage'} zu spät bezahlt: Teilen Sie das nächste Projekt in Zahlungen nach Meilensteinen auf.`,
      milestonesDisputed: (client, count, list) =>
        `${client} hat ${count} ${count === 1 ? 'Rechnung' : 'Rechnungen'} beanstandet (${list}): Teilen Sie das nächste Projekt in Zahlungen nach Meilensteinen auf, jeweils bei Lieferung abgenommen.`,
      shorterTerms: (client, late, paid, from) =>
        `${client} hat ${late} von ${paid} bezahlten Rechnungen zu spät bezahlt: Verkürzen Sie das Zahlungsziel${from !== null ? ` von ${from} auf 14 Tage` : ''} und stellen Sie bei Lieferung in Rechnung.`,
      contractTerms: (client, days, invoice) =>
        `${client} war mit ${invoice !== null ? `Rechnung ${invoice}` : 'einer Rechnung'} ${days} Tage im Verzug: Schließen Sie vor dem nächsten Projekt einen unterschriebenen Vertrag mit Zahlungsbedingungen und Verzugsgebühren.`,
    },
    open: 'Tabelle öffnen',
    storeFull: {
      subject: 'Rechnungsverfolgung hat das Senden gestoppt: Der Speicher der Tabelle ist voll',
      lines: (address, sent) => [
        'Invoice Follow-ups hat heute in dieser Tabelle keine Erinnerungen mehr gesendet:',
        address,
        '',
        `${sent} ${sent === 1 ? 'E-Mail ist' : 'E-Mails sind'} vor dem Stopp hinausgegangen; sie stehen im Follow-up Log. Der Rest wurde nicht gesendet.`,
        'Vor jeder E-Mail vermerkt das Add-on, dass es sie sendet, damit keine Erinnerung je zweimal hinausgeht. ' +
          'In der Tabelle war dafür kein Platz mehr: Google speichert je Tabelle 30.000 Zeichen Add-on-Daten, ' +
          'die sich alle Add-ons und Werkzeuge teilen, die die Datei nutzen.',
        '',
        'Was zu tun ist: Entfernen Sie ein Add-on, das Sie nicht mehr nutzen, aus dieser Tabelle, oder setzen Sie Vorlagen zurück, ' +
          'die Sie nicht verwenden (Seitenleiste › Templates). Unter „Check setup“ sehen Sie, wie viel Platz frei ist. Der nächste Lauf macht von selbst weiter, sobald wieder Platz ist.',
      ],
    },
  },
};
