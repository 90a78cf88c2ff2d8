import type { InputMetricDefinition } from './input-facts.js';

/** `appointments_set`: activities dated in P with outcome `appointment_set`, of any type. */
export const appointmentsSet: InputMetricDefinition = {
  id: 'appointments_set',
  label: 'Appts set',
  kind: 'count',
  additive: true,
  better: 'higher',
  input: 'activities',
  compute: (f) => f.activities?.appointments ?? null,
};
