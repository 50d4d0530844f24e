// UK Government Major Projects Portfolio publications, in their published layouts with invented values:
// the row layout of the 2021–2024 data (one project per row, IPA and SRO delivery confidence, in-year
// and whole-life figures in £m, benefits), and the transposed layout of 2013–2020 (field names down
// column A, one project per column). Withheld figures read "Exempt under Section 43 of the Freedom of
// Information Act 2000"; others "Not Available", "TBC" or blank; numbers arrive as text with £ and commas.
import type { CellValue } from '../../../src/engine/model';
import {
  dateOf,
  Draw,
  FOI_26,
  FOI_43,
  type Generated,
  moneyCell,
  narrative,
  projectName,
  transpose,
  type TruthRow,
} from './common';

const DEPARTMENTS = ['DfT', 'MOD', 'HO', 'DHSC', 'MOJ', 'DWP', 'HMRC', 'DEFRA', 'DCMS', 'DfE', 'CO', 'FCDO'];
const CATEGORIES = [
  'Infrastructure and Construction',
  'Government Transformation and Service Delivery',
  'ICT',
  'Military Capability',
];
/** The five-point scale as publications spell it, mixed the way several departments' returns mix it. */
const FIVE_POINT = [
  'Green',
  'Amber/Green',
  'Amber',
  'Amber/Red',
  'Red',
  'Amber-Green',
  'AMBER',
  'Amber / Red',
];
const THREE_POINT = ['Green', 'Amber', 'Red', 'AMBER', 'green'];

const DCA_NOTE =
  '(A Delivery Confidence Assessment of the project at a fixed point in time, using a five-point scale, Red – Amber/Red – Amber – Amber/Green – Green; definitions in the IPA Annual Report on Major Projects)';
const DCA_NOTE_3 =
  '(A Delivery Confidence Assessment of the project at a fixed point in time, using a three-point scale, Red – Amber – Green; definitions in the IPA Annual Report on Major Projects)';

/** Headers of the row layout (March 2023 data), in order. */
export const GMPP_2023_HEADERS = [
  'GMPP ID Number',
  'Project Name',
  'Department',
  'Annual Report Category',
  'Description / Aims',
  `IPA Delivery Confidence Assessment ${DCA_NOTE}`,
  `SRO Delivery Confidence Assessment ${DCA_NOTE_3}`,
  'Departmental commentary on actions planned or taken on the IPA RAG rating.',
  'Project - Start Date (Latest Approved Start Date)',
  'Project - End Date (Latest Approved End Date)',
  'Departmental narrative on schedule, including any deviation from planned schedule (if necessary)',
  'Financial Year Baseline (£m) (including Non-Government Costs)',
  'Financial Year Forecast (£m) (including Non-Government Costs)',
  'Financial Year Variance (%)',
  'Departmental narrative on budget/forecast variance for 2022/23 (if variance is more than 5%)',
  'TOTAL Baseline Whole Life Costs (£m) (including Non-Government Costs)',
  'Departmental Narrative on Budgeted Whole Life Costs',
  'TOTAL Baseline Benefits (£m)',
  'Departmental Narrative on Budgeted Benefits',
] as const;

/** A figure cell in £m: a number, text, or withheld / not available / blank; and the truth in pounds. */
function figure(
  d: Draw,
  millions: number,
  textShare: number,
  foi: string,
): { cell: CellValue; pounds: number | null; missing?: TruthRow['costMissing'] } {
  const r = d.u();
  if (r < 0.05) return { cell: foi, pounds: null, missing: 'withheld' };
  if (r < 0.07)
    return {
      cell: d.pick(['Not Available', 'TBC', 'Data Not Provided']),
      pounds: null,
      missing: 'notAvailable',
    };
  if (r < 0.08) return { cell: null, pounds: null, missing: 'blank' };
  const cell = moneyCell(d, millions, '£', textShare);
  const shown = typeof cell === 'number' ? cell : Number(String(cell).replace(/[£,]/g, ''));
  return { cell, pounds: Math.round(shown * 1e6 * 100) / 100 };
}

