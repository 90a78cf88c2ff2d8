import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const FILES = [
  'fixtures/funnel-deals.csv',
  '--activities',
  'fixtures/funnel-activities.csv',
  '--costs',
  'fixtures/funnel-costs.csv',
  '--surveys',
  'fixtures/funnel-surveys.csv',
];

/** Every block of box-drawing lines: each line of one has the same display width. */
function expectTablesAligned(text: string): number {
  let tables = 0;
  let widths = new Set<number>();
  for (const line of [...text.split('\n'), '']) {
    if (/^[┌│├└]/.test(line)) widths.add(stringWidth(line));
    else if (widths.size > 0) {
      expect([...widths], text).toHaveLength(1);
      tables++;
      widths = new Set();
    }
  }
  return tables;
}

/*
 * fixtures/activities-ja.csv: Japanese headers, dates in three Japanese ways, and words for types and
 * outcomes. With fixtures/crm-config-activities-ja.yaml (outcome: ステータス; 飛び込み: visit;
 * アポ取れた: appointment_set):
 *   2025-01-02       加藤 テレアポ (call)   10    不在 (no appointment)
 *   2025/01/03       加藤 電話 (call)       12.5  アポ獲得 (built in: appointment_set)
 *   2025-01-06 10:00 加藤 架電 (call)        5    アポ取れた (the config: appointment_set)
 *   2025年1月10日    佐藤 飛び込み (visit)   90
 *   2025-01-20       佐藤 メール (email)     —
 * → 5 activities, 3 calls, 1 visit, 1 e-mail; 117.5 min; 2 appointments, 2 / 3 per call.
 */
describe('a Japanese activity export', () => {
  it('reads with Japanese header synonyms and the config file’s columns and words', async () => {
    const r = await runCli([
      'report',
      'fixtures/funnel-deals.csv',
      '--activities',
      'fixtures/activities-ja.csv',
      '--config',
      'fixtures/crm-config-activities-ja.yaml',
      '--format',
      'json',
    ]);
    expect(r.stderr).toBe('');
    const t = (JSON.parse(r.stdout) as { totals: Record<string, number | null> }).totals;
    expect([
      t.activities,
      t.activities_call,
      t.activities_visit,
      t.activities_email,
      t.activity_hours,
      t.appointments_set,
      t.call_to_appointment_rate,
    ]).toEqual([5, 3, 1, 1, 117.5 / 60, 2, 2 / 3]);
  });

  it('without the config, the unknown word is a rejected row, worded in Japanese with the fix', async () => {
    const r = await runCli([
      'report',
      'fixtures/funnel-deals.csv',
      '--activities',
      'fixtures/activities-ja.csv',
      '--lang',
      'ja',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'fixtures/activities-ja.csv:5: 列 type: "飛び込み" は call、email、meeting、visit、video、other のいずれでもありません。salesmetrics.config.yaml で対応付けてください: activities: { types: { "飛び込み": <call|email|meeting|visit|video|other> } }',
        'salesmetrics: fixtures/activities-ja.csv: 不正な行が 1 行あります。修正するか、--skip-invalid を指定して除外してください',
        '',
      ].join('\n'),
    );
  });

  it('words the other inputs’ row problems in Japanese', async () => {
    const r = await runCli([
      'report',
      'fixtures/funnel-deals.csv',
      '--surveys',
      'fixtures/surveys-invalid-rows.csv',
      '--lang',
      'ja',
    ]);
    expect(r.stderr.split('\n').slice(0, 1)).toEqual([
      'fixtures/surveys-invalid-rows.csv:2: 列 score: "6" は 1〜5 の整数ではありません（csat の尺度）',
    ]);
    const costs = await runCli([
      'report',
      'fixtures/funnel-deals.csv',
      '--costs',
      'fixtures/costs-invalid-rows.csv',
      '--lang',
      'ja',
    ]);
    expect(costs.stderr.split('\n')[3]).toBe(
      'fixtures/costs-invalid-rows.csv:5: 列 amount: 空です。どの費用の行にも amount が必要です',
    );
  });
});

