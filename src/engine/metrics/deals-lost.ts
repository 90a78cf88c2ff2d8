import type { MetricDefinition } from './facts.js';

/** `deals_lost`: count of lost deals closed in P. */
export const dealsLost: MetricDefinition = {
  id: 'deals_lost',
  label: 'Lost',
  kind: 'count',
  additive: true,
  better: 'lower',
  compute: (f) => f.lost,
};
