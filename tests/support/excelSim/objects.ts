// Proxy objects of the Excel JavaScript API subset the add-in uses, with Excel's semantics: a property
// can be read only after `load` and `sync`; every write and method call is queued and applied at `sync`;
// `…OrNullObject` gives an object whose `isNullObject` tells after a sync; a values array must have the
// range's shape. Objects resolve against the workbook when the queue runs, so a sheet added earlier in
// the same batch is found.
import {
  areaA1,
  definedNameProblem,
  fullAddress,
  parseArea,
  quoteSheetName,
  sheetNameProblem,
  splitAddress,
  type Area,
  type SimBook,
  type SimCell,
  type SimChart,
  type SimChartSeries,
  SimSheet,
  type SimName,
  type SimTable,
} from './book';
import { columnLetter } from '../../../src/engine/address';
import { jsonBytes, notLoaded, READ_CELL_CAP, SimError, type SimContext } from './context';
import { enter } from './entry';

type LoadArg = string | string[] | { select?: string | string[] } | undefined;

function loadList(arg: LoadArg): string[] | null {
  if (arg === undefined) return null;
  const raw = typeof arg === 'string' || Array.isArray(arg) ? arg : (arg.select ?? '');
  const list = (Array.isArray(raw) ? raw : raw.split(',')).map((s) => s.trim()).filter(Boolean);
  return list.length ? list : null;
}

/** Base of every proxy: loaded values live in a snapshot taken when the queue runs. */
abstract class ClientObject<T> {
  private snapshot: Record<string, unknown> | null = null;
  private nullKnown: boolean | null = null;

  constructor(
    protected readonly ctx: SimContext,
    private readonly typeName: string,
    private readonly resolver: () => T | null,
    /** Scalar properties `load()` without arguments gives. */
    private readonly scalars: readonly string[],
  ) {
    // `isNullObject` is known after the next sync, without a load. Items a collection load makes while
    // the queue runs are primed at once instead (see `prime`).
    if (!ctx.running)
      ctx.enqueue(`${typeName}.isNullObject`, () => {
        this.nullKnown = this.resolver() === null;
      });
  }

  /** Loads `props` now: for the items of a collection, made while the queue runs. */
  prime(props: string[] | undefined): this {
    const t = this.resolver();
    this.nullKnown = t === null;
    const snap: Record<string, unknown> = {};
    if (t !== null) for (const p of props ?? this.scalars) snap[p] = this.read(t, p);
    this.snapshot = snap;
    return this;
  }

  protected target(): T | null {
    return this.resolver();
  }

  /** The object at sync time; a null object or a deleted item cannot take operations. */
  protected must(where: string): T {
    const t = this.resolver();
    if (t === null) throw new SimError('ItemNotFound', `The requested resource doesn't exist.`, where);
    return t;
  }

  protected abstract read(target: T, prop: string): unknown;

  load(arg?: LoadArg): this {
    const props = loadList(arg) ?? [...this.scalars];
    this.ctx.enqueue(`${this.typeName}.load`, () => {
      const t = this.resolver();
      const snap: Record<string, unknown> = { ...(this.snapshot ?? {}) };
      if (t !== null)
        for (const p of props) {
          snap[p] = this.read(t, p);
          this.ctx.respond(jsonBytes(snap[p]));
        }
      this.snapshot = snap;
    });
    return this;
  }

  protected loaded<V>(prop: string): V {
    if (!this.snapshot || !(prop in this.snapshot)) throw notLoaded(this.typeName, prop);
    return this.snapshot[prop] as V;
  }

  get isNullObject(): boolean {
    if (this.nullKnown === null) throw notLoaded(this.typeName, 'isNullObject');
    return this.nullKnown;
  }

  /** Queues an operation on the object; `payload` is the bytes of the data it sends. */
  protected queue(where: string, op: (t: T) => void, payload = 0): void {
    this.ctx.enqueue(`${this.typeName}.${where}`, () => op(this.must(`${this.typeName}.${where}`)), payload);
  }
}

/**
 * A write-only bag of format properties (font, fill, chart title…): each assignment is queued and given
 * to `apply` with its path; reading one throws as an unloaded property would; unknown names throw at once
 * (the simulator implements only the subset the add-in uses, so a typo is caught).
 */
function formatBag(
  ctx: SimContext,
  type: string,
  props: readonly string[],
  apply: (path: string, value: unknown) => void,
  children: Record<string, object> = {},
  methods: Record<string, (...args: unknown[]) => void> = {},
): Record<string, unknown> {
  const bag: Record<string, unknown> = {};
  for (const p of props)
    Object.defineProperty(bag, p, {
      get() {
        throw notLoaded(type, p);
      },
      set(v: unknown) {
        ctx.enqueue(`${type}.${p}`, () => apply(p, v), jsonBytes(v));
      },
      enumerable: true,
    });
  for (const [k, child] of Object.entries(children)) Object.defineProperty(bag, k, { value: child });
  for (const [k, fn] of Object.entries(methods)) Object.defineProperty(bag, k, { value: fn });
  return new Proxy(bag, {
    set(target, prop, value) {
      if (typeof prop === 'string' && !(prop in target))
        throw new TypeError(`The simulator's ${type} has no property "${prop}".`);
      return Reflect.set(target, prop, value);
    },
    get(target, prop) {
      if (typeof prop === 'string' && !(prop in target) && prop !== 'then' && prop !== 'toJSON')
        throw new TypeError(`The simulator's ${type} has no member "${prop}".`);
      return Reflect.get(target, prop);
    },
  });
}

