// Errors the user can act on. An InputError's message is one sentence that says what to fix; surfaces
// show it as is (the CLI exits with code 2). Anything else is a defect in the product.

export class InputError extends Error {
  override name = 'InputError';
}

/** Thrown by long calls when their AbortSignal fires. */
export class AbortError extends Error {
  override name = 'AbortError';
  constructor(message = 'The run was cancelled.') {
    super(message);
  }
}

export function isAbortError(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}
