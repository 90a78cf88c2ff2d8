import { type Day, dayFromYMD, daysInMonth, parseIsoDay } from '../engine/calendar.js';
import { UsageError } from '../errors.js';

/** A compiled `--date-format`: tokens `YYYY`, `MM`, `M`, `DD`, `D`, anything else literal. */
export interface DateFormat {
  /** The format as given, e.g. `MM/DD/YYYY`. */
  text: string;
  regex: RegExp;
  /** Capture group of the year, month and day. */
  order: { year: number; month: number; day: number };
}

const TOKEN = /YYYY|MM|DD|M|D/g;

/** Compiles a date format written as spreadsheet users do (`DD/MM/YYYY`, `YYYY.M.D`). */
export function compileDateFormat(text: string): DateFormat {
  const order: Partial<Record<'year' | 'month' | 'day', number>> = {};
  let group = 0;
  let source = '';
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    source += escape(text.slice(last, m.index));
    last = m.index + m[0].length;
    group++;
    const t = m[0];
    const key = t === 'YYYY' ? 'year' : t.startsWith('M') ? 'month' : 'day';
    if (order[key] !== undefined) throw badFormat(text);
    order[key] = group;
    source += t === 'YYYY' ? '(\\d{4})' : t.length === 2 ? '(\\d{2})' : '(\\d{1,2})';
  }
  source += escape(text.slice(last));
  if (order.year === undefined || order.month === undefined || order.day === undefined) throw badFormat(text);
  return {
    text,
    regex: new RegExp(`^${source}(?:[T\\s].*)?$`),
    order: { year: order.year, month: order.month, day: order.day },
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function badFormat(text: string): UsageError {
  return new UsageError(
    'bad_date_format',
    `--date-format "${text}": use the tokens YYYY, MM, DD, M and D once each, e.g. MM/DD/YYYY or DD.MM.YYYY`,
  );
}

const SLASHED = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[T\s].*)?$/;
const KANJI = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:.*)?$/;
const DAY_FIRST_OR_MONTH_FIRST = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:[T\s].*)?$/;

/** Why a date did not parse: not a date, or a date whose order only `--date-format` can tell. */
export type DateResult = Day | 'invalid' | 'ambiguous';

function ymd(y: string | undefined, m: string | undefined, d: string | undefined): DateResult {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return 'invalid';
  return dayFromYMD(year, month, day);
}

/**
 * Parses a calendar date: `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY/M/D`,
 * `YYYY年M月D日` (full-width digits too), each optionally followed by a time
 * that is ignored; with `format`, dates in that format as well.
 * `MM/DD/YYYY`-like dates without a format are `ambiguous`.
 */
export function parseDate(raw: string, format: DateFormat | undefined): DateResult {
  const iso = parseIsoDay(raw);
  if (iso !== null) return iso;
  const s = raw.normalize('NFKC').trim();
  if (format !== undefined) {
    const m = format.regex.exec(s);
    if (m !== null) return ymd(m[format.order.year], m[format.order.month], m[format.order.day]);
  }
  const m = SLASHED.exec(s) ?? KANJI.exec(s);
  if (m !== null) return ymd(m[1], m[2], m[3]);
  if (format === undefined && DAY_FIRST_OR_MONTH_FIRST.test(s)) return 'ambiguous';
  return 'invalid';
}
