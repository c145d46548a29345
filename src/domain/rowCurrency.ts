// Which currency a row's amount is in: the amount's own marker, the Currency column, what the
// cell shows (a number formatted in euros), or the default — and the conflicts between them.
import { shown } from './dates';
import {
  currencyFitsSymbol,
  currencyForSymbol,
  currencyOfMarker,
  isCurrencyCode,
  isSharedSymbol,
  parseAmount,
  symbolWords,
  type ParsedAmount,
} from './money';
import type { Result } from './types';

export interface CurrencyWhere {
  label: string;
  /** The cell's text, quoted in a message. */
  text: string;
  /** How the other source is named: 'Currency says', 'the invoice is in'. */
  statedWhere: string;
}

/** The amount's currency given what else the row states; an error when they disagree. */
export function resolveCurrency(
  parsed: ParsedAmount,
  stated: string | null,
  fallback: string,
  where: CurrencyWhere,
): Result<string> {
  const { label, text, statedWhere } = where;
  if (parsed.currency !== null) {
    if (stated !== null && stated !== parsed.currency) {
      return { ok: false, error: `${label} '${shown(text)}' is in ${parsed.currency} but ${statedWhere} ${stated}` };
    }
    return { ok: true, value: parsed.currency };
  }
  if (parsed.symbol !== null) {
    if (stated !== null) {
      if (currencyFitsSymbol(stated, parsed.symbol)) return { ok: true, value: stated };
      return { ok: false, error: `${label} '${shown(text)}' is in ${symbolWords(parsed.symbol)} but ${statedWhere} ${stated}` };
    }
    return { ok: true, value: currencyForSymbol(parsed.symbol, fallback) };
  }
  return { ok: true, value: stated ?? fallback };
}

/**
 * The currency marker of a number cell as the sheet shows it ('€1,000.00' for 1000 formatted
 * [$€]#,##0.00), or null when the display names none or does not show the same amount.
 *
 * @example shownCurrency('1.000,00 €', 'en_US', 1000) // { amount: 1000, currency: 'EUR', symbol: null }
 */
export function shownCurrency(display: string, locale: string, amount: number): ParsedAmount | null {
  if (typeof display !== 'string' || display.trim() === '') return null;
  const parsed = parseAmount(display, locale, 'Amount');
  if (!parsed.ok || (parsed.value.currency === null && parsed.value.symbol === null)) return null;
  return Math.abs(parsed.value.amount - amount) < 0.01 ? parsed.value : null;
}

/** What a Currency cell may hold, for the message about one that cannot be read. */
export const CURRENCY_CELL_FORMS =
  'a code such as USD, EUR or GBP, a symbol such as €, £ or $, or a name with its code (Euro (EUR))';

/** A Currency cell in parts: 'United States Dollar - USD' → ['United', 'States', 'Dollar', 'USD']. */
function currencyCellParts(text: string): string[] {
  return text.split(/[\s()[\]\-–—:|/,;]+/).filter((p) => p !== '');
}

/**
 * The currency a Currency cell names, or null when it names none (or two that disagree):
 * - a code in any case: 'EUR', 'eur';
 * - a symbol: '€', '£', 'zł', 'R$', 'A$', 'US$', 'CHF', 'kr', '$' — a symbol shared by several
 *   currencies ('$', '¥', 'kr') is the first of `preferred` that uses it (the spreadsheet's
 *   currency: '$' is USD in en_US, CAD in en_CA, AUD in en_AU), else its best-known one;
 * - a name with its code, before or after it: 'United States Dollar - USD', 'Euro (EUR)',
 *   'Pound Sterling – GBP', 'USD - US Dollar'; a name with a symbol of one currency ('Euro €').
 *   A name with only a shared symbol ('Canadian Dollar ($)') is not read: the name may say otherwise.
 *
 * @example currencyOfCell('United States Dollar - USD', ['EUR']) // 'USD'
 */
export function currencyOfCell(text: string, preferred: readonly string[]): string | null {
  const t = String(text ?? '')
    .replace(/[\u00a0\u2007\u2009\u202f\t]/g, ' ')
    .trim();
  if (t === '' || t.length > 60) return null;
  const whole = currencyOfMarker(t, preferred);
  if (whole !== null) return whole;
  const parts = currencyCellParts(t);
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  // The code (in capitals) or the symbol stands at one end; the words between are the name.
  const marks = parts.filter((p) => isCurrencyCode(p) || (!/^\p{L}+$/u.test(p) && currencyOfMarker(p, preferred) !== null));
  const atEnd = marks.includes(first) || marks.includes(last);
  const named = parts.every((p) => marks.includes(p) || /^[\p{L}.'’]+$/u.test(p));
  if (!atEnd || !named) return null;
  const codes = new Set(marks.filter((m) => !isSharedSymbol(m)).map((m) => currencyOfMarker(m, preferred)));
  if (codes.size !== 1) return null;
  const [code] = [...codes];
  if (code === null || code === undefined) return null;
  const shared = marks.filter(isSharedSymbol);
  return shared.every((m) => currencyOfMarker(m, [code]) === code) ? code : null;
}
