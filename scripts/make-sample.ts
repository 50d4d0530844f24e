// Generates assets/sample-portfolio.xlsx: the FY2027 project tracker of "Northbridge Bank", a mid-size
// retail and commercial bank, as its PMO would keep it. The data is hand-written per project; a seeded
// PRNG only roughens the round planning figures, so every run yields the same workbook (byte for byte:
// workbook dates are fixed and the zip entry timestamps are normalized after ExcelJS writes the file).
//
//   npm run sample                  → assets/sample-portfolio.xlsx
//   npx tsx scripts/make-sample.ts out.xlsx
//
// The workbook carries deliberate rationalization cases and a few deliberately messy cells; each is
// explained in the Notes column of its row (see SAMPLE_CASES below for the list).
import * as ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seededRandom } from '../src/engine/random';

// ---------------------------------------------------------------------------------------------------
// Vocabulary of the tracker

export const SAMPLE_YEARS = [2027, 2028, 2029, 2030, 2031] as const;
export const OBJECTIVES = [
  'Grow Digital Revenue',
  'Reduce Cost to Serve',
  'Customer Experience',
  'Regulatory Compliance',
  'Sustainability',
] as const;
export const OBJECTIVE_WEIGHTS = [0.3, 0.25, 0.2, 0.15, 0.1] as const;
export const ROLES = ['Engineering', 'Data & Analytics', 'Change Mgmt'] as const;

export const PROJECT_HEADERS: readonly string[] = [
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
  ...SAMPLE_YEARS.map((y) => `Cost ${y}`),
  ...SAMPLE_YEARS.map((y) => `Benefit ${y}`),
  'Baseline Cost',
  'Actual Cost',
  'EAC',
  '% Complete',
  'Realized Benefit',
  ...ROLES.map((r) => `FTE ${r}`),
  ...OBJECTIVES,
  'Notes',
];

/** Fixed "as of" moment of the sample: workbook created/modified dates. */
export const SAMPLE_DATE = new Date(Date.UTC(2026, 11, 15, 9, 0, 0));

/** Budget per year; candidates ask for about 1.5× this in 2027 and 2028. */
export const SAMPLE_BUDGET: Record<(typeof SAMPLE_YEARS)[number], number> = {
  2027: 28_000_000,
  2028: 18_000_000,
  2029: 12_000_000,
  2030: 12_000_000,
  2031: 12_000_000,
};

/** Capacity per role (average FTE); Engineering is the tight one. */
export const SAMPLE_CAPACITY: Record<(typeof ROLES)[number], number> = {
  Engineering: 100,
  'Data & Analytics': 48,
  'Change Mgmt': 45,
};

const OBJECTIVE_DESCRIPTIONS: Record<(typeof OBJECTIVES)[number], string> = {
  'Grow Digital Revenue':
    'Revenue from digital channels and new digital products (target: 35% of new sales by 2030).',
  'Reduce Cost to Serve':
    'Lower operating cost per customer through automation, consolidation and simplification.',
  'Customer Experience': 'Higher NPS and fewer complaints across app, web, branch and contact centre.',
  'Regulatory Compliance': 'Meet regulatory obligations on time and close audit and supervisory findings.',
  Sustainability: 'Cut operational emissions and support climate-related disclosure commitments.',
};

/** Saaty judgments a[i][j]: how much more important objective i is than objective j (upper triangle). */
const PAIRWISE_UPPER: Record<string, number> = {
  '0,1': 1,
  '0,2': 2,
  '0,3': 2,
  '0,4': 3,
  '1,2': 1,
  '1,3': 2,
  '1,4': 3,
  '2,3': 1,
  '2,4': 2,
  '3,4': 2,
};

// ---------------------------------------------------------------------------------------------------
// Projects

type BusinessUnit =
  'Retail Banking' | 'Commercial Banking' | 'Operations' | 'Technology' | 'Risk & Compliance';
type Category = 'Growth' | 'Efficiency' | 'Compliance' | 'Infrastructure';
type Risk = 'Low' | 'Medium' | 'High' | 'Very High';
type Rating = number | 'High' | 'Medium' | 'Low' | 'None' | 'Strong';

interface InFlight {
  /** Spent to date, $k. */
  actual: number;
  /** Baseline as a share of EAC (0.65 = EAC is 54% over baseline; 1.04 = under-run). */
  baselineShare: number;
  /** % complete; default: spent / EAC. */
  complete?: number;
  /** Benefit already realized, $k. */
  realized?: number;
}

interface ProjectSpec {
  key: string;
  name: string;
  bu: BusinessUnit;
  sponsor: string;
  category: Category;
  status: string;
  risk: Risk;
  probability?: number | string;
  mandatory?: string;
  dependsOn?: string[];
  group?: string;
  start: string;
  end: string;
  /** Forward plan cost per year from 2027, $k (the remaining cost for in-flight projects). */
  cost: number[];
  /** Forward plan benefit per year from 2027, $k. */
  benefit: number[];
  inFlight?: InFlight;
  /** Approved/completed baseline, $k. */
  baseline?: number;
  fte: [number | null, number | null, number | null];
  ratings: [Rating, Rating, Rating, Rating, Rating];
  /** Text cells that replace a number, by header (the deliberately messy cells). */
  messy?: Record<string, string>;
  /** Written over the computed id (the duplicated Project ID). */
  idOverride?: string;
  /** `{id:key}` → that project's id; `{eac}`, `{baseline}`, `{actual}`, `{remainingCost}`, `{remainingBenefit}`, `{cpi}`. */
  notes?: string;
}

const S = {
  rb: ['Sarah Mitchell', 'David Okafor', 'Priya Raman'],
  cb: ['James Whitfield', 'Elena Kovacs', 'Anil Mehta'],
  op: ['Marcus Chen', 'Laura Bennett', 'Tomás Alvarez'],
  te: ['Rachel Nguyen', 'Ben Adeyemi'],
  rc: ['Catherine Doyle', 'Hugo Lindqvist'],
} as const;

