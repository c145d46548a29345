// Spanish default wording (README: "Languages"): formal address (usted), one step firmer at each stage.
import { listBody, type LanguageWords } from './words';

const GREETING = 'Buenos días:';
const FRIENDLY = 'Un cordial saludo,';
const FIRM = 'Saludos cordiales,';
const FORMAL = 'Atentamente,';
const NOT_APPLICABLE = 'muchas gracias y no tenga en cuenta este mensaje.';
const CONFIRM =
  'Le ruego que me confirme el estado del pago antes del {{reply_by}}: cuándo se realizará o qué lo está retrasando.';
const PAY_OR_ELSE = 'Si para entonces no se ha realizado el pago, emprenderé otras acciones para su cobro.';
const ON_ITS_WAY =
  'Si el pago ya está en curso, le ruego que me responda con los datos de la transferencia para poder identificarlo.';
const FORMAL_OPENING =
  'Por la presente le notifico formalmente que la factura {{invoice}} emitida a {{client}}, con vencimiento el {{due_date}}, lleva ya {{days_overdue}} días de retraso. El saldo pendiente es de {{balance}}.';

export const es: LanguageWords = {
  subject: 'Factura {{invoice}} de {{sender_name}}',
  listSubjects: {
    overdue: '{{invoice_count}} facturas vencidas de {{sender_name}}',
    soon: '{{invoice_count}} facturas próximas a vencer de {{sender_name}}',
    mixed: '{{invoice_count}} facturas de {{sender_name}}',
  },
  bodies: {
    nudge: [
      GREETING,
      '',
      'Le escribo con un breve recordatorio para {{client}}: la factura {{invoice}} por importe de {{balance}} vence el {{due_date}}.',
      '',
      `Si ya tiene el pago programado, ${NOT_APPLICABLE} Si le falta algo para poder tramitarla, basta con que responda a este correo y me ocuparé de ello.`,
      '',
      FRIENDLY,
      '{{sender_name}}',
    ],
    reminder: [
      GREETING,
      '',
      'La factura {{invoice}} por importe de {{balance}} venció el {{due_date}}. Le escribo por si se le hubiera pasado.',
      '',
      `¿Podría indicarme cuándo tiene previsto tramitar el pago? Si ya se ha pagado, ${NOT_APPLICABLE}`,
      '',
      FRIENDLY,
      '{{sender_name}}',
    ],
    firm: [
      GREETING,
      '',
      'La factura {{invoice}} emitida a {{client}} venció el {{due_date}} y lleva ya {{days_overdue}} días de retraso. El importe pendiente es de {{balance}}.',
      '',
      CONFIRM,
      '',
      `Gracias. ${FIRM}`,
      '{{sender_name}}',
    ],
    escalate: [
      GREETING,
      '',
      'Me dirijo a usted como contacto de cuentas a pagar y facturación de {{client}} en relación con la factura {{invoice}}. Venció el {{due_date}} y lleva ya {{days_overdue}} días de retraso, con {{balance}} pendientes de pago.',
      '',
      'He puesto en copia a mi contacto habitual, a quien ya he escrito anteriormente; espero que pueda ayudarme a que se tramite esta factura. ¿Podría confirmarme antes del {{reply_by}} cuándo se realizará el pago, o indicarme si necesita algo de mi parte, como una copia de la factura o un número de pedido?',
      '',
      FIRM,
      '{{sender_name}}',
    ],
    formal: [
      GREETING,
      '',
      FORMAL_OPENING,
      '',
      `Le ruego que abone el saldo pendiente antes del {{reply_by}}. ${PAY_OR_ELSE}`,
      '',
      ON_ITS_WAY,
      '',
      FORMAL,
      '{{sender_name}}',
    ],
    dispute: [
      GREETING,
      '',
      'Quería ponerme en contacto con usted en relación con la factura {{invoice}} ({{balance}} pendientes, con vencimiento el {{due_date}}).',
      '',
      '¿Hay algo en el trabajo entregado o en la factura que yo pueda resolver? Si algo no ha estado a la altura de lo que {{client}} esperaba, prefiero saberlo y corregirlo. Le agradecería que me lo hiciera saber; seguro que encontramos juntos una solución.',
      '',
      FRIENDLY,
      '{{sender_name}}',
    ],
    escalateNoBilling: [
      GREETING,
      '',
      'La factura {{invoice}} emitida a {{client}} venció el {{due_date}} y lleva ya {{days_overdue}} días de retraso, con {{balance}} pendientes de pago.',
      '',
      'Hasta ahora no he conseguido que se abone esta factura. ¿Podría reenviar este mensaje a la persona que se encarga de los pagos en {{client}}, o responderme con su dirección de correo electrónico para que pueda escribirle directamente? Le agradecería una respuesta antes del {{reply_by}}.',
      '',
      FIRM,
      '{{sender_name}}',
    ],
    promiseMissed: [
      GREETING,
      '',
      'Me indicó que la factura {{invoice}} emitida a {{client}} se pagaría a más tardar el {{promised_date}}. Todavía no he recibido el pago; siguen pendientes {{balance}}.',
      '',
      '¿Podría comprobar qué ha ocurrido y decirme antes del {{reply_by}} cuándo se realizará el pago? Si ya está en curso, muchas gracias; le ruego que me responda con los datos para poder identificarlo.',
      '',
      FIRM,
      '{{sender_name}}',
    ],
    thankYou: [
      GREETING,
      '',
      'Muchas gracias: he recibido el pago de la factura {{invoice}} ({{amount}}). Se lo agradezco sinceramente.',
      '',
      FRIENDLY,
      '{{sender_name}}',
    ],
    nudgeList: listBody(
      GREETING,
      'Le escribo con un breve recordatorio para {{client}}: las facturas siguientes están próximas a vencer.',
      `Si ya tiene el pago programado, ${NOT_APPLICABLE}`,
      FRIENDLY,
    ),
    reminderList: listBody(
      GREETING,
      'Las facturas siguientes emitidas a {{client}} han superado su fecha de vencimiento. Le escribo por si se le hubieran pasado.',
      `¿Podría indicarme cuándo tiene previsto tramitar el pago? Si ya se han pagado, ${NOT_APPLICABLE}`,
      FRIENDLY,
    ),
    firmList: listBody(
      GREETING,
      'Las facturas siguientes emitidas a {{client}} están vencidas y pendientes de pago.',
      CONFIRM,
      `Gracias. ${FIRM}`,
    ),
    escalateList: listBody(
      GREETING,
      'Le escribo en relación con las facturas vencidas siguientes de {{client}}, que hasta ahora no he conseguido cobrar.',
      '¿Podría confirmarme antes del {{reply_by}} cuándo se realizará el pago? Si otra persona se encarga de los pagos en {{client}}, le ruego que le reenvíe este mensaje o me responda con su dirección de correo electrónico.',
      FIRM,
    ),
    formalList: listBody(
      GREETING,
      'Por la presente le notifico formalmente que las facturas siguientes emitidas a {{client}} están vencidas.',
      `Le ruego que abone el saldo pendiente antes del {{reply_by}}. ${PAY_OR_ELSE}`,
      FORMAL,
    ),
  },
  formalWithInterest: [
    GREETING,
    '',
    FORMAL_OPENING,
    '',
    'Sobre esta factura se han devengado intereses de demora por {{interest}} y una indemnización por costes de cobro de {{compensation}}, por lo que el importe reclamado asciende a {{amount_claimed}}. Los intereses siguen devengándose a diario hasta el pago.',
    '',
    `Le ruego que abone el importe reclamado antes del {{reply_by}}. ${PAY_OR_ELSE}`,
    '',
    ON_ITS_WAY,
    '',
    FORMAL,
    '{{sender_name}}',
  ],
  letterLine: 'La carta adjunta recoge el extracto de cuenta y el cálculo de los intereses.',
  list: {
    heads: ['Factura', 'Emitida', 'Vencimiento', 'Retraso', 'Saldo', 'Pago'],
    invoice: 'Factura',
    issued: 'emitida el',
    due: 'vencimiento el',
    balance: 'saldo',
    payAt: 'pago en',
    payOnline: 'Pagar en línea',
    daysOverdue: (days) => `${days} ${days === 1 ? 'día' : 'días'} de retraso`,
    dueToday: 'vence hoy',
    dueIn: (days) => `vence en ${days} ${days === 1 ? 'día' : 'días'}`,
    and: 'y',
  },
  letter: {
    title: 'Requerimiento formal de pago: facturas impagadas',
    documentTitle: 'Requerimiento de pago',
    dear: () => 'Estimados señores:',
    intro: (owed) =>
      `Según nuestros registros, las facturas que figuran a continuación están pendientes de pago. A la fecha de esta carta, el importe adeudado asciende a ${owed}.`,
    statementHeads: [
      'Factura',
      'Emitida',
      'Vencimiento',
      'Días de retraso',
      'Saldo',
      'Intereses',
      'Indemnización',
      'Importe reclamado',
    ],
    total: 'Total',
    followUpsHeading: 'Nuestros recordatorios anteriores',
    followUpHeads: ['Fecha', 'Factura', 'Recordatorio', 'Enviado a', 'Asunto'],
    noFollowUps: 'No consta ningún recordatorio anterior.',
    stages: {
      nudge: 'Aviso de cortesía',
      reminder: 'Recordatorio',
      firm: 'Recordatorio firme',
      escalate: 'Aviso a contabilidad',
      formal: 'Requerimiento formal',
      final: 'Decisión',
    },
    paymentHeading: 'Pago',
    payBy: (owed, date) =>
      `Le rogamos que abone ${owed} antes del ${date}. Si para entonces no se ha realizado el pago, estudiaremos otras vías, que pueden incluir una reclamación judicial.`,
    howToPay: 'Forma de pago',
    payOnline: 'Pagar en línea',
    closing: 'Atentamente,',
    basisUk: (rates) =>
      `Intereses legales conforme a la Late Payment of Commercial Debts (Interest) Act 1998 (Reino Unido), al tipo básico del Banco de Inglaterra más 8 puntos (${rates} anual), y la cantidad fija que dicha ley permite por cada factura.`,
    basisEu: (rates, fixed) =>
      `Intereses de demora al tipo de referencia más el margen legal (${rates} anual), conforme a la Directiva 2011/7/UE tal como se ha incorporado al Derecho nacional, y la indemnización fija de ${fixed} por cada factura en euros.`,
    basisCustom: (rates) => `Intereses al ${rates} anual y la cantidad fija por factura establecida en nuestras condiciones.`,
    counted:
      'Los intereses son simples y se calculan por cada día desde el día siguiente al vencimiento, sobre un año de 365 días. Siguen devengándose hasta el pago.',
  },
  summary: {
    subject: (counts) => `Seguimiento de facturas hoy: ${counts}`,
    counts: {
      followedUp: (n) => `${n} ${n === 1 ? 'factura' : 'facturas'} con seguimiento`,
      emailsSent: (n) => `${n} ${n === 1 ? 'correo enviado' : 'correos enviados'}`,
      waiting: (n) => `${n} en espera`,
      failed: (n) => `${n} ${n === 1 ? 'fallido' : 'fallidos'}`,
      needYou: (n) => `${n} ${n === 1 ? 'factura necesita' : 'facturas necesitan'} su atención`,
      changes: (n) => `${n} ${n === 1 ? 'cambio' : 'cambios'} en la configuración o las plantillas`,
    },
    heads: {
      calls: 'Llamadas pendientes',
      needs: 'Necesita su atención',
      changes: 'Cambios desde el último resumen',
      failed: 'Fallidos (no salió nada)',
      sent: 'Enviados',
      queued: 'En espera de la próxima ejecución',
      owed: 'Pendiente de cobro',
      emails: 'Correos enviados en su nombre',
      advice: 'Qué cambiar con estos clientes',
    },
    notices: { promiseMissed: 'Promesa incumplida', thankYou: 'Agradecimiento' },
    colon: ': ',
    outcome: (what, invoice, client) => `${what} de la factura ${invoice} (${client})`,
    needs: {
      call: 'llamar al cliente (se envió la escalada)',
      decide: 'decidir el siguiente paso (el requerimiento formal no tuvo respuesta)',
      review: 'revisar sus correos enviados (puede que un seguimiento no haya salido)',
      promise: 'el cliente no pagó en la fecha prometida',
    },
    needLine: (invoice, client, need) => `Factura ${invoice} (${client}): ${need}`,
    overdue: (amount, count) => `${amount} vencidos en ${count} ${count === 1 ? 'factura' : 'facturas'}`,
    changeWhat: {
      settings: 'cambió la configuración',
      template: 'editó una plantilla',
      templateReset: 'restableció una plantilla a la predeterminada',
      columns: 'cambió las columnas que se leen',
      earlier: 'hizo cambios anteriores, no detallados uno por uno',
    },
    hiddenEditor: 'un editor (Google no mostró su dirección)',
    changeBy: (who, what) => `${who} ${what}`,
    callWho: (contact, client) => `${contact} de ${client}`,
    onNumber: (phone) => `al ${phone}`,
    noNumber: '(ningún número que marcar)',
    call: (who, number, invoice, owed, daysLate) =>
      `Llame a ${who} ${number} por la factura ${invoice}: se deben ${owed}, ${daysLate} ${daysLate === 1 ? 'día' : 'días'} de retraso.`,
    noPhone: (client, others) =>
      `No hay teléfono en la fila: envíe en su lugar un mensaje directo a otro contacto de ${client} (${others}).`,
    badPhone: (cell, client, others) =>
      `La celda Teléfono ('${cell}') no tiene un número que marcar: envíe en su lugar un mensaje directo a otro contacto de ${client} (${others}).`,
    talkingPoints: [
      '¿Llegó la factura, y a la persona correcta?',
      '¿Quién tramita los pagos en su empresa (nombre y dirección)?',
      '¿Cuándo pueden pagar? Pida una fecha.',
      '¿Hay algo del trabajo o de la factura que haya que corregir?',
    ],
    advice: {
      depositAverage: (client, paid, days) =>
        `${client} pagó ${paid === 1 ? 'su última factura' : `sus últimas ${paid} facturas`} con ${days} días de retraso de media: pida un anticipo del 50 % antes del próximo proyecto.`,
      depositFormal: (client, invoice) =>
        `La factura ${invoice} de ${client} necesitó un requerimiento formal: pida un anticipo del 50 % antes del próximo proyecto.`,
      milestonesLarge: (client, invoice, amount, days) =>
        `${client} pagó la factura ${invoice} (${amount}) con ${days} ${days === 1 ? 'día' : 'días'} de retraso: divida el próximo proyecto en pagos por hitos.`,
      milestonesDisputed: (client, count, list) =>
        `${client} disputó ${count} ${count === 1 ? 'factura' : 'facturas'} (${list}): divida el próximo proyecto en pagos por hitos, cada uno aprobado al entregarse.`,
      shorterTerms: (client, late, paid, from) =>
        `${client} pagó con retraso ${late} de sus ${paid} facturas pagadas: acorte el plazo de pago${from !== null ? ` de ${from} a 14 días` : ''} y facture a la entrega.`,
      contractTerms: (client, days, invoice) =>
        `${client} tuvo ${days} días de retraso en ${invoice !== null ? `la factura ${invoice}` : 'una factura'}: antes del próximo proyecto, firme un contrato con condiciones de pago y recargos por demora.`,
    },
    open: 'Abrir la hoja de cálculo',
    storeFull: {
      subject: 'El seguimiento de facturas dejó de enviar: el almacenamiento de la hoja de cálculo está lleno',
      lines: (address, sent) => [
        'Invoice Follow-ups dejó de enviar seguimientos hoy en esta hoja de cálculo:',
        address,
        '',
        `${sent} ${sent === 1 ? 'correo salió' : 'correos salieron'} antes de detenerse; están en el Follow-up Log. El resto no se envió.`,
        'Antes de cada correo, el complemento registra que lo envía, para que ningún seguimiento salga nunca dos veces. ' +
          'La hoja de cálculo no tenía sitio para ese registro: Google guarda 30.000 caracteres de datos de complementos por hoja de cálculo, ' +
          'compartidos por todos los complementos y herramientas que usan el archivo.',
        '',
        'Qué hacer: quite de esta hoja de cálculo un complemento que ya no use, o restablezca las plantillas que no use ' +
          '(barra lateral › Templates). «Check setup» muestra cuánto sitio queda. La próxima ejecución continúa sola en cuanto haya sitio.',
      ],
    },
  },
};
