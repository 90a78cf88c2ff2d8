import { describe, expect, it } from 'vitest';
import { compareDealIds } from '../../src/engine/aggregate.js';
import { deal, groupOf, periodOf, range, run } from './deal-builder.js';

describe('new_customers', () => {
  it('a tie on the first close date goes to the smallest deal_id (and its group)', () => {
    const deals = [
      // Account T: two wins on 2025-02-10; D2 (team B) is added first but D1 < D2 → team A.
      deal({ id: 'D2', status: 'won', team: 'B', account: 'T', closed: '2025-02-10', amount: '1' }),
      deal({ id: 'D1', status: 'won', team: 'A', account: 'T', closed: '2025-02-10', amount: '1' }),
      // Account U: the earliest date wins over the smaller id: D6 (B) on Feb 10 before D5 (A) on Feb 11.
      deal({ id: 'D5', status: 'won', team: 'A', account: 'U', closed: '2025-02-11', amount: '1' }),
      deal({ id: 'D6', status: 'won', team: 'B', account: 'U', closed: '2025-02-10', amount: '1' }),
    ];
    const r = run(deals, { window: range('2025-02-01', '2025-02-28'), by: 'team' });
    // Totals: T and U are new in February → 2; team A gets T, team B gets U.
    expect(r.totals.new_customers).toBe(2);
    expect(groupOf(r, 'A').totals.new_customers).toBe(1);
    expect(groupOf(r, 'B').totals.new_customers).toBe(1);
  });

  it('the tie does not depend on the order the deals are added in', () => {
    const deals = [
      deal({ id: 'D1', status: 'won', team: 'A', account: 'T', closed: '2025-02-10', amount: '1' }),
      deal({ id: 'D2', status: 'won', team: 'B', account: 'T', closed: '2025-02-10', amount: '1' }),
    ];
    const r = run(deals, { window: range('2025-02-01', '2025-02-28'), by: 'team' });
    expect([
      r.totals.new_customers,
      groupOf(r, 'A').totals.new_customers,
      groupOf(r, 'B').totals.new_customers,
    ]).toEqual([1, 1, 0]);
  });

  it('an account whose first won deal is before the window is not new in the window', () => {
    const deals = [
      // OLD first won 2024-12-31 (before the window), wins again in January.
      deal({ id: 'A1', status: 'won', team: 'A', account: 'OLD', closed: '2024-12-31', amount: '1' }),
      deal({ id: 'A2', status: 'won', team: 'A', account: 'OLD', closed: '2025-01-15', amount: '1' }),
      // NEW first won on the window's first day.
      deal({ id: 'B1', status: 'won', team: 'B', account: 'NEW', closed: '2025-01-01', amount: '1' }),
      // LATE: lost in January, first won in February.
      deal({ id: 'C1', status: 'lost', team: 'A', account: 'LATE', closed: '2025-01-20', amount: '1' }),
      deal({ id: 'C2', status: 'won', team: 'A', account: 'LATE', closed: '2025-02-03', amount: '1' }),
    ];
    const r = run(deals, { window: range('2025-01-01', '2025-02-28'), by: 'team' });
    // Jan: NEW only (OLD not new; LATE only lost). Feb: LATE. Window: 2.
    expect(r.periods.map((p) => [p.period, p.metrics.new_customers])).toEqual([
      ['2025-01', 1],
      ['2025-02', 1],
    ]);
    expect(r.totals.new_customers).toBe(2);
    // Team A: LATE (Feb); team B: NEW (Jan). 1 + 1 = 2 = totals.
    expect(groupOf(r, 'A').periods.map((p) => p.metrics.new_customers)).toEqual([0, 1]);
    expect(groupOf(r, 'B').periods.map((p) => p.metrics.new_customers)).toEqual([1, 0]);
    // Revenue counts only January-window deals: A2 + B1 + C2 = 3 (A1 is outside).
    expect(r.totals.revenue).toBe(3);
  });

  it('an account first won in another group is new in neither group later', () => {
    const deals = [
      deal({ id: 'X1', status: 'won', team: 'A', account: 'X', closed: '2024-11-05', amount: '1' }),
      deal({ id: 'X2', status: 'won', team: 'B', account: 'X', closed: '2025-01-05', amount: '1' }),
    ];
    const r = run(deals, { window: range('2025-01-01', '2025-01-31'), by: 'team' });
    expect([
      r.totals.new_customers,
      groupOf(r, 'A').totals.new_customers,
      groupOf(r, 'B').totals.new_customers,
    ]).toEqual([0, 0, 0]);
  });

  it('deals without an account count in revenue, not as customers', () => {
    const deals = [
      deal({ id: 'N1', status: 'won', account: null, closed: '2025-01-05', amount: '7' }),
      deal({ id: 'N2', status: 'won', account: 'K', closed: '2025-01-06', amount: '3' }),
      deal({ id: 'N3', status: 'won', account: 'K', closed: '2025-01-07', amount: '5' }),
    ];
    const r = run(deals, { window: range('2025-01-01', '2025-01-31') });
    // Revenue 7 + 3 + 5 = 15; one customer K (counted once).
    expect([r.totals.revenue, r.totals.deals_won, r.totals.new_customers]).toEqual([15, 3, 1]);
  });
});

