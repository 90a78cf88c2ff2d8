import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AbTestAggregate,
  abTestVariants,
  addAbTestDeal,
  analyzeAbTest,
  createAbTest,
  mergeAbTests,
} from '../../src/engine/abtest.js';
import type { Deal } from '../../src/engine/deal.js';
import { type Distributions, loadDistributions } from '../../src/engine/stats/distributions.js';
import { day, deal } from './deal-builder.js';

let dist: Distributions;
beforeAll(async () => {
  dist = await loadDistributions();
});

/** A deal with its variant value, as the CLI passes them. */
type Row = [Deal, string];

let n = 0;
function won(variant: string, amount: string, cycle?: number, closed = '2025-03-10', currency = 'JPY'): Row {
  const created = cycle === undefined ? null : ((day(closed) - cycle) as number);
  const d = deal({ id: `D${++n}`, status: 'won', amount, closed, currency });
  return [{ ...d, createdDate: created }, variant];
}
function lost(variant: string, closed = '2025-03-10'): Row {
  return [deal({ id: `D${++n}`, status: 'lost', amount: '800000', closed, currency: 'JPY' }), variant];
}
function times<T>(k: number, f: (i: number) => T): T[] {
  return Array.from({ length: k }, (_, i) => f(i));
}

/*
 * The deals of fixtures/deals-abtest-pitch.csv (see scripts/make-abtest-fixture.mjs):
 *
 *   old: 48 won of 80 closed; amounts 24 × 1,000,000 and 24 × 1,200,000; cycles of ten of them
 *        11 9 10 11 10 12 9 11 12 9 (the others have no created date)
 *   new: 56 won of 70 closed; amounts 28 × 1,000,000 and 28 × 1,400,000; cycles 11 13 10 13 12 9 11 12 12 11
 */
const OLD_CYCLES = [11, 9, 10, 11, 10, 12, 9, 11, 12, 9];
const NEW_CYCLES = [11, 13, 10, 13, 12, 9, 11, 12, 12, 11];
const PITCH: Row[] = [
  ...times(48, (i) => won('old', i < 24 ? '1000000' : '1200000', OLD_CYCLES[i])),
  ...times(32, () => lost('old')),
  ...times(56, (i) => won('new', i < 28 ? '1000000' : '1400000', NEW_CYCLES[i])),
  ...times(14, () => lost('new')),
];

function aggregate(rows: readonly Row[], window: { from: number; to: number } | null = null): AbTestAggregate {
  const agg = createAbTest({ window });
  for (const [d, v] of rows) addAbTestDeal(agg, d, v);
  return agg;
}

