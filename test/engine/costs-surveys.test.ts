import { describe, expect, it } from 'vitest';
import { deal, groupOf, periodOf, range } from './deal-builder.js';
import { cost, runInputs, survey } from './input-builder.js';

/*
 * Costs and new customers, January–February 2025, by hand:
 *
 *   C1 01-01 sales      1000    team Enterprise
 *   C2 01-15 marketing   500.50 (no team)        channel outside
 *   C3 01-31 other       999    team Enterprise  not acquisition cost
 *   C4 02-01 sales       300    team SMB         channel inside
 *   C5 02-10 marketing   200    team Enterprise
 *   C6 2024-12-31 sales 5000                     before the window
 *
 *   N1 won X 01-10 Enterprise outside → X new in Jan
 *   N2 won Y 01-20 SMB inside         → Y new in Jan
 *   N3 won X 02-10 Enterprise outside   (X again: not new)
 *   N4 won Z 02-15 SMB inside         → Z new in Feb
 */
const COSTS = [
  cost({ date: '2025-01-01', amount: '1000', category: 'sales', team: 'Enterprise' }),
  cost({ date: '2025-01-15', amount: '500.50', category: 'marketing', channel: 'outside' }),
  cost({ date: '2025-01-31', amount: '999', category: 'other', team: 'Enterprise' }),
  cost({ date: '2025-02-01', amount: '300', category: 'sales', team: 'SMB', channel: 'inside' }),
  cost({ date: '2025-02-10', amount: '200', category: 'marketing', team: 'Enterprise' }),
  cost({ date: '2024-12-31', amount: '5000', category: 'sales' }),
];
const won = (id: string, account: string, closed: string, team: string, channel: string) =>
  deal({ id, status: 'won', amount: '10', account, created: '2025-01-01', closed, team, channel });
const DEALS = [
  won('N1', 'X', '2025-01-10', 'Enterprise', 'outside'),
  won('N2', 'Y', '2025-01-20', 'SMB', 'inside'),
  won('N3', 'X', '2025-02-10', 'Enterprise', 'outside'),
  won('N4', 'Z', '2025-02-15', 'SMB', 'inside'),
];
const WINDOW = range('2025-01-01', '2025-02-28');
const cac = (v: Record<string, number | null | undefined>) => [v.acquisition_cost, v.new_customers, v.cac];

describe('acquisition cost and CAC', () => {
  it('totals and periods: sales + marketing costs over new customers', () => {
    const r = runInputs({ window: WINDOW, deals: DEALS, costs: COSTS });
    expect(cac(periodOf(r, '2025-01').metrics)).toEqual([1500.5, 2, 750.25]); // 1000 + 500.50; X, Y
    expect(cac(periodOf(r, '2025-02').metrics)).toEqual([500, 1, 500]); // 300 + 200; Z
    expect(cac(r.totals)).toEqual([2000.5, 3, 666.83]); // 2000.50 / 3 = 666.8333…
  });

  it('by team: costs naming the team; costs without one count in the totals only', () => {
    const r = runInputs({ window: WINDOW, deals: DEALS, costs: COSTS, by: 'team' });
    const ent = groupOf(r, 'Enterprise');
    expect(cac(periodOf(ent, '2025-01').metrics)).toEqual([1000, 1, 1000]); // C1; X
    expect(cac(periodOf(ent, '2025-02').metrics)).toEqual([200, 0, null]); // C5; no new customer
    expect(cac(ent.totals)).toEqual([1200, 1, 1200]);
    const smb = groupOf(r, 'SMB');
    expect(cac(periodOf(smb, '2025-01').metrics)).toEqual([0, 1, 0]); // no cost; Y
    expect(cac(smb.totals)).toEqual([300, 2, 150]); // C4; Y, Z
    // 1200 + 300 = 1500 of 2000.50: C2 (500.50) names no team.
    expect(r.totals.acquisition_cost).toBe(2000.5);
  });

  it('by channel: costs naming the channel', () => {
    const r = runInputs({ window: WINDOW, deals: DEALS, costs: COSTS, by: 'channel' });
    expect(cac(groupOf(r, 'outside').totals)).toEqual([500.5, 1, 500.5]); // C2; X
    expect(cac(groupOf(r, 'inside').totals)).toEqual([300, 2, 150]); // C4; Y, Z
  });

  it('by owner: costs carry no owner, so null in the groups', () => {
    const r = runInputs({ window: WINDOW, deals: DEALS, costs: COSTS, by: 'owner' });
    expect(r.groups.map((g) => cac(g.totals))).toEqual([[null, 3, null]]);
  });

  it('zero cases: no new customer, no cost, mixed currencies, no file', () => {
    const none = runInputs({ window: range('2025-03-01', '2025-03-31'), deals: DEALS, costs: COSTS });
    expect(cac(none.totals)).toEqual([0, 0, null]);
    const mixed = runInputs({
      window: WINDOW,
      deals: [
        ...DEALS.slice(0, 1),
        deal({ id: 'U', status: 'won', amount: '1', closed: '2025-01-05', account: 'W', currency: 'USD' }),
      ],
      costs: COSTS,
    });
    expect(cac(mixed.totals)).toEqual([null, 2, null]);
    expect(runInputs({ window: WINDOW, deals: DEALS }).totals).not.toHaveProperty('cac');
  });
});

