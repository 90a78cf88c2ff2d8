import { type Day, dayFromYMD, dayOfMonthIndex, formatDay, monthIndexOfDay, ymdFromDay } from './calendar.js';

/** How a window is split into periods. Weeks are ISO weeks (Monday–Sunday). */
export type Granularity = 'week' | 'month' | 'quarter' | 'year';

export const GRANULARITIES: readonly Granularity[] = ['week', 'month', 'quarter', 'year'];

/** Inclusive range of calendar days. */
export interface DayRange {
  from: Day;
  to: Day;
}

/** How periods are cut: granularity and the first month of the fiscal year. */
export interface Calendar {
  granularity: Granularity;
  /** First month of the fiscal year, 1..12. @default 1 */
  fiscalYearStart: number;
}

/**
 * The key of the (unclipped) period a day falls in. Keys are integers that
 * order like the periods: month index, fiscal quarter or year index, or ISO
 * week index.
 */
export function periodKeyOfDay(cal: Calendar, d: Day): number {
  if (cal.granularity === 'week') return Math.floor((d + 3) / 7);
  const fiscalMonth = monthIndexOfDay(d) - (cal.fiscalYearStart - 1);
  switch (cal.granularity) {
    case 'month':
      return fiscalMonth + (cal.fiscalYearStart - 1);
    case 'quarter':
      return Math.floor(fiscalMonth / 3);
    case 'year':
      return Math.floor(fiscalMonth / 12);
  }
}

/** The whole (unclipped) period of a key. */
export function periodRange(cal: Calendar, key: number): DayRange {
  if (cal.granularity === 'week') {
    const from = key * 7 - 3;
    return { from, to: from + 6 };
  }
  const offset = cal.fiscalYearStart - 1;
  const months = cal.granularity === 'month' ? 1 : cal.granularity === 'quarter' ? 3 : 12;
  const firstMonth = cal.granularity === 'month' ? key : key * months + offset;
  return { from: dayOfMonthIndex(firstMonth), to: dayOfMonthIndex(firstMonth + months) - 1 };
}

/**
 * The label of a period: `2025-04`, `2025-W05` (ISO week), `2025-Q2`/`2025`
 * for calendar quarters and years, `FY2025-Q1`/`FY2025` for fiscal ones,
 * naming the fiscal year by the calendar year it starts in (as 年度 do).
 */
export function periodLabel(cal: Calendar, key: number): string {
  const { from } = periodRange(cal, key);
  const fiscal = cal.fiscalYearStart !== 1;
  switch (cal.granularity) {
    case 'week': {
      const thursday = from + 3;
      const isoYear = ymdFromDay(thursday).year;
      const week = Math.floor((thursday - dayFromYMD(isoYear, 1, 1)) / 7) + 1;
      return `${isoYear}-W${String(week).padStart(2, '0')}`;
    }
    case 'month':
      return formatDay(from).slice(0, 7);
    case 'quarter': {
      const fy = Math.floor(key / 4);
      const q = key - fy * 4 + 1;
      return fiscal ? `FY${fy}-Q${q}` : `${fy}-Q${q}`;
    }
    case 'year':
      return fiscal ? `FY${key}` : String(key);
  }
}

/** One period of a window, clipped to it. */
export interface Period extends DayRange {
  key: number;
  label: string;
}

/** The periods that make up a window, in order, each clipped to the window. */
export function periodsOfWindow(cal: Calendar, window: DayRange): Period[] {
  const out: Period[] = [];
  const last = periodKeyOfDay(cal, window.to);
  for (let key = periodKeyOfDay(cal, window.from); key <= last; key++) {
    const r = periodRange(cal, key);
    out.push({
      key,
      label: periodLabel(cal, key),
      from: Math.max(r.from, window.from),
      to: Math.min(r.to, window.to),
    });
  }
  return out;
}

/**
 * The window just before a range, of the same length: the same number of
 * calendar months when the range is whole months, otherwise the same number
 * of days.
 */
export function previousRange(r: DayRange): DayRange {
  const startMonth = monthIndexOfDay(r.from);
  const endMonth = monthIndexOfDay(r.to);
  const wholeMonths = dayOfMonthIndex(startMonth) === r.from && dayOfMonthIndex(endMonth + 1) - 1 === r.to;
  if (wholeMonths) {
    const n = endMonth - startMonth + 1;
    return { from: dayOfMonthIndex(startMonth - n), to: r.from - 1 };
  }
  return { from: r.from - (r.to - r.from + 1), to: r.from - 1 };
}

/** The window from the first day of `first`'s month to the last day of `last`'s month. */
export function wholeMonthsSpanning(first: Day, last: Day): DayRange {
  return { from: dayOfMonthIndex(monthIndexOfDay(first)), to: dayOfMonthIndex(monthIndexOfDay(last) + 1) - 1 };
}

/**
 * Guards a build over `window`: an aggregate that followed the data (made
 * without a window) holds closed deals of its edge periods outside a
 * narrower window, so it cannot give figures for that window.
 */
export function checkAggregateWindow(
  caller: string,
  agg: { readonly options: { window: DayRange | null }; firstDay: Day | null; lastDay: Day | null },
  window: DayRange,
): void {
  if (
    agg.options.window === null &&
    agg.firstDay !== null &&
    agg.lastDay !== null &&
    (agg.firstDay < window.from || agg.lastDay > window.to)
  ) {
    throw new Error(`${caller}: a window narrower than the data needs an aggregate created with that window`);
  }
}
