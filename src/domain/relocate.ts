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

export interface RowIdentity {
  key: string | null;
  fingerprint: string;
}

/**
 * For each target, the 1-based row where it stands now in `current` (data rows start at `firstRow`),
 * or null when it is gone or ambiguous.
 */
export function locateRows(
  targets: readonly RowIdentity[],
  current: readonly (readonly CellValue[])[],
  columns: InputColumns,
  firstRow = 2,
): Array<number | null> {
  const byKey = new Map<string, number[]>();
  const byPrint = new Map<string, number[]>();
  const invoiceCol = columns.invoice;
  current.forEach((row, i) => {
    const rowNumber = firstRow + i;
    if (invoiceCol !== undefined) {
      const key = invoiceKey(row[invoiceCol] ?? '');
      if (key !== '') push(byKey, key, rowNumber);
    }
    push(byPrint, rowFingerprint(row, columns), rowNumber);
  });
  return targets.map((t) => {
    const keyed = t.key ? byKey.get(t.key) : undefined;
    if (keyed && keyed.length === 1) return keyed[0] ?? null;
    const printed = byPrint.get(t.fingerprint);
    return printed && printed.length === 1 ? (printed[0] ?? null) : null;
  });
}

function push(map: Map<string, number[]>, key: string, row: number): void {
  const list = map.get(key);
  if (list) list.push(row);
  else map.set(key, [row]);
}
