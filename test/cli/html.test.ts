import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { attr, byTag, elements, parseHtml, textOf, type Element } from '../helpers/html-dom.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const SMALL = 'fixtures/deals-small.csv';
const INJECTED = 'fixtures/deals-injected-names.csv';
const INJECTED_TARGETS = 'fixtures/targets-injected-names.yaml';
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

interface ChartSeen {
  title: string;
  desc: string;
  svg: Element;
  /** The drawing for phones, next to the wide one, for full-width charts. */
  phone: { title: string; desc: string; svg: Element } | null;
}

/** The charts of a document: the SVG images with their text alternatives, one per chart. */
function charts(doc: Element | ReturnType<typeof parseHtml>['document']): ChartSeen[] {
  const all = elements(doc);
  const byId = new Map(all.flatMap((e) => (attr(e, 'id') === undefined ? [] : [[attr(e, 'id') as string, e]])));
  const seen = (svg: Element): { title: string; desc: string; svg: Element } => ({
    svg,
    title: textOf(byId.get(attr(svg, 'aria-labelledby') ?? '') as Element),
    desc: textOf(byId.get(attr(svg, 'aria-describedby') ?? '') as Element),
  });
  return byTag(doc, 'figure').map((figure) => {
    const svgs = byTag(figure, 'svg').filter((svg) => attr(svg, 'role') === 'img');
    const [main, phone] = svgs;
    return { ...seen(main as Element), phone: phone === undefined ? null : seen(phone) };
  });
}

/**
 * What makes a page self-contained and inert: valid HTML, no script, no
 * event handler, nothing fetched (no src, no external href, no url()), a
 * content security policy that forbids both anyway, and every chart an
 * image with a text alternative.
 */
