// Problems found in what a user (or a damaged store) gives us, as data: which field, what kind of
// problem, and the words for a freelancer. Code decides on `field` and `code`; people read `message`.

export type IssueCode =
  /** Nothing given where something is needed (an empty sender name, an empty subject). */
  | 'required'
  /** Not the kind of value the field holds (text where on/off is expected, a list for settings). */
  | 'wrong-type'
  | 'not-a-number'
  | 'not-a-whole-number'
  | 'out-of-range'
  /** Stage days must rise in stage order. */
  | 'out-of-order'
  /** Line breaks, quotes or angle brackets where plain text is expected. */
  | 'not-plain-text'
  | 'not-one-line'
  | 'too-long'
  /** Not one of the allowed values (a regime, a currency code). */
  | 'not-allowed'
  /** Not in the expected form (a half-year such as 2026-H2). */
  | 'bad-format'
  /** Settings saved by another version of the add-on. */
  | 'unknown-version'
  | 'unknown-placeholder'
  | 'empty-placeholder'
  /** A placeholder this template cannot fill ({{invoices}} outside a list template, {{promised_date}}…). */
  | 'not-in-this-template'
  /** '{{' never closed, '}}' never opened, nested or tripled braces. */
  | 'bad-braces';

export interface ValidationIssue {
  /** Path of the field, e.g. 'senderName', 'stageDays.firm', 'latePayment.referenceRatePercent', 'body'; '' = the whole. */
  field: string;
  code: IssueCode;
  message: string;
  /** For an unknown placeholder: the one the user most likely meant. */
  suggestion?: string;
}

/** One issue. `issue('minGapDays', 'out-of-range', 'Days between…')` */
export function issue(field: string, code: IssueCode, message: string, suggestion?: string): ValidationIssue {
  return suggestion === undefined ? { field, code, message } : { field, code, message, suggestion };
}
