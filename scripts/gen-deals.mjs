#!/usr/bin/env node
// Deterministic generator of a large synthetic deals export for benchmarks.
//
// Usage: node scripts/gen-deals.mjs [N=1000000] [OUT=bench-data/deals-N.csv]
//
// Writes a header plus N deals with every canonical column:
//   deal_id,deal_name,account_id,account_name,owner,team,segment,channel,
//   source,stage,amount,currency,created_date,close_date,
//   expected_close_date,probability
// The output is byte-identical for the same N (seeded PRNG, no Math.random).
// deal_name and account_name are quoted and hold commas; deal_name also holds
// doubled quotes, e.g. "Hoshino Logistics, Inc. ""renewal"" 123". About
// 20,000 accounts, 40 owners, 4 teams, 3 segments; dates across
// 2020-01-01..2025-12-31 with close >= created; open deals have no close date.
// Every row is valid for `salesmetrics report`. Rows are batched into ~1 MiB
// chunks and written with backpressure (waits for 'drain').

import { Buffer } from 'node:buffer';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const HEADER =
  'deal_id,deal_name,account_id,account_name,owner,team,segment,channel,source,stage,amount,currency,created_date,close_date,expected_close_date,probability';

// ---------------------------------------------------------------- PRNG ----
function mulberry32(seed) {
  let a = seed | 0;
  return function next() {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// --------------------------------------------------------------- dates ----
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2020, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2025, 11, 31) / DAY_MS;
const SPAN = LAST_DAY - FIRST_DAY + 1; // 2192 days
/** Day offset (0 = 2020-01-01) → 'YYYY-MM-DD', precomputed. */
const ISO = Array.from({ length: SPAN }, (_, i) => new Date((FIRST_DAY + i) * DAY_MS).toISOString().slice(0, 10));

// ----------------------------------------------------- reference data ----
const TEAMS = ['Enterprise', 'Mid-Market', 'SMB', 'Inside'];
const SEGMENTS = [
  // name, amount range in whole units, sales cycle range in days, teams that sell it
  { name: 'enterprise', lo: 20_000, hi: 500_000, cyc: [45, 240], teams: [0, 0, 1] },
  { name: 'mid-market', lo: 5_000, hi: 80_000, cyc: [20, 120], teams: [1, 1, 0, 2] },
  { name: 'smb', lo: 500, hi: 15_000, cyc: [3, 60], teams: [2, 3, 3] },
];
const CHANNELS = ['outside', 'inside', 'partner'];
const SOURCES = ['inbound', 'outbound', 'event', 'referral', 'partner', 'web'];
const OPEN_STAGES = [
  ['Prospecting', 10],
  ['Qualification', 20],
  ['Proposal', 50],
  ['Negotiation', 75],
];
const PRODUCTS = [
  'renewal',
  'upsell',
  'new logo',
  'expansion',
  'pilot',
  'add-on, 50 seats',
  'migration',
  'support plan',
  'analytics suite',
  'data platform',
];
const FIRST_NAMES = [
  'Sato',
  'Suzuki',
  'Takahashi',
  'Tanaka',
  'Ito',
  'Watanabe',
  'Yamamoto',
  'Nakamura',
  'Kobayashi',
  'Kato',
  'Yoshida',
  'Yamada',
  'Sasaki',
  'Yamaguchi',
  'Matsumoto',
  'Inoue',
  'Kimura',
  'Hayashi',
  'Shimizu',
  'Yamazaki',
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
];
const ACCOUNT_WORDS = [
  'Acme',
  'Hoshino',
  'Sakura',
  'Mirai',
  'Asahi',
  'Fuji',
  'Kansai',
  'Tokai',
  'Hokuriku',
  'Yamato',
  'Northwind',
  'Contoso',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Tyrell',
  'Cyberdyne',
  'Soylent',
  'Blue River',
  'Red Oak',
  'Silver Lake',
  'Green Field',
  'Iron Bridge',
  'Golden Gate',
  'Clear Sky',
  'Bright Star',
];
const ACCOUNT_KINDS = [
  'Logistics',
  'Holdings',
  'Pharma',
  'Telecom',
  'Retail',
  'Foods',
  'Systems',
  'Bank',
  'Insurance',
  'Motors',
  'Energy',
  'Media',
  'Labs',
  'Textiles',
  'Robotics',
  'Foundry',
  'Airlines',
  'Hotels',
  'Chemicals',
  'Software',
];
const ACCOUNT_FORMS = ['Inc.', 'Ltd.', 'LLC', 'K.K.', 'GmbH', 'Co., Ltd.', 'S.A.', 'plc'];

const ACCOUNTS = 20_000;
const OWNERS = 40;

/** CSV-quotes a value: wraps it in quotes and doubles the quotes inside. */
const quote = (s) => `"${s.replaceAll('"', '""')}"`;

function referenceData(rand) {
  const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  // 40 owners, 10 per team; each owner sells through one channel.
  const owners = [];
  for (let i = 0; i < OWNERS; i++) {
    const team = i % TEAMS.length;
    owners.push({
      name: `${FIRST_NAMES[i]} ${String.fromCharCode(65 + ((i * 7) % 26))}.`,
      team,
      channel: team === 3 ? 'inside' : CHANNELS[i % 3 === 2 ? 2 : 0],
    });
  }
  const ownersByTeam = TEAMS.map((_, t) => owners.filter((o) => o.team === t));
  // 20,000 accounts; account_name always holds a comma ("X Y, Inc.").
  const accounts = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    const word = ACCOUNT_WORDS[i % ACCOUNT_WORDS.length];
    const kind = ACCOUNT_KINDS[Math.floor(i / ACCOUNT_WORDS.length) % ACCOUNT_KINDS.length];
    const form = ACCOUNT_FORMS[int(0, ACCOUNT_FORMS.length - 1)];
    const r = rand();
    const segment = r < 0.15 ? 0 : r < 0.45 ? 1 : 2;
    // Names repeat after 560 combinations, so a number keeps them distinct.
    const name = `${word} ${kind} ${Math.floor(i / (ACCOUNT_WORDS.length * ACCOUNT_KINDS.length)) + 1}, ${form}`;
    accounts.push({
      id: `A-${String(i + 1).padStart(5, '0')}`,
      name,
      quoted: quote(name),
      segment,
    });
  }
  return { owners, ownersByTeam, accounts };
}

