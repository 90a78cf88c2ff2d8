import { type AnyMetricId, metricInfo } from '../engine/metrics/index.js';
import { type KgiResult, type KpiCell, NO_ACTIVITIES, type Plan } from '../engine/check/index.js';
import { type Lang, messages } from '../i18n/index.js';
import { formatCount, formatMetric, type NumberStyle } from './format.js';

/** Formats a value of a metric the way tables show it. */
export function formatValue(metric: AnyMetricId, value: number | null, style: NumberStyle = {}): string {
  const kind = metricInfo(metric)?.kind ?? 'count';
  return formatMetric(kind, value, style);
}

/**
 * `≥ 25.0%`, `≤ 45`, `25.0% – 40.0%`: the bound a cell failed or passed, or
 * the warning bound it warned on.
 */
export function formatBounds(
  cell: Pick<KpiCell, 'metric' | 'min' | 'max' | 'warnMin' | 'warnMax' | 'status'>,
  style: NumberStyle = {},
): string {
  const { metric } = cell;
  const warned = cell.status === 'warn';
  const min = warned ? cell.warnMin : cell.min;
  const max = warned ? cell.warnMax : cell.max;
  if (min !== null && max !== null) return `${formatValue(metric, min, style)} – ${formatValue(metric, max, style)}`;
  if (min !== null) return `≥ ${formatValue(metric, min, style)}`;
  if (max !== null) return `≤ ${formatValue(metric, max, style)}`;
  return '';
}

/** Where a KPI cell was checked: `team=East`, `2025-04`, `team=East 2025-04`, or `window`. */
export function cellScope(cell: KpiCell, lang: Lang = 'en'): string {
  const t = messages(lang);
  const parts: string[] = [];
  if (cell.by !== null) parts.push(`${t.check.scopeBy(cell.by)}=${cell.group === '' ? t.none : (cell.group ?? '')}`);
  if (cell.period !== null) parts.push(cell.period);
  return parts.length === 0 ? t.check.wholeWindow : parts.join(' ');
}

const percent = (v: number): string => `${(v * 100).toFixed(1)}%`;

/** One line on where a KGI stands. */
export function describeKgi(k: KgiResult, style: NumberStyle = {}): string {
  const value = (v: number | null): string => formatValue(k.metric, v, style);
  return messages(style.lang).check.progress({
    actual: value(k.actual),
    target: value(k.target),
    achievement: k.achievement === null ? null : percent(k.achievement),
    elapsed: percent(k.elapsed),
    pace: value(k.paceTarget),
    projection: k.projection === null ? null : value(k.projection),
  });
}

/** One line of the plan back from the goal (逆算). */
export function describePlan(k: KgiResult, plan: Plan, style: NumberStyle = {}): string {
  const n = (v: number | null): string => (v === null ? '—' : formatCount(v, style.lang));
  return messages(style.lang).check.planText({
    remaining: formatValue(k.metric, plan.remaining, style),
    revenue: k.metric === 'revenue',
    dealsToWin: n(plan.dealsToWin),
    avgDealSize: formatValue('avg_deal_size', plan.avgDealSize, style),
    dealsToClose: n(plan.dealsToClose),
    winRate: formatValue('win_rate', plan.winRate, style),
    remainingMonths: plan.remainingMonths,
    dealsToWinPerMonth: n(plan.dealsToWinPerMonth),
    dealsToClosePerMonth: n(plan.dealsToClosePerMonth),
    reasons: plan.reasons,
  });
}

/** The KGI status for people. */
export function kgiStatusText(k: KgiResult, lang: Lang = 'en'): string {
  return messages(lang).check.kgiStatus(k.status);
}

/**
 * The plan's meetings and calls (when the deals name appointers): one line,
 * and one more for the appointers; none without them.
 */
export function describePlanChain(plan: Plan, style: NumberStyle = {}): string[] {
  const c = plan.meetings;
  if (c === undefined) return [];
  const n = (v: number | null): string => (v === null ? '—' : formatCount(v, style.lang));
  const t = messages(style.lang).check;
  const callsKnown = !c.reasons.includes(NO_ACTIVITIES);
  const lines = [
    t.chainText({
      callsKnown,
      meetings: n(c.meetingsNeeded),
      handoffs: n(c.handoffs),
      closed: n(c.handoffsClosed),
      calls: n(c.callsNeeded),
      rate: formatValue('call_to_appointment_rate', c.callToAppointmentRate, style),
      remainingMonths: plan.remainingMonths,
      meetingsPerMonth: n(c.meetingsNeededPerMonth),
      callsPerMonth: n(c.callsNeededPerMonth),
      reasons: c.reasons,
    }),
  ];
  // Per appointer only while meetings are still needed.
  if (c.byAppointer.length > 0 && (c.meetingsNeeded ?? 0) > 0) {
    lines.push(
      t.appointersText(
        c.byAppointer.map((a) => ({
          appointer: a.appointer,
          meetings: n(a.meetingsNeeded),
          calls: callsKnown ? n(a.callsNeeded) : null,
          meetingsPerMonth: n(a.meetingsNeededPerMonth),
          callsPerMonth: callsKnown ? n(a.callsNeededPerMonth) : null,
        })),
      ),
    );
  }
  return lines;
}
