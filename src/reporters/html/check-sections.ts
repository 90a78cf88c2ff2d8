import type { KgiResult, KpiCell, KpiStatus, Severity } from '../../engine/check/index.js';
import { DEAL_METRICS } from '../../engine/metrics/index.js';
import { cellScope, describeKgi, describePlan, formatBounds, kgiStatusText } from '../check-text.js';
import type { JsonCheck } from '../check-json.js';
import { axisTitle, type Chart, kindOf, PALETTE, type Spec, STATUS_MARK, valueAxis } from './chart.js';
import { frame, type HtmlContext, type Layer, say, show, targetLayer, targetLines } from './context.js';
import type { Block, Section } from './document.js';
import { type Html, markup } from './markup.js';
import { estimateTextWidth } from './svg.js';

/** A result in a table: a symbol and a word in its colour, never colour alone. */
const SYMBOL: Record<KpiStatus, string> = { pass: '✔', warn: '⚠', fail: '✖', no_data: '–' };

function badge(ctx: HtmlContext, status: KpiStatus, text?: string): Html {
  return markup`<span class="badge ${status}">${SYMBOL[status]} ${text ?? ctx.h.kpiStatus(status)}</span>`;
}

/** The check's overall result, for the banner under the title. */
export function checkBanner(check: JsonCheck, ctx: HtmlContext): { severity: Severity; label: string; text: string } {
  const s = check.summary;
  return {
    severity: check.status,
    label: `${SYMBOL[check.status]} ${ctx.t.check.severity(check.status).toUpperCase()}`,
    text: `· ${ctx.t.check.summary(s.pass, s.warn, s.fail, s.no_data)}${ctx.t.check.window(check.window.from, check.window.to)}`,
  };
}

const STATUSES: readonly KpiStatus[] = ['pass', 'warn', 'fail', 'no_data'];

/**
 * A KGI over time, for sums (revenue, deals won, new customers): the pace
 * line from 0 at the start to the target at the deadline, the run-rate
 * line from 0 through the actual to the projection at the deadline, the
 * actual and today's pace target as points, the target as a rule. Both
 * lines are straight by definition (pace target = target × elapsed,
 * projection = actual / elapsed): no figure is drawn that the check did not
 * compute.
 */
