#!/usr/bin/env node
// Writes the CRM export fixtures: the same ten deals as a canonical CSV and
// in the shape of each preset's export (Salesforce in English and in
// Japanese, HubSpot, Pipedrive), plus the encodings the ingest layer reads.
// The bytes are committed; re-run this script after editing the deals below.
// Deterministic: byte-identical output on every run.
//
// Usage: node scripts/make-crm-fixtures.mjs [output-dir]

import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(process.argv[2] ?? `${ROOT}/fixtures`);

const ACCOUNTS = {
  aoba: { ja: '㈱青葉商事', en: 'Aoba Trading Co., Ltd.' },
  takahashi: { ja: '髙橋製作所', en: 'Takahashi Seisakusho' },
  hokuto: { ja: '北斗物流㈱', en: 'Hokuto Logistics K.K.' },
  minamikaze: { ja: '南風フーズ', en: 'Minamikaze Foods' },
  shinonome: { ja: '東雲システムズ', en: 'Shinonome Systems' },
};
const OWNERS = {
  sato: { ja: '佐藤 遥', en: 'Haruka Sato' },
  tanaka: { ja: '田中 誠', en: 'Makoto Tanaka' },
};

// The deals, in JPY (whole yen: the Japanese export cannot carry sen, and every
// file must hold the same amounts). `expected` is an open deal's expected close
// date, which the exports carry and the canonical file leaves out.
// prettier-ignore
const DEALS = [
  { n: 1, ja: '基幹システム刷新', en: 'Core system renewal', account: 'aoba', owner: 'sato', status: 'won', amount: 1200000, created: '2025-04-01', closed: '2025-04-25' },
  { n: 2, ja: '生産管理①', en: 'Production control (1)', account: 'takahashi', owner: 'tanaka', status: 'lost', amount: 800000, created: '2025-04-03', closed: '2025-05-09' },
  { n: 3, ja: '追加ライセンス', en: 'Additional licences', account: 'aoba', owner: 'sato', status: 'won', amount: 450000, created: '2025-04-10', closed: '2025-05-20' },
  { n: 4, ja: '倉庫管理導入', en: 'Warehouse management', account: 'hokuto', owner: 'tanaka', status: 'won', amount: 2350000, created: '2025-04-15', closed: '2025-05-30' },
  { n: 5, ja: '生産管理②', en: 'Production control (2)', account: 'takahashi', owner: 'sato', status: 'won', amount: 975000, created: '2025-05-02', closed: '2025-06-12' },
  { n: 6, ja: '受発注連携', en: 'Order integration', account: 'minamikaze', owner: 'tanaka', status: 'lost', amount: 300000, created: '2025-05-10', closed: '2025-06-03' },
  { n: 7, ja: '配車最適化', en: 'Fleet routing', account: 'hokuto', owner: 'tanaka', status: 'won', amount: 1580000, created: '2025-05-21', closed: '2025-07-04' },
  { n: 8, ja: '保守契約', en: 'Support contract', account: 'minamikaze', owner: 'sato', status: 'open', amount: 600000, created: '2025-06-02', expected: '2025-07-31', stage: 0 },
  { n: 9, ja: '全社展開', en: 'Company-wide roll-out', account: 'aoba', owner: 'tanaka', status: 'open', amount: 1100000, created: '2025-06-20', expected: '2025-08-29', stage: 1 },
  { n: 10, ja: 'クラウド移行', en: 'Cloud migration', account: 'shinonome', owner: 'sato', status: 'lost', amount: 250000, created: '2025-06-25', closed: '2025-07-15' },
];

