import type { Distributions } from './distributions.js';

/** A confidence interval. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * The Wilson score interval (Wilson 1927; Newcombe 1998, method 3) of a
 * proportion x / n, without continuity correction:
 *
 *   (p + z²/2n ± z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n),  p = x / n.
 *
 * Inside 0..1 even for x = 0 or x = n. `null` when n = 0.
 */
export function wilsonInterval(x: number, n: number, z: number): Interval | null {
  if (n === 0) return null;
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At x = 0 (x = n) the low (high) end is 0 (1) exactly; the formula would leave rounding there.
  return { low: x === 0 ? 0 : Math.max(0, centre - half), high: x === n ? 1 : Math.min(1, centre + half) };
}

/**
 * Newcombe's hybrid score interval (Newcombe 1998, method 10) of the
 * difference p₁ − p₂ of two independent proportions, from the Wilson
 * intervals (l₁, u₁) and (l₂, u₂):
 *
 *   d − √((p₁ − l₁)² + (u₂ − p₂)²)  to  d + √((u₁ − p₁)² + (p₂ − l₂)²).
 *
 * `null` when either n is 0.
 */
export function newcombeInterval(x1: number, n1: number, x2: number, n2: number, z: number): Interval | null {
  const w1 = wilsonInterval(x1, n1, z);
  const w2 = wilsonInterval(x2, n2, z);
  if (w1 === null || w2 === null) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const d = p1 - p2;
  return {
    low: d - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2),
    high: d + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2),
  };
}

/** A two-sided test's statistic and p-value. */
export interface ZTest {
  z: number;
  /** Two-sided: 2·Φ(−|z|). */
  pValue: number;
}

/**
 * The two-proportion z-test with the pooled standard error:
 *
 *   z = (p₁ − p₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)),  p̂ = (x₁ + x₂) / (n₁ + n₂).
 *
 * (z² is Pearson's χ² of the 2×2 table, without continuity correction.)
 * `null` when either n is 0, or when p̂ is 0 or 1 (every deal of both arms
 * had the same outcome: there is no variation to test).
 */
export function twoProportionZTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  dist: Pick<Distributions, 'normalCdf'>,
): ZTest | null {
  if (n1 === 0 || n2 === 0) return null;
  const pooled = (x1 + x2) / (n1 + n2);
  if (pooled === 0 || pooled === 1) return null;
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = (x1 / n1 - x2 / n2) / se;
  return { z, pValue: 2 * dist.normalCdf(-Math.abs(z)) };
}

/**
 * The number of deals per arm a two-sided two-proportion z-test at level
 * `alpha` needs to detect the difference between p₁ and p₂ with the given
 * power (Fleiss, Levin & Paik, without continuity correction; the n that R's
 * `power.prop.test` solves for):
 *
 *   n = (z₁₋α/₂·√(2·p̄·q̄) + z_power·√(p₁q₁ + p₂q₂))² / (p₁ − p₂)²,
 *   p̄ = (p₁ + p₂)/2, q = 1 − p,
 *
 * rounded up. `null` when p₁ = p₂: no sample detects a zero difference.
 */
export function sampleSizePerArm(
  p1: number,
  p2: number,
  alpha: number,
  power: number,
  dist: Pick<Distributions, 'normalQuantile'>,
): number | null {
  if (p1 === p2) return null;
  const zAlpha = dist.normalQuantile(1 - alpha / 2);
  const zPower = dist.normalQuantile(power);
  const mean = (p1 + p2) / 2;
  const root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zPower * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  const n = (root * root) / ((p1 - p2) * (p1 - p2));
  // A whole n computed a hair above itself (76.000000001) is still 76.
  return Math.ceil(n - 1e-9);
}
