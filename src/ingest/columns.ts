import { InputError, closest } from '../errors.js';
import { PRESETS, PRESET_NAMES, type Preset, type PresetName } from './presets.js';

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
  'deal_name',
  'status',
  'won_date',
  'lost_date',
  'forecast_category',
  'lost_stage',
  'appointer',
] as const;

export type DealField = (typeof DEAL_FIELDS)[number];

/**
 * A header as compared with canonical names: case-insensitive, surrounding
 * spaces and a trailing `*` (a required field in newer Pipedrive exports)
 * ignored, spaces and hyphens read as underscores.
 */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s*\*$/, '')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Field → index of its column in the row; absent when the file has no such column. */
export type ColumnIndex<F extends string> = Partial<Record<F, number>>;

/** Where a field's column comes from, strongest first: `--map`, the config file, a preset. */
export interface ColumnSources {
  /** `--map field=Header` and the config file's `columns`, merged (flags win). */
  columns?: Readonly<Partial<Record<string, string>>>;
  /** A preset, given or detected. */
  preset?: Preset;
}

/**
 * A header as compared with a preset's: case-insensitive, surrounding
 * spaces and a trailing `*` ignored, runs of spaces as one, but `-` and `_`
 * kept (Pipedrive's `Deal - ID` is not the canonical `deal_id`).
 */
export function presetHeaderKey(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s*\*$/, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

function indexHeader(header: readonly string[], key: (h: string) => string = normalizeHeader): Map<string, number> {
  const byName = new Map<string, number>();
  header.forEach((h, i) => {
    const n = key(h);
    if (!byName.has(n)) byName.set(n, i);
  });
  return byName;
}

/** The deals fields found in a header, or the fields that were asked for and missing. */
export type Resolution =
  | { ok: true; columns: ColumnIndex<DealField> }
  | { ok: false; missing: DealField[]; mapped?: { field: DealField; header: string } };

/**
 * Finds each deals field's column: the mapped header when one is given,
 * else the preset's header, else the canonical name. A file needs `deal_id`
 * and `stage` (or, for exports that carry it, `status`).
 */
export function resolveDealColumns(header: readonly string[], sources: ColumnSources): Resolution {
  const byName = indexHeader(header);
  const byPresetName = indexHeader(header, presetHeaderKey);
  const out: ColumnIndex<DealField> = {};
  for (const field of DEAL_FIELDS) {
    const mapped = sources.columns?.[field];
    if (mapped !== undefined) {
      const i = byName.get(normalizeHeader(mapped));
      if (i === undefined) return { ok: false, missing: [field], mapped: { field, header: mapped } };
      out[field] = i;
      continue;
    }
    for (const h of sources.preset?.columns[field] ?? []) {
      const i = byPresetName.get(presetHeaderKey(h));
      if (i !== undefined) {
        out[field] = i;
        break;
      }
    }
    if (out[field] !== undefined) continue;
    const i = byName.get(field);
    if (i !== undefined) out[field] = i;
  }
  const missing: DealField[] = [];
  if (out.deal_id === undefined) missing.push('deal_id');
  if (out.stage === undefined && out.status === undefined) missing.push('stage');
  return missing.length === 0 ? { ok: true, columns: out } : { ok: false, missing };
}

/**
 * The presets whose id and stage (or status) headers the header has. Used
 * when the header does not resolve by itself: exactly one match is taken.
 */
export function detectPresets(header: readonly string[]): PresetName[] {
  const byName = indexHeader(header, presetHeaderKey);
  const has = (hs: readonly string[] | undefined): boolean => (hs ?? []).some((h) => byName.has(presetHeaderKey(h)));
  return PRESET_NAMES.filter((name) => {
    const p = PRESETS[name];
    return has(p.columns.deal_id) && (has(p.columns.stage) || has(p.columns.status));
  });
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

/**
 * What a missing-columns error says of the header, for any input: the
 * headers found (BOM and spaces trimmed), the first 12 of them to show, the
 * missing fields' names, and which columns are not found (or which mapped
 * header is not).
 */
export function describeMissing(
  header: readonly string[],
  r: { missing: readonly string[]; mapped?: { field: string; header: string } },
): { found: string[]; shown: string[]; names: string; what: string } {
  const found = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const shown = found.length > 12 ? [...found.slice(0, 12), `… (${found.length} in all)`] : found;
  const names = r.missing.map((f) => `\`${f}\``).join(', ');
  const what =
    r.mapped === undefined
      ? `${r.missing.length === 1 ? 'column' : 'columns'} ${names} not found`
      : `column \`${r.mapped.header}\` (mapped to ${r.mapped.field}) not found`;
  return { found, shown, names, what };
}

/**
 * The error for missing columns: names the fields, lists the headers found,
 * and prints the `--map` flags (and the config lines) that would fix it.
 */
export function missingColumnsError(
  file: string,
  header: readonly string[],
  r: Extract<Resolution, { ok: false }>,
): InputError {
  const { found, shown, names, what } = describeMissing(header, r);
  const guesses = r.missing.map((f) => [f, suggestHeader(r.mapped?.header ?? f, found)] as const);
  const flags = guesses.map(([f, g]) => `--map ${f}='${g ?? '<header>'}'`).join(' ');
  const config = guesses.map(([f, g]) => `${f}: ${g === undefined ? '<header>' : JSON.stringify(g)}`).join(', ');
  const guessed = guesses.every(([, g]) => g !== undefined) ? guesses.map(([, g]) => `\`${g ?? ''}\``).join(', ') : '';
  const fix = guessed === '' ? `map with ${flags}` : `did you mean ${guessed}? map with ${flags}`;
  const configLine = `deals: { columns: { ${config} } }`;
  const presets = PRESET_NAMES.join('|');
  return new InputError(
    'missing_column',
    `${file}: ${what}; found: ${shown.join(', ')} — ${fix} (or in salesmetrics.config.yaml: ${configLine}; or --preset ${presets})`,
    { file, column: r.missing[0] ?? '' },
    {
      fields: names,
      ...(r.mapped === undefined ? {} : { mappedHeader: r.mapped.header, mappedField: r.mapped.field }),
      headers: shown.join(', '),
      guesses: guessed,
      flags,
      configLine,
      presets,
    },
  );
}

export { PRESETS, PRESET_NAMES, type Preset, type PresetName };
