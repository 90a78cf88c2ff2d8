import { describe, expect, it } from 'vitest';
import {
  evaluateKgi,
  type KgiSpec,
  type MetricId,
  type MetricValues,
  planBackFromGoal,
  remainingMonths,
} from '../../src/engine/index.js';
import { day } from './deal-builder.js';

/** Metric values: the given ones, null for the others. */
function values(v: Partial<MetricValues>): MetricValues {
  return {
    revenue: null,
    deals_won: null,
    deals_lost: null,
    deals_open: null,
    pipeline_value: null,
    win_rate: null,
    avg_deal_size: null,
    sales_cycle_days_mean: null,
    sales_cycle_days_median: null,
    new_customers: null,
    customer_retention_rate: null,
    ...v,
  };
}

/** A KGI over calendar 2017 (365 days), behind counting as a warning. */
function kgi2017(metric: MetricId, target: number, extra: Partial<KgiSpec> = {}): KgiSpec {
  return { id: 'g', metric, target, start: day('2017-01-01'), deadline: day('2017-12-31'), behind: 'warn', ...extra };
}

/*
 * Calendar 2017: 365 days. As of 2017-09-30: Jan 31 + Feb 28 + Mar 31 + Apr 30 + May 31
 * + Jun 30 + Jul 31 + Aug 31 + Sep 30 = 273 days elapsed, both ends included.
 */
const MID = day('2017-09-30');
const ELAPSED_MID = 273 / 365;