/** In tracker order: older, in-flight work first (lower ids), then approved, then the proposals. */
const PROJECTS: ProjectSpec[] = [
  {
    key: 'mainframe',
    name: 'Mainframe Batch Decommissioning',
    bu: 'Technology',
    sponsor: S.te[1],
    category: 'Efficiency',
    status: 'Completed',
    risk: 'Low',
    start: '2026-01-12',
    end: '2026-11-27',
    cost: [],
    benefit: [650, 650, 650, 650, 650],
    baseline: 1200,
    fte: [null, null, null],
    ratings: [0, 4, 0, 1, 2],
    notes: 'Completed Nov 2026 on budget; run-rate savings from the retired batch mainframe continue.',
  },
  {
    key: 'coreBanking',
    name: 'Core Banking Migration (Phase 2)',
    bu: 'Technology',
    sponsor: S.te[0],
    category: 'Infrastructure',
    status: 'Active',
    risk: 'Medium',
    probability: 0.95,
    start: '2026-01-05',
    end: '2027-09-30',
    cost: [700],
    benefit: [0, 1500, 2200, 2400, 2400],
    inFlight: { actual: 4600, baselineShare: 0.95 },
    fte: [7, 1.5, 2],
    ratings: [2, 5, 3, 2, 2],
    notes:
      'Sunk-cost case: {actual} already spent, only {remainingCost} left to finish, and {remainingBenefit} of benefit still to come once the legacy core is switched off. Continue: money already spent does not count.',
  },
  {
    key: 'mobileApp',
    name: 'Mobile Banking App 3.0',
    bu: 'Retail Banking',
    sponsor: S.rb[0],
    category: 'Growth',
    status: 'Active',
    risk: 'Medium',
    probability: 0.9,
    start: '2026-02-02',
    end: '2027-11-30',
    cost: [1100],
    benefit: [250, 1300, 1500, 1600, 1650],
    inFlight: { actual: 1850, baselineShare: 0.98, realized: 180 },
    fte: [6, 1, 1],
    ratings: [5, 2, 5, 0, 1],
    notes: 'Release 3.0 in pilot with 5,000 customers; early cross-sell revenue already realized.',
  },
  {
    key: 'edp',
    name: 'Enterprise Data Platform',
    bu: 'Technology',
    sponsor: S.te[0],
    category: 'Infrastructure',
    status: 'Active',
    risk: 'Medium',
    start: '2026-03-02',
    end: '2028-06-30',
    cost: [1300, 600],
    benefit: [0, 400, 900, 1100, 1100],
    inFlight: { actual: 1400, baselineShare: 0.97 },
    fte: [5, 6, 0.5],
    ratings: [3, 3, 2, 3, 1],
    notes: 'Foundation for {id:fraud}, {id:offers} and {id:controlTower}.',
  },
  {
    key: 'tprm',
    name: 'Third-Party Risk Management Tool',
    bu: 'Risk & Compliance',
    sponsor: S.rc[1],
    category: 'Compliance',
    status: 'Cancelled',
    risk: 'Low',
    start: '2026-04-01',
    end: '2027-06-30',
    cost: [300, 100],
    benefit: [0, 120, 150, 150, 150],
    fte: [1, null, 0.5],
    ratings: [0, 2, 0, 4, 0],
    notes:
      'Cancelled Sep 2026: superseded by the group-wide vendor-risk tool. Figures are the original plan.',
  },
  {
    key: 'paymentsHub',
    name: 'Payments Hub Modernisation',
    bu: 'Operations',
    sponsor: S.op[0],
    category: 'Infrastructure',
    status: 'Active',
    risk: 'Very High',
    probability: 0.7,
    start: '2026-01-19',
    end: '2028-03-31',
    cost: [1100, 300],
    benefit: [0, 600, 1200, 1300, 1300],
    inFlight: { actual: 2300, baselineShare: 1 / 1.54, complete: 0.45 },
    fte: [6, 0.5, 1],
    ratings: [3, 4, 3, 3, 0],
    notes:
      'Overrun case: vendor integration rework. EAC {eac} vs {baseline} baseline, CPI {cpi} at 45% complete. Re-scope (drop the instant-payments module from this phase).',
  },
  {
    key: 'lending',
    name: 'Commercial Lending Workflow',
    bu: 'Commercial Banking',
    sponsor: S.cb[1],
    category: 'Efficiency',
    status: 'Active',
    risk: 'High',
    start: '2026-02-16',
    end: '2027-10-29',
    cost: [1160],
    benefit: [200, 800, 950, 1000, 1000],
    inFlight: { actual: 1000, baselineShare: 1 / 1.35, complete: 0.52 },
    fte: [4, 0.5, 1.5],
    ratings: [2, 4, 3, 1, 0],
    notes: 'Scope grew with the new credit policy: EAC {eac} is about 35% over the {baseline} baseline.',
  },
  {
    key: 'rpa',
    name: 'Robotic Process Automation Wave 3',
    bu: 'Operations',
    sponsor: S.op[1],
    category: 'Efficiency',
    status: 'Active',
    risk: 'Low',
    start: '2026-03-09',
    end: '2027-06-30',
    cost: [500],
    benefit: [400, 800, 800, 800, 800],
    inFlight: { actual: 600, baselineShare: 1.04, realized: 250 },
    fte: [2, 0.5, 1],
    ratings: [0, 5, 2, 1, 0],
    notes: '42 bots live in payments and cards back office; first savings already banked.',
  },
  {
    key: 'kiosk',
    name: 'Branch Kiosk Rollout',
    bu: 'Retail Banking',
    sponsor: S.rb[1],
    category: 'Efficiency',
    status: 'Active',
    risk: 'High',
    start: '2026-05-04',
    end: '2028-09-29',
    cost: [1300, 900],
    benefit: [0, 150, 300, 300, 300],
    inFlight: { actual: 900, baselineShare: 0.97, complete: 0.3 },
    fte: [2, null, 2],
    ratings: [1, 2, 2, 0, 0],
    notes:
      'Stop case: branch footfall is down 18% since approval. The {remainingCost} still to spend buys only {remainingBenefit} of benefit.',
  },
  {
    key: 'opres',
    name: 'Operational Resilience Programme',
    bu: 'Risk & Compliance',
    sponsor: S.rc[0],
    category: 'Compliance',
    status: 'Active',
    risk: 'Medium',
    mandatory: 'Y',
    start: '2026-04-06',
    end: '2028-03-31',
    cost: [900, 300],
    benefit: [0, 200, 400, 450, 450],
    inFlight: { actual: 800, baselineShare: 1 },
    fte: [3, 0.5, 1.5],
    ratings: [0, 1, 2, 5, 0],
    notes: 'Mandatory (flag typed as "Y"): impact tolerances must be met by March 2028.',
  },
  {
    key: 'cloud2',
    name: 'Cloud Migration Wave 2',
    bu: 'Technology',
    sponsor: S.te[1],
    category: 'Infrastructure',
    status: 'In Progress',
    risk: 'Medium',
    start: '2026-06-01',
    end: '2028-06-30',
    cost: [1000, 500],
    benefit: [0, 500, 1100, 1200, 1300],
    inFlight: { actual: 1100, baselineShare: 1 },
    fte: [6, null, 0.5],
    ratings: [1, 4, 1, 1, 3],
    notes: 'Status typed as "In Progress" (same as Active). 140 of 310 workloads migrated.',
  },
  {
    key: 'itsm',
    name: 'IT Service Management Platform',
    bu: 'Technology',
    sponsor: S.te[1],
    category: 'Infrastructure',
    status: 'On Hold',
    risk: 'Low',
    start: '2026-05-18',
    end: '2028-03-31',
    cost: [300, 250],
    benefit: [0, 200, 350, 350, 350],
    inFlight: { actual: 350, baselineShare: 0.95, complete: 0.35 },
    fte: [2, null, 0.5],
    ratings: [0, 3, 1, 1, 0],
    notes: 'On hold since Oct 2026 while the vendor contract is renegotiated.',
  },
  {
    key: 'kyc',
    name: 'KYC Refresh Automation',
    bu: 'Risk & Compliance',
    sponsor: S.rc[1],
    category: 'Compliance',
    status: 'Active',
    risk: 'Low',
    start: '2026-03-16',
    end: '2027-08-31',
    cost: [450],
    benefit: [150, 450, 500, 500, 500],
    inFlight: { actual: 400, baselineShare: 1, realized: 120 },
    fte: [2, 1, 1],
    ratings: [1, 4, 3, 4, 0],
    notes: 'Periodic KYC reviews automated for retail customers; commercial customers follow in 2027.',
  },
  {
    key: 'treasury',
    name: 'Treasury Management Portal',
    bu: 'Commercial Banking',
    sponsor: S.cb[0],
    category: 'Growth',
    status: 'Active',
    risk: 'Medium',
    start: '2026-07-01',
    end: '2028-02-29',
    cost: [1100, 500],
    benefit: [0, 400, 900, 1000, 1000],
    inFlight: { actual: 500, baselineShare: 0.98 },
    fte: [4, 0.5, 0.5],
    ratings: [4, 1, 'High', 0, 0],
    notes: 'Liquidity dashboard live for corporate clients; payments module in build.',
  },
  {
    key: 'ccard',
    name: 'Commercial Card Expense Platform',
    bu: 'Commercial Banking',
    sponsor: S.cb[2],
    category: 'Growth',
    status: 'On Hold',
    risk: 'Medium',
    start: '2026-06-15',
    end: '2027-12-17',
    cost: [300, 100],
    benefit: [100, 350, 400, 400, 400],
    inFlight: { actual: 150, baselineShare: 1 },
    fte: [1.5, null, 0.5],
    ratings: [3, 2, 3, 0, 0],
    notes: 'Paused pending the card-scheme pricing decision; restart planned for Q2 2027.',
  },
  {
    key: 'mortgageBO',
    name: 'Mortgage Back-Office Automation',
    bu: 'Operations',
    sponsor: S.op[2],
    category: 'Efficiency',
    status: 'Active',
    risk: 'Low',
    start: '2026-09-01',
    end: '2028-03-31',
    cost: [600, 300],
    benefit: [0, 300, 700, 750, 750],
    inFlight: { actual: 250, baselineShare: 0.96 },
    fte: [2, 0.5, 1.5],
    ratings: [1, 4, 3, 1, 0],
    notes: 'Straight-through processing of mortgage completions and redemptions.',
  },
  {
    key: 'dao',
    name: 'Digital Account Opening',
    bu: 'Retail Banking',
    sponsor: S.rb[2],
    category: 'Growth',
    status: 'Approved',
    risk: 'Medium',
    probability: 0.85,
    start: '2027-01-11',
    end: '2028-03-31',
    cost: [900, 300],
    benefit: [0, 500, 1100, 1200, 1200],
    baseline: 1200,
    fte: [4, 1, 1],
    ratings: [5, 3, 4, 1, 1],
    notes: 'Open a current account in the app in under 10 minutes, with digital ID verification.',
  },
  {
    key: 'basel',
    name: 'Basel 3.1 Capital Reporting',
    bu: 'Risk & Compliance',
    sponsor: S.rc[0],
    category: 'Compliance',
    status: 'Approved',
    risk: 'Medium',
    mandatory: 'Yes',
    start: '2027-01-04',
    end: '2028-06-30',
    cost: [1600, 800],
    benefit: [0, 500, 900, 900, 900],
    baseline: 2400,
    fte: [3, 3, 0.5],
    ratings: [0, 1, 0, 5, 0],
    notes:
      'Mandatory: new capital rules apply from 1 Jan 2028. Benefit is capital relief from better RWA data.',
  },
  {
    key: 'apigw',
    name: 'API Gateway Modernization',
    bu: 'Technology',
    sponsor: S.te[0],
    category: 'Infrastructure',
    status: 'Approved',
    risk: 'Low',
    start: '2027-02-01',
    end: '2028-03-31',
    cost: [700, 200],
    benefit: [0, 250, 400, 400, 400],
    baseline: 900,
    fte: [3, null, null],
    ratings: [3, 2, 1, 1, 0],
    notes: 'Prerequisite for {id:openBanking}.',
  },
  {
    key: 'branchCons',
    name: 'Branch Network Consolidation',
    bu: 'Retail Banking',
    sponsor: S.rb[1],
    category: 'Efficiency',
    status: 'Approved',
    risk: 'High',
    dependsOn: ['dao'],
    start: '2027-03-01',
    end: '2028-12-15',
    cost: [1500, 1200],
    benefit: [0, 600, 1800, 2000, 2000],
    baseline: 2700,
    fte: [0.5, 0.5, 4],
    ratings: [0, 5, 1, 0, 3],
    notes: 'Closes 22 of 140 branches once digital account opening ({id:dao}) is live.',
  },
  {
    key: 'aml',
    name: 'AML Transaction Monitoring Upgrade',
    bu: 'Risk & Compliance',
    sponsor: S.rc[1],
    category: 'Compliance',
    status: 'Approved',
    risk: 'Medium',
    mandatory: 'Yes',
    start: '2027-01-18',
    end: '2028-06-30',
    cost: [1300, 700],
    benefit: [0, 300, 600, 650, 650],
    baseline: 2000,
    fte: [2, 3, 1],
    ratings: [0, 2, 1, 5, 0],
    notes: 'Mandatory: remediation committed to the regulator. Fewer false positives free analyst time.',
  },
  {
    key: 'zeroTrust',
    name: 'Zero Trust Security Programme',
    bu: 'Technology',
    sponsor: S.te[1],
    category: 'Infrastructure',
    status: 'Approved',
    risk: 'Medium',
    start: '2027-01-04',
    end: '2028-12-15',
    cost: [1400, 900],
    benefit: [0, 400, 800, 900, 900],
    baseline: 2300,
    fte: [4, null, 1],
    ratings: [0, 1, 2, 4, 0],
    notes: 'Cyber maturity target agreed with the board risk committee.',
  },
  {
    key: 'mortgageOrig',
    name: 'Mortgage Origination Digitization',
    bu: 'Retail Banking',
    sponsor: S.rb[2],
    category: 'Growth',
    status: 'Approved',
    risk: 'Medium',
    start: '2027-02-15',
    end: '2028-10-31',
    cost: [1200, 1200],
    benefit: [0, 200, 900, 1500, 1600],
    baseline: 2400,
    fte: [4, 1, 1.5],
    ratings: [4, 3, 4, 1, 1],
    messy: { 'Cost 2028': '$1.2M' },
    notes: 'Messy cell: Cost 2028 was typed as the text "$1.2M" (meant 1,200,000).',
  },
  {
    key: 'aiCredit',
    name: 'AI Credit Decisioning Engine',
    bu: 'Risk & Compliance',
    sponsor: S.rc[0],
    category: 'Growth',
    status: 'Proposed',
    risk: 'High',
    probability: 0.75,
    start: '2027-01-04',
    end: '2028-12-15',
    cost: [2800, 2400],
    benefit: [0, 600, 2800, 3600, 3900],
    fte: [5, 4, 1],
    ratings: [5, 4, 4, 2, 0],
    notes:
      'Defer case: high value, but {remainingCost} up front in 2027-28 should just miss the budget. Better deferred a year than dropped.',
  },
  {
    key: 'selfService',
    name: 'Customer Self-Service Portal',
    bu: 'Retail Banking',
    sponsor: S.rb[0],
    category: 'Growth',
    status: 'Proposed',
    risk: 'Medium',
    start: '2027-04-05',
    end: '2028-06-30',
    cost: [900, 500],
    benefit: [0, 500, 900, 1000, 1000],
    fte: [4, 0.5, 1],
    ratings: [4, 3, 4, 0, 1],
    notes:
      'Merge case: near-duplicate of {id:portalRedesign} Customer Portal Redesign (same business unit, customers and portal). Fund one combined project.',
  },
  {
    key: 'idp',
    name: 'Intelligent Document Processing',
    bu: 'Operations',
    sponsor: S.op[1],
    category: 'Efficiency',
    status: 'Proposed',
    risk: 'Medium',
    start: '2027-02-01',
    end: '2028-03-31',
    cost: [900, 400],
    benefit: [0, 500, 1000, 1100, 1100],
    fte: [2, 2, 1],
    ratings: [1, 5, 3, 2, 2],
    notes: 'AI extraction of loan and account documents; replaces manual indexing and paper files.',
  },
  {
    key: 'sme',
    name: 'SME Digital Onboarding',
    bu: 'Commercial Banking',
    sponsor: S.cb[2],
    category: 'Growth',
    status: 'Proposed',
    risk: 'Medium',
    probability: '80%',
    start: '2027-03-01',
    end: '2028-03-31',
    cost: [800, 400],
    benefit: [0, 300, 900, 1100, 1100],
    fte: [3, 0.5, 1],
    ratings: [5, 3, 4, 1, 0],
    notes: 'Target: an SME opens an account in under 15 minutes.',
  },
  {
    key: 'fleet',
    name: 'Cash Logistics Fleet Electrification',
    bu: 'Operations',
    sponsor: S.op[2],
    category: 'Efficiency',
    status: 'Proposed',
    risk: 'Low',
    start: '2027-04-01',
    end: '2028-09-29',
    cost: [800, 400],
    benefit: [0, 120, 180, 180, 180],
    fte: [null, null, 1],
    ratings: ['None', 1, 0, 0, 5],
    idOverride: 'PRJ-027',
    notes:
      'Messy cell: Project ID duplicates PRJ-027 (copy-paste slip, should be PRJ-028). Sustainability initiative with a negative NPV.',
  },
  {
    key: 'crmBuy',
    name: 'CRM Replacement (Buy: SaaS Platform)',
    bu: 'Commercial Banking',
    sponsor: S.cb[0],
    category: 'Growth',
    status: 'Proposed',
    risk: 'Medium',
    group: 'CRM-Option',
    start: '2027-01-18',
    end: '2028-06-30',
    cost: [1800, 900],
    benefit: [0, 500, 1400, 1600, 1700],
    fte: [3, 1, 2],
    ratings: [4, 3, 4, 1, 0],
    notes: 'CRM option A (buy). Alternative to {id:crmBuild} and {id:crmExtend}: fund at most one.',
  },
  {
    key: 'fraud',
    name: 'Real-Time Fraud Analytics',
    bu: 'Risk & Compliance',
    sponsor: S.rc[0],
    category: 'Efficiency',
    status: 'Proposed',
    risk: 'Medium',
    probability: 0.8,
    dependsOn: ['edp'],
    start: '2027-07-01',
    end: '2028-09-29',
    cost: [700, 700],
    benefit: [0, 600, 1300, 1400, 1400],
    fte: [2, 4, 0.5],
    ratings: [2, 4, 4, 3, 0],
    notes: 'Needs the streaming layer of {id:edp} Enterprise Data Platform.',
  },
  {
    key: 'robo',
    name: 'Wealth Robo-Advisor Launch',
    bu: 'Retail Banking',
    sponsor: S.rb[2],
    category: 'Growth',
    status: 'Proposed',
    risk: 'High',
    probability: 0.6,
    start: '2027-04-01',
    end: '2029-03-30',
    cost: [1000, 1400, 600],
    benefit: [0, 0, 900, 1500, 1800],
    fte: [5, 2, 1],
    ratings: [5, 0, 3, 0, 0],
    messy: { 'Benefit 2029': 'n/a' },
    notes: 'Messy cell: Benefit 2029 entered as "n/a" (finance has not validated first-year revenue).',
  },
  {
    key: 'dcRefresh',
    name: 'Data Centre Refresh (On-Premises)',
    bu: 'Technology',
    sponsor: S.te[0],
    category: 'Infrastructure',
    status: 'Proposed',
    risk: 'Low',
    group: 'DC-Strategy',
    start: '2027-01-04',
    end: '2028-06-30',
    cost: [2600, 1200],
    benefit: [0, 500, 800, 800, 800],
    fte: [3, null, 0.5],
    ratings: [0, 2, 1, 1, 0],
    notes: 'DC option A: refresh the hardware in both data centres. Alternative to {id:dcExit}.',
  },
  {
    key: 'blockchain',
    name: 'Trade Finance Blockchain Pilot',
    bu: 'Commercial Banking',
    sponsor: S.cb[1],
    category: 'Growth',
    status: 'Proposed',
    risk: 'Very High',
    probability: 0.4,
    start: '2027-03-01',
    end: '2028-06-30',
    cost: [900, 600],
    benefit: [0, 0, 150, 250, 300],
    fte: [3, 0.5, null],
    ratings: [1, 1, 1, 0, 0],
    notes:
      'Stop case: weak strategic fit and a negative NPV even before risk adjustment; consortium partners have not committed.',
  },
  {
    key: 'docMgmt',
    name: 'Document Management Replacement',
    bu: 'Operations',
    sponsor: S.op[1],
    category: 'Efficiency',
    status: 'Proposed',
    risk: 'Medium',
    start: '2027-01-18',
    end: '2028-09-29',
    cost: [1500, 1100],
    benefit: [0, 200, 500, 600, 600],
    fte: [3, 0.5, 1],
    ratings: [0, 3, 2, 1, 1],
    notes:
      'Dominated case: costs about twice as much as {id:idp} Intelligent Document Processing, returns less and scores lower on every objective.',
  },
  {
    key: 'crmBuild',
    name: 'CRM Replacement (Build In-House)',
    bu: 'Commercial Banking',
    sponsor: S.cb[0],
    category: 'Growth',
    status: 'Proposed',
    risk: 'High',
    probability: '65%',
    group: 'CRM-Option',
    start: '2027-01-18',
    end: '2029-06-29',
    cost: [1500, 2000, 900],
    benefit: [0, 0, 800, 1600, 1800],
    fte: [8, 1, 2],
    ratings: [4, 3, 4, 1, 0],
    notes: 'CRM option B (custom build). Alternative to {id:crmBuy} and {id:crmExtend}.',
  },
  {
    key: 'offers',
    name: 'Personalized Offers Engine',
    bu: 'Retail Banking',
    sponsor: S.rb[0],
    category: 'Growth',
    status: 'Proposed',
    risk: 'Medium',
    dependsOn: ['edp', 'mobileApp'],
    start: '2027-07-01',
    end: '2029-03-30',
    cost: [300, 800, 200],
    benefit: [0, 200, 900, 1300, 1400],
    fte: [2, 3, 0.5],
    ratings: [5, 1, 4, 0, 0],
    notes:
      'Next-best-action offers; needs customer data from {id:edp} and in-app placement from {id:mobileApp}.',
  },
  {
    key: 'dcExit',
    name: 'Data Centre Exit to Public Cloud',
    bu: 'Technology',
    sponsor: S.te[0],
    category: 'Infrastructure',
    status: 'Proposed',
    risk: 'High',
    dependsOn: ['cloud2'],
    group: 'DC-Strategy',
    start: '2027-04-01',
    end: '2029-09-28',
    cost: [1500, 2200, 1200],
    benefit: [0, 600, 1500, 2200, 2300],
    fte: [6, 0.5, 1],
    ratings: [1, 4, 1, 1, 4],
    notes:
      'DC option B: exit both data centres to public cloud after {id:cloud2}. Alternative to {id:dcRefresh}.',
  },
  {
    key: 'esg',
    name: 'ESG & Climate Risk Reporting',
    bu: 'Risk & Compliance',
    sponsor: S.rc[0],
    category: 'Compliance',
    status: 'Proposed',
    risk: 'Low',
    start: '2027-04-01',
    end: '2028-06-30',
    cost: [400, 500],
    benefit: [0, 0, 150, 200, 200],
    fte: [1, 2, 0.5],
    ratings: [0, 0, 1, 4, 'High'],
    notes: 'Climate-risk disclosures expected from FY2028; not yet mandatory.',
  },
  {
    key: 'p2p',
    name: 'Procurement-to-Pay Automation',
    bu: 'Operations',
    sponsor: S.op[0],
    category: 'Efficiency',
    status: 'Proposed',
    risk: 'Low',
    start: '2027-02-01',
    end: '2027-12-17',
    cost: [450],
    benefit: [0, 250, 300, 300, 300],
    fte: [1, null, 1],
    ratings: [0, 4, 1, 1, 1],
    notes: 'Touchless invoice processing for 60% of supplier invoices.',
  },
  {
    key: 'portalRedesign',
    name: 'Customer Portal Redesign',
    bu: 'Retail Banking',
    sponsor: S.rb[1],
    category: 'Growth',
    status: 'Proposed',
    risk: 'Medium',
    start: '2027-03-01',
    end: '2028-06-30',
    cost: [800, 450],
    benefit: [0, 450, 850, 950, 950],
    fte: [4, 0.5, 1],
    ratings: [4, 3, 5, 0, 1],
    notes:
      'Merge case: overlaps {id:selfService} Customer Self-Service Portal (same portal, same customers).',
  },
  {
    key: 'openBanking',
    name: 'Open Banking API Marketplace',
    bu: 'Commercial Banking',
    sponsor: S.cb[1],
    category: 'Growth',
    status: 'Proposed',
    risk: 'Medium',
    dependsOn: ['apigw'],
    start: '2027-06-01',
    end: '2029-03-30',
    cost: [300, 700, 200],
    benefit: [0, 0, 600, 1000, 1300],
    fte: [3, 1, 0.5],
    ratings: [5, 1, 3, 1, 0],
    notes: 'Paid APIs for fintech partners; needs {id:apigw} API Gateway Modernization.',
  },
  {
    key: 'ifrs9',
    name: 'IFRS 9 Expected Credit Loss Model Rebuild',
    bu: 'Risk & Compliance',
    sponsor: S.rc[1],
    category: 'Compliance',
    status: 'Proposed',
    risk: 'Medium',
    start: '2027-01-18',
    end: '2028-03-31',
    cost: [700, 300],
    benefit: [0, 200, 400, 450, 450],
    fte: [1, 3, null],
    ratings: [0, 2, 0, 4, 0],
    notes: 'Closes two audit findings on model overlays; cuts month-end provisioning effort.',
  },
  {
    key: 'wfm',
    name: 'Contact Centre Workforce Management',
    bu: 'Operations',
    sponsor: S.op[0],
    category: 'Efficiency',
    status: 'Proposed',
    risk: 'Low',
    start: '2027-05-03',
    end: '2028-03-31',
    cost: [700, 100],
    benefit: [0, 180, 220, 230, 230],
    fte: [1, 0.5, 1],
    ratings: [0, 3, 'Medium', 0, 0],
    notes: 'Forecasting and scheduling for 450 contact-centre agents; payback is marginal.',
  },
  {
    key: 'crmExtend',
    name: 'CRM Extension (Upgrade Legacy Platform)',
    bu: 'Commercial Banking',
    sponsor: S.cb[0],
    category: 'Growth',
    status: 'Proposed',
    risk: 'Low',
    group: 'CRM-Option',
    start: '2027-02-01',
    end: '2028-03-31',
    cost: [600, 200],
    benefit: [0, 300, 500, 500, 500],
    fte: [2, null, 0.5],
    ratings: [2, 2, 2, 0, 0],
    notes:
      'CRM option C (extend the current platform for 3 more years). Alternative to {id:crmBuy} and {id:crmBuild}.',
  },
  {
    key: 'paperless',
    name: 'Paperless Statements & Print Reduction',
    bu: 'Operations',
    sponsor: S.op[2],
    category: 'Efficiency',
    status: 'Proposed',
    risk: 'Low',
    probability: '120%',
    start: '2027-01-04',
    end: '2027-09-30',
    cost: [250],
    benefit: [50, 200, 220, 220, 220],
    fte: [1, null, 0.5],
    ratings: [0, 4, 2, 0, 'Strong'],
    notes: 'Messy cell: Probability of Success typed as "120%" (impossible; a typo).',
  },
  {
    key: 'collab',
    name: 'Employee Collaboration Suite Upgrade',
    bu: 'Technology',
    sponsor: S.te[1],
    category: 'Infrastructure',
    status: 'Proposed',
    risk: 'Low',
    start: '2027-03-01',
    end: '2028-03-31',
    cost: [400, 100],
    benefit: [0, 100, 150, 150, 150],
    fte: [1, null, 1],
    ratings: [0, 1, 'Low', 0, 1],
    notes: 'Replaces the intranet and file shares; benefits are mostly soft.',
  },
  {
    key: 'controlTower',
    name: 'Operations Control Tower (Process Mining)',
    bu: 'Operations',
    sponsor: S.op[1],
    category: 'Efficiency',
    status: 'Proposed',
    risk: 'Medium',
    dependsOn: ['edp'],
    start: '2027-07-01',
    end: '2028-06-30',
    cost: [350, 150],
    benefit: [0, 200, 350, 350, 350],
    fte: [1, 2, 0.5],
    ratings: [0, 4, 2, 1, 0],
    notes: 'Process mining on event data from {id:edp}.',
  },
  {
    key: 'rewards',
    name: 'Credit Card Rewards Revamp',
    bu: 'Retail Banking',
    sponsor: S.rb[1],
    category: 'Growth',
    status: 'Proposed',
    risk: 'Medium',
    start: '2027-02-01',
    end: '2028-03-31',
    cost: [700, 200],
    benefit: [0, 350, 500, 500, 500],
    fte: [2, 1, 0.5],
    ratings: [3, 0, 4, 0, 0],
    notes: 'Partner-funded rewards catalogue in the app.',
  },
];

