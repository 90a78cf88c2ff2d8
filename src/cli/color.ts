import { Chalk, type ChalkInstance } from 'chalk';
import type { CliIO } from './io.js';

/**
 * Colour only on a terminal, never under `NO_COLOR` or `--no-color`;
 * `FORCE_COLOR` turns it on.
 */
export function chalkFor(io: CliIO, colorFlag: boolean): ChalkInstance {
  const env = io.env;
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0';
  const on = colorFlag && !noColor && (force || (io.stdout.isTTY === true && env.TERM !== 'dumb'));
  return new Chalk({ level: on ? 1 : 0 });
}
