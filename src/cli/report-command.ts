import { addDeal, createAggregate } from '../engine/aggregate.js';
import { type Day, formatDay } from '../engine/calendar.js';
import type { Dimension } from '../engine/deal.js';
import type { Granularity } from '../engine/periods.js';
import { buildReport, reportWindow } from '../engine/report.js';
import { InputError, UsageError } from '../errors.js';
import { renderReportCsv } from '../reporters/csv.js';
import { toJsonReport } from '../reporters/json.js';
import { renderReportTable } from '../reporters/table.js';
import { toJsonCheck } from '../reporters/check-json.js';
import { renderCheckTable } from '../reporters/check-table.js';
import { checkExitCode, today } from './check-command.js';
import { chalkFor } from './color.js';
import { dealsInput } from './inputs.js';
import { loadTargets, prepareCheck } from './targets-check.js';
import { type DealsInputOptions, displayName, ingestDeals, mixedCurrencyWarning } from './deals-input.js';
import { messages } from '../i18n/index.js';
import { type CliIO, EXIT } from './io.js';
import { checkOutput, toStdout, writeOutput } from './output.js';
import { VERSION } from './version.js';

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
  if (opts.from !== undefined && opts.to !== undefined && opts.from > opts.to) {
    throw new UsageError('bad_window', '--from is after --to; give a window with from ≤ to.');
  }
  checkOutput(io, opts.output);
  const name = displayName(file);
  const given = opts.from !== undefined || opts.to !== undefined;
  const targets = opts.targets === undefined ? undefined : loadTargets(io.cwd, opts.targets);
  const calendar = {
    granularity: opts.period ?? targets?.period ?? 'month',
    fiscalYearStart: opts.fiscalYearStart ?? targets?.fiscal_year_start ?? 1,
  };
  // Deals closed outside a given window stay out of closed-deal figures; an open end is unbounded.
  const filter = given ? { from: opts.from ?? -Infinity, to: opts.to ?? Infinity } : null;
  const agg = createAggregate({ calendar, by: opts.by === undefined ? [] : [opts.by], window: filter });

  const check =
    targets === undefined
      ? undefined
      : prepareCheck(targets, {
          asOf: opts.asOf ?? today(io),
          ...(opts.from === undefined ? {} : { from: opts.from }),
          ...(opts.to === undefined ? {} : { to: opts.to }),
          calendar,
        });
  const read = await ingestDeals(
    io,
    file,
    opts,
    (deal) => {
      addDeal(agg, deal);
      check?.add(deal);
    },
    targets?.deals,
  );
  if (read === null) return EXIT.error;

  const inferred = reportWindow(agg, null);
  const from = opts.from ?? inferred?.from;
  const to = opts.to ?? inferred?.to;
  if (from === undefined || to === undefined) {
    throw new InputError('no_dates', `${name}: no deal has a date; pass --from and --to to set the window`, {
      file: name,
    });
  }
  if (from > to) {
    throw new UsageError(
      'bad_window',
      `the window ${formatDay(from)} – ${formatDay(to)} is empty; adjust --from or --to`,
      { from: formatDay(from), to: formatDay(to) },
    );
  }
  const report = buildReport(agg, { window: { from, to }, accounts: read.hasAccounts, amounts: read.hasAmounts });
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
  const inputs = dealsInput(file, read);
  const json = toJsonReport(report, inputs);
  const checked = check?.finish(read);
  const only = report.currencies.length === 1 && !report.mixedCurrencies ? report.currencies[0] : undefined;
  const currency = only === undefined ? {} : { currency: only };
  let text: string;
  switch (opts.format) {
    case 'json':
      text =
        JSON.stringify(checked === undefined ? json : { ...json, check: toJsonCheck(checked, inputs) }, null, 2) + '\n';
      break;
    case 'csv':
      text = renderReportCsv(json);
      break;
    case 'html': {
      // The HTML renderer (and the charting library behind it) loads only here.
      const { renderReportHtml } = await import('../reporters/html/index.js');
      const doc = checked === undefined ? json : { ...json, check: toJsonCheck(checked, inputs) };
      text = await renderReportHtml(doc, { lang, ...currency, program: `salesmetrics ${VERSION}` });
      break;
    }
    case 'table': {
      // A file gets no colours.
      const chalk = chalkFor(io, opts.color && toStdout(opts.output));
      text = renderReportTable(json, { chalk, lang, ...currency });
      if (checked !== undefined) text += '\n' + renderCheckTable(checked, chalk, { lang, ...currency });
      break;
    }
  }
  writeOutput(io, opts.output, text, lang);
  return checked === undefined ? EXIT.ok : checkExitCode(checked.status, 'fail');
}