/** The deliberate cases, by project key (the report and tests look them up). */
export const SAMPLE_CASES = {
  merge: ['selfService', 'portalRedesign'],
  sunkCost: 'coreBanking',
  stopInFlight: 'kiosk',
  stopProposed: 'blockchain',
  dominated: { dominated: 'docMgmt', by: 'idp' },
  overrun: 'paymentsHub',
  defer: 'aiCredit',
  messy: {
    textCost: 'mortgageOrig',
    naBenefit: 'robo',
    duplicateId: 'fleet',
    probabilityOver100: 'paperless',
  },
} as const;

// ---------------------------------------------------------------------------------------------------
// Building the rows

const rng = seededRandom;

function roundTo(v: number, step: number): number {
  return Math.round(v / step) * step;
}

function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function money(v: number): string {
  return v >= 1_000_000 ? `$${(v / 1_000_000).toFixed(1)}M` : `$${Math.round(v / 1000)}k`;
}

type Cell = string | number | Date | null;

export interface SampleProject {
  key: string;
  id: string;
  spec: ProjectSpec;
  /** Planned cost and benefit per year as numbers (messy text cells resolved to what was meant). */
  costs: number[];
  benefits: number[];
  row: Cell[];
}

/** The 48 tracker rows, deterministic. */
export function sampleProjects(): SampleProject[] {
  const rand = rng(20270101);
  const jitter = (k: number, spread: number, step: number): number =>
    k === 0 ? 0 : roundTo(k * 1000 * (1 + (rand() - 0.5) * 2 * spread), step);

  const ids = new Map<string, string>();
  PROJECTS.forEach((p, i) => ids.set(p.key, `PRJ-${String(i + 1).padStart(3, '0')}`));
  const idOf = (key: string): string => {
    const id = ids.get(key);
    if (!id) throw new Error(`Unknown project key ${key}`);
    return id;
  };

  return PROJECTS.map((p, i) => {
    const costs = SAMPLE_YEARS.map((_, y) => jitter(p.cost[y] ?? 0, 0.06, 5000));
    const benefits = SAMPLE_YEARS.map((_, y) => jitter(p.benefit[y] ?? 0, 0.06, 5000));
    const cells = new Map<string, Cell>();
    const id = p.idOverride ?? idOf(p.key);
    cells.set('Project ID', id);
    cells.set('Project Name', p.name);
    cells.set('Business Unit', p.bu);
    cells.set('Sponsor', p.sponsor);
    cells.set('Category', p.category);
    cells.set('Status', p.status);
    cells.set('Risk Level', p.risk);
    cells.set('Probability of Success', p.probability ?? null);
    cells.set('Mandatory', p.mandatory ?? null);
    cells.set('Depends On', p.dependsOn ? p.dependsOn.map(idOf).join(', ') : null);
    cells.set('Exclusive Group', p.group ?? null);
    cells.set('Start Date', utcDate(p.start));
    cells.set('End Date', utcDate(p.end));
    SAMPLE_YEARS.forEach((y, k) => {
      cells.set(`Cost ${y}`, costs[k] || null);
      cells.set(`Benefit ${y}`, benefits[k] || null);
    });

    const remainingCost = costs.reduce((a, b) => a + b, 0);
    const remainingBenefit = benefits.reduce((a, b) => a + b, 0);
    const vars: Record<string, string> = {
      remainingCost: money(remainingCost),
      remainingBenefit: money(remainingBenefit),
    };
    if (p.inFlight) {
      const f = p.inFlight;
      const actual = roundTo(f.actual * 1000 * (1 + (rand() - 0.5) * 0.06), 10);
      const eac = actual + remainingCost;
      const baseline = roundTo(eac * f.baselineShare, 10000);
      const complete = f.complete ?? Math.round((actual / eac) * 100) / 100;
      cells.set('Baseline Cost', baseline);
      cells.set('Actual Cost', actual);
      cells.set('EAC', eac);
      cells.set('% Complete', complete);
      cells.set('Realized Benefit', f.realized ? f.realized * 1000 : null);
      Object.assign(vars, {
        actual: money(actual),
        eac: money(eac),
        baseline: money(baseline),
        cpi: ((complete * baseline) / actual).toFixed(2),
      });
    } else {
      cells.set('Baseline Cost', p.baseline ? p.baseline * 1000 : null);
      for (const h of ['Actual Cost', 'EAC', '% Complete', 'Realized Benefit']) cells.set(h, null);
    }
    ROLES.forEach((r, k) => cells.set(`FTE ${r}`, p.fte[k] ?? null));
    OBJECTIVES.forEach((o, k) => cells.set(o, p.ratings[k] ?? null));
    for (const [header, text] of Object.entries(p.messy ?? {})) {
      if (!cells.has(header)) throw new Error(`Unknown messy column ${header}`);
      cells.set(header, text);
    }
    const notes = (p.notes ?? '').replace(
      /\{(id:)?(\w+)\}/g,
      (_m, isId: string | undefined, name: string) => {
        if (isId) return idOf(name);
        const v = vars[name];
        if (v === undefined) throw new Error(`Notes of ${p.key} use {${name}}, which is not available`);
        return v;
      },
    );
    cells.set('Notes', notes || null);
    if (i === 27 && p.idOverride === undefined) throw new Error('Row 28 is the duplicated id');

    const row = PROJECT_HEADERS.map((h) => {
      if (!cells.has(h)) throw new Error(`No value for ${h}`);
      return cells.get(h) ?? null;
    });
    return { key: p.key, id, spec: p, costs, benefits, row };
  });
}

