// Cancelling a selection: the rejection a cancelled call gives, and the points where a long run looks
// for an abort from the UI.

/** The rejection of a cancelled call: a DOMException named AbortError (an Error where DOMException is missing). */
export function abortError(): Error {
  const message = 'The portfolio selection was cancelled.';
  if (typeof DOMException === 'function') return new DOMException(message, 'AbortError');
  const err = new Error(message);
  err.name = 'AbortError';
  return err;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

/** Lets pending events (an abort from the UI) run between solves; setTimeout exists in Workers and Node. */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
