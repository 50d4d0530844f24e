// Excel on the web takes at most 5 MB in one request and returns at most 5 MB in one response. On the
// web a large batch is therefore sent in several syncs, each under the limit; elsewhere (Windows, Mac)
// there is no such limit and the batch stays whole, so the number of syncs does not depend on the size.

/** Excel on the web's limit is 5 MB per request and per response; this leaves room for the envelope. */
export const WEB_PAYLOAD_LIMIT = 4_000_000;

/** What one small operation (a format, a link, a table name) costs in a request, generously counted. */
export const OP_BYTES = 200;

export class PayloadBudget {
  private used = 0;
  /** Syncs this budget added to keep requests under the limit. */
  extraSyncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly limit: number = Infinity,
  ) {}

  /** Call before queuing an operation that sends `bytes`: when it would not fit, the queue is sent first. */
  async reserve(bytes: number): Promise<void> {
    if (this.used > 0 && this.used + bytes > this.limit) {
      await this.context.sync();
      this.extraSyncs++;
      this.used = 0;
    }
    this.used += bytes;
  }

  /**
   * Rows per piece so that a piece of these rows stays under half the limit (all of them when unlimited);
   * `grids` are the arrays sent for the same rows (values and number formats).
   */
  rowsPerPiece(...grids: (readonly unknown[][] | null)[]): number {
    const rows = grids[0]?.length ?? 0;
    if (!Number.isFinite(this.limit) || rows === 0) return Math.max(1, rows);
    const sample = Math.min(rows, 50);
    const perRow =
      grids.reduce((n, g) => n + (g ? JSON.stringify(g.slice(0, sample)).length : 0), 0) / sample + 16;
    // Rows vary (a long name, a note): count each at 1.5 times the sample's average.
    return Math.max(1, Math.floor(this.limit / 2 / (perRow * 1.5)));
  }
}

const jsonBytes = (v: unknown) => JSON.stringify(v).length;

/**
 * Writes a rectangle of cells (one `formulas` and one `numberFormat` assignment), in pieces of rows when
 * the budget is limited: each piece is reserved before it is queued.
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
    await budget.reserve(jsonBytes(part) + (partFormats ? jsonBytes(partFormats) : 0) + OP_BYTES);
    const range = worksheet.getRangeByIndexes(row - 1 + r, col - 1, part.length, width);
    range.formulas = part;
    if (partFormats) range.numberFormat = partFormats;
  }
}
