import { distance } from 'fastest-levenshtein';

/**
 * The errors salesmetrics reports to its users. Each has a code and a
 * one-line message that names the place and the fix; the CLI maps them to
 * exit code 2. Anything else is a bug and keeps its stack.
 */
export type ErrorKind = 'usage' | 'input' | 'config';

/**
 * The arguments of an error's message that its location does not hold, so
 * that the CLI can word it in the user's language (`src/i18n/`).
 */
export type ErrorArgs = Readonly<Record<string, string | number>>;

/**
 * A problem the user can fix: a bad flag, a bad file, a bad configuration.
 * `message` is English; the CLI words the common codes in the chosen language.
 */
export class SalesmetricsError extends Error {
  override readonly name: string = 'SalesmetricsError';
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    /** @default {} */
    readonly args: ErrorArgs = {},
  ) {
    super(message);
  }
}

/** A bad command line: unknown option, bad option value, missing argument. */
export class UsageError extends SalesmetricsError {
  override readonly name = 'UsageError';
  constructor(code: string, message: string, args?: ErrorArgs) {
    super('usage', code, message, args);
  }
}

/** Where in an input file a problem is. Lines are 1-based. */
export interface InputLocation {
  file: string;
  line?: number;
  column?: string;
  value?: string;
}

/** A bad input file: unreadable, not CSV, a missing column, invalid rows. */
export class InputError extends SalesmetricsError {
  override readonly name = 'InputError';
  constructor(
    code: string,
    message: string,
    readonly location: InputLocation,
    args?: ErrorArgs,
  ) {
    super('input', code, message, args);
  }
}

/** Closest candidate by edit distance (case-insensitive), or `undefined` when none is close. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(w.length / 2)) ? best : undefined;
}

/** Where in a configuration file a problem is: a YAML path like `kpis[1].min`, and its line and column when known. */
export interface ConfigLocation {
  file: string;
  path?: string;
  line?: number;
  column?: number;
}

/** A bad target or configuration file: YAML syntax, schema, unknown names, broken references. */
export class ConfigError extends SalesmetricsError {
  override readonly name = 'ConfigError';
  constructor(
    code: string,
    message: string,
    readonly location: ConfigLocation,
    args?: ErrorArgs,
  ) {
    super('config', code, message, args);
  }
}
