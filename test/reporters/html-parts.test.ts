import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/reporters/html/escape.js';
import { markup, trusted } from '../../src/reporters/html/markup.js';
import { estimateTextWidth, labelSvg, renderSvg } from '../../src/reporters/html/svg.js';
import { CHART_CONFIG } from '../../src/reporters/html/chart.js';

describe('escapeHtml', () => {
  it('turns the five markup characters into references', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });
  it('leaves the injected names inert', () => {
    expect(escapeHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escapeHtml('"><img src=x onerror=alert(1)>')).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });
  it('drops what HTML cannot hold, keeps tabs, new lines, CJK and emoji', () => {
    expect(escapeHtml('a\u0000b\u0007c\u007Fd\te\nf')).toBe('abcd\te\nf');
    expect(escapeHtml('x\uD800y\uDC00z')).toBe('xyz'); // lone surrogates
    expect(escapeHtml('売上 😀')).toBe('売上 😀'); // a surrogate pair stays
  });
});

describe('markup`…`', () => {
  it('escapes every interpolated value but markup made with markup``', () => {
    const name = '<script>alert(1)</script>';
    const cell = markup`<td>${name}</td>`;
    const row = markup`<tr>${cell}${[markup`<td>${'a&b'}</td>`, 'c<']}${null}${undefined}${false}${0}</tr>`;
    expect(row.value).toBe('<tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>a&amp;b</td>c&lt;0</tr>');
  });
  it('escapes attribute values', () => {
    const v = '"><img src=x onerror=alert(1)>';
    expect(markup`<p title="${v}"></p>`.value).toBe('<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"></p>');
  });
  it('keeps trusted markup as it is', () => {
    expect(markup`<div>${trusted('<b>x</b>')}</div>`.value).toBe('<div><b>x</b></div>');
  });
});

describe('labelSvg', () => {
  it('makes the SVG an image named by its title and described by its description, escaped', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect/></svg>';
    expect(labelSvg(svg, 'chart-3', 'Revenue <by> team', 'A "quoted" & <b>bold</b> text')).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" role="img" aria-labelledby="chart-3-title" aria-describedby="chart-3-desc">' +
        '<title id="chart-3-title">Revenue &lt;by&gt; team</title>' +
        '<desc id="chart-3-desc">A &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt; text</desc><rect/></svg>',
    );
  });
  it('refuses anything but an SVG element', () => {
    expect(() => labelSvg('<div></div>', 'x', 't', 'd')).toThrow(/not an SVG/);
  });
});

describe('estimateTextWidth', () => {
  it('gives narrow characters 0.62 em and wide (CJK) characters 1 em', () => {
    // "Revenue": 7 × 0.62 × 10 px = 43.4; "売上高": 3 × 1 × 12 px = 36; "Q1 売上": (3 × 0.62 + 2) × 10 = 38.6
    expect(estimateTextWidth({ fontSize: 10 }, 'Revenue')).toBeCloseTo(43.4, 10);
    expect(estimateTextWidth({ fontSize: 12 }, '売上高')).toBe(36);
    expect(estimateTextWidth({ fontSize: 10 }, 'Q1 売上')).toBeCloseTo(38.6, 10);
  });
  it("uses Vega's default size of 11 px, trims, and stops at the label's limit", () => {
    expect(estimateTextWidth({}, '  ab  ')).toBeCloseTo(2 * 0.62 * 11, 10);
    expect(estimateTextWidth({ fontSize: 10, limit: 20 }, 'a long label')).toBe(20);
    expect(estimateTextWidth({ fontSize: 10 }, null)).toBe(0);
  });
});

describe('renderSvg', () => {
  it('renders a Vega-Lite spec to SVG in Node, with the text escaped', async () => {
    const warnings: string[] = [];
    const svg = await renderSvg(
      {
        config: CHART_CONFIG,
        width: 200,
        height: 100,
        data: {
          values: [
            { k: '<script>alert(1)</script>', v: 1 },
            { k: '"><img src=x onerror=alert(1)>', v: 2 },
          ],
        },
        mark: 'bar',
        encoding: { x: { field: 'k', type: 'nominal' }, y: { field: 'v', type: 'quantitative' } },
      },
      (w) => warnings.push(w),
    );
    expect(warnings).toEqual([]);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
  });
  it('passes the compiler’s warnings on', async () => {
    const warnings: string[] = [];
    await renderSvg(
      {
        data: { values: [{ v: 1 }] },
        mark: 'bar',
        encoding: { x: { field: 'v', type: 'quantitative' }, shape: { field: 'v', type: 'nominal' } },
      },
      (w) => warnings.push(w),
    );
    expect(warnings.join('\n')).toMatch(/shape/);
  });
});
