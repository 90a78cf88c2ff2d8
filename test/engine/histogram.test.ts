import { describe, expect, it } from 'vitest';
import { Histogram } from '../../src/engine/index.js';

function of(values: readonly number[]): Histogram {
  const h = new Histogram();
  for (const v of values) h.add(v);
  return h;
}

describe('Histogram (sales-cycle days)', () => {
  it('is empty: mean and median null', () => {
    expect(of([]).mean()).toBeNull();
    expect(of([]).median()).toBeNull();
  });

  it.each([
    [[7], 7, 7],
    [[3, 1, 2], 2, 2], // sorted 1 2 3
    [[10, 0], 5, 5], // even count: (0 + 10) / 2
    [[4, 1, 3, 2], 2.5, 2.5], // sorted 1 2 3 4: middle (2 + 3) / 2
    [[5, 5, 5, 100], 28.75, 5], // sum 115 / 4; middle 5, 5
    [[1, 1, 2, 9, 9, 9], 31 / 6, 5.5], // sum 31; middle 2, 9 → 5.5
    [[0, 0, 0], 0, 0],
  ])('%j: mean %s, median %s', (values, mean, median) => {
    const h = of(values);
    expect(h.count).toBe(values.length);
    expect(h.mean()).toBe(mean);
    expect(h.median()).toBe(median);
  });

  it('add with a count and merge equal adding one by one', () => {
    const a = new Histogram();
    a.add(3, 2); // 3, 3
    const b = of([1, 10]);
    a.merge(b); // 1, 3, 3, 10: mean 17/4, median 3
    expect([a.count, a.sum, a.mean(), a.median()]).toEqual([4, 17, 4.25, 3]);
  });
});

describe('Histogram beyond the dense range', () => {
  it('keeps values past 4,095 days and below 0 exactly, in order', () => {
    const h = new Histogram();
    for (const v of [5000, 3, 4096, 3, -2]) h.add(v);
    // Sorted: -2, 3, 3, 4096, 5000 → median 3; mean (5000 + 3 + 4096 + 3 − 2) / 5 = 9100 / 5 = 1820.
    expect(h.median()).toBe(3);
    expect(h.mean()).toBe(1820);
    expect(h.entries()).toEqual([
      [-2, 1],
      [3, 2],
      [4096, 1],
      [5000, 1],
    ]);
  });
});
