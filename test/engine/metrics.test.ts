import { describe, expect, it } from 'vitest';
import {
  addDeal,
  buildReport,
  createAggregate,
  type Deal,
  type DealStatus,
  DIMENSIONS,
  formatDay,
  mergeAggregates,
  type MetricValues,
  reportWindow,
} from '../../src/engine/index.js';
import { aggregate, deal, groupOf, periodOf, range, run } from './deal-builder.js';

/*
 * The main table: 13 deals, window 2025-01-01..2025-03-31, months, by team.
 *
 * id   status team acct   created     closed      amount   cycle (closed − created)
 * D00  won    B    ACME   2024-11-01  2024-12-20  5000.00  (closed before the window)
 * D01  won    A    ACME   2024-12-15  2025-01-10  1000.00  Dec 15→31 = 16, + 10 = 26
 * D02  lost   A    BETA   2025-01-05  2025-01-20   500.00
 * D03  won    B    GAMMA  2025-01-02  2025-01-31   250.50  29
 * D04  won    A    ACME   2025-01-15  2025-02-14  2000.00  Jan 15→31 = 16, + 14 = 30
 * D05  won    B    DELTA  —           2025-02-03   300.00  none (no created date)
 * D06  lost   B    BETA   2025-02-01  2025-02-28   700.00
 * D07  open   A    EPS    2025-02-10  —           4000.00
 * D08  won    B    GAMMA  2025-02-20  2025-03-05   750.25  Feb 20→28 = 8, + 5 = 13
 * D09  won    A    ZETA   2025-03-01  2025-03-31  1200.00  30
 * D10  won    A    BETA   2025-01-25  2025-03-10    99.99  Jan 25→31 = 6, + 28 + 10 = 44
 * D11  open   B    ETA    —           —            100.00  (open since before any period)
 * D12  lost   B    THETA  2025-03-20  2025-04-02   600.00  (closed after the window)
 *
 * First won deal of each account in the whole data: ACME D00 2024-12-20 (B, before the
 * window), GAMMA D03 2025-01-31 (B), DELTA D05 2025-02-03 (B), BETA D10 2025-03-10 (A),
 * ZETA D09 2025-03-31 (A). EPS, ETA, THETA never won.
 * Accounts with a won deal: Dec 2024 {ACME}; Jan {ACME, GAMMA}; Feb {ACME, DELTA};
 * Mar {GAMMA, ZETA, BETA}.
 */
/** One row of the table above: id, status, team, account, created, closed, amount. */
function row(
  id: string,
  status: DealStatus,
  team: string,
  account: string,
  created: string | null,
  closed: string | null,
  amount: string,
): Deal {
  return deal({ id, status, team, account, created, closed, amount });
}
const TABLE = [
  row('D00', 'won', 'B', 'ACME', '2024-11-01', '2024-12-20', '5000.00'),
  row('D01', 'won', 'A', 'ACME', '2024-12-15', '2025-01-10', '1000.00'),
  row('D02', 'lost', 'A', 'BETA', '2025-01-05', '2025-01-20', '500.00'),
  row('D03', 'won', 'B', 'GAMMA', '2025-01-02', '2025-01-31', '250.50'),
  row('D04', 'won', 'A', 'ACME', '2025-01-15', '2025-02-14', '2000.00'),
  row('D05', 'won', 'B', 'DELTA', null, '2025-02-03', '300.00'),
  row('D06', 'lost', 'B', 'BETA', '2025-02-01', '2025-02-28', '700.00'),
  row('D07', 'open', 'A', 'EPS', '2025-02-10', null, '4000.00'),
  row('D08', 'won', 'B', 'GAMMA', '2025-02-20', '2025-03-05', '750.25'),
  row('D09', 'won', 'A', 'ZETA', '2025-03-01', '2025-03-31', '1200.00'),
  row('D10', 'won', 'A', 'BETA', '2025-01-25', '2025-03-10', '99.99'),
  row('D11', 'open', 'B', 'ETA', null, null, '100.00'),
  row('D12', 'lost', 'B', 'THETA', '2025-03-20', '2025-04-02', '600.00'),
];
const Q1 = range('2025-01-01', '2025-03-31');

