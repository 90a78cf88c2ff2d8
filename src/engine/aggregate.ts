import type { Day } from './calendar.js';
import type { Deal, Dimension } from './deal.js';
import { Histogram } from './histogram.js';
import type { Money } from './money.js';
import { type Calendar, type DayRange, periodKeyOfDay } from './periods.js';

/** What the aggregation needs to know before the first deal. */
export interface AggregateOptions {
  calendar: Calendar;
  /** Group by this column as well as the totals. @default null */
  by: Dimension | null;
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
  revenue: Money;
  /** Sales-cycle lengths (days) of won deals that have a created date. */
  cycle: Histogram;
}

/** A change in the number and value of open deals on one day. */
export interface OpenDelta {
  count: number;
  amount: Money;
}

/** Everything kept for one group (or for all deals when not grouping). */
export interface GroupState {
  /** By period key. */
  cells: Map<number, PeriodCell>;
  /** Open deals created at an unknown date: open since before any period. */
  openBefore: OpenDelta;
  /** Changes of the open deals by day: +1 on the created day, −1 on the close day. */
  openDeltas: Map<Day, OpenDelta>;
  /** Account → days on which it closed a won deal of this group. */
  wonDays: Map<string, Set<Day>>;
}

/** The earliest won deal of an account (earliest close date, then smallest deal id). */
export interface FirstWon {
  day: Day;
  dealId: string;
  /** The group of that deal (`''` when not grouping). */
  group: string;
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
  groups: Map<string, GroupState>;
  firstWon: Map<string, FirstWon>;
}

export function createAggregate(options: AggregateOptions): DealAggregate {
  return { options, deals: 0, firstDay: null, lastDay: null, groups: new Map(), firstWon: new Map() };
}

function newGroup(): GroupState {
  return { cells: new Map(), openBefore: { count: 0, amount: 0n }, openDeltas: new Map(), wonDays: new Map() };
}

function newCell(): PeriodCell {
  return { won: 0, lost: 0, revenue: 0n, cycle: new Histogram() };
}

function groupOf(agg: DealAggregate, key: string): GroupState {
  let g = agg.groups.get(key);
  if (g === undefined) {
    g = newGroup();
    agg.groups.set(key, g);
  }
  return g;
}

function addOpenDelta(g: GroupState, day: Day, count: number, amount: Money): void {
  const d = g.openDeltas.get(day);
  if (d === undefined) g.openDeltas.set(day, { count, amount });
  else {
    d.count += count;
    d.amount += amount;
  }
}

function addWonDay(g: GroupState, account: string, day: Day): void {
  const days = g.wonDays.get(account);
  if (days === undefined) g.wonDays.set(account, new Set([day]));
  else days.add(day);
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

function seeDay(agg: DealAggregate, day: Day): void {
  if (agg.firstDay === null || day < agg.firstDay) agg.firstDay = day;
  if (agg.lastDay === null || day > agg.lastDay) agg.lastDay = day;
}

function offerFirstWon(agg: DealAggregate, account: string, candidate: FirstWon): void {
  const current = agg.firstWon.get(account);
  if (
    current === undefined ||
    candidate.day < current.day ||
    (candidate.day === current.day && compareDealIds(candidate.dealId, current.dealId) < 0)
  ) {
    agg.firstWon.set(account, candidate);
  }
}

/**
 * Adds one deal. A closed deal must have a close date on or after its
 * created date (ingestion rejects the others).
 */
export function addDeal(agg: DealAggregate, deal: Deal): void {
  const { calendar, by, window } = agg.options;
  const groupKey = by === null ? '' : deal.dims[by];
  const g = groupOf(agg, groupKey);
  agg.deals++;
  if (deal.createdDate !== null) seeDay(agg, deal.createdDate);

  // Open deals: the deal is open on days created ≤ d < close.
  if (deal.createdDate === null) {
    g.openBefore.count++;
    g.openBefore.amount += deal.amount;
  } else {
    addOpenDelta(g, deal.createdDate, 1, deal.amount);
  }
  if (deal.status === 'open' || deal.closeDate === null) return;

  const close = deal.closeDate;
  seeDay(agg, close);
  addOpenDelta(g, close, -1, -deal.amount);

  if (deal.status === 'won' && deal.account !== null) {
    addWonDay(g, deal.account, close);
    offerFirstWon(agg, deal.account, { day: close, dealId: deal.dealId, group: groupKey });
  }

  if (window !== null && (close < window.from || close > window.to)) return;
  const key = periodKeyOfDay(calendar, close);
  let cell = g.cells.get(key);
  if (cell === undefined) {
    cell = newCell();
    g.cells.set(key, cell);
  }
  if (deal.status === 'won') {
    cell.won++;
    cell.revenue += deal.amount;
    if (deal.createdDate !== null) cell.cycle.add(close - deal.createdDate);
  } else {
    cell.lost++;
  }
}

function mergeCell(into: PeriodCell, from: PeriodCell): void {
  into.won += from.won;
  into.lost += from.lost;
  into.revenue += from.revenue;
  into.cycle.merge(from.cycle);
}

/** Adds everything of `from` into `into` (same keys: groups, periods, days, accounts). */
export function mergeGroupInto(into: GroupState, from: GroupState): void {
  for (const [key, cell] of from.cells) {
    let target = into.cells.get(key);
    if (target === undefined) {
      target = newCell();
      into.cells.set(key, target);
    }
    mergeCell(target, cell);
  }
  into.openBefore.count += from.openBefore.count;
  into.openBefore.amount += from.openBefore.amount;
  for (const [day, d] of from.openDeltas) addOpenDelta(into, day, d.count, d.amount);
  for (const [account, days] of from.wonDays) for (const day of days) addWonDay(into, account, day);
}

/**
 * Merges two aggregates built with the same options. Aggregating two halves
 * of the deals and merging gives the aggregate of all of them.
 */
export function mergeAggregates(a: DealAggregate, b: DealAggregate): DealAggregate {
  const out = createAggregate(a.options);
  for (const src of [a, b]) {
    out.deals += src.deals;
    if (src.firstDay !== null) seeDay(out, src.firstDay);
    if (src.lastDay !== null) seeDay(out, src.lastDay);
    for (const [key, g] of src.groups) mergeGroupInto(groupOf(out, key), g);
    for (const [account, fw] of src.firstWon) offerFirstWon(out, account, fw);
  }
  return out;
}
