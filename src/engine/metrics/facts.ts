import type { Histogram } from '../histogram.js';
import type { Money } from '../money.js';

/**
 * What the metrics of one range (a period or the whole window) in one group
 * are computed from.
 */
export interface MetricFacts {
  /** Deals won with a close date in the range. */
  won: number;
  /** Deals lost with a close date in the range. */
  lost: number;
  /** Sum of amounts of those won deals, minor units. */
  revenue: Money;
  /** Sales-cycle lengths (days) of those won deals that have a created date. */
  cycle: Histogram;
  /** Deals open at the end of the range. */
  openCount: number;
  /** Their amount, minor units. */
  openAmount: Money;
  /** Accounts whose first won deal closes in the range; `null` when the deals carry no account. */
  newCustomers: number | null;
  /**
   * |A(prev)| and |A(prev) ∩ A(range)|; `null` when the deals carry no
   * account.
   */
  retention: { previous: number; kept: number } | null;
}

/** How a metric's value reads. `hours` and `score` (CSAT mean, NPS) are plain numbers shown with decimals. */
export type MetricKind = 'money' | 'count' | 'ratio' | 'days' | 'hours' | 'score';

/** One metric: its id, how it reads, and how it is computed. */
export interface MetricDefinition {
  /** Stable id used in JSON, CSV and target files. */
  id: string;
  /** English label for tables. */
  label: string;
  kind: MetricKind;
  /**
   * Additive metrics (sums and counts) add up over time and groups; ratios
   * and medians do not.
   */
  additive: boolean;
  /** Which way is good: a KGI on a `lower` metric (sales cycle, deals lost) is met at or below its target. */
  better: 'higher' | 'lower';
  /** The value, in currency units for money (rounded to the cent), `null` when undefined. */
  compute(f: MetricFacts): number | null;
}