// ---- All deals -------------------------------------------------------------------------
// January: won D01 1000 + D03 250.50 = 1250.50; lost D02.
// Open at Jan 31 (created ≤ Jan 31, not closed by then): D04 2000, D05 300 (no created date,
// closes Feb 3), D10 99.99, D11 100 → 4, 2499.99. D03 closed on Jan 31 itself is not open.
// New: GAMMA. Retention: prev = Dec 2024, A = {ACME}; A(Jan) ∋ ACME → 1/1.
const ALL_JAN: MetricValues = {
  revenue: 1250.5,
  deals_won: 2,
  deals_lost: 1,
  deals_open: 4,
  pipeline_value: 2499.99,
  win_rate: 2 / 3,
  avg_deal_size: 625.25, // 1250.50 / 2
  sales_cycle_days_mean: 27.5, // (26 + 29) / 2
  sales_cycle_days_median: 27.5,
  new_customers: 1,
  customer_retention_rate: 1,
};
// February: won D04 2000 + D05 300 = 2300; lost D06. Cycles {30} (D05 has none).
// Open at Feb 28: D07 4000, D08 750.25, D10 99.99, D11 100 → 4, 4950.24.
// New: DELTA. Retention: A(Jan) = {ACME, GAMMA}, A(Feb) = {ACME, DELTA} → 1/2.
const ALL_FEB: MetricValues = {
  revenue: 2300,
  deals_won: 2,
  deals_lost: 1,
  deals_open: 4,
  pipeline_value: 4950.24,
  win_rate: 2 / 3,
  avg_deal_size: 1150,
  sales_cycle_days_mean: 30,
  sales_cycle_days_median: 30,
  new_customers: 1,
  customer_retention_rate: 0.5,
};
// March: won D08 750.25 + D09 1200 + D10 99.99 = 2050.24; no loss (D12 closes Apr 2,
// outside the window). Cycles {13, 30, 44}: mean 87/3 = 29, median 30.
// Open at Mar 31: D07 4000, D11 100, D12 600 (created Mar 20, still open) → 3, 4700.
// New: BETA, ZETA. Retention: A(Feb) = {ACME, DELTA}, A(Mar) = {GAMMA, ZETA, BETA} → 0/2.
const ALL_MAR: MetricValues = {
  revenue: 2050.24,
  deals_won: 3,
  deals_lost: 0,
  deals_open: 3,
  pipeline_value: 4700,
  win_rate: 1,
  avg_deal_size: 683.41, // 2050.24 / 3 = 683.4133…
  sales_cycle_days_mean: 29,
  sales_cycle_days_median: 30,
  new_customers: 2,
  customer_retention_rate: 0,
};
// Window: revenue 1250.50 + 2300 + 2050.24 = 5600.74; won 7, lost 2 (D02, D06).
// Cycles sorted {13, 26, 29, 30, 30, 44}: sum 172, mean 172/6 = 28.67, median (29+30)/2.
// New: GAMMA, DELTA, BETA, ZETA = 4 (ACME's first win D00 is before the window).
// Retention: prev = Oct 1..Dec 31 2024 (3 whole months), A = {ACME}; ACME won in Q1 → 1/1.
const ALL_TOTALS: MetricValues = {
  revenue: 5600.74,
  deals_won: 7,
  deals_lost: 2,
  deals_open: 3,
  pipeline_value: 4700,
  win_rate: 7 / 9,
  avg_deal_size: 800.11, // 5600.74 / 7 = 800.1057…
  sales_cycle_days_mean: 172 / 6,
  sales_cycle_days_median: 29.5,
  new_customers: 4,
  customer_retention_rate: 1,
};

// ---- Team A: D01, D02, D04, D07, D09, D10 ------------------------------------------------
// Jan: won D01 1000, lost D02. Open at Jan 31: D04 2000, D10 99.99. No new (GAMMA is B's).
// Retention: team A had no won deal in Dec (D00 is B's) → null.
const A_JAN: MetricValues = {
  revenue: 1000,
  deals_won: 1,
  deals_lost: 1,
  deals_open: 2,
  pipeline_value: 2099.99,
  win_rate: 0.5,
  avg_deal_size: 1000,
  sales_cycle_days_mean: 26,
  sales_cycle_days_median: 26,
  new_customers: 0,
  customer_retention_rate: null,
};
// Feb: won D04 2000. Open at Feb 28: D07 4000, D10 99.99. Retention A(Jan) = A(Feb) = {ACME} → 1.
const A_FEB: MetricValues = {
  revenue: 2000,
  deals_won: 1,
  deals_lost: 0,
  deals_open: 2,
  pipeline_value: 4099.99,
  win_rate: 1,
  avg_deal_size: 2000,
  sales_cycle_days_mean: 30,
  sales_cycle_days_median: 30,
  new_customers: 0,
  customer_retention_rate: 1,
};
// Mar: won D09 1200 + D10 99.99 = 1299.99; avg 649.995 → 650.00 (half away from zero).
// Cycles {30, 44}: mean = median = 37. Open at Mar 31: D07. New: BETA, ZETA.
// Retention: A(Feb) = {ACME}, A(Mar) = {ZETA, BETA} → 0.
const A_MAR: MetricValues = {
  revenue: 1299.99,
  deals_won: 2,
  deals_lost: 0,
  deals_open: 1,
  pipeline_value: 4000,
  win_rate: 1,
  avg_deal_size: 650,
  sales_cycle_days_mean: 37,
  sales_cycle_days_median: 37,
  new_customers: 2,
  customer_retention_rate: 0,
};
// Window: 1000 + 2000 + 1299.99 = 4299.99; won 4, lost 1 → 0.8; avg 1074.9975 → 1075.00.
// Cycles {26, 30, 30, 44}: mean 130/4 = 32.5, median (30+30)/2 = 30. Retention: no A win Oct–Dec → null.
const A_TOTALS: MetricValues = {
  revenue: 4299.99,
  deals_won: 4,
  deals_lost: 1,
  deals_open: 1,
  pipeline_value: 4000,
  win_rate: 0.8,
  avg_deal_size: 1075,
  sales_cycle_days_mean: 32.5,
  sales_cycle_days_median: 30,
  new_customers: 2,
  customer_retention_rate: null,
};

