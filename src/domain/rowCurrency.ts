// Which currency a row's amount is in: the amount's own marker, the Currency column, what the
// cell shows (a number formatted in euros), or the default — and the conflicts between them.
import { shown } from './dates';
import { currencyFitsSymbol, currencyForSymbol, parseAmount, symbolWords, type ParsedAmount } from './money';
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
