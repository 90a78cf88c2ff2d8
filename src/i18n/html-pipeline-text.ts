import type { Granularity } from '../engine/periods.js';
import type { Lang } from './lang.js';

/**
 * The words of the HTML pages of `salesmetrics pipeline` and `salesmetrics
 * cohorts` (`--format html`), and of the report's sections on the other
 * inputs (handoffs, activities, costs, surveys): section titles, chart
 * titles, series and text alternatives. Table heads are the text tables' own words. Numbers
 * come in already formatted. Loaded with the HTML renderer only.
 */
export interface PipelineHtmlText {
  sections: {
    stages: string;
    forecast: string;
    retention: string;
    revenueRetention: string;
  };
  charts: {
    stages: string;
    forecast(g: Granularity): string;
    backtest(g: Granularity): string;
    funnel: string;
    retention: string;
  };
  axis: { stage: string; amount: string; deals: string; cohort: string; since(g: Granularity): string };
  legend: {
    amount: string;
    weighted: string;
    wonSoFar: string;
    weightedOpen: string;
    historyForecast: string;
    won: string;
    retention: string;
  };
  /** The won step of the funnel. */
  won: string;
  describe: {
    /** One stage's open amount and weighted amount. */
    stage(stage: string, amount: string, weighted: string): string;
    /** One period's won so far, weighted open and history forecast. */
    forecast(period: string, won: string, weighted: string, history: string): string;
    backtest(period: string, forecast: string, won: string): string;
    /** One funnel step: deals reached, the conversion from the step before. */
    funnel(stage: string, reached: string, conversion: string | null): string;
    /** One cohort's retention by periods since its first. */
    cohort(cohort: string, accounts: number, formatted: string, list: string): string;
    /** Items one after the other. */
    join(items: readonly string[]): string;
  };
  /** The report's sections on the inputs beside deals. */
  inputs: {
    handoffsSection: string;
    totalsSection: string;
    handoffsChart: string;
    /** The bar of every appointer together. */
    allAppointers: string;
    won: string;
    lost: string;
    open: string;
    /** The matrix's caption: what a cell holds. */
    matrix: string;
    /** The matrix's corner cell. */
    corner: string;
    total: string;
    activityHours(g: Granularity): string;
    cac(g: Granularity): string;
    /** One bar of the handoffs chart. */
    describeHandoffs(who: string, handoffs: string, won: string, lost: string, open: string): string;
  };
  notes: {
    noAmounts: string;
    noCohorts: string;
    /** The back-test counts only closed deals' revenue known at each date. */
    mape(mape: string, pipeline: string): string;
  };
}

const EN_G: Record<Granularity, string> = { week: 'week', month: 'month', quarter: 'quarter', year: 'year' };
const EN_GS: Record<Granularity, string> = { week: 'weeks', month: 'months', quarter: 'quarters', year: 'years' };

const en: PipelineHtmlText = {
  sections: {
    stages: 'Open deals by stage',
    forecast: 'Forecast by period',
    retention: 'Customer retention',
    revenueRetention: 'Revenue retention',
  },
  charts: {
    stages: 'Amount of the open deals by stage',
    forecast: (g) => `Revenue forecast by ${EN_G[g]}`,
    backtest: (g) => `Forecast against won, by ${EN_G[g]}`,
    funnel: 'Deals reaching each stage',
    retention: 'Customer retention by cohort',
  },
  axis: {
    stage: 'Stage',
    amount: 'Amount',
    deals: 'Deals (count)',
    cohort: 'Cohort',
    since: (g) => `${EN_GS[g][0]?.toUpperCase() ?? ''}${EN_GS[g].slice(1)} since the first`,
  },
  legend: {
    amount: 'open amount',
    weighted: 'weighted amount',
    wonSoFar: 'won so far',
    weightedOpen: 'weighted open deals',
    historyForecast: 'history forecast',
    won: 'won',
    retention: 'Retention',
  },
  won: 'Won',
  describe: {
    stage: (stage, amount, weighted) => `${stage}: amount ${amount}, weighted ${weighted}`,
    forecast: (period, won, weighted, history) =>
      `${period}: won so far ${won}, weighted open ${weighted}, history forecast ${history}`,
    backtest: (period, forecast, won) => `${period}: forecast ${forecast}, won ${won}`,
    funnel: (stage, reached, conversion) =>
      `${stage}: ${reached} deals${conversion === null ? '' : `, ${conversion} of the stage before`}`,
    cohort: (cohort, accounts, formatted, list) =>
      `${cohort} (${formatted} ${accounts === 1 ? 'account' : 'accounts'}): ${list}`,
    join: (items) => `${items.join('; ')}.`,
  },
  inputs: {
    handoffsSection: 'Appointer → closer funnel',
    totalsSection: 'Activities, costs and surveys',
    handoffsChart: 'Handoffs: won, lost and still open',
    allAppointers: 'All appointers',
    won: 'won',
    lost: 'lost',
    open: 'open',
    matrix: 'Handoffs by appointer × owner (won / handed over)',
    corner: 'Appointer \\ Owner',
    total: 'Total',
    activityHours: (g) => `Activity hours by ${EN_G[g]}`,
    cac: (g) => `Customer acquisition cost by ${EN_G[g]}`,
    describeHandoffs: (who, handoffs, won, lost, open) =>
      `${who}: ${handoffs} handed over, ${won} won, ${lost} lost, ${open} open`,
  },
  notes: {
    noAmounts: 'The deals have no amounts: the money charts are left out.',
    noCohorts: 'No account had its first won deal in the window: there is no cohort.',
    mape: (mape, pipeline) =>
      `Mean absolute percentage error: ${mape} against all revenue won, ${pipeline} against the revenue of the deals open at each date.`,
  },
};

