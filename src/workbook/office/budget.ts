// Excel on the web takes at most 5 MB in one request and returns at most 5 MB in one response. On the
// web a large batch is therefore sent in several syncs, each under the limit; elsewhere (Windows, Mac)
// there is no such limit and the batch stays whole, so the number of syncs does not depend on the size.
//
// What a batch sends is counted before it is queued: each group of calls runs first against a stand-in
// that counts, instead of queuing, every call and property set (at OP_BYTES each) and the UTF-8 bytes of
// the data they carry. Counting the calls themselves means nothing queued escapes the count.

/** Excel on the web's limit is 5 MB per request and per response; this leaves room for the envelope. */
export const WEB_PAYLOAD_LIMIT = 4_000_000;

/**
 * What one call or property set costs in a request besides its data. Microsoft's performance guidance
 * says 10,000 single-cell writes (a range and a value each: 20,000 operations) would likely pass 5 MB,
 * about 250 bytes an operation; counted here at 300.
 */
export const OP_BYTES = 300;

/** Bytes of a string in UTF-8, counted without encoding it. */
export function utf8Bytes(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      n += 2; // a surrogate pair: 4 bytes for 2 UTF-16 units
      i++;
    } else if (c >= 0x800) n += 2;
    else if (c >= 0x80) n++;
  }
  return n;
}

/** Bytes of a value as JSON in UTF-8, as it travels. */
export function jsonBytes(v: unknown): number {
  const text = JSON.stringify(v);
  return text === undefined ? 0 : utf8Bytes(text);
}

/**
 * A stand-in for any Excel object (workbook, sheet, range, chart…) that counts what would be sent:
 * reading a property gives the stand-in again, a call or a property set adds OP_BYTES and its data.
 */
export function meter(): { stand: unknown; bytes: () => number } {
  let bytes = 0;
  const data = (v: unknown) => (v === stand || typeof v === 'function' ? 0 : jsonBytes(v));
  // The target is a function so that the stand-in can be called (`ws.getRange(…)`) as well as read.
  const stand: unknown = new Proxy(function standIn() {}, {
    get: (_, prop) => (prop === 'then' || prop === 'toJSON' ? undefined : stand),
    set: (_, _prop, value) => {
      bytes += OP_BYTES + data(value);
      return true;
    },
    apply: (_, _this, args: unknown[]) => {
      bytes += OP_BYTES + args.reduce<number>((n, a) => n + data(a), 0);
      return stand;
    },
  });
  return { stand, bytes: () => bytes };
}

/** Bytes of what `ops` queues, measured on a stand-in (nothing is queued). */
export function measure<T>(ops: (target: T) => unknown): number {
  const m = meter();
  ops(m.stand as T);
  return m.bytes();
}

export class PayloadBudget {
  private used = 0;
  /** Syncs this budget added to keep requests under the limit. */
  extraSyncs = 0;
  /** The largest single group queued (a group is never split across requests). */
  largest = 0;

  /**
   * `context` null plans instead: nothing is sent, the syncs it would add are counted (`extraSyncs`),
   * and `largest` tells whether every group fits in one request.
   */
  constructor(
    private readonly context: Excel.RequestContext | null,
    readonly limit: number = Infinity,
  ) {}

  get limited(): boolean {
    return Number.isFinite(this.limit);
  }

  /** Call before queuing what sends `bytes`: when it would not fit with what is queued, that is sent first. */
  async reserve(bytes: number): Promise<void> {
    this.largest = Math.max(this.largest, bytes);
    if (this.used > 0 && this.used + bytes > this.limit) {
      if (this.context) await this.context.sync();
      this.extraSyncs++;
      this.used = 0;
    }
    this.used += bytes;
  }

  /**
   * Queues `ops` on `target` as one group, measured first when the budget is limited. Planning, `ops`
   * runs only on the stand-in.
   */
  async queue<T, R>(target: T, ops: (target: T) => R): Promise<R> {
    if (!this.limited) return ops(target);
    const m = meter();
    const result = ops(m.stand as T);
    await this.reserve(m.bytes());
    return this.context ? ops(target) : result;
  }

  /**
   * Rows per piece so that a piece of these rows stays under half the limit (all of them when unlimited);
   * `grids` are the arrays sent for the same rows (values and number formats).
   */
  rowsPerPiece(...grids: (readonly unknown[][] | null)[]): number {
    const rows = grids[0]?.length ?? 0;
    if (!this.limited || rows === 0) return Math.max(1, rows);
    const sample = Math.min(rows, 50);
    const perRow = grids.reduce((n, g) => n + (g ? jsonBytes(g.slice(0, sample)) : 0), 0) / sample + 16;
    // Rows vary (a long name, a note): count each at 1.5 times the sample's average.
    return Math.max(1, Math.floor(this.limit / 2 / (perRow * 1.5)));
  }
}

/**
 * Writes a rectangle of cells (one `formulas` and one `numberFormat` assignment), in pieces of rows when
 * the budget is limited: each piece is one group.
 */
export async function writeCells(
  budget: PayloadBudget,
  worksheet: Excel.Worksheet,
  row: number,
  col: number,
  cells: (string | number | boolean)[][],
  formats: string[][] | null,
): Promise<void> {
  if (cells.length === 0) return;
  const width = cells[0]!.length;
  const step = budget.rowsPerPiece(cells, formats);
  for (let r = 0; r < cells.length; r += step) {
    const part = cells.slice(r, r + step);
    const partFormats = formats?.slice(r, r + step) ?? null;
    await budget.queue(worksheet, (ws) => {
      const range = ws.getRangeByIndexes(row - 1 + r, col - 1, part.length, width);
      range.formulas = part;
      if (partFormats) range.numberFormat = partFormats;
    });
  }
}
