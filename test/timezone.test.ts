import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.js';
import { BIN, cliEnv, requireBuild } from './helpers/spawn-cli.js';

/**
 * Real-process runs of bin/salesmetrics.js under three time zones: a
 * calendar date never passes through `Date`, so the output is the same
 * byte for byte, and a date-time counts on the calendar date as written.
 */
const run = promisify(execFile);

const TIME_ZONES = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles'] as const;

async function salesmetrics(args: readonly string[], tz: string): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv({ TZ: tz }) });
    return { code: 0, stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: `${e.stdout ?? ''}\n${e.stderr ?? ''}` };
  }
}

beforeAll(requireBuild);

it('the three time zones really differ in the spawned processes', async () => {
  // Without this, a TZ that Node ignored would make the comparisons below pass vacuously.
  const offsets = await Promise.all(
    TIME_ZONES.map(async (tz) => {
      const { stdout } = await run(process.execPath, ['-p', 'new Date(2025, 0, 15).getTimezoneOffset()'], {
        env: cliEnv({ TZ: tz }),
      });
      return stdout.trim();
    }),
  );
  // UTC, UTC+9, UTC−8 (PST in January), as minutes west of UTC.
  expect(offsets).toEqual(['0', '-540', '480']);
});

const VARIANTS = [[], ['--period', 'week'], ['--period', 'quarter', '--fiscal-year-start', '4']] as const;
const FILES = ['fixtures/deals.csv', 'fixtures/deals-datetimes-at-boundaries.csv'] as const;

describe.each(FILES)('report %s --format json', (file) => {
  it.each(VARIANTS.map((v) => [v.join(' ') || '(month)', v] as const))(
    '%s: byte-identical stdout in UTC, Asia/Tokyo and America/Los_Angeles',
    async (_label, variant) => {
      const args = ['report', file, '--format', 'json', ...variant];
      const [utc, tokyo, la] = await Promise.all(TIME_ZONES.map((tz) => salesmetrics(args, tz)));
      expect(utc?.code).toBe(0);
      expect(tokyo?.code).toBe(0);
      expect(la?.code).toBe(0);
      expect(utc?.stdout.length).toBeGreaterThan(0);
      expect(tokyo?.stdout).toBe(utc?.stdout);
      expect(la?.stdout).toBe(utc?.stdout);
    },
  );
});

describe('report --format html with targets (a KGI drawn on a date axis)', () => {
  it('is byte-identical in UTC, Asia/Tokyo and America/Los_Angeles', async () => {
    const args = [
      'report',
      'fixtures/deals.csv',
      '--targets',
      'fixtures/targets.yaml',
      '--as-of',
      '2025-12-31',
      '--by',
      'team',
      '--format',
      'html',
    ];
    const [utc, tokyo, la] = await Promise.all(TIME_ZONES.map((tz) => salesmetrics(args, tz)));
    expect(utc?.code).toBe(1); // a KPI fails on the sample as of 2025-12-31
    expect(utc?.stdout).toContain('<svg');
    // The date axis of the KGI chart reads its calendar dates as UTC: the start is the first tick, whatever the zone.
    expect(utc?.stdout).toContain('>2025-04-01</text>');
    expect(tokyo?.stdout).toBe(utc?.stdout);
    expect(la?.stdout).toBe(utc?.stdout);
  }, 120_000);
});

/*
 * fixtures/deals-datetimes-at-boundaries.csv, by the calendar date as written
 * (time and offset ignored):
 *
 *   deal  stage  amount  created     closed      note
 *   T-01  won      1000  2025-03-01  2025-03-31  23:30-08:00 = 2025-04-01 07:30 UTC, 16:30 Tokyo
 *   T-02  won       200  2025-03-15  2025-04-01  00:10 local (no offset) = 03-31 in LA if read as UTC
 *   T-03  won        30  2025-02-10  2025-03-01  00:00+09:00 = 2025-02-28 15:00 UTC
 *   T-04  lost     4000  2025-03-20  2025-03-31  23:59:59, no offset
 *   T-05  won       500  2025-01-05  2025-01-31  23:00-05:00 = 2025-02-01 04:00 UTC
 *   T-06  open     7000  2025-03-31  —           created 20:00-10:00 = 2025-04-01 06:00 UTC
 *   T-07  won     60000  2025-04-01  2025-06-30  created 00:00+14:00 = 03-31 UTC; closed 23:59:59-12:00 = 07-01 UTC
 *   T-08  won        8   2025-03-02  2025-03-30  23:30-08:00 = 2025-03-31 07:30 UTC (a Sunday → a Monday)
 *
 * Window: whole months from 2025-01-05 to 2025-06-30 = 2025-01-01..2025-06-30.
 */
