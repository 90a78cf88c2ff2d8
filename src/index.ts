/**
 * salesmetrics as a library: the pure metrics engine, the CSV ingestion and
 * the CLI's `run`.
 */
export * from './engine/index.js';
export { SalesmetricsError, UsageError, InputError, type InputLocation } from './errors.js';
export { readDeals, type ReadDealsOptions, type ReadDealsResult, type DealsProfile } from './ingest/deals.js';
export { readCsv, type CsvSink } from './ingest/csv-records.js';
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
export {
  renderReportHtml,
  renderCheckHtml,
  type HtmlOptions,
  type JsonReportWithCheck,
} from './reporters/html/index.js';
export { run } from './cli/run.js';
export type { CliIO, OutputStream } from './cli/io.js';
