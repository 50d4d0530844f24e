// Transposed tables (SPEC §3.2): field names down the first column and one project per column, as the
// UK's major-projects data was published from 2013 to 2020. Detected here, in the read stage, so both
// workbook adapters hand in the sheet as it is and every surface reads it the same way.
import type { CellValue, RawTable } from '../model';
import { cellText } from './cells';
import { projectTableScore } from './columnMatch';

/** Most field labels a transposed table may have down its first column. */
const MAX_FIELDS = 300;

/**
 * The table turned so that projects are rows, when its first column reads as a header row better than
 * its header row does (and holds a project-name label); otherwise the table as it is.
 */
export function orientTable(t: RawTable, objectives: readonly string[] = []): RawTable {
  // Field labels number tens, not thousands: a long table is a table of rows (and is not scanned).
  if (t.transposed || t.rows.length < 2 || t.rows.length > MAX_FIELDS || t.headers.length < 2) return t;
  const labels = [t.headers[0] ?? '', ...t.rows.map((r) => cellText(r[0] ?? null).trim())];
  const filledLabels = labels.filter((l) => l !== '').length;
  if (filledLabels < 0.8 * labels.length) return t;
  const down = projectTableScore(labels, objectives);
  if (down < 2 || down <= projectTableScore(t.headers, objectives)) return t;
  const rows: CellValue[][] = [];
  for (let j = 1; j < t.headers.length; j++) {
    const head = t.headers[j] ?? '';
    rows.push([head === '' ? null : head, ...t.rows.map((r) => r[j] ?? null)]);
  }
  const { columnFormats: _formats, ...rest } = t;
  return { ...rest, headers: labels, rows, transposed: true };
}
