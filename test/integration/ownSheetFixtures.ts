// The fixture sheets of test/fixtures/sheets loaded into the local runtime with their number
// formats and formulas, and the built add-on (dist/) over them: for the own-sheet tests.
import { createRuntime, loadAddon, type RawCell } from '../../local';
import { defaultSettings } from '../../src/domain/settings';
import type { SheetFixture } from '../fixtures/sheetFixtures';
import { DIST, localTime } from './harness';

/** The sheet the fixtures are loaded into: not 'Invoices', so "Set up invoice sheet" makes its own beside it. */
export const OWN_SHEET = 'My invoices';
export const TODAY = '2026-11-24';
const TIME_ZONE = 'Europe/London';

function rawCell(f: SheetFixture, r: number, c: number): RawCell {
  const value = f.rows[r]?.[c] ?? '';
  const formula = f.formulas?.[r]?.[c] ?? '';
  if (formula === '') return value as RawCell;
  return { formula, value: typeof value === 'object' ? '' : value };
}

export function loadFixture(f: SheetFixture) {
  const runtime = createRuntime({ timeZone: TIME_ZONE, locale: f.locale, now: localTime(TODAY, 9, TIME_ZONE) });
  const sheet = runtime.addSheet(
    OWN_SHEET,
    f.rows.map((row, r) => row.map((_, c) => rawCell(f, r, c))),
  );
  f.numberFormats?.forEach((row, r) =>
    row.forEach((format, c) => {
      if (format !== '') sheet.setNumberFormat(r + 1, c + 1, format);
    }),
  );
  const props = runtime.properties.document();
  props.set('settings', JSON.stringify({ ...defaultSettings(), senderName: 'Sam Rivera', sheetName: OWN_SHEET }));
  if (f.mapping) props.set('columnMapping', JSON.stringify(f.mapping));
  const addon = loadAddon({ runtime, distDir: DIST });
  return { runtime, addon, sheet, width: f.rows.reduce((w, row) => Math.max(w, row.length), 0) };
}

export type Loaded = ReturnType<typeof loadFixture>;

/** Every cell of the user's columns (values and formulas as stored), header rows included. */
export function userCells(t: Loaded, columns: number[]): string {
  const rows = t.runtime.sheet(OWN_SHEET).rows();
  const header = rows.findIndex((row) => columns.some((c) => row[c - 1] !== undefined && row[c - 1] !== ''));
  return JSON.stringify({ header, cells: rows.map((row) => columns.map((c) => row[c - 1] ?? '')) });
}

/** The add-on's Status column as [first data cell of the row, status] pairs. */
export function statusesByFirstCell(t: Loaded, statusTitle: RegExp, keyColumn: number): Record<string, string> {
  const rows = t.runtime.sheet(OWN_SHEET).displayRows();
  const headerIndex = rows.findIndex((row) => row.some((h) => statusTitle.test(h)));
  const header = rows[headerIndex] ?? [];
  const status = header.findIndex((h) => statusTitle.test(h));
  const out: Record<string, string> = {};
  for (const row of rows.slice(headerIndex + 1)) {
    const key = row[keyColumn - 1] ?? '';
    if (row[status]) out[key === '' ? `(${row.find((c) => c !== '') ?? ''})` : key] = row[status] ?? '';
  }
  return out;
}

/** The add-on's Status column by 1-based sheet row (rows with a status only): for sheets where an invoice number repeats. */
export function statusesByRow(t: Loaded, statusTitle: RegExp): Record<number, string> {
  const rows = t.runtime.sheet(OWN_SHEET).displayRows();
  const headerIndex = rows.findIndex((row) => row.some((h) => statusTitle.test(h)));
  const status = (rows[headerIndex] ?? []).findIndex((h) => statusTitle.test(h));
  const out: Record<number, string> = {};
  rows.forEach((row, i) => {
    if (i > headerIndex && row[status]) out[i + 1] = row[status] ?? '';
  });
  return out;
}

/** Every dialog answered as a user going ahead would: Yes to a confirmation, OK to a message. */
function answerEveryDialog(t: Loaded): void {
  t.runtime.ui.nextResponse = (_kind, buttons) => ({ button: buttons.startsWith('YES') ? 'YES' : 'OK', text: '' });
}

/** The menu's preview and a confirmed run, a daily run, setup, and the sidebar's reads. */
export function everyAction(t: Loaded): void {
  answerEveryDialog(t);
  t.addon.call('previewFollowUps');
  t.addon.call('runFollowUps');
  t.addon.call('setUpInvoiceSheet');
  t.addon.call('getSidebarData');
  t.addon.call('previewColumnMapping', null);
}
