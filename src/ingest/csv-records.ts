import { parse, CsvError } from 'csv-parse';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { decodeInput, type Encoding, EncodingError } from './decode.js';

/** Receives the records of a CSV file, in order. */
export interface CsvSink {
  /**
   * A record (the header too); `line` is the 1-based line it starts on. May
   * throw an `InputError` to stop reading.
   */
  record(fields: string[], line: number): void;
}

/** How to read a CSV file. */
export interface ReadCsvOptions {
  /** The encoding; `undefined` detects it (BOM, else valid UTF-8, else CP932). */
  encoding?: Encoding;
}

/**
 * Streams a CSV file (RFC 4180: quoted fields with commas, doubled quotes and
 * newlines; CRLF or LF; UTF-8 with or without BOM, UTF-16 with BOM, CP932)
 * into `sink`, one record at a time, without holding the file. Empty lines
 * and rows whose fields are all empty are skipped. `name` is the file name
 * used in messages. Resolves to the encoding read.
 */
export function readCsv(input: Readable, name: string, sink: CsvSink, options: ReadCsvOptions = {}): Promise<Encoding> {
  return new Promise((resolve, reject) => {
    let lastEnd = 0;
    let lastEmpty = 0;
    let failed = false;
    const { stream, decoder } = decodeInput(input, options.encoding);
    const parser = parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (fields: string[], ctx) => {
        // The row starts after the previous one and the empty lines skipped since.
        const line = lastEnd + 1 + (ctx.empty_lines - lastEmpty);
        lastEnd = ctx.lines;
        lastEmpty = ctx.empty_lines;
        if (!allBlank(fields)) sink.record(fields, line);
        return null;
      },
    });
    const fail = (err: unknown): void => {
      if (failed) return;
      failed = true;
      input.unpipe();
      stream.unpipe();
      input.destroy();
      stream.destroy();
      parser.destroy();
      reject(toInputError(err, name));
    };
    input.on('error', fail);
    stream.on('error', fail);
    parser.on('error', fail);
    parser.on('end', () => {
      if (failed) return;
      resolve(decoder.encoding ?? options.encoding ?? 'utf8');
    });
    parser.resume();
    stream.pipe(parser);
  });
}

/** A row of empty fields (`,,,` as spreadsheets write below the data) is no row. */
function allBlank(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== '') return false;
  return true;
}

function toInputError(err: unknown, name: string): unknown {
  if (err instanceof InputError) return err;
  if (err instanceof EncodingError) {
    return new InputError(
      'bad_encoding',
      `${name}:${err.line}: not valid UTF-8 (byte ${err.byteOffset + 1} of the file); if the file is Shift_JIS/CP932 from Excel, pass --encoding cp932`,
      { file: name, line: err.line },
    );
  }
  if (err instanceof CsvError) {
    const at = typeof err.lines === 'number' ? err.lines : undefined;
    const where = at === undefined ? name : `${name}:${at}`;
    return new InputError('csv_syntax', `${where}: not valid CSV: ${err.message} (check the quoting near this line)`, {
      file: name,
      ...(at === undefined ? {} : { line: at }),
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