function checkColor(v: unknown): string {
  if (typeof v !== 'string' || !/^#[0-9A-Fa-f]{6}$/.test(v))
    throw new SimError('InvalidArgument', `"${String(v)}" is not a colour (#RRGGBB).`);
  return v;
}

// ---- workbook --------------------------------------------------------------------------------------

export class SimWorkbook {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly names: NamedItemCollection;
  readonly settings: SettingCollection;
  constructor(private readonly ctx: SimContext) {
    this.worksheets = new WorksheetCollection(ctx);
    this.tables = new TableCollection(ctx, null);
    this.names = new NamedItemCollection(ctx);
    this.settings = new SettingCollection(ctx);
  }
}

// ---- settings (ExcelApi 1.4: the add-in's own key-value pairs, saved in the workbook) ----------------

export class SettingCollection {
  constructor(private readonly ctx: SimContext) {}

  add(key: string, value: unknown): Setting {
    this.ctx.enqueue(
      'SettingCollection.add',
      () => {
        if (!key) throw new SimError('InvalidArgument', 'A setting needs a key.');
        // Values travel as JSON, as Excel keeps them.
        this.ctx.book.settings.set(key, JSON.parse(JSON.stringify(value ?? null)) as unknown);
      },
      jsonBytes([key, value]),
    );
    return this.getItemOrNullObject(key);
  }

  getItemOrNullObject(key: string): Setting {
    return new Setting(this.ctx, () => (this.ctx.book.settings.has(key) ? key : null));
  }
}

export class Setting extends ClientObject<string> {
  constructor(ctx: SimContext, resolver: () => string | null) {
    super(ctx, 'Setting', resolver, ['key', 'value']);
  }

  protected read(key: string, prop: string): unknown {
    if (prop === 'key') return key;
    if (prop === 'value') return this.ctx.book.settings.get(key);
    throw new TypeError(`The simulator's Setting cannot load "${prop}".`);
  }

  get value(): unknown {
    return this.loaded('value');
  }
}

// ---- worksheets ------------------------------------------------------------------------------------

class Collection<T> {
  private items_: T[] | null = null;
  constructor(
    protected readonly ctx: SimContext,
    private readonly typeName: string,
  ) {}

  protected loadItems(
    arg: LoadArg,
    list: () => T[],
    loadOne: (item: T, props: string[] | undefined) => void,
  ): this {
    const props = loadList(arg)?.map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue(`${this.typeName}.load`, () => {
      const items = list();
      for (const it of items) loadOne(it, props);
      this.items_ = items;
    });
    return this;
  }

  get items(): T[] {
    if (!this.items_) throw notLoaded(this.typeName, 'items');
    return this.items_;
  }
}

export class WorksheetCollection extends Collection<Worksheet> {
  constructor(ctx: SimContext) {
    super(ctx, 'WorksheetCollection');
  }

  load(arg?: LoadArg): this {
    return this.loadItems(
      arg,
      () => this.ctx.book.sheets.map((s) => sheetProxy(this.ctx, s)),
      (item, props) => item.prime(props),
    );
  }

  getItem(name: string): Worksheet {
    return new Worksheet(this.ctx, () => {
      const s = this.ctx.book.sheet(name);
      if (!s)
        throw new SimError(
          'ItemNotFound',
          `The requested resource doesn't exist.`,
          'WorksheetCollection.getItem',
        );
      return s;
    });
  }

  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.ctx, () => this.ctx.book.sheet(name) ?? null);
  }

  add(name: string): Worksheet {
    let made: SimSheet | null = null;
    this.ctx.enqueue(
      'WorksheetCollection.add',
      () => {
        const problem = sheetNameProblem(name);
        if (problem)
          throw new SimError('InvalidArgument', `The sheet name "${name}" is not valid: ${problem}.`);
        if (this.ctx.book.sheet(name))
          throw new SimError('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
        made = new SimSheet(name);
        this.ctx.book.sheets.push(made);
      },
      jsonBytes(name),
    );
    return new Worksheet(this.ctx, () => made);
  }
}

function sheetProxy(ctx: SimContext, s: SimSheet): Worksheet {
  return new Worksheet(ctx, () => (ctx.book.sheets.includes(s) ? s : null));
}

export class Worksheet extends ClientObject<SimSheet> {
  readonly tables: TableCollection;
  readonly charts: ChartCollection;
  readonly freezePanes: FreezePanes;

  constructor(ctx: SimContext, resolver: () => SimSheet | null) {
    super(ctx, 'Worksheet', resolver, ['name', 'visibility', 'position']);
    this.tables = new TableCollection(ctx, this);
    this.charts = new ChartCollection(ctx, this);
    this.freezePanes = new FreezePanes(ctx, this);
  }

  /** For sibling proxies: the sheet at sync time. */
  sheetNow(where: string): SimSheet {
    return this.must(where);
  }

  protected read(s: SimSheet, prop: string): unknown {
    switch (prop) {
      case 'name':
        return s.name;
      case 'visibility':
        return s.visibility;
      case 'position':
        return this.ctx.book.sheets.indexOf(s);
      default:
        throw new TypeError(`The simulator's Worksheet cannot load "${prop}".`);
    }
  }

