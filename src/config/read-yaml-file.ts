import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';

/**
 * The text of a YAML file named on the command line; a missing file or a
 * directory is a one-line input error that names the flag to check.
 */
export function readYamlFile(cwd: string, file: string, flag: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new InputError('file_not_found', `${file}: no such file; check the ${flag} path`, { file }, { flag });
    }
    if (code === 'EISDIR') {
      throw new InputError(
        'file_unreadable',
        `${file}: is a directory; pass a YAML file`,
        { file },
        { why: 'directory', kind: 'YAML' },
      );
    }
    throw err;
  }
}
