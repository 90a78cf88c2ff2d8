#!/usr/bin/env node
// Deterministic generator for fixtures/deals.csv: a synthetic B2B CRM export
// of ~200 deals over two fiscal years (FY2024: 2024-04-01..2025-03-31,
// FY2025: 2025-04-01..2026-03-31), and, next to it, the activities, costs
// and survey responses of the same sales organisation (activities.csv,
// costs.csv, surveys.csv: same owners, teams, accounts, deal ids and dates).
// No dependencies and no Math.random: the output is byte-identical on every
// run.
//
// The deals' values come from the first generator alone; the appointer
// column and the other files from a second one, so that adding them left
// every earlier value of deals.csv as it was.
//
// Usage: node scripts/make-sample-deals.mjs [deals-output-path]

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 20240401;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(process.argv[2] ?? `${ROOT}/fixtures/deals.csv`);
const DIR = dirname(OUT);

// ---------------------------------------------------------------- PRNG ----
function mulberry32(a) {
  return function next() {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1)); // inclusive
const pick = (arr) => arr[Math.floor(rand() * arr.length)];
const chance = (p) => rand() < p;

// --------------------------------------------------------------- dates ----
const DAY = 86_400_000;
const toDay = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY; // days since epoch
const fromDay = (d) => new Date(d * DAY).toISOString().slice(0, 10);
const START = toDay('2024-04-01');
const END = toDay('2026-03-31');
function monthStart(d, addMonths) {
  const dt = new Date(d * DAY);
  return Date.UTC(dt.getUTCFullYear(), dt.getUTCMonth() + addMonths, 1) / DAY;
}

// ----------------------------------------------------- reference data ----
const OWNERS = [
  { name: 'Sato', team: 'Enterprise', channel: 'outside' },
  { name: 'Suzuki', team: 'Enterprise', channel: 'outside' },
  { name: 'Takahashi', team: 'Enterprise', channel: 'outside' },
  { name: 'Tanaka', team: 'SMB', channel: 'outside' },
  { name: 'Ito', team: 'SMB', channel: 'outside' },
  { name: 'Watanabe', team: 'SMB', channel: 'outside' },
  { name: 'Yamamoto', team: 'Inside', channel: 'inside' },
  { name: 'Nakamura', team: 'Inside', channel: 'inside' },
];
const ownersOf = (team) => OWNERS.filter((o) => o.team === team);

const SEGMENTS = {
  enterprise: { amount: [2_000_000, 15_000_000], step: 100_000, cycle: [45, 150], teams: ['Enterprise'] },
  'mid-market': {
    amount: [500_000, 3_000_000],
    step: 10_000,
    cycle: [20, 90],
    teams: ['Enterprise', 'SMB', 'SMB', 'Inside'],
  },
  smb: { amount: [100_000, 800_000], step: 10_000, cycle: [5, 45], teams: ['SMB', 'Inside', 'Inside'] },
};

