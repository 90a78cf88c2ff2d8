import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/*
 * fixtures/deals-cohorts.csv, worked out by hand (test/engine/cohorts.test.ts has the deals):
 *
 *   account  won deals (close date: amount)                first won
 *   A        01-10: 100   02-05: 50    04-01: 30              2025-01-10
 *   B        01-20: 200   03-03: 100   (lost 02-10)           2025-01-20
 *   C        02-14: 300   02-20: 100   03-30: 200             2025-02-14
 *   D        03-05: 400                                      2025-03-05
 *   E        2024-12-15: 250   02-01: 500                     2024-12-15
 *   G        04-30: 50                                       2025-04-30
 *   (none)   01-15: 999: in no cohort
 *
 * Window 2025-01 .. 2025-04 by month (E first bought before it: in no cohort):
 *
 *   cohort  accounts  +0 buyers/revenue  +1          +2          +3
 *   Jan     2         2 / 300            1 / 50      1 / 100     1 / 30
 *   Feb     1         1 / 400            1 / 200     0 / 0
 *   Mar     1         1 / 400            0 / 0
 *   Apr     1         1 / 50
 */
const FILE = 'fixtures/deals-cohorts.csv';
const WINDOW = ['--from', '2025-01-01', '--to', '2025-04-30'];

const MONTH = (m: string, last: string): { period: string; from: string; to: string } => ({
  period: `2025-${m}`,
  from: `2025-${m}-01`,
  to: `2025-${m}-${last}`,
});
const JAN = MONTH('01', '31');
const FEB = MONTH('02', '28');
const MAR = MONTH('03', '31');
const APR = MONTH('04', '30');

