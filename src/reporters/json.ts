import type { HandoffPair } from '../engine/input-report.js';
import type { DealReport, GroupResult, PeriodResult } from '../engine/report.js';
import type { MetricValues } from '../engine/metrics/index.js';
import type { SalesmetricsError } from '../errors.js';
import { ConfigError, InputError } from '../errors.js';

/** Counts of one input file. `rows` = `used` + `rejected`. */
export interface JsonInput {
  path: string;
  rows: number;
  used: number;
  rejected: number;
  /** The encoding read: `utf8`, `utf16le`, `utf16be` or `cp932`. */
  encoding: string;
  /** The CRM preset used (given or detected); `null` for canonical columns. */
  preset: string | null;
  /** Lines that are not rows: report titles before the header, totals and notices after the data. */
  skipped: { title: number; footer: number };
}

/** Counts of an input beside deals (activities, costs, surveys). `rows` = `used` + `rejected`. */
export interface JsonOtherInput {
  path: string;
  rows: number;
  used: number;
  rejected: number;
  /** The encoding read. */
  encoding: string;
}

/** The inputs of a report: deals, and the others when given. */
export interface JsonInputs {
  deals: JsonInput;
  activities?: JsonOtherInput;
  costs?: JsonOtherInput;
  surveys?: JsonOtherInput;
}

/**
 * `salesmetrics report --format json`, version 1. Keys are never renamed;
 * new keys may be added. Money in currency units rounded to the cent, rates
 * as 0..1 fractions, `null` where undefined.
 */
export interface JsonReport {
  schemaVersion: 1;
  window: { from: string; to: string };
  granularity: DealReport['granularity'];
  fiscalYearStart: number;
  inputs: JsonInputs;
  /** The deals' currencies; when there are several, money metrics are only in the groups `by: "currency"`. */
  currencies: string[];
  mixedCurrencies: boolean;
  totals: MetricValues;
  periods: PeriodResult[];
  groups: GroupResult[];
  /** With `--by appointer` and a deals file with an appointer column: each appointer × owner (closer) pair. */
  handoffMatrix?: HandoffPair[];
}

/** The JSON document of a report, with a stable key order. */
export function toJsonReport(
  report: DealReport & { handoffMatrix?: HandoffPair[] | null },
  inputs: JsonInputs,
): JsonReport {
  return {
    schemaVersion: 1,
    window: { from: report.window.from, to: report.window.to },
    granularity: report.granularity,
    fiscalYearStart: report.fiscalYearStart,
    inputs,
    currencies: report.currencies,
    mixedCurrencies: report.mixedCurrencies,
    totals: report.totals,
    periods: report.periods,
    groups: report.groups,
    ...(report.handoffMatrix == null ? {} : { handoffMatrix: report.handoffMatrix }),
  };
}

/** A row problem in a JSON error. */
export interface JsonRowProblem {
  line: number;
  column: string | null;
  value: string | null;
  code: string;
  message: string;
}

/** What `--format json` prints on stdout when the run fails with exit code 2. */
export interface JsonError {
  schemaVersion: 1;
  error: {
    kind: string;
    code: string;
    message: string;
    file?: string;
    line?: number;
    /** A column name for input files, a column number for configuration files. */
    column?: string | number;
    /** The YAML path of a configuration error, e.g. `kpis[1].min`. */
    path?: string;
    /** For invalid rows: how many rows were rejected. */
    count?: number;
    /** For invalid rows: the first ones. */
    rows?: JsonRowProblem[];
  };
}

export function toJsonError(err: SalesmetricsError, rows?: { count: number; first: JsonRowProblem[] }): JsonError {
  const loc = err instanceof InputError || err instanceof ConfigError ? err.location : undefined;
  const path = err instanceof ConfigError ? err.location.path : undefined;
  return {
    schemaVersion: 1,
    error: {
      kind: err.kind,
      code: err.code,
      message: err.message,
      ...(loc?.file === undefined ? {} : { file: loc.file }),
      ...(loc?.line === undefined ? {} : { line: loc.line }),
      ...(loc?.column === undefined ? {} : { column: loc.column }),
      ...(path === undefined ? {} : { path }),
      ...(rows === undefined ? {} : { count: rows.count, rows: rows.first }),
    },
  };
}
