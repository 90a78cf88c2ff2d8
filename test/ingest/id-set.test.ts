import { describe, expect, it } from 'vitest';
import { IdSet } from '../../src/ingest/id-set.js';

describe('IdSet', () => {
  it('holds 200,000 distinct ids across many resizes and knows each one again', () => {
    const ids = new IdSet(16);
    let added = 0;
    for (let i = 0; i < 200_000; i++) if (ids.add(`D-${i}`)) added++;
    expect(added).toBe(200_000);
    expect(ids.size).toBe(200_000);
    let again = 0;
    for (let i = 0; i < 200_000; i += 7) if (ids.add(`D-${i}`)) again++;
    expect(again).toBe(0);
    expect(ids.size).toBe(200_000);
  });

  it('tells apart ids that differ only in case, order or length', () => {
    const ids = new IdSet();
    for (const id of ['ab', 'ba', 'AB', 'a', 'ab ', '商談1', '商談2', '']) expect(ids.add(id)).toBe(true);
    expect(ids.add('商談1')).toBe(false);
    expect(ids.add('')).toBe(false);
  });

  it('has: every id added, after resizes, and none of the others', () => {
    const ids = new IdSet(16);
    for (let i = 0; i < 50_000; i += 2) ids.add(`D-${i}`);
    let found = 0;
    let wrong = 0;
    for (let i = 0; i < 50_000; i++) {
      if (ids.has(`D-${i}`) !== (i % 2 === 0)) wrong++;
      else if (i % 2 === 0) found++;
    }
    expect([found, wrong]).toEqual([25_000, 0]);
    expect(ids.has('')).toBe(false);
    expect(ids.size).toBe(25_000); // has adds nothing
  });
});