interface GmppProject {
  id: string;
  name: string;
  dept: string;
  wlc: number;
  benefit: number;
  start: Date;
  end: Date;
}

/** Projects of a portfolio, two of them the cases the issue names (a withheld giant; benefits 2.4× cost). */
function projects(d: Draw, n: number, idYear: string): GmppProject[] {
  const out: GmppProject[] = [];
  for (let k = 0; k < n; k++) {
    const dept = d.pick(DEPARTMENTS);
    const y = d.int(2008, 2022);
    out.push({
      id: `${dept.toUpperCase()}_${String(k + 1).padStart(4, '0')}_${idYear}`,
      name: projectName(d, k + 1),
      dept,
      wlc: d.size(40, 40_000),
      benefit: 0,
      start: dateOf(y, d.int(1, 12), d.int(1, 28)),
      end: dateOf(y + d.int(3, 20), d.int(1, 12), d.int(1, 28)),
    });
  }
  // About a third of projects publish 0: their benefits are not monetised.
  for (const p of out) p.benefit = d.chance(0.35) ? 0 : p.wlc * (0.3 + 2.2 * d.u());
  // The two cases, invented: a defence giant whose cost is withheld, and a programme whose
  // published benefits are 2.4 times its whole-life cost.
  out[3]!.name = 'Submarine Successor Class Programme';
  out[3]!.dept = 'MOD';
  out[3]!.id = `MOD_0004_${idYear}`;
  out[7]!.name = 'Farm Support and Countryside Programme';
  out[7]!.wlc = 2_300;
  out[7]!.benefit = 2_300 * 2.4;
  return out;
}

/**
 * GMPP row layout (2021–2024 publications): `n` projects (244 as in the March 2023 data), IPA and SRO
 * ratings, in-year and whole-life figures in £m, benefits, narratives; two duplicate ids.
 */
export function gmpp2023(seed = 2023, n = 244): Generated {
  const d = new Draw(seed);
  const ps = projects(d, n, '2223-Q4');
  ps[41]!.id = ps[40]!.id; // one department reported a project twice under one id
  const truth: TruthRow[] = [];
  const rows: CellValue[][] = ps.map((p, k) => {
    const foi = k === 3 ? FOI_26 : FOI_43;
    const cost =
      k === 3
        ? { cell: FOI_26, pounds: null, missing: 'withheld' as const }
        : k === 7
          ? { cell: 2300, pounds: 2.3e9 }
          : figure(d, p.wlc, 0.35, foi);
    const benefit =
      k === 7
        ? { cell: 5520, pounds: 5.52e9 }
        : p.benefit === 0
          ? { cell: 0, pounds: 0 }
          : figure(d, p.benefit, 0.2, foi);
    const inYearBase = p.wlc / d.int(5, 15);
    truth.push({
      id: p.id,
      name: p.name,
      cost: cost.pounds,
      benefit: benefit.pounds,
      ...(cost.missing ? { costMissing: cost.missing } : {}),
    });
    return [
      p.id,
      p.name,
      p.dept,
      d.pick(CATEGORIES),
      narrative(d, 3),
      k === 3 ? FOI_26 : d.chance(0.06) ? 'Not set' : d.pick(FIVE_POINT),
      d.pick(THREE_POINT),
      narrative(d, 4),
      d.chance(0.1)
        ? `${p.start.getUTCDate()}/${p.start.getUTCMonth() + 1}/${p.start.getUTCFullYear()}`
        : p.start,
      p.end,
      narrative(d, 2),
      k === 3 ? FOI_26 : moneyCell(d, inYearBase, '£', 0.3),
      k === 3 ? FOI_26 : moneyCell(d, inYearBase * (0.8 + 0.4 * d.u()), '£', 0.3),
      `${Math.round((d.u() - 0.5) * 40)}%`,
      narrative(d, 2),
      cost.cell,
      narrative(d, 2),
      benefit.cell,
      narrative(d, 2),
    ];
  });
  return {
    sheet: 'GMPP Data',
    grid: [[...GMPP_2023_HEADERS], ...rows],
    truth,
    transposed: false,
    currency: '£',
  };
}