describe('deals-datetimes-at-boundaries.csv: the calendar date as written is the date', () => {
  const FILE = 'fixtures/deals-datetimes-at-boundaries.csv';

  interface Report {
    window: { from: string; to: string };
    totals: Record<string, number | null>;
    periods: { period: string; from: string; to: string; metrics: Record<string, number | null> }[];
  }

  async function reportIn(tz: string, variant: readonly string[]): Promise<Report> {
    const { code, stdout } = await salesmetrics(['report', FILE, '--format', 'json', ...variant], tz);
    expect(code).toBe(0);
    return JSON.parse(stdout) as Report;
  }

  function byPeriod(report: Report, metric: string): Record<string, number | null> {
    return Object.fromEntries(report.periods.map((p) => [p.period, p.metrics[metric] ?? null]));
  }

  it.each(TIME_ZONES)('months under TZ=%s: T-01 (2025-03-31T23:30:00-08:00) counts in March', async (tz) => {
    const report = await reportIn(tz, []);
    expect(report.window).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    // 2025-01: T-05 = 500
    // 2025-02: nothing closed (T-05 is not moved to 02-01, T-03 not to 02-28) = 0
    // 2025-03: T-01 1000 + T-03 30 + T-08 8 = 1038
    // 2025-04: T-02 = 200 (2025-04-01 00:10:00 stays in April)
    // 2025-05: 0
    // 2025-06: T-07 = 60000 (not moved to 07-01, outside the window)
    // total: 500 + 1038 + 200 + 60000 = 61738
    expect(byPeriod(report, 'revenue')).toEqual({
      '2025-01': 500,
      '2025-02': 0,
      '2025-03': 1038,
      '2025-04': 200,
      '2025-05': 0,
      '2025-06': 60000,
    });
    expect(report.totals.revenue).toBe(61738);
    // March: won T-01, T-03, T-08; lost T-04 (2025-03-31 23:59:59).
    expect(byPeriod(report, 'deals_won')['2025-03']).toBe(3);
    expect(byPeriod(report, 'deals_lost')['2025-03']).toBe(1);
    // Open at the end of 2025-03-31: T-02 (closes 04-01) 200 + T-06 (created 03-31) 7000.
    // T-01 and T-04 closed on 03-31, T-07 is created on 04-01: 2 deals, 7200.
    expect(byPeriod(report, 'deals_open')['2025-03']).toBe(2);
    expect(byPeriod(report, 'pipeline_value')['2025-03']).toBe(7200);
  });

  it.each(TIME_ZONES)('fiscal quarters from April under TZ=%s: FY2024-Q4 ends on 2025-03-31', async (tz) => {
    const report = await reportIn(tz, ['--period', 'quarter', '--fiscal-year-start', '4']);
    // FY2024-Q4 = 2025-01-01..2025-03-31 (clipped to the window): 500 + 1038 = 1538
    // FY2025-Q1 = 2025-04-01..2025-06-30: T-02 200 + T-07 60000 = 60200
    expect(report.periods.map((p) => [p.period, p.from, p.to])).toEqual([
      ['FY2024-Q4', '2025-01-01', '2025-03-31'],
      ['FY2025-Q1', '2025-04-01', '2025-06-30'],
    ]);
    expect(byPeriod(report, 'revenue')).toEqual({ 'FY2024-Q4': 1538, 'FY2025-Q1': 60200 });
  });

  it.each(TIME_ZONES)('ISO weeks under TZ=%s: T-08 stays on Sunday 2025-03-30', async (tz) => {
    const report = await reportIn(tz, ['--period', 'week']);
    // 2025-W01 starts Monday 2024-12-30; 2025-03-31 is 2 + 31 + 28 + 30 = 91 = 13 × 7 days later,
    // so W14 = 2025-03-31..04-06 and W13 = 03-24..03-30.
    // W13: T-08 = 8; W14: T-01 (03-31) 1000 + T-02 (04-01) 200 = 1200.
    const w13 = report.periods.find((p) => p.period === '2025-W13');
    const w14 = report.periods.find((p) => p.period === '2025-W14');
    expect(w13).toMatchObject({ from: '2025-03-24', to: '2025-03-30', metrics: { revenue: 8 } });
    expect(w14).toMatchObject({ from: '2025-03-31', to: '2025-04-06', metrics: { revenue: 1200 } });
  });
});
