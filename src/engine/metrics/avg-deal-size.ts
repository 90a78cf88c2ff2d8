import { moneyToNumber } from '../money.js';
import type { MetricDefinition } from './facts.js';

/** `avg_deal_size` = revenue / deals_won; `null` when no deal was won. */
export const avgDealSize: MetricDefinition = {
  id: 'avg_deal_size',
  label: 'Avg deal',
  kind: 'money',
  additive: false,
  better: 'higher',
  compute: (f) => moneyToNumber(f.revenue, f.won),
};