// ---- Team B: D00, D03, D05, D06, D08, D11, D12 ------------------------------------------
// Jan: won D03 250.50. Open at Jan 31: D05 300, D11 100. New: GAMMA.
// Retention: A_B(Dec) = {ACME} (D00), A_B(Jan) = {GAMMA} → 0.
const B_JAN: MetricValues = {
  revenue: 250.5,
  deals_won: 1,
  deals_lost: 0,
  deals_open: 2,
  pipeline_value: 400,
  win_rate: 1,
  avg_deal_size: 250.5,
  sales_cycle_days_mean: 29,
  sales_cycle_days_median: 29,
  new_customers: 1,
  customer_retention_rate: 0,
};
// Feb: won D05 300 (no created date → no cycle), lost D06. Open at Feb 28: D08 750.25, D11 100.
// New: DELTA. Retention: A_B(Jan) = {GAMMA}, A_B(Feb) = {DELTA} → 0.
const B_FEB: MetricValues = {
  revenue: 300,
  deals_won: 1,
  deals_lost: 1,
  deals_open: 2,
  pipeline_value: 850.25,
  win_rate: 0.5,
  avg_deal_size: 300,
  sales_cycle_days_mean: null,
  sales_cycle_days_median: null,
  new_customers: 1,
  customer_retention_rate: 0,
};
// Mar: won D08 750.25; D12's loss is after the window. Open at Mar 31: D11 100, D12 600.
// Retention: A_B(Feb) = {DELTA}, A_B(Mar) = {GAMMA} → 0.
const B_MAR: MetricValues = {
  revenue: 750.25,
  deals_won: 1,
  deals_lost: 0,
  deals_open: 2,
  pipeline_value: 700,
  win_rate: 1,
  avg_deal_size: 750.25,
  sales_cycle_days_mean: 13,
  sales_cycle_days_median: 13,
  new_customers: 0,
  customer_retention_rate: 0,
};
// Window: 250.50 + 300 + 750.25 = 1300.75; won 3, lost 1 → 0.75; avg 433.5833 → 433.58.
// Cycles {29, 13}: mean = median = 21. Retention: A_B(Oct–Dec) = {ACME}, A_B(Q1) = {GAMMA, DELTA} → 0.
const B_TOTALS: MetricValues = {
  revenue: 1300.75,
  deals_won: 3,
  deals_lost: 1,
  deals_open: 2,
  pipeline_value: 700,
  win_rate: 0.75,
  avg_deal_size: 433.58,
  sales_cycle_days_mean: 21,
  sales_cycle_days_median: 21,
  new_customers: 2,
  customer_retention_rate: 0,
};

