/**
 * The hash of the last id given to {@link hashId}: two 32-bit halves, the
 * second never 0 (0 marks an empty slot in a table). Module state, so that
 * hashing allocates nothing.
 */
export const ID_HASH = new Uint32Array(2);

/**
 * Hashes an id into {@link ID_HASH}: two independent 32-bit FNV-1a style
 * hashes of its UTF-16 code units, one 64-bit hash together. Two different
 * ids share it with probability about 2⁻⁶³.
 */
export function hashId(id: string): void {
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
  ID_HASH[0] = a;
  ID_HASH[1] = b | 1;
}
