// The static checks of `npm test` (README.md, "Tests"), run side by side: each is a single-threaded
// tool, so on a 2-core machine two at a time take about half as long as one after another.
// Prints each check's output when it ends (never interleaved) and exits non-zero if any failed.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// The longest first, so the short ones fill the gaps.
const CHECKS = [
  ['typecheck', 'tsc', '--noEmit', '-p', 'tsconfig.json'],
  ['prettier', 'prettier', '--check', '.'],
  ['eslint', 'eslint', '.'],
  ['typecheck (Apps Script only)', 'tsc', '--noEmit', '-p', 'tsconfig.server.json'],
  ['knip', 'knip'],
  // Production mode: an export used only by tests is reported too.
  ['knip (production)', 'knip', '--production'],
];

const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` };

/** Runs one check to its end; resolves with its name, exit code, output and seconds. */
function run([name, command, ...args]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    const done = (code, error) =>
      resolve({
        name,
        code,
        output: Buffer.concat(chunks).toString() + (error ? `${error}\n` : ''),
        seconds: (Date.now() - started) / 1000,
      });
    child.on('error', (error) => done(1, error));
    child.on('close', (code) => done(code ?? 1));
  });
}

const width = Math.max(2, Math.min(availableParallelism(), 3));
const queue = [...CHECKS];
const results = [];
await Promise.all(
  Array.from({ length: width }, async () => {
    for (let check = queue.shift(); check; check = queue.shift()) {
      const result = await run(check);
      results.push(result);
      const mark = result.code === 0 ? 'ok' : `FAILED (exit ${result.code})`;
      const output = result.output.trimEnd();
      process.stdout.write(`── ${result.name}: ${mark} in ${result.seconds.toFixed(1)} s\n${output ? `${output}\n` : ''}`);
    }
  }),
);
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
if (failed.length > 0) {
  process.stderr.write(`Static checks failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
