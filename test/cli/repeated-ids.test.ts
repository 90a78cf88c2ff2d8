import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/*
 * Deal ids are kept in memory up to SALESMETRICS_IDS_IN_MEMORY and written to
 * temporary files past it; a repeat found only at the end makes the file be
 * read again. Whatever the number, every output must be the one of ids kept
 * in memory. fixtures/deals-repeated-ids.csv (see fixtures/README.md):
 * lines 5 and 17 repeat R-1 (line 2), line 12 repeats R-3 (line 4), line 7 is
 * rejected for its close date 2025-13-01 so that line 8 is the first R-5 and
 * line 15 repeats it. 16 rows: 5 rejected, 11 used.
 */
const FILE = 'fixtures/deals-repeated-ids.csv';
const inMemory = { SALESMETRICS_IDS_IN_MEMORY: '1000' };
// 1: every id goes to disk and every repeat is found late; 3: in memory, then disk
// (line 5's repeat is late); 6: line 5's repeat is found at once, the later ones late.
const onDisk = ['1', '3', '6'];

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('repeated deal ids past the ids kept in memory', () => {
  it('reports the same rejected rows, in file order, with ids in memory and on disk', async () => {
    const expected = await runCli(['report', FILE], { env: inMemory });
    expect(expected.code).toBe(2);
    const lines = expected.stderr.split('\n').filter((l) => l.startsWith(`${FILE}:`));
    expect(lines.map((l) => l.split(':')[1])).toEqual(['5', '7', '12', '15', '17']);
    expect(lines[2]).toBe(
      `${FILE}:12: column deal_id: "R-3" appears more than once; deal ids must be unique (the first one is used)`,
    );
    expect(expected.stderr).toContain('5 invalid rows');
    for (const n of onDisk) {
      expect(await runCli(['report', FILE], { env: { SALESMETRICS_IDS_IN_MEMORY: n } }), n).toEqual(expected);
    }
  });

  it('leaves the repeats out of every figure with --skip-invalid', async () => {
    const argv = ['report', FILE, '--skip-invalid', '--format', 'json'];
    const expected = await runCli(argv, { env: inMemory });
    const json = JSON.parse(expected.stdout) as {
      inputs: { deals: { rows: number; used: number; rejected: number } };
      totals: Record<string, number | null>;
    };
    expect(json.inputs.deals).toMatchObject({ rows: 16, used: 11, rejected: 5 });
    // Won: R-1 1,000 + R-3 2,000 + R-5 1,500 + R-7 2,500 + R-9 1,200 + R-11 3,100 = 11,300 (not R-3's
    // repeat of 9,999). Lost. Open: R-4 3,000 + R-8 800.
    expect(json.totals).toMatchObject({
      revenue: 11300,
      deals_won: 6,
      deals_lost: 3,
      deals_open: 2,
      pipeline_value: 3800,
    });
    for (const n of onDisk) {
      expect(await runCli(argv, { env: { SALESMETRICS_IDS_IN_MEMORY: n } }), n).toEqual(expected);
      // Read in parts: a part's repeat found late sends the file to a read in one piece.
      expect(await runCli([...argv, '--jobs', '2'], { env: { SALESMETRICS_IDS_IN_MEMORY: n } }), n).toEqual(expected);
    }
  });

  it('writes the rejected rows once to --rejects, however often the file is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'repeated-ids-'));
    dirs.push(dir);
    const rejects = (name: string): string[] => ['report', FILE, '--skip-invalid', '--rejects', join(dir, name)];
    await runCli(rejects('memory.csv'), { env: inMemory });
    const expected = readFileSync(join(dir, 'memory.csv'), 'utf8');
    // The header and the five rejected rows, each with its reason.
    expect(
      expected
        .trim()
        .split('\n')
        .map((l) => l.split(',')[0]),
    ).toEqual(['deal_id', 'R-1', 'R-5', 'R-3', 'R-5', 'R-1']);
    await runCli(rejects('disk.csv'), { env: { SALESMETRICS_IDS_IN_MEMORY: '1' } });
    expect(readFileSync(join(dir, 'disk.csv'), 'utf8')).toBe(expected);
  });

  it.each([
    ['pipeline', ['pipeline', FILE, '--skip-invalid', '--as-of', '2025-04-30', '--format', 'json']],
    ['cohorts', ['cohorts', FILE, '--skip-invalid', '--format', 'json']],
    ['abtest', ['abtest', FILE, '--skip-invalid', '--variant', 'pitch', '--format', 'json']],
  ])('%s starts over when the file is read again', async (_name, argv) => {
    const expected = await runCli(argv, { env: inMemory });
    expect(expected.code).toBe(0);
    for (const n of onDisk) expect(await runCli(argv, { env: { SALESMETRICS_IDS_IN_MEMORY: n } }), n).toEqual(expected);
  });

  it('rejects a SALESMETRICS_IDS_IN_MEMORY that is not a whole number ≥ 1', async () => {
    for (const bad of ['0', '-5', '1.5', 'many']) {
      const r = await runCli(['report', FILE], { env: { SALESMETRICS_IDS_IN_MEMORY: bad } });
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toBe(
        `salesmetrics: SALESMETRICS_IDS_IN_MEMORY="${bad}" is not a number of ids; set it to a whole number ≥ 1, or unset it for the default 98304\n`,
      );
    }
    const ja = await runCli(['report', FILE, '--lang', 'ja'], { env: { SALESMETRICS_IDS_IN_MEMORY: '0' } });
    expect(ja.stderr).toContain('SALESMETRICS_IDS_IN_MEMORY="0" は ID の数ではありません');
  });
});
