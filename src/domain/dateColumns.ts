// Dates typed as text, column by column (docs/own-sheet.md): in a month-first spreadsheet, a
// column holding a date that can only be day-first ('31/10/2026') is read day first throughout.
import { dateOrderForLocale, provenDateOrder, shown } from './dates';
import type { HeaderMap } from './headers';
import type { CellValue, InputField } from './types';

/** A finding about a whole column, for the user (the run shows it once, not per row). */
export interface SheetWarning {
  field: InputField;
  code: 'day-first-column' | 'mixed-date-order' | 'due-from-terms';
  message: string;
}

const DATE_FIELDS: readonly InputField[] = ['issueDate', 'dueDate', 'paidDate', 'promisedDate'];
const TITLES: Partial<Record<InputField, string>> = {
  issueDate: 'Issue Date',
  dueDate: 'Due Date',
  paidDate: 'Paid Date',
  promisedDate: 'Promised Date',
};

function columnWarning(field: InputField, dmy: string, mdy: string | null, locale: string): SheetWarning {
  const title = TITLES[field] ?? field;
  if (mdy !== null) {
    return {
      field,
      code: 'mixed-date-order',
      message:
        `The ${title} column has '${shown(dmy, 20)}' (day first) and '${shown(mdy, 20)}' (month first) — ` +
        `dates are read as this spreadsheet's locale (${shown(locale, 20)}) says; write them as 2026-11-03 to be sure`,
    };
  }
  return {
    field,
    code: 'day-first-column',
    message:
      `The ${title} column has '${shown(dmy, 20)}', which can only be day/month/year, so its dates typed as text are ` +
      `read day first (03/11/2026 is 3 November 2026). This spreadsheet's locale (${shown(locale, 20)}) reads ` +
      'month first: change it in File › Settings › Locale, or write dates as 2026-11-03',
  };
}

/**
 * The date columns to read day first, with a warning for each (and for a column that mixes both
 * orders). Only month-first spreadsheets need this: elsewhere day first is already the rule.
 */
export function dayFirstColumns(
  rows: readonly unknown[],
  columns: HeaderMap['columns'],
  locale: string,
): { dayFirst: Set<InputField>; warnings: SheetWarning[] } {
  const dayFirst = new Set<InputField>();
  const warnings: SheetWarning[] = [];
  if (dateOrderForLocale(locale) !== 'MDY') return { dayFirst, warnings };
  for (const field of DATE_FIELDS) {
    const col = columns[field];
    if (col === undefined) continue;
    let dmy: string | null = null;
    let mdy: string | null = null;
    for (const row of rows) {
      const cell = Array.isArray(row) ? (row[col] as CellValue) : '';
      const proven = provenDateOrder(cell);
      if (proven === 'DMY' && dmy === null) dmy = String(cell);
      if (proven === 'MDY' && mdy === null) mdy = String(cell);
    }
    if (dmy === null) continue;
    warnings.push(columnWarning(field, dmy, mdy, locale));
    if (mdy === null) dayFirst.add(field);
  }
  return { dayFirst, warnings };
}
