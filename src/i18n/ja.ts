import { stripVTControlCharacters } from 'node:util';
import type { Dimension } from '../engine/deal.js';
import type { KgiStatus, Severity } from '../engine/check/index.js';
import type { AnyMetricId } from '../engine/metrics/index.js';
import type { Granularity } from '../engine/periods.js';
import type { ConfigLocation, InputLocation, SalesmetricsError } from '../errors.js';
import type { PresetName } from '../ingest/presets.js';
import type { RowProblem } from '../ingest/row-problem.js';
import { NO_ACTIVITIES } from '../engine/check/plan-chain.js';
import type { Messages } from './messages.js';
import { pipelineJa } from './pipeline-ja.js';

/** The metrics' names, in the words Japanese sales teams use. */
const METRIC: Record<AnyMetricId, string> = {
  revenue: '売上高',
  deals_won: '受注件数',
  deals_lost: '失注件数',
  deals_open: '進行中商談数',
  pipeline_value: 'パイプライン金額',
  win_rate: '受注率',
  avg_deal_size: '平均売上単価',
  sales_cycle_days_mean: '平均セールスサイクル(日)',
  sales_cycle_days_median: 'セールスサイクル中央値(日)',
  new_customers: '新規顧客獲得数',
  customer_retention_rate: '顧客維持率',
  handoffs: 'トスアップ数',
  handoffs_won: 'トスアップ受注',
  handoffs_lost: 'トスアップ失注',
  handoffs_open: 'トスアップ進行中',
  handoff_win_rate: 'トスアップ受注率',
  handoff_revenue: 'トスアップ売上',
  activities: '活動件数',
  activities_call: '架電数',
  activities_email: 'メール数',
  activities_meeting: 'ミーティング数',
  activities_visit: '訪問数',
  activities_video: 'Web会議数',
  activities_other: 'その他活動数',
  activity_hours: '活動時間(h)',
  appointments_set: 'アポ獲得数',
  call_to_appointment_rate: '架電あたりアポ率',
  revenue_per_activity_hour: '活動時間あたり売上',
  activity_hours_per_won_deal: '受注あたり活動時間(h)',
  acquisition_cost: '獲得費用',
  cac: '顧客獲得単価(CAC)',
  survey_responses: 'アンケート回答数',
  csat: '顧客満足度(CSAT)',
  csat_mean: 'CSAT平均',
  nps: 'NPS',
};

const GRANULARITY: Record<Granularity, string> = { week: '週次', month: '月次', quarter: '四半期', year: '年度' };
const BY_PERIOD: Record<Granularity, string> = { week: '週別', month: '月別', quarter: '四半期別', year: '年度別' };

const DIMENSION: Record<Dimension, string> = {
  owner: '担当者',
  team: 'チーム',
  segment: 'セグメント',
  channel: 'チャネル',
  source: 'リードソース',
  currency: '通貨',
  appointer: 'アポインター',
};

const SEVERITY: Record<Severity, string> = { pass: '合格', warn: '警告', fail: '不合格' };

const KGI_STATUS: Record<KgiStatus, string> = {
  on_track: '順調',
  behind: '遅れ',
  achieved: '達成',
  missed: '未達',
  no_data: 'データなし',
};

const PRESET: Record<PresetName, string> = {
  salesforce: 'Salesforce のレポートエクスポート',
  'salesforce-ja': 'Salesforce のレポートエクスポート（日本語版）',
  hubspot: 'HubSpot の取引エクスポート',
  pipedrive: 'Pipedrive の取引エクスポート',
};

/** The engine words why a figure of a plan is null in English; these are its reasons. */
const PLAN_REASON: Readonly<Record<string, string>> = {
  'no deal won yet in the KGI window, so the average deal size is unknown':
    'KGI の期間にまだ受注がないため、平均売上単価がわかりません',
  'no deal closed yet in the KGI window, so the win rate is unknown':
    'KGI の期間にまだクローズした商談がないため、受注率がわかりません',
  'the win rate is 0': '受注率が 0 です',
  'no month remains before the deadline': '期限までに残りの月がありません',
  'no handoff closed yet in the KGI window, so the meetings per closed deal are unknown':
    'KGI の期間にまだクローズしたトスアップがないため、クローズ 1 件あたりのトスアップ数がわかりません',
  'no appointment set yet in the KGI window, so the calls per appointment are unknown':
    'KGI の期間にまだアポ獲得がないため、アポ 1 件あたりの架電数がわかりません',
  'no activities file, so the calls per appointment are unknown':
    '活動ファイル（--activities）がないため、アポ 1 件あたりの架電数がわかりません',
};

/** The title of each input's tables. */
const INPUT_TITLE = { handoffs: 'トスアップ', activities: '活動', costs: '費用', surveys: 'アンケート' } as const;

/** What a row of each input is, in a missing-value message. */
const ROW_NOUN = { activities: '活動', costs: '費用の行', surveys: 'アンケート回答' } as const;

