import type { KgiResult } from '../check/kgi.js';

/** A landing projection: the revenue so far plus a forecast of what closes by the deadline. */
export interface ForecastProjection {
  /** Revenue forecast to close after the as-of date through the deadline. */
  forecast: number | null;
  /** actual + forecast. */
  projection: number | null;
  /** projection / target; `null` when the target is 0. */
  achievement: number | null;
}

/** A revenue KGI with its run-rate projection and the projections with each forecast. */
export interface KgiForecast {
  id: string;
  name: string | null;
  target: number;
  start: string;
  deadline: string;
  /** Revenue from the start through the as-of date. */
  actual: number | null;
  /** The run rate carried to the deadline (see the KGI check). */
  projection: number | null;
  /** With the probability-weighted open deals expected to close by the deadline. */
  weighted: ForecastProjection;
  /** With the history forecast of the open deals closing by the deadline. */
  history: ForecastProjection;
}

function cents(v: number): bigint {
  return BigInt(Math.round(v * 100));
}

function landing(actual: number | null, forecast: number | null, target: number): ForecastProjection {
  const projection = actual === null || forecast === null ? null : Number(cents(actual) + cents(forecast)) / 100;
  return { forecast, projection, achievement: projection === null || target === 0 ? null : projection / target };
}

/**
 * Adds the forecasts to a revenue KGI: projection = actual so far + the
 * revenue forecast to close from the as-of date through the deadline
 * (nothing once the deadline has passed).
 */
export function forecastKgi(
  kgi: KgiResult,
  forecast: { weighted: number | null; expected: number | null },
): KgiForecast {
  return {
    id: kgi.id,
    name: kgi.name,
    target: kgi.target,
    start: kgi.start,
    deadline: kgi.deadline,
    actual: kgi.actual,
    projection: kgi.projection,
    weighted: landing(kgi.actual, forecast.weighted, kgi.target),
    history: landing(kgi.actual, forecast.expected, kgi.target),
  };
}
