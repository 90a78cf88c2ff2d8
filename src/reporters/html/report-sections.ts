import type { KpiCell } from '../../engine/check/index.js';
import type { Dimension } from '../../engine/deal.js';
import { DEAL_METRICS, type MetricId } from '../../engine/metrics/index.js';
import type { GroupResult } from '../../engine/report.js';
import type { JsonReport } from '../json.js';
import { axisTitle, CATEGORY, type Chart, kindOf, PALETTE, type Spec, valueAxis } from './chart.js';
import {
  frame,
  type HtmlContext,
  type Layer,
  periodAxis,
  say,
  show,
  targetLayer,
  targetLines,
  valueOf,
} from './context.js';
import type { Block, Section } from './document.js';
import { inputSections } from './inputs-sections.js';
import { type Html, markup } from './markup.js';

const METRIC_IDS = DEAL_METRICS.map((m) => m.id as MetricId);

/** At most this many groups get a line each in the chart by period and group (one colour each). */
export const MAX_GROUP_LINES = CATEGORY.length;

const note = (text: string): Block => ({ html: markup`<p class="note">${text}</p>` });

/** A metric's name with its unit where the value alone would not say it (days). */
function cardLabel(ctx: HtmlContext, metric: MetricId): string {
  const name = ctx.h.metric(metric);
  return kindOf(metric) === 'days' ? ctx.h.withUnit(name, ctx.h.units.days) : name;
}

function totalsSection(report: JsonReport, ctx: HtmlContext): Section {
  const cards = METRIC_IDS.map(
    (id) =>
      markup`<li><span class="label">${cardLabel(ctx, id)}</span><span class="value">${show(ctx, id, valueOf(report.totals, id))}</span></li>\n`,
  );
  const blocks: Block[] = [{ html: markup`<ul class="cards">\n${cards}</ul>\n` }];
  if (report.mixedCurrencies) blocks.push(note(ctx.h.notes.moneyPerCurrency));
  return { id: 'totals', title: ctx.h.sections.totals, blocks };
}

/** The text alternative of a series by period, with its target lines. */
function describePeriods(
  ctx: HtmlContext,
  report: JsonReport,
  metric: MetricId,
  lines: readonly { label: string }[],
): string {
  const list = ctx.h.describe.list(report.periods.map((p) => [p.period, say(ctx, metric, valueOf(p.metrics, metric))]));
  const text = ctx.h.describe.byPeriod(ctx.h.metric(metric), list);
  return lines.length === 0
    ? text
    : ctx.h.describe.sentences([text, ctx.h.describe.lines(lines.map((l) => l.label).join('; '))]);
}

/** Revenue by period as bars, with the target lines of KPIs on revenue. */
export function revenueChart(report: JsonReport, ctx: HtmlContext, kpis: readonly KpiCell[]): Chart {
  const title = ctx.h.charts.revenueByPeriod(report.granularity);
  const lines = targetLines(ctx, kpis, 'revenue', null, 'periods');
  const periods = report.periods.map((p) => p.period);
  return {
    title,
    description: describePeriods(ctx, report, 'revenue', lines),
    spec: (width) => ({
      ...frame(title, width),
      height: 280,
      layer: [
        {
          data: { values: report.periods.map((p) => ({ period: p.period, value: p.metrics.revenue })) },
          mark: { type: 'bar', color: PALETTE.blue },
          encoding: {
            x: periodAxis(ctx, periods, width),
            y: {
              field: 'value',
              type: 'quantitative',
              axis: { title: axisTitle('revenue', ctx.h, ctx.style.currency), ...valueAxis('revenue', ctx.lang) },
            },
          },
        } as Layer,
        ...targetLayer(lines, 'y'),
      ],
    }),
  };
}

function revenueSection(report: JsonReport, ctx: HtmlContext, kpis: readonly KpiCell[]): Section {
  const blocks: Block[] = [];
  if (report.mixedCurrencies) blocks.push(note(ctx.h.notes.moneyPerCurrency));
  else if (report.periods.every((p) => p.metrics.revenue === null))
    blocks.push(note(ctx.h.notes.noValues(ctx.h.metric('revenue'))));
  else blocks.push({ chart: revenueChart(report, ctx, kpis) });
  return { id: 'revenue', title: ctx.h.sections.revenue, blocks, newPage: false };
}

