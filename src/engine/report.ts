import type { DealAggregate, GroupState, PeriodCell } from './aggregate.js';
import { mergeGroupInto } from './aggregate.js';
import { type Day, formatDay } from './calendar.js';
import type { Dimension } from './deal.js';
import { Histogram } from './histogram.js';
import { DEAL_METRICS, type MetricFacts, type MetricValues } from './metrics/index.js';
import type { Money } from './money.js';
import {
  type Calendar,
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
}

/** The window the report covers: as given, or the whole months the data spans; `null` when nothing is dated. */
export function reportWindow(agg: DealAggregate, window: DayRange | null): DayRange | null {
  if (window !== null) return window;
  if (agg.firstDay === null || agg.lastDay === null) return null;
  return wholeMonthsSpanning(agg.firstDay, agg.lastDay);
}

function emptyGroup(): GroupState {
  return { cells: new Map(), openBefore: { count: 0, amount: 0n }, openDeltas: new Map(), wonDays: new Map() };
}

/** Open deals at the end of each of `ends` (ascending), by sweeping the day deltas once. */
function openAt(g: GroupState, ends: readonly Day[]): { count: number; amount: Money }[] {
  const days = [...g.openDeltas.keys()].sort((a, b) => a - b);
  const out: { count: number; amount: Money }[] = [];
  let count = g.openBefore.count;
  let amount = g.openBefore.amount;
  let i = 0;
  for (const end of ends) {
    for (; i < days.length && (days[i] as Day) <= end; i++) {
      const d = g.openDeltas.get(days[i] as Day);
      if (d !== undefined) {
        count += d.count;
        amount += d.amount;
      }
    }
    out.push({ count, amount });
  }
  return out;
}

function accountsIn(g: GroupState, r: DayRange): Set<string> {
  const out = new Set<string>();
  for (const [account, days] of g.wonDays) {
    for (const d of days) {
      if (d >= r.from && d <= r.to) {
        out.add(account);
        break;
      }
    }
  }
  return out;
}

function retention(g: GroupState, r: DayRange): { previous: number; kept: number } {
  const previous = accountsIn(g, previousRange(r));
  const current = accountsIn(g, r);
  let kept = 0;
  for (const a of previous) if (current.has(a)) kept++;
  return { previous: previous.size, kept };
}

function cellsIn(g: GroupState, cal: Calendar, r: DayRange): PeriodCell {
  const first = periodKeyOfDay(cal, r.from);
  const last = periodKeyOfDay(cal, r.to);
  const out: PeriodCell = { won: 0, lost: 0, revenue: 0n, cycle: new Histogram() };
  for (const [key, cell] of g.cells) {
    if (key < first || key > last) continue;
    out.won += cell.won;
    out.lost += cell.lost;
    out.revenue += cell.revenue;
    out.cycle.merge(cell.cycle);
  }
  return out;
}

function valuesOf(f: MetricFacts): MetricValues {
  const out: Record<string, number | null> = {};
  for (const m of DEAL_METRICS) out[m.id] = m.compute(f);
  return out as MetricValues;
}

function countNewCustomers(agg: DealAggregate, group: string | null, r: DayRange): number {
  let n = 0;
  for (const fw of agg.firstWon.values()) {
    if (fw.day >= r.from && fw.day <= r.to && (group === null || fw.group === group)) n++;
  }
  return n;
}

function metricsOf(
  agg: DealAggregate,
  g: GroupState,
  group: string | null,
  window: DayRange,
  periods: readonly Period[],
  accounts: boolean,
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
    return valuesOf({
      won: cell.won,
      lost: cell.lost,
      revenue: cell.revenue,
      cycle: cell.cycle,
      openCount: o.count,
      openAmount: o.amount,
      newCustomers: accounts ? countNewCustomers(agg, group, r) : null,
      retention: accounts ? retention(g, r) : null,
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
  if (
    agg.options.window === null &&
    agg.firstDay !== null &&
    agg.lastDay !== null &&
    (agg.firstDay < window.from || agg.lastDay > window.to)
  ) {
    // Closed-deal figures of the edge periods would include deals outside the window.
    throw new Error('buildReport: a window narrower than the data needs an aggregate created with that window');
  }
  const accounts = options.accounts ?? true;
  const cal = agg.options.calendar;
  const periods = periodsOfWindow(cal, window);
  const all = emptyGroup();
  for (const g of agg.groups.values()) mergeGroupInto(all, g);
  const whole = metricsOf(agg, all, null, window, periods, accounts);
  const groups: GroupResult[] = [];
  const by = agg.options.by;
  if (by !== null) {
    const keys = [...agg.groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const key of keys) {
      const r = metricsOf(agg, agg.groups.get(key) ?? emptyGroup(), key, window, periods, accounts);
      groups.push({ by, key, ...r });
    }
  }
  return {
    window: { from: formatDay(window.from), to: formatDay(window.to) },
    granularity: cal.granularity,
    fiscalYearStart: cal.fiscalYearStart,
    deals: agg.deals,
    totals: whole.totals,
    periods: whole.periods,
    groups,
  };
}