export function kgiBurnUpChart(k: KgiResult, asOf: string, ctx: HtmlContext): Chart {
  const title = ctx.h.charts.kgi(k.id, k.name);
  const L = ctx.h.legend;
  // As of a date past the deadline, the actual is the one at the deadline.
  const at = asOf < k.deadline ? asOf : k.deadline;
  const lines = [
    { series: L.paceLine, date: k.start, value: 0 },
    { series: L.paceLine, date: k.deadline, value: k.target },
    ...(k.projection === null
      ? []
      : [
          { series: L.runRate, date: k.start, value: 0 },
          { series: L.runRate, date: k.deadline, value: k.projection },
        ]),
  ];
  const series = [L.paceLine, ...(k.projection === null ? [] : [L.runRate])];
  // On a wide drawing the points are labelled where they are: the higher one above, the lower one
  // below, on their right when the text fits between them and the deadline, else on their left.
  // A phone's drawing has no room for them: a legend names the points instead.
  const actualAbove = k.actual !== null && k.actual >= k.paceTarget;
  const place = (label: string, dy: number, width: number): { dx: number; dy: number; align: string } => {
    const room = (1 - k.elapsed) * (width - 120);
    return estimateTextWidth({ fontSize: 11 }, label) + 16 < room
      ? { dx: 8, dy, align: 'left' }
      : { dx: -8, dy, align: 'right' };
  };
  const points = [
    ...(k.actual === null
      ? []
      : [
          {
            label: `${L.actual(at)}: ${show(ctx, k.metric, k.actual)}`,
            point: L.actual(at),
            date: at,
            value: k.actual,
            fill: STATUS_MARK[k.severity].color,
            shape: 'circle',
            dy: actualAbove ? -14 : 18,
          },
        ]),
    {
      label: `${L.paceToday}: ${show(ctx, k.metric, k.paceTarget)}`,
      point: L.paceToday,
      date: at,
      value: k.paceTarget,
      fill: PALETTE.black,
      shape: 'diamond',
      dy: actualAbove ? 18 : -14,
    },
  ];
  const ends = [
    {
      label: `${L.target} ${show(ctx, k.metric, k.target)}`,
      date: k.start,
      value: k.target,
      align: 'left',
      dx: 4,
      color: '#444444',
    },
    ...(k.projection === null
      ? []
      : [
          {
            label: `${L.projection} ${show(ctx, k.metric, k.projection)}`,
            date: k.deadline,
            value: k.projection,
            align: 'right',
            dx: -4,
            color: PALETTE.blue,
          },
        ]),
  ];
  const x = {
    field: 'date',
    type: 'temporal',
    // Dates are calendar dates: read and written in UTC, whatever the machine's time zone.
    scale: { type: 'utc', domain: [k.start, k.deadline] },
    axis: { title: ctx.h.axis.date, format: '%Y-%m-%d', labelAngle: 0, tickCount: 6 },
  };
  const y = {
    field: 'value',
    type: 'quantitative',
    axis: { title: axisTitle(k.metric, ctx.h, ctx.style.currency), ...valueAxis(k.metric, ctx.lang) },
  };
  const description = ctx.h.describe.sentences([
    ctx.h.describe.kgiBurnUp(k.start, k.deadline, show(ctx, k.metric, k.target), at, say(ctx, k.metric, k.actual)),
    ...(k.projection === null ? [] : [ctx.h.describe.kgiProjection(show(ctx, k.metric, k.projection))]),
    `${describeKgi(k, ctx.style)} — ${kgiStatusText(k, ctx.lang)}.`,
  ]);
  return {
    title,
    description,
    spec: (width) => {
      const narrow = width < 500;
      return {
        ...frame(title, width),
        height: 260,
        layer: [
          {
            data: { values: [{ value: k.target }] },
            mark: { type: 'rule', strokeWidth: 1.5, color: PALETTE.grey },
            encoding: { y: { field: 'value', type: 'quantitative' } },
          },
          {
            data: { values: lines },
            mark: { type: 'line', strokeWidth: 2 },
            encoding: {
              x,
              y,
              color: {
                field: 'series',
                type: 'nominal',
                scale: { domain: series, range: [PALETTE.black, PALETTE.blue] },
                legend: { title: null, symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 500 },
              },
              strokeDash: {
                field: 'series',
                type: 'nominal',
                scale: {
                  domain: series,
                  range: [
                    [6, 4],
                    [1, 0],
                  ],
                },
                legend: { title: null, symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 500 },
              },
            },
          },
          {
            data: { values: points },
            mark: { type: 'point', filled: true, size: 110, opacity: 1 },
            encoding: {
              x,
              y,
              ...(narrow
                ? {
                    fill: {
                      field: 'point',
                      type: 'nominal',
                      scale: { domain: points.map((p) => p.point), range: points.map((p) => p.fill) },
                      legend: { title: null },
                    },
                    shape: {
                      field: 'point',
                      type: 'nominal',
                      scale: { domain: points.map((p) => p.point), range: points.map((p) => p.shape) },
                      legend: { title: null },
                    },
                  }
                : {
                    fill: { field: 'fill', type: 'nominal', scale: null },
                    shape: { field: 'shape', type: 'nominal', scale: null },
                  }),
            },
          },
          // One text layer per label, each on its own side of its point, over a white halo.
          ...[
            ...(narrow
              ? []
              : points.map((p) => ({ ...p, ...place(p.label, p.dy, width), color: '#1a1a1a', fontWeight: 'bold' }))),
            ...ends.map((e) => ({ ...e, dy: -9, fontWeight: 'normal' })),
          ].flatMap((l) =>
            [{ stroke: '#ffffff', strokeWidth: 4, color: '#ffffff' }, { color: l.color }].map((paint) => ({
              data: { values: [{ label: l.label, date: l.date, value: l.value }] },
              mark: {
                type: 'text',
                align: l.align,
                dx: l.dx,
                dy: l.dy,
                fontSize: 11,
                fontWeight: l.fontWeight,
                ...paint,
              },
              encoding: { x, y, text: { field: 'label' } },
            })),
          ),
        ] as Layer[],
      } as Spec;
    },
  };
}

