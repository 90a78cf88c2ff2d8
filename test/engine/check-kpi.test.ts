import { describe, expect, it } from 'vitest';
import {
  evaluateKpi,
  type KpiCell,
  type KpiSpec,
  kpiStatus,
  overallStatus,
  summarize,
} from '../../src/engine/index.js';
import { deal, range, run } from './deal-builder.js';

/** A KPI spec with the defaults of the target file (each_period false, when_missing fail). */
function spec(s: Partial<KpiSpec> & Pick<KpiSpec, 'metric'>): KpiSpec {
  return { id: 'k', eachPeriod: false, whenMissing: 'fail', ...s };
}

describe('kpiStatus: bounds are inclusive', () => {
  // min 10, max 20, no warning bounds.
  const fence = spec({ metric: 'deals_won', min: 10, max: 20 });

  it.each([
    [10, 'pass'], // == min
    [20, 'pass'], // == max
    [15, 'pass'],
    [10 - 1e-9, 'fail'], // min − ε
    [20 + 1e-9, 'fail'], // max + ε
    [9, 'fail'],
    [21, 'fail'],
  ] as const)('%s against [10, 20] is %s', (value, status) => {
    expect(kpiStatus(fence, value)).toEqual({ status, severity: status });
  });

  // min 10 (fail), warn below 12 and above 18, max 20 (fail).
  const banded = spec({ metric: 'deals_won', min: 10, max: 20, warn: { min: 12, max: 18 } });

  it.each([
    [12, 'pass'], // == warn.min
    [18, 'pass'], // == warn.max
    [12 - 1e-9, 'warn'], // warn.min − ε
    [18 + 1e-9, 'warn'], // warn.max + ε
    [10, 'warn'], // == min: not failing, but below warn.min
    [20, 'warn'], // == max: not failing, but above warn.max
    [10 - 1e-9, 'fail'], // min − ε: failing wins over warning
    [20 + 1e-9, 'fail'],
  ] as const)('%s against fail [10, 20] / warn [12, 18] is %s', (value, status) => {
    expect(kpiStatus(banded, value)).toEqual({ status, severity: status });
  });

  it('a rate exactly on a decimal bound passes: 3 won of 10 closed is 30%, bound 0.3', () => {
    // 3 / (3 + 7) is the double nearest 0.3, the same double as the literal 0.3.
    const rate = spec({ metric: 'win_rate', min: 0.3, warn: { min: 0.3 } });
    expect(kpiStatus(rate, 3 / (3 + 7))).toEqual({ status: 'pass', severity: 'pass' });
  });

  it('min only and max only', () => {
    const atLeast = spec({ metric: 'win_rate', min: 0.25 });
    expect(kpiStatus(atLeast, 0.25).status).toBe('pass');
    expect(kpiStatus(atLeast, 1).status).toBe('pass');
    expect(kpiStatus(atLeast, 0.2499).status).toBe('fail');
    const atMost = spec({ metric: 'sales_cycle_days_median', max: 45 });
    expect(kpiStatus(atMost, 45).status).toBe('pass');
    expect(kpiStatus(atMost, 0).status).toBe('pass');
    expect(kpiStatus(atMost, 45.5).status).toBe('fail');
  });

  it('warning bounds alone: warn outside them, never fail', () => {
    const soft = spec({ metric: 'win_rate', warn: { min: 0.3 } });
    expect(kpiStatus(soft, 0)).toEqual({ status: 'warn', severity: 'warn' });
    expect(kpiStatus(soft, 0.3)).toEqual({ status: 'pass', severity: 'pass' });
  });

  it.each(['fail', 'warn', 'pass'] as const)('a null value is no_data, counted as when_missing %s says', (w) => {
    expect(kpiStatus(spec({ metric: 'win_rate', min: 0.25, whenMissing: w }), null)).toEqual({
      status: 'no_data',
      severity: w,
    });
  });
});

/*
 * A small report: window 2025-01-01..2025-02-28, months, by team.
 *
 * id  status team   closed      amount
 * E1  won    East   2025-01-10  100
 * E2  lost   East   2025-01-20
 * E3  won    East   2025-02-05  300
 * W1  lost   West   2025-01-15
 * W2  won    West   2025-02-10  200
 * W3  lost   West   2025-02-20
 * W4  lost   West   2025-02-25
 * N1  won    North  2025-02-12   50
 *
 * win_rate = won / (won + lost):
 *            Jan            Feb                  window
 *   all      1/3 (E1; E2,W1) 3/5 (E3,W2,N1; W3,W4) 4/8 = 0.5
 *   East     1/2             1/1                  2/3
 *   North    none → null     1/1                  1/1
 *   West     0/1             1/3                  1/4 = 0.25
 * revenue:   Jan 100, Feb 300 + 200 + 50 = 550, window 650.
 * Groups come sorted by key: East, North, West.
 */
