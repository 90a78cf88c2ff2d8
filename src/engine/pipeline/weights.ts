import { type Minor, MoneySum } from '../money.js';
import { PPM } from './stages.js';

/** How a file writes probabilities: 0–100 or 0–1. */
export type ProbabilityScale = 'percent' | 'fraction';

/** 1/10,000 of a percentage point is one millionth. */
const WRITTEN_PER_PPM: Record<ProbabilityScale, bigint> = { percent: 1n, fraction: 100n };

function addTo(map: Map<number, MoneySum>, key: number, amount: Minor): void {
  let sum = map.get(key);
  if (sum === undefined) map.set(key, (sum = new MoneySum()));
  sum.add(amount);
}

/**
 * Amounts weighted by their probability, exactly: amounts are summed per
 * distinct probability and multiplied once, when the value is asked for
 * (by then the file's scale, percent or fraction, is known).
 */
export class WeightedAmount {
  /** Probability as written in the file (1/10,000 of the written number) → sum of amounts. */
  private readonly written = new Map<number, MoneySum>();
  /** Stage default probability (millionths) → sum of amounts. */
  private readonly defaults = new Map<number, MoneySum>();
  /** Deals with neither a probability of their own nor a stage default. */
  missing = 0;

  /**
   * Adds a deal's amount (minor units) with its own probability as written
   * (wins when given) or its stage's default (millionths).
   */
  add(amount: Minor, written: number | null, stageDefault: number | null): void {
    if (written !== null) addTo(this.written, written, amount);
    else if (stageDefault !== null) addTo(this.defaults, stageDefault, amount);
    else this.missing++;
  }

  addAll(other: WeightedAmount): void {
    for (const [p, sum] of other.written) this.merge(this.written, p, sum);
    for (const [p, sum] of other.defaults) this.merge(this.defaults, p, sum);
    this.missing += other.missing;
  }

  private merge(map: Map<number, MoneySum>, key: number, sum: MoneySum): void {
    let into = map.get(key);
    if (into === undefined) map.set(key, (into = new MoneySum()));
    into.addSum(sum);
  }

  /**
   * Σ amount × probability, in millionths of a minor unit; `null` when a
   * deal had no probability. `scale` is how the file writes probabilities
   * (`null` when it gives none).
   */
  value(scale: ProbabilityScale | null): bigint | null {
    if (this.missing > 0) return null;
    const factor = WRITTEN_PER_PPM[scale ?? 'percent'];
    let total = 0n;
    for (const [p, sum] of this.written) total += BigInt(p) * factor * sum.value();
    for (const [p, sum] of this.defaults) total += BigInt(p) * sum.value();
    return total;
  }
}

/** Millionths of a minor unit per cent: 10⁶ × 100. */
export const WEIGHTED_PER_CENT = BigInt(PPM) * 100n;