/**
 * Writes a header and `n` deals to `out`. Resolves with the bytes written.
 * Writes to `out + '.tmp'` first and renames at the end, so a half-written
 * file never carries the final name.
 */
export async function generateDeals(n, out, { seed = 0x5a1e5 } = {}) {
  const rand = mulberry32(seed);
  const { ownersByTeam, accounts } = referenceData(rand);
  const width = Math.max(7, String(n).length);
  const tmp = `${out}.tmp`;
  mkdirSync(dirname(out), { recursive: true });
  const ws = createWriteStream(tmp, { highWaterMark: 1 << 20 });
  let failed = null;
  ws.on('error', (err) => (failed = err));

  /** Waits for 'drain', or rejects on a stream error; removes both listeners after. */
  const drained = () =>
    new Promise((res, rej) => {
      const onDrain = () => {
        ws.off('error', onError);
        res();
      };
      const onError = (err) => {
        ws.off('drain', onDrain);
        rej(err);
      };
      ws.once('drain', onDrain);
      ws.once('error', onError);
    });

  const CHUNK = 1 << 20;
  let buf = HEADER + '\n';
  let bytes = 0;
  const flush = async () => {
    if (failed) throw failed;
    bytes += Buffer.byteLength(buf);
    const ok = ws.write(buf);
    buf = '';
    if (!ok) await drained();
    if (failed) throw failed;
  };

  for (let i = 1; i <= n; i++) {
    const acct = accounts[Math.floor(rand() * ACCOUNTS)];
    const seg = SEGMENTS[acct.segment];
    const team = seg.teams[Math.floor(rand() * seg.teams.length)];
    const teamOwners = ownersByTeam[team];
    const owner = teamOwners[Math.floor(rand() * teamOwners.length)];
    const source = SOURCES[Math.floor(rand() * SOURCES.length)];
    const product = PRODUCTS[Math.floor(rand() * PRODUCTS.length)];

    // Amount in cents, skewed towards the low end of the segment's range.
    const u = rand();
    const units = seg.lo + Math.floor(u * u * (seg.hi - seg.lo));
    const cents = Math.floor(rand() * 100);
    const amount = `${units}.${cents < 10 ? '0' : ''}${cents}`;

    const created = Math.floor(rand() * SPAN);
    const cycle = seg.cyc[0] + Math.floor(rand() * (seg.cyc[1] - seg.cyc[0] + 1));
    const end = Math.min(created + cycle, SPAN - 1); // close ≥ created, ≤ 2025-12-31

    const r = rand();
    let stage;
    let probability;
    let close = '';
    let expected;
    if (r < 0.38) {
      stage = 'Closed Won';
      probability = '100';
      close = ISO[end];
      expected = rand() < 0.7 ? ISO[Math.min(created + Math.floor(cycle * 0.9), SPAN - 1)] : '';
    } else if (r < 0.72) {
      stage = 'Closed Lost';
      probability = '0';
      close = ISO[end];
      expected = rand() < 0.5 ? ISO[Math.min(created + cycle, SPAN - 1)] : '';
    } else {
      const [s, p] = OPEN_STAGES[Math.floor(rand() * OPEN_STAGES.length)];
      stage = s;
      probability = String(p);
      expected = ISO[end];
    }

    const id = `D-${String(i).padStart(width, '0')}`;
    // e.g. "Acme Logistics 1, Inc. ""renewal"" 123" — commas and doubled quotes.
    const dealName = `"${acct.name} ""${product}"" ${i}"`;
    buf +=
      `${id},${dealName},${acct.id},${acct.quoted},${owner.name},${TEAMS[team]},${seg.name},${owner.channel},` +
      `${source},${stage},${amount},USD,${ISO[created]},${close},${expected},${probability}\n`;
    if (buf.length >= CHUNK) await flush();
  }
  if (buf.length > 0) await flush();
  ws.end();
  if (failed) throw failed;
  await once(ws, 'finish'); // once() rejects if 'error' fires first
  renameSync(tmp, out);
  return bytes;
}

// ------------------------------------------------------------------ CLI ----
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const n = process.argv[2] === undefined ? 1_000_000 : Number(process.argv[2].replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < 0) {
    process.stderr.write(`gen-deals: N must be a non-negative integer, got ${process.argv[2]}\n`);
    process.exit(2);
  }
  const out = resolve(process.argv[3] ?? `${ROOT}/bench-data/deals-${n}.csv`);
  const t0 = process.hrtime.bigint();
  try {
    const bytes = await generateDeals(n, out);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    process.stderr.write(
      `gen-deals: wrote ${n} deals (${(bytes / 1048576).toFixed(1)} MiB) to ${out} in ${s.toFixed(2)} s\n`,
    );
  } catch (err) {
    rmSync(`${out}.tmp`, { force: true });
    process.stderr.write(`gen-deals: ${err?.stack ?? err}\n`);
    process.exit(1);
  }
}
