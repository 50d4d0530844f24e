// Discounted-cash-flow measures for the ROI score, matching Excel's NPV/IRR/MIRR/XNPV/XIRR so a figure the
// add-in writes agrees with the one a user gets by typing the formula into the workbook.

/**
 * Conventions shared by this module.
 *
 * - Excel's error values (#DIV/0!, #NUM!) become `null`; a caller turns that into a data issue.
 * - `flows[k]` is the net flow of period k+1 for NPV and both paybacks (Excel's NPV discounts the first
 *   value one full period), but the flow at time k for IRR and MIRR (Excel's IRR puts the first value at
 *   time 0). Write an up-front outlay as `flows[0] + npv(rate, flows.slice(1))`, Excel's `NPV(…)+A2`.
 * - XNPV/XIRR measure each flow in 365-day years from the FIRST date, on whole days (Excel truncates date
 *   serials); the other dates may come in any order, but one before the first is #NUM!.
 *
 * IRR and XIRR roots: Excel runs Newton's method from the guess and gives #NUM! if that does not settle
 * (20 tries for IRR, 100 for XIRR). When several rates give NPV 0, "the" IRR is whichever root that
 * iteration reaches, so we run the same Newton iteration from the same guess and, when it settles, return
 * its root, polished to a relative 1e-12 (Excel stops at 1e-7 for IRR, 1e-8 for XIRR). Where Newton fails
 * (a step leaves the domain rate > −1, a flat derivative, or no settling within 60 steps) Excel would show
 * #NUM!; rather than fail, we look outward from the guess for the nearest sign change of the NPV and
 * close in on that root with Newton steps kept inside the bracket (bisection where Newton would leave it).
 * That is, as a rule, the root Excel reaches once a closer guess is typed in. `null` when no sign change
 * exists, when the inputs lack a positive and a negative flow (as Excel requires), or when 1 + rate at the
 * root is below what a double can resolve next to −1 (≈1e-16; e.g. a 10:1 loss within a day).
 *
 * Payback: time, in periods counted from 0 at the start of period 1, at which the cumulative net flow
 * (each flows[k] discounted by (1+rate)^(k+1) for the discounted variant) reaches ≥ 0 for good — the
 * last crossing from negative, so a later dip below zero postpones it. Within the crossing period the
 * flow is taken as even: payback = k + (−cumulative before period k+1) / (flow of period k+1). A
 * cumulative that is never negative pays back at 0; one that ends negative never does (`null`).
 */

const DAY_MS = 86_400_000;
/** Excel's serial 0 (1899-12-30): serials from 1900-03-01 on match Excel's 1900 date system. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

const DEFAULT_GUESS = 0.1;
const NEWTON_MAX_STEPS = 60;
/** Newton has converged once a step is below this (relative); one more step then reaches machine level. */
const NEWTON_SETTLED = 1e-12;
/** A residual this small against the size of the terms means the rate is as exact as doubles allow. */
const RESIDUAL_OK = 1e-13;
const REFINE_MAX_STEPS = 200;

/** Writes f(rate), f′(rate) and Σ|term| into `out`, so one solver serves IRR and XIRR. */
type RateFunction = (rate: number, out: Float64Array) => void;

/** Excel NPV: flows[k] is discounted by (1+rate)^(k+1). `null` for rate = −1 (#DIV/0!). */
export function npv(rate: number, flows: readonly number[]): number | null {
  const base = 1 + rate;
  if (base === 0) return null;
  const v = 1 / base;
  // Horner from the last flow: one multiply per period and no power calls.
  let acc = 0;
  for (let k = flows.length - 1; k >= 0; k--) acc = (acc + (flows[k] as number)) * v;
  return Number.isFinite(acc) ? acc : null;
}

/**
 * Excel IRR: the rate at which Σ flows[k]/(1+r)^k = 0, found from `guess` as Excel does (see the module
 * notes for the fallback). `null` without a positive and a negative flow (#NUM!) or for guess ≤ −1.
 */
export function irr(flows: readonly number[], guess: number = DEFAULT_GUESS): number | null {
  if (!hasBothSigns(flows) || !(guess > -1) || !Number.isFinite(guess)) return null;
  const n = flows.length;
  const evaluate: RateFunction = (rate, out) => {
    const x = 1 / (1 + rate);
    // Polynomial in x = 1/(1+r) by Horner: value, derivative in x, and magnitude in one pass.
    let p = 0;
    let dp = 0;
    let mag = 0;
    for (let k = n - 1; k >= 0; k--) {
      const f = flows[k] as number;
      dp = dp * x + p;
      p = p * x + f;
      mag = mag * x + Math.abs(f);
    }
    out[0] = p;
    out[1] = -dp * x * x;
    out[2] = mag;
  };
  return solveRate(evaluate, guess);
}