describe('salesmetrics cohorts --format json', () => {
  it('gives the hand-computed triangle', async () => {
    const r = await runCli(['cohorts', FILE, ...WINDOW, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      schemaVersion: 1,
      window: { from: '2025-01-01', to: '2025-04-30' },
      granularity: 'month',
      fiscalYearStart: 1,
      inputs: {
        deals: {
          path: FILE,
          rows: 16,
          used: 16,
          rejected: 0,
          encoding: 'utf8',
          preset: null,
          skipped: { title: 0, footer: 0 },
        },
      },
      deals: { won: 13, wonWithoutAccount: 1 },
      accounts: 5,
      currencies: ['JPY'],
      mixedCurrencies: false,
      cohorts: [
        {
          cohort: '2025-01',
          from: '2025-01-01',
          to: '2025-01-31',
          accounts: 2,
          periods: [
            { offset: 0, ...JAN, buyers: 2, retention: 1, revenue: 300, revenue_retention: 1 },
            { offset: 1, ...FEB, buyers: 1, retention: 0.5, revenue: 50, revenue_retention: 50 / 300 },
            { offset: 2, ...MAR, buyers: 1, retention: 0.5, revenue: 100, revenue_retention: 100 / 300 },
            { offset: 3, ...APR, buyers: 1, retention: 0.5, revenue: 30, revenue_retention: 30 / 300 },
          ],
        },
        {
          cohort: '2025-02',
          from: '2025-02-01',
          to: '2025-02-28',
          accounts: 1,
          periods: [
            { offset: 0, ...FEB, buyers: 1, retention: 1, revenue: 400, revenue_retention: 1 },
            { offset: 1, ...MAR, buyers: 1, retention: 1, revenue: 200, revenue_retention: 0.5 },
            { offset: 2, ...APR, buyers: 0, retention: 0, revenue: 0, revenue_retention: 0 },
          ],
        },
        {
          cohort: '2025-03',
          from: '2025-03-01',
          to: '2025-03-31',
          accounts: 1,
          periods: [
            { offset: 0, ...MAR, buyers: 1, retention: 1, revenue: 400, revenue_retention: 1 },
            { offset: 1, ...APR, buyers: 0, retention: 0, revenue: 0, revenue_retention: 0 },
          ],
        },
        {
          cohort: '2025-04',
          from: '2025-04-01',
          to: '2025-04-30',
          accounts: 1,
          periods: [{ offset: 0, ...APR, buyers: 1, retention: 1, revenue: 50, revenue_retention: 1 }],
        },
      ],
    });
  });

  it('the cohorts are the new customers of the report, period by period (the sample data, by fiscal quarter)', async () => {
    const args = ['fixtures/deals.csv', '--period', 'quarter', '--fiscal-year-start', '4', '--format', 'json'];
    const cohorts = await runCli(['cohorts', ...args]);
    const report = await runCli(['report', ...args]);
    const c = JSON.parse(cohorts.stdout) as { cohorts: { cohort: string; accounts: number; periods: unknown[] }[] };
    const rep = JSON.parse(report.stdout) as { periods: { period: string; metrics: { new_customers: number } }[] };
    expect(c.cohorts.map((x) => [x.cohort, x.accounts])).toEqual(
      rep.periods.map((p) => [p.period, p.metrics.new_customers]),
    );
    // FY2024-Q1 7 and FY2024-Q2 4 new customers, as the README's report shows; 8 quarters, a triangle of 8 .. 1.
    expect(c.cohorts.slice(0, 2).map((x) => x.accounts)).toEqual([7, 4]);
    expect(c.cohorts.map((x) => x.periods.length)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('without a window it follows the data: December 2024 is E’s cohort', async () => {
    const r = await runCli(['cohorts', FILE, '--format', 'json']);
    const doc = JSON.parse(r.stdout) as {
      window: unknown;
      accounts: number;
      cohorts: { cohort: string; accounts: number; periods: { buyers: number; revenue_retention: number }[] }[];
    };
    expect(doc.window).toEqual({ from: '2024-12-01', to: '2025-04-30' });
    expect(doc.accounts).toBe(6);
    // E: 250 in December, nothing in January, 500 in February (2 × the first period), nothing after.
    expect(doc.cohorts[0]?.periods.map((p) => [p.buyers, p.revenue_retention])).toEqual([
      [1, 1],
      [0, 0],
      [1, 2],
      [0, 0],
      [0, 0],
    ]);
  });
});

describe('salesmetrics cohorts --format table', () => {
  it('prints the two triangles, blank beyond the window', async () => {
    const r = await runCli(['cohorts', FILE, ...WINDOW]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout).toContain(
      '5 accounts in cohorts, each in the period of its first won deal; 1 won deal without an account left out',
    );
    expect(r.stdout).toContain('│ 2025-01 │        2 │ 100.0% │  50.0% │ 50.0% │ 50.0% │');
    expect(r.stdout).toContain('│ 2025-04 │        1 │ 100.0% │        │       │       │');
    // Revenue retention of January: 50/300 = 16.7%, 100/300 = 33.3%, 30/300 = 10.0%.
    expect(r.stdout).toContain('│ 2025-01 │        300 │ 100.0% │ 16.7% │ 33.3% │ 10.0% │');
    expect(r.stdout).toMatchSnapshot();
  });

  it('in Japanese', async () => {
    const r = await runCli(['cohorts', FILE, ...WINDOW, '--lang', 'ja']);
    expect(r.stdout.split('\n')[0]).toBe('コホート 2025-01-01 〜 2025-04-30（月次）');
    expect(r.stdout).toContain('コホートの取引先 5 社（初回受注の期間で分類）。取引先のない受注 1 件は除外');
    expect(r.stdout).toContain('￥300');
  });
});

describe('salesmetrics cohorts errors and warnings', () => {
  it('a file without accounts: exit 2, with the fix', async () => {
    const r = await runCli(['cohorts', 'fixtures/deals-abtest-pitch.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "salesmetrics: fixtures/deals-abtest-pitch.csv: no account_id or account_name column; cohorts group accounts — map one with --map account_id='<header>'\n",
    );
    const ja = await runCli(['cohorts', 'fixtures/deals-abtest-pitch.csv', '--lang', 'ja']);
    expect(ja.stderr).toContain('account_id・account_name の列がありません');
  });

  it('several currencies: a warning, and revenue is null', async () => {
    const r = await runCli(['cohorts', 'fixtures/crm-mixed-currencies.csv', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^salesmetrics: warning: fixtures\/crm-mixed-currencies.csv has amounts in several currencies \(.*\): cohort revenue is null/,
    );
    const doc = JSON.parse(r.stdout) as { mixedCurrencies: boolean; cohorts: { periods: { revenue: unknown }[] }[] };
    expect(doc.mixedCurrencies).toBe(true);
    expect(doc.cohorts.flatMap((c) => c.periods.map((p) => p.revenue)).every((x) => x === null)).toBe(true);
  });

  it('--period accepts month, quarter and year only', async () => {
    const r = await runCli(['cohorts', FILE, '--period', 'week']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("argument 'week' is invalid. Allowed choices are month, quarter, year.");
  });
});

describe('salesmetrics cohorts --help', () => {
  it('lists the options with examples', async () => {
    const r = await runCli(['cohorts', '--help']);
    expect(r.code).toBe(0);
    for (const option of [
      '--from <date>',
      '--to <date>',
      '--period <period>',
      '--fiscal-year-start <month>',
      '--format <format>',
    ]) {
      expect(r.stdout).toContain(option);
    }
    expect(r.stdout).toContain('$ salesmetrics cohorts fixtures/deals.csv --period quarter --fiscal-year-start 4');
  });
});
