import { divRound } from '../money.js';

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * An exact sum of fractions n / d, as the history-based forecast adds
 * amount × (won deals) / (closed deals). Numerators are summed per
 * denominator and put over one common denominator only when the value is
 * asked for, so the result is exact and rounded once.
 */
export class RationalSum {
  /** Denominator → sum of the numerators over it. */
  private readonly byDen = new Map<number, bigint>();

  /** Adds `num / den`; `den` is a positive whole number. */
  add(num: bigint, den: number): void {
    if (num === 0n) return;
    this.byDen.set(den, (this.byDen.get(den) ?? 0n) + num);
  }

  /** Adds every fraction of `other`. */
  addSum(other: RationalSum): void {
    for (const [den, num] of other.byDen) this.add(num, den);
  }

  /** The exact value as `num / den`, with `den > 0`. */
  fraction(): { num: bigint; den: bigint } {
    let num = 0n;
    let den = 1n;
    for (const [d0, n] of this.byDen) {
      const d = BigInt(d0);
      // lcm(den, d) = den × d / g; den is large and d small, so gcd(d, den mod d) is cheap.
      const g = gcd(d, den % d);
      const up = d / g;
      num = num * up + n * (den / g);
      den *= up;
    }
    return { num, den };
  }

  /** The value divided by `unit` (e.g. minor units per cent), rounded half away from zero. */
  rounded(unit: bigint): bigint {
    const { num, den } = this.fraction();
    return divRound(num, den * unit);
  }
}
