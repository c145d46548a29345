// Shared by the browser tests: Debian's Chromium driven by playwright-core, against the preview
// server (dist/Sidebar.html + a google.script.run shim backed by the built add-on in the local
// Apps Script runtime). dist/ must be built first (npm test does; or `node scripts/build.mjs`).
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import chromiumSetup from './chromium.json';
import type { Browser, ConsoleMessage, Dialog, Download, Locator, Page } from 'playwright-core';
import { startPreviewServer, type PreviewOptions, type PreviewServer } from '../../scripts/previewServer';

/**
 * playwright-core, loaded when a file first starts or reaches Chromium: jest evaluates it again in
 * every test file that loads it (0.7 s of CPU), and with the shared Chromium only a worker's first
 * browser test file needs it (the next ones use the kept page).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const playwright = (): typeof import('playwright-core') => require('playwright-core');

/** Where Chromium is and its flags, shared with test/browser/sharedChromium.cjs. */
export const CHROMIUM = chromiumSetup.executablePath;
const CHROMIUM_ARGS: string[] = chromiumSetup.args;
export const ROOT = path.resolve(__dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts');
export const TABS = ['overview', 'templates', 'disputes', 'clients', 'settings'] as const;
export type Tab = (typeof TABS)[number];

/**
 * Connects to the run's shared Chromium, or launches one; FAILS (never skips) when it is not
 * installed.
 */
export async function launchBrowser(): Promise<Browser> {
  // The shared Chromium's endpoint, when the run started one (test/browser/sharedChromium.cjs).
  const endpoint = process.env[chromiumSetup.endpointVariable];
  if (endpoint) return playwright().chromium.connect(endpoint);
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `The sidebar's browser tests need Chromium at ${CHROMIUM}, which is missing. ` +
        'Install it (Debian/Ubuntu: sudo apt-get install chromium); .ci/run does this in CI.',
    );
  }
  return playwright().chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A download's bytes (read through the browser: a shared Chromium has no local file path). */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface Sidebar {
  server: PreviewServer;
  page: Page;
  /** Uncaught errors and console errors in the page. */
  errors: string[];
  /** google.script.run calls so far. */
  callNames(): string[];
  tab(name: Tab): Promise<void>;
  /** Selects a row in the sheet (as the user would), then clicks "Use selected row" on the current tab. */
  useRow(row: number): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** Runs after the server started, before the page opens (to change the sheet, or route the page's requests). */
type Before = (server: PreviewServer, page: Page) => unknown;

export interface BrowserSession {
  /** A fresh runtime and preview server, and the sidebar open in the file's 300 px wide page. */
  open(options?: PreviewOptions, before?: Before): Promise<Sidebar>;
}

/** The 300 px wide page of the sidebar, in a context of its own. */
async function newSidebarPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 300, height: 900 } });
  const page = await context.newPage();
  // Generous: a shared CI machine can be slow to start Chromium; a real failure still shows.
  page.setDefaultTimeout(15_000);
  return page;
}

// With the run's shared Chromium, a jest worker keeps its page from one test file to the next: a
// new context and page cost Chromium about a second of CPU per file. Jest gives every test file
// its own modules but the same Node built-ins, so the page hangs on one of those.
const KEPT = Symbol.for('invoice-followups.test.sidebarPage');
const holder = EventEmitter as unknown as Record<symbol, Promise<Page> | undefined>;

async function keptPage(): Promise<Page> {
  const kept = await holder[KEPT]?.catch(() => null);
  if (kept && !kept.isClosed()) return kept;
  const started = connectUnref().then(newSidebarPage);
  holder[KEPT] = started;
  return started;
}

type Handles = { _getActiveHandles?: () => Array<{ unref?: () => void }> };

/**
 * Connects to the shared Chromium without its socket keeping the process alive: the kept page has
 * no last test file to close it, and jest ends a worker by waiting for its open handles to close
 * (it force-exits one still busy after half a second, with a warning).
 */
async function connectUnref(): Promise<Browser> {
  const handles = (): Array<{ unref?: () => void }> => (process as Handles)._getActiveHandles?.() ?? [];
  const before = new Set(handles());
  const browser = await launchBrowser();
  for (const handle of handles()) if (!before.has(handle)) handle.unref?.();
  return browser;
}

/**
 * One page per test file (with the shared Chromium, per jest worker: see keptPage); every test
 * still gets its own runtime and preview server, on its own port (its own origin).
 */
