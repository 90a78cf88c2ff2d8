import { describe, expect, it } from 'vitest';
import {
  addPipelineDeal,
  backtestPeriods,
  buildPipeline,
  createPipeline,
  CycleHistory,
  CycleTable,
  type Deal,
  type DealStatus,
  forecastCategoryOf,
  forecastThrough,
  formatDay,
  type PipelineAggregate,
  type PipelineOptions,
  RationalSum,
  WeightedAmount,
} from '../../src/engine/index.js';
import { day, money } from './deal-builder.js';

describe('RationalSum', () => {
  it('adds fractions exactly and rounds once, half away from zero', () => {
    const thirds = new RationalSum();
    for (let i = 0; i < 3; i++) thirds.add(1n, 3);
    expect(thirds.rounded(1n)).toBe(1n); // 1/3 + 1/3 + 1/3 = 1 exactly, not 0.999…
    const half = new RationalSum();
    half.add(1n, 2);
    expect(half.rounded(1n)).toBe(1n); // 0.5 → 1
    const minusHalf = new RationalSum();
    minusHalf.add(-1n, 2);
    expect(minusHalf.rounded(1n)).toBe(-1n); // −0.5 → −1
    const f = new RationalSum();
    f.add(5n, 4); // 5/4 + 1/6 = 15/12 + 2/12 = 17/12
    f.add(1n, 6);
    const { num, den } = f.fraction();
    expect(num * 12n).toBe(17n * den);
  });

  it('sums many different denominators: H(50) = 1/1 + … + 1/50 = 4.4992053383…', () => {
    const h = new RationalSum();
    for (let d = 1; d <= 50; d++) h.add(1_000_000n, d);
    expect(h.rounded(1n)).toBe(4_499_205n); // 4.4992053383 × 10⁶ = 4 499 205.34 → 4 499 205
    const other = new RationalSum();
    other.addSum(h);
    other.addSum(h);
    expect(other.rounded(1n)).toBe(8_998_411n); // 8 998 410.68 → 8 998 411
  });
});

describe('CycleTable', () => {
  // Won cycles 10, 30, 5000 (past the histogram's dense range); lost 20, 30.
  const h = new CycleHistory();
  for (const c of [10, 30, 5000]) h.add(c, true);
  for (const c of [20, 30]) h.add(c, false);
  const t = new CycleTable(h);

  it('counts closed deals with a longer cycle and won deals in a range', () => {
    expect([t.closedDeals, t.wonDeals]).toEqual([5, 3]);
    expect(t.closedLonger(9)).toBe(5); // all of 10, 20, 30, 30, 5000
    expect(t.closedLonger(10)).toBe(4); // 20, 30, 30, 5000
    expect(t.closedLonger(30)).toBe(1); // 5000
    expect(t.closedLonger(5000)).toBe(0);
    expect(t.wonBetween(11, Infinity)).toBe(2); // 30, 5000
    expect(t.wonBetween(10, 30)).toBe(2); // 10, 30
    expect(t.wonBetween(31, 4999)).toBe(0);
    expect(t.wonBetween(40, 20)).toBe(0); // an empty range
  });
});

describe('WeightedAmount', () => {
  it('weights each amount by its own probability, else the stage default, exactly', () => {
    const w = new WeightedAmount();
    w.add(money('1000'), 750_000, null); // written "75": 75% in a percent file, 75 in a fraction file
    w.add(money('333.33'), null, 100_000); // stage default 0.1
    // Percent: 1000 × 0.75 + 333.33 × 0.1 = 750 + 33.333 = 783.333 (in millionths of a minor unit):
    // 10 000 000 × 750 000 + 3 333 300 × 100 000.
    expect(w.value('percent')).toBe(10_000_000n * 750_000n + 3_333_300n * 100_000n);
    const f = new WeightedAmount();
    f.add(money('1000'), 7_500, null); // written "0.75" in a fraction file
    expect(f.value('fraction')).toBe(10_000_000n * 750_000n);
  });

  it('is null when a deal has no probability at all', () => {
    const w = new WeightedAmount();
    w.add(money('10'), 500_000, null);
    w.add(money('20'), null, null);
    expect(w.value('percent')).toBeNull();
    expect(w.missing).toBe(1);
  });
});

