import type { MetricDefinition } from './facts.js';

/** `deals_won`: count of won deals closed in P. */
export const dealsWon: MetricDefinition = {
  id: 'deals_won',
  label: 'Won',
  kind: 'count',
  additive: true,
  better: 'higher',
  compute: (f) => f.won,
};
