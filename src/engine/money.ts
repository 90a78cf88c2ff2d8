/**
 * Money is counted in minor units of 1/10,000 of the currency unit, so yen,
 * dollars with cents and three-decimal currencies all fit without loss.
 *
 * - One amount is a `Minor`: a safe integer (|x| ≤ 2⁵³ − 1, about 900
 *   billion currency units), cheap to carry per deal.
 * - A sum is a {@link MoneySum}: exact at any size, without allocating per
 *   addition.
 * - An exact total is a `Money` (`bigint`).
 */
export type Minor = number;

/** An exact total in minor units. */
export type Money = bigint;

/** Decimal places kept for amounts. */
export const MONEY_DECIMALS = 4;
/** Minor units per currency unit. */
export const MINOR_PER_UNIT = 10n ** BigInt(MONEY_DECIMALS);

const PLAIN_DECIMAL = /^([+-]?)(\d*)(?:\.(\d+))?$/;
const SCALE = 10 ** MONEY_DECIMALS;
const LIMIT = 2 ** 53;

/**
 * Parses a plain decimal (`1234.5`, `-20`, `0`, `.5`) into minor units.
 * Returns `null` when it is not a plain decimal, has more than
 * {@link MONEY_DECIMALS} decimal places, or is too large to hold exactly.
 */
export function parseDecimal(s: string): Minor | null {
  // Fast path: up to 11 whole digits and up to 4 decimals, always below 2⁵³ minor units.
  const n = s.length;
  if (n > 0 && n <= 16) {
    let whole = 0;
    let i = 0;
    let c = s.charCodeAt(0);
    while (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      c = ++i < n ? s.charCodeAt(i) : -1;
    }
    if (i > 0 && i <= 11 && c === -1) return whole * SCALE;
    if (i > 0 && i <= 11 && c === 46 /* . */ && n - i - 1 >= 1 && n - i - 1 <= MONEY_DECIMALS) {
      let frac = 0;
      let j = i + 1;
      for (; j < n; j++) {
        const d = s.charCodeAt(j) - 48;
        if (d < 0 || d > 9) break;
        frac = frac * 10 + d;
      }
      if (j === n) return whole * SCALE + frac * 10 ** (MONEY_DECIMALS - (n - i - 1));
    }
  }
  const m = PLAIN_DECIMAL.exec(s);
  if (m === null) return null;
  const whole = m[2] ?? '';
  const frac = m[3] ?? '';
  if ((whole === '' && frac === '') || frac.length > MONEY_DECIMALS) return null;
  // Both parts are exact integers below 2⁵³ when the total is; the check rejects the rest.
  const minor =
    Number(whole === '' ? 0 : whole) * SCALE + (frac === '' ? 0 : Number(frac) * 10 ** (MONEY_DECIMALS - frac.length));
  if (!(minor < LIMIT)) return null;
  return m[1] === '-' ? -minor : minor;
}

/**
 * An exact sum of minor units. Additions go to a number while the running
 * sum stays below 2⁵³ (exact there) and are carried into a `bigint` past
 * that, so no addition allocates and no sum is ever rounded.
 */
export class MoneySum {
  private lo = 0;
  private hi = 0n;

  /** Adds an amount (a safe integer of minor units). */
  add(amount: Minor): void {
    const s = this.lo + amount;
    // Exact whenever |s| < 2⁵³; a larger (possibly rounded) s sends both parts to the bigint instead.
    if (s < LIMIT && s > -LIMIT) this.lo = s;
    else {
      this.hi += BigInt(this.lo) + BigInt(amount);
      this.lo = 0;
    }
  }

  /** Adds another sum. */
  addSum(other: MoneySum): void {
    this.hi += other.hi;
    this.add(other.lo);
  }

  /** The exact total. */
  value(): Money {
    return this.hi + BigInt(this.lo);
  }
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