/** A KGI on a rate, median or level: the value against the target, as a bar and a rule. */
export function kgiLevelChart(k: KgiResult, ctx: HtmlContext): Chart {
  const title = ctx.h.charts.kgi(k.id, k.name);
  const label = ctx.h.metric(k.metric);
  const description = `${describeKgi(k, ctx.style)} — ${kgiStatusText(k, ctx.lang)}.`;
  const axis = (width: number): Record<string, unknown> => ({
    field: 'value',
    type: 'quantitative',
    ...(kindOf(k.metric) === 'ratio' ? { scale: { domain: [0, 1] } } : {}),
    axis: { title: axisTitle(k.metric, ctx.h, ctx.style.currency), ...valueAxis(k.metric, ctx.lang, width) },
  });
  return {
    title,
    description,
    spec: (width) => ({
      ...frame(title, width),
      height: 60,
      layer: [
        {
          data: { values: [{ label, value: k.actual }] },
          mark: { type: 'bar', color: STATUS_MARK[k.severity].color, height: 24 },
          encoding: { x: axis(width), y: { field: 'label', type: 'nominal', axis: { title: null } } },
        },
        ...targetLayer(
          [{ label: `${ctx.h.legend.target} ${show(ctx, k.metric, k.target)}`, value: k.target, kind: 'min' }],
          'x',
        ),
      ] as Layer[],
    }),
  };
}

function kgiBlock(k: KgiResult, asOf: string, ctx: HtmlContext): Block[] {
  const additive = DEAL_METRICS.find((m) => m.id === k.metric)?.additive ?? false;
  const name = k.name === null ? '' : ` ${k.name}`;
  const plan = k.plan === null ? null : markup`<p>${ctx.t.check.plan}: ${describePlan(k, k.plan, ctx.style)}</p>`;
  const line = markup`<div class="kgi"><p>${badge(ctx, k.severity, kgiStatusText(k, ctx.lang))} <strong>${k.id}</strong>${name}: ${ctx.t.checkMetric(k.metric)} ${describeKgi(k, ctx.style)}${ctx.t.check.kgiPeriod(k.start, k.deadline)}</p>${plan}</div>`;
  return [{ html: line }, { chart: additive ? kgiBurnUpChart(k, asOf, ctx) : kgiLevelChart(k, ctx) }];
}

/** How many KPI cells of each KPI pass, warn, fail or have no data, as stacked bars. */
export function kpiStatusChart(check: JsonCheck, ctx: HtmlContext): Chart {
  const title = ctx.h.charts.kpiStatus;
  const words = STATUSES.map((s) => ctx.h.kpiStatus(s));
  const ids = [...new Set(check.kpis.map((c) => c.id))];
  const description = ctx.h.describe.kpiCells(
    ctx.h.describe.list(check.kpis.map((c) => [`${c.id} ${cellScope(c, ctx.lang)}`, ctx.h.kpiStatus(c.status)])),
  );
  return {
    title,
    description,
    spec: (width) =>
      ({
        ...frame(title, width),
        height: 28 * ids.length,
        data: {
          values: check.kpis.map((c) => ({
            kpi: c.id,
            status: ctx.h.kpiStatus(c.status),
            order: STATUSES.indexOf(c.status),
          })),
        },
        encoding: {
          y: { field: 'kpi', type: 'nominal', sort: null, scale: { domain: ids }, axis: { title: ctx.h.axis.kpi } },
          x: {
            aggregate: 'count',
            type: 'quantitative',
            stack: 'zero',
            axis: { title: ctx.h.withUnit(ctx.h.units.cells, '#'), format: ',~f', tickMinStep: 1 },
          },
          color: {
            field: 'status',
            type: 'nominal',
            scale: { domain: words, range: STATUSES.map((s) => STATUS_MARK[s].color) },
            legend: { title: ctx.h.legend.status, direction: 'horizontal', columns: width < 500 ? 2 : 4 },
          },
          order: { field: 'order', type: 'quantitative' },
        },
        layer: [
          { mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 1 } },
          {
            mark: { type: 'text', dx: -8, align: 'right', fontWeight: 'bold', fontSize: 12 },
            encoding: { text: { aggregate: 'count', type: 'quantitative' }, color: { value: '#ffffff' } },
          },
        ],
      }) as Spec,
  };
}

