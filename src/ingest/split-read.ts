import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { absorbAggregate, type AggregateOptions, type DealAggregate } from '../engine/aggregate.js';
import type { HandoffAggregate } from '../engine/handoff-aggregate.js';
import { mergeHandoffAggregates } from '../engine/handoff-aggregate.js';
import type { InputAggregates } from '../engine/input-report.js';
import { reviveAggregate, reviveHandoffAggregate } from '../engine/aggregate-transfer.js';
import type { Encoding } from './decode.js';
import { type DealsProfile, type ReadDealsResult, type ReadNote, setNotes } from './deals.js';
import { findRepeats, IDS_IN_MEMORY, makeSpillDir, removeSpillDir, type SpilledIds } from './id-log.js';
import { readPart } from './read-part.js';
import type { RowProblem } from './row-problem.js';

/*
 * A large deals file is read in parts at once, one per core: the first part
 * in this thread, each later one in a worker thread, each into aggregates of
 * its own, which are merged at the end (the aggregates are built to merge).
 *
 * A part starts after a line feed near an equal share of the bytes. Whether
 * that line feed ends a record (and is not inside a quoted field) is known
 * only once the part before it is parsed: a part that ends inside quotes
 * fails to parse. So every part is checked by the one before it, and on
 * any doubt — a part that failed for whatever reason, a deal id in two
 * parts — the caller reads the file again in one piece, which gives exactly
 * the sequential result and errors. Lines are numbered from each part's
 * start and shifted by the lines of the parts before it.
 */

/** Files smaller than this are read in one piece unless more parts are asked for. @default 32 MiB */
export const AUTO_SPLIT_BYTES = 32 * 1024 * 1024;

/** How many parts `jobs` (`auto` or a number ≥ 1) means for a file of `bytes`. */
export function partsFor(jobs: number | 'auto', bytes: number): number {
  if (jobs !== 'auto') return jobs;
  return bytes < AUTO_SPLIT_BYTES ? 1 : Math.max(1, Math.min(4, availableParallelism()));
}

/** What a worker is asked to do. */
export interface PartTask {
  path: string;
  file: string;
  /** Byte range of the part, inclusive. */
  start: number;
  end: number;
  profile: DealsProfile;
  aggregates: AggregateOptions[];
  /** How many rejected rows' problems to send back. */
  keepRejected: number;
  /** About how many rows the part has. */
  expectedRows: number;
  /** Where the part's deal ids go: how many in memory, then into which files. */
  ids: { capacity: number; dir: string; name: string };
}

/** Sent to a worker once the first part found the header. */
export interface HeaderMessage {
  header: readonly string[];
  encoding: Encoding;
}

/** What a worker sends back. */
export type PartReply =
  | {
      ok: true;
      read: ReadDealsResult;
      notes: ReadNote[];
      rejected: RowProblem[][];
      /** The part's deal ids, on disk. */
      ids: SpilledIds;
      /** For each aggregate asked for: the deals and the funnel. */
      aggregates: { deals: DealAggregate; handoffs: HandoffAggregate }[];
    }
  | { ok: false; reason: string };

/** How to read a file in parts. */
export interface SplitReadOptions {
  /** The file's path on disk, and its name in messages. */
  path: string;
  file: string;
  profile: DealsProfile;
  parts: number;
  /** Every deal is added to each of these (their deals and funnel); they are left untouched when `null` is returned. */
  aggregates: InputAggregates[];
  /** How many rejected rows' problems the caller keeps. */
  keepRejected: number;
  /** How many deal ids the parts keep in memory together. @default IDS_IN_MEMORY */
  idsInMemory?: number;
}

/** The result of a read in parts. */
export interface SplitReadResult {
  read: ReadDealsResult;
  /** The problems of the first `keepRejected` rejected rows, in file order. */
  rejected: RowProblem[][];
  /** How many parts were read. */
  parts: number;
}

