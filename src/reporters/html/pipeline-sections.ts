import { type PipelineHtmlText, pipelineHtmlText } from '../../i18n/html-pipeline-text.js';
import type { OpenFigures } from '../../engine/pipeline/index.js';
import { formatCount, formatMetric } from '../format.js';
import type { JsonPipeline } from '../pipeline-json.js';
import { type Chart, PALETTE, type Spec, valueAxis } from './chart.js';
import { frame, type HtmlContext, type Layer, periodAxis } from './context.js';
import type { Block, Section } from './document.js';
import { type Html, markup } from './markup.js';

/** The pipeline page's words with the shared ones. */
interface Ctx extends HtmlContext {
  p: PipelineHtmlText;
}

const note = (text: string): Block => ({ html: markup`<p class="note">${text}</p>` });

const money = (ctx: Ctx, v: number | null): string => formatMetric('money', v, ctx.style);
const ratio = (ctx: Ctx, v: number | null): string => formatMetric('ratio', v, ctx.style);
const count = (ctx: Ctx, v: number): string => formatCount(v, ctx.lang);
/** A value in a text alternative: the words for "no value" instead of `—`. */
const sayMoney = (ctx: Ctx, v: number | null): string => (v === null ? ctx.h.describe.noValue : money(ctx, v));

/** The money axis title with the unit: `Amount (JPY)`. */
function moneyAxis(ctx: Ctx): Record<string, unknown> {
  return {
    title: ctx.h.withUnit(ctx.p.axis.amount, ctx.style.currency ?? ctx.h.units.currencyUnits),
    ...valueAxis('revenue', ctx.lang),
  };
}

/** The width of a chart's plot, px: the drawing's less the value axis at its left. */
function plotWidth(width: number): number {
  return width - 80;
}

/** A colour legend for series named in `domain`, coloured by `range`. */
function seriesColor(domain: readonly string[], range: readonly string[]): Record<string, unknown> {
  return {
    field: 'series',
    type: 'nominal',
    scale: { domain: [...domain], range: [...range] },
    legend: { title: null },
  };
}

/** A table with a head row and body rows; the first column is a row heading, the others numbers. */
function table(head: readonly string[], rows: readonly (readonly string[])[]): Html {
  const th = head.map((h, i) => markup`<th scope="col"${i === 0 ? '' : markup` class="num"`}>${h}</th>`);
  const body = rows.map(
    (r) =>
      markup`<tr>${r.map((c, i) => (i === 0 ? markup`<th scope="row">${c}</th>` : markup`<td class="num">${c}</td>`))}</tr>\n`,
  );
  return markup`<div class="table-wrap"><table>\n<thead><tr>${th}</tr></thead>\n<tbody>${body}</tbody></table></div>\n`;
}

/** Open amount and weighted amount of every stage, side by side, in stage order. */
export function stagesChart(p: JsonPipeline, ctx: Ctx): Chart {
  const title = ctx.p.charts.stages;
  const { amount, weighted } = ctx.p.legend;
  const stages = p.stages.map((s) => s.stage);
  const rows = p.stages.flatMap((s) => [
    { stage: s.stage, series: amount, value: s.amount },
    { stage: s.stage, series: weighted, value: s.weighted },
  ]);
  return {
    title,
    description: ctx.p.describe.join(
      p.stages.map((s) => ctx.p.describe.stage(s.stage, sayMoney(ctx, s.amount), sayMoney(ctx, s.weighted))),
    ),
    spec: (width) =>
      ({
        ...frame(title, width),
        height: 260,
        data: { values: rows },
        mark: { type: 'bar' },
        encoding: {
          x: {
            field: 'stage',
            type: 'nominal',
            sort: null,
            scale: { domain: stages },
            axis: { title: ctx.p.axis.stage, labelAngle: stages.length * 110 > width ? -45 : 0, labelLimit: 120 },
          },
          xOffset: { field: 'series', type: 'nominal', sort: null, scale: { domain: [amount, weighted] } },
          y: { field: 'value', type: 'quantitative', axis: moneyAxis(ctx) },
          color: seriesColor([amount, weighted], [PALETTE.blue, PALETTE.orange]),
        },
      }) as Spec,
  };
}

