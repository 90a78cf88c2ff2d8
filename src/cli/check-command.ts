import { dayFromYMD, type Day } from '../engine/calendar.js';
import type { Severity } from '../engine/check/index.js';
import type { Granularity } from '../engine/periods.js';
import { renderCheckJunit } from '../reporters/check-junit.js';
import { toJsonCheck } from '../reporters/check-json.js';
import { renderCheckMarkdown } from '../reporters/check-markdown.js';
import { renderCheckTable } from '../reporters/check-table.js';
import type { NumberStyle } from '../reporters/format.js';
import { chalkFor } from './color.js';
import { allInputs } from './inputs.js';
import type { DealsInputOptions } from './deals-input.js';
import { ingestAll, missingInputWarnings } from './all-inputs.js';
import { messages } from '../i18n/index.js';
import { checkOutput, toStdout, writeOutput } from './output.js';
import { VERSION } from './version.js';
import { type CliIO, EXIT } from './io.js';
import { loadTargets, prepareCheck } from './targets-check.js';
import { checkWindowFlags } from './window.js';

/** The options of `salesmetrics check`, as parsed. */
export interface CheckCommandOptions extends DealsInputOptions {
  targets: string;
  asOf?: Day;
  from?: Day;
  to?: Day;
  period?: Granularity;
  fiscalYearStart?: number;
  format: 'table' | 'json' | 'markdown' | 'junit' | 'html';
  failOn: Severity;
  color: boolean;
  /** `-o FILE`: where the output goes. @default standard output */
  output?: string;
}

/** Today's calendar date where the user is: the only place the clock is read. */
export function today(io: CliIO): Day {
  const now = io.now?.() ?? new Date();
  return dayFromYMD(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The exit code of a check: 1 when anything failed, or warned with `--fail-on warn`. */
export function checkExitCode(status: Severity, failOn: Severity): number {
  return status === 'fail' || (failOn === 'warn' && status === 'warn') ? EXIT.targetsMissed : EXIT.ok;
}

/** Runs `salesmetrics check FILE --targets targets.yaml`. Returns the exit code. */
export async function checkCommand(io: CliIO, file: string, opts: CheckCommandOptions): Promise<number> {
  checkWindowFlags(opts);
  checkOutput(io, opts.output);
  const targets = loadTargets(io.cwd, opts.targets);
  const asOf = opts.asOf ?? today(io);
  const check = prepareCheck(targets, {
    asOf,
    ...(opts.from === undefined ? {} : { from: opts.from }),
    ...(opts.to === undefined ? {} : { to: opts.to }),
    calendar: {
      granularity: opts.period ?? targets.period ?? 'month',
      fiscalYearStart: opts.fiscalYearStart ?? targets.fiscal_year_start ?? 1,
    },
    given: {
      activities: opts.activities !== undefined,
      costs: opts.costs !== undefined,
      surveys: opts.surveys !== undefined,
    },
  });
  const reads = await ingestAll(
    io,
    file,
    opts,
    {
      deal: check.aggregates,
      activity: (activity) => check.addActivity(activity),
      cost: (cost) => check.addCost(cost),
      survey: (response) => check.addSurvey(response),
    },
    targets.deals,
  );
  if (reads === null) return EXIT.error;
  const read = reads.deals;
  const t = messages(opts.lang ?? 'en');
  for (const w of missingInputWarnings(opts.targets, targets, reads, opts.lang))
    io.stderr.write(`salesmetrics: ${t.warning(w)}\n`);
  const result = check.finish({ deals: read, durations: reads.activities?.hasDurations ?? true });
  // Amounts read `￥1,234` in Japanese when every deal is in JPY.
  const only = read.currencies.length === 1 ? read.currencies[0] : undefined;
  const style: NumberStyle = { lang: opts.lang ?? 'en', ...(only === undefined ? {} : { currency: only }) };
  let text: string;
  switch (opts.format) {
    case 'json':
      text = JSON.stringify(toJsonCheck(result, allInputs(file, opts, reads)), null, 2) + '\n';
      break;
    case 'markdown':
      text = renderCheckMarkdown(result, style);
      break;
    case 'junit':
      text = renderCheckJunit(result, opts.failOn);
      break;
    case 'html': {
      // The HTML renderer (and the charting library behind it) loads only here.
      const { renderCheckHtml } = await import('../reporters/html/index.js');
      text = await renderCheckHtml(toJsonCheck(result, allInputs(file, opts, reads)), {
        ...style,
        program: `salesmetrics ${VERSION}`,
      });
      break;
    }
    case 'table':
      text = renderCheckTable(result, chalkFor(io, opts.color && toStdout(opts.output)), style);
      break;
  }
  writeOutput(io, opts.output, text, opts.lang);
  return checkExitCode(result.status, opts.failOn);
}
