import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import {
  ALL_METRICS,
  type AnyMetricId,
  DEAL_METRICS,
  type MetricId,
  type MetricValues,
} from '../engine/metrics/index.js';
import { type Lang, messages } from '../i18n/index.js';
import { formatCount, formatMetric, type NumberStyle } from './format.js';
import type { JsonReport } from './json.js';
import { inputGroupTables, inputPeriodTables, otherInputLines } from './table-inputs.js';
import { sparkBlock } from './sparkline.js';

/** Options of the human renderer. */
export interface TableOptions {
  /** Colours; a chalk instance with level 0 prints none. */
  chalk: ChalkInstance;
  /** The language of headings, metric names and numbers. @default 'en' */
  lang?: Lang;
  /**
   * The one currency of every amount, when known (the engine report's
   * `currencies` when it has exactly one and none are mixed): Japanese
   * tables show JPY amounts with the yen sign.
   */
  currency?: string;
}

// cli-table3 measures cells with string-width, so full-width (CJK) text and
// the full-width yen sign take two columns and the borders stay aligned.
function newTable(chalk: ChalkInstance, head: string[], numericFrom: number): Table.Table {
  return new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: true },
    colAligns: head.map((_, i) => (i >= numericFrom ? 'right' : 'left')),
  });
}

function metricCells(values: MetricValues, style: NumberStyle): string[] {
  return DEAL_METRICS.map((m) => formatMetric(m.kind, values[m.id as MetricId], style));
}

/** The report as text tables: totals, one row per period, one row per group. */
export function renderReportTable(report: JsonReport, options: TableOptions): string {
  const { chalk } = options;
  const lang = options.lang ?? 'en';
  const t = messages(lang);
  const style: NumberStyle = { lang, ...(options.currency === undefined ? {} : { currency: options.currency }) };
  const names = DEAL_METRICS.map((m) => t.metricName(m.id as AnyMetricId, m.label));
  const d = report.inputs.deals;
  const lines: string[] = [];
  lines.push(
    chalk.bold(t.report.title(report.window.from, report.window.to)) +
      chalk.dim(t.report.settings(report.granularity, report.fiscalYearStart)),
  );
  lines.push(
    chalk.dim(
      t.report.inputs(d.path, formatCount(d.rows, lang), formatCount(d.used, lang), formatCount(d.rejected, lang)),
    ),
  );
  for (const line of otherInputLines(report, lang)) lines.push(chalk.dim(line));

  const totals = newTable(chalk, [t.report.metric, t.report.total], 1);
  // Every metric the report holds: the deals', then those of the other inputs given.
  for (const m of ALL_METRICS) {
    const value = report.totals[m.id as keyof MetricValues];
    if (value !== undefined)
      totals.push([t.metricName(m.id as AnyMetricId, m.label), formatMetric(m.kind, value, style)]);
  }
  lines.push('', chalk.bold(t.report.totals), totals.toString());

  // A sparkline block after revenue (scaled to the largest period) and after
  // the win rate (scaled to 100%): reading down the column shows the trend.
  const revenueAt = DEAL_METRICS.findIndex((m) => m.id === 'revenue') + 1;
  const winRateAt = DEAL_METRICS.findIndex((m) => m.id === 'win_rate') + 1;
  const maxRevenue = Math.max(0, ...report.periods.map((p) => p.metrics.revenue ?? 0));
  const withTrends = <T>(cells: T[], revenue: T, winRate: T): T[] => [
    ...cells.slice(0, revenueAt + 1),
    revenue,
    ...cells.slice(revenueAt + 1, winRateAt + 1),
    winRate,
    ...cells.slice(winRateAt + 1),
  ];
  const periods = newTable(chalk, withTrends([t.report.period, ...names], '', ''), 1);
  for (const p of report.periods) {
    const spark = (v: number | null, max: number): string => chalk.cyan(sparkBlock(v, max));
    periods.push(
      withTrends(
        [p.period, ...metricCells(p.metrics, style)],
        spark(p.metrics.revenue, maxRevenue),
        spark(p.metrics.win_rate, 1),
      ),
    );
  }
  lines.push('', chalk.bold(t.report.byPeriod(report.granularity)), periods.toString());
  lines.push(...inputPeriodTables(report, chalk, style));

  const first = report.groups[0];
  if (first !== undefined) {
    const groups = newTable(chalk, [t.dimension(first.by), ...names], 1);
    for (const g of report.groups) {
      // A currency's group holds amounts in that currency alone.
      const own = g.by === 'currency' && g.key !== '' ? { ...style, currency: g.key } : style;
      groups.push([g.key === '' ? chalk.dim(t.none) : g.key, ...metricCells(g.totals, own)]);
    }
    lines.push('', chalk.bold(t.report.byDimension(first.by)), groups.toString());
    lines.push(...inputGroupTables(report, chalk, style));
  }
  return lines.join('\n') + '\n';
}
