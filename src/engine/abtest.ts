import type { Day } from './calendar.js';
import type { Deal } from './deal.js';
import { divRound, MINOR_PER_UNIT } from './money.js';
import type { Distributions } from './stats/distributions.js';
import { Moments } from './stats/moments.js';
import { newcombeInterval, sampleSizePerArm, twoProportionZTest, wilsonInterval } from './stats/proportions.js';
import { type SampleSummary, welchTTest } from './stats/welch.js';

/** Confidence of every interval. */
export const AB_CONFIDENCE = 0.95;
/** Significance level of every test (two-sided). */
export const AB_ALPHA = 0.05;
/** The power the sample size is worked out for. */
export const AB_POWER = 0.8;

/** What the A/B aggregation needs to know before the first deal. */
export interface AbTestOptions {
  /**
   * Closed deals with a close date outside it are left out; an end may be
   * ±Infinity. `null`: every closed deal.
   */
  window: { from: Day; to: Day } | null;
}

/** What is kept of one variant (arm): closed deals, and the amounts and cycles of its won deals. */
export interface ArmState {
  won: number;
  lost: number;
  /** Amounts of won deals, minor units. */
  amounts: Moments;
  /** Sales-cycle lengths of won deals that have a created date, days. */
  cycles: Moments;
}

/**
 * Mergeable A/B aggregate. Memory grows with the number of variants, never
 * with the number of deals. Every deal added is counted once: in an arm
 * (closed in the window, with a variant), or as open, outside the window or
 * unassigned (closed in the window without a variant).
 */
export interface AbTestAggregate {
  readonly options: AbTestOptions;
  deals: number;
  open: number;
  outsideWindow: number;
  unassigned: number;
  /** By variant value. */
  arms: Map<string, ArmState>;
  /** Currencies of the won deals in the arms (`''` for a deal without one). */
  currencies: Set<string>;
}

export function createAbTest(options: AbTestOptions): AbTestAggregate {
  return { options, deals: 0, open: 0, outsideWindow: 0, unassigned: 0, arms: new Map(), currencies: new Set() };
}

function newArm(): ArmState {
  return { won: 0, lost: 0, amounts: new Moments(), cycles: new Moments() };
}

function armIn(agg: AbTestAggregate, variant: string): ArmState {
  let arm = agg.arms.get(variant);
  if (arm === undefined) {
    arm = newArm();
    agg.arms.set(variant, arm);
  }
  return arm;
}

/** Adds a deal, in the arm of `variant` (its value of the variant column; `''` when empty). */
export function addAbTestDeal(agg: AbTestAggregate, deal: Deal, variant: string): void {
  agg.deals++;
  const close = deal.closeDate;
  if (deal.status === 'open' || close === null) {
    agg.open++;
    return;
  }
  const w = agg.options.window;
  if (w !== null && (close < w.from || close > w.to)) {
    agg.outsideWindow++;
    return;
  }
  if (variant === '') {
    agg.unassigned++;
    return;
  }
  const arm = armIn(agg, variant);
  if (deal.status === 'lost') {
    arm.lost++;
    return;
  }
  arm.won++;
  arm.amounts.add(deal.amount);
  if (deal.createdDate !== null) arm.cycles.add(close - deal.createdDate);
  agg.currencies.add(deal.dims.currency);
}

/** Merges two aggregates built with the same options. */
export function mergeAbTests(a: AbTestAggregate, b: AbTestAggregate): AbTestAggregate {
  const out = createAbTest(a.options);
  for (const src of [a, b]) {
    out.deals += src.deals;
    out.open += src.open;
    out.outsideWindow += src.outsideWindow;
    out.unassigned += src.unassigned;
    for (const [variant, arm] of src.arms) {
      const into = armIn(out, variant);
      into.won += arm.won;
      into.lost += arm.lost;
      into.amounts.merge(arm.amounts);
      into.cycles.merge(arm.cycles);
    }
    for (const c of src.currencies) out.currencies.add(c);
  }
  return out;
}

/** Text order of UTF-16 code units, as the report orders groups. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The variants that have closed deals, in text order. */
export function abTestVariants(agg: AbTestAggregate): string[] {
  return [...agg.arms.keys()].sort(byText);
}

