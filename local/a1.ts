// A1 notation: 'B2', 'A1:C3', 'A:C', '2:4', 'A2:C', "'My Sheet'!A1:B2".

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface A1Range {
  sheetName: string | null;
  row: number;
  column: number;
  /** null = to the last row / column of the sheet ('A:C', 'A2:C'). */
  lastRow: number | null;
  lastColumn: number | null;
}

function splitSheet(notation: string): { sheetName: string | null; ref: string } {
  const bang = notation.lastIndexOf('!');
  if (bang === -1) return { sheetName: null, ref: notation };
  let sheetName = notation.slice(0, bang);
  if (sheetName.startsWith("'") && sheetName.endsWith("'")) sheetName = sheetName.slice(1, -1).replace(/''/g, "'");
  return { sheetName, ref: notation.slice(bang + 1) };
}

/** Parses A1 notation; returns null when it is not valid. */
export function parseA1(notation: string): A1Range | null {
  const { sheetName, ref } = splitSheet(notation.trim());
  const cell = /^\$?([A-Za-z]+)\$?(\d+)$/;
  const parts = ref.split(':');
  if (parts.length === 1) {
    const m = cell.exec(parts[0] ?? '');
    if (!m) return null;
    const row = Number(m[2]);
    const column = columnNumber(m[1] ?? '');
    return row >= 1 ? { sheetName, row, column, lastRow: row, lastColumn: column } : null;
  }
  if (parts.length !== 2) return null;
  const [start = '', end = ''] = parts;
  const endpoint = (text: string): { row: number | null; column: number | null } | null => {
    const m = /^\$?([A-Za-z]*)\$?(\d*)$/.exec(text);
    if (!m || (m[1] === '' && m[2] === '')) return null;
    return { column: m[1] ? columnNumber(m[1]) : null, row: m[2] ? Number(m[2]) : null };
  };
  const a = endpoint(start);
  const b = endpoint(end);
  if (!a || !b) return null;
  if ((a.column === null) !== (b.column === null) && a.row !== null && b.row !== null) return null;
  const row = Math.min(a.row ?? 1, b.row ?? a.row ?? 1);
  const column = Math.min(a.column ?? 1, b.column ?? a.column ?? 1);
  const lastRow = a.row === null || b.row === null ? null : Math.max(a.row, b.row);
  const lastColumn = a.column === null || b.column === null ? null : Math.max(a.column, b.column);
  if (row < 1 || column < 1) return null;
  return { sheetName, row: a.row === null ? 1 : row, column: a.column === null ? 1 : column, lastRow, lastColumn };
}
