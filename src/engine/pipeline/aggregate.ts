import type { Day } from '../calendar.js';
import { DayLedger } from '../day-ledger.js';
import type { Deal, Dimension } from '../deal.js';
import { MoneySum } from '../money.js';
import { type Calendar, type DayRange, periodKeyOfDay, periodRange } from '../periods.js';
import { FORECAST_CATEGORIES, forecastCategoryOf } from './categories.js';
import { CycleHistory } from './history.js';
import { type StageSpec, stageKey } from './stages.js';
import { WeightedAmount } from './weights.js';

/** What the pipeline aggregation needs to know before the first deal. */
export interface PipelineOptions {
  calendar: Calendar;
  /** The pipeline is taken at the end of this day. */
  asOf: Day;
  /** Periods forecast, from the one holding the as-of date. @default 3 */
  horizon: number;
  /** An open deal created more than this many days before the as-of date is stale. @default 90 */
  staleDays: number;
  /** The configured stages, in pipeline order, with their default probabilities. */
  stages: readonly StageSpec[];
  /** The history forecast learns from the closed deals of the deal's group of this column. @default 'segment' */
  segmentBy: Dimension;
  /** Back-test the history forecast on this many periods before the as-of date; 0 for none. */
  backtest: number;
  /** The stage funnel counts the deals created in this range (ends may be infinite). */
  funnel: DayRange;
}

/** A count of deals and their amount. */
export interface Tally {
  deals: number;
  /** Minor units. */
  amount: MoneySum;
}

/** Open deals of one stage as of the as-of date. */
export interface StageTally extends Tally {
  /** The stage as first written (or as configured). */
  name: string;
  weighted: WeightedAmount;
  /** Sum of the ages (as-of − created, days) of the deals that have a created date. */
  ageDays: number;
  /** Deals that have a created date. */
  aged: number;
  /** Older than the stale limit, or past their expected close date. */
  stale: Tally;
}

/** Open deals expected to close on one day (or without an expected close date). */
export interface ExpectedTally extends Tally {
  weighted: WeightedAmount;
  /** Amounts by {@link FORECAST_CATEGORIES} index; the last slot holds deals without a known category. */
  categories: MoneySum[];
}

/**
 * What a forecast as of one day learns from and forecasts: the cycles of the
 * deals closed by then (by segment) and the deals open then (by segment and
 * created day). For a back-test, also what was won in the period after.
 */
export interface Snapshot {
  /** The forecast is made at the end of this day. */
  day: Day;
  /** For a back-test: the period forecast. `null` for the as-of forecast. */
  target: DayRange | null;
  /** Segment → cycles of the deals closed on or before `day`. */
  history: Map<string, CycleHistory>;
  /** Segment → deals open at the end of `day`, by created day (count and amount). */
  open: Map<string, DayLedger>;
  /** Segment → deals open at the end of `day` without a created date (no age: not forecast). */
  openUndated: Map<string, Tally>;
  /** Revenue won in `target`. */
  won: MoneySum;
  /** Revenue won in `target` by deals open at the end of `day`. */
  wonFromOpen: MoneySum;
}

/** Deals of one stage name in the funnel window. */
export interface FunnelTally {
  name: string;
  /** Open deals now at this stage. */
  open: number;
  /** Lost deals whose `lost_stage` names this stage. */
  lostByColumn: number;
  /** Lost deals whose own stage is this one (exports that keep the stage of lost deals). */
  lostByStage: number;
}

/**
 * Mergeable aggregate of the pipeline: open deals as of a date by stage and
 * by expected close day, the cycle histories and open deals of each forecast
 * date, the funnel counts. Memory grows with stages, days, segments and
 * forecast dates, never with the number of deals.
 */
