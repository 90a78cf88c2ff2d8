import { existsSync } from 'node:fs';
import { readYamlFile } from './read-yaml-file.js';
import { resolve } from 'node:path';
import { type ConfigError, SalesmetricsError } from '../errors.js';
import { compileDateFormat } from '../ingest/dates.js';
import { type ConfigFile, configFileSchema, type DealsInputConfig } from './schema.js';
import { ConfigErrors, parseYaml, type PathSegment } from './yaml.js';

/** The config file read from the working directory when `--config` is not given. */
export const DEFAULT_CONFIG = 'salesmetrics.config.yaml';

/** Checks an input's section (`deals:`, `activities:`, …) beyond its schema: its date format compiles. */
export function checkDealsSection(
  section: Pick<DealsInputConfig, 'date_format'> | undefined,
  at: PathSegment[],
  errorAt: (code: string, path: PathSegment[], text: string) => ConfigError,
): ConfigError[] {
  const format = section?.date_format;
  if (format === undefined) return [];
  try {
    compileDateFormat(format);
    return [];
  } catch (err) {
    if (err instanceof SalesmetricsError) {
      return [errorAt('bad_date_format', [...at, 'date_format'], err.message.replace(/^--date-format /, ''))];
    }
    throw err;
  }
}

/** Parses and validates a config file. */
export function parseConfig(text: string, file: string): ConfigFile {
  const doc = parseYaml(text, file, configFileSchema, 'version: 1 and a deals, activities, costs or surveys section');
  const errors = (['deals', 'activities', 'costs', 'surveys'] as const).flatMap((section) =>
    checkDealsSection(doc.value[section], [section], doc.errorAt),
  );
  if (errors.length > 0) throw new ConfigErrors(errors);
  return doc.value;
}

/**
 * The config file: `--config FILE` (which must exist), else
 * `salesmetrics.config.yaml` in the working directory when there is one.
 */
export function loadConfig(
  cwd: string,
  explicit: string | undefined,
): { file: string; config: ConfigFile } | undefined {
  const file = explicit ?? DEFAULT_CONFIG;
  const path = resolve(cwd, file);
  if (explicit === undefined && !existsSync(path)) return undefined;
  const text = readYamlFile(cwd, file, '--config');
  return { file, config: parseConfig(text, file) };
}
