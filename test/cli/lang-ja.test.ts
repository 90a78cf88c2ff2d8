import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
// cli-table3 measures cells with string-width; the tests measure them the same way.
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { langFromArgv, langFromEnv } from '../../src/i18n/lang.js';
import { describeRowProblem, formatRowProblem, type RowProblem } from '../../src/ingest/row-problem.js';
import { formatMetric } from '../../src/reporters/format.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const SMALL = 'fixtures/deals-small.csv';
const INVALID = 'fixtures/deals-invalid-rows.csv';
const TARGETS = 'fixtures/targets-q1-on-track-kpis-mixed.yaml';
const JA_ENV = { LANG: 'ja_JP.UTF-8' };

/** The metric names of the Japanese tables, in report order. */
const JA_METRICS = [
  '売上高',
  '受注件数',
  '失注件数',
  '進行中商談数',
  'パイプライン金額',
  '受注率',
  '平均売上単価',
  '平均セールスサイクル(日)',
  'セールスサイクル中央値(日)',
  '新規顧客獲得数',
  '顧客維持率',
];

/** Help text without white space: lines wrap between characters as well as at spaces. */
const bare = (s: string): string => s.replace(/\s+/g, '');

/** The rows of a drawn table: the cells of each `│ a │ b │` line, trimmed. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('│'))
    .map((l) =>
      l
        .split('│')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}

/** The drawn tables of an output: runs of lines starting with a box-drawing character. */
function tables(text: string): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (/^[┌│├└]/.test(line)) current.push(line);
    else if (current.length > 0) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** The display columns at which a line has a vertical border or a junction. */
function borderColumns(line: string): number[] {
  const at: number[] = [];
  let col = 0;
  for (const ch of line) {
    if ('│┌┐└┘├┤┬┴┼'.includes(ch)) at.push(col);
    col += stringWidth(ch);
  }
  return at;
}

/** Every line of every table has the same display width, and its borders fall in the same columns. */
function expectAligned(text: string): void {
  const drawn = tables(text);
  expect(drawn.length).toBeGreaterThan(0);
  for (const table of drawn) {
    const widths = new Set(table.map((l) => stringWidth(l)));
    expect([...widths], table.join('\n')).toHaveLength(1);
    const borders = new Set(table.map((l) => borderColumns(l).join(',')));
    expect([...borders], table.join('\n')).toHaveLength(1);
  }
}

/*
 * Four April 2025 deals in yen, worked out by hand:
 *   J1 won  1,200,000  created 04-01 closed 04-11  A1  cycle 10
 *   J2 won    300,000  created 04-05 closed 04-25  A2  cycle 20
 *   J3 lost   500,000  created 04-02 closed 04-20  A3
 *   J4 open 2,500,000  created 04-10              A4
 * revenue 1,500,000; won 2, lost 1, open 1; pipeline (J4) 2,500,000; win rate 2/3 = 66.7%;
 * avg deal 1,500,000 / 2 = 750,000; cycle mean (10 + 20) / 2 = 15, median 15;
 * new customers A1, A2 = 2; retention: nobody bought in March → —.
 */
const YEN_DEALS = (currency: string): string =>
  [
    'deal_id,stage,amount,currency,created_date,close_date,account_id',
    `J1,Closed Won,1200000,${currency},2025-04-01,2025-04-11,A1`,
    `J2,Closed Won,300000,${currency},2025-04-05,2025-04-25,A2`,
    `J3,Closed Lost,500000,${currency},2025-04-02,2025-04-20,A3`,
    `J4,Prospecting,2500000,${currency},2025-04-10,,A4`,
    '',
  ].join('\n');

