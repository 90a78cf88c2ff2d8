import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { addDeal, createAggregate } from '../engine/aggregate.js';
import { type Day, formatDay } from '../engine/calendar.js';
import { defaultStageClassifier, type Dimension } from '../engine/deal.js';
import type { Granularity } from '../engine/periods.js';
import { buildReport, reportWindow } from '../engine/report.js';
import { InputError, UsageError } from '../errors.js';
import { DEAL_FIELDS } from '../ingest/columns.js';
import { readDeals } from '../ingest/deals.js';
import { describeRowProblem, formatRowProblem, type RowProblem } from '../ingest/row-problem.js';
import { renderReportCsv } from '../reporters/csv.js';
import { type JsonRowProblem, toJsonError, toJsonReport } from '../reporters/json.js';
import { renderReportTable } from '../reporters/table.js';
import { chalkFor } from './color.js';
import { type CliIO, EXIT } from './io.js';

/** The options of `salesmetrics report`, as parsed. */
export interface ReportCommandOptions {
  from?: Day;
  to?: Day;
  period: Granularity;
  fiscalYearStart: number;
  by?: Dimension;
  format: 'table' | 'json' | 'csv';
  skipInvalid: boolean;
  rejects?: string;
  map: Record<string, string>;
  color: boolean;
}

/** How many rejected rows are printed before the count. */
const SHOWN_ROWS = 10;

/** One line for a rejected row: `deals.csv:12: column amount: …; column close_date: …`. */
function formatRejectedRow(problems: readonly RowProblem[]): string {
  const p = problems[0];
  return p === undefined ? '' : `${p.file}:${p.line}: ${problems.map(describeRowProblem).join('; ')}`;
}

function openInput(io: CliIO, file: string): Readable {
  return file === '-' ? io.stdin : createReadStream(resolve(io.cwd, file));
}

function displayName(file: string): string {
  return file === '-' ? '<stdin>' : file;
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

/** Runs `salesmetrics report FILE`. Returns the exit code. */
export async function reportCommand(io: CliIO, file: string, opts: ReportCommandOptions): Promise<number> {
  if (opts.from !== undefined && opts.to !== undefined && opts.from > opts.to) {
    throw new UsageError('bad_window', '--from is after --to; give a window with from ≤ to.');
  }
  for (const field of Object.keys(opts.map)) {
    if (!(DEAL_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError('bad_map', `--map ${field}=…: unknown field; deals fields are ${DEAL_FIELDS.join(', ')}.`);
    }
  }
  const name = displayName(file);
  const given = opts.from !== undefined || opts.to !== undefined;
  const calendar = { granularity: opts.period, fiscalYearStart: opts.fiscalYearStart };
  // Deals closed outside a given window stay out of closed-deal figures; an open end is unbounded.
  const filter = given ? { from: opts.from ?? -Infinity, to: opts.to ?? Infinity } : null;
  const agg = createAggregate({ calendar, by: opts.by ?? null, window: filter });

  const first: RowProblem[][] = [];
  const rejects = opts.rejects === undefined ? undefined : new RejectsWriter(resolve(io.cwd, opts.rejects));
  const read = await readDeals(openInput(io, file), {
    file: name,
    classify: defaultStageClassifier,
    columns: opts.map,
    onDeal: (deal) => addDeal(agg, deal),
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
    return EXIT.error;
  }
  if (read.rejected > 0) {
    io.stderr.write(
      `salesmetrics: warning: skipped ${read.rejected} invalid row${read.rejected === 1 ? '' : 's'} of ${name}` +
        (first[0] === undefined ? '' : ` (first: ${formatRejectedRow(first[0])})`) +
        (opts.rejects === undefined ? '; --rejects FILE writes them out' : `; written to ${opts.rejects}`) +
        '\n',
    );
  }

  const inferred = reportWindow(agg, null);
  const from = opts.from ?? inferred?.from;
  const to = opts.to ?? inferred?.to;
  if (from === undefined || to === undefined) {
    throw new InputError('no_dates', `${name}: no deal has a date; pass --from and --to to set the window`, {
      file: name,
    });
  }
  if (from > to) {
    throw new UsageError(
      'bad_window',
      `the window ${formatDay(from)} – ${formatDay(to)} is empty; adjust --from or --to`,
    );
  }
  const report = buildReport(agg, { window: { from, to }, accounts: read.hasAccounts });
  const json = toJsonReport(report, {
    deals: { path: file, rows: read.rows, used: read.used, rejected: read.rejected },
  });
  switch (opts.format) {
    case 'json':
      io.stdout.write(JSON.stringify(json, null, 2) + '\n');
      break;
    case 'csv':
      io.stdout.write(renderReportCsv(json));
      break;
    case 'table':
      io.stdout.write(renderReportTable(json, { chalk: chalkFor(io, opts.color) }));
      break;
  }
  return EXIT.ok;
}
