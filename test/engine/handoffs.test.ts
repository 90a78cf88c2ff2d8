import { describe, expect, it } from 'vitest';
import { deal, groupOf, periodOf, range } from './deal-builder.js';
import { runInputs } from './input-builder.js';

/*
 * Deals of Q1 2025 (window 2025-01-01..2025-03-31), by hand:
 *
 *   H1 created 01-05 appointer Kato owner Sato    won  01-30  100
 *   H2 created 01-10 appointer Kato owner Suzuki  lost 02-15
 *   H3 created 01-20 appointer Ito  owner Sato    open
 *   H4 created 02-01 appointer Kato owner Sato    won  04-10  300   after the window: still open at its end
 *   H5 created 02-05 (no appointer) owner Sato    won  02-20  700   not a handoff
 *   H6 (no created) appointer Kato owner Sato     won  02-25  900   not a handoff: no created date
 *   H7 created 03-03 appointer Ito  owner Suzuki  won  03-20  50.25
 */
const DEALS = [
  deal({
    id: 'H1',
    status: 'won',
    amount: '100',
    created: '2025-01-05',
    closed: '2025-01-30',
    appointer: 'Kato',
    owner: 'Sato',
  }),
  deal({
    id: 'H2',
    status: 'lost',
    amount: '0',
    created: '2025-01-10',
    closed: '2025-02-15',
    appointer: 'Kato',
    owner: 'Suzuki',
  }),
  deal({ id: 'H3', status: 'open', amount: '80', created: '2025-01-20', appointer: 'Ito', owner: 'Sato' }),
  deal({
    id: 'H4',
    status: 'won',
    amount: '300',
    created: '2025-02-01',
    closed: '2025-04-10',
    appointer: 'Kato',
    owner: 'Sato',
  }),
  deal({ id: 'H5', status: 'won', amount: '700', created: '2025-02-05', closed: '2025-02-20', owner: 'Sato' }),
  deal({ id: 'H6', status: 'won', amount: '900', closed: '2025-02-25', appointer: 'Kato', owner: 'Sato' }),
  deal({
    id: 'H7',
    status: 'won',
    amount: '50.25',
    created: '2025-03-03',
    closed: '2025-03-20',
    appointer: 'Ito',
    owner: 'Suzuki',
  }),
];
const Q1 = range('2025-01-01', '2025-03-31');

const funnel = (v: Record<string, number | null | undefined>): (number | null | undefined)[] => [
  v.handoffs,
  v.handoffs_won,
  v.handoffs_lost,
  v.handoffs_open,
  v.handoff_win_rate,
  v.handoff_revenue,
];

describe('appointer → closer funnel', () => {
  const r = runInputs({ window: Q1, deals: DEALS, appointers: true });

  it('counts the deals handed over in each period and where they stand at the end of the window', () => {
    // Jan: H1 won, H2 lost, H3 open → 1 / (1 + 1) = 0.5; revenue 100.
    expect(funnel(periodOf(r, '2025-01').metrics)).toEqual([3, 1, 1, 1, 0.5, 100]);
    // Feb: H4 only (H5 has no appointer); it closes 04-10, after the window: open; no rate.
    expect(funnel(periodOf(r, '2025-02').metrics)).toEqual([1, 0, 0, 1, null, 0]);
    // Mar: H7 won.
    expect(funnel(periodOf(r, '2025-03').metrics)).toEqual([1, 1, 0, 0, 1, 50.25]);
    // Q1: 5 handoffs, won H1 H7, lost H2, open H3 H4 → 2/3; 100 + 50.25.
    expect(funnel(r.totals)).toEqual([5, 2, 1, 2, 2 / 3, 150.25]);
  });

  it('by appointer, and each appointer × owner pair', () => {
    const by = runInputs({ window: Q1, deals: DEALS, appointers: true, by: 'appointer' });
    // '': H5 (no appointer): a won deal, but no handoff.
    expect(funnel(groupOf(by, '').totals)).toEqual([0, 0, 0, 0, null, 0]);
    expect(groupOf(by, '').totals.deals_won).toBe(1);
    // Kato's group wins H1 and H6 (H6 has no created date, so it is no handoff).
    expect(groupOf(by, 'Kato').totals.deals_won).toBe(2);
    expect(funnel(groupOf(by, 'Ito').totals)).toEqual([2, 1, 0, 1, 1, 50.25]); // H3 open, H7 won
    expect(funnel(groupOf(by, 'Kato').totals)).toEqual([3, 1, 1, 1, 0.5, 100]); // H1 won, H2 lost, H4 open
    expect(by.handoffMatrix).toEqual([
      { appointer: 'Ito', owner: 'Sato', handoffs: 1, won: 0, lost: 0, open: 1, handoff_win_rate: null, revenue: 0 },
      { appointer: 'Ito', owner: 'Suzuki', handoffs: 1, won: 1, lost: 0, open: 0, handoff_win_rate: 1, revenue: 50.25 },
      { appointer: 'Kato', owner: 'Sato', handoffs: 2, won: 1, lost: 0, open: 1, handoff_win_rate: 1, revenue: 100 },
      { appointer: 'Kato', owner: 'Suzuki', handoffs: 1, won: 0, lost: 1, open: 0, handoff_win_rate: 0, revenue: 0 },
    ]);
  });

  it('by owner (the closer): handoffs each one received', () => {
    const by = runInputs({ window: Q1, deals: DEALS, appointers: true, by: 'owner' });
    expect(funnel(groupOf(by, 'Sato').totals)).toEqual([3, 1, 0, 2, 1, 100]); // H1, H3, H4
    expect(funnel(groupOf(by, 'Suzuki').totals)).toEqual([2, 1, 1, 0, 0.5, 50.25]); // H2, H7
    expect(by.handoffMatrix).toBeNull(); // only with --by appointer
  });

  it('a window that follows the data reaches 04-10: H4 is won', () => {
    const r2 = runInputs({
      window: range('2025-01-01', '2025-04-30'),
      aggregateWindow: null,
      deals: DEALS,
      appointers: true,
    });
    // H4 won → Feb: 1 handoff, 1 won, rate 1, revenue 300; totals 5 handoffs, won 3, lost 1, open 1 (H3).
    expect(funnel(periodOf(r2, '2025-02').metrics)).toEqual([1, 1, 0, 0, 1, 300]);
    expect(funnel(r2.totals)).toEqual([5, 3, 1, 1, 0.75, 450.25]);
  });

  it('a deal created before the window is no handoff of it', () => {
    const r2 = runInputs({ window: range('2025-02-01', '2025-03-31'), deals: DEALS, appointers: true });
    expect(funnel(r2.totals)).toEqual([2, 1, 0, 1, 1, 50.25]); // H4 (open at 03-31), H7
  });

  it('without an appointer column no funnel key; without amounts no funnel revenue', () => {
    const none = runInputs({ window: Q1, deals: DEALS });
    expect(none.totals).not.toHaveProperty('handoffs');
    expect(none.handoffMatrix).toBeNull();
    const empty = runInputs({ window: Q1, deals: [], appointers: true });
    expect(funnel(empty.totals)).toEqual([0, 0, 0, 0, null, 0]);
    const noAmounts = runInputs({ window: Q1, deals: DEALS, appointers: true, amounts: false });
    expect(funnel(noAmounts.totals)).toEqual([5, 2, 1, 2, 2 / 3, null]);
  });
});
