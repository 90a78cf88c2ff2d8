import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

/*
 * fixtures/pipeline-small.csv with fixtures/pipeline-small.config.yaml, as of 2025-05-15, by quarter
 * (calendar years), horizon 2: 2025-Q2 (04-01..06-30) and 2025-Q3 (07-01..09-30). The probability column
 * has values above 1 (100, 60, 40): percentages.
 *
 * Stages (config, sorted by `order`): Prospecting 0.1, Proposal 0.5, Negotiation 0.8; Closed Won and
 * Closed Lost are won/lost names and are not steps.
 *
 * id  status stage        amount created     closed      expected    prob cat        lost_stage  seg
 * H1  won    Closed Won      100 2025-01-01  2025-01-11              100  Closed                  smb  cycle 10
 * H2  won    Closed Won      200 2025-01-01  2025-01-31              100  Closed                  smb  cycle 30
 * H3  lost   Closed Lost      50 2025-02-01  2025-02-21              0    Omitted    Proposal     smb  cycle 20
 * H4  lost   Closed Lost      80 2025-03-01  2025-04-10              0    Omitted    Prospecting  smb  31 + 9 = 40
 * H5  won    Closed Won      300 2025-02-01  2025-05-02              100  Closed                  smb  28+31+30+1 = 90
 * H6  won    Closed Won     1000 2025-01-01  2025-03-02              100  Closed                  ent  31+28+1 = 60
 * H7  lost   Closed Lost     500 2025-01-01  2025-05-01              0    Omitted    —            ent  31+28+31+30 = 120
 * H8  won    Closed Won      150 2025-03-05  2025-03-25              100  Closed                  smb  cycle 20
 * O1  open   Prospecting    1000 2025-05-05              2025-06-20  —    Pipeline                smb  age 10
 * O2  open   Proposal        400 2025-04-20              2025-08-31  60   Best Case               smb  age 10 + 15 = 25
 * O3  open   Negotiation    2000 2025-02-14              2025-05-01  —    Commit                  ent  age 14+31+30+15 = 90
 * O4  open   proposal       3000 2025-05-15              2025-07-31  40   Commit                  ent  age 0
 * O5  open   Negotiation     500 2025-01-05              —           —    Likely                  smb  age 26+28+31+30+15 = 130
 * O6  open   Prospecting     100 —                       2025-10-15  10   Omitted                 smb  no age
 * C1  won    Closed Won      700 2025-05-01  2025-06-10              100  Closed                  ent  open on 05-15 (age 14)
 * C2  lost   Closed Lost      60 2025-05-10  2025-05-20              0    Omitted    Prospecting  smb  open on 05-15 (age 5)
 * N1  open   Proposal        900 2025-05-20              2025-06-30  50   Commit                  smb  created after 05-15
 */
const SMALL = ['pipeline', 'fixtures/pipeline-small.csv', '--config', 'fixtures/pipeline-small.config.yaml'];
const AS_OF = ['--as-of', '2025-05-15'];

const STAGES = [
  // O1 1000 × default 0.1 = 100 (age 10); O6 100 × 10% = 10 (no created date: no age). Neither stale.
  {
    stage: 'Prospecting',
    order: 1,
    defaultProbability: 0.1,
    deals: 2,
    amount: 1100,
    weighted: 110,
    avgAgeDays: 10,
    stale: { deals: 0, amount: 0 },
  },
  // O2 400 × 60% = 240 (age 25); O4 ("proposal") 3000 × 40% = 1200 (age 0). Ages (25 + 0) / 2.
  {
    stage: 'Proposal',
    order: 2,
    defaultProbability: 0.5,
    deals: 2,
    amount: 3400,
    weighted: 1440,
    avgAgeDays: 12.5,
    stale: { deals: 0, amount: 0 },
  },
  // O3 2000 × 0.8 = 1600, age 90 (not over 90) but expected 05-01 is past: stale;
  // O5 500 × 0.8 = 400, age 130 > 90: stale. Ages (90 + 130) / 2 = 110.
  {
    stage: 'Negotiation',
    order: 3,
    defaultProbability: 0.8,
    deals: 2,
    amount: 2500,
    weighted: 2000,
    avgAgeDays: 110,
    stale: { deals: 2, amount: 2500 },
  },
];
// Ages 10 + 25 + 0 + 90 + 130 = 255 over 5 deals = 51.
const TOTALS = { deals: 6, amount: 7000, weighted: 3550, avgAgeDays: 51, stale: { deals: 2, amount: 2500 } };

