// The daily summary in the spreadsheet's language (README "Languages"): every piece of the frame in
// the words of the sheet locale's language, English for a locale the emails have no words for.
import fc from 'fast-check';
import type { AdviceFacts } from '../../src/domain/advice';
import type { CallCard } from '../../src/domain/calls';
import { formatDateForEmail } from '../../src/domain/dates';
import { languageWords } from '../../src/domain/defaultTemplates';
import { summaryLanguage } from '../../src/domain/language';
import { formatMoney } from '../../src/domain/money';
import { dailySummaryEmail, type SummaryChange, type SummaryOutcome } from '../../src/domain/summary';
import { EMAIL_LANGUAGES, type EmailLanguage } from '../../src/domain/types';

const URL = 'https://docs.google.com/spreadsheets/d/abc/edit';

const OUTCOMES: SummaryOutcome[] = [
  { invoice: 'INV-1', client: 'Acme', stage: 'reminder', result: 'sent' },
  { invoice: 'INV-2', client: 'Acme', stage: 'promiseMissed', result: 'sent' },
  { invoice: 'INV-3', client: 'Zeta', stage: 'formal', result: 'queued', reason: 'quota' },
  { invoice: 'INV-4', client: 'Zeta', stage: 'thankYou', result: 'failed', reason: 'bounced' },
];
const NEEDS = (['call', 'decide', 'review', 'promise'] as const).map((need, i) => ({ invoice: `N-${i}`, client: 'Acme', need }));
const CHANGES: SummaryChange[] = [
  { at: '2026-11-24T14:05:00.000Z', by: 'bob@x.test', what: 'settings', detail: 'x' },
  { at: '2026-11-24T15:30:00.000Z', by: null, what: 'template', detail: '' },
  { at: '2026-11-24T16:00:00.000Z', by: 'eve@x.test', what: 'templateReset', detail: '' },
  { at: '2026-11-24T16:10:00.000Z', by: 'eve@x.test', what: 'columns', detail: '' },
  { at: '2026-11-24T16:20:00.000Z', by: 'eve@x.test', what: 'earlier', detail: '' },
];
const card = (over: Partial<CallCard>): CallCard => ({
  invoice: 'C-1',
  client: 'Acme',
  contact: 'Pat',
  phone: '+44 20 7946 0958',
  tel: '+442079460958',
  balance: 1234.5,
  currency: 'EUR',
  owed: '€1,234.50',
  daysLate: 14,
  talkingPoints: [],
  noPhone: null,
  others: ['ap@acme.test'],
  ...over,
});
const CALLS = [
  card({}),
  card({ invoice: 'C-2', contact: '', phone: '', tel: null }),
  card({ invoice: 'C-3', phone: 'ask Bob', tel: null }),
];
const ADVICE: AdviceFacts[] = [
  { code: 'deposit', client: 'Slow', paid: 3, averageDaysLate: 25 },
  { code: 'deposit', client: 'Slow', formalNotice: 'F-9' },
  { code: 'milestones', client: 'Slow', invoice: 'S3', amount: 6000, currency: 'EUR', daysLate: 30 },
  { code: 'milestones', client: 'Slow', disputed: ['D1', 'D2'] },
  { code: 'shorterTerms', client: 'Slow', late: 3, paid: 4, termsFrom: 30 },
  { code: 'contractTerms', client: 'Slow', daysLate: 41, invoice: 'S7' },
];
const TOTALS = [{ currency: 'EUR', balance: 4200, count: 3 }];

function summary(locale: string) {
  return dailySummaryEmail(OUTCOMES, NEEDS, { locale, overdue: TOTALS }, URL, {
    sentEmails: [{ subject: 'Hello', recipients: 'to: a@b.test' }],
    changes: CHANGES,
    calls: CALLS,
    advice: ADVICE,
  })!;
}

/** Every fixed English phrase of the summary (headings, reasons, call words, change words): none may be left in another language. */
function englishPhrases(): string[] {
  const w = languageWords('en').summary;
  return [
    ...Object.values(w.heads),
    ...Object.values(w.needs),
    ...Object.values(w.changeWhat),
    ...Object.values(w.notices),
    ...w.talkingPoints,
    w.hiddenEditor,
    w.noNumber,
    w.open,
    ...Object.values(languageWords('en').letter.stages),
    'invoice',
    'overdue',
    'days late',
    'No phone number',
    'holds no number',
    'ask a 50% deposit',
    'milestone',
    'payment terms',
  ].filter((p) => p.length > 0);
}

const LOCALES: Record<Exclude<EmailLanguage, 'en'>, string> = {
  de: 'de_DE',
  fr: 'fr_CA',
  es: 'es_MX',
  nl: 'nl_BE',
  it: 'it_IT',
  pt: 'pt_BR',
};

describe('the summary language', () => {
  it('is the sheet locale’s language when the emails have words for it, else English', () => {
    expect(summaryLanguage('de_DE')).toBe('de');
    expect(summaryLanguage('fr_CA')).toBe('fr');
    expect(summaryLanguage('pt_BR')).toBe('pt');
    expect(summaryLanguage('en_US')).toBe('en');
    expect(summaryLanguage('ja_JP')).toBe('en');
    expect(summaryLanguage('')).toBe('en');
    fc.assert(
      fc.property(fc.string(), (locale) => {
        const language = summaryLanguage(locale);
        expect(EMAIL_LANGUAGES).toContain(language);
        if (language !== 'en') expect(locale.toLowerCase().startsWith(language)).toBe(true);
      }),
    );
  });
});

