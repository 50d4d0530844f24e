// `sro inspect`, argument parsing and progress output: what the user sees before and during a run.
import fs from 'node:fs';
import path from 'node:path';
import { sro } from './support';
import { LAYOUTS, tempDir, writeWorkbook } from './workbooks';
import { parseArgs, parseBudget, UsageError } from '../../src/cli/args';
import { createProgress } from '../../src/cli/progress';
import { defaultOutput } from '../../src/cli/sro';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample-portfolio.xlsx');

describe('sro inspect', () => {
  test('lists the tables with their roles, the mapping with confidence, and the data issues', async () => {
    const dir = tempDir();
    const json = path.join(dir, 'inspect.json');
    const r = await sro('inspect', SAMPLE, '--json', json);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ProjectTracker\s+Projects\s+Excel table\s+48\s+projects/);
    expect(r.stdout).toMatch(/Pairwise!B4:G9\s+Pairwise\s+range\s+5\s+pairwise/);
    expect(r.stdout).toMatch(/Cost 2027\s+costPeriod\s+95%\s+period 2027/);
    expect(r.stdout).toMatch(/Notes\s+\(carried through\)/);
    expect(r.stdout).toContain('Data issues (4)');
    const out = JSON.parse(fs.readFileSync(json, 'utf8')) as {
      projectsTable: { name: string };
      mapping: { header: string; field: string; confidence: number }[];
      dataIssues: unknown[];
    };
    expect(out.projectsTable.name).toBe('ProjectTracker');
    expect(out.mapping.find((m) => m.header === 'Project Name')).toEqual({
      header: 'Project Name',
      field: 'name',
      confidence: 1,
    });
    expect(out.dataIssues).toHaveLength(4);
  });

  test('writes nothing next to the workbook, and tells which table it proposes on another layout', async () => {
    const dir = tempDir();
    const input = await writeWorkbook(dir, 'plain.xlsx', LAYOUTS['plain-range.xlsx']!);
    const r = await sro('inspect', input);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Projects table: Tracker!A3:G8 on sheet Tracker (5 projects)');
    expect(fs.readdirSync(dir)).toEqual(['plain.xlsx']);
  });

  test('--table naming no table exits 2 and names the tables there are', async () => {
    const r = await sro('inspect', SAMPLE, '--table', 'Nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Nope');
    expect(r.stderr).toContain('ProjectTracker');
  });
});

describe('arguments', () => {
  test('score with every option', () => {
    expect(
      parseArgs([
        'score',
        'in.xlsx',
        '-o',
        'out.xlsx',
        '--table=Projects',
        '--budget',
        '12M',
        '--discount-rate',
        '7.5%',
        '--json',
        'r.json',
        '-q',
      ]),
    ).toEqual({
      command: 'score',
      input: 'in.xlsx',
      output: 'out.xlsx',
      table: 'Projects',
      json: 'r.json',
      settings: { totalBudget: 12_000_000, discountRate: 0.075 },
      quiet: true,
    });
  });

  test('per-period budgets replace a total one', () => {
    expect(parseBudget('2027=5M, 2028=$6,000,000')).toEqual({
      budgets: { '2027': 5e6, '2028': 6e6 },
      totalBudget: null,
    });
    expect(() => parseBudget('2027=')).toThrow(UsageError);
  });

  test('inspect refuses options that only score takes', () => {
    expect(() => parseArgs(['inspect', 'in.xlsx', '--budget', '1M'])).toThrow(
      '--budget applies to sro score',
    );
  });

  test('the default output sits beside the input and is never the input', () => {
    expect(defaultOutput(path.join('a', 'b', 'plan.xlsx'))).toBe(path.join('a', 'b', 'plan.sro.xlsx'));
    expect(defaultOutput('plan.XLSX')).toBe('plan.sro.xlsx');
  });
});

describe('progress', () => {
  function stream(isTTY: boolean) {
    const writes: string[] = [];
    return { writes, isTTY, columns: 60, write: (s: string) => writes.push(s) };
  }

  test('a terminal gets one redrawn bar, cleared at the end', () => {
    const s = stream(true);
    const p = createProgress(s, false);
    p.stage('Reading', 0);
    p.update(0.5, 'half');
    p.done();
    expect(s.writes[1]).toMatch(/^\r\[█{12}░{12}\]  50% Reading \(half\)\s*$/);
    expect(s.writes.every((w) => w.startsWith('\r') && !w.includes('\n'))).toBe(true);
    expect(s.writes[s.writes.length - 1]).toMatch(/^\r\s+\r$/);
  });

  test('a log gets one line per stage; quiet gets nothing', () => {
    const s = stream(false);
    const p = createProgress(s, false);
    p.stage('Reading', 0);
    p.update(0.5);
    p.stage('Writing', 0.9);
    expect(s.writes).toEqual(['sro: Reading…\n', 'sro: Writing…\n']);
    const q = stream(true);
    createProgress(q, true).stage('Reading', 0);
    expect(q.writes).toEqual([]);
  });
});
