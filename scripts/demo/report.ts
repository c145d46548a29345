// The demo's report: the timeline, the final table, the intro and the summary, as lines of text
// (colour optional), from a DemoResult.
import { EMAIL_STAGE_IDS } from '../../src/domain/stageTable';
import * as path from 'node:path';
import { formatClaims } from '../demoClaims';
import { type ResolvedDemoOptions } from './options';
import type { ClientEmailCount, DemoDay, DemoEvent, DemoEventKind, DemoResult, DemoTable } from './result';
import { PROMISED, addDaysIso, countCsvRows, lastDay, mostAdvancedStage } from './simulate';

export interface FormatOptions {
  /** ANSI colours (only for a terminal). */
  color: boolean;
  /** Line width to fit in. Default 100. */
  width?: number;
  /** Paths are shown relative to this directory when inside it. Default: process.cwd(). */
  cwd?: string;
}

const ANSI = {
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  cyan: '\x1b[36m',
  reset: '\x1b[0m',
};
type Style = keyof Omit<typeof ANSI, 'reset'>;

function paint(color: boolean, style: Style | null, text: string): string {
  return color && style ? `${ANSI[style]}${text}${ANSI.reset}` : text;
}

/** Display width: code points (what the sample's accented names need). */
export function textWidth(text: string): number {
  return [...text].length;
}

export function truncate(text: string, width: number): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  if (chars.length <= width) return chars.join('');
  if (width <= 1) return chars.slice(0, width).join('');
  return `${chars.slice(0, width - 1).join('')}…`;
}

function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - textWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Word-wraps `text` to `width`, continuation lines indented by `indent` spaces. */
export function wrap(text: string, firstWidth: number, width: number, indent: number): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  let limit = firstWidth;
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate) <= limit || line === '') {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
    limit = width - indent;
  }
  if (line !== '') lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : ' '.repeat(indent) + l));
}

/** 'Label    text', the text wrapped under itself. */
function labelled(label: string, text: string, width: number): string[] {
  const lines = wrap(text, width - 9, width, 9);
  return lines.map((l, i) => (i === 0 ? label.padEnd(9) + l : l));
}

function relativePath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function dayLabel(date: string): string {
  return `${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]} ${date}`;
}

const SYMBOL: Record<DemoEventKind, { mark: string; style: Style | null }> = {
  sent: { mark: '✉', style: 'green' },
  preview: { mark: '○', style: 'cyan' },
  skipped: { mark: '·', style: 'dim' },
  queued: { mark: '↻', style: 'yellow' },
  failed: { mark: '✗', style: 'red' },
  held: { mark: '·', style: 'dim' },
  error: { mark: '!', style: 'red' },
  stopped: { mark: '!', style: 'red' },
  warning: { mark: '!', style: 'yellow' },
  note: { mark: '·', style: 'dim' },
};

const HELD_TEXT: Record<string, string> = {
  Paid: 'Paid: nothing to send',
  Paused: 'Paused: no follow-ups while the Paused box is ticked',
  Disputed: 'Disputed: never escalated automatically while the dispute is open',
  'Needs review': 'Needs review: nothing more is sent until you check your Sent mail',
};

function eventText(e: DemoEvent): string {
  if (e.kind === 'held' && e.result.startsWith(PROMISED)) return `${e.result}: no follow-ups until the day after`;
  if (e.kind === 'held') return HELD_TEXT[e.result] ?? e.result;
  if (e.kind === 'error') return `${e.result} (nothing is sent for this row until it is fixed)`;
  return e.result;
}

/** Column widths and colour of the timeline, fitted to its events. */
interface TimelineLayout {
  width: number;
  color: boolean;
  invW: number;
  cliW: number;
  stageW: number;
  /** Where the text after the invoice and client columns starts. */
  textCol: number;
}

