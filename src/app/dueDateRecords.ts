// The due dates the user confirmed in the sidebar though they look like a typo (docs/own-sheet.md "A
// due date that looks like a typo"), in the add-on's own store (never in a user's cell), compactly:
// [key, dueDate] pairs under one key.
import { firstRunDate, type DueDateChecks } from '../domain/dueDates';
import { isIsoDate } from '../domain/dates';
import type { LogRecord } from '../domain/records';
import type { IsoDate, SheetContext } from '../domain/types';
import type { StorePort } from './ports';

export const DUE_DATES_KEY = 'dueDates';

/** The confirmed due dates: invoice key → the due date the user confirmed (a damaged entry is left out). */
export function readConfirmedDueDates(store: StorePort): Map<string, IsoDate> {
  const raw = store.readJson(DUE_DATES_KEY).value;
  const out = new Map<string, IsoDate>();
  if (!Array.isArray(raw)) return out;
  for (const entry of raw as unknown[]) {
    if (!Array.isArray(entry)) continue;
    const [key, date] = entry as unknown[];
    if (typeof key === 'string' && key !== '' && typeof date === 'string' && isIsoDate(date)) out.set(key, date);
  }
  return out;
}

/** What the plan checks due dates against: the first run (Follow-up Log) and the confirmations. */
export function dueDateChecks(snapshot: {
  log: readonly LogRecord[];
  ctx: Pick<SheetContext, 'today'>;
  confirmedDueDates: ReadonlyMap<string, IsoDate>;
}): DueDateChecks {
  return { firstRun: firstRunDate(snapshot.log, snapshot.ctx.today), confirmed: snapshot.confirmedDueDates };
}
