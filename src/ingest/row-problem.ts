import { type Lang, messages } from '../i18n/index.js';

/** Why a row was rejected. */
export type RowProblemCode =
  | 'missing_value'
  | 'bad_date'
  | 'bad_amount'
  | 'bad_probability'
  | 'duplicate_id'
  | 'close_before_created'
  | 'field_count'
  | 'no_rate'
  | 'bad_choice'
  | 'bad_duration'
  | 'bad_score'
  | 'currency_mismatch';

/** The inputs beside deals. */
export type InputName = 'activities' | 'costs' | 'surveys';

/** A rejected row's problem, as data; {@link formatRowProblem} words it. */
export interface RowProblem {
  code: RowProblemCode;
  file: string;
  /** 1-based line the row starts on. */
  line: number;
  /** Canonical field name of the column at fault. */
  column?: string;
  /** The value as written. */
  value?: string;
  /** `missing_value` of a close date or amount: the status that needs it. */
  status?: 'won' | 'lost';
  /** `close_before_created`: the created date as written. */
  created?: string;
  /** `field_count`: fields in the row and in the header. */
  fields?: { row: number; header: number };
  /** The input the row is from; absent for deals. */
  input?: InputName;
  /** `bad_choice`: the values allowed, and the config file's key that maps other words to them (`activities.types`). */
  choices?: { allowed: readonly string[]; config: string };
  /** `bad_score`: the survey type and its scale. */
  score?: { type: string; min: number; max: number };
  /** `currency_mismatch`: the deals' currency. */
  expected?: string;
}

/** One line: `deals.csv:12: column close_date: "2024-13-01" is not a date (YYYY-MM-DD)`. */
export function formatRowProblem(p: RowProblem, lang: Lang = 'en'): string {
  return `${p.file}:${p.line}: ${describeRowProblem(p, lang)}`;
}

/**
 * The problem without its place, as written in a rejects file's `reason`
 * column, in `lang` (the wording is in `src/i18n/`).
 */
export function describeRowProblem(p: RowProblem, lang: Lang = 'en'): string {
  return messages(lang).rowProblem(p);
}
