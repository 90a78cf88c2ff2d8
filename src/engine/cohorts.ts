import { type Day, formatDay } from './calendar.js';
import type { Deal } from './deal.js';
import { type Money, moneyToNumber, MoneySum } from './money.js';
import {
  type Calendar,
  checkAggregateWindow,
  type DayRange,
  type Granularity,
  periodKeyOfDay,
  periodsOfWindow,
  wholeMonthsSpanning,
} from './periods.js';

/** What the cohort aggregation needs to know before the first deal. */
export interface CohortOptions {
  calendar: Calendar;
  /**
   * The window when it is known up front (an end may be ±Infinity): won
   * deals closed outside it add no revenue, but still decide when an
   * account first bought. `null` lets the window follow the data.
   */
  window: DayRange | null;
}

/** One account: the day of its first won deal, and its won revenue by period key. */
interface AccountHistory {
  first: Day;
  /** Period keys with a won deal in the window, and the revenue of each (parallel arrays: few per account). */
  keys: number[];
  revenue: MoneySum[];
}

/**
 * Mergeable cohort aggregate. Memory grows with accounts and the periods
 * each bought in, never with the number of deals.
 */
export interface CohortAggregate {
  readonly options: CohortOptions;
  deals: number;
  /** Earliest and latest created or close date seen (as the report's window follows them); `null` before any. */
  firstDay: Day | null;
  lastDay: Day | null;
  /** Won deals added, and those of them without an account (they make no customer). */
  won: number;
  wonWithoutAccount: number;
  accounts: Map<string, AccountHistory>;
  /** Currencies of the won deals with an account in the window (`''` for a deal without one). */
  currencies: Set<string>;
}

export function createCohorts(options: CohortOptions): CohortAggregate {
  return {
    options,
    deals: 0,
    firstDay: null,
    lastDay: null,
    won: 0,
    wonWithoutAccount: 0,
    accounts: new Map(),
    currencies: new Set(),
  };
}

function seeDay(agg: CohortAggregate, day: Day): void {
  if (agg.firstDay === null || day < agg.firstDay) agg.firstDay = day;
  if (agg.lastDay === null || day > agg.lastDay) agg.lastDay = day;
}

function revenueAt(h: AccountHistory, key: number): MoneySum {
  // Deals mostly come in date order: look from the end.
  for (let i = h.keys.length - 1; i >= 0; i--) if (h.keys[i] === key) return h.revenue[i] as MoneySum;
  const sum = new MoneySum();
  h.keys.push(key);
  h.revenue.push(sum);
  return sum;
}

/** Adds one deal. Only won deals with an account make cohorts; every deal's dates widen the default window. */
export function addCohortDeal(agg: CohortAggregate, deal: Deal): void {
  agg.deals++;
  if (deal.createdDate !== null) seeDay(agg, deal.createdDate);
  const close = deal.status === 'open' ? null : deal.closeDate;
  if (close === null) return;
  seeDay(agg, close);
  if (deal.status !== 'won') return;
  agg.won++;
  if (deal.account === null) {
    agg.wonWithoutAccount++;
    return;
  }
  let h = agg.accounts.get(deal.account);
  if (h === undefined) {
    h = { first: close, keys: [], revenue: [] };
    agg.accounts.set(deal.account, h);
  } else if (close < h.first) h.first = close;
  const w = agg.options.window;
  if (w !== null && (close < w.from || close > w.to)) return;
  revenueAt(h, periodKeyOfDay(agg.options.calendar, close)).add(deal.amount);
  agg.currencies.add(deal.dims.currency);
}

/** Merges two aggregates built with the same options. */
export function mergeCohorts(a: CohortAggregate, b: CohortAggregate): CohortAggregate {
  const out = createCohorts(a.options);
  for (const src of [a, b]) {
    out.deals += src.deals;
    if (src.firstDay !== null) seeDay(out, src.firstDay);
    if (src.lastDay !== null) seeDay(out, src.lastDay);
    out.won += src.won;
    out.wonWithoutAccount += src.wonWithoutAccount;
    for (const [account, h] of src.accounts) {
      let into = out.accounts.get(account);
      if (into === undefined) {
        into = { first: h.first, keys: [], revenue: [] };
        out.accounts.set(account, into);
      } else if (h.first < into.first) into.first = h.first;
      h.keys.forEach((key, i) => revenueAt(into, key).addSum(h.revenue[i] as MoneySum));
    }
    for (const c of src.currencies) out.currencies.add(c);
  }
  return out;
}

/** One period of a cohort's life. */
export interface CohortCell {
  /** Periods since the cohort's own: 0, 1, 2, … */
  offset: number;
  period: string;
  from: string;
  to: string;
  /** Accounts of the cohort with a won deal closed in this period. */
  buyers: number;
  /** buyers / the cohort's accounts (customer retention); 1 at offset 0. `null` for an empty cohort. */
  retention: number | null;
  /** The won revenue of the cohort's accounts in this period, currency units rounded to the cent; `null` when the amounts are unknown or in several currencies. */
  revenue: number | null;
  /** revenue / the cohort's revenue at offset 0 (revenue retention); `null` when that is 0 or unknown. */
  revenue_retention: number | null;
}

