// What the Templates tab previews each template with (README "The sidebar"): the selected invoice's
// values; for an email listing several invoices, that invoice's client and its other overdue
// invoices; for "promise missed", the promise in force or a sample date. Rendered by the server's
// own template code, so the preview is the email as it would go out.
import { addDays, formatDateForEmail } from '../../src/domain/dates';
import { formalNoticeFor } from '../../src/domain/defaultTemplates';
import { listValues } from '../../src/domain/group';
import type { HtmlBlocks, Placeholder } from '../../src/domain/templates';
import { emailLocale } from '../../src/domain/language';
import { EMAIL_STAGE_IDS, isEmailStage, stageEmail } from '../../src/domain/stageTable';
import {
  LIST_TEMPLATE_IDS,
  type EmailLanguage,
  type EmailStageId,
  type ListTemplateId,
  type Template,
  type TemplateId,
} from '../../src/domain/types';
import type { InvoiceView, Store } from '../state';

/** The template as it would go out for the row, the values it is filled with, and what they are. */
export interface PreviewInput {
  template: Template;
  values: Partial<Record<Placeholder, string>>;
  blocks: HtmlBlocks;
  /** What the preview is made of, when it is not simply the selected invoice. */
  note: string | null;
}

/** The template a stage uses instead of its own when the row has no Billing Email, if it has one. */
function noBillingOf(stage: EmailStageId): TemplateId[] {
  const id = stageEmail(stage).noBilling as TemplateId | undefined;
  return id === undefined ? [] : [id];
}

/** Which templates there are, grouped as the picker shows them. */
export const TEMPLATE_GROUPS: ReadonlyArray<[string, readonly TemplateId[]]> = [
  ['One invoice', EMAIL_STAGE_IDS.flatMap((s) => [s, ...noBillingOf(s)])],
  ['Several invoices of one client', LIST_TEMPLATE_IDS],
  ['Other emails', ['promiseMissed', 'thankYou', 'dispute']],
];

const LIST_HINT =
  'When one client has several invoices due the same day and “One email per client” is on (Settings), they go out as one email in the words of the most advanced stage. {{invoices}} is the list (a table in the HTML version).';

/** When each template is used, in a sentence under the picker. */
const NO_BILLING_HINT =
  'The same stage when the row has no Billing Email: to your usual contact, asking them to pass it to whoever handles payments.';

/** When each template is used, in a sentence under the picker (a stage's own from the stage table). */
export const TEMPLATE_HINTS: Readonly<Record<TemplateId, string>> = {
  ...(Object.fromEntries(
    EMAIL_STAGE_IDS.flatMap((s) => [
      [s, stageEmail(s).templateHint],
      [stageEmail(s).list, LIST_HINT],
      ...noBillingOf(s).map((id) => [id, NO_BILLING_HINT]),
    ]),
  ) as Record<EmailStageId | ListTemplateId, string>),
  dispute: 'Never sent by the add-on: you open it in Gmail from the Disputes tab.',
  promiseMissed: 'The day after a promised date passes without payment. {{promised_date}} is the date the client gave.',
  thankYou: 'Once, when an invoice you followed up is paid (turn on “Thank-you when paid” in Settings).',
} as Record<TemplateId, string>;

const isList = (id: TemplateId): boolean => (LIST_TEMPLATE_IDS as readonly string[]).includes(id);

/** The list email of the selected invoice's client: its overdue invoices (the selected one at least). */
function listPreview(draft: Template, inv: InvoiceView, store: Store): PreviewInput {
  const d = store.data;
  const language = inv.language ?? 'en';
  const filled = listValues(inv.clientInvoices, {
    today: d.today,
    locale: emailLocale(language, d.locale),
    language,
    client: inv.client,
    contactName: inv.values.contact_name ?? '',
    senderName: d.settings.senderName,
    replyByDays: d.settings.replyByDays,
  });
  const numbers = inv.clientInvoices.map((i) => i.invoice).join(', ');
  const note =
    inv.clientInvoices.length > 1
      ? `Listing ${inv.client}’s ${inv.clientInvoices.length} overdue invoices: ${numbers}.`
      : `${inv.client} has no other overdue invoice, so this lists ${inv.invoice} alone (a client with one invoice due gets that invoice’s own email).`;
  return { template: draft, ...filled, note };
}

/** "Promise missed": the promise in force on the invoice, else a sample date (yesterday). */
function promisePreview(draft: Template, inv: InvoiceView, store: Store): PreviewInput {
  const { today } = store.data;
  const language = inv.language ?? 'en';
  const locale = emailLocale(language, store.data.locale);
  const date = inv.promise?.date ?? null;
  const written = (d: string): string => formatDateForEmail(d, locale, language);
  const promised = date !== null ? written(date) : (inv.values.promised_date ?? written(addDays(today, -1)));
  const note =
    date !== null || inv.values.promised_date !== undefined
      ? `With the date the client promised: ${promised}.`
      : `With a sample promised date (${promised}): record a promise on the Disputes tab to see this invoice’s own.`;
  return { template: draft, values: { ...inv.values, promised_date: promised }, blocks: {}, note };
}

/** The draft as it would go out for the selected invoice, with the values to fill it in. */
export function previewInput(
  id: TemplateId,
  draft: Template,
  inv: InvoiceView,
  store: Store,
  language: EmailLanguage = 'en',
): PreviewInput {
  if (isList(id)) return listPreview(draft, inv, store);
  if (id === 'promiseMissed') return promisePreview(draft, inv, store);
  if (!isEmailStage(id) || stageEmail(id).formalNotice !== true)
    return { template: draft, values: inv.values, blocks: {}, note: null };
  // The default formal notice states the interest when some applies to the row.
  const letterAttached = store.data.settings.latePayment.attachLetter;
  const template = formalNoticeFor(draft, { interestApplies: inv.values.interest !== undefined, letterAttached }, language);
  return { template, values: inv.values, blocks: {}, note: null };
}
