import {
  type ActivityAggregate,
  ACTIVITY_CELL,
  createActivityAggregate,
  mergeActivityAggregates,
} from './activity-aggregate.js';
import {
  addDeal,
  type AggregateOptions,
  createAggregate,
  currencyGroups,
  type DealAggregate,
  type GroupState,
  mergeAggregates,
  newGroup,
} from './aggregate.js';
import type { Day } from './calendar.js';
import { COST_CELL, type CostAggregate, createCostAggregate, mergeCostAggregates } from './cost-aggregate.js';
import type { Deal, Dimension } from './deal.js';
import {
  addHandoff,
  createHandoffAggregate,
  HANDOFF_CELL,
  type HandoffAggregate,
  type HandoffCell,
  mergeHandoffAggregates,
} from './handoff-aggregate.js';
import { type CellKind, type Cells, cellsOver, type InputAggregate } from './input-cells.js';
import { INPUT_METRICS, type InputFacts, type MetricInput, type MetricValues } from './metrics/index.js';
import { type Money, moneyToNumber, MoneySum } from './money.js';
import { type Calendar, type DayRange, periodKeyOfDay, periodsOfWindow, wholeMonthsSpanning } from './periods.js';
import { buildReport, type DealReport, type ReportOptions } from './report.js';
import { createSurveyAggregate, mergeSurveyAggregates, SURVEY_CELL, type SurveyAggregate } from './survey-aggregate.js';

/**
 * Everything a report aggregates: the deals, the appointer → closer funnel
 * taken from them, and the other inputs when they are given (`null` when
 * not). All of it merges like {@link DealAggregate}.
 */
export interface InputAggregates {
  deals: DealAggregate;
  handoffs: HandoffAggregate;
  activities: ActivityAggregate | null;
  costs: CostAggregate | null;
  surveys: SurveyAggregate | null;
}

/** Which inputs beside deals are given. */
export interface GivenInputs {
  activities: boolean;
  costs: boolean;
  surveys: boolean;
}

export function createInputAggregates(options: AggregateOptions, given: GivenInputs): InputAggregates {
  return {
    deals: createAggregate(options),
    handoffs: createHandoffAggregate(options),
    activities: given.activities ? createActivityAggregate(options) : null,
    costs: given.costs ? createCostAggregate(options) : null,
    surveys: given.surveys ? createSurveyAggregate(options) : null,
  };
}

/** Forgets the deals added (and the funnel taken from them); the other inputs stay. */
export function restartDeals(agg: InputAggregates): void {
  agg.deals = createAggregate(agg.deals.options);
  agg.handoffs = createHandoffAggregate(agg.deals.options);
}

/** Adds a deal to the deals and to the funnel. */
export function addDealToInputs(agg: InputAggregates, deal: Deal): void {
  addDeal(agg.deals, deal);
  addHandoff(agg.handoffs, deal);
}

function mergeOrNull<T>(a: T | null, b: T | null, merge: (a: T, b: T) => T): T | null {
  return a === null || b === null ? (a ?? b) : merge(a, b);
}

/** Merges two sets of aggregates made with the same options and inputs. */
export function mergeInputAggregateSets(a: InputAggregates, b: InputAggregates): InputAggregates {
  return {
    deals: mergeAggregates(a.deals, b.deals),
    handoffs: mergeHandoffAggregates(a.handoffs, b.handoffs),
    activities: mergeOrNull(a.activities, b.activities, mergeActivityAggregates),
    costs: mergeOrNull(a.costs, b.costs, mergeCostAggregates),
    surveys: mergeOrNull(a.surveys, b.surveys, mergeSurveyAggregates),
  };
}

/**
 * The window a report covers when none is given: the whole months from the
 * earliest to the latest date of any input (deals' created and close dates,
 * activity, cost and survey dates); `null` when nothing is dated.
 */
export function inputsWindow(agg: InputAggregates): DayRange | null {
  let first: Day | null = agg.deals.firstDay;
  let last: Day | null = agg.deals.lastDay;
  for (const side of [agg.activities, agg.costs, agg.surveys]) {
    if (side === null) continue;
    if (side.firstDay !== null && (first === null || side.firstDay < first)) first = side.firstDay;
    if (side.lastDay !== null && (last === null || side.lastDay > last)) last = side.lastDay;
  }
  return first === null || last === null ? null : wholeMonthsSpanning(first, last);
}

/** What a report with the other inputs is computed over. */
export interface InputReportOptions extends ReportOptions {
  /** Whether the deals file has an `appointer` column: the funnel metrics are given only then. @default false */
  appointers?: boolean;
  /** Whether the activities file has a duration column; when not, hour metrics are `null`. @default true */
  durations?: boolean;
}

/** One appointer × owner (closer) pair of the funnel over the window. */
export interface HandoffPair {
  appointer: string;
  owner: string;
  handoffs: number;
  won: number;
  lost: number;
  open: number;
  /** won / (won + lost); `null` when none closed. */
  handoff_win_rate: number | null;
  /** Amount of the won handoffs, currency units; `null` when amounts are unknown or in mixed currencies. */
  revenue: number | null;
}

