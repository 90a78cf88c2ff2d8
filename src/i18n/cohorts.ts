import type { Lang } from './lang.js';

/** What `salesmetrics cohorts` says, in one language. Numbers come formatted. */
export interface CohortsMessages {
  title(from: string, to: string): string;
  /** The accounts in cohorts, and the won deals left out for want of an account; `format` writes a count for the locale. */
  summary(accounts: number, withoutAccount: number, format: (n: number) => string): string;
  retentionHeading: string;
  revenueHeading: string;
  head: { cohort: string; accounts: string; firstRevenue: string; offset(k: number): string };
  /** Amounts in several currencies: revenue figures are null. */
  mixedCurrencies(file: string, currencies: readonly string[]): string;
}

const en: CohortsMessages = {
  title: (from, to) => `Cohorts ${from} – ${to}`,
  summary: (accounts, without, f) =>
    `${f(accounts)} ${accounts === 1 ? 'account' : 'accounts'} in cohorts, each in the period of its first won deal` +
    (without === 0 ? '' : `; ${f(without)} won ${without === 1 ? 'deal' : 'deals'} without an account left out`),
  retentionHeading: 'Customer retention: share of each cohort that bought again, by periods since its first',
  revenueHeading: "Revenue retention: each cohort's revenue relative to its first period",
  head: { cohort: 'Cohort', accounts: 'Accounts', firstRevenue: 'Revenue +0', offset: (k) => `+${k}` },
  mixedCurrencies: (file, currencies) =>
    `${file} has amounts in several currencies (${currencies.map((c) => (c === '' ? 'none named' : c)).join(', ')}): cohort revenue is null; pass --rates FILE --currency CODE to convert them`,
};

const ja: CohortsMessages = {
  title: (from, to) => `コホート ${from} 〜 ${to}`,
  summary: (accounts, without, f) =>
    `コホートの取引先 ${f(accounts)} 社（初回受注の期間で分類）` +
    (without === 0 ? '' : `。取引先のない受注 ${f(without)} 件は除外`),
  retentionHeading: '顧客維持率: 各コホートのうち、その期間にも受注した取引先の割合（初回からの経過期間別）',
  revenueHeading: '売上維持率: 各コホートの売上高の、初回期間の売上高に対する比率',
  head: { cohort: 'コホート', accounts: '取引先数', firstRevenue: '初回期間の売上高', offset: (k) => `+${k}` },
  mixedCurrencies: (file, currencies) =>
    `${file} には複数の通貨（${currencies.map((c) => (c === '' ? '通貨の記載なし' : c)).join('、')}）の金額があるため、コホートの売上高は算出できません（null）。換算するには --rates FILE --currency CODE を指定してください`,
};

/** The cohorts' wording in a language. */
export function cohortsMessages(lang: Lang = 'en'): CohortsMessages {
  return lang === 'ja' ? ja : en;
}
