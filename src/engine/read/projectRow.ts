// Reads one row of the projects table into a draft project. One reader serves every row (no closures
// per row: 10,000-row tables are read in a few tens of milliseconds), and every doubtful cell becomes a
// data issue naming its cell.
import {
  type CellValue,
  type DataIssue,
  GROUP_FIELDS,
  type GroupField,
  type IssueKind,
  type Project,
  type ProjectStatus,
  type RawTable,
  type Severity,
  type UnknownFigure,
} from '../model';
import type { ColumnMap, Field } from './fields';
import {
  cellText,
  isBlank,
  parseBoolean,
  parseDate,
  parseNumber,
  parsePercent,
  percentScale,
  type DateOrder,
  type Parsed,
} from './cells';
import { MSG } from '../messages';
import { indexOfPeriod, type PeriodAxis } from './periods';
import { confidenceKey, isInFlight, parseStatus, riskKey } from './vocabulary';
import type { Settings } from './settings';
import { cellOf, issueRow } from './place';
import { columnLetter } from '../address';
import { exemptionName, unknownText } from './unknowns';

export interface ReadContext {
  settings: Settings;
  decimalSeparator: '.' | ',';
  currency: string;
  /** Top of the numeric rating scale (detected or from settings). */
  ratingScaleMax: number;
  /** Status of a project the table gives none for (the "Default status" setting, resolved). */
  defaultStatus?: ProjectStatus;
  /** Day or month first in text dates (detected or from settings); month first when absent. */
  dateOrder?: DateOrder;
}

export interface Draft {
  project: Project;
  costByPeriod: number[] | null;
  benefitByPeriod: number[] | null;
  costTotal: number | null;
  benefitTotal: number | null;
  benefitYears: number | null;
}

type Msg = { problem: string; assumption: string };
const SUM = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const TOTALS_RE = /^(grand\s+)?totals?$/i;
/** Words a delivery-confidence column uses for "no rating this time". */
const NOT_RATED_RE = /^(reset|not rated|not assessed|unrated|new|no rating|no dca)$/i;

/** Share of a benefit column's figures that are 0 from which a 0 reads as "not quantified". */
const ZERO_BENEFIT_SHARE = 0.25;
/** Fewest benefit figures from which their share of zeros says anything. */
const ZERO_BENEFIT_EVIDENCE = 10;

/** Share of the numbers of column `c` that are exactly 0. */
function zeroShare(table: RawTable, c: ColumnMap | undefined, decimalSeparator: '.' | ','): number {
  if (!c) return 0;
  let numbers = 0;
  let zeros = 0;
  for (const r of table.rows) {
    const v = r[c.index] ?? null;
    const n =
      typeof v === 'number' ? v : typeof v === 'string' ? parseNumber(v, { decimalSeparator }).value : null;
    if (n === null) continue;
    numbers++;
    if (n === 0) zeros++;
  }
  // A handful of figures tells no convention: a 0 among them is a 0.
  return numbers >= ZERO_BENEFIT_EVIDENCE ? zeros / numbers : 0;
}

/** "amber/green" → "Amber/Green". */
function ratingLabel(key: string): string {
  return key.replace(/\b[a-z]/g, (ch) => ch.toUpperCase());
}

function allBlank(cells: readonly CellValue[]): boolean {
  for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i]!)) return false;
  return true;
}

