/**
 * A histogram of whole numbers (sales-cycle days): exact count, sum, mean and
 * median in memory that grows with the number of distinct values, not with
 * the number of observations.
 */
export class Histogram {
  readonly counts = new Map<number, number>();
  count = 0;
  sum = 0;

  add(value: number, times = 1): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + times);
    this.count += times;
    this.sum += value * times;
  }

  /** Adds every observation of `other` to this histogram. */
  merge(other: Histogram): void {
    for (const [value, times] of other.counts) this.add(value, times);
  }

  /** Mean; `null` when empty. */
  mean(): number | null {
    return this.count === 0 ? null : this.sum / this.count;
  }

  /** Median; the mean of the two middle values for an even count; `null` when empty. */
  median(): number | null {
    if (this.count === 0) return null;
    const values = [...this.counts.keys()].sort((a, b) => a - b);
    const lowRank = Math.floor((this.count - 1) / 2); // 0-based ranks of the middle value(s)
    const highRank = Math.floor(this.count / 2);
    let seen = 0;
    let low: number | null = null;
    for (const v of values) {
      seen += this.counts.get(v) ?? 0;
      if (low === null && seen > lowRank) low = v;
      if (seen > highRank) return ((low ?? v) + v) / 2;
    }
    return null; // unreachable: count > 0
  }
}
