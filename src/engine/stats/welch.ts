import type { Distributions } from './distributions.js';

/** What a two-sample t-test needs of each sample. */
export interface SampleSummary {
  n: number;
  mean: number;
  /** The sample variance (n − 1 in the denominator). */
  variance: number;
}

/** Welch's t-test of mean₁ − mean₂, with its confidence interval. */
export interface WelchTest {
  /** mean₁ − mean₂. */
  difference: number;
  /** √(s₁²/n₁ + s₂²/n₂). */
  standardError: number;
  t: number;
  /** Welch–Satterthwaite degrees of freedom (not a whole number in general). */
  df: number;
  /** Two-sided: 2·T_df(−|t|). */
  pValue: number;
  /** difference ± t_{(1+confidence)/2, df} × standard error. */
  low: number;
  high: number;
}

/**
 * Welch's unequal-variances t-test (Welch 1947):
 *
 *   t = (m₁ − m₂) / √(s₁²/n₁ + s₂²/n₂),
 *   df = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)).
 *
 * `difference` may be given when it is known more exactly than m₁ − m₂
 * (money means from exact sums). `null` when a sample has fewer than two
 * values, or when both variances are 0 (no variation to test).
 */
export function welchTTest(
  a: SampleSummary,
  b: SampleSummary,
  confidence: number,
  dist: Pick<Distributions, 'tCdf' | 'tQuantile'>,
  difference: number = a.mean - b.mean,
): WelchTest | null {
  if (a.n < 2 || b.n < 2) return null;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se2 = va + vb;
  if (!(se2 > 0)) return null;
  const standardError = Math.sqrt(se2);
  const t = difference / standardError;
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const margin = dist.tQuantile((1 + confidence) / 2, df) * standardError;
  return {
    difference,
    standardError,
    t,
    df,
    pValue: 2 * dist.tCdf(-Math.abs(t), df),
    low: difference - margin,
    high: difference + margin,
  };
}
