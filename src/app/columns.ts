// Which row is the header and which column is which (docs/own-sheet.md): the header row among the
// top rows, the user's saved column choices, and the add-on's own status columns — those marked
// as its own, or, on a sheet made before columns were marked, the five it can safely adopt.
import { describeHeaderProblem, findHeaderRow, mapHeaders, type ColumnMapping, type HeaderMap } from '../domain/headers';
import { adoptableLegacyStatusColumns } from '../domain/legacyColumns';
import { INPUT_FIELDS, type CellValue, type StatusField } from '../domain/types';
import type { StorePort } from './ports';

/** Where the user's column choices are kept, per spreadsheet. */
export const COLUMN_MAPPING_KEY = 'columnMapping';

/** What a run blocked by its header row tells the user to do. */
export const OPEN_COLUMNS_STEP = 'Open the sidebar › Columns to choose which column is which.';

/** The user's saved column choices (only known fields with text values; anything else is dropped). */
export function readColumnMapping(store: StorePort): ColumnMapping {
  return cleanMapping(store.readJson(COLUMN_MAPPING_KEY).value);
}

export function cleanMapping(raw: unknown): ColumnMapping {
  const out: Record<string, string> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [field, header] of Object.entries(raw as Record<string, unknown>)) {
    if ((INPUT_FIELDS as readonly string[]).includes(field) && typeof header === 'string') out[field] = header.slice(0, 200);
  }
  return out as ColumnMapping;
}

/** The header row of the invoice sheet and what each column is. */
export interface SheetHeader {
  /** 0-based index of the header row in the grid. */
  index: number;
  map: HeaderMap;
  /** Status columns of a sheet made before the add-on marked its columns, to mark now (0-based). */
  adopt: Partial<Record<StatusField, number>>;
}

export type HeaderReading =
  { ok: true; header: SheetHeader; notes: string[] } | { ok: false; problem: string; closest: SheetHeader | null };

/**
 * The header row and its columns. `owned` are the add-on's marked status columns (0-based); when
 * there are none, a sheet made by an earlier version has its status columns adopted once.
 */
export function readHeader(
  grid: CellValue[][],
  owned: Partial<Record<StatusField, number>>,
  mapping: ColumnMapping,
  sheetName: string,
  formulas: string[][] = [],
): HeaderReading {
  const found = findHeaderRow(grid, { owned, mapping });
  if (!found.ok) {
    const closest = found.closest ? { index: found.closest.index, map: found.closest.map, adopt: {} } : null;
    // Row 1 nearly right: name what it lacks and what it has; otherwise where the header must be.
    const inRowOne = closest?.index === 0 ? describeHeaderProblem(closest.map, sheetName) : null;
    return { ok: false, problem: `${inRowOne ?? found.issue.message} ${OPEN_COLUMNS_STEP}`, closest };
  }
  let map = found.map;
  let adopt: Partial<Record<StatusField, number>> = {};
  if (Object.keys(owned).length === 0) {
    adopt = adoptableLegacyStatusColumns(grid, found.index);
    // A formula in one of them is the user's work: those columns are never taken.
    const columns = Object.values(adopt);
    if (formulas.slice(found.index + 1).some((row) => columns.some((c) => (row[c] ?? '') !== ''))) adopt = {};
    if (Object.keys(adopt).length > 0) map = mapHeaders(grid[found.index] ?? [], { owned: adopt, mapping });
  }
  const header = { index: found.index, map, adopt };
  const blocking = map.issues.filter((i) => i.blocking);
  if (blocking.length > 0) {
    const problem = describeHeaderProblem(map, sheetName) ?? `${blocking.map((i) => i.message).join('; ')}.`;
    return { ok: false, problem: `${problem} ${OPEN_COLUMNS_STEP}`, closest: header };
  }
  return { ok: true, header, notes: map.issues.map((i) => i.message) };
}
