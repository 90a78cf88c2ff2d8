import type { TopLevelSpec } from 'vega-lite';
import type { Config } from 'vega-lite';
import type { KpiStatus } from '../../engine/check/index.js';
import { type AnyMetricId, metricInfo, type MetricKind } from '../../engine/metrics/index.js';
import type { Lang } from '../../i18n/index.js';
import type { HtmlText } from '../../i18n/html-text.js';

/** A Vega-Lite spec. */
export type Spec = TopLevelSpec;

/**
 * A chart of a section: a Vega-Lite spec, rendered to inline SVG when the
 * file is written, with its text alternative.
 */
export interface Chart {
  /** The spec at a width, px: a full chart is drawn at FULL_WIDTH and again at PHONE_WIDTH for small screens. */
  spec(width: number): TopLevelSpec;
  /** The chart's title, plain text: the SVG's `<title>`. */
  title: string;
  /** What the chart shows, plain text: the SVG's `<desc>`. */
  description: string;
  /** Half-width charts sit side by side on wide screens. @default 'full' */
  size?: 'full' | 'half';
}

/** Width of a full chart, px (the page holds 880 px; narrower screens scale it down). */
export const FULL_WIDTH = 880;
/** Width of a half chart, px (two to a row on wide screens, one on a phone). */
export const HALF_WIDTH = 430;
/** Width of the small-screen drawing of a full chart, px: a phone is 360–430 px wide. */
export const PHONE_WIDTH = 360;

/**
 * Okabe–Ito colours: told apart with the common colour-vision deficiencies
 * (and in greyscale by their lightness). Yellow is left out: it is too
 * light on white.
 */
export const PALETTE = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  sky: '#56B4E9',
  purple: '#CC79A7',
  black: '#000000',
  grey: '#8C8C8C',
} as const;

/** Series colours, in order. */
export const CATEGORY: readonly string[] = [
  PALETTE.blue,
  PALETTE.orange,
  PALETTE.green,
  PALETTE.vermillion,
  PALETTE.sky,
  PALETTE.purple,
  PALETTE.black,
];

/** A KPI cell's status in charts: a colour and a shape, so colour is never the only clue. */
export const STATUS_MARK: Record<KpiStatus, { color: string; shape: string }> = {
  pass: { color: PALETTE.green, shape: 'circle' },
  warn: { color: PALETTE.orange, shape: 'triangle-up' },
  fail: { color: PALETTE.vermillion, shape: 'cross' },
  no_data: { color: PALETTE.grey, shape: 'square' },
};

/** Fonts with Japanese glyphs on every common system, then the generic family. */
export const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Noto Sans CJK JP', 'Noto Sans JP', 'Yu Gothic', Meiryo, sans-serif";

/** The look shared by every chart. */
export const CHART_CONFIG: Config = {
  font: FONT_STACK,
  background: '#ffffff',
  padding: 8,
  view: { stroke: null },
  title: { fontSize: 15, fontWeight: 600, anchor: 'start', color: '#1a1a1a', offset: 12 },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 600,
    labelColor: '#333333',
    titleColor: '#333333',
    gridColor: '#e6e6e6',
    domainColor: '#888888',
    tickColor: '#888888',
    labelLimit: 220,
    labelOverlap: true,
  },
  legend: {
    orient: 'bottom',
    direction: 'vertical',
    labelFontSize: 11,
    titleFontSize: 11,
    labelLimit: 600,
    // Legends below the chart stack, left-aligned, instead of running off its right edge
    // (a Vega legend setting that Vega-Lite passes on but does not declare).
    ...({ layout: { bottom: { direction: 'vertical', anchor: 'start', margin: 8 } } } as object),
  },
  range: { category: [...CATEGORY] },
};

/** The unit a metric is counted in. */
export function unitOf(metric: AnyMetricId, h: HtmlText, currency: string | undefined): string {
  switch (kindOf(metric)) {
    case 'money':
      return currency ?? h.units.currencyUnits;
    case 'ratio':
      return '%';
    case 'days':
      return h.units.days;
    case 'hours':
      return h.units.hours;
    case 'score':
      return h.units.points;
    case 'count':
      return metric === 'new_customers'
        ? h.units.customers
        : metric.startsWith('deals_')
          ? h.units.deals
          : h.units.items;
  }
}

export function kindOf(metric: AnyMetricId): MetricKind {
  return metricInfo(metric)?.kind ?? 'count';
}

/** An axis title with the unit: `Revenue (JPY)`, `Win rate (%)`. */
export function axisTitle(metric: AnyMetricId, h: HtmlText, currency: string | undefined): string {
  return h.withUnit(h.metric(metric), unitOf(metric, h, currency));
}

/**
 * How a value axis labels its ticks: rates as percentages, money in short
 * form (`120M`, or `1.2億` / `3,000万` in Japanese), days and counts as
 * grouped whole numbers. Only tick labels are shortened: the tables give
 * every value in full. A horizontal axis `width` px long gets a tick per
 * 100 px at most, so that its labels never run into each other.
 */
export function valueAxis(
  metric: AnyMetricId,
  lang: Lang,
  width?: number,
): { format?: string; labelExpr?: string; tickMinStep?: number; tickCount?: number } {
  const ticks = width === undefined ? {} : { tickCount: Math.max(3, Math.floor(width / 100)) };
  switch (kindOf(metric)) {
    case 'ratio':
      return { format: '.0%', ...ticks };
    case 'days':
    case 'hours':
    case 'score':
      return { format: ',~f', ...ticks };
    case 'count':
      return { format: ',~f', tickMinStep: 1, ...ticks };
    case 'money':
      return {
        ...ticks,
        labelExpr:
          lang === 'ja'
            ? "abs(datum.value) >= 1e8 ? format(datum.value / 1e8, ',.4~f') + '億' : abs(datum.value) >= 1e4 ? format(datum.value / 1e4, ',.4~f') + '万' : format(datum.value, ',~f')"
            : "abs(datum.value) >= 1e9 ? format(datum.value / 1e9, ',.3~f') + 'B' : abs(datum.value) >= 1e6 ? format(datum.value / 1e6, ',.3~f') + 'M' : abs(datum.value) >= 1e3 ? format(datum.value / 1e3, ',.3~f') + 'k' : format(datum.value, ',~f')",
      };
  }
}
