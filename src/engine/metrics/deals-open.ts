import type { MetricDefinition } from './facts.js';

/**
 * `deals_open`: deals open at the end of P: `created_date` ≤ end of P and not
 * closed on or before it. A deal without a created date counts as open from
 * before any period.
 *
 * Not additive over time (it is a level at a date), but it adds up over groups.
 */
export const dealsOpen: MetricDefinition = {
  id: 'deals_open',
  label: 'Open',
  kind: 'count',
  additive: false,
  better: 'higher',
  compute: (f) => f.openCount,
};