describe('forecastCategoryOf', () => {
  it('reads Salesforce and HubSpot names, English and Japanese', () => {
    expect(
      ['Commit', 'Best Case', 'best_case', 'Most Likely', 'Pipeline', 'Omitted', 'Not forecasted', 'Upside'].map(
        forecastCategoryOf,
      ),
    ).toEqual(['commit', 'best_case', 'best_case', 'most_likely', 'pipeline', 'omitted', 'omitted', 'best_case']);
    expect(['達成予測', '最善達成予測', 'パイプライン', '売上予測から除外'].map(forecastCategoryOf)).toEqual([
      'commit',
      'best_case',
      'pipeline',
      'omitted',
    ]);
    expect(['', 'Closed', 'Likely'].map(forecastCategoryOf)).toEqual([null, null, null]);
  });
});

describe('backtestPeriods', () => {
  const cal = { granularity: 'quarter' as const, fiscalYearStart: 4 };
  it('takes the last whole periods ending on or before the as-of date, latest first', () => {
    // 2026-03-31 ends FY2025-Q4 (Jan–Mar 2026): that one counts.
    expect(backtestPeriods(cal, day('2026-03-31'), 2).map((r) => [formatDay(r.from), formatDay(r.to)])).toEqual([
      ['2026-01-01', '2026-03-31'],
      ['2025-10-01', '2025-12-31'],
    ]);
    // A day earlier, FY2025-Q4 is not over: Q3 and Q2.
    expect(backtestPeriods(cal, day('2026-03-30'), 2).map((r) => formatDay(r.from))).toEqual([
      '2025-10-01',
      '2025-07-01',
    ]);
  });
});

/** A deal of the tables below. */
interface Row {
  id: string;
  status: DealStatus;
  stage: string;
  amount: string;
  created: string | null;
  closed?: string;
  expected?: string;
  /** As written in a percent file. */
  probability?: number;
  lostStage?: string;
  segment?: string;
  category?: string;
}

function deal(r: Row): Deal {
  return {
    dealId: r.id,
    status: r.status,
    amount: money(r.amount),
    createdDate: r.created === null ? null : day(r.created),
    closeDate: r.closed === undefined ? null : day(r.closed),
    account: null,
    dims: { owner: '', team: '', segment: r.segment ?? '', channel: '', source: '', currency: 'JPY', appointer: '' },
    stage: r.stage,
    expectedCloseDate: r.expected === undefined ? null : day(r.expected),
    probability: r.probability === undefined ? null : r.probability * 10_000,
    forecastCategory: r.category ?? '',
    lostStage: r.lostStage ?? '',
  };
}

function options(o: Partial<Omit<PipelineOptions, 'asOf'>> & { asOf: string }): PipelineOptions {
  return {
    calendar: { granularity: 'month', fiscalYearStart: 1 },
    horizon: 2,
    staleDays: 90,
    stages: [],
    segmentBy: 'segment',
    backtest: 0,
    funnel: { from: -Infinity, to: Infinity },
    ...o,
    asOf: day(o.asOf),
  };
}

function aggregate(o: PipelineOptions, rows: readonly Row[]): PipelineAggregate {
  const agg = createPipeline(o);
  for (const r of rows) addPipelineDeal(agg, deal(r));
  return agg;
}

