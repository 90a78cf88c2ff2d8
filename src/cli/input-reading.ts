import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { loadConfig } from '../config/load-config.js';
import type { ConfigFile } from '../config/schema.js';
import { UsageError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { compileDateFormat } from '../ingest/dates.js';
import { encodingByName } from '../ingest/decode.js';
import type { InputProfile, ReadInputResult } from '../ingest/input-table.js';
import type { InputName, RowProblem } from '../ingest/row-problem.js';
import {
  type DealsInputOptions,
  displayName,
  openInput,
  RejectsWriter,
  reportRejectedRows,
  SHOWN_ROWS,
} from './deals-input.js';
import type { CliIO } from './io.js';

/**
 * Where the rejected rows of an input beside deals go with `--rejects FILE`:
 * the file's name with the input's inserted, `rejected.csv` →
 * `rejected-activities.csv`.
 */
export function rejectsPathFor(rejects: string, input: InputName): string {
  const dot = rejects.lastIndexOf('.');
  const slash = Math.max(rejects.lastIndexOf('/'), rejects.lastIndexOf('\\'));
  return dot > slash + 1 ? `${rejects.slice(0, dot)}-${input}${rejects.slice(dot)}` : `${rejects}-${input}`;
}

/**
 * How an input beside deals is written: its section of the config file,
 * then the flags `--encoding`, `--date-format` and `--decimal-comma`, which
 * apply to every input.
 */
export function inputProfile<I extends InputName>(
  io: CliIO,
  opts: DealsInputOptions,
  input: I,
): { profile: InputProfile; section: ConfigFile[I] } {
  const section: ConfigFile[I] = loadConfig(io.cwd, opts.config)?.config[input];
  const dateFormat = opts.dateFormat ?? section?.date_format;
  const decimalComma =
    opts.decimalComma ?? (section !== undefined && 'decimal_comma' in section ? section.decimal_comma : undefined);
  const encoding = opts.encoding ?? section?.encoding;
  const forced = encoding === undefined || encoding === 'auto' ? undefined : encodingByName(encoding);
  if (encoding !== undefined && encoding !== 'auto' && forced === undefined) {
    throw new UsageError('bad_encoding', `--encoding ${encoding}: use auto, utf8, utf16 or cp932`, { value: encoding });
  }
  return {
    profile: {
      columns: section?.columns ?? {},
      ...(dateFormat === undefined ? {} : { dateFormat: compileDateFormat(dateFormat) }),
      decimalComma: decimalComma ?? false,
      ...(forced === undefined ? {} : { encoding: forced }),
    },
    section,
  };
}

/** Only one input can come from standard input. */
export function checkStdin(deals: string, opts: DealsInputOptions): void {
  const dashes = [deals, opts.activities, opts.costs, opts.surveys].filter((f) => f === '-').length;
  if (dashes > 1) {
    throw new UsageError('stdin_twice', 'only one input can be read from standard input (-); give the others as files');
  }
}

/**
 * Reads an input beside deals with `read`, reporting its invalid rows as
 * deals' are: by default the first 10 and the count (JSON on stdout under
 * `--format json`), and `null` for exit code 2; with `--skip-invalid` a
 * warning. `--rejects FILE` writes them to {@link rejectsPathFor}.
 */
export async function ingestInput<R extends ReadInputResult>(
  io: CliIO,
  file: string,
  opts: DealsInputOptions,
  input: InputName,
  read: (
    stream: Readable,
    name: string,
    onReject: (problems: RowProblem[], fields: readonly string[], header: readonly string[]) => void,
  ) => Promise<R>,
): Promise<R | null> {
  const lang: Lang = opts.lang ?? 'en';
  const name = displayName(file);
  const first: RowProblem[][] = [];
  const rejectsFile = opts.rejects === undefined ? undefined : rejectsPathFor(opts.rejects, input);
  const rejects =
    rejectsFile === undefined
      ? undefined
      : new RejectsWriter((await import('csv-stringify')).stringify(), resolve(io.cwd, rejectsFile), lang);
  const result = await read(openInput(io, file), name, (problems, fields, header) => {
    if (first.length < SHOWN_ROWS) first.push(problems);
    rejects?.write(header, fields, problems);
  });
  await rejects?.close(result.header);
  return reportRejectedRows(io, opts, name, result.rejected, first, rejectsFile) ? result : null;
}
