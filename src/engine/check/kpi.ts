import type { Dimension } from '../deal.js';
import type { AnyMetricId, MetricValues } from '../metrics/index.js';
import type { DealReport } from '../report.js';

/** How a cell without a value counts. */
export type WhenMissing = 'fail' | 'warn' | 'pass';

/** A KPI as the engine checks it. Bounds are inclusive: a value equal to a bound passes. */
export interface KpiSpec {
  id: string;
  metric: AnyMetricId;
  /** Fails below. */
  min?: number;
  /** Fails above. */
  max?: number;
  /** Warns outside these when not failing. */
  warn?: { min?: number; max?: number };
  /** Check every group of this column instead of all deals. */
  by?: Dimension;
  /** Check every period instead of the whole window. */
  eachPeriod: boolean;
  whenMissing: WhenMissing;
}

/** The outcome of one checked cell. `no_data` counts as `severity` says. */
export type KpiStatus = 'pass' | 'warn' | 'fail' | 'no_data';

/** How a result weighs for the exit code. */
export type Severity = 'pass' | 'warn' | 'fail';

/** One checked cell: the window or a period, all deals or a group. */
export interface KpiCell {
  id: string;
  metric: AnyMetricId;
  by: Dimension | null;
  /** The group's value of `by`; `null` for all deals. */
  group: string | null;
  /** The period's label; `null` for the whole window. */
  period: string | null;
  actual: number | null;
  min: number | null;
  max: number | null;
  /** The warning bounds. */
  warnMin: number | null;
  warnMax: number | null;
  status: KpiStatus;
  severity: Severity;
}

/**
 * The status of a value against a KPI's bounds: `fail` below `min` or above
 * `max`; else `warn` below `warn.min` or above `warn.max`; else `pass`. A
 * null value is `no_data`, with the severity `whenMissing` gives it.
 */
export function kpiStatus(spec: KpiSpec, value: number | null): { status: KpiStatus; severity: Severity } {
  if (value === null) return { status: 'no_data', severity: spec.whenMissing };
  if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
    return { status: 'fail', severity: 'fail' };
  }
  const w = spec.warn;
  if (w !== undefined && ((w.min !== undefined && value < w.min) || (w.max !== undefined && value > w.max))) {
    return { status: 'warn', severity: 'warn' };
  }
  return { status: 'pass', severity: 'pass' };
}

/**
 * Checks a KPI on a report: the window's totals, or each period with
 * `eachPeriod`; all deals, or each group of `by` (the report must have been
 * built with that grouping).
 */
export function evaluateKpi(spec: KpiSpec, report: DealReport): KpiCell[] {
  const scopes: { group: string | null; totals: MetricValues; periods: DealReport['periods'] }[] =
    spec.by === undefined
      ? [{ group: null, totals: report.totals, periods: report.periods }]
      : report.groups
          .filter((g) => g.by === spec.by)
          .map((g) => ({ group: g.key, totals: g.totals, periods: g.periods }));
  const cells: KpiCell[] = [];
  const cell = (group: string | null, period: string | null, actual: number | null): KpiCell => ({
    id: spec.id,
    metric: spec.metric,
    by: spec.by ?? null,
    group,
    period,
    actual,
    min: spec.min ?? null,
    max: spec.max ?? null,
    warnMin: spec.warn?.min ?? null,
    warnMax: spec.warn?.max ?? null,
    ...kpiStatus(spec, actual),
  });
  for (const s of scopes) {
    if (spec.eachPeriod) for (const p of s.periods) cells.push(cell(s.group, p.period, p.metrics[spec.metric] ?? null));
    else cells.push(cell(s.group, null, s.totals[spec.metric] ?? null));
  }
  return cells;
}
