import type { Severity } from '../../engine/check/index.js';
import type { Lang } from '../../i18n/index.js';
import type { Chart } from './chart.js';
import { FONT_STACK, FULL_WIDTH, HALF_WIDTH, PHONE_WIDTH } from './chart.js';
import { type Html, markup, trusted } from './markup.js';
import { labelSvg, renderSvg, type WarningSink } from './svg.js';

/** A piece of a section: a chart, or markup (a table, a note). */
export type Block = { chart: Chart } | { html: Html };

/**
 * One section of the document, with a page break before it in print. A
 * section renderer is a pure function from a command's JSON result to
 * sections; adding a section to the report is adding such a function.
 */
export interface Section {
  /** The anchor: fixed words, never input. */
  id: string;
  title: string;
  blocks: Block[];
  /** In print, the section starts a new page. @default true */
  newPage?: boolean;
}

/** The whole document, before its charts are rendered. */
export interface HtmlDocument {
  lang: Lang;
  title: string;
  /** Lines under the title, plain text. */
  meta: string[];
  /** The overall result of a check, shown as a banner: the result in bold, then the details. */
  status?: { severity: Severity; label: string; text: string };
  /** The label of the list of sections. */
  contents: string;
  sections: Section[];
  /** The last line, plain text. */
  footer: string;
}

