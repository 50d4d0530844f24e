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
  /** Highest ExcelApi version the host claims, e.g. "1.13". */
  apiVersion: string;
  /**
   * Largest request and response of one sync, in bytes (UTF-8), as Excel on the web enforces (5 MB);
   * none by default (Excel on Windows and Mac).
   */
  payloadLimitBytes?: number;
  /**
   * What loading more than 5,000,000 cells of one range gives: Excel's RangeExceedsLimit error (the
   * default), or `values` that are null, as some hosts have returned.
   */
  overCapRead?: 'error' | 'null';
  /** True when setting `NamedItem.visible = false` has no effect (office-js #3878, #3949). */
  namesStayVisible?: boolean;
}

/**
 * What one queued operation (a method call, a property set, a new object, a load) costs in a request
 * besides the data it carries. Microsoft's performance guidance for Excel add-ins says that 10,000
 * single-cell writes — a range object and a value each, 20,000 operations — would likely pass Excel on
 * the web's 5 MB request limit: about 250 bytes an operation.
 */
export const OP_BYTES = 250;

/** Cells one range may return to a read, on every platform (Microsoft's resource-limits page). */
export const READ_CELL_CAP = 5_000_000;

/** Bytes of a string in UTF-8 (what travels), counted without encoding it. */
export function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 4 bytes for 2 UTF-16 units
      i++;
    } else if (c >= 0x800) n += 2;
    else if (c >= 0x80) n += 1;
  }
  return n;
}

/** Bytes of a value as JSON in UTF-8, the unit of Excel on the web's payload limit. */
export function jsonBytes(v: unknown): number {
  const text = JSON.stringify(v);
  return text === undefined ? 4 : utf8Bytes(text);
}

/**
 * The operations that fail while another workbook has focus on Windows or Mac, and the error each gives
 * (Microsoft's troubleshooting page for Excel add-ins: "API limitations when the active workbook switches").
 */
export const FOCUS_SENSITIVE: Record<string, string> = {
  'Worksheet.activate': 'GeneralException',
  'Worksheet.delete': 'InvalidSelection',
  'Worksheet.showGridlines': 'GeneralException',
  'WorksheetCollection.add': 'GeneralException',
  'FreezePanes.freezeAt': 'GeneralException',
  'FreezePanes.freezeColumns': 'GeneralException',
  'FreezePanes.freezeRows': 'GeneralException',
};

export class SimContext {
  private queue: { op: () => void; where: string; bytes: number }[] = [];
  /** Bytes the loads of the running sync return. */
  private responseBytes = 0;
  syncs = 0;
  /** True while `sync` applies the queue. */
  running = false;
  /** While true, the focus-sensitive operations fail as they do when another workbook has focus. */
  focusLost: () => boolean = () => false;

  constructor(
    readonly book: SimBook,
    readonly options: SimOptions,
    private readonly onSync: (payload: { request: number; response: number }) => void,
  ) {}

  /** Queues an operation; `payload` is the bytes of the data it carries (an array's JSON, a name). */
  enqueue(where: string, op: () => void, payload = 0): void {
    this.queue.push({ op, where, bytes: OP_BYTES + payload });
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
        const lost = FOCUS_SENSITIVE[where];
        if (lost && this.focusLost())
          throw new SimError(lost, 'Another workbook has focus; the operation cannot run.', where);
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
