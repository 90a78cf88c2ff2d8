import type { Dimension } from '../engine/deal.js';
import type { KpiStatus } from '../engine/check/index.js';
import { type AnyMetricId, metricInfo, type MetricId } from '../engine/metrics/index.js';
import type { Granularity } from '../engine/periods.js';
import type { Lang } from './lang.js';
import { en as enMessages } from './en.js';
import { ja as jaMessages } from './ja.js';

/** Which bound of a KPI a target line draws: the failing bound or the warning bound. */
export type BoundKind = 'min' | 'max' | 'warnMin' | 'warnMax';

/**
 * The words of the HTML report (`--format html`), in one language. The
 * numbers come in already formatted. Loaded with the HTML renderer only.
 */
export interface HtmlText {
  /** The report's heading. */
  reportTitle(from: string, to: string): string;
  /** The check's heading. */
  checkTitle(asOf: string): string;
  /** The label of the list of sections. */
  contents: string;
  /** The last line: the program and the file read. */
  generatedBy(program: string, file: string): string;

  sections: {
    totals: string;
    revenue: string;
    trends: string;
    byPeriod(g: Granularity): string;
    byGroup(d: Dimension): string;
    status: string;
    kgis: string;
    kpis: string;
  };

  /** A metric's full name, for chart titles and axes (without its unit). */
  metric(id: AnyMetricId): string;
  /** The axis of the sales cycle's mean and median. */
  salesCycle: string;
  /** An axis title with its unit: `Revenue (JPY)`. */
  withUnit(name: string, unit: string): string;
  units: {
    days: string;
    hours: string;
    points: string;
    items: string;
    deals: string;
    customers: string;
    currencyUnits: string;
    cells: string;
  };
  axis: { period: string; date: string; kpi: string; scope: string };

  charts: {
    revenueByPeriod(g: Granularity): string;
    winRateByPeriod(g: Granularity): string;
    cycleByPeriod(g: Granularity): string;
    metricByGroup(metric: string, d: Dimension): string;
    revenueByPeriodAndGroup(g: Granularity, d: Dimension): string;
    kgi(id: string, name: string | null): string;
    kpiStatus: string;
    kpiCells(id: string, metric: string): string;
  };

  legend: {
    mean: string;
    median: string;
    paceLine: string;
    runRate: string;
    target: string;
    projection: string;
    actual(asOf: string): string;
    paceToday: string;
    status: string;
  };
  /** The label of a KPI's target line: `KPI win-rate: fail below 40.0%`. */
  bound(kpi: string, kind: BoundKind, value: string): string;
  /** A KPI cell's status in a chart's legend and in tables. */
  kpiStatus(status: KpiStatus): string;

  /** Text alternatives of the charts. */
  describe: {
    /** `2025-04: 1,200; 2025-05: no value` */
    list(items: readonly (readonly [string, string])[]): string;
    byPeriod(metric: string, list: string): string;
    byGroup(metric: string, d: Dimension, list: string): string;
    lines(list: string): string;
    kgiBurnUp(start: string, deadline: string, target: string, asOf: string, actual: string): string;
    kgiProjection(projection: string): string;
    kpiCells(list: string): string;
    /** What stands for a null value in a text alternative. */
    noValue: string;
    /** Sentences one after the other: with a space in English, without in Japanese. */
    sentences(parts: readonly string[]): string;
  };

  notes: {
    /** Mixed currencies: money metrics are only per currency. */
    moneyPerCurrency: string;
    /** The per-period chart of groups draws the `max` groups with the most revenue. */
    tooManyGroups(count: number, max: number): string;
    /** A section whose metric has no value at all. */
    noValues(metric: string): string;
    /** A KGI whose metric has no value yet. */
    kgiNoData: string;
  };
}

const EN_METRIC: Record<MetricId, string> = {
  revenue: 'Revenue',
  deals_won: 'Deals won',
  deals_lost: 'Deals lost',
  deals_open: 'Open deals',
  pipeline_value: 'Pipeline value',
  win_rate: 'Win rate',
  avg_deal_size: 'Average deal size',
  sales_cycle_days_mean: 'Sales cycle, mean',
  sales_cycle_days_median: 'Sales cycle, median',
  new_customers: 'New customers',
  customer_retention_rate: 'Customer retention',
};

const EN_GRANULARITY: Record<Granularity, string> = { week: 'week', month: 'month', quarter: 'quarter', year: 'year' };

const EN_BOUND: Record<BoundKind, string> = {
  min: 'fail below',
  max: 'fail above',
  warnMin: 'warn below',
  warnMax: 'warn above',
};