describe.each(Object.entries(LOCALES) as Array<[Exclude<EmailLanguage, 'en'>, string]>)(
  'a %s summary (%s)',
  (language, locale) => {
    const w = languageWords(language).summary;
    const email = summary(locale);
    const all = `${email.subject}\n${email.text}\n${email.html}`;

    it('has every heading, reason and change in its own words, and no English phrase of the frame', () => {
      for (const head of Object.values(w.heads)) expect(email.text).toContain(`${head}\n`);
      for (const need of Object.values(w.needs)) expect(email.text).toContain(need);
      for (const what of Object.values(w.changeWhat)) expect(email.text).toContain(what);
      expect(email.text).toContain(w.hiddenEditor);
      expect(email.text).toContain(w.outcome(languageWords(language).letter.stages.reminder, 'INV-1', 'Acme'));
      expect(email.text).toContain(w.outcome(w.notices.promiseMissed, 'INV-2', 'Acme'));
      expect(email.text).toContain(`${w.open}: ${URL}`);
      for (const english of englishPhrases()) expect([english, all.includes(english)]).toEqual([english, false]);
    });

    it('counts in its own words in the subject', () => {
      const c = w.counts;
      const parts = [c.followedUp(2), c.waiting(1), c.failed(1), c.needYou(4), c.changes(5)];
      expect(email.subject).toBe(w.subject(parts.join(', ')));
      expect(c.followedUp(1)).not.toBe(c.followedUp(2).replace('2', '1'));
    });

    it('gives each call card in its own words, with the number linked and what to do without one', () => {
      for (const point of w.talkingPoints) expect(email.text).toContain(`  • ${point}`);
      expect(email.text).toContain(w.call(w.callWho('Pat', 'Acme'), w.onNumber('+44 20 7946 0958'), 'C-1', '€1,234.50', 14));
      expect(email.text).toContain(w.call('Acme', w.noNumber, 'C-2', '€1,234.50', 14));
      expect(email.text).toContain(w.noPhone('Acme', 'ap@acme.test'));
      expect(email.text).toContain(w.badPhone('ask Bob', 'Acme', 'ap@acme.test'));
      expect(email.html).toContain('<a href="tel:+442079460958">+44 20 7946 0958</a>');
    });

    it('keeps the evidence figures of the advice, with amounts and dates in the sheet’s locale', () => {
      const amount = formatMoney(6000, 'EUR', locale);
      expect(email.text).toContain(w.advice.depositAverage('Slow', 3, 25));
      expect(email.text).toContain(w.advice.depositFormal('Slow', 'F-9'));
      expect(email.text).toContain(w.advice.milestonesLarge('Slow', 'S3', amount, 30));
      expect(email.text).toContain(w.advice.milestonesDisputed('Slow', 2, 'D1, D2'));
      expect(email.text).toContain(w.advice.shorterTerms('Slow', 3, 4, 30));
      expect(email.text).toContain(w.advice.contractTerms('Slow', 41, 'S7'));
      for (const figure of ['25', '30', '41', 'F-9', 'S3', 'S7', 'D1, D2']) expect(email.text).toContain(figure);
      expect(email.text).toContain(w.overdue(formatMoney(4200, 'EUR', locale), 3));
      expect(email.text).toContain(`${formatDateForEmail('2026-11-24', locale, language)} 14:05 UTC, bob@x.test`);
    });
  },
);

describe('the alert that the store is full, in each language', () => {
  it.each(EMAIL_LANGUAGES)('%s: names the spreadsheet and how many emails went out first', (language) => {
    const { subject, lines } = languageWords(language).summary.storeFull;
    const text = lines('https://docs.google.com/x', 3).join('\n');
    expect(text).toContain('https://docs.google.com/x');
    expect(text).toMatch(/\b3\b/);
    expect(text).toContain('30');
    if (language !== 'en') {
      expect(subject).not.toBe(languageWords('en').summary.storeFull.subject);
      expect(text).not.toMatch(/What to do|went out before it stopped/);
    }
  });
});

describe('an English summary', () => {
  it.each(['en_US', 'en_GB', 'ja_JP', 'zh_CN'])('for %s keeps the English words', (locale) => {
    const email = summary(locale);
    expect(email.subject).toBe(
      'Invoice follow-ups today: 2 invoices followed up, 1 waiting, 1 failed, 4 invoices need you, 5 changes to settings or templates',
    );
    expect(email.text).toContain(
      'Calls to make\n- Call Pat at Acme on +44 20 7946 0958 about invoice C-1: €1,234.50 owed, 14 days late.',
    );
    expect(email.text).toContain('- Thank-you for invoice INV-4 (Zeta): bounced');
    expect(email.text).toContain(
      'Slow paid its last 3 invoices 25 days late on average: ask a 50% deposit before the next project.',
    );
    expect(email.text).toContain(
      'Slow paid 3 of its 4 paid invoices late: shorten the payment terms from 30 days to 14 and invoice on delivery.',
    );
  });
});
