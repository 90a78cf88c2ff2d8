import type { Readable } from 'node:stream';
import type { Day } from '../engine/calendar.js';
import { closest, InputError } from '../errors.js';
import { type ColumnIndex, describeMissing, normalizeHeader } from './columns.js';
import { readCsv } from './csv-records.js';
import { type DateFormat, parseDate } from './dates.js';
import type { Encoding } from './decode.js';
import type { InputName, RowProblem } from './row-problem.js';

/** The columns of an input beside deals: which exist, which are required, and other names they go by. */
export interface InputSpec<F extends string> {
  input: InputName;
  fields: readonly F[];
  required: readonly F[];
  /** Other headers that mean a field (Japanese and CRM wordings), compared like header names. */
  synonyms: Readonly<Partial<Record<F, readonly string[]>>>;
}

/** How an input file is written: from its config file section and the flags. */
export interface InputProfile {
  /** Field → header. */
  columns?: Readonly<Partial<Record<string, string>>>;
  /** A format for dates that are not `YYYY-MM-DD`, `YYYY/M/D` or `YYYY年M月D日`. */
  dateFormat?: DateFormat;
  /** `1.234,56`. @default false */
  decimalComma?: boolean;
  /** The file's encoding; detected when not given. */
  encoding?: Encoding;
}

/** What reading an input file came to. `rows` = `used` + `rejected`, always. */
export interface ReadInputResult<F extends string = string> {
  header: string[];
  rows: number;
  used: number;
  rejected: number;
  encoding: Encoding;
  /** Field → column index, for the fields the file has. */
  columns: ColumnIndex<F>;
}

/**
 * The row being read, with helpers to get its fields and note its problems.
 * One object serves every row, so that reading allocates nothing per row but
 * the record itself.
 */
export class InputRow<F extends string> {
  fields: readonly string[] = [];
  /** 1-based line the row starts on. */
  line = 0;
  problems: RowProblem[] | undefined;

  constructor(
    readonly file: string,
    readonly input: InputName,
    readonly cols: ColumnIndex<F>,
    private readonly dateFormat: DateFormat | undefined,
  ) {}

  /** Whether the file has the field's column. */
  has(field: F): boolean {
    return this.cols[field] !== undefined;
  }

  /** The field's value, trimmed; `''` when the file has no such column. */
  get(field: F): string {
    const i = this.cols[field];
    if (i === undefined) return '';
    const f = this.fields[i] ?? '';
    // Trim only when an end could be white space (ASCII or not, e.g. the ideographic space U+3000).
    const a = f.charCodeAt(0);
    const z = f.charCodeAt(f.length - 1);
    return a <= 32 || a >= 127 || z <= 32 || z >= 127 ? f.trim() : f;
  }

  problem(p: Omit<RowProblem, 'file' | 'line' | 'input'>): void {
    (this.problems ??= []).push({ file: this.file, line: this.line, input: this.input, ...p });
  }

  /** The field's value; notes a `missing_value` when it is empty. */
  required(field: F): string {
    const v = this.get(field);
    if (v === '') this.problem({ code: 'missing_value', column: field });
    return v;
  }

  /**
   * A word of a fixed list, as `classify` reads `raw` (a value of `field`):
   * `undefined` when empty, or when unknown (noted with the words allowed and
   * the config section that maps more).
   */
  choice<T>(
    field: F,
    raw: string,
    classify: (word: string) => T | undefined,
    choices: { allowed: readonly string[]; config: string },
  ): T | undefined {
    if (raw === '') return undefined;
    const value = classify(raw);
    if (value === undefined) this.problem({ code: 'bad_choice', column: field, value: raw, choices });
    return value;
  }

  /**
   * A date: `null` when empty (noted as missing) or not a date (noted); an
   * order only `--date-format` can tell stops the read.
   */
  date(field: F, raw: string = this.required(field)): Day | null {
    if (raw === '') return null;
    const d = parseDate(raw, this.dateFormat);
    if (d === 'ambiguous') {
      throw new InputError(
        'ambiguous_date',
        `${this.file}:${this.line}: column ${field}: "${raw}" could be MM/DD/YYYY or DD/MM/YYYY; pass --date-format MM/DD/YYYY (or DD/MM/YYYY) to say which`,
        { file: this.file, line: this.line, column: field, value: raw },
      );
    }
    if (d === 'invalid') {
      this.problem({ code: 'bad_date', column: field, value: raw });
      return null;
    }
    return d;
  }
}

/** A header's fields: the mapped header, else the canonical name, else a synonym. */
type InputResolution<F extends string> =
  { ok: true; columns: ColumnIndex<F> } | { ok: false; missing: F[]; mapped?: { field: F; header: string } };

export function resolveInputColumns<F extends string>(
  header: readonly string[],
  spec: InputSpec<F>,
  mapped: Readonly<Partial<Record<string, string>>> = {},
): InputResolution<F> {
  const byName = new Map<string, number>();
  header.forEach((h, i) => {
    const n = normalizeHeader(h);
    if (!byName.has(n)) byName.set(n, i);
  });
  const out: ColumnIndex<F> = {};
  for (const field of spec.fields) {
    const m = mapped[field];
    if (m !== undefined) {
      const i = byName.get(normalizeHeader(m));
      if (i === undefined) return { ok: false, missing: [field], mapped: { field, header: m } };
      out[field] = i;
      continue;
    }
    for (const name of [field, ...(spec.synonyms[field] ?? [])]) {
      const i = byName.get(normalizeHeader(name));
      if (i !== undefined) {
        out[field] = i;
        break;
      }
    }
  }
  const missing = spec.required.filter((f) => out[f] === undefined);
  return missing.length === 0 ? { ok: true, columns: out } : { ok: false, missing };
}

