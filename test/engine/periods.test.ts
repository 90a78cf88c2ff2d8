import { getISOWeek, getISOWeekYear } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  type Calendar,
  dayFromYMD,
  formatDay,
  type Granularity,
  periodKeyOfDay,
  periodLabel,
  periodRange,
  periodsOfWindow,
  previousRange,
  wholeMonthsSpanning,
} from '../../src/engine/index.js';
import { day, range } from './deal-builder.js';

function cal(granularity: Granularity, fiscalYearStart = 1): Calendar {
  return { granularity, fiscalYearStart };
}

/** Label and [from, to] of the unclipped period a date falls in. */
function periodOfDate(c: Calendar, date: string): { label: string; from: string; to: string } {
  const key = periodKeyOfDay(c, day(date));
  const r = periodRange(c, key);
  return { label: periodLabel(c, key), from: formatDay(r.from), to: formatDay(r.to) };
}

describe('ISO weeks (Monday–Sunday)', () => {
  // Worked out from the rule "week 1 is the week with the year's first Thursday":
  it.each([
    // 2025-01-01 is a Wednesday, so week 1 of 2025 is Mon 2024-12-30 .. Sun 2025-01-05.
    ['2024-12-30', '2025-W01', '2024-12-30', '2025-01-05'],
    ['2025-01-05', '2025-W01', '2024-12-30', '2025-01-05'],
    // 2025-W05 starts 2024-12-30 + 4×7 = 2025-01-27.
    ['2025-01-29', '2025-W05', '2025-01-27', '2025-02-02'],
    // 2020-01-01 is a Wednesday (week 1 starts 2019-12-30); 2020 is leap and starts on
    // Wednesday, so it has 53 weeks; Sun 2021-01-03 closes 2020-W53 (Mon 2020-12-28).
    ['2021-01-03', '2020-W53', '2020-12-28', '2021-01-03'],
    ['2021-01-04', '2021-W01', '2021-01-04', '2021-01-10'],
    ['2019-12-30', '2020-W01', '2019-12-30', '2020-01-05'],
    // 2026-01-01 is a Thursday → 2026 has 53 weeks; Thu 2026-12-31 is in 2026-W53.
    ['2026-12-31', '2026-W53', '2026-12-28', '2027-01-03'],
    ['2027-01-03', '2026-W53', '2026-12-28', '2027-01-03'],
    ['2027-01-04', '2027-W01', '2027-01-04', '2027-01-10'],
    // 2024-01-01 is a Monday: week 1 = Jan 1..7; Dec 23 is day 357 → week 357/7 + 1 = 52.
    ['2024-12-29', '2024-W52', '2024-12-23', '2024-12-29'],
    ['2024-01-01', '2024-W01', '2024-01-01', '2024-01-07'],
  ])('%s is in %s (%s..%s)', (date, label, from, to) => {
    expect(periodOfDate(cal('week'), date)).toEqual({ label, from, to });
  });

  it('week labels agree with date-fns getISOWeekYear/getISOWeek for every day 1999..2031', () => {
    const c = cal('week');
    const bad: string[] = [];
    for (let d = dayFromYMD(1999, 1, 1); d <= dayFromYMD(2031, 12, 31); d++) {
      const [y, m, dd] = formatDay(d).split('-').map(Number) as [number, number, number];
      const local = new Date(y, m - 1, dd);
      const expected = `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
      const got = periodLabel(c, periodKeyOfDay(c, d));
      if (got !== expected) bad.push(`${formatDay(d)}: ${got} ≠ ${expected}`);
      if (bad.length > 10) break;
    }
    expect(bad).toEqual([]);
  });

  it('every week period runs Monday to Sunday', () => {
    const c = cal('week');
    for (const date of ['2024-02-29', '1970-01-01', '1969-12-29', '2100-12-31']) {
      const r = periodRange(c, periodKeyOfDay(c, day(date)));
      expect(r.to - r.from).toBe(6);
      // 1970-01-01 (day 0) is a Thursday, so Mondays are days ≡ −3 (mod 7).
      expect((((r.from + 3) % 7) + 7) % 7).toBe(0);
    }
  });
});

describe('months, calendar quarters and years', () => {
  it.each([
    ['month', '2025-04-15', '2025-04', '2025-04-01', '2025-04-30'],
    ['month', '2024-02-29', '2024-02', '2024-02-01', '2024-02-29'],
    ['month', '2025-03-31', '2025-03', '2025-03-01', '2025-03-31'],
    ['month', '2025-04-01', '2025-04', '2025-04-01', '2025-04-30'],
    ['quarter', '2025-02-15', '2025-Q1', '2025-01-01', '2025-03-31'],
    ['quarter', '2025-03-31', '2025-Q1', '2025-01-01', '2025-03-31'],
    ['quarter', '2025-04-01', '2025-Q2', '2025-04-01', '2025-06-30'],
    ['quarter', '2025-12-31', '2025-Q4', '2025-10-01', '2025-12-31'],
    ['year', '2025-06-30', '2025', '2025-01-01', '2025-12-31'],
    ['year', '2024-12-31', '2024', '2024-01-01', '2024-12-31'],
  ] as const)('%s of %s is %s (%s..%s)', (g, date, label, from, to) => {
    expect(periodOfDate(cal(g), date)).toEqual({ label, from, to });
  });
});

describe('fiscal year starting in April (start 4): FY2025 = 2025-04-01..2026-03-31', () => {
  it.each([
    // Jan–Mar 2025 is the last quarter of the fiscal year that started 2024-04-01.
    ['quarter', '2025-03-31', 'FY2024-Q4', '2025-01-01', '2025-03-31'],
    ['quarter', '2025-04-01', 'FY2025-Q1', '2025-04-01', '2025-06-30'],
    ['quarter', '2025-07-01', 'FY2025-Q2', '2025-07-01', '2025-09-30'],
    ['quarter', '2025-10-01', 'FY2025-Q3', '2025-10-01', '2025-12-31'],
    ['quarter', '2026-02-15', 'FY2025-Q4', '2026-01-01', '2026-03-31'],
    ['quarter', '2024-04-01', 'FY2024-Q1', '2024-04-01', '2024-06-30'],
    ['year', '2025-03-31', 'FY2024', '2024-04-01', '2025-03-31'],
    ['year', '2025-04-01', 'FY2025', '2025-04-01', '2026-03-31'],
    ['year', '2026-03-31', 'FY2025', '2025-04-01', '2026-03-31'],
    ['year', '2026-04-01', 'FY2026', '2026-04-01', '2027-03-31'],
    // Months keep their calendar label.
    ['month', '2025-04-10', '2025-04', '2025-04-01', '2025-04-30'],
    ['month', '2026-03-10', '2026-03', '2026-03-01', '2026-03-31'],
  ] as const)('%s of %s is %s (%s..%s)', (g, date, label, from, to) => {
    expect(periodOfDate(cal(g, 4), date)).toEqual({ label, from, to });
  });
});

describe('other fiscal year starts', () => {
  it.each([
    // start 10: FY2024 = 2024-10-01..2025-09-30.
    [10, 'year', '2025-09-30', 'FY2024', '2024-10-01', '2025-09-30'],
    [10, 'year', '2025-10-01', 'FY2025', '2025-10-01', '2026-09-30'],
    [10, 'quarter', '2025-10-01', 'FY2025-Q1', '2025-10-01', '2025-12-31'],
    [10, 'quarter', '2025-09-30', 'FY2024-Q4', '2025-07-01', '2025-09-30'],
    // start 12: FY2025 = 2025-12-01..2026-11-30; its Q1 ends 2026-02-28 (2026 not leap).
    [12, 'year', '2025-12-01', 'FY2025', '2025-12-01', '2026-11-30'],
    [12, 'year', '2025-11-30', 'FY2024', '2024-12-01', '2025-11-30'],
    [12, 'quarter', '2026-01-15', 'FY2025-Q1', '2025-12-01', '2026-02-28'],
    // start 2: FY2023 = 2023-02-01..2024-01-31, its Q4 = Nov 2023..Jan 2024; FY2024-Q1 = Feb..Apr 2024.
    [2, 'quarter', '2024-01-31', 'FY2023-Q4', '2023-11-01', '2024-01-31'],
    [2, 'quarter', '2024-02-29', 'FY2024-Q1', '2024-02-01', '2024-04-30'],
  ] as const)('start %i: %s of %s is %s (%s..%s)', (start, g, date, label, from, to) => {
    expect(periodOfDate(cal(g, start), date)).toEqual({ label, from, to });
  });
});

describe('periodsOfWindow clips periods to the window', () => {
  const show = (c: Calendar, from: string, to: string) =>
    periodsOfWindow(c, range(from, to)).map((p) => [p.label, formatDay(p.from), formatDay(p.to)]);

  it('months', () => {
    expect(show(cal('month'), '2025-01-10', '2025-03-05')).toEqual([
      ['2025-01', '2025-01-10', '2025-01-31'],
      ['2025-02', '2025-02-01', '2025-02-28'],
      ['2025-03', '2025-03-01', '2025-03-05'],
    ]);
  });

  it('ISO weeks across the new year', () => {
    // 2025-01-01 is a Wednesday: W01 = Dec 30..Jan 5 clipped to Jan 1..5.
    expect(show(cal('week'), '2025-01-01', '2025-01-14')).toEqual([
      ['2025-W01', '2025-01-01', '2025-01-05'],
      ['2025-W02', '2025-01-06', '2025-01-12'],
      ['2025-W03', '2025-01-13', '2025-01-14'],
    ]);
  });

  it('fiscal quarters (start 4)', () => {
    expect(show(cal('quarter', 4), '2025-02-01', '2025-08-15')).toEqual([
      ['FY2024-Q4', '2025-02-01', '2025-03-31'],
      ['FY2025-Q1', '2025-04-01', '2025-06-30'],
      ['FY2025-Q2', '2025-07-01', '2025-08-15'],
    ]);
  });

  it('fiscal years (start 4), whole', () => {
    expect(show(cal('year', 4), '2024-04-01', '2026-03-31')).toEqual([
      ['FY2024', '2024-04-01', '2025-03-31'],
      ['FY2025', '2025-04-01', '2026-03-31'],
    ]);
  });

  it('a one-day window is one period of one day', () => {
    expect(show(cal('year'), '2024-02-29', '2024-02-29')).toEqual([['2024', '2024-02-29', '2024-02-29']]);
    expect(show(cal('week'), '2024-02-29', '2024-02-29')).toEqual([['2024-W09', '2024-02-29', '2024-02-29']]);
  });
});

describe('previousRange: same number of calendar months when whole months, else same number of days', () => {
  it.each([
    // whole months
    ['2025-03-01', '2025-03-31', '2025-02-01', '2025-02-28'], // March → February (28 days, not 31)
    ['2024-03-01', '2024-03-31', '2024-02-01', '2024-02-29'], // leap February
    ['2024-02-01', '2024-02-29', '2024-01-01', '2024-01-31'],
    ['2025-01-01', '2025-01-31', '2024-12-01', '2024-12-31'],
    ['2025-07-01', '2025-12-31', '2025-01-01', '2025-06-30'], // Jul–Dec → Jan–Jun
    ['2025-04-01', '2025-06-30', '2025-01-01', '2025-03-31'], // a quarter
    ['2025-02-01', '2025-03-31', '2024-12-01', '2025-01-31'], // 2 months across the year end
    ['2025-04-01', '2026-03-31', '2024-04-01', '2025-03-31'], // fiscal year FY2025 → FY2024
    // not whole months: same number of days
    ['2025-01-10', '2025-01-20', '2024-12-30', '2025-01-09'], // 11 days
    ['2025-01-01', '2025-01-15', '2024-12-17', '2024-12-31'], // 15 days
    ['2025-03-01', '2025-03-30', '2025-01-30', '2025-02-28'], // 30 days: Feb 1..28 (28) + Jan 30, 31
    ['2025-01-15', '2025-02-14', '2024-12-15', '2025-01-14'], // 31 days: Dec 15..31 (17) + Jan 1..14 (14)
    ['2025-01-06', '2025-01-12', '2024-12-30', '2025-01-05'], // an ISO week → the week before
    ['2024-03-01', '2024-03-01', '2024-02-29', '2024-02-29'], // one day
  ])('%s..%s → %s..%s', (from, to, pFrom, pTo) => {
    const p = previousRange(range(from, to));
    expect([formatDay(p.from), formatDay(p.to)]).toEqual([pFrom, pTo]);
  });
});

describe('wholeMonthsSpanning', () => {
  it('extends to the first and last day of the months', () => {
    const r = wholeMonthsSpanning(day('2024-11-20'), day('2025-02-03'));
    expect([formatDay(r.from), formatDay(r.to)]).toEqual(['2024-11-01', '2025-02-28']);
    const leap = wholeMonthsSpanning(day('2024-02-29'), day('2024-02-29'));
    expect([formatDay(leap.from), formatDay(leap.to)]).toEqual(['2024-02-01', '2024-02-29']);
  });
});
