/** Why a row was rejected. */
export type RowProblemCode =
  'missing_value' | 'bad_date' | 'bad_amount' | 'duplicate_id' | 'close_before_created' | 'field_count' | 'no_rate';

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
  /** Code-specific details: the deal's status, the other date, field counts. */
  detail?: string;
}

/** One line: `deals.csv:12: column close_date: "2024-13-01" is not a date (YYYY-MM-DD)`. */
export function formatRowProblem(p: RowProblem): string {
  return `${p.file}:${p.line}: ${describeRowProblem(p)}`;
}

/** The problem without its place, as written in a rejects file's `reason` column. */
export function describeRowProblem(p: RowProblem): string {
  const col = p.column === undefined ? '' : `column ${p.column}: `;
  const value = JSON.stringify(p.value ?? '');
  switch (p.code) {
    case 'missing_value':
      return `${col}empty; ${p.detail ?? 'a value is required'}`;
    case 'bad_date':
      return `${col}${value} is not a date (YYYY-MM-DD)`;
    case 'bad_amount':
      return `${col}${value} is not a plain decimal (like 1234.5, at most 4 decimal places)`;
    case 'duplicate_id':
      return `${col}${value} appears more than once; deal ids must be unique (the first one is used)`;
    case 'close_before_created':
      return `${col}${value} is before created_date ${JSON.stringify(p.detail ?? '')}; fix either date`;
    case 'no_rate':
      return `${col}no rate for ${value} in the --rates file; add a line ${p.value ?? ''},<rate>`;
    case 'field_count':
      return `${p.detail ?? 'wrong number of fields'}; check the quoting of this row`;
  }
}
