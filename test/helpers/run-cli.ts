import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/run.js';

/** The project root: fixture paths in tests are relative to it. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the whole CLI in-process with fake streams, colour off unless `env` says otherwise. */
export async function runCli(
  argv: string[],
  options: { stdin?: string; env?: Record<string, string>; isTTY?: boolean; cwd?: string } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run({
    argv,
    env: options.env ?? {},
    stdout: {
      write: (s: string) => {
        stdout += s;
        return true;
      },
      isTTY: options.isTTY ?? false,
    },
    stderr: {
      write: (s: string) => {
        stderr += s;
        return true;
      },
    },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    cwd: options.cwd ?? ROOT,
  });
  return { code, stdout, stderr };
}
