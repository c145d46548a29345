// Security checks (issue "Prove it"): no user text becomes a formula in any cell the add-on writes;
// no mail header injection; templates reach only the documented placeholders; oversized input is
// refused in words before Apps Script's limits; logs carry no addresses or amounts; the manifest
// asks for exactly the scopes the README explains.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { addDays, DIST, setUp, type Row } from '../integration/harness';
import { MONTH_DAYS, newMonth, runMonth, START } from './month';

const DUE = '2026-11-02';
const TODAY = addDays(DUE, 21);

type T = ReturnType<typeof setUp>;
const run = <R = Record<string, any>>(t: T, name: string, ...args: unknown[]): R => t.addon.callAsScriptRun(name, ...args) as R;

/** Every cell of every sheet of the active spreadsheet that holds a formula. */
function formulas(t: T): string[] {
  const out: string[] = [];
  const ss = t.runtime.spreadsheets.list()[0]!;
  for (const name of ss.sheetNames()) {
    const sheet = ss.sheet(name);
    for (let r = 1; r <= sheet.lastRow(); r++) {
      for (let c = 1; c <= sheet.lastColumn(); c++) {
        const f = sheet.formulaAt(r, c);
        if (f !== null) out.push(`${name}!R${r}C${c} ${f}`);
      }
    }
  }
  return out;
}

function noHeaderBreaks(t: T): string[] {
  return t.runtime.mail.sent.flatMap((m) =>
    [m.subject, m.name ?? '', m.replyTo ?? '', ...m.to, ...m.cc, ...m.bcc]
      .filter((v) => /[\r\n\u2028\u2029\u0085]/.test(v))
      .map((v) => JSON.stringify(v)),
  );
}

// ---- formula injection ------------------------------------------------------------------------------

