// `npm run demo -- --settings FILE.json`: the settings a user exported from the sidebar, tried on
// the sample sheet; the formal notices carry the PDF letter in their .eml files, and the demo
// prints what each late invoice could claim (README "Interest, the letter and the evidence pack").
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { simpleParser } from 'mailparser';
import { defaultSettings } from '../../src/domain/settings';
import { DemoUsageError, formatReport, parseDemoArgs, resolveDemoOptions, runDemo, type DemoResult } from '../../scripts/demoLib';
import { pdfText } from '../local/pdfText';

jest.setTimeout(120_000);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-late-'));
const settingsFile = path.join(dir, 'settings.json');
fs.writeFileSync(
  settingsFile,
  JSON.stringify({
    ...defaultSettings(),
    senderName: 'Sam Rivera Design',
    latePayment: {
      ...defaultSettings().latePayment,
      regime: 'custom',
      marginPercent: 10,
      fixedCompensation: 25,
      attachLetter: true,
    },
  }),
);

let result: DemoResult;
beforeAll(async () => {
  const options = parseDemoArgs([
    '--settings',
    settingsFile,
    '--from',
    '2026-11-22',
    '--days',
    '1',
    '--out',
    path.join(dir, 'out'),
  ]);
  result = await runDemo(options ?? {});
});

test('prints what each late invoice could claim under the regime of the settings file', () => {
  expect(result.claims).toContainEqual({
    invoice: 'INV-2026-041',
    client: 'Northwind Studio',
    days: 21,
    interest: '$13.81',
    compensation: '$25.00',
    amountClaimed: '$2,438.81',
  });
  const report = formatReport(result, { color: false, width: 200 });
  expect(report).toContain('Amounts claimed on 2026-11-22 (custom regime; not legal advice):');
  expect(report).toContain('INV-2026-041 · Northwind Studio: 21 days late, interest $13.81 + compensation $25.00 = $2,438.81');
});

test("Northwind Studio's formal notice is one email carrying one letter: both invoices, each with its amount claimed, and the total once", async () => {
  expect(result.claims).toContainEqual(expect.objectContaining({ invoice: 'INV-2026-051', amountClaimed: '$1,231.90' }));
  const formal = result.emails.filter((e) => e.invoices.includes('INV-2026-041') && e.stage === 'formal');
  expect(formal).toHaveLength(1);
  expect(formal[0]!.invoices).toEqual(['INV-2026-041', 'INV-2026-051']);
  const mail = await simpleParser(fs.readFileSync(formal[0]!.file));
  expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
    ['Formal notice INV-2026-041.pdf', 'application/pdf'],
  ]);
  const text = pdfText(mail.attachments[0]!.content).replace(/\s+/g, ' ');
  for (const [invoice, claimed] of [
    ['INV-2026-041', '$2,438.81'],
    ['INV-2026-051', '$1,231.90'],
  ]) {
    expect(text).toContain(`${invoice} October 2, 2026 November 1, 2026 21`);
    expect(text).toContain(claimed);
  }
  expect(text.split('$3,670.71').length - 1).toBeGreaterThanOrEqual(1);
});

test('a settings file that is not valid is refused with the reason', () => {
  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, JSON.stringify({ ...defaultSettings(), senderName: 'Sam', latePayment: { regime: 'mars' } }));
  expect(() => resolveDemoOptions({ settingsFile: bad })).toThrow(DemoUsageError);
  fs.writeFileSync(bad, '{ not json');
  expect(() => resolveDemoOptions({ settingsFile: bad })).toThrow(/--settings .*not a JSON file/);
  expect(() => resolveDemoOptions({ settingsFile: path.join(dir, 'missing.json') })).toThrow(/no such file/);
});
