import type { Day } from '../engine/calendar.js';
import { addCohortDeal, buildCohorts, cohortWindow, createCohorts } from '../engine/cohorts.js';
import type { Granularity } from '../engine/periods.js';
import { InputError } from '../errors.js';
import { cohortsMessages } from '../i18n/cohorts.js';
import { messages } from '../i18n/index.js';
import { toJsonCohorts } from '../reporters/cohorts-json.js';
import { renderCohortsTable } from '../reporters/cohorts-table.js';
import { chalkFor } from './color.js';
import { type DealsInputOptions, displayName, ingestDeals } from './deals-input.js';
import { dealsInput } from './inputs.js';
import { type CliIO, EXIT } from './io.js';
import { checkOutput, toStdout, writeOutput } from './output.js';
import { VERSION } from './version.js';
import { checkWindowFlags, resolveWindow } from './window.js';

/** The options of `salesmetrics cohorts`, as parsed. */
export interface CohortsCommandOptions extends DealsInputOptions {
  from?: Day;
  to?: Day;
  /** @default 'month' */
  period?: Extract<Granularity, 'month' | 'quarter' | 'year'>;
  /** @default 1 */
  fiscalYearStart?: number;
  format: 'table' | 'json' | 'html';
  /** `-o FILE`: where the output goes. @default standard output */
  output?: string;
  color: boolean;
}

/** Runs `salesmetrics cohorts FILE`. Returns the exit code. */
export async function cohortsCommand(io: CliIO, file: string, opts: CohortsCommandOptions): Promise<number> {
  checkWindowFlags(opts);
  checkOutput(io, opts.output);
  const name = displayName(file);
  const calendar = { granularity: opts.period ?? 'month', fiscalYearStart: opts.fiscalYearStart ?? 1 };
  const given = opts.from !== undefined || opts.to !== undefined;
  const start = (): ReturnType<typeof createCohorts> =>
    createCohorts({ calendar, window: given ? { from: opts.from ?? -Infinity, to: opts.to ?? Infinity } : null });
  let agg = start();
  const read = await ingestDeals(io, file, opts, {
    deal: (deal) => addCohortDeal(agg, deal),
    restart: () => (agg = start()),
  });
  if (read === null) return EXIT.error;
  if (!read.hasAccounts) {
    throw new InputError(
      'no_accounts',
      `${name}: no account_id or account_name column; cohorts group accounts — map one with --map account_id='<header>'`,
      { file: name, column: 'account_id' },
    );
  }
  const { from, to } = resolveWindow(name, opts, cohortWindow(agg));
  const result = buildCohorts(agg, { window: { from, to }, amounts: read.hasAmounts });
  const lang = opts.lang ?? 'en';
  if (result.mixedCurrencies) {
    io.stderr.write(
      `salesmetrics: ${messages(lang).warning(cohortsMessages(lang).mixedCurrencies(name, [...agg.currencies].sort()))}\n`,
    );
  }
  const doc = toJsonCohorts(result, dealsInput(file, read));
  const only = result.currencies.length === 1 && !result.mixedCurrencies ? result.currencies[0] : undefined;
  const currency = only === undefined ? {} : { currency: only };
  let text: string;
  if (opts.format === 'json') text = JSON.stringify(doc, null, 2) + '\n';
  else if (opts.format === 'html') {
    // The HTML renderer (and the charting library behind it) loads only here.
    const { renderCohortsHtml } = await import('../reporters/html/index.js');
    text = await renderCohortsHtml(doc, { lang, ...currency, program: `salesmetrics ${VERSION}` });
  } else {
    // A file gets no colours.
    text = renderCohortsTable(doc, { chalk: chalkFor(io, opts.color && toStdout(opts.output)), lang, ...currency });
  }
  writeOutput(io, opts.output, text, lang);
  return EXIT.ok;
}
