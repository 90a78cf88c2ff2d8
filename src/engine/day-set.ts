import type { Day } from './calendar.js';

/** Past this many days a set switches from a sorted list to a bitmap. */
const LIST_LIMIT = 32;

/**
 * A set of days, small however often a day is added: a sorted list of the
 * distinct days while there are few, then a bitmap of one bit per calendar
 * day from the first to the last (its size bounded by that span).
 */
export class DaySet {
  /** The sorted distinct days while there are at most LIST_LIMIT: a plain array of small integers, a few bytes a day. */
  private list: number[] | null = null;
  private base = 0;
  private bits: Uint8Array | null = null;

  /** Adds a day. */
  add(day: Day): void {
    if (this.bits === null) {
      const list = (this.list ??= []);
      const n = list.length;
      // Appending is the common case: days mostly come in order.
      if (n === 0 || (list[n - 1] as number) < day) {
        if (n < LIST_LIMIT) {
          list.push(day);
          return;
        }
      } else {
        // Binary search for the insertion point; nothing to do when present.
        let lo = 0;
        let hi = n;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if ((list[mid] as number) < day) lo = mid + 1;
          else hi = mid;
        }
        if (lo < n && list[lo] === day) return;
        if (n < LIST_LIMIT) {
          list.splice(lo, 0, day);
          return;
        }
      }
      this.toBitmap(list);
    }
    this.setBit(day);
  }

  private toBitmap(list: number[]): void {
    const first = list[0] as number;
    const last = list[list.length - 1] as number;
    this.base = first - (((first % 8) + 8) % 8);
    this.bits = new Uint8Array(Math.ceil((last - this.base + 1) / 8));
    this.list = null;
    for (const d of list) this.setBit(d);
  }

  private setBit(day: Day): void {
    let offset = day - this.base;
    if (offset < 0 || offset >= (this.bits as Uint8Array).length * 8) {
      this.cover(day, day + 1);
      offset = day - this.base;
    }
    const bits = this.bits as Uint8Array;
    bits[offset >> 3] = (bits[offset >> 3] as number) | (1 << (offset & 7));
  }

  /** Grows the bitmap to hold the days from `from` up to (not including) `to`. */
  private cover(from: Day, to: Day): void {
    const bits = this.bits as Uint8Array;
    const end = this.base + bits.length * 8;
    if (from >= this.base && to <= end) return;
    const base = Math.min(this.base, from - (((from % 8) + 8) % 8));
    const grown = new Uint8Array(Math.ceil((Math.max(end, to) - base) / 8));
    grown.set(bits, (this.base - base) / 8);
    this.base = base;
    this.bits = grown;
  }

  /** Whether any day in [from, to] is in the set. */
  hasAnyIn(from: Day, to: Day): boolean {
    const bits = this.bits;
    if (bits === null) {
      const list = this.list ?? [];
      for (let i = 0; i < list.length; i++) {
        const d = list[i] as number;
        if (d > to) return false;
        if (d >= from) return true;
      }
      return false;
    }
    const lo = Math.max(from - this.base, 0);
    const hi = Math.min(to - this.base, bits.length * 8 - 1);
    for (let o = lo; o <= hi; o++) {
      const byte = bits[o >> 3] as number;
      if (byte === 0) {
        o |= 7; // skip the rest of an empty byte
        continue;
      }
      if (byte & (1 << (o & 7))) return true;
    }
    return false;
  }

  /** Every day in the set, in order. */
  *days(): Generator<Day> {
    const bits = this.bits;
    if (bits === null) {
      yield* this.list ?? [];
      return;
    }
    for (let i = 0; i < bits.length; i++) {
      const byte = bits[i] as number;
      if (byte === 0) continue;
      for (let b = 0; b < 8; b++) if (byte & (1 << b)) yield this.base + i * 8 + b;
    }
  }

  /** Adds every day of `other`, without allocating more than a grown bitmap. */
  addAll(other: DaySet): void {
    const theirs = other.bits;
    if (theirs === null) {
      const list = other.list ?? [];
      for (let i = 0; i < list.length; i++) this.add(list[i] as number);
      return;
    }
    if (this.bits === null) {
      const list = this.list ?? [];
      // Take a copy of their bitmap, then add our few days to it.
      this.bits = theirs.slice();
      this.base = other.base;
      this.list = null;
      for (let i = 0; i < list.length; i++) this.setBit(list[i] as number);
      return;
    }
    // Both bitmaps (their bases are multiples of 8): cover their span, then OR the bytes.
    this.cover(other.base, other.base + theirs.length * 8);
    const bits = this.bits;
    const shift = (other.base - this.base) / 8;
    for (let i = 0; i < theirs.length; i++) bits[shift + i] = (bits[shift + i] as number) | (theirs[i] as number);
  }
}
