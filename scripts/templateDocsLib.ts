// The default wording of every email language as Markdown, for reviewers (docs/templates/<code>.md).
// `npm run docs:templates` writes the files; test/domain/languages.test.ts checks they are current.
import { defaultTemplates, languageWords, templateLabel } from '../src/domain/defaultTemplates';
import { languageName } from '../src/domain/language';
import { defaultSettings } from '../src/domain/settings';
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
  );
  return `${lines.join('\n')}\n`;
}

/** Every language's file: path under the repository → contents. */
export function templateDocs(): Array<{ path: string; text: string }> {
  return EMAIL_LANGUAGES.map((language) => ({ path: `docs/templates/${language}.md`, text: templateDoc(language) }));
}
