// The request context: a queue of operations and loads applied in order at `sync`, a sync counter, and
// the errors Excel raises (OfficeExtension.Error-like: `code`, `message`, `debugInfo`).
import type { SimBook } from './book';

export class SimError extends Error {
  override readonly name = 'RichApi.Error';
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    location?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(location ? { errorLocation: location } : {}) };
  }
}

export function notLoaded(type: string, prop: string): SimError {
  return new SimError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}

export interface SimOptions {
  /** Highest ExcelApi version the host claims, e.g. "1.7". */
  apiVersion: string;
}

export class SimContext {
  private queue: { op: () => void; where: string }[] = [];
  syncs = 0;
  /** True while `sync` applies the queue. */
  running = false;

  constructor(
    readonly book: SimBook,
    readonly options: SimOptions,
    private readonly onSync: () => void,
  ) {}

  enqueue(where: string, op: () => void): void {
    this.queue.push({ op, where });
  }

  get pending(): number {
    return this.queue.length;
  }

  /**
   * Applies every queued operation in order. The first one that fails rejects the sync with Excel's
   * error; the operations before it have taken effect, the ones after it are dropped (as in Excel).
   */
  async sync(): Promise<void> {
    this.syncs++;
    this.onSync();
    const ops = this.queue;
    this.queue = [];
    await Promise.resolve();
    this.running = true;
    try {
      for (const { op, where } of ops) {
        try {
          op();
        } catch (e) {
          if (e instanceof SimError) throw e;
          throw new SimError('InvalidArgument', e instanceof Error ? e.message : String(e), where);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
