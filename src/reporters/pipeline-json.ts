import type { KgiForecast, PipelineResult } from '../engine/pipeline/index.js';
import type { JsonInput } from './json.js';

/**
 * `salesmetrics pipeline --format json`, version 1. Keys are never renamed;
 * new keys may be added. Money in currency units rounded to the cent, rates
 * and probabilities as 0..1 fractions, `null` where undefined.
 */
export interface JsonPipeline extends Omit<PipelineResult, 'notes'> {
  schemaVersion: 1;
  inputs: { deals: JsonInput };
  /** Revenue KGIs of `--targets` with the forecast; `null` without a target file. */
  kgis: KgiForecast[] | null;
  notes: PipelineResult['notes'];
}

/** The JSON document of a pipeline, with a stable key order. */
export function toJsonPipeline(
  result: PipelineResult,
  inputs: { deals: JsonInput },
  kgis: KgiForecast[] | null,
): JsonPipeline {
  return {
    schemaVersion: 1,
    asOf: result.asOf,
    granularity: result.granularity,
    fiscalYearStart: result.fiscalYearStart,
    horizon: result.horizon,
    staleDays: result.staleDays,
    inputs,
    currencies: result.currencies,
    probabilityScale: result.probabilityScale,
    stageOrder: result.stageOrder,
    stages: result.stages,
    totals: result.totals,
    closedSince: result.closedSince,
    forecast: result.forecast,
    history: result.history,
    backtest: result.backtest,
    funnel: result.funnel,
    kgis,
    notes: result.notes,
  };
}
