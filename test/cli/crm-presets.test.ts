import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/*
 * fixtures/crm-same-deals-canonical.csv: ten deals in JPY, written by
 * scripts/make-crm-fixtures.mjs, which also writes the same deals in the shape
 * of each CRM's export. Worked out by hand:
 *
 *   D01 won  1,200,000  Aoba        created 04-01 closed 04-25  cycle 24
 *   D02 lost   800,000  Takahashi   created 04-03 closed 05-09
 *   D03 won    450,000  Aoba        created 04-10 closed 05-20  cycle 20 + 20 = 40
 *   D04 won  2,350,000  Hokuto      created 04-15 closed 05-30  cycle 15 + 30 = 45
 *   D05 won    975,000  Takahashi   created 05-02 closed 06-12  cycle 29 + 12 = 41
 *   D06 lost   300,000  Minamikaze  created 05-10 closed 06-03
 *   D07 won  1,580,000  Hokuto      created 05-21 closed 07-04  cycle 10 + 30 + 4 = 44
 *   D08 open   600,000  Minamikaze  created 06-02 (the exports say expected 07-31)
 *   D09 open 1,100,000  Aoba        created 06-20 (the exports say expected 08-29)
 *   D10 lost   250,000  Shinonome   created 06-25 closed 07-15
 *
 * Window 2025-04-01..2025-07-31 (an open deal's expected close date is no
 * close date, so D09's 08-29 does not stretch it). First won deal per
 * account: Aoba D01 (Apr), Hokuto D04 (May), Takahashi D05 (Jun).
 */
const APR = {
  revenue: 1_200_000,
  deals_won: 1,
  deals_lost: 0,
  deals_open: 3, // D02, D03, D04 at 04-30
  pipeline_value: 3_600_000, // 800,000 + 450,000 + 2,350,000
  win_rate: 1,
  avg_deal_size: 1_200_000,
  sales_cycle_days_mean: 24,
  sales_cycle_days_median: 24,
  new_customers: 1, // Aoba
  customer_retention_rate: null, // nobody bought in March
};
const MAY = {
  revenue: 2_800_000, // D03 + D04
  deals_won: 2,
  deals_lost: 1, // D02
  deals_open: 3, // D05, D06, D07 at 05-31
  pipeline_value: 2_855_000, // 975,000 + 300,000 + 1,580,000
  win_rate: 2 / 3,
  avg_deal_size: 1_400_000,
  sales_cycle_days_mean: 42.5, // (40 + 45) / 2
  sales_cycle_days_median: 42.5,
  new_customers: 1, // Hokuto
  customer_retention_rate: 1, // A(Apr) = {Aoba}, Aoba bought again in May
};
const JUN = {
  revenue: 975_000, // D05
  deals_won: 1,
  deals_lost: 1, // D06
  deals_open: 4, // D07, D08, D09, D10 at 06-30
  pipeline_value: 3_530_000, // 1,580,000 + 600,000 + 1,100,000 + 250,000
  win_rate: 0.5,
  avg_deal_size: 975_000,
  sales_cycle_days_mean: 41,
  sales_cycle_days_median: 41,
  new_customers: 1, // Takahashi
  customer_retention_rate: 0, // A(May) = {Aoba, Hokuto}, A(Jun) = {Takahashi}
};
const JUL = {
  revenue: 1_580_000, // D07
  deals_won: 1,
  deals_lost: 1, // D10
  deals_open: 2, // D08, D09
  pipeline_value: 1_700_000,
  win_rate: 0.5,
  avg_deal_size: 1_580_000,
  sales_cycle_days_mean: 44,
  sales_cycle_days_median: 44,
  new_customers: 0, // Hokuto first bought in May
  customer_retention_rate: 0, // A(Jun) = {Takahashi}, A(Jul) = {Hokuto}
};
const TOTALS = {
  revenue: 6_555_000,
  deals_won: 5,
  deals_lost: 3,
  deals_open: 2,
  pipeline_value: 1_700_000,
  win_rate: 5 / 8,
  avg_deal_size: 1_311_000, // 6,555,000 / 5
  sales_cycle_days_mean: 38.8, // (24 + 40 + 45 + 41 + 44) / 5 = 194 / 5
  sales_cycle_days_median: 41, // 24, 40, 41, 44, 45
  new_customers: 3,
  customer_retention_rate: null, // Dec 2024 – Mar 2025: nobody
};
const PERIODS = [
  { period: '2025-04', from: '2025-04-01', to: '2025-04-30', metrics: APR },
  { period: '2025-05', from: '2025-05-01', to: '2025-05-31', metrics: MAY },
  { period: '2025-06', from: '2025-06-01', to: '2025-06-30', metrics: JUN },
  { period: '2025-07', from: '2025-07-01', to: '2025-07-31', metrics: JUL },
];

