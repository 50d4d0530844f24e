// An Excel object-model simulator for tests (SPEC §5.2): `sim.run(batch)` stands in for `Excel.run`,
// enforces load/sync semantics, counts syncs, and the workbook can be seeded and read back. It is
// stricter than Excel in one place: a batch that ends with queued operations it never synced fails
// (Excel would flush them, but code relying on that cannot see or report their errors).
import { parseArea, SimBook, SimSheet, type SimCell, type SimValue } from './book';
import { SimContext, SimError, type SimOptions } from './context';
import { SimWorkbook, versionAtLeast } from './objects';

export { OP_BYTES, READ_CELL_CAP, SimError, utf8Bytes } from './context';
export type { SimBook, SimCell, SimSheet } from './book';

/** A workbook's contents as plain data (JSON), e.g. converted from an .xlsx file. */
export interface SimSeed {
  sheets: {
    name: string;
    visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
    /** [row, column (1-based), value, number format, formula]. */
    cells: [number, number, SimValue, string?, string?][];
  }[];
  tables: {
    name: string;
    sheet: string;
    ref: string;
    showHeaders?: boolean;
    showTotals?: boolean;
    style?: string;
  }[];
  names: { name: string; formula: string; visible?: boolean }[];
}

/** What a batch gets: Excel's `RequestContext` subset. */
export interface SimRequestContext {
  workbook: SimWorkbook;
  sync(): Promise<void>;
}

export class ExcelSimulator {
  readonly book = new SimBook();
  /** Every `context.sync()` of every run. */
  syncs = 0;
  runs = 0;
  /**
   * The largest request and response of any sync, in bytes: UTF-8 JSON of the data plus OP_BYTES per
   * operation (Excel on the web allows 5 MB).
   */
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  /** The request size of every sync, in order. */
  readonly requestBytes: number[] = [];
  readonly options: SimOptions;
  /** The sync (counted over every run, from 1) from which another workbook has focus; null: never. */
  private focusLostFrom: number | null = null;

  constructor(seed?: SimSeed, options: Partial<SimOptions> = {}) {
    this.options = { apiVersion: '1.13', ...options };
    if (seed) this.seed(seed);
  }

  /**
   * Another workbook takes focus from the given sync on (the next one by default): the operations
   * Microsoft lists as failing then (FOCUS_SENSITIVE) fail with its error codes until `regainFocus`.
   */
  loseFocus(fromSync = this.syncs + 1): void {
    this.focusLostFrom = fromSync;
  }

  regainFocus(): void {
    this.focusLostFrom = null;
  }

  seed(seed: SimSeed): void {
    for (const s of seed.sheets) {
      const sheet = new SimSheet(s.name);
      if (s.visibility) sheet.visibility = s.visibility;
      for (const [r, c, value, numberFormat, formula] of s.cells) {
        const cell = sheet.at(r, c);
        cell.value = value;
        if (numberFormat) cell.numberFormat = numberFormat;
        if (formula) cell.formula = formula;
      }
      this.book.sheets.push(sheet);
    }
    for (const t of seed.tables) {
      const sheet = this.book.sheet(t.sheet);
      if (!sheet) throw new Error(`Seed table ${t.name} is on a missing sheet ${t.sheet}.`);
      this.book.tables.push({
        name: t.name,
        sheet,
        area: parseArea(t.ref),
        showHeaders: t.showHeaders ?? true,
        showTotals: t.showTotals ?? false,
        style: t.style ?? 'TableStyleMedium2',
      });
    }
    for (const n of seed.names)
      this.book.names.push({ name: n.name, formula: n.formula, visible: n.visible ?? true, comment: '' });
  }

  /** `Office.context.requirements.isSetSupported('ExcelApi', version)`. */
  isSetSupported(name: string, version: string): boolean {
    return name === 'ExcelApi' && versionAtLeast(this.options.apiVersion, version);
  }

  /** `Excel.run`: one request context per call. */
  async run<T>(batch: (context: SimRequestContext) => Promise<T>): Promise<T> {
    this.runs++;
    const ctx = new SimContext(this.book, this.options, ({ request, response }) => {
      this.syncs++;
      this.requestBytes.push(request);
      this.maxRequestBytes = Math.max(this.maxRequestBytes, request);
      this.maxResponseBytes = Math.max(this.maxResponseBytes, response);
    });
    ctx.focusLost = () => this.focusLostFrom !== null && this.syncs + 1 >= this.focusLostFrom;
    const context: SimRequestContext = { workbook: new SimWorkbook(ctx), sync: () => ctx.sync() };
    const result = await batch(context);
    if (ctx.pending > 0)
      throw new SimError(
        'UnsyncedOperations',
        `The batch ended with ${ctx.pending} queued operation(s) never sent to Excel: call context.sync() after the last change.`,
      );
    return result;
  }

  /** Reads back one sheet's cells as a map `A1 → cell` (tests). */
  cells(sheet: string): Map<string, SimCell> {
    const s = this.book.sheet(sheet);
    if (!s) throw new Error(`No sheet ${sheet}.`);
    const out = new Map<string, SimCell>();
    for (const [r, cols] of s.cells) for (const [c, cell] of cols) out.set(`${r}:${c}`, cell);
    return out;
  }

  sheetNames(): string[] {
    return this.book.sheets.map((s) => s.name);
  }
}