export interface PipelineAggregate {
  readonly options: PipelineOptions;
  deals: number;
  /** Currencies seen (`''` for deals that name none). */
  currencies: Set<string>;
  /** Stage key → open deals (still open in the export) at the end of the as-of date. */
  stages: Map<string, StageTally>;
  /** Stage key → open-status deals' probabilities as written, for ordering stages when none are configured. */
  stageProbabilities: Map<string, { name: string; sum: number; count: number }>;
  /** Deals open at the end of the as-of date that have closed since (their stage then is not in the export). */
  closedSince: { won: Tally; lost: Tally };
  /** Expected close day → open deals (still open in the export) expected to close then. */
  expected: Map<Day, ExpectedTally>;
  /** Open deals without an expected close date. */
  undated: ExpectedTally;
  /** Revenue won from the start of the as-of date's period through the as-of date. */
  wonSoFar: MoneySum;
  /** Forecast category names that are none of the known ones (at most 20 kept). */
  unknownCategories: Set<string>;
  /** [0]: as of the as-of date; then one per back-test period, latest first. */
  snapshots: Snapshot[];
  funnel: {
    /** Stage key → counts. */
    stages: Map<string, FunnelTally>;
    won: number;
    /** Lost deals whose lost stage is not given. */
    lostWithoutStage: number;
  };
}

function tally(): Tally {
  return { deals: 0, amount: new MoneySum() };
}

function expectedTally(): ExpectedTally {
  return {
    ...tally(),
    weighted: new WeightedAmount(),
    categories: Array.from({ length: FORECAST_CATEGORIES.length + 1 }, () => new MoneySum()),
  };
}

function snapshot(day: Day, target: DayRange | null): Snapshot {
  return {
    day,
    target,
    history: new Map(),
    open: new Map(),
    openUndated: new Map(),
    won: new MoneySum(),
    wonFromOpen: new MoneySum(),
  };
}

/**
 * The periods a back-test forecasts: the last `n` whole periods that end on
 * or before the as-of date, latest first. Each is forecast as of the day
 * before it starts.
 */
export function backtestPeriods(calendar: Calendar, asOf: Day, n: number): DayRange[] {
  let key = periodKeyOfDay(calendar, asOf);
  if (periodRange(calendar, key).to !== asOf) key--;
  const out: DayRange[] = [];
  for (let i = 0; i < n; i++) out.push(periodRange(calendar, key - i));
  return out;
}

export function createPipeline(options: PipelineOptions): PipelineAggregate {
  const targets = backtestPeriods(options.calendar, options.asOf, options.backtest);
  return {
    options,
    deals: 0,
    currencies: new Set(),
    stages: new Map(),
    stageProbabilities: new Map(),
    closedSince: { won: tally(), lost: tally() },
    expected: new Map(),
    undated: expectedTally(),
    wonSoFar: new MoneySum(),
    unknownCategories: new Set(),
    snapshots: [snapshot(options.asOf, null), ...targets.map((t) => snapshot(t.from - 1, t))],
    funnel: { stages: new Map(), won: 0, lostWithoutStage: 0 },
  };
}

/** What the options imply, worked out once per options object. */
interface Derived {
  /** Stage key → default probability of the configured stages. */
  defaults: Map<string, number | null>;
  /** The first day of the period that holds the as-of date. */
  periodStart: Day;
}

const derivedCache = new WeakMap<PipelineOptions, Derived>();

function derived(options: PipelineOptions): Derived {
  let d = derivedCache.get(options);
  if (d === undefined) {
    d = {
      defaults: new Map(options.stages.map((s) => [stageKey(s.name), s.probability])),
      periodStart: periodRange(options.calendar, periodKeyOfDay(options.calendar, options.asOf)).from,
    };
    derivedCache.set(options, d);
  }
  return d;
}

function stageTally(name: string): StageTally {
  return { ...tally(), name, weighted: new WeightedAmount(), ageDays: 0, aged: 0, stale: tally() };
}

