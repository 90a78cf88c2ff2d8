import { run } from './run.js';

/**
 * Runs the CLI on this process and sets its exit code. A closed pipe on
 * stdout (`salesmetrics report … | head`) ends quietly.
 */
export async function main(): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  process.exitCode = await run({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
  });
}
