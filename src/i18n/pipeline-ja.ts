import type { Dimension } from '../engine/deal.js';
import type { Granularity } from '../engine/periods.js';
import type { PipelineText } from './messages.js';

const UNIT: Record<Granularity, string> = { week: '週', month: 'か月', quarter: '四半期', year: '年度' };
const BY: Record<Granularity, string> = { week: '週別', month: '月別', quarter: '四半期別', year: '年度別' };
const DIMENSION: Record<Dimension, string> = {
  owner: '担当者',
  team: 'チーム',
  segment: 'セグメント',
  channel: 'チャネル',
  source: 'リードソース',
  appointer: 'アポインター',
  currency: '通貨',
};

/** `salesmetrics pipeline` in Japanese. */
export const pipelineJa: PipelineText = {
  title: (asOf) => `パイプライン（${asOf} 時点）`,
  stages: 'フェーズ別の進行中商談',
  stageHead: {
    stage: 'フェーズ',
    deals: '件数',
    amount: '金額',
    weighted: '確度加重金額',
    probability: '確度',
    avgAge: '平均経過日数',
    stale: '停滞',
    staleAmount: '停滞金額',
  },
  total: '合計',
  forecast: (g) => `${BY[g]}の売上予測`,
  forecastHead: {
    period: '期間',
    wonSoFar: '受注済み',
    deals: '件数',
    open: '進行中金額',
    weighted: '確度加重',
    forecast: '着地予測',
    expected: '実績モデル見込',
    historyForecast: '実績モデル着地',
    commit: '達成予測',
    bestCase: '最善達成予測',
    openPipeline: 'パイプライン',
  },
  overdue: '完了予定日超過',
  later: 'それ以降',
  undated: '完了予定日なし',
  history: (by) => `過去実績からの予測（${DIMENSION[by]}別）`,
  historyHead: {
    segment: 'グループ',
    closed: 'クローズ',
    won: '受注',
    open: '進行中',
    amount: '金額',
    unforecastable: '対象外',
    expected: '見込み',
    winProbability: '受注確率',
  },
  historyFoot: (p) =>
    `受注確率 = 見込み ÷ 予測対象の金額。対象外: 作成日がないか、どのクローズ済み商談よりも古い商談。最後の期間より後の見込み: ${p.later}`,
  backtest: (n, g) => `実績モデルのバックテスト（直近 ${n} ${UNIT[g]}）`,
  backtestHead: {
    asOf: '基準日',
    period: '期間',
    forecast: '予測',
    won: '受注実績',
    ape: '誤差',
    wonFromPipeline: 'うちパイプライン分',
    apePipeline: '誤差',
  },
  mape: (mape, pipeline) =>
    `MAPE（平均絶対誤差率）: 受注実績全体に対して ${mape}、各基準日の進行中商談の受注に対して ${pipeline}`,
  funnel: (from, to) =>
    from === null && to === null
      ? 'フェーズファネル（全商談）'
      : `フェーズファネル（作成日 ${from ?? '…'} 〜 ${to ?? '…'} の商談）`,
  funnelHead: {
    stage: 'フェーズ',
    reached: '到達',
    conversion: '前フェーズから',
    cumulative: '最初から',
    open: '現在ここ',
    lost: 'ここで失注',
  },
  won: '受注',
  kgis: '売上 KGI の着地見込み（予測込み）',
  kgiLine: (p) =>
    `${p.id}${p.name === null ? '' : ` ${p.name}`}: 売上 ${p.actual} / 目標 ${p.target}（期限 ${p.deadline}）、` +
    `ペース着地 ${p.projection}、確度加重パイプライン ${p.weighted} を加えて ${p.weightedProjection}（${p.weightedAchievement}）、` +
    `実績モデル見込み ${p.expected} を加えて ${p.historyProjection}（${p.historyAchievement}）`,
  note(file, n) {
    switch (n.code) {
      case 'stage_order_from_probability':
        return `${file}: 設定に stages がないため、進行中商談の確度からフェーズの順序を決めました: ${n.stages.join(' → ')}（salesmetrics.config.yaml の stages: で指定できます）`;
      case 'no_stage_order':
        return `${file}: フェーズの順序がわかりません（salesmetrics.config.yaml に stages: がなく、確度の列もありません）。フェーズファネルは省きます`;
      case 'unknown_stages':
        return `${file}: 設定にないフェーズ（${n.stages.join('、')}）の進行中商談が ${n.deals} 件あります。表の最後に示し、ファネルからは除きます。salesmetrics.config.yaml の stages: に追加してください`;
      case 'no_probability':
        return `${file}: 確度のない進行中商談が ${n.deals} 件あります（フェーズ ${n.stages.join('、')}）。確度加重金額は null です。確度の列を埋めるか、salesmetrics.config.yaml でフェーズに probability を指定してください`;
      case 'unknown_lost_stages':
        return `${file}: lost_stage にフェーズの順序にない名前があります（${n.stages.join('、')}）。失注 ${n.deals} 件は最初のフェーズにだけ数えます`;
      case 'lost_without_stage':
        return `${file}: どのフェーズで失注したかわからない失注商談が ${n.deals} 件あります（lost_stage 列を追加してください）。ファネルでは最初のフェーズにだけ数えます`;
      case 'unknown_forecast_categories':
        return `${file}: 不明な売上予測分類 ${n.names.map((x) => JSON.stringify(x)).join('、')} は分類なしとして数えます。達成予測（Commit）、最善達成予測（Best Case）、パイプライン（Pipeline）、売上予測から除外（Omitted）などを使ってください`;
      case 'closed_since':
        return `${file}: 基準日に進行中だった商談のうち ${n.won + n.lost} 件（受注 ${n.won} 件、失注 ${n.lost} 件）はその後クローズしました。基準日時点のフェーズはエクスポートにないため、フェーズ別の表と確度加重の予測から除きます（実績モデルの予測には含めます）`;
      case 'unforecastable':
        return `${file}: 作成日がないか、どのクローズ済み商談よりも古い進行中商談が ${n.deals} 件あります。実績モデルの予測から除きます`;
    }
  },
};
