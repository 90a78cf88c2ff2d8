import { avgDealSize } from './avg-deal-size.js';
import { customerRetentionRate } from './customer-retention-rate.js';
import { dealsLost } from './deals-lost.js';
import { dealsOpen } from './deals-open.js';
import { dealsWon } from './deals-won.js';
import type { MetricDefinition } from './facts.js';
import { newCustomers } from './new-customers.js';
import { pipelineValue } from './pipeline-value.js';
import { revenue } from './revenue.js';
import { salesCycleDaysMean, salesCycleDaysMedian } from './sales-cycle.js';
import { winRate } from './win-rate.js';

export type { MetricDefinition, MetricFacts, MetricKind } from './facts.js';

/** Every deal metric, in report order. */
export const DEAL_METRICS: readonly MetricDefinition[] = [
  revenue,
  dealsWon,
  dealsLost,
  dealsOpen,
  pipelineValue,
  winRate,
  avgDealSize,
  salesCycleDaysMean,
  salesCycleDaysMedian,
  newCustomers,
  customerRetentionRate,
];

/** Metric ids, in report order. */
export type MetricId =
  | 'revenue'
  | 'deals_won'
  | 'deals_lost'
  | 'deals_open'
  | 'pipeline_value'
  | 'win_rate'
  | 'avg_deal_size'
  | 'sales_cycle_days_mean'
  | 'sales_cycle_days_median'
  | 'new_customers'
  | 'customer_retention_rate';

/** Metric values keyed by id; `null` where undefined. */
export type MetricValues = Record<MetricId, number | null>;
