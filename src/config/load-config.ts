import { existsSync } from 'node:fs';
import { readYamlFile } from './read-yaml-file.js';
import { resolve } from 'node:path';
import { type ConfigError, type ErrorArgs, SalesmetricsError } from '../errors.js';
import { compileDateFormat } from '../ingest/dates.js';
import { normalizeStage } from '../ingest/stages.js';
import { type ConfigFile, configFileSchema, type DealsInputConfig, type StageConfig } from './schema.js';
import { ConfigErrors, parseYaml, type PathSegment } from './yaml.js';
import { DEFAULT_CONFIG } from './default-config.js';

export { DEFAULT_CONFIG };

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

/** Checks the `stages:` list beyond its schema: each stage and each order once. */
export function checkStages(
  stages: readonly StageConfig[] | undefined,
  errorAt: (code: string, path: PathSegment[], text: string, args?: ErrorArgs) => ConfigError,
): ConfigError[] {
  const errors: ConfigError[] = [];
  const names = new Map<string, number>();
  const orders = new Map<number, number>();
  (stages ?? []).forEach((s, i) => {
    const key = normalizeStage(s.name);
    const before = names.get(key);
    if (before !== undefined)
      errors.push(
        errorAt(
          'duplicate_stage',
          ['stages', i, 'name'],
          `stage "${s.name}" is listed twice (also stages[${before}])`,
          {
            name: s.name,
            other: before,
          },
        ),
      );
    else names.set(key, i);
    if (s.order === undefined) return;
    const same = orders.get(s.order);
    if (same !== undefined)
      errors.push(
        errorAt('duplicate_stage', ['stages', i, 'order'], `order ${s.order} is given twice (also stages[${same}])`, {
          order: s.order,
          other: same,
        }),
      );
    else orders.set(s.order, i);
  });
  return errors;
}

/** Parses and validates a config file. */
export function parseConfig(text: string, file: string): ConfigFile {
  const doc = parseYaml(
    text,
    file,
    configFileSchema,
    'version: 1 and a deals, activities, costs, surveys or stages section',
  );
  const errors = [
    ...(['deals', 'activities', 'costs', 'surveys'] as const).flatMap((section) =>
      checkDealsSection(doc.value[section], [section], doc.errorAt),
    ),
    ...checkStages(doc.value.stages, doc.errorAt),
  ];
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
