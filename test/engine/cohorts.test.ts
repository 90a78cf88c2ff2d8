import { describe, expect, it } from 'vitest';
import {
  addCohortDeal,
  buildCohorts,
  type CohortAggregate,
  type CohortCell,
  cohortWindow,
  createCohorts,
  mergeCohorts,
} from '../../src/engine/cohorts.js';
import type { Deal } from '../../src/engine/deal.js';
import type { DayRange, Granularity } from '../../src/engine/periods.js';
import { deal, range } from './deal-builder.js';

/*
 * The deals of fixtures/deals-cohorts.csv, worked out by hand.
 *
 *   account  won deals (close date: amount)                       first won
 *   A        01-10: 100   02-05: 50    04-01: 30                     2025-01-10
 *   B        01-20: 200   03-03: 100   (lost 02-10)                  2025-01-20
 *   C        02-14: 300   02-20: 100   03-30: 200                    2025-02-14
 *   D        03-05: 400                                             2025-03-05
 *   E        2024-12-15: 250   02-01: 500                            2024-12-15
 *   G        04-30: 50                                              2025-04-30
 *   (none)   01-15: 999 — no account: in no cohort
 *   F        lost 01-25, open 04-10 — never won
 *
 * Window 2025-01-01 .. 2025-04-30, by month. E first bought before the
 * window: it is in no cohort (as it is no new customer in the window).
 *
 *   cohort  accounts  +0 (buyers, revenue)  +1                 +2                 +3
 *   Jan     A, B = 2  2, 100+200 = 300      A: 1, 50           B: 1, 100          A: 1, 30
 *   Feb     C = 1     1, 300+100 = 400      C: 1, 200          0, 0
 *   Mar     D = 1     1, 400                0, 0
 *   Apr     G = 1     1, 50
 *
 * retention = buyers / accounts; revenue_retention = revenue / revenue at +0:
 *   Jan: 1, 0.5, 0.5, 0.5 and 1, 50/300, 100/300, 30/300
 *   Feb: 1, 1, 0 and 1, 200/400 = 0.5, 0
 *   Mar: 1, 0 and 1, 0;  Apr: 1 and 1.
 */
const DEALS: Deal[] = [
  deal({
    currency: 'JPY',
    id: 'C01',
    status: 'won',
    account: 'A',
    amount: '100',
    created: '2025-01-02',
    closed: '2025-01-10',
  }),
  deal({
    currency: 'JPY',
    id: 'C02',
    status: 'won',
    account: 'B',
    amount: '200',
    created: '2025-01-05',
    closed: '2025-01-20',
  }),
  deal({
    currency: 'JPY',
    id: 'C03',
    status: 'won',
    account: null,
    amount: '999',
    created: '2025-01-06',
    closed: '2025-01-15',
  }),
  deal({
    currency: 'JPY',
    id: 'C04',
    status: 'lost',
    account: 'F',
    amount: '70',
    created: '2025-01-03',
    closed: '2025-01-25',
  }),
  deal({
    currency: 'JPY',
    id: 'C05',
    status: 'won',
    account: 'E',
    amount: '500',
    created: '2025-01-10',
    closed: '2025-02-01',
  }),
  deal({
    currency: 'JPY',
    id: 'C06',
    status: 'won',
    account: 'A',
    amount: '50',
    created: '2025-01-20',
    closed: '2025-02-05',
  }),
  deal({
    currency: 'JPY',
    id: 'C07',
    status: 'lost',
    account: 'B',
    amount: '80',
    created: '2025-01-21',
    closed: '2025-02-10',
  }),
  deal({
    currency: 'JPY',
    id: 'C08',
    status: 'won',
    account: 'C',
    amount: '300',
    created: '2025-02-01',
    closed: '2025-02-14',
  }),
  deal({
    currency: 'JPY',
    id: 'C09',
    status: 'won',
    account: 'C',
    amount: '100',
    created: '2025-02-02',
    closed: '2025-02-20',
  }),
  deal({
    currency: 'JPY',
    id: 'C10',
    status: 'won',
    account: 'B',
    amount: '100',
    created: '2025-02-03',
    closed: '2025-03-03',
  }),
  deal({
    currency: 'JPY',
    id: 'C11',
    status: 'won',
    account: 'D',
    amount: '400',
    created: '2025-02-20',
    closed: '2025-03-05',
  }),
  deal({
    currency: 'JPY',
    id: 'C12',
    status: 'won',
    account: 'C',
    amount: '200',
    created: '2025-03-01',
    closed: '2025-03-30',
  }),
  deal({
    currency: 'JPY',
    id: 'C13',
    status: 'won',
    account: 'A',
    amount: '30',
    created: '2025-03-10',
    closed: '2025-04-01',
  }),
  deal({
    currency: 'JPY',
    id: 'C14',
    status: 'won',
    account: 'G',
    amount: '50',
    created: '2025-04-02',
    closed: '2025-04-30',
  }),
  deal({ currency: 'JPY', id: 'C15', status: 'open', account: 'F', amount: '900', created: '2025-04-10' }),
  deal({
    currency: 'JPY',
    id: 'C16',
    status: 'won',
    account: 'E',
    amount: '250',
    created: '2024-12-01',
    closed: '2024-12-15',
  }),
];

