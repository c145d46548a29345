// One email per client as a property of the built add-on (docs/escalation.md "One email per client"):
// for random invoices of 2–4 clients and random run calendars (days with holes, sometimes two runs
// a day), no client gets two emails on one day or closer than minGapDays, no invoice gets a stage
// twice, and every email sent has its log rows.
import fc from 'fast-check';
import { addDays, setUp, type Row } from './harness';

const START = '2026-11-02';

interface Scenario {
  clients: Array<{ dues: number[]; billing: boolean[] }>;
  minGapDays: number;
  /** Per calendar day: 0 no run, 1 one run, 2 two runs. */
  calendar: number[];
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  clients: fc.array(
    fc
      .array(fc.tuple(fc.integer({ min: -25, max: 15 }), fc.boolean()), { minLength: 1, maxLength: 5 })
      .map((list) => ({ dues: list.map(([d]) => d), billing: list.map(([, b]) => b) })),
    { minLength: 2, maxLength: 4 },
  ),
  minGapDays: fc.integer({ min: 1, max: 5 }),
  calendar: fc.array(fc.constantFrom(0, 1, 1, 1, 2), { minLength: 10, maxLength: 30 }),
});

function rowsOf(s: Scenario): { rows: Row[]; clientOf: Map<string, number> } {
  const rows: Row[] = [];
  const clientOf = new Map<string, number>();
  s.clients.forEach((c, i) =>
    c.dues.forEach((due, j) => {
      const invoice = `C${i}-${j}`;
      clientOf.set(invoice, i);
      rows.push({
        invoice,
        client: `Client ${i}`,
        email: `pay@client${i}.test`,
        billing: c.billing[j] ? `ap@client${i}.test` : '',
        due: addDays(START, due),
        amount: 100 * (j + 1),
      });
    }),
  );
  return { rows, clientOf };
}

/** The invoices an email covers: a single invoice's subject, or the list of a client email. */
function invoicesOf(mail: { subject: string; text: string }): string[] {
  const single = /^Invoice (\S+) from /.exec(mail.subject);
  if (single) return [single[1]!];
  return [...mail.text.matchAll(/^- Invoice (\S+):/gm)].map((m) => m[1]!);
}

/** Client emails listing several invoices, over every scenario tried (the property must exercise them). */
let listed = 0;

function violations(s: Scenario, groupByClient = true): string[] {
  const { rows, clientOf } = rowsOf(s);
  const t = setUp({ today: START, rows, settings: { minGapDays: s.minGapDays, groupByClient } });
  s.calendar.forEach((runs, d) => {
    for (let r = 0; r < runs; r++) {
      t.goTo(addDays(START, d), 9 + 6 * r);
      t.daily();
    }
  });
  const problems: string[] = [];
  const daysByClient = new Map<number, string[]>();
  const mailsByInvoice = new Map<string, number>();
  for (const mail of t.sent()) {
    const invoices = invoicesOf(mail);
    if (invoices.length > 1) listed++;
    const clients = new Set(invoices.map((i) => clientOf.get(i)));
    if (invoices.length === 0 || clients.size !== 1) problems.push(`an email for no single client: ${mail.subject}`);
    const client = clientOf.get(invoices[0] ?? '') ?? -1;
    daysByClient.set(client, [...(daysByClient.get(client) ?? []), mail.at.slice(0, 10)]);
    for (const i of invoices) mailsByInvoice.set(i, (mailsByInvoice.get(i) ?? 0) + 1);
  }
  for (const [client, days] of daysByClient) {
    for (let i = 1; i < days.length; i++) {
      const gap = (Date.parse(days[i]!) - Date.parse(days[i - 1]!)) / 86_400_000;
      if (gap < s.minGapDays) problems.push(`client ${client}: emails on ${days[i - 1]} and ${days[i]} (gap ${s.minGapDays})`);
    }
  }
  const sentRows = t.log().filter((r) => r.Outcome === 'sent');
  const stages = sentRows.map((r) => `${r.Invoice}:${r.Stage}`);
  for (const k of new Set(stages)) if (stages.filter((x) => x === k).length > 1) problems.push(`${k} sent twice`);
  for (const [invoice, n] of mailsByInvoice) {
    const logged = sentRows.filter((r) => r.Invoice === invoice).length;
    if (logged !== n) problems.push(`${invoice}: in ${n} emails, ${logged} sent log rows`);
  }
  return problems;
}

describe('one email per client, over random invoices and run calendars', () => {
  it('no client gets two emails a day or closer than minGapDays; no invoice gets a stage twice', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(violations(s)).toEqual([]);
      }),
      { numRuns: 20 },
    );
    expect(listed).toBeGreaterThan(0);
  }, 60_000);

  it('the check can fail: with grouping off, one client gets two emails on one day', () => {
    const s: Scenario = {
      clients: [
        { dues: [-2, -9], billing: [false, false] },
        { dues: [-1], billing: [false] },
      ],
      minGapDays: 3,
      calendar: [1],
    };
    expect(violations(s, false)).toEqual(['client 0: emails on 2026-11-02 and 2026-11-02 (gap 3)']);
    expect(violations(s)).toEqual([]);
  });
});
