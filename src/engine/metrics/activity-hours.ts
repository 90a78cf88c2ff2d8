import { MINUTE_UNITS } from '../activity.js';
import type { InputMetricDefinition } from './input-facts.js';

/**
 * `activity_hours` = Σ `duration_minutes` / 60 over activities dated in P
 * (an empty duration counts 0); `null` when the file has no duration column.
 */
export const activityHours: InputMetricDefinition = {
  id: 'activity_hours',
  label: 'Hours',
  kind: 'hours',
  additive: true,
  better: 'higher',
  input: 'activities',
  compute: (f) => (f.activities?.minutes == null ? null : Number(f.activities.minutes) / (MINUTE_UNITS * 60)),
};
