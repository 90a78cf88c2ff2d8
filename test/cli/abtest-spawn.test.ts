import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Real `salesmetrics abtest` and `cohorts` processes (tier 3): the built
 * command loads the @stdlib distribution packages (CommonJS) from ES
 * modules, as installed, not through the test runner's module loader.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'salesmetrics.js');

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function salesmetrics(args: readonly string[]): Promise<Ran> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LC_ALL: 'C', LANG: 'C' };
  delete env.FORCE_COLOR;
  return new Promise<Ran>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/cli/main.js does not exist: run npm run build first (these tests spawn bin/salesmetrics.js)');
  }
});

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
