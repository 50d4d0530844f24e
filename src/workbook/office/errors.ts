// What goes wrong between the add-in and Excel, in words a user can act on: an old Excel (requirement
// sets), and `OfficeExtension.Error`s mapped by their code (never by message text, which is localized).
import { InputError } from '../../engine/errors';

/**
 * The Excel JavaScript API version the add-in needs (the manifest asks for it too): 1.13 is what every
 * supported Excel has — Microsoft 365 from version 2102 (which installs WebView2), Office 2021 and 2024,
 * Excel for Mac 16.50, Excel on the web — and volume-licensed Office 2016 and 2019, which run add-ins in
 * Internet Explorer 11, do not. Every member the add-in calls is in 1.13 or older (docs/excel.md).
 */
export const REQUIRED_EXCEL_API = '1.13';

/** The Excel versions the add-in runs in, as the user knows them. */
export const SUPPORTED_EXCEL =
  'Microsoft 365 (version 2102 or later), Excel 2021 or 2024, Excel for Mac 16.50 or later, or Excel on the web';

/** Throws the one sentence a user of an older Excel needs. */
export function assertExcelApi(isSetSupported: (name: string, version: string) => boolean): void {
  if (!isSetSupported('ExcelApi', REQUIRED_EXCEL_API))
    throw new InputError(
      `SRO Portfolio needs ${SUPPORTED_EXCEL} (Excel JavaScript API ${REQUIRED_EXCEL_API}); this Excel is older, so update Office and open the add-in again.`,
    );
}

const OLD_EXCEL = `This Excel lacks a feature the add-in needs (Excel JavaScript API ${REQUIRED_EXCEL_API}). Update Office and run again.`;

/** Microsoft lists these as what Excel gives while another workbook has focus (Windows and Mac). */
const FOCUS =
  'Excel stopped the add-in because another workbook came to the front while it worked. Keep this workbook in front and run again; the run replaces any sheets it had started.';

const MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode:
    'Excel is editing a cell. Press Enter or Esc to finish editing, then run again.',
  // Microsoft documents this code only as "you cannot perform the requested operation".
  AccessDenied:
    'Excel did not allow the add-in to change this workbook. If it is read-only, protected or open in a view-only mode, save an editable copy (or unprotect it) and run again.',
  RequestPayloadSizeLimitExceeded:
    'Excel refused a step larger than it takes at once (Excel on the web allows 5 MB). Run again; if it keeps failing, use Excel for Windows or Mac.',
  ResponsePayloadSizeLimitExceeded:
    'The workbook is larger than Excel on the web hands to an add-in in one step. Run the add-in in Excel for Windows or Mac, or move unrelated sheets to another workbook.',
  RangeExceedsLimit:
    'A sheet uses more cells than Excel lets an add-in read at once (5,000,000). Delete what lies beyond your data (a stray value far below or to the right of it) and run again.',
  ItemNotFound:
    'A sheet or table the add-in needed is no longer there (it was deleted or renamed). Run again.',
  ItemAlreadyExists: 'A sheet or table name the add-in needed was taken while it ran. Run again.',
  Conflict: 'Someone else changed the workbook while the add-in ran. Run again.',
  InsertDeleteConflict:
    'Another change to the workbook got in the way of the add-in (a sheet was being inserted or deleted). Run again.',
  ActivityLimitReached: 'Excel is busy with too many requests at once. Wait a moment and run again.',
  ApiNotFound: OLD_EXCEL,
  NotImplemented: OLD_EXCEL,
  InvalidSelection: FOCUS,
  InactiveWorkbook: FOCUS,
  // GeneralException is Excel's catch-all; the one known cause an add-in can name is a change of focus.
  GeneralException: `Excel could not finish a step. ${FOCUS} If it keeps failing, save your work and restart Excel.`,
  MergedRangeConflict:
    "Excel would not put one of the add-in's tables over merged cells, so the output is incomplete. Run again; if it keeps failing, please report this with the workbook's layout.",
  EmptyChartSeries:
    'Excel refused a chart of the add-in because one of its series is empty, so the output is incomplete. Run again; if it keeps failing, please report this.',
  UnsupportedSheet:
    'The add-in cannot work on a chart sheet or a macro sheet. Select a worksheet and run again.',
};

/** The error as a sentence, when it is an Office error (it has a string `code`); null otherwise. */
export function officeErrorMessage(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  const known = MESSAGES[code];
  if (known) return known;
  const message = (error as { message?: unknown }).message;
  return `Excel refused a change the add-in made (${code}${typeof message === 'string' && message ? `: ${message}` : ''}). Nothing was lost; please report this with the workbook's layout.`;
}