function expectSelfContained(text: string): ReturnType<typeof parseHtml>['document'] {
  const { document, errors } = parseHtml(text);
  expect(errors).toEqual([]);
  const all = elements(document);
  expect(
    all.filter((e) => ['script', 'img', 'iframe', 'object', 'embed', 'link', 'image', 'use'].includes(e.tagName)),
  ).toEqual([]);
  for (const e of all) {
    for (const a of e.attrs) {
      expect(a.name.startsWith('on'), `${e.tagName} ${a.name}`).toBe(false);
      if (a.name === 'href' || a.name === 'xlink:href') expect(a.value.startsWith('#'), a.value).toBe(true);
      expect(a.name).not.toBe('src');
    }
  }
  expect(text).not.toMatch(/url\(/);
  const csp = all.find((e) => e.tagName === 'meta' && attr(e, 'http-equiv') === 'Content-Security-Policy');
  expect(attr(csp as Element, 'content')).toBe("default-src 'none'; style-src 'unsafe-inline'");
  const ids = all.flatMap((e) => attr(e, 'id') ?? []);
  expect(new Set(ids).size).toBe(ids.length);
  for (const c of charts(document)) {
    expect(c.title).not.toBe('');
    expect(c.desc).not.toBe('');
    // A phone drawing says the same.
    if (c.phone !== null) expect([c.phone.title, c.phone.desc]).toEqual([c.title, c.desc]);
  }
  return document;
}

describe('report --format html', () => {
  it('writes one self-contained page to standard output, with the hand-computed figures (see report.test.ts)', async () => {
    const r = await runCli(['report', SMALL, '--by', 'team', '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    const doc = expectSelfContained(r.stdout);
    expect(textOf(byTag(doc, 'h1')[0] as Element)).toBe('Sales report 2025-01-01 – 2025-02-28');
    // rows read = used + rejected, always shown
    expect(byTag(doc, 'p').map(textOf)).toContain('fixtures/deals-small.csv: 8 rows, 8 used, 0 rejected');
    expect(byTag(doc, 'h2').map(textOf)).toEqual([
      'Totals',
      'Revenue',
      'Win rate and sales cycle',
      'By month',
      'By team',
    ]);

    const cards = elements(doc)
      .filter((e) => e.tagName === 'li' && byTag(e, 'span').length === 2)
      .map((li) => byTag(li, 'span').map(textOf));
    expect(cards).toEqual([
      ['Revenue', '4,000.75'],
      ['Deals won', '4'],
      ['Deals lost', '2'],
      ['Open deals', '2'],
      ['Pipeline value', '4,000'],
      ['Win rate', '66.7%'], // 4 / 6
      ['Average deal size', '1,000.19'], // 4000.75 / 4 = 1000.1875
      ['Sales cycle, mean (days)', '16'], // (15 + 26 + 7) / 3
      ['Sales cycle, median (days)', '15'],
      ['New customers', '3'],
      ['Customer retention', '—'],
    ]);

    // Eight charts, each with its values in its text alternative.
    expect(charts(doc).map((c) => [c.title, c.desc])).toEqual([
      ['Revenue by month', 'Revenue by period. 2025-01: 1,000.50; 2025-02: 3,000.25.'],
      ['Win rate by month', 'Win rate by period. 2025-01: 50.0%; 2025-02: 75.0%.'],
      [
        'Sales cycle of won deals by month',
        // January: D1 alone (15 days); February: D3 26 and D7 7 days → mean and median 16.5
        'Sales cycle, mean by period. 2025-01: 15; 2025-02: 16.5. Sales cycle, median by period. 2025-01: 15; 2025-02: 16.5.',
      ],
      ['Revenue by team', 'Revenue by team. East: 2,000.75; West: 2,000.'],
      ['Win rate by team', 'Win rate by team. East: 100.0%; West: 33.3%.'],
      ['Average deal size by team', 'Average deal size by team. East: 666.92; West: 2,000.'],
      ['Sales cycle, median by team', 'Sales cycle, median by team. East: 11; West: 26.'],
      [
        'Revenue by month and team',
        'Revenue (East) by period. 2025-01: 1,000.50; 2025-02: 1,000.25. Revenue (West) by period. 2025-01: 0; 2025-02: 2,000.',
      ],
    ]);
    // Full-width charts have a second drawing for phones; half-width ones fit a phone as they are.
    expect(charts(doc).map((c) => c.phone !== null)).toEqual([true, true, true, false, false, false, false, true]);
    // Axes name their units; the file names no currency.
    const svgText = (i: number): string[] => byTag(charts(doc)[i]?.svg as Element, 'text').map(textOf);
    expect(svgText(0)).toContain('Revenue (currency units)');
    expect(svgText(1)).toContain('Win rate (%)');
    expect(svgText(2)).toContain('Sales cycle (days)');
    expect(svgText(1)).toContain('100%');

    // The tables hold every value: February's row by month.
    const feb = elements(doc).find((e) => e.tagName === 'tr' && textOf(e).startsWith('2025-02')) as Element;
    expect(byTag(feb, 'td').map(textOf)).toEqual([
      '3,000.25',
      '3',
      '1',
      '2',
      '4,000',
      '75.0%',
      '1,000.08',
      '16.5',
      '16.5',
      '2',
      '100.0%',
    ]);
  });

  it('breaks the win-rate line at a month without closed deals and keeps the month on the axis', async () => {
    const r = await runCli(['report', SMALL, '--from', '2024-12-01', '--to', '2025-02-28', '--format', 'html']);
    expect(r.code).toBe(0);
    const doc = expectSelfContained(r.stdout);
    const winRate = charts(doc)[1];
    expect(winRate?.desc).toBe('Win rate by period. 2024-12: no value; 2025-01: 50.0%; 2025-02: 75.0%.');
    expect(byTag(winRate?.svg as Element, 'text').map(textOf)).toContain('2024-12');
  });

  it('speaks Japanese with --lang ja', async () => {
    const r = await runCli(['report', SMALL, '--format', 'html', '--lang', 'ja']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>\n<html lang="ja">')).toBe(true);
    const doc = expectSelfContained(r.stdout);
    expect(textOf(byTag(doc, 'h1')[0] as Element)).toBe('営業レポート 2025-01-01 〜 2025-02-28');
    expect(byTag(doc, 'h2').map(textOf)).toEqual(['合計', '売上高', '受注率とセールスサイクル', '月別']);
    const c = charts(doc);
    expect(c.map((x) => x.title)).toEqual(['月別の売上高', '月別の受注率', '月別のセールスサイクル（受注した商談）']);
    expect(c[0]?.desc).toBe('期間別の売上高。2025-01: 1,000.50、2025-02: 3,000.25。');
    expect(byTag(c[0]?.svg as Element, 'text').map(textOf)).toContain('売上高（通貨単位）');
  });

  it('shows JPY amounts with the yen sign in Japanese and names the currency on the axis', async () => {
    const r = await runCli([
      'report',
      'fixtures/deals.csv',
      '--period',
      'year',
      '--fiscal-year-start',
      '4',
      '--format',
      'html',
      '--lang',
      'ja',
    ]);
    expect(r.code).toBe(0);
    const doc = expectSelfContained(r.stdout);
    expect(byTag(charts(doc)[0]?.svg as Element, 'text').map(textOf)).toContain('売上高（JPY）');
    expect(r.stdout).toContain('￥');
  });
});

describe('input is shown as text, never run', () => {
  it(`escapes ${SCRIPT} and ${IMG} as team, owner, deal and account names and as a KGI name`, async () => {
    const r = await runCli([
      'report',
      INJECTED,
      '--by',
      'team',
      '--targets',
      INJECTED_TARGETS,
      '--as-of',
      '2025-02-28',
      '--format',
      'html',
    ]);
    expect(r.code).toBe(1); // the West team's win rate fails its KPI
    const raw = r.stdout;
    expect(raw).not.toContain(SCRIPT);
    expect(raw).not.toContain('<img');
    expect(raw).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(raw).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    const doc = expectSelfContained(raw);
    // The names read as the text they are: in the table of teams, …
    const rowHeads = byTag(doc, 'th').map(textOf);
    expect(rowHeads).toContain(SCRIPT);
    expect(rowHeads).toContain(IMG);
    // … on the charts' axes, …
    const svgTexts = charts(doc).flatMap((c) => byTag(c.svg, 'text').map(textOf));
    expect(svgTexts).toContain(SCRIPT);
    expect(svgTexts).toContain(IMG);
    // … in the text alternatives (teams sort by code point: `"` before `<`) …
    expect(charts(doc).find((c) => c.title === 'Win rate by team')?.desc).toBe(
      `Win rate by team. ${IMG}: 100.0%; ${SCRIPT}: 33.3%. Target lines: KPI win-rate: fail below 50.0%.`,
    );
    // … and as the KGI's name.
    expect(charts(doc).map((c) => c.title)).toContain(`KGI q1-revenue: ${SCRIPT} ${IMG}`);
  });

  it('escapes a file name too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesmetrics-html-'));
    const name = `${IMG}.csv`;
    copyFileSync(join(ROOT, SMALL), join(dir, name));
    const r = await runCli(['report', name, '--format', 'html'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('<img');
    const doc = expectSelfContained(r.stdout);
    expect(byTag(doc, 'p').map(textOf)).toContain(`${name}: 8 rows, 8 used, 0 rejected`);
  });
});

describe('check --format html', () => {
  /*
   * fixtures/deals-injected-names.csv is fixtures/deals-small.csv with other names; as of 2025-02-28:
   *   KGI q1-revenue (5,000 over 2025-01-01 – 2025-03-31, 90 days): actual 1000.50 + 2000 + 300.25 + 700 = 4,000.75,
   *     elapsed 59/90 = 65.6%, pace 5000 × 59/90 = 3,277.78, projection 4000.75 × 90/59 = 6,102.84 → on track;
   *     plan: remaining 999.25 → ⌈999.25 / 1000.1875⌉ = 1 deal to win → ⌈1 × 6/4⌉ = 2 to close, over 1 month (March).
   *   KPI win-rate ≥ 50% by team: East 3/3 = 100% pass, West 1/3 = 33.3% fail.
   *   KPI cycle ≤ 20 each month: January 15 pass, February 16.5 pass.
   */
  it('shows the banner, the KGI with its plan and chart, and every KPI cell; exit 1 on a failure', async () => {
    const r = await runCli([
      'check',
      INJECTED,
      '--targets',
      INJECTED_TARGETS,
      '--as-of',
      '2025-02-28',
      '--format',
      'html',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const doc = expectSelfContained(r.stdout);
    expect(textOf(byTag(doc, 'h1')[0] as Element)).toBe('Targets as of 2025-02-28');
    const banner = elements(doc).find((e) => attr(e, 'role') === 'status') as Element;
    expect(attr(banner, 'class')).toBe('banner fail');
    expect(textOf(banner)).toBe('✖ FAIL · 3 pass, 0 warn, 1 fail, 0 no data  (KPI window 2025-01-01 – 2025-02-28)');
    expect(byTag(doc, 'h2').map(textOf)).toEqual(['KGIs: the goals', 'KPIs: the leading indicators']);
    const kgi = elements(doc).find((e) => attr(e, 'class') === 'kgi') as Element;
    expect(byTag(kgi, 'p').map(textOf)).toEqual([
      `✔ on track q1-revenue ${SCRIPT} ${IMG}: revenue 4,000.75 of 5,000 (80.0%), elapsed 65.6%, pace 3,277.78, projection 6,102.84 (2025-01-01 – 2025-03-31)`,
      'plan: remaining 999.25 → 1 deals to win at avg 1,000.19 → 2 deals to close at win rate 66.7% → per month over 1: 1 to win, 2 to close',
    ]);
    const c = charts(doc);
    expect(c.map((x) => x.title)).toEqual([
      `KGI q1-revenue: ${SCRIPT} ${IMG}`,
      'KPI status: checked cells by result',
      'KPI win-rate: Win rate',
      'KPI cycle: Sales cycle, median',
    ]);
    // The burn-up chart labels its points with the check's figures.
    const kgiTexts = byTag(c[0]?.svg as Element, 'text').map(textOf);
    expect(kgiTexts).toContain('actual as of 2025-02-28: 4,000.75');
    expect(kgiTexts).toContain('pace target today: 3,277.78');
    expect(kgiTexts).toContain('projection 6,102.84');
    expect(kgiTexts).toContain('target 5,000');
    expect(c[3]?.desc).toBe(
      'Each checked cell with its result: 2025-01: 15 (pass); 2025-02: 16.5 (pass). Target lines: KPI cycle: fail above 20.',
    );
    // One table row per KPI cell, with a symbol and a word for its result.
    const rows = elements(doc)
      .filter((e) => e.tagName === 'tr' && byTag(e, 'td').length === 5)
      .map((tr) => [
        textOf(byTag(tr, 'td')[0] as Element),
        ...byTag(tr, 'th').map(textOf),
        ...byTag(tr, 'td').slice(1).map(textOf),
      ]);
    expect(rows).toEqual([
      ['✔ pass', 'win-rate', `team=${IMG}`, 'win_rate', '100.0%', '≥ 50.0%'],
      ['✖ fail', 'win-rate', `team=${SCRIPT}`, 'win_rate', '33.3%', '≥ 50.0%'],
      ['✔ pass', 'cycle', '2025-01', 'sales_cycle_days_median', '15', '≤ 20'],
      ['✔ pass', 'cycle', '2025-02', 'sales_cycle_days_median', '16.5', '≤ 20'],
    ]);
  });

  it('puts the check after the report with report --targets, and target lines on the charts they bound', async () => {
    const r = await runCli([
      'report',
      INJECTED,
      '--by',
      'team',
      '--targets',
      INJECTED_TARGETS,
      '--as-of',
      '2025-02-28',
      '--format',
      'html',
    ]);
    const doc = expectSelfContained(r.stdout);
    expect(byTag(doc, 'h2').map(textOf)).toEqual([
      'Totals',
      'Revenue',
      'Win rate and sales cycle',
      'By month',
      'By team',
      'KGIs: the goals',
      'KPIs: the leading indicators',
    ]);
    const c = charts(doc);
    // The cycle KPI is checked each month: its bound is a line on the chart by month.
    expect(c.find((x) => x.title === 'Sales cycle of won deals by month')?.desc).toMatch(
      /Target lines: KPI cycle: fail above 20 \(median\)\.$/,
    );
    // The win-rate KPI is checked over the whole window, which is the report's here: a line on the teams' chart.
    expect(c.find((x) => x.title === 'Win rate by team')?.desc).toMatch(
      /Target lines: KPI win-rate: fail below 50\.0%\.$/,
    );
    expect(c.find((x) => x.title === 'Win rate by month')?.desc).not.toMatch(/Target lines/);
  });
});

describe('other shapes of results', () => {
  it('draws a KGI on a rate as its value against the target', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesmetrics-kgi-'));
    writeFileSync(
      join(dir, 'targets.yaml'),
      'version: 1\nkgis:\n  - id: win-more\n    metric: win_rate\n    target: 0.7\n    start: 2025-01-01\n    deadline: 2025-02-28\n',
    );
    const r = await runCli(
      ['check', join(ROOT, SMALL), '--targets', 'targets.yaml', '--as-of', '2025-02-28', '--format', 'html'],
      {
        cwd: dir,
      },
    );
    // 4 won of 6 closed = 66.7% < 70% at the deadline: missed. 0.6667 / 0.7 = 95.2%; a rate's pace is its target.
    expect(r.code).toBe(1);
    const doc = expectSelfContained(r.stdout);
    const [kgi] = charts(doc);
    expect(kgi?.title).toBe('KGI win-more');
    expect(kgi?.desc).toBe('66.7% of 70.0% (95.2%), elapsed 100.0%, pace 70.0% — missed.');
    expect(byTag(kgi?.svg as Element, 'text').map(textOf)).toEqual(
      expect.arrayContaining(['Win rate (%)', 'target 70.0%', '100%']),
    );
  });

  it('never puts amounts of several currencies on one axis', async () => {
    /*
     * fixtures/crm-mixed-currencies.csv: JPY C2 won (04-05 → 04-28, 23 days);
     * USD C1 won (04-02 → 04-20, 18 days), C3 lost, C4 won (05-01 → 05-15, 14 days).
     * Win rate JPY 1/1, USD 2/3; median cycle JPY 23, USD (14 + 18) / 2 = 16.
     */
    const r = await runCli(['report', 'fixtures/crm-mixed-currencies.csv', '--format', 'html', '--lang', 'ja']);
    expect(r.code).toBe(0);
    const doc = expectSelfContained(r.stdout);
    expect(
      byTag(doc, 'p')
        .filter((p) => attr(p, 'class') === 'note')
        .map(textOf),
    ).toEqual([
      '商談の通貨が複数あります。金額の指標は通貨別（通貨別のグループ）にだけ示し、通貨をまたいで合計しません。',
      '商談の通貨が複数あります。金額の指標は通貨別（通貨別のグループ）にだけ示し、通貨をまたいで合計しません。',
    ]);
    expect(charts(doc).map((c) => c.desc)).toEqual([
      '期間別の受注率。2025-04: 100.0%、2025-05: 50.0%。',
      '期間別のセールスサイクル平均。2025-04: 20.5、2025-05: 14。期間別のセールスサイクル中央値。2025-04: 20.5、2025-05: 14。',
      '通貨別の受注率。JPY: 100.0%、USD: 66.7%。',
      '通貨別のセールスサイクル中央値。JPY: 23、USD: 16。',
    ]);
    // Each currency's row shows its own amounts: yen with the yen sign.
    const row = (key: string): string[] =>
      byTag(
        elements(doc).find((e) => e.tagName === 'tr' && textOf(byTag(e, 'th')[0] as Element) === key) as Element,
        'td',
      ).map(textOf);
    expect(row('JPY')[0]).toBe('￥1,200,000');
    expect(row('USD')[0]).toBe('1,244.50');
  });
});

describe('many groups', () => {
  it('draws revenue by period for the seven groups with the most revenue, and says so', async () => {
    // The oracle: revenue by owner summed straight from the CSV (won deals, in whole yen).
    const rows = parse(readFileSync(join(ROOT, 'fixtures/deals.csv')), { columns: true }) as Record<string, string>[];
    const byOwner = new Map<string, number>();
    for (const r of rows)
      if (r.stage === 'Closed Won') byOwner.set(r.owner ?? '', (byOwner.get(r.owner ?? '') ?? 0) + Number(r.amount));
    expect(byOwner.size).toBe(8);
    const top7 = [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 7);

    const r = await runCli(['report', 'fixtures/deals.csv', '--by', 'owner', '--period', 'year', '--format', 'html']);
    expect(r.code).toBe(0);
    const doc = expectSelfContained(r.stdout);
    expect(
      byTag(doc, 'p')
        .filter((p) => attr(p, 'class') === 'note')
        .map(textOf),
    ).toEqual(['8 groups: the chart by period shows the 7 with the most revenue; the table below has them all.']);
    const chart = charts(doc).find((c) => c.title === 'Revenue by year and owner');
    const named = [...(chart?.desc ?? '').matchAll(/Revenue \(([^)]+)\) by period/g)].map((m) => m[1]);
    expect(named).toEqual(top7.map(([owner]) => owner));
  });
});

describe('-o FILE', () => {
  const tmp = (): string => mkdtempSync(join(tmpdir(), 'salesmetrics-out-'));

  it('writes the file, says so on standard error, and leaves standard output empty', async () => {
    const dir = tmp();
    const r = await runCli(['report', join(ROOT, SMALL), '--format', 'html', '-o', 'report.html'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('salesmetrics: wrote report.html\n');
    const stdout = await runCli(['report', join(ROOT, SMALL), '--format', 'html'], { cwd: dir });
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(stdout.stdout);
  });

  it('works for every format; a table in a file has no colours, even from a terminal', async () => {
    const dir = tmp();
    for (const [format, file] of [
      ['json', 'r.json'],
      ['csv', 'r.csv'],
      ['table', 'r.txt'],
    ] as const) {
      const r = await runCli(['report', join(ROOT, SMALL), '--format', format, '--output', file], {
        cwd: dir,
        isTTY: true,
      });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      const plain = await runCli(['report', join(ROOT, SMALL), '--format', format], { cwd: dir });
      expect(readFileSync(join(dir, file), 'utf8')).toBe(plain.stdout);
    }
    const check = await runCli(
      [
        'check',
        join(ROOT, INJECTED),
        '--targets',
        join(ROOT, INJECTED_TARGETS),
        '--as-of',
        '2025-02-28',
        '--format',
        'junit',
        '-o',
        'c.xml',
      ],
      { cwd: dir },
    );
    expect(check.code).toBe(1); // the exit code is the check's, wherever the output goes
    expect(readFileSync(join(dir, 'c.xml'), 'utf8')).toContain('<testsuites');
  });

  it('- is standard output', async () => {
    const r = await runCli(['report', SMALL, '--format', 'csv', '-o', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('by,group,period,')).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('fails before reading anything when the directory does not exist or the path is a directory (exit 2)', async () => {
    const dir = tmp();
    const missing = await runCli(['report', join(ROOT, SMALL), '--format', 'html', '-o', 'no/such/report.html'], {
      cwd: dir,
    });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(
      'salesmetrics: -o no/such/report.html: no such directory no/such; create it or choose another path\n',
    );
    const isDir = await runCli(['report', join(ROOT, SMALL), '-o', '.'], { cwd: dir });
    expect(isDir.code).toBe(2);
    expect(isDir.stderr).toBe('salesmetrics: -o .: is a directory; name a file\n');
    const ja = await runCli(['check', join(ROOT, SMALL), '--targets', 'x.yaml', '-o', 'no/x.html', '--lang', 'ja'], {
      cwd: dir,
    });
    expect(ja.code).toBe(2);
    expect(ja.stderr).toBe(
      'salesmetrics: -o no/x.html: ディレクトリ no がありません。作成するか、別のパスを指定してください\n',
    );
    // Under --format json the error is JSON on standard output.
    const json = await runCli(['report', join(ROOT, SMALL), '--format', 'json', '-o', 'no/r.json'], { cwd: dir });
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      schemaVersion: 1,
      error: {
        kind: 'usage',
        code: 'output_unwritable',
        message: '-o no/r.json: no such directory no; create it or choose another path',
      },
    });
  });

  it('writes nothing when the input has invalid rows', async () => {
    const dir = tmp();
    const r = await runCli(
      ['report', join(ROOT, 'fixtures/deals-invalid-rows.csv'), '--format', 'html', '-o', 'r.html'],
      {
        cwd: dir,
      },
    );
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'r.html'))).toBe(false);
  });
});

describe('help', () => {
  it('lists html and -o for report, check, pipeline and cohorts', async () => {
    for (const [command, formats] of [
      ['report', '"table", "json", "csv", "html"'],
      ['check', '"table", "json", "markdown", "junit", "html"'],
      ['pipeline', '"table", "json", "html"'],
      ['cohorts', '"table", "json", "html"'],
    ] as const) {
      const r = await runCli([command, '--help']);
      expect(r.code).toBe(0);
      // Commander wraps the descriptions: compare them with the line breaks as spaces.
      const help = r.stdout.replace(/\s+/g, ' ');
      expect(help).toContain(
        `--format <format> output format (html: one self-contained page with charts; use with -o) (choices: ${formats}, default: "table")`,
      );
      expect(help).toContain(
        '-o, --output <file> write the output to this file instead of standard output (- for standard output)',
      );
    }
    for (const command of ['report', 'pipeline', 'cohorts']) {
      const ja = await runCli([command, '--help', '--lang', 'ja']);
      const help = ja.stdout.replace(/\s+/g, '');
      expect(help).toContain('標準出力の代わりにこのファイルに書き出す（-なら標準出力）');
      expect(help).toContain('出力形式（html:グラフ付きの1ファイルで完結するページ。-oと併用）');
    }
  });
});

describe('pipeline and cohorts --format html', () => {
  /* The figures are worked out by hand in test/reporters/html-pipeline.test.ts. */
  it('writes the pipeline as one self-contained page: stages, forecast, history, back-test and funnel', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesmetrics-pipeline-'));
    const argv = [
      'pipeline',
      join(ROOT, 'fixtures/pipeline-small.csv'),
      '--config',
      join(ROOT, 'fixtures/pipeline-small.config.yaml'),
      '--as-of',
      '2025-05-15',
      '--backtest',
      '--format',
      'html',
    ];
    const r = await runCli([...argv, '-o', 'pipeline.html'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(
      r.stderr
        .split('\n')
        .filter((l) => l !== '')
        .at(-1),
    ).toBe('salesmetrics: wrote pipeline.html');
    const text = readFileSync(join(dir, 'pipeline.html'), 'utf8');
    expect((await runCli(argv, { cwd: dir })).stdout).toBe(text);
    const doc = expectSelfContained(text);
    expect(textOf(byTag(doc, 'h1')[0] as Element)).toBe('Pipeline as of 2025-05-15');
    expect(byTag(doc, 'h2').map(textOf)).toEqual([
      'Open deals by stage',
      'Forecast by period',
      'Forecast from history, by segment',
      'Back-test of the history forecast: the last 4 months',
      'Stage funnel (all deals)',
    ]);
    // Every chart has its phone drawing.
    expect(charts(doc).map((c) => [c.title, c.phone !== null])).toEqual([
      ['Amount of the open deals by stage', true],
      ['Revenue forecast by month', true],
      ['Forecast against won, by month', true],
      ['Deals reaching each stage', true],
    ]);
    // The funnel's bars carry the conversions as labels.
    const funnel = byTag(charts(doc)[3]?.svg as Element, 'text').map(textOf);
    expect(funnel).toEqual(expect.arrayContaining(['17', '12 (70.6%)', '8 (66.7%)', '6 (75.0%)']));
    // The stage table: Proposal 2 open, 3,400, effective probability 1,440 / 3,400 = 42.4%, age (25 + 0) / 2 = 12.5 days
    // (O2 created 04-20, O4 on 05-15). Total: 3,550 / 7,000 = 50.7%; ages O1 10, O2 25, O4 0, O3 90, O5 130
    // (O6 has no created date) → 255 / 5 = 51; stale O3 (expected 05-01, overdue) + O5 (130 > 90 days) = 2,500.
    const rows = elements(doc)
      .filter((e) => e.tagName === 'tr')
      .map((tr) => [...byTag(tr, 'th'), ...byTag(tr, 'td')].map(textOf));
    expect(rows).toContainEqual(['Proposal', '2', '3,400', '42.4%', '1,440', '12.5', '0', '0']);
    expect(rows).toContainEqual(['Total', '6', '7,000', '50.7%', '3,550', '51', '2', '2,500']);
  });

  it('writes the cohorts as one self-contained page: the heatmap and both triangles', async () => {
    const r = await runCli([
      'cohorts',
      'fixtures/deals-cohorts.csv',
      '--from',
      '2025-01-01',
      '--to',
      '2025-04-30',
      '--format',
      'html',
      '--lang',
      'ja',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = expectSelfContained(r.stdout);
    expect(textOf(byTag(doc, 'h1')[0] as Element)).toBe('コホート 2025-01-01 〜 2025-04-30');
    expect(byTag(doc, 'h2').map(textOf)).toEqual(['顧客維持率', '売上維持率']);
    const [heatmap] = charts(doc);
    expect(heatmap?.title).toBe('コホート別の顧客維持率');
    // Jan: A and B bought at +0, one of the two in each later month (see test/cli/cohorts.test.ts).
    expect(byTag(heatmap?.svg as Element, 'text').map(textOf)).toEqual(expect.arrayContaining(['100%', '50%', '0%']));
    const rows = elements(doc)
      .filter((e) => e.tagName === 'tr')
      .map((tr) => [...byTag(tr, 'th'), ...byTag(tr, 'td')].map(textOf));
    expect(rows).toContainEqual(['2025-01', '2', '100.0%', '50.0%', '50.0%', '50.0%']);
    expect(rows).toContainEqual(['2025-01', '￥300', '100.0%', '16.7%', '33.3%', '10.0%']);
  });

  it(`escapes ${SCRIPT} and ${IMG} as stage names and owners in the pipeline, and keeps the cohorts of those deals inert`, async () => {
    const r = await runCli([
      'pipeline',
      'fixtures/deals-injected-stage-names.csv',
      '--as-of',
      '2025-02-28',
      '--segment-by',
      'owner',
      '--format',
      'html',
    ]);
    expect(r.code).toBe(0);
    const raw = r.stdout;
    expect(raw).not.toContain(SCRIPT);
    expect(raw).not.toContain('<img');
    const doc = expectSelfContained(raw);
    const rowHeads = byTag(doc, 'th').map(textOf);
    // Stages (in the stage and funnel tables) and owners (in the history table) as text.
    expect(rowHeads.filter((t) => t === SCRIPT).length).toBeGreaterThanOrEqual(3);
    expect(rowHeads.filter((t) => t === IMG).length).toBeGreaterThanOrEqual(3);
    // The funnel's axis names the stages in full on a wide screen.
    const funnelTexts = byTag(charts(doc)[2]?.svg as Element, 'text').map(textOf);
    expect(funnelTexts).toContain(SCRIPT);
    expect(funnelTexts).toContain(IMG);
    expect(charts(doc)[0]?.desc).toBe(`${SCRIPT}: amount 1,000, weighted 200; ${IMG}: amount 2,000, weighted 1,200.`);
    for (const file of ['fixtures/deals-injected-stage-names.csv', INJECTED]) {
      const c = await runCli(['cohorts', file, '--format', 'html']);
      expect(c.code).toBe(0);
      expect(c.stdout).not.toContain(SCRIPT);
      expect(c.stdout).not.toContain('<img');
      expectSelfContained(c.stdout);
    }
  });
});
