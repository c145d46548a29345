// The add-on's own status columns, marked with developer metadata on the whole column (see
// docs/own-sheet.md "The add-on's own columns"): the mark follows the column when the user moves,
// sorts, renames or inserts columns, so the add-on finds its columns wherever they stand now and
// never takes a column of the user's for one of its own.
import { STATUS_FIELDS, type StatusField } from '../domain/types';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The metadata key on each of the add-on's status columns; the value is the column's field. */
export const OWNED_COLUMN_KEY = 'invoiceFollowUps.column';

function isStatusField(value: string | null): value is StatusField {
  return value !== null && (STATUS_FIELDS as readonly string[]).includes(value);
}

/**
 * The add-on's status columns as they stand now (1-based column numbers), found with one finder
 * call. A field marked twice (a column copied with its mark) keeps its leftmost column.
 */
export function ownedColumns(sheet: Sheet): Partial<Record<StatusField, number>> {
  const found: Partial<Record<StatusField, number>> = {};
  for (const mark of sheet.createDeveloperMetadataFinder().withKey(OWNED_COLUMN_KEY).find()) {
    const field = mark.getValue();
    const column = mark.getLocation().getColumn()?.getColumn();
    if (!isStatusField(field) || column === undefined) continue;
    const known = found[field];
    if (known === undefined || column < known) found[field] = column;
  }
  return found;
}

/** Marks a whole column (1-based) as the add-on's own status column for `field`. */
export function markOwnedColumn(sheet: Sheet, column: number, field: StatusField): void {
  sheet
    .getRange(1, column, sheet.getMaxRows(), 1)
    .addDeveloperMetadata(OWNED_COLUMN_KEY, field, SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
}

/** The names of the spreadsheet's sheets, in tab order (the sheet picker in Settings). */
export function sheetNames(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  return ss.getSheets().map((sheet) => sheet.getName());
}