/** Field labels down column A of the September 2019 data (published for the 2020 annual report). */
export const GMPP_2020_LABELS = [
  'GMPP ID Number',
  'Project Name',
  'Department',
  'Description / Aims',
  `IPA Delivery Confidence Assessment ${DCA_NOTE}`,
  'Departmental commentary on actions planned or taken on the IPA RAG rating.',
  'Project - Start Date (Latest Approved Start Date)',
  'Project - End Date (Latest Approved End Date)',
  'Departmental narrative on schedule, including any deviation from planned schedule (if necessary)',
  'Financial Year Baseline (£m) (including Non-Government Costs)',
  'Financial Year Forecast (£m) (including Non-Government Costs)',
  'Financial Year Variance (%)',
  'Departmental narrative on budget/forecast variance for 2019/20 (if variance is more than 5%)',
  'TOTAL Baseline Whole Life Costs (£m) (including Non-Government Costs)',
  'Departmental Narrative on Budgeted Whole Life Costs',
  'Non-Government Whole Life Costs (£m)',
] as const;

/** Field labels of the 2017 publication (September 2016 data): fewer rows, older wording. */
export const GMPP_2017_LABELS = [
  'GMPP ID',
  'Project Name',
  'Department/Organisation',
  'Description/Aims',
  'IPA Delivery Confidence Assessment',
  'Departmental commentary on actions planned or taken on the IPA RAG rating',
  'Start Date',
  'End Date',
  'Departmental narrative on schedule, including any deviation from planned schedule',
  'Financial Year 2016/17 Baseline (£m)',
  'Financial Year 2016/17 Forecast (£m)',
  'Variance (%)',
  'Whole Life Cost (£m)',
  'Departmental narrative on budget/forecast variance and whole life costs',
] as const;

/**
 * GMPP transposed layout: field labels down column A, one project per column — `n` projects (125 in
 * the 2020 publication, 143 in 2017). Most figures are text with £ and commas.
 */
export function gmppTransposed(
  edition: 2017 | 2020,
  seed = edition,
  n = edition === 2020 ? 125 : 143,
): Generated {
  const d = new Draw(seed);
  const labels = edition === 2020 ? GMPP_2020_LABELS : GMPP_2017_LABELS;
  const ps = projects(d, n, edition === 2020 ? '1920-Q2' : '1617-Q2');
  const truth: TruthRow[] = [];
  const rows: CellValue[][] = ps.map((p, k) => {
    const cost =
      k === 3 ? { cell: FOI_26, pounds: null, missing: 'withheld' as const } : figure(d, p.wlc, 0.9, FOI_43);
    truth.push({
      id: p.id,
      name: p.name,
      cost: cost.pounds,
      benefit: null,
      ...(cost.missing ? { costMissing: cost.missing } : {}),
    });
    const base = p.wlc / d.int(5, 15);
    const rating = d.chance(0.05) ? FOI_43 : d.pick(FIVE_POINT);
    const row: CellValue[] = [
      p.id,
      p.name,
      p.dept,
      narrative(d, 3),
      rating,
      narrative(d, 3),
      p.start,
      p.end,
      narrative(d, 2),
      moneyCell(d, base, '£', 0.9),
      moneyCell(d, base * (0.8 + 0.4 * d.u()), '£', 0.9),
      `${Math.round((d.u() - 0.5) * 40)}%`,
    ];
    if (edition === 2020) row.push(narrative(d, 2), cost.cell, narrative(d, 2), null);
    else row.push(cost.cell, narrative(d, 2));
    return row;
  });
  const grid = transpose([[...labels], ...rows]);
  return {
    sheet: edition === 2020 ? 'GMPP 2020' : 'GMPP 2017',
    grid,
    truth,
    transposed: true,
    currency: '£',
  };
}
