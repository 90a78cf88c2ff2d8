import type { AbMeanMetric, AbTestWarning } from '../engine/abtest.js';
import type { Lang } from './lang.js';

/** The numbers of a warning, already formatted for the locale. */
export interface AbWarningNumbers {
  /** `underpowered`: the win-rate difference in points, `20.0`. */
  points?: string;
  needed?: string;
  variantClosed?: string;
  controlClosed?: string;
  n?: string;
}

/** What `salesmetrics abtest` says, in one language. Numbers come formatted. */
export interface AbTestMessages {
  /** `A/B test by pitch, control old`. */
  title(column: string, control: string): string;
  /** After the title: the closed deals tested. */
  window(from: string | null, to: string | null): string;
  /** Where the deals went. */
  deals(p: { column: string; tested: string; open: string; outsideWindow: string; unassigned: string }): string;
  variants: string;
  /** Marks the control in the variants table. */
  controlMark: string;
  head: {
    variant: string;
    closed: string;
    won: string;
    lost: string;
    winRate: string;
    interval: string;
    avgDeal: string;
    cycle: string;
  };
  /** The comparisons' heading. */
  against(control: string): string;
  compareHead: {
    variant: string;
    metric: string;
    difference: string;
    interval: string;
    p: string;
    verdict: string;
    needed: string;
  };
  /** The unit of a win-rate difference after its number: ` pp`. */
  points: string;
  /** `significant` / `not significant`; `null`: no test. */
  verdict(significant: boolean): string;
  /** The footnote under the comparisons. */
  footnote: string;
  warningsHeading: string;
  warning(w: AbTestWarning, numbers: AbWarningNumbers): string;
}

const EN_METRIC: Record<AbMeanMetric, string> = {
  avg_deal_size: 'average deal size',
  sales_cycle_days_mean: 'sales cycle',
};
const JA_METRIC: Record<AbMeanMetric, string> = {
  avg_deal_size: '平均売上単価',
  sales_cycle_days_mean: '平均セールスサイクル',
};

const en: AbTestMessages = {
  title: (column, control) => `A/B test by ${column}, control ${control}`,
  window: (from, to) =>
    from === null && to === null ? '  (every closed deal)' : `  (deals closed ${from ?? '…'} – ${to ?? '…'})`,
  deals: (p) =>
    `${p.tested} closed deals tested; left out: ${p.open} open, ${p.outsideWindow} closed outside the window, ${p.unassigned} without a ${p.column}`,
  variants: 'Variants',
  controlMark: ' (control)',
  head: {
    variant: 'Variant',
    closed: 'Closed',
    won: 'Won',
    lost: 'Lost',
    winRate: 'Win rate',
    interval: '95% CI',
    avgDeal: 'Avg deal',
    cycle: 'Cycle avg (d)',
  },
  against: (control) => `Against ${control}`,
  compareHead: {
    variant: 'Variant',
    metric: 'Metric',
    difference: 'Difference',
    interval: '95% CI',
    p: 'p-value',
    verdict: 'Verdict',
    needed: 'Needed per arm',
  },
  points: ' pp',
  verdict: (significant) => (significant ? 'significant' : 'not significant'),
  footnote:
    'Win rate: Newcombe interval, two-proportion z-test; deal size and cycle: Welch t-test. Significant: p < 0.05 (two-sided). Needed per arm: closed deals to detect the observed difference with 80% power.',
  warningsHeading: 'Warnings',
  warning(w, x) {
    switch (w.code) {
      case 'underpowered':
        return `${w.variant} vs ${w.control} is underpowered: detecting a ${x.points ?? ''}-point difference in win rate with 80% power at α = 0.05 takes ${x.needed ?? ''} closed deals per arm; ${w.variant} has ${x.variantClosed ?? ''}, ${w.control} ${x.controlClosed ?? ''}. A real difference this size is easily missed, and a significant one overstated.`;
      case 'same_outcome':
        return `${w.variant} vs ${w.control}: every closed deal of both had the same outcome, so the win rates cannot be tested`;
      case 'too_few_values':
        return (
          `${w.arm} has ${x.n ?? ''} won ${w.n === 1 ? 'deal' : 'deals'}${w.metric === 'avg_deal_size' ? '' : ' with a created date'}: ` +
          `its ${EN_METRIC[w.metric]} is not tested (a t-test needs two or more)`
        );
      case 'no_variation':
        return `${w.variant} vs ${w.control}: the ${EN_METRIC[w.metric]} does not vary within either, so the t-test is left out`;
      case 'mixed_currencies':
        return `amounts are in several currencies (${w.currencies.map((c) => (c === '' ? 'none named' : c)).join(', ')}): deal sizes are not compared; pass --rates FILE --currency CODE to convert them`;
    }
  },
};

