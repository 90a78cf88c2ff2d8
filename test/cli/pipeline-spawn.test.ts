import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * A real `salesmetrics pipeline` process (tier 3 of the test style): the
 * command's module is loaded lazily from dist/, stdout stays clean JSON while
 * the notes go to stderr, and a bad option exits 2.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'salesmetrics.js');

function salesmetrics(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LC_ALL: 'C', LANG: 'C' };
  delete env.FORCE_COLOR;
  return new Promise((resolve, reject) => {
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

describe('bin/salesmetrics.js pipeline', () => {
  it('prints JSON on stdout and its notes on stderr, exit 0', async () => {
    const r = await salesmetrics(['pipeline', 'fixtures/deals.csv', '--as-of', '2026-03-31', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { schemaVersion: number; totals: { deals: number; amount: number } };
    // 40 open deals worth 107,110,000: the report's deals_open and pipeline_value on 2026-03-31.
    expect(json).toMatchObject({ schemaVersion: 1, totals: { deals: 40, amount: 107110000 } });
    expect(r.stderr).toMatch(/^salesmetrics: fixtures\/deals\.csv: no stages in the config;/);
  });

  it('exits 2 on a bad option', async () => {
    const r = await salesmetrics(['pipeline', 'fixtures/deals.csv', '--horizon', 'x']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });
});
