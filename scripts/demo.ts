// `npm run demo`: builds dist/ (the npm script does that), then runs the built add-on locally over
// sample invoices for a simulated month of daily runs and prints what it would have sent.
// Nothing leaves the machine: the emails are written as .eml files. See scripts/demoLib.ts.
import { formatClients } from './demoClients';
import { DemoUsageError, USAGE, formatIntro, formatReport, parseDemoArgs, resolveDemoOptions, runDemo } from './demoLib';

async function main(argv: string[]): Promise<number> {
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  const width = Math.min(100, process.stdout.columns || 100);
  try {
    const parsed = parseDemoArgs(argv);
    if (parsed === null) {
      process.stdout.write(USAGE);
      return 0;
    }
    const options = resolveDemoOptions(parsed);
    process.stdout.write(`${formatIntro(options, { color, width }).join('\n')}\n`);
    const result = await runDemo(options);
    process.stdout.write(`${formatReport(result, { color, width })}\n`);
    process.stdout.write(`${formatClients(result)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof DemoUsageError) {
      process.stderr.write(`demo: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`demo failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`demo failed: ${String(err)}\n`);
    process.exitCode = 1;
  },
);
