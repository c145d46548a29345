// The demo (`npm run demo`): runs the BUILT add-on (dist/, built before jest by `npm test`) over the
// bundled sample for a simulated month and writes each email as a .eml file. These tests read the
// files back with a real mail parser, as a mail app would.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { parseCsv, type SentMail } from '../../local';
import { defaultSettings } from '../../src/domain/settings';
import {
  DemoUsageError,
  composeEml,
  formatIntro,
  formatReport,
  logRowOutcome,
  parseDemoArgs,
  resolveDemoOptions,
  runDemo,
  safeFilePart,
  wallInstant,
  type DemoResult,
} from '../../scripts/demoLib';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const SENDER = 'Sam Rivera Design';
const ME = 'me@example.com';

jest.setTimeout(120_000);

function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `demo-${label}-`));
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
}

interface Eml {
  file: string;
  date: string;
  /** The invoices the email is about (one, or several for a client email). */
  invoices: string[];
  /** The stage its wording follows (the most advanced of its invoices'). */
  stage: string;
  /** 'invoice/stage' of each log row the email carried. */
  pairs: string[];
  mail: ParsedMail;
  raw: string;
}

// One invoice: 2026-11-02_INV-2026-041_reminder.eml; a client email: 2026-11-02_Northwind-Studio_2-invoices_reminder.eml.
const NAME =
  /^(\d{4}-\d{2}-\d{2})_(?:(INV-\d{4}-\d{3})|([A-Za-z0-9._-]+)_(\d+)-invoices)_(reminder|firm|escalate|formal|promiseMissed)\.eml$/;
const SUMMARY_NAME = /^(\d{4}-\d{2}-\d{2})_daily-summary\.eml$/;

/** The emails to clients (the daily summaries to the user are read by readSummaries), with what the demo paired them with. */
async function readEmls(dir: string, result: DemoResult): Promise<Eml[]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml') && !SUMMARY_NAME.test(f))
    .sort();
  const out: Eml[] = [];
  for (const f of files) {
    const m = NAME.exec(f);
    if (!m) throw new Error(`unexpected .eml file name: ${f}`);
    const email = result.emails.find((e) => path.basename(e.file) === f);
    if (!email) throw new Error(`${f} is not in the demo's result`);
    // The name says what the file holds: the invoice, or the client and how many invoices.
    if (m[2] !== undefined) expect(email.invoices).toEqual([m[2]]);
    else expect([m[3], email.invoices.length]).toEqual([email.client.replace(/[^A-Za-z0-9._-]+/g, '-'), Number(m[4])]);
    expect(email.stage).toBe(m[5]);
    const pairs = result.events.filter((e) => e.kind === 'sent' && e.file === email.file).map((e) => `${e.invoice}/${e.stage}`);
    const raw = fs.readFileSync(path.join(dir, f), 'utf8');
    out.push({ file: f, date: m[1]!, invoices: email.invoices, stage: m[5]!, pairs, mail: await simpleParser(raw), raw });
  }
  return out;
}

/** The emails about `invoice`. */
const about = (emls: Eml[], invoice: string): Eml[] => emls.filter((e) => e.invoices.includes(invoice));

/** The daily summaries the add-on emailed to the user, by day. */
async function readSummaries(dir: string): Promise<Array<{ date: string; mail: ParsedMail }>> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => SUMMARY_NAME.test(f))
    .sort();
  const out: Array<{ date: string; mail: ParsedMail }> = [];
  for (const f of files)
    out.push({ date: SUMMARY_NAME.exec(f)![1]!, mail: await simpleParser(fs.readFileSync(path.join(dir, f))) });
  return out;
}

/** The sample sheet as records keyed by invoice. */
function sampleRows(): Map<string, Record<string, string>> {
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(ROOT, 'sample', 'invoices.csv'), 'utf8'));
  return new Map(
    rows.filter((r) => r.length > 1).map((r) => [r[0]!, Object.fromEntries(header!.map((h, i) => [h, r[i] ?? '']))]),
  );
}

function tableRow(result: DemoResult, invoice: string): Record<string, string> {
  const row = result.table.rows.find((r) => r[0] === invoice);
  if (!row) throw new Error(`no row ${invoice} in the final table`);
  return Object.fromEntries(result.table.headers.map((h, i) => [h, row[i] ?? '']));
}

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'Code.js'))) {
    throw new Error('dist/Code.js is missing: run `node scripts/build.mjs` (npm test builds before jest).');
  }
});

const sample = sampleRows();

