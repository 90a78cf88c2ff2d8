import { describe, expect, it } from 'vitest';
import { extendPlan, type MetricValues, type Plan } from '../../src/engine/index.js';

/** Metric values: the given ones, null for the deal metrics not given. */
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

/** A plan that still needs 7 deals closed, over 3 remaining months. */
const PLAN: Plan = {
  remaining: 1_000_000,
  avgDealSize: 250_000,
  winRate: 0.6,
  dealsToWin: 4,
  dealsToClose: 7,
  remainingMonths: 3,
  dealsToWinPerMonth: 2,
  dealsToClosePerMonth: 3,
  reasons: [],
};

/*
 * KGI window so far: 10 handoffs, of them 3 won and 2 lost (5 closed);
 * 120 calls set 9 appointments.
 *   meetings = ⌈7 × 10 / 5⌉ = 14; per month ⌈14 / 3⌉ = 5
 *   calls = ⌈14 × 120 / 9⌉ = ⌈186.67⌉ = 187; per month ⌈187 / 3⌉ = ⌈62.33⌉ = 63
 * Appointers:
 *   Kato: 6 handoffs, 80 calls, 6 appointments → meetings ⌈14 × 6 / 10⌉ = ⌈8.4⌉ = 9, per month 3;
 *         calls ⌈9 × 80 / 6⌉ = 120, per month 40
 *   Ito:  4 handoffs, 40 calls, 3 appointments → meetings ⌈14 × 4 / 10⌉ = ⌈5.6⌉ = 6, per month 2;
 *         calls ⌈6 × 40 / 3⌉ = 80, per month ⌈26.67⌉ = 27
 *   ''    (deals without appointer) and Sato (no handoff) are left out.
 */
const TOTALS = values({
  handoffs: 10,
  handoffs_won: 3,
  handoffs_lost: 2,
  activities_call: 120,
  appointments_set: 9,
  call_to_appointment_rate: 9 / 120,
});
const APPOINTERS = [
  { key: '', values: values({ handoffs: 0, activities_call: 0, appointments_set: 0 }) },
  {
    key: 'Kato',
    values: values({ handoffs: 6, activities_call: 80, appointments_set: 6, call_to_appointment_rate: 6 / 80 }),
  },
  { key: 'Sato', values: values({ handoffs: 0, activities_call: 0, appointments_set: 0 }) },
  {
    key: 'Ito',
    values: values({ handoffs: 4, activities_call: 40, appointments_set: 3, call_to_appointment_rate: 3 / 40 }),
  },
];

describe('the plan down the chain: deals to close → meetings → calls', () => {
  it('works the meetings and calls back from the deals to close, per month and per appointer', () => {
    const p = extendPlan(PLAN, TOTALS, APPOINTERS);
    expect(p).toEqual({
      ...PLAN,
      meetings: {
        handoffs: 10,
        handoffsClosed: 5,
        meetingsNeeded: 14,
        meetingsNeededPerMonth: 5,
        callToAppointmentRate: 9 / 120,
        callsNeeded: 187,
        callsNeededPerMonth: 63,
        byAppointer: [
          {
            appointer: 'Ito',
            handoffs: 4,
            meetingsNeeded: 6,
            meetingsNeededPerMonth: 2,
            callToAppointmentRate: 3 / 40,
            callsNeeded: 80,
            callsNeededPerMonth: 27,
          },
          {
            appointer: 'Kato',
            handoffs: 6,
            meetingsNeeded: 9,
            meetingsNeededPerMonth: 3,
            callToAppointmentRate: 6 / 80,
            callsNeeded: 120,
            callsNeededPerMonth: 40,
          },
        ],
        reasons: [],
      },
    });
  });

  it('leaves a plan without funnel figures as it is', () => {
    expect(extendPlan(PLAN, values({}), [])).toBe(PLAN);
  });

  it('goal reached: nothing to close, so no meeting and no call', () => {
    const p = extendPlan({ ...PLAN, dealsToWin: 0, dealsToClose: 0 }, TOTALS, APPOINTERS);
    expect(p.meetings).toMatchObject({
      meetingsNeeded: 0,
      callsNeeded: 0,
      meetingsNeededPerMonth: 0,
      callsNeededPerMonth: 0,
    });
    expect(p.meetings?.byAppointer.map((a) => [a.appointer, a.meetingsNeeded, a.callsNeeded])).toEqual([
      ['Ito', 0, 0],
      ['Kato', 0, 0],
    ]);
  });

  it('no handoff closed yet: meetings unknown, with the reason', () => {
    const p = extendPlan(PLAN, values({ ...TOTALS, handoffs_won: 0, handoffs_lost: 0 }), []);
    expect(p.meetings).toMatchObject({ handoffsClosed: 0, meetingsNeeded: null, callsNeeded: null });
    expect(p.meetings?.reasons).toEqual([
      'no handoff closed yet in the KGI window, so the meetings per closed deal are unknown',
    ]);
  });

  it('no appointment set yet: calls unknown; no activities file: calls unknown', () => {
    const noAppointments = extendPlan(
      PLAN,
      values({ ...TOTALS, appointments_set: 0, call_to_appointment_rate: 0 }),
      [],
    );
    expect(noAppointments.meetings).toMatchObject({ meetingsNeeded: 14, callsNeeded: null, callsNeededPerMonth: null });
    expect(noAppointments.meetings?.reasons).toEqual([
      'no appointment set yet in the KGI window, so the calls per appointment are unknown',
    ]);
    const noActivities = extendPlan(PLAN, values({ handoffs: 10, handoffs_won: 3, handoffs_lost: 2 }), APPOINTERS);
    expect(noActivities.meetings).toMatchObject({ meetingsNeeded: 14, callsNeeded: null, callToAppointmentRate: null });
    expect(noActivities.meetings?.byAppointer.map((a) => [a.appointer, a.meetingsNeeded, a.callsNeeded])).toEqual([
      ['Ito', 6, null],
      ['Kato', 9, null],
    ]);
    expect(noActivities.meetings?.reasons).toEqual(['no activities file, so the calls per appointment are unknown']);
  });

  it('deals to close unknown, or no month left: nothing per month', () => {
    const unknown = extendPlan({ ...PLAN, dealsToClose: null }, TOTALS, []);
    expect(unknown.meetings).toMatchObject({ meetingsNeeded: null, callsNeeded: null });
    const noMonth = extendPlan({ ...PLAN, remainingMonths: 0 }, TOTALS, []);
    expect(noMonth.meetings).toMatchObject({
      meetingsNeeded: 14,
      meetingsNeededPerMonth: null,
      callsNeededPerMonth: null,
    });
  });
});
