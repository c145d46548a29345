// npm run bench: service calls, wall time and memory of one daily run of the BUILT add-on in the
// local runtime, for growing invoice sheets; and the built bundle sizes. Prints a table and writes
// bench-results.json. Figures are for Node with in-memory fakes: Apps Script adds a round trip per
// service call, which is why the Range call counts matter more than the milliseconds.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRuntime, loadAddon } from '../local';
import { defaultSettings } from '../src/domain/settings';

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const HEADERS = [
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
const TODAY = '2026-11-24';

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A realistic mix: most invoices paid or not yet due, some late at every stage, a few broken. */
function invoiceRows(n: number): Array<Array<string | number | boolean | { date: string }>> {
  const rows = [];
  for (let i = 0; i < n; i++) {
    const due = addDays(TODAY, 30 - (i % 90));
    const paid = i % 3 === 0 ? { date: addDays(due, 2) } : '';
    const broken = i % 97 === 0;
    rows.push([
      `INV-${String(i + 1).padStart(6, '0')}`,
      `Client ${i % 400}`,
      `Contact ${i % 400}`,
      broken ? 'not-an-email' : `billing${i % 400}@client${i % 400}.test`,
      i % 5 === 0 ? `ap${i % 400}@client${i % 400}.test` : '',
      500 + (i % 50) * 25,
      i % 7 === 0 ? 100 : '',
      'USD',
      { date: addDays(due, -30) },
      { date: due },
      paid,
      i % 41 === 0,
      '',
    ]);
  }
  return rows;
}

interface Measure {
  rows: number;
  run: string;
  rangeCalls: number;
  rangeReads: number;
  rangeWrites: number;
  perCellCalls: number;
  serviceCalls: number;
  emails: number;
  wallMs: number;
  /** CPU time of this process during the run: steadier than wall time on a busy machine. */
  cpuMs: number;
  heapMb: number;
}

function measure(rows: number): Measure[] {
  const runtime = createRuntime({ timeZone: 'America/New_York', now: `${TODAY}T14:00:00Z` });
  runtime.addSheet('Invoices', [HEADERS, ...invoiceRows(rows)]);
  runtime.properties.document().set('settings', JSON.stringify({ ...defaultSettings(), senderName: 'Bench' }));
  const addon = loadAddon({ runtime, distDir: DIST });
  runtime.ui.respondWith('YES', 'OK');
  addon.call('turnOnDailyFollowUps');
  const trigger = runtime.triggers.list()[0]!;
  const out: Measure[] = [];
  for (const [label, hourOffset] of [
    ['first run (adds status columns, sends)', 0],
    ['same-day re-run (nothing to send)', 3600_000],
  ] as const) {
    runtime.clock.advance(hourOffset);
    runtime.calls.reset();
    const sentBefore = runtime.mail.sent.length;
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    addon.runTrigger(trigger.id);
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const cpu = process.cpuUsage(cpuBefore);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const byName = runtime.calls.byName();
    const count = (re: RegExp) =>
      Object.entries(byName)
        .filter(([k]) => re.test(k))
        .reduce((a, [, v]) => a + v, 0);
    out.push({
      rows,
      run: label,
      rangeCalls: count(/^Range\./),
      rangeReads: count(/^Range\.(getValues|getDisplayValues)$/),
      rangeWrites: count(/^Range\.setValues$/),
      perCellCalls: count(/^Range\.(getValue|setValue|getDisplayValue)$/),
      serviceCalls: runtime.calls.count(),
      emails: runtime.mail.sent.length - sentBefore,
      wallMs: Math.round(wallMs),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      heapMb: Math.round(((peak - heapBefore) / 1024 / 1024) * 10) / 10,
    });
  }
  return out;
}

function sizes() {
  return ['Code.js', 'Sidebar.html'].map((file) => {
    const buf = fs.readFileSync(path.join(DIST, file));
    return {
      file,
      rawKb: Math.round((buf.length / 1024) * 10) / 10,
      gzipKb: Math.round((gzipSync(buf).length / 1024) * 10) / 10,
    };
  });
}

function sidebarOpenCalls(): { scriptRunCalls: number; serviceCalls: number } {
  const runtime = createRuntime({ now: `${TODAY}T14:00:00Z` });
  runtime.addSheet('Invoices', [HEADERS, ...invoiceRows(100)]);
  runtime.properties.document().set('settings', JSON.stringify({ ...defaultSettings(), senderName: 'Bench' }));
  runtime.select('Invoices', 2, 1);
  const addon = loadAddon({ runtime, distDir: DIST });
  addon.callAsScriptRun('getSidebarData');
  return { scriptRunCalls: 1, serviceCalls: runtime.calls.count() };
}

function table(rows: Measure[]): string {
  const cols: Array<[string, (m: Measure) => string]> = [
    ['rows', (m) => m.rows.toLocaleString('en-US')],
    ['run', (m) => m.run],
    ['Range calls', (m) => String(m.rangeCalls)],
    ['reads', (m) => String(m.rangeReads)],
    ['writes', (m) => String(m.rangeWrites)],
    ['per-cell', (m) => String(m.perCellCalls)],
    ['all calls', (m) => String(m.serviceCalls)],
    ['emails', (m) => String(m.emails)],
    ['wall ms', (m) => String(m.wallMs)],
    ['cpu ms', (m) => String(m.cpuMs)],
    ['heap MB', (m) => String(m.heapMb)],
  ];
  const cells = [cols.map(([h]) => h), ...rows.map((m) => cols.map(([, f]) => f(m)))];
  const widths = cols.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  return cells
    .map((r, j) => {
      const line = r.map((c, i) => (i <= 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
      return j === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

function main(): void {
  if (!fs.existsSync(path.join(DIST, 'Code.js'))) throw new Error('dist/ is missing: run npm run build first');
  const only = process.argv.find((a) => a.startsWith('--rows='));
  const sizesList = only
    ? [Number(only.slice('--rows='.length))]
    : process.argv.includes('--quick')
      ? [100, 1000]
      : [100, 1000, 10_000, 50_000];
  const results = sizesList.flatMap(measure);
  console.log(`One daily run of the built add-on (${TODAY}, quota 100 emails), local runtime on Node ${process.version}:\n`);
  console.log(table(results));
  const bundle = sizes();
  console.log('\nBuilt files:');
  for (const b of bundle) console.log(`  dist/${b.file}: ${b.rawKb} KB raw, ${b.gzipKb} KB gzip`);
  const sidebar = sidebarOpenCalls();
  console.log(
    `\nOpening the sidebar: ${sidebar.scriptRunCalls} google.script.run call (${sidebar.serviceCalls} Apps Script service calls inside it, 100 rows).`,
  );
  const out = path.join(ROOT, 'bench-results.json');
  fs.writeFileSync(out, `${JSON.stringify({ date: TODAY, node: process.version, runs: results, bundle, sidebar }, null, 2)}\n`);
  console.log(`\nWritten to ${path.relative(process.cwd(), out)}.`);
}

main();