/** The win rate by period as a line (broken where a period has no closed deal), with KPI lines. */
export function winRateChart(report: JsonReport, ctx: HtmlContext, kpis: readonly KpiCell[]): Chart {
  const title = ctx.h.charts.winRateByPeriod(report.granularity);
  const lines = targetLines(ctx, kpis, 'win_rate', null, 'periods');
  return {
    title,
    description: describePeriods(ctx, report, 'win_rate', lines),
    spec: (width) => ({
      ...frame(title, width),
      height: 220,
      layer: [
        {
          data: { values: report.periods.map((p) => ({ period: p.period, value: p.metrics.win_rate })) },
          mark: { type: 'line', color: PALETTE.blue, strokeWidth: 2, point: { filled: true, size: 50 } },
          encoding: {
            x: periodAxis(
              ctx,
              report.periods.map((p) => p.period),
              width,
            ),
            y: {
              field: 'value',
              type: 'quantitative',
              scale: { domain: [0, 1] },
              axis: { title: axisTitle('win_rate', ctx.h, undefined), ...valueAxis('win_rate', ctx.lang) },
            },
          },
        } as Layer,
        ...targetLayer(lines, 'y'),
      ],
    }),
  };
}

/** The sales cycle's mean and median by period, with KPI lines on either. */
export function cycleChart(report: JsonReport, ctx: HtmlContext, kpis: readonly KpiCell[]): Chart {
  const title = ctx.h.charts.cycleByPeriod(report.granularity);
  const { mean, median } = ctx.h.legend;
  // Both series share the axis: each line names the one it bounds.
  const lines = [
    ...targetLines(ctx, kpis, 'sales_cycle_days_mean', null, 'periods').map((l) => ({
      ...l,
      label: ctx.h.withUnit(l.label, mean),
    })),
    ...targetLines(ctx, kpis, 'sales_cycle_days_median', null, 'periods').map((l) => ({
      ...l,
      label: ctx.h.withUnit(l.label, median),
    })),
  ];
  const rows = report.periods.flatMap((p) => [
    { period: p.period, series: mean, value: p.metrics.sales_cycle_days_mean },
    { period: p.period, series: median, value: p.metrics.sales_cycle_days_median },
  ]);
  const list = (metric: MetricId): string =>
    ctx.h.describe.byPeriod(
      ctx.h.metric(metric),
      ctx.h.describe.list(report.periods.map((p) => [p.period, say(ctx, metric, valueOf(p.metrics, metric))])),
    );
  const description = ctx.h.describe.sentences([
    list('sales_cycle_days_mean'),
    list('sales_cycle_days_median'),
    ...(lines.length === 0 ? [] : [ctx.h.describe.lines(lines.map((l) => l.label).join('; '))]),
  ]);
  return {
    title,
    description,
    spec: (width) => ({
      ...frame(title, width),
      height: 220,
      layer: [
        {
          data: { values: rows },
          mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 50 } },
          encoding: {
            x: periodAxis(
              ctx,
              report.periods.map((p) => p.period),
              width,
            ),
            y: {
              field: 'value',
              type: 'quantitative',
              axis: {
                title: ctx.h.withUnit(ctx.h.salesCycle, ctx.h.units.days),
                ...valueAxis('sales_cycle_days_median', ctx.lang),
              },
            },
            color: {
              field: 'series',
              type: 'nominal',
              scale: { domain: [mean, median], range: [PALETTE.blue, PALETTE.orange] },
              legend: { title: null },
            },
            shape: {
              field: 'series',
              type: 'nominal',
              scale: { domain: [mean, median], range: ['circle', 'square'] },
              legend: { title: null },
            },
          },
        } as Layer,
        ...targetLayer(lines, 'y'),
      ],
    }),
  };
}

function trendsSection(report: JsonReport, ctx: HtmlContext, kpis: readonly KpiCell[]): Section {
  return {
    id: 'trends',
    title: ctx.h.sections.trends,
    blocks: [{ chart: winRateChart(report, ctx, kpis) }, { chart: cycleChart(report, ctx, kpis) }],
  };
}

function numCell(text: string): Html {
  return markup`<td class="num">${text}</td>`;
}