const ACCOUNT_NAMES = [
  // enterprise (15)
  ['Nippon Logistics Holdings', 'enterprise'],
  ['株式会社サクラ商事', 'enterprise'],
  ['Fujimoto Heavy Industries', 'enterprise'],
  ['Kansai Electric Systems', 'enterprise'],
  ['Tokai Bank Group', 'enterprise'],
  ['Mirai Telecom', 'enterprise'],
  ['Hokuriku Pharma', 'enterprise'],
  ['Yamato Automotive', 'enterprise'],
  ['東京データ株式会社', 'enterprise'],
  ['Shinsei Insurance', 'enterprise'],
  ['Global Retail Japan', 'enterprise'],
  ['Asahi Precision', 'enterprise'],
  ['Kyushu Energy', 'enterprise'],
  ['Marunouchi Trading', 'enterprise'],
  ['Pacific Semiconductor KK', 'enterprise'],
  // mid-market (20)
  ['Aoba Software', 'mid-market'],
  ['Kobe Foods', 'mid-market'],
  ['Shirakawa Construction', 'mid-market'],
  ['Midori Healthcare', 'mid-market'],
  ['株式会社ひかり物流', 'mid-market'],
  ['Tsubasa Travel', 'mid-market'],
  ['Hoshino Apparel', 'mid-market'],
  ['Sendai Machinery', 'mid-market'],
  ['Nagoya Plastics', 'mid-market'],
  ['Kinoshita Publishing', 'mid-market'],
  ['Umi Marine Services', 'mid-market'],
  ['Fuji Office Solutions', 'mid-market'],
  ['Ginza Cosmetics', 'mid-market'],
  ['Okada Engineering', 'mid-market'],
  ['Hanamaru Education', 'mid-market'],
  ['Seto Ceramics', 'mid-market'],
  ['Nishi Real Estate', 'mid-market'],
  ['Kaze Media', 'mid-market'],
  ['大阪メディカル株式会社', 'mid-market'],
  ['Takara Interactive', 'mid-market'],
  // smb (25)
  ['Komorebi Cafe Group', 'smb'],
  ['Ishida Dental Clinic', 'smb'],
  ['Matsuda Design Studio', 'smb'],
  ['Yuki Accounting', 'smb'],
  ['Sakamoto Law Office', 'smb'],
  ['Hinata Bakery', 'smb'],
  ['Kawaguchi Printing', 'smb'],
  ['Mori Garden Supply', 'smb'],
  ['Tsuki Yoga', 'smb'],
  ['Ono Bicycle Works', 'smb'],
  ['合同会社みどり企画', 'smb'],
  ['Ebisu Craft Beer', 'smb'],
  ['Nakano Pet Care', 'smb'],
  ['Aizawa Consulting', 'smb'],
  ['Sora Web Agency', 'smb'],
  ['Kubo Hardware', 'smb'],
  ['Minato Florist', 'smb'],
  ['Hayashi Tax Advisors', 'smb'],
  ['Chiba Auto Repair', 'smb'],
  ['Rin Hair Salon', 'smb'],
  ['Okinawa Dive Tours', 'smb'],
  ['Saito Real Estate Agency', 'smb'],
  ['Ueno Language School', 'smb'],
  ['Kamome Guesthouse', 'smb'],
  ['Tanabe Family Clinic', 'smb'],
];

const ACCOUNTS = ACCOUNT_NAMES.map(([name, segment], i) => {
  const team = pick(SEGMENTS[segment].teams);
  return {
    id: `A-${String(i + 1).padStart(3, '0')}`,
    name,
    short: name.replace(/^(株式会社|合同会社)/, '').replace(/(株式会社| KK)$/, ''),
    segment,
    owner: pick(ownersOf(team)),
  };
});

const PRODUCTS = {
  enterprise: ['SalesCloud Enterprise', 'Analytics Suite', 'Data Platform', 'SFA Global Rollout'],
  'mid-market': ['SalesCloud Pro', 'Analytics Suite', 'CRM Connector', 'Workflow Automation'],
  smb: ['SalesCloud Starter', 'SalesCloud Pro', 'Invoice Add-on', 'Mobile Pack'],
};
const SOURCES = ['inbound', 'outbound', 'referral', 'partner', 'event'];
const SOURCE_WEIGHTS = {
  enterprise: [1, 4, 2, 3, 2],
  'mid-market': [3, 3, 2, 2, 2],
  smb: [6, 2, 2, 1, 1],
};
function weighted(items, weights) {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rand() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i];
    if (r < 0) return items[i];
  }
  return items[items.length - 1];
}

function amountFor(segment, factor = 1) {
  const {
    amount: [lo, hi],
    step,
  } = SEGMENTS[segment];
  const v = Math.round(((lo + rand() * (hi - lo)) * factor) / step) * step;
  return Math.min(hi, Math.max(lo, v));
}
const cycleFor = (segment) => int(...SEGMENTS[segment].cycle);
const fy = (day) => {
  const d = new Date(day * DAY);
  return d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
};

