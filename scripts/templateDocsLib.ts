// The default wording of every email language as Markdown, for reviewers (docs/templates/<code>.md).
// `npm run docs:templates` writes the files; test/domain/languages.test.ts checks they are current.
import { defaultTemplates, languageWords, templateLabel } from '../src/domain/defaultTemplates';
import { languageName } from '../src/domain/language';
import { defaultSettings } from '../src/domain/settings';
import { dailySummaryEmail } from '../src/domain/summary';
import { EMAIL_LANGUAGES, STAGE_IDS, TEMPLATE_IDS, type EmailLanguage } from '../src/domain/types';

/** The default days, the courtesy nudge shown as on (it is off by default, and its template exists either way). */
const DOC_STAGE_DAYS = { ...defaultSettings().stageDays, nudge: -3 };

/** Text in a fenced block long enough that the text cannot close it. */
function fenced(text: string): string[] {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}text`, text, fence];
}

function letterSection(language: EmailLanguage): string[] {
  const w = languageWords(language).letter;
  const stages = STAGE_IDS.map((s) => `- \`${s}\`: ${w.stages[s]}`);
  return [
    '## The formal letter (PDF)',
    '',
    'Sample values are shown in angle brackets.',
    '',
    ...fenced(
      [
        w.title,
        '',
        w.dear('<contact>'),
        w.intro('<amount owed>'),
        '',
        w.statementHeads.join(' | '),
        `${w.total} | …`,
        '',
        w.basisUk('<rate>'),
        w.basisEu('<rate>', '<€40.00>'),
        w.basisCustom('<rate>'),
        w.counted,
        '',
        w.followUpsHeading,
        w.followUpHeads.join(' | '),
        w.noFollowUps,
        '',
        w.paymentHeading,
        w.payBy('<amount owed>', '<date>'),
        `${w.howToPay}: ${w.payOnline}`,
        '',
        w.closing,
      ].join('\n'),
    ),
    '',
    'Follow-ups as the letter names them:',
    '',
    ...stages,
  ];
}

function listSection(language: EmailLanguage): string[] {
  const w = languageWords(language).list;
  const line = `- ${w.invoice} <number>: ${w.issued} <date>, ${w.due} <date>, ${w.daysOverdue(5)}, ${w.balance} <amount>, ${w.payAt} <link>`;
  return [
    '## The list in an email about several invoices',
    '',
    ...fenced(
      [line, `${w.daysOverdue(1)} / ${w.dueToday} / ${w.dueIn(3)}`, w.heads.join(' | '), `<amount> ${w.and} <amount>`].join('\n'),
    ),
    '',
    `Subjects: ${Object.values(languageWords(language).listSubjects)
      .map((s) => `\`${s}\``)
      .join(', ')}`,
  ];
}

/** A spreadsheet locale of each language, for the sample summary. */
const SAMPLE_LOCALE: Record<EmailLanguage, string> = {
  en: 'en_GB',
  de: 'de_DE',
  fr: 'fr_FR',
  es: 'es_ES',
  nl: 'nl_NL',
  it: 'it_IT',
  pt: 'pt_PT',
};

/** A sample daily summary to the owner of a spreadsheet in this language (README "Languages"), and the store-full alert. */
function summarySection(language: EmailLanguage): string[] {
  const phone = { phone: '+44 20 7946 0958', tel: '+442079460958', noPhone: null, others: ['ap@acme.test'], talkingPoints: [] };
  const card = { invoice: 'A-7', client: 'Acme', contact: 'Pat', balance: 1200, currency: 'EUR', owed: '<amount>', daysLate: 14 };
  const email = dailySummaryEmail(
    [
      { invoice: 'A-1', client: 'Acme', stage: 'firm', result: 'sent' },
      { invoice: 'B-2', client: 'Beta', stage: 'promiseMissed', result: 'queued', reason: '<reason from the log>' },
    ],
    [{ invoice: 'A-7', client: 'Acme', need: 'call' }],
    { locale: SAMPLE_LOCALE[language], overdue: [{ currency: 'EUR', balance: 4200, count: 3 }] },
    'https://docs.google.com/spreadsheets/d/<id>/edit',
    {
      changes: [{ at: '2026-11-24T14:05:00.000Z', by: null, what: 'settings', detail: '<details>' }],
      calls: [
        { ...card, ...phone },
        { ...card, ...phone, invoice: 'B-3', contact: '', phone: '', tel: null },
      ],
      advice: [{ code: 'deposit', client: 'Slow Co', paid: 3, averageDaysLate: 25 }],
    },
  );
  const alert = languageWords(language).summary.storeFull;
  return [
    '## The daily summary to you (when the spreadsheet is in this language)',
    '',
    `Subject: \`${email?.subject ?? ''}\``,
    '',
    ...fenced(email?.text ?? ''),
    '',
    `When the storage is full: \`${alert.subject}\``,
    '',
    ...fenced(alert.lines('<spreadsheet address>', 2).join('\n')),
  ];
}

/** The Markdown file of one language: every default template, the interest wording, the list and the letter. */
export function templateDoc(language: EmailLanguage): string {
  const templates = defaultTemplates(language);
  const words = languageWords(language);
  const lines: string[] = [
    `# Default wording: ${languageName(language)} (\`${language}\`)`,
    '',
    'Generated from `src/domain/lang/` by `npm run docs:templates`; do not edit by hand.',
    '',
  ];
  for (const id of TEMPLATE_IDS) {
    const t = templates[id];
    lines.push(`## ${templateLabel(id, DOC_STAGE_DAYS)} (\`${id}\`)`, '', `Subject: \`${t.subject}\``, '', ...fenced(t.body), '');
  }
  lines.push(
    '## Formal notice when late-payment interest applies',
    '',
    ...fenced(words.formalWithInterest.join('\n')),
    '',
    `With the letter attached, this line is added: ${words.letterLine}`,
    '',
    ...listSection(language),
    '',
    ...letterSection(language),
    '',
    ...summarySection(language),
  );
  return `${lines.join('\n')}\n`;
}

/** Every language's file: path under the repository → contents. */
export function templateDocs(): Array<{ path: string; text: string }> {
  return EMAIL_LANGUAGES.map((language) => ({ path: `docs/templates/${language}.md`, text: templateDoc(language) }));
}