describe('evaluateKgi: additive metric (revenue, target 1,000,000 in 2017)', () => {
  const revenue = kgi2017('revenue', 1_000_000);

  it('before the start: nothing elapsed, pace 0, on track with 0', () => {
    // As of 2016-12-31 the KGI window [2017-01-01, 2016-12-31] is empty: revenue 0.
    const r = evaluateKgi(revenue, day('2016-12-31'), values({ revenue: 0, deals_won: 0, deals_lost: 0 }));
    expect(r).toMatchObject({
      actual: 0,
      achievement: 0,
      elapsed: 0,
      paceTarget: 0,
      projection: null, // nothing elapsed: no run rate
      status: 'on_track', // 0 ≥ pace 0
      severity: 'pass',
      start: '2017-01-01',
      deadline: '2017-12-31',
    });
  });

  it('mid-way (273/365) behind pace: a warning', () => {
    // pace = 1,000,000 × 273/365 = 747,945.2054…; 700,000 < pace → behind.
    // projection = 700,000 × 365/273 = 255,500,000/273 = 935,897.4358…
    const r = evaluateKgi(revenue, MID, values({ revenue: 700_000 }));
    expect(r).toMatchObject({
      actual: 700_000,
      achievement: 0.7,
      elapsed: ELAPSED_MID,
      status: 'behind',
      severity: 'warn',
    });
    expect(r.paceTarget).toBeCloseTo(747_945.21, 2);
    expect(r.projection).toBeCloseTo(935_897.44, 2);
  });

  it('mid-way ahead of pace: on track', () => {
    // 750,000 ≥ 747,945.21; projection = 750,000 × 365/273 = 273,750,000/273 = 1,002,747.2527…
    const r = evaluateKgi(revenue, MID, values({ revenue: 750_000 }));
    expect(r).toMatchObject({ status: 'on_track', severity: 'pass', achievement: 0.75, elapsed: ELAPSED_MID });
    expect(r.projection).toBeCloseTo(1_002_747.25, 2);
  });

  it('behind: fail makes being behind pace a failure', () => {
    const r = evaluateKgi({ ...revenue, behind: 'fail' }, MID, values({ revenue: 700_000 }));
    expect(r).toMatchObject({ status: 'behind', severity: 'fail' });
  });

  it('actual exactly on the pace target is on track (revenue, 29 of 365 days)', () => {
    // target 365,000 as of 2017-01-29: elapsed 29/365, pace exactly 365,000 × 29/365 = 29,000.
    const spec = kgi2017('revenue', 365_000);
    const onPace = evaluateKgi(spec, day('2017-01-29'), values({ revenue: 29_000 }));
    expect(onPace.paceTarget).toBe(29_000);
    expect(onPace).toMatchObject({ elapsed: 29 / 365, status: 'on_track', severity: 'pass' });
    // a cent below pace is behind
    expect(evaluateKgi(spec, day('2017-01-29'), values({ revenue: 28_999.99 })).status).toBe('behind');
  });

  it('actual exactly on the pace target is on track (deals won, 29 of a 90-day quarter)', () => {
    // Q1 2025: Jan 31 + Feb 28 + Mar 31 = 90 days. Target 90 deals; as of 2025-01-29
    // elapsed 29/90, pace exactly 90 × 29/90 = 29 deals; 29 won is on pace.
    const spec: KgiSpec = {
      id: 'q1-deals',
      metric: 'deals_won',
      target: 90,
      start: day('2025-01-01'),
      deadline: day('2025-03-31'),
      behind: 'warn',
    };
    const r = evaluateKgi(spec, day('2025-01-29'), values({ deals_won: 29, deals_lost: 0 }));
    expect(r).toMatchObject({ paceTarget: 29, status: 'on_track', severity: 'pass' });
  });

  it('at the deadline: achieved when the target is met, else missed (a failure)', () => {
    const end = day('2017-12-31');
    const met = evaluateKgi(revenue, end, values({ revenue: 1_000_000 }));
    expect(met).toMatchObject({
      elapsed: 1,
      paceTarget: 1_000_000,
      projection: 1_000_000,
      achievement: 1,
      status: 'achieved',
      severity: 'pass',
    });
    const short = evaluateKgi(revenue, end, values({ revenue: 999_999.99 }));
    expect(short).toMatchObject({ elapsed: 1, status: 'missed', severity: 'fail' });
    // even when behind counts only as a warning
    expect(short.severity).toBe('fail');
  });

  it('after the deadline: elapsed stays 1, achieved or missed', () => {
    // The caller passes the metric over [start, deadline]; as of 2018-02-15.
    const after = day('2018-02-15');
    expect(evaluateKgi(revenue, after, values({ revenue: 1_200_000 }))).toMatchObject({
      elapsed: 1,
      achievement: 1.2,
      status: 'achieved',
      severity: 'pass',
    });
    expect(evaluateKgi(revenue, after, values({ revenue: 900_000 }))).toMatchObject({
      elapsed: 1,
      status: 'missed',
      severity: 'fail',
    });
  });

  it('carries the plan back from the goal, with the months left after the as-of date', () => {
    // As of 2017-09-30: 450,000 from 3 won deals (avg 150,000), 5 lost.
    // remaining 550,000 → ⌈550,000 / 150,000⌉ = ⌈3.67⌉ = 4 to win; win rate 3/8 → ⌈4 × 8 / 3⌉ = ⌈10.67⌉ = 11
    // to close; months Oct, Nov, Dec = 3 → ⌈4/3⌉ = 2 and ⌈11/3⌉ = 4 per month.
    const r = evaluateKgi(
      revenue,
      MID,
      values({ revenue: 450_000, deals_won: 3, deals_lost: 5, avg_deal_size: 150_000, win_rate: 3 / 8 }),
    );
    expect(r.plan).toEqual({
      remaining: 550_000,
      avgDealSize: 150_000,
      winRate: 3 / 8,
      dealsToWin: 4,
      dealsToClose: 11,
      remainingMonths: 3,
      dealsToWinPerMonth: 2,
      dealsToClosePerMonth: 4,
      reasons: [],
    });
  });
});

describe('evaluateKgi: ratio metric (win_rate, target 0.3) is compared directly', () => {
  const winRate = kgi2017('win_rate', 0.3);

  it('mid-way: the current value against the target itself, no pace scaling, no projection', () => {
    // 3 won / 10 closed = 0.3, equal to the target: on track.
    const on = evaluateKgi(winRate, MID, values({ win_rate: 3 / 10 }));
    expect(on).toMatchObject({
      actual: 0.3,
      achievement: 1,
      elapsed: ELAPSED_MID,
      paceTarget: 0.3, // not 0.3 × 273/365
      projection: null,
      status: 'on_track',
      severity: 'pass',
      plan: null,
    });
    // 0.25 < 0.3: behind, although 0.25 ≥ 0.3 × 273/365 = 0.2244
    const behind = evaluateKgi(winRate, MID, values({ win_rate: 0.25 }));
    expect(behind).toMatchObject({ status: 'behind', severity: 'warn' });
    expect(behind.achievement).toBeCloseTo(0.25 / 0.3, 12); // 0.8333…
  });

  it('at the deadline: achieved at or above the target, missed below', () => {
    const end = day('2017-12-31');
    expect(evaluateKgi(winRate, end, values({ win_rate: 0.3 }))).toMatchObject({ status: 'achieved', elapsed: 1 });
    expect(evaluateKgi(winRate, end, values({ win_rate: 0.29 }))).toMatchObject({
      status: 'missed',
      severity: 'fail',
    });
  });
});

