import { divRound } from '../money.js';
import { MINUTE_UNITS } from '../activity.js';
import type { InputMetricDefinition } from './input-facts.js';

// revenue (minor units) / (minutes (minute units) / 60) in cents = revenue × 60 × 100 × MINUTE_UNITS / (minutes × MINOR_PER_UNIT).
const CENTS_PER_HOUR_NUM = 60n * 100n * BigInt(MINUTE_UNITS);
const MINOR_PER_UNIT = 10_000n;

/**
 * `revenue_per_activity_hour` = revenue / activity_hours in P, rounded once
 * to the cent; `null` when no activity hour was logged (or durations or
 * amounts are unknown).
 */
export const revenuePerActivityHour: InputMetricDefinition = {
  id: 'revenue_per_activity_hour',
  label: 'Revenue/h',
  kind: 'money',
  additive: false,
  better: 'higher',
  input: 'activities',
  compute: (f) => {
    const minutes = f.activities?.minutes;
    if (minutes == null || minutes === 0n || f.revenue === null) return null;
    return Number(divRound(f.revenue * CENTS_PER_HOUR_NUM, minutes * MINOR_PER_UNIT)) / 100;
  },
};
