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
  /**
   * Largest request and response of one sync, in bytes of JSON, as Excel on the web enforces (5 MB);
   * none by default (Excel on Windows and Mac).
   */
  payloadLimitBytes?: number;
}

/** What one queued operation sends when it carries no array (its name, ids and a scalar or two). */
const OP_BYTES = 64;

/** Bytes of a value as JSON, the unit of Excel on the web's payload limit. */
export function jsonBytes(v: unknown): number {
  return JSON.stringify(v)?.length ?? 4;
}

export class SimContext {
  private queue: { op: () => void; where: string; bytes: number }[] = [];
  /** Bytes the loads of the running sync return. */
  private responseBytes = 0;
  syncs = 0;
  /** True while `sync` applies the queue. */
  running = false;

  constructor(
    readonly book: SimBook,
    readonly options: SimOptions,
    private readonly onSync: (payload: { request: number; response: number }) => void,
  ) {}

  /** Queues an operation; `bytes` is what it sends (an array's JSON), a small constant otherwise. */
  enqueue(where: string, op: () => void, bytes = OP_BYTES): void {
    this.queue.push({ op, where, bytes });
  }

  /** Counts what a load returns (called as the load runs). */
  respond(bytes: number): void {
    this.responseBytes += bytes;
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
    const ops = this.queue;
    this.queue = [];
    const request = ops.reduce((n, o) => n + o.bytes, 0);
    const limit = this.options.payloadLimitBytes;
    await Promise.resolve();
    if (limit !== undefined && request > limit) {
      this.onSync({ request, response: 0 });
      throw new SimError(
        'RequestPayloadSizeLimitExceeded',
        `The request payload size has exceeded the limit (${request} bytes > ${limit}).`,
      );
    }
    this.responseBytes = 0;
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
      this.onSync({ request, response: this.responseBytes });
    }
    if (limit !== undefined && this.responseBytes > limit)
      throw new SimError(
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size has exceeded the limit (${this.responseBytes} bytes > ${limit}).`,
      );
  }
}
