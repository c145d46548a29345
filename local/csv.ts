// CSV ↔ sheet values, for the demo: RFC 4180 parsing, typed import (as Google Sheets' import does
// for plain numbers, TRUE/FALSE and ISO dates) and export of display values with ISO dates.

import type { RawCell } from './sheetModel';
import { parseIsoDate } from './timezone';

/** Parses RFC 4180 CSV: quoted fields, "" escapes, CRLF or LF, newlines inside quotes. */
export function parseCsv(text: string, delimiter = ','): string[][] {
  if (delimiter.length !== 1) throw new Error(`parseCsv: delimiter must be one character, got "${delimiter}"`);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // BOM
  const endField = (): void => {
    row.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (quoted) {
      if (ch === '"') {
        if (source.charAt(i + 1) === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\r' && source.charAt(i + 1) === '\n') {
      endRow();
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRow();
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) throw new Error('parseCsv: unterminated quoted field');
  if (field !== '' || fieldStarted || row.length > 0) endRow();
  return rows;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** One CSV field as Sheets' import types it. Text such as '$1,200.00' is kept as text. */
export function csvFieldToCell(field: string): RawCell {
  if (field === '') return '';
  if (NUMBER.test(field)) return Number(field);
  if (/^(true|false)$/i.test(field)) return field.toLowerCase() === 'true';
  if (parseIsoDate(field)) return { date: field };
  return field;
}

/** CSV text → rows of raw cells (ready for `runtime.sheet(name).loadRows`). Short rows are padded. */
export function csvToCells(text: string): RawCell[][] {
  const rows = parseCsv(text);
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => csvFieldToCell(r[i] ?? '')));
}

function quoteField(field: string): string {
  return /[",\r\n]/.test(field) || /^\s|\s$/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Rows of strings → CSV text (CRLF line ends, as RFC 4180 has them). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quoteField).join(',')).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
}
