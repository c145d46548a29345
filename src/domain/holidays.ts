// Sending days (docs/escalation.md, "Holidays"): besides weekends when "skip weekends" is on, the
// user's list of dates on which nothing is sent. A follow-up due on one goes out on the next sending day.
import { addDays, isWeekend, nextWeekday } from './dates';
import type { IsoDate, Settings } from './types';

/** A day on which follow-ups may go out. */
export function isSendingDay(date: IsoDate, settings: Pick<Settings, 'skipWeekends' | 'holidays'>): boolean {
  if (settings.skipWeekends && isWeekend(date)) return false;
  return !settings.holidays.includes(date);
}

/** `date` itself when it is a sending day, else the first sending day after it. */
export function nextSendingDay(date: IsoDate, settings: Pick<Settings, 'skipWeekends' | 'holidays'>): IsoDate {
  const weekday = (d: IsoDate): IsoDate => (settings.skipWeekends ? nextWeekday(d) : d);
  let d = weekday(date);
  // The holiday list is bounded (settings keep at most a few hundred dates), so this ends; the
  // limit only guards against a list that was never validated.
  for (let i = 0; i < 1000 && !isSendingDay(d, settings); i++) d = weekday(addDays(d, 1));
  return d;
}