/**
 * The error for missing columns of an input: names the fields, lists the
 * headers found and the config lines that map them.
 */
export function missingInputColumnsError<F extends string>(
  file: string,
  input: InputName,
  header: readonly string[],
  r: Extract<InputResolution<F>, { ok: false }>,
): InputError {
  const { found, shown, names, what } = describeMissing(header, r);
  const guesses = r.missing.map((f) => [f, closest(r.mapped?.header ?? f, found)] as const);
  const config = guesses.map(([f, g]) => `${f}: ${g === undefined ? '<header>' : JSON.stringify(g)}`).join(', ');
  const guessed = guesses.every(([, g]) => g !== undefined) ? guesses.map(([, g]) => `\`${g ?? ''}\``).join(', ') : '';
  const configLine = `${input}: { columns: { ${config} } }`;
  const fix = `${guessed === '' ? '' : `did you mean ${guessed}? `}map it in salesmetrics.config.yaml: ${configLine}`;
  return new InputError(
    'missing_column',
    `${file}: ${what}; found: ${shown.join(', ')} — ${fix}`,
    { file, column: r.missing[0] ?? '' },
    {
      input,
      fields: names,
      ...(r.mapped === undefined ? {} : { mappedHeader: r.mapped.header, mappedField: r.mapped.field }),
      headers: shown.join(', '),
      guesses: guessed,
      configLine,
    },
  );
}

/** Spreadsheets append empty fields to some rows; those are harmless. */
function onlyEmptyBeyond(fields: readonly string[], n: number): boolean {
  if (fields.length < n) return false;
  for (let i = n; i < fields.length; i++) if ((fields[i] ?? '').trim() !== '') return false;
  return true;
}

/** How to read an input file. */
export interface ReadInputOptions<F extends string, T> {
  /** File name used in messages. */
  file: string;
  spec: InputSpec<F>;
  profile: InputProfile;
  /**
   * Turns the current row into a record; notes its problems on the row (the
   * record is then dropped). Called once per data row.
   */
  parse(row: InputRow<F>): T;
  /** Called with each valid record, in file order. */
  onRecord(record: T): void;
  /** Called with each rejected row: its problems, its fields and the header. */
  onReject(problems: RowProblem[], fields: readonly string[], header: readonly string[]): void;
  /** Called once the header is read, before the first row. */
  onHeader?(columns: ColumnIndex<F>): void;
}

/**
 * Streams an input CSV (the first non-empty line is the header) into
 * records and row problems: every data row is either used or rejected.
 */
export async function readInputTable<F extends string, T>(
  input: Readable,
  options: ReadInputOptions<F, T>,
): Promise<ReadInputResult<F>> {
  const { file, spec, profile, parse, onRecord, onReject } = options;
  const result: ReadInputResult<F> = { header: [], rows: 0, used: 0, rejected: 0, encoding: 'utf8', columns: {} };
  let header: string[] | undefined;
  let row: InputRow<F> | undefined;
  result.encoding = await readCsv(
    input,
    file,
    {
      record(fields, line) {
        if (header === undefined || row === undefined) {
          const r = resolveInputColumns(fields, spec, profile.columns);
          if (!r.ok) throw missingInputColumnsError(file, spec.input, fields, r);
          header = fields.map((h) => h.replace(/^\uFEFF/, '').trim());
          result.header = header;
          result.columns = r.columns;
          row = new InputRow(file, spec.input, r.columns, profile.dateFormat);
          options.onHeader?.(r.columns);
          return;
        }
        result.rows++;
        row.fields = fields;
        row.line = line;
        row.problems = undefined;
        if (fields.length !== header.length && !onlyEmptyBeyond(fields, header.length)) {
          row.problem({ code: 'field_count', fields: { row: fields.length, header: header.length } });
        }
        const record = parse(row);
        if (row.problems !== undefined) {
          result.rejected++;
          onReject(row.problems, fields, header);
          return;
        }
        result.used++;
        onRecord(record);
      },
    },
    profile.encoding === undefined ? {} : { encoding: profile.encoding },
  );
  if (header === undefined)
    throw new InputError('empty_file', `${file}: the file is empty; expected a header row`, { file });
  return result;
}

/** A value as compared with a list of words: NFKC, case-insensitive, spaces, `_` and `-` alike. */
export function normalizeWord(s: string): string {
  return s
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/**
 * Maps the words of a column (`電話`, `Phone call`) to its values (`call`):
 * the built-in words, then the config file's, which win. Returns `undefined`
 * for a word it does not know.
 */
export function wordClassifier<V extends string>(
  builtIn: Readonly<Record<V, readonly string[]>>,
  extra: Readonly<Record<string, V>> = {},
): (word: string) => V | undefined {
  const table = new Map<string, V>();
  for (const [value, words] of Object.entries(builtIn) as [V, readonly string[]][]) {
    table.set(normalizeWord(value), value);
    for (const w of words) table.set(normalizeWord(w), value);
  }
  for (const [w, value] of Object.entries(extra)) table.set(normalizeWord(w), value);
  const seen = new Map<string, V | undefined>();
  return (word) => {
    if (seen.has(word)) return seen.get(word);
    const v = table.get(normalizeWord(word));
    if (seen.size < 10_000) seen.set(word, v);
    return v;
  };
}