const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04'];
const LAST = ['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30'];

function cell(
  cohort: number,
  offset: number,
  buyers: number,
  retention: number,
  revenue: number,
  revenueRetention: number,
): CohortCell {
  const i = cohort + offset;
  return {
    offset,
    period: MONTHS[i] ?? '',
    from: `${MONTHS[i] ?? ''}-01`,
    to: LAST[i] ?? '',
    buyers,
    retention,
    revenue,
    revenue_retention: revenueRetention,
  };
}

/** The hand-computed triangle above, as the engine gives it. */
const TRIANGLE = [
  {
    cohort: '2025-01',
    from: '2025-01-01',
    to: '2025-01-31',
    accounts: 2,
    periods: [
      cell(0, 0, 2, 1, 300, 1),
      cell(0, 1, 1, 0.5, 50, 50 / 300),
      cell(0, 2, 1, 0.5, 100, 100 / 300),
      cell(0, 3, 1, 0.5, 30, 30 / 300),
    ],
  },
  {
    cohort: '2025-02',
    from: '2025-02-01',
    to: '2025-02-28',
    accounts: 1,
    periods: [cell(1, 0, 1, 1, 400, 1), cell(1, 1, 1, 1, 200, 0.5), cell(1, 2, 0, 0, 0, 0)],
  },
  {
    cohort: '2025-03',
    from: '2025-03-01',
    to: '2025-03-31',
    accounts: 1,
    periods: [cell(2, 0, 1, 1, 400, 1), cell(2, 1, 0, 0, 0, 0)],
  },
  { cohort: '2025-04', from: '2025-04-01', to: '2025-04-30', accounts: 1, periods: [cell(3, 0, 1, 1, 50, 1)] },
];

const WINDOW = range('2025-01-01', '2025-04-30');

function aggregate(
  deals: readonly Deal[],
  window: DayRange | null,
  granularity: Granularity = 'month',
): CohortAggregate {
  const agg = createCohorts({ calendar: { granularity, fiscalYearStart: 1 }, window });
  for (const d of deals) addCohortDeal(agg, d);
  return agg;
}

