import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { type Lang, messages } from '../i18n/index.js';
import { configJsonSchema } from '../config/schema.js';
import { targetsJsonSchema } from '../targets/schema.js';
import { STARTER_TARGETS } from '../targets/starter.js';
import { type CliIO, EXIT } from './io.js';

/** `salesmetrics init`: writes the starter target file, never over an existing one without --force. */
export function initCommand(io: CliIO, opts: { targets: string; force: boolean }, lang: Lang = 'en'): number {
  const path = resolve(io.cwd, opts.targets);
  if (existsSync(path) && !opts.force) {
    throw new UsageError(
      'file_exists',
      `${opts.targets} exists; pass --force to overwrite it, or --targets OTHER.yaml`,
      { file: opts.targets },
    );
  }
  writeFileSync(path, STARTER_TARGETS);
  io.stderr.write(`salesmetrics: ${messages(lang).wroteTargets(opts.targets)}\n`);
  return EXIT.ok;
}

/** `salesmetrics schema targets|config`: prints the JSON Schema of the target or config file. */
export function schemaCommand(io: CliIO, format: 'targets' | 'config' = 'targets'): number {
  const schema = format === 'config' ? configJsonSchema() : targetsJsonSchema();
  io.stdout.write(JSON.stringify(schema, null, 2) + '\n');
  return EXIT.ok;
}