/** A proportion and its Wilson interval. */
export interface RateEstimate {
  value: number | null;
  low: number | null;
  high: number | null;
}

/** A mean over `n` values and their sample standard deviation. */
export interface MeanEstimate {
  n: number;
  /** Money in currency units rounded to the cent; days unrounded. `null` when n = 0 (or the amounts are unknown or in several currencies). */
  value: number | null;
  /** `null` when n < 2. */
  sd: number | null;
}

/** One variant's figures. */
export interface ArmResult {
  variant: string;
  control: boolean;
  /** Won + lost deals closed in the window. */
  closed: number;
  won: number;
  lost: number;
  /** won / closed, with its 95% Wilson interval. */
  win_rate: RateEstimate;
  /** Amounts of won deals. */
  avg_deal_size: MeanEstimate;
  /** Sales-cycle days of won deals with a created date. */
  sales_cycle_days_mean: MeanEstimate;
}

/** The win rate of a variant against the control. */
export interface RateComparison {
  /** variant − control, −1..1. */
  difference: number;
  /** Newcombe's hybrid score 95% interval of the difference. */
  low: number | null;
  high: number | null;
  /** Two-proportion z-test, pooled standard error; `null` when every deal of both arms had the same outcome. */
  z: number | null;
  pValue: number | null;
  significant: boolean | null;
  /** Closed deals per arm needed to detect this difference with 80% power at α = 0.05; `null` when the rates are equal. */
  sampleSizePerArm: number | null;
  /** Whether either arm has fewer closed deals than that; `null` when the rates are equal. */
  underpowered: boolean | null;
}

/** A mean of a variant against the control, by Welch's t-test. */
export interface MeanComparison {
  /** variant − control; `null` when either arm has no value. */
  difference: number | null;
  /** The 95% interval of the difference; `null` with the test. */
  low: number | null;
  high: number | null;
  /** `null` when an arm has fewer than two values or neither varies. */
  t: number | null;
  df: number | null;
  pValue: number | null;
  significant: boolean | null;
}

/** One variant against the control. */
export interface ComparisonResult {
  variant: string;
  control: string;
  win_rate: RateComparison;
  avg_deal_size: MeanComparison;
  sales_cycle_days_mean: MeanComparison;
}

/** The metrics a t-test compares. */
export type AbMeanMetric = 'avg_deal_size' | 'sales_cycle_days_mean';

/** Something the reader of an A/B test should know, as data; worded at the edge. */
export type AbTestWarning =
  | {
      code: 'underpowered';
      variant: string;
      control: string;
      /** Closed deals per arm needed. */
      needed: number;
      /** Absolute difference of the win rates, 0..1. */
      difference: number;
      variantClosed: number;
      controlClosed: number;
    }
  /** Every closed deal of both arms won (or every one lost): the z-test has nothing to test. */
  | { code: 'same_outcome'; variant: string; control: string }
  /** An arm has fewer than two values of a mean: its t-tests are left out. */
  | { code: 'too_few_values'; arm: string; metric: AbMeanMetric; n: number }
  /** Neither arm varies: the t-test is left out. */
  | { code: 'no_variation'; variant: string; control: string; metric: AbMeanMetric }
  /** Amounts in several currencies: deal sizes are not compared. */
  | { code: 'mixed_currencies'; currencies: string[] };

/** The A/B test: each variant, and each against the control. */
export interface AbTestResult {
  control: string;
  confidence: number;
  alpha: number;
  power: number;
  /** Where the deals went: `tested` (closed in the window, with a variant) + `open` + `outsideWindow` + `unassigned` = deals added. */
  deals: { tested: number; open: number; outsideWindow: number; unassigned: number };
  /** Currencies of the won deals tested (empty when they name none). */
  currencies: string[];
  mixedCurrencies: boolean;
  /** The control first, then the other variants in text order. */
  arms: ArmResult[];
  comparisons: ComparisonResult[];
  warnings: AbTestWarning[];
}

