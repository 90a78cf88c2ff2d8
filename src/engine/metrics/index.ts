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
import { acquisitionCost } from './acquisition-cost.js';
import { activities, activitiesByType } from './activities.js';
import { activityHours } from './activity-hours.js';
import { activityHoursPerWonDeal } from './activity-hours-per-won-deal.js';
import { appointmentsSet } from './appointments-set.js';
import { cac } from './cac.js';
import { callToAppointmentRate } from './call-to-appointment-rate.js';
import { csat, csatMean } from './csat.js';
import { handoffWinRate } from './handoff-win-rate.js';
import { handoffRevenue, handoffs, handoffsLost, handoffsOpen, handoffsWon } from './handoffs.js';
import type { InputMetricDefinition } from './input-facts.js';
import { nps } from './nps.js';
import { revenuePerActivityHour } from './revenue-per-activity-hour.js';
import { surveyResponses } from './survey-responses.js';

export type { MetricDefinition, MetricFacts, MetricKind } from './facts.js';
export type {
  ActivityFacts,
  HandoffFacts,
  InputFacts,
  InputMetricDefinition,
  MetricInput,
  SurveyFacts,
} from './input-facts.js';

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

/**
 * The metrics of the inputs beside deals, in report order: the appointer →
 * closer funnel (when the deals name appointers), activities, costs, surveys.
 * Each appears only when its input is given.
 */
export const INPUT_METRICS: readonly InputMetricDefinition[] = [
  handoffs,
  handoffsWon,
  handoffsLost,
  handoffsOpen,
  handoffWinRate,
  handoffRevenue,
  activities,
  ...activitiesByType,
  activityHours,
  appointmentsSet,
  callToAppointmentRate,
  revenuePerActivityHour,
  activityHoursPerWonDeal,
  acquisitionCost,
  cac,
  surveyResponses,
  csat,
  csatMean,
  nps,
];

/** Ids of {@link INPUT_METRICS}, in report order. */
export type InputMetricId =
  | 'handoffs'
  | 'handoffs_won'
  | 'handoffs_lost'
  | 'handoffs_open'
  | 'handoff_win_rate'
  | 'handoff_revenue'
  | 'activities'
  | 'activities_call'
  | 'activities_email'
  | 'activities_meeting'
  | 'activities_visit'
  | 'activities_video'
  | 'activities_other'
  | 'activity_hours'
  | 'appointments_set'
  | 'call_to_appointment_rate'
  | 'revenue_per_activity_hour'
  | 'activity_hours_per_won_deal'
  | 'acquisition_cost'
  | 'cac'
  | 'survey_responses'
  | 'csat'
  | 'csat_mean'
  | 'nps';

/** Any metric a report can hold. */
export type AnyMetricId = MetricId | InputMetricId;

/** What every metric says about itself, deal metrics and input metrics alike. */
export type MetricInfo = Pick<MetricDefinition, 'id' | 'label' | 'kind' | 'additive' | 'better'>;

/** Every metric, in report order: deal metrics, then input metrics. */
export const ALL_METRICS: readonly MetricInfo[] = [...DEAL_METRICS, ...INPUT_METRICS];

/** A metric's definition by id; `undefined` for an unknown id. */
export function metricInfo(id: string): MetricInfo | undefined {
  return ALL_METRICS.find((m) => m.id === id);
}

/**
 * Metric values keyed by id; `null` where undefined. Deal metrics are always
 * there; an input's metrics only when that input was given.
 */
export type MetricValues = Record<MetricId, number | null> & Partial<Record<InputMetricId, number | null>>;
