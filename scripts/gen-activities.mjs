#!/usr/bin/env node
// Deterministic generator of a large synthetic activities log for benchmarks.
//
// Usage: node scripts/gen-activities.mjs [N=10000000] [OUT=bench-data/activities-N.csv] [DEALS=100000]
//
// Writes a header plus N activities:
//   date,owner,team,type,duration_minutes,deal_id,account_id,outcome
// about the deals of `node scripts/gen-deals.mjs DEALS` (ids D-0000001 …, the
// same width; 20,000 accounts A-00001 …): 40 closers and 10 appointers in 5
// teams; calls, e-mails, meetings, visits, video calls and others; durations
// with decimals; 6% of calls set an appointment; 70% of the rows name a
// deal; dates across 2020-01-01..2025-12-31 (the deals' span). The output is
// byte-identical for the same arguments (seeded PRNG, no Math.random). Rows
// are batched into ~1 MiB chunks and written with backpressure.

import { Buffer } from 'node:buffer';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const HEADER = 'date,owner,team,type,duration_minutes,deal_id,account_id,outcome';

function mulberry32(seed) {
  let a = seed | 0;
  return function next() {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2020, 0, 1) / DAY_MS;
const SPAN = Date.UTC(2025, 11, 31) / DAY_MS - FIRST_DAY + 1;
const ISO = Array.from({ length: SPAN }, (_, i) => new Date((FIRST_DAY + i) * DAY_MS).toISOString().slice(0, 10));

const TEAMS = ['Enterprise', 'Mid-Market', 'SMB', 'Inside', 'SDR'];
const PEOPLE = [
  ...Array.from({ length: 40 }, (_, i) => ({ name: `Closer ${String(i + 1).padStart(2, '0')}`, team: TEAMS[i % 4] })),
  ...Array.from({ length: 10 }, (_, i) => ({ name: `Appointer ${String(i + 1).padStart(2, '0')}`, team: 'SDR' })),
];
// Type, weight, minutes range (min, max), who does it: closers (0..39) or appointers (40..49).
const TYPES = [
  ['call', 45, 1, 20],
  ['email', 25, 0, 10],
  ['meeting', 10, 30, 90],
  ['visit', 8, 45, 180],
  ['video', 10, 15, 60],
  ['other', 2, 0, 30],
];
const TOTAL_WEIGHT = TYPES.reduce((s, t) => s + t[1], 0);
const OUTCOMES = ['no_answer', 'connected', 'left_voicemail'];

/** Writes a header and `n` activities about `deals` deals to `out`; resolves with the bytes written. */
export async function generateActivities(n, out, deals = 100_000, { seed = 0xac71 } = {}) {
  const rand = mulberry32(seed);
  const width = Math.max(7, String(deals).length);
  const tmp = `${out}.tmp`;
  mkdirSync(dirname(out), { recursive: true });
  const ws = createWriteStream(tmp, { highWaterMark: 1 << 20 });
  let failed = null;
  ws.on('error', (err) => (failed = err));
  const CHUNK = 1 << 20;
  let buf = HEADER + '\n';
  let bytes = 0;
  const flush = async () => {
    if (failed) throw failed;
    bytes += Buffer.byteLength(buf);
    const ok = ws.write(buf);
    buf = '';
    if (!ok) await once(ws, 'drain');
  };
  for (let i = 0; i < n; i++) {
    let r = rand() * TOTAL_WEIGHT;
    let type = TYPES[0];
    for (const t of TYPES) {
      r -= t[1];
      if (r < 0) {
        type = t;
        break;
      }
    }
    const [name, , lo, hi] = type;
    // Appointers make calls and e-mails; closers everything else, and some calls and e-mails.
    const inside = (name === 'call' || name === 'email') && rand() < 0.6;
    const person = inside ? PEOPLE[40 + Math.floor(rand() * 10)] : PEOPLE[Math.floor(rand() * 40)];
    const tenths = lo * 10 + Math.floor(rand() * ((hi - lo) * 10 + 1));
    const minutes = tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)}.${tenths % 10}`;
    const deal = rand() < 0.7 ? `D-${String(1 + Math.floor(rand() * deals)).padStart(width, '0')}` : '';
    const account = `A-${String(1 + Math.floor(rand() * 20_000)).padStart(5, '0')}`;
    const outcome = name === 'call' ? (rand() < 0.06 ? 'appointment_set' : OUTCOMES[Math.floor(rand() * 3)]) : '';
    buf += `${ISO[Math.floor(rand() * SPAN)]},${person.name},${person.team},${name},${minutes},${deal},${account},${outcome}\n`;
    if (buf.length >= CHUNK) await flush();
  }
  if (buf.length > 0) await flush();
  ws.end();
  if (failed) throw failed;
  await once(ws, 'finish');
  renameSync(tmp, out);
  return bytes;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const num = (s, d) => (s === undefined ? d : Number(s.replaceAll('_', '')));
  const n = num(process.argv[2], 10_000_000);
  const deals = num(process.argv[4], 100_000);
  if (!Number.isSafeInteger(n) || n < 0 || !Number.isSafeInteger(deals) || deals < 1) {
    process.stderr.write(
      `gen-activities: N and DEALS must be whole numbers, got ${process.argv[2]} ${process.argv[4]}\n`,
    );
    process.exit(2);
  }
  const out = resolve(process.argv[3] ?? `${ROOT}/bench-data/activities-${n}.csv`);
  const t0 = process.hrtime.bigint();
  try {
    const bytes = await generateActivities(n, out, deals);
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    process.stderr.write(
      `gen-activities: wrote ${n} activities (${(bytes / 1048576).toFixed(1)} MiB) to ${out} in ${s.toFixed(2)} s\n`,
    );
  } catch (err) {
    rmSync(`${out}.tmp`, { force: true });
    process.stderr.write(`gen-activities: ${err?.stack ?? err}\n`);
    process.exit(1);
  }
}
