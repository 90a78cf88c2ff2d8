import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './run-cli.js';

/** Real processes of bin/salesmetrics.js (tier 3 of the test style): the built command, colour off. */
export const BIN = join(ROOT, 'bin', 'salesmetrics.js');

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** This process's environment, colour off and in the C locale, with `extra`. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', LC_ALL: 'C', LANG: 'C', ...extra };
  delete e.FORCE_COLOR;
  return e;
}

/** Runs `command args` in the project root; `stdinFile` is piped to its standard input. */
export function spawnIn(
  command: string,
  args: readonly string[],
  opts: { stdinFile?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Ran> {
  return new Promise<Ran>((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: opts.env ?? cliEnv(), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (opts.stdinFile === undefined) child.stdin.end();
    else createReadStream(join(ROOT, opts.stdinFile)).pipe(child.stdin);
  });
}

/** Runs `node bin/salesmetrics.js args`. */
export function salesmetrics(args: readonly string[], opts: { stdinFile?: string } = {}): Promise<Ran> {
  return spawnIn(process.execPath, [BIN, ...args], opts);
}

/** For `beforeAll`: the spawned command runs the build in dist/. */
export function requireBuild(): void {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    throw new Error('dist/cli/main.js does not exist: run npm run build first (these tests spawn bin/salesmetrics.js)');
  }
}
