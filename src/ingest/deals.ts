import type { Readable } from 'node:stream';
import type { Day } from '../engine/calendar.js';
import type { Deal, Dimension } from '../engine/deal.js';
import { divRound, type Minor, parseDecimal } from '../engine/money.js';
import { InputError } from '../errors.js';
import { parseAmount } from './amount.js';
import {
  type ColumnIndex,
  type DealField,
  detectPresets,
  missingColumnsError,
  PRESETS,
  type PresetName,
  type Resolution,
  resolveDealColumns,
} from './columns.js';
import { type CarriedColumn, resolveCarriedColumn } from './carried-column.js';
import { readCsv } from './csv-records.js';
import { type DateFormat, parseDate } from './dates.js';
import type { Encoding } from './decode.js';
import type { IdCheck } from './id-log.js';
import { IdSet } from './id-set.js';
import type { RowProblem } from './row-problem.js';
import { stageClassifier } from './stages.js';

/** How a deals export is written: everything a config file, a preset or flags can say about it. */
export interface DealsProfile {
  /** The CRM export's preset; detected from the header when not given. */
  preset?: PresetName;
  /** Field → header, from `--map` and the config file. */
  columns?: Readonly<Partial<Record<string, string>>>;
  /** Extra stage (or status) names that mean won and lost. */
  won?: readonly string[];
  lost?: readonly string[];
  /** A format for dates that are not `YYYY-MM-DD`, `YYYY/M/D` or `YYYY年M月D日`. */
  dateFormat?: DateFormat;
  /** `1.234,56`. @default false */
  decimalComma?: boolean;
  /** The file's encoding; detected when not given. */
  encoding?: Encoding;
  /** Convert every amount to one currency. */
  convert?: CurrencyConversion;
  /**
   * The channel of a deal that names none, from its id (`outside` when an
   * activity about it was a visit or meeting, else `inside`); without it,
   * such a deal's channel stays `''`.
   */
  channelOf?: (dealId: string) => string;
}

/** Exact exchange rates into one currency: amount × num / den. */
export interface CurrencyConversion {
  to: string;
  rates: ReadonlyMap<string, { num: bigint; den: bigint }>;
}

/** Something worth telling the user about how the file was read. */
export type ReadNote =
  | { code: 'preset_detected'; preset: PresetName }
  | { code: 'lines_skipped'; kind: 'title' | 'footer'; count: number; first: string };

/** How to read a deals file. */
export interface ReadDealsOptions {
  /** File name used in messages (`-` reads as `<stdin>`). */
  file: string;
  profile?: DealsProfile;
  /** One more column to pass with each deal (`--variant`); without it, `carried` is `''`. */
  carry?: CarriedColumn;
  /** Called with each valid deal, in file order, with the value of the carried column (trimmed; `''` when empty). */
  onDeal(deal: Deal, carried: string): void;
  /** Called with each rejected row: its problems, its fields and the header. */
  onReject(problems: RowProblem[], fields: readonly string[], header: readonly string[]): void;
  /** Called once the header is found, with the header's fields as written and the encoding. */
  onHeader?(fields: readonly string[], encoding: Encoding): void;
  /**
   * The header, when the input is a later part of a file that has no header
   * of its own: every record is a data row.
   */
  header?: readonly string[];
  /**
   * Where the deal ids seen are kept: an `IdLog` to keep memory bounded
   * and check them against another part's. @default a set in memory
   */
  ids?: IdCheck;
  /**
   * About how many rows the input has, when known: the id set is made that
   * size up front instead of doubling (and briefly holding two tables) as it
   * fills.
   */
  expectedRows?: number;
}

/** What reading a deals file came to. `rows` = `used` + `rejected`, always. */
export interface ReadDealsResult {
  header: string[];
  /** Data rows: title lines before the header and footer lines are not rows. */
  rows: number;
  used: number;
  rejected: number;
  encoding: Encoding;
  /** The preset used, given or detected; `null` for canonical columns. */
  preset: PresetName | null;
  /** Lines that are not deals: report titles before the header, totals and notices after the data. */
  skipped: { title: number; footer: number };
  /** Whether the file has an account column (`account_id`, else `account_name`). */
  hasAccounts: boolean;
  /** Whether the file has an `amount` column. */
  hasAmounts: boolean;
  /** Whether the file has a created-date column. */
  hasCreatedDates: boolean;
  /** Whether the file has an `appointer` column (then the report has the appointer → closer funnel). */
  hasAppointers: boolean;
  /** Distinct values of the currency column, sorted; empty without one. */
  currencies: string[];
  /** Lines read, the header and any title and footer lines included. */
  lines: number;
  /**
   * How the file writes `probability`: `percent` (0–100) when any value is
   * above 1 or ends in `%`, else `fraction` (0–1); `null` when no row gives one.
   */
  probabilityScale: 'percent' | 'fraction' | null;
  /** Whether the file has a `forecast_category` column. */
  hasForecastCategories: boolean;
}

