import { beforeAll, describe, expect, it } from 'vitest';
import { type Distributions, loadDistributions } from '../../src/engine/stats/distributions.js';
import { Moments } from '../../src/engine/stats/moments.js';
import {
  newcombeInterval,
  sampleSizePerArm,
  twoProportionZTest,
  wilsonInterval,
} from '../../src/engine/stats/proportions.js';
import { welchTTest } from '../../src/engine/stats/welch.js';

/**
 * The A/B statistics against published worked examples. Published figures
 * are given to 4 decimals (or as printed), so they are compared to that
 * many places.
 */

let dist: Distributions;
beforeAll(async () => {
  dist = await loadDistributions();
});

/** z₀.₉₇₅, the 95% two-sided normal quantile (any table: 1.959964). */
const Z = 1.959963984540054;

describe('distributions', () => {
  it('normal quantile and CDF: z₀.₉₇₅ = 1.959964, z₀.₈ = 0.841621, Φ(1.959964) = 0.975', () => {
    expect(dist.normalQuantile(0.975)).toBeCloseTo(Z, 12);
    expect(dist.normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 12);
    expect(dist.normalCdf(Z)).toBeCloseTo(0.975, 12);
  });

  it("Student's t: t₀.₉₇₅ with 10 df = 2.228139 (t tables), and the CDF inverts it", () => {
    expect(dist.tQuantile(0.975, 10)).toBeCloseTo(2.228138851986, 9);
    expect(dist.tCdf(2.228138851986, 10)).toBeCloseTo(0.975, 9);
  });
});

describe('wilsonInterval: Newcombe (1998), Statistics in Medicine 17:857–872, Table I, method 3', () => {
  // Worked by hand for 81/263: p = 0.307985, z²/n = 3.841459/263 = 0.014606,
  // centre = (0.307985 + 0.007303) / 1.014606 = 0.310749,
  // half = (1.959964 / 1.014606) × √(0.307985 × 0.692015 / 263 + 3.841459 / (4 × 263²))
  //      = 1.931749 × √(0.00081038 + 0.00001388) = 1.931749 × 0.028710 = 0.055461
  // → 0.255288 .. 0.366210, printed 0.2553–0.3662.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → %f – %f', (x, n, low, high) => {
    const i = wilsonInterval(x, n, Z);
    expect(i?.low).toBeCloseTo(low, 4);
    expect(i?.high).toBeCloseTo(high, 4);
  });

  it('0/n starts at 0 exactly and n/n ends at 1 exactly, mirror images: 0/10 → 0 – z²/(n + z²) = 3.841459/13.841459 = 0.277533', () => {
    expect(wilsonInterval(0, 10, Z)).toEqual({ low: 0, high: expect.closeTo(0.277533, 6) as number });
    const full = wilsonInterval(10, 10, Z);
    expect(full?.high).toBe(1);
    expect(full?.low).toBeCloseTo(1 - 0.277533, 6);
  });

  it('no deals: null, never NaN', () => {
    expect(wilsonInterval(0, 0, Z)).toBeNull();
  });
});

describe('newcombeInterval: Newcombe (1998), Statistics in Medicine 17:873–890, Table II, method 10', () => {
  it.each([
    // (a) and (b) of the paper
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    // (d) to (h): the boundary cases
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [0, 10, 0, 10, -0.2775, 0.2775],
    [10, 10, 0, 20, 0.6791, 1.0],
    [10, 10, 0, 10, 0.6075, 1.0],
  ])('%i/%i − %i/%i → %f to %f', (x1, n1, x2, n2, low, high) => {
    const i = newcombeInterval(x1, n1, x2, n2, Z);
    expect(i?.low).toBeCloseTo(low, 4);
    expect(i?.high).toBeCloseTo(high, 4);
  });

  it('(g) by hand: 10/10 − 0/20 → 1 − √((1 − 10/13.841459)² + (3.841459/23.841459)²) = 1 − √(0.277533² + 0.161123²) = 0.679090', () => {
    expect(newcombeInterval(10, 10, 0, 20, Z)?.low).toBeCloseTo(0.67909, 5);
  });

  it('an empty arm: null', () => {
    expect(newcombeInterval(1, 2, 0, 0, Z)).toBeNull();
  });
});

