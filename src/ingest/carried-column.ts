import { InputError } from '../errors.js';
import { type ColumnIndex, DEAL_FIELDS, type DealField, normalizeHeader, suggestHeader } from './columns.js';

/** One more column each deal carries, named on the command line (`--variant pitch`). */
export interface CarriedColumn {
  /** A deals field (`source`, read through presets and mappings) or any header of the file. */
  column: string;
  /** The flag that named it, for messages. */
  flag: string;
}

/**
 * The index of a carried column: the column a deals field is read from
 * when the name is one (so `source` finds a Salesforce export's `Lead
 * Source`, and `--map` applies), else the header that reads the same
 * (case, spaces and hyphens aside). An error names the headers found and
 * the closest one.
 */
export function resolveCarriedColumn(
  file: string,
  carried: CarriedColumn,
  header: readonly string[],
  cols: ColumnIndex<DealField>,
): number {
  const key = normalizeHeader(carried.column);
  if ((DEAL_FIELDS as readonly string[]).includes(key)) {
    const i = cols[key as DealField];
    if (i !== undefined) return i;
  }
  const i = header.findIndex((h) => normalizeHeader(h) === key);
  if (i >= 0) return i;
  const found = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const shown = found.length > 12 ? [...found.slice(0, 12), `… (${found.length} in all)`] : found;
  const guess = suggestHeader(carried.column, found);
  throw new InputError(
    'unknown_column',
    `${file}: column \`${carried.column}\` (${carried.flag}) not found; found: ${shown.join(', ')}` +
      (guess === undefined ? '' : ` — did you mean \`${guess}\`? ${carried.flag} '${guess}'`),
    { file, column: carried.column },
    { flag: carried.flag, headers: shown.join(', '), guess: guess ?? '' },
  );
}
