import { parse, CsvError } from 'csv-parse';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';

/** Receives the records of a CSV file, in order. */
export interface CsvSink {
  /** The header row. May throw an `InputError` to stop reading. */
  header(fields: string[]): void;
  /** A data row; `line` is the 1-based line the row starts on. */
  record(fields: string[], line: number): void;
}

/**
 * Streams a CSV file (RFC 4180: quoted fields with commas, doubled quotes and
 * newlines; CRLF or LF; UTF-8 with or without BOM) into `sink`, one record at
 * a time, without holding the file. Rows whose fields are all empty are
 * skipped, like empty lines. `name` is the file name used in messages.
 */
export function readCsv(input: Readable, name: string, sink: CsvSink): Promise<void> {
  return new Promise((resolve, reject) => {
    let headerSeen = false;
    let lastEnd = 0;
    let lastEmpty = 0;
    let failed = false;
    const parser = parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (fields: string[], ctx) => {
        // The row starts after the previous one and the empty lines skipped since.
        const line = lastEnd + 1 + (ctx.empty_lines - lastEmpty);
        lastEnd = ctx.lines;
        lastEmpty = ctx.empty_lines;
        if (allBlank(fields)) return null;
        if (headerSeen) sink.record(fields, line);
        else {
          headerSeen = true;
          sink.header(fields);
        }
        return null;
      },
    });
    const fail = (err: unknown): void => {
      if (failed) return;
      failed = true;
      input.unpipe(parser);
      input.destroy();
      parser.destroy();
      reject(toInputError(err, name));
    };
    input.on('error', fail);
    parser.on('error', fail);
    parser.on('end', () => {
      if (failed) return;
      if (!headerSeen)
        reject(new InputError('empty_file', `${name}: the file is empty; expected a header row`, { file: name }));
      else resolve();
    });
    parser.resume();
    input.pipe(parser);
  });
}

/** A row of empty fields (`,,,` as spreadsheets write below the data) is no row. */
function allBlank(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

function toInputError(err: unknown, name: string): unknown {
  if (err instanceof InputError) return err;
  if (err instanceof CsvError) {
    const line = typeof err.lines === 'number' ? err.lines : undefined;
    const where = line === undefined ? name : `${name}:${line}`;
    return new InputError('csv_syntax', `${where}: not valid CSV: ${err.message} (check the quoting near this line)`, {
      file: name,
      ...(line === undefined ? {} : { line }),
    });
  }
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT')
    return new InputError('file_not_found', `${name}: no such file; check the path`, { file: name });
  if (code === 'EACCES' || code === 'EPERM')
    return new InputError('file_unreadable', `${name}: permission denied; check the file's permissions`, {
      file: name,
    });
  if (code === 'EISDIR')
    return new InputError('file_unreadable', `${name}: is a directory; pass a CSV file`, { file: name });
  return err;
}