/** Won so far and the weighted open deals stacked per period (their sum is the forecast), the history forecast as a line. */
export function forecastChart(p: JsonPipeline, ctx: Ctx): Chart {
  const title = ctx.p.charts.forecast(p.granularity);
  const { wonSoFar, weightedOpen, historyForecast } = ctx.p.legend;
  const periods = p.forecast.periods.map((f) => f.period);
  const bars = p.forecast.periods.flatMap((f) => [
    { period: f.period, series: wonSoFar, value: f.wonSoFar },
    { period: f.period, series: weightedOpen, value: f.open.weighted },
  ]);
  const line = p.forecast.periods.map((f) => ({ period: f.period, series: historyForecast, value: f.historyForecast }));
  const domain = [wonSoFar, weightedOpen, historyForecast];
  const color = seriesColor(domain, [PALETTE.green, PALETTE.blue, PALETTE.black]);
  return {
    title,
    description: ctx.p.describe.join(
      p.forecast.periods.map((f) =>
        ctx.p.describe.forecast(
          f.period,
          sayMoney(ctx, f.wonSoFar),
          sayMoney(ctx, f.open.weighted),
          sayMoney(ctx, f.historyForecast),
        ),
      ),
    ),
    spec: (width) => ({
      ...frame(title, width),
      height: 280,
      layer: [
        {
          data: { values: bars },
          mark: { type: 'bar' },
          encoding: {
            x: periodAxis(ctx, periods, plotWidth(width)),
            y: { field: 'value', type: 'quantitative', stack: 'zero', axis: moneyAxis(ctx) },
            color,
            order: { field: 'order', type: 'quantitative' },
          },
          transform: [{ calculate: `datum.series === ${JSON.stringify(wonSoFar)} ? 0 : 1`, as: 'order' }],
        } as Layer,
        {
          data: { values: line },
          mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 60, shape: 'diamond' } },
          encoding: {
            x: periodAxis(ctx, periods, plotWidth(width)),
            y: { field: 'value', type: 'quantitative' },
            color,
          },
        } as Layer,
      ],
    }),
  };
}

/** The back-test, oldest period first: the history forecast made at each period's start against the revenue won in it. */
export function backtestChart(p: JsonPipeline, ctx: Ctx): Chart | null {
  if (p.backtest === null) return null;
  const title = ctx.p.charts.backtest(p.granularity);
  const { historyForecast, won } = ctx.p.legend;
  const periods = [...p.backtest.periods].reverse();
  const rows = periods.flatMap((b) => [
    { period: b.period, series: historyForecast, value: b.forecast },
    { period: b.period, series: won, value: b.won },
  ]);
  return {
    title,
    description: ctx.p.describe.join(
      periods.map((b) => ctx.p.describe.backtest(b.period, sayMoney(ctx, b.forecast), sayMoney(ctx, b.won))),
    ),
    spec: (width) =>
      ({
        ...frame(title, width),
        height: 240,
        data: { values: rows },
        mark: { type: 'bar' },
        encoding: {
          x: periodAxis(
            ctx,
            periods.map((b) => b.period),
            plotWidth(width),
          ),
          xOffset: { field: 'series', type: 'nominal', sort: null, scale: { domain: [historyForecast, won] } },
          y: { field: 'value', type: 'quantitative', axis: moneyAxis(ctx) },
          color: seriesColor([historyForecast, won], [PALETTE.sky, PALETTE.green]),
        },
      }) as Spec,
  };
}

/** The funnel's steps: every stage in order, then won. */
function funnelSteps(p: JsonPipeline, ctx: Ctx): { stage: string; reached: number; conversion: number | null }[] {
  if (p.funnel === null) return [];
  return [
    ...p.funnel.stages.map((s) => ({ stage: s.stage, reached: s.reached, conversion: s.conversion })),
    { stage: ctx.p.won, reached: p.funnel.won.reached, conversion: p.funnel.won.conversion },
  ];
}

