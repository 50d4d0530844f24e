// What goes wrong between the add-in and Excel, in words a user can act on: an old Excel (requirement
// sets), and `OfficeExtension.Error`s mapped by their code (never by message text, which is localized).
import { InputError } from '../../engine/errors';

/** The Excel JavaScript API version the add-in's calls need (SPEC §5.2; the manifest asks for it too). */
export const REQUIRED_EXCEL_API = '1.7';

/** Throws the one sentence a user of an older Excel needs. */
export function assertExcelApi(isSetSupported: (name: string, version: string) => boolean): void {
  if (!isSetSupported('ExcelApi', REQUIRED_EXCEL_API))
    throw new InputError(
      `SRO Portfolio needs Excel 2019, Microsoft 365 or Excel on the web (Excel JavaScript API ${REQUIRED_EXCEL_API}); this Excel is older. Update Office and open the add-in again.`,
    );
}

const OLD_EXCEL = `This Excel lacks a feature the add-in needs (Excel JavaScript API ${REQUIRED_EXCEL_API}). Update Office and run again.`;

const MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode:
    'Excel is editing a cell. Press Enter or Esc to finish editing, then run again.',
  AccessDenied:
    'The workbook is protected or read-only, so the add-in cannot add its sheets. Unprotect it (Review › Protect Workbook) or save a copy you can edit, then run again.',
  RequestPayloadSizeLimitExceeded:
    'Excel refused a step larger than it takes at once (Excel on the web allows 5 MB). Run again; if it keeps failing, use Excel for Windows or Mac.',
  ResponsePayloadSizeLimitExceeded:
    'The workbook is larger than Excel on the web hands to an add-in in one step. Run the add-in in Excel for Windows or Mac, or move unrelated sheets to another workbook.',
  ItemNotFound:
    'A sheet or table the add-in needed is no longer there (it was deleted or renamed). Run again.',
  ItemAlreadyExists: 'A sheet or table name the add-in needed was taken while it ran. Run again.',
  Conflict: 'Someone else changed the workbook while the add-in ran. Run again.',
  InsertDeleteConflict:
    'Another change to the workbook got in the way of the add-in (a sheet was being inserted or deleted). Run again.',
  ActivityLimitReached: 'Excel is busy with too many requests at once. Wait a moment and run again.',
  ApiNotFound: OLD_EXCEL,
  NotImplemented: OLD_EXCEL,
  GeneralException:
    'Excel could not finish the change. Save your work and run again; if it keeps failing, restart Excel.',
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