describe('the default month over the bundled sample', () => {
  let out: string;
  let result: DemoResult;
  let emls: Eml[];
  let summaries: Array<{ date: string; mail: ParsedMail }>;

  beforeAll(async () => {
    out = tempDir('default');
    fs.writeFileSync(path.join(out, 'stale.eml'), 'From: old run\n\nold');
    fs.writeFileSync(path.join(out, 'keep-me.txt'), 'not an email');
    result = await runDemo({ out });
    emls = await readEmls(out, result);
    summaries = await readSummaries(out);
  });

  test('writes one .eml file per email, the final sheet and the log, and clears old .eml files', () => {
    expect(emls.length).toBeGreaterThanOrEqual(10);
    expect(result.emails).toHaveLength(emls.length + summaries.length);
    expect(
      result.files.emails
        .map((f) => path.basename(f))
        .filter((f) => !SUMMARY_NAME.test(f))
        .sort(),
    ).toEqual(emls.map((e) => e.file));
    for (const f of result.files.emails) expect(fs.existsSync(f)).toBe(true);
    expect(fs.existsSync(path.join(out, 'stale.eml'))).toBe(false);
    expect(fs.readFileSync(path.join(out, 'keep-me.txt'), 'utf8')).toBe('not an email');

    const sheet = parseCsv(fs.readFileSync(result.files.invoicesCsv, 'utf8'));
    expect(sheet[0]).toEqual(
      expect.arrayContaining(['Invoice', 'Status', 'Stage', 'Days Overdue', 'Last Follow-up', 'Next Follow-up']),
    );
    expect(sheet).toHaveLength(14);
    const log = parseCsv(fs.readFileSync(result.files.logCsv, 'utf8'));
    expect(log[0]).toEqual([
      'Timestamp',
      'Invoice',
      'Client',
      'Stage',
      'Recipients',
      'Subject',
      'Result',
      'Gmail Thread',
      'Outcome',
      'Promised Date',
    ]);
    // One .eml per email sent: a client email logs one row per invoice, with the same time, client, subject and recipients.
    const sentRows = log.filter((r) => r[6] === 'sent' && r[1] !== '');
    expect(sentRows).toHaveLength(emls.reduce((n, e) => n + e.invoices.length, 0));
    expect(new Set(sentRows.map((r) => [r[0], r[2], r[4], r[5]].join('|'))).size).toBe(emls.length);
    expect(emls.filter((e) => e.invoices.length > 1).length).toBeGreaterThanOrEqual(4);
    expect(log.filter((r) => r[6] === 'sent' && r[8] === 'summary')).toHaveLength(summaries.length);
  });

  test('one email per client per day', () => {
    const clientDays = emls.map((e) => `${e.date} ${sample.get(e.invoices[0]!)!['Client']}`);
    expect(new Set(clientDays).size).toBe(clientDays.length);
    for (const e of emls) {
      const clients = new Set(e.invoices.map((inv) => sample.get(inv)!['Client']));
      expect(clients.size).toBe(1);
    }
  });

  test('each email is from the sender at the user address, sent at 09:00 New York time on its day', () => {
    for (const e of emls) {
      expect(e.mail.from?.value).toEqual([{ address: ME, name: SENDER }]);
      // November 2026 in New York is EST (UTC-5): 09:00 local is 14:00 UTC.
      expect(e.mail.date?.toISOString()).toBe(`${e.date}T14:00:00.000Z`);
      expect(e.raw).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
      expect(e.raw).toMatch(/^Content-Type: text\/html; charset=utf-8$/m);
    }
  });

  test('recipients follow the stage: billing contact for escalate (usual contact in Cc), billing contact copied on formal', () => {
    for (const e of emls) {
      const row = sample.get(e.invoices[0]!)!;
      // A client email goes to the contacts its invoices share.
      for (const inv of e.invoices)
        expect([sample.get(inv)!['Email'], sample.get(inv)!['Billing Email']]).toEqual([row['Email'], row['Billing Email']]);
      const usual = row['Email']!.toLowerCase();
      const billing = row['Billing Email']!.toLowerCase();
      const to = addresses(e.mail.to);
      const cc = addresses(e.mail.cc);
      if (e.stage === 'escalate') {
        // Without a billing contact the escalation goes to the usual contact, asking them to pass it on.
        expect(to).toEqual([billing === '' ? usual : billing]);
        expect(cc).toEqual(billing === '' ? [] : [usual]);
      } else if (e.stage === 'formal' || e.stage === 'promiseMissed') {
        expect(to).toEqual([usual]);
        expect(cc).toEqual(billing === '' ? [] : [billing]);
      } else {
        expect(to).toEqual([usual]);
        expect(cc).toEqual([]);
      }
      expect(addresses(e.mail.bcc)).toEqual([]);
    }
    const escalate041 = about(emls, 'INV-2026-041').find((e) => e.stage === 'escalate')!;
    expect(addresses(escalate041.mail.to)).toEqual(['ap@northwind.example']);
    expect(addresses(escalate041.mail.cc)).toEqual(['priya@northwind.example']);
    expect(emls.filter((e) => e.stage === 'escalate').length).toBeGreaterThanOrEqual(2);
    expect(emls.filter((e) => e.stage === 'formal').length).toBeGreaterThanOrEqual(2);
  });

  test('subjects: "Invoice <number> from <sender>" for one invoice, "<n> overdue invoices from <sender>" for several', () => {
    const byInvoice = new Map<string, Set<string>>();
    for (const e of emls) {
      const subject =
        e.invoices.length === 1
          ? `Invoice ${e.invoices[0]} from ${SENDER}`
          : `${e.invoices.length} overdue invoices from ${SENDER}`;
      expect(e.mail.subject).toBe(subject);
      for (const inv of e.invoices) {
        byInvoice.set(inv, (byInvoice.get(inv) ?? new Set()).add(e.mail.subject ?? ''));
        expect(e.mail.text).toContain(inv);
      }
    }
    // An invoice followed up alone, or always with the same other one, keeps one subject all month.
    for (const subjects of byInvoice.values()) expect(subjects.size).toBe(1);
    expect([...byInvoice.keys()].sort()).toEqual([
      'INV-2026-041',
      'INV-2026-043',
      'INV-2026-047',
      'INV-2026-048',
      'INV-2026-049',
      'INV-2026-051',
      'INV-2026-053',
    ]);
  });

  test('the partly paid invoice quotes its balance ($2,000.00), never the full $3,000.00', () => {
    const partial = about(emls, 'INV-2026-043');
    expect(partial.map((e) => e.stage)).toEqual(expect.arrayContaining(['firm', 'escalate', 'formal']));
    for (const e of partial) {
      expect(e.mail.text).toContain('$2,000.00');
      expect(e.mail.text).not.toContain('3,000');
      expect(e.mail.html || '').toContain('$2,000.00');
    }
  });

  test('UTF-8 survives: Müller & Söhne GmbH in the text, escaped once in the HTML', () => {
    const mueller = about(emls, 'INV-2026-047');
    expect(mueller.length).toBeGreaterThanOrEqual(3);
    const named = mueller.filter((e) => (e.mail.text ?? '').includes('Müller & Söhne GmbH'));
    expect(named.length).toBeGreaterThanOrEqual(1);
    for (const e of named) expect(e.mail.html || '').toContain('Müller &amp; Söhne GmbH');
    // The euro invoice is in euros.
    expect(mueller.some((e) => (e.mail.text ?? '').includes('€1,750.00'))).toBe(true);
  });

  test('nothing for the paid, paused, disputed and broken invoices', () => {
    const quiet = ['INV-2026-042', 'INV-2026-044', 'INV-2026-045', 'INV-2026-046', 'INV-2026-050', 'INV-2026-052'];
    const quietAddresses = quiet
      .flatMap((inv) => [sample.get(inv)!['Email']!, sample.get(inv)!['Billing Email']!])
      .filter((a) => a !== '');
    for (const e of emls) {
      for (const inv of e.invoices) expect(quiet).not.toContain(inv);
      for (const a of [...addresses(e.mail.to), ...addresses(e.mail.cc), ...addresses(e.mail.bcc)])
        expect(quietAddresses).not.toContain(a);
      for (const inv of quiet) expect(e.mail.subject).not.toContain(inv);
    }
    expect(result.events.filter((ev) => ev.kind === 'sent' && quiet.includes(ev.invoice))).toEqual([]);
  });

  test('each (invoice, stage) is sent at most once, in the files and in the log', () => {
    const pairs = emls.flatMap((e) => e.pairs);
    expect(new Set(pairs).size).toBe(pairs.length);
    // Every sent row is paired with an email of its day (none shown as "went out on an earlier run").
    expect(result.events.filter((e) => e.kind === 'sent' && e.invoice !== '' && e.file === null)).toEqual([]);
    // Each email carries one row per invoice it lists.
    for (const e of emls) expect(e.pairs.map((p) => p.split('/')[0]).sort()).toEqual([...e.invoices].sort());
    const logged = result.log
      .slice(1)
      .filter((r) => r[6] === 'sent' && r[1] !== '')
      .map((r) => `${r[1]}/${r[3]}`);
    expect(new Set(logged).size).toBe(logged.length);
    expect(logged.sort()).toEqual([...pairs].sort());
  });

  test('the final table shows why the quiet rows got nothing', () => {
    expect(result.table.headers).toEqual([
      'Invoice',
      'Client',
      'Status',
      'Stage',
      'Days Overdue',
      'Last Follow-up',
      'Next Follow-up',
    ]);
    expect(result.table.rows).toHaveLength(13);
    expect(tableRow(result, 'INV-2026-042')['Status']).toBe('Paid');
    expect(tableRow(result, 'INV-2026-045')['Status']).toBe('Paused');
    expect(tableRow(result, 'INV-2026-044')['Status']).toBe('Disputed');
    expect(tableRow(result, 'INV-2026-046')['Status']).toMatch(/^Error: .*leo@@brightside\.example/);
    expect(tableRow(result, 'INV-2026-050')['Status']).toMatch(/^Error: .*TBD/);
    expect(tableRow(result, 'INV-2026-049')['Status']).toBe('Decide next step');
    // Every row with a follow-up shows the last stage sent and when.
    const last041 = about(emls, 'INV-2026-041').pop()!;
    expect(tableRow(result, 'INV-2026-041')['Stage']).toBe(last041.stage);
    expect(tableRow(result, 'INV-2026-041')['Last Follow-up']).toBe(last041.date);
    expect(tableRow(result, 'INV-2026-041')['Client']).toBe('Northwind Studio');
  });

  test('the timeline reports sends, skips with their reason, held and broken rows', () => {
    expect(result.days).toHaveLength(30);
    expect(result.days[0]!.date).toBe('2026-11-02');
    expect(result.days[29]!.date).toBe('2026-12-01');
    const first = result.days[0]!.events;
    expect(first).toContainEqual(
      expect.objectContaining({ kind: 'sent', invoice: 'INV-2026-041', stage: 'reminder', to: ['priya@northwind.example'] }),
    );
    expect(first).toContainEqual(
      expect.objectContaining({
        kind: 'skipped',
        invoice: 'INV-2026-049',
        stage: 'firm',
        result: 'skipped: superseded by the formal notice',
      }),
    );
    expect(first).toContainEqual(expect.objectContaining({ kind: 'held', invoice: 'INV-2026-044', result: 'Disputed' }));
    expect(first).toContainEqual(expect.objectContaining({ kind: 'error', invoice: 'INV-2026-046' }));
    expect(result.events.filter((e) => e.kind === 'failed' || e.kind === 'stopped')).toEqual([]);
    // Held and broken rows are reported once, not every day.
    expect(result.events.filter((e) => e.invoice === 'INV-2026-044' && e.kind === 'held')).toHaveLength(1);
    expect(result.totals).toEqual(
      expect.objectContaining({ emails: emls.length, summaries: summaries.length, invoices: 13, rowErrors: 2, failed: 0 }),
    );
  });

  test('a client with several invoices: Northwind Studio gets one email for both, on the same days, in the words of the stage', () => {
    const northwind = about(emls, 'INV-2026-041');
    expect(northwind.map((e) => `${e.date} ${e.stage}`)).toEqual([
      '2026-11-02 reminder',
      '2026-11-08 firm',
      '2026-11-15 escalate',
      '2026-11-22 formal',
    ]);
    expect(about(emls, 'INV-2026-051')).toEqual(northwind);
    const words: Record<string, RegExp> = {
      reminder: /past (their|its) due date/,
      firm: /confirm the payment status/,
      escalate: /pass (this message|it) (on )?to/,
      formal: /formal notice/i,
    };
    for (const e of northwind) {
      expect(e.invoices).toEqual(['INV-2026-041', 'INV-2026-051']);
      // Each invoice is recorded at the stage the email's wording follows, both balances in the one email.
      expect(e.pairs).toEqual([`INV-2026-041/${e.stage}`, `INV-2026-051/${e.stage}`]);
      // In the words of its stage, and of no other.
      for (const [stage, marker] of Object.entries(words))
        if (stage === e.stage) expect(e.mail.text).toMatch(marker);
        else expect(e.mail.text).not.toMatch(marker);
      expect(e.mail.text).toContain('$2,400.00');
      expect(e.mail.text).toContain('$1,200.00');
    }
    expect(result.totals.byClient).toContainEqual({ client: 'Northwind Studio', emails: 4, invoices: 2, followUps: 8 });
  });

  test('a promise kept: no follow-up while it holds, then paid, never emailed', () => {
    expect(about(emls, 'INV-2026-052')).toEqual([]);
    expect(result.days[0]!.events).toContainEqual(
      expect.objectContaining({ kind: 'held', invoice: 'INV-2026-052', result: 'Promised by 2026-11-13' }),
    );
    const paidDay = result.days.find((d) => d.date === '2026-11-12')!;
    expect(paidDay.events).toContainEqual(expect.objectContaining({ kind: 'held', invoice: 'INV-2026-052', result: 'Paid' }));
    expect(tableRow(result, 'INV-2026-052')['Status']).toBe('Paid');
  });

  test('a promise missed: one "promise missed" email the day after, quoting the date, then the schedule resumes', () => {
    const cedar = about(emls, 'INV-2026-053');
    expect(cedar.map((e) => `${e.date} ${e.stage}`)).toEqual([
      '2026-11-17 promiseMissed',
      '2026-11-20 escalate',
      '2026-11-26 formal',
    ]);
    const missed = cedar[0]!;
    expect(missed.mail.text).toContain('would be paid by November 16, 2026');
    expect(missed.mail.text).toContain('$2,750.00');
    expect(addresses(missed.mail.to)).toEqual(['tom@cedarpine.example']);
    expect(addresses(missed.mail.cc)).toEqual(['billing@cedarpine.example']);
  });

  test("the daily summaries: one to you on each day with something to report, after that day's client emails; none on quiet days", () => {
    const busyDays = result.days
      .filter((d) =>
        d.events.some((e) => e.invoice !== '' && (e.kind === 'sent' || (e.kind === 'skipped' && e.stage === 'final'))),
      )
      .map((d) => d.date);
    expect(summaries.map((s) => s.date)).toEqual(busyDays);
    for (const s of summaries) {
      expect(addresses(s.mail.to)).toEqual([ME]);
      expect(s.mail.subject).toMatch(/^Invoice follow-ups today: /);
      expect(s.mail.text).toMatch(/Open the spreadsheet: https:\/\/docs\.google\.com\/spreadsheets\/d\/[^/\s]+\/edit/);
      const day = result.emails.filter((e) => e.date === s.date);
      expect(day[day.length - 1]!.stage).toBe('summary');
    }
    const first = summaries.find((s) => s.date === '2026-11-02')!;
    expect(first.mail.subject).toBe('Invoice follow-ups today: 4 invoices followed up');
    expect(first.mail.text).toContain('- Formal notice for invoice INV-2026-049 (<b>Pixel</b> & Co)');
    expect(first.mail.html || '').toContain('&lt;b&gt;Pixel&lt;/b&gt;');
    const missedDay = summaries.find((s) => s.date === '2026-11-17')!;
    expect(missedDay.mail.text).toContain(
      'Invoice INV-2026-053 (Cedar & Pine Legal): the client missed the date they promised to pay by',
    );
    // The day-14 call names the number of the sample's Phone column, or says there is none to dial.
    const callLines = summaries.flatMap((s) => (s.mail.text ?? '').split('\n').filter((l) => /^- Call /.test(l)));
    const northwind = sample.get('INV-2026-041')!['Phone']!;
    expect(northwind).toMatch(/^\+1 555 01\d\d$/);
    expect(callLines).toContainEqual(
      expect.stringContaining(`Priya Raman at Northwind Studio on ${northwind} about invoice INV-2026-041`),
    );
    expect(sample.get('INV-2026-047')!['Phone']).toBe('');
    expect(callLines).toContainEqual(expect.stringContaining('Müller & Söhne GmbH (no number to dial)'));
  });

  test('the printed report fits 100 columns, has no colour codes when asked not to, and says nothing was sent', () => {
    const text = [
      ...formatIntro(result.options, { color: false, cwd: ROOT }),
      formatReport(result, { color: false, cwd: ROOT }),
    ].join('\n');
    expect(text).not.toContain('\x1b[');
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    expect(text).toMatch(/^Nothing leaves this machine: no email is sent/m);
    expect(text).toMatch(/Nothing left this machine: no email was sent/);
    expect(text).toMatch(/^ {2}✉ {2}INV-2026-043 {2}Orchard & Vine Co\. +firm +→ dana@orchardvine\.example$/m);
    // A client email is one email listing its invoices, its recipients on the next line.
    expect(text).toMatch(
      /^ {2}✉ {2}2 invoices {4}Northwind Studio +reminder +INV-2026-041, INV-2026-051\n {20,}→ priya@northwind\.example$/m,
    );
    expect(text).not.toMatch(/INV-2026-051 +Northwind Studio +reminder/);
    expect(text).toMatch(/^Clients {2}Northwind Studio: 4 emails for 2 invoices \(8 with one email per invoice\)$/m);
    expect(text).toMatch(/INV-2026-049 +<b>Pixel<\/b> & Co +firm +skipped: superseded by the formal notice/);
    expect(text).toMatch(/\(nothing due\)/);
    expect(text).toMatch(/^ {2}INV-2026-042 +Blue Heron Café +Paid *$/m);
    const coloured = formatReport(result, { color: true, cwd: ROOT });
    expect(coloured).toContain('\x1b[');
  });
});

