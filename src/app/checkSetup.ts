// Check setup (menu): what the add-on can see and do here, and what the last daily run could reach
// (README "Check setup"). The daily run records its own context every time, in the shared store.
import type { DailyStatus, ExecutionContext, Ports } from './ports';
import { readView } from './sheetView';
import { formatMoney } from '../domain/money';
import { errorMessage } from './sendOnce';

/** The store key of the last daily run's context. */
export const DAILY_CONTEXT_KEY = 'lastDailyContext';

export interface DailyContextRecord extends ExecutionContext {
  at: string;
  /** The spreadsheet it ran for ("Make a copy" copies the store: a copy's Check setup must not show the original's run). */
  spreadsheetId?: string;
  /** What Trigger.getTriggerSourceId() returned for the daily trigger ('unavailable' when it threw). */
  triggerSourceId?: string | null;
  /** How this runtime's Intl formats money and dates, beside the add-on's own formatter (README "Check setup"). */
  intl?: IntlFacts;
  /** When `intl` was measured (ISO): at most a week before `at`. */
  intlAt?: string;
}

/**
 * What the next decisions depend on and no page documents: whether Apps Script's Intl formats
 * German and French money and dates as the add-on's own formatter does.
 */
export interface IntlFacts {
  deMoney: string;
  frMoney: string;
  deDate: string;
  frDate: string;
  /** The add-on's own formatter, for the same amounts. */
  ownDeMoney: string;
  ownFrMoney: string;
}

function intlFacts(): IntlFacts {
  const money = (locale: string): string =>
    quietly(() => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(1234.5));
  const date = (locale: string): string =>
    quietly(() => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(2026, 9, 1)));
  return {
    deMoney: money('de-DE'),
    frMoney: money('fr-FR'),
    deDate: date('de-DE'),
    frDate: date('fr-FR'),
    ownDeMoney: formatMoney(1234.5, 'EUR', 'de_DE'),
    ownFrMoney: formatMoney(1234.5, 'EUR', 'fr_FR'),
  };
}

function quietly(read: () => string): string {
  try {
    return read();
  } catch (err) {
    return `error: ${errorMessage(err)}`;
  }
}

/**
 * The Intl facts change only when Google updates its runtime, and measuring them is the dearest
 * part of the record (four formatters): the last record's are kept for a week.
 */
const INTL_KEPT_MS = 7 * 86_400_000;

function intlNow(last: DailyContextRecord | null, now: number): Pick<DailyContextRecord, 'intl' | 'intlAt'> {
  const age = last?.intlAt === undefined ? NaN : now - Date.parse(last.intlAt);
  if (last?.intl && age >= 0 && age < INTL_KEPT_MS) return { intl: last.intl, intlAt: last.intlAt };
  return { intl: intlFacts(), intlAt: new Date(now).toISOString() };
}

/** Called by every daily run before it sends: what that execution could reach, and the facts above. */
export function recordDailyContext(ports: Ports, triggerUid: string): void {
  try {
    const now = ports.now();
    const last = ports.store.readJson(DAILY_CONTEXT_KEY).value as DailyContextRecord | null;
    const record: DailyContextRecord = {
      ...ports.platform.context(),
      at: new Date(now).toISOString(),
      spreadsheetId: ports.spreadsheet.id,
      triggerSourceId: ports.platform.triggerSourceId(triggerUid),
      ...intlNow(last, now),
    };
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

/** A daily run is due every day: one more than a day old means the trigger is not running (README "No silent stops"). */
const STALE_AFTER_MS = 26 * 60 * 60 * 1000;

function lastDailyLines(ports: Ports, dailyOn: boolean): string[] {
  const last = ports.store.readJson(DAILY_CONTEXT_KEY).value as DailyContextRecord | null;
  const ours =
    last && typeof last.at === 'string' && (last.spreadsheetId === undefined || last.spreadsheetId === ports.spreadsheet.id);
  if (!last || !ours)
    return [
      dailyOn
        ? 'Last daily run: none yet. WARNING: if daily follow-ups were turned on more than a day ago, they are not running.'
        : 'Last daily run: none recorded yet.',
    ];
  const age = ports.now() - Date.parse(last.at);
  const days = Math.floor(age / 86_400_000);
  const warning =
    dailyOn && age > STALE_AFTER_MS
      ? [
          `WARNING: the last daily run was ${days} day(s) ago. Daily follow-ups are not running: turn them off and on again (Extensions › Invoice Follow-ups), and check your email for a message from the add-on.`,
        ]
      : [];
  return [
    ...warning,
    `Last daily run (${last.at.slice(0, 16).replace('T', ' ')} UTC) could reach:`,
    ...contextLines(last),
    ...factLines(last),
  ];
}

function factLines(last: DailyContextRecord): string[] {
  const lines: string[] = [];
  if (last.triggerSourceId !== undefined) lines.push(`  trigger source id: ${last.triggerSourceId ?? '(none)'}`);
  const i = last.intl;
  if (i) {
    lines.push(`  Intl money: de-DE ${i.deMoney} · fr-FR ${i.frMoney} (the add-on's own: ${i.ownDeMoney} · ${i.ownFrMoney})`);
    lines.push(`  Intl dates: de-DE ${i.deDate} · fr-FR ${i.frDate}`);
  }
  return lines;
}

function ignoredLines(ports: Ports): string[] {
  const ignored = ports.store.ignoredEntries();
  if (ignored === 0) return [];
  return [
    `Ignored: ${ignored} entr${ignored === 1 ? 'y' : 'ies'} with the add-on's names but visible to the whole document — anyone with ` +
      'edit access can add those, so they are never read. The add-on keeps its own data where only it can see it.',
  ];
}

/** The text of Check setup. */
export function checkSetupText(ports: Ports): string {
  const usage = ports.platform.storeUsage();
  const here = ports.platform.context();
  const status = ports.triggers.status();
  return [
    ...sheetLines(ports),
    dailyLine(status, ports.spreadsheet.timeZone),
    `This execution (${here.user ?? 'user unknown'}):`,
    ...contextLines(here),
    ...lastDailyLines(ports, status.on),
    ...ignoredLines(ports),
    `Storage in this spreadsheet: ${usage.total.toLocaleString('en')} of ${usage.totalLimit.toLocaleString('en')} characters ` +
      `(settings and templates ${usage.config.toLocaleString('en')} of ${usage.configLimit.toLocaleString('en')}).`,
  ].join('\n');
}