const DEALS = [
  deal({ id: 'E1', status: 'won', team: 'East', closed: '2025-01-10', amount: '100' }),
  deal({ id: 'E2', status: 'lost', team: 'East', closed: '2025-01-20', amount: '0' }),
  deal({ id: 'E3', status: 'won', team: 'East', closed: '2025-02-05', amount: '300' }),
  deal({ id: 'W1', status: 'lost', team: 'West', closed: '2025-01-15', amount: '0' }),
  deal({ id: 'W2', status: 'won', team: 'West', closed: '2025-02-10', amount: '200' }),
  deal({ id: 'W3', status: 'lost', team: 'West', closed: '2025-02-20', amount: '0' }),
  deal({ id: 'W4', status: 'lost', team: 'West', closed: '2025-02-25', amount: '0' }),
  deal({ id: 'N1', status: 'won', team: 'North', closed: '2025-02-12', amount: '50' }),
];
const WINDOW = range('2025-01-01', '2025-02-28');
const byTeam = run(DEALS, { window: WINDOW, by: 'team' });
const whole = run(DEALS, { window: WINDOW });

/** The cell fields that do not depend on where it was checked. */
function cellOf(
  s: KpiSpec,
  group: string | null,
  period: string | null,
  actual: number | null,
  status: KpiCell['status'],
  severity: KpiCell['severity'] = status === 'no_data' ? s.whenMissing : status,
): KpiCell {
  return {
    id: s.id,
    metric: s.metric,
    by: s.by ?? null,
    group,
    period,
    actual,
    min: s.min ?? null,
    max: s.max ?? null,
    warnMin: s.warn?.min ?? null,
    warnMax: s.warn?.max ?? null,
    status,
    severity,
  };
}

describe('evaluateKpi', () => {
  it('checks the whole window once without by or each_period', () => {
    // 4 won / 8 closed = 0.5: equal to min passes.
    const s = spec({ id: 'win', metric: 'win_rate', min: 0.5 });
    expect(evaluateKpi(s, whole)).toEqual([cellOf(s, null, null, 0.5, 'pass')]);
  });

  it('each_period checks every period of the window', () => {
    // revenue Jan 100 < 200 fails; Feb 550 ≤ 600 passes.
    const s = spec({ id: 'rev', metric: 'revenue', min: 200, max: 600, eachPeriod: true });
    expect(evaluateKpi(s, whole)).toEqual([
      cellOf(s, null, '2025-01', 100, 'fail'),
      cellOf(s, null, '2025-02', 550, 'pass'),
    ]);
  });

  it('by checks every group over the window; 0.25 on min 0.25 passes', () => {
    const s = spec({ id: 'team-win', metric: 'win_rate', min: 0.25, by: 'team' });
    expect(evaluateKpi(s, byTeam)).toEqual([
      cellOf(s, 'East', null, 2 / 3, 'pass'),
      cellOf(s, 'North', null, 1, 'pass'),
      cellOf(s, 'West', null, 0.25, 'pass'),
    ]);
    // Just above West's 0.25 it fails.
    const stricter = spec({ id: 'team-win', metric: 'win_rate', min: 0.26, by: 'team' });
    expect(evaluateKpi(stricter, byTeam).map((c) => c.status)).toEqual(['pass', 'pass', 'fail']);
  });

  it('by and each_period check every group in every period', () => {
    // min 0.25, warn below 0.5; North has nothing closed in January.
    const s = spec({
      id: 'team-month-win',
      metric: 'win_rate',
      min: 0.25,
      warn: { min: 0.5 },
      by: 'team',
      eachPeriod: true,
      whenMissing: 'warn',
    });
    const cells = evaluateKpi(s, byTeam);
    expect(cells).toEqual([
      cellOf(s, 'East', '2025-01', 0.5, 'pass'), // == warn.min
      cellOf(s, 'East', '2025-02', 1, 'pass'),
      cellOf(s, 'North', '2025-01', null, 'no_data', 'warn'),
      cellOf(s, 'North', '2025-02', 1, 'pass'),
      cellOf(s, 'West', '2025-01', 0, 'fail'),
      cellOf(s, 'West', '2025-02', 1 / 3, 'warn'), // ≥ 0.25 but < 0.5
    ]);
    // 3 pass, 1 warn, 1 fail, 1 no_data; the worst severity is fail.
    expect(summarize(cells)).toEqual({ pass: 3, warn: 1, fail: 1, no_data: 1 });
    expect(overallStatus(cells, [])).toBe('fail');
  });

  it.each([
    ['fail', 'fail'],
    ['warn', 'warn'],
    ['pass', 'pass'],
  ] as const)('when_missing %s: the empty North January cell counts as %s', (whenMissing, overall) => {
    // Only North, each period: January null (no_data), February 1/1 passes.
    const s = spec({ id: 'north', metric: 'win_rate', min: 0.25, by: 'team', eachPeriod: true, whenMissing });
    const north = evaluateKpi(s, byTeam).filter((c) => c.group === 'North');
    expect(north).toEqual([
      cellOf(s, 'North', '2025-01', null, 'no_data', whenMissing),
      cellOf(s, 'North', '2025-02', 1, 'pass'),
    ]);
    // no_data is counted as no_data in the summary, whatever it weighs.
    expect(summarize(north)).toEqual({ pass: 1, warn: 0, fail: 0, no_data: 1 });
    expect(overallStatus(north, [])).toBe(overall);
  });

  it('overallStatus: warn when the worst is a warning, pass when nothing warns', () => {
    const s = spec({ id: 'win', metric: 'win_rate', min: 0.25, warn: { min: 0.6 } });
    // window 0.5: ≥ 0.25, < 0.6 → warn
    const warned = evaluateKpi(s, whole);
    expect(warned.map((c) => c.status)).toEqual(['warn']);
    expect(overallStatus(warned, [])).toBe('warn');
    expect(overallStatus([], [])).toBe('pass');
  });
});