/** Deals reached per stage as horizontal bars, top to bottom, each labelled with its conversion from the stage before. */
export function funnelChart(p: JsonPipeline, ctx: Ctx): Chart | null {
  if (p.funnel === null) return null;
  const title = ctx.p.charts.funnel;
  const steps = funnelSteps(p, ctx);
  const rows = steps.map((s) => ({
    stage: s.stage,
    reached: s.reached,
    label: s.conversion === null ? count(ctx, s.reached) : `${count(ctx, s.reached)} (${ratio(ctx, s.conversion)})`,
  }));
  const y = (width: number): Record<string, unknown> => ({
    field: 'stage',
    type: 'nominal',
    sort: null,
    scale: { domain: steps.map((s) => s.stage) },
    // Stage names are cut with an ellipsis on phones only; the table gives them in full.
    axis: { title: ctx.p.axis.stage, labelLimit: width < 500 ? 110 : 220 },
  });
  return {
    title,
    description: ctx.p.describe.join(
      steps.map((s) =>
        ctx.p.describe.funnel(s.stage, count(ctx, s.reached), s.conversion === null ? null : ratio(ctx, s.conversion)),
      ),
    ),
    spec: (width) => ({
      ...frame(title, width),
      height: 30 * steps.length,
      data: { values: rows },
      layer: [
        {
          mark: { type: 'bar', color: PALETTE.blue },
          encoding: {
            y: y(width),
            x: {
              field: 'reached',
              type: 'quantitative',
              // Room on the right for the longest label.
              scale: { domainMax: Math.max(1, ...steps.map((s) => s.reached)) * 1.3 },
              axis: { title: ctx.p.axis.deals, ...valueAxis('deals_won', ctx.lang, width) },
            },
          },
        } as Layer,
        {
          mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#1a1a1a' },
          encoding: { y: y(width), x: { field: 'reached', type: 'quantitative' }, text: { field: 'label' } },
        } as Layer,
      ],
    }),
  };
}

function stagesSection(p: JsonPipeline, ctx: Ctx, amounts: boolean): Section {
  const h = ctx.t.pipeline.stageHead;
  const cells = (label: string, s: OpenFigures): string[] => [
    label,
    count(ctx, s.deals),
    money(ctx, s.amount),
    // The effective probability, as the text table gives it.
    ratio(ctx, s.amount === null || s.weighted === null || s.amount === 0 ? null : s.weighted / s.amount),
    money(ctx, s.weighted),
    formatMetric('days', s.avgAgeDays, ctx.style),
    count(ctx, s.stale.deals),
    money(ctx, s.stale.amount),
  ];
  const blocks: Block[] = [];
  if (!amounts) blocks.push(note(ctx.p.notes.noAmounts));
  else if (p.stages.length > 0) blocks.push({ chart: stagesChart(p, ctx) });
  blocks.push({
    html: table(
      [h.stage, h.deals, h.amount, h.probability, h.weighted, h.avgAge, h.stale, h.staleAmount],
      [...p.stages.map((s) => cells(s.stage, s)), cells(ctx.t.pipeline.total, p.totals)],
    ),
  });
  return { id: 'stages', title: ctx.p.sections.stages, blocks };
}

function forecastSection(p: JsonPipeline, ctx: Ctx, amounts: boolean): Section {
  const f = ctx.t.pipeline.forecastHead;
  const blocks: Block[] = [];
  if (amounts) blocks.push({ chart: forecastChart(p, ctx) });
  const rows = p.forecast.periods.map((x) => [
    x.period,
    money(ctx, x.wonSoFar),
    count(ctx, x.open.deals),
    money(ctx, x.open.amount),
    money(ctx, x.open.weighted),
    money(ctx, x.forecast),
    money(ctx, x.historyForecast),
  ]);
  const outside = (label: string, o: JsonPipeline['forecast']['overdue']): string[] => [
    label,
    '',
    count(ctx, o.deals),
    money(ctx, o.amount),
    money(ctx, o.weighted),
    '',
    '',
  ];
  blocks.push({
    html: table(
      [f.period, f.wonSoFar, f.deals, f.open, f.weighted, f.forecast, f.historyForecast],
      [
        ...rows,
        outside(ctx.t.pipeline.overdue, p.forecast.overdue),
        outside(ctx.t.pipeline.later, p.forecast.later),
        outside(ctx.t.pipeline.undated, p.forecast.undated),
      ],
    ),
  });
  return { id: 'forecast', title: ctx.p.sections.forecast, blocks };
}

