/**
 * Calendar dates as whole day numbers (days since 1970-01-01), computed with
 * integer arithmetic only. A calendar date never passes through `Date`, so
 * results cannot depend on the machine's time zone.
 */

/** A calendar date: whole days since 1970-01-01 (negative before). */
export type Day = number;

/** Civil date parts. `month` is 1..12, `day` is 1..31. */
export interface YMD {
  year: number;
  month: number;
  day: number;
}

/** True for Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1..12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/** Day number of a valid civil date (H. Hinnant's days_from_civil). */
export function dayFromYMD(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number (H. Hinnant's civil_from_days). */
export function ymdFromDay(d: Day): YMD {
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(d: Day): string {
  const { year, month, day } = ymdFromDay(d);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

const TIME_SUFFIX = /^[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}(:?\d{2})?)?$/i;

/**
 * Parses `YYYY-MM-DD`, optionally followed by a time (`T10:00:00Z`,
 * ` 10:00:00`, any offset). The calendar date as written is the date: the
 * time and offset are ignored. Returns `null` when it is not a real date.
 */
export function parseIsoDay(s: string): Day | null {
  if (s.length < 10) return null;
  if (s.length > 10 && !TIME_SUFFIX.test(s.slice(10))) return null;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return null;
  const y0 = digit(s, 0),
    y1 = digit(s, 1),
    y2 = digit(s, 2),
    y3 = digit(s, 3);
  const m0 = digit(s, 5),
    m1 = digit(s, 6),
    d0 = digit(s, 8),
    d1 = digit(s, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayFromYMD(year, month, day);
}

/** Month index (year × 12 + month − 1) of a day: a total order of months. */
export function monthIndexOfDay(d: Day): number {
  // civil_from_days without the day, and without allocating: this runs once per deal.
  const z = d + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return (yoe + era * 400 + (month <= 2 ? 1 : 0)) * 12 + month - 1;
}

/** First day of a month index. */
export function dayOfMonthIndex(mi: number): Day {
  return dayFromYMD(Math.floor(mi / 12), (mi % 12) + 1, 1);
}

/** ISO weekday of a day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: Day): number {
  // 1970-01-01 was a Thursday (4).
  return ((((d + 3) % 7) + 7) % 7) + 1;
}