  get name(): string {
    return this.loaded('name');
  }

  set name(v: string) {
    this.queue(
      'name',
      (s) => {
        const problem = sheetNameProblem(v);
        if (problem) throw new SimError('InvalidArgument', `The sheet name "${v}" is not valid: ${problem}.`);
        const other = this.ctx.book.sheet(v);
        if (other && other !== s)
          throw new SimError('ItemAlreadyExists', `A sheet named "${v}" already exists.`);
        this.ctx.book.renameSheet(s, v);
      },
      jsonBytes(v),
    );
  }

  get visibility(): string {
    return this.loaded('visibility');
  }

  set visibility(v: string) {
    this.queue('visibility', (s) => {
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden')
        throw new SimError('InvalidArgument', `"${v}" is not a sheet visibility.`);
      const visible = this.ctx.book.sheets.filter((x) => x.visibility === 'Visible');
      if (v !== 'Visible' && visible.length === 1 && visible[0] === s)
        throw new SimError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      s.visibility = v;
    });
  }

  set tabColor(v: string) {
    this.queue('tabColor', (s) => (s.props.tabColor = checkColor(v)));
  }

  set showGridlines(v: boolean) {
    if (!versionAtLeast(this.ctx.options.apiVersion, '1.8'))
      throw new SimError('ApiNotFound', 'Worksheet.showGridlines needs ExcelApi 1.8.');
    this.queue('showGridlines', (s) => (s.props.showGridlines = v));
  }

