import { DEAL_METRICS, type MetricId } from '../engine/metrics/index.js';
import type { KgiResult, KpiCell, Plan } from '../engine/check/index.js';
import { formatMetric } from './format.js';

/** Formats a value of a metric the way tables show it. */
export function formatValue(metric: MetricId, value: number | null): string {
  const kind = DEAL_METRICS.find((m) => m.id === metric)?.kind ?? 'count';
  return formatMetric(kind, value);
}

/**
 * `≥ 25.0%`, `≤ 45`, `25.0% – 40.0%`: the bound a cell failed or passed, or
 * the warning bound it warned on.
 */
export function formatBounds(cell: Pick<KpiCell, 'metric' | 'min' | 'max' | 'warnMin' | 'warnMax' | 'status'>): string {
  const { metric } = cell;
  const warned = cell.status === 'warn';
  const min = warned ? cell.warnMin : cell.min;
  const max = warned ? cell.warnMax : cell.max;
  if (min !== null && max !== null) return `${formatValue(metric, min)} – ${formatValue(metric, max)}`;
  if (min !== null) return `≥ ${formatValue(metric, min)}`;
  if (max !== null) return `≤ ${formatValue(metric, max)}`;
  return '';
}

/** Where a KPI cell was checked: `team=East`, `2025-04`, `team=East 2025-04`, or `all`. */
export function cellScope(cell: KpiCell): string {
  const parts: string[] = [];
  if (cell.by !== null) parts.push(`${cell.by}=${cell.group === '' ? '(none)' : (cell.group ?? '')}`);
  if (cell.period !== null) parts.push(cell.period);
  return parts.length === 0 ? 'window' : parts.join(' ');
}

const percent = (v: number): string => `${(v * 100).toFixed(1)}%`;

/** One line on where a KGI stands. */
export function describeKgi(k: KgiResult): string {
  const parts = [
    `${formatValue(k.metric, k.actual)} of ${formatValue(k.metric, k.target)}` +
      (k.achievement === null ? '' : ` (${percent(k.achievement)})`),
    `elapsed ${percent(k.elapsed)}`,
    `pace ${formatValue(k.metric, k.paceTarget)}`,
    k.projection === null ? null : `projection ${formatValue(k.metric, k.projection)}`,
  ];
  return parts.filter((p) => p !== null).join(', ');
}

/** One line of the plan back from the goal (逆算). */
export function describePlan(k: KgiResult, plan: Plan): string {
  const n = (v: number | null): string => (v === null ? '—' : v.toLocaleString('en-US'));
  const remaining = formatValue(k.metric, plan.remaining);
  const pieces = [
    `remaining ${remaining}`,
    k.metric === 'revenue'
      ? `${n(plan.dealsToWin)} deals to win at avg ${formatValue('avg_deal_size', plan.avgDealSize)}`
      : `${n(plan.dealsToWin)} deals to win`,
    `${n(plan.dealsToClose)} deals to close at win rate ${formatValue('win_rate', plan.winRate)}`,
    plan.remainingMonths === 0
      ? 'no month left'
      : `per month over ${plan.remainingMonths}: ${n(plan.dealsToWinPerMonth)} to win, ${n(plan.dealsToClosePerMonth)} to close`,
  ];
  const why = plan.reasons.length === 0 ? '' : ` (${plan.reasons.join('; ')})`;
  return pieces.join(' → ') + why;
}

/** The KGI status for people. */
export function kgiStatusText(k: KgiResult): string {
  return k.status.replace('_', ' ');
}