describe('customer_retention_rate', () => {
  /*
   * X won 2025-03-01, 2025-07-15, 2025-08-10; Y won 2025-06-30; Z won 2024-12-31 and 2025-09-01.
   * Window Jul 1..Dec 31 2025, by month.
   *   A(Jun) = {Y}, A(Jul) = {X}, A(Aug) = {X}, A(Sep) = {Z}, A(Oct..Dec) = {}.
   *   Jul: 0/1 = 0. Aug: {X} ∩ {X} → 1/1 = 1. Sep: {X} ∩ {Z} → 0/1. Oct: {Z} ∩ {} → 0/1.
   *   Nov, Dec: A(prev) empty → null.
   * Whole window: prev = Jan 1..Jun 30 (6 calendar months), A = {X, Y}; A(Jul..Dec) = {X, Z}
   *   → 1/2. (The same number of days, 184, would start prev on 2024-12-29 and let Z in: 2/3.)
   */
  const deals = [
    deal({ id: 'X1', status: 'won', account: 'X', closed: '2025-03-01', amount: '1000' }),
    deal({ id: 'X2', status: 'won', account: 'X', closed: '2025-07-15', amount: '10' }),
    deal({ id: 'X3', status: 'won', account: 'X', closed: '2025-08-10', amount: '20' }),
    deal({ id: 'Y1', status: 'won', account: 'Y', closed: '2025-06-30', amount: '2000' }),
    deal({ id: 'Z1', status: 'won', account: 'Z', closed: '2024-12-31', amount: '4000' }),
    deal({ id: 'Z2', status: 'won', account: 'Z', closed: '2025-09-01', amount: '40' }),
  ];
  const window = range('2025-07-01', '2025-12-31');

  it('an account buying in consecutive months: 1/1 in the second month', () => {
    const r = run(deals, { window });
    expect(r.periods.map((p) => [p.period, p.metrics.customer_retention_rate])).toEqual([
      ['2025-07', 0],
      ['2025-08', 1],
      ['2025-09', 0],
      ['2025-10', 0],
      ['2025-11', null],
      ['2025-12', null],
    ]);
  });

  it('whole window Jul–Dec: prev is Jan–Jun (calendar months), closed deals outside the window still count', () => {
    const r = run(deals, { window });
    expect(r.totals.customer_retention_rate).toBe(0.5);
    // Revenue only counts the window: 10 + 20 + 40 = 70. No one is new (first wins all before July).
    expect(r.totals.revenue).toBe(70);
    expect(r.totals.new_customers).toBe(0);
  });

  it('whole window 1/1 when the only earlier buyer buys again', () => {
    const r = run(
      deals.filter((d) => d.account !== 'Y'),
      { window },
    );
    // prev Jan..Jun = {X}; X buys in July → 1/1.
    expect(r.totals.customer_retention_rate).toBe(1);
  });

  it('a partial-month period: window 2025-01-10..2025-01-20 → prev 2024-12-30..2025-01-09 (11 days)', () => {
    const partial = [
      deal({ id: 'P1', status: 'won', account: 'P', closed: '2024-12-30', amount: '1' }), // prev (first day)
      deal({ id: 'P2', status: 'won', account: 'P', closed: '2025-01-15', amount: '1' }),
      deal({ id: 'Q1', status: 'won', account: 'Q', closed: '2024-12-29', amount: '1' }), // one day before prev
      deal({ id: 'Q2', status: 'won', account: 'Q', closed: '2025-01-12', amount: '1' }),
      deal({ id: 'R1', status: 'won', account: 'R', closed: '2025-01-09', amount: '1' }), // prev (last day)
      deal({ id: 'R2', status: 'won', account: 'R', closed: '2025-01-21', amount: '1' }), // after the window
      deal({ id: 'S1', status: 'won', account: 'S', closed: '2025-01-10', amount: '1' }),
    ];
    const r = run(partial, { window: range('2025-01-10', '2025-01-20') });
    // prev {P, R}; window {P, Q, S}; kept {P} → 1/2. (December as prev would give {P, Q} → 2/2.)
    expect(r.totals.customer_retention_rate).toBe(0.5);
    // The one month period is clipped to the window and gets the same prev.
    expect(r.periods.map((p) => [p.period, p.from, p.to, p.metrics.customer_retention_rate])).toEqual([
      ['2025-01', '2025-01-10', '2025-01-20', 0.5],
    ]);
    // Revenue: P2, Q2, S1 = 3. New: S only (P, Q, R first won before Jan 10).
    expect(r.totals.revenue).toBe(3);
    expect(r.totals.new_customers).toBe(1);
  });

  it('in a group, A counts only the group’s deals', () => {
    const grouped = [
      deal({ id: 'G1', status: 'won', team: 'A', account: 'X', closed: '2025-01-10', amount: '1' }),
      deal({ id: 'G2', status: 'won', team: 'B', account: 'X', closed: '2025-02-10', amount: '1' }),
    ];
    const r = run(grouped, { window: range('2025-01-01', '2025-02-28'), by: 'team' });
    // Feb, all deals: {X} ∩ {X} → 1. Team A: {X} ∩ {} → 0. Team B: A_B(Jan) = {} → null.
    expect(periodOf(r, '2025-02').metrics.customer_retention_rate).toBe(1);
    expect(periodOf(groupOf(r, 'A'), '2025-02').metrics.customer_retention_rate).toBe(0);
    expect(periodOf(groupOf(r, 'B'), '2025-02').metrics.customer_retention_rate).toBeNull();
    // New customers: X's first win G1 is team A's, in January.
    expect(groupOf(r, 'A').periods.map((p) => p.metrics.new_customers)).toEqual([1, 0]);
    expect(groupOf(r, 'B').periods.map((p) => p.metrics.new_customers)).toEqual([0, 0]);
  });

  it('lost deals do not make an account a buyer', () => {
    const d = [
      deal({ id: 'L1', status: 'lost', account: 'L', closed: '2025-01-10', amount: '1' }),
      deal({ id: 'L2', status: 'won', account: 'L', closed: '2025-02-10', amount: '1' }),
    ];
    const r = run(d, { window: range('2025-01-01', '2025-02-28') });
    // A(Jan) = {} → Feb retention null; L is new in February.
    expect(periodOf(r, '2025-02').metrics.customer_retention_rate).toBeNull();
    expect(r.periods.map((p) => p.metrics.new_customers)).toEqual([0, 1]);
  });

  it('two accounts in prev, several deals each, one kept: 1/2', () => {
    const d = [
      deal({ id: 'A1', status: 'won', account: 'A', closed: '2025-01-02', amount: '1' }),
      deal({ id: 'A2', status: 'won', account: 'A', closed: '2025-01-03', amount: '1' }),
      deal({ id: 'B1', status: 'won', account: 'B', closed: '2025-01-31', amount: '1' }),
      deal({ id: 'A3', status: 'won', account: 'A', closed: '2025-02-01', amount: '1' }),
      deal({ id: 'A4', status: 'won', account: 'A', closed: '2025-02-28', amount: '1' }),
    ];
    const r = run(d, { window: range('2025-01-01', '2025-02-28') });
    // Feb: prev Jan {A, B}; Feb {A} → 0.5.
    expect(periodOf(r, '2025-02').metrics.customer_retention_rate).toBe(0.5);
  });
});

