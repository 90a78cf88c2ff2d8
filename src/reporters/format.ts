import type { MetricKind } from '../engine/metrics/index.js';
import { type Lang, messages } from '../i18n/index.js';

/** Shown for an undefined value. */
export const NULL_MARK = '—';

/** How numbers are written for people. */
export interface NumberStyle {
  /** The language, whose locale groups the digits. @default 'en' */
  lang?: Lang;
  /**
   * The one currency of every amount, when it is known (ISO 4217). In
   * Japanese, JPY amounts carry the yen sign; any other or unknown currency
   * gives plain grouped numbers.
   */
  currency?: string;
}

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

const WHOLE = { maximumFractionDigits: 0 };
const CENTS = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
const DAYS = { maximumFractionDigits: 1 };
const SCORE = { maximumFractionDigits: 2 };

/** A whole number with the locale's grouping: `1,234`. */
export function formatCount(value: number, lang: Lang = 'en'): string {
  return numberFormat(messages(lang).locale, WHOLE).format(value);
}

/**
 * A metric value for people: the locale's thousands separators, cents only
 * when there are any, rates as percentages with one decimal, days with at
 * and hours with at most one decimal, scores (CSAT mean, NPS) with at most two,
 * `—` for null. Japanese JPY amounts read `￥1,234`
 * (the yen sign of the ja-JP locale is the full-width U+FFE5).
 */
export function formatMetric(kind: MetricKind, value: number | null, style: NumberStyle = {}): string {
  if (value === null) return NULL_MARK;
  const locale = messages(style.lang).locale;
  switch (kind) {
    case 'money': {
      const digits = Number.isInteger(value) ? WHOLE : CENTS;
      const yen = style.lang === 'ja' && style.currency === 'JPY';
      return numberFormat(locale, yen ? { style: 'currency', currency: 'JPY', ...digits } : digits).format(value);
    }
    case 'count':
      return numberFormat(locale, WHOLE).format(value);
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'days':
    case 'hours':
      return numberFormat(locale, DAYS).format(value);
    case 'score':
      return numberFormat(locale, SCORE).format(value);
  }
}