describe('one email per client turned off', () => {
  test('the same month sends Northwind Studio one email per invoice: the 8 the report counts for it', async () => {
    const dir = tempDir('ungrouped');
    const settingsFile = path.join(dir, 'settings.json');
    fs.writeFileSync(settingsFile, JSON.stringify({ ...defaultSettings(), senderName: SENDER, groupByClient: false }));
    const result = await runDemo({ out: path.join(dir, 'out'), settingsFile });
    const emls = await readEmls(path.join(dir, 'out'), result);
    expect(emls.every((e) => e.invoices.length === 1)).toBe(true);
    const northwind = emls.filter((e) => sample.get(e.invoices[0]!)!['Client'] === 'Northwind Studio');
    expect(northwind.map((e) => `${e.date} ${e.invoices[0]} ${e.stage}`)).toEqual(
      ['2026-11-02 reminder', '2026-11-08 firm', '2026-11-15 escalate', '2026-11-22 formal'].flatMap((d) => {
        const [day, stage] = d.split(' ');
        return [`${day} INV-2026-041 ${stage}`, `${day} INV-2026-051 ${stage}`];
      }),
    );
    expect(result.totals.byClient).toContainEqual({ client: 'Northwind Studio', emails: 8, invoices: 2, followUps: 8 });
    const text = formatReport(result, { color: false, cwd: ROOT });
    expect(text).toMatch(/^Clients {2}Northwind Studio: 8 emails for 2 invoices$/m);
  });
});

