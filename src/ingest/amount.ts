import { type Minor, parseDecimal } from '../engine/money.js';

/** How amounts are written. */
export interface AmountFormat {
  /** `1.234,56`: comma as the decimal separator, dot or space as thousands. @default false */
  decimalComma: boolean;
}

// A backslash is the yen sign of Shift_JIS/CP932 files (both are byte 0x5C there).
const CURRENCY_AROUND = /^(?:[A-Z]{3}\s*)?[$¥£€₩₹\\]?\s*|\s*(?:円|[A-Z]{3})$/g;
const GROUPED_DOT = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$|^\.\d+$/;
const GROUPED_COMMA = /^\d{1,3}(?:[. ]\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$|^,\d+$/;

/**
 * Parses an amount as CRMs and spreadsheets export it, exactly: plain
 * decimals (`1234.5`, `-20`), thousands separators (`1,200,000`), currency
 * signs and codes (`$1,234.50`, `¥1,200,000`, `￥1,200,000`, `1,200,000円`,
 * `£1,250.50`, `USD 1,234.50`, and `\\1,200,000`, the ¥ of Shift_JIS files), accounting negatives (`(1,200.00)`) and
 * full-width digits. With `decimalComma`, `1.234,56`. Returns `null` when
 * it is none of these, or too large to hold exactly (over about 900 billion).
 */
export function parseAmount(raw: string, format: AmountFormat): Minor | null {
  if (!format.decimalComma) {
    const plain = parseDecimal(raw);
    if (plain !== null) return plain;
  }
  let s = raw
    .normalize('NFKC')
    .trim()
    .replace(/\u2212/g, '-');
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1).trim();
  }
  s = s.replace(CURRENCY_AROUND, '');
  if (s.startsWith('-') && !negative) {
    negative = true;
    s = s.slice(1);
  }
  if (format.decimalComma) {
    if (!GROUPED_COMMA.test(s)) return null;
    s = s.replace(/[. ]/g, '').replace(',', '.');
  } else {
    if (!GROUPED_DOT.test(s)) return null;
    s = s.replace(/,/g, '');
  }
  const value = parseDecimal(s);
  if (value === null) return null;
  return negative ? -value : value;
}
