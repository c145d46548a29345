// Loads the built add-on (dist/) into the local Apps Script runtime with an invoice sheet.
import * as path from 'node:path';
import { createRuntime, loadAddon, type RuntimeOptions } from '../../local';
import { defaultSettings } from '../../src/domain/settings';
import type { Settings } from '../../src/domain/types';

export const DIST = path.join(__dirname, '../../dist');

export const HEADERS = [
  'Invoice',
  'Client',
  'Contact Name',
  'Email',
  'Billing Email',
  'Amount',
  'Amount Paid',
  'Currency',
  'Issue Date',
  'Due Date',
  'Paid Date',
  'Paused',
  'Payment Link',
];

export interface Row {
  invoice: string;
  client?: string;
  email?: string;
  billing?: string;
  amount?: number | string;
  paid?: number | string;
  currency?: string;
  due: string | { date: string };
  paidDate?: string;
  paused?: boolean;
  contact?: string;
}

type RawCell = string | number | boolean | { date: string };

export function rowCells(r: Row): RawCell[] {
  const due = typeof r.due === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.due) ? { date: r.due } : r.due;
  return [
    r.invoice,
    r.client ?? `Client ${r.invoice}`,
    r.contact ?? '',
    r.email ?? `${r.invoice.toLowerCase()}@client.test`,
    r.billing ?? '',
    r.amount ?? 1000,
    r.paid ?? '',
    r.currency ?? 'USD',
    '',
    due,
    r.paidDate ? { date: r.paidDate } : '',
    r.paused ?? false,
    '',
  ];
}

/** One wall-clock formatter per zone: making an Intl.DateTimeFormat costs far more than using one. */
const wallFormatters = new Map<string, Intl.DateTimeFormat>();
function wallFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = wallFormatters.get(timeZone);
  if (!f) {
    const options = {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    } as const;
    f = new Intl.DateTimeFormat('en-US', options);
    wallFormatters.set(timeZone, f);
  }
  return f;
}

/** 09:00 (or `hour`) local time in a zone, as an ISO instant. */
export function localTime(date: string, hour: number, timeZone: string): string {
  // Find the UTC instant whose wall time in `timeZone` is date hour:00 (two passes handle DST).
  let guess = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  for (let i = 0; i < 2; i++) {
    const parts = wallFormatter(timeZone).formatToParts(new Date(guess));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    guess += Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`) - wall;
  }
  return new Date(guess).toISOString();
}

export interface Setup {
  rows?: Row[];
  settings?: Partial<Settings>;
  timeZone?: string;
  /** First simulated day (the clock starts at 09:00 local on it). */
  today: string;
  runtime?: RuntimeOptions;
}

export function setUp(s: Setup) {
  const timeZone = s.timeZone ?? 'America/New_York';
  const runtime = createRuntime({ timeZone, now: localTime(s.today, 9, timeZone), ...s.runtime });
  runtime.addSheet('Invoices', [HEADERS, ...(s.rows ?? []).map(rowCells)]);
  // The daily summary to the user is tested on its own (summary.test.ts); elsewhere the sent mail
  // is the clients' alone unless a test turns it on.
  const settings = { ...defaultSettings(), senderName: 'Sam Rivera', dailySummary: false, ...s.settings };
  runtime.properties.document().set('settings', JSON.stringify(settings));
  const addon = loadAddon({ runtime, distDir: DIST });
  const goTo = (date: string, hour = 9) =>
    runtime.clock.set(localTime(date, hour, runtime.spreadsheets.active()?.timeZone ?? timeZone));
  return {
    runtime,
    addon,
    goTo,
    /** Turns on daily follow-ups through the menu, once. */
    ensureTrigger() {
      let trigger = runtime.triggers.list().find((t) => t.handler === 'dailyFollowUps');
      if (!trigger) {
        // Turning on shows what the first run would send (Yes), then that it is on (OK).
        runtime.ui.respondWith('YES', 'OK');
        addon.call('turnOnDailyFollowUps');
        trigger = runtime.triggers.list().find((t) => t.handler === 'dailyFollowUps')!;
      }
      return trigger;
    },
    /** A value of the add-on's store (the spreadsheet's developer metadata), parsed; null when absent. */
    stored(key: string): unknown {
      const entry = runtime.spreadsheets.active()?.model.metadata.entries.find((e) => e.key === `ifu:${key}`);
      return entry?.value ? (JSON.parse(entry.value) as unknown) : null;
    },
    /** Puts a raw value straight into the add-on's store (as someone editing the metadata would). */
    setStored(key: string, raw: string): void {
      const entry = runtime.spreadsheets.active()?.model.metadata.entries.find((e) => e.key === `ifu:${key}`);
      if (!entry) throw new Error(`setStored: no ${key} in the store`);
      entry.value = raw;
    },
    /** Runs the daily trigger as Apps Script would: no active spreadsheet, no UI. */
    daily(): void {
      addon.runTrigger(this.ensureTrigger().id);
    },
    /** Sent mail as [invoice in subject, to, cc] rows. */
    sent() {
      return runtime.mail.sent.map((m) => ({
        subject: m.subject,
        to: m.to,
        cc: m.cc,
        bcc: m.bcc,
        text: m.body,
        html: m.htmlBody ?? '',
        at: m.at,
      }));
    },
    /** The invoice sheet as display values, by invoice number and header. */
    statuses(): Record<string, Record<string, string>> {
      const rows = runtime.sheet('Invoices').displayRows();
      const header = rows[0] ?? [];
      const out: Record<string, Record<string, string>> = {};
      for (const row of rows.slice(1)) out[row[0] ?? ''] = Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']));
      return out;
    },
    log(): Record<string, string>[] {
      // Runs that had nothing to log (e.g. menu runs before anything is due) leave no log sheet.
      if (!runtime.hasSheet('Follow-up Log')) return [];
      const rows = runtime.sheet('Follow-up Log').displayRows();
      const header = rows[0] ?? [];
      return rows.slice(1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
    },
  };
}

export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