describe('evaluateKgi: lower is better (sales_cycle_days_median, target 30 days)', () => {
  const cycle = kgi2017('sales_cycle_days_median', 30);

  it.each([
    [25, 'on_track'],
    [30, 'on_track'], // at the target
    [30.5, 'behind'],
  ] as const)('mid-way, %s days is %s', (median, status) => {
    const r = evaluateKgi(cycle, MID, values({ sales_cycle_days_median: median }));
    expect(r).toMatchObject({ status, paceTarget: 30, projection: null, plan: null });
  });

  it.each([
    [29, 'achieved', 'pass'],
    [30, 'achieved', 'pass'],
    [31, 'missed', 'fail'],
  ] as const)('at the deadline, %s days is %s', (median, status, severity) => {
    const r = evaluateKgi(cycle, day('2017-12-31'), values({ sales_cycle_days_median: median }));
    expect(r).toMatchObject({ status, severity });
  });
});

describe('evaluateKgi: no value', () => {
  it('is no_data (a warning) before the deadline and missed from it on', () => {
    const cycle = kgi2017('sales_cycle_days_median', 30);
    expect(evaluateKgi(cycle, MID, values({}))).toMatchObject({
      actual: null,
      achievement: null,
      status: 'no_data',
      severity: 'warn',
    });
    expect(evaluateKgi(cycle, day('2017-12-31'), values({}))).toMatchObject({ status: 'missed', severity: 'fail' });
  });
});

describe('remainingMonths: calendar months with a day after as-of, through the deadline', () => {
  it.each([
    ['2017-09-30', '2017-12-31', 3], // Oct, Nov, Dec
    ['2017-09-15', '2017-12-31', 4], // Sep 16–30, Oct, Nov, Dec
    ['2017-09-29', '2017-09-30', 1], // Sep 30
    ['2017-12-30', '2017-12-31', 1], // Dec 31
    ['2017-11-30', '2018-01-01', 2], // Dec 2017, Jan 1 2018
    ['2016-12-31', '2017-12-31', 12], // all of 2017
    ['2017-12-31', '2017-12-31', 0], // at the deadline
    ['2018-03-01', '2017-12-31', 0], // after it
  ])('as of %s, deadline %s: %i', (asOf, deadline, n) => {
    expect(remainingMonths(day(asOf), day(deadline))).toBe(n);
  });
});