// ---------------------------------------------------------------------------------------------------
// The workbook

const MONEY = '$#,##0';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const TITLE_FONT: Partial<ExcelJS.Font> = {
  name: 'Calibri',
  size: 16,
  bold: true,
  color: { argb: 'FF1F4E79' },
};
const NOTE_FONT: Partial<ExcelJS.Font> = {
  name: 'Calibri',
  size: 10,
  italic: true,
  color: { argb: 'FF595959' },
};

function title(ws: ExcelJS.Worksheet, address: string, text: string, subtitle?: string): void {
  const cell = ws.getCell(address);
  cell.value = text;
  cell.font = TITLE_FONT;
  if (subtitle) {
    const below = ws.getCell(cell.row + 1, cell.col);
    below.value = subtitle;
    below.font = NOTE_FONT;
  }
}

function styleHeader(ws: ExcelJS.Worksheet, row: number, from: number, to: number, height = 32): void {
  const r = ws.getRow(row);
  r.height = height;
  for (let c = from; c <= to; c++) {
    r.getCell(c).alignment = { wrapText: true, vertical: 'middle' };
  }
}

function addProjects(wb: ExcelJS.Workbook, projects: SampleProject[]): void {
  const ws = wb.addWorksheet('Projects', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 3, topLeftCell: 'C4', activeCell: 'A4' }],
    properties: { tabColor: { argb: 'FF1F4E79' } },
  });
  title(ws, 'A1', 'FY2027 Project Portfolio Tracker');
  ws.getCell('C1').value =
    'Northbridge Bank · Strategy Realization Office · amounts in USD · as of 15 Dec 2026';
  ws.getCell('C1').font = NOTE_FONT;
  ws.getCell('C1').alignment = { vertical: 'bottom' };
  ws.getRow(1).height = 24;

  ws.addTable({
    name: 'ProjectTracker',
    displayName: 'ProjectTracker',
    ref: 'A3',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: PROJECT_HEADERS.map((name) => ({ name, filterButton: true })),
    rows: projects.map((p) => p.row),
  });
  styleHeader(ws, 3, 1, PROJECT_HEADERS.length, 45);

  const widths: Record<string, number> = {
    'Project ID': 11,
    'Project Name': 40,
    'Business Unit': 19,
    Sponsor: 17,
    Category: 14,
    Status: 12,
    'Risk Level': 11,
    'Probability of Success': 12,
    Mandatory: 11,
    'Depends On': 18,
    'Exclusive Group': 14,
    'Start Date': 12,
    'End Date': 12,
    Notes: 110,
  };
  PROJECT_HEADERS.forEach((h, k) => {
    const col = ws.getColumn(k + 1);
    col.width =
      widths[h] ?? (h.startsWith('FTE') ? 11 : (OBJECTIVES as readonly string[]).includes(h) ? 12 : 13);
    let numFmt: string | undefined;
    let align: Partial<ExcelJS.Alignment> | undefined;
    if (
      /^(Cost|Benefit) \d{4}$/.test(h) ||
      ['Baseline Cost', 'Actual Cost', 'EAC', 'Realized Benefit'].includes(h)
    ) {
      numFmt = MONEY;
    } else if (h === 'Probability of Success' || h === '% Complete') {
      numFmt = '0%';
      align = { horizontal: 'right' };
    } else if (h === 'Start Date' || h === 'End Date') {
      numFmt = 'yyyy-mm-dd';
    } else if (h.startsWith('FTE')) {
      numFmt = '0.0';
    } else if ((OBJECTIVES as readonly string[]).includes(h) || h === 'Mandatory') {
      align = { horizontal: 'center' };
    }
    for (let r = 4; r < 4 + projects.length; r++) {
      const cell = ws.getCell(r, k + 1);
      if (numFmt) cell.numFmt = numFmt;
      if (align) cell.alignment = align;
    }
  });
}

