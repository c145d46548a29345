// Which row is the header and which column is which (docs/own-sheet.md): the header row among the
// top rows, the user's saved column choices, and the add-on's own status columns — those marked
// as its own, or, on a sheet made before columns were marked, the five it can safely adopt.
import {
  describeHeaderProblem,
  FIELD_HEADERS,
  findHeaderRow,
  mapHeaders,
  type ColumnMapping,
  type HeaderIssue,
  type HeaderMap,
} from '../domain/headers';
import { adoptableLegacyStatusColumns } from '../domain/legacyColumns';
import { likelyPaymentColumns } from '../domain/likelyColumns';
import { shown } from '../domain/dates';
import { INPUT_FIELDS, type CellValue, type StatusField } from '../domain/types';
import type { StorePort } from './ports';

/** Where the user's column choices are kept, per spreadsheet. */
export const COLUMN_MAPPING_KEY = 'columnMapping';

/**
 * Where the headers the user said are not payment columns are kept (docs/own-sheet.md "A payment
 * column the add-on does not know"), per spreadsheet: a list of header texts.
 */
export const NOT_PAYMENT_KEY = 'notPaymentColumns';
/** At most this many headers are kept as "not a payment column" (a sheet has a few dozen columns). */
const MAX_NOT_PAYMENT = 50;

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

/** The headers the user said are not payment columns (texts only; anything else is dropped). */
export function readNotPaymentColumns(store: StorePort): string[] {
  return cleanNotPayment(store.readJson(NOT_PAYMENT_KEY).value);
}

export function cleanNotPayment(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const texts = raw.filter((h): h is string => typeof h === 'string' && h.trim() !== '').map((h) => h.trim().slice(0, 200));
  return [...new Set(texts)].slice(0, MAX_NOT_PAYMENT);
}

/** The Columns step's question about a column that looks like money paid or owed but is not read. */
function likelyIssue(header: string, field: 'amountPaid' | 'balance'): HeaderIssue {
  const what = field === 'amountPaid' ? 'what was paid' : 'what is still owed';
  return {
    field,
    code: 'likely-payment-column',
    message:
      `'${shown(header, 40)}' looks like ${what}, but the add-on does not read it: say whether it is the ` +
      `${FIELD_HEADERS.amountPaid.title}, the ${FIELD_HEADERS.balance.title} or not a payment column, ` +
      'so that no client is asked for more than is owed',
    candidates: [header],
    blocking: true,
  };
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
 * there are none, a sheet made by an earlier version has its status columns adopted once. A column
 * that looks like money paid or owed but is not read (and is not in `notPayment`) is a question.
 */
export function readHeader(
  grid: CellValue[][],
  owned: Partial<Record<StatusField, number>>,
  mapping: ColumnMapping,
  sheetName: string,
  formulas: string[][] = [],
  notPayment: readonly string[] = [],
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
  const likely = likelyPaymentColumns(grid, found.index, map, notPayment);
  if (likely.length > 0) map = { ...map, issues: [...map.issues, ...likely.map((l) => likelyIssue(l.header, l.field))] };
  const header = { index: found.index, map, adopt };
  const blocking = map.issues.filter((i) => i.blocking);
  if (blocking.length > 0) {
    const problem = describeHeaderProblem(map, sheetName) ?? `${blocking.map((i) => i.message).join('; ')}.`;
    return { ok: false, problem: `${problem} ${OPEN_COLUMNS_STEP}`, closest: header };
  }
  return { ok: true, header, notes: map.issues.map((i) => i.message) };
}