function historySection(p: JsonPipeline, ctx: Ctx): Section {
  const h = ctx.t.pipeline.historyHead;
  const rows = p.history.segments.map((s) => [
    s.segment === '' ? ctx.t.none : s.segment,
    count(ctx, s.closedDeals),
    count(ctx, s.wonDeals),
    count(ctx, s.openDeals),
    money(ctx, s.amount),
    count(ctx, s.unforecastable.deals),
    money(ctx, s.expected),
    ratio(ctx, s.winProbability),
  ]);
  const total = [
    ctx.t.pipeline.total,
    '',
    '',
    count(ctx, p.history.openDeals),
    money(ctx, p.history.amount),
    count(ctx, p.history.unforecastable.deals),
    money(ctx, p.history.expected),
    ratio(ctx, p.history.winProbability),
  ];
  return {
    id: 'history',
    title: ctx.t.pipeline.history(p.history.segmentBy),
    newPage: false,
    blocks: [
      {
        html: table(
          [h.segment, h.closed, h.won, h.open, h.amount, h.unforecastable, h.expected, h.winProbability],
          [...rows, total],
        ),
      },
    ],
  };
}

function backtestSection(p: JsonPipeline, ctx: Ctx, amounts: boolean): Section | null {
  if (p.backtest === null) return null;
  const b = ctx.t.pipeline.backtestHead;
  const blocks: Block[] = [];
  const chart = amounts ? backtestChart(p, ctx) : null;
  if (chart !== null) blocks.push({ chart });
  blocks.push(note(ctx.p.notes.mape(ratio(ctx, p.backtest.mape), ratio(ctx, p.backtest.mapePipeline))));
  blocks.push({
    html: table(
      [b.period, b.asOf, b.forecast, b.won, b.ape, b.wonFromPipeline, b.apePipeline],
      [...p.backtest.periods]
        .reverse()
        .map((x) => [
          x.period,
          x.asOf,
          money(ctx, x.forecast),
          money(ctx, x.won),
          ratio(ctx, x.ape),
          money(ctx, x.wonFromPipeline),
          ratio(ctx, x.apePipeline),
        ]),
    ),
  });
  return { id: 'backtest', title: ctx.t.pipeline.backtest(p.backtest.periods.length, p.granularity), blocks };
}

function funnelSection(p: JsonPipeline, ctx: Ctx): Section | null {
  const chart = funnelChart(p, ctx);
  if (p.funnel === null || chart === null) return null;
  const h = ctx.t.pipeline.funnelHead;
  const rows = [
    ...p.funnel.stages.map((s) => [
      s.stage,
      count(ctx, s.reached),
      ratio(ctx, s.conversion),
      ratio(ctx, s.cumulative),
      count(ctx, s.open),
      count(ctx, s.lost),
    ]),
    [
      ctx.p.won,
      count(ctx, p.funnel.won.reached),
      ratio(ctx, p.funnel.won.conversion),
      ratio(ctx, p.funnel.won.cumulative),
      '',
      '',
    ],
  ];
  return {
    id: 'funnel',
    title: ctx.t.pipeline.funnel(p.funnel.from, p.funnel.to),
    blocks: [{ chart }, { html: table([h.stage, h.reached, h.conversion, h.cumulative, h.open, h.lost], rows) }],
  };
}

/**
 * The sections of the pipeline page: open deals by stage, the forecast by
 * period, the history forecast by group, the back-test (with `--backtest`)
 * and the stage funnel (with a stage order). Every number is the JSON's,
 * formatted; none is computed here but the stage table's effective
 * probability, as the text table shows it.
 */
export function pipelineSections(p: JsonPipeline, shared: HtmlContext): Section[] {
  const ctx: Ctx = { ...shared, p: pipelineHtmlText(shared.lang) };
  const amounts = p.totals.amount !== null;
  const notes = p.notes.map((n) => note(ctx.t.pipeline.note(p.inputs.deals.path, n)));
  const stages = stagesSection(p, ctx, amounts);
  stages.blocks.push(...notes);
  return [
    stages,
    forecastSection(p, ctx, amounts),
    historySection(p, ctx),
    backtestSection(p, ctx, amounts),
    funnelSection(p, ctx),
  ].filter((s): s is Section => s !== null);
}