/** How to analyse the aggregate. */
export interface AbTestAnalysisOptions {
  /** The control variant; must be one of {@link abTestVariants}. */
  control: string;
  /** Whether the deals carry amounts; when not, deal sizes are `null`. @default true */
  amounts?: boolean;
  /** Whether the deals carry created dates; when not, sales cycles are `null` without a warning per arm. @default true */
  createdDates?: boolean;
}

const UNITS = Number(MINOR_PER_UNIT);
const CENTS_PER_MINOR = MINOR_PER_UNIT / 100n;

/** Currency units rounded half away from zero to the cent. */
function cents(units: number): number {
  const c = Math.round(Math.abs(units) * 100) / 100;
  return units < 0 ? -c : c;
}

/** Σ/n of minor units, in currency units rounded once to the cent; `null` when n = 0. */
function moneyMean(m: Moments): number | null {
  return m.n === 0 ? null : Number(divRound(m.sum(), CENTS_PER_MINOR * BigInt(m.n))) / 100;
}

function summary(m: Moments, scale: number): SampleSummary | null {
  const mean = m.mean();
  const variance = m.variance();
  return mean === null || variance === null
    ? null
    : { n: m.n, mean: mean / scale, variance: variance / (scale * scale) };
}

function sd(m: Moments, scale: number): number | null {
  const v = m.variance();
  return v === null ? null : Math.sqrt(v) / scale;
}

function armResult(variant: string, arm: ArmState, control: boolean, money: boolean, z: number): ArmResult {
  const closed = arm.won + arm.lost;
  const wilson = wilsonInterval(arm.won, closed, z);
  const amountSd = money ? sd(arm.amounts, UNITS) : null;
  return {
    variant,
    control,
    closed,
    won: arm.won,
    lost: arm.lost,
    win_rate: { value: closed === 0 ? null : arm.won / closed, low: wilson?.low ?? null, high: wilson?.high ?? null },
    avg_deal_size: {
      n: arm.amounts.n,
      value: money ? moneyMean(arm.amounts) : null,
      sd: amountSd === null ? null : cents(amountSd),
    },
    sales_cycle_days_mean: { n: arm.cycles.n, value: arm.cycles.mean(), sd: sd(arm.cycles, 1) },
  };
}

const NO_TEST: Omit<MeanComparison, 'difference'> = {
  low: null,
  high: null,
  t: null,
  df: null,
  pValue: null,
  significant: null,
};

/**
 * Compares the means of one metric with Welch's t-test. Money: the
 * difference from the exact sums, rounded to the cent, as are the bounds.
 */
function compareMeans(
  v: Moments,
  c: Moments,
  money: boolean,
  dist: Distributions,
): { result: MeanComparison; noVariation: boolean } {
  if (v.n === 0 || c.n === 0) return { result: { difference: null, ...NO_TEST }, noVariation: false };
  let difference: number;
  if (money) {
    // (Σv·n_c − Σc·n_v) / (n_v·n_c): exact, rounded once to the cent.
    const num = v.sum() * BigInt(c.n) - c.sum() * BigInt(v.n);
    difference = Number(divRound(num, CENTS_PER_MINOR * BigInt(v.n) * BigInt(c.n))) / 100;
  } else {
    difference = Number(v.sum()) / v.n - Number(c.sum()) / c.n;
  }
  const scale = money ? UNITS : 1;
  const a = summary(v, scale);
  const b = summary(c, scale);
  if (a === null || b === null) return { result: { difference, ...NO_TEST }, noVariation: false };
  // Welch's statistic from the exact difference (money: before rounding to the cent).
  const exact = money ? Number(v.sum() * BigInt(c.n) - c.sum() * BigInt(v.n)) / (v.n * c.n * UNITS) : difference;
  const test = welchTTest(a, b, AB_CONFIDENCE, dist, exact);
  if (test === null) return { result: { difference, ...NO_TEST }, noVariation: true };
  return {
    result: {
      difference,
      low: money ? cents(test.low) : test.low,
      high: money ? cents(test.high) : test.high,
      t: test.t,
      df: test.df,
      pValue: test.pValue,
      significant: test.pValue < AB_ALPHA,
    },
    noVariation: false,
  };
}