  getRange(address?: string): Range {
    return new Range(this.ctx, this, () => {
      if (!address) return { top: 1, left: 1, bottom: 1_048_576, right: 16_384 };
      const { sheet, area } = splitAddress(address);
      if (sheet !== null) throw new SimError('InvalidArgument', `getRange takes an address without a sheet.`);
      return parseArea(area);
    });
  }

  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): Range {
    return new Range(this.ctx, this, () => {
      if (
        ![row, column, rowCount, columnCount].every(Number.isInteger) ||
        row < 0 ||
        column < 0 ||
        rowCount < 1 ||
        columnCount < 1
      )
        throw new SimError(
          'InvalidArgument',
          `getRangeByIndexes(${row}, ${column}, ${rowCount}, ${columnCount}) is not a range.`,
        );
      return parseArea(
        `${columnLetter(column + 1)}${row + 1}:${columnLetter(column + columnCount)}${row + rowCount}`,
      );
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    if (!valuesOnly) throw new TypeError('The simulator implements getUsedRangeOrNullObject(true) only.');
    return new Range(this.ctx, this, () => this.must('Worksheet.getUsedRangeOrNullObject').usedArea());
  }

  activate(): void {
    this.queue('activate', (s) => (this.ctx.book.activeSheet = s.name));
  }

  delete(): void {
    this.queue('delete', (s) => {
      const book = this.ctx.book;
      // Worksheet.delete's reference: a very hidden sheet must be made hidden or visible first.
      if (s.visibility === 'VeryHidden')
        throw new SimError('InvalidOperation', 'A very hidden sheet cannot be deleted; unhide it first.');
      if (book.sheets.filter((x) => x.visibility === 'Visible').length <= 1 && s.visibility === 'Visible')
        throw new SimError('InvalidOperation', 'A workbook must keep at least one visible sheet.');
      book.deleteSheet(s);
    });
  }
}

export function versionAtLeast(have: string, want: string): boolean {
  const [a1, a2] = have.split('.').map(Number);
  const [b1, b2] = want.split('.').map(Number);
  return a1! > b1! || (a1 === b1 && a2! >= b2!);
}

class FreezePanes {
  constructor(
    private readonly ctx: SimContext,
    private readonly ws: Worksheet,
  ) {}

  /** The sheet being frozen, noting when it is not the active one. */
  private sheet(where: string): SimSheet {
    const s = this.ws.sheetNow(where);
    if (this.ctx.book.activeSheet?.toLowerCase() !== s.name.toLowerCase()) s.frozenWhileInactive = true;
    return s;
  }

  freezeRows(count: number): void {
    this.ctx.enqueue(
      'FreezePanes.freezeRows',
      () => (this.sheet('freezeRows').freeze = { rows: count, columns: 0 }),
    );
  }

  freezeColumns(count: number): void {
    this.ctx.enqueue(
      'FreezePanes.freezeColumns',
      () => (this.sheet('freezeColumns').freeze = { rows: 0, columns: count }),
    );
  }

  freezeAt(range: Range): void {
    this.ctx.enqueue('FreezePanes.freezeAt', () => {
      const a = range.areaNow('freezeAt');
      if (a.top !== 1 || a.left !== 1)
        throw new SimError('InvalidArgument', 'freezeAt takes a range from A1.');
      this.sheet('freezeAt').freeze = { rows: a.bottom, columns: a.right };
    });
  }
}

// ---- ranges ----------------------------------------------------------------------------------------

type Grid = unknown[][];

function shapeProblem(input: unknown, rows: number, cols: number): string | null {
  if (!Array.isArray(input)) return 'it is not a 2-D array';
  if (input.length !== rows) return `it has ${input.length} rows, the range ${rows}`;
  for (let r = 0; r < input.length; r++) {
    const row: unknown = input[r];
    if (!Array.isArray(row)) return `row ${r + 1} is not an array`;
    if (row.length !== cols) return `row ${r + 1} has ${row.length} values, the range ${cols} columns`;
  }
  return null;
}

export class Range extends ClientObject<{ sheet: SimSheet; area: Area }> {
  private format_: Record<string, unknown> | null = null;
  private cf_: ConditionalFormatCollection | null = null;

  constructor(
    ctx: SimContext,
    readonly worksheet: Worksheet,
    private readonly areaOf: () => Area | null,
  ) {
    super(
      ctx,
      'Range',
      () => {
        const a = areaOf();
        return a ? { sheet: worksheet.sheetNow('Range'), area: a } : null;
      },
      ['address', 'values', 'formulas', 'numberFormat', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex'],
    );
  }

  /** Made on first use: most ranges the adapter makes are only written to. */
  get format(): Record<string, unknown> {
    if (this.format_) return this.format_;
    const look = (path: string) => (p: string, v: unknown) => this.applyLook(`${path}${p}`, v);
    const borders = {
      getItem: (index: string) => {
        if (!['EdgeBottom', 'EdgeTop', 'EdgeLeft', 'EdgeRight'].includes(index))
          throw new TypeError(`The simulator's borders have no "${index}".`);
        return formatBag(this.ctx, 'RangeBorder', ['style', 'color', 'weight'], look(`borders.${index}.`));
      },
    };
    return (this.format_ = formatBag(
      this.ctx,
      'RangeFormat',
      ['horizontalAlignment', 'verticalAlignment', 'wrapText', 'columnWidth', 'rowHeight'],
      (p, v) => this.applyLook(p, v),
      {
        font: formatBag(
          this.ctx,
          'RangeFont',
          ['bold', 'italic', 'underline', 'size', 'color', 'name'],
          look('font.'),
        ),
        fill: formatBag(this.ctx, 'RangeFill', ['color'], look('fill.')),
        borders,
      },
    ));
  }

  get conditionalFormats(): ConditionalFormatCollection {
    return (this.cf_ ??= new ConditionalFormatCollection(this.ctx, this));
  }

  /** The range's sheet and area at sync time. */
  areaNow(where: string): Area {
    return this.must(`Range.${where}`).area;
  }

  addressNow(where: string): string {
    const t = this.must(`Range.${where}`);
    return fullAddress(t.sheet.name, t.area);
  }

  private applyLook(path: string, value: unknown): void {
    const { sheet, area } = this.must(`RangeFormat.${path}`);
    if (path.endsWith('color')) checkColor(value);
    if (path === 'columnWidth') {
      for (let c = area.left; c <= area.right; c++) sheet.columnWidths.set(c, value as number);
      return;
    }
    if (path === 'rowHeight') {
      for (let r = area.top; r <= area.bottom; r++) sheet.rowHeights.set(r, value as number);
      return;
    }
    if (area.bottom - area.top > 100_000)
      throw new SimError('InvalidArgument', 'The simulator formats at most 100,000 rows at once.');
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) sheet.at(r, c).look[path] = value;
  }

  protected read(t: { sheet: SimSheet; area: Area }, prop: string): unknown {
    const { sheet, area } = t;
    const grid = (f: (c: SimCell | undefined) => unknown) => {
      const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
      if (cells > READ_CELL_CAP) {
        if (this.ctx.options.overCapRead === 'null') return null;
        throw new SimError(
          'RangeExceedsLimit',
          `The cell count in the range (${cells}) has exceeded the maximum supported number.`,
          `Range.${prop}`,
        );
      }
      const out: unknown[][] = [];
      for (let r = area.top; r <= area.bottom; r++) {
        const row: unknown[] = [];
        for (let c = area.left; c <= area.right; c++) row.push(f(sheet.cell(r, c)));
        out.push(row);
      }
      return out;
    };
    switch (prop) {
      case 'address':
        return fullAddress(sheet.name, area);
      case 'values':
        return grid((c) => c?.value ?? '');
      case 'formulas':
        return grid((c) => c?.formula ?? c?.value ?? '');
      case 'numberFormat':
        return grid((c) => c?.numberFormat ?? 'General');
      case 'rowCount':
        return area.bottom - area.top + 1;
      case 'columnCount':
        return area.right - area.left + 1;
      case 'rowIndex':
        return area.top - 1;
      case 'columnIndex':
        return area.left - 1;
      default:
        throw new TypeError(`The simulator's Range cannot load "${prop}".`);
    }
  }

  get address(): string {
    return this.loaded('address');
  }
  get values(): unknown[][] {
    return this.loaded('values');
  }
  get formulas(): unknown[][] {
    return this.loaded('formulas');
  }
  get numberFormat(): unknown[][] {
    return this.loaded('numberFormat');
  }
  get rowCount(): number {
    return this.loaded('rowCount');
  }
  get columnCount(): number {
    return this.loaded('columnCount');
  }
  get rowIndex(): number {
    return this.loaded('rowIndex');
  }
  get columnIndex(): number {
    return this.loaded('columnIndex');
  }

  private write(what: string, input: Grid, each: (cell: SimCell, v: unknown) => void): void {
    this.queue(
      what,
      ({ sheet, area }) => {
        const rows = area.bottom - area.top + 1;
        const cols = area.right - area.left + 1;
        const problem = shapeProblem(input, rows, cols);
        if (problem)
          throw new SimError(
            'InvalidArgument',
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${problem}).`,
            `Range.${what}`,
          );
        for (let r = 0; r < rows; r++)
          for (let c = 0; c < cols; c++) each(sheet.at(area.top + r, area.left + c), input[r]![c]);
      },
      jsonBytes(input),
    );
  }

  set values(v: Grid) {
    this.write('values', v, (cell, x) => enter(cell, x, false));
  }

  set formulas(v: Grid) {
    this.write('formulas', v, (cell, x) => enter(cell, x, true));
  }

  set numberFormat(v: Grid) {
    this.write('numberFormat', v, (cell, x) => {
      if (x === null) return;
      if (typeof x !== 'string') throw new SimError('InvalidArgument', 'A number format is text.');
      cell.numberFormat = x;
    });
  }

  set hyperlink(v: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.queue(
      'hyperlink',
      ({ sheet, area }) => {
        if (area.top !== area.bottom || area.left !== area.right)
          throw new SimError('InvalidArgument', 'The simulator sets hyperlinks on one cell at a time.');
        if (v.documentReference) {
          const { sheet: target, area: cell } = splitAddress(v.documentReference);
          if (target === null || !this.ctx.book.sheet(target))
            throw new SimError(
              'InvalidArgument',
              `The link target ${v.documentReference} is not a sheet of the workbook.`,
            );
          parseArea(cell);
        }
        const c = sheet.at(area.top, area.left);
        c.hyperlink = { ...v };
        if (v.textToDisplay !== undefined) enter(c, `'${v.textToDisplay}`, false);
      },
      jsonBytes(v),
    );
  }

  merge(across?: boolean): void {
    this.queue('merge', ({ sheet, area }) => {
      const table = this.ctx.book.tables.find((t) => t.sheet === sheet && overlaps(t.area, area));
      if (table) throw new SimError('MergedRangeConflict', `Cells of table ${table.name} cannot be merged.`);
      if (across)
        for (let r = area.top; r <= area.bottom; r++) sheet.merges.push({ ...area, top: r, bottom: r });
      else sheet.merges.push({ ...area });
    });
  }

  getCell(row: number, column: number): Range {
    return new Range(this.ctx, this.worksheet, () => {
      const a = this.areaNow('getCell');
      return { top: a.top + row, left: a.left + column, bottom: a.top + row, right: a.left + column };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return new Range(this.ctx, this.worksheet, () => {
      const a = this.areaNow('getResizedRange');
      const out = { ...a, bottom: a.bottom + deltaRows, right: a.right + deltaColumns };
      if (out.bottom < out.top || out.right < out.left)
        throw new SimError('InvalidArgument', 'getResizedRange went below one cell.');
      return out;
    });
  }
}

// ---- conditional formats ---------------------------------------------------------------------------

class ConditionalFormatCollection {
  constructor(
    private readonly ctx: SimContext,
    private readonly range: Range,
  ) {}

  add(type: string): Record<string, unknown> {
    if (!['DataBar', 'CellValue'].includes(type))
      throw new TypeError(`The simulator has no ${type} conditional format.`);
    let made: Record<string, unknown> | null = null;
    this.ctx.enqueue('ConditionalFormatCollection.add', () => {
      const address = this.range.addressNow('conditionalFormats.add');
      const sheet = this.range.worksheet.sheetNow('conditionalFormats.add');
      made = {};
      sheet.conditionalFormats.push({ type, address, props: made });
    });
    const set = (path: string) => (p: string, v: unknown) => {
      if (!made) throw new SimError('ItemNotFound', 'The conditional format was not created.');
      made[`${path}${p}`] = v;
    };
    const ctx = this.ctx;
    if (type === 'DataBar')
      return {
        dataBar: formatBag(
          ctx,
          'DataBarConditionalFormat',
          ['barDirection', 'lowerBoundRule', 'upperBoundRule', 'showDataBarOnly'],
          set('dataBar.'),
          {
            positiveFormat: formatBag(
              ctx,
              'ConditionalDataBarPositiveFormat',
              ['fillColor', 'gradientFill', 'borderColor'],
              set('dataBar.positiveFormat.'),
            ),
          },
        ),
      };
    return {
      cellValue: formatBag(ctx, 'CellValueConditionalFormat', ['rule'], set('cellValue.'), {
        format: formatBag(ctx, 'ConditionalRangeFormat', [], set('cellValue.format.'), {
          font: formatBag(ctx, 'ConditionalRangeFont', ['bold', 'color'], set('cellValue.format.font.')),
          fill: formatBag(ctx, 'ConditionalRangeFill', ['color'], set('cellValue.format.fill.')),
        }),
      }),
    };
  }
}

// ---- tables ----------------------------------------------------------------------------------------

function overlaps(a: Area, b: Area): boolean {
  return !(a.right < b.left || a.left > b.right || a.bottom < b.top || a.top > b.bottom);
}

function nameTaken(book: SimBook, name: string, except?: SimTable): boolean {
  const k = name.toLowerCase();
  return (
    book.tables.some((t) => t !== except && t.name.toLowerCase() === k) ||
    book.names.some((n) => n.name.toLowerCase() === k)
  );
}

export class TableCollection extends Collection<Table> {
  constructor(
    ctx: SimContext,
    private readonly ws: Worksheet | null,
  ) {
    super(ctx, 'TableCollection');
  }

  load(arg?: LoadArg): this {
    return this.loadItems(
      arg,
      () =>
        this.ctx.book.tables
          .filter((t) => !this.ws || t.sheet === this.ws.sheetNow('tables'))
          .map((t) => new Table(this.ctx, () => (this.ctx.book.tables.includes(t) ? t : null))),
      (item, props) => item.prime(props),
    );
  }

  add(address: string, hasHeaders: boolean): Table {
    if (!this.ws) throw new TypeError('The simulator adds tables through worksheet.tables.');
    const ws = this.ws;
    let made: SimTable | null = null;
    this.ctx.enqueue('TableCollection.add', () => {
      const sheet = ws.sheetNow('tables.add');
      const { sheet: named, area } = splitAddress(address);
      if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase())
        throw new SimError('InvalidArgument', `The table range ${address} is not on sheet ${sheet.name}.`);
      const a = parseArea(area);
      if (!hasHeaders) throw new TypeError('The simulator adds tables with headers only.');
      if (a.bottom === a.top)
        throw new SimError('InvalidArgument', 'A table needs a header row and at least one data row.');
      for (const t of this.ctx.book.tables)
        if (
          t.sheet === sheet &&
          !(a.right < t.area.left || a.left > t.area.right || a.bottom < t.area.top || a.top > t.area.bottom)
        )
          throw new SimError('InvalidOperation', `A table can't overlap another table (${t.name}).`);
      // Excel's MergedRangeConflict: a table can't overlap merged cells.
      if (sheet.merges.some((m) => overlaps(m, a)))
        throw new SimError(
          'MergedRangeConflict',
          "Cannot complete the operation. A table can't overlap with merged cells.",
          'TableCollection.add',
        );
      // Excel fills a blank or repeated header with Column1, Column2…
      const seen = new Set<string>();
      for (let c = a.left; c <= a.right; c++) {
        const cell = sheet.at(a.top, c);
        let h = String(cell.value);
        if (!h || seen.has(h.toLowerCase())) {
          h = `Column${c - a.left + 1}`;
          enter(cell, h, false);
        }
        seen.add(h.toLowerCase());
      }
      let n = this.ctx.book.tables.length + 1;
      while (nameTaken(this.ctx.book, `Table${n}`)) n++;
      made = {
        name: `Table${n}`,
        sheet,
        area: a,
        showHeaders: true,
        showTotals: false,
        style: 'TableStyleMedium2',
      };
      this.ctx.book.tables.push(made);
    });
    return new Table(this.ctx, () => made);
  }
}

export class Table extends ClientObject<SimTable> {
  constructor(ctx: SimContext, resolver: () => SimTable | null) {
    super(ctx, 'Table', resolver, ['name', 'showHeaders', 'showTotals', 'style']);
  }

  protected read(t: SimTable, prop: string): unknown {
    switch (prop) {
      case 'name':
        return t.name;
      case 'showHeaders':
        return t.showHeaders;
      case 'showTotals':
        return t.showTotals;
      case 'style':
        return t.style;
      case 'worksheet/name':
      case 'worksheet':
        return t.sheet.name;
      default:
        throw new TypeError(`The simulator's Table cannot load "${prop}".`);
    }
  }

  get name(): string {
    return this.loaded('name');
  }
  set name(v: string) {
    this.queue(
      'name',
      (t) => {
        const problem = definedNameProblem(v);
        if (problem) throw new SimError('InvalidArgument', `The table name "${v}" is not valid: ${problem}.`);
        if (nameTaken(this.ctx.book, v, t))
          throw new SimError('ItemAlreadyExists', `The name "${v}" is already in use.`);
        t.name = v;
      },
      jsonBytes(v),
    );
  }
  get showHeaders(): boolean {
    return this.loaded('showHeaders');
  }
  get showTotals(): boolean {
    return this.loaded('showTotals');
  }
  set style(v: string) {
    this.queue('style', (t) => {
      if (!/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(v))
        throw new SimError('InvalidArgument', `"${v}" is not a table style.`);
      t.style = v;
    });
  }
  /** `worksheet/name` loaded through the table (a navigation property). */
  get worksheet(): { name: string } {
    return { name: this.loaded<string>('worksheet/name') };
  }

  getRange(): Range {
    const ws = new Worksheet(this.ctx, () => this.must('Table.getRange').sheet);
    return new Range(this.ctx, ws, () => this.target()?.area ?? null);
  }
}

// ---- names -----------------------------------------------------------------------------------------

export class NamedItemCollection extends Collection<NamedItem> {
  constructor(ctx: SimContext) {
    super(ctx, 'NamedItemCollection');
  }

  load(arg?: LoadArg): this {
    return this.loadItems(
      arg,
      () =>
        this.ctx.book.names.map(
          (n) => new NamedItem(this.ctx, () => (this.ctx.book.names.includes(n) ? n : null)),
        ),
      (item, props) => item.prime(props),
    );
  }

  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(
      this.ctx,
      () => this.ctx.book.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null,
    );
  }

  getItem(name: string): NamedItem {
    return new NamedItem(this.ctx, () => {
      const n = this.ctx.book.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!n)
        throw new SimError(
          'ItemNotFound',
          `The requested resource doesn't exist.`,
          'NamedItemCollection.getItem',
        );
      return n;
    });
  }

  add(name: string, reference: Range, comment?: string): NamedItem {
    let made: SimName | null = null;
    this.ctx.enqueue(
      'NamedItemCollection.add',
      () => {
        const problem = definedNameProblem(name);
        if (problem) throw new SimError('InvalidArgument', `The name "${name}" is not valid: ${problem}.`);
        if (nameTaken(this.ctx.book, name))
          throw new SimError('ItemAlreadyExists', `The name "${name}" is already in use.`);
        const address = reference.addressNow('names.add');
        const { sheet, area } = splitAddress(address);
        const abs = areaA1(parseArea(area)).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
        made = { name, formula: `=${quoteSheetName(sheet!)}!${abs}`, visible: true, comment: comment ?? '' };
        this.ctx.book.names.push(made);
      },
      jsonBytes([name, comment ?? '']),
    );
    return new NamedItem(this.ctx, () => made);
  }
}

