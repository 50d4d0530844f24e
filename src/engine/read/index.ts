// The read stage: cells to typed projects (SPEC §3). What the other stages and the adapters use of it;
// everything else in this folder is private to it.
export { cellText, isBlank, parseNumber, parsePercent, serialToDate } from './cells';
export { normalizeHeader } from './columnMatch';
export { readingConventions } from './conventions';
export type { ColumnMap, Field, MappingOverride } from './fields';
export {
  budgetLines,
  capacityLines,
  collect,
  defaultStatus,
  projectTable,
  settingsInForce,
  tableRoles,
} from './inputs';
export { groupIssues } from './issueGroups';
export { orientTable } from './orient';
export { type Reading, readingNotes } from './readingNotes';
export { fieldWord } from './contentFit';
export { periodLabel } from './periods';
export type { ReadContext } from './projectRow';
export { readProjects } from './projects';
export { findHeaderRanges, headerRangesOf, type HeaderRange, type SheetCell } from './ranges';
export { strayCellIssues, type CellArea } from './strayCells';
export {
  defaultSettings,
  type FinancialMeasure,
  KEYED_PREFIXES,
  readSettingsTable,
  SETTING_LABELS,
  type Settings,
} from './settings';
export { readObjectivesTable, readPairwiseTable } from './strategy';
export { classifyTable, OUTPUT_SHEET_RE, type TableRole } from './tableDetect';
export { isCandidate, isCurrent, isInFlight, STATUS_LABEL } from './vocabulary';
