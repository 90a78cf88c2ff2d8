import type { Day } from './calendar.js';
import { DaySet } from './day-set.js';
import type { Deal, Dimension } from './deal.js';
import { DayLedger } from './day-ledger.js';
import { Histogram } from './histogram.js';
import { MoneySum } from './money.js';
import { type Calendar, type DayRange, periodKeyOfDay } from './periods.js';

/** What the aggregation needs to know before the first deal. */
export interface AggregateOptions {
  calendar: Calendar;
  /** Also group by these columns. @default [] */
  by: readonly Dimension[];
  /**
   * The report window when it is known up front. Deals closed outside it are
   * left out of closed-deal figures; they still count for new customers,
   * retention and open deals. `null` lets the window follow the data.
   */
  window: DayRange | null;
}

/** Closed-deal figures of one period (unclipped) in one group. */
export interface PeriodCell {
  won: number;
  lost: number;
  /** Sum of amounts of won deals, minor units. */
  revenue: MoneySum;
  /** Sales-cycle lengths (days) of won deals that have a created date. */
  cycle: Histogram;
}

/** A change in the number and value of open deals on one day. */
export interface OpenDelta {
  count: number;
  amount: MoneySum;
}

/** Everything kept for one group, or for all deals. */
export interface GroupState {
  /** By period key. */
  cells: Map<number, PeriodCell>;
  /** Open deals created at an unknown date: open since before any period. */
  openBefore: OpenDelta;
  /** Changes of the open deals by day: +1 on the created day, −1 on the close day. */
  openDeltas: DayLedger;
  /** By account number (see `DealAggregate.accounts`): the days it closed a won deal of this group. */
  wonDays: (DaySet | undefined)[];
}

/** The earliest won deal of an account (earliest close date, then smallest deal id). */
export interface FirstWon {
  day: Day;
  dealId: string;
  /**
   * That deal's values of the grouping columns, in the order of
   * {@link firstWonDims}. Copied, so that no row's objects outlive the row.
   */
  groups: string[];
}

/** The columns a {@link FirstWon} keeps: the grouping columns, then currency. */
export function firstWonDims(options: AggregateOptions): Dimension[] {
  return options.by.includes('currency') ? [...options.by] : [...options.by, 'currency'];
}

/**
 * Deals of several currencies cannot be summed: the aggregate keeps each
 * currency apart from the moment a second one appears (until then, `all`
 * holds the first currency's deals alone, so it is copied as that
 * currency's state).
 */
export interface CurrencyState {
  /** The currency of the first deal; `null` before any deal. */
  first: string | null;
  /** Per currency, once a second one appeared; `null` while there is one. */
  split: Map<string, GroupState> | null;
}

/**
 * Mergeable aggregate of any number of deals. Memory grows with groups,
 * periods, days and accounts, never with the number of deals.
 */
export interface DealAggregate {
  readonly options: AggregateOptions;
  deals: number;
  /** Earliest and latest created or close date seen; `null` before any. */
  firstDay: Day | null;
  lastDay: Day | null;
  /** All deals. */
  all: GroupState;
  /** Per grouping column, per value. */
  groups: Map<Dimension, Map<string, GroupState>>;
  currency: CurrencyState;
  /** Account → its number, given in the order accounts first win a deal; arrays below are indexed by it. */
  accounts: Map<string, number>;
  /** By account number: the account's earliest won deal. */
  firstWon: FirstWon[];
  /** {@link firstWonDims} of the options. */
  readonly firstWonDims: readonly Dimension[];
}

export function createAggregate(options: AggregateOptions): DealAggregate {
  return {
    options,
    deals: 0,
    firstDay: null,
    lastDay: null,
    all: newGroup(),
    groups: new Map(options.by.map((d) => [d, new Map()])),
    currency: { first: null, split: null },
    accounts: new Map(),
    firstWon: [],
    firstWonDims: firstWonDims(options),
  };
}

export function newGroup(): GroupState {
  return {
    cells: new Map(),
    openBefore: { count: 0, amount: new MoneySum() },
    openDeltas: new DayLedger(),
    wonDays: [],
  };
}

function newCell(): PeriodCell {
  return { won: 0, lost: 0, revenue: new MoneySum(), cycle: new Histogram() };
}

