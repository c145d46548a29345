// The templates a new spreadsheet starts with (README: "How the schedule works", "Languages"): plain, courteous words
// in each email language (one file each in src/domain/lang/), one step firmer at each stage.
//
// Every emailing stage shares one subject so that all follow-ups of an invoice stay in a single
// conversation in the client's inbox. The dispute message uses it too: it is about the same
// invoice. Bodies only use placeholders every valid row has (invoice, client, amount, balance,
// currency, due_date, days_overdue, reply_by, sender_name) — never issue_date, contact_name or
// payment_link, which a row may leave empty. The amount owed is always {{balance}}, so a partial
// payment is reflected. The "several invoices" variants (docs/escalation.md, "One email per client")
// list the client's invoices with {{invoices}} and have a subject of their own.
import { de } from './lang/de';
import { en } from './lang/en';
import { es } from './lang/es';
import { fr } from './lang/fr';
import { it } from './lang/it';
import { nl } from './lang/nl';
import { pt } from './lang/pt';
import type { LanguageWords } from './lang/words';
import { EMAIL_STAGE_IDS, stageEmail, stageRow, type EmailStageId } from './stageTable';
import {
  LIST_TEMPLATE_IDS,
  TEMPLATE_IDS,
  type EmailLanguage,
  type Settings,
  type Template,
  type TemplateId,
  type Templates,
} from './types';

const WORDS: Readonly<Record<EmailLanguage, LanguageWords>> = { en, de, fr, es, nl, it, pt };

/** All the words of one email language (an unknown code gets English). */
export function languageWords(language: EmailLanguage = 'en'): LanguageWords {
  return WORDS[language] ?? en;
}

/**
 * The formal notice as sent for one row. The untouched default becomes the one that states the
 * interest when some applies to the row (a regime is on, the client is a business, money is owed),
 * with a line about the attached letter when one goes with it. A template the user edited is theirs:
 * it is sent as written (they can use {{interest}}, {{compensation}} and {{amount_claimed}} in it).
 */
export function formalNoticeFor(
  template: Template,
  row: { interestApplies: boolean; letterAttached: boolean },
  language: EmailLanguage = 'en',
): Template {
  const words = languageWords(language);
  if (template.body !== words.bodies.formal.join('\n') || !row.interestApplies) return template;
  const lines = [...words.formalWithInterest];
  if (row.letterAttached) lines.splice(5, 0, '', words.letterLine);
  return { subject: template.subject, body: lines.join('\n') };
}

/** The default templates of an email language (English when none is given). */
export function defaultTemplates(language: EmailLanguage = 'en'): Templates {
  const words = languageWords(language);
  const templates = {} as Templates;
  for (const id of TEMPLATE_IDS) {
    const list = (LIST_TEMPLATE_IDS as readonly string[]).includes(id);
    const subject = !list ? words.subject : id === 'nudgeList' ? words.listSubjects.soon : words.listSubjects.overdue;
    templates[id] = { subject, body: words.bodies[id].join('\n') };
  }
  return templates;
}

/** The names of the templates that are not a stage's own. */
const OTHER_LABELS: Partial<Record<TemplateId, string>> = {
  dispute: 'Dispute opening message',
  promiseMissed: 'Promise missed',
  thankYou: 'Thank-you when paid',
};

/** When a stage's email goes out, as its template's name says it: '(day 7)', '(before due)', '(off)'. */
function dayWords(stage: EmailStageId, stageDays: Settings['stageDays']): string {
  if (stageRow(stage).beforeDue === true) return '(before due)';
  const day = stageDays[stage];
  return day === null ? '(off)' : `(day ${day})`;
}

/**
 * A template's name as the sidebar and the change journal show it, with the day its stage goes out
 * on in these settings (the firm reminder's is 'Firm reminder (day 7)' by default).
 */
export function templateLabel(id: TemplateId, stageDays: Settings['stageDays']): string {
  const other = OTHER_LABELS[id];
  if (other !== undefined) return other;
  for (const stage of EMAIL_STAGE_IDS) {
    const email = stageEmail(stage);
    if (id === stage) return `${email.templateLabel} ${dayWords(stage, stageDays)}`;
    if (id === email.noBilling) return `${stageRow(stage).label} without a billing contact ${dayWords(stage, stageDays)}`;
    if (id === email.list) return `${stageRow(stage).label} — several invoices`;
  }
  return id;
}
