import type { InputMetricDefinition } from './input-facts.js';

/** `handoff_win_rate` = handoffs_won / (handoffs_won + handoffs_lost); `null` when none of them closed. */
export const handoffWinRate: InputMetricDefinition = {
  id: 'handoff_win_rate',
  label: 'HO win rate',
  kind: 'ratio',
  additive: false,
  better: 'higher',
  input: 'handoffs',
  compute: (f) => {
    const h = f.handoffs;
    return h === null || h.won + h.lost === 0 ? null : h.won / (h.won + h.lost);
  },
};
