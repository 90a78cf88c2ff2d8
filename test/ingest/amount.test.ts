import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/ingest/amount.js';

/** Money is held in minor units: 1 currency unit = 10,000n. */
const UNIT = 10_000n;
const dot = { decimalComma: false };
const comma = { decimalComma: true };

/**
 * The amount in minor units as a bigint, whether parseAmount returns a bigint
 * or a safe-integer number: BigInt() throws on a fraction, so a rounded or
 * fractional result fails the test instead of passing by accident.
 */
function minor(raw: string, format: { decimalComma: boolean }): bigint | null {
  const v = parseAmount(raw, format);
  return v === null ? null : BigInt(v);
}

describe('parseAmount, as CRMs and spreadsheets export amounts', () => {
  it.each([
    // Plain decimals.
    ['1234.5', 1234n * UNIT + 5_000n],
    ['-20', -20n * UNIT],
    ['0', 0n],
    ['0.0001', 1n],
    // Thousands separators and currency signs, each exact to the cent.
    ['1,200,000', 1_200_000n * UNIT],
    ['$1,234.50', 1234n * UNIT + 5_000n],
    ['¥1,200,000', 1_200_000n * UNIT],
    ['￥1,200,000', 1_200_000n * UNIT], // full-width yen sign (CP932 0x818F)
    ['1,200,000円', 1_200_000n * UNIT],
    ['£1,250.50', 1250n * UNIT + 5_000n],
    ['$0.01', 100n],
    ['$1,234.99', 1234n * UNIT + 9_900n],
    // Accounting negatives.
    ['(1,200.00)', -1200n * UNIT],
    ['(1,234.56)', -(1234n * UNIT + 5_600n)],
    // Full-width digits (and full-width comma and point), as typed in Japanese spreadsheets.
    ['１，２００，０００', 1_200_000n * UNIT],
    ['１２３４．５６', 1234n * UNIT + 5_600n],
    ['￥１，２００，０００', 1_200_000n * UNIT],
    ['１，２００，０００円', 1_200_000n * UNIT],
    // Surrounding spaces.
    [' $1,234.50 ', 1234n * UNIT + 5_000n],
    // 900 billion and a cent: 9,000,000,000,000,100 minor units, exact.
    ['$900,000,000,000.01', 900_000_000_000n * UNIT + 100n],
  ])('%s → %s minor units', (raw, expected) => {
    expect(minor(raw, dot)).toBe(expected);
  });

  it('never rounds: an amount too large to hold exactly is rejected, not approximated', () => {
    // 12,345,678,901,234,567.89 has 22 significant digits: no float holds it.
    const raw = '12,345,678,901,234,567.89';
    expect([null, 12_345_678_901_234_567n * UNIT + 8_900n]).toContain(minor(raw, dot));
  });

  it.each([
    '',
    'abc',
    '12x',
    '$',
    '円',
    '1,23,456', // misplaced group separator
    '1,2345',
    '1.234,56', // decimal comma without --decimal-comma
    '1.23456', // more than 4 decimal places
    '1.2.3',
    '(1,200.00',
    '--5',
    'N/A',
  ])('%j is not an amount: null', (raw) => {
    expect(minor(raw, dot)).toBeNull();
  });
});

describe('parseAmount with --decimal-comma', () => {
  it.each([
    ['1.234,56', 1234n * UNIT + 5_600n],
    ['1.234.567,89', 1_234_567n * UNIT + 8_900n],
    ['12,5', 12n * UNIT + 5_000n],
    ['999,99', 999n * UNIT + 9_900n],
    ['1234', 1234n * UNIT],
    ['1.234', 1234n * UNIT], // a thousands dot, not a decimal point
    ['€1.234,56', 1234n * UNIT + 5_600n],
    ['(1.234,56)', -(1234n * UNIT + 5_600n)],
    ['-2.000,05', -(2000n * UNIT + 500n)],
  ])('%s → %s minor units', (raw, expected) => {
    expect(minor(raw, comma)).toBe(expected);
  });

  it.each(['1,234.56', '1,2,3', '1.23.4', 'abc', ''])('%j is not an amount: null', (raw) => {
    expect(minor(raw, comma)).toBeNull();
  });
});
