// What the published-portfolio generators share: a seeded draw, invented words for names and
// narratives, messy money cells (numbers, text with £ or $ and commas, withheld and "Not Available"),
// the sheet a generator lays out, and the truth it remembers so tests can check what was read.
// Nothing here copies a published dataset: layouts follow the publications, values are invented.
import type { CellValue, RawTable } from '../../../src/engine/model';
import { seededRandom } from '../../../src/engine/random';
import { rangeAddress } from '../../../src/engine/address';

export class Draw {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  /** Uniform in [0, 1). */
  u(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.u() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.u() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.u() < p;
  }
  /** Log-uniform between lo and hi: project sizes span orders of magnitude. */
  size(lo: number, hi: number): number {
    return Math.exp(Math.log(lo) + this.u() * (Math.log(hi) - Math.log(lo)));
  }
}

const NOUNS = [
  'Border',
  'Digital',
  'Estates',
  'Rail',
  'Health',
  'Schools',
  'Defence',
  'Courts',
  'Benefits',
  'Tax',
  'Flood',
  'Network',
  'Records',
  'Payments',
  'Identity',
  'Water',
  'Housing',
  'Energy',
  'Prison',
  'Vehicle',
  'Land',
  'Grants',
  'Cyber',
  'Fleet',
];
const KINDS = [
  'Modernisation Programme',
  'Transformation',
  'Replacement Project',
  'Platform',
  'Infrastructure Programme',
  'Services Contract',
  'Capability',
  'Reform Programme',
  'Upgrade',
  'Systems Project',
];
const SENTENCES = [
  'The programme will replace ageing systems that are costly to maintain and no longer meet policy needs.',
  'Delivery is phased over several years with independent assurance at each gateway.',
  'The baseline was re-set following approval of the full business case by the investment committee.',
  'Forecast spend in year is below baseline because procurement of the main contract slipped by two quarters.',
  'Costs include non-government contributions from delivery partners and local bodies.',
  'The project is on track to deliver its first release, although integration risks remain significant.',
  'Benefits are largely non-monetised and relate to service quality and resilience.',
  'A revised schedule has been agreed with the supplier and is reflected in the latest approved end date.',
];

/** An invented project name; `k` keeps names apart. */
export function projectName(d: Draw, k: number): string {
  return `${d.pick(NOUNS)} ${d.pick(NOUNS)} ${d.pick(KINDS)} ${k}`;
}

/** Narrative of a few sentences (long text: it must never be read as a figure). */
export function narrative(d: Draw, sentences = 2): string {
  return Array.from({ length: sentences }, () => d.pick(SENTENCES)).join(' ');
}

/** A money cell as publishers write it: a number, or text with a symbol and thousands separators. */
export function moneyCell(d: Draw, x: number, symbol: string, textShare: number): CellValue {
  const rounded = Math.round(x * 100) / 100;
  if (!d.chance(textShare)) return rounded;
  const text = rounded.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return d.chance(0.6) ? `${symbol}${text}` : text;
}

export const FOI_43 = 'Exempt under Section 43 of the Freedom of Information Act 2000';
export const FOI_26 = 'Exempt under Section 26 of the Freedom of Information Act 2000';

/** One project's published figures as the generator knows them (null: withheld or missing). */
export interface TruthRow {
  id: string;
  name: string;
  /** Whole-project cost in units of the currency (pounds, dollars), or null when not given. */
  cost: number | null;
  benefit: number | null;
  /** Why the cost is not given, when it is not. */
  costMissing?: 'withheld' | 'notAvailable' | 'blank';
}

/** A generated sheet: its cells from A1, what the projects are, and how many a reader should find. */
export interface Generated {
  sheet: string;
  grid: CellValue[][];
  truth: TruthRow[];
  /** Orientation of the publication. */
  transposed: boolean;
  /** Currency symbol the figures are in. */
  currency: string;
}

/** The sheet as a plain range RawTable, header on row 1 from column A (what both adapters hand in). */
export function asRawTable(g: Generated): RawTable {
  const [head = [], ...rows] = g.grid;
  const width = Math.max(...g.grid.map((r) => r.length));
  return {
    name: rangeAddress(g.sheet, 1, 1, g.grid.length, width),
    sheet: g.sheet,
    kind: 'range',
    headerRow: 1,
    firstColumn: 1,
    headers: Array.from({ length: width }, (_, i) => String(head[i] ?? '').trim()),
    rows: rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)),
  };
}

/** Rows × fields → fields down column A and one project per column (the 2013–2020 GMPP layout). */
export function transpose(grid: CellValue[][]): CellValue[][] {
  const width = Math.max(...grid.map((r) => r.length));
  return Array.from({ length: width }, (_, c) => grid.map((r) => r[c] ?? null));
}

/** An Excel serial day for a date (the engine reads serials and Dates alike). */
export function dateOf(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}
