// The declarative description of the output workbook (SPEC §5.3): sheets of values at anchors, tables,
// formats, conditional formats and charts. Builders fill it from an analysis; each writer renders it.

/** The output sheets, by role; the workbook name may differ ("SRO Ranking (2)") and writers resolve it. */
export type SheetKey = 'summary' | 'ranking' | 'recommendations' | 'frontier' | 'dataIssues' | 'settings';

/** Preferred sheet names, in workbook order. */
export const SHEET_NAMES: Readonly<Record<SheetKey, string>> = {
  summary: 'SRO Summary',
  ranking: 'SRO Ranking',
  recommendations: 'SRO Recommendations',
  frontier: 'SRO Frontier',
  dataIssues: 'SRO Data Issues',
  settings: 'SRO Settings',
};
export const SHEET_ORDER: readonly SheetKey[] = [
  'summary',
  'ranking',
  'recommendations',
  'frontier',
  'dataIssues',
  'settings',
];

/** A place to jump to: an output sheet by key, or a user sheet by name (data issues point at the cell). */
export type LinkTarget = { sheet: SheetKey; cell?: string } | { sheetName: string; cell: string };

/**
 * One cell. A `string` is literal text, always: writers never let it become a formula, even when it
 * starts with `=`, `+`, `-` or `@` (see {@link looksLikeFormula}). Formulas exist only as `Formula`
 * values the builders write themselves, never from user text.
 */
export type Cell = null | number | boolean | Date | string | Formula | Link;

export interface Formula {
  formula: string;
  /** The value the formula gives, so a file that is never recalculated still shows it. */
  result: number | string;
}

export interface Link {
  text: string;
  link: LinkTarget;
}

export function isFormula(c: Cell): c is Formula {
  return typeof c === 'object' && c !== null && !(c instanceof Date) && 'formula' in c;
}

export function isLink(c: Cell): c is Link {
  return typeof c === 'object' && c !== null && !(c instanceof Date) && 'link' in c;
}

/** Text a spreadsheet would read as a formula if typed; writers must force it to stay text. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** Named looks; each writer maps them to fonts and fills, so the two writers look alike. */
export type StyleName =
  | 'title'
  | 'subtitle'
  | 'heading'
  | 'label'
  | 'kpiValue'
  | 'kpiLabel'
  | 'kpiNote'
  | 'note'
  | 'header'
  | 'bold'
  | 'good'
  | 'bad'
  | 'link'
  | 'left'
  | 'wrap';

/** Values at an anchor: a rectangle of cells with formats and styles. */
export interface Block {
  /** 1-based sheet row and column of the top-left cell. */
  row: number;
  col: number;
  cells: Cell[][];
  /** Excel number format per column of the block. */
  formats?: (string | undefined)[];
  /** Style of every cell of the block, unless a row or cell style says otherwise. */
  style?: StyleName;
  rowStyles?: (StyleName | undefined)[];
  /** Cell-level overrides, by row and column index within the block. */
  cellFormats?: { r: number; c: number; format: string }[];
  cellStyles?: { r: number; c: number; style: StyleName }[];
  /** Merge each row of the block across this many columns (one long sentence per row). */
  mergeAcross?: number;
}

/** An Excel table (ListObject) with a header row. */
export interface TableSpec {
  /** Table name; writers add a suffix if the workbook already has one by that name. */
  name: string;
  row: number;
  col: number;
  headers: string[];
  rows: Cell[][];
  formats: (string | undefined)[];
  /** Style of every data cell of a column (e.g. `wrap` for a long rationale). */
  columnStyles?: (StyleName | undefined)[];
  /** Cell-level number formats, by data-row and column index (a column that mixes kinds). */
  cellFormats?: { r: number; c: number; format: string }[];
  /** A built-in table style, e.g. `TableStyleMedium2`. */
  style: string;
}

export type ConditionalFormat =
  | { kind: 'dataBar'; range: string; color: string; min: number; max: number }
  | { kind: 'textEquals'; range: string; text: string; style: 'good' | 'bad' | 'warning' };

/** A range on one of the output sheets, e.g. `{ sheet: 'frontier', range: 'B6:B26' }`. */
export interface RangeRef {
  sheet: SheetKey;
  range: string;
}

export interface ChartSeries {
  name: string;
  /** X values (scatter, bubble) or categories (bar, column). */
  x: RangeRef;
  y: RangeRef;
  /** Bubble sizes. */
  size?: RangeRef;
  color: string;
  /** Draw the points joined by a line (scatter). */
  line?: boolean;
  marker?: 'circle' | 'diamond' | 'square' | 'triangle' | 'none';
  markerSize?: number;
  /** One colour per point (bars of different decisions); `color` for the rest. */
  pointColors?: string[];
  /** Label each point with the series name (a single highlighted point) or its value (bars). */
  labels?: 'seriesName' | 'value';
}

export interface ChartSpec {
  kind: 'scatter' | 'bubble' | 'bar' | 'column';
  title: string;
  xTitle?: string;
  yTitle?: string;
  xFormat?: string;
  yFormat?: string;
  series: ChartSeries[];
  /** Top-left cell (1-based) and size in columns and rows. */
  row: number;
  col: number;
  width: number;
  height: number;
}

export interface ReportSheet {
  key: SheetKey;
  name: string;
  blocks: Block[];
  tables: TableSpec[];
  conditionalFormats: ConditionalFormat[];
  charts: ChartSpec[];
  /** Width of columns 1, 2, … in characters; missing entries keep the default. */
  columnWidths: (number | undefined)[];
  /** Heights in points of rows that need more room than one line (KPI figures, wrapped headers). */
  rowHeights?: { row: number; height: number }[];
  /** Rows and columns kept in view when scrolling. */
  freeze?: { rows: number; columns: number };
  tabColor?: string;
  /** Rows that start a new printed page. */
  pageBreaksBefore?: number[];
  /** Rectangle to print (A1 notation); the PDF/PNG render uses it. */
  printArea?: string;
  landscape?: boolean;
  showGridLines?: boolean;
}

export interface WorkbookReport {
  sheets: ReportSheet[];
  generatedAt: Date;
}

export function emptySheet(key: SheetKey): ReportSheet {
  return {
    key,
    name: SHEET_NAMES[key],
    blocks: [],
    tables: [],
    conditionalFormats: [],
    charts: [],
    columnWidths: [],
  };
}

/** Every cell of a sheet with its 1-based position (blocks and tables), for writers and tests. */
export function* sheetCells(sheet: ReportSheet): Generator<{ row: number; col: number; cell: Cell }> {
  for (const b of sheet.blocks)
    for (let r = 0; r < b.cells.length; r++)
      for (let c = 0; c < b.cells[r]!.length; c++)
        yield { row: b.row + r, col: b.col + c, cell: b.cells[r]![c]! };
  for (const t of sheet.tables) {
    for (let c = 0; c < t.headers.length; c++) yield { row: t.row, col: t.col + c, cell: t.headers[c]! };
    for (let r = 0; r < t.rows.length; r++)
      for (let c = 0; c < t.rows[r]!.length; c++)
        yield { row: t.row + 1 + r, col: t.col + c, cell: t.rows[r]![c]! };
  }
}
