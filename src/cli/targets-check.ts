import type { Activity } from '../engine/activity.js';
import { addActivity } from '../engine/activity-aggregate.js';
import { type Day, formatDay, parseIsoDay } from '../engine/calendar.js';
import {
  evaluateKgi,
  evaluateKpi,
  extendPlan,
  type CheckResult,
  type KpiCell,
  overallStatus,
  summarize,
} from '../engine/check/index.js';
import type { Cost } from '../engine/cost.js';
import { addCost } from '../engine/cost-aggregate.js';
import type { Deal } from '../engine/deal.js';
import {
  addDealToInputs,
  buildInputReport,
  createInputAggregates,
  type GivenInputs,
  type InputAggregates,
  inputsWindow,
} from '../engine/input-report.js';
import type { AnyMetricId } from '../engine/metrics/index.js';
import type { Calendar, DayRange } from '../engine/periods.js';
import type { SurveyResponse } from '../engine/survey.js';
import { addSurveyResponse } from '../engine/survey-aggregate.js';
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
  /** The inputs beside deals that are given. @default none */
  given?: GivenInputs;
}

/** What a check needs to know of how the inputs were read. */
export interface CheckReads {
  deals: Pick<ReadDealsResult, 'hasAccounts' | 'hasAmounts' | 'hasAppointers'>;
  /** Whether the activities have durations. @default true */
  durations?: boolean;
}

/** The aggregates of a check, fed row by row. */
export interface PreparedCheck {
  /** The aggregates deals go to (see `add`), for a read in parts. */
  aggregates: InputAggregates[];
  add(deal: Deal): void;
  addActivity(activity: Activity): void;
  addCost(cost: Cost): void;
  addSurvey(response: SurveyResponse): void;
  /** The result, once every input is read. */
  finish(read: CheckReads): CheckResult;
}

/**
 * Sets up the aggregates a target file needs (one per KPI grouping over the
 * KPI window, one per KGI over its own window, grouped by appointer for the
 * plan's meetings and calls), fed by `add…`, and computes the result once
 * every input is read.
 */
export function prepareCheck(targets: TargetFile, settings: CheckSettings): PreparedCheck {
  const { asOf, calendar } = settings;
  const given = settings.given ?? { activities: false, costs: false, surveys: false };
  const from = settings.from ?? day(targets.window?.from);
  const to = settings.to ?? day(targets.window?.to);
  const kpiFilter: DayRange = { from: from ?? -Infinity, to: Math.min(to ?? Infinity, asOf) };
  // One aggregate for every KPI, grouped by every column a KPI names.
  const dims = [...new Set(targets.kpis.flatMap((k) => (k.by === undefined ? [] : [k.by])))];
  const kpiAgg = createInputAggregates({ calendar, by: dims, window: kpiFilter }, given);
  const kgiAggs = targets.kgis.map((k) => {
    const start = day(k.start) ?? day(targets.window?.from);
    const deadline = day(k.deadline);
    if (start === undefined || deadline === undefined) {
      // parseTargets has checked both; this guards the types.
      throw new ConfigError('missing_start', `KGI ${k.id}: no start date`, { file: '' });
    }
    const window = { from: start, to: Math.max(start - 1, Math.min(asOf, deadline)) };
    return {
      kgi: k,
      start,
      deadline,
      window,
      agg: createInputAggregates({ calendar, by: ['appointer'], window }, given),
    };
  });
  // The KPI aggregate also gives the window when there is nothing else to read.
  const all: InputAggregates[] = [
    ...(targets.kpis.length > 0 || kgiAggs.length === 0 ? [kpiAgg] : []),
    ...kgiAggs.map((k) => k.agg),
  ];

  return {
    aggregates: all,
    add(deal) {
      for (const a of all) addDealToInputs(a, deal);
    },
    addActivity(activity) {
      for (const a of all) if (a.activities !== null) addActivity(a.activities, activity);
    },
    addCost(cost) {
      for (const a of all) if (a.costs !== null) addCost(a.costs, cost);
    },
    addSurvey(response) {
      for (const a of all) if (a.surveys !== null) addSurveyResponse(a.surveys, response);
    },
    finish(reads) {
      const read = reads.deals;
      const any = all[0];
      const inferred = any === undefined ? null : inputsWindow(any);
      const wFrom = from ?? inferred?.from;
      const wTo = Math.min(to ?? inferred?.to ?? asOf, asOf);
      if (wFrom === undefined) {
        throw new InputError('no_dates', 'no deal has a date; set window.from in the target file or pass --from', {
          file: '',
        });
      }
      const window = { from: wFrom, to: Math.max(wTo, wFrom - 1) };
      const kpis: KpiCell[] = [];
      const known = {
        accounts: read.hasAccounts,
        amounts: read.hasAmounts,
        appointers: read.hasAppointers,
        durations: reads.durations ?? true,
      };
      const report = buildInputReport(kpiAgg, { window, ...known });
      for (const k of targets.kpis) {
        kpis.push(
          ...evaluateKpi(
            {
              id: k.id,
              metric: k.metric as AnyMetricId,
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
        const r = buildInputReport(agg, { window: w, ...known });
        const result = evaluateKgi(
          {
            id: kgi.id,
            ...(kgi.name === undefined ? {} : { name: kgi.name }),
            metric: kgi.metric as AnyMetricId,
            target: kgi.target,
            start,
            deadline,
            behind: kgi.behind,
          },
          asOf,
          r.totals,
        );
        if (result.plan === null) return result;
        const appointers = r.groups.filter((g) => g.by === 'appointer').map((g) => ({ key: g.key, values: g.totals }));
        return { ...result, plan: extendPlan(result.plan, r.totals, appointers) };
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