describe('errors of the other inputs in Japanese', () => {
  it('a missing column names the config lines that map it', async () => {
    const r = await runCli([
      'report',
      'fixtures/funnel-deals.csv',
      '--surveys',
      'fixtures/funnel-costs.csv',
      '--lang',
      'ja',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'salesmetrics: fixtures/funnel-costs.csv: 列 `score`, `type` が見つかりません。見つかった列: date, amount, category, team, channel — salesmetrics.config.yaml で対応付けてください: surveys: { columns: { score: <header>, type: <header> } }\n',
    );
  });

  it('two inputs from standard input', async () => {
    const r = await runCli(['report', '-', '--costs', '-', '--lang', 'ja']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'salesmetrics: 標準入力（-）から読めるのは 1 つの入力だけです。ほかはファイルで指定してください\n',
    );
  });
});

describe('salesmetrics report --lang ja with every input', () => {
  it('titles each input’s tables and names its metrics in Japanese, every table aligned', async () => {
    const r = await runCli(['report', ...FILES, '--by', 'channel', '--lang', 'ja']);
    expect(r.code).toBe(0);
    for (const text of [
      'トスアップ（月別）',
      '活動（月別）',
      '費用（月別）',
      'アンケート（月別）',
      '活動（チャネル別）',
      '費用（チャネル別）',
      'チャネルの記載がない費用は合計にのみ含まれます。',
      'アンケートのデータにはチャネルがないため、アンケートの指標はチャネル別では — です。',
      'インサイドセールスとフィールドセールスの比較',
      '架電あたりアポ率',
      '顧客獲得単価(CAC)',
      'トスアップ受注率',
    ])
      expect(r.stdout).toContain(text);
    expect(expectTablesAligned(r.stdout)).toBe(11);
  });

  it('check: the plan’s meetings and calls in Japanese', async () => {
    const r = await runCli([
      'check',
      ...FILES,
      '--targets',
      'fixtures/targets-funnel.yaml',
      '--as-of',
      '2025-02-28',
      '--lang',
      'ja',
    ]);
    expect(r.stdout).toContain(
      '    アポ逆算: トスアップ 15 件（これまでトスアップ 3 件中 2 件がクローズ） → 架電あたりアポ率 60.0% で架電 25 件 → 残り 1 か月で月あたりトスアップ 15 件・架電 25 件\n' +
        '    アポ逆算: アポインター別: Kato トスアップ 10 件・架電 15 件（月あたり 10 件・15 件）、Kobayashi トスアップ 5 件・架電 10 件（月あたり 5 件・10 件）\n',
    );
  });
});

describe('help', () => {
  it('report and check list --activities, --costs and --surveys, in English and Japanese', async () => {
    for (const command of ['report', 'check']) {
      const en = await runCli([command, '--help']);
      for (const option of ['--activities <file>', '--costs <file>', '--surveys <file>'])
        expect(en.stdout).toContain(option);
      expect(en.stdout.replace(/\s+/g, ' ')).toContain(
        'costs CSV (date or YYYY-MM, amount, category sales|marketing|other, team, channel): acquisition cost and CAC',
      );
      const ja = await runCli([command, '--help', '--lang', 'ja']);
      expect(ja.stdout.replace(/\s+/g, '')).toContain(
        'アンケート回答のCSV（date、score、typecsat|nps、owner、team）:CSATとNPS',
      );
    }
    const report = await runCli(['report', '--help']);
    expect(report.stdout).toContain(
      '$ salesmetrics report deals.csv --activities activities.csv --costs costs.csv --surveys surveys.csv --by appointer',
    );
    expect(report.stdout).toMatch(/--by <column> .*"appointer"/s);
  });
});