export class RowReader {
  private readonly col: Partial<Record<Field, ColumnMap>> = {};
  private readonly costCols: ColumnMap[];
  private readonly benefitCols: ColumnMap[];
  private readonly ratingCols: ColumnMap[];
  private readonly resourceCols: ColumnMap[];
  private readonly extraCols: ColumnMap[];
  private readonly groupCols: [GroupField, ColumnMap][];
  /** Delivery-confidence columns, the preferred one (the IPA's) first. */
  private readonly confidenceCols: ColumnMap[];
  private readonly inYearCols: ColumnMap[];
  /**
   * Whether a whole-life benefit of 0 means "not quantified": true when at least a quarter of the
   * benefit column's figures (ten or more) are 0 (a portfolio that leaves many benefits unmonetised, as the UK's
   * major-projects data does), so that a 0 there is no evidence of a project that returns nothing.
   */
  private readonly zeroIsUnquantified: boolean;
  /** Why each money cell of this row gave no figure, by column index (withheld, not available…). */
  private misses = new Map<number, { why: UnknownFigure['why']; text?: string }>();
  private readonly num: { decimalSeparator: '.' | ',' };
  /** Scale of each column of shares (probability, % complete), decided once per column. */
  private readonly shareScale: ('fraction' | 'percent')[];
  private readonly costSlots: number[];
  private readonly benefitSlots: number[];
  private cells: readonly CellValue[] = [];
  private row = 0;

  constructor(
    private readonly table: RawTable,
    columns: readonly ColumnMap[],
    private readonly ctx: ReadContext,
    private readonly issues: DataIssue[],
    private readonly axis: PeriodAxis,
  ) {
    for (const c of columns) if (!this.col[c.field]) this.col[c.field] = c;
    const of = (f: Field) => columns.filter((c) => c.field === f);
    this.costCols = of('costPeriod');
    this.benefitCols = of('benefitPeriod');
    this.ratingCols = of('rating');
    this.resourceCols = of('resource');
    // In-year PMO figures and delivery-confidence ratings are also carried through as the tracker has them.
    this.extraCols = columns.filter(
      (c) =>
        (c.field === 'extra' || c.field === 'inYear' || c.field === 'deliveryConfidence') &&
        c.header.trim() !== '',
    );
    this.groupCols = GROUP_FIELDS.flatMap((g) =>
      this.col[g] ? [[g, this.col[g]] as [GroupField, ColumnMap]] : [],
    );
    this.costSlots = this.costCols.map((c) => indexOfPeriod(axis, c.period!));
    this.benefitSlots = this.benefitCols.map((c) => indexOfPeriod(axis, c.period!));
    const rank = (c: ColumnMap) =>
      c.source === 'IPA' ? 0 : c.source === 'MPA' ? 1 : c.source === 'SRO' ? 3 : 2;
    this.confidenceCols = of('deliveryConfidence').sort((a, b) => rank(a) - rank(b) || a.index - b.index);
    this.inYearCols = of('inYear');
    this.zeroIsUnquantified = zeroShare(table, this.col.benefit, ctx.decimalSeparator) >= ZERO_BENEFIT_SHARE;
    this.num = { decimalSeparator: ctx.decimalSeparator };
    // Only the share columns need their scale; the others are never read as percentages.
    const shareCols = new Set([this.col.probability?.index, this.col.percentComplete?.index]);
    this.shareScale = table.headers.map((_, i) =>
      shareCols.has(i)
        ? percentScale(
            (function* () {
              for (const r of table.rows) yield r[i] ?? null;
            })(),
            /%/.test(table.columnFormats?.[i] ?? ''),
          )
        : 'fraction',
    );
  }

  private cell(c: ColumnMap | undefined): CellValue {
    return c ? (this.cells[c.index] ?? null) : null;
  }

  private issue(
    c: ColumnMap | undefined,
    m: Msg,
    value?: CellValue,
    severity: Severity = 'warning',
    kind?: IssueKind,
  ): void {
    const entry: DataIssue = {
      sheet: this.table.sheet,
      problem: m.problem,
      assumption: m.assumption,
      severity,
    };
    const row = issueRow(this.table, this.row);
    if (row !== undefined) entry.row = row;
    if (c) {
      entry.column = c.header;
      entry.cell = cellOf(this.table, this.row, c.index);
    }
    if (value !== undefined && !isBlank(value)) entry.value = cellText(value);
    if (kind) entry.kind = kind;
    this.issues.push(entry);
  }

  private bad(c: ColumnMap, p: Parsed<unknown>, assumed: string): void {
    const v = this.cell(c);
    const excel = p.problem === 'excelError';
    this.issue(
      c,
      excel ? MSG.excelError(c.header, assumed) : MSG.notNumber(c.header, assumed),
      v,
      'warning',
      excel ? 'excelError' : 'notNumber',
    );
  }

