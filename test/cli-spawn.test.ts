import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/run-cli.js';
import { BIN, cliEnv as env, type Ran, requireBuild, salesmetrics, spawnIn } from './helpers/spawn-cli.js';

/** A few real-process runs of bin/salesmetrics.js, colour off (tier 3 of the test style). */
const DEALS = 'fixtures/deals.csv';

beforeAll(requireBuild);

interface JsonReportShape {
  schemaVersion: number;
  inputs: { deals: { path: string; rows: number; used: number; rejected: number } };
  totals: Record<string, number | null>;
  periods: unknown[];
}

describe('bin/salesmetrics.js', () => {
  it('report prints a table with the totals and exits 0', async () => {
    const r = await salesmetrics(['report', DEALS]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^Totals$/m);
    expect(r.stdout).toContain('┌'); // a drawn table
    // NO_COLOR=1 and not a terminal: no escape sequences.
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('the README main command: the four sample files, a table per input, exit 0', async () => {
    const r = await salesmetrics([
      'report',
      DEALS,
      '--activities',
      'fixtures/activities.csv',
      '--costs',
      'fixtures/costs.csv',
      '--surveys',
      'fixtures/surveys.csv',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.split('\n');
    expect(lines.slice(1, 5).map((l) => l.slice(0, l.indexOf(':')))).toEqual([
      DEALS,
      'fixtures/activities.csv',
      'fixtures/costs.csv',
      'fixtures/surveys.csv',
    ]);
    for (const title of ['Handoffs by month', 'Activities by month', 'Costs by month', 'Surveys by month'])
      expect(lines).toContain(title);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('report --format json prints one parseable schemaVersion 1 document of the 200 rows', async () => {
    const r = await salesmetrics(['report', DEALS, '--format', 'json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(r.stdout) as JsonReportShape;
    expect(json.schemaVersion).toBe(1);
    // fixtures/deals.csv: a header and 200 deals (fixtures/README.md), none invalid.
    expect(json.inputs.deals).toEqual({
      path: DEALS,
      rows: 200,
      used: 200,
      rejected: 0,
      encoding: 'utf8',
      preset: null,
      skipped: { title: 0, footer: 0 },
    });
  });

  it('a missing file exits 2 with exactly one line on stderr and no stack trace', async () => {
    const r = await salesmetrics(['report', 'fixtures/no-such-deals.csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toHaveLength(2); // one line and its newline
    expect(r.stderr).toMatch(/^salesmetrics: .*no-such-deals\.csv.*\n$/);
    expect(r.stderr).not.toMatch(/^\s*at /m);
  });

  it('deal ids written to temporary files: removed after the run, and a clear error where TMPDIR cannot be written', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'salesmetrics-tmpdir-'));
    try {
      const args = [BIN, 'report', 'fixtures/deals-repeated-ids.csv', '--skip-invalid', '--format', 'json'];
      const onDisk = await spawnIn(process.execPath, args, {
        env: env({ TMPDIR: tmp, SALESMETRICS_IDS_IN_MEMORY: '1' }),
      });
      expect(onDisk.code).toBe(0);
      expect((JSON.parse(onDisk.stdout) as { totals: { revenue: number } }).totals.revenue).toBe(11300);
      // Every id went to disk and a repeat sent the file to a second read: nothing is left behind.
      expect(readdirSync(tmp)).toEqual([]);

      // A pipe cannot be read twice: its ids stay in memory, whatever SALESMETRICS_IDS_IN_MEMORY says.
      const piped = await spawnIn(
        'bash',
        ['-c', `node bin/salesmetrics.js report <(cat fixtures/deals-repeated-ids.csv) --skip-invalid --format json`],
        { env: env({ TMPDIR: tmp, SALESMETRICS_IDS_IN_MEMORY: '1' }) },
      );
      expect(piped.code).toBe(0);
      const pipedJson = JSON.parse(piped.stdout) as {
        inputs: { deals: { used: number; rejected: number } };
        totals: { revenue: number };
      };
      expect(pipedJson.totals.revenue).toBe(11300);
      expect(pipedJson.inputs.deals).toMatchObject({ used: 11, rejected: 5 });
      expect(readdirSync(tmp)).toEqual([]);

      const missing = join(tmp, 'no-such-dir');
      const r = await spawnIn(process.execPath, args, {
        env: env({ TMPDIR: missing, SALESMETRICS_IDS_IN_MEMORY: '1' }),
      });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `salesmetrics: cannot write temporary files in ${missing} (ENOENT); set TMPDIR to a writable directory, or SALESMETRICS_IDS_IN_MEMORY to a number of ids above the file's rows to keep them all in memory\n`,
      );
      const ja = await spawnIn(process.execPath, [...args, '--lang', 'ja'], {
        env: env({ TMPDIR: missing, SALESMETRICS_IDS_IN_MEMORY: '1' }),
      });
      expect(ja.code).toBe(2);
      expect(ja.stderr).toContain(
        `${missing} に一時ファイルを書けません（ENOENT）。TMPDIR に書き込めるディレクトリを指定するか`,
      );
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('--version prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await salesmetrics(['--version']);
    expect(r).toEqual({ code: 0, signal: null, stdout: `${version}\n`, stderr: '' });
  });

  it('report - reads standard input: the same JSON as the file but for inputs.deals.path', async () => {
    const [fromFile, fromStdin] = await Promise.all([
      salesmetrics(['report', DEALS, '--format', 'json']),
      salesmetrics(['report', '-', '--format', 'json'], { stdinFile: DEALS }),
    ]);
    expect(fromFile).toMatchObject({ code: 0, stderr: '' });
    expect(fromStdin).toMatchObject({ code: 0, stderr: '' });
    const a = JSON.parse(fromFile.stdout) as JsonReportShape;
    const b = JSON.parse(fromStdin.stdout) as JsonReportShape;
    expect(a.inputs.deals.path).toBe(DEALS);
    expect(b.inputs.deals.path).toBe('-');
    expect(b.periods.length).toBeGreaterThan(0);
    expect({ ...b, inputs: { deals: { ...b.inputs.deals, path: DEALS } } }).toEqual(a);
  });

  describe('piped into a reader that stops early', () => {
    let tmp = '';
    beforeAll(() => {
      tmp = mkdtempSync(join(tmpdir(), 'salesmetrics-pipe-'));
    });
    afterAll(() => {
      rmSync(tmp, { recursive: true, force: true });
    });

    /**
     * Runs `node bin/salesmetrics.js ARGS | READER` in sh. The pipeline's status is the
     * reader's, so salesmetrics' own exit status is written to a file and returned too.
     */
    async function pipeline(args: string, reader: string, name: string): Promise<Ran & { salesmetrics: string }> {
      const status = join(tmp, `${name}.status`);
      const script = `{ node bin/salesmetrics.js ${args}; echo "$?" > "$STATUS_FILE"; } | ${reader}`;
      const r = await spawnIn('sh', ['-c', script], { env: env({ STATUS_FILE: status }) });
      return { ...r, salesmetrics: readFileSync(status, 'utf8').trim() };
    }

    it('| head -1 prints the CSV header, exit 0, nothing on stderr', async () => {
      const r = await pipeline(`report ${DEALS} --format csv`, 'head -1', 'head-1');
      expect(r).toMatchObject({ code: 0, stderr: '', salesmetrics: '0' });
      expect(r.stdout).toMatch(/^by,group,period,from,to,revenue,deals_won,/);
      expect(r.stdout.split('\n')).toHaveLength(2);
    });

    it('| head -c 100 on an output larger than a pipe buffer: exit 0, nothing on stderr', async () => {
      // Weekly rows per owner come to more than a 64 KiB pipe buffer, so the write can outlive
      // the reader and meet EPIPE, which must end the run quietly.
      const args = `report ${DEALS} --format csv --period week --by owner`;
      const whole = await salesmetrics(args.split(' '));
      expect(Buffer.byteLength(whole.stdout)).toBeGreaterThan(64 * 1024);
      const r = await pipeline(args, 'head -c 100', 'head-c');
      expect(r).toMatchObject({ code: 0, stderr: '', salesmetrics: '0' });
      expect(r.stdout).toHaveLength(100);
    });
  });
});