function groupIn(groups: Map<string, GroupState>, key: string): GroupState {
  let g = groups.get(key);
  if (g === undefined) {
    g = newGroup();
    groups.set(key, g);
  }
  return g;
}

function addWonDay(g: GroupState, account: number, day: Day): void {
  let days = g.wonDays[account];
  if (days === undefined) g.wonDays[account] = days = new DaySet();
  days.add(day);
}

/** The number of an account, given on its first won deal. */
function accountNumber(agg: DealAggregate, account: string): number {
  let n = agg.accounts.get(account);
  if (n === undefined) {
    n = agg.accounts.size;
    agg.accounts.set(account, n);
  }
  return n;
}

function seeDay(agg: DealAggregate, day: Day): void {
  if (agg.firstDay === null || day < agg.firstDay) agg.firstDay = day;
  if (agg.lastDay === null || day > agg.lastDay) agg.lastDay = day;
}

const WHOLE_NUMBER = /^\d+$/;

/**
 * A total order of deal ids: whole numbers first, numerically (`9` before
 * `10`, as CRMs number them; equal numbers by text), then every other id by
 * its UTF-16 code units.
 */
export function compareDealIds(a: string, b: string): number {
  const an = WHOLE_NUMBER.test(a);
  const bn = WHOLE_NUMBER.test(b);
  if (an !== bn) return an ? -1 : 1;
  if (an) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return x.length - y.length;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function offerFirstWon(
  agg: DealAggregate,
  account: number,
  day: Day,
  dealId: string,
  /** The deal's grouping values, or a FirstWon's `groups` (when merging). */
  from: Readonly<Record<Dimension, string>> | readonly string[],
): void {
  const current = agg.firstWon[account];
  const better =
    current === undefined || day < current.day || (day === current.day && compareDealIds(dealId, current.dealId) < 0);
  if (!better) return;
  const groups = isGroupList(from) ? [...from] : agg.firstWonDims.map((d) => from[d]);
  if (current === undefined) agg.firstWon[account] = { day, dealId, groups };
  else {
    current.day = day;
    current.dealId = dealId;
    current.groups = groups;
  }
}

function isGroupList(x: Readonly<Record<Dimension, string>> | readonly string[]): x is readonly string[] {
  return Array.isArray(x);
}

/** Adds one deal to one group's state. */
function addToGroup(g: GroupState, deal: Deal, cellKey: number | null, account: number): void {
  if (deal.createdDate === null) {
    g.openBefore.count++;
    g.openBefore.amount.add(deal.amount);
  } else {
    g.openDeltas.add(deal.createdDate, 1, deal.amount);
  }
  const close = deal.closeDate;
  if (deal.status === 'open' || close === null) return;
  g.openDeltas.add(close, -1, -deal.amount);
  if (account >= 0) addWonDay(g, account, close);
  if (cellKey === null) return;
  let cell = g.cells.get(cellKey);
  if (cell === undefined) {
    cell = newCell();
    g.cells.set(cellKey, cell);
  }
  if (deal.status === 'won') {
    cell.won++;
    cell.revenue.add(deal.amount);
    if (deal.createdDate !== null) cell.cycle.add(close - deal.createdDate);
  } else {
    cell.lost++;
  }
}

/** A deep copy of a group's state. */
export function cloneGroup(g: GroupState): GroupState {
  const out = newGroup();
  mergeGroupInto(out, g);
  return out;
}

/**
 * Adds one deal. Open deals are open on the days created ≤ d < close. A
 * closed deal must have a close date on or after its created date
 * (ingestion rejects the others).
 */
export function addDeal(agg: DealAggregate, deal: Deal): void {
  const { calendar, window } = agg.options;
  agg.deals++;
  if (deal.createdDate !== null) seeDay(agg, deal.createdDate);
  const close = deal.status === 'open' ? null : deal.closeDate;
  let cellKey: number | null = null;
  let account = -1;
  if (close !== null) {
    seeDay(agg, close);
    if (deal.status === 'won' && deal.account !== null) {
      account = accountNumber(agg, deal.account);
      offerFirstWon(agg, account, close, deal.dealId, deal.dims);
    }
    if (window === null || (close >= window.from && close <= window.to)) cellKey = periodKeyOfDay(calendar, close);
  }

  const cur = agg.currency;
  const currency = deal.dims.currency;
  if (cur.first === null) cur.first = currency;
  else if (cur.split === null && currency !== cur.first) {
    // A second currency: everything so far was the first one's.
    cur.split = new Map([[cur.first, cloneGroup(agg.all)]]);
  }
  if (cur.split !== null) addToGroup(groupIn(cur.split, currency), deal, cellKey, account);

  addToGroup(agg.all, deal, cellKey, account);
  const by = agg.options.by;
  for (let i = 0; i < by.length; i++) {
    const dim = by[i] as Dimension;
    const groups = agg.groups.get(dim);
    if (groups !== undefined) addToGroup(groupIn(groups, deal.dims[dim]), deal, cellKey, account);
  }
}

function mergeCell(into: PeriodCell, from: PeriodCell): void {
  into.won += from.won;
  into.lost += from.lost;
  into.revenue.addSum(from.revenue);
  into.cycle.merge(from.cycle);
}

/**
 * Adds everything of `from` into `into`. `account` maps `from`'s account
 * numbers to `into`'s (the same numbers within one aggregate).
 */
export function mergeGroupInto(into: GroupState, from: GroupState, account: (n: number) => number = (n) => n): void {
  for (const [key, cell] of from.cells) {
    let target = into.cells.get(key);
    if (target === undefined) {
      target = newCell();
      into.cells.set(key, target);
    }
    mergeCell(target, cell);
  }
  into.openBefore.count += from.openBefore.count;
  into.openBefore.amount.addSum(from.openBefore.amount);
  into.openDeltas.addAll(from.openDeltas);
  from.wonDays.forEach((days, n) => {
    if (days === undefined) return;
    const m = account(n);
    let target = into.wonDays[m];
    if (target === undefined) into.wonDays[m] = target = new DaySet();
    target.addAll(days);
  });
}

/** Each currency's state: the split, or `all` for the one currency seen. */
export function currencyGroups(agg: DealAggregate): Map<string, GroupState> {
  if (agg.currency.split !== null) return agg.currency.split;
  return agg.currency.first === null ? new Map() : new Map([[agg.currency.first, agg.all]]);
}

/**
 * Adds everything of `from` into `into`, in place; both were built with the
 * same options. `from` is left as it was.
 */
export function absorbAggregate(into: DealAggregate, from: DealAggregate): void {
  const a = into.currency;
  const b = from.currency;
  // One currency on both sides (the usual case): `all` is that currency's state, nothing to keep apart.
  const one = a.split === null && b.split === null && (a.first === null || b.first === null || a.first === b.first);
  // Else each currency's state before `from` is added: a second currency splits `into`.
  const currencies = new Map<string, GroupState>();
  if (!one) for (const [key, g] of currencyGroups(into)) currencies.set(key, a.split === null ? cloneGroup(g) : g);
  // The accounts of `from`, numbered as in `into`.
  const numbers: number[] = [];
  for (const [name, n] of from.accounts) numbers[n] = accountNumber(into, name);
  const renumber = (n: number): number => numbers[n] as number;
  into.deals += from.deals;
  if (from.firstDay !== null) seeDay(into, from.firstDay);
  if (from.lastDay !== null) seeDay(into, from.lastDay);
  mergeGroupInto(into.all, from.all, renumber);
  for (const [dim, groups] of from.groups) {
    let target = into.groups.get(dim);
    if (target === undefined) into.groups.set(dim, (target = new Map<string, GroupState>()));
    for (const [key, g] of groups) mergeGroupInto(groupIn(target, key), g, renumber);
  }
  from.firstWon.forEach((fw, n) => offerFirstWon(into, renumber(n), fw.day, fw.dealId, fw.groups));
  const first = a.first ?? b.first;
  if (one) {
    into.currency = { first, split: null };
    return;
  }
  for (const [key, g] of currencyGroups(from)) mergeGroupInto(groupIn(currencies, key), g, renumber);
  into.currency = { first, split: currencies.size > 1 ? currencies : null };
}

/**
 * Merges two aggregates built with the same options. Aggregating two halves
 * of the deals and merging gives the aggregate of all of them.
 */
export function mergeAggregates(a: DealAggregate, b: DealAggregate): DealAggregate {
  const out = createAggregate(a.options);
  absorbAggregate(out, a);
  absorbAggregate(out, b);
  return out;
}
