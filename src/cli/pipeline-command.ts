import { type Day, parseIsoDay } from '../engine/calendar.js';
import type { Dimension } from '../engine/deal.js';
import type { Granularity } from '../engine/periods.js';
import {
  addPipelineDeal,
  buildPipeline,
  createPipeline,
  forecastKgi,
  forecastThrough,
  type KgiForecast,
  PPM,
  type StageSpec,
} from '../engine/pipeline/index.js';
import { loadConfig } from '../config/load-config.js';
import type { StageConfig } from '../config/schema.js';
import { InputError } from '../errors.js';
import { messages } from '../i18n/index.js';
import { PRESETS } from '../ingest/presets.js';
import { stageClassifier } from '../ingest/stages.js';
import { toJsonPipeline } from '../reporters/pipeline-json.js';
import { renderPipelineTable } from '../reporters/pipeline-table.js';
import { today } from './check-exit.js';
import { chalkFor } from './color.js';
import { type DealsInputOptions, dealsProfile, displayName, ingestDeals } from './deals-input.js';
import { restartDeals } from '../engine/input-report.js';
import { dealsInput } from './inputs.js';
import { type CliIO, EXIT } from './io.js';
import { checkOutput, toStdout, writeOutput } from './output.js';
import { VERSION } from './version.js';
import { loadTargets, prepareCheck } from './targets-check.js';
import { checkWindowFlags } from './window.js';

/** The options of `salesmetrics pipeline`, as parsed. */
export interface PipelineCommandOptions extends DealsInputOptions {
  asOf?: Day;
  /** @default the target file's, else month */
  period?: Granularity;
  /** @default the target file's, else 1 */
  fiscalYearStart?: number;
  horizon: number;
  staleDays: number;
  segmentBy: Dimension;
  backtest: boolean;
  backtestPeriods: number;
  /** The stage funnel's window of created dates. */
  from?: Day;
  to?: Day;
  /** A target file whose revenue KGIs get projections with the forecast. */
  targets?: string;
  format: 'table' | 'json' | 'html';
  /** `-o FILE`: where the output goes. @default standard output */
  output?: string;
  color: boolean;
}

/** The configured stages in pipeline order: by `order`, else as listed. */
export function configuredStages(stages: readonly StageConfig[] | undefined): StageSpec[] {
  return (stages ?? [])
    .map((s, i) => ({ s, i }))
    .sort((a, b) => (a.s.order ?? a.i) - (b.s.order ?? b.i) || a.i - b.i)
    .map(({ s }) => ({
      name: s.name,
      probability: s.probability === undefined ? null : Math.round(s.probability * PPM),
    }));
}

/** Runs `salesmetrics pipeline FILE`. Returns the exit code. */
export async function pipelineCommand(io: CliIO, file: string, opts: PipelineCommandOptions): Promise<number> {
  checkWindowFlags(opts);
  checkOutput(io, opts.output);
  const name = displayName(file);
  const targets = opts.targets === undefined ? undefined : loadTargets(io.cwd, opts.targets);
  const calendar = {
    granularity: opts.period ?? targets?.period ?? 'month',
    fiscalYearStart: opts.fiscalYearStart ?? targets?.fiscal_year_start ?? 1,
  };
  const asOf = opts.asOf ?? today(io);
  const config = loadConfig(io.cwd, opts.config)?.config;
  const start = (): ReturnType<typeof createPipeline> =>
    createPipeline({
      calendar,
      asOf,
      horizon: opts.horizon,
      staleDays: opts.staleDays,
      stages: configuredStages(config?.stages),
      segmentBy: opts.segmentBy,
      backtest: opts.backtest ? opts.backtestPeriods : 0,
      funnel: { from: opts.from ?? -Infinity, to: opts.to ?? Infinity },
    });
  let agg = start();
  const check = targets === undefined ? undefined : prepareCheck(targets, { asOf, calendar });
  const read = await ingestDeals(
    io,
    file,
    opts,
    {
      deal(deal) {
        addPipelineDeal(agg, deal);
        check?.add(deal);
      },
      restart() {
        agg = start();
        for (const a of check?.aggregates ?? []) restartDeals(a);
      },
    },
    targets?.deals,
  );
  if (read === null) return EXIT.error;

  const currencies = [...agg.currencies];
  if (currencies.length > 1) {
    const named = currencies.filter((c) => c !== '').sort();
    const blank = named.length < currencies.length;
    const list = [...named, ...(blank ? ['none named'] : [])].join(', ');
    throw new InputError(
      'mixed_currencies',
      `${name} has amounts in several currencies (${list}): the pipeline adds amounts up; pass --rates FILE --currency CODE to convert them`,
      { file: name },
      { currencies: named.join(', '), blank: blank ? 1 : 0 },
    );
  }
  // Configured stages that mean won or lost (Closed Won, 受注) are not steps of the pipeline.
  const profile = await dealsProfile(io, opts, targets?.deals);
  const preset = read.preset === null ? undefined : PRESETS[read.preset];
  const classify = stageClassifier(
    [...(preset?.won ?? []), ...(profile.won ?? [])],
    [...(preset?.lost ?? []), ...(profile.lost ?? [])],
  );
  const result = buildPipeline(agg, {
    probabilityScale: read.probabilityScale,
    amounts: read.hasAmounts,
    forecastCategories: read.hasForecastCategories,
    isClosedStage: (stage) => classify(stage) !== 'open',
  });

  let kgis: KgiForecast[] | null = null;
  if (check !== undefined) {
    kgis = check
      .finish({ deals: read })
      .kgis.filter((k) => k.metric === 'revenue')
      .map((k) => {
        const deadline = parseIsoDay(k.deadline) ?? asOf;
        const f = forecastThrough(agg, deadline, read.probabilityScale);
        return forecastKgi(k, read.hasAmounts ? f : { weighted: null, expected: null });
      });
  }

  const lang = opts.lang ?? 'en';
  const t = messages(lang);
  for (const note of result.notes) io.stderr.write(`salesmetrics: ${t.pipeline.note(name, note)}\n`);
  const json = toJsonPipeline(result, dealsInput(file, read), kgis);
  const only = result.currencies.length === 1 ? result.currencies[0] : undefined;
  const currency = only === undefined ? {} : { currency: only };
  let text: string;
  if (opts.format === 'json') text = JSON.stringify(json, null, 2) + '\n';
  else if (opts.format === 'html') {
    // The HTML renderer (and the charting library behind it) loads only here.
    const { renderPipelineHtml } = await import('../reporters/html/index.js');
    text = await renderPipelineHtml(json, { lang, ...currency, program: `salesmetrics ${VERSION}` });
  } else {
    // A file gets no colours.
    text = renderPipelineTable(json, { chalk: chalkFor(io, opts.color && toStdout(opts.output)), lang, ...currency });
  }
  writeOutput(io, opts.output, text, lang);
  return EXIT.ok;
}
