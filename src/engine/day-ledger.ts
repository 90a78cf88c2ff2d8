import type { Day } from './calendar.js';
import { type Minor, type Money, MoneySum } from './money.js';

/**
 * Changes in a count and an exact amount, by calendar day: arrays indexed by
 * day from the first to the last day seen, so its size is bounded by that
 * span and adding costs no hashing.
 */
export class DayLedger {
  private base = 0;
  private counts = new Float64Array(0);
  private sums: (MoneySum | undefined)[] = [];

  private slot(day: Day): number {
    const len = this.counts.length;
    if (len === 0) {
      this.base = day;
      this.counts = new Float64Array(64);
      this.sums = new Array<MoneySum | undefined>(64).fill(undefined);
      return 0;
    }
    const i = day - this.base;
    if (i >= 0 && i < len) return i;
    // Grow to cover the day, with room to spare on that side.
    const spare = Math.max(64, len >> 1);
    const from = i < 0 ? day - spare : this.base;
    const to = i < 0 ? this.base + len : day + spare;
    const counts = new Float64Array(to - from);
    counts.set(this.counts, this.base - from);
    const sums = new Array<MoneySum | undefined>(to - from).fill(undefined);
    for (let k = 0; k < len; k++) sums[this.base - from + k] = this.sums[k];
    this.base = from;
    this.counts = counts;
    this.sums = sums;
    return day - from;
  }

  /** Adds `count` and `amount` (minor units) on `day`. */
  add(day: Day, count: number, amount: Minor): void {
    const i = this.slot(day);
    this.counts[i] = (this.counts[i] as number) + count;
    let sum = this.sums[i];
    if (sum === undefined) this.sums[i] = sum = new MoneySum();
    sum.add(amount);
  }

  /** Adds every change of `other`. */
  addAll(other: DayLedger): void {
    other.forEach((day, count, amount) => {
      const i = this.slot(day);
      this.counts[i] = (this.counts[i] as number) + count;
      let sum = this.sums[i];
      if (sum === undefined) this.sums[i] = sum = new MoneySum();
      sum.addSum(amount);
    });
  }

  /** Each day with a change, in order. */
  forEach(f: (day: Day, count: number, amount: MoneySum) => void): void {
    for (let i = 0; i < this.counts.length; i++) {
      const sum = this.sums[i];
      if (sum !== undefined) f(this.base + i, this.counts[i] as number, sum);
    }
  }

  /** The running totals at the end of each of `ends` (ascending), starting from `count` and `amount`. */
  runningTotals(ends: readonly Day[], count: number, amount: Money): { count: number; amount: Money }[] {
    const out: { count: number; amount: Money }[] = [];
    let i = 0;
    for (const end of ends) {
      for (; i < this.counts.length && this.base + i <= end; i++) {
        const sum = this.sums[i];
        if (sum === undefined) continue;
        count += this.counts[i] as number;
        amount += sum.value();
      }
      out.push({ count, amount });
    }
    return out;
  }
}
