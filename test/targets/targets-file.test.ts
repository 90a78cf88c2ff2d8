import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { parseTargets } from '../../src/targets/load-targets.js';
import { targetsJsonSchema } from '../../src/targets/schema.js';
import { STARTER_TARGETS } from '../../src/targets/starter.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

/** The lines of a target file. */
const yaml = (...lines: string[]): string => lines.join('\n') + '\n';

/** The problems parseTargets reports, one message line and one code each. */
function problems(text: string): { lines: string[]; codes: string[] } {
  try {
    parseTargets(text, 't.yaml');
  } catch (err) {
    // One ConfigError whose message has a line per problem, and the problems as data.
    expect(err).toBeInstanceOf(ConfigError);
    const e = err as ConfigError & { errors: readonly ConfigError[] };
    expect(e.kind).toBe('config');
    for (const one of e.errors) expect(one).toBeInstanceOf(ConfigError);
    return { lines: e.message.split('\n'), codes: e.errors.map((x) => x.code) };
  }
  throw new Error('parseTargets accepted the file');
}

describe('parseTargets: valid files', () => {
  it('parses a full file and applies the defaults', () => {
    const text = yaml(
      '$schema: ./node_modules/salesmetrics/schema/targets.schema.json',
      'version: 1',
      'window: { from: 2025-04-01, to: 2026-03-31 }',
      'fiscal_year_start: 4',
      'period: quarter',
      'kgis:',
      '  - id: fy-revenue',
      '    name: FY revenue',
      '    metric: revenue',
      '    target: 120000000',
      '    deadline: 2026-03-31',
      '  - id: h2-win-rate',
      '    metric: win_rate',
      '    target: 0.3',
      '    start: 2025-10-01',
      '    deadline: 2026-03-31',
      '    behind: fail',
      'csfs:',
      '  - id: handoff',
      '    name: Qualified handoff',
      '    kgi: fy-revenue',
      'kpis:',
      '  - id: win-rate',
      '    metric: win_rate',
      '    min: 0.25',
      '    warn: { min: 0.30 }',
      '    csf: handoff',
      '  - id: cycle',
      '    name: Sales cycle',
      '    metric: sales_cycle_days_median',
      '    max: 45',
      '    by: team',
      '    each_period: true',
      '    when_missing: warn',
    );
    expect(parseTargets(text, 't.yaml')).toEqual({
      $schema: './node_modules/salesmetrics/schema/targets.schema.json',
      version: 1,
      window: { from: '2025-04-01', to: '2026-03-31' },
      fiscal_year_start: 4,
      period: 'quarter',
      kgis: [
        {
          id: 'fy-revenue',
          name: 'FY revenue',
          metric: 'revenue',
          target: 120_000_000,
          deadline: '2026-03-31',
          behind: 'warn', // default
        },
        {
          id: 'h2-win-rate',
          metric: 'win_rate',
          target: 0.3,
          start: '2025-10-01',
          deadline: '2026-03-31',
          behind: 'fail',
        },
      ],
      csfs: [{ id: 'handoff', name: 'Qualified handoff', kgi: 'fy-revenue' }],
      kpis: [
        {
          id: 'win-rate',
          metric: 'win_rate',
          min: 0.25,
          warn: { min: 0.3 },
          csf: 'handoff',
          each_period: false, // default
          when_missing: 'fail', // default
        },
        {
          id: 'cycle',
          name: 'Sales cycle',
          metric: 'sales_cycle_days_median',
          max: 45,
          by: 'team',
          each_period: true,
          when_missing: 'warn',
        },
      ],
    });
  });

  it('version: 1 alone is a valid, empty file', () => {
    expect(parseTargets('version: 1\n', 't.yaml')).toEqual({ version: 1, kgis: [], csfs: [], kpis: [] });
  });

  it('the starter file of salesmetrics init parses, with its commented-out options off', () => {
    const t = parseTargets(STARTER_TARGETS, 'targets.yaml');
    expect(t).toMatchObject({
      version: 1,
      window: { from: '2025-04-01', to: '2026-03-31' },
      fiscal_year_start: 4,
      period: 'month',
    });
    expect(t.kgis).toEqual([
      {
        id: 'fy2025-revenue',
        name: 'FY2025 revenue ¥120M',
        metric: 'revenue',
        target: 120_000_000,
        deadline: '2026-03-31',
        behind: 'warn', // `# behind: fail` is a comment
      },
    ]);
    expect(t.csfs.map((c) => [c.id, c.kgi])).toEqual([['qualified-handoff', 'fy2025-revenue']]);
    expect(t.kpis.map((k) => [k.id, k.metric, k.by, k.each_period, k.when_missing])).toEqual([
      ['win-rate', 'win_rate', undefined, false, 'fail'],
      ['cycle', 'sales_cycle_days_median', undefined, false, 'warn'],
    ]);
  });
});