const JA_G: Record<Granularity, string> = { week: '週', month: '月', quarter: '四半期', year: '年度' };

const ja: PipelineHtmlText = {
  sections: {
    stages: 'フェーズ別の進行中商談',
    forecast: '期間別の売上予測',
    retention: '顧客維持率',
    revenueRetention: '売上維持率',
  },
  charts: {
    stages: 'フェーズ別の進行中商談の金額',
    forecast: (g) => `${JA_G[g]}別の売上予測`,
    backtest: (g) => `${JA_G[g]}別の予測と受注金額`,
    funnel: '各フェーズに到達した商談数',
    retention: 'コホート別の顧客維持率',
  },
  axis: {
    stage: 'フェーズ',
    amount: '金額',
    deals: '商談数（件）',
    cohort: 'コホート',
    since: (g) => `初回からの経過${JA_G[g]}数`,
  },
  legend: {
    amount: '商談金額',
    weighted: '加重金額',
    wonSoFar: '受注済み',
    weightedOpen: '進行中商談の加重金額',
    historyForecast: '実績に基づく予測',
    won: '受注金額',
    retention: '維持率',
  },
  won: '受注',
  describe: {
    stage: (stage, amount, weighted) => `${stage}: 金額 ${amount}、加重金額 ${weighted}`,
    forecast: (period, won, weighted, history) =>
      `${period}: 受注済み ${won}、進行中商談の加重金額 ${weighted}、実績に基づく予測 ${history}`,
    backtest: (period, forecast, won) => `${period}: 予測 ${forecast}、受注 ${won}`,
    funnel: (stage, reached, conversion) =>
      `${stage}: ${reached} 件${conversion === null ? '' : `（前のフェーズから ${conversion}）`}`,
    cohort: (cohort, _accounts, formatted, list) => `${cohort}（${formatted} 社）: ${list}`,
    join: (items) => `${items.join('。')}。`,
  },
  inputs: {
    handoffsSection: 'アポインター → クローザーのファネル',
    totalsSection: '活動・コスト・アンケート',
    handoffsChart: 'トスアップ: 受注・失注・進行中',
    allAppointers: 'アポインター全体',
    won: '受注',
    lost: '失注',
    open: '進行中',
    matrix: 'アポインター × 担当者別のトスアップ（受注 / トスアップ数）',
    corner: 'アポインター \\ 担当者',
    total: '合計',
    activityHours: (g) => `${JA_G[g]}別の活動時間`,
    cac: (g) => `${JA_G[g]}別の顧客獲得コスト（CAC）`,
    describeHandoffs: (who, handoffs, won, lost, open) =>
      `${who}: トスアップ ${handoffs} 件、受注 ${won} 件、失注 ${lost} 件、進行中 ${open} 件`,
  },
  notes: {
    noAmounts: '商談に金額がないため、金額のグラフは省略します。',
    noCohorts: '期間内に初回受注した取引先がないため、コホートはありません。',
    mape: (mape, pipeline) =>
      `平均絶対誤差率（MAPE）: 受注金額全体に対して ${mape}、各時点の進行中商談の受注金額に対して ${pipeline}。`,
  },
};

/** The words of the pipeline and cohorts pages in `lang`. */
export function pipelineHtmlText(lang: Lang = 'en'): PipelineHtmlText {
  return lang === 'ja' ? ja : en;
}
