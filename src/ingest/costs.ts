import type { Readable } from 'node:stream';
import { dayFromYMD } from '../engine/calendar.js';
import { COST_CATEGORIES, type Cost, type CostCategory } from '../engine/cost.js';
import { divRound, type Minor } from '../engine/money.js';
import { parseAmount } from './amount.js';
import type { CurrencyConversion } from './deals.js';
import {
  type InputProfile,
  type InputRow,
  type InputSpec,
  readInputTable,
  type ReadInputResult,
  wordClassifier,
} from './input-table.js';
import type { RowProblem } from './row-problem.js';

/** The columns of a costs file. */
export const COST_FIELDS = ['date', 'amount', 'category', 'team', 'channel', 'currency'] as const;

export type CostField = (typeof COST_FIELDS)[number];

export const COST_SPEC: InputSpec<CostField> = {
  input: 'costs',
  fields: COST_FIELDS,
  required: ['date', 'amount', 'category'],
  synonyms: {
    date: ['month', '日付', '年月', '計上月', '計上日', '月'],
    amount: ['cost', 'spend', '金額', '費用', '支出'],
    category: ['費目', '区分', 'カテゴリ', 'カテゴリー', '分類'],
    team: ['チーム', '部署'],
    channel: ['チャネル'],
    currency: ['通貨'],
  },
};

const CATEGORY_WORDS: Readonly<Record<CostCategory, readonly string[]>> = {
  sales: ['sales cost', 'sales costs', '営業', '営業費', '営業費用'],
  marketing: [
    'marketing cost',
    'marketing costs',
    'advertising',
    'ads',
    'マーケティング',
    'マーケティング費',
    '広告',
    '広告宣伝費',
    '販促',
    '販売促進費',
  ],
  other: ['その他'],
};

/** How a costs file is written: its config file section and the flags. */
export interface CostsProfile extends InputProfile {
  /** Word → category, e.g. `{ 人件費: sales }`. */
  categories?: Readonly<Record<string, CostCategory>>;
  /** Convert every amount to one currency (`--rates`). */
  convert?: CurrencyConversion;
  /** The deals' one currency: a cost in another is rejected (unless converted). */
  dealCurrency?: string;
}

export interface ReadCostsOptions {
  file: string;
  profile?: CostsProfile;
  onCost(cost: Cost): void;
  onReject(problems: RowProblem[], fields: readonly string[], header: readonly string[]): void;
}

const MONTH = /^(\d{4})(?:[-/.](\d{1,2})|年(\d{1,2})月)$/;

/**
 * Streams a costs CSV: `date` (a date, or a month `YYYY-MM`, `YYYY/M`,
 * `YYYY年M月` meaning its first day), `amount` and `category` (sales,
 * marketing, other) required; `team`, `channel` and `currency` optional.
 */
export async function readCosts(input: Readable, options: ReadCostsOptions): Promise<ReadInputResult<CostField>> {
  const profile = options.profile ?? {};
  const categoryOf = wordClassifier(CATEGORY_WORDS, profile.categories);
  const amountFormat = { decimalComma: profile.decimalComma ?? false };
  const { convert, dealCurrency } = profile;
  const parse = (row: InputRow<CostField>): Cost => {
    const rawDate = row.required('date');
    const month = MONTH.exec(rawDate.normalize('NFKC'));
    const monthNumber = Number(month?.[2] ?? month?.[3]);
    const day =
      month !== null && monthNumber >= 1 && monthNumber <= 12
        ? dayFromYMD(Number(month[1]), monthNumber, 1)
        : row.date('date', rawDate);
    let amount: Minor = 0;
    const rawAmount = row.required('amount');
    if (rawAmount !== '') {
      const parsed = parseAmount(rawAmount, amountFormat);
      if (parsed === null) row.problem({ code: 'bad_amount', column: 'amount', value: rawAmount });
      else amount = parsed;
    }
    const category = row.choice('category', row.required('category'), categoryOf, {
      allowed: COST_CATEGORIES,
      config: 'costs.categories',
    });
    const currency = row.get('currency');
    if (convert !== undefined) {
      const rate = convert.rates.get(currency || convert.to);
      if (rate === undefined) row.problem({ code: 'no_rate', column: 'currency', value: currency });
      else if (rate.den !== 1n || rate.num !== 1n) amount = Number(divRound(BigInt(amount) * rate.num, rate.den));
    } else if (currency !== '' && dealCurrency !== undefined && currency !== dealCurrency) {
      row.problem({ code: 'currency_mismatch', column: 'currency', value: currency, expected: dealCurrency });
    }
    return { day: day ?? 0, amount, category: category ?? 'other', team: row.get('team'), channel: row.get('channel') };
  };
  return readInputTable(input, {
    file: options.file,
    spec: COST_SPEC,
    profile,
    parse,
    onRecord: options.onCost,
    onReject: options.onReject,
  });
}