const CANONICAL = 'fixtures/crm-same-deals-canonical.csv';

interface Report {
  window: { from: string; to: string };
  inputs: { deals: Record<string, unknown> & { rows: number; used: number; rejected: number } };
  totals: Record<string, unknown>;
  periods: unknown[];
}

async function report(argv: string[]): Promise<{ code: number; doc: Report; stderr: string; stdout: string }> {
  const r = await runCli(['report', ...argv, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return { code: r.code, doc: JSON.parse(r.stdout) as Report, stderr: r.stderr, stdout: r.stdout };
}

/** Lines of stderr naming the preset `name` as a word (`salesforce` is not `salesforce-ja` nor `salesforce.com`). */
function linesNaming(stderr: string, name: string): string[] {
  const word = new RegExp(`(?<![\\w.-])${name.replace(/[-]/g, '\\-')}(?![\\w.-])`);
  return stderr.split('\n').filter((l) => word.test(l));
}

describe('the canonical file', () => {
  it('gives the hand-computed totals and periods, with nothing on stderr', async () => {
    const { doc, stderr } = await report([CANONICAL]);
    expect(stderr).toBe('');
    expect(doc.window).toEqual({ from: '2025-04-01', to: '2025-07-31' });
    expect(doc.totals).toEqual(TOTALS);
    expect(doc.periods).toEqual(PERIODS);
  });

  it('reports UTF-8, no preset and no skipped lines in inputs.deals', async () => {
    const { doc } = await report([CANONICAL]);
    expect(doc.inputs.deals).toMatchObject({
      path: CANONICAL,
      rows: 10,
      used: 10,
      rejected: 0,
      encoding: 'utf8',
      preset: null,
      skipped: { title: 0, footer: 0 },
    });
  });
});

interface ExportCase {
  file: string;
  preset: string;
  encoding: string;
  skipped: { title: number; footer: number };
  /** Flags the export needs besides the preset (Salesforce in en_US writes 4/25/2025). */
  args: string[];
}

const EXPORTS: ExportCase[] = [
  {
    // CP932, Japanese headers, a title line before the header, 3 footer lines after a blank line.
    file: 'fixtures/crm-salesforce-ja-cp932-with-footer.csv',
    preset: 'salesforce-ja',
    encoding: 'cp932',
    skipped: { title: 1, footer: 3 },
    args: [],
  },
  {
    // UTF-8 with BOM, "Grand Totals (10 records)", the notice and the copyright line.
    file: 'fixtures/crm-salesforce-with-footer.csv',
    preset: 'salesforce',
    encoding: 'utf8',
    skipped: { title: 0, footer: 3 },
    args: ['--date-format', 'M/D/YYYY'],
  },
  {
    file: 'fixtures/crm-hubspot-internal-stages.csv',
    preset: 'hubspot',
    encoding: 'utf8',
    skipped: { title: 0, footer: 0 },
    args: [],
  },
  {
    // Deal - Status decides; Deal - Stage says "Negotiations Started" for a won deal.
    file: 'fixtures/crm-pipedrive-status.csv',
    preset: 'pipedrive',
    encoding: 'utf8',
    skipped: { title: 0, footer: 0 },
    args: [],
  },
];

describe.each(EXPORTS)('$file', ({ file, preset, encoding, skipped, args }) => {
  it('gives exactly the totals and periods of the canonical file', async () => {
    const { doc } = await report([file, ...args]);
    expect(doc.window).toEqual({ from: '2025-04-01', to: '2025-07-31' });
    expect(doc.totals).toEqual(TOTALS);
    expect(doc.periods).toEqual(PERIODS);
  });

  it(`is detected as ${preset} without --preset: one line on stderr, stdout holds the JSON alone`, async () => {
    const { stdout, stderr } = await report([file, ...args]);
    const lines = linesNaming(stderr, preset);
    expect(lines, stderr).toHaveLength(1);
    expect(lines[0]).toContain(file);
    for (const other of ['salesforce', 'salesforce-ja', 'hubspot', 'pipedrive'].filter((p) => p !== preset)) {
      expect(linesNaming(stderr, other), stderr).toEqual([]);
    }
    expect(stdout.startsWith('{')).toBe(true);
    expect(() => JSON.parse(stdout) as unknown).not.toThrow();
  });

  it(`reports ${encoding}, the preset and the skipped lines in inputs.deals; rows = used + rejected`, async () => {
    const { doc } = await report([file, ...args]);
    expect(doc.inputs.deals).toMatchObject({ path: file, rows: 10, used: 10, rejected: 0, encoding, preset, skipped });
    expect(doc.inputs.deals.rows).toBe(doc.inputs.deals.used + doc.inputs.deals.rejected);
  });

  it(`gives the same with --preset ${preset}`, async () => {
    const { doc } = await report([file, ...args, '--preset', preset]);
    expect(doc.totals).toEqual(TOTALS);
    expect(doc.periods).toEqual(PERIODS);
  });
});

describe('other encodings of the same deals', () => {
  it('reads UTF-16LE with a BOM (Excel "Unicode text") as the canonical file', async () => {
    const file = 'fixtures/crm-same-deals-utf16le-bom.csv';
    const { doc, stderr } = await report([file]);
    expect(stderr).toBe('');
    expect(doc.totals).toEqual(TOTALS);
    expect(doc.periods).toEqual(PERIODS);
  });

  it('reports utf16le in inputs.deals', async () => {
    const { doc } = await report(['fixtures/crm-same-deals-utf16le-bom.csv']);
    expect(doc.inputs.deals).toMatchObject({ rows: 10, used: 10, rejected: 0, encoding: 'utf16le' });
  });

  it('reads the yen sign CP932 writes as byte 0x5C (¥1,200,000) as a yen amount', async () => {
    // Y1 won ¥1,200,000, Y2 lost ¥300,000, Y3 won ¥2,350,500, all in April 2025.
    const r = await runCli(['report', 'fixtures/crm-salesforce-ja-cp932-yen-sign-5c.csv', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Report;
    expect(doc.totals).toMatchObject({
      revenue: 3_550_500,
      deals_won: 2,
      deals_lost: 1,
      avg_deal_size: 1_775_250,
      new_customers: 2,
    });
  });
});

describe('the Japanese Salesforce export', () => {
  it('reads the owner from 商談 所有者 (with its space) and keeps CP932 names intact', async () => {
    const { doc } = await report(['fixtures/crm-salesforce-ja-cp932-with-footer.csv', '--by', 'owner']);
    const groups = (doc as unknown as { groups: { key: string; totals: Record<string, unknown> }[] }).groups;
    // 佐藤: D01 + D03 + D05 = 1,200,000 + 450,000 + 975,000; 田中: D04 + D07 = 2,350,000 + 1,580,000.
    expect(groups.map((g) => [g.key, g.totals.revenue, g.totals.deals_won, g.totals.deals_lost])).toEqual([
      ['佐藤 遥', 2_625_000, 3, 1],
      ['田中 誠', 3_930_000, 2, 2],
    ]);
  });
});
