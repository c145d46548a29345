// Dutch default wording (README: "Languages"): formal address (u), one step firmer at each stage.
import { listBody, type LanguageWords } from './words';

const GREETING = 'Goedendag,';
const KIND = 'Met vriendelijke groet,';
const FIRM = 'Alvast bedankt en met vriendelijke groet,';
const FORMAL = 'Hoogachtend,';
const IGNORE = 'dank u wel en beschouw dit bericht dan als niet verzonden.';
const CONFIRM =
  'Wilt u mij uiterlijk {{reply_by}} de status van de betaling bevestigen: wanneer de betaling wordt gedaan, of waardoor deze wordt opgehouden?';
const PAY_OR_ELSE = 'Als het bedrag dan niet is betaald, zal ik andere stappen ondernemen om het te innen.';
const ON_ITS_WAY = 'Is de betaling al onderweg? Antwoord dan met de gegevens ervan, zodat ik de betaling kan koppelen.';
const FORMAL_OPENING =
  'Hierbij deel ik u formeel mee dat factuur {{invoice}} aan {{client}}, vervallen op {{due_date}}, nu {{days_overdue}} dagen over de betaaltermijn is. Het openstaande saldo bedraagt {{balance}}.';

export const nl: LanguageWords = {
  subject: 'Factuur {{invoice}} van {{sender_name}}',
  listSubjects: {
    overdue: '{{invoice_count}} achterstallige facturen van {{sender_name}}',
    soon: '{{invoice_count}} binnenkort vervallende facturen van {{sender_name}}',
    mixed: '{{invoice_count}} facturen van {{sender_name}}',
  },
  bodies: {
    nudge: [
      GREETING,
      '',
      'Een korte, vriendelijke herinnering voor {{client}}: factuur {{invoice}} van {{balance}} vervalt op {{due_date}}.',
      '',
      `Als de betaling al is ingepland, ${IGNORE} Mist u nog iets om de factuur te verwerken? Beantwoord dan gewoon deze e-mail, dan regel ik het.`,
      '',
      KIND,
      '{{sender_name}}',
    ],
    reminder: [
      GREETING,
      '',
      'Factuur {{invoice}} van {{balance}} is op {{due_date}} vervallen. Ik stuur u dit bericht voor het geval de factuur aan uw aandacht is ontsnapt.',
      '',
      `Kunt u mij laten weten wanneer u de betaling verwacht te verwerken? Als de factuur inmiddels is betaald, ${IGNORE}`,
      '',
      KIND,
      '{{sender_name}}',
    ],
    firm: [
      GREETING,
      '',
      'Factuur {{invoice}} aan {{client}} is op {{due_date}} vervallen en is nu {{days_overdue}} dagen over de betaaltermijn. Het openstaande bedrag is {{balance}}.',
      '',
      CONFIRM,
      '',
      FIRM,
      '{{sender_name}}',
    ],
    escalate: [
      GREETING,
      '',
      'Ik schrijf u als contactpersoon voor de crediteurenadministratie van {{client}} over factuur {{invoice}}. Deze is op {{due_date}} vervallen en is nu {{days_overdue}} dagen over de betaaltermijn; er staat nog {{balance}} open.',
      '',
      'Mijn vaste contactpersoon, aan wie ik al eerder heb geschreven, staat in de cc; ik hoop dat u kunt helpen om deze factuur verwerkt te krijgen. Kunt u mij uiterlijk {{reply_by}} bevestigen wanneer de betaling wordt gedaan, of laten weten of u nog iets van mij nodig hebt, zoals een kopie van de factuur of een inkoopordernummer?',
      '',
      KIND,
      '{{sender_name}}',
    ],
    formal: [
      GREETING,
      '',
      FORMAL_OPENING,
      '',
      `Ik verzoek u het openstaande saldo uiterlijk {{reply_by}} te voldoen. ${PAY_OR_ELSE}`,
      '',
      ON_ITS_WAY,
      '',
      FORMAL,
      '{{sender_name}}',
    ],
    dispute: [
      GREETING,
      '',
      'Ik wil graag even contact met u opnemen over factuur {{invoice}} ({{balance}} openstaand, vervaldatum {{due_date}}).',
      '',
      'Is er iets aan het geleverde werk of aan de factuur dat ik kan oplossen? Als iets niet aan de verwachtingen van {{client}} voldeed, hoor ik dat liever, zodat ik het kan rechtzetten. Laat het mij weten, dan zoeken we samen naar een oplossing.',
      '',
      KIND,
      '{{sender_name}}',
    ],
    escalateNoBilling: [
      GREETING,
      '',
      'Factuur {{invoice}} aan {{client}} is op {{due_date}} vervallen en is nu {{days_overdue}} dagen over de betaaltermijn; er staat nog {{balance}} open.',
      '',
      'Het is mij tot nu toe niet gelukt deze factuur betaald te krijgen. Wilt u dit bericht doorsturen naar degene die bij {{client}} de betalingen verzorgt, of mij het e-mailadres van die persoon laten weten, zodat ik rechtstreeks contact kan opnemen? Ik stel een antwoord uiterlijk {{reply_by}} zeer op prijs.',
      '',
      KIND,
      '{{sender_name}}',
    ],
    promiseMissed: [
      GREETING,
      '',
      'U liet mij weten dat factuur {{invoice}} aan {{client}} uiterlijk {{promised_date}} betaald zou worden. Ik heb de betaling nog niet ontvangen; er staat nog {{balance}} open.',
      '',
      'Kunt u nagaan wat er is gebeurd en mij uiterlijk {{reply_by}} laten weten wanneer de betaling wordt gedaan? Is de betaling al onderweg, dan dank ik u; antwoord dan met de gegevens ervan, zodat ik de betaling kan koppelen.',
      '',
      KIND,
      '{{sender_name}}',
    ],
    thankYou: [
      GREETING,
      '',
      'Hartelijk dank: de betaling voor factuur {{invoice}} ({{amount}}) is binnengekomen. Dat waardeer ik zeer.',
      '',
      KIND,
      '{{sender_name}}',
    ],
    nudgeList: listBody(
      GREETING,
      'Een korte, vriendelijke herinnering voor {{client}}: de onderstaande facturen vervallen binnenkort.',
      `Als de betaling al is ingepland, ${IGNORE}`,
      KIND,
    ),
    reminderList: listBody(
      GREETING,
      'De onderstaande facturen aan {{client}} zijn over hun vervaldatum heen. Ik stuur u dit bericht voor het geval ze aan uw aandacht zijn ontsnapt.',
      `Kunt u mij laten weten wanneer u de betaling verwacht te verwerken? Als ze inmiddels zijn betaald, ${IGNORE}`,
      KIND,
    ),
    firmList: listBody(GREETING, 'De onderstaande facturen aan {{client}} zijn over de betaaltermijn.', CONFIRM, FIRM),
    escalateList: listBody(
      GREETING,
      'Ik schrijf u over de onderstaande achterstallige facturen aan {{client}}, die ik tot nu toe niet betaald heb gekregen.',
      'Kunt u mij uiterlijk {{reply_by}} bevestigen wanneer de betaling wordt gedaan? Als iemand anders bij {{client}} de betalingen verzorgt, stuur dit bericht dan naar die persoon door of laat mij het e-mailadres van die persoon weten.',
      KIND,
    ),
    formalList: listBody(
      GREETING,
      'Hierbij deel ik u formeel mee dat de onderstaande facturen aan {{client}} over de betaaltermijn zijn.',
      `Ik verzoek u het openstaande saldo uiterlijk {{reply_by}} te voldoen. ${PAY_OR_ELSE}`,
      FORMAL,
    ),
  },
  formalWithInterest: [
    GREETING,
    '',
    FORMAL_OPENING,
    '',
    'Over deze factuur zijn inmiddels rente wegens te late betaling van {{interest}} en een vergoeding van {{compensation}} verschuldigd, zodat het gevorderde bedrag {{amount_claimed}} is. De rente loopt dagelijks door tot de betaling.',
    '',
    `Ik verzoek u het gevorderde bedrag uiterlijk {{reply_by}} te voldoen. ${PAY_OR_ELSE}`,
    '',
    ON_ITS_WAY,
    '',
    FORMAL,
    '{{sender_name}}',
  ],
  letterLine: 'In de bijgevoegde brief vindt u het rekeningoverzicht en de berekening van de rente.',
  list: {
    heads: ['Factuur', 'Factuurdatum', 'Vervaldatum', 'Achterstand', 'Saldo', 'Betalen'],
    invoice: 'Factuur',
    issued: 'gedateerd',
    due: 'vervaldatum',
    balance: 'saldo',
    payAt: 'betalen via',
    payOnline: 'Online betalen',
    daysOverdue: (days) => `${days} ${days === 1 ? 'dag' : 'dagen'} te laat`,
    dueToday: 'vervalt vandaag',
    dueIn: (days) => `vervalt over ${days} ${days === 1 ? 'dag' : 'dagen'}`,
    and: 'en',
  },
  letter: {
    title: 'Ingebrekestelling: onbetaalde facturen',
    documentTitle: 'Ingebrekestelling',
    dear: () => 'Geachte heer, mevrouw,',
    intro: (owed) =>
      `Volgens onze administratie zijn de onderstaande facturen nog niet betaald. Op de datum van deze brief bedraagt het verschuldigde bedrag ${owed}.`,
    statementHeads: [
      'Factuur',
      'Factuurdatum',
      'Vervaldatum',
      'Dagen te laat',
      'Saldo',
      'Rente',
      'Vergoeding',
      'Gevorderd bedrag',
    ],
    total: 'Totaal',
    followUpsHeading: 'Onze eerdere herinneringen',
    followUpHeads: ['Datum', 'Factuur', 'Herinnering', 'Verzonden aan', 'Onderwerp'],
    noFollowUps: 'Er zijn geen eerdere herinneringen geregistreerd.',
    stages: {
      nudge: 'Vriendelijke attentie',
      reminder: 'Herinnering',
      firm: 'Tweede herinnering',
      escalate: 'Bericht aan de administratie',
      formal: 'Ingebrekestelling',
      final: 'Besluit',
    },
    paymentHeading: 'Betaling',
    payBy: (owed, date) =>
      `Wij verzoeken u ${owed} uiterlijk ${date} te betalen. Als het bedrag dan niet is betaald, zullen wij andere stappen overwegen, waaronder mogelijk een gerechtelijke procedure.`,
    howToPay: 'Betaalwijze',
    payOnline: 'Online betalen',
    closing: 'Hoogachtend,',
    basisUk: (rates) =>
      `Wettelijke rente op grond van de Late Payment of Commercial Debts (Interest) Act 1998 (Verenigd Koninkrijk), tegen 8 procentpunten boven de basisrente van de Bank of England (${rates} per jaar), en het vaste bedrag dat die wet per factuur toestaat.`,
    basisEu: (rates, fixed) =>
      `Rente wegens te late betaling tegen de referentierente vermeerderd met de wettelijke opslag (${rates} per jaar), op grond van Richtlijn 2011/7/EU zoals omgezet in nationaal recht, en de vaste vergoeding van ${fixed} per factuur in euro.`,
    basisCustom: (rates) => `Rente van ${rates} per jaar en de vaste vergoeding per factuur volgens onze voorwaarden.`,
    counted:
      'De rente is enkelvoudige rente over elke dag vanaf de dag na de vervaldatum, op basis van een jaar van 365 dagen. De rente loopt door tot de betaling.',
  },
  summary: {
    subject: (counts) => `Factuuropvolging vandaag: ${counts}`,
    counts: {
      followedUp: (n) => `${n} ${n === 1 ? 'factuur' : 'facturen'} opgevolgd`,
      emailsSent: (n) => `${n} ${n === 1 ? 'e-mail' : 'e-mails'} verzonden`,
      waiting: (n) => `${n} wachtend`,
      failed: (n) => `${n} mislukt`,
      needYou: (n) => `${n} ${n === 1 ? 'factuur vraagt' : 'facturen vragen'} uw aandacht`,
      changes: (n) => `${n} ${n === 1 ? 'wijziging' : 'wijzigingen'} in instellingen of sjablonen`,
    },
    heads: {
      calls: 'Te bellen',
      needs: 'Vraagt uw aandacht',
      changes: 'Wijzigingen sinds de vorige samenvatting',
      failed: 'Mislukt (niets verzonden)',
      sent: 'Verzonden',
      queued: 'Wacht op de volgende ronde',
      owed: 'Nog openstaand',
      emails: 'E-mails verzonden uit uw naam',
      advice: 'Wat te veranderen bij deze klanten',
    },
    notices: { promiseMissed: 'Betaalbelofte niet nagekomen', thankYou: 'Bedankje' },
    colon: ': ',
    outcome: (what, invoice, client) => `${what} voor factuur ${invoice} (${client})`,
    needs: {
      call: 'bel de klant (de escalatie is verzonden)',
      decide: 'beslis over de volgende stap (op de ingebrekestelling kwam geen antwoord)',
      review: 'controleer uw verzonden e-mail (een herinnering is mogelijk niet verstuurd)',
      promise: 'de klant heeft niet betaald op de beloofde datum',
    },
    needLine: (invoice, client, need) => `Factuur ${invoice} (${client}): ${need}`,
    overdue: (amount, count) => `${amount} achterstallig op ${count} ${count === 1 ? 'factuur' : 'facturen'}`,
    changeWhat: {
      settings: 'heeft de instellingen gewijzigd',
      template: 'heeft een sjabloon bewerkt',
      templateReset: 'heeft een sjabloon teruggezet naar de standaard',
      columns: 'heeft gewijzigd welke kolommen worden gelezen',
      earlier: 'heeft eerdere wijzigingen gedaan, niet afzonderlijk vermeld',
    },
    hiddenEditor: 'een bewerker (Google toonde het adres niet)',
    changeBy: (who, what) => `${who} ${what}`,
    callWho: (contact, client) => `${contact} bij ${client}`,
    onNumber: (phone) => `op ${phone}`,
    noNumber: '(geen nummer om te bellen)',
    call: (who, number, invoice, owed, daysLate) =>
      `Bel ${who} ${number} over factuur ${invoice}: ${owed} openstaand, ${daysLate} ${daysLate === 1 ? 'dag' : 'dagen'} te laat.`,
    noPhone: (client, others) =>
      `Geen telefoonnummer op de rij: stuur in plaats daarvan een direct bericht aan een ander contact bij ${client} (${others}).`,
    badPhone: (cell, client, others) =>
      `De Telefoon-cel ('${cell}') bevat geen nummer om te bellen: stuur in plaats daarvan een direct bericht aan een ander contact bij ${client} (${others}).`,
    talkingPoints: [
      'Is de factuur aangekomen, en bij de juiste persoon?',
      'Wie verwerkt bij hen de betalingen (naam en adres)?',
      'Wanneer kunnen ze betalen? Vraag om een datum.',
      'Is er iets aan het werk of de factuur dat rechtgezet moet worden?',
    ],
    advice: {
      depositAverage: (client, paid, days) =>
        `${client} betaalde ${paid === 1 ? 'de laatste factuur' : `de laatste ${paid} facturen`} gemiddeld ${days} dagen te laat: vraag een aanbetaling van 50% vóór het volgende project.`,
      depositFormal: (client, invoice) =>
        `Factuur ${invoice} van ${client} had een ingebrekestelling nodig: vraag een aanbetaling van 50% vóór het volgende project.`,
      milestonesLarge: (client, invoice, amount, days) =>
        `${client} betaalde factuur ${invoice} (${amount}) ${days} ${days === 1 ? 'dag' : 'dagen'} te laat: verdeel het volgende project in betalingen per mijlpaal.`,
      milestonesDisputed: (client, count, list) =>
        `${client} betwistte ${count} ${count === 1 ? 'factuur' : 'facturen'} (${list}): verdeel het volgende project in betalingen per mijlpaal, elk goedgekeurd bij oplevering.`,
      shorterTerms: (client, late, paid, from) =>
        `${client} betaalde ${late} van de ${paid} betaalde facturen te laat: verkort de betalingstermijn${from !== null ? ` van ${from} naar 14 dagen` : ''} en factureer bij oplevering.`,
      contractTerms: (client, days, invoice) =>
        `${client} was ${days} dagen te laat met ${invoice !== null ? `factuur ${invoice}` : 'een factuur'}: zorg vóór het volgende project voor een getekend contract met betalingsvoorwaarden en boetes bij te late betaling.`,
    },
    open: 'Spreadsheet openen',
    storeFull: {
      subject: 'Factuuropvolging is gestopt met verzenden: de opslag van de spreadsheet is vol',
      lines: (address, sent) => [
        'Invoice Follow-ups is vandaag gestopt met het verzenden van herinneringen in deze spreadsheet:',
        address,
        '',
        `${sent} ${sent === 1 ? 'e-mail is' : 'e-mails zijn'} verzonden voordat het stopte; ze staan in de Follow-up Log. De rest is niet verzonden.`,
        'Vóór elke e-mail legt de add-on vast dat hij die verstuurt, zodat geen herinnering ooit twee keer uitgaat. ' +
          'De spreadsheet had geen ruimte meer voor die vastlegging: Google bewaart 30.000 tekens aan add-on-gegevens per spreadsheet, ' +
          'gedeeld door alle add-ons en hulpmiddelen die het bestand gebruiken.',
        '',
        'Wat te doen: verwijder een add-on die u niet meer gebruikt uit deze spreadsheet, of zet sjablonen die u niet gebruikt terug ' +
          '(zijbalk › Templates). Met „Check setup” ziet u hoeveel ruimte er is. De volgende ronde gaat vanzelf verder zodra er ruimte is.',
      ],
    },
  },
};