/** How many records may come before the header (report titles, export notes). */
const MAX_TITLE_LINES = 20;

/** Lines CRMs append after the data: totals, confidentiality notices, copyright. */
const FOOTER = /^(grand totals?\b|総計|合計|confidential information|機密情報|copyright\s*\(c\)|©)/i;

function isFooter(fields: readonly string[]): boolean {
  // Data rows fill more than their first field: check that first, it is cheap.
  for (let i = 1; i < fields.length; i++) if ((fields[i] ?? '').trim() !== '') return false;
  return FOOTER.test(fields[0]?.trim() ?? '');
}

/**
 * Streams a deals CSV into deals and row problems. Finds the header (after
 * any title lines), with `--map`/config columns, a given or detected preset,
 * or the canonical names. A row is rejected for an empty `deal_id` or
 * `stage`, a bad date or amount, a repeated `deal_id`, a won or lost deal
 * without close date, a won deal without amount, or a close date before the
 * created date. Footer lines (totals, notices) are skipped and counted.
 */
export async function readDeals(input: Readable, options: ReadDealsOptions): Promise<ReadDealsResult> {
  const { file, onDeal, onReject } = options;
  const profile = options.profile ?? {};
  const result: ReadDealsResult = {
    header: [],
    rows: 0,
    used: 0,
    rejected: 0,
    encoding: 'utf8',
    preset: profile.preset ?? null,
    skipped: { title: 0, footer: 0 },
    hasAccounts: false,
    hasAmounts: false,
    hasCreatedDates: false,
    hasAppointers: false,
    currencies: [],
    lines: 0,
    probabilityScale: null,
    hasForecastCategories: false,
  };
  const notes: ReadNote[] = [];
  let header: string[] | undefined;
  let cols: ColumnIndex<DealField> = {};
  let classify = stageClassifier();
  let statusCol: number | undefined;
  let accountCol: number | undefined;
  let carriedCol: number | undefined;
  const titles: string[][] = [];
  let firstFooter: string | undefined;
  const ids = options.ids ?? IdSet.forRows(options.expectedRows);
  let encoding: Encoding = 'utf8';
  // Whether any used row gives a probability, and whether any reads as a percentage.
  let probabilitySeen = false;
  let percentSeen = false;
  const currencies = new Set<string>();
  const amountFormat = { decimalComma: profile.decimalComma ?? false };
  const convert = profile.convert;
  const channelOf = profile.channelOf;

  const resolve = (fields: readonly string[]): Resolution & { preset?: PresetName } => {
    const given = profile.preset === undefined ? undefined : PRESETS[profile.preset];
    const r = resolveDealColumns(fields, {
      ...(profile.columns ? { columns: profile.columns } : {}),
      ...(given ? { preset: given } : {}),
    });
    if (r.ok || given !== undefined || r.mapped !== undefined) return r;
    const found = detectPresets(fields);
    const only = found[0];
    if (found.length !== 1 || only === undefined) return r;
    const withPreset = resolveDealColumns(fields, {
      ...(profile.columns ? { columns: profile.columns } : {}),
      preset: PRESETS[only],
    });
    return withPreset.ok ? { ...withPreset, preset: only } : r;
  };

  const startData = (
    fields: readonly string[],
    r: Extract<Resolution, { ok: true }> & { preset?: PresetName },
    notify = true,
  ): void => {
    header = fields.map((h) => h.replace(/^\uFEFF/, '').trim());
    result.header = header;
    cols = r.columns;
    if (r.preset !== undefined) {
      result.preset = r.preset;
      if (notify) notes.push({ code: 'preset_detected', preset: r.preset });
    }
    const preset = result.preset === null ? undefined : PRESETS[result.preset];
    classify = stageClassifier(
      [...(preset?.won ?? []), ...(profile.won ?? [])],
      [...(preset?.lost ?? []), ...(profile.lost ?? [])],
    );
    statusCol = cols.status;
    // The account name identifies the account only when the export has no id column.
    accountCol = cols.account_id ?? cols.account_name;
    result.hasAccounts = accountCol !== undefined;
    result.hasAmounts = cols.amount !== undefined;
    result.hasCreatedDates = cols.created_date !== undefined;
    if (options.carry !== undefined) carriedCol = resolveCarriedColumn(file, options.carry, header, cols);
    result.hasForecastCategories = cols.forecast_category !== undefined;
    result.hasAppointers = cols.appointer !== undefined;
    if (titles.length > 0) {
      result.skipped.title = titles.length;
      notes.push({ code: 'lines_skipped', kind: 'title', count: titles.length, first: (titles[0] ?? []).join(',') });
    }
    if (notify) options.onHeader?.(fields, encoding);
  };

  // The row being read, shared by the helpers below so that no closure is made per row.
  let fields: string[] = [];
  let line = 0;
  let problems: RowProblem[] | undefined;
  const problem = (p: Omit<RowProblem, 'file' | 'line'>): void => {
    (problems ??= []).push({ file, line, ...p });
  };
  const get = (i: number | undefined): string => {
    if (i === undefined) return '';
    const f = fields[i] ?? '';
    // Trim only when an end could be white space (ASCII or not, e.g. the ideographic space U+3000).
    const a = f.charCodeAt(0);
    const z = f.charCodeAt(f.length - 1);
    return a <= 32 || a >= 127 || z <= 32 || z >= 127 ? f.trim() : f;
  };
  const date = (field: DealField): Day | null => {
    const raw = get(cols[field]);
    if (raw === '') return null;
    const d = parseDate(raw, profile.dateFormat);
    if (d === 'ambiguous') {
      throw new InputError(
        'ambiguous_date',
        `${file}:${line}: column ${field}: "${raw}" could be MM/DD/YYYY or DD/MM/YYYY; pass --date-format M/D/YYYY (or D/M/YYYY) to say which`,
        { file, line, column: field, value: raw },
      );
    }
    if (d === 'invalid') {
      problem({ code: 'bad_date', column: field, value: raw });
      return null;
    }
    return d;
  };

  const dataRow = (row: string[], at: number, header: readonly string[]): void => {
    if (isFooter(row)) {
      result.skipped.footer++;
      firstFooter ??= row[0]?.trim();
      return;
    }
    result.rows++;
    fields = row;
    line = at;
    problems = undefined;

    if (fields.length !== header.length && !onlyEmptyBeyond(fields, header.length)) {
      problem({ code: 'field_count', fields: { row: fields.length, header: header.length } });
    }
    const dealId = get(cols.deal_id);
    if (dealId === '') problem({ code: 'missing_value', column: 'deal_id' });
    const stage = get(cols.stage);
    const statusValue = statusCol === undefined ? stage : get(statusCol);
    const status = classify(statusValue);
    if (statusValue === '') {
      const column = statusCol === undefined ? 'stage' : 'status';
      problem({ code: 'missing_value', column });
    }

    let closeField: DealField = 'close_date';
    let closeDate = date('close_date');
    if (closeDate === null && status !== 'open') {
      const alt: DealField = status === 'won' ? 'won_date' : 'lost_date';
      if (cols[alt] !== undefined) {
        closeField = alt;
        closeDate = date(alt);
      }
    }
    const createdDate = date('created_date');
    const expectedCloseDate = date('expected_close_date');
    let probability: number | null = null;
    let percent = false;
    const rawProbability = get(cols.probability);
    if (rawProbability !== '') {
      const p = parseProbability(rawProbability, amountFormat.decimalComma);
      if (p === null) problem({ code: 'bad_probability', column: 'probability', value: rawProbability });
      else {
        probability = p.value;
        percent = p.percent || p.value > PROBABILITY_ONE;
      }
    }

    let amount: Minor = 0;
    const rawAmount = get(cols.amount);
    if (rawAmount === '') {
      if (status === 'won' && cols.amount !== undefined) {
        problem({ code: 'missing_value', column: 'amount', status: 'won' });
      }
    } else {
      const parsed = parseAmount(rawAmount, amountFormat);
      if (parsed === null) problem({ code: 'bad_amount', column: 'amount', value: rawAmount });
      else amount = parsed;
    }
    if (status !== 'open' && closeDate === null && get(cols[closeField]) === '') {
      problem({ code: 'missing_value', column: closeField, status });
    }
    if (closeDate !== null && createdDate !== null && closeDate < createdDate && status !== 'open') {
      problem({
        code: 'close_before_created',
        column: closeField,
        value: get(cols[closeField]),
        created: get(cols.created_date),
      });
    }
    const rate = convert === undefined ? undefined : convert.rates.get(get(cols.currency) || convert.to);
    if (convert !== undefined && rate === undefined) {
      problem({ code: 'no_rate', column: 'currency', value: get(cols.currency) });
    }
    // Checked last, so that a rejected row does not claim its id.
    if (problems === undefined && !ids.add(dealId)) {
      problem({ code: 'duplicate_id', column: 'deal_id', value: dealId });
    }
    if (problems !== undefined) {
      result.rejected++;
      onReject(problems, fields, header);
      return;
    }

    const account = get(accountCol);
    // One literal of every dimension (see DIMENSIONS), so that every row's object has the same shape.
    const dims: Record<Dimension, string> = {
      owner: get(cols.owner),
      team: get(cols.team),
      segment: get(cols.segment),
      channel: get(cols.channel) || (channelOf === undefined ? '' : channelOf(dealId)),
      source: get(cols.source),
      currency: get(cols.currency),
      appointer: get(cols.appointer),
    };
    if (convert !== undefined && rate !== undefined) {
      if (rate.den !== 1n || rate.num !== 1n) amount = Number(divRound(BigInt(amount) * rate.num, rate.den));
      dims.currency = convert.to;
    }
    if (dims.currency !== '' && !currencies.has(dims.currency)) currencies.add(dims.currency);
    if (probability !== null) probabilitySeen = true;
    if (percent) percentSeen = true;
    result.used++;
    onDeal(
      {
        dealId,
        status,
        amount,
        closeDate: status === 'open' ? null : closeDate,
        createdDate,
        account: account === '' ? null : account,
        dims,
        stage,
        // Salesforce and HubSpot write an open deal's expected close date in Close Date.
        expectedCloseDate: cols.expected_close_date === undefined && status === 'open' ? closeDate : expectedCloseDate,
        probability,
        forecastCategory: get(cols.forecast_category),
        lostStage: get(cols.lost_stage),
      },
      get(carriedCol),
    );
  };

  if (options.header !== undefined) {
    const r = resolve(options.header);
    if (!r.ok) throw missingColumnsError(file, options.header, r);
    startData(options.header, r, false);
  }
  result.encoding = await readCsv(
    input,
    file,
    {
      start(e) {
        encoding = e;
      },
      end(lines) {
        result.lines = lines;
      },
      record(fields, line) {
        if (header !== undefined) {
          dataRow(fields, line, header);
          return;
        }
        const r = resolve(fields);
        if (r.ok) {
          startData(fields, r);
          return;
        }
        if (r.mapped !== undefined || titles.length >= MAX_TITLE_LINES)
          throw missingColumnsError(file, titles[0] ?? fields, r);
        titles.push(fields);
      },
    },
    profile.encoding === undefined ? {} : { encoding: profile.encoding },
  );
  if (header === undefined) {
    const first = titles[0];
    if (first === undefined)
      throw new InputError('empty_file', `${file}: the file is empty; expected a header row`, { file });
    const r = resolve(first);
    if (!r.ok) throw missingColumnsError(file, first, r);
  }
  if (result.skipped.footer > 0) {
    notes.push({ code: 'lines_skipped', kind: 'footer', count: result.skipped.footer, first: firstFooter ?? '' });
  }
  result.currencies = [...currencies].sort();
  result.probabilityScale = !probabilitySeen ? null : percentSeen ? 'percent' : 'fraction';
  readNotes.set(result, notes);
  return result;
}