  /** A cell that says its figure is withheld or not available: reported as such, and remembered. */
  private unknownCell(c: ColumnMap, v: CellValue, period = false): boolean {
    const kind = unknownText(v);
    if (!kind) return false;
    const text = cellText(v).trim();
    this.misses.set(c.index, { why: kind, text });
    const m =
      kind === 'withheld'
        ? MSG.withheld(c.header, exemptionName(text), period)
        : MSG.notAvailable(c.header, text, period);
    this.issue(c, m, v, 'info', kind);
    return true;
  }

  /**
   * A money cell: blank is null; errors and text are null with an issue (`flow`: a cost or benefit, which
   * then counts as 0); a negative cost is read as positive; a number typed as text is read, and said so.
   */
  private money(
    c: ColumnMap | undefined,
    cost: boolean,
    flow: 'period' | 'total' | 'pmo' = 'pmo',
  ): number | null {
    if (!c) return null;
    const v = this.cell(c);
    if (typeof v === 'number' && v >= 0) return v * (c.multiplier ?? 1);
    if (v === null || isBlank(v)) {
      this.misses.set(c.index, { why: 'blank' });
      return null;
    }
    if (this.unknownCell(c, v, flow === 'period')) return null;
    const p = parseNumber(v, this.num);
    if (p.value === null) {
      this.misses.set(c.index, { why: 'unreadable', text: cellText(v) });
      this.bad(
        c,
        p,
        flow === 'period' ? 'Read as 0.' : flow === 'total' ? 'Read as unknown.' : 'Left blank.',
      );
      return null;
    }
    // "£12m" under a "(£m)" header is £12m, not £12 million million.
    let x = p.value * (p.scaled ? 1 : (c.multiplier ?? 1));
    if (typeof v === 'string' && !this.table.textOnly)
      this.issue(c, MSG.numberAsText(c.header, x, this.ctx.currency), v, 'info', 'numberAsText');
    if (cost && x < 0) {
      this.issue(c, MSG.negativeCost(c.header, x, this.ctx.currency), v, 'warning', 'negative');
      x = -x;
    }
    return x;
  }

  private nonNegative(c: ColumnMap | undefined, percent = false): number | null {
    if (!c) return null;
    const v = this.cell(c);
    if (v === null) return null;
    const p = percent
      ? parsePercent(v, { ...this.num, scale: this.shareScale[c.index]! })
      : parseNumber(v, this.num);
    if (p.problem === 'blank') return null;
    if (p.value === null) {
      if (!this.unknownCell(c, v)) this.bad(c, p, 'Left blank.');
      return null;
    }
    if (p.value < 0) {
      this.issue(c, MSG.negativeNumber(c.header), v, 'warning', 'negative');
      return 0;
    }
    return p.value;
  }

  private flag(c: ColumnMap | undefined): boolean {
    if (!c) return false;
    const v = this.cell(c);
    if (v === null) return false;
    const p = parseBoolean(v);
    if (p.value === null)
      this.issue(
        c,
        p.problem === 'excelError' ? MSG.excelError(c.header, 'Read as No.') : MSG.notBoolean(c.header),
        v,
        'warning',
        p.problem === 'excelError' ? 'excelError' : 'notBoolean',
      );
    return p.value ?? false;
  }

  private date(c: ColumnMap | undefined): Date | null {
    if (!c) return null;
    const v = this.cell(c);
    if (v === null) return null;
    const p = parseDate(v, this.ctx.dateOrder);
    if (p.problem && p.problem !== 'blank' && !this.unknownCell(c, v))
      this.issue(
        c,
        p.problem === 'excelError' ? MSG.excelError(c.header, 'Left blank.') : MSG.notDate(c.header),
        v,
        'warning',
        p.problem === 'excelError' ? 'excelError' : 'notDate',
      );
    return p.value;
  }

