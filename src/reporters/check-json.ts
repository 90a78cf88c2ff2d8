import type { CheckResult } from '../engine/check/index.js';
import type { JsonInputs } from './json.js';

/**
 * `salesmetrics check --format json`, version 1. Keys are never renamed; new
 * keys may be added.
 */
export interface JsonCheck extends CheckResult {
  schemaVersion: 1;
  inputs: JsonInputs;
}

/** The JSON document of a check, with a stable key order. */
export function toJsonCheck(result: CheckResult, inputs: JsonInputs): JsonCheck {
  return {
    schemaVersion: 1,
    asOf: result.asOf,
    status: result.status,
    window: result.window,
    inputs,
    kgis: result.kgis,
    kpis: result.kpis,
    summary: result.summary,
  };
}
