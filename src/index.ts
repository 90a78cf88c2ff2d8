/**
 * salesmetrics as a library: the pure metrics engine, the CSV ingestion and
 * the CLI's `run`.
 */
export * from './engine/index.js';
export { SalesmetricsError, UsageError, InputError, type InputLocation } from './errors.js';
export { readDeals, type ReadDealsOptions, type ReadDealsResult, type DealsProfile } from './ingest/deals.js';
export { readCsv, type CsvSink } from './ingest/csv-records.js';
export {
  ACTIVITY_FIELDS,
  readActivities,
  type ActivitiesProfile,
  type ReadActivitiesOptions,
  type ReadActivitiesResult,
} from './ingest/activities.js';
export { COST_FIELDS, readCosts, type CostsProfile, type ReadCostsOptions } from './ingest/costs.js';
export { SURVEY_FIELDS, readSurveys, type SurveysProfile, type ReadSurveysOptions } from './ingest/surveys.js';
export type { InputProfile, ReadInputResult } from './ingest/input-table.js';
export {
  DEAL_FIELDS,
  type DealField,
  normalizeHeader,
  resolveDealColumns,
  PRESETS,
  type PresetName,
} from './ingest/columns.js';
export { formatRowProblem, type RowProblem, type RowProblemCode } from './ingest/row-problem.js';
export { toJsonReport, type JsonReport, type JsonError } from './reporters/json.js';
export { renderReportTable } from './reporters/table.js';
export { renderReportCsv } from './reporters/csv.js';
export { toJsonPipeline, type JsonPipeline } from './reporters/pipeline-json.js';
export { renderPipelineTable } from './reporters/pipeline-table.js';
export {
  renderReportHtml,
  renderCheckHtml,
  type HtmlOptions,
  type JsonReportWithCheck,
} from './reporters/html/index.js';
export { run } from './cli/run.js';
export type { CliIO, OutputStream } from './cli/io.js';