/**
 * Excel MIRR: ((FV of the positive flows at reinvestRate) / −(PV of the negative flows at financeRate))
 * ^(1/(n−1)) − 1, n = number of flows (zeros included). `null` without a positive and a negative flow
 * (#DIV/0!) or where a rate of −1 makes Excel's inner NPV divide by zero.
 */
export function mirr(flows: readonly number[], financeRate: number, reinvestRate: number): number | null {
  const n = flows.length;
  const fBase = 1 + financeRate;
  const rBase = 1 + reinvestRate;
  if (fBase === 0 || rBase === 0) return null;
  let fvPositive = 0;
  let pvNegative = 0;
  let fDiscount = 1;
  for (let k = 0; k < n; k++) {
    const f = flows[k] as number;
    if (f > 0) fvPositive += f * Math.pow(rBase, n - 1 - k);
    else if (f < 0) pvNegative += f * fDiscount;
    fDiscount /= fBase;
  }
  if (fvPositive === 0 || pvNegative === 0) return null;
  const result = Math.pow(fvPositive / -pvNegative, 1 / (n - 1)) - 1;
  return Number.isFinite(result) ? result : null;
}

/** Excel's serial day number of a date (UTC calendar day) or of a serial, truncated to a whole day. */
export function toExcelSerial(d: Date | number): number {
  if (typeof d === 'number') return Math.trunc(d);
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return (midnight - EXCEL_EPOCH_MS) / DAY_MS;
}

/**
 * Excel XNPV: Σ flows[i]/(1+rate)^((d_i − d_0)/365). `null` (#NUM!) when lengths differ, there are no
 * flows, a date is invalid or before the first date, or rate ≤ −1 (no real power for fractional years).
 */
export function xnpv(
  rate: number,
  flows: readonly number[],
  dates: readonly (Date | number)[],
): number | null {
  const years = yearOffsets(flows, dates);
  if (years === null || !(rate > -1)) return null;
  const logBase = Math.log1p(rate);
  let sum = 0;
  for (let i = 0; i < years.length; i++) sum += (flows[i] as number) * Math.exp(-years[i]! * logBase);
  return Number.isFinite(sum) ? sum : null;
}

/**
 * Excel XIRR: the rate at which XNPV = 0, found from `guess` as for {@link irr}. `null` (#NUM!) for
 * the XNPV input errors, without a positive and a negative flow, or for guess ≤ −1.
 */
export function xirr(
  flows: readonly number[],
  dates: readonly (Date | number)[],
  guess: number = DEFAULT_GUESS,
): number | null {
  const years = yearOffsets(flows, dates);
  if (years === null || !hasBothSigns(flows) || !(guess > -1) || !Number.isFinite(guess)) return null;
  const n = years.length;
  const evaluate: RateFunction = (rate, out) => {
    const logBase = Math.log1p(rate);
    let value = 0;
    let slope = 0;
    let mag = 0;
    for (let i = 0; i < n; i++) {
      const t = years[i]!;
      const term = (flows[i] as number) * Math.exp(-t * logBase);
      value += term;
      slope -= t * term;
      mag += Math.abs(term);
    }
    out[0] = value;
    out[1] = slope / (1 + rate);
    out[2] = mag;
  };
  return solveRate(evaluate, guess);
}

/** Simple payback in fractional periods (definition in the module notes). */
export function paybackPeriod(flows: readonly number[]): number | null {
  return payback(flows, 1);
}

/** Discounted payback: as {@link paybackPeriod} with flows[k] divided by (1+rate)^(k+1). */
export function discountedPaybackPeriod(rate: number, flows: readonly number[]): number | null {
  const base = 1 + rate;
  if (base === 0) return null;
  return payback(flows, 1 / base);
}

function payback(flows: readonly number[], v: number): number | null {
  let cumulative = 0;
  let discount = 1;
  // The last period that starts with a negative cumulative is where the final recovery happens.
  let lastStart = -1;
  let deficitAtStart = 0;
  let crossingFlow = 0;
  for (let k = 0; k < flows.length; k++) {
    discount *= v;
    const before = cumulative;
    const flow = (flows[k] as number) * discount;
    cumulative += flow;
    if (before < 0 && cumulative >= 0) {
      lastStart = k;
      deficitAtStart = -before;
      crossingFlow = flow;
    }
  }
  if (!Number.isFinite(cumulative) || cumulative < 0) return null;
  return lastStart < 0 ? 0 : lastStart + deficitAtStart / crossingFlow;
}