describe('pipeline without configured stages', () => {
  /*
   * As of 2025-06-30, months, horizon 2 (June, July); probabilities in percent.
   *
   * id  status stage       amount created     closed      expected    prob  age (as-of − created)
   * a1  open   Demo          1000 2025-06-01              2025-07-10   40    29
   * a2  open   Demo           500 2025-03-01              —            60    30 + 30 + 31 + 30 = 121 > 90: stale
   * a3  open   Intro         2000 2025-06-30              2025-06-29   10    0; expected before the as-of: stale
   * a4  open   Contract       300 —                       2025-08-15   —     (no probability, no default)
   * a5  open   Contract       700 2025-05-31              2025-07-31   90    30
   * c1  won    Closed Won     400 2025-06-10  2025-07-05               100   open on 06-30, closed since
   * c2  lost   Closed Lost     50 2025-06-15  2025-06-30               0     closed on the as-of date: not open
   * c3  won    Closed Won     250 2025-06-01  2025-06-20               100   won so far in June
   */
  const rows: Row[] = [
    {
      id: 'a1',
      status: 'open',
      stage: 'Demo',
      amount: '1000',
      created: '2025-06-01',
      expected: '2025-07-10',
      probability: 40,
    },
    { id: 'a2', status: 'open', stage: 'Demo', amount: '500', created: '2025-03-01', probability: 60 },
    {
      id: 'a3',
      status: 'open',
      stage: 'Intro',
      amount: '2000',
      created: '2025-06-30',
      expected: '2025-06-29',
      probability: 10,
    },
    { id: 'a4', status: 'open', stage: 'Contract', amount: '300', created: null, expected: '2025-08-15' },
    {
      id: 'a5',
      status: 'open',
      stage: 'Contract',
      amount: '700',
      created: '2025-05-31',
      expected: '2025-07-31',
      probability: 90,
    },
    {
      id: 'c1',
      status: 'won',
      stage: 'Closed Won',
      amount: '400',
      created: '2025-06-10',
      closed: '2025-07-05',
      probability: 100,
    },
    {
      id: 'c2',
      status: 'lost',
      stage: 'Closed Lost',
      amount: '50',
      created: '2025-06-15',
      closed: '2025-06-30',
      probability: 0,
    },
    {
      id: 'c3',
      status: 'won',
      stage: 'Closed Won',
      amount: '250',
      created: '2025-06-01',
      closed: '2025-06-20',
      probability: 100,
    },
  ];
  const agg = aggregate(options({ asOf: '2025-06-30' }), rows);
  const result = buildPipeline(agg, { probabilityScale: 'percent' });

  it('orders stages by the mean probability of their open deals', () => {
    // Intro 10; Demo (40 + 60) / 2 = 50; Contract 90 (a4 has none and does not count).
    expect(result.stageOrder).toBe('probability');
    expect(result.stages.map((s) => [s.stage, s.order])).toEqual([
      ['Intro', 1],
      ['Demo', 2],
      ['Contract', 3],
    ]);
  });

  it('gives count, amount, weighted amount, age and stale deals by stage', () => {
    expect(result.stages).toEqual([
      // a3: 2000 × 10% = 200; age 0; overdue → stale.
      {
        stage: 'Intro',
        order: 1,
        defaultProbability: null,
        deals: 1,
        amount: 2000,
        weighted: 200,
        avgAgeDays: 0,
        stale: { deals: 1, amount: 2000 },
      },
      // a1 1000 × 40% = 400, a2 500 × 60% = 300 → 700; ages (29 + 121) / 2 = 75; a2 stale.
      {
        stage: 'Demo',
        order: 2,
        defaultProbability: null,
        deals: 2,
        amount: 1500,
        weighted: 700,
        avgAgeDays: 75,
        stale: { deals: 1, amount: 500 },
      },
      // a4 has no probability: the stage's weighted amount is unknown. Age: a5 alone, 30.
      {
        stage: 'Contract',
        order: 3,
        defaultProbability: null,
        deals: 2,
        amount: 1000,
        weighted: null,
        avgAgeDays: 30,
        stale: { deals: 0, amount: 0 },
      },
    ]);
    // Ages 0, 29, 121, 30 → 180 / 4 = 45.
    expect(result.totals).toEqual({
      deals: 5,
      amount: 4500,
      weighted: null,
      avgAgeDays: 45,
      stale: { deals: 2, amount: 2500 },
    });
    expect(result.closedSince).toEqual({ won: { deals: 1, amount: 400 }, lost: { deals: 0, amount: 0 } });
  });

  it('forecasts each period: won so far + weighted deals expected in it; and from history', () => {
    /*
     * June: won so far c3 250; nothing expected on 06-30 itself → forecast 250.
     * July: a1 (07-10) 1000 × 40% = 400, a5 (07-31) 700 × 90% = 630 → 1030.
     * Overdue a3 (06-29): 200. Later a4 (08-15): no probability → null. No date: a2, 300.
     *
     * History as of 06-30: c2 lost with cycle 15, c3 won with cycle 19 (c1 closed after).
     * P(win | age a) = won(cycle > a) / closed(cycle > a):
     *   a3 age 0: 1 / 2 → 2000 × 1/2 = 1000, closing 06-30 + 19 = 07-19 (July).
     *   a1 (29), a2 (121), a5 (30), c1 (age 20): no closed deal with a longer cycle → not forecast;
     *   a4: no created date → not forecast. 5 deals, 1000 + 500 + 700 + 400 + 300 = 2900.
     * Open on 06-30: a1..a5 and c1, 1000 + 500 + 2000 + 300 + 700 + 400 = 4900;
     * P(win) over the deals forecast: 1000 / (4900 − 2900) = 0.5.
     */
    expect(result.forecast.periods).toEqual([
      {
        period: '2025-06',
        from: '2025-06-01',
        to: '2025-06-30',
        wonSoFar: 250,
        open: { deals: 0, amount: 0, weighted: 0 },
        forecast: 250,
        expected: 0,
        historyForecast: 250,
        categories: null,
      },
      {
        period: '2025-07',
        from: '2025-07-01',
        to: '2025-07-31',
        wonSoFar: 0,
        open: { deals: 2, amount: 1700, weighted: 1030 },
        forecast: 1030,
        expected: 1000,
        historyForecast: 1000,
        categories: null,
      },
    ]);
    expect(result.forecast.overdue).toEqual({ deals: 1, amount: 2000, weighted: 200 });
    expect(result.forecast.later).toEqual({ deals: 1, amount: 300, weighted: null });
    expect(result.forecast.undated).toEqual({ deals: 1, amount: 500, weighted: 300 });
    expect(result.history).toEqual({
      segmentBy: 'segment',
      openDeals: 6,
      amount: 4900,
      expected: 1000,
      winProbability: 0.5,
      later: 0,
      unforecastable: { deals: 5, amount: 2900 },
      segments: [
        {
          segment: '',
          closedDeals: 2,
          wonDeals: 1,
          openDeals: 6,
          amount: 4900,
          unforecastable: { deals: 5, amount: 2900 },
          expected: 1000,
          winProbability: 0.5,
          fallbackDeals: 0,
        },
      ],
    });
  });

  it('counts the funnel over the derived order', () => {
    // Open: Intro a3; Demo a1, a2; Contract a4, a5. Won c1, c3. Lost c2 at "Closed Lost", no lost stage:
    // counted at the first stage. Contract 2 + 2 won = 4; Demo 4 + 2 = 6; Intro 6 + 1 + 1 = 8.
    expect(result.funnel?.stages.map((s) => [s.stage, s.reached, s.open, s.lost])).toEqual([
      ['Intro', 8, 1, 1],
      ['Demo', 6, 2, 0],
      ['Contract', 4, 2, 0],
    ]);
    expect(result.funnel?.won).toEqual({ reached: 2, conversion: 2 / 4, cumulative: 2 / 8 });
  });

  it('says what it could not do, as data', () => {
    expect(result.notes).toEqual([
      { code: 'stage_order_from_probability', stages: ['Intro', 'Demo', 'Contract'] },
      { code: 'no_probability', stages: ['Contract'], deals: 1 },
      { code: 'closed_since', won: 1, lost: 0 },
      { code: 'unforecastable', deals: 5 },
      { code: 'lost_without_stage', deals: 1 },
    ]);
  });

  it('gives null money without an amount column, and counts still', () => {
    const r = buildPipeline(agg, { probabilityScale: 'percent', amounts: false });
    expect(r.totals).toEqual({
      deals: 5,
      amount: null,
      weighted: null,
      avgAgeDays: 45,
      stale: { deals: 2, amount: null },
    });
    expect(r.forecast.periods[1]).toMatchObject({ wonSoFar: null, forecast: null, expected: null });
  });
});

