import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

/*
 * The HTML report in a real browser: Debian's chromium, driven by
 * playwright-core (which never downloads a browser of its own). `.ci/run`
 * installs it; where it is missing these tests are skipped, saying so.
 * Screenshots and PDFs land in test-artifacts/html/ (not committed).
 */
const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const ARTIFACTS = join(ROOT, 'test-artifacts', 'html');
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';

const SAMPLE = [
  'report',
  'fixtures/deals.csv',
  '--targets',
  'fixtures/targets-with-quarterly-revenue.yaml',
  '--as-of',
  '2025-12-31',
  '--by',
  'team',
  '--format',
  'html',
];
// report: revenue, win rate, cycle; the handoffs (the sample names appointers); 4 team charts + revenue
// by quarter and team; check: 1 KGI, the KPI status, one chart per KPI (4).
const SAMPLE_CHARTS = 3 + 1 + 5 + 1 + 1 + 4;

/** The few DOM types the page functions use (the tests compile without the DOM library). */
interface El {
  textContent: string | null;
  attributes: ArrayLike<{ name: string }>;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { width: number; height: number };
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}
interface Win {
  document: { documentElement: { scrollWidth: number }; querySelectorAll(selector: string): ArrayLike<El> };
  innerWidth: number;
  getComputedStyle(e: El): { breakBefore: string };
}

/** What the page did that it must not: console errors, uncaught errors, dialogs, requests. */
interface Trouble {
  console: string[];
  errors: string[];
  dialogs: string[];
  requests: string[];
}

let browser: Browser | undefined;

async function open(file: string, width: number, trouble: Trouble): Promise<Page> {
  if (browser === undefined) throw new Error('no browser');
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') trouble.console.push(m.text());
  });
  page.on('pageerror', (e) => trouble.errors.push(e.message));
  page.on('dialog', (d) => {
    trouble.dialogs.push(d.message());
    void d.dismiss();
  });
  const url = pathToFileURL(file).href;
  await page.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested === url) return route.continue();
    trouble.requests.push(requested);
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

function noTrouble(): Trouble {
  return { console: [], errors: [], dialogs: [], requests: [] };
}

/**
 * Every chart is an SVG with marks, drawn at a real size: one drawing per
 * chart shows (a full chart has a wide and a phone drawing, one hidden).
 */
async function expectChartsRendered(page: Page, count: number): Promise<void> {
  // Functions run in the page: only what they hold goes with them.
  const charts = await page.evaluate(() =>
    Array.from((globalThis as unknown as Win).document.querySelectorAll('figure.chart svg'), (svg) => {
      const box = svg.getBoundingClientRect();
      return {
        role: svg.getAttribute('role'),
        width: box.width,
        height: box.height,
        marks: svg.querySelectorAll('path, rect, line, text').length,
        title: svg.querySelector('title')?.textContent ?? '',
      };
    }).filter((c) => c.width > 0),
  );
  expect(charts).toHaveLength(count);
  for (const c of charts) {
    expect(c.role).toBe('img');
    expect(c.title).not.toBe('');
    expect(c.width).toBeGreaterThan(200);
    expect(c.height).toBeGreaterThan(50);
    expect(c.marks).toBeGreaterThan(5);
  }
}

