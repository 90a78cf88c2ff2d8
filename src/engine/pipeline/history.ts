import { Histogram } from '../histogram.js';

/**
 * The sales cycles (close − created, whole days) of closed deals: of the
 * won ones and of all closed ones. Mergeable.
 */
export class CycleHistory {
  readonly won = new Histogram();
  readonly closed = new Histogram();

  add(cycle: number, won: boolean): void {
    this.closed.add(cycle);
    if (won) this.won.add(cycle);
  }

  merge(other: CycleHistory): void {
    this.won.merge(other.won);
    this.closed.merge(other.closed);
  }
}

/** Counts of a histogram by value, summed for range queries. */
class Cumulative {
  /** Distinct values, ascending. */
  private readonly values: number[] = [];
  /** below[i] = observations with a value < values[i]; below[n] = all. */
  private readonly below: number[] = [0];

  constructor(h: Histogram) {
    for (const [value, times] of h.entries()) {
      this.values.push(value);
      this.below.push((this.below[this.below.length - 1] as number) + times);
    }
  }

  /** Observations with a value < x. */
  private countBelow(x: number): number {
    let lo = 0;
    let hi = this.values.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.values[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return this.below[lo] as number;
  }

  /** Observations with lo ≤ value ≤ hi (`hi` may be Infinity). */
  between(lo: number, hi: number): number {
    if (hi < lo) return 0;
    const total = this.below[this.below.length - 1] as number;
    return (hi === Infinity ? total : this.countBelow(hi + 1)) - this.countBelow(lo);
  }
}

/**
 * A cycle history read for the forecast: for a deal still open at age a
 * (days since it was created), its cycle will be longer than a, so
 *
 *   P(win | open at age a) = won deals with cycle > a / closed deals with cycle > a,
 *
 * and P(won with a cycle in [x, y] | open at age a) = won deals with cycle in
 * [x, y] (x > a) / closed deals with cycle > a.
 */
export class CycleTable {
  private readonly won: Cumulative;
  private readonly closed: Cumulative;
  /** Closed deals in the history. */
  readonly closedDeals: number;
  readonly wonDeals: number;

  constructor(h: CycleHistory) {
    this.won = new Cumulative(h.won);
    this.closed = new Cumulative(h.closed);
    this.closedDeals = h.closed.count;
    this.wonDeals = h.won.count;
  }

  /** Closed deals with a cycle longer than `age` days. */
  closedLonger(age: number): number {
    return this.closed.between(age + 1, Infinity);
  }

  /** Won deals with lo ≤ cycle ≤ hi days. */
  wonBetween(lo: number, hi: number): number {
    return this.won.between(lo, hi);
  }
}
