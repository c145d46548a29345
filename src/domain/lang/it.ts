// Italian default wording (README: "Languages"): formal address (Lei), one step firmer at each stage.
import { listBody, type LanguageWords } from './words';

const GREETING = 'Buongiorno,';
const KIND = 'Cordiali saluti,';
const FORMAL = 'Distinti saluti,';
const IGNORE = 'La ringrazio e La prego di non tenere conto di questo messaggio.';
const CONFIRM =
  'La prego di confermarmi entro il {{reply_by}} lo stato del pagamento: quando verrà effettuato o che cosa lo sta trattenendo.';
const PAY_OR_ELSE = 'In mancanza di pagamento entro tale data, intraprenderò altre iniziative per il recupero del credito.';
const ON_ITS_WAY = 'Se il pagamento è già in corso, La prego di rispondermi con i relativi estremi, così da poterlo abbinare.';
const FORMAL_OPENING =
  'con la presente La informo formalmente che la fattura {{invoice}} intestata a {{client}}, in scadenza il {{due_date}}, è ora scaduta da {{days_overdue}} giorni. Il saldo ancora dovuto ammonta a {{balance}}.';

export const it: LanguageWords = {
  subject: 'Fattura {{invoice}} – {{sender_name}}',
  listSubjects: {
    overdue: '{{invoice_count}} fatture scadute – {{sender_name}}',
    soon: '{{invoice_count}} fatture in scadenza – {{sender_name}}',
    mixed: '{{invoice_count}} fatture – {{sender_name}}',
  },
  bodies: {
    nudge: [
      GREETING,
      '',
      'un breve promemoria di cortesia per {{client}}: la fattura {{invoice}} di {{balance}} scade il {{due_date}}.',
      '',
      `Se il pagamento è già stato disposto, ${IGNORE} Se Le manca qualcosa per elaborarla, mi risponda pure e provvederò.`,
      '',
      KIND,
      '{{sender_name}}',
    ],
    reminder: [
      GREETING,
      '',
      'la fattura {{invoice}} di {{balance}} era in scadenza il {{due_date}}. Le scrivo nel caso in cui Le fosse sfuggita.',
      '',
      `Potrebbe indicarmi quando prevede di procedere al pagamento? Se è già stata pagata, ${IGNORE}`,
      '',
      KIND,
      '{{sender_name}}',
    ],
    firm: [
      GREETING,
      '',
      "la fattura {{invoice}} intestata a {{client}} era in scadenza il {{due_date}} ed è ora scaduta da {{days_overdue}} giorni. L'importo ancora dovuto è di {{balance}}.",
      '',
      CONFIRM,
      '',
      'Grazie e cordiali saluti,',
      '{{sender_name}}',
    ],
    escalate: [
      GREETING,
      '',
      "mi rivolgo a Lei in qualità di referente dell'amministrazione fornitori di {{client}} in merito alla fattura {{invoice}}. Era in scadenza il {{due_date}} ed è ora scaduta da {{days_overdue}} giorni, con {{balance}} ancora da saldare.",
      '',
      "Ho messo in copia il mio abituale referente, al quale ho già scritto; spero che Lei possa aiutarmi a far elaborare questa fattura. Potrebbe confermarmi entro il {{reply_by}} quando verrà effettuato il pagamento, oppure farmi sapere se Le occorre qualcosa da parte mia, come una copia della fattura o un numero d'ordine?",
      '',
      KIND,
      '{{sender_name}}',
    ],
    formal: [
      GREETING,
      '',
      FORMAL_OPENING,
      '',
      `La invito a saldare l'importo dovuto entro il {{reply_by}}. ${PAY_OR_ELSE}`,
      '',
      ON_ITS_WAY,
      '',
      FORMAL,
      '{{sender_name}}',
    ],
    dispute: [
      GREETING,
      '',
      'desidero sentirLa in merito alla fattura {{invoice}} ({{balance}} da saldare, in scadenza il {{due_date}}).',
      '',
      "C'è qualcosa nel lavoro consegnato o nella fattura che posso chiarire o sistemare? Se qualcosa non ha soddisfatto le aspettative di {{client}}, preferisco saperlo e porvi rimedio. Me lo faccia sapere: troveremo insieme una soluzione.",
      '',
      KIND,
      '{{sender_name}}',
    ],
    escalateNoBilling: [
      GREETING,
      '',
      'la fattura {{invoice}} intestata a {{client}} era in scadenza il {{due_date}} ed è ora scaduta da {{days_overdue}} giorni, con {{balance}} ancora da saldare.',
      '',
      'Finora questa fattura non è stata pagata. Potrebbe inoltrare questo messaggio alla persona che si occupa dei pagamenti presso {{client}}, oppure rispondermi con il suo indirizzo e-mail, così da poterle scrivere direttamente? Gradirei una risposta entro il {{reply_by}}.',
      '',
      KIND,
      '{{sender_name}}',
    ],
    promiseMissed: [
      GREETING,
      '',
      'mi aveva comunicato che la fattura {{invoice}} intestata a {{client}} sarebbe stata pagata entro il {{promised_date}}. Non ho ancora ricevuto il pagamento; restano da saldare {{balance}}.',
      '',
      'Potrebbe verificare che cosa è successo e comunicarmi entro il {{reply_by}} quando verrà effettuato il pagamento? Se è già in corso, La ringrazio; mi risponda pure con i relativi estremi, così da poterlo abbinare.',
      '',
      KIND,
      '{{sender_name}}',
    ],
    thankYou: [
      GREETING,
      '',
      'grazie: il pagamento della fattura {{invoice}} ({{amount}}) è arrivato. Lo apprezzo molto.',
      '',
      KIND,
      '{{sender_name}}',
    ],
    nudgeList: listBody(
      GREETING,
      'un breve promemoria di cortesia per {{client}}: le fatture qui sotto sono in scadenza.',
      `Se il pagamento è già stato disposto, ${IGNORE}`,
      KIND,
    ),
    reminderList: listBody(
      GREETING,
      'le fatture qui sotto intestate a {{client}} hanno superato la data di scadenza. Le scrivo nel caso in cui Le fossero sfuggite.',
      `Potrebbe indicarmi quando prevede di procedere al pagamento? Se sono già state pagate, ${IGNORE}`,
      KIND,
    ),
    firmList: listBody(
      GREETING,
      'le fatture qui sotto intestate a {{client}} sono scadute.',
      CONFIRM,
      'Grazie e cordiali saluti,',
    ),
    escalateList: listBody(
      GREETING,
      'Le scrivo in merito alle fatture scadute qui sotto, intestate a {{client}}, che finora non sono state pagate.',
      "Potrebbe confermarmi entro il {{reply_by}} quando verrà effettuato il pagamento? Se presso {{client}} è un'altra persona a occuparsi dei pagamenti, La prego di inoltrarle questo messaggio o di rispondermi con il suo indirizzo e-mail.",
      KIND,
    ),
    formalList: listBody(
      GREETING,
      'con la presente La informo formalmente che le fatture qui sotto intestate a {{client}} sono scadute.',
      `La invito a saldare l'importo dovuto entro il {{reply_by}}. ${PAY_OR_ELSE}`,
      FORMAL,
    ),
  },
  formalWithInterest: [
    GREETING,
    '',
    FORMAL_OPENING,
    '',
    "Su tale fattura sono ora dovuti interessi di mora per {{interest}} e un risarcimento forfettario di {{compensation}}; l'importo richiesto ammonta quindi a {{amount_claimed}}. Gli interessi continuano a maturare ogni giorno fino al pagamento.",
    '',
    `La invito a pagare l'importo richiesto entro il {{reply_by}}. ${PAY_OR_ELSE}`,
    '',
    ON_ITS_WAY,
    '',
    FORMAL,
    '{{sender_name}}',
  ],
  letterLine: "La lettera allegata riporta l'estratto conto e il calcolo degli interessi.",
  list: {
    heads: ['Fattura', 'Emessa', 'Scadenza', 'Ritardo', 'Saldo', 'Pagamento'],
    invoice: 'Fattura',
    issued: 'emessa il',
    due: 'scadenza',
    balance: 'saldo',
    payAt: 'pagamento su',
    payOnline: 'Paga online',
    daysOverdue: (days) => `scaduta da ${days} ${days === 1 ? 'giorno' : 'giorni'}`,
    dueToday: 'in scadenza oggi',
    dueIn: (days) => `in scadenza tra ${days} ${days === 1 ? 'giorno' : 'giorni'}`,
    and: 'e',
  },
  letter: {
    title: 'Messa in mora: fatture non pagate',
    documentTitle: 'Messa in mora',
    dear: () => 'Gentili Signori,',
    intro: (owed) =>
      `dai nostri registri risulta che le fatture riportate di seguito non sono state pagate. Alla data della presente, l'importo dovuto ammonta a ${owed}.`,
    statementHeads: [
      'Fattura',
      'Emessa',
      'Scadenza',
      'Giorni di ritardo',
      'Saldo',
      'Interessi',
      'Risarcimento',
      'Importo richiesto',
    ],
    total: 'Totale',
    followUpsHeading: 'I nostri solleciti precedenti',
    followUpHeads: ['Data', 'Fattura', 'Sollecito', 'Inviato a', 'Oggetto'],
    noFollowUps: 'Non risultano solleciti precedenti.',
    stages: {
      nudge: 'Promemoria di cortesia',
      reminder: 'Sollecito',
      firm: 'Secondo sollecito',
      escalate: "Comunicazione all'amministrazione",
      formal: 'Messa in mora',
      final: 'Decisione',
    },
    paymentHeading: 'Pagamento',
    payBy: (owed, date) =>
      `La invitiamo a pagare ${owed} entro il ${date}. In mancanza di pagamento entro tale data, valuteremo altre iniziative, tra cui un'azione giudiziaria.`,
    howToPay: 'Modalità di pagamento',
    payOnline: 'Paga online',
    closing: 'Distinti saluti,',
    basisUk: (rates) =>
      `Interessi legali ai sensi del Late Payment of Commercial Debts (Interest) Act 1998 (Regno Unito), pari al tasso di riferimento della Bank of England maggiorato di 8 punti (${rates} annuo), e l'importo fisso previsto da tale legge per ciascuna fattura.`,
    basisEu: (rates, fixed) =>
      `Interessi di mora al tasso di riferimento maggiorato del margine di legge (${rates} annuo), ai sensi della direttiva 2011/7/UE come recepita nel diritto nazionale, e il risarcimento forfettario di ${fixed} per ciascuna fattura in euro.`,
    basisCustom: (rates) => `Interessi al ${rates} annuo e l'importo fisso per fattura previsto dalle nostre condizioni.`,
    counted:
      'Gli interessi sono semplici e calcolati per ogni giorno a partire dal giorno successivo alla scadenza, su un anno di 365 giorni. Continuano a maturare fino al pagamento.',
  },
  summary: {
    subject: (counts) => `Solleciti delle fatture di oggi: ${counts}`,
    counts: {
      followedUp: (n) => `${n} ${n === 1 ? 'fattura sollecitata' : 'fatture sollecitate'}`,
      emailsSent: (n) => `${n} email ${n === 1 ? 'inviata' : 'inviate'}`,
      waiting: (n) => `${n} in attesa`,
      failed: (n) => `${n} ${n === 1 ? 'non riuscito' : 'non riusciti'}`,
      needYou: (n) => `${n} ${n === 1 ? 'fattura richiede' : 'fatture richiedono'} la sua attenzione`,
      changes: (n) => `${n} ${n === 1 ? 'modifica' : 'modifiche'} a impostazioni o modelli`,
    },
    heads: {
      calls: 'Chiamate da fare',
      needs: 'Richiede la sua attenzione',
      changes: 'Modifiche dall’ultimo riepilogo',
      failed: 'Non riusciti (non è partito nulla)',
      sent: 'Inviati',
      queued: 'In attesa della prossima esecuzione',
      owed: 'Ancora da incassare',
      emails: 'Email inviate a suo nome',
      advice: 'Cosa cambiare con questi clienti',
    },
    notices: { promiseMissed: 'Promessa non mantenuta', thankYou: 'Ringraziamento' },
    colon: ': ',
    outcome: (what, invoice, client) => `${what} per la fattura ${invoice} (${client})`,
    needs: {
      call: 'chiamare il cliente (il sollecito di escalation è partito)',
      decide: 'decidere il passo successivo (la diffida formale è rimasta senza risposta)',
      review: 'controllare la posta inviata (un sollecito potrebbe non essere partito)',
      promise: 'il cliente non ha pagato entro la data promessa',
    },
    needLine: (invoice, client, need) => `Fattura ${invoice} (${client}): ${need}`,
    overdue: (amount, count) => `${amount} scaduti su ${count} ${count === 1 ? 'fattura' : 'fatture'}`,
    changeWhat: {
      settings: 'ha modificato le impostazioni',
      template: 'ha modificato un modello',
      templateReset: 'ha ripristinato un modello predefinito',
      columns: 'ha cambiato le colonne lette',
      earlier: 'ha fatto modifiche precedenti, non elencate una per una',
    },
    hiddenEditor: 'un editor (Google non ha mostrato l’indirizzo)',
    changeBy: (who, what) => `${who} ${what}`,
    callWho: (contact, client) => `${contact} di ${client}`,
    onNumber: (phone) => `al ${phone}`,
    noNumber: '(nessun numero da chiamare)',
    call: (who, number, invoice, owed, daysLate) =>
      `Chiami ${who} ${number} per la fattura ${invoice}: ${owed} dovuti, ${daysLate} ${daysLate === 1 ? 'giorno' : 'giorni'} di ritardo.`,
    noPhone: (client, others) =>
      `Nessun numero di telefono sulla riga: scriva invece direttamente a un altro contatto di ${client} (${others}).`,
    badPhone: (cell, client, others) =>
      `La cella Telefono ('${cell}') non contiene un numero da chiamare: scriva invece direttamente a un altro contatto di ${client} (${others}).`,
    talkingPoints: [
      'La fattura è arrivata, e alla persona giusta?',
      'Chi gestisce i pagamenti da loro (nome e indirizzo)?',
      'Quando possono pagare? Chieda una data.',
      'C’è qualcosa nel lavoro o nella fattura da correggere?',
    ],
    advice: {
      depositAverage: (client, paid, days) =>
        `${client} ha pagato ${paid === 1 ? 'l’ultima fattura' : `le ultime ${paid} fatture`} con ${days} giorni di ritardo in media: chieda un acconto del 50% prima del prossimo progetto.`,
      depositFormal: (client, invoice) =>
        `La fattura ${invoice} di ${client} ha richiesto una diffida formale: chieda un acconto del 50% prima del prossimo progetto.`,
      milestonesLarge: (client, invoice, amount, days) =>
        `${client} ha pagato la fattura ${invoice} (${amount}) con ${days} ${days === 1 ? 'giorno' : 'giorni'} di ritardo: divida il prossimo progetto in pagamenti per stati di avanzamento.`,
      milestonesDisputed: (client, count, list) =>
        `${client} ha contestato ${count} ${count === 1 ? 'fattura' : 'fatture'} (${list}): divida il prossimo progetto in pagamenti per stati di avanzamento, ciascuno approvato alla consegna.`,
      shorterTerms: (client, late, paid, from) =>
        `${client} ha pagato in ritardo ${late} delle sue ${paid} fatture pagate: accorci i termini di pagamento${from !== null ? ` da ${from} a 14 giorni` : ''} e fatturi alla consegna.`,
      contractTerms: (client, days, invoice) =>
        `${client} ha avuto ${days} giorni di ritardo su ${invoice !== null ? `la fattura ${invoice}` : 'una fattura'}: prima del prossimo progetto, firmi un contratto con termini di pagamento e interessi di mora.`,
    },
    open: 'Apri il foglio di lavoro',
    storeFull: {
      subject: 'I solleciti delle fatture si sono fermati: lo spazio del foglio di lavoro è pieno',
      lines: (address, sent) => [
        'Invoice Follow-ups ha smesso oggi di inviare solleciti in questo foglio di lavoro:',
        address,
        '',
        `${sent} email ${sent === 1 ? 'è partita' : 'sono partite'} prima dell’arresto; sono nel Follow-up Log. Le altre non sono state inviate.`,
        'Prima di ogni email il componente aggiuntivo registra che la sta inviando, perché nessun sollecito parta mai due volte. ' +
          'Il foglio di lavoro non aveva più spazio per questa registrazione: Google conserva 30.000 caratteri di dati dei componenti aggiuntivi per foglio, ' +
          'condivisi da tutti i componenti e gli strumenti che usano il file.',
        '',
        'Cosa fare: rimuova da questo foglio un componente aggiuntivo che non usa più, o ripristini i modelli che non usa ' +
          '(barra laterale › Templates). «Check setup» mostra quanto spazio resta. La prossima esecuzione riprende da sola appena c’è spazio.',
      ],
    },
  },
};