/** A CSV field, quoted when it must be (or always, as Salesforce does). */
function field(v, always = false) {
  const s = String(v ?? '');
  return always || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function csv(rows, { eol = '\n', quoteAll = false } = {}) {
  return rows.map((r) => r.map((v) => field(v, quoteAll)).join(',')).join(eol) + eol;
}
const grouped = (n) => n.toLocaleString('en-US');
const [y, m, d] = [(s) => s.slice(0, 4), (s) => Number(s.slice(5, 7)), (s) => Number(s.slice(8, 10))];
const slashYMD = (iso) => `${y(iso)}/${m(iso)}/${d(iso)}`; // 2025/4/1
const usMDY = (iso) => `${m(iso)}/${d(iso)}/${y(iso)}`; // 4/1/2025
const closeOf = (deal) => deal.closed ?? deal.expected;

function write(name, data) {
  writeFileSync(resolve(OUT, name), data);
  console.log(`wrote fixtures/${name} (${data.length} bytes)`);
}

// ---------------------------------------------------------------- canonical
const canonicalStage = { won: 'Closed Won', lost: 'Closed Lost' };
const canonicalOpen = ['Proposal', 'Negotiation'];
const canonical = csv([
  ['deal_id', 'deal_name', 'account_name', 'owner', 'stage', 'amount', 'created_date', 'close_date'],
  ...DEALS.map((x) => [
    `D${String(x.n).padStart(2, '0')}`,
    x.ja,
    ACCOUNTS[x.account].ja,
    OWNERS[x.owner].ja,
    canonicalStage[x.status] ?? canonicalOpen[x.stage],
    x.amount,
    x.created,
    x.closed ?? '',
  ]),
]);
write('crm-same-deals-canonical.csv', canonical);
// The same bytes as Excel's "Unicode text" encoding: UTF-16LE with a BOM.
write('crm-same-deals-utf16le-bom.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(canonical, 'utf16le')]));

// ------------------------------------------------------- Salesforce (ja, CP932)
const jaStage = { won: '受注', lost: '失注' };
const jaOpen = ['提案', '交渉'];
const jaForecast = { won: '完了', lost: '売上予測から除外', open: 'パイプライン' };
const jaProbability = { won: 100, lost: 0, open: 50 };
const jaSource = ['Web', '展示会', '紹介'];
// Amounts as Salesforce formats them, in the forms a Japanese org shows:
// full-width yen sign, plain grouped digits, 円 after.
const jaAmount = (x, i) => [`￥${grouped(x.amount)}`, grouped(x.amount), `${grouped(x.amount)}円`][i % 3];
const ja = [
  ['商談パイプライン（2025年度 第1四半期）'],
  [
    '商談 所有者',
    '取引先名',
    '商談名',
    'フェーズ',
    '金額',
    '確度 (%)',
    '完了予定日',
    '作成日',
    'リードソース',
    '売上予測分類',
    '商談 ID',
  ],
  ...DEALS.map((x, i) => [
    OWNERS[x.owner].ja,
    ACCOUNTS[x.account].ja,
    x.ja,
    jaStage[x.status] ?? jaOpen[x.stage],
    jaAmount(x, i),
    jaProbability[x.status],
    slashYMD(closeOf(x)),
    slashYMD(x.created),
    jaSource[i % 3],
    jaForecast[x.status],
    `0065g00000JaQ${String(x.n).padStart(3, '0')}AAA`,
  ]),
];
const jaFooter = [
  [''],
  ['総計 (10 件のレコード)'],
  [''],
  ['機密情報 - 配布禁止'],
  ['Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.'],
];
const jaText = csv(ja, { eol: '\r\n', quoteAll: true }) + csv(jaFooter, { eol: '\r\n', quoteAll: true });
write('crm-salesforce-ja-cp932-with-footer.csv', iconv.encode(jaText, 'cp932'));

// The yen sign as Windows-31J writes it: byte 0x5C, the code of `\` in ASCII.
// iconv-lite encodes U+00A5 to 0x5C and decodes 0x5C to `\`.
const yen = csv(
  [
    ['商談 ID', '商談名', '取引先名', '商談 所有者', 'フェーズ', '金額', '完了予定日', '作成日'],
    ['Y1', '年間保守', '㈱青葉商事', '佐藤 遥', '受注', '¥1,200,000', '2025/4/25', '2025/4/1'],
    ['Y2', '追加開発', '髙橋製作所', '田中 誠', '失注', '¥300,000', '2025/4/28', '2025/4/3'],
    ['Y3', '保守契約①', '北斗物流㈱', '田中 誠', '受注', '¥2,350,500', '2025/4/30', '2025/4/10'],
  ],
  { eol: '\r\n', quoteAll: true },
);
write('crm-salesforce-ja-cp932-yen-sign-5c.csv', iconv.encode(yen, 'cp932'));

// ------------------------------------------------ Salesforce (en, UTF-8 + BOM)
const enStage = { won: 'Closed Won', lost: 'Closed Lost' };
const enOpen = ['Proposal/Price Quote', 'Negotiation/Review'];
const enForecast = { won: 'Closed', lost: 'Omitted', open: 'Pipeline' };
const enSource = ['Web', 'Trade Show', 'Partner Referral'];
const en = [
  [
    'Opportunity Owner',
    'Account Name',
    'Opportunity Name',
    'Type',
    'Lead Source',
    'Stage',
    'Fiscal Period',
    'Amount Currency',
    'Amount',
    'Probability (%)',
    'Forecast Category',
    'Close Date',
    'Created Date',
    'Opportunity ID',
  ],
  ...DEALS.map((x, i) => [
    OWNERS[x.owner].en,
    ACCOUNTS[x.account].en,
    x.en,
    x.n === 3 || x.n === 7 ? 'Existing Business' : 'New Business',
    enSource[i % 3],
    enStage[x.status] ?? enOpen[x.stage],
    `Q${Math.floor((m(closeOf(x)) - 4) / 3) + 1}-2025`,
    'JPY',
    `¥${grouped(x.amount)}`,
    jaProbability[x.status],
    enForecast[x.status],
    usMDY(closeOf(x)),
    usMDY(x.created),
    `0065g00000EnQ${String(x.n).padStart(3, '0')}AAA`,
  ]),
];
const enFooter = [
  [''],
  ['Grand Totals (10 records)'],
  [''],
  ['Confidential Information - Do Not Distribute'],
  ['Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.'],
];
write(
  'crm-salesforce-with-footer.csv',
  '\uFEFF' + csv(en, { eol: '\r\n', quoteAll: true }) + csv(enFooter, { eol: '\r\n', quoteAll: true }),
);

// ------------------------------------------------------------------ HubSpot
// Deal Stage as internal values (the export's "internal values" option); no
// company id, only the associated company's name.
const hsStage = { won: 'closedwon', lost: 'closedlost' };
const hsOpen = ['appointmentscheduled', 'contractsent'];
const hs = [
  [
    'Record ID',
    'Deal Name',
    'Deal Stage',
    'Close Date',
    'Deal owner',
    'Amount',
    'Create Date',
    'Pipeline',
    'Associated Company',
  ],
  ...DEALS.map((x) => [
    String(18342077200 + x.n * 37),
    x.en,
    hsStage[x.status] ?? hsOpen[x.stage],
    `${closeOf(x)} ${String(9 + (x.n % 8)).padStart(2, '0')}:${String((x.n * 7) % 60).padStart(2, '0')}`,
    OWNERS[x.owner].en,
    x.amount,
    `${x.created} 10:${String((x.n * 11) % 60).padStart(2, '0')}`,
    'default',
    ACCOUNTS[x.account].en,
  ]),
];
write('crm-hubspot-internal-stages.csv', csv(hs));

// ---------------------------------------------------------------- Pipedrive
// The status says won or lost; the stage is where the deal stood in the
// pipeline, whatever its outcome. `*` marks required fields in newer exports.
const pdStage = ['Qualified', 'Contact Made', 'Proposal Made', 'Negotiations Started'];
const time = (iso, n) =>
  `${iso} ${String(8 + (n % 10)).padStart(2, '0')}:${String((n * 13) % 60).padStart(2, '0')}:${String((n * 29) % 60).padStart(2, '0')}`;
const pd = [
  [
    'Deal - ID',
    'Deal - Title*',
    'Deal - Creator',
    'Deal - Owner',
    'Deal - Value',
    'Deal - Currency',
    'Deal - Probability',
    'Deal - Organization',
    'Deal - Pipeline*',
    'Deal - Stage*',
    'Deal - Status',
    'Deal - Deal created',
    'Deal - Expected close date',
    'Deal - Won time',
    'Deal - Lost time',
    'Deal - Lost reason',
  ],
  ...DEALS.map((x) => [
    100 + x.n,
    x.en,
    OWNERS[x.owner].en,
    OWNERS[x.owner].en,
    x.amount,
    'JPY',
    '',
    ACCOUNTS[x.account].en,
    'Sales pipeline',
    x.status === 'open' ? pdStage[2 + x.stage] : pdStage[(x.n + 2) % 4],
    { won: 'Won', lost: 'Lost', open: 'Open' }[x.status],
    time(x.created, x.n),
    closeOf(x),
    x.status === 'won' ? time(x.closed, x.n + 3) : '',
    x.status === 'lost' ? time(x.closed, x.n + 5) : '',
    x.status === 'lost' ? 'Price' : '',
  ]),
];
write('crm-pipedrive-status.csv', csv(pd));
