// The fault matrix over a month of client emails (docs/escalation.md "One email per client"): clients
// with several invoices, daily runs with two overlapping ones, and each fault class of the matrix
// failing some call of the month. After each month: no invoice-stage twice, no client two emails in a
// day or closer than minGapDays, every email logged per invoice, and every stage of the fault-free
// month sent, held for review, or logged as not sent.
import { addDays, setUp, type Row } from '../integration/harness';
import { CLASSES, classLabel, runFaultedMonth, sample, type FaultClass } from './faults';
import { recordMonth, runMonth, START, startAtCall, TIME_ZONE } from './month';

const MIN_GAP = 3;

const ROWS: Row[] = [
  { invoice: 'N-1', client: 'Northwind', email: 'pat@northwind.test', due: addDays(START, -10), amount: 900 },
  { invoice: 'N-2', client: 'Northwind', email: 'pat@northwind.test', due: addDays(START, -3), amount: 300 },
  { invoice: 'N-3', client: 'Northwind', email: 'pat@northwind.test', billing: 'ap@northwind.test', due: START, amount: 1200 },
  { invoice: 'N-4', client: 'Northwind', email: 'pat@northwind.test', due: addDays(START, 5), amount: 450 },
  { invoice: 'K-1', client: 'Contoso', email: 'kim@contoso.test', due: addDays(START, -1), amount: 800 },
  { invoice: 'K-2', client: 'Contoso', email: 'kim@contoso.test', due: addDays(START, 8), amount: 150 },
  { invoice: 'F-1', client: 'Fabrikam', email: 'lee@fabrikam.test', due: addDays(START, 2), amount: 2000 },
];
const CLIENT_OF = new Map(ROWS.map((r) => [r.invoice, r.client ?? '']));

type Month = ReturnType<typeof setUp>;

function newGroupedMonth(): Month {
  const t = setUp({ today: START, rows: ROWS, timeZone: TIME_ZONE, settings: { minGapDays: MIN_GAP } });
  t.ensureTrigger();
  t.runtime.calls.reset();
  return t;
}

// One formatter for every call: the invariants read the day of each email after every run.
const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const dayIn = (iso: string): string => DAY_FORMAT.format(new Date(iso));

/** The invoices an email covers: a single invoice's subject, or the list of a client email. */
function invoicesOf(mail: { subject: string; text: string }): string[] {
  const single = /^Invoice (\S+) from /.exec(mail.subject);
  if (single) return [single[1]!];
  return [...mail.text.matchAll(/^- Invoice (\S+):/gm)].map((m) => m[1]!);
}

const stageKey = (r: Record<string, string>): string => `${r.Invoice}:${r.Stage}`;

/** The invariants of one month; `baseline` is the fault-free month's sent stages. */
function violations(t: Month, baseline: string[] | null): string[] {
  const problems: string[] = [];
  const log = t.log();
  const mayHaveGone = log.filter((r) => r.Outcome === 'sent' || r.Outcome === 'unsure');
  // (a) no invoice-stage twice
  const keys = mayHaveGone.map(stageKey);
  for (const k of new Set(keys)) if (keys.filter((x) => x === k).length > 1) problems.push(`(a) duplicate: ${k}`);
  // (g) one email per client per day, minGapDays apart
  const days = new Map<string, string[]>();
  const mailsOf = new Map<string, number>();
  // Emails to the user themselves (the summary, the add-on's alerts) are not follow-ups.
  for (const m of t.sent().filter((x) => !(x.to.length === 1 && x.to[0] === t.runtime.options.userEmail))) {
    const invoices = invoicesOf(m);
    const clients = new Set(invoices.map((i) => CLIENT_OF.get(i)));
    if (invoices.length === 0 || clients.size !== 1) problems.push(`(g) an email for no single client: ${m.subject}`);
    const client = CLIENT_OF.get(invoices[0] ?? '') ?? '?';
    days.set(client, [...(days.get(client) ?? []), dayIn(m.at)]);
    for (const i of invoices) mailsOf.set(i, (mailsOf.get(i) ?? 0) + 1);
  }
  for (const [client, list] of days)
    for (let i = 1; i < list.length; i++)
      if ((Date.parse(list[i]!) - Date.parse(list[i - 1]!)) / 86_400_000 < MIN_GAP)
        problems.push(`(g) ${client}: emails on ${list[i - 1]} and ${list[i]}`);
  // (d) every email has a log row per invoice (sent, or unsure when the run could not tell), and no sent row without an email
  for (const invoice of CLIENT_OF.keys()) {
    const mails = mailsOf.get(invoice) ?? 0;
    const sent = log.filter((r) => r.Invoice === invoice && r.Outcome === 'sent').length;
    const unsure = log.filter((r) => r.Invoice === invoice && r.Outcome === 'unsure').length;
    if (mails > sent + unsure) problems.push(`(d) ${invoice}: in ${mails} emails, ${sent + unsure} sent/unsure log rows`);
    if (sent > mails) problems.push(`(d) ${invoice}: ${sent} sent log rows, in ${mails} emails`);
  }
  // (b) every stage of the fault-free month: sent, held for review, or logged as not sent (maybe superseded)
  const statuses = t.statuses();
  for (const k of baseline ?? []) {
    const [invoice] = k.split(':');
    if (log.some((r) => stageKey(r) === k && r.Outcome !== 'preview')) continue;
    if (statuses[invoice!]?.Status === 'Needs review') continue;
    problems.push(`(b) ${k} never went out and nothing says why`);
  }
  return problems;
}

const base = newGroupedMonth();
const baseRun = runMonth(base);
const baseline = base
  .log()
  .filter((r) => r.Outcome === 'sent')
  .map(stageKey);

describe('a month of client emails, fault-free', () => {
  it('sends client emails listing several invoices, and keeps every invariant', () => {
    expect(baseRun.throws).toEqual([]);
    expect(base.sent().filter((m) => invoicesOf(m).length > 1).length).toBeGreaterThan(0);
    expect(
      base.log().filter((r) => r.Outcome === 'queued' && /one email per client/.test(r.Result ?? '')).length,
    ).toBeGreaterThan(0);
    expect(violations(base, baseline)).toEqual([]);
    expect(baseline.length).toBeGreaterThan(12);
  });
});

// Each faulted month starts on its fault's day from this fault-free month's saved state (month.ts).
const recorded = recordMonth(newGroupedMonth());

/** The first and last call of each class (the send's classes two more): the matrix proper runs on the per-invoice month. */
const samplesOf = (c: FaultClass): number => (c.method === 'MailApp.sendEmail' ? 4 : 2);

describe.each(CLASSES.map((c) => [classLabel(c), c] as const))('fault on %s', (_title, c) => {
  it('0 duplicates, one email per client per gap, every email logged', () => {
    const total = baseRun.calls[c.method] ?? 0;
    const failures: string[] = [];
    for (const nth of sample(total, samplesOf(c))) {
      const start = startAtCall(recorded, c.method, nth);
      const { t } = start;
      // A kill class ends the run at that call (its unflushed writes lost), as in the matrix proper.
      const { fired, result: run } = runFaultedMonth(start, c);
      if (!fired) failures.push(`call ${nth}: the fault never fired`);
      for (const v of violations(t, baseline)) failures.push(`call ${nth}: ${v}`);
      // A killed run ends in the platform's exception: that is the kill, not the add-on throwing.
      if (c.method !== 'SpreadsheetApp.openById' && !c.kill && run.throws.length > 0)
        failures.push(`call ${nth}: the daily run threw`);
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
