import { MINUTE_UNITS } from '../activity.js';
import type { InputMetricDefinition } from './input-facts.js';

/** `activity_hours_per_won_deal` = activity_hours / deals_won in P; `null` when no deal was won. */
export const activityHoursPerWonDeal: InputMetricDefinition = {
  id: 'activity_hours_per_won_deal',
  label: 'Hours/won',
  kind: 'hours',
  additive: false,
  better: 'lower',
  input: 'activities',
  compute: (f) => {
    const minutes = f.activities?.minutes;
    if (minutes == null || f.won === 0) return null;
    return Number(minutes) / (MINUTE_UNITS * 60 * f.won);
  },
};
