import { describe, expect, it } from 'vitest';
import { DayLedger } from '../../src/engine/day-ledger.js';

describe('DayLedger', () => {
  it('keeps changes by day, growing both ways, and sums them in order', () => {
    const l = new DayLedger();
    l.add(100, 1, 500); // +1 deal of 0.05
    l.add(-300, 2, 20_000); // far before: grows downwards
    l.add(900, -1, -500); // far after: grows upwards
    l.add(100, 1, 1); // same day again
    const seen: [number, number, bigint][] = [];
    l.forEach((day, count, amount) => seen.push([day, count, amount.value()]));
    expect(seen).toEqual([
      [-300, 2, 20_000n],
      [100, 2, 501n],
      [900, -1, -500n],
    ]);
    // Running totals from 10 deals / 7 minor units: through -1 → 12 / 20,007; through 100 → 14 / 20,508; through 900 → 13 / 20,008.
    expect(l.runningTotals([-1, 100, 900], 10, 7n)).toEqual([
      { count: 12, amount: 20_007n },
      { count: 14, amount: 20_508n },
      { count: 13, amount: 20_008n },
    ]);
  });
});
