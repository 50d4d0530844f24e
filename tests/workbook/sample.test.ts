// The committed sample workbook (assets/sample-portfolio.xlsx) has the layout the add-in and the docs
// describe, carries its deliberate cases and messy cells, and never drifts from scripts/make-sample.ts.
import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { buildSampleWorkbook, normalizeZipTimestamps } from '../../scripts/make-sample';

const ASSET = path.resolve(__dirname, '../../assets/sample-portfolio.xlsx');

const YEARS = [2027, 2028, 2029, 2030, 2031];
const OBJECTIVES = [
  'Grow Digital Revenue',
  'Reduce Cost to Serve',
  'Customer Experience',
  'Regulatory Compliance',
  'Sustainability',
];
const ROLES = ['Engineering', 'Data & Analytics', 'Change Mgmt'];
const HEADERS = [
  'Project ID',
  'Project Name',
  'Business Unit',
  'Sponsor',
  'Category',
  'Status',
  'Risk Level',
  'Probability of Success',
  'Mandatory',
  'Depends On',
  'Exclusive Group',
  'Start Date',
  'End Date',
  'Cost 2027',
  'Cost 2028',
  'Cost 2029',
  'Cost 2030',
  'Cost 2031',
  'Benefit 2027',
  'Benefit 2028',
  'Benefit 2029',
  'Benefit 2030',
  'Benefit 2031',
  'Baseline Cost',
  'Actual Cost',
  'EAC',
  '% Complete',
  'Realized Benefit',
  'FTE Engineering',
  'FTE Data & Analytics',
  'FTE Change Mgmt',
  ...OBJECTIVES,
  'Notes',
];
const COST_HEADERS = YEARS.map((y) => `Cost ${y}`);
const BENEFIT_HEADERS = YEARS.map((y) => `Benefit ${y}`);

type Value = ExcelJS.CellValue;
type Row = Record<string, Value>;

/** What ExcelJS keeps of a loaded table (the public typings do not declare it). */
interface LoadedTable {
  table: {
    name: string;
    tableRef: string;
    headerRow?: boolean;
    totalsRow?: boolean;
    columns: { name: string }[];
    style?: { theme?: string };
  };
}

function loadedTable(ws: ExcelJS.Worksheet, name: string): LoadedTable['table'] {
  const t = ws.getTable(name) as unknown as LoadedTable | undefined;
  if (!t) throw new Error(`No table ${name} on ${ws.name}`);
  return t.table;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`No sheet ${name}`);
  return ws;
}

/** Rows of a table as header → value records, read from the sheet cells inside the table's ref. */
function tableRows(
  ws: ExcelJS.Worksheet,
  name: string,
): { headers: string[]; rows: Row[]; firstRow: number } {
  const t = loadedTable(ws, name);
  const [from, to] = t.tableRef.split(':') as [string, string];
  const top = ws.getCell(from);
  const bottom = ws.getCell(to);
  const headers: string[] = [];
  for (let c = Number(top.col); c <= Number(bottom.col); c++)
    headers.push(String(ws.getCell(top.row, c).value));
  const rows: Row[] = [];
  for (let r = Number(top.row) + 1; r <= Number(bottom.row); r++) {
    const row: Row = {};
    headers.forEach((h, k) => (row[h] = ws.getCell(r, Number(top.col) + k).value));
    rows.push(row);
  }
  return { headers, rows, firstRow: Number(top.row) + 1 };
}

function num(v: Value): number {
  if (v === null || v === undefined || v === '') return 0;
  if (typeof v === 'number') return v;
  throw new Error(`Expected a number, got ${JSON.stringify(v)}`);
}

/** The money the messy text cells stand for ("$1.2M" → 1,200,000; "n/a" → 0). */
function money(v: Value): number {
  if (typeof v === 'string') {
    const m = /^\$([\d.]+)M$/.exec(v.trim());
    if (m) return Number(m[1]) * 1_000_000;
    if (v.trim().toLowerCase() === 'n/a') return 0;
  }
  return num(v);
}

const isBlank = (v: Value): boolean => v === null || v === undefined || v === '';
const IN_FLIGHT = new Set(['Active', 'In Progress', 'On Hold']);

let wb: ExcelJS.Workbook;
let projects: Row[];

beforeAll(async () => {
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(ASSET);
  projects = tableRows(sheet(wb, 'Projects'), 'ProjectTracker').rows;
});