/** Why a missing value is needed, from the problem's column and status. */
function missingDetail(p: RowProblem): string {
  if (p.status === undefined) {
    return p.column === 'deal_id' ? 'どの商談にも ID が必要です' : `どの商談にも ${p.column ?? '値'} が必要です`;
  }
  if (p.column === 'amount') return '受注した商談には金額が必要です';
  return `${p.status === 'won' ? '受注' : '失注'}した商談には完了日が必要です`;
}

const location = (err: SalesmetricsError): Partial<InputLocation> =>
  (err as SalesmetricsError & { location?: Partial<InputLocation> }).location ?? {};

const str = (v: string | number | undefined): string => (v === undefined ? '' : String(v));

/**
 * The common errors in Japanese, from their code, location and arguments.
 * Where a detail exists only in the English message (a CSV parser's
 * message, the headers found), it is taken from there; a message of another
 * shape stays English.
 */
function error(err: SalesmetricsError): string {
  const loc = location(err);
  const file = loc.file ?? '';
  const at = loc.line === undefined ? file : `${file}:${loc.line}`;
  const msg = err.message;
  switch (err.code) {
    case 'file_not_found': {
      const flag = str(err.args.flag);
      return `${file}: ファイルが見つかりません。${flag === '' ? '' : `${flag} の`}パスを確認してください`;
    }
    case 'file_unreadable':
      return err.args.why === 'directory'
        ? `${file}: ディレクトリです。${str(err.args.kind)} ファイルを指定してください`
        : `${file}: 読み取る権限がありません。ファイルの権限を確認してください`;
    case 'empty_file':
      return `${file}: ファイルが空です。1 行目にヘッダー行が必要です`;
    case 'csv_syntax':
      return `${at}: CSV として正しくありません: ${str(err.args.reason)}（この行付近の引用符を確認してください）`;
    case 'bad_encoding': {
      if (err.kind === 'usage') {
        return `--encoding ${str(err.args.value)}: auto、utf8、utf16、cp932 のいずれかを指定してください`;
      }
      const byte = err.args.byte;
      return (
        `${at}: UTF-8 として読めません${byte === undefined ? '' : `（バイト位置 ${str(byte)}）`}。` +
        'Excel で保存した Shift_JIS/CP932 のファイルなら --encoding cp932 を指定してください'
      );
    }
    case 'ambiguous_date':
      return (
        `${at}: 列 ${loc.column ?? ''}: ${JSON.stringify(loc.value ?? '')} は MM/DD/YYYY とも DD/MM/YYYY とも読めます。` +
        '--date-format M/D/YYYY（または D/M/YYYY）でどちらかを指定してください'
      );
    case 'missing_column':
      return missingColumn(err, file);
    case 'duplicate_stage':
      // A config file's problems come together (ConfigErrors), one line each.
      return ((err as SalesmetricsError & { errors?: readonly SalesmetricsError[] }).errors ?? [err])
        .map(stageError)
        .join('\n');
    case 'bad_date_format': {
      const text = /^--date-format "(.*)":/.exec(msg)?.[1];
      return text === undefined
        ? msg
        : `--date-format "${text}": YYYY、MM、DD、M、D をそれぞれ 1 回ずつ使ってください（例: MM/DD/YYYY、DD.MM.YYYY）`;
    }
    case 'bad_ids_in_memory':
      return `SALESMETRICS_IDS_IN_MEMORY="${str(err.args.value)}" は ID の数ではありません。1 以上の整数を指定するか、未設定にしてください（既定値 ${str(err.args.default)}）`;
    case 'temp_unwritable':
      return `${str(err.args.dir)} に一時ファイルを書けません（${str(err.args.reason)}）。TMPDIR に書き込めるディレクトリを指定するか、SALESMETRICS_IDS_IN_MEMORY をファイルの行数より大きくして ID をすべてメモリに置いてください`;
    case 'bad_window':
      return err.args.from === undefined
        ? '--from が --to より後です。from ≤ to となる期間を指定してください'
        : `期間 ${str(err.args.from)} 〜 ${str(err.args.to)} は空です。--from か --to を調整してください`;
    case 'bad_map':
      return err.args.field === undefined
        ? msg
        : `--map ${str(err.args.field)}=…: 不明なフィールドです。商談のフィールドは ${str(err.args.fields)} です`;
    case 'missing_currency':
      return '--rates には --currency CODE（換算先の通貨）も指定してください';
    case 'bad_rate':
      return `${at}: 列 rate: ${JSON.stringify(loc.value ?? '')} は ${JSON.stringify(str(err.args.currency))} の正のレート（小数）ではありません`;
    case 'mixed_currencies': {
      const list = [...str(err.args.currencies).split(', '), ...(err.args.blank === 1 ? ['通貨の記載なし'] : [])]
        .filter((x) => x !== '')
        .join('、');
      return `${file} には複数の通貨（${list}）の金額があります。パイプラインは金額を合計するので、--rates FILE --currency CODE で換算してください`;
    }
    case 'no_dates':
      return file === ''
        ? '日付のある商談がありません。ターゲットファイルに window.from を書くか、--from を指定してください'
        : `${file}: 日付のある商談がありません。--from と --to で期間を指定してください`;
    case 'unknown_column': {
      const guess = str(err.args.guess);
      return (
        `${file}: 列 \`${loc.column ?? ''}\`（${str(err.args.flag)}）が見つかりません。見つかった列: ${str(err.args.headers)}` +
        (guess === '' ? '' : ` — \`${guess}\` のことですか？ ${str(err.args.flag)} '${guess}'`)
      );
    }
    case 'too_few_variants':
      return (
        `${file}: ${err.args.window === 1 ? '期間内に' : ''}クローズした商談の列 \`${loc.column ?? ''}\` の値が` +
        (err.args.count === 0 ? 'ありません' : ` 1 種類（${str(err.args.found)}）だけです`) +
        `。A/B テストには 2 種類以上が必要です。--variant${err.args.window === 1 ? '、--from、--to' : ''} を確認してください`
      );
    case 'unknown_control': {
      const guess = str(err.args.guess);
      return (
        `--control ${str(err.args.control)}: ${str(err.args.column)} が "${str(err.args.control)}" のクローズ済み商談がありません。値: ${str(err.args.values)}` +
        (guess === '' ? '' : ` — ${guess} のことですか？`)
      );
    }
    case 'no_accounts':
      return `${file}: account_id・account_name の列がありません。コホートは取引先ごとに作るため、--map account_id='<列名>' で対応付けてください`;
    case 'stdin_twice':
      return '標準入力（-）から読めるのは 1 つの入力だけです。ほかはファイルで指定してください';
    case 'output_unwritable': {
      const f = str(err.args.file);
      switch (err.args.why) {
        case 'no_directory':
          return `-o ${f}: ディレクトリ ${str(err.args.detail)} がありません。作成するか、別のパスを指定してください`;
        case 'directory':
          return `-o ${f}: ディレクトリです。ファイル名を指定してください`;
        default:
          return `-o ${f}: 書き込めません（${str(err.args.detail)}）。権限を確認するか、別のパスを指定してください`;
      }
    }
    case 'file_exists':
      return err.args.file === undefined
        ? msg
        : `${str(err.args.file)} は既にあります。上書きするなら --force を、別のファイルにするなら --targets OTHER.yaml を指定してください`;
    default:
      return msg;
  }
}