  private periods(cols: ColumnMap[], slots: readonly number[], cost: boolean): number[] | null {
    let out: number[] | null = null;
    for (let k = 0; k < cols.length; k++) {
      const x = this.money(cols[k], cost, 'period');
      if (x === null) continue;
      out ??= new Array<number>(this.axis.keys.length).fill(0);
      out[slots[k]!]! += x;
    }
    return out;
  }

  /**
   * The draft of one row, or null for a blank row, a totals row or a row without a name. The steps run
   * in the order of the row's data issues (name, status, money, shares, risk, dates, resources, flags,
   * ratings); each is a method of this one reader, so no closure is made per row.
   */
  read(cells: readonly CellValue[], row: number, firstRowOfId: Map<string, number>): Draft | null {
    this.cells = cells;
    this.row = row;
    if (allBlank(cells)) return null;
    const who = this.identity(firstRowOfId);
    if (!who) return null;
    const col = this.col;
    const status = this.status();
    this.misses = new Map();
    const m = this.figures(status);
    const { costByPeriod, benefitByPeriod, costTotal, benefitTotal, actualCost, baselineCost, eac } = m;
    const pc = this.nonNegative(col.percentComplete, true);
    const percentComplete = pc === null ? null : Math.min(1, pc);
    const benefitYears = this.nonNegative(col.benefitYears);
    this.checkCostTotal(status, costByPeriod, costTotal);
    this.checkBenefitTotal(benefitByPeriod, benefitTotal);

    const { probability, probabilitySource, riskText, deliveryConfidence } = this.probability();
    const dependsOn = this.dependencies();
    const groups = this.groupNames();
    const { start, end } = this.schedule();
    const resources = this.resourceNeeds();
    const extra = this.extras();
    const groupText = cellText(this.cell(col.exclusiveGroup)).trim();

    const project: Project = {
      id: who.id,
      name: who.name,
      row,
      status,
      costs: [],
      benefits: [],
      probability,
      probabilitySource,
      risk: riskText || null,
      mandatory: this.flag(col.mandatory),
      excluded: this.flag(col.excluded),
      dependsOn,
      exclusiveGroup: groupText || null,
      start,
      end,
      groups,
      resources,
      ratings: this.ratings(),
      actualCost,
      baselineCost,
      eac,
      percentComplete,
      realizedBenefit: m.realizedBenefit,
      totalCost: 0,
      totalBenefit: 0,
      unknown: m.unknown,
      deliveryConfidence,
      inYear: this.inYear(),
      extra,
    };
    return { project, costByPeriod, benefitByPeriod, costTotal, benefitTotal, benefitYears };
  }

  /**
   * The row's name and id, or null for a totals row or a row with neither: a missing name is the id, a
   * missing id is the row ("R12"), and a repeated id gets a suffix (" (2)") and an issue.
   */
  private identity(firstRowOfId: Map<string, number>): { id: string; name: string } | null {
    const col = this.col;
    let name = cellText(this.cell(col.name)).trim();
    let id = cellText(this.cell(col.id)).trim();
    if (TOTALS_RE.test(name) || (!name && TOTALS_RE.test(id))) {
      this.issue(col.name, MSG.totalsRow(), undefined, 'info');
      return null;
    }
    if (!name) {
      if (!id) {
        this.issue(col.name, MSG.noName());
        return null;
      }
      name = id;
      this.issue(col.name, MSG.nameFromId(id), undefined, 'info', 'nameFromId');
    }
    if (!id) id = `R${this.row}`;
    let key = id.toLowerCase();
    const firstRow = firstRowOfId.get(key);
    if (firstRow !== undefined) {
      let k = 2;
      while (firstRowOfId.has(`${key} (${k})`)) k++;
      const newId = `${id} (${k})`;
      const first = this.table.transposed ? `column ${columnLetter(firstRow)}` : `row ${firstRow}`;
      this.issue(col.id, MSG.duplicateId(id, first, newId), this.cell(col.id));
      id = newId;
      key = id.toLowerCase();
    }
    firstRowOfId.set(key, this.row);
    return { id, name };
  }

