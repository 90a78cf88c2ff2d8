/** Values below this are counted in an array; others (rare for cycle days) in a map. */
const DENSE_LIMIT = 4096;

/**
 * A histogram of whole numbers (sales-cycle days): exact count, sum, mean and
 * median in memory that grows with the number of distinct values, not with
 * the number of observations.
 */
export class Histogram {
  /** Counts of the values 0 .. DENSE_LIMIT − 1, grown as needed. */
  private dense = new Float64Array(0);
  /** Counts of other values. */
  private sparse: Map<number, number> | null = null;
  count = 0;
  sum = 0;

  add(value: number, times = 1): void {
    if (value >= 0 && value < DENSE_LIMIT && Number.isInteger(value)) {
      if (value >= this.dense.length) {
        const grown = new Float64Array(Math.min(DENSE_LIMIT, Math.max(64, this.dense.length * 2, value + 1)));
        grown.set(this.dense);
        this.dense = grown;
      }
      this.dense[value] = (this.dense[value] as number) + times;
    } else {
      this.sparse ??= new Map();
      this.sparse.set(value, (this.sparse.get(value) ?? 0) + times);
    }
    this.count += times;
    this.sum += value * times;
  }

  /** Each distinct value and how many times it was added, in ascending order. */
  entries(): [value: number, times: number][] {
    const out: [number, number][] = [];
    for (let v = 0; v < this.dense.length; v++) {
      const times = this.dense[v] as number;
      if (times > 0) out.push([v, times]);
    }
    if (this.sparse !== null) {
      out.push(...this.sparse);
      out.sort((a, b) => a[0] - b[0]);
    }
    return out;
  }

  /** Adds every observation of `other` to this histogram. */
  merge(other: Histogram): void {
    for (const [value, times] of other.entries()) this.add(value, times);
  }

  /** Mean; `null` when empty. */
  mean(): number | null {
    return this.count === 0 ? null : this.sum / this.count;
  }

  /** Median; the mean of the two middle values for an even count; `null` when empty. */
  median(): number | null {
    if (this.count === 0) return null;
    const lowRank = Math.floor((this.count - 1) / 2); // 0-based ranks of the middle value(s)
    const highRank = Math.floor(this.count / 2);
    let seen = 0;
    let low: number | null = null;
    for (const [v, times] of this.entries()) {
      seen += times;
      if (low === null && seen > lowRank) low = v;
      if (seen > highRank) return ((low ?? v) + v) / 2;
    }
    return null; // unreachable: count > 0
  }
}