/*
 * History as of 05-15 (closed by then, with a created date):
 *   smb: closed cycles 10, 20 (H3), 20 (H8), 30, 40, 90; won 10, 20, 30, 90.
 *   ent: closed 60, 120; won 60.
 * Open on 05-15: O1..O6 and C1, C2 (open then, closed since). P(win | age a) = won(> a) / closed(> a):
 *   O1 smb age 10: closed > 10: 20, 20, 30, 40, 90 = 5; won > 10: 20, 30, 90 = 3 → 1000 × 3/5 = 600;
 *      closing 05-05 + 20 = 05-25 (Q2) 200, + 30 = 06-04 (Q2) 200, + 90 = 08-03 (Q3) 200.
 *   O2 smb age 25: closed > 25: 30, 40, 90 = 3; won 30, 90 → 400 × 2/3 = 266.67;
 *      04-20 + 30 = 05-20 (Q2) 133.33…, + 90 = 07-19 (Q3) 133.33….
 *   O5 smb age 130: none closed longer, in smb or at all (longest 120) → not forecast.
 *   O6: no created date → not forecast.
 *   C2 smb age 5: closed > 5: 6; won 4 → 60 × 4/6 = 40; 05-20, 05-30, 06-09 (Q2) 10 each, 08-08 (Q3) 10.
 *   O3 ent age 90: closed > 90: 120 → 1; won none → 0.
 *   O4 ent age 0: closed 2, won 1 (60) → 3000 / 2 = 1500 on 05-15 + 60 = 07-14 (Q3).
 *   C1 ent age 14: 700 / 2 = 350 on 05-01 + 60 = 06-30 (Q2).
 * Q2 (from 05-16): 400 + 133.33… + 30 + 350 = 913.33…; Q3: 200 + 133.33… + 10 + 1500 = 1843.33…;
 * in all 2756.66… → 2756.67 (each figure rounded once from the exact sum).
 */
const FORECAST = {
  periods: [
    {
      period: '2025-Q2',
      from: '2025-04-01',
      to: '2025-06-30',
      wonSoFar: 300, // H5 on 05-02 (H4 lost)
      open: { deals: 1, amount: 1000, weighted: 100 }, // O1, expected 06-20
      forecast: 400,
      expected: 913.33,
      historyForecast: 1213.33,
      categories: {
        commit: 0,
        mostLikely: 0,
        bestCase: 0,
        pipeline: 1000,
        omitted: 0,
        uncategorized: 0,
        rollup: { closed: 300, commit: 300, mostLikely: 300, bestCase: 300, openPipeline: 1000 },
      },
    },
    {
      period: '2025-Q3',
      from: '2025-07-01',
      to: '2025-09-30',
      wonSoFar: 0,
      open: { deals: 2, amount: 3400, weighted: 1440 }, // O4 07-31, O2 08-31
      forecast: 1440,
      expected: 1843.33,
      historyForecast: 1843.33,
      categories: {
        commit: 3000, // O4
        mostLikely: 0,
        bestCase: 400, // O2
        pipeline: 0,
        omitted: 0,
        uncategorized: 0,
        rollup: { closed: 0, commit: 3000, mostLikely: 3000, bestCase: 3400, openPipeline: 3400 },
      },
    },
  ],
  overdue: { deals: 1, amount: 2000, weighted: 1600 }, // O3, expected 05-01
  later: { deals: 1, amount: 100, weighted: 10 }, // O6, expected 10-15
  undated: { deals: 1, amount: 500, weighted: 400 }, // O5
};

