// A phone number as people type it ('+44 20 7946 0958', '(555) 010-1234', '0049-30-123456', a number
// stored as a number): shown as written, dialled from its digits (README "The day-14 call").

/** Fewer digits than this cannot be a number anyone can call. */
const MIN_DIGITS = 5;
/** More digits than this is not one phone number (ITU-T E.164 allows 15, plus a trunk or exit prefix). */
const MAX_DIGITS = 17;

export interface PhoneNumber {
  /** The cell as written (trimmed). */
  shown: string;
  /** The `tel:` target, digits and a leading + only; null when the cell holds no callable number. */
  tel: string | null;
}

/**
 * The number to dial in `text`: digits, with a leading '+' kept; an extension ('x12', 'ext. 12')
 * and anything after a second number ('… / …') are left out.
 */
export function readPhone(text: string): PhoneNumber {
  const shownText = text.trim();
  const main = shownText.split(/\s*(?:[/,;]|\bor\b|\b(?:ext|extension|x|poste|durchwahl)\b\.?)\s*/i)[0] ?? '';
  const digits = main.replace(/\D/g, '');
  const plus = /^\s*\+/.test(main);
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return { shown: shownText, tel: null };
  return { shown: shownText, tel: `${plus ? '+' : ''}${digits}` };
}
