// Portuguese default wording (README: "Languages"): formal address, one step firmer at each stage.
import { listBody, type LanguageWords } from './words';

const GREETING = 'Bom dia,';
const KIND = 'Com os melhores cumprimentos,';
const FIRM = 'Cumprimentos,';
const FORMAL = 'Atenciosamente,';
const IGNORE = 'agradeço e peço que não tenha em conta esta mensagem.';
const CONFIRM =
  'Peço que me confirme, até {{reply_by}}, a situação do pagamento: quando será efetuado ou o que o está a atrasar.';
const PAY_OR_ELSE = 'Caso não seja pago até essa data, recorrerei a outros meios para a sua cobrança.';
const ON_ITS_WAY = 'Se o pagamento já estiver a caminho, responda-me com os respetivos dados para que o possa identificar.';
const FORMAL_OPENING =
  'Venho por este meio notificar formalmente que a fatura {{invoice}} emitida a {{client}}, com vencimento em {{due_date}}, está agora vencida há {{days_overdue}} dias. O saldo em dívida é de {{balance}}.';

export const pt: LanguageWords = {
  subject: 'Fatura {{invoice}} – {{sender_name}}',
  listSubjects: {
    overdue: '{{invoice_count}} faturas vencidas – {{sender_name}}',
    soon: '{{invoice_count}} faturas a vencer – {{sender_name}}',
    mixed: '{{invoice_count}} faturas – {{sender_name}}',
  },
  bodies: {
    nudge: [
      GREETING,
      '',
      'Uma breve nota de cortesia para {{client}}: a fatura {{invoice}} no valor de {{balance}} tem vencimento em {{due_date}}.',
      '',
      `Se o pagamento já estiver agendado, ${IGNORE} Se lhe faltar alguma coisa para a processar, basta responder a este e-mail e eu trato do assunto.`,
      '',
      KIND,
      '{{sender_name}}',
    ],
    reminder: [
      GREETING,
      '',
      'A fatura {{invoice}} no valor de {{balance}} venceu em {{due_date}}. Escrevo-lhe caso lhe tenha passado despercebida.',
      '',
      `Poderia indicar-me quando prevê efetuar o pagamento? Se já tiver sido paga, ${IGNORE}`,
      '',
      KIND,
      '{{sender_name}}',
    ],
    firm: [
      GREETING,
      '',
      'A fatura {{invoice}} emitida a {{client}} venceu em {{due_date}} e está agora vencida há {{days_overdue}} dias. O montante em dívida é de {{balance}}.',
      '',
      CONFIRM,
      '',
      `Agradeço desde já. ${FIRM}`,
      '{{sender_name}}',
    ],
    escalate: [
      GREETING,
      '',
      'Dirijo-me a si na qualidade de contacto da contabilidade de fornecedores de {{client}}, a propósito da fatura {{invoice}}. Venceu em {{due_date}} e está agora vencida há {{days_overdue}} dias, com {{balance}} em dívida.',
      '',
      'Coloquei em cópia o meu contacto habitual, a quem já escrevi anteriormente; espero que possa ajudar a que esta fatura seja processada. Poderia confirmar-me, até {{reply_by}}, quando será efetuado o pagamento, ou informar-me se precisa de algo da minha parte, como uma cópia da fatura ou um número de nota de encomenda?',
      '',
      FIRM,
      '{{sender_name}}',
    ],
    formal: [
      GREETING,
      '',
      FORMAL_OPENING,
      '',
      `Solicito o pagamento do saldo em dívida até {{reply_by}}. ${PAY_OR_ELSE}`,
      '',
      ON_ITS_WAY,
      '',
      FORMAL,
      '{{sender_name}}',
    ],
    dispute: [
      GREETING,
      '',
      'Gostaria de falar consigo a propósito da fatura {{invoice}} ({{balance}} em dívida, com vencimento em {{due_date}}).',
      '',
      'Há alguma questão com o trabalho entregue ou com a fatura que eu possa resolver? Se algo não correspondeu às expectativas de {{client}}, prefiro sabê-lo para o poder corrigir. Diga-me, por favor; juntos encontraremos uma solução.',
      '',
      KIND,
      '{{sender_name}}',
    ],
    escalateNoBilling: [
      GREETING,
      '',
      'A fatura {{invoice}} emitida a {{client}} venceu em {{due_date}} e está agora vencida há {{days_overdue}} dias, com {{balance}} em dívida.',
      '',
      'Até agora não foi possível obter o pagamento desta fatura. Poderia reencaminhar esta mensagem para a pessoa responsável pelos pagamentos em {{client}}, ou responder-me com o respetivo endereço de e-mail, para que lhe possa escrever diretamente? Agradecia uma resposta até {{reply_by}}.',
      '',
      FIRM,
      '{{sender_name}}',
    ],
    promiseMissed: [
      GREETING,
      '',
      'Tinha-me informado de que a fatura {{invoice}} emitida a {{client}} seria paga até {{promised_date}}. Ainda não recebi o pagamento; continuam em dívida {{balance}}.',
      '',
      'Poderia verificar o que aconteceu e indicar-me, até {{reply_by}}, quando será efetuado o pagamento? Se já estiver a caminho, agradeço; responda-me com os respetivos dados para que o possa identificar.',
      '',
      FIRM,
      '{{sender_name}}',
    ],
    thankYou: [
      GREETING,
      '',
      'Confirmo a receção do pagamento da fatura {{invoice}} ({{amount}}). Agradeço sinceramente.',
      '',
      KIND,
      '{{sender_name}}',
    ],
    nudgeList: listBody(
      GREETING,
      'Uma breve nota de cortesia para {{client}}: as faturas abaixo estão prestes a vencer.',
      `Se o pagamento já estiver agendado, ${IGNORE}`,
      KIND,
    ),
    reminderList: listBody(
      GREETING,
      'As faturas abaixo, emitidas a {{client}}, já ultrapassaram a data de vencimento. Escrevo-lhe caso lhe tenham passado despercebidas.',
      `Poderia indicar-me quando prevê efetuar o pagamento? Se já tiverem sido pagas, ${IGNORE}`,
      KIND,
    ),
    firmList: listBody(
      GREETING,
      'As faturas abaixo, emitidas a {{client}}, estão vencidas.',
      CONFIRM,
      `Agradeço desde já. ${FIRM}`,
    ),
    escalateList: listBody(
      GREETING,
      'Escrevo-lhe a propósito das faturas vencidas abaixo, emitidas a {{client}}, cujo pagamento ainda não foi possível obter.',
      'Poderia confirmar-me, até {{reply_by}}, quando será efetuado o pagamento? Se for outra pessoa a tratar dos pagamentos em {{client}}, peço que lhe reencaminhe esta mensagem ou me responda com o respetivo endereço de e-mail.',
      FIRM,
    ),
    formalList: listBody(
      GREETING,
      'Venho por este meio notificar formalmente que as faturas abaixo, emitidas a {{client}}, estão vencidas.',
      `Solicito o pagamento do saldo em dívida até {{reply_by}}. ${PAY_OR_ELSE}`,
      FORMAL,
    ),
  },
  formalWithInterest: [
    GREETING,
    '',
    FORMAL_OPENING,
    '',
    'Sobre esta fatura são agora devidos juros de mora de {{interest}} e uma indemnização de {{compensation}}, pelo que o montante reclamado é de {{amount_claimed}}. Os juros continuam a vencer diariamente até ao pagamento.',
    '',
    `Solicito o pagamento do montante reclamado até {{reply_by}}. ${PAY_OR_ELSE}`,
    '',
    ON_ITS_WAY,
    '',
    FORMAL,
    '{{sender_name}}',
  ],
  letterLine: 'A carta em anexo apresenta o extrato de conta e o cálculo dos juros.',
  list: {
    heads: ['Fatura', 'Emitida', 'Vencimento', 'Atraso', 'Saldo', 'Pagamento'],
    invoice: 'Fatura',
    issued: 'emitida em',
    due: 'vencimento em',
    balance: 'saldo',
    payAt: 'pagar em',
    payOnline: 'Pagar online',
    daysOverdue: (days) => `${days} ${days === 1 ? 'dia' : 'dias'} de atraso`,
    dueToday: 'vence hoje',
    dueIn: (days) => `vence dentro de ${days} ${days === 1 ? 'dia' : 'dias'}`,
    and: 'e',
  },
  letter: {
    title: 'Interpelação para pagamento: faturas por pagar',
    documentTitle: 'Interpelação para pagamento',
    dear: () => 'Exmos. Senhores,',
    intro: (owed) =>
      `De acordo com os nossos registos, as faturas abaixo indicadas continuam por pagar. À data desta carta, o montante em dívida é de ${owed}.`,
    statementHeads: ['Fatura', 'Emitida', 'Vencimento', 'Dias de atraso', 'Saldo', 'Juros', 'Indemnização', 'Montante reclamado'],
    total: 'Total',
    followUpsHeading: 'Os nossos lembretes anteriores',
    followUpHeads: ['Data', 'Fatura', 'Lembrete', 'Enviado para', 'Assunto'],
    noFollowUps: 'Não há registo de lembretes anteriores.',
    stages: {
      nudge: 'Nota de cortesia',
      reminder: 'Lembrete',
      firm: 'Segundo lembrete',
      escalate: 'Contacto com a contabilidade',
      formal: 'Interpelação formal',
      final: 'Decisão',
    },
    paymentHeading: 'Pagamento',
    payBy: (owed, date) =>
      `Solicitamos o pagamento de ${owed} até ${date}. Caso não seja pago até essa data, ponderaremos outras vias, incluindo o recurso aos tribunais.`,
    howToPay: 'Forma de pagamento',
    payOnline: 'Pagar online',
    closing: 'Com os melhores cumprimentos,',
    basisUk: (rates) =>
      `Juros legais ao abrigo do Late Payment of Commercial Debts (Interest) Act 1998 (Reino Unido), à taxa de referência do Bank of England acrescida de 8 pontos (${rates} ao ano), e o montante fixo que essa lei permite por fatura.`,
    basisEu: (rates, fixed) =>
      `Juros de mora à taxa de referência acrescida da margem legal (${rates} ao ano), ao abrigo da Diretiva 2011/7/UE, tal como transposta para o direito nacional, e a indemnização fixa de ${fixed} por cada fatura em euros.`,
    basisCustom: (rates) => `Juros à taxa de ${rates} ao ano e o montante fixo por fatura previsto nas nossas condições.`,
    counted:
      'Os juros são simples e calculados por cada dia a partir do dia seguinte ao vencimento, com base num ano de 365 dias. Continuam a vencer até ao pagamento.',
  },
  summary: {
    subject: (counts) => `Cobrança de faturas hoje: ${counts}`,
    counts: {
      followedUp: (n) => `${n} ${n === 1 ? 'fatura cobrada' : 'faturas cobradas'}`,
      emailsSent: (n) => `${n} ${n === 1 ? 'e-mail enviado' : 'e-mails enviados'}`,
      waiting: (n) => `${n} em espera`,
      failed: (n) => `${n} com falha`,
      needYou: (n) => `${n} ${n === 1 ? 'fatura precisa' : 'faturas precisam'} da sua atenção`,
      changes: (n) => `${n} ${n === 1 ? 'alteração' : 'alterações'} nas configurações ou modelos`,
    },
    heads: {
      calls: 'Chamadas a fazer',
      needs: 'Precisa da sua atenção',
      changes: 'Alterações desde o último resumo',
      failed: 'Com falha (nada foi enviado)',
      sent: 'Enviados',
      queued: 'À espera da próxima execução',
      owed: 'Ainda em dívida',
      emails: 'E-mails enviados em seu nome',
      advice: 'O que mudar com estes clientes',
    },
    notices: { promiseMissed: 'Promessa não cumprida', thankYou: 'Agradecimento' },
    colon: ': ',
    outcome: (what, invoice, client) => `${what} da fatura ${invoice} (${client})`,
    needs: {
      call: 'ligar ao cliente (a escalada foi enviada)',
      decide: 'decidir o próximo passo (a notificação formal ficou sem resposta)',
      review: 'verificar os e-mails enviados (uma cobrança pode não ter saído)',
      promise: 'o cliente não pagou na data prometida',
    },
    needLine: (invoice, client, need) => `Fatura ${invoice} (${client}): ${need}`,
    overdue: (amount, count) => `${amount} em atraso em ${count} ${count === 1 ? 'fatura' : 'faturas'}`,
    changeWhat: {
      settings: 'alterou as configurações',
      template: 'editou um modelo',
      templateReset: 'repôs um modelo predefinido',
      columns: 'alterou as colunas lidas',
      earlier: 'fez alterações anteriores, não listadas uma a uma',
    },
    hiddenEditor: 'um editor (o Google não mostrou o endereço)',
    changeBy: (who, what) => `${who} ${what}`,
    callWho: (contact, client) => `${contact} de ${client}`,
    onNumber: (phone) => `pelo ${phone}`,
    noNumber: '(nenhum número para ligar)',
    call: (who, number, invoice, owed, daysLate) =>
      `Ligue para ${who} ${number} sobre a fatura ${invoice}: ${owed} em dívida, ${daysLate} ${daysLate === 1 ? 'dia' : 'dias'} de atraso.`,
    noPhone: (client, others) =>
      `Nenhum telefone na linha: envie antes uma mensagem direta a outro contacto de ${client} (${others}).`,
    badPhone: (cell, client, others) =>
      `A célula Telefone ('${cell}') não tem um número para ligar: envie antes uma mensagem direta a outro contacto de ${client} (${others}).`,
    talkingPoints: [
      'A fatura chegou, e à pessoa certa?',
      'Quem processa os pagamentos do lado deles (nome e endereço)?',
      'Quando podem pagar? Peça uma data.',
      'Há algo no trabalho ou na fatura que precise de ser corrigido?',
    ],
    advice: {
      depositAverage: (client, paid, days) =>
        `${client} pagou ${paid === 1 ? 'a última fatura' : `as últimas ${paid} faturas`} com ${days} dias de atraso em média: peça um sinal de 50% antes do próximo projeto.`,
      depositFormal: (client, invoice) =>
        `A fatura ${invoice} de ${client} precisou de uma notificação formal: peça um sinal de 50% antes do próximo projeto.`,
      milestonesLarge: (client, invoice, amount, days) =>
        `${client} pagou a fatura ${invoice} (${amount}) com ${days} ${days === 1 ? 'dia' : 'dias'} de atraso: divida o próximo projeto em pagamentos por etapas.`,
      milestonesDisputed: (client, count, list) =>
        `${client} contestou ${count} ${count === 1 ? 'fatura' : 'faturas'} (${list}): divida o próximo projeto em pagamentos por etapas, cada uma aprovada na entrega.`,
      shorterTerms: (client, late, paid, from) =>
        `${client} pagou com atraso ${late} das suas ${paid} faturas pagas: encurte o prazo de pagamento${from !== null ? ` de ${from} para 14 dias` : ''} e fature na entrega.`,
      contractTerms: (client, days, invoice) =>
        `${client} teve ${days} dias de atraso ${invoice !== null ? `na fatura ${invoice}` : 'numa fatura'}: antes do próximo projeto, assine um contrato com condições de pagamento e multas por atraso.`,
    },
    open: 'Abrir a folha de cálculo',
    storeFull: {
      subject: 'A cobrança de faturas parou de enviar: o armazenamento da folha de cálculo está cheio',
      lines: (address, sent) => [
        'O Invoice Follow-ups parou hoje de enviar cobranças nesta folha de cálculo:',
        address,
        '',
        `${sent} ${sent === 1 ? 'e-mail saiu' : 'e-mails saíram'} antes de parar; estão no Follow-up Log. O resto não foi enviado.`,
        'Antes de cada e-mail, o suplemento regista que o está a enviar, para que nenhuma cobrança saia duas vezes. ' +
          'A folha de cálculo não tinha espaço para esse registo: o Google guarda 30 000 caracteres de dados de suplementos por folha de cálculo, ' +
          'partilhados por todos os suplementos e ferramentas que usam o ficheiro.',
        '',
        'O que fazer: remova desta folha de cálculo um suplemento que já não usa, ou reponha os modelos que não usa ' +
          '(barra lateral › Templates). «Check setup» mostra quanto espaço há. A próxima execução continua sozinha assim que houver espaço.',
      ],
    },
  },
};