const HISTORY = {
  segmentBy: 'segment',
  openDeals: 8,
  amount: 7760, // 7000 + C1 700 + C2 60
  expected: 2756.67,
  winProbability: 2756.67 / 7160, // over the deals forecast: 7760 − O5 500 − O6 100
  later: 0,
  unforecastable: { deals: 2, amount: 600 },
  segments: [
    {
      segment: 'ent',
      closedDeals: 2,
      wonDeals: 1,
      openDeals: 3,
      amount: 5700, // O3 2000 + O4 3000 + C1 700
      unforecastable: { deals: 0, amount: 0 },
      expected: 1850, // 0 + 1500 + 350
      winProbability: 1850 / 5700,
      fallbackDeals: 0,
    },
    {
      segment: 'smb',
      closedDeals: 6,
      wonDeals: 4,
      openDeals: 5,
      amount: 2060, // O1 1000 + O2 400 + O5 500 + O6 100 + C2 60
      unforecastable: { deals: 2, amount: 600 },
      expected: 906.67, // 600 + 266.66… + 40
      winProbability: 906.67 / 1460,
      fallbackDeals: 0,
    },
  ],
};

/*
 * Funnel, all 17 deals. Open: Prospecting O1, O6; Proposal O2, O4, N1; Negotiation O3, O5.
 * Lost at Prospecting: H4, C2 (lost_stage); H7 has no lost stage → counted there too: 3.
 * Lost at Proposal: H3. Won: H1, H2, H5, H6, H8, C1 = 6.
 *   Negotiation = 6 + 2 + 0 = 8; Proposal = 8 + 3 + 1 = 12; Prospecting = 12 + 2 + 3 = 17.
 */
const FUNNEL = {
  from: null,
  to: null,
  deals: 17,
  stages: [
    { stage: 'Prospecting', reached: 17, conversion: null, cumulative: 1, open: 2, lost: 3 },
    { stage: 'Proposal', reached: 12, conversion: 12 / 17, cumulative: 12 / 17, open: 3, lost: 1 },
    { stage: 'Negotiation', reached: 8, conversion: 8 / 12, cumulative: 8 / 17, open: 2, lost: 0 },
  ],
  won: { reached: 6, conversion: 6 / 8, cumulative: 6 / 17 },
  lostWithoutStage: 1,
  unknownLostStages: { names: [], deals: 0 },
  openOutside: { names: [], deals: 0 },
};

/*
 * fixtures/pipeline-small-targets.yaml: revenue 10000 over 2025-01-01..09-30 (273 days).
 * As of 05-15 (135 days): revenue H1 100 + H2 200 + H6 1000 + H8 150 + H5 300 = 1750;
 * run rate 1750 × 273 / 135 = 3538.888… → 3538.89.
 * Weighted open deals expected 05-15..09-30: O1 100 + O4 1200 + O2 240 = 1540 → 3290 (32.9%).
 * History forecast 05-16..09-30: Q2 + Q3 = 2756.67 → 4506.67 (45.0667%).
 * The deals_won KGI is not a revenue KGI: left out.
 */
const KGIS = [
  {
    id: 'revenue-jan-sep',
    name: 'Revenue Jan–Sep 2025',
    target: 10000,
    start: '2025-01-01',
    deadline: '2025-09-30',
    actual: 1750,
    projection: 3538.89,
    weighted: { forecast: 1540, projection: 3290, achievement: 0.329 },
    history: { forecast: 2756.67, projection: 4506.67, achievement: 0.450667 },
  },
];

const NOTES = [
  { code: 'closed_since', won: 1, lost: 1 },
  { code: 'unknown_forecast_categories', names: ['Likely'] },
  { code: 'unforecastable', deals: 2 },
  { code: 'lost_without_stage', deals: 1 },
];

