// Check setup (menu): what the add-on can see and do here, and what the last daily run could reach
// (README "Check setup"). The daily run records its own context every time, in the shared store.
import type { DailyStatus, ExecutionContext, Ports } from './ports';
import { readView } from './run';
import { errorMessage } from './send';

/** The store key of the last daily run's context. */
export const DAILY_CONTEXT_KEY = 'lastDailyContext';

export interface DailyContextRecord extends ExecutionContext {
  at: string;
}

/** Called by every daily run before it sends: what that execution could reach. */
export function recordDailyContext(ports: Ports): void {
  try {
    const record: DailyContextRecord = { ...ports.platform.context(), at: new Date(ports.now()).toISOString() };
    ports.store.writeJson(DAILY_CONTEXT_KEY, record);
  } catch (err) {
    console.error(`Could not record what the daily run could reach: ${errorMessage(err)}`);
  }
}

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

function contextLines(c: ExecutionContext): string[] {
  return [
    `  active spreadsheet: ${yesNo(c.activeSpreadsheet)} · document store: ${yesNo(c.documentStore)} · document lock: ${yesNo(c.documentLock)}`,
    `  email quota left: ${c.emailQuota ?? 'unknown'} · authorisation: ${c.authorization === 'granted' ? 'all permissions granted' : 'must be given again'}`,
  ];
}

export function dailyLine(status: DailyStatus, timeZone: string): string {
  if (!status.on) return 'Daily follow-ups: off.';
  const who = status.mine ? 'you' : (status.owner ?? 'another editor');
  const at = status.hour === null ? '' : ` at ${String(status.hour).padStart(2, '0')}:00 (${timeZone})`;
  return `Daily follow-ups: on, run by ${who}${status.mine && status.owner ? ` (${status.owner})` : ''}${at}.`;
}

function sheetLines(ports: Ports): string[] {
  try {
    const { snapshot, run } = readView(ports);
    const columns = (snapshot.grid[0] ?? []).filter((v) => typeof v === 'string' && v.trim() !== '');
    return [
      `Invoice sheet: "${snapshot.sheetName}", ${run.plan.rows.length} row(s) read.`,
      `  columns: ${columns.join(', ') || '(none)'}`,
    ];
  } catch (err) {
    return [`Invoice sheet: cannot be read: ${errorMessage(err)}`];
  }
}

function lastDailyLines(ports: Ports): string[] {
  const last = ports.store.readJson(DAILY_CONTEXT_KEY).value as DailyContextRecord | null;
  if (!last || typeof last.at !== 'string') return ['Last daily run: none recorded yet.'];
  return [`Last daily run (${last.at.slice(0, 16).replace('T', ' ')} UTC) could reach:`, ...contextLines(last)];
}

/** The text of Check setup. */
export function checkSetupText(ports: Ports): string {
  const usage = ports.platform.storeUsage();
  const here = ports.platform.context();
  return [
    ...sheetLines(ports),
    dailyLine(ports.triggers.status(), ports.spreadsheet.timeZone),
    `This execution (${here.user ?? 'user unknown'}):`,
    ...contextLines(here),
    ...lastDailyLines(ports),
    `Storage in this spreadsheet: ${usage.total.toLocaleString('en')} of ${usage.totalLimit.toLocaleString('en')} characters ` +
      `(settings and templates ${usage.config.toLocaleString('en')} of ${usage.configLimit.toLocaleString('en')}).`,
  ].join('\n');
}
