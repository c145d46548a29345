// The sidebar in a normal browser, backed by the BUILT server code (dist/Code.js) running in the
// local Apps Script runtime. `npm run preview` starts it (scripts/preview.ts); the browser tests
// call startPreviewServer() directly.
//
//   GET  /            dist/Sidebar.html with a google.script.run shim injected before </head>
//   POST /__run       { name, args } → { ok: true, value } | { ok: false, error: { name, message } }
//                     (the server side of the shim: addon.callAsScriptRun, JSON in and out)
//   POST /__select    { row, sheet? } → selects that row, as the user clicking it in the sheet
//   GET  /__calls     the google.script.run calls made so far, [{ name, args }]
//
// The shim behaves like the real google.script.run: a runner per chain
// (withSuccessHandler / withFailureHandler / withUserObject return a new runner), only the
// server's public top-level functions exist on it, arguments that are not plain data (a Date, a
// function, a DOM node) fail the call, and handlers are called asynchronously.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { createRuntime, csvToCells, instantFromWall, loadAddon, type LoadedAddon, type Runtime } from '../local';
import { defaultSettings } from '../src/domain/settings';
import type { Settings } from '../src/domain/types';

const ROOT = path.resolve(__dirname, '..');

export interface PreviewOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1 (never the network). */
  host?: string;
  /** The built add-on. Default dist/ of this repository. */
  distDir?: string;
  /** The invoice sheet as CSV. Default sample/invoices.csv. */
  invoicesCsv?: string;
  /** Rows for 'Dispute Notes' as CSV; null for none. Default sample/disputes.csv. */
  disputesCsv?: string | null;
  /** The spreadsheet's time zone. Default America/New_York. */
  timeZone?: string;
  /** The spreadsheet's locale. Default en_US. */
  locale?: string;
  /** Today in the spreadsheet's zone, YYYY-MM-DD. Default 2026-11-24. */
  today?: string;
  /** Wall-clock hour today (default 8: before the daily run). */
  hour?: number;
  /** The selected row on 'Invoices' (default 2: the first invoice). */
  selectRow?: number;
  /** Settings on top of the defaults; senderName defaults to 'Sam Rivera Design'. */
  settings?: Partial<Settings>;
  /**
   * Simulate daily runs (the time-driven trigger, at the send hour) from this day up to
   * yesterday, so the sidebar has a history to show. Turns daily follow-ups on. Default: none.
   */
  historyFrom?: string | null;
  /** Delay before each google.script.run answer, in ms (shows the progress states). Default 0. */
  latencyMs?: number;
  /** Log each call to stdout. */
  verbose?: boolean;
}

export interface RecordedCall {
  name: string;
  args: unknown[];
}

export interface PreviewServer {
  url: string;
  runtime: Runtime;
  addon: LoadedAddon;
  /** Every google.script.run call the page made, in order. */
  calls: RecordedCall[];
  /** Selects a row on a sheet (default 'Invoices'), as the user clicking it. */
  select(row: number, sheet?: string): void;
  close(): Promise<void>;
}

