import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sparkBlock, sparkline } from '../../src/reporters/sparkline.js';
import { runCli } from '../helpers/run-cli.js';

describe('sparkBlock', () => {
  it.each([
    // level = round(value / max × 7) of ▁▂▃▄▅▆▇█ (levels 0..7)
    [0, 100, '▁'], // 0
    [100, 100, '█'], // 7
    [50, 100, '▅'], // 3.5 rounds half up to 4
    [49, 100, '▄'], // 3.43 → 3
    [7, 100, '▁'], // 0.49 → 0
    [8, 100, '▂'], // 0.56 → 1
    [150, 100, '█'], // above the scale: the top block
    [-20, 100, '▁'], // negative (refunds): the bottom block
    [5, 0, '▁'], // nothing to scale to
  ])('%d of %d is %s', (value, max, block) => {
    expect(sparkBlock(value, max)).toBe(block);
  });

  it('leaves a gap for null, not a low bar', () => {
    expect(sparkBlock(null, 100)).toBe(' ');
  });
});

describe('sparkline', () => {
  it('scales to the largest value and keeps gaps', () => {
    // max 70: 0 → 0, 10 → 1, 35 → 3.5 → 4, null → gap, 70 → 7
    expect(sparkline([0, 10, 35, null, 70])).toBe('▁▂▅ █');
  });
  it('takes a fixed scale for rates', () => {
    // 0.5 × 7 = 3.5 → 4; 0.25 × 7 = 1.75 → 2; 1 → 7
    expect(sparkline([0.5, 0.25, 1], 1)).toBe('▅▃█');
  });
});

/** The lines of the period table of a text report. */
function periodTable(stdout: string, heading: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.indexOf(heading) + 1;
  const end = lines.findIndex((l, i) => i > start && l.startsWith('└'));
  return lines.slice(start, end + 1);
}

describe('period tables with sparkline columns', () => {
  /*
   * fixtures/deals-small.csv from 2024-12-01 (see test/cli/report.test.ts for the figures):
   *   2024-12: revenue 0        → 0 / 3000.25 × 7 = 0    → ▁; win rate null       → gap
   *   2025-01: revenue 1000.50  → 2.33 → 2                → ▃; win rate 0.5 × 7 = 3.5 → 4 → ▅
   *   2025-02: revenue 3000.25  → 7                       → █; win rate 0.75 × 7 = 5.25 → 5 → ▆
   */
  const ARGS = ['report', 'fixtures/deals-small.csv', '--from', '2024-12-01', '--to', '2025-02-28'];

  it('puts a block after revenue and after the win rate of each period, a space for null', async () => {
    const r = await runCli(ARGS);
    expect(r.code).toBe(0);
    const rows = periodTable(r.stdout, 'By month')
      .filter((l) => l.startsWith('│ 20'))
      .map((l) => l.split('│').map((c) => c.trim()));
    // ['', period, revenue, ▁, won, lost, open, pipeline, win rate, ▁, avg deal, …]
    expect(rows.map((c) => [c[1], c[2], c[3], c[8], c[9]])).toEqual([
      ['2024-12', '0', '▁', '—', ''],
      ['2025-01', '1,000.50', '▃', '50.0%', '▅'],
      ['2025-02', '3,000.25', '█', '75.0%', '▆'],
    ]);
  });

  it('keeps every line of the table the same width, with colour off and on', async () => {
    const plain = periodTable((await runCli(ARGS)).stdout, 'By month');
    const coloured = await runCli(ARGS, { isTTY: true });
    expect(coloured.stdout).toContain('\u001b[36m▃'); // the blocks are coloured on a terminal
    const stripped = periodTable(stripVTControlCharacters(coloured.stdout), 'By month');
    expect(stripped).toEqual(plain); // colour changes no width
    // Every character here takes one column; the column borders line up on every line.
    const borders = (l: string): number[] => [...l].flatMap((c, i) => ('│┌┬┐├┼┤└┴┘'.includes(c) ? [i] : []));
    const first = borders(plain[0] ?? '');
    expect(first).toHaveLength(15); // period + 11 metrics + 2 sparkline columns = 14 columns, 15 borders
    for (const line of plain) {
      expect([...line].length).toBe([...(plain[0] ?? '')].length);
      expect(borders(line)).toEqual(first);
    }
  });
});
