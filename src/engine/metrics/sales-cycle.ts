import type { MetricDefinition } from './facts.js';

/**
 * `sales_cycle_days_mean`: mean of `close_date − created_date` in whole days
 * over won deals closed in P that have a created date; `null` when none.
 */
export const salesCycleDaysMean: MetricDefinition = {
  id: 'sales_cycle_days_mean',
  label: 'Cycle avg (d)',
  kind: 'days',
  additive: false,
  better: 'lower',
  compute: (f) => f.cycle.mean(),
};

/**
 * `sales_cycle_days_median`: median of the same lengths (median of an even
 * count = mean of the two middle values); `null` when none.
 */
export const salesCycleDaysMedian: MetricDefinition = {
  id: 'sales_cycle_days_median',
  label: 'Cycle med (d)',
  kind: 'days',
  additive: false,
  better: 'lower',
  compute: (f) => f.cycle.median(),
};
