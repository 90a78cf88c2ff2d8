import { describe, expect, it } from 'vitest';
import { deal, groupOf, periodOf, range } from './deal-builder.js';
import { activity, runInputs } from './input-builder.js';

/*
 * Activities in January–February 2025, worked out by hand:
 *
 *   A1 01-06 call     Kato  Inside  10 min   appointment set
 *   A2 01-07 call     Kato  Inside   5 min
 *   A3 01-08 email    Kato  Inside   —       appointment set (an e-mail booked it)
 *   A4 01-15 visit    Sato  Field   90 min
 *   A5 01-20 meeting  Sato  Field   60 min
 *   A6 02-03 call     Kato  Inside  15 min
 *   A7 02-10 video    Sato  Field   45 min
 *   A8 02-11 other    Kato  Inside   2.5 min
 *   A9 2024-12-31 call Kato         30 min   outside the window: left out
 *
 * Deals: W1 won 1000 on 01-20 (Sato), W2 won 500.50 on 02-14 (Sato), L1 lost on 02-20 (Kato).
 */
const ACTIVITIES = [
  activity({ date: '2025-01-06', type: 'call', owner: 'Kato', team: 'Inside', minutes: '10', appointment: true }),
  activity({ date: '2025-01-07', type: 'call', owner: 'Kato', team: 'Inside', minutes: '5' }),
  activity({ date: '2025-01-08', type: 'email', owner: 'Kato', team: 'Inside', appointment: true }),
  activity({ date: '2025-01-15', type: 'visit', owner: 'Sato', team: 'Field', minutes: '90' }),
  activity({ date: '2025-01-20', type: 'meeting', owner: 'Sato', team: 'Field', minutes: '60' }),
  activity({ date: '2025-02-03', type: 'call', owner: 'Kato', team: 'Inside', minutes: '15' }),
  activity({ date: '2025-02-10', type: 'video', owner: 'Sato', team: 'Field', minutes: '45' }),
  activity({ date: '2025-02-11', type: 'other', owner: 'Kato', team: 'Inside', minutes: '2.5' }),
  activity({ date: '2024-12-31', type: 'call', owner: 'Kato', team: 'Inside', minutes: '30' }),
];
const DEALS = [
  deal({ id: 'W1', status: 'won', amount: '1000', created: '2025-01-02', closed: '2025-01-20', owner: 'Sato' }),
  deal({ id: 'W2', status: 'won', amount: '500.50', created: '2025-01-03', closed: '2025-02-14', owner: 'Sato' }),
  deal({ id: 'L1', status: 'lost', amount: '0', created: '2025-01-04', closed: '2025-02-20', owner: 'Kato' }),
];
const WINDOW = range('2025-01-01', '2025-02-28');

function pick(values: Record<string, number | null | undefined>): Record<string, number | null | undefined> {
  const ids = [
    'activities',
    'activities_call',
    'activities_email',
    'activities_meeting',
    'activities_visit',
    'activities_video',
    'activities_other',
    'activity_hours',
    'appointments_set',
    'call_to_appointment_rate',
    'revenue_per_activity_hour',
    'activity_hours_per_won_deal',
  ];
  return Object.fromEntries(ids.map((id) => [id, values[id]]));
}

