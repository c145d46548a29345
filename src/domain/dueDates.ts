// A due date that is probably a typo (docs/own-sheet.md "A due date that looks like a typo"): one
// more than a year before the add-on's first run on the sheet, before 2000 or after 2100 holds its
// invoice for review, and nothing is sent for it until the user corrects the cell or confirms the
// date in the sidebar. Without this, a due date typed 1926-11-20 sends the formal notice at once,
// claiming a century of interest.
import type { Invoice, IsoDate, RowOutcome } from './types';

/** Due dates before this are held: nobody chases an invoice from the last century. */
export const EARLIEST_PLAUSIBLE_DUE = '2000-01-01';
/** Due dates after this are held too (a year typed 2206 for 2026). */
export const LATEST_PLAUSIBLE_DUE = '2100-12-31';

/** What the check needs besides the invoice. */
export interface DueDateChecks {
  /** The add-on's first run on this sheet: the earliest date in the Follow-up Log, or today (`firstRunDate`). */
  firstRun: IsoDate;
  /** Due dates the user confirmed in the sidebar: invoice key → the due date confirmed. */
  confirmed: ReadonlyMap<string, IsoDate>;
}

/** The first run, as simply as it can be known: the earliest dated row of the Follow-up Log, or today. */
export function firstRunDate(log: ReadonlyArray<{ date: IsoDate | null }>, today: IsoDate): IsoDate {
  let first = today;
  for (const { date } of log) if (date !== null && date < first) first = date;
  return first;
}

/** The same calendar day a year earlier (29 February → 28 February). */
export function oneYearBefore(date: IsoDate): IsoDate {
  const year = String(Number(date.slice(0, 4)) - 1).padStart(4, '0');
  const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${year}-${monthDay}`;
}

/** Why a due date looks like a typo (in words, with "check the year"), or null when it is plausible. */
export function dueDateDoubt(dueDate: IsoDate, firstRun: IsoDate): string | null {
  const typo = `Due date ${dueDate} looks like a typo (check the year)`;
  if (dueDate < EARLIEST_PLAUSIBLE_DUE) return `${typo}: it is before 2000`;
  if (dueDate > LATEST_PLAUSIBLE_DUE) return `${typo}: it is after 2100`;
  if (dueDate < oneYearBefore(firstRun)) {
    return `${typo}: it is more than a year before the add-on's first run on this sheet (${firstRun})`;
  }
  return null;
}

/** What the row says while its due date is in doubt: how to settle it. */
const HOW_TO_SETTLE = ' — correct the cell, or confirm the date in the sidebar (Disputes tab). Nothing is sent for it until then';

/**
 * The hold on an unpaid invoice whose due date looks like a typo and was not confirmed (null: none).
 * A confirmation is of one date: a due date changed since is checked again.
 */
export function dueDateHold(
  invoice: Pick<Invoice, 'key' | 'dueDate'>,
  checks: DueDateChecks,
): Extract<RowOutcome, { kind: 'held' }> | null {
  const doubt = dueDateDoubt(invoice.dueDate, checks.firstRun);
  if (doubt === null || checks.confirmed.get(invoice.key) === invoice.dueDate) return null;
  return { kind: 'held', code: 'implausible-due-date', message: `${doubt}${HOW_TO_SETTLE}` };
}
