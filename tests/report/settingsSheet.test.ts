// The "SRO Settings" sheet round trip (SPEC §3.3): what the writer writes is exactly what the reader
// reads, so a re-run on the output reproduces the result.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { defaultSettings, readSettingsTable, type Settings } from '../../src/engine/read';
import type { RawTable } from '../../src/engine/model';
import { settingsRows, SETTINGS_TABLE } from '../../src/report/settingsSheet';
import { isFormula, isLink } from '../../src/report/model';
import { analyzeWorkbook } from '../../src/engine/score';
import { buildReport } from '../../src/report/buildReport';
import { writeReport } from '../../src/workbook/xlsx/write';
import { XlsxWorkbookReader } from '../../src/workbook/xlsx/read';

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'sample-portfolio.xlsx');

function asTable(settings: Settings): RawTable {
  return {
    name: SETTINGS_TABLE,
    sheet: 'SRO Settings',
    kind: 'table',
    headerRow: 4,
    firstColumn: 1,
    headers: ['Setting', 'Value', 'Note'],
    rows: settingsRows(settings, '$').map((r) => {
      if (isLink(r.value) || isFormula(r.value)) throw new Error('settings are plain values');
      return [r.label, r.value, r.note];
    }),
  };
}

function roundTrip(settings: Settings): { settings: Settings; issues: unknown[] } {
  // Read on top of defaults that differ from every value written, so nothing passes by falling back.
  return readSettingsTable(asTable(settings), defaultSettings());
}

describe('settingsRows', () => {
  test('the defaults round-trip without an issue', () => {
    const s = defaultSettings();
    const back = roundTrip(s);
    expect(back.issues).toEqual([]);
    expect(back.settings).toEqual(s);
  });

  test('every scalar and keyed setting changed from its default round-trips', () => {
    const s: Settings = {
      ...defaultSettings(),
      discountRate: 0.0725,
      alignmentWeight: 0.35,
      financialMeasure: 'bcr',
      objective: 'blend',
      blendValueShare: 0.6,
      alignmentGate: 40,
      maxProjects: 12,
      budgets: { '2027': 5_000_000, FY28: 6_250_000.5 },
      totalBudget: 11_000_000,
      ratingScaleMax: 10,
      riskProbabilities: { low: 0.95, medium: 0.8, high: 0.5, 'very high': 0.25, critical: 0.1 },
      // Keyed rows add to the defaults (a sheet cannot remove a word), so the map keeps every default word.
      ratingWords: { ...defaultSettings().ratingWords, low: 0.2, high: 0.8 },
      currencySymbol: '€',
      decimalSeparator: null,
      benefitYears: 7,
      objectiveWeights: { Growth: 0.7, 'Cost to Serve': 0.3 },
      weightSource: 'table',
      minShare: { 'Regulatory Compliance': 0.1 },
      maxShare: { 'Business Unit: Technology': 0.45 },
    };
    const back = roundTrip(s);
    expect(back.issues).toEqual([]);
    // Rating words and risk levels are read in lower case; these already are.
    expect(back.settings).toEqual(s);
  });

  test('a comma decimal separator round-trips', () => {
    const s: Settings = { ...defaultSettings(), decimalSeparator: ',' };
    expect(roundTrip(s).settings.decimalSeparator).toBe(',');
  });

  test('every setting key has a row: a new setting cannot be forgotten by the writer', () => {
    const labels = settingsRows(defaultSettings(), '$').map((r) => r.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Discount rate',
        'Weight source',
        'Risk probability high',
        'Rating word extreme',
      ]),
    );
    // Nullable settings are written as words the reader takes for "no value".
    const gate = settingsRows(defaultSettings(), '$').find((r) => r.label === 'Alignment gate');
    expect(gate?.value).toBe('none');
  });
});

describe('the written sheet', () => {
  test('read back from the .xlsx, it gives the settings of the run, and a re-run the same scores', async () => {
    const data = new Uint8Array(fs.readFileSync(SAMPLE));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
    const overrides: Partial<Settings> = { discountRate: 0.1, alignmentWeight: 0.6, totalBudget: 40_000_000 };
    const first = analyzeWorkbook(new XlsxWorkbookReader(wb).all(), { settings: overrides });
    const written = await writeReport(data, buildReport(first));

    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(written.data as unknown as ExcelJS.Buffer);
    const tables = new XlsxWorkbookReader(wb2).all();
    const sheetTable = tables.find((t) => t.sheet === 'SRO Settings' && t.kind === 'table');
    expect(sheetTable?.headers).toEqual(['Setting', 'Value', 'Note']);
    const read = readSettingsTable(sheetTable!);
    expect(read.issues).toEqual([]);
    expect(read.settings).toEqual(first.settings);

    // No flags the second time: the sheet alone carries the assumptions.
    const second = analyzeWorkbook(tables);
    expect(second.settings).toEqual(first.settings);
    expect(second.projects.map((p) => [p.project.id, p.valueScore])).toEqual(
      first.projects.map((p) => [p.project.id, p.valueScore]),
    );
  });
});
