/** The eight levels of a sparkline, lowest first. */
export const SPARK_BLOCKS = '▁▂▃▄▅▆▇█';

/**
 * One sparkline block for `value` on a scale from 0 to `max`: level
 * round(value / max × 7) of ▁▂▃▄▅▆▇█, so 0 is ▁ and `max` is █. A value at
 * or below 0 (or any value when `max` ≤ 0) is ▁; a value above `max` is █.
 * `null` is a space: a gap in the trend, never a low bar.
 */
export function sparkBlock(value: number | null, max: number): string {
  if (value === null) return ' ';
  if (max <= 0 || value <= 0) return SPARK_BLOCKS[0] as string;
  const level = Math.min(7, Math.round((value / max) * 7));
  return SPARK_BLOCKS[level] as string;
}

/**
 * One block per value on a scale from 0 to `max` (@default the largest
 * value), nulls as spaces: `▁▃ █▅`.
 */
export function sparkline(values: readonly (number | null)[], max?: number): string {
  const top = max ?? Math.max(0, ...values.filter((v): v is number => v !== null));
  return values.map((v) => sparkBlock(v, top)).join('');
}
