// Rows move while a run is under way (users sort, insert and delete). Before writing, every planned
// row is found again in the sheet as it is now: by invoice number when that is unique, otherwise by
// the exact content of its input cells. A row that cannot be found is not written.
import { invoiceKey } from './parse';
import { INPUT_FIELDS, type CellValue, type InputField } from './types';

export type InputColumns = Partial<Record<InputField, number>>;

/** The row's input cells (never the status columns the run itself writes). */
export function rowFingerprint(row: readonly CellValue[], columns: InputColumns): string {
  const cells = INPUT_FIELDS.filter((field) => columns[field] !== undefined).map((field) => {
    const v = row[columns[field] as number];
    return v !== undefined && typeof v === 'object' ? `d:${v.date}` : `${typeof v}:${String(v ?? '')}`;
  });
  return cells.join('\u0001');
}

/** Same as comparing the two rows' fingerprints, without making them (checked for every row after a write). */
export function sameInputCells(a: readonly CellValue[], was: InputColumns, b: readonly CellValue[], now: InputColumns): boolean {
  const fields = INPUT_FIELDS.filter((field) => was[field] !== undefined);
  if (fields.some((f) => now[f] === undefined) || INPUT_FIELDS.some((f) => now[f] !== undefined && was[f] === undefined)) {
    return rowFingerprint(a, was) === rowFingerprint(b, now);
  }
  return fields.every((field) => sameCell(a[was[field] as number], b[now[field] as number]));
}

function sameCell(x: CellValue | undefined, y: CellValue | undefined): boolean {
  const xDate = x !== undefined && typeof x === 'object';
  const yDate = y !== undefined && typeof y === 'object';
  if (xDate || yDate) return xDate && yDate && x.date === y.date;
  return typeof x === typeof y && String(x ?? '') === String(y ?? '');
}

export interface RowIdentity {
  key: string | null;
  /** The row's `rowFingerprint`, or how to make it when it is needed. */
  fingerprint: string | (() => string);
}

/**
 * For each target, the 1-based row where it stands now in `current` (data rows start at `firstRow`),
 * or null when it is gone or ambiguous. Rows with the same input cells (an invoice pasted twice) are
 * interchangeable: when as many targets as rows have that content, they are matched in order.
 */
export function locateRows(
  targets: readonly RowIdentity[],
  current: readonly (readonly CellValue[])[],
  columns: InputColumns,
  firstRow = 2,
): Array<number | null> {
  const byKey = new Map<string, number[]>();
  const invoiceCol = columns.invoice;
  if (invoiceCol !== undefined) {
    current.forEach((row, i) => {
      const key = invoiceKey(row[invoiceCol] ?? '');
      if (key !== '') push(byKey, key, firstRow + i);
    });
  }
  const found: Array<number | null> = new Array<number | null>(targets.length).fill(null);
  // Rows found by content only when their invoice number does not find them: most never need it.
  const byContent = new Map<string, number[]>();
  targets.forEach((t, i) => {
    const keyed = t.key ? byKey.get(t.key) : undefined;
    if (keyed && keyed.length === 1) found[i] = keyed[0] ?? null;
    else push(byContent, typeof t.fingerprint === 'string' ? t.fingerprint : t.fingerprint(), i);
  });
  if (byContent.size === 0) return found;
  // A row found by its invoice number is not found again by its content.
  const claimed = new Set(found);
  const prints = new Map<string, number[]>();
  current.forEach((row, i) => {
    if (!claimed.has(firstRow + i)) push(prints, rowFingerprint(row, columns), firstRow + i);
  });
  for (const [print, wanted] of byContent) {
    const rows = prints.get(print);
    if (rows === undefined || rows.length !== wanted.length) continue;
    wanted.forEach((target, n) => (found[target] = rows[n] ?? null));
  }
  return found;
}

function push(map: Map<string, number[]>, key: string, row: number): void {
  const list = map.get(key);
  if (list) list.push(row);
  else map.set(key, [row]);
}
