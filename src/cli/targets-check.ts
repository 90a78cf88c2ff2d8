import { createAggregate, type DealAggregate } from '../engine/aggregate.js';
import { type Day, formatDay, parseIsoDay } from '../engine/calendar.js';
import {
  evaluateKgi,
  evaluateKpi,
  type CheckResult,
  type KpiCell,
  overallStatus,
  summarize,
} from '../engine/check/index.js';
import type { MetricId } from '../engine/metrics/index.js';
import type { Calendar, DayRange } from '../engine/periods.js';
import { buildReport, reportWindow } from '../engine/report.js';
import { ConfigError, InputError } from '../errors.js';
import type { ReadDealsResult } from '../ingest/deals.js';
import { parseTargets } from '../targets/load-targets.js';
import type { TargetFile } from '../targets/schema.js';
import { readYamlFile } from '../config/read-yaml-file.js';

/** Reads and validates a target file; a missing file is an input error. */
export function loadTargets(cwd: string, file: string): TargetFile {
  return parseTargets(readYamlFile(cwd, file, '--targets'), file);
}

function day(value: string | undefined): Day | undefined {
  return value === undefined ? undefined : (parseIsoDay(value) ?? undefined);
}

/** What a check needs from the command line; the target file fills in the rest. */
export interface CheckSettings {
  asOf: Day;
  from?: Day;
  to?: Day;
  calendar: Calendar;
}

/**
 * Sets up the aggregates a target file needs (one per KPI grouping over the
 * KPI window, one per KGI over its own window), to be fed every deal, and
 * computes the result once the deals are read.
 */
export function prepareCheck(
  targets: TargetFile,
  settings: CheckSettings,
): { aggregates: DealAggregate[]; finish(read: ReadDealsResult): CheckResult } {
  const { asOf, calendar } = settings;
  const from = settings.from ?? day(targets.window?.from);
  const to = settings.to ?? day(targets.window?.to);
  const kpiFilter: DayRange = { from: from ?? -Infinity, to: Math.min(to ?? Infinity, asOf) };
  // One aggregate for every KPI, grouped by every column a KPI names.
  const dims = [...new Set(targets.kpis.flatMap((k) => (k.by === undefined ? [] : [k.by])))];
  const kpiAgg = createAggregate({ calendar, by: dims, window: kpiFilter });
  const kgiAggs = targets.kgis.map((k) => {
    const start = day(k.start) ?? day(targets.window?.from);
    const deadline = day(k.deadline);
    if (start === undefined || deadline === undefined) {
      // parseTargets has checked both; this guards the types.
      throw new ConfigError('missing_start', `KGI ${k.id}: no start date`, { file: '' });
    }
    const window = { from: start, to: Math.max(start - 1, Math.min(asOf, deadline)) };
    return { kgi: k, start, deadline, window, agg: createAggregate({ calendar, by: [], window }) };
  });
  // The KPI aggregate also gives the window when there is nothing else to read.
  const all = [...(targets.kpis.length > 0 || kgiAggs.length === 0 ? [kpiAgg] : []), ...kgiAggs.map((k) => k.agg)];

  return {
    aggregates: all,
    finish(read) {
      const any = all[0];
      const inferred = any === undefined ? null : reportWindow(any, null);
      const wFrom = from ?? inferred?.from;
      const wTo = Math.min(to ?? inferred?.to ?? asOf, asOf);
      if (wFrom === undefined) {
        throw new InputError('no_dates', 'no deal has a date; set window.from in the target file or pass --from', {
          file: '',
        });
      }
      const window = { from: wFrom, to: Math.max(wTo, wFrom - 1) };
      const kpis: KpiCell[] = [];
      const known = { accounts: read.hasAccounts, amounts: read.hasAmounts };
      const report = buildReport(kpiAgg, { window, ...known });
      for (const k of targets.kpis) {
        kpis.push(
          ...evaluateKpi(
            {
              id: k.id,
              metric: k.metric as MetricId,
              ...(k.min === undefined ? {} : { min: k.min }),
              ...(k.max === undefined ? {} : { max: k.max }),
              ...(k.warn === undefined ? {} : { warn: k.warn }),
              ...(k.by === undefined ? {} : { by: k.by }),
              eachPeriod: k.each_period,
              whenMissing: k.when_missing,
            },
            report,
          ),
        );
      }
      const kgis = kgiAggs.map(({ kgi, start, deadline, window: w, agg }) => {
        const values = buildReport(agg, { window: w, ...known }).totals;
        return evaluateKgi(
          {
            id: kgi.id,
            ...(kgi.name === undefined ? {} : { name: kgi.name }),
            metric: kgi.metric as MetricId,
            target: kgi.target,
            start,
            deadline,
            behind: kgi.behind,
          },
          asOf,
          values,
        );
      });
      return {
        asOf: formatDay(asOf),
        status: overallStatus(kpis, kgis),
        window: { from: formatDay(window.from), to: formatDay(window.to) },
        kgis,
        kpis,
        summary: summarize(kpis),
      };
    },
  };
}
