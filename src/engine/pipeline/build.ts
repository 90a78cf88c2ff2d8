import { type Day, formatDay } from '../calendar.js';
import type { Dimension } from '../deal.js';
import { divRound, MINOR_PER_UNIT, type Money, MoneySum } from '../money.js';
import { type DayRange, type Granularity, periodKeyOfDay, periodLabel, periodRange } from '../periods.js';
import type { ExpectedTally, PipelineAggregate, Snapshot, StageTally, Tally } from './aggregate.js';
import { FORECAST_CATEGORIES } from './categories.js';
import { buildFunnel, type Funnel } from './funnel.js';
import { forecastFromHistory } from './history-forecast.js';
import type { RationalSum } from './rational.js';
import { PPM, stageKey } from './stages.js';
import { type ProbabilityScale, WEIGHTED_PER_CENT, WeightedAmount } from './weights.js';

/** A count of deals and their amount (currency units, rounded to the cent; `null` without amounts). */
export interface Amounts {
  deals: number;
  amount: number | null;
}

/** Open deals with their probability-weighted amount. */
export interface WeightedAmounts extends Amounts {
  /** Σ amount × probability; `null` when a deal has no probability (none of its own and no stage default). */
  weighted: number | null;
}

/** Figures of open deals as of the as-of date. */
export interface OpenFigures extends WeightedAmounts {
  /** Mean of as-of − created (days) over the deals that have a created date; `null` when none has. */
  avgAgeDays: number | null;
  /** Open longer than the stale limit, or past their expected close date. */
  stale: Amounts;
}

/** One stage's open deals. */
export interface StageRow extends OpenFigures {
  stage: string;
  /** 1-based place in the stage order; `null` for a stage outside it. */
  order: number | null;
  /** The configured default probability, 0..1; `null` when none is configured. */
  defaultProbability: number | null;
}

/**
 * Open amounts by forecast category (each category's own deals), and the
 * cumulative totals as CRMs roll them up (Salesforce's cumulative rollups).
 */
export interface CategoryTotals {
  commit: number | null;
  mostLikely: number | null;
  bestCase: number | null;
  pipeline: number | null;
  omitted: number | null;
  /** Open deals with an empty or unknown category. */
  uncategorized: number | null;
  rollup: {
    /** Won so far in the period. */
    closed: number | null;
    /** closed + commit. */
    commit: number | null;
    /** closed + commit + most likely. */
    mostLikely: number | null;
    /** closed + commit + most likely + best case. */
    bestCase: number | null;
    /** Open deals: commit + most likely + best case + pipeline. */
    openPipeline: number | null;
  };
}

/** The forecast of one coming period. */
export interface ForecastPeriod {
  period: string;
  from: string;
  to: string;
  /** Revenue won in the period through the as-of date (0 for later periods). */
  wonSoFar: number | null;
  /** Open deals expected to close in the period (from the as-of date on, for the first). */
  open: WeightedAmounts;
  /** wonSoFar + open.weighted. */
  forecast: number | null;
  /** Revenue the history forecast expects to close in the period. */
  expected: number | null;
  /** wonSoFar + expected. */
  historyForecast: number | null;
  /** With a forecast_category column; else `null`. */
  categories: CategoryTotals | null;
}

/** The forecast by expected close date: coming periods, and the open deals outside them. */
export interface PeriodForecast {
  periods: ForecastPeriod[];
  /** Open deals expected to close before the as-of date. */
  overdue: WeightedAmounts;
  /** Open deals expected to close after the last period. */
  later: WeightedAmounts;
  /** Open deals without an expected close date. */
  undated: WeightedAmounts;
}

/** The history forecast of one segment's open deals. */
export interface HistorySegment {
  segment: string;
  /** Closed deals (with a created date) of the segment, by the as-of date. */
  closedDeals: number;
  wonDeals: number;
  openDeals: number;
  amount: number | null;
  /** Open deals not forecast: no created date, or older than every closed deal. */
  unforecastable: Amounts;
  expected: number | null;
  /** expected / amount of the deals forecast; `null` when that amount is 0. */
  winProbability: number | null;
  /** Open deals forecast from all segments' history, the segment having no closed deal with a longer cycle. */
  fallbackDeals: number;
}