/**
 * Analyses the A/B aggregate: for each variant its closed deals, win rate
 * with a 95% Wilson interval, average deal size and sales cycle; against
 * the control, the win-rate difference with Newcombe's hybrid score
 * interval and a pooled two-proportion z-test, the closed deals per arm
 * needed to detect that difference (80% power, α = 0.05 two-sided), and
 * Welch's t-test of deal size and sales cycle. Undefined figures are `null`,
 * with a warning saying why.
 */
export function analyzeAbTest(agg: AbTestAggregate, options: AbTestAnalysisOptions, dist: Distributions): AbTestResult {
  const { control } = options;
  const controlArm = agg.arms.get(control);
  if (controlArm === undefined) throw new Error(`analyzeAbTest: no variant ${JSON.stringify(control)}`);
  const currencies = [...agg.currencies].sort(byText);
  const mixed = currencies.length > 1;
  const money = (options.amounts ?? true) && !mixed;
  const z = dist.normalQuantile(1 - AB_ALPHA / 2);
  const others = abTestVariants(agg).filter((v) => v !== control);
  const warnings: AbTestWarning[] = [];
  if (mixed) warnings.push({ code: 'mixed_currencies', currencies });

  const arms = [control, ...others].map((v) => armResult(v, agg.arms.get(v) ?? newArm(), v === control, money, z));
  for (const v of [control, ...others]) {
    const arm = agg.arms.get(v) ?? newArm();
    if (money && arm.amounts.n < 2) {
      warnings.push({ code: 'too_few_values', arm: v, metric: 'avg_deal_size', n: arm.amounts.n });
    }
    if ((options.createdDates ?? true) && arm.cycles.n < 2) {
      warnings.push({ code: 'too_few_values', arm: v, metric: 'sales_cycle_days_mean', n: arm.cycles.n });
    }
  }

  const c = controlArm;
  const cClosed = c.won + c.lost;
  const comparisons = others.map((variant): ComparisonResult => {
    const v = agg.arms.get(variant) ?? newArm();
    const vClosed = v.won + v.lost;
    const pv = v.won / vClosed;
    const pc = c.won / cClosed;
    const interval = newcombeInterval(v.won, vClosed, c.won, cClosed, z);
    const test = twoProportionZTest(v.won, vClosed, c.won, cClosed, dist);
    if (test === null) warnings.push({ code: 'same_outcome', variant, control });
    const needed = sampleSizePerArm(pc, pv, AB_ALPHA, AB_POWER, dist);
    const underpowered = needed === null ? null : Math.min(vClosed, cClosed) < needed;
    if (underpowered === true && needed !== null) {
      warnings.push({
        code: 'underpowered',
        variant,
        control,
        needed,
        difference: Math.abs(pv - pc),
        variantClosed: vClosed,
        controlClosed: cClosed,
      });
    }
    const size = money
      ? compareMeans(v.amounts, c.amounts, true, dist)
      : { result: { difference: null, ...NO_TEST }, noVariation: false };
    if (size.noVariation) warnings.push({ code: 'no_variation', variant, control, metric: 'avg_deal_size' });
    const cycle = compareMeans(v.cycles, c.cycles, false, dist);
    if (cycle.noVariation) warnings.push({ code: 'no_variation', variant, control, metric: 'sales_cycle_days_mean' });
    return {
      variant,
      control,
      win_rate: {
        difference: pv - pc,
        low: interval?.low ?? null,
        high: interval?.high ?? null,
        z: test?.z ?? null,
        pValue: test?.pValue ?? null,
        significant: test === null ? null : test.pValue < AB_ALPHA,
        sampleSizePerArm: needed,
        underpowered,
      },
      avg_deal_size: size.result,
      sales_cycle_days_mean: cycle.result,
    };
  });

  let tested = 0;
  for (const arm of agg.arms.values()) tested += arm.won + arm.lost;
  return {
    control,
    confidence: AB_CONFIDENCE,
    alpha: AB_ALPHA,
    power: AB_POWER,
    deals: { tested, open: agg.open, outsideWindow: agg.outsideWindow, unassigned: agg.unassigned },
    currencies: currencies.filter((x) => x !== ''),
    mixedCurrencies: mixed,
    arms,
    comparisons,
    warnings,
  };
}
