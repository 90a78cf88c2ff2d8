import { addActivity } from '../engine/activity-aggregate.js';
import type { Day } from '../engine/calendar.js';
import { addCost } from '../engine/cost-aggregate.js';
import type { Dimension } from '../engine/deal.js';
import { buildInputReport, createInputAggregates, inputsWindow } from '../engine/input-report.js';
import type { Granularity } from '../engine/periods.js';
import { addSurveyResponse } from '../engine/survey-aggregate.js';
import { toJsonReport } from '../reporters/json.js';
import { toJsonCheck } from '../reporters/check-json.js';
import { checkExitCode, today } from './check-exit.js';
import { allInputs } from './inputs.js';
import { type DealsInputOptions, displayName, mixedCurrencyWarning } from './deals-input.js';
import { ingestAll, missingInputWarnings } from './all-inputs.js';
import { messages } from '../i18n/index.js';
import { type CliIO, EXIT } from './io.js';
import { checkOutput, toStdout, writeOutput } from './output.js';
import { VERSION } from './version.js';
import { checkWindowFlags, resolveWindow } from './window.js';

/** The options of `salesmetrics report`, as parsed. */
export interface ReportCommandOptions extends DealsInputOptions {
  from?: Day;
  to?: Day;
  /** @default the target file's, else month */
  period?: Granularity;
  /** @default the target file's, else 1 */
  fiscalYearStart?: number;
  by?: Dimension;
  format: 'table' | 'json' | 'csv' | 'html';
  color: boolean;
  /** `-o FILE`: where the output goes. @default standard output */
  output?: string;
  /** A target file to check as well. */
  targets?: string;
  asOf?: Day;
}

/** Runs `salesmetrics report FILE`. Returns the exit code. */
export async function reportCommand(io: CliIO, file: string, opts: ReportCommandOptions): Promise<number> {
  checkWindowFlags(opts);
  checkOutput(io, opts.output);
  const name = displayName(file);
  const given = opts.from !== undefined || opts.to !== undefined;
  // Target files (and the YAML and schema libraries) load only with --targets.
  const targeting = opts.targets === undefined ? undefined : await import('./targets-check.js');
  const targets = opts.targets === undefined ? undefined : targeting?.loadTargets(io.cwd, opts.targets);
  const calendar = {
    granularity: opts.period ?? targets?.period ?? 'month',
    fiscalYearStart: opts.fiscalYearStart ?? targets?.fiscal_year_start ?? 1,
  };
  // Deals closed outside a given window stay out of closed-deal figures; an open end is unbounded.
  const filter = given ? { from: opts.from ?? -Infinity, to: opts.to ?? Infinity } : null;
  const inputs = {
    activities: opts.activities !== undefined,
    costs: opts.costs !== undefined,
    surveys: opts.surveys !== undefined,
  };
  const agg = createInputAggregates({ calendar, by: opts.by === undefined ? [] : [opts.by], window: filter }, inputs);

  const check =
    targets === undefined || targeting === undefined
      ? undefined
      : targeting.prepareCheck(targets, {
          asOf: opts.asOf ?? today(io),
          ...(opts.from === undefined ? {} : { from: opts.from }),
          ...(opts.to === undefined ? {} : { to: opts.to }),
          calendar,
          given: inputs,
        });
  const reads = await ingestAll(
    io,
    file,
    opts,
    {
      deal: [agg, ...(check?.aggregates ?? [])],
      activity(activity) {
        if (agg.activities !== null) addActivity(agg.activities, activity);
        check?.addActivity(activity);
      },
      cost(cost) {
        if (agg.costs !== null) addCost(agg.costs, cost);
        check?.addCost(cost);
      },
      survey(response) {
        if (agg.surveys !== null) addSurveyResponse(agg.surveys, response);
        check?.addSurvey(response);
      },
    },
    targets?.deals,
  );
  if (reads === null) return EXIT.error;
  const read = reads.deals;

  const { from, to } = resolveWindow(name, opts, inputsWindow(agg));
  const durations = reads.activities?.hasDurations ?? true;
  const report = buildInputReport(agg, {
    window: { from, to },
    accounts: read.hasAccounts,
    amounts: read.hasAmounts,
    appointers: read.hasAppointers,
    durations,
  });
  const lang = opts.lang ?? 'en';
  const t = messages(lang);
  if (report.mixedCurrencies)
    io.stderr.write(
      `salesmetrics: ${t.warning(
        mixedCurrencyWarning(
          name,
          report.currencies,
          report.groups.some((g) => g.by === 'currency' && g.key === ''),
          lang,
        ),
      )}\n`,
    );
  const jsonInputs = allInputs(file, opts, reads);
  const json = toJsonReport(report, jsonInputs);
  if (targets !== undefined && opts.targets !== undefined)
    for (const w of missingInputWarnings(opts.targets, targets, reads, lang))
      io.stderr.write(`salesmetrics: ${t.warning(w)}\n`);
  const checked = check?.finish({ deals: read, durations });
  const only = report.currencies.length === 1 && !report.mixedCurrencies ? report.currencies[0] : undefined;
  const currency = only === undefined ? {} : { currency: only };
  let text: string;
  switch (opts.format) {
    case 'json':
      text =
        JSON.stringify(checked === undefined ? json : { ...json, check: toJsonCheck(checked, jsonInputs) }, null, 2) +
        '\n';
      break;
    case 'csv':
      text = (await import('../reporters/csv.js')).renderReportCsv(json);
      break;
    case 'html': {
      // The HTML renderer (and the charting library behind it) loads only here.
      const { renderReportHtml } = await import('../reporters/html/index.js');
      const doc = checked === undefined ? json : { ...json, check: toJsonCheck(checked, jsonInputs) };
      text = await renderReportHtml(doc, { lang, ...currency, program: `salesmetrics ${VERSION}` });
      break;
    }
    case 'table': {
      // A file gets no colours.
      // The table libraries load only for tables.
      const [{ chalkFor }, { renderReportTable }, { renderCheckTable }] = await Promise.all([
        import('./color.js'),
        import('../reporters/table.js'),
        import('../reporters/check-table.js'),
      ]);
      const chalk = chalkFor(io, opts.color && toStdout(opts.output));
      text = renderReportTable(json, { chalk, lang, ...currency });
      if (checked !== undefined) text += '\n' + renderCheckTable(checked, chalk, { lang, ...currency });
      break;
    }
  }
  writeOutput(io, opts.output, text, lang);
  return checked === undefined ? EXIT.ok : checkExitCode(checked.status, 'fail');
}
