import type { MetricKind } from '../engine/metrics/index.js';

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const days = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Shown for an undefined value. */
export const NULL_MARK = '—';

/**
 * A metric value for people: thousands separators, cents only when there
 * are any, rates as percentages with
 * one decimal, days with at most one decimal, `—` for null.
 */
export function formatMetric(kind: MetricKind, value: number | null): string {
  if (value === null) return NULL_MARK;
  switch (kind) {
    case 'money':
      return Number.isInteger(value) ? whole.format(value) : cents.format(value);
    case 'count':
      return whole.format(value);
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'days':
      return days.format(value);
  }
}
