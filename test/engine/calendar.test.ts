import { describe, expect, it } from 'vitest';
import {
  dayFromYMD,
  dayOfMonthIndex,
  daysInMonth,
  formatDay,
  isLeapYear,
  isoWeekday,
  monthIndexOfDay,
  parseIsoDay,
  ymdFromDay,
} from '../../src/engine/index.js';

// Day numbers worked out by hand (days since 1970-01-01):
// - 2000-01-01: 30 years 1970..1999, 7 of them leap (1972..1996) → 30×365 + 7 = 10957.
// - 2024-01-01: 54 years 1970..2023, 13 leap (1972..2020, 2000 included) → 54×365 + 13 = 19723.
// - 2024-02-29: 19723 + 31 (Jan) + 28 (Feb 1..28) = 19782; 2024-03-01 = 19783.
// - 2025-01-01: 19723 + 366 (2024 is leap) = 20089.
// - 1900-01-01: 70 years 1900..1969, 17 leap (1904..1968; 1900 is not) → −(70×365 + 17) = −25567.
// - 2100-12-31: 2100-01-01 = 130×365 + 32 leap (1972..2096) = 47482; 2100 is not leap → + 364 = 47846.
const D_2000_01_01 = 10957;
const D_2024_01_01 = 19723;
const D_2024_02_29 = 19782;
const D_2025_01_01 = 20089;
const D_1900_01_01 = -25567;
const D_2100_12_31 = 47846;

/** Independent of the code: Gregorian rule written out. */
function leap(y: number): boolean {
  if (y % 400 === 0) return true;
  if (y % 100 === 0) return false;
  return y % 4 === 0;
}
function monthLength(y: number, m: number): number {
  if (m === 2) return leap(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

describe('dayFromYMD / ymdFromDay', () => {
  it.each([
    [1970, 1, 1, 0],
    [1969, 12, 31, -1],
    [2000, 1, 1, D_2000_01_01],
    [2024, 1, 1, D_2024_01_01],
    [2024, 2, 29, D_2024_02_29],
    [2024, 3, 1, D_2024_02_29 + 1],
    [2025, 1, 1, D_2025_01_01],
    [1900, 1, 1, D_1900_01_01],
    [2100, 12, 31, D_2100_12_31],
  ])('%i-%i-%i is day %i', (y, m, d, n) => {
    expect(dayFromYMD(y, m, d)).toBe(n);
    expect(ymdFromDay(n)).toEqual({ year: y, month: m, day: d });
  });

  it('round-trips every day 1900-01-01..2100-12-31 (73414 days) and agrees with a hand-rolled successor and Date.UTC', () => {
    // 201 years × 365 + 49 leap days (1904..2096) = 73365 + 49 = 73414 days.
    let y = 1900,
      m = 1,
      d = 1;
    let n = D_1900_01_01;
    let count = 0;
    const bad: string[] = [];
    for (;;) {
      const ymd = ymdFromDay(n);
      if (ymd.year !== y || ymd.month !== m || ymd.day !== d) bad.push(`ymdFromDay(${n})`);
      if (dayFromYMD(y, m, d) !== n) bad.push(`dayFromYMD(${y},${m},${d})`);
      const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      if (formatDay(n) !== iso) bad.push(`formatDay(${n})`);
      if (parseIsoDay(iso) !== n) bad.push(`parseIsoDay(${iso})`);
      // Date.UTC is time-zone free: days since the epoch.
      if (Date.UTC(y, m - 1, d) / 86_400_000 !== n) bad.push(`Date.UTC ${iso}`);
      if (bad.length > 10) break;
      count++;
      if (y === 2100 && m === 12 && d === 31) break;
      n++;
      d++;
      if (d > monthLength(y, m)) {
        d = 1;
        m++;
        if (m > 12) {
          m = 1;
          y++;
        }
      }
    }
    expect(bad).toEqual([]);
    expect(count).toBe(73414);
    expect(n).toBe(D_2100_12_31);
  });
});

describe('isLeapYear / daysInMonth', () => {
  it.each([
    [1900, false],
    [2000, true],
    [2023, false],
    [2024, true],
    [2025, false],
    [2100, false],
  ])('%i leap: %s', (y, expected) => {
    expect(isLeapYear(y)).toBe(expected);
  });

  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2025, 4, 30],
    [2025, 12, 31],
  ])('%i-%i has %i days', (y, m, n) => {
    expect(daysInMonth(y, m)).toBe(n);
  });
});

describe('parseIsoDay', () => {
  it('accepts the leap day 2024-02-29 and 2000-02-29', () => {
    expect(parseIsoDay('2024-02-29')).toBe(D_2024_02_29);
    // 2000-01-01 + 31 + 28 = 10957 + 59 = 11016.
    expect(parseIsoDay('2000-02-29')).toBe(11016);
  });

  it.each(['2023-02-29', '2025-02-29', '1900-02-29', '2100-02-29'])('rejects %s (not a leap year)', (s) => {
    expect(parseIsoDay(s)).toBeNull();
  });

  it.each([
    '2025-04-31', // April has 30 days
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '2025-01-32',
    '2025-1-5',
    '2025/01/05',
    '20250105',
    '2025-01-05junk',
    '',
    'abcd-ef-gh',
  ])('rejects %j', (s) => {
    expect(parseIsoDay(s)).toBeNull();
  });

  it('keeps the calendar date as written whatever the time and offset', () => {
    // 2025-01-05 = 2025-01-01 + 4 = 20093.
    expect(parseIsoDay('2025-01-05')).toBe(20093);
    expect(parseIsoDay('2025-01-05T10:00:00Z')).toBe(20093);
    expect(parseIsoDay('2025-01-05T23:59:59+09:00')).toBe(20093);
    expect(parseIsoDay('2025-01-05 00:00:00-05:00')).toBe(20093);
    expect(parseIsoDay('2025-01-05T00:30')).toBe(20093);
  });

  it('formatDay pads years before 1000', () => {
    expect(formatDay(dayFromYMD(999, 3, 7))).toBe('0999-03-07');
    expect(parseIsoDay('0999-03-07')).toBe(dayFromYMD(999, 3, 7));
  });
});

describe('month indexes and weekdays', () => {
  it('monthIndexOfDay / dayOfMonthIndex', () => {
    // 2024-02 → 2024×12 + 1 = 24289; its first day is 2024-01-01 + 31 = 19754.
    expect(monthIndexOfDay(D_2024_02_29)).toBe(24289);
    expect(dayOfMonthIndex(24289)).toBe(19754);
    // 2025-01 → 2025×12 = 24300 starts on 2025-01-01.
    expect(dayOfMonthIndex(24300)).toBe(D_2025_01_01);
    expect(monthIndexOfDay(D_2025_01_01 - 1)).toBe(24299); // 2024-12-31
  });

  it.each([
    ['1970-01-01', 4], // Thursday
    ['1900-01-01', 1], // Monday
    ['2024-12-30', 1], // Monday
    ['2021-01-03', 7], // Sunday
    ['2024-02-29', 4], // Thursday
    ['2025-01-01', 3], // Wednesday
  ])('isoWeekday(%s) = %i', (s, wd) => {
    expect(isoWeekday(parseIsoDay(s) as number)).toBe(wd);
  });
});
