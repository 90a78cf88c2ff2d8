import type { CohortsResult } from '../engine/cohorts.js';
import type { JsonInput } from './json.js';

/**
 * `salesmetrics cohorts --format json`, version 1. Keys are never renamed;
 * new keys may be added. Rates are 0..1 fractions (revenue retention may
 * pass 1), money in currency units rounded to the cent, `null` where
 * undefined.
 */
export interface JsonCohorts {
  schemaVersion: 1;
  window: CohortsResult['window'];
  granularity: CohortsResult['granularity'];
  fiscalYearStart: number;
  inputs: { deals: JsonInput };
  deals: CohortsResult['deals'];
  accounts: number;
  currencies: string[];
  mixedCurrencies: boolean;
  cohorts: CohortsResult['cohorts'];
}

/** The JSON document of the cohorts, with a stable key order. */
export function toJsonCohorts(result: CohortsResult, inputs: { deals: JsonInput }): JsonCohorts {
  return {
    schemaVersion: 1,
    window: result.window,
    granularity: result.granularity,
    fiscalYearStart: result.fiscalYearStart,
    inputs,
    deals: result.deals,
    accounts: result.accounts,
    currencies: result.currencies,
    mixedCurrencies: result.mixedCurrencies,
    cohorts: result.cohorts,
  };
}