  /** The status word; blank is the default status (Proposed unless set), and so is an unknown word (with an issue). */
  private status(): ProjectStatus {
    const col = this.col;
    const fallback = this.ctx.defaultStatus ?? 'proposed';
    const statusText = cellText(this.cell(col.status)).trim();
    let status = statusText ? this.statusOf(statusText) : fallback;
    if (!status) {
      this.issue(
        col.status,
        MSG.unknownStatus(statusText, fallback),
        this.cell(col.status),
        'warning',
        'unknownWord',
      );
      status = fallback;
    }
    return status;
  }

  /** The row's money: costs and benefits (by period and total), PMO figures, and what is unknown. */
  private figures(status: ProjectStatus) {
    const col = this.col;
    const costByPeriod = this.periods(this.costCols, this.costSlots, true);
    const benefitByPeriod = this.periods(this.benefitCols, this.benefitSlots, false);
    const costTotal = this.money(col.cost, true, 'total');
    const benefitTotal = this.money(col.benefit, false, 'total');
    const actualCost = this.money(col.actualCost, true);
    // A whole-life baseline read as the cost is also the PMO baseline.
    const baselineCost = this.money(col.baselineCost, true) ?? (col.cost?.baseline ? costTotal : null);
    const eac = this.money(col.eac, true);
    const realizedBenefit = this.money(col.realizedBenefit, false);
    const unknown: UnknownFigure[] = [];
    const costKnown = costByPeriod !== null || costTotal !== null || eac !== null;
    // A whole-life benefit of 0 beside a positive cost says the benefit was not quantified (GMPP's
    // non-monetised benefits), not that the project returns nothing.
    if (
      this.zeroIsUnquantified &&
      col.benefit &&
      benefitTotal === 0 &&
      !benefitByPeriod &&
      ((costTotal ?? eac ?? 0) > 0 || costByPeriod)
    ) {
      this.misses.set(col.benefit.index, { why: 'notQuantified', text: '0' });
      this.issue(col.benefit, MSG.zeroBenefit(col.benefit.header), 0, 'info', 'zeroBenefit');
    }
    const benefitGiven =
      benefitByPeriod !== null ||
      (benefitTotal !== null && this.misses.get(col.benefit!.index)?.why !== 'notQuantified');
    // A completed or cancelled project is decided already: nothing of it is missing for a decision.
    const open = status !== 'completed' && status !== 'cancelled';
    if (open && !costKnown) this.unknownFigures('cost', [col.cost, col.eac, ...this.costCols], unknown);
    if (open && !benefitGiven) this.unknownFigures('benefit', [col.benefit, ...this.benefitCols], unknown);
    return {
      costByPeriod,
      benefitByPeriod,
      costTotal,
      benefitTotal,
      actualCost,
      baselineCost,
      eac,
      realizedBenefit,
      unknown,
    };
  }

  /**
   * The columns that should have given a cost (or a benefit) and did not. A blank cost cell is
   * reported here (withheld and unreadable cells were reported as they were read).
   */
  private unknownFigures(
    figure: UnknownFigure['figure'],
    sources: (ColumnMap | undefined)[],
    out: UnknownFigure[],
  ): void {
    for (const c of sources) {
      if (!c) continue;
      const miss = this.misses.get(c.index) ?? { why: 'blank' as const };
      out.push({ figure, column: c.header, cell: cellOf(this.table, this.row, c.index), ...miss });
    }
    const blank = sources.find((c) => c && (this.misses.get(c.index)?.why ?? 'blank') === 'blank');
    if (blank)
      this.issue(
        blank,
        figure === 'cost' ? MSG.noCost(blank.header) : MSG.noBenefit(blank.header),
        undefined,
        figure === 'cost' ? 'warning' : 'info',
        'blankFigure',
      );
  }

