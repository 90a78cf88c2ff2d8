import { LineCounter, parseDocument, isMap, isScalar, type Node } from 'yaml';
import type * as z from 'zod';
import { ConfigError, closest, type ErrorArgs } from '../errors.js';

export type PathSegment = string | number;

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
      return got === undefined
        ? `missing; expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`
        : `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${describeValue(got)}`;
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      if (last === 'metric' || last === 'by') {
        const what = last === 'metric' ? 'metric' : 'dimension';
        const guess = typeof got === 'string' ? closest(got, allowed) : undefined;
        return `unknown ${what} ${describeValue(got)}; ${guess === undefined ? `use one of ${allowed.join(', ')}` : `did you mean "${guess}"?`}`;
      }
      const shown = issue.values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)));
      return `expected ${shown.join(' or ')}, got ${describeValue(got)}`;
    }
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_format':
      return `${issue.message}, got ${describeValue(got)}`;
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const op = issue.code === 'too_small' ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
      const what =
        issue.origin === 'number' ? 'a number' : issue.origin === 'array' ? 'a list with length' : 'a length';
      return `expected ${what} ${op} ${String(bound)}, got ${describeValue(got)}`;
    }
    default:
      return issue.message;
  }
}

export interface Place {
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
  args?: ErrorArgs,
): ConfigError {
  const where = place === undefined ? file : `${file}:${place.line}:${place.column}`;
  const p = formatPath(path);
  return new ConfigError(
    code,
    `${where}: ${p === '' ? '' : `${p}: `}${text}`,
    {
      file,
      ...(p === '' ? {} : { path: p }),
      ...(place ?? {}),
    },
    args,
  );
}

/** All problems of a file, one line each; thrown as one error whose message has a line per problem. */
export class ConfigErrors extends ConfigError {
  constructor(readonly errors: readonly ConfigError[]) {
    const first = errors[0];
    super(first?.code ?? 'config', errors.map((e) => e.message).join('\n'), first?.location ?? { file: '' });
  }
}

/** A validated YAML file, and where each of its values stands. */
export interface ValidatedYaml<T> {
  value: T;
  /** Line and column of the value at a path. */
  placeOf(path: readonly PathSegment[]): Place | undefined;
  /** A one-line error at a path; `args` are its facts, for other languages. */
  errorAt(code: string, path: PathSegment[], text: string, args?: ErrorArgs): ConfigError;
}

/**
 * Parses YAML and validates it with a zod schema. Every problem becomes a
 * one-line `ConfigError` naming the file, line, column and YAML path: a YAML
 * syntax error, a schema error (`kpis[1].min: expected a number, got "abc"`),
 * an unknown metric or dimension with the closest valid name.
 */
export function parseYaml<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  what: string,
): ValidatedYaml<z.output<S>> {
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
    throw new ConfigErrors([lineError(file, 'schema', [], `expected a mapping with ${what}`, undefined)]);
  }

  const parsed = schema.safeParse(data);
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
  return {
    value: parsed.data as z.output<S>,
    placeOf: (path) => placeOf(nodeAt(path), lines),
    errorAt: (code, path, text, args) => lineError(file, code, path, text, placeOf(nodeAt(path), lines), args),
  };
}
