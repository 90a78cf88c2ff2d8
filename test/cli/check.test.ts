import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTargets } from '../../src/targets/load-targets.js';
import { STARTER_TARGETS } from '../../src/targets/starter.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const DEALS = 'fixtures/deals-small.csv';
const MIXED = 'fixtures/targets-q1-on-track-kpis-mixed.yaml';
const AS_OF = ['--as-of', '2025-02-28'];

/*
 * fixtures/deals-small.csv (see test/cli/report.test.ts):
 *
 *   D1 won  1000.50  created 01-05 closed 01-20  East  cycle 15
 *   D2 lost  500     created 01-10 closed 01-25  West
 *   D3 won  2000     created 01-15 closed 02-10  West  cycle 16 + 10 = 26
 *   D4 won   300.25  (no created)  closed 02-14  East  no cycle
 *   D5 open 4000     created 02-01               East
 *   D6 lost  (0)     created 02-03 closed 02-28  West
 *   D7 won   700     created 02-20 closed 02-27  East  cycle 7
 *   D8 open  (0)     created 01-30               West
 *
 * fixtures/targets-q1-on-track-kpis-mixed.yaml, as of 2025-02-28:
 * KPI window = [window.from, min(window.to, as-of)] = 2025-01-01..2025-02-28.
 * KGI window = [start = window.from 2025-01-01, min(as-of, deadline 2025-03-31)] = the same days.
 *
 * Over 2025-01-01..2025-02-28: won D1, D3, D4, D7 = 4, revenue 1000.50 + 2000 + 300.25 + 700
 * = 4000.75; lost D2, D6 = 2; win rate 4/6; avg deal 4000.75/4 = 1000.1875 → 1000.19;
 * cycles 7, 15, 26 → median 15; retention: previous window Nov–Dec 2024 has no buyer → null.
 *
 * KGI q1-revenue, target 6000, 2025-01-01..2025-03-31 (31 + 28 + 31 = 90 days):
 *   elapsed = 59/90 (Jan 31 + Feb 28 days); pace = 6000 × 59/90 = 3933.33…;
 *   4000.75 ≥ 3933.33 → on_track (pass); achievement 4000.75/6000 = 0.6668 (66.7%);
 *   projection = 4000.75 × 90/59 = 360067.5/59 = 6102.8389… .
 *   plan: remaining 6000 − 4000.75 = 1999.25; ⌈1999.25 / 1000.19⌉ = 2 to win;
 *   ⌈2 × 6/4⌉ = 3 to close; months with a day after 02-28 through 03-31: March = 1 → 2 and 3 a month.
 * KGI q1-win-rate, target 0.7 (a ratio, compared directly): 4/6 = 0.667 < 0.7 → behind (warn);
 *   achievement (4/6)/0.7 = 0.952 (95.2%); pace = the target 0.7; no projection, no plan.
 *
 * KPI cells:
 *   win-rate         window     4/6 = 66.7%   min 0.5, warn.min 0.7 → warn
 *   cycle            window     15            max 15 (equal)        → pass
 *   team-win-rate    team=East  3/3 = 100%    min 0.5               → pass
 *   team-win-rate    team=West  1/3 = 33.3%   min 0.5               → fail
 *   monthly-revenue  2025-01    1000.50       min 1500              → fail
 *   monthly-revenue  2025-02    2000 + 300.25 + 700 = 3000.25       → pass
 *   retention        window     null          when_missing pass     → no_data (pass)
 * summary: 3 pass, 1 warn, 2 fail, 1 no_data; status fail → exit 1.
 */
