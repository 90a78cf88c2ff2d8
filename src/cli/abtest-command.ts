import { abTestVariants, addAbTestDeal, analyzeAbTest, createAbTest } from '../engine/abtest.js';
import { type Day, formatDay } from '../engine/calendar.js';
import { loadDistributions } from '../engine/stats/distributions.js';
import { closest, InputError, UsageError } from '../errors.js';
import { toJsonAbTest } from '../reporters/abtest-json.js';
import { renderAbTestTable } from '../reporters/abtest-table.js';
import { chalkFor } from './color.js';
import { type DealsInputOptions, displayName, ingestDeals } from './deals-input.js';
import { dealsInput } from './inputs.js';
import { type CliIO, EXIT } from './io.js';
import { checkWindowFlags } from './window.js';

/** The options of `salesmetrics abtest`, as parsed. */
export interface AbTestCommandOptions extends DealsInputOptions {
  /** The column whose values are the variants. */
  variant: string;
  /** @default the first variant in text order */
  control?: string;
  from?: Day;
  to?: Day;
  format: 'table' | 'json';
  color: boolean;
}

/** Runs `salesmetrics abtest FILE --variant COLUMN`. Returns the exit code. */
export async function abtestCommand(io: CliIO, file: string, opts: AbTestCommandOptions): Promise<number> {
  checkWindowFlags(opts);
  const name = displayName(file);
  // The distribution functions load while the file is read.
  const distributions = loadDistributions();
  const given = opts.from !== undefined || opts.to !== undefined;
  const start = (): ReturnType<typeof createAbTest> =>
    createAbTest({ window: given ? { from: opts.from ?? -Infinity, to: opts.to ?? Infinity } : null });
  let agg = start();
  const read = await ingestDeals(
    io,
    file,
    opts,
    { deal: (deal, variant) => addAbTestDeal(agg, deal, variant), restart: () => (agg = start()) },
    undefined,
    { column: opts.variant, flag: '--variant' },
  );
  if (read === null) return EXIT.error;

  const variants = abTestVariants(agg);
  if (variants.length < 2) {
    const found = variants.map((v) => JSON.stringify(v)).join(', ');
    throw new InputError(
      'too_few_variants',
      `${name}: the closed deals${given ? ' in the window' : ''} have ${variants.length === 0 ? 'no value' : `one value (${found})`} in column \`${opts.variant}\`; an A/B test compares two or more — check --variant${given ? ', --from and --to' : ''}`,
      { file: name, column: opts.variant },
      { count: variants.length, found, window: given ? 1 : 0 },
    );
  }
  const control = opts.control ?? (variants[0] as string);
  if (!variants.includes(control)) {
    const near = closest(control, variants);
    const list = variants.join(', ');
    throw new UsageError(
      'unknown_control',
      `--control ${control}: no closed deal has ${opts.variant} "${control}"; values: ${list}` +
        (near === undefined ? '' : ` — did you mean ${near}?`),
      { control, column: opts.variant, values: list, guess: near ?? '' },
    );
  }
  const result = analyzeAbTest(
    agg,
    { control, amounts: read.hasAmounts, createdDates: read.hasCreatedDates },
    await distributions,
  );
  const window = {
    from: opts.from === undefined ? null : formatDay(opts.from),
    to: opts.to === undefined ? null : formatDay(opts.to),
  };
  const doc = toJsonAbTest(result, { variant: opts.variant, window }, dealsInput(file, read));
  if (opts.format === 'json') {
    io.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    return EXIT.ok;
  }
  const only = result.currencies.length === 1 && !result.mixedCurrencies ? result.currencies[0] : undefined;
  io.stdout.write(
    renderAbTestTable(doc, {
      chalk: chalkFor(io, opts.color),
      lang: opts.lang ?? 'en',
      ...(only === undefined ? {} : { currency: only }),
    }),
  );
  return EXIT.ok;
}
