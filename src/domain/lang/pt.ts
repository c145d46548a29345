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
};