export function browserSession(): BrowserSession {
  let page: Page | null = null;
  /** A Chromium this file started itself (run alone, without the shared one): closed after it. */
  let own: Browser | null = null;
  beforeAll(async () => {
    if (process.env[chromiumSetup.endpointVariable]) page = await keptPage();
    else {
      own = await launchBrowser();
      page = await newSidebarPage(own);
    }
  });
  afterAll(async () => {
    await own?.close();
  });
  return {
    open(options = {}, before) {
      if (!page) throw new Error('The browser did not start (see the error of beforeAll).');
      return openSidebar(page, options, before);
    },
  };
}

async function openSidebar(page: Page, options: PreviewOptions, before?: Before): Promise<Sidebar> {
  const server = await startPreviewServer(options);
  try {
    await before?.(server, page);
  } catch (error) {
    await server.close();
    throw error;
  }
  const errors: string[] = [];
  const onError = (e: Error): void => {
    errors.push(`pageerror: ${e.message}`);
  };
  const onConsole = (m: ConsoleMessage): void => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  };
  page.on('pageerror', onError);
  page.on('console', onConsole);
  const ready = async (): Promise<void> => {
    await page.waitForSelector('html[data-ready]');
  };
  try {
    await page.goto(server.url);
    await ready();
  } catch (error) {
    // A sidebar that never became ready must not leave its server open (jest would never exit).
    page.off('pageerror', onError);
    page.off('console', onConsole);
    await server.close();
    throw error;
  }
  const sidebar: Sidebar = {
    server,
    page,
    errors,
    callNames: () => server.calls.map((c) => c.name),
    async tab(name) {
      await page.click(`#tab-${name}`);
      await page.waitForSelector(`#panel-${name}:not([hidden])`);
    },
    async useRow(row) {
      server.select(row);
      const panel = page.locator('[role="tabpanel"]:not([hidden])');
      const before = server.calls.length;
      await panel.getByRole('button', { name: 'Use selected row' }).click();
      await waitFor(() => server.calls.length > before);
      await panel.getByRole('button', { name: 'Use selected row' }).waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    },
    async reload() {
      page.removeAllListeners('dialog');
      await page.reload();
      await ready();
    },
    async close() {
      page.off('pageerror', onError);
      page.off('console', onConsole);
      // Leave the page (saying yes to "leave with unsaved changes?") before the server goes.
      page.removeAllListeners('dialog');
      const accept = (d: Dialog): void => void d.accept();
      page.on('dialog', accept);
      try {
        await page.goto('about:blank');
      } finally {
        page.off('dialog', accept);
        // A route a test set (to change the server's answers) must not reach the next test.
        await page.unrouteAll({ behavior: 'ignoreErrors' });
        await server.close();
      }
    },
  };
  return sidebar;
}

/** Retries an assertion until it passes (the page answers asynchronously), then rethrows its last failure. */
export async function eventually(assertion: () => unknown, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** The visible text of an element (innerText: what a user reads). */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** Polls a condition from Node (for the server side of a click). */
export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Runs axe-core in the page; returns the serious and critical violations (as readable lines). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: source });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{
            violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }>;
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return result
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.join(', ')}`);
}

/** The Status column of the invoice sheet, by invoice number. */
export function sheetStatus(server: PreviewServer, invoice: string): string {
  const rows = server.runtime.sheet('Invoices').displayRows();
  const header = rows[0] ?? [];
  const col = header.indexOf('Status');
  const row = rows.find((r) => r[0] === invoice);
  return row && col >= 0 ? (row[col] ?? '') : '';
}

/** Turns on daily follow-ups the way the menu does, once; returns the trigger id. */
export function dailyTrigger(server: PreviewServer): string {
  let trigger = server.runtime.triggers.list().find((t) => t.handler === 'dailyFollowUps');
  if (!trigger) {
    server.runtime.ui.respondWith('YES', 'OK');
    server.addon.call('turnOnDailyFollowUps');
    trigger = server.runtime.triggers.list().find((t) => t.handler === 'dailyFollowUps');
  }
  if (!trigger) throw new Error('no dailyFollowUps trigger');
  return trigger.id;
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** Waits until the element's visible text contains every one of `texts`. */
export async function expectText(locator: Locator, ...texts: string[]): Promise<void> {
  await eventually(async () => {
    const text = await textOf(locator);
    for (const t of texts) expect(text).toContain(t);
  });
}
