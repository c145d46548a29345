// The language of a client's emails and letter (README: "Languages"): a Language column on the row,
// else the default email language of the Settings. Codes ('de', 'fr_CA', 'pt-BR') and names in English or
// in the language itself ('German', 'Deutsch', 'Français') are read; case and accents do not matter.
import { localeParts } from './dates';
import { EMAIL_LANGUAGES, type EmailLanguage, type Invoice, type Result, type Settings } from './types';

/** Each language's name in English (for messages) and in itself (for the sidebar). */
const NAMES: Record<EmailLanguage, { english: string; own: string }> = {
  en: { english: 'English', own: 'English' },
  de: { english: 'German', own: 'Deutsch' },
  fr: { english: 'French', own: 'Français' },
  es: { english: 'Spanish', own: 'Español' },
  nl: { english: 'Dutch', own: 'Nederlands' },
  it: { english: 'Italian', own: 'Italiano' },
  pt: { english: 'Portuguese', own: 'Português' },
};

/** Other words people write for a language (as keys: lower case, without accents). */
const MORE_NAMES: Record<EmailLanguage, readonly string[]> = {
  en: ['eng', 'englisch', 'anglais', 'ingles', 'engels', 'inglese'],
  de: ['ger', 'deu', 'allemand', 'aleman', 'duits', 'tedesco', 'alemao'],
  fr: ['fra', 'fre', 'francais', 'franzosisch', 'frances', 'frans', 'francese'],
  es: ['spa', 'esp', 'castellano', 'espagnol', 'spanisch', 'spaans', 'spagnolo', 'espanhol'],
  nl: ['nld', 'dut', 'flemish', 'vlaams', 'hollandais', 'niederlandisch', 'neerlandais', 'holandes', 'olandese'],
  it: ['ita', 'italien', 'italienisch', 'italiaans'],
  pt: ['por', 'portugais', 'portugiesisch', 'portugues', 'portugees', 'portoghese'],
};

function key(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase();
}

export function isEmailLanguage(code: string): code is EmailLanguage {
  return (EMAIL_LANGUAGES as readonly string[]).includes(code);
}

/** A language's name in English ('de' → 'German'). */
export function languageName(language: EmailLanguage): string {
  return NAMES[language].english;
}

/** A language's name in itself ('de' → 'Deutsch'), as the sidebar lists them. */
export function languageOwnName(language: EmailLanguage): string {
  return NAMES[language].own;
}

/** 'English, German, French, Spanish, Dutch, Italian or Portuguese'. */
export function supportedLanguagesText(): string {
  const names = EMAIL_LANGUAGES.map(languageName);
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1] ?? ''}`;
}

/** The language a word names, or null: 'de', 'DE-de', 'fr_CA', 'Deutsch', 'francais', 'Español'. */
export function languageOf(text: string): EmailLanguage | null {
  const k = key(String(text ?? ''));
  if (k === '') return null;
  if (/^[a-z]{2}(?:[-_][a-z0-9]{2,8})*$/.test(k)) {
    const code = localeParts(k).language;
    if (isEmailLanguage(code)) return code;
  }
  for (const language of EMAIL_LANGUAGES) {
    const { english, own } = NAMES[language];
    if (k === key(english) || k === key(own) || MORE_NAMES[language].includes(k)) return language;
  }
  return null;
}

/**
 * A Language cell: null when empty (the default language applies), the language it names, or why it
 * cannot be used ("Language 'Klingon' is not one the emails are written in: use English, German…").
 */
export function parseLanguageCell(text: string, label: string): Result<EmailLanguage | null> {
  const shownText = String(text ?? '').trim();
  if (shownText === '') return { ok: true, value: null };
  const language = languageOf(shownText);
  if (language !== null) return { ok: true, value: language };
  const cut = shownText.length > 30 ? `${shownText.slice(0, 29)}…` : shownText;
  return {
    ok: false,
    error: `${label} '${cut}' is not a language the emails can be written in — use ${supportedLanguagesText()} (or a code such as de, fr, es)`,
  };
}

/** The locale each language writes its dates and amounts in when the spreadsheet's locale is of another language. */
const HOME_LOCALE: Record<EmailLanguage, string> = {
  en: 'en_GB',
  de: 'de_DE',
  fr: 'fr_FR',
  es: 'es_ES',
  nl: 'nl_NL',
  it: 'it_IT',
  pt: 'pt_PT',
};

/**
 * The locale an email in `language` writes its amounts in. A spreadsheet in that language keeps its own
 * (de_AT, fr_CA, en_US); English emails keep the spreadsheet's locale whatever it is, as they always
 * have; another language uses its home locale (German emails from an en_US sheet: de_DE, '1.000,00 €').
 */
export function emailLocale(language: EmailLanguage, sheetLocale: string): string {
  if (language === 'en' || localeParts(sheetLocale).language === language) return sheetLocale;
  return HOME_LOCALE[language];
}

/** The language an invoice's emails are written in: its Language column, else the default email language. */
export function invoiceLanguage(invoice: Pick<Invoice, 'language'>, settings: Pick<Settings, 'emailLanguage'>): EmailLanguage {
  return invoice.language ?? settings.emailLanguage ?? 'en';
}

/**
 * The language of the owner's daily summary: the spreadsheet locale's language when the emails have
 * words for it (de_DE → de, fr_CA → fr, pt_BR → pt), else English (ja_JP, en_US).
 */
export function summaryLanguage(sheetLocale: string): EmailLanguage {
  const code = localeParts(sheetLocale).language;
  return isEmailLanguage(code) ? code : 'en';
}