/*
 * Survey responses, by hand:
 *
 *   S1 01-05 csat 5 Sato     S4 01-08 nps 10 Sato     S8 02-01 nps 0 Ito
 *   S2 01-06 csat 3 Sato     S5 01-09 nps  9 —        S9 02-02 csat 1 —
 *   S3 01-07 csat 4 Ito      S6 01-10 nps  7 —
 *                            S7 01-11 nps  6 Ito
 */
const SURVEYS = [
  survey({ date: '2025-01-05', type: 'csat', score: 5, owner: 'Sato' }),
  survey({ date: '2025-01-06', type: 'csat', score: 3, owner: 'Sato' }),
  survey({ date: '2025-01-07', type: 'csat', score: 4, owner: 'Ito' }),
  survey({ date: '2025-01-08', type: 'nps', score: 10, owner: 'Sato' }),
  survey({ date: '2025-01-09', type: 'nps', score: 9 }),
  survey({ date: '2025-01-10', type: 'nps', score: 7 }),
  survey({ date: '2025-01-11', type: 'nps', score: 6, owner: 'Ito' }),
  survey({ date: '2025-02-01', type: 'nps', score: 0, owner: 'Ito' }),
  survey({ date: '2025-02-02', type: 'csat', score: 1 }),
];
const sat = (v: Record<string, number | null | undefined>) => [v.survey_responses, v.csat, v.csat_mean, v.nps];

describe('CSAT and NPS', () => {
  it('periods and totals', () => {
    const r = runInputs({ window: WINDOW, surveys: SURVEYS });
    // Jan: CSAT 5, 3, 4 → 2 of 3 at 4 or more, mean 4; NPS 10, 9, 7, 6 → (2 − 1) / 4 = +25.
    expect(sat(periodOf(r, '2025-01').metrics)).toEqual([7, 2 / 3, 4, 25]);
    // Feb: CSAT 1 → 0, mean 1; NPS 0 → −100.
    expect(sat(periodOf(r, '2025-02').metrics)).toEqual([2, 0, 1, -100]);
    // All: CSAT 5 3 4 1 → 2/4, mean 13/4; NPS 10 9 7 6 0 → (2 − 2) / 5 = 0.
    expect(sat(r.totals)).toEqual([9, 0.5, 3.25, 0]);
  });

  it('by owner, with the responses that name none in the group ""', () => {
    const r = runInputs({ window: WINDOW, surveys: SURVEYS, by: 'owner' });
    expect(r.groups.map((g) => [g.key, ...sat(g.totals)])).toEqual([
      ['', 3, 0, 1, 50], // S5 S6 S9: CSAT 1; NPS 9, 7 → (1 − 0) / 2
      ['Ito', 3, 1, 4, -100], // S3 S7 S8: CSAT 4; NPS 6, 0 → (0 − 2) / 2
      ['Sato', 3, 0.5, 4, 100], // S1 S2 S4: CSAT 5, 3; NPS 10
    ]);
  });

  it('zero cases: no response is null, not 0', () => {
    const r = runInputs({ window: range('2025-03-01', '2025-03-31'), surveys: SURVEYS });
    expect(sat(r.totals)).toEqual([0, null, null, null]);
    const onlyNps = runInputs({ window: WINDOW, surveys: SURVEYS.filter((s) => s.type === 'nps') });
    expect(sat(onlyNps.totals)).toEqual([5, null, null, 0]);
  });
});