function dealName(acct, kind, day) {
  const product = pick(PRODUCTS[acct.segment]);
  switch (kind) {
    case 'renewal':
      return chance(0.35)
        ? `${acct.short} - ${product} Renewal, FY${fy(day)}`
        : `${acct.short} - ${product} Renewal FY${fy(day)}`;
    case 'addon':
      return pick([
        `${acct.short} - ${product} Add-on (${int(2, 20) * 5} seats)`,
        `${acct.short} - ${pick(['Sales', 'Marketing', 'Support', 'Kansai branch', 'APAC'])} Expansion`,
        `${acct.short} - ${product} Upgrade`,
      ]);
    case 'upsell':
      return pick([
        `${acct.short} - ${product} Upsell`,
        `${acct.short} - Pilot "Phase 2"`,
        `${acct.short} - ${product}, additional licenses`,
      ]);
    default:
      return pick([
        `${acct.short} - ${product} New License`,
        `${acct.short} - ${product}`,
        `${acct.short} - "${product}" Pilot`,
        `${acct.short} - ${product} (${int(1, 10) * 10} users)`,
        `${acct.short} - ${product} Onboarding`,
      ]);
  }
}

// --------------------------------------------------------------- deals ----
const deals = [];
const wonByAccount = new Map(ACCOUNTS.map((a) => [a.id, []]));

function makeDeal(acct, status, created, close, kind, factor = 1) {
  const owner = chance(0.85) ? acct.owner : pick(ownersOf(acct.owner.team));
  const deal = {
    acct,
    kind,
    owner,
    name: dealName(acct, kind, close ?? created),
    source: kind === 'new' ? weighted(SOURCES, SOURCE_WEIGHTS[acct.segment]) : pick(['inbound', 'outbound']),
    status,
    amount: amountFor(acct.segment, factor),
    created,
    close,
  };
  deals.push(deal);
  if (status === 'won') wonByAccount.get(acct.id).push(deal);
  return deal;
}

// Closed deal starting at `created` with a segment-typical cycle; null if it
// would close after END.
function closedFrom(acct, status, created, kind, factor) {
  const close = created + cycleFor(acct.segment);
  if (close > END) return null;
  return makeDeal(acct, status, created, close, kind, factor);
}

// Pinned boundary deals (month end / fiscal year end).
const bySeg = (seg) => ACCOUNTS.filter((a) => a.segment === seg);
makeDeal(bySeg('smb')[0], 'won', toDay('2024-04-08'), toDay('2024-04-30'), 'new');
makeDeal(bySeg('enterprise')[0], 'won', toDay('2024-12-10'), toDay('2025-03-31'), 'new');
makeDeal(bySeg('mid-market')[0], 'lost', toDay('2025-02-03'), toDay('2025-03-31'), 'new');
makeDeal(bySeg('mid-market')[1], 'won', toDay('2026-02-02'), toDay('2026-03-31'), 'new');

// 1) First purchase for 48 of the 60 accounts; the other 12 never buy.
const buyers = ACCOUNTS.filter((_, i) => i % 5 !== 4);
const nonBuyers = ACCOUNTS.filter((_, i) => i % 5 === 4);
for (const acct of buyers) {
  if (wonByAccount.get(acct.id).length) continue;
  let d = null;
  while (!d) d = closedFrom(acct, 'won', int(START, END - 200), 'new');
}

// 2) Repeat purchases: next-month add-ons, quarterly upsells, annual renewals.
const TARGET_WON = 90;
let guard = 0;
while (deals.filter((d) => d.status === 'won').length < TARGET_WON && guard++ < 10_000) {
  const acct = buyers[Math.floor(Math.pow(rand(), 1.6) * buyers.length)]; // skewed: some accounts buy a lot
  const prev = wonByAccount.get(acct.id).reduce((a, b) => (b.close > a.close ? b : a));
  const r = rand();
  let kind, close, factor;
  if (r < 0.35) {
    kind = 'addon';
    close = monthStart(prev.close, 1) + int(0, 27);
    factor = 0.4;
  } else if (r < 0.6) {
    kind = 'upsell';
    close = monthStart(prev.close, int(2, 5)) + int(0, 27);
    factor = 0.7;
  } else {
    kind = 'renewal';
    close = prev.close + int(355, 372);
    factor = 1;
  }
  if (close > END) continue;
  const cycle = Math.min(cycleFor(acct.segment), close - START);
  if (cycle < 5) continue;
  makeDeal(acct, 'won', close - cycle, close, kind, factor);
}