const readNotes = new WeakMap<ReadDealsResult, ReadNote[]>();

/** Gives a result made of several reads its notes. */
export function setNotes(result: ReadDealsResult, notes: readonly ReadNote[]): void {
  readNotes.set(result, [...notes]);
}

/** The notes of a read: a detected preset, skipped title and footer lines. */
export function notesOf(result: ReadDealsResult): readonly ReadNote[] {
  return readNotes.get(result) ?? [];
}

/** 1 in the units of {@link parseProbability}. */
const PROBABILITY_ONE = 10_000;

/**
 * A probability as exported: `75`, `75%`, `0.75`, `12,5` (with a decimal
 * comma), full-width digits. Returns the number in 1/10,000 units and
 * whether it was written with `%`; `null` when it is not a number from 0 to
 * 100. Whether the file means 0–100 or 0–1 is decided over the whole file.
 */
export function parseProbability(raw: string, decimalComma: boolean): { value: number; percent: boolean } | null {
  let s = raw.normalize('NFKC').trim();
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1).trim();
  if (decimalComma) s = s.replace(',', '.');
  if (s.startsWith('-') || s.startsWith('+')) return null;
  const value = parseDecimal(s);
  if (value === null || value > 100 * PROBABILITY_ONE) return null;
  return { value, percent };
}

/** Spreadsheets append empty fields to some rows; those are harmless. */
function onlyEmptyBeyond(fields: readonly string[], n: number): boolean {
  if (fields.length < n) return false;
  for (let i = n; i < fields.length; i++) if ((fields[i] ?? '').trim() !== '') return false;
  return true;
}
