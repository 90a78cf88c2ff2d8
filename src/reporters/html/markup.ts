import { escapeHtml } from './escape.js';

/** Markup: text that is already HTML. Anything else put into markup is escaped. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be put into markup: text (escaped), markup (as is), lists of either; null, undefined and false are nothing. */
export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function render(v: HtmlValue): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map((x: HtmlValue) => render(x)).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v));
}

/**
 * A tagged template for markup: every interpolated value is escaped unless
 * it is itself markup, so text from the input can never become markup.
 * (Named `markup`, not `html`, so that formatters leave the whitespace of
 * the output alone.)
 *
 *     markup`<td>${dealName}</td>`   // <td>&lt;script&gt;…</td>
 */
export function markup(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/** Markup taken as it is: only for markup made here (an SVG rendered by Vega, the style sheet). */
export function trusted(markup: string): Html {
  return new Html(markup);
}
