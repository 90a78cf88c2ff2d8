import { parse, CsvError, type Parser } from 'csv-parse';
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
  /** Called once the encoding is known, before the first record. */
  start?(encoding: Encoding): void;
  /** Called after the last record with the number of lines read. */
  end?(lines: number): void;
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
    // Lines are counted here: each record ends one line, plus the line breaks inside its quoted fields.
    let nextLine = 1;
    let failed = false;
    const { stream, decoder } = decodeInput(input, options.encoding);
    // Empty lines come through as records of one empty field, so that they are counted.
    let parser: Parser | undefined;
    const fail = (err: unknown): void => {
      if (failed) return;
      failed = true;
      input.unpipe();
      stream.unpipe();
      input.destroy();
      stream.destroy();
      parser?.destroy();
      reject(toInputError(err, name));
    };
    const onRecord = (fields: string[]): void => {
      if (failed) return;
      const line = nextLine;
      let breaks = 1;
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i] as string;
        for (let j = f.indexOf('\n'); j !== -1; j = f.indexOf('\n', j + 1)) breaks++;
      }
      nextLine += breaks;
      if (allBlank(fields)) return;
      try {
        sink.record(fields, line);
      } catch (err) {
        fail(err);
      }
    };
    // The delimiter is decided from the first line: a tab when it has tabs and no
    // commas (Excel's "Unicode text" and other TSV exports), else a comma.
    const start = (first: Buffer | string): Parser => {
      const text = typeof first === 'string' ? first : first.subarray(0, 65536).toString('utf8');
      const head = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
      const delimiter = head.includes('\t') && !head.includes(',') ? '\t' : ',';
      sink.start?.(decoder.encoding ?? options.encoding ?? 'utf8');
      const p = parse({ bom: true, relax_column_count: true, skip_empty_lines: false, delimiter });
      p.on('data', onRecord);
      p.on('error', fail);
      p.on('end', () => {
        if (failed) return;
        sink.end?.(nextLine - 1);
        resolve(decoder.encoding ?? options.encoding ?? 'utf8');
      });
      return p;
    };
    input.on('error', fail);
    stream.on('error', fail);
    stream.on('data', (chunk: Buffer | string) => {
      parser ??= start(chunk);
      if (!parser.write(chunk)) {
        stream.pause();
        parser.once('drain', () => stream.resume());
      }
    });
    stream.on('end', () => {
      if (failed) return;
      if (parser === undefined) {
        sink.end?.(0);
        resolve(decoder.encoding ?? options.encoding ?? 'utf8');
      } else parser.end();
    });
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
      { byte: err.byteOffset + 1 },
    );
  }
  if (err instanceof CsvError) {
    const at = typeof err.lines === 'number' ? err.lines : undefined;
    const where = at === undefined ? name : `${name}:${at}`;
    return new InputError(
      'csv_syntax',
      `${where}: not valid CSV: ${err.message} (check the quoting near this line)`,
      { file: name, ...(at === undefined ? {} : { line: at }) },
      { reason: err.message },
    );
  }
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT')
    return new InputError('file_not_found', `${name}: no such file; check the path`, { file: name }, { flag: '' });
  if (code === 'EACCES' || code === 'EPERM')
    return new InputError(
      'file_unreadable',
      `${name}: permission denied; check the file's permissions`,
      { file: name },
      { why: 'permission' },
    );
  if (code === 'EISDIR')
    return new InputError(
      'file_unreadable',
      `${name}: is a directory; pass a CSV file`,
      { file: name },
      { why: 'directory', kind: 'CSV' },
    );
  return err;
}
