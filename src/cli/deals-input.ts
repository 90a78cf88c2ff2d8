import { createReadStream, createWriteStream, existsSync, statSync, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { Stringifier } from 'csv-stringify';
import { addDealToInputs, type InputAggregates, restartDeals } from '../engine/input-report.js';
import type { Deal } from '../engine/deal.js';
import { DEFAULT_CONFIG } from '../config/default-config.js';
import type { DealsInputConfig } from '../config/schema.js';
import { compileDateFormat } from '../ingest/dates.js';
import { encodingByName } from '../ingest/decode.js';
import type { DealsProfile } from '../ingest/deals.js';
import { PRESETS, type PresetName } from '../ingest/presets.js';
import { loadRates } from './rates.js';
import { InputError, UsageError } from '../errors.js';
import type { CarriedColumn } from '../ingest/carried-column.js';
import { DEAL_FIELDS } from '../ingest/columns.js';
import { notesOf, readDeals, type ReadDealsResult, type ReadNote } from '../ingest/deals.js';
import { describeRowProblem, formatRowProblem, type RowProblem } from '../ingest/row-problem.js';
import { estimateRows, partsFor, readDealsInParts, readHead } from '../ingest/split-read.js';
import { findRepeats, type IdCheck, IdLog, IDS_IN_MEMORY, KnownRepeats } from '../ingest/id-log.js';
import { IdSet } from '../ingest/id-set.js';
import { type Lang, messages } from '../i18n/index.js';
import { type JsonRowProblem, toJsonError } from '../reporters/json.js';
import type { CliIO } from './io.js';

/** The options every command that reads deals takes. */
export interface DealsInputOptions {
  skipInvalid: boolean;
  rejects?: string;
  map: Record<string, string>;
  format: string;
  preset?: PresetName;
  encoding?: string;
  dateFormat?: string;
  decimalComma?: boolean;
  /** `--config FILE`; else `salesmetrics.config.yaml` when present. */
  config?: string;
  /** `--rates FILE` with `--currency CODE`: convert every amount to one currency. */
  rates?: string;
  currency?: string;
  /** The language of messages and of the rejects file's reasons. @default 'en' */
  lang?: Lang;
  /** Read a large file in this many parts at once. @default 'auto' */
  jobs?: number | 'auto';
  /** `--activities`, `--costs`, `--surveys`: the inputs beside deals. */
  activities?: string;
  costs?: string;
  surveys?: string;
}

/**
 * How the deals file is written, from weakest to strongest: the config
 * file's `deals:` section, the target file's, then the flags.
 */
export async function dealsProfile(
  io: CliIO,
  opts: DealsInputOptions,
  targetsSection?: DealsInputConfig,
): Promise<DealsProfile> {
  // The YAML and schema libraries load only when there is a config file to read.
  const hasConfig = opts.config !== undefined || existsSync(resolve(io.cwd, DEFAULT_CONFIG));
  const config = hasConfig
    ? (await import('../config/load-config.js')).loadConfig(io.cwd, opts.config)?.config.deals
    : undefined;
  const sections = [config, targetsSection].filter((x): x is DealsInputConfig => x !== undefined);
  const columns: Record<string, string> = {};
  const won: string[] = [];
  const lost: string[] = [];
  let preset: PresetName | undefined;
  let dateFormat: string | undefined;
  let decimalComma: boolean | undefined;
  let encoding: string | undefined;
  for (const s of sections) {
    Object.assign(columns, s.columns);
    won.push(...(s.stages?.won ?? []));
    lost.push(...(s.stages?.lost ?? []));
    preset = s.preset ?? preset;
    dateFormat = s.date_format ?? dateFormat;
    decimalComma = s.decimal_comma ?? decimalComma;
    encoding = s.encoding ?? encoding;
  }
  for (const field of Object.keys(opts.map)) {
    if (!(DEAL_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError('bad_map', `--map ${field}=…: unknown field; deals fields are ${DEAL_FIELDS.join(', ')}.`, {
        field,
        fields: DEAL_FIELDS.join(', '),
      });
    }
  }
  Object.assign(columns, opts.map);
  preset = opts.preset ?? preset;
  dateFormat = opts.dateFormat ?? dateFormat;
  decimalComma = opts.decimalComma ?? decimalComma;
  encoding = opts.encoding ?? encoding;
  const forced = encoding === undefined || encoding === 'auto' ? undefined : encodingByName(encoding);
  if (encoding !== undefined && encoding !== 'auto' && forced === undefined) {
    throw new UsageError('bad_encoding', `--encoding ${encoding}: use auto, utf8, utf16 or cp932`, { value: encoding });
  }
  return {
    ...(preset === undefined ? {} : { preset }),
    columns,
    won,
    lost,
    ...(dateFormat === undefined ? {} : { dateFormat: compileDateFormat(dateFormat) }),
    decimalComma: decimalComma ?? false,
    ...(forced === undefined ? {} : { encoding: forced }),
    ...(opts.rates === undefined ? {} : { convert: loadRates(io.cwd, opts.rates, opts.currency) }),
  };
}

/** The name of an input in messages: `<stdin>` for `-`. */
export function displayName(file: string): string {
  return file === '-' ? '<stdin>' : file;
}

/** The size of a regular file; `null` for anything else (a pipe, a missing file: the read reports it). */
function fileSize(path: string): number | null {
  try {
    const st = statSync(path);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

/** The stream of an input file, or standard input for `-`. */
export function openInput(io: CliIO, file: string): Readable {
  return file === '-' ? io.stdin : createReadStream(resolve(io.cwd, file));
}

/** The environment variable that sets how many deal ids are kept in memory (see id-log.ts). */
export const IDS_IN_MEMORY_VAR = 'SALESMETRICS_IDS_IN_MEMORY';

/** How many deal ids a read keeps in memory before it writes them to temporary files. */
export function idsInMemory(io: CliIO): number {
  const raw = io.env[IDS_IN_MEMORY_VAR];
  if (raw === undefined || raw.trim() === '') return IDS_IN_MEMORY;
  const n = Number(raw.trim());
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(
      'bad_ids_in_memory',
      `${IDS_IN_MEMORY_VAR}="${raw}" is not a number of ids; set it to a whole number ≥ 1, or unset it for the default ${IDS_IN_MEMORY}`,
      { value: raw, default: IDS_IN_MEMORY },
    );
  }
  return n;
}

/** How many rejected rows are printed before the count. */
export const SHOWN_ROWS = 10;

/** A rejected row's problems: `column amount: …; column close_date: …`. */
function describeRow(problems: readonly RowProblem[], lang: Lang): string {
  return problems.map((p) => describeRowProblem(p, lang)).join('; ');
}

/** One line for a rejected row: `deals.csv:12: column amount: …; column close_date: …`. */
function formatRejectedRow(problems: readonly RowProblem[], lang: Lang): string {
  const p = problems[0];
  return p === undefined ? '' : `${p.file}:${p.line}: ${describeRow(problems, lang)}`;
}

/** A `--rejects` file: the rejected rows as they were, plus a `reason` column. */
export class RejectsWriter {
  private readonly out: WriteStream;
  private started = false;
  private readonly done: Promise<void>;

  constructor(
    /** csv-stringify's stream, loaded by the caller only when rows are written out. */
    private readonly csv: Stringifier,
    path: string,
    private readonly lang: Lang,
  ) {
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
    this.csv.write([...row, describeRow(problems, this.lang)]);
  }

  /** Writes the header alone when no row was rejected. */
  async close(header: readonly string[]): Promise<void> {
    if (!this.started) this.csv.write([...header, 'reason']);
    this.csv.end();
    await this.done;
  }
}

/**
 * Where a command's deals go when they are not aggregates: each deal in file
 * order, and `restart` when the file is read again from its start (a deal id
 * repeated far into a large file is found only at its end; see id-log.ts).
 */
export interface DealStream {
  deal(deal: Deal, carried: string): void;
  /** Forgets every deal given so far. */
  restart(): void;
}

/**
 * Reads a deals file, adding each valid deal to every aggregate of `sink`
 * or passing it to `sink` when it is a stream. Into aggregates, a large file
 * (not standard input, no `--rejects`) is read in parts at once (`--jobs`),
 * which gives the same result. Invalid rows are reported: by default the
 * first 10 and the count (JSON on stdout under `--format json`), and `null`
 * is returned for exit code 2; with `--skip-invalid` a warning, and the read
 * goes on. `--rejects` writes them out. `carry` names one more column whose
 * value the stream gets with each deal.
 */
export async function ingestDeals(
  io: CliIO,
  file: string,
  opts: DealsInputOptions,
  sink: InputAggregates[] | DealStream,
  targetsSection?: DealsInputConfig,
  carry?: CarriedColumn,
  more: Pick<DealsProfile, 'channelOf'> = {},
): Promise<ReadDealsResult | null> {
  const profile = { ...(await dealsProfile(io, opts, targetsSection)), ...more };
  const lang = opts.lang ?? 'en';
  const name = displayName(file);
  let first: RowProblem[][] = [];
  let read: ReadDealsResult | undefined;
  const path = file === '-' ? null : resolve(io.cwd, file);
  const size = path === null ? null : fileSize(path);
  const streamed = !Array.isArray(sink);
  const inMemory = idsInMemory(io);
  // Aggregates can be built in parts and merged; a stream sees the deals in order.
  // A deal's channel from the activities (channelOf) is known only here.
  if (path !== null && opts.rejects === undefined && !streamed && more.channelOf === undefined) {
    const parts = size === null ? 1 : partsFor(opts.jobs ?? 'auto', size);
    const split =
      parts < 2
        ? null
        : await readDealsInParts({
            path,
            file: name,
            profile,
            parts,
            aggregates: sink,
            keepRejected: SHOWN_ROWS,
            idsInMemory: inMemory,
          });
    if (split !== null) {
      read = split.read;
      first = split.rejected;
    }
  }
  const readOnce = async (ids: IdCheck): Promise<ReadDealsResult> => {
    first = [];
    const rejects =
      opts.rejects === undefined
        ? undefined
        : new RejectsWriter((await import('csv-stringify')).stringify(), resolve(io.cwd, opts.rejects), lang);
    const result = await readDeals(openInput(io, file), {
      file: name,
      profile,
      ids,
      ...(carry === undefined ? {} : { carry }),
      onDeal: streamed
        ? (deal, carried) => sink.deal(deal, carried)
        : (deal) => {
            for (let i = 0; i < sink.length; i++) addDealToInputs(sink[i] as InputAggregates, deal);
          },
      onReject: (problems, fields, header) => {
        if (first.length < SHOWN_ROWS) first.push(problems);
        rejects?.write(header, fields, problems);
      },
    });
    await rejects?.close(result.header);
    return result;
  };
  if (read === undefined) {
    if (path === null || size === null) {
      // Standard input or a pipe (not a regular file) cannot be read twice: its ids all stay in memory (8 bytes each).
      read = await readOnce(new IdSet());
    } else {
      // The rows of a regular file are estimated from its first lines, to size the id set up front.
      const expectedRows = estimateRows(readHead(path), size);
      const log = new IdLog(inMemory, 'ids', { expectedRows });
      try {
        read = await readOnce(log);
        const kept = log.close();
        const late = findRepeats([kept]);
        if (late.length > 0) {
          // An id repeated past the ids kept in memory: read again, rejecting exactly the repeats.
          if (streamed) sink.restart();
          else for (const agg of sink) restartDeals(agg);
          read = await readOnce(new KnownRepeats([...kept.early, ...late]));
        }
      } finally {
        log.dispose();
      }
    }
  }
  for (const note of notesOf(read)) io.stderr.write(`salesmetrics: ${formatNote(name, note, lang)}\n`);
  if (read.preset !== null)
    for (const line of missingFieldNotes(name, read, lang)) io.stderr.write(`salesmetrics: ${line}\n`);

  return reportRejectedRows(io, opts, name, read.rejected, first, opts.rejects) ? read : null;
}

/**
 * Tells about the rejected rows of an input: without `--skip-invalid` the
 * first ones and the count (as JSON on stdout too under `--format json`),
 * and `false` for exit code 2; with it a warning naming the first one and
 * where `rejectsFile` wrote them, and `true`.
 */
export function reportRejectedRows(
  io: CliIO,
  opts: DealsInputOptions,
  name: string,
  rejected: number,
  first: readonly RowProblem[][],
  rejectsFile: string | undefined,
): boolean {
  if (rejected === 0) return true;
  const lang = opts.lang ?? 'en';
  const t = messages(lang);
  if (!opts.skipInvalid) {
    if (opts.format === 'json') {
      // JSON is for scripts: its messages stay English whatever the language.
      const rows: JsonRowProblem[] = first.flat().map((p) => ({
        line: p.line,
        column: p.column ?? null,
        value: p.value ?? null,
        code: p.code,
        message: formatRowProblem(p),
      }));
      const err = new InputError('invalid_rows', messages('en').invalidRows(name, rejected), { file: name });
      io.stdout.write(JSON.stringify(toJsonError(err, { count: rejected, first: rows })) + '\n');
    }
    for (const problems of first) io.stderr.write(formatRejectedRow(problems, lang) + '\n');
    io.stderr.write(`salesmetrics: ${t.invalidRows(name, rejected)}\n`);
    return false;
  }
  const shown = first[0] === undefined ? undefined : formatRejectedRow(first[0], lang);
  io.stderr.write(`salesmetrics: ${t.warning(t.skippedRows(name, rejected, shown, rejectsFile))}\n`);
  return true;
}

/** A note on how the file was read, for stderr. */
export function formatNote(name: string, note: ReadNote, lang: Lang = 'en'): string {
  const t = messages(lang);
  const label = note.code === 'preset_detected' ? t.presetLabel(note.preset, PRESETS[note.preset].label) : '';
  return t.note(name, note, label);
}

/** Which metrics are null because a preset's export lacks a column. */
export function missingFieldNotes(name: string, read: ReadDealsResult, lang: Lang = 'en'): string[] {
  const t = messages(lang);
  const out: string[] = [];
  if (!read.hasAmounts) out.push(t.missingField(name, 'amount'));
  if (!read.hasCreatedDates) out.push(t.missingField(name, 'created_date'));
  if (!read.hasAccounts) out.push(t.missingField(name, 'account'));
  return out;
}

/** Several currencies are never summed together. */
export function mixedCurrencyWarning(
  name: string,
  currencies: readonly string[],
  blank: boolean,
  lang: Lang = 'en',
): string {
  return messages(lang).mixedCurrencies(name, currencies, blank);
}
