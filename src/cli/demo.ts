// `npm run demo`: scores the bundled sample workbook and prints the ranking and the data issues.
import path from 'node:path';
import { XlsxWorkbookReader } from '../workbook/xlsx/read';
import { analyzeWorkbook, type Analysis } from '../engine/analyze';
import { formatMoney } from '../engine/format';
import { STATUS_LABEL } from '../engine/vocabulary';
import { textTable } from './text';

export async function runDemo(file: string): Promise<Analysis> {
  const reader = await XlsxWorkbookReader.fromFile(file);
  const analysis = analyzeWorkbook(reader.all());
  const sym = analysis.currency;
  const out: string[] = [];
  out.push(`SRO Portfolio — ${path.basename(file)}`);
  out.push(
    `Projects: ${analysis.projects.length} from table ${analysis.table.name} on sheet ${analysis.table.sheet}; ` +
      `periods ${analysis.periods[0]}–${analysis.periods[analysis.periods.length - 1]}; discount rate ${(analysis.settings.discountRate * 100).toFixed(1)}%.`,
  );
  const source = {
    table: 'the objectives table',
    pairwise: `pairwise comparison (AHP, CR ${analysis.ahp?.cr.toFixed(3)})`,
    equal: 'equal weights',
    settings: 'settings',
  }[analysis.weightSource];
  out.push(
    `Objectives (weights from ${source}): ${analysis.objectives.map((o) => `${o.name} ${(o.weight * 100).toFixed(1)}%`).join(', ')}.`,
  );
  for (const n of analysis.notes) out.push(`Note: ${n}`);
  out.push('', 'Ranking');
  out.push(
    textTable(analysis.projects, [
      { header: 'Rank', value: (p) => String(p.rank), align: 'right' },
      { header: 'ID', value: (p) => p.project.id },
      { header: 'Name', value: (p) => p.project.name, max: 34 },
      { header: 'Status', value: (p) => STATUS_LABEL[p.project.status] },
      { header: 'Alignment', value: (p) => p.alignment.toFixed(1), align: 'right' },
      {
        header: 'Risk-adj. NPV',
        value: (p) => formatMoney(p.financials.riskAdjustedNpv, sym),
        align: 'right',
      },
      { header: 'Value', value: (p) => p.valueScore.toFixed(1), align: 'right' },
      { header: 'Note', value: (p) => p.ineligibleReason ?? '' },
    ]),
  );
  out.push('', `Data issues (${analysis.issues.length})`);
  if (analysis.issues.length) {
    out.push(
      textTable(analysis.issues, [
        { header: 'Where', value: (i) => `${i.sheet}!${i.cell ?? (i.row ? `row ${i.row}` : '')}` },
        { header: 'Column', value: (i) => i.column ?? '', max: 22 },
        { header: 'Value', value: (i) => i.value ?? '', max: 14 },
        { header: 'Problem', value: (i) => i.problem, max: 70 },
        { header: 'Assumed', value: (i) => i.assumption, max: 60 },
      ]),
    );
  }
  console.log(out.join('\n'));
  return analysis;
}

if (require.main === module) {
  const file = process.argv[2] ?? path.join(__dirname, '..', '..', 'assets', 'sample-portfolio.xlsx');
  runDemo(file).catch((err: unknown) => {
    console.error(err instanceof Error && err.name === 'InputError' ? err.message : err);
    process.exit(err instanceof Error && err.name === 'InputError' ? 2 : 1);
  });
}
