import type { MetricDefinition } from './facts.js';

/**
 * `customer_retention_rate` = |A(prev) ∩ A(P)| / |A(prev)|, where A(X) is the
 * set of accounts with a won deal closed in X and prev is the window just
 * before P of the same length (the same number of calendar months when P is
 * whole months, otherwise the same number of days). `null` when A(prev) is
 * empty. In a group, A counts only the group's deals.
 */
export const customerRetentionRate: MetricDefinition = {
  id: 'customer_retention_rate',
  label: 'Retention',
  kind: 'ratio',
  additive: false,
  better: 'higher',
  compute: (f) => (f.retention === null || f.retention.previous === 0 ? null : f.retention.kept / f.retention.previous),
};
