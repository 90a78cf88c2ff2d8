#!/usr/bin/env node
// Deterministic generator for fixtures/deals-abtest-pitch.csv: closed deals
// of two sales pitches whose A/B figures are published worked examples, so
// that the CLI's A/B test can be checked against them end to end.
//
// - Win rates: pitch "new" 56 won of 70 closed, "old" 48 won of 80: example
//   (a) of Newcombe (1998), Statistics in Medicine 17:873–890.
// - Sales cycles: the first ten won deals of each pitch have a created date,
//   with cycles (days) c(11,9,10,11,10,12,9,11,12,9) for "old" and
//   c(11,13,10,13,12,9,11,12,12,11) for "new" (R's t.test of these two samples
//   prints t = -1.8325, df = 17.9, p-value = 0.08356); the
//   other won deals have none, so they have no cycle.
// - Deal sizes: "old" 24 × 1,000,000 and 24 × 1,200,000; "new" 28 ×
//   1,000,000 and 28 × 1,400,000 (JPY): means 1,100,000 and 1,200,000.
// - Around them: 3 open deals, 2 closed deals without a pitch and 2 "new"
//   deals closed in December 2024 (outside --from 2025-01-01).
//
// Usage: node scripts/make-abtest-fixture.mjs [output-path]

import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(process.argv[2] ?? `${ROOT}/fixtures/deals-abtest-pitch.csv`);

const DAY = 86_400_000;
const toDay = (iso) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const fromDay = (d) => new Date(d * DAY).toISOString().slice(0, 10);
const FIRST_CLOSE = toDay('2025-01-06');

const CYCLES = {
  old: [11, 9, 10, 11, 10, 12, 9, 11, 12, 9],
  new: [11, 13, 10, 13, 12, 9, 11, 12, 12, 11],
};
const WON = {
  old: [...Array(24).fill(1_000_000), ...Array(24).fill(1_200_000)],
  new: [...Array(28).fill(1_000_000), ...Array(28).fill(1_400_000)],
};
const LOST = { old: 32, new: 14 };

const rows = [['deal_id', 'stage', 'amount', 'currency', 'created_date', 'close_date', 'pitch']];
let n = 0;
const id = () => `P${String(++n).padStart(3, '0')}`;
// Close dates step through January–June 2025 (175 days), deal by deal.
const closeOf = (k) => fromDay(FIRST_CLOSE + ((k * 37) % 175));

for (const pitch of ['old', 'new']) {
  WON[pitch].forEach((amount, i) => {
    const close = closeOf(n);
    const cycle = CYCLES[pitch][i];
    const created = cycle === undefined ? '' : fromDay(toDay(close) - cycle);
    rows.push([id(), 'Closed Won', String(amount), 'JPY', created, close, pitch]);
  });
  for (let i = 0; i < LOST[pitch]; i++) rows.push([id(), 'Closed Lost', '800000', 'JPY', '', closeOf(n), pitch]);
}
rows.push([id(), 'Negotiation', '900000', 'JPY', '2025-05-01', '', 'new']);
rows.push([id(), 'Proposal', '900000', 'JPY', '2025-05-02', '', 'old']);
rows.push([id(), 'Qualification', '900000', 'JPY', '2025-05-03', '', '']);
rows.push([id(), 'Closed Won', '700000', 'JPY', '', '2025-03-03', '']);
rows.push([id(), 'Closed Lost', '700000', 'JPY', '', '2025-03-04', '']);
rows.push([id(), 'Closed Won', '5000000', 'JPY', '2024-12-01', '2024-12-10', 'new']);
rows.push([id(), 'Closed Lost', '5000000', 'JPY', '', '2024-12-11', 'new']);

writeFileSync(OUT, rows.map((r) => r.join(',')).join('\n') + '\n');
console.log(`wrote ${rows.length - 1} deals to ${OUT}`);
