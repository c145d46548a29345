// `npm test` (README.md, "Tests"): the static checks, one build of dist/ (with the source map that
// coverage needs), then jest twice:
//   1. with coverage: the domain and use-case unit tests, the local runtime's tests and the
//      integration tests of the built add-on. These cover 99% of src/; the threshold applies here.
//   2. without coverage: the simulations (fault matrix, platforms, bad-input corpus), the browser
//      tests of the sidebar and the demo. V8's coverage counters slow these long CPU-bound runs by a
//      third and added 0.3% of src/ lines.
// Every folder of test/ belongs to exactly one of the two runs (checked below).
// Arguments go to both jest runs (`npm test -- test/domain`); `npx jest <path>` skips the checks.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSharedChromium } from '../test/browser/sharedChromium.cjs';
import { buildAll } from './build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const COVERED = ['domain', 'app', 'local', 'integration'];
const SIMULATIONS = ['reliability', 'browser', 'demo'];
const started = Date.now();

/** Runs a node script with the terminal as its output; resolves with its exit code. */
function runNode(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const folders = readdirSync(join(root, 'test'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && readdirSync(join(root, 'test', e.name)).some((f) => f.endsWith('.test.ts')))
  .map((e) => e.name);
const unplaced = folders.filter((f) => !COVERED.includes(f) && !SIMULATIONS.includes(f));
if (unplaced.length > 0) {
  console.error(`scripts/test.mjs: put test/${unplaced.join(', test/')} in COVERED or SIMULATIONS.`);
  process.exit(1);
}

const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const jestBin = join(root, 'node_modules/jest/bin/jest.js');
// Two jest workers already keep two cores busy. V8's helper threads (parallel garbage collection,
// background compilation) then only compete with the other worker: on 2 cores, with them off in
// jest and its workers (which inherit the flag), the coverage run took 47 s instead of 56 and the
// second run 89 s instead of 96. With more cores they have room and stay on.
const jest = availableParallelism() <= 2 ? ['--single-threaded', jestBin] : [jestBin];
const paths = (list) => list.map((f) => join(root, 'test', f));
// Before `--roots`, whose list would swallow them.
const extra = process.argv.slice(2);
// `npm test -- <pattern>` may match files of one run only: the other then has nothing to run.
if (extra.length > 0) extra.push('--passWithNoTests');

let code = await runNode([join(root, 'scripts/checks.mjs')]);
// One Chromium for both jest runs: the browser tests and the PDF printer (test/browser/sharedChromium.cjs).
// A Chromium that cannot start leaves the browser tests to start their own (and say why they cannot).
const chromium = code === 0 ? startSharedChromium().catch(() => null) : null;
if (code === 0) {
  try {
    await buildAll({ sourcemap: true });
  } catch (err) {
    console.error(`build failed: ${err.message}`);
    code = 1;
  }
}
if (code === 0) code = await runNode([...jest, ...extra, '--coverage', '--roots', ...paths(COVERED)]);
if (code === 0) code = await runNode([...jest, ...extra, '--roots', ...paths(SIMULATIONS)]);
await (await chromium)?.close();
console.log(`npm test: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds()}`);
process.exit(code);