// Kind of a non-won deal: follow-ons only for accounts that already bought.
const followKind = (acct, created) =>
  wonByAccount.get(acct.id).some((w) => w.close < created) ? pick(['new', 'upsell', 'renewal', 'addon']) : 'new';

// 3) Lost deals: every non-buyer loses at least once, the rest are random.
const TARGET_LOST = 70;
for (const acct of nonBuyers) {
  let d = null;
  while (!d) d = closedFrom(acct, 'lost', int(START, END - 30), 'new');
}
while (deals.filter((d) => d.status === 'lost').length < TARGET_LOST) {
  const acct = chance(0.3) ? pick(nonBuyers) : pick(ACCOUNTS);
  const created = int(START, END - 5);
  closedFrom(acct, 'lost', created, followKind(acct, created));
}

// 4) Open pipeline: mostly recent, a few stale ones created long ago.
const TARGET_OPEN = 40;
const OPEN_STAGES = [
  ['Prospecting', 10],
  ['Qualification', 25],
  ['Proposal', 50],
  ['Negotiation', 75],
];
for (let i = 0; i < TARGET_OPEN; i++) {
  const acct = i < nonBuyers.length ? nonBuyers[i] : pick(ACCOUNTS);
  const created = chance(0.75) ? int(toDay('2025-11-01'), END) : int(toDay('2025-04-01'), toDay('2025-10-31'));
  const d = makeDeal(acct, 'open', created, null, followKind(acct, created));
  const [stage, probability] = pick(OPEN_STAGES);
  d.stage = stage;
  d.probability = probability;
  // Recent deals expect to close after the export date (2026-03-31); older
  // ones kept their original, now past, expected close date (stale).
  const expected = created + cycleFor(acct.segment);
  d.expected = created >= toDay('2025-11-01') ? Math.max(expected, END + int(1, 100)) : expected;
}

// --------------------------------------------------------- formatting ----
deals.sort((a, b) => a.created - b.created || a.acct.id.localeCompare(b.acct.id) || a.amount - b.amount);

// Quirks: a few timestamps (same calendar date in UTC and JST), and three won
// deals with no created_date.
const closed = deals.filter((d) => d.status !== 'open');
const stamp = new Map([
  [closed[20], { created: 'T01:30:00Z' }],
  [closed[57], { close: ' 18:30:00' }],
  [closed[88], { created: ' 09:15:00', close: 'T10:00:00Z' }],
  [closed[121], { close: 'T05:45:00Z' }],
  [deals.filter((d) => d.status === 'open')[5], { created: ' 14:00:00' }],
]);
const won = deals.filter((d) => d.status === 'won');
const noCreated = new Set([won[30], won[61], won[77]]);

// ------------------------------------------------- appointers (second PRNG) ----
// Inside sales sets the first meeting of most new deals the field teams
// close: two appointers who own no deal, and now and then the inside closers.
const rand2 = mulberry32(SEED + 1);
const int2 = (lo, hi) => lo + Math.floor(rand2() * (hi - lo + 1));
const pick2 = (arr) => arr[Math.floor(rand2() * arr.length)];
const chance2 = (p) => rand2() < p;
const APPOINTERS = [
  { name: 'Kobayashi', team: 'Inside' },
  { name: 'Kato', team: 'Inside' },
  { name: 'Kobayashi', team: 'Inside' },
  { name: 'Kato', team: 'Inside' },
  { name: 'Yamamoto', team: 'Inside' },
  { name: 'Nakamura', team: 'Inside' },
];
deals.forEach((d, i) => {
  d.id = `D-${String(i + 1).padStart(4, '0')}`;
  const handedOver =
    d.owner.channel === 'outside' && d.kind === 'new' && ['inbound', 'outbound', 'event'].includes(d.source);
  d.appointer = handedOver && chance2(0.8) ? pick2(APPOINTERS).name : '';
});