describe('twoProportionZTest (pooled standard error)', () => {
  it('statsmodels proportions_ztest documentation example: 5/83 vs 12/99 → z = −1.408, p = 0.159', () => {
    // Pooled p̂ = 17/182 = 0.093407; SE = √(0.093407 × 0.906593 × (1/83 + 1/99)) = 0.0433087;
    // z = (0.060241 − 0.121212) / 0.0433087 = −1.40783 (statsmodels' own test: −1.4078304151258787,
    // p 0.15918129181156992).
    const r = twoProportionZTest(5, 83, 12, 99, dist);
    expect(r?.z).toBeCloseTo(-1.4078304151258787, 10);
    expect(r?.pValue).toBeCloseTo(0.15918129181156992, 10);
  });

  it("Newcombe's example (a), 56/70 vs 48/80: z = 2.6502, p = 0.0080", () => {
    // p̂ = 104/150 = 0.693333; SE = √(0.693333 × 0.306667 × (1/70 + 1/80)) = √(0.212622 × 0.0267857) = 0.0754668;
    // z = 0.2 / 0.0754668 = 2.65017; p = 2Φ(−2.65017) = 0.0080451 (Φ from erfc, computed apart).
    const r = twoProportionZTest(56, 70, 48, 80, dist);
    expect(r?.z).toBeCloseTo(2.6501719512585327, 10);
    expect(r?.pValue).toBeCloseTo(0.00804508136819659, 10);
    // z² is Pearson's χ² of the 2×2 table without continuity correction:
    // expected won 70 × 104/150 = 48.5333 and 80 × 104/150 = 55.4667, lost 21.4667 and 24.5333;
    // χ² = 7.4667² × (1/48.5333 + 1/55.4667 + 1/21.4667 + 1/24.5333) = 55.7511 × 0.125978 = 7.02341.
    expect((r?.z ?? 0) ** 2).toBeCloseTo(7.02341, 4);
  });

  it('all won (or all lost) in both arms, or an empty arm: null, never NaN', () => {
    expect(twoProportionZTest(5, 5, 7, 7, dist)).toBeNull();
    expect(twoProportionZTest(0, 5, 0, 7, dist)).toBeNull();
    expect(twoProportionZTest(0, 0, 3, 7, dist)).toBeNull();
  });
});

describe('sampleSizePerArm (α = 0.05 two-sided)', () => {
  it("R's power.prop.test documentation example: p₁ = 0.50, p₂ = 0.75, power 0.90 → n = 76.7, so 77 per arm", () => {
    // (1.959964 × √(2 × 0.625 × 0.375) + 1.281552 × √(0.25 + 0.1875))² / 0.25²
    // = (1.959964 × 0.684653 + 1.281552 × 0.661438)² / 0.0625 = (1.341896 + 0.847661)² / 0.0625 = 76.707
    expect(sampleSizePerArm(0.5, 0.75, 0.05, 0.9, dist)).toBe(77);
  });

  it('the same rates at 80% power: (1.341896 + 0.841621 × 0.661438)² / 0.0625 = 1.898577² / 0.0625 = 57.67 → 58', () => {
    expect(sampleSizePerArm(0.5, 0.75, 0.05, 0.8, dist)).toBe(58);
    expect(sampleSizePerArm(0.75, 0.5, 0.05, 0.8, dist)).toBe(58); // symmetric
  });

  it('equal rates: no sample detects a zero difference → null', () => {
    expect(sampleSizePerArm(0.4, 0.4, 0.05, 0.8, dist)).toBeNull();
  });
});

