import type { MetricValues } from '../metrics/index.js';
import type { KgiSpec } from './kgi.js';
import type { MeetingPlan } from './plan-chain.js';

/**
 * The plan back from the goal (逆算): what is still needed to reach a
 * revenue or deals-won KGI at the window's own rates.
 */
export interface Plan {
  /** target − actual, at least 0: currency units for revenue, deals for deals won. */
  remaining: number;
  /** The rates used: average deal size (currency units) and win rate (0..1) over the KGI's window so far. */
  avgDealSize: number | null;
  winRate: number | null;
  /** ⌈remaining / avg_deal_size⌉ (for a deals-won KGI: the remaining deals). */
  dealsToWin: number | null;
  /** ⌈deals to win / win_rate⌉: deals to bring to a close, won or lost. */
  dealsToClose: number | null;
  /** Calendar months holding at least one day after the as-of date, through the deadline. */
  remainingMonths: number;
  /** ⌈deals to win / remaining months⌉; `null` when no month remains. */
  dealsToWinPerMonth: number | null;
  /** ⌈deals to close / remaining months⌉. */
  dealsToClosePerMonth: number | null;
  /** Why a figure is null, for people. */
  reasons: string[];
  /**
   * Further down the chain, when the deals name appointers: meetings to hand
   * over and calls to make (see `extendPlan`). Absent otherwise.
   */
  meetings?: MeetingPlan;
}

/** ⌈a / b⌉ for non-negative integers a and positive integers b, exactly. */
function ceilDiv(a: bigint, b: bigint): number {
  return Number((a + b - 1n) / b);
}

/** Currency units to cents, exactly for values printed to the cent. */
function cents(v: number): bigint {
  return BigInt(Math.round(v * 100));
}

/**
 * remaining = target − actual; deals to win = ⌈remaining / avg_deal_size⌉;
 * deals to close = ⌈deals to win / win_rate⌉, computed exactly as
 * ⌈deals to win × (won + lost) / won⌉; both per remaining month. A null rate
 * gives null, with the reason. `null` for KGIs on other metrics.
 */
export function planBackFromGoal(spec: KgiSpec, values: MetricValues, months: number): Plan | null {
  if (spec.metric !== 'revenue' && spec.metric !== 'deals_won') return null;
  const reasons: string[] = [];
  const actual = values[spec.metric] ?? 0;
  const remaining = Math.max(
    0,
    spec.metric === 'revenue' ? Number(cents(spec.target) - cents(actual)) / 100 : spec.target - actual,
  );
  const won = values.deals_won ?? 0;
  const lost = values.deals_lost ?? 0;
  const avg = values.avg_deal_size;

  let dealsToWin: number | null;
  if (spec.metric === 'deals_won') dealsToWin = Math.ceil(remaining);
  else if (remaining === 0) dealsToWin = 0;
  else if (avg === null || avg <= 0) {
    dealsToWin = null;
    reasons.push('no deal won yet in the KGI window, so the average deal size is unknown');
  } else dealsToWin = ceilDiv(cents(remaining), cents(avg));

  let dealsToClose: number | null = null;
  if (dealsToWin === 0) dealsToClose = 0;
  else if (dealsToWin !== null) {
    if (won === 0)
      reasons.push(
        won + lost === 0 ? 'no deal closed yet in the KGI window, so the win rate is unknown' : 'the win rate is 0',
      );
    else dealsToClose = ceilDiv(BigInt(dealsToWin) * BigInt(won + lost), BigInt(won));
  }
  if (months === 0) reasons.push('no month remains before the deadline');
  const perMonth = (n: number | null): number | null =>
    n === null || months === 0 ? null : ceilDiv(BigInt(n), BigInt(months));
  return {
    remaining,
    avgDealSize: avg,
    winRate: values.win_rate,
    dealsToWin,
    dealsToClose,
    remainingMonths: months,
    dealsToWinPerMonth: perMonth(dealsToWin),
    dealsToClosePerMonth: perMonth(dealsToClose),
    reasons,
  };
}