const ja: AbTestMessages = {
  title: (column, control) => `A/B テスト: ${column} 別（対照 ${control}）`,
  window: (from, to) =>
    from === null && to === null
      ? '（クローズしたすべての商談）'
      : `（${from ?? '…'} 〜 ${to ?? '…'} にクローズした商談）`,
  deals: (p) =>
    `検定したクローズ済み商談 ${p.tested} 件。除外: 進行中 ${p.open} 件、期間外にクローズ ${p.outsideWindow} 件、${p.column} が空欄 ${p.unassigned} 件`,
  variants: 'バリアント別',
  controlMark: '（対照）',
  head: {
    variant: 'バリアント',
    closed: 'クローズ',
    won: '受注',
    lost: '失注',
    winRate: '受注率',
    interval: '95% 信頼区間',
    avgDeal: '平均売上単価',
    cycle: '平均セールスサイクル(日)',
  },
  against: (control) => `${control}（対照）との比較`,
  compareHead: {
    variant: 'バリアント',
    metric: '指標',
    difference: '差',
    interval: '95% 信頼区間',
    p: 'p 値',
    verdict: '判定',
    needed: '必要件数/群',
  },
  points: ' pt',
  verdict: (significant) => (significant ? '有意' : '有意差なし'),
  footnote:
    '受注率: Newcombe の信頼区間と 2 標本の比率の z 検定。平均売上単価・セールスサイクル: Welch の t 検定。有意: p < 0.05（両側）。必要件数/群: 観測された差を検出力 80% で検出するのに必要な各群のクローズ済み商談数。',
  warningsHeading: '警告',
  warning(w, x) {
    switch (w.code) {
      case 'underpowered':
        return `${w.variant} と ${w.control} の比較は検出力が不足しています: 受注率の差 ${x.points ?? ''} ポイントを検出力 80%・有意水準 5% で検出するには各群 ${x.needed ?? ''} 件のクローズ済み商談が必要ですが、${w.variant} は ${x.variantClosed ?? ''} 件、${w.control} は ${x.controlClosed ?? ''} 件です。この大きさの差は見逃しやすく、有意になっても過大に見積もられがちです`;
      case 'same_outcome':
        return `${w.variant} と ${w.control}: どちらもすべての商談が同じ結果（すべて受注またはすべて失注）のため、受注率を検定できません`;
      case 'too_few_values':
        return `${w.arm}: ${w.metric === 'avg_deal_size' ? '' : '作成日のある'}受注が ${x.n ?? ''} 件のため、${JA_METRIC[w.metric]}は検定しません（t 検定には 2 件以上必要です）`;
      case 'no_variation':
        return `${w.variant} と ${w.control}: どちらの群でも${JA_METRIC[w.metric]}がすべて同じ値のため、t 検定はしません`;
      case 'mixed_currencies':
        return `金額が複数の通貨（${w.currencies.map((c) => (c === '' ? '通貨の記載なし' : c)).join('、')}）にまたがるため、平均売上単価は比較しません。換算するには --rates FILE --currency CODE を指定してください`;
    }
  },
};

/** The A/B test's wording in a language. */
export function abtestMessages(lang: Lang = 'en'): AbTestMessages {
  return lang === 'ja' ? ja : en;
}
