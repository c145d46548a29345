// `npm run preview`: builds dist/ (the npm script does that), then serves the sidebar on localhost
// with a google.script.run shim backed by the built server code in the local Apps Script runtime,
// over sample/invoices.csv. Open the printed URL in a browser (a 300 px wide window is what Sheets
// gives the sidebar). See scripts/previewServer.ts.
import { parseArgs } from 'node:util';
import { startPreviewServer } from './previewServer';

const USAGE = `Usage: npm run preview -- [options]

Serves dist/Sidebar.html on localhost, backed by the built add-on running locally over
sample/invoices.csv. Nothing is sent anywhere.

Options:
  --port N          port to listen on (default 5173; 0 = any free port)
  --row N           the selected row on 'Invoices' (default 2)
  --today DATE      today in the spreadsheet's zone, YYYY-MM-DD (default 2026-11-26)
  --history DATE    simulate daily runs from DATE to yesterday first (default 2026-09-16;
                    'none' for a fresh sheet)
  --latency MS      delay every server call, to see the progress states (default 300)
  --quiet           do not log the calls
  --help            show this help

While it runs, select another row with:
  curl -X POST -d '{"row":5}' http://127.0.0.1:PORT/__select
then click "Use selected row" in the sidebar.
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      row: { type: 'string' },
      today: { type: 'string' },
      history: { type: 'string' },
      latency: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const whole = (text: string | undefined, fallback: number, flag: string): number => {
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text)) throw new Error(`${flag} must be a whole number (got '${text}').`);
    return Number(text);
  };
  const history = values.history === 'none' ? null : (values.history ?? '2026-09-16');
  const started = Date.now();
  const preview = await startPreviewServer({
    port: whole(values.port, 5173, '--port'),
    selectRow: whole(values.row, 2, '--row'),
    latencyMs: whole(values.latency, 300, '--latency'),
    today: values.today ?? '2026-11-26',
    historyFrom: history,
    verbose: !values.quiet,
  });
  const days = history ? ` after simulated daily runs from ${history}` : '';
  process.stdout.write(
    `Sidebar preview (sample/invoices.csv${days}, ready in ${Date.now() - started} ms):\n\n  ${preview.url}\n\n` +
      `Row ${values.row ?? 2} of 'Invoices' is selected. Change it with\n` +
      `  curl -X POST -d '{"row":5}' ${preview.url}__select\n` +
      `then click "Use selected row". Ctrl+C stops the server.\n\n`,
  );
  const stop = (): void => {
    void preview.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`preview failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
