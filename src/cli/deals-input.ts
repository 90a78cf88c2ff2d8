import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { defaultStageClassifier, type Deal } from '../engine/deal.js';
import { InputError, UsageError } from '../errors.js';
import { DEAL_FIELDS } from '../ingest/columns.js';
import { readDeals, type ReadDealsResult } from '../ingest/deals.js';
import { describeRowProblem, formatRowProblem, type RowProblem } from '../ingest/row-problem.js';
import { type JsonRowProblem, toJsonError } from '../reporters/json.js';
import type { CliIO } from './io.js';

/** The options every command that reads deals takes. */
export interface DealsInputOptions {
  skipInvalid: boolean;
  rejects?: string;
  map: Record<string, string>;
  format: string;
}

/** The name of an input in messages: `<stdin>` for `-`. */
export function displayName(file: string): string {
  return file === '-' ? '<stdin>' : file;
}

function openInput(io: CliIO, file: string): Readable {
  return file === '-' ? io.stdin : createReadStream(resolve(io.cwd, file));
}

/** How many rejected rows are printed before the count. */
const SHOWN_ROWS = 10;

/** One line for a rejected row: `deals.csv:12: column amount: …; column close_date: …`. */
function formatRejectedRow(problems: readonly RowProblem[]): string {
  const p = problems[0];
  return p === undefined ? '' : `${p.file}:${p.line}: ${problems.map(describeRowProblem).join('; ')}`;
}

/** A `--rejects` file: the rejected rows as they were, plus a `reason` column. */
class RejectsWriter {
  private readonly out: WriteStream;
  private readonly csv = stringify();
  private started = false;
  private readonly done: Promise<void>;

  constructor(path: string) {
    this.out = createWriteStream(path);
    this.done = new Promise((ok, fail) => {
      this.out.on('finish', ok);
      this.out.on('error', fail);
    });
    this.csv.pipe(this.out);
  }

  write(header: readonly string[], fields: readonly string[], problems: readonly RowProblem[]): void {
    if (!this.started) {
      this.started = true;
      this.csv.write([...header, 'reason']);
    }
    const row = header.map((_, i) => fields[i] ?? '');
    this.csv.write([...row, problems.map(describeRowProblem).join('; ')]);
  }

  /** Writes the header alone when no row was rejected. */
  async close(header: readonly string[]): Promise<void> {
    if (!this.started) this.csv.write([...header, 'reason']);
    this.csv.end();
    await this.done;
  }
}

/**
 * Reads a deals file, passing each valid deal to `onDeal`. Invalid rows are
 * reported: by default the first 10 and the count (JSON on stdout under
 * `--format json`), and `null` is returned for exit code 2; with
 * `--skip-invalid` a warning, and the read goes on. `--rejects` writes them out.
 */
export async function ingestDeals(
  io: CliIO,
  file: string,
  opts: DealsInputOptions,
  onDeal: (deal: Deal) => void,
): Promise<ReadDealsResult | null> {
  for (const field of Object.keys(opts.map)) {
    if (!(DEAL_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError('bad_map', `--map ${field}=…: unknown field; deals fields are ${DEAL_FIELDS.join(', ')}.`);
    }
  }
  const name = displayName(file);
  const first: RowProblem[][] = [];
  const rejects = opts.rejects === undefined ? undefined : new RejectsWriter(resolve(io.cwd, opts.rejects));
  const read = await readDeals(openInput(io, file), {
    file: name,
    classify: defaultStageClassifier,
    columns: opts.map,
    onDeal,
    onReject: (problems, fields, header) => {
      if (first.length < SHOWN_ROWS) first.push(problems);
      rejects?.write(header, fields, problems);
    },
  });
  await rejects?.close(read.header);

  if (read.rejected > 0 && !opts.skipInvalid) {
    const message = `${name}: ${read.rejected} invalid row${read.rejected === 1 ? '' : 's'}; fix them, or pass --skip-invalid to leave them out`;
    if (opts.format === 'json') {
      const rows: JsonRowProblem[] = first.flat().map((p) => ({
        line: p.line,
        column: p.column ?? null,
        value: p.value ?? null,
        code: p.code,
        message: formatRowProblem(p),
      }));
      const err = new InputError('invalid_rows', message, { file: name });
      io.stdout.write(JSON.stringify(toJsonError(err, { count: read.rejected, first: rows })) + '\n');
    }
    for (const problems of first) io.stderr.write(formatRejectedRow(problems) + '\n');
    io.stderr.write(`salesmetrics: ${message}\n`);
    return null;
  }
  if (read.rejected > 0) {
    io.stderr.write(
      `salesmetrics: warning: skipped ${read.rejected} invalid row${read.rejected === 1 ? '' : 's'} of ${name}` +
        (first[0] === undefined ? '' : ` (first: ${formatRejectedRow(first[0])})`) +
        (opts.rejects === undefined ? '; --rejects FILE writes them out' : `; written to ${opts.rejects}`) +
        '\n',
    );
  }
  return read;
}