const EN_KPI_STATUS: Record<KpiStatus, string> = { pass: 'pass', warn: 'warn', fail: 'fail', no_data: 'no data' };

const en: HtmlText = {
  reportTitle: (from, to) => `Sales report ${from} – ${to}`,
  checkTitle: (asOf) => `Targets as of ${asOf}`,
  contents: 'Contents',
  generatedBy: (program, file) => `${program} · from ${file}`,
  sections: {
    totals: 'Totals',
    revenue: 'Revenue',
    trends: 'Win rate and sales cycle',
    byPeriod: (g) => `By ${EN_GRANULARITY[g]}`,
    byGroup: (d) => `By ${d}`,
    status: 'Status',
    kgis: 'KGIs: the goals',
    kpis: 'KPIs: the leading indicators',
  },
  metric: (id) => EN_METRIC[id as MetricId] ?? enMessages.metricName(id, metricInfo(id)?.label ?? id),
  salesCycle: 'Sales cycle',
  withUnit: (name, unit) => `${name} (${unit})`,
  units: {
    days: 'days',
    hours: 'hours',
    points: 'points',
    items: 'count',
    deals: 'deals',
    customers: 'customers',
    currencyUnits: 'currency units',
    cells: 'checked cells',
  },
  axis: { period: 'Period', date: 'Date', kpi: 'KPI', scope: 'Scope' },
  charts: {
    revenueByPeriod: (g) => `Revenue by ${EN_GRANULARITY[g]}`,
    winRateByPeriod: (g) => `Win rate by ${EN_GRANULARITY[g]}`,
    cycleByPeriod: (g) => `Sales cycle of won deals by ${EN_GRANULARITY[g]}`,
    metricByGroup: (metric, d) => `${metric} by ${d}`,
    revenueByPeriodAndGroup: (g, d) => `Revenue by ${EN_GRANULARITY[g]} and ${d}`,
    kgi: (id, name) => `KGI ${id}${name === null ? '' : `: ${name}`}`,
    kpiStatus: 'KPI status: checked cells by result',
    kpiCells: (id, metric) => `KPI ${id}: ${metric}`,
  },
  legend: {
    mean: 'mean',
    median: 'median',
    paceLine: 'pace to the target',
    runRate: 'run rate to the projection',
    target: 'target',
    projection: 'projection',
    actual: (asOf) => `actual as of ${asOf}`,
    paceToday: 'pace target today',
    status: 'Result',
  },
  bound: (kpi, kind, value) => `KPI ${kpi}: ${EN_BOUND[kind]} ${value}`,
  kpiStatus: (s) => EN_KPI_STATUS[s],
  describe: {
    list: (items) => items.map(([k, v]) => `${k}: ${v}`).join('; '),
    byPeriod: (metric, list) => `${metric} by period. ${list}.`,
    byGroup: (metric, d, list) => `${metric} by ${d}. ${list}.`,
    lines: (list) => `Target lines: ${list}.`,
    kgiBurnUp: (start, deadline, target, asOf, actual) =>
      `From ${start} to ${deadline}: the pace line rises from 0 to the target ${target}; the actual as of ${asOf} is ${actual}.`,
    kgiProjection: (projection) => `At the current run rate the goal period ends at ${projection} (the projection).`,
    kpiCells: (list) => `Each checked cell with its result: ${list}.`,
    noValue: 'no value',
    sentences: (parts) => parts.join(' '),
  },
  notes: {
    moneyPerCurrency:
      'The deals are in several currencies: money metrics are given per currency only (in the groups by currency), never summed together.',
    tooManyGroups: (count, max) =>
      `${count} groups: the chart by period shows the ${max} with the most revenue; the table below has them all.`,
    noValues: (metric) => `${metric} has no value in any period.`,
    kgiNoData: 'No value yet.',
  },
};

const JA_METRIC: Record<MetricId, string> = {
  revenue: '売上高',
  deals_won: '受注件数',
  deals_lost: '失注件数',
  deals_open: '進行中商談数',
  pipeline_value: 'パイプライン金額',
  win_rate: '受注率',
  avg_deal_size: '平均売上単価',
  sales_cycle_days_mean: 'セールスサイクル平均',
  sales_cycle_days_median: 'セールスサイクル中央値',
  new_customers: '新規顧客獲得数',
  customer_retention_rate: '顧客維持率',
};

const JA_BY_PERIOD: Record<Granularity, string> = { week: '週別', month: '月別', quarter: '四半期別', year: '年度別' };

