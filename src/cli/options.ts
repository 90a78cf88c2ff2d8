import { InvalidArgumentError } from 'commander';
import { type Day, parseIsoDay } from '../engine/calendar.js';

/** `--from`/`--to`: a calendar date. */
export function parseDateOption(value: string): Day {
  const d = value.length === 10 ? parseIsoDay(value) : null;
  if (d === null) throw new InvalidArgumentError(`"${value}" is not a date; use YYYY-MM-DD, e.g. 2025-04-01.`);
  return d;
}

/** `--fiscal-year-start`: a month number. */
export function parseMonthOption(value: string): number {
  const n = Number(value);
  if (!/^\d{1,2}$/.test(value) || n < 1 || n > 12) {
    throw new InvalidArgumentError(`"${value}" is not a month; use 1..12, e.g. 4 for April.`);
  }
  return n;
}

/** `--map field=Header`, repeatable. */
export function collectMapping(value: string, previous: Record<string, string>): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError(`"${value}" is not field=Header; e.g. --map deal_id='Opportunity ID'.`);
  return { ...previous, [value.slice(0, eq).trim()]: value.slice(eq + 1).trim() };
}
