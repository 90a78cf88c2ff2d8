import type { Severity } from '../../engine/check/index.js';
import type { JsonCheck } from '../check-json.js';
import { formatCount } from '../format.js';
import { cohortsMessages } from '../../i18n/cohorts.js';
import type { JsonInput, JsonReport } from '../json.js';
import { checkBanner, checkSections } from './check-sections.js';
import { type HtmlContext, htmlContext, type HtmlOptions } from './context.js';
import { renderHtmlDocument, type RenderOptions, type Section } from './document.js';
import { reportSections } from './report-sections.js';
import type { JsonPipeline } from '../pipeline-json.js';
import type { JsonCohorts } from '../cohorts-json.js';
import { pipelineSections } from './pipeline-sections.js';
import { cohortsSections } from './cohorts-sections.js';

export type { HtmlOptions } from './context.js';

/** A report's JSON, with the check's when the report checks targets (`report --targets`). */
export type JsonReportWithCheck = JsonReport & { check?: JsonCheck };

/**
 * One page of a command's HTML output. A command gets HTML by turning its
 * JSON result into sections (pure functions, one file per kind of result,
 * like `report-sections.ts`) and handing them to {@link renderPage}.
 */
export interface Page {
  title: string;
  /** Lines under the title, plain text. */
  meta: string[];
  status?: { severity: Severity; label: string; text: string };
  sections: Section[];
  /** The deals file read: its counts (rows = used + rejected) go under the title, its name in the last line. */
  deals: JsonInput;
}

/** Renders a page: the rows read, used and rejected first, the sections, the program last. */
export function renderPage(page: Page, ctx: HtmlContext, options: HtmlOptions & RenderOptions): Promise<string> {
  const d = page.deals;
  const n = (v: number): string => formatCount(v, ctx.lang);
  return renderHtmlDocument(
    {
      lang: ctx.lang,
      title: page.title,
      meta: [...page.meta, ctx.t.report.inputs(d.path, n(d.rows), n(d.used), n(d.rejected))],
      ...(page.status === undefined ? {} : { status: page.status }),
      contents: ctx.h.contents,
      sections: page.sections,
      footer: ctx.h.generatedBy(options.program, d.path),
    },
    options,
  );
}

/**
 * `salesmetrics report --format html`: one self-contained HTML file drawn
 * from the JSON report (and its check), with charts rendered to inline SVG.
 * Every number shown is one of the JSON's, formatted; none is computed here.
 */
export function renderReportHtml(report: JsonReportWithCheck, options: HtmlOptions & RenderOptions): Promise<string> {
  const ctx = htmlContext(options);
  const check = report.check;
  return renderPage(
    {
      title: ctx.h.reportTitle(report.window.from, report.window.to),
      meta: [
        ctx.t.report.settings(report.granularity, report.fiscalYearStart).trim(),
        ...(check === undefined ? [] : [ctx.h.checkTitle(check.asOf)]),
      ],
      ...(check === undefined ? {} : { status: checkBanner(check, ctx) }),
      sections: [...reportSections(report, ctx, check), ...(check === undefined ? [] : checkSections(check, ctx))],
      deals: report.inputs.deals,
    },
    ctx,
    options,
  );
}

/** `salesmetrics check --format html`: the check as one self-contained HTML file. */
export function renderCheckHtml(check: JsonCheck, options: HtmlOptions & RenderOptions): Promise<string> {
  const ctx = htmlContext(options);
  return renderPage(
    {
      title: ctx.h.checkTitle(check.asOf),
      meta: [],
      status: checkBanner(check, ctx),
      sections: checkSections(check, ctx),
      deals: check.inputs.deals,
    },
    ctx,
    options,
  );
}

/** `salesmetrics pipeline --format html`: the pipeline as one self-contained HTML file. */
export function renderPipelineHtml(pipeline: JsonPipeline, options: HtmlOptions & RenderOptions): Promise<string> {
  const ctx = htmlContext(options);
  return renderPage(
    {
      title: ctx.t.pipeline.title(pipeline.asOf),
      meta: [ctx.t.report.settings(pipeline.granularity, pipeline.fiscalYearStart).trim()],
      sections: pipelineSections(pipeline, ctx),
      deals: pipeline.inputs.deals,
    },
    ctx,
    options,
  );
}

/** `salesmetrics cohorts --format html`: the cohort triangles as one self-contained HTML file. */
export function renderCohortsHtml(cohorts: JsonCohorts, options: HtmlOptions & RenderOptions): Promise<string> {
  const ctx = htmlContext(options);
  return renderPage(
    {
      title: cohortsMessages(ctx.lang).title(cohorts.window.from, cohorts.window.to),
      meta: [ctx.t.report.settings(cohorts.granularity, cohorts.fiscalYearStart).trim()],
      sections: cohortsSections(cohorts, ctx),
      deals: cohorts.inputs.deals,
    },
    ctx,
    options,
  );
}