const JA_DIMENSION: Record<Dimension, string> = {
  owner: '担当者',
  team: 'チーム',
  segment: 'セグメント',
  channel: 'チャネル',
  source: 'リードソース',
  appointer: 'アポインター',
  currency: '通貨',
};

const JA_BOUND: Record<BoundKind, string> = {
  min: '不合格の下限',
  max: '不合格の上限',
  warnMin: '警告の下限',
  warnMax: '警告の上限',
};

const JA_KPI_STATUS: Record<KpiStatus, string> = { pass: '合格', warn: '警告', fail: '不合格', no_data: 'データなし' };

const ja: HtmlText = {
  reportTitle: (from, to) => `営業レポート ${from} 〜 ${to}`,
  checkTitle: (asOf) => `目標の判定（${asOf} 時点）`,
  contents: '目次',
  generatedBy: (program, file) => `${program} · ${file} から作成`,
  sections: {
    totals: '合計',
    revenue: '売上高',
    trends: '受注率とセールスサイクル',
    byPeriod: (g) => JA_BY_PERIOD[g],
    byGroup: (d) => `${JA_DIMENSION[d] ?? d}別`,
    status: '判定',
    kgis: 'KGI（重要目標達成指標）',
    kpis: 'KPI（重要業績評価指標）',
  },
  metric: (id) => JA_METRIC[id as MetricId] ?? jaMessages.metricName(id, metricInfo(id)?.label ?? id),
  salesCycle: 'セールスサイクル',
  withUnit: (name, unit) => `${name}（${unit}）`,
  units: {
    days: '日',
    hours: '時間',
    points: '点',
    items: '件',
    deals: '件',
    customers: '社',
    currencyUnits: '通貨単位',
    cells: '判定した件数',
  },
  axis: { period: '期間', date: '日付', kpi: 'KPI', scope: '範囲' },
  charts: {
    revenueByPeriod: (g) => `${JA_BY_PERIOD[g]}の売上高`,
    winRateByPeriod: (g) => `${JA_BY_PERIOD[g]}の受注率`,
    cycleByPeriod: (g) => `${JA_BY_PERIOD[g]}のセールスサイクル（受注した商談）`,
    metricByGroup: (metric, d) => `${JA_DIMENSION[d] ?? d}別の${metric}`,
    revenueByPeriodAndGroup: (g, d) => `${JA_BY_PERIOD[g]}・${JA_DIMENSION[d] ?? d}別の売上高`,
    kgi: (id, name) => `KGI ${id}${name === null ? '' : `: ${name}`}`,
    kpiStatus: 'KPI の判定: 判定結果ごとの件数',
    kpiCells: (id, metric) => `KPI ${id}: ${metric}`,
  },
  legend: {
    mean: '平均',
    median: '中央値',
    paceLine: '目標へのペース',
    runRate: '現在のペースでの着地見込み',
    target: '目標',
    projection: '着地見込み',
    actual: (asOf) => `${asOf} 時点の実績`,
    paceToday: '本日時点のペース目標',
    status: '判定',
  },
  bound: (kpi, kind, value) => `KPI ${kpi}: ${JA_BOUND[kind]} ${value}`,
  kpiStatus: (s) => JA_KPI_STATUS[s],
  describe: {
    list: (items) => items.map(([k, v]) => `${k}: ${v}`).join('、'),
    byPeriod: (metric, list) => `期間別の${metric}。${list}。`,
    byGroup: (metric, d, list) => `${JA_DIMENSION[d] ?? d}別の${metric}。${list}。`,
    lines: (list) => `目標線: ${list}。`,
    kgiBurnUp: (start, deadline, target, asOf, actual) =>
      `${start} から ${deadline} まで、ペースの線は 0 から目標 ${target} まで上がります。${asOf} 時点の実績は ${actual} です。`,
    kgiProjection: (projection) => `現在のペースのままなら期末の着地見込みは ${projection} です。`,
    kpiCells: (list) => `判定した範囲ごとの結果: ${list}。`,
    noValue: '値なし',
    sentences: (parts) => parts.join(''),
  },
  notes: {
    moneyPerCurrency:
      '商談の通貨が複数あります。金額の指標は通貨別（通貨別のグループ）にだけ示し、通貨をまたいで合計しません。',
    tooManyGroups: (count, max) =>
      `グループが ${count} 個あります。期間別のグラフには売上高の多い ${max} 個を示し、下の表にはすべてを示します。`,
    noValues: (metric) => `${metric}はどの期間にも値がありません。`,
    kgiNoData: 'まだ値がありません。',
  },
};

/** The HTML report's words in `lang`. */
export function htmlText(lang: Lang = 'en'): HtmlText {
  return lang === 'ja' ? ja : en;
}
