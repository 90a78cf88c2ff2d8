import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SalesmetricsError } from '../errors.js';
import { hashId, ID_HASH } from './id-hash.js';
import { IdSet } from './id-set.js';

/*
 * Repeated deal ids are found with bounded memory. Ids are kept in memory
 * (as 64-bit hashes, see IdSet) up to a fixed number; a repeat among them is
 * found at once. Past that number, the log spills: every hash held and every
 * later one is appended to one of BUCKETS files on disk, chosen by the hash's
 * top bits, and repeats are found only at the end, one bucket at a time
 * (the classic hash partitioning of external duplicate detection). Then a
 * repeat found late means the input must be read again, with
 * `KnownRepeats`: only the hashes known to repeat are tracked, so that the
 * second read rejects exactly the rows an in-memory set would have.
 */

/** Something that tells whether a deal id was seen before. */
export interface IdCheck {
  /** Records `id`; `false` when it is known to repeat an earlier one. */
  add(id: string): boolean;
}

/** How many files the hashes spill into: each file holds about 1/64 of them. */
export const BUCKETS = 64;
/** Hashes buffered per bucket before they are written: 2,048 × 8 bytes = 16 KiB. */
const BUFFERED = 2048;

/**
 * How many ids are held in memory in all, across the parts of a file read in
 * parts: an id table of 2¹⁷ slots (1 MiB) holds 98,304 before it would grow.
 * Past that, spilling costs little (8 bytes a deal written and read back),
 * and a second read only when a file repeats an id.
 */
export const IDS_IN_MEMORY = (1 << 17) * 0.75;

/** A directory for spilled hashes, removed by {@link removeSpillDir} (or when the process exits). */
export function makeSpillDir(): string {
  const dir = onDisk(tmpdir(), () => mkdtempSync(join(tmpdir(), 'salesmetrics-ids-')));
  if (!exitHook) {
    exitHook = true;
    process.on('exit', removeLiveDirs);
  }
  LIVE_DIRS.add(dir);
  return dir;
}

/**
 * Runs `write`, which writes temporary files in `dir`; a failure (no such
 * directory, no permission, a full disk) becomes a one-line error with the fix.
 */
function onDisk<T>(dir: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new SalesmetricsError(
      'usage',
      'temp_unwritable',
      `cannot write temporary files in ${dir} (${reason}); set TMPDIR to a writable directory, or SALESMETRICS_IDS_IN_MEMORY to a number of ids above the file's rows to keep them all in memory`,
      { dir, reason },
    );
  }
}

export function removeSpillDir(dir: string): void {
  LIVE_DIRS.delete(dir);
  rmSync(dir, { recursive: true, force: true });
}

/** The directories made and not yet removed: removed when the process exits, however it exits. */
const LIVE_DIRS = new Set<string>();
let exitHook = false;
function removeLiveDirs(): void {
  for (const dir of LIVE_DIRS) rmSync(dir, { recursive: true, force: true });
  LIVE_DIRS.clear();
}

/** The bucket of a hash: its first half's top 6 bits (the id table indexes by the low bits). */
function bucketOf(a: number): number {
  return a >>> 26;
}

/** The file of bucket `b` of the log named `name` in `dir`. */
function bucketFile(dir: string, name: string, b: number): string {
  return join(dir, `${name}-${b}.bin`);
}

/**
 * Deal ids seen, in memory up to `capacity` ids and on disk past it: in
 * `dir` when given (files named after `name`, so that several logs share a
 * directory), else in a directory of its own made when it spills and
 * removed by {@link IdLog.dispose}.
 */
export class IdLog implements IdCheck {
  private set: IdSet | null;
  private buffers: Uint32Array[] | null = null;
  private fill: Int32Array | null = null;
  private fds: number[] = [];
  /** Hashes found at once to repeat, as pairs of halves. */
  private readonly early: number[] = [];
  private dir: string | undefined;
  private ownDir: string | undefined;

  constructor(
    private readonly capacity: number,
    private readonly name: string,
    options: { expectedRows?: number | undefined; dir?: string } = {},
  ) {
    this.set = IdSet.forRows(Math.min(options.expectedRows ?? 0, capacity) || undefined);
    this.dir = options.dir;
  }

  /** Whether the hashes went to disk. */
  get spilled(): boolean {
    return this.set === null;
  }

  add(id: string): boolean {
    hashId(id);
    const a = ID_HASH[0] as number;
    const b = ID_HASH[1] as number;
    const set = this.set;
    if (set === null) {
      this.append(a, b);
      return true;
    }
    if (!set.addHash(a, b)) {
      this.early.push(a, b);
      return false;
    }
    if (set.size >= this.capacity) this.spill();
    return true;
  }

