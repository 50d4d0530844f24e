// The header vocabulary of SPEC §3.1: exact synonyms per field (compared case-, space- and
// punctuation-free) and word-pattern guesses for headers that are not exact synonyms.
import type { Field } from './fields';

/** Exact synonyms, already normalized. */
export const SYNONYMS: Partial<Record<Field, string[]>> = {
  id: [
    'id',
    'projectid',
    'code',
    'projectcode',
    'key',
    'ref',
    'reference',
    'projectno',
    'projectnumber',
    'projectref',
    'no',
    'number',
    'initiativeid',
    'identifier',
    'uniqueid',
    'projectidentifier',
    'refno',
    'referencenumber',
  ],
  name: ['project', 'projectname', 'name', 'initiative', 'initiativename', 'title', 'projecttitle'],
  status: ['status', 'stage', 'phase', 'projectstatus', 'state', 'lifecyclestage'],
  cost: [
    'cost',
    'totalcost',
    'budget',
    'estimatedcost',
    'investment',
    'capex',
    'projectcost',
    'totalinvestment',
    'costestimate',
    'estimatedtotalcost',
    'totalbudget',
    'requestedbudget',
    'totalprojectcost',
  ],
  benefit: [
    'benefit',
    'benefits',
    'totalbenefit',
    'totalbenefits',
    'expectedbenefit',
    'expectedbenefits',
    'savings',
    'value',
    'expectedvalue',
    'estimatedbenefit',
    'estimatedbenefits',
    'totalsavings',
  ],
  benefitYears: [
    'benefityears',
    'horizon',
    'usefullife',
    'benefithorizon',
    'benefitperiod',
    'lifeyears',
    'benefitlife',
  ],
  actualCost: [
    'actualcost',
    'spenttodate',
    'actuals',
    'ac',
    'actualtodate',
    'costtodate',
    'actualspend',
    'actualcosttodate',
    'spend',
  ],
  baselineCost: [
    'baseline',
    'approvedbudget',
    'bac',
    'plannedcost',
    'baselinecost',
    'budgetatcompletion',
    'originalbudget',
    'baselinebudget',
  ],
  eac: [
    'eac',
    'forecast',
    'estimateatcompletion',
    'forecastatcompletion',
    'forecastcost',
    'forecastatcomplete',
    'fac',
  ],
  percentComplete: [
    'complete',
    'percentcomplete',
    'progress',
    'pctcomplete',
    'completion',
    'percentagecomplete',
  ],
  realizedBenefit: [
    'realizedbenefit',
    'realizedbenefits',
    'benefitsrealized',
    'benefitrealized',
    'realisedbenefit',
    'realisedbenefits',
    'benefitsrealised',
    'benefitstodate',
  ],
  probability: [
    'probabilityofsuccess',
    'confidence',
    'pos',
    'successprobability',
    'probability',
    'likelihoodofsuccess',
    'chanceofsuccess',
  ],
  risk: ['risk', 'riskrating', 'risklevel', 'overallrisk', 'deliveryrisk', 'riskcategory'],
  mandatory: ['mandatory', 'regulatory', 'mustdo', 'required', 'mustdomandatory', 'nondiscretionary'],
  excluded: ['exclude', 'forceout', 'excluded', 'donotfund', 'forcedout'],
  dependsOn: [
    'dependson',
    'dependencies',
    'predecessors',
    'requires',
    'dependency',
    'prerequisites',
    'prerequisite',
  ],
  exclusiveGroup: [
    'exclusivegroup',
    'alternativegroup',
    'optiongroup',
    'mutuallyexclusive',
    'alternatives',
    'exclusive',
  ],
  start: [
    'start',
    'startdate',
    'plannedstart',
    'begin',
    'plannedstartdate',
    'projectstartdate',
    'projectstart',
  ],
  end: [
    'end',
    'enddate',
    'finish',
    'finishdate',
    'plannedend',
    'plannedfinish',
    'completiondate',
    'duedate',
    'plannedenddate',
    'projectenddate',
    'projectend',
    'estimatedcompletiondate',
    'estimatedenddate',
    'forecastcompletiondate',
    'expectedcompletiondate',
  ],
  sponsor: ['sponsor', 'executivesponsor', 'projectsponsor', 'businesssponsor', 'owner'],
  businessUnit: ['businessunit', 'bu', 'division', 'segment', 'lineofbusiness', 'lob'],
  department: [
    'department',
    'dept',
    'function',
    'agency',
    'agencyname',
    'ministry',
    'departmentname',
    'organisation',
    'organization',
  ],
  category: [
    'category',
    'type',
    'projecttype',
    'portfoliocategory',
    'investmentcategory',
    'theme',
    'investmenttype',
  ],
  program: ['program', 'programme', 'portfolio', 'programname'],
};

