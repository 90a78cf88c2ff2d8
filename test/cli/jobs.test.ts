import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// Reading in parts (--jobs) must not change a single byte of any output: same stdout, stderr and exit code.
describe('--jobs', () => {
  const cases: [string, string[]][] = [
    ['deals.csv, JSON by owner', ['report', 'fixtures/deals.csv', '--format', 'json', '--by', 'owner']],
    [
      'deals.csv, table by team',
      ['report', 'fixtures/deals.csv', '--by', 'team', '--period', 'quarter', '--fiscal-year-start', '4'],
    ],
    [
      'deals.csv with targets',
      [
        'report',
        'fixtures/deals.csv',
        '--targets',
        'fixtures/targets.yaml',
        '--as-of',
        '2025-06-30',
        '--format',
        'json',
      ],
    ],
    ['check', ['check', 'fixtures/deals.csv', '--targets', 'fixtures/targets.yaml', '--as-of', '2025-06-30']],
    ['invalid rows', ['report', 'fixtures/deals-invalid-rows.csv', '--format', 'json']],
    ['invalid rows skipped', ['report', 'fixtures/deals-invalid-rows.csv', '--skip-invalid']],
    [
      'CP932 with preset and footer',
      ['report', 'fixtures/crm-salesforce-ja-cp932-with-footer.csv', '--format', 'json'],
    ],
    ['a cut inside a quoted field', ['report', 'fixtures/deals-split-in-quoted-field.csv', '--format', 'json']],
    [
      'a duplicate id far apart',
      ['report', 'fixtures/deals-duplicate-id-far-apart.csv', '--skip-invalid', '--format', 'json'],
    ],
    ['a missing column', ['report', 'fixtures/deals-missing-stage-column.csv']],
  ];

  it.each(cases)('%s: --jobs 2 and 3 print exactly what --jobs 1 prints', async (_name, argv) => {
    const one = await runCli([...argv, '--jobs', '1']);
    expect(one.stdout.length + one.stderr.length).toBeGreaterThan(0);
    expect(await runCli([...argv, '--jobs', '2'])).toEqual(one);
    expect(await runCli([...argv, '--jobs', '3'])).toEqual(one);
  });

  it('is an option of report and check only: the commands that stream deals in order read in one piece', async () => {
    for (const command of ['report', 'check'])
      expect((await runCli([command, '--help'])).stdout).toContain('--jobs <n>');
    for (const command of ['pipeline', 'abtest', 'cohorts']) {
      expect((await runCli([command, '--help'])).stdout, command).not.toContain('--jobs');
      const variant = command === 'abtest' ? ['--variant', 'segment'] : [];
      const r = await runCli([command, 'fixtures/deals.csv', ...variant, '--jobs', '2']);
      expect(r.code, command).toBe(2);
      expect(r.stderr, command).toContain("unknown option '--jobs'");
    }
  });

  it('rejects a number of parts that is not auto or 1..64', async () => {
    const r = await runCli(['report', 'fixtures/deals.csv', '--jobs', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"0" is not a number of parts; use auto or 1..64');
  });
});
