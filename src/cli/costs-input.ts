import type { Cost } from '../engine/cost.js';
import { type CostField, readCosts } from '../ingest/costs.js';
import type { ReadInputResult } from '../ingest/input-table.js';
import type { DealsInputOptions } from './deals-input.js';
import { ingestInput, inputProfile } from './input-reading.js';
import type { CliIO } from './io.js';
import { loadRates } from './rates.js';

/**
 * Reads `--costs FILE` in the deals' currency: converted with `--rates`, or
 * else each cost naming a currency must name `dealCurrency` (the deals' one
 * currency, when they have exactly one). `null` when invalid rows stop the run.
 */
export function ingestCosts(
  io: CliIO,
  file: string,
  opts: DealsInputOptions,
  dealCurrency: string | undefined,
  onCost: (cost: Cost) => void,
): Promise<ReadInputResult<CostField> | null> {
  const { profile, section } = inputProfile(io, opts, 'costs');
  const categories = section?.categories;
  const convert = opts.rates === undefined ? undefined : loadRates(io.cwd, opts.rates, opts.currency);
  return ingestInput(io, file, opts, 'costs', (stream, name, onReject) =>
    readCosts(stream, {
      file: name,
      profile: {
        ...profile,
        ...(categories === undefined ? {} : { categories }),
        ...(convert === undefined ? {} : { convert }),
        ...(dealCurrency === undefined ? {} : { dealCurrency }),
      },
      onCost,
      onReject,
    }),
  );
}