/** A report with the metrics of every given input. */
export interface InputReport extends DealReport {
  /** With `--by appointer` and appointers in the deals: each appointer × owner pair; else `null`. */
  handoffMatrix: HandoffPair[] | null;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Exact revenue of a deal group's won deals closed in a range. */
function revenueIn(g: GroupState, cal: Calendar, r: DayRange): Money {
  const first = periodKeyOfDay(cal, r.from);
  const last = periodKeyOfDay(cal, r.to);
  const sum = new MoneySum();
  for (const [key, cell] of g.cells) if (key >= first && key <= last) sum.addSum(cell.revenue);
  return sum.value();
}

/** The cells of a scope: all rows, the group's, empty for a group without rows, `null` when the input cannot be grouped so. */
function scopeCells<C>(agg: InputAggregate<C>, scope: { by: Dimension; key: string } | null): Cells<C> | null {
  if (scope === null) return agg.all;
  if (!agg.dims.includes(scope.by)) return null;
  return agg.groups.get(scope.by)?.get(scope.key) ?? new Map();
}

function over<C>(cells: Cells<C> | null, kind: CellKind<C>, cal: Calendar, r: DayRange): C | null {
  return cells === null ? null : cellsOver(cells, kind, cal, r);
}

/**
 * Builds the deal report (see {@link buildReport}) and adds the metrics of
 * every given input to its totals, periods and groups, after the deal
 * metrics and in the order of {@link INPUT_METRICS}. An input not given adds
 * no key; a group its rows cannot be attributed to gets `null`.
 */
export function buildInputReport(agg: InputAggregates, options: InputReportOptions): InputReport {
  const deals = agg.deals;
  const cal = deals.options.calendar;
  const present: Record<MetricInput, boolean> = {
    handoffs: options.appointers ?? false,
    activities: agg.activities !== null,
    costs: agg.costs !== null,
    surveys: agg.surveys !== null,
  };
  // Groups that only other inputs have (an appointer who owns no deal, in --by owner) are reported too.
  for (const [dim, groups] of deals.groups) {
    for (const side of [agg.activities, agg.costs, agg.surveys]) {
      // In --by appointer, activities count for appointers named by the deals only.
      if (side === null || (dim === 'appointer' && side === agg.activities)) continue;
      for (const key of side.groups.get(dim)?.keys() ?? []) if (!groups.has(key)) groups.set(key, newGroup());
    }
  }
  const report = buildReport(deals, options);
  const metrics = INPUT_METRICS.filter((m) => present[m.input]);
  const periods = periodsOfWindow(cal, options.window);
  const ranges: DayRange[] = [...periods, options.window];
  const durations = options.durations ?? true;

  const fill = (
    scope: { by: Dimension; key: string } | null,
    g: GroupState | undefined,
    values: readonly MetricValues[],
  ): void => {
    const handoffs = present.handoffs ? scopeCells(agg.handoffs, scope) : null;
    const activities = agg.activities === null ? null : scopeCells(agg.activities, scope);
    // Costs are in the deals' currency: with several, they cannot be set against any of them.
    const costs = agg.costs === null || report.mixedCurrencies ? null : scopeCells(agg.costs, scope);
    const surveys = agg.surveys === null ? null : scopeCells(agg.surveys, scope);
    ranges.forEach((r, i) => {
      const v = values[i];
      if (v === undefined) return;
      const money = v.revenue !== null;
      const h = over(handoffs, HANDOFF_CELL, cal, r);
      const a = over(activities, ACTIVITY_CELL, cal, r);
      const c = over(costs, COST_CELL, cal, r);
      const s = over(surveys, SURVEY_CELL, cal, r);
      const f: InputFacts = {
        revenue: money && g !== undefined ? revenueIn(g, cal, r) : money ? 0n : null,
        won: v.deals_won ?? 0,
        newCustomers: v.new_customers,
        handoffs:
          h === null
            ? null
            : { handoffs: h.handoffs, won: h.won, lost: h.lost, revenue: money ? h.revenue.value() : null },
        activities:
          a === null
            ? null
            : { byType: a.byType, appointments: a.appointments, minutes: durations ? a.minutes.value() : null },
        costs: c === null ? null : { acquisition: c.acquisition.value() },
        surveys: s,
      };
      const out = v as Record<string, number | null>;
      for (const m of metrics) out[m.id] = m.compute(f);
    });
  };

  fill(null, deals.all, [...report.periods.map((p) => p.metrics), report.totals]);
  const perCurrency = currencyGroups(deals);
  for (const group of report.groups) {
    const g = group.by === 'currency' ? perCurrency.get(group.key) : deals.groups.get(group.by)?.get(group.key);
    fill({ by: group.by, key: group.key }, g, [...group.periods.map((p) => p.metrics), group.totals]);
  }

  let handoffMatrix: HandoffPair[] | null = null;
  if (present.handoffs && agg.handoffs.pairs !== null) {
    const money = report.totals.revenue !== null;
    handoffMatrix = [];
    for (const appointer of [...agg.handoffs.pairs.keys()].sort(compareText)) {
      const closers = agg.handoffs.pairs.get(appointer) ?? new Map<string, HandoffCell>();
      for (const owner of [...closers.keys()].sort(compareText)) {
        const c = closers.get(owner) ?? HANDOFF_CELL.create();
        handoffMatrix.push({
          appointer,
          owner,
          handoffs: c.handoffs,
          won: c.won,
          lost: c.lost,
          open: c.handoffs - c.won - c.lost,
          handoff_win_rate: c.won + c.lost === 0 ? null : c.won / (c.won + c.lost),
          revenue: money ? moneyToNumber(c.revenue.value()) : null,
        });
      }
    }
  }
  return { ...report, handoffMatrix };
}