function addToSnapshot(s: Snapshot, deal: Deal, segment: string): void {
  const created = deal.createdDate;
  const close = deal.status === 'open' ? null : deal.closeDate;
  if (close !== null && close <= s.day && created !== null) {
    let h = s.history.get(segment);
    if (h === undefined) s.history.set(segment, (h = new CycleHistory()));
    h.add(close - created, deal.status === 'won');
  }
  // A deal without a created date is open from before any day until it closes.
  const open = (created === null || created <= s.day) && (close === null || close > s.day);
  if (open) {
    if (created === null) {
      let t = s.openUndated.get(segment);
      if (t === undefined) s.openUndated.set(segment, (t = tally()));
      t.deals++;
      t.amount.add(deal.amount);
    } else {
      let ledger = s.open.get(segment);
      if (ledger === undefined) s.open.set(segment, (ledger = new DayLedger()));
      ledger.add(created, 1, deal.amount);
    }
  }
  const t = s.target;
  if (t !== null && deal.status === 'won' && close !== null && close >= t.from && close <= t.to) {
    s.won.add(deal.amount);
    if (open) s.wonFromOpen.add(deal.amount);
  }
}

function addToFunnel(agg: PipelineAggregate, deal: Deal): void {
  const { funnel } = agg.options;
  const created = deal.createdDate;
  // Without a window every deal counts; with one, only deals created in it.
  const unbounded = funnel.from === -Infinity && funnel.to === Infinity;
  if (!unbounded && (created === null || created < funnel.from || created > funnel.to)) return;
  if (deal.status === 'won') {
    agg.funnel.won++;
    return;
  }
  const byColumn = deal.status === 'lost' && (deal.lostStage ?? '') !== '';
  const name = byColumn ? (deal.lostStage ?? '') : (deal.stage ?? '');
  if (name === '') {
    if (deal.status === 'lost') agg.funnel.lostWithoutStage++;
    return;
  }
  const key = stageKey(name);
  let f = agg.funnel.stages.get(key);
  if (f === undefined) agg.funnel.stages.set(key, (f = { name, open: 0, lostByColumn: 0, lostByStage: 0 }));
  if (deal.status === 'open') f.open++;
  else if (byColumn) f.lostByColumn++;
  else f.lostByStage++;
}

/** Adds one deal. */
export function addPipelineDeal(agg: PipelineAggregate, deal: Deal): void {
  const { asOf, staleDays, segmentBy } = agg.options;
  const { defaults, periodStart } = derived(agg.options);
  agg.deals++;
  agg.currencies.add(deal.dims.currency);
  const created = deal.createdDate;
  const close = deal.status === 'open' ? null : deal.closeDate;
  const stage = deal.stage ?? '';

  if (deal.status === 'open' && deal.probability != null) {
    const key = stageKey(stage);
    let p = agg.stageProbabilities.get(key);
    if (p === undefined) agg.stageProbabilities.set(key, (p = { name: stage, sum: 0, count: 0 }));
    p.sum += deal.probability;
    p.count++;
  }

  const openAtAsOf = (created === null || created <= asOf) && (close === null || close > asOf);
  if (openAtAsOf && deal.status !== 'open') {
    const t = agg.closedSince[deal.status];
    t.deals++;
    t.amount.add(deal.amount);
  } else if (openAtAsOf) {
    const key = stageKey(stage);
    let s = agg.stages.get(key);
    if (s === undefined) agg.stages.set(key, (s = stageTally(stage)));
    const stageDefault = defaults.get(key) ?? null;
    s.deals++;
    s.amount.add(deal.amount);
    s.weighted.add(deal.amount, deal.probability ?? null, stageDefault);
    const expected = deal.expectedCloseDate ?? null;
    const age = created === null ? null : asOf - created;
    if (age !== null) {
      s.ageDays += age;
      s.aged++;
    }
    if ((age !== null && age > staleDays) || (expected !== null && expected < asOf)) {
      s.stale.deals++;
      s.stale.amount.add(deal.amount);
    }
    let e: ExpectedTally | undefined = agg.undated;
    if (expected !== null) {
      e = agg.expected.get(expected);
      if (e === undefined) agg.expected.set(expected, (e = expectedTally()));
    }
    e.deals++;
    e.amount.add(deal.amount);
    e.weighted.add(deal.amount, deal.probability ?? null, stageDefault);
    const written = deal.forecastCategory ?? '';
    const category = forecastCategoryOf(written);
    const slot = category === null ? FORECAST_CATEGORIES.length : FORECAST_CATEGORIES.indexOf(category);
    (e.categories[slot] as MoneySum).add(deal.amount);
    if (category === null && written !== '' && agg.unknownCategories.size < 20) agg.unknownCategories.add(written);
  }

  if (deal.status === 'won' && close !== null && close <= asOf && close >= periodStart) agg.wonSoFar.add(deal.amount);

  addToFunnel(agg, deal);
  const segment = deal.dims[segmentBy];
  for (const s of agg.snapshots) addToSnapshot(s, deal, segment);
}