/** The forecast learned from history. */
export interface HistoryResult {
  segmentBy: Dimension;
  /** Deals open at the end of the as-of date (those that closed since included). */
  openDeals: number;
  amount: number | null;
  /** Expected revenue of all of them, whenever they close. */
  expected: number | null;
  /** expected / amount of the deals forecast. */
  winProbability: number | null;
  /** Expected revenue closing after the last forecast period. */
  later: number | null;
  /** No created date, or older than every closed deal: not forecast. */
  unforecastable: Amounts;
  segments: HistorySegment[];
}

/** The history forecast as of the day before a period, against what that period brought. */
export interface BacktestRow {
  /** The forecast was made at the end of this day. */
  asOf: string;
  period: string;
  from: string;
  to: string;
  /** Closed deals the forecast learned from. */
  closedDeals: number;
  /** Deals open on the as-of day. */
  openDeals: number;
  /** Expected revenue closing in the period; `null` when nothing had closed yet to learn from. */
  forecast: number | null;
  /** Revenue won in the period, all deals. */
  won: number | null;
  /** Revenue won in the period by the deals open on the as-of day. */
  wonFromPipeline: number | null;
  /** |forecast − won| / won; `null` when won is 0 or there is no forecast. */
  ape: number | null;
  /** |forecast − wonFromPipeline| / wonFromPipeline. */
  apePipeline: number | null;
}

export interface BacktestResult {
  periods: BacktestRow[];
  /** Mean of the defined `ape`s; `null` when none is defined. */
  mape: number | null;
  mapePipeline: number | null;
}

/** Something about the input worth telling, as data. */
export type PipelineNote =
  | { code: 'stage_order_from_probability'; stages: string[] }
  | { code: 'no_stage_order' }
  | { code: 'unknown_stages'; stages: string[]; deals: number }
  | { code: 'no_probability'; stages: string[]; deals: number }
  | { code: 'unknown_lost_stages'; stages: string[]; deals: number }
  | { code: 'lost_without_stage'; deals: number }
  | { code: 'unknown_forecast_categories'; names: string[] }
  | { code: 'closed_since'; won: number; lost: number }
  | { code: 'unforecastable'; deals: number };

/** The engine's pipeline result: plain data. */
export interface PipelineResult {
  asOf: string;
  granularity: Granularity;
  fiscalYearStart: number;
  horizon: number;
  staleDays: number;
  /** The deals' currencies (empty when they name none). */
  currencies: string[];
  /** How the file writes probabilities; `null` when it gives none. */
  probabilityScale: ProbabilityScale | null;
  /** Where the stage order comes from: the configured `stages`, the probabilities of the open deals, or nowhere. */
  stageOrder: 'config' | 'probability' | 'none';
  stages: StageRow[];
  totals: OpenFigures;
  /** Deals open at the end of the as-of date that have closed since: their stage then is not in the export. */
  closedSince: { won: Amounts; lost: Amounts };
  forecast: PeriodForecast;
  history: HistoryResult;
  backtest: BacktestResult | null;
  /** `null` without a stage order. */
  funnel: (Funnel & { from: string | null; to: string | null }) | null;
  notes: PipelineNote[];
}

/** How to read the aggregate. */
export interface BuildPipelineOptions {
  /** How the file writes probabilities (`ReadDealsResult.probabilityScale`). */
  probabilityScale: ProbabilityScale | null;
  /** Whether deals carry amounts; when not, money figures are `null`. @default true */
  amounts?: boolean;
  /** Whether the file has a forecast_category column. @default false */
  forecastCategories?: boolean;
  /** Configured stage names that mean won or lost: left out of the stage order. */
  isClosedStage?: (name: string) => boolean;
}

const MINOR_PER_CENT = MINOR_PER_UNIT / 100n;

function cents(minor: Money): number {
  return Number(divRound(minor, MINOR_PER_CENT)) / 100;
}

function weightedCents(w: bigint | null): number | null {
  return w === null ? null : Number(divRound(w, WEIGHTED_PER_CENT)) / 100;
}

function rationalCents(r: RationalSum): number {
  return Number(r.rounded(MINOR_PER_CENT)) / 100;
}

/** Adds two cent values exactly. */
function plus(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Number(BigInt(Math.round(a * 100)) + BigInt(Math.round(b * 100))) / 100;
}

/** A stage in the order. */
interface Ordered {
  key: string;
  name: string;
  defaultProbability: number | null;
}