/** The worker's script: the built JavaScript next to this file (also when this runs from the TypeScript sources). */
function workerUrl(): URL | null {
  const here = import.meta.url;
  const url = here.endsWith('.ts')
    ? new URL('../../dist/ingest/deals-worker.js', here)
    : new URL('./deals-worker.js', here);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/**
 * Byte offsets where parts 2..n start: just after the first line feed at or
 * after each k/n of the file. Fewer when the file is too small or the lines
 * too long to tell.
 */
export function splitPoints(path: string, parts: number): number[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(1 << 16);
    const points: number[] = [];
    for (let k = 1; k < parts; k++) {
      const target = Math.floor((size * k) / parts);
      if (target <= (points.at(-1) ?? 0)) continue;
      const n = readSync(fd, buf, 0, buf.length, target);
      const lf = buf.subarray(0, n).indexOf(10);
      if (lf === -1 || target + lf + 1 >= size) break;
      points.push(target + lf + 1);
    }
    return points;
  } finally {
    closeSync(fd);
  }
}

/** The first 64 KiB of a file (less when it is shorter). */
export function readHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    return buf.subarray(0, readSync(fd, buf, 0, buf.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** About how many rows `bytes` bytes of a file hold, from the lines in its `head`. */
export function estimateRows(head: Buffer, bytes: number): number {
  let lines = 0;
  for (let i = head.indexOf(10); i !== -1; i = head.indexOf(10, i + 1)) lines++;
  return lines === 0 ? 0 : Math.ceil((bytes / head.length) * lines);
}

/** A UTF-16 file (BOM FF FE or FE FF) cannot be cut at a byte 0x0A. */
function startsUtf16(head: Buffer): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
}

/**
 * Reads a deals file in `parts` parts at once. Resolves to `null` when the
 * file must be read in one piece instead (too small to split, UTF-16, no
 * worker script, or any part failed or shares a deal id with another);
 * then nothing has been added to the aggregates.
 */
export async function readDealsInParts(options: SplitReadOptions): Promise<SplitReadResult | null> {
  const { path, profile } = options;
  const url = workerUrl();
  if (url === null || options.parts < 2 || profile.encoding === 'utf16le' || profile.encoding === 'utf16be')
    return null;
  const firstBytes = readHead(path);
  if (startsUtf16(firstBytes)) return null;
  const points = splitPoints(path, options.parts);
  if (points.length === 0) return null;
  let dir: string;
  try {
    dir = makeSpillDir();
  } catch {
    // No place for the parts' ids: the read in one piece tells why if it needs one.
    return null;
  }
  try {
    return await readParts(options, url, firstBytes, points, dir);
  } finally {
    removeSpillDir(dir);
  }
}

async function readParts(
  options: SplitReadOptions,
  url: URL,
  firstBytes: Buffer,
  points: number[],
  dir: string,
): Promise<SplitReadResult | null> {
  const { path, file, profile, keepRejected } = options;
  const size = statSync(path).size;
  const aggregateOptions = options.aggregates.map((a) => a.deals.options);
  const starts = [0, ...points];
  const taskOf = (i: number): PartTask => {
    const start = starts[i] as number;
    return {
      path,
      file,
      start,
      end: (starts[i + 1] ?? Infinity) - 1,
      profile,
      aggregates: aggregateOptions,
      keepRejected,
      expectedRows: estimateRows(firstBytes, (starts[i + 1] ?? size) - start),
      // The parts share the ids kept in memory.
      ids: {
        capacity: Math.max(1, Math.floor((options.idsInMemory ?? IDS_IN_MEMORY) / starts.length)),
        dir,
        name: `part${i}`,
      },
    };
  };
  // The later parts in worker threads, which wait for the header.
  const workers = starts.slice(1).map((_, k) => {
    // A small young generation: a part's garbage is short-lived, and each thread's heap counts.
    const worker = new Worker(url, { workerData: taskOf(k + 1), resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    const reply = new Promise<PartReply>((resolve) => {
      worker.once('message', (m: PartReply) => {
        resolve(m);
        // Done: its heap is freed before the next part's reply is read.
        void worker.terminate();
      });
      worker.once('error', (err) => resolve({ ok: false, reason: err.message }));
      worker.once('exit', () => resolve({ ok: false, reason: 'exited' }));
    });
    return { worker, reply };
  });
  const stopAll = (): Promise<unknown> => Promise.all(workers.map((w) => w.worker.terminate()));

  // The first part, in this thread, finds the header and sends it to the others.
  let head: PartReply;
  try {
    head = await readPart(taskOf(0), undefined, (header, encoding) => {
      for (const w of workers) w.worker.postMessage({ header, encoding } satisfies HeaderMessage);
    });
  } catch {
    // A missing column, say: the read in one piece tells about it.
    await stopAll();
    return null;
  }
  const replies = [head, ...(await Promise.all(workers.map((w) => w.reply)))];
  await stopAll();
  const parts: Extract<PartReply, { ok: true }>[] = [];
  for (const reply of replies) {
    if (!reply.ok) return null;
    parts.push(reply);
  }
  // A deal id in two parts, or twice in one part past the ids it kept in memory.
  const repeated = findRepeats(
    parts.map((p) => p.ids),
    1,
  );
  if (repeated.length > 0) return null;
  const read = head.read;
  const notes = [...head.notes];
  const merged: ReadDealsResult = { ...read, skipped: { ...read.skipped } };
  const currencies = new Set(read.currencies);
  const rejected = [...head.rejected];
  let lines = read.lines;
  for (const part of parts.slice(1)) {
    const r = part.read;
    for (const problems of part.rejected) {
      if (rejected.length < keepRejected) rejected.push(problems.map((p) => ({ ...p, line: p.line + lines })));
    }
    lines += r.lines;
    merged.rows += r.rows;
    merged.used += r.used;
    merged.rejected += r.rejected;
    merged.skipped.footer += r.skipped.footer;
    // Percentages when any part writes them (a value above 1 or with %), as for the whole file.
    if (r.probabilityScale === 'percent' || merged.probabilityScale === null)
      merged.probabilityScale = r.probabilityScale ?? merged.probabilityScale;
    for (const c of r.currencies) currencies.add(c);
    for (const note of part.notes) if (note.code === 'lines_skipped' && note.kind === 'footer') addFooter(notes, note);
  }
  merged.lines = lines;
  merged.currencies = [...currencies].sort();
  // Footer notes come last, as in a read in one piece.
  notes.sort((a, b) => Number(isFooterNote(a)) - Number(isFooterNote(b)));
  setNotes(merged, notes);

  options.aggregates.forEach((into, i) => {
    for (const part of parts) {
      const got = part.aggregates[i];
      if (got === undefined) continue;
      const deals = reviveAggregate(got.deals);
      // Into an empty aggregate, the part's state is taken over rather than copied.
      if (into.deals.deals === 0)
        Object.assign(into.deals, { ...deals, options: into.deals.options, firstWonDims: into.deals.firstWonDims });
      else absorbAggregate(into.deals, deals);
      into.handoffs = mergeHandoffAggregates(into.handoffs, reviveHandoffAggregate(got.handoffs));
    }
  });
  return { read: merged, rejected, parts: parts.length };
}

function isFooterNote(note: ReadNote): boolean {
  return note.code === 'lines_skipped' && note.kind === 'footer';
}

function addFooter(notes: ReadNote[], note: Extract<ReadNote, { code: 'lines_skipped' }>): void {
  const i = notes.findIndex(isFooterNote);
  const had = notes[i];
  if (had === undefined || had.code !== 'lines_skipped') notes.push({ ...note });
  else notes[i] = { ...had, count: had.count + note.count };
}