function isoParts(date: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`Not a date (YYYY-MM-DD): ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function addDaysIso(date: string, n: number): string {
  const { year, month, day } = isoParts(date);
  return new Date(Date.UTC(year, month - 1, day + n)).toISOString().slice(0, 10);
}

function wall(date: string, hour: number, timeZone: string): number {
  return instantFromWall({ ...isoParts(date), hour, minute: 0 }, timeZone);
}

function readCells(file: string): ReturnType<typeof csvToCells> {
  const cells = csvToCells(fs.readFileSync(file, 'utf8'));
  while (cells.length > 0 && cells[cells.length - 1]!.every((c) => c === '')) cells.pop();
  return cells;
}

/** The names google.script.run offers: top-level functions of dist/*.js, minus private `name_` ones. */
function publicFunctionNames(distDir: string): string[] {
  const names = new Set<string>();
  for (const file of fs.readdirSync(distDir).filter((f) => f.endsWith('.js'))) {
    const code = fs.readFileSync(path.join(distDir, file), 'utf8');
    for (const m of code.matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm)) if (!m[1]!.endsWith('_')) names.add(m[1]!);
  }
  return [...names].sort();
}

// The body of the google.script.run shim (after `var NAMES = [...]`): plain ES2017, no build step.
const SHIM_BODY = `  function illegal(value, key, seen) {
    if (value === null || value === undefined) return null;
    var t = typeof value;
    if (t === 'string' || t === 'number' || t === 'boolean') return null;
    if (t !== 'object' || value instanceof Date || (typeof Node !== 'undefined' && value instanceof Node)) return key;
    if (seen.indexOf(value) !== -1) return key;
    seen.push(value);
    var keys = Object.keys(value);
    for (var i = 0; i < keys.length; i++) {
      var bad = illegal(value[keys[i]], keys[i], seen);
      if (bad !== null) return bad;
    }
    seen.pop();
    return null;
  }
  function fail(failure, userObject, error) {
    setTimeout(function () {
      if (failure) failure(error, userObject);
      else throw error;
    }, 0);
  }
  function invoke(name, args, success, failure, userObject) {
    for (var i = 0; i < args.length; i++) {
      var bad = illegal(args[i], String(i), []);
      if (bad !== null) return fail(failure, userObject, new Error('Failed due to illegal value in property: ' + bad));
    }
    fetch('/__run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: name, args: args }) })
      .then(function (response) {
        if (!response.ok) throw new Error('NetworkError: Connection failure due to HTTP ' + response.status);
        return response.json();
      })
      .then(function (reply) {
        if (reply.ok) {
          if (success) success(reply.value, userObject);
          return;
        }
        var error = new Error(reply.error && reply.error.message ? reply.error.message : 'Unknown error');
        if (reply.error && reply.error.name) error.name = reply.error.name;
        fail(failure, userObject, error);
      }, function (err) {
        fail(failure, userObject, err instanceof Error ? err : new Error(String(err)));
      });
  }
  function runner(success, failure, userObject) {
    var r = {
      withSuccessHandler: function (fn) { return runner(fn, failure, userObject); },
      withFailureHandler: function (fn) { return runner(success, fn, userObject); },
      withUserObject: function (o) { return runner(success, failure, o); }
    };
    NAMES.forEach(function (name) {
      r[name] = function () { invoke(name, Array.prototype.slice.call(arguments), success, failure, userObject); };
    });
    return r;
  }
  window.google = window.google || {};
  window.google.script = window.google.script || {};
  window.google.script.run = runner(null, null, undefined);
  window.google.script.host = { close: function () { window.__closed = true; }, setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} } };
