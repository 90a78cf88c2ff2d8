import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, salesmetrics } from '../helpers/spawn-cli.js';

/** Exit codes of real `salesmetrics check` processes, colour off (tier 3 of the test style). */
beforeAll(requireBuild);

const DEALS = 'fixtures/deals-small.csv';
const AS_OF = ['--as-of', '2025-02-28'];

describe('bin/salesmetrics.js check exit codes', () => {
  it('0 when nothing failed (a warning is allowed)', async () => {
    // win rate 4/6 = 66.7%: ≥ min 0.5, < warn.min 0.7 → warn only
    const r = await salesmetrics(['check', DEALS, '--targets', 'fixtures/targets-kpi-warn-only.yaml', ...AS_OF]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Targets as of 2025-02-28: WARN/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('1 on a warning with --fail-on warn', async () => {
    const r = await salesmetrics([
      'check',
      DEALS,
      '--targets',
      'fixtures/targets-kpi-warn-only.yaml',
      ...AS_OF,
      '--fail-on',
      'warn',
    ]);
    expect(r).toMatchObject({ code: 1, stderr: '' });
  });

  it('1 when a KPI fails', async () => {
    // team=West win rate 1/3 < 0.5 and January revenue 1,000.50 < 1,500 (test/cli/check.test.ts)
    const r = await salesmetrics([
      'check',
      DEALS,
      '--targets',
      'fixtures/targets-q1-on-track-kpis-mixed.yaml',
      ...AS_OF,
      '--format',
      'json',
    ]);
    expect(r).toMatchObject({ code: 1, stderr: '' });
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'fail', summary: { fail: 2 } });
  });

  it('2 for a target-file error, one line per problem and no stack trace', async () => {
    const r = await salesmetrics(['check', DEALS, '--targets', 'fixtures/targets-several-problems.yaml', ...AS_OF]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^salesmetrics: fixtures\/targets-several-problems\.yaml:\d+:\d+: /);
  });

  it('2 wins over 1: an invalid deals row with a failing target', async () => {
    const args = ['check', 'fixtures/deals-invalid-rows.csv', '--targets', 'fixtures/targets-revenue-unreachable.yaml'];
    const r = await salesmetrics([...args, '--as-of', '2024-12-31']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/invalid row/);
    // The target does fail: leaving the invalid rows out gives 1.
    const skipped = await salesmetrics([...args, '--as-of', '2024-12-31', '--skip-invalid']);
    expect(skipped.code).toBe(1);
  });
});