function timelineLayout(result: DemoResult, fmt: FormatOptions): TimelineLayout {
  const invoiceEvents = result.events.filter((e) => e.invoice !== '');
  // A client email about several invoices shows '2 invoices' in this column.
  const grouped = result.emails.some((e) => e.invoices.length > 1) ? 10 : 7;
  const invW = Math.min(16, Math.max(grouped, ...invoiceEvents.map((e) => textWidth(e.invoice))));
  const cliW = Math.min(22, Math.max(6, ...invoiceEvents.map((e) => textWidth(e.client))));
  const stageW = Math.max(8, ...invoiceEvents.filter((e) => e.stage !== '').map((e) => textWidth(e.stage)));
  return { width: fmt.width ?? 100, color: fmt.color, invW, cliW, stageW, textCol: 5 + invW + 2 + cliW + 2 };
}

/** '  ✉  ', the event's mark in its colour. */
function eventPrefix(e: DemoEvent, color: boolean): string {
  const s = SYMBOL[e.kind];
  return `  ${paint(color, s.style, s.mark)}  `;
}

/** The invoice and client columns. */
function eventHead(e: DemoEvent, l: TimelineLayout): string {
  return `${pad(truncate(e.invoice, l.invW), l.invW)}  ${pad(truncate(e.client, l.cliW), l.cliW)}  `;
}

/**
 * A sent (or previewed) email: stage → recipients, copies on the same line when they fit. A client
 * email about several invoices (`events`, one per log row) shows as one email: 'N invoices' in the
 * invoice column, its invoices listed after the stage, the recipients on the next line when they do
 * not fit.
 */
function mailEventLines(events: DemoEvent[], l: TimelineLayout): string[] {
  const e = events[0]!;
  const several = events.length > 1;
  const head = several ? { ...e, invoice: `${events.length} invoices` } : e;
  const stage = several ? mostAdvancedStage(events.map((x) => x.stage)) : e.stage;
  const parts = [
    several ? events.map((x) => x.invoice).join(', ') : '',
    `→ ${e.to.join(', ')}`,
    e.cc.length > 0 ? `(cc ${e.cc.join(', ')})` : '',
    e.bcc.length > 0 ? `(bcc ${e.bcc.join(', ')})` : '',
  ].filter((x) => x !== '');
  const start = `${eventPrefix(e, l.color)}${eventHead(head, l)}${pad(stage, l.stageW)}  `;
  const indent = l.textCol + l.stageW + 2;
  const lines: string[] = [];
  if (indent + textWidth(parts.join(' ')) <= l.width) {
    lines.push(start + parts.join(' '));
  } else {
    const [first, ...rest] = parts.map((x) => wrap(x, l.width - indent, l.width, indent));
    lines.push(start + first!.join('\n'));
    for (const part of rest) lines.push(' '.repeat(indent) + part.join('\n'));
  }
  // A sent event that says more than 'sent' (sent on an earlier run, missing from the log).
  if (e.kind === 'sent' && !['sent', 'preview', ''].includes(e.result))
    lines.push(' '.repeat(l.textCol) + paint(l.color, 'yellow', e.result));
  return lines;
}

/** Any other event: its words wrapped after the invoice, client and stage columns (or the mark alone). */
function textEventLine(e: DemoEvent, l: TimelineLayout): string {
  const style = SYMBOL[e.kind].style;
  if (e.invoice === '') {
    const body = wrap(eventText(e), l.width - 5, l.width, 5);
    return eventPrefix(e, l.color) + body.map((t) => paint(l.color, style, t)).join('\n');
  }
  const stage = e.stage !== '' ? `${pad(e.stage, l.stageW)}  ` : '';
  const startCol = l.textCol + textWidth(stage);
  const text = wrap(eventText(e), l.width - startCol, l.width, startCol);
  return `${eventPrefix(e, l.color)}${eventHead(e, l)}${stage}${text.map((t) => paint(l.color, style, t)).join('\n')}`;
}