function addStrategy(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Strategy', { properties: { tabColor: { argb: 'FF2E75B6' } } });
  title(
    ws,
    'A1',
    'Strategic objectives FY2027–FY2031',
    'Weights approved by the Executive Committee, Nov 2026',
  );
  ws.addTable({
    name: 'Objectives',
    displayName: 'Objectives',
    ref: 'A4',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: [{ name: 'Objective' }, { name: 'Weight' }, { name: 'Description' }],
    rows: OBJECTIVES.map((o, k) => [o, OBJECTIVE_WEIGHTS[k] ?? 0, OBJECTIVE_DESCRIPTIONS[o]]),
  });
  for (let r = 5; r < 5 + OBJECTIVES.length; r++) ws.getCell(r, 2).numFmt = '0%';
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 10;
  ws.getColumn(3).width = 90;
}

/** The full Saaty matrix (reciprocals below the diagonal). */
export function pairwiseMatrix(): number[][] {
  const n = OBJECTIVES.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      if (i === j) return 1;
      const upper = PAIRWISE_UPPER[i < j ? `${i},${j}` : `${j},${i}`];
      if (upper === undefined) throw new Error(`Missing judgment ${i},${j}`);
      return i < j ? upper : 1 / upper;
    }),
  );
}

function addPairwise(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Pairwise', { properties: { tabColor: { argb: 'FF9DC3E6' } } });
  ws.getColumn(1).width = 3;
  ws.getColumn(2).width = 26;
  for (let c = 3; c < 3 + OBJECTIVES.length; c++) ws.getColumn(c).width = 14;
  title(ws, 'B2', 'Pairwise comparison of objectives (Saaty 1–9)');

  const top = 4;
  const left = 2;
  const thin: Partial<ExcelJS.Borders> = {
    top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
    left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
    bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
    right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  };
  const head = (cell: ExcelJS.Cell, text: string | null): void => {
    cell.value = text;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = thin;
  };
  head(ws.getCell(top, left), null);
  OBJECTIVES.forEach((o, k) => {
    head(ws.getCell(top, left + 1 + k), o);
    head(ws.getCell(top + 1 + k, left), o);
    ws.getCell(top + 1 + k, left).alignment = { vertical: 'middle', horizontal: 'left' };
  });
  ws.getRow(top).height = 32;
  pairwiseMatrix().forEach((row, i) =>
    row.forEach((v, j) => {
      const cell = ws.getCell(top + 1 + i, left + 1 + j);
      cell.value = v;
      cell.numFmt = '# ?/?';
      cell.alignment = { horizontal: 'center' };
      cell.border = thin;
      if (i === j) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }),
  );
}