/** The page fits the screen's width: only tables scroll sideways, inside their frames. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scroll, inner } = await page.evaluate(() => {
    const w = globalThis as unknown as Win;
    return { scroll: w.document.documentElement.scrollWidth, inner: w.innerWidth };
  });
  expect(scroll).toBeLessThanOrEqual(inner);
}

async function write(name: string, argv: string[]): Promise<string> {
  const r = await runCli(argv);
  expect(r.code).not.toBe(2);
  const file = join(ARTIFACTS, name);
  writeFileSync(file, r.stdout);
  return file;
}

describe.skipIf(!HAVE_CHROMIUM)(
  HAVE_CHROMIUM
    ? 'the HTML report in headless Chromium'
    : `the HTML report in headless Chromium — SKIPPED: ${CHROMIUM} is not installed (apt-get install chromium)`,
  () => {
    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      browser = await chromium.launch({ executablePath: CHROMIUM });
    }, 120_000);
    afterAll(async () => {
      await browser?.close();
    });

    it.each([
      ['en', []],
      ['ja', ['--lang', 'ja']],
    ] as const)(
      'report with targets (%s): every chart drawn, no error, no request; on a desktop, a phone and A4 paper',
      async (lang, extra) => {
        const file = await write(`report-${lang}.html`, [...SAMPLE, ...extra]);
        const trouble = noTrouble();

        const desktop = await open(file, 1000, trouble);
        await expectChartsRendered(desktop, SAMPLE_CHARTS);
        await expectNoSidewaysScroll(desktop);
        await desktop.screenshot({ path: join(ARTIFACTS, `report-${lang}-desktop.png`), fullPage: true });
        await desktop.close();

        const phone = await open(file, 390, trouble);
        await expectChartsRendered(phone, SAMPLE_CHARTS);
        await expectNoSidewaysScroll(phone);
        await phone.screenshot({ path: join(ARTIFACTS, `report-${lang}-phone.png`), fullPage: true });
        await phone.close();

        // A4 is 210 mm wide: 794 px at 96 px per inch.
        const print = await open(file, 794, trouble);
        await print.emulateMedia({ media: 'print' });
        await expectChartsRendered(print, SAMPLE_CHARTS);
        const breaks = await print.evaluate(() => {
          const w = globalThis as unknown as Win;
          return Array.from(w.document.querySelectorAll('section'), (x) => w.getComputedStyle(x).breakBefore);
        });
        // Totals and revenue share the first page; the trends and the table by quarter the second;
        // the handoffs, the teams, the KGIs and the KPIs each start a page.
        expect(breaks).toEqual(['auto', 'auto', 'page', 'auto', 'page', 'page', 'page', 'page']);
        await print.screenshot({ path: join(ARTIFACTS, `report-${lang}-print.png`), fullPage: true });
        await print.pdf({ path: join(ARTIFACTS, `report-${lang}.pdf`), format: 'A4', printBackground: true });
        await print.close();

        expect(trouble).toEqual(noTrouble());
      },
      180_000,
    );

    it('check (ja): every chart drawn, no error, no request', async () => {
      const file = await write('check-ja.html', [
        'check',
        'fixtures/deals.csv',
        '--targets',
        'fixtures/targets.yaml',
        '--as-of',
        '2025-12-31',
        '--format',
        'html',
        '--lang',
        'ja',
      ]);
      const trouble = noTrouble();
      const page = await open(file, 1000, trouble);
      // 1 KGI, the KPI status, 3 KPIs
      await expectChartsRendered(page, 5);
      await page.screenshot({ path: join(ARTIFACTS, 'check-ja-desktop.png'), fullPage: true });
      await page.close();
      expect(trouble).toEqual(noTrouble());
    }, 120_000);

    it(`shows ${SCRIPT} and ${IMG} as text and runs nothing, with or without the content security policy`, async () => {
      const argv = [
        'report',
        'fixtures/deals-injected-names.csv',
        '--by',
        'team',
        '--targets',
        'fixtures/targets-injected-names.yaml',
        '--as-of',
        '2025-02-28',
        '--format',
        'html',
      ];
      const withPolicy = await write('injected-names.html', argv);
      // Without the policy, escaping alone must keep the names inert.
      const r = await runCli(argv);
      const withoutPolicy = join(ARTIFACTS, 'injected-names-no-csp.html');
      const stripped = r.stdout.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n/, '');
      expect(stripped).not.toContain('Content-Security-Policy');
      writeFileSync(withoutPolicy, stripped);

      for (const file of [withPolicy, withoutPolicy]) {
        const trouble = noTrouble();
        const page = await open(file, 1000, trouble);
        await expectChartsRendered(page, 12);
        const found = await page.evaluate(() => {
          const w = globalThis as unknown as Win;
          const all = (selector: string): El[] => Array.from(w.document.querySelectorAll(selector));
          return {
            scripts: all('script').length,
            images: all('img').length,
            handlers: all('*').flatMap((e) =>
              Array.from(e.attributes, (a) => a.name).filter((name) => name.startsWith('on')),
            ),
            rowHeads: all('tbody th').map((th) => th.textContent),
            svgText: all('svg text').map((t) => t.textContent),
          };
        });
        expect(found.scripts).toBe(0);
        expect(found.images).toBe(0);
        expect(found.handlers).toEqual([]);
        // The names are there, as text.
        expect(found.rowHeads).toContain(SCRIPT);
        expect(found.rowHeads).toContain(IMG);
        expect(found.svgText).toContain(SCRIPT);
        expect(found.svgText).toContain(IMG);
        await page.screenshot({ path: file.replace(/\.html$/, '.png'), fullPage: true });
        await page.close();
        expect(trouble).toEqual(noTrouble());
      }
    }, 120_000);

    /** Opens a page on a desktop and a phone: every chart drawn, no sideways scroll, screenshots saved. */
    async function expectDrawn(name: string, argv: string[], count: number): Promise<void> {
      const file = await write(`${name}.html`, argv);
      const trouble = noTrouble();
      for (const [device, width] of [
        ['desktop', 1000],
        ['phone', 390],
      ] as const) {
        const page = await open(file, width, trouble);
        await expectChartsRendered(page, count);
        await expectNoSidewaysScroll(page);
        await page.screenshot({ path: join(ARTIFACTS, `${name}-${device}.png`), fullPage: true });
        await page.close();
      }
      expect(trouble).toEqual(noTrouble());
    }

    it.each([
      ['en', []],
      ['ja', ['--lang', 'ja']],
    ] as const)(
      'pipeline of the sample data (%s): stages, forecast, back-test and funnel drawn, no error, no request',
      async (lang, extra) => {
        const argv = [
          'pipeline',
          'fixtures/deals.csv',
          '--as-of',
          '2026-03-31',
          '--period',
          'quarter',
          '--fiscal-year-start',
          '4',
          '--backtest',
          '--format',
          'html',
          ...extra,
        ];
        await expectDrawn(`pipeline-${lang}`, argv, 4);
      },
      120_000,
    );

    it.each([
      ['month', []],
      ['quarter', ['--period', 'quarter', '--fiscal-year-start', '4']],
    ] as const)(
      'cohorts of the sample data (by %s): the retention heatmap drawn, no error, no request',
      async (period, extra) => {
        await expectDrawn(`cohorts-${period}`, ['cohorts', 'fixtures/deals.csv', ...extra, '--format', 'html'], 1);
      },
      120_000,
    );

    it('report of all four inputs: every chart drawn, no error, no request', async () => {
      const argv = [
        'report',
        'fixtures/deals.csv',
        '--activities',
        'fixtures/activities.csv',
        '--costs',
        'fixtures/costs.csv',
        '--surveys',
        'fixtures/surveys.csv',
        '--format',
        'html',
      ];
      // Revenue, win rate, sales cycle; the handoffs (the deals name appointers); activity hours and CAC by month.
      await expectDrawn('report-inputs', argv, 6);
    }, 120_000);
  },
);