/** A row of a metric table; `ctx` when its amounts read differently (a currency's group). */
interface MetricRow {
  label: string;
  values: JsonReport['totals'];
  ctx?: HtmlContext;
}

/** A table of every metric: one row per period or group. */
function metricTable(ctx: HtmlContext, heading: string, rows: readonly MetricRow[]): Html {
  const names = DEAL_METRICS.map((m) => ctx.t.metricName(m.id as MetricId, m.label));
  const head = markup`<tr><th scope="col">${heading}</th>${names.map((n) => markup`<th scope="col" class="num">${n}</th>`)}</tr>`;
  const body = rows.map(
    (r) =>
      markup`<tr><th scope="row">${r.label}</th>${METRIC_IDS.map((id) => numCell(show(r.ctx ?? ctx, id, valueOf(r.values, id))))}</tr>\n`,
  );
  return markup`<div class="table-wrap"><table>\n<thead>${head}</thead>\n<tbody>${body}</tbody></table></div>\n`;
}

function periodsSection(report: JsonReport, ctx: HtmlContext): Section {
  const rows = report.periods.map((p) => ({ label: p.period, values: p.metrics }));
  return {
    id: 'periods',
    newPage: false,
    title: ctx.h.sections.byPeriod(report.granularity),
    blocks: [{ html: metricTable(ctx, ctx.t.report.period, rows) }],
  };
}

/** The name of a group in charts and tables: `(none)` for deals that leave the column empty. */
function groupLabel(ctx: HtmlContext, key: string): string {
  return key === '' ? ctx.t.none : key;
}

/** One metric of every group as horizontal bars, side by side, with the KPI lines of that grouping. */
export function groupChart(
  groups: readonly GroupResult[],
  by: Dimension,
  metric: MetricId,
  ctx: HtmlContext,
  kpis: readonly KpiCell[],
): Chart {
  const name = ctx.h.metric(metric);
  const title = ctx.h.charts.metricByGroup(name, by);
  const lines = targetLines(ctx, kpis, metric, by, 'totals');
  const list = ctx.h.describe.list(
    groups.map((g) => [groupLabel(ctx, g.key), say(ctx, metric, valueOf(g.totals, metric))]),
  );
  const description = ctx.h.describe.sentences([
    ctx.h.describe.byGroup(name, by, list),
    ...(lines.length === 0 ? [] : [ctx.h.describe.lines(lines.map((l) => l.label).join('; '))]),
  ]);
  const labels = groups.map((g) => groupLabel(ctx, g.key));
  return {
    title,
    description,
    size: 'half',
    spec: (width) => ({
      ...frame(title, width),
      height: 22 * groups.length,
      layer: [
        {
          data: { values: groups.map((g) => ({ group: groupLabel(ctx, g.key), value: valueOf(g.totals, metric) })) },
          mark: { type: 'bar', color: PALETTE.blue },
          encoding: {
            y: {
              field: 'group',
              type: 'nominal',
              sort: null,
              scale: { domain: labels },
              axis: { title: ctx.t.dimension(by), labelLimit: 160 },
            },
            x: {
              field: 'value',
              type: 'quantitative',
              ...(kindOf(metric) === 'ratio' ? { scale: { domain: [0, 1] } } : {}),
              axis: { title: axisTitle(metric, ctx.h, ctx.style.currency), ...valueAxis(metric, ctx.lang, width) },
            },
          },
        } as Layer,
        ...targetLayer(lines, 'x'),
      ],
    }),
  };
}

