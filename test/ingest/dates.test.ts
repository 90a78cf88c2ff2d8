import { describe, expect, it } from 'vitest';
import { compileDateFormat, parseDate } from '../../src/ingest/dates.js';
import { SalesmetricsError } from '../../src/errors.js';

/** The oracle: days since 1970-01-01 by the platform's own UTC calendar, not salesmetrics'. */
const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;

describe('parseDate without --date-format', () => {
  it.each([
    ['2025-04-01', day(2025, 4, 1)],
    ['2025/04/01', day(2025, 4, 1)],
    ['2025/4/1', day(2025, 4, 1)],
    ['2025/12/31', day(2025, 12, 31)],
    ['2025年4月1日', day(2025, 4, 1)],
    ['2025年12月31日', day(2025, 12, 31)],
    ['２０２５年４月１日', day(2025, 4, 1)], // full-width digits
    ['2024/2/29', day(2024, 2, 29)], // leap day
    // With a time, which is ignored: the date as written is the date.
    ['2025-04-01 23:59:59', day(2025, 4, 1)],
    ['2025-04-01T10:30:00Z', day(2025, 4, 1)],
    ['2025-04-01T23:30:00-05:00', day(2025, 4, 1)],
    ['2025/4/1 9:05', day(2025, 4, 1)],
    ['2025/04/01 10:00:00', day(2025, 4, 1)],
    ['2025年4月1日 10:00', day(2025, 4, 1)],
  ])('%s', (raw, expected) => {
    expect(parseDate(raw, undefined)).toBe(expected);
  });

  it.each([
    '',
    'abc',
    'April 1, 2025',
    '2025-02-29', // 2025 is not a leap year
    '2025/13/01',
    '2025/4/31',
    '2025年2月30日',
    '2025-00-10',
    '2025/4/0',
  ])('%j is invalid', (raw) => {
    expect(parseDate(raw, undefined)).toBe('invalid');
  });

  it.each([
    '04/05/2025', // April 5 or 4 May
    '4/5/2025',
    '01/13/2025', // only month-first is possible, but the format is the ambiguous one
    '13/01/2025',
    '04/05/2025 10:00',
    '04-05-2025',
  ])('%j is ambiguous: day-first or month-first needs --date-format', (raw) => {
    expect(parseDate(raw, undefined)).toBe('ambiguous');
  });
});

describe('parseDate with --date-format', () => {
  it.each([
    ['MM/DD/YYYY', '04/05/2025', day(2025, 4, 5)],
    ['MM/DD/YYYY', '12/31/2025', day(2025, 12, 31)],
    ['MM/DD/YYYY', '04/05/2025 10:00', day(2025, 4, 5)],
    ['DD/MM/YYYY', '04/05/2025', day(2025, 5, 4)],
    ['DD/MM/YYYY', '31/12/2025', day(2025, 12, 31)],
    ['M/D/YYYY', '4/5/2025', day(2025, 4, 5)],
    ['M/D/YYYY', '12/31/2025', day(2025, 12, 31)],
    ['D/M/YYYY', '5/4/2025', day(2025, 4, 5)],
    ['DD.MM.YYYY', '05.04.2025', day(2025, 4, 5)],
    ['YYYY.M.D', '2025.4.5', day(2025, 4, 5)],
    ['DD-MM-YYYY', '29-02-2024', day(2024, 2, 29)],
    // The unambiguous forms still parse when a format is given.
    ['MM/DD/YYYY', '2025-04-05', day(2025, 4, 5)],
    ['MM/DD/YYYY', '2025/4/5', day(2025, 4, 5)],
    ['DD/MM/YYYY', '2025年4月5日', day(2025, 4, 5)],
  ])('%s reads %s', (format, raw, expected) => {
    expect(parseDate(raw, compileDateFormat(format))).toBe(expected);
  });

  it.each([
    ['MM/DD/YYYY', '13/01/2025'], // no 13th month
    ['DD/MM/YYYY', '01/13/2025'],
    ['MM/DD/YYYY', '02/29/2025'],
    ['DD/MM/YYYY', '31/04/2025'],
    ['MM/DD/YYYY', 'soon'],
  ])('%s: %j is invalid', (format, raw) => {
    expect(parseDate(raw, compileDateFormat(format))).toBe('invalid');
  });

  it('keeps the format as given', () => {
    expect(compileDateFormat('MM/DD/YYYY').text).toBe('MM/DD/YYYY');
  });

  it.each([
    'MM/DD', // no year
    'YYYY-MM', // no day
    'MM/MM/YYYY', // month twice
    'DD/MM/YYYY/DD',
    'yyyy-mm-dd', // tokens are upper case
    '',
  ])('%j is not a usable format: a usage error naming the tokens', (format) => {
    let caught: unknown;
    try {
      compileDateFormat(format);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(SalesmetricsError);
    expect((caught as SalesmetricsError).kind).toBe('usage');
    expect((caught as SalesmetricsError).message).toMatch(/YYYY.*MM.*DD/);
  });
});
