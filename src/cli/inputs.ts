import type { ReadDealsResult } from '../ingest/deals.js';
import type { JsonInput } from '../reporters/json.js';

/** How a deals file was read, for the JSON `inputs`: `rows` = `used` + `rejected`. */
export function dealsInput(path: string, read: ReadDealsResult): { deals: JsonInput } {
  return {
    deals: {
      path,
      rows: read.rows,
      used: read.used,
      rejected: read.rejected,
      encoding: read.encoding,
      preset: read.preset,
      skipped: { ...read.skipped },
    },
  };
}
