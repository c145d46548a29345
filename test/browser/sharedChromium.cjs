// Jest global setup and teardown for the browser tests (scripts/test.mjs passes them to the run
// that holds test/browser): one Chromium for every browser test file instead of one per file
// (starting Chromium took about 1.4 s each time). Test files connect to it through the endpoint in
// INVOICE_FOLLOWUPS_CHROMIUM_WS; without it (`npx jest test/browser/x.test.ts`) each file starts
// its own (test/browser/browser.ts).
const fs = require('node:fs');
const { chromium } = require('playwright-core');

// The same Chromium, flags and variable as test/browser/browser.ts.
const { executablePath, args, endpointVariable } = require('./chromium.json');

async function setup() {
  // Missing Chromium: leave it to the test files, which fail with a message saying how to install it.
  if (!fs.existsSync(executablePath)) return;
  const server = await chromium.launchServer({ executablePath, args, headless: true });
  globalThis.__sharedChromium = server;
  process.env[endpointVariable] = server.wsEndpoint();
}

async function teardown() {
  await globalThis.__sharedChromium?.close();
}

module.exports = { setup, teardown };
