import { type Day, formatDay, monthIndexOfDay } from '../calendar.js';
import { type AnyMetricId, metricInfo, type MetricValues } from '../metrics/index.js';
import type { Severity } from './kpi.js';
import { type Plan, planBackFromGoal } from './plan.js';

/** A KGI as the engine checks it: a metric to reach over [start, deadline]. */
export interface KgiSpec {
  id: string;
  name?: string;
  metric: AnyMetricId;
  /** Currency units for money, 0..1 for rates. */
  target: number;
  start: Day;
  deadline: Day;
  /** How being behind pace counts before the deadline. @default 'warn' */
  behind: 'warn' | 'fail';
}

/**
 * `on_track`/`behind` before the deadline, `achieved`/`missed` from the
 * deadline on, `no_data` when the metric has no value yet.
 */
export type KgiStatus = 'on_track' | 'behind' | 'achieved' | 'missed' | 'no_data';

/** A KGI as of a date. */
export interface KgiResult {
  id: string;
  name: string | null;
  metric: AnyMetricId;
  target: number;
  start: string;
  deadline: string;
  /** The metric over [start, min(as-of, deadline)]. */
  actual: number | null;
  /** actual / target; `null` when the target is 0 or there is no value. */
  achievement: number | null;
  /** Share of [start, deadline] elapsed as of the date, both ends included, 0..1. */
  elapsed: number;
  /** target × elapsed for additive metrics; the target itself for the others. */
  paceTarget: number;
  /** actual / elapsed for additive metrics (the current run rate carried to the deadline); `null` otherwise. */
  projection: number | null;
  status: KgiStatus;
  severity: Severity;
  /** What it takes to reach the goal, for revenue and deals-won KGIs; `null` for others. */
  plan: Plan | null;
}

/** Calendar months that hold at least one day of (asOf, deadline]. */
export function remainingMonths(asOf: Day, deadline: Day): number {
  if (asOf >= deadline) return 0;
  return monthIndexOfDay(deadline) - monthIndexOfDay(asOf + 1) + 1;
}

/**
 * Evaluates a KGI as of `asOf` from the metric values over
 * [start, min(asOf, deadline)].
 *
 * - elapsed = days from start through as-of / days from start through
 *   deadline (both ends included), clamped to 0..1.
 * - Additive metrics (revenue, deals won, new customers, …): pace target =
 *   target × elapsed; `on_track` when actual ≥ pace target, else `behind`;
 *   projection = actual / elapsed.
 * - Other metrics (rates, medians, levels): the value is compared with the
 *   target directly.
 * - From the deadline on: `achieved` when the target is met, else `missed`.
 * - Metrics where lower is better (sales cycle, deals lost) are met at or
 *   below the target.
 */
export function evaluateKgi(spec: KgiSpec, asOf: Day, values: MetricValues): KgiResult {
  const def = metricInfo(spec.metric);
  const additive = def?.additive ?? false;
  const lowerIsBetter = def?.better === 'lower';
  const total = spec.deadline - spec.start + 1;
  // Elapsed days, both ends included, clamped to [0, total].
  const days = asOf < spec.start ? 0 : asOf >= spec.deadline ? total : asOf - spec.start + 1;
  const elapsed = days / total;
  const actual = values[spec.metric] ?? null;
  // target × days / total, multiplied first so that whole results stay whole.
  const paceTarget = additive ? (spec.target * days) / total : spec.target;
  const final = asOf >= spec.deadline;
  // For additive metrics compare actual × total with target × days: no rounding of the pace.
  const meetsPace = (value: number): boolean =>
    additive
      ? lowerIsBetter
        ? value * total <= spec.target * days
        : value * total >= spec.target * days
      : lowerIsBetter
        ? value <= spec.target
        : value >= spec.target;
  const meetsTarget = (value: number): boolean => (lowerIsBetter ? value <= spec.target : value >= spec.target);

  let status: KgiStatus;
  if (actual === null) status = final ? 'missed' : 'no_data';
  else if (final) status = meetsTarget(actual) ? 'achieved' : 'missed';
  else status = meetsPace(actual) ? 'on_track' : 'behind';
  const severity: Severity =
    status === 'missed' ? 'fail' : status === 'behind' ? spec.behind : status === 'no_data' ? 'warn' : 'pass';

  const projection = additive && actual !== null && days > 0 ? (actual * total) / days : null;
  return {
    id: spec.id,
    name: spec.name ?? null,
    metric: spec.metric,
    target: spec.target,
    start: formatDay(spec.start),
    deadline: formatDay(spec.deadline),
    actual,
    achievement: actual === null || spec.target === 0 ? null : actual / spec.target,
    elapsed,
    paceTarget: def?.kind === 'money' ? Math.round(paceTarget * 100) / 100 : paceTarget,
    projection: projection === null ? null : def?.kind === 'money' ? Math.round(projection * 100) / 100 : projection,
    status,
    severity,
    plan: planBackFromGoal(spec, values, remainingMonths(asOf, spec.deadline)),
  };
}