describe('main table: 13 deals, Jan–Mar 2025 by month and team', () => {
  const report = run(TABLE, { window: Q1, by: 'team' });

  it('window, periods and deal count', () => {
    expect(report.window).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(report.deals).toBe(13);
    expect(report.periods.map((p) => [p.period, p.from, p.to])).toEqual([
      ['2025-01', '2025-01-01', '2025-01-31'],
      ['2025-02', '2025-02-01', '2025-02-28'],
      ['2025-03', '2025-03-01', '2025-03-31'],
    ]);
    expect(report.groups.map((g) => [g.by, g.key])).toEqual([
      ['team', 'A'],
      ['team', 'B'],
    ]);
  });

  it('totals', () => {
    expect(report.totals).toEqual(ALL_TOTALS);
  });

  it.each([
    ['2025-01', ALL_JAN],
    ['2025-02', ALL_FEB],
    ['2025-03', ALL_MAR],
  ])('period %s', (label, expected) => {
    expect(periodOf(report, label).metrics).toEqual(expected);
  });

  it.each([
    ['A', A_TOTALS, A_JAN, A_FEB, A_MAR],
    ['B', B_TOTALS, B_JAN, B_FEB, B_MAR],
  ])('team %s: totals and each month', (key, totals, jan, feb, mar) => {
    const g = groupOf(report, key);
    expect(g.totals).toEqual(totals);
    expect(g.periods.map((p) => p.period)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(periodOf(g, '2025-01').metrics).toEqual(jan);
    expect(periodOf(g, '2025-02').metrics).toEqual(feb);
    expect(periodOf(g, '2025-03').metrics).toEqual(mar);
  });

  it('groups add up to the totals for revenue, won, lost, open, pipeline and new customers', () => {
    const additive = ['revenue', 'deals_won', 'deals_lost', 'deals_open', 'pipeline_value', 'new_customers'] as const;
    const rows = [
      [report.totals, report.groups.map((g) => g.totals)],
      ...report.periods.map((p) => [p.metrics, report.groups.map((g) => periodOf(g, p.period).metrics)] as const),
    ] as const;
    for (const [whole, parts] of rows) {
      for (const id of additive) {
        // Money is rounded to the cent; cents add up exactly, so compare in cents.
        const sum = parts.reduce((s, m) => s + Math.round((m[id] ?? 0) * 100), 0);
        expect(sum).toBe(Math.round((whole[id] ?? 0) * 100));
      }
    }
  });

  it('merging the aggregates of two halves gives the same numbers', () => {
    const o = { window: Q1, by: 'team' as const };
    const merged = mergeAggregates(aggregate(TABLE.slice(0, 6), o), aggregate(TABLE.slice(6), o));
    const r = buildReport(merged, { window: Q1 });
    expect(r.deals).toBe(13);
    expect(r.totals).toEqual(ALL_TOTALS);
    expect(periodOf(r, '2025-02').metrics).toEqual(ALL_FEB);
    expect(groupOf(r, 'A').totals).toEqual(A_TOTALS);
    expect(groupOf(r, 'B').totals).toEqual(B_TOTALS);
  });

  it('the order deals are added in does not matter', () => {
    const r = run([...TABLE].reverse(), { window: Q1, by: 'team' });
    expect(r.totals).toEqual(ALL_TOTALS);
    expect(groupOf(r, 'A').totals).toEqual(A_TOTALS);
  });

  it('reportWindow follows the data when no window is given: whole months of the dates seen', () => {
    const agg = createAggregate({ calendar: { granularity: 'month', fiscalYearStart: 1 }, by: [], window: null });
    for (const d of TABLE) addDeal(agg, d);
    // Earliest date seen: D00 created 2024-11-01; latest: D12 closed 2025-04-02 → Nov 2024..Apr 2025.
    const w = reportWindow(agg, null);
    expect(w === null ? null : [formatDay(w.from), formatDay(w.to)]).toEqual(['2024-11-01', '2025-04-30']);
    expect(reportWindow(agg, Q1)).toEqual(Q1);
  });

  it('without a window the aggregate keeps D00 and D12: Dec 2024 and Apr 2025 rows', () => {
    const agg = createAggregate({ calendar: { granularity: 'month', fiscalYearStart: 1 }, by: [], window: null });
    for (const d of TABLE) addDeal(agg, d);
    const w = reportWindow(agg, null);
    if (w === null) throw new Error('window');
    const r = buildReport(agg, { window: w });
    // Dec 2024: D00 won 5000, cycle Nov 1→Dec 20 = 29 + 20 = 49. New: ACME.
    // Open at Dec 31: D01 (created Dec 15) 1000, D05 300, D11 100 → 3, 1400.
    // Retention: prev Nov 2024 has no won deal → null.
    expect(periodOf(r, '2024-12').metrics).toEqual({
      revenue: 5000,
      deals_won: 1,
      deals_lost: 0,
      deals_open: 3,
      pipeline_value: 1400,
      win_rate: 1,
      avg_deal_size: 5000,
      sales_cycle_days_mean: 49,
      sales_cycle_days_median: 49,
      new_customers: 1,
      customer_retention_rate: null,
    });
    // Apr 2025: D12 lost; open at Apr 30: D07, D11 → 2, 4100. Retention: A(Mar) = 3 accounts, none in Apr → 0.
    expect(periodOf(r, '2025-04').metrics).toEqual({
      revenue: 0,
      deals_won: 0,
      deals_lost: 1,
      deals_open: 2,
      pipeline_value: 4100,
      win_rate: 0,
      avg_deal_size: null,
      sales_cycle_days_mean: null,
      sales_cycle_days_median: null,
      new_customers: 0,
      customer_retention_rate: 0,
    });
    // Nov 2024..Apr 2025: revenue 5000 + 5600.74 = 10600.74; won 8, lost 3 (D02, D06, D12).
    expect(r.totals.revenue).toBe(10600.74);
    expect(r.totals.deals_won).toBe(8);
    expect(r.totals.deals_lost).toBe(3);
    expect(r.totals.win_rate).toBe(8 / 11);
    // All five accounts with a win are new: ACME, GAMMA, DELTA, BETA, ZETA.
    expect(r.totals.new_customers).toBe(5);
  });
});

describe('zero denominators', () => {
  const JAN = range('2025-01-01', '2025-01-31');

  it('no deals at all: counts 0, ratios, averages, cycle and retention null', () => {
    const r = run([], { window: JAN });
    const expected: MetricValues = {
      revenue: 0,
      deals_won: 0,
      deals_lost: 0,
      deals_open: 0,
      pipeline_value: 0,
      win_rate: null,
      avg_deal_size: null,
      sales_cycle_days_mean: null,
      sales_cycle_days_median: null,
      new_customers: 0,
      customer_retention_rate: null,
    };
    expect(r.totals).toEqual(expected);
    expect(periodOf(r, '2025-01').metrics).toEqual(expected);
  });

  it('only open deals: no closed deal → win rate null; no won → avg and cycle null; no prev accounts → retention null', () => {
    const deals = [
      deal({ id: 'O1', status: 'open', account: 'X', created: '2025-01-05', amount: '10' }),
      deal({ id: 'O2', status: 'open', account: 'Y', created: '2025-01-31', amount: '20' }),
      deal({ id: 'O3', status: 'open', account: 'Z', created: '2025-02-01', amount: '40' }), // after the window
    ];
    // Open at Jan 31: O1 and O2 (created on Jan 31 counts), not O3 → 2, 30.
    expect(run(deals, { window: JAN }).totals).toEqual({
      revenue: 0,
      deals_won: 0,
      deals_lost: 0,
      deals_open: 2,
      pipeline_value: 30,
      win_rate: null,
      avg_deal_size: null,
      sales_cycle_days_mean: null,
      sales_cycle_days_median: null,
      new_customers: 0,
      customer_retention_rate: null,
    });
  });

  it('only lost deals: win rate 0, avg and cycle null', () => {
    const deals = [
      deal({ id: 'L1', status: 'lost', account: 'X', created: '2025-01-02', closed: '2025-01-09', amount: '10' }),
      deal({ id: 'L2', status: 'lost', account: 'Y', created: '2025-01-03', closed: '2025-01-10', amount: '0' }),
    ];
    expect(run(deals, { window: JAN }).totals).toEqual({
      revenue: 0,
      deals_won: 0,
      deals_lost: 2,
      deals_open: 0,
      pipeline_value: 0,
      win_rate: 0, // 0 / (0 + 2)
      avg_deal_size: null,
      sales_cycle_days_mean: null,
      sales_cycle_days_median: null,
      new_customers: 0,
      customer_retention_rate: null,
    });
  });

  it('a month without closed deals between two with', () => {
    const deals = [
      deal({ id: 'W1', status: 'won', account: 'X', created: '2025-01-01', closed: '2025-01-11', amount: '100' }),
      deal({ id: 'W2', status: 'won', account: 'X', created: '2025-02-10', closed: '2025-03-05', amount: '300' }),
    ];
    const r = run(deals, { window: Q1 });
    // Feb: nothing closed; W2 (created Feb 10) open at Feb 28; retention prev Jan {X}, Feb {} → 0.
    expect(periodOf(r, '2025-02').metrics).toEqual({
      revenue: 0,
      deals_won: 0,
      deals_lost: 0,
      deals_open: 1,
      pipeline_value: 300,
      win_rate: null,
      avg_deal_size: null,
      sales_cycle_days_mean: null,
      sales_cycle_days_median: null,
      new_customers: 0,
      customer_retention_rate: 0,
    });
    // Mar: prev Feb has no account → null.
    expect(periodOf(r, '2025-03').metrics.customer_retention_rate).toBeNull();
  });
});

describe('a won deal without created date', () => {
  it('counts in revenue, won, win rate and avg, not in the sales cycle; open before it closes', () => {
    const deals = [
      deal({ id: 'N1', status: 'won', account: 'X', created: null, closed: '2025-02-10', amount: '500' }),
      deal({ id: 'N2', status: 'won', account: 'Y', created: '2025-01-20', closed: '2025-02-15', amount: '100' }),
    ];
    const r = run(deals, { window: Q1 });
    // Feb: revenue 600, won 2, avg 300; cycles only N2: Jan 20→31 = 11, + 15 = 26.
    const feb = periodOf(r, '2025-02').metrics;
    expect([feb.revenue, feb.deals_won, feb.avg_deal_size, feb.win_rate]).toEqual([600, 2, 300, 1]);
    expect([feb.sales_cycle_days_mean, feb.sales_cycle_days_median]).toEqual([26, 26]);
    // End of Jan: N1 (no created date → open since before any period) and N2 (created Jan 20) are open.
    const jan = periodOf(r, '2025-01').metrics;
    expect([jan.deals_open, jan.pipeline_value]).toEqual([2, 600]);
    expect([feb.deals_open, feb.pipeline_value]).toEqual([0, 0]);
  });

  it('a won deal without created date alone: cycle null, avg defined', () => {
    const r = run([deal({ id: 'N1', status: 'won', account: 'X', closed: '2025-01-10', amount: '12.34' })], {
      window: range('2025-01-01', '2025-01-31'),
    });
    expect(r.totals.revenue).toBe(12.34);
    expect(r.totals.avg_deal_size).toBe(12.34);
    expect(r.totals.sales_cycle_days_mean).toBeNull();
    expect(r.totals.sales_cycle_days_median).toBeNull();
  });
});

describe('an open deal with a close date (an expected close date in CRM exports)', () => {
  it('is ignored as a close: the deal stays open and is not won or lost', () => {
    const deals = [
      deal({ id: 'E1', status: 'open', account: 'X', created: '2025-01-05', closed: '2025-01-20', amount: '70' }),
    ];
    const r = run(deals, { window: range('2025-01-01', '2025-01-31') });
    // Open at Jan 31: E1 → 1, 70. Nothing closed → win rate null.
    expect([
      r.totals.deals_open,
      r.totals.pipeline_value,
      r.totals.deals_won,
      r.totals.deals_lost,
      r.totals.win_rate,
    ]).toEqual([1, 70, 0, 0, null]);
  });
});

describe('month boundaries: 2025-03-31 vs 2025-04-01', () => {
  const deals = [
    deal({ id: 'M1', status: 'won', account: 'X', created: '2025-03-01', closed: '2025-03-31', amount: '100' }),
    deal({ id: 'M2', status: 'won', account: 'Y', created: '2025-03-01', closed: '2025-04-01', amount: '200' }),
    deal({ id: 'M3', status: 'open', account: 'Z', created: '2025-03-31', amount: '40' }),
    deal({ id: 'M4', status: 'open', account: 'Z', created: '2025-04-01', amount: '80' }),
  ];
  const window = range('2025-03-01', '2025-04-30');

  it('by month', () => {
    const r = run(deals, { window });
    const mar = periodOf(r, '2025-03').metrics;
    const apr = periodOf(r, '2025-04').metrics;
    // March: M1 (30 days). Open at Mar 31: M2 (closes Apr 1) and M3 (created Mar 31) → 2, 240.
    expect([mar.revenue, mar.deals_won, mar.sales_cycle_days_mean, mar.deals_open, mar.pipeline_value]).toEqual([
      100, 1, 30, 2, 240,
    ]);
    // April: M2 (Mar 1 → Apr 1 = 31 days). Open at Apr 30: M3, M4 → 2, 120.
    expect([apr.revenue, apr.deals_won, apr.sales_cycle_days_mean, apr.deals_open, apr.pipeline_value]).toEqual([
      200, 1, 31, 2, 120,
    ]);
  });

  it('by quarter: 2025-Q1 vs 2025-Q2', () => {
    const r = run(deals, { window: range('2025-01-01', '2025-06-30'), granularity: 'quarter' });
    expect(r.periods.map((p) => [p.period, p.metrics.revenue])).toEqual([
      ['2025-Q1', 100],
      ['2025-Q2', 200],
    ]);
  });
});

describe('fiscal year starting in April', () => {
  // Window FY2024..FY2025 = 2024-04-01..2026-03-31.
  const deals = [
    deal({ id: 'F1', status: 'won', account: 'X', created: '2024-03-20', closed: '2024-04-01', amount: '10' }),
    deal({ id: 'F2', status: 'won', account: 'X', created: '2025-03-01', closed: '2025-03-31', amount: '100' }),
    deal({ id: 'F3', status: 'won', account: 'Y', created: '2025-03-01', closed: '2025-04-01', amount: '200' }),
    deal({ id: 'F4', status: 'won', account: 'Z', created: '2026-03-01', closed: '2026-03-31', amount: '1000' }),
    deal({ id: 'F5', status: 'won', account: 'Z', created: '2026-03-01', closed: '2026-04-01', amount: '5000' }), // after
    deal({ id: 'F6', status: 'won', account: 'W', created: '2024-03-01', closed: '2024-03-31', amount: '7' }), // before
  ];
  const window = range('2024-04-01', '2026-03-31');

  it('years: F1 and F2 in FY2024, F3 and F4 in FY2025', () => {
    const r = run(deals, { window, granularity: 'year', fiscalYearStart: 4 });
    expect(r.fiscalYearStart).toBe(4);
    expect(r.periods.map((p) => [p.period, p.from, p.to, p.metrics.revenue, p.metrics.deals_won])).toEqual([
      ['FY2024', '2024-04-01', '2025-03-31', 110, 2], // 10 + 100
      ['FY2025', '2025-04-01', '2026-03-31', 1200, 2], // 200 + 1000
    ]);
    // Retention FY2025: prev = FY2024 (12 whole months), accounts {X}; FY2025 {Y, Z} → 0.
    expect(periodOf(r, 'FY2025').metrics.customer_retention_rate).toBe(0);
    // Retention FY2024: prev = 2023-04-01..2024-03-31 → {W} (F6); FY2024 {X} → 0.
    expect(periodOf(r, 'FY2024').metrics.customer_retention_rate).toBe(0);
    // New customers: X (F1) in FY2024; Y, Z in FY2025; W's first win is before the window.
    expect(r.periods.map((p) => p.metrics.new_customers)).toEqual([1, 2]);
    expect(r.totals.revenue).toBe(1310);
    expect(r.totals.new_customers).toBe(3);
  });

  it('quarters: FY2024-Q1..FY2025-Q4', () => {
    const r = run(deals, { window, granularity: 'quarter', fiscalYearStart: 4 });
    expect(r.periods.map((p) => [p.period, p.from, p.to, p.metrics.revenue])).toEqual([
      ['FY2024-Q1', '2024-04-01', '2024-06-30', 10],
      ['FY2024-Q2', '2024-07-01', '2024-09-30', 0],
      ['FY2024-Q3', '2024-10-01', '2024-12-31', 0],
      ['FY2024-Q4', '2025-01-01', '2025-03-31', 100],
      ['FY2025-Q1', '2025-04-01', '2025-06-30', 200],
      ['FY2025-Q2', '2025-07-01', '2025-09-30', 0],
      ['FY2025-Q3', '2025-10-01', '2025-12-31', 0],
      ['FY2025-Q4', '2026-01-01', '2026-03-31', 1000],
    ]);
  });

  it('months keep calendar labels', () => {
    const r = run(deals, { window: range('2025-03-01', '2025-04-30'), granularity: 'month', fiscalYearStart: 4 });
    expect(r.periods.map((p) => [p.period, p.metrics.revenue])).toEqual([
      ['2025-03', 100],
      ['2025-04', 200],
    ]);
  });

  it('calendar quarters and years (start 1) are labelled without FY', () => {
    const r = run(deals, { window: range('2025-01-01', '2025-12-31'), granularity: 'quarter' });
    expect(r.periods.map((p) => [p.period, p.metrics.revenue])).toEqual([
      ['2025-Q1', 100],
      ['2025-Q2', 200],
      ['2025-Q3', 0],
      ['2025-Q4', 0],
    ]);
    const y = run(deals, { window: range('2025-01-01', '2025-12-31'), granularity: 'year' });
    expect(y.periods.map((p) => [p.period, p.metrics.revenue])).toEqual([['2025', 300]]);
  });
});

describe('leap day in the sales cycle', () => {
  it('Feb 2024 counts 29 days, Feb 2023 counts 28', () => {
    const deals = [
      deal({ id: 'L1', status: 'won', account: 'X', created: '2024-02-01', closed: '2024-03-01', amount: '1' }),
      deal({ id: 'L2', status: 'won', account: 'X', created: '2023-02-01', closed: '2023-03-01', amount: '1' }),
      deal({ id: 'L3', status: 'won', account: 'Y', created: '2024-02-28', closed: '2024-03-01', amount: '1' }),
      deal({ id: 'L4', status: 'won', account: 'Y', created: '2024-02-29', closed: '2024-02-29', amount: '1' }),
    ];
    const r = run(deals, { window: range('2023-01-01', '2024-12-31'), granularity: 'year' });
    // 2023: L2 = 28. 2024: L1 = 29, L3 = Feb 28 → 29 → Mar 1 = 2, L4 = 0 → sorted {0, 2, 29}:
    // mean 31/3, median 2.
    expect(periodOf(r, '2023').metrics.sales_cycle_days_mean).toBe(28);
    const y2024 = periodOf(r, '2024').metrics;
    expect(y2024.sales_cycle_days_mean).toBe(31 / 3);
    expect(y2024.sales_cycle_days_median).toBe(2);
    // Totals: {0, 2, 28, 29}: mean 59/4 = 14.75, median (2+28)/2 = 15.
    expect(r.totals.sales_cycle_days_mean).toBe(14.75);
    expect(r.totals.sales_cycle_days_median).toBe(15);
  });

  it('a deal closed on 2024-02-29 falls in February 2024', () => {
    const r = run(
      [deal({ id: 'L', status: 'won', account: 'X', created: '2024-01-31', closed: '2024-02-29', amount: '5' })],
      {
        window: range('2024-02-01', '2024-03-31'),
      },
    );
    // Jan 31 → Feb 29 = 29 days.
    expect(r.periods.map((p) => [p.period, p.to, p.metrics.revenue, p.metrics.sales_cycle_days_mean])).toEqual([
      ['2024-02', '2024-02-29', 5, 29],
      ['2024-03', '2024-03-31', 0, null],
    ]);
  });
});

describe('ISO weeks in a report', () => {
  it('deals around the 2024/2025 year end fall in 2024-W52, 2025-W01, 2025-W02', () => {
    const deals = [
      deal({ id: 'K1', status: 'won', account: 'X', created: '2024-12-01', closed: '2024-12-29', amount: '1' }), // Sun
      deal({ id: 'K2', status: 'won', account: 'X', created: '2024-12-01', closed: '2024-12-30', amount: '2' }), // Mon
      deal({ id: 'K3', status: 'won', account: 'Y', created: '2024-12-01', closed: '2025-01-05', amount: '4' }), // Sun
      deal({ id: 'K4', status: 'lost', account: 'Y', created: '2024-12-01', closed: '2025-01-06', amount: '8' }), // Mon
    ];
    const r = run(deals, { window: range('2024-12-23', '2025-01-12'), granularity: 'week' });
    // W52 Dec 23..29: K1. W01 Dec 30..Jan 5: K2 + K3 = 6. W02 Jan 6..12: K4 lost.
    // Retention W01: prev Dec 23..29 {X}; W01 {X, Y} → 1. W02: prev {X, Y}; W02 {} → 0.
    expect(
      r.periods.map((p) => [
        p.period,
        p.from,
        p.to,
        p.metrics.revenue,
        p.metrics.deals_lost,
        p.metrics.customer_retention_rate,
      ]),
    ).toEqual([
      ['2024-W52', '2024-12-23', '2024-12-29', 1, 0, null],
      ['2025-W01', '2024-12-30', '2025-01-05', 6, 0, 1],
      ['2025-W02', '2025-01-06', '2025-01-12', 0, 1, 0],
    ]);
  });
});

describe('every grouping column', () => {
  it.each(DIMENSIONS)('by %s', (by) => {
    const deals = [
      deal({ id: 'G1', status: 'won', account: 'X', closed: '2025-01-10', amount: '10', [by]: 'p' }),
      deal({ id: 'G2', status: 'won', account: 'Y', closed: '2025-01-11', amount: '20', [by]: 'q' }),
      deal({ id: 'G3', status: 'lost', account: 'Y', closed: '2025-01-12', amount: '40', [by]: 'q' }),
      deal({ id: 'G4', status: 'won', account: 'Z', closed: '2025-01-13', amount: '80' }), // empty value
    ];
    const r = run(deals, { window: range('2025-01-01', '2025-01-31'), by });
    // '' (G4) 80 / won 1; p: 10 / won 1; q: 20, won 1 lost 1 → 0.5. Total 110, 3 new.
    expect(r.groups.map((g) => [g.by, g.key, g.totals.revenue, g.totals.win_rate, g.totals.new_customers])).toEqual([
      [by, '', 80, 1, 1],
      [by, 'p', 10, 1, 1],
      [by, 'q', 20, 0.5, 1],
    ]);
    // Amounts in several currencies (here '', p, q) are never summed: the total is null then.
    expect(r.totals.revenue).toBe(by === 'currency' ? null : 110);
    expect(r.mixedCurrencies).toBe(by === 'currency');
    expect(r.totals.new_customers).toBe(3);
  });
});