export class NamedItem extends ClientObject<SimName> {
  constructor(ctx: SimContext, resolver: () => SimName | null) {
    super(ctx, 'NamedItem', resolver, ['name', 'formula', 'visible', 'type', 'comment']);
  }

  protected read(n: SimName, prop: string): unknown {
    switch (prop) {
      case 'name':
        return n.name;
      case 'formula':
        return n.formula;
      case 'visible':
        return n.visible;
      case 'comment':
        return n.comment;
      case 'type':
        return n.formula.includes('#REF!') ? 'Error' : 'Range';
      default:
        throw new TypeError(`The simulator's NamedItem cannot load "${prop}".`);
    }
  }

  get name(): string {
    return this.loaded('name');
  }
  get formula(): string {
    return this.loaded('formula');
  }
  get visible(): boolean {
    return this.loaded('visible');
  }
  get comment(): string {
    return this.loaded('comment');
  }
  set visible(v: boolean) {
    this.queue('visible', (n) => {
      // office-js #3878 and #3949: on some hosts hiding a name reports success and changes nothing.
      if (!v && this.ctx.options.namesStayVisible) return;
      n.visible = v;
    });
  }
  delete(): void {
    this.queue('delete', (n) => this.ctx.book.names.splice(this.ctx.book.names.indexOf(n), 1));
  }
}

