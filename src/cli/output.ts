import { statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { type Lang, messages } from '../i18n/index.js';
import type { CliIO } from './io.js';

function unwritable(file: string, why: 'no_directory' | 'directory' | 'denied', detail = ''): UsageError {
  const reason =
    why === 'no_directory'
      ? `no such directory ${detail}; create it or choose another path`
      : why === 'directory'
        ? 'is a directory; name a file'
        : `cannot be written (${detail}); check the permissions or choose another path`;
  return new UsageError('output_unwritable', `-o ${file}: ${reason}`, { file, why, detail });
}

/** Whether `-o` leaves the output on standard output (no `-o`, or `-o -`). */
export function toStdout(file: string | undefined): boolean {
  return file === undefined || file === '-';
}

/**
 * Checks, before any input is read, that `-o FILE` can be written: its
 * directory exists and it is not itself a directory. `-` or no `-o` is
 * standard output.
 */
export function checkOutput(io: CliIO, file: string | undefined): void {
  if (toStdout(file) || file === undefined) return;
  const path = resolve(io.cwd, file);
  const dir = statSync(dirname(path), { throwIfNoEntry: false });
  if (dir === undefined || !dir.isDirectory()) throw unwritable(file, 'no_directory', dirname(file));
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory() === true) throw unwritable(file, 'directory');
}

/**
 * Writes a command's output: to standard output, or to the file `-o` names
 * (replacing it), with one line on standard error saying so.
 */
export function writeOutput(io: CliIO, file: string | undefined, text: string, lang: Lang = 'en'): void {
  if (toStdout(file) || file === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    writeFileSync(resolve(io.cwd, file), text);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw unwritable(file, 'no_directory', dirname(file));
    if (code === 'EISDIR') throw unwritable(file, 'directory');
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw unwritable(file, 'denied', code);
    throw err;
  }
  io.stderr.write(`salesmetrics: ${messages(lang).wroteOutput(file)}\n`);
}