`;

/** The google.script.run shim, as a classic script, offering the server's public function names. */
function shimScript(names: string[]): string {
  const list = JSON.stringify(names).replace(/</g, '\\u003c');
  return `(function () {\n  'use strict';\n  var NAMES = ${list};\n${SHIM_BODY}})();`;
}

function errorReply(err: unknown): { name: string; message: string } {
  if (err instanceof Error || (err !== null && typeof err === 'object' && 'message' in err)) {
    const e = err as { name?: unknown; message?: unknown };
    const name = typeof e.name === 'string' ? e.name : 'Error';
    // Apps Script's own exceptions read "Exception: …" in the browser; the rest as thrown.
    return {
      name: name === 'ScriptRunError' ? 'ScriptError' : name,
      message: typeof e.message === 'string' ? e.message : String(err),
    };
  }
  return { name: 'Error', message: String(err) };
}

function readBody(req: http.IncomingMessage, limit = 1_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('Request too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The local runtime over the sheets, the built add-on loaded, the clock at `today` (after any history). */
function startAddon(options: PreviewOptions, distDir: string): { runtime: Runtime; addon: LoadedAddon } {
  const timeZone = options.timeZone ?? 'America/New_York';
  const today = options.today ?? '2026-11-24';
  const hour = options.hour ?? 8;
  const settings: Settings = { ...defaultSettings(), senderName: 'Sam Rivera Design', ...options.settings };
  const runtime = createRuntime({ timeZone, locale: options.locale ?? 'en_US', now: wall(today, hour, timeZone) });
  runtime.addSheet('Invoices', readCells(options.invoicesCsv ?? path.join(ROOT, 'sample', 'invoices.csv')));
  const disputes = options.disputesCsv === undefined ? path.join(ROOT, 'sample', 'disputes.csv') : options.disputesCsv;
  if (disputes !== null) runtime.addSheet('Dispute Notes', readCells(disputes));
  runtime.properties.document().set('settings', JSON.stringify(settings));
  const addon = loadAddon({ runtime, distDir });
  if (options.historyFrom) {
    simulateHistory(runtime, addon, { from: options.historyFrom, today, hour: settings.sendHour, timeZone });
    runtime.clock.set(wall(today, hour, timeZone));
  }
  return { runtime, addon };
}

/** Turns daily follow-ups on and runs the trigger at its hour every day from `from` to yesterday. */
function simulateHistory(
  runtime: Runtime,
  addon: LoadedAddon,
  days: { from: string; today: string; hour: number; timeZone: string },
): void {
  runtime.clock.set(wall(days.from, days.hour, days.timeZone));
  runtime.ui.respondWith('YES', 'OK');
  addon.call('turnOnDailyFollowUps');
  const trigger = runtime.triggers.list().find((t) => t.handler === 'dailyFollowUps');
  if (!trigger) throw new Error('Turning on daily follow-ups created no trigger.');
  for (let day = days.from; day < days.today; day = addDaysIso(day, 1)) {
    runtime.clock.set(wall(day, days.hour, days.timeZone));
    addon.runTrigger(trigger.id);
  }
}

/** What the request handlers share. */
interface PreviewContext {
  htmlFile: string;
  shim: string;
  addon: LoadedAddon;
  calls: RecordedCall[];
  select: (row: number, sheet?: string) => void;
  latencyMs: number;
  verbose: boolean;
}

type Handler = (ctx: PreviewContext, req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

/** The sidebar page, the shim injected before </head>. */
function servePage(ctx: PreviewContext, _req: http.IncomingMessage, res: http.ServerResponse): void {
  const html = fs.readFileSync(ctx.htmlFile, 'utf8');
  const at = html.indexOf('</head>');
  const page = at === -1 ? ctx.shim + html : html.slice(0, at) + ctx.shim + html.slice(at);
  send(res, 200, 'text/html; charset=utf-8', page);
}

/** One google.script.run call: recorded, then run as Apps Script would (JSON in, JSON out). */
async function serveRun(ctx: PreviewContext, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const body = JSON.parse(await readBody(req)) as { name?: unknown; args?: unknown };
  const name = typeof body.name === 'string' ? body.name : '';
  const args = Array.isArray(body.args) ? (body.args as unknown[]) : [];
  ctx.calls.push({ name, args });
  if (ctx.verbose)
    console.log(
      `google.script.run.${name}(${args
        .map((a) => JSON.stringify(a))
        .join(', ')
        .slice(0, 200)})`,
    );
  if (ctx.latencyMs > 0) await sleep(ctx.latencyMs);
  let reply: unknown;
  try {
    reply = { ok: true, value: ctx.addon.callAsScriptRun(name, ...args) };
  } catch (err) {
    reply = { ok: false, error: errorReply(err) };
    if (ctx.verbose) console.log(`  failed: ${String(err)}`);
  }
  sendJson(res, 200, reply);
}

/** Selects a row, as the user clicking it in the sheet. */
async function serveSelect(ctx: PreviewContext, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const body = JSON.parse(await readBody(req)) as { row?: unknown; sheet?: unknown };
  if (typeof body.row !== 'number' || !Number.isInteger(body.row) || body.row < 1) {
    sendJson(res, 400, { ok: false, error: 'row must be a positive whole number' });
    return;
  }
  ctx.select(body.row, typeof body.sheet === 'string' ? body.sheet : 'Invoices');
  sendJson(res, 200, { ok: true });
}

const ROUTES: Record<string, Handler> = {
  'GET /': servePage,
  'GET /Sidebar.html': servePage,
  'GET /__calls': (ctx, _req, res) => sendJson(res, 200, ctx.calls),
  'POST /__run': serveRun,
  'POST /__select': serveSelect,
  'GET /favicon.ico': (_ctx, _req, res) => void res.writeHead(204).end(),
};

async function handle(ctx: PreviewContext, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const route = ROUTES[`${req.method ?? ''} ${url.pathname}`];
  try {
    if (route) await route(ctx, req, res);
    else send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  } catch (err) {
    if (!res.headersSent) sendJson(res, 500, { ok: false, error: { name: 'Error', message: String(err) } });
    else res.end();
  }
}

/** Listens on host:port (0: any free port) and returns the server's URL. */
async function listen(server: http.Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${shown}:${address.port}/`;
}

/** Starts the preview: a fresh runtime over the sample sheet, the built add-on, and an HTTP server. */
export async function startPreviewServer(options: PreviewOptions = {}): Promise<PreviewServer> {
  const distDir = path.resolve(options.distDir ?? path.join(ROOT, 'dist'));
  const htmlFile = path.join(distDir, 'Sidebar.html');
  if (!fs.existsSync(htmlFile) || !fs.existsSync(path.join(distDir, 'Code.js'))) {
    throw new Error(`The built add-on is missing in ${distDir}: run \`npm run build\` first (\`npm run preview\` does).`);
  }
  const { runtime, addon } = startAddon(options, distDir);
  const select = (row: number, sheet = 'Invoices'): void => runtime.select(sheet, row, 1);
  select(options.selectRow ?? 2);
  const ctx: PreviewContext = {
    htmlFile,
    shim: `<script>\n${shimScript(publicFunctionNames(distDir))}\n</script>\n`,
    addon,
    calls: [],
    select,
    latencyMs: options.latencyMs ?? 0,
    verbose: options.verbose === true,
  };
  const server = http.createServer((req, res) => void handle(ctx, req, res));
  const url = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const close = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((err) => (err ? reject(err) : resolve()));
    });
  return { url, runtime, addon, calls: ctx.calls, select, close };
}