/** A problem of the config's `stages:` list, from its place and arguments; another stays English. */
function stageError(err: SalesmetricsError): string {
  if (err.code !== 'duplicate_stage') return err.message;
  const { file, line, column, path } = (err as SalesmetricsError & { location: ConfigLocation }).location;
  const where = line === undefined ? file : `${file}:${line}:${column ?? ''}`;
  const other = `stages[${str(err.args.other)}]`;
  return err.args.name !== undefined
    ? `${where}: ${path ?? ''}: フェーズ "${str(err.args.name)}" が 2 回あります（${other} にも）`
    : `${where}: ${path ?? ''}: order ${str(err.args.order)} が 2 回あります（${other} にも）`;
}

/** `missing_column` of a deals file (worded by the column resolver) or of a --rates file. */
function missingColumn(err: SalesmetricsError, file: string): string {
  if (err.args.found !== undefined)
    return `${file}: currency,rate の列が必要です。見つかった列: ${str(err.args.found)}`;
  const a = err.args;
  if (a.input !== undefined) {
    // A missing column of activities, costs or surveys: the fix is in the config file.
    const what =
      a.mappedHeader === undefined
        ? `列 ${str(a.fields)} が見つかりません`
        : `列 \`${str(a.mappedHeader)}\`（${str(a.mappedField)} に対応付け）が見つかりません`;
    const guess = str(a.guesses) === '' ? '' : `${str(a.guesses)} のことですか？ `;
    return `${file}: ${what}。見つかった列: ${str(a.headers)} — ${guess}salesmetrics.config.yaml で対応付けてください: ${str(a.configLine)}`;
  }
  if (a.flags === undefined) return err.message;
  const what =
    a.mappedHeader === undefined
      ? `列 ${str(a.fields)} が見つかりません`
      : `列 \`${str(a.mappedHeader)}\`（${str(a.mappedField)} に対応付け）が見つかりません`;
  const fix =
    str(a.guesses) === ''
      ? `${str(a.flags)} で対応付けてください`
      : `${str(a.guesses)} のことですか？ ${str(a.flags)} で対応付けてください`;
  return `${file}: ${what}。見つかった列: ${str(a.headers)} — ${fix}（salesmetrics.config.yaml の ${str(a.configLine)} でも指定できます。または --preset ${str(a.presets)}）`;
}