// ---- charts ----------------------------------------------------------------------------------------

const CHART_TYPES = [
  'XYScatter',
  'XYScatterLines',
  'XYScatterLinesNoMarkers',
  'Bubble',
  'BarClustered',
  'ColumnClustered',
];
const MARKERS = ['Automatic', 'None', 'Circle', 'Diamond', 'Square', 'Triangle'];

/**
 * The series Excel makes from a chart's source range, by columns and without a header row, as its chart
 * types read data: bar and column charts one series per column; X Y (scatter) charts the first column as
 * X values and a series per further column (one column alone: Y values); bubble charts the first column
 * as X values and a Y and a size column per series, so a bubble chart needs at least three columns (as in
 * Microsoft's bubble-chart sample).
 */
function defaultSeries(type: string, sheet: string, a: Area): SimChartSeries[] {
  const col = (c: number) => fullAddress(sheet, { ...a, left: c, right: c });
  const series = (k: number, values: number, x?: number, size?: number): SimChartSeries => ({
    name: `Series${k + 1}`,
    values: col(values),
    ...(x !== undefined ? { xValues: col(x) } : {}),
    ...(size !== undefined ? { bubbleSizes: col(size) } : {}),
    props: {},
    points: {},
  });
  const columns = a.right - a.left + 1;
  if (type === 'Bubble') {
    if (columns < 3 || (columns - 1) % 2 !== 0)
      throw new SimError(
        'InvalidArgument',
        `A bubble chart's source needs an X column, then a Y and a size column per series (it has ${columns}).`,
        'ChartCollection.add',
      );
    return Array.from({ length: (columns - 1) / 2 }, (_, k) =>
      series(k, a.left + 1 + 2 * k, a.left, a.left + 2 + 2 * k),
    );
  }
  if (type.startsWith('XYScatter') && columns > 1)
    return Array.from({ length: columns - 1 }, (_, k) => series(k, a.left + 1 + k, a.left));
  return Array.from({ length: columns }, (_, k) => series(k, a.left + k));
}