describe('analyzeAbTest: the pitch fixture, new against old', () => {
  it('each arm: closed deals, win rate with its Wilson interval, deal size and cycle', () => {
    const r = analyzeAbTest(aggregate(PITCH), { control: 'old' }, dist);
    // old: 48/80 = 0.6, Wilson 0.490455 – 0.700382; new: 56/70 = 0.8, Wilson 0.691834 – 0.876953
    // (computed apart from the formula in proportions.ts).
    // Deal sizes: old mean 1,100,000, deviations ±100,000 → s² = 48 × 10¹⁰ / 47, s = 100,000 × √(48/47) = 101,058.23;
    //             new mean 1,200,000, deviations ±200,000 → s = 200,000 × √(56/55) = 201,809.99.
    // Cycles: old mean 10.4, s = √(12.4/9) = 1.173788; new mean 11.4, s = √1.6 = 1.264911.
    expect(r.arms).toEqual([
      {
        variant: 'old',
        control: true,
        closed: 80,
        won: 48,
        lost: 32,
        win_rate: {
          value: 0.6,
          low: expect.closeTo(0.4904546500516039, 12),
          high: expect.closeTo(0.7003817240412905, 12),
        },
        avg_deal_size: { n: 48, value: 1_100_000, sd: 101_058.23 },
        sales_cycle_days_mean: { n: 10, value: 10.4, sd: expect.closeTo(1.1737877907772674, 12) },
      },
      {
        variant: 'new',
        control: false,
        closed: 70,
        won: 56,
        lost: 14,
        win_rate: {
          value: 0.8,
          low: expect.closeTo(0.6918335550374695, 12),
          high: expect.closeTo(0.8769526075163705, 12),
        },
        avg_deal_size: { n: 56, value: 1_200_000, sd: 201_809.99 },
        sales_cycle_days_mean: { n: 10, value: 11.4, sd: expect.closeTo(1.2649110640673518, 12) },
      },
    ]);
  });

  it('new − old: win rate (Newcombe, z-test, sample size), deal size and cycle (Welch)', () => {
    const r = analyzeAbTest(aggregate(PITCH), { control: 'old' }, dist);
    expect(r.comparisons).toHaveLength(1);
    const c = r.comparisons[0];
    expect(c?.variant).toBe('new');
    expect(c?.control).toBe('old');
    // Newcombe (1998) example (a): 56/70 − 48/80 = 0.2, 95% CI 0.0524 to 0.3339 (published).
    // Pooled z: p̂ = 104/150, SE = 0.0754668, z = 2.650172, p = 2Φ(−z) = 0.0080451.
    // Sample size: p = 0.6 and 0.8, p̄ = 0.7:
    //   (1.959964 × √(2 × 0.7 × 0.3) + 0.841621 × √(0.24 + 0.16))² / 0.2²
    //   = (1.959964 × 0.648074 + 0.841621 × 0.632456)² / 0.04 = (1.270202 + 0.532288)² / 0.04 = 81.22 → 82;
    //   70 closed deals in "new" < 82: underpowered.
    expect(c?.win_rate).toEqual({
      difference: expect.closeTo(0.2, 12),
      low: expect.closeTo(0.0524, 4),
      high: expect.closeTo(0.3339, 4),
      z: expect.closeTo(2.6501719512585327, 10),
      pValue: expect.closeTo(0.00804508136819659, 10),
      significant: true,
      sampleSizePerArm: 82,
      underpowered: true,
    });
    // Deal size: difference 100,000; SE = √(s²new/56 + s²old/48) = √(4×10¹⁰/55 + 10¹⁰/47) = 30,660.05;
    // t = 3.261573; df = SE⁴ / ((4×10¹⁰/55)²/55 + (10¹⁰/47)²/47) = 83.5229;
    // p = 0.0016052 and t₀.₉₇₅,₈₃.₅₂ = 1.988776 → 100,000 ± 60,975.96 (by numerical integration of the t density, apart).
    expect(c?.avg_deal_size).toEqual({
      difference: 100_000,
      low: 39_024.04,
      high: 160_975.96,
      t: expect.closeTo(3.2615732526350727, 9),
      df: expect.closeTo(83.52288564482478, 9),
      pValue: expect.closeTo(0.0016051880566935722, 8),
      significant: true,
    });
    // Cycle: R's t.test of the two samples the other way round (t = −1.8325, df = 17.9, p = 0.08356,
    // CI −2.1469104 .. 0.1469104), so here +1, t = 1.832542, CI −0.1469104 .. 2.1469104.
    expect(c?.sales_cycle_days_mean).toEqual({
      difference: expect.closeTo(1, 12),
      low: expect.closeTo(-0.1469104, 6),
      high: expect.closeTo(2.1469104, 6),
      t: expect.closeTo(1.8325416653445787, 9),
      df: expect.closeTo(17.900310146211783, 9),
      pValue: expect.closeTo(0.08355979161928191, 7),
      significant: false,
    });
    expect(r.warnings).toEqual([
      {
        code: 'underpowered',
        variant: 'new',
        control: 'old',
        needed: 82,
        difference: expect.closeTo(0.2, 12),
        variantClosed: 70,
        controlClosed: 80,
      },
    ]);
  });

  it('accounts for every deal: tested + open + outside the window + unassigned', () => {
    const extra: Row[] = [
      [deal({ id: 'X1', status: 'open', amount: '1', created: '2025-05-01' }), 'new'],
      [deal({ id: 'X2', status: 'won', amount: '1', closed: '2025-03-03', currency: 'JPY' }), ''],
      [deal({ id: 'X3', status: 'won', amount: '1', closed: '2024-12-10', currency: 'JPY' }), 'new'],
      [deal({ id: 'X4', status: 'lost', amount: '1', closed: '2025-07-01' }), 'old'],
    ];
    const agg = aggregate([...PITCH, ...extra], { from: day('2025-01-01'), to: day('2025-06-30') });
    const r = analyzeAbTest(agg, { control: 'old' }, dist);
    expect(r.deals).toEqual({ tested: 150, open: 1, outsideWindow: 2, unassigned: 1 });
    expect(agg.deals).toBe(154);
    expect(r.arms.map((a) => a.closed)).toEqual([80, 70]);
  });

  it('the default order puts the control first, then the others in text order', () => {
    const rows = [...PITCH, won('b-variant', '1'), lost('a-variant'), won('a-variant', '2')];
    const agg = aggregate(rows);
    expect(abTestVariants(agg)).toEqual(['a-variant', 'b-variant', 'new', 'old']);
    const r = analyzeAbTest(agg, { control: 'old' }, dist);
    expect(r.arms.map((a) => a.variant)).toEqual(['old', 'a-variant', 'b-variant', 'new']);
    expect(r.comparisons.map((c) => c.variant)).toEqual(['a-variant', 'b-variant', 'new']);
  });
});