  /** In-year PMO figures: one financial year's baseline, forecast and variance, as given. */
  private inYear(): Project['inYear'] {
    if (this.inYearCols.length === 0) return null;
    const out: NonNullable<Project['inYear']> = { baseline: null, forecast: null, variance: null };
    for (const c of this.inYearCols) {
      const percent = c.measure === 'variance' && /%/.test(c.header);
      const v = this.cell(c);
      const x = percent
        ? isBlank(v) || unknownText(v)
          ? null
          : parsePercent(v, { ...this.num, scale: 'percent' }).value
        : this.moneySigned(c);
      out[c.measure ?? 'baseline'] ??= x;
    }
    return out;
  }

  /** A PMO figure that may be negative (a variance), with the header's unit; null when not a number. */
  private moneySigned(c: ColumnMap): number | null {
    const v = this.cell(c);
    if (v === null || isBlank(v) || unknownText(v)) return null;
    const p = typeof v === 'number' ? { value: v } : parseNumber(v, this.num);
    return p.value === null ? null : p.value * (p.scaled ? 1 : (c.multiplier ?? 1));
  }

  /** Yearly costs that do not add up to the total cost (an in-flight project's years are what remains). */
  private checkCostTotal(status: ProjectStatus, byPeriod: number[] | null, total: number | null): void {
    if (
      byPeriod &&
      total !== null &&
      !isInFlight(status) &&
      Math.abs(SUM(byPeriod) - total) > 0.01 * Math.max(1, total)
    ) {
      const col = this.col;
      this.issue(
        col.cost,
        MSG.periodsVsTotal('costs', SUM(byPeriod), total, this.ctx.currency),
        this.cell(col.cost),
        'info',
      );
    }
  }

  /** Yearly benefits that do not add up to the total benefit. */
  private checkBenefitTotal(byPeriod: number[] | null, total: number | null): void {
    if (byPeriod && total !== null && Math.abs(SUM(byPeriod) - total) > 0.01 * Math.max(1, Math.abs(total))) {
      const col = this.col;
      this.issue(
        col.benefit,
        MSG.periodsVsTotal('benefits', SUM(byPeriod), total, this.ctx.currency),
        this.cell(col.benefit),
        'info',
      );
    }
  }

  /** Ids the project depends on, as typed (checked against the table once every row is read). */
  private dependencies(): string[] {
    const depText = cellText(this.cell(this.col.dependsOn));
    return depText ? depText.split(/[,;\s]+/).filter(Boolean) : [];
  }

  private groupNames(): Partial<Record<GroupField, string>> {
    const groups: Partial<Record<GroupField, string>> = {};
    for (const [g, c] of this.groupCols) {
      const t = cellText(this.cell(c)).trim();
      if (t) groups[g] = t;
    }
    return groups;
  }

  /** Start and end dates; an end before the start is dropped with an issue. */
  private schedule(): { start: Date | null; end: Date | null } {
    const col = this.col;
    const start = this.date(col.start);
    let end = this.date(col.end);
    if (start && end && end < start) {
      this.issue(col.end, MSG.endBeforeStart(), this.cell(col.end));
      end = null;
    }
    return { start, end };
  }

  /** Demand per role; several columns of one role add up. */
  private resourceNeeds(): Record<string, number> {
    const resources: Record<string, number> = {};
    for (const c of this.resourceCols) {
      const x = this.nonNegative(c);
      if (x) resources[c.role!] = (resources[c.role!] ?? 0) + x;
    }
    return resources;
  }

  /** Unmapped columns, kept as they are for the output sheets. */
  private extras(): Record<string, CellValue> {
    const extra: Record<string, CellValue> = {};
    for (const c of this.extraCols) extra[c.header] = this.cell(c);
    return extra;
  }

  // Trackers repeat a handful of status and risk words thousands of times: read each word once.
  private readonly statusCache = new Map<string, ProjectStatus | null>();
  private readonly riskCache = new Map<string, number | null>();

  private statusOf(text: string): ProjectStatus | null {
    let s = this.statusCache.get(text);
    if (s === undefined) this.statusCache.set(text, (s = parseStatus(text)));
    return s;
  }

  private riskProbability(text: string): number | null {
    let p = this.riskCache.get(text);
    if (p === undefined) {
      const key = riskKey(text);
      p = key !== null ? (this.ctx.settings.riskProbabilities[key] ?? null) : null;
      this.riskCache.set(text, p);
    }
    return p;
  }

