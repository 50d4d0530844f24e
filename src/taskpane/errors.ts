// The pane's one error boundary turns any failure of a user action into a sentence (SPEC §5.2).
import { AbortError, InputError } from '../engine/errors';
import { officeErrorMessage } from '../workbook/office/errors';

export function describeError(error: unknown): string {
  if (error instanceof AbortError) return 'Cancelled. Nothing was written to the workbook.';
  if (error instanceof InputError) return error.message;
  const office = officeErrorMessage(error);
  if (office) return office;
  const message = error instanceof Error ? error.message : String(error);
  return `Something went wrong inside the add-in: ${message}. Your sheets were not changed.`;
}
