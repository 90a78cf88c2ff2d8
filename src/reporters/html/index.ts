import type { JsonCheck } from '../check-json.js';
import type { JsonReport } from '../json.js';
import { checkBanner, checkSections } from './check-sections.js';
import { htmlContext, type HtmlOptions } from './context.js';
import { renderHtmlDocument, type RenderOptions } from './document.js';
import { reportSections } from './report-sections.js';

export type { HtmlOptions } from './context.js';

/** A report's JSON, with the check's when the report checks targets (`report --targets`). */
export type JsonReportWithCheck = JsonReport & { check?: JsonCheck };

/**
 * `salesmetrics report --format html`: one self-contained HTML file drawn
 * from the JSON report (and its check), with charts rendered to inline SVG.
 * Every number shown is one of the JSON's, formatted; none is computed here.
 */
export async function renderReportHtml(
  report: JsonReportWithCheck,
  options: HtmlOptions & RenderOptions,
): Promise<string> {
  const ctx = htmlContext(options);
  const d = report.inputs.deals;
  const n = (v: number): string => new Intl.NumberFormat(ctx.t.locale).format(v);
  const check = report.check;
  return renderHtmlDocument(
    {
      lang: ctx.lang,
      title: ctx.h.reportTitle(report.window.from, report.window.to),
      meta: [
        ctx.t.report.settings(report.granularity, report.fiscalYearStart).trim(),
        ctx.t.report.inputs(d.path, n(d.rows), n(d.used), n(d.rejected)),
        ...(check === undefined ? [] : [ctx.h.checkTitle(check.asOf)]),
      ],
      ...(check === undefined ? {} : { status: checkBanner(check, ctx) }),
      contents: ctx.h.contents,
      sections: [...reportSections(report, ctx, check), ...(check === undefined ? [] : checkSections(check, ctx))],
      footer: ctx.h.generatedBy(options.program, d.path),
    },
    options,
  );
}

/** `salesmetrics check --format html`: the check as one self-contained HTML file. */
export async function renderCheckHtml(check: JsonCheck, options: HtmlOptions & RenderOptions): Promise<string> {
  const ctx = htmlContext(options);
  const d = check.inputs.deals;
  const n = (v: number): string => new Intl.NumberFormat(ctx.t.locale).format(v);
  return renderHtmlDocument(
    {
      lang: ctx.lang,
      title: ctx.h.checkTitle(check.asOf),
      meta: [ctx.t.report.inputs(d.path, n(d.rows), n(d.used), n(d.rejected))],
      status: checkBanner(check, ctx),
      contents: ctx.h.contents,
      sections: checkSections(check, ctx),
      footer: ctx.h.generatedBy(options.program, d.path),
    },
    options,
  );
}