describe('compareDealIds', () => {
  it('orders whole-number ids numerically, before others by text: a total order', () => {
    // '2' < '10' (numbers) < '1a' (text): no cycle, whatever the mix.
    expect(compareDealIds('2', '10')).toBeLessThan(0);
    expect(compareDealIds('10', '1a')).toBeLessThan(0);
    expect(compareDealIds('2', '1a')).toBeLessThan(0);
    expect(compareDealIds('9', '10')).toBeLessThan(0);
    expect(compareDealIds('010', '9')).toBeGreaterThan(0); // 10 > 9
    expect(compareDealIds('007', '7')).toBeLessThan(0); // equal numbers: by text, '0' < '7'
    expect(compareDealIds('D9', 'D10')).toBeGreaterThan(0); // text: '9' > '1'
    expect(compareDealIds('A', 'A')).toBe(0);
  });
});

describe('new customers with numeric deal ids', () => {
  it('break a same-day tie by the numerically smallest id', () => {
    // Account X wins deal 10 (team B) and deal 9 (team A) on the same day: 9 < 10, so X is team A's.
    const deals = [
      deal({ id: '10', status: 'won', amount: '5', closed: '2025-01-15', account: 'X', team: 'B' }),
      deal({ id: '9', status: 'won', amount: '5', closed: '2025-01-15', account: 'X', team: 'A' }),
    ];
    const report = run(deals, { by: 'team', window: range('2025-01-01', '2025-01-31') });
    expect(groupOf(report, 'A').totals.new_customers).toBe(1);
    expect(groupOf(report, 'B').totals.new_customers).toBe(0);
  });
});