describe('activity metrics', () => {
  const r = runInputs({ window: WINDOW, deals: DEALS, activities: ACTIVITIES });

  it('January: counts by type, hours, appointments per call, revenue per hour', () => {
    expect(pick(periodOf(r, '2025-01').metrics)).toEqual({
      activities: 5, // A1–A5
      activities_call: 2,
      activities_email: 1,
      activities_meeting: 1,
      activities_visit: 1,
      activities_video: 0,
      activities_other: 0,
      activity_hours: 2.75, // 10 + 5 + 0 + 90 + 60 = 165 min = 2.75 h
      appointments_set: 2, // A1, A3
      call_to_appointment_rate: 1, // 2 appointments / 2 calls
      revenue_per_activity_hour: 363.64, // 1000 / 2.75 = 363.6363…
      activity_hours_per_won_deal: 2.75, // 2.75 h / 1 won
    });
  });

  it('February', () => {
    expect(pick(periodOf(r, '2025-02').metrics)).toEqual({
      activities: 3, // A6, A7, A8
      activities_call: 1,
      activities_email: 0,
      activities_meeting: 0,
      activities_visit: 0,
      activities_video: 1,
      activities_other: 1,
      activity_hours: 62.5 / 60, // 15 + 45 + 2.5 = 62.5 min
      appointments_set: 0,
      call_to_appointment_rate: 0, // 0 / 1
      revenue_per_activity_hour: 480.48, // 500.50 × 60 / 62.5 = 30030 / 62.5 = 480.48 exactly
      activity_hours_per_won_deal: 62.5 / 60, // one deal won
    });
  });

  it('the whole window leaves out the activity before it', () => {
    expect(pick(r.totals)).toEqual({
      activities: 8,
      activities_call: 3,
      activities_email: 1,
      activities_meeting: 1,
      activities_visit: 1,
      activities_video: 1,
      activities_other: 1,
      activity_hours: 227.5 / 60, // 165 + 62.5 min
      appointments_set: 2,
      call_to_appointment_rate: 2 / 3,
      revenue_per_activity_hour: 395.74, // 1500.50 × 60 / 227.5 = 90030 / 227.5 = 395.7362…
      activity_hours_per_won_deal: 227.5 / 60 / 2, // 3.7916… h / 2 won = 1.8958…
    });
  });

  it('keeps the deal metrics as they were and adds the activity keys after them', () => {
    expect(Object.keys(r.totals).slice(0, 11)).toEqual([
      'revenue',
      'deals_won',
      'deals_lost',
      'deals_open',
      'pipeline_value',
      'win_rate',
      'avg_deal_size',
      'sales_cycle_days_mean',
      'sales_cycle_days_median',
      'new_customers',
      'customer_retention_rate',
    ]);
    expect(Object.keys(r.totals).slice(11)).toEqual(Object.keys(pick({})));
    expect(r.totals.revenue).toBe(1500.5);
  });

  it('by owner: each person their own activities; revenue per hour of their own won deals', () => {
    const by = runInputs({ window: WINDOW, deals: DEALS, activities: ACTIVITIES, by: 'owner' });
    const kato = groupOf(by, 'Kato');
    // Kato: A1 A2 A3 A6 A8: calls 3, email 1, other 1; 10 + 5 + 15 + 2.5 = 32.5 min; 2 appointments; no deal won.
    expect(pick(kato.totals)).toEqual({
      activities: 5,
      activities_call: 3,
      activities_email: 1,
      activities_meeting: 0,
      activities_visit: 0,
      activities_video: 0,
      activities_other: 1,
      activity_hours: 32.5 / 60,
      appointments_set: 2,
      call_to_appointment_rate: 2 / 3,
      revenue_per_activity_hour: 0, // revenue 0 over 0.54 h
      activity_hours_per_won_deal: null, // nothing won
    });
    const sato = groupOf(by, 'Sato');
    // Sato: A4 A5 A7: 90 + 60 + 45 = 195 min = 3.25 h; revenue 1500.50 → 461.6923… per hour; 2 won.
    expect(pick(sato.totals)).toMatchObject({
      activities: 3,
      activities_call: 0,
      activity_hours: 3.25,
      appointments_set: 0,
      call_to_appointment_rate: null, // no call
      revenue_per_activity_hour: 461.69,
      activity_hours_per_won_deal: 1.625,
    });
    expect(by.groups.map((g) => g.key)).toEqual(['Kato', 'Sato']);
  });

  it('by team and by channel: the activity’s own team and channel (visits and meetings outside, the rest inside)', () => {
    const team = runInputs({ window: WINDOW, deals: DEALS, activities: ACTIVITIES, by: 'team' });
    // Deals carry no team: group '' has the deals; Field and Inside only activities.
    expect(team.groups.map((g) => [g.key, g.totals.activities, g.totals.revenue])).toEqual([
      ['', 0, 1500.5],
      ['Field', 3, 0],
      ['Inside', 5, 0],
    ]);
    const channel = runInputs({ window: WINDOW, deals: DEALS, activities: ACTIVITIES, by: 'channel' });
    // outside: A4 visit, A5 meeting; inside: calls, e-mail, video, other.
    expect(channel.groups.map((g) => [g.key, g.totals.activities, g.totals.activity_hours])).toEqual([
      ['', 0, 0],
      ['inside', 6, (10 + 5 + 15 + 45 + 2.5) / 60],
      ['outside', 2, 150 / 60],
    ]);
  });

  it('by a column activities do not carry (segment): activity metrics are null in the groups', () => {
    const by = runInputs({ window: WINDOW, deals: DEALS, activities: ACTIVITIES, by: 'segment' });
    expect(by.groups).toHaveLength(1);
    expect(by.groups[0]?.totals.activities).toBeNull();
    expect(by.groups[0]?.totals.activity_hours).toBeNull();
    expect(by.totals.activities).toBe(8);
  });
});

describe('activity metrics: zero cases', () => {
  it('a period without activities: counts 0, rates null; hours per won deal 0 when deals were won', () => {
    const r = runInputs({
      window: range('2025-03-01', '2025-03-31'),
      deals: [deal({ id: 'W', status: 'won', amount: '10', created: '2025-03-01', closed: '2025-03-02' })],
      activities: [],
    });
    expect(pick(r.totals)).toEqual({
      activities: 0,
      activities_call: 0,
      activities_email: 0,
      activities_meeting: 0,
      activities_visit: 0,
      activities_video: 0,
      activities_other: 0,
      activity_hours: 0,
      appointments_set: 0,
      call_to_appointment_rate: null, // no call
      revenue_per_activity_hour: null, // no hour
      activity_hours_per_won_deal: 0, // 0 h / 1 won
    });
  });

  it('a file without durations: hour metrics are null, counts stay', () => {
    const r = runInputs({ window: WINDOW, deals: DEALS, activities: ACTIVITIES, durations: false });
    expect(r.totals.activities).toBe(8);
    expect(r.totals.activity_hours).toBeNull();
    expect(r.totals.revenue_per_activity_hour).toBeNull();
    expect(r.totals.activity_hours_per_won_deal).toBeNull();
  });

  it('no activities file: no activity key at all', () => {
    const r = runInputs({ window: WINDOW, deals: DEALS });
    expect(Object.keys(r.totals)).toHaveLength(11);
    expect(r.totals).not.toHaveProperty('activities');
  });

  it('revenue per hour is null when amounts are in mixed currencies', () => {
    const r = runInputs({
      window: WINDOW,
      deals: [
        deal({ id: 'J', status: 'won', amount: '10', closed: '2025-01-10', currency: 'JPY' }),
        deal({ id: 'U', status: 'won', amount: '10', closed: '2025-01-10', currency: 'USD' }),
      ],
      activities: ACTIVITIES,
    });
    expect(r.totals.revenue_per_activity_hour).toBeNull();
    expect(r.totals.activity_hours).toBe(227.5 / 60);
    // In each currency's group, activities cannot be attributed: null.
    expect(r.groups.map((g) => [g.key, g.totals.revenue, g.totals.activities])).toEqual([
      ['JPY', 10, null],
      ['USD', 10, null],
    ]);
  });
});
