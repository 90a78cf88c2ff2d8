import type { Day } from './calendar.js';

/**
 * A set of days as a bitmap from the first to the last day added: one bit
 * per calendar day, so its size is bounded by the span of days, not by how
 * many times a day is added.
 */
export class DaySet {
  private base = 0;
  private bits = new Uint8Array(0);

  /** Adds a day. */
  add(day: Day): void {
    if (this.bits.length === 0) {
      this.base = day - (day & 7);
      this.bits = new Uint8Array(8);
    }
    let offset = day - this.base;
    if (offset < 0 || offset >= this.bits.length * 8) {
      const from = Math.min(this.base, day - (((day % 8) + 8) % 8));
      const to = Math.max(this.base + this.bits.length * 8, day + 1);
      // Grow by at least half again, so that adding days in order costs O(1) each on average.
      const bytes = Math.max(Math.ceil((to - from) / 8), Math.ceil(this.bits.length * 1.5));
      const grown = new Uint8Array(bytes);
      const start = offset < 0 ? (this.base - from) / 8 : 0;
      grown.set(this.bits, start);
      this.base = offset < 0 ? from : this.base;
      this.bits = grown;
      offset = day - this.base;
    }
    this.bits[offset >> 3] = (this.bits[offset >> 3] ?? 0) | (1 << (offset & 7));
  }

  /** Whether any day in [from, to] is in the set. */
  hasAnyIn(from: Day, to: Day): boolean {
    const lo = Math.max(from - this.base, 0);
    const hi = Math.min(to - this.base, this.bits.length * 8 - 1);
    for (let o = lo; o <= hi; o++) {
      const byte = this.bits[o >> 3] ?? 0;
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
    for (let i = 0; i < this.bits.length; i++) {
      const byte = this.bits[i] ?? 0;
      if (byte === 0) continue;
      for (let b = 0; b < 8; b++) if (byte & (1 << b)) yield this.base + i * 8 + b;
    }
  }

  /** Adds every day of `other`. */
  addAll(other: DaySet): void {
    for (const d of other.days()) this.add(d);
  }
}
