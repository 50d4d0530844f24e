// The pane's one error boundary turns any failure of a user action into a sentence (SPEC §5.2).
import { AbortError, InputError } from '../engine/errors';
import { officeErrorMessage } from '../workbook/office/errors';

/** The text of any thrown value: an Error's message, an Office error object's `message`, or its text. */
function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message =
    typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : null;
  return typeof message === 'string' && message ? message : String(error);
}

export function describeError(error: unknown): string {
  if (error instanceof AbortError) return 'Cancelled. Nothing was written to the workbook.';
  if (error instanceof InputError) return error.message;
  const office = officeErrorMessage(error);
  if (office) return office;
  return `Something went wrong inside the add-in: ${messageOf(error)}. Your sheets were not changed.`;
}

/** What the pane says when its choices could not be saved in the workbook. */
export function choicesNotSaved(error: unknown): string {
  const office = officeErrorMessage(error);
  return `Your choices could not be saved in the workbook, so they hold only until the pane closes. ${office ?? `Excel said: ${messageOf(error)}.`}`;
}
