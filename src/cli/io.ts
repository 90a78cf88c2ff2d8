import type { Readable } from 'node:stream';

/** Where the CLI writes: `process.stdout`/`stderr`, or a fake in tests. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Everything the CLI reads from its process, passed in so tests can run it in-process. */
export interface CliIO {
  /** The arguments after the program name. */
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: Readable;
  cwd: string;
  /** The clock, for "today" when `--as-of` is not given. @default () => new Date() */
  now?: () => Date;
}

/** Exit codes. */
export const EXIT = {
  ok: 0,
  /** A target was missed. */
  targetsMissed: 1,
  /** Usage, configuration or input error. */
  error: 2,
} as const;
