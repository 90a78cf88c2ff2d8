import { hashId, ID_HASH } from './id-hash.js';

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
    hashId(id);
    return this.addHash(ID_HASH[0] as number, ID_HASH[1] as number);
  }

  /** Adds the hash `a`, `b` (of {@link hashId}); returns `false` when it was already there. */
  addHash(a: number, b: number): boolean {
    if (!this.insert(a, b)) return false;
    this.used++;
    if (this.used * 4 > (this.mask + 1) * 3) this.grow();
    return true;
  }

  /** Whether `id` (or an id with the same 64-bit hash) was added. */
  has(id: string): boolean {
    hashId(id);
    return this.hasHash(ID_HASH[0] as number, ID_HASH[1] as number);
  }

  /** Whether the hash `a`, `b` was added. */
  hasHash(a: number, b: number): boolean {
    const slots = this.slots;
    for (let i = a & this.mask; ; i = (i + 1) & this.mask) {
      const s2 = slots[i * 2 + 1];
      if (s2 === 0) return false;
      if (s2 === b && slots[i * 2] === a) return true;
    }
  }

  /** Empties the set, keeping its table. */
  clear(): void {
    this.slots.fill(0);
    this.used = 0;
  }

  /**
   * The table: pairs of 32-bit halves of each hash held, in no order; a pair
   * whose second half is 0 is an empty slot.
   */
  table(): Uint32Array {
    return this.slots;
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
