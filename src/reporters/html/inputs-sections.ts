import type { GroupResult } from '../../engine/report.js';
import type { InputMetricId } from '../../engine/metrics/index.js';
import { pipelineHtmlText } from '../../i18n/html-pipeline-text.js';
import { formatCount } from '../format.js';
import type { JsonReport } from '../json.js';
import { axisTitle, type Chart, PALETTE, type Spec, valueAxis } from './chart.js';
import { frame, type HtmlContext, periodAxis, say, show, valueOf } from './context.js';
import type { Block, Section } from './document.js';
import { type Html, markup } from './markup.js';

/** The totals shown as cards, by the input they come from. */
const CARDS: Record<'activities' | 'costs' | 'surveys', readonly InputMetricId[]> = {
  activities: [
    'activities',
    'activity_hours',
    'appointments_set',
    'call_to_appointment_rate',
    'revenue_per_activity_hour',
    'activity_hours_per_won_deal',
  ],
  costs: ['acquisition_cost', 'cac'],
  surveys: ['survey_responses', 'csat', 'csat_mean', 'nps'],
};

/** The name of a group: `(none)` for deals that leave the column empty. */
function groupLabel(ctx: HtmlContext, key: string): string {
  return key === '' ? ctx.t.none : key;
}

/** Whether the report has the appointer → closer funnel: the deals name appointers. */
function hasHandoffs(report: JsonReport): boolean {
  return typeof report.totals.handoffs === 'number';
}

/**
 * The handoffs of every appointer together, then of each appointer (with
 * `--by appointer`), as stacked bars: won, lost and still open add up to
 * the deals handed over.
 */
export function handoffsChart(report: JsonReport, ctx: HtmlContext): Chart {
  const w = pipelineHtmlText(ctx.lang).inputs;
  const title = w.handoffsChart;
  const rows: { who: string; values: JsonReport['totals'] }[] = [
    { who: w.allAppointers, values: report.totals },
    ...report.groups
      .filter((g: GroupResult) => g.by === 'appointer' && g.key !== '')
      .map((g) => ({ who: groupLabel(ctx, g.key), values: g.totals })),
  ];
  const n = (v: number | null | undefined): number => v ?? 0;
  const series = [w.won, w.lost, w.open];
  const data = rows.flatMap((r) => [
    { who: r.who, series: w.won, order: 0, value: n(r.values.handoffs_won) },
    { who: r.who, series: w.lost, order: 1, value: n(r.values.handoffs_lost) },
    { who: r.who, series: w.open, order: 2, value: n(r.values.handoffs_open) },
  ]);
  const count = (v: number | null | undefined): string => formatCount(n(v), ctx.lang);
  return {
    title,
    description: ctx.h.describe.sentences(
      rows.map(
        (r) =>
          w.describeHandoffs(
            r.who,
            count(r.values.handoffs),
            count(r.values.handoffs_won),
            count(r.values.handoffs_lost),
            count(r.values.handoffs_open),
          ) + (ctx.lang === 'ja' ? '。' : '.'),
      ),
    ),
    spec: (width) =>
      ({
        ...frame(title, width),
        height: 26 * rows.length,
        data: { values: data },
        mark: { type: 'bar' },
        encoding: {
          y: {
            field: 'who',
            type: 'nominal',
            sort: null,
            scale: { domain: rows.map((r) => r.who) },
            axis: { title: ctx.t.dimension('appointer'), labelLimit: width < 500 ? 110 : 200 },
          },
          x: {
            field: 'value',
            type: 'quantitative',
            stack: 'zero',
            axis: { title: axisTitle('handoffs', ctx.h, undefined), ...valueAxis('handoffs', ctx.lang, width) },
          },
          color: {
            field: 'series',
            type: 'nominal',
            scale: { domain: series, range: [PALETTE.green, PALETTE.vermillion, PALETTE.grey] },
            legend: { title: null },
          },
          order: { field: 'order', type: 'quantitative' },
        },
      }) as Spec,
  };
}

