// French default wording (README: "Languages"): formal address (vous), one step firmer at each stage.
import { listBody, type LanguageWords } from './words';

const GREETING = 'Bonjour,';
const FRIENDLY = 'Bien cordialement,';
const FIRM = 'Cordialement,';
const FORMAL = 'Salutations distinguées,';
const CONFIRM =
  "Je vous remercie de me confirmer l'état du paiement d'ici le {{reply_by}} : la date à laquelle il sera effectué, ou ce qui le retarde.";
const PAY_OR_ELSE = "À défaut de paiement à cette date, j'engagerai d'autres démarches pour recouvrer cette somme.";
const ON_ITS_WAY =
  "Si le paiement est déjà en cours, merci de me répondre en m'indiquant ses références afin que je puisse le rapprocher.";
const FORMAL_OPENING =
  "Par la présente, je vous informe formellement que la facture {{invoice}} adressée à {{client}}, payable le {{due_date}}, présente désormais un retard de {{days_overdue}} jours. Le solde restant dû s'élève à {{balance}}.";

export const fr: LanguageWords = {
  subject: 'Facture {{invoice}} – {{sender_name}}',
  listSubjects: {
    overdue: '{{invoice_count}} factures en retard de paiement – {{sender_name}}',
    soon: '{{invoice_count}} factures arrivant à échéance – {{sender_name}}',
    mixed: '{{invoice_count}} factures – {{sender_name}}',
  },
  bodies: {
    nudge: [
      GREETING,
      '',
      "Un petit mot de courtoisie pour {{client}} : la facture {{invoice}} d'un montant de {{balance}} arrive à échéance le {{due_date}}.",
      '',
      "Si le paiement est déjà programmé, merci beaucoup, et ne tenez pas compte de ce message. S'il vous manque quoi que ce soit pour la traiter, il vous suffit de répondre à ce message et je m'en occupe.",
      '',
      FRIENDLY,
      '{{sender_name}}',
    ],
    reminder: [
      GREETING,
      '',
      "La facture {{invoice}} d'un montant de {{balance}} était payable le {{due_date}}. Je me permets de vous écrire au cas où elle vous aurait échappé.",
      '',
      "Pourriez-vous m'indiquer quand vous prévoyez de la régler ? Si le paiement a déjà été effectué, merci, et ne tenez pas compte de ce message.",
      '',
      FRIENDLY,
      '{{sender_name}}',
    ],
    firm: [
      GREETING,
      '',
      "La facture {{invoice}} adressée à {{client}} était payable le {{due_date}} et présente désormais un retard de {{days_overdue}} jours. Le montant restant dû s'élève à {{balance}}.",
      '',
      CONFIRM,
      '',
      FIRM,
      '{{sender_name}}',
    ],
    escalate: [
      GREETING,
      '',
      "Je m'adresse à vous en tant que contact de la comptabilité fournisseurs de {{client}} au sujet de la facture {{invoice}}. Elle était payable le {{due_date}} et présente désormais un retard de {{days_overdue}} jours ; il reste {{balance}} à régler.",
      '',
      "J'ai mis en copie mon interlocuteur habituel, à qui j'ai déjà écrit ; j'espère que vous pourrez m'aider à faire traiter cette facture. Pourriez-vous me confirmer d'ici le {{reply_by}} la date du paiement, ou me dire si vous avez besoin de quoi que ce soit de ma part, par exemple une copie de la facture ou un numéro de bon de commande ?",
      '',
      FIRM,
      '{{sender_name}}',
    ],
    formal: [
      GREETING,
      '',
      FORMAL_OPENING,
      '',
      `Je vous prie de régler ce solde au plus tard le {{reply_by}}. ${PAY_OR_ELSE}`,
      '',
      ON_ITS_WAY,
      '',
      FORMAL,
      '{{sender_name}}',
    ],
    dispute: [
      GREETING,
      '',
      'Je me permets de revenir vers vous au sujet de la facture {{invoice}} ({{balance}} restant dû, échéance le {{due_date}}).',
      '',
      "Y a-t-il un point concernant le travail livré ou la facture que je pourrais régler ? Si quelque chose n'a pas répondu aux attentes de {{client}}, je préfère le savoir afin d'y remédier. N'hésitez pas à m'en faire part : nous trouverons ensemble une solution.",
      '',
      FRIENDLY,
      '{{sender_name}}',
    ],
    escalateNoBilling: [
      GREETING,
      '',
      'La facture {{invoice}} adressée à {{client}} était payable le {{due_date}} et présente désormais un retard de {{days_overdue}} jours ; il reste {{balance}} à régler.',
      '',
      "Je n'ai pas encore réussi à obtenir le règlement de cette facture. Pourriez-vous transmettre ce message à la personne chargée des paiements chez {{client}}, ou me répondre en m'indiquant son adresse e-mail afin que je puisse lui écrire directement ? Une réponse d'ici le {{reply_by}} serait très appréciée.",
      '',
      FIRM,
      '{{sender_name}}',
    ],
    promiseMissed: [
      GREETING,
      '',
      "Vous m'aviez indiqué que la facture {{invoice}} adressée à {{client}} serait réglée au plus tard le {{promised_date}}. Je n'ai pas encore reçu le paiement ; il reste {{balance}} à régler.",
      '',
      "Pourriez-vous vérifier ce qu'il en est et m'indiquer d'ici le {{reply_by}} quand le paiement sera effectué ? S'il est déjà en cours, merci, et n'hésitez pas à me répondre avec ses références afin que je puisse le rapprocher.",
      '',
      FIRM,
      '{{sender_name}}',
    ],
    thankYou: [
      GREETING,
      '',
      "Bonne nouvelle : j'ai bien reçu le paiement de la facture {{invoice}} ({{amount}}). Merci beaucoup.",
      '',
      FRIENDLY,
      '{{sender_name}}',
    ],
    nudgeList: listBody(
      GREETING,
      'Un petit mot de courtoisie pour {{client}} : les factures ci-dessous arrivent à échéance.',
      'Si leur paiement est déjà programmé, merci beaucoup, et ne tenez pas compte de ce message.',
      FRIENDLY,
    ),
    reminderList: listBody(
      GREETING,
      "Les factures ci-dessous adressées à {{client}} ont dépassé leur date d'échéance. Je me permets de vous écrire au cas où elles vous auraient échappé.",
      "Pourriez-vous m'indiquer quand vous prévoyez de les régler ? Si le paiement a déjà été effectué, merci, et ne tenez pas compte de ce message.",
      FRIENDLY,
    ),
    firmList: listBody(GREETING, 'Les factures ci-dessous adressées à {{client}} sont en retard de paiement.', CONFIRM, FIRM),
    escalateList: listBody(
      GREETING,
      "Je vous écris au sujet des factures ci-dessous adressées à {{client}}, qui sont en retard et dont je n'ai pas encore obtenu le règlement.",
      "Pourriez-vous me confirmer d'ici le {{reply_by}} la date du paiement ? Si une autre personne s'occupe des paiements chez {{client}}, merci de lui transmettre ce message ou de me répondre en m'indiquant son adresse e-mail.",
      FIRM,
    ),
    formalList: listBody(
      GREETING,
      'Par la présente, je vous informe formellement que les factures ci-dessous adressées à {{client}} sont en retard de paiement.',
      `Je vous prie de régler le solde restant dû au plus tard le {{reply_by}}. ${PAY_OR_ELSE}`,
      FORMAL,
    ),
  },
  formalWithInterest: [
    GREETING,
    '',
    FORMAL_OPENING,
    '',
    "Des intérêts de retard de {{interest}} et une indemnité forfaitaire pour frais de recouvrement de {{compensation}} sont désormais dus ; le montant réclamé s'élève donc à {{amount_claimed}}. Les intérêts continuent de courir chaque jour jusqu'au paiement.",
    '',
    `Je vous prie de régler le montant réclamé au plus tard le {{reply_by}}. ${PAY_OR_ELSE}`,
    '',
    ON_ITS_WAY,
    '',
    FORMAL,
    '{{sender_name}}',
  ],
  letterLine: 'Le courrier ci-joint présente le relevé de compte et le détail du calcul des intérêts.',
  list: {
    heads: ['Facture', 'Émise le', 'Échéance', 'Retard', 'Solde', 'Paiement'],
    invoice: 'Facture',
    issued: 'émise le',
    due: 'échéance le',
    balance: 'solde',
    payAt: 'paiement sur',
    payOnline: 'Payer en ligne',
    daysOverdue: (days) => `${days} ${days === 1 ? 'jour' : 'jours'} de retard`,
    dueToday: "échéance aujourd'hui",
    dueIn: (days) => `échéance dans ${days} ${days === 1 ? 'jour' : 'jours'}`,
    and: 'et',
  },
  letter: {
    title: 'Mise en demeure de payer : factures impayées',
    documentTitle: 'Mise en demeure',
    dear: () => 'Madame, Monsieur,',
    intro: (owed) =>
      `Selon nos relevés, les factures ci-dessous restent impayées. À la date du présent courrier, le montant dû s'élève à ${owed}.`,
    statementHeads: ['Facture', 'Émise le', 'Échéance', 'Jours de retard', 'Solde', 'Intérêts', 'Indemnité', 'Montant réclamé'],
    total: 'Total',
    followUpsHeading: 'Nos relances précédentes',
    followUpHeads: ['Date', 'Facture', 'Relance', 'Envoyée à', 'Objet'],
    noFollowUps: "Aucune relance antérieure n'est enregistrée.",
    stages: {
      nudge: 'Rappel de courtoisie',
      reminder: 'Relance',
      firm: 'Relance ferme',
      escalate: 'Relance au service comptable',
      formal: 'Mise en demeure',
      final: 'Décision',
    },
    paymentHeading: 'Paiement',
    payBy: (owed, date) =>
      `Nous vous prions de régler ${owed} au plus tard le ${date}. À défaut de paiement à cette date, nous envisagerons d'autres voies, y compris une action en justice.`,
    howToPay: 'Modalités de paiement',
    payOnline: 'Payer en ligne',
    closing: "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
    basisUk: (rates) =>
      `Intérêts légaux au titre du Late Payment of Commercial Debts (Interest) Act 1998 (Royaume-Uni), au taux de base de la Bank of England majoré de 8 points (${rates} par an), et la somme forfaitaire prévue par cette loi pour chaque facture.`,
    basisEu: (rates, fixed) =>
      `Intérêts de retard au taux de référence majoré de la marge légale (${rates} par an), en application de la directive 2011/7/UE telle que transposée en droit national, et l'indemnité forfaitaire pour frais de recouvrement de ${fixed} par facture en euros.`,
    basisCustom: (rates) =>
      `Intérêts au taux de ${rates} par an et les frais forfaitaires par facture prévus dans nos conditions.`,
    counted:
      "Les intérêts sont des intérêts simples calculés pour chaque jour à compter du lendemain de l'échéance, sur une base de 365 jours. Ils continuent de courir jusqu'au paiement.",
  },
  summary: {
    subject: (counts) => `Relances de factures aujourd’hui : ${counts}`,
    counts: {
      followedUp: (n) => `${n} ${n === 1 ? 'facture relancée' : 'factures relancées'}`,
      emailsSent: (n) => `${n} ${n === 1 ? 'e-mail envoyé' : 'e-mails envoyés'}`,
      waiting: (n) => `${n} en attente`,
      failed: (n) => `${n} en échec`,
      needYou: (n) => `${n} ${n === 1 ? 'facture demande' : 'factures demandent'} votre attention`,
      changes: (n) => `${n} ${n === 1 ? 'modification' : 'modifications'} des paramètres ou des modèles`,
    },
    heads: {
      calls: 'Appels à passer',
      needs: 'Demande votre attention',
      changes: 'Modifications depuis le dernier récapitulatif',
      failed: 'En échec (rien n’est parti)',
      sent: 'Envoyés',
      queued: 'En attente du prochain passage',
      owed: 'Reste dû',
      emails: 'E-mails envoyés en votre nom',
      advice: 'Ce qu’il faut changer avec ces clients',
    },
    notices: { promiseMissed: 'Promesse non tenue', thankYou: 'Remerciement' },
    colon: ' : ',
    outcome: (what, invoice, client) => `${what} pour la facture ${invoice} (${client})`,
    needs: {
      call: 'appeler le client (la relance d’escalade est partie)',
      decide: 'décider de la suite (la mise en demeure est restée sans réponse)',
      review: 'vérifier vos e-mails envoyés (une relance n’est peut-être pas partie)',
      promise: 'le client n’a pas payé à la date promise',
    },
    needLine: (invoice, client, need) => `Facture ${invoice} (${client}) : ${need}`,
    overdue: (amount, count) => `${amount} en retard sur ${count} ${count === 1 ? 'facture' : 'factures'}`,
    changeWhat: {
      settings: 'a modifié les paramètres',
      template: 'a modifié un modèle',
      templateReset: 'a rétabli un modèle par défaut',
      columns: 'a changé les colonnes lues',
      earlier: 'a fait des modifications plus anciennes, non détaillées',
    },
    hiddenEditor: 'un éditeur (Google n’a pas montré son adresse)',
    changeBy: (who, what) => `${who} ${what}`,
    callWho: (contact, client) => `${contact} chez ${client}`,
    onNumber: (phone) => `au ${phone}`,
    noNumber: '(aucun numéro à composer)',
    call: (who, number, invoice, owed, daysLate) =>
      `Appelez ${who} ${number} au sujet de la facture ${invoice} : ${owed} dus, ${daysLate} ${daysLate === 1 ? 'jour' : 'jours'} de retard.`,
    noPhone: (client, others) =>
      `Aucun numéro de téléphone sur la ligne : écrivez plutôt directement à un autre contact chez ${client} (${others}).`,
    badPhone: (cell, client, others) =>
      `La cellule Téléphone ('${cell}') ne contient aucun numéro à composer : écrivez plutôt directement à un autre contact chez ${client} (${others}).`,
    talkingPoints: [
      'La facture est-elle arrivée, et à la bonne personne ?',
      'Qui traite les paiements chez eux (nom et adresse) ?',
      'Quand peuvent-ils payer ? Demandez une date.',
      'Y a-t-il quelque chose à corriger dans le travail ou la facture ?',
    ],
    advice: {
      depositAverage: (client, paid, days) =>
        `${client} a payé ${paid === 1 ? 'sa dernière facture' : `ses ${paid} dernières factures`} avec ${days} jours de retard en moyenne : demandez un acompte de 50 % avant le prochain projet.`,
      depositFormal: (client, invoice) =>
        `La facture ${invoice} de ${client} a demandé une mise en demeure : demandez un acompte de 50 % avant le prochain projet.`,
      milestonesLarge: (client, invoice, amount, days) =>
        `${client} a payé la facture ${invoice} (${amount}) avec ${days} ${days === 1 ? 'jour' : 'jours'} de retard : découpez le prochain projet en paiements par étapes.`,
      milestonesDisputed: (client, count, list) =>
        `${client} a contesté ${count} ${count === 1 ? 'facture' : 'factures'} (${list}) : découpez le prochain projet en paiements par étapes, chacune validée à la livraison.`,
      shorterTerms: (client, late, paid, from) =>
        `${client} a payé en retard ${late} de ses ${paid} factures payées : raccourcissez le délai de paiement${from !== null ? ` de ${from} à 14 jours` : ''} et facturez à la livraison.`,
      contractTerms: (client, days, invoice) =>
        `${client} a eu ${days} jours de retard sur ${invoice !== null ? `la facture ${invoice}` : 'une facture'} : avant le prochain projet, faites signer un contrat avec des conditions de paiement et des pénalités de retard.`,
    },
    open: 'Ouvrir la feuille de calcul',
    storeFull: {
      subject: 'Les relances de factures sont arrêtées : le stockage de la feuille de calcul est plein',
      lines: (address, sent) => [
        'Invoice Follow-ups a cessé aujourd’hui d’envoyer des relances dans cette feuille de calcul :',
        address,
        '',
        `${sent} ${sent === 1 ? 'e-mail est parti' : 'e-mails sont partis'} avant l’arrêt ; ils figurent dans le Follow-up Log. Les autres n’ont pas été envoyés.`,
        'Avant chaque e-mail, le module note qu’il l’envoie, pour qu’aucune relance ne parte jamais deux fois. ' +
          'La feuille de calcul n’avait plus de place pour cette note : Google garde 30 000 caractères de données de modules par feuille de calcul, ' +
          'partagés par tous les modules et outils qui utilisent le fichier.',
        '',
        'Que faire : retirez de cette feuille de calcul un module que vous n’utilisez plus, ou rétablissez les modèles que vous n’utilisez pas ' +
          '(barre latérale › Templates). « Check setup » indique la place disponible. Le prochain passage reprend de lui-même dès qu’il y a de la place.',
      ],
    },
  },
};
