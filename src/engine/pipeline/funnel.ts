import type { PipelineAggregate } from './aggregate.js';

/** One stage of the funnel. */
export interface FunnelStage {
  stage: string;
  /** Deals that reached the stage: at it or a later stage now, lost at it or later, or won. */
  reached: number;
  /** reached / reached at the previous stage; `null` for the first stage or when none reached the previous one. */
  conversion: number | null;
  /** reached / reached at the first stage; `null` when none reached it. */
  cumulative: number | null;
  /** Deals at this stage now. */
  open: number;
  /** Lost deals that fell out at this stage (at the first: also those whose stage is not known). */
  lost: number;
}

/** The stage funnel of the deals created in a window. */
export interface Funnel {
  /** Deals in the funnel: those that reached the first stage. */
  deals: number;
  stages: FunnelStage[];
  /** The last step: deals won. */
  won: { reached: number; conversion: number | null; cumulative: number | null };
  /** Lost deals whose lost stage is not known (no `lost_stage`, or one outside the order): counted at the first stage only. */
  lostWithoutStage: number;
  /** `lost_stage` values outside the stage order, and their deals. */
  unknownLostStages: { names: string[]; deals: number };
  /** Open deals at stages outside the order: left out of the funnel. */
  openOutside: { names: string[]; deals: number };
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/**
 * The stage funnel over `order` (stage keys, first to last). An export holds
 * each deal's current stage only, so "reached" is derived: a deal now at
 * stage k reached every stage up to k, a won deal reached them all, and a
 * lost deal reached every stage up to the one it was lost at (`lost_stage`,
 * else its own stage when that is one of the order, as exports that keep the
 * stage of lost deals write it). A lost deal whose lost stage is not known
 * counts at the first stage only.
 */
export function buildFunnel(agg: PipelineAggregate, order: readonly { key: string; name: string }[]): Funnel {
  const n = order.length;
  const open = new Array<number>(n).fill(0);
  const lost = new Array<number>(n).fill(0);
  const place = new Map(order.map((s, i) => [s.key, i]));
  let lostWithoutStage = agg.funnel.lostWithoutStage;
  const unknownLost = { names: [] as string[], deals: 0 };
  const openOutside = { names: [] as string[], deals: 0 };
  for (const [key, f] of agg.funnel.stages) {
    const i = place.get(key);
    if (i === undefined) {
      lostWithoutStage += f.lostByColumn + f.lostByStage;
      if (f.lostByColumn > 0) {
        unknownLost.names.push(f.name);
        unknownLost.deals += f.lostByColumn;
      }
      if (f.open > 0) {
        openOutside.names.push(f.name);
        openOutside.deals += f.open;
      }
      continue;
    }
    open[i] = (open[i] as number) + f.open;
    lost[i] = (lost[i] as number) + f.lostByColumn + f.lostByStage;
  }
  if (n > 0) lost[0] = (lost[0] as number) + lostWithoutStage;
  const won = agg.funnel.won;
  // reached[k] = won + Σ_{j ≥ k} (open[j] + lost[j])
  const reached = new Array<number>(n + 1).fill(0);
  reached[n] = won;
  for (let k = n - 1; k >= 0; k--) reached[k] = (reached[k + 1] as number) + (open[k] as number) + (lost[k] as number);
  const first = reached[0] as number;
  const stages = order.map((s, k) => ({
    stage: s.name,
    reached: reached[k] as number,
    conversion: k === 0 ? null : ratio(reached[k] as number, reached[k - 1] as number),
    cumulative: ratio(reached[k] as number, first),
    open: open[k] as number,
    lost: lost[k] as number,
  }));
  unknownLost.names.sort();
  openOutside.names.sort();
  return {
    deals: first,
    stages,
    won: {
      reached: won,
      conversion: n === 0 ? null : ratio(won, reached[n - 1] as number),
      cumulative: ratio(won, first),
    },
    lostWithoutStage,
    unknownLostStages: unknownLost,
    openOutside,
  };
}
