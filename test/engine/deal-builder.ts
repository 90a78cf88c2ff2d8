/**
 * Builds engine `Deal` records for the hand-computed table tests, and runs
 * the engine over them. Not a test file itself.
 */
import {
  addDeal,
  buildReport,
  type Calendar,
  createAggregate,
  type Day,
  type Deal,
  type DealAggregate,
  type DealReport,
  type DealStatus,
  type DayRange,
  type Dimension,
  type Granularity,
  type GroupResult,
  type MetricValues,
  parseDecimal,
  parseIsoDay,
  type PeriodResult,
} from '../../src/engine/index.js';

/** A `YYYY-MM-DD` day; throws on an invalid date so a typo cannot pass silently. */
export function day(s: string): Day {
  const d = parseIsoDay(s);
  if (d === null) throw new Error(`test fixture: invalid date ${s}`);
  return d;
}

/** Amount in currency units as a decimal string → minor units. */
export function money(s: string): number {
  const m = parseDecimal(s);
  if (m === null) throw new Error(`test fixture: invalid amount ${s}`);
  return m;
}

export interface DealSpec {
  id: string;
  status: DealStatus;
  /** Currency units, e.g. `'1234.5'`. */
  amount: string;
  created?: string | null;
  closed?: string | null;
  account?: string | null;
  owner?: string;
  team?: string;
  segment?: string;
  channel?: string;
  source?: string;
  currency?: string;
  appointer?: string;
}

export function deal(s: DealSpec): Deal {
  return {
    dealId: s.id,
    status: s.status,
    amount: money(s.amount),
    createdDate: s.created == null ? null : day(s.created),
    closeDate: s.closed == null ? null : day(s.closed),
    account: s.account ?? null,
    dims: {
      owner: s.owner ?? '',
      team: s.team ?? '',
      segment: s.segment ?? '',
      channel: s.channel ?? '',
      source: s.source ?? '',
      currency: s.currency ?? '',
      appointer: s.appointer ?? '',
    },
  };
}

export function range(from: string, to: string): DayRange {
  return { from: day(from), to: day(to) };
}

export interface RunOptions {
  granularity?: Granularity;
  fiscalYearStart?: number;
  by?: Dimension | null;
  /** Window given to both the aggregation and the report. */
  window: DayRange;
}

export function aggregate(deals: readonly Deal[], o: RunOptions): DealAggregate {
  const calendar: Calendar = { granularity: o.granularity ?? 'month', fiscalYearStart: o.fiscalYearStart ?? 1 };
  const agg = createAggregate({ calendar, by: o.by == null ? [] : [o.by], window: o.window });
  for (const d of deals) addDeal(agg, d);
  return agg;
}

/** Aggregates with the window and builds the report over the same window. */
export function run(deals: readonly Deal[], o: RunOptions): DealReport {
  return buildReport(aggregate(deals, o), { window: o.window });
}

export function periodOf(report: { periods: PeriodResult[] }, label: string): PeriodResult {
  const p = report.periods.find((x) => x.period === label);
  if (p === undefined) throw new Error(`no period ${label} in ${report.periods.map((x) => x.period).join(', ')}`);
  return p;
}

export function groupOf(report: DealReport, key: string): GroupResult {
  const g = report.groups.find((x) => x.key === key);
  if (g === undefined) throw new Error(`no group ${key}`);
  return g;
}

export type { MetricValues };
