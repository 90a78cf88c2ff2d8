// The two halves of the last hash computed: module state, so that hashing allocates nothing.
let h1 = 0;
let h2 = 0;

/** Two independent 32-bit FNV-1a style hashes of the UTF-16 code units, into h1 and h2. */
function hash(id: string): void {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
  b ^= b >>> 16;
  h1 = a >>> 0;
  h2 = (b | 1) >>> 0; // never 0: 0 marks an empty slot
}

/**
 * A set of ids kept as 64-bit hashes (8 bytes each, in typed arrays): memory
 * is a small fixed cost per id instead of the id strings themselves. Two
 * different ids share a hash with probability about n² / 2⁶⁵ — about 1 in
 * 370,000 for a file of 10 million ids.
 */
export class IdSet {
  private slots: Uint32Array;
  private mask: number;
  private used = 0;

  constructor(initialCapacity = 1 << 12) {
    let size = 16;
    while (size < initialCapacity) size *= 2;
    this.slots = new Uint32Array(size * 2);
    this.mask = size - 1;
  }

  /**
   * A set sized for about `rows` ids (an estimate; the default size when not
   * given): the table it would have grown to, so that it never holds an old
   * and a new table at once. An estimate just past a size gets the smaller
   * one, which grows only if the estimate was right: an estimate a little
   * high must not double the memory.
   */
  static forRows(rows: number | undefined): IdSet {
    if (rows === undefined || !(rows > 0)) return new IdSet();
    // The table grows past 3/4 full.
    let size = 16;
    while (size * 3 < rows * 4) size *= 2;
    return new IdSet(rows < size * 0.4 ? size / 2 : size);
  }

  /** Number of ids held. */
  get size(): number {
    return this.used;
  }

  /** Adds `id`; returns `false` when it was already there. */
  add(id: string): boolean {
    hash(id);
    if (!this.insert(h1, h2)) return false;
    this.used++;
    if (this.used * 4 > (this.mask + 1) * 3) this.grow();
    return true;
  }

  /** Whether `id` (or an id with the same 64-bit hash) was added. */
  has(id: string): boolean {
    hash(id);
    return this.hasHash(h1, h2);
  }

  /** Whether any id of `other` is in this set too. */
  sharesAny(other: IdSet): boolean {
    const theirs = other.slots;
    for (let i = 0; i < theirs.length; i += 2) {
      const s2 = theirs[i + 1] ?? 0;
      if (s2 !== 0 && this.hasHash(theirs[i] ?? 0, s2)) return true;
    }
    return false;
  }

  /** The memory holding the set, to transfer it to another thread. */
  buffer(): ArrayBuffer {
    return this.slots.buffer as ArrayBuffer;
  }

  /** A set again after a structured clone (`postMessage`); revives in place. */
  static revive(value: unknown): IdSet {
    Object.setPrototypeOf(value, IdSet.prototype);
    return value as IdSet;
  }

  private hasHash(a: number, b: number): boolean {
    const slots = this.slots;
    for (let i = a & this.mask; ; i = (i + 1) & this.mask) {
      const s2 = slots[i * 2 + 1];
      if (s2 === 0) return false;
      if (s2 === b && slots[i * 2] === a) return true;
    }
  }

  private insert(h1: number, h2: number): boolean {
    const slots = this.slots;
    let i = h1 & this.mask;
    for (;;) {
      const s2 = slots[i * 2 + 1];
      if (s2 === 0) {
        slots[i * 2] = h1;
        slots[i * 2 + 1] = h2;
        return true;
      }
      if (s2 === h2 && slots[i * 2] === h1) return false;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    for (let i = 0; i < old.length; i += 2) {
      const h2 = old[i + 1] ?? 0;
      if (h2 !== 0) this.insert(old[i] ?? 0, h2);
    }
  }
}
