import type { ReadDealsResult } from '../ingest/deals.js';
import type { AllReads } from './all-inputs.js';
import type { ReadInputResult } from '../ingest/input-table.js';
import type { JsonInput, JsonInputs, JsonOtherInput } from '../reporters/json.js';

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

/** How an input beside deals was read, for the JSON `inputs`: `rows` = `used` + `rejected`. */
export function otherInput(path: string, read: ReadInputResult): JsonOtherInput {
  return { path, rows: read.rows, used: read.used, rejected: read.rejected, encoding: read.encoding };
}

/** The JSON `inputs` of a run: deals, then each other input that was given. */
export function allInputs(
  file: string,
  paths: Partial<Record<'activities' | 'costs' | 'surveys', string>>,
  reads: AllReads,
): JsonInputs {
  const out: JsonInputs = dealsInput(file, reads.deals);
  for (const key of ['activities', 'costs', 'surveys'] as const) {
    const read = reads[key];
    const path = paths[key];
    if (read !== undefined && path !== undefined) out[key] = otherInput(path, read);
  }
  return out;
}