describe('planBackFromGoal (逆算)', () => {
  const revenue = kgi2017('revenue', 1_000_000);

  it('the worked example: 600,000 to go at 150,000 a deal and a 3/8 win rate, over 3 months', () => {
    // remaining = 1,000,000 − 400,000 = 600,000; ⌈600,000 / 150,000⌉ = 4 (exact, not 5)
    // win rate 3 / (3 + 5) = 3/8 → ⌈4 / (3/8)⌉ = ⌈32/3⌉ = ⌈10.67⌉ = 11
    // per month over 3: ⌈4/3⌉ = 2, ⌈11/3⌉ = 4
    const v = values({ revenue: 400_000, avg_deal_size: 150_000, deals_won: 3, deals_lost: 5, win_rate: 3 / 8 });
    expect(planBackFromGoal(revenue, v, 3)).toEqual({
      remaining: 600_000,
      avgDealSize: 150_000,
      winRate: 3 / 8,
      dealsToWin: 4,
      dealsToClose: 11,
      remainingMonths: 3,
      dealsToWinPerMonth: 2,
      dealsToClosePerMonth: 4,
      reasons: [],
    });
  });

  it('rounds up exact quotients exactly: 11 deals at an 11/15 win rate is 15 to close, not 16', () => {
    // target 2,200,000; 1,100,000 from 11 won (avg 100,000), 4 lost → win rate 11/15.
    // remaining 1,100,000 → 11 to win; ⌈11 × 15 / 11⌉ = 15 (11 / (11/15) in floating point is 15.000000000000002).
    // per month over 2: ⌈11/2⌉ = 6, ⌈15/2⌉ = 8.
    const v = values({ revenue: 1_100_000, avg_deal_size: 100_000, deals_won: 11, deals_lost: 4, win_rate: 11 / 15 });
    expect(planBackFromGoal(kgi2017('revenue', 2_200_000), v, 2)).toMatchObject({
      remaining: 1_100_000,
      dealsToWin: 11,
      dealsToClose: 15,
      dealsToWinPerMonth: 6,
      dealsToClosePerMonth: 8,
    });
  });

  it('counts the remaining amount in cents: 0.01 to go is one more deal', () => {
    const v = values({ revenue: 999_999.99, avg_deal_size: 150_000, deals_won: 3, deals_lost: 5, win_rate: 3 / 8 });
    // ⌈0.01 / 150,000⌉ = 1 to win; ⌈1 × 8/3⌉ = 3 to close
    expect(planBackFromGoal(revenue, v, 3)).toMatchObject({ remaining: 0.01, dealsToWin: 1, dealsToClose: 3 });
  });

  it('remaining ≤ 0: nothing more to win or close', () => {
    const v = values({ revenue: 1_200_000, avg_deal_size: 200_000, deals_won: 6, deals_lost: 2, win_rate: 0.75 });
    expect(planBackFromGoal(revenue, v, 3)).toEqual({
      remaining: 0,
      avgDealSize: 200_000,
      winRate: 0.75,
      dealsToWin: 0,
      dealsToClose: 0,
      remainingMonths: 3,
      dealsToWinPerMonth: 0,
      dealsToClosePerMonth: 0,
      reasons: [],
    });
  });

  it('no deal won: the average deal size is unknown, so everything is null, with the reason', () => {
    const v = values({ revenue: 0, avg_deal_size: null, deals_won: 0, deals_lost: 2, win_rate: 0 });
    const plan = planBackFromGoal(revenue, v, 3);
    expect(plan).toMatchObject({
      remaining: 1_000_000,
      dealsToWin: null,
      dealsToClose: null,
      dealsToWinPerMonth: null,
      dealsToClosePerMonth: null,
      remainingMonths: 3,
    });
    expect(plan?.reasons.join('; ')).toMatch(/average deal size/);
  });

  it('a deals-won KGI with no deal closed: deals to win known, win rate unknown', () => {
    // target 10 deals, none won or lost: 10 to win (⌈10/3⌉ = 4 a month), to close unknown.
    const plan = planBackFromGoal(kgi2017('deals_won', 10), values({ deals_won: 0, deals_lost: 0 }), 3);
    expect(plan).toMatchObject({
      remaining: 10,
      dealsToWin: 10,
      dealsToClose: null,
      dealsToWinPerMonth: 4,
      dealsToClosePerMonth: null,
    });
    expect(plan?.reasons.join('; ')).toMatch(/win rate/);
  });

  it('a win rate of 0 (all lost): deals to close is null, with the reason', () => {
    const plan = planBackFromGoal(kgi2017('deals_won', 10), values({ deals_won: 0, deals_lost: 4, win_rate: 0 }), 3);
    expect(plan).toMatchObject({ dealsToWin: 10, dealsToClose: null, winRate: 0 });
    expect(plan?.reasons.join('; ')).toMatch(/win rate/);
  });

  it('no month left: the per-month figures are null, with the reason', () => {
    const v = values({ revenue: 400_000, avg_deal_size: 150_000, deals_won: 3, deals_lost: 5, win_rate: 3 / 8 });
    const plan = planBackFromGoal(revenue, v, 0);
    expect(plan).toMatchObject({
      dealsToWin: 4,
      dealsToClose: 11,
      remainingMonths: 0,
      dealsToWinPerMonth: null,
      dealsToClosePerMonth: null,
    });
    expect(plan?.reasons.join('; ')).toMatch(/month/);
  });

  it('is null for metrics it cannot plan', () => {
    expect(planBackFromGoal(kgi2017('win_rate', 0.3), values({ win_rate: 0.2 }), 3)).toBeNull();
  });
});