/**
 * Guesses for headers that are not exact synonyms: a word pattern on the spaced header (camelCase and
 * snake_case already split into words), first match wins. Ids come before money, so that
 * "Unique_Investment_Identifier" is never a cost; benefit before baseline, so that "TOTAL Baseline
 * Benefits" is a benefit.
 */
export const GUESSES: [Field, RegExp, number][] = [
  [
    'id',
    /\b(id|identifier|uid|ref|reference)\b|#|\b(project|proj|initiative|investment)\s+(no|number|num)\b/,
    0.85,
  ],
  ['name', /\b(project|initiative)\b.*\bname\b/, 0.85],
  ['program', /\b(investment|programme|program|portfolio)\s+(title|name)\b/, 0.8],
  ['status', /\bstatus\b/, 0.8],
  ['realizedBenefit', /\breali[sz]ed\b.*\bbenefit/, 0.8],
  ['benefit', /\b(benefits?|savings)\b/, 0.7],
  ['eac', /\b(forecast|eac|projected|outturn|estimate at completion|anticipated final)\b/, 0.75],
  ['actualCost', /\bactual|\b(expenditures?|spend|spent|costs?)\b.*\bto date\b/, 0.75],
  ['baselineCost', /\b(baseline|approved budget|original budget|original estimate)\b/, 0.75],
  ['probability', /\bprobability\b/, 0.75],
  ['percentComplete', /\b(percent|pct)?\s*complete\b/, 0.7],
  ['risk', /\brisk\b/, 0.7],
  ['cost', /\b(cost|costs|investment|capex)\b/, 0.65],
  ['dependsOn', /\bdepend/, 0.7],
  ['sponsor', /\b(sponsor|senior responsible (owner|officer))\b/, 0.75],
  ['businessUnit', /\bbusiness unit\b/, 0.75],
  ['department', /\b(agency|ministry|department|organi[sz]ation)\b(?!.*\b(code|id|number|no)\b)/, 0.75],
  ['category', /\bcategory\b/, 0.7],
  ['start', /\bstart\b/, 0.65],
  ['end', /\b(end|finish)\b|\bcompletion date\b/, 0.65],
];

/** Narrative columns: text for a reader, never a figure ("Departmental Narrative on Budgeted Whole Life Costs"). */
export const NARRATIVE_RE =
  /\b(narrative|commentary|comments?|description|descriptions|notes?|explanation|rationale|aims?|justification|remarks|footnotes?|objectives?\s*\/?\s*expected outcomes?)\b/;

/** One financial year's figure, not the whole project's ("Financial Year Baseline", "FY Forecast", "YTD spend"). */
export const IN_YEAR_RE =
  /\b(financial year|fiscal year|fy|in year|annual|ytd|year to date|current year|this year|budget year)\b/;

/** Whole-project qualifiers: the figure covers the project's whole life. */
export const WHOLE_LIFE_RE = /\b(whole life|wlc|total|lifetime|life ?cycle|at completion|overall)\b/;

/** Delivery-confidence columns (IPA and SRO Delivery Confidence Assessment, DCA, RAG rating). */
export const DELIVERY_CONFIDENCE_RE =
  /\b(delivery confidence|dca|rag|confidence (rating|assessment|level))\b/;

/** A variance column: the tracker's own difference of two figures, kept as it is. */
export const VARIANCE_RE = /\bvariance\b/;
