// ScriptApp adapter: the one daily time-driven trigger per spreadsheet.
import type { DocumentStore } from './store';

const HANDLER = 'dailyFollowUps';
/** User property mapping a trigger to its spreadsheet: a time-driven run may have no active one. */
const TRIGGER_KEY_PREFIX = 'dailyTrigger:';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function dailyTriggers(ss: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(ss).filter((t) => t.getHandlerFunction() === HANDLER);
}

export function isDailyTriggerOn(ss: Spreadsheet): boolean {
  return dailyTriggers(ss).length > 0;
}

export function removeDailyTriggers(ss: Spreadsheet): number {
  const triggers = dailyTriggers(ss);
  const user = PropertiesService.getUserProperties();
  for (const t of triggers) {
    ScriptApp.deleteTrigger(t);
    user.deleteProperty(TRIGGER_KEY_PREFIX + t.getUniqueId());
  }
  return triggers.length;
}

/** Replaces any existing daily trigger of this spreadsheet with one at `hour` in its time zone. */
export function installDailyTrigger(ss: Spreadsheet, hour: number, store: DocumentStore): void {
  removeDailyTriggers(ss);
  const trigger = ScriptApp.newTrigger(HANDLER)
    .timeBased()
    .atHour(hour)
    .everyDays(1)
    .inTimezone(ss.getSpreadsheetTimeZone())
    .create();
  PropertiesService.getUserProperties().setProperty(TRIGGER_KEY_PREFIX + trigger.getUniqueId(), ss.getId());
  store.writeJson('dailySpreadsheetId', ss.getId());
}

/** The spreadsheet a time-driven run belongs to: the active one, or the one saved for its trigger. */
export function spreadsheetForTrigger(triggerUid: string | undefined): Spreadsheet | null {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  if (!triggerUid) return null;
  const id = PropertiesService.getUserProperties().getProperty(TRIGGER_KEY_PREFIX + triggerUid);
  return id ? SpreadsheetApp.openById(id) : null;
}