describe('no user text ever becomes a formula', () => {
  const rows: Row[] = [
    {
      invoice: '=1+1',
      client: '=HYPERLINK("http://evil.test","click")',
      contact: '=cmd|" /C calc"!A0',
      email: '=cmd@evil.test',
      due: addDays(TODAY, -1),
    },
    { invoice: '+INV-2', client: '+SUM(1,2)', email: '+tag@client.test', due: addDays(TODAY, -7) },
    { invoice: '-INV-3', client: '-2+3', email: '-x@client.test', billing: '=ap@client.test', due: addDays(TODAY, -14) },
    { invoice: '@INV-4', client: '@SUM(A1)', email: 'a@client.test', billing: '+ap@client.test', due: addDays(TODAY, -21) },
    { invoice: '=NOW()', client: '=1/0', email: '=bad', due: addDays(TODAY, -1) }, // an error row quoting the text
    { invoice: "'quoted", client: "'=already text", email: 'q@client.test', due: addDays(TODAY, 5) },
  ];
  const subjects = {
    reminder: '={{invoice}} {{client}}',
    firm: '+{{invoice}} {{client}}',
    escalate: '-{{invoice}} {{client}}',
    formal: '@{{invoice}} {{client}}',
  };
  const notes = ['=IMPORTXML("http://evil.test","//a")', '+1', '-1', '@me', '=HYPERLINK("http://evil.test")'];
  let t: T;
  const saved: unknown[] = [];
  const disputes: unknown[] = [];
  beforeAll(() => {
    t = setUp({ today: TODAY, rows });
    t.runtime.sheet('Invoices').setRaw(2, 6, { formula: '=100*2', value: 200 }); // the user's own formula: must stay
    const defaults = run(t, 'getSidebarData').templates as Array<{ id: string; body: string }>;
    for (const [id, subject] of Object.entries(subjects)) {
      saved.push(run(t, 'saveTemplate', id, { subject, body: defaults.find((d) => d.id === id)!.body }));
    }
    t.addon.call('previewFollowUps');
    t.daily();
    // Sidebar dispute notes on the '=1+1' invoice (a paused clone would be quieter, but this one is real).
    disputes.push(run(t, 'recordDispute', 'open', '+INV-2', notes[0]));
    for (const n of notes.slice(1)) disputes.push(run(t, 'recordDispute', 'note', '+INV-2', n));
    disputes.push(run(t, 'recordDispute', 'resolve', '+INV-2', '=2+2'));
    t.goTo(addDays(TODAY, 1));
    t.daily();
  });

  it('the run really did write every kind of text (templates saved, emails sent, notes recorded)', () => {
    expect(saved).toEqual([{ ok: true }, { ok: true }, { ok: true }, { ok: true }]);
    expect(disputes.map((d) => (d as { ok: boolean }).ok)).toEqual([true, true, true, true, true, true]);
    expect(t.runtime.mail.sent.map((m) => m.subject).sort()).toEqual([
      '++INV-2 +SUM(1,2)',
      '--INV-3 -2+3',
      '==1+1 =HYPERLINK("http://evil.test","click")',
      '@@INV-4 @SUM(A1)',
    ]);
    expect(t.runtime.sheet('Dispute Notes').rows().length).toBe(1 + notes.length + 1);
  });

  it('no cell of any sheet holds a formula, except the one the user typed', () => {
    expect(formulas(t)).toEqual(['Invoices!R2C6 =100*2']);
  });

  it('the text is kept exactly, as text', () => {
    const log = t.log();
    expect(
      log
        .filter((r) => r.Result === 'sent')
        .map((r) => [r.Invoice, r.Client, r.Subject])
        .sort(),
    ).toEqual(
      [
        ['+INV-2', '+SUM(1,2)', '++INV-2 +SUM(1,2)'],
        ['-INV-3', '-2+3', '--INV-3 -2+3'],
        ['=1+1', '=HYPERLINK("http://evil.test","click")', '==1+1 =HYPERLINK("http://evil.test","click")'],
        ['@INV-4', '@SUM(A1)', '@@INV-4 @SUM(A1)'],
      ].sort(),
    );
    const noteCells = t.runtime
      .sheet('Dispute Notes')
      .rows()
      .slice(1)
      .map((r) => [r[1], r[3]]);
    expect(noteCells).toEqual([...notes, '=2+2'].map((n) => ['+INV-2', n]));
    const s = t.statuses();
    expect(s['=NOW()']?.Status).toMatch(/^Error: Email '=bad' is not a valid address/);
    expect(s["'quoted"]?.Status).toBe('Not due');
    expect(t.runtime.sheet('Invoices').valueAt(2, 6)).toEqual({ formula: '=100*2', value: 200 });
  });

  it('no CR/LF in any subject, sender name or address that went out', () => {
    expect(noHeaderBreaks(t)).toEqual([]);
  });
});

// ---- header injection -------------------------------------------------------------------------------

