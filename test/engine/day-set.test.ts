import { describe, expect, it } from 'vitest';
import { DaySet } from '../../src/engine/day-set.js';

describe('DaySet', () => {
  it('keeps distinct days in order, as a list and past 32 days as a bitmap', () => {
    const set = new DaySet();
    // 40 distinct days, each added twice, in a scrambled order, negative days included.
    const days = Array.from({ length: 40 }, (_, i) => ((i * 37) % 83) - 20);
    for (const d of [...days, ...days.reverse()]) set.add(d);
    expect([...set.days()]).toEqual([...new Set(days)].sort((a, b) => a - b));
  });

  it('answers range queries the same way in both forms', () => {
    const small = new DaySet();
    for (const d of [10, 20, 30]) small.add(d);
    const big = new DaySet();
    for (const d of [10, 20, 30]) big.add(d);
    for (let d = 1000; d < 1040; d++) big.add(d); // now a bitmap
    for (const s of [small, big]) {
      expect(s.hasAnyIn(11, 19)).toBe(false);
      expect(s.hasAnyIn(11, 20)).toBe(true);
      expect(s.hasAnyIn(20, 20)).toBe(true);
      expect(s.hasAnyIn(31, 999)).toBe(false);
      expect(s.hasAnyIn(-100, 9)).toBe(false);
      expect(s.hasAnyIn(-100, 10)).toBe(true);
    }
    expect(big.hasAnyIn(1039, 5000)).toBe(true);
    expect(big.hasAnyIn(1040, 5000)).toBe(false);
  });

  it('merges with addAll', () => {
    const a = new DaySet();
    const b = new DaySet();
    for (let d = 0; d < 50; d += 2) a.add(d);
    for (let d = 1; d < 50; d += 2) b.add(d);
    a.addAll(b);
    expect([...a.days()]).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('merges lists and bitmaps either way, spans before, after and around, leaving the other set as it was', () => {
    // Sets of days as plain arrays: under 33 distinct days stay a list, more become a bitmap.
    const shapes: Record<string, number[]> = {
      'short list': [5, -3, 17],
      'list far after': [400, 403],
      'bitmap early': Array.from({ length: 40 }, (_, i) => -60 + i * 3), // -60 … 57
      'bitmap late': Array.from({ length: 35 }, (_, i) => 200 + i * 5), // 200 … 370
      'bitmap around': Array.from({ length: 50 }, (_, i) => -100 + i * 11), // -100 … 439
    };
    const make = (days: number[]): DaySet => {
      const set = new DaySet();
      for (const d of days) set.add(d);
      return set;
    };
    for (const [intoName, intoDays] of Object.entries(shapes)) {
      for (const [fromName, fromDays] of Object.entries(shapes)) {
        const into = make(intoDays);
        const from = make(fromDays);
        into.addAll(from);
        const expected = [...new Set([...intoDays, ...fromDays])].sort((a, b) => a - b);
        expect([...into.days()], `${fromName} into ${intoName}`).toEqual(expected);
        // The merged set owns its memory: a day added to it inside `from`'s span is not added to `from`.
        const inside = Math.min(...fromDays) + 1;
        expect(fromDays).not.toContain(inside);
        into.add(inside);
        expect(into.hasAnyIn(inside, inside)).toBe(true);
        expect(from.hasAnyIn(inside, inside), `${fromName} after`).toBe(false);
      }
    }
  });
});
