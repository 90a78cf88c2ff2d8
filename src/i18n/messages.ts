import type { Dimension } from '../engine/deal.js';
import type { KgiStatus, KpiStatus, Severity } from '../engine/check/index.js';
import type { AnyMetricId, MetricInput } from '../engine/metrics/index.js';
import type { Granularity } from '../engine/periods.js';
import type { SalesmetricsError } from '../errors.js';
import type { ReadNote } from '../ingest/deals.js';
import type { PresetName } from '../ingest/presets.js';
import type { RowProblem } from '../ingest/row-problem.js';
import type { PipelineNote } from '../engine/pipeline/build.js';
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
  metricName(id: AnyMetricId, label: string): string;
  /** A metric where the check output names it: the id in English, the name in Japanese. */
  checkMetric(id: AnyMetricId): string;
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
    /** The title of an input's table by period: `Activities by quarter`. */
    inputByPeriod(input: MetricInput, g: Granularity): string;
    /** The title of an input's table by group: `Costs by team`. */
    inputByDimension(input: MetricInput, d: Dimension): string;
    /** Instead of an input's table by a column its rows do not carry. */
    notGrouped(input: MetricInput, d: Dimension): string;
    /** Under the costs by group: costs without a value for the column count in the totals only. */
    costsInTotalsOnly(d: Dimension): string;
    /** The title of the `--by channel` comparison. */
    insideVsOutside: string;
    /** The title of the appointer × owner matrix. */
    handoffMatrix: string;
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
    /** The label of the plan's meetings and calls line: `meetings`. */
    chain: string;
    /** The plan down the chain: values already formatted, `—` where unknown. */
    chainText(p: {
      /** Whether activities were given: without them the calls are left out. */
      callsKnown: boolean;
      meetings: string;
      handoffs: string;
      closed: string;
      calls: string;
      rate: string;
      remainingMonths: number;
      meetingsPerMonth: string;
      callsPerMonth: string;
      reasons: readonly string[];
    }): string;
    /** Each appointer's meetings and calls: values already formatted. */
    appointersText(
      rows: readonly {
        appointer: string;
        meetings: string;
        /** `null` without activities. */
        calls: string | null;
        meetingsPerMonth: string;
        callsPerMonth: string | null;
      }[],
    ): string;
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
  /** A KGI or KPI (`path` like `kpis[2]`) of a target file whose metric needs an input that was not given. */
  inputMissing(file: string, path: string, metric: string, input: MetricInput): string;
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
    notJobs(value: string): string;
    /** A whole number from `min` to `max` was expected. */
    notACount(value: string, min: number, max: number): string;
  };
  /** The preset's name where a note names it. */
  presetLabel(name: PresetName, label: string): string;

  /** The pipeline command's output. */
  pipeline: PipelineText;

  help: HelpText;
}

/** The words of `salesmetrics pipeline`: headings, column heads, notes. Numbers come formatted. */
export interface PipelineText {
  title(asOf: string): string;
  stages: string;
  stageHead: {
    stage: string;
    deals: string;
    amount: string;
    weighted: string;
    probability: string;
    avgAge: string;
    stale: string;
    staleAmount: string;
  };
  total: string;
  forecast(g: Granularity): string;
  forecastHead: {
    period: string;
    wonSoFar: string;
    deals: string;
    open: string;
    weighted: string;
    forecast: string;
    expected: string;
    historyForecast: string;
    commit: string;
    bestCase: string;
    openPipeline: string;
  };
  overdue: string;
  later: string;
  undated: string;
  history(by: Dimension): string;
  historyHead: {
    segment: string;
    closed: string;
    won: string;
    open: string;
    amount: string;
    unforecastable: string;
    expected: string;
    winProbability: string;
  };
  /** Under the history table: how P(win) reads, and what is expected after the last period. */
  historyFoot(p: { later: string }): string;
  backtest(periods: number, g: Granularity): string;
  backtestHead: {
    asOf: string;
    period: string;
    forecast: string;
    won: string;
    ape: string;
    wonFromPipeline: string;
    apePipeline: string;
  };
  mape(mape: string, mapePipeline: string): string;
  funnel(from: string | null, to: string | null): string;
  funnelHead: { stage: string; reached: string; conversion: string; cumulative: string; open: string; lost: string };
  won: string;
  kgis: string;
  /** One revenue KGI with the forecasts. */
  kgiLine(p: {
    id: string;
    name: string | null;
    actual: string;
    target: string;
    projection: string;
    weighted: string;
    weightedProjection: string;
    weightedAchievement: string;
    expected: string;
    historyProjection: string;
    historyAchievement: string;
    deadline: string;
  }): string;
  /** A note on the input, for stderr. */
  note(file: string, n: PipelineNote): string;
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
    jobs: string;
  };
  abtest: {
    description: string;
    variant: string;
    control: string;
    from: string;
    to: string;
    examples: string;
  };
  cohorts: {
    description: string;
    from: string;
    to: string;
    period: string;
    fiscalYearStart: string;
    examples: string;
  };
  pipeline: {
    description: string;
    asOf: string;
    period: string;
    fiscalYearStart: string;
    horizon: string;
    staleDays: string;
    segmentBy: string;
    backtest: string;
    backtestPeriods: string;
    from: string;
    to: string;
    targets: string;
    examples: string;
  };
  /** The inputs beside deals. */
  inputs: { activities: string; costs: string; surveys: string };
  init: { description: string; targets: string; force: string };
  schema: { description: string; format: string };
}
