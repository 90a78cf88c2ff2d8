/**
 * Money is held as an integer count of minor units (1/10,000 of the currency
 * unit) in a `bigint`, so sums are exact whatever their size. Yen, dollars
 * with cents and three-decimal currencies all fit without loss.
 */
export type Money = bigint;

/** Decimal places kept for amounts. */
export const MONEY_DECIMALS = 4;
/** Minor units per currency unit. */
export const MINOR_PER_UNIT = 10n ** BigInt(MONEY_DECIMALS);

const PLAIN_DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$|^([+-]?)\.(\d+)$/;
const ZEROS = '0'.repeat(MONEY_DECIMALS);

/**
 * Parses a plain decimal (`1234.5`, `-20`, `0`, `.5`) into minor units.
 * Returns `null` when it is not a plain decimal or has more than
 * {@link MONEY_DECIMALS} decimal places.
 */
export function parseDecimal(s: string): Money | null {
  const m = PLAIN_DECIMAL.exec(s);
  if (m === null) return null;
  const sign = m[1] ?? m[4] ?? '';
  const whole = m[2] ?? '0';
  const frac = m[3] ?? m[5] ?? '';
  if (frac.length > MONEY_DECIMALS) return null;
  const minor = BigInt(whole + frac + ZEROS.slice(frac.length));
  return sign === '-' ? -minor : minor;
}

/** Divides and rounds half away from zero. `b` must not be 0. */
export function divRound(a: bigint, b: bigint): bigint {
  const negative = a < 0n !== b < 0n;
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  const q = (absA * 2n + absB) / (absB * 2n);
  return negative ? -q : q;
}

const MINOR_PER_CENT = MINOR_PER_UNIT / 100n;

/**
 * `total / count` in currency units, rounded once to the cent (half away from
 * zero), e.g. (12345000n, 1) → 1234.5. `null` when `count` is 0.
 */
export function moneyToNumber(total: Money, count = 1): number | null {
  if (count === 0) return null;
  return Number(divRound(total, MINOR_PER_CENT * BigInt(count))) / 100;
}
