import type { InputMetricDefinition } from './input-facts.js';

/** `csat` = CSAT responses scoring 4 or 5 / CSAT responses in P (0..1); `null` when there are none. */
export const csat: InputMetricDefinition = {
  id: 'csat',
  label: 'CSAT',
  kind: 'ratio',
  additive: false,
  better: 'higher',
  input: 'surveys',
  compute: (f) => (f.surveys === null || f.surveys.csat === 0 ? null : f.surveys.satisfied / f.surveys.csat),
};

/** `csat_mean`: mean CSAT score (1–5) in P; `null` when there are none. */
export const csatMean: InputMetricDefinition = {
  id: 'csat_mean',
  label: 'CSAT mean',
  kind: 'score',
  additive: false,
  better: 'higher',
  input: 'surveys',
  compute: (f) => (f.surveys === null || f.surveys.csat === 0 ? null : f.surveys.csatSum / f.surveys.csat),
};
