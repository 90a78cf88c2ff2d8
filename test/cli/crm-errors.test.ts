import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/run-cli.js';

interface Report {
  window: { from: string; to: string };
  inputs: { deals: Record<string, unknown> };
  totals: Record<string, unknown>;
  periods: { period: string; metrics: Record<string, unknown> }[];
  groups: {
    by: string;
    key: string;
    totals: Record<string, unknown>;
    periods: { metrics: Record<string, unknown> }[];
  }[];
}

interface JsonError {
  error: { kind: string; code: string; message: string; file?: string; path?: string; line?: number };
}

async function reportJson(argv: string[], cwd?: string): Promise<{ doc: Report; stderr: string }> {
  const r = await runCli(['report', ...argv, '--format', 'json'], cwd === undefined ? {} : { cwd });
  expect(r.code, r.stderr).toBe(0);
  return { doc: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'salesmetrics-crm-'));
}

/** stderr's lines, without the empty one after the last newline. */
function linesOf(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l !== '');
}

describe('a missing column', () => {
  // fixtures/crm-missing-deal-id-column.csv: "Opp Id" instead of deal_id. OP-1 won 1,200, OP-2 lost, OP-3 open.
  const FILE = 'fixtures/crm-missing-deal-id-column.csv';

  it('names the field, lists the headers found, and prints the --map flag and the config lines', async () => {
    const r = await runCli(['report', FILE]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = linesOf(r.stderr);
    expect(lines).toHaveLength(1);
    const message = lines[0] ?? '';
    expect(message).toContain(FILE);
    expect(message).toContain('deal_id');
    for (const header of ['Opp Id', 'Stage', 'Amount', 'Created Date', 'Close Date']) expect(message).toContain(header);
    expect(message).toContain("--map deal_id='Opp Id'");
    expect(message).toContain('salesmetrics.config.yaml');
    expect(message).toMatch(/columns:.*deal_id: "?Opp Id"?/);
  });

  it('is JSON on stdout with --format json', async () => {
    const r = await runCli(['report', FILE, '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as JsonError;
    expect(doc.error).toMatchObject({ kind: 'input', code: 'missing_column', file: FILE });
  });

  it('is fixed by the --map flag it prints', async () => {
    const r = await runCli(['report', FILE]);
    const flags = [...r.stderr.matchAll(/--map (\w+)='([^']*)'/g)].flatMap((m) => ['--map', `${m[1]}=${m[2]}`]);
    expect(flags).toEqual(['--map', 'deal_id=Opp Id']);
    const { doc } = await reportJson([FILE, ...flags]);
    expect([doc.totals.revenue, doc.totals.deals_won, doc.totals.deals_lost, doc.totals.deals_open]).toEqual([
      1200, 1, 1, 1,
    ]);
  });

  it('is fixed by the config lines it prints, in salesmetrics.config.yaml', async () => {
    const r = await runCli(['report', FILE]);
    const snippet = /deals:\s*\{\s*columns:\s*\{[^}]*\}\s*\}/.exec(r.stderr)?.[0];
    expect(snippet).toBeDefined();
    const dir = tempDir();
    writeFileSync(join(dir, 'salesmetrics.config.yaml'), `version: 1\n${snippet ?? ''}\n`);
    writeFileSync(join(dir, 'deals.csv'), readFileSync(join(ROOT, FILE)));
    const { doc } = await reportJson(['deals.csv'], dir);
    expect([doc.totals.revenue, doc.totals.deals_won]).toEqual([1200, 1]);
  });

  it('names a mapped header that is not in the file', async () => {
    const r = await runCli(['report', FILE, '--map', 'deal_id=Opportunity Number']);
    expect(r.code).toBe(2);
    const lines = linesOf(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('Opportunity Number');
    expect(lines[0]).toContain('deal_id');
    expect(lines[0]).toContain('Opp Id');
  });
});

describe('dates that could be month-first or day-first', () => {
  // fixtures/crm-dates-month-first.csv, read month-first:
  //   M1 won 1,000    created 03-02 closed 04-05  cycle 30 + 4 = 34
  //   M2 lost  500    created 03-10 closed 05-01
  //   M3 won  250.75  created 04-01 closed 06-12  cycle 29 + 31 + 12 = 72
  const FILE = 'fixtures/crm-dates-month-first.csv';
  const expectMonthFirst = (doc: Report): void => {
    expect(doc.window).toEqual({ from: '2025-03-01', to: '2025-06-30' });
    expect(doc.periods.map((p) => [p.period, p.metrics.revenue, p.metrics.deals_won, p.metrics.deals_lost])).toEqual([
      ['2025-03', 0, 0, 0],
      ['2025-04', 1000, 1, 0],
      ['2025-05', 0, 0, 1],
      ['2025-06', 250.75, 1, 0],
    ]);
    expect(doc.totals).toMatchObject({
      revenue: 1250.75,
      deals_won: 2,
      deals_lost: 1,
      win_rate: 2 / 3,
      avg_deal_size: 625.38, // 625.375, half away from zero
      sales_cycle_days_mean: 53, // (34 + 72) / 2
    });
  };

  it('are an error without --date-format: exit 2, one line that says to pass --date-format', async () => {
    const r = await runCli(['report', FILE]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = linesOf(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${FILE}:2`);
    expect(lines[0]).toContain('--date-format');
    const json = await runCli(['report', FILE, '--format', 'json']);
    expect(json.code).toBe(2);
    expect((JSON.parse(json.stdout) as JsonError).error).toMatchObject({ kind: 'input', file: FILE, line: 2 });
  });

  it('are read month-first with --date-format MM/DD/YYYY', async () => {
    expectMonthFirst((await reportJson([FILE, '--date-format', 'MM/DD/YYYY'])).doc);
  });

  it('are read month-first with date_format in the config file', async () => {
    expectMonthFirst((await reportJson([FILE, '--config', 'fixtures/crm-config-month-first-dates.yaml'])).doc);
  });

  it('are read day-first with --date-format DD/MM/YYYY', async () => {
    // Day-first, M2 was created 3 Oct and closed 5 Jan: a close date before the created date.
    const r = await runCli(['report', FILE, '--date-format', 'DD/MM/YYYY', '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { error: { count: number; rows: { line: number; code: string }[] } };
    expect(doc.error.count).toBe(1);
    expect(doc.error.rows).toMatchObject([{ line: 3, code: 'close_before_created' }]);
  });

  it('--date-format without a year is a usage error, exit 2', async () => {
    const r = await runCli(['report', FILE, '--date-format', 'MM/DD']);
    expect(r.code).toBe(2);
    expect(linesOf(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain('--date-format');
  });
});

describe('the config file', () => {
  const DEALS = 'fixtures/crm-same-deals-canonical.csv';

  it.each([
    ['fixtures/crm-config-won-not-a-list.yaml', 'schema', 'deals.stages.won'],
    ['fixtures/crm-config-unknown-key.yaml', 'schema', 'deals'],
    ['fixtures/crm-config-bad-date-format.yaml', 'bad_date_format', 'deals.date_format'],
  ])('%s: exit 2, one line naming the file and the YAML path', async (config, code, path) => {
    const r = await runCli(['report', DEALS, '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = linesOf(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(config);
    expect(lines[0]).toContain(`${path}:`);
    const json = await runCli(['report', DEALS, '--config', config, '--format', 'json']);
    expect((JSON.parse(json.stdout) as JsonError).error).toMatchObject({ kind: 'config', code, file: config, path });
  });

  it('names the unknown key', async () => {
    const r = await runCli(['report', DEALS, '--config', 'fixtures/crm-config-unknown-key.yaml']);
    expect(r.stderr).toContain('colums');
  });

  it('with a YAML syntax error: exit 2, the file and line', async () => {
    const config = 'fixtures/crm-config-yaml-syntax-error.yaml';
    const r = await runCli(['report', DEALS, '--config', config, '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as JsonError;
    expect(doc.error).toMatchObject({ kind: 'config', file: config });
    expect(doc.error.line).toBeGreaterThanOrEqual(4);
  });

  it('a bad salesmetrics.config.yaml in the working directory is an error too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'salesmetrics.config.yaml'), 'version: 1\ndeals:\n  decimal_comma: yes please\n');
    writeFileSync(join(dir, 'deals.csv'), readFileSync(join(ROOT, DEALS)));
    const r = await runCli(['report', 'deals.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('salesmetrics.config.yaml');
    expect(r.stderr).toContain('deals.decimal_comma');
  });

  it('--config naming a missing file: exit 2, the file named', async () => {
    const r = await runCli(['report', DEALS, '--config', 'fixtures/no-such-config.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = linesOf(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('fixtures/no-such-config.yaml');
    const json = await runCli(['report', DEALS, '--config', 'fixtures/no-such-config.yaml', '--format', 'json']);
    expect((JSON.parse(json.stdout) as JsonError).error).toMatchObject({ code: 'file_not_found' });
  });
});

describe('several currencies', () => {
  /*
   * fixtures/crm-mixed-currencies.csv:
   *   C1 won  $1,234.50  USD  A1  closed 04-20
   *   C2 won  ¥1,200,000 JPY  A2  closed 04-28
   *   C3 lost $500.00    USD  A3  closed 05-10
   *   C4 won  $10.00     USD  A1  closed 05-15
   *   C5 open ¥300,000   JPY  A4
   */
  const FILE = 'fixtures/crm-mixed-currencies.csv';

  it('are never summed: a warning, money metrics null in the totals, given per currency', async () => {
    const { doc, stderr } = await reportJson([FILE]);
    const warnings = linesOf(stderr).filter((l) => /warning/i.test(l));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('USD');
    expect(warnings[0]).toContain('JPY');
    expect(doc.totals).toMatchObject({
      revenue: null,
      pipeline_value: null,
      avg_deal_size: null,
      deals_won: 3,
      deals_lost: 1,
      deals_open: 1,
      win_rate: 0.75,
    });
    const byCurrency = Object.fromEntries(doc.groups.filter((g) => g.by === 'currency').map((g) => [g.key, g]));
    expect(Object.keys(byCurrency).sort()).toEqual(['JPY', 'USD']);
    expect(byCurrency.JPY?.totals).toMatchObject({
      revenue: 1_200_000,
      deals_won: 1,
      deals_lost: 0,
      deals_open: 1,
      pipeline_value: 300_000,
      avg_deal_size: 1_200_000,
    });
    expect(byCurrency.USD?.totals).toMatchObject({
      revenue: 1244.5, // 1,234.50 + 10.00
      deals_won: 2,
      deals_lost: 1,
      deals_open: 0,
      pipeline_value: 0,
      avg_deal_size: 622.25,
      win_rate: 2 / 3,
    });
    expect(byCurrency.USD?.periods.map((p) => p.metrics.revenue)).toEqual([1234.5, 10]);
  });

  it('are converted exactly with --rates: USD 10.00 at 150.5 is ¥1,505', async () => {
    // fixtures/crm-rates-usd-to-jpy.csv: USD,150.5. C1 1,234.50 × 150.5 = 185,792.25; C4 10.00 × 150.5 = 1,505.
    const { doc, stderr } = await reportJson([
      FILE,
      '--rates',
      'fixtures/crm-rates-usd-to-jpy.csv',
      '--currency',
      'JPY',
    ]);
    expect(stderr).not.toMatch(/warning/i);
    expect(doc.periods.map((p) => [p.period, p.metrics.revenue])).toEqual([
      ['2025-04', 1_385_792.25], // 185,792.25 + 1,200,000
      ['2025-05', 1505],
    ]);
    expect(doc.totals).toMatchObject({
      revenue: 1_387_297.25,
      pipeline_value: 300_000, // C5, already JPY
      avg_deal_size: 462_432.42, // 1,387,297.25 / 3 = 462,432.4166…
      deals_won: 3,
      deals_lost: 1,
    });
    expect(doc.groups).toEqual([]);
  });

  it('a currency missing from the rates file rejects its rows, exit 2', async () => {
    const r = await runCli([
      'report',
      FILE,
      '--rates',
      'fixtures/crm-rates-without-usd.csv',
      '--currency',
      'JPY',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as {
      error: { code: string; count: number; rows: { line: number; column: string; value: string; code: string }[] };
    };
    expect(doc.error.code).toBe('invalid_rows');
    expect(doc.error.count).toBe(3);
    expect(doc.error.rows.map((p) => [p.line, p.column, p.value, p.code])).toEqual([
      [2, 'currency', 'USD', 'no_rate'],
      [4, 'currency', 'USD', 'no_rate'],
      [5, 'currency', 'USD', 'no_rate'],
    ]);
    expect(r.stderr).toContain('USD');
  });

  it('--rates without --currency is a usage error', async () => {
    const r = await runCli(['report', FILE, '--rates', 'fixtures/crm-rates-usd-to-jpy.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--currency');
  });
});

describe('--decimal-comma', () => {
  // fixtures/crm-amounts-decimal-comma.csv: won 1.234,56 + € 2.000,05 + 12,5 = 3,247.11; lost 999,99.
  const FILE = 'fixtures/crm-amounts-decimal-comma.csv';

  it('reads 1.234,56 exactly', async () => {
    const { doc } = await reportJson([FILE, '--decimal-comma']);
    expect(doc.totals).toMatchObject({
      revenue: 3247.11,
      deals_won: 3,
      deals_lost: 1,
      avg_deal_size: 1082.37, // 3,247.11 / 3
    });
  });

  it('is the same as decimal_comma: true in the config file', async () => {
    const { doc } = await reportJson([FILE, '--config', 'fixtures/crm-config-decimal-comma.yaml']);
    expect(doc.totals).toMatchObject({ revenue: 3247.11, avg_deal_size: 1082.37 });
  });

  it('without it, those amounts are rejected rows', async () => {
    const r = await runCli(['report', FILE, '--format', 'json']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.stdout) as { error: { count: number; rows: { line: number; code: string }[] } };
    expect(doc.error.count).toBe(4);
    expect(doc.error.rows.map((p) => [p.line, p.code])).toEqual([
      [2, 'bad_amount'],
      [3, 'bad_amount'],
      [4, 'bad_amount'],
      [5, 'bad_amount'],
    ]);
  });
});

describe('encodings on the command line', () => {
  const JA = 'fixtures/crm-salesforce-ja-cp932-with-footer.csv';

  it('--encoding cp932 reads the CP932 export and says so in inputs.deals', async () => {
    const { doc } = await reportJson([JA, '--encoding', 'cp932']);
    expect(doc.totals.revenue).toBe(6_555_000);
    expect(doc.inputs.deals).toMatchObject({ encoding: 'cp932' });
  });

  it('--encoding utf8 on the CP932 export: exit 2, one line suggesting --encoding cp932', async () => {
    const r = await runCli(['report', JA, '--encoding', 'utf8']);
    expect(r.code).toBe(2);
    const lines = linesOf(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(JA);
    expect(lines[0]).toContain('--encoding cp932');
  });

  it('an unknown --encoding is a usage error', async () => {
    const r = await runCli(['report', JA, '--encoding', 'latin1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--encoding');
  });

  it('an invalid byte after the first 64 KiB: exit 2, one line with the file and its line', async () => {
    // 2,000 rows of 55 bytes; row 1,500 (line 1,501, ~82 KB in) has "Café" with é as the Latin-1 byte 0xE9.
    const rows = ['deal_id,account_name,stage,amount,close_date'];
    for (let i = 1; i <= 2000; i++) {
      rows.push(
        `D${String(i).padStart(5, '0')},${i === 1500 ? 'Caf\u00e9 Oslo' : '株式会社みなと'},Closed Won,100,2025-04-20`,
      );
    }
    const utf8 = Buffer.from(rows.join('\n') + '\n', 'utf8');
    const at = utf8.indexOf(Buffer.from('Caf\u00e9', 'utf8'));
    expect(at).toBeGreaterThan(65_536);
    const dir = tempDir();
    writeFileSync(
      join(dir, 'deals.csv'),
      Buffer.concat([utf8.subarray(0, at + 3), Buffer.from([0xe9]), utf8.subarray(at + 5)]),
    );
    const r = await runCli(['report', 'deals.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = linesOf(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('deals.csv:1501');
    expect(lines[0]).toContain('--encoding cp932');
  });
});

describe('the Maven Analytics CRM export (fixtures/maven-crm)', () => {
  /*
   * Worked out from the file with awk, independently of salesmetrics:
   *   tr -d '\r' < sales_pipeline.csv | awk -F, 'NR>1 { n[$5]++; if ($5 == "Won") rev += $8 } …'
   *   → Won 4238, Lost 2473, Engaging 1589, Prospecting 500; revenue (close_value of Won) 10005534.
   *   engage_date spans 2016-10-20..2017-12-27, close_date 2017-03-01..2017-12-31:
   *   the window is 2016-10-01..2017-12-31.
   *   No won or lost deal closes before it was engaged; no id repeats; every row has 8 fields.
   *   Sales cycle (close_date − engage_date over Won, with python's date arithmetic):
   *   sum 219,452 days over 4,238 deals, median 57.
   *   Open at 2017-12-31: the 1,589 Engaging deals and the 500 Prospecting ones (no engage_date: open
   *   from before any period), none with a close_value.
   */
  const DIR = join(ROOT, 'fixtures/maven-crm');
  const FILE = 'fixtures/maven-crm/sales_pipeline.csv';
  const CONFIG = 'fixtures/maven-crm/salesmetrics.config.yaml';
  const TOTALS = {
    revenue: 10_005_534,
    deals_won: 4238,
    deals_lost: 2473,
    deals_open: 2089,
    pipeline_value: 0,
    win_rate: 4238 / 6711,
    avg_deal_size: 2360.91, // 10,005,534 / 4,238 = 2,360.9093…
    sales_cycle_days_median: 57,
  };

  it('is the file as shipped: byte for byte, CRLF, 8,800 rows', () => {
    const bytes = readFileSync(join(ROOT, FILE));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      '825ce8f6c32d4009548b468df3173d55a46fd73f2531f532c5459371dc52adf2',
    );
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')).toHaveLength(8802); // header, 8,800 rows, and the empty string after the last CRLF
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('with --config gives the totals worked out with awk', async () => {
    const { doc, stderr } = await reportJson([FILE, '--config', CONFIG]);
    expect(stderr).toBe('');
    expect(doc.window).toEqual({ from: '2016-10-01', to: '2017-12-31' });
    expect(doc.inputs.deals).toMatchObject({ rows: 8800, used: 8800, rejected: 0 });
    expect(doc.totals).toMatchObject(TOTALS);
    expect(doc.totals.sales_cycle_days_mean).toBeCloseTo(219_452 / 4238, 9);
  });

  it('reads salesmetrics.config.yaml from the working directory without --config', async () => {
    const { doc } = await reportJson(['sales_pipeline.csv'], DIR);
    expect(doc.window).toEqual({ from: '2016-10-01', to: '2017-12-31' });
    expect(doc.totals).toMatchObject(TOTALS);
  });

  it('gives the same with --map flags for one run', async () => {
    const { doc } = await reportJson([
      FILE,
      '--map',
      'deal_id=opportunity_id',
      '--map',
      'stage=deal_stage',
      '--map',
      'owner=sales_agent',
      '--map',
      'account_name=account',
      '--map',
      'created_date=engage_date',
      '--map',
      'amount=close_value',
    ]);
    expect(doc.totals).toMatchObject(TOTALS);
  });

  it('without a mapping: the error lists its headers and the --map flags that fix it', async () => {
    const r = await runCli(['report', FILE]);
    expect(r.code).toBe(2);
    const lines = linesOf(r.stderr);
    expect(lines).toHaveLength(1);
    for (const header of ['opportunity_id', 'sales_agent', 'deal_stage', 'engage_date', 'close_value']) {
      expect(lines[0]).toContain(header);
    }
    const flags = [...r.stderr.matchAll(/--map (\w+)='([^']*)'/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(flags).toEqual(['deal_id=opportunity_id', 'stage=deal_stage']);
    const { doc } = await reportJson([FILE, ...flags.flatMap((f) => ['--map', f])]);
    expect([doc.totals.deals_won, doc.totals.deals_lost]).toEqual([4238, 2473]);
  });
});
