import type { Dimension } from '../engine/deal.js';
import type { KgiStatus, KpiStatus, Severity } from '../engine/check/index.js';
import type { MetricId } from '../engine/metrics/index.js';
import type { Granularity } from '../engine/periods.js';
import type { SalesmetricsError } from '../errors.js';
import type { ReadNote } from '../ingest/deals.js';
import type { PresetName } from '../ingest/presets.js';
import type { RowProblem } from '../ingest/row-problem.js';
import type { Lang } from './lang.js';

/**
 * Everything salesmetrics says to people, in one language: `en.ts` and
 * `ja.ts` implement it. Entries are keyed by what they say and take their
 * arguments as data (numbers already formatted for the locale, where the
 * entry takes strings). Only wording lives here: JSON keys, metric ids, CSV
 * headers, JUnit and exit codes never change with the language.
 */
export interface Messages {
  lang: Lang;
  /** BCP 47 locale for `Intl.NumberFormat`: `en-US`, `ja-JP`. */
  locale: string;

  /** A metric's name in tables; `label` is the engine's English label. */
  metricName(id: MetricId, label: string): string;
  /** A metric where the check output names it: the id in English, the name in Japanese. */
  checkMetric(id: MetricId): string;
  /** `month`, `quarter`, … as a word. */
  granularity(g: Granularity): string;
  /** The heading of a group column: `Team`. */
  dimension(d: Dimension): string;
  /** A group without a value: `(none)`. */
  none: string;

  /** The report table. */
  report: {
    title(from: string, to: string): string;
    /** After the title: `  (month, fiscal year from month 4)`. */
    settings(g: Granularity, fiscalYearStart: number): string;
    /** Counts already formatted. */
    inputs(path: string, rows: string, used: string, rejected: string): string;
    totals: string;
    metric: string;
    total: string;
    period: string;
    byPeriod(g: Granularity): string;
    byDimension(d: Dimension): string;
  };

  /** The check (table and Markdown). */
  check: {
    /** A severity without colour: `PASS`, `WARN`, `FAIL`. */
    marker(s: Severity): string;
    /** A KPI cell without data, without colour. */
    noDataMarker: string;
    /** A severity as a word: `pass`. */
    severity(s: Severity): string;
    title(asOf: string): string;
    window(from: string, to: string): string;
    kgis: string;
    kpis: string;
    /** The plan line's label: `plan`. */
    plan: string;
    head: { kpi: string; scope: string; metric: string; actual: string; bound: string; status: string };
    /** A KPI cell's status in the table. */
    kpiStatus(status: KpiStatus, severity: Severity): string;
    /** A KPI cell's status in Markdown. */
    kpiStatusShort(status: KpiStatus, severity: Severity): string;
    kgiStatus(s: KgiStatus): string;
    summary(pass: number, warn: number, fail: number, noData: number): string;
    /** A KGI's period after its line in the table: ` (2025-01-01 – 2025-03-31)`, with its leading space if any. */
    kgiPeriod(start: string, deadline: string): string;
    /** A KGI's period in a Markdown cell: `2025-01-01 – 2025-03-31`. */
    range(start: string, deadline: string): string;
    /** The scope of a KPI cell checked over the whole window. */
    wholeWindow: string;
    /** The column of a KPI cell's group, in its scope: `team` of `team=East`. */
    scopeBy(d: Dimension): string;
    /** One line on a KGI: values already formatted; `null` where there is none. */
    progress(p: {
      actual: string;
      target: string;
      achievement: string | null;
      elapsed: string;
      pace: string;
      projection: string | null;
    }): string;
    /** The plan back from the goal: values already formatted. */
    planText(p: {
      remaining: string;
      revenue: boolean;
      dealsToWin: string;
      avgDealSize: string;
      dealsToClose: string;
      winRate: string;
      remainingMonths: number;
      dealsToWinPerMonth: string;
      dealsToClosePerMonth: string;
      reasons: readonly string[];
    }): string;
    markdown: {
      heading(emoji: string, status: Severity): string;
      line(asOf: string, from: string, to: string, summary: string): string;
      kgiHead: { kgi: string; metric: string; progress: string; status: string; period: string };
      planFor(id: string): string;
    };
  };

  /** A rejected row's problem, without its place. */
  rowProblem(p: RowProblem): string;
  /** `warning: …` on stderr. */
  warning(text: string): string;
  /** Invalid rows without `--skip-invalid`. */
  invalidRows(file: string, count: number): string;
  /** Invalid rows left out with `--skip-invalid`; `first` is the first one, worded. */
  skippedRows(file: string, count: number, first: string | undefined, rejects: string | undefined): string;
  /** How the file was read. */
  note(file: string, note: ReadNote, presetLabel: string): string;
  /** Metrics that are null because the export lacks a column. */
  missingField(file: string, what: 'amount' | 'created_date' | 'account'): string;
  /** `blank`: some deals name no currency. */
  mixedCurrencies(file: string, currencies: readonly string[], blank: boolean): string;
  wroteTargets(file: string): string;
  /** `-o FILE` was written. */
  wroteOutput(file: string): string;

  /** A SalesmetricsError for stderr; English keeps `err.message`. */
  error(err: SalesmetricsError): string;
  /** A commander parsing error (code `commander.…`, message without `error: `), with the pointer to --help. */
  usage(code: string, message: string): string;
  /** Errors of option values, thrown by the option parsers. */
  option: {
    notADate(value: string): string;
    notAMonth(value: string): string;
    notAMapping(value: string): string;
  };
  /** The preset's name where a note names it. */
  presetLabel(name: PresetName, label: string): string;

  help: HelpText;
}

/** The help: command and option descriptions, examples. */
export interface HelpText {
  /** Commander's section titles (`Usage:`, `Options:`, …), when not English. */
  titles?: Readonly<Record<string, string>>;
  /**
   * Commander's `(choices: …, default: …)` after a description, when not
   * English: the two words, and how the list of them is written.
   */
  words?: { choices: string; default: string; list(items: readonly string[]): string };
  /** How many columns a string takes in a terminal, for commander to wrap the help: full-width characters take two. */
  displayWidth?(text: string): number;
  /** Commander's `boxWrap`: the text in lines of at most `width` columns, for a language that breaks lines without spaces. */
  wrap?(text: string, width: number): string;
  program: string;
  version: string;
  help: string;
  helpCommand: string;
  /** The `<file>` argument of report and check. */
  file: string;
  lang: string;
  noColor: string;
  format: string;
  /** `-o, --output <file>`. */
  output: string;
  report: {
    description: string;
    from: string;
    to: string;
    period: string;
    fiscalYearStart: string;
    by: string;
    targets: string;
    asOf: string;
    examples: string;
  };
  check: {
    description: string;
    targets: string;
    asOf: string;
    from: string;
    to: string;
    period: string;
    fiscalYearStart: string;
    failOn: string;
    examples: string;
  };
  deals: {
    preset: string;
    map: string;
    config: string;
    encoding: string;
    dateFormat: string;
    decimalComma: string;
    rates: string;
    currency: string;
    skipInvalid: string;
    rejects: string;
  };
  init: { description: string; targets: string; force: string };
  schema: { description: string; format: string };
}
