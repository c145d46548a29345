// Sheets made before the add-on marked its own columns: its five status columns can be taken
// back once, but only when nothing in them could have been typed by the user (docs/own-sheet.md).
import { FIELD_HEADERS, headerKey } from './headers';
import { isIsoDate } from './dates';
import { STATUSES } from './stages';
import { STAGE_IDS, STATUS_FIELDS, type CellValue, type StatusField } from './types';

const STATUS_WORDS = new Set<string>(STATUSES.map((s) => s.toLowerCase()));
const STAGE_WORDS = new Set<string>(STAGE_IDS);

function isBlankCell(v: CellValue | undefined): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function isDateValue(v: CellValue): boolean {
  return (typeof v === 'object' && v !== null) || (typeof v === 'string' && isIsoDate(v.trim()));
}

/** Could the add-on have written this value into that status column? */
function isAddOnValue(field: StatusField, v: CellValue | undefined): boolean {
  if (isBlankCell(v) || v === undefined) return true;
  switch (field) {
    case 'status':
      return typeof v === 'string' && (STATUS_WORDS.has(v.trim().toLowerCase()) || /^(error|needs review):/i.test(v.trim()));
    case 'stage':
      return typeof v === 'string' && STAGE_WORDS.has(v.trim().toLowerCase());
    case 'daysOverdue':
      return typeof v === 'number' && Number.isInteger(v);
    default:
      return isDateValue(v);
  }
}

/**
 * For a sheet made by an add-on version that did not mark its columns: the canonical-titled
 * status columns to adopt as the add-on's own, or {} when that is not certain. All five must be
 * there, side by side in the order the add-on appends them, and hold nothing but values it writes
 * (status words, stage ids, whole numbers, dates, blanks). A user's own 'Status' column with
 * 'Paid' in it never passes: it stands alone, without the other four beside it.
 *
 * @example adoptableLegacyStatusColumns([['Invoice', …, 'Status', 'Stage', 'Days Overdue', 'Last Follow-up', 'Next Follow-up'], …], 0)
 *   // { status: 6, stage: 7, daysOverdue: 8, lastFollowUp: 9, nextFollowUp: 10 }
 */
export function adoptableLegacyStatusColumns(grid: CellValue[][], headerRowIndex: number): Partial<Record<StatusField, number>> {
  const rows = Array.isArray(grid) ? grid : [];
  const header = rows[headerRowIndex] ?? [];
  const keys = header.map((h) => headerKey(h ?? ''));
  const first = keys.indexOf(headerKey(FIELD_HEADERS.status.title));
  if (first === -1 || keys.lastIndexOf(headerKey(FIELD_HEADERS.status.title)) !== first) return {};
  const found: Partial<Record<StatusField, number>> = {};
  for (const [offset, field] of STATUS_FIELDS.entries()) {
    const at = first + offset;
    if (keys[at] !== headerKey(FIELD_HEADERS[field].title)) return {};
    if (keys.filter((k) => k === keys[at]).length !== 1) return {};
    const data = rows.slice(headerRowIndex + 1);
    if (!data.every((row) => isAddOnValue(field, Array.isArray(row) ? row[at] : undefined))) return {};
    found[field] = at;
  }
  return found;
}