describe('the language: --lang, else LC_ALL, LC_MESSAGES, LANG of the environment', () => {
  it('reads the POSIX variables in order; the first one set decides; anything but ja is English', () => {
    expect(langFromEnv({})).toBe('en');
    expect(langFromEnv({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(langFromEnv({ LANG: 'ja' })).toBe('ja');
    expect(langFromEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'jax' })).toBe('en');
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_MESSAGES: 'ja_JP.eucJP', LANG: 'en_US.UTF-8' })).toBe('ja');
    expect(langFromEnv({ LC_ALL: '', LC_MESSAGES: '', LANG: 'ja_JP.UTF-8' })).toBe('ja');
  });

  it('takes the last --lang before --, and ignores a value that is no language', () => {
    expect(langFromArgv(['report', 'x.csv', '--lang', 'ja'])).toBe('ja');
    expect(langFromArgv(['report', '--lang=ja', 'x.csv'])).toBe('ja');
    expect(langFromArgv(['report', '--lang', 'ja', '--lang', 'en'])).toBe('en');
    expect(langFromArgv(['report', '--lang', 'fr'])).toBeUndefined();
    expect(langFromArgv(['report', '--', '--lang', 'ja'])).toBeUndefined();
    expect(langFromArgv(['report', 'x.csv'])).toBeUndefined();
  });

  it('LANG=ja_JP.UTF-8 gives Japanese', async () => {
    const r = await runCli(['report', SMALL], { env: JA_ENV });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('商談 2025-01-01 〜 2025-02-28（月次）');
  });

  it('LC_ALL=C wins over LANG=ja_JP.UTF-8', async () => {
    const r = await runCli(['report', SMALL], { env: { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' } });
    expect(r.stdout.split('\n')[0]).toBe('Deals 2025-01-01 – 2025-02-28  (month)');
  });

  it('--lang en wins over the environment: the English output, byte for byte', async () => {
    const en = await runCli(['report', SMALL, '--by', 'team']);
    const forced = await runCli(['report', SMALL, '--by', 'team', '--lang', 'en'], { env: JA_ENV });
    expect(forced).toEqual(en);
    expect(en.stdout).toContain('Revenue');
  });

  it('--lang ja wins over an English environment, as --lang=ja too', async () => {
    const a = await runCli(['report', SMALL, '--lang', 'ja'], { env: { LANG: 'en_US.UTF-8' } });
    const b = await runCli(['report', SMALL, '--lang=ja']);
    expect(a.stdout).toContain('売上高');
    expect(b).toEqual(a);
  });

  it('--lang with another language is a usage error, exit 2', async () => {
    const r = await runCli(['report', SMALL, '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "salesmetrics: option '--lang <lang>' argument 'fr' is invalid. Allowed choices are en, ja.; see salesmetrics --help\n",
    );
  });
});

describe('salesmetrics report --lang ja, table', () => {
  it('has Japanese headings and metric names, and the hand-computed values (see report.test.ts)', async () => {
    const r = await runCli(['report', SMALL, '--by', 'team', '--lang', 'ja']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('\u001b[');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('商談 2025-01-01 〜 2025-02-28（月次）');
    expect(lines[1]).toBe('fixtures/deals-small.csv: 8 行（使用 8 行、除外 0 行）');
    expect(lines).toContain('合計');
    expect(lines).toContain('月別');
    expect(lines).toContain('チーム別');
    const rows = tableRows(r.stdout);
    // deals-small.csv has no currency column: plain grouped numbers, no yen sign.
    expect(rows.slice(0, 12)).toEqual([
      ['指標', '合計'],
      ['売上高', '4,000.75'],
      ['受注件数', '4'],
      ['失注件数', '2'],
      ['進行中商談数', '2'],
      ['パイプライン金額', '4,000'],
      ['受注率', '66.7%'],
      ['平均売上単価', '1,000.19'],
      ['平均セールスサイクル(日)', '16'],
      ['セールスサイクル中央値(日)', '15'],
      ['新規顧客獲得数', '3'],
      ['顧客維持率', '—'],
    ]);
    // The sparkline columns after revenue and win rate have no heading.
    const [revenue, ...afterRevenue] = JA_METRICS;
    const beforeWinRate = afterRevenue.slice(0, 4);
    expect(rows[12]).toEqual(['期間', revenue, '', ...beforeWinRate, '受注率', '', ...afterRevenue.slice(5)]);
    // February: 3,000.25 revenue (the largest month: █), 3 won, 1 lost, 2 open, 4,000 pipeline,
    // 75.0% (0.75 × 7 = 5.25 → ▆), 1,000.08, 16.5, 16.5, 2 new, 100.0%.
    expect(rows[14]).toEqual([
      '2025-02',
      '3,000.25',
      '█',
      '3',
      '1',
      '2',
      '4,000',
      '75.0%',
      '▆',
      '1,000.08',
      '16.5',
      '16.5',
      '2',
      '100.0%',
    ]);
    expect(rows[15]).toEqual(['チーム', ...JA_METRICS]);
    expect(rows.slice(16).map((row) => row[0])).toEqual(['East', 'West']);
  });

  it('lines up every table: each line has the same display width and its borders in the same columns', async () => {
    const r = await runCli(['report', SMALL, '--by', 'team', '--lang', 'ja']);
    expectAligned(r.stdout);
    // Full-width text is what makes this a test: the header is wider on screen than in UTF-16 units.
    const head = tables(r.stdout)[0]?.[1] ?? '';
    expect(head).toContain('指標');
    expect(stringWidth(head)).toBeGreaterThan(head.length);
  });

  it('lines up the tables of a yen report, the yen sign full-width', async () => {
    const r = await runCli(['report', '-', '--lang', 'ja', '--by', 'currency'], { stdin: YEN_DEALS('JPY') });
    expect(r.code).toBe(0);
    expectAligned(r.stdout);
  });

  it('writes JPY amounts with the yen sign of the ja-JP locale', async () => {
    const r = await runCli(['report', '-', '--lang', 'ja'], { stdin: YEN_DEALS('JPY') });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(tableRows(r.stdout).slice(0, 12)).toEqual([
      ['指標', '合計'],
      ['売上高', '￥1,500,000'],
      ['受注件数', '2'],
      ['失注件数', '1'],
      ['進行中商談数', '1'],
      ['パイプライン金額', '￥2,500,000'],
      ['受注率', '66.7%'],
      ['平均売上単価', '￥750,000'],
      ['平均セールスサイクル(日)', '15'],
      ['セールスサイクル中央値(日)', '15'],
      ['新規顧客獲得数', '2'],
      ['顧客維持率', '—'],
    ]);
  });

  it('writes plain numbers for another currency, and in English', async () => {
    const usd = await runCli(['report', '-', '--lang', 'ja'], { stdin: YEN_DEALS('USD') });
    expect(tableRows(usd.stdout)[1]).toEqual(['売上高', '1,500,000']);
    const en = await runCli(['report', '-'], { stdin: YEN_DEALS('JPY') });
    expect(tableRows(en.stdout)[1]).toEqual(['Revenue', '1,500,000']);
  });

  it('formats with Intl.NumberFormat for the locale', () => {
    expect(formatMetric('money', 1234.5, { lang: 'ja', currency: 'JPY' })).toBe('￥1,234.50');
    expect(formatMetric('money', 1234.5, { lang: 'ja' })).toBe('1,234.50');
    expect(formatMetric('money', 1234.5, { lang: 'en', currency: 'JPY' })).toBe('1,234.50');
    expect(formatMetric('money', 1200000, { lang: 'ja', currency: 'JPY' })).toBe('￥1,200,000');
    expect(formatMetric('count', 12345, { lang: 'ja' })).toBe('12,345');
    expect(formatMetric('days', 16.25, { lang: 'ja' })).toBe('16.3');
    expect(formatMetric('ratio', 2 / 3, { lang: 'ja' })).toBe('66.7%');
    expect(formatMetric('money', null, { lang: 'ja', currency: 'JPY' })).toBe('—');
  });
});

describe('what never changes with the language', () => {
  it.each([
    [['report', SMALL, '--format', 'json', '--by', 'team']],
    [['report', SMALL, '--format', 'csv', '--by', 'team']],
    [['report', '-', '--format', 'json']],
    [['check', SMALL, '--targets', TARGETS, '--as-of', '2025-02-28', '--format', 'json']],
    [['check', SMALL, '--targets', TARGETS, '--as-of', '2025-02-28', '--format', 'junit']],
    [['report', 'fixtures/nope.csv', '--format', 'json']],
  ])('%j: the same stdout and exit code in ja and en', async (argv) => {
    const stdin = YEN_DEALS('JPY');
    const en = await runCli([...argv, '--lang', 'en'], { stdin });
    const ja = await runCli([...argv, '--lang', 'ja'], { stdin });
    expect(ja.stdout).toBe(en.stdout);
    expect(ja.code).toBe(en.code);
    expect(ja.stdout.length).toBeGreaterThan(0);
  });

  it('the JSON error of invalid rows stays English (scripts read it); stderr is Japanese', async () => {
    const en = await runCli(['report', INVALID, '--format', 'json']);
    const ja = await runCli(['report', INVALID, '--format', 'json', '--lang', 'ja']);
    expect(ja.code).toBe(2);
    expect(ja.stdout).toBe(en.stdout);
    expect(JSON.parse(ja.stdout)).toMatchObject({ error: { kind: 'input', code: 'invalid_rows', count: 12 } });
    expect(ja.stderr).toContain('不正な行が 12 行あります');
  });
});

describe('row problems in Japanese', () => {
  /*
   * fixtures/deals-invalid-rows.csv: line 1 the header, line 2 OK1, then every line through 14 is rejected:
   * 3 BAD1 close 2024-13-01; 4 BAD2 amount 12x; 5 OK1 again; 6 BAD4 lost without close date;
   * 7 BAD5 won without amount; 8 BAD6 closed before created; 9 BAD7 created 2023-02-29;
   * 10 no id; 11 BAD9 no stage; 12 BAD10 four fields (and so no close date); 13 BAD11 "1,00";
   * 14 BAD12 2024/13/01. OK2 (line 15) is fine. 12 rejected; the first 10 are shown.
   */
  it('prints each rejected row, then the summary, exit 2', async () => {
    const r = await runCli(['report', INVALID, '--lang', 'ja']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe(`${INVALID}:3: 列 close_date: "2024-13-01" は日付として読めません（YYYY-MM-DD 形式）`);
    expect(lines[1]).toBe(
      `${INVALID}:4: 列 amount: "12x" は数値として読めません（1234.5 のような小数で、小数点以下 4 桁まで）`,
    );
    expect(lines[2]).toBe(
      `${INVALID}:5: 列 deal_id: "OK1" が複数回出てきます。商談 ID は重複できません（最初の行を使います）`,
    );
    expect(lines[3]).toBe(`${INVALID}:6: 列 close_date: 空です。失注した商談には完了日が必要です`);
    expect(lines[4]).toBe(`${INVALID}:7: 列 amount: 空です。受注した商談には金額が必要です`);
    expect(lines[5]).toBe(
      `${INVALID}:8: 列 close_date: "2024-01-10" が created_date "2024-02-01" より前です。どちらかの日付を直してください`,
    );
    expect(lines[7]).toBe(`${INVALID}:10: 列 deal_id: 空です。どの商談にも ID が必要です`);
    expect(lines[8]).toBe(`${INVALID}:11: 列 stage: 空です。どの商談にも stage が必要です`);
    expect(lines[9]).toBe(
      `${INVALID}:12: フィールドが 4 個ありますが、ヘッダーは 5 個です。この行の引用符を確認してください; 列 close_date: 空です。受注した商談には完了日が必要です`,
    );
    expect(lines[10]).toBe(
      `salesmetrics: ${INVALID}: 不正な行が 12 行あります。修正するか、--skip-invalid を指定して除外してください`,
    );
  });

  it('warns in Japanese with --skip-invalid', async () => {
    const r = await runCli(['report', INVALID, '--skip-invalid'], { env: JA_ENV });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      `salesmetrics: 警告: ${INVALID} の不正な行 12 行を除外しました（最初の行: ${INVALID}:3: 列 close_date: "2024-13-01" は日付として読めません（YYYY-MM-DD 形式））。--rejects FILE で書き出せます\n`,
    );
  });

  const tmp = mkdtempSync(join(tmpdir(), 'salesmetrics-ja-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('words the reason column of --rejects in Japanese; the CSV header stays', async () => {
    const file = join(tmp, 'rejected.csv');
    const r = await runCli(['report', INVALID, '--skip-invalid', '--rejects', file, '--lang', 'ja']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`。${file} に書き出しました`);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('deal_id,stage,amount,created_date,close_date,reason');
    expect(lines[1]).toBe(
      'BAD1,Closed Won,100,2024-01-01,2024-13-01,"列 close_date: ""2024-13-01"" は日付として読めません（YYYY-MM-DD 形式）"',
    );
    expect(lines).toHaveLength(13);
  });

  it('describeRowProblem and formatRowProblem take the language, English by default', () => {
    const p: RowProblem = { code: 'bad_amount', file: 'deals.csv', line: 7, column: 'amount', value: '12x' };
    expect(describeRowProblem(p)).toBe(
      'column amount: "12x" is not a plain decimal (like 1234.5, at most 4 decimal places)',
    );
    expect(formatRowProblem(p, 'ja')).toBe(
      'deals.csv:7: 列 amount: "12x" は数値として読めません（1234.5 のような小数で、小数点以下 4 桁まで）',
    );
    const q: RowProblem = { code: 'no_rate', file: 'deals.csv', line: 3, column: 'currency', value: 'EUR' };
    expect(describeRowProblem(q, 'ja')).toBe(
      '列 currency: --rates のファイルに "EUR" のレートがありません。EUR,<レート> の行を追加してください',
    );
  });
});

describe('errors in Japanese, exit 2', () => {
  it.each([
    [
      ['report', 'fixtures/nope.csv'],
      'salesmetrics: fixtures/nope.csv: ファイルが見つかりません。パスを確認してください',
    ],
    [
      ['report', 'fixtures/deals-empty.csv'],
      'salesmetrics: fixtures/deals-empty.csv: ファイルが空です。1 行目にヘッダー行が必要です',
    ],
    [
      ['report', 'fixtures/deals-missing-stage-column.csv'],
      'salesmetrics: fixtures/deals-missing-stage-column.csv: 列 `stage` が見つかりません。見つかった列: deal_id, Deal Stage, amount, close_date — `Deal Stage` のことですか？ --map stage=\'Deal Stage\' で対応付けてください（salesmetrics.config.yaml の deals: { columns: { stage: "Deal Stage" } } でも指定できます。または --preset salesforce|salesforce-ja|hubspot|pipedrive）',
    ],
    [
      ['check', SMALL, '--targets', 'fixtures/nope.yaml'],
      'salesmetrics: fixtures/nope.yaml: ファイルが見つかりません。--targets のパスを確認してください',
    ],
    [
      ['report', SMALL, '--encoding', 'latin1'],
      'salesmetrics: --encoding latin1: auto、utf8、utf16、cp932 のいずれかを指定してください',
    ],
    [
      ['report', SMALL, '--from', '2025-03-01', '--to', '2025-01-01'],
      'salesmetrics: --from が --to より後です。from ≤ to となる期間を指定してください',
    ],
    [['report'], "salesmetrics: 必須の引数 'file' がありません（salesmetrics --help を参照してください）"],
    [
      ['report', 'x.csv', '--bogus'],
      "salesmetrics: 不明なオプション '--bogus' です（salesmetrics --help を参照してください）",
    ],
    [
      ['report', 'x.csv', '--period', 'day'],
      "salesmetrics: オプション '--period <period>' の値 'day' は使えません。week、month、quarter、year のいずれかを指定してください。（salesmetrics --help を参照してください）",
    ],
    [
      ['report', 'x.csv', '--from', '2025-02-30'],
      "salesmetrics: オプション '--from <date>' の値 '2025-02-30' は使えません。\"2025-02-30\" は日付ではありません。YYYY-MM-DD 形式で指定してください（例: 2025-04-01）。（salesmetrics --help を参照してください）",
    ],
    [['nonsense'], "salesmetrics: 不明なコマンド 'nonsense' です（salesmetrics --help を参照してください）"],
  ])('%j', async (argv, message) => {
    const r = await runCli(argv, { env: JA_ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message + '\n');
  });

  it('an ambiguous date names the file, line, column and value', async () => {
    const r = await runCli(['report', '-', '--lang', 'ja'], {
      stdin: 'deal_id,stage,amount,close_date\nD1,Closed Won,100,01/02/2025\n',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'salesmetrics: <stdin>:2: 列 close_date: "01/02/2025" は MM/DD/YYYY とも DD/MM/YYYY とも読めます。--date-format M/D/YYYY（または D/M/YYYY）でどちらかを指定してください\n',
    );
  });

  it('a CSV syntax error keeps the parser’s own words inside the Japanese sentence', async () => {
    const r = await runCli(['report', 'fixtures/deals-unclosed-quote.csv', '--lang', 'ja']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^salesmetrics: fixtures\/deals-unclosed-quote\.csv:\d+: CSV として正しくありません: .+（この行付近の引用符を確認してください）\n$/,
    );
  });
});

describe('salesmetrics init --lang ja', () => {
  const dir = mkdtempSync(join(tmpdir(), 'salesmetrics-ja-init-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says what it wrote, and refuses to overwrite, in Japanese', async () => {
    const first = await runCli(['init', '--lang', 'ja'], { cwd: dir });
    expect(first).toEqual({
      code: 0,
      stdout: '',
      stderr:
        'salesmetrics: targets.yaml を書き出しました。確認するには: salesmetrics check deals.csv --targets targets.yaml\n',
    });
    const again = await runCli(['init'], { cwd: dir, env: JA_ENV });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      'salesmetrics: targets.yaml は既にあります。上書きするなら --force を、別のファイルにするなら --targets OTHER.yaml を指定してください\n',
    );
  });
});

describe('salesmetrics check --lang ja', () => {
  // The figures are worked out in test/cli/check.test.ts.
  it('words the KGIs, the plan and the KPI table in Japanese', async () => {
    const r = await runCli(['check', SMALL, '--targets', TARGETS, '--as-of', '2025-02-28', '--lang', 'ja']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('目標の判定（2025-02-28 時点）: 不合格（KPI 集計期間 2025-01-01 〜 2025-02-28）');
    expect(lines).toContain(
      '合格 q1-revenue Q1 revenue: 売上高 実績 4,000.75 / 目標 6,000（達成率 66.7%）、経過 65.6%、ペース目標 3,933.33、着地見込み 6,102.84 — 順調（2025-01-01 〜 2025-03-31）',
    );
    expect(lines).toContain(
      '    逆算: 残り 1,999.25 → 平均売上単価 1,000.19 で受注 2 件 → 受注率 66.7% でクローズ 3 件 → 残り 1 か月で月あたり受注 2 件・クローズ 3 件',
    );
    expect(lines).toContain(
      '警告 q1-win-rate: 受注率 実績 66.7% / 目標 70.0%（達成率 95.2%）、経過 65.6%、ペース目標 70.0% — 遅れ（2025-01-01 〜 2025-03-31）',
    );
    expect(tableRows(r.stdout)).toEqual([
      ['', 'KPI', '範囲', '指標', '実績', '基準', '判定'],
      ['警告', 'win-rate', '期間全体', '受注率', '66.7%', '≥ 70.0%', '警告'],
      ['合格', 'cycle', '期間全体', 'セールスサイクル中央値(日)', '15', '≤ 15', '合格'],
      ['合格', 'team-win-rate', 'チーム=East', '受注率', '100.0%', '≥ 50.0%', '合格'],
      ['不合格', 'team-win-rate', 'チーム=West', '受注率', '33.3%', '≥ 50.0%', '不合格'],
      ['不合格', 'monthly-revenue', '2025-01', '売上高', '1,000.50', '≥ 1,500', '不合格'],
      ['合格', 'monthly-revenue', '2025-02', '売上高', '3,000.25', '≥ 1,500', '合格'],
      ['データなし', 'retention', '期間全体', '顧客維持率', '—', '≥ 50.0%', 'データなし（合格扱い）'],
    ]);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('合格 3・警告 1・不合格 2・データなし 1');
    expectAligned(r.stdout);
  });

  it('writes the Markdown summary in Japanese', async () => {
    const r = await runCli(['check', SMALL, '--targets', TARGETS, '--as-of', '2025-02-28', '--format', 'markdown'], {
      env: JA_ENV,
    });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('## ❌ salesmetrics 目標の判定: 不合格');
    expect(lines[2]).toBe(
      '2025-02-28 時点 · KPI 集計期間 2025-01-01 〜 2025-02-28 · 合格 3・警告 1・不合格 2・データなし 1',
    );
    expect(lines).toContain('| | KPI | 範囲 | 指標 | 実績 | 基準 | 判定 |');
    expect(lines).toContain('| ✅ | team-win-rate | チーム=East | 受注率 | 100.0% | ≥ 50.0% | 合格 |');
  });
});

describe('help in Japanese', () => {
  it('report --help --lang ja: descriptions, commander’s own words and examples', async () => {
    const r = await runCli(['report', '--help', '--lang', 'ja']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('使い方: salesmetrics report [options] <file>');
    for (const text of ['引数:', 'オプション:', '例:', '終了コード: 0 成功、1 目標に不合格あり（--targets 指定時）']) {
      expect(r.stdout).toContain(text);
    }
    for (const option of [
      '--from <date>',
      '--period <period>',
      '--format <format>',
      '--skip-invalid',
      '--lang <lang>',
    ]) {
      expect(r.stdout).toContain(option);
    }
    for (const text of [
      '商談の CSV ファイル（- なら標準入力）',
      '集計期間の初日 YYYY-MM-DD（既定: ファイルの最初の月）',
      '--format <format> 出力形式（html: グラフ付きの 1 ファイルで完結するページ。-o と併用）（選択肢: "table", "json", "csv", "html"。既定値: "table"）',
      '-o, --output <file> 標準出力の代わりにこのファイルに書き出す（- なら標準出力）',
      '--lang <lang> メッセージ・表・ヘルプの言語: en または ja（既定: LC_ALL、LC_MESSAGES、LANG から判定）（選択肢: "en", "ja"）',
      '-h, --help ヘルプを表示する',
    ])
      expect(bare(r.stdout)).toContain(bare(text));
    expect(r.stdout).not.toContain('Usage:');
    expect(r.stdout).not.toContain('first day of the window');
  });

  it('wraps the options to 80 columns, counting full-width characters as two', async () => {
    const r = await runCli(['report', '--help', '--lang', 'ja']);
    const options = r.stdout.slice(0, r.stdout.indexOf('\n例:'));
    const lines = options.split('\n');
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  });

  it('LANG=ja_JP.UTF-8 --help lists the commands in Japanese; check --help too', async () => {
    const top = await runCli(['--help'], { env: JA_ENV });
    expect(top.stdout).toContain('コマンド:');
    expect(top.stdout).toContain('CRM/SFA の CSV エクスポートから、信頼できる営業指標を計算します。');
    expect(top.stdout).toContain('コマンドのヘルプを表示する');
    const check = await runCli(['check', '--help'], { env: JA_ENV });
    expect(bare(check.stdout)).toContain(bare('--targets <file> ターゲットファイル（YAML。salesmetrics init を参照）'));
    expect(check.stdout).toContain('--fail-on <level>');
  });

  it('--lang en keeps the English help under a Japanese environment', async () => {
    const r = await runCli(['report', '--help', '--lang', 'en'], { env: JA_ENV });
    expect(r.stdout.split('\n')[0]).toBe('Usage: salesmetrics report [options] <file>');
    expect(bare(r.stdout)).toContain(bare('first day of the window, YYYY-MM-DD (default: first month in the file)'));
    expect(r.stdout).toContain('--lang <lang>');
  });
});

describe('start-up', () => {
  /** The modules a source file imports as values (not `import type`), followed through the project. */
  function staticImports(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+'(\.[^']+)';/gms)) {
      const target = resolve(dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts'));
      staticImports(target, seen);
    }
    return seen;
  }

  it('loads the Japanese catalog only when it is asked for: --version never imports it', () => {
    const modules = staticImports(join(ROOT, 'src/cli/run.ts'));
    expect(modules).toContain(join(ROOT, 'src/i18n/en.ts'));
    expect(modules).not.toContain(join(ROOT, 'src/i18n/ja.ts'));
  });
});
