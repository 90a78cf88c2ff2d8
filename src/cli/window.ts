import { type Day, formatDay } from '../engine/calendar.js';
import type { DayRange } from '../engine/periods.js';
import { InputError, UsageError } from '../errors.js';

/** The `--from` and `--to` flags of a command. */
export interface WindowFlags {
  from?: Day;
  to?: Day;
}

/** `--from` after `--to` is a usage error, told before any file is read. */
export function checkWindowFlags(opts: WindowFlags): void {
  if (opts.from !== undefined && opts.to !== undefined && opts.from > opts.to) {
    throw new UsageError('bad_window', '--from is after --to; give a window with from ≤ to.');
  }
}

/**
 * The window a command covers: `--from` and `--to`, else the whole months
 * the data spans (`inferred`). An error when nothing is dated, or when one
 * flag leaves the window empty.
 */
export function resolveWindow(name: string, opts: WindowFlags, inferred: DayRange | null): DayRange {
  const from = opts.from ?? inferred?.from;
  const to = opts.to ?? inferred?.to;
  if (from === undefined || to === undefined) {
    throw new InputError('no_dates', `${name}: no deal has a date; pass --from and --to to set the window`, {
      file: name,
    });
  }
  if (from > to) {
    throw new UsageError(
      'bad_window',
      `the window ${formatDay(from)} – ${formatDay(to)} is empty; adjust --from or --to`,
      { from: formatDay(from), to: formatDay(to) },
    );
  }
  return { from, to };
}
