import type { InputMetricDefinition } from './input-facts.js';

/** `survey_responses`: survey responses (CSAT and NPS) dated in P. */
export const surveyResponses: InputMetricDefinition = {
  id: 'survey_responses',
  label: 'Responses',
  kind: 'count',
  additive: true,
  better: 'higher',
  input: 'surveys',
  compute: (f) => (f.surveys === null ? null : f.surveys.csat + f.surveys.nps),
};
