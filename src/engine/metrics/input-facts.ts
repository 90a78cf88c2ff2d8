import type { Money } from '../money.js';
import type { MetricDefinition } from './facts.js';

/** Which input a metric comes from: deals handed over by an appointer, activities, costs or surveys. */
export type MetricInput = 'handoffs' | 'activities' | 'costs' | 'surveys';

/** The activities of one range in one group. */
export interface ActivityFacts {
  /** Count per type: call, email, meeting, visit, video, other. */
  byType: readonly number[];
  /** Activities with outcome `appointment_set`. */
  appointments: number;
  /** Sum of durations in 1/10,000 of a minute; `null` when the file has no duration column. */
  minutes: bigint | null;
}

/** The deals handed over (created with an appointer) in one range in one group. */
export interface HandoffFacts {
  handoffs: number;
  /** Of them, won and lost by the end of the window; the rest are still open. */
  won: number;
  lost: number;
  /** Amount of the won ones, minor units; `null` when amounts are unknown or in mixed currencies. */
  revenue: Money | null;
}

/** The survey responses of one range in one group. */
export interface SurveyFacts {
  csat: number;
  /** CSAT scores of 4 or 5. */
  satisfied: number;
  csatSum: number;
  nps: number;
  /** NPS scores 9–10, and 0–6. */
  promoters: number;
  detractors: number;
}

/**
 * What the metrics of the inputs beside deals are computed from, for one
 * range (a period or the whole window) in one group. An input's facts are
 * `null` when its rows carry no value for the group's column (costs by
 * owner, say): its metrics are then `null`.
 */
export interface InputFacts {
  /** Revenue of the deals won in the range, minor units; `null` when amounts are unknown or in mixed currencies. */
  revenue: Money | null;
  /** Deals won in the range. */
  won: number;
  /** New customers in the range; `null` when the deals carry no account. */
  newCustomers: number | null;
  handoffs: HandoffFacts | null;
  activities: ActivityFacts | null;
  /** Sales and marketing costs, minor units; `null` when the deals are in mixed currencies. */
  costs: { acquisition: Money } | null;
  surveys: SurveyFacts | null;
}

/** A metric of an input beside deals: like a deal metric, computed from {@link InputFacts}. */
export interface InputMetricDefinition extends Omit<MetricDefinition, 'compute'> {
  input: MetricInput;
  /** The value, `null` when undefined or when the input's facts are `null`. */
  compute(f: InputFacts): number | null;
}