class ChartCollection {
  constructor(
    private readonly ctx: SimContext,
    private readonly ws: Worksheet,
  ) {}

  add(type: string, source: Range, seriesBy: string): Record<string, unknown> {
    if (!CHART_TYPES.includes(type)) throw new TypeError(`The simulator has no chart type ${type}.`);
    let made: SimChart | null = null;
    this.ctx.enqueue(
      'ChartCollection.add',
      () => {
        const sheet = this.ws.sheetNow('charts.add');
        const address = source.addressNow('charts.add');
        const a = source.areaNow('charts.add');
        if (seriesBy !== 'Columns') throw new TypeError('The simulator adds charts by columns only.');
        made = { type, source: address, seriesBy, props: {}, series: defaultSeries(type, sheet.name, a) };
        sheet.charts.push(made);
      },
      jsonBytes(type),
    );
    const ctx = this.ctx;
    const chart = () => {
      if (!made) throw new SimError('ItemNotFound', 'The chart was not created.');
      return made;
    };
    const set = (path: string) => (p: string, v: unknown) => (chart().props[`${path}${p}`] = v);
    /** Members of a later API set fail on an older host when the queue runs, as Excel's ApiNotFound. */
    const since =
      (version: string, what: string, apply: (p: string, v: unknown) => void) => (p: string, v: unknown) => {
        if (!versionAtLeast(ctx.options.apiVersion, version))
          throw new SimError('ApiNotFound', `${what} needs ExcelApi ${version}.`);
        apply(p, v);
      };
    const axisSet = (name: string) => (p: string, v: unknown) =>
      (p === 'numberFormat'
        ? since('1.8', 'ChartAxis.numberFormat', set(`axes.${name}.`))
        : set(`axes.${name}.`))(p, v);
    const axis = (name: string) =>
      formatBag(ctx, 'ChartAxis', ['numberFormat', 'minimum', 'maximum'], axisSet(name), {
        title: formatBag(ctx, 'ChartAxisTitle', ['text'], set(`axes.${name}.title.`)),
      });
    const seriesProxy = (pick: () => SimChartSeries) => {
      const sset = (path: string) => (p: string, v: unknown) => {
        if (path === '' && p === 'name') pick().name = String(v);
        else if (path === '' && p === 'chartType') {
          if (!CHART_TYPES.includes(String(v)))
            throw new SimError('InvalidArgument', `${String(v)} is not a chart type.`);
          pick().chartType = String(v);
        } else {
          if (p === 'markerStyle' && !MARKERS.includes(String(v)))
            throw new SimError('InvalidArgument', `${String(v)} is not a marker style.`);
          pick().props[`${path}${p}`] = v;
        }
      };
      const setRange = (key: 'values' | 'xValues' | 'bubbleSizes') => (r: unknown) => {
        const range = r as Range;
        ctx.enqueue(`ChartSeries.${key}`, () => {
          const s = pick();
          s[key] = range.addressNow(`ChartSeries.${key}`);
        });
      };
      return formatBag(
        ctx,
        'ChartSeries',
        [
          'name',
          'chartType',
          'markerStyle',
          'markerSize',
          'markerBackgroundColor',
          'markerForegroundColor',
          'hasDataLabels',
        ],
        sset(''),
        {
          format: formatBag(ctx, 'ChartSeriesFormat', [], sset('format.'), {
            fill: formatBag(
              ctx,
              'ChartFill',
              [],
              sset('format.fill.'),
              {},
              {
                setSolidColor: (c) =>
                  ctx.enqueue('ChartFill.setSolidColor', () => sset('format.fill.')('color', checkColor(c))),
              },
            ),
            line: formatBag(ctx, 'ChartLineFormat', ['color', 'lineStyle', 'weight'], sset('format.line.')),
          }),
          dataLabels: formatBag(
            ctx,
            'ChartDataLabels',
            ['showSeriesName', 'showValue', 'position', 'numberFormat'],
            since('1.8', 'ChartSeries.dataLabels', sset('dataLabels.')),
          ),
          points: {
            getItemAt: (i: number) =>
              formatBag(ctx, 'ChartPoint', [], () => undefined, {
                format: formatBag(ctx, 'ChartPointFormat', [], () => undefined, {
                  fill: formatBag(
                    ctx,
                    'ChartFill',
                    [],
                    () => undefined,
                    {},
                    {
                      setSolidColor: (c) =>
                        ctx.enqueue('ChartPoint.setSolidColor', () => {
                          const s = pick();
                          (s.points[i] ??= {})['format.fill.color'] = checkColor(c);
                        }),
                    },
                  ),
                }),
              }),
          },
        },
        {
          setValues: setRange('values'),
          setXAxisValues: setRange('xValues'),
          setBubbleSizes: setRange('bubbleSizes'),
        },
      );
    };
    return formatBag(
      ctx,
      'Chart',
      ['name'],
      set(''),
      {
        title: formatBag(ctx, 'ChartTitle', ['text', 'visible'], set('title.')),
        legend: formatBag(ctx, 'ChartLegend', ['position', 'visible'], set('legend.')),
        axes: formatBag(ctx, 'ChartAxes', [], set('axes.'), {
          categoryAxis: axis('categoryAxis'),
          valueAxis: axis('valueAxis'),
        }),
        series: {
          getItemAt: (i: number) =>
            seriesProxy(() => {
              const s = chart().series[i];
              if (!s) throw new SimError('ItemNotFound', `The chart has no series ${i}.`);
              return s;
            }),
          add: (name: string) => {
            let s: SimChartSeries | null = null;
            ctx.enqueue('ChartSeriesCollection.add', () => {
              s = { name, props: {}, points: {} };
              chart().series.push(s);
            });
            return seriesProxy(() => {
              if (!s) throw new SimError('ItemNotFound', 'The series was not created.');
              return s;
            });
          },
        },
      },
      {
        setPosition: (start: unknown, end: unknown) =>
          ctx.enqueue('Chart.setPosition', () => {
            parseArea(String(start));
            parseArea(String(end));
            chart().position = { start: String(start), end: String(end) };
          }),
      },
    );
  }
}
