import type { DayRange } from '../periods.js';
import { MoneySum } from '../money.js';
import type { Snapshot, Tally } from './aggregate.js';
import { CycleHistory, CycleTable } from './history.js';
import { RationalSum } from './rational.js';

/** The forecast from history of one segment's open deals. */
export interface SegmentForecast {
  /** The segment's own history. */
  history: CycleTable;
  /** Its open deals. */
  open: Tally;
  /** Exact expected revenue, minor units. */
  expected: RationalSum;
  /** Open deals without an age (no created date) or older than every closed deal: not forecast. */
  unforecastable: Tally;
  /** Open deals forecast from all closed deals, their segment having none closed with a longer cycle. */
  fallback: number;
}

/** The forecast from history as of a snapshot's day. */
export interface HistoryForecast {
  /** Exact expected revenue (minor units) closing in each asked range. */
  ranges: RationalSum[];
  /** Exact expected revenue of every open deal, whenever it closes. */
  total: RationalSum;
  /** All deals open at the snapshot's day. */
  open: Tally;
  /** Closed deals in the whole history. */
  closedDeals: number;
  /** By segment. */
  segments: Map<string, SegmentForecast>;
  /** Not forecast: no created date, or older than every closed deal. */
  unforecastable: Tally;
}

function tally(): Tally {
  return { deals: 0, amount: new MoneySum() };
}

function count(into: Tally, deals: number, amount: MoneySum): void {
  into.deals += deals;
  into.amount.addSum(amount);
}

/**
 * Forecasts, from the cycles of the deals closed by the snapshot's day,
 * what its open deals will bring: for a deal of segment s open at age
 * a = day − created,
 *
 *   P(win | open at age a) = won_s(cycle > a) / closed_s(cycle > a),
 *
 * with the history of all segments when s has no closed deal with a cycle
 * longer than a. Its amount × won_s(cycle in [x − created, y − created]) /
 * closed_s(cycle > a) is expected to close in [x, y]; over all cycles this
 * adds up to amount × P(win). Sums are exact fractions.
 */
export function forecastFromHistory(s: Snapshot, ranges: readonly DayRange[]): HistoryForecast {
  const allHistory = new CycleHistory();
  for (const h of s.history.values()) allHistory.merge(h);
  const all = new CycleTable(allHistory);
  const out: HistoryForecast = {
    ranges: ranges.map(() => new RationalSum()),
    total: new RationalSum(),
    open: tally(),
    closedDeals: all.closedDeals,
    segments: new Map(),
    unforecastable: tally(),
  };
  const keys = new Set([...s.history.keys(), ...s.open.keys(), ...s.openUndated.keys()]);
  for (const segment of keys) {
    const own = new CycleTable(s.history.get(segment) ?? new CycleHistory());
    const seg: SegmentForecast = {
      history: own,
      open: tally(),
      expected: new RationalSum(),
      unforecastable: tally(),
      fallback: 0,
    };
    out.segments.set(segment, seg);
    const undated = s.openUndated.get(segment);
    if (undated !== undefined) {
      for (const t of [seg.open, seg.unforecastable, out.open, out.unforecastable])
        count(t, undated.deals, undated.amount);
    }
    s.open.get(segment)?.forEach((created, deals, amount) => {
      const age = s.day - created;
      count(seg.open, deals, amount);
      count(out.open, deals, amount);
      let table = own;
      if (own.closedLonger(age) === 0) {
        table = all;
        if (all.closedLonger(age) > 0) seg.fallback += deals;
      }
      const closed = table.closedLonger(age);
      if (closed === 0) {
        count(seg.unforecastable, deals, amount);
        count(out.unforecastable, deals, amount);
        return;
      }
      const a = amount.value();
      const won = table.wonBetween(age + 1, Infinity);
      seg.expected.add(a * BigInt(won), closed);
      out.total.add(a * BigInt(won), closed);
      ranges.forEach((r, i) => {
        const w = table.wonBetween(Math.max(r.from - created, age + 1), r.to - created);
        if (w > 0) (out.ranges[i] as RationalSum).add(a * BigInt(w), closed);
      });
    });
  }
  return out;
}
