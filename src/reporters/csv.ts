import { stringify } from 'csv-stringify/sync';
import { DEAL_METRICS, type MetricId } from '../engine/metrics/index.js';
import type { JsonReport } from './json.js';

/**
 * The report as CSV: one row per period and one `total` row, for all deals
 * and then for each group, with a column per metric (JSON number formats,
 * empty for null).
 */
export function renderReportCsv(report: JsonReport): string {
  const ids = DEAL_METRICS.map((m) => m.id as MetricId);
  const rows: (string | number | null)[][] = [['by', 'group', 'period', 'from', 'to', ...ids]];
  const scopes = [
    { by: '', key: '', totals: report.totals, periods: report.periods },
    ...report.groups.map((g) => ({ by: g.by as string, key: g.key, totals: g.totals, periods: g.periods })),
  ];
  for (const s of scopes) {
    for (const p of s.periods) rows.push([s.by, s.key, p.period, p.from, p.to, ...ids.map((id) => p.metrics[id])]);
    rows.push([s.by, s.key, 'total', report.window.from, report.window.to, ...ids.map((id) => s.totals[id])]);
  }
  return stringify(rows);
}