describe('layout', () => {
  test('has the five sheets in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Projects',
      'Strategy',
      'Pairwise',
      'Budget',
      'Capacity',
    ]);
  });

  test('Projects: title, table ProjectTracker at A3 with the tracker headers and 48 rows, frozen header', () => {
    const ws = sheet(wb, 'Projects');
    expect(ws.getCell('A1').value).toBe('FY2027 Project Portfolio Tracker');
    const t = loadedTable(ws, 'ProjectTracker');
    expect(t.tableRef).toBe('A3:AK51');
    expect(t.style?.theme).toBe('TableStyleMedium2');
    expect(t.columns.map((c) => c.name)).toEqual(HEADERS);
    const { headers, rows } = tableRows(ws, 'ProjectTracker');
    expect(headers).toEqual(HEADERS);
    expect(rows).toHaveLength(48);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });

  test('Strategy: table Objectives names the five rating columns, weights sum to 1', () => {
    const { headers, rows } = tableRows(sheet(wb, 'Strategy'), 'Objectives');
    expect(headers).toEqual(['Objective', 'Weight', 'Description']);
    expect(rows.map((r) => r.Objective)).toEqual(HEADERS.slice(31, 36));
    expect(rows.map((r) => r.Objective)).toEqual(OBJECTIVES);
    const total = rows.reduce((s, r) => s + num(r.Weight), 0);
    expect(total).toBeCloseTo(1, 10);
  });

  test('Pairwise: plain range at B4, reciprocal, consistent (CR < 0.10), weights near the Strategy table', () => {
    const ws = sheet(wb, 'Pairwise');
    expect(ws.getTables()).toHaveLength(0);
    expect(ws.getCell('B2').value).toBe('Pairwise comparison of objectives (Saaty 1–9)');
    expect(isBlank(ws.getCell('B4').value)).toBe(true);
    const n = OBJECTIVES.length;
    const names = (get: (k: number) => Value): Value[] => Array.from({ length: n }, (_, k) => get(k));
    expect(names((k) => ws.getCell(4, 3 + k).value)).toEqual(OBJECTIVES);
    expect(names((k) => ws.getCell(5 + k, 2).value)).toEqual(OBJECTIVES);
    const a = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => num(ws.getCell(5 + i, 3 + j).value)),
    );
    for (let i = 0; i < n; i++) {
      expect(a[i]?.[i]).toBe(1);
      for (let j = 0; j < n; j++) {
        const v = a[i]?.[j] ?? NaN;
        expect(v).toBeGreaterThan(0);
        expect(v * (a[j]?.[i] ?? NaN)).toBeCloseTo(1, 12);
        // Saaty scale: integers 1–9 or their reciprocals.
        const s = v >= 1 ? v : 1 / v;
        expect(Math.abs(s - Math.round(s))).toBeLessThan(1e-9);
        expect(s).toBeLessThanOrEqual(9);
      }
    }
    // Principal eigenvector by power iteration.
    let w = Array<number>(n).fill(1 / n);
    for (let it = 0; it < 100; it++) {
      const v = a.map((row) => row.reduce((s, x, j) => s + x * (w[j] ?? 0), 0));
      const t = v.reduce((s, x) => s + x, 0);
      w = v.map((x) => x / t);
    }
    const lambda =
      a.reduce((s, row, i) => s + row.reduce((t, x, j) => t + x * (w[j] ?? 0), 0) / (w[i] ?? 1), 0) / n;
    const cr = (lambda - n) / (n - 1) / 1.12;
    expect(cr).toBeLessThan(0.1);
    const table = tableRows(sheet(wb, 'Strategy'), 'Objectives').rows.map((r) => num(r.Weight));
    w.forEach((x, k) => expect(Math.abs(x - (table[k] ?? 0))).toBeLessThan(0.03));
  });

  test('Budget: 2027–2031, candidates ask about 1.5× the budget in the first two years', () => {
    const { headers, rows } = tableRows(sheet(wb, 'Budget'), 'Budget');
    expect(headers).toEqual(['Year', 'Budget']);
    expect(rows.map((r) => r.Year)).toEqual(YEARS);
    const candidates = projects.filter((p) => p.Status !== 'Completed' && p.Status !== 'Cancelled');
    YEARS.slice(0, 2).forEach((y, k) => {
      const asked = candidates.reduce((s, p) => s + money(p[`Cost ${y}`] ?? null), 0);
      const ratio = asked / num(rows[k]?.Budget ?? null);
      expect(ratio).toBeGreaterThan(1.35);
      expect(ratio).toBeLessThan(1.7);
    });
  });

  test('Capacity: one row per FTE column role', () => {
    const { headers, rows } = tableRows(sheet(wb, 'Capacity'), 'Capacity');
    expect(headers).toEqual(['Role', 'Capacity (FTE)']);
    expect(rows.map((r) => r.Role)).toEqual(ROLES);
    expect(HEADERS.filter((h) => h.startsWith('FTE ')).map((h) => h.slice(4))).toEqual(ROLES);
    rows.forEach((r) => expect(num(r['Capacity (FTE)'])).toBeGreaterThan(0));
  });
});