const KPI_NONE = { by: null, group: null, period: null, min: null, max: null, warnMin: null, warnMax: null };
const EXPECTED_KGIS = [
  {
    id: 'q1-revenue',
    name: 'Q1 revenue',
    metric: 'revenue',
    target: 6000,
    start: '2025-01-01',
    deadline: '2025-03-31',
    actual: 4000.75,
    achievement: 4000.75 / 6000,
    elapsed: 59 / 90,
    paceTarget: expect.closeTo(3933.33, 2),
    projection: expect.closeTo(6102.84, 2),
    status: 'on_track',
    severity: 'pass',
    plan: {
      remaining: 1999.25,
      avgDealSize: 1000.19,
      winRate: 4 / 6,
      dealsToWin: 2,
      dealsToClose: 3,
      remainingMonths: 1,
      dealsToWinPerMonth: 2,
      dealsToClosePerMonth: 3,
      reasons: [],
    },
  },
  {
    id: 'q1-win-rate',
    name: null,
    metric: 'win_rate',
    target: 0.7,
    start: '2025-01-01',
    deadline: '2025-03-31',
    actual: 4 / 6,
    achievement: 4 / 6 / 0.7,
    elapsed: 59 / 90,
    paceTarget: 0.7,
    projection: null,
    status: 'behind',
    severity: 'warn',
    plan: null,
  },
];
const EXPECTED_KPIS = [
  {
    ...KPI_NONE,
    id: 'win-rate',
    metric: 'win_rate',
    actual: 4 / 6,
    min: 0.5,
    warnMin: 0.7,
    status: 'warn',
    severity: 'warn',
  },
  {
    ...KPI_NONE,
    id: 'cycle',
    metric: 'sales_cycle_days_median',
    actual: 15,
    max: 15,
    status: 'pass',
    severity: 'pass',
  },
  {
    ...KPI_NONE,
    id: 'team-win-rate',
    metric: 'win_rate',
    by: 'team',
    group: 'East',
    actual: 1,
    min: 0.5,
    status: 'pass',
    severity: 'pass',
  },
  {
    ...KPI_NONE,
    id: 'team-win-rate',
    metric: 'win_rate',
    by: 'team',
    group: 'West',
    actual: 1 / 3,
    min: 0.5,
    status: 'fail',
    severity: 'fail',
  },
  {
    ...KPI_NONE,
    id: 'monthly-revenue',
    metric: 'revenue',
    period: '2025-01',
    actual: 1000.5,
    min: 1500,
    status: 'fail',
    severity: 'fail',
  },
  {
    ...KPI_NONE,
    id: 'monthly-revenue',
    metric: 'revenue',
    period: '2025-02',
    actual: 3000.25,
    min: 1500,
    status: 'pass',
    severity: 'pass',
  },
  {
    ...KPI_NONE,
    id: 'retention',
    metric: 'customer_retention_rate',
    actual: null,
    min: 0.5,
    status: 'no_data',
    severity: 'pass',
  },
];
const EXPECTED_CHECK = {
  schemaVersion: 1,
  asOf: '2025-02-28',
  status: 'fail',
  window: { from: '2025-01-01', to: '2025-02-28' },
  inputs: {
    deals: {
      path: DEALS,
      rows: 8,
      used: 8,
      rejected: 0,
      encoding: 'utf8',
      preset: null,
      skipped: { title: 0, footer: 0 },
    },
  },
  kgis: EXPECTED_KGIS,
  kpis: EXPECTED_KPIS,
  summary: { pass: 3, warn: 1, fail: 2, no_data: 1 },
};

