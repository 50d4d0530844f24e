// The score stage: typed projects to scores (SPEC §4.1–§4.5). What the other stages, the report and the
// surfaces use of it; everything else in this folder is private to it.
export { ahp, SAATY_SCALE } from './ahp';
export { alignmentConcentration, alignmentScore } from './alignment';
export { type Analysis, type AnalyzeOptions, analyzeWorkbook, type ProjectResult } from './analyze';
export { irr, mirr, npv } from './finance';
export { scoreAndRank } from './scoring';