function addBudget(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Budget', { properties: { tabColor: { argb: 'FF70AD47' } } });
  title(ws, 'A1', 'Change budget by fiscal year', 'Capex + project opex available for the portfolio');
  ws.addTable({
    name: 'Budget',
    displayName: 'Budget',
    ref: 'A4',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: [{ name: 'Year' }, { name: 'Budget' }],
    rows: SAMPLE_YEARS.map((y) => [y, SAMPLE_BUDGET[y]]),
  });
  for (let r = 5; r < 5 + SAMPLE_YEARS.length; r++) ws.getCell(r, 2).numFmt = MONEY;
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 16;
}

function addCapacity(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Capacity', { properties: { tabColor: { argb: 'FFED7D31' } } });
  title(ws, 'A1', 'Delivery capacity by role', 'Average FTE available to change projects');
  ws.addTable({
    name: 'Capacity',
    displayName: 'Capacity',
    ref: 'A4',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: [{ name: 'Role' }, { name: 'Capacity (FTE)' }],
    rows: ROLES.map((r) => [r, SAMPLE_CAPACITY[r]]),
  });
  for (let r = 5; r < 5 + ROLES.length; r++) ws.getCell(r, 2).numFmt = '0.0';
  ws.getColumn(1).width = 20;
  ws.getColumn(2).width = 16;
}

