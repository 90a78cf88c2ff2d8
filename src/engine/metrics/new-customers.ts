import type { MetricDefinition } from './facts.js';

/**
 * `new_customers`: accounts whose first won deal in the whole file (earliest
 * `close_date`; on a tie, the smallest `deal_id`: whole-number ids
 * numerically and before any other id, others by text) closes in P. In a group:
 * only accounts whose first won deal belongs to that group, so groups add up
 * to the total.
 */
export const newCustomers: MetricDefinition = {
  id: 'new_customers',
  label: 'New cust',
  kind: 'count',
  additive: true,
  better: 'higher',
  compute: (f) => f.newCustomers,
};