/** The rows of a drawn table: the cells of each `│ a │ b │` line, trimmed. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('│'))
    .map((l) =>
      l
        .split('│')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}

describe('salesmetrics check --format json', () => {
  it('gives the hand-computed KGIs, KPI cells and summary, exit 1 on a failure', async () => {
    const r = await runCli(['check', DEALS, '--targets', MIXED, ...AS_OF, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual(EXPECTED_CHECK);
  });

  it('clips the KPI window to --as-of and counts the KGI from its start', async () => {
    // As of 2025-01-31: KPI window 2025-01-01..2025-01-31, one month.
    // January: won D1 1000.50, lost D2 → win rate 1/2; KGI elapsed 31/90, pace 6000 × 31/90 = 2066.67;
    // 1000.50 < 2066.67 → behind; remaining months Feb, Mar = 2.
    // plan: 4999.50 to go at avg 1000.50 → ⌈4.997⌉ = 5 to win, ⌈5 × 2/1⌉ = 10 to close; ⌈5/2⌉ = 3, ⌈10/2⌉ = 5 a month.
    const r = await runCli(['check', DEALS, '--targets', MIXED, '--as-of', '2025-01-31', '--format', 'json']);
    const json = JSON.parse(r.stdout) as typeof EXPECTED_CHECK;
    expect(json.window).toEqual({ from: '2025-01-01', to: '2025-01-31' });
    expect(json.kgis[0]).toMatchObject({
      actual: 1000.5,
      elapsed: 31 / 90,
      status: 'behind',
      severity: 'warn',
      plan: {
        remaining: 4999.5,
        avgDealSize: 1000.5,
        winRate: 0.5,
        dealsToWin: 5,
        dealsToClose: 10,
        remainingMonths: 2,
        dealsToWinPerMonth: 3,
        dealsToClosePerMonth: 5,
      },
    });
    expect(json.kgis[0]?.paceTarget).toBeCloseTo(2066.67, 2);
    expect(json.kpis.filter((k) => k.id === 'monthly-revenue').map((k) => [k.period, k.actual])).toEqual([
      ['2025-01', 1000.5],
    ]);
  });

  it('after the deadline the revenue KGI is missed: a failure', async () => {
    // As of 2025-04-30: KGI counted over 2025-01-01..2025-03-31 = 4000.75 < 6000 → missed.
    const r = await runCli(['check', DEALS, '--targets', MIXED, '--as-of', '2025-04-30', '--format', 'json']);
    const json = JSON.parse(r.stdout) as typeof EXPECTED_CHECK;
    expect(r.code).toBe(1);
    expect(json.kgis[0]).toMatchObject({ actual: 4000.75, elapsed: 1, status: 'missed', severity: 'fail' });
    expect(json.kgis[0]?.plan).toMatchObject({ remaining: 1999.25, remainingMonths: 0, dealsToWinPerMonth: null });
  });
});

describe('salesmetrics check --format table', () => {
  it('prints plain-text markers with colour off', async () => {
    const r = await runCli(['check', DEALS, '--targets', MIXED, ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('\u001b[');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Targets as of 2025-02-28: FAIL  (KPI window 2025-01-01 – 2025-02-28)');
    expect(lines).toContain(
      'PASS q1-revenue Q1 revenue: revenue 4,000.75 of 6,000 (66.7%), elapsed 65.6%, pace 3,933.33, projection 6,102.84 — on track (2025-01-01 – 2025-03-31)',
    );
    expect(lines).toContain(
      '    plan: remaining 1,999.25 → 2 deals to win at avg 1,000.19 → 3 deals to close at win rate 66.7% → per month over 1: 2 to win, 3 to close',
    );
    expect(lines).toContain(
      'WARN q1-win-rate: win_rate 66.7% of 70.0% (95.2%), elapsed 65.6%, pace 70.0% — behind (2025-01-01 – 2025-03-31)',
    );
    expect(tableRows(r.stdout)).toEqual([
      ['', 'KPI', 'Scope', 'Metric', 'Actual', 'Bound', 'Status'],
      ['WARN', 'win-rate', 'window', 'win_rate', '66.7%', '≥ 70.0%', 'warn'],
      ['PASS', 'cycle', 'window', 'sales_cycle_days_median', '15', '≤ 15', 'pass'],
      ['PASS', 'team-win-rate', 'team=East', 'win_rate', '100.0%', '≥ 50.0%', 'pass'],
      ['FAIL', 'team-win-rate', 'team=West', 'win_rate', '33.3%', '≥ 50.0%', 'fail'],
      ['FAIL', 'monthly-revenue', '2025-01', 'revenue', '1,000.50', '≥ 1,500', 'fail'],
      ['PASS', 'monthly-revenue', '2025-02', 'revenue', '3,000.25', '≥ 1,500', 'pass'],
      ['NO DATA', 'retention', 'window', 'customer_retention_rate', '—', '≥ 50.0%', 'no data (counts as pass)'],
    ]);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('3 pass, 1 warn, 2 fail, 1 no data');
  });

  it('colours a terminal', async () => {
    const r = await runCli(['check', DEALS, '--targets', MIXED, ...AS_OF], { isTTY: true });
    expect(r.stdout).toContain('\u001b[');
  });
});

describe('salesmetrics check --format markdown', () => {
  it('gives a GitHub-flavoured summary: status emoji, a KGI table with the plan, a KPI table', async () => {
    const r = await runCli(['check', DEALS, '--targets', MIXED, ...AS_OF, '--format', 'markdown']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('## ❌ salesmetrics targets: fail');
    expect(r.stdout).toContain('As of 2025-02-28');
    expect(r.stdout).toContain('3 pass, 1 warn, 2 fail, 1 no data');
    expect(lines).toContain(
      '| ✅ | q1-revenue: Q1 revenue | revenue | 4,000.75 of 6,000 (66.7%), elapsed 65.6%, pace 3,933.33, projection 6,102.84 | on track | 2025-01-01 – 2025-03-31 |',
    );
    expect(lines).toContain(
      '| ⚠️ | q1-win-rate | win_rate | 66.7% of 70.0% (95.2%), elapsed 65.6%, pace 70.0% | behind | 2025-01-01 – 2025-03-31 |',
    );
    expect(r.stdout).toMatch(/^\*\*Plan for q1-revenue:\*\* remaining 1,999\.25 → 2 deals to win .*3 deals to close/m);
    for (const row of [
      '| ⚠️ | win-rate | window | win_rate | 66.7% | ≥ 70.0% | warn |',
      '| ✅ | cycle | window | sales_cycle_days_median | 15 | ≤ 15 | pass |',
      '| ✅ | team-win-rate | team=East | win_rate | 100.0% | ≥ 50.0% | pass |',
      '| ❌ | team-win-rate | team=West | win_rate | 33.3% | ≥ 50.0% | fail |',
      '| ❌ | monthly-revenue | 2025-01 | revenue | 1,000.50 | ≥ 1,500 | fail |',
      '| ✅ | monthly-revenue | 2025-02 | revenue | 3,000.25 | ≥ 1,500 | pass |',
    ]) {
      expect(lines).toContain(row);
    }
    // Every table row has as many cells as its header.
    const tables = r.stdout.split(/\n\n/).filter((b) => b.startsWith('|'));
    expect(tables).toHaveLength(2);
    for (const t of tables) {
      const widths = t
        .trimEnd()
        .split('\n')
        .map((l) => l.replace(/\\\|/g, '').split('|').length);
      expect(new Set(widths).size).toBe(1);
    }
    // KGIs: 2 rows; KPIs: 7 cells.
    expect(tables.map((t) => t.trimEnd().split('\n').length - 2)).toEqual([2, 7]);
  });
});

interface JunitCase {
  classname: string;
  name: string;
  failure?: { message: string; '#text': string };
  skipped?: unknown;
}
interface JunitSuite {
  name: string;
  tests: string;
  failures: string;
  skipped: string;
  testcase: JunitCase[];
}
interface Junit {
  testsuites: { tests: string; failures: string; errors: string; skipped: string; testsuite: JunitSuite[] };
}

function parseJunit(xml: string): Junit {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  return parser.parse(xml) as Junit;
}

describe('salesmetrics check --format junit', () => {
  it('is well-formed JUnit XML: a test case per KGI and KPI cell, failures with actual vs bound', async () => {
    const r = await runCli(['check', DEALS, '--targets', MIXED, ...AS_OF, '--format', 'junit']);
    expect(r.code).toBe(1);
    const { testsuites } = parseJunit(r.stdout);
    const cases = testsuites.testsuite.flatMap((s) => s.testcase);
    // 2 KGIs + 7 KPI cells; failing: team=West and 2025-01; skipped: retention (no data, counts as pass).
    expect(testsuites).toMatchObject({ tests: '9', failures: '2', errors: '0', skipped: '1' });
    expect(cases).toHaveLength(9);
    expect(cases.filter((c) => c.failure !== undefined)).toHaveLength(2);
    for (const s of testsuites.testsuite) {
      expect(Number(s.tests)).toBe(s.testcase.length);
      expect(Number(s.failures)).toBe(s.testcase.filter((c) => c.failure !== undefined).length);
    }
    expect(testsuites.testsuite.map((s) => [s.tests, s.failures])).toEqual([
      ['2', '0'],
      ['7', '2'],
    ]);
    const failures = cases.flatMap((c) => (c.failure === undefined ? [] : [c.failure.message]));
    expect(failures[0]).toMatch(/actual 33\.3%.*≥ 50\.0%/);
    expect(failures[1]).toMatch(/actual 1,000\.50.*≥ 1,500/);
  });

  it('with --fail-on warn, warnings are failures too', async () => {
    const r = await runCli(['check', DEALS, '--targets', MIXED, ...AS_OF, '--format', 'junit', '--fail-on', 'warn']);
    expect(r.code).toBe(1);
    const { testsuites } = parseJunit(r.stdout);
    // + the win-rate KPI (warn) and the q1-win-rate KGI (behind)
    expect(testsuites.failures).toBe('4');
    expect(testsuites.testsuite.map((s) => s.failures)).toEqual(['1', '3']);
  });
});

describe('exit codes', () => {
  const WARN_ONLY = 'fixtures/targets-kpi-warn-only.yaml';

  it('warnings alone exit 0; --fail-on warn makes them exit 1', async () => {
    // win rate 4/6 = 66.7%: ≥ 0.5, < 0.7 → warn
    const plain = await runCli(['check', DEALS, '--targets', WARN_ONLY, ...AS_OF]);
    expect(plain.code).toBe(0);
    expect(tableRows(plain.stdout)[1]).toEqual(['WARN', 'win-rate', 'window', 'win_rate', '66.7%', '≥ 70.0%', 'warn']);
    const strict = await runCli(['check', DEALS, '--targets', WARN_ONLY, ...AS_OF, '--fail-on', 'warn']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe(plain.stdout);
    const json = await runCli(['check', DEALS, '--targets', WARN_ONLY, ...AS_OF, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      status: 'warn',
      summary: { pass: 0, warn: 1, fail: 0, no_data: 0 },
    });
  });

  it('a target-file error exits 2 with its one-line message', async () => {
    const r = await runCli(['check', DEALS, '--targets', 'fixtures/targets-invalid-type.yaml', ...AS_OF]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'salesmetrics: fixtures/targets-invalid-type.yaml:9:10: kpis[1].min: expected a number, got "abc"\n',
    });
  });

  it('several problems: one line each', async () => {
    const r = await runCli(['check', DEALS, '--targets', 'fixtures/targets-several-problems.yaml', ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'salesmetrics: fixtures/targets-several-problems.yaml:6:13: kpis[0].metric: unknown metric "win_rat"; did you mean "win_rate"?',
      'salesmetrics: fixtures/targets-several-problems.yaml:10:10: kpis[1].max: expected a number, got "forty"',
      'salesmetrics: fixtures/targets-several-problems.yaml:11:9: kpis[1].by: unknown dimension "teams"; did you mean "team"?',
    ]);
  });

  it('a YAML syntax error exits 2 with its line and column', async () => {
    const r = await runCli(['check', DEALS, '--targets', 'fixtures/targets-yaml-syntax-error.yaml', ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^salesmetrics: fixtures\/targets-yaml-syntax-error\.yaml:5:13: invalid YAML: [^\n]+\n$/);
  });

  it('target-file errors are JSON on stdout with --format json', async () => {
    const r = await runCli([
      'check',
      DEALS,
      '--targets',
      'fixtures/targets-invalid-type.yaml',
      ...AS_OF,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({
      schemaVersion: 1,
      error: {
        kind: 'config',
        message: 'fixtures/targets-invalid-type.yaml:9:10: kpis[1].min: expected a number, got "abc"',
      },
    });
  });

  it('a missing --targets file exits 2', async () => {
    const r = await runCli(['check', DEALS, '--targets', 'fixtures/no-such-targets.yaml', ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^salesmetrics: fixtures\/no-such-targets\.yaml: [^\n]+\n$/);
  });

  it('no --targets at all is a usage error, exit 2', async () => {
    const r = await runCli(['check', DEALS, ...AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--targets/);
  });

  it('an --as-of that is not a date is a usage error, exit 2', async () => {
    const r = await runCli(['check', DEALS, '--targets', MIXED, '--as-of', '2025-02-30']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--as-of/);
  });

  it('invalid deal rows exit 2 even when a target fails', async () => {
    const r = await runCli([
      'check',
      'fixtures/deals-invalid-rows.csv',
      '--targets',
      'fixtures/targets-revenue-unreachable.yaml',
      '--as-of',
      '2024-12-31',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // and the same target does fail once the invalid rows are left out
    const skipped = await runCli([
      'check',
      'fixtures/deals-invalid-rows.csv',
      '--targets',
      'fixtures/targets-revenue-unreachable.yaml',
      '--skip-invalid',
      '--as-of',
      '2024-12-31',
    ]);
    expect(skipped.code).toBe(1);
  });
});

describe('salesmetrics check --help', () => {
  it('documents the options and the exit codes', async () => {
    const r = await runCli(['check', '--help']);
    expect(r.code).toBe(0);
    for (const option of ['--targets <file>', '--as-of <date>', '--format <format>', '--fail-on <level>']) {
      expect(r.stdout).toContain(option);
    }
    expect(r.stdout).toContain('"junit"');
    expect(r.stdout).toMatch(/Exit codes: 0 .*1 .*\n?.*2 /);
  });
});

describe('salesmetrics report --targets', () => {
  it('adds the check to the JSON report and exits 1 when a target fails', async () => {
    const r = await runCli(['report', DEALS, '--targets', MIXED, ...AS_OF, '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { totals: Record<string, unknown>; check: unknown };
    // the report itself is unchanged: totals of all 8 deals (test/cli/report.test.ts)
    expect(json.totals).toMatchObject({ revenue: 4000.75, deals_won: 4, deals_lost: 2 });
    expect(json.check).toEqual(EXPECTED_CHECK);
  });

  it('without --targets there is no check', async () => {
    const r = await runCli(['report', DEALS, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).not.toHaveProperty('check');
  });

  it('prints the targets after the report table', async () => {
    const r = await runCli(['report', DEALS, '--targets', MIXED, ...AS_OF]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Totals$/m);
    expect(r.stdout).toContain('\nTargets as of 2025-02-28: FAIL');
  });

  it("checks each_period KPIs by the target file's period, as check does", async () => {
    // targets-each-quarter.yaml: period quarter; Q1 so far = 4000.75 ≥ 2000 → pass, exit 0.
    const expected = [
      {
        ...KPI_NONE,
        id: 'quarterly-revenue',
        metric: 'revenue',
        period: '2025-Q1',
        actual: 4000.75,
        min: 2000,
        status: 'pass',
        severity: 'pass',
      },
    ];
    const check = await runCli([
      'check',
      DEALS,
      '--targets',
      'fixtures/targets-each-quarter.yaml',
      ...AS_OF,
      '--format',
      'json',
    ]);
    expect(check.code).toBe(0);
    expect((JSON.parse(check.stdout) as { kpis: unknown }).kpis).toEqual(expected);
    const report = await runCli([
      'report',
      DEALS,
      '--targets',
      'fixtures/targets-each-quarter.yaml',
      ...AS_OF,
      '--format',
      'json',
    ]);
    expect((JSON.parse(report.stdout) as { check: { kpis: unknown } }).check.kpis).toEqual(expected);
    expect(report.code).toBe(0);
  });
});

describe('salesmetrics init', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'salesmetrics-init-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('writes the commented starter file, which parses as valid targets', async () => {
    const cwd = tempDir();
    const r = await runCli(['init'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/targets\.yaml/);
    const text = readFileSync(join(cwd, 'targets.yaml'), 'utf8');
    expect(text).toBe(STARTER_TARGETS);
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
    expect(parseTargets(text, 'targets.yaml').kgis.map((k) => k.id)).toEqual(['fy2025-revenue']);
  });

  it('refuses to overwrite a file without --force', async () => {
    const cwd = tempDir();
    const mine = 'version: 1\n# mine\n';
    writeFileSync(join(cwd, 'targets.yaml'), mine);
    const r = await runCli(['init'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^salesmetrics: .*targets\.yaml.*--force[^\n]*\n$/);
    expect(readFileSync(join(cwd, 'targets.yaml'), 'utf8')).toBe(mine);
    const forced = await runCli(['init', '--force'], { cwd });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(cwd, 'targets.yaml'), 'utf8')).toBe(STARTER_TARGETS);
  });

  it('--targets names the file to write', async () => {
    const cwd = tempDir();
    const r = await runCli(['init', '--targets', 'goals.yaml'], { cwd });
    expect(r.code).toBe(0);
    expect(existsSync(join(cwd, 'goals.yaml'))).toBe(true);
    expect(existsSync(join(cwd, 'targets.yaml'))).toBe(false);
  });

  it('the starter file checks the sample deals without a target-file error', async () => {
    const cwd = tempDir();
    await runCli(['init'], { cwd });
    const r = await runCli([
      'check',
      join(ROOT, 'fixtures', 'deals.csv'),
      '--targets',
      join(cwd, 'targets.yaml'),
      '--as-of',
      '2025-09-30',
      '--format',
      'json',
    ]);
    expect([0, 1]).toContain(r.code);
    const json = JSON.parse(r.stdout) as { kgis: { id: string; elapsed: number }[]; kpis: { id: string }[] };
    // FY2025 = 2025-04-01..2026-03-31 (365 days); as of 2025-09-30: Apr–Sep = 30+31+30+31+31+30 = 183 days.
    expect(json.kgis.map((k) => [k.id, k.elapsed])).toEqual([['fy2025-revenue', 183 / 365]]);
    expect(json.kpis.map((k) => k.id)).toEqual(['win-rate', 'cycle']);
  });
});