/** The accounts whose first won deal closed in one period, and their later periods. */
export interface CohortRow {
  /** The label of the cohort's period. */
  cohort: string;
  from: string;
  to: string;
  /** Accounts in the cohort: the new customers of the period. */
  accounts: number;
  /** Offsets 0 up to the window's last period: rows get shorter, as a triangle. */
  periods: CohortCell[];
}

/** The cohort triangle: plain data, no formatting. */
export interface CohortsResult {
  window: { from: string; to: string };
  granularity: Granularity;
  fiscalYearStart: number;
  /** Won deals added, and those without an account (left out of every cohort). */
  deals: { won: number; wonWithoutAccount: number };
  /** Accounts in all cohorts. */
  accounts: number;
  currencies: string[];
  mixedCurrencies: boolean;
  cohorts: CohortRow[];
}

/** What the triangle is built over. */
export interface CohortBuildOptions {
  /** The window; deals closed outside it must have been left out by the aggregation's own window when it does not follow the data. */
  window: DayRange;
  /** Whether the deals carry amounts; when not, revenue figures are `null`. @default true */
  amounts?: boolean;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The cohort triangle. An account's cohort is the period of its first won
 * deal in the whole file (the earliest close date, as for `new_customers`);
 * accounts whose first won deal is outside the window are in no cohort.
 * For each cohort and each period from its own to the window's last: the
 * accounts that bought (won a deal) then, their share of the cohort, the
 * revenue, and that revenue relative to the cohort's first period.
 */
export function buildCohorts(agg: CohortAggregate, options: CohortBuildOptions): CohortsResult {
  const { window } = options;
  checkAggregateWindow('buildCohorts', agg, window);
  const cal = agg.options.calendar;
  const periods = periodsOfWindow(cal, window);
  const firstKey = periods[0]?.key ?? 0;
  const n = periods.length;
  const currencies = [...agg.currencies].sort(byText);
  const mixed = currencies.length > 1;
  const money = (options.amounts ?? true) && !mixed;

  // By cohort index, by offset: buyers and revenue.
  const size = new Array<number>(n).fill(0);
  const buyers = periods.map((_, c) => new Array<number>(n - c).fill(0));
  const revenue = periods.map((_, c) => Array.from({ length: n - c }, () => new MoneySum()));
  for (const h of agg.accounts.values()) {
    if (h.first < window.from || h.first > window.to) continue;
    const c = periodKeyOfDay(cal, h.first) - firstKey;
    size[c] = (size[c] ?? 0) + 1;
    const row = buyers[c] as number[];
    const sums = revenue[c] as MoneySum[];
    h.keys.forEach((key, i) => {
      const offset = key - firstKey - c;
      // Keys outside the window's periods come only from deals outside it (when the window follows the data).
      if (offset < 0 || offset >= row.length) return;
      row[offset] = (row[offset] ?? 0) + 1;
      (sums[offset] as MoneySum).addSum(h.revenue[i] as MoneySum);
    });
  }

  let accounts = 0;
  const cohorts = periods.map((p, c): CohortRow => {
    const members = size[c] ?? 0;
    accounts += members;
    const row = buyers[c] as number[];
    const sums = (revenue[c] as MoneySum[]).map((s) => s.value());
    const base: Money = sums[0] ?? 0n;
    return {
      cohort: p.label,
      from: formatDay(p.from),
      to: formatDay(p.to),
      accounts: members,
      periods: row.map((b, offset): CohortCell => {
        const q = periods[c + offset] ?? p;
        const sum = sums[offset] ?? 0n;
        return {
          offset,
          period: q.label,
          from: formatDay(q.from),
          to: formatDay(q.to),
          buyers: b,
          retention: members === 0 ? null : b / members,
          revenue: money ? moneyToNumber(sum) : null,
          revenue_retention: !money || base === 0n ? null : Number(sum) / Number(base),
        };
      }),
    };
  });
  return {
    window: { from: formatDay(window.from), to: formatDay(window.to) },
    granularity: cal.granularity,
    fiscalYearStart: cal.fiscalYearStart,
    deals: { won: agg.won, wonWithoutAccount: agg.wonWithoutAccount },
    accounts,
    currencies: currencies.filter((x) => x !== ''),
    mixedCurrencies: mixed,
    cohorts,
  };
}

/** The window the cohorts cover when none is given: the whole months the data spans; `null` when nothing is dated. */
export function cohortWindow(agg: CohortAggregate): DayRange | null {
  if (agg.firstDay === null || agg.lastDay === null) return null;
  return wholeMonthsSpanning(agg.firstDay, agg.lastDay);
}
