import { NO_ACTIVITIES } from '../engine/check/plan-chain.js';
import type { Messages } from './messages.js';
import { pipelineEn } from './pipeline-en.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The title of each input's tables. */
const INPUT_TITLE = { handoffs: 'Handoffs', activities: 'Activities', costs: 'Costs', surveys: 'Surveys' } as const;

/** What a row of each input is, in a missing-value message. */
const ROW_NOUN = { activities: 'activity', costs: 'cost line', surveys: 'survey response' } as const;

/** `an amount`, `a date`. */
const article = (word: string): string => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;

/** English: the default, and the wording of errors' own messages. */
export const en: Messages = {
  lang: 'en',
  locale: 'en-US',

  metricName: (_id, label) => label,
  checkMetric: (id) => id,
  granularity: (g) => g,
  dimension: (d) => d.charAt(0).toUpperCase() + d.slice(1),
  none: '(none)',

  report: {
    title: (from, to) => `Deals ${from} – ${to}`,
    settings: (g, fy) => `  (${g}${fy === 1 ? '' : `, fiscal year from month ${fy}`})`,
    inputs: (path, rows, used, rejected) => `${path}: ${rows} rows, ${used} used, ${rejected} rejected`,
    totals: 'Totals',
    metric: 'Metric',
    total: 'Total',
    period: 'Period',
    byPeriod: (g) => `By ${g}`,
    byDimension: (d) => `By ${d}`,
    inputByPeriod: (input, g) => `${INPUT_TITLE[input]} by ${g}`,
    inputByDimension: (input, d) => `${INPUT_TITLE[input]} by ${d}`,
    notGrouped: (input, d) => `${INPUT_TITLE[input]} carry no ${d}: their metrics are — by ${d}.`,
    costsInTotalsOnly: (d) => `Costs that name no ${d} count in the totals only.`,
    insideVsOutside: 'Inside vs outside',
    handoffMatrix: 'Handoffs by appointer × owner (won / handed over)',
  },

  check: {
    marker: (s) => s.toUpperCase(),
    noDataMarker: 'NO DATA',
    severity: (s) => s,
    title: (asOf) => `Targets as of ${asOf}:`,
    window: (from, to) => `  (KPI window ${from} – ${to})`,
    kgis: 'KGIs',
    kpis: 'KPIs',
    plan: 'plan',
    head: { kpi: 'KPI', scope: 'Scope', metric: 'Metric', actual: 'Actual', bound: 'Bound', status: 'Status' },
    kpiStatus: (status, severity) => (status === 'no_data' ? `no data (counts as ${severity})` : status),
    kpiStatusShort: (status, severity) => (status === 'no_data' ? `no data (${severity})` : status),
    kgiStatus: (s) => s.replace('_', ' '),
    summary: (pass, warn, fail, noData) => `${pass} pass, ${warn} warn, ${fail} fail, ${noData} no data`,
    kgiPeriod: (start, deadline) => ` (${start} – ${deadline})`,
    range: (start, deadline) => `${start} – ${deadline}`,
    wholeWindow: 'window',
    scopeBy: (d) => d,
    progress: (p) =>
      [
        `${p.actual} of ${p.target}` + (p.achievement === null ? '' : ` (${p.achievement})`),
        `elapsed ${p.elapsed}`,
        `pace ${p.pace}`,
        p.projection === null ? null : `projection ${p.projection}`,
      ]
        .filter((x) => x !== null)
        .join(', '),
    planText: (p) => {
      const pieces = [
        `remaining ${p.remaining}`,
        p.revenue ? `${p.dealsToWin} deals to win at avg ${p.avgDealSize}` : `${p.dealsToWin} deals to win`,
        `${p.dealsToClose} deals to close at win rate ${p.winRate}`,
        p.remainingMonths === 0
          ? 'no month left'
          : `per month over ${p.remainingMonths}: ${p.dealsToWinPerMonth} to win, ${p.dealsToClosePerMonth} to close`,
      ];
      const why = p.reasons.length === 0 ? '' : ` (${p.reasons.join('; ')})`;
      return pieces.join(' → ') + why;
    },
    chain: 'meetings',
    chainText: (p) => {
      const pieces = [
        `${p.meetings} meetings to hand over (${p.closed} of ${p.handoffs} handoffs closed)`,
        ...(p.callsKnown ? [`${p.calls} calls at ${p.rate} appointments per call`] : []),
        p.remainingMonths === 0
          ? 'no month left'
          : `per month over ${p.remainingMonths}: ${p.meetingsPerMonth} meetings` +
            (p.callsKnown ? `, ${p.callsPerMonth} calls` : ''),
      ];
      const reasons = p.callsKnown ? p.reasons : p.reasons.filter((r) => r !== NO_ACTIVITIES);
      const why = reasons.length === 0 ? '' : ` (${reasons.join('; ')})`;
      return pieces.join(' → ') + why;
    },
    appointersText: (rows) =>
      `per appointer: ${rows
        .map((r) =>
          r.calls === null
            ? `${r.appointer} ${r.meetings} meetings (${r.meetingsPerMonth} a month)`
            : `${r.appointer} ${r.meetings} meetings, ${r.calls} calls (${r.meetingsPerMonth}, ${r.callsPerMonth ?? '—'} a month)`,
        )
        .join('; ')}`,
    markdown: {
      heading: (emoji, status) => `## ${emoji} salesmetrics targets: ${status}`,
      line: (asOf, from, to, summary) => `As of ${asOf} · KPI window ${from} – ${to} · ${summary}`,
      kgiHead: { kgi: 'KGI', metric: 'Metric', progress: 'Progress', status: 'Status', period: 'Period' },
      planFor: (id) => `**Plan for ${id}:**`,
    },
  },

  rowProblem(p) {
    const col = p.column === undefined ? '' : `column ${p.column}: `;
    const value = JSON.stringify(p.value ?? '');
    switch (p.code) {
      case 'missing_value':
        if (p.input !== undefined)
          return `${col}empty; every ${ROW_NOUN[p.input]} needs ${article(p.column ?? 'value')}`;
        return `${col}empty; ${
          p.status === undefined
            ? `every deal needs ${p.column === 'deal_id' ? 'an id' : `a ${p.column ?? 'value'}`}`
            : p.column === 'amount'
              ? `a ${p.status} deal needs an amount`
              : `a ${p.status} deal needs a close date`
        }`;
      case 'bad_date':
        return `${col}${value} is not a date (YYYY-MM-DD)`;
      case 'bad_amount':
        return `${col}${value} is not a plain decimal (like 1234.5, at most 4 decimal places)`;
      case 'bad_probability':
        return `${col}${value} is not a probability; write a number from 0 to 100 (or 0 to 1), like 75 or 0.75`;
      case 'duplicate_id':
        return `${col}${value} appears more than once; deal ids must be unique (the first one is used)`;
      case 'close_before_created':
        return `${col}${value} is before created_date ${JSON.stringify(p.created ?? '')}; fix either date`;
      case 'no_rate':
        return `${col}no rate for ${value} in the --rates file; add a line ${p.value ?? ''},<rate>`;
      case 'field_count':
        return `the row has ${p.fields?.row ?? '?'} fields, the header has ${p.fields?.header ?? '?'}; check the quoting of this row`;
      case 'bad_choice': {
        const allowed = p.choices?.allowed ?? [];
        const [section, key] = (p.choices?.config ?? '').split('.');
        return `${col}${value} is not one of ${allowed.join(', ')}; map it in salesmetrics.config.yaml: ${section ?? ''}: { ${key ?? ''}: { ${value}: <${allowed.join('|')}> } }`;
      }
      case 'bad_duration':
        return `${col}${value} is not a number of minutes (like 30 or 12.5, not negative)`;
      case 'bad_score':
        return `${col}${value} is not a whole number from ${p.score?.min ?? '?'} to ${p.score?.max ?? '?'} (the ${p.score?.type ?? ''} scale)`;
      case 'currency_mismatch':
        return `${col}${value} is not the deals' currency ${p.expected ?? ''}; pass --rates FILE --currency ${p.expected ?? 'CODE'} to convert`;
    }
  },
  warning: (text) => `warning: ${text}`,
  invalidRows: (file, count) =>
    `${file}: ${plural(count, 'invalid row')}; fix them, or pass --skip-invalid to leave them out`,
  skippedRows: (file, count, first, rejects) =>
    `skipped ${plural(count, 'invalid row')} of ${file}` +
    (first === undefined ? '' : ` (first: ${first})`) +
    (rejects === undefined ? '; --rejects FILE writes them out' : `; written to ${rejects}`),
  note(file, note, presetLabel) {
    switch (note.code) {
      case 'preset_detected':
        return `${file}: read as a ${presetLabel} (--preset ${note.preset})`;
      case 'lines_skipped':
        return `${file}: skipped ${plural(note.count, `${note.kind} line`)} (first: ${JSON.stringify(note.first)})`;
    }
  },
  missingField(file, what) {
    switch (what) {
      case 'amount':
        return `${file}: no amount column: revenue, pipeline_value and avg_deal_size are null`;
      case 'created_date':
        return `${file}: no created_date column: sales_cycle_days_mean and sales_cycle_days_median are null`;
      case 'account':
        return `${file}: no account_id or account_name column: new_customers and customer_retention_rate are null`;
    }
  },
  mixedCurrencies(file, currencies, blank) {
    const list = [...currencies, ...(blank ? ['none named'] : [])].join(', ');
    return `${file} has amounts in several currencies (${list}): money metrics are given per currency (by currency) and are null in the totals; pass --rates FILE --currency CODE to convert them`;
  },
  inputMissing: (file, path, metric, input) =>
    `${file}: ${path} (${metric}) ${
      input === 'handoffs' ? 'needs an appointer column in the deals file' : `needs --${input} FILE`
    }; it has no data`,
  wroteTargets: (file) => `wrote ${file}; check with: salesmetrics check deals.csv --targets ${file}`,
  wroteOutput: (file) => `wrote ${file}`,

  error: (err) => err.message,
  usage: (code, message) =>
    code === 'commander.help' ? 'a command is required' : `${message}; see salesmetrics --help`,
  option: {
    notADate: (value) => `"${value}" is not a date; use YYYY-MM-DD, e.g. 2025-04-01.`,
    notAMonth: (value) => `"${value}" is not a month; use 1..12, e.g. 4 for April.`,
    notAMapping: (value) => `"${value}" is not field=Header; e.g. --map deal_id='Opportunity ID'.`,
    notJobs: (value) => `"${value}" is not a number of parts; use auto or 1..64, e.g. --jobs 1 to read in one piece.`,
    notACount: (value, min, max) => `"${value}" is not a whole number from ${min} to ${max}.`,
  },
  presetLabel: (_name, label) => label,
  pipeline: pipelineEn,

  help: {
    program: 'Sales metrics you can trust, from CRM/SFA CSV exports.',
    version: 'print the version',
    help: 'show help',
    helpCommand: 'display help for command',
    file: 'deals CSV file, or - for standard input',
    lang: 'language of messages, tables and help: en or ja (default: from LC_ALL, LC_MESSAGES or LANG)',
    noColor: 'no colours (also off under NO_COLOR or when not a terminal)',
    format: 'output format (html: one self-contained page with charts; use with -o)',
    output: 'write the output to this file instead of standard output (- for standard output)',
    report: {
      description: 'compute revenue, win rate, deal size, sales cycle, new customers and retention from a deals CSV',
      from: 'first day of the window, YYYY-MM-DD (default: first month in the file)',
      to: 'last day of the window, YYYY-MM-DD (default: last month in the file)',
      period: "period of the rows (default: month, or the target file's)",
      fiscalYearStart: 'first month of the fiscal year, 1..12 (4 for 年度; default 1)',
      by: 'also report each group of this column',
      targets: 'also check KGI/KPI targets from this YAML file (exit 1 when one fails)',
      asOf: 'with --targets: the date targets are checked as of (default: today)',
      examples: `
Examples:
  $ salesmetrics report fixtures/deals.csv
  $ salesmetrics report deals.csv --period quarter --fiscal-year-start 4 --by team
  $ salesmetrics report deals.csv --from 2025-04-01 --to 2026-03-31 --format json
  $ cat deals.csv | salesmetrics report - --format csv > metrics.csv
  $ salesmetrics report export.csv --map deal_id='Opportunity ID' --map stage='Deal Stage'
  $ salesmetrics report deals.csv --skip-invalid --rejects rejected.csv
  $ salesmetrics report deals.csv --activities activities.csv --costs costs.csv --surveys surveys.csv --by appointer
  $ salesmetrics report deals.csv --targets targets.yaml --by team --format html -o report.html

Exit codes: 0 success, 1 a target missed (with --targets), 2 usage, configuration or input error.`,
    },
    check: {
      description: 'check deals against KGI/KPI targets from a YAML file; exit 1 when a target is missed',
      targets: 'the target file (YAML; see salesmetrics init)',
      asOf: 'check as of this date, YYYY-MM-DD (default: today)',
      from: 'first day of the KPI window (default: the target file, else the file)',
      to: 'last day of the KPI window (default: the target file, else the file)',
      period: 'period of each_period checks (default: the target file, else month)',
      fiscalYearStart: 'first month of the fiscal year, 1..12 (default: the target file, else 1)',
      failOn: 'exit 1 on failures only, or on warnings too',
      examples: `
Examples:
  $ salesmetrics init
  $ salesmetrics check deals.csv --targets targets.yaml
  $ salesmetrics check deals.csv --targets targets.yaml --as-of 2025-09-30 --format json
  $ salesmetrics check deals.csv --targets targets.yaml --format junit > salesmetrics.xml
  $ salesmetrics check deals.csv --targets targets.yaml --format markdown >> "$GITHUB_STEP_SUMMARY"
  $ salesmetrics check deals.csv --targets targets.yaml --format html -o targets.html

Exit codes: 0 nothing failed (warnings allowed), 1 a KPI or KGI failed (or warned, with
--fail-on warn), 2 usage, target-file or input error.`,
    },
    deals: {
      preset: 'the CRM export (default: detected from the header)',
      map: "read a field from another column, e.g. --map deal_id='Opportunity ID' (repeatable)",
      config: 'column mappings and formats (default: salesmetrics.config.yaml when present)',
      encoding: 'auto (default: BOM, else UTF-8, else CP932), utf8, utf16, cp932',
      dateFormat: 'format of dates such as 01/02/2025: MM/DD/YYYY, DD/MM/YYYY, …',
      decimalComma: 'amounts are written 1.234,56',
      rates: 'CSV of currency,rate: convert every amount to --currency',
      currency: 'the currency --rates converts to, e.g. JPY',
      skipInvalid: 'leave invalid rows out (counted, with a warning) instead of failing',
      rejects: 'write rejected rows to this CSV file, with a reason column',
      jobs: 'read a large deals file in this many parts at once: auto = one per core (up to 4) for files of 32 MiB or more; 1 = in one piece',
    },
    abtest: {
      description:
        'compare variants (a pitch, a channel, a source) by win rate, deal size and sales cycle, with confidence intervals, p-values and the sample size needed',
      variant: 'the column whose values are the variants: variant, pitch, channel, source, team or any header',
      control: 'the variant the others are compared with (default: the first in text order)',
      from: 'test only deals closed on or after this date, YYYY-MM-DD',
      to: 'test only deals closed on or before this date, YYYY-MM-DD',
      examples: `
Examples:
  $ salesmetrics abtest fixtures/deals.csv --variant channel --control inside
  $ salesmetrics abtest deals.csv --variant pitch --control old --from 2025-04-01
  $ salesmetrics abtest deals.csv --variant source --format json

Exit codes: 0 success, 2 usage, configuration or input error.`,
    },
    cohorts: {
      description:
        'group accounts by the period of their first won deal and show, period by period, the share that bought again and the revenue kept',
      from: 'first day of the window, YYYY-MM-DD (default: first month in the file)',
      to: 'last day of the window, YYYY-MM-DD (default: last month in the file)',
      period: 'period of the cohorts (default: month)',
      fiscalYearStart: 'first month of the fiscal year, 1..12 (4 for 年度; default 1)',
      examples: `
Examples:
  $ salesmetrics cohorts fixtures/deals.csv --period quarter --fiscal-year-start 4
  $ salesmetrics cohorts deals.csv --from 2025-04-01 --to 2026-03-31 --format json
  $ salesmetrics cohorts deals.csv --period quarter --format html -o cohorts.html

Exit codes: 0 success, 2 usage, configuration or input error.`,
    },
    pipeline: {
      description:
        'open deals by stage, weighted pipeline, forecast by period (from probabilities and from history), back-test and stage funnel',
      asOf: 'take the pipeline at the end of this day, YYYY-MM-DD (default: today)',
      period: "period of the forecast (default: month, or the target file's)",
      fiscalYearStart: 'first month of the fiscal year, 1..12 (4 for 年度; default 1)',
      horizon: 'periods to forecast, from the one holding the as-of date',
      staleDays: 'an open deal older than this many days is stale (so is one past its expected close date)',
      segmentBy: 'the history forecast learns from the closed deals of the same group of this column',
      backtest: 'also re-run the history forecast as of the end of earlier periods and compare it with what was won',
      backtestPeriods: 'how many earlier periods the back-test covers',
      from: 'stage funnel: deals created from this day (default: all)',
      to: 'stage funnel: deals created through this day (default: all)',
      targets: 'a target file: its revenue KGIs get projections with the forecast',
      examples: `
Examples:
  $ salesmetrics pipeline fixtures/deals.csv --as-of 2026-03-31 --period quarter --fiscal-year-start 4
  $ salesmetrics pipeline deals.csv --horizon 6 --stale-days 60 --format json
  $ salesmetrics pipeline deals.csv --period quarter --backtest --backtest-periods 6
  $ salesmetrics pipeline deals.csv --backtest --format html -o pipeline.html
  $ salesmetrics pipeline deals.csv --targets targets.yaml --config salesmetrics.config.yaml

Stages and their default probabilities come from stages: in salesmetrics.config.yaml.
Exit codes: 0 success, 2 usage, configuration or input error.`,
    },
    inputs: {
      activities:
        'activities CSV (date, owner, type, duration_minutes, deal_id, outcome, channel): activity counts and hours, appointments, inside vs outside',
      costs:
        'costs CSV (date or YYYY-MM, amount, category sales|marketing|other, team, channel): acquisition cost and CAC',
      surveys: 'survey responses CSV (date, score, type csat|nps, owner, team): CSAT and NPS',
    },
    init: {
      description: 'write a commented starter target file',
      targets: 'where to write it',
      force: 'overwrite an existing file',
    },
    schema: { description: 'print the JSON Schema of a file format', format: 'the file format' },
  },
};
