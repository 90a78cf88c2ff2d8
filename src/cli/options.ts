import { InvalidArgumentError } from 'commander';
import { type Day, parseIsoDay } from '../engine/calendar.js';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';

/** The option parsers, their errors worded by `m`. */
export function optionParsers(m: Messages): {
  date(value: string): Day;
  month(value: string): number;
  mapping(value: string, previous: Record<string, string>): Record<string, string>;
  jobs(value: string): number | 'auto';
  count(min: number, max: number): (value: string) => number;
} {
  return {
    /** `--from`/`--to`: a calendar date. */
    date(value) {
      const d = value.length === 10 ? parseIsoDay(value) : null;
      if (d === null) throw new InvalidArgumentError(m.option.notADate(value));
      return d;
    },
    /** `--fiscal-year-start`: a month number. */
    month(value) {
      const n = Number(value);
      if (!/^\d{1,2}$/.test(value) || n < 1 || n > 12) throw new InvalidArgumentError(m.option.notAMonth(value));
      return n;
    },
    /** `--map field=Header`, repeatable. */
    mapping(value, previous) {
      const eq = value.indexOf('=');
      if (eq <= 0) throw new InvalidArgumentError(m.option.notAMapping(value));
      return { ...previous, [value.slice(0, eq).trim()]: value.slice(eq + 1).trim() };
    },
    /** `--jobs`: `auto` or a number of parts. */
    jobs(value) {
      if (value === 'auto') return 'auto';
      const n = Number(value);
      if (!/^\d{1,2}$/.test(value) || n < 1 || n > 64) throw new InvalidArgumentError(m.option.notJobs(value));
      return n;
    },
    /** A whole number from `min` to `max` (`--horizon`, `--stale-days`). */
    count(min, max) {
      return (value) => {
        const n = Number(value);
        if (!/^\d{1,9}$/.test(value) || n < min || n > max)
          throw new InvalidArgumentError(m.option.notACount(value, min, max));
        return n;
      };
    },
  };
}

const english = optionParsers(en);

/** `--from`/`--to`: a calendar date. */
export const parseDateOption: (value: string) => Day = english.date;

/** `--fiscal-year-start`: a month number. */
export const parseMonthOption: (value: string) => number = english.month;

/** `--map field=Header`, repeatable. */
export const collectMapping: (value: string, previous: Record<string, string>) => Record<string, string> =
  english.mapping;
