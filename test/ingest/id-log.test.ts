import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUCKETS, findRepeats, IdLog, KnownRepeats } from '../../src/ingest/id-log.js';

/** A fixed pseudo-random sequence of ids, many of them repeated (drawn from fewer ids than draws). */
function ids(draws: number, distinct: number, seed: number): string[] {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < draws; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(`D-${x % distinct}`);
  }
  return out;
}

/** What an exact set of strings says of each id in turn: `true` the first time. */
function firstTimes(list: readonly string[]): boolean[] {
  const seen = new Set<string>();
  return list.map((id) => (seen.has(id) ? false : (seen.add(id), true)));
}

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'id-log-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('IdLog', () => {
  it('keeps ids in memory up to its capacity and finds repeats at once there', () => {
    const list = ids(200, 150, 7);
    const log = new IdLog(10_000, 'ids', { dir: freshDir() });
    expect(list.map((id) => log.add(id))).toEqual(firstTimes(list));
    const kept = log.close();
    expect(kept.spilled).toBe(false);
    expect(findRepeats([kept])).toEqual([]);
    // One hash pair per repeated occurrence.
    expect(kept.early.length / 2).toBe(firstTimes(list).filter((t) => !t).length);
  });

  it.each([1, 2, 37, 500])(
    'past a capacity of %i, a second read with the repeats found rejects exactly what an exact set rejects',
    (capacity) => {
      const list = ids(3000, 1800, 11);
      const exact = firstTimes(list);
      expect(exact.filter((t) => !t).length).toBeGreaterThan(500); // many repeats, early and late

      const log = new IdLog(capacity, 'ids', { expectedRows: list.length });
      const first = list.map((id) => log.add(id));
      expect(log.spilled).toBe(true);
      // Before spilling the answers are exact; after it every id is taken, to be checked at the end.
      // It spills on the id that fills it: the capacity-th distinct one.
      let distinct = 0;
      const spillAt = exact.findIndex((isFirst) => isFirst && ++distinct === capacity);
      expect(first.slice(0, spillAt + 1)).toEqual(exact.slice(0, spillAt + 1));
      expect(first.slice(spillAt + 1).every((t) => t)).toBe(true);

      const kept = log.close();
      const late = findRepeats([kept]);
      expect(late.length).toBeGreaterThan(0);
      const again = new KnownRepeats([...kept.early, ...late]);
      expect(list.map((id) => again.add(id))).toEqual(exact);
      log.dispose();
    },
  );

  it('writes one file per bucket into its own directory, removed by dispose', () => {
    const log = new IdLog(1, 'ids');
    log.add('a');
    log.add('b');
    const kept = log.close();
    expect(kept.spilled).toBe(true);
    expect(readdirSync(kept.dir)).toHaveLength(BUCKETS);
    expect(findRepeats([kept])).toEqual([]);
    log.dispose();
    expect(existsSync(kept.dir)).toBe(false);
  });

  it('finds an id in two logs sharing a directory, as the parts of a file do', () => {
    const dir = freshDir();
    const a = new IdLog(2, 'part0', { dir });
    const b = new IdLog(2, 'part1', { dir });
    for (const id of ['x1', 'x2', 'x3', 'x4']) a.add(id);
    for (const id of ['y1', 'y2', 'y3']) b.add(id);
    // Neither log has a repeat of its own; spilled at the end as a part's log is.
    a.spill();
    b.spill();
    expect(findRepeats([a.close(), b.close()])).toEqual([]);

    const c = new IdLog(2, 'part2', { dir });
    c.add('y9');
    c.add('x3'); // also in part0
    c.spill();
    const found = findRepeats([a.close(), b.close(), c.close()]);
    expect(found).toHaveLength(2); // one hash: two 32-bit halves
    // The hash found is x3's: a second read tracks it alone, and rejects x3 the second time. It does not
    // track x1, which the first read saw once: a second x1 (not in this file) would pass.
    const again = new KnownRepeats(found);
    expect(['x1', 'x3', 'y9', 'x3', 'x1'].map((id) => again.add(id))).toEqual([true, true, true, false, true]);
  });

  it('turns a failure to write its files into a one-line error with the fix', () => {
    const dir = join(freshDir(), 'gone');
    const log = new IdLog(1, 'ids', { dir });
    // The first id fills it: it spills, and cannot open its files in a directory that does not exist.
    expect(() => log.add('a')).toThrow(
      `cannot write temporary files in ${dir} (ENOENT); set TMPDIR to a writable directory, or SALESMETRICS_IDS_IN_MEMORY to a number of ids above the file's rows to keep them all in memory`,
    );
  });
});