describe('the stage funnel', () => {
  /*
   * Configured order A, B, C. Created 2025-01-10 unless said.
   *   w1 won; w2 won, created 2024-12-31
   *   o1 open at A; o2 open at "c" (= C); o3 open at Z (not a configured stage); u1 open at A, no created date
   *   l1 lost, lost_stage B; l2 lost, lost_stage Q (not a stage); l3 lost, no lost_stage, its stage B
   *   (exports that keep the stage of lost deals); l4 lost at "Closed Lost", no lost_stage.
   */
  const rows: Row[] = [
    { id: 'w1', status: 'won', stage: 'Closed Won', amount: '1', created: '2025-01-10', closed: '2025-02-01' },
    { id: 'w2', status: 'won', stage: 'Closed Won', amount: '1', created: '2024-12-31', closed: '2025-02-01' },
    { id: 'o1', status: 'open', stage: 'A', amount: '1', created: '2025-01-10' },
    { id: 'o2', status: 'open', stage: 'c', amount: '1', created: '2025-01-10' },
    { id: 'o3', status: 'open', stage: 'Z', amount: '1', created: '2025-01-10' },
    { id: 'u1', status: 'open', stage: 'A', amount: '1', created: null },
    {
      id: 'l1',
      status: 'lost',
      stage: 'Closed Lost',
      lostStage: 'B',
      amount: '1',
      created: '2025-01-10',
      closed: '2025-02-01',
    },
    {
      id: 'l2',
      status: 'lost',
      stage: 'Closed Lost',
      lostStage: 'Q',
      amount: '1',
      created: '2025-01-10',
      closed: '2025-02-01',
    },
    { id: 'l3', status: 'lost', stage: 'B', amount: '1', created: '2025-01-10', closed: '2025-02-01' },
    { id: 'l4', status: 'lost', stage: 'Closed Lost', amount: '1', created: '2025-01-10', closed: '2025-02-01' },
  ];
  const stages = ['A', 'B', 'C'].map((name) => ({ name, probability: null }));

  it('counts the deals created in the window: reached = at or past the stage now, lost at or past it, or won', () => {
    /*
     * Window 2025: w2 and u1 are out. Open A 1 (o1), C 1 (o2); Z (o3) is outside the order.
     * Lost at B: l1, l3 = 2. Not placed: l2 (Q) and l4 → counted at A: 2. Won: w1.
     *   reached C = 1 won + 1 open + 0 lost = 2; B = 2 + 0 + 2 = 4; A = 4 + 1 + 2 = 7.
     */
    const agg = aggregate(
      options({ asOf: '2025-12-31', stages, funnel: { from: day('2025-01-01'), to: day('2025-12-31') } }),
      rows,
    );
    const f = buildPipeline(agg, { probabilityScale: null }).funnel;
    expect(f).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      deals: 7,
      stages: [
        { stage: 'A', reached: 7, conversion: null, cumulative: 1, open: 1, lost: 2 },
        { stage: 'B', reached: 4, conversion: 4 / 7, cumulative: 4 / 7, open: 0, lost: 2 },
        { stage: 'C', reached: 2, conversion: 2 / 4, cumulative: 2 / 7, open: 1, lost: 0 },
      ],
      won: { reached: 1, conversion: 1 / 2, cumulative: 1 / 7 },
      lostWithoutStage: 2,
      unknownLostStages: { names: ['Q'], deals: 1 },
      openOutside: { names: ['Z'], deals: 1 },
    });
  });

  it('counts every deal without a window, those without a created date too', () => {
    // + w2 (won 2) and u1 (open at A 2): C = 2 + 1 = 3; B = 3 + 2 = 5; A = 5 + 2 + 2 = 9.
    const agg = aggregate(options({ asOf: '2025-12-31', stages }), rows);
    const f = buildPipeline(agg, { probabilityScale: null }).funnel;
    expect(f?.stages.map((s) => s.reached)).toEqual([9, 5, 3]);
    expect(f?.won.reached).toBe(2);
    expect([f?.from, f?.to]).toEqual([null, null]);
  });
});