describe("welchTTest (Welch's t, Welch–Satterthwaite df)", () => {
  it('NAG Library g07cac example: nx = 4, ny = 8, means 25.0 and 21.0, sd 0.8185 and 4.2083', () => {
    // Published: t = 2.5922, df = 7.9925, p = 0.0320, 95% CI 0.4410 .. 7.5590.
    // By hand: s²/n = 0.66994/4 = 0.167485 and 17.70979/8 = 2.213724; SE = √2.381209 = 1.543117;
    // t = 4 / 1.543117 = 2.59216; df = 2.381209² / (0.167485²/3 + 2.213724²/7) = 5.670156 / 0.709430 = 7.99255.
    const r = welchTTest(
      { n: 4, mean: 25, variance: 0.8185 ** 2 },
      { n: 8, mean: 21, variance: 4.2083 ** 2 },
      0.95,
      dist,
    );
    expect(r?.t).toBeCloseTo(2.5922, 4);
    expect(r?.df).toBeCloseTo(7.9925, 4);
    expect(r?.pValue).toBeCloseTo(0.032, 4);
    expect(r?.low).toBeCloseTo(0.441, 4);
    expect(r?.high).toBeCloseTo(7.559, 4);
  });

  it("raw data through Moments: R's t.test(c(11,9,10,11,10,12,9,11,12,9), c(11,13,10,13,12,9,11,12,12,11))", () => {
    // R prints t = −1.8325, df = 17.9, p-value = 0.08356, 95% CI −2.1469104 .. 0.1469104.
    // By hand: means 10.4 and 11.4; Σ(x − m)² = 12.4 and 14.4, variances 1.377778 and 1.6;
    // SE = √(0.137778 + 0.16) = 0.545690; t = −1 / 0.545690 = −1.832542;
    // df = 0.297778² / ((0.137778² + 0.16²)/9) = 0.0886716 / 0.00495363 = 17.9003.
    const a = new Moments();
    const b = new Moments();
    for (const x of [11, 9, 10, 11, 10, 12, 9, 11, 12, 9]) a.add(x);
    for (const x of [11, 13, 10, 13, 12, 9, 11, 12, 12, 11]) b.add(x);
    expect([a.mean(), a.variance(), b.mean(), b.variance()]).toEqual([10.4, 12.4 / 9, 11.4, 1.6]);
    const r = welchTTest(
      { n: a.n, mean: a.mean() ?? 0, variance: a.variance() ?? 0 },
      { n: b.n, mean: b.mean() ?? 0, variance: b.variance() ?? 0 },
      0.95,
      dist,
    );
    expect(r?.t).toBeCloseTo(-1.8325416653445787, 10);
    expect(r?.df).toBeCloseTo(17.900310146211783, 9);
    expect(r?.pValue).toBeCloseTo(0.08356, 5);
    expect(r?.low).toBeCloseTo(-2.1469104, 6);
    expect(r?.high).toBeCloseTo(0.1469104, 6);
  });

  it('fewer than two values, or no variation in either sample: null, never NaN', () => {
    expect(welchTTest({ n: 1, mean: 5, variance: 0 }, { n: 5, mean: 4, variance: 1 }, 0.95, dist)).toBeNull();
    expect(welchTTest({ n: 3, mean: 5, variance: 0 }, { n: 5, mean: 4, variance: 0 }, 0.95, dist)).toBeNull();
  });

  it('one sample without variation: df is the other’s n − 1', () => {
    // va = 0 → df = vb² / (vb²/(nb − 1)) = nb − 1 = 4; t = 1 / √(1/5) = 2.236068.
    const r = welchTTest({ n: 3, mean: 5, variance: 0 }, { n: 5, mean: 4, variance: 1 }, 0.95, dist);
    expect(r?.df).toBe(4);
    expect(r?.t).toBeCloseTo(Math.sqrt(5), 12);
  });
});

describe('Moments: exact sums, so the variance has no cancellation error', () => {
  it('three values near 10¹⁵ (amounts in minor units) have variance exactly 1', () => {
    // 10¹⁵ + 1, + 2, + 3: mean 10¹⁵ + 2, squared deviations 1 + 0 + 1 = 2, variance 2/2 = 1.
    // Summing squares in floating point (≈ 3 × 10³⁰) would lose every digit of that.
    const m = new Moments();
    for (const x of [1e15 + 1, 1e15 + 2, 1e15 + 3]) m.add(x);
    expect(m.variance()).toBe(1);
    expect(m.sum()).toBe(3n * 10n ** 15n + 6n);
    expect(m.sumOfSquares()).toBe(3n * 10n ** 30n + 12n * 10n ** 15n + 14n);
  });

  it('merging two halves gives the same state as adding everything', () => {
    const values = [3, -7, 94_906_266, 12, 2 ** 52, -(2 ** 40), 0, 5];
    const whole = new Moments();
    for (const x of values) whole.add(x);
    const left = new Moments();
    const right = new Moments();
    values.forEach((x, i) => (i % 3 === 0 ? left : right).add(x));
    left.merge(right);
    expect([left.n, left.sum(), left.sumOfSquares(), left.variance()]).toEqual([
      whole.n,
      whole.sum(),
      whole.sumOfSquares(),
      whole.variance(),
    ]);
  });

  it('empty: null mean; one value: null variance', () => {
    const m = new Moments();
    expect(m.mean()).toBeNull();
    m.add(4);
    expect([m.mean(), m.variance()]).toEqual([4, null]);
  });
});
