import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { DEAL_METRICS, type MetricValues } from '../engine/metrics/index.js';
import { formatMetric } from './format.js';
import type { JsonReport } from './json.js';

/** Options of the human renderer. */
export interface TableOptions {
  /** Colours; a chalk instance with level 0 prints none. */
  chalk: ChalkInstance;
}

function newTable(chalk: ChalkInstance, head: string[], numericFrom: number): Table.Table {
  return new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: true },
    colAligns: head.map((_, i) => (i >= numericFrom ? 'right' : 'left')),
  });
}

function metricCells(values: MetricValues): string[] {
  return DEAL_METRICS.map((m) => formatMetric(m.kind, values[m.id as keyof MetricValues]));
}

/** The report as text tables: totals, one row per period, one row per group. */
export function renderReportTable(report: JsonReport, options: TableOptions): string {
  const { chalk } = options;
  const d = report.inputs.deals;
  const lines: string[] = [];
  lines.push(
    chalk.bold(`Deals ${report.window.from} – ${report.window.to}`) +
      chalk.dim(
        `  (${report.granularity}${report.fiscalYearStart === 1 ? '' : `, fiscal year from month ${report.fiscalYearStart}`})`,
      ),
  );
  lines.push(
    chalk.dim(
      `${d.path}: ${d.rows.toLocaleString('en-US')} rows, ${d.used.toLocaleString('en-US')} used, ${d.rejected.toLocaleString('en-US')} rejected`,
    ),
  );

  const totals = newTable(chalk, ['Metric', 'Total'], 1);
  DEAL_METRICS.forEach((m) => totals.push([m.label, formatMetric(m.kind, report.totals[m.id as keyof MetricValues])]));
  lines.push('', chalk.bold('Totals'), totals.toString());

  const periods = newTable(chalk, ['Period', ...DEAL_METRICS.map((m) => m.label)], 1);
  for (const p of report.periods) periods.push([p.period, ...metricCells(p.metrics)]);
  lines.push('', chalk.bold(`By ${report.granularity}`), periods.toString());

  const first = report.groups[0];
  if (first !== undefined) {
    const groups = newTable(
      chalk,
      [first.by[0]?.toUpperCase() + first.by.slice(1), ...DEAL_METRICS.map((m) => m.label)],
      1,
    );
    for (const g of report.groups) groups.push([g.key === '' ? chalk.dim('(none)') : g.key, ...metricCells(g.totals)]);
    lines.push('', chalk.bold(`By ${first.by}`), groups.toString());
  }
  return lines.join('\n') + '\n';
}