/** Options of rendering a document. */
export interface RenderOptions {
  /** Receives warnings of the chart compiler. @default dropped */
  onWarning?: WarningSink;
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:${FONT_STACK};color:#1a1a1a;background:#f4f5f7;line-height:1.5}
main{max-width:1000px;margin:0 auto;padding:24px 16px 40px}
header.doc h1{font-size:1.6rem;line-height:1.25;margin:0 0 6px}
header.doc p{margin:0;color:#4d4d4d;font-size:.9rem}
nav.toc{margin:12px 0 0;font-size:.9rem}
nav.toc ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
nav.toc a{color:#005a8c}
section{background:#fff;border:1px solid #dcdfe4;border-radius:8px;padding:16px 20px;margin:20px 0}
section h2{font-size:1.25rem;margin:0 0 12px}
.banner{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 10px;border-radius:8px;padding:12px 16px;margin:16px 0 0;border:1px solid}
.banner strong{font-size:1.3rem}
.banner.pass{background:#e6f4ef;border-color:#7cc4ac;color:#004d38}
.banner.warn{background:#fdf2dc;border-color:#e0b050;color:#6b4200}
.banner.fail{background:#fbe9e0;border-color:#e39a77;color:#8a2e00}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,400px),1fr));gap:16px;margin:0 0 16px}
figure.chart{margin:0 0 16px;min-width:0}
.charts figure.chart{margin:0}
figure.chart svg{display:block;max-width:100%;height:auto}
.narrow svg{margin:0 auto}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,170px),1fr));gap:8px;margin:0;padding:0;list-style:none}
.cards li{border:1px solid #dcdfe4;border-radius:6px;padding:8px 10px}
.cards .label{display:block;font-size:.8rem;color:#4d4d4d}
.cards .value{display:block;font-size:1.3rem;font-weight:600;font-variant-numeric:tabular-nums}
.table-wrap{overflow-x:auto;margin:0 0 8px}
table{border-collapse:collapse;font-size:.85rem;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{padding:4px 10px;border-bottom:1px solid #e3e5e8;text-align:left;white-space:nowrap;vertical-align:top}
thead th{border-bottom:2px solid #b9bec6;background:#fafbfc}
td.num,th.num{text-align:right}
td.wrap{white-space:normal;min-width:16em}
.badge{display:inline-block;padding:0 6px;border-radius:4px;font-weight:600;white-space:nowrap}
.badge.pass{color:#005c43;background:#e3f4ee}
.badge.warn{color:#7a4b00;background:#fdf0d5}
.badge.fail{color:#9c3400;background:#fbe4d8}
.badge.no_data{color:#4d4d4d;background:#ececec}
p.note{color:#4d4d4d;font-size:.9rem}
.kgi{margin:0 0 20px}
.kgi p{margin:4px 0}
footer{color:#666;font-size:.8rem;margin-top:24px}
.narrow{display:none}
@media screen and (max-width:600px){
.wide{display:none}
.narrow{display:block}
}
@media (max-width:600px){
main{padding:12px 8px 24px}
section{padding:12px 10px;margin:12px 0}
header.doc h1{font-size:1.3rem}
}
@media print{
@page{size:A4;margin:12mm}
body{background:#fff;font-size:10pt}
main{max-width:none;padding:0}
nav.toc{display:none}
section{border:none;border-radius:0;padding:0;margin:16px 0 0}
section.new-page{break-before:page;margin-top:0}
figure.chart,.cards li,tr,.kgi,.banner{break-inside:avoid}
h2{break-after:avoid}
.table-wrap{overflow:visible}
table{font-size:7.5pt}
th,td{padding:2px 5px}
.charts{grid-template-columns:1fr 1fr}
a{color:inherit;text-decoration:none}
}
`;

async function drawing(chart: Chart, width: number, id: string, options: RenderOptions): Promise<Html> {
  const svg = await renderSvg(chart.spec(width), options.onWarning);
  return trusted(labelSvg(svg, id, chart.title, chart.description));
}

/**
 * The markup of one block; charts are rendered to SVG here. A full-width
 * chart is drawn twice, for wide screens (and paper) and for phones, where
 * shrinking the wide drawing would leave its text too small to read; the
 * style sheet shows one of the two (the hidden one is hidden from screen
 * readers too).
 */
async function renderBlock(block: Block, id: string, options: RenderOptions): Promise<Html> {
  if ('html' in block) return block.html;
  const { chart } = block;
  if (chart.size === 'half')
    return markup`<figure class="chart">${await drawing(chart, HALF_WIDTH, id, options)}</figure>\n`;
  const wide = await drawing(chart, FULL_WIDTH, id, options);
  const narrow = await drawing(chart, PHONE_WIDTH, `${id}-phone`, options);
  return markup`<figure class="chart"><div class="wide">${wide}</div><div class="narrow">${narrow}</div></figure>\n`;
}

/**
 * The document as one self-contained HTML file: inline style sheet and
 * inline SVG charts, no script, nothing fetched (the content security
 * policy forbids both), readable on a phone and printable to A4 with a
 * page break before each section.
 */
export async function renderHtmlDocument(doc: HtmlDocument, options: RenderOptions = {}): Promise<string> {
  let n = 0;
  const sections: Html[] = [];
  for (const s of doc.sections) {
    const parts: Html[] = [];
    // Consecutive half-width charts share a row.
    let row: Html[] = [];
    const flush = (): void => {
      if (row.length > 0) parts.push(markup`<div class="charts">\n${row}</div>\n`);
      row = [];
    };
    for (const block of s.blocks) {
      const rendered = await renderBlock(block, `chart-${++n}`, options);
      if ('chart' in block && block.chart.size === 'half') row.push(rendered);
      else {
        flush();
        parts.push(rendered);
      }
    }
    flush();
    sections.push(
      markup`<section id="${s.id}"${s.newPage === false || sections.length === 0 ? '' : trusted(' class="new-page"')} aria-labelledby="${s.id}-h">\n<h2 id="${s.id}-h">${s.title}</h2>\n${parts}</section>\n`,
    );
  }
  const banner =
    doc.status === undefined
      ? null
      : markup`<p class="banner ${doc.status.severity}" role="status"><strong>${doc.status.label}</strong> ${doc.status.text}</p>\n`;
  const toc = doc.sections.map((s) => markup`<li><a href="#${s.id}">${s.title}</a></li>`);
  return markup`<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${doc.title}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<main>
<header class="doc">
<h1>${doc.title}</h1>
${doc.meta.map((line) => markup`<p>${line}</p>\n`)}${banner}<nav class="toc" aria-label="${doc.contents}"><ol>${toc}</ol></nav>
</header>
${sections}<footer>${doc.footer}</footer>
</main>
</body>
</html>
`.value;
}