function mergeTally(into: Tally, from: Tally): void {
  into.deals += from.deals;
  into.amount.addSum(from.amount);
}

function mergeExpected(into: ExpectedTally, from: ExpectedTally): void {
  mergeTally(into, from);
  into.weighted.addAll(from.weighted);
  from.categories.forEach((sum, i) => (into.categories[i] as MoneySum).addSum(sum));
}

function mergeSnapshot(into: Snapshot, from: Snapshot): void {
  for (const [segment, h] of from.history) {
    let target = into.history.get(segment);
    if (target === undefined) into.history.set(segment, (target = new CycleHistory()));
    target.merge(h);
  }
  for (const [segment, ledger] of from.open) {
    let target = into.open.get(segment);
    if (target === undefined) into.open.set(segment, (target = new DayLedger()));
    target.addAll(ledger);
  }
  for (const [segment, t] of from.openUndated) {
    let target = into.openUndated.get(segment);
    if (target === undefined) into.openUndated.set(segment, (target = tally()));
    mergeTally(target, t);
  }
  into.won.addSum(from.won);
  into.wonFromOpen.addSum(from.wonFromOpen);
}

/**
 * Merges two pipeline aggregates built with the same options. Aggregating
 * two halves of the deals and merging gives the aggregate of all of them.
 */
export function mergePipelines(a: PipelineAggregate, b: PipelineAggregate): PipelineAggregate {
  const out = createPipeline(a.options);
  for (const src of [a, b]) {
    out.deals += src.deals;
    for (const c of src.currencies) out.currencies.add(c);
    for (const [key, s] of src.stages) {
      let t = out.stages.get(key);
      if (t === undefined) out.stages.set(key, (t = stageTally(s.name)));
      mergeTally(t, s);
      t.weighted.addAll(s.weighted);
      t.ageDays += s.ageDays;
      t.aged += s.aged;
      mergeTally(t.stale, s.stale);
    }
    for (const [key, p] of src.stageProbabilities) {
      const t = out.stageProbabilities.get(key);
      if (t === undefined) out.stageProbabilities.set(key, { ...p });
      else {
        t.sum += p.sum;
        t.count += p.count;
      }
    }
    mergeTally(out.closedSince.won, src.closedSince.won);
    mergeTally(out.closedSince.lost, src.closedSince.lost);
    for (const [day, e] of src.expected) {
      let t = out.expected.get(day);
      if (t === undefined) out.expected.set(day, (t = expectedTally()));
      mergeExpected(t, e);
    }
    mergeExpected(out.undated, src.undated);
    out.wonSoFar.addSum(src.wonSoFar);
    for (const c of src.unknownCategories) if (out.unknownCategories.size < 20) out.unknownCategories.add(c);
    src.snapshots.forEach((s, i) => mergeSnapshot(out.snapshots[i] as Snapshot, s));
    for (const [key, f] of src.funnel.stages) {
      const t = out.funnel.stages.get(key);
      if (t === undefined) out.funnel.stages.set(key, { ...f });
      else {
        t.open += f.open;
        t.lostByColumn += f.lostByColumn;
        t.lostByStage += f.lostByStage;
      }
    }
    out.funnel.won += src.funnel.won;
    out.funnel.lostWithoutStage += src.funnel.lostWithoutStage;
  }
  return out;
}