const HEADER = [
  'deal_id',
  'deal_name',
  'account_id',
  'account_name',
  'owner',
  'team',
  'segment',
  'channel',
  'source',
  'stage',
  'amount',
  'currency',
  'created_date',
  'close_date',
  'expected_close_date',
  'probability',
  'appointer',
];
const csvField = (v) => {
  const s = String(v ?? '');
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

const lines = [HEADER.join(',')];
deals.forEach((d, i) => {
  const st = stamp.get(d) ?? {};
  const stage = d.status === 'won' ? 'Closed Won' : d.status === 'lost' ? 'Closed Lost' : d.stage;
  const probability = d.status === 'won' ? 100 : d.status === 'lost' ? 0 : d.probability;
  const created = noCreated.has(d) ? '' : fromDay(d.created) + (st.created ?? '');
  const close = d.close == null ? '' : fromDay(d.close) + (st.close ?? '');
  const expected = d.status === 'open' ? fromDay(d.expected) : i % 3 === 0 && !st.close ? close : '';
  lines.push(
    [
      `D-${String(i + 1).padStart(4, '0')}`,
      d.name,
      d.acct.id,
      d.acct.name,
      d.owner.name,
      d.owner.team,
      d.acct.segment,
      d.owner.channel,
      d.source,
      stage,
      d.amount,
      'JPY',
      created,
      close,
      expected,
      probability,
      d.appointer,
    ]
      .map(csvField)
      .join(','),
  );
});

mkdirSync(DIR, { recursive: true });
writeFileSync(OUT, lines.join('\n') + '\n', 'utf8');
console.log(`wrote ${deals.length} deals to ${OUT}`);

// ---------------------------------------------------------- activities ----
// Per deal: the appointer's calls (the last one sets the meeting) before it
// is created, then the owner's visits, meetings, calls and e-mails until it
// closes; besides, the appointers' prospecting calls that lead to no deal.
const toCsv = (header, rows) => [header.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\n') + '\n';
const byName = new Map(OWNERS.map((o) => [o.name, o]));
const teamOf = (name) => byName.get(name)?.team ?? 'Inside';
const activities = [];
const act = (day, owner, type, minutes, deal, outcome = '') => {
  if (day < START || day > END) return;
  activities.push({ day, owner, type, minutes, deal: deal?.id ?? '', account: deal?.acct.id ?? '', outcome });
};
const CALL_OUTCOMES = ['no_answer', 'connected', 'left_voicemail', 'connected'];
const VISITS = { enterprise: [3, 6], 'mid-market': [2, 4], smb: [1, 2] };
for (const d of deals) {
  if (d.appointer !== '') {
    const calls = int2(2, 5);
    for (let k = calls; k >= 1; k--) {
      const day = d.created - (k === 1 ? int2(0, 2) : int2(3, 25));
      act(
        day,
        d.appointer,
        k === 1 ? 'call' : pick2(['call', 'call', 'email']),
        k === 1 ? int2(5, 15) : int2(2, 10),
        d,
        k === 1 ? 'appointment_set' : pick2(CALL_OUTCOMES),
      );
    }
  }
  const last = d.close ?? END;
  const span = Math.max(1, last - d.created);
  const at = () => d.created + Math.floor(rand2() * span);
  if (d.owner.channel === 'outside') {
    const [lo, hi] = VISITS[d.acct.segment];
    for (let k = int2(lo, hi); k > 0; k--)
      act(at(), d.owner.name, chance2(0.6) ? 'visit' : 'meeting', 15 * int2(3, 8), d);
    for (let k = int2(0, 3); k > 0; k--) act(at(), d.owner.name, 'email', 5, d);
    if (chance2(0.3)) act(at(), d.owner.name, 'video', 15 * int2(2, 4), d);
  } else {
    for (let k = int2(2, 5); k > 0; k--) act(at(), d.owner.name, 'call', int2(5, 20), d, pick2(CALL_OUTCOMES));
    for (let k = int2(1, 3); k > 0; k--) act(at(), d.owner.name, 'video', 15 * int2(2, 4), d);
    for (let k = int2(1, 3); k > 0; k--) act(at(), d.owner.name, 'email', 5, d);
  }
}
for (let m = 0; m < 24; m++) {
  const first = monthStart(START, m);
  const days = monthStart(START, m + 1) - first;
  for (const name of ['Kobayashi', 'Kato']) {
    for (let k = int2(20, 35); k > 0; k--) {
      const acct = pick2(ACCOUNTS);
      const outcome = chance2(0.04) ? 'appointment_set' : pick2(CALL_OUTCOMES);
      act(first + int2(0, days - 1), name, chance2(0.85) ? 'call' : 'email', int2(1, 12), { id: '', acct }, outcome);
    }
  }
}
activities.sort((a, b) => a.day - b.day || a.owner.localeCompare(b.owner) || a.deal.localeCompare(b.deal));
const ACTIVITY_HEADER = ['date', 'owner', 'team', 'type', 'duration_minutes', 'deal_id', 'account_id', 'outcome'];
writeFileSync(
  `${DIR}/activities.csv`,
  toCsv(
    ACTIVITY_HEADER,
    activities.map((a) => [fromDay(a.day), a.owner, teamOf(a.owner), a.type, a.minutes, a.deal, a.account, a.outcome]),
  ),
  'utf8',
);
console.log(`wrote ${activities.length} activities to ${DIR}/activities.csv`);

// --------------------------------------------------------------- costs ----
// Monthly: each team's sales cost, marketing (web ads for inside sales,
// events for the field, content for everyone), and office rent (other).
const costs = [];
const yen = (lo, hi) => int2(lo / 10_000, hi / 10_000) * 10_000;
for (let m = 0; m < 24; m++) {
  const month = fromDay(monthStart(START, m)).slice(0, 7);
  costs.push([month, yen(1_900_000, 2_100_000), 'sales', 'Enterprise', 'outside']);
  costs.push([month, yen(1_600_000, 1_800_000), 'sales', 'SMB', 'outside']);
  costs.push([month, yen(1_850_000, 2_000_000), 'sales', 'Inside', 'inside']);
  costs.push([month, yen(300_000, 600_000), 'marketing', '', 'inside']);
  if (m % 3 === 1) costs.push([month, yen(800_000, 2_000_000), 'marketing', '', 'outside']);
  costs.push([month, 150_000, 'marketing', '', '']);
  costs.push([month, 900_000, 'other', '', '']);
}
writeFileSync(`${DIR}/costs.csv`, toCsv(['date', 'amount', 'category', 'team', 'channel'], costs), 'utf8');
console.log(`wrote ${costs.length} cost lines to ${DIR}/costs.csv`);

// ------------------------------------------------------------- surveys ----
// A CSAT survey after most won deals, and an NPS survey of the customers
// every April and October.
const surveys = [];
const CSAT = { enterprise: [2, 5], 'mid-market': [2, 5], smb: [1, 5] };
for (const d of deals) {
  if (d.status !== 'won' || !chance2(0.7)) continue;
  const day = d.close + int2(14, 45);
  if (day > END) continue;
  const [lo, hi] = CSAT[d.acct.segment];
  const score = Math.max(lo, Math.min(hi, int2(lo, hi) + (chance2(0.5) ? 1 : 0)));
  surveys.push([fromDay(day), 'csat', score, d.acct.id, d.owner.name, d.owner.team]);
}
for (let m = 0; m < 24; m += 6) {
  const first = monthStart(START, m);
  for (const acct of ACCOUNTS) {
    const bought = (wonByAccount.get(acct.id) ?? []).some((w) => w.close < first);
    if (!bought || !chance2(0.6)) continue;
    const score = Math.min(10, int2(5, 10) + (chance2(0.5) ? 1 : 0));
    surveys.push([fromDay(first + int2(0, 27)), 'nps', score, acct.id, acct.owner.name, acct.owner.team]);
  }
}
surveys.sort((a, b) => a[0].localeCompare(b[0]) || a[3].localeCompare(b[3]));
writeFileSync(`${DIR}/surveys.csv`, toCsv(['date', 'type', 'score', 'account_id', 'owner', 'team'], surveys), 'utf8');
console.log(`wrote ${surveys.length} survey responses to ${DIR}/surveys.csv`);