describe('analyzeAbTest: small and degenerate samples give null with a warning, never NaN', () => {
  it('one won deal in an arm: no t-test for it; all won in both arms: no z-test; equal rates: no sample size', () => {
    // A: 1 won (cycle 5); B: 2 won (cycles 4, 6). Both 100% → pooled p̂ = 1 → no z-test;
    // rates equal → sample size and underpowered null. Newcombe, B − A = 2/2 − 1/1 = 0:
    // −(1 − l_B) .. +(1 − l_A), with the Wilson lows l_B = 2/(2 + z²) = 2/5.841459 = 0.342380
    // and l_A = 1/(1 + z²) = 1/4.841459 = 0.206549.
    const rows: Row[] = [won('A', '100', 5), won('B', '100', 4), won('B', '300', 6)];
    const r = analyzeAbTest(aggregate(rows), { control: 'A' }, dist);
    const c = r.comparisons[0];
    expect(c?.win_rate).toEqual({
      difference: 0,
      low: expect.closeTo(-(1 - 0.34238), 5),
      high: expect.closeTo(1 - 0.206549, 5),
      z: null,
      pValue: null,
      significant: null,
      sampleSizePerArm: null,
      underpowered: null,
    });
    // Deal size: difference (100 + 300)/2 − 100 = 100, but A has one value: no test.
    expect(c?.avg_deal_size).toEqual({
      difference: 100,
      low: null,
      high: null,
      t: null,
      df: null,
      pValue: null,
      significant: null,
    });
    expect(c?.sales_cycle_days_mean.difference).toBe(0);
    expect(c?.sales_cycle_days_mean.t).toBeNull();
    expect(r.arms[0]?.avg_deal_size).toEqual({ n: 1, value: 100, sd: null });
    expect(r.warnings).toEqual([
      { code: 'too_few_values', arm: 'A', metric: 'avg_deal_size', n: 1 },
      { code: 'too_few_values', arm: 'A', metric: 'sales_cycle_days_mean', n: 1 },
      { code: 'same_outcome', variant: 'B', control: 'A' },
    ]);
    expect(JSON.stringify(r)).not.toContain('NaN');
  });

  it('an arm that lost every deal: win rate 0 with a Wilson interval from 0, no deal size at all', () => {
    // A: 3 won of 4; B: 0 of 3. Wilson of 0/3: 0 .. z²/(3 + z²) = 3.841459/6.841459 = 0.561497.
    const rows: Row[] = [won('A', '1'), won('A', '2'), won('A', '3'), lost('A'), lost('B'), lost('B'), lost('B')];
    const r = analyzeAbTest(aggregate(rows), { control: 'A' }, dist);
    expect(r.arms[1]?.win_rate).toEqual({ value: 0, low: 0, high: expect.closeTo(0.561497, 6) });
    expect(r.arms[1]?.avg_deal_size).toEqual({ n: 0, value: null, sd: null });
    expect(r.comparisons[0]?.avg_deal_size.difference).toBeNull();
    // z-test: p̂ = 3/7, SE = √(3/7 × 4/7 × (1/3 + 1/4)) = √(0.244898 × 0.583333) = 0.377964; z = −0.75/0.377964 = −1.984313.
    expect(r.comparisons[0]?.win_rate.z).toBeCloseTo(-1.984313, 6);
  });

  it('no variation in either arm: the deal-size test is left out with a warning', () => {
    const rows: Row[] = [won('A', '5'), won('A', '5'), won('B', '7'), won('B', '7')];
    const r = analyzeAbTest(aggregate(rows), { control: 'A' }, dist);
    expect(r.comparisons[0]?.avg_deal_size).toMatchObject({ difference: 2, t: null, pValue: null });
    expect(r.warnings).toContainEqual({ code: 'no_variation', variant: 'B', control: 'A', metric: 'avg_deal_size' });
  });

  it('several currencies: deal sizes are not compared; counts, rates and cycles stay', () => {
    const rows: Row[] = [...PITCH, won('new', '10', undefined, '2025-03-10', 'USD')];
    const r = analyzeAbTest(aggregate(rows), { control: 'old' }, dist);
    expect(r.mixedCurrencies).toBe(true);
    expect(r.currencies).toEqual(['JPY', 'USD']);
    expect(r.arms[1]?.avg_deal_size).toEqual({ n: 57, value: null, sd: null });
    expect(r.comparisons[0]?.avg_deal_size.difference).toBeNull();
    expect(r.comparisons[0]?.win_rate.difference).toBeCloseTo(57 / 71 - 0.6, 12);
    expect(r.warnings[0]).toEqual({ code: 'mixed_currencies', currencies: ['JPY', 'USD'] });
  });
});

describe('mergeAbTests', () => {
  it('two halves aggregated apart and merged give the same analysis, in either order', () => {
    const rows = [...PITCH, won('third', '123.45', 3), lost('third')];
    const whole = analyzeAbTest(aggregate(rows), { control: 'old' }, dist);
    const a = aggregate(rows.filter((_, i) => i % 3 === 0));
    const b = aggregate(rows.filter((_, i) => i % 3 !== 0).reverse());
    expect(analyzeAbTest(mergeAbTests(a, b), { control: 'old' }, dist)).toEqual(whole);
    expect(analyzeAbTest(mergeAbTests(b, a), { control: 'old' }, dist)).toEqual(whole);
  });
});