/** Builds the sample workbook in memory (same content on every call). */
export async function buildSampleWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Strategy Realization Office';
  wb.lastModifiedBy = 'Strategy Realization Office';
  wb.company = 'Northbridge Bank';
  wb.title = 'FY2027 Project Portfolio Tracker';
  wb.created = new Date(SAMPLE_DATE);
  wb.modified = new Date(SAMPLE_DATE);
  addProjects(wb, sampleProjects());
  addStrategy(wb);
  addPairwise(wb);
  addBudget(wb);
  addCapacity(wb);
  return wb;
}

/** DOS date/time of SAMPLE_DATE, as zip headers store it. */
function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * JSZip (inside ExcelJS) stamps every zip entry with the current time; rewrite those stamps in the
 * local and central headers so the file is byte-stable. Headers are outside the CRC, so this is safe.
 */
export function normalizeZipTimestamps(buf: Buffer, when: Date = SAMPLE_DATE): Buffer {
  const out = Buffer.from(buf);
  const { time, date } = dosDateTime(when);
  let eocd = -1;
  for (let p = out.length - 22; p >= Math.max(0, out.length - 22 - 0xffff); p--) {
    if (out.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new Error('Not a zip file: no end of central directory');
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let k = 0; k < entries; k++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error('Bad zip central directory');
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(date, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error('Bad zip local header');
    out.writeUInt16LE(time, local + 10);
    out.writeUInt16LE(date, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

/** Writes the sample workbook to `file`; returns the bytes written. */
export async function writeSampleWorkbook(file: string): Promise<Buffer> {
  const wb = await buildSampleWorkbook();
  const bytes = normalizeZipTimestamps(Buffer.from(await wb.xlsx.writeBuffer()));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return bytes;
}

// CLI: run only when this file is the entry point (works under tsx in CJS or ESM mode, not under jest).
const entry = process.argv[1] ?? '';
if (/make-sample(\.ts)?$/.test(path.basename(entry))) {
  const out = process.argv[2]
    ? path.resolve(process.argv[2])
    : path.resolve(path.dirname(entry), '..', 'assets', 'sample-portfolio.xlsx');
  writeSampleWorkbook(out).then(
    (bytes) => console.log(`Wrote ${path.relative(process.cwd(), out)} (${bytes.length} bytes)`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