describe('projects', () => {
  test('status mix', () => {
    const count = (s: string): number => projects.filter((p) => p.Status === s).length;
    expect(count('Active')).toBe(11);
    expect(count('In Progress')).toBe(1);
    expect(count('On Hold')).toBe(2);
    expect(count('Completed')).toBe(1);
    expect(count('Cancelled')).toBe(1);
    expect(count('Approved')).toBeGreaterThanOrEqual(4);
    expect(count('Proposed')).toBeGreaterThan(count('Approved'));
    expect(count('Proposed') + count('Approved') + 16).toBe(48);
  });

  test('the four messy cells are present', () => {
    expect(projects.filter((p) => p['Cost 2028'] === '$1.2M')).toHaveLength(1);
    expect(projects.filter((p) => p['Benefit 2029'] === 'n/a')).toHaveLength(1);
    const pos = projects.map((p) => p['Probability of Success']);
    expect(pos.filter((v) => v === '120%' || v === 1.2)).toHaveLength(1);
    const ids = projects.map((p) => String(p['Project ID']));
    const dupes = ids.filter((id, k) => ids.indexOf(id) !== k);
    expect(dupes).toEqual(['PRJ-027']);
    const twins = projects.filter((p) => p['Project ID'] === 'PRJ-027');
    expect(twins[0]?.['Project Name']).not.toBe(twins[1]?.['Project Name']);
    // Each messy cell is explained in its row's Notes.
    for (const p of projects.filter(
      (r) =>
        r['Cost 2028'] === '$1.2M' || r['Benefit 2029'] === 'n/a' || r['Probability of Success'] === '120%',
    )) {
      expect(String(p.Notes)).toMatch(/messy/i);
    }
    expect(String(twins[1]?.Notes)).toMatch(/duplicates PRJ-027/);
  });

  test('no other messy money or probability cells', () => {
    for (const p of projects) {
      for (const h of [
        ...COST_HEADERS,
        ...BENEFIT_HEADERS,
        'Baseline Cost',
        'Actual Cost',
        'EAC',
        'Realized Benefit',
      ]) {
        const v = p[h] ?? null;
        if (v === '$1.2M' || v === 'n/a') continue;
        expect(isBlank(v) || (typeof v === 'number' && v >= 0)).toBe(true);
      }
      const v = p['Probability of Success'] ?? null;
      if (v === '120%' || isBlank(v)) continue;
      const x = typeof v === 'string' ? Number(/^(\d+)%$/.exec(v)?.[1]) / 100 : v;
      expect(typeof x === 'number' && x > 0 && x <= 1).toBe(true);
    }
    const filled = projects.filter((p) => !isBlank(p['Probability of Success'] ?? null)).length;
    expect(filled).toBeGreaterThanOrEqual(8);
    expect(filled).toBeLessThanOrEqual(12);
  });

  test('EAC = Actual Cost + forward costs for every in-flight project; others leave them blank', () => {
    const inFlight = projects.filter((p) => IN_FLIGHT.has(String(p.Status)));
    expect(inFlight).toHaveLength(14);
    for (const p of inFlight) {
      const forward = COST_HEADERS.reduce((s, h) => s + num(p[h] ?? null), 0);
      expect(num(p.EAC ?? null)).toBe(num(p['Actual Cost'] ?? null) + forward);
      expect(num(p['Actual Cost'] ?? null)).toBeGreaterThan(0);
      expect(num(p['Baseline Cost'] ?? null)).toBeGreaterThan(0);
      const done = num(p['% Complete'] ?? null);
      expect(done).toBeGreaterThan(0);
      expect(done).toBeLessThan(1);
    }
    const overruns = inFlight.filter((p) => num(p.EAC ?? null) > 1.3 * num(p['Baseline Cost'] ?? null));
    expect(overruns.length).toBeGreaterThanOrEqual(2);
    for (const p of projects.filter((r) => !IN_FLIGHT.has(String(r.Status)))) {
      for (const h of ['Actual Cost', 'EAC', '% Complete']) expect(isBlank(p[h] ?? null)).toBe(true);
    }
  });

  test('words in the vocabulary columns', () => {
    const words = (h: string): Set<string> => new Set(projects.map((p) => String(p[h] ?? '')));
    expect(words('Risk Level')).toEqual(new Set(['Low', 'Medium', 'High', 'Very High']));
    expect(words('Category')).toEqual(new Set(['Growth', 'Efficiency', 'Compliance', 'Infrastructure']));
    expect(words('Business Unit').size).toBe(5);
    const mandatory = projects.map((p) => p.Mandatory ?? null).filter((v) => !isBlank(v));
    expect(mandatory.sort()).toEqual(['Y', 'Yes', 'Yes']);
  });

  test('ratings: integers 0–5, about six words', () => {
    const allowedWords = new Set(['High', 'Medium', 'Low', 'None', 'Strong']);
    let wordCells = 0;
    for (const p of projects) {
      for (const o of OBJECTIVES) {
        const v = p[o] ?? null;
        if (typeof v === 'string') {
          expect(allowedWords.has(v)).toBe(true);
          wordCells++;
        } else {
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(5);
        }
      }
    }
    expect(wordCells).toBeGreaterThanOrEqual(5);
    expect(wordCells).toBeLessThanOrEqual(7);
  });

  test('dates are real dates in 2026–2030, start before end', () => {
    for (const p of projects) {
      const start = p['Start Date'];
      const end = p['End Date'];
      expect(start).toBeInstanceOf(Date);
      expect(end).toBeInstanceOf(Date);
      const [s, e] = [start as Date, end as Date];
      expect(s.getUTCFullYear()).toBeGreaterThanOrEqual(2026);
      expect(e.getUTCFullYear()).toBeLessThanOrEqual(2030);
      expect(s.getTime()).toBeLessThan(e.getTime());
    }
  });

  test('dependencies point at unique existing ids without cycles; two exclusive groups', () => {
    const ids = projects.map((p) => String(p['Project ID']));
    const deps = new Map<string, string[]>();
    for (const p of projects) {
      const v = p['Depends On'] ?? null;
      if (isBlank(v)) continue;
      const list = String(v).split(', ');
      for (const d of list) {
        expect(ids.filter((id) => id === d)).toHaveLength(1);
        expect(d).not.toBe(p['Project ID']);
      }
      deps.set(String(p['Project ID']), list);
    }
    expect(deps.size).toBe(6);
    expect([...deps.values()].filter((l) => l.length === 2)).toHaveLength(1);
    const visit = (id: string, seen: string[]): void => {
      expect(seen).not.toContain(id);
      for (const d of deps.get(id) ?? []) visit(d, [...seen, id]);
    };
    for (const id of deps.keys()) visit(id, []);
    const groups = new Map<string, number>();
    for (const p of projects) {
      const g = p['Exclusive Group'] ?? null;
      if (!isBlank(g)) groups.set(String(g), (groups.get(String(g)) ?? 0) + 1);
    }
    expect(Object.fromEntries(groups)).toEqual({ 'CRM-Option': 3, 'DC-Strategy': 2 });
  });
});

