// One Chromium for the whole `npm test` (scripts/test.mjs starts it before the jest runs and stops
// it after): every browser test file, and the local runtime's PDF printer (local/pdfPrinter.ts),
// connect to it through the endpoint in LOCAL_CHROMIUM_WS instead of starting their own (a start
// costs about 2.5 s of CPU). Without it (`npx jest test/browser/x.test.ts`) each file starts its
// own (test/browser/browser.ts), and so does each printing test file.
const fs = require('node:fs');
const { chromium } = require('playwright-core');

// The same Chromium, flags and variable as test/browser/browser.ts; the printer's default Chromium
// (local/blob.ts) is this path too.
const { executablePath, args, endpointVariable } = require('./chromium.json');

/** Starts the shared Chromium and puts its endpoint in the environment the jest runs inherit; null when it is not installed. */
async function startSharedChromium() {
  // Missing Chromium: leave it to the test files, which fail with a message saying how to install it.
  if (!fs.existsSync(executablePath)) return null;
  const server = await chromium.launchServer({ executablePath, args, headless: true });
  process.env[endpointVariable] = server.wsEndpoint();
  return server;
}

module.exports = { startSharedChromium };
