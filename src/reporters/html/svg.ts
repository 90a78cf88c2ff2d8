import type * as vegaModule from 'vega';
import type * as vegaLiteModule from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml } from './escape.js';

type VegaLite = typeof vegaLiteModule;
type Vega = typeof vegaModule;

// East Asian wide and full-width characters take a whole em.
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

/**
 * The width of a text mark, px, estimated without a canvas: 1 em for a
 * wide (CJK) character, 0.62 em for any other. Vega's own estimate (0.8 em
 * for every character) makes Japanese labels overlap; a canvas would mean a
 * native dependency. A label cut to its `limit` is at most that wide.
 */
export function estimateTextWidth(item: { fontSize?: number | string; limit?: number }, text: unknown): number {
  const size = item.fontSize == null ? 11 : Number(item.fontSize) || 0;
  const s = text == null ? '' : String(text).trim();
  let ems = 0;
  for (const ch of s) ems += WIDE.test(ch) ? 1 : 0.62;
  const width = ems * size;
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}

let libraries: Promise<{ vl: VegaLite; vega: Vega }> | undefined;

// Vega and Vega-Lite load on the first chart only: table, CSV and JSON runs never pay for them.
function load(): Promise<{ vl: VegaLite; vega: Vega }> {
  libraries ??= Promise.all([import('vega-lite'), import('vega')]).then(([vl, vega]) => {
    // Vega's documented hook for measuring text without a canvas (as vl-convert does).
    (vega as unknown as { textMetrics: { width: typeof estimateTextWidth } }).textMetrics.width = estimateTextWidth;
    return { vl, vega };
  });
  return libraries;
}

/** Where the warnings of Vega-Lite and Vega go. @default dropped */
export type WarningSink = (message: string) => void;

/**
 * Compiles a Vega-Lite spec and renders it to SVG in Node (no canvas, no
 * DOM, no network: the data is inline). Text in the SVG is escaped by Vega.
 */
export async function renderSvg(spec: TopLevelSpec, onWarning: WarningSink = () => undefined): Promise<string> {
  const { vl, vega } = await load();
  const warn = (...args: readonly unknown[]): void => {
    const message = args.map(String).join(' ');
    // A colour and a shape on the same field share one legend: wanted, not a problem.
    if (!message.startsWith('Unioning discrete legend values')) onWarning(message);
  };
  const logger = {
    level(): number {
      return vega.Warn;
    },
    error(...args: readonly unknown[]): never {
      throw new Error(args.map(String).join(' '));
    },
    warn,
    info: () => undefined,
    debug: () => undefined,
  };
  const compiled = vl.compile(spec, { logger: logger as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Warn });
  view.logger(logger as never);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Makes an SVG an image with a text alternative: `role="img"`, a `<title>`
 * and a `<desc>` that `aria-labelledby` and `aria-describedby` point to.
 * `id` must be unique in the document; `title` and `description` are plain
 * text (escaped here).
 */
export function labelSvg(svg: string, id: string, title: string, description: string): string {
  const end = svg.indexOf('>');
  if (!svg.startsWith('<svg') || end < 0) throw new Error('labelSvg: not an SVG element');
  const open = svg.slice(0, end);
  return (
    `${open} role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc">` +
    `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>` +
    svg.slice(end + 1)
  );
}