function stageOrder(
  agg: PipelineAggregate,
  isClosedStage: (name: string) => boolean,
): { source: PipelineResult['stageOrder']; order: Ordered[] } {
  const configured = agg.options.stages.filter((s) => !isClosedStage(s.name));
  if (configured.length > 0) {
    return {
      source: 'config',
      order: configured.map((s) => ({ key: stageKey(s.name), name: s.name, defaultProbability: s.probability })),
    };
  }
  const byProbability = [...agg.stageProbabilities]
    .filter(([, p]) => p.count > 0)
    .map(([key, p]) => ({ key, name: p.name, mean: p.sum / p.count }))
    .sort((a, b) => a.mean - b.mean || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (byProbability.length === 0) return { source: 'none', order: [] };
  return {
    source: 'probability',
    order: byProbability.map((s) => ({ key: s.key, name: s.name, defaultProbability: null })),
  };
}

/** Builds the pipeline result from an aggregate. */
export function buildPipeline(agg: PipelineAggregate, options: BuildPipelineOptions): PipelineResult {
  const { asOf, calendar, horizon } = agg.options;
  const scale = options.probabilityScale;
  const amounts = options.amounts ?? true;
  const money = (m: Money): number | null => (amounts ? cents(m) : null);
  const weightedOf = (w: WeightedAmount): number | null => (amounts ? weightedCents(w.value(scale)) : null);
  const exact = (r: RationalSum): number | null => (amounts ? rationalCents(r) : null);
  const amountsOf = (t: Tally): Amounts => ({ deals: t.deals, amount: money(t.amount.value()) });
  const notes: PipelineNote[] = [];

  // ---- Stages ------------------------------------------------------------------------
  const { source, order } = stageOrder(agg, options.isClosedStage ?? (() => false));
  if (source === 'probability') notes.push({ code: 'stage_order_from_probability', stages: order.map((s) => s.name) });
  if (source === 'none') notes.push({ code: 'no_stage_order' });
  const place = new Map(order.map((s, i) => [s.key, i]));
  const empty = (name: string): StageTally => ({
    name,
    deals: 0,
    amount: new MoneySum(),
    weighted: new WeightedAmount(),
    ageDays: 0,
    aged: 0,
    stale: { deals: 0, amount: new MoneySum() },
  });
  const figures = (s: StageTally): OpenFigures => ({
    ...amountsOf(s),
    weighted: weightedOf(s.weighted),
    avgAgeDays: s.aged === 0 ? null : s.ageDays / s.aged,
    stale: amountsOf(s.stale),
  });
  const outside = [...agg.stages.entries()]
    .filter(([key]) => !place.has(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const stages: StageRow[] = [
    ...order.map((s, i) => ({
      stage: s.name,
      order: i + 1,
      defaultProbability: s.defaultProbability === null ? null : s.defaultProbability / PPM,
      ...figures(agg.stages.get(s.key) ?? empty(s.name)),
    })),
    ...outside.map(([, s]) => ({ stage: s.name, order: null, defaultProbability: null, ...figures(s) })),
  ];
  if (source === 'config' && outside.length > 0) {
    notes.push({
      code: 'unknown_stages',
      stages: outside.map(([, s]) => s.name),
      deals: outside.reduce((n, [, s]) => n + s.deals, 0),
    });
  }
  const all = empty('');
  for (const s of agg.stages.values()) {
    all.deals += s.deals;
    all.amount.addSum(s.amount);
    all.weighted.addAll(s.weighted);
    all.ageDays += s.ageDays;
    all.aged += s.aged;
    all.stale.deals += s.stale.deals;
    all.stale.amount.addSum(s.stale.amount);
  }
  const missing = [...agg.stages.values()].filter((s) => s.weighted.missing > 0);
  if (missing.length > 0) {
    notes.push({
      code: 'no_probability',
      stages: missing.map((s) => s.name).sort(),
      deals: missing.reduce((n, s) => n + s.weighted.missing, 0),
    });
  }
  const { won: closedWon, lost: closedLost } = agg.closedSince;
  if (closedWon.deals + closedLost.deals > 0)
    notes.push({ code: 'closed_since', won: closedWon.deals, lost: closedLost.deals });

  // ---- Forecast by period --------------------------------------------------------------
  const first = periodKeyOfDay(calendar, asOf);
  const periods = Array.from({ length: horizon }, (_, i) => ({
    key: first + i,
    ...periodRange(calendar, first + i),
  }));
  const last = periods[periods.length - 1]?.to ?? asOf;
  const newExpected = (): ExpectedTally => ({
    deals: 0,
    amount: new MoneySum(),
    weighted: new WeightedAmount(),
    categories: Array.from({ length: FORECAST_CATEGORIES.length + 1 }, () => new MoneySum()),
  });
  const buckets = periods.map(newExpected);
  const overdue = newExpected();
  const later = newExpected();
  const add = (into: ExpectedTally, e: ExpectedTally): void => {
    into.deals += e.deals;
    into.amount.addSum(e.amount);
    into.weighted.addAll(e.weighted);
    e.categories.forEach((c, i) => (into.categories[i] as MoneySum).addSum(c));
  };
  for (const [day, e] of agg.expected) {
    if (day < asOf) add(overdue, e);
    else if (day > last) add(later, e);
    else add(buckets[periodKeyOfDay(calendar, day) - first] as ExpectedTally, e);
  }
  const weightedAmounts = (e: ExpectedTally): WeightedAmounts => ({
    ...amountsOf(e),
    weighted: weightedOf(e.weighted),
  });

  // The history forecast: each period from the day after the as-of date, then after the last period.
  const historyRanges: DayRange[] = [
    ...periods.map((p, i) => ({ from: i === 0 ? asOf + 1 : p.from, to: p.to })),
    { from: last + 1, to: Infinity },
  ];
  const main = agg.snapshots[0] as Snapshot;
  const h = forecastFromHistory(main, historyRanges);
  const wonSoFar = money(agg.wonSoFar.value());

  const forecastPeriods: ForecastPeriod[] = periods.map((p, i) => {
    const e = buckets[i] as ExpectedTally;
    const won = i === 0 ? wonSoFar : amounts ? 0 : null;
    const open = weightedAmounts(e);
    const expected = exact(h.ranges[i] as RationalSum);
    return {
      period: periodLabel(calendar, p.key),
      from: formatDay(p.from),
      to: formatDay(p.to),
      wonSoFar: won,
      open,
      forecast: plus(won, open.weighted),
      expected,
      historyForecast: plus(won, expected),
      categories: options.forecastCategories ? categoryTotals(e, won, money) : null,
    };
  });
  if (options.forecastCategories && agg.unknownCategories.size > 0)
    notes.push({ code: 'unknown_forecast_categories', names: [...agg.unknownCategories].sort() });

  // ---- History ------------------------------------------------------------------------
  const segments: HistorySegment[] = [...h.segments.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([segment, s]) => {
      const expected = exact(s.expected);
      return {
        segment,
        closedDeals: s.history.closedDeals,
        wonDeals: s.history.wonDeals,
        openDeals: s.open.deals,
        amount: money(s.open.amount.value()),
        unforecastable: amountsOf(s.unforecastable),
        expected,
        winProbability: probability(expected, money(s.open.amount.value() - s.unforecastable.amount.value())),
        fallbackDeals: s.fallback,
      };
    });
  const openAmount = money(h.open.amount.value());
  const expectedTotal = exact(h.total);
  const forecastAmount = money(h.open.amount.value() - h.unforecastable.amount.value());
  if (h.unforecastable.deals > 0) notes.push({ code: 'unforecastable', deals: h.unforecastable.deals });
  const history: HistoryResult = {
    segmentBy: agg.options.segmentBy,
    openDeals: h.open.deals,
    amount: openAmount,
    expected: expectedTotal,
    winProbability: probability(expectedTotal, forecastAmount),
    later: exact(h.ranges[periods.length] as RationalSum),
    unforecastable: amountsOf(h.unforecastable),
    segments,
  };

  // ---- Back-test ----------------------------------------------------------------------
  const backtest = agg.options.backtest > 0 ? buildBacktest(agg, money, exact) : null;

  // ---- Funnel -------------------------------------------------------------------------
  let funnel: PipelineResult['funnel'] = null;
  if (order.length > 0) {
    const f = buildFunnel(agg, order);
    const { from, to } = agg.options.funnel;
    funnel = {
      from: from === -Infinity ? null : formatDay(from),
      to: to === Infinity ? null : formatDay(to),
      ...f,
    };
    if (f.unknownLostStages.deals > 0)
      notes.push({ code: 'unknown_lost_stages', stages: f.unknownLostStages.names, deals: f.unknownLostStages.deals });
    if (f.lostWithoutStage > 0) notes.push({ code: 'lost_without_stage', deals: f.lostWithoutStage });
  }

  return {
    asOf: formatDay(asOf),
    granularity: calendar.granularity,
    fiscalYearStart: calendar.fiscalYearStart,
    horizon,
    staleDays: agg.options.staleDays,
    currencies: [...agg.currencies].filter((c) => c !== '').sort(),
    probabilityScale: scale,
    stageOrder: source,
    stages,
    totals: figures(all),
    closedSince: { won: amountsOf(closedWon), lost: amountsOf(closedLost) },
    forecast: {
      periods: forecastPeriods,
      overdue: weightedAmounts(overdue),
      later: weightedAmounts(later),
      undated: weightedAmounts(agg.undated),
    },
    history,
    backtest,
    funnel,
    notes,
  };
}

/** expected / amount, from cent values; `null` when either is unknown or the amount is 0. */
function probability(expected: number | null, amount: number | null): number | null {
  return expected === null || amount === null || amount === 0 ? null : expected / amount;
}

function categoryTotals(e: ExpectedTally, closed: number | null, money: (m: Money) => number | null): CategoryTotals {
  const of = (i: number): number | null => money((e.categories[i] as MoneySum).value());
  const [commit, mostLikely, bestCase, pipeline, omitted] = FORECAST_CATEGORIES.map((_, i) => of(i)) as [
    number | null,
    number | null,
    number | null,
    number | null,
    number | null,
  ];
  const rollCommit = plus(closed, commit);
  const rollMostLikely = plus(rollCommit, mostLikely);
  return {
    commit,
    mostLikely,
    bestCase,
    pipeline,
    omitted,
    uncategorized: of(FORECAST_CATEGORIES.length),
    rollup: {
      closed,
      commit: rollCommit,
      mostLikely: rollMostLikely,
      bestCase: plus(rollMostLikely, bestCase),
      openPipeline: plus(plus(plus(commit, mostLikely), bestCase), pipeline),
    },
  };
}

function ape(forecast: number | null, actual: number | null): number | null {
  return forecast === null || actual === null || actual === 0 ? null : Math.abs(forecast - actual) / Math.abs(actual);
}

function mean(xs: readonly (number | null)[]): number | null {
  const defined = xs.filter((x): x is number => x !== null);
  return defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
}

function buildBacktest(
  agg: PipelineAggregate,
  money: (m: Money) => number | null,
  exact: (r: RationalSum) => number | null,
): BacktestResult {
  const { calendar } = agg.options;
  const rows = agg.snapshots.slice(1).map((s): BacktestRow => {
    const target = s.target as DayRange;
    const f = forecastFromHistory(s, [target]);
    const forecast = f.closedDeals === 0 ? null : exact(f.ranges[0] as RationalSum);
    const won = money(s.won.value());
    const wonFromPipeline = money(s.wonFromOpen.value());
    return {
      asOf: formatDay(s.day),
      period: periodLabel(calendar, periodKeyOfDay(calendar, target.from)),
      from: formatDay(target.from),
      to: formatDay(target.to),
      closedDeals: f.closedDeals,
      openDeals: f.open.deals,
      forecast,
      won,
      wonFromPipeline,
      ape: ape(forecast, won),
      apePipeline: ape(forecast, wonFromPipeline),
    };
  });
  return { periods: rows, mape: mean(rows.map((r) => r.ape)), mapePipeline: mean(rows.map((r) => r.apePipeline)) };
}

/**
 * The forecasts of revenue closing after the as-of date through `deadline`:
 * the weighted open deals expected to close from the as-of date through the
 * deadline, and the history forecast of the deals open at the as-of date
 * closing from the day after it through the deadline. Currency units,
 * rounded to the cent; `null` when unknown.
 */
export function forecastThrough(
  agg: PipelineAggregate,
  deadline: Day,
  scale: ProbabilityScale | null,
): { weighted: number | null; expected: number | null } {
  const { asOf } = agg.options;
  if (deadline <= asOf) return { weighted: 0, expected: 0 };
  const w = new WeightedAmount();
  for (const [day, e] of agg.expected) if (day >= asOf && day <= deadline) w.addAll(e.weighted);
  const h = forecastFromHistory(agg.snapshots[0] as Snapshot, [{ from: asOf + 1, to: deadline }]);
  return { weighted: weightedCents(w.value(scale)), expected: rationalCents(h.ranges[0] as RationalSum) };
}