/** A KPI's cells: each actual as a point coloured and shaped by its result, with the KPI's bounds as rules. */
export function kpiCellsChart(id: string, cells: readonly KpiCell[], ctx: HtmlContext): Chart {
  const first = cells[0] as KpiCell;
  const metric = first.metric;
  const name = ctx.h.metric(metric);
  const title = ctx.h.charts.kpiCells(id, name);
  const lines = targetLines(ctx, cells, metric, first.by, 'all');
  const scopeOf = (c: KpiCell): string =>
    c.status === 'no_data' ? `${cellScope(c, ctx.lang)} (${ctx.h.kpiStatus('no_data')})` : cellScope(c, ctx.lang);
  const scopes = cells.map(scopeOf);
  const words = STATUSES.map((s) => ctx.h.kpiStatus(s));
  const description = ctx.h.describe.sentences([
    ctx.h.describe.kpiCells(
      ctx.h.describe.list(
        cells.map((c) => [cellScope(c, ctx.lang), `${say(ctx, metric, c.actual)} (${ctx.h.kpiStatus(c.status)})`]),
      ),
    ),
    ctx.h.describe.lines(lines.map((l) => l.label).join('; ')),
  ]);
  return {
    title,
    description,
    size: 'half',
    spec: (width) =>
      ({
        ...frame(title, width),
        height: 26 * cells.length,
        layer: [
          ...targetLayer(lines, 'x'),
          {
            data: {
              values: cells.map((c) => ({ scope: scopeOf(c), value: c.actual, status: ctx.h.kpiStatus(c.status) })),
            },
            mark: { type: 'point', filled: true, size: 120, opacity: 1 },
            encoding: {
              y: {
                field: 'scope',
                type: 'nominal',
                sort: null,
                scale: { domain: scopes },
                axis: { title: ctx.h.axis.scope, labelLimit: 180 },
              },
              x: {
                field: 'value',
                type: 'quantitative',
                ...(kindOf(metric) === 'ratio' ? { scale: { domain: [0, 1] } } : { scale: { zero: true } }),
                axis: { title: axisTitle(metric, ctx.h, ctx.style.currency), ...valueAxis(metric, ctx.lang, width) },
              },
              color: {
                field: 'status',
                type: 'nominal',
                scale: { domain: words, range: STATUSES.map((s) => STATUS_MARK[s].color) },
                legend: { title: ctx.h.legend.status, direction: 'horizontal' },
              },
              shape: {
                field: 'status',
                type: 'nominal',
                scale: { domain: words, range: STATUSES.map((s) => STATUS_MARK[s].shape) },
                legend: { title: ctx.h.legend.status, direction: 'horizontal' },
              },
            },
          },
        ] as Layer[],
      }) as Spec,
  };
}

function kpiTable(check: JsonCheck, ctx: HtmlContext): Html {
  const h = ctx.t.check.head;
  const rows = check.kpis.map(
    (c) =>
      markup`<tr><td>${badge(ctx, c.status, ctx.t.check.kpiStatus(c.status, c.severity))}</td><th scope="row">${c.id}</th><td>${cellScope(c, ctx.lang)}</td><td>${ctx.t.checkMetric(c.metric)}</td><td class="num">${show(ctx, c.metric, c.actual)}</td><td class="num">${formatBounds(c, ctx.style)}</td></tr>\n`,
  );
  const head = markup`<tr><th scope="col">${h.status}</th><th scope="col">${h.kpi}</th><th scope="col">${h.scope}</th><th scope="col">${h.metric}</th><th scope="col" class="num">${h.actual}</th><th scope="col" class="num">${h.bound}</th></tr>`;
  return markup`<div class="table-wrap"><table>\n<thead>${head}</thead>\n<tbody>${rows}</tbody></table></div>\n`;
}

/**
 * The sections of a check: the KGIs (each with its progress chart and its
 * plan) and the KPIs (results at a glance, each KPI's cells against its
 * bounds, and the table of every cell).
 */
export function checkSections(check: JsonCheck, ctx: HtmlContext): Section[] {
  const sections: Section[] = [];
  if (check.kgis.length > 0) {
    sections.push({
      id: 'kgis',
      title: ctx.h.sections.kgis,
      blocks: check.kgis.flatMap((k) => kgiBlock(k, check.asOf, ctx)),
    });
  }
  if (check.kpis.length > 0) {
    const ids = [...new Set(check.kpis.map((c) => c.id))];
    sections.push({
      id: 'kpis',
      title: ctx.h.sections.kpis,
      blocks: [
        { chart: kpiStatusChart(check, ctx) },
        ...ids.map((id) => ({
          chart: kpiCellsChart(
            id,
            check.kpis.filter((c) => c.id === id),
            ctx,
          ),
        })),
        { html: kpiTable(check, ctx) },
      ],
    });
  }
  return sections;
}
