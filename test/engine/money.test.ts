import { describe, expect, it } from 'vitest';
import { type DealAggregate, divRound, MINOR_PER_UNIT, moneyToNumber, parseDecimal } from '../../src/engine/index.js';
import { aggregate, deal, range, run } from './deal-builder.js';

/** Sum of the exact revenue (minor units) of every cell of every group. */
function exactRevenue(agg: DealAggregate): bigint {
  let total = 0n;
  for (const c of agg.all.cells.values()) total += c.revenue.value();
  return total;
}

const JAN = range('2025-01-01', '2025-01-31');

function wonDeals(amounts: readonly string[]) {
  return amounts.map((amount, i) =>
    deal({ id: `D${i}`, status: 'won', amount, created: '2025-01-01', closed: '2025-01-15', account: 'A' }),
  );
}

describe('parseDecimal: decimal → minor units (1 unit = 10,000)', () => {
  it('has 10,000 minor units per unit', () => {
    expect(MINOR_PER_UNIT).toBe(10_000n);
  });

  it.each([
    ['1234.5', 12_345_000],
    ['-20', -200_000],
    ['0', 0],
    ['.5', 5_000],
    ['-.5', -5_000],
    ['+3.25', 32_500],
    ['0.0001', 1],
    ['0.1', 1_000],
    // The largest amount held exactly: 2⁵³ − 1 minor units.
    ['900719925474.0991', 9_007_199_254_740_991],
    ['-900719925474.0991', -9_007_199_254_740_991],
  ])('%s → %s', (s, minor) => {
    expect(parseDecimal(s)).toBe(minor);
  });

  // 900719925474.0992 is 2⁵³ minor units: too large for one amount (sums may be larger).
  it.each(['0.00001', '1,234', '1e3', '', ' 1', 'abc', '1.2.3', '.', '-', '900719925474.0992', '9007199254740.99'])(
    'rejects %j',
    (s) => {
      expect(parseDecimal(s)).toBeNull();
    },
  );
});

describe('divRound: division rounded half away from zero', () => {
  it.each([
    [5n, 2n, 3n], // 2.5 → 3
    [-5n, 2n, -3n], // −2.5 → −3
    [5n, -2n, -3n],
    [-5n, -2n, 3n],
    [7n, 2n, 4n], // 3.5 → 4
    [4n, 3n, 1n], // 1.33 → 1
    [5n, 3n, 2n], // 1.67 → 2
    [-4n, 3n, -1n],
    [0n, 7n, 0n],
    [-1n, 3n, 0n], // −0.33 → 0
  ])('%s / %s = %s', (a, b, q) => {
    expect(divRound(a, b)).toBe(q);
  });
});

describe('moneyToNumber: units rounded once to the cent, half away from zero', () => {
  it.each([
    [12_345_000n, 1, 1234.5],
    [150n, 1, 0.02], // 0.015 → 0.02
    [-150n, 1, -0.02], // −0.015 → −0.02
    [149n, 1, 0.01], // 0.0149 → 0.01
    [50n, 1, 0.01], // 0.005 → 0.01
    [-50n, 1, -0.01],
    [49n, 1, 0], // 0.0049 → 0
    [300n, 2, 0.02], // (0.01 + 0.02) / 2 = 0.015 → 0.02
    [-300n, 2, -0.02],
    [1_000_000n, 3, 33.33], // 100 / 3 = 33.333…
    [2_000_000n, 3, 66.67], // 200 / 3 = 66.666…
    [30_150n, 3, 1.01], // 3.015 / 3 = 1.005 → 1.01 (floating point would give 1.00)
    [5_001_250n, 1, 500.13], // docs/metrics.md: 500.125 → 500.13
    [-5_001_250n, 1, -500.13],
  ])('%s / %i → %s', (total, count, value) => {
    expect(moneyToNumber(total, count)).toBe(value);
  });

  it('is null for a count of 0', () => {
    expect(moneyToNumber(12_345n, 0)).toBeNull();
  });
});

describe('money in reports is exact', () => {
  it('0.1 + 0.2 of revenue is exactly 0.3 (3,000 minor units)', () => {
    // In floating point 0.1 + 0.2 = 0.30000000000000004; in minor units 1,000 + 2,000 = 3,000.
    const deals = wonDeals(['0.1', '0.2']);
    expect(exactRevenue(aggregate(deals, { window: JAN }))).toBe(3_000n);
    const r = run(deals, { window: JAN });
    expect(r.totals.revenue).toBe(0.3);
    // avg = 0.3 / 2 = 0.15 exactly.
    expect(r.totals.avg_deal_size).toBe(0.15);
  });

  it('11 × 900,000,000,000 + 0.01 is exactly 9,900,000,000,000.01 (past 2⁵³ minor units)', () => {
    // 11 × 9,000,000,000,000,000 + 100 = 99,000,000,000,000,100 minor units; 2⁵³ ≈ 9.007 × 10¹⁵.
    const deals = wonDeals([...Array.from({ length: 11 }, () => '900000000000'), '0.01']);
    expect(exactRevenue(aggregate(deals, { window: JAN }))).toBe(99_000_000_000_000_100n);
    expect(run(deals, { window: JAN }).totals.revenue).toBe(9_900_000_000_000.01);
  });

  it('sums of the largest amounts stay exact in the aggregate', () => {
    // 3 × 9,007,199,254,740,991 = 27,021,597,764,222,973 minor units; then − 1 minor unit.
    const deals = wonDeals(['900719925474.0991', '900719925474.0991', '900719925474.0991', '-0.0001']);
    expect(exactRevenue(aggregate(deals, { window: JAN }))).toBe(27_021_597_764_222_972n);
  });

  it('average of 0.01 and 0.02 = 0.015 rounds half away from zero to 0.02', () => {
    const r = run(wonDeals(['0.01', '0.02']), { window: JAN });
    expect(r.totals.revenue).toBe(0.03);
    expect(r.totals.avg_deal_size).toBe(0.02);
  });

  it('average of −0.01 and −0.02 = −0.015 rounds half away from zero to −0.02', () => {
    const r = run(wonDeals(['-0.01', '-0.02']), { window: JAN });
    expect(r.totals.revenue).toBe(-0.03);
    expect(r.totals.avg_deal_size).toBe(-0.02);
  });

  it('revenue is rounded to the cent once, after summing', () => {
    // 0.004 + 0.004 = 0.008 → 0.01 (rounding each first would give 0 + 0 = 0).
    expect(run(wonDeals(['0.004', '0.004']), { window: JAN }).totals.revenue).toBe(0.01);
    // 3 × 1.005 = 3.015 → 3.02; avg 1.005 → 1.01.
    const r = run(wonDeals(['1.005', '1.005', '1.005']), { window: JAN });
    expect(r.totals.revenue).toBe(3.02);
    expect(r.totals.avg_deal_size).toBe(1.01);
  });

  it('pipeline value is exact too', () => {
    // Open deals 0.1 + 0.2 → 0.3.
    const deals = ['0.1', '0.2'].map((amount, i) =>
      deal({ id: `O${i}`, status: 'open', amount, created: '2025-01-02', account: 'A' }),
    );
    const r = run(deals, { window: JAN });
    expect(r.totals.pipeline_value).toBe(0.3);
    expect(r.totals.deals_open).toBe(2);
  });
});
