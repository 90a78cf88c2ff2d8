import { LineCounter, parseDocument, isMap, isScalar, type Node } from 'yaml';
import type * as z from 'zod';
import { parseIsoDay } from '../engine/calendar.js';
import { ConfigError, closest } from '../errors.js';
import { type TargetFile, targetFileSchema } from './schema.js';

type PathSegment = string | number;

/** `kpis[1].min` */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return String(v);
}

const TYPE_NAMES: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

/** One line for a zod issue, without its place. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const got = valueAt(data, issue.path as PathSegment[]);
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${describeValue(got)}`;
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      if (last === 'metric' || last === 'by') {
        const what = last === 'metric' ? 'metric' : 'dimension';
        const guess = typeof got === 'string' ? closest(got, allowed) : undefined;
        return `unknown ${what} ${describeValue(got)}; ${guess === undefined ? `use one of ${allowed.join(', ')}` : `did you mean "${guess}"?`}`;
      }
      return `expected ${allowed.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(got)}`;
    }
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_format':
      return `${issue.message}, got ${describeValue(got)}`;
    case 'too_small':
    case 'too_big':
      return `${issue.message.replace(/^Too (small|big): expected number to (have )?/, 'expected ')}, got ${describeValue(got)}`;
    default:
      return issue.message;
  }
}

interface Place {
  line: number;
  column: number;
}

function placeOf(node: Node | null | undefined, lines: LineCounter): Place | undefined {
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

function lineError(
  file: string,
  code: string,
  path: readonly PathSegment[],
  text: string,
  place: Place | undefined,
): ConfigError {
  const where = place === undefined ? file : `${file}:${place.line}:${place.column}`;
  const p = formatPath(path);
  return new ConfigError(code, `${where}: ${p === '' ? '' : `${p}: `}${text}`, {
    file,
    ...(p === '' ? {} : { path: p }),
    ...(place ?? {}),
  });
}

/** All problems of a file, one line each; thrown as one error whose message has a line per problem. */
export class ConfigErrors extends ConfigError {
  constructor(readonly errors: readonly ConfigError[]) {
    const first = errors[0];
    super(first?.code ?? 'config', errors.map((e) => e.message).join('\n'), first?.location ?? { file: '' });
  }
}

/**
 * Parses and validates a target file. Every problem becomes a one-line
 * `ConfigError` naming the file, line, column and YAML path: a YAML syntax
 * error, a schema error (`kpis[1].min: expected a number, got "abc"`), an
 * unknown metric or dimension with the closest valid name, a date that does
 * not exist, duplicate ids, or a `csf`/`kgi` reference to nothing.
 */
export function parseTargets(text: string, file: string): TargetFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigErrors(
      doc.errors.slice(0, 10).map((e) => {
        const pos = e.linePos?.[0];
        const where = pos === undefined ? file : `${file}:${pos.line}:${pos.col}`;
        const message = e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? e.message;
        return new ConfigError('yaml_syntax', `${where}: invalid YAML: ${message}`, {
          file,
          ...(pos === undefined ? {} : { line: pos.line, column: pos.col }),
        });
      }),
    );
  }
  const data: unknown = doc.toJS();
  const nodeAt = (path: readonly PathSegment[]): Node | null | undefined => {
    if (path.length === 0) return doc.contents;
    return doc.getIn(path, true) as Node | null | undefined;
  };
  const keyNode = (path: readonly PathSegment[], key: string): Node | undefined => {
    const parent = nodeAt(path);
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
    return (pair?.key as Node | undefined) ?? undefined;
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigErrors([
      lineError(file, 'schema', [], 'expected a mapping with version: 1, kgis, csfs and kpis', undefined),
    ]);
  }

  const parsed = targetFileSchema.safeParse(data);
  if (!parsed.success) {
    throw new ConfigErrors(
      parsed.error.issues.slice(0, 10).map((issue) => {
        const path = issue.path as PathSegment[];
        const node =
          issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
            ? keyNode(path, issue.keys[0])
            : nodeAt(path);
        const place = placeOf(node ?? nodeAt(path.slice(0, -1)), lines);
        return lineError(
          file,
          issue.code === 'invalid_value' && (path.at(-1) === 'metric' || path.at(-1) === 'by')
            ? `unknown_${path.at(-1) === 'metric' ? 'metric' : 'dimension'}`
            : 'schema',
          path,
          describeIssue(issue, data),
          place,
        );
      }),
    );
  }
  const targets = parsed.data;
  const errors: ConfigError[] = [];
  const fail = (code: string, path: PathSegment[], text: string): void => {
    errors.push(lineError(file, code, path, text, placeOf(nodeAt(path), lines)));
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
  });
  if (errors.length > 0) throw new ConfigErrors(errors.slice(0, 10));
  return targets;
}

function reference(kind: string, value: string, ids: readonly string[]): string {
  const guess = closest(value, ids);
  return `no ${kind} has id "${value}"; ${guess === undefined ? (ids.length === 0 ? `define it under ${kind === 'KGI' ? 'kgis' : 'csfs'}` : `ids are ${ids.join(', ')}`) : `did you mean "${guess}"?`}`;
}
