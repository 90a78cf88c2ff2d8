import { parseIsoDay } from '../engine/calendar.js';
import type { ConfigError } from '../errors.js';
import { closest } from '../errors.js';
import { ConfigErrors, formatPath, parseYaml, type PathSegment } from '../config/yaml.js';

import { type TargetFile, targetFileSchema } from './schema.js';
import { checkDealsSection } from '../config/load-config.js';

/**
 * Parses and validates a target file. Every problem becomes a one-line
 * `ConfigError` naming the file, line, column and YAML path: a YAML syntax
 * error, a schema error (`kpis[1].min: expected a number, got "abc"`), an
 * unknown metric or dimension with the closest valid name, a date that does
 * not exist, duplicate ids, or a `csf`/`kgi` reference to nothing.
 */
export function parseTargets(text: string, file: string): TargetFile {
  const doc = parseYaml(text, file, targetFileSchema, 'version: 1, kgis, csfs and kpis');
  const targets = doc.value;
  const errors: ConfigError[] = [];
  const fail = (code: string, path: PathSegment[], text: string): void => {
    errors.push(doc.errorAt(code, path, text));
  };

  const checkDate = (path: PathSegment[], value: string | undefined): void => {
    if (value !== undefined && parseIsoDay(value) === null)
      fail('bad_date', path, `${JSON.stringify(value)} is not a date`);
  };
  checkDate(['window', 'from'], targets.window?.from);
  checkDate(['window', 'to'], targets.window?.to);
  const { from, to } = targets.window ?? {};
  if (from !== undefined && to !== undefined && parseIsoDay(from) !== null && parseIsoDay(to) !== null && from > to) {
    fail('bad_window', ['window'], `from ${from} is after to ${to}`);
  }

  const seen = new Map<string, string>();
  const claim = (path: PathSegment[], value: string): void => {
    const before = seen.get(value);
    if (before !== undefined)
      fail('duplicate_id', path, `duplicate id "${value}" (also ${before}); ids must be unique`);
    else seen.set(value, formatPath(path));
  };
  const kgiIds = targets.kgis.map((k) => k.id);
  const csfIds = targets.csfs.map((c) => c.id);
  targets.kgis.forEach((k, i) => {
    claim(['kgis', i, 'id'], k.id);
    checkDate(['kgis', i, 'deadline'], k.deadline);
    checkDate(['kgis', i, 'start'], k.start);
    const start = k.start ?? targets.window?.from;
    if (start === undefined) fail('missing_start', ['kgis', i], 'no start: give start, or window.from');
    else if (start > k.deadline)
      fail('bad_window', ['kgis', i, 'deadline'], `deadline ${k.deadline} is before start ${start}`);
  });
  targets.csfs.forEach((c, i) => {
    claim(['csfs', i, 'id'], c.id);
    if (c.kgi !== undefined && !kgiIds.includes(c.kgi))
      fail('unknown_reference', ['csfs', i, 'kgi'], reference('KGI', c.kgi, kgiIds));
  });
  targets.kpis.forEach((k, i) => {
    claim(['kpis', i, 'id'], k.id);
    if (k.csf !== undefined && !csfIds.includes(k.csf))
      fail('unknown_reference', ['kpis', i, 'csf'], reference('CSF', k.csf, csfIds));
    if (k.min === undefined && k.max === undefined) fail('no_bounds', ['kpis', i], 'a KPI needs min, max or both');
    if (k.min !== undefined && k.max !== undefined && k.min > k.max)
      fail('bad_bounds', ['kpis', i, 'max'], `max ${k.max} is below min ${k.min}`);
    const w = k.warn;
    if (w?.min !== undefined && w.max !== undefined && w.min > w.max) {
      fail('bad_bounds', ['kpis', i, 'warn', 'max'], `max ${w.max} is below min ${w.min}`);
    }
  });
  errors.push(...checkDealsSection(targets.deals, ['deals'], doc.errorAt));
  if (errors.length > 0) throw new ConfigErrors(errors.slice(0, 10));
  return targets;
}

function reference(kind: string, value: string, ids: readonly string[]): string {
  const guess = closest(value, ids);
  return `no ${kind} has id "${value}"; ${guess === undefined ? (ids.length === 0 ? `define it under ${kind === 'KGI' ? 'kgis' : 'csfs'}` : `ids are ${ids.join(', ')}`) : `did you mean "${guess}"?`}`;
}
