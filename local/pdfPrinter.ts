// The printer behind Blob.getAs('application/pdf') (local/blob.ts): one headless Chromium, kept in
// a worker thread, that prints each HTML page to PDF. Starting Chromium for every
// print (`chromium --print-to-pdf`) cost about 3 s of CPU; a print on the running one costs a
// tenth of that. When a Chromium is already running (LOCAL_CHROMIUM_WS: `npm test` starts one for
// the whole run), the printer connects to it instead of starting its own, which saves the 2.5 s
// of CPU a start costs. getAs is synchronous, as in Apps Script, so the calling thread waits for
// the worker with Atomics.wait.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as workerThreads from 'node:worker_threads';

/** A print takes well under a second; Chromium's start a few. Past this, the print has failed. */
const PRINT_TIMEOUT_MS = 60_000;

/** The worker: launches (or connects to) Chromium on the first job, then prints each page it is sent. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { chromium } = require(workerData.playwright);
const signal = new Int32Array(workerData.signal);
let page = null;
async function print({ pageUrl, pdfFile }) {
  if (!page) {
    const { executablePath, endpoint, args } = workerData;
    const browser = endpoint ? await chromium.connect(endpoint) : await chromium.launch({ executablePath, args, headless: true });
    page = await browser.newPage();
  }
  await page.goto(pageUrl, { waitUntil: 'load' });
  // As chromium --print-to-pdf --no-pdf-header-footer prints: the page's own @page size, else Letter
  // with 1 cm margins; no backgrounds; tagged.
  await page.pdf({ path: pdfFile, format: 'Letter', margin: { top: '1cm', right: '1cm', bottom: '1cm', left: '1cm' }, tagged: true, preferCSSPageSize: true });
}
parentPort.on('message', (job) => {
  print(job).then(
    () => Atomics.store(signal, 0, 1),
    (error) => {
      fs.writeFileSync(job.errorFile, String((error && error.stack) || error));
      Atomics.store(signal, 0, 2);
    },
  ).then(() => Atomics.notify(signal, 0));
});
`;

/** Which Chromium prints: the one at `executablePath`, or an already running one at `endpoint` (a Playwright server). */
export interface PrintingChromium {
  executablePath: string;
  endpoint?: string;
}

interface Printer {
  worker: workerThreads.Worker;
  /** 0 while a print runs; 1 done; 2 failed (the message is in the job's error file). */
  signal: Int32Array;
}

/**
 * The running printers, by Chromium's path (and endpoint). Each test file has its own (jest gives it its own copy
 * of this module), closed after the file by test/closePdfPrinters.ts: a printer still running when a
 * jest worker is told to stop delays its exit past the half second jest allows.
 */
const printers = new Map<string, Printer>();

/** Stops every printer of this module (their Chromium ends with them); the next print starts one. */
export async function closePdfPrinters(): Promise<void> {
  const running = [...printers.values()];
  printers.clear();
  await Promise.all(running.map((p) => p.worker.terminate()));
}

function startPrinter(chromium: PrintingChromium): Printer {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new workerThreads.Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      playwright: require.resolve('playwright-core'),
      executablePath: chromium.executablePath,
      endpoint: chromium.endpoint ?? null,
      args: ['--no-sandbox', '--headless', '--disable-gpu'],
      signal: signal.buffer,
    },
  });
  // The process may end with the printer idle: a Chromium it started ends with it (its pipe to the
  // worker closes); from a shared one, only its connection goes.
  worker.unref();
  return { worker, signal };
}

const printerKey = (chromium: PrintingChromium): string => `${chromium.executablePath}\0${chromium.endpoint ?? ''}`;

function printer(key: string, chromium: PrintingChromium): Printer {
  const running = printers.get(key);
  if (running) return running;
  const started = startPrinter(chromium);
  printers.set(key, started);
  return started;
}

/** A printer that failed is stopped; the next print starts another. */
function stop(key: string, p: Printer): void {
  printers.delete(key);
  void p.worker.terminate();
}

/** Prints an HTML document to PDF on this module's running printer (started if none); throws when it cannot. */
export function printToPdf(chromium: PrintingChromium, html: Uint8Array): Uint8Array {
  const key = printerKey(chromium);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blob-pdf-'));
  try {
    const page = path.join(dir, 'page.html');
    const pdfFile = path.join(dir, 'page.pdf');
    const errorFile = path.join(dir, 'error.txt');
    fs.writeFileSync(page, html);
    const p = printer(key, chromium);
    Atomics.store(p.signal, 0, 0);
    p.worker.postMessage({ pageUrl: pathToFileURL(page).href, pdfFile, errorFile });
    if (Atomics.wait(p.signal, 0, 0, PRINT_TIMEOUT_MS) === 'timed-out') {
      stop(key, p);
      throw new Error(`Chromium printed no PDF in ${PRINT_TIMEOUT_MS / 1000} s`);
    }
    if (Atomics.load(p.signal, 0) === 2) {
      stop(key, p);
      throw new Error(`Chromium could not print the PDF: ${fs.readFileSync(errorFile, 'utf8')}`);
    }
    return new Uint8Array(fs.readFileSync(pdfFile));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