describe('parseTargets: every problem is one line with file:line:column', () => {
  it('a YAML syntax error gives its line and column', () => {
    // line 4: `    metric: win_rate: 0.25`, the nested mapping starts at column 13.
    const { lines, codes } = problems(
      yaml('version: 1', 'kpis:', '  - id: a', '    metric: win_rate: 0.25', '    min: 0.25'),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^t\.yaml:4:13: invalid YAML: \S[^\n]*$/);
    expect(codes).toEqual(['yaml_syntax']);
  });

  it('a duplicate key is a YAML error at the second key', () => {
    const { lines } = problems(yaml('version: 1', 'version: 1'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^t\.yaml:2:1: invalid YAML: .*unique/);
  });

  /*
   * Columns are 1-based and point at the value (or the key, for an unknown key).
   * `    min: abc`: `min:` is columns 5–8, the value starts at 10.
   */
  it.each([
    [
      'wrong type, with its path',
      yaml(
        'version: 1',
        'kpis:',
        '  - id: a',
        '    metric: win_rate',
        '    min: 0.2',
        '  - id: b',
        '    metric: win_rate',
        '    min: abc',
      ),
      't.yaml:8:10: kpis[1].min: expected a number, got "abc"',
      'schema',
    ],
    [
      'unknown metric, with the closest',
      yaml('version: 1', 'kpis:', '  - id: a', '    metric: win_rat', '    min: 0.2'),
      't.yaml:4:13: kpis[0].metric: unknown metric "win_rat"; did you mean "win_rate"?',
      'unknown_metric',
    ],
    [
      'unknown dimension, with the closest',
      yaml('version: 1', 'kpis:', '  - id: a', '    metric: win_rate', '    by: teams', '    min: 0.2'),
      't.yaml:5:9: kpis[0].by: unknown dimension "teams"; did you mean "team"?',
      'unknown_dimension',
    ],
    [
      'unknown key, at the key',
      yaml('version: 1', 'kpis:', '  - id: a', '    metric: win_rate', '    maxx: 0.2'),
      't.yaml:5:5: kpis[0]: unknown key "maxx"',
      'schema',
    ],
    [
      'duplicate ids',
      yaml(
        'version: 1',
        'kpis:',
        '  - id: a',
        '    metric: win_rate',
        '    min: 0.2',
        '  - id: a',
        '    metric: revenue',
        '    min: 1',
      ),
      't.yaml:6:9: kpis[1].id: duplicate id "a" (also kpis[0].id); ids must be unique',
      'duplicate_id',
    ],
    [
      'a KPI reusing a KGI id',
      yaml(
        'version: 1',
        'kgis:',
        '  - id: x',
        '    metric: revenue',
        '    target: 1',
        '    start: 2025-01-01',
        '    deadline: 2025-02-01',
        'kpis:',
        '  - id: x',
        '    metric: win_rate',
        '    min: 0.1',
      ),
      't.yaml:9:9: kpis[0].id: duplicate id "x" (also kgis[0].id); ids must be unique',
      'duplicate_id',
    ],
    [
      'a date that does not exist',
      yaml(
        'version: 1',
        'kgis:',
        '  - id: rev',
        '    metric: revenue',
        '    target: 100',
        '    start: 2025-01-01',
        '    deadline: 2025-02-30',
      ),
      't.yaml:7:15: kgis[0].deadline: "2025-02-30" is not a date',
      'bad_date',
    ],
    [
      'a date not written YYYY-MM-DD',
      yaml('version: 1', 'window:', '  from: 2025-1-1'),
      't.yaml:3:9: window.from: expected a date YYYY-MM-DD, got "2025-1-1"',
      'schema',
    ],
    [
      'a KPI without bounds',
      yaml('version: 1', 'kpis:', '  - id: a', '    metric: win_rate'),
      't.yaml:3:5: kpis[0]: a KPI needs min, max or both',
      'no_bounds',
    ],
    [
      'min > max',
      yaml('version: 1', 'kpis:', '  - id: a', '    metric: win_rate', '    min: 0.5', '    max: 0.2'),
      't.yaml:6:10: kpis[0].max: max 0.2 is below min 0.5',
      'bad_bounds',
    ],
    [
      'a KGI deadline before its start',
      yaml(
        'version: 1',
        'kgis:',
        '  - id: a',
        '    metric: revenue',
        '    target: 1',
        '    start: 2025-01-01',
        '    deadline: 2024-12-31',
      ),
      't.yaml:7:15: kgis[0].deadline: deadline 2024-12-31 is before start 2025-01-01',
      'bad_window',
    ],
    [
      'a KGI without start and no window.from',
      yaml('version: 1', 'kgis:', '  - id: rev', '    metric: revenue', '    target: 100', '    deadline: 2025-02-28'),
      't.yaml:3:5: kgis[0]: no start: give start, or window.from',
      'missing_start',
    ],
    [
      'a bad enum value',
      yaml(
        'version: 1',
        'kgis:',
        '  - id: rev',
        '    metric: revenue',
        '    target: 100',
        '    start: 2025-01-01',
        '    deadline: 2025-02-28',
        '    behind: maybe',
      ),
      't.yaml:8:13: kgis[0].behind: expected "warn" or "fail", got "maybe"',
      'schema',
    ],
    [
      'a mapping where a list belongs',
      yaml('version: 1', 'kpis: {}'),
      't.yaml:2:7: kpis: expected a list, got a mapping',
      'schema',
    ],
  ])('%s', (_name, text, message, code) => {
    expect(problems(text)).toEqual({ lines: [message], codes: [code] });
  });

  it('a csf or kgi reference to nothing, with the closest id: one line each', () => {
    const text = yaml(
      'version: 1',
      'window: { from: 2025-01-01 }',
      'kgis:',
      '  - id: rev',
      '    metric: revenue',
      '    target: 100',
      '    deadline: 2025-12-31',
      'csfs:',
      '  - id: handoff',
      '    name: Handoff',
      '    kgi: revv',
      'kpis:',
      '  - id: a',
      '    metric: win_rate',
      '    min: 0.2',
      '    csf: handof',
    );
    expect(problems(text)).toEqual({
      lines: [
        't.yaml:11:10: csfs[0].kgi: no KGI has id "revv"; did you mean "rev"?',
        't.yaml:16:10: kpis[0].csf: no CSF has id "handof"; did you mean "handoff"?',
      ],
      codes: ['unknown_reference', 'unknown_reference'],
    });
  });

  it('an unknown metric far from any lists the valid ones', () => {
    const { lines } = problems(yaml('version: 1', 'kpis:', '  - id: a', '    metric: zzzzzzzz', '    min: 0.2'));
    expect(lines).toEqual([
      't.yaml:4:13: kpis[0].metric: unknown metric "zzzzzzzz"; use one of revenue, deals_won, deals_lost, deals_open, pipeline_value, win_rate, avg_deal_size, sales_cycle_days_mean, sales_cycle_days_median, new_customers, customer_retention_rate, handoffs, handoffs_won, handoffs_lost, handoffs_open, handoff_win_rate, handoff_revenue, activities, activities_call, activities_email, activities_meeting, activities_visit, activities_video, activities_other, activity_hours, appointments_set, call_to_appointment_rate, revenue_per_activity_hour, activity_hours_per_won_deal, acquisition_cost, cac, survey_responses, csat, csat_mean, nps',
    ]);
  });

  it('several problems give several lines, in file order', () => {
    const text = yaml(
      'version: 1',
      'kpis:',
      '  - id: win-rate',
      '    metric: win_rat',
      '    min: 0.25',
      '  - id: cycle',
      '    metric: sales_cycle_days_median',
      '    max: forty',
      '    by: teams',
    );
    expect(problems(text).lines).toEqual([
      't.yaml:4:13: kpis[0].metric: unknown metric "win_rat"; did you mean "win_rate"?',
      't.yaml:8:10: kpis[1].max: expected a number, got "forty"',
      't.yaml:9:9: kpis[1].by: unknown dimension "teams"; did you mean "team"?',
    ]);
  });

  it('a file that is not a mapping', () => {
    expect(problems('- a\n').lines).toEqual(['t.yaml: expected a mapping with version: 1, kgis, csfs and kpis']);
  });

  it('version must be the number 1, and the message says so', () => {
    // `version: "1"` is the text "1": the message must not read `expected "1", got "1"`.
    expect(problems('version: "1"\n').lines).toEqual(['t.yaml:1:10: version: expected 1, got "1"']);
    expect(problems('version: 2\n').lines).toEqual(['t.yaml:1:10: version: expected 1, got 2']);
  });

  it('a number out of range reads as English', () => {
    // `fiscal_year_start: 13`: `fiscal_year_start:` is columns 1–18, the value starts at 20.
    const { lines } = problems(yaml('version: 1', 'fiscal_year_start: 13'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^t\.yaml:2:20: fiscal_year_start: expected [^,]*12, got 13$/);
    expect(lines[0]).not.toMatch(/expected be\b/);
  });
});

describe('the JSON Schema of the target file', () => {
  const shippedText = readFileSync(join(ROOT, 'schema', 'targets.schema.json'), 'utf8');
  const shipped = JSON.parse(shippedText) as Record<string, unknown>;

  it('schema/targets.schema.json is the one generated from the zod schema', () => {
    expect(targetsJsonSchema(), 'schema/targets.schema.json is out of date: run `npm run schemas`').toEqual(shipped);
  });

  it('describes version 1 files: version required, no unknown keys, the metric and dimension names', () => {
    expect(shipped).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      required: ['version'],
      additionalProperties: false,
      properties: {
        version: { const: 1 },
        kpis: {
          type: 'array',
          items: {
            required: ['id', 'metric'],
            additionalProperties: false,
            properties: {
              by: { enum: ['owner', 'team', 'segment', 'channel', 'source', 'currency', 'appointer'] },
              when_missing: { enum: ['fail', 'warn', 'pass'] },
            },
          },
        },
      },
    });
  });

  it('salesmetrics schema targets prints it', async () => {
    const r = await runCli(['schema', 'targets']);
    expect(r).toEqual({ code: 0, stdout: shippedText, stderr: '' });
  });

  it('salesmetrics schema with another format is a usage error', async () => {
    const r = await runCli(['schema', 'deals']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^salesmetrics: .*deals/);
  });
});
