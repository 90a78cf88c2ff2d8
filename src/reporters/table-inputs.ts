import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { ACTIVITY_DIMS } from '../engine/activity-aggregate.js';
import { COST_DIMS } from '../engine/cost-aggregate.js';
import type { Dimension } from '../engine/deal.js';
import { type AnyMetricId, metricInfo, type MetricInput, type MetricValues } from '../engine/metrics/index.js';
import { SURVEY_DIMS } from '../engine/survey-aggregate.js';
import { type Lang, messages } from '../i18n/index.js';
import { formatCount, formatMetric, type NumberStyle } from './format.js';
import type { JsonReport } from './json.js';

/** The columns of each input's tables. */
const FAMILY_COLUMNS: Readonly<Record<MetricInput, readonly AnyMetricId[]>> = {
  handoffs: ['handoffs', 'handoffs_won', 'handoffs_lost', 'handoffs_open', 'handoff_win_rate', 'handoff_revenue'],
  activities: [
    'activities',
    'activities_call',
    'activities_email',
    'activities_meeting',
    'activities_visit',
    'activities_video',
    'activities_other',
    'activity_hours',
    'appointments_set',
    'call_to_appointment_rate',
    'revenue_per_activity_hour',
    'activity_hours_per_won_deal',
  ],
  costs: ['acquisition_cost', 'new_customers', 'cac'],
  surveys: ['survey_responses', 'csat', 'csat_mean', 'nps'],
};

const FAMILIES: readonly MetricInput[] = ['handoffs', 'activities', 'costs', 'surveys'];

/** The grouping columns each input carries (the funnel comes from deals: all of them). */
const CARRIED: Readonly<Record<Exclude<MetricInput, 'handoffs'>, readonly Dimension[]>> = {
  activities: ACTIVITY_DIMS,
  costs: COST_DIMS,
  surveys: SURVEY_DIMS,
};

/** The inputs whose metrics the report holds, in table order. */
export function reportedInputs(report: JsonReport): MetricInput[] {
  return FAMILIES.filter((f) => (FAMILY_COLUMNS[f][0] ?? '') in report.totals);
}

function newTable(chalk: ChalkInstance, head: string[], numericFrom: number): Table.Table {
  return new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: true },
    colAligns: head.map((_, i) => (i >= numericFrom ? 'right' : 'left')),
  });
}

function cells(values: MetricValues, ids: readonly AnyMetricId[], style: NumberStyle): string[] {
  return ids.map((id) => formatMetric(metricInfo(id)?.kind ?? 'count', values[id] ?? null, style));
}

function names(ids: readonly AnyMetricId[], lang: Lang): string[] {
  const t = messages(lang);
  return ids.map((id) => t.metricName(id, metricInfo(id)?.label ?? id));
}

/** One line per input beside deals: `activities.csv: 2,737 rows, 2,737 used, 0 rejected`. */
export function otherInputLines(report: JsonReport, lang: Lang): string[] {
  const t = messages(lang);
  const out: string[] = [];
  for (const key of ['activities', 'costs', 'surveys'] as const) {
    const i = report.inputs[key];
    if (i === undefined) continue;
    out.push(
      t.report.inputs(i.path, formatCount(i.rows, lang), formatCount(i.used, lang), formatCount(i.rejected, lang)),
    );
  }
  return out;
}

/** The tables of each input's metrics by period, after the deals' table. */
export function inputPeriodTables(report: JsonReport, chalk: ChalkInstance, style: NumberStyle): string[] {
  const lang = style.lang ?? 'en';
  const t = messages(lang);
  const lines: string[] = [];
  for (const family of reportedInputs(report)) {
    const ids = FAMILY_COLUMNS[family];
    const table = newTable(chalk, [t.report.period, ...names(ids, lang)], 1);
    for (const p of report.periods) table.push([p.period, ...cells(p.metrics, ids, style)]);
    lines.push('', chalk.bold(t.report.inputByPeriod(family, report.granularity)), table.toString());
  }
  return lines;
}

/**
 * The tables of each input's metrics by group, after the deals' table: a
 * note instead where the input carries no value for the column, a footnote
 * where costs without one count in the totals only; with `--by appointer`
 * the appointer × owner matrix, with `--by channel` inside and outside side
 * by side.
 */
export function inputGroupTables(report: JsonReport, chalk: ChalkInstance, style: NumberStyle): string[] {
  const first = report.groups[0];
  if (first === undefined) return [];
  const by = first.by;
  const lang = style.lang ?? 'en';
  const t = messages(lang);
  const lines: string[] = [];
  const label = (key: string): string => (key === '' ? chalk.dim(t.none) : key);
  const families = reportedInputs(report);
  for (const family of families) {
    if (family !== 'handoffs' && !CARRIED[family].includes(by)) {
      lines.push('', chalk.dim(t.report.notGrouped(family, by)));
      continue;
    }
    const ids = FAMILY_COLUMNS[family];
    const table = newTable(chalk, [t.dimension(by), ...names(ids, lang)], 1);
    for (const g of report.groups) {
      const own = g.by === 'currency' && g.key !== '' ? { ...style, currency: g.key } : style;
      table.push([label(g.key), ...cells(g.totals, ids, own)]);
    }
    lines.push('', chalk.bold(t.report.inputByDimension(family, by)), table.toString());
    if (family === 'costs') lines.push(chalk.dim(t.report.costsInTotalsOnly(by)));
  }
  if (by === 'channel' && (families.includes('activities') || families.includes('costs'))) {
    const ids: AnyMetricId[] = ['win_rate', 'avg_deal_size', 'sales_cycle_days_median'];
    if (families.includes('activities')) ids.push('activity_hours', 'activity_hours_per_won_deal');
    if (families.includes('costs')) ids.push('cac');
    const table = newTable(chalk, [t.dimension(by), ...names(ids, lang)], 1);
    for (const g of report.groups) table.push([label(g.key), ...cells(g.totals, ids, style)]);
    lines.push('', chalk.bold(t.report.insideVsOutside), table.toString());
  }
  const pairs = report.handoffMatrix;
  if (pairs !== undefined && pairs.length > 0) {
    const owners = [...new Set(pairs.map((p) => p.owner))].sort();
    const appointers = [...new Set(pairs.map((p) => p.appointer))].sort();
    const table = newTable(
      chalk,
      [`${t.dimension('appointer')} \\ ${t.dimension('owner')}`, ...owners.map(label), t.report.total],
      1,
    );
    for (const a of appointers) {
      const row = pairs.filter((p) => p.appointer === a);
      const cell = (won: number, handoffs: number): string =>
        handoffs === 0 ? '' : `${formatCount(won, lang)}/${formatCount(handoffs, lang)}`;
      const sum = (f: (p: (typeof row)[number]) => number): number => row.reduce((s, p) => s + f(p), 0);
      table.push([
        a,
        ...owners.map((o) => {
          const p = row.find((x) => x.owner === o);
          return p === undefined ? '' : cell(p.won, p.handoffs);
        }),
        cell(
          sum((p) => p.won),
          sum((p) => p.handoffs),
        ),
      ]);
    }
    lines.push('', chalk.bold(t.report.handoffMatrix), table.toString());
  }
  return lines;
}