/** The appointer × owner matrix: won / handed over in each cell, each appointer's total from its group. */
function matrixTable(report: JsonReport, ctx: HtmlContext): Html | null {
  const pairs = report.handoffMatrix;
  if (pairs === undefined || pairs.length === 0) return null;
  const w = pipelineHtmlText(ctx.lang).inputs;
  const n = (v: number): string => formatCount(v, ctx.lang);
  const appointers = [...new Set(pairs.map((p) => p.appointer))];
  const owners = [...new Set(pairs.map((p) => p.owner))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const totals = new Map(report.groups.filter((g) => g.by === 'appointer').map((g) => [g.key, g.totals] as const));
  const head = markup`<tr><th scope="col">${w.corner}</th>${owners.map((o) => markup`<th scope="col" class="num">${groupLabel(ctx, o)}</th>`)}<th scope="col" class="num">${w.total}</th></tr>`;
  const body = appointers.map((a) => {
    const cells = owners.map((o) => {
      const p = pairs.find((x) => x.appointer === a && x.owner === o);
      return markup`<td class="num">${p === undefined ? '' : `${n(p.won)}/${n(p.handoffs)}`}</td>`;
    });
    const t = totals.get(a);
    const total = t === undefined || typeof t.handoffs !== 'number' ? '' : `${n(t.handoffs_won ?? 0)}/${n(t.handoffs)}`;
    return markup`<tr><th scope="row">${groupLabel(ctx, a)}</th>${cells}<td class="num">${total}</td></tr>\n`;
  });
  return markup`<div class="table-wrap"><table>\n<caption>${w.matrix}</caption>\n<thead>${head}</thead>\n<tbody>${body}</tbody></table></div>\n`;
}

function handoffsSection(report: JsonReport, ctx: HtmlContext): Section {
  const w = pipelineHtmlText(ctx.lang).inputs;
  const ids: InputMetricId[] = [
    'handoffs',
    'handoffs_won',
    'handoffs_lost',
    'handoffs_open',
    'handoff_win_rate',
    'handoff_revenue',
  ];
  const blocks: Block[] = [{ html: cards(report, ctx, ids) }, { chart: handoffsChart(report, ctx) }];
  const matrix = matrixTable(report, ctx);
  if (matrix !== null) blocks.push({ html: matrix });
  return { id: 'handoffs', title: w.handoffsSection, blocks };
}

function cards(report: JsonReport, ctx: HtmlContext, ids: readonly InputMetricId[]): Html {
  const items = ids
    .filter((id) => id in report.totals)
    .map(
      (id) =>
        markup`<li><span class="label">${ctx.h.metric(id)}</span><span class="value">${show(ctx, id, valueOf(report.totals, id))}</span></li>\n`,
    );
  return markup`<ul class="cards">\n${items}</ul>\n`;
}

/** One input metric by period as bars, the empty periods too. */
export function inputPeriodChart(
  report: JsonReport,
  ctx: HtmlContext,
  metric: 'activity_hours' | 'cac',
  title: string,
): Chart {
  const periods = report.periods.map((p) => p.period);
  const currency = metric === 'cac' ? ctx.style.currency : undefined;
  return {
    title,
    description: ctx.h.describe.byPeriod(
      ctx.h.metric(metric),
      ctx.h.describe.list(report.periods.map((p) => [p.period, say(ctx, metric, valueOf(p.metrics, metric))])),
    ),
    spec: (width) =>
      ({
        ...frame(title, width),
        height: 220,
        data: { values: report.periods.map((p) => ({ period: p.period, value: valueOf(p.metrics, metric) })) },
        mark: { type: 'bar', color: metric === 'cac' ? PALETTE.vermillion : PALETTE.sky },
        encoding: {
          x: periodAxis(ctx, periods, width - 80),
          y: {
            field: 'value',
            type: 'quantitative',
            axis: { title: axisTitle(metric, ctx.h, currency), ...valueAxis(metric, ctx.lang) },
          },
        },
      }) as Spec,
  };
}

function inputTotalsSection(report: JsonReport, ctx: HtmlContext): Section | null {
  const given = (['activities', 'costs', 'surveys'] as const).filter((k) => report.inputs[k] !== undefined);
  if (given.length === 0) return null;
  const w = pipelineHtmlText(ctx.lang).inputs;
  const blocks: Block[] = [
    {
      html: cards(
        report,
        ctx,
        given.flatMap((k) => CARDS[k]),
      ),
    },
  ];
  if (report.inputs.activities !== undefined)
    blocks.push({ chart: inputPeriodChart(report, ctx, 'activity_hours', w.activityHours(report.granularity)) });
  if (report.inputs.costs !== undefined && !report.mixedCurrencies)
    blocks.push({ chart: inputPeriodChart(report, ctx, 'cac', w.cac(report.granularity)) });
  return { id: 'inputs', title: w.totalsSection, blocks };
}

/**
 * The report's sections on the inputs beside deals: the appointer → closer
 * funnel when the deals name appointers (with the appointer × owner matrix
 * under `--by appointer`), and the totals of activities, costs and surveys
 * with activity hours and CAC by period when those files are given. Every
 * number is the JSON's, formatted.
 */
export function inputSections(report: JsonReport, ctx: HtmlContext): Section[] {
  return [hasHandoffs(report) ? handoffsSection(report, ctx) : null, inputTotalsSection(report, ctx)].filter(
    (s): s is Section => s !== null,
  );
}
