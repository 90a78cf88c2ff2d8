import type { AbTestResult, AbTestWarning, ArmResult, ComparisonResult } from '../engine/abtest.js';
import type { JsonInput } from './json.js';

/**
 * `salesmetrics abtest --format json`, version 1. Keys are never renamed;
 * new keys may be added. Rates are 0..1 fractions, money in currency units
 * rounded to the cent, days unrounded, `null` where undefined.
 */
export interface JsonAbTest {
  schemaVersion: 1;
  /** The closed deals tested: `--from`/`--to` as given, `null` for an open end. */
  window: { from: string | null; to: string | null };
  /** The column whose values are the variants, as given to `--variant`. */
  variant: string;
  control: string;
  confidence: number;
  alpha: number;
  power: number;
  inputs: { deals: JsonInput };
  /** `tested` + `open` + `outsideWindow` + `unassigned` = `inputs.deals.used`. */
  deals: AbTestResult['deals'];
  currencies: string[];
  mixedCurrencies: boolean;
  arms: ArmResult[];
  comparisons: ComparisonResult[];
  warnings: AbTestWarning[];
}

/** The JSON document of an A/B test, with a stable key order. */
export function toJsonAbTest(
  result: AbTestResult,
  test: { variant: string; window: { from: string | null; to: string | null } },
  inputs: { deals: JsonInput },
): JsonAbTest {
  return {
    schemaVersion: 1,
    window: test.window,
    variant: test.variant,
    control: result.control,
    confidence: result.confidence,
    alpha: result.alpha,
    power: result.power,
    inputs,
    deals: result.deals,
    currencies: result.currencies,
    mixedCurrencies: result.mixedCurrencies,
    arms: result.arms,
    comparisons: result.comparisons,
    warnings: result.warnings,
  };
}
