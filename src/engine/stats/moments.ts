import { MoneySum } from '../money.js';

const LIMIT = 2 ** 53;
/** Below this, x² is a safe integer (⌊√(2⁵³ − 1)⌋ = 94,906,265). */
const SQUARE_SAFE = 94_906_266;

/**
 * Count, sum and sum of squares of whole numbers (amounts in minor units,
 * cycle lengths in days), kept exactly: the sums are integers that spill
 * into a `bigint` when they outgrow 2⁵³, so nothing is rounded until the
 * mean and variance are read. That makes the variance as stable as it can
 * be (no cancellation between rounded sums) and merging exact: splitting
 * the values in two, summing each and merging gives the same state.
 */
export class Moments {
  /** How many values were added. */
  n = 0;
  private readonly total = new MoneySum();
  private squaresLo = 0;
  private squaresHi = 0n;

  /** Adds a value: a safe integer. */
  add(x: number): void {
    this.n++;
    this.total.add(x);
    if (x < SQUARE_SAFE && x > -SQUARE_SAFE) {
      const sq = x * x;
      const s = this.squaresLo + sq;
      if (s < LIMIT) this.squaresLo = s;
      else {
        this.squaresHi += BigInt(this.squaresLo) + BigInt(sq);
        this.squaresLo = 0;
      }
    } else {
      const b = BigInt(x);
      this.squaresHi += b * b;
    }
  }

  /** Adds everything of another. */
  merge(other: Moments): void {
    this.n += other.n;
    this.total.addSum(other.total);
    this.squaresHi += other.squaresHi;
    const s = this.squaresLo + other.squaresLo;
    if (s < LIMIT) this.squaresLo = s;
    else {
      this.squaresHi += BigInt(this.squaresLo) + BigInt(other.squaresLo);
      this.squaresLo = 0;
    }
  }

  /** Σx, exactly. */
  sum(): bigint {
    return this.total.value();
  }

  /** Σx², exactly. */
  sumOfSquares(): bigint {
    return this.squaresHi + BigInt(this.squaresLo);
  }

  /** The mean; `null` when empty. */
  mean(): number | null {
    return this.n === 0 ? null : Number(this.sum()) / this.n;
  }

  /**
   * The sample variance (n − 1 in the denominator),
   * (n·Σx² − (Σx)²) / (n·(n − 1)), with the numerator computed exactly;
   * `null` with fewer than two values.
   */
  variance(): number | null {
    if (this.n < 2) return null;
    const n = BigInt(this.n);
    const s = this.sum();
    return Number(n * this.sumOfSquares() - s * s) / (this.n * (this.n - 1));
  }
}
