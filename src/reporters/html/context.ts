import type { TopLevelSpec } from 'vega-lite';
import type { KpiCell } from '../../engine/check/index.js';
import type { AnyMetricId, MetricValues } from '../../engine/metrics/index.js';
import type { Dimension } from '../../engine/deal.js';
import { type BoundKind, type HtmlText, htmlText } from '../../i18n/html-text.js';
import { type Lang, type Messages, messages } from '../../i18n/index.js';
import { formatValue } from '../check-text.js';
import type { NumberStyle } from '../format.js';
import { CHART_CONFIG, PALETTE } from './chart.js';

/** What every section renderer needs: the language's words and how numbers are written. */
export interface HtmlContext {
  lang: Lang;
  /** The words of tables and the check. */
  t: Messages;
  /** The words of the HTML report. */
  h: HtmlText;
  /** Language and the one currency of the amounts, when known. */
  style: NumberStyle;
}

/** Options of the HTML renderers. */
export interface HtmlOptions {
  /** @default 'en' */
  lang?: Lang;
  /** The one currency of every amount, when known (ISO 4217): axis units, and yen signs in Japanese. */
  currency?: string;
  /** The program and version, for the last line: `salesmetrics 1.2.0`. */
  program: string;
}

export function htmlContext(options: HtmlOptions): HtmlContext {
  const lang = options.lang ?? 'en';
  return {
    lang,
    t: messages(lang),
    h: htmlText(lang),
    style: { lang, ...(options.currency === undefined ? {} : { currency: options.currency }) },
  };
}

/** One layer of a layered Vega-Lite spec. */
export type Layer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

/** A metric's value in a result, by id. */
export function valueOf(values: MetricValues, metric: AnyMetricId): number | null {
  return values[metric as keyof MetricValues] ?? null;
}

/** A value for people, `—` for null, as tables show it. */
export function show(ctx: HtmlContext, metric: AnyMetricId, value: number | null): string {
  return formatValue(metric, value, ctx.style);
}

/** A value for a text alternative: the words for "no value" instead of `—`. */
export function say(ctx: HtmlContext, metric: AnyMetricId, value: number | null): string {
  return value === null ? ctx.h.describe.noValue : show(ctx, metric, value);
}

/** A KPI's target line on a chart of its metric. */
export interface TargetLine {
  label: string;
  value: number;
  kind: BoundKind;
}

/**
 * Which KPI cells give a chart its target lines: `periods` for a chart by
 * period (KPIs checked `each_period`, whose bound holds for every period),
 * `totals` for a chart of totals (KPIs checked over the whole window; only
 * when the chart's window is the KPI window, so the bar is the value
 * checked), `all` for a KPI's own chart.
 */
export type TargetCells = 'periods' | 'totals' | 'all';

/**
 * The target lines of a chart of `metric` over all deals (`by` null) or
 * over the groups of `by`: every bound of every KPI on that metric and
 * grouping, once each (a KPI's bounds are the same in all of its cells).
 */
export function targetLines(
  ctx: HtmlContext,
  kpis: readonly KpiCell[],
  metric: AnyMetricId,
  by: Dimension | null,
  cells: TargetCells = 'all',
): TargetLine[] {
  const out = new Map<string, TargetLine>();
  for (const c of kpis) {
    if (c.metric !== metric || c.by !== by) continue;
    if ((cells === 'periods' && c.period === null) || (cells === 'totals' && c.period !== null)) continue;
    const bounds: [BoundKind, number | null][] = [
      ['min', c.min],
      ['max', c.max],
      ['warnMin', c.warnMin],
      ['warnMax', c.warnMax],
    ];
    for (const [kind, value] of bounds) {
      if (value === null) continue;
      const label = ctx.h.bound(c.id, kind, show(ctx, metric, value));
      if (!out.has(label)) out.set(label, { label, value, kind });
    }
  }
  return [...out.values()];
}

/**
 * Target lines as rules across a chart: failing bounds solid black, warning
 * bounds dashed orange, each named in the legend. They use the `stroke` and
 * `strokeDash` channels, so that a chart's own series may use `color` and
 * `shape` without sharing a scale with them.
 */
export function targetLayer(lines: readonly TargetLine[], axis: 'x' | 'y'): Layer[] {
  if (lines.length === 0) return [];
  const warn = (l: TargetLine): boolean => l.kind === 'warnMin' || l.kind === 'warnMax';
  const labels = lines.map((l) => l.label);
  const legend = { title: null, symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 500 };
  return [
    {
      data: { values: lines.map((l) => ({ label: l.label, value: l.value })) },
      mark: { type: 'rule', strokeWidth: 2 },
      encoding: {
        [axis]: { field: 'value', type: 'quantitative' },
        stroke: {
          field: 'label',
          type: 'nominal',
          scale: { domain: labels, range: lines.map((l) => (warn(l) ? PALETTE.orange : PALETTE.black)) },
          legend,
        },
        strokeDash: {
          field: 'label',
          type: 'nominal',
          scale: { domain: labels, range: lines.map((l) => (warn(l) ? [6, 4] : [1, 0])) },
          legend,
        },
      },
    } as Layer,
  ];
}

/** The spec's frame: the shared look, the title and a width that fits the page. */
export function frame(
  title: string,
  width: number,
): Pick<Extract<TopLevelSpec, { layer: unknown }>, 'config' | 'title' | 'width' | 'autosize'> {
  return {
    config: CHART_CONFIG,
    title: { text: title, limit: width - 24 },
    width,
    autosize: { type: 'fit-x', contains: 'padding' },
  };
}

/**
 * The x axis of periods: every period of the window in order, the empty ones
 * too. Labels turn when they would not fit side by side in `width` px (a
 * label takes about 70 px) and thin out when they would not fit turned.
 */
export function periodAxis(ctx: HtmlContext, periods: readonly string[], width: number): Record<string, unknown> {
  return {
    field: 'period',
    type: 'ordinal',
    sort: null,
    scale: { domain: [...periods] },
    axis: { title: ctx.h.axis.period, labelAngle: periods.length * 70 > width ? -45 : 0, labelOverlap: 'parity' },
  };
}
