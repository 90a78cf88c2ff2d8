import { moneyToNumber } from '../money.js';
import type { MetricDefinition } from './facts.js';

/** `revenue`: sum of `amount` of won deals closed in P. */
export const revenue: MetricDefinition = {
  id: 'revenue',
  label: 'Revenue',
  kind: 'money',
  additive: true,
  better: 'higher',
  compute: (f) => moneyToNumber(f.revenue),
};
