import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, salesmetrics } from '../helpers/spawn-cli.js';

/**
 * Real `salesmetrics abtest` and `cohorts` processes (tier 3): the built
 * command loads the @stdlib distribution packages (CommonJS) from ES
 * modules, as installed, not through the test runner's module loader.
 */
beforeAll(requireBuild);

describe('bin/salesmetrics.js abtest and cohorts', () => {
  it('abtest: the published figures of the pitch fixture, from the built command', async () => {
    const r = await salesmetrics([
      'abtest',
      'fixtures/deals-abtest-pitch.csv',
      '--variant',
      'pitch',
      '--control',
      'old',
      '--from',
      '2025-01-01',
      '--format',
      'json',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const doc = JSON.parse(r.stdout) as {
      comparisons: {
        win_rate: { low: number; high: number; pValue: number };
        sales_cycle_days_mean: { pValue: number };
      }[];
    };
    const c = doc.comparisons[0];
    // Newcombe (1998) example (a): 0.0524 .. 0.3339; z-test p = 2Φ(−2.650172) = 0.0080451;
    // Welch on the cycles: R's p-value 0.08356.
    expect(c?.win_rate.low).toBeCloseTo(0.0524, 4);
    expect(c?.win_rate.high).toBeCloseTo(0.3339, 4);
    expect(c?.win_rate.pValue).toBeCloseTo(0.0080451, 7);
    expect(c?.sales_cycle_days_mean.pValue).toBeCloseTo(0.08356, 5);
  });

  it('cohorts: exit 0 and the triangle', async () => {
    const r = await salesmetrics([
      'cohorts',
      'fixtures/deals-cohorts.csv',
      '--from',
      '2025-01-01',
      '--to',
      '2025-04-30',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('│ 2025-01 │        2 │ 100.0% │  50.0% │ 50.0% │ 50.0% │');
  });
});
