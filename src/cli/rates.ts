import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { InputError, UsageError } from '../errors.js';
import type { CurrencyConversion } from '../ingest/deals.js';

const RATE = /^(\d+)(?:\.(\d+))?$/;

/**
 * Reads `--rates FILE`: a CSV with columns `currency,rate`, where rate is how
 * many units of the `--currency` target one unit of that currency is worth.
 * Rates are kept as exact fractions of their decimal digits.
 */
export function loadRates(cwd: string, file: string, target: string | undefined): CurrencyConversion {
  if (target === undefined)
    throw new UsageError('missing_currency', '--rates needs --currency CODE: the currency to convert to');
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new InputError(
        'file_not_found',
        `${file}: no such file; check the --rates path`,
        { file },
        { flag: '--rates' },
      );
    }
    throw err;
  }
  const rows = parse(text, { bom: true, skip_empty_lines: true, trim: true }) as string[][];
  const header = (rows[0] ?? []).map((h) => h.toLowerCase());
  const ci = header.indexOf('currency');
  const ri = header.indexOf('rate');
  if (ci < 0 || ri < 0) {
    throw new InputError(
      'missing_column',
      `${file}: expected columns currency,rate; found: ${header.join(', ')}`,
      { file },
      { found: header.join(', ') },
    );
  }
  const rates = new Map<string, { num: bigint; den: bigint }>([[target, { num: 1n, den: 1n }]]);
  rows.slice(1).forEach((row, i) => {
    const currency = row[ci] ?? '';
    const raw = row[ri] ?? '';
    const m = RATE.exec(raw);
    if (currency === '' || m === null || /^0*(\.0*)?$/.test(raw)) {
      throw new InputError(
        'bad_rate',
        `${file}:${i + 2}: column rate: "${raw}" is not a positive decimal rate for "${currency}"`,
        {
          file,
          line: i + 2,
          column: 'rate',
          value: raw,
        },
        { currency },
      );
    }
    const frac = m[2] ?? '';
    rates.set(currency, { num: BigInt((m[1] ?? '0') + frac), den: 10n ** BigInt(frac.length) });
  });
  return { to: target, rates };
}
