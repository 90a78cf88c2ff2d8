import { cohortsMessages } from '../../i18n/cohorts.js';
import { pipelineHtmlText } from '../../i18n/html-pipeline-text.js';
import type { JsonCohorts } from '../cohorts-json.js';
import { formatCount, formatMetric } from '../format.js';
import type { Chart, Spec } from './chart.js';
import { frame, type HtmlContext } from './context.js';
import type { Block, Section } from './document.js';
import { markup } from './markup.js';

/**
 * The sequential scheme of the heatmap: Vega's `blues`, light to dark, told
 * apart by lightness alone (so with any colour-vision deficiency and in
 * greyscale).
 */
export const RETENTION_SCHEME = 'blues';

/** The heatmap's colour steps: 0–20%, 20–40%, … 80–100%. */
export const RETENTION_STEPS = 5;

/** Retention from this on is drawn on one of the two darkest steps: its label is white. */
const DARK_CELL = 0.6;

/** Cells narrower than this, px, get no label. */
const MIN_LABELLED_CELL = 32;

/** The customer retention triangle as a heatmap: one row per cohort, one column per period since its first. */
export function retentionChart(doc: JsonCohorts, ctx: HtmlContext): Chart {
  const p = pipelineHtmlText(ctx.lang);
  const c = cohortsMessages(ctx.lang);
  const title = p.charts.retention;
  const offsets = doc.cohorts.map((_, k) => c.head.offset(k));
  const cohorts = doc.cohorts.map((r) => r.cohort);
  const cells = doc.cohorts.flatMap((r) =>
    r.periods.map((x) => ({
      cohort: r.cohort,
      offset: c.head.offset(x.offset),
      retention: x.retention,
      // Whole percentages fit a cell; the table below gives one decimal.
      label: x.retention === null ? '—' : `${Math.round(x.retention * 100)}%`,
    })),
  );
  const y = {
    field: 'cohort',
    type: 'ordinal',
    sort: null,
    scale: { domain: cohorts },
    axis: { title: p.axis.cohort },
  };
  const x = {
    field: 'offset',
    type: 'ordinal',
    sort: null,
    scale: { domain: offsets },
    axis: { title: p.axis.since(doc.granularity), labelAngle: 0, orient: 'top' },
  };
  return {
    title,
    description: p.describe.join(
      doc.cohorts.map((r) =>
        p.describe.cohort(
          r.cohort,
          r.accounts,
          formatCount(r.accounts, ctx.lang),
          ctx.h.describe.list(
            r.periods.map((x) => [
              c.head.offset(x.offset),
              x.retention === null ? ctx.h.describe.noValue : formatMetric('ratio', x.retention, ctx.style),
            ]),
          ),
        ),
      ),
    ),
    spec: (width) =>
      ({
        ...frame(title, width),
        height: Math.max(60, 28 * cohorts.length),
        data: { values: cells },
        layer: [
          {
            mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
            encoding: {
              x,
              y,
              color: {
                field: 'retention',
                type: 'quantitative',
                // Five steps of 20 points: a legend of swatches (a gradient legend would need a url() fill).
                scale: { type: 'quantize', domain: [0, 1], scheme: { name: RETENTION_SCHEME, count: RETENTION_STEPS } },
                legend: { title: p.legend.retention, format: '.0%', direction: 'horizontal', columns: RETENTION_STEPS },
              },
            },
          },
          // Labels only where a cell holds `100%` (about 30 px); the text alternative and the table have every value.
          ...(width / Math.max(1, offsets.length) < MIN_LABELLED_CELL
            ? []
            : [
                {
                  mark: { type: 'text', fontSize: width / Math.max(1, offsets.length) < 45 ? 9 : 11 },
                  encoding: {
                    x,
                    y,
                    text: { field: 'label' },
                    color: {
                      condition: { test: `datum.retention >= ${DARK_CELL}`, value: '#ffffff' },
                      value: '#1a1a1a',
                    },
                  },
                },
              ]),
        ],
      }) as Spec,
  };
}

/** A triangle as a table: one row per cohort, later periods the window does not reach left blank. */
function triangle(
  doc: JsonCohorts,
  head: readonly string[],
  row: (r: JsonCohorts['cohorts'][number]) => string[],
): Block {
  const th = head.map((h, i) => markup`<th scope="col"${i === 0 ? '' : markup` class="num"`}>${h}</th>`);
  const body = doc.cohorts.map((r) => {
    const cells = row(r);
    const blank = new Array<string>(head.length - cells.length).fill('');
    return markup`<tr><th scope="row">${cells[0] ?? ''}</th>${[...cells.slice(1), ...blank].map((v) => markup`<td class="num">${v}</td>`)}</tr>\n`;
  });
  return {
    html: markup`<div class="table-wrap"><table>\n<thead><tr>${th}</tr></thead>\n<tbody>${body}</tbody></table></div>\n`,
  };
}

/**
 * The sections of the cohorts page: customer retention as a heatmap and a
 * triangle, then revenue retention as a triangle. Every number is the
 * JSON's, formatted.
 */
export function cohortsSections(doc: JsonCohorts, ctx: HtmlContext): Section[] {
  const p = pipelineHtmlText(ctx.lang);
  const c = cohortsMessages(ctx.lang);
  const count = (n: number): string => formatCount(n, ctx.lang);
  const offsets = doc.cohorts.map((_, k) => c.head.offset(k));
  const summary: Block = {
    html: markup`<p class="note">${c.summary(doc.accounts, doc.deals.wonWithoutAccount, count)}</p>`,
  };
  if (doc.cohorts.length === 0)
    return [
      {
        id: 'retention',
        title: p.sections.retention,
        blocks: [summary, { html: markup`<p class="note">${p.notes.noCohorts}</p>` }],
      },
    ];
  return [
    {
      id: 'retention',
      title: p.sections.retention,
      blocks: [
        summary,
        { chart: retentionChart(doc, ctx) },
        { html: markup`<p class="note">${c.retentionHeading}</p>` },
        triangle(doc, [c.head.cohort, c.head.accounts, ...offsets], (r) => [
          r.cohort,
          count(r.accounts),
          ...r.periods.map((x) => formatMetric('ratio', x.retention, ctx.style)),
        ]),
      ],
    },
    {
      id: 'revenue-retention',
      title: p.sections.revenueRetention,
      blocks: [
        { html: markup`<p class="note">${c.revenueHeading}</p>` },
        triangle(doc, [c.head.cohort, c.head.firstRevenue, ...offsets], (r) => [
          r.cohort,
          formatMetric('money', r.periods[0]?.revenue ?? null, ctx.style),
          ...r.periods.map((x) => formatMetric('ratio', x.revenue_retention, ctx.style)),
        ]),
      ],
    },
  ];
}
