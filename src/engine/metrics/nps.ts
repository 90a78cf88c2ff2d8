import type { InputMetricDefinition } from './input-facts.js';

/**
 * `nps` = % of NPS scores 9–10 (promoters) − % of scores 0–6 (detractors)
 * in P, from −100 to 100; `null` when there are none.
 */
export const nps: InputMetricDefinition = {
  id: 'nps',
  label: 'NPS',
  kind: 'score',
  additive: false,
  better: 'higher',
  input: 'surveys',
  compute: (f) =>
    f.surveys === null || f.surveys.nps === 0
      ? null
      : (100 * (f.surveys.promoters - f.surveys.detractors)) / f.surveys.nps,
};
