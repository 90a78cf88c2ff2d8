import type { Readable } from 'node:stream';
import { type Day, parseIsoDay } from '../engine/calendar.js';
import { type Deal, type DealStatus, DIMENSIONS, type Dimension, type StageClassifier } from '../engine/deal.js';
import { type Money, parseDecimal } from '../engine/money.js';
import { type ColumnIndex, DEAL_FIELDS, type DealField, REQUIRED_DEAL_FIELDS, resolveColumns } from './columns.js';
import { readCsv } from './csv-records.js';
import { IdSet } from './id-set.js';
import type { RowProblem } from './row-problem.js';

/** How to read a deals file. */
export interface ReadDealsOptions {
  /** File name used in messages (`-` reads as `<stdin>`). */
  file: string;
  classify: StageClassifier;
  /** `--map field=Header` overrides. */
  columns?: Readonly<Partial<Record<string, string>>>;
  /** Called with each valid deal, in file order. */
  onDeal(deal: Deal): void;
  /** Called with each rejected row: its problems, its fields and the header. */
  onReject(problems: RowProblem[], fields: readonly string[], header: readonly string[]): void;
}

/** What reading a deals file came to. `rows` = `used` + `rejected`, always. */
export interface ReadDealsResult {
  header: string[];
  rows: number;
  used: number;
  rejected: number;
  /** Whether the file has an account column (`account_id`, else `account_name`). */
  hasAccounts: boolean;
}

/**
 * Streams a deals CSV into deals and row problems. A row is rejected for an
 * empty `deal_id` or `stage`, a bad date or amount, a repeated `deal_id`, a
 * won or lost deal without `close_date`, a won deal without `amount`, or a
 * close date before the created date.
 */
export async function readDeals(input: Readable, options: ReadDealsOptions): Promise<ReadDealsResult> {
  const { file, classify, onDeal, onReject } = options;
  let header: string[] = [];
  let cols: ColumnIndex<DealField> = {};
  const result: ReadDealsResult = { header, rows: 0, used: 0, rejected: 0, hasAccounts: false };
  const ids = new IdSet();
  const statuses = new Map<string, DealStatus>();
  const dimCols: [Dimension, number | undefined][] = [];
  let accountCol: number | undefined;

  await readCsv(input, file, {
    header(fields) {
      header = fields.map((h) => h.replace(/^\uFEFF/, '').trim());
      result.header = header;
      cols = resolveColumns(file, fields, DEAL_FIELDS, REQUIRED_DEAL_FIELDS, options.columns);
      // The account name identifies the account only when the export has no id column.
      accountCol = cols.account_id ?? cols.account_name;
      result.hasAccounts = accountCol !== undefined;
      for (const d of DIMENSIONS) dimCols.push([d, cols[d]]);
    },
    record(fields, line) {
      result.rows++;
      let problems: RowProblem[] | undefined;
      const problem = (p: Omit<RowProblem, 'file' | 'line'>): void => {
        (problems ??= []).push({ file, line, ...p });
      };
      const get = (i: number | undefined): string => (i === undefined ? '' : (fields[i] ?? '').trim());

      if (fields.length !== header.length && !onlyEmptyBeyond(fields, header.length)) {
        problem({
          code: 'field_count',
          detail: `the row has ${fields.length} fields, the header has ${header.length}`,
        });
      }
      const dealId = get(cols.deal_id);
      if (dealId === '') problem({ code: 'missing_value', column: 'deal_id', detail: 'every deal needs an id' });
      const stage = get(cols.stage);
      let status = statuses.get(stage);
      if (status === undefined) {
        status = classify(stage);
        if (statuses.size < 10_000) statuses.set(stage, status);
      }
      if (stage === '') problem({ code: 'missing_value', column: 'stage', detail: 'every deal needs a stage' });

      const date = (field: DealField): Day | null => {
        const raw = get(cols[field]);
        if (raw === '') return null;
        const d = parseIsoDay(raw);
        if (d === null) problem({ code: 'bad_date', column: field, value: raw });
        return d;
      };
      const closeDate = date('close_date');
      const createdDate = date('created_date');
      date('expected_close_date');

      let amount: Money = 0n;
      const rawAmount = get(cols.amount);
      if (rawAmount === '') {
        if (status === 'won') {
          problem({ code: 'missing_value', column: 'amount', detail: 'a won deal needs an amount' });
        }
      } else {
        const parsed = parseDecimal(rawAmount);
        if (parsed === null) problem({ code: 'bad_amount', column: 'amount', value: rawAmount });
        else amount = parsed;
      }
      if (status !== 'open' && closeDate === null && get(cols.close_date) === '') {
        problem({ code: 'missing_value', column: 'close_date', detail: `a ${status} deal needs a close date` });
      }
      if (closeDate !== null && createdDate !== null && closeDate < createdDate && status !== 'open') {
        problem({
          code: 'close_before_created',
          column: 'close_date',
          value: get(cols.close_date),
          detail: get(cols.created_date),
        });
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
      const dims = {} as Record<Dimension, string>;
      for (const [d, i] of dimCols) dims[d] = get(i);
      result.used++;
      onDeal({
        dealId,
        status,
        amount,
        closeDate: status === 'open' ? null : closeDate,
        createdDate,
        account: account === '' ? null : account,
        dims,
      });
    },
  });
  return result;
}

/** Spreadsheets append empty fields to some rows; those are harmless. */
function onlyEmptyBeyond(fields: readonly string[], n: number): boolean {
  if (fields.length < n) return false;
  for (let i = n; i < fields.length; i++) if ((fields[i] ?? '').trim() !== '') return false;
  return true;
}