describe('the forecast from history', () => {
  /*
   * As of 2025-01-31, months, horizon 2 (January, February).
   * History, segment "old": h1 won, cycle 10 (12-01 → 12-11); h2 lost, 20 (12-01 → 12-21);
   * h3 won, 40 (12-01 → 01-10: 30 + 10).
   *   n1 "new" open, created 01-26 (age 5), 900: "new" has no history → all deals:
   *      closed with cycle > 5: 3; won: 10 and 40 → 900 × 2/3 = 600;
   *      cycle 10 closes 01-26 + 10 = 02-05 (February): 300; cycle 40, 01-26 + 40 = 03-07 (later): 300.
   *   o1 "old" open, created 01-16 (age 15), 300: closed > 15: 20, 40 → 2; won 40 → 300 × 1/2 = 150,
   *      closing 01-16 + 40 = 02-25 (February).
   *   o2 "old" open, created 2024-12-12 (age 19 + 31 = 50), 1000: no closed deal longer than 50
   *      in "old" or at all → not forecast.
   * February: 300 + 150 = 450; later: 300; in all 750.
   */
  const rows: Row[] = [
    { id: 'h1', status: 'won', stage: 'W', amount: '1', segment: 'old', created: '2024-12-01', closed: '2024-12-11' },
    { id: 'h2', status: 'lost', stage: 'L', amount: '1', segment: 'old', created: '2024-12-01', closed: '2024-12-21' },
    { id: 'h3', status: 'won', stage: 'W', amount: '1', segment: 'old', created: '2024-12-01', closed: '2025-01-10' },
    { id: 'n1', status: 'open', stage: 'S', amount: '900', segment: 'new', created: '2025-01-26' },
    { id: 'o1', status: 'open', stage: 'S', amount: '300', segment: 'old', created: '2025-01-16' },
    { id: 'o2', status: 'open', stage: 'S', amount: '1000', segment: 'old', created: '2024-12-12' },
  ];
  const agg = aggregate(options({ asOf: '2025-01-31' }), rows);
  const result = buildPipeline(agg, { probabilityScale: null });

  it('learns P(win | open at its age) from the segment, else from all segments', () => {
    expect(result.forecast.periods.map((p) => [p.period, p.expected])).toEqual([
      ['2025-01', 0],
      ['2025-02', 450],
    ]);
    expect(result.history).toMatchObject({ expected: 750, later: 300, unforecastable: { deals: 1, amount: 1000 } });
    expect(result.history.segments).toEqual([
      {
        segment: 'new',
        closedDeals: 0,
        wonDeals: 0,
        openDeals: 1,
        amount: 900,
        unforecastable: { deals: 0, amount: 0 },
        expected: 600,
        winProbability: 600 / 900,
        fallbackDeals: 1,
      },
      {
        segment: 'old',
        closedDeals: 3,
        wonDeals: 2,
        openDeals: 2,
        amount: 1300,
        unforecastable: { deals: 1, amount: 1000 },
        expected: 150,
        winProbability: 150 / 300,
        fallbackDeals: 0,
      },
    ]);
  });

  it('forecasts through a deadline for a KGI', () => {
    // Through 02-28: 450 (the open deals have no expected close date: weighted 0). Through 03-31: 750.
    expect(forecastThrough(agg, day('2025-02-28'), null)).toEqual({ weighted: 0, expected: 450 });
    expect(forecastThrough(agg, day('2025-03-31'), null)).toEqual({ weighted: 0, expected: 750 });
    expect(forecastThrough(agg, day('2025-01-31'), null)).toEqual({ weighted: 0, expected: 0 });
  });
});
