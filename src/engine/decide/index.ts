// The decide stage: scores plus selections to recommendations (SPEC §4.3, §4.7, §4.8). What the report,
// the pipeline and the surfaces use of it; everything else in this folder is private to it.
export { portfolioFigures } from './portfolioFigures';
export { type Rationalization, rationalize } from './rationalize';
export { recommend, type Recommendation, RECOMMENDATION_ORDER, type RecommendationType } from './recommend';
export { selectionSetup } from './selectionSetup';
export { sensitivity, type SensitivityResult } from './sensitivity';
