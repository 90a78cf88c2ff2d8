import type { DealAggregate, GroupState, PeriodCell } from './aggregate.js';
import { currencyGroups, newGroup } from './aggregate.js';
import { type Day, formatDay } from './calendar.js';
import type { Dimension } from './deal.js';
import { Histogram } from './histogram.js';
import { DEAL_METRICS, type MetricFacts, type MetricValues } from './metrics/index.js';
import { type Money, MoneySum } from './money.js';
import {
  type Calendar,
  checkAggregateWindow,
  type DayRange,
  type Granularity,
  type Period,
  periodKeyOfDay,
  periodsOfWindow,
  previousRange,
  wholeMonthsSpanning,
} from './periods.js';

/** Metrics of one period. Dates are `YYYY-MM-DD`, inclusive. */
export interface PeriodResult {
  period: string;
  from: string;
  to: string;
  metrics: MetricValues;
}

/** Metrics of one group: its totals and its periods. */
export interface GroupResult {
  by: Dimension;
  /** The column's value; `''` for deals that leave it empty. */
  key: string;
  totals: MetricValues;
  periods: PeriodResult[];
}

/** The engine's result: plain data, no formatting. */
export interface DealReport {
  window: { from: string; to: string };
  granularity: Granularity;
  fiscalYearStart: number;
  /** Deals aggregated. */
  deals: number;
  /** The currencies of the deals (empty when the deals name none). */
  currencies: string[];
  /**
   * More than one currency (a deal without one counts as another): money
   * metrics are only given per currency, in groups `by: 'currency'`, and are
   * `null` in the totals and in other groups.
   */
  mixedCurrencies: boolean;
  totals: MetricValues;
  periods: PeriodResult[];
  groups: GroupResult[];
}

/** What the report is computed over. */
export interface ReportOptions {
  /**
   * The window (see {@link reportWindow}). Deals closed outside it must have
   * been left out by the aggregation's own window when it does not follow
   * the data.
   */
  window: DayRange;
  /** Whether deals carry accounts; when not, customer metrics are `null`. @default true */
  accounts?: boolean;
  /** Whether deals carry amounts; when not, money metrics are `null`. @default true */
  amounts?: boolean;
}

/** The window the report covers: as given, or the whole months the data spans; `null` when nothing is dated. */
export function reportWindow(agg: DealAggregate, window: DayRange | null): DayRange | null {
  if (window !== null) return window;
  if (agg.firstDay === null || agg.lastDay === null) return null;
  return wholeMonthsSpanning(agg.firstDay, agg.lastDay);
}

/** Open deals at the end of each of `ends` (ascending), by sweeping the day deltas once. */
function openAt(g: GroupState, ends: readonly Day[]): { count: number; amount: Money }[] {
  return g.openDeltas.runningTotals(ends, g.openBefore.count, g.openBefore.amount.value());
}

function retention(g: GroupState, r: DayRange): { previous: number; kept: number } {
  const prev = previousRange(r);
  let previous = 0;
  let kept = 0;
  for (const days of g.wonDays) {
    if (days === undefined) continue;
    if (!days.hasAnyIn(prev.from, prev.to)) continue;
    previous++;
    if (days.hasAnyIn(r.from, r.to)) kept++;
  }
  return { previous, kept };
}

function cellsIn(g: GroupState, cal: Calendar, r: DayRange): PeriodCell {
  const first = periodKeyOfDay(cal, r.from);
  const last = periodKeyOfDay(cal, r.to);
  const out: PeriodCell = { won: 0, lost: 0, revenue: new MoneySum(), cycle: new Histogram() };
  for (const [key, cell] of g.cells) {
    if (key < first || key > last) continue;
    out.won += cell.won;
    out.lost += cell.lost;
    out.revenue.addSum(cell.revenue);
    out.cycle.merge(cell.cycle);
  }
  return out;
}

/** Every metric of some facts; money metrics `null` when amounts are unknown or in mixed currencies. */
function valuesOf(money: boolean, f: MetricFacts): MetricValues {
  const out: Record<string, number | null> = {};
  for (const m of DEAL_METRICS) out[m.id] = !money && m.kind === 'money' ? null : m.compute(f);
  return out as MetricValues;
}

/** Which group's customers: all, or those whose first won deal has `dims[by] === key`. */
type Scope = { by: Dimension; key: string } | null;

function countNewCustomers(agg: DealAggregate, scope: Scope, r: DayRange): number {
  const i = scope === null ? -1 : agg.firstWonDims.indexOf(scope.by);
  let n = 0;
  for (const fw of agg.firstWon) {
    if (fw === undefined) continue; // numbers are given with the first won deal; none is skipped
    if (fw.day >= r.from && fw.day <= r.to && (scope === null || fw.groups[i] === scope.key)) n++;
  }
  return n;
}

function metricsOf(
  agg: DealAggregate,
  g: GroupState,
  scope: Scope,
  window: DayRange,
  periods: readonly Period[],
  known: { accounts: boolean; money: boolean },
): { totals: MetricValues; periods: PeriodResult[] } {
  const cal = agg.options.calendar;
  const ranges: DayRange[] = [...periods, window];
  const open = openAt(
    g,
    ranges.map((r) => r.to),
  );
  const values = ranges.map((r, i) => {
    const cell = cellsIn(g, cal, r);
    const o = open[i] ?? { count: 0, amount: 0n };
    return valuesOf(known.money, {
      won: cell.won,
      lost: cell.lost,
      revenue: cell.revenue.value(),
      cycle: cell.cycle,
      openCount: o.count,
      openAmount: o.amount,
      newCustomers: known.accounts ? countNewCustomers(agg, scope, r) : null,
      retention: known.accounts ? retention(g, r) : null,
    });
  });
  return {
    totals: values[periods.length] as MetricValues,
    periods: periods.map((p, i) => ({
      period: p.label,
      from: formatDay(p.from),
      to: formatDay(p.to),
      metrics: values[i] as MetricValues,
    })),
  };
}

/** Computes every metric for the window, each period and each group. */
export function buildReport(agg: DealAggregate, options: ReportOptions): DealReport {
  const { window } = options;
  checkAggregateWindow('buildReport', agg, window);
  const accounts = options.accounts ?? true;
  const amounts = options.amounts ?? true;
  const cal = agg.options.calendar;
  const periods = periodsOfWindow(cal, window);
  const perCurrency = currencyGroups(agg);
  const mixed = perCurrency.size > 1;
  const whole = metricsOf(agg, agg.all, null, window, periods, { accounts, money: amounts && !mixed });
  const groups: GroupResult[] = [];
  const dims = [...agg.options.by];
  if (mixed && !dims.includes('currency')) dims.push('currency');
  for (const by of dims) {
    const byKey = by === 'currency' ? perCurrency : (agg.groups.get(by) ?? new Map<string, GroupState>());
    const keys = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const key of keys) {
      const g = byKey.get(key) ?? newGroup();
      const money = amounts && (by === 'currency' || !mixed);
      groups.push({ by, key, ...metricsOf(agg, g, { by, key }, window, periods, { accounts, money }) });
    }
  }
  return {
    window: { from: formatDay(window.from), to: formatDay(window.to) },
    granularity: cal.granularity,
    fiscalYearStart: cal.fiscalYearStart,
    deals: agg.deals,
    currencies: [...perCurrency.keys()].filter((c) => c !== '').sort(),
    mixedCurrencies: mixed,
    totals: whole.totals,
    periods: whole.periods,
    groups,
  };
}
