import type { KgiResult } from './kgi.js';
import type { KpiCell, Severity } from './kpi.js';

/** Counts of checked KPI cells by status. */
export interface CheckSummary {
  pass: number;
  warn: number;
  fail: number;
  no_data: number;
}

/** The worst severity of all KPI cells and KGIs: `fail`, else `warn`, else `pass`. */
export function overallStatus(kpis: readonly KpiCell[], kgis: readonly KgiResult[]): Severity {
  const all = [...kpis.map((k) => k.severity), ...kgis.map((k) => k.severity)];
  return all.includes('fail') ? 'fail' : all.includes('warn') ? 'warn' : 'pass';
}

export function summarize(kpis: readonly KpiCell[]): CheckSummary {
  const out: CheckSummary = { pass: 0, warn: 0, fail: 0, no_data: 0 };
  for (const k of kpis) out[k.status]++;
  return out;
}

/** The outcome of checking targets as of a date. */
export interface CheckResult {
  asOf: string;
  status: Severity;
  /** The window KPIs were checked over: [from, min(to, as-of)]. */
  window: { from: string; to: string };
  kgis: KgiResult[];
  kpis: KpiCell[];
  summary: CheckSummary;
}
