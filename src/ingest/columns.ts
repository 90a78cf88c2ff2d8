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
      if (i === undefined) throw missingColumns(file, header, [field], wanted);
      out[field] = i;
      continue;
    }
    const i = byName.get(field);
    if (i !== undefined) out[field] = i;
  }
  const missing = required.filter((f) => out[f] === undefined);
  if (missing.length > 0) throw missingColumns(file, header, missing, undefined);
  return out;
}

/**
 * The header most likely meant for `field`: the closest by edit distance, or
 * else one that shares a word with it (`deal_stage` for `stage`,
 * `opportunity_id` for `deal_id`).
 */
export function suggestHeader(field: string, headers: readonly string[]): string | undefined {
  const near = closest(field, headers);
  if (near !== undefined) return near;
  const words = field.split('_');
  for (const word of [...words].reverse()) {
    const hit = headers.find((h) => normalizeHeader(h).split('_').includes(word));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function missingColumns(
  file: string,
  header: readonly string[],
  fields: readonly string[],
  mapped: string | undefined,
): InputError {
  const found = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const shown = found.length > 12 ? [...found.slice(0, 12), `… (${found.length} in all)`] : found;
  const names = fields.map((f) => `\`${f}\``).join(', ');
  const what =
    mapped === undefined
      ? `${fields.length === 1 ? 'column' : 'columns'} ${names} not found`
      : `column \`${mapped}\` (mapped to ${fields[0] ?? ''}) not found`;
  const guesses = fields.map((f) => [f, suggestHeader(mapped ?? f, found)] as const);
  const fix = guesses.every(([, g]) => g !== undefined)
    ? `did you mean ${guesses.map(([, g]) => `\`${g ?? ''}\``).join(', ')}? map with ${guesses
        .map(([f, g]) => `--map ${f}='${g ?? ''}'`)
        .join(' ')}`
    : `map with ${guesses.map(([f, g]) => `--map ${f}='${g ?? '<header>'}'`).join(' ')}`;
  return new InputError('missing_column', `${file}: ${what}; found: ${shown.join(', ')} — ${fix}`, {
    file,
    column: fields[0] ?? '',
  });
}