function eventLines(events: DemoEvent[], l: TimelineLayout): string[] {
  const e = events[0]!;
  return e.invoice !== '' && (e.kind === 'sent' || e.kind === 'preview') ? mailEventLines(events, l) : [textEventLine(e, l)];
}

/** A day's events, the log rows of one client email (sent, the same .eml file, one after another) together. */
function emailsTogether(events: DemoEvent[]): DemoEvent[][] {
  const out: DemoEvent[][] = [];
  for (const e of events) {
    const last = out[out.length - 1]?.[0];
    const sameEmail = last !== undefined && e.kind === 'sent' && last.kind === 'sent' && e.file !== null && e.file === last.file;
    if (sameEmail) out[out.length - 1]!.push(e);
    else out.push([e]);
  }
  return out;
}

/** Consecutive quiet days (nothing due, or the previous day's stop message again) share one line. */
type TimelineEntry = { quiet: DemoDay[]; label: string } | { day: DemoDay };

function timelineEntries(days: DemoDay[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let previousStops = '';
  for (const day of days) {
    const onlyStops =
      day.events.length > 0 && day.events.every((e) => e.invoice === '' && (e.kind === 'stopped' || e.kind === 'warning'));
    const stops = onlyStops ? day.events.map((e) => e.result).join('\n') : '';
    const label =
      day.events.length === 0 ? '(nothing due)' : stops !== '' && stops === previousStops ? '(stopped again, as above)' : null;
    previousStops = stops;
    const last = entries[entries.length - 1];
    if (label === null) entries.push({ day });
    else if (last && 'quiet' in last && last.label === label) last.quiet.push(day);
    else entries.push({ quiet: [day], label });
  }
  return entries;
}

function quietLine(quiet: DemoDay[], label: string, color: boolean): string {
  const first = quiet[0]!;
  const last = quiet[quiet.length - 1]!;
  const span = quiet.length === 1 ? dayLabel(first.date) : `${dayLabel(first.date)} – ${dayLabel(last.date)}`;
  return paint(color, 'dim', `${span}   ${label}`);
}

/** The day-by-day timeline, quiet days collapsed. */
export function formatTimeline(result: DemoResult, fmt: FormatOptions): string[] {
  const layout = timelineLayout(result, fmt);
  return timelineEntries(result.days).flatMap((entry) =>
    'quiet' in entry
      ? [quietLine(entry.quiet, entry.label, fmt.color)]
      : [
          paint(fmt.color, 'bold', `${dayLabel(entry.day.date)}   day ${entry.day.index}`),
          ...emailsTogether(entry.day.events).flatMap((e) => eventLines(e, layout)),
        ],
  );
}

/** The final status table, aligned and fitted to the width (long values truncated). */
export function formatTable(table: DemoTable, fmt: FormatOptions): string[] {
  const width = (fmt.width ?? 100) - 2;
  const gap = 2;
  const n = table.headers.length;
  const numeric = table.headers.map((h) => /days/i.test(h));
  const content = table.headers.map((_, i) =>
    Math.max(1, ...table.rows.map((r) => textWidth((r[i] ?? '').replace(/\s+/g, ' ')))),
  );
  // Headers wider than their values go on two lines ('Days' / 'Overdue').
  const headerLines = table.headers.map((h, i) => {
    if (textWidth(h) <= content[i]! || !h.includes(' ')) return [h];
    const words = h.split(' ');
    let best: [string, string] = [h, ''];
    for (let k = 1; k < words.length; k++) {
      const a = words.slice(0, k).join(' ');
      const b = words.slice(k).join(' ');
      if (Math.max(a.length, b.length) < Math.max(best[0].length, best[1].length)) best = [a, b];
    }
    return best;
  });
  const widths = table.headers.map((_, i) => Math.max(content[i]!, ...headerLines[i]!.map(textWidth)));
  // Shrink the widest text columns (Client, Status) until it fits; the others only if it must.
  const flexible = table.headers.map((h) => /^(client|status)$/i.test(h));
  const minWidth = headerLines.map((l, i) => Math.max(...l.map(textWidth), flexible[i] ? 10 : 6));
  const total = (): number => widths.reduce((a, b) => a + b, 0) + gap * (n - 1);
  for (const pass of [true, false]) {
    while (total() > width) {
      let widest = -1;
      for (let i = 0; i < n; i++) {
        if ((pass && !flexible[i]) || widths[i]! <= minWidth[i]!) continue;
        if (widest === -1 || widths[i]! > widths[widest]!) widest = i;
      }
      if (widest === -1) break;
      widths[widest]! -= 1;
    }
  }
  const c = fmt.color;
  const out: string[] = [];
  const height = Math.max(...headerLines.map((l) => l.length));
  for (let line = 0; line < height; line++) {
    const cells = headerLines.map((l, i) => {
      const text = l.length === height ? (l[line] ?? '') : line === height - 1 ? (l[0] ?? '') : '';
      return pad(text, widths[i]!, numeric[i] ? 'right' : 'left');
    });
    out.push(`  ${paint(c, 'bold', cells.join(' '.repeat(gap)).trimEnd())}`);
  }
  out.push(`  ${widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap))}`);
  if (table.rows.length === 0) out.push('  (no invoice rows)');
  for (const row of table.rows) {
    const cells = row.map((v, i) => {
      const text = pad(truncate(v, widths[i]!), widths[i]!, numeric[i] ? 'right' : 'left');
      return i === 2 && v.startsWith('Error:') ? paint(c, 'red', text) : text;
    });
    out.push(`  ${cells.join(' '.repeat(gap)).trimEnd()}`);
  }
  return out;
}

export function nothingSentNotice(outDir: string, cwd: string): string {
  return `Nothing leaves this machine: no email is sent. Each email the add-on would send is written to ${relativePath(outDir, cwd)}/ as a .eml file.`;
}

/** The header printed before the run. */
export function formatIntro(options: ResolvedDemoOptions, fmt: FormatOptions): string[] {
  const cwd = fmt.cwd ?? process.cwd();
  const width = fmt.width ?? 100;
  const last = addDaysIso(options.from, options.days - 1);
  const invoices = countCsvRows(options.sheet);
  const disputes = options.disputes === null ? 0 : countCsvRows(options.disputes);
  const field = (label: string, text: string): string[] => labelled(label, text, width);
  return [
    paint(fmt.color, 'bold', 'Invoice Follow-ups — local demo'),
    ...wrap(nothingSentNotice(options.out, cwd), width, width, 0),
    '',
    ...field('Sheet', `${relativePath(options.sheet, cwd)}: ${invoices} invoice row${invoices === 1 ? '' : 's'}`),
    ...(options.disputes === null
      ? []
      : field('Disputes', `${relativePath(options.disputes, cwd)}: ${disputes} note${disputes === 1 ? '' : 's'}`)),
    ...paymentsField(options, cwd, field),
    ...field(
      'Runs',
      `the built add-on (${relativePath(options.distDir, cwd)}/), daily trigger at 09:00 ${options.tz}, ` +
        `${options.from} → ${last} (${options.days} day${options.days === 1 ? '' : 's'})`,
    ),
    ...field('Sender', `"${options.sender}", spreadsheet locale ${options.locale}`),
    '',
  ];
}

/** The intro's line about the payments arriving during the month (none without a payments file). */
function paymentsField(options: ResolvedDemoOptions, cwd: string, field: (label: string, text: string) => string[]): string[] {
  if (options.payments === null) return [];
  const n = countCsvRows(options.payments);
  return field('Payments', `${relativePath(options.payments, cwd)}: ${n} payment${n === 1 ? '' : 's'} arriving during the month`);
}

/** Totals, files and the closing notice. */
export function formatSummary(result: DemoResult, fmt: FormatOptions): string[] {
  const cwd = fmt.cwd ?? process.cwd();
  const width = fmt.width ?? 100;
  const t = result.totals;
  const stageOrder: readonly string[] = [...EMAIL_STAGE_IDS, 'dispute'];
  const stages = Object.entries(t.byStage)
    .sort(([a], [b]) => ((stageOrder.indexOf(a) + 99) % 99) - ((stageOrder.indexOf(b) + 99) % 99))
    .map(([s, k]) => `${k} ${s}`);
  const emailWord = `${t.emails} email${t.emails === 1 ? '' : 's'}`;
  const totals =
    `${emailWord} for ${t.invoicesEmailed} of ${t.invoices} invoices` +
    (stages.length > 0 ? ` (${stages.join(', ')})` : '') +
    ` · ${t.skipped} skipped · ${t.queued} queued · ${t.failed} failed · ${t.rowErrors} row${t.rowErrors === 1 ? '' : 's'} with errors` +
    (t.summaries > 0 ? ` · ${t.summaries} daily summar${t.summaries === 1 ? 'y' : 'ies'} to you` : '');
  const out = result.files.outDir;
  const files = result.files.emails.length;
  const lines = labelled('Totals', totals, width);
  lines.push(...clientEmailLines(t.byClient).flatMap((text, i) => labelled(i === 0 ? 'Clients' : '', text, width)));
  const example = result.files.emails[0];
  lines.push(
    ...labelled(
      'Files',
      `${relativePath(out, cwd)}/: ${files} .eml file${files === 1 ? '' : 's'}${example ? `, e.g. ${path.basename(example)} (open one in any mail app)` : ''}`,
      width,
    ),
  );
  lines.push(
    ...labelled(
      '',
      `${relativePath(result.files.invoicesCsv, cwd)}: the invoice sheet at the end, with its status columns`,
      width,
    ),
  );
  lines.push(...labelled('', `${relativePath(result.files.logCsv, cwd)}: the Follow-up Log`, width));
  lines.push('');
  const closing =
    files === 0
      ? 'Nothing left this machine: no email was sent (and the add-on had none to send).'
      : `Nothing left this machine: no email was sent. The ${files === 1 ? 'email' : `${files} emails`} the add-on would have sent ${files === 1 ? 'is a .eml file' : 'are .eml files'} in ${relativePath(out, cwd)}/.`;
  lines.push(...wrap(closing, width, width, 0).map((l) => paint(fmt.color, 'bold', l)));
  return lines;
}

/**
 * 'Northwind Studio: 4 emails for 2 invoices (8 with one email per invoice)', for each client whose
 * emails carried several invoices: one email per client (README "What the demo shows") against one
 * per (invoice, stage) sent on the same days.
 */
export function clientEmailLines(byClient: ClientEmailCount[]): string[] {
  return byClient
    .filter((c) => c.invoices > 1)
    .map(
      (c) =>
        `${c.client}: ${c.emails} email${c.emails === 1 ? '' : 's'} for ${c.invoices} invoices` +
        (c.followUps > c.emails ? ` (${c.followUps} with one email per invoice)` : ''),
    );
}

/** Everything the CLI prints after the run. */
export function formatReport(result: DemoResult, fmt: FormatOptions): string {
  return [
    ...formatTimeline(result, fmt),
    '',
    paint(fmt.color, 'bold', `Invoices at the end (${result.days[result.days.length - 1]?.date ?? result.options.from})`),
    ...formatTable(result.table, fmt),
    '',
    ...claimLines(result),
    ...formatSummary(result, fmt),
  ].join('\n');
}

/** The last simulated day. */
function claimLines(result: DemoResult): string[] {
  const lines = formatClaims(result.claims, result.options.settings.latePayment.regime, lastDay(result.options));
  return lines.length > 0 ? [...lines, ''] : [];
}