describe('the asset matches its script', () => {
  type Snapshot = Record<string, { value: unknown; numFmt: string | undefined }>;
  const snapshot = (book: ExcelJS.Workbook): Record<string, Snapshot> => {
    const out: Record<string, Snapshot> = {};
    for (const ws of book.worksheets) {
      const cells: Snapshot = {};
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: false }, (cell) => {
          const v = cell.value;
          cells[cell.address] = {
            value: v instanceof Date ? { date: v.toISOString() } : v,
            numFmt: cell.numFmt || undefined,
          };
        }),
      );
      out[ws.name] = cells;
    }
    return out;
  };

  test('regenerating gives the same cell values and formats', async () => {
    const fresh = await buildSampleWorkbook();
    const reread = new ExcelJS.Workbook();
    await reread.xlsx.load((await fresh.xlsx.writeBuffer()) as ArrayBuffer);
    const committed = snapshot(wb);
    expect(Object.keys(committed.Projects ?? {}).length).toBeGreaterThan(1000);
    expect(snapshot(reread)).toEqual(committed);
  });

  test('regenerating gives the same bytes', async () => {
    const fresh = await buildSampleWorkbook();
    const bytes = normalizeZipTimestamps(Buffer.from(await fresh.xlsx.writeBuffer()));
    expect(bytes.equals(fs.readFileSync(ASSET))).toBe(true);
  });
});
