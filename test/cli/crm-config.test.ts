import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

interface Report {
  window: { from: string; to: string };
  inputs: { deals: Record<string, unknown> };
  totals: Record<string, unknown>;
  check?: { status: string };
}

async function reportJson(argv: string[], cwd?: string): Promise<{ doc: Report; stderr: string }> {
  const r = await runCli(['report', ...argv, '--format', 'json'], cwd === undefined ? {} : { cwd });
  expect(r.code, r.stderr).toBe(0);
  return { doc: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

/*
 * fixtures/crm-custom-stage-names.csv: a CRM that says Signed and Dropped.
 *   S1 Signed   1,000  A1 created 04-01 closed 04-15  cycle 14
 *   S2 Dropped    400  A2 created 04-02 closed 04-20
 *   S3 Signed   250.5  A2 created 04-10 closed 05-02  cycle 20 + 2 = 22
 *   S4 Proposal   700  A3 created 04-12
 */
const CUSTOM = 'fixtures/crm-custom-stage-names.csv';
const CUSTOM_TOTALS = {
  revenue: 1250.5,
  deals_won: 2,
  deals_lost: 1,
  deals_open: 1, // S4
  pipeline_value: 700,
  win_rate: 2 / 3,
  avg_deal_size: 625.25,
  sales_cycle_days_mean: 18, // (14 + 22) / 2
  sales_cycle_days_median: 18,
  new_customers: 2, // A1 (S1), A2 (S3)
  customer_retention_rate: null,
};

describe('stages: {won, lost} say which stage names close a deal', () => {
  it('without them, Signed and Dropped are open stages', async () => {
    const { doc } = await reportJson([CUSTOM]);
    expect([doc.totals.deals_won, doc.totals.deals_lost, doc.totals.deals_open, doc.totals.revenue]).toEqual([
      0, 0, 4, 0,
    ]);
  });

  it('from --config', async () => {
    const { doc } = await reportJson([CUSTOM, '--config', 'fixtures/crm-config-custom-stage-names.yaml']);
    expect(doc.window).toEqual({ from: '2025-04-01', to: '2025-05-31' });
    expect(doc.totals).toEqual(CUSTOM_TOTALS);
  });

  it('from salesmetrics.config.yaml in the working directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'salesmetrics-config-'));
    writeFileSync(
      join(dir, 'salesmetrics.config.yaml'),
      readFileSync(join(ROOT, 'fixtures/crm-config-custom-stage-names.yaml')),
    );
    writeFileSync(join(dir, 'deals.csv'), readFileSync(join(ROOT, CUSTOM)));
    const { doc } = await reportJson(['deals.csv'], dir);
    expect(doc.totals).toEqual(CUSTOM_TOTALS);
  });

  it("from the target file's deals: section", async () => {
    const { doc } = await reportJson([
      CUSTOM,
      '--targets',
      'fixtures/crm-targets-with-deals-section.yaml',
      '--as-of',
      '2025-05-31',
    ]);
    expect(doc.totals).toEqual(CUSTOM_TOTALS);
    expect(doc.check?.status).toBe('pass'); // win rate 2/3 ≥ 0.5
  });

  it("from the target file's deals: section in check too", async () => {
    const r = await runCli([
      'check',
      CUSTOM,
      '--targets',
      'fixtures/crm-targets-with-deals-section.yaml',
      '--as-of',
      '2025-05-31',
    ]);
    expect(r.code, r.stderr).toBe(0); // without the section every deal is open: no win rate, no pass
  });
});

describe('--map wins over the config file', () => {
  // The Maven export: the config maps created_date to engage_date; --map points it at close_date
  // instead, so every won deal takes 0 days and the window starts with the first close (2017-03-01).
  it('for one run', async () => {
    const { doc } = await reportJson([
      'fixtures/maven-crm/sales_pipeline.csv',
      '--config',
      'fixtures/maven-crm/salesmetrics.config.yaml',
      '--map',
      'created_date=close_date',
    ]);
    expect(doc.window).toEqual({ from: '2017-03-01', to: '2017-12-31' });
    expect(doc.totals).toMatchObject({
      revenue: 10_005_534,
      deals_won: 4238,
      sales_cycle_days_mean: 0,
      sales_cycle_days_median: 0,
    });
  });
});

describe('preset and encoding from the config file', () => {
  async function runInDir(): Promise<Report> {
    const dir = mkdtempSync(join(tmpdir(), 'salesmetrics-config-'));
    writeFileSync(
      join(dir, 'salesmetrics.config.yaml'),
      'version: 1\ndeals:\n  preset: salesforce-ja\n  encoding: cp932\n',
    );
    writeFileSync(join(dir, 'deals.csv'), readFileSync(join(ROOT, 'fixtures/crm-salesforce-ja-cp932-with-footer.csv')));
    return (await reportJson(['deals.csv'], dir)).doc;
  }

  it('preset: and encoding: read the CP932 Japanese export as the flags would', async () => {
    // The ten deals of fixtures/crm-same-deals-canonical.csv (see crm-presets.test.ts).
    expect((await runInDir()).totals).toMatchObject({ revenue: 6_555_000, deals_won: 5, deals_lost: 3, deals_open: 2 });
  });

  it('and inputs.deals says so', async () => {
    expect((await runInDir()).inputs.deals).toMatchObject({ encoding: 'cp932', preset: 'salesforce-ja' });
  });
});