describe('cohorts', () => {
  it('gives the hand-computed monthly triangle', () => {
    const r = buildCohorts(aggregate(DEALS, WINDOW), { window: WINDOW });
    expect(r).toEqual({
      window: { from: '2025-01-01', to: '2025-04-30' },
      granularity: 'month',
      fiscalYearStart: 1,
      deals: { won: 13, wonWithoutAccount: 1 }, // every won row (C16 too), C03 without account
      accounts: 5, // A, B, C, D, G
      currencies: ['JPY'],
      mixedCurrencies: false,
      cohorts: TRIANGLE,
    });
  });

  it('by quarter: Q1 holds A, B, C, D; Q2 (April, the clipped end) holds G', () => {
    // Q1 +0: A 100+50, B 200+100, C 300+100+200, D 400 = 1450; +1 (April): A 30 → 1/4, 30/1450.
    const r = buildCohorts(aggregate(DEALS, WINDOW, 'quarter'), { window: WINDOW });
    expect(r.cohorts.map((c) => [c.cohort, c.accounts, c.periods.map((p) => [p.buyers, p.revenue])])).toEqual([
      [
        '2025-Q1',
        4,
        [
          [4, 1450],
          [1, 30],
        ],
      ],
      ['2025-Q2', 1, [[1, 50]]],
    ]);
    expect(r.cohorts[0]?.periods[1]).toMatchObject({ retention: 0.25, revenue_retention: 30 / 1450, to: '2025-04-30' });
  });

  it('the window following the data starts in December: E is its cohort, and buys twice as much in February', () => {
    const agg = aggregate(DEALS, null);
    const window = cohortWindow(agg);
    expect(window).toEqual(range('2024-12-01', '2025-04-30'));
    const r = buildCohorts(agg, { window: window ?? WINDOW });
    // Dec: E; 250 at +0, nothing in Jan, 500 in Feb (500/250 = 2), nothing after.
    expect(r.cohorts[0]).toEqual({
      cohort: '2024-12',
      from: '2024-12-01',
      to: '2024-12-31',
      accounts: 1,
      periods: [
        {
          offset: 0,
          period: '2024-12',
          from: '2024-12-01',
          to: '2024-12-31',
          buyers: 1,
          retention: 1,
          revenue: 250,
          revenue_retention: 1,
        },
        {
          offset: 1,
          period: '2025-01',
          from: '2025-01-01',
          to: '2025-01-31',
          buyers: 0,
          retention: 0,
          revenue: 0,
          revenue_retention: 0,
        },
        {
          offset: 2,
          period: '2025-02',
          from: '2025-02-01',
          to: '2025-02-28',
          buyers: 1,
          retention: 1,
          revenue: 500,
          revenue_retention: 2,
        },
        {
          offset: 3,
          period: '2025-03',
          from: '2025-03-01',
          to: '2025-03-31',
          buyers: 0,
          retention: 0,
          revenue: 0,
          revenue_retention: 0,
        },
        {
          offset: 4,
          period: '2025-04',
          from: '2025-04-01',
          to: '2025-04-30',
          buyers: 0,
          retention: 0,
          revenue: 0,
          revenue_retention: 0,
        },
      ],
    });
    expect(r.cohorts.slice(1)).toEqual(TRIANGLE);
    expect(r.accounts).toBe(6);
  });

  it('an empty cohort has null rates, never NaN; unknown amounts give null revenue', () => {
    const window = range('2025-01-01', '2025-06-30');
    const r = buildCohorts(aggregate(DEALS, window), { window, amounts: false });
    const may = r.cohorts.find((c) => c.cohort === '2025-05');
    expect(may).toMatchObject({ accounts: 0 });
    expect(may?.periods.map((p) => [p.buyers, p.retention, p.revenue, p.revenue_retention])).toEqual([
      [0, null, null, null],
      [0, null, null, null],
    ]);
    expect(r.cohorts[0]?.periods[1]).toMatchObject({ retention: 0.5, revenue: null, revenue_retention: null });
  });

  it('several currencies: revenue is null, buyers and retention stay', () => {
    const usd = deal({ id: 'U1', status: 'won', account: 'A', amount: '5', currency: 'USD', closed: '2025-02-07' });
    const r = buildCohorts(aggregate([...DEALS, usd], WINDOW), { window: WINDOW });
    expect(r.mixedCurrencies).toBe(true);
    expect(r.currencies).toEqual(['JPY', 'USD']);
    expect(r.cohorts[0]?.periods[1]).toMatchObject({
      buyers: 1,
      retention: 0.5,
      revenue: null,
      revenue_retention: null,
    });
  });

  it('merges: two halves aggregated apart and merged give the same triangle, in any order', () => {
    const whole = buildCohorts(aggregate(DEALS, WINDOW), { window: WINDOW });
    const odd = aggregate(
      DEALS.filter((_, i) => i % 2 === 1),
      WINDOW,
    );
    const even = aggregate(DEALS.filter((_, i) => i % 2 === 0).reverse(), WINDOW);
    expect(buildCohorts(mergeCohorts(odd, even), { window: WINDOW })).toEqual(whole);
    expect(buildCohorts(mergeCohorts(even, odd), { window: WINDOW })).toEqual(whole);
  });
});