describe('HTML escaping and the sender name in other runs', () => {
  test('a client named "<b>Pixel</b> & Co" is escaped in the HTML part (run from its due date)', async () => {
    const out = tempDir('pixel');
    const result = await runDemo({ out, from: '2026-09-16', days: 8, sender: 'Zoë Åberg Design' });
    const emls = about(await readEmls(out, result), 'INV-2026-049');
    expect(emls.map((e) => `${e.date} ${e.stage}`)).toEqual(['2026-09-16 reminder', '2026-09-22 firm']);
    const firm = emls[1]!;
    expect(firm.mail.text).toContain('<b>Pixel</b> & Co');
    const html = firm.mail.html || '';
    expect(html).toContain('&lt;b&gt;Pixel&lt;/b&gt; &amp; Co');
    expect(html).not.toContain('<b>Pixel');
    expect(html).not.toMatch(/<b>/i);
    // The UTF-8 sender name, in the From header and the subject.
    expect(firm.mail.from?.value).toEqual([{ address: ME, name: 'Zoë Åberg Design' }]);
    expect(firm.mail.subject).toBe('Invoice INV-2026-049 from Zoë Åberg Design');
    expect(firm.mail.text).toContain('Zoë Åberg Design');
    // September is daylight time (UTC-4): 09:00 in New York is 13:00 UTC.
    expect(firm.mail.date?.toISOString()).toBe('2026-09-22T13:00:00.000Z');
    expect(result.emails.find((e) => e.invoices.includes('INV-2026-049') && e.stage === 'firm')?.sentAt).toBe(
      '2026-09-22T13:00:00.000Z',
    );
  });

  test('a sheet exported from Google Sheets (aliases, reordered columns, text amounts, US dates) works with --sheet', async () => {
    const dir = tempDir('sheet');
    const csv = path.join(dir, 'my-invoices.csv');
    fs.writeFileSync(
      csv,
      [
        'Customer,Invoice #,Contact Email,Total,Due,Accounts Payable,My notes',
        '"<i>Bold</i> & ""Quoted"" Ltd",B-7,kim@quoted.example,"$1,200.00",10/1/2026,pay@quoted.example,=SUM(1;2)',
        'Plain Co,B-8,pat@plain.example,300,2026-10-20,,',
      ].join('\r\n') + '\r\n',
    );
    const disputes = path.join(dir, 'disputes.csv');
    fs.writeFileSync(
      disputes,
      'Timestamp,Invoice,Event,Note\n2026-10-10,B-8,Dispute opened,Pat says the logo files are missing.\n',
    );
    const out = path.join(dir, 'out');
    const result = await runDemo({ sheet: csv, disputes, out, from: '2026-10-15', days: 3 });
    const emls = fs.readdirSync(out).filter((f) => f.endsWith('.eml') && !f.endsWith('_daily-summary.eml'));
    expect(emls).toEqual(['2026-10-15_B-7_escalate.eml']);
    // With a sheet of one's own, the daily summary of that day too (the escalation needs you: call the client).
    expect(fs.existsSync(path.join(out, '2026-10-15_daily-summary.eml'))).toBe(true);
    const mail = await simpleParser(fs.readFileSync(path.join(out, emls[0]!)));
    expect(addresses(mail.to)).toEqual(['pay@quoted.example']);
    expect(addresses(mail.cc)).toEqual(['kim@quoted.example']);
    expect(mail.text).toContain('<i>Bold</i> & "Quoted" Ltd');
    expect(mail.html || '').not.toContain('<i>');
    expect(mail.html || '').toMatch(/&lt;i&gt;Bold&lt;\/i&gt; &amp; (&quot;|&#34;|&#x22;)Quoted/);
    expect(mail.text).toContain('$1,200.00');
    expect(result.table.rows.map((r) => [r[0], r[2]])).toEqual([
      ['B-7', 'Call client'],
      ['B-8', 'Disputed'],
    ]);
    // The user's own column is left alone (a formula-looking note stays text).
    const sheet = parseCsv(fs.readFileSync(result.files.invoicesCsv, 'utf8'));
    expect(sheet[1]![6]).toBe('=SUM(1;2)');
  });

  test('a sheet the add-on cannot use: its message is shown once, repeats collapse, nothing is written', async () => {
    const dir = tempDir('nodue');
    const csv = path.join(dir, 'no-due.csv');
    fs.writeFileSync(csv, 'Invoice,Client,Email,Amount\nA-1,Acme,a@acme.example,100\n');
    const result = await runDemo({ sheet: csv, out: path.join(dir, 'out'), days: 4 });
    expect(result.emails).toEqual([]);
    expect(result.days[0]!.events).toEqual([
      expect.objectContaining({ kind: 'stopped', result: expect.stringMatching(/no 'Due Date' column/) }),
    ]);
    const text = formatReport(result, { color: false, cwd: dir });
    expect(text.match(/no 'Due Date' column/g)).toHaveLength(1);
    expect(text).toMatch(/^Tue 2026-11-03 – Thu 2026-11-05 +\(stopped again, as above\)$/m);
    expect(text).toContain('no email was sent (and the add-on had none to send)');
  });

  test('Bcc is kept in the .eml file', async () => {
    const mail: SentMail = {
      via: 'MailApp',
      from: ME,
      to: ['a@client.example'],
      cc: ['b@client.example'],
      bcc: ['me@example.com'],
      subject: 'Invoice X-1 from Ana Ruiz',
      body: 'Hello',
      htmlBody: '<p>Hello</p>',
      name: 'Ana Ruiz',
      replyTo: null,
      noReply: false,
      attachments: [],
      at: '2026-11-02T14:00:00.000Z',
      atMs: Date.parse('2026-11-02T14:00:00.000Z'),
      threadId: null,
    };
    const parsed = await simpleParser(await composeEml(mail, 'fallback'));
    expect(addresses(parsed.bcc)).toEqual(['me@example.com']);
    expect(addresses(parsed.cc)).toEqual(['b@client.example']);
    expect(parsed.from?.value).toEqual([{ address: ME, name: 'Ana Ruiz' }]);
    expect(parsed.date?.toISOString()).toBe('2026-11-02T14:00:00.000Z');
  });
});

describe('options', () => {
  test('09:00 local is computed in the zone, across daylight-saving changes', () => {
    expect(new Date(wallInstant('2026-10-31', 9, 0, 'America/New_York')).toISOString()).toBe('2026-10-31T13:00:00.000Z');
    expect(new Date(wallInstant('2026-11-01', 9, 0, 'America/New_York')).toISOString()).toBe('2026-11-01T14:00:00.000Z');
    expect(new Date(wallInstant('2026-03-29', 9, 0, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(new Date(wallInstant('2026-11-02', 9, 0, 'Pacific/Auckland')).toISOString()).toBe('2026-11-01T20:00:00.000Z');
  });

  test('bad options are refused with readable messages', () => {
    const refused = (o: Parameters<typeof resolveDemoOptions>[0]): string => {
      try {
        resolveDemoOptions(o);
      } catch (err) {
        expect(err).toBeInstanceOf(DemoUsageError);
        return (err as Error).message;
      }
      throw new Error(`accepted ${JSON.stringify(o)}`);
    };
    expect(refused({ from: '2026-02-31' })).toMatch(/2026-02-31 is not a real calendar date/);
    expect(refused({ from: '11/02/2026' })).toMatch(/YYYY-MM-DD/);
    expect(refused({ tz: 'Mars/Olympus_Mons' })).toMatch(/not a known time zone/);
    expect(refused({ days: 0 })).toMatch(/--days/);
    expect(refused({ sheet: '/nonexistent/invoices.csv' })).toMatch(/--sheet \/nonexistent\/invoices\.csv: no such file/);
    expect(refused({ locale: 'english' })).toMatch(/--locale/);
    expect(refused({ sender: 'Sam <sam@example.com>' })).toMatch(/--sender/);
    expect(refused({ distDir: '/nonexistent/dist' })).toMatch(/npm run build/);
    expect(() => parseDemoArgs(['--frm', '2026-11-02'])).toThrow(/--frm/);
    expect(() => parseDemoArgs(['--days', 'ten'])).toThrow(/--days must be a whole number/);
    expect(parseDemoArgs(['--help'])).toBeNull();
    expect(parseDemoArgs(['--sheet', 'x.csv', '--days=3', '--tz', 'Europe/Berlin'])).toEqual({
      sheet: 'x.csv',
      days: 3,
      tz: 'Europe/Berlin',
    });
    expect(parseDemoArgs(['--locale', 'de_DE'])).toEqual({ locale: 'de_DE' });
    expect(resolveDemoOptions({ locale: 'en_GB' }).locale).toBe('en_GB');
  });

  test('the sample disputes only come with the sample sheet', () => {
    const sampleRun = resolveDemoOptions({});
    expect(sampleRun.disputes).toBe(path.join(ROOT, 'sample', 'disputes.csv'));
    const own = resolveDemoOptions({ sheet: path.join(ROOT, 'sample', 'invoices.csv') });
    expect(own.disputes).toBeNull();
  });

  test('file names are safe', () => {
    expect(safeFilePart('INV/2026 041')).toBe('INV-2026-041');
    expect(safeFilePart('../../etc')).toBe('etc');
    expect(safeFilePart('Ärger')).toBe('Arger');
  });
});

describe('reading the Follow-up Log', () => {
  const row = (invoice: string, result: string, outcome: string | null = null, subject = 'Invoice 1 from Sam') => ({
    invoice,
    client: 'Acme',
    stage: 'reminder',
    recipients: 'to: a@example.com',
    subject,
    result,
    outcome,
  });

  test('a log without an Outcome column is read from the first word of its Result', () => {
    expect(logRowOutcome(row('INV-1', 'sent'))).toBe('sent');
    expect(logRowOutcome(row('INV-1', 'skipped: superseded'))).toBe('skipped');
    expect(logRowOutcome(row('INV-1', 'queued: daily email quota'))).toBe('queued');
    expect(logRowOutcome(row('INV-1', 'failed: Gmail said no'))).toBe('failed');
    expect(logRowOutcome(row('INV-1', 'preview'))).toBe('preview');
    expect(logRowOutcome(row('INV-1', 'sentimental'))).toBe('note');
    expect(logRowOutcome(row('', 'Sent 2 · 1 skipped', null, 'Daily run'))).toBe('summary');
    expect(logRowOutcome(row('', 'skipped: the daily run stopped: no sheet', null, ''))).toBe('run stopped');
    expect(logRowOutcome(row('', 'skipped: another run is in progress', null, ''))).toBe('note');
  });

  test('the Outcome code wins over the words when the log has that column', () => {
    expect(logRowOutcome(row('INV-1', 'the latest stage went out instead', 'skipped'))).toBe('skipped');
    expect(logRowOutcome(row('INV-1', '', 'sent'))).toBe('sent');
    expect(logRowOutcome(row('INV-1', 'sent', 'queued'))).toBe('queued');
    expect(logRowOutcome(row('INV-1', 'whatever', 'no-such-code'))).toBe('note');
    expect(logRowOutcome(row('', 'the daily run stopped: no sheet', 'skipped', ''))).toBe('run stopped');
  });
});

describe('the command line', () => {
  // `tsx scripts/demo.ts` as npm run demo runs it, without npx's own start-up (0.7 s a call).
  const DEMO = ['--import', 'tsx', 'scripts/demo.ts'];
  const run = (args: string[]) =>
    spawnSync(process.execPath, [...DEMO, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });

  test('--days 3 prints the timeline, the table and that nothing was sent (no colour in a pipe)', () => {
    const out = tempDir('cli');
    const stdout = execFileSync(process.execPath, [...DEMO, '--days', '3', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(stdout).toMatch(/Nothing leaves this machine: no email is sent/);
    expect(stdout).toMatch(/Nothing left this machine: no email was sent/);
    expect(stdout).toContain('Mon 2026-11-02');
    expect(stdout).toMatch(/✉ {2}2 invoices +Northwind Studio +reminder +INV-2026-041, INV-2026-051/);
    expect(stdout).toMatch(/^Clients {2}Northwind Studio: 1 email for 2 invoices \(2 with one email per invoice\)$/m);
    expect(stdout).toMatch(/Invoices at the end \(2026-11-04\)/);
    expect(stdout).not.toContain('\x1b[');
    expect(
      fs
        .readdirSync(out)
        .filter((f) => f.endsWith('.eml'))
        .sort(),
    ).toEqual([
      '2026-11-02_INV-2026-043_firm.eml',
      '2026-11-02_INV-2026-049_formal.eml',
      '2026-11-02_Northwind-Studio_2-invoices_reminder.eml',
      '2026-11-02_daily-summary.eml',
    ]);
  });

  test('--from 2026-02-31 exits non-zero with a readable message', () => {
    const r = run(['--from', '2026-02-31', '--out', tempDir('cli-bad')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('demo: --from 2026-02-31 is not a real calendar date');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace for a usage mistake
    expect(r.stdout).toBe('');
  });

  test('--help prints the options', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    for (const flag of ['--sheet', '--disputes', '--payments', '--from', '--days', '--tz', '--locale', '--sender', '--out'])
      expect(r.stdout).toContain(flag);
  });
});