  /**
   * Probability of success: the column when it holds a valid share, else the delivery-confidence
   * rating's (the settings map), else the risk word's, else 100%.
   */
  private probability(): {
    probability: number;
    probabilitySource: Project['probabilitySource'];
    riskText: string;
    deliveryConfidence: Project['deliveryConfidence'];
  } {
    const { risk: riskCol, probability: probCol } = this.col;
    const riskText = cellText(this.cell(riskCol)).trim();
    let riskP: number | null = null;
    if (riskText) {
      riskP = this.riskProbability(riskText);
      if (riskP === null)
        this.issue(riskCol, MSG.unknownRisk(riskText), this.cell(riskCol), 'warning', 'unknownWord');
    }
    const dc = this.confidence();
    const deliveryConfidence = dc ? { rating: dc.rating, source: dc.source } : null;
    const result = {
      probability: dc?.p ?? riskP ?? 1,
      probabilitySource: (dc
        ? 'confidence'
        : riskP !== null
          ? 'risk'
          : 'default') as Project['probabilitySource'],
      riskText,
      deliveryConfidence,
    };
    const v = this.cell(probCol);
    if (!probCol || isBlank(v)) return result;
    const fallback = dc
      ? `Used the delivery confidence instead (${dc.rating} → ${Math.round(dc.p * 100)}%).`
      : riskP !== null
        ? `Used the risk level instead (${riskText} → ${Math.round(riskP * 100)}%).`
        : 'Assumed 100%.';
    const p = parsePercent(v, { ...this.num, scale: this.shareScale[probCol.index]! });
    if (p.value === null) {
      if (!this.unknownCell(probCol, v)) this.bad(probCol, p, fallback);
    } else if (p.value > 1) this.issue(probCol, MSG.probabilityAbove(p.value, fallback), v);
    else if (p.value < 0) this.issue(probCol, MSG.probabilityNegative(fallback), v);
    else return { probability: p.value, probabilitySource: 'column', riskText, deliveryConfidence };
    return result;
  }

  /** The first delivery-confidence rating of the row, the IPA's before the SRO's; words not on the scale are reported. */
  private confidence(): { rating: string; source: string; p: number } | null {
    for (const c of this.confidenceCols) {
      const v = this.cell(c);
      const text = cellText(v).trim();
      if (!text) continue;
      const key = confidenceKey(text);
      const p = key === null ? undefined : this.ctx.settings.confidenceProbabilities[key];
      if (key !== null && p !== undefined)
        return { rating: ratingLabel(key), source: c.source ?? 'the tracker', p };
      if (!unknownText(v) && !NOT_RATED_RE.test(text))
        this.issue(c, MSG.unknownConfidence(text), v, 'warning', 'unknownWord');
    }
    return null;
  }

  /** Ratings in [0, 1]: numbers by the scale's top, words through the settings map. */
  private ratings(): Record<string, number> {
    const ratings: Record<string, number> = {};
    const max = this.ctx.ratingScaleMax;
    for (const c of this.ratingCols) {
      const v = this.cell(c);
      if (v === null || isBlank(v)) continue;
      if (typeof v === 'string' && !/\d/.test(v)) {
        const w = this.ctx.settings.ratingWords[v.trim().toLowerCase()];
        if (w === undefined) this.issue(c, MSG.unknownRatingWord(v.trim()), v, 'warning', 'unknownWord');
        ratings[c.objective!] = w ?? 0;
        continue;
      }
      const p = typeof v === 'number' ? { value: v } : parseNumber(v, this.num);
      if (p.value === null) {
        this.bad(c, p as Parsed<number>, 'Read as 0.');
        ratings[c.objective!] = 0;
        continue;
      }
      if (p.value < 0 || p.value > max) this.issue(c, MSG.ratingOutOfScale(p.value, max), v);
      ratings[c.objective!] = Math.min(1, Math.max(0, p.value / max));
    }
    return ratings;
  }
}
