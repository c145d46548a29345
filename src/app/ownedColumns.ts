// Where the add-on's status columns stood when a run last found them by their marks (docs/own-sheet.md
// "The add-on's own columns"), with a signature of the header row they stood in. Finding the marks
// costs one Range call per column (README "Performance"); while that header row reads the same, no
// column has moved, been added or removed, so the sheet is read by the remembered places. Every
// write of the status columns finds them by their marks first (src/app/statuses.ts), so a
// remembered place is never the reason a cell is written.
import { STATUS_FIELDS, type CellValue, type StatusField } from '../domain/types';
import type { SheetPort, StorePort } from './ports';

export const OWNED_COLUMNS_KEY = 'ownedColumns';

type Columns = Partial<Record<StatusField, number>>;

interface Remembered {
  sheet: string;
  /** The header row's index (0-based). */
  row: number;
  signature: string;
  /** 0-based column of each status field. */
  columns: Columns;
}

/** A short fingerprint of a row's cells (FNV-1a over their JSON, with the row's width). */
function signatureOf(row: readonly CellValue[]): string {
  const text = JSON.stringify(row);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${row.length}:${(hash >>> 0).toString(36)}`;
}

function isRemembered(v: unknown): v is Remembered {
  if (!v || typeof v !== 'object') return false;
  const r = v as Partial<Remembered>;
  if (typeof r.sheet !== 'string' || typeof r.row !== 'number' || typeof r.signature !== 'string') return false;
  const columns = r.columns;
  return !!columns && typeof columns === 'object' && STATUS_FIELDS.every((f) => Number.isInteger(columns[f]));
}

/**
 * The add-on's status columns of `sheet` (0-based): the remembered places when the header row they
 * were found in reads the same now, else found by their marks.
 */
export function ownedColumnsOf(
  sheet: SheetPort,
  grid: readonly CellValue[][],
  store: StorePort,
): { columns: Columns; remembered: boolean } {
  const saved = store.readJson(OWNED_COLUMNS_KEY).value;
  if (isRemembered(saved) && saved.sheet === sheet.name) {
    const row = grid[saved.row];
    if (row && signatureOf(row) === saved.signature) return { columns: { ...saved.columns }, remembered: true };
  }
  return { columns: sheet.ownedColumns(), remembered: false };
}

/** Remembers where the status columns stand (found by their marks) in header row `row` of `grid`. */
export function rememberOwnedColumns(
  store: StorePort,
  where: { sheet: string; row: number; grid: readonly CellValue[][] },
  found: Columns,
): void {
  const header = where.grid[where.row];
  if (!header || !STATUS_FIELDS.every((f) => found[f] !== undefined)) return;
  const columns: Columns = {};
  for (const f of STATUS_FIELDS) columns[f] = found[f];
  const next: Remembered = { sheet: where.sheet, row: where.row, signature: signatureOf(header), columns };
  if (JSON.stringify(store.readJson(OWNED_COLUMNS_KEY).value) === JSON.stringify(next)) return;
  try {
    store.writeJson(OWNED_COLUMNS_KEY, next);
  } catch {
    // Only a shortcut: without it the next run finds the columns by their marks.
  }
}
