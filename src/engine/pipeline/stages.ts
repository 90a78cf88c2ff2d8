/**
 * Pipeline stages: how a stage name is compared, and what the configuration
 * says about a stage.
 */

/** Probabilities of stages are kept in millionths: 1 = 1,000,000. */
export const PPM = 1_000_000;

/**
 * A stage name as compared: case-insensitive, surrounding spaces ignored,
 * spaces, `_` and `-` alike (the way won and lost stage names are compared).
 */
export function stageKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = name
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, ' ');
    // Exports have a handful of stage names; a file of odd ones does not grow the memo past this.
    if (keys.size < 10_000) keys.set(name, key);
  }
  return key;
}

/** Stage names seen → their keys: the key is taken once per row. */
const keys = new Map<string, string>();

/** A configured stage, in pipeline order. */
export interface StageSpec {
  /** The stage as the export writes it. */
  name: string;
  /** Default probability in millionths (0 .. 1,000,000); `null` when the configuration gives none. */
  probability: number | null;
}