  /** Moves the hashes held in memory to disk; later ones go there too. */
  spill(): void {
    const set = this.set;
    if (set === null) return;
    this.set = null;
    this.buffers = Array.from({ length: BUCKETS }, () => new Uint32Array(BUFFERED * 2));
    this.fill = new Int32Array(BUCKETS);
    if (this.dir === undefined) this.dir = this.ownDir = makeSpillDir();
    const dir = this.dir;
    this.fds = onDisk(dir, () =>
      Array.from({ length: BUCKETS }, (_, k) => openSync(bucketFile(dir, this.name, k), 'w')),
    );
    const table = set.table();
    for (let i = 0; i < table.length; i += 2) {
      const b = table[i + 1] as number;
      if (b !== 0) this.append(table[i] as number, b);
    }
  }

  private append(a: number, b: number): void {
    const k = bucketOf(a);
    const buf = (this.buffers as Uint32Array[])[k] as Uint32Array;
    const fill = this.fill as Int32Array;
    let n = fill[k] as number;
    buf[n++] = a;
    buf[n++] = b;
    if (n === buf.length) {
      this.write(k, buf);
      n = 0;
    }
    fill[k] = n;
  }

  private write(k: number, hashes: Uint32Array): void {
    onDisk(this.dir ?? tmpdir(), () => writeSync(this.fds[k] as number, hashes));
  }

  /**
   * Writes out what is buffered and closes the files: the log holds no more
   * ids. Returns its part of a {@link findRepeats} call: the hashes found at
   * once to repeat, and the spilled files (none when nothing spilled, then
   * every repeat was found at once).
   */
  close(): SpilledIds {
    if (this.fill !== null && this.buffers !== null) {
      for (let k = 0; k < BUCKETS; k++) {
        const n = this.fill[k] as number;
        if (n > 0) this.write(k, (this.buffers[k] as Uint32Array).subarray(0, n));
        closeSync(this.fds[k] as number);
      }
      this.fill = null;
      this.buffers = null;
      this.fds = [];
    }
    return { dir: this.dir ?? '', name: this.name, spilled: this.set === null, early: [...this.early] };
  }

  /** Removes the directory the log made, if it made one. */
  dispose(): void {
    if (this.ownDir !== undefined) removeSpillDir(this.ownDir);
    this.ownDir = undefined;
  }
}

/** What an {@link IdLog} leaves to check: plain data, to send between threads. */
export interface SpilledIds {
  dir: string;
  name: string;
  /** Whether hashes are in files, one per bucket. */
  spilled: boolean;
  /** Hashes found at once to repeat, as pairs of 32-bit halves. */
  early: number[];
}

/**
 * The hashes that appear more than once across the spilled files of `logs`,
 * as pairs of halves (the hashes found at once are not among them: see
 * `early`). One bucket is in memory at a time. Stops after `limit` hashes
 * when given.
 */
export function findRepeats(logs: readonly SpilledIds[], limit = Infinity): number[] {
  const out: number[] = [];
  const spilled = logs.filter((l) => l.spilled);
  if (spilled.length === 0) return out;
  const files = (k: number): string[] => spilled.map((l) => bucketFile(l.dir, l.name, k));
  // One table and one read buffer, sized for the largest bucket, serve every bucket.
  let largest = 0;
  for (let k = 0; k < BUCKETS; k++)
    largest = Math.max(
      largest,
      files(k).reduce((n, f) => n + statSync(f).size, 0),
    );
  const seen = IdSet.forRows(largest / 8);
  const buffer = new Uint32Array(BUFFERED * 16);
  const bytes = new Uint8Array(buffer.buffer);
  for (let k = 0; k < BUCKETS && out.length < limit * 2; k++) {
    seen.clear();
    for (const f of files(k)) {
      const fd = openSync(f, 'r');
      try {
        const size = statSync(f).size;
        for (let at = 0; at < size;) {
          // Whole hashes: the file holds 8 bytes per hash, the buffer a multiple of 8.
          const n = Math.min(bytes.length, size - at);
          for (let got = 0; got < n;) {
            const read = readSync(fd, bytes, got, n - got, at + got);
            if (read === 0) throw new Error(`${f}: ended after ${at + got} of its ${size} bytes`);
            got += read;
          }
          for (let i = 0; i < n / 4; i += 2) {
            const a = buffer[i] as number;
            const b = buffer[i + 1] as number;
            if (!seen.addHash(a, b)) out.push(a, b);
          }
          at += n;
        }
      } finally {
        closeSync(fd);
      }
    }
  }
  return out;
}

/**
 * The id check of a second read, when the first one found repeats late:
 * only ids whose hash is among `repeats` are tracked (a few), every other id
 * is known to appear once.
 */
export class KnownRepeats implements IdCheck {
  private readonly repeats: IdSet;
  private readonly seen: IdSet;

  constructor(repeats: readonly number[]) {
    this.repeats = IdSet.forRows(repeats.length / 2);
    for (let i = 0; i < repeats.length; i += 2) this.repeats.addHash(repeats[i] as number, repeats[i + 1] as number);
    this.seen = IdSet.forRows(this.repeats.size);
  }

  add(id: string): boolean {
    hashId(id);
    const a = ID_HASH[0] as number;
    const b = ID_HASH[1] as number;
    return !this.repeats.hasHash(a, b) || this.seen.addHash(a, b);
  }
}
