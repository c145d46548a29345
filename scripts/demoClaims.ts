// The demo's late-payment part (`npm run demo -- --settings FILE.json`): the settings a user
// exported from the sidebar, and the amounts each late invoice could claim on the last simulated
// day under them (README "Interest, the letter and the evidence pack").
import * as fs from 'node:fs';
import type { RawCell } from '../local';
import { mapHeaders } from '../src/domain/headers';
import { latePaymentValues } from '../src/domain/interest';
import { currencyForLocale } from '../src/domain/money';
import { lateInterestFor } from '../src/domain/notice';
import { parseInvoiceSheet } from '../src/domain/parse';
import { parseSettingsToSave } from '../src/domain/settings';
import type { CellValue, Settings } from '../src/domain/types';

/** One invoice's claim on the last day: amounts as the emails write them. */
export interface DemoClaim {
  invoice: string;
  client: string;
  days: number;
  interest: string;
  compensation: string;
  amountClaimed: string;
}

/** The settings in a JSON file (as "Export settings" writes it), checked as the sidebar checks them; throws words. */
export function readSettingsFile(file: string): Settings {
  let raw: unknown;
  let unreadable: string | null = null;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    unreadable = err instanceof Error ? err.message : String(err);
  }
  if (unreadable !== null) throw new Error(`--settings ${file}: not a JSON file (${unreadable}).`);
  const { settings, issues } = parseSettingsToSave(raw);
  if (issues.length > 0) throw new Error(`--settings ${file}: ${issues.map((i) => i.message).join(' ')}`);
  return settings;
}

/** A CSV cell as the domain reads cells: dates as calendar dates, nothing else but text, numbers and ticks. */
function domainCell(cell: RawCell): CellValue {
  if (cell === null) return '';
  if (cell instanceof Date) return { date: cell.toISOString().slice(0, 10) };
  if (typeof cell === 'object') return 'date' in cell ? { date: cell.date } : '';
  return cell;
}

/** What each late invoice of the sheet could claim on `today` (none when the regime is off). */
export function amountsClaimed(cells: RawCell[][], settings: Settings, today: string, locale: string): DemoClaim[] {
  if (settings.latePayment.regime === 'off' || cells.length === 0) return [];
  const grid = cells.map((row) => row.map(domainCell));
  // The sheet as given: no column is the add-on's own yet.
  const header = mapHeaders(grid[0] ?? [], { owned: {} });
  const { rows } = parseInvoiceSheet(grid.slice(1), header.columns, {
    locale,
    defaultCurrency: settings.currency || currencyForLocale(locale),
  });
  return rows.flatMap((r) => {
    const late = r.ok ? lateInterestFor(r.invoice, settings, today) : undefined;
    const values = late === undefined ? {} : latePaymentValues(late, locale);
    if (!r.ok || late === undefined || values.amount_claimed === undefined) return [];
    return [
      {
        invoice: r.invoice.invoice,
        client: r.invoice.client,
        days: late.days,
        interest: values.interest ?? '',
        compensation: values.compensation ?? '',
        amountClaimed: values.amount_claimed,
      },
    ];
  });
}

/** The report's lines about the claims. */
export function formatClaims(claims: DemoClaim[], regime: string, today: string): string[] {
  if (regime === 'off') return [];
  if (claims.length === 0)
    return [`Amounts claimed on ${today} (${regime}): none — no invoice is late and owed by a business client.`];
  return [
    `Amounts claimed on ${today} (${regime} regime; not legal advice):`,
    ...claims.map(
      (c) =>
        `  ${c.invoice} · ${c.client}: ${c.days} days late, interest ${c.interest} + compensation ${c.compensation} = ${c.amountClaimed}`,
    ),
  ];
}
