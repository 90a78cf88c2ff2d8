import { stringify } from 'csv-stringify/sync';
import { ALL_METRICS, type MetricValues } from '../engine/metrics/index.js';
import type { JsonReport } from './json.js';

/**
 * The report as CSV: one row per period and one `total` row, for all deals
 * and then for each group, with a column per metric of every input given
 * (JSON number formats, empty for null).
 */
export function renderReportCsv(report: JsonReport): string {
  // Every metric the report holds: the deals', then those of the other inputs given.
  const ids = ALL_METRICS.map((m) => m.id as keyof MetricValues).filter((id) => id in report.totals);
  const rows: (string | number | null)[][] = [['by', 'group', 'period', 'from', 'to', ...ids]];
  const scopes = [
    { by: '', key: '', totals: report.totals, periods: report.periods },
    ...report.groups.map((g) => ({ by: g.by as string, key: g.key, totals: g.totals, periods: g.periods })),
  ];
  for (const s of scopes) {
    for (const p of s.periods)
      rows.push([s.by, s.key, p.period, p.from, p.to, ...ids.map((id) => p.metrics[id] ?? null)]);
    rows.push([s.by, s.key, 'total', report.window.from, report.window.to, ...ids.map((id) => s.totals[id] ?? null)]);
  }
  return stringify(rows);
}
