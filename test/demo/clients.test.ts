// The demo's closing sections (README "The day-14 call" and "Learning from every client"): the calls
// on the days the summaries listed them, the client table with its advice, and the aging chart.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { callsOnTheirDays, formatClients } from '../../scripts/demoClients';
import { runDemo } from '../../scripts/demoLib';

jest.setTimeout(120_000);

it('prints the calls on their days, the client table and the aging as a text chart', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-clients-'));
  try {
    const result = await runDemo({ out });
    // Each call on the day its escalation went out, as the summary of that day said it.
    const calls = callsOnTheirDays(result).filter((l) => /^\d{4}-/.test(l));
    expect(calls.length).toBeGreaterThan(0);
    for (const line of calls) {
      const [day] = line.split(' ');
      const summary = result.emails.find((e) => e.date === day && e.invoices.length === 0)!;
      expect(summary.text).toContain(line.slice(12));
      const invoice = /about invoice (\S+):/.exec(line)![1]!;
      const escalation = result.events.find((e) => e.invoice === invoice && e.stage === 'escalate' && e.kind === 'sent');
      expect(escalation?.date).toBe(day);
    }
    const text = formatClients(result);
    expect(text).toContain('Calls to make (listed in the daily summary on the day each became due)');
    expect(text).toMatch(/Clients on 2026-12-01\n\s+Client\s+Invoices\s+Paid/);
    // Blue Heron Café paid 8 days late (due Oct 20, paid Oct 28): no advice at that.
    expect(text).toMatch(/Blue Heron Café\s+1\s+1\s+8\s+0%\s+8\s+0\s+—\n/);
    expect(text).toMatch(/Aging of unpaid balances\n\s+EUR\n\s+Not yet due/);
    expect(text).toMatch(/1–30 days\s+█+ €1,750\.00/);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