/** A commander parsing error in Japanese, or `undefined` for one of another shape. */
function commanderError(code: string, message: string): string | undefined {
  const suggestion = (s: string | undefined): string =>
    s === undefined ? '' : `（もしかして: ${s.replace(/^one of /, '')}）`;
  let m: RegExpExecArray | null;
  switch (code) {
    case 'commander.unknownOption':
      m = /^unknown option '([^']+)'(?:\n\(Did you mean (.+)\?\))?$/.exec(message);
      return m === null ? undefined : `不明なオプション '${m[1] ?? ''}' です${suggestion(m[2])}`;
    case 'commander.unknownCommand':
      m = /^unknown command '([^']+)'(?:\n\(Did you mean (.+)\?\))?$/.exec(message);
      return m === null ? undefined : `不明なコマンド '${m[1] ?? ''}' です${suggestion(m[2])}`;
    case 'commander.missingArgument':
      m = /^missing required argument '([^']+)'$/.exec(message);
      return m === null ? undefined : `必須の引数 '${m[1] ?? ''}' がありません`;
    case 'commander.optionMissingArgument':
      m = /^option '(.+)' argument missing$/.exec(message);
      return m === null ? undefined : `オプション '${m[1] ?? ''}' に値がありません`;
    case 'commander.missingMandatoryOptionValue':
      m = /^required option '(.+)' not specified$/.exec(message);
      return m === null ? undefined : `必須のオプション '${m[1] ?? ''}' が指定されていません`;
    case 'commander.excessArguments':
      m = /Expected (\d+) arguments? but got (\d+)\.$/.exec(message);
      return m === null ? undefined : `引数が多すぎます（${m[1] ?? ''} 個のところ ${m[2] ?? ''} 個）`;
    case 'commander.invalidArgument': {
      const reason = (text: string): string => {
        const choices = /^Allowed choices are (.*)\.$/.exec(text);
        return choices === null ? text : `${(choices[1] ?? '').split(', ').join('、')} のいずれかを指定してください。`;
      };
      m = /^option '(.+?)' argument '(.*?)' is invalid\. ([\s\S]*)$/.exec(message);
      if (m !== null) return `オプション '${m[1] ?? ''}' の値 '${m[2] ?? ''}' は使えません。${reason(m[3] ?? '')}`;
      m = /^command-argument value '(.*?)' is invalid for argument '(.+?)'\. ([\s\S]*)$/.exec(message);
      if (m !== null) return `引数 '${m[2] ?? ''}' の値 '${m[1] ?? ''}' は使えません。${reason(m[3] ?? '')}`;
      return undefined;
    }
    default:
      return undefined;
  }
}

// East Asian wide and full-width characters (kana, kanji, hangul, full-width forms): two columns each.
const W =
  '\\u1100-\\u115F\\u2E80-\\u303E\\u3041-\\u33FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uA000-\\uA4CF\\uAC00-\\uD7A3\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFF60\\uFFE0-\\uFFE6';
const WIDE = new RegExp(`[${W}]`, 'gu');
// Japanese lines break between any two wide characters, but never after an
// opening bracket nor before a closing one or a comma, full stop or long vowel mark.
const OPENING = '（「『【［〔';
const CLOSING = '）」』】］〕、。・：！？ー):;,.!?';
const CHUNK = new RegExp(`\\s*[${OPENING}]*(?:[${W}]|[^\\s${W}]+)[${CLOSING}]*`, 'gu');

/** Terminal columns of help text: ANSI colours take none, wide characters two. */
function displayWidth(text: string): number {
  const plain = stripVTControlCharacters(text);
  return [...plain].length + (plain.match(WIDE)?.length ?? 0);
}

/** Commander's `boxWrap` for Japanese: fills lines to `width` columns, breaking between characters as well as at spaces. */
function wrap(text: string, width: number): string {
  if (width < 40) return text; // commander's minWidthToWrap
  const out: string[] = [];
  for (const line of text.split(/\r\n|\n/)) {
    let current = '';
    let used = 0;
    for (const chunk of line.match(CHUNK) ?? []) {
      const w = displayWidth(chunk);
      if (current === '' || used + w <= width) {
        current += current === '' ? chunk.trimStart() : chunk;
        used = displayWidth(current);
      } else {
        out.push(current);
        current = chunk.trimStart();
        used = displayWidth(current);
      }
    }
    out.push(current);
  }
  return out.join('\n');
}