describe('salesmetrics pipeline --format json', () => {
  it('gives the hand-computed pipeline, forecasts, funnel and KGI projections', async () => {
    const r = await runCli([
      ...SMALL,
      ...AS_OF,
      '--period',
      'quarter',
      '--horizon',
      '2',
      '--targets',
      'fixtures/pipeline-small-targets.yaml',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json).toEqual({
      schemaVersion: 1,
      asOf: '2025-05-15',
      granularity: 'quarter',
      fiscalYearStart: 1,
      horizon: 2,
      staleDays: 90,
      inputs: {
        deals: {
          path: 'fixtures/pipeline-small.csv',
          rows: 17,
          used: 17,
          rejected: 0,
          encoding: 'utf8',
          preset: null,
          skipped: { title: 0, footer: 0 },
        },
      },
      currencies: [],
      probabilityScale: 'percent',
      stageOrder: 'config',
      stages: STAGES,
      totals: TOTALS,
      closedSince: { won: { deals: 1, amount: 700 }, lost: { deals: 1, amount: 60 } },
      forecast: FORECAST,
      history: HISTORY,
      backtest: null,
      funnel: FUNNEL,
      kgis: KGIS,
      notes: NOTES,
    });
    // Keys in a stable order, for scripts and diffs.
    expect(Object.keys(json)).toEqual([
      'schemaVersion',
      'asOf',
      'granularity',
      'fiscalYearStart',
      'horizon',
      'staleDays',
      'inputs',
      'currencies',
      'probabilityScale',
      'stageOrder',
      'stages',
      'totals',
      'closedSince',
      'forecast',
      'history',
      'backtest',
      'funnel',
      'kgis',
      'notes',
    ]);
  });

  it('tells on stderr what it could not do', async () => {
    const r = await runCli([...SMALL, ...AS_OF, '--period', 'quarter', '--format', 'json']);
    const file = 'fixtures/pipeline-small.csv';
    expect(r.stderr.split('\n')).toEqual([
      `salesmetrics: ${file}: 2 deals open at the as-of date closed later (1 won, 1 lost): their stage at the as-of date is not in the export, so the stage table and the weighted forecast leave them out (the history forecast counts them)`,
      `salesmetrics: ${file}: unknown forecast categories "Likely": counted as uncategorized; use Commit, Most Likely, Best Case, Pipeline or Omitted`,
      `salesmetrics: ${file}: 2 open deals without a created date, or older than every closed deal: the history forecast leaves them out`,
      `salesmetrics: ${file}: 1 lost deal without a lost stage (add a lost_stage column): the funnel counts them at the first stage only`,
      '',
    ]);
  });

  it('back-tests the history forecast as of the end of earlier periods', async () => {
    /*
     * Months, as of 05-15: the last whole months are April and March, forecast as of 03-31 and 02-28.
     *
     * As of 03-31. History: smb H1 won 10, H2 won 30, H3 lost 20, H8 won 20; ent H6 won 60 (5 closed).
     * Open: H4 smb (created 03-01, age 30), H5 smb (02-01, age 58), H7 ent (01-01, age 89),
     * O3 ent (02-14, age 45), O5 smb (01-05, age 85), O6 (no date) = 6.
     *   H4: smb has no cycle > 30 → all: > 30 only 60 (won) → 80 × 1/1 on 03-01 + 60 = 04-30 (April): 80.
     *   H5: all, > 58: 60 → 300 on 02-01 + 60 = 04-02: 300.   O3: ent > 45: 60 → 2000 on 04-15: 2000.
     *   H7 (89), O5 (85): nothing closed longer; O6 no age.  April forecast 80 + 300 + 2000 = 2380.
     *   Won in April: nothing (H4 was lost) → error undefined.
     * As of 02-28. History: smb H1 10 won, H2 30 won, H3 20 lost (3 closed); ent none.
     * Open: H5 (age 27), H6 ent (age 58), H7 ent (58), O3 ent (14), O5 (53), O6 = 6.
     *   H5: smb > 27: 30 → 300 on 02-01 + 30 = 03-03: 300.
     *   O3: ent has no history → all: > 14: 20, 30 (2); won 30 → 2000 / 2 on 02-14 + 30 = 03-16: 1000.
     *   H6, H7 (58), O5 (53): nothing closed longer.  March forecast 1300.
     *   Won in March: H6 1000 (open on 02-28) + H8 150 (created 03-05) = 1150; from the pipeline 1000.
     *   Error |1300 − 1150| / 1150 = 0.1304…; against the pipeline |1300 − 1000| / 1000 = 0.3.
     */
    const r = await runCli([
      ...SMALL,
      ...AS_OF,
      '--horizon',
      '2',
      '--backtest',
      '--backtest-periods',
      '2',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { backtest: unknown }).backtest).toEqual({
      periods: [
        {
          asOf: '2025-03-31',
          period: '2025-04',
          from: '2025-04-01',
          to: '2025-04-30',
          closedDeals: 5,
          openDeals: 6,
          forecast: 2380,
          won: 0,
          wonFromPipeline: 0,
          ape: null,
          apePipeline: null,
        },
        {
          asOf: '2025-02-28',
          period: '2025-03',
          from: '2025-03-01',
          to: '2025-03-31',
          closedDeals: 3,
          openDeals: 6,
          forecast: 1300,
          won: 1150,
          wonFromPipeline: 1000,
          ape: 150 / 1150,
          apePipeline: 0.3,
        },
      ],
      mape: 150 / 1150,
      mapePipeline: 0.3,
    });
  });

  it('reads probabilities written 0–1 as fractions, and Close Date as the expected close date', async () => {
    // No expected_close_date column: an open deal's close_date is when it is expected to close.
    // 0.2 and 0.75 (nothing above 1): fractions. 1000 × 0.2 + 2000 × 0.75 = 200 + 1500 = 1700.
    const csv =
      'deal_id,stage,amount,created_date,close_date,probability\n' +
      'D1,Demo,1000,2025-05-01,2025-06-15,0.2\n' +
      'D2,Contract,2000,2025-05-02,2025-07-20,0.75\n';
    const r = await runCli(['pipeline', '-', '--as-of', '2025-05-31', '--format', 'json'], { stdin: csv });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      probabilityScale: string;
      totals: { weighted: number };
      forecast: { periods: { period: string; open: unknown }[] };
    };
    expect(json.probabilityScale).toBe('fraction');
    expect(json.totals.weighted).toBe(1700);
    // Months: May (as of 05-31), June, July.
    expect(json.forecast.periods.map((p) => [p.period, p.open])).toEqual([
      ['2025-05', { deals: 0, amount: 0, weighted: 0 }],
      ['2025-06', { deals: 1, amount: 1000, weighted: 200 }],
      ['2025-07', { deals: 1, amount: 2000, weighted: 1500 }],
    ]);
  });

  it('reads a Salesforce export: Probability (%), Forecast Category and Close Date of open deals', async () => {
    /*
     * As of 2025-06-30, quarters. Open then and still open: "Proposal/Price Quote" 600,000 at 50%,
     * closing 7/31; "Negotiation/Review" 1,100,000 at 50%, closing 8/29; both in the Pipeline category.
     * Won in Q2 (04-01..06-30): 1,200,000 + 450,000 + 2,350,000 + 975,000 = 4,975,000.
     * Q3: open 1,700,000, weighted 300,000 + 550,000 = 850,000; Pipeline 1,700,000.
     */
    const r = await runCli([
      'pipeline',
      'fixtures/crm-salesforce-with-footer.csv',
      '--date-format',
      'M/D/YYYY',
      '--as-of',
      '2025-06-30',
      '--period',
      'quarter',
      '--horizon',
      '2',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      inputs: { deals: { preset: string } };
      totals: unknown;
      forecast: { periods: { period: string; wonSoFar: number; open: unknown; categories: unknown }[] };
    };
    expect(json.inputs.deals.preset).toBe('salesforce');
    expect(json.forecast.periods[0]).toMatchObject({
      period: '2025-Q2',
      wonSoFar: 4975000,
      open: { deals: 0, amount: 0, weighted: 0 },
      categories: { rollup: { closed: 4975000, commit: 4975000, bestCase: 4975000, openPipeline: 0 } },
    });
    expect(json.forecast.periods[1]).toMatchObject({
      period: '2025-Q3',
      wonSoFar: 0,
      open: { deals: 2, amount: 1700000, weighted: 850000 },
      categories: { pipeline: 1700000, rollup: { closed: 0, commit: 0, bestCase: 0, openPipeline: 1700000 } },
    });
  });

  it('takes the pipeline as of today when --as-of is not given', async () => {
    let stdout = '';
    const code = await run({
      argv: [...SMALL, '--format', 'json', '--horizon', '1'],
      env: {},
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
      stdin: Readable.from([]),
      cwd: ROOT,
      now: () => new Date(2025, 4, 15, 23, 30), // 2025-05-15, late evening where the user is
    });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { asOf: string }).asOf).toBe('2025-05-15');
  });
});