describe('no mail header injection', () => {
  it('line breaks in names are flattened; in addresses the row is refused; subjects stay on one line', () => {
    const t = setUp({
      today: TODAY,
      rows: [
        {
          invoice: 'H-1',
          client: 'Acme\r\nBcc: evil@evil.test',
          contact: 'Pat\nCc: evil@evil.test',
          email: 'pat@client.test',
          due: addDays(TODAY, -1),
        },
        { invoice: 'H-2\r\nBcc: evil@evil.test', client: 'Beta', email: 'b@client.test', due: addDays(TODAY, -7) },
        { invoice: 'H-3', client: 'Gamma', email: 'g@client.test\r\nBcc: evil@evil.test', due: addDays(TODAY, -1) },
        {
          invoice: 'H-4',
          client: 'Delta',
          email: 'd@client.test',
          billing: 'ap@client.test\nBcc: evil@evil.test',
          due: addDays(TODAY, -14),
        },
        { invoice: 'H-5', client: 'Eps\u2028ilon\u0085', contact: 'Eve\u2029', email: 'e@client.test', due: addDays(TODAY, -1) },
      ],
    });
    expect(
      run(t, 'saveTemplate', 'reminder', {
        subject: 'Invoice {{invoice}} for {{client}} ({{contact_name}})',
        body: 'Hi {{client}}, {{balance}}. {{sender_name}}',
      }),
    ).toEqual({ ok: true });
    t.daily();
    expect(noHeaderBreaks(t)).toEqual([]);
    expect(t.runtime.mail.sent.flatMap((m) => [...m.to, ...m.cc, ...m.bcc]).filter((a) => /evil/.test(a))).toEqual([]);
    expect(t.runtime.mail.sent.map((m) => m.subject).sort()).toEqual([
      'Invoice H-1 for Acme Bcc: evil@evil.test (Pat Cc: evil@evil.test)',
      'Invoice H-2 Bcc: evil@evil.test from Sam Rivera', // the firm template: the default subject
      'Invoice H-5 for Eps ilon (Eve)',
    ]);
    const s = t.statuses();
    expect(s['H-3']?.Status).toMatch(/^Error: Email has a line break in it/);
    expect(s['H-4']?.Status).toMatch(/^Error: Billing email has a line break in it/);
  });

  it.each([
    ['LF', 'Sam\nBcc: evil@evil.test'],
    ['CRLF', 'Sam\r\nBcc: evil@evil.test'],
    ['CR', 'Sam\rX'],
    ['angle brackets', 'Sam <evil@evil.test>'],
    ['a quote', 'Sam "the man"'],
  ])('a sender name with %s is refused by settings, in words, and nothing is saved', (_what, senderName) => {
    const t = setUp({ today: TODAY, rows: [{ invoice: 'S-1', due: addDays(TODAY, -1) }] });
    const settings = run(t, 'getSidebarData').settings as Record<string, unknown>;
    const r = run(t, 'saveSettings', { ...settings, senderName });
    expect(r.ok).toBe(false);
    expect(r.problems.join(' ')).toMatch(
      /^Sender name must be plain text of at most 100 characters \(no line breaks, quotes or angle brackets\)\.?$/,
    );
    expect(run(t, 'getSidebarData').settings.senderName).toBe('Sam Rivera');
    t.daily();
    expect(t.runtime.mail.sent.map((m) => m.name)).toEqual(['Sam Rivera']);
  });

  it('a sender name with a line break put straight into the saved settings is not used', () => {
    const t = setUp({ today: TODAY, rows: [{ invoice: 'S-1', due: addDays(TODAY, -1) }] });
    t.ensureTrigger();
    const settings = t.stored('settings') as Record<string, unknown>;
    t.setStored('settings', JSON.stringify({ ...settings, senderName: 'Sam\r\nBcc: evil@evil.test' }));
    t.daily();
    expect(t.runtime.mail.sent).toEqual([]); // nothing goes out unsigned or with the damaged name
    expect(t.statuses()['S-1']?.Status).toMatch(/^Error: The reminder email needs a sender name/);
    expect((t.stored('lastRun') as { warnings: string[] }).warnings).toEqual([
      expect.stringMatching(
        /^Saved settings had a value that is not valid \(Sender name must be plain text.*the default is used for: your name for the emails/,
      ),
    ]);
  });

  it('a template subject on two lines is refused', () => {
    const t = setUp({ today: TODAY, rows: [] });
    for (const subject of ['Invoice {{invoice}}\r\nBcc: evil@evil.test', 'Invoice\n{{invoice}}', 'Invoice\u2028{{invoice}}']) {
      const r = run(t, 'saveTemplate', 'reminder', { subject, body: 'Hi {{invoice}}' });
      expect([subject, r.ok, r.problems]).toEqual([subject, false, expect.arrayContaining(['The subject must be on one line'])]);
    }
  });
});

// ---- templates reach only the documented placeholders -----------------------------------------------------

describe('templates cannot reach anything but the documented placeholders', () => {
  const CASES: Array<[string, RegExp]> = [
    ['{{constructor}}', /^Message: Unknown placeholder \{\{constructor\}\}/],
    ['{{__proto__}}', /^Message: Unknown placeholder \{\{__proto__\}\}/],
    ['{{toString}}', /^Message: Unknown placeholder \{\{toString\}\}/],
    ['{{valueOf}}', /^Message: Unknown placeholder \{\{valueOf\}\}/],
    ['{{hasOwnProperty}}', /^Message: Unknown placeholder \{\{hasOwnProperty\}\}/],
    ['{{ constructor }}', /^Message: Unknown placeholder \{\{constructor\}\}/],
    ['{{prototype}}', /^Message: Unknown placeholder \{\{prototype\}\}/],
    ['{{invoice.constructor}}', /^Message: Unknown placeholder \{\{invoice\.constructor\}\}/],
    ['{{invoice[0]}}', /^Message: Unknown placeholder \{\{invoice\[0\]\}\}/],
    ['{{this}}', /^Message: Unknown placeholder \{\{this\}\}/],
    ['{{#each invoice}}', /^Message: Unknown placeholder \{\{#each invoice\}\}/],
    ['{{ {{invoice}} }}', /^Message: Placeholders cannot be nested or contain braces/],
    ['{{{invoice}}}', /^Message: Too many braces in '\{\{\{invoice\}\}\}'/],
    ['{{in{{voice}}}}', /^Message: Placeholders cannot be nested or contain braces/],
    ['{{}}', /^Message: Empty placeholder \{\{\}\}/],
    ['{{invoice', /^Message: '\{\{' is never closed with '\}\}'/],
    ['invoice}}', /^Message: '\}\}' without an opening '\{\{'/],
  ];

  it.each(CASES)('%s in a message is refused by saveTemplate with a plain message', (placeholder, message) => {
    const t = setUp({ today: TODAY, rows: [] });
    const r = run(t, 'saveTemplate', 'firm', {
      subject: 'Invoice {{invoice}}',
      body: `Hello, {{balance}} please. ${placeholder}`,
    });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatch(message);
    expect(r.problems.join(' ')).not.toMatch(/function|\[object|undefined|native code|Exception|Error/);
    expect(run(t, 'getSidebarData').templates.find((x: { id: string }) => x.id === 'firm').isDefault).toBe(true);
  });

  it('the same names in a subject are refused too', () => {
    const t = setUp({ today: TODAY, rows: [] });
    const r = run(t, 'saveTemplate', 'firm', { subject: 'Invoice {{__proto__}} {{constructor}}', body: 'Hi {{invoice}}' });
    expect(r).toEqual({
      ok: false,
      problems: ['Subject: Unknown placeholder {{__proto__}}', 'Subject: Unknown placeholder {{constructor}}'],
      issues: [
        { field: 'subject', code: 'unknown-placeholder', message: 'Subject: Unknown placeholder {{__proto__}}' },
        { field: 'subject', code: 'unknown-placeholder', message: 'Subject: Unknown placeholder {{constructor}}' },
      ],
    });
  });

  it('a template smuggled into the saved properties is not used: the default goes out, with a warning', () => {
    const t = setUp({ today: TODAY, rows: [{ invoice: 'P-1', due: addDays(TODAY, -1) }] });
    t.runtime.properties
      .document()
      .set(
        'template:reminder',
        JSON.stringify({ version: 1, subject: 'Invoice {{constructor}}', body: '{{__proto__}} {{toString}} {{invoice}}' }),
      );
    t.daily();
    const [mail] = t.runtime.mail.sent;
    expect(mail?.subject).toBe('Invoice P-1 from Sam Rivera');
    expect(`${mail?.body} ${mail?.htmlBody}`).not.toMatch(/function|\[object|native code|undefined|\{\{/);
    expect(run(t, 'getSidebarData').warnings).toEqual([expect.stringMatching(/saved reminder template could not be used/)]);
  });
});

// ---- oversized input ---------------------------------------------------------------------------------------

describe('oversized templates, notes and settings are refused in words before Apps Script limits bite', () => {
  const RAW_LIMIT = /Argument too large|Exception|exceeded|quota|undefined|\[object/i;
  const t = setUp({ today: TODAY, rows: [{ invoice: 'O-1', due: addDays(TODAY, -1) }] });

  it.each([
    [
      'a 20,001-character message',
      { subject: 'Invoice {{invoice}}', body: 'x'.repeat(20_001) },
      /longer than 20,000 characters|too large to save/,
    ],
    [
      'a 9,500-character message (over the 9,000 characters one template may take)',
      { subject: 'Invoice {{invoice}}', body: `${'x'.repeat(9_500)} {{invoice}}` },
      /too large to save \(9,\d{3} characters; the limit is 9,000\)/,
    ],
    [
      '9,000 euro signs (the store counts characters, as the spreadsheet does)',
      { subject: 'Invoice {{invoice}}', body: `${'€'.repeat(9_000)} {{invoice}}` },
      /too large to save \(9,\d{3} characters; the limit is 9,000\)/,
    ],
    [
      'a 251-character subject',
      { subject: `Invoice {{invoice}} ${'s'.repeat(240)}`, body: 'Hi' },
      /The subject is longer than 250 characters/,
    ],
    ['a 50,000-character subject', { subject: 's'.repeat(50_000), body: 'Hi' }, /The subject is longer than 250 characters/],
  ])('template: %s', (_what, template, message) => {
    const r = run(t, 'saveTemplate', 'reminder', template);
    expect(r.ok).toBe(false);
    expect(r.problems.join(' ')).toMatch(message);
    expect(r.problems.join(' ')).not.toMatch(RAW_LIMIT);
  });

  it('the largest template that fits is saved, and is what goes out', () => {
    const body = `${'y'.repeat(8_800)} {{invoice}}`;
    expect(run(t, 'saveTemplate', 'reminder', { subject: 'Invoice {{invoice}}', body })).toEqual({ ok: true });
    t.daily();
    expect(t.runtime.mail.sent.at(-1)?.body).toBe(`${'y'.repeat(8_800)} O-1`);
  });

  it.each([
    ['2,001 characters', 'n'.repeat(2_001)],
    ['50,000 characters', 'n'.repeat(50_000)],
    ['2,001 euro signs', '€'.repeat(2_001)],
  ])('dispute note of %s is refused in words; nothing is written', (_what, note) => {
    const before = t.runtime.hasSheet('Dispute Notes') ? t.runtime.sheet('Dispute Notes').lastRow() : 0;
    const r = run(t, 'recordDispute', 'open', 'O-1', note);
    expect(r).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^The note is too long \(\d+ characters; the limit is 2000\)\.$/)],
    });
    expect(t.runtime.hasSheet('Dispute Notes') ? t.runtime.sheet('Dispute Notes').lastRow() : 0).toBe(before);
  });

  it('a 2,000-character note of multi-byte text is kept whole', () => {
    const note = '€'.repeat(2_000);
    expect(run(t, 'recordDispute', 'open', 'O-1', note).ok).toBe(true);
    expect(t.runtime.sheet('Dispute Notes').rows().at(-1)?.[3]).toBe(note);
  });

  it.each([
    ['a 101-character sender name', { senderName: 'S'.repeat(101) }, /Sender name must be plain text of at most 100 characters/],
    ['a 20,000-character sheet name', { sheetName: 'N'.repeat(20_000) }, /too large to save|too long|sheet name/i],
  ])('settings: %s', (_what, change, message) => {
    const settings = run(t, 'getSidebarData').settings as Record<string, unknown>;
    const r = run(t, 'saveSettings', { ...settings, ...change });
    expect(r.ok).toBe(false);
    expect(r.problems.join(' ')).toMatch(message);
    expect(r.problems.join(' ')).not.toMatch(RAW_LIMIT);
  });
});

// ---- logs ---------------------------------------------------------------------------------------------------

describe('logs carry no email addresses or amounts', () => {
  it('after a month of runs with faults (console and Logger)', () => {
    const t = newMonth();
    const f = t.runtime.faults;
    f.failAfter('MailApp.sendEmail', 3);
    f.failOn('MailApp.sendEmail', 6, 'Invalid email: kim@contoso.test');
    f.failOn('Range.setValues', 20);
    f.failOn('Spreadsheet.getDeveloperMetadata', 10);
    f.failOn('Range.getValues', 40);
    const user = t.runtime.properties.user();
    const triggerKeys = user.keys().filter((k) => k.startsWith('dailyTrigger:'));
    const saved = triggerKeys.map((k) => [k, user.get(k)!] as const);
    const { throws } = runMonth(t, {
      afterDay: (d) => {
        // Day 9: every store write fails (the run outcome cannot be recorded: console.error).
        if (d === 8) {
          f.failOn('DeveloperMetadata.setValue', 1, { message: 'Service error: Spreadsheets', times: 1000 });
          f.failOn('Spreadsheet.addDeveloperMetadata', 1, { message: 'Service error: Spreadsheets', times: 1000 });
        }
        if (d === 9) f.clear();
        // Day 13: the trigger's record of its spreadsheet is gone for a day (console.error).
        if (d === 12) for (const k of triggerKeys) user.delete(k);
        if (d === 13) for (const [k, v] of saved) user.set(k, v);
      },
    });
    expect(throws).toEqual([]);
    expect(t.runtime.mail.sent.length).toBeGreaterThan(10);
    const messages = t.runtime.logs.map((l) => `${l.source}.${l.level}: ${l.message}`);
    // The faults above make the add-on log (so this check is not vacuous).
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^console\.error: Could not record the run outcome/),
        expect.stringMatching(/^console\.error: Daily follow-ups: the spreadsheet/),
      ]),
    );
    const ADDRESS = /[^\s@<>"']+@[^\s@<>"']+\.[a-z]{2,}/i;
    const MONEY =
      /[$€£¥]\s?\d|\d\s?[$€£¥]|\b\d{1,3}(,\d{3})+(\.\d+)?\b|\b\d+\.\d{2}\b|\b(USD|EUR|GBP)\s?\d|\b(2400|800|3000|2000|1000|500|120|9000|700)\b/;
    expect(messages.filter((m) => ADDRESS.test(m) || MONEY.test(m))).toEqual([]);
    expect(MONTH_DAYS).toBeGreaterThanOrEqual(30);
    expect(START).toBe('2026-11-02');
  });
});

// ---- the manifest ------------------------------------------------------------------------------------------

describe('dist/appsscript.json', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as { oauthScopes?: string[] };
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

  /** The scopes in the README's permissions table, as full scope URLs. */
  function readmeScopes(): string[] {
    const section = readme.split(/^## /m).find((s) => /^Permissions/.test(s)) ?? '';
    return [...section.matchAll(/^\|\s*`([^`]+)`\s*\|/gm)].map((m) => `https://www.googleapis.com/auth/${m[1]}`);
  }

  it("declares exactly the scopes the README's permissions table lists", () => {
    const listed = readmeScopes();
    expect(listed.length).toBeGreaterThanOrEqual(3);
    expect([...(manifest.oauthScopes ?? [])].sort()).toEqual([...listed].sort());
  });

  it('asks for no mailbox or Drive access', () => {
    const scopes = manifest.oauthScopes ?? [];
    expect(scopes.length).toBeGreaterThan(0);
    expect(scopes.filter((s) => /mail\.google\.com|gmail|drive/i.test(s))).toEqual([]);
  });

  it('the server code calls no service those scopes would not cover', () => {
    const code = fs.readFileSync(path.join(DIST, 'Code.js'), 'utf8');
    expect(code.match(/\b(GmailApp|DriveApp|UrlFetchApp|DocumentApp|CalendarApp|ContactsApp)\./g) ?? []).toEqual([]);
  });
});
