import type { DealStatus } from '../engine/deal.js';

/** A stage or status name as compared: case-insensitive, spaces, `_` and `-` alike. */
export function normalizeStage(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

const DEFAULT_WON = ['won', 'closed won'];
const DEFAULT_LOST = ['lost', 'closed lost'];

/**
 * Maps a CRM stage (or status) name to a status: `won` for won / closed won /
 * closed-won and the extra `won` names, `lost` for lost / closed lost /
 * closed-lost and the extra `lost` names (any case); everything else is
 * `open`. The one replaceable piece that decides won and lost.
 */
export function stageClassifier(
  won: readonly string[] = [],
  lost: readonly string[] = [],
): (stage: string) => DealStatus {
  const table = new Map<string, DealStatus>();
  for (const s of [...DEFAULT_WON, ...won]) table.set(normalizeStage(s), 'won');
  for (const s of [...DEFAULT_LOST, ...lost]) table.set(normalizeStage(s), 'lost');
  const seen = new Map<string, DealStatus>();
  return (stage) => {
    let status = seen.get(stage);
    if (status === undefined) {
      status = table.get(normalizeStage(stage)) ?? 'open';
      if (seen.size < 10_000) seen.set(stage, status);
    }
    return status;
  };
}
