import type { Activity } from '../engine/activity.js';
import type { Cost } from '../engine/cost.js';
import type { InputAggregates } from '../engine/input-report.js';
import { metricInfo } from '../engine/metrics/index.js';
import { INPUT_METRICS, type MetricInput } from '../engine/metrics/index.js';
import type { SurveyResponse } from '../engine/survey.js';
import type { DealsInputConfig } from '../config/schema.js';
import { messages } from '../i18n/index.js';
import type { ReadActivitiesResult } from '../ingest/activities.js';
import type { CostField } from '../ingest/costs.js';
import type { ReadDealsResult } from '../ingest/deals.js';
import { IdSet } from '../ingest/id-set.js';
import type { ReadInputResult } from '../ingest/input-table.js';
import type { SurveyField } from '../ingest/surveys.js';
import type { TargetFile } from '../targets/schema.js';
import { ingestActivities } from './activities-input.js';
import { ingestCosts } from './costs-input.js';
import { type DealStream, type DealsInputOptions, ingestDeals } from './deals-input.js';
import { checkStdin } from './input-reading.js';
import type { CliIO } from './io.js';
import { ingestSurveys } from './surveys-input.js';

/** Where the rows of each input go. */
export interface InputSinks {
  /**
   * Where deals go: aggregates (which a large file can be read into in parts
   * at once, see `--jobs`) or a stream of each deal.
   */
  deal: InputAggregates[] | DealStream;
  activity(activity: Activity): void;
  cost(cost: Cost): void;
  survey(response: SurveyResponse): void;
}

/** How each input was read; the inputs not given are absent. */
export interface AllReads {
  deals: ReadDealsResult;
  activities?: ReadActivitiesResult;
  costs?: ReadInputResult<CostField>;
  surveys?: ReadInputResult<SurveyField>;
}

/**
 * Reads every input given, each streamed once: the activities first (so
 * that a deal without a channel is `outside` when an activity about it was
 * outside — a visit or meeting by default — and `inside` otherwise, from a
 * set of 8-byte hashes of those deal ids), then the deals, the costs (in
 * the deals' currency) and the surveys. `null` when invalid rows stop the
 * run (exit code 2).
 */
export async function ingestAll(
  io: CliIO,
  file: string,
  opts: DealsInputOptions,
  sinks: InputSinks,
  targetsSection?: DealsInputConfig,
): Promise<AllReads | null> {
  checkStdin(file, opts);
  let activities: ReadActivitiesResult | undefined;
  const outside = new IdSet();
  if (opts.activities !== undefined) {
    const read = await ingestActivities(io, opts.activities, opts, (a, dealId) => {
      sinks.activity(a);
      if (dealId !== '' && a.channel === 'outside') outside.add(dealId);
    });
    if (read === null) return null;
    activities = read;
  }
  const deals = await ingestDeals(
    io,
    file,
    opts,
    sinks.deal,
    targetsSection,
    undefined,
    activities === undefined ? {} : { channelOf: (id) => (outside.has(id) ? 'outside' : 'inside') },
  );
  if (deals === null) return null;
  const out: AllReads = { deals, ...(activities === undefined ? {} : { activities }) };
  if (opts.costs !== undefined) {
    const one = opts.rates === undefined && deals.currencies.length === 1 ? deals.currencies[0] : undefined;
    const read = await ingestCosts(io, opts.costs, opts, one, sinks.cost);
    if (read === null) return null;
    out.costs = read;
  }
  if (opts.surveys !== undefined) {
    const read = await ingestSurveys(io, opts.surveys, opts, sinks.survey);
    if (read === null) return null;
    out.surveys = read;
  }
  return out;
}

/** Which metric inputs a run has. */
export function presentInputs(reads: AllReads): Record<MetricInput, boolean> {
  return {
    handoffs: reads.deals.hasAppointers,
    activities: reads.activities !== undefined,
    costs: reads.costs !== undefined,
    surveys: reads.surveys !== undefined,
  };
}

const INPUT_OF = new Map(INPUT_METRICS.map((m) => [m.id, m.input]));

/**
 * Warnings for the KGIs and KPIs of a target file whose metric needs an
 * input that was not given (their cells have no data).
 */
export function missingInputWarnings(
  file: string,
  targets: TargetFile,
  reads: AllReads,
  lang: DealsInputOptions['lang'] = 'en',
): string[] {
  const present = presentInputs(reads);
  const t = messages(lang);
  const out: string[] = [];
  const check = (path: string, metric: string): void => {
    const input = INPUT_OF.get(metric);
    if (input !== undefined && !present[input] && metricInfo(metric) !== undefined)
      out.push(t.inputMissing(file, path, metric, input));
  };
  targets.kgis.forEach((k, i) => check(`kgis[${i}]`, k.metric));
  targets.kpis.forEach((k, i) => check(`kpis[${i}]`, k.metric));
  return out;
}
