import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, salesmetrics } from '../helpers/spawn-cli.js';

/**
 * A real `salesmetrics pipeline` process (tier 3 of the test style): the
 * command's module is loaded lazily from dist/, stdout stays clean JSON while
 * the notes go to stderr, and a bad option exits 2.
 */
beforeAll(requireBuild);

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
