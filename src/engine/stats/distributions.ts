/**
 * The distribution functions the A/B test needs, from the @stdlib
 * packages. They are passed into the statistics as an object, so that the
 * engine stays pure and the packages load only when a command asks for
 * them ({@link loadDistributions}): `salesmetrics report` and `--version`
 * never import them.
 */
export interface Distributions {
  /** Φ(x): the standard normal cumulative distribution function. */
  normalCdf(x: number): number;
  /** Φ⁻¹(p), for 0 < p < 1. */
  normalQuantile(p: number): number;
  /** The cumulative distribution function of Student's t with `df` degrees of freedom (any df > 0, not only whole numbers). */
  tCdf(x: number, df: number): number;
  /** Its inverse, for 0 < p < 1. */
  tQuantile(p: number, df: number): number;
}

/** Loads the @stdlib distribution packages. */
export async function loadDistributions(): Promise<Distributions> {
  const [normalCdf, normalQuantile, tCdf, tQuantile] = await Promise.all([
    import('@stdlib/stats-base-dists-normal-cdf'),
    import('@stdlib/stats-base-dists-normal-quantile'),
    import('@stdlib/stats-base-dists-t-cdf'),
    import('@stdlib/stats-base-dists-t-quantile'),
  ]);
  return {
    normalCdf: (x) => normalCdf.default(x, 0, 1),
    normalQuantile: (p) => normalQuantile.default(p, 0, 1),
    tCdf: (x, df) => tCdf.default(x, df),
    tQuantile: (p, df) => tQuantile.default(p, df),
  };
}
