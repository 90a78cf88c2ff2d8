import { dayFromYMD, type Day } from '../engine/calendar.js';
import type { Severity } from '../engine/check/index.js';
import { type CliIO, EXIT } from './io.js';

/** Today's calendar date where the user is: the only place the clock is read. */
export function today(io: CliIO): Day {
  const now = io.now?.() ?? new Date();
  return dayFromYMD(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The exit code of a check: 1 when anything failed, or warned with `--fail-on warn`. */
export function checkExitCode(status: Severity, failOn: Severity): number {
  return status === 'fail' || (failOn === 'warn' && status === 'warn') ? EXIT.targetsMissed : EXIT.ok;
}