describe('salesmetrics pipeline (table)', () => {
  it('prints the stage table, the forecast with category rollups, the history, the funnel and the KGIs', async () => {
    const r = await runCli([
      ...SMALL,
      ...AS_OF,
      '--period',
      'quarter',
      '--horizon',
      '2',
      '--targets',
      'fixtures/pipeline-small-targets.yaml',
    ]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'Pipeline as of 2025-05-15  (quarter)',
      'fixtures/pipeline-small.csv: 17 rows, 17 used, 0 rejected',
    ]);
    // Prob. = weighted / amount: 1440 / 3400 = 42.4%.
    expect(lines).toContain('│ Proposal    │    2 │  3,400 │ 42.4% │    1,440 │        12.5 │     0 │            0 │');
    expect(lines).toContain('│ Total       │    6 │  7,000 │ 50.7% │    3,550 │          51 │     2 │        2,500 │');
    expect(lines).toContain(
      '│ 2025-Q2 │        300 │    1 │       1,000 │      100 │      400 │       913.33 │     1,213.33 │    300 │       300 │    1,000 │',
    );
    expect(lines).toContain(
      '│ overdue │          — │    1 │       2,000 │    1,600 │          │              │              │        │           │          │',
    );
    expect(lines).toContain('│ smb   │      6 │   4 │    5 │  2,060 │        2 │   906.67 │  62.1% │');
    expect(lines).toContain('│ Proposal    │      12 │         70.6% │      70.6% │        3 │         1 │');
    expect(lines).toContain(
      'revenue-jan-sep Revenue Jan–Sep 2025: revenue 1,750 of 10,000 by 2025-09-30; run rate → 3,538.89; + weighted pipeline 1,540 → 3,290 (32.9%); + history forecast 2,756.67 → 4,506.67 (45.1%)',
    );
    expect(r.stdout).not.toContain('\u001b['); // no colour when not a terminal
  });

  it('speaks Japanese with --lang ja, with yen amounts for a JPY file', async () => {
    const r = await runCli([
      'pipeline',
      'fixtures/deals.csv',
      '--as-of',
      '2026-03-31',
      '--lang',
      'ja',
      '--horizon',
      '1',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('パイプライン（2026-03-31 時点）（月次）');
    expect(r.stdout).toContain('フェーズ別の進行中商談');
    expect(r.stdout).toContain('月別の売上予測');
    expect(r.stdout).toContain('フェーズファネル（全商談）');
    expect(r.stdout).toMatch(/│ 合計 +│ +40 │ ￥107,110,000 │/);
    expect(r.stderr).toContain(
      '進行中商談の確度からフェーズの順序を決めました: Prospecting → Qualification → Proposal → Negotiation',
    );
  });

  it('documents itself in --help', async () => {
    const r = await runCli(['pipeline', '--help']);
    expect(r.code).toBe(0);
    for (const option of [
      '--as-of <date>',
      '--horizon <periods>',
      '--stale-days <days>',
      '--segment-by <column>',
      '--backtest',
      '--backtest-periods <periods>',
      '--targets <file>',
      '--format <format>',
    ])
      expect(r.stdout).toContain(option);
    expect(r.stdout).toContain('Stages and their default probabilities come from stages: in salesmetrics.config.yaml.');
    const top = await runCli(['--help']);
    expect(top.stdout).toMatch(/pipeline \[options\] <file> +open deals by stage/);
    const ja = await runCli(['pipeline', '--help', '--lang', 'ja']);
    expect(ja.stdout).toContain('フェーズの順序と既定の確度は salesmetrics.config.yaml の stages: で指定します。');
    expect(ja.stdout).toContain('予測する期間の数');
  });

  it('colours only on a terminal', async () => {
    const args = [...SMALL, ...AS_OF, '--horizon', '1'];
    expect((await runCli(args, { isTTY: true })).stdout).toContain('\u001b[');
    expect((await runCli([...args, '--no-color'], { isTTY: true })).stdout).not.toContain('\u001b[');
  });
});

describe('salesmetrics pipeline errors (exit 2)', () => {
  it('refuses to add up several currencies, as JSON too', async () => {
    const csv = 'deal_id,stage,amount,currency\nD1,Demo,10,JPY\nD2,Demo,20,USD\n';
    const r = await runCli(['pipeline', '-', '--as-of', '2025-05-31', '--format', 'json'], { stdin: csv });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      schemaVersion: 1,
      error: {
        kind: 'input',
        code: 'mixed_currencies',
        message:
          '<stdin> has amounts in several currencies (JPY, USD): the pipeline adds amounts up; pass --rates FILE --currency CODE to convert them',
        file: '<stdin>',
      },
    });
    const ja = await runCli(['pipeline', '-', '--as-of', '2025-05-31', '--lang', 'ja'], { stdin: csv });
    expect(ja.stderr).toBe(
      'salesmetrics: <stdin> には複数の通貨（JPY、USD）の金額があります。パイプラインは金額を合計するので、--rates FILE --currency CODE で換算してください\n',
    );
  });

  it('rejects a row whose probability is not one, naming file, line, column and value', async () => {
    const csv = 'deal_id,stage,amount,probability\nD1,Demo,10,50\nD2,Demo,20,high\n';
    const r = await runCli(['pipeline', '-', '--as-of', '2025-05-31'], { stdin: csv });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      '<stdin>:3: column probability: "high" is not a probability; write a number from 0 to 100 (or 0 to 1), like 75 or 0.75\n' +
        'salesmetrics: <stdin>: 1 invalid row; fix them, or pass --skip-invalid to leave them out\n',
    );
  });

  it('checks --horizon, --stale-days and --backtest-periods', async () => {
    const r = await runCli(['pipeline', 'fixtures/deals.csv', '--horizon', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "salesmetrics: option '--horizon <periods>' argument '0' is invalid. \"0\" is not a whole number from 1 to 120.; see salesmetrics --help\n",
    );
    expect((await runCli(['pipeline', 'fixtures/deals.csv', '--stale-days', '-3'])).code).toBe(2);
    expect((await runCli(['pipeline', 'fixtures/deals.csv', '--backtest-periods', 'four'])).code).toBe(2);
  });

  it('checks the stages of the config file, naming line, column and path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesmetrics-stages-'));
    const config = join(dir, 'salesmetrics.config.yaml');
    writeFileSync(
      config,
      'version: 1\nstages:\n  - { name: Demo, probability: 75 }\n  - { name: demo }\n  - { name: Contract, order: 1 }\n  - { name: Legal, order: 1 }\n',
    );
    const r = await runCli(['pipeline', 'fixtures/deals.csv', '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`salesmetrics: ${config}:3:32: stages[0].probability: expected a number ≤ 1, got 75\n`);
    writeFileSync(
      config,
      'version: 1\nstages:\n  - { name: Demo }\n  - { name: demo }\n  - { name: Contract, order: 1 }\n  - { name: Legal, order: 1 }\n',
    );
    const twice = await runCli(['pipeline', 'fixtures/deals.csv', '--config', config]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe(
      `salesmetrics: ${config}:4:13: stages[1].name: stage "demo" is listed twice (also stages[0])\n` +
        `salesmetrics: ${config}:6:27: stages[3].order: order 1 is given twice (also stages[2])\n`,
    );
    const ja = await runCli(['pipeline', 'fixtures/deals.csv', '--config', config, '--lang', 'ja']);
    expect(ja.stderr).toBe(
      `salesmetrics: ${config}:4:13: stages[1].name: フェーズ "demo" が 2 回あります（stages[0] にも）\n` +
        `salesmetrics: ${config}:6:27: stages[3].order: order 1 が 2 回あります（stages[2] にも）\n`,
    );
  });
});