function hasBothSigns(flows: readonly number[]): boolean {
  let positive = false;
  let negative = false;
  for (let k = 0; k < flows.length; k++) {
    const f = flows[k] as number;
    if (f > 0) positive = true;
    else if (f < 0) negative = true;
  }
  return positive && negative;
}

/** Years from the first date to each date, or `null` for Excel's #NUM! date cases. */
function yearOffsets(flows: readonly number[], dates: readonly (Date | number)[]): Float64Array | null {
  const n = flows.length;
  if (n === 0 || dates.length !== n) return null;
  const first = toExcelSerial(dates[0] as Date | number);
  if (!Number.isFinite(first)) return null;
  const years = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const days = toExcelSerial(dates[i] as Date | number) - first;
    if (!(days >= 0)) return null;
    years[i] = days / 365;
  }
  return years;
}

/** Newton from the guess (Excel's root); otherwise the root in the nearest bracket around the guess. */
function solveRate(evaluate: RateFunction, guess: number): number | null {
  const out = new Float64Array(3);
  const newton = newtonFrom(evaluate, guess, out);
  if (newton !== null) return newton;
  return bracketedRoot(evaluate, guess, out);
}

function newtonFrom(evaluate: RateFunction, guess: number, out: Float64Array): number | null {
  let rate = guess;
  let best = Number.NaN;
  let bestResidual = Infinity;
  for (let step = 0; step < NEWTON_MAX_STEPS; step++) {
    evaluate(rate, out);
    const f = out[0]!;
    const df = out[1]!;
    if (!Number.isFinite(f) || !Number.isFinite(df)) break;
    if (f === 0) return rate;
    const residual = Math.abs(f) / out[2]!;
    if (residual < bestResidual) {
      bestResidual = residual;
      best = rate;
    }
    if (df === 0) break;
    const next = rate - f / df;
    if (!(next > -1) || !Number.isFinite(next)) break;
    if (Math.abs(next - rate) <= NEWTON_SETTLED * Math.max(1, Math.abs(next))) {
      // Quadratic convergence: one more step takes a 1e-12 step to rounding level.
      evaluate(next, out);
      const f2 = out[0]!;
      const df2 = out[1]!;
      const polished = next - f2 / df2;
      return Number.isFinite(polished) && polished > -1 ? polished : next;
    }
    rate = next;
  }
  // A root of even multiplicity never crosses zero and Newton only creeps toward it: accept rounding level.
  return bestResidual <= RESIDUAL_OK ? best : null;
}

function bracketedRoot(evaluate: RateFunction, guess: number, out: Float64Array): number | null {
  // Sample rate = −1 + (1+guess)·e^(±h), outward in h, so both sides of the guess are searched evenly
  // in the discount factor and the lower side never reaches −1.
  const scale = 1 + guess;
  evaluate(guess, out);
  const fGuess = out[0]!;
  if (fGuess === 0) return guess;
  if (!Number.isFinite(fGuess)) return null;
  let upRate = guess;
  let upValue = fGuess;
  let downRate = guess;
  let downValue = fGuess;
  let upOpen = true;
  let downOpen = true;
  for (let h = 0.02; h < 700 && (upOpen || downOpen); h *= 1.5) {
    if (upOpen) {
      const r = -1 + scale * Math.exp(h);
      evaluate(r, out);
      const f = out[0]!;
      if (!Number.isFinite(f)) upOpen = false;
      else if (f === 0) return r;
      else if (f < 0 !== upValue < 0) return refine(evaluate, upRate, upValue, r, out);
      else {
        upRate = r;
        upValue = f;
      }
    }
    if (downOpen) {
      const r = -1 + scale * Math.exp(-h);
      evaluate(r, out);
      const f = out[0]!;
      if (!Number.isFinite(f)) downOpen = false;
      else if (f === 0) return r;
      else if (f < 0 !== downValue < 0) return refine(evaluate, r, f, downRate, out);
      else {
        downRate = r;
        downValue = f;
      }
    }
  }
  return null;
}

/** Newton kept inside [lo, hi] (bisection when a step would leave it); f changes sign on the bracket. */
function refine(evaluate: RateFunction, lo: number, fLo: number, hi: number, out: Float64Array): number {
  const loNegative = fLo < 0;
  let rate = 0.5 * (lo + hi);
  for (let step = 0; step < REFINE_MAX_STEPS; step++) {
    evaluate(rate, out);
    const f = out[0]!;
    const df = out[1]!;
    if (f === 0) return rate;
    if (f < 0 === loNegative) lo = rate;
    else hi = rate;
    const newton = rate - f / df;
    const next = newton > lo && newton < hi ? newton : 0.5 * (lo + hi);
    if (next === rate || Math.abs(next - rate) <= 1e-15 * Math.max(1, Math.abs(next))) return next;
    rate = next;
  }
  return rate;
}
