import type { MetricDefinition } from './facts.js';

/** `win_rate` = won / (won + lost) closed in P; `null` when there are none. */
export const winRate: MetricDefinition = {
  id: 'win_rate',
  label: 'Win rate',
  kind: 'ratio',
  additive: false,
  better: 'higher',
  compute: (f) => (f.won + f.lost === 0 ? null : f.won / (f.won + f.lost)),
};
