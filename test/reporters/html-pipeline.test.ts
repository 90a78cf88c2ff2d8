import { describe, expect, it } from 'vitest';
import type { JsonCohorts } from '../../src/reporters/cohorts-json.js';
import type { Chart } from '../../src/reporters/html/chart.js';
import { cohortsSections, RETENTION_SCHEME, RETENTION_STEPS } from '../../src/reporters/html/cohorts-sections.js';
import { htmlContext } from '../../src/reporters/html/context.js';
import type { Section } from '../../src/reporters/html/document.js';
import { inputSections } from '../../src/reporters/html/inputs-sections.js';
import { pipelineSections } from '../../src/reporters/html/pipeline-sections.js';
import type { JsonReport } from '../../src/reporters/json.js';
import type { JsonPipeline } from '../../src/reporters/pipeline-json.js';
import { runCli } from '../helpers/run-cli.js';

/** The charts of some sections, in order. */
function chartsOf(sections: readonly Section[]): Chart[] {
  return sections.flatMap((s) => s.blocks.flatMap((b) => ('chart' in b ? [b.chart] : [])));
}

type Row = Record<string, unknown>;

/** The inline data of a spec: of its layers in order, or its own. */
function dataOf(spec: object): Row[][] {
  const s = spec as { data?: { values: Row[] }; layer?: { data?: { values: Row[] } }[] };
  if (s.layer === undefined) return [s.data?.values ?? []];
  return s.layer.map((l) => l.data?.values ?? s.data?.values ?? []);
}