/** Revenue by period, one line per group (the MAX_GROUP_LINES groups with the most revenue). */
export function groupRevenueChart(
  report: JsonReport,
  groups: readonly GroupResult[],
  by: Dimension,
  ctx: HtmlContext,
): Chart {
  const title = ctx.h.charts.revenueByPeriodAndGroup(report.granularity, by);
  // The groups with the most revenue, most first (a stable sort keeps ties in key order).
  const shown = [...groups]
    .sort((a, b) => (b.totals.revenue ?? -Infinity) - (a.totals.revenue ?? -Infinity))
    .slice(0, MAX_GROUP_LINES);
  const labels = shown.map((g) => groupLabel(ctx, g.key));
  const description = ctx.h.describe.sentences(
    shown.map((g) =>
      ctx.h.describe.byPeriod(
        ctx.h.withUnit(ctx.h.metric('revenue'), groupLabel(ctx, g.key)),
        ctx.h.describe.list(g.periods.map((p) => [p.period, say(ctx, 'revenue', p.metrics.revenue)])),
      ),
    ),
  );
  return {
    title,
    description,
    spec: (width) =>
      ({
        ...frame(title, width),
        height: 260,
        data: {
          values: shown.flatMap((g) =>
            g.periods.map((p) => ({ period: p.period, group: groupLabel(ctx, g.key), value: p.metrics.revenue })),
          ),
        },
        mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 45 } },
        encoding: {
          x: periodAxis(
            ctx,
            report.periods.map((p) => p.period),
            width,
          ),
          y: {
            field: 'value',
            type: 'quantitative',
            axis: { title: axisTitle('revenue', ctx.h, ctx.style.currency), ...valueAxis('revenue', ctx.lang) },
          },
          color: {
            field: 'group',
            type: 'nominal',
            scale: { domain: labels, range: CATEGORY.slice(0, labels.length) },
            legend: { title: ctx.t.dimension(by), direction: 'horizontal', columns: width < 500 ? 2 : 4 },
          },
          shape: {
            field: 'group',
            type: 'nominal',
            scale: { domain: labels },
            legend: { title: ctx.t.dimension(by), direction: 'horizontal', columns: width < 500 ? 2 : 4 },
          },
        },
      }) as Spec,
  };
}

const GROUP_METRICS: readonly MetricId[] = ['revenue', 'win_rate', 'avg_deal_size', 'sales_cycle_days_median'];

function groupSection(
  report: JsonReport,
  by: Dimension,
  groups: readonly GroupResult[],
  ctx: HtmlContext,
  kpis: readonly KpiCell[],
): Section {
  const blocks: Block[] = [];
  // A currency's amounts are in that currency: one axis cannot hold them all.
  const money = by !== 'currency' && groups.some((g) => g.totals.revenue !== null);
  for (const metric of GROUP_METRICS) {
    if (kindOf(metric) === 'money' && !money) continue;
    blocks.push({ chart: groupChart(groups, by, metric, ctx, kpis) });
  }
  if (money) {
    if (groups.length > MAX_GROUP_LINES) blocks.push(note(ctx.h.notes.tooManyGroups(groups.length, MAX_GROUP_LINES)));
    blocks.push({ chart: groupRevenueChart(report, groups, by, ctx) });
  }
  // In a currency's row, amounts are in that currency.
  const rows = groups.map((g) => ({
    label: groupLabel(ctx, g.key),
    values: g.totals,
    ...(by === 'currency' && g.key !== '' ? { ctx: { ...ctx, style: { ...ctx.style, currency: g.key } } } : {}),
  }));
  blocks.push({ html: metricTable(ctx, ctx.t.dimension(by), rows) });
  return { id: `by-${by}`, title: ctx.h.sections.byGroup(by), blocks };
}

/**
 * The sections of a report: totals, revenue by period, win rate and sales
 * cycle trends, the table by period, the sections of the other inputs
 * (handoffs, activities, costs, surveys) when present, and one section per grouping. The
 * check's KPI cells, when the report checks targets, give target lines:
 * those checked each period on the charts by period, and those checked over
 * the whole window on the charts of group totals when the report's window
 * is the KPI window.
 */
export function reportSections(
  report: JsonReport,
  ctx: HtmlContext,
  check?: { window: { from: string; to: string }; kpis: readonly KpiCell[] },
): Section[] {
  const kpis = check?.kpis ?? [];
  const sameWindow =
    check !== undefined && check.window.from === report.window.from && check.window.to === report.window.to;
  const sections = [
    totalsSection(report, ctx),
    revenueSection(report, ctx, kpis),
    trendsSection(report, ctx, kpis),
    periodsSection(report, ctx),
    ...inputSections(report, ctx),
  ];
  const dims = [...new Set(report.groups.map((g) => g.by))];
  for (const by of dims)
    sections.push(
      groupSection(
        report,
        by,
        report.groups.filter((g) => g.by === by),
        ctx,
        sameWindow ? kpis : [],
      ),
    );
  return sections;
}
