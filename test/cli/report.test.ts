import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/*
 * fixtures/deals-small.csv, worked out by hand:
 *
 *   D1 won  1000.50  created 01-05 closed 01-20  A1 East   cycle 15
 *   D2 lost  500     created 01-10 closed 01-25  A2 West
 *   D3 won  2000     created 01-15 closed 02-10  A1 West   cycle 16 + 10 = 26
 *   D4 won   300.25  (no created)  closed 02-14  A3 East   no cycle
 *   D5 open 4000     created 02-01               A4 East
 *   D6 lost  (empty → 0) created 02-03 closed 02-28 A2 West
 *   D7 won   700     created 02-20 closed 02-27  A2 East   cycle 7
 *   D8 open  (empty → 0) created 01-30          (no account) West
 *
 * Window: dates span 2025-01-05..2025-02-28 → 2025-01-01..2025-02-28.
 * First won deal per account: A1 D1 (Jan, East), A3 D4 (Feb, East), A2 D7 (Feb, East).
 */
const JAN = {
  revenue: 1000.5,
  deals_won: 1,
  deals_lost: 1,
  // open at 01-31: D3 (created 01-15, closes 02-10), D4 (no created date, closes 02-14), D8 → 2000 + 300.25 + 0
  deals_open: 3,
  pipeline_value: 2300.25,
  win_rate: 0.5,
  avg_deal_size: 1000.5,
  sales_cycle_days_mean: 15,
  sales_cycle_days_median: 15,
  new_customers: 1, // A1
  customer_retention_rate: null, // nobody bought in Dec 2024
};
const FEB = {
  revenue: 3000.25, // 2000 + 300.25 + 700
  deals_won: 3,
  deals_lost: 1,
  deals_open: 2, // D5, D8 → 4000 + 0
  pipeline_value: 4000,
  win_rate: 0.75,
  avg_deal_size: 1000.08, // 3000.25 / 3 = 1000.0833…
  sales_cycle_days_mean: 16.5, // (26 + 7) / 2
  sales_cycle_days_median: 16.5,
  new_customers: 2, // A3, A2
  customer_retention_rate: 1, // A(Jan) = {A1}; A1 bought again in Feb
};
const TOTALS = {
  revenue: 4000.75,
  deals_won: 4,
  deals_lost: 2,
  deals_open: 2,
  pipeline_value: 4000,
  win_rate: 4 / 6,
  avg_deal_size: 1000.19, // 4000.75 / 4 = 1000.1875
  sales_cycle_days_mean: 16, // (15 + 26 + 7) / 3
  sales_cycle_days_median: 15,
  new_customers: 3,
  customer_retention_rate: null, // prev = Nov–Dec 2024, nobody
};

/** A UTF-8 file with canonical headers, no title or footer lines. */
const READ_AS_CANONICAL = { encoding: 'utf8', preset: null, skipped: { title: 0, footer: 0 } };

const JAN_PERIOD = { period: '2025-01', from: '2025-01-01', to: '2025-01-31' };
const FEB_PERIOD = { period: '2025-02', from: '2025-02-01', to: '2025-02-28' };