async function json<T>(argv: string[]): Promise<T> {
  const r = await runCli([...argv, '--format', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

const ctx = htmlContext({ program: 'salesmetrics test' });

/*
 * fixtures/pipeline-small.csv with its config, as of 2025-05-15, by month (stages Prospecting 0.1,
 * Proposal 0.5, Negotiation 0.8; a probability in the file wins over the stage's):
 *   open at the as-of date (created by 05-15, not closed by then):
 *     Prospecting  O1 1000 × 0.1 = 100, O6 100 × 10% = 10             → 1,100 / 110
 *     Proposal     O2 400 × 60% = 240, O4 3000 × 40% = 1200           → 3,400 / 1,440
 *     Negotiation  O3 2000 × 0.8 = 1600, O5 500 × 0.8 = 400           → 2,500 / 2,000
 *   (N1 is created after the as-of date; C1 and C2 closed after it.)
 *   forecast, 3 months from 2025-05:
 *     2025-05  won so far H5 300 (closed 05-02); O3 expected 05-01 is overdue → weighted open 0
 *     2025-06  won 0; O1 expected 06-20 → 100
 *     2025-07  won 0; O4 expected 07-31 → 1,200
 *   back-test, 4 months before May, oldest first: won in 2025-01 H1 100 + H2 200 = 300; 2025-02 none
 *   (H3 lost); 2025-03 H6 1000 + H8 150 = 1,150; 2025-04 none (H4 lost).
 *   funnel over all 17 deals: now at Proposal O2, O4, N1 (3), at Negotiation O3, O5 (2), won H1 H2 H5 H6
 *   H8 C1 (6), lost at Proposal H3 (1) → Proposal reached 3 + 2 + 6 + 1 = 12 of 17 = 70.6%;
 *   Negotiation 2 + 6 = 8 of 12 = 66.7%; won 6 of 8 = 75.0%.
 */
const SMALL = [
  'pipeline',
  'fixtures/pipeline-small.csv',
  '--config',
  'fixtures/pipeline-small.config.yaml',
  '--as-of',
  '2025-05-15',
  '--backtest',
];

describe('pipeline HTML sections', () => {
  it('draws the hand-computed stages, forecast, back-test and funnel', async () => {
    const p = await json<JsonPipeline>(SMALL);
    const sections = pipelineSections(p, ctx);
    expect(sections.map((s) => s.id)).toEqual(['stages', 'forecast', 'history', 'backtest', 'funnel']);
    const [stages, forecast, backtest, funnel] = chartsOf(sections);
    expect([stages, forecast, backtest, funnel].map((c) => c?.title)).toEqual([
      'Amount of the open deals by stage',
      'Revenue forecast by month',
      'Forecast against won, by month',
      'Deals reaching each stage',
    ]);

    // Stages in the configured order, each with its amount and weighted amount.
    expect(dataOf(stages!.spec(880))).toEqual([
      [
        { stage: 'Prospecting', series: 'open amount', value: 1100 },
        { stage: 'Prospecting', series: 'weighted amount', value: 110 },
        { stage: 'Proposal', series: 'open amount', value: 3400 },
        { stage: 'Proposal', series: 'weighted amount', value: 1440 },
        { stage: 'Negotiation', series: 'open amount', value: 2500 },
        { stage: 'Negotiation', series: 'weighted amount', value: 2000 },
      ],
    ]);
    expect(stages!.description).toBe(
      'Prospecting: amount 1,100, weighted 110; Proposal: amount 3,400, weighted 1,440; Negotiation: amount 2,500, weighted 2,000.',
    );
    const stageSpec = stages!.spec(880) as {
      encoding: { x: { scale: { domain: string[] } }; y: { axis: { title: string } } };
    };
    expect(stageSpec.encoding.x.scale.domain).toEqual(['Prospecting', 'Proposal', 'Negotiation']);
    expect(stageSpec.encoding.y.axis.title).toBe('Amount (currency units)');

    // Forecast: won so far and weighted open stacked; the history forecast is the JSON's, as a line.
    const [bars, line] = dataOf(forecast!.spec(880));
    expect(bars).toEqual([
      { period: '2025-05', series: 'won so far', value: 300 },
      { period: '2025-05', series: 'weighted open deals', value: 0 },
      { period: '2025-06', series: 'won so far', value: 0 },
      { period: '2025-06', series: 'weighted open deals', value: 100 },
      { period: '2025-07', series: 'won so far', value: 0 },
      { period: '2025-07', series: 'weighted open deals', value: 1200 },
    ]);
    expect(line).toEqual(
      p.forecast.periods.map((f) => ({ period: f.period, series: 'history forecast', value: f.historyForecast })),
    );

    // Back-test, oldest first: the revenue won is hand-computed, the forecast the JSON's.
    const bt = dataOf(backtest!.spec(880))[0] as Row[];
    expect(bt.filter((r) => r.series === 'won').map((r) => [r.period, r.value])).toEqual([
      ['2025-01', 300],
      ['2025-02', 0],
      ['2025-03', 1150],
      ['2025-04', 0],
    ]);
    expect(bt.filter((r) => r.series === 'history forecast').map((r) => r.value)).toEqual(
      [...(p.backtest?.periods ?? [])].reverse().map((b) => b.forecast),
    );

    // Funnel: deals reached, labelled with the conversion from the stage before.
    expect(dataOf(funnel!.spec(880))[0]).toEqual([
      { stage: 'Prospecting', reached: 17, label: '17' },
      { stage: 'Proposal', reached: 12, label: '12 (70.6%)' },
      { stage: 'Negotiation', reached: 8, label: '8 (66.7%)' },
      { stage: 'Won', reached: 6, label: '6 (75.0%)' },
    ]);
    expect(funnel!.description).toBe(
      'Prospecting: 17 deals; Proposal: 12 deals, 70.6% of the stage before; Negotiation: 8 deals, 66.7% of the stage before; Won: 6 deals, 75.0% of the stage before.',
    );
  });

  it('leaves out the back-test without --backtest, and the money charts without amounts', async () => {
    const p = await json<JsonPipeline>(SMALL.slice(0, -1));
    expect(pipelineSections(p, ctx).map((s) => s.id)).toEqual(['stages', 'forecast', 'history', 'funnel']);
    const noAmounts = { ...p, totals: { ...p.totals, amount: null } };
    expect(chartsOf(pipelineSections(noAmounts, ctx)).map((c) => c.title)).toEqual(['Deals reaching each stage']);
  });

  it('speaks Japanese', async () => {
    const p = await json<JsonPipeline>(SMALL);
    const ja = htmlContext({ program: 'salesmetrics test', lang: 'ja' });
    expect(chartsOf(pipelineSections(p, ja)).map((c) => c.title)).toEqual([
      'フェーズ別の進行中商談の金額',
      '月別の売上予測',
      '月別の予測と受注金額',
      '各フェーズに到達した商談数',
    ]);
  });
});

/*
 * fixtures/deals-cohorts.csv, 2025-01 .. 2025-04 by month (worked out in test/cli/cohorts.test.ts):
 *   Jan (A, B): +0 2/2 = 100%, +1 A 1/2 = 50%, +2 B 1/2 = 50%, +3 A 1/2 = 50%
 *   Feb (C):    +0 100%, +1 C 1/1 = 100%, +2 0/1 = 0%
 *   Mar (D):    +0 100%, +1 0%
 *   Apr (G):    +0 100%
 *   revenue retention: Jan +1 50/300 = 16.7%, +2 100/300 = 33.3%, +3 30/300 = 10.0%; Feb +1 200/400 = 50.0%.
 */
describe('cohorts HTML sections', () => {
  it('draws the retention heatmap and both triangles with the hand-computed shares', async () => {
    const doc = await json<JsonCohorts>([
      'cohorts',
      'fixtures/deals-cohorts.csv',
      '--from',
      '2025-01-01',
      '--to',
      '2025-04-30',
    ]);
    const sections = cohortsSections(doc, ctx);
    expect(sections.map((s) => s.id)).toEqual(['retention', 'revenue-retention']);
    const [heatmap] = chartsOf(sections);
    const spec = heatmap!.spec(880) as {
      data: { values: Row[] };
      layer: { mark: { type: string }; encoding: { color: { scale?: object } } }[];
    };
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['rect', 'text']);
    expect(spec.layer[0]?.encoding.color.scale).toEqual({
      type: 'quantize',
      domain: [0, 1],
      scheme: { name: RETENTION_SCHEME, count: RETENTION_STEPS },
    });
    expect(spec.data.values.map((v) => [v.cohort, v.offset, v.retention, v.label])).toEqual([
      ['2025-01', '+0', 1, '100%'],
      ['2025-01', '+1', 0.5, '50%'],
      ['2025-01', '+2', 0.5, '50%'],
      ['2025-01', '+3', 0.5, '50%'],
      ['2025-02', '+0', 1, '100%'],
      ['2025-02', '+1', 1, '100%'],
      ['2025-02', '+2', 0, '0%'],
      ['2025-03', '+0', 1, '100%'],
      ['2025-03', '+1', 0, '0%'],
      ['2025-04', '+0', 1, '100%'],
    ]);
    expect(heatmap!.description).toBe(
      '2025-01 (2 accounts): +0: 100.0%; +1: 50.0%; +2: 50.0%; +3: 50.0%; 2025-02 (1 account): +0: 100.0%; +1: 100.0%; +2: 0.0%; 2025-03 (1 account): +0: 100.0%; +1: 0.0%; 2025-04 (1 account): +0: 100.0%.',
    );
    const revenue = sections[1]?.blocks.find((b) => 'html' in b && b.html.value.includes('<table>'));
    const text = revenue !== undefined && 'html' in revenue ? revenue.html.value : '';
    expect(text).toContain(
      '<tr><th scope="row">2025-01</th><td class="num">300</td><td class="num">100.0%</td><td class="num">16.7%</td><td class="num">33.3%</td><td class="num">10.0%</td></tr>',
    );
    expect(text).toContain(
      '<tr><th scope="row">2025-02</th><td class="num">400</td><td class="num">100.0%</td><td class="num">50.0%</td><td class="num">0.0%</td><td class="num"></td></tr>',
    );
  });

  it('leaves the labels out of cells too narrow to hold them', async () => {
    const doc = await json<JsonCohorts>(['cohorts', 'fixtures/deals.csv']);
    // 24 months: 360 / 24 = 15 px a cell on a phone, 880 / 24 ≈ 36.7 px on a wide screen.
    const [heatmap] = chartsOf(cohortsSections(doc, ctx));
    expect((heatmap!.spec(360) as { layer: unknown[] }).layer).toHaveLength(1);
    expect((heatmap!.spec(880) as { layer: unknown[] }).layer).toHaveLength(2);
  });
});

/*
 * fixtures/funnel-*.csv (worked out in test/cli/inputs.test.ts), by month, 2025-01 .. 2025-02, --by appointer:
 *   handoffs (deals with an appointer): F1 Kato won, F2 Kato lost, F4 Kobayashi open → 3 = 1 won + 1 lost + 1 open;
 *     Kato 2 = 1 + 1 + 0, Kobayashi 1 = 0 + 0 + 1; all three closed by Sato → Kato × Sato 1/2, Kobayashi × Sato 0/1.
 *   activity hours: Jan 10 + 12.5 + 5 + 90 + 7.5 = 125 min (the e-mail has no duration) = 125/60 h;
 *     Feb 60 + 30 + 4 = 94 min = 94/60 h.
 *   CAC = sales and marketing costs / new customers: Jan (1200 + 600 + 300) / 1 (A1, F1) = 2,100;
 *     Feb (1200 + 600 + 500) / 1 (A3, F3; A1 bought before) = 2,300 (the 100 of "other" is no acquisition cost).
 */
describe('report HTML sections of the other inputs', () => {
  const FUNNEL = [
    'report',
    'fixtures/funnel-deals.csv',
    '--activities',
    'fixtures/funnel-activities.csv',
    '--costs',
    'fixtures/funnel-costs.csv',
    '--surveys',
    'fixtures/funnel-surveys.csv',
    '--by',
    'appointer',
  ];

  it('draws the handoffs, the appointer × owner matrix, activity hours and CAC by period', async () => {
    const report = await json<JsonReport>(FUNNEL);
    const sections = inputSections(report, ctx);
    expect(sections.map((s) => s.id)).toEqual(['handoffs', 'inputs']);
    const [handoffs, hours, cac] = chartsOf(sections);
    expect([handoffs, hours, cac].map((c) => c?.title)).toEqual([
      'Handoffs: won, lost and still open',
      'Activity hours by month',
      'Customer acquisition cost by month',
    ]);
    expect((dataOf(handoffs!.spec(880))[0] as Row[]).map((r) => [r.who, r.series, r.value])).toEqual([
      ['All appointers', 'won', 1],
      ['All appointers', 'lost', 1],
      ['All appointers', 'open', 1],
      ['Kato', 'won', 1],
      ['Kato', 'lost', 1],
      ['Kato', 'open', 0],
      ['Kobayashi', 'won', 0],
      ['Kobayashi', 'lost', 0],
      ['Kobayashi', 'open', 1],
    ]);
    expect(handoffs!.description).toBe(
      'All appointers: 3 handed over, 1 won, 1 lost, 1 open. Kato: 2 handed over, 1 won, 1 lost, 0 open. Kobayashi: 1 handed over, 0 won, 0 lost, 1 open.',
    );
    const [jan, feb] = dataOf(hours!.spec(880))[0] as { period: string; value: number }[];
    expect(jan?.period).toBe('2025-01');
    expect(jan?.value).toBeCloseTo(125 / 60, 10);
    expect(feb?.value).toBeCloseTo(94 / 60, 10);
    expect(dataOf(cac!.spec(880))[0]).toEqual([
      { period: '2025-01', value: 2100 },
      { period: '2025-02', value: 2300 },
    ]);
    const matrix = sections[0]?.blocks.find((b) => 'html' in b && b.html.value.includes('<caption>'));
    const text = matrix !== undefined && 'html' in matrix ? matrix.html.value : '';
    expect(text).toContain('<tr><th scope="row">Kato</th><td class="num">1/2</td><td class="num">1/2</td></tr>');
    expect(text).toContain('<tr><th scope="row">Kobayashi</th><td class="num">0/1</td><td class="num">0/1</td></tr>');
  });

  it('adds nothing for a deals file alone without appointers', async () => {
    const report = await json<JsonReport>(['report', 'fixtures/deals-small.csv']);
    expect(inputSections(report, ctx)).toEqual([]);
  });
});