/** Japanese: `--lang ja`, or a `ja_JP` locale in LC_ALL, LC_MESSAGES or LANG. */
export const ja: Messages = {
  lang: 'ja',
  locale: 'ja-JP',

  metricName: (id, label) => METRIC[id] ?? label,
  checkMetric: (id) => METRIC[id] ?? id,
  granularity: (g) => GRANULARITY[g],
  dimension: (d) => DIMENSION[d] ?? d,
  none: '（なし）',

  report: {
    title: (from, to) => `商談 ${from} 〜 ${to}`,
    settings: (g, fy) => `（${GRANULARITY[g]}${fy === 1 ? '' : `、期首 ${fy} 月`}）`,
    inputs: (path, rows, used, rejected) => `${path}: ${rows} 行（使用 ${used} 行、除外 ${rejected} 行）`,
    totals: '合計',
    metric: '指標',
    total: '合計',
    period: '期間',
    byPeriod: (g) => BY_PERIOD[g],
    byDimension: (d) => `${DIMENSION[d] ?? d}別`,
    inputByPeriod: (input, g) => `${INPUT_TITLE[input]}（${BY_PERIOD[g]}）`,
    inputByDimension: (input, d) => `${INPUT_TITLE[input]}（${DIMENSION[d] ?? d}別）`,
    notGrouped: (input, d) =>
      `${INPUT_TITLE[input]}のデータには${DIMENSION[d] ?? d}がないため、${INPUT_TITLE[input]}の指標は${DIMENSION[d] ?? d}別では — です。`,
    costsInTotalsOnly: (d) => `${DIMENSION[d] ?? d}の記載がない費用は合計にのみ含まれます。`,
    insideVsOutside: 'インサイドセールスとフィールドセールスの比較',
    handoffMatrix: 'アポインター × 担当者別のトスアップ（受注 / トスアップ数）',
  },

  check: {
    marker: (s) => SEVERITY[s],
    noDataMarker: 'データなし',
    severity: (s) => SEVERITY[s],
    title: (asOf) => `目標の判定（${asOf} 時点）:`,
    window: (from, to) => `（KPI 集計期間 ${from} 〜 ${to}）`,
    kgis: 'KGI',
    kpis: 'KPI',
    plan: '逆算',
    head: { kpi: 'KPI', scope: '範囲', metric: '指標', actual: '実績', bound: '基準', status: '判定' },
    kpiStatus: (status, severity) =>
      status === 'no_data' ? `データなし（${SEVERITY[severity]}扱い）` : SEVERITY[status],
    kpiStatusShort: (status, severity) =>
      status === 'no_data' ? `データなし（${SEVERITY[severity]}扱い）` : SEVERITY[status],
    kgiStatus: (s) => KGI_STATUS[s],
    summary: (pass, warn, fail, noData) => `合格 ${pass}・警告 ${warn}・不合格 ${fail}・データなし ${noData}`,
    kgiPeriod: (start, deadline) => `（${start} 〜 ${deadline}）`,
    range: (start, deadline) => `${start} 〜 ${deadline}`,
    wholeWindow: '期間全体',
    scopeBy: (d) => DIMENSION[d] ?? d,
    progress: (p) =>
      `実績 ${p.actual} / 目標 ${p.target}` +
      (p.achievement === null ? '' : `（達成率 ${p.achievement}）`) +
      `、経過 ${p.elapsed}、ペース目標 ${p.pace}` +
      (p.projection === null ? '' : `、着地見込み ${p.projection}`),
    planText: (p) => {
      const pieces = [
        `残り ${p.remaining}`,
        p.revenue ? `平均売上単価 ${p.avgDealSize} で受注 ${p.dealsToWin} 件` : `受注 ${p.dealsToWin} 件`,
        `受注率 ${p.winRate} でクローズ ${p.dealsToClose} 件`,
        p.remainingMonths === 0
          ? '残りの月なし'
          : `残り ${p.remainingMonths} か月で月あたり受注 ${p.dealsToWinPerMonth} 件・クローズ ${p.dealsToClosePerMonth} 件`,
      ];
      const why = p.reasons.length === 0 ? '' : `（${p.reasons.map((r) => PLAN_REASON[r] ?? r).join('。')}）`;
      return pieces.join(' → ') + why;
    },
    chain: 'アポ逆算',
    chainText: (p) => {
      const pieces = [
        `トスアップ ${p.meetings} 件（これまでトスアップ ${p.handoffs} 件中 ${p.closed} 件がクローズ）`,
        ...(p.callsKnown ? [`架電あたりアポ率 ${p.rate} で架電 ${p.calls} 件`] : []),
        p.remainingMonths === 0
          ? '残りの月なし'
          : `残り ${p.remainingMonths} か月で月あたりトスアップ ${p.meetingsPerMonth} 件` +
            (p.callsKnown ? `・架電 ${p.callsPerMonth} 件` : ''),
      ];
      const reasons = p.callsKnown ? p.reasons : p.reasons.filter((r) => r !== NO_ACTIVITIES);
      const why = reasons.length === 0 ? '' : `（${reasons.map((r) => PLAN_REASON[r] ?? r).join('。')}）`;
      return pieces.join(' → ') + why;
    },
    appointersText: (rows) =>
      `アポインター別: ${rows
        .map((r) =>
          r.calls === null
            ? `${r.appointer} トスアップ ${r.meetings} 件（月あたり ${r.meetingsPerMonth} 件）`
            : `${r.appointer} トスアップ ${r.meetings} 件・架電 ${r.calls} 件（月あたり ${r.meetingsPerMonth} 件・${r.callsPerMonth ?? '—'} 件）`,
        )
        .join('、')}`,
    markdown: {
      heading: (emoji, status) => `## ${emoji} salesmetrics 目標の判定: ${SEVERITY[status]}`,
      line: (asOf, from, to, summary) => `${asOf} 時点 · KPI 集計期間 ${from} 〜 ${to} · ${summary}`,
      kgiHead: { kgi: 'KGI', metric: '指標', progress: '進捗', status: '判定', period: '期間' },
      planFor: (id) => `**${id} の逆算:**`,
    },
  },

  rowProblem(p) {
    const col = p.column === undefined ? '' : `列 ${p.column}: `;
    const value = JSON.stringify(p.value ?? '');
    switch (p.code) {
      case 'missing_value':
        if (p.input !== undefined) return `${col}空です。どの${ROW_NOUN[p.input]}にも ${p.column ?? '値'} が必要です`;
        return `${col}空です。${missingDetail(p)}`;
      case 'bad_date':
        return `${col}${value} は日付として読めません（YYYY-MM-DD 形式）`;
      case 'bad_amount':
        return `${col}${value} は数値として読めません（1234.5 のような小数で、小数点以下 4 桁まで）`;
      case 'bad_probability':
        return `${col}${value} は確度として読めません。0〜100（または 0〜1）の数値で書いてください（例: 75、0.75）`;
      case 'duplicate_id':
        return `${col}${value} が複数回出てきます。商談 ID は重複できません（最初の行を使います）`;
      case 'close_before_created':
        return `${col}${value} が created_date ${JSON.stringify(p.created ?? '')} より前です。どちらかの日付を直してください`;
      case 'no_rate':
        return `${col}--rates のファイルに ${value} のレートがありません。${p.value ?? ''},<レート> の行を追加してください`;
      case 'field_count':
        return `フィールドが ${p.fields?.row ?? '?'} 個ありますが、ヘッダーは ${p.fields?.header ?? '?'} 個です。この行の引用符を確認してください`;
      case 'bad_choice': {
        const allowed = p.choices?.allowed ?? [];
        const [section, key] = (p.choices?.config ?? '').split('.');
        return `${col}${value} は ${allowed.join('、')} のいずれでもありません。salesmetrics.config.yaml で対応付けてください: ${section ?? ''}: { ${key ?? ''}: { ${value}: <${allowed.join('|')}> } }`;
      }
      case 'bad_duration':
        return `${col}${value} は分数として読めません（30 や 12.5 のような 0 以上の数）`;
      case 'bad_score':
        return `${col}${value} は ${p.score?.min ?? '?'}〜${p.score?.max ?? '?'} の整数ではありません（${p.score?.type ?? ''} の尺度）`;
      case 'currency_mismatch':
        return `${col}${value} は商談の通貨 ${p.expected ?? ''} と違います。換算するには --rates FILE --currency ${p.expected ?? 'CODE'} を指定してください`;
    }
  },
  warning: (text) => `警告: ${text}`,
  invalidRows: (file, count) =>
    `${file}: 不正な行が ${count} 行あります。修正するか、--skip-invalid を指定して除外してください`,
  skippedRows: (file, count, first, rejects) =>
    `${file} の不正な行 ${count} 行を除外しました` +
    (first === undefined ? '' : `（最初の行: ${first}）`) +
    (rejects === undefined ? '。--rejects FILE で書き出せます' : `。${rejects} に書き出しました`),
  note(file, note, presetLabel) {
    switch (note.code) {
      case 'preset_detected':
        return `${file}: ${presetLabel}として読み込みました（--preset ${note.preset}）`;
      case 'lines_skipped':
        return `${file}: ${note.kind === 'title' ? 'タイトル' : 'フッター'}行を ${note.count} 行読み飛ばしました（最初の行: ${JSON.stringify(note.first)}）`;
    }
  },
  missingField(file, what) {
    switch (what) {
      case 'amount':
        return `${file}: 金額（amount）の列がないため、売上高・パイプライン金額・平均売上単価は算出できません（null）`;
      case 'created_date':
        return `${file}: 作成日（created_date）の列がないため、平均セールスサイクル(日)・セールスサイクル中央値(日)は算出できません（null）`;
      case 'account':
        return `${file}: 取引先（account_id・account_name）の列がないため、新規顧客獲得数・顧客維持率は算出できません（null）`;
    }
  },
  mixedCurrencies(file, currencies, blank) {
    const list = [...currencies, ...(blank ? ['通貨の記載なし'] : [])].join('、');
    return `${file} には複数の通貨（${list}）の金額があります。金額の指標は通貨別（by currency）に示し、合計では null になります。換算するには --rates FILE --currency CODE を指定してください`;
  },
  inputMissing: (file, path, metric, input) =>
    `${file}: ${path}（${metric}）には${
      input === 'handoffs' ? '商談ファイルの appointer 列' : ` --${input} FILE `
    }が必要です。データなしになります`,
  wroteTargets: (file) => `${file} を書き出しました。確認するには: salesmetrics check deals.csv --targets ${file}`,
  wroteOutput: (file) => `${file} を書き出しました`,

  error,
  usage: (code, message) =>
    code === 'commander.help'
      ? 'コマンドを指定してください（salesmetrics --help を参照）'
      : `${commanderError(code, message) ?? message}（salesmetrics --help を参照してください）`,
  option: {
    notADate: (value) => `"${value}" は日付ではありません。YYYY-MM-DD 形式で指定してください（例: 2025-04-01）。`,
    notAMonth: (value) => `"${value}" は月ではありません。1〜12 で指定してください（例: 4 月始まりなら 4）。`,
    notAMapping: (value) => `"${value}" は フィールド=列名 の形ではありません（例: --map deal_id='Opportunity ID'）。`,
    notJobs: (value) =>
      `"${value}" は分割数ではありません。auto または 1〜64 で指定してください（例: 分けずに読むなら --jobs 1）。`,
    notACount: (value, min, max) => `"${value}" は ${min}〜${max} の整数ではありません。`,
  },
  presetLabel: (name, label) => PRESET[name] ?? label,
  pipeline: pipelineJa,

  help: {
    titles: {
      'Usage:': '使い方:',
      'Options:': 'オプション:',
      'Commands:': 'コマンド:',
      'Arguments:': '引数:',
      'Global Options:': 'グローバルオプション:',
    },
    words: { choices: '選択肢', default: '既定値', list: (items) => `（${items.join('。')}）` },
    displayWidth,
    wrap,
    program: 'CRM/SFA の CSV エクスポートから、信頼できる営業指標を計算します。',
    version: 'バージョンを表示する',
    help: 'ヘルプを表示する',
    helpCommand: 'コマンドのヘルプを表示する',
    file: '商談の CSV ファイル（- なら標準入力）',
    lang: 'メッセージ・表・ヘルプの言語: en または ja（既定: LC_ALL、LC_MESSAGES、LANG から判定）',
    noColor: '色を付けない（NO_COLOR があるときや端末でないときも色なし）',
    format: '出力形式（html: グラフ付きの 1 ファイルで完結するページ。-o と併用）',
    output: '標準出力の代わりにこのファイルに書き出す（- なら標準出力）',
    report: {
      description: '商談 CSV から売上高・受注率・平均売上単価・セールスサイクル・新規顧客獲得数・顧客維持率を計算する',
      from: '集計期間の初日 YYYY-MM-DD（既定: ファイルの最初の月）',
      to: '集計期間の最終日 YYYY-MM-DD（既定: ファイルの最後の月）',
      period: '行ごとの期間の単位（既定: month、またはターゲットファイルの指定）',
      fiscalYearStart: '期首の月 1〜12（4 月始まりの年度なら 4。既定: 1）',
      by: 'この列のグループごとにも集計する',
      targets: 'この YAML ファイルの KGI/KPI 目標も判定する（不合格があれば終了コード 1）',
      asOf: '--targets と併用: 目標を判定する基準日（既定: 今日）',
      examples: `
例:
  $ salesmetrics report fixtures/deals.csv --lang ja
  $ salesmetrics report deals.csv --period quarter --fiscal-year-start 4 --by team
  $ salesmetrics report deals.csv --from 2025-04-01 --to 2026-03-31 --format json
  $ cat deals.csv | salesmetrics report - --format csv > metrics.csv
  $ salesmetrics report export.csv --map deal_id='商談 ID' --map stage='フェーズ'
  $ salesmetrics report deals.csv --skip-invalid --rejects rejected.csv
  $ salesmetrics report deals.csv --activities activities.csv --costs costs.csv --surveys surveys.csv --by appointer
  $ salesmetrics report deals.csv --targets targets.yaml --by team --format html -o report.html --lang ja

終了コード: 0 成功、1 目標に不合格あり（--targets 指定時）、2 使い方・設定・入力のエラー`,
    },
    check: {
      description: 'YAML ファイルの KGI/KPI 目標で商談を判定する（目標に届かなければ終了コード 1）',
      targets: 'ターゲットファイル（YAML。salesmetrics init を参照）',
      asOf: 'この日付の時点で判定する YYYY-MM-DD（既定: 今日）',
      from: 'KPI 集計期間の初日（既定: ターゲットファイル、なければ商談ファイルから）',
      to: 'KPI 集計期間の最終日（既定: ターゲットファイル、なければ商談ファイルから）',
      period: 'each_period の判定の期間の単位（既定: ターゲットファイル、なければ month）',
      fiscalYearStart: '期首の月 1〜12（既定: ターゲットファイル、なければ 1）',
      failOn: '終了コード 1 にする条件: 不合格のみ（fail）か、警告も含めるか（warn）',
      examples: `
例:
  $ salesmetrics init
  $ salesmetrics check deals.csv --targets targets.yaml --lang ja
  $ salesmetrics check deals.csv --targets targets.yaml --as-of 2025-09-30 --format json
  $ salesmetrics check deals.csv --targets targets.yaml --format junit > salesmetrics.xml
  $ salesmetrics check deals.csv --targets targets.yaml --format markdown >> "$GITHUB_STEP_SUMMARY"
  $ salesmetrics check deals.csv --targets targets.yaml --format html -o targets.html --lang ja

終了コード: 0 不合格なし（警告は可）、1 KPI か KGI に不合格あり（--fail-on warn なら警告も）、
2 使い方・ターゲットファイル・入力のエラー`,
    },
    deals: {
      preset: 'CRM のエクスポート形式（既定: ヘッダーから判定）',
      map: "フィールドを別の列から読む。例: --map deal_id='商談 ID'（複数回指定可）",
      config: '列の対応付けと書式の設定（既定: salesmetrics.config.yaml があればそれ）',
      encoding: 'auto（既定: BOM、なければ UTF-8、それ以外は CP932）、utf8、utf16、cp932',
      dateFormat: '01/02/2025 のような日付の書式: MM/DD/YYYY、DD/MM/YYYY など',
      decimalComma: '金額が 1.234,56 の形で書かれている',
      rates: 'currency,rate の CSV: すべての金額を --currency の通貨に換算する',
      currency: '--rates で換算する先の通貨（例: JPY）',
      skipInvalid: '不正な行があってもエラーにせず、除外して続ける（件数と警告を表示）',
      rejects: '除外した行を reason 列付きでこの CSV ファイルに書き出す',
      jobs: '大きな商談ファイルをいくつに分けて同時に読むか: auto = 32 MiB 以上のファイルをコア数（最大 4）に分ける、1 = 分けない',
    },
    abtest: {
      description:
        'バリアント（トーク、チャネル、リードソースなど）を受注率・平均売上単価・セールスサイクルで比較する（信頼区間、p 値、必要なサンプルサイズ付き）',
      variant: 'バリアントを表す列: variant、pitch、channel、source、team、または任意の列名',
      control: '他のバリアントと比べる対照（既定: 文字順で最初の値）',
      from: 'この日以降にクローズした商談だけを検定する YYYY-MM-DD',
      to: 'この日以前にクローズした商談だけを検定する YYYY-MM-DD',
      examples: `
例:
  $ salesmetrics abtest fixtures/deals.csv --variant channel --control inside --lang ja
  $ salesmetrics abtest deals.csv --variant pitch --control old --from 2025-04-01
  $ salesmetrics abtest deals.csv --variant source --format json

終了コード: 0 成功、2 使い方・設定・入力のエラー`,
    },
    cohorts: {
      description: '取引先を初回受注の期間でコホートに分け、期間ごとに再び受注した割合と売上高の維持率を示す',
      from: '集計期間の初日 YYYY-MM-DD（既定: ファイルの最初の月）',
      to: '集計期間の最終日 YYYY-MM-DD（既定: ファイルの最後の月）',
      period: 'コホートの期間の単位（既定: month）',
      fiscalYearStart: '期首の月 1〜12（4 月始まりの年度なら 4。既定: 1）',
      examples: `
例:
  $ salesmetrics cohorts fixtures/deals.csv --period quarter --fiscal-year-start 4 --lang ja
  $ salesmetrics cohorts deals.csv --from 2025-04-01 --to 2026-03-31 --format json
  $ salesmetrics cohorts deals.csv --period quarter --format html -o cohorts.html --lang ja

終了コード: 0 成功、2 使い方・設定・入力のエラー`,
    },
    pipeline: {
      description:
        'フェーズ別の進行中商談、確度加重パイプライン、期間別の売上予測（確度から・過去実績から）、バックテスト、フェーズファネル',
      asOf: 'この日の終わり時点のパイプラインを見る YYYY-MM-DD（既定: 今日）',
      period: '予測の期間の単位（既定: month、またはターゲットファイルの指定）',
      fiscalYearStart: '期首の月 1〜12（4 月始まりの年度なら 4。既定: 1）',
      horizon: '予測する期間の数（基準日を含む期間から）',
      staleDays: 'この日数より古い進行中商談を停滞とみなす（完了予定日を過ぎた商談も停滞）',
      segmentBy: '過去実績からの予測で、この列の同じグループのクローズ済み商談から学ぶ',
      backtest: '過去の期末時点で実績モデルの予測をやり直し、実際の受注と比べる',
      backtestPeriods: 'バックテストで遡る期間の数',
      from: 'フェーズファネル: この日以降に作成された商談（既定: すべて）',
      to: 'フェーズファネル: この日までに作成された商談（既定: すべて）',
      targets: 'ターゲットファイル: 売上の KGI に予測込みの着地見込みを示す',
      examples: `
例:
  $ salesmetrics pipeline fixtures/deals.csv --as-of 2026-03-31 --period quarter --fiscal-year-start 4 --lang ja
  $ salesmetrics pipeline deals.csv --horizon 6 --stale-days 60 --format json
  $ salesmetrics pipeline deals.csv --period quarter --backtest --backtest-periods 6
  $ salesmetrics pipeline deals.csv --backtest --format html -o pipeline.html --lang ja
  $ salesmetrics pipeline deals.csv --targets targets.yaml --config salesmetrics.config.yaml

フェーズの順序と既定の確度は salesmetrics.config.yaml の stages: で指定します。
終了コード: 0 成功、2 使い方・設定・入力のエラー`,
    },
    inputs: {
      activities:
        '活動の CSV（date、owner、type、duration_minutes、deal_id、outcome、channel）: 活動件数・活動時間・アポ獲得・インサイド/フィールド別',
      costs: '費用の CSV（date または YYYY-MM、amount、category sales|marketing|other、team、channel）: 獲得費用と CAC',
      surveys: 'アンケート回答の CSV（date、score、type csat|nps、owner、team）: CSAT と NPS',
    },
    init: {
      description: 'コメント付きのターゲットファイルのひな形を書き出す',
      targets: '書き出す先',
      force: '既存のファイルを上書きする',
    },
    schema: { description: 'ファイル形式の JSON Schema を表示する', format: 'ファイル形式' },
  },
};
