import { InputError, closest } from '../errors.js';

/** The canonical columns of a deals export. */
export const DEAL_FIELDS = [
  'deal_id',
  'stage',
  'amount',
  'close_date',
  'created_date',
  'account_id',
  'account_name',
  'owner',
  'team',
  'segment',
  'channel',
  'source',
  'currency',
  'expected_close_date',
  'probability',
] as const;

export type DealField = (typeof DEAL_FIELDS)[number];

/** Columns a deals file must have. */
export const REQUIRED_DEAL_FIELDS: readonly DealField[] = ['deal_id', 'stage'];

/**
 * A header as compared with canonical names: case-insensitive, surrounding
 * spaces ignored, spaces and hyphens read as underscores.
 */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Field → index of its column in the row; absent when the file has no such column. */
export type ColumnIndex<F extends string> = Partial<Record<F, number>>;

/**
 * Finds each field's column in a header. `overrides` maps a field to the
 * header that holds it (`--map field=Header`). A missing required column is
 * an `InputError` listing the headers found and the closest one.
 */
export function resolveColumns<F extends string>(
  file: string,
  header: readonly string[],
  fields: readonly F[],
  required: readonly F[],
  overrides: Readonly<Partial<Record<string, string>>> = {},
): ColumnIndex<F> {
  const byName = new Map<string, number>();
  header.forEach((h, i) => {
    const n = normalizeHeader(h);
    if (!byName.has(n)) byName.set(n, i);
  });
  const out: ColumnIndex<F> = {};
  for (const field of fields) {
    const wanted = overrides[field];
    if (wanted !== undefined) {
      const i = byName.get(normalizeHeader(wanted));
      if (i === undefined) throw missingColumn(file, header, field, wanted);
      out[field] = i;
      continue;
    }
    const i = byName.get(field);
    if (i !== undefined) out[field] = i;
  }
  for (const field of required) if (out[field] === undefined) throw missingColumn(file, header, field, undefined);
  return out;
}

function missingColumn(file: string, header: readonly string[], field: string, mapped: string | undefined): InputError {
  const found = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const shown = found.length > 12 ? [...found.slice(0, 12), `… (${found.length} in all)`] : found;
  const guess = closest(mapped ?? field, found);
  const fix =
    guess === undefined
      ? `map it with --map ${field}='<header>'`
      : `did you mean \`${guess}\`? map it with --map ${field}='${guess}'`;
  const what =
    mapped === undefined ? `column \`${field}\` not found` : `column \`${mapped}\` (mapped to ${field}) not found`;
  return new InputError('missing_column', `${file}: ${what}; found: ${shown.join(', ')} — ${fix}`, {
    file,
    column: field,
  });
}