describe('salesmetrics report --format json', () => {
  it('gives the hand-computed metrics of every period', async () => {
    const r = await runCli(['report', 'fixtures/deals-small.csv', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      schemaVersion: 1,
      window: { from: '2025-01-01', to: '2025-02-28' },
      granularity: 'month',
      fiscalYearStart: 1,
      inputs: { deals: { path: 'fixtures/deals-small.csv', rows: 8, used: 8, rejected: 0, ...READ_AS_CANONICAL } },
      currencies: [], // the file has no currency column
      mixedCurrencies: false,
      totals: TOTALS,
      periods: [
        { ...JAN_PERIOD, metrics: JAN },
        { ...FEB_PERIOD, metrics: FEB },
      ],
      groups: [],
    });
  });

  it('keeps the key order stable', async () => {
    const r = await runCli(['report', 'fixtures/deals-small.csv', '--format', 'json']);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual([
      'schemaVersion',
      'window',
      'granularity',
      'fiscalYearStart',
      'inputs',
      'currencies',
      'mixedCurrencies',
      'totals',
      'periods',
      'groups',
    ]);
    expect(Object.keys(doc.totals as object)).toEqual(Object.keys(TOTALS));
  });

  it('reports each team, and the teams add up to the totals', async () => {
    const r = await runCli(['report', 'fixtures/deals-small.csv', '--format', 'json', '--by', 'team']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { groups: unknown[]; totals: unknown };
    expect(doc.totals).toEqual(TOTALS);
    expect(doc.groups).toEqual([
      {
        by: 'team',
        key: 'East', // D1, D4, D5, D7
        totals: {
          revenue: 2000.75,
          deals_won: 3,
          deals_lost: 0,
          deals_open: 1, // D5
          pipeline_value: 4000,
          win_rate: 1,
          avg_deal_size: 666.92, // 2000.75 / 3 = 666.9166…
          sales_cycle_days_mean: 11, // (15 + 7) / 2
          sales_cycle_days_median: 11,
          new_customers: 3, // A1, A3, A2 all first bought through East
          customer_retention_rate: null,
        },
        periods: [
          {
            ...JAN_PERIOD,
            metrics: {
              revenue: 1000.5,
              deals_won: 1,
              deals_lost: 0,
              deals_open: 1, // D4 (no created date, open until 02-14)
              pipeline_value: 300.25,
              win_rate: 1,
              avg_deal_size: 1000.5,
              sales_cycle_days_mean: 15,
              sales_cycle_days_median: 15,
              new_customers: 1,
              customer_retention_rate: null,
            },
          },
          {
            ...FEB_PERIOD,
            metrics: {
              revenue: 1000.25,
              deals_won: 2,
              deals_lost: 0,
              deals_open: 1,
              pipeline_value: 4000,
              win_rate: 1,
              avg_deal_size: 500.13, // 1000.25 / 2 = 500.125, half away from zero
              sales_cycle_days_mean: 7,
              sales_cycle_days_median: 7,
              new_customers: 2,
              customer_retention_rate: 0, // A_East(Jan) = {A1}; East's Feb buyers are A3, A2
            },
          },
        ],
      },
      {
        by: 'team',
        key: 'West', // D2, D3, D6, D8
        totals: {
          revenue: 2000,
          deals_won: 1,
          deals_lost: 2,
          deals_open: 1, // D8
          pipeline_value: 0,
          win_rate: 1 / 3,
          avg_deal_size: 2000,
          sales_cycle_days_mean: 26,
          sales_cycle_days_median: 26,
          new_customers: 0,
          customer_retention_rate: null,
        },
        periods: [
          {
            ...JAN_PERIOD,
            metrics: {
              revenue: 0,
              deals_won: 0,
              deals_lost: 1,
              deals_open: 2, // D3, D8
              pipeline_value: 2000,
              win_rate: 0,
              avg_deal_size: null,
              sales_cycle_days_mean: null,
              sales_cycle_days_median: null,
              new_customers: 0,
              customer_retention_rate: null,
            },
          },
          {
            ...FEB_PERIOD,
            metrics: {
              revenue: 2000,
              deals_won: 1,
              deals_lost: 1,
              deals_open: 1,
              pipeline_value: 0,
              win_rate: 0.5,
              avg_deal_size: 2000,
              sales_cycle_days_mean: 26,
              sales_cycle_days_median: 26,
              new_customers: 0,
              customer_retention_rate: null, // West won nothing in Jan
            },
          },
        ],
      },
    ]);
  });

  it('limits closed deals to --from/--to and clips the periods', async () => {
    // Window 2025-01-21..2025-02-20: closed D2 (lost 01-25), D3 (won 02-10), D4 (won 02-14).
    const r = await runCli([
      'report',
      'fixtures/deals-small.csv',
      '--format',
      'json',
      '--from',
      '2025-01-21',
      '--to',
      '2025-02-20',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      window: unknown;
      periods: { period: string; from: string; to: string; metrics: Record<string, unknown> }[];
      totals: Record<string, unknown>;
    };
    expect(doc.window).toEqual({ from: '2025-01-21', to: '2025-02-20' });
    expect(doc.periods.map((p) => [p.period, p.from, p.to])).toEqual([
      ['2025-01', '2025-01-21', '2025-01-31'],
      ['2025-02', '2025-02-01', '2025-02-20'],
    ]);
    expect(doc.periods.map((p) => [p.metrics.revenue, p.metrics.deals_won, p.metrics.deals_lost])).toEqual([
      [0, 0, 1],
      [2300.25, 2, 0],
    ]);
    // Open at 02-20: D5 (4000), D6 (created 02-03, closes 02-28: 0), D7 (created 02-20, closes 02-27: 700), D8 (0).
    expect([doc.totals.deals_open, doc.totals.pipeline_value]).toEqual([4, 4700]);
    // A3's first won deal (D4, 02-14) is in the window; A1's (D1, 01-20) is not.
    expect(doc.totals.new_customers).toBe(1);
    // Window is 31 days, not whole months: prev = 2024-12-21..2025-01-20, A(prev) = {A1}; A1 bought again 02-10.
    expect(doc.totals.customer_retention_rate).toBe(1);
  });

  it('labels fiscal quarters by the year they start in', async () => {
    const r = await runCli([
      'report',
      'fixtures/deals-small.csv',
      '--format',
      'json',
      '--period',
      'quarter',
      '--fiscal-year-start',
      '4',
    ]);
    const doc = JSON.parse(r.stdout) as { periods: { period: string; from: string; to: string }[] };
    // Jan–Feb 2025 is in the fourth quarter of the fiscal year that starts 2024-04-01.
    expect(doc.periods.map((p) => [p.period, p.from, p.to])).toEqual([['FY2024-Q4', '2025-01-01', '2025-02-28']]);
  });

  it('reads standard input for -', async () => {
    const csv = readFileSync('fixtures/deals-small.csv', 'utf8');
    const r = await runCli(['report', '-', '--format', 'json'], { stdin: csv });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { totals: unknown; inputs: unknown };
    expect(doc.totals).toEqual(TOTALS);
    expect(doc.inputs).toEqual({ deals: { path: '-', rows: 8, used: 8, rejected: 0, ...READ_AS_CANONICAL } });
  });
});

describe('salesmetrics report --format table and csv', () => {
  it('prints tables without colour off a terminal', async () => {
    const r = await runCli(['report', 'fixtures/deals-small.csv', '--by', 'team']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toMatchSnapshot();
  });

  it('colours a terminal unless NO_COLOR or --no-color', async () => {
    const tty = await runCli(['report', 'fixtures/deals-small.csv'], { isTTY: true });
    expect(tty.stdout).toContain('\u001b[1m');
    const noColor = await runCli(['report', 'fixtures/deals-small.csv'], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    const flag = await runCli(['report', 'fixtures/deals-small.csv', '--no-color'], { isTTY: true });
    expect(flag.stdout).not.toContain('\u001b[');
  });

  it('writes one CSV row per period and a total row, per group', async () => {
    const r = await runCli(['report', 'fixtures/deals-small.csv', '--format', 'csv', '--by', 'team']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'by,group,period,from,to,revenue,deals_won,deals_lost,deals_open,pipeline_value,win_rate,avg_deal_size,' +
        'sales_cycle_days_mean,sales_cycle_days_median,new_customers,customer_retention_rate',
    );
    expect(lines.slice(1)).toEqual([
      ',,2025-01,2025-01-01,2025-01-31,1000.5,1,1,3,2300.25,0.5,1000.5,15,15,1,',
      ',,2025-02,2025-02-01,2025-02-28,3000.25,3,1,2,4000,0.75,1000.08,16.5,16.5,2,1',
      `,,total,2025-01-01,2025-02-28,4000.75,4,2,2,4000,${4 / 6},1000.19,16,15,3,`,
      'team,East,2025-01,2025-01-01,2025-01-31,1000.5,1,0,1,300.25,1,1000.5,15,15,1,',
      'team,East,2025-02,2025-02-01,2025-02-28,1000.25,2,0,1,4000,1,500.13,7,7,2,0',
      'team,East,total,2025-01-01,2025-02-28,2000.75,3,0,1,4000,1,666.92,11,11,3,',
      'team,West,2025-01,2025-01-01,2025-01-31,0,0,1,2,2000,0,,,,0,',
      'team,West,2025-02,2025-02-01,2025-02-28,2000,1,1,1,0,0.5,2000,26,26,0,',
      `team,West,total,2025-01-01,2025-02-28,2000,1,2,1,0,${1 / 3},2000,26,26,0,`,
    ]);
  });
});

describe('invalid rows', () => {
  const expected = [
    'fixtures/deals-invalid-rows.csv:3: column close_date: "2024-13-01" is not a date (YYYY-MM-DD)',
    'fixtures/deals-invalid-rows.csv:4: column amount: "12x" is not a plain decimal (like 1234.5, at most 4 decimal places)',
    'fixtures/deals-invalid-rows.csv:5: column deal_id: "OK1" appears more than once; deal ids must be unique (the first one is used)',
    'fixtures/deals-invalid-rows.csv:6: column close_date: empty; a lost deal needs a close date',
    'fixtures/deals-invalid-rows.csv:7: column amount: empty; a won deal needs an amount',
    'fixtures/deals-invalid-rows.csv:8: column close_date: "2024-01-10" is before created_date "2024-02-01"; fix either date',
    'fixtures/deals-invalid-rows.csv:9: column created_date: "2023-02-29" is not a date (YYYY-MM-DD)',
    'fixtures/deals-invalid-rows.csv:10: column deal_id: empty; every deal needs an id',
    'fixtures/deals-invalid-rows.csv:11: column stage: empty; every deal needs a stage',
    'fixtures/deals-invalid-rows.csv:12: the row has 4 fields, the header has 5; check the quoting of this row; column close_date: empty; a won deal needs a close date',
  ];

  it('fail the run with the first 10 and the count, exit 2', async () => {
    const r = await runCli(['report', 'fixtures/deals-invalid-rows.csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      ...expected,
      'salesmetrics: fixtures/deals-invalid-rows.csv: 12 invalid rows; fix them, or pass --skip-invalid to leave them out',
    ]);
  });

  it('are JSON on stdout with --format json', async () => {
    const r = await runCli(['report', 'fixtures/deals-invalid-rows.csv', '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { schemaVersion: number; error: Record<string, unknown> };
    expect(doc.schemaVersion).toBe(1);
    expect(doc.error.code).toBe('invalid_rows');
    expect(doc.error.count).toBe(12);
    const rows = doc.error.rows as { line: number; column: string | null; value: string | null; code: string }[];
    expect(rows[0]).toEqual({
      line: 3,
      column: 'close_date',
      value: '2024-13-01',
      code: 'bad_date',
      message: expected[0],
    });
    expect(rows.map((p) => p.code)).toEqual([
      'bad_date',
      'bad_amount',
      'duplicate_id',
      'missing_value',
      'missing_value',
      'close_before_created',
      'bad_date',
      'missing_value',
      'missing_value',
      'field_count',
      'missing_value',
    ]);
  });

  it('are skipped, counted and written out with --skip-invalid --rejects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesmetrics-'));
    const rejects = join(dir, 'rejects.csv');
    const r = await runCli([
      'report',
      'fixtures/deals-invalid-rows.csv',
      '--skip-invalid',
      '--rejects',
      rejects,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `salesmetrics: warning: skipped 12 invalid rows of fixtures/deals-invalid-rows.csv (first: ${expected[0]}); written to ${rejects}\n`,
    );
    const doc = JSON.parse(r.stdout) as { inputs: unknown; totals: Record<string, unknown> };
    // 14 rows: OK1 and OK2 used (and nothing else).
    expect(doc.inputs).toEqual({
      deals: { path: 'fixtures/deals-invalid-rows.csv', rows: 14, used: 2, rejected: 12, ...READ_AS_CANONICAL },
    });
    expect([doc.totals.revenue, doc.totals.deals_won, doc.totals.deals_open]).toEqual([100, 1, 1]);
    const lines = readFileSync(rejects, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe('deal_id,stage,amount,created_date,close_date,reason');
    expect(lines[1]).toBe(
      'BAD1,Closed Won,100,2024-01-01,2024-13-01,"column close_date: ""2024-13-01"" is not a date (YYYY-MM-DD)"',
    );
    expect(lines[12]).toBe(
      'BAD12,Closed Won,100,2024/13/01,2024-01-10,"column created_date: ""2024/13/01"" is not a date (YYYY-MM-DD)"',
    );
  });
});

describe('line numbers', () => {
  it('count blank rows, empty lines and multi-line records', async () => {
    // Line 3 is `,,,,`, line 4 empty, lines 5–6 one record with a quoted newline, line 7 ` , ,,,`.
    const r = await runCli(['report', 'fixtures/deals-blank-rows-and-multiline.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      'fixtures/deals-blank-rows-and-multiline.csv:5: column amount: "abc" is not a plain decimal (like 1234.5, at most 4 decimal places)',
      'fixtures/deals-blank-rows-and-multiline.csv:8: column amount: "1x" is not a plain decimal (like 1234.5, at most 4 decimal places)',
    ]);
  });
});

describe('white space around values', () => {
  it('is trimmed, the ideographic space U+3000 too', async () => {
    // Line 2 has deal_id "\u3000D1\u3000" and amount " 100 ": the same id as line 3 once trimmed.
    const r = await runCli(['report', 'fixtures/deals-ideographic-spaces-trimmed.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      'fixtures/deals-ideographic-spaces-trimmed.csv:3: column deal_id: "D1" appears more than once; deal ids must be unique (the first one is used)',
    );
  });
});

describe('input errors exit 2 with one line', () => {
  it.each([
    ['fixtures/nope.csv', 'salesmetrics: fixtures/nope.csv: no such file; check the path'],
    ['fixtures', 'salesmetrics: fixtures: is a directory; pass a CSV file'],
    ['fixtures/deals-empty.csv', 'salesmetrics: fixtures/deals-empty.csv: the file is empty; expected a header row'],
    [
      'fixtures/deals-missing-stage-column.csv',
      'salesmetrics: fixtures/deals-missing-stage-column.csv: column `stage` not found; found: deal_id, Deal Stage, amount, close_date — did you mean `Deal Stage`? map with --map stage=\'Deal Stage\' (or in salesmetrics.config.yaml: deals: { columns: { stage: "Deal Stage" } }; or --preset salesforce|salesforce-ja|hubspot|pipedrive)',
    ],
    [
      'fixtures/deals-unclosed-quote.csv',
      'salesmetrics: fixtures/deals-unclosed-quote.csv:4: not valid CSV: Quote Not Closed: the parsing is finished with an opening quote at line 4 (check the quoting near this line)',
    ],
    [
      'fixtures/deals-no-dates.csv',
      'salesmetrics: fixtures/deals-no-dates.csv: no deal has a date; pass --from and --to to set the window',
    ],
  ])('%s', async (file, message) => {
    const r = await runCli(['report', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(message + '\n');
  });

  it('accepts a mapped column and rejects a mapping to a missing header', async () => {
    const ok = await runCli(['report', 'fixtures/deals-missing-stage-column.csv', '--map', 'stage=Deal Stage']);
    expect(ok.code).toBe(0);
    const bad = await runCli(['report', 'fixtures/deals-small.csv', '--map', 'stage=Phase']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^salesmetrics: fixtures\/deals-small\.csv: column `Phase` \(mapped to stage\) not found; found: deal_id, stage, amount/,
    );
  });

  it('is JSON on stdout with --format json', async () => {
    const r = await runCli(['report', 'fixtures/nope.csv', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      schemaVersion: 1,
      error: {
        kind: 'input',
        code: 'file_not_found',
        message: 'fixtures/nope.csv: no such file; check the path',
        file: 'fixtures/nope.csv',
      },
    });
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['report'], "salesmetrics: missing required argument 'file'; see salesmetrics --help"],
    [['report', 'x.csv', '--bogus'], "salesmetrics: unknown option '--bogus'; see salesmetrics --help"],
    [
      ['report', 'x.csv', '--period', 'day'],
      "salesmetrics: option '--period <period>' argument 'day' is invalid. Allowed choices are week, month, quarter, year.; see salesmetrics --help",
    ],
    [
      ['report', 'x.csv', '--from', '2025-02-30'],
      "salesmetrics: option '--from <date>' argument '2025-02-30' is invalid. \"2025-02-30\" is not a date; use YYYY-MM-DD, e.g. 2025-04-01.; see salesmetrics --help",
    ],
    [
      ['report', 'x.csv', '--fiscal-year-start', '13'],
      "salesmetrics: option '--fiscal-year-start <month>' argument '13' is invalid. \"13\" is not a month; use 1..12, e.g. 4 for April.; see salesmetrics --help",
    ],
    [
      ['report', 'fixtures/deals-small.csv', '--from', '2025-03-01', '--to', '2025-01-01'],
      'salesmetrics: --from is after --to; give a window with from ≤ to.',
    ],
    [
      ['report', 'fixtures/deals-small.csv', '--map', 'dealid=Id'],
      'salesmetrics: --map dealid=…: unknown field; deals fields are deal_id, stage, amount, close_date, created_date, account_id, account_name, owner, team, segment, channel, source, currency, expected_close_date, probability, deal_name, status, won_date, lost_date, forecast_category, lost_stage, appointer.',
    ],
    [['nonsense'], "salesmetrics: unknown command 'nonsense'; see salesmetrics --help"],
  ])('%j', async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message + '\n');
  });
});

describe('help and version', () => {
  it('lists every report option with examples', async () => {
    const r = await runCli(['report', '--help']);
    expect(r.code).toBe(0);
    for (const option of [
      '--from <date>',
      '--to <date>',
      '--period <period>',
      '--fiscal-year-start <month>',
      '--by <column>',
      '--format <format>',
      '--skip-invalid',
      '--rejects <file>',
      '--map <field=Header>',
      '--no-color',
    ]) {
      expect(r.stdout).toContain(option);
    }
    expect(r.stdout).toContain('$ salesmetrics report fixtures/deals.csv');
    expect(r.stdout).toContain(
      'Exit codes: 0 success, 1 a target missed (with --targets), 2 usage, configuration or input error.',
    );
  });

  it('prints the version of package.json', async () => {
    const r = await runCli(['--version']);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });
});
